//! Calendar dates as articles and metadata sheets write them: `2025-05-20`,
//! `May 20, 2025`, `20 May 2025` (with an optional weekday in front). Only
//! full dates with a year are accepted; the importers never guess a year.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A full date at the start of a string, in one of the accepted shapes.
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?
        (?:
            (?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})
          | (?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})
          | (?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[a-z]{3,9})\.?,?\s+(?P<y2>\d{4})
        )",
    )
    .expect("date pattern is valid")
});

/// The number (1–12) of an English month name or its usual abbreviation.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.to_ascii_lowercase();
    let index = MONTHS.iter().position(|full| {
        *full == word || full[..3] == word || (word == "sept" && *full == "september")
    })?;
    u32::try_from(index + 1).ok()
}

/// A full date at the start of `s` and the number of bytes it takes.
pub(crate) fn parse_date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let caps = DATE_PREFIX.captures(s)?;
    let whole = caps.get(0)?;
    if s[whole.end()..].starts_with(|c: char| c.is_ascii_digit() || (c.is_alphabetic() && c != 'T'))
    {
        return None;
    }
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(year) = number("iy") {
        (year, number("im")?, number("id")?)
    } else if let Some(year) = number("y1") {
        (
            year,
            month_number(caps.name("m1")?.as_str())?,
            number("d1")?,
        )
    } else {
        let month = month_number(caps.name("m2")?.as_str())?;
        (number("y2")?, month, number("d2")?)
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((date, whole.end()))
}

/// `s` as a whole is a date, possibly followed by a time of day
/// (`2025-05-20T10:00:00Z`, `May 20, 2025 10:31`).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, len) = parse_date_prefix(s)?;
    let rest = &s[len..];
    let mut chars = rest.chars();
    let accepted = match chars.next() {
        None => true,
        Some('T' | ' ' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit() || c == ' '),
        Some(_) => false,
    };
    accepted.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn whole_dates() {
        let table = [
            ("2025-05-20", ymd(2025, 5, 20)),
            ("  2025-5-2 ", ymd(2025, 5, 2)),
            ("2025-05-20T10:00:00Z", ymd(2025, 5, 20)),
            ("2025-05-20 10:00", ymd(2025, 5, 20)),
            ("May 20, 2025", ymd(2025, 5, 20)),
            ("Sept. 3, 2024", ymd(2024, 9, 3)),
            ("sep 3 2024", ymd(2024, 9, 3)),
            ("20 May 2025", ymd(2025, 5, 20)),
            ("1st March 2023", ymd(2023, 3, 1)),
            ("Tuesday, May 20, 2025", ymd(2025, 5, 20)),
            ("Mar 4, 2022", ymd(2022, 3, 4)),
            ("December 31, 1999", ymd(1999, 12, 31)),
            ("May 20", None),
            ("2025-13-01", None),
            ("February 30, 2024", None),
            ("Maybe 20, 2025", None),
            ("2025-05-201", None),
            ("20/05/2025", None),
            ("May 20, 2025 and more", None),
            ("", None),
        ];
        for (input, expected) in table {
            assert_eq!(parse_date(input), expected, "{input:?}");
        }
    }

    #[test]
    fn prefix_reports_length() {
        assert_eq!(
            parse_date_prefix("May 20, 2025 at 10:31 GMT"),
            ymd(2025, 5, 20).map(|d| (d, 12))
        );
        assert_eq!(parse_date_prefix("In May 20, 2025"), None);
    }

    #[test]
    fn month_names() {
        let table = [
            ("jan", Some(1)),
            ("January", Some(1)),
            ("Mar", Some(3)),
            ("march", Some(3)),
            ("sept", Some(9)),
            ("Dec", Some(12)),
            ("ma", None),
            ("mayo", None),
            ("octobers", None),
        ];
        for (word, expected) in table {
            assert_eq!(month_number(word), expected, "{word}");
        }
    }
}
