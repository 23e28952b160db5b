//! Placeholder, replaced by the time tagger.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::Candidate;

/// How precise a time value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Morning, evening …
    PartOfDay,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Season.
    Season,
    /// Quarter.
    Quarter,
    /// Half year.
    HalfYear,
    /// Year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

/// The stretch of time a value covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeInterval {
    /// First instant.
    pub start: NaiveDateTime,
    /// End (exclusive).
    pub end: NaiveDateTime,
    /// Precision.
    pub granularity: Granularity,
}

/// The interval a value covers.
pub fn interval_of(value: &str, _attrs: &BTreeMap<String, String>) -> Option<TimeInterval> {
    let d = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
    Some(TimeInterval {
        start: d.and_hms_opt(0, 0, 0)?,
        end: d.succ_opt()?.and_hms_opt(0, 0, 0)?,
        granularity: Granularity::Day,
    })
}

/// Finds time expressions in `text`.
pub fn extract(_text: &str, _published: Option<NaiveDate>) -> Vec<Candidate> {
    Vec::new()
}
