//! Article dumps, the shape news APIs and scrapers export: JSON Lines (one
//! object per line, with `serde_json`) and CSV (with `csv`), each read as a
//! stream. A text column is needed (text, body, content, article,
//! full_text …); title, date, URL, outlet and author columns are used when
//! present. A row that cannot be imported is named by its line number and
//! the others are imported.

use std::io::{BufRead, Read};

use serde_json::Value;

use super::dates::parse_date;
use super::stream::stream_error;
use super::{
    FileArticles, ImportError, ImportedArticle, MAX_ARTICLE_BYTES, Progress, date_from_url,
    from_text, text::cap_chars,
};
use crate::model::DateOrigin;

/// What a column holds, by the names dumps commonly give it (compared
/// lower-case, without spaces, dashes or underscores).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Title,
    Date,
    Url,
    Outlet,
    Author,
}

/// The column names of each field, best first.
const NAMES: [(Field, &[&str]); 6] = [
    (
        Field::Text,
        &[
            "text",
            "fulltext",
            "body",
            "content",
            "article",
            "articletext",
            "articlebody",
            "maintext",
            "bodytext",
            "story",
            "contenttext",
        ],
    ),
    (Field::Title, &["title", "headline", "heading"]),
    (
        Field::Date,
        &[
            "published",
            "publishedat",
            "publishdate",
            "datepublished",
            "pubdate",
            "date",
            "publishedtime",
            "publicationdate",
            "createdat",
            "timestamp",
        ],
    ),
    (
        Field::Url,
        &["url", "link", "articleurl", "sourceurl", "permalink"],
    ),
    (
        Field::Outlet,
        &[
            "outlet",
            "source",
            "sourcename",
            "publisher",
            "publication",
            "sitename",
            "site",
            "domain",
            "newspaper",
        ],
    ),
    (
        Field::Author,
        &["author", "authors", "byline", "creator", "writer"],
    ),
];

/// A column name reduced for comparison.
fn normalised(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each field, the index in `columns` of the best column holding it.
fn fields(columns: &[String]) -> Vec<(Field, usize)> {
    let reduced: Vec<String> = columns.iter().map(|c| normalised(c)).collect();
    NAMES
        .iter()
        .filter_map(|(field, names)| {
            let index = names
                .iter()
                .find_map(|name| reduced.iter().position(|c| c == name))?;
            Some((*field, index))
        })
        .collect()
}

/// One row's cells by field, and the names of their columns.
#[derive(Default)]
struct Row {
    cells: Vec<(Field, String, String)>,
}

impl Row {
    fn get(&self, field: Field) -> Option<(&str, &str)> {
        self.cells
            .iter()
            .find(|(f, _, value)| *f == field && !value.trim().is_empty())
            .map(|(_, column, value)| (column.as_str(), value.as_str()))
    }
}

/// A row as an article, or why it cannot be one; a date that cannot be read
/// is reported while the row is still imported.
fn article(row: &Row, line: u64, problems: &mut Vec<ImportError>) -> Option<ImportedArticle> {
    let bad = |reason: String| ImportError::BadRow { line, reason };
    let Some((_, text)) = row.get(Field::Text) else {
        problems.push(bad("the text is empty".to_owned()));
        return None;
    };
    let mut article = match from_text(text.replace("\r\n", "\n"), "UTF-8") {
        Ok(article) => article,
        Err(error) => {
            problems.push(bad(error.to_string()));
            return None;
        }
    };
    article.provenance.part = format!("line {line}");
    if let Some((_, title)) = row.get(Field::Title) {
        article.title = cap_chars(title.trim(), 500);
    }
    if let Some((_, url)) = row.get(Field::Url) {
        article.url = url.trim().to_owned();
    }
    if let Some((_, outlet)) = row.get(Field::Outlet) {
        article.outlet = outlet.trim().to_owned();
    }
    if let Some((_, author)) = row.get(Field::Author) {
        article.provenance.author = author.trim().to_owned();
    }
    if let Some((column, date)) = row.get(Field::Date) {
        match parse_date(date) {
            Some(day) => {
                article.published = Some(day);
                article.date_origin = DateOrigin::Metadata(format!("dump column “{column}”"));
            }
            None => problems.push(bad(format!(
                "cannot read the date “{}” (the article was imported without it)",
                cap_chars(date.trim(), 40)
            ))),
        }
    }
    date_from_url(&mut article);
    Some(article)
}

/// The articles of a CSV dump: its first row names the columns.
pub(super) fn read_csv(
    reader: impl BufRead,
    progress: &Progress,
) -> Result<FileArticles, ImportError> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(false)
        .has_headers(true)
        .from_reader(reader);
    let header: Vec<String> = csv
        .byte_headers()
        .map_err(|e| csv_error(e, "CSV"))?
        .iter()
        .map(|cell| {
            String::from_utf8_lossy(cell)
                .trim_start_matches('\u{feff}')
                .to_owned()
        })
        .collect();
    let columns = fields(&header);
    if !columns.iter().any(|(f, _)| *f == Field::Text) {
        return Err(ImportError::NoTextColumn {
            found: header.join(", "),
        });
    }
    let mut found = FileArticles::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let row = Row {
                    cells: columns
                        .iter()
                        .map(|&(field, i)| {
                            let cell = record.get(i).unwrap_or_default();
                            (
                                field,
                                header[i].clone(),
                                String::from_utf8_lossy(cell).into_owned(),
                            )
                        })
                        .collect(),
                };
                if let Some(article) = article(&row, line, &mut found.problems) {
                    found.articles.push(article);
                }
            }
            Err(error) => {
                let line = error.position().map(|p| p.line());
                match (error.kind(), line) {
                    (csv::ErrorKind::Io(_), _) | (_, None) => return Err(csv_error(error, "CSV")),
                    (_, Some(line)) => found.problems.push(ImportError::BadRow {
                        line,
                        reason: row_error(&error),
                    }),
                }
            }
        }
        if (progress.cancelled)() {
            return Err(ImportError::Cancelled);
        }
    }
    Ok(found)
}

/// A CSV error that stops the whole file.
fn csv_error(error: csv::Error, format: &'static str) -> ImportError {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => stream_error(&e, format),
        other => ImportError::Damaged {
            format,
            detail: format!("{other:?}"),
        },
    }
}

/// A row's CSV error in words.
fn row_error(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("it has {len} cells where the header has {expected_len}"),
        _ => error.to_string(),
    }
}

/// The articles of a JSON Lines dump: one JSON object per line.
pub(super) fn read_json_lines(
    mut reader: impl BufRead,
    progress: &Progress,
) -> Result<FileArticles, ImportError> {
    let mut found = FileArticles::default();
    let mut buf = Vec::new();
    let mut saw_text_field = false;
    let mut rows = 0u64;
    for line in 1u64.. {
        buf.clear();
        let read = (&mut reader)
            .take(MAX_ARTICLE_BYTES + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| stream_error(&e, "JSON Lines"))?;
        if read == 0 {
            break;
        }
        if (progress.cancelled)() {
            return Err(ImportError::Cancelled);
        }
        if buf.len() as u64 > MAX_ARTICLE_BYTES {
            skip_line(&mut reader).map_err(|e| stream_error(&e, "JSON Lines"))?;
            found.problems.push(ImportError::BadRow {
                line,
                reason: format!("longer than {} MB", super::mib(MAX_ARTICLE_BYTES)),
            });
            continue;
        }
        let text = String::from_utf8_lossy(&buf);
        let text = text.trim().trim_start_matches('\u{feff}');
        if text.is_empty() {
            continue;
        }
        rows += 1;
        let bad = |reason: String| ImportError::BadRow { line, reason };
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                found.problems.push(bad("not a JSON object".to_owned()));
                continue;
            }
            Err(e) => {
                found.problems.push(bad(format!("not valid JSON ({e})")));
                continue;
            }
        };
        let keys: Vec<String> = object.keys().cloned().collect();
        let columns = fields(&keys);
        saw_text_field |= columns.iter().any(|(f, _)| *f == Field::Text);
        let row = Row {
            cells: columns
                .iter()
                .map(|&(field, i)| (field, keys[i].clone(), json_text(&object[&keys[i]])))
                .collect(),
        };
        if let Some(article) = article(&row, line, &mut found.problems) {
            found.articles.push(article);
        }
    }
    if rows > 0 && !saw_text_field {
        return Err(ImportError::NoTextColumn {
            found: "no line has one".to_owned(),
        });
    }
    Ok(found)
}

/// Reads up to and including the next line end, keeping nothing.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// A JSON value as cell text: strings as they are, a list of names joined,
/// an object by its `name` (`"source": {"name": "…"}`), numbers written out.
fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(json_text)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(object) => object.get("name").map(json_text).unwrap_or_default(),
        Value::Null | Value::Bool(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_column_names_are_found() {
        let columns: Vec<String> = ["ID", "Headline", "Full Text", "publishedAt", "source"]
            .map(String::from)
            .to_vec();
        let found = fields(&columns);
        assert!(found.contains(&(Field::Text, 2)));
        assert!(found.contains(&(Field::Title, 1)));
        assert!(found.contains(&(Field::Date, 3)));
        assert!(found.contains(&(Field::Outlet, 4)));
    }

    #[test]
    fn a_line_too_long_is_skipped_whole() {
        let mut reader = &b"aaaa\nnext\n"[..];
        skip_line(&mut reader).unwrap();
        assert_eq!(reader, b"next\n");
    }
}
