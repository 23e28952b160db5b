//! Help ▸ Keyboard shortcuts (F1): every key the window answers to, and a
//! legend of what the colours and marks in the article text mean.

use super::find::{NEXT_MATCH_KEY, PREVIOUS_MATCH_KEY};
use super::focus::Pane;
use super::review::{CONFIRM_KEY, NEXT_KEY, REJECT_KEY};
use super::source::{FIND_COLOR, MARK_COLOR};
use crate::model::FactKind;

/// The key that opens the window.
pub const HELP_KEY: &str = "F1";

/// The keys, grouped as the analyst uses them.
fn shortcuts() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let key = |k: &str, what: &'static str| (k.to_owned(), what);
    let mut panes = vec![key("F6 / Shift+F6", "Next / previous pane")];
    panes.extend(
        Pane::ORDER
            .iter()
            .map(|p| (p.shortcut().to_owned(), p.name())),
    );
    vec![
        (
            "Project",
            vec![
                key("Ctrl+O", "Open project"),
                key("Ctrl+S", "Save"),
                key("Ctrl+Shift+S", "Save as"),
                key("Ctrl+Z", "Undo"),
                key("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
            ],
        ),
        ("Panes", panes),
        (
            "Review (facts table, or articles list when it has the keyboard)",
            vec![
                key("Up / Down", "Previous / next row"),
                key("PageUp / PageDown", "Ten rows up / down"),
                key("Home / End", "First / last row"),
                key(CONFIRM_KEY, "Confirm the selected fact"),
                key(REJECT_KEY, "Reject the selected fact"),
                key(NEXT_KEY, "Next unreviewed fact"),
                key("Del", "Delete the selected fact"),
                key(
                    "Enter / Escape",
                    "Apply / cancel an edit (in the editor's fields)",
                ),
            ],
        ),
        (
            "Find",
            vec![
                key("Ctrl+F", "Find in all articles and facts"),
                key(
                    &format!("{NEXT_MATCH_KEY} / Ctrl+G"),
                    "Next match in the open article",
                ),
                key(
                    &format!("{PREVIOUS_MATCH_KEY} / Ctrl+Shift+G"),
                    "Previous match in the open article",
                ),
            ],
        ),
        ("Help", vec![key(HELP_KEY, "This window")]),
    ]
}

/// What each kind of fact is, for the legend.
fn kind_meaning(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Entity => "a person, organisation or place",
        FactKind::Time => "a date or time, normalised",
        FactKind::Quantity => "a number with what it counts",
        FactKind::Quote => "a quotation and its speaker",
        FactKind::Role => "a person's role or title",
        FactKind::Event => "who did what, when and where",
    }
}

/// Draws the window when `open`; its close button clears `open`.
pub fn show(open: &mut bool, ctx: &egui::Context) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .default_width(780.0)
        .default_height((ctx.content_rect().height() - 80.0).max(300.0))
        .vscroll(true)
        .show(ctx, |ui| {
            ui.columns(2, |columns| {
                keys(&mut columns[0]);
                legend(&mut columns[1]);
            });
        });
}

/// The shortcuts, group by group.
fn keys(ui: &mut egui::Ui) {
    for (group, keys) in shortcuts() {
        ui.strong(group);
        egui::Grid::new(group)
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (k, what) in keys {
                    ui.monospace(k);
                    ui.label(what);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
    }
}

/// What the colours and marks in the article text mean.
fn legend(ui: &mut egui::Ui) {
    ui.strong("Colours in the article text");
    egui::Grid::new("legend").num_columns(2).show(ui, |ui| {
        for kind in FactKind::ALL {
            swatch(
                ui,
                super::kind_color(kind).gamma_multiply(0.6),
                kind.as_str(),
            );
            ui.label(kind_meaning(kind));
            ui.end_row();
        }
        swatch(ui, FIND_COLOR, "match");
        ui.label("a match of the Find window's words");
        ui.end_row();
        underline(ui, MARK_COLOR, "underlined");
        ui.label("the span shown from Compare or Find");
        ui.end_row();
        ui.label(egui::RichText::new("struck through").strikethrough());
        ui.label("a rejected fact");
        ui.end_row();
    });
    ui.add_space(6.0);
    ui.label(
        egui::RichText::new(
            "Rest the pointer on a highlight to see its fact; click it to select it.",
        )
        .weak(),
    );
}

/// A word on a coloured background.
fn swatch(ui: &mut egui::Ui, color: egui::Color32, word: &str) {
    ui.label(
        egui::RichText::new(format!(" {word} "))
            .background_color(color)
            .color(egui::Color32::BLACK),
    );
}

/// A word underlined in a colour.
fn underline(ui: &mut egui::Ui, color: egui::Color32, word: &str) {
    let mut job = egui::text::LayoutJob::default();
    let mut format = egui::TextFormat::simple(
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
    format.underline = egui::Stroke::new(2.0, color);
    job.append(word, 0.0, format);
    ui.label(job);
}
