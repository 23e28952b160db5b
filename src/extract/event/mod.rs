//! Events: the happenings a sentence reports ("the second round of talks
//! was held on Monday in Geneva"), each as a fact of kind `event` whose
//! span is its trigger word, whose label is its type (see [`EventType`]) and
//! whose value is the trigger's lemma. Its arguments are read from the facts
//! the other extractors found in the same clause: participants (people,
//! organisations, countries), place and venue, time, quantities, and who
//! reports it; cue words give its status and its place in a series.
//!
//! Attribute keys of an event fact: `status`, `series`, `participants`
//! (names joined by "; "), `place`, `venue`, `time` (TIMEX3 value),
//! `time_text`, `time_end`, `time_source` (`clause` or `discourse`),
//! `quantities`, `reporter`, `definite` (`true` for "the talks", "this attack"),
//! `weekday` (a day of the week that could not be put on the calendar),
//! `headline` (`true` for a trigger in the article's headline).

mod arguments;
mod clause;
mod cues;
mod lexicon;
mod types;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use arguments::yearless_month_day;
pub use lexicon::{Lexicon, Trigger};
pub use types::{EventStatus, EventType};

use super::Candidate;
use super::spans::SpanSet;
use crate::model::FactKind;
use crate::model::attr;
use clause::SentenceWords;

/// One trigger found in a sentence: its word range and meaning.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Index of its first word in the sentence.
    first: usize,
    /// Index of its last word.
    last: usize,
    trigger: Trigger,
    /// True when it refers back to an event told elsewhere ("in the collapse").
    referring: bool,
}

/// Finds the events of `text`, reading their arguments from `facts` (the
/// time, entity, quantity, quote and role candidates of the same text).
pub fn extract(text: &str, published: Option<NaiveDate>, facts: &[Candidate]) -> Vec<Candidate> {
    extract_in(
        text,
        super::quote::Reading::of(text).sentences(),
        published,
        facts,
    )
}

/// [`extract`] given the text's sentences ([`super::quote::Reading::sentences`]).
pub fn extract_in(
    text: &str,
    sentences: &[(usize, usize)],
    published: Option<NaiveDate>,
    facts: &[Candidate],
) -> Vec<Candidate> {
    let lexicon = Lexicon::shipped();
    let mut facts: Vec<&Candidate> = facts.iter().filter(|c| c.kind != FactKind::Event).collect();
    facts.sort_by_key(|c| c.start);
    let named = SpanSet::new(
        facts
            .iter()
            .filter(|c| matches!(c.kind, FactKind::Entity | FactKind::Time))
            .map(|c| (c.start, c.end)),
    );
    let mut out = Vec::new();
    let headline = headline_end(text);
    let mut discourse: Option<&Candidate> = None;
    for &(s, e) in sentences {
        if paragraph_break_at(text, s) {
            discourse = None;
        }
        let words = SentenceWords::new(text, s, e);
        let found = triggers(&words, lexicon, &named);
        let lo = facts.partition_point(|c| c.start < s);
        let hi = facts.partition_point(|c| c.start < e);
        let in_sentence = &facts[lo..hi];
        if !found.is_empty() {
            let args = arguments::attach(&words, &found, in_sentence);
            for (f, args) in found.iter().zip(args) {
                let c = candidate(&words, f, args, published, discourse);
                out.push(if c.end <= headline {
                    c.with_attr(attr::HEADLINE, "true")
                } else {
                    c
                });
            }
        }
        if let Some(last) = in_sentence.iter().rev().find(|c| arguments::is_dated(c)) {
            discourse = Some(last);
        }
    }
    out
}

/// The byte where the article's headline ends (0 when it has none): its
/// first line, when that line ends without the full stop of a sentence and
/// more text follows.
fn headline_end(text: &str) -> usize {
    let lead = text.len() - text.trim_start().len();
    let Some(len) = text[lead..].find('\n') else {
        return 0;
    };
    let line = text[lead..lead + len].trim_end();
    let sentence = line
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '!', '?', '…']);
    if line.is_empty() || sentence || text[lead + len..].trim().is_empty() {
        0
    } else {
        lead + line.len()
    }
}

/// True when the white space around byte `at` holds a blank line: a new
/// paragraph, where the last date mentioned stops reaching.
fn paragraph_break_at(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let space = |b: &u8| b.is_ascii_whitespace();
    let back = bytes[..at.min(bytes.len())]
        .iter()
        .rev()
        .take_while(|b| space(b));
    let ahead = bytes[at.min(bytes.len())..].iter().take_while(|b| space(b));
    back.chain(ahead).filter(|b| **b == b'\n').count() >= 2
}

/// The triggers among the words of one sentence.
fn triggers(words: &SentenceWords, lexicon: &Lexicon, named: &SpanSet) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words.words[i];
        let pair = words
            .words
            .get(i + 1)
            .and_then(|next| lexicon.pair(&w.lower, &next.lower));
        let (last, trigger) = match pair {
            Some(t) => (i + 1, Some(t)),
            None => (i, lexicon.word(&w.lower).filter(|_| !vetoed(words, i))),
        };
        let trigger = trigger.or_else(|| (w.lower == "fired").then(|| fired(words, i)).flatten());
        if let Some(trigger) = trigger
            && !named.overlaps(w.start, words.words[last].end)
        {
            found.push(Found {
                first: i,
                last,
                trigger,
                referring: is_back_reference(words, i),
            });
            i = last + 1;
            continue;
        }
        i += 1;
    }
    found
}

/// Fixed phrases in which a trigger word names no happening ("in charge",
/// "in exchange for", "a host of", "a great deal").
const NOT_EVENTS: &[(&str, &str)] = &[
    ("in", "charge"),
    ("in", "return"),
    ("in", "exchange"),
    ("a", "host"),
    ("great", "deal"),
    ("good", "deal"),
];

/// True when word `i` is a trigger word used in a fixed phrase that names no happening.
fn vetoed(words: &SentenceWords, i: usize) -> bool {
    let this = words.words[i].lower.as_ref();
    let prev = i.checked_sub(1).map(|j| words.words[j].lower.as_ref());
    let next = words.words.get(i + 1).map(|w| w.lower.as_ref());
    NOT_EVENTS
        .iter()
        .any(|(a, b)| (Some(*a) == prev && *b == this) || (*a == this && Some(*b) == next))
        || (this == "host" && next == Some("of"))
}

/// "fired" is an attack when shots follow ("fired shots", "fired at"),
/// else a dismissal ("was fired", "fired the coach").
fn fired(words: &SentenceWords, i: usize) -> Option<Trigger> {
    let lexicon = Lexicon::shipped();
    let next = words.words.get(i + 1).map(|w| w.lower.as_ref());
    let shots = matches!(
        next,
        Some(
            "shots"
                | "shot"
                | "at"
                | "on"
                | "upon"
                | "into"
                | "rounds"
                | "missiles"
                | "rockets"
                | "a"
                | "several"
                | "multiple"
                | "two"
                | "three"
                | "weapons"
        )
    );
    if shots {
        return lexicon.word("shooting");
    }
    lexicon.word("dismissed")
}

/// Words that make the trigger after them a definite reference to a known
/// event ("the talks", "this attack", "their exchange").
const DEFINITE: &[&str] = &[
    "the", "this", "that", "these", "those", "its", "their", "his", "her",
];

/// Prepositions that, before "the" and a trigger, make it a reference to
/// an event told elsewhere ("killed in the collapse", "since the invasion").
const REFERRING_PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "after",
    "since",
    "before",
    "during",
    "following",
    "from",
    "by",
    "over",
    "amid",
    "despite",
    "about",
];

/// True when the words before trigger word `i` make it a back-reference
/// ("in the collapse", "of the Orre Dam collapse", "after the deadly
/// attack"), which takes no date from the sentence around it: a
/// preposition and a determiner, with at most one other word and any
/// capitalised name between them and the trigger.
fn is_back_reference(words: &SentenceWords, i: usize) -> bool {
    let det = |w: &str| matches!(w, "the" | "this" | "that" | "its" | "their");
    let capitalised = |j: usize| {
        let w = &words.words[j];
        words.text[w.start..w.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut j = i;
    let mut others = 0;
    while j > 0 {
        j -= 1;
        if words.clause[j] != words.clause[i] {
            return false;
        }
        let w = words.words[j].lower.as_ref();
        if det(w) {
            return j > 0
                && words.clause[j - 1] == words.clause[i]
                && REFERRING_PREPOSITIONS.contains(&words.words[j - 1].lower.as_ref());
        }
        if !capitalised(j) {
            others += 1;
            if others > 1 {
                return false;
            }
        }
    }
    false
}

/// The event candidate of one trigger with its arguments.
fn candidate(
    words: &SentenceWords,
    found: &Found,
    args: arguments::Arguments,
    published: Option<NaiveDate>,
    discourse: Option<&Candidate>,
) -> Candidate {
    let start = words.words[found.first].start;
    let end = words.words[found.last].end;
    let before = words.clause_words_before(found.first);
    let after = words.clause_words_after(found.last);
    let mut status = cues::status(&words.phrase_words_before(found.first), &after);
    let series = cues::series(&before, &after);
    let mut c = Candidate::new(
        start,
        end,
        FactKind::Event,
        found.trigger.ty.as_str(),
        found.trigger.lemma,
    );
    let anaphoric = found.referring;
    let time = args.time.or(args.sentence_time.filter(|_| !anaphoric));
    let time_source = if args.time.is_some() {
        Some("clause")
    } else if args.sentence_time.is_some() {
        Some("discourse")
    } else {
        None
    };
    let discourse = discourse.filter(|_| !anaphoric);
    let (time, time_source) = match (time, discourse) {
        (Some(t), _) => (Some(t), time_source),
        (None, Some(d)) => (Some(d), Some("discourse")),
        (None, None) => (None, None),
    };
    if let Some(t) = time {
        c = c
            .with_attr(attr::TIME, t.value.clone())
            .with_attr(attr::TIME_SOURCE, time_source.unwrap_or("clause"))
            .with_attr(attr::TIME_TEXT, words.text[t.start..t.end].to_owned());
        if let Some(end) = t.attrs.get(attr::RANGE_END) {
            c = c.with_attr(attr::TIME_END, end.clone());
        }
        if status == EventStatus::TookPlace
            && time_source == Some("clause")
            && arguments::starts_after(t, published)
        {
            status = EventStatus::Planned;
        }
    }
    if args.time.is_none()
        && let Some(day) = args.weekday
    {
        c = c.with_attr(attr::WEEKDAY, day);
    }
    c = c.with_attr(attr::STATUS, status.as_str());
    if before.last().is_some_and(|w| DEFINITE.contains(w)) {
        c = c.with_attr(attr::DEFINITE, "true");
    }
    if let Some(series) = series {
        c = c.with_attr(attr::SERIES, series);
    }
    for (key, values) in [
        (attr::PARTICIPANTS, &args.participants),
        (attr::PLACE, &args.places),
        (attr::VENUE, &args.venues),
        (attr::QUANTITIES, &args.quantities),
        (attr::REPORTER, &args.reporters),
    ] {
        if !values.is_empty() {
            c = c.with_attr(key, values.join("; "));
        }
    }
    c
}
