//! The entity tagger's statistical model: an averaged perceptron over hashed features that gives
//! every token one of nine tags (outside, or the beginning or inside of a PER, ORG, LOC or MISC
//! name). `dossier train-ner` trains it; the weights ship in `assets/ner/`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::resolve::Label;

/// How many tags there are: O, then B and I for each of the four labels.
pub(crate) const TAGS: usize = 9;

/// One token's tag, numbered O = 0, B-X = 1 + 2x, I-X = 2 + 2x for the label index x.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Tag(u8);

/// The labels in tag order.
const LABELS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

impl Tag {
    /// Outside any name.
    pub(crate) const O: Tag = Tag(0);

    /// The first token of a name.
    pub(crate) fn begin(label: Label) -> Tag {
        Tag(1 + 2 * label_index(label))
    }

    /// A later token of a name.
    pub(crate) fn inside(label: Label) -> Tag {
        Tag(2 + 2 * label_index(label))
    }

    /// The tag numbered `index` (below [`TAGS`]).
    pub(crate) fn from_index(index: usize) -> Tag {
        debug_assert!(index < TAGS);
        Tag(index as u8)
    }

    /// The tag's number, an index into score rows.
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The label of a name tag.
    pub(crate) fn label(self) -> Option<Label> {
        (self.0 > 0).then(|| LABELS[usize::from((self.0 - 1) / 2)])
    }

    /// Whether the tag continues a name.
    pub(crate) fn is_inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }

    /// Whether the tag may follow `prev`: a name continues only the same label.
    pub(crate) fn may_follow(self, prev: Tag) -> bool {
        !self.is_inside() || prev.label() == self.label()
    }

    /// The tag as written in features and messages ("B-PER").
    pub(crate) fn name(self) -> &'static str {
        const NAMES: [&str; TAGS] = [
            "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
        ];
        NAMES[self.index()]
    }
}

fn label_index(label: Label) -> u8 {
    match label {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
    }
}

/// Feature ids are already hashes: the map uses them as they are.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// The trained weights: one score per tag for each feature id.
pub(crate) struct Model {
    weights: IdMap<[f32; TAGS]>,
    /// The fixed score added to the rules' tag of each token: how far the model trusts them.
    pub(crate) rule_prior: f32,
}

/// The first bytes of a weights file, with the format version.
const MAGIC: &[u8; 8] = b"DNERAP02";

impl Model {
    /// Adds the weights of `features` to `scores`.
    pub(crate) fn score(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        for f in features {
            if let Some(row) = self.weights.get(f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// How many features carry weights.
    pub(crate) fn len(&self) -> usize {
        self.weights.len()
    }

    /// Writes the weights, rounded to 16 bits, sorted by feature id so that one training gives
    /// one file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let largest = self
            .weights
            .values()
            .flat_map(|row| row.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut ids: Vec<&u32> = self.weights.keys().collect();
        ids.sort_unstable();
        let mut out = Vec::with_capacity(16 + ids.len() * (4 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&self.rule_prior.to_le_bytes());
        for id in ids {
            out.extend_from_slice(&id.to_le_bytes());
            for w in &self.weights[id] {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads weights written by [`Model::to_bytes`].
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("not a Dossier entity model (wrong header)")?;
        let (count, rest) = rest
            .split_first_chunk::<4>()
            .ok_or("the entity model is cut short")?;
        let (scale, rest) = rest
            .split_first_chunk::<4>()
            .ok_or("the entity model is cut short")?;
        let (rule_prior, rows) = rest
            .split_first_chunk::<4>()
            .ok_or("the entity model is cut short")?;
        let count = u32::from_le_bytes(*count) as usize;
        let scale = f32::from_le_bytes(*scale);
        let row_len = 4 + 2 * TAGS;
        if rows.len() != count * row_len {
            return Err(format!(
                "the entity model should hold {count} rows but has {} bytes of them",
                rows.len()
            ));
        }
        let mut weights = IdMap::with_capacity_and_hasher(count, Default::default());
        for row in rows.chunks_exact(row_len) {
            let id = u32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            let mut w = [0f32; TAGS];
            for (t, pair) in w.iter_mut().zip(row[4..].chunks_exact(2)) {
                *t = f32::from(i16::from_le_bytes([pair[0], pair[1]])) * scale;
            }
            weights.insert(id, w);
        }
        Ok(Model {
            weights,
            rule_prior: f32::from_le_bytes(*rule_prior),
        })
    }
}

/// One feature's weights while training, with what averaging needs.
#[derive(Clone, Default)]
struct TrainingRow {
    weight: [f32; TAGS],
    total: [f64; TAGS],
    stamp: [u32; TAGS],
}

/// An averaged perceptron being trained: each mistake moves weight from the guessed tag to the
/// true one, and the model kept is the average of the weights over all steps, which generalises
/// far better than the last weights.
#[derive(Default)]
pub(crate) struct Trainer {
    rows: IdMap<TrainingRow>,
    step: u32,
}

impl Trainer {
    /// The current (not averaged) weights' scores, for decoding during training.
    pub(crate) fn score(&self, features: &[u32], scores: &mut [f32; TAGS]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&row.weight) {
                    *s += w;
                }
            }
        }
    }

    /// Learns from one token: `truth` was right, `guess` was chosen.
    pub(crate) fn update(&mut self, features: &[u32], truth: Tag, guess: Tag) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for f in features {
            let row = self.rows.entry(*f).or_default();
            for (tag, delta) in [(truth.index(), 1.0), (guess.index(), -1.0)] {
                row.total[tag] += f64::from(step - row.stamp[tag]) * f64::from(row.weight[tag]);
                row.stamp[tag] = step;
                row.weight[tag] += delta;
            }
        }
    }

    /// The averaged model, leaving out features whose weights all round to nothing.
    pub(crate) fn averaged(&self) -> Model {
        let step = f64::from(self.step.max(1));
        let mut weights = IdMap::default();
        for (id, row) in &self.rows {
            let avg: [f32; TAGS] = std::array::from_fn(|t| {
                let total =
                    row.total[t] + f64::from(self.step - row.stamp[t]) * f64::from(row.weight[t]);
                (total / step) as f32
            });
            if avg.iter().any(|w| w.abs() >= MIN_WEIGHT) {
                weights.insert(*id, avg);
            }
        }
        Model {
            weights,
            rule_prior: 0.0,
        }
    }
}

/// Averaged weights smaller than this change no decision; they are not shipped.
const MIN_WEIGHT: f32 = 0.01;

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut with_header = MAGIC.to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = Model::from_bytes(&bytes);
            let _ = Model::from_bytes(&with_header);
        }
    }

    #[test]
    fn tags_know_their_labels_and_order() {
        let b = Tag::begin(Label::Loc);
        let i = Tag::inside(Label::Loc);
        assert_eq!((b.name(), i.name()), ("B-LOC", "I-LOC"));
        assert_eq!(i.label(), Some(Label::Loc));
        assert!(i.may_follow(b) && !i.may_follow(Tag::O) && !i.may_follow(Tag::begin(Label::Per)));
        assert!(Tag::O.label().is_none() && Tag::begin(Label::Misc).may_follow(Tag::O));
        assert_eq!(
            Tag::from_index(Tag::inside(Label::Misc).index()).name(),
            "I-MISC"
        );
    }

    #[test]
    fn learns_averages_and_round_trips() {
        let mut trainer = Trainer::default();
        let per = Tag::begin(Label::Per);
        for _ in 0..5 {
            let mut scores = [0f32; TAGS];
            trainer.score(&[7, 9], &mut scores);
            let guess = if scores[per.index()] > scores[0] {
                per
            } else {
                Tag::O
            };
            trainer.update(&[7, 9], per, guess);
            trainer.update(&[8], Tag::O, Tag::O);
        }
        let model = trainer.averaged();
        let mut scores = [0f32; TAGS];
        model.score(&[7], &mut scores);
        assert!(scores[per.index()] > 0.0 && scores[0] < 0.0, "{scores:?}");
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        let mut round = [0f32; TAGS];
        again.score(&[7], &mut round);
        for (a, b) in scores.iter().zip(&round) {
            assert!((a - b).abs() < 1e-3, "{scores:?} vs {round:?}");
        }
        assert_eq!(again.len(), model.len());
    }

    #[test]
    fn the_shipped_weights_write_back_byte_for_byte() {
        let shipped = include_bytes!("../../../assets/ner/entities.model");
        let model = Model::from_bytes(shipped).unwrap();
        assert!(model.len() > 1000);
        assert!(
            model.to_bytes() == shipped,
            "the weights changed on the way through"
        );
    }

    #[test]
    fn rejects_damaged_files() {
        assert!(Model::from_bytes(b"hello").is_err());
        let mut trainer = Trainer::default();
        trainer.update(&[1], Tag::begin(Label::Org), Tag::O);
        trainer.update(&[2], Tag::O, Tag::O);
        let mut bytes = trainer.averaged().to_bytes();
        bytes.pop();
        let Err(message) = Model::from_bytes(&bytes) else {
            panic!("a file cut short was read");
        };
        assert!(message.contains("rows"), "{message}");
    }
}
