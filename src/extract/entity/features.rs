//! What the statistical entity tagger sees of each token: the word and its neighbours, their
//! shapes and affixes, gazetteer hits, what the whole document says about the word, and the tag
//! the rule-based extractor gave it. Every feature is a template number and a value hashed
//! together into one 32-bit id.

use std::sync::LazyLock;

use super::gazetteer::{GAZ, Known, MAX_PHRASE_WORDS, WordLists, key};
use super::perceptron::{TAGS, Tag};
use super::resolve::{Doc, Span};
use super::token::{Kind, Token, starts_upper};
use super::vocab::Vocab;

/// The feature templates. Their numbers are part of the trained weights: renumbering one means
/// training again.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Template {
    Bias = 0,
    Lower,
    Cased,
    Prefix1,
    Prefix2,
    Prefix3,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Shape,
    Position,
    PrevLower,
    NextLower,
    Prev2Lower,
    Next2Lower,
    PrevShapeShape,
    ShapeNextShape,
    PrevLowerLower,
    LowerNextLower,
    RuleTag,
    RulePrevTag,
    RuleNextTag,
    RuleReason,
    RuleTagShape,
    RuleTagPosition,
    WordClass,
    PhraseClass,
    DocCase,
    PrevTag,
    PrevTwoTags,
    PrevTagLower,
    PrevTagShape,
}

/// A value's 64-bit hash (FNV-1a over its bytes); feature ids combine these.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Value(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

impl Value {
    /// The value outside the text, before the first token or after the last.
    const EDGE: Value = Value(0x9e37_79b9_7f4a_7c15);

    fn of_bytes(bytes: &[u8]) -> Value {
        Value::of_bytes_with(bytes, |b| *b)
    }

    fn of_chars(chars: impl Iterator<Item = char>) -> Value {
        let mut buf = [0u8; 4];
        Value(chars.fold(FNV_OFFSET, |h, c| {
            c.encode_utf8(&mut buf)
                .bytes()
                .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
        }))
    }

    /// The hash of `text` in lower case, without building the lower-case string
    /// (byte by byte for ASCII, the common case: the same hash).
    fn lower(text: &str) -> Value {
        if text.is_ascii() {
            return Value::of_bytes_with(text.as_bytes(), u8::to_ascii_lowercase);
        }
        Value::chars_lower(text)
    }

    /// [`Value::lower`] of any text, char by char.
    fn chars_lower(text: &str) -> Value {
        Value::of_chars(text.chars().flat_map(char::to_lowercase))
    }

    /// The hash of `bytes`, each mapped by `map`.
    fn of_bytes_with(bytes: &[u8], map: impl Fn(&u8) -> u8) -> Value {
        Value(bytes.iter().fold(FNV_OFFSET, |h, b| {
            (h ^ u64::from(map(b))).wrapping_mul(FNV_PRIME)
        }))
    }

    /// The hash of the word's shape with runs collapsed: "Xx" for "Kiev", "X.X." for "U.S.",
    /// "d,d" for "1,000".
    fn shape(text: &str) -> Value {
        if text.is_ascii() {
            return Value::ascii_shape(text.as_bytes());
        }
        Value::chars_shape(text)
    }

    /// [`Value::shape`] of any word, char by char.
    fn chars_shape(text: &str) -> Value {
        let mut last = None;
        Value::of_chars(text.chars().filter_map(|c| {
            let s = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            (last.replace(s) != Some(s)).then_some(s)
        }))
    }

    /// [`Value::shape`] of an ASCII word, byte by byte (the same hash).
    fn ascii_shape(bytes: &[u8]) -> Value {
        let mut last = None;
        let mut h = FNV_OFFSET;
        for &b in bytes {
            let s = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            if last.replace(s) != Some(s) {
                h = (h ^ u64::from(s)).wrapping_mul(FNV_PRIME);
            }
        }
        Value(h)
    }
}

/// A feature id: the template and its values mixed and folded to 32 bits.
fn id(template: Template, values: &[Value]) -> u32 {
    let mut h = (template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for v in values {
        h = (h ^ v.0).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
    }
    (h ^ (h >> 32)) as u32
}

/// The first `n` characters of `text`, or all of it.
fn prefix(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of `text`, or all of it.
fn suffix(text: &str, n: usize) -> &str {
    text.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(text, |(i, _)| &text[i..])
}

/// A fixed value for each of a few words.
fn word(text: &str) -> Value {
    Value::of_bytes(text.as_bytes())
}

/// How many features a token's own text gives ([`word_ids`]). They come first among a token's
/// features, so the sum of their weights can be kept per word.
pub(crate) const WORD_FEATURES: usize = 11;

/// The features of a token's own text, in template order: the same wherever the word occurs.
pub(crate) fn word_ids(text: &str) -> [u32; WORD_FEATURES] {
    let affix = |template, part: &str| id(template, &[Value::lower(part)]);
    [
        id(Template::Bias, &[]),
        id(Template::Lower, &[Value::lower(text)]),
        id(Template::Cased, &[word(text)]),
        affix(Template::Prefix1, prefix(text, 1)),
        affix(Template::Prefix2, prefix(text, 2)),
        affix(Template::Prefix3, prefix(text, 3)),
        affix(Template::Suffix1, suffix(text, 1)),
        affix(Template::Suffix2, suffix(text, 2)),
        affix(Template::Suffix3, suffix(text, 3)),
        affix(Template::Suffix4, suffix(text, 4)),
        id(Template::Shape, &[Value::shape(text)]),
    ]
}

/// What the features read of a word's text alone: the same in every document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// [`Value::lower`] of the text.
    lower: Value,
    /// [`Value::shape`] of the text.
    shape: Value,
    /// The gazetteer's entry for it.
    lists: WordLists,
    /// Whether it is a stop word.
    stop: bool,
}

impl WordFacts {
    /// Whether the word is a stop word.
    pub(crate) fn is_stop(&self) -> bool {
        self.stop
    }

    /// Reads `text`.
    pub(crate) fn of(text: &str) -> WordFacts {
        WordFacts {
            lower: Value::lower(text),
            shape: Value::shape(text),
            lists: GAZ.word(text),
            stop: GAZ.is_stop(text),
        }
    }

    /// The facts of each of `texts`, in order.
    pub(crate) fn of_each(texts: &[&str]) -> Vec<WordFacts> {
        texts.iter().map(|&text| WordFacts::of(text)).collect()
    }
}

/// The features of every token of one document that depend on its neighbours and the rules,
/// computed once; the tokens' own [`word_ids`] come before them, and the tag-history features
/// after them, added while decoding because they depend on the tags chosen.
pub(crate) struct DocFeatures<'a> {
    vocab: Vocab<'a>,
    ids: Vec<u32>,
    starts: Vec<usize>,
    lower: Vec<Value>,
    shapes: Vec<Value>,
    rules: Vec<Tag>,
}

impl<'a> DocFeatures<'a> {
    /// Computes the features of `tokens`, given the [`WordFacts`] of each distinct text (by its
    /// number in `vocab`), the headline lines, the document's word evidence and the rule-based
    /// extractor's spans.
    pub(crate) fn new(
        tokens: &[Token<'a>],
        vocab: &Vocab<'a>,
        facts: &[WordFacts],
        headlines: &[bool],
        doc: &Doc,
        rules: &[Span],
    ) -> DocFeatures<'a> {
        let lower = vocab.per_token(&facts.iter().map(|f| f.lower).collect::<Vec<_>>());
        let shapes = vocab.per_token(&facts.iter().map(|f| f.shape).collect::<Vec<_>>());
        let cases =
            vocab.each(|w| starts_upper(w).then(|| (doc.has_lower(w), doc.has_mid_capitalised(w))));
        let (rule_tags, rule_reasons) = rule_tags(tokens.len(), rules);
        let phrases = phrase_classes(tokens, vocab, facts);
        let at = |values: &[Value], i: usize, offset: isize| {
            i.checked_add_signed(offset)
                .and_then(|j| values.get(j))
                .copied()
                .unwrap_or(Value::EDGE)
        };
        let tag_at = |i: usize, offset: isize| {
            i.checked_add_signed(offset)
                .and_then(|j| rule_tags.get(j))
                .map_or(TAGS, |t| t.index())
        };
        let fixed = &*FIXED;
        let mut ids = Vec::with_capacity(tokens.len() * 24);
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        for (i, t) in tokens.iter().enumerate() {
            starts.push(ids.len());
            let position = match (headlines[t.line], t.sentence_start) {
                // indices into POSITIONS
                (true, _) => 0,
                (false, true) => 1,
                (false, false) => 2,
            };
            let (w, sh) = (lower[i], shapes[i]);
            let tag = rule_tags[i].index();
            let rule = fixed.rule_values[tag];
            ids.push(fixed.position[position]);
            ids.push(id(Template::PrevLower, &[at(&lower, i, -1)]));
            ids.push(id(Template::NextLower, &[at(&lower, i, 1)]));
            ids.push(id(Template::Prev2Lower, &[at(&lower, i, -2)]));
            ids.push(id(Template::Next2Lower, &[at(&lower, i, 2)]));
            ids.push(id(Template::PrevShapeShape, &[at(&shapes, i, -1), sh]));
            ids.push(id(Template::ShapeNextShape, &[sh, at(&shapes, i, 1)]));
            ids.push(id(Template::PrevLowerLower, &[at(&lower, i, -1), w]));
            ids.push(id(Template::LowerNextLower, &[w, at(&lower, i, 1)]));
            ids.push(fixed.rule_tag[tag]);
            ids.push(fixed.rule_prev_tag[tag_at(i, -1)][tag]);
            ids.push(fixed.rule_next_tag[tag][tag_at(i, 1)]);
            ids.push(match rule_reasons[i] {
                NO_REASON => fixed.rule_no_reason[tag],
                reason => id(Template::RuleReason, &[rule, word(reason)]),
            });
            ids.push(id(Template::RuleTagShape, &[rule, sh]));
            ids.push(fixed.rule_tag_position[tag][position]);
            let own = facts[vocab.of(i)];
            for class in word_classes(t, own.lists, own.stop) {
                ids.push(fixed.word_class[class as usize]);
            }
            if let Some(phrase) = phrases[i] {
                ids.push(id(Template::PhraseClass, &[word(phrase)]));
            }
            if let Some(case) = document_case(t, headlines, cases[vocab.of(i)]) {
                ids.push(id(Template::DocCase, &[word(case)]));
            }
        }
        starts.push(ids.len());
        DocFeatures {
            vocab: vocab.clone(),
            ids,
            starts,
            lower,
            shapes,
            rules: rule_tags,
        }
    }

    /// The tag the rules gave token `i`.
    pub(crate) fn rule_tag(&self, i: usize) -> Tag {
        self.rules[i]
    }

    /// How many tokens there are.
    pub(crate) fn len(&self) -> usize {
        self.lower.len()
    }

    /// The text of token `i`, which gives its [`word_ids`].
    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.vocab.texts()[self.vocab.of(i)]
    }

    /// The document's distinct token texts, by number.
    pub(crate) fn words(&self) -> &[&'a str] {
        self.vocab.texts()
    }

    /// The number of token `i`'s text among [`DocFeatures::words`].
    pub(crate) fn word(&self, i: usize) -> usize {
        self.vocab.of(i)
    }

    /// Fills `into` with the features of token `i` that follow its [`word_ids`]: those of its
    /// context, then its tag-history features.
    pub(crate) fn context(&self, i: usize, prev: Tag, prev2: Tag, into: &mut Vec<u32>) {
        into.clear();
        into.extend_from_slice(&self.ids[self.starts[i]..self.starts[i + 1]]);
        let p = Value(prev.index() as u64);
        let fixed = &*FIXED;
        into.push(fixed.prev_tag[prev.index()]);
        into.push(fixed.prev_two_tags[prev2.index()][prev.index()]);
        into.push(id(Template::PrevTagLower, &[p, self.lower[i]]));
        into.push(id(Template::PrevTagShape, &[p, self.shapes[i]]));
    }
}

/// How the document writes a capitalised body word elsewhere: also in lower case, also
/// capitalised inside sentences, both or neither. `case` is what [`Doc`] says of a word that
/// starts with a capital (`None` for any other).
fn document_case(
    t: &Token<'_>,
    headlines: &[bool],
    case: Option<(bool, bool)>,
) -> Option<&'static str> {
    let (has_lower, has_mid_capitalised) = case?;
    if t.kind != Kind::Word || headlines[t.line] {
        return None;
    }
    Some(match (has_lower, has_mid_capitalised) {
        (true, true) => "both",
        (true, false) => "lower-elsewhere",
        (false, true) => "capitalised-elsewhere",
        (false, false) => "only-here",
    })
}

/// The reason feature's value for a token the rules left out of every name.
const NO_REASON: &str = "none";

/// The ids of the features whose values come from small fixed sets (tags, positions, word
/// classes), worked out once: they recur in every token's features. Index [`TAGS`] among the
/// neighbours' tags stands for the edge of the text.
struct FixedIds {
    rule_values: [Value; TAGS],
    position: [u32; 3],
    rule_tag: [u32; TAGS],
    rule_prev_tag: [[u32; TAGS]; TAGS + 1],
    rule_next_tag: [[u32; TAGS + 1]; TAGS],
    rule_no_reason: [u32; TAGS],
    rule_tag_position: [[u32; 3]; TAGS],
    word_class: [u32; WORD_CLASSES.len()],
    prev_tag: [u32; TAGS],
    prev_two_tags: [[u32; TAGS]; TAGS],
}

/// The token positions in the order of [`FixedIds::position`].
const POSITIONS: [&str; 3] = ["headline", "sentence-start", "inside"];

static FIXED: LazyLock<FixedIds> = LazyLock::new(|| {
    let rule_values: [Value; TAGS] = std::array::from_fn(|t| word(Tag::from_index(t).name()));
    let neighbour = |t: usize| rule_values.get(t).copied().unwrap_or(Value::EDGE);
    let position: [Value; 3] = POSITIONS.map(word);
    let history = |t: usize| Value(t as u64);
    FixedIds {
        rule_values,
        position: position.map(|p| id(Template::Position, &[p])),
        rule_tag: rule_values.map(|r| id(Template::RuleTag, &[r])),
        rule_prev_tag: std::array::from_fn(|prev| {
            rule_values.map(|r| id(Template::RulePrevTag, &[neighbour(prev), r]))
        }),
        rule_next_tag: rule_values
            .map(|r| std::array::from_fn(|next| id(Template::RuleNextTag, &[r, neighbour(next)]))),
        rule_no_reason: rule_values.map(|r| id(Template::RuleReason, &[r, word(NO_REASON)])),
        rule_tag_position: rule_values
            .map(|r| position.map(|p| id(Template::RuleTagPosition, &[r, p]))),
        word_class: WORD_CLASSES.map(|c| id(Template::WordClass, &[word(c.name())])),
        prev_tag: std::array::from_fn(|p| id(Template::PrevTag, &[history(p)])),
        prev_two_tags: std::array::from_fn(|p2| {
            std::array::from_fn(|p| id(Template::PrevTwoTags, &[history(p2), history(p)]))
        }),
    }
});

/// The rule-based extractor's tag and reason for every token.
fn rule_tags(len: usize, rules: &[Span]) -> (Vec<Tag>, Vec<&'static str>) {
    let mut tags = vec![Tag::O; len];
    let mut reasons = vec![NO_REASON; len];
    for span in rules {
        for i in span.first..=span.last.min(len.saturating_sub(1)) {
            tags[i] = if i == span.first {
                Tag::begin(span.label)
            } else {
                Tag::inside(span.label)
            };
            reasons[i] = span.reason;
        }
    }
    (tags, reasons)
}

/// What the word lists say about the single word, given its entry (`lists`) and whether it is a
/// stop word. Names and name words count only for capitalised words; titles for every word
/// ("president").
fn word_classes(t: &Token<'_>, lists: WordLists, stop: bool) -> impl Iterator<Item = WordClass> {
    let is_word = t.kind == Kind::Word;
    let name = is_word && starts_upper(t.text);
    let known = if name { lists.known() } else { None };
    [
        known.map(|k| match k {
            Known::Loc => WordClass::KnownLoc,
            Known::Org => WordClass::KnownOrg,
            Known::Misc => WordClass::KnownMisc,
        }),
        (name && lists.is_first_name()).then_some(WordClass::FirstName),
        (is_word && lists.is_title_head()).then_some(WordClass::Title),
        (is_word && lists.is_title_mod()).then_some(WordClass::TitleModifier),
        (name && lists.is_org_word()).then_some(WordClass::OrgWord),
        (name && lists.is_loc_word()).then_some(WordClass::LocWord),
        (name && lists.is_misc_word()).then_some(WordClass::MiscWord),
        (name && stop).then_some(WordClass::Stop),
        (name && lists.is_demonym()).then_some(WordClass::Demonym),
        (t.kind == Kind::Possessive).then_some(WordClass::Possessive),
    ]
    .into_iter()
    .flatten()
}

/// What the word lists say about a single word: the values of the word-class feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    KnownLoc,
    KnownOrg,
    KnownMisc,
    FirstName,
    Title,
    TitleModifier,
    OrgWord,
    LocWord,
    MiscWord,
    Stop,
    Demonym,
    Possessive,
}

/// Every word class, in the order of its number.
const WORD_CLASSES: [WordClass; 12] = [
    WordClass::KnownLoc,
    WordClass::KnownOrg,
    WordClass::KnownMisc,
    WordClass::FirstName,
    WordClass::Title,
    WordClass::TitleModifier,
    WordClass::OrgWord,
    WordClass::LocWord,
    WordClass::MiscWord,
    WordClass::Stop,
    WordClass::Demonym,
    WordClass::Possessive,
];

impl WordClass {
    /// The name the feature hashes: part of the trained weights.
    fn name(self) -> &'static str {
        match self {
            WordClass::KnownLoc => "known-loc",
            WordClass::KnownOrg => "known-org",
            WordClass::KnownMisc => "known-misc",
            WordClass::FirstName => "first-name",
            WordClass::Title => "title",
            WordClass::TitleModifier => "title-modifier",
            WordClass::OrgWord => "org-word",
            WordClass::LocWord => "loc-word",
            WordClass::MiscWord => "misc-word",
            WordClass::Stop => "stop",
            WordClass::Demonym => "demonym",
            WordClass::Possessive => "possessive",
        }
    }
}

/// For each token inside a gazetteer name of two or more words, its place and class
/// ("B-ORG" for "European" in "European Union"); `facts` are each distinct word's [`WordFacts`].
fn phrase_classes(
    tokens: &[Token<'_>],
    vocab: &Vocab<'_>,
    facts: &[WordFacts],
) -> Vec<Option<&'static str>> {
    let mut out = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let starts_name = tokens[i].kind == Kind::Word
            && starts_upper(tokens[i].text)
            && facts[vocab.of(i)].lists.starts_phrase();
        let found = starts_name.then(|| longest_phrase(tokens, i)).flatten();
        let Some((last, known)) = found else {
            i += 1;
            continue;
        };
        let (begin, inside) = match known {
            Known::Loc => ("B-LOC", "I-LOC"),
            Known::Org => ("B-ORG", "I-ORG"),
            Known::Misc => ("B-MISC", "I-MISC"),
        };
        out[i] = Some(begin);
        for slot in &mut out[i + 1..=last] {
            *slot = Some(inside);
        }
        i = last + 1;
    }
    out
}

/// The last token and class of the longest gazetteer name of two or more words at `first`, a
/// word that starts one. The look-up key of the longest run is built once; each shorter name's
/// key is its start.
fn longest_phrase(tokens: &[Token<'_>], first: usize) -> Option<(usize, Known)> {
    let line = tokens[first].line;
    let mut joined = key(tokens[first].text);
    let mut ends = Vec::with_capacity(MAX_PHRASE_WORDS - 1);
    for (j, t) in tokens.iter().enumerate().skip(first + 1) {
        if ends.len() + 1 == MAX_PHRASE_WORDS || t.line != line || t.kind == Kind::Punct {
            break;
        }
        joined.push(' ');
        joined.push_str(&key(t.text));
        ends.push((j, joined.len()));
    }
    ends.iter()
        .rev()
        .find_map(|&(j, len)| Some((j, GAZ.known_key(&joined[..len])?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_facts_read_the_word_in_any_case() {
        let [upper, lower, stop] = WordFacts::of_each(&["MAYOR", "mayor", "The"])[..] else {
            panic!("one fact per word");
        };
        assert_eq!(upper.lower, lower.lower);
        assert_ne!(upper.shape, lower.shape);
        assert!(stop.is_stop() && !lower.is_stop());
        assert_eq!(upper.lists, GAZ.word("mayor"));
    }

    #[test]
    fn shapes_affixes_and_ids() {
        assert_eq!(Value::shape("Kiev"), Value::of_bytes(b"Xx"));
        assert_eq!(Value::shape("U.S."), Value::of_bytes(b"X.X."));
        assert_eq!(Value::shape("1,000"), Value::of_bytes(b"d,d"));
        assert_eq!(Value::lower("KyIV"), Value::of_bytes(b"kyiv"));
        assert_eq!(Value::lower("ÉtÉ"), Value::of_bytes("été".as_bytes()));
        assert_eq!(Value::shape("Été-2"), Value::of_bytes(b"Xx-d"));
        assert_eq!((prefix("Kyiv", 2), suffix("Kyiv", 3)), ("Ky", "yiv"));
        assert_eq!((prefix("é", 3), suffix("ab", 4)), ("é", "ab"));
        let (a, b) = (word("a"), word("b"));
        assert_ne!(id(Template::Lower, &[a, b]), id(Template::Lower, &[b, a]));
        assert_ne!(id(Template::Lower, &[a]), id(Template::Cased, &[a]));
    }

    #[test]
    fn fixed_ids_are_the_ids_of_their_values() {
        let fixed = &*FIXED;
        let tag = |t: usize| word(Tag::from_index(t).name());
        for t in 0..TAGS {
            assert_eq!(fixed.rule_tag[t], id(Template::RuleTag, &[tag(t)]));
            let first = id(Template::RulePrevTag, &[Value::EDGE, tag(t)]);
            assert_eq!(fixed.rule_prev_tag[TAGS][t], first);
            let next = id(Template::RuleNextTag, &[tag(t), tag(TAGS - 1 - t)]);
            assert_eq!(fixed.rule_next_tag[t][TAGS - 1 - t], next);
            let inside = id(Template::RuleTagPosition, &[tag(t), word("inside")]);
            assert_eq!(fixed.rule_tag_position[t][2], inside);
            let two = id(Template::PrevTwoTags, &[Value(3), Value(t as u64)]);
            assert_eq!(fixed.prev_two_tags[3][t], two);
        }
        for (n, class) in WORD_CLASSES.into_iter().enumerate() {
            assert_eq!(class as usize, n);
            let expected = id(Template::WordClass, &[word(class.name())]);
            assert_eq!(fixed.word_class[n], expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_hash_as_char_by_char(word in "[ -~]{0,12}") {
            proptest::prop_assert_eq!(Value::lower(&word), Value::chars_lower(&word));
            proptest::prop_assert_eq!(Value::shape(&word), Value::chars_shape(&word));
        }
    }

    #[test]
    fn gazetteer_phrases_mark_every_word() {
        let tokens = super::super::token::tokenize("He met the European Union in Brussels.");
        let vocab = Vocab::new(&tokens);
        let classes = phrase_classes(&tokens, &vocab, &WordFacts::of_each(vocab.texts()));
        let words: Vec<(&str, Option<&str>)> = tokens
            .iter()
            .zip(classes)
            .map(|(t, c)| (t.text, c))
            .collect();
        assert!(words.contains(&("European", Some("B-ORG"))), "{words:?}");
        assert!(words.contains(&("Union", Some("I-ORG"))), "{words:?}");
        assert!(words.contains(&("Brussels", None)), "{words:?}");
    }
}
