//! A fact: one claim found in (or added to) an article, traceable to its span.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::{ArticleId, FactId};

/// What kind of claim a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FactKind {
    /// A time expression with its TIMEX3 type and value.
    Time,
    /// A named person, organisation, place or other entity.
    Entity,
    /// A count of something ("1,000 prisoners").
    Quantity,
    /// Direct speech with its speaker.
    Quote,
    /// A person holding a title ("Defence Minister Rustem Umerov").
    Role,
    /// A dated happening for the timeline.
    Event,
}

impl FactKind {
    /// Every kind, in display order.
    pub const ALL: [FactKind; 6] = [
        FactKind::Time,
        FactKind::Entity,
        FactKind::Quantity,
        FactKind::Quote,
        FactKind::Role,
        FactKind::Event,
    ];

    /// The lower-case name used by the command line (`"time"`, `"entity"` …).
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Time => "time",
            FactKind::Entity => "entity",
            FactKind::Quantity => "quantity",
            FactKind::Quote => "quote",
            FactKind::Role => "role",
            FactKind::Event => "event",
        }
    }
}

/// Where a fact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Found by the extractors of the given engine version.
    Extracted(u32),
    /// Added by the analyst.
    Manual,
}

/// The analyst's verdict on a fact.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Status {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Checked and right as found.
    Confirmed,
    /// Corrected by hand.
    Edited,
    /// Wrong; kept so re-extraction does not bring it back.
    Rejected,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 4] = [
        Status::Unreviewed,
        Status::Confirmed,
        Status::Edited,
        Status::Rejected,
    ];

    /// A short lower-case name for tables and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Confirmed => "confirmed",
            Status::Edited => "edited",
            Status::Rejected => "rejected",
        }
    }
}

/// Whether a fact's span still points at its quoted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Anchor {
    /// The span holds the quoted text.
    #[default]
    Exact,
    /// The file changed and the quoted text was found again elsewhere.
    Moved,
    /// The file changed (or is missing) and the quoted text is not in it.
    Lost,
}

/// One claim of one article. Spans are byte offsets into the article's
/// decoded text, always on character boundaries; `text` keeps the quoted
/// words so the fact can be re-anchored if the file changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Stable id.
    pub id: FactId,
    /// The article the fact was found in.
    pub article: ArticleId,
    /// Start of the span (byte offset, inclusive).
    pub start: usize,
    /// End of the span (byte offset, exclusive).
    pub end: usize,
    /// The quoted text of the span.
    pub text: String,
    /// What kind of claim this is.
    pub kind: FactKind,
    /// Category within the kind: TIMEX3 type for time, PER/ORG/LOC/MISC for entities.
    #[serde(default)]
    pub label: String,
    /// The normalised value: TIMEX3 value, canonical name, number, quoted words …
    #[serde(default)]
    pub value: String,
    /// Further normalised fields (unit, modifier, speaker, holder, resolution …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    /// Extracted or added by hand.
    pub origin: Origin,
    /// The analyst's verdict.
    #[serde(default)]
    pub status: Status,
    /// The analyst's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether the span still points at `text`.
    #[serde(default)]
    pub anchor: Anchor,
}

impl Fact {
    /// A fact of article 1 quoting `text`, for the unit tests of the
    /// comparisons: `attrs` as (key, value) pairs.
    #[cfg(test)]
    pub(crate) fn for_test(
        kind: FactKind,
        label: &str,
        text: &str,
        value: &str,
        attrs: &[(&str, &str)],
    ) -> Fact {
        Fact {
            id: FactId(1),
            article: ArticleId(1),
            start: 0,
            end: text.len(),
            text: text.into(),
            kind,
            label: label.into(),
            value: value.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            origin: Origin::Manual,
            status: Status::Unreviewed,
            note: String::new(),
            anchor: Anchor::Exact,
        }
    }

    /// True when the analyst has touched this fact, so re-extraction must keep it as is.
    pub fn is_analyst_owned(&self) -> bool {
        self.origin == Origin::Manual || self.status != Status::Unreviewed
    }

    /// The fields other than the main value, as `key=value` pairs for tables and exports.
    pub fn attrs_summary(&self) -> String {
        let mut out = String::new();
        for (k, v) in &self.attrs {
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(k);
            out.push('=');
            out.push_str(v);
        }
        out
    }
}
