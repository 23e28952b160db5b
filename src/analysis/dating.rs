//! A publication date for an article that states none, proposed from the
//! dossier: the latest day the article itself names (a day without a year,
//! "May 16", takes the year that puts it nearest the story's dated
//! articles), else the middle of the story's dated articles. A proposal is
//! only ever stored as inferred, for the analyst to confirm.

use chrono::{Datelike, NaiveDate};

use crate::extract::time;
use crate::model::FactKind;

/// How far after the story's latest stated date a day the article names may
/// lie and still be taken for its publication: further ahead it is more
/// likely a date announced for later (a hearing, a deadline).
const MAX_DAYS_AFTER_STORY: i64 = 92;

/// A day an article's text names, as written without a publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    /// A full date ("May 16, 2025").
    Day(NaiveDate),
    /// A day without a year ("May 16"): month and day.
    MonthDay(u32, u32),
}

/// The days an article's text names, each with its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnDates {
    named: Vec<(Named, String)>,
}

impl OwnDates {
    /// Reads the days `text` names, without any publication date, so that
    /// days without a year stay without one.
    pub fn of(text: &str) -> OwnDates {
        let named = time::extract(text, None)
            .into_iter()
            .filter(|c| c.kind == FactKind::Time && c.label == "DATE")
            .filter_map(|c| {
                let day = named_day(&c.value)?;
                Some((day, text.get(c.start..c.end)?.to_owned()))
            })
            .collect();
        OwnDates { named }
    }
}

/// A TIMEX3 value naming one day: `2025-05-16` or `XXXX-05-16`.
fn named_day(value: &str) -> Option<Named> {
    if let Some(rest) = value.strip_prefix("XXXX-") {
        let (m, d) = rest.split_once('-')?;
        let (m, d) = (m.parse().ok()?, d.parse().ok()?);
        NaiveDate::from_ymd_opt(2000, m, d)?;
        return Some(Named::MonthDay(m, d));
    }
    (value.len() == 10)
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
        .map(Named::Day)
}

/// A proposed publication date and a phrase saying how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The proposed day.
    pub date: NaiveDate,
    /// How it was reached, for the articles panel and reports.
    pub how: String,
}

/// Proposes a date for an article that names the days in `own`, in a
/// dossier whose other articles state the dates in `stated`; `None` when
/// neither gives one.
pub fn propose(stated: &[NaiveDate], own: &OwnDates) -> Option<Proposal> {
    let mut stated = stated.to_vec();
    stated.sort();
    let middle = stated.get(stated.len() / 2).copied();
    let latest_allowed = stated
        .last()
        .map(|d| *d + chrono::Duration::days(MAX_DAYS_AFTER_STORY));
    let reference = middle.or_else(|| {
        own.named
            .iter()
            .filter_map(|(n, _)| match n {
                Named::Day(d) => Some(*d),
                Named::MonthDay(..) => None,
            })
            .max()
    });
    let latest = own
        .named
        .iter()
        .filter_map(|(named, words)| {
            let (date, yearless) = match *named {
                Named::Day(d) => (d, false),
                Named::MonthDay(m, d) => (nearest(reference?, m, d)?, true),
            };
            Some((date, yearless, words))
        })
        .filter(|(date, _, _)| latest_allowed.is_none_or(|last| *date <= last))
        .max_by_key(|(date, _, _)| *date);
    match (latest, middle) {
        (Some((date, yearless, words)), _) => {
            let year = if yearless && !stated.is_empty() {
                format!(", its year from {}", dated_articles(stated.len()))
            } else {
                String::new()
            };
            Some(Proposal {
                date,
                how: format!("the latest day it names, “{words}”{year}"),
            })
        }
        (None, Some(date)) => Some(Proposal {
            date,
            how: format!(
                "it names no day; the middle of {}",
                dated_articles(stated.len())
            ),
        }),
        (None, None) => None,
    }
}

/// "the 1 dated article", "the 3 dated articles".
fn dated_articles(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("the {n} dated article{s} of the dossier")
}

/// The day `month`/`day` in the year that puts it nearest `reference`.
fn nearest(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let year = reference.year();
    [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid")
    }

    #[test]
    fn own_dates_keep_days_without_years() {
        let own =
            OwnDates::of("Talks opened on May 16 in Lakeside. A deal was signed on March 3, 2024.");
        assert_eq!(
            own.named,
            vec![
                (Named::MonthDay(5, 16), "May 16".to_owned()),
                (Named::Day(ymd(2024, 3, 3)), "March 3, 2024".to_owned()),
            ]
        );
    }

    #[test]
    fn a_day_without_a_year_takes_the_story_year() {
        let own = OwnDates::of("The ferry ran aground on May 16, the coastguard said.");
        let stated = [ymd(2025, 5, 18), ymd(2025, 5, 20), ymd(2025, 5, 21)];
        let proposal = propose(&stated, &own).expect("proposed");
        assert_eq!(proposal.date, ymd(2025, 5, 16));
        assert!(proposal.how.contains("“May 16”"), "{}", proposal.how);
        assert!(
            proposal.how.contains("3 dated articles"),
            "{}",
            proposal.how
        );
    }

    #[test]
    fn the_nearest_year_wins_across_new_year() {
        let own = OwnDates::of("The strike began on December 30.");
        let proposal = propose(&[ymd(2025, 1, 3)], &own).expect("proposed");
        assert_eq!(proposal.date, ymd(2024, 12, 30));
    }

    #[test]
    fn the_latest_day_named_wins_and_far_future_days_do_not() {
        let text = "Divers searched on April 2 and April 5. The hearing is set for November 20.";
        let own = OwnDates::of(text);
        let proposal = propose(&[ymd(2024, 4, 1)], &own).expect("proposed");
        assert_eq!(proposal.date, ymd(2024, 4, 5));
    }

    #[test]
    fn without_days_of_its_own_the_middle_of_the_story() {
        let own = OwnDates::of("Officials said the search would resume.");
        let stated = [ymd(2025, 5, 1), ymd(2025, 5, 9), ymd(2025, 5, 3)];
        let proposal = propose(&stated, &own).expect("proposed");
        assert_eq!(proposal.date, ymd(2025, 5, 3));
        assert!(
            proposal.how.starts_with("it names no day"),
            "{}",
            proposal.how
        );
        assert_eq!(propose(&[], &own), None);
    }

    #[test]
    fn full_dates_alone_are_enough() {
        let own = OwnDates::of("The ship was seen on 4 June 2023 off the cape.");
        let proposal = propose(&[], &own).expect("proposed");
        assert_eq!(proposal.date, ymd(2023, 6, 4));
        let yearless = OwnDates::of("The ship was seen on 4 June off the cape.");
        assert_eq!(propose(&[], &yearless), None);
    }
}
