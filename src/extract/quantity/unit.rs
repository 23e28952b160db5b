//! The counted noun after a number: "1,000 prisoners", "6,000 fallen Ukrainian
//! soldiers", "hundreds of thousands of supposedly stolen children",
//! "1,000 prisoners of war".

use std::sync::LazyLock;

use regex::Regex;

/// One word after a number, with the spaces before it.
static NEXT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \u{A0}]+([\p{L}][\p{L}\p{M}’'\-]*)").expect("valid word regex")
});

/// "of" and a singular noun completing a plural head ("prisoners of war").
static OF_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \u{A0}]+of[ \u{A0}]+(\p{Ll}[\p{Ll}\-]*)(?-u:\b)").expect("valid of-noun regex")
});

/// Words that end the search for a counted noun.
const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "each", "every",
    "for", "from", "had", "has", "have", "he", "her", "here", "his", "if", "in", "into", "is",
    "it", "its", "may", "might", "my", "no", "not", "of", "on", "or", "our", "over", "per", "she",
    "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "there",
    "these", "they", "this", "those", "to", "under", "was", "we", "were", "which", "who", "whom",
    "whose", "will", "with", "would", "your", "yet",
];

/// Plural nouns that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "children",
    "people",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "feet",
    "teeth",
    "mice",
    "geese",
    "crew",
    "livestock",
    "militia",
    "clergy",
];

/// Nouns that make the number a duration (left to the time tagger).
const TIME_NOUNS: &[&str] = &[
    "seconds",
    "minutes",
    "hours",
    "days",
    "nights",
    "weeks",
    "weekends",
    "months",
    "years",
    "decades",
    "centuries",
    "mornings",
    "evenings",
    "quarters",
    "seasons",
    "summers",
    "winters",
    "springs",
    "autumns",
];

/// Nouns that make the number an amount of money.
const MONEY_NOUNS: &[&str] = &[
    "dollars", "euros", "pounds", "rubles", "roubles", "hryvnias", "hryvnia", "hryvnas", "yuan",
    "yen", "cents", "pence", "francs", "rupees",
];

/// Words kept between the number and its noun ("fallen", "Ukrainian", "more").
const MODIFYING_WORDS: &[&str] = &[
    "more",
    "other",
    "additional",
    "new",
    "young",
    "old",
    "former",
    "extra",
    "further",
    "foreign",
    "local",
    "senior",
    "junior",
    "fallen",
    "elderly",
    "ill",
    "sick",
    "dead",
    "missing",
    "captured",
    "civilian",
    "military",
    "heavily",
    "seriously",
    "badly",
];

/// Adjective and adverb endings that may stand between a number and its noun.
const MODIFYING_ENDINGS: &[&str] = &[
    "ed", "en", "ian", "an", "al", "ive", "ic", "ful", "ous", "ary", "ing", "ese", "ish", "ern",
    "ly",
];

/// The noun a number counts, as found after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The noun phrase head as written ("prisoners", "prisoners of war").
    pub noun: String,
    /// Byte offset just past the noun.
    pub end: usize,
    /// The noun makes this a duration or money, not a count.
    pub not_a_count: bool,
}

/// The counted noun after byte offset `pos`, skipping up to three modifying words.
pub fn after(text: &str, pos: usize) -> Option<Unit> {
    let mut at = pos;
    for _ in 0..4 {
        let caps = NEXT_WORD.captures(&text[at..])?;
        let word = caps.get(1)?;
        let (word_start, word_end) = (at + word.start(), at + word.end());
        let lower = word.as_str().to_lowercase();
        if STOP.contains(&lower.as_str()) {
            return None;
        }
        if is_plural(&lower) {
            return Some(head(text, word_start, word_end, &lower));
        }
        if !is_modifying(word.as_str(), &lower) {
            return None;
        }
        at = word_end;
    }
    None
}

fn head(text: &str, start: usize, end: usize, lower: &str) -> Unit {
    let not_a_count = TIME_NOUNS.contains(&lower) || MONEY_NOUNS.contains(&lower);
    let of_noun = OF_NOUN.captures(&text[end..]).and_then(|c| c.get(1));
    let end = match of_noun {
        Some(m) if !STOP.contains(&m.as_str()) && !is_plural(m.as_str()) => end + m.end(),
        _ => end,
    };
    Unit {
        noun: text[start..end].to_owned(),
        end,
        not_a_count,
    }
}

fn is_plural(lower: &str) -> bool {
    if IRREGULAR_PLURALS.contains(&lower) {
        return true;
    }
    let letters = lower.chars().count();
    letters >= 4
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("’s")
        && !lower.ends_with("'s")
}

fn is_modifying(word: &str, lower: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || word.contains('-')
        || MODIFYING_WORDS.contains(&lower)
        || MODIFYING_ENDINGS.iter().any(|e| lower.ends_with(e))
}
