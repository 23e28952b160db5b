//! The window: a thin layer over the engine. Panels draw the workspace and
//! queue [`Command`]s (model changes) and [`Action`]s (dialogs, files,
//! background work); the app runs both after drawing, so no panel mutates
//! the model itself and tests can drive everything headless.

mod articles;
mod compare;
mod dialogs;
mod events;
mod facts;
mod find;
mod focus;
mod fonts;
mod help;
mod menu;
mod modals;
mod review;
mod rows;
mod source;
mod status;
mod timeline;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use dialogs::{Answer, FileDialogs, NativeDialogs, Purpose};
pub use facts::visible_rows;
pub use modals::Modal;

use crate::commands::Command;
use crate::export;
use crate::import;
use crate::jobs::{Job, JobOutput, Sheet};
use crate::model::{BottomTab, CompareTab, FactId, FactKind};
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
    fn discards_project(&self) -> bool {
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

/// What is remembered between runs (eframe storage).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened projects and folders, newest first.
    pub recent: Vec<PathBuf>,
    /// The folder dialogs start in.
    pub last_dir: Option<PathBuf>,
}

const SETTINGS_KEY: &str = "dossier-settings";
const MAX_RECENT: usize = 10;
const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// Per-panel state that is not part of the model.
#[derive(Default)]
struct PanelState {
    compare: compare::ComparePanel,
    facts: facts::FactsPanel,
    find: find::FindPanel,
    focus: focus::Pane,
    help_open: bool,
    source: source::SourcePanel,
    timeline: timeline::TimelinePanel,
    articles: articles::ArticlesPanel,
}

/// The whole application.
pub struct App {
    /// The open project.
    pub ws: Workspace,
    /// What is remembered between runs.
    pub settings: Settings,
    /// The last message for the status bar.
    pub status: String,
    dialogs: Box<dyn FileDialogs>,
    job: Option<Job>,
    commands: Vec<Command>,
    actions: Vec<Action>,
    modal: Option<Modal>,
    panels: PanelState,
    data_dir: PathBuf,
    last_autosave: Instant,
    shown_title: String,
    closing_confirmed: bool,
    after_save: Option<Action>,
    import_is_clean: bool,
    fonts_installed: bool,
}

impl App {
    /// An app over an empty project with the given dialogs; `data_dir` holds
    /// autosaves of untitled projects.
    pub fn new(dialogs: Box<dyn FileDialogs>, data_dir: PathBuf) -> Self {
        App {
            ws: Workspace::new(),
            settings: Settings::default(),
            status: "Open a folder of articles (File > Open folder…) or a project.".into(),
            dialogs,
            job: None,
            commands: Vec::new(),
            actions: Vec::new(),
            modal: None,
            panels: PanelState::default(),
            data_dir,
            last_autosave: Instant::now(),
            shown_title: String::new(),
            closing_confirmed: false,
            after_save: None,
            import_is_clean: false,
            fonts_installed: false,
        }
    }

    /// The eframe entry: restores settings and opens `path`, or the sample dossier.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let data_dir = eframe::storage_dir(APP_ID).unwrap_or_else(std::env::temp_dir);
        let mut app = App::new(Box::new(NativeDialogs), data_dir);
        if let Some(storage) = cc.storage {
            app.settings = eframe::get_value(storage, SETTINGS_KEY).unwrap_or_default();
        }
        app.launch(path);
        app
    }

    /// What a launch opens: `path`, or else the bundled sample, which opens
    /// clean. Only an untitled session (the sample) is offered the autosave
    /// an earlier untitled session left; a project is offered its own.
    pub fn launch(&mut self, path: Option<PathBuf>) {
        if let Some(path) = path {
            self.open_path(path);
            return;
        }
        match crate::sample::sample_dir(&self.data_dir) {
            Ok(dir) => {
                self.open_path(dir);
                self.import_is_clean = self.job.is_some();
            }
            Err(e) => self.status = format!("The sample dossier could not be prepared: {e}"),
        }
        let untitled = self.untitled_autosave();
        if untitled.exists() && self.modal.is_none() {
            self.modal = Some(Modal::OfferRecovery(untitled));
        }
    }

    /// Where unsaved work of an untitled project is autosaved.
    fn untitled_autosave(&self) -> PathBuf {
        self.data_dir.join("untitled.dossier.ron.autosave")
    }

    /// The autosave of the open project.
    fn current_autosave(&self) -> PathBuf {
        self.ws
            .path
            .as_deref()
            .map_or_else(|| self.untitled_autosave(), store::autosave_path)
    }

    /// Queues a command, as a panel does.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Queues an action, as a menu does.
    pub fn request(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The dialog on screen, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// True once the analyst chose to quit and nothing unsaved stands in the way.
    pub fn is_closing(&self) -> bool {
        self.closing_confirmed
    }

    /// True while background work runs.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Waits for background work and applies its result (command line and tests).
    pub fn wait_for_jobs(&mut self) {
        if let Some(job) = self.job.take() {
            let out = job.wait();
            self.finish_job(out);
        }
    }

    /// Runs the comparison of sources on the UI thread instead of in the
    /// background, so a test that steps frames sees it at once.
    pub fn compare_in_foreground(&mut self) {
        self.panels.compare.in_foreground = true;
    }

    /// The latest comparison of sources, if it describes the project as it is now.
    pub fn current_comparison(&self) -> Option<&std::sync::Arc<crate::analysis::Comparison>> {
        let (revision, cmp) = self.panels.compare.result.as_ref()?;
        (*revision == self.ws.revision()).then_some(cmp)
    }

    /// The span the source panel shows underlined (a Find match, a
    /// single-source sentence): its article and byte offsets.
    pub fn shown_span(&self) -> Option<(crate::model::ArticleId, usize, usize)> {
        self.panels.source.marked
    }

    /// Draws one frame: the same code the window and the UI tests run.
    pub fn ui_for_tests(&mut self, ui: &mut egui::Ui) {
        self.frame(ui);
    }

    fn frame(&mut self, ui: &mut egui::Ui) {
        if !std::mem::replace(&mut self.fonts_installed, true) {
            fonts::install(ui.ctx());
        }
        self.poll_job(ui.ctx());
        self.handle_shortcuts(ui.ctx());
        focus::handle_keys(self, ui.ctx());
        review::handle_keys(self, ui.ctx());
        self.handle_dropped_files(ui.ctx());
        self.handle_close_request(ui.ctx());
        compare::refresh(self, ui.ctx());
        self.draw(ui);
        self.run_queued();
        self.update_title(ui.ctx());
        self.autosave_if_due();
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| menu::show(self, ui));
        egui::Panel::bottom("status")
            .resizable(false)
            .show(ui, |ui| status::show(self, ui));
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(280.0)
            .min_size(180.0)
            .show(ui, |ui| {
                articles::show(self, ui);
                focus::mark(self, ui, focus::Pane::Articles);
            });
        egui::Panel::bottom("facts")
            .resizable(true)
            .default_size(330.0)
            .min_size(160.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let bottom = &mut self.ws.project.view.bottom_tab;
                    ui.selectable_value(bottom, BottomTab::Facts, "Facts table");
                    ui.selectable_value(bottom, BottomTab::Compare, "Compare sources");
                });
                match self.ws.project.view.bottom_tab {
                    BottomTab::Facts => facts::show(self, ui),
                    BottomTab::Compare => compare::show(self, ui),
                }
                focus::mark(self, ui, focus::Pane::Facts);
            });
        egui::Panel::right("timeline")
            .resizable(true)
            .default_size(380.0)
            .min_size(220.0)
            .show(ui, |ui| {
                timeline::show(self, ui);
                focus::mark(self, ui, focus::Pane::Timeline);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            source::show(self, ui);
            focus::mark(self, ui, focus::Pane::Source);
        });
        find::show(self, ui.ctx());
        help::show(self, ui.ctx());
        if let Some(modal) = self.modal.take() {
            let kept = modals::show(self, ui.ctx(), modal);
            // A dialog opened by the action the modal ran (a path prompt, an
            // error) takes the place of the one that closed.
            if self.modal.is_none() {
                self.modal = kept;
            }
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shortcut = |m, k| KeyboardShortcut::new(m, k);
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let typing = ctx.egui_wants_keyboard_input();
        let mut find_keys = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&shortcut(cmd_shift, Key::S)) {
                self.actions.push(Action::Ask(Purpose::SaveProject));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::S)) {
                self.actions.push(Action::Save);
            }
            if i.consume_shortcut(&shortcut(cmd, Key::O)) {
                self.actions.push(Action::Ask(Purpose::OpenProject));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::F)) {
                find_keys.push(None);
            }
            if i.consume_shortcut(&shortcut(cmd_shift, Key::G))
                || i.consume_shortcut(&shortcut(Modifiers::SHIFT, Key::F3))
            {
                find_keys.push(Some(false));
            }
            if i.consume_shortcut(&shortcut(cmd, Key::G))
                || i.consume_shortcut(&shortcut(Modifiers::NONE, Key::F3))
            {
                find_keys.push(Some(true));
            }
            if i.consume_key(Modifiers::NONE, Key::F1) {
                self.panels.help_open = true;
            }
            if typing {
                return;
            }
            if i.consume_shortcut(&shortcut(cmd_shift, Key::Z))
                || i.consume_shortcut(&shortcut(cmd, Key::Y))
            {
                self.commands.push(Command::Redo);
            }
            if i.consume_shortcut(&shortcut(cmd, Key::Z)) {
                self.commands.push(Command::Undo);
            }
            if i.consume_key(Modifiers::NONE, Key::Delete)
                && let Some(id) = self.ws.project.view.selected_fact
            {
                self.commands.push(Command::DeleteFacts(vec![id]));
            }
        });
        for key in find_keys {
            match key {
                None => find::open(self),
                Some(forward) => find::step(self, forward),
            }
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let projects: Vec<&PathBuf> = dropped.iter().filter(|p| is_project_file(p)).collect();
        match projects.first() {
            Some(p) => self.actions.push(Action::OpenPath((*p).clone())),
            None => self.actions.push(Action::AddPaths(dropped)),
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.closing_confirmed
            && self.ws.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::ConfirmDiscard(Action::Quit));
        }
        if self.closing_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn run_queued(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            match self.ws.execute(command) {
                Ok(msg) if msg.is_empty() => {}
                Ok(msg) => self.status = msg,
                Err(msg) => self.status = msg,
            }
        }
        for action in std::mem::take(&mut self.actions) {
            if action.discards_project() && self.ws.is_dirty() && self.modal.is_none() {
                self.modal = Some(Modal::ConfirmDiscard(action));
                continue;
            }
            self.run_action(action);
        }
    }

    /// Runs an action now, without asking about unsaved changes.
    fn run_action(&mut self, action: Action) {
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
    fn save_then(&mut self, next: Action) {
        self.after_save = Some(next);
        self.run_action(Action::Save);
    }

    /// A dialog was closed without a choice: what waited for it is dropped.
    fn dialog_cancelled(&mut self) {
        if self.after_save.take().is_some() {
            self.status = "Not saved, so nothing else was done.".into();
        }
    }

    fn ask(&mut self, purpose: Purpose) {
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
            let mut ws = Workspace::new();
            ws.history.mark_saved();
            self.replace_workspace(ws, format!("Opened folder {}", path.display()));
            self.remember(&path);
            let sheet = match Sheet::in_folder(&path) {
                Some(Ok(sheet)) => Some(sheet),
                Some(Err(e)) => {
                    self.status = format!("The folder's metadata sheet was not used: {e}");
                    None
                }
                None => None,
            };
            self.add_paths_with(vec![path], sheet);
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

    fn replace_workspace(&mut self, ws: Workspace, status: String) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.import_is_clean = false;
        self.ws = ws;
        self.panels = PanelState::default();
        self.status = status;
    }

    fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    fn add_paths(&mut self, paths: Vec<PathBuf>) {
        self.add_paths_with(paths, None);
    }

    fn add_paths_with(&mut self, paths: Vec<PathBuf>, sheet: Option<Sheet>) {
        if self.job.is_some() {
            self.status = "Wait for the running job to finish (or cancel it) first.".into();
            return;
        }
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            if path.is_dir() {
                match import::scan_folder(&path) {
                    Ok(found) => files.extend(found),
                    Err(e) => problems.push(format!("{}: {e}", path.display())),
                }
            } else {
                files.push(path);
            }
        }
        if !problems.is_empty() {
            self.modal = Some(Modal::Message {
                title: "Some folders could not be read".into(),
                body: problems.join("\n"),
            });
        }
        if files.is_empty() {
            self.status = "No article files (.txt, .md, .html) found.".into();
            return;
        }
        self.start_job(Job::import(files, sheet));
    }

    fn start_job(&mut self, job: Job) {
        self.status = format!("{}…", job.label);
        self.job = Some(job);
    }

    fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        match job.try_finish() {
            Some(out) => {
                self.job = None;
                self.finish_job(out);
            }
            None => ctx.request_repaint_after(Duration::from_millis(50)),
        }
    }

    fn finish_job(&mut self, out: JobOutput) {
        match out {
            JobOutput::Imported {
                articles,
                mut skipped,
            } => {
                let n = articles.len();
                skipped.extend(self.ws.add_articles(articles));
                if std::mem::take(&mut self.import_is_clean) {
                    self.ws.history.mark_saved();
                }
                if self.ws.project.view.selected_article.is_none() {
                    self.ws.project.view.selected_article =
                        self.ws.project.articles.first().map(|a| a.id);
                }
                self.status = format!(
                    "Imported {n} article(s) with {} fact(s) in the project",
                    self.ws.project.facts.len()
                );
                if !skipped.is_empty() {
                    self.modal = Some(Modal::Message {
                        title: format!("{} file(s) were not imported", skipped.len()),
                        body: skipped.join("\n"),
                    });
                }
            }
            JobOutput::Extracted(results) => {
                self.ws.merge_extraction(results);
                self.status = format!(
                    "Extraction finished: {} fact(s)",
                    self.ws.project.facts.len()
                );
            }
            JobOutput::Cancelled => {
                self.import_is_clean = false;
                self.status = "Cancelled; nothing was changed.".into();
            }
        }
    }

    fn save_to(&mut self, path: PathBuf) {
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

    fn import_sheet(&mut self, path: &Path) {
        match import::read_sheet(path) {
            Ok(rows) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let (matched, unmatched) = self.ws.apply_sheet(&rows, &name);
                self.status = format!("Metadata applied to {matched} article(s)");
                if !unmatched.is_empty() {
                    self.modal = Some(Modal::Message {
                        title: "Some rows name no article of the project".into(),
                        body: unmatched.join("\n"),
                    });
                }
            }
            Err(e) => {
                self.modal = Some(Modal::Message {
                    title: "Could not read the metadata sheet".into(),
                    body: e.to_string(),
                })
            }
        }
    }

    /// Writes the comparison report: HTML or JSON by extension, Markdown otherwise.
    fn export_report(&mut self, path: &Path) {
        let comparison = crate::analysis::Comparison::run(&self.ws.project, self.ws.texts());
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
    fn export_timeline(&mut self, path: &Path) {
        let comparison = crate::analysis::Comparison::run(&self.ws.project, self.ws.texts());
        let rows = crate::analysis::timeline::event_rows(&self.ws.project, &comparison.events);
        let sources: Vec<String> = self
            .ws
            .project
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

    fn export_facts(&mut self, path: &Path) {
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
                    self.ws.project.facts.len(),
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
    fn ask_outside_files(&mut self, next: Option<Box<Modal>>) {
        let files = self.ws.outside_unread();
        if files.is_empty() {
            self.modal = next.map(|m| *m);
            return;
        }
        self.modal = Some(Modal::ConfirmOutside { files, next });
    }

    /// Reads the outside files the analyst agreed to, naming any that failed.
    fn read_outside_files(&mut self) {
        let problems = self.ws.read_outside_files();
        self.status = "Read the article files outside the project folder.".into();
        if !problems.is_empty() {
            self.modal = Some(Modal::Message {
                title: "Some article files have problems".into(),
                body: problems.join("\n"),
            });
        }
    }

    fn recover_autosave(&mut self, autosave: &Path) {
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

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = self
            .ws
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into());
        let marker = if self.ws.is_dirty() { "* " } else { "" };
        let title = format!("{marker}{name} — Dossier");
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The window title as last set (with the unsaved-changes marker).
    pub fn title(&self) -> &str {
        &self.shown_title
    }

    fn autosave_if_due(&mut self) {
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

    /// Opens the Compare panel on the contradiction with this key.
    fn show_contradiction(&mut self, key: String) {
        self.ws.project.view.bottom_tab = BottomTab::Compare;
        self.ws.project.view.compare_tab = CompareTab::Contradictions;
        self.panels.compare.focus = Some(key);
        self.panels.compare.scroll_to_focus = true;
    }

    /// Shows a span that is not a fact (a single-source sentence) in the source panel.
    fn reveal_span(&mut self, article: crate::model::ArticleId, start: usize, end: usize) {
        let view = &mut self.ws.project.view;
        view.selected_article = Some(article);
        view.selected_fact = None;
        self.panels.source.marked = Some((article, start, end));
        self.panels.source.scroll_to_selection = true;
    }

    /// The mentions of the selected event (empty when none is selected or
    /// the comparison has not run yet).
    fn selected_event_facts(&self) -> std::collections::HashSet<FactId> {
        let Some(cmp) = self.panels.compare.latest() else {
            return Default::default();
        };
        self.selected_event(cmp)
            .map(|i| cmp.events.list[i].mentions.iter().map(|m| m.fact).collect())
            .unwrap_or_default()
    }

    /// The index of the selected event in `cmp`'s events, if one is selected.
    fn selected_event(&self, cmp: &crate::analysis::Comparison) -> Option<usize> {
        let key = self.ws.project.view.selected_event.as_deref()?;
        cmp.events.by_mention_key(key)
    }

    /// Selects an event: its mentions are highlighted, and its first
    /// mention (in the open article when it has one) is the selected fact.
    fn select_event(&mut self, key: String, first: FactId) {
        self.select_fact(first);
        self.ws.project.view.selected_event = Some(key);
    }

    /// Opens an article, with no fact selected, and scrolls the articles
    /// list to it.
    fn select_article(&mut self, id: crate::model::ArticleId) {
        let view = &mut self.ws.project.view;
        view.selected_article = Some(id);
        view.selected_fact = None;
        view.selected_event = None;
        self.panels.source.marked = None;
        self.panels.articles.scroll_to_selection = true;
    }

    /// Selects a fact in every panel (and its article).
    fn select_fact(&mut self, id: FactId) {
        let article = self.ws.project.fact(id).map(|f| f.article);
        let view = &mut self.ws.project.view;
        view.selected_fact = Some(id);
        view.selected_event = None;
        self.panels.source.marked = None;
        if article.is_some() {
            view.selected_article = article;
        }
        self.panels.facts.scroll_to_selection = true;
        self.panels.source.scroll_to_selection = true;
    }
}

/// The application id: names the settings folder.
pub const APP_ID: &str = "dossier";

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    /// A clean exit: the analyst saved or chose to discard, so the autosave has served.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.ws.discard_own_autosave();
    }
}

/// True for `*.dossier.ron` (or any `.ron`) files.
fn is_project_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Adds `.dossier.ron` to a chosen save name that lacks it.
fn with_project_extension(path: PathBuf) -> PathBuf {
    if is_project_file(&path) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(".dossier.ron");
        PathBuf::from(s)
    }
}

/// True when `a` exists and was modified after `b`.
fn is_newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x > y)
}

/// A colour per fact kind, shared by highlights, table and timeline.
pub fn kind_color(kind: FactKind) -> egui::Color32 {
    match kind {
        FactKind::Time => egui::Color32::from_rgb(0x4e, 0x9a, 0xd6),
        FactKind::Entity => egui::Color32::from_rgb(0x5c, 0xb8, 0x5c),
        FactKind::Quantity => egui::Color32::from_rgb(0xe0, 0x9a, 0x3e),
        FactKind::Quote => egui::Color32::from_rgb(0xb0, 0x7c, 0xd8),
        FactKind::Role => egui::Color32::from_rgb(0xd6, 0x5c, 0x7a),
        FactKind::Event => egui::Color32::from_rgb(0x8a, 0x8a, 0x8a),
    }
}

/// Starts the window; `path` is a project or folder to open.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id(APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(App::from_creation_context(cc, path)))),
    )
}
