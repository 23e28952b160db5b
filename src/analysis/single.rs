//! Single-source claims, the analyst's to-verify list: facts whose cluster has
//! one independent source, and sentences whose content no other source
//! shares, with the phrases only that source uses ("highly classified
//! communication", "encrypted channel").

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use rustc_hash::FxHashMap as HashMap;

use crate::extract::event::{EventStatus, EventType};
use crate::model::{ArticleId, FactId, FactKind, Project};

use super::clusters::Clusters;
use super::copies::Sources;
use super::events::Events;
use super::sentences::ArticleText;
use super::words::{is_stop, scan_words};

/// A sentence needs this many content-word pairs to count as a claim.
const MIN_PAIRS: usize = 4;
/// A sentence is its source's own when less than this share of its pairs is found elsewhere.
const MAX_SHARED: f64 = 0.5;
/// At most this many distinctive phrases are listed per claim.
const MAX_PHRASES: usize = 3;

/// One claim that only one independent source makes.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleClaim {
    /// The article making it.
    pub article: ArticleId,
    /// Start byte of the evidence.
    pub start: usize,
    /// End byte of the evidence.
    pub end: usize,
    /// The evidence text.
    pub text: String,
    /// "claim" for a sentence, otherwise the fact's kind.
    pub kind: String,
    /// The fact's value, or for a sentence the phrases only this source uses.
    pub value: String,
    /// The fact, when the claim is one.
    pub fact: Option<FactId>,
    /// What to check first: 0 an event, 1 a number, 2 an attributed
    /// statement or a role, 3 colour (see [`rank`]).
    pub rank: u8,
}

/// How urgently an analyst must verify a single-source claim: events
/// first, then numbers, then what someone is quoted or said to have said
/// and who holds which role, then the rest ("colour").
pub fn rank(kind: &str, text: &str) -> u8 {
    match kind {
        "event" => 0,
        "quantity" => 1,
        "quote" | "role" => 2,
        _ if text.chars().any(|c| c.is_ascii_digit()) => 1,
        _ if text.contains(['“', '"'])
            || text.contains(" said")
            || text.contains("according to") =>
        {
            2
        }
        _ => 3,
    }
}

/// The single-source facts and sentences of `project` (events are added by
/// [`events`]; [`order`] sorts them all).
pub fn find(
    project: &Project,
    texts: &[ArticleText<'_>],
    clusters: &Clusters,
    sources: &Sources,
) -> Vec<SingleClaim> {
    let mut out: Vec<SingleClaim> = clusters
        .list
        .iter()
        .filter(|c| c.independent == 1)
        .filter(|c| {
            matches!(
                c.kind,
                FactKind::Quantity | FactKind::Quote | FactKind::Role
            )
        })
        .flat_map(|c| c.facts.iter().filter_map(|id| project.fact(*id)))
        .map(|f| SingleClaim {
            article: f.article,
            start: f.start,
            end: f.end,
            text: f.text.clone(),
            kind: f.kind.as_str().to_owned(),
            value: f.value.clone(),
            fact: Some(f.id),
            rank: rank(f.kind.as_str(), &f.text),
        })
        .collect();
    out.extend(sentence_claims(texts, sources));
    out
}

/// Events (statements aside, which are attributed claims) told as having
/// happened by one independent source only, each as the sentence of its
/// first mention.
pub fn events(
    events: &Events,
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
    sources: &Sources,
) -> Vec<SingleClaim> {
    events
        .list
        .iter()
        .filter(|e| {
            e.status == EventStatus::TookPlace
                && e.ty != EventType::Statement
                && sources.count(&e.articles) == 1
        })
        .filter_map(|e| {
            let m = e.mentions.first()?;
            let text = texts.get(&m.article)?;
            let (from, to) = *text.sentences.get(text.sentence_of(m.start))?;
            let sentence = text.text.get(from..to)?;
            let start = from + (sentence.len() - sentence.trim_start().len());
            let end = from + sentence.trim_end().len();
            Some(SingleClaim {
                article: m.article,
                start,
                end,
                text: text.text.get(start..end)?.to_owned(),
                kind: "event".to_owned(),
                value: e.label.clone(),
                fact: Some(m.fact),
                rank: 0,
            })
        })
        .collect()
}

/// Orders single-source claims by article, then what to check first, then
/// position; a span listed twice (two events of one sentence, an event's
/// sentence that is also a claim) is kept once, at its most urgent rank.
pub fn order(claims: &mut Vec<SingleClaim>) {
    claims.sort_by_key(|c| (c.article, c.start, c.end, c.rank));
    claims.dedup_by(|b, a| (a.article, a.start, a.end) == (b.article, b.start, b.end));
    claims.sort_by_key(|c| (c.article, c.rank, c.start, c.end));
}

/// Calls `visit(Some(word))` for each content word of sentence `s`, and
/// `visit(None)` where a name, number or function word breaks the run of
/// neighbouring content words.
fn content_words(text: &ArticleText<'_>, s: usize, mut visit: impl FnMut(Option<&str>)) {
    let (from, to) = text.sentences[s];
    scan_words(text.text, from, to, |start, _, lower| {
        let capitalised = text.text[start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        visit((!capitalised && useful(lower)).then_some(lower));
    });
}

/// The pairs of neighbouring content words of one sentence, as text.
fn pair_texts(text: &ArticleText<'_>, s: usize) -> Vec<String> {
    let mut pairs = Vec::new();
    let mut previous: Option<String> = None;
    content_words(text, s, |word| match word {
        None => previous = None,
        Some(w) => {
            if let Some(p) = previous.replace(w.to_owned()) {
                pairs.push(format!("{p} {w}"));
            }
        }
    });
    pairs
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// One sentence's word hashes and pair hashes.
struct Hashed {
    words: Vec<u64>,
    pairs: Vec<u64>,
}

/// The hashes of a sentence's content words and word pairs, computed
/// without building the strings (they are built only for sentences reported).
fn hashed(text: &ArticleText<'_>, s: usize) -> Hashed {
    let mut out = Hashed {
        words: Vec::new(),
        pairs: Vec::new(),
    };
    let mut previous: Option<u64> = None;
    content_words(text, s, |word| match word {
        None => previous = None,
        Some(w) => {
            let h = hash(w);
            if let Some(p) = previous.replace(h) {
                out.pairs.push(pair_hash(p, h));
            }
            out.words.push(h);
        }
    });
    out
}

/// A content word: three letters or more, no digits, not a function word.
fn useful(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !is_stop(word)
}

fn pair_hash(a: u64, b: u64) -> u64 {
    let mut h = DefaultHasher::new();
    (a, b).hash(&mut h);
    h.finish()
}

/// The hashes (sorted) that occur in more than one independent source.
fn shared_hashes(mut seen: Vec<(u64, ArticleId)>) -> Vec<u64> {
    seen.par_sort_unstable();
    seen.dedup();
    seen.chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run[0].0)
        .collect()
}

/// Sentences with at least one phrase containing a word no other source uses,
/// and little else shared with another source.
fn sentence_claims(texts: &[ArticleText<'_>], sources: &Sources) -> Vec<SingleClaim> {
    let hashed: Vec<Vec<Hashed>> = texts
        .par_iter()
        .map(|t| (0..t.sentences.len()).map(|s| hashed(t, s)).collect())
        .collect();
    let occurrences = |pick: fn(&Hashed) -> &Vec<u64>| -> Vec<(u64, ArticleId)> {
        texts
            .iter()
            .zip(&hashed)
            .flat_map(|(t, sentences)| {
                let source = sources.of(t.id);
                sentences
                    .iter()
                    .flat_map(move |h| pick(h).iter().map(move |x| (*x, source)))
            })
            .collect()
    };
    let (shared_words, shared_pairs) = rayon::join(
        || shared_hashes(occurrences(|h| &h.words)),
        || shared_hashes(occurrences(|h| &h.pairs)),
    );
    let shared = |set: &[u64], h: u64| set.binary_search(&h).is_ok();
    texts
        .par_iter()
        .zip(&hashed)
        .flat_map_iter(|(text, sentences)| {
            let mut out = Vec::new();
            for (s, h) in sentences.iter().enumerate() {
                if h.pairs.len() < MIN_PAIRS {
                    continue;
                }
                let supported = h
                    .pairs
                    .iter()
                    .filter(|p| shared(&shared_pairs, **p))
                    .count();
                if supported as f64 >= MAX_SHARED * h.pairs.len() as f64 {
                    continue;
                }
                let pairs = pair_texts(text, s);
                let mut phrases: Vec<(usize, usize, &str)> = pairs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let novel = p
                            .split(' ')
                            .filter(|w| !shared(&shared_words, hash(w)))
                            .count();
                        (novel, i, p.as_str())
                    })
                    .filter(|(novel, _, _)| *novel > 0)
                    .collect();
                phrases.sort_by_key(|(novel, i, _)| (std::cmp::Reverse(*novel), *i));
                if phrases.is_empty() {
                    continue;
                }
                let value: Vec<&str> = phrases
                    .into_iter()
                    .take(MAX_PHRASES)
                    .map(|(_, _, p)| p)
                    .collect();
                let (start, end) = trimmed(text.text, text.sentences[s]);
                out.push(SingleClaim {
                    article: text.id,
                    start,
                    end,
                    text: text.text[start..end].to_owned(),
                    rank: rank("claim", &text.text[start..end]),
                    kind: "claim".into(),
                    value: value.join("; "),
                    fact: None,
                });
            }
            out
        })
        .collect()
}

/// A sentence range without its surrounding white space.
fn trimmed(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_numbers_and_attributed_statements_come_before_colour() {
        let ranks = [
            rank("event", "The dam burst."),
            rank("claim", "The dam held 40 million tonnes of water."),
            rank("claim", "The engineer said the gauge had failed."),
            rank("claim", "Residents watched from the hills in silence."),
        ];
        assert_eq!(ranks, [0, 1, 2, 3]);
        assert!(rank("quantity", "12") < rank("quote", "x"));
    }
}
