//! Events across articles: the event mentions of every article grouped into
//! happenings ("the second round of talks, Geneva, 2 June", seen by five
//! sources). Mentions join within an article first (a later "the talks"
//! refers back to the latest compatible talks), then across articles.
//!
//! Two mentions are one event only when their types agree and nothing
//! vetoes it: dates of their own clause that do not overlap at their
//! precision, places that differ, different numbers in a series, different
//! speakers of a statement. A candidate is checked against the whole event
//! it would join, never against one member only, so chains of look-alikes
//! do not merge. A mention without a date of its own joins another
//! article's event only on positive evidence: the same series number, or a
//! shared participant or place together with the same trigger lemma.
//! The analyst's merges, splits and names are applied last.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::entity::gazetteer::GAZ;
use crate::extract::event::{EventStatus, EventType, yearless_month_day};
use crate::extract::time::{Granularity, interval_of};
use crate::model::{ArticleId, EventDecision, Fact, FactId, FactKind, Project};

use super::aliases::Aliases;
use super::keys::{Key, SortedSet, key_of};
use super::names::fold;
use super::similarity::Profiles;
use super::stories::Stories;
use super::timeline::days;
use crate::model::attr;

/// Where a mention's date comes from, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    /// A time expression in the mention's own clause.
    Clause,
    /// A date mentioned nearby in the article ("it" happened then).
    Discourse,
    /// Only the article's publication date.
    Publication,
}

impl DateSource {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Clause => "clause",
            DateSource::Discourse => "discourse",
            DateSource::Publication => "publication",
        }
    }
}

/// The date one mention claims for its event.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedDate {
    /// The TIMEX3 value ("2025-05-16", "2025-05").
    pub value: String,
    /// First day covered, in days since 1970-01-01.
    pub start: f64,
    /// End (exclusive), in days since 1970-01-01.
    pub end: f64,
    /// How precise it is.
    pub granularity: Granularity,
    /// Where it comes from.
    pub source: DateSource,
}

/// One mention of an event in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    /// The event fact.
    pub fact: FactId,
    /// Its article.
    pub article: ArticleId,
    /// Its byte offset in the article (with the article, the key decisions use).
    pub start: usize,
    /// The type of happening.
    pub ty: EventType,
    /// The trigger's lemma.
    pub lemma: String,
    /// The key of its lemma.
    lemma_key: Key,
    /// Took place, agreed, planned …
    pub status: EventStatus,
    /// Its number in a series ("2"), if stated.
    pub series: Option<String>,
    /// True for a definite reference ("the talks") to an event told elsewhere.
    pub definite: bool,
    /// True when it stands in the article's headline, whose tense says
    /// little about whether the event took place.
    headline: bool,
    /// Month and day of an own-clause date whose year is unknown ("March 27"
    /// in an undated article), which can still rule out other days.
    month_day: Option<(u32, u32)>,
    /// The day of the week its clause names when that day is not on the
    /// calendar (0 for Monday).
    weekday: Option<u32>,
    /// The publication day of its article (days since 1970), when known.
    published: Option<f64>,
    /// The date it claims.
    pub date: Option<ClaimedDate>,
    /// Participants, as keys of their alias keys (see [`Resolver`]).
    participants: SortedSet<Key>,
    /// Places and venues, likewise.
    places: SortedSet<Key>,
    /// Those of its places that are countries (see [`Group::compatible`]).
    countries: SortedSet<Key>,
    /// Those of its places that are venues (a palace, a stadium).
    venues: SortedSet<Key>,
}

impl EventMention {
    /// The key the analyst's decisions name this mention by: stable across
    /// re-extraction while the article's text does not change.
    pub fn key(&self) -> String {
        mention_key(self.article, self.start)
    }
}

/// The key of the event mention at byte `start` of `article`.
pub fn mention_key(article: ArticleId, start: usize) -> String {
    format!("{}@{start}", article.0)
}

/// One happening and every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Its type.
    pub ty: EventType,
    /// A readable name ("Talks, round 2 — Geneva").
    pub label: String,
    /// True when the analyst named it.
    pub renamed: bool,
    /// The mentions, by article then position.
    pub mentions: Vec<EventMention>,
    /// The date of the event: the finest date its own clauses give, else
    /// the most common nearby date, else the earliest publication date.
    pub date: Option<ClaimedDate>,
    /// Where it happened (most mentioned place), if stated.
    pub place: Option<String>,
    /// Who took part, most mentioned first.
    pub participants: Vec<String>,
    /// Its number in a series, if stated.
    pub series: Option<String>,
    /// The status most of its dated mentions give (of all its mentions when
    /// none has a date of its own), "took place" winning ties.
    pub status: EventStatus,
    /// The articles mentioning it.
    pub articles: Vec<ArticleId>,
}

impl Event {
    /// The key of its first mention, which the analyst's decisions use.
    pub fn key(&self) -> String {
        self.mentions
            .first()
            .map(EventMention::key)
            .unwrap_or_default()
    }
}

/// All events of a project, in time order (undated last).
#[derive(Debug, Clone, Default)]
pub struct Events {
    /// The events.
    pub list: Vec<Event>,
    /// The event of each event fact.
    pub fact_event: HashMap<FactId, usize>,
}

/// Names of places and people as written in the facts, resolved to alias
/// keys: "g12" for a name of alias group 12, else the folded name. Events
/// compare the [`Key`]s of those; `names` keeps each key's alias key, for
/// the labels and the order of names. Each name is resolved once per
/// article (names repeat across an article's events).
struct Resolver<'a> {
    aliases: &'a Aliases,
    memo: std::cell::RefCell<FxHashMap<(ArticleId, &'a str), Key>>,
    names: std::cell::RefCell<FxHashMap<Key, String>>,
}

impl<'a> Resolver<'a> {
    fn new(aliases: &'a Aliases) -> Self {
        Resolver {
            aliases,
            memo: Default::default(),
            names: Default::default(),
        }
    }

    fn keys(&self, list: Option<&'a String>, article: ArticleId) -> SortedSet<Key> {
        self.keys_of(list, article, |_| true)
    }

    /// The keys of the names of `list` that `keep` accepts.
    fn keys_of(
        &self,
        list: Option<&'a String>,
        article: ArticleId,
        keep: impl Fn(&str) -> bool,
    ) -> SortedSet<Key> {
        list.into_iter()
            .flat_map(|l| l.split("; "))
            .filter(|n| !n.is_empty() && keep(n))
            .map(|n| {
                *self
                    .memo
                    .borrow_mut()
                    .entry((article, n))
                    .or_insert_with(|| {
                        let name = match self.aliases.resolve(n, article) {
                            Some(g) => format!("g{g}"),
                            None => fold(n),
                        };
                        let key = key_of(&name);
                        self.names.borrow_mut().insert(key, name);
                        key
                    })
            })
            .collect()
    }
}

impl Events {
    /// Groups the event facts of `project` into events, then applies the
    /// analyst's decisions.
    pub fn build(project: &Project, aliases: &Aliases, profiles: &Profiles) -> Self {
        let published: HashMap<ArticleId, Option<NaiveDate>> = project
            .articles
            .iter()
            .map(|a| (a.id, a.published))
            .collect();
        let published_day: HashMap<ArticleId, f64> = project
            .articles
            .iter()
            .filter_map(|a| Some((a.id, days(a.published?.and_time(chrono::NaiveTime::MIN)))))
            .collect();
        let order: HashMap<ArticleId, usize> = project
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        let mut by_article: BTreeMap<usize, Vec<&Fact>> = BTreeMap::new();
        for fact in project.live_facts().filter(|f| f.kind == FactKind::Event) {
            let o = order.get(&fact.article).copied().unwrap_or(usize::MAX);
            by_article.entry(o).or_default().push(fact);
        }
        let per_article: Vec<(Vec<Group>, FxHashMap<Key, String>)> = by_article
            .into_values()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|mut facts| {
                facts.sort_by_key(|f| f.start);
                let resolver = Resolver::new(aliases);
                let mut mentions: Vec<EventMention> =
                    facts.iter().filter_map(|f| mention(f, &resolver)).collect();
                for m in &mut mentions {
                    m.published = published_day.get(&m.article).copied();
                }
                (within_article(mentions), resolver.names.into_inner())
            })
            .collect();
        let mut names: FxHashMap<Key, String> = FxHashMap::default();
        let mut groups: Vec<Group> = Vec::new();
        for (article_groups, article_names) in per_article {
            groups.extend(article_groups);
            names.extend(article_names);
        }
        // Events of different types never join (but for attacks and
        // accidents), so each family is grouped on its own, in parallel.
        let common = setting(&groups);
        let stories = Stories::build(profiles);
        let mut families: BTreeMap<EventType, Vec<Group>> = BTreeMap::new();
        for g in groups {
            let family = match g.ty {
                EventType::Disaster => EventType::Attack,
                t => t,
            };
            families.entry(family).or_default().push(g);
        }
        let mut groups: Vec<Group> = families
            .into_values()
            .collect::<Vec<_>>()
            .into_par_iter()
            .flat_map_iter(|family| {
                let context = Context {
                    common: &common,
                    profiles,
                    stories: &stories,
                    published: &published_day,
                };
                across_articles(family, &context)
            })
            .collect();
        apply_decisions(&mut groups, &project.decisions.events);
        let labels: HashMap<String, String> = project
            .decisions
            .events
            .iter()
            .filter_map(|d| match d {
                EventDecision::Rename(key, label) => Some((key.clone(), label.clone())),
                _ => None,
            })
            .collect();
        let events: Vec<Event> = groups
            .into_par_iter()
            .filter(|g| !g.mentions.is_empty())
            .map(|g| finish(g, aliases, &names, &published, &labels))
            .collect();
        let list = sorted_by_key(events, |e| {
            let start = e.date.as_ref().map_or(f64::INFINITY, |d| d.start);
            (TotalOrder(start), e.key())
        });
        let fact_event = list
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.fact, i)))
            .collect();
        Events { list, fact_event }
    }

    /// The event holding the mention with this key.
    pub fn by_mention_key(&self, key: &str) -> Option<usize> {
        self.list
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.key() == key))
    }
}

/// A day count ordered by [`f64::total_cmp`].
#[derive(PartialEq)]
struct TotalOrder(f64);

impl Eq for TotalOrder {}

impl PartialOrd for TotalOrder {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TotalOrder {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Reads one event fact; `None` for facts of an unknown type.
fn mention<'a>(fact: &'a Fact, resolver: &Resolver<'a>) -> Option<EventMention> {
    let ty = EventType::parse(&fact.label)?;
    let status = fact
        .attrs
        .get(attr::STATUS)
        .and_then(|s| EventStatus::parse(s))
        .unwrap_or(EventStatus::TookPlace);
    let date = fact.attrs.get(attr::TIME).and_then(|value| {
        let mut attrs = BTreeMap::new();
        if let Some(end) = fact.attrs.get(attr::TIME_END) {
            attrs.insert(attr::RANGE_END.to_owned(), end.clone());
        }
        let interval = interval_of(value, &attrs)?;
        let source = match fact.attrs.get(attr::TIME_SOURCE).map(String::as_str) {
            Some("discourse") => DateSource::Discourse,
            _ => DateSource::Clause,
        };
        Some(ClaimedDate {
            value: value.clone(),
            start: days(interval.start),
            end: days(interval.end),
            granularity: interval.granularity,
            source,
        })
    });
    let mut places = resolver.keys(fact.attrs.get(attr::PLACE), fact.article);
    let venues = resolver.keys(fact.attrs.get(attr::VENUE), fact.article);
    places.extend(&venues);
    let countries = resolver.keys_of(fact.attrs.get(attr::PLACE), fact.article, |n| {
        GAZ.is_country(n)
    });
    Some(EventMention {
        fact: fact.id,
        article: fact.article,
        start: fact.start,
        ty,
        lemma: fact.value.clone(),
        lemma_key: key_of(&fact.value),
        status,
        series: fact
            .attrs
            .get(attr::SERIES)
            .filter(|s| s.parse::<u32>().is_ok())
            .cloned(),
        definite: fact.attrs.get(attr::DEFINITE).is_some_and(|v| v == "true"),
        headline: fact.attrs.get(attr::HEADLINE).is_some_and(|v| v == "true"),
        month_day: fact
            .attrs
            .get(attr::TIME)
            .filter(|_| fact.attrs.get(attr::TIME_SOURCE).map(String::as_str) == Some("clause"))
            .and_then(|v| yearless_month_day(v)),
        weekday: fact
            .attrs
            .get(attr::WEEKDAY)
            .and_then(|d| weekday_number(d)),
        published: None,
        date,
        participants: resolver.keys(fact.attrs.get(attr::PARTICIPANTS), fact.article),
        places,
        countries,
        venues,
    })
}

/// The number of a weekday's name, Monday 0.
fn weekday_number(name: &str) -> Option<u32> {
    name.parse::<chrono::Weekday>()
        .ok()
        .map(|d| d.num_days_from_monday())
}

/// The single day a span of days since 1970 covers, if it is one day.
fn single_day((s, e): (f64, f64)) -> Option<NaiveDate> {
    (e - s <= 1.0 + 1e-9)
        .then(|| super::timeline::date_of(s))
        .flatten()
}

/// The weekday of the single day a group's own date covers (Monday 0).
fn weekday_of(days_since_epoch: (f64, f64)) -> Option<u32> {
    use chrono::Datelike;
    single_day(days_since_epoch).map(|d| d.weekday().num_days_from_monday())
}

/// The month and day of the single day a group's own date covers.
fn month_day_of(days_since_epoch: (f64, f64)) -> Option<(u32, u32)> {
    use chrono::Datelike;
    single_day(days_since_epoch).map(|d| (d.month(), d.day()))
}

/// Mentions being grouped, with what they jointly claim.
#[derive(Debug, Clone)]
struct Group {
    mentions: Vec<EventMention>,
    ty: EventType,
    /// The overlap of the dates their own clauses give.
    date: Option<(f64, f64)>,
    /// The overlap of the nearby dates of members without a date of their
    /// own; `None` when there are none or they do not overlap.
    near: Option<(f64, f64)>,
    /// True once two nearby dates failed to overlap.
    near_conflict: bool,
    /// True when one of its mentions is a definite reference.
    definite: bool,
    /// True when a mention outside the headline says it took place.
    told_done: bool,
    /// The month and day its members date it to without a year, if any.
    month_day: Option<(u32, u32)>,
    /// The weekday its members name without a date, if any.
    weekday: Option<u32>,
    /// The earliest publication day of the articles that report it as
    /// having taken place: it cannot have happened after that day.
    reported_by: Option<f64>,
    /// True when one of its mentions is not told as having taken place
    /// (planned, denied …): then its publication days bound nothing.
    untaken: bool,
    places: SortedSet<Key>,
    /// Its places that are countries, venues, and the others (towns,
    /// regions): each kind rules out only places of its own kind (a city
    /// lies in some country, a palace in some city).
    countries: SortedSet<Key>,
    venues: SortedSet<Key>,
    towns: SortedSet<Key>,
    participants: SortedSet<Key>,
    lemmas: SortedSet<Key>,
    series: Option<String>,
    articles: SortedSet<ArticleId>,
}

impl Group {
    fn of(m: EventMention) -> Group {
        let mut g = Group {
            ty: m.ty,
            ..Group::empty()
        };
        g.add(m);
        g
    }

    fn own_date(m: &EventMention) -> Option<(f64, f64)> {
        m.date
            .as_ref()
            .filter(|d| d.source == DateSource::Clause)
            .map(|d| (d.start, d.end))
    }

    fn add(&mut self, m: EventMention) {
        self.definite |= m.definite;
        self.told_done |= m.status == EventStatus::TookPlace && !m.headline;
        if self.month_day.is_none() {
            self.month_day = m.month_day;
        }
        if self.weekday.is_none() {
            self.weekday = m.weekday;
        }
        self.untaken |= m.status != EventStatus::TookPlace;
        if m.status == EventStatus::TookPlace
            && let Some(p) = m.published
        {
            self.reported_by = Some(self.reported_by.map_or(p, |r| r.min(p)));
        }
        if let Some((s, e)) = Group::own_date(&m) {
            self.date = Some(match self.date {
                Some((gs, ge)) => (gs.max(s), ge.min(e)),
                None => (s, e),
            });
        } else if let Some(d) = m
            .date
            .as_ref()
            .filter(|d| d.source == DateSource::Discourse)
            && !self.near_conflict
        {
            self.near = match self.near {
                Some((gs, ge)) if gs.max(d.start) < ge.min(d.end) => {
                    Some((gs.max(d.start), ge.min(d.end)))
                }
                Some(_) => {
                    self.near_conflict = true;
                    None
                }
                None => Some((d.start, d.end)),
            };
        }
        self.places.extend(&m.places);
        for &p in &m.places {
            if m.countries.contains(&p) {
                self.countries.insert(p);
            } else if m.venues.contains(&p) {
                self.venues.insert(p);
            } else {
                self.towns.insert(p);
            }
        }
        self.participants.extend(&m.participants);
        self.lemmas.insert(m.lemma_key);
        if self.series.is_none() {
            self.series.clone_from(&m.series);
        }
        self.articles.insert(m.article);
        self.mentions.push(m);
    }

    fn absorb(&mut self, other: Group) {
        for m in other.mentions {
            self.add(m);
        }
    }

    /// True when nothing the two groups claim rules out one event.
    ///
    /// Dates are compared at their precision: own-clause dates always, and
    /// within one article a group's nearby date stands in for a missing
    /// own date (the article's narrative moves from one happening to the
    /// next). Across articles a date borrowed from the discourse is not a
    /// claim of the mention: it dates an event but rules out no join.
    fn compatible(&self, other: &Group) -> bool {
        if !same_kind(self, other) {
            return false;
        }
        let one_article = !self.articles.is_disjoint(&other.articles);
        let when = |g: &Group| {
            if one_article {
                g.date.or(g.near)
            } else {
                g.date
            }
        };
        if let (Some((a, b)), Some((c, d))) = (when(self), when(other))
            && (a.max(c) >= b.min(d))
        {
            return false;
        }
        let day = |g: &Group| g.month_day.or_else(|| g.date.and_then(month_day_of));
        if let (Some(a), Some(b)) = (day(self), day(other))
            && a != b
        {
            return false;
        }
        if let (Some(a), Some(b)) = (&self.series, &other.series)
            && a != b
        {
            return false;
        }
        let later = |g: &Group, h: &Group| {
            !g.untaken
                && matches!((g.reported_by, h.date), (Some(p), Some((start, _))) if start >= p + 1.0)
        };
        if later(self, other) || later(other, self) {
            return false;
        }
        if let (Some(a), Some(b)) = (self.day_of_week(), other.day_of_week())
            && a != b
        {
            return false;
        }
        let apart = |a: &SortedSet<Key>, b: &SortedSet<Key>| {
            !a.is_empty()
                && !b.is_empty()
                && a.is_disjoint(b)
                && self.participants.is_disjoint(b)
                && other.participants.is_disjoint(a)
        };
        if apart(&self.countries, &other.countries)
            || apart(&self.venues, &other.venues)
            || apart(&self.towns, &other.towns)
        {
            return false;
        }
        if self.ty == EventType::Statement
            && (self.participants.is_disjoint(&other.participants)
                || self.lemmas.is_disjoint(&other.lemmas))
        {
            return false;
        }
        true
    }

    /// How strongly the two groups look like one event across articles
    /// (0: not enough to join).
    ///
    /// Two groups dated by their own clauses (already known to overlap)
    /// join on any shared evidence. Otherwise the evidence must be strong:
    /// the same number in a series, or the same trigger lemma in articles
    /// that tell of the same happening (alike in content words), or the
    /// same trigger lemma and a shared
    /// participant or place that is not the setting of the whole dossier
    /// (see [`setting`]), or the same lemma in a definite reference ("the
    /// shooting") to an event with the same participants.
    fn evidence(&self, other: &Group, context: &Context) -> u32 {
        let common = context.common;
        let same_lemma = !self.lemmas.is_disjoint(&other.lemmas);
        let distinctive = |a: &SortedSet<Key>, b: &SortedSet<Key>| {
            a.intersection(b).any(|k| !common.contains(&k))
        };
        let shared_people = distinctive(&self.participants, &other.participants);
        let shared_place = distinctive(&self.places, &other.places);
        let same_series = self.series.is_some() && self.series == other.series;
        let day = |g: &Group| g.month_day.or_else(|| g.date.and_then(month_day_of));
        let both_dated = (self.date.is_some() && other.date.is_some())
            || (day(self).is_some() && day(self) == day(other));
        let definite = self.definite || other.definite;
        let named_weekday = (self.weekday.is_some() || other.weekday.is_some())
            && self.day_of_week().is_some()
            && self.day_of_week() == other.day_of_week();
        let score = 4 * u32::from(same_series)
            + 3 * u32::from(both_dated)
            + 2 * u32::from(shared_place)
            + u32::from(shared_people)
            + u32::from(same_lemma);
        let nearby_agree = !self.nearby_disagrees(other);
        let strong = same_series
            || (same_lemma && nearby_agree && (shared_people || shared_place))
            || (same_lemma
                && nearby_agree
                && definite
                && !self.participants.is_disjoint(&other.participants))
            || (both_dated && (score > 3 || (self.day_precise() && other.day_precise())))
            || (same_lemma && named_weekday)
            || (same_lemma && nearby_agree && context.alike(self, other));
        if strong { score } else { 0 }
    }

    /// True when the dates the two groups have, their own or else the
    /// nearest of their articles, lie apart by more than a day (see
    /// [`NEARBY_SLACK_DAYS`]): not a veto across articles, but then only
    /// a series number or a date of their own can join them.
    fn nearby_disagrees(&self, other: &Group) -> bool {
        let when = |g: &Group| g.date.or(g.near);
        matches!((when(self), when(other)), (Some((a, b)), Some((c, d))) if a.max(c) >= b.min(d) + NEARBY_SLACK_DAYS)
    }

    /// The weekday its members name, or that its own single-day date falls on.
    fn day_of_week(&self) -> Option<u32> {
        self.weekday.or_else(|| self.date.and_then(weekday_of))
    }

    /// True when its own clauses date it to one day or finer.
    fn day_precise(&self) -> bool {
        self.date.is_some_and(|(s, e)| e - s <= 1.0 + 1e-9)
    }

    /// True when both groups' own dates are single days (the compatibility
    /// check has already made them the same day).
    fn same_day(&self, other: &Group) -> bool {
        self.day_precise() && other.day_precise()
    }

    /// True when the groups share the lemma of a trigger and any name or
    /// place, even one of the dossier's setting.
    fn loosely_alike(&self, other: &Group) -> bool {
        !self.lemmas.is_disjoint(&other.lemmas)
            && (!self.participants.is_disjoint(&other.participants)
                || !self.places.is_disjoint(&other.places))
    }
}

/// How far apart (in days) a date borrowed from the discourse may lie from
/// another group's date and still not disagree with it: the neighbouring
/// sentence of a news story often tells the day before or after ("crashed
/// on Tuesday … divers searched on Wednesday").
const NEARBY_SLACK_DAYS: f64 = 1.0;

/// Trigger lemmas that name an accident as often as an attack ("the ship
/// struck the bridge"): their mentions may join an event of either type.
const ATTACK_OR_ACCIDENT: &[&str] = &["strike", "hit"];

/// True when the two groups are of one type, or of the two types an
/// ambiguous trigger bridges.
fn same_kind(a: &Group, b: &Group) -> bool {
    if a.ty == b.ty {
        return true;
    }
    let bridged = |g: &Group| {
        g.lemmas
            .iter()
            .all(|l| ATTACK_OR_ACCIDENT.iter().any(|w| key_of(w) == *l))
    };
    matches!(
        (a.ty, b.ty),
        (EventType::Attack, EventType::Disaster) | (EventType::Disaster, EventType::Attack)
    ) && (bridged(a) || bridged(b))
}

/// Joins each mention to the latest compatible event of its article told of
/// on the same day (or named weekday) or with its number in a series, else
/// to the latest compatible one with its trigger lemma or that it refers
/// back to, or starts a new one. A mention with a date of its own starts a
/// new event rather than dating an undated one, unless it refers back ("the attack
/// on Monday") or the event has a date it agrees with. A planned or
/// conditional mention never joins an event the article's body says took
/// place ("the talks were held on Monday … they would hold talks again"):
/// it tells of the next one.
fn within_article(mentions: Vec<EventMention>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut latest: Vec<usize> = Vec::new();
    for m in mentions {
        let single = Group::of(m);
        let m = &single.mentions[0];
        let dated = single.date.is_some() || single.month_day.is_some();
        let same_time = |group: &Group| {
            group.same_day(&single)
                || (m.weekday.is_some() && group.weekday == m.weekday)
                || (m.series.is_some() && group.series == m.series)
        };
        let ahead = matches!(m.status, EventStatus::Planned | EventStatus::Hypothetical);
        let joinable: Vec<usize> = latest
            .iter()
            .rev()
            .copied()
            .filter(|&g| {
                let group = &groups[g];
                let group_dated = group.date.is_some() || group.month_day.is_some();
                group.compatible(&single)
                    && (m.definite || !dated || group_dated)
                    && !(ahead && group.told_done)
            })
            .collect();
        let target = joinable
            .iter()
            .copied()
            .find(|&g| same_time(&groups[g]))
            .or_else(|| {
                joinable
                    .iter()
                    .copied()
                    .find(|&g| m.definite || groups[g].lemmas.contains(&m.lemma_key))
            });
        match target {
            Some(g) => {
                groups[g].absorb(single);
                latest.retain(|&x| x != g);
                latest.push(g);
            }
            None => {
                groups.push(single);
                latest.push(groups.len() - 1);
            }
        }
    }
    groups
}

/// The cosine of content-word profiles (see [`Profiles`]) from which two
/// articles count as telling of the same happening.
const SIMILAR_ARTICLES: f32 = 0.2;

/// How many days apart the news of two groups may lie (their own dates or
/// their articles' publication days) and still tell of the same happening
/// by their words alone.
const SAME_NEWS_DAYS: f64 = 2.0;

/// What the grouping across articles knows about the dossier as a whole.
struct Context<'a> {
    /// The names and places of its setting (see [`setting`]).
    common: &'a FxHashSet<Key>,
    /// How alike its articles are.
    profiles: &'a Profiles,
    /// Which of its articles tell one story.
    stories: &'a Stories,
    /// The publication day of each article whose date is known (days since
    /// 1970-01-01).
    published: &'a HashMap<ArticleId, f64>,
}

impl Context<'_> {
    /// True when the articles of two groups tell of the same happening: a
    /// pair among their first few articles is of one story (see
    /// [`Stories`]) or alike in content words, and the groups are news of
    /// the same days (see [`Context::news_days`]): the articles of one long
    /// story are alike in words whichever of its happenings they tell of.
    fn alike(&self, a: &Group, b: &Group) -> bool {
        let close = self.news_days(a).all(|(s, e)| {
            self.news_days(b)
                .all(|(t, f)| s.max(t) - e.min(f) <= SAME_NEWS_DAYS)
        });
        close
            && a.articles.iter().take(2).any(|x| {
                b.articles.iter().take(4).any(|y| {
                    self.stories.same(*x, *y)
                        || self.profiles.similarity(*x, *y) >= SIMILAR_ARTICLES
                })
            })
    }

    /// The days a group is news of, in days since 1970-01-01: its own date,
    /// or else the publication days of its first few articles (those known).
    fn news_days<'g>(&'g self, g: &'g Group) -> impl Iterator<Item = (f64, f64)> + 'g {
        let published = g
            .articles
            .iter()
            .take(4)
            .filter(move |_| g.date.is_none())
            .filter_map(|x| self.published.get(x))
            .map(|&day| (day, day + 1.0));
        g.date.into_iter().chain(published)
    }
}

/// The participants and places of the dossier's setting: named by the
/// events of more than half of its articles (when it has four or more), so
/// sharing them says little about which event two mentions are ("the
/// bridge" of a story about one bridge, the two countries of a war).
fn setting(groups: &[Group]) -> FxHashSet<Key> {
    let mut articles_of: FxHashMap<Key, BTreeSet<ArticleId>> = FxHashMap::default();
    let mut all: BTreeSet<ArticleId> = BTreeSet::new();
    for g in groups {
        all.extend(g.articles.iter().copied());
        for &k in g.participants.iter().chain(&g.places) {
            articles_of
                .entry(k)
                .or_default()
                .extend(g.articles.iter().copied());
        }
    }
    if all.len() < 4 {
        return FxHashSet::default();
    }
    articles_of
        .into_iter()
        .filter(|(_, a)| 2 * a.len() > all.len())
        .map(|(k, _)| k)
        .collect()
}

/// Joins the events of different articles, richest first, each to the
/// compatible event with the strongest evidence.
fn across_articles(groups: Vec<Group>, context: &Context) -> Vec<Group> {
    let common = context.common;
    let groups = sorted_by_key(groups, |g| {
        (
            std::cmp::Reverse(g.date.is_some()),
            std::cmp::Reverse(g.mentions.len()),
        )
    });
    let mut index = Index::default();
    let mut out: Vec<Group> = Vec::new();
    for g in groups {
        let kinds: &[EventType] = match g.ty {
            EventType::Attack | EventType::Disaster => &[EventType::Attack, EventType::Disaster],
            _ => std::slice::from_ref(&g.ty),
        };
        let keys = index_keys(&g, common);
        let ty = g.ty;
        let best = index
            .candidates(kinds, &keys)
            .into_iter()
            .filter(|&k| out[k].articles.is_disjoint(&g.articles) && out[k].compatible(&g))
            .map(|k| (out[k].evidence(&g, context), k))
            .filter(|(score, _)| *score > 0)
            .max_by_key(|(score, k)| (*score, std::cmp::Reverse(*k)))
            .map(|(_, k)| k)
            .or_else(|| only_antecedent(&out, &index, kinds, &g));
        let (k, ty) = match best {
            Some(k) => {
                out[k].absorb(g);
                (k, out[k].ty)
            }
            None => {
                out.push(g);
                (out.len() - 1, ty)
            }
        };
        index.add(k, ty, keys);
    }
    out
}

/// The items in the (stable) order of their keys. Groups and events are
/// large: sorting their positions and moving each item once costs far less
/// than moving them at every step of a sort.
fn sorted_by_key<T, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut order: Vec<(K, usize)> = items.iter().map(&key).zip(0..).collect();
    order.sort();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// How many of the latest events under one index key a group is compared
/// with: keeps the grouping of a 5,000-article dossier near linear while
/// every candidate of a story-sized dossier is still seen.
const CANDIDATES_PER_KEY: usize = 12;

/// What an event can be found by: only these can give the evidence that
/// joins two events across articles (see [`Group::evidence`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum IndexKey {
    /// A trigger lemma.
    Lemma(Key),
    /// A day its own clauses date it to (days since 1970-01-01).
    Day(i64),
    /// A month and day, for days whose year is unknown.
    MonthDay(u32, u32),
    /// A participant or place that is not the dossier's setting.
    Name(Key),
    /// Its number in a series.
    Series(Key),
}

/// The keys a group is indexed (and looked up) under.
fn index_keys(g: &Group, common: &FxHashSet<Key>) -> Vec<IndexKey> {
    let mut keys: Vec<IndexKey> = g.lemmas.iter().copied().map(IndexKey::Lemma).collect();
    if g.day_precise()
        && let Some((s, _)) = g.date
    {
        keys.push(IndexKey::Day(s.floor() as i64));
    }
    if let Some((m, d)) = g.month_day.or_else(|| g.date.and_then(month_day_of)) {
        keys.push(IndexKey::MonthDay(m, d));
    }
    keys.extend(
        g.participants
            .iter()
            .chain(&g.places)
            .filter(|k| !common.contains(*k))
            .copied()
            .map(IndexKey::Name),
    );
    keys.extend(g.series.iter().map(|s| IndexKey::Series(key_of(s))));
    keys
}

/// Events found so far, by type and key; each event once per key.
#[derive(Default)]
struct Index {
    ids: FxHashMap<(EventType, IndexKey), usize>,
    lists: Vec<Vec<usize>>,
    seen: FxHashSet<(usize, usize)>,
}

impl Index {
    fn add(&mut self, k: usize, ty: EventType, keys: Vec<IndexKey>) {
        for key in keys {
            let next = self.lists.len();
            let id = *self.ids.entry((ty, key)).or_insert(next);
            if id == next {
                self.lists.push(Vec::new());
            }
            if self.seen.insert((id, k)) {
                self.lists[id].push(k);
            }
        }
    }

    fn lists_for<'a>(
        &'a self,
        kinds: &'a [EventType],
        keys: &'a [IndexKey],
    ) -> impl Iterator<Item = &'a Vec<usize>> + 'a {
        kinds
            .iter()
            .flat_map(move |t| keys.iter().map(move |k| (*t, *k)))
            .filter_map(|key| self.ids.get(&key).map(|id| &self.lists[*id]))
    }

    /// The latest events sharing a key with the group, each once.
    fn candidates(&self, kinds: &[EventType], keys: &[IndexKey]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .lists_for(kinds, keys)
            .flat_map(|list| list.iter().rev().take(CANDIDATES_PER_KEY).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The only event of these types with one of the lemmas, if exactly one has.
    fn only_with_lemma(&self, kinds: &[EventType], lemmas: &[IndexKey]) -> Option<usize> {
        let mut only = None;
        for k in self.lists_for(kinds, lemmas).flatten() {
            match only {
                None => only = Some(*k),
                Some(o) if o != *k => return None,
                Some(_) => {}
            }
        }
        only
    }
}

/// The one event of another article that an undated group can only mean:
/// the single compatible event with the same trigger lemma and a shared
/// name or place, whose date does not disagree with the group's nearby
/// date. With two or more such look-alikes (two rounds of talks,
/// several recoveries) the group stays apart.
fn only_antecedent(out: &[Group], index: &Index, kinds: &[EventType], g: &Group) -> Option<usize> {
    let lemmas: Vec<IndexKey> = g.lemmas.iter().copied().map(IndexKey::Lemma).collect();
    let only = index.only_with_lemma(kinds, &lemmas)?;
    (out[only].articles.is_disjoint(&g.articles)
        && out[only].compatible(g)
        && !out[only].nearby_disagrees(g)
        && out[only].loosely_alike(g))
    .then_some(only)
}

/// Applies merges and splits in the order the analyst made them.
fn apply_decisions(groups: &mut Vec<Group>, decisions: &[EventDecision]) {
    let find = |groups: &Vec<Group>, key: &str| {
        groups
            .iter()
            .position(|g| g.mentions.iter().any(|m| m.key() == key))
    };
    for d in decisions {
        match d {
            EventDecision::Merge(a, b) => {
                if let (Some(x), Some(y)) = (find(groups, a), find(groups, b))
                    && x != y
                {
                    let other = std::mem::replace(&mut groups[y], Group::empty());
                    groups[x].absorb(other);
                }
            }
            EventDecision::Split(key) => {
                if let Some(x) = find(groups, key)
                    && groups[x].mentions.len() > 1
                {
                    let mentions = std::mem::take(&mut groups[x].mentions);
                    let (alone, rest): (Vec<_>, Vec<_>) =
                        mentions.into_iter().partition(|m| m.key() == *key);
                    groups[x] = rest.into_iter().fold(Group::empty(), |mut g, m| {
                        if g.mentions.is_empty() {
                            g = Group::of(m);
                        } else {
                            g.add(m);
                        }
                        g
                    });
                    groups.extend(alone.into_iter().map(Group::of));
                }
            }
            EventDecision::Rename(..) => {}
        }
    }
}

impl Group {
    fn empty() -> Group {
        Group {
            mentions: Vec::new(),
            ty: EventType::Statement,
            date: None,
            near: None,
            near_conflict: false,
            definite: false,
            told_done: false,
            month_day: None,
            weekday: None,
            reported_by: None,
            untaken: false,
            places: SortedSet::default(),
            countries: SortedSet::default(),
            venues: SortedSet::default(),
            towns: SortedSet::default(),
            participants: SortedSet::default(),
            lemmas: SortedSet::default(),
            series: None,
            articles: SortedSet::default(),
        }
    }
}

/// The event a group of mentions makes: its date, place, participants, label.
fn finish(
    mut g: Group,
    aliases: &Aliases,
    names: &FxHashMap<Key, String>,
    published: &HashMap<ArticleId, Option<NaiveDate>>,
    labels: &HashMap<String, String>,
) -> Event {
    g.mentions.sort_by_key(|m| (m.article, m.start));
    let articles: Vec<ArticleId> = g.articles.iter().copied().collect();
    let date = event_date(&g, published);
    let name_of = |key: &str| -> String {
        key.strip_prefix('g')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| aliases.groups.get(n))
            .map(|a| a.name.clone())
            .unwrap_or_else(|| key.to_owned())
    };
    let most_common = |sets: Vec<&SortedSet<Key>>| -> Vec<String> {
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for s in sets {
            for k in s {
                let name = names.get(k).map_or("", String::as_str);
                *count.entry(name).or_default() += 1;
            }
        }
        let mut keys: Vec<(&str, usize)> = count.into_iter().collect();
        keys.sort_by(|(a, m), (b, n)| n.cmp(m).then_with(|| a.cmp(b)));
        keys.into_iter().map(|(k, _)| name_of(k)).collect()
    };
    let place = most_common(g.mentions.iter().map(|m| &m.places).collect())
        .into_iter()
        .next();
    let participants = most_common(g.mentions.iter().map(|m| &m.participants).collect());
    let status = {
        // The mentions that date the event say best whether it happened.
        let dated: Vec<&EventMention> = g
            .mentions
            .iter()
            .filter(|m| {
                m.date
                    .as_ref()
                    .is_some_and(|d| d.source == DateSource::Clause)
            })
            .collect();
        let voters: Vec<&EventMention> = if dated.is_empty() {
            g.mentions.iter().collect()
        } else {
            dated
        };
        let mut count: BTreeMap<EventStatus, usize> = BTreeMap::new();
        for m in voters {
            *count.entry(m.status).or_default() += 1;
        }
        count
            .into_iter()
            .max_by_key(|(s, n)| (*n, *s == EventStatus::TookPlace))
            .map_or(EventStatus::TookPlace, |(s, _)| s)
    };
    let renamed = if labels.is_empty() {
        None
    } else {
        g.mentions
            .iter()
            .find_map(|m| labels.get(&m.key()))
            .cloned()
    };
    let label = renamed.clone().unwrap_or_else(|| {
        let mut label = g.ty.title().to_owned();
        if let Some(n) = &g.series {
            label.push_str(&format!(", round {n}"));
        }
        if let Some(p) = &place {
            label.push_str(" — ");
            label.push_str(p);
        }
        let n = articles.len();
        label.push_str(&format!(" — {n} source{}", if n == 1 { "" } else { "s" }));
        label
    });
    Event {
        ty: g.ty,
        label,
        renamed: renamed.is_some(),
        mentions: g.mentions,
        date,
        place,
        participants,
        series: g.series,
        status,
        articles,
    }
}

/// The finest own-clause date, else the most common nearby date, else the
/// earliest publication date of the articles.
fn event_date(g: &Group, published: &HashMap<ArticleId, Option<NaiveDate>>) -> Option<ClaimedDate> {
    let own = g
        .mentions
        .iter()
        .filter_map(|m| m.date.as_ref())
        .filter(|d| d.source == DateSource::Clause)
        .min_by(|a, b| (a.end - a.start).total_cmp(&(b.end - b.start)));
    if let Some(d) = own {
        return Some(d.clone());
    }
    let mut nearby: BTreeMap<&str, (usize, &ClaimedDate)> = BTreeMap::new();
    for d in g.mentions.iter().filter_map(|m| m.date.as_ref()) {
        nearby.entry(&d.value).or_insert((0, d)).0 += 1;
    }
    if let Some((_, (_, d))) = nearby.into_iter().max_by_key(|(_, (n, _))| *n) {
        return Some(d.clone());
    }
    let day = g
        .articles
        .iter()
        .filter_map(|a| published.get(a).copied().flatten())
        .min()?;
    let start = days(day.and_hms_opt(0, 0, 0)?);
    Some(ClaimedDate {
        value: day.format("%Y-%m-%d").to_string(),
        start,
        end: start + 1.0,
        granularity: Granularity::Day,
        source: DateSource::Publication,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{Article, DateOrigin, Provenance, Reliability};

    /// An event fact: (article, start, type, lemma, attributes).
    fn event(article: u64, start: usize, ty: &str, lemma: &str, attrs: &[(&str, &str)]) -> Fact {
        Fact {
            id: FactId(1000 + article * 100 + start as u64),
            article: ArticleId(article),
            start,
            end: start + lemma.len(),
            ..Fact::for_test(FactKind::Event, ty, lemma, lemma, attrs)
        }
    }

    fn build(facts: Vec<Fact>, decisions: Vec<EventDecision>) -> Events {
        let mut project = Project::default();
        for id in 1..=3 {
            project.articles.push(Article {
                id: ArticleId(id),
                path: format!("{id}.txt"),
                path_bytes: None,
                title: String::new(),
                outlet: format!("Outlet {id}"),
                url: String::new(),
                published: NaiveDate::from_ymd_opt(2031, 4, 10),
                date_origin: DateOrigin::Manual,
                content_hash: String::new(),
                reliability: Reliability::default(),
                provenance: Provenance::default(),
            });
        }
        for f in facts {
            project.facts.insert(f.id, Arc::new(f));
        }
        project.decisions.events = decisions;
        let aliases = Aliases::build(&project);
        Events::build(&project, &aliases, &Profiles::default())
    }

    fn talks(article: u64, start: usize, day: &str, series: &str) -> Fact {
        event(
            article,
            start,
            "meeting",
            "talks",
            &[
                (attr::TIME, day),
                (attr::TIME_SOURCE, "clause"),
                (attr::SERIES, series),
                (attr::PARTICIPANTS, "Arland; Boravia"),
                (attr::PLACE, "Geneva"),
            ],
        )
    }

    fn same_event(events: &Events, a: &Fact, b: &Fact) -> bool {
        events.fact_event[&a.id] == events.fact_event[&b.id]
    }

    #[test]
    fn one_round_told_by_two_sources_is_one_event_and_two_rounds_are_two() {
        let first_a = talks(1, 0, "2031-04-02", "1");
        let second_a = talks(1, 80, "2031-04-09", "2");
        let second_b = talks(2, 10, "2031-04-09", "2");
        let events = build(
            vec![first_a.clone(), second_a.clone(), second_b.clone()],
            Vec::new(),
        );
        assert!(same_event(&events, &second_a, &second_b));
        assert!(!same_event(&events, &first_a, &second_a));
        let second = &events.list[events.fact_event[&second_b.id]];
        assert_eq!(
            second.date.as_ref().map(|d| d.value.as_str()),
            Some("2031-04-09")
        );
    }

    #[test]
    fn different_kinds_of_happening_on_one_day_stay_apart() {
        let meeting = talks(1, 0, "2031-04-09", "2");
        let fire = event(
            2,
            0,
            "disaster",
            "fire",
            &[(attr::TIME, "2031-04-09"), (attr::PLACE, "Geneva")],
        );
        let events = build(vec![meeting.clone(), fire.clone()], Vec::new());
        assert!(!same_event(&events, &meeting, &fire));
    }

    #[test]
    fn the_analysts_merge_and_split_decide_last() {
        let first = talks(1, 0, "2031-04-02", "1");
        let second = talks(2, 0, "2031-04-09", "2");
        let key = |f: &Fact| mention_key(f.article, f.start);
        let merged = build(
            vec![first.clone(), second.clone()],
            vec![EventDecision::Merge(key(&first), key(&second))],
        );
        assert!(same_event(&merged, &first, &second));
        let copy = talks(3, 0, "2031-04-09", "2");
        let split = build(
            vec![second.clone(), copy.clone()],
            vec![EventDecision::Split(key(&copy))],
        );
        assert!(!same_event(&split, &second, &copy));
    }

    #[test]
    fn weekdays_and_single_days_are_read_as_the_calendar_says() {
        assert_eq!(weekday_number("Wednesday"), Some(2));
        assert_eq!(weekday_number("someday"), None);
        let day = days(
            NaiveDate::from_ymd_opt(2031, 4, 9)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        );
        assert_eq!(month_day_of((day, day + 1.0)), Some((4, 9)));
        assert_eq!(weekday_of((day, day + 1.0)), Some(2));
        assert_eq!(single_day((day, day + 7.0)), None);
        assert_eq!(mention_key(ArticleId(7), 42), "7@42");
    }
}
