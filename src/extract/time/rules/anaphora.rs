//! Dates told from the last date mentioned before them ("the following
//! year", "that quarter", "the previous Friday", "the day before"): a
//! story counts from its own time, not from the publication date.
//!
//! The rules find the expressions and resolve them against the publication
//! date as a fallback; [`resolve`] then walks the chosen expressions in
//! text order and re-resolves each against the last date mentioned before
//! it that is fine enough ("the following month" needs a month or a day).

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::extract::time::calendar::{
    Tense, at_granularity, reported_quarter_of, resolve_weekday, shift, underspecified, ymd,
};
use crate::extract::time::interval::{Granularity, single};
use crate::extract::time::lexicon::{
    PART_OF_DAY_WORDS, Unit, WEEKDAY_WORDS, part_of_day, weekday_number,
};
use crate::extract::time::types::{
    Anaphor, Caps, Ctx, PeriodYear, Rule, StoryTime, Timex, Type, group, span,
};
use crate::model::attr;

/// Trigger words for the calendar units a story counts in.
const CALENDAR_UNIT_WORDS: &[&str] = &["day", "week", "month", "quarter", "year"];

/// The anaphoric-date rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "the following/previous unit",
            CALENDAR_UNIT_WORDS,
            r"(?i)(?-u:\b)the\s+(?P<rel>following|previous|preceding|prior)\s+(?P<u>day|week|month|quarter|year)(?-u:\b)",
            step_unit,
        ),
        Rule::new(
            "the next day",
            &["day"],
            r"(?i)(?-u:\b)the\s+(?P<rel>next)\s+(?P<u>day)(?-u:\b)",
            step_unit,
        ),
        Rule::new(
            "that/the same unit",
            CALENDAR_UNIT_WORDS,
            r"(?i)(?-u:\b)(?:that|the\s+same)\s+(?P<u>day|week|month|quarter|year)(?-u:\b)",
            step_unit,
        ),
        Rule::new(
            "the following/previous weekday",
            WEEKDAY_WORDS,
            r"(?-u:\b)(?i:the\s+(?P<rel>following|previous|preceding|prior))\s+(?P<wd>{WEEKDAY})(?-u:\b)",
            step_weekday,
        ),
        Rule::new(
            "that/the following part of day",
            PART_OF_DAY_WORDS,
            r"(?i)(?-u:\b)(?:(?P<that>that)|the(?:\s+(?P<rel>following|next|previous|preceding|same))?)\s+(?P<p>morning|afternoon|evening|night)(?-u:\b)",
            step_part,
        ),
        Rule::new(
            "overnight",
            &["overnight"],
            r"(?i)(?-u:\b)overnight(?-u:\b)",
            overnight,
        ),
        Rule::new(
            "mid-morning, mid-afternoon",
            PART_OF_DAY_WORDS,
            r"(?i)(?-u:\b)mid[\s-]?(?P<p>morning|afternoon|evening)(?-u:\b)",
            step_part,
        ),
        Rule::new(
            "the day/week/month/year before/after",
            CALENDAR_UNIT_WORDS,
            r"(?i)(?-u:\b)the\s+(?P<u>day|week|month|year)\s+(?P<rel>before|after)(?-u:\b)",
            unit_before_after,
        ),
        Rule::new(
            "the week/month/year",
            CALENDAR_UNIT_WORDS,
            r"(?i)(?-u:\b)the\s+(?:fiscal\s+)?(?P<u>day|week|month|year)(?-u:\b)",
            the_unit,
        ),
    ]
});

/// The step a relative word takes (none: the same period).
fn step(rel: Option<&str>) -> i64 {
    match rel.map(str::to_ascii_lowercase).as_deref() {
        Some("previous" | "preceding" | "prior" | "before") => -1,
        Some("following" | "next" | "after") => 1,
        _ => 0,
    }
}

/// True when the expression runs on into a compound ("that day-to-day
/// work"), where it is no date.
fn runs_on(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    ctx.after(sp.1).starts_with('-')
}

fn step_unit(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(unit) = group(caps, "u").and_then(Unit::parse) else {
        return Vec::new();
    };
    let anaphor = Anaphor {
        step: step(group(caps, "rel")),
        unit,
        weekday: None,
        part: None,
    };
    found(ctx, sp, anaphor)
}

fn step_weekday(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let anaphor = Anaphor {
        step: step(group(caps, "rel")),
        unit: Unit::Day,
        weekday: group(caps, "wd").and_then(weekday_number),
        part: None,
    };
    found(ctx, span(caps), anaphor)
}

/// "That night", "the following morning", "the afternoon" of the story's
/// day; "the night" alone is too often a stretch of its own ("spent the
/// night").
fn step_part(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let bare_the = caps.name("that").is_none() && caps.name("rel").is_none();
    if bare_the && group(caps, "p").is_some_and(|p| p.eq_ignore_ascii_case("night")) {
        return Vec::new();
    }
    let anaphor = Anaphor {
        step: step(group(caps, "rel")),
        unit: Unit::Day,
        weekday: None,
        part: group(caps, "p").and_then(part_of_day),
    };
    found(ctx, span(caps), anaphor)
}

/// Money-market terms in which "overnight" names a loan's length, not a
/// night ("the overnight rate").
const OVERNIGHT_LOANS: [&str; 6] = ["rate", "rates", "loans", "lending", "deposits", "funds"];

/// "Overnight": the night before the story's day ("depressed by losses
/// overnight in New York"), but not a loan's term ("the overnight rate").
fn overnight(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let next = ctx.after(sp.1).split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    if OVERNIGHT_LOANS.iter().any(|w| w.eq_ignore_ascii_case(next)) {
        return Vec::new();
    }
    let anaphor = Anaphor {
        step: -1,
        unit: Unit::Day,
        weekday: None,
        part: Some("NI"),
    };
    found(ctx, sp, anaphor)
}

/// "The day before" on its own; "the day before the vote" counts from an
/// event the tagger cannot date.
fn unit_before_after(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let event_follows = ctx
        .after(span(caps).1)
        .trim_start_matches([' ', '\t'])
        .starts_with(|c: char| c.is_alphanumeric());
    if event_follows {
        return Vec::new();
    }
    step_unit(caps, ctx)
}

/// Words after "the year" that make it a reported period of its own ("the
/// year ended June 30") or a named year ("the year 2000").
const NOT_THE_PERIOD_AFTER: [&str; 4] = ["ended", "ending", "ends", "to"];

/// Words before "in the day" that make it the day of the story ("later in
/// the day"); "the day" alone is too often generic ("the day the music died").
const IN_THE_DAY_AFTER: [&str; 2] = ["later", "earlier"];

/// "The year", "the month", "the week" of the story ("for the year, sales
/// rose") and "later in the day", but not a title ("Person of the Year"), a
/// reported year ("the year ended June 30") or a generic one ("any day of
/// the week").
fn the_unit(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let unit_word = group(caps, "u").unwrap_or("");
    if unit_word.eq_ignore_ascii_case("day") {
        let told_day = ctx.word_before(sp.0, "in").is_some_and(|at| {
            IN_THE_DAY_AFTER
                .iter()
                .any(|w| ctx.word_before(at, w).is_some())
        });
        if !told_day {
            return Vec::new();
        }
    }
    let title = unit_word.starts_with(char::is_uppercase)
        && ctx.text[sp.0..].starts_with(char::is_lowercase);
    let next_word = ctx.after(sp.1).split_whitespace().next().unwrap_or("");
    let named = next_word.starts_with(|c: char| c.is_ascii_digit())
        || NOT_THE_PERIOD_AFTER
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next_word));
    let generic = ctx
        .word_before(sp.0, "of")
        .and_then(|of| {
            ["day", "days", "time"]
                .iter()
                .find_map(|w| ctx.word_before(of, w))
        })
        .is_some();
    if title || named || generic {
        return Vec::new();
    }
    step_unit(caps, ctx)
}

/// The expression resolved against the publication date, to be re-resolved
/// by [`resolve`] when a date was mentioned before it.
fn found(ctx: &Ctx<'_>, sp: (usize, usize), anaphor: Anaphor) -> Vec<Timex> {
    if runs_on(ctx, sp) {
        return Vec::new();
    }
    let kind = if anaphor.part.is_some() {
        Type::Time
    } else {
        Type::Date
    };
    let counted = ctx
        .dct
        .and_then(|dct| Some((ymd(dct), step_from(dct, anaphor)?)));
    let mut t = match counted {
        Some((dct, value)) => {
            let note = format!("no date mentioned before it: counted from publication date {dct}");
            Timex::new(sp, kind, value, note).attr(attr::ANCHOR, dct)
        }
        None => {
            let mut value = underspecified(anaphor.unit).to_owned();
            if let Some(part) = anaphor.part {
                value = format!("{value}T{part}");
            }
            Timex::new(sp, kind, value, "no date mentioned before it")
        }
    };
    t.story = StoryTime::CountsFrom(anaphor);
    vec![t]
}

/// The value `anaphor` gives when counted from `from`.
fn step_from(from: NaiveDate, anaphor: Anaphor) -> Option<String> {
    if let Some(wd) = anaphor.weekday {
        let day = match anaphor.step {
            s if s < 0 => resolve_weekday(from.pred_opt()?, wd, Tense::Past)?,
            s if s > 0 => resolve_weekday(from.succ_opt()?, wd, Tense::Future)?,
            _ => resolve_weekday(from, wd, Tense::Unknown)?,
        };
        return Some(ymd(day));
    }
    let day = shift(from, anaphor.step, anaphor.unit)?;
    let value = at_granularity(day, anaphor.unit);
    Some(match anaphor.part {
        Some(part) => format!("{value}T{part}"),
        None => value,
    })
}

/// How fine a granularity is, on one scale with the units.
fn fineness(g: Granularity) -> u8 {
    match g {
        Granularity::Minute | Granularity::Hour | Granularity::PartOfDay | Granularity::Day => 0,
        Granularity::Week => 1,
        Granularity::Month => 2,
        Granularity::Season | Granularity::Quarter => 3,
        Granularity::HalfYear => 4,
        Granularity::Year => 5,
        Granularity::Decade | Granularity::Century => 6,
    }
}

/// How fine a reference an anaphor needs: "the following month" needs a
/// month or finer, "the previous Friday" a day.
fn needs(anaphor: Anaphor) -> u8 {
    match anaphor.unit {
        _ if anaphor.weekday.is_some() => 0,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 5,
        Unit::Decade | Unit::Century => 6,
    }
}

/// A date an expression names, usable as a reference.
struct Reference {
    /// Its first day.
    day: NaiveDate,
    /// How fine it is.
    fineness: u8,
    /// Its span in the text, for the resolution note.
    span: (usize, usize),
}

/// A reporting period a later "a year earlier" compares with.
struct Period {
    /// Its TIMEX3 value ("2024-Q3", "2024-H1", "2024").
    value: String,
    /// Its span in the text, for the resolution note.
    span: (usize, usize),
}

/// The quarter a report is about: the last one completed before
/// publication, as its year ("2025") and value ("2025-Q3").
struct Reported {
    /// The year, as written in values.
    year: String,
    /// The quarter's value.
    quarter: String,
}

impl Reported {
    /// The reported quarter of a publication date.
    fn of(dct: NaiveDate) -> Option<Reported> {
        let q = reported_quarter_of(dct)?;
        Some(Reported {
            year: at_granularity(q, Unit::Year),
            quarter: at_granularity(q, Unit::Quarter),
        })
    }
}

/// The reporting period a timex names: the reported quarter, a half or
/// the whole of its year, a fiscal quarter of that year, or a stretch of
/// months ("the nine months"), which is that year so far. Periods of other
/// years, and earlier calendar quarters ("up from the second quarter"),
/// are comparisons or forecasts.
fn period_named(t: &Timex, text: &str, reported: &Reported) -> Option<Period> {
    let value = match t.kind {
        Type::Date if is_period(&t.value) && t.value.starts_with(&reported.year) => {
            let earlier_quarter =
                t.value.as_bytes().get(5) == Some(&b'Q') && t.value < reported.quarter;
            let fiscal = || {
                text.get(t.start..t.end)
                    .is_some_and(|s| s.to_ascii_lowercase().contains("fiscal"))
            };
            if earlier_quarter && !fiscal() {
                return None;
            }
            t.value.clone()
        }
        Type::Duration if matches!(t.value.as_str(), "P6M" | "P9M") => reported.year.clone(),
        _ => return None,
    };
    Some(Period {
        value,
        span: (t.start, t.end),
    })
}

/// True for a quarter, half or year value ("2024-Q3", "2024-H1", "2024").
fn is_period(value: &str) -> bool {
    single(value).is_some_and(|i| {
        matches!(
            i.granularity,
            Granularity::Quarter | Granularity::HalfYear | Granularity::Year
        )
    })
}

/// A period value moved to another year ("2024-Q3" a year before →
/// "2023-Q3"; in 1988 → "1988-Q3").
fn period_in(value: &str, year: PeriodYear) -> Option<String> {
    let own: i32 = value.get(..4)?.parse().ok()?;
    let year = match year {
        PeriodYear::Before => own - 1,
        PeriodYear::Named(y) => y,
    };
    Some(format!("{year:04}{}", value.get(4..)?))
}

/// Re-resolves every anaphoric expression in `chosen` (in text order)
/// against the last date mentioned before it that is fine enough and no
/// comparison, and every "a year earlier" of a report against the last
/// reporting period named; those without one keep their publication-date
/// value.
pub(in crate::extract::time) fn resolve(text: &str, dct: Option<NaiveDate>, chosen: &mut [Timex]) {
    let mut references: Vec<Reference> = Vec::new();
    let mut period: Option<Period> = None;
    let reported = dct.and_then(Reported::of);
    for t in chosen.iter_mut() {
        match t.story {
            StoryTime::ComparesPeriod(year) => {
                compare_with(text, t, period.as_ref(), year);
                continue;
            }
            StoryTime::Compares | StoryTime::ContinuesRange => continue,
            StoryTime::CountsFrom(anaphor) => count_from(text, t, anaphor, &references),
            StoryTime::Names => {}
        }
        if let Some(p) = reported.as_ref().and_then(|r| period_named(t, text, r)) {
            period = Some(p);
        }
        if !matches!(t.kind, Type::Date | Type::Time) {
            continue;
        }
        if let Some(interval) = single(&t.value) {
            references.push(Reference {
                day: interval.start.date(),
                fineness: fineness(interval.granularity),
                span: (t.start, t.end),
            });
        }
    }
}

/// Re-resolves `t` against the last reference fine enough for `anaphor`.
fn count_from(text: &str, t: &mut Timex, anaphor: Anaphor, references: &[Reference]) {
    let Some(r) = references
        .iter()
        .rev()
        .find(|r| r.fineness <= needs(anaphor))
    else {
        return;
    };
    let Some(value) = step_from(r.day, anaphor) else {
        return;
    };
    t.value = value;
    t.resolution = format!(
        "counted from the last date mentioned before it, \u{201c}{}\u{201d} ({})",
        text.get(r.span.0..r.span.1).unwrap_or(""),
        ymd(r.day)
    );
    t.attrs.retain(|(k, _)| *k != attr::ANCHOR);
    t.attrs.push((attr::ANCHOR, ymd(r.day)));
}

/// Re-resolves a report's "a year earlier" or "the 1988 period" as
/// `period` in the year `year` says.
fn compare_with(text: &str, t: &mut Timex, period: Option<&Period>, year: PeriodYear) {
    let Some(p) = period else {
        return;
    };
    let Some(value) = period_in(&p.value, year) else {
        return;
    };
    let which = match year {
        PeriodYear::Before => "a year before".to_owned(),
        PeriodYear::Named(y) => format!("in {y:04}"),
    };
    t.value = value;
    t.resolution = format!(
        "the reporting period last named, \u{201c}{}\u{201d} ({}), {which}",
        text.get(p.span.0..p.span.1).unwrap_or(""),
        p.value
    );
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::{check_none, check_table};

    #[test]
    fn anaphoric_dates() {
        check_table(&[
            (
                "He was promoted on May 22, 2015, and the following year he moved to Rome.",
                "2025-05-20",
                "the following year",
                "DATE",
                "2016",
            ),
            (
                "The plant opened in March 2019. The following month it was closed.",
                "2025-05-20",
                "The following month",
                "DATE",
                "2019-04",
            ),
            (
                "Sales fell in 2021. Prices rose that year too.",
                "2025-05-20",
                "that year",
                "DATE",
                "2021",
            ),
            (
                "Profit rose in the second quarter of 2024; costs rose in the previous quarter.",
                "2025-05-20",
                "the previous quarter",
                "DATE",
                "2024-Q1",
            ),
            (
                "The index closed lower on Friday, down 4% from the previous Friday.",
                "2025-05-20",
                "the previous Friday",
                "DATE",
                "2025-05-09",
            ),
            (
                "Troops crossed the river on June 3, 2024. The next day, talks failed.",
                "2025-05-20",
                "The next day",
                "DATE",
                "2024-06-04",
            ),
            (
                "They met on 3 June 2024. The next morning they left.",
                "2025-05-20",
                "The next morning",
                "TIME",
                "2024-06-04TMO",
            ),
            (
                "Troops crossed the river on June 3, 2024. The day before, talks had failed.",
                "2025-05-20",
                "The day before",
                "DATE",
                "2024-06-02",
            ),
            (
                "The vote was held on 12 March 2023; that night the count began.",
                "2025-05-20",
                "that night",
                "TIME",
                "2023-03-12TNI",
            ),
            (
                "The exchange will take place between June 7 and 9. It ends at the end of the week.",
                "2025-06-04",
                "the end of the week",
                "DATE",
                "2025-W23",
            ),
            (
                "The strike began on Monday, and the same day the talks collapsed.",
                "2025-05-20",
                "the same day",
                "DATE",
                "2025-05-19",
            ),
        ]);
    }

    #[test]
    fn without_a_date_before_them_they_count_from_publication() {
        check_table(&[
            (
                "The following year the company moved to Rome.",
                "2025-05-20",
                "The following year",
                "DATE",
                "2026",
            ),
            (
                "Sales rose 5% from the previous year.",
                "2025-05-20",
                "the previous year",
                "DATE",
                "2024",
            ),
            (
                "That day nobody came.",
                "",
                "That day",
                "DATE",
                "XXXX-XX-XX",
            ),
        ]);
    }

    #[test]
    fn a_reference_too_coarse_is_passed_over() {
        check_table(&[(
            "Talks began on 3 May 2022. Little changed in 2023, and the following month they ended.",
            "2025-05-20",
            "the following month",
            "DATE",
            "2022-06",
        )]);
    }

    #[test]
    fn the_period_of_the_story() {
        check_table(&[
            (
                "Profit rose in the third quarter of 2024 from a year earlier. For the year, sales were flat.",
                "2025-02-03",
                "the year",
                "DATE",
                "2024",
            ),
            (
                "Sales fell 3% in the first nine months of the fiscal year.",
                "2025-05-20",
                "the fiscal year",
                "DATE",
                "2025",
            ),
            (
                "The shares closed lower on Friday. For the week, the index fell 2%.",
                "2025-05-20",
                "the week",
                "DATE",
                "2025-W20",
            ),
            (
                "Talks opened on 4 March 2024. Later in the day the envoy left.",
                "2025-05-20",
                "the day",
                "DATE",
                "2024-03-04",
            ),
            (
                "Shares fell on Friday. Dealers sold heavily in the morning.",
                "2025-05-20",
                "the morning",
                "TIME",
                "2025-05-16TMO",
            ),
            (
                "Shares fell on Friday, 4 April 2025, after losses overnight in New York.",
                "2025-05-20",
                "overnight",
                "TIME",
                "2025-04-03TNI",
            ),
            (
                "Talks opened on 4 March 2024. By mid-afternoon the envoy had left.",
                "2025-05-20",
                "mid-afternoon",
                "TIME",
                "2024-03-04TAF",
            ),
            (
                "The strike began in March 2021; the year before, wages had fallen.",
                "2025-05-20",
                "the year before",
                "DATE",
                "2020",
            ),
        ]);
    }

    #[test]
    fn a_year_earlier_in_a_report_is_the_last_period_named() {
        check_table(&[
            (
                "Third-quarter net rose 5%. For the nine months, net was $9 million, up from $7 million a year earlier.",
                "2025-10-28",
                "a year earlier",
                "DATE",
                "2024",
            ),
            (
                "Third-quarter net rose 5%, up from the second quarter, and was $9 million against $7 million a year ago.",
                "2025-10-28",
                "a year ago",
                "DATE",
                "2024-Q3",
            ),
            (
                "Fourth-quarter profit was $5 million, against $4 million a year earlier.",
                "2026-01-20",
                "a year earlier",
                "DATE",
                "2024-Q4",
            ),
            (
                "Sales in the quarter rose to $5 million from $4 million a year ago.",
                "2025-10-28",
                "a year ago",
                "DATE",
                "2024-Q3",
            ),
            (
                "Net was $2 million in the third quarter, against a loss in the 2024 period. The year-earlier results included a charge.",
                "2025-10-28",
                "year-earlier",
                "DATE",
                "2024-Q3",
            ),
        ]);
    }

    #[test]
    fn the_period_of_a_named_year_is_the_last_period_named() {
        check_table(&[
            (
                "For the nine months, net rose to $9 million from $7 million in the 2024 period.",
                "2025-10-28",
                "the 2024 period",
                "DATE",
                "2024",
            ),
            (
                "Net rose in the fiscal first quarter, against a loss in the 2024 period.",
                "2025-10-28",
                "the 2024 period",
                "DATE",
                "2024-Q1",
            ),
        ]);
    }

    #[test]
    fn not_anaphoric_dates() {
        check_none(&[
            "She runs the day-to-day business.",
            "That day-to-day work is dull.",
            "They met the day before the vote.",
            "She was named Person of the Year.",
            "It can happen on any day of the week.",
            "It is quiet at this time of the year.",
            "He remembers the day the war ended.",
            "They spent the night in a shelter.",
            "The overnight rate rose.",
        ]);
    }
}
