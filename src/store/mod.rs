//! Project files on disk: one human-readable `*.dossier.ron` file per
//! project, written atomically with the previous version kept as `.bak`.

mod atomic;
mod error;
mod lock;
mod owner;
mod syntax;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Project};

pub use atomic::write_atomically;
pub use error::{InWords, StoreError};

/// Just the version field, read before the rest so a newer file is refused
/// cleanly; wide enough for any number a file may hold.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u64,
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
/// A leading byte-order mark, which some editors add, is ignored.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let corrupt = |e: ron::error::SpannedError| StoreError::Corrupt {
        path: path.to_owned(),
        detail: syntax::describe(&e, text),
    };
    let version = match ron::from_str::<VersionProbe>(text) {
        Ok(probe) => probe.format_version,
        // Only the version is read as a number here, so it is the one too
        // large for any integer: a version from far in the future.
        Err(e) if e.code == ron::Error::IntegerOutOfBounds => u64::MAX,
        Err(e) => return Err(corrupt(e)),
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let mut project: Project = ron::from_str(text).map_err(corrupt)?;
    migrate(&mut project);
    Ok(project)
}

/// Brings a project read from an older format up to the current one.
/// Version 1 is the first format, so there is nothing to convert yet; later
/// versions add their steps here, oldest first.
fn migrate(project: &mut Project) {
    project.format_version = FORMAT_VERSION;
}

/// Reads a project file (only an ordinary file: never a pipe or a device,
/// which could block or never end). Opening also removes the temporary
/// files and the lock file that killed or crashed writers left beside it.
pub fn load(path: &Path) -> Result<Project, StoreError> {
    let meta = fs::metadata(path).map_err(StoreError::io("read", path))?;
    if meta.is_dir() {
        return Err(StoreError::IsFolder {
            path: path.to_owned(),
        });
    }
    if !meta.is_file() {
        return Err(StoreError::NotAFile {
            path: path.to_owned(),
        });
    }
    atomic::remove_stale_temps(path);
    lock::ProjectLock::remove_stale(path);
    let bytes = fs::read(path).map_err(StoreError::io("read", path))?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Corrupt {
        path: path.to_owned(),
        detail: format!(
            "it is not text (byte {} is not UTF-8)",
            e.utf8_error().valid_up_to()
        ),
    })?;
    from_ron(&text, path)
}

/// Checks that a project can be saved at `path` (its folder exists, and it
/// is not a folder, a pipe or a device), so long work can be refused early.
pub fn check_save_target(path: &Path) -> Result<(), StoreError> {
    atomic::check_target(path).map(drop)
}

/// Writes a project file so that nothing saved can be lost: under the
/// project's lock (a second writer is refused), the text goes to a temporary
/// file of its own, is flushed to disk, the old file becomes `.bak` and the
/// temporary file is renamed into place. A crash or kill at any point leaves
/// the project file and its backup each whole, old or new.
pub fn save(project: &Project, path: &Path) -> Result<(), StoreError> {
    let text = to_ron(project)?;
    check_save_target(path)?;
    let _lock = lock::ProjectLock::acquire(path)?;
    write_atomically(path, text.as_bytes(), true)
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
            path_bytes: None,
            title: "A “quoted” title".into(),
            outlet: String::new(),
            url: String::new(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 5, 20),
            date_origin: DateOrigin::Manual,
            content_hash: "abc".into(),
            reliability: Reliability::B,
            provenance: Default::default(),
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
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "only the project and its backup: {names:?}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", to_ron(&sample()).unwrap());
        assert_eq!(from_ron(&text, Path::new("x")).unwrap(), sample());
    }

    #[test]
    fn huge_versions_are_newer_not_out_of_bounds() {
        let text = to_ron(&sample()).unwrap().replacen(
            "format_version: 1",
            "format_version: 4294967296",
            1,
        );
        let err = from_ron(&text, Path::new("x.dossier.ron")).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerVersion {
                    found: 4294967296,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("made by a newer version"), "{err}");
        let beyond = to_ron(&sample()).unwrap().replacen(
            "format_version: 1",
            "format_version: 18446744073709551616",
            1,
        );
        let err = from_ron(&beyond, Path::new("x.dossier.ron")).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { .. }), "{err}");
    }

    #[test]
    fn messages_name_the_file_and_no_internal_types() {
        let text = to_ron(&sample()).unwrap();
        let cut = &text[..text.find("title").unwrap()];
        let err = from_ron(cut, Path::new("story.dossier.ron")).unwrap_err();
        let said = err.to_string();
        assert!(
            said.starts_with("“story.dossier.ron” is not a readable Dossier project"),
            "{said}"
        );
        assert!(said.contains("in the list of articles"), "{said}");
        for internal in ["VersionProbe", "Project", "Article", "`"] {
            assert!(!said.contains(internal), "{said}");
        }
        let missing = from_ron("()", Path::new("p")).unwrap_err().to_string();
        assert!(
            missing.contains("the entry “format_version” is missing"),
            "{missing}"
        );
        assert!(!missing.contains("VersionProbe"), "{missing}");
    }

    #[test]
    fn a_second_writer_is_refused_and_the_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.dossier.ron");
        save(&sample(), &path).unwrap();
        let held = lock::ProjectLock::acquire(&path).unwrap();
        let mut changed = sample();
        changed.articles[0].title = "changed".into();
        let err = save(&changed, &path).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("being saved by another Dossier (process"),
            "{err}"
        );
        drop(held);
        assert_eq!(load(&path).unwrap(), sample());
        save(&changed, &path).unwrap();
        assert_eq!(load(&path).unwrap(), changed);
    }

    #[test]
    fn only_ordinary_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");
        #[cfg(unix)]
        {
            let err = load(Path::new("/dev/zero")).unwrap_err();
            assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
        }
    }
}
