//! RSS and Atom feed files through `feed-rs`: one article per item, with its
//! title, date, link and author; the feed's own title is the outlet.

use feed_rs::model::{Entry, Text};

use super::{
    FileArticles, ImportError, ImportedArticle, date_from_url, from_text, html, text::host_of,
};
use crate::model::DateOrigin;

/// The articles of a feed: one per item with text; items without any are
/// named by number, the others imported.
pub(super) fn parse(bytes: &[u8]) -> Result<FileArticles, ImportError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ImportError::Damaged {
        format: "RSS or Atom feed",
        detail: e.to_string(),
    })?;
    let outlet = feed.title.as_ref().map(plain).unwrap_or_default();
    let mut found = FileArticles::default();
    for (i, entry) in feed.entries.iter().enumerate() {
        let part = format!("item {}", i + 1);
        match item(entry, &outlet) {
            Ok(mut article) => {
                article.provenance.part = part;
                found.articles.push(article);
            }
            Err(error) => found.problems.push(ImportError::InPart {
                part,
                error: Box::new(error),
            }),
        }
    }
    if found.articles.is_empty() && found.problems.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(found)
}

/// One item as an article: its content, else its summary.
fn item(entry: &Entry, outlet: &str) -> Result<ImportedArticle, ImportError> {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(as_text(body, c.content_type.as_ref()))
    });
    let summary = entry.summary.as_ref().map(plain);
    let text = match (content, summary) {
        (Some(content), Some(summary)) if summary.len() > content.len() => summary,
        (Some(content), _) if !content.trim().is_empty() => content,
        (_, summary) => summary.unwrap_or_default(),
    };
    let mut article = from_text(text, "UTF-8")?;
    if let Some(title) = entry.title.as_ref().map(plain).filter(|t| !t.is_empty()) {
        article.title = title;
    }
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or(entry.links.first());
    if let Some(link) = link {
        article.url = link.href.clone();
    }
    article.outlet = match outlet {
        "" if !article.url.is_empty() => host_of(&article.url),
        "" => article.outlet,
        outlet => outlet.to_owned(),
    };
    let dated = [(entry.published, "published"), (entry.updated, "updated")]
        .into_iter()
        .find_map(|(date, how)| Some((date?.date_naive(), how)));
    if let Some((date, how)) = dated {
        article.published = Some(date);
        article.date_origin = DateOrigin::Metadata(format!("feed item’s {how} date"));
    }
    date_from_url(&mut article);
    article.provenance.author = entry
        .authors
        .iter()
        .find_map(|p| p.name.clone().filter(|n| !n.trim().is_empty()))
        .unwrap_or_default();
    Ok(article)
}

/// A feed text as plain text (HTML made into text).
fn plain(text: &Text) -> String {
    as_text(&text.content, text.content_type.as_ref())
        .trim()
        .to_owned()
}

/// `body` as plain text, given its media type.
fn as_text(body: &str, media_type: &str) -> String {
    if media_type.contains("html") {
        html::parse(body).0
    } else {
        body.replace("\r\n", "\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_text_is_named_and_the_others_kept() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>
            <item><title>Ferry resumes</title><link>https://example.org/ferry</link>
            <description>The ferry sailed again on Monday.</description>
            <pubDate>Tue, 20 May 2025 08:00:00 GMT</pubDate></item>
            <item><title>Empty</title></item></channel></rss>"#;
        let found = parse(rss.as_bytes()).unwrap();
        assert_eq!(found.articles.len(), 1);
        let article = &found.articles[0];
        assert_eq!(article.title, "Ferry resumes");
        assert_eq!(article.outlet, "Harbour Wire");
        assert_eq!(article.url, "https://example.org/ferry");
        assert_eq!(article.provenance.part, "item 1");
        assert_eq!(found.problems.len(), 1);
        assert!(found.problems[0].to_string().starts_with("item 2: "));
    }
}
