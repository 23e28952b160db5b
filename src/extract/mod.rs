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
    extract_each(&[(text, published)]).pop().unwrap_or_default()
}

/// How many articles imports and re-extraction give [`extract_each`] at a time: enough that each
/// extractor's tables stay in cache from one article to the next (`benches/engine.rs` measures it).
pub const BATCH: usize = 16;

/// [`extract_all`] of each of several articles (text and publication date), with the same
/// result. Each extractor runs over all the articles before the next one starts: its regexes'
/// automata, word lists and weights then stay in the processor's cache from one article to the
/// next, which running every extractor over one article after another does not allow.
pub fn extract_each(articles: &[(&str, Option<NaiveDate>)]) -> Vec<Vec<Candidate>> {
    let text = |i: usize| articles[i].0;
    let each = articles.len();
    let times: Vec<Vec<Candidate>> = articles
        .iter()
        .map(|&(text, published)| time::extract(text, published))
        .collect();
    let entities: Vec<Vec<Candidate>> = (0..each).map(|i| entity::extract(text(i))).collect();
    let quantities: Vec<Vec<Candidate>> = (0..each)
        .map(|i| quantity::extract(text(i), &times[i]))
        .collect();
    let readings: Vec<quote::Reading> = (0..each).map(|i| quote::Reading::of(text(i))).collect();
    let quotes: Vec<Vec<Candidate>> = (0..each)
        .map(|i| quote::extract_from(text(i), &readings[i], &entities[i]))
        .collect();
    let roles: Vec<Vec<Candidate>> = (0..each)
        .map(|i| role::extract(text(i), &entities[i]))
        .collect();
    let mut all = times;
    for found in [entities, quantities, quotes, roles] {
        for (facts, more) in all.iter_mut().zip(found) {
            facts.extend(more);
        }
    }
    for (i, facts) in all.iter_mut().enumerate() {
        let (text, published) = articles[i];
        let events = event::extract_in(text, readings[i].sentences(), published, facts);
        facts.extend(events);
        facts.sort_by_key(|c| (c.start, c.end, c.kind));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_articles_together_give_what_each_gives_alone() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 11);
        let articles = [
            (
                "Mayor Ilse Varga said on Monday that 40 buses would run by March.",
                day,
            ),
            ("No facts here at all", None),
            (
                "\"We will rebuild the bridge,\" said Tomas Brandl, the city engineer, in Ostrava.",
                day,
            ),
        ];
        let together = extract_each(&articles);
        let alone: Vec<Vec<Candidate>> = articles
            .iter()
            .map(|&(text, published)| extract_each(&[(text, published)]).remove(0))
            .collect();
        assert_eq!(together, alone);
        assert!(together[0].iter().any(|c| c.kind == FactKind::Time));
        assert!(together[2].iter().any(|c| c.kind == FactKind::Quote));
        for (facts, (text, _)) in together.iter().zip(articles) {
            assert!(facts.iter().all(|c| c.end <= text.len()), "{facts:?}");
        }
    }
}
