//! What the analyst arranged in the window and a project reopens with: the
//! bottom panel's tab, the Compare panel's list, and the facts table's
//! columns. Names only; drawing them is the window's business.

use serde::{Deserialize, Serialize};

/// What the bottom panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BottomTab {
    /// The facts table and editor.
    #[default]
    Facts,
    /// The comparison of sources.
    Compare,
}

/// The list the Compare panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CompareTab {
    /// Incompatible claims.
    #[default]
    Contradictions,
    /// Facts several sources state.
    Corroborated,
    /// Claims of one source only.
    SingleSource,
    /// Events and their mentions.
    Events,
    /// Alias groups.
    Entities,
    /// Articles, their grades and copies.
    Sources,
}

/// A column of the facts table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FactColumn {
    /// The fact's kind.
    Kind,
    /// The text it was read from.
    Text,
    /// Its normalised value.
    Value,
    /// Its label (person, organisation, …).
    Label,
    /// Its article and position.
    Article,
    /// Its review status.
    Status,
    /// How many sources corroborate it.
    Sources,
    /// Its fields and note.
    Notes,
}

impl FactColumn {
    /// Every column, in the default order.
    pub const ALL: [FactColumn; 8] = [
        FactColumn::Kind,
        FactColumn::Text,
        FactColumn::Value,
        FactColumn::Label,
        FactColumn::Article,
        FactColumn::Status,
        FactColumn::Sources,
        FactColumn::Notes,
    ];

    /// The column's heading.
    pub fn heading(self) -> &'static str {
        match self {
            FactColumn::Kind => "Kind",
            FactColumn::Text => "Text",
            FactColumn::Value => "Value",
            FactColumn::Label => "Label",
            FactColumn::Article => "Article",
            FactColumn::Status => "Status",
            FactColumn::Sources => "Sources",
            FactColumn::Notes => "Fields / note",
        }
    }
}

/// The facts table's shown columns in their order; a saved list is read
/// back without repeats, and an empty one shows every column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FactColumns(Vec<FactColumn>);

impl Default for FactColumns {
    fn default() -> Self {
        FactColumns(FactColumn::ALL.to_vec())
    }
}

impl FactColumns {
    /// The shown columns, in order (never empty, never repeated).
    pub fn shown(&self) -> Vec<FactColumn> {
        let mut out: Vec<FactColumn> = Vec::new();
        for c in &self.0 {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        if out.is_empty() {
            out = FactColumn::ALL.to_vec();
        }
        out
    }

    /// The hidden columns, in the default order.
    pub fn hidden(&self) -> Vec<FactColumn> {
        let shown = self.shown();
        FactColumn::ALL
            .into_iter()
            .filter(|c| !shown.contains(c))
            .collect()
    }

    /// Shows or hides `column` (a shown column goes to the end); the last
    /// shown column cannot be hidden.
    pub fn set_shown(&mut self, column: FactColumn, shown: bool) {
        let mut list = self.shown();
        if shown && !list.contains(&column) {
            list.push(column);
        } else if !shown && list.len() > 1 {
            list.retain(|c| *c != column);
        }
        self.0 = list;
    }

    /// Moves a shown column one place left (`-1`) or right (`1`).
    pub fn shift(&mut self, column: FactColumn, by: isize) {
        let mut list = self.shown();
        if let Some(i) = list.iter().position(|c| *c == column) {
            let j = i.saturating_add_signed(by).min(list.len() - 1);
            list.swap(i, j);
        }
        self.0 = list;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_list_with_repeats_or_nothing_reads_back_sensibly() {
        let repeated = FactColumns(vec![FactColumn::Text, FactColumn::Text, FactColumn::Kind]);
        assert_eq!(repeated.shown(), vec![FactColumn::Text, FactColumn::Kind]);
        assert_eq!(FactColumns(Vec::new()).shown(), FactColumn::ALL.to_vec());
    }

    #[test]
    fn hiding_showing_and_moving_columns() {
        let mut columns = FactColumns::default();
        columns.set_shown(FactColumn::Label, false);
        assert!(!columns.shown().contains(&FactColumn::Label));
        assert_eq!(columns.hidden(), vec![FactColumn::Label]);
        columns.shift(FactColumn::Text, -1);
        assert_eq!(columns.shown()[..2], [FactColumn::Text, FactColumn::Kind]);
        columns.shift(FactColumn::Text, -1);
        assert_eq!(columns.shown()[0], FactColumn::Text);
        columns.set_shown(FactColumn::Label, true);
        assert_eq!(columns.shown().last(), Some(&FactColumn::Label));
    }

    #[test]
    fn the_last_shown_column_stays() {
        let mut columns = FactColumns(vec![FactColumn::Value]);
        columns.set_shown(FactColumn::Value, false);
        assert_eq!(columns.shown(), vec![FactColumn::Value]);
    }
}
