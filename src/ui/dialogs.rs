//! File dialogs: native ones through rfd, and a path prompt for desktops
//! where no native dialog service runs (rfd then answers "nothing" at once).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a file dialog is being shown; decides its filters and what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a `*.dossier.ron` project.
    OpenProject,
    /// Open a folder of articles as a new project.
    OpenFolder,
    /// Add article files to the project.
    AddFiles,
    /// Choose where to save the project.
    SaveProject,
    /// Read a CSV/TSV sheet of article metadata.
    ImportSheet,
    /// Write the facts table as CSV.
    ExportCsv,
    /// Write the facts table as JSON.
    ExportJson,
    /// Write the comparison report (Markdown, HTML or JSON by extension).
    ExportReport,
    /// Write the event timeline as a picture (SVG or PNG by extension).
    ExportTimeline,
}

impl Purpose {
    /// The dialog title.
    pub fn title(self) -> &'static str {
        match self {
            Purpose::OpenProject => "Open project",
            Purpose::OpenFolder => "Open folder of articles",
            Purpose::AddFiles => "Add article files",
            Purpose::SaveProject => "Save project as",
            Purpose::ImportSheet => "Import metadata sheet",
            Purpose::ExportCsv => "Export facts as CSV",
            Purpose::ExportJson => "Export facts as JSON",
            Purpose::ExportReport => "Export comparison report",
            Purpose::ExportTimeline => "Export timeline",
        }
    }

    /// True when the dialog chooses a file to write.
    pub fn is_save(self) -> bool {
        matches!(
            self,
            Purpose::SaveProject
                | Purpose::ExportCsv
                | Purpose::ExportJson
                | Purpose::ExportReport
                | Purpose::ExportTimeline
        )
    }

    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Purpose::OpenProject | Purpose::SaveProject => ("Dossier project", &["ron"]),
            Purpose::OpenFolder => ("Folder", &[]),
            Purpose::AddFiles => ("Articles", &crate::import::EXTENSIONS),
            Purpose::ImportSheet => ("Metadata sheet", &["csv", "tsv", "txt"]),
            Purpose::ExportCsv => ("CSV", &["csv"]),
            Purpose::ExportJson => ("JSON", &["json"]),
            Purpose::ExportReport => ("Report", &["md", "html", "json"]),
            Purpose::ExportTimeline => ("Picture", &["svg", "png"]),
        }
    }
}

/// What a dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The analyst chose these paths.
    Chosen(Vec<PathBuf>),
    /// The analyst closed the dialog.
    Cancelled,
    /// No native dialog could be shown; the app must offer its own prompt.
    Unavailable,
}

/// Shows file dialogs; the app owns one, tests give it a scripted one.
pub trait FileDialogs {
    /// Asks for a path for `purpose`, starting in `dir`, suggesting `name` for saves.
    fn ask(&mut self, purpose: Purpose, dir: Option<&Path>, name: &str) -> Answer;
}

/// Native dialogs through the desktop portal (rfd).
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// A dialog that returns nothing faster than this was never shown.
const INSTANT_ANSWER: Duration = Duration::from_millis(150);

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, purpose: Purpose, dir: Option<&Path>, name: &str) -> Answer {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            return Answer::Unavailable;
        }
        let (filter_name, exts) = purpose.filter();
        let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
        if !exts.is_empty() {
            dialog = dialog.add_filter(filter_name, exts);
        }
        if let Some(dir) = dir {
            dialog = dialog.set_directory(dir);
        }
        let asked = Instant::now();
        let chosen = match purpose {
            Purpose::OpenFolder => dialog.pick_folder().map(|p| vec![p]),
            Purpose::AddFiles => dialog.pick_files(),
            Purpose::OpenProject | Purpose::ImportSheet => dialog.pick_file().map(|p| vec![p]),
            Purpose::SaveProject
            | Purpose::ExportCsv
            | Purpose::ExportJson
            | Purpose::ExportReport
            | Purpose::ExportTimeline => dialog.set_file_name(name).save_file().map(|p| vec![p]),
        };
        match chosen {
            Some(paths) if !paths.is_empty() => Answer::Chosen(paths),
            _ if asked.elapsed() < INSTANT_ANSWER => Answer::Unavailable,
            _ => Answer::Cancelled,
        }
    }
}

impl Purpose {
    /// True when a path the prompt suggests fits this dialog: folders
    /// always (to go into them), files only when the dialog picks files of
    /// that kind.
    pub fn suggests(self, path: &Path) -> bool {
        if path.is_dir() {
            return true;
        }
        if self == Purpose::OpenFolder {
            return false;
        }
        let (_, exts) = self.filter();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        exts.is_empty() || exts.contains(&ext.as_str())
    }
}

/// The folder a dialog starts in: `remembered` when it still exists, else
/// the nearest folder above it that does.
pub fn start_dir(remembered: Option<&Path>) -> Option<PathBuf> {
    remembered?
        .ancestors()
        .find(|d| !d.as_os_str().is_empty() && d.is_dir())
        .map(Path::to_path_buf)
}

/// `dir` as the prompt's text: with one separator at its end, ready for a
/// file name to be typed or completed.
pub fn prompt_text(dir: &Path) -> String {
    let mut text = dir.display().to_string();
    if !text.ends_with(std::path::MAIN_SEPARATOR) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}

/// Entries of the folder named by a typed path whose names start with what
/// follows the last separator and that fit `purpose`, for the fallback
/// prompt's completion list.
pub fn completions(typed: &str, limit: usize, purpose: Purpose) -> Vec<PathBuf> {
    let typed_path = Path::new(typed);
    let (dir, prefix) = if typed.ends_with(std::path::MAIN_SEPARATOR) || typed.is_empty() {
        (typed_path.to_path_buf(), String::new())
    } else {
        (
            typed_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            typed_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )
    };
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && name.starts_with(&prefix)
        })
        .map(|e| e.path())
        .filter(|p| purpose.suggests(p))
        .collect();
    out.sort();
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_names_in_the_typed_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("alpha.txt"), "x").unwrap();
        std::fs::write(dir.path().join("beta.txt"), "x").unwrap();
        let typed = format!("{}/al", dir.path().display());
        let add = Purpose::AddFiles;
        assert_eq!(
            completions(&typed, 10, add),
            vec![dir.path().join("alpha.txt")]
        );
        let all = format!("{}/", dir.path().display());
        assert_eq!(completions(&all, 10, add).len(), 2);
    }

    #[test]
    fn a_folder_prompt_suggests_folders_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        std::fs::create_dir(dir.path().join("nested")).unwrap();
        let all = prompt_text(dir.path());
        assert_eq!(
            completions(&all, 10, Purpose::OpenFolder),
            vec![dir.path().join("nested")]
        );
        assert!(
            completions(&all, 10, Purpose::ExportCsv)
                .iter()
                .all(|p| p.is_dir())
        );
    }

    #[test]
    fn a_vanished_folder_starts_the_dialog_in_the_nearest_one_above() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("moved").join("away");
        assert_eq!(start_dir(Some(&gone)), Some(dir.path().to_path_buf()));
        assert_eq!(start_dir(None), None);
    }

    #[test]
    fn the_prompt_text_ends_in_one_separator() {
        assert_eq!(prompt_text(Path::new("/")), "/");
        assert_eq!(prompt_text(Path::new("/tmp/")), "/tmp/");
        assert_eq!(prompt_text(Path::new("/tmp")), "/tmp/");
    }
}
