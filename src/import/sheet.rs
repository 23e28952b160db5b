//! The metadata sheet: analysts keep article titles, outlets, URLs and dates
//! in a spreadsheet and export it as CSV or TSV. This reads that export with a
//! small RFC 4180 parser (quoted fields, doubled quotes, line breaks in quotes).
//!
//! A date that cannot be read is an error naming the row and the value, not a
//! silent gap: the analyst fixes the cell and imports again, so no row is
//! quietly left undated.

use std::path::Path;

use chrono::NaiveDate;

use super::dates::parse_date;
use super::file::read_bounded;
use super::{ImportError, ImportedArticle, MAX_ARTICLE_BYTES, decode};

/// One row of the metadata sheet: the article file it describes and what it says about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetRow {
    /// The article's file name (or path) as written in the sheet.
    pub file: String,
    /// Title, when the cell is not empty.
    pub title: Option<String>,
    /// Outlet, when the cell is not empty.
    pub outlet: Option<String>,
    /// URL, when the cell is not empty.
    pub url: Option<String>,
    /// Publication date, when the cell is not empty.
    pub published: Option<NaiveDate>,
}

/// A metadata sheet read from disk: its file name and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's file name, recorded as the origin of the dates it sets.
    pub name: String,
    /// Its rows.
    pub rows: Vec<SheetRow>,
}

/// The names of the sheet a folder may carry beside its articles.
const FOLDER_SHEETS: [&str; 2] = ["metadata.csv", "metadata.tsv"];

impl Sheet {
    /// Reads a sheet file.
    pub fn read(path: &Path) -> Result<Sheet, String> {
        let rows = read_sheet(path).map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Sheet { name, rows })
    }

    /// The `metadata.csv` (or `.tsv`) at the top of an article folder, if any.
    pub fn in_folder(dir: &Path) -> Option<Result<Sheet, String>> {
        FOLDER_SHEETS
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
            .map(|p| Sheet::read(&p))
    }

    /// The row naming this article: by its file name, followed by `#part`
    /// for one of several articles of a file.
    pub fn row_for(&self, path: &Path, article: &ImportedArticle) -> Option<&SheetRow> {
        let mut name = path.file_name()?.to_string_lossy().into_owned();
        if !article.provenance.part.is_empty() {
            name = format!("{name}#{}", article.provenance.part);
        }
        self.rows.iter().find(|r| r.file == name)
    }
}

/// Reads a CSV or TSV metadata sheet from disk, in any encoding `decode`
/// accepts; like articles, only from an ordinary file of at most 64 MiB.
pub fn read_sheet(path: &Path) -> Result<Vec<SheetRow>, ImportError> {
    let parsed = read_bounded(path, MAX_ARTICLE_BYTES)
        .and_then(|bytes| decode(&bytes, None))
        .and_then(|(text, _)| parse_sheet(&text));
    parsed.map_err(|e| e.in_file(path))
}

/// Parses the text of a CSV or TSV metadata sheet; the delimiter is sniffed from the header line.
pub fn parse_sheet(text: &str) -> Result<Vec<SheetRow>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = sniff_delimiter(text);
    let mut records = Records {
        text,
        pos: 0,
        delimiter,
        row: 0,
    };
    let header = records.next_record()?.ok_or(ImportError::Empty)?;
    let columns = Columns::from_header(&header)?;
    let mut rows = Vec::new();
    while let Some(record) = records.next_record()? {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows.push(columns.row(&record, records.row)?);
    }
    Ok(rows)
}

/// The most frequent of tab, semicolon and comma in the header line (outside quotes); comma by default.
fn sniff_delimiter(text: &str) -> char {
    let mut in_quotes = false;
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0)];
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == b) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    let best = counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0);
    best.map_or(',', |(d, _)| char::from(*d))
}

/// Which column holds which field.
#[derive(Debug, Default)]
struct Columns {
    file: usize,
    title: Option<usize>,
    outlet: Option<usize>,
    url: Option<usize>,
    published: Option<usize>,
}

impl Columns {
    /// Finds the known columns by header name (case and spacing ignored); `file` is required.
    fn from_header(header: &[String]) -> Result<Self, ImportError> {
        let mut file = None;
        let mut columns = Columns::default();
        for (index, name) in header.iter().enumerate() {
            let name = name.trim().to_lowercase().replace(['_', '-'], " ");
            let slot = match name.as_str() {
                "file" | "filename" | "file name" | "path" => &mut file,
                "title" | "headline" => &mut columns.title,
                "outlet" | "source" | "publication" | "publisher" => &mut columns.outlet,
                "url" | "link" => &mut columns.url,
                "published" | "date" | "publication date" | "pub date" | "published date" => {
                    &mut columns.published
                }
                _ => continue,
            };
            slot.get_or_insert(index);
        }
        columns.file = file.ok_or(ImportError::SheetNoFileColumn)?;
        Ok(columns)
    }

    /// The fields of one record; `number` is its row in the sheet (the header is row 1).
    fn row(&self, record: &[String], number: usize) -> Result<SheetRow, ImportError> {
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| record.get(i))
                .map(|value| value.trim())
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let file = cell(Some(self.file)).ok_or(ImportError::SheetNoFile { row: number })?;
        let published = match cell(self.published) {
            Some(value) => Some(parse_date(&value).ok_or_else(|| ImportError::SheetBadDate {
                row: number,
                value: value.clone(),
            })?),
            None => None,
        };
        Ok(SheetRow {
            file,
            title: cell(self.title),
            outlet: cell(self.outlet),
            url: cell(self.url),
            published,
        })
    }
}

/// A reader of RFC 4180 records, one at a time.
struct Records<'a> {
    text: &'a str,
    pos: usize,
    delimiter: char,
    /// The number of the record last read (the header is row 1).
    row: usize,
}

impl Records<'_> {
    /// The next record, `None` at the end of the text.
    fn next_record(&mut self) -> Result<Option<Vec<String>>, ImportError> {
        if self.pos >= self.text.len() {
            return Ok(None);
        }
        self.row += 1;
        let mut fields = Vec::new();
        loop {
            let (field, ended_record) = self.next_field()?;
            fields.push(field);
            if ended_record {
                return Ok(Some(fields));
            }
        }
    }

    /// The next field and whether it ended its record (line end or end of text).
    fn next_field(&mut self) -> Result<(String, bool), ImportError> {
        let mut field = String::new();
        let rest = &self.text[self.pos..];
        let mut chars = rest.char_indices().peekable();
        if rest.trim_start_matches(' ').starts_with('"') {
            while chars.next().is_some_and(|(_, c)| c != '"') {}
            loop {
                match chars.next() {
                    None => return Err(ImportError::SheetUnclosedQuote { row: self.row }),
                    Some((_, '"')) if chars.peek().is_some_and(|(_, c)| *c == '"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, c)) => field.push(c),
                }
            }
        }
        while let Some((i, c)) = chars.next() {
            if c == self.delimiter {
                self.pos += i + c.len_utf8();
                return Ok((field, false));
            }
            if c == '\n' || c == '\r' {
                let crlf = c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n');
                self.pos += i + if crlf { 2 } else { 1 };
                return Ok((field, true));
            }
            field.push(c);
        }
        self.pos = self.text.len();
        Ok((field, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        file: &str,
        title: Option<&str>,
        outlet: Option<&str>,
        url: Option<&str>,
        date: Option<&str>,
    ) -> SheetRow {
        SheetRow {
            file: file.to_owned(),
            title: title.map(str::to_owned),
            outlet: outlet.map(str::to_owned),
            url: url.map(str::to_owned),
            published: date.and_then(|d| d.parse().ok()),
        }
    }

    fn parsed(text: &str) -> Vec<SheetRow> {
        match parse_sheet(text) {
            Ok(rows) => rows,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    #[test]
    fn parses_sheets() {
        let table = [
            (
                "file,title\na.txt,Alpha\n",
                vec![row("a.txt", Some("Alpha"), None, None, None)],
            ),
            (
                "File\tOutlet\tURL\tPublished\r\nb.md\tBBC\thttps://bbc.co.uk/x\t2025-05-20\r\n",
                vec![row(
                    "b.md",
                    None,
                    Some("BBC"),
                    Some("https://bbc.co.uk/x"),
                    Some("2025-05-20"),
                )],
            ),
            (
                "file,title,date\n\"c, d.txt\",\"He said \"\"no\"\"\",\"May 20, 2025\"\n",
                vec![row(
                    "c, d.txt",
                    Some("He said \"no\""),
                    None,
                    None,
                    Some("2025-05-20"),
                )],
            ),
            (
                "file;title;date\ne.html;\"two\nlines\";20 May 2025\n\n;;\n",
                vec![row(
                    "e.html",
                    Some("two\nlines"),
                    None,
                    None,
                    Some("2025-05-20"),
                )],
            ),
            (
                "\u{feff}notes,file_name,headline\nx,f.txt\n",
                vec![row("f.txt", None, None, None, None)],
            ),
            (
                "file,title\ng.txt, \n",
                vec![row("g.txt", None, None, None, None)],
            ),
            (
                "file, title\nh.txt, \"x, y\"\n",
                vec![row("h.txt", Some("x, y"), None, None, None)],
            ),
            ("file\n", vec![]),
        ];
        for (text, expected) in table {
            assert_eq!(parsed(text), expected, "{text:?}");
        }
    }

    #[test]
    fn reports_errors() {
        let table = [
            (
                "file,date\na.txt,2025-05-20\nb.txt,20/05/25\n",
                "row 3",
                "20/05/25",
            ),
            ("title,date\nx,2025-05-20\n", "no “file” column", ""),
            ("file,title\n,orphan title\n", "row 2", "no file name"),
            ("file,title\na.txt,\"never closed\n", "row 2", "quote"),
            ("", "empty", ""),
        ];
        for (text, needle, value) in table {
            let message = match parse_sheet(text) {
                Ok(rows) => panic!("{text:?} parsed as {rows:?}"),
                Err(e) => e.to_string(),
            };
            assert!(
                message.contains(needle) && message.contains(value),
                "{text:?}: {message}"
            );
        }
    }

    #[test]
    fn sniffs_delimiters() {
        let table = [
            ("a,b\tc,d", ','),
            ("a\tb\tc", '\t'),
            ("a;b;\"c,d,e\"", ';'),
            ("single", ','),
            ("\"x\ty\",z\n", ','),
        ];
        for (header, expected) in table {
            assert_eq!(sniff_delimiter(header), expected, "{header:?}");
        }
    }
}
