//! Article files outside the project's folder: a project file from someone
//! else may name any file on this machine (an absolute path, `..`, or a
//! symlink leading out), so such files are read only once the analyst agrees,
//! and the answer is saved with the project for the place it was given.

use std::path::{Path, PathBuf};

use super::{Workspace, absolute};
use crate::model::{Article, ArticleId, OutsideFiles};

impl Workspace {
    /// Articles whose files lie outside the project's folder and that the
    /// analyst has not agreed to read at this place of the project file.
    pub(super) fn outside_not_agreed(&self) -> Vec<ArticleId> {
        let Some(project_file) = &self.path else {
            return Vec::new();
        };
        let folder = resolved(&self.base_dir());
        let key = path_key(project_file);
        let answers = self.project.outside_files.answers_for(&key);
        self.project
            .articles
            .iter()
            .filter(|a| lies_outside(&self.article_path(a), &folder))
            .filter(|a| answers.get(&self.file_key(a)) != Some(true))
            .map(|a| a.id)
            .collect()
    }

    /// Outside article files not read, named where they really are (`..`
    /// taken, symlinks followed), about which the analyst has not
    /// answered: the window asks, the command line refuses without
    /// `--allow-outside`.
    pub fn outside_unanswered(&self) -> Vec<PathBuf> {
        self.outside_unread_where(|answer| answer.is_none())
    }

    /// Whether some outside article file was not read (cheap, for menus).
    pub fn has_unread_outside(&self) -> bool {
        !self.unread_outside.is_empty()
    }

    /// Every outside article file not read, answered or not.
    pub fn outside_unread(&self) -> Vec<PathBuf> {
        self.outside_unread_where(|_| true)
    }

    fn outside_unread_where(&self, keep: impl Fn(Option<bool>) -> bool) -> Vec<PathBuf> {
        let key = self.path.as_deref().map(path_key).unwrap_or_default();
        let answers = self.project.outside_files.answers_for(&key);
        self.unread_outside
            .iter()
            .filter_map(|id| self.project.article(*id))
            .filter(|a| keep(answers.get(&self.file_key(a))))
            .map(|a| resolved(&self.article_path(a)))
            .collect()
    }

    /// Reads every outside article file not yet read, because the analyst
    /// agreed; the answer is saved with the project. Returns what could not
    /// be read or re-anchored (also added to `problems`).
    pub fn read_outside_files(&mut self) -> Vec<String> {
        let ids = std::mem::take(&mut self.unread_outside);
        if ids.is_empty() {
            return Vec::new();
        }
        let articles: Vec<Article> = ids
            .iter()
            .filter_map(|id| self.project.article(*id).cloned())
            .collect();
        let before = self.problems.len();
        self.read_texts(&articles);
        self.record_outside_answers(false);
        self.revision += 1;
        self.problems[before..].to_vec()
    }

    /// Leaves the outside article files unread, because the analyst said so;
    /// the answer is saved with the project, so it is not asked again here.
    pub fn decline_outside_files(&mut self) {
        self.record_outside_answers(true);
    }

    /// Records the current answers as the project's, to be saved; with
    /// `decline`, the files not read are declined.
    fn record_outside_answers(&mut self, decline: bool) {
        let Some(project_file) = self.path.clone() else {
            return;
        };
        self.project.outside_files = self.outside_answers_at(&project_file, decline);
        self.outside_answered = true;
    }

    /// A line for `problems` naming outside files left unread as the analyst
    /// chose, so that the choice is never silent.
    pub(super) fn declined_note(&self) -> Option<String> {
        let declined: Vec<PathBuf> = self.outside_unread_where(|answer| answer == Some(false));
        if declined.is_empty() {
            return None;
        }
        let names: Vec<String> = declined.iter().map(|p| p.display().to_string()).collect();
        Some(format!(
            "{} article file(s) outside the project's folder are not read, as you chose: {}. \
             File ▸ Read files outside the project folder… reads them.",
            names.len(),
            names.join(", ")
        ))
    }

    /// The answers to save with the project when it is written to
    /// `project_file`: every outside file read so far is agreed to (the
    /// analyst imported it or agreed to it); unread files are declined with
    /// `decline`, else keep a "no" given before or stay unanswered.
    pub(super) fn outside_answers_at(&self, project_file: &Path, decline: bool) -> OutsideFiles {
        let folder = resolved(&absolute(project_file.parent().unwrap_or(Path::new(""))));
        let old_key = self.path.as_deref().map(path_key).unwrap_or_default();
        let old = self.project.outside_files.answers_for(&old_key);
        let mut answers = OutsideFiles {
            project_file: path_key(project_file),
            ..OutsideFiles::default()
        };
        for article in &self.project.articles {
            let file = self.article_path(article);
            if !lies_outside(&file, &folder) {
                continue;
            }
            let key = self.file_key(article);
            if !self.unread_outside.contains(&article.id) {
                answers.allowed.push(key);
            } else if decline || old.get(&key) == Some(false) {
                answers.declined.push(key);
            }
        }
        answers
    }

    /// How an article's file is named in the answers: its absolute path.
    fn file_key(&self, article: &Article) -> String {
        path_key(&self.article_path(article))
    }
}

/// The absolute path as text, the key answers are kept under.
fn path_key(path: &Path) -> String {
    absolute(path).to_string_lossy().into_owned()
}

/// The path with symlinks followed when it exists, else made absolute with
/// `..` taken lexically, so that a missing file is judged by its name.
fn resolved(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| lexically_normal(&absolute(path)))
}

/// `a/b/../c` as `a/c`, without touching the disk.
fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Whether `file` (followed through symlinks) lies outside `folder`, which
/// is already resolved.
fn lies_outside(file: &Path, folder: &Path) -> bool {
    !resolved(file).starts_with(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_steps_are_taken_by_name() {
        assert_eq!(
            lexically_normal(Path::new("/cases/a/../../etc/./notes.txt")),
            PathBuf::from("/etc/notes.txt")
        );
    }

    #[test]
    fn a_file_below_the_folder_is_inside_and_one_beside_it_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("case");
        std::fs::create_dir(&folder).unwrap();
        let folder = resolved(&folder);
        assert!(!lies_outside(&folder.join("articles/a.txt"), &folder));
        assert!(lies_outside(&folder.join("../elsewhere.txt"), &folder));
        assert!(lies_outside(Path::new("/etc/hostname"), &folder));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_inside_that_leads_out_is_outside() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("case");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        let link = folder.join("article.txt");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), &link).unwrap();
        assert!(lies_outside(&link, &resolved(&folder)));
    }
}
