//! Words, sentences and event words of an article, as the comparisons need them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

pub use crate::extract::words::{Word, scan_words, words};

/// Function words and reporting words that say nothing about a claim's content.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "say",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "according",
    "told",
    "added",
    "noted",
    "stated",
    "reported",
    "including",
    "within",
    "without",
    "since",
    "among",
    "yet",
    "still",
    "per",
    "via",
    "upon",
    "whether",
    "though",
    "although",
    "however",
    "two",
    "three",
];

/// Words that name a kind of event, mapped to one name per kind, so that
/// "swap", "exchange" and "exchanged" are one event kind.
const EVENT_WORDS: &[(&str, &str)] = &[
    ("exchange", "exchange"),
    ("exchanges", "exchange"),
    ("exchanged", "exchange"),
    ("swap", "exchange"),
    ("swaps", "exchange"),
    ("swapped", "exchange"),
    ("talks", "talks"),
    ("negotiations", "talks"),
    ("negotiation", "talks"),
    ("meeting", "talks"),
    ("met", "talks"),
    ("summit", "talks"),
    ("round", "talks"),
    ("ceasefire", "ceasefire"),
    ("truce", "ceasefire"),
    ("armistice", "ceasefire"),
    ("attack", "attack"),
    ("attacks", "attack"),
    ("attacked", "attack"),
    ("strike", "attack"),
    ("strikes", "attack"),
    ("bombing", "attack"),
    ("shelling", "attack"),
    ("killed", "deaths"),
    ("dead", "deaths"),
    ("died", "deaths"),
    ("deaths", "deaths"),
    ("fatalities", "deaths"),
    ("wounded", "injuries"),
    ("injured", "injuries"),
    ("released", "release"),
    ("release", "release"),
    ("freed", "release"),
    ("arrested", "arrest"),
    ("arrest", "arrest"),
    ("detained", "arrest"),
    ("election", "election"),
    ("elections", "election"),
    ("vote", "election"),
    ("referendum", "election"),
    ("evacuation", "evacuation"),
    ("evacuated", "evacuation"),
    ("protest", "protest"),
    ("protests", "protest"),
    ("signed", "agreement"),
    ("signing", "agreement"),
    ("agreement", "agreement"),
    ("deal", "agreement"),
    ("visit", "visit"),
    ("visited", "visit"),
    ("transfer", "transfer"),
    ("handover", "transfer"),
    ("repatriation", "transfer"),
    ("repatriated", "transfer"),
    ("earthquake", "disaster"),
    ("flood", "disaster"),
    ("fire", "disaster"),
    ("explosion", "disaster"),
    ("crash", "disaster"),
];

static STOP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOP.iter().copied().collect());
static EVENT_MAP: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| EVENT_WORDS.iter().copied().collect());

/// True for words that carry no claim content.
pub fn is_stop(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// The event kind a lower-case word names, if any.
pub fn event_kind(word: &str) -> Option<&'static str> {
    EVENT_MAP.get(word).copied()
}

/// A plural noun's singular, roughly ("prisoners" → "prisoner", "bodies" → "body").
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w;
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 2 => stem.to_owned(),
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_hyphens_and_drop_possessives() {
        let text = "Ukraine’s step-by-step plan, 1,000 POWs.";
        let lower: Vec<String> = words(text, 0, text.len())
            .into_iter()
            .map(|w| w.lower.into_owned())
            .collect();
        assert_eq!(
            lower,
            ["ukraine", "step-by-step", "plan", "1", "000", "pows"]
        );
    }

    #[test]
    fn event_words_share_a_kind() {
        assert_eq!(event_kind("swap"), event_kind("exchanged"));
        assert_eq!(event_kind("negotiations"), Some("talks"));
        assert_eq!(event_kind("banana"), None);
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("prisoners"), "prisoner");
        assert_eq!(singular("bodies"), "body");
        assert_eq!(singular("children"), "children");
        assert_eq!(singular("status"), "status");
    }
}
