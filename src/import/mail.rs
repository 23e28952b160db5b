//! E-mail through `mail-parser`: one `.eml` message, or a `.mbox` mailbox
//! read message by message as a stream (never whole into memory). Each
//! message is an article (Subject as title, From as author, its Date unless
//! the body states a publication date, text/plain preferred, HTML made into
//! text as for web pages); its attachments are listed in the article's
//! notes, and those of a supported format are imported as articles too.

use std::io::BufRead;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::NaiveDate;
use mail_parser::mailbox::mbox::MessageIterator;
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

use super::stream::stream_error;
use super::{
    FileArticles, Format, ImportError, MAX_DOCUMENT_BYTES, Progress, from_text, html, mib,
    parse_file,
};
use crate::model::DateOrigin;

/// How deep attached messages are followed: a message's attachments are
/// imported, an attached message's own attachments only listed.
const MAX_DEPTH: usize = 1;

/// The articles of one e-mail file: the message, then its attachments.
pub(super) fn parse_email(bytes: &[u8]) -> Result<FileArticles, ImportError> {
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| !m.headers().is_empty() || m.text_body_count() > 0)
        .ok_or_else(|| malformed("no message headers or body could be read"))?;
    let found = message_articles(&message, "", 0);
    if found.articles.is_empty() {
        return Err(found
            .problems
            .into_iter()
            .next()
            .unwrap_or(ImportError::Empty));
    }
    Ok(found)
}

/// The articles of a mailbox, read as a stream: a message that cannot be
/// read is named by its number and the others are imported; the read stops
/// when `progress` is cancelled.
pub(super) fn read_mbox(
    reader: impl BufRead,
    progress: &Progress,
) -> Result<FileArticles, ImportError> {
    let mut found = FileArticles::default();
    let mut messages = 0usize;
    for (i, item) in MessageIterator::new(reader).enumerate() {
        let raw = item.map_err(|e| stream_error(&e, "mailbox"))?;
        if (progress.cancelled)() {
            return Err(ImportError::Cancelled);
        }
        messages += 1;
        let number = (i + 1).to_string();
        let in_message = |error| ImportError::InPart {
            part: format!("message {number}"),
            error: Box::new(error),
        };
        let bytes = raw.contents();
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            found.problems.push(in_message(ImportError::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_DOCUMENT_BYTES,
            }));
            continue;
        }
        let parsed = catch_unwind(AssertUnwindSafe(|| {
            let Some(message) = MessageParser::default().parse(bytes) else {
                return Err(malformed("no message headers or body could be read"));
            };
            Ok(message_articles(&message, &number, 0))
        }))
        .unwrap_or_else(|_| Err(malformed("its reader stopped on malformed content")));
        match parsed {
            Ok(mut message) => {
                let problems = message.problems.drain(..).map(in_message);
                found.problems.extend(problems);
                found.articles.append(&mut message.articles);
            }
            Err(error) => found.problems.push(in_message(error)),
        }
    }
    if messages == 0 {
        return Err(malformed(
            "no message found (each must start with a “From ” line)",
        ));
    }
    Ok(found)
}

/// A message as an article (when it has text) followed by its attachments'
/// articles; `part` names the message in its file (empty for an `.eml`).
fn message_articles(message: &Message, part: &str, depth: usize) -> FileArticles {
    let mut found = FileArticles::default();
    let mut notes = Vec::new();
    let mut names = Vec::new();
    for (i, attachment) in message.attachments().enumerate() {
        let name = unique_name(attachment_name(attachment, i), &mut names);
        let sub_part = match part {
            "" => name.clone(),
            part => format!("{part}/{name}"),
        };
        let kind = attachment
            .content_type()
            .map(|t| match t.subtype() {
                Some(sub) => format!("{}/{sub}", t.ctype()),
                None => t.ctype().to_owned(),
            })
            .unwrap_or_else(|| "unknown type".to_owned());
        let size = attachment.len();
        let mut note = format!("attachment “{name}” ({kind}, {})", size_in_words(size));
        let format = if attachment.is_message() {
            Some(Format::Email)
        } else {
            Format::from_path(Path::new(&name))
        };
        match format {
            _ if depth >= MAX_DEPTH => {}
            None => note.push_str(", not a supported article format"),
            Some(format) => {
                let read = match (format, attachment.message()) {
                    (Format::Email, Some(inner)) => {
                        Ok(message_articles(inner, &sub_part, depth + 1))
                    }
                    _ => parse_file(attachment.contents(), format).map(|mut inner| {
                        for article in &mut inner.articles {
                            article.provenance.part = match article.provenance.part.as_str() {
                                "" => sub_part.clone(),
                                inner_part => format!("{sub_part}/{inner_part}"),
                            };
                        }
                        inner
                    }),
                };
                match read {
                    Ok(mut inner) if !inner.articles.is_empty() => {
                        note.push_str(", imported as an article of its own");
                        found.articles.append(&mut inner.articles);
                        found.problems.append(&mut inner.problems);
                    }
                    Ok(inner) => {
                        note.push_str(", not imported (no text)");
                        found.problems.extend(inner.problems);
                    }
                    Err(error) => {
                        note.push_str(&format!(", not imported: {error}"));
                        found.problems.push(ImportError::InPart {
                            part: format!("attachment “{name}”"),
                            error: Box::new(error),
                        });
                    }
                }
            }
        }
        notes.push(note);
    }
    match message_article(message, part, notes) {
        Ok(article) => found.articles.insert(0, article),
        Err(ImportError::Empty) if !found.articles.is_empty() => {}
        Err(error) => found.problems.insert(0, error),
    }
    found
}

/// The message itself as an article.
fn message_article(
    message: &Message,
    part: &str,
    notes: Vec<String>,
) -> Result<super::ImportedArticle, ImportError> {
    let text = body(message);
    let mut article = from_text(text, "UTF-8")?;
    article.provenance.part = part.to_owned();
    if let Some(subject) = message.subject().map(str::trim).filter(|s| !s.is_empty()) {
        article.title = super::text::cap_chars(subject, 500);
    }
    let sender = message.from().and_then(|from| from.first()).map(|addr| {
        match (addr.name().map(str::trim), addr.address()) {
            (Some(name), Some(address)) if !name.is_empty() => format!("{name} <{address}>"),
            (_, Some(address)) => address.to_owned(),
            (Some(name), None) => name.to_owned(),
            (None, None) => String::new(),
        }
    });
    article.provenance.author = sender.unwrap_or_default();
    let sent = message.date().and_then(|d| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
    });
    if let Some(sent) = sent {
        article.provenance.notes.push(format!("sent {sent}"));
        if article.published.is_none() {
            article.published = Some(sent);
            article.date_origin = DateOrigin::Metadata("e-mail Date header".to_owned());
        }
    }
    article.provenance.notes.extend(notes);
    Ok(article)
}

/// The message's body as text: its text/plain parts, HTML parts made into
/// text when a message has no plain text.
fn body(message: &Message) -> String {
    let parts: Vec<String> = message
        .text_bodies()
        .filter_map(|part| match &part.body {
            PartType::Text(text) => Some(text.replace("\r\n", "\n")),
            PartType::Html(page) => Some(html::parse(page).0),
            _ => None,
        })
        .filter(|text| !text.trim().is_empty())
        .collect();
    parts.join("\n\n")
}

/// An attachment's file name, or a made-up one saying which it is.
fn attachment_name(attachment: &mail_parser::MessagePart, index: usize) -> String {
    let name = attachment
        .attachment_name()
        .map(|n| n.replace(['/', '\\', '#'], "_"))
        .filter(|n| !n.trim().is_empty());
    match name {
        Some(name) => name,
        None if attachment.is_message() => format!("message {}.eml", index + 1),
        None => format!("attachment {}", index + 1),
    }
}

/// `name`, or `name (2)` … when an earlier attachment of the message has it.
fn unique_name(name: String, taken: &mut Vec<String>) -> String {
    let mut unique = name.clone();
    let mut n = 1;
    while taken.contains(&unique) {
        n += 1;
        unique = format!("{name} ({n})");
    }
    taken.push(unique.clone());
    unique
}

/// A size for a note: bytes, KB or MB.
fn size_in_words(bytes: usize) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{} KB", bytes.div_ceil(1024)),
        _ => format!("{} MB", mib(bytes as u64)),
    }
}

/// The message named as malformed.
fn malformed(detail: &str) -> ImportError {
    ImportError::Damaged {
        format: "e-mail",
        detail: detail.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_are_made_unique_and_safe() {
        let mut taken = Vec::new();
        assert_eq!(unique_name("a.pdf".into(), &mut taken), "a.pdf");
        assert_eq!(unique_name("a.pdf".into(), &mut taken), "a.pdf (2)");
        assert_eq!(size_in_words(100), "100 bytes");
        assert_eq!(size_in_words(5000), "5 KB");
    }

    #[test]
    fn html_only_messages_are_made_text() {
        let mail = "From: Desk <desk@example.org>\r\nSubject: Ferry\r\nDate: Tue, 20 May 2025 10:00:00 +0000\r\n\
                    Content-Type: text/html\r\n\r\n<p>The ferry <b>sailed</b>.</p><script>x()</script>";
        let found = parse_email(mail.as_bytes()).unwrap();
        let article = &found.articles[0];
        assert_eq!(article.text, "The ferry sailed.");
        assert_eq!(article.title, "Ferry");
        assert_eq!(article.provenance.author, "Desk <desk@example.org>");
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2025, 5, 20));
    }
}
