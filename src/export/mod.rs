//! Turning facts into what other tools read: JSON lines for the command line
//! and the evaluation scripts, CSV and JSON for the facts table.

pub mod report;
pub mod timeline_svg;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Fact, FactKind, Origin};
use crate::workspace::Workspace;

/// Maps byte offsets of one text to Unicode code point offsets, which is what
/// W3C TextPositionSelectors and the evaluation scripts count in.
pub struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    /// Prepares the mapping for every offset in `wanted` (each on a char boundary of `text`).
    pub fn new(text: &str, wanted: impl IntoIterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = wanted.into_iter().collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut pos, mut count) = (0usize, 0usize);
        for &b in &bytes {
            let b = b.min(text.len());
            count += text.get(pos..b).map_or(0, |s| s.chars().count());
            pos = pos.max(b);
            chars.push(count);
        }
        CharOffsets { bytes, chars }
    }

    /// The code point offset of a byte offset given to [`CharOffsets::new`].
    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(_) => 0,
        }
    }
}

/// One fact as the command line prints it.
#[derive(Debug, Serialize)]
pub struct FactLine<'a> {
    /// The article's file stem.
    pub doc: &'a str,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// The quoted text.
    pub text: &'a str,
    /// time, entity, quantity, quote, role or event.
    pub kind: &'static str,
    /// The normalised value.
    pub value: &'a str,
    /// PER/ORG/LOC/MISC for entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'a str>,
    /// The TIMEX3 type for time facts.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub timex_type: Option<&'a str>,
    /// Further normalised fields (unit, modifier, speaker, holder …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: &'a BTreeMap<String, String>,
}

/// Prints facts of one document as JSON lines.
pub fn json_lines<'a>(doc: &str, text: &str, facts: impl IntoIterator<Item = &'a Fact>) -> String {
    let facts: Vec<&Fact> = facts.into_iter().collect();
    let offsets = CharOffsets::new(text, facts.iter().flat_map(|f| [f.start, f.end]));
    let mut out = String::new();
    for f in facts {
        let line = FactLine {
            doc,
            start: offsets.get(f.start),
            end: offsets.get(f.end),
            text: &f.text,
            kind: f.kind.as_str(),
            value: &f.value,
            label: (f.kind != FactKind::Time && !f.label.is_empty()).then_some(f.label.as_str()),
            timex_type: (f.kind == FactKind::Time).then_some(f.label.as_str()),
            fields: &f.attrs,
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

/// One row of the facts table as exported.
#[derive(Debug, Serialize)]
struct TableRow<'a> {
    id: u64,
    file: &'a str,
    start: usize,
    end: usize,
    /// The page the fact starts on, for articles from paged files (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
    text: &'a str,
    kind: &'static str,
    label: &'a str,
    value: &'a str,
    fields: &'a BTreeMap<String, String>,
    status: &'static str,
    origin: String,
    note: &'a str,
}

fn table_rows(ws: &Workspace) -> Vec<TableRow<'_>> {
    let project = ws.project();
    let mut rows = Vec::with_capacity(project.facts.len());
    for article in &project.articles {
        let facts: Vec<&Fact> = project.facts_of(article.id).collect();
        let empty = String::new();
        let text = ws.text(article.id).map_or(empty.as_str(), |t| t);
        let offsets = CharOffsets::new(text, facts.iter().flat_map(|f| [f.start, f.end]));
        for f in facts {
            rows.push(TableRow {
                id: f.id.0,
                file: article.file_name(),
                start: offsets.get(f.start),
                end: offsets.get(f.end),
                page: article.provenance.page_at(f.start),
                text: &f.text,
                kind: f.kind.as_str(),
                label: &f.label,
                value: &f.value,
                fields: &f.attrs,
                status: f.status.as_str(),
                origin: match f.origin {
                    Origin::Extracted(v) => format!("extracted v{v}"),
                    Origin::Manual => "manual".into(),
                },
                note: &f.note,
            });
        }
    }
    rows
}

/// The facts table as a JSON array (offsets in code points).
pub fn facts_json(ws: &Workspace) -> String {
    serde_json::to_string_pretty(&table_rows(ws)).unwrap_or_else(|_| "[]".into())
}

/// The facts table as CSV (RFC 4180 quoting; offsets in code points).
pub fn facts_csv(ws: &Workspace) -> String {
    let mut out =
        String::from("id,file,start,end,page,kind,label,value,text,fields,status,origin,note\n");
    for r in table_rows(ws) {
        let fields = r
            .fields
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let cells = [
            r.id.to_string(),
            r.file.to_owned(),
            r.start.to_string(),
            r.end.to_string(),
            r.page.map(|p| p.to_string()).unwrap_or_default(),
            r.kind.to_owned(),
            r.label.to_owned(),
            r.value.to_owned(),
            r.text.to_owned(),
            fields,
            r.status.to_owned(),
            r.origin,
            r.note.to_owned(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a CSV cell when it holds a comma, quote or line break.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn byte_offsets_become_code_points() {
        let text = "Ukraine’s “1,000”";
        let start = text.find('1').unwrap();
        let offs = CharOffsets::new(text, [0, start, text.len()]);
        assert_eq!(offs.get(0), 0);
        assert_eq!(offs.get(start), 11);
        assert_eq!(offs.get(text.len()), text.chars().count());
    }
}
