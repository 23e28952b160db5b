//! Entity extractor: rules and a statistical model together. Capitalised word sequences (with
//! name connectors, initials and inner apostrophes) become candidate names; titles are stripped
//! from person names; gazetteers, name shapes and context words choose the label; labels are
//! made consistent across the document, and headlines (where capitals say little) only yield
//! names known from the gazetteers or the body. An averaged perceptron trained on openly licensed
//! corpora then tags every token, seeing those rule decisions among its features, and has the
//! last word.

mod features;
pub(crate) mod gazetteer;
mod joins;
mod perceptron;
mod resolve;
mod tagger;
mod token;
pub mod training;
mod vocab;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Candidate;
use crate::model::FactKind;
use crate::model::attr;
use features::{DocFeatures, WordFacts};
use gazetteer::{GAZ, MAX_PHRASE_WORDS, key, straight_apostrophe};
use perceptron::TAGS;
use resolve::{Doc, Label, Span};
use tagger::Scorer;
use token::{Kind, Token};
use vocab::Vocab;

/// Finds entity facts in `text`: names of people, organisations, places and other things.
pub fn extract(text: &str) -> Vec<Candidate> {
    let (document, spans) = match tagger::Shipped::get() {
        Some(model) => {
            let mut word_scores = Vec::new();
            let document = Document::reading(text, |words| {
                let (facts, scores) = model.kept_words(words);
                word_scores = scores;
                facts
            });
            let spans = document.model_spans(&model, &word_scores);
            (document, spans)
        }
        None => {
            let document = Document::new(text);
            let spans = document.rules.clone();
            (document, spans)
        }
    };
    let candidates = spans
        .iter()
        .map(|s| to_candidate(text, &document.tokens, s))
        .collect();
    joins::join_name_pieces(text, candidates)
}

/// Parses the shipped entity model afresh and returns how many features it weighs: for the test
/// that it ships intact and the benchmark of its load time.
pub fn load_shipped_model() -> Result<usize, String> {
    tagger::load_shipped().map(|m| m.len())
}

/// One text as both extractors see it: its tokens and their distinct texts, headline lines,
/// word evidence and the rules' names.
struct Document<'a> {
    tokens: Vec<Token<'a>>,
    vocab: Vocab<'a>,
    facts: Vec<WordFacts>,
    headlines: Vec<bool>,
    doc: Doc<'a>,
    rules: Vec<Span>,
}

impl<'a> Document<'a> {
    /// Tokenises `text` and runs the rules.
    fn new(text: &'a str) -> Document<'a> {
        Document::reading(text, WordFacts::of_each)
    }

    /// [`Document::new`], with `facts_of` giving the [`WordFacts`] of the distinct token texts
    /// (in order): read afresh, or kept from earlier documents with the model's word scores.
    fn reading(text: &'a str, facts_of: impl FnOnce(&[&'a str]) -> Vec<WordFacts>) -> Document<'a> {
        let tokens = token::tokenize(text);
        let vocab = Vocab::new(&tokens);
        let facts = facts_of(vocab.texts());
        let capitalised = vocab.each_first(&tokens, |_, t| t.is_capitalised());
        let headlines = token::headline_lines(&tokens, &vocab);
        let doc = Doc::new(&tokens, &vocab, &capitalised, &headlines);
        let names = vocab.each_first(&tokens, |n, t| {
            is_name_token(t, capitalised[n]) && !facts[n].is_stop()
        });
        let rules = rule_spans(&tokens, &vocab.per_token(&names), &headlines, &doc);
        Document {
            tokens,
            vocab,
            facts,
            headlines,
            doc,
            rules,
        }
    }

    /// The model's features for every token.
    fn features(&self) -> DocFeatures<'a> {
        DocFeatures::new(
            &self.tokens,
            &self.vocab,
            &self.facts,
            &self.headlines,
            &self.doc,
            &self.rules,
        )
    }

    /// [`Document::model_spans`] with each word's scores read afresh from `scorer`.
    fn model_spans_afresh(&self, scorer: &impl Scorer) -> Vec<Span> {
        self.model_spans(scorer, &tagger::word_scores(scorer, self.vocab.texts()))
    }

    /// The names the model finds, given the rules' names among its features and the scores of
    /// each distinct word's own features (by its number in the vocabulary).
    fn model_spans(&self, scorer: &impl Scorer, word_scores: &[[f32; TAGS]]) -> Vec<Span> {
        let tags = tagger::decode(scorer, &self.features(), word_scores, |_, _, _| ());
        tagger::spans(&self.tokens, &tags, &self.rules)
    }
}

/// The rule-based extractor's names, in text order; `names` says which tokens may be part of
/// one ([`is_name_token`]).
fn rule_spans(tokens: &[Token<'_>], names: &[bool], headlines: &[bool], doc: &Doc) -> Vec<Span> {
    let mut spans: Vec<Span> = body_runs(tokens, names, headlines)
        .into_iter()
        .flat_map(|(first, last)| resolve::resolve_run(tokens, first, last, doc))
        .collect();
    let keys: Vec<String> = spans
        .iter()
        .map(|s| span_key(tokens, s.first, s.last))
        .collect();
    harmonise(tokens, &mut spans, &keys);
    let headline_spans = headline_names(tokens, headlines, &spans, &keys);
    spans.extend(headline_spans);
    spans.sort_by_key(|s| s.first);
    spans
}

/// Builds the candidate for one span; the value is the name with straight apostrophes.
fn to_candidate(text: &str, tokens: &[Token<'_>], span: &Span) -> Candidate {
    let start = tokens[span.first].start;
    let end = tokens[span.last].end;
    let value: String = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(straight_apostrophe)
        .collect();
    Candidate::new(start, end, FactKind::Entity, span.label.as_str(), value)
        .with_attr(attr::REASON, span.reason)
}

/// Whether the token has the shape of a name word: a capitalised word of two or more characters
/// (`capitalised` says whether it is [`Token::is_capitalised`]) or an initial with its dot. The
/// caller also rules out stop words, which it knows from the word's [`WordFacts`].
fn is_name_token(token: &Token<'_>, capitalised: bool) -> bool {
    let long = token.text.chars().nth(1).is_some();
    (long && capitalised) || token.is_initial()
}

/// Lower-case particles inside names ("Charles de Gaulle", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "ibn",
    "al", "el", "dos", "das", "y",
];

/// Maximal runs of name tokens on body lines, joined by connectors; inclusive token ranges.
fn body_runs(tokens: &[Token<'_>], names: &[bool], headlines: &[bool]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if headlines[tokens[i].line] || !names[i] {
            i += 1;
            continue;
        }
        let mut last = i;
        while let Some(next) = run_continues(tokens, names, last) {
            last = next;
        }
        runs.push((i, last));
        i = last + 1;
    }
    runs
}

/// The index of the next name token that continues a run ending at `last`, if any.
fn run_continues(tokens: &[Token<'_>], names: &[bool], last: usize) -> Option<usize> {
    let line = tokens[last].line;
    let mut j = last + 1;
    let joined = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.line == line && names[j])
            .map(|_| j)
    };
    let next = tokens.get(j)?;
    if next.kind == Kind::Word && names[j] {
        return joined(j);
    }
    let word = next.text;
    if next.kind == Kind::Punct && word == "&" {
        return joined(j + 1);
    }
    if next.kind != Kind::Word {
        return None;
    }
    if matches!(word, "of" | "for" | "on") && GAZ.is_of_head(tokens[last].text) {
        j += 1;
        if tokens.get(j).is_some_and(|t| t.text == "the") {
            j += 1;
        }
        return joined(j);
    }
    if PARTICLES.contains(&word) {
        let after = tokens
            .get(j + 1)
            .filter(|t| PARTICLES.contains(&t.text))
            .map_or(j + 1, |_| j + 2);
        return joined(after);
    }
    None
}

/// Makes labels consistent across the document: a name decided firmly once keeps its label, a
/// lone surname of a known person is that person, and a word labelled only by default takes the
/// label that its context gave it elsewhere ("in Arbil" makes every "Arbil" a place). `keys`
/// are the spans' look-up keys ([`span_key`]).
fn harmonise(tokens: &[Token<'_>], spans: &mut [Span], keys: &[String]) {
    let mut firm: FxHashMap<&str, Label> = FxHashMap::default();
    let mut person_parts: FxHashSet<String> = FxHashSet::default();
    for (s, k) in spans.iter().zip(keys) {
        if s.firm {
            firm.entry(k).or_insert(s.label);
        }
        if s.label == Label::Per && s.last > s.first {
            person_parts.insert(key(tokens[s.last].text));
        }
    }
    let mut hinted: FxHashMap<&str, Label> = FxHashMap::default();
    for (s, k) in spans.iter().zip(keys) {
        if !s.firm && s.reason != resolve::NO_CLUE {
            hinted.entry(k).or_insert(s.label);
        }
    }
    for (s, k) in spans.iter_mut().zip(keys).filter(|(s, _)| !s.firm) {
        if let Some(label) = firm.get(k.as_str()) {
            s.label = *label;
            s.reason = "document";
        } else if person_parts.contains(&key(tokens[s.last].text)) {
            s.label = Label::Per;
            s.reason = "document-person";
        } else if let Some(label) = hinted
            .get(k.as_str())
            .filter(|_| s.reason == resolve::NO_CLUE)
        {
            s.label = *label;
            s.reason = "document-context";
        }
    }
}

/// The look-up key of the tokens `first..=last`.
fn span_key(tokens: &[Token<'_>], first: usize, last: usize) -> String {
    let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text).collect();
    key(&words.join(" "))
}

/// Names on headline lines: the longest word sequences known from the body or the gazetteers;
/// `keys` are the body spans' look-up keys.
fn headline_names(
    tokens: &[Token<'_>],
    headlines: &[bool],
    body: &[Span],
    keys: &[String],
) -> Vec<Span> {
    let mut known: FxHashMap<String, Label> = FxHashMap::default();
    for (s, k) in body.iter().zip(keys) {
        known.entry(k.clone()).or_insert(s.label);
        if s.label == Label::Per && s.last > s.first {
            known.entry(key(tokens[s.last].text)).or_insert(Label::Per);
        }
    }
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match headline_match(tokens, headlines, i, &known) {
            Some(span) => {
                i = span.last + 1;
                spans.push(span);
            }
            None => i += 1,
        }
    }
    spans
}

/// The longest known name starting at token `i` of a headline line.
fn headline_match(
    tokens: &[Token<'_>],
    headlines: &[bool],
    i: usize,
    known: &FxHashMap<String, Label>,
) -> Option<Span> {
    let first = tokens.get(i)?;
    if !headlines[first.line]
        || first.kind != Kind::Word
        || !first.text.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let mut end = i;
    while end + 1 < tokens.len()
        && end + 1 - i < MAX_PHRASE_WORDS
        && tokens[end + 1].kind == Kind::Word
        && tokens[end + 1].line == first.line
    {
        end += 1;
    }
    (i..=end).rev().find_map(|last| {
        let k = span_key(tokens, i, last);
        let (label, reason) = match known.get(&k) {
            Some(label) => (*label, "headline-document"),
            None => (Label::from_known(GAZ.known(&k)?), "headline-gazetteer"),
        };
        Some(Span {
            first: i,
            last,
            label,
            reason,
            firm: true,
        })
    })
}

#[cfg(test)]
mod tests;
