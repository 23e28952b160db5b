use proptest::prelude::*;

use super::*;

fn names(text: &str) -> Vec<(String, String)> {
    extract(text)
        .into_iter()
        .map(|c| (text[c.start..c.end].to_owned(), c.label))
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(t, l)| ((*t).to_owned(), (*l).to_owned()))
        .collect()
}

#[test]
fn finds_and_labels_names() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Ukraine\u{2019}s Defense Minister Rustem Umerov flew to Istanbul on Friday.",
            &[
                ("Ukraine", "LOC"),
                ("Rustem Umerov", "PER"),
                ("Istanbul", "LOC"),
            ],
        ),
        (
            "The talks were led by Ukrainian President Volodymyr Zelenskyy and the SBU.",
            &[
                ("Ukrainian", "MISC"),
                ("Volodymyr Zelenskyy", "PER"),
                ("SBU", "ORG"),
            ],
        ),
        (
            "She joined the Ministry of Internal Affairs and later the Bank of England in May.",
            &[
                ("Ministry of Internal Affairs", "ORG"),
                ("Bank of England", "ORG"),
            ],
        ),
        (
            "A spokesman for Acme Holdings said Mr. Jonas Pettersen had resigned.",
            &[("Acme Holdings", "ORG"), ("Jonas Pettersen", "PER")],
        ),
        (
            "Talks resumed in Tavildara after Brenkovsky arrived. Brenkovsky said little.",
            &[
                ("Tavildara", "LOC"),
                ("Brenkovsky", "PER"),
                ("Brenkovsky", "PER"),
            ],
        ),
        (
            "Reporters met captain Tilda Marsh near the old Harbour Bridge.",
            &[("Tilda Marsh", "PER"), ("Harbour Bridge", "LOC")],
        ),
        (
            "Officials said J. R. Hartley of Oxford Press signed for Palestinians in Gaza.",
            &[
                ("J. R. Hartley", "PER"),
                ("Oxford Press", "ORG"),
                ("Palestinians", "MISC"),
                ("Gaza", "LOC"),
            ],
        ),
        (
            "He met Secretary of State Marco Rubio in Paris.",
            &[("Marco Rubio", "PER"), ("Paris", "LOC")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(names(text), pairs(want), "{text}");
    }
}

#[test]
fn skips_sentence_starters_months_and_lone_titles() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("However, the President spoke on Monday.", &[]),
        ("Shelters were full. Many shelters closed in March.", &[]),
        ("The Prime Minister met the Ombudsman.", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(names(text), pairs(want), "{text}");
    }
}

#[test]
fn document_consistency_and_possessives() {
    let text = "Rustem Umerov spoke. Later Umerov\u{2019}s aides met O\u{2019}Brien.";
    let found = extract(text);
    let umerov = found
        .iter()
        .find(|c| c.value == "Umerov")
        .map(|c| (c.label.as_str(), &text[c.start..c.end]));
    assert_eq!(umerov, Some(("PER", "Umerov")));
    assert!(found.iter().any(|c| c.value == "O'Brien"));
}

#[test]
fn headlines_yield_only_known_names() {
    let text = "KENT BEAT ESSEX AT HOME IN LONDON\nKent beat Essex Cricket Club by nine runs.";
    let got = names(text);
    assert!(
        got.contains(&("LONDON".to_owned(), "LOC".to_owned())),
        "{got:?}"
    );
    assert!(
        got.contains(&("KENT".to_owned(), "LOC".to_owned())),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(t, _)| t == "BEAT" || t == "HOME"),
        "{got:?}"
    );
    let short = "**A Long Way to Peace in Kyiv**\nThe way to peace is long, say officials in Kyiv.";
    assert_eq!(names(short), pairs(&[("Kyiv", "LOC"), ("Kyiv", "LOC")]));
}

#[test]
fn seed_article_entities() {
    let text = include_str!("../../../assets/sample/000_0b2518abd44a6d31.txt");
    let got = names(text);
    for want in [
        ("Rustem Muradov", "PER"),
        ("Vladimir Medinsky", "PER"),
        ("Ministry of Defense", "ORG"),
        ("SBU", "ORG"),
        ("Istanbul", "LOC"),
        ("Russia", "LOC"),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1.to_owned())),
            "{want:?} in {got:?}"
        );
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_sane(text in "\\PC*") {
        check_spans(&text);
    }

    #[test]
    fn name_like_text_spans_are_sane(text in "([A-Z][a-z\u{2019}'.-]{0,6}[ ,.\n]{1,2}|of |the |\u{00C9}l |\u{2019}s ){0,30}") {
        check_spans(&text);
    }
}

fn check_spans(text: &str) {
    let found = extract(text);
    let mut last_end = 0;
    for c in &found {
        assert!(c.start < c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert!(c.start >= last_end, "overlap in {text:?}");
        assert_eq!(c.kind, FactKind::Entity);
        last_end = c.end;
    }
}

#[test]
fn the_shipped_model_is_whole_and_used() {
    let features = super::load_shipped_model().expect("the shipped model parses");
    assert!(features > 10_000, "only {features} features");
    assert!(super::tagger::MODEL.is_some());
}
