//! The time-expression tagger: finds TIMEX3 expressions (DATE, TIME,
//! DURATION, SET) and normalises them against the publication date.
//!
//! Rules live in one table per family (absolute dates, relative dates,
//! durations, sets, times of day, ranges). Every rule is a named regex plus
//! a builder; all rules run over the text, then the longest non-overlapping
//! matches win and modifiers in front ("early", "the end of") are folded in.
//!
//! What may use what (no cycles; `scripts/module_cycles.py` checks):
//! `lexicon` ← `calendar` ← `interval`; `types` uses `calendar` and
//! `lexicon`; each family in `rules` uses `types` and those three, never
//! another family; `trigger` (built from word lists) and `reach` use
//! nothing; `search` uses `types`, `trigger` and `reach`; this module ties
//! them together.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Candidate;
use crate::model::FactKind;
use calendar::TenseCues;

mod calendar;
mod interval;
mod lexicon;
mod reach;
mod rules;
mod search;
#[cfg(test)]
mod testing;
mod trigger;
mod types;

pub use interval::{Granularity, TimeInterval, interval_of};
/// The day names, capitalised: also words that start a sentence without naming a speaker.
pub(crate) use lexicon::WEEKDAY_WORDS;

use crate::model::attr;
use reach::Runs;
use search::Search;
use trigger::{Look, Triggers};
use types::{Ctx, Timex, Type, mod_of};

/// The trigger words of all rules, in the order of [`rules::all`].
static TRIGGERS: LazyLock<Triggers> =
    LazyLock::new(|| Triggers::new(rules::all().map(|r| r.words)));

/// Every rule ready to search, in the order of [`rules::all`].
static SEARCHES: LazyLock<Vec<Search>> = LazyLock::new(|| rules::all().map(Search::new).collect());

/// Finds time expressions in `text`, resolving relative ones against the
/// publication date when it is known.
pub fn extract(text: &str, published: Option<NaiveDate>) -> Vec<Candidate> {
    extract_looking(text, published, &TRIGGERS.find(text))
}

/// [`extract`] with each rule looking where `looks` says (in the order of
/// [`rules::all`]).
fn extract_looking(text: &str, published: Option<NaiveDate>, looks: &[Look]) -> Vec<Candidate> {
    let quarterly = text.match_indices("quarter").nth(1).is_some();
    let ctx = Ctx {
        text,
        dct: published,
        quarterly,
        tense_cues: TenseCues::new(text),
    };
    let mut groups: Vec<(usize, Vec<Timex>)> = Vec::new();
    let runs = Runs::of(text);
    let mut found = Vec::new();
    for ((order, search), look) in SEARCHES.iter().enumerate().zip(looks) {
        search.run(&ctx, &runs, look, &mut found);
        groups.extend(found.drain(..).map(|g| (order, g)));
    }
    let mut chosen = select(text, groups);
    let mut prev_end = 0;
    for t in &mut chosen {
        fold_prefix(&ctx, t, prev_end);
        prev_end = t.end;
    }
    rules::resolve(text, published, &mut chosen);
    chosen.into_iter().map(to_candidate).collect()
}

/// The extent (first start, last end) of a group of timexes.
fn extent(group: &[Timex]) -> (usize, usize) {
    let start = group.iter().map(|t| t.start).min().unwrap_or(0);
    let end = group.iter().map(|t| t.end).max().unwrap_or(0);
    (start, end)
}

/// True when a span is non-empty, lies on character boundaries and is no
/// part of a compound adjective ("quarter-to-quarter", "day-to-day").
fn valid_span(text: &str, t: &Timex) -> bool {
    let on_boundaries = t.start < t.end
        && t.end <= text.len()
        && text.is_char_boundary(t.start)
        && text.is_char_boundary(t.end);
    on_boundaries && !starts_compound(&text[..t.end], &text[t.end..])
}

/// True when a word ends `before` and "-to-" follows it: "quarter-to-quarter".
fn starts_compound(before: &str, after: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_alphabetic())
        && after.len() >= 4
        && after.as_bytes()[..4].eq_ignore_ascii_case(b"-to-")
}

/// Keeps the longest groups that do not overlap one another; ties go to
/// the earlier rule. Returns the timexes sorted by position.
fn select(text: &str, mut groups: Vec<(usize, Vec<Timex>)>) -> Vec<Timex> {
    groups.retain(|(_, g)| g.iter().all(|t| valid_span(text, t)));
    groups.sort_by_key(|(order, g)| {
        let (s, e) = extent(g);
        (std::cmp::Reverse(e - s), s, *order)
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let free = |taken: &BTreeMap<usize, usize>, s: usize, e: usize| {
        let before = taken.range(..=s).next_back().is_none_or(|(_, &pe)| pe <= s);
        let after = taken.range(s..e).next().is_none();
        before && after
    };
    let mut chosen = Vec::new();
    for (_, group) in groups {
        if group.iter().all(|t| free(&taken, t.start, t.end)) {
            for t in group {
                taken.insert(t.start, t.end);
                chosen.push(t);
            }
        }
    }
    chosen.sort_by_key(|t| (t.start, t.end));
    chosen
}

/// A modifier right before an expression ("early", "late", "mid-",
/// "the end of", "the beginning of", "earlier", "later"), which TimeML
/// includes in the span.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:(?-u:\b))(?:the\s+)?(?:very\s+)?(?P<w>early|late|mid|end|beginning|start|middle|close|earlier|later)(?:\s+of\s+(?:the\s+)?|\s+|-)$")
        .expect("valid prefix pattern")
});

/// Extends a dated expression over a modifier in front of it and records
/// its "mod" ("earlier" and "later" only widen the span: "earlier today").
fn fold_prefix(ctx: &Ctx<'_>, t: &mut Timex, prev_end: usize) {
    let dated = matches!(t.kind, Type::Date | Type::Time) && !t.value.ends_with("_REF");
    if !dated || t.get(attr::MOD).is_some() {
        return;
    }
    let lo = ctx
        .text
        .floor_char_boundary(t.start.saturating_sub(40).max(prev_end));
    let Some(window) = ctx.text.get(lo..t.start) else {
        return;
    };
    let Some(caps) = PREFIX.captures(window) else {
        return;
    };
    let (Some(whole), Some(word)) = (caps.get(0), caps.name("w")) else {
        return;
    };
    let needs_of = matches!(
        word.as_str().to_ascii_lowercase().as_str(),
        "end" | "beginning" | "start" | "middle" | "close"
    );
    if needs_of && !whole.as_str().to_ascii_lowercase().contains(" of") {
        return;
    }
    let lower = word.as_str().to_ascii_lowercase();
    if let Some(m) = mod_of(&lower) {
        t.start = lo + whole.start();
        t.attrs.push((attr::MOD, m.to_owned()));
    } else if (lower == "earlier" || lower == "later") && !whole.as_str().contains('-') {
        t.start = lo + whole.start();
    }
}

/// Converts a timex into the shared candidate type.
fn to_candidate(t: Timex) -> Candidate {
    let mut c = Candidate::new(t.start, t.end, FactKind::Time, t.kind.label(), t.value)
        .with_attr(attr::RESOLUTION, t.resolution)
        .with_attr(attr::RULE, t.rule);
    for (k, v) in t.attrs {
        c = c.with_attr(k, v);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::testing::{check_table, extract_everywhere};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_rule_compiles() {
        assert!(rules::all().count() > 30);
    }

    #[test]
    fn rule_names_are_unique() {
        let mut names: Vec<&str> = rules::all().map(|r| r.name).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
        assert!(names.iter().all(|n| !n.is_empty()));
    }

    #[test]
    fn candidates_name_the_rule_that_found_them() {
        let found = extract("The talks resumed on 3 March 2031.", None);
        let rule = found
            .first()
            .and_then(|c| c.attrs.get("rule"))
            .map(String::as_str);
        assert_eq!(rule, Some("day month year"));
    }

    #[test]
    fn triggers_hold_no_word_start_after_their_first_byte() {
        for trigger in rules::all().flat_map(|r| r.words.iter()) {
            let bytes = trigger.as_bytes();
            let hidden = (1..bytes.len())
                .any(|i| bytes[i].is_ascii_alphabetic() && !trigger::is_word_byte(bytes[i - 1]));
            assert!(
                !hidden,
                "{trigger:?} would hide a word that starts inside it"
            );
        }
    }

    #[test]
    fn rules_with_trigger_words_have_a_bounded_reach() {
        let news = Runs::of("On May 18, 2025 - three days ago -\n\nthey met.");
        for rule in rules::all().filter(|r| !r.words.is_empty()) {
            let reach = reach::reach(&rule.pattern).map_or(usize::MAX, |r| r.within(&news));
            assert!(reach < 300, "{}: reach {reach}", rule.pattern);
        }
    }

    #[test]
    fn searching_near_trigger_words_finds_what_a_full_scan_finds() {
        let dct = calendar::parse_ymd("2025-05-20");
        let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok());
        let synth = crate::synth::corpus(40, 7).into_iter().map(|(_, t)| t);
        let tricky = [
            "Talks resumed on May\n\n      18 and ended May 20-22, 2025.".to_owned(),
            format!(
                "{}on Friday, three years ago, in 1998{}",
                " ".repeat(30),
                "-".repeat(30)
            ),
            "Every Monday morning since last year; the past five years\u{a0}\u{a0}ago.".to_owned(),
            "MAY 5 and may 6, Mayday, yearly, currently, 10:45 p.m. EST, the 1990s".to_owned(),
        ];
        let mut texts = 0;
        for text in seeds.chain(synth).chain(tricky) {
            assert_eq!(
                extract(&text, dct),
                extract_everywhere(&text, dct),
                "{text}"
            );
            texts += 1;
        }
        assert!(texts >= 44, "only {texts} texts");
    }

    #[test]
    fn seed_story_dates() {
        check_table(&[
            (
                "The Coordination Staff convened on May 18 at the request of the president.",
                "2025-05-20",
                "May 18",
                "DATE",
                "2025-05-18",
            ),
            (
                "A swap on a ‘1,000 for 1,000’ basis was agreed on Friday.",
                "2025-05-20",
                "Friday",
                "DATE",
                "2025-05-16",
            ),
        ]);
    }

    #[test]
    fn modifiers_in_front_join_the_span() {
        check_table(&[
            (
                "Earlier Sunday, police cleared the square.",
                "2025-05-20",
                "Earlier Sunday",
                "DATE",
                "2025-05-18",
            ),
            (
                "Later yesterday the banks reopened.",
                "2025-05-20",
                "Later yesterday",
                "DATE",
                "2025-05-19",
            ),
            (
                "Prices fell in late March.",
                "2025-05-20",
                "late March",
                "DATE",
                "2025-03",
            ),
        ]);
    }

    #[test]
    fn candidates_carry_resolution_and_anchor() {
        let found = extract("He left yesterday.", calendar::parse_ymd("2025-05-20"));
        let c = found.first().cloned();
        let anchor = c
            .as_ref()
            .and_then(|c| c.attrs.get("anchor"))
            .map(String::as_str);
        assert_eq!(anchor, Some("2025-05-20"));
        assert!(c.is_some_and(|c| c.kind == FactKind::Time && c.attrs.contains_key("resolution")));
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sound(text in "\\PC*", days in 0i64..40000) {
            let dct = NaiveDate::from_ymd_opt(1950, 1, 1)
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
            check_spans(&text, dct)?;
        }

        #[test]
        fn timeish_text_never_panics(text in "([0-9]{1,4}|May|June|Friday|the|last|ago|a\\.m\\.|,|-|–|’s| |\\.|and|early|years?|Q[0-9]|[ée])*") {
            check_spans(&text, calendar::parse_ymd("2025-05-20"))?;
            check_spans(&text, None)?;
        }
    }

    fn check_spans(text: &str, dct: Option<NaiveDate>) -> Result<(), TestCaseError> {
        let found = extract(text, dct);
        prop_assert_eq!(&found, &extract_everywhere(text, dct));
        for c in &found {
            prop_assert!(c.start < c.end && c.end <= text.len());
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        }
        for pair in found.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "overlap {:?}", pair);
        }
        Ok(())
    }
}
