//! PDF articles (press releases, printed web pages, agency bulletins) through
//! `lopdf`: the text layer page by page, with each page's start kept so a
//! fact can say "page 3". A PDF without text is refused as needing OCR,
//! never imported empty; an encrypted one is named as such.

use lopdf::{Document, Object};

use super::{ImportError, ImportedArticle, MAX_ARTICLE_BYTES, from_text};

/// The most a page's content streams may unpack to.
const PAGE_LIMIT: usize = MAX_ARTICLE_BYTES as usize;

/// What pages are separated by in the text.
const PAGE_BREAK: &str = "\n\n";

/// The article a PDF's text layer holds.
pub(super) fn parse(bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    let doc = Document::load_mem(bytes).map_err(load_error)?;
    if doc.is_encrypted() {
        return Err(ImportError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged("it has no pages".to_owned()));
    }
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    let mut first_error = None;
    for &number in pages.keys() {
        if !text.is_empty() {
            text.push_str(PAGE_BREAK);
        }
        starts.push(text.len());
        match doc.extract_text_with_limit(&[number], PAGE_LIMIT) {
            Ok(page) => push_page(&mut text, &page),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            break;
        }
    }
    if text.trim().is_empty() {
        return Err(match first_error {
            Some(e) => damaged(e.to_string()),
            None => ImportError::NoTextLayer,
        });
    }
    let mut article = from_text(text, "PDF text layer")?;
    article.provenance.pages = starts;
    let info = info(&doc);
    if let Some(title) = info.title {
        article.title = title;
    }
    article.provenance.author = info.author.unwrap_or_default();
    if let Some(created) = info.created {
        article
            .provenance
            .notes
            .push(format!("PDF created {created}"));
    }
    Ok(article)
}

/// Appends one page's text: lines without trailing blanks, the page trimmed.
fn push_page(text: &mut String, page: &str) {
    let page = page.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = page.lines().map(str::trim_end).collect();
    text.push_str(lines.join("\n").trim());
}

/// A loading error in the importer's words.
fn load_error(error: lopdf::Error) -> ImportError {
    match error {
        lopdf::Error::InvalidPassword
        | lopdf::Error::Decryption(_)
        | lopdf::Error::AlreadyEncrypted => ImportError::Encrypted,
        other => damaged(other.to_string()),
    }
}

/// The PDF as damaged, with what the reader said.
fn damaged(detail: String) -> ImportError {
    ImportError::Damaged {
        format: "PDF",
        detail,
    }
}

/// What the document information dictionary says.
#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    /// The creation date as `YYYY-MM-DD`: when the file was made, which is
    /// not the publication date (a page printed weeks later), so only noted.
    created: Option<String>,
}

/// The title, author and creation date of the document information dictionary.
fn info(doc: &Document) -> Info {
    let Some(dict) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_dictionary(id).ok())
    else {
        return Info::default();
    };
    let field = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o: &Object| o.as_str().ok())
            .map(text_string)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Info {
        title: field(b"Title"),
        author: field(b"Author"),
        created: field(b"CreationDate").and_then(|d| pdf_date(&d)),
    }
}

/// A PDF text string: UTF-16BE after its mark, UTF-8 after its mark, else
/// PDFDocEncoding, read as Latin-1 (they differ only in rare symbols).
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// `D:20250520093000+03'00'` as `2025-05-20`, when it is a real day.
fn pdf_date(raw: &str) -> Option<String> {
    let digits = raw.strip_prefix("D:").unwrap_or(raw);
    let (y, m, d) = (
        digits.get(0..4)?.parse().ok()?,
        digits.get(4..6)?.parse().ok()?,
        digits.get(6..8)?.parse().ok()?,
    );
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|date| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_strings_and_dates_are_read() {
        assert_eq!(text_string(b"\xFE\xFF\x00H\x00i"), "Hi");
        assert_eq!(text_string(b"Caf\xE9"), "Café");
        assert_eq!(
            pdf_date("D:20250520093000+03'00'").as_deref(),
            Some("2025-05-20")
        );
        assert_eq!(pdf_date("D:2025"), None);
        assert_eq!(pdf_date("D:20251340"), None);
    }

    #[test]
    fn bytes_that_are_not_a_pdf_are_damaged() {
        let error = parse(b"%PDF-1.4\nnot really").unwrap_err();
        assert!(matches!(error, ImportError::Damaged { .. }), "{error}");
    }
}
