//! One writer at a time: while a project is saved, an advisory lock is held
//! on `NAME.lock` beside it, and the file records who holds it (process,
//! computer, since when). A second writer is refused with those names. The
//! system releases the lock of a process that dies, so a lock file left by a
//! killed writer is simply taken over; where the file system has no locks,
//! the recorded process is checked instead.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{StoreError, owner, with_suffix};

/// How long a lock recorded by another computer counts, on file systems
/// without locks: saves take seconds, so an older one was left by a crash.
const FOREIGN_LOCK_MINUTES: i64 = 10;

/// How often taking the lock starts again after its file was replaced
/// under it (each time another writer finished in between).
const ATTEMPTS: usize = 10;

/// The lock on a project, held until dropped; dropping removes the lock file.
#[derive(Debug)]
pub(super) struct ProjectLock {
    path: PathBuf,
    _file: File,
}

/// Who holds a lock, as its file records it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    pid: u32,
    host: String,
    since: Option<DateTime<Utc>>,
}

impl ProjectLock {
    /// Takes the lock of `project`, or says who holds it.
    pub(super) fn acquire(project: &Path) -> Result<ProjectLock, StoreError> {
        let path = with_suffix(project, ".lock");
        let io = |e| StoreError::io("save", project)(e);
        for _ in 0..ATTEMPTS {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(locked(project, Holder::read(&mut file)));
                }
                // No locks on this file system: trust the record instead.
                Err(TryLockError::Error(_)) => {
                    if let Some(holder) = Holder::read(&mut file).filter(Holder::is_active) {
                        return Err(locked(project, Some(holder)));
                    }
                }
            }
            // The holder before us may have removed the file after we opened
            // it; a lock on a removed file guards nothing, so start again.
            if !is_same_file(&file, &path) {
                continue;
            }
            Holder::me().write(&mut file).map_err(io)?;
            return Ok(ProjectLock { path, _file: file });
        }
        Err(locked(project, None))
    }

    /// Removes the lock file of `project` when no one holds it (its writer
    /// was killed), so that opening a project tidies up. Best effort.
    pub(super) fn remove_stale(project: &Path) {
        if with_suffix(project, ".lock").exists() {
            drop(ProjectLock::acquire(project));
        }
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still locked; the lock goes with the file handle.
        let _ = fs::remove_file(&self.path);
    }
}

/// The refusal for `project`, naming the holder when the lock file says.
fn locked(project: &Path, holder: Option<Holder>) -> StoreError {
    StoreError::Locked {
        path: project.to_owned(),
        holder: holder.map_or_else(
            || "its lock file does not say which".to_owned(),
            |h| h.to_string(),
        ),
    }
}

/// True when the open `file` is still the one at `path`.
#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// True when the open `file` is still the one at `path` (elsewhere: when a
/// file is there at all).
#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl Holder {
    /// This process, now.
    fn me() -> Holder {
        Holder {
            pid: owner::pid(),
            host: owner::host(),
            since: Some(Utc::now()),
        }
    }

    /// The holder recorded in a lock file; `None` when it records none.
    fn read(file: &mut File) -> Option<Holder> {
        let mut text = String::new();
        file.rewind().ok()?;
        file.take(4096).read_to_string(&mut text).ok()?;
        Holder::parse(&text)
    }

    /// Reads `pid=…`, `host=…` and `since=…` lines.
    fn parse(text: &str) -> Option<Holder> {
        let field = |key: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
                .map(str::trim)
        };
        Some(Holder {
            pid: field("pid")?.parse().ok()?,
            host: field("host").unwrap_or_default().to_owned(),
            since: field("since").and_then(|s| s.parse().ok()),
        })
    }

    /// Replaces the lock file's record with this holder, flushed to disk.
    fn write(&self, file: &mut File) -> std::io::Result<()> {
        let since = self.since.map(|t| t.to_rfc3339()).unwrap_or_default();
        file.set_len(0)?;
        file.rewind()?;
        write!(
            file,
            "pid={}\nhost={}\nsince={since}\n",
            self.pid, self.host
        )?;
        file.sync_data()
    }

    /// Whether the recorded writer may still be saving: its process runs on
    /// this computer, or, on another one, it took the lock a short while ago.
    fn is_active(&self) -> bool {
        if self.host == owner::host() {
            return owner::is_running(self.pid);
        }
        self.since
            .is_some_and(|t| (Utc::now() - t).num_minutes() < FOREIGN_LOCK_MINUTES)
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "process {}", self.pid)?;
        if !self.host.is_empty() {
            write!(f, " on {}", self.host)?;
        }
        if let Some(since) = self.since {
            write!(f, ", since {}", since.format("%Y-%m-%d %H:%M:%S UTC"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_with_the_holders_name() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.dossier.ron");
        let held = ProjectLock::acquire(&project).unwrap();
        let err = ProjectLock::acquire(&project).unwrap_err();
        let said = err.to_string();
        assert!(matches!(err, StoreError::Locked { .. }), "{said}");
        assert!(
            said.contains(&format!("process {}", owner::pid())),
            "{said}"
        );
        assert!(said.contains(&owner::host()), "{said}");
        assert!(said.contains("p.dossier.ron"), "{said}");
        drop(held);
        assert!(!with_suffix(&project, ".lock").exists());
        assert!(ProjectLock::acquire(&project).is_ok());
    }

    #[test]
    fn a_lock_file_left_by_a_dead_writer_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.dossier.ron");
        let lock_file = with_suffix(&project, ".lock");
        fs::write(
            &lock_file,
            "pid=1\nhost=elsewhere\nsince=2001-01-01T00:00:00Z\n",
        )
        .unwrap();
        let held = ProjectLock::acquire(&project).unwrap();
        let record = Holder::parse(&fs::read_to_string(&lock_file).unwrap()).unwrap();
        assert_eq!(record.pid, owner::pid());
        drop(held);
        assert!(!lock_file.exists());
    }

    #[test]
    fn opening_removes_a_lock_file_no_one_holds() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.dossier.ron");
        let lock_file = with_suffix(&project, ".lock");
        fs::write(&lock_file, "pid=1\nhost=elsewhere\n").unwrap();
        ProjectLock::remove_stale(&project);
        assert!(!lock_file.exists());
        let held = ProjectLock::acquire(&project).unwrap();
        ProjectLock::remove_stale(&project);
        assert!(lock_file.exists(), "a held lock stays");
        drop(held);
    }

    #[test]
    fn records_are_read_back_and_judged() {
        let me = Holder::me();
        assert!(me.is_active());
        let mut file = tempfile::tempfile().unwrap();
        me.write(&mut file).unwrap();
        let read = Holder::read(&mut file).unwrap();
        assert_eq!(read.pid, me.pid);
        assert_eq!(read.host, me.host);
        let old_foreign =
            Holder::parse("pid=7\nhost=elsewhere\nsince=2001-01-01T00:00:00Z").unwrap();
        assert!(!old_foreign.is_active());
        assert_eq!(
            old_foreign.to_string(),
            "process 7 on elsewhere, since 2001-01-01 00:00:00 UTC"
        );
        assert_eq!(Holder::parse("garbage"), None);
    }
}
