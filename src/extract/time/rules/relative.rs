//! Relative dates, resolved against the publication date (DCT): today,
//! last week, next Friday, three days ago, a year earlier, the weekend,
//! and the vague references (now, recently, the future).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::extract::time::calendar::{
    Tense, at_granularity, iso_week, quarter_of, reported_quarter_of, resolve_month,
    resolve_weekday, shift, underspecified, ymd,
};
use crate::extract::time::lexicon::{
    MONTH_WORDS, Num, SEASON_WORDS, UNIT_WORDS, Unit, WEEKDAY_WORDS, month_number, parse_num,
    season_code, weekday_number,
};
use crate::extract::time::types::{
    Caps, Ctx, PeriodYear, Rule, StoryTime, Timex, Type, group, mod_of, span,
};
use crate::model::attr;

/// The relative-date rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "day word",
            &["today", "yesterday", "tomorrow"],
            r"(?i)(?-u:\b)(?P<w>today|yesterday|tomorrow)(?-u:\b)",
            day_word,
        ),
        Rule::new(
            "today as the nth day of an event",
            &["day"],
            r"(?i)(?-u:\b)(?:is|['’]s)\s+(?P<t>the\s+{ORDINAL}\s+(?:straight\s+|consecutive\s+)?day)\s+of(?-u:\b)",
            nth_day_today,
        ),
        Rule::new(
            "this/last/next unit",
            UNIT_WORDS,
            r"(?i)(?-u:\b)(?:(?:earlier|later)\s+)?(?:the\s+)?(?P<rel>last|past|next|coming|this|current)\s+(?:fiscal\s+)?(?P<u>week|month|year|quarter|decade|century|weekend)(?-u:\b)",
            rel_unit,
        ),
        Rule::new(
            "this/last/next weekday",
            WEEKDAY_WORDS,
            r"(?-u:\b)(?P<rel>(?i:last|next|this|coming|past))\s+(?P<wd>{WEEKDAY})(?-u:\b)",
            rel_weekday,
        ),
        Rule::new(
            "weekday",
            WEEKDAY_WORDS,
            r"(?-u:\b)(?P<wd>{WEEKDAY})(?-u:\b)",
            rel_weekday,
        ),
        Rule::new(
            "this/last/next month name",
            MONTH_WORDS,
            r"(?-u:\b)(?P<rel>(?i:last|next|this))\s+(?P<mon>{MONTH})",
            rel_month,
        ),
        Rule::new(
            "this/last/next season",
            SEASON_WORDS,
            r"(?i)(?-u:\b)(?P<rel>last|next|this|past|coming)\s+(?P<s>spring|summer|autumn|fall|winter)(?-u:\b)",
            rel_season,
        ),
        Rule::new(
            "the season",
            SEASON_WORDS,
            r"(?i)(?-u:\b)(?P<s>spring|summer|autumn|winter)(?-u:\b)",
            the_season,
        ),
        Rule::new(
            "the full year",
            &["full"],
            r"(?i)(?-u:\b)full\s+year(?-u:\b)",
            full_year,
        ),
        Rule::new(
            "the weekend",
            &["weekend"],
            r"(?i)(?-u:\b)the\s+weekend(?-u:\b)",
            the_weekend,
        ),
        Rule::new(
            "amount ago/earlier",
            &["ago", "earlier", "before", "after", "now", "hence"],
            r"(?i)(?-u:\b)(?:(?P<mod>about|around|nearly|almost|roughly|some|more\s+than|less\s+than|at\s+least)\s+)?(?P<n>{NUM})[\s-]+(?P<u>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|after|from\s+now|hence)(?-u:\b)",
            ago,
        ),
        Rule::new(
            "year-earlier period",
            &["year"],
            r"(?i)(?-u:\b)(?:the\s+)?(?P<ye>year[\s-](?:earlier|ago))(?:\s+(?P<what>quarter|period))?(?-u:\b)",
            year_earlier,
        ),
        Rule::new(
            "period a year earlier",
            &["year"],
            r"(?i)(?-u:\b)(?:the\s+(?:same\s+)?(?P<what>quarter|period)\s+a\s+year\s+(?:earlier|ago|before)|last\s+year['’]s\s+(?P<what_last>quarter|period))(?-u:\b)",
            year_earlier,
        ),
        Rule::new(
            "the latest quarter",
            &["quarter"],
            r"(?i)(?-u:\b)the\s+(?:(?:latest|most\s+recent|same|just-ended|recent)\s+)?quarter(?-u:\b)",
            reported_quarter,
        ),
        Rule::new(
            "the latest period",
            &["period"],
            r"(?i)(?-u:\b)(?:latest|most\s+recent|just-ended)\s+period(?-u:\b)",
            latest_period,
        ),
        Rule::new(
            "year end",
            &["year"],
            r"(?i)(?-u:\b)(?:end\s+of\s+the\s+year|year[\s-]end|year['’]s\s+end)(?-u:\b)",
            year_end,
        ),
        Rule::new(
            "coming units",
            &["coming"],
            r"(?i)(?-u:\b)(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters)(?-u:\b)",
            coming,
        ),
        Rule::new(
            "recent units",
            &["recent", "past"],
            r"(?i)(?-u:\b)(?:recent|past)\s+(?:years|months|weeks|days|decades)(?-u:\b)",
            reference,
        ),
        Rule::new(
            "reference word",
            &[
                "now", "current", "recently", "formerly", "lately", "future", "term", "past",
                "these", "present", "soon", "later",
            ],
            r"(?i)(?-u:\b)(?:at\s+)?(?P<t>now|currently|current|recently|formerly|nowadays|lately|the\s+(?:(?:near|distant|foreseeable)\s+)?future|the\s+(?:near|short|long)\s+term|the\s+past|these\s+days|present|as\s+soon\s+as\s+possible|soon|an?\s+later\s+date)(?-u:\b)",
            reference,
        ),
    ]
});

/// A date `n` units from the DCT at the unit's granularity, or an underspecified value.
fn from_dct(ctx: &Ctx<'_>, sp: (usize, usize), n: i64, unit: Unit, what: &str) -> Option<Timex> {
    let Some(dct) = ctx.dct else {
        let note = format!("{what}, no publication date");
        return Some(Timex::new(sp, Type::Date, underspecified(unit), note));
    };
    let day = shift(dct, n, unit)?;
    let note = format!("{what}, relative to publication date {}", ymd(dct));
    Some(Timex::new(sp, Type::Date, at_granularity(day, unit), note).attr(attr::ANCHOR, ymd(dct)))
}

fn day_word(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let n = match group(caps, "w").map(str::to_ascii_lowercase).as_deref() {
        Some("yesterday") => -1,
        Some("tomorrow") => 1,
        _ => 0,
    };
    from_dct(ctx, span(caps), n, Unit::Day, "day word")
        .into_iter()
        .collect()
}

/// "It is the second day of the offensive": the present tense places that
/// day on the publication date.
fn nth_day_today(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    from_dct(
        ctx,
        span(caps),
        0,
        Unit::Day,
        "day of an event the sentence places today",
    )
    .into_iter()
    .collect()
}

/// The step (-1, 0, +1) a relative word points to.
fn step(rel: &str) -> i64 {
    match rel.to_ascii_lowercase().as_str() {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    }
}

/// True for a title in capitals inside a sentence ("ABC's \"This Week\""):
/// every word of the match begins with a capital and no sentence ends
/// right before it.
fn title_case(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    let words = ctx.text.get(sp.0..sp.1).unwrap_or("").split_whitespace();
    let capitals = words
        .clone()
        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    let opens_sentence = ctx
        .before(sp.0)
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'));
    capitals && words.count() > 1 && !opens_sentence
}

fn rel_unit(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    if title_case(ctx, sp) {
        return Vec::new();
    }
    let n = group(caps, "rel").map_or(0, step);
    let word = group(caps, "u").unwrap_or("").to_ascii_lowercase();
    if word == "weekend" {
        let found = from_dct(ctx, sp, n, Unit::Week, "weekend");
        return found
            .map(|mut t| {
                t.value.push_str("-WE");
                t
            })
            .into_iter()
            .collect();
    }
    let Some(unit) = Unit::parse(&word) else {
        return Vec::new();
    };
    from_dct(ctx, sp, n, unit, "relative period")
        .into_iter()
        .collect()
}

fn rel_weekday(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(wd) = group(caps, "wd").and_then(weekday_number) else {
        return Vec::new();
    };
    let Some(dct) = ctx.dct else {
        let note = "weekday, no publication date";
        return vec![Timex::new(sp, Type::Date, "XXXX-XX-XX", note)];
    };
    let n = group(caps, "rel").map_or(0, step);
    let (day, how) = match n {
        -1 => (
            dct.pred_opt()
                .and_then(|d| resolve_weekday(d, wd, Tense::Past)),
            "last",
        ),
        1 => (
            dct.succ_opt()
                .and_then(|d| resolve_weekday(d, wd, Tense::Future)),
            "next",
        ),
        _ => {
            let tense = match ctx.tense(sp) {
                Tense::Unknown if possessive(ctx, sp) => Tense::Past,
                tense => tense,
            };
            (resolve_weekday(dct, wd, tense), tense.word())
        }
    };
    let note = format!("weekday relative to publication date {} ({how})", ymd(dct));
    day.map(|d| Timex::new(sp, Type::Date, ymd(d), note).attr(attr::ANCHOR, ymd(dct)))
        .into_iter()
        .collect()
}

/// True for a weekday in the possessive ("Thursday's closing price"),
/// which news uses for what has already happened.
fn possessive(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    let after = ctx.after(sp.1);
    after.starts_with("'s") || after.starts_with("\u{2019}s")
}

fn rel_month(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
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
    let y = dct.year();
    let year = match group(caps, "rel").map_or(0, step) {
        -1 if m >= dct.month() => y - 1,
        1 if m <= dct.month() => y + 1,
        _ => y,
    };
    let note = format!("month relative to publication date {}", ymd(dct));
    vec![Timex::new(sp, Type::Date, format!("{year:04}-{m:02}"), note).attr(attr::ANCHOR, ymd(dct))]
}

/// The season (0 = spring … 3 = winter) a month falls in, and the year it is counted in.
fn season_index(d: NaiveDate) -> (u32, i32) {
    match d.month() {
        3..=5 => (0, d.year()),
        6..=8 => (1, d.year()),
        9..=11 => (2, d.year()),
        12 => (3, d.year()),
        _ => (3, d.year() - 1),
    }
}

fn rel_season(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(code) = group(caps, "s").and_then(season_code) else {
        return Vec::new();
    };
    let Some(dct) = ctx.dct else {
        return vec![Timex::new(
            sp,
            Type::Date,
            format!("XXXX-{code}"),
            "season, no publication date",
        )];
    };
    let target = ["SP", "SU", "FA", "WI"]
        .iter()
        .position(|c| *c == code)
        .unwrap_or(0) as u32;
    let (now, y) = season_index(dct);
    let year = match group(caps, "rel").map_or(0, step) {
        -1 if target >= now => y - 1,
        1 if target <= now => y + 1,
        _ => y,
    };
    let note = format!("season relative to publication date {}", ymd(dct));
    vec![Timex::new(sp, Type::Date, format!("{year:04}-{code}"), note).attr(attr::ANCHOR, ymd(dct))]
}

/// "The summer" without a year: the season in the year the tense points
/// to, like a bare month (winter counts from its January). "The summer of
/// 1994" is left to the rules that read the year.
fn the_season(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (start, end) = span(caps);
    let modifier = ["early", "late", "mid"].into_iter().find_map(|w| {
        Some((
            w,
            ctx.word_before(start, w)
                .or_else(|| ctx.word_hyphenated_before(start, w))?,
        ))
    });
    let lead = modifier.map_or(start, |(_, at)| at);
    let Some(the) = ctx.word_before(lead, "the") else {
        return Vec::new();
    };
    let sp = (the, end);
    let of_year = ctx.after(sp.1).trim_start().starts_with("of ");
    let Some(code) = group(caps, "s").and_then(season_code).filter(|_| !of_year) else {
        return Vec::new();
    };
    let mid_month = match code {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    };
    let (year, note) = match ctx.dct {
        Some(dct) => (
            format!("{:04}", resolve_month(dct, mid_month, ctx.tense(sp))),
            format!("season, year from publication date {}", ymd(dct)),
        ),
        None => ("XXXX".to_owned(), "season, no publication date".to_owned()),
    };
    let t = Timex::new(sp, Type::Date, format!("{year}-{code}"), note)
        .attr_opt(attr::MOD, modifier.and_then(|(w, _)| mod_of(w)));
    vec![t.attr_opt(attr::ANCHOR, ctx.dct.map(ymd).as_deref())]
}

/// "The full year" of a report: the publication year.
fn full_year(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (start, end) = span(caps);
    ctx.word_before(start, "the")
        .and_then(|the| from_dct(ctx, (the, end), 0, Unit::Year, "the full year"))
        .into_iter()
        .collect()
}

fn the_weekend(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let Some(dct) = ctx.dct else {
        return vec![Timex::new(
            sp,
            Type::Date,
            "XXXX-WXX-WE",
            "weekend, no publication date",
        )];
    };
    let saturday = match ctx.tense(sp) {
        Tense::Future => resolve_weekday(dct, 6, Tense::Future),
        _ => resolve_weekday(dct, 6, Tense::Past),
    };
    let note = format!("weekend by tense from publication date {}", ymd(dct));
    saturday
        .map(|d| {
            Timex::new(sp, Type::Date, format!("{}-WE", iso_week(d)), note)
                .attr(attr::ANCHOR, ymd(dct))
        })
        .into_iter()
        .collect()
}

/// True when the document or the sentence around a span talks about quarters.
fn quarter_context(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    if ctx.quarterly {
        return true;
    }
    let lo = ctx.text.floor_char_boundary(sp.0.saturating_sub(200));
    let hi = ctx
        .text
        .ceil_char_boundary((sp.1 + 200).min(ctx.text.len()));
    ctx.text
        .get(lo..hi)
        .is_some_and(|w| w.to_ascii_lowercase().contains("quarter"))
}

fn ago(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let (Some(n), Some(unit)) = (
        group(caps, "n").and_then(parse_num),
        group(caps, "u").and_then(Unit::parse),
    ) else {
        return Vec::new();
    };
    let dir = group(caps, "dir").unwrap_or("").to_ascii_lowercase();
    let anchored_to_event = matches!(dir.as_str(), "before" | "after")
        && ctx
            .after(sp.1)
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric());
    if anchored_to_event {
        return Vec::new();
    }
    let back = matches!(dir.as_str(), "ago" | "earlier" | "before");
    let Num::Exact(amount) = n else {
        let value = if back { "PAST_REF" } else { "FUTURE_REF" };
        return vec![Timex::new(
            sp,
            Type::Date,
            value,
            "vague amount relative to now",
        )];
    };
    if amount.fract() != 0.0 {
        return Vec::new();
    }
    let signed = if back {
        -(amount as i64)
    } else {
        amount as i64
    };
    let found = match (unit, ctx.dct) {
        (Unit::Year, Some(dct)) if quarter_context(ctx, sp) => reported_quarter_of(dct)
            .and_then(|q| shift(q, signed, Unit::Year))
            .map(|d| {
                let note = format!(
                    "reported quarter shifted {signed} years from publication date {}",
                    ymd(dct)
                );
                Timex::new(sp, Type::Date, at_granularity(d, Unit::Quarter), note)
                    .attr(attr::ANCHOR, ymd(dct))
                    .comparing_period(PeriodYear::Before)
            }),
        _ => from_dct(ctx, sp, signed, unit, "amount from publication date"),
    };
    let compares = unit == Unit::Year && back;
    found
        .map(|t| t.attr_opt(attr::MOD, group(caps, "mod").and_then(mod_of)))
        .map(|t| match t.story {
            StoryTime::Names if compares => t.comparing(),
            _ => t,
        })
        .into_iter()
        .collect()
}

fn year_earlier(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let what = group(caps, "what").or_else(|| group(caps, "what_last"));
    let quarterly = what.is_some() || quarter_context(ctx, span(caps));
    let sp = match (what, caps.name("ye")) {
        (None, Some(ye)) => (ye.start(), ye.end()),
        _ => span(caps),
    };
    let Some(dct) = ctx.dct else {
        let v = if quarterly { "XXXX-QX" } else { "XXXX" };
        return vec![Timex::new(
            sp,
            Type::Date,
            v,
            "year-earlier period, no publication date",
        )];
    };
    let (unit, base) = if quarterly {
        (Unit::Quarter, reported_quarter_of(dct))
    } else {
        (Unit::Year, Some(dct))
    };
    let note = format!(
        "year before the reported period, publication date {}",
        ymd(dct)
    );
    let named_quarter = what.is_some_and(|w| w.eq_ignore_ascii_case("quarter"));
    base.and_then(|b| shift(b, -1, Unit::Year))
        .map(|d| {
            let t = Timex::new(sp, Type::Date, at_granularity(d, unit), note)
                .attr(attr::ANCHOR, ymd(dct));
            if quarterly && !named_quarter {
                t.comparing_period(PeriodYear::Before)
            } else {
                t.comparing()
            }
        })
        .into_iter()
        .collect()
}

fn reported_quarter(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    reported_quarter_at(ctx, span(caps))
}

/// The reported quarter over `sp`.
fn reported_quarter_at(ctx: &Ctx<'_>, sp: (usize, usize)) -> Vec<Timex> {
    let Some(dct) = ctx.dct else {
        return vec![Timex::new(
            sp,
            Type::Date,
            "XXXX-QX",
            "reported quarter, no publication date",
        )];
    };
    let note = format!(
        "last completed quarter before publication date {}",
        ymd(dct)
    );
    reported_quarter_of(dct)
        .map(|d| {
            let value = format!("{:04}-Q{}", d.year(), quarter_of(d));
            Timex::new(sp, Type::Date, value, note).attr(attr::ANCHOR, ymd(dct))
        })
        .into_iter()
        .collect()
}

/// "The latest period" of a report: the reported quarter.
fn latest_period(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (start, end) = span(caps);
    match ctx.word_before(start, "the") {
        Some(the) => reported_quarter_at(ctx, (the, end)),
        None => Vec::new(),
    }
}

/// The end of the publication year, or of the year before after "since"
/// ("prices have risen 8% since year-end").
fn year_end(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (start, end) = span(caps);
    let end_of = ctx.after(start).starts_with(['e', 'E']);
    let sp = match ctx.word_before(start, "the") {
        Some(the) if end_of => (the, end),
        _ => (start, end),
    };
    let since = ctx.word_before(sp.0, "since").is_some();
    from_dct(
        ctx,
        sp,
        if since { -1 } else { 0 },
        Unit::Year,
        "end of the year",
    )
    .map(|t| t.attr(attr::MOD, "END"))
    .into_iter()
    .collect()
}

fn coming(caps: &Caps<'_>, _ctx: &Ctx<'_>) -> Vec<Timex> {
    vec![Timex::new(
        span(caps),
        Type::Date,
        "FUTURE_REF",
        "the coming period",
    )]
}

/// True when "soon" points ahead by itself, not in "as soon as" or
/// "soon after" (which take their time from another event).
fn soon_alone(ctx: &Ctx<'_>, sp: (usize, usize)) -> bool {
    let after = ctx.after(sp.1).trim_start();
    let next_word = &after[..after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len())];
    let linked = [
        "after",
        "afterwards",
        "afterward",
        "thereafter",
        "before",
        "as",
    ]
    .iter()
    .any(|w| next_word.eq_ignore_ascii_case(w));
    ctx.word_before(sp.0, "as").is_none() && !linked
}

fn reference(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let word = ctx.text.get(sp.0..sp.1).unwrap_or("").to_ascii_lowercase();
    if word == "soon" && !soon_alone(ctx, sp) {
        return Vec::new();
    }
    let ahead = word == "soon" || word.ends_with("possible") || word.ends_with("later date");
    let value = if word.contains("future") || word.ends_with("term") || ahead {
        "FUTURE_REF"
    } else if word.starts_with("recent")
        || word.contains("past")
        || (word.ends_with("ly") && word != "currently")
    {
        "PAST_REF"
    } else {
        "PRESENT_REF"
    };
    let before = ctx.before(sp.0).as_bytes();
    let after_at = before.len() >= 3 && before[before.len() - 3..].eq_ignore_ascii_case(b"at ");
    if word == "present" && !after_at {
        return Vec::new();
    }
    vec![Timex::new(
        sp,
        Type::Date,
        value,
        "reference to the present, past or future",
    )]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::testing::{check_none, check_table};

    #[test]
    fn not_relative_dates() {
        check_none(&[
            "He left as soon as he could.",
            "She was freed soon after the raid.",
            "Baker said on ABC's \"This Week\" that talks would go on.",
            "The quarter-to-quarter comparison was weak.",
        ]);
    }

    #[test]
    fn relative_dates() {
        check_table(&[
            (
                "He arrived today.",
                "2025-05-20",
                "today",
                "DATE",
                "2025-05-20",
            ),
            (
                "He arrived yesterday.",
                "2025-05-20",
                "yesterday",
                "DATE",
                "2025-05-19",
            ),
            (
                "He arrives tomorrow.",
                "2025-05-20",
                "tomorrow",
                "DATE",
                "2025-05-21",
            ),
            (
                "They met last week.",
                "2025-05-20",
                "last week",
                "DATE",
                "2025-W20",
            ),
            (
                "They meet next month.",
                "2025-05-20",
                "next month",
                "DATE",
                "2025-06",
            ),
            (
                "Sales rose this year.",
                "2025-05-20",
                "this year",
                "DATE",
                "2025",
            ),
            (
                "Sales rose earlier this month.",
                "2025-05-20",
                "earlier this month",
                "DATE",
                "2025-05",
            ),
            (
                "They met last Friday.",
                "2025-05-20",
                "last Friday",
                "DATE",
                "2025-05-16",
            ),
            (
                "He said on Friday that talks failed.",
                "2025-05-20",
                "Friday",
                "DATE",
                "2025-05-16",
            ),
            (
                "Talks will resume on Friday.",
                "2025-05-20",
                "Friday",
                "DATE",
                "2025-05-23",
            ),
            (
                "Talks resume on Friday.",
                "",
                "Friday",
                "DATE",
                "XXXX-XX-XX",
            ),
            (
                "The notes convert at a 24% premium over Thursday's closing price.",
                "2025-05-20",
                "Thursday",
                "DATE",
                "2025-05-15",
            ),
            (
                "They meet next Friday.",
                "2025-05-20",
                "next Friday",
                "DATE",
                "2025-05-23",
            ),
            (
                "He left three days ago.",
                "2025-05-20",
                "three days ago",
                "DATE",
                "2025-05-17",
            ),
            (
                "For the quarter a year ago, the bank earned $16 million.",
                "2025-10-28",
                "the quarter a year ago",
                "DATE",
                "2024-Q3",
            ),
            (
                "Sales for last year's quarter were $3 million.",
                "2025-10-28",
                "last year's quarter",
                "DATE",
                "2024-Q3",
            ),
            (
                "Heavy gunfire in the province. It's the second day of an offensive.",
                "2025-05-20",
                "the second day",
                "DATE",
                "2025-05-20",
            ),
            (
                "This week the talks resumed.",
                "2025-05-20",
                "This week",
                "DATE",
                "2025-W21",
            ),
            (
                "A week or so ago, the general chose the date.",
                "2025-05-20",
                "A week or so ago",
                "DATE",
                "2025-W20",
            ),
            (
                "Sales were lower a year earlier.",
                "2025-05-20",
                "a year earlier",
                "DATE",
                "2024",
            ),
            (
                "They met last year.",
                "2025-05-20",
                "last year",
                "DATE",
                "2024",
            ),
            ("They met last year.", "", "last year", "DATE", "XXXX"),
            (
                "They met last April.",
                "2025-03-20",
                "last April",
                "DATE",
                "2024-04",
            ),
            (
                "It rained over the weekend.",
                "2025-05-20",
                "the weekend",
                "DATE",
                "2025-W20-WE",
            ),
            (
                "It is raining now.",
                "2025-05-20",
                "now",
                "DATE",
                "PRESENT_REF",
            ),
            (
                "He is currently abroad.",
                "2025-05-20",
                "currently",
                "DATE",
                "PRESENT_REF",
            ),
            (
                "He recently left.",
                "2025-05-20",
                "recently",
                "DATE",
                "PAST_REF",
            ),
            (
                "He thinks about the future.",
                "2025-05-20",
                "the future",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "He was formerly a judge.",
                "2025-05-20",
                "formerly",
                "DATE",
                "PAST_REF",
            ),
            (
                "Profit beat the year-earlier quarter.",
                "2025-10-20",
                "the year-earlier quarter",
                "DATE",
                "2024-Q3",
            ),
            (
                "Profit rose in the quarter.",
                "2025-10-20",
                "the quarter",
                "DATE",
                "2025-Q3",
            ),
            (
                "They will meet soon.",
                "2025-05-20",
                "soon",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "The merger should close by year-end.",
                "2025-05-20",
                "year-end",
                "DATE",
                "2025",
            ),
            (
                "Prices have risen 8% since year-end.",
                "2025-05-20",
                "year-end",
                "DATE",
                "2024",
            ),
            (
                "Costs will be cut by the end of the year.",
                "2025-05-20",
                "the end of the year",
                "DATE",
                "2025",
            ),
            (
                "Pretax profit fell, with no one-time gains in the latest period.",
                "2025-10-28",
                "the latest period",
                "DATE",
                "2025-Q3",
            ),
            (
                "Sales rose in the latest period, and the quarter was strong.",
                "2025-11-02",
                "the latest period",
                "DATE",
                "2025-Q3",
            ),
            (
                "Sales rose in the current fiscal year.",
                "2025-11-02",
                "the current fiscal year",
                "DATE",
                "2025",
            ),
            (
                "The company was sold. Three days later, its chief quit.",
                "2025-05-20",
                "Three days",
                "DURATION",
                "P3D",
            ),
            (
                "Rates may fall in the coming months.",
                "2025-05-20",
                "the coming months",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "Demand stayed weak well into the summer.",
                "2025-10-20",
                "the summer",
                "DATE",
                "2025-SU",
            ),
            (
                "Prices rose from the low levels of the early spring.",
                "2025-10-20",
                "the early spring",
                "DATE",
                "2025-SP",
            ),
            (
                "The talks will resume in the spring.",
                "2025-10-20",
                "the spring",
                "DATE",
                "2026-SP",
            ),
            (
                "Sales peaked in the mid-summer.",
                "2025-10-20",
                "the mid-summer",
                "DATE",
                "2025-SU",
            ),
            (
                "Profit for the full year rose 5%.",
                "2025-10-20",
                "the full year",
                "DATE",
                "2025",
            ),
            (
                "The fund will be raised at a later date.",
                "2025-10-20",
                "a later date",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "It will sell the unit as soon as possible.",
                "2025-10-20",
                "as soon as possible",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "Rates may stay low in the near term.",
                "2025-10-20",
                "the near term",
                "DATE",
                "FUTURE_REF",
            ),
            (
                "Tourism grew in recent years.",
                "2025-05-20",
                "recent years",
                "DATE",
                "PAST_REF",
            ),
            (
                "They met several years ago.",
                "2025-05-20",
                "several years ago",
                "DATE",
                "PAST_REF",
            ),
        ]);
    }
}
