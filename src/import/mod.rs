//! Importers: article files (.txt, .md, .html) and the analyst's metadata
//! sheet, turned into text plus what is known about each article. Reading is
//! separated from parsing (`read_article` = file system + `parse_article`) so
//! the parsing can be tested, and fuzzed, without files.

mod dates;
mod decode;
mod detect;
mod entities;
mod file;
mod html;
mod sheet;
mod text;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::DateOrigin;
use crate::store::InWords;

pub use decode::decode;
pub use sheet::{SheetRow, parse_sheet, read_sheet};

/// The largest article file accepted (64 MiB): bigger files are almost
/// certainly not articles, and would make the window sluggish.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// What an importer learned from one article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedArticle {
    /// The text facts are found in; spans are byte offsets into it. For text
    /// and Markdown it is the file's text (line endings normalised to `\n`),
    /// for HTML the visible text.
    pub text: String,
    /// The HTML title or the first non-empty line, without Markdown marks.
    pub title: String,
    /// The outlet, when a byline, label, metadata or URL names it; empty otherwise.
    pub outlet: String,
    /// The article's URL, when the file states one; empty otherwise.
    pub url: String,
    /// The publication date, only when the file states it explicitly.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub date_origin: DateOrigin,
    /// The encoding the file was decoded with (`UTF-8`, `windows-1252` …).
    pub encoding: String,
}

/// The kinds of article file Dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, `.text`).
    Text,
    /// Markdown (`.md`, `.markdown`); read as text, with heading marks removed from the title.
    Markdown,
    /// A saved web page (`.html`, `.htm`); only its visible text is kept.
    Html,
}

impl Format {
    /// The format a file's extension (any case) stands for; `None` for unsupported files.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Why a file could not be imported, in words an analyst understands.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read from disk.
    #[error("could not read “{}”: {}", .path.display(), InWords(.source))]
    Io {
        /// The file or folder being read.
        path: PathBuf,
        /// What the operating system reported.
        source: std::io::Error,
    },
    /// The file holds binary data (an image, a PDF, an archive …), not text.
    #[error("looks like a binary file, not text")]
    Binary,
    /// The file holds no text (or only whitespace, or HTML with nothing visible).
    #[error("the file is empty: there is no text to import")]
    Empty,
    /// The file is larger than `MAX_ARTICLE_BYTES`.
    #[error("the file is too large to be an article ({} MB; the limit is {} MB)", mib(*.bytes), mib(*.limit))]
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The name is a folder, a pipe, a device or a socket: only ordinary files
    /// are read, since the others can block or never end.
    #[error("it is {kind}, not an ordinary file; only files are read")]
    NotAFile {
        /// What it is instead ("a named pipe", "a device" …).
        kind: &'static str,
    },
    /// The file's extension is not one of the supported formats.
    #[error("“{}” is not a supported article file (use .txt, .md or .html)", .path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
    },
    /// The metadata sheet's header row names no file column.
    #[error(
        "the sheet has no “file” column: its first row must name the column holding the article file names"
    )]
    SheetNoFileColumn,
    /// A row of the metadata sheet has data but no file name.
    #[error("row {row} of the sheet has no file name")]
    SheetNoFile {
        /// The row number, counting the header as row 1.
        row: usize,
    },
    /// A date in the metadata sheet could not be read.
    #[error(
        "row {row} of the sheet: cannot read the date “{value}” (write it as 2025-05-20, May 20, 2025 or 20 May 2025)"
    )]
    SheetBadDate {
        /// The row number, counting the header as row 1.
        row: usize,
        /// The cell as written.
        value: String,
    },
    /// A quoted cell of the metadata sheet never ends.
    #[error("row {row} of the sheet: a quoted cell is never closed (a \" is missing)")]
    SheetUnclosedQuote {
        /// The row number, counting the header as row 1.
        row: usize,
    },
    /// Any of the above, for a named file.
    #[error("{file}: {error}")]
    InFile {
        /// The file name.
        file: String,
        /// What went wrong with it.
        error: Box<ImportError>,
    },
}

impl ImportError {
    /// The error itself, without the file name `read_article` and `read_sheet` add,
    /// so callers can match on `Binary`, `Empty` and the rest.
    pub fn cause(&self) -> &ImportError {
        match self {
            ImportError::InFile { error, .. } => error.cause(),
            other => other,
        }
    }

    /// This error with the name of `path` in front, unless it names its file already.
    fn in_file(self, path: &Path) -> ImportError {
        match self {
            ImportError::Io { .. }
            | ImportError::Unsupported { .. }
            | ImportError::InFile { .. } => self,
            error => {
                let file = path
                    .file_name()
                    .unwrap_or(path.as_os_str())
                    .to_string_lossy()
                    .into_owned();
                ImportError::InFile {
                    file,
                    error: Box::new(error),
                }
            }
        }
    }
}

/// Bytes as mebibytes, rounded up, for messages.
fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// Reads and parses one article file; errors name the file. Only ordinary
/// files are read, at most `MAX_ARTICLE_BYTES` of them.
pub fn read_article(path: &Path) -> Result<ImportedArticle, ImportError> {
    let format = Format::from_path(path).ok_or_else(|| ImportError::Unsupported {
        path: path.to_owned(),
    })?;
    let bytes = file::read_bounded(path, MAX_ARTICLE_BYTES).map_err(|e| e.in_file(path))?;
    parse_article(&bytes, format).map_err(|e| e.in_file(path))
}

/// Parses an article file's bytes: decodes them and reads title, outlet, URL
/// and publication date. Pure, so it can be tested and fuzzed without files.
pub fn parse_article(bytes: &[u8], format: Format) -> Result<ImportedArticle, ImportError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    match format {
        Format::Text | Format::Markdown => parse_text(bytes),
        Format::Html => parse_html(bytes),
    }
}

/// A text or Markdown article: the text as decoded, metadata from its first and last lines.
fn parse_text(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    let (text, encoding) = decode(bytes, None)?;
    let meta = text::detect(&text);
    let (published, date_origin) = split_date(meta.published);
    Ok(ImportedArticle {
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        published,
        date_origin,
        encoding,
        text,
    })
}

/// An HTML article: visible text, metadata from tags, and the text's own markers as a fallback.
fn parse_html(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    let declared = decode::sniff_html_charset(bytes);
    let (page, encoding) = decode(bytes, declared.as_deref())?;
    let (text, meta) = html::parse(&page);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let found = text::detect(&text);
    let tagged = meta
        .published
        .map(|(date, tag)| (date, DateOrigin::Metadata(tag)));
    let (published, date_origin) = split_date(tagged.or(found.published));
    Ok(ImportedArticle {
        title: or_else(meta.title, found.title),
        outlet: or_else(meta.outlet, found.outlet),
        url: or_else(meta.url, found.url),
        published,
        date_origin,
        encoding,
        text,
    })
}

/// `first` unless it is empty.
fn or_else(first: String, second: String) -> String {
    if first.is_empty() { second } else { first }
}

/// A found date and its origin, as the model stores them.
fn split_date(found: Option<(NaiveDate, DateOrigin)>) -> (Option<NaiveDate>, DateOrigin) {
    match found {
        Some((date, origin)) => (Some(date), origin),
        None => (None, DateOrigin::Unknown),
    }
}

/// Every supported article file under `dir`, recursively, sorted by path.
/// Hidden files and folders (names starting with `.`) are skipped, symbolic
/// links are followed but each folder is visited once (no loops), and
/// subfolders that cannot be read are skipped; an unreadable `dir` is an error.
pub fn scan_folder(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut visited = HashSet::from([fs::canonicalize(dir)?]);
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        visit(&entry?.path(), &mut visited, &mut found);
    }
    found.sort();
    Ok(found)
}

/// Adds `path` to `found` if it is an article file, or walks it if it is a new folder.
fn visit(path: &Path, visited: &mut HashSet<PathBuf>, found: &mut Vec<PathBuf>) {
    let hidden = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'));
    if hidden {
        return;
    }
    let Ok(metadata) = fs::metadata(path) else {
        return;
    };
    if metadata.is_file() {
        if Format::from_path(path).is_some() {
            found.push(path.to_owned());
        }
        return;
    }
    let is_new_folder =
        metadata.is_dir() && fs::canonicalize(path).is_ok_and(|real| visited.insert(real));
    let Some(entries) = is_new_folder.then(|| fs::read_dir(path).ok()).flatten() else {
        return;
    };
    for entry in entries.flatten() {
        visit(&entry.path(), visited, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_paths() {
        let table = [
            ("a.txt", Some(Format::Text)),
            ("a.TEXT", Some(Format::Text)),
            ("dir/b.md", Some(Format::Markdown)),
            ("b.Markdown", Some(Format::Markdown)),
            ("c.HTML", Some(Format::Html)),
            ("c.htm", Some(Format::Html)),
            ("d.pdf", None),
            ("noextension", None),
            (".txt", None),
        ];
        for (path, expected) in table {
            assert_eq!(Format::from_path(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn parses_text_articles() {
        let text = "# Deal agreed\nPublished: 2025-05-20\nBy Jane Doe for The Kyiv Post\n\nBody.\n";
        let article = parse_article(text.as_bytes(), Format::Markdown).expect("parses");
        assert_eq!(article.text, text);
        assert_eq!(article.title, "Deal agreed");
        assert_eq!(article.outlet, "The Kyiv Post");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2025, 5, 20));
        assert_eq!(
            article.date_origin,
            DateOrigin::Detected("“Published” line".to_owned())
        );
    }

    #[test]
    fn parses_html_articles() {
        let mut page = b"<html><head><meta charset=windows-1251></head><body><p>x</p>".to_vec();
        page.extend_from_slice(b"<p>\xCF\xF0\xE8</p><p>Published May 19, 2025</p>");
        let article = parse_article(&page, Format::Html).expect("parses");
        assert_eq!(article.text, "x\n\nПри\n\nPublished May 19, 2025");
        assert_eq!(article.encoding, "windows-1251");
        assert_eq!(article.title, "x");
        assert_eq!(
            article.date_origin,
            DateOrigin::Detected("“Published” line".to_owned())
        );
    }

    #[test]
    fn errors_name_files() {
        let error = ImportError::Binary.in_file(Path::new("/tmp/photo.txt"));
        assert_eq!(
            error.to_string(),
            "photo.txt: looks like a binary file, not text"
        );
        assert!(matches!(error.cause(), ImportError::Binary));
        let missing = read_article(Path::new("/no/such/folder/a.txt")).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "could not read “/no/such/folder/a.txt”: it or its folder does not exist"
        );
        let big = ImportError::TooLarge {
            bytes: MAX_ARTICLE_BYTES + 1,
            limit: MAX_ARTICLE_BYTES,
        };
        assert_eq!(
            big.to_string(),
            "the file is too large to be an article (65 MB; the limit is 64 MB)"
        );
    }
}
