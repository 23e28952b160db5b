//! The event timeline as an SVG picture (File > Export timeline…): one row
//! per event with its label, its date as a bar, and every source's claimed
//! date as a mark in the source's colour, so a disagreement shows without
//! hovering. Dates that come only from a nearby date are drawn hollow.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::analysis::events::DateSource;
use crate::analysis::timeline::{EventRow, date_of, days, rows_extent};

/// Source colours, one per article in turn (the window uses the same order).
pub const SOURCE_COLORS: [&str; 8] = [
    "#4e9ad6", "#e09a3e", "#5cb85c", "#b07cd8", "#3ec0b8", "#d65c7a", "#c8b840", "#9a9ae0",
];

const ROW: f64 = 26.0;
const LABEL: f64 = 320.0;
const WIDTH: f64 = 1200.0;
const AXIS: f64 = 28.0;

/// The SVG of `rows`, with `sources` (file names in lane order) as the legend.
pub fn timeline_svg(rows: &[EventRow], sources: &[String]) -> String {
    let (lo, hi) = rows_extent(rows).unwrap_or((0.0, 1.0));
    let pad = ((hi - lo) * 0.05).max(1.0);
    let (lo, hi) = (lo - pad, hi + pad);
    let plot = WIDTH - LABEL - 20.0;
    let x = |d: f64| LABEL + (d - lo) / (hi - lo) * plot;
    let legend_rows = sources.len().div_ceil(4) as f64;
    let height = AXIS + ROW * rows.len() as f64 + 20.0 + 18.0 * legend_rows;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    for (day, label) in ticks(lo, hi, plot) {
        let tx = x(day);
        let _ = writeln!(
            s,
            "<line x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#666\" font-size=\"10\">{label}</text>",
            AXIS - 6.0,
            AXIS + ROW * rows.len() as f64,
            tx + 2.0,
            AXIS - 8.0
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let top = AXIS + ROW * i as f64;
        if i % 2 == 0 {
            let _ = writeln!(
                s,
                "<rect x=\"0\" y=\"{top:.1}\" width=\"{WIDTH}\" height=\"{ROW}\" fill=\"#f4f4f4\"/>"
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"6\" y=\"{:.1}\">{}</text>",
            top + ROW * 0.65,
            esc(&shorten(&row.label, 48))
        );
        let (x0, x1) = (x(row.start), x(row.end).max(x(row.start) + 4.0));
        let dash = if row.source == DateSource::Clause {
            ""
        } else {
            " stroke-dasharray=\"3 2\""
        };
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#888\" \
             fill-opacity=\"0.25\" stroke=\"#666\"{dash}/>",
            top + 3.0,
            x1 - x0,
            ROW - 6.0
        );
        let n = row.claims.len().max(1) as f64;
        for (k, c) in row.claims.iter().enumerate() {
            let color = SOURCE_COLORS[c.lane % SOURCE_COLORS.len()];
            let (c0, c1) = (x(c.start), x(c.end).max(x(c.start) + 4.0));
            let h = ((ROW - 8.0) / n).clamp(2.0, 6.0);
            let y = top + 4.0 + k as f64 * (ROW - 8.0 - h) / (n - 1.0).max(1.0);
            let fill = if c.source == DateSource::Clause && !c.inferred {
                format!("fill=\"{color}\"")
            } else {
                format!("fill=\"none\" stroke=\"{color}\"")
            };
            let _ = writeln!(
                s,
                "<rect x=\"{c0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" {fill}/>",
                c1 - c0
            );
        }
    }
    let legend_top = AXIS + ROW * rows.len() as f64 + 16.0;
    for (i, name) in sources.iter().enumerate() {
        let lx = 6.0 + (i % 4) as f64 * (WIDTH / 4.0);
        let ly = legend_top + (i / 4) as f64 * 18.0;
        let _ = writeln!(
            s,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{ly:.1}\" font-size=\"11\">{}</text>",
            ly - 9.0,
            SOURCE_COLORS[i % SOURCE_COLORS.len()],
            lx + 14.0,
            esc(&shorten(name, 40))
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The SVG picture rasterised to PNG at its own size, with the fonts the
/// system has (labels are left out where it has none).
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the timeline picture could not be read: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the timeline picture is empty")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("the PNG could not be written: {e}"))
}

/// Axis ticks (day, label) at a step that keeps about ten of them.
fn ticks(lo: f64, hi: f64, width: f64) -> Vec<(f64, String)> {
    let span = hi - lo;
    let per_tick = span / (width / 90.0).max(1.0);
    let (Some(first), Some(last)) = (date_of(lo), date_of(hi)) else {
        return Vec::new();
    };
    let months = if per_tick <= 1.0 {
        0
    } else if per_tick <= 7.0 {
        return day_ticks(first, last, 7);
    } else if per_tick <= 31.0 {
        1
    } else if per_tick <= 92.0 {
        3
    } else {
        12
    };
    if months == 0 {
        return day_ticks(first, last, 1);
    }
    let mut out = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    while d <= last && out.len() < 400 {
        if d >= first {
            let label = if months >= 12 {
                d.format("%Y").to_string()
            } else {
                d.format("%b %Y").to_string()
            };
            out.push((day_number(d), label));
        }
        match d.checked_add_months(chrono::Months::new(months)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn day_ticks(first: NaiveDate, last: NaiveDate, step: u64) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let mut d = first;
    while d <= last && out.len() < 400 {
        out.push((day_number(d), d.format("%b %-d").to_string()));
        match d.checked_add_days(chrono::Days::new(step)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn day_number(d: NaiveDate) -> f64 {
    d.and_hms_opt(0, 0, 0).map_or(0.0, days)
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timeline::SourceMark;
    use crate::extract::time::Granularity;
    use crate::model::FactId;

    #[test]
    fn every_row_and_every_source_date_is_drawn() {
        let day = |d: u32| day_number(NaiveDate::from_ymd_opt(2031, 5, d).unwrap());
        let mark = |lane, d| SourceMark {
            fact: FactId(1),
            lane,
            start: day(d),
            end: day(d) + 1.0,
            granularity: Granularity::Day,
            source: DateSource::Clause,
            inferred: false,
        };
        let rows = vec![EventRow {
            event: 0,
            label: "Talks, round 1 — Oslo & <Bergen> — 2 sources".into(),
            start: day(3),
            end: day(4),
            granularity: Granularity::Day,
            source: DateSource::Clause,
            claims: vec![mark(0, 3), mark(1, 5)],
        }];
        let svg = timeline_svg(&rows, &["a.txt".into(), "b.txt".into()]);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("Oslo &amp; &lt;Bergen&gt;"));
        assert!(svg.contains(SOURCE_COLORS[0]) && svg.contains(SOURCE_COLORS[1]));
        assert_eq!(svg.matches("<rect").count(), 1 + 1 + 1 + 2 + 2);
        let png = svg_to_png(&svg).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
