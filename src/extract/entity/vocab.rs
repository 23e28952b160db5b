//! The distinct words of one document. A news article repeats most of its words, so what depends
//! on a token's text alone (its hashes, its gazetteer entry, its model scores) is worked out once
//! per distinct text and read back by number for every token.

use rustc_hash::FxHashMap;

use super::token::Token;

/// The distinct token texts of a document, numbered in order of first appearance.
#[derive(Clone)]
pub(crate) struct Vocab<'a> {
    /// For each token, the number of its text.
    of_token: Vec<u32>,
    /// Each distinct text, by number.
    texts: Vec<&'a str>,
    /// The first token with each distinct text, by number.
    first: Vec<u32>,
}

impl<'a> Vocab<'a> {
    /// Numbers the texts of `tokens`.
    pub(crate) fn new(tokens: &[Token<'a>]) -> Vocab<'a> {
        let mut numbers: FxHashMap<&'a str, u32> =
            FxHashMap::with_capacity_and_hasher(tokens.len(), Default::default());
        let (mut texts, mut first) = (Vec::new(), Vec::new());
        let of_token = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                *numbers.entry(t.text).or_insert_with(|| {
                    texts.push(t.text);
                    first.push(u32::try_from(i).unwrap_or(u32::MAX));
                    u32::try_from(texts.len() - 1).unwrap_or(u32::MAX)
                })
            })
            .collect();
        Vocab {
            of_token,
            texts,
            first,
        }
    }

    /// The number of token `i`'s text.
    pub(crate) fn of(&self, i: usize) -> usize {
        self.of_token[i] as usize
    }

    /// The distinct texts, by number.
    pub(crate) fn texts(&self) -> &[&'a str] {
        &self.texts
    }

    /// `f` of every distinct text, by number.
    pub(crate) fn each<T>(&self, f: impl FnMut(&'a str) -> T) -> Vec<T> {
        self.texts.iter().copied().map(f).collect()
    }

    /// `f` of each number and the first token with that text, by number: for what depends on a
    /// token's text and kind, as a token's kind follows from its text (letters and digits make a
    /// word, an apostrophe and "s" a possessive, anything else punctuation).
    pub(crate) fn each_first<T>(
        &self,
        tokens: &[Token<'a>],
        f: impl Fn(usize, &Token<'a>) -> T,
    ) -> Vec<T> {
        self.first
            .iter()
            .enumerate()
            .map(|(n, &i)| f(n, &tokens[i as usize]))
            .collect()
    }

    /// For each token, its text's entry in `per_text` (from [`Vocab::each`]).
    pub(crate) fn per_token<T: Copy>(&self, per_text: &[T]) -> Vec<T> {
        self.of_token
            .iter()
            .map(|&n| per_text[n as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn tokens_with_the_same_text_share_a_number() {
        let tokens = tokenize("Rain fell. Rain stopped, and rain fell again.");
        let vocab = Vocab::new(&tokens);
        for (i, a) in tokens.iter().enumerate() {
            assert_eq!(vocab.texts()[vocab.of(i)], a.text);
            for (j, b) in tokens.iter().enumerate() {
                assert_eq!(vocab.of(i) == vocab.of(j), a.text == b.text, "{a:?} {b:?}");
            }
        }
        assert_eq!(vocab.texts().len(), 8);
        let lengths = vocab.each(str::len);
        assert_eq!(vocab.per_token(&lengths)[2], ".".len());
        let starts = vocab.each_first(&tokens, |_, t| t.start);
        assert_eq!(tokens[3].text, "Rain");
        assert_eq!(vocab.per_token(&starts)[3], 0);
        assert_eq!(vocab.per_token(&starts)[6], tokens[6].start);
    }
}
