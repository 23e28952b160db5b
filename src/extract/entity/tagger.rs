//! Runs the statistical model over a document: tags tokens greedily from left to right, each
//! choice seeing the two tags before it, and turns the tags into labelled name spans.

use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::features::{DocFeatures, WordFacts, word_ids};
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

/// The shipped weights, with what each word gives kept per thread ([`Shipped::kept_words`]).
pub(crate) struct Shipped(&'static Model);

/// What a thread keeps of a word: the same in every article, and the words recur.
#[derive(Clone, Copy)]
struct KeptWord {
    /// What the features read of its text.
    facts: WordFacts,
    /// Its [`Scorer::word_scores`]: its own features are a third of the look-ups.
    scores: [f32; TAGS],
}

/// A word of at most [`ShortWord::MAX`] bytes held inline, so that finding it in what a thread
/// keeps reads no second piece of memory.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortWord {
    len: u8,
    bytes: [u8; ShortWord::MAX],
}

impl ShortWord {
    /// The longest word held; longer ones are read afresh each time.
    const MAX: usize = 31;

    /// `text` inline, if it is short enough.
    fn of(text: &str) -> Option<ShortWord> {
        let mut bytes = [0; ShortWord::MAX];
        bytes
            .get_mut(..text.len())?
            .copy_from_slice(text.as_bytes());
        Some(ShortWord {
            len: u8::try_from(text.len()).ok()?,
            bytes,
        })
    }
}

/// How many words a thread keeps before it starts again.
const WORDS_KEPT: usize = 1 << 16;

thread_local! {
    static KEPT: RefCell<FxHashMap<ShortWord, KeptWord>> = RefCell::new(FxHashMap::default());
}

impl Shipped {
    /// The shipped weights, or `None` if they are damaged.
    pub(crate) fn get() -> Option<Shipped> {
        MODEL.as_ref().map(Shipped)
    }

    /// The [`WordFacts`] and [`Scorer::word_scores`] of each of `words`, in order, with one
    /// look-up per word in what the thread keeps. Both are what reading the word afresh gives,
    /// so tagging is the same with or without them. (Keeping the facts in a map of their own
    /// cost more cache misses than it saved: `scripts/count_instructions.sh`.)
    pub(crate) fn kept_words(&self, words: &[&str]) -> (Vec<WordFacts>, Vec<[f32; TAGS]>) {
        KEPT.with_borrow_mut(|kept| {
            words
                .iter()
                .map(|&text| {
                    let short = ShortWord::of(text);
                    if let Some(word) = short.and_then(|key| kept.get(&key)) {
                        return (word.facts, word.scores);
                    }
                    let word = KeptWord {
                        facts: WordFacts::of(text),
                        scores: self.word_scores(text),
                    };
                    if let Some(key) = short {
                        if kept.len() >= WORDS_KEPT {
                            kept.clear();
                        }
                        kept.insert(key, word);
                    }
                    (word.facts, word.scores)
                })
                .unzip()
        })
    }
}

impl Scorer for Shipped {
    fn add_scores(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        self.0.score(features, scores);
    }

    fn rule_prior(&self) -> f32 {
        self.0.rule_prior
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

/// The [`Scorer::word_scores`] of each of `words`, in order: what [`decode`] starts from.
pub(crate) fn word_scores(scorer: &impl Scorer, words: &[&str]) -> Vec<[f32; TAGS]> {
    words.iter().map(|w| scorer.word_scores(w)).collect()
}

/// Chooses every token's tag, starting from `word_scores`, the [`Scorer::word_scores`] of each
/// distinct word (by its number in [`DocFeatures::words`]), summed once; `each` sees each
/// token's index, the features that follow its [`word_ids`] and its chosen tag.
pub(crate) fn decode(
    scorer: &impl Scorer,
    features: &DocFeatures,
    word_scores: &[[f32; TAGS]],
    mut each: impl FnMut(usize, &[u32], Tag),
) -> Vec<Tag> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_words_are_the_words_read_afresh() {
        let Some(shipped) = Shipped::get() else {
            panic!("the shipped weights load");
        };
        let long = "Oberlandesgerichtsvizepräsidentenstellvertreter";
        assert!(long.len() > ShortWord::MAX);
        let words = [
            "Halvorsen",
            "said",
            "the",
            long,
            "Ministry",
            "said",
            "’s",
            long,
            "2031",
        ];
        let fresh = (WordFacts::of_each(&words), word_scores(shipped.0, &words));
        assert_eq!(shipped.kept_words(&words), fresh, "first reading");
        assert_eq!(shipped.kept_words(&words), fresh, "read from what is kept");
        assert_ne!(fresh.1[0], fresh.1[2], "words score differently");
    }
}
