//! The source text panel: the selected article with every fact highlighted
//! by kind. Clicking a highlight selects its fact everywhere; selecting text
//! and pressing "Add fact" adds a fact of the chosen kind.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};

use super::kind_color;
use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use crate::commands::Command;
use std::collections::HashSet;

use crate::model::{Anchor, ArticleId, Fact, FactId, FactKind, Status};

/// State of the source panel that is not part of the model.
pub struct SourcePanel {
    /// Scroll the selected fact into view on the next frame.
    pub scroll_to_selection: bool,
    /// The kind "Add fact" creates.
    add_kind: FactKind,
    /// The current text selection: its article and byte offsets into it.
    selection: Option<(ArticleId, usize, usize)>,
    /// A span shown from elsewhere (a single-source sentence), underlined.
    pub marked: Option<(ArticleId, usize, usize)>,
}

impl Default for SourcePanel {
    fn default() -> Self {
        SourcePanel {
            scroll_to_selection: true,
            add_kind: FactKind::Entity,
            selection: None,
            marked: None,
        }
    }
}

impl SourcePanel {
    /// The text selected in `article`, as byte offsets; none when the
    /// selection (if any) was made in another article.
    pub fn selection_in(&self, article: ArticleId) -> Option<(usize, usize)> {
        self.selection
            .filter(|(a, _, _)| *a == article)
            .map(|(_, s, e)| (s, e))
    }

    /// Forgets a selection made in any article but `shown`.
    fn keep_selection_of(&mut self, shown: ArticleId) {
        if self.selection.is_some_and(|(a, _, _)| a != shown) {
            self.selection = None;
        }
    }
}

/// The id of the article text widget: keyboard focus on it leaves the
/// review keys free, since the text cannot be typed into.
pub fn text_id(article: ArticleId) -> egui::Id {
    egui::Id::unique(("article-text", article))
}

/// One highlighted stretch of the text.
struct Highlight {
    start: usize,
    end: usize,
    kind: FactKind,
    fact: FactId,
    rejected: bool,
}

/// What the source panel shows from other panels: the mentions of the
/// selected event, lit, and the Find matches in the shown article.
pub(super) struct Lit<'a> {
    /// The facts of the selected event.
    pub event_facts: HashSet<FactId>,
    /// The Find matches in the shown article (byte offsets).
    pub found: &'a [(usize, usize)],
}

/// Draws the panel.
pub(super) fn show(ctx: &mut PanelCtx, panel: &mut SourcePanel, ui: &mut egui::Ui, lit: Lit) {
    let Some(article_id) = ctx.view().selected_article else {
        panel.selection = None;
        ui.centered_and_justified(|ui| ui.label("Select an article to read it."));
        return;
    };
    panel.keep_selection_of(article_id);
    let Some(article) = ctx.ws.project().article(article_id).cloned() else {
        return;
    };
    let heading = ui
        .horizontal(|ui| {
            ui.add(egui::Label::new(egui::RichText::new(&article.title).heading()).truncate())
        })
        .inner;
    let Some(text) = ctx.ws.text(article_id).cloned() else {
        ui.label(format!(
            "The file {} could not be read; its {} fact(s) are kept and listed below.",
            article.path,
            ctx.ws.project().facts_of(article_id).count()
        ));
        return;
    };
    add_fact_bar(ctx, panel, ui, article_id, &text);
    ui.separator();
    let highlights = highlights(ctx, article_id);
    let selected = ctx.view().selected_fact;
    let Lit {
        event_facts: mut lit,
        found,
    } = lit;
    lit.extend(selected);
    let marked = panel
        .marked
        .filter(|(a, _, _)| *a == article_id)
        .map(|(_, s, e)| (s, e));
    let scroll_target = if panel.scroll_to_selection {
        selected
            .and_then(|id| ctx.ws.project().fact(id))
            .filter(|f| f.article == article_id)
            .map(|f| f.start)
            .or(marked.map(|(s, _)| s))
    } else {
        None
    };
    panel.scroll_to_selection = false;
    egui::ScrollArea::vertical()
        .id_salt(("source", article_id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
                let mut job = layout_job(ui, buf.as_str(), &highlights, &lit, marked, found);
                job.wrap.max_width = wrap;
                ui.fonts_mut(|f| f.layout_job(job))
            };
            let mut shown: &str = &text;
            let output = egui::TextEdit::multiline(&mut shown)
                .id(text_id(article_id))
                .layouter(&mut layouter)
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .show(ui);
            let response = output.response.response.clone().labelled_by(heading.id);
            if let Some(pointer) = response.hover_pos() {
                let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
                let byte = byte_of(&text, cursor.index.0);
                if let Some(h) = innermost_at(&highlights, byte)
                    && let Some(fact) = ctx.ws.project().fact(h.fact)
                {
                    response.on_hover_text_at_pointer(hover_label(fact));
                }
            }
            if let Some(byte) = scroll_target {
                let cursor = CCursor::new(text.get(..byte).map_or(0, |t| t.chars().count()));
                let rect = output
                    .galley
                    .pos_from_cursor(cursor)
                    .translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
            }
            let Some(range) = output.cursor_range else {
                return;
            };
            let (a, b) = (range.primary.index, range.secondary.index);
            let (lo, hi) = (byte_of(&text, a.0.min(b.0)), byte_of(&text, a.0.max(b.0)));
            panel.selection = (lo < hi).then_some((article_id, lo, hi));
            if output.response.response.clicked()
                && lo == hi
                && let Some(h) = innermost_at(&highlights, lo)
            {
                ctx.ask(Ask::SelectFact(h.fact, SelectedIn::SourceText));
            }
        });
}

fn add_fact_bar(
    ctx: &mut PanelCtx,
    panel: &mut SourcePanel,
    ui: &mut egui::Ui,
    article: ArticleId,
    text: &Arc<str>,
) {
    ui.horizontal_wrapped(|ui| {
        let selection = panel.selection_in(article);
        let quoted = selection.and_then(|(s, e)| text.get(s..e)).unwrap_or("");
        ui.label("Selected text:");
        let shown = if quoted.is_empty() {
            "(select text in the article)".to_owned()
        } else {
            shorten(quoted, 40)
        };
        ui.label(egui::RichText::new(shown).italics());
        let label = ui.label("as");
        egui::ComboBox::from_id_salt("add-kind")
            .selected_text(panel.add_kind.as_str())
            .show_ui(ui, |ui| {
                for kind in FactKind::ALL {
                    ui.selectable_value(&mut panel.add_kind, kind, kind.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(selection.is_some(), egui::Button::new("Add fact"))
            .clicked()
            && let Some((start, end)) = selection
        {
            ctx.queue(Command::AddFact {
                article,
                start,
                end,
                kind: panel.add_kind,
            });
        }
    });
}

/// The innermost highlight covering byte `at`.
fn innermost_at(highlights: &[Highlight], at: usize) -> Option<&Highlight> {
    highlights
        .iter()
        .filter(|h| h.start <= at && at < h.end)
        .min_by_key(|h| h.end - h.start)
}

/// What a highlight is, shown when the pointer rests on it: its kind,
/// value and status, and that a click selects it.
fn hover_label(fact: &Fact) -> String {
    let mut what = fact.kind.as_str().to_owned();
    if !fact.label.is_empty() {
        what = format!("{what} ({})", fact.label);
    }
    let value = if fact.value.is_empty() || fact.value == fact.text {
        String::new()
    } else {
        format!(" → {}", shorten(&fact.value, 60))
    };
    format!(
        "{what}{value}\n{} · {} — click to select",
        fact.id,
        fact.status.as_str()
    )
}

/// The highlights of an article, innermost facts winning where they nest.
fn highlights(ctx: &PanelCtx, article: ArticleId) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = ctx
        .ws
        .project()
        .facts_of(article)
        .filter(|f: &&Fact| f.start < f.end && f.anchor != Anchor::Lost)
        .map(|f| Highlight {
            start: f.start,
            end: f.end,
            kind: f.kind,
            fact: f.id,
            rejected: f.status == Status::Rejected,
        })
        .collect();
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    out
}

/// The text as sections, each coloured by the innermost fact covering it.
fn layout_job(
    ui: &egui::Ui,
    text: &str,
    highlights: &[Highlight],
    selected: &std::collections::HashSet<FactId>,
    marked: Option<(usize, usize)>,
    found: &[(usize, usize)],
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font, ui.visuals().text_color());
    let mut bounds: Vec<usize> = highlights
        .iter()
        .flat_map(|h| [h.start, h.end])
        .chain(marked.into_iter().flat_map(|(s, e)| [s, e]))
        .chain(found.iter().flat_map(|&(s, e)| [s, e]))
        .filter(|&b| b <= text.len() && text.is_char_boundary(b))
        .chain([0, text.len()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut job = LayoutJob {
        text: text.to_owned(),
        ..Default::default()
    };
    let mut active: Vec<&Highlight> = Vec::new();
    let mut next = 0;
    for pair in bounds.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        active.retain(|h| h.end > s);
        while next < highlights.len() && highlights[next].start <= s {
            if highlights[next].end > s {
                active.push(&highlights[next]);
            }
            next += 1;
        }
        let inner = active
            .iter()
            .filter(|h| h.start <= s && e <= h.end)
            .min_by_key(|h| h.end - h.start);
        let mut format = match inner {
            None => plain.clone(),
            Some(h) => highlight_format(&plain, h, selected.contains(&h.fact)),
        };
        let in_marked = marked.is_some_and(|(ms, me)| ms <= s && e <= me);
        if within(found, s, e) {
            // The match shown now stands out from the other matches.
            format.background = if in_marked { MARK_COLOR } else { FIND_COLOR };
            format.color = egui::Color32::BLACK;
        }
        if in_marked {
            format.underline = egui::Stroke::new(2.0, MARK_COLOR);
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(s)..egui::text::ByteIndex(e),
            format,
        });
    }
    job
}

/// True when `s..e` lies inside one of `spans` (sorted, not overlapping).
fn within(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|&(start, _)| start <= s);
    i > 0 && e <= spans[i - 1].1
}

/// The background of a match of the Find window's query.
pub const FIND_COLOR: egui::Color32 = egui::Color32::from_rgb(0xf2, 0xd2, 0x4b);

/// The underline of a span shown from the Compare panel or the Find window.
pub const MARK_COLOR: egui::Color32 = egui::Color32::from_rgb(0xe0, 0xa0, 0x20);

fn highlight_format(plain: &TextFormat, h: &Highlight, selected: bool) -> TextFormat {
    let color = kind_color(h.kind);
    let mut f = plain.clone();
    f.background = color.gamma_multiply(if selected { 0.75 } else { 0.28 });
    if selected {
        f.underline = egui::Stroke::new(2.0, color);
    }
    if h.rejected {
        f.background = egui::Color32::TRANSPARENT;
        f.strikethrough = egui::Stroke::new(1.0, color);
    }
    f
}

/// The byte offset of the `chars`-th character.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// At most `max` characters of `s`, on one line.
pub fn shorten(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
