//! One sentence read as words cut into clauses: the unit in which a trigger
//! finds its arguments. A clause ends at ";", ":" or a dash, and at a comma
//! followed by a word that opens a new clause ("…, while", "…, after").

use crate::extract::words::{Word, words};

/// Words that open a new clause after a comma.
const OPENERS: &[&str] = &[
    "which",
    "while",
    "after",
    "before",
    "when",
    "whereas",
    "but",
    "although",
    "though",
    "as",
    "who",
    "where",
    "since",
    "until",
    "because",
    "and",
    "following",
];

/// The words of one sentence with the clause of each.
#[derive(Debug)]
pub struct SentenceWords<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The words of the sentence, in order.
    pub words: Vec<Word<'a>>,
    /// The clause number of each word.
    pub clause: Vec<usize>,
}

impl<'a> SentenceWords<'a> {
    /// Reads the sentence `text[start..end]`.
    pub fn new(text: &'a str, start: usize, end: usize) -> Self {
        let words = words(text, start, end);
        let mut clause = Vec::with_capacity(words.len());
        let mut current = 0;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let gap = &text[words[i - 1].end..w.start];
                let hard = gap.contains([';', ':', '—', '–', '(', ')']) || gap.contains(" - ");
                let soft = gap.contains(',') && OPENERS.contains(&w.lower.as_ref());
                if hard || soft {
                    current += 1;
                }
            }
            clause.push(current);
        }
        SentenceWords {
            text,
            words,
            clause,
        }
    }

    /// How many words the sentence has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The lower-case words of word `i`'s clause before it, nearest last.
    pub fn clause_words_before(&self, i: usize) -> Vec<&str> {
        self.lower(self.clause_start(i)..i)
    }

    /// The lower-case words of word `i`'s clause before it and after its
    /// last comma, nearest last: the scope of a negation or a modal, which
    /// belongs to another verb when a comma stands between ("of those who
    /// did not survive, four were found").
    pub fn phrase_words_before(&self, i: usize) -> Vec<&str> {
        let start = self.clause_start(i);
        let from = (start + 1..=i)
            .rev()
            .find(|&k| self.text[self.words[k - 1].end..self.words[k].start].contains(','))
            .unwrap_or(start);
        self.lower(from..i)
    }

    /// The index of the first word of word `i`'s clause.
    fn clause_start(&self, i: usize) -> usize {
        let c = self.clause[i];
        self.clause[..i].partition_point(|&k| k < c)
    }

    /// The lower-case forms of the words in `range`.
    fn lower(&self, range: std::ops::Range<usize>) -> Vec<&str> {
        self.words[range].iter().map(|w| w.lower.as_ref()).collect()
    }

    /// Up to five lower-case words of word `i`'s clause after it.
    pub fn clause_words_after(&self, i: usize) -> Vec<&str> {
        let c = self.clause[i];
        self.words[i + 1..]
            .iter()
            .zip(&self.clause[i + 1..])
            .take_while(|(_, k)| **k == c)
            .take(5)
            .map(|(w, _)| w.lower.as_ref())
            .collect()
    }

    /// The index of the first word starting at or after byte `pos` (the
    /// number of words when none does).
    pub fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.end <= pos)
    }

    /// The clause of the word holding (or following) byte `pos`.
    pub fn clause_at(&self, pos: usize) -> usize {
        let i = self.word_at(pos);
        self.clause
            .get(i)
            .or(self.clause.last())
            .copied()
            .unwrap_or(0)
    }

    /// The lower-case word just before byte `pos`, skipping "the".
    pub fn word_before(&self, pos: usize) -> Option<&str> {
        let i = self.word_at(pos);
        let mut j = i.checked_sub(1)?;
        if self.words[j].lower == "the" {
            j = j.checked_sub(1)?;
        }
        Some(self.words[j].lower.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_semicolons_and_openers() {
        let text = "The envoys met in Geneva; talks resumed, while protests grew outside, he said.";
        let s = SentenceWords::new(text, 0, text.len());
        let clause_of = |w: &str| s.clause[s.words.iter().position(|x| x.lower == w).unwrap()];
        assert_eq!(clause_of("met"), clause_of("geneva"));
        assert_ne!(clause_of("met"), clause_of("resumed"));
        assert_ne!(clause_of("resumed"), clause_of("protests"));
        assert_eq!(clause_of("outside"), clause_of("he"));
        assert_eq!(s.word_before(text.find("Geneva").unwrap()), Some("in"));
        assert_eq!(s.clause_words_before(2), vec!["the", "envoys"]);
    }
}
