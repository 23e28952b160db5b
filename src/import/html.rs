//! A small, tolerant HTML reader: the visible text of a saved web page plus
//! the metadata news sites put in `<meta>` and `<link>` tags and in JSON-LD
//! blocks. It never fails: unclosed tags, stray `<` and broken comments all
//! give some text.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::dates::parse_date;
use super::entities::decode_entities;
use super::jsonld;
use super::outlet::is_outlet_name;
use super::text::{cap_chars, host_of};

/// Elements whose content is not shown to the reader.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "textarea", "xmp"];

/// Elements that may appear in `<head>`; any other start tag ends it, as in browsers.
const HEAD_CONTENT: &[&str] = &[
    "title", "meta", "link", "base", "script", "style", "noscript", "template",
];

/// Elements that start a new paragraph (a blank line in the text).
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "article",
    "section",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "hr",
    "address",
    "form",
    "fieldset",
    "details",
];

/// Elements that start a new line.
const LINES: &[&str] = &[
    "br",
    "div",
    "li",
    "tr",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "summary",
    "option",
    "body",
    "html",
    "center",
    "dialog",
    "legend",
];

/// Elements that separate their content from neighbours by a space.
const CELLS: &[&str] = &["td", "th"];

/// What an HTML page says about itself, besides its visible text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct HtmlMeta {
    /// From `<title>`, else `og:title`, else the first `<h1>`.
    pub title: String,
    /// From `og:site_name`, else the JSON-LD publisher, else the host of the URL.
    pub outlet: String,
    /// From `<link rel="canonical">`, else `og:url`, else the JSON-LD `url`.
    pub url: String,
    /// Publication date and the tag it was read from.
    pub published: Option<(NaiveDate, String)>,
}

/// The visible text of `html` and its metadata.
pub(crate) fn parse(html: &str) -> (String, HtmlMeta) {
    let mut reader = Reader::default();
    let mut pos = 0;
    while let Some(offset) = html[pos..].find('<') {
        let lt = pos + offset;
        reader.text(&html[pos..lt]);
        pos = reader.markup(html, lt);
    }
    reader.text(&html[pos..]);
    reader.finish()
}

/// A tag as written: lower-case name, whether it closes, and its attributes.
#[derive(Debug, Default)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name` (lower-case), entity-decoded.
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A date found in metadata: its rank (lower is more trusted), value and source tag.
type DateTag = (u8, String, String);

/// The scanner's state while it walks the page.
#[derive(Debug, Default)]
struct Reader {
    out: String,
    pending_space: bool,
    in_head: bool,
    article_depth: usize,
    h1_start: Option<usize>,
    title: Option<String>,
    og_title: Option<String>,
    h1: Option<String>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
    dates: Vec<DateTag>,
}

impl Reader {
    /// Adds text between tags, with references decoded and runs of whitespace
    /// (including no-break spaces) collapsed to one space.
    fn text(&mut self, raw: &str) {
        if self.in_head || raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        let text = if decoded.contains('\u{a0}') {
            Cow::Owned(decoded.replace('\u{a0}', " "))
        } else {
            decoded
        };
        if text.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.pending_space = true;
        }
        for (i, word) in text.split_ascii_whitespace().enumerate() {
            let space = i > 0 || self.pending_space;
            if space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.out.push_str(word);
            self.pending_space = false;
        }
        if text.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.pending_space = true;
        }
    }

    /// Handles the markup starting at `lt` (a `<`) and returns where text resumes.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            return comment.find("-->").map_or(html.len(), |i| lt + 4 + i + 3);
        }
        let bytes = rest.as_bytes();
        let starts_tag = match bytes.get(1) {
            Some(b'!' | b'?') => return rest.find('>').map_or(html.len(), |i| lt + i + 1),
            Some(b'/') => bytes.get(2).is_some_and(u8::is_ascii_alphabetic),
            Some(b) => b.is_ascii_alphabetic(),
            None => false,
        };
        if !starts_tag {
            self.text("<");
            return lt + 1;
        }
        let (tag, end) = read_tag(html, lt);
        self.tag(&tag);
        if tag.closing {
            return end;
        }
        self.raw_text_element(html, &tag, end)
    }

    /// Skips or captures the content of elements whose content is not markup.
    fn raw_text_element(&mut self, html: &str, tag: &Tag, end: usize) -> usize {
        let is_title = tag.name == "title";
        if !is_title && !HIDDEN.contains(&tag.name.as_str()) {
            return end;
        }
        let (content_end, after) = find_close_tag(html, end, &tag.name);
        if is_title && self.title.is_none() {
            self.title = Some(clean(&html[end..content_end])).filter(|t| !t.is_empty());
        }
        let linked_data = tag
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if tag.name == "script" && linked_data {
            self.linked_data(&html[end..content_end]);
        }
        after
    }

    /// Reads date, publisher and address from a JSON-LD block.
    fn linked_data(&mut self, json: &str) {
        let data = jsonld::read(json);
        if let Some(date) = data.published {
            let source = "JSON-LD “datePublished”".to_owned();
            self.dates.push((1, date, source));
        }
        let publisher = data.publisher.filter(|p| is_outlet_name(p));
        self.ld_publisher = self.ld_publisher.take().or(publisher);
        self.ld_url = self.ld_url.take().or(data.url);
    }

    /// Updates the state for one start or end tag.
    fn tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        if !tag.closing && name != "head" && !HEAD_CONTENT.contains(&name) {
            self.in_head = false;
        }
        match (name, tag.closing) {
            ("head", closing) => self.in_head = !closing,
            ("article", false) => self.article_depth += 1,
            ("article", true) => self.article_depth = self.article_depth.saturating_sub(1),
            ("meta", false) => self.meta(tag),
            ("link", false) => self.link(tag),
            ("time", false) => self.time(tag),
            _ => {}
        }
        if !tag.closing {
            self.item_prop(tag);
        }
        self.layout(name, tag.closing);
        if name == "h1" {
            self.heading(tag.closing);
        }
    }

    /// Line and paragraph breaks for block elements, spaces for table cells.
    fn layout(&mut self, name: &str, closing: bool) {
        if PARAGRAPHS.contains(&name) {
            self.line_break(true);
        } else if LINES.contains(&name) && (name != "br" || !closing) {
            self.line_break(false);
        } else if CELLS.contains(&name) {
            self.pending_space = true;
        }
    }

    /// Ends the current line, leaving one blank line for a paragraph break.
    fn line_break(&mut self, paragraph: bool) {
        self.pending_space = false;
        if self.in_head || self.out.is_empty() {
            return;
        }
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        if paragraph && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// Remembers the text of the first `<h1>`, a title of last resort.
    fn heading(&mut self, closing: bool) {
        if self.h1.is_some() {
            return;
        }
        match (closing, self.h1_start) {
            (false, None) => self.h1_start = Some(self.out.len()),
            (true, Some(start)) => {
                self.h1_start = None;
                let text = self.out.get(start..).map(clean).unwrap_or_default();
                self.h1 = Some(text).filter(|t| !t.is_empty());
            }
            _ => {}
        }
    }

    /// Reads title, outlet, URL and date from a `<meta>` tag.
    fn meta(&mut self, tag: &Tag) {
        let Some(content) = tag.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .unwrap_or_default();
        let attr_name = if tag.attr("property").is_some() {
            "property"
        } else {
            "name"
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "og:title" => &mut self.og_title,
            "og:site_name" => &mut self.site_name,
            "og:url" => &mut self.og_url,
            lower => {
                let rank = match lower {
                    "article:published_time" | "og:article:published_time" => 0,
                    "date"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "publish_date"
                    | "publication_date"
                    | "datepublished"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.date"
                    | "dcterms.issued"
                    | "dcterms.created"
                    | "citation_publication_date"
                    | "parsely-pub-date"
                    | "sailthru.date" => 1,
                    _ => return,
                };
                let source = format!("<meta {attr_name}=\"{key}\">");
                self.dates.push((rank, content.to_owned(), source));
                return;
            }
        };
        if slot.is_none() {
            *slot = Some(clean(content));
        }
    }

    /// Reads the canonical URL from `<link rel="canonical">`.
    fn link(&mut self, tag: &Tag) {
        let canonical = tag.attr("rel").is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        });
        if canonical && self.canonical.is_none() {
            self.canonical = tag
                .attr("href")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_owned);
        }
    }

    /// Any element marked `itemprop="datePublished"` (schema.org microdata).
    fn item_prop(&mut self, tag: &Tag) {
        if !tag
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        {
            return;
        }
        if let Some(value) = tag.attr("content").or_else(|| tag.attr("datetime")) {
            let source = "itemprop=\"datePublished\"".to_owned();
            self.dates.push((2, value.to_owned(), source));
        }
    }

    /// A `<time datetime>`: the first inside an `<article>` beats the first anywhere.
    fn time(&mut self, tag: &Tag) {
        let Some(value) = tag.attr("datetime") else {
            return;
        };
        let rank = if self.article_depth > 0 { 3 } else { 4 };
        let source = if rank == 3 {
            "<time> in the article"
        } else {
            "<time> on the page"
        };
        self.dates.push((rank, value.to_owned(), source.to_owned()));
    }

    /// The visible text, trimmed, and the metadata chosen by precedence.
    fn finish(self) -> (String, HtmlMeta) {
        let published = self
            .dates
            .iter()
            .filter_map(|(rank, value, source)| parse_date(value).map(|d| (*rank, d, source)))
            .min_by_key(|(rank, _, _)| *rank)
            .map(|(_, date, source)| (date, source.clone()));
        let url = self
            .canonical
            .or(self.og_url)
            .or(self.ld_url)
            .unwrap_or_default();
        let outlet = self.site_name.or(self.ld_publisher).unwrap_or_else(|| {
            if url.is_empty() {
                String::new()
            } else {
                host_of(&url)
            }
        });
        let title = self.title.or(self.og_title).or(self.h1).unwrap_or_default();
        let text = self.out.trim_end().to_owned();
        (
            text,
            HtmlMeta {
                title: cap_chars(&title, 500),
                outlet,
                url,
                published,
            },
        )
    }
}

/// Entity-decoded text with runs of whitespace collapsed to single spaces.
fn clean(raw: &str) -> String {
    decode_entities(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the tag starting at `lt`; returns it and the position after its `>`
/// (the end of the input when the tag is never closed).
fn read_tag(html: &str, lt: usize) -> (Tag, usize) {
    let bytes = html.as_bytes();
    let mut tag = Tag::default();
    let mut i = lt + 1;
    if bytes.get(i) == Some(&b'/') {
        tag.closing = true;
        i += 1;
    }
    let name_end = scan(bytes, i, |b| !is_space(b) && b != b'>' && b != b'/');
    tag.name = html[i..name_end].to_ascii_lowercase();
    i = name_end;
    loop {
        i = scan(bytes, i, |b| is_space(b) || b == b'/');
        match bytes.get(i) {
            None => return (tag, html.len()),
            Some(b'>') => return (tag, i + 1),
            Some(_) => {}
        }
        let key_end = scan(bytes, i + 1, |b| {
            !is_space(b) && !matches!(b, b'=' | b'>' | b'/')
        });
        let key = html[i..key_end].to_ascii_lowercase();
        let (value, next) = read_attr_value(html, key_end);
        tag.attrs.push((key, decode_entities(value).into_owned()));
        i = next;
    }
}

/// The value after an attribute name at `from` (empty when there is no `=`) and where scanning resumes.
fn read_attr_value(html: &str, from: usize) -> (&str, usize) {
    let bytes = html.as_bytes();
    let eq = scan(bytes, from, is_space);
    if bytes.get(eq) != Some(&b'=') {
        return ("", from);
    }
    let start = scan(bytes, eq + 1, is_space);
    match bytes.get(start) {
        Some(&quote @ (b'"' | b'\'')) => {
            let close = scan(bytes, start + 1, |b| b != quote);
            (&html[start + 1..close], (close + 1).min(html.len()))
        }
        _ => {
            let end = scan(bytes, start, |b| !is_space(b) && b != b'>');
            (&html[start..end], end)
        }
    }
}

/// The first position from `from` where `keep` fails, or the end.
fn scan(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let from = from.min(bytes.len());
    bytes[from..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |p| from + p)
}

/// HTML whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Where the content of a raw-text element ends (`</name`) and where text resumes after its end tag.
fn find_close_tag(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut search = from;
    while let Some(offset) = html[search..].find("</") {
        let at = search + offset;
        let name_end = at + 2 + name.len();
        let matches_name = bytes
            .get(at + 2..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let boundary = bytes
            .get(name_end)
            .is_none_or(|&b| is_space(b) || b == b'>' || b == b'/');
        if matches_name && boundary {
            let after = html[name_end..]
                .find('>')
                .map_or(html.len(), |i| name_end + i + 1);
            return (at, after);
        }
        search = at + 2;
    }
    (html.len(), html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        parse(html).0
    }

    #[test]
    fn visible_text() {
        let table = [
            (
                "<p>Hello <b>world</b></p><p>Next</p>",
                "Hello world\n\nNext",
            ),
            (
                "<html><head><title>T</title><style>p{}</style></head><body><p>Body</p></body></html>",
                "Body",
            ),
            ("<script>var a = '<p>no</p>';</script><p>yes</p>", "yes"),
            ("<p>a<!-- hidden <p>comment</p> -->b</p>", "ab"),
            (
                "<noscript>enable JS</noscript><template><p>t</p></template>shown",
                "shown",
            ),
            ("<div>one<br>two<br/>three</div>", "one\ntwo\nthree"),
            ("<ul><li>x</li><li>y</li></ul>", "x\ny"),
            (
                "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
                "a b\nc",
            ),
            ("<p>  lots \n\n of\t space  </p>", "lots of space"),
            (
                "<p>Tom &amp; Jerry&rsquo;s &#8220;show&#x201D; &unknown;</p>",
                "Tom & Jerry’s “show” &unknown;",
            ),
            ("<p>20&nbsp;May</p>", "20 May"),
            ("<P CLASS=x>Upper</P>", "Upper"),
            ("<SCRIPT>x</SCRIPT >after", "after"),
            ("<!DOCTYPE html><?xml version='1.0'?>text", "text"),
        ];
        for (html, expected) in table {
            assert_eq!(text_of(html), expected, "{html:?}");
        }
    }

    #[test]
    fn malformed_html() {
        let table = [
            ("<p>unclosed <b>bold", "unclosed bold"),
            ("a < b and c<d", "a < b and c"),
            ("5 <3 and x<", "5 <3 and x<"),
            ("<p>text<!-- never closed", "text"),
            ("<script>never closed", ""),
            ("<p title=\"unterminated>text", ""),
            ("<p>a</p></div></span>b", "a\n\nb"),
            ("<>empty tag</ >", "<>empty tag</ >"),
            ("<a href=x>link</a", "link"),
            ("<![CDATA[x]]>after", "after"),
            ("<head><title>T</title><p>implicit body", "implicit body"),
        ];
        for (html, expected) in table {
            assert_eq!(text_of(html), expected, "{html:?}");
        }
    }

    fn meta_of(html: &str) -> HtmlMeta {
        parse(html).1
    }

    #[test]
    fn titles() {
        let table = [
            (
                "<title> A &amp; B </title><meta property=og:title content=OG><h1>H</h1>",
                "A & B",
            ),
            (
                "<meta property=\"og:title\" content=\"From OG\"><h1>H</h1>",
                "From OG",
            ),
            (
                "<body><h1>First <em>heading</em></h1><h1>Second</h1>",
                "First heading",
            ),
            ("<p>no title</p>", ""),
        ];
        for (html, expected) in table {
            assert_eq!(meta_of(html).title, expected, "{html:?}");
        }
    }

    #[test]
    fn outlet_and_url() {
        let table = [
            (
                "<meta property=\"og:site_name\" content=\"Kyiv Independent\"><link rel=\"canonical\" href=\"https://kyivindependent.com/a\">",
                "Kyiv Independent",
                "https://kyivindependent.com/a",
            ),
            (
                "<link rel=canonical href=https://www.reuters.com/x>",
                "reuters.com",
                "https://www.reuters.com/x",
            ),
            (
                "<meta property=og:url content=\"https://apnews.com/y\">",
                "apnews.com",
                "https://apnews.com/y",
            ),
            (
                "<script type=application/ld+json>{\"publisher\":{\"name\":\"Lakeside Courier\"},\"url\":\"https://courier.example/a\"}</script><p>x</p>",
                "Lakeside Courier",
                "https://courier.example/a",
            ),
            (
                "<script type=application/ld+json>{\"publisher\":{\"name\":\"a sentence that says what the publisher did\"},\"url\":\"https://courier.example/a\"}</script>",
                "courier.example",
                "https://courier.example/a",
            ),
            ("<p>nothing</p>", "", ""),
        ];
        for (html, outlet, url) in table {
            let meta = meta_of(html);
            assert_eq!(
                (meta.outlet.as_str(), meta.url.as_str()),
                (outlet, url),
                "{html:?}"
            );
        }
    }

    #[test]
    fn dates() {
        let table = [
            (
                "<meta property=\"article:published_time\" content=\"2025-05-20T08:00:00+03:00\"><meta name=date content=2024-01-01>",
                Some("2025-05-20"),
                "<meta property=\"article:published_time\">",
            ),
            (
                "<meta name=\"DC.date.issued\" content=\"2025-05-19\">",
                Some("2025-05-19"),
                "<meta name=\"DC.date.issued\">",
            ),
            (
                "<meta name=pubdate content=\"May 18, 2025\">",
                Some("2025-05-18"),
                "<meta name=\"pubdate\">",
            ),
            (
                "<span itemprop=\"datePublished\" content=\"2025-05-17\">x</span>",
                Some("2025-05-17"),
                "itemprop=\"datePublished\"",
            ),
            (
                "<time datetime=\"2020-01-01\">x</time><article><time datetime=\"2025-05-16T10:00\">y</time></article>",
                Some("2025-05-16"),
                "<time> in the article",
            ),
            (
                "<time datetime=\"2025-05-15\">x</time>",
                Some("2025-05-15"),
                "<time> on the page",
            ),
            ("<meta name=date content=\"not a date\"><p>x</p>", None, ""),
            (
                "<script type=\"application/ld+json\">{\"datePublished\":\"2025-05-14T09:00\"}</script><time datetime=2025-05-15>x</time>",
                Some("2025-05-14"),
                "JSON-LD “datePublished”",
            ),
            (
                "<meta name=\"parsely-pub-date\" content=\"2025-05-13T10:00:00Z\">",
                Some("2025-05-13"),
                "<meta name=\"parsely-pub-date\">",
            ),
            ("<p>x</p>", None, ""),
        ];
        for (html, expected, how) in table {
            let expected = expected
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .map(|d| (d, how.to_owned()));
            assert_eq!(meta_of(html).published, expected, "{html:?}");
        }
    }
}
