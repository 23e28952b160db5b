//! Which numbers are not counts: dates, clock times, phone numbers, money,
//! percentages, list markers, identifiers, ages and years.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::number::{Amount, Atom};
use crate::extract::Candidate;
use crate::extract::spans::SpanSet;

/// Stretches of text whose digits are dates, clock times or phone numbers.
static MASKS: LazyLock<Masks> = LazyLock::new(|| {
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let patterns = [
        r"(?-u:\b)\d{4}-\d{1,2}-\d{1,2}(?-u:\b)".to_owned(),
        r"(?-u:\b)\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?-u:\b)".to_owned(),
        r"(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?-u:\b)".to_owned(),
        r"(?i)(?-u:\b)\d{1,2}[ \u{A0}]?(?:a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)|o['’]clock(?-u:\b))"
            .to_owned(),
        format!(
            r"(?-u:\b){month}\.?[ \u{{A0}}]+{day}(?:(?:[ \u{{A0}}]*(?:,|-|–|and|to|or)[ \u{{A0}}]*)+{day})*(?-u:\b)"
        ),
        format!(
            r"(?-u:\b){day}(?:[ \u{{A0}}]*(?:-|–|and|to)[ \u{{A0}}]*{day})?[ \u{{A0}}]+(?:of[ \u{{A0}}]+)?{month}(?-u:\b)"
        ),
        r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,5}){2,}".to_owned(),
        r"(?-u:\b)\d{3}-\d{4}(?-u:\b)".to_owned(),
    ];
    Masks {
        each: patterns
            .iter()
            .map(|p| Regex::new(p).expect("valid mask regex"))
            .collect(),
        any: RegexSet::new(&patterns).expect("valid mask regexes"),
    }
});

/// The mask patterns, each alone to find its matches, and together to tell in one pass over a
/// line which of them match there at all: most lines with a number hold no date or phone number.
struct Masks {
    each: Vec<Regex>,
    any: RegexSet,
}

/// A compound adjective ("10-year", "52-week") or a mixed fraction ("2 1/2") after a number.
static AFTER_NOT_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:-(\p{L}+)|[ \u{A0}]\d+/\d)").expect("valid compound regex"));

/// Percent and money words or signs right after a number.
static AFTER_NOT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \u{A0}]*(?:%|per[ \u{A0}]?cent(?-u:\b)|percentage[ \u{A0}]+points?(?-u:\b)|[$€£¥₴₽])")
        .expect("valid after-number regex")
});

/// Currency signs or codes right before a number.
static BEFORE_MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[$€£¥₴₽]|(?-u:\b)(?:USD|EUR|GBP|UAH|RUB|US\$))[ \u{A0}]?$")
        .expect("valid money regex")
});

/// Words before a number that make it a reference or an age, not a count.
static BEFORE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(?:no\.|nos\.|number|aged|age[ \u{A0}]+of|ages[ \u{A0}]+of|page|p\.)|#)[ \u{A0}]*$")
        .expect("valid reference regex")
});

/// Prepositions that make a four-digit number a year ("in 2022").
const YEAR_WORDS: [&str; 14] = [
    "in", "since", "by", "of", "from", "until", "till", "before", "after", "during", "early",
    "late", "mid", "year",
];

/// Words before a number that point at known things ("the two sides", "fiscal 1989").
const DETERMINERS: [&str; 9] = [
    "the", "these", "those", "its", "their", "our", "his", "her", "fiscal",
];

/// The atoms that may be counts, in order.
pub fn countable_atoms(text: &str, atoms: Vec<Atom>, times: &[Candidate]) -> Vec<Atom> {
    let masks = masked_spans(text, times, &atoms);
    atoms
        .into_iter()
        .filter(|a| !masks.overlaps(a.start, a.end))
        .filter(|a| !is_money_or_percent(text, a))
        .filter(|a| !is_compound_or_fraction(text, a))
        .filter(|a| !is_list_marker(text, a))
        .filter(|a| !is_markup_or_reference(text, a))
        .collect()
}

/// Sorted, disjoint stretches whose digits are not counts: the time expressions, and the
/// matches of the masks on the lines of `atoms` written in digits. A mask match holds digits and
/// no line break, so it can overlap no number written in words, and on each line the masks find
/// what a scan of the whole text finds there.
fn masked_spans(text: &str, times: &[Candidate], atoms: &[Atom]) -> SpanSet {
    let mut spans: Vec<(usize, usize)> = times.iter().map(|t| (t.start, t.end)).collect();
    let masks = &*MASKS;
    for (start, end) in digit_lines(text, atoms) {
        let line = &text[..end];
        for which in masks.any.matches_at(line, start).iter() {
            let re = &masks.each[which];
            let mut at = start;
            while let Some(m) = re.find_at(line, at) {
                if !is_thousands_grouping(m.as_str()) {
                    spans.push((m.start(), m.end()));
                }
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    line.ceil_char_boundary(m.end() + 1)
                };
                if at >= end {
                    break;
                }
            }
        }
    }
    SpanSet::new(spans)
}

/// The lines (byte ranges without their line break) that hold an atom written in digits, in
/// order; each line is read once however many atoms it holds (`atoms` are in text order).
fn digit_lines(text: &str, atoms: &[Atom]) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for atom in atoms.iter().filter(|a| !a.in_words) {
        let last_end = lines.last().map_or(0, |l| l.1);
        if !lines.is_empty() && atom.start <= last_end {
            continue;
        }
        let start = text[last_end..atom.start]
            .rfind('\n')
            .map_or(last_end, |i| last_end + i + 1);
        let end = text[atom.end..]
            .find('\n')
            .map_or(text.len(), |i| atom.end + i);
        lines.push((start, end));
    }
    lines
}

/// "10 000 000" looks like a phone number to the mask but is one grouped number.
fn is_thousands_grouping(s: &str) -> bool {
    let mut groups = s.split([' ', '\u{A0}']);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '\u{A0}')
        && groups.all(|g| g.len() == 3)
}

fn is_money_or_percent(text: &str, atom: &Atom) -> bool {
    AFTER_NOT_COUNT.is_match(&text[atom.end..])
        || BEFORE_MONEY.is_match(near_before(text, atom.start))
}

/// The last few dozen bytes before `pos` (on a character boundary), where the
/// words that qualify a number stand.
pub fn near_before(text: &str, pos: usize) -> &str {
    let mut from = pos.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..pos]
}

/// "10-year", "8-month-old", "2 1/2": part of a longer expression; "-for-"/"-to-"
/// still join formulas and ranges.
fn is_compound_or_fraction(text: &str, atom: &Atom) -> bool {
    let Some(caps) = AFTER_NOT_ALONE.captures(&text[atom.end..]) else {
        return false;
    };
    caps.get(1)
        .is_none_or(|w| !matches!(w.as_str().to_lowercase().as_str(), "for" | "to" | "and"))
}

/// "1." or "2)" at the start of a line.
fn is_list_marker(text: &str, atom: &Atom) -> bool {
    let before = text[..atom.start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let at_line_start = before.is_empty() || before.ends_with('\n');
    let rest = &text[atom.end..];
    at_line_start && !atom.in_words && (rest.starts_with(". ") || rest.starts_with(')'))
}

/// Digits in markup or identifiers (`id="314"`, `#5`, "No. 7", "aged 25").
fn is_markup_or_reference(text: &str, atom: &Atom) -> bool {
    let before = text[..atom.start].trim_end_matches(['"', '\'']);
    before.ends_with(['=', '/', '\\', ':', '@', '#'])
        || BEFORE_REFERENCE.is_match(near_before(text, atom.start))
}

/// Years ("in 2022", a lone "2024") and references ("Article 5") are not counts.
/// A year-like number counts only with its noun right after it and no
/// preposition, determiner or possessor before it ("in 2022", "the 2000 Olympics",
/// "the company's 1989 operating results" are years).
pub fn is_year_or_reference(
    text: &str,
    atoms: Vec<&Atom>,
    unit_adjacent: Option<bool>,
    has_modifier: bool,
) -> bool {
    let Some(first) = atoms.first() else {
        return false;
    };
    let has_unit = unit_adjacent.is_some();
    let previous = previous_word(text, first.start);
    let all_years = atoms.iter().all(|a| is_year_like(text, a));
    let lower = previous
        .as_deref()
        .map(str::to_lowercase)
        .unwrap_or_default();
    let before = text[..first.start].trim_end();
    let possessor = ["’s", "'s", "’", "'"].iter().any(|p| before.ends_with(p));
    let year_context =
        YEAR_WORDS.contains(&lower.as_str()) || DETERMINERS.contains(&lower.as_str()) || possessor;
    if all_years && (unit_adjacent != Some(true) || year_context) {
        return true;
    }
    let bare = atoms.len() == 1 && !has_unit && !has_modifier && !first.in_words;
    bare && previous.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && text[..first.start].ends_with(' ')
}

/// "the two sides", "their three sons": a number in words after a determiner
/// refers to known things rather than counting them.
pub fn follows_determiner(text: &str, pos: usize) -> bool {
    previous_word(text, pos).is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
}

fn is_year_like(text: &str, atom: &Atom) -> bool {
    let written = &text[atom.start..atom.end];
    let four_digits = written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit());
    four_digits
        && matches!(atom.amount, Amount::Exact { .. })
        && atom
            .amount
            .exact()
            .is_some_and(|d| d.is_whole_in(1900, 2099))
}

/// The word just before `pos` (only spaces between), if any.
fn previous_word(text: &str, pos: usize) -> Option<String> {
    let before = text[..pos].trim_end_matches([' ', '\u{A0}']);
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::number::atoms;
    use super::*;

    /// Every mask's matches over the whole text, as the masks were first run.
    fn whole_text_masks(text: &str) -> SpanSet {
        SpanSet::new(MASKS.each.iter().flat_map(|re| {
            re.find_iter(text)
                .filter(|m| !is_thousands_grouping(m.as_str()))
                .map(|m| (m.start(), m.end()))
        }))
    }

    proptest! {
        #[test]
        fn masks_on_digit_lines_hide_what_a_whole_scan_hides(
            text in "(May |Sept|June |[0-9]{1,4}|[ :/.,-]|and |to |two |ten|\n|am |o'clock |\\+)*"
        ) {
            let atoms = atoms(&text);
            let on_lines = masked_spans(&text, &[], &atoms);
            let whole = whole_text_masks(&text);
            for a in &atoms {
                prop_assert_eq!(
                    on_lines.overlaps(a.start, a.end),
                    whole.overlaps(a.start, a.end),
                    "{:?} in {:?}", &text[a.start..a.end], text
                );
            }
        }
    }
}
