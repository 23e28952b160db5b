//! Number atoms: the smallest pieces of a quantity ("1,000", "1.2 million",
//! "twenty-five", "a thousand", "hundreds of thousands of", "all").

use std::sync::LazyLock;

use regex::Regex;

/// Numbers written in digits, optionally followed by a scale word.
static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u{A0}\u{202F}]\d{3})+|\d+)(?:\.\d+)?(?:(?:[ \u{A0}]|-)?(?i:(hundred|thousand|million|billion|trillion))(?-u:\b)|[ \u{A0}]?(bn|mn|mln)(?-u:\b))?",
    )
    .expect("valid digit-number regex")
});

/// Numbers written in words ("twenty-five", "a thousand", "two hundred and ten").
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let unit = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let scale = "hundred|thousand|million|billion|trillion|dozen";
    let word = format!(r"(?:(?:{tens})(?:-(?:{unit}))?|{unit}|{scale})(?-u:\b)");
    let pattern = format!(
        r"(?i)(?-u:\b)(?:an?[ \u{{A0}}]+(?:{scale})(?-u:\b)|{word})(?:(?:[ \u{{A0}}]+|-){word})*(?:[ \u{{A0}}]+and[ \u{{A0}}]+(?:(?:{tens})(?:-(?:{unit}))?|{unit})(?-u:\b))?"
    );
    Regex::new(&pattern).expect("valid word-number regex")
});

/// Vague magnitudes: "hundreds of", "tens of thousands of", "several thousand".
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:(tens|hundreds|dozens)[ \u{A0}]+(?:and|or|to)[ \u{A0}]+)?(tens|hundreds|thousands|millions|billions|dozens)(?:[ \u{A0}]+of[ \u{A0}]+(thousands|millions|billions))?|(several|a few|a couple of|many)[ \u{A0}]+(hundred|thousand|million|billion))(?:[ \u{A0}]+of)?(?-u:\b)",
    )
    .expect("valid vague-number regex")
});

/// "all", only as a side of an exchange formula ("all-for-all").
static ALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)all(?-u:\b)").expect("valid all regex"));

/// A non-negative decimal number held exactly: `digits / 10^frac`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec {
    digits: u128,
    frac: u32,
}

impl Dec {
    /// A whole number.
    pub fn whole(n: u128) -> Self {
        Dec { digits: n, frac: 0 }
    }

    /// Parses "1,000", "1 000", "1.25"; `None` when too large to hold.
    pub fn parse(s: &str) -> Option<Self> {
        let mut digits: u128 = 0;
        let mut frac = 0u32;
        let mut after_point = false;
        for c in s.chars() {
            if let Some(d) = c.to_digit(10) {
                digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
                if after_point {
                    frac += 1;
                }
            } else if c == '.' {
                after_point = true;
            }
        }
        Some(Dec { digits, frac }.normalised())
    }

    /// This number times a whole factor (a scale word such as "million").
    pub fn times(self, factor: u128) -> Option<Self> {
        let digits = self.digits.checked_mul(factor)?;
        Some(Dec { digits, ..self }.normalised())
    }

    /// The value as a float, for ordering the ends of a range.
    pub fn approx(self) -> f64 {
        self.digits as f64 / 10f64.powi(i32::try_from(self.frac).unwrap_or(i32::MAX))
    }

    /// Whether the number is a whole number in `lo..=hi`.
    pub fn is_whole_in(self, lo: u128, hi: u128) -> bool {
        self.frac == 0 && (lo..=hi).contains(&self.digits)
    }

    fn normalised(mut self) -> Self {
        while self.frac > 0 && self.digits.is_multiple_of(10) {
            self.digits /= 10;
            self.frac -= 1;
        }
        self
    }
}

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.digits.to_string();
        let frac = self.frac as usize;
        if frac == 0 {
            return f.write_str(&s);
        }
        let padded = format!("{s:0>width$}", width = frac + 1);
        let (int, dec) = padded.split_at(padded.len() - frac);
        write!(f, "{int}.{dec}")
    }
}

/// What an atom stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amount {
    /// An exact number: `raw` as written, times the scale word's factor (1 when none).
    Exact {
        raw: Dec,
        factor: u128,
        scaled: bool,
    },
    /// An order of magnitude written as "hundreds of", kept as text ("100s").
    Vague {
        value: String,
        quantifier: Option<String>,
    },
    /// The word "all" (only meaningful in an exchange formula).
    All,
}

impl Amount {
    /// The exact value, when there is one.
    pub fn exact(&self) -> Option<Dec> {
        match self {
            Amount::Exact { raw, factor, .. } => raw.times(*factor),
            _ => None,
        }
    }
}

/// One number found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The number itself.
    pub amount: Amount,
    /// Written in words rather than digits.
    pub in_words: bool,
}

/// Every number atom in `text`, sorted, without overlaps (longest first at one position).
pub fn atoms(text: &str) -> Vec<Atom> {
    let mut found: Vec<Atom> = digit_atoms(text);
    found.extend(word_atoms(text));
    found.extend(vague_atoms(text));
    found.extend(ALL.find_iter(text).map(|m| Atom {
        start: m.start(),
        end: m.end(),
        amount: Amount::All,
        in_words: true,
    }));
    found.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    let mut kept: Vec<Atom> = Vec::new();
    for atom in found {
        if kept.last().is_none_or(|last| atom.start >= last.end) {
            kept.push(atom);
        }
    }
    kept
}

/// The numbers written in digits. A match of [`DIGITS`] ends on its scale word when it has one
/// and on a digit otherwise, and no letter comes before the scale word: the letters it ends on
/// are that word, found without the slower search for the pattern's groups.
fn digit_atoms(text: &str) -> Vec<Atom> {
    DIGITS
        .find_iter(text)
        .filter_map(|whole| {
            if !digit_boundaries_ok(text, whole.start(), whole.end()) {
                return None;
            }
            let matched = whole.as_str();
            let number = matched.trim_end_matches(char::is_alphabetic);
            let scale = &matched[number.len()..];
            let raw = Dec::parse(number)?;
            let factor = if scale.is_empty() {
                1
            } else {
                scale_factor(scale)?
            };
            Some(Atom {
                start: whole.start(),
                end: whole.end(),
                amount: Amount::Exact {
                    raw,
                    factor,
                    scaled: !scale.is_empty(),
                },
                in_words: false,
            })
        })
        .collect()
}

/// Rejects digits glued to letters or other digits ("mc4wp", "1st", "1.2.3", "A320", "1/2").
fn digit_boundaries_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '_' | '/')) {
        return false;
    }
    let mut after = text[end..].chars();
    match after.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.' | ',' | '/') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

fn word_atoms(text: &str) -> Vec<Atom> {
    WORDS
        .find_iter(text)
        .filter_map(|m| {
            let value = parse_words(m.as_str())?;
            Some(Atom {
                start: m.start(),
                end: m.end(),
                amount: Amount::Exact {
                    raw: Dec::whole(value),
                    factor: 1,
                    scaled: false,
                },
                in_words: true,
            })
        })
        .collect()
}

/// The value of a number written in words; `None` on overflow.
fn parse_words(phrase: &str) -> Option<u128> {
    let mut total: u128 = 0;
    let mut current: u128 = 0;
    let mut last_small: Option<u128> = None;
    for word in phrase.split(|c: char| c.is_whitespace() || c == '-') {
        let word = word.to_ascii_lowercase();
        let small = small_number(&word);
        if let (Some(previous), Some(v)) = (last_small, small)
            && !(previous >= 20 && previous % 10 == 0 && v < 10)
        {
            return None;
        }
        last_small = small;
        if let Some(v) = small {
            current = current.checked_add(v)?;
        } else if word == "hundred" || word == "dozen" {
            let factor = if word == "hundred" { 100 } else { 12 };
            current = current.max(1).checked_mul(factor)?;
        } else if let Some(factor) = scale_factor(&word) {
            total = total.checked_add(current.max(1).checked_mul(factor)?)?;
            current = 0;
        }
    }
    total.checked_add(current)
}

/// The value of one lower-case number word from "zero" to "ninety" ("seven" → 7).
pub(crate) fn small_number(word: &str) -> Option<u128> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return u128::try_from(i).ok();
    }
    let i = TENS.iter().position(|t| *t == word)?;
    u128::try_from(i * 10 + 20).ok()
}

/// The factor of a scale word ("thousand" → 1000), case-insensitive.
fn scale_factor(word: &str) -> Option<u128> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" | "hundreds" => Some(100),
        "dozen" | "dozens" => Some(12),
        "thousand" | "thousands" => Some(1_000),
        "million" | "millions" | "mn" | "mln" => Some(1_000_000),
        "billion" | "billions" | "bn" => Some(1_000_000_000),
        "trillion" => Some(1_000_000_000_000),
        "tens" => Some(10),
        _ => None,
    }
}

fn vague_atoms(text: &str) -> Vec<Atom> {
    VAGUE
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let (value, quantifier) = if let Some(quantifier) = caps.get(4) {
                let magnitude = scale_factor(caps.get(5)?.as_str())?;
                (
                    format!("{magnitude}s"),
                    Some(quantifier.as_str().to_lowercase()),
                )
            } else {
                let of = caps.get(3).map_or(Some(1), |m| scale_factor(m.as_str()))?;
                let high = scale_factor(caps.get(2)?.as_str())?.checked_mul(of)?;
                let value = match caps.get(1) {
                    Some(low) => {
                        let low = scale_factor(low.as_str())?.checked_mul(of)?;
                        format!("{low}s-{high}s")
                    }
                    None => format!("{high}s"),
                };
                (value, None)
            };
            Some(Atom {
                start: whole.start(),
                end: whole.end(),
                amount: Amount::Vague { value, quantifier },
                in_words: true,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_written_in_words() {
        let cases = [
            ("twenty-five", Some(25)),
            ("a thousand", Some(1000)),
            ("two hundred and ten", Some(210)),
            ("thousand", Some(1000)),
            ("three million", Some(3_000_000)),
            ("a dozen", Some(12)),
            ("nineteen ninety-one", None),
            ("twenty five", Some(25)),
        ];
        for (phrase, expected) in cases {
            assert_eq!(parse_words(phrase), expected, "{phrase}");
        }
    }

    #[test]
    fn digits_take_the_scale_word_they_end_on() {
        let cases = [
            ("a 1.5 Million rise", "1.5 Million", "1500000", true),
            ("spent 3-billion on", "3-billion", "3000000000", true),
            ("a 5bn plan", "5bn", "5000000000", true),
            ("2\u{A0}mln tonnes", "2\u{A0}mln", "2000000", true),
            ("4 thousand-strong", "4 thousand", "4000", true),
            ("sold 12,400 cars", "12,400", "12400", false),
        ];
        for (text, span, value, scaled) in cases {
            let found = atoms(text);
            let [atom] = found.as_slice() else {
                panic!("{text}: {found:?}");
            };
            assert_eq!(&text[atom.start..atom.end], span, "{text}");
            assert_eq!(
                atom.amount.exact().map(|d| d.to_string()).as_deref(),
                Some(value)
            );
            assert!(matches!(atom.amount, Amount::Exact { scaled: s, .. } if s == scaled));
        }
    }

    #[test]
    fn decimals_scale_exactly() {
        let cases = [
            ("1.2", 1_000_000, "1200000"),
            ("1,000", 1, "1000"),
            ("2.50", 1, "2.5"),
        ];
        for (raw, factor, expected) in cases {
            let value = Dec::parse(raw)
                .and_then(|d| d.times(factor))
                .map(|d| d.to_string());
            assert_eq!(value.as_deref(), Some(expected), "{raw}");
        }
        let huge = "9".repeat(60);
        assert_eq!(Dec::parse(&huge), None);
    }

    #[test]
    fn atoms_do_not_overlap_and_skip_glued_digits() {
        let found = atoms("mc4wp saw 1st and 1,000 and several thousand, 1.2 million");
        let texts: Vec<_> = found.iter().map(|a| (a.start, a.end)).collect();
        assert!(texts.windows(2).all(|w| w[0].1 <= w[1].0));
        assert_eq!(found.len(), 3);
    }
}
