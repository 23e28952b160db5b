//! What is wrong with a damaged project file, in plain words: where (line,
//! column and which part of the project) and why, without the names of the
//! program's internal types that the RON parser would mention.

use ron::error::{Error, SpannedError};

/// Describes a parse error of the project text `text` for a message.
pub(super) fn describe(error: &SpannedError, text: &str) -> String {
    let at = error.span.start;
    let part = part_at(text, at.line)
        .map(|part| format!(", in {part}"))
        .unwrap_or_default();
    format!(
        "line {}, column {}{part}: {}",
        at.line,
        at.col,
        reason(&error.code)
    )
}

/// The top-level part of the project (articles, facts …) that line `line`
/// (counted from 1) belongs to, from the last top-level field opened before it.
fn part_at(text: &str, line: usize) -> Option<String> {
    let field = text
        .lines()
        .take(line)
        .filter_map(|l| {
            let name = l.strip_prefix("    ")?.split_once(':')?.0;
            let is_field = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            is_field.then_some(name)
        })
        .last()?;
    Some(match field {
        "format_version" => "the format version".to_owned(),
        "articles" => "the list of articles".to_owned(),
        "facts" => "the list of facts".to_owned(),
        "view" => "the saved view".to_owned(),
        "next_id" => "the id counter".to_owned(),
        "decisions" => "the analyst's decisions".to_owned(),
        other => format!("the “{other}” part"),
    })
}

/// Why parsing stopped, in plain words.
fn reason(code: &Error) -> String {
    match code {
        Error::Eof => "the file ends too early (it may have been cut off)".to_owned(),
        Error::IntegerOutOfBounds => "a number is too large".to_owned(),
        Error::MissingStructField { field, .. } => format!("the entry “{field}” is missing"),
        Error::DuplicateStructField { field, .. } => {
            format!("the entry “{field}” is written twice")
        }
        Error::NoSuchStructField { found, .. } => format!("there is no entry called “{found}”"),
        Error::NoSuchEnumVariant { found, .. } => format!("“{found}” is not an allowed value"),
        Error::InvalidValueForType { .. }
        | Error::Message(_)
        | Error::ExpectedDifferentLength { .. } => "a value is of the wrong kind".to_owned(),
        Error::ExpectedDifferentStructName { .. }
        | Error::ExpectedNamedStructLike(_)
        | Error::ExpectedStructName(_)
        | Error::ExpectedStructLike => "a “(” was expected".to_owned(),
        Error::ExpectedInteger | Error::ExpectedFloat => "a number was expected".to_owned(),
        Error::ExpectedString | Error::ExpectedStringEnd => "a quoted text was expected".to_owned(),
        Error::ExpectedComma => "a comma was expected".to_owned(),
        Error::ExpectedBoolean => "true or false was expected".to_owned(),
        Error::ExpectedArray => "a list (“[”) was expected".to_owned(),
        Error::ExpectedArrayEnd => "the end of a list (“]”) was expected".to_owned(),
        Error::ExpectedStructLikeEnd => "a closing “)” was expected".to_owned(),
        Error::TrailingCharacters => "there is text after the end of the project".to_owned(),
        Error::UnexpectedChar(c) => format!("the character “{c}” is out of place"),
        Error::ExceededRecursionLimit => "the text is nested too deeply".to_owned(),
        other => {
            let said = other.to_string();
            let mut chars = said.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_else(|| "the text is not well formed".to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        #[expect(dead_code, reason = "only parsed, to provoke parse errors")]
        struct InternalName {
            format_version: u32,
            articles: Vec<u32>,
        }
        let error = ron::from_str::<InternalName>(text).expect_err("must fail");
        describe(&error, text)
    }

    #[test]
    fn names_the_place_and_the_part_without_type_names() {
        let text =
            "(\n    format_version: 1,\n    articles: [\n        1,\n        \"x\",\n    ],\n)";
        let said = error_of(text);
        assert_eq!(
            said,
            "line 5, column 9, in the list of articles: a number was expected"
        );
        let missing = error_of("(format_version: 1)");
        assert_eq!(
            missing,
            "line 1, column 19: the entry “articles” is missing"
        );
        assert!(!missing.contains("InternalName"));
    }

    #[test]
    fn a_cut_file_is_said_to_end_too_early() {
        let said = error_of("(\n    format_version: 1,\n    articles: [1,");
        assert!(
            said.ends_with("the file ends too early (it may have been cut off)"),
            "{said}"
        );
        assert!(said.contains("in the list of articles"), "{said}");
    }
}
