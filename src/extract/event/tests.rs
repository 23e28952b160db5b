//! Table tests of the event extractor, one or more sentences per event type,
//! written for these tests: trigger, type, and the arguments that matter.

use chrono::NaiveDate;

use crate::extract::{Candidate, extract_all};
use crate::model::FactKind;

fn events(text: &str) -> Vec<Candidate> {
    let published = NaiveDate::from_ymd_opt(2031, 3, 14);
    extract_all(text, published)
        .into_iter()
        .filter(|c| c.kind == FactKind::Event)
        .collect()
}

/// The event whose trigger is `trigger` (first occurrence).
fn event<'a>(found: &'a [Candidate], text: &str, trigger: &str) -> &'a Candidate {
    found
        .iter()
        .find(|c| &text[c.start..c.end] == trigger)
        .unwrap_or_else(|| panic!("no event '{trigger}' in {text:?}: {found:#?}"))
}

/// (sentence, trigger, type, [(attribute, expected value or part of it)])
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CASES: &[Case] = &[
    (
        "The foreign ministers of Norway and Chile met in Oslo on March 3.",
        "met",
        "meeting",
        &[
            ("place", "Oslo"),
            ("time", "2031-03-03"),
            ("status", "took place"),
            ("participants", "Norway"),
        ],
    ),
    (
        "A third round of negotiations between the unions and the railway operator ended without result on Tuesday.",
        "negotiations",
        "meeting",
        &[("series", "3"), ("time", "2031-03-11")],
    ),
    (
        "The two governments signed a fisheries agreement in Lisbon on 2 February.",
        "signed",
        "agreement",
        &[("place", "Lisbon"), ("time", "2031-02-02")],
    ),
    (
        "The rebels freed 42 hostages on Sunday.",
        "freed",
        "transfer",
        &[("quantities", "42 hostages"), ("time", "2031-03-09")],
    ),
    (
        "Both sides agreed to swap 300 detainees next week.",
        "swap",
        "transfer",
        &[("status", "agreed"), ("quantities", "300 detainees")],
    ),
    (
        "Gunmen opened fire on a bus near Mardan on Thursday, police said.",
        "opened fire",
        "attack",
        &[("place", "Mardan"), ("time", "2031-03-13")],
    ),
    (
        "At least 14 people were killed in the blast.",
        "killed",
        "casualty",
        &[("quantities", "at least 14 people")],
    ),
    (
        "Police arrested a 31-year-old man in Leeds on Wednesday.",
        "arrested",
        "arrest",
        &[("place", "Leeds"), ("time", "2031-03-12")],
    ),
    (
        "The court will hold a hearing on April 20.",
        "hearing",
        "court",
        &[("status", "planned"), ("time", "2031-04-20")],
    ),
    (
        "The ministry denied that any talks had taken place.",
        "talks",
        "meeting",
        &[("status", "denied")],
    ),
    (
        "Of the nine who did not return, five were found.",
        "found",
        "recovery",
        &[("status", "took place")],
    ),
    (
        "A freight train derailed near Brno on Monday.",
        "derailed",
        "disaster",
        &[("place", "Brno"), ("time", "2031-03-10")],
    ),
    (
        "Divers recovered the body of a fisherman on Thursday.",
        "recovered",
        "recovery",
        &[("time", "2031-03-13")],
    ),
    (
        "Authorities evacuated 2,000 residents from the valley.",
        "evacuated",
        "evacuation",
        &[("quantities", "2000 residents")],
    ),
    (
        "Voters in Iceland will elect a new parliament in September.",
        "elect",
        "election",
        &[("status", "planned")],
    ),
    (
        "The finance minister resigned on Monday.",
        "resigned",
        "appointment",
        &[("time", "2031-03-10")],
    ),
    (
        "The club fired its head coach after a run of defeats.",
        "fired",
        "appointment",
        &[],
    ),
    (
        "Soldiers fired shots into the crowd.",
        "fired",
        "attack",
        &[],
    ),
    (
        "If the talks fail, the strike could spread.",
        "talks",
        "meeting",
        &[("status", "hypothetical")],
    ),
    (
        "Thousands protested in Valparaíso against the pension reform.",
        "protested",
        "protest",
        &[("place", "Valparaíso")],
    ),
    (
        "The spokesman said the convoy arrived in Kandahar on Saturday.",
        "arrived",
        "movement",
        &[("place", "Kandahar"), ("time", "2031-03-08")],
    ),
];

#[test]
fn each_type_with_its_arguments() {
    for (text, trigger, ty, attrs) in CASES {
        let found = events(text);
        let e = event(&found, text, trigger);
        assert_eq!(e.label, *ty, "{text}");
        for (key, want) in *attrs {
            let got = e.attrs.get(*key).map(String::as_str).unwrap_or("");
            assert!(got.contains(want), "{text}: {key} = {got:?}, want {want:?}");
        }
    }
}

#[test]
fn nominalisations_and_inflections_share_a_lemma() {
    let text = "The envoys negotiated for hours. The negotiations resumed on Friday. \
                The rebels swapped prisoners; the exchange went smoothly.";
    let found = events(text);
    assert_eq!(
        event(&found, text, "negotiated").value,
        event(&found, text, "negotiations").value
    );
    assert_eq!(
        event(&found, text, "swapped").value,
        event(&found, text, "exchange").value
    );
}

#[test]
fn names_and_fixed_phrases_are_not_triggers() {
    let text = "She is in charge of the Summit County office. He got a great deal of help.";
    let found = events(text);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_headline_is_marked_but_a_first_sentence_is_not() {
    let text = "Rivals agree prisoner swap after talks\n\nThe two sides met in Vantaa on Monday.";
    let found = events(text);
    assert_eq!(
        event(&found, text, "swap")
            .attrs
            .get("headline")
            .map(String::as_str),
        Some("true")
    );
    assert!(!event(&found, text, "met").attrs.contains_key("headline"));
    let prose = "The two sides met in Vantaa on Monday.\nA prisoner swap followed.";
    let found = events(prose);
    assert!(!event(&found, prose, "met").attrs.contains_key("headline"));
    let alone = "Rivals agree prisoner swap";
    assert!(
        !event(&events(alone), alone, "swap")
            .attrs
            .contains_key("headline")
    );
}

#[test]
fn undated_event_takes_the_discourse_date_and_says_so() {
    let text = "Fighting broke out on March 2. Dozens of families were evacuated.";
    let found = events(text);
    let e = event(&found, text, "evacuated");
    assert_eq!(e.attrs.get("time").map(String::as_str), Some("2031-03-02"));
    assert_eq!(
        e.attrs.get("time_source").map(String::as_str),
        Some("discourse")
    );
}

#[test]
fn the_reporter_is_the_speaker_of_the_sentence() {
    let text = "According to Reuters, the ships collided at dawn.";
    let found = events(text);
    let e = event(&found, text, "collided");
    assert!(
        e.attrs
            .get("reporter")
            .is_some_and(|r| r.contains("Reuters")),
        "{e:#?}"
    );
}

proptest::proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_are_sound(text in "\\PC*") {
        check_spans(&text);
    }

    #[test]
    fn news_like_text_never_panics_and_spans_are_sound(
        text in "(the|talks|met|in|Oslo|on|May 6|\n\n|, |; |—|second|round|of|said|according to|Reuters|will|not|swap|1,000|prisoners|fired|at|ü|’s|\\. ){0,40}"
    ) {
        check_spans(&text);
    }
}

/// Every event span lies on character boundaries inside the text.
fn check_spans(text: &str) {
    for c in events(text) {
        assert!(c.start < c.end && c.end <= text.len(), "{c:?}");
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(c.kind, FactKind::Event);
    }
}
