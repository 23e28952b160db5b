use proptest::prelude::*;

use super::*;

/// (text, expected span text, value, unit, modifier, formula)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

fn only(text: &str) -> Candidate {
    let found = extract(text, &[]);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found
        .into_iter()
        .next()
        .unwrap_or_else(|| Candidate::new(0, 0, FactKind::Quantity, "", ""))
}

#[test]
fn finds_counts_with_units_modifiers_and_formulas() {
    let cases: [Case; 21] = [
        (
            "They agreed to free 500 prisoners from each side.",
            "500 prisoners",
            "500 for 500",
            Some("prisoners"),
            None,
            Some("exchange"),
        ),
        (
            "Each side freed 500 captives on Friday.",
            "500 captives",
            "500 for 500",
            Some("captives"),
            None,
            Some("exchange"),
        ),
        (
            "The two armies released five hundred soldiers each.",
            "five hundred soldiers",
            "500 for 500",
            Some("soldiers"),
            None,
            Some("exchange"),
        ),
        (
            "They freed about 1,200 prisoners on Friday.",
            "about 1,200 prisoners",
            "1200",
            Some("prisoners"),
            Some("about"),
            None,
        ),
        (
            "Officials counted 6,000 bodies.",
            "6,000 bodies",
            "6000",
            Some("bodies"),
            None,
            None,
        ),
        (
            "The deal follows a 1,000 for 1,000 formula.",
            "1,000 for 1,000",
            "1000 for 1000",
            None,
            None,
            Some("exchange"),
        ),
        (
            "A 1,000-for-1,000 swap was agreed.",
            "1,000-for-1,000",
            "1000 for 1000",
            None,
            None,
            Some("exchange"),
        ),
        (
            "Kyiv wants a thousand-for-thousand swap.",
            "thousand-for-thousand",
            "1000 for 1000",
            None,
            None,
            Some("exchange"),
        ),
        (
            "Kyiv proposed an all-for-all exchange.",
            "all-for-all",
            "all for all",
            None,
            None,
            Some("exchange"),
        ),
        (
            "The thousand-for-thousand swap was agreed on Friday.",
            "thousand-for-thousand",
            "1000 for 1000",
            None,
            None,
            Some("exchange"),
        ),
        (
            "Both sides welcomed the all-for-all deal.",
            "all-for-all",
            "all for all",
            None,
            None,
            Some("exchange"),
        ),
        (
            "It holds between 6,000 and 7,000 soldiers there.",
            "between 6,000 and 7,000 soldiers",
            "6000-7000",
            Some("soldiers"),
            None,
            None,
        ),
        (
            "The budget covers 1.2 million people.",
            "1.2 million people",
            "1200000",
            Some("people"),
            None,
            None,
        ),
        (
            "They found twenty-five children alive.",
            "twenty-five children",
            "25",
            Some("children"),
            None,
            None,
        ),
        (
            "She saw a thousand volunteers.",
            "a thousand volunteers",
            "1000",
            Some("volunteers"),
            None,
            None,
        ),
        (
            "Hundreds of civilians fled.",
            "Hundreds of civilians",
            "100s",
            Some("civilians"),
            None,
            None,
        ),
        (
            "Kyiv holds several thousand Russian prisoners.",
            "several thousand Russian prisoners",
            "1000s",
            Some("prisoners"),
            Some("several"),
            None,
        ),
        (
            "They swapped at least 1,000 prisoners of war yesterday.",
            "at least 1,000 prisoners of war",
            "1000",
            Some("prisoners of war"),
            Some("at least"),
            None,
        ),
        (
            "Moscow offered more than 6,000 fallen Ukrainian soldiers.",
            "more than 6,000 fallen Ukrainian soldiers",
            "6000",
            Some("soldiers"),
            Some("more than"),
            None,
        ),
        (
            "It is expected to be about 1,200 from each side.",
            "about 1,200",
            "1200 for 1200",
            None,
            Some("about"),
            Some("exchange"),
        ),
        (
            "The crowd of 1 000 marchers grew.",
            "1 000 marchers",
            "1000",
            Some("marchers"),
            None,
            None,
        ),
    ];
    for (text, span, value, unit, modifier, formula) in cases {
        let c = only(text);
        assert_eq!(&text[c.start..c.end], span, "{text}");
        assert_eq!(c.value, value, "{text}");
        assert_eq!(c.kind, FactKind::Quantity);
        assert_eq!(c.attrs.get("unit").map(String::as_str), unit, "{text}");
        assert_eq!(
            c.attrs.get("modifier").map(String::as_str),
            modifier,
            "{text}"
        );
        assert_eq!(
            c.attrs.get("formula").map(String::as_str),
            formula,
            "{text}"
        );
    }
}

#[test]
fn ranges_carry_low_and_high() {
    let c = only("Between 6 and 7 million residents left.");
    assert_eq!(c.value, "6000000-7000000");
    assert_eq!(c.attrs.get("low").map(String::as_str), Some("6000000"));
    assert_eq!(c.attrs.get("high").map(String::as_str), Some("7000000"));
    let vague = only("It spoke of tens and hundreds of thousands of stolen children.");
    assert_eq!(vague.value, "10000s-100000s");
    assert_eq!(
        vague.attrs.get("unit").map(String::as_str),
        Some("children")
    );
}

#[test]
fn ignores_numbers_that_are_not_counts() {
    let texts = [
        "The war began in 2022.",
        "Talks resumed in 2024 after a pause.",
        "They met on May 16 in Istanbul.",
        "The swap runs on June 7, 8, and 9.",
        "It happened on 7 June near the border.",
        "Inflation reached 12% and then 14 percent.",
        "The fund holds $5 million and 300 euros.",
        "He came 1st and she was second.",
        "Call +1 555-123-4567 for details.",
        "The meeting starts at 10:30 today.",
        "1. Introduction\n2) Methods",
        "The talks lasted 48 hours over three days.",
        "Children under the age of 25 were listed.",
        "See Article 5 of the treaty.",
        "[form id=\"314\"]",
        "No one knew, and one source said so.",
        "The two sides and their three envoys met.",
        "A 10-year plan, a 52-week high and an 8-month-old truce.",
        "They stayed 2 1/2 years and then three quarters more.",
        "The firm's 1989 sales and the 2000 Olympics and 1990 Acme earnings.",
        "The Bulls won 89-52 at home.",
        "The 2025-05-16 meeting and 16/05/2025 notes.",
    ];
    for text in texts {
        assert_eq!(extract(text, &[]), Vec::new(), "{text}");
    }
}

#[test]
fn skips_numbers_inside_time_candidates() {
    let text = "Within 3 weeks 500 soldiers left.";
    let times = [Candidate::new(0, 14, FactKind::Time, "DURATION", "P3W")];
    let found = extract(text, &times);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "500");
    let text = "On day 15 nothing moved.";
    let times = [Candidate::new(3, 9, FactKind::Time, "DATE", "XXXX")];
    assert!(extract(text, &times).is_empty());
}

#[test]
fn years_with_a_counted_noun_are_counts() {
    let c = only("Police detained 2000 protesters.");
    assert_eq!(c.value, "2000");
}

#[test]
fn seeds_give_the_expected_quantities() {
    let seed = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/../shared/seeds/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
    };
    let Ok(text) = seed("000_0b2518abd44a6d31.txt") else {
        return;
    };
    let found = extract(&text, &[]);
    assert!(found.iter().any(|c| c.value == "1000 for 1000"
        && c.attrs.get("formula").map(String::as_str) == Some("exchange")));
    assert!(
        !found
            .iter()
            .any(|c| c.value == "2022" || c.value == "18" || c.value == "16")
    );
    if let Ok(text) = seed("004_7d003c453a5a3f56.txt") {
        let found = extract(&text, &[]);
        let values: Vec<&str> = found.iter().map(|c| c.value.as_str()).collect();
        assert!(values.contains(&"1200 for 1200"), "{values:?}");
        assert!(found.iter().any(|c| c.value == "6000"
            && c.attrs.get("modifier").map(String::as_str) == Some("more than")
            && c.attrs.get("unit").map(String::as_str) == Some("soldiers")));
        assert!(found.iter().any(
            |c| c.value == "339" && c.attrs.get("unit").map(String::as_str) == Some("children")
        ));
        assert!(
            !values
                .iter()
                .any(|v| ["7", "8", "9", "25", "2022"].contains(v)),
            "{values:?}"
        );
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_sound(text in "\\PC*") {
        check_spans(&text);
    }

    #[test]
    fn number_like_text_is_sound(text in "([0-9]{1,5}|[ ,.\\-–]|for|and|between|to|about|hundreds of|thousand|twenty|-five|soldiers|’|é|\n){0,24}") {
        check_spans(&text);
    }
}

fn check_spans(text: &str) {
    let found = extract(text, &[]);
    for c in &found {
        assert!(c.start < c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(c.kind, FactKind::Quantity);
    }
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}
