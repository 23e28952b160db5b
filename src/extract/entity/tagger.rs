//! Runs the statistical model over a document: tags tokens greedily from left to right, each
//! choice seeing the two tags before it, and turns the tags into labelled name spans.

use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::features::{DocFeatures, word_ids};
use super::perceptron::{Model, TAGS, Tag, Trainer};
use super::resolve::Span;
use super::token::{Kind, Token};

/// The shipped weights, parsed on first use. `None` only if the file in `assets/ner/` is
/// damaged, in which case the rule-based extractor works alone.
pub(crate) static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| load_shipped().ok());

/// Parses the weights compiled into the binary.
pub(crate) fn load_shipped() -> Result<Model, String> {
    Model::from_bytes(include_bytes!("../../../assets/ner/entities.model"))
}

/// What the decoder asks of weights: the scores of one token's features.
pub(crate) trait Scorer {
    /// Adds the weights of `features` to `scores`.
    fn add_scores(&self, features: &[u32], scores: &mut [f32; TAGS]);

    /// The fixed score added to the tag the rules chose: how far the model trusts the rules.
    fn rule_prior(&self) -> f32;

    /// The scores of the features of a token's own text ([`word_ids`]), summed from zero in
    /// their order: the start of the token's scores.
    fn word_scores(&self, text: &str) -> [f32; TAGS] {
        let mut scores = [0f32; TAGS];
        self.add_scores(&word_ids(text), &mut scores);
        scores
    }
}

/// The shipped weights, with each word's [`Scorer::word_scores`] kept per thread: the same words
/// recur in every article, and their own features are a third of the look-ups. The sums are the
/// ones the weights give, so tagging is the same with or without them.
pub(crate) struct Shipped(&'static Model);

/// How many words a thread keeps the scores of before it starts again.
const WORD_SCORES_KEPT: usize = 1 << 16;

thread_local! {
    static WORD_SCORES: RefCell<FxHashMap<Box<str>, [f32; TAGS]>> =
        RefCell::new(FxHashMap::default());
}

impl Shipped {
    /// The shipped weights, or `None` if they are damaged.
    pub(crate) fn get() -> Option<Shipped> {
        MODEL.as_ref().map(Shipped)
    }
}

impl Scorer for Shipped {
    fn add_scores(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        self.0.score(features, scores);
    }

    fn rule_prior(&self) -> f32 {
        self.0.rule_prior
    }

    fn word_scores(&self, text: &str) -> [f32; TAGS] {
        WORD_SCORES.with_borrow_mut(|kept| {
            if let Some(scores) = kept.get(text) {
                return *scores;
            }
            if kept.len() >= WORD_SCORES_KEPT {
                kept.clear();
            }
            let mut scores = [0f32; TAGS];
            self.0.score(&word_ids(text), &mut scores);
            kept.insert(text.into(), scores);
            scores
        })
    }
}

impl Scorer for Model {
    fn add_scores(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        self.score(features, scores);
    }

    fn rule_prior(&self) -> f32 {
        self.rule_prior
    }
}

/// Training decodes with the weights alone, so that they learn everything they can.
impl Scorer for Trainer {
    fn add_scores(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        self.score(features, scores);
    }

    fn rule_prior(&self) -> f32 {
        0.0
    }
}

/// Chooses every token's tag, with each distinct word's own scores summed once; `each` sees
/// each token's index, the features that follow its [`word_ids`] and its chosen tag.
pub(crate) fn decode(
    scorer: &impl Scorer,
    features: &DocFeatures,
    mut each: impl FnMut(usize, &[u32], Tag),
) -> Vec<Tag> {
    let word_scores: Vec<[f32; TAGS]> = features
        .words()
        .iter()
        .map(|w| scorer.word_scores(w))
        .collect();
    let mut tags = Vec::with_capacity(features.len());
    let mut buf = Vec::new();
    let (mut prev, mut prev2) = (Tag::O, Tag::O);
    for i in 0..features.len() {
        let mut scores = word_scores[features.word(i)];
        features.context(i, prev, prev2, &mut buf);
        scorer.add_scores(&buf, &mut scores);
        scores[features.rule_tag(i).index()] += scorer.rule_prior();
        let best = (0..TAGS)
            .map(Tag::from_index)
            .filter(|t| t.may_follow(prev))
            .max_by(|a, b| scores[a.index()].total_cmp(&scores[b.index()]))
            .unwrap_or(Tag::O);
        each(i, &buf, best);
        tags.push(best);
        (prev2, prev) = (prev, best);
    }
    tags
}

/// The reason given to names the model found that the rules did not find in the same way.
const MODEL_REASON: &str = "statistical model";

/// The name spans of `tags`, trimmed of punctuation at their ends; a span the rules found with
/// the same extent and label keeps the rules' reason (`rules` are in text order).
pub(crate) fn spans(tokens: &[Token<'_>], tags: &[Tag], rules: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(label) = tags[i].label() else {
            i += 1;
            continue;
        };
        let mut last = i;
        while tags.get(last + 1).is_some_and(|t| t.is_inside()) {
            last += 1;
        }
        let is_word = |j: &usize| tokens[*j].kind == Kind::Word;
        if let (Some(first), Some(end)) = ((i..=last).find(is_word), (i..=last).rfind(is_word)) {
            let from = rules.partition_point(|r| r.first < first);
            let reason = rules[from..]
                .iter()
                .take_while(|r| r.first == first)
                .find(|r| r.last == end && r.label == label)
                .map_or(MODEL_REASON, |r| r.reason);
            out.push(Span {
                first,
                last: end,
                label,
                reason,
                firm: true,
            });
        }
        i = last + 1;
    }
    out
}
