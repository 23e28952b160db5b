//! The Find window (Ctrl+F): a word or phrase searched in the full text of
//! every article and in the facts. Each result names its article and shows
//! the match in its context; a click shows it in the source, where every
//! match of the open article is highlighted while the window is open.
//! F3 or Ctrl+G goes to the next match in the open article, Shift+F3 or
//! Ctrl+Shift+G to the previous one.

use std::sync::Arc;

use super::App;
use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use super::source::shorten;
use crate::model::{ArticleId, FactId};
use crate::workspace::Workspace;
use crate::workspace::find::{self, FindResults};

/// The key that goes to the next match, as menus name it.
pub const NEXT_MATCH_KEY: &str = "F3";
/// The key that goes to the previous match.
pub const PREVIOUS_MATCH_KEY: &str = "Shift+F3";

/// Characters of context shown on each side of a match.
const CONTEXT: usize = 48;

/// State of the Find window.
#[derive(Default)]
pub struct FindPanel {
    /// The window is shown.
    pub open: bool,
    /// Move keyboard focus to the query on the next frame.
    pub focus: bool,
    query: String,
    results: Option<(u64, Arc<FindResults>)>,
}

impl FindPanel {
    /// The results of the query for the project as it is now, found again
    /// when the query or the project changed.
    fn refresh(&mut self, ws: &Workspace) -> Arc<FindResults> {
        let fresh = self
            .results
            .as_ref()
            .filter(|(revision, r)| *revision == ws.revision() && r.query == self.query);
        if let Some((_, results)) = fresh {
            return Arc::clone(results);
        }
        let results = Arc::new(ws.find(&self.query));
        self.results = Some((ws.revision(), Arc::clone(&results)));
        results
    }

    /// The matches to highlight in `article`: those of the last query while
    /// the window is open.
    pub fn spans_in(&self, article: ArticleId) -> &[(usize, usize)] {
        match &self.results {
            Some((_, results)) if self.open => results.spans_in(article),
            _ => &[],
        }
    }
}

/// One line of the results list.
#[derive(Clone, Copy)]
enum Row {
    Article(usize),
    Match(usize, usize),
    FactsHeading,
    Fact(FactId),
}

/// Draws the window when it is open.
pub(super) fn show(panel_ctx: &mut PanelCtx, panel: &mut FindPanel, ctx: &egui::Context) {
    if !panel.open {
        return;
    }
    let mut open = true;
    let mut chosen: Option<Row> = None;
    egui::Window::new("Find")
        .open(&mut open)
        .default_size([460.0, 420.0])
        .default_pos(ctx.content_rect().right_top() + egui::vec2(-480.0, 40.0))
        .show(ctx, |ui| {
            let label = ui.label("Find in articles and facts");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut panel.query)
                        .hint_text("a word or phrase")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut panel.focus) {
                field.request_focus();
            }
            let results = panel.refresh(panel_ctx.ws);
            ui.horizontal(|ui| {
                ui.label(summary(&results));
                if ui
                    .button("Next")
                    .on_hover_text(format!("Next match in the open article ({NEXT_MATCH_KEY})"))
                    .clicked()
                {
                    panel_ctx.ask(Ask::FindStep { forward: true });
                }
                if ui
                    .button("Previous")
                    .on_hover_text(format!(
                        "Previous match in the open article ({PREVIOUS_MATCH_KEY})"
                    ))
                    .clicked()
                {
                    panel_ctx.ask(Ask::FindStep { forward: false });
                }
            });
            ui.separator();
            let rows = rows(&results);
            let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show_rows(ui, height, rows.len(), |ui, range| {
                    for row in &rows[range] {
                        if draw_row(panel_ctx, ui, &results, row) {
                            chosen = Some(*row);
                        }
                    }
                });
            if let Some(row) = chosen.take() {
                go_to(panel_ctx, &results, &row);
            }
        });
    if !open {
        panel.open = false;
    }
}

/// "12 matches in 4 articles · 3 facts".
fn summary(results: &FindResults) -> String {
    if results.query.trim().is_empty() {
        return "Type to search the whole dossier.".into();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} in {} · {}",
        plural(results.text_matches(), "match", "matches"),
        plural(results.articles.len(), "article", "articles"),
        plural(results.facts.len(), "fact", "facts")
    )
}

fn rows(results: &FindResults) -> Vec<Row> {
    let mut rows = Vec::new();
    for (a, matches) in results.articles.iter().enumerate() {
        rows.push(Row::Article(a));
        rows.extend((0..matches.spans.len()).map(|m| Row::Match(a, m)));
    }
    if !results.facts.is_empty() {
        rows.push(Row::FactsHeading);
        rows.extend(results.facts.iter().map(|id| Row::Fact(*id)));
    }
    rows
}

/// Draws one row; true when it was clicked.
fn draw_row(panel_ctx: &PanelCtx, ui: &mut egui::Ui, results: &FindResults, row: &Row) -> bool {
    let project = panel_ctx.ws.project();
    match row {
        Row::Article(a) => {
            let matches = &results.articles[*a];
            let name = project
                .article(matches.article)
                .map_or("?", |a| a.file_name());
            let count = matches.spans.len();
            let text = format!(
                "{name} — {count} {}",
                if count == 1 { "match" } else { "matches" }
            );
            ui.add(egui::Button::new(egui::RichText::new(text).strong()).frame(false))
                .on_hover_text("Open this article at its first match")
                .clicked()
        }
        Row::Match(a, m) => {
            let matches = &results.articles[*a];
            let (start, end) = matches.spans[*m];
            let text = panel_ctx.ws.text(matches.article).map_or("", |t| &**t);
            let (before, found, after) = find::context(text, start, end, CONTEXT);
            let mut job = egui::text::LayoutJob::default();
            let body = egui::TextStyle::Body.resolve(ui.style());
            let plain = egui::TextFormat::simple(body.clone(), ui.visuals().weak_text_color());
            let mut lit = egui::TextFormat::simple(body, ui.visuals().strong_text_color());
            lit.background = super::source::FIND_COLOR;
            job.append(&format!("    …{}", before.trim_start()), 0.0, plain.clone());
            job.append(&found, 0.0, lit);
            job.append(&format!("{}…", after.trim_end()), 0.0, plain);
            ui.add(egui::Button::new(job).frame(false).truncate())
                .clicked()
        }
        Row::FactsHeading => {
            ui.strong(format!("Facts — {}", results.facts.len()));
            false
        }
        Row::Fact(id) => {
            let Some(fact) = project.fact(*id) else {
                return false;
            };
            let file = project.article(fact.article).map_or("?", |a| a.file_name());
            let text = format!(
                "    {} · {} · {} ({file})",
                fact.id,
                fact.kind.as_str(),
                shorten(&fact.text, 60)
            );
            ui.add(egui::Button::new(text).frame(false).truncate())
                .clicked()
        }
    }
}

/// Shows what a clicked row names.
fn go_to(panel_ctx: &mut PanelCtx, results: &FindResults, row: &Row) {
    match row {
        Row::Article(a) => {
            let matches = &results.articles[*a];
            if let Some(&(start, end)) = matches.spans.first() {
                panel_ctx.ask(Ask::RevealSpan(matches.article, start, end));
            }
        }
        Row::Match(a, m) => {
            let matches = &results.articles[*a];
            let (start, end) = matches.spans[*m];
            panel_ctx.ask(Ask::RevealSpan(matches.article, start, end));
        }
        Row::FactsHeading => {}
        Row::Fact(id) => panel_ctx.ask(Ask::SelectFact(*id, SelectedIn::Elsewhere)),
    }
}

/// Opens the window with the keyboard in its query.
pub fn open(app: &mut App) {
    app.panels.find.open = true;
    app.panels.find.focus = true;
}

/// Goes to the next (or previous) match in the open article, after the one
/// shown; wraps around at the end. Without a query it opens the window.
pub fn step(app: &mut App, forward: bool) {
    if app.panels.find.query.trim().is_empty() {
        open(app);
        return;
    }
    app.panels.find.open = true;
    let results = app.panels.find.refresh(&app.ws);
    let Some(article) = app.ws.project().view.selected_article else {
        app.status = "Open an article to step through its matches.".into();
        return;
    };
    let spans = results.spans_in(article);
    let shown = app
        .panels
        .source
        .marked
        .filter(|(a, _, _)| *a == article)
        .map(|(_, s, _)| s);
    let next = if forward {
        shown
            .and_then(|at| spans.iter().find(|(s, _)| *s > at))
            .or(spans.first())
    } else {
        shown
            .and_then(|at| spans.iter().rev().find(|(s, _)| *s < at))
            .or(spans.last())
    };
    match next {
        Some(&(start, end)) => {
            let index = spans.iter().position(|&(s, _)| s == start).unwrap_or(0);
            app.reveal_span(article, start, end);
            app.status = format!("Match {} of {} in this article.", index + 1, spans.len());
        }
        None => {
            app.status = format!(
                "“{}” does not occur in this article ({}).",
                shorten(&results.query, 40),
                summary(&results)
            );
        }
    }
}
