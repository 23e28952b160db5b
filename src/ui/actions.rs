//! What the app does after drawing: the actions panels and menus ask for
//! (dialogs, opening, importing, saving, exporting, autosave), run once the
//! frame is drawn so no panel does file work itself.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::dialogs::{self, Answer, Purpose};
use super::modals::Modal;
use super::{AUTOSAVE_EVERY, App, MAX_RECENT, PanelState};
use crate::commands::{Command, Done};
use crate::export;
use crate::import::{ImportPlan, Sheet};
use crate::jobs::Job;
use crate::store;
use crate::workspace::Workspace;

/// Side effects the panels ask for; run by the app after drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Start an empty project.
    NewProject,
    /// Ask for a dialog for this purpose.
    Ask(Purpose),
    /// Open a project file or an article folder.
    OpenPath(PathBuf),
    /// Add these article files or folders to the project.
    AddPaths(Vec<PathBuf>),
    /// Save to the current file (Save As when untitled).
    Save,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Run the extractors again over every article.
    ReExtract,
    /// Apply a metadata sheet to the project's articles.
    ImportSheet(PathBuf),
    /// Write the facts table to this file (CSV or JSON by extension).
    ExportFacts(PathBuf),
    /// Recover the autosave written beside (or for) a project.
    RecoverAutosave(PathBuf),
    /// Ask whether to read the project's article files outside its folder.
    AskOutsideFiles,
    /// Read the project's article files outside its folder (the analyst agreed).
    ReadOutsideFiles,
    /// Leave the project's article files outside its folder unread.
    DeclineOutsideFiles,
    /// Close the window.
    Quit,
}

impl Action {
    /// True when the action would throw away the open project.
    pub(super) fn discards_project(&self) -> bool {
        matches!(
            self,
            Action::NewProject
                | Action::OpenPath(_)
                | Action::Ask(Purpose::OpenProject | Purpose::OpenFolder)
                | Action::RecoverAutosave(_)
                | Action::Quit
        )
    }
}

impl App {
    /// Where unsaved work of an untitled project is autosaved.
    pub(super) fn untitled_autosave(&self) -> PathBuf {
        self.data_dir.join("untitled.dossier.ron.autosave")
    }

    /// The autosave of the open project.
    pub(super) fn current_autosave(&self) -> PathBuf {
        self.ws
            .path
            .as_deref()
            .map_or_else(|| self.untitled_autosave(), store::autosave_path)
    }

    pub(super) fn run_queued(&mut self, ctx: &egui::Context) {
        self.run_asks(ctx);
        for command in std::mem::take(&mut self.commands) {
            let done = self.execute_now(command);
            self.show_problems("Not all of it could be done", &done.problems);
        }
        for action in std::mem::take(&mut self.actions) {
            if action.discards_project() && self.ws.is_dirty() && self.modal.is_none() {
                self.modal = Some(Modal::ConfirmDiscard(action));
                continue;
            }
            self.run_action(action);
        }
    }

    /// Lists `problems` in a dialog titled `title`; nothing when there are none.
    pub(super) fn show_problems(&mut self, title: impl Into<String>, problems: &[String]) {
        if !problems.is_empty() {
            self.modal = Some(Modal::Message {
                title: title.into(),
                body: problems.join("\n"),
            });
        }
    }

    /// Executes a command at once and shows what it did in the status bar
    /// (nothing when it changed nothing); returns it for its problems.
    pub(super) fn execute_now(&mut self, command: Command) -> Done {
        match self.ws.execute(command) {
            Ok(done) => {
                if !done.message.is_empty() {
                    self.status.clone_from(&done.message);
                }
                done
            }
            Err(e) => {
                self.status = e.to_string();
                Done::default()
            }
        }
    }

    /// Runs an action now, without asking about unsaved changes.
    pub(super) fn run_action(&mut self, action: Action) {
        match action {
            Action::NewProject => self.replace_workspace(Workspace::new(), "New project".into()),
            Action::Ask(purpose) => self.ask(purpose),
            Action::OpenPath(path) => self.open_path(path),
            Action::AddPaths(paths) => self.add_paths(paths),
            Action::Save => match self.ws.path.clone() {
                Some(path) => self.save_to(path),
                None => self.ask(Purpose::SaveProject),
            },
            Action::SaveTo(path) => self.save_to(path),
            Action::ReExtract => {
                let inputs = self.ws.extraction_inputs(None);
                self.start_job(Job::extract(inputs));
            }
            Action::ImportSheet(path) => self.import_sheet(&path),
            Action::ExportFacts(path) => self.export_facts(&path),
            Action::RecoverAutosave(path) => self.recover_autosave(&path),
            Action::AskOutsideFiles => self.ask_outside_files(None),
            Action::ReadOutsideFiles => self.read_outside_files(),
            Action::DeclineOutsideFiles => {
                self.ws.decline_outside_files();
                self.status = "Files outside the project folder were left unread.".into();
            }
            Action::Quit => self.closing_confirmed = true,
        }
    }

    /// Saves the project, then runs `next` (an action the unsaved-changes
    /// dialog held back) once the save succeeded, after the Save As dialog
    /// when the project is untitled.
    pub(super) fn save_then(&mut self, next: Action) {
        self.after_save = Some(next);
        self.run_action(Action::Save);
    }

    /// A dialog was closed without a choice: what waited for it is dropped.
    pub(super) fn dialog_cancelled(&mut self) {
        if self.after_save.take().is_some() {
            self.status = "Not saved, so nothing else was done.".into();
        }
    }

    pub(super) fn ask(&mut self, purpose: Purpose) {
        let name = match purpose {
            Purpose::SaveProject => "analysis.dossier.ron",
            Purpose::ExportCsv => "facts.csv",
            Purpose::ExportJson => "facts.json",
            Purpose::ExportReport => "report.md",
            Purpose::ExportTimeline => "timeline.svg",
            _ => "",
        };
        let dir = dialogs::start_dir(self.settings.last_dir.as_deref())
            .or_else(|| self.ws.path.is_some().then(|| self.ws.base_dir()));
        match self.dialogs.ask(purpose, dir.as_deref(), name) {
            Answer::Chosen(paths) => self.answered(purpose, paths),
            Answer::Cancelled => self.dialog_cancelled(),
            Answer::Unavailable => {
                let start = dir.as_deref().map(dialogs::prompt_text).unwrap_or_default();
                self.modal = Some(Modal::PathPrompt {
                    purpose,
                    text: if purpose.is_save() {
                        format!("{start}{name}")
                    } else {
                        start
                    },
                });
            }
        }
    }

    /// Continues after a dialog (native or fallback) named paths.
    pub fn answered(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        self.settings.last_dir = first.parent().map(Path::to_path_buf).filter(|p| p.is_dir());
        if purpose == Purpose::OpenFolder {
            self.settings.last_dir = Some(first.clone());
        }
        match purpose {
            Purpose::OpenProject | Purpose::OpenFolder => self.open_path(first),
            Purpose::AddFiles => self.add_paths(paths),
            Purpose::SaveProject => self.save_to(with_project_extension(first)),
            Purpose::ImportSheet => self.import_sheet(&first),
            Purpose::ExportCsv | Purpose::ExportJson => self.export_facts(&first),
            Purpose::ExportReport => self.export_report(&first),
            Purpose::ExportTimeline => self.export_timeline(&first),
        }
    }

    /// Opens a project file or an article folder, replacing the open project.
    pub fn open_path(&mut self, path: PathBuf) {
        if path.is_dir() {
            self.replace_workspace(
                Workspace::new(),
                format!("Opened folder {}", path.display()),
            );
            self.remember(&path);
            self.add_paths(vec![path]);
            return;
        }
        match Workspace::open(&path) {
            Ok(ws) => {
                let problems = ws.problems.clone();
                self.replace_workspace(ws, format!("Opened {}", path.display()));
                self.remember(&path);
                if !problems.is_empty() {
                    self.modal = Some(Modal::Message {
                        title: "Some article files have problems".into(),
                        body: problems.join("\n"),
                    });
                }
                let autosave = store::autosave_path(&path);
                if is_newer(&autosave, &path) {
                    self.modal = Some(Modal::OfferRecovery(autosave));
                }
                if !self.ws.outside_unanswered().is_empty() {
                    let next = self.modal.take().map(Box::new);
                    self.ask_outside_files(next);
                }
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not open the project".into(),
                    body: e.to_string(),
                });
            }
        }
    }

    pub(super) fn replace_workspace(&mut self, ws: Workspace, status: String) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.import_is_clean = false;
        self.ws = ws;
        self.panels = PanelState::default();
        self.status = status;
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Imports files and folders (each folder with its metadata sheet) in
    /// the background, as the command line does.
    pub(super) fn add_paths(&mut self, paths: Vec<PathBuf>) {
        if self.job.is_some() {
            self.status = "Wait for the running job to finish (or cancel it) first.".into();
            return;
        }
        let plan = ImportPlan::new(&paths, None);
        if plan.files.is_empty() {
            self.status = plan
                .problems
                .first()
                .cloned()
                .unwrap_or_else(|| "No article files found.".into());
            return;
        }
        self.show_problems("Not everything named could be imported", &plan.problems);
        self.start_job(Job::import(plan.files, plan.sheet));
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
        match self.ws.save_as(&path) {
            Ok(()) => {
                self.status = format!("Saved {}", path.display());
                self.remember(&path);
                if let Some(next) = self.after_save.take() {
                    self.run_action(next);
                }
            }
            Err(e) => {
                let held_back = if self.after_save.take().is_some() {
                    "\nNothing else was done, so no work is lost."
                } else {
                    ""
                };
                self.modal = Some(Modal::Message {
                    title: "Could not save".into(),
                    body: format!(
                        "{e}\nYour work is still open; try another folder (File > Save As…).{held_back}"
                    ),
                });
            }
        }
    }

    pub(super) fn import_sheet(&mut self, path: &Path) {
        match Sheet::read(path) {
            Ok(sheet) => {
                let done = self.execute_now(Command::ApplySheet(sheet));
                self.show_problems("Some rows name no article of the project", &done.problems);
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not read the metadata sheet".into(),
                    body: e,
                })
            }
        }
    }

    /// Writes the comparison report: HTML or JSON by extension, Markdown otherwise.
    pub(super) fn export_report(&mut self, path: &Path) {
        let comparison = crate::analysis::Comparison::run(self.ws.project(), self.ws.texts());
        let report = export::report::Report::build(&self.ws, &comparison);
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let text = match ext.as_str() {
            "html" | "htm" => report.to_html(),
            "json" => report.to_json(),
            _ => report.to_markdown(),
        };
        match store::write_atomically(path, text.as_bytes(), false) {
            Ok(()) => self.status = format!("Wrote the report to {}", path.display()),
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not export the report".into(),
                    body: e.to_string(),
                })
            }
        }
    }

    /// Writes the event timeline as SVG, or as PNG when the name ends in .png.
    pub(super) fn export_timeline(&mut self, path: &Path) {
        let comparison = crate::analysis::Comparison::run(self.ws.project(), self.ws.texts());
        let rows = crate::analysis::timeline::event_rows(self.ws.project(), &comparison.events);
        let sources: Vec<String> = self
            .ws
            .project()
            .articles
            .iter()
            .map(|a| a.file_name().to_owned())
            .collect();
        let svg = export::timeline_svg::timeline_svg(&rows, &sources);
        let png = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"));
        let bytes = if png {
            export::timeline_svg::svg_to_png(&svg)
        } else {
            Ok(svg.into_bytes())
        };
        let written =
            bytes.and_then(|b| store::write_atomically(path, &b, false).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.status = format!(
                    "Wrote the timeline ({} events) to {}",
                    rows.len(),
                    path.display()
                )
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not export the timeline".into(),
                    body: e,
                })
            }
        }
    }

    pub(super) fn export_facts(&mut self, path: &Path) {
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let text = if is_json {
            export::facts_json(&self.ws)
        } else {
            export::facts_csv(&self.ws)
        };
        match store::write_atomically(path, text.as_bytes(), false) {
            Ok(()) => {
                self.status = format!(
                    "Exported {} fact(s) to {}",
                    self.ws.project().facts.len(),
                    path.display()
                )
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not export".into(),
                    body: e.to_string(),
                })
            }
        }
    }

    /// Asks whether to read the article files outside the project's folder
    /// (naming them); `next` is the dialog to show after the answer.
    pub(super) fn ask_outside_files(&mut self, next: Option<Box<Modal>>) {
        let files = self.ws.outside_unread();
        if files.is_empty() {
            self.modal = next.map(|m| *m);
            return;
        }
        self.modal = Some(Modal::ConfirmOutside { files, next });
    }

    /// Reads the outside files the analyst agreed to, naming any that failed.
    pub(super) fn read_outside_files(&mut self) {
        let problems = self.ws.read_outside_files();
        self.status = "Read the article files outside the project folder.".into();
        if !problems.is_empty() {
            self.modal = Some(Modal::Message {
                title: "Some article files have problems".into(),
                body: problems.join("\n"),
            });
        }
    }

    pub(super) fn recover_autosave(&mut self, autosave: &Path) {
        match Workspace::recover(autosave) {
            Ok(ws) => self.replace_workspace(
                ws,
                "Recovered unsaved work from the autosave; save it to keep it.".into(),
            ),
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not recover the autosave".into(),
                    body: e.to_string(),
                })
            }
        }
    }

    pub(super) fn autosave_if_due(&mut self) {
        if !self.ws.is_dirty() || self.last_autosave.elapsed() < AUTOSAVE_EVERY {
            return;
        }
        self.last_autosave = Instant::now();
        let target = self.current_autosave();
        if let Err(e) = std::fs::create_dir_all(&self.data_dir)
            .map_err(|e| e.to_string())
            .and_then(|()| self.ws.autosave(&target).map_err(|e| e.to_string()))
        {
            self.status = format!("Autosave failed: {e}");
        }
    }
}

/// True for `*.dossier.ron` (or any `.ron`) files.
pub(super) fn is_project_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Adds `.dossier.ron` to a chosen save name that lacks it.
pub(super) fn with_project_extension(path: PathBuf) -> PathBuf {
    if is_project_file(&path) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".dossier.ron");
        PathBuf::from(s)
    }
}

/// True when `a` exists and was modified after `b`.
pub(super) fn is_newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x > y)
}
