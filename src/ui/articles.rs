//! The articles panel: every article with outlet, publication date (and how
//! it was obtained), fact counts and reliability; the selected one's details
//! can be edited.

use chrono::NaiveDate;

use super::App;
use crate::commands::Command;
use crate::model::{Article, ArticleId, FactKind, Reliability, Status};

/// Drafts of the selected article's editable fields.
#[derive(Default)]
pub struct ArticlesPanel {
    draft_for: Option<(ArticleId, u64)>,
    title: String,
    outlet: String,
    date: String,
}

/// Draws the panel.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    ui.heading("Articles");
    if app.ws.project.articles.is_empty() {
        ui.label("No articles yet. Use File > Open folder… or drop files here.");
        return;
    }
    let selected = app.ws.project.view.selected_article;
    let details_height = if selected.is_some() { 190.0 } else { 0.0 };
    egui::ScrollArea::vertical()
        .id_salt("article-list")
        .max_height(ui.available_height() - details_height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for article in app.ws.project.articles.clone() {
                article_row(app, ui, &article, selected == Some(article.id));
            }
        });
    if let Some(article) = selected.and_then(|id| app.ws.project.article(id)).cloned() {
        ui.separator();
        details(app, ui, &article);
    }
}

fn article_row(app: &mut App, ui: &mut egui::Ui, article: &Article, is_selected: bool) {
    let mut counts = [0usize; FactKind::ALL.len()];
    let mut open = 0;
    for f in app.ws.project.facts_of(article.id) {
        if f.status != Status::Rejected {
            counts[f.kind as usize] += 1;
        }
        if f.status == Status::Unreviewed {
            open += 1;
        }
    }
    let frame = egui::Frame::group(ui.style()).fill(if is_selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        ui.visuals().panel_fill
    });
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
            ui.add(
                egui::Label::new(format!("{date} ({})", article.date_origin.describe())).truncate(),
            );
            ui.horizontal_wrapped(|ui| {
                for kind in FactKind::ALL {
                    let n = counts[kind as usize];
                    if n > 0 {
                        ui.colored_label(super::kind_color(kind), format!("{} {n}", kind.as_str()));
                    }
                }
                ui.label(format!("· {open} to review"));
            });
        })
        .response
        .interact(egui::Sense::click());
    if response.clicked() {
        app.ws.project.view.selected_article = Some(article.id);
        app.ws.project.view.selected_fact = None;
        app.ws.touch_view();
    }
}

fn details(app: &mut App, ui: &mut egui::Ui, article: &Article) {
    let revision = app.ws.revision();
    let panel = &mut app.panels.articles;
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
                    if d != article.published {
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
                Err(_) => app.status = format!("'{date}' is not a date like 2025-05-16"),
            }
        }
        if ui.button("Remove article").clicked() {
            commands.push(Command::RemoveArticles(vec![article.id]));
        }
    });
    for c in commands {
        app.queue(c);
    }
}
