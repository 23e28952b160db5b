//! Who said a quote: attribution patterns around the quote, then the speech verb
//! of its sentence, resolving "he"/"she" to the most recent person.

use std::sync::LazyLock;

use regex::Regex;

use super::marks::Quoted;
use super::names::{Name, names};
use crate::extract::Candidate;
use crate::extract::spans::SpanSet;

/// Speech verbs in every form that introduces or attributes speech.
const VERB: &str = r"(?:says|said|say|saying|tells|told|telling|adds|added|adding|states|stated|stating|stresse[sd]|stressing|notes|noted|noting|announce[sd]?|announcing|emphasi[sz]e[sd]?|emphasi[sz]ing|insist(?:s|ed|ing)?|claim(?:s|ed|ing)?|warn(?:s|ed|ing)?|writes|wrote|writing|ask(?:s|ed|ing)?|confirm(?:s|ed|ing)?|explain(?:s|ed|ing)?|declare[sd]?|declaring|reveal(?:s|ed|ing)?|highlight(?:s|ed|ing)?|argue[sd]?|arguing|recall(?:s|ed|ing)?|remark(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|acknowledge[sd]?|acknowledging|admit(?:s|ted|ting)?|tweet(?:s|ed|ing)?)";

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid speaker regex")
}

/// Speech verbs anywhere.
static VERBS: LazyLock<Regex> = LazyLock::new(|| regex(&format!(r"(?-u:\b){VERB}(?-u:\b)")));

/// "…,” said X" / "…,” told by X": the verb right after the quote.
static TAIL_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[ \u{{A0}}]*,?[ \u{{A0}}]*{VERB}[ \u{{A0}}]+(?:by[ \u{{A0}}]+)?"
    ))
});

/// "…,” he added" / "…,” said she".
static TAIL_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[ \u{{A0}}]*,?[ \u{{A0}}]*(?:(?:[Hh]e|[Ss]he)[ \u{{A0}}]+(?:\p{{Ll}}+[ \u{{A0}}]+)?{VERB}|{VERB}[ \u{{A0}}]+(?:he|she))(?-u:\b)"
    ))
});

/// After a name: optional appositive, at most one adverb, then a speech verb.
static NAME_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^(?:,[^,.;:!?“”\x22‘’]{{1,100}},)?[ \u{{A0}}]+(?:\p{{Ll}}+[ \u{{A0}}]+)?{VERB}(?-u:\b)"
    ))
});

/// Between a subject and its verb: spaces and at most two lower-case words.
static SHORT_GAP: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[ \u{A0}]+(?:\p{Ll}+[ \u{A0}]+){0,2}$"));

/// "he"/"she" right before a verb.
static PRONOUN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[^\p{L}])(?:[Hh]e|[Ss]he)[ \u{A0}]+(?:\p{Ll}+[ \u{A0}]+){0,2}$"));

/// Between a verb and the quote it introduces ("told reporters:").
static VERB_TO_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?:[ \u{A0}]+\p{Ll}+){0,3}[ \u{A0}]*[:,]?[ \u{A0}]*$"));

/// "according to".
static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)[Aa]ccording[ \u{A0}]+to[ \u{A0}]+"));

/// "…,” said a spokesperson for Amnesty International": an unnamed speaker
/// described after the verb, up to the end of the clause.
static DESCRIPTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^((?:an?|the|one)[ \u{A0}]+(?:[\p{L}’'-]+[ \u{A0}]+){0,6}?[\p{L}-]+)[ \u{A0}]*(?:[,.;:!?\n]|$)",
    )
});

/// "…,” the negotiator added": a described speaker before the verb.
static DESCRIPTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[ \u{{A0}}]*,?[ \u{{A0}}]*((?:[Aa]n?|[Tt]he|[Oo]ne)[ \u{{A0}}]+(?:[\p{{L}}’'-]+[ \u{{A0}}]+){{0,4}}?\p{{Ll}}[\p{{L}}-]*)[ \u{{A0}}]+{VERB}(?-u:\b)"
    ))
});

/// How far from a title word a person's name may stand to hold it ("lead negotiator, Vladimir Medinsky").
const TITLE_REACH: usize = 40;
/// How far back (bytes) "the negotiator" looks for the title it refers to.
const TITLE_WINDOW: usize = 4000;

/// Spaces (and "by") between a verb and an inverted subject ("said Medinsky").
static AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| regex(r"^[ \u{A0}]+(?:by[ \u{A0}]+)?"));

/// A speaker and the rule that found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's name (an entity's value, or the capitalised name as written).
    pub name: String,
    /// Which pattern found it.
    pub rule: &'static str,
}

/// A name candidate: where it ends and what it is called.
struct Found {
    end: usize,
    name: String,
}

/// Everything the speaker rules look at, computed once per text.
pub struct Context<'a> {
    text: &'a str,
    entities: Vec<&'a Candidate>,
    names: Vec<Name>,
    verbs: Vec<(usize, usize)>,
}

impl<'a> Context<'a> {
    /// Prepares the rules for one text, its entities and its quoted passages.
    pub fn new(text: &'a str, entities: &'a [Candidate], quotes: &[Quoted]) -> Self {
        let quoted = SpanSet::new(quotes.iter().map(|q| (q.open, q.close_end)));
        let inside = |p: usize| quoted.contains(p);
        let places = SpanSet::new(
            entities
                .iter()
                .filter(|e| e.label == "LOC" || e.label == "MISC")
                .map(|e| (e.start, e.end)),
        );
        let mut entities: Vec<&Candidate> = entities
            .iter()
            .filter(|e| e.start < e.end && e.end <= text.len() && !inside(e.start))
            .collect();
        entities.sort_by_key(|e| (e.start, e.end));
        Context {
            text,
            entities,
            names: names(text)
                .into_iter()
                .filter(|n| !inside(n.run_start) && !places.overlaps(n.start, n.end))
                .collect(),
            verbs: VERBS
                .find_iter(text)
                .filter(|m| !inside(m.start()))
                .map(|m| (m.start(), m.end()))
                .collect(),
        }
    }

    /// The entities ending at or after `lo` and starting at or before `hi`, ordered by position.
    fn entities_near(&self, lo: usize, hi: usize) -> &[&'a Candidate] {
        let from = self.entities.partition_point(|e| e.end < lo);
        let to = self.entities.partition_point(|e| e.start <= hi).max(from);
        &self.entities[from..to]
    }

    /// The entities lying wholly inside `lo..pos`, ordered by position.
    /// (Entities of one kind never overlap, so their starts and ends are both sorted.)
    fn entities_within(&self, lo: usize, pos: usize) -> &[&'a Candidate] {
        let from = self.entities.partition_point(|e| e.start < lo);
        let to = self.entities.partition_point(|e| e.end <= pos).max(from);
        &self.entities[from..to]
    }

    /// The speech verbs lying wholly inside `lo..hi`, ordered by position.
    /// (Matches of one pattern never overlap, so their starts and ends are both sorted.)
    fn verbs_within(&self, lo: usize, hi: usize) -> &[(usize, usize)] {
        let from = self.verbs.partition_point(|v| v.0 < lo);
        let to = self.verbs.partition_point(|v| v.1 <= hi).max(from);
        &self.verbs[from..to]
    }

    /// The names starting in `lo..pos`, ordered by position.
    fn names_within(&self, lo: usize, pos: usize) -> &[Name] {
        let from = self.names.partition_point(|n| n.start < lo);
        let to = self.names.partition_point(|n| n.start < pos).max(from);
        &self.names[from..to]
    }

    /// The speaker of quote `q` whose sentence (or sentences) span `lo..hi`.
    pub fn speaker(&self, q: &Quoted, lo: usize, hi: usize) -> Option<Speaker> {
        self.after_quote(q, hi)
            .or_else(|| self.according_to(q, lo, hi))
            .or_else(|| self.sentence_verb(q, lo, hi))
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    fn found(name: Option<Found>, rule: &'static str) -> Option<Speaker> {
        name.map(|f| Speaker { name: f.name, rule })
    }

    /// "…,” said X", "…,” X said", "…,” he added".
    fn after_quote(&self, q: &Quoted, hi: usize) -> Option<Speaker> {
        let tail = self.slice(q.close_end, hi);
        if TAIL_PRONOUN.is_match(tail) {
            return Self::found(self.recent_person(q.open), "quote-pronoun");
        }
        if let Some(m) = TAIL_VERB.find(tail) {
            let named = Self::found(self.name_at(q.close_end + m.end()), "quote-verb-name");
            return named.or_else(|| self.described(&tail[m.end()..], &DESCRIPTION_AFTER, q.open));
        }
        if let Some(speaker) = self.described(tail, &DESCRIPTION_BEFORE, q.open) {
            return Some(speaker);
        }
        let lead = tail.len() - tail.trim_start_matches([' ', '\u{A0}', ',']).len();
        let name = self.name_at(q.close_end + lead)?;
        NAME_THEN_VERB
            .is_match(self.slice(name.end, hi))
            .then_some(Speaker {
                name: name.name,
                rule: "quote-name-verb",
            })
    }

    /// "according to X" in the quote's sentence, the nearest one to the quote.
    fn according_to(&self, q: &Quoted, lo: usize, hi: usize) -> Option<Speaker> {
        let sentence = self.slice(lo, hi);
        let best = ACCORDING_TO
            .find_iter(sentence)
            .map(|m| lo + m.end())
            .filter(|&p| p <= q.open || p >= q.close_end)
            .min_by_key(|&p| p.abs_diff(q.open))?;
        Self::found(self.name_at(best), "according-to")
    }

    /// The subject of the speech verb nearest before the quote, or after it when
    /// the quote opens the sentence ("“…” the ministry stressed").
    fn sentence_verb(&self, q: &Quoted, lo: usize, hi: usize) -> Option<Speaker> {
        let verbs = self.verbs_within(lo, hi);
        let before = verbs.iter().rfind(|v| v.1 <= q.open);
        let opens_sentence = self.slice(lo, q.open).trim().is_empty();
        let after = verbs
            .iter()
            .find(|v| v.0 >= q.close_end)
            .filter(|_| opens_sentence);
        for &(start, end) in before.into_iter().chain(after) {
            if let Some(found) = self.subject(start, end, lo) {
                let introduces = end <= q.open && VERB_TO_QUOTE.is_match(self.slice(end, q.open));
                let rule = if introduces {
                    "speaker-verb-quote"
                } else {
                    "sentence-verb"
                };
                return Some(Speaker {
                    name: found.name,
                    rule,
                });
            }
        }
        None
    }

    /// Who performs the verb at `start..end`, looking no further back than `lo`.
    fn subject(&self, start: usize, end: usize, lo: usize) -> Option<Found> {
        if PRONOUN_BEFORE.is_match(self.slice(lo, start)) {
            return self.recent_person(start);
        }
        self.name_before(start, lo)
            .or_else(|| self.subject_before_apposition(start, lo))
            .or_else(|| self.person_before(start, lo))
            .or_else(|| {
                let gap = AFTER_VERB.find(self.slice(end, self.text.len()))?;
                self.name_at(end + gap.end())
            })
    }

    /// A PER/ORG entity, else a capitalised name, starting at `pos`.
    fn name_at(&self, pos: usize) -> Option<Found> {
        let rest = self.slice(pos, self.text.len());
        let pos = pos + (rest.len() - rest.trim_start().len());
        let first = self.names.partition_point(|n| n.run_start < pos);
        let name = self.names.get(first).filter(|n| n.run_start == pos);
        let run_end = name.map_or(pos + 1, |n| n.run_end);
        // Entities of one kind never overlap, so sorted by start they are sorted by end too.
        let from = self.entities.partition_point(|e| e.end <= pos);
        let entity = self.entities[from..]
            .iter()
            .take_while(|e| e.start < run_end)
            .find(|e| is_speaker_label(e));
        match entity {
            Some(e) => Some(Found {
                end: e.end,
                name: e.value.clone(),
            }),
            None => name.map(|n| Found {
                end: n.end,
                name: n.text.clone(),
            }),
        }
    }

    /// The name whose end is followed by `gap_ok` text up to `pos`, entities first.
    fn name_ending_before(
        &self,
        pos: usize,
        lo: usize,
        gap_ok: impl Fn(&str) -> bool,
    ) -> Option<Found> {
        let entity = self
            .entities_within(lo, pos)
            .iter()
            .rev()
            .find(|e| is_speaker_label(e) && gap_ok(self.slice(e.end, pos)));
        if let Some(e) = entity {
            return Some(Found {
                end: e.end,
                name: e.value.clone(),
            });
        }
        self.names_within(lo, pos)
            .iter()
            .filter(|n| n.run_end <= pos && gap_ok(self.slice(n.run_end, pos)))
            .max_by_key(|n| n.end)
            .map(|n| Found {
                end: n.end,
                name: n.text.clone(),
            })
    }

    /// "Medinsky said", "NATO officials have warned".
    fn name_before(&self, pos: usize, lo: usize) -> Option<Found> {
        self.name_ending_before(pos, lo, |gap| SHORT_GAP.is_match(gap))
    }

    /// "X, head of the delegation, …, stating": the name before an appositive.
    /// Only for a verb right after a comma, which closes the appositive and is skipped.
    fn subject_before_apposition(&self, pos: usize, lo: usize) -> Option<Found> {
        let before = self.slice(lo, pos);
        let mut commas: Vec<usize> = before.match_indices(',').map(|(i, _)| lo + i).collect();
        let closing = commas.pop()?;
        if !self.slice(closing + 1, pos).trim().is_empty() {
            return None;
        }
        commas
            .iter()
            .rev()
            .take(4)
            .find_map(|&comma| self.name_ending_before(comma, lo, |gap| gap.trim().is_empty()))
    }

    /// A speaker described rather than named ("a senior diplomat", "the
    /// negotiator"): "the" + a title resolves to the last person named with
    /// that title before the quote; otherwise the description is the speaker.
    fn described(&self, tail: &str, pattern: &Regex, before: usize) -> Option<Speaker> {
        let phrase = pattern.captures(tail)?.get(1)?.as_str().trim();
        let mut words = phrase.split_whitespace();
        let determiner = words.next()?.to_lowercase();
        let rest: Vec<&str> = words.collect();
        if let ([noun], "the") = (rest.as_slice(), determiner.as_str())
            && let Some(found) = self.titled_person(noun, before)
        {
            return Some(Speaker {
                name: found.name,
                rule: "quote-title-anaphora",
            });
        }
        Some(Speaker {
            name: phrase.to_owned(),
            rule: "quote-description",
        })
    }

    /// The person named next to the last use of `title` before `pos`.
    fn titled_person(&self, title: &str, pos: usize) -> Option<Found> {
        let mut from = pos.saturating_sub(TITLE_WINDOW);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let window = self.text.get(from..pos)?;
        let lower: String = window
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            })
            .collect();
        let needle = title.to_ascii_lowercase();
        let at = lower
            .match_indices(&needle)
            .map(|(i, _)| i)
            .filter(|i| {
                let before = lower[..*i].chars().next_back();
                let after = lower[i + needle.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .last()?;
        let (at, end) = (from + at, from + at + needle.len());
        self.entities_near(at.saturating_sub(TITLE_REACH), end + TITLE_REACH)
            .iter()
            .filter(|e| e.label == "PER")
            .filter(|e| {
                (e.start >= end && e.start - end <= TITLE_REACH)
                    || (e.end <= at && at - e.end <= TITLE_REACH)
            })
            .min_by_key(|e| {
                if e.start >= end {
                    e.start - end
                } else {
                    at - e.end
                }
            })
            .map(|e| Found {
                end: e.end,
                name: e.value.clone(),
            })
    }

    /// The most recent person named before `pos` anywhere in the text.
    fn recent_person(&self, pos: usize) -> Option<Found> {
        self.person_before(pos, 0)
    }

    /// The nearest person named in `lo..pos`: a PER entity, else a person-like name.
    fn person_before(&self, pos: usize, lo: usize) -> Option<Found> {
        let entity = self
            .entities_within(lo, pos)
            .iter()
            .rev()
            .find(|e| e.label == "PER");
        if let Some(e) = entity {
            return Some(Found {
                end: e.end,
                name: e.value.clone(),
            });
        }
        self.names_within(lo, pos)
            .iter()
            .rev()
            .find(|n| n.person && n.end <= pos)
            .map(|n| Found {
                end: n.end,
                name: n.text.clone(),
            })
    }
}

fn is_speaker_label(entity: &Candidate) -> bool {
    entity.label == "PER" || entity.label == "ORG"
}
