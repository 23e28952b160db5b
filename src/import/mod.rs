//! Placeholder until the importers land; same interface.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::DateOrigin;

/// What an importer learned from one article file.
pub struct ImportedArticle {
    /// Decoded text.
    pub text: String,
    /// Title.
    pub title: String,
    /// Outlet.
    pub outlet: String,
    /// URL.
    pub url: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// How the date was obtained.
    pub date_origin: DateOrigin,
    /// Encoding name.
    pub encoding: String,
}

/// One row of a metadata sheet.
pub struct SheetRow {
    /// File name.
    pub file: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Date.
    pub published: Option<NaiveDate>,
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// IO.
    #[error("{path}: {source}")]
    Io {
        /// Path.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
}

/// Reads one article.
pub fn read_article(path: &Path) -> Result<ImportedArticle, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(ImportedArticle {
        title: text.lines().next().unwrap_or("").to_owned(),
        text,
        outlet: String::new(),
        url: String::new(),
        published: None,
        date_origin: DateOrigin::Unknown,
        encoding: "UTF-8".into(),
    })
}

/// Lists article files.
pub fn scan_folder(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// Reads a metadata sheet.
pub fn read_sheet(_path: &Path) -> Result<Vec<SheetRow>, ImportError> {
    Ok(Vec::new())
}
