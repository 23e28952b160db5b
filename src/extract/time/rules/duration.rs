//! Durations: an amount of a calendar unit ("two weeks", "the past three
//! months", "a two-year contract", "several years", "two quarters"), a
//! reported year ("the year ended June 30"), and bare plural units after a
//! preposition ("for years"). Ages ("52 years old") are no durations.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::time::lexicon::{Num, UNIT_WORDS, Unit, parse_num};
use crate::extract::time::types::{Caps, Ctx, Rule, Timex, Type, group, mod_of, span};
use crate::model::attr;

/// The duration rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "amount of unit",
            UNIT_WORDS,
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?:past|last|next|previous|coming|first|final|remaining|following|initial|latest|year[\s-](?:earlier|ago))\s+)?(?:(?P<mod>about|around|nearly|almost|roughly|approximately|some|more\s+than|over|less\s+than|under|at\s+least|up\s+to|at\s+most)\s+)?(?P<n>{NUM})(?P<and_half>\s+and\s+a\s+half)?[\s-]+(?:(?:more|additional|straight|consecutive|full|trading|business|working)\s+)?(?P<u>{UNIT})(?-u:\b)(?P<half>\s+and\s+a\s+half(?-u:\b))?",
            amount,
        ),
        Rule::new(
            "year ended on a date",
            &["year"],
            r"(?i)(?-u:\b)(?P<t>year)\s+(?:ended|ending)(?-u:\b)",
            year_ended,
        ),
        Rule::new(
            "units ahead",
            &["ahead"],
            r"(?i)(?-u:\b)(?P<u>years|months|weeks|days)\s+ahead(?-u:\b)",
            units_ahead,
        ),
        Rule::new(
            "bare plural unit",
            UNIT_WORDS,
            r"(?i)(?-u:\b)(?:for|over|within|in|after|took|take|takes|lasted|last)\s+(?P<t>(?P<u>years|months|weeks|decades|centuries|hours))(?-u:\b)",
            bare_unit,
        ),
        Rule::new(
            "the first or last plural unit",
            UNIT_WORDS,
            r"(?i)(?-u:\b)the\s+(?:first|last|final|early|closing|opening)\s+(?P<u>hours|days|weeks|months|years|decades)(?-u:\b)",
            bare_unit,
        ),
        Rule::new(
            "a while",
            &["while"],
            r"(?i)(?-u:\b)(?:for|in|after)\s+(?:quite\s+)?(?P<t>a\s+(?:little\s+|long\s+)?while)(?-u:\b)",
            a_while,
        ),
        Rule::new(
            "over the plural unit",
            UNIT_WORDS,
            r"(?i)(?-u:\b)over\s+(?P<t>the\s+(?P<u>years|months|weeks|decades|centuries))(?-u:\b)",
            bare_unit,
        ),
    ]
});

/// Writes an amount with a fraction as whole units plus the next smaller
/// unit ("2.5 years" → "P2Y6M", "an hour and a half" → "PT1H30M"), or as
/// a decimal when the fraction is no whole number of the smaller unit.
fn amount_value(amount: f64, unit: Unit) -> String {
    let whole = amount.trunc();
    let (factor, smaller) = match unit {
        _ if amount == whole => return unit.duration(Num::Exact(amount)),
        Unit::Year => (12.0, Unit::Month),
        Unit::Week => (7.0, Unit::Day),
        Unit::Day => (24.0, Unit::Hour),
        Unit::Hour => (60.0, Unit::Minute),
        Unit::Minute => (60.0, Unit::Second),
        _ => return unit.duration(Num::Exact(amount)),
    };
    let rest = (amount - whole) * factor;
    if rest.fract() != 0.0 {
        return unit.duration(Num::Exact(amount));
    }
    let rest = smaller.duration(Num::Exact(rest));
    if whole == 0.0 {
        return rest;
    }
    let head = unit.duration(Num::Exact(whole));
    let tail = rest.trim_start_matches('P');
    let tail = if head.contains('T') {
        tail.trim_start_matches('T')
    } else {
        tail
    };
    format!("{head}{tail}")
}

fn amount(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let n_text = group(caps, "n").unwrap_or("");
    let (Some(n), Some(unit)) = (parse_num(n_text), group(caps, "u").and_then(Unit::parse)) else {
        return Vec::new();
    };
    let article = matches!(n_text.to_ascii_lowercase().as_str(), "a" | "an");
    let ordinal_second = unit == Unit::Second
        && (article
            || ctx
                .after(sp.1)
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic()));
    let age = unit == Unit::Year && is_age(ctx, sp);
    if ctx.inside_number(sp) || ordinal_second || age || !counts_quarters(caps, ctx, sp) {
        return Vec::new();
    }
    let half = caps
        .name("half")
        .or_else(|| caps.name("and_half"))
        .is_some();
    let value = match n {
        Num::Exact(v) if half => amount_value(v + 0.5, unit),
        Num::Exact(v) => amount_value(v, unit),
        Num::Vague => unit.duration(n),
    };
    let sp = adjective_span(caps, sp);
    let t = Timex::new(sp, Type::Duration, value, "amount of a unit");
    vec![t.attr_opt(attr::MOD, group(caps, "mod").and_then(mod_of))]
}

/// What follows "quarters" when they are a fraction or part of a year.
static QUARTER_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s+of\s+(?:the|an?|its|their|his|her|all|those|these|this|that|[0-9])")
        .expect("valid quarter-of pattern")
});

/// True for a person's age ("52 years old", "a 37-year-old"), which
/// TimeML leaves untagged.
fn is_age(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    let after = ctx.after(sp.1).trim_start_matches([' ', '-']);
    after.len() >= 3 && after.as_bytes()[..3].eq_ignore_ascii_case(b"old")
}

/// Quarters count as a duration only in the plural and not as a fraction
/// or a part of a year ("two quarters", not "a quarter", "three quarters of
/// the vote" or "the first two quarters of 2024").
fn counts_quarters(caps: &Caps<'_>, ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    let Some(word) = group(caps, "u") else {
        return false;
    };
    if Unit::parse(word) != Some(Unit::Quarter) {
        return true;
    }
    word.ends_with(['s', 'S']) && !QUARTER_OF.is_match(ctx.after(sp.1))
}

/// A hyphenated amount used as an adjective ("the two-week visit") leaves
/// the article outside, as TimeML does.
fn adjective_span(caps: &Caps<'_>, sp: (usize, usize)) -> (usize, usize) {
    match caps.name("n") {
        Some(n)
            if caps
                .get(0)
                .is_some_and(|m| m.as_str()[n.end() - m.start()..].starts_with('-')) =>
        {
            (n.start(), sp.1)
        }
        _ => sp,
    }
}

/// "The year ended June 30": a reported twelve-month period.
fn year_ended(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (mut start, end) = span(caps);
    if let Some(fiscal) = ctx.word_before(start, "fiscal") {
        start = fiscal;
    }
    if let Some(the) = ctx.word_before(start, "the") {
        start = the;
    }
    vec![Timex::new(
        (start, end),
        Type::Duration,
        Unit::Year.duration(Num::Exact(1.0)),
        "reported year ending on a date",
    )]
}

/// "The weeks ahead": a vague amount of time to come.
fn units_ahead(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (start, end) = span(caps);
    let (Some(the), Some(unit)) = (
        ctx.word_before(start, "the"),
        group(caps, "u").and_then(Unit::parse),
    ) else {
        return Vec::new();
    };
    vec![Timex::new(
        (the, end),
        Type::Duration,
        unit.duration(Num::Vague),
        "units ahead",
    )]
}

fn bare_unit(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    let Some(unit) = group(caps, "u").and_then(Unit::parse) else {
        return Vec::new();
    };
    vec![Timex::new(
        span(caps),
        Type::Duration,
        unit.duration(Num::Vague),
        "unit without amount",
    )]
}

/// "For a while": a length of time of which neither amount nor unit is
/// known, "PXX" in TimeML's notation.
fn a_while(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    vec![Timex::new(
        span(caps),
        Type::Duration,
        "PXX",
        "vague length, unit unknown",
    )]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::{check_none, check_table};

    #[test]
    fn durations() {
        check_table(&[
            (
                "They talked for two weeks.",
                "2025-05-20",
                "two weeks",
                "DURATION",
                "P2W",
            ),
            (
                "They talked for 3 hours.",
                "2025-05-20",
                "3 hours",
                "DURATION",
                "PT3H",
            ),
            (
                "They talked for several years.",
                "2025-05-20",
                "several years",
                "DURATION",
                "PXY",
            ),
            (
                "Prices rose over the past three months.",
                "2025-05-20",
                "the past three months",
                "DURATION",
                "P3M",
            ),
            (
                "It took a decade.",
                "2025-05-20",
                "a decade",
                "DURATION",
                "P10Y",
            ),
            (
                "He signed a two-year contract.",
                "2025-05-20",
                "two-year",
                "DURATION",
                "P2Y",
            ),
            (
                "It lasted twenty-four hours.",
                "2025-05-20",
                "twenty-four hours",
                "DURATION",
                "PT24H",
            ),
            (
                "It lasted half an hour.",
                "2025-05-20",
                "half an hour",
                "DURATION",
                "PT30M",
            ),
            (
                "It lasted a year and a half.",
                "2025-05-20",
                "a year and a half",
                "DURATION",
                "P1Y6M",
            ),
            (
                "Over the next couple of years demand should grow.",
                "2025-05-20",
                "the next couple of years",
                "DURATION",
                "P2Y",
            ),
            (
                "They lived in the camps for 2 1/2 years.",
                "2025-05-20",
                "2 1/2 years",
                "DURATION",
                "P2Y6M",
            ),
            (
                "The talks took two and a half hours.",
                "2025-05-20",
                "two and a half hours",
                "DURATION",
                "PT2H30M",
            ),
            (
                "The shares fell for eight trading days.",
                "2025-05-20",
                "eight trading days",
                "DURATION",
                "P8D",
            ),
            (
                "The fever lasted 1.5 days.",
                "2025-05-20",
                "1.5 days",
                "DURATION",
                "P1DT12H",
            ),
            (
                "It lasted nearly forty years.",
                "2025-05-20",
                "nearly forty years",
                "DURATION",
                "P40Y",
            ),
            (
                "They waited a few days.",
                "2025-05-20",
                "a few days",
                "DURATION",
                "PXD",
            ),
            (
                "Many prisoners were taken in the first hours of the war.",
                "2025-05-20",
                "the first hours",
                "DURATION",
                "PTXH",
            ),
            (
                "Fewer lives are saved in the early years.",
                "2025-05-20",
                "the early years",
                "DURATION",
                "PXY",
            ),
            (
                "They will have to live without power for a while.",
                "2025-05-20",
                "a while",
                "DURATION",
                "PXX",
            ),
            (
                "Over the years the firm grew.",
                "2025-05-20",
                "the years",
                "DURATION",
                "PXY",
            ),
            (
                "They have waited for years.",
                "2025-05-20",
                "years",
                "DURATION",
                "PXY",
            ),
            (
                "Net for the year-earlier nine months was lower.",
                "2025-10-28",
                "the year-earlier nine months",
                "DURATION",
                "P9M",
            ),
            (
                "Sales fell in the past two quarters.",
                "2025-05-20",
                "the past two quarters",
                "DURATION",
                "P2Q",
            ),
            (
                "It turned a profit after several quarters of losses.",
                "2025-05-20",
                "several quarters",
                "DURATION",
                "PXQ",
            ),
            (
                "Revenue was $4 million in the year ended June 30.",
                "2025-08-20",
                "the year",
                "DURATION",
                "P1Y",
            ),
            (
                "Profit for the fiscal year ending March 31 will rise.",
                "2025-08-20",
                "the fiscal year",
                "DURATION",
                "P1Y",
            ),
            (
                "Selling may go on in the weeks ahead.",
                "2025-05-20",
                "the weeks ahead",
                "DURATION",
                "PXW",
            ),
            (
                "The city was ruled from abroad for centuries.",
                "2025-05-20",
                "centuries",
                "DURATION",
                "PXCE",
            ),
            (
                "Sales in the first nine months rose.",
                "2025-05-20",
                "the first nine months",
                "DURATION",
                "P9M",
            ),
        ]);
    }

    #[test]
    fn not_durations() {
        check_none(&[
            "He won a second term.",
            "Add 1,000 days of rain.",
            "The driver, 52 years old, was unhurt.",
            "A 37-year-old man was arrested.",
            "Three quarters of the voters agreed.",
            "Only a quarter of the seats were filled.",
        ]);
    }
}
