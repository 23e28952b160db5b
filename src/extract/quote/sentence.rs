//! Sentence bounds that ignore punctuation inside quoted passages, so that
//! "“We are ready. We wait,” he said." stays one sentence.

use super::marks::Quoted;
use crate::extract::words::char_at;

/// The most characters an abbreviation has: a longer word before a full stop
/// is read no further back than this (it is no abbreviation either way).
const LONGEST_ABBREVIATION: usize = 6;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "prof", "rev",
    "gov", "sen", "rep", "vs", "etc", "inc", "ltd", "co", "corp", "no", "e.g", "i.e", "u.s", "u.k",
    "u.n", "approx", "dept", "est",
];

/// The longest run read as one sentence: real sentences are far shorter, and
/// the work on a sentence grows faster than its length, so a text without
/// sentence ends (a table flattened to one line, a hostile file) is read in
/// pieces that end at the first white space after this many bytes.
const MAX_SENTENCE_BYTES: usize = 4096;

/// The sentences of `text` as byte ranges, in order, covering all of it.
pub fn sentences(text: &str, quotes: &[Quoted]) -> Vec<(usize, usize)> {
    scan(text, quotes, next_possible_end)
}

/// [`sentences`], reading after each character the one `next(text, after, limit)` says: the
/// next that may end a sentence, or (for the plain scan the tests compare with) the next.
fn scan(
    text: &str,
    quotes: &[Quoted],
    next: impl Fn(&str, usize, usize) -> usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_iter = quotes.iter().peekable();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        while quote_iter.peek().is_some_and(|q| q.close_end <= i) {
            quote_iter.next();
        }
        let inside = quote_iter
            .peek()
            .is_some_and(|q| q.open <= i && i < q.close_end);
        let after = i + c.len_utf8();
        let ends = if c == '\n' || (c.is_whitespace() && after - start > MAX_SENTENCE_BYTES) {
            true
        } else if inside {
            quote_iter
                .peek()
                .is_some_and(|q| q.close == i && closes_sentence(text, q))
        } else {
            matches!(c, '.' | '!' | '?') && ends_sentence(text, i, after)
        };
        if ends {
            out.push((start, after));
            start = after;
        }
        let quote_mark = quote_iter.peek().map_or(text.len(), |q| {
            if q.close >= after {
                q.close
            } else {
                q.close_end
            }
        });
        let long_run = (start + MAX_SENTENCE_BYTES).saturating_sub(MAX_CHAR_BYTES);
        i = next(text, after, quote_mark.min(long_run));
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The most bytes a character takes in UTF-8.
const MAX_CHAR_BYTES: usize = 4;

/// The first character at or after `from` (a char boundary) that may end a sentence: a line
/// break or . ! ? — or the character at `limit` (or just before it), past which a quote's close
/// or white space ending an overlong run may end one. Skipping the rest unread makes the scan
/// cost a few instructions per byte instead of a character's full test.
fn next_possible_end(text: &str, from: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    let mut j = from;
    while j < limit && !matches!(bytes[j], b'\n' | b'.' | b'!' | b'?') {
        j += 1;
    }
    text.floor_char_boundary(j).max(from)
}

/// A quote ends its sentence when its words end with . ! ? and a new sentence follows.
fn closes_sentence(text: &str, q: &Quoted) -> bool {
    let inner = text[..q.close].trim_end();
    let terminal = inner.ends_with(['.', '!', '?']);
    terminal && next_starts_sentence(&text[q.close_end..])
}

/// A full stop, ! or ? ends the sentence unless it follows an abbreviation or initial.
fn ends_sentence(text: &str, at: usize, after: usize) -> bool {
    if !next_starts_sentence(&text[after..]) {
        return false;
    }
    if text[at..].starts_with('.') {
        let word: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic() || *c == '.')
            .take(LONGEST_ABBREVIATION + 2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if single_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
            return false;
        }
    }
    true
}

/// White space, then an upper-case letter, a digit or an opening mark (or the end).
fn next_starts_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    trimmed
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“”‘'«*".contains(c))
}

#[cfg(test)]
mod tests {
    use super::super::marks::quoted;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn skipping_finds_the_sentences_of_the_plain_scan(
            pieces in proptest::collection::vec(
                "[a-zA-Z .!?\n“”\"‘’'«»é\u{3000}\u{a0}]{0,12}|St\\. |Mr\\. [A-Z]|[a-z]{3000,4200} ",
                0..24,
            )
        ) {
            let text = pieces.concat();
            let quotes = quoted(&text);
            let plain = scan(&text, &quotes, |_, after, _| after);
            prop_assert_eq!(sentences(&text, &quotes), plain);
        }
    }

    #[test]
    fn splits_outside_quotes_only() {
        let text = "Mr. Smith spoke. “We are ready. We wait,” he said. ‘Done.’ Next one.";
        let found = sentences(text, &quoted(text));
        let parts: Vec<&str> = found.iter().map(|&(s, e)| text[s..e].trim()).collect();
        assert_eq!(
            parts,
            [
                "Mr. Smith spoke.",
                "“We are ready. We wait,” he said.",
                "‘Done.’",
                "Next one."
            ]
        );
    }

    #[test]
    fn the_longest_abbreviation_is_counted_right() {
        let longest = ABBREVIATIONS.iter().map(|a| a.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    #[test]
    fn a_run_without_sentence_ends_is_read_in_pieces_at_spaces() {
        let text = "and the river rose again ".repeat(1000);
        let found = sentences(&text, &quoted(&text));
        assert!(found.len() > 1);
        assert_eq!(found.first().map(|s| s.0), Some(0));
        assert_eq!(found.last().map(|s| s.1), Some(text.len()));
        for pair in found.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "the pieces cover the text");
        }
        for &(s, e) in &found {
            assert!(e - s <= MAX_SENTENCE_BYTES + "river ".len(), "{}", e - s);
            assert!(text[..e].ends_with(' '), "cut at a space");
        }
    }

    #[test]
    fn a_long_dotted_word_is_no_abbreviation() {
        let text = "It was signed in a.b.c.d.e.f.g.h. Then they left.";
        let found = sentences(text, &quoted(text));
        assert_eq!(found.len(), 2);
    }
}
