//! Which articles of a dossier tell the same story: articles grouped by
//! average-link clustering of their content-word profiles (see
//! [`Profiles`]). A folder often mixes look-alike stories (two shootings,
//! two earthquakes); the event grouping joins undated mentions with one
//! trigger lemma only within a story. Average link, unlike chaining pairs,
//! keeps two stories apart when a single article mentions both.

use rustc_hash::FxHashMap as HashMap;

use crate::model::ArticleId;

use super::similarity::Profiles;

/// The mean cosine between two groups of articles from which they are one
/// story.
const STORY_SIMILARITY: f32 = 0.1;

/// Dossiers with more articles are not clustered (the clustering takes
/// cubic time); their events then rely on pairwise likeness only.
const MAX_ARTICLES: usize = 400;

/// The story of each article.
#[derive(Debug, Clone, Default)]
pub struct Stories {
    story: HashMap<ArticleId, usize>,
}

impl Stories {
    /// Clusters the articles of `profiles` into stories.
    pub fn build(profiles: &Profiles) -> Self {
        let ids = profiles.articles();
        let n = ids.len();
        if !(2..=MAX_ARTICLES).contains(&n) {
            return Stories::default();
        }
        let mut sim = vec![0.0f32; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let s = profiles.similarity(ids[i], ids[j]);
                sim[i * n + j] = s;
                sim[j * n + i] = s;
            }
        }
        let mut size = vec![1usize; n];
        let mut root: Vec<usize> = (0..n).collect();
        let mut alive = vec![true; n];
        loop {
            let mut best: Option<(usize, usize)> = None;
            let mut best_sim = STORY_SIMILARITY;
            for i in (0..n).filter(|&i| alive[i]) {
                for j in (i + 1..n).filter(|&j| alive[j]) {
                    if sim[i * n + j] >= best_sim {
                        best_sim = sim[i * n + j];
                        best = Some((i, j));
                    }
                }
            }
            let Some((i, j)) = best else { break };
            // Lance–Williams update for the mean link.
            let (a, b) = (size[i] as f32, size[j] as f32);
            for k in (0..n).filter(|&k| alive[k] && k != i && k != j) {
                let s = (a * sim[i * n + k] + b * sim[j * n + k]) / (a + b);
                sim[i * n + k] = s;
                sim[k * n + i] = s;
            }
            size[i] += size[j];
            alive[j] = false;
            for r in root.iter_mut().filter(|r| **r == j) {
                *r = i;
            }
        }
        Stories {
            story: ids.into_iter().zip(root).collect(),
        }
    }

    /// True when both articles were clustered into one story.
    pub fn same(&self, a: ArticleId, b: ArticleId) -> bool {
        matches!((self.story.get(&a), self.story.get(&b)), (Some(x), Some(y)) if x == y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_look_alike_stories_in_one_folder_stay_two() {
        let texts = [
            (
                ArticleId(1),
                "A ferry capsized off Kalvik harbour; the coastguard saved forty passengers of the Morning Star.",
            ),
            (
                ArticleId(2),
                "Forty passengers of the Morning Star were saved by the coastguard after the ferry capsized near Kalvik harbour.",
            ),
            (
                ArticleId(3),
                "The Morning Star ferry sank near Kalvik; coastguard crews saved passengers.",
            ),
            (
                ArticleId(4),
                "A cargo barge sank in the Orre river; two sailors of the barge Tide were rescued by fishermen from Dunmore.",
            ),
            (
                ArticleId(5),
                "Fishermen from Dunmore rescued two sailors when the barge Tide sank in the Orre river.",
            ),
        ];
        let stories = Stories::build(&Profiles::build(&texts));
        assert!(stories.same(ArticleId(1), ArticleId(2)));
        assert!(stories.same(ArticleId(1), ArticleId(3)));
        assert!(stories.same(ArticleId(4), ArticleId(5)));
        assert!(!stories.same(ArticleId(1), ArticleId(4)));
        assert!(!stories.same(ArticleId(3), ArticleId(5)));
        assert!(!stories.same(ArticleId(1), ArticleId(9)));
    }
}
