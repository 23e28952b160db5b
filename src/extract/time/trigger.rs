//! One pass over the text finds the trigger words of every rule, so that a
//! rule's regex runs only near the words each of its matches must contain
//! instead of over the whole text.
//!
//! A trigger word counts where it starts a word (as the rules' `\b` sees
//! it: the byte before is no ASCII letter, digit or underscore). A word
//! written with a capital letter must match its case ("May" the month, not
//! "may" the verb); a lower-case word matches any case. Words are heads:
//! "year" triggers on "years" and "yearly" too. A rule without trigger
//! words scans the whole text.
//!
//! A rule's *reach* bounds how long its matches can be, so a match that
//! contains a trigger word lies within that reach of it. Patterns repeat
//! only white space, digits and hyphens without bound (`\s+`, `[0-9]+`),
//! so the reach counts each such repetition as [`RUN`] bytes; a text with
//! a longer run of those characters is scanned whole by every rule.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

use super::rule::Rule;

/// The trigger words of all rules, compiled into one automaton.
pub(super) struct Triggers {
    /// Finds every pattern, ignoring ASCII case, longest first.
    finder: AhoCorasick,
    /// For each pattern, what a hit means: every trigger word (as
    /// written, with its rule) whose lower-case form is a prefix of the
    /// pattern, because the longest match hides the shorter ones.
    meanings: Vec<Vec<(&'static str, usize)>>,
    /// Which rules have no trigger words and scan the whole text.
    scans_all: Vec<bool>,
}

/// The longest run (bytes) of white space, digits and hyphens that the
/// reach of a rule allows for one unbounded repetition.
const RUN: usize = 24;

/// Where each rule has to look in one text.
pub(super) enum Look {
    /// Everywhere: the rule has no trigger words, or the text has a run
    /// longer than [`RUN`].
    Everywhere,
    /// Near these trigger-word starts (ascending byte offsets).
    Near(Vec<usize>),
}

impl Triggers {
    /// Compiles the trigger words of `rules` (indexed by position).
    pub(super) fn new<'r>(rules: impl Iterator<Item = &'r Rule>) -> Triggers {
        let mut entries: Vec<(&'static str, usize)> = Vec::new();
        let mut scans_all = Vec::new();
        for (index, rule) in rules.enumerate() {
            scans_all.push(rule.words.is_empty());
            entries.extend(rule.words.iter().map(|w| (*w, index)));
        }
        let mut patterns: Vec<String> = entries
            .iter()
            .map(|(w, _)| w.to_ascii_lowercase())
            .collect();
        patterns.sort();
        patterns.dedup();
        let meanings = patterns
            .iter()
            .map(|p| {
                entries
                    .iter()
                    .filter(|(w, _)| p.starts_with(&w.to_ascii_lowercase()))
                    .copied()
                    .collect()
            })
            .collect();
        let finder = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("trigger words: {e}"));
        Triggers {
            finder,
            meanings,
            scans_all,
        }
    }

    /// Where each rule has to look in `text`.
    pub(super) fn find(&self, text: &str) -> Vec<Look> {
        if longest_run(text) > RUN {
            return self.scans_all.iter().map(|_| Look::Everywhere).collect();
        }
        let mut near: Vec<Vec<usize>> = vec![Vec::new(); self.scans_all.len()];
        let bytes = text.as_bytes();
        for hit in self.finder.find_iter(text) {
            let start = hit.start();
            let word_start = start == 0 || !is_word_byte(bytes[start - 1]);
            if !word_start {
                continue;
            }
            for &(word, rule) in &self.meanings[hit.pattern().as_usize()] {
                let case_ok = word.bytes().all(|b| b.is_ascii_lowercase())
                    || bytes.get(start..start + word.len()) == Some(word.as_bytes());
                if case_ok && near[rule].last() != Some(&start) {
                    near[rule].push(start);
                }
            }
        }
        near.into_iter()
            .zip(&self.scans_all)
            .map(|(starts, &all)| {
                if all {
                    Look::Everywhere
                } else {
                    Look::Near(starts)
                }
            })
            .collect()
    }
}

/// True for the bytes a regex `(?-u:\b)` counts as word characters.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True for the characters patterns may repeat without bound.
fn is_run_char(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || c == '-'
}

/// [`is_run_char`] for each ASCII byte.
const RUN_BYTES: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_whitespace()
            || b == 0x0B
            || (b as u8).is_ascii_digit()
            || b == b'-' as usize;
        b += 1;
    }
    table
};

/// The length (bytes) of the longest run of [`is_run_char`] characters.
/// Runs over bytes and decodes only non-ASCII characters, for speed.
fn longest_run(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut longest, mut run, mut i) = (0, 0, 0);
    while let Some(&b) = bytes.get(i) {
        let (is_run, len) = if b.is_ascii() {
            (RUN_BYTES[usize::from(b)], 1)
        } else {
            let c = text.get(i..).and_then(|rest| rest.chars().next());
            c.map_or((false, 1), |c| (is_run_char(c), c.len_utf8()))
        };
        run = if is_run { run + len } else { 0 };
        longest = longest.max(run);
        i += len;
    }
    longest
}

/// The longest match (bytes) a pattern can have in a text whose runs are
/// at most [`RUN`] bytes long; `None` when it has no such bound (or does
/// not parse).
pub(super) fn reach(pattern: &str) -> Option<usize> {
    max_len(&regex_syntax::Parser::new().parse(pattern).ok()?)
}

/// [`reach`] of one node of a parsed pattern.
fn max_len(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => Some(lit.0.len()),
        HirKind::Class(Class::Unicode(class)) => class.maximum_len(),
        HirKind::Class(Class::Bytes(class)) => class.maximum_len(),
        HirKind::Capture(capture) => max_len(&capture.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .try_fold(0usize, |sum, p| sum.checked_add(max_len(p)?)),
        HirKind::Alternation(parts) => parts
            .iter()
            .try_fold(0usize, |most, p| Some(most.max(max_len(p)?))),
        HirKind::Repetition(rep) => match rep.max {
            Some(times) => max_len(&rep.sub)?.checked_mul(usize::try_from(times).ok()?),
            None if only_run_chars(&rep.sub) => Some(RUN),
            None => None,
        },
    }
}

/// True when a node matches only [`is_run_char`] characters.
fn only_run_chars(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            std::str::from_utf8(&lit.0).is_ok_and(|s| s.chars().all(is_run_char))
        }
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(is_run_char)),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii() && is_run_char(char::from(b)))),
        HirKind::Capture(capture) => only_run_chars(&capture.sub),
        HirKind::Repetition(rep) => only_run_chars(&rep.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().all(only_run_chars),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(words: &'static [&'static str], pattern: &str) -> Rule {
        Rule::new("test", words, pattern, |_, _| Vec::new())
    }

    fn starts(triggers: &Triggers, text: &str) -> Vec<Option<Vec<usize>>> {
        triggers
            .find(text)
            .into_iter()
            .map(|look| match look {
                Look::Everywhere => None,
                Look::Near(starts) => Some(starts),
            })
            .collect()
    }

    #[test]
    fn words_count_at_word_starts_and_capitals_keep_their_case() {
        let rules = [
            rule(&["May"], r"May"),
            rule(&["current"], r"(?i)current"),
            rule(&["currently", "year"], r"(?i)currently|year"),
            rule(&[], r"[0-9]+"),
        ];
        let triggers = Triggers::new(rules.iter());
        let text = "May mayor may Mayday CURRENTLY a-year 2year years";
        assert_eq!(
            starts(&triggers, text),
            vec![
                Some(vec![0, 14]),
                Some(vec![21]),
                Some(vec![21, 33, 44]),
                None
            ]
        );
    }

    #[test]
    fn long_runs_send_every_rule_everywhere() {
        let rules = [rule(&["year"], r"(?i)year")];
        let triggers = Triggers::new(rules.iter());
        let long = format!("a year{}later", " ".repeat(RUN + 1));
        assert_eq!(starts(&triggers, &long), vec![None]);
        let short = format!("a year{}later", " ".repeat(RUN));
        assert_eq!(starts(&triggers, &short), vec![Some(vec![2])]);
    }

    #[test]
    fn runs_are_measured_in_bytes_across_spaces_digits_and_hyphens() {
        assert_eq!(longest_run("ab 12-34  cd"), 8);
        assert_eq!(longest_run("a\u{a0}\u{a0}b"), 4);
        assert_eq!(longest_run("Кyiv—"), 0);
        assert_eq!(longest_run("   "), 3);
    }

    #[test]
    fn reach_bounds_the_longest_match() {
        assert_eq!(reach(r"May"), Some(3));
        assert_eq!(reach(r"(?-u:\b)May\s+[0-9]{1,2}"), Some(3 + RUN + 2));
        assert_eq!(reach(r"[0-9]+ years?"), Some(RUN + 6));
        assert_eq!(reach(r"\w+ ago"), None);
        assert_eq!(reach(r"(unclosed"), None);
    }
}
