//! What the timeline draws: each dated fact as an interval on a day axis,
//! one lane per article, with each article's publication date.

use chrono::{NaiveDate, NaiveDateTime};

use crate::extract::time::{Granularity, interval_of};
use crate::model::{ArticleId, FactId, FactKind, Project, Status};

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
}

/// The laid-out timeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineLayout {
    /// One lane per article, in project order: its id and file name without extension.
    pub lanes: Vec<(ArticleId, String)>,
    /// Each lane's publication date, in days since 1970-01-01.
    pub published: Vec<Option<f64>>,
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
                })
            })
            .collect();
        TimelineLayout {
            lanes,
            published,
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
        }
    }

    #[test]
    fn extent_prefers_precise_dates_over_coarse_ones() {
        let mut layout = TimelineLayout {
            lanes: vec![],
            published: vec![Some(20_000.0)],
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
