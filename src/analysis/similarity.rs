//! How alike two articles are in what they talk about: each article's most
//! telling content words (TF-IDF over the dossier), compared by cosine.
//! Articles about one happening share its particular words (names of the
//! people and places involved, the details); the event grouping uses this
//! as evidence that two undated mentions with one trigger lemma are one event.

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::model::ArticleId;

use super::words::{is_stop, scan_words};

/// How many of its heaviest words an article's profile keeps.
const PROFILE_WORDS: usize = 100;

/// The content-word profiles of a dossier's articles.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    /// Per article: word hash and weight, sorted by hash, weights of unit length.
    by_article: HashMap<ArticleId, Vec<(u64, f32)>>,
}

/// A word's hash (FNV-1a): profiles compare hashes, not strings.
fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Profiles {
    /// Profiles of every article of `texts`.
    pub fn build(texts: &[(ArticleId, &str)]) -> Self {
        let counts: Vec<HashMap<u64, u32>> = texts
            .par_iter()
            .map(|(_, text)| {
                let mut c: HashMap<u64, u32> = HashMap::default();
                scan_words(text, 0, text.len(), |_, _, lower| {
                    if lower.chars().count() >= 3
                        && !is_stop(lower)
                        && !lower.chars().all(|ch| ch.is_ascii_digit())
                    {
                        *c.entry(hash(lower)).or_default() += 1;
                    }
                });
                c
            })
            .collect();
        let mut df: HashMap<u64, u32> = HashMap::default();
        for c in &counts {
            for w in c.keys() {
                *df.entry(*w).or_default() += 1;
            }
        }
        let n = counts.len() as f32;
        let by_article = texts
            .iter()
            .zip(counts)
            .map(|((id, _), c)| {
                let mut weighted: Vec<(u64, f32)> = c
                    .into_iter()
                    .filter_map(|(w, tf)| {
                        // A word of one article alone matches no other.
                        let df = df[&w];
                        let idf = (n / df as f32).ln();
                        (df >= 2).then(|| (w, (1.0 + (tf as f32).ln()) * idf))
                    })
                    .filter(|(_, x)| *x > 0.0)
                    .collect();
                weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                weighted.truncate(PROFILE_WORDS);
                let norm = weighted.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
                let mut profile: Vec<(u64, f32)> = weighted
                    .into_iter()
                    .map(|(w, x)| (w, x / norm.max(f32::MIN_POSITIVE)))
                    .collect();
                profile.sort_by_key(|(w, _)| *w);
                (*id, profile)
            })
            .collect();
        Profiles { by_article }
    }

    /// The articles that have a profile, in id order.
    pub fn articles(&self) -> Vec<ArticleId> {
        let mut ids: Vec<ArticleId> = self.by_article.keys().copied().collect();
        ids.sort();
        ids
    }

    /// The cosine of two articles' profiles (0 when either is unknown).
    pub fn similarity(&self, a: ArticleId, b: ArticleId) -> f32 {
        let (Some(x), Some(y)) = (self.by_article.get(&a), self.by_article.get(&b)) else {
            return 0.0;
        };
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_on_one_happening_are_closer_than_look_alikes() {
        let texts = [
            (
                ArticleId(1),
                "A ferry capsized off Kalvik harbour; the coastguard saved forty passengers from the Morning Star ferry.",
            ),
            (
                ArticleId(2),
                "Forty passengers of the Morning Star were saved when the ferry capsized near Kalvik.",
            ),
            (
                ArticleId(3),
                "A cargo barge sank in the Orre river; two sailors of the barge Tide were rescued by fishermen.",
            ),
            (
                ArticleId(4),
                "Markets rose on Tuesday as bank shares gained.",
            ),
        ];
        let p = Profiles::build(&texts);
        assert!(
            p.similarity(ArticleId(1), ArticleId(2)) > p.similarity(ArticleId(1), ArticleId(3))
        );
        assert!(p.similarity(ArticleId(1), ArticleId(2)) > 0.3);
        assert_eq!(p.similarity(ArticleId(1), ArticleId(9)), 0.0);
    }
}
