//! The words around a trigger that say whether its event happened (status)
//! and which one of a series it is ("the second round", "another exchange").
//! Each cue list is data with the reading it gives; the tests beside them
//! show sentences they are meant for.

use super::types::EventStatus;

/// Words before a trigger that put its event in the future or in a plan.
const PLANNED: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "planned",
    "planning",
    "plans",
    "plan",
    "scheduled",
    "expected",
    "upcoming",
    "forthcoming",
    "proposed",
    "set",
    "due",
    "intend",
    "intends",
    "aims",
    "hopes",
    "prepared",
    "ready",
    "next",
    "future",
    "would",
    "to",
];

/// Words before a trigger that make it conditional.
const HYPOTHETICAL: &[&str] = &[
    "if",
    "could",
    "might",
    "may",
    "possible",
    "potential",
    "unless",
    "whether",
    "should",
];

/// Words before a trigger that deny it.
const DENIED: &[&str] = &[
    "not",
    "no",
    "never",
    "n't",
    "didn't",
    "denied",
    "denies",
    "deny",
    "refused",
    "without",
    "rejected",
    "cancelled",
    "canceled",
    "halted",
];

/// Words right after a trigger that cancel it ("the talks were called off").
const CANCELLED_AFTER: &[&str] = &["cancelled", "canceled", "postponed", "scrapped"];

/// Words before a trigger that make it the object of an agreement.
const AGREED: &[&str] = &["agreed", "agree", "agrees", "agreeing", "deal", "accord"];

/// The status of a trigger from the lower-case words before it in its clause
/// (nearest last) and the words after it.
pub fn status(before: &[&str], after: &[&str]) -> EventStatus {
    let near = &before[before.len().saturating_sub(5)..];
    if after.iter().take(3).any(|w| CANCELLED_AFTER.contains(w))
        || after
            .windows(2)
            .take(3)
            .any(|p| p[0] == "called" && p[1] == "off")
    {
        return EventStatus::Denied;
    }
    for (i, w) in near.iter().enumerate().rev() {
        if DENIED.contains(w) {
            return EventStatus::Denied;
        }
        if HYPOTHETICAL.contains(w) {
            return EventStatus::Hypothetical;
        }
        if AGREED.contains(w) {
            return EventStatus::Agreed;
        }
        if PLANNED.contains(w) {
            // "to" alone is a plan only after a plan word or "is/are to" ("is to meet").
            if *w == "to" {
                let prev = i.checked_sub(1).map(|j| near[j]);
                if !matches!(prev, Some("is" | "are" | "was" | "were" | "due" | "set")) {
                    continue;
                }
            }
            return EventStatus::Planned;
        }
    }
    EventStatus::TookPlace
}

/// Ordinal words, with the number they stand for.
const ORDINALS: &[(&str, &str)] = &[
    ("first", "1"),
    ("1st", "1"),
    ("second", "2"),
    ("2nd", "2"),
    ("third", "3"),
    ("3rd", "3"),
    ("fourth", "4"),
    ("4th", "4"),
    ("fifth", "5"),
    ("5th", "5"),
    ("sixth", "6"),
    ("6th", "6"),
    ("seventh", "7"),
    ("7th", "7"),
    ("eighth", "8"),
    ("8th", "8"),
    ("ninth", "9"),
    ("9th", "9"),
    ("tenth", "10"),
    ("10th", "10"),
];

/// Words that place an event in a series without a number.
const SERIES_WORDS: &[(&str, &str)] = &[
    ("another", "another"),
    ("new", "another"),
    ("fresh", "another"),
    ("further", "another"),
    ("next", "next"),
    ("previous", "previous"),
    ("prior", "previous"),
    ("earlier", "previous"),
    ("last", "previous"),
    ("latest", "latest"),
    ("final", "final"),
];

/// Words that end the noun phrase an ordinal must share with its trigger
/// ("the first time the two sides met" is not a first meeting).
const BREAKS_SERIES: &[&str] = &[
    "time", "times", "the", "a", "an", "their", "its", "that", "since", "when", "day", "week",
    "year", "who", "which", "and", "was", "were", "is", "are", "be", "been", "has", "have", "had",
];

/// Cardinal numbers written after "round" or "stage" ("round two").
const CARDINALS: &[(&str, &str)] = &[
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
];

/// The place of an event in its series, from the lower-case words before
/// its trigger (nearest last) and after it: "1", "2" … for ordinals,
/// or "another", "next", "previous", "latest", "final".
pub fn series(before: &[&str], after: &[&str]) -> Option<String> {
    let near = &before[before.len().saturating_sub(5)..];
    for w in near.iter().rev() {
        if BREAKS_SERIES.contains(w) {
            break;
        }
        if let Some((_, n)) = ORDINALS.iter().find(|(o, _)| o == w) {
            // "the first meeting since 2019", "the first time": first in a while, not round one.
            let in_a_while =
                *n == "1" && matches!(after.first(), Some(&("since" | "in" | "for" | "time")));
            return (!in_a_while).then(|| (*n).to_owned());
        }
    }
    // "round 2 of talks", "the talks' round two": a number after round/stage/phase.
    let numbered = |words: &[&str]| {
        words.windows(2).find_map(|p| {
            matches!(p[0], "round" | "stage" | "phase" | "session").then_some(())?;
            CARDINALS
                .iter()
                .find(|(c, _)| *c == p[1])
                .map(|(_, n)| (*n).to_owned())
                .or_else(|| (p[1].parse::<u32>().is_ok_and(|n| n < 100)).then(|| p[1].to_owned()))
        })
    };
    if let Some(n) = numbered(near).or_else(|| numbered(&after[..after.len().min(3)])) {
        return Some(n);
    }
    let nearest = &near[near.len().saturating_sub(3)..];
    nearest.iter().rev().find_map(|w| {
        SERIES_WORDS
            .iter()
            .find(|(s, _)| s == w)
            .map(|(_, v)| (*v).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn statuses_from_the_words_around() {
        let cases: &[(&str, &str, EventStatus)] = &[
            ("the ministers", "in the capital", EventStatus::TookPlace),
            ("the two sides will", "again", EventStatus::Planned),
            (
                "the leaders are expected to",
                "on friday",
                EventStatus::Planned,
            ),
            ("the council is to", "next week", EventStatus::Planned),
            ("the police did not", "anyone", EventStatus::Denied),
            (
                "the ministry denied that troops had",
                "the town",
                EventStatus::Denied,
            ),
            ("the", "was called off", EventStatus::Denied),
            (
                "both delegations agreed to",
                "prisoners",
                EventStatus::Agreed,
            ),
            ("if the parties", "a deal", EventStatus::Hypothetical),
            ("the company wants to", "abroad", EventStatus::TookPlace),
        ];
        for (before, after, want) in cases {
            assert_eq!(
                status(&split(before), &split(after)),
                *want,
                "{before} _ {after}"
            );
        }
    }

    #[test]
    fn series_from_ordinals_and_series_words() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("the second round of direct", "", Some("2")),
            ("a 3rd", "", Some("3")),
            ("round two of the", "", Some("2")),
            ("the", "round 4 ended", Some("4")),
            ("another prisoner", "", Some("another")),
            ("the next", "", Some("next")),
            ("the previous", "", Some("previous")),
            ("the two delegations", "", None),
            ("for the first time the two sides", "", None),
            ("the first", "time in years", None),
            ("their first", "since 2019", None),
            ("the fourth body to be", "", None),
        ];
        for (before, after, want) in cases {
            assert_eq!(
                series(&split(before), &split(after)).as_deref(),
                *want,
                "{before} _ {after}"
            );
        }
    }
}
