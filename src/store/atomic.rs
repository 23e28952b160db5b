//! Replacing a file so that a crash, a kill, a full disk or a second writer
//! can never leave it (or its backup) half written: the new text goes to a
//! temporary file of its own, is flushed to disk and renamed over the old
//! file; the backup is a hard link to the old file (or a flushed copy in its
//! own temporary file), renamed over the old backup. Renames are atomic, so
//! each name always holds one whole version.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::owner;
use super::{StoreError, backup_path, with_suffix};

/// Counts the temporary files of this process, so each has its own name.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` through a temporary file and a rename; keeps the
/// previous file as `.bak` when `keep_backup` is set. On failure nothing of
/// the attempt is left behind and `path` is unchanged (its backup may then
/// already be a copy of it: still a whole version).
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let existing = check_target(path)?;
    remove_stale_temps(path);
    let tmp = write_temp(path, |file| file.write_all(bytes))?;
    let result = (|| {
        if keep_backup && existing {
            back_up(path)?;
        }
        fs::rename(&tmp, path).map_err(StoreError::io("save", path))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_folder(path);
    Ok(())
}

/// Checks that `path` can be written as a file: its folder exists and it is
/// not a folder, a pipe or a device. Returns whether a file is there already.
pub(super) fn check_target(path: &Path) -> Result<bool, StoreError> {
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(StoreError::NoFolder {
            path: path.to_owned(),
            folder: folder.to_owned(),
        });
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(StoreError::IsFolder {
            path: path.to_owned(),
        }),
        Ok(meta) if !meta.is_file() => Err(StoreError::NotAFile {
            path: path.to_owned(),
        }),
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreError::io("save", path)(e)),
    }
}

/// The folder `path` is in (the current folder for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A new temporary file beside `target` filled by `fill` and flushed to disk;
/// errors name `target`, and a failed temporary file is removed.
fn write_temp(
    target: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<PathBuf, StoreError> {
    let (tmp, mut file) = create_temp(target).map_err(StoreError::io("save", target))?;
    let written = fill(&mut file).and_then(|()| file.sync_all());
    drop(file);
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(StoreError::io("save", target)(e))
        }
    }
}

/// Creates a new temporary file beside `target`, never opening an existing
/// one; a name taken (by a dead process whose id this one now has) is
/// skipped for the next.
fn create_temp(target: &Path) -> std::io::Result<(PathBuf, File)> {
    let mut attempts = 0;
    loop {
        let tmp = temp_path(target);
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
            }
            opened => return opened.map(|file| (tmp, file)),
        }
    }
}

/// Makes the current `path` the backup, atomically: a hard link to it (or,
/// where links are not supported, a flushed copy) under a temporary name,
/// renamed over the old backup.
fn back_up(path: &Path) -> Result<(), StoreError> {
    let backup = backup_path(path);
    let io = |e| StoreError::io("keep the previous version as", &backup)(e);
    let link = temp_path(path);
    let tmp = match fs::hard_link(path, &link) {
        Ok(()) => link,
        Err(_) => write_temp(path, |file| {
            std::io::copy(&mut File::open(path)?, file).map(drop)
        })
        .map_err(|e| match e {
            StoreError::Io { source, .. } => io(source),
            other => other,
        })?,
    };
    let renamed = fs::rename(&tmp, &backup);
    // When the backup already was this very file (an earlier save stopped
    // between its two renames), the rename leaves the temporary name in place.
    let _ = fs::remove_file(&tmp);
    renamed.map_err(io)
}

/// A name for a new temporary file beside `target`: `NAME.PID.N.tmp`, unique
/// to this process and this write.
fn temp_path(target: &Path) -> PathBuf {
    let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
    with_suffix(target, &format!(".{}.{n}.tmp", owner::pid()))
}

/// The id of the process that wrote `name`, when it is a temporary file of
/// `target_name` as `temp_path` makes them.
fn temp_owner(name: &str, target_name: &str) -> Option<u32> {
    let rest = name.strip_prefix(target_name)?.strip_prefix('.')?;
    let (pid, rest) = rest.strip_suffix(".tmp")?.split_once('.')?;
    let counter_ok = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    counter_ok.then(|| pid.parse().ok()).flatten()
}

/// Removes the temporary files of `target` left by writers that were killed
/// or crashed (their process has ended). Best effort: a file that cannot be
/// removed stays until a later save.
pub(super) fn remove_stale_temps(target: &Path) {
    let Some(target_name) = target.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let stale = name
            .to_str()
            .and_then(|name| temp_owner(name, target_name))
            .is_some_and(|pid| !owner::is_running(pid));
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Flushes the folder of `path`, which makes the renames themselves durable;
/// not every platform allows it, hence no error.
fn sync_folder(path: &Path) {
    if let Ok(dir) = File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn temporary_names_are_unique_and_recognised() {
        let target = Path::new("/d/p.dossier.ron");
        let (a, b) = (temp_path(target), temp_path(target));
        assert_ne!(a, b);
        let name = a.file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_owner(name, "p.dossier.ron"), Some(owner::pid()));
        assert_eq!(
            temp_owner("p.dossier.ron.12.3.tmp", "p.dossier.ron"),
            Some(12)
        );
        assert_eq!(
            temp_owner("p.dossier.ron.autosave.12.3.tmp", "p.dossier.ron"),
            None
        );
        assert_eq!(temp_owner("p.dossier.ron.12..tmp", "p.dossier.ron"), None);
        assert_eq!(temp_owner("p.dossier.ron.tmp", "p.dossier.ron"), None);
    }

    #[test]
    fn a_temporary_name_left_by_an_earlier_process_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let next = NEXT_TEMP.load(Ordering::Relaxed);
        for n in next..next + 3 {
            let taken = with_suffix(&path, &format!(".{}.{n}.tmp", owner::pid()));
            fs::write(taken, "someone else's").unwrap();
        }
        write_atomically(&path, b"text", false).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "text");
    }

    #[test]
    fn backups_rotate_and_nothing_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        for text in ["one", "two", "three"] {
            write_atomically(&path, text.as_bytes(), true).unwrap();
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "two");
        assert_eq!(names_in(dir.path()), ["p.ron", "p.ron.bak"]);
    }

    #[test]
    fn a_backup_that_is_already_the_file_is_handled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, "old").unwrap();
        fs::hard_link(&path, backup_path(&path)).unwrap();
        write_atomically(&path, b"new", true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        assert_eq!(names_in(dir.path()), ["p.ron", "p.ron.bak"]);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn stale_temporary_files_of_ended_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let ended = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!("p.ron.{ended}.0.tmp"));
        let ours = temp_path(&path);
        let other = dir.path().join(format!("q.ron.{ended}.0.tmp"));
        for file in [&stale, &ours, &other] {
            fs::write(file, "partial").unwrap();
        }
        write_atomically(&path, b"text", false).unwrap();
        assert!(!stale.exists());
        assert!(ours.exists(), "this process may still be writing it");
        assert!(
            other.exists(),
            "another file's temporary file is not ours to remove"
        );
    }

    #[test]
    fn unwritable_targets_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nowhere/p.ron");
        let err = write_atomically(&missing, b"x", true).unwrap_err();
        assert!(matches!(err, StoreError::NoFolder { .. }), "{err}");
        assert!(err.to_string().contains("nowhere”"), "{err}");
        let err = write_atomically(dir.path(), b"x", true).unwrap_err();
        assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    #[cfg(unix)]
    fn a_pipe_named_as_target_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let err = write_atomically(&fifo, b"x", true).unwrap_err();
        assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
        assert_eq!(names_in(dir.path()), ["p.ron"]);
    }

    #[test]
    fn a_write_failing_part_way_is_reported_and_leaves_nothing() {
        // What a full disk does: the first bytes go, then the system refuses.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let err = write_temp(&path, |file| {
            file.write_all(b"x")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert!(err.to_string().contains("the disk is full"), "{err}");
        assert!(err.to_string().contains("p.ron”"), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }
}
