//! The timeline panel. By event (the default): one row per event with its
//! date as a bar and each source's claimed date beside it; a click selects
//! the event's mentions. By article: dated facts on a zoomable, pannable day
//! axis, one lane per article, ranges as bars, coarse dates drawn wide and faint, each
//! article's publication date marked; click a mark to select its fact.
//! Each article has its colour; dates that contradict each other across
//! articles are outlined in red and joined, and a click on one opens the
//! contradiction in the Compare panel.

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, vec2};

use std::collections::HashMap;
use std::sync::Arc;

use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use crate::analysis::events::DateSource;
use crate::analysis::timeline::{EventRow, TimelineLayout, date_of, days, event_rows, rows_extent};
use crate::analysis::{Comparison, ContradictionKind};
use crate::extract::time::Granularity;
use crate::model::FactId;

const LANE_HEIGHT: f32 = 30.0;
const AXIS_HEIGHT: f32 = 22.0;
const LABEL_WIDTH: f32 = 110.0;
/// Room the "published" label needs to the right of its line.
const PUBLISHED_LABEL_WIDTH: f32 = 48.0;
/// The colour of dates that contradict each other.
const CONFLICT: Color32 = Color32::from_rgb(0xe0, 0x40, 0x40);

/// Lane colours, one per article in turn, told apart on dark and light themes.
const LANE_COLORS: [Color32; 8] = [
    Color32::from_rgb(0x4e, 0x9a, 0xd6),
    Color32::from_rgb(0xe0, 0x9a, 0x3e),
    Color32::from_rgb(0x5c, 0xb8, 0x5c),
    Color32::from_rgb(0xb0, 0x7c, 0xd8),
    Color32::from_rgb(0x3e, 0xc0, 0xb8),
    Color32::from_rgb(0xd6, 0x5c, 0x7a),
    Color32::from_rgb(0xc8, 0xb8, 0x40),
    Color32::from_rgb(0x9a, 0x9a, 0xe0),
];

/// The colour of an article's lane and marks.
fn lane_color(lane: usize) -> Color32 {
    LANE_COLORS[lane % LANE_COLORS.len()]
}

/// The date contradiction each fact is evidence of, by contradiction key.
fn conflicts(comparison: Option<&Arc<Comparison>>) -> HashMap<FactId, String> {
    let Some(cmp) = comparison else {
        return HashMap::new();
    };
    cmp.contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Date)
        .flat_map(|c| {
            let key = c.key();
            c.claims
                .iter()
                .flat_map(|cl| cl.facts.iter().copied())
                .map(move |f| (f, key.clone()))
        })
        .collect()
}

/// State of the timeline that is not part of the model.
#[derive(Default)]
pub struct TimelinePanel {
    layout: TimelineLayout,
    layout_revision: Option<u64>,
    /// Show one lane per article instead of one row per event.
    pub by_article: bool,
    /// The event rows of the comparison they were laid out from.
    rows: Vec<EventRow>,
    rows_of: Option<Arc<Comparison>>,
}

/// One event row's height: a line for its label, then its bars.
const EVENT_ROW: f32 = 40.0;
/// The height of the label line at the top of an event row.
const EVENT_LABEL: f32 = 15.0;

/// What the timeline shows from the Compare panel: its latest comparison
/// (events and date contradictions), and whether a new one is running.
pub(super) struct Compared<'a> {
    /// The comparison of sources, when it describes the project as it is.
    pub comparison: Option<&'a Arc<Comparison>>,
    /// True while a comparison runs in the background.
    pub running: bool,
}

/// Draws the panel.
pub(super) fn show(
    ctx: &mut PanelCtx,
    panel: &mut TimelinePanel,
    ui: &mut egui::Ui,
    compared: Compared,
) {
    if panel.layout_revision != Some(ctx.ws.revision()) {
        panel.layout = TimelineLayout::build(ctx.ws.project());
        panel.layout_revision = Some(ctx.ws.revision());
    }
    if let Some(cmp) = compared.comparison
        && !panel.rows_of.as_ref().is_some_and(|c| Arc::ptr_eq(c, cmp))
    {
        panel.rows = event_rows(ctx.ws.project(), &cmp.events);
        panel.rows_of = Some(cmp.clone());
    }
    let by_article = panel.by_article;
    let layout = std::mem::take(&mut panel.layout);
    let extent = if by_article {
        layout.extent()
    } else {
        rows_extent(&panel.rows).or_else(|| layout.extent())
    };
    let mut range = ctx
        .view()
        .timeline_range
        .or_else(|| extent.map(padded))
        .unwrap_or((days_of(2025, 1, 1), days_of(2026, 1, 1)));
    // The view follows the facts until the analyst pans or zooms; only then is it kept.
    let mut moved = false;
    let mut by_article_choice = by_article;
    ui.horizontal(|ui| {
        ui.heading("Timeline");
        ui.selectable_value(&mut by_article_choice, false, "By event")
            .on_hover_text("One row per event, each source's date side by side");
        ui.selectable_value(&mut by_article_choice, true, "By article")
            .on_hover_text("One lane per article with every dated fact");
        if ui
            .button("Fit")
            .on_hover_text("Show every dated fact")
            .clicked()
            && let Some(e) = extent
        {
            range = padded(e);
            moved = true;
        }
        if ui.button("−").on_hover_text("Zoom out").clicked() {
            range = zoom(range, (range.0 + range.1) / 2.0, 1.5);
            moved = true;
        }
        if ui.button("+").on_hover_text("Zoom in").clicked() {
            range = zoom(range, (range.0 + range.1) / 2.0, 1.0 / 1.5);
            moved = true;
        }
    });
    panel.by_article = by_article_choice;
    if !by_article {
        ui.label(format!(
            "{} event(s) · grey bar: the event's date · coloured marks: each source's date \
             (hollow: a nearby date only) · click a row to select its mentions",
            panel.rows.len()
        ));
        let rows = std::mem::take(&mut panel.rows);
        let hit = draw_events(ctx, &compared, ui, &rows, &mut range, &mut moved);
        panel.rows = rows;
        panel.layout = layout;
        if let Some((key, first)) = hit {
            ctx.ask(Ask::SelectEvent(key, first));
        }
        keep_range(ctx, moved, range);
        return;
    }
    ui.label(format!(
        "{} dated fact(s) · drag to pan, scroll to zoom",
        layout.items.len()
    ));
    let lanes = layout.lanes.len().max(1);
    let height = (AXIS_HEIGHT + LANE_HEIGHT * lanes as f32).max(ui.available_height());
    let selected = ctx.ws.project().view.selected_fact;
    let conflicts = conflicts(compared.comparison);
    let mut conflict_marks: HashMap<&str, Vec<Pos2>> = HashMap::new();
    let mut hit = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline-scroll")
        .show(ui, |ui| {
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
            let plot = Rect::from_min_max(rect.min + vec2(LABEL_WIDTH, AXIS_HEIGHT), rect.max);
            pan_and_zoom(ui, &response, plot, &mut range, &mut moved);
            let r = range;
            let to_x = |d: f64| plot.left() + ((d - r.0) / (r.1 - r.0)) as f32 * plot.width();
            let painter = ui.painter_at(rect);
            // Marks never spill into the lane names or the axis.
            let marks = painter.with_clip_rect(plot.expand(3.0).intersect(painter.clip_rect()));
            draw_axis(&painter, plot, range, &to_x, ui.visuals().weak_text_color());
            let pointer = response
                .interact_pointer_pos()
                .filter(|_| response.clicked());
            let visible = ui.clip_rect();
            let first_lane = ((visible.top() - plot.top()) / LANE_HEIGHT)
                .floor()
                .max(0.0) as usize;
            let lane_count = (visible.height() / LANE_HEIGHT).ceil() as usize + 2;
            for (i, (_, title)) in layout
                .lanes
                .iter()
                .enumerate()
                .skip(first_lane)
                .take(lane_count)
            {
                let top = plot.top() + i as f32 * LANE_HEIGHT;
                let lane = Rect::from_min_max(
                    Pos2::new(plot.left(), top),
                    Pos2::new(plot.right(), top + LANE_HEIGHT),
                );
                if i % 2 == 0 {
                    painter.rect_filled(lane, 0.0, ui.visuals().faint_bg_color);
                }
                let name = super::source::shorten(title, 15);
                painter.rect_filled(
                    Rect::from_center_size(
                        Pos2::new(rect.left() + 6.0, lane.center().y),
                        vec2(6.0, 12.0),
                    ),
                    1.0,
                    lane_color(i),
                );
                painter.text(
                    Pos2::new(rect.left() + 12.0, lane.center().y),
                    Align2::LEFT_CENTER,
                    name,
                    FontId::proportional(11.0),
                    ui.visuals().text_color(),
                );
                if let Some(Some(p)) = layout.published.get(i) {
                    let x = to_x(*p);
                    marks.line_segment(
                        [
                            Pos2::new(x, lane.top() + 2.0),
                            Pos2::new(x, lane.bottom() - 2.0),
                        ],
                        Stroke::new(2.0, ui.visuals().warn_fg_color),
                    );
                    // Near the right edge the label goes left of its line, so it is never cut.
                    let (at, align) = if x + PUBLISHED_LABEL_WIDTH > plot.right() {
                        (x - 2.0, Align2::RIGHT_TOP)
                    } else {
                        (x + 2.0, Align2::LEFT_TOP)
                    };
                    let inferred = layout.published_inferred.get(i).copied().unwrap_or(false);
                    marks.text(
                        Pos2::new(at, lane.top() + 1.0),
                        align,
                        if inferred { "inferred?" } else { "published" },
                        FontId::proportional(9.0),
                        ui.visuals().warn_fg_color,
                    );
                }
            }
            for item in &layout.items {
                let top = plot.top() + item.lane as f32 * LANE_HEIGHT;
                if top > visible.bottom() || top + LANE_HEIGHT < visible.top() {
                    continue;
                }
                let (x0, x1) = (to_x(item.start), to_x(item.end));
                let coarse = !matches!(
                    item.granularity,
                    Granularity::Day
                        | Granularity::Hour
                        | Granularity::Minute
                        | Granularity::PartOfDay
                );
                let bar = Rect::from_min_max(
                    Pos2::new(x0, top + if coarse { 5.0 } else { 9.0 }),
                    Pos2::new(
                        x1.max(x0 + 5.0),
                        top + LANE_HEIGHT - if coarse { 5.0 } else { 9.0 },
                    ),
                );
                if bar.right() < plot.left() || bar.left() > plot.right() {
                    continue;
                }
                let color = lane_color(item.lane);
                // A date placed with an inferred publication date is drawn faint and outlined.
                let coarse = coarse || item.inferred;
                let fill = if coarse {
                    color.gamma_multiply(0.25)
                } else {
                    color
                };
                marks.rect_filled(bar, 2.0, fill);
                if selected == Some(item.fact) {
                    marks.rect_stroke(
                        bar.expand(2.0),
                        2.0,
                        Stroke::new(2.0, ui.visuals().strong_text_color()),
                        StrokeKind::Outside,
                    );
                } else if coarse {
                    marks.rect_stroke(bar, 2.0, Stroke::new(1.0, color), StrokeKind::Inside);
                }
                let conflict = conflicts.get(&item.fact);
                if let Some(key) = conflict {
                    marks.rect_stroke(
                        bar.expand(1.0),
                        2.0,
                        Stroke::new(1.5, CONFLICT),
                        StrokeKind::Outside,
                    );
                    conflict_marks
                        .entry(key.as_str())
                        .or_default()
                        .push(bar.center());
                }
                if let Some(p) = pointer
                    && bar.expand(3.0).contains(p)
                {
                    hit = Some((item.fact, conflict.cloned()));
                }
                let hovered = response
                    .hover_pos()
                    .is_some_and(|p| bar.expand(3.0).contains(p));
                if hovered {
                    let mut tip = format!("{} ({:?})", item.label, item.granularity);
                    if item.inferred {
                        tip.push_str(
                            "\nplaced with a date inferred from the dossier — please confirm",
                        );
                    }
                    if let Some(key) = conflict {
                        tip.push_str(&format!("\nContradiction: {key} (click to open it)"));
                    }
                    response.clone().on_hover_text(tip);
                }
            }
            for points in conflict_marks.values_mut() {
                points.sort_by(|a, b| a.y.total_cmp(&b.y));
                for pair in points.windows(2) {
                    marks.add(egui::Shape::dashed_line(
                        &[pair[0], pair[1]],
                        Stroke::new(1.0, CONFLICT),
                        4.0,
                        3.0,
                    ));
                }
            }
        });
    panel.layout = layout;
    if let Some((id, conflict)) = hit {
        ctx.ask(Ask::SelectFact(id, SelectedIn::Elsewhere));
        if let Some(key) = conflict {
            ctx.ask(Ask::ShowContradiction(key));
        }
    }
    keep_range(ctx, moved, range);
}

/// Keeps the range the analyst panned or zoomed to in the view state.
fn keep_range(ctx: &mut PanelCtx, moved: bool, range: (f64, f64)) {
    if moved && ctx.view().timeline_range != Some(range) {
        ctx.change_view(move |view| view.timeline_range = Some(range));
    }
}

/// Pans and zooms `range` from the pointer over `response`, as both views do.
fn pan_and_zoom(
    ui: &egui::Ui,
    response: &egui::Response,
    plot: Rect,
    range: &mut (f64, f64),
    moved: &mut bool,
) {
    if response.dragged() {
        let shift = response.drag_delta().x as f64 / plot.width() as f64 * (range.1 - range.0);
        *range = (range.0 - shift, range.1 - shift);
        *moved = true;
    }
    if response.hovered() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.zoom_delta().ln() * 200.0);
        if scroll != 0.0
            && let Some(p) = response.hover_pos()
        {
            let day = range.0 + ((p.x - plot.left()) / plot.width()) as f64 * (range.1 - range.0);
            *range = zoom(*range, day, (-scroll as f64 / 400.0).exp());
            *moved = true;
        }
    }
}

/// Draws one row per event: its label, its date as a grey bar, and each
/// source's claimed date as a mark in the source's colour (hollow when the
/// date is only a nearby one). Returns the event clicked: its key and the
/// mention to select.
fn draw_events(
    ctx: &PanelCtx,
    compared: &Compared,
    ui: &mut egui::Ui,
    rows: &[EventRow],
    range: &mut (f64, f64),
    moved: &mut bool,
) -> Option<(String, FactId)> {
    let cmp = compared.comparison?.clone();
    if rows.is_empty() {
        ui.label(if compared.running {
            "Finding events…"
        } else {
            "No dated events found. Set the articles' publication dates so relative dates resolve."
        });
        return None;
    }
    let selected = ctx.selected_event(&cmp);
    let height = (AXIS_HEIGHT + EVENT_ROW * rows.len() as f32).max(ui.available_height());
    let mut hit = None;
    egui::ScrollArea::vertical()
        .id_salt("timeline-events")
        .show(ui, |ui| {
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
            let plot = Rect::from_min_max(rect.min + vec2(8.0, AXIS_HEIGHT), rect.max);
            pan_and_zoom(ui, &response, plot, range, moved);
            let r = *range;
            let to_x = |d: f64| plot.left() + ((d - r.0) / (r.1 - r.0)) as f32 * plot.width();
            let painter = ui.painter_at(rect);
            let marks = painter.with_clip_rect(plot.expand(3.0).intersect(painter.clip_rect()));
            draw_axis(&painter, plot, r, &to_x, ui.visuals().weak_text_color());
            let pointer = response
                .interact_pointer_pos()
                .filter(|_| response.clicked());
            let visible = ui.clip_rect();
            let chars = ((rect.width() - 10.0) / 6.3).max(8.0) as usize;
            for (i, row) in rows.iter().enumerate() {
                let top = plot.top() + i as f32 * EVENT_ROW;
                if top > visible.bottom() || top + EVENT_ROW < visible.top() {
                    continue;
                }
                let band = Rect::from_min_max(
                    Pos2::new(rect.left(), top),
                    Pos2::new(rect.right(), top + EVENT_ROW),
                );
                let is_selected = selected == Some(row.event);
                if is_selected {
                    painter.rect_filled(
                        band,
                        0.0,
                        ui.visuals().selection.bg_fill.gamma_multiply(0.5),
                    );
                } else if i % 2 == 0 {
                    painter.rect_filled(band, 0.0, ui.visuals().faint_bg_color);
                }
                painter.text(
                    Pos2::new(rect.left() + 4.0, top + 2.0),
                    Align2::LEFT_TOP,
                    super::source::shorten(&row.label, chars),
                    FontId::proportional(11.5),
                    ui.visuals().text_color(),
                );
                let (x0, x1) = (to_x(row.start), to_x(row.end));
                let bars_top = top + EVENT_LABEL + 2.0;
                let bar = Rect::from_min_max(
                    Pos2::new(x0, bars_top),
                    Pos2::new(x1.max(x0 + 5.0), top + EVENT_ROW - 3.0),
                );
                let grey = ui.visuals().weak_text_color();
                marks.rect_filled(bar, 2.0, grey.gamma_multiply(0.25));
                let outline = if row.source == DateSource::Clause {
                    1.5
                } else {
                    0.7
                };
                marks.rect_stroke(bar, 2.0, Stroke::new(outline, grey), StrokeKind::Inside);
                let n = row.claims.len().max(1);
                let room = bar.height() - 4.0;
                let mark_h = (room / n as f32).clamp(3.0, 7.0);
                for (k, c) in row.claims.iter().enumerate() {
                    let y = bars_top
                        + 2.0
                        + k as f32 * (room - mark_h) / (n.saturating_sub(1)).max(1) as f32;
                    let (c0, c1) = (to_x(c.start), to_x(c.end));
                    let m = Rect::from_min_max(
                        Pos2::new(c0, y),
                        Pos2::new(c1.max(c0 + 4.0), y + mark_h),
                    );
                    let color = lane_color(c.lane);
                    // A date its source may owe to an inferred publication date is hollow too.
                    if c.source == DateSource::Clause && !c.inferred {
                        marks.rect_filled(m, 1.0, color);
                    } else {
                        marks.rect_stroke(m, 1.0, Stroke::new(1.0, color), StrokeKind::Inside);
                    }
                }
                // Each row is a widget of its own, named by its label, so it can
                // be clicked (and found by screen readers and UI tests).
                let row_response = ui
                    .interact(
                        band,
                        ui.scope_id().with(("event-row", row.event)),
                        Sense::click(),
                    )
                    .on_hover_text(event_tip(ctx, &cmp, row));
                row_response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &row.label)
                });
                let clicked = row_response.clicked() || pointer.is_some_and(|p| band.contains(p));
                if clicked && let Some(e) = cmp.events.list.get(row.event) {
                    let open = ctx.view().selected_article;
                    let first = e
                        .mentions
                        .iter()
                        .find(|m| Some(m.article) == open)
                        .or(e.mentions.first());
                    if let Some(m) = first {
                        hit = Some((m.key(), m.fact));
                    }
                }
            }
        });
    hit
}

/// The hover text of an event row: its label, date and each source's date.
fn event_tip(ctx: &PanelCtx, cmp: &Comparison, row: &EventRow) -> String {
    let mut tip = row.label.clone();
    if let Some(e) = cmp.events.list.get(row.event) {
        if let Some(d) = &e.date {
            tip.push_str(&format!("\n{} ({})", d.value, d.source.as_str()));
        }
        tip.push_str(&format!("\nstatus: {}", e.status.as_str()));
        for m in &e.mentions {
            let article = ctx.ws.project().article(m.article);
            let file = article.map_or("?", |a| a.file_name());
            let inferred = article.is_some_and(|a| a.date_origin.is_inferred());
            let date = m.date.as_ref().map_or("no date".to_owned(), |d| {
                let note = if inferred {
                    "; its publication date is inferred — please confirm"
                } else {
                    ""
                };
                format!("{} ({}{note})", d.value, d.source.as_str())
            });
            tip.push_str(&format!("\n• {file}: {date}"));
        }
    }
    tip
}

fn days_of(y: i32, m: u32, d: u32) -> f64 {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0.0, days)
}

fn padded((lo, hi): (f64, f64)) -> (f64, f64) {
    let pad = ((hi - lo) * 0.08).max(3.0);
    (lo - pad, hi + pad)
}

fn zoom((lo, hi): (f64, f64), center: f64, factor: f64) -> (f64, f64) {
    let factor = factor.clamp(0.2, 5.0);
    let (new_lo, new_hi) = (
        center - (center - lo) * factor,
        center + (hi - center) * factor,
    );
    if new_hi - new_lo < 1.0 || new_hi - new_lo > 365.0 * 400.0 {
        (lo, hi)
    } else {
        (new_lo, new_hi)
    }
}

/// Tick spacings, smallest first: days, weeks, months, quarters, years, 5/10/100 years.
const TICK_STEPS: [(f64, TickUnit); 8] = [
    (1.0, TickUnit::Days(1)),
    (7.0, TickUnit::Days(7)),
    (30.4, TickUnit::Months(1)),
    (91.3, TickUnit::Months(3)),
    (365.2, TickUnit::Months(12)),
    (1826.0, TickUnit::Months(60)),
    (3652.0, TickUnit::Months(120)),
    (36524.0, TickUnit::Months(1200)),
];

/// The fewest pixels between two labelled ticks.
const MIN_TICK_GAP: f64 = 72.0;

#[derive(Clone, Copy)]
enum TickUnit {
    Days(u64),
    Months(u32),
}

/// Ticks at the smallest calendar step that keeps labels apart.
fn draw_axis(
    painter: &egui::Painter,
    plot: Rect,
    range: (f64, f64),
    to_x: &dyn Fn(f64) -> f32,
    color: Color32,
) {
    let px_per_day = plot.width() as f64 / (range.1 - range.0);
    let unit = TICK_STEPS
        .iter()
        .find(|(days, _)| days * px_per_day >= MIN_TICK_GAP)
        .map_or(TickUnit::Months(1200), |(_, u)| *u);
    let (Some(first), Some(last)) = (date_of(range.0), date_of(range.1)) else {
        return;
    };
    let mut d = match unit {
        TickUnit::Days(7) => {
            first - chrono::Days::new(first.weekday().num_days_from_monday() as u64)
        }
        TickUnit::Days(_) => first,
        TickUnit::Months(m) => {
            let months = first.year() * 12 + first.month0() as i32;
            let aligned = months - months.rem_euclid(m as i32);
            NaiveDate::from_ymd_opt(aligned.div_euclid(12), aligned.rem_euclid(12) as u32 + 1, 1)
                .unwrap_or(first)
        }
    };
    for _ in 0..200 {
        if d > last {
            break;
        }
        let label = match unit {
            TickUnit::Days(_) => d.format("%b %-d").to_string(),
            TickUnit::Months(m) if m < 12 => d.format("%b %Y").to_string(),
            TickUnit::Months(_) => d.format("%Y").to_string(),
        };
        let x = to_x(days_of(d.year(), d.month(), d.day()));
        painter.line_segment(
            [Pos2::new(x, plot.top() - 4.0), Pos2::new(x, plot.bottom())],
            Stroke::new(0.5, color.gamma_multiply(0.5)),
        );
        painter.text(
            Pos2::new(x + 2.0, plot.top() - 4.0),
            Align2::LEFT_BOTTOM,
            label,
            FontId::proportional(10.0),
            color,
        );
        let next = match unit {
            TickUnit::Days(n) => d.checked_add_days(chrono::Days::new(n)),
            TickUnit::Months(m) => d.checked_add_months(chrono::Months::new(m)),
        };
        match next {
            Some(n) => d = n,
            None => break,
        }
    }
}
