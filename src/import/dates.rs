//! Calendar dates as articles and metadata sheets write them: `2025-05-20`,
//! `May 20, 2025`, `20 May 2025`, `20.05.2025` (with an optional weekday in
//! front). Only full dates with a year are accepted; the importers never guess
//! a year. Dotted numeric dates are day first, as everywhere they are used
//! (`20.05.25` is 20 May 2025); slashed ones are refused, since `05/06/2025`
//! means May in one country and June in another.

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
          | (?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>\d{4})
          | (?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[a-z]{3,9})\.?(?:,\s*|\s+)(?P<y2>\d{4})
          | (?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4}|\d{2})
        )",
    )
    .expect("date pattern is valid")
});

/// A day in an article's address, as news sites write it in the path:
/// `/2025/05/20/`, `/2025-05-20/` or `…-2025-05-20`, `/20250520/`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        /(?P<y1>(?:19|20)\d{2})/(?P<m1>\d{2})/(?P<d1>\d{2})(?:/|$)
      | [/\-_](?P<y2>(?:19|20)\d{2})-(?P<m2>\d{2})-(?P<d2>\d{2})(?:[/\-_.]|$)
      | /(?P<y3>(?:19|20)\d{2})(?P<m3>\d{2})(?P<d3>\d{2})(?:/|$)",
    )
    .expect("URL date pattern is valid")
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
    let rest = &s[whole.end()..];
    let glued = rest.starts_with(|c: char| c.is_ascii_digit() || (c.is_alphabetic() && c != 'T'));
    let dotted_on = rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if glued || dotted_on {
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
    } else if let Some(year) = number("y3") {
        let year = if year < 100 { 2000 + year } else { year };
        (year, number("m3")?, number("d3")?)
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

/// The day an article's address states in its path, if it states one.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = url[path_start..]
        .find('/')
        .map_or("", |i| &url[path_start + i..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let caps = URL_DATE.captures(path)?;
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = ["1", "2", "3"].iter().find_map(|n| {
        Some((
            number(&format!("y{n}"))?,
            number(&format!("m{n}"))?,
            number(&format!("d{n}"))?,
        ))
    })?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
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
            ("May 20,2025", ymd(2025, 5, 20)),
            ("20.05.2025", ymd(2025, 5, 20)),
            ("3.04.24, 06:58 PM", ymd(2024, 4, 3)),
            ("31.02.2025", None),
            ("1.2.3.4", None),
            ("1.2.34.5", None),
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
    fn dates_in_addresses() {
        let table = [
            (
                "https://news.example/world/2025/05/20/talks-resume/",
                ymd(2025, 5, 20),
            ),
            ("https://news.example/2025/05/20", ymd(2025, 5, 20)),
            (
                "https://news.example/world/talks-resume-2025-05-20/",
                ymd(2025, 5, 20),
            ),
            (
                "http://papers.example/courier/20250520/281625",
                ymd(2025, 5, 20),
            ),
            ("https://news.example/2025/05/talks", None),
            ("https://news.example/story/20251399/x", None),
            ("https://news.example/a?date=2025-05-20", None),
            ("https://2025-05-20.example/a", None),
            ("https://news.example/id/12345678901", None),
        ];
        for (url, expected) in table {
            assert_eq!(date_in_url(url), expected, "{url}");
        }
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
