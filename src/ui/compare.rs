//! The Compare panel: what the sources agree on, where they contradict each
//! other and what only one of them says, each with its evidence and the
//! reliability grade of its source. The comparison runs on a background
//! thread whenever the project changes, so the window never waits for it.

use std::collections::HashMap;
use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use super::panel_ctx::{Ask, PanelCtx, SelectedIn};
use super::source::shorten;
use crate::analysis::aliases::name_key;
use crate::analysis::{Comparison, Contradiction};
use crate::commands::Command;
use crate::jobs::ComparisonJob;
use crate::model::{ArticleId, CompareTab, FactId, Project, Reliability, Verdict, VerdictState};

/// Contradictions shown open when the panel first lists them.
const OPEN_CONTRADICTIONS: usize = 8;
/// Articles named in one row of the Corroborated list.
const ARTICLES_PER_ROW: usize = 6;
/// Evidence spans shown per side of a contradiction.
const MAX_EVIDENCE: usize = 6;

/// Comparison revision, grade filter and order the Corroborated rows were computed for.
type ClusterRowsKey = (u64, Option<Reliability>, bool);

/// Panel state: the latest comparison and what the analyst is looking at.
#[derive(Default)]
pub struct ComparePanel {
    /// The latest finished comparison and the project revision it describes.
    pub result: Option<(u64, Arc<Comparison>)>,
    pub(super) running: Option<ComparisonJob>,
    /// Hide evidence from sources graded worse than this.
    worst_grade: Option<Reliability>,
    /// The entity other entities are merged into.
    merge_target: Option<String>,
    /// The Events tab's state.
    pub events: super::events::EventsTab,
    /// Draft notes per contradiction key.
    notes: HashMap<String, String>,
    /// Free-text filter over entity names.
    entity_filter: String,
    entity_heights: super::rows::RowHeights,
    /// The contradiction to scroll to and outline (opened from the timeline).
    pub focus: Option<String>,
    /// Scroll to the focused contradiction on the next frame.
    pub scroll_to_focus: bool,
    /// Compare on the UI thread (for tests that step frame by frame).
    pub in_foreground: bool,
    /// List the best-graded sources first.
    sort_by_grade: bool,
    /// Articles whose single-source claims are folded away.
    folded: std::collections::HashSet<ArticleId>,
    /// Articles whose single-source claims are all shown, not the first ten.
    unfolded_all: std::collections::HashSet<ArticleId>,
    /// The Corroborated rows and what they were computed for.
    cluster_rows: Option<(ClusterRowsKey, Arc<Vec<usize>>)>,
}

impl ComparePanel {
    /// The latest comparison, even if the project changed since (it is being redone).
    pub fn latest(&self) -> Option<&Arc<Comparison>> {
        self.result.as_ref().map(|(_, c)| c)
    }

    /// True while a comparison is being computed.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

/// What every tab of the panel works with: the app as a panel sees it, and
/// the panel's own state.
struct Tab<'a, 'b> {
    ctx: &'a mut PanelCtx<'b>,
    panel: &'a mut ComparePanel,
}

/// Draws the panel.
pub(super) fn show(ctx: &mut PanelCtx, panel: &mut ComparePanel, ui: &mut egui::Ui) {
    let tab = &mut Tab { ctx, panel };
    let Some(cmp) = tab.panel.latest().cloned() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Comparing sources…");
        });
        return;
    };
    tab_bar(tab, ui, &cmp);
    ui.separator();
    match tab.ctx.view().compare_tab {
        CompareTab::Contradictions => contradictions(tab, ui, &cmp),
        CompareTab::Corroborated => corroborated(tab, ui, &cmp),
        CompareTab::SingleSource => single_source(tab, ui, &cmp),
        CompareTab::Events => super::events::show(tab.ctx, &mut tab.panel.events, ui, &cmp),
        CompareTab::Entities => entities(tab, ui, &cmp),
        CompareTab::Sources => sources(tab, ui, &cmp),
    }
}

fn tab_bar(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    let open = cmp
        .contradictions
        .iter()
        .filter(|c| verdict_of(tab.ctx.ws.project(), c).state == VerdictState::Open)
        .count();
    let corroborated = cmp
        .clusters
        .list
        .iter()
        .filter(|c| c.articles.len() >= 2)
        .count();
    let tabs = [
        (
            CompareTab::Contradictions,
            format!("Contradictions ({open} open)"),
        ),
        (
            CompareTab::Corroborated,
            format!("Corroborated ({corroborated})"),
        ),
        (
            CompareTab::SingleSource,
            format!("Single-source ({})", cmp.single_source.len()),
        ),
        (
            CompareTab::Events,
            format!("Events ({})", cmp.events.list.len()),
        ),
        (
            CompareTab::Entities,
            format!("Entities ({})", cmp.aliases.groups.len()),
        ),
        (
            CompareTab::Sources,
            format!("Sources ({})", tab.ctx.ws.project().articles.len()),
        ),
    ];
    ui.horizontal_wrapped(|ui| {
        for (shown_tab, label) in tabs {
            let mut chosen = tab.ctx.view().compare_tab;
            if ui.selectable_value(&mut chosen, shown_tab, label).clicked() {
                tab.ctx.change_view(move |view| view.compare_tab = chosen);
            }
        }
        ui.separator();
        let worst = &mut tab.panel.worst_grade;
        let shown = worst.map_or("any grade".to_owned(), |g| format!("{g:?} or better"));
        let label = ui.label("Sources");
        egui::ComboBox::from_id_salt("compare-grade")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(worst, None, "any grade");
                for g in Reliability::ALL {
                    ui.selectable_value(worst, Some(g), format!("{g:?} or better"))
                        .on_hover_text(g.meaning());
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut tab.panel.sort_by_grade, "Best grade first");
        if tab.panel.is_running() {
            ui.spinner().on_hover_text("Updating the comparison…");
        }
    });
}

/// The verdict recorded for a contradiction (open when none).
fn verdict_of(project: &Project, c: &Contradiction) -> Verdict {
    project
        .decisions
        .verdicts
        .get(&c.key())
        .cloned()
        .unwrap_or_default()
}

fn grade(project: &Project, article: ArticleId) -> Reliability {
    project
        .article(article)
        .map_or(Reliability::F, |a| a.reliability)
}

/// The best grade among some articles (F when there are none).
fn best_grade(project: &Project, articles: &[ArticleId]) -> Reliability {
    articles
        .iter()
        .map(|a| grade(project, *a))
        .min()
        .unwrap_or(Reliability::F)
}

fn passes(tab: &Tab, article: ArticleId) -> bool {
    tab.panel
        .worst_grade
        .is_none_or(|worst| grade(tab.ctx.ws.project(), article) <= worst)
}

/// One line of evidence: grade, file and quoted text; a click selects the fact.
fn evidence_line(tab: &mut Tab, ui: &mut egui::Ui, fact: FactId) {
    let Some(f) = tab.ctx.ws.project().fact(fact) else {
        return;
    };
    let (article, text) = (f.article, f.text.clone());
    if source_line(tab, ui, article, &text) {
        tab.ctx.ask(Ask::SelectFact(fact, SelectedIn::Elsewhere));
    }
}

/// One piece of sentence evidence: its source and its words, which show it in the text.
fn span_line(tab: &mut Tab, ui: &mut egui::Ui, article: ArticleId, start: usize, end: usize) {
    let Some(text) = tab
        .ctx
        .ws
        .text(article)
        .and_then(|t| t.get(start..end).map(str::to_owned))
    else {
        return;
    };
    if source_line(tab, ui, article, &text) {
        tab.ctx.ask(Ask::RevealSpan(article, start, end));
    }
}

/// The row both kinds of evidence share: the source's grade, its file and
/// the quoted words as a link; true when the link was clicked.
fn source_line(tab: &Tab, ui: &mut egui::Ui, article: ArticleId, text: &str) -> bool {
    let file = tab
        .ctx
        .ws
        .project()
        .article(article)
        .map_or("?".to_owned(), |a| a.file_name().to_owned());
    let g = grade(tab.ctx.ws.project(), article);
    ui.horizontal(|ui| {
        ui.add_space(18.0);
        ui.label(egui::RichText::new(format!("[{g:?}]")).monospace())
            .on_hover_text(format!("Source reliability: {}", g.meaning()));
        ui.label(egui::RichText::new(shorten(&file, 28)).weak());
        ui.link(format!("“{}”", shorten(text, 110)))
            .on_hover_text("Show in the source text")
            .clicked()
    })
    .inner
}

fn contradictions(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    if cmp.contradictions.is_empty() {
        ui.label("No contradictions found between independent sources.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("compare-contradictions")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, c) in cmp.contradictions.iter().enumerate() {
                let key = c.key();
                let focused = tab.panel.focus.as_deref() == Some(key.as_str());
                let id = ui.make_persistent_id(("contradiction", &key));
                let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
                    ui.ctx(),
                    id,
                    i < OPEN_CONTRADICTIONS,
                );
                if focused && tab.panel.scroll_to_focus {
                    state.set_open(true);
                }
                let frame = egui::Frame::new().inner_margin(4.0).stroke(if focused {
                    egui::Stroke::new(1.5, egui::Color32::from_rgb(0xe0, 0x40, 0x40))
                } else {
                    egui::Stroke::NONE
                });
                let response = frame
                    .show(ui, |ui| {
                        state
                            .show_header(ui, |ui| contradiction_header(tab, ui, c))
                            .body(|ui| contradiction_claims(tab, ui, c));
                    })
                    .response;
                if focused && tab.panel.scroll_to_focus {
                    response.scroll_to_me(Some(egui::Align::TOP));
                    tab.panel.scroll_to_focus = false;
                }
                ui.separator();
            }
        });
}

/// The first line of a contradiction: kind, topic, verdict and note, wrapped
/// onto a second line when the panel is narrow.
fn contradiction_header(tab: &mut Tab, ui: &mut egui::Ui, c: &Contradiction) {
    let key = c.key();
    let verdict = verdict_of(tab.ctx.ws.project(), c);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(c.kind.as_str())
                .strong()
                .color(egui::Color32::from_rgb(0xd0, 0x50, 0x50)),
        );
        ui.label(egui::RichText::new(c.nature.as_str()).italics())
            .on_hover_text(match c.nature {
                crate::analysis::Nature::Conflict => {
                    "Sources disagree about the same thing at the same time"
                }
                crate::analysis::Nature::Update => {
                    "A later report revises the figure: values oldest first"
                }
                crate::analysis::Nature::Attributed => "Each side is a named party's claim",
            });
        ui.strong(&c.topic);
        ui.separator();
        let mut state = verdict.state;
        let label = ui.label("Verdict");
        egui::ComboBox::from_id_salt(("verdict", &key))
            .selected_text(state.as_str())
            .show_ui(ui, |ui| {
                for s in VerdictState::ALL {
                    ui.selectable_value(&mut state, s, s.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        let note = tab
            .panel
            .notes
            .entry(key.clone())
            .or_insert_with(|| verdict.note.clone());
        let label = ui.label("Note");
        ui.add(
            egui::TextEdit::singleline(note)
                .hint_text("why it is settled, or not")
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let note = note.clone();
        let save = ui
            .add_enabled(note != verdict.note, egui::Button::new("Save note"))
            .clicked();
        if state != verdict.state || save {
            tab.ctx
                .queue(Command::SetVerdict(key.clone(), Verdict { state, note }));
        }
    });
}

/// The sides of a contradiction with their evidence (the first few spans of each).
fn contradiction_claims(tab: &mut Tab, ui: &mut egui::Ui, c: &Contradiction) {
    let mut claims: Vec<&crate::analysis::Claim> = c.claims.iter().collect();
    if tab.panel.sort_by_grade {
        claims.sort_by_key(|cl| best_grade(tab.ctx.ws.project(), &cl.articles));
    }
    for claim in claims {
        let sources: Vec<ArticleId> = claim
            .articles
            .iter()
            .copied()
            .filter(|a| passes(tab, *a))
            .collect();
        if sources.is_empty() {
            continue;
        }
        let first_reported = sources
            .iter()
            .filter_map(|a| tab.ctx.ws.project().article(*a).and_then(|a| a.published))
            .min();
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            ui.strong(&claim.value);
            ui.label(format!("— {} article(s)", sources.len()));
            if let Some(day) =
                first_reported.filter(|_| c.nature == crate::analysis::Nature::Update)
            {
                ui.label(egui::RichText::new(format!("first reported {day}")).weak());
            }
        });
        let spans: Vec<(ArticleId, usize, usize)> = claim
            .spans
            .iter()
            .copied()
            .filter(|(a, _, _)| passes(tab, *a))
            .take(MAX_EVIDENCE)
            .collect();
        for (article, start, end) in spans {
            span_line(tab, ui, article, start, end);
        }
        let shown: Vec<FactId> = claim
            .facts
            .iter()
            .copied()
            .filter(|f| {
                tab.ctx
                    .ws
                    .project()
                    .fact(*f)
                    .is_some_and(|f| passes(tab, f.article))
            })
            .collect();
        for fact in shown.iter().take(MAX_EVIDENCE) {
            evidence_line(tab, ui, *fact);
        }
        if shown.len() > MAX_EVIDENCE {
            ui.horizontal(|ui| {
                ui.add_space(18.0);
                ui.label(
                    egui::RichText::new(format!(
                        "… and {} more span(s); the report lists them all",
                        shown.len() - MAX_EVIDENCE
                    ))
                    .weak(),
                );
            });
        }
    }
}

/// The clusters the Corroborated list shows, in order, recomputed only when
/// the comparison, the grade filter or the order changes.
fn cluster_rows(tab: &mut Tab, cmp: &Comparison) -> Arc<Vec<usize>> {
    let panel = &tab.panel;
    let key = (
        panel.result.as_ref().map_or(0, |(r, _)| *r),
        panel.worst_grade,
        panel.sort_by_grade,
    );
    if let Some((cached, rows)) = &panel.cluster_rows
        && *cached == key
    {
        return rows.clone();
    }
    let mut rows: Vec<usize> = cmp
        .clusters
        .list
        .iter()
        .enumerate()
        .filter(|(_, c)| c.articles.iter().filter(|a| passes(tab, **a)).count() >= 2)
        .map(|(i, _)| i)
        .collect();
    if tab.panel.sort_by_grade {
        rows.sort_by_key(|i| best_grade(tab.ctx.ws.project(), &cmp.clusters.list[*i].articles));
    }
    let rows = Arc::new(rows);
    tab.panel.cluster_rows = Some((key, rows.clone()));
    rows
}

fn corroborated(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    stated_alike(tab, ui, cmp);
    let rows = cluster_rows(tab, cmp);
    if rows.is_empty() {
        ui.label("No fact is stated by two or more articles (with the grade filter).");
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let mut clicked = None;
    TableBuilder::new(ui)
        .id_salt("compare-clusters")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .column(Column::exact(70.0))
        .column(Column::initial(320.0).at_least(80.0).clip(true))
        .column(Column::exact(90.0))
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false])
        .header(row_height, |mut h| {
            for name in ["Kind", "Value", "Independent", "Articles (grade)"] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let c = &cmp.clusters.list[rows[row.index()]];
                let mut articles: Vec<String> = c
                    .articles
                    .iter()
                    .take(ARTICLES_PER_ROW)
                    .filter_map(|a| tab.ctx.ws.project().article(*a))
                    .map(|a| format!("{} [{:?}]", shorten(a.file_name(), 24), a.reliability))
                    .collect();
                if c.articles.len() > ARTICLES_PER_ROW {
                    articles.push(format!("+{} more", c.articles.len() - ARTICLES_PER_ROW));
                }
                let cells = [
                    c.kind.as_str().to_owned(),
                    c.value.clone(),
                    c.independent.to_string(),
                    articles.join(", "),
                ];
                let mut hit = false;
                for text in cells {
                    hit |= row
                        .col(|ui| {
                            ui.add(egui::Label::new(text).truncate());
                        })
                        .1
                        .clicked();
                }
                if hit || row.response().clicked() {
                    clicked = c.facts.first().copied();
                }
            });
        });
    if let Some(fact) = clicked {
        tab.ctx.ask(Ask::SelectFact(fact, SelectedIn::Elsewhere));
    }
}

/// Ages, sizes and tallies several independent sources give alike, each
/// with the sentences that give it.
fn stated_alike(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    let shown: Vec<&crate::analysis::ClaimGroup> = cmp
        .claim_groups
        .iter()
        .filter(|a| {
            a.independent >= 2 && a.articles.iter().filter(|x| passes(tab, **x)).count() >= 2
        })
        .collect();
    if shown.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("Figures stated alike ({})", shown.len()))
        .id_salt("compare-agreements")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("compare-agreements-scroll")
                .max_height(180.0)
                .show(ui, |ui| {
                    for a in shown {
                        ui.horizontal(|ui| {
                            ui.strong(format!("{}: {}", a.topic, a.value));
                            ui.label(format!("— {} independent source(s)", a.independent));
                        });
                        let spans: Vec<(ArticleId, usize, usize)> = a
                            .spans
                            .iter()
                            .copied()
                            .filter(|(x, _, _)| passes(tab, *x))
                            .take(MAX_EVIDENCE)
                            .collect();
                        for (article, start, end) in spans {
                            span_line(tab, ui, article, start, end);
                        }
                    }
                });
        });
}

/// One line of the single-source list: an article heading or one of its claims.
enum SingleRow {
    Article(ArticleId, usize),
    Claim(usize),
    More(ArticleId, usize),
}

/// Single-source claims shown per article before "show all".
const SINGLE_PER_ARTICLE: usize = 10;

fn single_source(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    if cmp.single_source.is_empty() {
        ui.label("Every claim is stated by more than one independent source.");
        return;
    }
    ui.label("Claims that only one independent source makes: the list to verify. Click a heading to fold it.");
    let mut groups: Vec<(ArticleId, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    for chunk in cmp.single_source.chunk_by(|a, b| a.article == b.article) {
        groups.push((chunk[0].article, start..start + chunk.len()));
        start += chunk.len();
    }
    if tab.panel.sort_by_grade {
        groups.sort_by_key(|(a, _)| grade(tab.ctx.ws.project(), *a));
    }
    let mut rows = Vec::new();
    for (article, range) in groups {
        if !passes(tab, article) {
            continue;
        }
        rows.push(SingleRow::Article(article, range.len()));
        if !tab.panel.folded.contains(&article) {
            let all = tab.panel.unfolded_all.contains(&article);
            let hidden = range.len().saturating_sub(SINGLE_PER_ARTICLE);
            let shown = if all {
                range.len()
            } else {
                range.len() - hidden
            };
            rows.extend(range.take(shown).map(SingleRow::Claim));
            if hidden > 0 && !all {
                rows.push(SingleRow::More(article, hidden));
            }
        }
    }
    let mut reveal = None;
    let mut toggle = None;
    let mut show_all = None;
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 2.0;
    egui::ScrollArea::vertical()
        .id_salt("compare-single")
        .auto_shrink([false, false])
        .show_rows(ui, line, rows.len(), |ui, range| {
            for row in &rows[range] {
                match row {
                    SingleRow::Article(id, n) => {
                        let Some(a) = tab.ctx.ws.project().article(*id) else {
                            continue;
                        };
                        let fold = if tab.panel.folded.contains(id) {
                            "+"
                        } else {
                            "-"
                        };
                        let heading = format!(
                            "{fold} {} [{:?}] — {n} claim(s)",
                            a.file_name(),
                            a.reliability
                        );
                        let hidden = n.saturating_sub(SINGLE_PER_ARTICLE);
                        let all = tab.panel.unfolded_all.contains(id);
                        ui.horizontal(|ui| {
                            if ui
                                .add(
                                    egui::Button::new(egui::RichText::new(heading).strong())
                                        .frame(false),
                                )
                                .clicked()
                            {
                                toggle = Some(*id);
                            }
                            if hidden > 0 && !all && ui.small_button("Show all").clicked() {
                                show_all = Some(*id);
                            }
                        });
                    }
                    SingleRow::More(id, hidden) => {
                        ui.horizontal(|ui| {
                            ui.add_space(16.0);
                            if ui
                                .button(format!("Show all ({hidden} more)"))
                                .on_hover_text("The first ten are the ones to check first: events, numbers, attributed statements")
                                .clicked()
                            {
                                show_all = Some(*id);
                            }
                        });
                    }
                    SingleRow::Claim(i) => {
                        let c = &cmp.single_source[*i];
                        ui.horizontal(|ui| {
                            ui.add_space(16.0);
                            ui.label(egui::RichText::new(&c.kind).weak());
                            if ui
                                .link(format!("“{}”", shorten(&c.text, 120)))
                                .on_hover_text(format!("only here: {}", c.value))
                                .clicked()
                            {
                                reveal = Some((c.fact, c.article, c.start, c.end));
                            }
                        });
                    }
                }
            }
        });
    if let Some(id) = show_all {
        tab.panel.unfolded_all.insert(id);
    }
    if let Some(id) = toggle {
        let folded = &mut tab.panel.folded;
        if !folded.remove(&id) {
            folded.insert(id);
        }
    }
    match reveal {
        Some((Some(fact), ..)) => tab.ctx.ask(Ask::SelectFact(fact, SelectedIn::Elsewhere)),
        Some((None, article, start, end)) => tab.ctx.ask(Ask::RevealSpan(article, start, end)),
        None => {}
    }
}

fn entities(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        ui.add(
            egui::TextEdit::singleline(&mut tab.panel.entity_filter)
                .hint_text("name")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
        match tab.panel.merge_target.clone() {
            Some(target) => {
                ui.label(format!(
                    "Merging into “{target}”: press Merge on the others."
                ));
                if ui.button("Done").clicked() {
                    tab.panel.merge_target = None;
                }
            }
            None => {
                ui.label(
                    egui::RichText::new(
                        "Pick an entity to merge others into it; split a spelling off its entity.",
                    )
                    .weak(),
                );
            }
        }
    });
    let needle = tab.panel.entity_filter.to_lowercase();
    let groups: Vec<usize> = cmp
        .aliases
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            needle.is_empty()
                || g.forms
                    .iter()
                    .any(|f| f.text.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (tab.ctx.ws.revision(), &needle).hash(&mut h);
        h.finish()
    };
    let mut heights = std::mem::take(&mut tab.panel.entity_heights);
    heights.show(ui, "compare-entities", key, groups.len(), |ui, i| {
        let g = &cmp.aliases.groups[groups[i]];
        let target = tab.panel.merge_target.clone();
        ui.horizontal(|ui| {
            ui.strong(&g.name);
            ui.label(egui::RichText::new(&g.label).weak());
            ui.label(format!("{} article(s)", g.articles().len()));
            if g.ambiguous {
                ui.label(
                    egui::RichText::new("ambiguous surname")
                        .color(egui::Color32::from_rgb(0xd0, 0x90, 0x30)),
                );
            }
            match &target {
                Some(t) if *t == g.key => {
                    ui.label(egui::RichText::new("merge target").italics());
                }
                Some(t) => {
                    if ui.button("Merge").clicked() {
                        tab.ctx
                            .queue(Command::MergeAliases(t.clone(), g.key.clone()));
                    }
                }
                None => {
                    if ui.button("Merge others into this").clicked() {
                        tab.panel.merge_target = Some(g.key.clone());
                    }
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.add_space(16.0);
            for form in &g.forms {
                ui.label(format!("{} ({})", form.text, form.articles.len()));
                if g.forms.len() > 1
                    && ui
                        .small_button("Split")
                        .on_hover_text("This spelling is a different entity")
                        .clicked()
                {
                    tab.ctx.queue(Command::SplitAlias(name_key(&form.text)));
                }
            }
        });
    });
    tab.panel.entity_heights = heights;
}

fn sources(tab: &mut Tab, ui: &mut egui::Ui, cmp: &Comparison) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let articles = tab.ctx.ws.project().articles.clone();
    let mut changes = Vec::new();
    TableBuilder::new(ui)
        .id_salt("compare-sources")
        .striped(true)
        .resizable(true)
        .column(Column::initial(190.0).at_least(80.0).clip(true))
        .column(Column::initial(150.0).at_least(60.0).clip(true))
        .column(Column::exact(190.0))
        .column(Column::remainder().at_least(80.0).clip(true))
        .auto_shrink([false, false])
        .header(row_height, |mut h| {
            for name in ["Article", "Outlet", "Reliability (outlet)", "Copies"] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, articles.len(), |mut row| {
                let a = &articles[row.index()];
                let mut name = None;
                row.col(|ui| {
                    let label = ui.add(egui::Label::new(a.file_name()).truncate());
                    name = Some(label.id);
                    label.on_hover_text(&a.title);
                });
                row.col(|ui| {
                    ui.label(if a.outlet.is_empty() {
                        "unknown"
                    } else {
                        &a.outlet
                    });
                });
                row.col(|ui| {
                    let mut g = a.reliability;
                    let combo = egui::ComboBox::from_id_salt(("grade", a.id))
                        .selected_text(format!("{g:?} {}", g.meaning()))
                        .width(180.0)
                        .show_ui(ui, |ui| {
                            for option in Reliability::ALL {
                                ui.selectable_value(
                                    &mut g,
                                    option,
                                    format!("{option:?} {}", option.meaning()),
                                );
                            }
                        })
                        .response;
                    if let Some(id) = name {
                        combo.labelled_by(id);
                    }
                    if g != a.reliability {
                        changes.push(Command::SetReliability(a.id, g));
                    }
                });
                row.col(|ui| {
                    let copies: Vec<String> = cmp
                        .sources
                        .copies_of(a.id)
                        .iter()
                        .filter_map(|c| articles.iter().find(|x| x.id == *c))
                        .map(|x| x.file_name().to_owned())
                        .collect();
                    ui.add(
                        egui::Label::new(if copies.is_empty() {
                            "independent".to_owned()
                        } else {
                            format!("copy of {}", copies.join(", "))
                        })
                        .truncate(),
                    );
                });
            });
        });
    for change in changes {
        tab.ctx.queue(change);
    }
}
