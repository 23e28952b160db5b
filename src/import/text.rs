//! What a plain-text or Markdown article says about itself: title, outlet, URL
//! and publication date. Only explicit markers near the top (or the very end)
//! count: labelled lines, bylines, datelines (`LAKESIDE, May 2 (Agency) –`,
//! `LAKESIDE (Agency) –`, `Lakeside • Agency`), header lines
//! (`example.com | Updated: …`, `Published …`, `Today, 2 May 2025`) and the
//! article's own address on a line of its own. Nothing is guessed from the
//! body, so a date is either found with a stated reason or left unknown.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::dates::{parse_date, parse_date_prefix};
use super::outlet::{
    agency, agency_at_start, is_credit_host, is_credit_line, is_domain, is_outlet_name, segments,
};
use crate::model::DateOrigin;

/// Lines from the top searched for a URL, byline or date marker.
const HEAD_LINES: usize = 10;

/// Lines from the top searched for the article's URL.
const URL_LINES: usize = 5;

/// Lines from the bottom searched for a date marker.
const TAIL_LINES: usize = 5;

/// Longest title kept, in characters; a first line longer than this is cut.
const MAX_TITLE_CHARS: usize = 500;

/// An http(s) URL.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"https?://[^\s<>"'“”‘’()\[\]{}]+"#).expect("URL pattern is valid")
});

/// A labelled outlet line: `Source: Reuters`, `Outlet: The Guardian`.
static OUTLET_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_>]*(?:source|outlet|publication|publisher)[*_]*\s*:\s*[*_]*(.+)$")
        .expect("outlet label pattern is valid")
});

/// Most words a line around an address may hold besides it (`Source: <url>`).
const MAX_WORDS_BESIDE_URL: usize = 3;

/// Most words before a capitalised date marker in a header line
/// (`Agency Lakeside Published …`); a longer run is a sentence.
const MAX_WORDS_BEFORE_MARKER: usize = 6;

/// Most words of a header line naming an agency or a site (`Agency Lakeside`).
const MAX_HEADER_WORDS: usize = 8;

/// A byline naming the outlet: `By Jane Doe for The Guardian`.
static BYLINE_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*_>]*(?:By|BY)\s+[^\n]{1,80}?\s+for\s+(\p{Lu}[^\n,;|(]*)")
        .expect("byline pattern is valid")
});

/// A byline: `By Jane Doe, Agency`, `By Agency`, `- By Jane Doe | Agency`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s*_>\-–—•]*(?:By|BY)\s+([^\n]{1,80})$").expect("byline pattern is valid")
});

/// A date marker at the start of a line: `Published: …`, `Posted on …`,
/// `Updated …`, `Today, …`.
static DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s*_>#]*(first published|last updated|published|posted|updated|dated|date|today)\b(?:\s+on)?[*_]*\s*[:\-–—,]?\s*[*_]*\s*",
    )
    .expect("date marker pattern is valid")
});

/// A date marker inside a header line, written capitalised as page widgets
/// write it (`example.com | Updated: …`, `Agency Lakeside Published …`).
static INNER_DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:First published|Last updated|Published|Posted|Updated)\b(?:\s+on)?\s*[:\-–—]?\s*",
    )
    .expect("inner date marker pattern is valid")
});

/// A dateline without a date: `LAKESIDE (Agency) –`, the place in capitals.
static DATELINE_AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{Lu} .'’\-]{1,40}?\s*\(([^()\n]{1,40})\)\s*[-–—]")
        .expect("dateline pattern is valid")
});

/// The start of a dateline: `KYIV, ` before the date.
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{L} .'’\-]{1,40}?,\s+").expect("dateline pattern is valid")
});

/// A dateline's day without a year (`May 20`, `20 May`): enough to find the agency, not a date.
static DAY_WITHOUT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9})\b")
        .expect("day pattern is valid")
});

/// What follows a dateline's date: an optional `(Agency)` and a dash.
static DATELINE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\(([^()\n]{1,40})\))?\s*[-–—]").expect("dateline end pattern is valid")
});

/// Metadata found in an article's text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct TextMeta {
    /// The first non-empty line with Markdown marks removed.
    pub title: String,
    /// Outlet from a labelled line, a byline or a URL's host.
    pub outlet: String,
    /// The first URL near the top.
    pub url: String,
    /// Publication date and where it was read: a marker in the text, or front matter.
    pub published: Option<(NaiveDate, DateOrigin)>,
}

/// Reads title, outlet, URL and date markers from the text of an article.
pub(crate) fn detect(text: &str) -> TextMeta {
    let (front, body) = front_matter(text);
    let head: Vec<&str> = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .collect();
    let mut tail: Vec<&str> = body
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .take(TAIL_LINES)
        .collect();
    tail.reverse();
    let url = front
        .url
        .clone()
        .or_else(|| own_url(&head[..head.len().min(URL_LINES)]))
        .unwrap_or_default();
    let outlet = front
        .outlet
        .clone()
        .or_else(|| labelled_outlet(&head))
        .or_else(|| (!url.is_empty()).then(|| host_of(&url)))
        .or_else(|| dateline_agency(&head))
        .or_else(|| header_outlet(head.get(1..).unwrap_or_default()))
        .or_else(|| header_outlet(&below_title(&tail, head.first())))
        .unwrap_or_default();
    let title = front
        .title
        .clone()
        .or_else(|| head.first().map(|l| clean_title(l)));
    let published = front.date.clone().or_else(|| date_marker(&head, &tail));
    TextMeta {
        title: title.unwrap_or_default(),
        outlet,
        url,
        published,
    }
}

/// Fields of a YAML-style front-matter block (`---` … `---`) at the top of a Markdown file.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<(NaiveDate, DateOrigin)>,
}

/// Splits off a front-matter block, returning its fields and the text after it.
fn front_matter(text: &str) -> (FrontMatter, &str) {
    let mut front = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---\n") else {
        return (front, text);
    };
    let Some(close) = rest
        .find("\n---")
        .filter(|&i| rest[i + 4..].starts_with(['\n', ' ']) || rest.len() == i + 4)
    else {
        return (front, text);
    };
    for line in rest[..close].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => front.title = Some(cap_chars(value, MAX_TITLE_CHARS)),
            "source" | "outlet" | "publication" | "publisher" => {
                front.outlet = Some(value.to_owned())
            }
            "url" | "link" | "canonical" => front.url = Some(value.to_owned()),
            "date" | "published" | "pubdate" => {
                let how = format!("front matter “{}”", key.trim());
                front.date = parse_date(value).map(|d| (d, DateOrigin::Metadata(how)));
            }
            _ => {}
        }
    }
    (front, &rest[close + 4..])
}

/// The first line made into a title: Markdown heading and emphasis marks removed, length capped.
pub(crate) fn clean_title(line: &str) -> String {
    let line = line
        .trim()
        .trim_start_matches('#')
        .trim_end_matches('#')
        .trim();
    let line = line.replace("**", "");
    let mut title = line.trim();
    for mark in ["__", "_", "*"] {
        if title.len() > 2 * mark.len() && title.starts_with(mark) && title.ends_with(mark) {
            title = title[mark.len()..title.len() - mark.len()].trim();
        }
    }
    cap_chars(title, MAX_TITLE_CHARS)
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn cap_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_owned(),
    }
}

/// The article's own address: the first http(s) URL standing on a line of
/// its own (or with a short label), without trailing punctuation; never a
/// photo credit, a licence or a picture file.
fn own_url(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        let found = URL.find(line)?;
        let url = found
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_']);
        let beside = line[..found.start()].split_whitespace().count()
            + line[found.end()..].split_whitespace().count();
        let picture = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
            .iter()
            .any(|ext| url.to_ascii_lowercase().ends_with(ext));
        let own = beside <= MAX_WORDS_BESIDE_URL
            && !picture
            && !is_credit_line(line)
            && !is_credit_host(&host_of(url));
        own.then(|| url.to_owned())
    })
}

/// An outlet named by a `Source:`-style label or a byline (`By … for
/// Outlet`, `By Jane Doe, Agency`), when it reads as an outlet's name.
fn labelled_outlet(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        if let Some(caps) = OUTLET_LABEL
            .captures(line)
            .or_else(|| BYLINE_FOR.captures(line))
        {
            let value = caps.get(1)?.as_str().trim().trim_matches(['*', '_']).trim();
            let value = value.trim_end_matches(['.', ',', ';', ':']).trim();
            let outlet = if URL.is_match(value) {
                host_of(value)
            } else {
                value.to_owned()
            };
            return is_outlet_name(&outlet).then_some(outlet);
        }
        let byline = BYLINE.captures(line)?.get(1)?.as_str();
        byline
            .split([',', '|', '/'])
            .find_map(|part| agency(part.trim_end_matches(['.', ';'])))
            .map(str::to_owned)
    })
}

/// The lines of `tail` that are not the title line (a short text's tail holds its title).
fn below_title<'a>(tail: &[&'a str], title: Option<&&str>) -> Vec<&'a str> {
    tail.iter()
        .filter(|line| title.is_none_or(|t| !std::ptr::eq(line.as_ptr(), t.as_ptr())))
        .copied()
        .collect()
}

/// An outlet named by a short header line (never a sentence): a part that is
/// an agency or a bare domain (`Lakeside • Agency`, `example.com | Updated …`,
/// `… @ example.com`), or an agency at the start of a line whose other words
/// are all capitalised (`Agency Lakeside Published …`).
fn header_outlet(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        let short = line.split_whitespace().count() <= MAX_HEADER_WORDS;
        if !short || is_credit_line(line) {
            return None;
        }
        let named = segments(line).find_map(|part| {
            let last = part.split_whitespace().last().unwrap_or(part);
            if let Some(name) = agency(part) {
                Some(name.to_owned())
            } else {
                let last = last.trim_end_matches(['.', ',']);
                (is_domain(last) && !is_credit_host(last)).then(|| host_of(last))
            }
        });
        named.or_else(|| {
            let name = agency_at_start(line.trim_start_matches(['*', '_', ' ']))?;
            let header = line
                .split_whitespace()
                .all(|word| !word.starts_with(|c: char| c.is_lowercase()));
            header.then(|| name.to_owned())
        })
    })
}

/// The news agency named in a dateline: `KYIV, May 20 (Reuters) -`,
/// `KYIV (Reuters) -`.
fn dateline_agency(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        if let Some(caps) = DATELINE_AGENCY_ONLY.captures(line) {
            let name = caps.get(1)?.as_str().trim();
            return is_outlet_name(name).then(|| name.to_owned());
        }
        let place = DATELINE_PLACE.find(line)?;
        let after = &line[place.end()..];
        let rest = match parse_date_prefix(after) {
            Some((_, len)) => &after[len..],
            None => DAY_WITHOUT_YEAR
                .find(after)
                .map_or(after, |m| &after[m.end()..]),
        };
        let caps = DATELINE_END.captures(rest)?;
        let name = caps.get(1)?.as_str().trim();
        is_outlet_name(name).then(|| name.to_owned())
    })
}

/// The host of `url`, lower-case and without `www.`: the outlet it belongs to.
pub(crate) fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.").map(str::to_owned).unwrap_or(host)
}

/// How strongly a kind of date marker is trusted; lower wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Published,
    Dateline,
    AloneOnLine,
    Updated,
}

/// The publication date from the best marker in the head or tail lines.
fn date_marker(head: &[&str], tail: &[&str]) -> Option<(NaiveDate, DateOrigin)> {
    head.iter()
        .chain(tail)
        .filter_map(|line| line_date(line))
        .min_by_key(|(rank, _, _)| *rank)
        .map(|(_, date, how)| (date, DateOrigin::Detected(how)))
}

/// A date marker on one line, with its rank and a phrase saying how it was found.
fn line_date(line: &str) -> Option<(Rank, NaiveDate, String)> {
    if let Some(found) = DATE_MARKER.captures(line) {
        let word = found.get(1)?.as_str();
        let rest = &line[found.get(0)?.end()..];
        return marked_date(word, rest);
    }
    if let Some(found) = inner_marker(line) {
        return Some(found);
    }
    if let Some(date) = parse_date(line.trim().trim_matches(['*', '_'])) {
        return Some((
            Rank::AloneOnLine,
            date,
            "date on a line of its own".to_owned(),
        ));
    }
    let place = DATELINE_PLACE.find(line)?;
    let after = &line[place.end()..];
    let (date, len) = parse_date_prefix(after)?;
    DATELINE_END
        .is_match(&after[len..])
        .then(|| (Rank::Dateline, date, "dateline".to_owned()))
}

/// The date after a marker word, ranked by the word.
fn marked_date(word: &str, rest: &str) -> Option<(Rank, NaiveDate, String)> {
    let (date, _) = parse_date_prefix(rest)?;
    let lower = word.to_ascii_lowercase();
    let rank = match lower.as_str() {
        "today" => Rank::AloneOnLine,
        w if w.contains("updated") => Rank::Updated,
        _ => Rank::Published,
    };
    Some((rank, date, format!("“{}” line", capitalised(&lower))))
}

/// A capitalised date marker after a few words of a header line
/// (`example.com | Updated: 2025-05-20 09:01`).
fn inner_marker(line: &str) -> Option<(Rank, NaiveDate, String)> {
    let found = INNER_DATE_MARKER.find(line)?;
    let before = &line[..found.start()];
    let sentence = before.contains(". ") || before.trim_end().ends_with([',', '.']);
    if before.split_whitespace().count() > MAX_WORDS_BEFORE_MARKER || sentence {
        return None;
    }
    let word = found.as_str().split([':', '-', '–', '—']).next()?.trim();
    let word = word.strip_suffix(" on").unwrap_or(word);
    marked_date(word, &line[found.end()..])
}

/// `word` with its first letter upper-case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn titles() {
        let table = [
            ("Plain title\nbody", "Plain title"),
            ("\n\n  Spaced title  \nbody", "Spaced title"),
            ("# Heading title\nbody", "Heading title"),
            ("### Closed heading ###\n", "Closed heading"),
            ("**Bold title**\nbody", "Bold title"),
            ("## **Both** marks\n", "Both marks"),
            ("_Emphasis_\n", "Emphasis"),
            (
                "---\ntitle: \"From front matter\"\ndate: 2025-05-20\n---\n# Heading\n",
                "From front matter",
            ),
            (
                "---\nauthor: x\n---\n# After front matter\n",
                "After front matter",
            ),
            ("", ""),
        ];
        for (text, expected) in table {
            assert_eq!(detect(text).title, expected, "{text:?}");
        }
    }

    #[test]
    fn long_titles_are_cut() {
        let title = detect(&"é".repeat(MAX_TITLE_CHARS + 10)).title;
        assert_eq!(title.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(title.ends_with('…'));
    }

    #[test]
    fn outlets_and_urls() {
        let table = [
            (
                "Title\nBy Jane Doe for The Guardian\nbody",
                "The Guardian",
                "",
            ),
            ("Title\nSource: Kyiv Independent\n", "Kyiv Independent", ""),
            ("Title\n**Outlet:** BBC News.\n", "BBC News", ""),
            (
                "Title\nhttps://www.reuters.com/world/x-2025-05-20/ text",
                "reuters.com",
                "https://www.reuters.com/world/x-2025-05-20/",
            ),
            (
                "Title\n(see https://apnews.com/article/abc).\n",
                "apnews.com",
                "https://apnews.com/article/abc",
            ),
            (
                "Title\nSource: https://WWW.Example.org:8080/a\n",
                "example.org",
                "https://WWW.Example.org:8080/a",
            ),
            ("Title\nKYIV, May 20 (Reuters) - Text.\n", "Reuters", ""),
            ("Title\nNobody wrote this for Nothing.\n", "", ""),
            (
                "Title\nLAKESIDE (Reuters) – Talks resumed.\n",
                "Reuters",
                "",
            ),
            ("Title\nLAKESIDE (officials said so) – x\n", "", ""),
            ("Title\nLakeside • UNN\nBody.\n", "UNN", ""),
            (
                "Title\nnorthwind-news.example | Updated: 2025-05-20 09:01\n",
                "northwind-news.example",
                "",
            ),
            ("Title\nXinhua Lakeside Published 20.05.25\n", "Xinhua", ""),
            ("Title\nReuters reported on Monday\n", "", ""),
            ("Reuters Fined Over Leak\nBody.\n", "", ""),
            ("Title\nBy Jane Roe, Reuters\n", "Reuters", ""),
            ("Title\n- By Jane Roe\n", "", ""),
            (
                "Title\nBody.\nThe full story @ lakeside-courier.example\n",
                "lakeside-courier.example",
                "",
            ),
            (
                "Title\nPhoto: https://creativecommons.org/licenses/by/2.0/\n",
                "",
                "",
            ),
            (
                "Title\nA drone picture, https://northwind.example/view.jpg\n",
                "",
                "",
            ),
            (
                "Title\nThe bridge reopened, https://northwind.example/a said on Monday after a closure.\n",
                "",
                "",
            ),
            (
                "Title\nSource: officials familiar with the talks said on Monday\n",
                "",
                "",
            ),
            ("Title\nThe source: of it all is here\n", "", ""),
        ];
        for (text, outlet, url) in table {
            let meta = detect(text);
            assert_eq!(
                (meta.outlet.as_str(), meta.url.as_str()),
                (outlet, url),
                "{text:?}"
            );
        }
    }

    #[test]
    fn dates() {
        let table = [
            (
                "Title\nPublished May 20, 2025\nbody",
                date(2025, 5, 20),
                "“Published” line",
            ),
            (
                "Title\nPosted: 2025-05-20\n",
                date(2025, 5, 20),
                "“Posted” line",
            ),
            (
                "Title\nDate: 20 May 2025\n",
                date(2025, 5, 20),
                "“Date” line",
            ),
            (
                "Title\n*Published on Tuesday, May 20, 2025 at 10:31*\n",
                date(2025, 5, 20),
                "“Published” line",
            ),
            (
                "Title\nUpdated 21 May 2025\nPublished 20 May 2025\n",
                date(2025, 5, 20),
                "“Published” line",
            ),
            (
                "Title\nUpdated 21 May 2025\n",
                date(2025, 5, 21),
                "“Updated” line",
            ),
            (
                "Title\nKYIV, May 20, 2025 (Reuters) - Text.\n",
                date(2025, 5, 20),
                "dateline",
            ),
            ("Title\nKYIV, May 20 (Reuters) - Text.\n", None, ""),
            (
                "Title\n2025-05-20\nbody",
                date(2025, 5, 20),
                "date on a line of its own",
            ),
            (
                "Title\nbody\nmore\n\nPublished: 2024-01-02\n",
                date(2024, 1, 2),
                "“Published” line",
            ),
            (
                "Title\nYour email address will not be published.\n",
                None,
                "",
            ),
            ("Title\nPublished yesterday\n", None, ""),
            (
                "Title\nToday, 25 May 2025\n",
                date(2025, 5, 25),
                "“Today” line",
            ),
            (
                "Title\nnorthwind-news.example | Updated: 2025-05-20 09:01\n",
                date(2025, 5, 20),
                "“Updated” line",
            ),
            (
                "Title\nXinhua Lakeside Published 20.05.25, 10:00 AM\n",
                date(2025, 5, 20),
                "“Published” line",
            ),
            (
                "Title\nPublished March 28,2024\n",
                date(2024, 3, 28),
                "“Published” line",
            ),
            (
                "Title\nOfficials of the ministry told reporters the figures Published May 2, 2025\n",
                None,
                "",
            ),
            ("Title\nDates agreed: May 20, 2025\n", None, ""),
            ("Title\nThe talks on May 20, 2025 went well.\n", None, ""),
            (
                "---\ndate: 2023-03-04\n---\nTitle\n",
                date(2023, 3, 4),
                "front matter “date”",
            ),
        ];
        for (text, expected, how) in table {
            let found = detect(text).published;
            let origin = if how.starts_with("front matter") {
                DateOrigin::Metadata(how.to_owned())
            } else {
                DateOrigin::Detected(how.to_owned())
            };
            let expected = expected.map(|d| (d, origin));
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn dates_only_near_top_or_bottom() {
        let mut text = String::from("Title\n");
        for i in 0..20 {
            text.push_str(&format!("Line {i}\n"));
        }
        text.push_str("Published May 20, 2025\n");
        for i in 0..6 {
            text.push_str(&format!("Line {i}\n"));
        }
        assert_eq!(detect(&text).published, None);
    }

    #[test]
    fn hosts() {
        let table = [
            ("https://www.reuters.com/world", "reuters.com"),
            ("http://user@News.Example.com:80/?q#f", "news.example.com"),
            ("kyivindependent.com/a", "kyivindependent.com"),
        ];
        for (url, host) in table {
            assert_eq!(host_of(url), host);
        }
    }
}
