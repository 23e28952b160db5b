//! The extraction engine: a pure function from (text, publication date) to
//! candidate facts. One module per kind of fact, each behind one small
//! function, so stronger versions can replace them one at a time.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::FactKind;

pub mod entity;
pub mod event;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod spans;
pub mod time;
pub mod words;

/// The version of the extractors, recorded in every extracted fact's origin.
pub const EXTRACTOR_VERSION: u32 = 1;

/// A fact as an extractor finds it, before it is given an id and an article.
/// `start`/`end` are byte offsets into the text, on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Start of the span (byte offset, inclusive).
    pub start: usize,
    /// End of the span (byte offset, exclusive).
    pub end: usize,
    /// What kind of fact.
    pub kind: FactKind,
    /// Category within the kind (TIMEX3 type, entity label …).
    pub label: String,
    /// Normalised value.
    pub value: String,
    /// Further normalised fields.
    pub attrs: BTreeMap<String, String>,
}

impl Candidate {
    /// A candidate with no further fields.
    pub fn new(
        start: usize,
        end: usize,
        kind: FactKind,
        label: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        Candidate {
            start,
            end,
            kind,
            label: label.into(),
            value: value.into(),
            attrs: BTreeMap::new(),
        }
    }

    /// Adds one further field.
    pub fn with_attr(mut self, key: &str, value: impl Into<String>) -> Self {
        self.attrs.insert(key.to_owned(), value.into());
        self
    }
}

/// Runs every extractor over one article and returns the candidates sorted by position.
pub fn extract_all(text: &str, published: Option<NaiveDate>) -> Vec<Candidate> {
    let times = time::extract(text, published);
    let entities = entity::extract(text);
    let quantities = quantity::extract(text, &times);
    let reading = quote::Reading::of(text);
    let quotes = quote::extract_from(text, &reading, &entities);
    let roles = role::extract(text, &entities);
    let mut all = times;
    all.extend(entities);
    all.extend(quantities);
    all.extend(quotes);
    all.extend(roles);
    let events = event::extract_in(text, reading.sentences(), published, &all);
    all.extend(events);
    all.sort_by_key(|c| (c.start, c.end, c.kind));
    all
}
