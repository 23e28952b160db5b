//! The analyst's decisions about the cross-source analysis: alias merges and
//! splits, and verdicts on contradictions. They are keyed by names and topics,
//! not by fact ids, so they survive re-extraction.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One correction of the automatic alias groups, applied in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AliasDecision {
    /// The groups holding these two name forms are one entity.
    Merge(String, String),
    /// This name form is an entity of its own, apart from its group.
    Split(String),
}

/// One correction of the automatic event grouping, applied in order. Event
/// mentions are named by their key (`article id@byte offset` of the trigger,
/// see `analysis::events::mention_key`), which re-extraction keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventDecision {
    /// The events holding these two mentions are one.
    Merge(String, String),
    /// This mention is an event of its own, apart from its event.
    Split(String),
    /// The event holding this mention is shown under this name.
    Rename(String, String),
}

/// What the analyst concluded about a reported contradiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum VerdictState {
    /// Still to be looked at.
    #[default]
    Open,
    /// Looked into and settled (the note says how).
    Resolved,
    /// The claims do not really conflict (different events, different people …).
    NotContradiction,
}

impl VerdictState {
    /// Every state, in display order.
    pub const ALL: [VerdictState; 3] = [
        VerdictState::Open,
        VerdictState::Resolved,
        VerdictState::NotContradiction,
    ];

    /// A short lower-case name for tables and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictState::Open => "open",
            VerdictState::Resolved => "resolved",
            VerdictState::NotContradiction => "not a contradiction",
        }
    }
}

/// The analyst's verdict on one contradiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Verdict {
    /// Open, resolved or not a contradiction.
    pub state: VerdictState,
    /// Why.
    pub note: String,
}

/// Everything the analyst decided in the Compare panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Decisions {
    /// Alias corrections, in the order they were made.
    pub aliases: Vec<AliasDecision>,
    /// Event corrections, in the order they were made.
    pub events: Vec<EventDecision>,
    /// Verdicts by contradiction key (kind and topic).
    pub verdicts: BTreeMap<String, Verdict>,
}
