//! The menu bar: File, Edit, View with the usual shortcuts.

use std::path::PathBuf;

use super::Action;
use super::dialogs::Purpose;
use super::focus::Pane;
use super::panel_ctx::{Ask, PanelCtx};
use super::review::{CONFIRM_KEY, NEXT_KEY, REJECT_KEY};
use super::{find, help};
use crate::commands::Command;
use crate::model::{BottomTab, Status};

/// Draws the menu bar; `recent` are the recently opened projects and
/// folders, `help_open` the Help window's flag.
pub(super) fn show(
    ctx: &mut PanelCtx,
    help_open: &mut bool,
    recent: &[PathBuf],
    ui: &mut egui::Ui,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ctx, recent, ui));
        ui.menu_button("Edit", |ui| edit_menu(ctx, ui));
        ui.menu_button("Analysis", |ui| {
            if ui
                .add_enabled(ctx.job.is_none(), egui::Button::new("Re-run extraction"))
                .clicked()
            {
                ctx.request(Action::ReExtract);
            }
            if ui.button("Compare sources").clicked() {
                ctx.change_view(|view| view.bottom_tab = BottomTab::Compare);
            }
        });
        ui.menu_button("View", |ui| view_menu(ctx, ui));
        ui.menu_button("Help", |ui| {
            if item(ui, "Keyboard shortcuts and colours", help::HELP_KEY) {
                *help_open = true;
            }
        });
    });
}

fn item(ui: &mut egui::Ui, label: &str, shortcut: &str) -> bool {
    let button = egui::Button::new(label);
    let button = if shortcut.is_empty() {
        button
    } else {
        button.shortcut_text(shortcut)
    };
    ui.add(button).clicked()
}

fn file_menu(ctx: &mut PanelCtx, recent: &[PathBuf], ui: &mut egui::Ui) {
    if item(ui, "New project", "") {
        ctx.request(Action::NewProject);
    }
    if item(ui, "Open project…", "Ctrl+O") {
        ctx.request(Action::Ask(Purpose::OpenProject));
    }
    if item(ui, "Open folder…", "") {
        ctx.request(Action::Ask(Purpose::OpenFolder));
    }
    ui.menu_button("Open recent", |ui| {
        if recent.is_empty() {
            ui.label("Nothing yet");
        }
        for path in recent {
            if ui.button(path.display().to_string()).clicked() {
                ctx.request(Action::OpenPath(path.clone()));
            }
        }
    });
    ui.separator();
    if item(ui, "Add files…", "") {
        ctx.request(Action::Ask(Purpose::AddFiles));
    }
    if item(ui, "Import metadata…", "") {
        ctx.request(Action::Ask(Purpose::ImportSheet));
    }
    if ui
        .add_enabled(
            ctx.ws.has_unread_outside(),
            egui::Button::new("Read files outside the project folder…"),
        )
        .clicked()
    {
        ctx.request(Action::AskOutsideFiles);
    }
    ui.separator();
    if item(ui, "Save", "Ctrl+S") {
        ctx.request(Action::Save);
    }
    if item(ui, "Save As…", "Ctrl+Shift+S") {
        ctx.request(Action::Ask(Purpose::SaveProject));
    }
    ui.menu_button("Export facts", |ui| {
        if ui.button("CSV…").clicked() {
            ctx.request(Action::Ask(Purpose::ExportCsv));
        }
        if ui.button("JSON…").clicked() {
            ctx.request(Action::Ask(Purpose::ExportJson));
        }
    });
    if item(ui, "Export comparison report…", "") {
        ctx.request(Action::Ask(Purpose::ExportReport));
    }
    if item(ui, "Export timeline…", "") {
        ctx.request(Action::Ask(Purpose::ExportTimeline));
    }
    ui.separator();
    if item(ui, "Quit", "") {
        ctx.request(Action::Quit);
    }
}

fn edit_menu(ctx: &mut PanelCtx, ui: &mut egui::Ui) {
    let undo = ctx.ws.history().undo_label().map(|l| format!("Undo {l}"));
    let redo = ctx.ws.history().redo_label().map(|l| format!("Redo {l}"));
    let undo_text = undo.unwrap_or_else(|| "Undo".into());
    if ui
        .add_enabled(
            ctx.ws.history().undo_label().is_some(),
            egui::Button::new(undo_text).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        ctx.queue(Command::Undo);
    }
    let redo_text = redo.unwrap_or_else(|| "Redo".into());
    if ui
        .add_enabled(
            ctx.ws.history().redo_label().is_some(),
            egui::Button::new(redo_text).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        ctx.queue(Command::Redo);
    }
    ui.separator();
    let selected = ctx.view().selected_fact;
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new("Delete fact").shortcut_text("Del"),
        )
        .clicked()
        && let Some(id) = selected
    {
        ctx.queue(Command::DeleteFacts(vec![id]));
    }
    ui.separator();
    let review_item = |ui: &mut egui::Ui, label: &str, key: &str| {
        ui.add_enabled(
            selected.is_some(),
            egui::Button::new(label).shortcut_text(key),
        )
        .clicked()
    };
    for (label, key, status) in [
        ("Confirm fact", CONFIRM_KEY, Status::Confirmed),
        ("Reject fact", REJECT_KEY, Status::Rejected),
    ] {
        if review_item(ui, label, key)
            && let Some(id) = selected
        {
            ctx.queue(Command::SetStatus(vec![id], status));
        }
    }
    if item(ui, "Next unreviewed fact", NEXT_KEY) {
        ctx.ask(Ask::NextUnreviewed);
    }
    ui.separator();
    if item(ui, "Find…", "Ctrl+F") {
        ctx.ask(Ask::OpenFind);
    }
    if item(ui, "Find next", find::NEXT_MATCH_KEY) {
        ctx.ask(Ask::FindStep { forward: true });
    }
    if item(ui, "Find previous", find::PREVIOUS_MATCH_KEY) {
        ctx.ask(Ask::FindStep { forward: false });
    }
}

fn view_menu(ctx: &mut PanelCtx, ui: &mut egui::Ui) {
    for pane in Pane::ORDER {
        let label = format!("Keyboard to {}", pane.name());
        if item(ui, &label, pane.shortcut()) {
            ctx.ask(Ask::Focus(pane));
        }
    }
    ui.separator();
    if item(ui, "Find…", "Ctrl+F") {
        ctx.ask(Ask::OpenFind);
    }
}
