//! Sets (recurring times): "every week", "each Thursday", "daily",
//! "twice a year", "$5 a month", "on Mondays".

use std::sync::LazyLock;

use crate::extract::time::lexicon::{
    Num, UNIT_WORDS, Unit, WEEKDAY_WORDS, month_number, parse_num, part_of_day, weekday_number,
};
use crate::extract::time::types::{Caps, Ctx, Rule, Timex, Type, group, span};
use crate::model::attr;

/// The set rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "every unit",
            &["every", "each"],
            r"(?i)(?-u:\b)(?:every|each)\s+(?:(?P<n>{NUM})\s+)?(?P<other>other\s+)?(?P<u>year|month|week|day|hour|minute|quarter|decade)s?(?-u:\b)",
            every_unit,
        ),
        Rule::new(
            "every part of day",
            &["every", "each"],
            r"(?i)(?-u:\b)(?:every|each)\s+(?P<p>morning|afternoon|evening|night)(?-u:\b)",
            every_part,
        ),
        Rule::new(
            "every weekday",
            &["every", "each"],
            r"(?-u:\b)(?i:every|each)\s+(?P<wd>{WEEKDAY})(?-u:\b)",
            weekday_set,
        ),
        Rule::new(
            "every month",
            &["every", "each"],
            r"(?-u:\b)(?i:every|each)\s+(?P<m>{MONTH})(?-u:\b)",
            month_set,
        ),
        Rule::new(
            "plural weekday",
            WEEKDAY_WORDS,
            r"(?-u:\b)(?P<wd>{WEEKDAY})s(?-u:\b)(?:\s+(?P<p>(?i:mornings|afternoons|evenings|nights)))?",
            weekday_set,
        ),
        Rule::new(
            "weekday with plural part of day",
            WEEKDAY_WORDS,
            r"(?-u:\b)(?P<wd>{WEEKDAY})\s+(?P<p>(?i:mornings|afternoons|evenings|nights))(?-u:\b)",
            weekday_set,
        ),
        Rule::new(
            "frequency adverb",
            &[
                "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly",
            ],
            r"(?i)(?-u:\b)(?P<w>daily|weekly|monthly|yearly|annually|hourly|nightly)(?-u:\b)",
            adverb,
        ),
        Rule::new(
            "times a unit",
            &["once", "twice", "thrice", "times"],
            r"(?i)(?-u:\b)(?P<f>once|twice|thrice|(?P<k>{NUM})\s+times)\s+(?P<t>(?:a|an|per|each)\s+(?P<u>year|month|week|day|hour|minute))(?-u:\b)",
            per_unit,
        ),
        Rule::new(
            "rate per unit",
            UNIT_WORDS,
            r"(?i)(?:[0-9%]|(?-u:\b)(?:dollars|cents|percent|pounds|euros|yen|marks|rubles|hryvnias))\s+(?P<t>(?:a|an|per)\s+(?P<u>year|month|week|day|hour))(?-u:\b)",
            per_unit,
        ),
    ]
});

fn every_unit(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(unit) = group(caps, "u").and_then(Unit::parse) else {
        return Vec::new();
    };
    let n = match (group(caps, "n").and_then(parse_num), caps.name("other")) {
        (_, Some(_)) => Num::Exact(2.0),
        (Some(n), None) => n,
        (None, None) => Num::Exact(1.0),
    };
    vec![Timex::new(
        span(caps),
        Type::Set,
        unit.duration(n),
        "recurring every unit",
    )]
}

fn every_part(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(code) = group(caps, "p").and_then(part_of_day) else {
        return Vec::new();
    };
    let value = format!("XXXX-XX-XXT{code}");
    vec![Timex::new(span(caps), Type::Set, value, "recurring part of day").attr(attr::FREQ, "1D")]
}

fn weekday_set(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(wd) = group(caps, "wd").and_then(weekday_number) else {
        return Vec::new();
    };
    let part = group(caps, "p")
        .and_then(part_of_day)
        .map(|c| format!("T{c}"))
        .unwrap_or_default();
    let value = format!("XXXX-WXX-{wd}{part}");
    vec![Timex::new(span(caps), Type::Set, value, "recurring weekday").attr(attr::FREQ, "1W")]
}

fn month_set(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(month) = group(caps, "m").and_then(month_number) else {
        return Vec::new();
    };
    let value = format!("XXXX-{month:02}");
    vec![
        Timex::new(span(caps), Type::Set, value, "recurring month of the year")
            .attr(attr::FREQ, "1Y"),
    ]
}

fn adverb(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let value = match group(caps, "w").map(str::to_ascii_lowercase).as_deref() {
        Some("daily" | "nightly") => "P1D",
        Some("weekly") => "P1W",
        Some("monthly") => "P1M",
        Some("hourly") => "PT1H",
        _ => "P1Y",
    };
    vec![Timex::new(span(caps), Type::Set, value, "frequency adverb")]
}

fn per_unit(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(unit) = group(caps, "u").and_then(Unit::parse) else {
        return Vec::new();
    };
    let freq = match group(caps, "f").map(str::to_ascii_lowercase).as_deref() {
        Some("once") => Some("1X".to_owned()),
        Some("twice") => Some("2X".to_owned()),
        Some("thrice") => Some("3X".to_owned()),
        Some(_) => match group(caps, "k").and_then(parse_num) {
            Some(Num::Exact(k)) => Some(format!("{k}X")),
            _ => Some("XX".to_owned()),
        },
        None => None,
    };
    let t = Timex::new(
        span(caps),
        Type::Set,
        unit.duration(Num::Exact(1.0)),
        "rate per unit",
    );
    vec![t.attr_opt(attr::FREQ, freq.as_deref())]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::check_table;

    #[test]
    fn sets() {
        check_table(&[
            (
                "They meet every week.",
                "2025-05-20",
                "every week",
                "SET",
                "P1W",
            ),
            (
                "They meet each year.",
                "2025-05-20",
                "each year",
                "SET",
                "P1Y",
            ),
            ("They meet weekly.", "2025-05-20", "weekly", "SET", "P1W"),
            (
                "The festival returns each July.",
                "2025-05-20",
                "each July",
                "SET",
                "XXXX-07",
            ),
            ("They meet daily.", "2025-05-20", "daily", "SET", "P1D"),
            (
                "The ferry sails on Friday nights.",
                "2025-05-20",
                "Friday nights",
                "SET",
                "XXXX-WXX-5TNI",
            ),
            (
                "They meet every two weeks.",
                "2025-05-20",
                "every two weeks",
                "SET",
                "P2W",
            ),
            (
                "They meet each Thursday.",
                "2025-05-20",
                "each Thursday",
                "SET",
                "XXXX-WXX-4",
            ),
            (
                "They meet on Mondays.",
                "2025-05-20",
                "Mondays",
                "SET",
                "XXXX-WXX-1",
            ),
            (
                "They meet twice a year.",
                "2025-05-20",
                "a year",
                "SET",
                "P1Y",
            ),
            (
                "It costs $5 a month.",
                "2025-05-20",
                "a month",
                "SET",
                "P1M",
            ),
        ]);
    }
}
