//! Splits text into word and punctuation tokens with byte spans, and marks which words begin a
//! sentence and which lines are headlines.

use rustc_hash::FxHashSet;

use super::gazetteer::GAZ;
use super::vocab::Vocab;
use crate::extract::words::char_at;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("O'Brien", "U.S.").
    Word,
    /// A possessive ending split off a word ("’s").
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The token's text.
    pub text: &'a str,
    /// What the token is.
    pub kind: Kind,
    /// Index of the line the token is on.
    pub line: usize,
    /// Whether the word is the first word of a sentence.
    pub sentence_start: bool,
}

impl Token<'_> {
    /// Whether this is a word that starts with a capital, or a name particle before one ("al-Assad").
    /// A hyphenated word ending in a lower-case part ("Kiev-based") is not a name.
    pub(crate) fn is_capitalised(&self) -> bool {
        if self.kind != Kind::Word {
            return false;
        }
        let core_upper = starts_upper(self.text)
            || (self.text.starts_with(|c: char| c.is_lowercase())
                && starts_upper(name_core(self.text)));
        let tail = self.text.rfind('-').map(|i| &self.text[i + 1..]);
        core_upper && !tail.is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()))
    }

    /// Whether this is an all-capital word of 2-6 letters, dots allowed ("NATO", "U.N.").
    pub(crate) fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| *c != '.').count();
        self.kind == Kind::Word
            && (2..=6).contains(&letters)
            && self.text.chars().all(|c| c == '.' || c.is_uppercase())
    }

    /// Whether this is a single capital with a dot ("J.").
    pub(crate) fn is_initial(&self) -> bool {
        let mut chars = self.text.chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    }
}

/// Abbreviations that keep their full stop.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "Gen", "Lt", "Col",
    "Sgt", "Capt", "Prof", "Rep", "Sen", "Gov", "Mt", "Ft", "No", "vs", "Messrs",
];

/// Lower-case particles that may begin a capitalised name ("al-Assad", "bin-Laden").
const NAME_PARTICLES: &[&str] = &[
    "al-", "el-", "bin-", "ibn-", "abu-", "ad-", "as-", "ash-", "ben-",
];

/// Whether `text` starts with a capital.
pub(crate) fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a leading lower-case name particle.
fn name_core(text: &str) -> &str {
    NAME_PARTICLES
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// A little less than the bytes a token of news takes with the space after it (about five,
/// punctuation included), so that the token vector seldom grows.
const BYTES_PER_TOKEN: usize = 4;

/// The most tokens reserved ahead (a long article's, 3.5 MB of them): a longer text, or one of
/// white space, grows the vector as it is read instead of reserving for tokens it may not have.
const TOKENS_RESERVED: usize = 1 << 16;

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity((text.len() / BYTES_PER_TOKEN + 1).min(TOKENS_RESERVED));
    let mut line = 0;
    let mut at_start = true;
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        if c == '\n' {
            line += 1;
            at_start = true;
            pos += 1;
        } else if c.is_whitespace() {
            pos += c.len_utf8();
        } else if c.is_alphanumeric() {
            let end = word_end(text, pos);
            push_word(text, pos, end, line, at_start, &mut tokens);
            at_start = false;
            pos = end;
        } else {
            let end = pos + c.len_utf8();
            at_start = sentence_state_after(c, at_start);
            tokens.push(Token {
                start: pos,
                end,
                text: &text[pos..end],
                kind: Kind::Punct,
                line,
                sentence_start: false,
            });
            pos = end;
        }
    }
    tokens
}

/// Whether a sentence may still begin after the punctuation `c`.
fn sentence_state_after(c: char, at_start: bool) -> bool {
    match c {
        '.' | '!' | '?' | '\u{2026}' => true,
        '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '(' | '[' | '*' | '#'
        | '-' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '>' | '|' => at_start,
        _ => false,
    }
}

/// End of the word starting at `start`: letters and digits joined by single inner marks.
fn word_end(text: &str, start: usize) -> usize {
    let (mut end, mut i) = (start, start);
    while let Some(c) = char_at(text, i) {
        i += c.len_utf8();
        if c.is_alphanumeric() {
            end = i;
        } else if !(is_joiner(c) && char_at(text, i).is_some_and(char::is_alphanumeric)) {
            break;
        }
    }
    let word = &text[start..end];
    if text[end..].starts_with('.') && keeps_dot(word) {
        end += 1;
    }
    end
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '&') || is_apostrophe(c)
}

/// Whether the full stop after `word` belongs to it ("J.", "U.S.", "Mr.").
fn keeps_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.') || ABBREVIATIONS.contains(&word)
}

/// Pushes the word, splitting off a possessive "’s", and splitting hyphenated compounds of
/// known names ("Kiev-Moscow") into their parts.
fn push_word<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    line: usize,
    at_start: bool,
    tokens: &mut Vec<Token<'a>>,
) {
    let word = &text[start..end];
    let split = possessive_start(word).map(|i| start + i);
    let word_stop = split.unwrap_or(end);
    let body = &text[start..word_stop];
    let mut part_start = start;
    let (mut whole, mut pieces) = (std::iter::once(body), body.split('-'));
    let parts: &mut dyn Iterator<Item = &str> = if splits_at_hyphens(body) {
        &mut pieces
    } else {
        &mut whole
    };
    for (n, part) in parts.enumerate() {
        if n > 0 {
            tokens.push(Token {
                start: part_start,
                end: part_start + 1,
                text: &text[part_start..part_start + 1],
                kind: Kind::Punct,
                line,
                sentence_start: false,
            });
            part_start += 1;
        }
        let part_end = part_start + part.len();
        tokens.push(Token {
            start: part_start,
            end: part_end,
            text: &text[part_start..part_end],
            kind: Kind::Word,
            line,
            sentence_start: at_start && n == 0,
        });
        part_start = part_end;
    }
    if let Some(s) = split {
        tokens.push(Token {
            start: s,
            end,
            text: &text[s..end],
            kind: Kind::Possessive,
            line,
            sentence_start: false,
        });
    }
}

/// Whether a hyphenated word joins separate names: every part a known name, and the whole
/// word not itself a known name or title ("Kiev-Moscow", not "Guinea-Bissau").
fn splits_at_hyphens(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .all(|p| starts_upper(p) && GAZ.known(p).is_some())
        && GAZ.known(word).is_none()
        && !GAZ.is_title_head(word)
}

/// Byte index inside `word` where a possessive "’s" begins, if the word ends with one.
fn possessive_start(word: &str) -> Option<usize> {
    let body = word.strip_suffix('s').or_else(|| word.strip_suffix('S'))?;
    let last = body.chars().next_back()?;
    let stem = &body[..body.len() - last.len_utf8()];
    (is_apostrophe(last) && !stem.is_empty()).then_some(stem.len())
}

/// The most words a Title Case headline has; longer lines are prose with many names.
const MAX_TITLE_WORDS: usize = 20;

/// For each line, whether it is a headline, where capitals say little: mostly capitals, or
/// Title Case with capitalised words that appear in lower case elsewhere (two, or one in a short
/// line; a list of names is Title Case too, but its words are never written in lower case).
pub(crate) fn headline_lines(tokens: &[Token<'_>], vocab: &Vocab<'_>) -> Vec<bool> {
    let lines = tokens.last().map_or(0, |t| t.line + 1);
    let lower: FxHashSet<&str> = vocab
        .texts()
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let shapes = vocab.each(|w| HeadlineWord::of(w, &lower));
    let mut counts = vec![HeadlineCounts::default(); lines];
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == Kind::Word {
            counts[t.line].add(shapes[vocab.of(i)]);
        }
    }
    counts.iter().map(HeadlineCounts::is_headline).collect()
}

/// What the headline test sees of one word, the same wherever the word occurs.
#[derive(Clone, Copy)]
struct HeadlineWord {
    /// It has two letters or more; shorter words are not counted.
    counted: bool,
    /// All its letters are capitals.
    all_upper: bool,
    /// It has four letters or more.
    long: bool,
    /// It is long and starts with a capital.
    long_cap: bool,
    /// It is long, starts with a capital and appears in lower case in the document.
    common: bool,
}

impl HeadlineWord {
    /// Reads `word`, given the document's words that start in lower case.
    fn of(word: &str, lower: &FxHashSet<&str>) -> HeadlineWord {
        let (mut letters, mut all_upper, mut first_upper) = (0usize, true, false);
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            first_upper |= letters == 0 && c.is_uppercase();
            all_upper &= c.is_uppercase();
            letters += 1;
        }
        let long_cap = letters >= 4 && first_upper;
        HeadlineWord {
            counted: letters >= 2,
            all_upper,
            long: letters >= 4,
            long_cap,
            common: long_cap && with_lower(word, |w| lower.contains(w)),
        }
    }
}

/// The words of one line as the headline test counts them.
#[derive(Clone, Copy, Default)]
struct HeadlineCounts {
    words: usize,
    caps: usize,
    long: usize,
    long_cap: usize,
    common: usize,
}

impl HeadlineCounts {
    /// Counts one word of the line.
    fn add(&mut self, w: HeadlineWord) {
        if !w.counted {
            return;
        }
        self.words += 1;
        self.caps += usize::from(w.all_upper);
        self.long += usize::from(w.long);
        self.long_cap += usize::from(w.long_cap);
        self.common += usize::from(w.common);
    }

    /// Whether the line is mostly capitals, or Title Case with common words.
    fn is_headline(&self) -> bool {
        let shouting = self.caps >= 1 && self.caps * 10 >= self.words * 6;
        let common_enough = self.common >= 2 || (self.common >= 1 && self.long <= 6);
        let title_case = self.long >= 2
            && self.long_cap * 4 >= self.long * 3
            && common_enough
            && self.words <= MAX_TITLE_WORDS;
        shouting || title_case
    }
}

/// Calls `f` with `word` in lower case: built on the stack for a short ASCII
/// word (the common case, checked for every token), else allocated.
pub(crate) fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let lowered = &mut buf[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        if let Ok(w) = std::str::from_utf8(lowered) {
            return f(w);
        }
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's text, kind and whether it starts a sentence.
    type Expected<'a> = (&'a str, Kind, bool);

    fn words(text: &str) -> Vec<Expected<'_>> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.kind != Kind::Punct)
            .map(|t| (t.text, t.kind, t.sentence_start))
            .collect()
    }

    #[test]
    fn splits_words_possessives_and_abbreviations() {
        let cases: &[(&str, &[Expected])] = &[
            (
                "Ukraine\u{2019}s Mr. O'Brien met J. Smith.",
                &[
                    ("Ukraine", Kind::Word, true),
                    ("\u{2019}s", Kind::Possessive, false),
                    ("Mr.", Kind::Word, false),
                    ("O'Brien", Kind::Word, false),
                    ("met", Kind::Word, false),
                    ("J.", Kind::Word, false),
                    ("Smith", Kind::Word, false),
                ],
            ),
            (
                "The U.S. army. \u{201C}Then Kiev-Moscow",
                &[
                    ("The", Kind::Word, true),
                    ("U.S.", Kind::Word, false),
                    ("army", Kind::Word, false),
                    ("Then", Kind::Word, true),
                    ("Kiev", Kind::Word, false),
                    ("Moscow", Kind::Word, false),
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn finds_headlines() {
        let text = "CRICKET - KENT WIN AT HOME\nKent won the match on the last day .\nUkraine Signs Big Prisoner Deal With Russia\nAnna Berg , Tomas Lind , Pavel Sokol\nThe big deal was signed with a prisoner .";
        let tokens = tokenize(text);
        assert_eq!(
            headline_lines(&tokens, &Vocab::new(&tokens)),
            vec![true, false, true, false, false]
        );
    }

    proptest::proptest! {
        #[test]
        fn capitalised_as_the_plain_definition(word in "(al-|bin-|[aAlLéÉ1-]){1,6}") {
            let token = Token {
                start: 0,
                end: word.len(),
                text: &word,
                kind: Kind::Word,
                line: 0,
                sentence_start: false,
            };
            let tail = word.rsplit('-').next().unwrap_or(&word);
            let plain = starts_upper(name_core(&word))
                && !tail.chars().next().is_some_and(char::is_lowercase);
            proptest::prop_assert_eq!(token.is_capitalised(), plain);
        }

        #[test]
        fn tokens_cover_every_letter_and_digit_in_order(text in "[a-zA-Z0-9éЖ’'.&\\- \n,]{0,40}") {
            let tokens = tokenize(&text);
            let mut covered = 0;
            for t in &tokens {
                proptest::prop_assert!(t.start >= covered && t.start < t.end);
                proptest::prop_assert_eq!(t.text, &text[t.start..t.end]);
                let skipped = &text[covered..t.start];
                proptest::prop_assert!(!skipped.contains(char::is_alphanumeric), "{:?}", skipped);
                let word_chars = t.text.chars().all(|c| c.is_alphanumeric() || is_joiner(c));
                proptest::prop_assert!(t.kind != Kind::Word || word_chars, "{:?}", t);
                covered = t.end;
            }
            proptest::prop_assert!(!text[covered..].contains(char::is_alphanumeric));
        }
    }

    #[test]
    fn particles_and_acronyms() {
        let toks = tokenize("al-Assad NATO U.N. J.");
        assert!(toks[0].is_capitalised());
        assert!(toks[1].is_acronym() && toks[2].is_acronym());
        assert!(toks[3].is_initial());
    }
}
