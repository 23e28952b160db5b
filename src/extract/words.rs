//! Words of a text with their byte spans and lower-case forms: the unit the
//! event extractor and the comparisons of sources read text in.

/// A word of the text: its byte span and its lower-case form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Lower case, apostrophes and possessive dropped.
    pub lower: String,
}

/// The words of `text[from..to]` (letters and digits; hyphens and apostrophes inside a word kept).
pub fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    scan_words(text, from, to, |start, end, lower| {
        out.push(Word {
            start,
            end,
            lower: lower.to_owned(),
        })
    });
    out
}

/// Calls `visit(start, end, lower)` for each word of `text[from..to]`, with
/// its lower-case form (possessive dropped) in a buffer reused between words,
/// so scanning a long text allocates nothing per word.
pub fn scan_words(text: &str, from: usize, to: usize, mut visit: impl FnMut(usize, usize, &str)) {
    let slice = &text[from..to];
    let mut lower = String::new();
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    let mut emit = |s: usize, e: usize, lower: &mut String| {
        let raw = &slice[s..e];
        let raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw);
        lower.clear();
        lower.extend(raw.chars().flat_map(char::to_lowercase));
        visit(from + s, from + e, lower);
    };
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            emit(s, i, &mut lower);
        }
    }
    if let Some(s) = start {
        emit(s, slice.len(), &mut lower);
    }
}
