//! Each article's sentences and the event words in them: the context in which
//! facts are compared ("1,000 prisoners" in a sentence about an exchange).

use crate::extract::quote;
use crate::model::ArticleId;

use super::words::{event_kind, scan_words};

/// One article's text cut into sentences.
#[derive(Debug, Clone)]
pub struct ArticleText<'a> {
    /// The article.
    pub id: ArticleId,
    /// Its text.
    pub text: &'a str,
    /// Sentence byte ranges, in order, covering the text.
    pub sentences: Vec<(usize, usize)>,
    /// The event words of each sentence: byte position and event kind.
    pub events: Vec<Vec<(usize, &'static str)>>,
}

impl<'a> ArticleText<'a> {
    /// Cuts `text` into sentences and finds their event words.
    pub fn new(id: ArticleId, text: &'a str) -> Self {
        let sentences = quote::sentences(text);
        let events = sentences
            .iter()
            .map(|(s, e)| {
                let mut found = Vec::new();
                scan_words(text, *s, *e, |start, _, lower| {
                    if let Some(kind) = event_kind(lower) {
                        found.push((start, kind));
                    }
                });
                found
            })
            .collect();
        ArticleText {
            id,
            text,
            sentences,
            events,
        }
    }

    /// The index of the sentence holding byte `at`.
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|(_, end)| *end <= at)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The event a fact at byte `at` is about: the nearest event word of its
    /// sentence, where broad words ("agreement", "talks") count as farther
    /// than specific ones ("exchange", "attack"); of two as near, the first.
    /// Reads outwards from `at` only as far as a nearer word could stand.
    pub fn event_near(&self, at: usize) -> Option<&'static str> {
        let events = self.events.get(self.sentence_of(at))?;
        let split = events.partition_point(|(pos, _)| *pos < at);
        let mut best: Option<(usize, usize, &'static str)> = None;
        for &(pos, kind) in events[..split].iter().rev() {
            if best.is_some_and(|(distance, _, _)| at - pos > distance) {
                break;
            }
            keep_nearer(&mut best, at, pos, kind);
        }
        for &(pos, kind) in &events[split..] {
            if best.is_some_and(|(distance, _, _)| pos - at >= distance) {
                break;
            }
            keep_nearer(&mut best, at, pos, kind);
        }
        best.map(|(_, _, kind)| kind)
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &'a str {
        self.sentences
            .get(i)
            .and_then(|(s, e)| self.text.get(*s..*e))
            .unwrap_or("")
    }
}

/// Replaces `best` (distance, position, kind) with the event word at `pos` when
/// it is nearer to `at`, or as near and earlier.
fn keep_nearer(
    best: &mut Option<(usize, usize, &'static str)>,
    at: usize,
    pos: usize,
    kind: &'static str,
) {
    let broad = if matches!(kind, "agreement" | "talks") {
        80
    } else {
        0
    };
    let distance = pos.abs_diff(at) + broad;
    if best.is_none_or(|(d, p, _)| (distance, pos) < (d, p)) {
        *best = Some((distance, pos, kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> ArticleText<'_> {
        ArticleText::new(ArticleId(1), s)
    }

    #[test]
    fn offsets_find_their_sentence() {
        let t = text("The ferry sank at dawn. Rescuers arrived by noon.");
        assert_eq!(t.sentences.len(), 2);
        assert_eq!(
            t.sentence(t.sentence_of(4)).trim_end(),
            "The ferry sank at dawn."
        );
        assert!(
            t.sentence(t.sentence_of(30))
                .trim_start()
                .starts_with("Rescuers")
        );
        assert_eq!(
            t.sentence_of(10_000),
            1,
            "past the end is the last sentence"
        );
        assert_eq!(t.sentence(7), "");
    }

    #[test]
    fn the_nearest_event_word_of_the_sentence_wins() {
        let s = "Police arrested 12 people after the protest. A flood followed.";
        let t = text(s);
        let twelve = s.find("12").unwrap();
        assert_eq!(t.event_near(twelve), Some("arrest"));
        let people = s.find("people").unwrap();
        assert_eq!(t.event_near(people), Some("arrest"));
        // The flood is in another sentence: it never claims the count.
        assert_ne!(t.event_near(twelve), Some("disaster"));
        assert_eq!(t.event_near(s.find("followed").unwrap()), Some("disaster"));
    }

    #[test]
    fn broad_words_count_as_farther_than_specific_ones() {
        let s = "At the talks in the capital the sides agreed to swap 40 detainees.";
        let t = text(s);
        let forty = s.find("40").unwrap();
        assert_eq!(t.event_near(forty), Some("exchange"));
        // A broad word wins only where no specific word stands within 80 bytes.
        let s = "At the talks, which ran for three long days in a hotel by the sea and ended \
                 late on a windy Sunday evening, the sides agreed to swap prisoners.";
        let t = text(s);
        assert_eq!(t.event_near(s.find("which").unwrap()), Some("talks"));
        assert_eq!(t.event_near(s.find("prisoners").unwrap()), Some("exchange"));
    }

    #[test]
    fn a_sentence_without_event_words_has_none() {
        let t = text("The weather was mild all week.");
        assert_eq!(t.event_near(5), None);
        assert_eq!(text("").event_near(0), None);
    }
}
