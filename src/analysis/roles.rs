//! The key a role is compared by, so that the ways outlets write one office
//! meet: British and American spellings ("Defence" / "Defense"), and the
//! office named after its field or before it ("Minister of Defence" /
//! "Defence Minister").

use super::names::fold;

/// British spellings in the names of offices, with the American ones they
/// are compared as.
const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("centre", "center"),
    ("organisation", "organization"),
    ("labour", "labor"),
    ("programme", "program"),
    ("honour", "honor"),
];

/// Heads of offices that are named after their field ("Defence Minister").
const HEADS: &[&str] = &[
    "minister",
    "ministry",
    "secretary",
    "department",
    "director",
];

/// Words before a head that rank it rather than name its field ("Prime Minister").
const RANKS: &[&str] = &["prime", "deputy", "vice", "first", "chief", "junior"];

/// Lower-case, folded, American-spelled, with "Y X" turned into "X of Y"
/// when X heads an office named after its field ("defence minister" →
/// "minister of defense", as "Minister of Defence" reads).
pub fn role_key(role: &str) -> String {
    let folded = fold(role);
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "the")
        .map(|w| {
            SPELLINGS
                .iter()
                .find(|(uk, _)| *uk == w)
                .map_or(w, |(_, us)| us)
        })
        .collect();
    match words.as_slice() {
        [field, head, rest @ ..] if HEADS.contains(head) && !RANKS.contains(field) => {
            let mut out = vec![*head, "of", *field];
            out.extend(rest);
            out.join(" ")
        }
        _ => words.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_office_written_three_ways_has_one_key() {
        let key = role_key("Defence Minister");
        assert_eq!(key, "minister of defense");
        assert_eq!(role_key("Defense Minister"), key);
        assert_eq!(role_key("Minister of Defence"), key);
        assert_eq!(role_key("minister of the defence"), key);
        assert_ne!(role_key("Foreign Minister"), key);
        assert_eq!(role_key("Prime Minister"), "prime minister");
        assert_eq!(role_key("President of Russia"), "president of russia");
    }
}
