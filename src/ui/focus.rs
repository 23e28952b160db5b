//! Keyboard focus between the window's panes: F6 and Shift+F6 go round
//! them, Ctrl+1 to Ctrl+4 go straight to one, and a click inside a pane
//! focuses it. The focused pane wears a thin frame, and the review keys act
//! on it: in the articles list Up and Down move through the articles,
//! elsewhere through the facts table.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::App;

/// A pane the keyboard can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The articles list.
    Articles,
    /// The article's text.
    Source,
    /// The facts table (or the Compare lists in its place).
    #[default]
    Facts,
    /// The timeline.
    Timeline,
}

impl Pane {
    /// The panes in the order F6 visits them.
    pub const ORDER: [Pane; 4] = [Pane::Articles, Pane::Source, Pane::Facts, Pane::Timeline];

    /// The pane's name, as the status bar and the help window say it.
    pub fn name(self) -> &'static str {
        match self {
            Pane::Articles => "Articles",
            Pane::Source => "Article text",
            Pane::Facts => "Facts table",
            Pane::Timeline => "Timeline",
        }
    }

    /// The shortcut that focuses it.
    pub fn shortcut(self) -> &'static str {
        match self {
            Pane::Articles => "Ctrl+1",
            Pane::Source => "Ctrl+2",
            Pane::Facts => "Ctrl+3",
            Pane::Timeline => "Ctrl+4",
        }
    }

    /// The pane `by` places further round (backwards when negative).
    pub fn after(self, by: isize) -> Pane {
        let n = Pane::ORDER.len() as isize;
        let at = Pane::ORDER.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Pane::ORDER[(at + by).rem_euclid(n) as usize]
    }
}

/// Handles this frame's focus keys; they work while typing too, so F6
/// also leaves a text field.
pub fn handle_keys(app: &mut App, ctx: &egui::Context) {
    if app.modal.is_some() {
        return;
    }
    let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    let chosen = ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::SHIFT, Key::F6)) {
            return Some(app.panels.focus.after(-1));
        }
        if i.consume_key(Modifiers::NONE, Key::F6) {
            return Some(app.panels.focus.after(1));
        }
        digits
            .iter()
            .zip(Pane::ORDER)
            .find(|(key, _)| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, **key)))
            .map(|(_, pane)| pane)
    });
    if let Some(pane) = chosen {
        focus(app, ctx, pane);
    }
}

/// Moves the keyboard to `pane`: the article text takes egui's focus (so
/// Shift+arrows select in it); elsewhere no widget keeps it, so the review
/// keys are free.
pub fn focus(app: &mut App, ctx: &egui::Context, pane: Pane) {
    app.panels.focus = pane;
    let text = app
        .ws
        .project()
        .view
        .selected_article
        .map(super::source::text_id);
    ctx.memory_mut(|m| match (pane, text) {
        (Pane::Source, Some(id)) => m.request_focus(id),
        _ => {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        }
    });
    app.status = format!("Keyboard in: {} (F6 moves on).", pane.name());
}

/// Marks the focused pane with a thin frame, and focuses a pane the
/// analyst clicks into. Call it at the end of the pane's drawing.
pub fn mark(app: &mut App, ui: &egui::Ui, pane: Pane) {
    let rect = ui.max_rect();
    let clicked_here = ui.input(|i| {
        i.pointer.primary_pressed() && i.pointer.interact_pos().is_some_and(|p| rect.contains(p))
    });
    if clicked_here && app.modal.is_none() {
        app.panels.focus = pane;
    }
    if app.panels.focus == pane {
        let stroke = egui::Stroke::new(1.5, ui.visuals().selection.bg_fill);
        ui.painter()
            .rect_stroke(rect.expand(2.0), 2.0, stroke, egui::StrokeKind::Inside);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f6_goes_round_the_panes_both_ways() {
        assert_eq!(Pane::Articles.after(1), Pane::Source);
        assert_eq!(Pane::Timeline.after(1), Pane::Articles);
        assert_eq!(Pane::Articles.after(-1), Pane::Timeline);
    }
}
