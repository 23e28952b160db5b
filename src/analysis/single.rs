//! Single-source claims, the analyst's to-verify list: facts whose cluster has
//! one independent source, and sentences whose content no other source
//! shares, with the phrases only that source uses ("highly classified
//! communication", "encrypted channel").

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::model::{ArticleId, FactId, FactKind, Project};

use super::clusters::Clusters;
use super::copies::Sources;
use super::sentences::ArticleText;
use super::words::{is_stop, words};

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
}

/// Where a word or a word pair occurs: the first source, and whether any other does.
#[derive(Clone, Copy)]
struct Seen {
    first: ArticleId,
    shared: bool,
}

/// The single-source claims of `project`, by article then position.
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
                FactKind::Quantity | FactKind::Quote | FactKind::Role | FactKind::Event
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
        })
        .collect();
    out.extend(sentence_claims(texts, sources));
    out.sort_by_key(|c| (c.article, c.start, c.end));
    out
}

/// A sentence's content words, and its pairs of neighbouring content words with their hashes.
type Content = (Vec<String>, Vec<(u64, String)>);

/// Content words and the pairs of neighbouring content words of one sentence.
fn content(text: &ArticleText<'_>, s: usize) -> Content {
    let (from, to) = text.sentences[s];
    let mut lexical = Vec::new();
    let mut pairs = Vec::new();
    let mut previous: Option<String> = None;
    for w in words(text.text, from, to) {
        let capitalised = text.text[w.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let word = w.lower;
        let useful = !capitalised
            && word.chars().count() >= 3
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_stop(&word);
        if !useful {
            previous = None;
            continue;
        }
        if let Some(p) = previous.take() {
            let phrase = format!("{p} {word}");
            pairs.push((hash(&phrase), phrase));
        }
        lexical.push(word.clone());
        previous = Some(word);
    }
    (lexical, pairs)
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn note(seen: &mut HashMap<u64, Seen>, key: u64, source: ArticleId) {
    seen.entry(key)
        .and_modify(|s| s.shared |= s.first != source)
        .or_insert(Seen {
            first: source,
            shared: false,
        });
}

/// Sentences with at least one phrase containing a word no other source uses,
/// and little else shared with another source.
fn sentence_claims(texts: &[ArticleText<'_>], sources: &Sources) -> Vec<SingleClaim> {
    let mut word_seen: HashMap<u64, Seen> = HashMap::new();
    let mut pair_seen: HashMap<u64, Seen> = HashMap::new();
    let per_article: Vec<Vec<Content>> = texts
        .iter()
        .map(|t| (0..t.sentences.len()).map(|s| content(t, s)).collect())
        .collect();
    for (text, sentences) in texts.iter().zip(&per_article) {
        let source = sources.of(text.id);
        for (lexical, pairs) in sentences {
            for w in lexical {
                note(&mut word_seen, hash(w), source);
            }
            for (h, _) in pairs {
                note(&mut pair_seen, *h, source);
            }
        }
    }
    let shared = |seen: &HashMap<u64, Seen>, h: u64| seen.get(&h).is_some_and(|s| s.shared);
    let mut out = Vec::new();
    for (text, sentences) in texts.iter().zip(&per_article) {
        for (s, (_, pairs)) in sentences.iter().enumerate() {
            if pairs.len() < MIN_PAIRS {
                continue;
            }
            let supported = pairs.iter().filter(|(h, _)| shared(&pair_seen, *h)).count();
            if supported as f64 >= MAX_SHARED * pairs.len() as f64 {
                continue;
            }
            let mut phrases: Vec<(usize, usize, &str)> = pairs
                .iter()
                .enumerate()
                .map(|(i, (_, p))| {
                    let novel = p
                        .split(' ')
                        .filter(|w| !shared(&word_seen, hash(w)))
                        .count();
                    (novel, i, p.as_str())
                })
                .filter(|(novel, _, _)| *novel > 0)
                .collect();
            phrases.sort_by_key(|(novel, i, _)| (std::cmp::Reverse(*novel), *i));
            let phrases: Vec<&str> = phrases
                .into_iter()
                .take(MAX_PHRASES)
                .map(|(_, _, p)| p)
                .collect();
            if phrases.is_empty() {
                continue;
            }
            let (start, end) = trimmed(text.text, text.sentences[s]);
            out.push(SingleClaim {
                article: text.id,
                start,
                end,
                text: text.text[start..end].to_owned(),
                kind: "claim".into(),
                value: phrases.join("; "),
                fact: None,
            });
        }
    }
    out
}

/// A sentence range without its surrounding white space.
fn trimmed(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}
