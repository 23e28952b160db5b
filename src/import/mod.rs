//! Importers: article files (text, Markdown, HTML, PDF, Word and
//! OpenDocument, e-mail and mailboxes, news feeds, JSON Lines and CSV dumps)
//! and the analyst's metadata sheet, turned into text plus what is known
//! about each article. One file may hold many articles (a mailbox, a feed, a
//! dump). Reading is separated from parsing (`read_file` = file system +
//! `parse_file`) so the parsing can be tested, and fuzzed, without files.

mod dates;
mod decode;
mod detect;
mod dump;
mod entities;
mod feed;
mod file;
mod html;
mod jsonld;
mod mail;
mod office;
mod outlet;
mod pdf;
mod plan;
mod sheet;
mod stream;
mod text;

use std::collections::HashSet;
use std::fs;
use std::io::BufReader;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{DateOrigin, Provenance};
use crate::store::InWords;

pub use decode::decode;
pub use plan::ImportPlan;
pub use sheet::{Sheet, SheetRow, parse_sheet, read_sheet};
pub use stream::Progress;

/// The largest article accepted (64 MiB of file, or of text taken from a
/// document): bigger ones are almost certainly not articles, and would make
/// the window sluggish.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest PDF, Word, OpenDocument, e-mail or feed file accepted
/// (256 MiB): pictures make such files much bigger than their text.
/// Mailboxes and dumps are read as a stream and have no limit of their own.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// The extensions of the article files Dossier reads, for file dialogs.
pub const EXTENSIONS: [&str; 17] = [
    "txt", "text", "md", "markdown", "html", "htm", "pdf", "docx", "odt", "eml", "mbox", "rss",
    "atom", "xml", "jsonl", "ndjson", "csv",
];

/// What an importer learned from one article.
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
    /// Its part of a file holding several, its pages, author and notes.
    pub provenance: Provenance,
}

/// What one file yielded: its articles, and what in it could not be imported
/// while the rest could (a bad row of a dump, a broken attachment).
#[derive(Debug, Default)]
pub struct FileArticles {
    /// The articles in the file's order, each with a distinct part (empty for
    /// a file that is one article).
    pub articles: Vec<ImportedArticle>,
    /// What was left out, each saying where (`line 12: …`).
    pub problems: Vec<ImportError>,
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
    /// A PDF with a text layer; page starts are kept.
    Pdf,
    /// A Word document (`.docx`).
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// One e-mail (`.eml`); its attachments of a supported format are articles too.
    Email,
    /// A mailbox (`.mbox`), one article per message, read as a stream.
    Mbox,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml`), one article per item.
    Feed,
    /// A JSON Lines dump (`.jsonl`, `.ndjson`), one article per line.
    JsonLines,
    /// A CSV dump with a text column, one article per row.
    Csv,
}

impl Format {
    /// The format a file's extension (any case) stands for; `None` for unsupported files.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "eml" => Some(Format::Email),
            "mbox" => Some(Format::Mbox),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format's name in messages.
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
            Format::Docx => "Word (.docx)",
            Format::Odt => "OpenDocument (.odt)",
            Format::Email => "e-mail",
            Format::Mbox => "mailbox",
            Format::Feed => "RSS or Atom feed",
            Format::JsonLines => "JSON Lines",
            Format::Csv => "CSV",
        }
    }

    /// The largest file of this format read whole; `None` for those read as a stream.
    fn file_limit(self) -> Option<u64> {
        match self {
            Format::Text | Format::Markdown | Format::Html => Some(MAX_ARTICLE_BYTES),
            Format::Pdf | Format::Docx | Format::Odt | Format::Email | Format::Feed => {
                Some(MAX_DOCUMENT_BYTES)
            }
            Format::Mbox | Format::JsonLines | Format::Csv => None,
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
    #[error(
        "“{}” is not a supported article file (use .txt, .md, .html, .pdf, .docx, .odt, .eml, .mbox, .rss, .atom, .jsonl or .csv)",
        .path.display()
    )]
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
    /// A PDF whose pages hold no text (scanned pages, pictures of text).
    #[error("the PDF has no text layer — needs OCR; nothing was imported")]
    NoTextLayer,
    /// A PDF locked with a password.
    #[error(
        "the PDF is encrypted (it needs a password); save a copy without the password to import it"
    )]
    Encrypted,
    /// The file is damaged or is not of the format its extension says.
    #[error("it is not a readable {format} file ({detail})")]
    Damaged {
        /// The format, in words.
        format: &'static str,
        /// What the reader found wrong.
        detail: String,
    },
    /// A compressed part of a Word or OpenDocument file unpacks to more than
    /// the limit: refused unread, as a zip bomb would be.
    #[error(
        "its part “{entry}” unpacks to more than {} MB; refused as a possible zip bomb",
        mib(*.limit)
    )]
    TooMuchToUnpack {
        /// The part of the archive.
        entry: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// A dump has no column (or JSON field) holding the article text.
    #[error(
        "no text column: one named text, body, content, article, full_text or similar is needed (found: {found})"
    )]
    NoTextColumn {
        /// The columns it has.
        found: String,
    },
    /// A row of a dump could not be imported; the other rows were.
    #[error("line {line}: {reason}")]
    BadRow {
        /// The line the row starts on, counting from 1.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// A part of a file holding several articles (a message, an attachment) could not be imported.
    #[error("{part}: {error}")]
    InPart {
        /// The part (`message 3`, `attachment “report.pdf”`).
        part: String,
        /// What went wrong with it.
        error: Box<ImportError>,
    },
    /// The analyst cancelled the import.
    #[error("the import was cancelled")]
    Cancelled,
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

/// Reads and parses one article file, and gives its first article; errors
/// name the file. See [`read_file`] for files that hold several.
pub fn read_article(path: &Path) -> Result<ImportedArticle, ImportError> {
    let found = read_file(path, &Progress::NONE)?;
    found
        .articles
        .into_iter()
        .next()
        .ok_or_else(|| ImportError::Empty.in_file(path))
}

/// Reads and parses one file into its articles; errors and problems name the
/// file. Only ordinary files are read; a mailbox or a dump is read as a
/// stream (never whole into memory), reporting to `progress` and stopping
/// when it says so, other files whole up to their format's limit.
pub fn read_file(path: &Path, progress: &Progress) -> Result<FileArticles, ImportError> {
    let format = Format::from_path(path).ok_or_else(|| ImportError::Unsupported {
        path: path.to_owned(),
    })?;
    let found = match format.file_limit() {
        Some(limit) => file::read_bounded(path, limit).and_then(|bytes| parse_file(&bytes, format)),
        None => file::open_ordinary(path).and_then(|file| {
            let reader = BufReader::new(stream::Watched::new(file, progress));
            guarded(format, || parse_stream(reader, format, progress))
        }),
    };
    let mut found = found.map_err(|e| e.in_file(path))?;
    found.problems = found
        .problems
        .into_iter()
        .map(|e| e.in_file(path))
        .collect();
    Ok(found)
}

/// Parses a file's bytes into its articles. Pure, so it can be tested and
/// fuzzed without files; a reader that panics on bad input is caught and
/// its file named as damaged.
pub fn parse_file(bytes: &[u8], format: Format) -> Result<FileArticles, ImportError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if let Some(limit) = format.file_limit().filter(|&limit| size > limit) {
        return Err(ImportError::TooLarge { bytes: size, limit });
    }
    guarded(format, || match format {
        Format::Text | Format::Markdown => one(parse_text(bytes)),
        Format::Html => one(parse_html(bytes)),
        Format::Pdf => one(pdf::parse(bytes)),
        Format::Docx => one(office::parse_docx(bytes)),
        Format::Odt => one(office::parse_odt(bytes)),
        Format::Email => mail::parse_email(bytes),
        Format::Feed => feed::parse(bytes),
        Format::Mbox | Format::JsonLines | Format::Csv => {
            parse_stream(bytes, format, &Progress::NONE)
        }
    })
}

/// The articles of a file read as a stream.
fn parse_stream(
    reader: impl std::io::BufRead,
    format: Format,
    progress: &Progress,
) -> Result<FileArticles, ImportError> {
    match format {
        Format::Mbox => mail::read_mbox(reader, progress),
        Format::Csv => dump::read_csv(reader, progress),
        _ => dump::read_json_lines(reader, progress),
    }
}

/// `read` run so that a panic in a third-party reader becomes a message
/// naming the file as damaged, never a crash.
fn guarded(
    format: Format,
    read: impl FnOnce() -> Result<FileArticles, ImportError>,
) -> Result<FileArticles, ImportError> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ImportError::Damaged {
            format: format.name(),
            detail: "its reader stopped on malformed content".to_owned(),
        })
    })
}

/// A file that is one article.
fn one(article: Result<ImportedArticle, ImportError>) -> Result<FileArticles, ImportError> {
    Ok(FileArticles {
        articles: vec![article?],
        problems: Vec::new(),
    })
}

/// Parses an article file's bytes and gives its first article: decodes them
/// and reads title, outlet, URL and publication date.
pub fn parse_article(bytes: &[u8], format: Format) -> Result<ImportedArticle, ImportError> {
    parse_file(bytes, format)?
        .articles
        .into_iter()
        .next()
        .ok_or(ImportError::Empty)
}

/// An article made of text taken from a document: metadata from its first
/// and last lines, as for a text file. Refuses empty and oversized text.
fn from_text(text: String, encoding: &str) -> Result<ImportedArticle, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(with_own_metadata(text, encoding.to_owned()))
}

/// A text or Markdown article: the text as decoded, metadata from its first and last lines.
fn parse_text(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    let (text, encoding) = decode(bytes, None)?;
    Ok(with_own_metadata(text, encoding))
}

/// An article of plain text whose title, outlet, URL and date are read
/// from its own first and last lines (a dateline, a byline, a link).
fn with_own_metadata(text: String, encoding: String) -> ImportedArticle {
    let meta = text::detect(&text);
    let (published, date_origin) = split_date(meta.published.or_else(|| url_date(&meta.url)));
    ImportedArticle {
        title: meta.title,
        outlet: meta.outlet,
        url: meta.url,
        published,
        date_origin,
        encoding,
        text,
        provenance: Provenance::default(),
    }
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
    let url = or_else(meta.url, found.url);
    let found_date = tagged.or(found.published).or_else(|| url_date(&url));
    let (published, date_origin) = split_date(found_date);
    Ok(ImportedArticle {
        title: or_else(meta.title, found.title),
        outlet: or_else(meta.outlet, found.outlet),
        url,
        published,
        date_origin,
        encoding,
        text,
        provenance: Provenance::default(),
    })
}

/// `first` unless it is empty.
fn or_else(first: String, second: String) -> String {
    if first.is_empty() { second } else { first }
}

/// The day the article's own address states, when it states one.
fn url_date(url: &str) -> Option<(NaiveDate, DateOrigin)> {
    let date = dates::date_in_url(url)?;
    Some((
        date,
        DateOrigin::Detected("date in the article’s URL".to_owned()),
    ))
}

/// Dates an article still without a date by the day its URL states, for
/// importers that set the URL from the file's metadata (a feed item's link,
/// a dump's URL column).
fn date_from_url(article: &mut ImportedArticle) {
    if article.published.is_none()
        && let Some((date, origin)) = url_date(&article.url)
    {
        article.published = Some(date);
        article.date_origin = origin;
    }
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

/// True for a folder's metadata sheet (`metadata.csv`), which is read as
/// such, never as a dump of articles.
fn is_metadata_sheet(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.eq_ignore_ascii_case("metadata.csv"))
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
        if Format::from_path(path).is_some() && !is_metadata_sheet(path) {
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
            ("d.pdf", Some(Format::Pdf)),
            ("e.DOCX", Some(Format::Docx)),
            ("box.mbox", Some(Format::Mbox)),
            ("news.ndjson", Some(Format::JsonLines)),
            ("d.doc", None),
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
