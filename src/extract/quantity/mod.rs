//! The quantity extractor: counts of things ("about 1,200 prisoners", "6,000 bodies",
//! "between 6,000 and 7,000 soldiers") and exchange formulas ("1,000 for 1,000").
//!
//! Values are normalised numbers as text: "1000", "1200000", "2.5"; ranges as
//! "low-high" ("1000-1200"); exchange formulas as "A for B" ("1000 for 1000",
//! "all for all"). Vague magnitudes are written as the magnitude followed by "s"
//! ("hundreds of" → "100s", "tens of thousands of" → "10000s", "several thousand"
//! → "1000s" with the quantifier kept as the modifier), and "tens and hundreds of
//! thousands" as the range "10000s-100000s".
//!
//! Not counted: years, dates, clock times, durations (a time noun as unit: those
//! belong to the time tagger), ordinals, percentages, money, numbers inside time
//! candidates, list markers, phone-like digit strings, identifiers ("Article 5"),
//! ages. Numbers in words need a counted noun ("twenty-five soldiers"), and a lone
//! "one" is never a count (it is mostly a pronoun or determiner); numbers in digits
//! are kept without a unit when none follows ("about 1,200 from each side").

mod filter;
mod number;
mod unit;

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;
use crate::model::FactKind;
use crate::model::attr;
pub(crate) use number::small_number;
use number::{Amount, Atom};

/// Text between two atoms that makes them an exchange formula ("1,000 for 1,000").
static FORMULA_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \u{A0}]*[-–]?[ \u{A0}]*for[ \u{A0}]*[-–]?[ \u{A0}]*$")
        .expect("valid formula regex")
});

/// Text between two atoms that makes them a range ("6,000-7,000", "two to three").
static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[ \u{A0}]*[-–—][ \u{A0}]*|[ \u{A0}]*-?to-?[ \u{A0}]*|[ \u{A0}]+(and)[ \u{A0}]+)$",
    )
    .expect("valid range regex")
});

/// Words just before a range that belong to it ("between", "from").
static RANGE_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(between|from)[ \u{A0}]+$").expect("valid range-lead regex")
});

/// Modifiers just before a number ("about", "more than", "at least" …).
static MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(about|around|some|nearly|almost|approximately|roughly|more[ \u{A0}]+than|over|at[ \u{A0}]+least|at[ \u{A0}]+most|up[ \u{A0}]+to|fewer[ \u{A0}]+than|less[ \u{A0}]+than|no[ \u{A0}]+more[ \u{A0}]+than|no[ \u{A0}]+fewer[ \u{A0}]+than|as[ \u{A0}]+many[ \u{A0}]+as|close[ \u{A0}]+to|an[ \u{A0}]+estimated|upwards[ \u{A0}]+of)[ \u{A0}]+$",
    )
    .expect("valid modifier regex")
});

/// A run of atoms read as one quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Group {
    Single(Atom),
    Formula(Atom, Atom),
    Range { low: Atom, high: Atom },
}

impl Group {
    fn end(&self) -> usize {
        match self {
            Group::Single(a) | Group::Formula(_, a) => a.end,
            Group::Range { high, .. } => high.end,
        }
    }
}

/// Finds quantities in `text`, skipping numbers inside the time expressions `times`.
pub fn extract(text: &str, times: &[Candidate]) -> Vec<Candidate> {
    let atoms = filter::countable_atoms(text, number::atoms(text), times);
    let mut out: Vec<Candidate> = Vec::new();
    for group in groups(text, atoms) {
        if let Some(candidate) = build(text, &group)
            && out.last().is_none_or(|last| candidate.start >= last.end)
        {
            out.push(candidate);
        }
    }
    out
}

/// Joins neighbouring atoms into formulas and ranges.
fn groups(text: &str, atoms: Vec<Atom>) -> Vec<Group> {
    let mut out = Vec::new();
    let mut iter = atoms.into_iter().peekable();
    while let Some(atom) = iter.next() {
        let Some(next) = iter.peek() else {
            out.push(Group::Single(atom));
            break;
        };
        let gap = &text[atom.end..next.start];
        if FORMULA_GAP.is_match(gap) && formula_side(&atom) && formula_side(next) {
            if let Some(next) = iter.next() {
                out.push(Group::Formula(atom, next));
            }
        } else if let Some(caps) = RANGE_GAP.captures(gap)
            && range_side(&atom)
            && range_side(next)
            && (caps.get(1).is_none()
                || range_lead(text, atom.start).is_some_and(|(_, w)| w == "between"))
        {
            if let Some(next) = iter.next() {
                out.push(Group::Range {
                    low: atom,
                    high: next,
                });
            }
        } else {
            out.push(Group::Single(atom));
        }
    }
    out
}

/// "between"/"from" just before a range: where it starts and the word in lower case.
fn range_lead(text: &str, pos: usize) -> Option<(usize, String)> {
    let before = filter::near_before(text, pos);
    let word = RANGE_LEAD.captures(before)?.get(1)?;
    Some((
        pos - before.len() + word.start(),
        word.as_str().to_lowercase(),
    ))
}

fn formula_side(atom: &Atom) -> bool {
    matches!(atom.amount, Amount::Exact { .. } | Amount::All)
}

fn range_side(atom: &Atom) -> bool {
    matches!(atom.amount, Amount::Exact { .. })
}

/// Turns one group into a candidate, or `None` when it is not a count.
fn build(text: &str, group: &Group) -> Option<Candidate> {
    let unit = unit::after(text, group.end());
    if unit.as_ref().is_some_and(|u| u.not_a_count) {
        return None;
    }
    if unit.is_none() && !unit_optional(group) {
        return None;
    }
    let (mut start, value, mut attrs) = describe(text, group)?;
    let before = filter::near_before(text, start);
    let modifier = MODIFIER.captures(before).and_then(|c| c.get(1));
    let atoms = group_atoms(group);
    let formula = matches!(group, Group::Formula(..));
    if !formula && atoms.iter().all(|a| a.in_words) && filter::follows_determiner(text, start) {
        return None;
    }
    let unit_adjacent = unit
        .as_ref()
        .map(|u| text[group.end()..].trim_start().starts_with(&u.noun));
    if filter::is_year_or_reference(text, atoms, unit_adjacent, modifier.is_some()) {
        return None;
    }
    if let Some(m) = modifier {
        start = start - before.len() + m.start();
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        attrs.push((attr::MODIFIER, words.join(" ").to_lowercase()));
    }
    let end = unit.as_ref().map_or(group.end(), |u| u.end);
    let mut candidate = Candidate::new(start, end, FactKind::Quantity, "", value);
    if let Some(u) = unit {
        candidate = candidate.with_attr(attr::UNIT, u.noun);
    }
    for (key, value) in attrs {
        candidate = candidate.with_attr(key, value);
    }
    if matches!(group, Group::Single(_)) && each_side(text, group_atoms(group)[0].start, end) {
        candidate.value = format!("{0} for {0}", candidate.value);
        candidate = candidate.with_attr(attr::FORMULA, "exchange");
    }
    Some(candidate)
}

/// True when the count is what each side of an exchange gives: "500
/// prisoners from each side", "each side freed 500", "500 captives each".
fn each_side(text: &str, start: usize, end: usize) -> bool {
    let after: String = text[end..]
        .chars()
        .take(20)
        .collect::<String>()
        .to_lowercase();
    let behind: String = {
        let head = &text[..start];
        let chars: Vec<char> = head.chars().rev().take(40).collect();
        chars.into_iter().rev().collect::<String>().to_lowercase()
    };
    let sentence_tail = behind.rsplit(['.', ';', '!', '?']).next().unwrap_or("");
    after.starts_with(" from each side")
        || after.starts_with(" from both sides")
        || [" each.", " each,", " each;", " each)"]
            .iter()
            .any(|e| after.starts_with(e))
        || after == " each"
        || (["each side ", "both sides "]
            .iter()
            .any(|p| sentence_tail.contains(p))
            && !sentence_tail.contains(" and "))
}

fn group_atoms(group: &Group) -> Vec<&Atom> {
    match group {
        Group::Single(a) => vec![a],
        Group::Formula(a, b) => vec![a, b],
        Group::Range { low, high, .. } => vec![low, high],
    }
}

/// Digits and formulas stand alone; numbers in words and vague magnitudes need a noun.
fn unit_optional(group: &Group) -> bool {
    match group {
        Group::Single(a) => !a.in_words,
        Group::Formula(..) => true,
        Group::Range { low, high, .. } => !low.in_words && !high.in_words,
    }
}

type Attrs = Vec<(&'static str, String)>;

/// The span start, normalised value and attributes of a group.
fn describe(text: &str, group: &Group) -> Option<(usize, String, Attrs)> {
    match group {
        Group::Single(atom) => describe_single(atom),
        Group::Formula(a, b) => {
            let value = format!("{} for {}", formula_text(a)?, formula_text(b)?);
            Some((
                after_article(text, a),
                value,
                vec![(attr::FORMULA, "exchange".to_owned())],
            ))
        }
        Group::Range { low, high } => describe_range(text, low, high),
    }
}

fn describe_single(atom: &Atom) -> Option<(usize, String, Attrs)> {
    match &atom.amount {
        Amount::Exact { .. } => {
            let one = atom.in_words && atom.amount.exact()?.is_whole_in(1, 1);
            (!one).then_some(())?;
            Some((atom.start, atom.amount.exact()?.to_string(), Vec::new()))
        }
        Amount::Vague { value, quantifier } => {
            let attrs = quantifier
                .iter()
                .map(|q| (attr::MODIFIER, q.clone()))
                .collect();
            Some((atom.start, value.clone(), attrs))
        }
        Amount::All => None,
    }
}

/// "a thousand-for-thousand swap": the article belongs to the noun, not the formula.
fn after_article(text: &str, atom: &Atom) -> usize {
    let written = &text[atom.start..atom.end];
    let article = ["a ", "an ", "A ", "An "]
        .iter()
        .find(|a| written.starts_with(**a));
    match article {
        Some(a) if written.len() > a.len() => atom.start + a.len(),
        _ => atom.start,
    }
}

fn formula_text(atom: &Atom) -> Option<String> {
    match &atom.amount {
        Amount::All => Some("all".to_owned()),
        _ => atom.amount.exact().map(|d| d.to_string()),
    }
}

/// "between 6 and 7 million": the scale word of the high end applies to the low end too.
fn describe_range(text: &str, low: &Atom, high: &Atom) -> Option<(usize, String, Attrs)> {
    let high_value = high.amount.exact()?;
    let low_value = match (&low.amount, &high.amount) {
        (
            Amount::Exact {
                raw, scaled: false, ..
            },
            Amount::Exact {
                factor,
                scaled: true,
                ..
            },
        ) => raw.times(*factor)?,
        _ => low.amount.exact()?,
    };
    if low_value.approx() >= high_value.approx() {
        return None;
    }
    let start = range_lead(text, low.start).map_or(low.start, |(start, _)| start);
    let attrs = vec![
        ("low", low_value.to_string()),
        ("high", high_value.to_string()),
    ];
    Some((start, format!("{low_value}-{high_value}"), attrs))
}

#[cfg(test)]
mod tests;
