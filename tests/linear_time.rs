//! Extraction and comparison take time in proportion to the text: for each
//! shape of text that once took quadratic time (news on one line, repeated
//! bylines, all capitals, right-to-left text with many counts in one
//! sentence), doubling the text must not much more than double the time.
//! Each size is timed a few times and the fastest run kept, so that a busy
//! machine does not fail the test.

use std::time::{Duration, Instant};

use dossier::extract::extract_all;

// The shared helpers also serve other test files; this one uses two of them.
#[allow(dead_code)]
mod common;

/// Runs of each measurement; the fastest counts.
const RUNS: usize = 3;

/// The largest ratio of the time for 2N bytes to the time for N bytes
/// accepted: linear work gives about 2, quadratic work 4.
const MAX_RATIO: f64 = 3.0;

const FIRST: &[&str] = &[
    "Anna", "Tomas", "Dana", "Harold", "Maria", "Peter", "Elena", "Jonas", "Clara", "Viktor",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "Whitcombe",
    "Okafor",
    "Marsh",
    "Halvorsen",
    "Brennan",
    "Castell",
    "Dunmore",
    "Ferreira",
    "Kowalczyk",
];

/// The `i`-th invented person's name.
fn person(i: usize) -> String {
    format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 7) % LAST.len()])
}

/// Repeats `piece(i)` for i = 0, 1, … until the text holds `bytes` bytes.
fn grow(bytes: usize, piece: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&piece(i));
        i += 1;
    }
    text
}

/// News sentences with titles, names, dates, counts and quotes, all on one line.
fn one_line_news(bytes: usize) -> String {
    grow(bytes, |i| {
        let (a, b) = (person(i), person(i + 3));
        format!(
            "Foreign Minister {a} met Defence Secretary {b} in Geneva on Monday, officials said. \
             Chief negotiator {b}, head of the northern delegation, said {} prisoners would be \
             exchanged by May 16. \u{201C}We are ready to talk,\u{201D} said {a}, a spokesman for \
             the Harbour Workers' Union. Norway\u{2019}s Deputy Minister {b} told reporters that \
             about {} people were evacuated three days later. ",
            100 + i % 900,
            20 + i % 80
        )
    })
}

/// Bylines, one a line, each naming a person with titles and an outlet.
fn repeated_bylines(bytes: usize) -> String {
    grow(bytes, |i| {
        format!(
            "By {}, Senior Correspondent, and {}, Staff Reporter, Northern Herald\n",
            person(i),
            person(i + 5)
        )
    })
}

/// Sentences written in capitals, five to a paragraph.
fn all_capitals(bytes: usize) -> String {
    grow(bytes, |i| {
        let sentence = format!(
            "FOREIGN MINISTER {} MET DEFENCE CHIEF {} IN OSLO ON MONDAY AND SAID {} TROOPS WOULD \
             LEAVE BY JUNE. ",
            person(i),
            person(i + 2),
            200 + i % 700
        )
        .to_uppercase();
        if i % 5 == 4 {
            sentence + "\n"
        } else {
            sentence
        }
    })
}

/// One long Arabic sentence (no full stop) full of counts of prisoners exchanged.
fn right_to_left(bytes: usize) -> String {
    grow(bytes, |i| {
        format!(
            "\u{648}\u{642}\u{627}\u{644} \u{627}\u{644}\u{645}\u{62A}\u{62D}\u{62F}\u{62B} \
             \u{625}\u{646} {} prisoners \u{641}\u{64A} exchange \u{648} ",
            100 + i % 900
        )
    })
}

/// The fastest of `RUNS` runs of `work` over each of two texts, the runs taken in turn so that
/// a busy spell of the machine (other tests run beside this one) slows both alike.
fn fastest_of_each(small: &str, large: &str, work: fn(&str) -> Duration) -> (Duration, Duration) {
    (0..RUNS)
        .map(|_| (work(small), work(large)))
        .fold((Duration::MAX, Duration::MAX), |(a, b), (s, l)| {
            (a.min(s), b.min(l))
        })
}

/// Asserts that `work` over texts of `bytes` and twice as many bytes takes
/// well under four times as long.
fn assert_linear(shape: &str, bytes: usize, make: fn(usize) -> String, work: fn(&str) -> Duration) {
    let (small, large) = (make(bytes), make(2 * bytes));
    let (t1, t2) = fastest_of_each(&small, &large, work);
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!(
        "{shape}: {} bytes {t1:?}, {} bytes {t2:?}, ratio {ratio:.2}",
        small.len(),
        large.len()
    );
    assert!(
        ratio < MAX_RATIO,
        "{shape}: doubling the text multiplied the time by {ratio:.2} ({t1:?} -> {t2:?})"
    );
}

/// The time to extract every kind of fact from `text`.
fn extract(text: &str) -> Duration {
    let started = Instant::now();
    let facts = extract_all(text, None);
    let took = started.elapsed();
    assert!(!facts.is_empty());
    took
}

/// The time to compare two articles holding `text` (importing them is not timed).
fn compare(text: &str) -> Duration {
    let (_dir, ws) =
        common::dossier(&[("a.txt", "2025-05-16", text), ("b.txt", "2025-05-17", text)]);
    let started = Instant::now();
    let comparison = common::compare(&ws);
    let took = started.elapsed();
    drop(comparison);
    took
}

#[test]
fn one_line_news_extracts_in_linear_time() {
    assert_linear("one-line news", 64 * 1024, one_line_news, extract);
}

#[test]
fn repeated_bylines_extract_in_linear_time() {
    assert_linear("repeated bylines", 64 * 1024, repeated_bylines, extract);
}

#[test]
fn all_capitals_extract_in_linear_time() {
    assert_linear("all capitals", 64 * 1024, all_capitals, extract);
}

#[test]
fn right_to_left_text_extracts_in_linear_time() {
    assert_linear("right to left", 64 * 1024, right_to_left, extract);
}

#[test]
fn right_to_left_text_compares_in_linear_time() {
    assert_linear("right to left, compared", 32 * 1024, right_to_left, compare);
}
