//! Role extractor, version 1: finds people named together with a title, in four shapes:
//! "[Country’s | Demonym] Title Name" ("Ukrainian Defense Minister Rustem Umerov"),
//! "Name, [a|the] title of Org" ("Vladimir Medinsky, head of the Russian delegation"),
//! "Org’s title, Name" ("Russia’s lead negotiator, Vladimir Medinsky") and plain "Title Name".
//! The holder is a person entity, or failing that the capitalised name right after a title.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;
use super::entity::gazetteer::GAZ;
use super::words::possessive_stem;
use crate::model::FactKind;
use crate::model::attr;

/// Honorifics: titles of address that are not roles on their own.
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
];

/// Title words that, written in lower case, are family words rather than titles.
const KINSHIP: &[&str] = &["father", "brother", "sister"];

/// The longest title phrase kept after a name or before a comma, in words.
const MAX_PHRASE_WORDS: usize = 12;

/// An appositive after a name: ", [a|an|the] phrase" up to a clause break.
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^,\s*(?:(?:a|an|the)\s+)?([^,.;:()\n\u{201C}\u{201D}"]+)"#).expect("valid regex")
});

/// Words that end an appositive title phrase ("head of the delegation and an aide ...").
static PHRASE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:and|who|which|that|said|says|told|has|had|was|is|will|would)(?-u:\b)")
        .expect("valid regex")
});

/// A capitalised name of two or three words, for holders the entity extractor missed.
static NAME_AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'\u{2019}.-]*(?:\s+\p{Lu}[\p{L}'\u{2019}.-]*){1,2}")
        .expect("valid regex")
});

/// A person who may hold a role: span and canonical name.
#[derive(Debug, Clone)]
struct Holder {
    start: usize,
    end: usize,
    name: String,
}

/// A word of the text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// The entities of a text, looked up by where they end and by the span they lie in, so that
/// each person's look-up costs no more than the entities near it.
struct Entities<'a> {
    all: &'a [Candidate],
    by_end: FxHashMap<usize, Vec<usize>>,
    by_start: Vec<usize>,
    max_end: Vec<usize>,
}

impl<'a> Entities<'a> {
    fn new(all: &'a [Candidate]) -> Self {
        let mut by_end: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (i, e) in all.iter().enumerate() {
            by_end.entry(e.end).or_default().push(i);
        }
        let mut by_start: Vec<usize> = (0..all.len()).collect();
        by_start.sort_by_key(|&i| all[i].start);
        let max_end = by_start
            .iter()
            .scan(0, |max, &i| {
                *max = (*max).max(all[i].end);
                Some(*max)
            })
            .collect();
        Entities {
            all,
            by_end,
            by_start,
            max_end,
        }
    }

    /// The first entity (in the given order) ending at `end` that passes `keep`.
    fn ending_at(&self, end: usize, keep: impl Fn(&Candidate) -> bool) -> Option<&'a Candidate> {
        self.by_end
            .get(&end)?
            .iter()
            .map(|&i| &self.all[i])
            .find(|e| keep(e))
    }

    /// Whether some entity overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.by_start.partition_point(|&i| self.all[i].start < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }

    /// The first entity (in the given order) inside `start..end` that passes `keep`.
    fn within(
        &self,
        start: usize,
        end: usize,
        keep: impl Fn(&Candidate) -> bool,
    ) -> Option<&'a Candidate> {
        let from = self
            .by_start
            .partition_point(|&i| self.all[i].start < start);
        self.by_start[from..]
            .iter()
            .take_while(|&&i| self.all[i].start <= end)
            .filter(|&&i| self.all[i].end <= end && keep(&self.all[i]))
            .min()
            .map(|&i| &self.all[i])
    }
}

/// Finds role facts in `text`: a title tied to the person holding it.
pub fn extract(text: &str, entities: &[Candidate]) -> Vec<Candidate> {
    let entities = &Entities::new(entities);
    let mut holders: Vec<Holder> = entities
        .all
        .iter()
        .filter(|e| e.label == "PER" && is_span_of(text, e))
        .map(|e| Holder {
            start: e.start,
            end: e.end,
            name: e.value.clone(),
        })
        .collect();
    holders.extend(names_after_titles(text, entities));
    holders.sort_by_key(|h| h.start);
    let found = holders
        .iter()
        .filter_map(|h| role_for(text, h, entities))
        .collect();
    without_overlaps(found)
}

/// Whether a candidate's span is a non-empty range of `text` on character boundaries.
fn is_span_of(text: &str, c: &Candidate) -> bool {
    c.start < c.end
        && c.end <= text.len()
        && text.is_char_boundary(c.start)
        && text.is_char_boundary(c.end)
}

/// The role of one holder, trying the shapes from the most specific.
fn role_for(text: &str, holder: &Holder, entities: &Entities<'_>) -> Option<Candidate> {
    title_before(text, holder, entities)
        .or_else(|| phrase_before(text, holder, entities))
        .or_else(|| appositive_after(text, holder, entities))
}

/// Keeps the earliest (then longest) of overlapping roles.
fn without_overlaps(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        if kept.last().is_none_or(|k| k.end <= c.start) {
            kept.push(c);
        }
    }
    kept
}

/// The role of a title given as a possessive or a nationality: "Defense Minister of Ukraine".
fn title_of(title: &str, org: Option<&String>) -> String {
    match org {
        Some(org) => format!("{title} of {org}"),
        None => title.to_owned(),
    }
}

/// Builds a role candidate.
fn role(
    start: usize,
    end: usize,
    holder: &Holder,
    normalised: String,
    org: Option<String>,
) -> Candidate {
    let candidate = Candidate::new(start, end, FactKind::Role, "", holder.name.clone())
        .with_attr(attr::HOLDER, holder.name.clone())
        .with_attr(attr::ROLE, normalised);
    match org {
        Some(org) => candidate.with_attr(attr::ORG, org),
        None => candidate,
    }
}

/// The words of the line containing `from..to`, limited to that range.
fn words_in(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    nonspace_runs(&text[from..to])
        .map(|w| Word {
            start: from + w.start,
            end: from + w.end,
            text: w.text,
        })
        .collect()
}

/// The runs of non-space characters of `text` (words with any punctuation attached), with
/// their byte spans.
fn nonspace_runs(text: &str) -> impl Iterator<Item = Word<'_>> {
    let base = text.as_ptr() as usize;
    text.split_whitespace().map(move |word| {
        let start = word.as_ptr() as usize - base;
        Word {
            start,
            end: start + word.len(),
            text: word,
        }
    })
}

/// The run of title words right before `pos` on its line, after the word that precedes the run
/// (if any), in text order. Reads back only as far as the run goes.
fn title_words_before(text: &str, pos: usize) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut end = pos;
    while let Some(word) = word_before(text, end) {
        words.push(word);
        if !is_title_word(word.text) {
            break;
        }
        end = word.start;
    }
    words.reverse();
    words
}

/// The last word of `text[..end]`, unless a line break comes after it.
fn word_before(text: &str, end: usize) -> Option<Word<'_>> {
    let head = text[..end].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if head.is_empty() || head.ends_with('\n') {
        return None;
    }
    let start = head.rfind(char::is_whitespace).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    Some(Word {
        start,
        end: head.len(),
        text: &head[start..],
    })
}

/// Whether a word is part of a title: a head or modifier, with no punctuation attached.
fn is_title_word(word: &str) -> bool {
    is_title_head(word)
        || (GAZ.is_title_mod(word) && word.chars().all(|c| c.is_alphabetic() || c == '-'))
}

fn is_title_head(word: &str) -> bool {
    let kinship = || {
        word.chars().next().is_some_and(char::is_lowercase)
            && KINSHIP.contains(&word.to_lowercase().as_str())
    };
    GAZ.is_title_head(word)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && !kinship()
}

/// The title core at the start of `words`: modifiers then heads, ending on a head. Returns the
/// number of words it spans.
fn title_core(words: &[Word<'_>]) -> Option<usize> {
    let mut end = None;
    for (i, w) in words.iter().enumerate() {
        if is_title_head(w.text) {
            end = Some(i + 1);
        } else if !(is_title_word(w.text) && end.is_none()) {
            break;
        }
    }
    end
}

fn is_honorific_only(words: &[Word<'_>]) -> bool {
    words
        .iter()
        .all(|w| HONORIFICS.contains(&w.text.to_lowercase().as_str()))
}

fn join(words: &[Word<'_>]) -> String {
    words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// "[Country’s | Demonym] Title Name": a title right before the holder.
fn title_before(text: &str, holder: &Holder, entities: &Entities<'_>) -> Option<Candidate> {
    let words = title_words_before(text, holder.start);
    let first = usize::from(words.first().is_some_and(|w| !is_title_word(w.text)));
    let chain = &words[first..];
    let last = chain.last()?;
    if !is_title_head(last.text) || is_honorific_only(chain) {
        return None;
    }
    let lead = first.checked_sub(1).map(|i| words[i]);
    let owner = lead
        .and_then(|w| country_of(text, w, entities).or_else(|| org_ending_at(text, w, entities)));
    let (start, org) = match owner {
        Some((start, org)) => (start, Some(org)),
        None => (chain[0].start, None),
    };
    Some(role(
        start,
        holder.end,
        holder,
        title_of(&join(chain), org.as_ref()),
        org,
    ))
}

/// The country or organisation a word names when it is a possessive ("Ukraine’s") or a
/// demonym ("Ukrainian"), with the byte where the name starts.
fn country_of(text: &str, word: Word<'_>, entities: &Entities<'_>) -> Option<(usize, String)> {
    if let Some(country) = GAZ.demonym_country(word.text) {
        return Some((word.start, country.to_owned()));
    }
    let bare = possessive_stem(word.text)?;
    let name_end = word.start + bare.len();
    let entity = entities.ending_at(name_end, |e| e.label != "PER" && e.start <= name_end);
    match entity {
        Some(e) if is_span_of(text, e) => Some((e.start, e.value.clone())),
        _ => bare
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| (word.start, bare.replace('\u{2019}', "'"))),
    }
}

/// An organisation entity that ends with the word ("Presidential Office" before "head").
fn org_ending_at(text: &str, word: Word<'_>, entities: &Entities<'_>) -> Option<(usize, String)> {
    entities
        .ending_at(word.end, |e| e.label == "ORG" && is_span_of(text, e))
        .map(|e| (e.start, e.value.clone()))
}

/// "Org’s title, Name": a title phrase that ends with a comma right before the holder.
fn phrase_before(text: &str, holder: &Holder, entities: &Entities<'_>) -> Option<Candidate> {
    let before = text[..holder.start].trim_end();
    let comma = before.strip_suffix(',')?.len();
    let clause_start = text[..comma]
        .rfind(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '(' | '\n' | '\u{201C}' | '"' | '\u{2014}'
            )
        })
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let words = words_in(text, clause_start, comma);
    if words.len() > MAX_PHRASE_WORDS {
        return None;
    }
    let skip = usize::from(words.first().is_some_and(|w| is_article(w.text)));
    let lead = *words.get(skip)?;
    let (start, org, core_from) = match country_of(text, lead, entities) {
        Some((start, org)) => (start, Some(org), skip + 1),
        None => (lead.start, None, skip),
    };
    let core_len = title_core(&words[core_from..])?;
    let core = &words[core_from..core_from + core_len];
    if is_honorific_only(core) {
        return None;
    }
    Some(role(
        start,
        holder.end,
        holder,
        title_of(&join(core), org.as_ref()),
        org,
    ))
}

fn is_article(word: &str) -> bool {
    matches!(word, "the" | "The" | "a" | "A" | "an" | "An")
}

/// "Name, [a|the] title of Org": a title phrase in apposition after the holder. A title followed
/// by a name ("Name, Environment Minister Robert Hill") is another person's, not an apposition.
fn appositive_after(text: &str, holder: &Holder, entities: &Entities<'_>) -> Option<Candidate> {
    let caps = APPOSITIVE.captures(&text[holder.end..])?;
    let phrase = caps.get(1)?;
    let phrase_start = holder.end + phrase.start();
    let mut phrase_text = phrase.as_str();
    if let Some(cut) = PHRASE_END.find(phrase_text) {
        phrase_text = &phrase_text[..cut.start()];
    }
    let phrase_text = phrase_text.trim_end();
    let words = words_in(text, phrase_start, phrase_start + phrase_text.len());
    if words.is_empty() || words.len() > MAX_PHRASE_WORDS {
        return None;
    }
    let lead = words
        .iter()
        .take_while(|w| GAZ.demonym_country(w.text).is_some())
        .count();
    let core_len = title_core(&words[lead..])?;
    let names_next = words
        .get(lead + core_len)
        .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
    if names_next || is_honorific_only(&words[lead..lead + core_len]) {
        return None;
    }
    let phrase_end = phrase_start + phrase_text.len();
    let org = org_within(entities, phrase_start, phrase_end);
    Some(role(
        holder.start,
        phrase_end,
        holder,
        phrase_text.to_owned(),
        org,
    ))
}

/// The first organisation, place or nationality named inside `start..end`, as a name.
fn org_within(entities: &Entities<'_>, start: usize, end: usize) -> Option<String> {
    let e = entities.within(start, end, |e| e.label != "PER")?;
    Some(match GAZ.demonym_country(&e.value) {
        Some(country) => country.to_owned(),
        None => e.value.clone(),
    })
}

/// Names of two or three capitalised words right after a title word, where no entity lies.
/// The name must begin with a listed given name, or consist of words never written in lower
/// case in the text (so "Minister Confirms Finalized" in a headline is no name).
fn names_after_titles(text: &str, entities: &Entities<'_>) -> Vec<Holder> {
    let spans: Vec<(usize, usize)> = nonspace_runs(text)
        .filter(|w| is_title_head(w.text) && !HONORIFICS.contains(&w.text.to_lowercase().as_str()))
        .filter_map(|w| {
            let rest = &text[w.end..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let start = w.end + gap;
            let m = NAME_AFTER_TITLE.find(&text[start..])?;
            let end = start + m.as_str().trim_end_matches(['.', '-']).len();
            let free = !entities.overlaps(start, end);
            (free && gap > 0).then_some((start, end))
        })
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    let lower: FxHashSet<&str> = nonspace_runs(text)
        .map(|w| w.text.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let is_name = |name: &str| {
        let mut words = name.split_whitespace();
        words.next().is_some_and(|w| GAZ.is_first_name(w))
            || name
                .split_whitespace()
                .all(|w| !lower.contains(w.to_lowercase().as_str()))
    };
    spans
        .into_iter()
        .filter(|(start, end)| is_name(&text[*start..*end]))
        .map(|(start, end)| Holder {
            start,
            end,
            name: text[start..end].replace('\u{2019}', "'"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::extract::entity;

    fn roles(text: &str) -> Vec<(String, String, String, Option<String>)> {
        extract(text, &entity::extract(text))
            .into_iter()
            .map(|c| {
                (
                    text[c.start..c.end].to_owned(),
                    c.attrs.get("holder").cloned().unwrap_or_default(),
                    c.attrs.get("role").cloned().unwrap_or_default(),
                    c.attrs.get("org").cloned(),
                )
            })
            .collect()
    }

    proptest! {
        #[test]
        fn nonspace_runs_are_the_words_between_white_space(text in "[a-zé’ \t\n\u{0B}\u{A0}\u{2003},.]{0,40}") {
            let mut expected = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_whitespace(), start) {
                    (true, Some(s)) => {
                        expected.push((s, i));
                        start = None;
                    }
                    (false, None) => start = Some(i),
                    _ => {}
                }
            }
            let found: Vec<(usize, usize)> = nonspace_runs(&text).map(|w| (w.start, w.end)).collect();
            prop_assert_eq!(found, expected);
        }
    }

    /// Expected span text, holder, role and organisation.
    type Want<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

    fn row(
        span: &str,
        holder: &str,
        role: &str,
        org: Option<&str>,
    ) -> (String, String, String, Option<String>) {
        (
            span.to_owned(),
            holder.to_owned(),
            role.to_owned(),
            org.map(str::to_owned),
        )
    }

    #[test]
    fn finds_roles_in_each_shape() {
        let cases: &[(&str, &[Want])] = &[
            (
                "Ukraine\u{2019}s Defense Minister Rustem Umerov arrived.",
                &[(
                    "Ukraine\u{2019}s Defense Minister Rustem Umerov",
                    "Rustem Umerov",
                    "Defense Minister of Ukraine",
                    Some("Ukraine"),
                )],
            ),
            (
                "It was Ukrainian Defense Minister Rustem Umerov who spoke.",
                &[(
                    "Ukrainian Defense Minister Rustem Umerov",
                    "Rustem Umerov",
                    "Defense Minister of Ukraine",
                    Some("Ukraine"),
                )],
            ),
            (
                "They met President Vladimir Putin on Tuesday.",
                &[(
                    "President Vladimir Putin",
                    "Vladimir Putin",
                    "President",
                    None,
                )],
            ),
            (
                "Vladimir Medinsky, head of the Russian delegation, said the talks went well.",
                &[(
                    "Vladimir Medinsky, head of the Russian delegation",
                    "Vladimir Medinsky",
                    "head of the Russian delegation",
                    Some("Russia"),
                )],
            ),
            (
                "Russia\u{2019}s lead negotiator, Vladimir Medinsky, said so.",
                &[(
                    "Russia\u{2019}s lead negotiator, Vladimir Medinsky",
                    "Vladimir Medinsky",
                    "lead negotiator of Russia",
                    Some("Russia"),
                )],
            ),
            (
                "The plan was drafted by chief negotiator Dana Whitfield and approved.",
                &[(
                    "chief negotiator Dana Whitfield",
                    "Dana Whitfield",
                    "chief negotiator",
                    None,
                )],
            ),
            (
                "Rustem Umerov said Mr. Smith met his brother Tom Reed.",
                &[],
            ),
            (
                "Talks joined Ada Moss, Foreign Minister Anna Berg and others.",
                &[(
                    "Foreign Minister Anna Berg",
                    "Anna Berg",
                    "Foreign Minister",
                    None,
                )],
            ),
            (
                "The meeting included Presidential Office head Andriy Yermak.",
                &[(
                    "Presidential Office head Andriy Yermak",
                    "Andriy Yermak",
                    "head of Presidential Office",
                    Some("Presidential Office"),
                )],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(s, h, r, o)| row(s, h, r, *o)).collect();
            assert_eq!(roles(text), want, "{text}");
        }
    }

    #[test]
    fn holder_without_entities_is_the_name_after_the_title() {
        let text = "Talks with Foreign Minister Anna Lindqvist began.";
        let found = extract(text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, "Anna Lindqvist");
        assert_eq!(
            &text[found[0].start..found[0].end],
            "Foreign Minister Anna Lindqvist"
        );
    }

    #[test]
    fn seed_roles() {
        let text = include_str!("../../assets/sample/000_0b2518abd44a6d31.txt");
        let got = roles(text);
        assert!(
            got.iter()
                .any(|r| r.1 == "Rustem Muradov" && r.2 == "Defense Minister of Ukraine"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|r| r.1 == "Vladimir Medinsky" && r.2 == "head of the Russian delegation"),
            "{got:?}"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sane(text in "\\PC*") {
            check(&text);
        }

        #[test]
        fn title_like_text_spans_are_sane(text in "((President|Minister|head of|chief|Russia\u{2019}s|Ukrainian|the|, |\\. )[ ]?|[A-Z][a-z\u{00E9}]{0,5} ){0,25}") {
            check(&text);
        }
    }

    fn check(text: &str) {
        let found = extract(text, &entity::extract(text));
        let mut last_end = 0;
        for c in &found {
            assert!(c.start < c.end && c.end <= text.len());
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            assert!(c.start >= last_end, "overlap in {text:?}");
            assert_eq!(c.kind, FactKind::Role);
            last_end = c.end;
        }
    }
}
