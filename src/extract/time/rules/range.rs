//! Ranges of dates. A dash range ("May 23-25", "20-30 June", "1998-2000")
//! is one expression; a range with words ("June 7 and 9", "between May 7
//! and May 9") gives one expression per date, as TimeML annotates them.
//! Either way the first carries `range_end`, the value of the last day.

use std::sync::LazyLock;

use crate::extract::time::lexicon::{MONTH_WORDS, month_number};
use crate::extract::time::types::{
    Caps, Ctx, Rule, StoryTime, Timex, Type, day_value, group, span,
};
use crate::model::attr;

/// The range rules.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        Rule::new(
            "month day-day",
            MONTH_WORDS,
            r"(?-u:\b)(?P<mon>{MONTH})\s*(?P<d1>[0-9]{1,2})\s*[-–—]\s*(?P<d2>[0-9]{1,2})(?-u:\b)(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?",
            dash_days,
        ),
        Rule::new(
            "day-day month",
            MONTH_WORDS,
            r"(?-u:\b)(?P<d1>[0-9]{1,2})\s*[-–—]\s*(?P<d2>[0-9]{1,2})\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?",
            dash_days,
        ),
        Rule::new(
            "month day and day",
            MONTH_WORDS,
            r"(?-u:\b)(?P<a>(?P<mon>{MONTH})\s*(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>[12][0-9]{3})(?-u:\b))?)(?:,\s*(?P<m>(?P<dm>[0-9]{1,2})(?:st|nd|rd|th)?)(?-u:\b))?,?\s*(?i:and|to|through|until|till|or|&)\s+(?P<b>(?:(?P<mon2>{MONTH})\s*)?(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?)",
            worded_days,
        ),
        Rule::new(
            "day and day month",
            MONTH_WORDS,
            r"(?-u:\b)(?P<a>(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?)\s+(?i:and|to|through|until|till|or|&)\s+(?P<b>(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>[12][0-9]{3})(?-u:\b))?)",
            worded_days,
        ),
        Rule::new(
            "year-year",
            &["-", "–", "—"],
            r"(?-u:\b)(?P<y1>1[0-9]{3}|20[0-9]{2})\s*[-–—]\s*(?P<y2>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?-u:\b)",
            dash_years,
        ),
    ]
});

/// A number group parsed as u32.
fn num(caps: &Caps<'_>, name: &str) -> Option<u32> {
    group(caps, name)?.parse().ok()
}

fn dash_days(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let (Some(m), Some(d1), Some(d2)) = (
        group(caps, "mon").and_then(month_number),
        num(caps, "d1"),
        num(caps, "d2"),
    ) else {
        return Vec::new();
    };
    if d1 >= d2 || ctx.inside_number(sp) {
        return Vec::new();
    }
    let y = num(caps, "y");
    let (Some(first), Some(last)) = (day_value(ctx, sp, m, d1, y), day_value(ctx, sp, m, d2, y))
    else {
        return Vec::new();
    };
    vec![first.attr(attr::RANGE_END, last.value)]
}

fn worded_days(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let (Some(a), Some(b)) = (caps.name("a"), caps.name("b")) else {
        return Vec::new();
    };
    let m1 = group(caps, "mon").and_then(month_number);
    let m2 = group(caps, "mon2").and_then(month_number).or(m1);
    let (Some(m1), Some(m2), Some(d1), Some(d2)) = (m1, m2, num(caps, "d1"), num(caps, "d2"))
    else {
        return Vec::new();
    };
    if ctx.inside_number(span(caps)) {
        return Vec::new();
    }
    let y = num(caps, "y");
    let first = day_value(ctx, (a.start(), a.end()), m1, d1, num(caps, "y1").or(y));
    let last = day_value(ctx, (b.start(), b.end()), m2, d2, y);
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let middle = match (caps.name("m"), num(caps, "dm")) {
        (Some(m), Some(dm)) if m1 == m2 && d1 < dm && dm < d2 => {
            let Some(t) = day_value(ctx, (m.start(), m.end()), m1, dm, y) else {
                return Vec::new();
            };
            Some(t)
        }
        (Some(_), _) => return Vec::new(),
        _ => None,
    };
    let end = last.value.clone();
    let continues = |t: Timex| Timex {
        story: StoryTime::ContinuesRange,
        ..t
    };
    let mut found = vec![first.attr(attr::RANGE_END, end)];
    found.extend(middle.map(continues));
    found.push(continues(last));
    found
}

fn dash_years(caps: &Caps<'_>, ctx: &Ctx<'_>) -> Vec<Timex> {
    let sp = span(caps);
    let (Some(y1), Some(y2_text)) = (num(caps, "y1"), group(caps, "y2")) else {
        return Vec::new();
    };
    let Ok(mut y2) = y2_text.parse::<u32>() else {
        return Vec::new();
    };
    if y2_text.len() == 2 {
        y2 += y1 / 100 * 100;
    }
    if y2 <= y1 || y2 - y1 > 100 || ctx.inside_number(sp) {
        return Vec::new();
    }
    let t = Timex::new(
        sp,
        Type::Date,
        format!("{y1:04}"),
        "explicit range of years",
    );
    vec![t.attr(attr::RANGE_END, format!("{y2:04}"))]
}

#[cfg(test)]
mod tests {
    use crate::extract::time::calendar::parse_ymd;
    use crate::extract::time::extract;
    use crate::extract::time::testing::check_table;

    #[test]
    fn ranges() {
        check_table(&[
            (
                "Talks run May 23-25.",
                "2025-05-20",
                "May 23-25",
                "DATE",
                "2025-05-23",
            ),
            (
                "Talks ran 20-30 June 2025.",
                "2025-05-20",
                "20-30 June 2025",
                "DATE",
                "2025-06-20",
            ),
            (
                "Talks were held June 7 and 9.",
                "2025-06-20",
                "June 7",
                "DATE",
                "2025-06-07",
            ),
            (
                "Talks were held June 7 and 9.",
                "2025-06-20",
                "9",
                "DATE",
                "2025-06-09",
            ),
            (
                "The swap will run on June 7, 8, and 9.",
                "2025-06-04",
                "8",
                "DATE",
                "2025-06-08",
            ),
            (
                "The swap will run on June 7, 8 and 9.",
                "2025-06-04",
                "9",
                "DATE",
                "2025-06-09",
            ),
            (
                "Talks were held between June 7 and June 9.",
                "2025-06-20",
                "June 9",
                "DATE",
                "2025-06-09",
            ),
            (
                "Talks were held 7 and 9 June.",
                "2025-06-20",
                "7",
                "DATE",
                "2025-06-07",
            ),
            (
                "The war lasted 1914-1918.",
                "2025-06-20",
                "1914-1918",
                "DATE",
                "1914",
            ),
        ]);
    }

    #[test]
    fn range_end_is_set_on_the_first() {
        let text = "Talks run May 23-25.";
        let found = extract(text, parse_ymd("2025-05-20"));
        let end = found
            .first()
            .and_then(|c| c.attrs.get("range_end"))
            .map(String::as_str);
        assert_eq!(end, Some("2025-05-25"));
    }
}
