//! Project files on disk: one human-readable `*.dossier.ron` file per
//! project, written atomically with the previous version kept as `.bak`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Project};

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a Dossier project, or is damaged.
    #[error("{path} is not a readable Dossier project (it may be damaged): {detail}")]
    Corrupt {
        /// The file concerned.
        path: PathBuf,
        /// Where and why parsing failed.
        detail: String,
    },
    /// The file was written by a newer Dossier.
    #[error(
        "{path} was saved by a newer version of Dossier (format {found}; this version reads up to {supported}). \
         It was not changed; open it with a newer Dossier."
    )]
    NewerVersion {
        /// The file concerned.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The project could not be turned into text (should not happen).
    #[error("could not write the project: {0}")]
    Serialize(String),
}

/// Just the version field, read before the rest so a newer file is refused cleanly.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// The path of the backup kept beside a project file.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// The path of the autosave kept beside a project file.
pub fn autosave_path(path: &Path) -> PathBuf {
    with_suffix(path, ".autosave")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Turns a project into its RON text.
pub fn to_ron(project: &Project) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .struct_names(false)
        .separate_tuple_members(false);
    ron::ser::to_string_pretty(project, config).map_err(|e| StoreError::Serialize(e.to_string()))
}

/// Reads a project from RON text; `path` only names the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        detail,
    };
    let probe: VersionProbe = ron::from_str(text).map_err(|e| corrupt(e.to_string()))?;
    if probe.format_version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    let mut project: Project = ron::from_str(text).map_err(|e| corrupt(e.to_string()))?;
    migrate(&mut project);
    Ok(project)
}

/// Brings a project read from an older format up to the current one.
/// Version 1 is the first format, so there is nothing to convert yet; later
/// versions add their steps here, oldest first.
fn migrate(project: &mut Project) {
    project.format_version = FORMAT_VERSION;
}

/// Reads a project file.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Corrupt {
        path: path.to_owned(),
        detail: format!("not UTF-8 text ({e})"),
    })?;
    from_ron(&text, path)
}

/// Writes a project file atomically: the text goes to a temporary file in
/// the same folder, is flushed to disk, the old file becomes `.bak`, and the
/// temporary file is renamed into place. A crash at any point leaves either
/// the old or the new file whole.
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    let text = to_ron(project)?;
    write_atomically(path, text.as_bytes(), true)
}

/// Writes `bytes` to `path` through a temporary file and a rename; keeps the
/// previous file as `.bak` when `keep_backup` is set.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let io = |p: &Path| {
        let p = p.to_owned();
        move |source| StoreError::Io { path: p, source }
    };
    let tmp = with_suffix(path, ".tmp");
    {
        let mut file = fs::File::create(&tmp).map_err(io(&tmp))?;
        file.write_all(bytes).map_err(io(&tmp))?;
        file.sync_all().map_err(io(&tmp))?;
    }
    if keep_backup && path.exists() {
        fs::copy(path, backup_path(path)).map_err(io(path))?;
    }
    fs::rename(&tmp, path).map_err(io(path))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = fs::File::open(dir)
    {
        // Makes the rename itself durable; not every platform allows it, hence no error.
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, DateOrigin, Reliability};

    fn sample() -> Project {
        let mut p = Project::default();
        let id = ArticleId(p.allocate_id());
        p.articles.push(Article {
            id,
            path: "a.txt".into(),
            title: "A “quoted” title".into(),
            outlet: String::new(),
            url: String::new(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 5, 20),
            date_origin: DateOrigin::Manual,
            content_hash: "abc".into(),
            reliability: Reliability::B,
        });
        p
    }

    #[test]
    fn round_trips_through_ron() {
        let p = sample();
        let text = to_ron(&p).unwrap();
        assert_eq!(from_ron(&text, Path::new("x")).unwrap(), p);
    }

    #[test]
    fn refuses_newer_versions_by_name() {
        let text =
            to_ron(&sample())
                .unwrap()
                .replacen("format_version: 1", "format_version: 99", 1);
        let err = from_ron(&text, Path::new("x.dossier.ron")).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerVersion { found: 99, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn reports_corrupt_files() {
        let err = from_ron("(format_version: 1, articles: [", Path::new("x")).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }

    #[test]
    fn save_keeps_a_backup_of_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.dossier.ron");
        let mut p = sample();
        save(&p, &path).unwrap();
        p.articles[0].title = "changed".into();
        save(&p, &path).unwrap();
        assert_eq!(load(&path).unwrap().articles[0].title, "changed");
        assert_eq!(
            load(&backup_path(&path)).unwrap().articles[0].title,
            "A “quoted” title"
        );
        assert!(!with_suffix(&path, ".tmp").exists());
    }
}
