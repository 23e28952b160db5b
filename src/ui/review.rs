//! Keyboard review of the facts table: Up/Down, PageUp/PageDown and
//! Home/End move the selection through the table's rows (the source text and
//! the timeline follow it; in the articles pane they move through the
//! articles), C confirms and R rejects the selected fact, N
//! selects the next unreviewed one. The keys act while no dialog, menu or
//! other widget has the keyboard (Escape takes it back); the article text,
//! which cannot be typed into, does not count.

use egui::{Key, Modifiers};

use super::App;
use super::focus::Pane;
use crate::commands::Command;
use crate::model::{ArticleId, FactId, Project, Status};

/// The key that confirms the selected fact, as menus and tooltips name it.
pub const CONFIRM_KEY: &str = "C";
/// The key that rejects the selected fact.
pub const REJECT_KEY: &str = "R";
/// The key that selects the next unreviewed fact.
pub const NEXT_KEY: &str = "N";

/// How many rows PageUp and PageDown move.
const PAGE: isize = 10;

/// A move through the table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// This many rows down (up when negative).
    By(isize),
    /// The first row.
    First,
    /// The last row.
    Last,
}

/// Handles this frame's review keys.
pub fn handle_keys(app: &mut App, ctx: &egui::Context) {
    if !keyboard_is_free(app, ctx) {
        return;
    }
    let (step, status, next) = ctx.input_mut(|i| {
        let mut pressed = |key| i.consume_key(Modifiers::NONE, key);
        let step = [
            (Key::ArrowDown, Step::By(1)),
            (Key::ArrowUp, Step::By(-1)),
            (Key::PageDown, Step::By(PAGE)),
            (Key::PageUp, Step::By(-PAGE)),
            (Key::Home, Step::First),
            (Key::End, Step::Last),
        ]
        .into_iter()
        .find(|(key, _)| pressed(*key))
        .map(|(_, step)| step);
        let status = if pressed(Key::C) {
            Some(Status::Confirmed)
        } else if pressed(Key::R) {
            Some(Status::Rejected)
        } else {
            None
        };
        (step, status, pressed(Key::N))
    });
    match step {
        Some(step) if app.panels.focus == Pane::Articles => {
            let ids: Vec<ArticleId> = app.ws.project().articles.iter().map(|a| a.id).collect();
            if let Some(id) = stepped(&ids, app.ws.project().view.selected_article, step) {
                app.select_article(id);
            }
        }
        Some(step) => {
            let rows = app.panels.facts.rows();
            if let Some(id) = stepped(rows, app.ws.project().view.selected_fact, step) {
                app.select_fact(id);
            }
        }
        None => {}
    }
    if let Some(status) = status {
        set_selected_status(app, status);
    }
    if next {
        select_next_unreviewed(app);
    }
}

/// True when no dialog, open menu or widget other than the article text
/// holds the keyboard.
fn keyboard_is_free(app: &App, ctx: &egui::Context) -> bool {
    let focused = ctx.memory(|m| m.focused());
    let reading = app
        .ws
        .project()
        .view
        .selected_article
        .map(super::source::text_id);
    app.modal.is_none()
        && !egui::Popup::is_any_open(ctx)
        && (focused.is_none() || focused == reading)
}

/// Confirms or rejects the selected fact (a command, so it can be undone).
pub fn set_selected_status(app: &mut App, status: Status) {
    if let Some(id) = app.ws.project().view.selected_fact {
        app.queue(Command::SetStatus(vec![id], status));
    }
}

/// Selects the next unreviewed fact of the table after the selected one.
pub fn select_next_unreviewed(app: &mut App) {
    let rows = app.panels.facts.rows();
    match next_unreviewed(app.ws.project(), rows, app.ws.project().view.selected_fact) {
        Some(id) => app.select_fact(id),
        None => app.status = "No other unreviewed fact in the table.".into(),
    }
}

/// The row `step` leads to from `current`; from no row (or one the list
/// does not show) down starts at the first row and up at the last.
pub fn stepped<T: Copy + PartialEq>(rows: &[T], current: Option<T>, step: Step) -> Option<T> {
    let last = rows.len().checked_sub(1)?;
    let at = current.and_then(|id| rows.iter().position(|r| *r == id));
    let index = match (step, at) {
        (Step::First, _) => 0,
        (Step::Last, _) => last,
        (Step::By(n), Some(i)) => i.saturating_add_signed(n).min(last),
        (Step::By(n), None) if n > 0 => 0,
        (Step::By(_), None) => last,
    };
    rows.get(index).copied()
}

/// The first unreviewed fact after `current` in `rows`, wrapping around.
pub fn next_unreviewed(
    project: &Project,
    rows: &[FactId],
    current: Option<FactId>,
) -> Option<FactId> {
    let start = current
        .and_then(|id| rows.iter().position(|r| *r == id))
        .map_or(0, |i| i + 1);
    rows[start..]
        .iter()
        .chain(&rows[..start])
        .copied()
        .filter(|id| Some(*id) != current)
        .find(|id| {
            project
                .fact(*id)
                .is_some_and(|f| f.status == Status::Unreviewed)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: u64) -> Vec<FactId> {
        (1..=n).map(FactId).collect()
    }

    #[test]
    fn steps_stop_at_the_ends_and_start_from_an_end() {
        let rows = ids(5);
        let at = |i: usize| Some(rows[i]);
        assert_eq!(stepped(&rows, at(0), Step::By(1)), at(1));
        assert_eq!(stepped(&rows, at(0), Step::By(-1)), at(0));
        assert_eq!(stepped(&rows, at(3), Step::By(PAGE)), at(4));
        assert_eq!(stepped(&rows, at(3), Step::First), at(0));
        assert_eq!(stepped(&rows, at(1), Step::Last), at(4));
        assert_eq!(stepped(&rows, None, Step::By(1)), at(0));
        assert_eq!(stepped(&rows, None, Step::By(-1)), at(4));
        assert_eq!(stepped::<FactId>(&[], None, Step::By(1)), None);
    }
}
