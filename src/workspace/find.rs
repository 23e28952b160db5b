//! Find: where a word or phrase occurs in the full text of every article and
//! in the facts' own words. The facts table's filter narrows facts only; an
//! analyst who asks "where is this said?" needs every article that says it,
//! whether or not a fact was extracted there.

use regex::{Regex, RegexBuilder};

use super::Workspace;
use crate::model::{ArticleId, FactId};

/// The matches of one article, as byte spans into its text, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleMatches {
    /// The article.
    pub article: ArticleId,
    /// Byte offsets (start, end) of each match.
    pub spans: Vec<(usize, usize)>,
}

/// Everything a query found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FindResults {
    /// The query as typed.
    pub query: String,
    /// Articles whose text matches, in the project's article order.
    pub articles: Vec<ArticleMatches>,
    /// Facts whose text, value, label or note match, in id order.
    pub facts: Vec<FactId>,
}

impl FindResults {
    /// Matches in all article texts together.
    pub fn text_matches(&self) -> usize {
        self.articles.iter().map(|a| a.spans.len()).sum()
    }

    /// The matches in one article (empty when it has none).
    pub fn spans_in(&self, article: ArticleId) -> &[(usize, usize)] {
        self.articles
            .iter()
            .find(|a| a.article == article)
            .map_or(&[], |a| &a.spans)
    }
}

/// A case-insensitive matcher for `query`, in which any run of white space
/// matches any run of white space (a phrase found across a line break);
/// none for a query of white space only.
pub fn matcher(query: &str) -> Option<Regex> {
    let words: Vec<String> = query.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return None;
    }
    RegexBuilder::new(&words.join(r"\s+"))
        .case_insensitive(true)
        .build()
        .ok()
}

/// The spans of `text` that `re` matches.
pub fn spans(re: &Regex, text: &str) -> Vec<(usize, usize)> {
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// The match with up to `width` characters of text before and after it,
/// each run of white space shown as one space, for a results list.
pub fn context(text: &str, start: usize, end: usize, width: usize) -> (String, String, String) {
    let piece = |range: std::ops::Range<usize>| text.get(range).unwrap_or("");
    let before = piece(0..start);
    let cut = before.char_indices().rev().nth(width.saturating_sub(1));
    let before = &before[cut.map_or(0, |(i, _)| i)..];
    let after: String = piece(end..text.len()).chars().take(width).collect();
    (
        one_space(before),
        one_space(piece(start..end)),
        one_space(&after),
    )
}

/// `s` with each run of white space as one space.
fn one_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

impl Workspace {
    /// Finds `query` in every article text and every fact.
    pub fn find(&self, query: &str) -> FindResults {
        let Some(re) = matcher(query) else {
            return FindResults {
                query: query.to_owned(),
                ..Default::default()
            };
        };
        let articles = self
            .project
            .articles
            .iter()
            .filter_map(|a| {
                let text = self.text(a.id)?;
                let spans = spans(&re, text);
                (!spans.is_empty()).then_some(ArticleMatches {
                    article: a.id,
                    spans,
                })
            })
            .collect();
        let facts = self
            .project
            .facts
            .values()
            .filter(|f| {
                [&f.text, &f.value, &f.label, &f.note]
                    .iter()
                    .any(|s| re.is_match(s))
            })
            .map(|f| f.id)
            .collect();
        FindResults {
            query: query.to_owned(),
            articles,
            facts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ignores_case_and_spans_line_breaks() {
        let re = matcher("harbour  Board").unwrap();
        let text = "The Harbour\nboard met. The HARBOUR BOARD left.";
        assert_eq!(spans(&re, text), vec![(4, 17), (27, 40)]);
    }

    #[test]
    fn a_blank_query_matches_nothing() {
        assert!(matcher("  \n ").is_none());
    }

    #[test]
    fn special_characters_are_taken_literally() {
        let re = matcher("(3.5%)").unwrap();
        assert_eq!(spans(&re, "rose (3.5%) and (305%)"), vec![(5, 11)]);
    }

    #[test]
    fn letters_beyond_ascii_match_in_either_case() {
        let re = matcher("ŁÓDŹ").unwrap();
        let text = "Trains to Łódź ran late.";
        assert_eq!(spans(&re, text).len(), 1);
    }

    #[test]
    fn context_shows_the_words_around_a_match_on_one_line() {
        let text = "First line.\nThe ferry sank near the pier at dawn.";
        let start = text.find("sank").unwrap();
        let (before, found, after) = context(text, start, start + 4, 10);
        assert_eq!(found, "sank");
        assert_eq!(before, "The ferry ");
        assert_eq!(after, " near the ");
    }
}
