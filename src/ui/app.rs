//! The app's life: building it, the frame loop (input, background work,
//! drawing, then the queued commands and actions), the window's layout, and
//! the selection every panel shares.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::dialogs::{FileDialogs, NativeDialogs};
use super::modals::Modal;
use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use super::{
    APP_ID, Action, App, PanelState, SETTINGS_KEY, Settings, articles, compare, facts, find, focus,
    fonts, help, menu, modals, review, source, status, timeline,
};
use crate::commands::Command;
use crate::model::{BottomTab, CompareTab, FactId};
use crate::workspace::Workspace;

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
            asks: Vec::new(),
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

    pub(super) fn frame(&mut self, ui: &mut egui::Ui) {
        if !std::mem::replace(&mut self.fonts_installed, true) {
            fonts::install(ui.ctx());
        }
        self.poll_job(ui.ctx());
        self.handle_shortcuts(ui.ctx());
        focus::handle_keys(self, ui.ctx());
        review::handle_keys(self, ui.ctx());
        self.handle_dropped_files(ui.ctx());
        self.handle_close_request(ui.ctx());
        self.refresh_comparison(ui.ctx());
        self.draw(ui);
        if !self.asks.is_empty() {
            // What panels asked changes what they show: draw it at once.
            ui.ctx().request_repaint();
        }
        self.run_queued(ui.ctx());
        self.update_title(ui.ctx());
        self.autosave_if_due();
    }

    pub(super) fn draw(&mut self, ui: &mut egui::Ui) {
        // What several panels show of the comparison, found once a frame.
        let comparison = self.panels.compare.latest().cloned();
        let event_facts = self.selected_event_facts();
        egui::Panel::top("menu").show(ui, |ui| {
            let recent = self.settings.recent.clone();
            let (mut ctx, panels) = self.panel_ctx();
            menu::show(&mut ctx, &mut panels.help_open, &recent, ui);
        });
        egui::Panel::bottom("status")
            .resizable(false)
            .show(ui, |ui| status::show(&mut self.panel_ctx().0, ui));
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(280.0)
            .min_size(180.0)
            .show(ui, |ui| {
                let (mut ctx, panels) = self.panel_ctx();
                articles::show(&mut ctx, &mut panels.articles, ui);
                focus::mark(self, ui, focus::Pane::Articles);
            });
        egui::Panel::bottom("facts")
            .resizable(true)
            .default_size(330.0)
            .min_size(160.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let bottom = &mut self.ws.view_mut().bottom_tab;
                    ui.selectable_value(bottom, BottomTab::Facts, "Facts table");
                    ui.selectable_value(bottom, BottomTab::Compare, "Compare sources");
                });
                match self.ws.project().view.bottom_tab {
                    BottomTab::Facts => {
                        let (mut ctx, panels) = self.panel_ctx();
                        let shown = facts::Shown {
                            comparison: comparison.as_deref(),
                            event_facts: &event_facts,
                            source: &panels.source,
                        };
                        facts::show(&mut ctx, &mut panels.facts, ui, shown);
                    }
                    BottomTab::Compare => {
                        let (mut ctx, panels) = self.panel_ctx();
                        compare::show(&mut ctx, &mut panels.compare, ui);
                    }
                }
                focus::mark(self, ui, focus::Pane::Facts);
            });
        egui::Panel::right("timeline")
            .resizable(true)
            .default_size(380.0)
            .min_size(220.0)
            .show(ui, |ui| {
                let running = self.panels.compare.is_running();
                let (mut ctx, panels) = self.panel_ctx();
                let compared = timeline::Compared {
                    comparison: comparison.as_ref(),
                    running,
                };
                timeline::show(&mut ctx, &mut panels.timeline, ui, compared);
                focus::mark(self, ui, focus::Pane::Timeline);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let (mut ctx, panels) = self.panel_ctx();
            let found = match ctx.view().selected_article {
                Some(article) => panels.find.spans_in(article),
                None => &[],
            };
            let lit = source::Lit { event_facts, found };
            source::show(&mut ctx, &mut panels.source, ui, lit);
            focus::mark(self, ui, focus::Pane::Source);
        });
        let (mut ctx, panels) = self.panel_ctx();
        find::show(&mut ctx, &mut panels.find, ui.ctx());
        help::show(&mut self.panels.help_open, ui.ctx());
        if let Some(modal) = self.modal.take() {
            let kept = modals::show(self, ui.ctx(), modal);
            // A dialog opened by the action the modal ran (a path prompt, an
            // error) takes the place of the one that closed.
            if self.modal.is_none() {
                self.modal = kept;
            }
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
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

    /// Splits the app into what a panel may read and queue, and the
    /// panels' own state.
    pub(super) fn panel_ctx(&mut self) -> (PanelCtx<'_>, &mut PanelState) {
        let ctx = PanelCtx {
            ws: &self.ws,
            status: &self.status,
            job: self.job.as_ref(),
            commands: &mut self.commands,
            actions: &mut self.actions,
            asks: &mut self.asks,
        };
        (ctx, &mut self.panels)
    }

    /// Does what panels asked while drawing, in the order they asked.
    pub(super) fn run_asks(&mut self, ctx: &egui::Context) {
        for ask in std::mem::take(&mut self.asks) {
            match ask {
                Ask::SelectFact(id, from) => {
                    self.select_fact(id);
                    self.keep_scroll_of(from);
                }
                Ask::SelectArticle(id, from) => {
                    self.select_article(id);
                    self.keep_scroll_of(from);
                }
                Ask::SelectEvent(key, first) => self.select_event(key, first),
                Ask::RevealSpan(article, start, end) => self.reveal_span(article, start, end),
                Ask::FindStep { forward } => find::step(self, forward),
                Ask::NextUnreviewed => review::select_next_unreviewed(self),
                Ask::OpenFind => find::open(self),
                Ask::Focus(pane) => focus::focus(self, ctx, pane),
                Ask::ShowContradiction(key) => self.show_contradiction(key),
                Ask::View(change) => change(self.ws.view_mut()),
                Ask::Status(message) => self.status = message,
                Ask::Modal(modal) => self.modal = Some(modal),
            }
        }
    }

    /// The list a selection was made in keeps its scroll.
    fn keep_scroll_of(&mut self, from: SelectedIn) {
        match from {
            SelectedIn::FactsTable => self.panels.facts.scroll_to_selection = false,
            SelectedIn::SourceText => self.panels.source.scroll_to_selection = false,
            SelectedIn::ArticlesList => self.panels.articles.scroll_to_selection = false,
            SelectedIn::Elsewhere => {}
        }
    }

    /// Opens the Compare panel on the contradiction with this key.
    pub(super) fn show_contradiction(&mut self, key: String) {
        self.ws.view_mut().bottom_tab = BottomTab::Compare;
        self.ws.view_mut().compare_tab = CompareTab::Contradictions;
        self.panels.compare.focus = Some(key);
        self.panels.compare.scroll_to_focus = true;
    }

    /// Shows a span that is not a fact (a single-source sentence) in the source panel.
    pub(super) fn reveal_span(
        &mut self,
        article: crate::model::ArticleId,
        start: usize,
        end: usize,
    ) {
        let view = self.ws.view_mut();
        view.selected_article = Some(article);
        view.selected_fact = None;
        self.panels.source.marked = Some((article, start, end));
        self.panels.source.scroll_to_selection = true;
    }

    /// The mentions of the selected event (empty when none is selected or
    /// the comparison has not run yet).
    pub(super) fn selected_event_facts(&self) -> std::collections::HashSet<FactId> {
        let Some(cmp) = self.panels.compare.latest() else {
            return Default::default();
        };
        self.selected_event(cmp)
            .map(|i| cmp.events.list[i].mentions.iter().map(|m| m.fact).collect())
            .unwrap_or_default()
    }

    /// The index of the selected event in `cmp`'s events, if one is selected.
    pub(super) fn selected_event(&self, cmp: &crate::analysis::Comparison) -> Option<usize> {
        let key = self.ws.project().view.selected_event.as_deref()?;
        cmp.events.by_mention_key(key)
    }

    /// Selects an event: its mentions are highlighted, and its first
    /// mention (in the open article when it has one) is the selected fact.
    pub(super) fn select_event(&mut self, key: String, first: FactId) {
        self.select_fact(first);
        self.ws.view_mut().selected_event = Some(key);
    }

    /// Opens an article, with no fact selected, and scrolls the articles
    /// list to it.
    pub(super) fn select_article(&mut self, id: crate::model::ArticleId) {
        let view = self.ws.view_mut();
        view.selected_article = Some(id);
        view.selected_fact = None;
        view.selected_event = None;
        self.panels.source.marked = None;
        self.panels.articles.scroll_to_selection = true;
    }

    /// Selects a fact in every panel (and its article).
    pub(super) fn select_fact(&mut self, id: FactId) {
        let article = self.ws.project().fact(id).map(|f| f.article);
        let view = self.ws.view_mut();
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
