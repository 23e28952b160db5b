//! The facts panel: filters, an editor for the selected fact, and a
//! virtualised, sortable table of every fact (500k rows scroll smoothly
//! because only the visible rows are drawn and the row order is cached).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};

use egui_extras::{Column, TableBuilder};

use super::kind_color;
use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use super::review::{CONFIRM_KEY, REJECT_KEY};
use super::source::SourcePanel;
use super::source::shorten;
use crate::analysis::Comparison;
use crate::commands::Command;
use crate::model::attr;
use crate::model::{
    Fact, FactColumn, FactColumns, FactFilter, FactId, FactKind, Origin, Project, SortColumn,
    SortOrder, Status,
};

/// Editable copy of the selected fact's fields.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    id: FactId,
    revision: u64,
    kind: FactKind,
    label: String,
    value: String,
    start: String,
    end: String,
    fields: String,
    note: String,
}

/// State of the facts panel that is not part of the model.
#[derive(Default)]
pub struct FactsPanel {
    /// Scroll the selected row into view on the next frame.
    pub scroll_to_selection: bool,
    rows: Vec<FactId>,
    rows_key: Option<(u64, FactFilter, SortOrder)>,
    draft: Option<Draft>,
}

impl FactsPanel {
    /// The table's rows (fact ids) in the order shown.
    pub fn rows(&self) -> &[FactId] {
        &self.rows
    }
}

/// What the facts panel shows from elsewhere: the latest comparison (for
/// its columns), the mentions of the selected event, and the source panel
/// (the text selected there gives "Span from selection").
pub(super) struct Shown<'a> {
    /// The comparison of sources, when it describes the project as it is.
    pub comparison: Option<&'a Comparison>,
    /// The facts of the selected event.
    pub event_facts: &'a HashSet<FactId>,
    /// The source panel, read-only.
    pub source: &'a SourcePanel,
}

/// Draws the panel.
pub(super) fn show(ctx: &mut PanelCtx, panel: &mut FactsPanel, ui: &mut egui::Ui, shown: Shown) {
    let filter = filter_bar(ctx, panel, ui);
    refresh_rows(ctx, panel, &filter);
    editor(ctx, panel, ui, shown.source);
    ui.separator();
    table(ctx, panel, ui, &shown);
}

/// The filter bar; returns the filter as it now stands (the view state
/// takes it after drawing).
fn filter_bar(ctx: &mut PanelCtx, panel: &FactsPanel, ui: &mut egui::Ui) -> FactFilter {
    let mut filter = ctx.view().filter.clone();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Facts");
        labelled_combo(
            ui,
            "Kind",
            filter.kind.map_or("all", FactKind::as_str),
            |ui| {
                ui.selectable_value(&mut filter.kind, None, "all");
                for k in FactKind::ALL {
                    ui.selectable_value(&mut filter.kind, Some(k), k.as_str());
                }
            },
        );
        labelled_combo(
            ui,
            "Status",
            filter.status.map_or("all", Status::as_str),
            |ui| {
                ui.selectable_value(&mut filter.status, None, "all");
                for s in Status::ALL {
                    ui.selectable_value(&mut filter.status, Some(s), s.as_str());
                }
            },
        );
        let article_name = filter
            .article
            .and_then(|id| ctx.ws.project().article(id))
            .map_or("all".to_owned(), |a| shorten(a.file_name(), 20));
        labelled_combo(ui, "Article", &article_name, |ui| {
            ui.selectable_value(&mut filter.article, None, "all");
            for a in &ctx.ws.project().articles {
                ui.selectable_value(&mut filter.article, Some(a.id), shorten(a.file_name(), 40));
            }
        });
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .hint_text("text, value, note…")
                .desired_width(150.0),
        )
        .labelled_by(label.id);
        ui.label(format!(
            "{} of {} shown",
            panel.rows.len(),
            ctx.ws.project().facts.len()
        ));
        columns_menu(ctx, ui);
    });
    if filter != ctx.view().filter {
        let shown = filter.clone();
        ctx.change_view(move |view| view.filter = shown);
    }
    filter
}

/// A combo box with its name in front, as people read a form.
fn labelled_combo(
    ui: &mut egui::Ui,
    name: &str,
    selected: &str,
    items: impl FnOnce(&mut egui::Ui),
) {
    let label = ui.label(name);
    egui::ComboBox::from_id_salt(name)
        .selected_text(selected)
        .width(100.0)
        .show_ui(ui, items)
        .response
        .labelled_by(label.id);
}

/// Recomputes the row order when the project, filter or sort changed.
fn refresh_rows(ctx: &PanelCtx, panel: &mut FactsPanel, filter: &FactFilter) {
    let sort = ctx.view().sort;
    let key = (ctx.ws.revision(), filter.clone(), sort);
    if panel.rows_key.as_ref() == Some(&key) {
        return;
    }
    panel.rows = visible_rows(ctx.ws.project(), filter, sort);
    panel.rows_key = Some(key);
}

/// The ids of the facts that pass `filter`, in `sort` order.
pub fn visible_rows(project: &Project, filter: &FactFilter, sort: SortOrder) -> Vec<FactId> {
    let needle = filter.text.to_lowercase();
    let mut rows: Vec<&Fact> = project
        .facts
        .values()
        .map(|f| &**f)
        .filter(|f| filter.kind.is_none_or(|k| f.kind == k))
        .filter(|f| filter.status.is_none_or(|s| f.status == s))
        .filter(|f| filter.article.is_none_or(|a| f.article == a))
        .filter(|f| {
            needle.is_empty()
                || [&f.text, &f.value, &f.label, &f.note]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&needle))
        })
        .collect();
    let order = |a: &Fact, b: &Fact| -> Ordering {
        match sort.column {
            SortColumn::Position => (a.article, a.start, a.end).cmp(&(b.article, b.start, b.end)),
            SortColumn::Kind => a.kind.cmp(&b.kind),
            SortColumn::Text => a.text.cmp(&b.text),
            SortColumn::Value => a.value.cmp(&b.value),
            SortColumn::Status => a.status.cmp(&b.status),
        }
        .then(a.id.cmp(&b.id))
    };
    rows.sort_by(|a, b| {
        if sort.descending {
            order(b, a)
        } else {
            order(a, b)
        }
    });
    rows.into_iter().map(|f| f.id).collect()
}

fn editor(ctx: &mut PanelCtx, panel: &mut FactsPanel, ui: &mut egui::Ui, source: &SourcePanel) {
    let Some(fact) = ctx
        .view()
        .selected_fact
        .and_then(|id| ctx.ws.project().fact(id))
        .cloned()
    else {
        ui.label("Select a fact (click a row or a highlight) to review and edit it.");
        return;
    };
    if !panel.rows.contains(&fact.id) {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "The selected fact {} is hidden by the filter.",
                fact.id
            ));
            if ui.button("Clear the filter").clicked() {
                ctx.change_view(|view| view.filter = FactFilter::default());
                panel.scroll_to_selection = true;
            }
        });
        return;
    }
    let revision = ctx.ws.revision();
    let stale = panel
        .draft
        .as_ref()
        .is_none_or(|d| d.id != fact.id || d.revision != revision);
    if stale {
        panel.draft = Some(draft_of(&fact, revision));
    }
    let Some(draft) = panel.draft.as_mut() else {
        return;
    };
    let mut commands = Vec::new();
    let mut cancelled = false;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{} ·", fact.id));
        if let Some(page) = ctx
            .ws
            .project()
            .article(fact.article)
            .and_then(|a| a.provenance.page_at(fact.start))
        {
            ui.label(format!("page {page} ·"));
        }
        labelled_combo(ui, "Fact kind", draft.kind.as_str(), |ui| {
            for k in FactKind::ALL {
                ui.selectable_value(&mut draft.kind, k, k.as_str());
            }
        });
        let fields = [
            labelled_field(ui, "Label", &mut draft.label, 70.0),
            labelled_field(ui, "Value", &mut draft.value, 170.0),
            labelled_field(ui, "Start", &mut draft.start, 50.0),
            labelled_field(ui, "End", &mut draft.end, 50.0),
            labelled_field(ui, "Fields", &mut draft.fields, 220.0),
            labelled_field(ui, "Note", &mut draft.note, 160.0),
        ];
        let left = fields.iter().any(egui::Response::lost_focus);
        let key = |k| left && ui.input(|i| i.key_pressed(k));
        let (entered, escaped) = (key(egui::Key::Enter), key(egui::Key::Escape));
        cancelled = escaped;
        let selection = source
            .selection_in(fact.article)
            .filter(|_| ctx.view().selected_article == Some(fact.article));
        if ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new("Span from selection"),
            )
            .on_hover_text("Use the text selected in the article as this fact's span")
            .clicked()
            && let Some((start, end)) = selection
        {
            draft.start = start.to_string();
            draft.end = end.to_string();
        }
        let apply = ui
            .button("Apply edit")
            .on_hover_text("Enter in a field applies; Escape cancels the edit");
        if apply.clicked() || entered {
            match fact_from_draft(&fact, draft) {
                Ok(updated) => commands.push(Command::UpdateFact(updated)),
                Err(e) => ctx.ask(Ask::Status(e)),
            }
        }
        if ui
            .button("Confirm")
            .on_hover_text(format!("Confirm this fact ({CONFIRM_KEY})"))
            .clicked()
        {
            commands.push(Command::SetStatus(vec![fact.id], Status::Confirmed));
        }
        if ui
            .button("Reject")
            .on_hover_text(format!("Reject this fact ({REJECT_KEY})"))
            .clicked()
        {
            commands.push(Command::SetStatus(vec![fact.id], Status::Rejected));
        }
        if ui.button("Delete").clicked() {
            commands.push(Command::DeleteFacts(vec![fact.id]));
        }
    });
    let origin = match fact.origin {
        Origin::Extracted(v) => format!("extracted (engine v{v})"),
        Origin::Manual => "added by hand".into(),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "“{}” · {} · {origin} · anchor {:?}",
            shorten(&fact.text, 80),
            fact.status.as_str(),
            fact.anchor
        ));
        if let Some(why) = fact.attrs.get(attr::RESOLUTION) {
            ui.label(resolution_trail(why, fact.attrs.get(attr::RULE)));
        }
    });
    if cancelled {
        panel.draft = None;
    }
    for c in commands {
        ctx.queue(c);
    }
}

/// How a value was resolved, and the name of the rule that found it, so the
/// analyst can trace a date to the rule behind it.
fn resolution_trail(why: &str, rule: Option<&String>) -> String {
    match rule {
        Some(rule) => format!("· resolved: {why} (rule “{rule}”)"),
        None => format!("· resolved: {why}"),
    }
}

fn labelled_field(ui: &mut egui::Ui, name: &str, value: &mut String, width: f32) -> egui::Response {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(label.id)
}

fn draft_of(fact: &Fact, revision: u64) -> Draft {
    Draft {
        id: fact.id,
        revision,
        kind: fact.kind,
        label: fact.label.clone(),
        value: fact.value.clone(),
        start: fact.start.to_string(),
        end: fact.end.to_string(),
        fields: fact.attrs_summary(),
        note: fact.note.clone(),
    }
}

/// The fact as the draft describes it, or why the draft is not valid.
fn fact_from_draft(fact: &Fact, draft: &Draft) -> Result<Fact, String> {
    let offset = |s: &str, name: &str| {
        s.trim()
            .parse::<usize>()
            .map_err(|_| format!("{name} must be a whole number (a byte offset)"))
    };
    let (start, end) = (offset(&draft.start, "Start")?, offset(&draft.end, "End")?);
    if start >= end {
        return Err("Start must be before End".into());
    }
    Ok(Fact {
        kind: draft.kind,
        label: draft.label.trim().to_owned(),
        value: draft.value.trim().to_owned(),
        start,
        end,
        attrs: parse_fields(&draft.fields)?,
        note: draft.note.clone(),
        ..fact.clone()
    })
}

/// Reads `key=value; key=value` back into fields.
fn parse_fields(text: &str) -> Result<BTreeMap<String, String>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|pair| {
            pair.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .ok_or_else(|| format!("'{pair}' is not key=value"))
        })
        .collect()
}

/// How wide a column starts, and the sort it offers.
fn column_spec(column: FactColumn) -> (Column, Option<SortColumn>) {
    let sized = |initial: f32, least: f32| Column::initial(initial).at_least(least).clip(true);
    match column {
        FactColumn::Kind => (sized(64.0, 48.0), Some(SortColumn::Kind)),
        FactColumn::Text => (sized(300.0, 80.0), Some(SortColumn::Text)),
        FactColumn::Value => (sized(170.0, 60.0), Some(SortColumn::Value)),
        FactColumn::Label => (sized(70.0, 40.0), None),
        FactColumn::Article => (sized(150.0, 60.0), Some(SortColumn::Position)),
        FactColumn::Status => (sized(80.0, 60.0), Some(SortColumn::Status)),
        FactColumn::Sources => (sized(58.0, 40.0), None),
        FactColumn::Notes => (sized(240.0, 60.0), None),
    }
}

/// A fact's cell in `column`: its text and, for the kind, its colour.
fn cell(
    project: &Project,
    comparison: Option<&crate::analysis::Comparison>,
    fact: &Fact,
    column: FactColumn,
) -> (String, Option<egui::Color32>) {
    match column {
        FactColumn::Kind => (fact.kind.as_str().to_owned(), Some(kind_color(fact.kind))),
        FactColumn::Text => (shorten(&fact.text, 80), None),
        FactColumn::Value => (shorten(&fact.value, 60), None),
        FactColumn::Label => (fact.label.clone(), None),
        FactColumn::Article => {
            let article = project.article(fact.article);
            let file = article.map_or("?", |a| a.file_name());
            match article.and_then(|a| a.provenance.page_at(fact.start)) {
                Some(page) => (format!("{file} p. {page} @{}", fact.start), None),
                None => (format!("{file} @{}", fact.start), None),
            }
        }
        FactColumn::Status => (fact.status.as_str().to_owned(), None),
        FactColumn::Sources => (
            comparison
                .and_then(|c| c.corroboration(fact.id))
                .map_or(String::new(), |n| n.to_string()),
            None,
        ),
        FactColumn::Notes => (notes_cell(fact), None),
    }
}

/// The Columns menu: show, hide and move the table's columns.
fn columns_menu(ctx: &mut PanelCtx, ui: &mut egui::Ui) {
    let mut columns = ctx.view().fact_columns.clone();
    ui.menu_button("Columns", |ui| {
        let shown = columns.shown();
        for (i, column) in shown.iter().enumerate() {
            ui.horizontal(|ui| {
                let mut on = true;
                if ui
                    .add_enabled(
                        shown.len() > 1,
                        egui::Checkbox::new(&mut on, column.heading()),
                    )
                    .changed()
                {
                    columns.set_shown(*column, false);
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new("←").small())
                    .on_hover_text("Move left")
                    .clicked()
                {
                    columns.shift(*column, -1);
                }
                if ui
                    .add_enabled(i + 1 < shown.len(), egui::Button::new("→").small())
                    .on_hover_text("Move right")
                    .clicked()
                {
                    columns.shift(*column, 1);
                }
            });
        }
        for column in columns.hidden() {
            let mut on = false;
            if ui.checkbox(&mut on, column.heading()).changed() {
                columns.set_shown(column, true);
            }
        }
        ui.separator();
        if ui.button("Show all in the usual order").clicked() {
            columns = FactColumns::default();
        }
    });
    if columns != ctx.view().fact_columns {
        ctx.change_view(move |view| view.fact_columns = columns);
    }
}

fn table(ctx: &mut PanelCtx, panel: &mut FactsPanel, ui: &mut egui::Ui, shown: &Shown) {
    let selected = ctx.view().selected_fact;
    let event_facts = shown.event_facts;
    let scroll_row = if std::mem::take(&mut panel.scroll_to_selection) {
        selected.and_then(|id| panel.rows.iter().position(|r| *r == id))
    } else {
        None
    };
    let columns = ctx.view().fact_columns.shown();
    let mut sort = ctx.view().sort;
    let mut clicked = None;
    let project = ctx.ws.project();
    let rows = &panel.rows;
    let comparison = shown.comparison;
    // The table is wider than a small window: it scrolls sideways, and
    // its own rows scroll up and down inside.
    egui::ScrollArea::horizontal()
        .id_salt("facts-table-sideways")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.style_mut().interaction.selectable_labels = false;
            let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
            let mut builder = TableBuilder::new(ui)
                .id_salt(("facts-table", columns.clone()))
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .min_scrolled_height(0.0)
                .auto_shrink([false, false]);
            // The last column takes what is left of a wide window.
            for (i, column) in columns.iter().enumerate() {
                let spec = if i + 1 == columns.len() {
                    Column::remainder().at_least(160.0).clip(true)
                } else {
                    column_spec(*column).0
                };
                builder = builder.column(spec);
            }
            if let Some(row) = scroll_row {
                builder = builder.scroll_to_row(row, Some(egui::Align::Center));
            }
            builder
                .header(row_height + 2.0, |mut header| {
                    for column in &columns {
                        header.col(|ui| sort_heading(ui, *column, &mut sort));
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let Some(fact) = project.fact(rows[row.index()]) else {
                            return;
                        };
                        row.set_selected(
                            selected == Some(fact.id) || event_facts.contains(&fact.id),
                        );
                        let mut hit = false;
                        for column in &columns {
                            let (text, color) = cell(project, comparison, fact, *column);
                            let (_, response) = row.col(|ui| {
                                let mut rich = egui::RichText::new(text);
                                if let Some(c) = color {
                                    rich = rich.color(c);
                                }
                                ui.add(egui::Label::new(rich).truncate());
                            });
                            hit |= response.clicked();
                        }
                        if hit || row.response().clicked() {
                            clicked = Some(fact.id);
                        }
                    });
                });
        });
    if sort != ctx.view().sort {
        ctx.change_view(move |view| view.sort = sort);
        // The selected row stays in view when the order changes.
        panel.scroll_to_selection = true;
    }
    if let Some(id) = clicked {
        ctx.ask(Ask::SelectFact(id, SelectedIn::FactsTable));
    }
}

/// A column heading; a click on one that sorts sorts by it, a second
/// click reverses the order.
fn sort_heading(ui: &mut egui::Ui, column: FactColumn, sort: &mut SortOrder) {
    let by = column_spec(column).1;
    let arrow = match by {
        Some(c) if c == sort.column => {
            if sort.descending {
                " ▼"
            } else {
                " ▲"
            }
        }
        _ => "",
    };
    let text = egui::RichText::new(format!("{}{arrow}", column.heading())).strong();
    match by {
        Some(c) => {
            if ui
                .add(egui::Button::new(text).frame(false))
                .on_hover_text("Sort")
                .clicked()
            {
                sort.descending = sort.column == c && !sort.descending;
                sort.column = c;
            }
        }
        None => {
            ui.label(text);
        }
    }
}

fn notes_cell(fact: &Fact) -> String {
    let fields = fact.attrs_summary();
    match (fields.is_empty(), fact.note.is_empty()) {
        (true, true) => String::new(),
        (false, true) => shorten(&fields, 80),
        (true, false) => format!("note: {}", shorten(&fact.note, 60)),
        (false, false) => format!(
            "note: {} · {}",
            shorten(&fact.note, 40),
            shorten(&fields, 40)
        ),
    }
}
