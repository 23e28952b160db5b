//! An open project: the model plus what exists only at run time (article
//! texts, the file it lives in, the undo history, problems found on load).
//! Every change goes through [`Workspace::apply`], so it is undoable.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::extract::{Candidate, EXTRACTOR_VERSION};
use crate::import;
use crate::model::{
    Anchor, Article, ArticleId, DateOrigin, Edit, Fact, FactId, FactKind, History, Origin, Project,
    Provenance, Reliability, Status, ViewState,
};
use crate::store::{self, StoreError};

pub mod commands;
mod dating;
pub mod find;
mod outside;

/// An article read from disk with its candidates, ready to be added to a project.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedArticle {
    /// Where the file is (absolute or relative to the current directory).
    pub path: PathBuf,
    /// What the importer learned.
    pub title: String,
    /// Outlet, if known.
    pub outlet: String,
    /// URL, if known.
    pub url: String,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// How the date was obtained.
    pub date_origin: DateOrigin,
    /// The decoded text.
    pub text: Arc<str>,
    /// What the extractors found.
    pub candidates: Vec<Candidate>,
    /// Its part of a file holding several articles, its pages, author and notes.
    pub provenance: Provenance,
}

/// The open project and its run-time state.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The model: read through [`Workspace::project`], changed only by
    /// [`Workspace::execute`] (and the view state by [`Workspace::view_mut`]).
    project: Project,
    /// The project file, once saved or opened.
    pub path: Option<PathBuf>,
    /// Article texts by article.
    texts: HashMap<ArticleId, Arc<str>>,
    /// Undo/redo.
    history: History,
    /// Things the analyst must know about the last open (missing or changed files).
    pub problems: Vec<String>,
    /// Bumped on every change so panels can refresh their caches.
    revision: u64,
    /// The autosave this workspace wrote or was recovered from: saving
    /// removes an autosave only when it is this one, never another writer's
    /// unsaved work.
    own_autosave: Option<PathBuf>,
    /// Articles whose files lie outside the project's folder and were not
    /// read: the analyst has not agreed (see [`Workspace::outside_unanswered`]).
    unread_outside: Vec<ArticleId>,
    /// The analyst answered about outside files since the last save; the
    /// answer is saved with the project.
    outside_answered: bool,
    /// The days each article's text names, kept with the text they were read
    /// from, so inferring dates after each change does not read texts again.
    own_dates: HashMap<ArticleId, (Arc<str>, Arc<crate::analysis::dating::OwnDates>)>,
}

/// The hex SHA-256 of a text, to notice changed article files.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Workspace {
    /// An empty, untitled project.
    pub fn new() -> Self {
        let mut ws = Workspace::default();
        ws.history.mark_saved();
        ws
    }

    /// An untitled workspace holding `project`, as if it had just been
    /// saved (for generated projects: benchmarks and tests).
    pub fn from_project(project: Project) -> Self {
        let mut ws = Workspace {
            project,
            ..Workspace::default()
        };
        ws.history.mark_saved();
        ws
    }

    /// The model, read-only: every change is a [`commands::Command`].
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The undo history, read-only (for the labels of Undo and Redo).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// What the analyst is looking at (selection, filter, sort, tabs,
    /// timeline range). It is saved with the project but is not part of
    /// the analysis, so it changes directly, not through an undoable step.
    pub fn view_mut(&mut self) -> &mut ViewState {
        &mut self.project.view
    }

    /// Takes the project as it is now as the saved state: an import into a
    /// fresh project is not unsaved work until the analyst changes it.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// A counter that changes whenever the project does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() || self.outside_answered
    }

    /// The decoded text of an article, when its file could be read.
    pub fn text(&self, id: ArticleId) -> Option<&Arc<str>> {
        self.texts.get(&id)
    }

    /// Every article text that could be read, by article.
    pub fn texts(&self) -> &HashMap<ArticleId, Arc<str>> {
        &self.texts
    }

    /// The folder article paths are relative to.
    pub fn base_dir(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Where an article's file is on disk.
    pub fn article_path(&self, article: &Article) -> PathBuf {
        let p = article.stored_path();
        if p.is_absolute() {
            p
        } else {
            self.base_dir().join(p)
        }
    }

    /// Applies an edit as one undoable step. When it changes the articles,
    /// the inferred publication dates that follow from it are part of the
    /// same step (see `dating`).
    fn apply(&mut self, label: &str, edit: Edit) {
        let articles_change = edit.changes_articles();
        self.history.apply(&mut self.project, label, edit);
        if articles_change && let Some(dating) = self.dating_edit() {
            self.history.amend(&mut self.project, dating);
        }
        self.revision += 1;
    }

    /// Undoes the last step; returns its label.
    fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.project);
        self.revision += 1;
        label
    }

    /// Redoes the last undone step; returns its label.
    fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.project);
        self.revision += 1;
        label
    }

    /// Adds prepared articles and their facts as one undoable step.
    /// Articles already in the project (same path and part) are skipped and
    /// named in the result.
    fn add_articles(&mut self, prepared: Vec<PreparedArticle>) -> Vec<String> {
        let mut skipped = Vec::new();
        let mut articles = Vec::new();
        let mut facts = Vec::new();
        for prep in prepared {
            let path = self.stored_path(&prep.path);
            let part = &prep.provenance.part;
            if self
                .project
                .articles
                .iter()
                .chain(&articles)
                .any(|a| a.stored_path() == path && &a.provenance.part == part)
            {
                let part = if part.is_empty() {
                    String::new()
                } else {
                    format!("#{part}")
                };
                skipped.push(format!(
                    "{}{part} is already in the project",
                    path.display()
                ));
                continue;
            }
            let id = ArticleId(self.project.allocate_id());
            let mut article = Article {
                id,
                path: String::new(),
                path_bytes: None,
                title: prep.title,
                outlet: prep.outlet,
                url: prep.url,
                published: prep.published,
                date_origin: prep.date_origin,
                content_hash: content_hash(&prep.text),
                reliability: Reliability::default(),
                provenance: prep.provenance,
            };
            article.set_stored_path(&path);
            articles.push(article);
            for c in prep.candidates {
                facts.push(self.fact_from(id, &prep.text, c, Origin::Extracted(EXTRACTOR_VERSION)));
            }
            self.texts.insert(id, prep.text);
        }
        if !articles.is_empty() {
            let n = articles.len();
            let label = format!("Add {n} article{}", if n == 1 { "" } else { "s" });
            self.apply(
                &label,
                Edit::Batch(vec![
                    Edit::InsertArticles(articles),
                    Edit::InsertFacts(facts),
                ]),
            );
        }
        skipped
    }

    /// Builds a fact with a fresh id from a candidate.
    fn fact_from(&mut self, article: ArticleId, text: &str, c: Candidate, origin: Origin) -> Fact {
        Fact {
            id: FactId(self.project.allocate_id()),
            article,
            start: c.start,
            end: c.end,
            text: text.get(c.start..c.end).unwrap_or_default().to_owned(),
            kind: c.kind,
            label: c.label,
            value: c.value,
            attrs: c.attrs,
            origin,
            status: Status::Unreviewed,
            note: String::new(),
            anchor: Anchor::Exact,
        }
    }

    /// Replaces an article's extracted facts by fresh candidates, as one undoable
    /// step, keeping every fact the analyst confirmed, edited, added or rejected
    /// (a candidate on the span of such a fact is dropped).
    fn merge_extraction(&mut self, results: Vec<(ArticleId, Vec<Candidate>)>) {
        let edit = self.extraction_edit(results, None);
        self.apply("Re-run extraction", edit);
    }

    /// The edit that swaps unreviewed extracted facts (of one kind, or all)
    /// for new candidates, leaving analyst-owned facts and their spans alone.
    fn extraction_edit(
        &mut self,
        results: Vec<(ArticleId, Vec<Candidate>)>,
        only_kind: Option<FactKind>,
    ) -> Edit {
        let mut remove = Vec::new();
        let mut insert = Vec::new();
        let in_scope = |k: FactKind| only_kind.is_none_or(|o| o == k);
        for (article, candidates) in results {
            let Some(text) = self.texts.get(&article).cloned() else {
                continue;
            };
            let owned: Vec<(FactKind, usize, usize)> = self
                .project
                .facts_of(article)
                .filter(|f| f.is_analyst_owned())
                .map(|f| (f.kind, f.start, f.end))
                .collect();
            remove.extend(
                self.project
                    .facts_of(article)
                    .filter(|f| !f.is_analyst_owned() && in_scope(f.kind))
                    .map(|f| f.id),
            );
            for c in candidates.into_iter().filter(|c| in_scope(c.kind)) {
                let clashes = owned
                    .iter()
                    .any(|&(k, s, e)| k == c.kind && s < c.end && c.start < e);
                if !clashes {
                    insert.push(self.fact_from(
                        article,
                        &text,
                        c,
                        Origin::Extracted(EXTRACTOR_VERSION),
                    ));
                }
            }
        }
        Edit::Batch(vec![Edit::RemoveFacts(remove), Edit::InsertFacts(insert)])
    }

    /// The inputs a re-extraction needs: each article's text and publication date.
    pub fn extraction_inputs(
        &self,
        only: Option<ArticleId>,
    ) -> Vec<(ArticleId, Arc<str>, Option<NaiveDate>)> {
        self.project
            .articles
            .iter()
            .filter(|a| only.is_none_or(|id| id == a.id))
            .filter_map(|a| Some((a.id, self.texts.get(&a.id)?.clone(), a.published)))
            .collect()
    }

    /// How an article path is stored: relative to the project folder when possible.
    fn stored_path(&self, path: &Path) -> PathBuf {
        let abs = absolute(path);
        match &self.path {
            Some(_) => relative_to(&abs, &absolute(&self.base_dir())),
            None => abs,
        }
    }

    /// Opens a project file: reads the project, then every article's text,
    /// re-anchoring the facts of changed files and noting missing ones.
    /// Files outside the project's folder are read only when the analyst
    /// agreed for this project file; the others wait for
    /// [`Workspace::read_outside_files`] (see [`Workspace::outside_unanswered`]).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let project = store::load(path)?;
        let mut ws = Workspace {
            project,
            path: Some(path.to_owned()),
            ..Workspace::default()
        };
        ws.load_texts();
        ws.history.mark_saved();
        Ok(ws)
    }

    fn load_texts(&mut self) {
        let unread = self.outside_not_agreed();
        let articles: Vec<Article> = self
            .project
            .articles
            .iter()
            .filter(|a| !unread.contains(&a.id))
            .cloned()
            .collect();
        self.unread_outside = unread;
        self.read_texts(&articles);
        if let Some(note) = self.declined_note() {
            self.problems.push(note);
        }
    }

    /// Reads the texts of these articles (each file once, however many of
    /// its articles the project holds), re-anchors facts that no longer
    /// fit, and notes in `problems` what could not be read or moved.
    fn read_texts(&mut self, articles: &[Article]) {
        let mut changed = HashSet::new();
        let mut files: HashMap<PathBuf, Vec<&Article>> = HashMap::new();
        let mut order = Vec::new();
        for article in articles {
            let file = self.article_path(article);
            if !files.contains_key(&file) {
                order.push(file.clone());
            }
            files.entry(file).or_default().push(article);
        }
        for file in order {
            let wanted = &files[&file];
            let mut found = match import::read_file(&file, &import::Progress::NONE) {
                Ok(found) => found,
                Err(e) => {
                    for article in wanted {
                        self.problems.push(format!(
                            "{} could not be read ({e}); its facts are kept but its text is not shown",
                            article.path
                        ));
                    }
                    continue;
                }
            };
            for article in wanted {
                let part = &article.provenance.part;
                let Some(i) = found
                    .articles
                    .iter()
                    .position(|a| &a.provenance.part == part)
                else {
                    self.problems.push(format!(
                        "{} is no longer in its file; its facts are kept but its text is not shown",
                        article.path
                    ));
                    continue;
                };
                let text: Arc<str> = found.articles.swap_remove(i).text.into();
                if content_hash(&text) != article.content_hash {
                    changed.insert(article.id);
                }
                self.texts.insert(article.id, text);
            }
        }
        let counts = self.reanchor();
        for article in articles {
            let (moved, lost) = counts.get(&article.id).copied().unwrap_or_default();
            if changed.contains(&article.id) {
                self.problems.push(format!(
                    "{} changed on disk: {moved} fact(s) re-anchored, {lost} could not be found and are flagged",
                    article.path
                ));
            } else if moved + lost > 0 {
                self.problems.push(format!(
                    "{}: {} fact(s) of the project file did not fit the article's text \
                     (the project file was damaged or edited): {moved} re-anchored, {lost} flagged",
                    article.path,
                    moved + lost
                ));
            }
        }
    }

    /// Finds the quoted text of each fact whose span no longer holds it
    /// (the file changed, or the project file gives a span out of range,
    /// reversed or inside a character) again in its article, nearest its
    /// old place; flags it when it is not there. One pass over all facts.
    /// Returns, per article, how many facts moved and how many were lost.
    fn reanchor(&mut self) -> HashMap<ArticleId, (usize, usize)> {
        let mut counts: HashMap<ArticleId, (usize, usize)> = HashMap::new();
        let mut fixed = Vec::new();
        for fact in self.project.facts.values() {
            let Some(text) = self.texts.get(&fact.article) else {
                continue;
            };
            if fact.anchor == Anchor::Lost
                || text.get(fact.start..fact.end) == Some(fact.text.as_str())
            {
                continue;
            }
            let mut fact = Fact::clone(fact);
            let best = text
                .match_indices(fact.text.as_str())
                .map(|(i, _)| i)
                .filter(|_| !fact.text.is_empty())
                .min_by_key(|&i| i.abs_diff(fact.start));
            let count = counts.entry(fact.article).or_default();
            match best {
                Some(i) => {
                    fact.end = i + fact.text.len();
                    fact.start = i;
                    fact.anchor = Anchor::Moved;
                    count.0 += 1;
                }
                None => {
                    fact.anchor = Anchor::Lost;
                    count.1 += 1;
                }
            }
            fixed.push(fact);
        }
        for fact in fixed {
            self.project.facts.insert(fact.id, Arc::new(fact));
        }
        counts
    }

    /// Opens an autosave as unsaved work of the project it belongs to.
    pub fn recover(autosave: &Path) -> Result<Self, StoreError> {
        let mut ws = Workspace::open(autosave)?;
        let name = autosave.to_string_lossy();
        ws.path = name
            .strip_suffix(".autosave")
            .filter(|p| !p.ends_with("untitled.dossier.ron"))
            .map(PathBuf::from);
        ws.history = History::default();
        ws.own_autosave = Some(autosave.to_owned());
        Ok(ws)
    }

    /// Applies a metadata sheet: each row names an article by file name and
    /// sets its title, outlet, URL and publication date (re-resolving its time
    /// expressions), as one undoable step. Returns how many articles matched
    /// and the rows that matched none.
    fn apply_sheet(&mut self, rows: &[import::SheetRow], sheet_name: &str) -> (usize, Vec<String>) {
        let mut edits = Vec::new();
        let mut unmatched = Vec::new();
        let mut matched = 0;
        for row in rows {
            let Some(article) = self
                .project
                .articles
                .iter()
                .find(|a| a.file_name() == row.file || a.path == row.file)
                .cloned()
            else {
                unmatched.push(format!("{}: no such article in the project", row.file));
                continue;
            };
            matched += 1;
            let mut updated = article.clone();
            if let Some(t) = &row.title {
                updated.title = t.clone();
            }
            if let Some(o) = &row.outlet {
                updated.outlet = o.clone();
            }
            if let Some(u) = &row.url {
                updated.url = u.clone();
            }
            if row.published.is_some() && row.published != article.published {
                updated.published = row.published;
                updated.date_origin = DateOrigin::Sheet(sheet_name.to_owned());
                if let Some(text) = self.texts.get(&article.id).cloned() {
                    let times = crate::extract::time::extract(&text, row.published);
                    edits.push(
                        self.extraction_edit(vec![(article.id, times)], Some(FactKind::Time)),
                    );
                }
            }
            if updated != article {
                edits.push(Edit::ReplaceArticle(updated));
            }
        }
        if !edits.is_empty() {
            self.apply("Import metadata", Edit::Batch(edits));
        }
        (matched, unmatched)
    }

    /// Saves to `path` (Save As when it differs from the current file).
    /// Article paths are rewritten relative to the new project folder.
    pub fn save_as(&mut self, path: &Path) -> Result<(), StoreError> {
        let abs_paths: Vec<PathBuf> = self
            .project
            .articles
            .iter()
            .map(|a| absolute(&self.article_path(a)))
            .collect();
        let new_base = absolute(path.parent().unwrap_or(Path::new("")));
        let mut project = self.project.clone();
        for (article, abs) in project.articles.iter_mut().zip(&abs_paths) {
            article.set_stored_path(&relative_to(abs, &new_base));
        }
        project.outside_files = self.outside_answers_at(path, false);
        store::save(&project, path)?;
        self.project = project;
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        self.outside_answered = false;
        let autosave = store::autosave_path(path);
        if self.own_autosave.as_ref() == Some(&autosave) {
            let _ = std::fs::remove_file(&autosave);
            self.own_autosave = None;
        }
        Ok(())
    }

    /// Removes the autosave this workspace wrote or was recovered from, and
    /// no other (another window's autosave is that window's unsaved work).
    pub fn discard_own_autosave(&mut self) {
        if let Some(autosave) = self.own_autosave.take() {
            let _ = std::fs::remove_file(autosave);
        }
    }

    /// Removes an autosave the analyst chose not to recover, unless this
    /// workspace wrote it (then it holds this session's unsaved work).
    pub fn discard_unrecovered_autosave(&self, autosave: &Path) {
        if self.own_autosave.as_deref() != Some(autosave) {
            let _ = std::fs::remove_file(autosave);
        }
    }

    /// Writes the project to `target` as an autosave, with absolute article
    /// paths so it opens from wherever it is.
    pub fn autosave(&mut self, target: &Path) -> Result<(), StoreError> {
        let mut project = self.project.clone();
        for article in &mut project.articles {
            article.set_stored_path(&absolute(&self.article_path(article)));
        }
        project.outside_files = self.outside_answers_at(target, false);
        store::write_atomically(target, store::to_ron(&project)?.as_bytes(), false)?;
        self.own_autosave = Some(target.to_owned());
        Ok(())
    }
}

/// `path` made absolute against the current directory, without touching the disk.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` relative to `base` when they share a root; both absolute.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_autosave_it_wrote_is_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let others = dir.path().join("other.dossier.ron.autosave");
        std::fs::write(&others, "another window's work").unwrap();
        let mut ws = Workspace::new();
        ws.discard_own_autosave();
        assert!(others.exists(), "an autosave it did not write is kept");
        let mine = dir.path().join("mine.dossier.ron.autosave");
        ws.autosave(&mine).unwrap();
        assert!(mine.exists());
        ws.discard_own_autosave();
        assert!(!mine.exists(), "its own autosave is removed");
        assert!(others.exists());
    }

    #[test]
    fn an_autosave_not_recovered_is_removed_unless_it_is_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join("untitled.dossier.ron.autosave");
        std::fs::write(&stale, "an earlier session's work").unwrap();
        let mut ws = Workspace::new();
        ws.discard_unrecovered_autosave(&stale);
        assert!(!stale.exists(), "the autosave the analyst declined is gone");
        let mine = dir.path().join("mine.dossier.ron.autosave");
        ws.autosave(&mine).unwrap();
        ws.discard_unrecovered_autosave(&mine);
        assert!(mine.exists(), "this session's own unsaved work is kept");
    }

    #[test]
    fn relative_paths_climb_and_descend() {
        assert_eq!(
            relative_to(Path::new("/a/b/c.txt"), Path::new("/a/d")),
            PathBuf::from("../b/c.txt")
        );
        assert_eq!(
            relative_to(Path::new("/a/b/c.txt"), Path::new("/a/b")),
            PathBuf::from("c.txt")
        );
    }
}
