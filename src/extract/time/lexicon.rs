//! Word lists shared by the rule families: regex fragments and the
//! functions that turn the matched words into numbers.

/// Month names and their abbreviations, capitalised. "May" alone is
/// ambiguous, so rules that accept a bare month exclude it themselves.
pub(super) const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.?)";

/// Month names without "May", for rules that need no further evidence.
pub(super) const MONTH_NOT_MAY: &str = r"(?:(?:January|February|March|April|June|July|August|September|October|November|December)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?-u:\b)\.)";

/// Cardinal numbers in digits or words, including vague amounts.
pub(super) const NUM: &str = r"(?i:[0-9]+\s+1/2|[0-9]+(?:\.[0-9]+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b))?|a\s+hundred|one\s+hundred|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|several|few|many|some|half\s+an?|an?)";

/// Calendar units, singular or plural.
pub(super) const UNIT: &str =
    r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?)";

/// Ordinal numbers one to thirty-one, in words or digits.
pub(super) const ORDINAL: &str = r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|[0-9]{1,2}(?:st|nd|rd|th))";

/// Trigger words of rules that scan the whole text: their matches start
/// with digits, which are too common to search near one by one.
pub(super) const ANYWHERE: &[&str] = &[];

/// The capitalised three-letter heads of the month names, January first:
/// trigger words for [`MONTH`], and what [`month_number`] reads.
pub(super) const MONTH_WORDS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Day names, capitalised, Monday first: the `{WEEKDAY}` pattern, its
/// trigger words, and what [`weekday_number`] reads.
pub(crate) const WEEKDAY_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Trigger words for [`UNIT`] (heads, so plurals trigger too).
pub(super) const UNIT_WORDS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "centur", "quarter",
];

/// Trigger words for the seasons.
pub(super) const SEASON_WORDS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// Trigger words for the parts of a day.
pub(super) const PART_OF_DAY_WORDS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// A number read from text: exact, or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Num {
    /// A known amount.
    Exact(f64),
    /// An unknown amount, written "X" in TIMEX3 values.
    Vague,
}

/// The value of a small number word.
fn word_value(word: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 30] = [
        ("a", 1.0),
        ("an", 1.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Reads a number matched by [`NUM`].
pub(super) fn parse_num(text: &str) -> Option<Num> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c == ' ' || c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => None,
        ["half", _] => Some(Num::Exact(0.5)),
        [w, "1/2"] => w.parse::<f64>().ok().map(|v| Num::Exact(v + 0.5)),
        [w] if w.starts_with(|c: char| c.is_ascii_digit()) => w.parse().ok().map(Num::Exact),
        [w] if matches!(*w, "several" | "few" | "many" | "some") => Some(Num::Vague),
        ["a", "few"] => Some(Num::Vague),
        ["a", "couple", ..] | ["couple", "of"] => Some(Num::Exact(2.0)),
        ["a", "dozen"] => Some(Num::Exact(12.0)),
        [a, "hundred"] => word_value(a).map(|v| Num::Exact(v * 100.0)),
        _ => {
            let mut total = 0.0;
            for w in &words {
                total += word_value(w)?;
            }
            Some(Num::Exact(total))
        }
    }
}

/// The month number (1–12) of a name matched by [`MONTH`].
pub(super) fn month_number(name: &str) -> Option<u32> {
    number_by_head(MONTH_WORDS, name)
}

/// The ISO weekday number (Monday = 1) of a day name.
pub(super) fn weekday_number(name: &str) -> Option<u32> {
    number_by_head(WEEKDAY_WORDS, name)
}

/// The 1-based place in `names` of the one whose first three letters
/// `word` starts with (any case).
fn number_by_head(names: &[&str], word: &str) -> Option<u32> {
    let head = word.get(..3)?;
    names
        .iter()
        .position(|n| n.get(..3).is_some_and(|h| h.eq_ignore_ascii_case(head)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The number of an ordinal matched by [`ORDINAL`].
pub(super) fn ordinal_number(text: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let lower = text.to_ascii_lowercase();
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return u32::try_from(i + 1).ok();
    }
    if lower == "twenty-first" {
        return Some(21);
    }
    lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// A calendar unit with its TIMEX3 duration letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// Reads a unit word matched by [`UNIT`] (or "weekend", "night", which are days).
    pub(super) fn parse(word: &str) -> Option<Unit> {
        let lower = word.to_ascii_lowercase();
        let unit = match lower.trim_end_matches('s') {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            _ => return None,
        };
        Some(unit)
    }

    /// Formats a duration of `n` units as a TIMEX3 value ("P2W", "PT3H", "PXY").
    /// Exact decades and centuries are written in years ("two decades" → "P20Y"),
    /// as ISO 8601 has no decade unit; vague ones keep TimeML's DE/CE ("PXDE").
    pub(super) fn duration(self, n: Num) -> String {
        if let (Unit::Decade | Unit::Century, Num::Exact(v)) = (self, n) {
            let per = if self == Unit::Decade { 10.0 } else { 100.0 };
            return Unit::Year.duration(Num::Exact(v * per));
        }
        let (time, letter) = match self {
            Unit::Second => (true, "S"),
            Unit::Minute => (true, "M"),
            Unit::Hour => (true, "H"),
            Unit::Day => (false, "D"),
            Unit::Week => (false, "W"),
            Unit::Month => (false, "M"),
            Unit::Quarter => (false, "Q"),
            Unit::Year => (false, "Y"),
            Unit::Decade => (false, "DE"),
            Unit::Century => (false, "CE"),
        };
        let amount = match n {
            Num::Vague => "X".to_owned(),
            Num::Exact(v) if v.fract() == 0.0 => format!("{v:.0}"),
            Num::Exact(v) => format!("{v}"),
        };
        let t = if time { "T" } else { "" };
        format!("P{t}{amount}{letter}")
    }
}

/// The TIMEX3 season code for a season word.
pub(super) fn season_code(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "autumn" | "fall" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// The TIMEX3 part-of-day code for a word.
pub(super) fn part_of_day(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().trim_end_matches('s') {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "tonight" => Some("NI"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_from_words_and_digits() {
        let table: [(&str, Option<Num>); 10] = [
            ("three", Some(Num::Exact(3.0))),
            ("twenty-four", Some(Num::Exact(24.0))),
            ("twenty four", Some(Num::Exact(24.0))),
            ("a hundred", Some(Num::Exact(100.0))),
            ("12", Some(Num::Exact(12.0))),
            ("a few", Some(Num::Vague)),
            ("several", Some(Num::Vague)),
            ("an", Some(Num::Exact(1.0))),
            ("2 1/2", Some(Num::Exact(2.5))),
            ("blue", None),
        ];
        for (text, want) in table {
            assert_eq!(parse_num(text), want, "{text}");
        }
    }

    #[test]
    fn units_format_durations() {
        assert_eq!(Unit::Week.duration(Num::Exact(2.0)), "P2W");
        assert_eq!(Unit::Hour.duration(Num::Exact(3.0)), "PT3H");
        assert_eq!(Unit::Year.duration(Num::Vague), "PXY");
        assert_eq!(Unit::Year.duration(Num::Exact(1.5)), "P1.5Y");
    }

    #[test]
    fn names_map_to_numbers() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(weekday_number("Friday"), Some(5));
        assert_eq!(ordinal_number("third"), Some(3));
        assert_eq!(ordinal_number("21st"), Some(21));
    }
}
