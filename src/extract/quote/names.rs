//! Capitalised names found without the entity extractor's help: the fallback
//! speaker when no PER/ORG entity stands where a rule expects a speaker.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::time::WEEKDAY_WORDS;

/// A run of capitalised words, possibly joined by "of" / "of the" / "for"
/// ("Ukraine’s Defense Minister Rustem Muradov", "Ministry of Defense").
static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\p{Lu}[\p{L}\p{M}’'\-]*(?:[ \u{A0}]+(?:(?:of|of[ \u{A0}]+the|for)[ \u{A0}]+)?\p{Lu}[\p{L}\p{M}’'\-]*)*",
    )
    .expect("valid capitalised-run regex")
});

/// Capitalised words that start sentences or clauses rather than names.
static NOT_NAMES: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    [
        "A",
        "According",
        "Additionally",
        "After",
        "Against",
        "All",
        "Also",
        "Although",
        "Among",
        "An",
        "Analysts",
        "And",
        "As",
        "At",
        "Before",
        "Behind",
        "Between",
        "Both",
        "But",
        "By",
        "Critics",
        "Despite",
        "During",
        "Each",
        "Earlier",
        "Even",
        "Every",
        "Following",
        "For",
        "From",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "Instead",
        "Into",
        "It",
        "Its",
        "Just",
        "Later",
        "Many",
        "Meanwhile",
        "Members",
        "Most",
        "My",
        "No",
        "Not",
        "Now",
        "Officials",
        "On",
        "Once",
        "Only",
        "Or",
        "Other",
        "Our",
        "Previously",
        "Read",
        "She",
        "Since",
        "So",
        "Some",
        "Sources",
        "Still",
        "Such",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Thus",
        "Today",
        "Under",
        "Until",
        "We",
        "What",
        "When",
        "Where",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "Within",
        "Without",
        "Yesterday",
        "Yet",
        "You",
        "Your",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    .into_iter()
    .chain(WEEKDAY_WORDS.iter().copied())
    .collect()
});

/// Titles stripped from the front of a name ("Defense Minister Rustem Umerov").
static TITLES: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    [
        "Admiral",
        "Ambassador",
        "Assistant",
        "Captain",
        "Chancellor",
        "Chief",
        "Colonel",
        "Commander",
        "Defence",
        "Defense",
        "Deputy",
        "Dr",
        "Foreign",
        "General",
        "Governor",
        "Head",
        "Interior",
        "Judge",
        "King",
        "Lieutenant",
        "Lord",
        "Major",
        "Mayor",
        "Minister",
        "Mr",
        "Mrs",
        "Ms",
        "Pope",
        "President",
        "Prime",
        "Professor",
        "Queen",
        "Secretary",
        "Senator",
        "Sir",
        "Spokesman",
        "Spokesperson",
        "Spokeswoman",
        "State",
        "Vice",
    ]
    .into_iter()
    .collect()
});

/// Words that make a capitalised run an organisation or a heading, not a person.
static NOT_PERSON_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    [
        "Affairs",
        "Agency",
        "Army",
        "Bank",
        "Committee",
        "Coordination",
        "Council",
        "Delegation",
        "Department",
        "Federation",
        "Forces",
        "Government",
        "Group",
        "Institute",
        "Intelligence",
        "International",
        "Kingdom",
        "Media",
        "Ministry",
        "Nations",
        "News",
        "Office",
        "Organisation",
        "Organization",
        "Palace",
        "Party",
        "Post",
        "Republic",
        "Security",
        "Service",
        "Staff",
        "States",
        "Times",
        "Union",
        "University",
    ]
    .into_iter()
    .collect()
});

/// A name as written in the text, titles and possessors stripped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Where the capitalised run starts (before any stripped title).
    pub run_start: usize,
    /// Where the run ends (after any possessive ’s).
    pub run_end: usize,
    /// Start of the name proper.
    pub start: usize,
    /// End of the name proper.
    pub end: usize,
    /// The name proper.
    pub text: String,
    /// Whether it looks like a person's name.
    pub person: bool,
}

/// Every capitalised name in `text`, in order.
pub fn names(text: &str) -> Vec<Name> {
    let mut found: Vec<Name> = CAPITALISED_RUN
        .find_iter(text)
        .filter(|m| {
            !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
        .filter_map(|m| clean(text, m.start(), m.end()))
        .collect();
    let tails: FxHashSet<String> = found
        .iter()
        .filter(|n| n.person)
        .filter_map(|n| n.text.split_whitespace().last().map(str::to_owned))
        .collect();
    for name in &mut found {
        if !name.text.contains(' ') && tails.contains(&name.text) {
            name.person = true;
        }
    }
    found
}

/// Strips possessors, sentence words and titles from a capitalised run.
fn clean(text: &str, run_start: usize, run_end: usize) -> Option<Name> {
    let mut tokens: Vec<(usize, usize)> = token_spans(text, run_start, run_end);
    let possessive =
        |&(s, e): &(usize, usize)| text[s..e].ends_with("’s") || text[s..e].ends_with("'s");
    if let Some(last_possessor) = tokens[..tokens.len().saturating_sub(1)]
        .iter()
        .rposition(possessive)
    {
        tokens.drain(..=last_possessor);
    }
    if let Some(last) = tokens.last_mut()
        && possessive(&*last)
    {
        last.1 -= if text[last.0..last.1].ends_with("’s") {
            "’s".len()
        } else {
            2
        };
    }
    let organisation = tokens
        .iter()
        .any(|&(s, e)| NOT_PERSON_WORDS.contains(&text[s..e]));
    let is_title = |&(s, e): &(usize, usize)| TITLES.contains(&text[s..e]);
    let before_last = tokens.len().saturating_sub(1);
    if !organisation && let Some(last_title) = tokens[..before_last].iter().rposition(is_title) {
        tokens.drain(..=last_title);
    }
    while let Some(&(s, e)) = tokens.first() {
        let word = &text[s..e];
        let next_is_title = tokens
            .get(1)
            .is_some_and(|&(a, b)| TITLES.contains(&text[a..b]));
        let demonym = ["an", "ese", "ish"].iter().any(|x| word.ends_with(x));
        let title = !organisation && (TITLES.contains(&word) || (demonym && next_is_title));
        let connector = word.chars().next().is_some_and(char::is_lowercase);
        if NOT_NAMES.contains(&word) || title || connector {
            tokens.remove(0);
        } else {
            break;
        }
    }
    let (&(start, _), &(_, end)) = (tokens.first()?, tokens.last()?);
    (start < end).then_some(())?;
    let words: Vec<&str> = tokens.iter().map(|&(s, e)| &text[s..e]).collect();
    let person = (2..=3).contains(&words.len())
        && !words
            .iter()
            .any(|w| NOT_PERSON_WORDS.contains(w) || w.starts_with(char::is_lowercase));
    Some(Name {
        run_start,
        run_end,
        start,
        end,
        text: words.join(" "),
        person,
    })
}

fn token_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut token_start = None;
    for (i, c) in text[start..end].char_indices() {
        match (c.is_whitespace(), token_start) {
            (true, Some(s)) => {
                out.push((start + s, start + i));
                token_start = None;
            }
            (false, None) => token_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = token_start {
        out.push((start + s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_possessors_titles_and_sentence_words() {
        let cases = [
            (
                "Ukraine’s Defense Minister Rustem Muradov spoke.",
                "Rustem Muradov",
                true,
            ),
            ("However Medinsky’s team left.", "Medinsky", false),
            (
                "The Foreign Intelligence Service met.",
                "Foreign Intelligence Service",
                false,
            ),
            (
                "Ukrainian Defense Minister Rustem Umerov said",
                "Rustem Umerov",
                true,
            ),
            (
                "The Ministry of Internal Affairs said",
                "Ministry of Internal Affairs",
                false,
            ),
            (
                "US Secretary of State Marco Rubio said",
                "Marco Rubio",
                true,
            ),
        ];
        for (text, expected, person) in cases {
            let found = names(text);
            assert_eq!(
                found.first().map(|n| (n.text.as_str(), n.person)),
                Some((expected, person)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_surname_seen_in_a_full_name_is_a_person() {
        let found = names("Vladimir Medinsky arrived. Later Medinsky spoke.");
        assert!(found.iter().any(|n| n.text == "Medinsky" && n.person));
    }
}
