//! The quote extractor: direct speech and scare quotes with their speakers.
//!
//! A quote's span is the quoted words inside the marks (white space and a
//! trailing comma trimmed); a quote continued across paragraphs is one candidate
//! whose value joins the paragraphs' words with a line break. Attributes:
//! "speaker" (absent when unknown), "speaker_rule" (which pattern found it, one of
//! quote-verb-name, quote-name-verb, quote-pronoun, according-to,
//! speaker-verb-quote, sentence-verb, continuation) and "scare" = "true" for
//! short quotes (at most four words) inside a sentence. The speaker is a PER/ORG
//! entity standing where a rule expects one, else the capitalised name there
//! (titles and possessors stripped), which may be a place speaking for its
//! government ("Moscow").

mod marks;
mod names;
mod sentence;
mod speaker;

use super::Candidate;
use crate::model::FactKind;
use crate::model::attr;
use marks::Quoted;
use speaker::{Context, Speaker};

/// Quotes of at most this many words inside a sentence are scare quotes.
const SCARE_MAX_WORDS: usize = 4;

/// The sentences of `text` as byte ranges covering all of it; a quoted
/// passage's inner full stops do not end its sentence.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    Reading::of(text).sentences
}

/// A text's quoted passages and sentences, read once per article and shared
/// by the quote and event extractors.
pub struct Reading {
    quotes: Vec<Quoted>,
    sentences: Vec<(usize, usize)>,
}

impl Reading {
    /// Finds the quotation marks of `text`, then its sentences.
    pub fn of(text: &str) -> Reading {
        let quotes = marks::quoted(text);
        let sentences = sentence::sentences(text, &quotes);
        Reading { quotes, sentences }
    }

    /// The sentences as byte ranges covering all of the text, in order.
    pub fn sentences(&self) -> &[(usize, usize)] {
        &self.sentences
    }
}

/// Finds quotes in `text`, naming speakers from `entities` (PER/ORG) where possible.
pub fn extract(text: &str, entities: &[Candidate]) -> Vec<Candidate> {
    extract_from(text, &Reading::of(text), entities)
}

/// [`extract`] given the text's [`Reading`].
pub fn extract_from(text: &str, reading: &Reading, entities: &[Candidate]) -> Vec<Candidate> {
    let (quotes, sentences) = (&reading.quotes, &reading.sentences);
    if quotes.is_empty() {
        return Vec::new();
    }
    let context = Context::new(text, entities, quotes);
    let mut out = Vec::with_capacity(quotes.len());
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for q in quotes {
        let lo = sentence_of(sentences, q.open).0;
        let hi = sentence_of(sentences, q.close).1.max(q.close_end);
        let speaker = context
            .speaker(q, lo, hi)
            .or_else(|| continued_speaker(text, q, previous.as_ref()));
        let scare = is_scare(text, q, lo);
        out.push(candidate(text, q, speaker.as_ref(), scare));
        previous = Some((hi, speaker));
    }
    out
}

/// The sentence holding byte offset `pos`.
fn sentence_of(sentences: &[(usize, usize)], pos: usize) -> (usize, usize) {
    let i = sentences.partition_point(|&(_, end)| end <= pos);
    sentences.get(i).copied().unwrap_or((pos, pos))
}

/// A quote right after the sentence of an attributed quote, in the same paragraph,
/// carries on that speaker's words.
fn continued_speaker(
    text: &str,
    q: &Quoted,
    previous: Option<&(usize, Option<Speaker>)>,
) -> Option<Speaker> {
    let (previous_end, Some(speaker)) = previous? else {
        return None;
    };
    let between = text.get(*previous_end..q.open)?;
    (between.trim().is_empty() && !between.contains('\n')).then(|| Speaker {
        name: speaker.name.clone(),
        rule: "continuation",
    })
}

/// A short quote inside a sentence, unless it is a whole sentence introduced by
/// "…:" / "…," or written as one (capital first, full stop last).
fn is_scare(text: &str, q: &Quoted, sentence_start: usize) -> bool {
    let words = q
        .pieces
        .iter()
        .map(|&(s, e)| text[s..e].split_whitespace().count())
        .sum::<usize>();
    let head = text.get(sentence_start..q.open).unwrap_or("").trim_end();
    let quoted = text.get(q.start()..q.end()).unwrap_or("");
    let introduced = head.ends_with([':', ',']);
    let whole_sentence =
        quoted.chars().next().is_some_and(char::is_uppercase) && quoted.ends_with(['.', '!', '?']);
    words <= SCARE_MAX_WORDS && !head.is_empty() && !introduced && !whole_sentence
}

fn candidate(text: &str, q: &Quoted, speaker: Option<&Speaker>, scare: bool) -> Candidate {
    let value: Vec<&str> = q.pieces.iter().map(|&(s, e)| &text[s..e]).collect();
    let mut c = Candidate::new(q.start(), q.end(), FactKind::Quote, "", value.join("\n"));
    if let Some(s) = speaker {
        c = c
            .with_attr(attr::SPEAKER, s.name.clone())
            .with_attr(attr::SPEAKER_RULE, s.rule);
    }
    if scare {
        c = c.with_attr(attr::SCARE, "true");
    }
    c
}

#[cfg(test)]
mod tests;
