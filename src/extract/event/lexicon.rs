//! The trigger lexicon: which words (and two-word phrases) name a happening,
//! of what type, under which lemma. The word list is data
//! (`assets/events/triggers.txt`), expanded here into every inflection it
//! stands for, so "negotiate", "negotiated" and "negotiations" meet.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::types::EventType;

/// The shipped word list.
const TRIGGERS: &str = include_str!("../../../assets/events/triggers.txt");

/// What a trigger word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The type of happening.
    pub ty: EventType,
    /// The lemma its mentions share ("negotiate" for "negotiations").
    pub lemma: &'static str,
}

/// Trigger words and two-word phrases, by their lower-case forms.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FxHashMap<String, Trigger>,
    /// Two-word forms, by their first word, then their second.
    pairs: FxHashMap<String, FxHashMap<String, Trigger>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(TRIGGERS));

impl Lexicon {
    /// The shipped lexicon, parsed once.
    pub fn shipped() -> &'static Lexicon {
        &LEXICON
    }

    /// Reads the `TYPE LEMMA: FORM …` lines of a word list; lines that do
    /// not parse are skipped (the shipped list is checked by a test).
    pub fn parse(list: &'static str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, forms)) = line.split_once(':') else {
                continue;
            };
            let mut head = head.split_whitespace();
            let (Some(ty), Some(lemma)) = (head.next().and_then(EventType::parse), head.next())
            else {
                continue;
            };
            let trigger = Trigger {
                ty,
                lemma: lemma.trim_end_matches('_'),
            };
            for form in forms.split_whitespace() {
                for inflected in inflections(form) {
                    lexicon.insert(&inflected, trigger);
                }
            }
        }
        lexicon
    }

    fn insert(&mut self, form: &str, trigger: Trigger) {
        match form.split_once('_') {
            Some((a, b)) => {
                self.pairs
                    .entry(a.to_owned())
                    .or_default()
                    .entry(b.to_owned())
                    .or_insert(trigger);
            }
            None => {
                self.words.entry(form.to_owned()).or_insert(trigger);
            }
        }
    }

    /// The trigger a lower-case word is, if any.
    pub fn word(&self, lower: &str) -> Option<Trigger> {
        self.words.get(lower).copied()
    }

    /// The trigger two consecutive lower-case words are, if any.
    pub fn pair(&self, first: &str, second: &str) -> Option<Trigger> {
        self.pairs.get(first)?.get(second).copied()
    }

    /// Every form with its trigger.
    #[cfg(test)]
    pub fn forms(&self) -> impl Iterator<Item = (String, Trigger)> + '_ {
        self.words.iter().map(|(w, t)| (w.clone(), *t)).chain(
            self.pairs.iter().flat_map(|(a, seconds)| {
                seconds.iter().map(move |(b, t)| (format!("{a} {b}"), *t))
            }),
        )
    }
}

/// The forms a list entry stands for: `word*` a regular verb's four forms,
/// `word+` a noun and its plural, anything else itself.
fn inflections(form: &str) -> Vec<String> {
    if let Some(verb) = form.strip_suffix('*') {
        let (third, past, ing) = verb_forms(verb);
        vec![verb.to_owned(), third, past, ing]
    } else if let Some(noun) = form.strip_suffix('+') {
        vec![noun.to_owned(), plural(noun)]
    } else {
        vec![form.to_owned()]
    }
}

/// The -s, -ed and -ing forms of a regular verb.
fn verb_forms(verb: &str) -> (String, String, String) {
    if verb.ends_with("ee") {
        return (format!("{verb}s"), format!("{verb}d"), format!("{verb}ing"));
    }
    if let Some(stem) = verb.strip_suffix('e') {
        return (format!("{verb}s"), format!("{verb}d"), format!("{stem}ing"));
    }
    if let Some(stem) = consonant_y_stem(verb) {
        return (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{verb}ing"),
        );
    }
    (plural(verb), format!("{verb}ed"), format!("{verb}ing"))
}

/// A noun's (or a verb's third person) -s form.
fn plural(word: &str) -> String {
    if let Some(stem) = consonant_y_stem(word) {
        return format!("{stem}ies");
    }
    if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// The word without its final y, when a consonant comes before the y.
fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().last()?;
    (!"aeiou".contains(before)).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_verbs_and_nouns() {
        let cases: &[(&str, &[&str])] = &[
            ("arrest*", &["arrest", "arrests", "arrested", "arresting"]),
            (
                "release*",
                &["release", "releases", "released", "releasing"],
            ),
            ("deny*", &["deny", "denies", "denied", "denying"]),
            ("agree*", &["agree", "agrees", "agreed", "agreeing"]),
            ("crash*", &["crash", "crashes", "crashed", "crashing"]),
            ("deploy*", &["deploy", "deploys", "deployed", "deploying"]),
            ("injury+", &["injury", "injuries"]),
            ("talks", &["talks"]),
        ];
        for (form, want) in cases {
            assert_eq!(inflections(form), *want, "{form}");
        }
    }

    #[test]
    fn shipped_list_parses_every_line() {
        let lines = TRIGGERS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for line in lines {
            let (head, forms) = line.split_once(':').expect(line);
            let mut head = head.split_whitespace();
            assert!(head.next().and_then(EventType::parse).is_some(), "{line}");
            assert!(head.next().is_some(), "{line}");
            assert!(!forms.trim().is_empty(), "{line}");
        }
    }

    #[test]
    fn nominalisations_share_the_verb_lemma() {
        let lex = Lexicon::shipped();
        let lemma = |w: &str| lex.word(w).map(|t| t.lemma);
        assert_eq!(lemma("negotiations"), lemma("negotiated"));
        assert_eq!(lemma("swapped"), lemma("exchange"));
        assert_eq!(lemma("detention"), lemma("detained"));
        assert_eq!(lex.word("talks").map(|t| t.ty), Some(EventType::Meeting));
        assert_eq!(
            lex.pair("opened", "fire").map(|t| t.ty),
            Some(EventType::Attack)
        );
        assert_eq!(lex.word("banana"), None);
    }

    #[test]
    fn every_type_has_triggers() {
        let lex = Lexicon::shipped();
        for ty in EventType::ALL {
            assert!(lex.forms().any(|(_, t)| t.ty == ty), "{ty:?}");
        }
    }
}
