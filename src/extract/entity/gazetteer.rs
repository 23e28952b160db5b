//! Small word lists that guide the entity and role extractors. They are plain text under
//! `assets/gazetteer/`, compiled into the binary and parsed once on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The longest gazetteer phrase, in words; bounds phrase look-ups.
pub(crate) const MAX_PHRASE_WORDS: usize = 5;

/// All lists, parsed once.
pub(crate) static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The parsed lists. Name keys are lower-case with single spaces and straight apostrophes.
pub(crate) struct Gazetteer {
    loc: FxHashSet<String>,
    misc: FxHashMap<String, String>,
    countries: FxHashSet<String>,
    org: FxHashSet<String>,
    org_words: FxHashSet<String>,
    loc_words: FxHashSet<String>,
    misc_words: FxHashSet<String>,
    of_heads: FxHashSet<String>,
    first_names: FxHashSet<String>,
    title_heads: FxHashSet<String>,
    title_mods: FxHashSet<String>,
    stop: FxHashSet<String>,
    longest: usize,
}

/// The label a gazetteer gives a whole name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// A place.
    Loc,
    /// An organisation.
    Org,
    /// A nationality, language, religion or event.
    Misc,
}

impl Gazetteer {
    fn load() -> Self {
        let (title_heads, title_mods) =
            parse_titles(include_str!("../../../assets/gazetteer/titles.txt"));
        let misc = parse_misc(include_str!("../../../assets/gazetteer/misc.txt"));
        let countries = misc
            .values()
            .filter(|c| !c.is_empty())
            .map(|c| key(c))
            .collect();
        let loc = key_set(include_str!("../../../assets/gazetteer/loc.txt"));
        let org = key_set(include_str!("../../../assets/gazetteer/org.txt"));
        let longest = loc
            .iter()
            .chain(&org)
            .chain(misc.keys())
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(0);
        Gazetteer {
            loc,
            misc,
            countries,
            org,
            org_words: key_set(include_str!("../../../assets/gazetteer/org_words.txt")),
            loc_words: key_set(include_str!("../../../assets/gazetteer/loc_words.txt")),
            misc_words: key_set(include_str!("../../../assets/gazetteer/misc_words.txt")),
            of_heads: key_set(include_str!("../../../assets/gazetteer/of_heads.txt")),
            first_names: key_set(include_str!("../../../assets/gazetteer/first_names.txt")),
            title_heads,
            title_mods,
            stop: lines(include_str!("../../../assets/gazetteer/stop.txt"))
                .map(str::to_owned)
                .collect(),
            longest,
        }
    }

    /// The most words a name known to [`Gazetteer::known`] has: a longer run of words is no
    /// known name.
    pub(crate) fn longest_known(&self) -> usize {
        self.longest
    }

    /// The label of a whole known name (`name` in any case), organisations first.
    pub(crate) fn known(&self, name: &str) -> Option<Known> {
        with_key(name, |key| self.known_key(key))
    }

    /// [`Gazetteer::known`] of a name already made into its look-up [`key`].
    pub(crate) fn known_key(&self, key: &str) -> Option<Known> {
        if self.org.contains(key) {
            Some(Known::Org)
        } else if self.loc.contains(key) {
            Some(Known::Loc)
        } else if self.misc.contains_key(key) || self.is_plural_demonym(key) {
            Some(Known::Misc)
        } else {
            None
        }
    }

    /// "Palestinians", "Russians": plurals of listed nationalities.
    fn is_plural_demonym(&self, key: &str) -> bool {
        key.strip_suffix('s')
            .is_some_and(|stem| self.misc.contains_key(stem))
    }

    /// The country a demonym belongs to ("Ukrainian" -> "Ukraine").
    pub(crate) fn demonym_country(&self, word: &str) -> Option<&str> {
        with_key(word, |k| self.misc.get(k))
            .filter(|country| !country.is_empty())
            .map(String::as_str)
    }

    /// Whether `name` is a country (one that a listed nationality belongs
    /// to): a place that holds many others, so it cannot tell two events
    /// in a city or a park apart.
    pub(crate) fn is_country(&self, name: &str) -> bool {
        with_key(name, |k| self.countries.contains(k))
    }

    /// Whether `word` makes a name an organisation ("Ministry", "Inc").
    pub(crate) fn is_org_word(&self, word: &str) -> bool {
        with_key(word, |k| self.org_words.contains(k))
    }

    /// Whether a name ending in `word` is a place ("Road", "Palace").
    pub(crate) fn is_loc_word(&self, word: &str) -> bool {
        with_key(word, |k| self.loc_words.contains(k))
    }

    /// Whether a name ending in `word` is an event, law or award ("Open", "Treaty").
    pub(crate) fn is_misc_word(&self, word: &str) -> bool {
        with_key(word, |k| self.misc_words.contains(k))
    }

    /// Whether "of"/"for"/"on" after `word` continues the name ("Ministry of ...").
    pub(crate) fn is_of_head(&self, word: &str) -> bool {
        with_key(word, |k| self.of_heads.contains(k))
    }

    /// Whether `word` is a common given name.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        with_key(word, |k| self.first_names.contains(k))
    }

    /// Whether `word` is a title that marks the following name as a person.
    pub(crate) fn is_title_head(&self, word: &str) -> bool {
        with_key(word, |k| self.title_heads.contains(k))
    }

    /// Whether `word` may precede a title head inside a title ("Defense").
    pub(crate) fn is_title_mod(&self, word: &str) -> bool {
        with_key(word, |k| self.title_mods.contains(k))
    }

    /// Whether the capitalised word (exact case) never starts or forms a name.
    pub(crate) fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }
}

/// Calls `f` with the look-up key of `word`: built on the stack for a short
/// ASCII word (the common case, checked for every token), else allocated.
pub(crate) fn with_key<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len()
        && word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_whitespace())
    {
        for (slot, b) in buf.iter_mut().zip(word.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        if let Ok(k) = std::str::from_utf8(&buf[..word.len()]) {
            return f(k);
        }
    }
    f(&key(word))
}

/// The look-up key of a name: lower case, straight apostrophes, single spaces.
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(straight_apostrophe)
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// Maps curly apostrophes to the straight one.
pub(crate) fn straight_apostrophe(c: char) -> char {
    if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
        '\''
    } else {
        c
    }
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn key_set(text: &str) -> FxHashSet<String> {
    lines(text).map(key).collect()
}

fn parse_misc(text: &str) -> FxHashMap<String, String> {
    lines(text)
        .map(|line| match line.split_once('|') {
            Some((word, country)) => (key(word), country.trim().to_owned()),
            None => (key(line), String::new()),
        })
        .collect()
}

fn parse_titles(text: &str) -> (FxHashSet<String>, FxHashSet<String>) {
    let mut heads = FxHashSet::default();
    let mut mods = FxHashSet::default();
    for line in lines(text) {
        if let Some(word) = line.strip_prefix("head ") {
            heads.insert(key(word));
        } else if let Some(word) = line.strip_prefix("mod ") {
            mods.insert(key(word));
        }
    }
    (heads, mods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_answer() {
        let cases: &[(&str, Option<Known>)] = &[
            ("Ukraine", Some(Known::Loc)),
            ("new york", Some(Known::Loc)),
            ("NATO", Some(Known::Org)),
            ("Ukrainian", Some(Known::Misc)),
            ("Palestinians", Some(Known::Misc)),
            ("Rustem", None),
        ];
        for (name, want) in cases {
            assert_eq!(GAZ.known(name), *want, "{name}");
        }
        assert_eq!(GAZ.demonym_country("Ukrainian"), Some("Ukraine"));
        assert!(GAZ.is_country("ukraine"));
        assert!(!GAZ.is_country("Lviv"));
        assert!(GAZ.is_first_name("Volodymyr"));
        assert!(GAZ.is_title_head("minister"));
        assert!(GAZ.is_title_mod("Defense"));
        assert!(GAZ.is_org_word("Ministry"));
        assert!(GAZ.is_stop("The") && !GAZ.is_stop("US"));
    }

    #[test]
    fn key_normalises_case_space_and_apostrophes() {
        assert_eq!(key("O\u{2019}Brien  Group"), "o'brien group");
    }
}
