//! Why a project file could not be read or written, in the analyst's words:
//! every message names the file and says what went wrong without the
//! program's internal names.

use std::fmt;
use std::io::ErrorKind;
use std::path::PathBuf;

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused.
    #[error("could not {action} “{}”: {}", .path.display(), InWords(.source))]
    Io {
        /// What was being done ("save", "read" …), completing "could not …".
        action: &'static str,
        /// The file concerned.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a Dossier project, or is damaged.
    #[error("“{}” is not a readable Dossier project (it may be damaged): {detail}", .path.display())]
    Corrupt {
        /// The file concerned.
        path: PathBuf,
        /// Where and why reading failed, in plain words.
        detail: String,
    },
    /// The file was written by a newer Dossier.
    #[error(
        "“{}” was made by a newer version of Dossier (format {found}; this version reads up to {supported}). \
         It was not changed; open it with a newer Dossier.", .path.display()
    )]
    NewerVersion {
        /// The file concerned.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The folder a project is to be saved in does not exist.
    #[error("cannot save “{}”: the folder “{}” does not exist", .path.display(), .folder.display())]
    NoFolder {
        /// The project file asked for.
        path: PathBuf,
        /// Its missing folder.
        folder: PathBuf,
    },
    /// The name given for a project is a folder.
    #[error(
        "cannot save to “{}”: it is a folder; give a file name inside it, such as “{}”",
        .path.display(), .path.join("project.dossier.ron").display()
    )]
    IsFolder {
        /// The folder named.
        path: PathBuf,
    },
    /// The name given for, or read as, a project is a pipe, a device or a socket.
    #[error("“{}” is not an ordinary file (it is a pipe, a device or a socket); nothing was read or written", .path.display())]
    NotAFile {
        /// The file named.
        path: PathBuf,
    },
    /// Another Dossier is saving the same project right now.
    #[error(
        "cannot save “{}”: it is being saved by another Dossier ({holder}); nothing was changed. \
         Try again once that save has finished.", .path.display()
    )]
    Locked {
        /// The project file.
        path: PathBuf,
        /// Who holds the lock (process, computer, since when), as the lock file says.
        holder: String,
    },
    /// The project could not be turned into text (should not happen).
    #[error("could not write the project: {0}")]
    Serialize(String),
}

impl StoreError {
    /// A builder for `Io` errors about `path`, for `map_err`.
    pub(super) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

/// An operating-system error in plain words (the system's own text when
/// there are no plainer ones), for every message about a file.
pub struct InWords<'a>(pub &'a std::io::Error);

impl fmt::Display for InWords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = match self.0.kind() {
            ErrorKind::NotFound => "it or its folder does not exist",
            ErrorKind::PermissionDenied => {
                "permission denied (the folder or the file may be read-only)"
            }
            ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
            ErrorKind::StorageFull => "the disk is full; nothing was changed",
            ErrorKind::QuotaExceeded => "your disk quota is used up; nothing was changed",
            ErrorKind::IsADirectory => "it is a folder",
            ErrorKind::FileTooLarge => "the file is too large for this disk",
            _ => return write!(f, "{}", self.0),
        };
        f.write_str(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Error;

    #[test]
    fn system_errors_are_told_in_plain_words() {
        let full = StoreError::io("save", "/x/p.dossier.ron")(Error::from(ErrorKind::StorageFull));
        assert_eq!(
            full.to_string(),
            "could not save “/x/p.dossier.ron”: the disk is full; nothing was changed"
        );
        let denied = StoreError::io("read", "q.ron")(Error::from(ErrorKind::PermissionDenied));
        assert!(
            denied
                .to_string()
                .starts_with("could not read “q.ron”: permission denied")
        );
        let other = StoreError::io("save", "r.ron")(Error::other("strange"));
        assert_eq!(other.to_string(), "could not save “r.ron”: strange");
    }

    #[test]
    fn a_folder_named_as_project_gets_an_example_name() {
        let err = StoreError::IsFolder {
            path: PathBuf::from("/data/story"),
        };
        assert_eq!(
            err.to_string(),
            "cannot save to “/data/story”: it is a folder; give a file name inside it, such as “/data/story/project.dossier.ron”"
        );
    }
}
