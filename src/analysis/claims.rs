//! Claims the fact-by-fact comparison cannot see, and the nature of every
//! disagreement.
//!
//! A claim is (subject, slot, value). Three families are read from the
//! articles' sentences here: a person's age and number of children
//! ("Ana Ruiz, 41," / "the 41-year-old Ana Ruiz", "a mother of three"), a
//! thing's size ("the 620-foot tanker"), and the running tallies of a story
//! (how many are missing, dead, injured, rescued, detained or evacuated).
//! Two values for one slot are a contradiction whose [`Nature`] says whether
//! sources disagree (conflict), a later report revises an earlier one
//! (update) or each side is a named party's word (attributed).

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use chrono::NaiveDate;

use crate::extract::quantity::small_number;
use crate::model::{ArticleId, Fact, FactKind, Project};

use super::aliases::Aliases;
use super::contradictions::{Claim, Contradiction, ContradictionKind};
use super::copies::Sources;
use super::names::edit_distance;
use super::sentences::ArticleText;
use super::words::words;

/// Whether two sides of a contradiction disagree, revise or quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nature {
    /// Sources disagree about the same thing at the same time.
    Conflict,
    /// A later report revises an earlier figure (values in the order reported).
    Update,
    /// Each side is a named party's claim.
    Attributed,
}

impl Nature {
    /// The lower-case name used in reports and the panel.
    pub fn as_str(self) -> &'static str {
        match self {
            Nature::Conflict => "conflict",
            Nature::Update => "update",
            Nature::Attributed => "attributed",
        }
    }
}

/// One value read from a sentence, with the text that states it.
struct Reading {
    article: ArticleId,
    value: String,
    /// The amount compared (years, children, metres, people).
    amount: f64,
    span: (usize, usize),
}

/// One value of one slot with every source that states it ("age of Ana
/// Ruiz: 41" in three articles, or in one): corroboration beside the fact
/// clusters when several independent sources state it, a single-source
/// claim otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimGroup {
    /// Attribute or tally.
    pub kind: ContradictionKind,
    /// The slot ("age of Ana Ruiz", "people missing").
    pub topic: String,
    /// The value stated.
    pub value: String,
    /// The articles stating it.
    pub articles: Vec<ArticleId>,
    /// How many independent sources those are.
    pub independent: usize,
    /// Where each states it (article, byte range).
    pub spans: Vec<(ArticleId, usize, usize)>,
}

/// What the claims read from sentences show: disagreements, and each value
/// with its sources.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Slots given incompatible values.
    pub contradictions: Vec<Contradiction>,
    /// Every value stated, with the sources stating it.
    pub claim_groups: Vec<ClaimGroup>,
}

/// Finds the claims of the three families in the articles' texts.
pub fn find(
    project: &Project,
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
    aliases: &Aliases,
    sources: &Sources,
) -> Findings {
    let mut slots: BTreeMap<(ContradictionKind, String), Vec<Reading>> = BTreeMap::new();
    let mut dated: HashMap<ArticleId, Vec<(usize, usize)>> = HashMap::default();
    let mut people: HashMap<ArticleId, Vec<&Fact>> = HashMap::default();
    let mut ages: Vec<(usize, ArticleId, f64, (usize, usize))> = Vec::new();
    for fact in project.live_facts() {
        match fact.kind {
            FactKind::Time => dated
                .entry(fact.article)
                .or_default()
                .push((fact.start, fact.end)),
            FactKind::Entity if fact.label == "PER" => {
                people.entry(fact.article).or_default().push(fact)
            }
            _ => {}
        }
    }
    for text in project.articles.iter().filter_map(|a| texts.get(&a.id)) {
        let persons = people.get(&text.id).map(Vec::as_slice).unwrap_or(&[]);
        for (group, reading) in person_ages(text, persons, aliases) {
            let name = &aliases.groups[group].name;
            ages.push((group, reading.article, reading.amount, reading.span));
            slots
                .entry((ContradictionKind::Attribute, format!("age of {name}")))
                .or_default()
                .push(reading);
        }
        let times = dated.get(&text.id).map(Vec::as_slice).unwrap_or(&[]);
        let attributes = children_of(text, persons, aliases)
            .into_iter()
            .chain(measures(text))
            .map(|r| (ContradictionKind::Attribute, r));
        let counts = group_sizes(text)
            .into_iter()
            .chain(tallies(text, times))
            .map(|r| (ContradictionKind::Tally, r));
        for (kind, (slot, reading)) in attributes.chain(counts) {
            slots.entry((kind, slot)).or_default().push(reading);
        }
    }
    let published: HashMap<ArticleId, Option<NaiveDate>> = project
        .articles
        .iter()
        .map(|a| (a.id, a.published))
        .collect();
    let mut out = Vec::new();
    let mut claim_groups = Vec::new();
    for ((kind, topic), readings) in slots {
        let mut by_value: BTreeMap<String, Claim> = BTreeMap::new();
        let mut amounts: Vec<f64> = Vec::new();
        for r in readings {
            if !amounts.iter().any(|a| same_amount(*a, r.amount)) {
                amounts.push(r.amount);
            }
            let claim = by_value.entry(r.value.clone()).or_insert_with(|| Claim {
                value: r.value.clone(),
                facts: Vec::new(),
                articles: Vec::new(),
                spans: Vec::new(),
            });
            if !claim.articles.contains(&r.article) {
                claim.articles.push(r.article);
            }
            claim.spans.push((r.article, r.span.0, r.span.1));
        }
        for claim in by_value.values() {
            claim_groups.push(ClaimGroup {
                kind,
                topic: topic.clone(),
                value: claim.value.clone(),
                articles: claim.articles.clone(),
                independent: sources.count(&claim.articles),
                spans: claim.spans.clone(),
            });
        }
        if amounts.len() < 2 || by_value.len() < 2 {
            continue;
        }
        let claims: Vec<Claim> = by_value.into_values().collect();
        if sources.count(claims.iter().flat_map(|c| c.articles.iter())) < 2 {
            continue;
        }
        let mut c = Contradiction {
            kind,
            topic,
            claims,
            nature: Nature::Conflict,
        };
        c.nature = if c.topic.starts_with("length of") {
            Nature::Conflict
        } else {
            nature(&mut c.claims, &published, &[])
        };
        let grows = c.topic.starts_with("age of") || c.topic.starts_with("children of");
        if grows && c.nature == Nature::Update && !rising(&c.claims) {
            c.nature = Nature::Conflict;
        }
        out.push(c);
    }
    out.extend(misnamed(&ages, aliases, sources));
    claim_groups.sort_by(|a, b| {
        b.independent
            .cmp(&a.independent)
            .then_with(|| a.topic.cmp(&b.topic))
    });
    Findings {
        contradictions: out,
        claim_groups,
    }
}

/// True when the claims' values (their leading numbers) never fall, in order.
fn rising(claims: &[Claim]) -> bool {
    let values: Vec<f64> = claims
        .iter()
        .filter_map(|c| c.value.split(' ').next().and_then(number))
        .collect();
    values.windows(2).all(|w| w[0] <= w[1])
}

/// One person written under two names: two people the dossier keeps
/// apart, never named in full in the same article, with the same given name, the
/// same age and surnames a letter or two apart ("Ana Ruiz, 41" / "Ana
/// Diaz, 41"): a naming conflict for the analyst to settle.
fn misnamed(
    ages: &[(usize, ArticleId, f64, (usize, usize))],
    aliases: &Aliases,
    sources: &Sources,
) -> Vec<Contradiction> {
    let mut by_age: BTreeMap<(u32, String), Vec<usize>> = BTreeMap::new();
    for (i, (group, _, age, _)) in ages.iter().enumerate() {
        let key = &aliases.groups[*group].key;
        let given = key.split(' ').next().unwrap_or_default().to_owned();
        by_age.entry((*age as u32, given)).or_default().push(i);
    }
    let mut out = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for list in by_age.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                let (a, b) = (ages[i].0, ages[j].0);
                if a == b || seen.contains(&(a.min(b), a.max(b))) {
                    continue;
                }
                let (ga, gb) = (&aliases.groups[a], &aliases.groups[b]);
                let surname = |k: &str| k.rsplit(' ').next().unwrap_or_default().to_owned();
                let (sa, sb) = (surname(&ga.key), surname(&gb.key));
                let close = sa != sb && edit_distance(&sa, &sb) <= 2 && sa.len().min(sb.len()) >= 4;
                let named_in_full = |g: &super::aliases::AliasGroup| -> Vec<ArticleId> {
                    g.forms
                        .iter()
                        .filter(|f| f.text.split_whitespace().count() >= 2)
                        .flat_map(|f| f.articles.iter().copied())
                        .collect()
                };
                let full_b = named_in_full(gb);
                let apart = named_in_full(ga).iter().all(|x| !full_b.contains(x));
                if !close
                    || !apart
                    || ga.key.split(' ').count() < 2
                    || gb.key.split(' ').count() < 2
                {
                    continue;
                }
                seen.push((a.min(b), a.max(b)));
                let claim = |g: usize, name: &str| {
                    let mine: Vec<_> = ages
                        .iter()
                        .filter(|r| r.0 == g && r.2 == ages[i].2)
                        .collect();
                    let mut articles: Vec<ArticleId> = mine.iter().map(|r| r.1).collect();
                    articles.sort_unstable();
                    articles.dedup();
                    Claim {
                        value: name.to_owned(),
                        facts: Vec::new(),
                        articles,
                        spans: mine.iter().map(|r| (r.1, r.3.0, r.3.1)).collect(),
                    }
                };
                let claims = vec![claim(a, &ga.name), claim(b, &gb.name)];
                if sources.count(claims.iter().flat_map(|c| c.articles.iter())) < 2 {
                    continue;
                }
                out.push(Contradiction {
                    kind: ContradictionKind::Person,
                    topic: format!("name of the person aged {}", ages[i].2),
                    claims,
                    nature: Nature::Conflict,
                });
            }
        }
    }
    out
}

/// The nature of a disagreement between `claims` about a figure that can
/// change (a tally, a size, an age), ordering them oldest first when it is
/// an update: each value first reported on a later day than the one before
/// it is an update; two values first reported on the same day, or a value
/// only undated articles give, a conflict. `reporters` gives, per claim,
/// the named party each side is attributed to (empty when not known).
pub fn nature(
    claims: &mut [Claim],
    published: &HashMap<ArticleId, Option<NaiveDate>>,
    reporters: &[Option<String>],
) -> Nature {
    if reporters.len() == claims.len() && fixed_nature(reporters) == Nature::Attributed {
        return Nature::Attributed;
    }
    let range = |c: &Claim| {
        let days: Vec<NaiveDate> = c
            .articles
            .iter()
            .filter_map(|a| published.get(a).copied().flatten())
            .collect();
        Some((*days.iter().min()?, *days.iter().max()?))
    };
    let mut firsts: Vec<NaiveDate> = Vec::with_capacity(claims.len());
    for c in claims.iter() {
        match range(c) {
            Some((first, _)) => firsts.push(first),
            None => return Nature::Conflict,
        }
    }
    firsts.sort_unstable();
    if firsts.windows(2).any(|w| w[0] == w[1]) {
        return Nature::Conflict;
    }
    claims.sort_by_key(|c| range(c).map(|(first, _)| first));
    Nature::Update
}

/// The nature of a disagreement about something that does not change
/// (who holds a role, when something happened, a count of one event):
/// attributed when each side is a different named party's word, else a conflict.
pub fn fixed_nature(reporters: &[Option<String>]) -> Nature {
    let distinct = reporters
        .iter()
        .enumerate()
        .all(|(i, a)| reporters[i + 1..].iter().all(|b| a != b));
    if reporters.len() >= 2 && reporters.iter().all(Option::is_some) && distinct {
        Nature::Attributed
    } else {
        Nature::Conflict
    }
}

/// An automaton that finds any of a list of cue words in one pass: the
/// cheap test, before a sentence's words are read, of whether it can say
/// anything of that kind.
fn cues(words: &[&str]) -> AhoCorasick {
    AhoCorasick::new(words).expect("cue words are a few plain strings")
}

/// True when `sentence` contains one of the cue words (as written).
fn mentions_any(sentence: &str, cues: &AhoCorasick) -> bool {
    cues.is_match(sentence)
}

static FAMILY_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| cues(FAMILY_WORDS));
static GROUP_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| cues(GROUPS));
static STATE_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| cues(STATE_STEMS));

/// Words a sentence about someone's children contains.
const FAMILY_WORDS: &[&str] = &[
    "child",
    "kids",
    "father of",
    "mother of",
    "parent of",
    "sons",
    "daughters",
];

/// Stems of the state words of tallies, in the case they are written mid-sentence.
const STATE_STEMS: &[&str] = &[
    "issing",
    "ead",
    "ill",
    "ied",
    "njur",
    "ound",
    "urt",
    "escu",
    "urviv",
    "etain",
    "rrest",
    "vacuat",
    "naccounted",
];

/// True when two amounts are one value (within the rounding of a unit conversion).
fn same_amount(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.01 * a.abs().max(b.abs())
}

/// The value of a number as written: digits (with thousands commas) or a
/// number word (see [`small_number`]).
fn number(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    if let Some(n) = small_number(&lower) {
        return Some(n as f64);
    }
    let digits: String = lower.chars().filter(|c| *c != ',').collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// People's ages as the sentences that name them give them: "Ana Ruiz, 41,"
/// or "the 41-year-old Ana Ruiz", with the person's alias group.
fn person_ages(
    text: &ArticleText<'_>,
    persons: &[&Fact],
    aliases: &Aliases,
) -> Vec<(usize, Reading)> {
    let mut out = Vec::new();
    let t = text.text;
    for fact in persons {
        let Some(group) = aliases.fact_group.get(&fact.id) else {
            continue;
        };
        let (Some(after), Some(before)) = (t.get(fact.end..), t.get(..fact.start)) else {
            continue;
        };
        let found = match (age_after(after), age_before(before)) {
            (Some((age, len)), _) => Some((age, (fact.start, fact.end + len))),
            (None, Some((age, len))) => Some((age, (fact.start - len, fact.end))),
            (None, None) => None,
        };
        if let Some((age, span)) = found {
            out.push((
                *group,
                Reading {
                    article: text.id,
                    value: age.to_string(),
                    amount: age,
                    span,
                },
            ));
        }
    }
    out
}

/// Children counts ("a father of four", "two young children"), each given
/// to the nearest person named before it in its sentence or, when the
/// sentence opens with "He" or "She", to the first person of the sentence before.
fn children_of(
    text: &ArticleText<'_>,
    persons: &[&Fact],
    aliases: &Aliases,
) -> Vec<(String, Reading)> {
    let t = text.text;
    let mut out = Vec::new();
    for (s, &(from, to)) in text.sentences.iter().enumerate() {
        if !mentions_any(&t[from..to], &FAMILY_CUES) {
            continue;
        }
        let Some((n, span)) = children(t, from, to) else {
            continue;
        };
        let before = persons
            .iter()
            .filter(|p| p.start >= from && p.end <= span.0)
            .max_by_key(|p| p.start);
        let opens = t[from..to].trim_start();
        let pronoun = opens.starts_with("He ") || opens.starts_with("She ");
        let owner = before.or_else(|| {
            let &(pf, pt) = text.sentences.get(s.checked_sub(1)?)?;
            pronoun
                .then(|| {
                    persons
                        .iter()
                        .filter(|p| p.start >= pf && p.end <= pt)
                        .min_by_key(|p| p.start)
                })
                .flatten()
        });
        let Some(group) = owner.and_then(|p| aliases.fact_group.get(&p.id)) else {
            continue;
        };
        let name = &aliases.groups[*group].name;
        out.push((
            format!("children of {name}"),
            Reading {
                article: text.id,
                value: format!("{n} children"),
                amount: n,
                span,
            },
        ));
    }
    out
}

/// ", 41," after a name: the age, and the byte length read.
fn age_after(rest: &str) -> Option<(f64, usize)> {
    let leading = |t: &str| -> (f64, usize) {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let age = if digits <= 3 {
            t[..digits].parse().unwrap_or(0.0)
        } else {
            0.0
        };
        (age, digits)
    };
    let plausible = |age: f64| (1.0..=120.0).contains(&age);
    if let Some(tail) = rest.strip_prefix(", ") {
        let (age, n) = leading(tail);
        let after = &tail[n..];
        let ends = after.is_empty()
            || after.starts_with([',', '.', ';', ')'])
            || after.starts_with(" of ");
        if n > 0 && ends && plausible(age) {
            return Some((age, 2 + n));
        }
        for article in ["a ", "an "] {
            let Some(t) = tail.strip_prefix(article) else {
                continue;
            };
            let (age, n) = leading(t);
            let unit = ["-year-old", "-yearold"]
                .iter()
                .find(|u| t[n..].starts_with(*u))?;
            return (n > 0 && plausible(age)).then_some((age, 2 + article.len() + n + unit.len()));
        }
    }
    for verb in [" was ", " is "] {
        let Some(t) = rest.strip_prefix(verb) else {
            continue;
        };
        let (age, n) = leading(t);
        let unit = [" years old", "-year-old"]
            .iter()
            .find(|u| t[n..].starts_with(*u))?;
        return (n > 0 && plausible(age)).then_some((age, verb.len() + n + unit.len()));
    }
    None
}

/// "41-year-old " before a name: the age, and the byte length read.
fn age_before(head: &str) -> Option<(f64, usize)> {
    let trimmed = head.strip_suffix(' ')?;
    let stem = trimmed
        .strip_suffix("-year-old")
        .or_else(|| trimmed.strip_suffix("-yearold"))?;
    let digits: String = stem
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let age: f64 = digits.parse().ok()?;
    (digits.len() <= 3 && (1.0..=120.0).contains(&age))
        .then_some((age, head.len() - stem.len() + digits.len()))
}

/// "a father of four", "two young children" between `from` and `to`.
fn children(t: &str, from: usize, to: usize) -> Option<(f64, (usize, usize))> {
    let list = words(t, from, to);
    for (i, w) in list.iter().enumerate() {
        if matches!(w.lower.as_ref(), "father" | "mother" | "parent")
            && list.get(i + 1).is_some_and(|o| o.lower == "of")
            && let Some(n) = list.get(i + 2).and_then(|n| number(&n.lower))
        {
            return Some((n, (w.start, list[i + 2].end)));
        }
        if let Some(n) = number(&w.lower) {
            let next = list.get(i + 1..(i + 3).min(list.len())).unwrap_or(&[]);
            if let Some(k) = next.iter().position(|x| {
                matches!(x.lower.as_ref(), "children" | "kids" | "sons" | "daughters")
            }) && next[..k]
                .iter()
                .all(|x| matches!(x.lower.as_ref(), "young" | "small" | "adult" | "grown"))
            {
                return Some((n, (w.start, next[k].end)));
            }
        }
    }
    None
}

/// Heads of a noun phrase whose size news reports ("the 620-foot tanker").
const MEASURED: &[&str] = &[
    "ship",
    "vessel",
    "boat",
    "ferry",
    "tanker",
    "freighter",
    "barge",
    "yacht",
    "plane",
    "aircraft",
    "jet",
    "train",
    "truck",
    "bridge",
    "tower",
    "building",
    "dam",
    "tunnel",
    "wall",
    "runway",
    "crater",
    "wave",
    "fence",
    "pipeline",
];

/// Units of length, as metres per unit.
const LENGTHS: &[(&str, f64)] = &[
    ("foot", 0.3048),
    ("feet", 0.3048),
    ("ft", 0.3048),
    ("metre", 1.0),
    ("meter", 1.0),
    ("m", 1.0),
    ("kilometre", 1000.0),
    ("kilometer", 1000.0),
    ("km", 1000.0),
    ("mile", 1609.344),
    ("yard", 0.9144),
];

/// Sizes stated as a compound before a measured noun ("a 620-foot cargo ship").
fn measures(text: &ArticleText<'_>) -> Vec<(String, Reading)> {
    let t = text.text;
    let mut out = Vec::new();
    for (i, _) in t.match_indices('-') {
        let Some((unit, per)) = LENGTHS.iter().find(|(u, _)| {
            t[i + 1..].starts_with(u)
                && !t[i + 1 + u.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) else {
            continue;
        };
        let head = &t[..i];
        let digits_len = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .map(char::len_utf8)
            .sum::<usize>();
        let Some(value) = number(&head[i - digits_len..]) else {
            continue;
        };
        let end = i + 1 + unit.len();
        let near = t[end..]
            .char_indices()
            .nth(60)
            .map_or(t.len(), |(k, _)| end + k);
        let after = words(t, end, near);
        let Some(noun) = after
            .iter()
            .take(4)
            .find(|w| MEASURED.contains(&w.lower.as_ref()))
        else {
            continue;
        };
        let start = i - digits_len;
        out.push((
            format!("length of the {}", noun.lower),
            Reading {
                article: text.id,
                value: format!("{} {unit}", &t[start..i]),
                amount: value * per,
                span: (start, end),
            },
        ));
    }
    out
}

/// Groups whose size news reports ("a 12-member crew", "the 12 crew members").
const GROUPS: &[&str] = &[
    "crew",
    "team",
    "delegation",
    "squad",
    "panel",
    "board",
    "jury",
];

/// The sizes of crews, teams and delegations: "a 12-member crew", "its 12
/// crew members", "an eight-person repair crew" (a qualifier such as
/// "repair" makes it a different group).
fn group_sizes(text: &ArticleText<'_>) -> Vec<(String, Reading)> {
    let t = text.text;
    let mut out = Vec::new();
    for &(from, to) in &text.sentences {
        if !mentions_any(&t[from..to], &GROUP_CUES) {
            continue;
        }
        let list = words(t, from, to);
        for (i, w) in list.iter().enumerate() {
            let (count, compound) = match w.lower.split_once('-') {
                Some((n, "member" | "person" | "man" | "strong")) => (number(n), true),
                _ => (number(&w.lower), false),
            };
            let Some(n) = count else {
                continue;
            };
            let rest = &list[i + 1..(i + 4).min(list.len())];
            let Some(k) = rest.iter().position(|x| GROUPS.contains(&x.lower.as_ref())) else {
                continue;
            };
            let members = rest.get(k + 1).is_some_and(|x| x.lower == "members");
            if !compound && !members || n < 2.0 {
                continue;
            }
            let qualifiers: Vec<&str> = rest[..k].iter().map(|x| x.lower.as_ref()).collect();
            let group = rest[k].lower.as_ref();
            let slot = match qualifiers.as_slice() {
                [] => format!("size of the {group}"),
                q => format!("size of the {} {group}", q.join(" ")),
            };
            let end = if members {
                rest[k + 1].end
            } else {
                rest[k].end
            };
            out.push((
                slot,
                Reading {
                    article: text.id,
                    value: format!("{n}"),
                    amount: n,
                    span: (w.start, end),
                },
            ));
        }
    }
    out
}

/// Words naming the state a count of people is in, and the tally they count for.
const STATES: &[(&str, &str)] = &[
    ("missing", "missing"),
    ("unaccounted", "missing"),
    ("dead", "dead"),
    ("killed", "dead"),
    ("died", "dead"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("rescued", "rescued"),
    ("survived", "rescued"),
    ("survive", "rescued"),
    ("survivors", "rescued"),
    ("detained", "detained"),
    ("arrested", "detained"),
    ("evacuated", "evacuated"),
];

/// True for a word that names the state a tally counts ("missing", "killed", "rescued" …).
pub fn is_state_word(word: &str) -> bool {
    STATES.iter().any(|(s, _)| *s == word)
}

/// Words after a number that make it a count of things, not people.
const NOT_PEOPLE: &[&str] = &[
    "years",
    "year",
    "percent",
    "degrees",
    "feet",
    "foot",
    "metres",
    "meters",
    "miles",
    "km",
    "kilometres",
    "tons",
    "tonnes",
    "dollars",
    "days",
    "hours",
    "minutes",
    "weeks",
    "months",
    "vehicles",
    "cars",
    "houses",
    "homes",
    "buildings",
    "times",
    "of",
];

/// True for a number set off by commas after a word (", 35,"): an age in
/// apposition, not a count.
fn apposed(t: &str, start: usize, end: usize) -> bool {
    t[..start].ends_with(", ") && t[end..].starts_with([',', ';'])
}

/// The tally of a verb just before the number ("killed 45", "rescued two
/// people"), with the span from the verb to the number.
fn state_before(list: &[super::words::Word], i: usize) -> Option<(&'static str, (usize, usize))> {
    let verb = list[..i].iter().rev().take(2).find_map(|x| {
        STATES
            .iter()
            .find(|(s, _)| s.ends_with("ed") && *s == x.lower)
            .map(|(_, tally)| (*tally, x.start))
    })?;
    let between = &list[..i];
    let adjacent = between.last().is_some_and(|x| x.start == verb.1)
        || between
            .last()
            .is_some_and(|x| matches!(x.lower.as_ref(), "about" | "some" | "nearly" | "least"));
    adjacent.then_some((verb.0, (verb.1, list[i].end)))
}

/// How many people each sentence says are missing, dead, injured …:
/// a number followed, within seven words of its clause, by a state word,
/// or just after a verb of one ("killed 45 passengers").
fn tallies(text: &ArticleText<'_>, dated: &[(usize, usize)]) -> Vec<(String, Reading)> {
    let t = text.text;
    let mut out = Vec::new();
    for &(from, to) in &text.sentences {
        if !mentions_any(&t[from..to], &STATE_CUES) {
            continue;
        }
        let list = words(t, from, to);
        for (i, w) in list.iter().enumerate() {
            let Some(n) = number(&w.lower) else {
                continue;
            };
            if n < 1.0
                || dated.iter().any(|(s, e)| w.start < *e && *s < w.end)
                || list
                    .get(i + 1)
                    .is_some_and(|x| NOT_PEOPLE.contains(&x.lower.as_ref()) && x.lower != "of")
                || w.lower.contains('-')
                || apposed(t, w.start, w.end)
                || i > 0 && matches!(list[i - 1].lower.as_ref(), "other" | "another")
            {
                continue;
            }
            let window = &list[i + 1..(i + 8).min(list.len())];
            let clause_end = t[w.end..to]
                .find([';', ':', '(', '—'])
                .map_or(to, |p| w.end + p);
            let near: Vec<&super::words::Word> = window
                .iter()
                .take_while(|x| x.start < clause_end && number(&x.lower).is_none())
                .collect();
            // "six who did not survive": a negated state counts for no tally.
            let negated = near
                .iter()
                .any(|x| matches!(x.lower.as_ref(), "not" | "never" | "didnt" | "didn't"));
            let states: Vec<(&str, usize)> = near
                .iter()
                .filter(|_| !negated)
                .filter_map(|x| {
                    STATES
                        .iter()
                        .find(|(s, _)| *s == x.lower)
                        .map(|(_, tally)| (*tally, x.end))
                })
                .collect();
            let chosen = states
                .iter()
                .find(|(s, _)| *s == "missing")
                .or(states.first())
                .map(|(tally, end)| (*tally, (w.start, *end)))
                .or_else(|| state_before(&list, i));
            if let Some((tally, span)) = chosen {
                out.push((
                    format!("people {tally}"),
                    Reading {
                        article: text.id,
                        value: format!("{n}"),
                        amount: n,
                        span,
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        let t = ArticleText::new(ArticleId(1), text);
        tallies(&t, &[])
            .into_iter()
            .chain(measures(&t))
            .map(|(slot, r)| (slot, r.value))
            .collect()
    }

    #[test]
    fn tallies_read_counts_of_people_in_a_state() {
        let found = read(
            "Four miners are still missing after the flood. Rescuers said two were killed and 11 injured. The 12 trucks were moved. The blast injured 30 people. Of the five who did not survive, none was named.",
        );
        assert!(
            found.contains(&("people missing".into(), "4".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("people dead".into(), "2".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("people injured".into(), "11".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("people injured".into(), "30".into())),
            "{found:?}"
        );
        assert_eq!(found.len(), 4, "{found:?}");
    }

    #[test]
    fn sizes_are_read_from_compounds_before_a_measured_noun() {
        let found =
            read("The 1,150-foot oil tanker ran aground near a 40-foot wall. A 3-foot rise.");
        assert!(
            found.contains(&("length of the tanker".into(), "1,150 foot".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("length of the wall".into(), "40 foot".into())),
            "{found:?}"
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn ages_and_children_are_read_around_a_name() {
        assert_eq!(age_after(", 41, of Leeds"), Some((41.0, 4)));
        assert_eq!(age_after(", 2024"), None);
        assert_eq!(age_after(", a 41-year-old nurse"), Some((41.0, 15)));
        assert_eq!(age_after(" was 41 years old"), Some((41.0, 17)));
        assert_eq!(age_before("the 41-year-old "), Some((41.0, 12)));
        let t = "Ana Ruiz, a mother of three, spoke. Ben Ode has two young children.";
        assert_eq!(children(t, 8, 34).map(|(n, _)| n), Some(3.0));
        assert_eq!(children(t, 44, t.len()).map(|(n, _)| n), Some(2.0));
    }

    fn claim(value: &str, articles: &[u64]) -> Claim {
        Claim {
            value: value.into(),
            facts: Vec::new(),
            articles: articles.iter().map(|a| ArticleId(*a)).collect(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn a_figure_revised_in_later_reports_is_an_update_and_overlapping_reports_conflict() {
        let day = |d| NaiveDate::from_ymd_opt(2031, 3, d);
        let published: HashMap<ArticleId, Option<NaiveDate>> = [
            (ArticleId(1), day(1)),
            (ArticleId(2), day(2)),
            (ArticleId(3), day(4)),
            (ArticleId(4), day(2)),
        ]
        .into_iter()
        .collect();
        let mut rising = vec![claim("31", &[3]), claim("12", &[1, 2])];
        assert_eq!(nature(&mut rising, &published, &[]), Nature::Update);
        assert_eq!(rising[0].value, "12", "oldest first");
        let mut same_day = vec![claim("31", &[2]), claim("12", &[4])];
        assert_eq!(nature(&mut same_day, &published, &[]), Nature::Conflict);
        let mut quoted = vec![claim("31", &[2]), claim("12", &[4])];
        let who = [Some("police".to_owned()), Some("the union".to_owned())];
        assert_eq!(nature(&mut quoted, &published, &who), Nature::Attributed);
    }
}
