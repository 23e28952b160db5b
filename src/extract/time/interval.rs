//! The stretch of calendar a DATE or TIME value covers, for drawing it on
//! the timeline.

use std::collections::BTreeMap;

use chrono::{Duration, Months, NaiveDate, NaiveDateTime, NaiveTime};

use super::calendar::parse_ymd;
use crate::model::attr;

/// How coarse a value is, so the timeline can draw a point, a bar or a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// "10:45".
    Minute,
    /// "10 a.m." written without minutes.
    Hour,
    /// Morning, afternoon, evening or night.
    PartOfDay,
    /// One day.
    Day,
    /// One ISO week (or its weekend).
    Week,
    /// One month.
    Month,
    /// Spring, summer, autumn or winter.
    Season,
    /// Three months.
    Quarter,
    /// Six months.
    HalfYear,
    /// One year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

/// A stretch of time, end exclusive, with the granularity it was stated at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeInterval {
    /// First instant covered.
    pub start: NaiveDateTime,
    /// First instant after the interval.
    pub end: NaiveDateTime,
    /// How precisely the value was stated.
    pub granularity: Granularity,
}

/// The interval a DATE/TIME value covers, honouring `attrs["range_end"]`;
/// `None` for durations, sets, `*_REF` values and anything with X in the year.
pub fn interval_of(value: &str, attrs: &BTreeMap<String, String>) -> Option<TimeInterval> {
    let first = single(value)?;
    match attrs.get(attr::RANGE_END).and_then(|v| single(v)) {
        Some(last) if last.end > first.start => Some(TimeInterval {
            end: last.end,
            ..first
        }),
        _ => Some(first),
    }
}

/// Midnight at the start of a day.
fn at(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

/// The interval of `months` months from the first of `month` in `year`.
fn months_from(year: i32, month: u32, months: u32, g: Granularity) -> Option<TimeInterval> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start.checked_add_months(Months::new(months))?;
    Some(TimeInterval {
        start: at(start),
        end: at(end),
        granularity: g,
    })
}

/// The interval of one value without a range.
pub(super) fn single(value: &str) -> Option<TimeInterval> {
    let v = value.trim();
    if v.starts_with('P') || v.contains('X') || v.ends_with("_REF") {
        return None;
    }
    if let Some((date, time)) = v.split_once('T') {
        return with_time(date, time);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match v.len() {
        2 if digits(v) => {
            let c: i32 = v.parse().ok()?;
            let start = NaiveDate::from_ymd_opt(c * 100, 1, 1)?;
            let end = NaiveDate::from_ymd_opt(c * 100 + 100, 1, 1)?;
            Some(TimeInterval {
                start: at(start),
                end: at(end),
                granularity: Granularity::Century,
            })
        }
        3 if digits(v) => months_from(v.parse::<i32>().ok()? * 10, 1, 120, Granularity::Decade),
        4 if digits(v) => months_from(v.parse().ok()?, 1, 12, Granularity::Year),
        _ => with_suffix(v),
    }
}

/// Values with a part after the year: month, day, week, quarter, half, season.
fn with_suffix(v: &str) -> Option<TimeInterval> {
    let (year, rest) = v.split_once('-')?;
    let y: i32 = year.parse().ok()?;
    if let Some(d) = parse_ymd(v) {
        return Some(TimeInterval {
            start: at(d),
            end: at(d.succ_opt()?),
            granularity: Granularity::Day,
        });
    }
    if let Some(week) = rest.strip_prefix('W') {
        return week_interval(y, week);
    }
    let n = |s: &str| s.parse::<u32>().ok();
    match rest.as_bytes() {
        [b'Q', ..] => months_from(
            y,
            (n(&rest[1..])?.checked_sub(1)?) * 3 + 1,
            3,
            Granularity::Quarter,
        ),
        [b'H', ..] => months_from(
            y,
            (n(&rest[1..])?.checked_sub(1)?) * 6 + 1,
            6,
            Granularity::HalfYear,
        ),
        b"SP" => months_from(y, 3, 3, Granularity::Season),
        b"SU" => months_from(y, 6, 3, Granularity::Season),
        b"FA" => months_from(y, 9, 3, Granularity::Season),
        b"WI" => months_from(y, 12, 3, Granularity::Season),
        _ => months_from(
            y,
            n(rest).filter(|m| (1..=12).contains(m))?,
            1,
            Granularity::Month,
        ),
    }
}

/// An ISO week ("21") or its weekend ("21-WE").
fn week_interval(y: i32, week: &str) -> Option<TimeInterval> {
    let (number, weekend) = match week.split_once('-') {
        Some((w, "WE")) => (w, true),
        Some(_) => return None,
        None => (week, false),
    };
    let monday = NaiveDate::from_isoywd_opt(y, number.parse().ok()?, chrono::Weekday::Mon)?;
    let (offset, days) = if weekend { (5, 2) } else { (0, 7) };
    let start = monday.checked_add_signed(Duration::days(offset))?;
    let end = start.checked_add_signed(Duration::days(days))?;
    let granularity = if weekend {
        Granularity::Day
    } else {
        Granularity::Week
    };
    Some(TimeInterval {
        start: at(start),
        end: at(end),
        granularity,
    })
}

/// A date with a clock time ("10:45") or a part of day ("MO").
fn with_time(date: &str, time: &str) -> Option<TimeInterval> {
    let day = parse_ymd(date)?;
    let part = |from: u32, hours: i64| {
        let start = day.and_hms_opt(from, 0, 0)?;
        let end = start.checked_add_signed(Duration::hours(hours))?;
        Some(TimeInterval {
            start,
            end,
            granularity: Granularity::PartOfDay,
        })
    };
    match time {
        "MO" => part(6, 6),
        "AF" => part(12, 6),
        "EV" => part(18, 4),
        "NI" => part(20, 10),
        _ => clock_interval(day, time),
    }
}

/// "HH:MM", "24:00" for midnight at the end of the day.
fn clock_interval(day: NaiveDate, time: &str) -> Option<TimeInterval> {
    let (h, m) = time.get(..5)?.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let start = if h == 24 && m == 0 {
        at(day.succ_opt()?)
    } else {
        day.and_hms_opt(h, m, 0)?
    };
    let end = start.checked_add_signed(Duration::minutes(1))?;
    Some(TimeInterval {
        start,
        end,
        granularity: Granularity::Minute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(value: &str, range_end: Option<&str>) -> Option<(String, String, Granularity)> {
        let mut attrs = BTreeMap::new();
        if let Some(e) = range_end {
            attrs.insert("range_end".to_owned(), e.to_owned());
        }
        interval_of(value, &attrs).map(|i| {
            (
                i.start.format("%Y-%m-%d %H:%M").to_string(),
                i.end.format("%Y-%m-%d %H:%M").to_string(),
                i.granularity,
            )
        })
    }

    /// A value, its range end, and the expected (start, end, granularity).
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<(&'a str, &'a str, Granularity)>,
    );

    #[test]
    fn values_map_to_intervals() {
        use Granularity::*;
        let table: [Row<'_>; 14] = [
            (
                "2025-05-16",
                None,
                Some(("2025-05-16 00:00", "2025-05-17 00:00", Day)),
            ),
            (
                "2025-05",
                None,
                Some(("2025-05-01 00:00", "2025-06-01 00:00", Month)),
            ),
            (
                "2025",
                None,
                Some(("2025-01-01 00:00", "2026-01-01 00:00", Year)),
            ),
            (
                "199",
                None,
                Some(("1990-01-01 00:00", "2000-01-01 00:00", Decade)),
            ),
            (
                "19",
                None,
                Some(("1900-01-01 00:00", "2000-01-01 00:00", Century)),
            ),
            (
                "2025-W21",
                None,
                Some(("2025-05-19 00:00", "2025-05-26 00:00", Week)),
            ),
            (
                "2025-Q2",
                None,
                Some(("2025-04-01 00:00", "2025-07-01 00:00", Quarter)),
            ),
            (
                "2025-SU",
                None,
                Some(("2025-06-01 00:00", "2025-09-01 00:00", Season)),
            ),
            (
                "2025-05-16T10:45",
                None,
                Some(("2025-05-16 10:45", "2025-05-16 10:46", Minute)),
            ),
            (
                "2025-05-16TMO",
                None,
                Some(("2025-05-16 06:00", "2025-05-16 12:00", PartOfDay)),
            ),
            (
                "2025-05-23",
                Some("2025-05-25"),
                Some(("2025-05-23 00:00", "2025-05-26 00:00", Day)),
            ),
            ("P2W", None, None),
            ("XXXX-05-16", None, None),
            ("PRESENT_REF", None, None),
        ];
        for (value, end, want) in table {
            let want = want.map(|(s, e, g)| (s.to_owned(), e.to_owned(), g));
            assert_eq!(span_of(value, end), want, "{value}");
        }
    }
}
