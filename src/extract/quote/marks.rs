//! Pairs quote marks into quoted passages: straight and curly double quotes,
//! curly and straight single quotes, guillemets; apostrophes inside words are
//! not marks; a quote left open at a paragraph end continues when the next
//! paragraph starts with an opening mark.

/// Which marks close which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

/// One quote mark and what it may do where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
}

/// A quoted passage: the marks' positions and the quoted words between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close_end: usize,
    /// Byte offset of the closing mark.
    pub close: usize,
    /// The quoted words of each paragraph (trimmed), in order; never empty.
    pub pieces: Vec<(usize, usize)>,
}

impl Quoted {
    /// Start of the quoted words.
    pub fn start(&self) -> usize {
        self.pieces.first().map_or(self.open, |p| p.0)
    }

    /// End of the quoted words.
    pub fn end(&self) -> usize {
        self.pieces.last().map_or(self.close, |p| p.1)
    }
}

/// An opening mark still waiting for its closing mark.
struct Open {
    mark: Mark,
    inner_start: usize,
    pieces: Vec<(usize, usize)>,
}

/// All quoted passages in `text`, in order, never overlapping (nested quotes stay inside).
pub fn quoted(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if line.trim().is_empty() {
            line_start = line_end;
            continue;
        }
        let marks = marks_in(text, line_start, line_end);
        let mut rest = marks.as_slice();
        if let Some(mut pending) = open.take() {
            match marks.first() {
                Some(first) if continues(text, line_start, first, pending.mark.family) => {
                    pending.inner_start = first.pos + first.len;
                    open = Some(pending);
                    rest = &marks[1..];
                }
                _ => {}
            }
        }
        for mark in rest {
            open = step(text, open, *mark, &mut out);
        }
        if let Some(pending) = open.as_mut()
            && let Some(piece) = trimmed(text, pending.inner_start, line_end, false)
        {
            pending.pieces.push(piece);
        }
        line_start = line_end;
    }
    out
}

/// Whether the first mark of a paragraph reopens a quote left open before it.
fn continues(text: &str, line_start: usize, first: &Mark, family: Family) -> bool {
    first.family == family && first.can_open && text[line_start..first.pos].trim().is_empty()
}

/// Feeds one mark to the pairing state, emitting a passage when it closes one.
fn step(text: &str, open: Option<Open>, mark: Mark, out: &mut Vec<Quoted>) -> Option<Open> {
    match open {
        None if mark.can_open => Some(Open {
            mark,
            inner_start: mark.pos + mark.len,
            pieces: Vec::new(),
        }),
        None => None,
        Some(current) if current.mark.family != mark.family => Some(current),
        Some(mut current) if mark.can_close => {
            if let Some(piece) = trimmed(text, current.inner_start, mark.pos, true) {
                current.pieces.push(piece);
            }
            if !current.pieces.is_empty() {
                out.push(Quoted {
                    open: current.mark.pos,
                    close: mark.pos,
                    close_end: mark.pos + mark.len,
                    pieces: current.pieces,
                });
            }
            None
        }
        Some(_) if mark.can_open => Some(Open {
            mark,
            inner_start: mark.pos + mark.len,
            pieces: Vec::new(),
        }),
        Some(current) => Some(current),
    }
}

/// The range `start..end` without surrounding white space (and a trailing comma
/// when `last`), or `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize, last: bool) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    let lead = slice.len() - slice.trim_start().len();
    let mut body = slice.trim();
    if last {
        body = body.trim_end_matches(',').trim_end();
    }
    (!body.is_empty()).then_some((start + lead, start + lead + body.len()))
}

/// The quote marks in `text[from..to]`.
fn marks_in(text: &str, from: usize, to: usize) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for i in from..to {
        if !matches!(bytes[i], b'"' | b'\'' | MARK_LEAD_2 | MARK_LEAD_3) {
            continue;
        }
        let Some(c) = text.get(i..to).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..to].chars().next();
        if let Some(mark) = classify(i, c, prev, next) {
            out.push(mark);
        }
    }
    out
}

/// The first byte in UTF-8 of « and ». With [`MARK_LEAD_3`], `"` and `'` it is one of the only
/// bytes a mark can start with, so the scan of a line decodes nothing else.
const MARK_LEAD_2: u8 = 0xC2;

/// The first byte in UTF-8 of the curly and low quotation marks (“ ” „ ‘ ’).
const MARK_LEAD_3: u8 = 0xE2;

/// Decides whether `c` is a quote mark and whether it may open or close.
fn classify(pos: usize, c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    let family = match c {
        '"' | '“' | '”' | '„' => Family::Double,
        '‘' | '’' | '\'' => Family::Single,
        '«' | '»' => Family::Guillemet,
        _ => return None,
    };
    let is_word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    if family == Family::Single && is_word(prev) && is_word(next) {
        return None;
    }
    let space_or_edge = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
    let opens_after =
        |ch: Option<char>| space_or_edge(ch) || ch.is_some_and(|p| "([{—–-/\"“‘'«„".contains(p));
    let left = !space_or_edge(next) && opens_after(prev);
    let right = !space_or_edge(prev) && (space_or_edge(next) || !is_word(next));
    let (can_open, can_close) = match c {
        '“' | '„' | '«' => (left, right && !left),
        '”' | '»' => (left && !right, right),
        '‘' => (left, false),
        '’' => (false, right),
        _ => (left, right && !left),
    };
    Some(Mark {
        pos,
        len: c.len_utf8(),
        family,
        can_open,
        can_close,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading of a line's marks: every character with its neighbours.
    fn every_char(text: &str, from: usize, to: usize) -> Vec<Mark> {
        let chars: Vec<(usize, char)> = text[from..to].char_indices().collect();
        let before = text[..from].chars().next_back();
        (0..chars.len())
            .filter_map(|k| {
                let prev = k.checked_sub(1).map(|j| chars[j].1).or(before);
                let next = chars.get(k + 1).map(|&(_, c)| c);
                classify(from + chars[k].0, chars[k].1, prev, next)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn reading_only_possible_mark_bytes_finds_every_mark(
            text in "[a-zé ,.\n\"'“”„‘’«»—(\u{a0}\u{2014}\u{e2}\u{c2}]{0,40}",
            cut in 0usize..40,
        ) {
            let from = text.floor_char_boundary(cut.min(text.len()));
            proptest::prop_assert_eq!(
                marks_in(&text, from, text.len()),
                every_char(&text, from, text.len())
            );
        }
    }

    fn inner(text: &str) -> Vec<&str> {
        quoted(text)
            .iter()
            .map(|q| &text[q.start()..q.end()])
            .collect()
    }

    #[test]
    fn pairs_marks_and_skips_apostrophes() {
        let cases: [(&str, &[&str]); 7] = [
            ("He said “we will go,” and left.", &["we will go"]),
            ("Kyiv’s view: ‘we don’t agree’ today.", &["we don’t agree"]),
            (
                "A \"straight\" one and a ‘scare’ one.",
                &["straight", "scare"],
            ),
            ("”Reversed opener,” she said.", &["Reversed opener"]),
            ("“Outer ‘inner’ words” end.", &["Outer ‘inner’ words"]),
            ("It’s Ukraine’s and the soldiers’ day.", &[]),
            ("«Bonjour» dit-il.", &["Bonjour"]),
        ];
        for (text, expected) in cases {
            assert_eq!(inner(text), expected, "{text}");
        }
    }

    #[test]
    fn continues_quotes_across_paragraphs() {
        let text = "“First part.\n\n“Second part,” he said.";
        let found = quoted(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pieces.len(), 2);
        assert_eq!(
            &text[found[0].start()..found[0].end()],
            "First part.\n\n“Second part"
        );
        let unclosed = "“Never closed.\n\nPlain paragraph with “a quote” in it.";
        assert_eq!(inner(unclosed), ["a quote"]);
    }
}
