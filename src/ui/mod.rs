//! The window: a thin layer over the engine. Panels draw the workspace
//! through a read-only `PanelCtx` and queue [`Command`]s (model changes),
//! [`Action`]s (dialogs, files, background work) and asks (selection, view,
//! status, dialogs). The app runs them all after drawing, so no panel
//! mutates the model itself and tests can drive everything headless.

mod actions;
mod app;
mod articles;
mod background;
mod compare;
mod dialogs;
mod events;
mod facts;
mod find;
mod focus;
mod fonts;
mod help;
mod input;
mod menu;
mod modals;
mod panel_ctx;
mod review;
mod rows;
mod source;
mod status;
mod timeline;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use actions::Action;
pub use dialogs::{Answer, FileDialogs, NativeDialogs, Purpose};
pub use facts::visible_rows;
pub use modals::Modal;

use crate::commands::Command;
use crate::jobs::Job;
use crate::model::FactKind;
use crate::workspace::Workspace;

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
    asks: Vec<panel_ctx::Ask>,
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

/// The application id: names the settings folder.
pub const APP_ID: &str = "dossier";

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
