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

    /// Applies `edit` to `project` as part of the last step, so that undo
    /// and redo take them together (what follows from a change, such as the
    /// dates inferred after an import). Without a last step it is a step of its own.
    pub fn amend(&mut self, project: &mut Project, edit: Edit) {
        let Some(last) = self.undo.last_mut() else {
            self.apply(project, "Infer publication dates", edit);
            return;
        };
        let inverse = project.apply(edit);
        let earlier = std::mem::replace(&mut last.inverse, Edit::Batch(Vec::new()));
        last.inverse = Edit::Batch(vec![inverse, earlier]);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, ArticleId, Fact, FactId, FactKind, Origin, Status};

    fn fact(id: u64, value: &str) -> Fact {
        Fact {
            id: FactId(id),
            article: ArticleId(1),
            start: 0,
            end: 1,
            text: "x".into(),
            kind: FactKind::Entity,
            label: "PER".into(),
            value: value.into(),
            attrs: Default::default(),
            origin: Origin::Manual,
            status: Status::Unreviewed,
            note: String::new(),
            anchor: Anchor::Exact,
        }
    }

    #[test]
    fn undo_restores_and_redo_reapplies() {
        let mut p = Project::default();
        let mut h = History::default();
        h.mark_saved();
        h.apply(&mut p, "add", Edit::InsertFacts(vec![fact(5, "a")]));
        h.apply(&mut p, "edit", Edit::ReplaceFact(fact(5, "b")));
        assert_eq!(p.fact(FactId(5)).unwrap().value, "b");
        assert_eq!(h.undo(&mut p).as_deref(), Some("edit"));
        assert_eq!(p.fact(FactId(5)).unwrap().value, "a");
        assert_eq!(h.undo(&mut p).as_deref(), Some("add"));
        assert!(p.facts.is_empty());
        assert!(!h.is_dirty(), "back at the saved state");
        assert_eq!(h.redo(&mut p).as_deref(), Some("add"));
        assert_eq!(h.redo(&mut p).as_deref(), Some("edit"));
        assert_eq!(p.fact(FactId(5)).unwrap().value, "b");
        assert!(h.redo(&mut p).is_none());
        assert!(p.next_id > 5, "ids are never reused");
    }

    #[test]
    fn a_new_step_after_undo_past_the_save_point_stays_dirty() {
        let mut p = Project::default();
        let mut h = History::default();
        h.apply(&mut p, "add", Edit::InsertFacts(vec![fact(1, "a")]));
        h.mark_saved();
        h.undo(&mut p);
        assert!(h.is_dirty());
        h.apply(&mut p, "other", Edit::InsertFacts(vec![fact(2, "b")]));
        h.undo(&mut p);
        assert!(h.is_dirty(), "the saved state is no longer reachable");
    }

    #[test]
    fn an_amendment_is_undone_and_redone_with_its_step() {
        let mut p = Project::default();
        let mut h = History::default();
        h.apply(&mut p, "add", Edit::InsertFacts(vec![fact(1, "a")]));
        h.amend(&mut p, Edit::ReplaceFact(fact(1, "b")));
        assert_eq!(p.fact(FactId(1)).unwrap().value, "b");
        assert_eq!(h.undo(&mut p).as_deref(), Some("add"));
        assert!(p.facts.is_empty(), "one undo takes both back");
        assert_eq!(h.redo(&mut p).as_deref(), Some("add"));
        assert_eq!(p.fact(FactId(1)).unwrap().value, "b");
        let mut fresh = History::default();
        fresh.amend(&mut p, Edit::ReplaceFact(fact(1, "c")));
        assert_eq!(fresh.undo_label(), Some("Infer publication dates"));
    }

    #[test]
    fn batches_undo_in_reverse_order() {
        let mut p = Project::default();
        let mut h = History::default();
        let batch = Edit::Batch(vec![
            Edit::InsertFacts(vec![fact(1, "a")]),
            Edit::InsertFacts(vec![fact(2, "b")]),
            Edit::ReplaceFact(fact(1, "c")),
        ]);
        h.apply(&mut p, "batch", batch);
        let after = p.facts.clone();
        assert_eq!(after[&FactId(1)].value, "c");
        h.undo(&mut p);
        assert!(p.facts.is_empty(), "fully reversed, not half");
        h.redo(&mut p);
        assert_eq!(p.facts, after);
    }
}
