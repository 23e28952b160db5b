//! What the timeline draws: each dated fact as an interval on a day axis,
//! one lane per article, with each article's publication date.

use chrono::{NaiveDate, NaiveDateTime};

use crate::extract::time::{Granularity, interval_of};
use crate::model::{ArticleId, FactId, FactKind, Project, Status};

use super::events::{DateSource, Events};
use crate::model::attr;

/// One dated fact placed on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    /// The fact drawn.
    pub fact: FactId,
    /// Its lane.
    pub lane: usize,
    /// Start, in days since 1970-01-01.
    pub start: f64,
    /// End (exclusive), in days since 1970-01-01.
    pub end: f64,
    /// How precise the value is; coarse ones are drawn as such.
    pub granularity: Granularity,
    /// The text shown beside the mark.
    pub label: String,
    /// Placed with a publication date inferred from the dossier (a day
    /// without a year, or "Friday"), so drawn as a proposal to confirm.
    pub inferred: bool,
}

/// The laid-out timeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineLayout {
    /// One lane per article, in project order: its id and file name without extension.
    pub lanes: Vec<(ArticleId, String)>,
    /// Each lane's publication date, in days since 1970-01-01.
    pub published: Vec<Option<f64>>,
    /// Whether each lane's publication date is only inferred from the dossier.
    pub published_inferred: Vec<bool>,
    /// The dated facts.
    pub items: Vec<TimelineItem>,
}

/// Days since 1970-01-01 of an instant, fractional.
pub fn days(t: NaiveDateTime) -> f64 {
    t.and_utc().timestamp() as f64 / 86_400.0
}

/// The date `days` after 1970-01-01.
pub fn date_of(days: f64) -> Option<NaiveDate> {
    let secs = (days * 86_400.0).floor() as i64;
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

impl TimelineLayout {
    /// Lays out every time fact that is not rejected and has a resolvable interval.
    pub fn build(project: &Project) -> Self {
        let lanes: Vec<(ArticleId, String)> = project
            .articles
            .iter()
            .map(|a| {
                let name = a.file_name();
                let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
                (a.id, stem.to_owned())
            })
            .collect();
        let published = project
            .articles
            .iter()
            .map(|a| a.published.and_then(|d| d.and_hms_opt(0, 0, 0)).map(days))
            .collect();
        let published_inferred: Vec<bool> = project
            .articles
            .iter()
            .map(|a| a.date_origin.is_inferred())
            .collect();
        let items = project
            .facts
            .values()
            .filter(|f| f.kind == FactKind::Time && f.status != Status::Rejected)
            .filter_map(|f| {
                let interval = interval_of(&f.value, &f.attrs)?;
                let lane = lanes.iter().position(|(id, _)| *id == f.article)?;
                Some(TimelineItem {
                    fact: f.id,
                    lane,
                    start: days(interval.start),
                    end: days(interval.end),
                    granularity: interval.granularity,
                    label: f.text.clone(),
                    inferred: published_inferred[lane] && f.attrs.contains_key(attr::ANCHOR),
                })
            })
            .collect();
        TimelineLayout {
            lanes,
            published,
            published_inferred,
            items,
        }
    }

    /// The first and last day worth showing: the precise dates (a day or
    /// finer) and publication dates, or everything when there are none, so a
    /// stray "2022" does not shrink the days that matter to a sliver.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let precise = |i: &&TimelineItem| {
            matches!(
                i.granularity,
                Granularity::Day | Granularity::PartOfDay | Granularity::Hour | Granularity::Minute
            )
        };
        let span = |items: &mut dyn Iterator<Item = &TimelineItem>| {
            items
                .flat_map(|i| [i.start, i.end])
                .chain(self.published.iter().flatten().copied())
                .fold(None, |acc: Option<(f64, f64)>, x| match acc {
                    None => Some((x, x)),
                    Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
                })
        };
        span(&mut self.items.iter().filter(precise)).or_else(|| span(&mut self.items.iter()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: f64, end: f64, granularity: Granularity) -> TimelineItem {
        TimelineItem {
            fact: FactId(1),
            lane: 0,
            start,
            end,
            granularity,
            label: String::new(),
            inferred: false,
        }
    }

    #[test]
    fn extent_prefers_precise_dates_over_coarse_ones() {
        let mut layout = TimelineLayout {
            lanes: vec![],
            published: vec![Some(20_000.0)],
            published_inferred: vec![false],
            items: vec![
                item(19_000.0, 19_365.0, Granularity::Year),
                item(20_010.0, 20_011.0, Granularity::Day),
            ],
        };
        assert_eq!(layout.extent(), Some((20_000.0, 20_011.0)));
        layout.items.pop();
        layout.published = vec![None];
        assert_eq!(layout.extent(), Some((19_000.0, 19_365.0)));
    }
}

/// One source's claim about when an event happened, drawn on the event's row.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMark {
    /// The mention making the claim.
    pub fact: FactId,
    /// Its article's lane (the article's colour).
    pub lane: usize,
    /// Start, in days since 1970-01-01.
    pub start: f64,
    /// End (exclusive), in days since 1970-01-01.
    pub end: f64,
    /// How precise the claimed date is.
    pub granularity: Granularity,
    /// Whether the date is the mention's own or only a nearby one.
    pub source: DateSource,
    /// Whether the mention's article has only an inferred publication date,
    /// which may have placed this date (a day without a year, "Friday").
    pub inferred: bool,
}

/// One event as a timeline row: its date as a bar, each source's date beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    /// Index into `Events::list`.
    pub event: usize,
    /// The event's label.
    pub label: String,
    /// Start of the event's date, in days since 1970-01-01.
    pub start: f64,
    /// End (exclusive) of the event's date.
    pub end: f64,
    /// How precise the event's date is.
    pub granularity: Granularity,
    /// Where the event's date comes from.
    pub source: DateSource,
    /// The date each mention claims, one mark per source and date.
    pub claims: Vec<SourceMark>,
}

/// The events worth a row, in time order: dated events that have a date of
/// their own or are told by two or more sources (a single-source event dated
/// only by its article's publication would be noise).
pub fn event_rows(project: &Project, events: &Events) -> Vec<EventRow> {
    let lane_of: std::collections::HashMap<ArticleId, (usize, bool)> = project
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, (i, a.date_origin.is_inferred())))
        .collect();
    events
        .list
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let date = e.date.as_ref()?;
            if date.source != DateSource::Clause && e.articles.len() < 2 {
                return None;
            }
            let mut claims: Vec<SourceMark> = Vec::new();
            for m in &e.mentions {
                let (Some(d), Some(&(lane, inferred))) = (&m.date, lane_of.get(&m.article)) else {
                    continue;
                };
                let mark = SourceMark {
                    fact: m.fact,
                    lane,
                    start: d.start,
                    end: d.end,
                    granularity: d.granularity,
                    source: d.source,
                    inferred,
                };
                let known = claims
                    .iter()
                    .any(|c| c.lane == mark.lane && c.start == mark.start && c.end == mark.end);
                if !known {
                    claims.push(mark);
                }
            }
            Some(EventRow {
                event: i,
                label: e.label.clone(),
                start: date.start,
                end: date.end,
                granularity: date.granularity,
                source: date.source,
                claims,
            })
        })
        .collect()
}

/// The first and last day worth showing: the rows dated to a day or finer,
/// or every row when none is, so an event of "2022" recalled in passing
/// does not shrink the days that matter to a sliver.
pub fn rows_extent(rows: &[EventRow]) -> Option<(f64, f64)> {
    let span = |precise_only: bool| {
        rows.iter()
            .filter(|r| !precise_only || r.end - r.start <= 1.0 + 1e-9)
            .flat_map(|r| [r.start, r.end])
            .fold(None, |acc: Option<(f64, f64)>, x| match acc {
                None => Some((x, x)),
                Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
            })
    };
    span(true).or_else(|| span(false))
}
