//! An article: one source text of the dossier and what is known about it.

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
    pub path: String,
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
}
