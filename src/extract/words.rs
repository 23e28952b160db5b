//! Words of a text with their byte spans and lower-case forms: the unit the
//! event extractor and the comparisons of sources read text in.

use std::borrow::Cow;

/// A word of the text: its byte span and its lower-case form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Lower case, apostrophes and possessive dropped: borrowed from the text when it is
    /// written so there (most words are), so reading a sentence allocates little.
    pub lower: Cow<'a, str>,
}

/// A little less than the bytes a word of news takes with the space after it (about six), so
/// that a vector sized by it seldom grows.
const BYTES_PER_WORD: usize = 5;

/// The most words reserved ahead: a long stretch, or one of white space, grows as it is read.
const WORDS_RESERVED: usize = 1 << 12;

/// The words of `text[from..to]` (letters and digits; hyphens and apostrophes inside a word kept).
pub fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(((to - from) / BYTES_PER_WORD + 1).min(WORDS_RESERVED));
    scan(text, from, to, |start, end, lower| {
        let lower = match lower {
            Lowered::Written(same) => Cow::Borrowed(same),
            Lowered::Built(built) => Cow::Owned(built.to_owned()),
        };
        out.push(Word { start, end, lower })
    });
    out
}

/// Calls `visit(start, end, lower)` for each word of `text[from..to]`, with
/// its lower-case form (possessive dropped) in a buffer reused between words,
/// so scanning a long text allocates nothing per word.
pub fn scan_words(text: &str, from: usize, to: usize, mut visit: impl FnMut(usize, usize, &str)) {
    scan(text, from, to, |start, end, lower| {
        visit(start, end, lower.as_str())
    });
}

/// A word's lower-case form as [`scan`] hands it over.
enum Lowered<'t, 'b> {
    /// The text writes the word in lower case (ASCII): a slice of the text, copied nowhere.
    Written(&'t str),
    /// Lower-cased into the scanner's buffer, which the next word reuses.
    Built(&'b str),
}

impl Lowered<'_, '_> {
    fn as_str(&self) -> &str {
        match self {
            Lowered::Written(s) | Lowered::Built(s) => s,
        }
    }
}

/// The scan behind [`words`] and [`scan_words`]. ASCII, the bulk of news
/// text, is read byte by byte; a word it already writes in lower case is
/// handed over as written, any other is lower-cased into the buffer.
fn scan<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    mut visit: impl FnMut(usize, usize, Lowered<'t, '_>),
) {
    let slice = &text[from..to];
    let mut lower = String::new();
    let mut start: Option<usize> = None;
    let mut emit = |s: usize, e: usize, lower: &mut String| {
        let raw = strip_possessive(&slice[s..e]);
        if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return visit(from + s, from + e, Lowered::Written(raw));
        }
        lower.clear();
        if raw.is_ascii() {
            lower.push_str(raw);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(raw.chars().flat_map(char::to_lowercase));
        }
        visit(from + s, from + e, Lowered::Built(lower));
    };
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        if c.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            continue;
        }
        let next = i + c.len_utf8();
        let joins = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && char_at(slice, next).is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            emit(s, i, &mut lower);
        }
        i = next;
    }
    if let Some(s) = start {
        emit(s, slice.len(), &mut lower);
    }
}

/// The word or name without its possessive ending ("Russia’s" → "Russia",
/// "States’" → "States"); `None` when it has none (or nothing is left). One
/// rule for the extractors and the comparisons, so a name is keyed the same
/// wherever it is read.
pub fn possessive_stem(text: &str) -> Option<&str> {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|end| text.strip_suffix(end))
        .filter(|stem| !stem.is_empty())
}

/// `text` without its possessive ending, or unchanged when it has none.
pub fn strip_possessive(text: &str) -> &str {
    possessive_stem(text).unwrap_or(text)
}

/// The character at byte `i` of `text` (a char boundary), without decoding
/// when it is ASCII; `None` at the end. For scanners of mostly ASCII text.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reading: every character decoded, every word lower-cased
    /// character by character.
    fn reference(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        let mut emit = |s: usize, e: usize| {
            let raw = &text[s..e];
            let raw = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .unwrap_or(raw);
            out.push((s, e, raw.chars().flat_map(char::to_lowercase).collect()));
        };
        while let Some((i, c)) = chars.next() {
            let joins = matches!(c, '-' | '\'' | '’')
                && start.is_some()
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || joins {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                emit(s, i);
            }
        }
        if let Some(s) = start {
            emit(s, text.len());
        }
        out
    }

    fn scanned(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        scan_words(text, 0, text.len(), |s, e, lower| {
            out.push((s, e, lower.to_owned()))
        });
        out
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes_and_drop_the_possessive() {
        let text = "The Mayor’s well-known aide—ÉLODIE—didn't vote; 'twas 3-2.";
        let lower: Vec<String> = scanned(text).into_iter().map(|w| w.2).collect();
        assert_eq!(
            lower,
            [
                "the",
                "mayor",
                "well-known",
                "aide",
                "élodie",
                "didn't",
                "vote",
                "twas",
                "3-2"
            ]
        );
    }

    #[test]
    fn words_written_in_lower_case_are_borrowed_from_the_text() {
        let text = "the Mayor’s well-known aide";
        let found = words(text, 0, text.len());
        let borrowed: Vec<bool> = found
            .iter()
            .map(|w| matches!(w.lower, Cow::Borrowed(_)))
            .collect();
        assert_eq!(borrowed, [true, false, true, true]);
        assert_eq!(found[1].lower, "mayor");
    }

    proptest! {
        #[test]
        fn the_ascii_fast_path_reads_like_the_plain_one(text in "[a-zA-Z0-9 '’ÉéİßΣ.\u{301}-]{0,60}") {
            prop_assert_eq!(scanned(&text), reference(&text));
            let read: Vec<(usize, usize, String)> = words(&text, 0, text.len())
                .into_iter()
                .map(|w| (w.start, w.end, w.lower.into_owned()))
                .collect();
            prop_assert_eq!(read, reference(&text));
        }
    }
}
