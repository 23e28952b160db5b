//! The comparison report: JSON for tools, Markdown and HTML for people.
//! Offsets are Unicode code points into each article's text, like the
//! command line's JSON lines.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::analysis::Comparison;
use crate::analysis::Event;
use crate::model::{ArticleId, FactId, FactKind, VerdictState};
use crate::workspace::Workspace;

use super::CharOffsets;

/// The whole report, in the shape `dossier report --format json` prints.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The articles compared.
    pub articles: Vec<ReportArticle>,
    /// Entities with the ways each article writes them.
    pub aliases: Vec<ReportAlias>,
    /// The happenings the articles report, in time order (undated last).
    pub events: Vec<ReportEvent>,
    /// Every fact, event and claim with the articles stating it (one or
    /// more); `independent_sources` ≥ 2 is corroboration.
    pub clusters: Vec<ReportCluster>,
    /// Incompatible claims about one slot.
    pub contradictions: Vec<ReportContradiction>,
    /// Claims only one independent source makes.
    pub single_source: Vec<ReportSingle>,
    /// Articles found to be copies of one another.
    pub copies: Vec<ReportCopy>,
}

/// One article.
#[derive(Debug, Serialize)]
pub struct ReportArticle {
    /// File name as imported.
    pub file: String,
    /// Title.
    pub title: String,
    /// Outlet, empty when unknown.
    pub outlet: String,
    /// Publication date (YYYY-MM-DD), null when unknown.
    pub published: Option<String>,
    /// How the date was obtained ("detected in text (dateline)", "inferred
    /// from the dossier — please confirm (…)" …), so a proposal is never
    /// taken for a stated date.
    pub date_origin: String,
    /// True when the date is only inferred from the dossier.
    pub date_inferred: bool,
    /// Admiralty reliability grade of its outlet (A–F).
    pub reliability: String,
    /// How many facts were found in it (rejected ones excluded).
    pub facts: usize,
    /// The file this one is a copy of, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

impl ReportArticle {
    /// The date as the Markdown and HTML tables show it: "unknown" when
    /// there is none, marked when it is only inferred.
    fn date_cell(&self) -> String {
        match (&self.published, self.date_inferred) {
            (None, _) => "unknown".to_owned(),
            (Some(d), false) => d.clone(),
            (Some(d), true) => format!("{d} (inferred — please confirm)"),
        }
    }
}

/// One alias group.
#[derive(Debug, Serialize)]
pub struct ReportAlias {
    /// The name shown for the entity.
    pub name: String,
    /// PER, ORG, LOC or MISC.
    pub label: String,
    /// Its spellings and where each is used.
    pub forms: Vec<ReportForm>,
    /// Every mention of it by a name (entity facts).
    pub mentions: Vec<Evidence>,
}

/// One event with its mentions.
#[derive(Debug, Serialize)]
pub struct ReportEvent {
    /// "E1", "E2" … in time order.
    pub id: String,
    /// The type of happening (meeting, transfer, attack …).
    #[serde(rename = "type")]
    pub ty: String,
    /// A readable name.
    pub label: String,
    /// Its date as a TIMEX3 value, null when nothing dates it.
    pub date: Option<String>,
    /// Where the date comes from: clause, discourse or publication.
    pub date_source: Option<String>,
    /// The earliest date a source gives it.
    pub first: Option<String>,
    /// The latest date a source gives it.
    pub last: Option<String>,
    /// Where it happened, if stated.
    pub place: Option<String>,
    /// Who took part.
    pub participants: Vec<String>,
    /// took place, agreed, planned, denied or hypothetical.
    pub status: String,
    /// The files mentioning it.
    pub sources: Vec<String>,
    /// The date each source gives it (its own clause's, else a nearby one).
    pub source_dates: Vec<ReportSourceDate>,
    /// Each mention's trigger span.
    pub mentions: Vec<Evidence>,
}

/// The date one source gives an event.
#[derive(Debug, Serialize)]
pub struct ReportSourceDate {
    /// File name.
    pub file: String,
    /// TIMEX3 value.
    pub date: String,
    /// clause or discourse.
    pub source: String,
}

/// One spelling of an entity.
#[derive(Debug, Serialize)]
pub struct ReportForm {
    /// The text as written.
    pub text: String,
    /// The files using it.
    pub files: Vec<String>,
}

/// One span of one article, in code points.
#[derive(Debug, Serialize, Clone)]
pub struct Evidence {
    /// File name.
    pub file: String,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The quoted text.
    pub text: String,
}

/// One corroboration cluster.
#[derive(Debug, Serialize)]
pub struct ReportCluster {
    /// The kind of its facts.
    pub kind: String,
    /// What they state.
    pub value: String,
    /// The files stating it.
    pub sources: Vec<String>,
    /// How many independent sources those are.
    pub independent_sources: usize,
    /// Each fact's span.
    pub facts: Vec<Evidence>,
}

/// One contradiction.
#[derive(Debug, Serialize)]
pub struct ReportContradiction {
    /// person, date, number, attribute or tally.
    pub kind: String,
    /// The slot disagreed on.
    pub topic: String,
    /// conflict (sources disagree), update (a later report revises; claims
    /// oldest first) or attributed (each side a named party's word).
    pub nature: String,
    /// The analyst's verdict: open, resolved or not a contradiction.
    pub status: String,
    /// The analyst's note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The sides.
    pub claims: Vec<ReportClaim>,
}

/// One side of a contradiction.
#[derive(Debug, Serialize)]
pub struct ReportClaim {
    /// The value this side states.
    pub value: String,
    /// Where each source states it.
    pub evidence: Vec<Evidence>,
}

/// One single-source claim.
#[derive(Debug, Serialize)]
pub struct ReportSingle {
    /// File name.
    pub file: String,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The evidence text.
    pub text: String,
    /// "claim" for a sentence, or the fact's kind.
    pub kind: String,
    /// The fact's value, or the phrases only this source uses.
    pub value: String,
}

/// Two articles that share long passages.
#[derive(Debug, Serialize)]
pub struct ReportCopy {
    /// The two files.
    pub files: [String; 2],
    /// Share of the shorter one found in the other (0–1).
    pub shared: f64,
}

/// Byte to code point conversion for every article, prepared once.
struct Offsets<'a> {
    ws: &'a Workspace,
    maps: HashMap<ArticleId, CharOffsets>,
    names: HashMap<ArticleId, String>,
}

impl<'a> Offsets<'a> {
    fn new(ws: &'a Workspace, cmp: &Comparison) -> Self {
        let mut wanted: HashMap<ArticleId, Vec<usize>> = HashMap::new();
        for f in ws.project().facts.values() {
            wanted
                .entry(f.article)
                .or_default()
                .extend([f.start, f.end]);
        }
        for c in &cmp.single_source {
            wanted
                .entry(c.article)
                .or_default()
                .extend([c.start, c.end]);
        }
        for (article, start, end) in cmp
            .contradictions
            .iter()
            .flat_map(|c| c.claims.iter().flat_map(|claim| claim.spans.iter()))
            .chain(cmp.claim_groups.iter().flat_map(|a| a.spans.iter()))
        {
            wanted.entry(*article).or_default().extend([*start, *end]);
        }
        let maps = wanted
            .into_iter()
            .filter_map(|(id, offsets)| ws.text(id).map(|t| (id, CharOffsets::new(t, offsets))))
            .collect();
        let names = ws
            .project()
            .articles
            .iter()
            .map(|a| (a.id, a.file_name().to_owned()))
            .collect();
        Offsets { ws, maps, names }
    }

    fn file(&self, id: ArticleId) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }

    fn chars(&self, id: ArticleId, byte: usize) -> usize {
        self.maps.get(&id).map_or(byte, |m| m.get(byte))
    }

    fn span(&self, (article, start, end): (ArticleId, usize, usize)) -> Evidence {
        let text = self
            .ws
            .text(article)
            .and_then(|t| t.get(start..end).map(str::to_owned))
            .unwrap_or_default();
        Evidence {
            file: self.file(article),
            start: self.chars(article, start),
            end: self.chars(article, end),
            text,
        }
    }

    fn evidence(&self, fact: FactId) -> Option<Evidence> {
        let f = self.ws.project().fact(fact)?;
        Some(Evidence {
            file: self.file(f.article),
            start: self.chars(f.article, f.start),
            end: self.chars(f.article, f.end),
            text: f.text.clone(),
        })
    }
}

/// One event of the comparison as the report shows it.
fn report_event(i: usize, e: &Event, at: &Offsets) -> ReportEvent {
    let mut source_dates: Vec<ReportSourceDate> = Vec::new();
    let mut claimed: Vec<(f64, &str)> = Vec::new();
    for m in &e.mentions {
        if let Some(d) = &m.date {
            claimed.push((d.start, &d.value));
            let file = at.file(m.article);
            if !source_dates
                .iter()
                .any(|s| s.file == file && s.date == d.value)
            {
                source_dates.push(ReportSourceDate {
                    file,
                    date: d.value.clone(),
                    source: d.source.as_str().to_owned(),
                });
            }
        }
    }
    claimed.sort_by(|a, b| a.0.total_cmp(&b.0));
    ReportEvent {
        id: format!("E{}", i + 1),
        ty: e.ty.as_str().to_owned(),
        label: e.label.clone(),
        date: e.date.as_ref().map(|d| d.value.clone()),
        date_source: e.date.as_ref().map(|d| d.source.as_str().to_owned()),
        first: claimed.first().map(|(_, v)| (*v).to_owned()),
        last: claimed.last().map(|(_, v)| (*v).to_owned()),
        place: e.place.clone(),
        participants: e.participants.clone(),
        status: e.status.as_str().to_owned(),
        sources: e.articles.iter().map(|a| at.file(*a)).collect(),
        source_dates,
        mentions: e
            .mentions
            .iter()
            .filter_map(|m| at.evidence(m.fact))
            .collect(),
    }
}

impl Report {
    /// Builds the report of an open project from its comparison.
    pub fn build(ws: &Workspace, cmp: &Comparison) -> Self {
        let at = Offsets::new(ws, cmp);
        let mut fact_counts: HashMap<ArticleId, usize> = HashMap::new();
        for f in ws.project().live_facts() {
            *fact_counts.entry(f.article).or_default() += 1;
        }
        let articles = ws
            .project()
            .articles
            .iter()
            .map(|a| ReportArticle {
                file: a.file_name().to_owned(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                published: a.published.map(|d| d.to_string()),
                date_origin: a.date_origin.describe(),
                date_inferred: a.date_origin.is_inferred(),
                reliability: format!("{:?}", a.reliability),
                facts: fact_counts.get(&a.id).copied().unwrap_or(0),
                copy_of: (cmp.sources.of(a.id) != a.id).then(|| at.file(cmp.sources.of(a.id))),
            })
            .collect();
        let aliases = cmp
            .aliases
            .groups
            .iter()
            .map(|g| ReportAlias {
                name: g.name.clone(),
                label: g.label.clone(),
                forms: g
                    .forms
                    .iter()
                    .map(|f| ReportForm {
                        text: f.text.clone(),
                        files: f.articles.iter().map(|a| at.file(*a)).collect(),
                    })
                    .collect(),
                mentions: g
                    .forms
                    .iter()
                    .flat_map(|f| &f.facts)
                    .filter(|id| {
                        ws.project()
                            .fact(**id)
                            .is_some_and(|f| f.kind == FactKind::Entity)
                    })
                    .filter_map(|id| at.evidence(*id))
                    .collect(),
            })
            .collect();
        let events = cmp
            .events
            .list
            .iter()
            .enumerate()
            .map(|(i, e)| report_event(i, e, &at))
            .collect();
        let clusters = cmp
            .clusters
            .list
            .iter()
            .map(|c| ReportCluster {
                kind: c.kind.as_str().to_owned(),
                value: c.value.clone(),
                sources: c.articles.iter().map(|a| at.file(*a)).collect(),
                independent_sources: c.independent,
                facts: c.facts.iter().filter_map(|f| at.evidence(*f)).collect(),
            })
            .chain(
                // Each event is a claim that it happened, told by its
                // sources, with its mentions as the evidence.
                cmp.events.list.iter().map(|e| ReportCluster {
                    kind: "event".to_owned(),
                    value: e.label.clone(),
                    sources: e.articles.iter().map(|a| at.file(*a)).collect(),
                    independent_sources: cmp.sources.count(&e.articles),
                    facts: e
                        .mentions
                        .iter()
                        .filter_map(|m| at.evidence(m.fact))
                        .collect(),
                }),
            )
            .chain(cmp.claim_groups.iter().map(|a| ReportCluster {
                kind: a.kind.as_str().to_owned(),
                value: format!("{}: {}", a.topic, a.value),
                sources: a.articles.iter().map(|x| at.file(*x)).collect(),
                independent_sources: a.independent,
                facts: a.spans.iter().map(|s| at.span(*s)).collect(),
            }))
            .collect();
        let contradictions = cmp
            .contradictions
            .iter()
            .map(|c| {
                let verdict = ws.project().decisions.verdicts.get(&c.key());
                ReportContradiction {
                    kind: c.kind.as_str().to_owned(),
                    topic: c.topic.clone(),
                    nature: c.nature.as_str().to_owned(),
                    status: verdict
                        .map_or(VerdictState::Open, |v| v.state)
                        .as_str()
                        .to_owned(),
                    note: verdict.map(|v| v.note.clone()).unwrap_or_default(),
                    claims: c
                        .claims
                        .iter()
                        .map(|claim| ReportClaim {
                            value: claim.value.clone(),
                            evidence: claim
                                .facts
                                .iter()
                                .filter_map(|f| at.evidence(*f))
                                .chain(claim.spans.iter().map(|s| at.span(*s)))
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        let single_source = cmp
            .single_source
            .iter()
            .map(|s| ReportSingle {
                file: at.file(s.article),
                start: at.chars(s.article, s.start),
                end: at.chars(s.article, s.end),
                text: s.text.clone(),
                kind: s.kind.clone(),
                value: s.value.clone(),
            })
            .collect();
        let copies = cmp
            .sources
            .pairs
            .iter()
            .map(|p| ReportCopy {
                files: [at.file(p.a), at.file(p.b)],
                shared: (p.containment * 100.0).round() / 100.0,
            })
            .collect();
        Report {
            articles,
            aliases,
            events,
            clusters,
            contradictions,
            single_source,
            copies,
        }
    }

    /// The clusters that several independent sources state.
    fn corroborated(&self) -> impl Iterator<Item = &ReportCluster> {
        self.clusters.iter().filter(|c| c.independent_sources >= 2)
    }

    /// The single-source claims grouped by article, in article order.
    fn single_source_by_file(&self) -> Vec<(&str, Vec<&ReportSingle>)> {
        let mut by_file: HashMap<&str, Vec<&ReportSingle>> = HashMap::new();
        for s in &self.single_source {
            by_file.entry(s.file.as_str()).or_default().push(s);
        }
        self.articles
            .iter()
            .filter_map(|a| {
                by_file
                    .remove(a.file.as_str())
                    .map(|claims| (a.file.as_str(), claims))
            })
            .collect()
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// The report as Markdown, for people.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Dossier report\n");
        let _ = writeln!(
            md,
            "{} articles · {} corroborated facts · {} contradictions · {} single-source claims\n",
            self.articles.len(),
            self.clusters.len(),
            self.contradictions.len(),
            self.single_source.len()
        );
        let _ = writeln!(md, "## Events in time order\n");
        if self.events.is_empty() {
            let _ = writeln!(md, "None found.\n");
        }
        for e in self
            .events
            .iter()
            .filter(|e| e.sources.len() >= 2 || e.date_source.as_deref() == Some("clause"))
        {
            let _ = writeln!(
                md,
                "- **{}** ({}, {}): {}",
                md_escape(&e.label),
                e.date.as_deref().unwrap_or("undated"),
                e.status,
                e.sources.join(", ")
            );
            for d in &e.source_dates {
                let _ = writeln!(md, "  - {}: {} ({})", d.file, d.date, d.source);
            }
        }
        md.push('\n');
        let _ = writeln!(md, "## Contradictions\n");
        if self.contradictions.is_empty() {
            let _ = writeln!(md, "None found.\n");
        }
        for c in &self.contradictions {
            let _ = writeln!(
                md,
                "### {} ({}) — {} ({})\n",
                c.kind, c.nature, c.topic, c.status
            );
            if !c.note.is_empty() {
                let _ = writeln!(md, "Note: {}\n", c.note);
            }
            for claim in &c.claims {
                let _ = writeln!(md, "- **{}**", md_escape(&claim.value));
                for e in &claim.evidence {
                    let _ = writeln!(
                        md,
                        "  - {} [{}–{}]: “{}”",
                        e.file,
                        e.start,
                        e.end,
                        md_escape(&e.text)
                    );
                }
            }
            md.push('\n');
        }
        let _ = writeln!(md, "## Corroborated facts\n");
        let _ = writeln!(md, "| kind | value | independent sources | articles |");
        let _ = writeln!(md, "|---|---|---|---|");
        for c in self.corroborated() {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                c.kind,
                md_escape(&c.value),
                c.independent_sources,
                c.sources.join(", ")
            );
        }
        let _ = writeln!(md, "\n## Single-source claims\n");
        for (file, claims) in self.single_source_by_file() {
            let _ = writeln!(md, "### {file}\n");
            for s in claims {
                let _ = writeln!(
                    md,
                    "- ({}) “{}” [{}–{}] — {}",
                    s.kind,
                    md_escape(&s.text),
                    s.start,
                    s.end,
                    md_escape(&s.value)
                );
            }
            md.push('\n');
        }
        let _ = writeln!(md, "## Articles\n");
        let _ = writeln!(
            md,
            "| file | title | outlet | published | reliability | facts | copy of |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|---|---|");
        for a in &self.articles {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} |",
                a.file,
                md_escape(&a.title),
                md_escape(&a.outlet),
                a.date_cell(),
                a.reliability,
                a.facts,
                a.copy_of.as_deref().unwrap_or("")
            );
        }
        let _ = writeln!(md, "\n## Entities and their spellings\n");
        for g in self.aliases.iter().filter(|g| g.forms.len() > 1) {
            let forms: Vec<String> = g
                .forms
                .iter()
                .map(|f| format!("{} ({})", f.text, f.files.join(", ")))
                .collect();
            let _ = writeln!(md, "- **{}** [{}]: {}", g.name, g.label, forms.join("; "));
        }
        md
    }

    /// The report as a self-contained HTML page, for people.
    pub fn to_html(&self) -> String {
        let mut h = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>Dossier report</title><style>body{font-family:sans-serif;max-width:60em;\
             margin:2em auto;line-height:1.4}table{border-collapse:collapse}td,th{border:1px \
             solid #ccc;padding:.2em .5em;vertical-align:top}blockquote{margin:.2em 0 .2em \
             1em;color:#333}.file{color:#666;font-size:.9em}</style></head><body>\n\
             <h1>Dossier report</h1>\n",
        );
        let _ = writeln!(
            h,
            "<p>{} articles · {} corroborated facts · {} contradictions · {} single-source claims</p>",
            self.articles.len(),
            self.clusters.len(),
            self.contradictions.len(),
            self.single_source.len()
        );
        h.push_str("<h2>Events in time order</h2>\n<ul>\n");
        for e in self
            .events
            .iter()
            .filter(|e| e.sources.len() >= 2 || e.date_source.as_deref() == Some("clause"))
        {
            let _ = writeln!(
                h,
                "<li><b>{}</b> ({}, {}) <span class=\"file\">{}</span><ul>",
                esc(&e.label),
                esc(e.date.as_deref().unwrap_or("undated")),
                esc(&e.status),
                esc(&e.sources.join(", "))
            );
            for d in &e.source_dates {
                let _ = writeln!(
                    h,
                    "<li>{}: {} ({})</li>",
                    esc(&d.file),
                    esc(&d.date),
                    esc(&d.source)
                );
            }
            h.push_str("</ul></li>\n");
        }
        h.push_str("</ul>\n<h2>Contradictions</h2>\n");
        for c in &self.contradictions {
            let _ = writeln!(
                h,
                "<h3>{} <i>{}</i> — {} <small>({})</small></h3>",
                esc(&c.kind),
                esc(&c.nature),
                esc(&c.topic),
                esc(&c.status)
            );
            if !c.note.is_empty() {
                let _ = writeln!(h, "<p>Note: {}</p>", esc(&c.note));
            }
            h.push_str("<ul>\n");
            for claim in &c.claims {
                let _ = writeln!(h, "<li><b>{}</b>", esc(&claim.value));
                for e in &claim.evidence {
                    let _ = writeln!(
                        h,
                        "<blockquote>“{}” <span class=\"file\">{} [{}–{}]</span></blockquote>",
                        esc(&e.text),
                        esc(&e.file),
                        e.start,
                        e.end
                    );
                }
                h.push_str("</li>\n");
            }
            h.push_str("</ul>\n");
        }
        h.push_str("<h2>Corroborated facts</h2>\n<table><tr><th>kind</th><th>value</th><th>independent sources</th><th>articles</th></tr>\n");
        for c in self.corroborated() {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&c.kind),
                esc(&c.value),
                c.independent_sources,
                esc(&c.sources.join(", "))
            );
        }
        h.push_str("</table>\n<h2>Single-source claims</h2>\n");
        for (file, claims) in self.single_source_by_file() {
            let _ = writeln!(h, "<h3>{}</h3><ul>", esc(file));
            for s in claims {
                let _ = writeln!(
                    h,
                    "<li>({}) “{}” <span class=\"file\">[{}–{}] {}</span></li>",
                    esc(&s.kind),
                    esc(&s.text),
                    s.start,
                    s.end,
                    esc(&s.value)
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("<h2>Articles</h2>\n<table><tr><th>file</th><th>title</th><th>outlet</th><th>published</th><th>reliability</th><th>facts</th><th>copy of</th></tr>\n");
        for a in &self.articles {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.file),
                esc(&a.title),
                esc(&a.outlet),
                a.date_cell(),
                a.reliability,
                a.facts,
                esc(a.copy_of.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</table>\n</body></html>\n");
        h
    }
}

/// Escapes the characters Markdown tables and emphasis would misread.
fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
        .replace('*', "\\*")
        .replace(['\n', '\r'], " ")
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
