//! Times of day: clock times ("10:45 a.m.", "14:30 GMT"), noon and
//! midnight, and parts of days ("this morning", "tonight", "Monday night"),
//! placed on the publication date or the day they name.

use std::sync::LazyLock;

use crate::extract::time::calendar::{resolve_weekday, shift, ymd};
use crate::extract::time::lexicon::{
    ANYWHERE, PART_OF_DAY_WORDS, Unit, month_number, part_of_day, weekday_number,
};
use crate::extract::time::types::{Caps, Ctx, Rule, Timex, Type, day_value, group, span};
use crate::model::attr;

/// The time-of-day rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "12-hour clock",
            ANYWHERE,
            r"(?i)(?-u:\b)(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-5][0-9]))?\s*(?P<ap>[ap]\.m\.|(?:[ap]m|[ap]\.m)(?-u:\b))(?:\s+(?P<z>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|BST|CET|CEST|EET|EEST|MSK)(?-u:\b))?(?:,?\s+(?-i:(?P<wd>{WEEKDAY})(?-u:\b)|(?P<mon>{MONTH})\s*(?P<d>[0-9]{1,2})(?-u:\b)))?",
            twelve_hour,
        ),
        Rule::new(
            "24-hour clock",
            &[":"],
            r"(?-u:\b)(?P<h>[01]?[0-9]|2[0-3]):(?P<m>[0-5][0-9])(?-u:\b)(?:\s+(?P<z>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|BST|CET|CEST|EET|EEST|MSK)(?-u:\b))?",
            twenty_four_hour,
        ),
        Rule::new(
            "noon",
            &["noon", "midday", "midnight"],
            r"(?i)(?-u:\b)(?P<w>noon|midday|midnight)(?-u:\b)(?:,?\s+(?-i:(?P<wd>{WEEKDAY})(?-u:\b)|(?P<mon>{MONTH})\s*(?P<d>[0-9]{1,2})(?-u:\b)))?",
            noon,
        ),
        Rule::new(
            "tonight",
            &["tonight"],
            r"(?i)(?-u:\b)(?P<p>tonight)(?-u:\b)",
            part_with_day,
        ),
        Rule::new(
            "day and part of day",
            PART_OF_DAY_WORDS,
            r"(?i)(?-u:\b)(?P<d>this|yesterday|tomorrow|today|last|(?-i:{WEEKDAY}))\s+(?P<p>morning|afternoon|evening|night)(?-u:\b)",
            part_with_day,
        ),
        Rule::new(
            "part of day and day",
            PART_OF_DAY_WORDS,
            r"(?i)(?-u:\b)(?:mid[\s-]?)?(?P<p>morning|afternoon|evening|night)\s+(?P<d>yesterday|tomorrow|today|(?-i:{WEEKDAY}))(?-u:\b)",
            part_with_day,
        ),
    ]
});

/// The date part of a time on the publication date, or an underspecified one.
fn dct_day(ctx: &Ctx<'_>) -> String {
    ctx.dct.map_or_else(|| "XXXX-XX-XX".to_owned(), ymd)
}

/// The day written after a clock time ("5 p.m. Friday", "noon, Nov. 6").
fn stated_day(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Option<String> {
    let sp = span(caps);
    if let Some(wd) = group(caps, "wd") {
        return day_of(ctx, sp, wd);
    }
    let m = group(caps, "mon").and_then(month_number)?;
    let d = group(caps, "d")?.parse().ok()?;
    day_value(ctx, sp, m, d, None).map(|t| t.value)
}

/// Builds a clock-time timex at `h:m` on the day written with it, else on
/// the publication date.
fn clock(caps: &Caps<'_>, ctx: &Ctx<'_>, h: u32, m: u32) -> Vec<Timex> {
    let stated = caps.name("wd").is_some() || caps.name("mon").is_some();
    let (day, note) = match (stated.then(|| stated_day(caps, ctx)).flatten(), ctx.dct) {
        (Some(day), _) => (day, "clock time on the day written with it".to_owned()),
        (None, Some(d)) => (
            dct_day(ctx),
            format!("clock time on publication date {}", ymd(d)),
        ),
        (None, None) => (dct_day(ctx), "clock time, no publication date".to_owned()),
    };
    let value = format!("{day}T{h:02}:{m:02}");
    let t = Timex::new(span(caps), Type::Time, value, note);
    vec![t.attr_opt(attr::ANCHOR, ctx.dct.map(ymd).as_deref())]
}

fn twelve_hour(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let h = group(caps, "h")
        .and_then(|h| h.parse::<u32>().ok())
        .filter(|h| (1..=12).contains(h));
    let m = group(caps, "m").map_or(Some(0), |m| m.parse::<u32>().ok());
    let (Some(h), Some(m)) = (h, m) else {
        return Vec::new();
    };
    if ctx.inside_number(span(caps)) {
        return Vec::new();
    }
    let pm = group(caps, "ap").is_some_and(|ap| ap.to_ascii_lowercase().starts_with('p'));
    let h24 = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    clock(caps, ctx, h24, m)
}

fn twenty_four_hour(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let h = group(caps, "h").and_then(|h| h.parse::<u32>().ok());
    let m = group(caps, "m").and_then(|m| m.parse::<u32>().ok());
    let (Some(h), Some(m)) = (h, m) else {
        return Vec::new();
    };
    if ctx.inside_number(span(caps)) {
        return Vec::new();
    }
    clock(caps, ctx, h, m)
}

fn noon(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let midnight = group(caps, "w").is_some_and(|w| w.eq_ignore_ascii_case("midnight"));
    clock(caps, ctx, if midnight { 24 } else { 12 }, 0)
}

/// The day a part of day belongs to ("yesterday morning", "Monday night").
fn day_of(ctx: &Ctx<'_>, sp: (usize, usize), word: &str) -> Option<String> {
    let Some(dct) = ctx.dct else {
        return Some("XXXX-XX-XX".to_owned());
    };
    let day = match word.to_ascii_lowercase().as_str() {
        "yesterday" | "last" => shift(dct, -1, Unit::Day)?,
        "tomorrow" => shift(dct, 1, Unit::Day)?,
        "this" | "today" | "" => dct,
        other => resolve_weekday(dct, weekday_number(other)?, ctx.tense(sp))?,
    };
    Some(ymd(day))
}

fn part_with_day(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(code) = group(caps, "p").and_then(part_of_day) else {
        return Vec::new();
    };
    let Some(day) = day_of(ctx, sp, group(caps, "d").unwrap_or("")) else {
        return Vec::new();
    };
    let note = match ctx.dct {
        Some(d) => format!("part of day relative to publication date {}", ymd(d)),
        None => "part of day, no publication date".to_owned(),
    };
    let t = Timex::new(sp, Type::Time, format!("{day}T{code}"), note);
    vec![t.attr_opt(attr::ANCHOR, ctx.dct.map(ymd).as_deref())]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::{check_none, check_table};

    #[test]
    fn times() {
        check_table(&[
            (
                "The blast came mid-afternoon yesterday.",
                "2025-05-20",
                "mid-afternoon yesterday",
                "TIME",
                "2025-05-19TAF",
            ),
            (
                "They met at 10:45 a.m. in Kyiv.",
                "2025-05-16",
                "10:45 a.m.",
                "TIME",
                "2025-05-16T10:45",
            ),
            (
                "They met at 3 pm.",
                "2025-05-16",
                "3 pm",
                "TIME",
                "2025-05-16T15:00",
            ),
            (
                "They met at 14:30 GMT.",
                "2025-05-16",
                "14:30 GMT",
                "TIME",
                "2025-05-16T14:30",
            ),
            (
                "They met at noon.",
                "2025-05-16",
                "noon",
                "TIME",
                "2025-05-16T12:00",
            ),
            (
                "Bids were due at 5 p.m. EST, May 12.",
                "2025-05-16",
                "5 p.m. EST, May 12",
                "TIME",
                "2025-05-12T17:00",
            ),
            (
                "Polls closed at midnight Tuesday.",
                "2025-05-16",
                "midnight Tuesday",
                "TIME",
                "2025-05-13T24:00",
            ),
            (
                "They met this morning.",
                "2025-05-16",
                "this morning",
                "TIME",
                "2025-05-16TMO",
            ),
            (
                "They meet tonight.",
                "2025-05-16",
                "tonight",
                "TIME",
                "2025-05-16TNI",
            ),
            (
                "They met yesterday afternoon.",
                "2025-05-16",
                "yesterday afternoon",
                "TIME",
                "2025-05-15TAF",
            ),
            (
                "They met last night.",
                "2025-05-16",
                "last night",
                "TIME",
                "2025-05-15TNI",
            ),
            (
                "They met on Monday morning.",
                "2025-05-16",
                "Monday morning",
                "TIME",
                "2025-05-12TMO",
            ),
            (
                "They met this morning.",
                "",
                "this morning",
                "TIME",
                "XXXX-XX-XXTMO",
            ),
        ]);
    }

    #[test]
    fn not_times() {
        check_none(&["The score was 3:1 at half time.", "I am here."]);
    }
}
