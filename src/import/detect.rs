//! Guessing the encoding of a file that does not say: UTF-16 without a
//! byte-order mark from where its zero bytes fall, UTF-8 with a few damaged
//! bytes from how much of it is valid UTF-8, and the legacy 8-bit and CJK
//! encodings (Windows-1251, KOI8-R, Windows-1252 …) from their letter
//! statistics (chardetng, the detector Firefox uses).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// How many leading bytes the statistics look at: enough for any guess,
/// and a 60 MB file is not read twice.
const SAMPLE_LEN: usize = 256 * 1024;

/// UTF-16 without a byte-order mark, recognised in text of alphabetic
/// scripts (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic …): there every
/// character's high byte is zero (spaces, digits, ASCII) or one of a few
/// small values, and its low byte almost never zero; a text in an 8-bit
/// encoding or UTF-8 has no zero bytes at all. The decoded text must also
/// hold almost no control characters.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    [(UTF_16LE, 1), (UTF_16BE, 0)]
        .into_iter()
        .find(|&(encoding, high)| {
            looks_like_utf16(sample, high) && decodes_to_text(encoding, sample)
        })
        .map(|(encoding, _)| encoding)
}

/// Whether the bytes at positions of parity `high` look like the high bytes
/// of UTF-16 code units of an alphabetic text, and the others like low bytes.
fn looks_like_utf16(sample: &[u8], high: usize) -> bool {
    let pairs = sample.len() / 2;
    let (mut zero_high, mut small_high, mut zero_low) = (0, 0, 0);
    for pair in sample.chunks_exact(2) {
        let (h, l) = (pair[high], pair[1 - high]);
        zero_high += usize::from(h == 0);
        small_high += usize::from(h < 0x30);
        zero_low += usize::from(l == 0);
    }
    zero_high * 20 >= pairs && small_high * 20 >= pairs * 19 && zero_low * 50 <= pairs
}

/// Whether `sample` decodes in `encoding` to text with at most 2% control
/// characters or replacement characters (binary data does not).
fn decodes_to_text(encoding: &'static Encoding, sample: &[u8]) -> bool {
    let (text, _) = encoding.decode_without_bom_handling(sample);
    let (mut chars, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        odd += usize::from(control || c == char::REPLACEMENT_CHARACTER);
    }
    odd * 50 <= chars
}

/// True when `bytes`, not valid UTF-8, still is UTF-8 with a few damaged
/// bytes: its valid multi-byte characters outnumber its invalid sequences
/// at least three to one. Text in an 8-bit encoding has almost no valid
/// multi-byte UTF-8 sequences, so it is not taken for UTF-8.
pub(super) fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= invalid * 3 && multibyte > 0
}

/// The most likely legacy encoding of `bytes` (not UTF-8, not UTF-16), from
/// the statistics of its letters; Windows-1252 when nothing stands out.
pub(super) fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_R, KOI8_U, WINDOWS_1251, WINDOWS_1252};

    /// A few sentences of Russian news written for these tests.
    const RUSSIAN: &str = "Переговоры в Стамбуле продолжились во вторник. Министр обороны \
        заявил журналистам, что обмен пленными состоится в конце месяца, а делегации \
        встретятся снова через неделю. По его словам, стороны договорились о гуманитарном \
        коридоре для мирных жителей.";

    fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if little_endian {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn cyrillic_8_bit_encodings_are_told_apart() {
        assert_eq!(
            legacy_encoding(&encoded(WINDOWS_1251, RUSSIAN)),
            WINDOWS_1251
        );
        // KOI8-U, a superset of KOI8-R for letters, is the detector's answer for both.
        let koi8 = encoded(KOI8_R, RUSSIAN);
        let guessed = legacy_encoding(&koi8);
        assert!(guessed == KOI8_U || guessed == KOI8_R, "{guessed:?}");
        assert_eq!(guessed.decode_without_bom_handling(&koi8).0, RUSSIAN);
        let french = "Le ministre a déclaré que l’échange aura lieu à la fin du mois, \
            après des négociations très difficiles à Genève.";
        assert_eq!(
            legacy_encoding(&encoded(WINDOWS_1252, french)),
            WINDOWS_1252
        );
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_in_cyrillic_and_latin() {
        assert_eq!(utf16_without_bom(&utf16(RUSSIAN, true)), Some(UTF_16LE));
        assert_eq!(utf16_without_bom(&utf16(RUSSIAN, false)), Some(UTF_16BE));
        assert_eq!(
            utf16_without_bom(&utf16("Talks resumed.", true)),
            Some(UTF_16LE)
        );
        assert_eq!(utf16_without_bom(RUSSIAN.as_bytes()), None);
        assert_eq!(utf16_without_bom(&encoded(WINDOWS_1251, RUSSIAN)), None);
        assert_eq!(utf16_without_bom(b"abababababab"), None);
    }

    #[test]
    fn binary_with_zeros_is_not_utf16() {
        let binary: Vec<u8> = (0u8..=255).flat_map(|b| [b, 0, 1, 0]).collect();
        assert_eq!(utf16_without_bom(&binary), None);
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let mut bytes = "Zürich, Genève and Kraków: “talks” — día uno."
            .as_bytes()
            .to_vec();
        bytes.insert(7, 0xFF);
        assert!(mostly_utf8(&bytes));
        assert!(!mostly_utf8(&encoded(WINDOWS_1251, RUSSIAN)));
        assert!(!mostly_utf8(b"caf\xE9 only"));
    }
}
