//! The menu bar: File, Edit, View with the usual shortcuts.

use super::dialogs::Purpose;
use super::focus::{self, Pane};
use super::review::{self, CONFIRM_KEY, NEXT_KEY, REJECT_KEY};
use super::{Action, App};
use super::{find, help};
use crate::commands::Command;
use crate::model::Status;

/// Draws the menu bar.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(app, ui));
        ui.menu_button("Edit", |ui| edit_menu(app, ui));
        ui.menu_button("Analysis", |ui| {
            if ui
                .add_enabled(!app.is_busy(), egui::Button::new("Re-run extraction"))
                .clicked()
            {
                app.request(Action::ReExtract);
            }
            if ui.button("Compare sources").clicked() {
                app.ws.view_mut().bottom_tab = crate::model::BottomTab::Compare;
            }
        });
        ui.menu_button("View", |ui| view_menu(app, ui));
        ui.menu_button("Help", |ui| {
            if item(ui, "Keyboard shortcuts and colours", help::HELP_KEY) {
                app.panels.help_open = true;
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

fn file_menu(app: &mut App, ui: &mut egui::Ui) {
    if item(ui, "New project", "") {
        app.request(Action::NewProject);
    }
    if item(ui, "Open project…", "Ctrl+O") {
        app.request(Action::Ask(Purpose::OpenProject));
    }
    if item(ui, "Open folder…", "") {
        app.request(Action::Ask(Purpose::OpenFolder));
    }
    ui.menu_button("Open recent", |ui| {
        if app.settings.recent.is_empty() {
            ui.label("Nothing yet");
        }
        for path in app.settings.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.request(Action::OpenPath(path));
            }
        }
    });
    ui.separator();
    if item(ui, "Add files…", "") {
        app.request(Action::Ask(Purpose::AddFiles));
    }
    if item(ui, "Import metadata…", "") {
        app.request(Action::Ask(Purpose::ImportSheet));
    }
    if ui
        .add_enabled(
            app.ws.has_unread_outside(),
            egui::Button::new("Read files outside the project folder…"),
        )
        .clicked()
    {
        app.request(Action::AskOutsideFiles);
    }
    ui.separator();
    if item(ui, "Save", "Ctrl+S") {
        app.request(Action::Save);
    }
    if item(ui, "Save As…", "Ctrl+Shift+S") {
        app.request(Action::Ask(Purpose::SaveProject));
    }
    ui.menu_button("Export facts", |ui| {
        if ui.button("CSV…").clicked() {
            app.request(Action::Ask(Purpose::ExportCsv));
        }
        if ui.button("JSON…").clicked() {
            app.request(Action::Ask(Purpose::ExportJson));
        }
    });
    if item(ui, "Export comparison report…", "") {
        app.request(Action::Ask(Purpose::ExportReport));
    }
    if item(ui, "Export timeline…", "") {
        app.request(Action::Ask(Purpose::ExportTimeline));
    }
    ui.separator();
    if item(ui, "Quit", "") {
        app.request(Action::Quit);
    }
}

fn edit_menu(app: &mut App, ui: &mut egui::Ui) {
    let undo = app.ws.history().undo_label().map(|l| format!("Undo {l}"));
    let redo = app.ws.history().redo_label().map(|l| format!("Redo {l}"));
    let undo_text = undo.unwrap_or_else(|| "Undo".into());
    if ui
        .add_enabled(
            app.ws.history().undo_label().is_some(),
            egui::Button::new(undo_text).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        app.queue(Command::Undo);
    }
    let redo_text = redo.unwrap_or_else(|| "Redo".into());
    if ui
        .add_enabled(
            app.ws.history().redo_label().is_some(),
            egui::Button::new(redo_text).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        app.queue(Command::Redo);
    }
    ui.separator();
    let selected = app.ws.project().view.selected_fact;
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new("Delete fact").shortcut_text("Del"),
        )
        .clicked()
        && let Some(id) = selected
    {
        app.queue(Command::DeleteFacts(vec![id]));
    }
    ui.separator();
    let review_item = |ui: &mut egui::Ui, label: &str, key: &str| {
        ui.add_enabled(
            selected.is_some(),
            egui::Button::new(label).shortcut_text(key),
        )
        .clicked()
    };
    if review_item(ui, "Confirm fact", CONFIRM_KEY) {
        review::set_selected_status(app, Status::Confirmed);
    }
    if review_item(ui, "Reject fact", REJECT_KEY) {
        review::set_selected_status(app, Status::Rejected);
    }
    if item(ui, "Next unreviewed fact", NEXT_KEY) {
        review::select_next_unreviewed(app);
    }
    ui.separator();
    if item(ui, "Find…", "Ctrl+F") {
        find::open(app);
    }
    if item(ui, "Find next", find::NEXT_MATCH_KEY) {
        find::step(app, true);
    }
    if item(ui, "Find previous", find::PREVIOUS_MATCH_KEY) {
        find::step(app, false);
    }
}

fn view_menu(app: &mut App, ui: &mut egui::Ui) {
    for pane in Pane::ORDER {
        let label = format!("Keyboard to {}", pane.name());
        if item(ui, &label, pane.shortcut()) {
            focus::focus(app, ui.ctx(), pane);
        }
    }
    ui.separator();
    if item(ui, "Find…", "Ctrl+F") {
        find::open(app);
    }
}
