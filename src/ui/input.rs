//! Input that is not a panel's: keyboard shortcuts, files dropped on the
//! window, and the window's close button.

use std::path::PathBuf;

use super::actions::is_project_file;
use super::dialogs::Purpose;
use super::modals::Modal;
use super::{Action, App, find};
use crate::commands::Command;

impl App {
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shortcut = |m, k| KeyboardShortcut::new(m, k);
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let typing = ctx.egui_wants_keyboard_input();
        let mut find_keys = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&shortcut(cmd_shift, Key::S)) {
                self.actions.push(Action::Ask(Purpose::SaveProject));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::S)) {
                self.actions.push(Action::Save);
            }
            if i.consume_shortcut(&shortcut(cmd, Key::O)) {
                self.actions.push(Action::Ask(Purpose::OpenProject));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::F)) {
                find_keys.push(None);
            }
            if i.consume_shortcut(&shortcut(cmd_shift, Key::G))
                || i.consume_shortcut(&shortcut(Modifiers::SHIFT, Key::F3))
            {
                find_keys.push(Some(false));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::G))
                || i.consume_shortcut(&shortcut(Modifiers::NONE, Key::F3))
            {
                find_keys.push(Some(true));
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                self.panels.help_open = true;
            }
            if typing {
                return;
            }
            if i.consume_shortcut(&shortcut(cmd_shift, Key::Z))
                || i.consume_shortcut(&shortcut(cmd, Key::Y))
            {
                self.commands.push(Command::Redo);
            }
            if i.consume_shortcut(&shortcut(cmd, Key::Z)) {
                self.commands.push(Command::Undo);
            }
            if i.consume_key(Modifiers::NONE, Key::Delete)
                && let Some(id) = self.ws.project().view.selected_fact
            {
                self.commands.push(Command::DeleteFacts(vec![id]));
            }
        });
        for key in find_keys {
            match key {
                None => find::open(self),
                Some(forward) => find::step(self, forward),
            }
        }
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let projects: Vec<&PathBuf> = dropped.iter().filter(|p| is_project_file(p)).collect();
        match projects.first() {
            Some(p) => self.actions.push(Action::OpenPath((*p).clone())),
            None => self.actions.push(Action::AddPaths(dropped)),
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.closing_confirmed
            && self.ws.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmDiscard(Action::Quit));
        }
        if self.closing_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
