//! Attaching the facts of a sentence to its triggers: each time, place,
//! quantity and name goes to the nearest trigger of its clause (the one
//! before it first: "met on Monday in Geneva"), or, in a clause without a
//! trigger, to the nearest trigger of the sentence ("On 16 May, the
//! delegations met"). Names before a clause's first trigger (its subject)
//! are participants of every trigger of the clause.

use chrono::NaiveDate;

use super::Found;
use super::clause::SentenceWords;
use super::types::EventType;
use crate::extract::Candidate;
use crate::extract::time::interval_of;
use crate::model::FactKind;
use crate::model::attr;

/// What one trigger got from its sentence.
#[derive(Debug, Default)]
pub struct Arguments<'a> {
    /// The time fact of its clause, nearest first.
    pub time: Option<&'a Candidate>,
    /// A dated time fact elsewhere in the sentence, when it has none of its own.
    pub sentence_time: Option<&'a Candidate>,
    /// People, organisations and countries taking part.
    pub participants: Vec<String>,
    /// Where it happened ("Geneva").
    pub places: Vec<String>,
    /// The building or site ("the Ciragan Palace").
    pub venues: Vec<String>,
    /// Counts ("at least 1000 prisoners").
    pub quantities: Vec<String>,
    /// Who reports it ("according to …", the speaker of the sentence).
    pub reporters: Vec<String>,
    /// The day of the week its clause names when no date can be resolved
    /// ("recovered Sunday" in an undated article): still enough to tell
    /// it from an event on another weekday.
    pub weekday: Option<&'static str>,
}

/// The days of the week, as event facts name them.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekday an unresolved date fact names ("Sunday", "on Sunday").
fn unresolved_weekday(c: &Candidate, text: &str) -> Option<&'static str> {
    if c.kind != FactKind::Time || is_dated(c) {
        return None;
    }
    let said = text.get(c.start..c.end)?.to_lowercase();
    let said = said.trim_start_matches("on ").trim();
    WEEKDAYS.iter().copied().find(|d| *d == said)
}

/// True for a DATE or TIME fact that has a place on the calendar.
pub fn is_dated(c: &Candidate) -> bool {
    c.kind == FactKind::Time
        && matches!(c.label.as_str(), "DATE" | "TIME")
        && interval_of(&c.value, &c.attrs).is_some()
}

/// True for a DATE or TIME fact that names a day without its year
/// ("March 27" in an article whose date is unknown): it still tells days apart.
pub fn is_yearless_day(c: &Candidate) -> bool {
    c.kind == FactKind::Time
        && matches!(c.label.as_str(), "DATE" | "TIME")
        && yearless_month_day(&c.value).is_some()
}

/// The month and day of a TIMEX3 value such as `XXXX-03-27` (a day
/// without its year).
pub fn yearless_month_day(value: &str) -> Option<(u32, u32)> {
    let rest = value.strip_prefix("XXXX-")?;
    let month = rest.get(0..2)?.parse().ok()?;
    let day = rest.get(3..5)?.parse().ok()?;
    (rest.as_bytes().get(2) == Some(&b'-')).then_some((month, day))
}

/// True for the later days of a range or list written as bare numbers
/// ("9" in "between June 7 and 9"): the first date carries the whole range.
fn continues_a_range(words: &SentenceWords, fact: &Candidate) -> bool {
    let text = &words.text[fact.start..fact.end];
    text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit())
}

/// True when time fact `a` is strictly more precise than `b` ("May 6" over
/// "last month"); a date whose year is unknown counts as a day.
fn finer(a: &Candidate, b: &Candidate) -> bool {
    let width = |c: &Candidate| {
        interval_of(&c.value, &c.attrs).map_or(if is_yearless_day(c) { 1 } else { i64::MAX }, |i| {
            (i.end - i.start).num_hours()
        })
    };
    width(a) < width(b)
}

/// True when the time fact begins after the publication date.
pub fn starts_after(time: &Candidate, published: Option<NaiveDate>) -> bool {
    let (Some(interval), Some(p)) = (interval_of(&time.value, &time.attrs), published) else {
        return false;
    };
    interval.start.date() > p
}

/// Prepositions that make a place of the name after them.
const PLACE_WORDS: &[&str] = &[
    "in", "near", "outside", "off", "across", "inside", "into", "on",
];

/// Where a name stands in its sentence.
enum Role {
    Participant,
    Place,
    Venue,
}

/// The arguments of each trigger in `found`, in the same order.
pub fn attach<'a>(
    words: &SentenceWords,
    found: &[Found],
    facts: &[&'a Candidate],
) -> Vec<Arguments<'a>> {
    let mut args: Vec<Arguments<'a>> = found.iter().map(|_| Arguments::default()).collect();
    let first_of_clause = |clause: usize| {
        found
            .iter()
            .position(|f| words.clause[f.first] == clause)
            .map(|k| words.words[found[k].first].start)
    };
    let sentence_time = facts.iter().copied().find(|c| is_dated(c));
    let mut reporters: Vec<String> = Vec::new();
    for fact in facts {
        let Some(k) = nearest(words, found, fact.start) else {
            continue;
        };
        match fact.kind {
            FactKind::Time
                if (is_dated(fact) || is_yearless_day(fact))
                    && !continues_a_range(words, fact)
                    && args[k].time.is_none_or(|t| finer(fact, t)) =>
            {
                args[k].time = Some(fact);
            }
            FactKind::Time if args[k].weekday.is_none() => {
                args[k].weekday = unresolved_weekday(fact, words.text);
            }
            FactKind::Quantity => {
                let mut q = String::new();
                if let Some(m) = fact.attrs.get(attr::MODIFIER) {
                    q.push_str(m);
                    q.push(' ');
                }
                q.push_str(&fact.value);
                if let Some(u) = fact.attrs.get(attr::UNIT) {
                    q.push(' ');
                    q.push_str(u);
                }
                push_new(&mut args[k].quantities, q);
            }
            FactKind::Quote => {
                if let Some(speaker) = fact.attrs.get(attr::SPEAKER) {
                    for (j, f) in found.iter().enumerate() {
                        let at = words.words[f.first].start;
                        if (fact.start..fact.end).contains(&at) {
                            push_new(&mut args[j].reporters, speaker.clone());
                        }
                    }
                }
            }
            FactKind::Entity if matches!(fact.label.as_str(), "PER" | "ORG" | "LOC") => {
                let name = fact.value.clone();
                let head = words.text[..fact.start].trim_end();
                let according = head
                    .get(head.len().saturating_sub(12)..)
                    .is_some_and(|t| t.eq_ignore_ascii_case("according to"));
                if according {
                    push_new(&mut reporters, name);
                    continue;
                }
                match role_of(words, found, fact) {
                    Role::Place => push_new(&mut args[k].places, name),
                    Role::Venue => push_new(&mut args[k].venues, name),
                    Role::Participant => {
                        let clause = words.clause_at(fact.start);
                        let subject = first_of_clause(clause).is_some_and(|at| fact.end <= at);
                        if subject {
                            for (j, f) in found.iter().enumerate() {
                                if words.clause[f.first] == clause {
                                    push_new(&mut args[j].participants, name.clone());
                                }
                            }
                        } else {
                            push_new(&mut args[k].participants, name);
                        }
                    }
                }
            }
            FactKind::Role => {
                if let Some(holder) = fact.attrs.get(attr::HOLDER) {
                    push_new(&mut args[k].participants, holder.clone());
                }
            }
            _ => {}
        }
    }
    share_between_neighbours(words, found, &mut args);
    // The speakers of a sentence's statements report its other events.
    for (j, f) in found.iter().enumerate() {
        if f.trigger.ty == EventType::Statement {
            let speakers = args[j].participants.clone();
            reporters.extend(speakers);
        }
    }
    for (j, f) in found.iter().enumerate() {
        if args[j].time.is_none() {
            args[j].sentence_time = sentence_time;
        }
        if f.trigger.ty != EventType::Statement {
            for r in &reporters {
                if !args[j].participants.contains(r) {
                    push_new(&mut args[j].reporters, r.clone());
                }
            }
        }
    }
    args
}

/// Two triggers of one type next to each other in a clause ("signed a
/// trade agreement", "met again for a second round of talks") tell of one
/// happening: each gets the arguments the other found.
fn share_between_neighbours<'a>(
    words: &SentenceWords,
    found: &[Found],
    args: &mut [Arguments<'a>],
) {
    for k in 1..found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        let close = words.clause[a.first] == words.clause[b.first];
        if !close || a.trigger.ty != b.trigger.ty {
            continue;
        }
        let (left, right) = args.split_at_mut(k);
        let (x, y) = (&mut left[k - 1], &mut right[0]);
        if x.time.is_none() {
            x.time = y.time;
        } else if y.time.is_none() {
            y.time = x.time;
        }
        for (p, q) in [
            (&mut x.participants, &mut y.participants),
            (&mut x.places, &mut y.places),
            (&mut x.venues, &mut y.venues),
            (&mut x.quantities, &mut y.quantities),
        ] {
            for v in q.iter() {
                push_new(p, v.clone());
            }
            for v in p.iter() {
                push_new(q, v.clone());
            }
        }
    }
}

/// Whether a name is a participant, the place or the venue of an event.
fn role_of(words: &SentenceWords, found: &[Found], fact: &Candidate) -> Role {
    if fact.label != "LOC" && fact.label != "ORG" {
        return Role::Participant;
    }
    let before = words.word_before(fact.start);
    if before == Some("at") {
        return Role::Venue;
    }
    if fact.label == "LOC" {
        if before.is_some_and(|w| PLACE_WORDS.contains(&w)) {
            return Role::Place;
        }
        // "the Geneva talks": a place name right before its trigger.
        let next = words.word_at(fact.end);
        if found.iter().any(|f| f.first == next)
            && words.text[fact.end..words.words.get(next).map_or(fact.end, |w| w.start)]
                .trim()
                .is_empty()
        {
            return Role::Place;
        }
    }
    Role::Participant
}

/// The trigger an argument at byte `pos` belongs to: the nearest one before
/// it in its clause, else the nearest after it in its clause, else the
/// nearest in the sentence. Back-references ("of the collapse") take
/// arguments only in a clause without another trigger.
fn nearest(words: &SentenceWords, found: &[Found], pos: usize) -> Option<usize> {
    let clause = words.clause_at(pos);
    let start_of = |f: &Found| words.words[f.first].start;
    let any_direct = found
        .iter()
        .any(|f| words.clause[f.first] == clause && !f.referring);
    let in_clause = || {
        found
            .iter()
            .enumerate()
            .filter(|(_, f)| words.clause[f.first] == clause && !(any_direct && f.referring))
    };
    in_clause()
        .rfind(|(_, f)| start_of(f) <= pos)
        .or_else(|| in_clause().find(|(_, f)| start_of(f) > pos))
        .map(|(k, _)| k)
        .or_else(|| {
            found
                .iter()
                .enumerate()
                .min_by_key(|(_, f)| start_of(f).abs_diff(pos))
                .map(|(k, _)| k)
        })
}

fn push_new(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
    }
}
