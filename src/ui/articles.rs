//! The articles panel: every article with outlet, publication date (and how
//! it was obtained), fact counts and reliability; the selected one's details
//! can be edited.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use crate::commands::Command;
use crate::model::{Article, ArticleId, FactKind, Reliability, Status};

/// Drafts of the selected article's editable fields.
#[derive(Default)]
pub struct ArticlesPanel {
    /// Scroll the selected article into view on the next frame.
    pub scroll_to_selection: bool,
    counts: HashMap<ArticleId, Counts>,
    counts_revision: Option<u64>,
    draft_for: Option<(ArticleId, u64)>,
    title: String,
    outlet: String,
    date: String,
}

/// Draws the panel.
pub(super) fn show(ctx: &mut PanelCtx, panel: &mut ArticlesPanel, ui: &mut egui::Ui) {
    ui.heading("Articles");
    if ctx.ws.project().articles.is_empty() {
        ui.label("No articles yet. Use File > Open folder… or drop files here.");
        return;
    }
    refresh_counts(ctx, panel);
    let selected = ctx.ws.project().view.selected_article;
    let details_height = if selected.is_some() { 190.0 } else { 0.0 };
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let row_height = 4.0 * line + 2.0 * ui.spacing().item_spacing.y + 12.0;
    let count = ctx.ws.project().articles.len();
    let mut list = egui::ScrollArea::vertical();
    if std::mem::take(&mut panel.scroll_to_selection)
        && let Some(at) =
            selected.and_then(|id| ctx.ws.project().articles.iter().position(|a| a.id == id))
    {
        let above = (ui.available_height() - details_height - row_height) / 2.0;
        list = list.vertical_scroll_offset((at as f32 * row_height - above).max(0.0));
    }
    list.id_salt("article-list")
        .max_height(ui.available_height() - details_height)
        .auto_shrink([false, false])
        .show_rows(ui, row_height, count, |ui, rows| {
            for i in rows {
                let Some(article) = ctx.ws.project().articles.get(i).cloned() else {
                    continue;
                };
                ui.allocate_ui(egui::vec2(ui.available_width(), row_height), |ui| {
                    article_row(ctx, panel, ui, &article, selected == Some(article.id));
                });
            }
        });
    if let Some(article) = selected
        .and_then(|id| ctx.ws.project().article(id))
        .cloned()
    {
        ui.separator();
        details(ctx, panel, ui, &article);
    }
}

/// Fact counts per article (by kind, not rejected) and facts left to review.
#[derive(Default, Clone, Copy)]
struct Counts {
    by_kind: [usize; FactKind::ALL.len()],
    to_review: usize,
}

/// Counts every article's facts in one pass when the project changed.
fn refresh_counts(ctx: &PanelCtx, panel: &mut ArticlesPanel) {
    if panel.counts_revision == Some(ctx.ws.revision()) {
        return;
    }
    panel.counts.clear();
    for f in ctx.ws.project().facts.values() {
        let c = panel.counts.entry(f.article).or_default();
        if f.status != Status::Rejected {
            c.by_kind[f.kind as usize] += 1;
        }
        if f.status == Status::Unreviewed {
            c.to_review += 1;
        }
    }
    panel.counts_revision = Some(ctx.ws.revision());
}

fn article_row(
    ctx: &mut PanelCtx,
    panel: &mut ArticlesPanel,
    ui: &mut egui::Ui,
    article: &Article,
    is_selected: bool,
) {
    let counts = panel.counts.get(&article.id).copied().unwrap_or_default();
    let frame = egui::Frame::group(ui.style()).fill(if is_selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        ui.visuals().panel_fill
    });
    // The row's own id, stable between frames, lets keyboard focus rest on it.
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(egui::RichText::new(&article.title).strong()).truncate());
            let outlet = if article.outlet.is_empty() {
                "outlet unknown"
            } else {
                &article.outlet
            };
            ui.add(egui::Label::new(format!("{} · {}", article.file_name(), outlet)).truncate());
            let date = article
                .published
                .map_or("date unknown".to_owned(), |d| d.to_string());
            let date = format!("{date} ({})", article.date_origin.describe());
            let date = if article.date_origin.is_inferred() {
                egui::RichText::new(date).color(ui.visuals().warn_fg_color)
            } else {
                egui::RichText::new(date)
            };
            ui.add(egui::Label::new(date).truncate());
            // Wrapped, so the counts never widen the panel past its size.
            ui.horizontal_wrapped(|ui| {
                for kind in FactKind::ALL {
                    let n = counts.by_kind[kind as usize];
                    if n > 0 {
                        ui.colored_label(super::kind_color(kind), format!("{} {n}", kind.as_str()));
                    }
                }
                ui.label(format!("· {} to review", counts.to_review));
            });
        })
        .response;
    let response = ui.interact(
        response.rect,
        egui::Id::unique(("article-row", article.id)),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &article.title));
    if response.clicked() {
        ctx.ask(Ask::SelectArticle(article.id, SelectedIn::ArticlesList));
    }
}

fn details(ctx: &mut PanelCtx, panel: &mut ArticlesPanel, ui: &mut egui::Ui, article: &Article) {
    let revision = ctx.ws.revision();
    if panel.draft_for != Some((article.id, revision)) {
        panel.draft_for = Some((article.id, revision));
        panel.title = article.title.clone();
        panel.outlet = article.outlet.clone();
        panel.date = article.published.map(|d| d.to_string()).unwrap_or_default();
    }
    let mut commands = Vec::new();
    egui::Grid::new("article-details")
        .num_columns(2)
        .min_col_width(60.0)
        .show(ui, |ui| {
            for (name, value, hint) in [
                ("Title", &mut panel.title, ""),
                ("Outlet", &mut panel.outlet, "unknown"),
                ("Published", &mut panel.date, "YYYY-MM-DD"),
            ] {
                let l = ui.label(name);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        let mut grade = article.reliability;
        egui::ComboBox::from_label("Reliability")
            .selected_text(format!("{grade:?} — {}", grade.meaning()))
            .show_ui(ui, |ui| {
                for g in Reliability::ALL {
                    ui.selectable_value(&mut grade, g, format!("{g:?} — {}", g.meaning()));
                }
            });
        if grade != article.reliability {
            commands.push(Command::SetReliability(article.id, grade));
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Update article").clicked() {
            let date = panel.date.trim();
            let parsed = if date.is_empty() {
                Ok(None)
            } else {
                NaiveDate::parse_from_str(date, "%Y-%m-%d").map(Some)
            };
            match parsed {
                Ok(d) => {
                    // Updating an inferred date, even unchanged, confirms it.
                    if d != article.published || article.date_origin.is_inferred() {
                        commands.push(Command::SetPublished(article.id, d));
                    }
                    if panel.title != article.title || panel.outlet != article.outlet {
                        commands.push(Command::UpdateArticle(Article {
                            title: panel.title.clone(),
                            outlet: panel.outlet.clone(),
                            ..article.clone()
                        }));
                    }
                }
                Err(_) => ctx.ask(Ask::Status(format!(
                    "'{date}' is not a date like 2025-05-16"
                ))),
            }
        }
        if ui.button("Remove article").clicked() {
            commands.push(Command::RemoveArticles(vec![article.id]));
        }
    });
    for c in commands {
        ctx.queue(c);
    }
}
