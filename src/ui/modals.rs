//! Dialogs drawn by the app itself: unsaved-changes prompt, messages,
//! autosave recovery, and the path prompt used when no native dialog exists.

use std::path::PathBuf;

use super::dialogs::{Purpose, completions};
use super::{Action, App};

/// A dialog on screen; at most one at a time.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Unsaved changes would be lost by this action.
    ConfirmDiscard(Action),
    /// Something the analyst must read.
    Message {
        /// Heading.
        title: String,
        /// Details.
        body: String,
    },
    /// An autosave newer than the project exists.
    OfferRecovery(PathBuf),
    /// The project names article files outside its folder: read them?
    ConfirmOutside {
        /// The files, absolute.
        files: Vec<PathBuf>,
        /// The dialog to show once this one is answered.
        next: Option<Box<Modal>>,
    },
    /// The fallback for a missing native file dialog.
    PathPrompt {
        /// What the path is for.
        purpose: Purpose,
        /// What has been typed.
        text: String,
    },
}

/// Draws the modal; returns it if it stays open.
pub fn show(app: &mut App, ctx: &egui::Context, modal: Modal) -> Option<Modal> {
    let mut keep = Some(modal.clone());
    egui::Modal::new(egui::Id::unique("dossier-modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match modal {
            Modal::ConfirmDiscard(action) => {
                ui.heading("Unsaved changes");
                ui.label("The project has changes that are not saved. Save them first?");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        keep = None;
                        app.save_then(action.clone());
                    }
                    if ui.button("Discard changes").clicked() {
                        keep = None;
                        app.run_action(action.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        keep = None;
                    }
                });
            }
            Modal::Message { title, body } => {
                ui.heading(&title);
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        ui.label(&body);
                    });
                if ui.button("OK").clicked() {
                    keep = None;
                }
            }
            Modal::OfferRecovery(path) => {
                let untitled = app.ws.path.is_none();
                ui.heading("Recover unsaved work?");
                ui.label(if untitled {
                    format!(
                        "Unsaved work of an untitled project was autosaved:\n{}",
                        path.display()
                    )
                } else {
                    format!(
                        "An autosave newer than this project was found:\n{}",
                        path.display()
                    )
                });
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        keep = None;
                        app.run_action(Action::RecoverAutosave(path.clone()));
                    }
                    let keep_label = if untitled {
                        "Discard the autosave"
                    } else {
                        "Keep the saved project"
                    };
                    if ui.button(keep_label).clicked() {
                        keep = None;
                        app.ws.discard_unrecovered_autosave(&path);
                    }
                });
            }
            Modal::ConfirmOutside { files, next } => {
                ui.heading("Read files outside the project folder?");
                ui.label(
                    "This project names article files that are not in its folder. A project \
                     from someone else can name any file on this computer, so they are not \
                     read until you agree:",
                );
                egui::ScrollArea::vertical()
                    .max_height(200.0)
                    .show(ui, |ui| {
                        for file in &files {
                            ui.monospace(file.display().to_string());
                        }
                    });
                ui.label("Your answer is saved with the project.");
                ui.horizontal(|ui| {
                    if ui.button("Read these files").clicked() {
                        keep = next.clone().map(|m| *m);
                        app.run_action(Action::ReadOutsideFiles);
                    }
                    if ui.button("Leave them unread").clicked() {
                        keep = next.clone().map(|m| *m);
                        app.run_action(Action::DeclineOutsideFiles);
                    }
                });
            }
            Modal::PathPrompt { purpose, mut text } => {
                keep = path_prompt(app, ui, purpose, &mut text);
            }
        }
    });
    keep
}

fn path_prompt(
    app: &mut App,
    ui: &mut egui::Ui,
    purpose: Purpose,
    text: &mut String,
) -> Option<Modal> {
    ui.heading(purpose.title());
    ui.label("No file dialog is available on this desktop. Type a path (Tab completes):");
    let label = ui.label("Path");
    let edit = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .lock_focus(true),
    );
    let edit = edit.labelled_by(label.id);
    let found = completions(text, 8, purpose);
    if edit.has_focus()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab))
        && let Some(first) = found.first()
    {
        *text = complete(first);
    }
    for candidate in &found {
        if ui.small_button(candidate.display().to_string()).clicked() {
            *text = complete(candidate);
        }
    }
    let recent: Vec<PathBuf> = match purpose {
        Purpose::OpenFolder => app
            .settings
            .recent
            .iter()
            .filter(|p| p.is_dir())
            .cloned()
            .collect(),
        Purpose::OpenProject => app
            .settings
            .recent
            .iter()
            .filter(|p| p.is_file())
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    if !recent.is_empty() {
        ui.separator();
        ui.label("Recent:");
        for recent in recent {
            if ui.small_button(recent.display().to_string()).clicked() {
                *text = recent.display().to_string();
            }
        }
    }
    let mut keep = true;
    ui.horizontal(|ui| {
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("OK").clicked() || enter {
            keep = false;
            app.answered(purpose, vec![PathBuf::from(text.trim())]);
        }
        if ui.button("Cancel").clicked() {
            keep = false;
            app.dialog_cancelled();
        }
    });
    keep.then(|| Modal::PathPrompt {
        purpose,
        text: text.clone(),
    })
}

fn complete(path: &std::path::Path) -> String {
    let mut s = path.display().to_string();
    if path.is_dir() {
        s.push(std::path::MAIN_SEPARATOR);
    }
    s
}
