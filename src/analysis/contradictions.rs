//! Contradictions: facts from different independent sources that fill the
//! same slot with values that cannot both be true. Slots compared here: who
//! holds a role (person), when an event happened (date) and how many of
//! something an event involved (number); [`claims`] adds people's ages and
//! children, sizes and running tallies, and names each contradiction's
//! nature. Spellings of one name are aliases, never contradictions. Nothing
//! is decided by majority: every side is shown with its sources.

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

use crate::extract::time::interval_of;
use crate::model::{ArticleId, Fact, FactId, FactKind, Project};

use super::aliases::Aliases;
use super::claims::{Nature, fixed_nature, is_state_word};
use super::copies::Sources;
use super::names::fold;
use super::roles::role_key;
use super::sentences::ArticleText;
use super::timeline::days;
use super::words::{is_stop, singular, words};
use crate::model::attr;

/// What sort of slot two sources disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContradictionKind {
    /// The same role held by different people.
    Person,
    /// The same event on dates that do not overlap.
    Date,
    /// The same count with values beyond the stated approximation.
    Number,
    /// A person's age or children, or a thing's size.
    Attribute,
    /// A running count of people missing, dead, injured, rescued …
    Tally,
}

impl ContradictionKind {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ContradictionKind::Person => "person",
            ContradictionKind::Date => "date",
            ContradictionKind::Number => "number",
            ContradictionKind::Attribute => "attribute",
            ContradictionKind::Tally => "tally",
        }
    }
}

/// One side of a contradiction: a value and the facts that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The value this side states.
    pub value: String,
    /// The facts stating it (the evidence spans).
    pub facts: Vec<FactId>,
    /// The articles stating it.
    pub articles: Vec<ArticleId>,
    /// Where sentences state it when no single fact does (article, byte range).
    pub spans: Vec<(ArticleId, usize, usize)>,
}

/// Two or more incompatible claims about one slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// The sort of slot.
    pub kind: ContradictionKind,
    /// What the slot is ("Defense Minister of Ukraine", "prisoners in the exchange").
    pub topic: String,
    /// The sides: most articles first, or oldest first for an update.
    pub claims: Vec<Claim>,
    /// Conflict, update or attributed.
    pub nature: Nature,
}

impl Contradiction {
    /// The key the analyst's verdict is saved under: stable across re-extraction.
    pub fn key(&self) -> String {
        format!("{}: {}", self.kind.as_str(), self.topic)
    }
}

/// A fact filling a slot, with the value compared and the value shown.
struct Filler<'a> {
    fact: &'a Fact,
    shown: String,
    range: (f64, f64),
    /// The date of the event the sentence is about, when it gives one (days).
    when: Option<(f64, f64)>,
}

/// Finds every contradiction in `project`.
pub fn find(
    project: &Project,
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
    aliases: &Aliases,
    sources: &Sources,
) -> Vec<Contradiction> {
    let live: Vec<&Fact> = project.live_facts().collect();
    let mut out = persons(&live, aliases, sources);
    out.extend(numbers(&live, texts, sources));
    out.extend(dates(&live, texts, aliases, sources));
    let mut quotes: HashMap<ArticleId, Vec<&Fact>> = HashMap::default();
    for fact in live.iter().filter(|f| f.kind == FactKind::Quote) {
        quotes.entry(fact.article).or_default().push(fact);
    }
    for c in &mut out {
        let reporters: Vec<Option<String>> = c
            .claims
            .iter()
            .map(|claim| reporter(project, &quotes, claim))
            .collect();
        c.nature = fixed_nature(&reporters);
    }
    out
}

/// The one party a side is attributed to: the speaker of the quotes its facts stand in.
fn reporter(
    project: &Project,
    quotes: &HashMap<ArticleId, Vec<&Fact>>,
    claim: &Claim,
) -> Option<String> {
    let mut found: Option<String> = None;
    for id in &claim.facts {
        let fact = project.fact(*id)?;
        let speaker = quotes
            .get(&fact.article)?
            .iter()
            .find(|q| q.start <= fact.start && fact.end <= q.end)
            .and_then(|q| q.attrs.get(attr::SPEAKER))?;
        match &found {
            Some(s) if fold(s) != fold(speaker) => return None,
            _ => found = Some(speaker.clone()),
        }
    }
    found
}

/// Person: a role with a stated organisation or country, held by people of different alias groups.
fn persons(facts: &[&Fact], aliases: &Aliases, sources: &Sources) -> Vec<Contradiction> {
    let mut slots: BTreeMap<String, (String, BTreeMap<usize, Vec<&Fact>>)> = BTreeMap::new();
    for fact in facts.iter().filter(|f| f.kind == FactKind::Role) {
        let (Some(role), Some(_org)) = (fact.attrs.get(attr::ROLE), fact.attrs.get(attr::ORG))
        else {
            continue;
        };
        let lower = fact.text.to_lowercase();
        if ["former", "ex-", "acting", "late "]
            .iter()
            .any(|w| lower.contains(w))
        {
            continue;
        }
        let Some(group) = aliases.fact_group.get(&fact.id) else {
            continue;
        };
        slots
            .entry(role_key(role))
            .or_insert_with(|| (role.clone(), BTreeMap::new()))
            .1
            .entry(*group)
            .or_default()
            .push(fact);
    }
    slots
        .into_values()
        .filter(|(_, holders)| holders.len() >= 2)
        .filter_map(|(topic, holders)| {
            let claims: Vec<Claim> = holders
                .into_iter()
                .map(|(g, facts)| claim(aliases.groups[g].name.clone(), &facts))
                .collect();
            disagree(&claims, sources)
                .then(|| contradiction(ContradictionKind::Person, topic, claims))
        })
        .collect()
}

/// Number: counts of the same thing in sentences about the same kind of event,
/// whose ranges (after their modifiers) do not overlap.
fn numbers(
    facts: &[&Fact],
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
    sources: &Sources,
) -> Vec<Contradiction> {
    let units: BTreeSet<String> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Quantity)
        .filter_map(|f| f.attrs.get(attr::UNIT))
        .map(|u| singular(u))
        .collect();
    let sentence_dates = sentence_dates(facts, texts);
    let mut sentence_units: HashMap<(ArticleId, usize), Option<String>> = HashMap::default();
    let mut slots: BTreeMap<String, Vec<Filler>> = BTreeMap::new();
    for fact in facts.iter().filter(|f| f.kind == FactKind::Quantity) {
        let Some(text) = texts.get(&fact.article) else {
            continue;
        };
        let Some(range) = count_range(fact) else {
            continue;
        };
        let s = text.sentence_of(fact.start);
        let Some(event) = text.event_near(fact.start) else {
            continue;
        };
        // A count followed by the state it counts ("6 people are still
        // missing", "two people to survive") is a tally (see `claims`).
        let rest = &text.text[fact.end..text.sentences.get(s).map_or(fact.end, |x| x.1)];
        let near = rest.char_indices().nth(60).map_or(rest.len(), |(i, _)| i);
        if words(rest, 0, near).iter().any(|w| is_state_word(&w.lower)) {
            continue;
        }
        let unit = match fact.attrs.get(attr::UNIT) {
            Some(u) => singular(u),
            None => match sentence_units
                .entry((fact.article, s))
                .or_insert_with(|| sentence_unit(text, s, &units))
                .clone()
            {
                Some(u) => u,
                None => continue,
            },
        };
        let qualifiers = qualifiers(fact);
        let topic = if qualifiers.is_empty() {
            format!("{unit} ({event})")
        } else {
            format!("{qualifiers} {unit} ({event})")
        };
        let shown = match fact.attrs.get(attr::MODIFIER) {
            Some(m) => format!("{m} {}", fact.value),
            None => fact.value.clone(),
        };
        slots.entry(topic).or_default().push(Filler {
            fact,
            shown,
            range,
            when: sentence_dates.get(&(fact.article, s)).copied(),
        });
    }
    conflicts(ContradictionKind::Number, slots, sources)
}

/// Date: the same kind of event (at the same place, when one is named) on dates that do not overlap.
fn dates(
    facts: &[&Fact],
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
    aliases: &Aliases,
    sources: &Sources,
) -> Vec<Contradiction> {
    let mut places: HashMap<(ArticleId, usize), String> = HashMap::default();
    for fact in facts
        .iter()
        .filter(|f| f.kind == FactKind::Entity && f.label == "LOC")
    {
        if let (Some(text), Some(g)) = (texts.get(&fact.article), aliases.fact_group.get(&fact.id))
        {
            places
                .entry((fact.article, text.sentence_of(fact.start)))
                .or_insert_with(|| aliases.groups[*g].name.clone());
        }
    }
    let mut slots: BTreeMap<String, Vec<Filler>> = BTreeMap::new();
    for fact in facts
        .iter()
        .filter(|f| f.kind == FactKind::Time && f.label == "DATE")
    {
        let Some(text) = texts.get(&fact.article) else {
            continue;
        };
        let Some(interval) = interval_of(&fact.value, &fact.attrs) else {
            continue;
        };
        let s = text.sentence_of(fact.start);
        let Some(event) = text.event_near(fact.start) else {
            continue;
        };
        let topic = match places.get(&(fact.article, s)) {
            Some(place) => format!("{event} in {place}"),
            None => (*event).to_owned(),
        };
        slots.entry(topic).or_default().push(Filler {
            fact,
            shown: fact.value.clone(),
            range: (days(interval.start), days(interval.end)),
            when: None,
        });
    }
    conflicts(ContradictionKind::Date, slots, sources)
}

/// The contradictions among the fillers of each slot: values from different
/// sources whose ranges do not overlap. A slot where one source itself gives
/// non-overlapping values is several events, not a contradiction; values in
/// sentences dated to different days are different events too.
fn conflicts(
    kind: ContradictionKind,
    slots: BTreeMap<String, Vec<Filler>>,
    sources: &Sources,
) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for (topic, fillers) in slots {
        if fillers.len() < 2 || self_clash(&fillers, sources) || !cross_clash(&fillers, sources) {
            continue;
        }
        let mut by_value: BTreeMap<String, Vec<&Fact>> = BTreeMap::new();
        for f in &fillers {
            by_value.entry(f.shown.clone()).or_default().push(f.fact);
        }
        let claims = by_value
            .into_iter()
            .map(|(value, facts)| claim(value, &facts))
            .collect();
        out.push(contradiction(kind, topic, claims));
    }
    out
}

/// True when one source gives values for the slot that cannot both be true.
fn self_clash(fillers: &[Filler], sources: &Sources) -> bool {
    let mut by_source: HashMap<ArticleId, Vec<&Filler>> = HashMap::default();
    for f in fillers {
        by_source
            .entry(sources.of(f.fact.article))
            .or_default()
            .push(f);
    }
    by_source.values().any(|list| {
        list.iter().enumerate().any(|(i, a)| {
            list[i + 1..]
                .iter()
                .any(|b| !overlaps(a.range, b.range) && !different_events(a, b))
        })
    })
}

/// True when two sources give values that cannot both be true, comparing
/// undated values with each other and with each dated event (linear time).
fn cross_clash(fillers: &[Filler], sources: &Sources) -> bool {
    let mut undated = Extremes::default();
    let mut dated: HashMap<(u64, u64), Extremes> = HashMap::default();
    for f in fillers {
        let source = sources.of(f.fact.article);
        match f.when {
            None => undated.add(f.range, source),
            Some((a, b)) => dated
                .entry((a.to_bits(), b.to_bits()))
                .or_default()
                .add(f.range, source),
        }
    }
    undated.clash() || dated.values().any(|d| d.with(&undated).clash())
}

/// The two lowest upper bounds and the two highest lower bounds of a set
/// of ranges, each from a different source: enough to tell whether two
/// sources' ranges are disjoint.
#[derive(Default, Clone)]
struct Extremes {
    low_ends: Vec<(f64, ArticleId)>,
    high_starts: Vec<(f64, ArticleId)>,
}

impl Extremes {
    fn add(&mut self, (lo, hi): (f64, f64), source: ArticleId) {
        keep_best(&mut self.low_ends, hi, source, |a, b| a < b);
        keep_best(&mut self.high_starts, lo, source, |a, b| a > b);
    }

    fn with(&self, other: &Extremes) -> Extremes {
        let mut out = self.clone();
        for (hi, s) in &other.low_ends {
            keep_best(&mut out.low_ends, *hi, *s, |a, b| a < b);
        }
        for (lo, s) in &other.high_starts {
            keep_best(&mut out.high_starts, *lo, *s, |a, b| a > b);
        }
        out
    }

    fn clash(&self) -> bool {
        self.low_ends
            .iter()
            .any(|(hi, s1)| self.high_starts.iter().any(|(lo, s2)| s1 != s2 && lo > hi))
    }
}

/// Keeps the two best values of distinct sources.
fn keep_best(
    list: &mut Vec<(f64, ArticleId)>,
    value: f64,
    source: ArticleId,
    better: fn(f64, f64) -> bool,
) {
    match list.iter_mut().find(|(_, s)| *s == source) {
        Some(entry) if better(value, entry.0) => entry.0 = value,
        Some(_) => return,
        None => list.push((value, source)),
    }
    list.sort_by(|a, b| {
        if better(a.0, b.0) {
            std::cmp::Ordering::Less
        } else if better(b.0, a.0) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    list.truncate(2);
}

fn different_events(a: &Filler, b: &Filler) -> bool {
    matches!((a.when, b.when), (Some(x), Some(y)) if !overlaps(x, y))
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// True when the claims come from at least two independent sources.
fn disagree(claims: &[Claim], sources: &Sources) -> bool {
    sources.count(claims.iter().flat_map(|c| c.articles.iter())) >= 2
}

fn claim(value: String, facts: &[&Fact]) -> Claim {
    let mut sorted: Vec<&&Fact> = facts.iter().collect();
    sorted.sort_by_key(|f| (f.article, f.start));
    let mut articles: Vec<ArticleId> = sorted.iter().map(|f| f.article).collect();
    articles.dedup();
    Claim {
        value,
        facts: sorted.iter().map(|f| f.id).collect(),
        articles,
        spans: Vec::new(),
    }
}

fn contradiction(kind: ContradictionKind, topic: String, mut claims: Vec<Claim>) -> Contradiction {
    claims.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.value.cmp(&b.value))
    });
    Contradiction {
        kind,
        topic,
        claims,
        nature: Nature::Conflict,
    }
}

/// The first precise date of each sentence (day-sized or finer), which tells events apart.
fn sentence_dates(
    facts: &[&Fact],
    texts: &HashMap<ArticleId, &ArticleText<'_>>,
) -> HashMap<(ArticleId, usize), (f64, f64)> {
    let mut out = HashMap::default();
    for fact in facts
        .iter()
        .filter(|f| f.kind == FactKind::Time && f.label == "DATE")
    {
        let (Some(text), Some(interval)) = (
            texts.get(&fact.article),
            interval_of(&fact.value, &fact.attrs),
        ) else {
            continue;
        };
        let range = (days(interval.start), days(interval.end));
        if range.1 - range.0 <= 7.0 {
            out.entry((fact.article, text.sentence_of(fact.start)))
                .or_insert(range);
        }
    }
    out
}

/// A unit noun of the dossier named in the sentence, for counts that give none
/// ("the number of prisoners … is expected to be about 1,200").
fn sentence_unit(text: &ArticleText<'_>, s: usize, units: &BTreeSet<String>) -> Option<String> {
    let (from, to) = *text.sentences.get(s)?;
    words(text.text, from, to)
        .iter()
        .map(|w| singular(&w.lower))
        .find(|w| units.contains(w))
}

/// Lower-case words between the number and its unit ("fallen" in "6,000 fallen
/// Ukrainian soldiers"), which make it a count of something narrower.
fn qualifiers(fact: &Fact) -> String {
    let Some(unit) = fact.attrs.get(attr::UNIT) else {
        return String::new();
    };
    let Some(at) = fact.text.rfind(unit.as_str()) else {
        return String::new();
    };
    let mut out: Vec<String> = words(&fact.text, 0, at)
        .into_iter()
        .filter(|w| {
            let first = fact.text[w.start..].chars().next();
            first.is_some_and(char::is_lowercase) && !is_stop(&w.lower) && !is_modifier(&w.lower)
        })
        .map(|w| w.lower.into_owned())
        .collect();
    out.dedup();
    out.join(" ")
}

fn is_modifier(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "around"
            | "some"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "least"
            | "up"
            | "fewer"
            | "less"
            | "several"
            | "estimated"
            | "thousand"
            | "thousands"
            | "hundred"
            | "hundreds"
            | "million"
            | "millions"
            | "dozen"
            | "dozens"
            | "tens"
    )
}

/// The range of counts a quantity fact allows, given its modifier:
/// "about 1,200" → 1,080–1,320; "at least 1,000" → 1,000–∞. Vague counts
/// ("thousands", "several hundred") give none: they are too loose to contradict anything.
pub fn count_range(fact: &Fact) -> Option<(f64, f64)> {
    let value = fact.value.split(" for ").next()?.trim();
    if value.ends_with('s')
        || fact
            .attrs
            .get(attr::MODIFIER)
            .is_some_and(|m| m == "several")
    {
        return None;
    }
    if fact.attrs.contains_key(attr::FORMULA) && value.parse::<f64>().is_ok_and(|n| n < 2.0) {
        return None;
    }
    let (lo, hi) = match value.split_once('-') {
        Some((a, b)) => (bound(a)?.0, bound(b)?.1),
        None => bound(value)?,
    };
    let modifier = fact
        .attrs
        .get(attr::MODIFIER)
        .map(String::as_str)
        .unwrap_or("");
    Some(match modifier {
        "about" | "around" | "some" | "roughly" | "approximately" | "an estimated"
        | "estimated" | "almost" | "nearly" | "close to" => {
            if matches!(modifier, "almost" | "nearly" | "close to") {
                (lo * 0.9, hi)
            } else {
                (lo * 0.9, hi * 1.1)
            }
        }
        "more than" | "over" | "above" | "at least" | "upwards of" => (lo, f64::INFINITY),
        "up to" | "fewer than" | "less than" | "under" | "at most" | "below" => (0.0, hi),
        _ => (lo, hi),
    })
}

/// One number of a quantity value.
fn bound(n: &str) -> Option<(f64, f64)> {
    let v: f64 = n.trim().parse().ok()?;
    Some((v, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FactKind;

    fn count(text: &str, value: &str, attrs: &[(&str, &str)]) -> Fact {
        Fact::for_test(FactKind::Quantity, "COUNT", text, value, attrs)
    }

    #[test]
    fn modifiers_widen_a_count_into_a_range() {
        let exact = count("300 houses", "300", &[("unit", "houses")]);
        assert_eq!(count_range(&exact), Some((300.0, 300.0)));
        let about = count("about 300 houses", "300", &[("modifier", "about")]);
        let (lo, hi) = count_range(&about).unwrap();
        assert!((lo - 270.0).abs() < 1e-9 && (hi - 330.0).abs() < 1e-9);
        let nearly = count("nearly 300", "300", &[("modifier", "nearly")]);
        assert_eq!(count_range(&nearly).map(|r| r.1), Some(300.0));
        let floor = count("at least 300", "300", &[("modifier", "at least")]);
        assert_eq!(count_range(&floor), Some((300.0, f64::INFINITY)));
        let ceiling = count("up to 300", "300", &[("modifier", "up to")]);
        assert_eq!(count_range(&ceiling), Some((0.0, 300.0)));
        let span = count("20-25 boats", "20-25", &[]);
        assert_eq!(count_range(&span), Some((20.0, 25.0)));
    }

    #[test]
    fn vague_counts_contradict_nothing() {
        assert_eq!(count_range(&count("hundreds of boats", "100s", &[])), None);
        let several = count("several hundred", "200", &[("modifier", "several")]);
        assert_eq!(count_range(&several), None);
        let one_for_one = count("one-for-one", "1 for 1", &[("formula", "exchange")]);
        assert_eq!(count_range(&one_for_one), None);
        assert_eq!(count_range(&count("a few", "few", &[])), None);
    }

    #[test]
    fn lower_case_words_before_the_unit_narrow_the_count() {
        let fallen = count(
            "about 6,000 retired volunteer firefighters",
            "6000",
            &[("unit", "firefighters")],
        );
        assert_eq!(qualifiers(&fallen), "retired volunteer");
        let plain = count(
            "nearly 6,000 firefighters",
            "6000",
            &[("unit", "firefighters")],
        );
        assert_eq!(qualifiers(&plain), "");
        assert_eq!(qualifiers(&count("6,000", "6000", &[])), "");
    }
}
