//! Absolute dates: calendar dates, months, years, decades, centuries,
//! quarters, halves and seasons, written out in full or with the year
//! left for the publication date to supply.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::extract::time::calendar::{Tense, parse_ymd, quarter_of, resolve_month, shift, ymd};
use crate::extract::time::lexicon::{
    ANYWHERE, MONTH, MONTH_WORDS, Num, SEASON_WORDS, Unit, month_number, ordinal_number, parse_num,
    season_code, weekday_number,
};
use crate::extract::time::types::{
    Caps, Ctx, PeriodYear, Rule, Timex, Type, day_value, group, mod_of, span,
};
use crate::model::attr;

/// The absolute-date rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "iso date",
            &["-"],
            r"(?-u:\b)(?P<y>[12][0-9]{3})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?-u:\b)",
            iso_date,
        ),
        Rule::new(
            "numeric date",
            &["/"],
            r"(?-u:\b)(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?-u:\b)",
            numeric_date,
        ),
        Rule::new(
            "month day year",
            MONTH_WORDS,
            r"(?-u:\b)(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?",
            month_day,
        ),
        Rule::new(
            "day month year",
            MONTH_WORDS,
            r"(?-u:\b)(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?",
            month_day,
        ),
        Rule::new(
            "month year",
            MONTH_WORDS,
            r"(?-u:\b)(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>[12][0-9]{3})(?-u:\b)",
            month_year,
        ),
        Rule::new(
            "month of a relative year",
            MONTH_WORDS,
            r"(?-u:\b)(?P<mon>{MONTH})(?:\s+of)?\s+(?P<rel>(?i:last|next|this))\s+(?i:year)(?-u:\b)",
            month_of_relative_year,
        ),
        Rule::new(
            "bare month",
            MONTH_WORDS,
            r"(?-u:\b)(?P<mon>{MONTH_NOT_MAY})",
            bare_month,
        ),
        Rule::new(
            "May after a cue word",
            &["May"],
            r"(?-u:\b)(?i:in|on|since|of|by|until|till|through|from|during|before|after|early|late|mid)(?:\s+|-)(?P<t>(?P<mon>May))(?-u:\b)",
            bare_month,
        ),
        Rule::new(
            "year",
            ANYWHERE,
            r"(?-u:\b)(?:(?P<fiscal>(?i:fiscal)(?:\s+(?i:year))?)\s+)?(?P<y>1[0-9]{3}|20[0-9]{2})(?-u:\b)",
            year,
        ),
        Rule::new(
            "spoken year",
            &["nineteen", "thousand"],
            r"(?i)(?-u:\b)(?:the\s+year\s+)?(?:nineteen\s+(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<ones>one|two|three|four|five|six|seven|eight|nine))?|(?P<k>two\s+thousand)(?:\s+and\s+(?P<small>one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)",
            spoken_year,
        ),
        Rule::new(
            "year period",
            &["period", "quarter"],
            r"(?i)(?-u:\b)the\s+(?P<y>[12][0-9]{3})\s+(?:period|quarter)(?-u:\b)",
            year_period,
        ),
        Rule::new(
            "decade",
            &["0s", "0'", "0’"],
            r"(?:(?-u:\b)(?i:the)\s+)?(?:(?-u:\b)(?P<mod>(?i:early|mid|late))[\s-]+)?(?:(?-u:\b)(?P<c>1[0-9]|20)(?P<d>[0-9])0['’]?s|['’](?P<tens>[0-9])0s)(?-u:\b)",
            decade,
        ),
        Rule::new(
            "decade in words",
            DECADE_WORDS,
            r"(?i)(?-u:\b)the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b)",
            decade_in_words,
        ),
        Rule::new(
            "century",
            &["century"],
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<o>{ORDINAL})[\s-]+century(?-u:\b)",
            century,
        ),
        Rule::new(
            "quarter",
            &["quarter"],
            r"(?i)(?-u:\b)(?:(?:the|this|last|next|(?P<rel>this|last|next)\s+year['’]s)\s+)?(?:(?P<ago>year[\s-](?:earlier|ago))\s+)?(?:(?P<y0>[12][0-9]{3})\s+)?(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)(?P<sep>[\s-]+)(?:fiscal\s+)?quarter(?-u:\b)(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y>[12][0-9]{3})(?-u:\b)|(?P<of_rel>this|last|next|the)\s+year(?-u:\b)))?",
            quarter,
        ),
        Rule::new(
            "Q quarter",
            ANYWHERE,
            r"(?-u:\b)(?:(?P<y0>[12][0-9]{3})[\s-]?)?Q(?P<q>[1-4])(?-u:\b)(?:\s+(?P<y>[12][0-9]{3})(?-u:\b))?",
            q_quarter,
        ),
        Rule::new(
            "half year",
            &["half", "quarter"],
            r"(?i)(?-u:\b)(?:the\s+)?(?P<o>first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+(?:fiscal\s+)?(?:(?P<y>[12][0-9]{3})(?-u:\b)|(?P<of_rel>this|last|next|the)\s+year(?-u:\b))",
            half_year,
        ),
        Rule::new(
            "season year",
            SEASON_WORDS,
            r"(?i)(?-u:\b)(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>[12][0-9]{3})(?-u:\b)",
            season_year,
        ),
    ]
});

/// A number group parsed as u32.
fn num(caps: &Caps<'_>, name: &str) -> Option<u32> {
    group(caps, name)?.parse().ok()
}

fn iso_date(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let day =
        (|| NaiveDate::from_ymd_opt(num(caps, "y")? as i32, num(caps, "m")?, num(caps, "d")?))();
    day.map(|d| Timex::new(span(caps), Type::Date, ymd(d), "explicit date"))
        .into_iter()
        .collect()
}

fn numeric_date(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    if ctx.inside_number(sp) {
        return Vec::new();
    }
    let (Some(a), Some(b), Some(y)) = (num(caps, "a"), num(caps, "b"), num(caps, "y")) else {
        return Vec::new();
    };
    let year = match y {
        0..=49 => 2000 + y,
        50..=99 => 1900 + y,
        _ => y,
    };
    let (m, d, note) = if a > 12 {
        (b, a, "explicit date (day/month/year)")
    } else {
        (a, b, "explicit date (month/day/year)")
    };
    NaiveDate::from_ymd_opt(year as i32, m, d)
        .map(|day| Timex::new(sp, Type::Date, ymd(day), note))
        .into_iter()
        .collect()
}

fn month_day(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    if ctx.inside_number(sp) {
        return Vec::new();
    }
    let m = group(caps, "mon").and_then(month_number);
    let d = num(caps, "d").filter(|d| (1..=31).contains(d));
    let (Some(m), Some(d)) = (m, d) else {
        return Vec::new();
    };
    let found = day_value(ctx, sp, m, d, num(caps, "y"));
    let wd = group(caps, "wd").and_then(weekday_number);
    found
        .filter(|t| wd.is_none() || weekday_agrees(&t.value, wd))
        .into_iter()
        .collect()
}

/// True when a written weekday agrees with the date (or the date has no year).
fn weekday_agrees(value: &str, wd: Option<u32>) -> bool {
    use chrono::Datelike;
    match (parse_ymd(value), wd) {
        (Some(d), Some(w)) => d.weekday().number_from_monday() == w,
        _ => true,
    }
}

fn month_year(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let (Some(m), Some(y)) = (group(caps, "mon").and_then(month_number), num(caps, "y")) else {
        return Vec::new();
    };
    vec![Timex::new(
        span(caps),
        Type::Date,
        format!("{y:04}-{m:02}"),
        "explicit month",
    )]
}

fn bare_month(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(m) = group(caps, "mon").and_then(month_number) else {
        return Vec::new();
    };
    let Some(dct) = ctx.dct else {
        return vec![Timex::new(
            sp,
            Type::Date,
            format!("XXXX-{m:02}"),
            "month, no publication date",
        )];
    };
    let tense = ctx.tense(sp);
    let y = resolve_month(dct, m, tense);
    let note = format!(
        "month, year from publication date {} ({})",
        ymd(dct),
        tense.word()
    );
    vec![Timex::new(sp, Type::Date, format!("{y:04}-{m:02}"), note).attr(attr::ANCHOR, ymd(dct))]
}

/// "June last year", "March of next year": the month in the year before,
/// after or of the publication date.
fn month_of_relative_year(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let (Some(m), Some(rel)) = (
        group(caps, "mon").and_then(month_number),
        group(caps, "rel").map(str::to_ascii_lowercase),
    ) else {
        return Vec::new();
    };
    let offset = match rel.as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let Some(dct) = ctx.dct else {
        return vec![Timex::new(
            sp,
            Type::Date,
            format!("XXXX-{m:02}"),
            "month of a relative year, no publication date",
        )];
    };
    let y = dct.year() + offset;
    let note = format!("month of {rel} year, from publication date {}", ymd(dct));
    vec![Timex::new(sp, Type::Date, format!("{y:04}-{m:02}"), note).attr(attr::ANCHOR, ymd(dct))]
}

/// Words before a year that make an old year believable ("in 1848").
fn year_cue_before(ctx: &Ctx<'_>, start: usize) -> bool {
    let before = ctx.before(start).trim_end();
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word.to_ascii_lowercase().as_str(),
        "in" | "of" | "since" | "by" | "from" | "until" | "to" | "year" | "before" | "after"
    )
}

fn year(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(y) = num(caps, "y") else {
        return Vec::new();
    };
    let plausible = (1900..=2099).contains(&y) || year_cue_before(ctx, sp.0);
    if !plausible || ctx.inside_number(sp) {
        return Vec::new();
    }
    let note = if caps.name("fiscal").is_some() {
        "explicit fiscal year"
    } else {
        "explicit year"
    };
    vec![Timex::new(sp, Type::Date, format!("{y:04}"), note)]
}

fn spoken_year(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let word = |name: &str| {
        group(caps, name)
            .and_then(parse_num)
            .map_or(0.0, |n| match n {
                Num::Exact(v) => v,
                Num::Vague => 0.0,
            })
    };
    let (start, end) = span(caps);
    let lo = ctx.text.floor_char_boundary(start.saturating_sub(30));
    let lead = ctx
        .text
        .get(lo..start)
        .and_then(|w| SPOKEN_LEAD.captures(w));
    let lead_group = |name: &str| lead.as_ref().and_then(|c| c.name(name));
    let month = lead_group("mon").and_then(|m| month_number(m.as_str()));
    let season = lead_group("s").and_then(|s| season_code(s.as_str()));
    let start = match lead_group("all") {
        Some(m) if month.is_some() || season.is_some() => lo + m.start(),
        _ => start,
    };
    let y = if caps.name("k").is_some() {
        let the_year = caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with("the"));
        if !the_year && month.is_none() && season.is_none() {
            return Vec::new();
        }
        2000.0 + word("small")
    } else {
        1900.0 + word("tens") + word("ones")
    };
    let value = match (month, season) {
        (Some(m), _) => format!("{y:.0}-{m:02}"),
        (None, Some(code)) => format!("{y:.0}-{code}"),
        (None, None) => format!("{y:.0}"),
    };
    vec![Timex::new((start, end), Type::Date, value, "year in words")]
}

/// A month or season right before a year in words ("January nineteen
/// ninety-seven", "the winter of nineteen ninety-four").
static SPOKEN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?P<all>(?-u:\b)(?P<mon>{MONTH})|(?-u:\b)(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+of)\s+$"
    );
    Regex::new(&pattern).expect("valid spoken-year lead pattern")
});

fn year_period(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(y) = num(caps, "y") else {
        return Vec::new();
    };
    let quarterly = ctx.dct.map(|d| {
        let r = shift(d, -1, Unit::Quarter).unwrap_or(d);
        quarter_of(r)
    });
    let value = match quarterly {
        Some(q) => format!("{y:04}-Q{q}"),
        None => format!("{y:04}"),
    };
    let t = Timex::new(
        span(caps),
        Type::Date,
        value,
        "reported period of an explicit year",
    );
    vec![t.comparing_period(PeriodYear::Named(i32::try_from(y).unwrap_or(0)))]
}

fn decade(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let t = match (group(caps, "c"), group(caps, "d"), num(caps, "tens")) {
        (Some(c), Some(d), _) => {
            Timex::new(span(caps), Type::Date, format!("{c}{d}"), "explicit decade")
        }
        (_, _, Some(tens)) => latest_decade(ctx, span(caps), i32::try_from(tens).unwrap_or(0)),
        _ => return Vec::new(),
    };
    vec![t.attr_opt(attr::MOD, group(caps, "mod").and_then(mod_of))]
}

/// The decade with `tens` ("the nineties", "the '90s") that last began by
/// the publication year (in the twentieth century without one).
fn latest_decade(ctx: &Ctx<'_>, sp: (usize, usize), tens: i32) -> Timex {
    use chrono::Datelike;
    match ctx.dct.map(|d| d.year()) {
        Some(y) => {
            let century = y.div_euclid(100) - i32::from(y.div_euclid(100) * 100 + tens * 10 > y);
            let note =
                format!("decade without its century, the last one begun by publication year {y}");
            Timex::new(sp, Type::Date, format!("{century:02}{tens}"), note)
        }
        None => Timex::new(
            sp,
            Type::Date,
            format!("19{tens}"),
            "decade without its century, no publication date",
        ),
    }
}

/// Trigger words for decades written in words.
const DECADE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// "The nineties": see [`latest_decade`].
fn decade_in_words(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(word) = group(caps, "w").map(str::to_ascii_lowercase) else {
        return Vec::new();
    };
    let Some(tens) = DECADE_WORDS.iter().position(|w| *w == word) else {
        return Vec::new();
    };
    let t = latest_decade(ctx, span(caps), i32::try_from(tens).unwrap_or(0) + 2);
    vec![t.attr_opt(attr::MOD, group(caps, "mod").and_then(mod_of))]
}

fn century(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(n) = group(caps, "o")
        .and_then(ordinal_number)
        .filter(|n| *n >= 1)
    else {
        return Vec::new();
    };
    let t = Timex::new(
        span(caps),
        Type::Date,
        format!("{:02}", n - 1),
        "explicit century",
    );
    vec![t.attr_opt(attr::MOD, group(caps, "mod").and_then(mod_of))]
}

/// The year of a quarter or half given without one: the DCT's year, or the
/// one before when that period has not started yet (reports look back).
fn period_year(ctx: &Ctx<'_>, caps: &Caps<'_>, first_month: u32) -> Option<(i32, String)> {
    use chrono::Datelike;
    let dct = ctx.dct?;
    let rel = group(caps, "rel")
        .or_else(|| group(caps, "of_rel"))
        .map(str::to_ascii_lowercase);
    let y = dct.year();
    let year = match rel.as_deref() {
        Some("last") => y - 1,
        Some("next") => y + 1,
        Some(_) => y,
        None if first_month > dct.month() && ctx.tense(span(caps)) != Tense::Future => y - 1,
        None => y,
    };
    Some((year, format!("year from publication date {}", ymd(dct))))
}

fn quarter(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(q) = group(caps, "o")
        .and_then(ordinal_number)
        .filter(|q| (1..=4).contains(q))
    else {
        return Vec::new();
    };
    let hyphen = group(caps, "sep").is_some_and(|s| s.starts_with('-'));
    let ago = caps.name("ago").is_some();
    let sp = match caps.name("o") {
        Some(o) if hyphen && !ago && caps.name("y0").is_none() => (o.start(), span(caps).1),
        _ => span(caps),
    };
    if let Some(y) = num(caps, "y").or_else(|| num(caps, "y0")) {
        return vec![Timex::new(
            sp,
            Type::Date,
            format!("{y:04}-Q{q}"),
            "explicit quarter",
        )];
    }
    match period_year(ctx, caps, q * 3 - 2) {
        Some((y, note)) => {
            let (y, note) = if ago {
                (y - 1, format!("quarter a year before, {note}"))
            } else {
                (y, format!("quarter, {note}"))
            };
            let t = Timex::new(sp, Type::Date, format!("{y:04}-Q{q}"), note);
            vec![t.attr_opt(attr::ANCHOR, ctx.dct.map(ymd).as_deref())]
        }
        None => vec![Timex::new(
            sp,
            Type::Date,
            format!("XXXX-Q{q}"),
            "quarter, no publication date",
        )],
    }
}

fn q_quarter(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(q) = num(caps, "q") else {
        return Vec::new();
    };
    let sp = span(caps);
    if let Some(y) = num(caps, "y0").or_else(|| num(caps, "y")) {
        return vec![Timex::new(
            sp,
            Type::Date,
            format!("{y:04}-Q{q}"),
            "explicit quarter",
        )];
    }
    match period_year(ctx, caps, q * 3 - 2) {
        Some((y, note)) => vec![Timex::new(
            sp,
            Type::Date,
            format!("{y:04}-Q{q}"),
            format!("quarter, {note}"),
        )],
        None => vec![Timex::new(
            sp,
            Type::Date,
            format!("XXXX-Q{q}"),
            "quarter, no publication date",
        )],
    }
}

fn half_year(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let h = match group(caps, "o").map(str::to_ascii_lowercase).as_deref() {
        Some("first") => 1,
        _ => 2,
    };
    let sp = span(caps);
    if let Some(y) = num(caps, "y") {
        let value = format!("{y:04}-H{h}");
        return vec![Timex::new(sp, Type::Date, value, "explicit half year")];
    }
    let t = match period_year(ctx, caps, h * 6 - 5) {
        Some((y, note)) => Timex::new(
            sp,
            Type::Date,
            format!("{y:04}-H{h}"),
            format!("half year, {note}"),
        ),
        None => Timex::new(
            sp,
            Type::Date,
            format!("XXXX-H{h}"),
            "half year, no publication date",
        ),
    };
    vec![t.attr_opt(attr::ANCHOR, ctx.dct.map(ymd).as_deref())]
}

fn season_year(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let (Some(s), Some(y)) = (group(caps, "s").and_then(season_code), num(caps, "y")) else {
        return Vec::new();
    };
    vec![Timex::new(
        span(caps),
        Type::Date,
        format!("{y:04}-{s}"),
        "explicit season",
    )]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::{check_none, check_table};

    #[test]
    fn absolute_dates() {
        check_table(&[
            (
                "Sales fell in June last year.",
                "2025-05-20",
                "June last year",
                "DATE",
                "2024-06",
            ),
            (
                "The vote is set for March of next year.",
                "2025-05-20",
                "March of next year",
                "DATE",
                "2026-03",
            ),
            (
                "They met on May 16.",
                "2025-05-20",
                "May 16",
                "DATE",
                "2025-05-16",
            ),
            (
                "They met on 16 May 2025.",
                "2025-05-20",
                "16 May 2025",
                "DATE",
                "2025-05-16",
            ),
            (
                "They met on May 16, 2025, in Istanbul.",
                "2025-05-20",
                "May 16, 2025",
                "DATE",
                "2025-05-16",
            ),
            (
                "Filed 2025-05-16 in Kyiv.",
                "2025-05-20",
                "2025-05-16",
                "DATE",
                "2025-05-16",
            ),
            (
                "Filed 05/16/2025 in Kyiv.",
                "2025-05-20",
                "05/16/2025",
                "DATE",
                "2025-05-16",
            ),
            (
                "Filed 16/05/2025 in Kyiv.",
                "2025-05-20",
                "16/05/2025",
                "DATE",
                "2025-05-16",
            ),
            (
                "Prices rose in May 2025.",
                "2025-05-20",
                "May 2025",
                "DATE",
                "2025-05",
            ),
            ("Prices rose in 2024.", "2025-05-20", "2024", "DATE", "2024"),
            (
                "Prices rose in fiscal 2024.",
                "2025-05-20",
                "fiscal 2024",
                "DATE",
                "2024",
            ),
            (
                "It was popular in the 1990s.",
                "2025-05-20",
                "the 1990s",
                "DATE",
                "199",
            ),
            (
                "It was popular in the late 1980s.",
                "2025-05-20",
                "the late 1980s",
                "DATE",
                "198",
            ),
            (
                "The plan was drafted in early 1998.",
                "2025-05-20",
                "early 1998",
                "DATE",
                "1998",
            ),
            (
                "Talks resume in mid-May.",
                "2025-05-20",
                "mid-May",
                "DATE",
                "2025-05",
            ),
            (
                "It shaped the 20th century.",
                "2025-05-20",
                "the 20th century",
                "DATE",
                "19",
            ),
            ("Sales fell in Q2.", "2025-05-20", "Q2", "DATE", "2025-Q2"),
            (
                "Sales fell in the third quarter.",
                "2025-10-20",
                "the third quarter",
                "DATE",
                "2025-Q3",
            ),
            (
                "Profit was higher in the year-earlier third quarter.",
                "2025-10-28",
                "the year-earlier third quarter",
                "DATE",
                "2024-Q3",
            ),
            (
                "Sales fell from the year-ago second quarter.",
                "2025-08-05",
                "the year-ago second quarter",
                "DATE",
                "2024-Q2",
            ),
            (
                "Sales should recover in the first quarter of next year.",
                "2025-10-20",
                "the first quarter of next year",
                "DATE",
                "2026-Q1",
            ),
            (
                "Hate groups shrank through the nineties.",
                "1998-05-20",
                "the nineties",
                "DATE",
                "199",
            ),
            (
                "Sales were flat through the last half of the '80s.",
                "1989-11-02",
                "the '80s",
                "DATE",
                "198",
            ),
            (
                "Prices soared in the late twenties.",
                "2031-05-20",
                "the late twenties",
                "DATE",
                "202",
            ),
            (
                "Output rose in the first half of 2024.",
                "2025-05-20",
                "the first half of 2024",
                "DATE",
                "2024-H1",
            ),
            (
                "Output rose in the first two quarters of 2024.",
                "2025-05-20",
                "the first two quarters of 2024",
                "DATE",
                "2024-H1",
            ),
            (
                "Demand should pick up in the second half of the year.",
                "2025-05-20",
                "the second half of the year",
                "DATE",
                "2025-H2",
            ),
            (
                "Fourth-quarter sales fell.",
                "2025-01-20",
                "Fourth-quarter",
                "DATE",
                "2024-Q4",
            ),
            (
                "The talks were held in spring 2025.",
                "2025-05-20",
                "spring 2025",
                "DATE",
                "2025-SP",
            ),
            (
                "The talks were held in December.",
                "2025-05-20",
                "December",
                "DATE",
                "2024-12",
            ),
            (
                "The talks will be held in December.",
                "2025-05-20",
                "December",
                "DATE",
                "2025-12",
            ),
            (
                "The talks were held in May.",
                "2025-05-20",
                "May",
                "DATE",
                "2025-05",
            ),
            (
                "The talks were held on Dec. 28.",
                "2025-01-05",
                "Dec. 28",
                "DATE",
                "2024-12-28",
            ),
            (
                "They talked on Friday, May 16, 2025.",
                "2025-05-20",
                "Friday, May 16, 2025",
                "DATE",
                "2025-05-16",
            ),
            (
                "The bomb went off in July nineteen ninety-six.",
                "2025-05-20",
                "July nineteen ninety-six",
                "DATE",
                "1996-07",
            ),
            (
                "Oil was cheap in the winter of nineteen ninety-four.",
                "2025-05-20",
                "the winter of nineteen ninety-four",
                "DATE",
                "1994-WI",
            ),
            (
                "Prices peaked in the year nineteen eighty.",
                "2025-05-20",
                "the year nineteen eighty",
                "DATE",
                "1980",
            ),
            ("They met on May 16.", "", "May 16", "DATE", "XXXX-05-16"),
        ]);
    }

    #[test]
    fn not_absolute_dates() {
        check_none(&[
            "A 1,000 for 1,000 swap.",
            "We may go. May God help us.",
            "May the talks succeed.",
            "He paid $2000 for it.",
            "Turnout was 1999.5 votes on average.",
        ]);
    }
}
