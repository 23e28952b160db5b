//! Copy detection: articles that share long passages (wire copy, syndicated
//! rewrites) are one independent source, whatever their outlets.

use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::model::ArticleId;

use rustc_hash::FxHasher;

use super::words::scan_words;

/// Words per shingle: long enough that shared shingles mean shared passages.
const SHINGLE: usize = 8;
/// Shingles found in more articles than this are boilerplate, not copying.
const MAX_SHARED_BY: usize = 20;
/// Two articles are copies when this share of the shorter one's shingles is in the other …
const MIN_CONTAINMENT: f64 = 0.3;
/// … and they share at least this many shingles.
const MIN_SHARED: usize = 12;

/// A pair of articles found to be copies, with how much they share.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyPair {
    /// One article.
    pub a: ArticleId,
    /// The other.
    pub b: ArticleId,
    /// Share of the shorter article's passages found in the other (0–1).
    pub containment: f64,
}

/// Which articles are one independent source.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The source (its first article) of each article.
    pub source_of: HashMap<ArticleId, ArticleId>,
    /// The copy pairs found.
    pub pairs: Vec<CopyPair>,
}

impl Sources {
    /// The independent source of an article (itself unless it is a copy).
    pub fn of(&self, article: ArticleId) -> ArticleId {
        self.source_of.get(&article).copied().unwrap_or(article)
    }

    /// How many independent sources these articles are.
    pub fn count<'a>(&self, articles: impl IntoIterator<Item = &'a ArticleId>) -> usize {
        let mut sources: Vec<ArticleId> = articles.into_iter().map(|a| self.of(*a)).collect();
        sources.sort();
        sources.dedup();
        sources.len()
    }

    /// The articles copied from or into `article`.
    pub fn copies_of(&self, article: ArticleId) -> Vec<ArticleId> {
        let source = self.of(article);
        let mut out: Vec<ArticleId> = self
            .source_of
            .iter()
            .filter(|(a, s)| **s == source && **a != article)
            .map(|(a, _)| *a)
            .collect();
        if source != article {
            out.push(source);
        }
        out.sort();
        out.dedup();
        out
    }
}

/// Finds copies among `articles` (id and text, in import order).
pub fn detect(articles: &[(ArticleId, &str)]) -> Sources {
    let shingles: Vec<Vec<u64>> = articles.par_iter().map(|(_, t)| shingles(t)).collect();
    let mut postings: Vec<(u64, u32)> = shingles
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |h| (*h, i as u32)))
        .collect();
    postings.par_sort_unstable();
    let mut pairs_seen: Vec<u64> = Vec::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > MAX_SHARED_BY {
            continue;
        }
        for (x, (_, a)) in run.iter().enumerate() {
            for (_, b) in &run[x + 1..] {
                pairs_seen.push((u64::from(*a) << 32) | u64::from(*b));
            }
        }
    }
    pairs_seen.par_sort_unstable();
    let found: Vec<((u32, u32), usize)> = pairs_seen
        .chunk_by(|a, b| a == b)
        .map(|run| (((run[0] >> 32) as u32, run[0] as u32), run.len()))
        .collect();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    let mut pairs = Vec::new();
    for ((a, b), n) in found {
        let smaller = shingles[a as usize].len().min(shingles[b as usize].len());
        let containment = n as f64 / smaller.max(1) as f64;
        if n >= MIN_SHARED && containment >= MIN_CONTAINMENT {
            union(&mut parent, a as usize, b as usize);
            pairs.push(CopyPair {
                a: articles[a as usize].0,
                b: articles[b as usize].0,
                containment,
            });
        }
    }
    let source_of = (0..articles.len())
        .map(|i| (articles[i].0, articles[find(&mut parent, i)].0))
        .collect();
    Sources { source_of, pairs }
}

/// The distinct hashed word 8-grams of a text: each word is hashed once,
/// and each shingle from the hashes of its words.
fn shingles(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    scan_words(text, 0, text.len(), |_, _, lower| {
        words.push(fx_hash(lower))
    });
    let mut out: Vec<u64> = words.windows(SHINGLE).map(fx_hash).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A fast, fixed (unseeded) 64-bit hash.
fn fx_hash(value: &(impl Hash + ?Sized)) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins two sets, keeping the earlier article as the root.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    parent[hi] = lo;
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Negotiators from both countries met in the coastal city on Tuesday \
        and agreed to exchange five hundred detainees before the end of the month, officials \
        said. The agreement follows three weeks of indirect contacts brokered by a neutral \
        government, which hosted the delegations in a former royal residence. Observers \
        cautioned that earlier arrangements had collapsed within days of being announced.";

    #[test]
    fn a_rewrite_with_long_shared_passages_is_one_source() {
        let rewrite = format!("EXCLUSIVE. {WIRE} Our correspondent adds that the mood was tense.");
        let other = "A new bridge opened downtown on Friday after four years of building \
            work, the mayor said, adding that tolls would be waived for residents this year.";
        let ids = [ArticleId(1), ArticleId(2), ArticleId(3)];
        let sources = detect(&[(ids[0], WIRE), (ids[1], &rewrite), (ids[2], other)]);
        assert_eq!(sources.of(ids[1]), ids[0]);
        assert_eq!(sources.of(ids[2]), ids[2]);
        assert_eq!(sources.count(&ids), 2);
        assert_eq!(sources.copies_of(ids[0]), vec![ids[1]]);
        assert_eq!(sources.pairs.len(), 1);
    }

    #[test]
    fn articles_on_one_story_in_their_own_words_stay_independent() {
        let own = "Both delegations agreed on Tuesday to free five hundred detainees each \
            by the end of the month, according to a statement from the host government, \
            which said the talks at the palace had been constructive despite earlier failures.";
        let ids = [ArticleId(1), ArticleId(2)];
        let sources = detect(&[(ids[0], WIRE), (ids[1], own)]);
        assert_eq!(sources.count(&ids), 2);
    }
}
