//! Helpers for the tests of the rule families and the tagger: run the
//! whole tagger on sentences and check what it finds.

use chrono::NaiveDate;

use super::calendar::parse_ymd;
use super::trigger::Look;
use super::{extract, extract_looking, rules};
use crate::extract::Candidate;

/// What a scan of the whole text by every rule finds: the reference
/// the search near trigger words must equal.
pub(super) fn extract_everywhere(text: &str, dct: Option<NaiveDate>) -> Vec<Candidate> {
    let looks: Vec<Look> = rules::all().map(|_| Look::Everywhere).collect();
    extract_looking(text, dct, &looks)
}

/// Runs the whole tagger and checks each row's expected
/// (span text, type, value) appears.
pub(super) fn check_table(rows: &[(&str, &str, &str, &str, &str)]) {
    for (sentence, dct, text, kind, value) in rows {
        let dct = parse_ymd(dct);
        let found = extract(sentence, dct);
        assert_eq!(found, extract_everywhere(sentence, dct), "{sentence:?}");
        let hit = found
            .iter()
            .find(|c| sentence.get(c.start..c.end) == Some(*text));
        let got = hit.map(|c| (c.label.as_str(), c.value.as_str()));
        let all: Vec<_> = found
            .iter()
            .map(|c| {
                (
                    sentence.get(c.start..c.end),
                    c.label.as_str(),
                    c.value.as_str(),
                )
            })
            .collect();
        assert_eq!(got, Some((*kind, *value)), "{sentence:?}: found {all:?}");
    }
}

/// Checks that nothing at all is tagged in each sentence.
pub(super) fn check_none(sentences: &[&str]) {
    for sentence in sentences {
        let found = extract(sentence, parse_ymd("2025-05-20"));
        let texts: Vec<_> = found.iter().map(|c| sentence.get(c.start..c.end)).collect();
        assert!(found.is_empty(), "{sentence:?}: found {texts:?}");
    }
}
