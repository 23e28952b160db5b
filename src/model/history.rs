//! Undo and redo: the model keeps the history, the panels only issue commands.

use super::project::{Edit, Project};

/// One undoable step: a description for menus and the edit that reverses it.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    inverse: Edit,
}

/// The undo and redo stacks of one open project.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// How many steps the project is away from its saved state; `None` when it can't get back.
    distance_from_saved: Option<i64>,
}

/// The most steps kept; older ones are forgotten.
const MAX_STEPS: usize = 1000;

impl History {
    /// Applies `edit` to `project` as one undoable step named `label`.
    pub fn apply(&mut self, project: &mut Project, label: impl Into<String>, edit: Edit) {
        let inverse = project.apply(edit);
        self.undo.push(Step {
            label: label.into(),
            inverse,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        // A new step makes the redo branch unreachable, and with it any saved state there.
        if matches!(self.distance_from_saved, Some(d) if d < 0) {
            self.distance_from_saved = None;
        }
        self.redo.clear();
        self.distance_from_saved = self.distance_from_saved.map(|d| d + 1);
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.undo.pop()?;
        let redo = project.apply(step.inverse);
        self.redo.push(Step {
            label: step.label.clone(),
            inverse: redo,
        });
        self.distance_from_saved = self.distance_from_saved.map(|d| d - 1);
        Some(step.label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.redo.pop()?;
        let undo = project.apply(step.inverse);
        self.undo.push(Step {
            label: step.label.clone(),
            inverse: undo,
        });
        self.distance_from_saved = self.distance_from_saved.map(|d| d + 1);
        Some(step.label)
    }

    /// The label of the step Undo would reverse.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step Redo would repeat.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Records that the project was just saved (or opened).
    pub fn mark_saved(&mut self) {
        self.distance_from_saved = Some(0);
    }

    /// True when the project differs from what was last saved.
    pub fn is_dirty(&self) -> bool {
        self.distance_from_saved != Some(0)
    }
}
