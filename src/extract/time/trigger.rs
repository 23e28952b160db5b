//! One pass over the text finds the trigger words of every rule, so that a
//! rule's regex runs only near the words each of its matches must contain
//! instead of over the whole text.
//!
//! A trigger word that begins with a letter counts where it starts a word
//! (as the rules' `\b` sees it: the byte before is no ASCII letter, digit
//! or underscore); other triggers ("0s" in "1990s", ":" in "10:45") count
//! anywhere, and hold no word start themselves (the longest match at a
//! place hides shorter ones, so "0's" would hide a word "s…"). A word of
//! lower-case letters matches any case; any other
//! must match exactly ("May" the month, not "may" the verb). Words are
//! heads: "year" triggers on "years" and "yearly" too. A rule without
//! trigger words scans the whole text.
//!
//! Built from word lists, one per rule, so it uses nothing else of `time`:
//! no rule type, no rule family, no search.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// The trigger words of all rules, compiled into one automaton.
pub(super) struct Triggers {
    /// Finds every pattern, ignoring ASCII case, longest first. Always a
    /// DFA: the automatic choice falls back to a slower NFA past 100
    /// patterns, and the words stay few and short enough for a small DFA.
    finder: AhoCorasick,
    /// For each pattern, what a hit means: every trigger word whose
    /// lower-case form is a prefix of the pattern (the longest match hides
    /// the shorter ones), with its rule.
    meanings: Vec<Vec<Meaning>>,
    /// Which rules have no trigger words and scan the whole text.
    scans_all: Vec<bool>,
}

/// One trigger word of one rule.
#[derive(Debug, Clone, Copy)]
struct Meaning {
    /// The word as written.
    word: &'static str,
    /// Whether it must match its case (it is not all lower-case letters).
    exact: bool,
    /// The rule's index.
    rule: usize,
}

/// Where each rule has to look in one text.
pub(super) enum Look {
    /// Everywhere: the rule has no trigger words.
    Everywhere,
    /// Near these trigger-word starts (ascending byte offsets).
    Near(Vec<usize>),
}

impl Triggers {
    /// Compiles the trigger words of each rule, one list per rule (indexed
    /// by position); an empty list makes that rule scan the whole text.
    pub(super) fn new(word_lists: impl Iterator<Item = &'static [&'static str]>) -> Triggers {
        let mut entries: Vec<Meaning> = Vec::new();
        let mut scans_all = Vec::new();
        for (index, words) in word_lists.enumerate() {
            scans_all.push(words.is_empty());
            entries.extend(words.iter().map(|&word| Meaning {
                word,
                exact: !word.bytes().all(|b| b.is_ascii_lowercase()),
                rule: index,
            }));
        }
        let mut patterns: Vec<String> = entries
            .iter()
            .map(|m| m.word.to_ascii_lowercase())
            .collect();
        patterns.sort();
        patterns.dedup();
        let meanings = patterns
            .iter()
            .map(|p| {
                entries
                    .iter()
                    .filter(|m| p.starts_with(&m.word.to_ascii_lowercase()))
                    .copied()
                    .collect()
            })
            .collect();
        let finder = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
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
        let mut near: Vec<Vec<usize>> = vec![Vec::new(); self.scans_all.len()];
        let bytes = text.as_bytes();
        for hit in self.finder.find_iter(text) {
            let start = hit.start();
            let word_start = start == 0 || !is_word_byte(bytes[start - 1]);
            let needs_word_start = bytes[start].is_ascii_alphabetic();
            if needs_word_start && !word_start {
                continue;
            }
            for m in &self.meanings[hit.pattern().as_usize()] {
                let case_ok =
                    !m.exact || bytes.get(start..start + m.word.len()) == Some(m.word.as_bytes());
                if case_ok && near[m.rule].last() != Some(&start) {
                    near[m.rule].push(start);
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
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let word_lists: [&'static [&'static str]; 4] =
            [&["May"], &["current"], &["currently", "year"], &[]];
        let triggers = Triggers::new(word_lists.into_iter());
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
}
