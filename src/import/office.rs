//! Word (.docx) and OpenDocument (.odt) articles: both are zip archives of
//! XML, read with `zip` and `quick-xml`. Every part is unpacked with a limit
//! (checked against the size the archive declares, then enforced while
//! reading), so a zip bomb is refused instead of filling the memory.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{ImportError, ImportedArticle, MAX_ARTICLE_BYTES, from_text};

/// The most one part of the archive may unpack to: the text's limit plus
/// room for the XML around it.
const PART_LIMIT: u64 = 4 * MAX_ARTICLE_BYTES;

/// The article a Word document holds.
pub(super) fn parse_docx(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    parse_docx_within(bytes, PART_LIMIT)
}

/// The article an OpenDocument text holds.
pub(super) fn parse_odt(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    parse_odt_within(bytes, PART_LIMIT)
}

/// A Word document, each part unpacked to at most `limit` bytes.
fn parse_docx_within(bytes: &[u8], limit: u64) -> Result<ImportedArticle, ImportError> {
    let format = "Word (.docx)";
    let mut archive = open(bytes, format)?;
    let body = part(&mut archive, "word/document.xml", limit, format)?
        .ok_or_else(|| damaged(format, "it has no word/document.xml".to_owned()))?;
    let text = body_text(&body, &WORD, format)?;
    let mut article = from_text(text, "UTF-8")?;
    if let Some(core) = part(&mut archive, "docProps/core.xml", limit, format)? {
        apply_properties(&mut article, &core);
    }
    Ok(article)
}

/// An OpenDocument text, each part unpacked to at most `limit` bytes.
fn parse_odt_within(bytes: &[u8], limit: u64) -> Result<ImportedArticle, ImportError> {
    let format = "OpenDocument (.odt)";
    let mut archive = open(bytes, format)?;
    let body = part(&mut archive, "content.xml", limit, format)?
        .ok_or_else(|| damaged(format, "it has no content.xml".to_owned()))?;
    let text = body_text(&body, &OPEN_DOCUMENT, format)?;
    let mut article = from_text(text, "UTF-8")?;
    if let Some(meta) = part(&mut archive, "meta.xml", limit, format)? {
        apply_properties(&mut article, &meta);
    }
    Ok(article)
}

/// The archive, or the file named as damaged.
fn open<'a>(
    bytes: &'a [u8],
    format: &'static str,
) -> Result<ZipArchive<Cursor<&'a [u8]>>, ImportError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(e, format))
}

/// One part of the archive as text, unpacked to at most `limit` bytes;
/// `None` when the archive has no such part.
fn part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
    format: &'static str,
) -> Result<Option<String>, ImportError> {
    let too_big = || ImportError::TooMuchToUnpack {
        entry: name.to_owned(),
        limit,
    };
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e, format)),
    };
    if entry.size() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(format, e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// A zip error in the importer's words.
fn zip_error(error: ZipError, format: &'static str) -> ImportError {
    match error {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => damaged(
            format,
            "it is protected with a password; save a copy without it".to_owned(),
        ),
        other => damaged(format, other.to_string()),
    }
}

/// The file named as damaged, with what was wrong.
fn damaged(format: &'static str, detail: String) -> ImportError {
    ImportError::Damaged { format, detail }
}

/// Which elements of a format's body make text, by local name.
struct Vocabulary {
    /// Elements whose text is the article's (`w:t`, `text:p`).
    text: &'static [&'static str],
    /// Elements that end a paragraph (`w:p`, `text:p`, `text:h`).
    paragraph: &'static [&'static str],
    /// Empty elements that stand for a line break.
    line_break: &'static [&'static str],
    /// Empty elements that stand for a tab.
    tab: &'static [&'static str],
    /// Elements whose content is not the article's (comments, deleted text).
    skipped: &'static [&'static str],
    /// Whether `s` stands for spaces (`text:s text:c="3"`).
    spaces: bool,
}

/// WordprocessingML (`word/document.xml`).
const WORD: Vocabulary = Vocabulary {
    text: &["t"],
    paragraph: &["p"],
    line_break: &["br", "cr"],
    tab: &["tab"],
    skipped: &["instrText", "delText", "del"],
    spaces: false,
};

/// OpenDocument (`content.xml`).
const OPEN_DOCUMENT: Vocabulary = Vocabulary {
    text: &["p", "h"],
    paragraph: &["p", "h"],
    line_break: &["line-break"],
    tab: &["tab"],
    skipped: &["annotation", "note-citation", "tracked-changes"],
    spaces: true,
};

/// The text of a document body: paragraphs on lines of their own.
fn body_text(xml: &str, words: &Vocabulary, format: &'static str) -> Result<String, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    // Depth inside elements whose text counts, and inside skipped ones.
    let (mut in_text, mut skipping) = (0usize, 0usize);
    let counts = |in_text: usize, skipping: usize| skipping == 0 && in_text > 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| damaged(format, format!("{e} at byte {}", reader.error_position())))?;
        match event {
            Event::Start(e) => {
                let name = local(&e);
                if words.skipped.contains(&name.as_str()) {
                    skipping += 1;
                } else if words.text.contains(&name.as_str()) {
                    in_text += 1;
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_owned();
                if words.skipped.contains(&name.as_str()) {
                    skipping = skipping.saturating_sub(1);
                    continue;
                }
                if words.text.contains(&name.as_str()) {
                    in_text = in_text.saturating_sub(1);
                }
                if skipping == 0 && words.paragraph.contains(&name.as_str()) {
                    end_line(&mut text);
                }
            }
            Event::Empty(e) if skipping == 0 => {
                let name = local(&e);
                if words.line_break.contains(&name.as_str()) {
                    text.push('\n');
                } else if words.tab.contains(&name.as_str()) {
                    text.push('\t');
                } else if words.paragraph.contains(&name.as_str()) {
                    end_line(&mut text);
                } else if name == "s" && words.spaces {
                    text.extend(std::iter::repeat_n(' ', spaces(&e)));
                }
            }
            Event::Text(e) if counts(in_text, skipping) => text.push_str(&e.xml10_content()),
            Event::CData(e) if counts(in_text, skipping) => {
                text.push_str(&e);
            }
            Event::GeneralRef(e) if counts(in_text, skipping) => {
                match e.resolve_char_ref().ok().flatten() {
                    Some(c) => text.push(c),
                    None => {
                        let name = e.xml10_content();
                        text.push_str(resolve_xml_entity(&name).unwrap_or_default());
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(text.trim_end().to_owned())
}

/// An element's local name (without its namespace prefix).
fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_owned()
}

/// How many spaces an OpenDocument `text:s` stands for (its `text:c`, else one).
fn spaces(e: &BytesStart) -> usize {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "c")
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .min(1000)
}

/// Ends the current paragraph's line.
fn end_line(text: &mut String) {
    text.push('\n');
}

/// Title, author and creation date from `docProps/core.xml` or `meta.xml`.
fn apply_properties(article: &mut ImportedArticle, xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut current = String::new();
    let (mut title, mut author, mut created) = (String::new(), String::new(), String::new());
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => current = local(&e),
            Ok(Event::End(_)) => current.clear(),
            Ok(Event::Text(e)) => {
                let value = e.xml10_content().trim().to_owned();
                match current.as_str() {
                    "title" => title = value,
                    "creator" | "initial-creator" if author.is_empty() => author = value,
                    "created" | "creation-date" => created = value,
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    if !title.is_empty() {
        article.title = title;
    }
    article.provenance.author = author;
    if let Some(day) = created
        .get(..10)
        .filter(|d| d.parse::<chrono::NaiveDate>().is_ok())
    {
        article
            .provenance
            .notes
            .push(format!("document created {day}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn word_paragraphs_tabs_and_entities() {
        let body = br#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
            <w:p><w:r><w:t>Harbour &amp; ferry</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Talks </w:t><w:tab/><w:t>resumed&#x21;</w:t></w:r>
            <w:r><w:instrText>HYPERLINK x</w:instrText></w:r><w:del><w:r><w:t>gone</w:t></w:r></w:del></w:p>
            </w:body></w:document>"#;
        let docx = archive(&[("word/document.xml", body)]);
        let article = parse_docx(&docx).unwrap();
        assert_eq!(article.text, "Harbour & ferry\nTalks \tresumed!");
        assert_eq!(article.title, "Harbour & ferry");
    }

    #[test]
    fn open_document_spaces_and_headings() {
        let body = br#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
            <text:h>Ferry talks</text:h><text:p>One<text:s text:c="3"/>two<office:annotation><text:p>note</text:p></office:annotation></text:p>
            </office:text></office:body></office:document-content>"#;
        let odt = archive(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", body),
        ]);
        let article = parse_odt(&odt).unwrap();
        assert_eq!(article.text, "Ferry talks\nOne   two");
    }

    #[test]
    fn parts_bigger_than_the_limit_are_refused_unread() {
        let body = format!(
            "<w:document><w:p><w:t>{}</w:t></w:p></w:document>",
            "a".repeat(5000)
        );
        let docx = archive(&[("word/document.xml", body.as_bytes())]);
        let error = parse_docx_within(&docx, 1000).unwrap_err();
        assert!(
            matches!(&error, ImportError::TooMuchToUnpack { entry, limit: 1000 } if entry == "word/document.xml"),
            "{error}"
        );
    }

    #[test]
    fn an_archive_without_a_body_is_damaged() {
        let docx = archive(&[("other.xml", b"<x/>")]);
        let error = parse_docx(&docx).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is not a readable Word (.docx) file (it has no word/document.xml)"
        );
    }
}
