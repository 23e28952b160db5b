//! Reading a file the analyst (or a project someone sent) named, safely:
//! only ordinary files are read, never a pipe, a device or a socket (which
//! could block forever or never end, also behind a symbolic link), and never
//! more than a cap, enforced while reading rather than trusted from the size
//! the file system reports.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

use super::ImportError;

/// The bytes of the ordinary file at `path`, at most `cap` of them; a bigger
/// file is `TooLarge`, anything but an ordinary file `NotAFile`.
pub(super) fn read_bounded(path: &Path, cap: u64) -> Result<Vec<u8>, ImportError> {
    let io_error = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    // Followed through symbolic links, and checked before opening: opening
    // a pipe alone can block.
    let meta = std::fs::metadata(path).map_err(io_error)?;
    check(&meta, cap)?;
    let file = open(path).map_err(io_error)?;
    // Checked again on what was opened, in case the name changed meanwhile.
    let meta = file.metadata().map_err(io_error)?;
    check(&meta, cap)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > cap {
        return Err(ImportError::TooLarge {
            bytes: read.max(meta.len()),
            limit: cap,
        });
    }
    Ok(bytes)
}

/// The ordinary file at `path`, opened to be read as a stream (a mailbox, a
/// dump): anything but an ordinary file is `NotAFile`, checked before and
/// after opening.
pub(super) fn open_ordinary(path: &Path) -> Result<File, ImportError> {
    let io_error = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    check(&std::fs::metadata(path).map_err(io_error)?, u64::MAX)?;
    let file = open(path).map_err(io_error)?;
    check(&file.metadata().map_err(io_error)?, u64::MAX)?;
    Ok(file)
}

/// Refuses what is not an ordinary file, or is larger than `cap`.
fn check(meta: &Metadata, cap: u64) -> Result<(), ImportError> {
    if !meta.is_file() {
        return Err(ImportError::NotAFile {
            kind: kind_of(meta),
        });
    }
    if meta.len() > cap {
        return Err(ImportError::TooLarge {
            bytes: meta.len(),
            limit: cap,
        });
    }
    Ok(())
}

/// What a file that is not an ordinary one is, in plain words.
fn kind_of(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not an ordinary file"
}

/// Opens `path` for reading; on Unix without waiting, so that a pipe slipped
/// in after the check cannot block.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn ordinary_files_are_read_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap(), b"0123456789");
        let err = read_bounded(&path, 9).unwrap_err();
        assert!(
            matches!(
                err,
                ImportError::TooLarge {
                    bytes: 10,
                    limit: 9
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_bounded(dir.path(), 10).unwrap_err();
        assert!(
            matches!(err, ImportError::NotAFile { kind: "a folder" }),
            "{err}"
        );
    }

    #[test]
    #[cfg(unix)]
    fn an_endless_device_behind_a_link_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let started = Instant::now();
        let err = read_bounded(&link, 1024).unwrap_err();
        assert!(
            matches!(err, ImportError::NotAFile { kind: "a device" }),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    #[cfg(unix)]
    fn a_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let started = Instant::now();
        let err = read_bounded(&fifo, 1024).unwrap_err();
        assert!(
            matches!(
                err,
                ImportError::NotAFile {
                    kind: "a named pipe"
                }
            ),
            "{err}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    #[cfg(unix)]
    fn the_pipe_check_holds_even_for_what_was_opened() {
        // A pipe opened without waiting is still refused by the second check.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let file = open(&fifo).expect("opens without blocking");
        let err = check(&file.metadata().unwrap(), 1024).unwrap_err();
        assert!(matches!(err, ImportError::NotAFile { .. }), "{err}");
    }
}
