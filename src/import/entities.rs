//! HTML character references (`&amp;`, `&#8217;`, `&rsquo;` …), decoded so the
//! analyst sees and searches the characters the page shows. Unknown names are
//! left exactly as written rather than guessed at.

use std::borrow::Cow;

/// The named references news pages commonly use, with their characters.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("shy", "\u{ad}"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("minus", "−"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("prime", "′"),
    ("Prime", "″"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("aacute", "á"),
    ("eacute", "é"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("Aacute", "Á"),
    ("Eacute", "É"),
    ("agrave", "à"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("auml", "ä"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("ccedil", "ç"),
    ("ntilde", "ñ"),
    ("oslash", "ø"),
    ("aring", "å"),
];

/// The longest reference name looked up; longer runs cannot be references.
const MAX_NAME: usize = 8;

/// `s` with its character references replaced; borrowed when there are none.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character(s) of the reference at the start of `s` (just after `&`) and its length.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    match s.strip_prefix('#') {
        Some(numeric) => {
            let (c, len) = numeric_reference(numeric)?;
            Some((Cow::Owned(c.to_string()), len + 1))
        }
        None => named_reference(s).map(|(text, len)| (Cow::Borrowed(text), len)),
    }
}

/// `123;` or `x7B;` (the `;` optional, as browsers allow) after `&#`.
fn numeric_reference(s: &str) -> Option<(char, usize)> {
    let (radix, digits_from) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = s[digits_from..]
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
        .count();
    if digits == 0 || digits > 8 {
        return None;
    }
    let end = digits_from + digits;
    let code = u32::from_str_radix(&s[digits_from..end], radix).ok()?;
    let len = if s[end..].starts_with(';') {
        end + 1
    } else {
        end
    };
    Some((code_point(code), len))
}

/// The character a numeric reference stands for, as browsers read it:
/// 0x80–0x9F as windows-1252, invalid code points as U+FFFD.
fn code_point(code: u32) -> char {
    if (0x80..=0x9F).contains(&code) {
        let byte = [u8::try_from(code).unwrap_or(b'?')];
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return decoded.chars().next().unwrap_or('\u{fffd}');
    }
    match char::from_u32(code) {
        Some('\0') | None => '\u{fffd}',
        Some(c) => c,
    }
}

/// A known `name;` after `&`.
fn named_reference(s: &str) -> Option<(&'static str, usize)> {
    let name_len = s
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 || name_len > MAX_NAME || !s[name_len..].starts_with(';') {
        return None;
    }
    let name = &s[..name_len];
    let (_, text) = NAMED.iter().find(|(known, _)| *known == name)?;
    Some((text, name_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references() {
        let table = [
            ("no references", "no references"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("&lt;b&gt; &quot;x&quot; &#39;y&#39;", "<b> \"x\" 'y'"),
            ("Kyiv&#x2019;s &#8220;deal&#8221;", "Kyiv’s “deal”"),
            ("a&nbsp;b", "a\u{a0}b"),
            ("&mdash;&rsquo;&lsquo;&ldquo;&rdquo;&hellip;", "—’‘“”…"),
            ("&#150; &#x93;", "– “"),
            ("&#0; &#xD800; &#99999999;", "\u{fffd} \u{fffd} \u{fffd}"),
            ("&#65&#66;", "AB"),
            ("&unknown; &amp", "&unknown; &amp"),
            ("AT&T & co; &#; &#x;", "AT&T & co; &#; &#x;"),
            ("&verylongname;", "&verylongname;"),
            ("trailing &", "trailing &"),
            ("&é;", "&é;"),
        ];
        for (input, expected) in table {
            assert_eq!(decode_entities(input), expected, "{input:?}");
        }
    }
}
