//! The Events tab of the Compare panel: every event with its date, status,
//! sources and mentions. The analyst renames an event, merges events that
//! are one happening, and splits a mention off an event it does not belong
//! to; each is a command, undoable and saved with the project.

use egui::RichText;

use super::panel_ctx::{Ask, PanelCtx};
use crate::analysis::Comparison;
use crate::analysis::events::DateSource;
use crate::commands::Command;

/// What the Events tab remembers between frames.
#[derive(Default)]
pub struct EventsTab {
    /// The key of the event others are merged into.
    merge_target: Option<String>,
    /// The name being typed for an event, by its key.
    rename: Option<(String, String)>,
    /// Free-text filter over labels.
    filter: String,
    /// The selected event's key when the list last scrolled to it, so a
    /// selection made elsewhere (the timeline, the facts table) is brought
    /// into view once, and the analyst can scroll away afterwards.
    scrolled_to: Option<String>,
}

/// Draws the tab.
pub(super) fn show(ctx: &mut PanelCtx, tab: &mut EventsTab, ui: &mut egui::Ui, cmp: &Comparison) {
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut tab.filter)
                .hint_text("event")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
        match tab.merge_target.clone() {
            Some(_) => {
                ui.label("Press Merge on the events that are the same happening.");
                if ui.button("Done merging").clicked() {
                    tab.merge_target = None;
                }
            }
            None => {
                ui.label(
                    RichText::new(
                        "Events in time order. Merge events that are one happening; split a \
                         mention that is another.",
                    )
                    .weak(),
                );
            }
        }
    });
    let needle = tab.filter.to_lowercase();
    let shown: Vec<usize> = cmp
        .events
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| needle.is_empty() || e.label.to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("compare-events")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for i in shown {
                event_block(ctx, tab, ui, cmp, i);
                ui.separator();
            }
        });
}

/// One event: its heading, its actions and its mentions.
fn event_block(
    ctx: &mut PanelCtx,
    tab: &mut EventsTab,
    ui: &mut egui::Ui,
    cmp: &Comparison,
    i: usize,
) {
    let e = &cmp.events.list[i];
    let key = e.key();
    let selected = ctx.selected_event(cmp) == Some(i);
    ui.horizontal_wrapped(|ui| {
        let date = e
            .date
            .as_ref()
            .map_or("undated".to_owned(), |d| match d.source {
                DateSource::Clause => d.value.clone(),
                DateSource::Discourse => format!("{} (nearby date)", d.value),
                DateSource::Publication => format!("{} (publication)", d.value),
            });
        let heading = ui.selectable_label(selected, RichText::new(&e.label).strong());
        if heading.clicked()
            && let Some(m) = e.mentions.first()
        {
            ctx.ask(Ask::SelectEvent(m.key(), m.fact));
        }
        let selection = ctx.view().selected_event.clone();
        if selected && tab.scrolled_to != selection {
            heading.scroll_to_me(Some(egui::Align::Center));
            tab.scrolled_to = selection;
        }
        ui.label(date);
        ui.label(RichText::new(e.status.as_str()).italics());
        if !e.participants.is_empty() {
            ui.label(RichText::new(e.participants.join(", ")).weak());
        }
        let target = tab.merge_target.clone();
        match target {
            Some(t) if cmp.events.by_mention_key(&t) == Some(i) => {
                ui.label(RichText::new("merge target").italics());
            }
            Some(t) => {
                if ui.button("Merge").clicked() {
                    ctx.queue(Command::MergeEvents(t, key.clone()));
                }
            }
            None => {
                if ui.button("Merge others into this").clicked() {
                    tab.merge_target = Some(key.clone());
                }
            }
        }
        let renaming = tab.rename.as_ref().is_some_and(|(k, _)| *k == key);
        if !renaming && ui.button("Rename").clicked() {
            tab.rename = Some((key.clone(), e.label.clone()));
        }
    });
    rename_row(ctx, tab, ui, &key, e.renamed);
    ui.indent(("event-mentions", i), |ui| {
        for m in &e.mentions {
            let Some(fact) = ctx.ws.project().fact(m.fact) else {
                continue;
            };
            let file = ctx
                .ws
                .project()
                .article(m.article)
                .map_or("?", |a| a.file_name())
                .to_owned();
            let date = m.date.as_ref().map_or(String::new(), |d| {
                format!(" · {} ({})", d.value, d.source.as_str())
            });
            let text = format!("{file}: “{}”{date}", fact.text);
            ui.horizontal(|ui| {
                if ui.link(text).clicked() {
                    ctx.ask(Ask::SelectEvent(m.key(), m.fact));
                }
                if e.mentions.len() > 1
                    && ui
                        .small_button("Split")
                        .on_hover_text("This mention is another event")
                        .clicked()
                {
                    ctx.queue(Command::SplitEvent(m.key()));
                }
            });
        }
    });
}

/// The name field of the event being renamed, with Apply and Cancel.
fn rename_row(
    ctx: &mut PanelCtx,
    tab: &mut EventsTab,
    ui: &mut egui::Ui,
    key: &str,
    renamed: bool,
) {
    let Some((k, draft)) = tab.rename.as_mut() else {
        return;
    };
    if k != key {
        return;
    }
    let mut apply = false;
    let mut close = false;
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        let field = ui
            .add(egui::TextEdit::singleline(draft).desired_width(280.0))
            .labelled_by(label.id);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            apply = true;
        }
        apply |= ui.button("Apply name").clicked();
        if renamed && ui.button("Automatic name").clicked() {
            draft.clear();
            apply = true;
        }
        close = ui.button("Cancel").clicked();
    });
    if apply {
        let name = draft.clone();
        ctx.queue(Command::RenameEvent(key.to_owned(), name));
        close = true;
    }
    if close {
        tab.rename = None;
    }
}
