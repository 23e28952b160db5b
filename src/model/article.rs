//! An article: one source text of the dossier and what is known about it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::ArticleId;

/// How an article's publication date was obtained, so the analyst can tell a
/// guess from a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DateOrigin {
    /// No date could be found; relative expressions stay unresolved.
    #[default]
    Unknown,
    /// Found in the document's metadata (an HTML `<meta>` tag, say).
    Metadata(String),
    /// Found in the text (a dateline or a "Published" line).
    Detected(String),
    /// Read from a metadata sheet (CSV/TSV) the analyst imported.
    Sheet(String),
    /// Set by the analyst.
    Manual,
    /// Proposed from the rest of the dossier (the other articles' dates and
    /// the dates this one mentions), for the analyst to confirm; the phrase
    /// says how. Replaced when the dossier changes or the analyst sets a date.
    Inferred(String),
}

impl DateOrigin {
    /// A short phrase for the articles panel and reports.
    pub fn describe(&self) -> String {
        match self {
            DateOrigin::Unknown => "unknown".to_owned(),
            DateOrigin::Metadata(how) => format!("from metadata ({how})"),
            DateOrigin::Detected(how) => format!("detected in text ({how})"),
            DateOrigin::Sheet(file) => format!("from sheet {file}"),
            DateOrigin::Manual => "set by hand".to_owned(),
            DateOrigin::Inferred(how) => {
                format!("inferred from the dossier — please confirm ({how})")
            }
        }
    }

    /// True for a date the analyst has not confirmed and no source states:
    /// one proposed from the rest of the dossier.
    pub fn is_inferred(&self) -> bool {
        matches!(self, DateOrigin::Inferred(_))
    }
}

/// Source reliability on the Admiralty (NATO) A–F scale; `F` means "cannot be judged".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged (the default for a new source).
    #[default]
    F,
}

impl Reliability {
    /// Every grade, in order, for pickers.
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    /// The grade's meaning in the Admiralty system.
    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "cannot be judged",
        }
    }
}

/// Where an article sits in its file and what the file said about it beyond
/// title, outlet and date: what a fact needs to say "page 3" or "message 12",
/// and what the reader of a mailbox or a PDF should still be able to see.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// Which of the articles of a file holding several this is (`3` for the
    /// third message of a mailbox, `line 12` for a row of a dump, `item 2`
    /// of a feed, `report.pdf` for an e-mail's attachment); empty for a file
    /// that is one article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
    /// Byte offsets in the text where each page starts (the first is 0), for
    /// formats with pages (PDF); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
    /// The author the file names (an e-mail's From, a document's creator).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// What else the file said that has no field of its own: an e-mail's
    /// attachments, a document's creation date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Provenance {
    /// True when nothing is known beyond the file itself (kept out of project files).
    pub fn is_empty(&self) -> bool {
        self == &Provenance::default()
    }

    /// The page (counting from 1) holding byte `offset` of the text, for paged formats.
    pub fn page_at(&self, offset: usize) -> Option<usize> {
        match self.pages.partition_point(|&start| start <= offset) {
            0 => None,
            page => Some(page),
        }
    }
}

/// One article of the dossier. Its text lives in the file at `path`; the
/// project keeps only what is needed to find it again and notice changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id.
    pub id: ArticleId,
    /// Path of the article file, relative to the project file when saved,
    /// followed by `#` and the part for an article that is one of several in
    /// its file (`mail/box.mbox#3`). A name that is not UTF-8 is shown here
    /// with replacement characters and kept exactly in `path_bytes`.
    pub path: String,
    /// The path's exact bytes when it is not UTF-8 (Unix file names may be
    /// any bytes), so that such a file reopens; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<Vec<u8>>,
    /// Title: the HTML title or the first non-empty line.
    pub title: String,
    /// Outlet, when it could be told from a URL or byline.
    #[serde(default)]
    pub outlet: String,
    /// Canonical URL, when known.
    #[serde(default)]
    pub url: String,
    /// Publication date, used to resolve "Friday" and "last month".
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// How `published` was obtained.
    #[serde(default)]
    pub date_origin: DateOrigin,
    /// SHA-256 of the decoded text, to notice a changed file on reopen.
    pub content_hash: String,
    /// The analyst's reliability grade for this source.
    #[serde(default)]
    pub reliability: Reliability,
    /// Its part of a file holding several articles, its pages, author and notes.
    #[serde(default, skip_serializing_if = "Provenance::is_empty")]
    pub provenance: Provenance,
}

impl Article {
    /// The file name as imported (with `#part` for one of several articles
    /// of a file), used by the command line and reports.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }

    /// The article file's path as stored (without its `#part`), exact even
    /// when it is not UTF-8.
    pub fn stored_path(&self) -> PathBuf {
        match &self.path_bytes {
            Some(bytes) => path_from_bytes(bytes),
            None => PathBuf::from(
                self.path
                    .strip_suffix(&self.part_suffix())
                    .unwrap_or(&self.path),
            ),
        }
    }

    /// Stores `path` as the article file's path (followed by the part, set
    /// before), keeping its exact bytes when it is not UTF-8.
    pub fn set_stored_path(&mut self, path: &Path) {
        self.path = path.to_string_lossy().into_owned() + &self.part_suffix();
        self.path_bytes = match path.to_str() {
            Some(_) => None,
            None => Some(bytes_of(path)),
        };
    }

    /// `#part` for one of several articles of a file, empty otherwise.
    fn part_suffix(&self) -> String {
        match self.provenance.part.as_str() {
            "" => String::new(),
            part => format!("#{part}"),
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(unix)]
fn bytes_of(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

/// Elsewhere a path that is not Unicode is kept as the lossy text.
#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(not(unix))]
fn bytes_of(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    fn article() -> Article {
        Article {
            id: ArticleId(1),
            path: String::new(),
            path_bytes: None,
            title: String::new(),
            outlet: String::new(),
            url: String::new(),
            published: None,
            date_origin: DateOrigin::Unknown,
            content_hash: String::new(),
            reliability: Reliability::F,
            provenance: Provenance::default(),
        }
    }

    #[test]
    fn a_file_name_that_is_not_utf8_is_kept_exactly() {
        let name = Path::new(std::ffi::OsStr::from_bytes(b"notes/r\xe9sum\xe9.txt"));
        let mut a = article();
        a.set_stored_path(name);
        assert_eq!(a.path, "notes/r\u{fffd}sum\u{fffd}.txt");
        assert_eq!(a.stored_path(), name);
        let text = ron::to_string(&a).unwrap();
        let back: Article = ron::from_str(&text).unwrap();
        assert_eq!(back.stored_path(), name);
    }

    #[test]
    fn one_of_several_articles_of_a_file_shows_its_part() {
        let mut a = article();
        a.provenance.part = "line 12".into();
        a.set_stored_path(Path::new("dumps/news.jsonl"));
        assert_eq!(a.path, "dumps/news.jsonl#line 12");
        assert_eq!(a.file_name(), "news.jsonl#line 12");
        assert_eq!(a.stored_path(), Path::new("dumps/news.jsonl"));
        let back: Article = ron::from_str(&ron::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        let odd = Path::new(std::ffi::OsStr::from_bytes(b"r\xe9.mbox"));
        a.set_stored_path(odd);
        assert_eq!(a.stored_path(), odd);
    }

    #[test]
    fn pages_tell_where_an_offset_is() {
        let pages = Provenance {
            pages: vec![0, 100, 250],
            ..Provenance::default()
        };
        assert_eq!(pages.page_at(0), Some(1));
        assert_eq!(pages.page_at(99), Some(1));
        assert_eq!(pages.page_at(100), Some(2));
        assert_eq!(pages.page_at(10_000), Some(3));
        assert_eq!(Provenance::default().page_at(5), None);
    }

    #[test]
    fn inferred_dates_say_so_and_survive_saving() {
        let mut a = article();
        a.published = chrono::NaiveDate::from_ymd_opt(2025, 5, 16);
        a.date_origin = DateOrigin::Inferred("latest date it mentions".to_owned());
        assert!(a.date_origin.is_inferred());
        assert!(a.date_origin.describe().contains("please confirm"));
        let back: Article = ron::from_str(&ron::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        let old = ron::to_string(&article()).unwrap();
        assert!(!old.contains("Inferred"));
        assert_eq!(ron::from_str::<Article>(&old).unwrap(), article());
    }

    #[test]
    fn a_utf8_path_is_stored_as_text_only() {
        let mut a = article();
        a.set_stored_path(Path::new("notes/résumé.txt"));
        assert_eq!(a.path, "notes/résumé.txt");
        assert_eq!(a.path_bytes, None);
        assert!(!ron::to_string(&a).unwrap().contains("path_bytes"));
        assert_eq!(a.stored_path(), Path::new("notes/résumé.txt"));
    }
}
