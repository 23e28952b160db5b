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
        }
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

/// One article of the dossier. Its text lives in the file at `path`; the
/// project keeps only what is needed to find it again and notice changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id.
    pub id: ArticleId,
    /// Path of the article file, relative to the project file when saved.
    /// A name that is not UTF-8 is shown here with replacement characters and
    /// kept exactly in `path_bytes`.
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
}

impl Article {
    /// The file name as imported, used by the command line and reports.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }

    /// The article file's path as stored, exact even when it is not UTF-8.
    pub fn stored_path(&self) -> PathBuf {
        match &self.path_bytes {
            Some(bytes) => path_from_bytes(bytes),
            None => PathBuf::from(&self.path),
        }
    }

    /// Stores `path` as the article file's path, keeping its exact bytes when
    /// it is not UTF-8.
    pub fn set_stored_path(&mut self, path: &Path) {
        self.path = path.to_string_lossy().into_owned();
        self.path_bytes = match path.to_str() {
            Some(_) => None,
            None => Some(bytes_of(path)),
        };
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
    fn a_utf8_path_is_stored_as_text_only() {
        let mut a = article();
        a.set_stored_path(Path::new("notes/résumé.txt"));
        assert_eq!(a.path, "notes/résumé.txt");
        assert_eq!(a.path_bytes, None);
        assert!(!ron::to_string(&a).unwrap().contains("path_bytes"));
        assert_eq!(a.stored_path(), Path::new("notes/résumé.txt"));
    }
}
