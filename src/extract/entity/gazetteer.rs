//! Small word lists that guide the entity and role extractors. They are plain text under
//! `assets/gazetteer/`, compiled into the binary and parsed once on first use.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The longest gazetteer phrase, in words; bounds phrase look-ups.
pub(crate) const MAX_PHRASE_WORDS: usize = 5;

/// All lists, parsed once.
pub(crate) static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The parsed lists, merged into one map from look-up key to the lists that hold the key, so that
/// every question about one word costs one look-up. Name keys are lower-case with single spaces
/// and straight apostrophes.
pub(crate) struct Gazetteer {
    entries: FxHashMap<String, Entry>,
    stop: FxHashSet<String>,
    longest: usize,
    /// The first letters and lengths of the title heads' keys.
    title_heads: KeyShapes,
}

/// The first byte and length of each of a set of keys, so that most words can be told apart
/// from all of them without a look-up: the role extractor asks of every word of every text
/// whether it is a title head.
#[derive(Default)]
struct KeyShapes {
    /// For each first byte `a`..=`z` (then one slot for any other), a bit per length (the last
    /// bit for 31 bytes or more).
    lengths: [u32; 27],
}

impl KeyShapes {
    /// Where a key or word starting with `first` and `len` bytes long falls.
    fn slot(first: u8, len: usize) -> (usize, u32) {
        let row = if first.is_ascii_lowercase() {
            usize::from(first - b'a')
        } else {
            26
        };
        (row, 1 << len.min(31))
    }

    /// Adds a look-up key.
    fn add(&mut self, key: &str) {
        if let Some(&first) = key.as_bytes().first() {
            let (row, bit) = KeyShapes::slot(first, key.len());
            self.lengths[row] |= bit;
        }
    }

    /// False only when no key added can be the look-up key of `word`: that key is `word` in
    /// lower case when [`keys_as_lower_case`] says so; any other word may have a key of any
    /// shape.
    fn may_hold(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) if keys_as_lower_case(word) => {
                let (row, bit) = KeyShapes::slot(first.to_ascii_lowercase(), word.len());
                self.lengths[row] & bit != 0
            }
            _ => true,
        }
    }
}

/// What the lists say about one key: a bit per list, and the country of a nationality.
#[derive(Default)]
struct Entry {
    lists: u16,
    country: String,
}

/// The lists, one bit each.
mod list {
    pub(super) const ORG: u16 = 1;
    pub(super) const LOC: u16 = 1 << 1;
    pub(super) const MISC: u16 = 1 << 2;
    /// The plural of a listed nationality ("Russians").
    pub(super) const PLURAL_MISC: u16 = 1 << 3;
    pub(super) const COUNTRY: u16 = 1 << 4;
    pub(super) const ORG_WORD: u16 = 1 << 5;
    pub(super) const LOC_WORD: u16 = 1 << 6;
    pub(super) const MISC_WORD: u16 = 1 << 7;
    pub(super) const OF_HEAD: u16 = 1 << 8;
    pub(super) const FIRST_NAME: u16 = 1 << 9;
    pub(super) const TITLE_HEAD: u16 = 1 << 10;
    pub(super) const TITLE_MOD: u16 = 1 << 11;
    /// The first word of a known name of two or more words.
    pub(super) const PHRASE_START: u16 = 1 << 12;
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

/// Everything the lists say about one word, found with one look-up: for the tagger's features,
/// which ask about every token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordLists {
    lists: u16,
    country: bool,
}

impl WordLists {
    fn has(self, bit: u16) -> bool {
        self.lists & bit != 0
    }

    /// [`Gazetteer::known`] of the word.
    pub(crate) fn known(self) -> Option<Known> {
        known_of(self.lists)
    }

    /// [`Gazetteer::is_first_name`] of the word.
    pub(crate) fn is_first_name(self) -> bool {
        self.has(list::FIRST_NAME)
    }

    /// [`Gazetteer::is_title_head`] of the word.
    pub(crate) fn is_title_head(self) -> bool {
        self.has(list::TITLE_HEAD)
    }

    /// [`Gazetteer::is_title_mod`] of the word.
    pub(crate) fn is_title_mod(self) -> bool {
        self.has(list::TITLE_MOD)
    }

    /// [`Gazetteer::is_org_word`] of the word.
    pub(crate) fn is_org_word(self) -> bool {
        self.has(list::ORG_WORD)
    }

    /// [`Gazetteer::is_loc_word`] of the word.
    pub(crate) fn is_loc_word(self) -> bool {
        self.has(list::LOC_WORD)
    }

    /// [`Gazetteer::is_misc_word`] of the word.
    pub(crate) fn is_misc_word(self) -> bool {
        self.has(list::MISC_WORD)
    }

    /// Whether a known name of two or more words begins with the word.
    pub(crate) fn starts_phrase(self) -> bool {
        self.has(list::PHRASE_START)
    }

    /// Whether [`Gazetteer::demonym_country`] of the word finds a country.
    pub(crate) fn is_demonym(self) -> bool {
        self.country
    }
}

/// The label of a key in the given lists, organisations first.
fn known_of(lists: u16) -> Option<Known> {
    if lists & list::ORG != 0 {
        Some(Known::Org)
    } else if lists & list::LOC != 0 {
        Some(Known::Loc)
    } else if lists & (list::MISC | list::PLURAL_MISC) != 0 {
        Some(Known::Misc)
    } else {
        None
    }
}

impl Gazetteer {
    fn load() -> Self {
        let mut entries: FxHashMap<String, Entry> = FxHashMap::default();
        let mut add = |key: String, bit: u16| entries.entry(key).or_default().lists |= bit;
        let (title_heads, title_mods) =
            parse_titles(include_str!("../../../assets/gazetteer/titles.txt"));
        let mut title_head_shapes = KeyShapes::default();
        for k in title_heads {
            title_head_shapes.add(&k);
            add(k, list::TITLE_HEAD);
        }
        title_mods.into_iter().for_each(|k| add(k, list::TITLE_MOD));
        let misc = parse_misc(include_str!("../../../assets/gazetteer/misc.txt"));
        for (word, country) in &misc {
            add(format!("{word}s"), list::PLURAL_MISC);
            if !country.is_empty() {
                add(key(country), list::COUNTRY);
            }
        }
        let lists = [
            (include_str!("../../../assets/gazetteer/loc.txt"), list::LOC),
            (include_str!("../../../assets/gazetteer/org.txt"), list::ORG),
            (
                include_str!("../../../assets/gazetteer/org_words.txt"),
                list::ORG_WORD,
            ),
            (
                include_str!("../../../assets/gazetteer/loc_words.txt"),
                list::LOC_WORD,
            ),
            (
                include_str!("../../../assets/gazetteer/misc_words.txt"),
                list::MISC_WORD,
            ),
            (
                include_str!("../../../assets/gazetteer/of_heads.txt"),
                list::OF_HEAD,
            ),
            (
                include_str!("../../../assets/gazetteer/first_names.txt"),
                list::FIRST_NAME,
            ),
        ];
        for (text, bit) in lists {
            lines(text).for_each(|line| add(key(line), bit));
        }
        let mut longest = 0;
        for (word, country) in misc {
            let entry = entries.entry(word).or_default();
            entry.lists |= list::MISC;
            entry.country = country;
        }
        let mut phrase_starts = Vec::new();
        for (k, entry) in &entries {
            if entry.lists & (list::ORG | list::LOC | list::MISC) != 0 {
                longest = longest.max(k.split(' ').count());
                if let Some((first, _)) = k.split_once(' ') {
                    phrase_starts.push(first.to_owned());
                }
            }
        }
        for first in phrase_starts {
            entries.entry(first).or_default().lists |= list::PHRASE_START;
        }
        Gazetteer {
            entries,
            stop: lines(include_str!("../../../assets/gazetteer/stop.txt"))
                .map(str::to_owned)
                .collect(),
            longest,
            title_heads: title_head_shapes,
        }
    }

    /// The lists that hold a key.
    fn lists_of_key(&self, key: &str) -> u16 {
        self.entries.get(key).map_or(0, |e| e.lists)
    }

    /// Whether a list holds `word` (in any case).
    fn word_in(&self, word: &str, bit: u16) -> bool {
        with_key(word, |k| self.lists_of_key(k) & bit != 0)
    }

    /// Everything the lists say about `word` (in any case), with one look-up.
    pub(crate) fn word(&self, word: &str) -> WordLists {
        with_key(word, |k| match self.entries.get(k) {
            Some(e) => WordLists {
                lists: e.lists,
                country: !e.country.is_empty(),
            },
            None => WordLists {
                lists: 0,
                country: false,
            },
        })
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
        known_of(self.lists_of_key(key))
    }

    /// The country a demonym belongs to ("Ukrainian" -> "Ukraine").
    pub(crate) fn demonym_country(&self, word: &str) -> Option<&str> {
        with_key(word, |k| self.entries.get(k))
            .map(|e| e.country.as_str())
            .filter(|country| !country.is_empty())
    }

    /// Whether `name` is a country (one that a listed nationality belongs
    /// to): a place that holds many others, so it cannot tell two events
    /// in a city or a park apart.
    pub(crate) fn is_country(&self, name: &str) -> bool {
        self.word_in(name, list::COUNTRY)
    }

    /// Whether `word` makes a name an organisation ("Ministry", "Inc").
    pub(crate) fn is_org_word(&self, word: &str) -> bool {
        self.word_in(word, list::ORG_WORD)
    }

    /// Whether a name ending in `word` is a place ("Road", "Palace").
    pub(crate) fn is_loc_word(&self, word: &str) -> bool {
        self.word_in(word, list::LOC_WORD)
    }

    /// Whether a name ending in `word` is an event, law or award ("Open", "Treaty").
    pub(crate) fn is_misc_word(&self, word: &str) -> bool {
        self.word_in(word, list::MISC_WORD)
    }

    /// Whether "of"/"for"/"on" after `word` continues the name ("Ministry of ...").
    pub(crate) fn is_of_head(&self, word: &str) -> bool {
        self.word_in(word, list::OF_HEAD)
    }

    /// Whether `word` is a common given name.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.word_in(word, list::FIRST_NAME)
    }

    /// Whether `word` is a title that marks the following name as a person.
    pub(crate) fn is_title_head(&self, word: &str) -> bool {
        self.title_heads.may_hold(word) && self.word_in(word, list::TITLE_HEAD)
    }

    /// Whether `word` may precede a title head inside a title ("Defense").
    pub(crate) fn is_title_mod(&self, word: &str) -> bool {
        self.word_in(word, list::TITLE_MOD)
    }

    /// Whether the capitalised word (exact case) never starts or forms a name.
    pub(crate) fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }
}

/// Whether the look-up [`key`] of `word` is `word` in ASCII lower case, of the same length: it is
/// ASCII and holds no white space.
fn keys_as_lower_case(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_whitespace())
}

/// Calls `f` with the look-up key of `word`: built on the stack for a short
/// ASCII word (the common case, checked for every token), else allocated.
pub(crate) fn with_key<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && keys_as_lower_case(word) {
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
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(
                word.chars()
                    .map(straight_apostrophe)
                    .flat_map(char::to_lowercase),
            );
        }
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

    #[test]
    fn every_title_head_passes_its_shape_test_in_any_case() {
        let (heads, _) = parse_titles(include_str!("../../../assets/gazetteer/titles.txt"));
        assert!(heads.len() > 20);
        for head in heads {
            for written in [head.clone(), head.to_uppercase(), capitalised(&head)] {
                assert!(GAZ.is_title_head(&written), "{written}");
            }
        }
        assert!(!GAZ.title_heads.may_hold("the") && !GAZ.is_title_head("the"));
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    proptest::proptest! {
        #[test]
        fn the_shape_test_turns_away_no_title_head(
            word in "(?i:minister|president|mr\\.|sgt\\.|[a-zA-Z.'\u{2019}É -]{0,12})",
        ) {
            proptest::prop_assert_eq!(
                GAZ.is_title_head(&word),
                GAZ.word_in(&word, list::TITLE_HEAD)
            );
        }

        #[test]
        fn ascii_words_key_as_char_by_char(name in "[ a-zA-Z'\u{2019}\u{0B}\u{A0}ÉİΣ.-]{0,24}") {
            let words: Vec<String> = name
                .split_whitespace()
                .map(|w| w.chars().map(straight_apostrophe).flat_map(char::to_lowercase).collect())
                .collect();
            proptest::prop_assert_eq!(key(&name), words.join(" "));
        }
    }
}
