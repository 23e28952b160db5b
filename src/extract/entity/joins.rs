//! Pieces of one name that the tagger returns apart, joined back: a
//! generational suffix ("Daniel Reyes, Jr."), a middle initial written
//! without its dot ("Maria T Okafor") and a plural possessive inside a
//! name ("the Sailors’ Rest Mission"). Each join is checked on the text
//! between the two pieces, so nothing else is merged.

use super::Candidate;
use super::gazetteer::straight_apostrophe;

/// Suffixes that end a person's name.
const GENERATION_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Joins the pieces of names in `candidates` (in text order) over `text`.
pub(super) fn join_name_pieces(text: &str, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for next in candidates {
        if let Some(last) = out.last_mut()
            && let Some(label) = joined_label(text, last, &next)
        {
            last.end = next.end;
            last.label = label.to_owned();
            last.value = name_value(&text[last.start..last.end]);
            continue;
        }
        out.push(next);
    }
    out.into_iter()
        .map(|c| with_generation_suffix(text, c))
        .collect()
}

/// The label of `a` and `b` joined into one name, when the text between them says they are one.
fn joined_label(text: &str, a: &Candidate, b: &Candidate) -> Option<&'static str> {
    let between = text.get(a.end..b.start)?;
    if a.label == "PER" && GENERATION_SUFFIXES.contains(&text[b.start..b.end].trim()) {
        return matches!(between, " " | ", ").then_some("PER");
    }
    if a.label == "PER"
        && let Some(initial) = between.strip_prefix(' ').and_then(|b| b.strip_suffix(' '))
    {
        let mut chars = initial.chars();
        let lone_capital =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        return (lone_capital && b.label == "PER").then_some("PER");
    }
    let possessive_plural = matches!(between, "’ " | "' ") && text[..a.end].ends_with('s');
    (possessive_plural && (a.label != "PER" || b.label != "PER")).then_some(
        match b.label.as_str() {
            "LOC" => "LOC",
            "MISC" => "MISC",
            _ => "ORG",
        },
    )
}

/// A person's name extended over a generational suffix that follows it ("…, Jr.").
fn with_generation_suffix(text: &str, mut c: Candidate) -> Candidate {
    if c.label != "PER" {
        return c;
    }
    let rest = &text[c.end..];
    let after = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(' '))
        .unwrap_or("");
    for suffix in GENERATION_SUFFIXES {
        if let Some(tail) = after.strip_prefix(suffix)
            && !tail.starts_with(|ch: char| ch.is_alphanumeric())
        {
            c.end += rest.len() - tail.len();
            c.value = name_value(&text[c.start..c.end]);
            break;
        }
    }
    c
}

/// The name as a value: single spaces and straight apostrophes.
fn name_value(span: &str) -> String {
    span.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(straight_apostrophe)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    fn names(text: &str) -> Vec<(String, String)> {
        extract(text)
            .into_iter()
            .map(|c| (text[c.start..c.end].to_owned(), c.label))
            .collect()
    }

    fn has(text: &str, name: &str, label: &str) -> bool {
        names(text).iter().any(|(n, l)| n == name && l == label)
    }

    #[test]
    fn a_generational_suffix_belongs_to_the_name() {
        let text = "The treasurer, Daniel R. Whitcombe, Jr., spoke on Monday. Harold Finch Jr. said nothing.";
        assert!(
            has(text, "Daniel R. Whitcombe, Jr.", "PER"),
            "{:?}",
            names(text)
        );
        assert!(has(text, "Harold Finch Jr.", "PER"), "{:?}", names(text));
    }

    #[test]
    fn a_middle_initial_without_a_dot_joins_the_name() {
        let text = "Council leader Maria T Okafor said the plan would go ahead.";
        assert!(has(text, "Maria T Okafor", "PER"), "{:?}", names(text));
    }

    #[test]
    fn a_plural_possessive_inside_a_name_joins_it() {
        let text = "She said the Sailors’ Rest Mission and the Harbour Workers' Union agreed.";
        let found = names(text);
        assert!(
            found.iter().any(|(n, _)| n == "Sailors’ Rest Mission"),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(n, _)| n == "Harbour Workers' Union"),
            "{found:?}"
        );
    }

    #[test]
    fn separate_names_stay_separate() {
        let text = "Maria Okafor met Harold Finch. The talks' outcome pleased Lagos.";
        let found = names(text);
        assert!(found.iter().any(|(n, _)| n == "Maria Okafor"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Harold Finch"), "{found:?}");
    }
}
