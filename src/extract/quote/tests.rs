use proptest::prelude::*;

use super::*;

/// (value, speaker, rule, scare)
type Expected = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    bool,
);

fn entity(text: &str, name: &str, label: &str, value: &str) -> Candidate {
    let start = text.find(name).unwrap_or(0);
    Candidate::new(start, start + name.len(), FactKind::Entity, label, value)
}

fn check(text: &str, entities: &[Candidate], expected: &[Expected]) {
    let found = extract(text, entities);
    assert_eq!(found.len(), expected.len(), "{text}: {found:?}");
    for (c, &(value, speaker, rule, scare)) in found.iter().zip(expected) {
        assert_eq!(&text[c.start..c.end], c.value, "{text}");
        assert_eq!(c.value, value, "{text}");
        assert_eq!(
            c.attrs.get("speaker").map(String::as_str),
            speaker,
            "{text}"
        );
        assert_eq!(
            c.attrs.get("speaker_rule").map(String::as_str),
            rule,
            "{text}"
        );
        assert_eq!(
            c.attrs.get("scare").is_some_and(|s| s == "true"),
            scare,
            "{text}"
        );
    }
}

#[test]
fn attribution_patterns_without_entities() {
    let cases: [(&str, &[Expected]); 13] = [
        (
            "The guild, by all accounts, wanted a ‘quick fix’ while the Ministry of Trade stressed caution.",
            &[("quick fix", None, None, true)],
        ),
        (
            "“Time is short for everyone,” the Ministry of Trade stressed on Monday.",
            &[(
                "Time is short for everyone",
                Some("Ministry of Trade"),
                Some("sentence-verb"),
                false,
            )],
        ),
        (
            "“We will not give up,” Zelensky said on Monday.",
            &[(
                "We will not give up",
                Some("Zelensky"),
                Some("quote-name-verb"),
                false,
            )],
        ),
        (
            "“The talks went well,” said Anna Kovalenko, head of the delegation.",
            &[(
                "The talks went well",
                Some("Anna Kovalenko"),
                Some("quote-verb-name"),
                false,
            )],
        ),
        (
            "Anna Kovalenko arrived early. “We are ready for this,” she added.",
            &[(
                "We are ready for this",
                Some("Anna Kovalenko"),
                Some("quote-pronoun"),
                false,
            )],
        ),
        (
            "Petro Ivanenko told reporters: “The lists are complete.”",
            &[(
                "The lists are complete.",
                Some("Petro Ivanenko"),
                Some("speaker-verb-quote"),
                false,
            )],
        ),
        (
            "Kyiv, according to Olena Shevchuk, “rejected the whole offer outright.”",
            &[(
                "rejected the whole offer outright.",
                Some("Olena Shevchuk"),
                Some("according-to"),
                false,
            )],
        ),
        (
            "Mark Stone, the mission chief, expressed relief, stating that the city had reached a ‘fragile calm’ at last.",
            &[(
                "fragile calm",
                Some("Mark Stone"),
                Some("sentence-verb"),
                true,
            )],
        ),
        (
            "The plan was called ‘reckless’ in the editorial.",
            &[("reckless", None, None, true)],
        ),
        (
            "“First point here,” Maria Lopez said. “Second point here.”",
            &[
                (
                    "First point here",
                    Some("Maria Lopez"),
                    Some("quote-name-verb"),
                    false,
                ),
                (
                    "Second point here.",
                    Some("Maria Lopez"),
                    Some("continuation"),
                    false,
                ),
            ],
        ),
        (
            "\"It is over for now,\" the spokesman said.",
            &[(
                "It is over for now",
                Some("the spokesman"),
                Some("quote-description"),
                false,
            )],
        ),
        (
            "”We are prepared for this,” Medinsky noted.",
            &[(
                "We are prepared for this",
                Some("Medinsky"),
                Some("quote-name-verb"),
                false,
            )],
        ),
        (
            "‘We don’t agree with Ukraine’s plan,’ said Ukraine’s Foreign Minister Andrii Sybiha.",
            &[(
                "We don’t agree with Ukraine’s plan",
                Some("Andrii Sybiha"),
                Some("quote-verb-name"),
                false,
            )],
        ),
    ];
    for (text, expected) in cases {
        check(text, &[], expected);
    }
}

#[test]
fn entities_name_the_speaker() {
    let text = "“We wait for the answer,” Petrenko said.";
    let entities = [entity(text, "Petrenko", "PER", "Ivan Petrenko")];
    check(
        text,
        &entities,
        &[(
            "We wait for the answer",
            Some("Ivan Petrenko"),
            Some("quote-name-verb"),
            false,
        )],
    );

    let text = "“Stop the strikes now,” NATO warned.";
    let entities = [entity(text, "NATO", "ORG", "NATO")];
    check(
        text,
        &entities,
        &[(
            "Stop the strikes now",
            Some("NATO"),
            Some("quote-name-verb"),
            false,
        )],
    );

    let text = "Olga Bondar met the press. “No comment from us,” she said.";
    let entities = [entity(text, "Olga Bondar", "PER", "Olga Bondar")];
    check(
        text,
        &entities,
        &[(
            "No comment from us",
            Some("Olga Bondar"),
            Some("quote-pronoun"),
            false,
        )],
    );

    let text = "Ivan Petrenko spoke first. “We wait for them,” Canadian officials said.";
    let entities = [
        entity(text, "Ivan Petrenko", "PER", "Ivan Petrenko"),
        entity(text, "Canadian", "MISC", "Canadian"),
    ];
    check(text, &entities, &[("We wait for them", None, None, false)]);

    let text = "“We wait for them,” said Defence Minister Ivan Petrenko.";
    let entities = [entity(text, "Ivan Petrenko", "PER", "Ivan Petrenko")];
    check(
        text,
        &entities,
        &[(
            "We wait for them",
            Some("Ivan Petrenko"),
            Some("quote-verb-name"),
            false,
        )],
    );
}

#[test]
fn unnamed_speakers_are_kept_as_described_and_titles_point_back_to_their_holder() {
    let text = "“The talks failed,” said a spokesperson for the Red Cross. “We will try again.”";
    check(
        text,
        &[],
        &[
            (
                "The talks failed",
                Some("a spokesperson for the Red Cross"),
                Some("quote-description"),
                false,
            ),
            (
                "We will try again.",
                Some("a spokesperson for the Red Cross"),
                Some("continuation"),
                false,
            ),
        ],
    );

    let text = "“Nothing is agreed,” a senior diplomat told reporters.";
    check(
        text,
        &[],
        &[(
            "Nothing is agreed",
            Some("a senior diplomat"),
            Some("quote-description"),
            false,
        )],
    );

    let text = "The chief negotiator, Maria Lopez, met the press on Monday.\n\n                “We are close,” the negotiator added.";
    let entities = [entity(text, "Maria Lopez", "PER", "Maria Lopez")];
    check(
        text,
        &entities,
        &[(
            "We are close",
            Some("Maria Lopez"),
            Some("quote-title-anaphora"),
            false,
        )],
    );
}

#[test]
fn a_quote_continued_in_the_next_paragraph_is_one_quote() {
    let text = "“We start today.\n\n“We end tomorrow,” Anna Kovalenko said.";
    let found = extract(text, &[]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "We start today.\nWe end tomorrow");
    assert_eq!(
        found[0].attrs.get("speaker").map(String::as_str),
        Some("Anna Kovalenko")
    );
}

#[test]
fn apostrophes_do_not_open_quotes() {
    assert!(
        extract(
            "Ukraine’s and Russia’s envoys don’t meet; the soldiers’ kin wait.",
            &[]
        )
        .is_empty()
    );
}

fn seed(name: &str) -> Option<String> {
    std::fs::read_to_string(format!(
        "{}/../shared/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .ok()
}

fn speaker_of<'a>(found: &'a [Candidate], value: &str) -> Option<&'a str> {
    found
        .iter()
        .find(|c| c.value == value)?
        .attrs
        .get("speaker")
        .map(String::as_str)
}

#[test]
fn seeds_give_the_expected_quotes() {
    if let Some(text) = seed("000_0b2518abd44a6d31.txt") {
        let found = extract(&text, &[]);
        assert_eq!(
            speaker_of(&found, "satisfactory conclusion"),
            Some("Vladimir Medinsky")
        );
        assert_eq!(
            speaker_of(&found, "accepted the request to consult"),
            Some("Medinsky")
        );
        assert!(
            found
                .iter()
                .any(|c| c.value == "1,000 for 1,000" && c.attrs.contains_key("scare"))
        );
    }
    if let Some(text) = seed("004_7d003c453a5a3f56.txt") {
        let found = extract(&text, &[]);
        assert_eq!(
            speaker_of(
                &found,
                "This would again become the largest prisoner exchange"
            ),
            Some("Medinsky")
        );
        assert_eq!(
            speaker_of(&found, "We are completely prepared for this"),
            Some("Medinsky")
        );
    }
}

/// Prints what the extractor finds on the seeds (`cargo test seed_report -- --nocapture`).
#[test]
fn seed_report() {
    for name in [
        "000_0b2518abd44a6d31.txt",
        "001_b1358e757e5f7fa0.txt",
        "002_8d9ef33f1eca3d55.txt",
        "003_a151e28ef549cfb6.txt",
        "004_7d003c453a5a3f56.txt",
    ] {
        let Some(text) = seed(name) else { continue };
        for c in extract(&text, &[]) {
            println!("{name}\tquote\t{:?}\t{:?}", c.value, c.attrs);
        }
        for c in crate::extract::quantity::extract(&text, &[]) {
            println!(
                "{name}\tquantity\t{:?}\t{}\t{:?}",
                &text[c.start..c.end],
                c.value,
                c.attrs
            );
        }
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_sound(text in "\\PC*", a in 0usize..400, b in 0usize..400) {
        check_spans(&text, a, b);
    }

    #[test]
    fn quote_heavy_text_is_sound(
        text in "([\"“”‘’'«»„]|said|he|she|Anna Lee|, |according to|\\. |\n|é|word){0,30}",
        a in 0usize..200,
        b in 0usize..200,
    ) {
        check_spans(&text, a, b);
    }
}

/// Runs the extractor with one arbitrary (possibly nonsensical) entity.
fn check_spans(text: &str, a: usize, b: usize) {
    let snap = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (snap(a.min(b)), snap(a.max(b)));
    let entities = [Candidate::new(
        start,
        end,
        FactKind::Entity,
        "PER",
        "Someone",
    )];
    let found = extract(text, &entities);
    for c in &found {
        assert!(c.start < c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(c.kind, FactKind::Quote);
    }
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{pair:?}");
    }
}
