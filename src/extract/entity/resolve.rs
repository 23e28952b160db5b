//! Turns one run of capitalised tokens into labelled name spans: splits off titles and
//! nationalities, drops ordinary words that are capitalised only because they start a sentence,
//! and guesses the label.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::gazetteer::{GAZ, Known, key, with_key};
use super::token::{Kind, Token, with_lower};
use super::vocab::Vocab;

/// An entity label (CoNLL classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Anything else named: nationalities, languages, events.
    Misc,
}

impl Label {
    /// The label as written in candidates.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// The label of a gazetteer class.
    pub(crate) fn from_known(known: Known) -> Label {
        match known {
            Known::Loc => Label::Loc,
            Known::Org => Label::Org,
            Known::Misc => Label::Misc,
        }
    }
}

/// A labelled name: the inclusive token range `first..=last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
    /// The label chosen.
    pub label: Label,
    /// Which rule chose it.
    pub reason: &'static str,
    /// Whether the evidence was firm (gazetteer, title, given name) rather than a guess.
    pub firm: bool,
}

/// What the whole document says about words: which appear in lower case, and which appear
/// capitalised away from a sentence start. A word written in lower case is kept as the text
/// writes it, without a copy.
pub(crate) struct Doc<'a> {
    lower: FxHashSet<Cow<'a, str>>,
    mid_capitalised: FxHashSet<String>,
}

impl<'a> Doc<'a> {
    /// Collects word evidence from the body lines of the document: which of its words appear
    /// there, and how, is marked per token; the sets take each distinct word once.
    pub(crate) fn new(
        tokens: &[Token<'a>],
        vocab: &Vocab<'a>,
        capitalised: &[bool],
        headlines: &[bool],
    ) -> Doc<'a> {
        let mut seen = vec![Seen::Not; vocab.texts().len()];
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != Kind::Word || headlines[t.line] {
                continue;
            }
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                seen[vocab.of(i)] = Seen::Lower;
            } else if capitalised[vocab.of(i)] && !t.sentence_start {
                seen[vocab.of(i)] = Seen::MidCapitalised;
            }
        }
        let mut lower = FxHashSet::default();
        let mut mid_capitalised = FxHashSet::default();
        for (&text, how) in vocab.texts().iter().zip(seen) {
            match how {
                Seen::Lower => with_lower(text, |w| {
                    if !lower.contains(w) {
                        lower.insert(if w == text {
                            Cow::Borrowed(text)
                        } else {
                            Cow::Owned(w.to_owned())
                        });
                    }
                }),
                Seen::MidCapitalised => with_key(text, |k| {
                    if !mid_capitalised.contains(k) {
                        mid_capitalised.insert(k.to_owned());
                    }
                }),
                Seen::Not => {}
            }
        }
        Doc {
            lower,
            mid_capitalised,
        }
    }

    /// Whether `word` appears in lower case in the body.
    pub(crate) fn has_lower(&self, word: &str) -> bool {
        with_lower(word, |w| self.lower.contains(w))
    }

    /// Whether `word` appears capitalised away from a sentence start in the body.
    pub(crate) fn has_mid_capitalised(&self, word: &str) -> bool {
        with_key(word, |k| self.mid_capitalised.contains(k))
    }
}

/// How a distinct word appears on the body lines, as [`Doc`] records it: a word that starts in
/// lower case never counts as capitalised, so one mark per word suffices.
#[derive(Clone, Copy)]
enum Seen {
    Not,
    Lower,
    MidCapitalised,
}

/// The reason given when a single word was labelled by default, with no clue at all.
pub(crate) const NO_CLUE: &str = "single-word";

/// Lower-case words after which a single unknown name is a place ("in Tavildara").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "towards",
    "toward",
    "into",
    "via",
];

/// Verbs of saying after which an unknown name is a person ("Sherbatov said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "wrote",
    "explained",
];

/// Endings of single words that are usually places.
const PLACE_ENDINGS: &[&str] = &["stan", "burg", "grad", "ville", "polis", "abad", "istan"];

/// Endings of single words that are usually surnames.
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "enko", "sky", "skiy", "ski", "vich", "vic", "ić", "uk", "chuk",
    "son", "sen", "ez", "escu", "poulos", "idis", "yan", "ian", "ishvili", "ini", "elli",
];

/// Labelled spans for the run `first..=last`.
pub(crate) fn resolve_run(tokens: &[Token<'_>], first: usize, last: usize, doc: &Doc) -> Vec<Span> {
    let mut spans = Vec::new();
    let run = Run { tokens, doc };
    if let Some(name) = name_after_title_of(tokens, first, last) {
        run.resolve_into(name, last, run.last_org(name, last), true, &mut spans);
        return spans;
    }
    let after_title = title_before(tokens, first);
    run.resolve_into(
        first,
        last,
        run.last_org(first, last),
        after_title,
        &mut spans,
    );
    spans
}

/// The tokens and document a run of name words is resolved in.
struct Run<'t, 'a> {
    tokens: &'t [Token<'a>],
    doc: &'t Doc<'a>,
}

impl Run<'_, '_> {
    /// The last organisation word ("Ministry") in `first..=last`.
    fn last_org(&self, first: usize, last: usize) -> Option<usize> {
        (first..=last)
            .rev()
            .find(|&i| GAZ.is_org_word(self.tokens[i].text))
    }

    /// Resolves `first..=last` into `out`, given its last organisation word (`last_org`): a
    /// known name whole, else split around its first title, else one labelled span. Each
    /// step reads only the words it needs, so a long run costs time in proportion to it.
    fn resolve_into(
        &self,
        first: usize,
        last: usize,
        last_org: Option<usize>,
        after_title: bool,
        out: &mut Vec<Span>,
    ) {
        let tokens = self.tokens;
        let known = (last - first < GAZ.longest_known())
            .then(|| GAZ.known(&span_text_key(tokens, first, last)))
            .flatten();
        if let Some(known) = known {
            out.push(span(
                first,
                last,
                Label::from_known(known),
                "gazetteer",
                true,
            ));
            return;
        }
        if let Some((title_first, title_last)) = find_title(tokens, first, last, last_org) {
            if title_first > first {
                let left_org = self.last_org(first, title_first - 1);
                self.resolve_into(first, title_first - 1, left_org, after_title, out);
            }
            if title_last < last {
                let right_org = last_org.filter(|&i| i > title_last);
                self.resolve_into(title_last + 1, last, right_org, true, out);
            }
            return;
        }
        self.resolve_plain(first, last, after_title, out);
    }

    /// Resolves a run with no known name and no title in it.
    fn resolve_plain(&self, first: usize, last: usize, after_title: bool, out: &mut Vec<Span>) {
        let (tokens, doc) = (self.tokens, self.doc);
        let Some(first) = drop_sentence_starter(tokens, first, last, doc) else {
            return;
        };
        if first < last && demonym_prefix(tokens, first, last) {
            out.push(span(first, first, Label::Misc, "gazetteer", true));
            self.resolve_into(first + 1, last, self.last_org(first + 1, last), false, out);
            return;
        }
        out.push(label_run(tokens, first, last, after_title));
    }
}

fn span(first: usize, last: usize, label: Label, reason: &'static str, firm: bool) -> Span {
    Span {
        first,
        last,
        label,
        reason,
        firm,
    }
}

fn span_text_key(tokens: &[Token<'_>], first: usize, last: usize) -> String {
    let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text).collect();
    key(&words.join(" "))
}

/// Where the name begins in a run that ends a title such as "Secretary of State Marco Rubio":
/// the run follows "of" after a title word and holds a listed given name after its start.
fn name_after_title_of(tokens: &[Token<'_>], first: usize, last: usize) -> Option<usize> {
    let of = tokens.get(first.checked_sub(1)?)?;
    let title = tokens.get(first.checked_sub(2)?)?;
    if of.text != "of" || !GAZ.is_title_head(title.text) {
        return None;
    }
    (first + 1..=last).find(|&i| GAZ.is_first_name(tokens[i].text))
}

/// Whether a lower-case title word stands right before the run ("captain Chris Lewis").
fn title_before(tokens: &[Token<'_>], first: usize) -> bool {
    first
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| {
            t.kind == Kind::Word
                && t.text.chars().next().is_some_and(char::is_lowercase)
                && GAZ.is_title_head(t.text)
        })
}

/// The first title inside the run (modifiers then heads, "Defense Minister"), as a token range.
/// A title counts only where a name token (not a connector) precedes it, or at the run start,
/// and not when an organisation word follows it ("Justice Department"); `last_org` is the last
/// organisation word of the run.
fn find_title(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
    last_org: Option<usize>,
) -> Option<(usize, usize)> {
    (first..=last).find_map(|p| {
        if p > first && !tokens[p - 1].is_capitalised() {
            return None;
        }
        let end = title_at(tokens, p, last)?;
        let org_after = last_org.is_some_and(|i| i > end);
        (!org_after).then_some((p, end))
    })
}

/// The end of a title starting at `p`: any modifiers, then at least one head word.
fn title_at(tokens: &[Token<'_>], p: usize, last: usize) -> Option<usize> {
    let mut end = None;
    for (i, t) in tokens.iter().enumerate().take(last + 1).skip(p) {
        let word = t.text;
        if GAZ.is_title_head(word) {
            end = Some(i);
        } else if !(GAZ.is_title_mod(word) && end.is_none()) {
            break;
        }
    }
    end
}

/// Drops the first word of a run when it is capitalised only because it starts a sentence.
/// Returns the new first token, or `None` when nothing is left.
fn drop_sentence_starter(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
    doc: &Doc,
) -> Option<usize> {
    let t = &tokens[first];
    if !t.sentence_start || is_known_word(t, doc) {
        return Some(first);
    }
    let ordinary = doc.has_lower(t.text);
    let known_next = first < last && is_listed_name(tokens[first + 1].text);
    if !ordinary && !known_next && (first < last || looks_like_surname(t.text)) {
        return Some(first);
    }
    let next =
        (first + 1..=last).find(|&i| tokens[i].is_capitalised() || tokens[i].is_initial())?;
    Some(next)
}

/// Whether a word is a name whatever its position: listed, an acronym, or seen capitalised
/// inside a sentence elsewhere in the document.
fn is_known_word(t: &Token<'_>, doc: &Doc) -> bool {
    is_listed_name(t.text) || t.is_acronym() || doc.has_mid_capitalised(t.text)
}

/// Whether a word is a listed place, organisation, nationality or given name.
fn is_listed_name(word: &str) -> bool {
    GAZ.known(word).is_some() || GAZ.is_first_name(word)
}

fn looks_like_surname(word: &str) -> bool {
    let lower = word.to_lowercase();
    SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Whether the run begins with a nationality followed by something else ("Australian Tom Moody").
fn demonym_prefix(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    GAZ.known(tokens[first].text) == Some(Known::Misc)
        && !(first + 1..=last).any(|i| GAZ.is_org_word(tokens[i].text))
}

/// Guesses the label of a run that no gazetteer names as a whole.
fn label_run(tokens: &[Token<'_>], first: usize, last: usize, after_title: bool) -> Span {
    let words = &tokens[first..=last];
    let single = first == last;
    let head = words[0].text;
    let tail = words[words.len() - 1].text;
    let (label, reason, firm) = if words
        .iter()
        .any(|t| t.kind == Kind::Word && GAZ.is_org_word(t.text))
    {
        (Label::Org, "org-word", true)
    } else if after_title {
        (Label::Per, "title", true)
    } else if !single && (GAZ.is_loc_word(tail) || is_region(words)) {
        (Label::Loc, "place-word", true)
    } else if !single && GAZ.is_misc_word(tail) {
        (Label::Misc, "event-word", true)
    } else if !single && GAZ.known(tail) == Some(Known::Misc) {
        (Label::Misc, "nationality", true)
    } else if single && words[0].is_acronym() {
        (Label::Org, "acronym", true)
    } else if !single && (GAZ.is_first_name(head) || words.iter().any(Token::is_initial)) {
        (Label::Per, "given-name", true)
    } else if !single && GAZ.known(head) == Some(Known::Loc) {
        (Label::Org, "place-prefix", false)
    } else if single {
        single_word_label(tokens, first)
    } else {
        (Label::Per, "name-shape", false)
    };
    span(first, last, label, reason, firm)
}

/// Words that begin the name of a region ("North Caucasus", "East Jerusalem").
const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower",
];

/// Words that make a name a state wherever they stand ("Republic of Ireland").
const STATE_WORDS: &[&str] = &[
    "Republic",
    "Kingdom",
    "Emirates",
    "Principality",
    "Sultanate",
];

/// Whether the name is a region or state by its words.
fn is_region(words: &[Token<'_>]) -> bool {
    words.first().is_some_and(|t| COMPASS.contains(&t.text))
        || words.iter().any(|t| STATE_WORDS.contains(&t.text))
}

/// Guesses the label of a single unknown capitalised word from its ending and its context.
fn single_word_label(tokens: &[Token<'_>], i: usize) -> (Label, &'static str, bool) {
    let word = tokens[i].text;
    let lower = word.to_lowercase();
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p)).map(|t| t.text);
    let next = tokens.get(i + 1).map(|t| t.text);
    if PLACE_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        (Label::Loc, "place-ending", false)
    } else if GAZ.is_first_name(word)
        || looks_like_surname(word)
        || next.is_some_and(|n| SPEECH_VERBS.contains(&n))
    {
        (Label::Per, "surname", false)
    } else if prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p)) {
        (Label::Loc, "place-context", false)
    } else {
        (Label::Org, NO_CLUE, false)
    }
}
