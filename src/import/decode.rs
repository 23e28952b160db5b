//! Turning an article file's bytes into text. Analysts receive files in any
//! encoding, so no text is ever rejected for its encoding: only files that
//! are clearly not text (binary) or hold no text at all are refused.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use regex::bytes::Regex;

use super::{ImportError, detect};

/// How many leading bytes are inspected to tell binary files from text.
const SNIFF_LEN: usize = 8 * 1024;

/// How many leading bytes of an HTML file are searched for a charset declaration.
const CHARSET_SNIFF_LEN: usize = 4 * 1024;

/// A `<meta charset=…>` or `<meta http-equiv… content="…; charset=…">` declaration.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("charset pattern is valid")
});

/// Decodes `bytes` into text with `\n` line endings and names the encoding used.
///
/// A UTF-8 BOM is stripped, UTF-16 is recognised by its BOM or by where its
/// zero bytes fall, valid UTF-8 is taken as is and UTF-8 with a few damaged
/// bytes keeps them as replacement characters. Anything else that does not
/// look binary is decoded with the declared charset (from HTML) when it is a
/// known one, else with the encoding its letter statistics suggest
/// (Windows-1251, KOI8-R …; Windows-1252 when nothing stands out).
/// The binary check (NUL bytes or many control characters in the first 8 KB)
/// also applies to input that happens to be valid UTF-8, so a file of NULs is
/// refused rather than imported as invisible text.
pub fn decode(
    bytes: &[u8],
    declared_charset: Option<&str>,
) -> Result<(String, String), ImportError> {
    let (text, encoding) = decode_raw(bytes, declared_charset)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok((
        normalise_newlines(text.into_owned()),
        encoding.name().to_owned(),
    ))
}

/// Decoding proper, before line endings are normalised.
fn decode_raw<'a>(
    bytes: &'a [u8],
    declared_charset: Option<&str>,
) -> Result<(Cow<'a, str>, &'static Encoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        check_not_binary(rest)?;
        return Ok((String::from_utf8_lossy(rest), UTF_8));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((UTF_16LE.decode_without_bom_handling(rest).0, UTF_16LE));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((UTF_16BE.decode_without_bom_handling(rest).0, UTF_16BE));
    }
    if let Some(encoding) = detect::utf16_without_bom(bytes) {
        return Ok((encoding.decode_without_bom_handling(bytes).0, encoding));
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    if detect::mostly_utf8(bytes) {
        return Ok((String::from_utf8_lossy(bytes), UTF_8));
    }
    let encoding =
        declared_encoding(declared_charset).unwrap_or_else(|| detect::legacy_encoding(bytes));
    Ok((encoding.decode_without_bom_handling(bytes).0, encoding))
}

/// The encoding for a declared charset label; `None` when there is none, it
/// is unknown, or it could not decode real text (the WHATWG "replacement"
/// encoding). UTF-16 labels map to UTF-8, as in browsers.
fn declared_encoding(declared_charset: Option<&str>) -> Option<&'static Encoding> {
    declared_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .map(Encoding::output_encoding)
        .filter(|encoding| *encoding != encoding_rs::REPLACEMENT)
}

/// Refuses input whose first 8 KB hold a NUL byte or more than 5% control characters.
fn check_not_binary(bytes: &[u8]) -> Result<(), ImportError> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if sample.contains(&0) || controls * 20 > sample.len() {
        return Err(ImportError::Binary);
    }
    Ok(())
}

/// Replaces `\r\n` and lone `\r` with `\n`, so spans mean the same on every platform.
fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The charset an HTML file declares in a `<meta>` tag near its start, if any.
pub(crate) fn sniff_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(CHARSET_SNIFF_LEN)];
    let caps = META_CHARSET.captures(head)?;
    let label = caps.get(1)?.as_bytes();
    Some(String::from_utf8_lossy(label).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8], declared: Option<&str>) -> (String, String) {
        match decode(bytes, declared) {
            Ok(pair) => pair,
            Err(e) => panic!("{bytes:?} did not decode: {e}"),
        }
    }

    #[test]
    fn decodes_encodings() {
        let table: [(&[u8], Option<&str>, &str, &str); 11] = [
            (b"h\0i\0!\0", None, "hi!", "UTF-16LE"),
            (b"\0h\0i\0!", None, "hi!", "UTF-16BE"),
            (b"plain text", None, "plain text", "UTF-8"),
            (b"\xEF\xBB\xBFwith BOM", None, "with BOM", "UTF-8"),
            ("Kyiv’s".as_bytes(), Some("iso-8859-1"), "Kyiv’s", "UTF-8"),
            (
                b"caf\xE9 \x93quoted\x94",
                None,
                "café “quoted”",
                "windows-1252",
            ),
            (b"caf\xE9", Some("ISO-8859-1"), "café", "windows-1252"),
            (b"\xCF\xF0\xE8", Some("windows-1251"), "При", "windows-1251"),
            (b"caf\xE9", Some("no-such-charset"), "café", "windows-1252"),
            (b"\xFF\xFEh\0i\0", None, "hi", "UTF-16LE"),
            (b"\xFE\xFF\0h\0i", None, "hi", "UTF-16BE"),
        ];
        for (bytes, declared, text, encoding) in table {
            assert_eq!(
                decoded(bytes, declared),
                (text.to_owned(), encoding.to_owned())
            );
        }
    }

    #[test]
    fn undeclared_encodings_are_detected() {
        let russian = "Министр обороны заявил, что обмен пленными состоится в конце месяца, \
            а делегации встретятся снова через неделю в Стамбуле.";
        let cp1251 = encoding_rs::WINDOWS_1251.encode(russian).0;
        assert_eq!(
            decoded(&cp1251, None),
            (russian.to_owned(), "windows-1251".to_owned())
        );
        assert_eq!(
            decoded(&cp1251, Some("not-a-charset")),
            (russian.to_owned(), "windows-1251".to_owned()),
            "an invalid label falls back to detection"
        );
        let utf16le: Vec<u8> = russian.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            decoded(&utf16le, None),
            (russian.to_owned(), "UTF-16LE".to_owned())
        );
    }

    #[test]
    fn utf8_with_a_bad_byte_keeps_the_rest() {
        let mut bytes = "Zürich — “talks” in Genève, día uno.".as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        let (text, encoding) = decoded(&bytes, Some("windows-1252"));
        assert_eq!(encoding, "UTF-8");
        assert_eq!(text, "Zü\u{FFFD}rich — “talks” in Genève, día uno.");
    }

    #[test]
    fn normalises_line_endings() {
        assert_eq!(decoded(b"a\r\nb\rc\n", None).0, "a\nb\nc\n");
    }

    #[test]
    fn refuses_binary_and_empty() {
        let table: [(&[u8], &str); 5] = [
            (b"PK\x03\x04\0\0binary", "binary"),
            (b"\x01\x02\x03\x04\x05text", "binary"),
            (b"", "empty"),
            (b" \n\t\r\n ", "empty"),
            (b"\xEF\xBB\xBF", "empty"),
        ];
        for (bytes, expected) in table {
            let kind = match decode(bytes, None) {
                Err(ImportError::Binary) => "binary",
                Err(ImportError::Empty) => "empty",
                other => panic!("{bytes:?}: unexpected {other:?}"),
            };
            assert_eq!(kind, expected, "{bytes:?}");
        }
    }

    #[test]
    fn sniffs_html_charset() {
        let table: [(&[u8], Option<&str>); 4] = [
            (
                b"<html><head><meta charset=\"windows-1251\">",
                Some("windows-1251"),
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                Some("ISO-8859-1"),
            ),
            (b"<META CHARSET=utf-8>", Some("utf-8")),
            (b"<p>no declaration</p>", None),
        ];
        for (bytes, expected) in table {
            assert_eq!(sniff_html_charset(bytes).as_deref(), expected);
        }
    }
}
