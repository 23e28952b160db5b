//! Calendar arithmetic against the publication date (DCT) and the tense
//! of the sentence around an expression, which decides which way an
//! underspecified date ("Friday", "May 18") points.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::Regex;

use super::lexicon::Unit;

/// Which way a sentence points in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    /// Past tense: underspecified dates lie before the DCT.
    Past,
    /// A past-tense verb or "since" governs the expression ("closed in
    /// February", "announced Friday", "since August"): stronger evidence than
    /// a cue elsewhere in the sentence, so it may point back up to a year.
    PastVerb,
    /// Future tense: underspecified dates lie after the DCT.
    Future,
    /// No evidence: take the nearest date.
    Unknown,
}

impl Tense {
    /// A short word for the resolution note.
    pub(super) fn word(self) -> &'static str {
        match self {
            Tense::Past => "past tense",
            Tense::PastVerb => "past tense: a past verb, \"since\" or a reported event governs it",
            Tense::Future => "future tense",
            Tense::Unknown => "tense unknown",
        }
    }
}

/// Words that mark a sentence as looking forward (but see [`plan_in_past`]).
static FUTURE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:(?-u:\b))(?:will|won't|shall|going\s+to|plans?\s+to|scheduled|expected\s+to|is\s+to|are\s+to|due\s+to|set\s+to|upcoming|next|would)(?-u:(?-u:\b))|['’]ll(?-u:(?-u:\b))")
        .expect("valid future-cue pattern")
});

/// Auxiliaries and reporting verbs that mark a sentence as looking back.
static PAST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:(?-u:\b))(?:was|were|had|did|said|told|ago|last|earlier)(?-u:(?-u:\b))")
        .expect("valid past-cue pattern")
});

/// Past-tense verb forms; weaker evidence, since many are also participles.
static PAST_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:(?-u:\b))(?:met|went|came|took|gave|left|began|held|fell|rose|saw|made|won|lost|found|got|sent|spent|paid|sold|bought|brought|thought|kept|led|became|broke|spoke|wrote|struck|chose|flew|drew|ran|grew|knew|[a-z]{3,}ed)(?-u:(?-u:\b))")
        .expect("valid past-form pattern")
});

/// Words written with a full stop that rarely end a sentence ("Sept. 14",
/// "Mr. Smith", "Acme Corp. said").
const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "st", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "corp", "inc",
    "co", "ltd", "no",
];

/// True when the punctuation at byte `i` ends a sentence: "!" and "?" always
/// do; a full stop only before a space and a word that is not lower case or
/// a number, and not after an initial ("U.S.") or an abbreviation.
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'!' | b'?' => return true,
        b'.' => {}
        _ => return false,
    }
    let rest = &bytes[i + 1..];
    let next = rest.iter().position(|b| !b.is_ascii_whitespace());
    match next {
        None => return true,
        Some(0) => return matches!(rest[0], b'"' | b'\'' | b')') || !rest[0].is_ascii(),
        Some(n) if rest[n].is_ascii_lowercase() || rest[n].is_ascii_digit() => return false,
        Some(_) => {}
    }
    let word_start = bytes[..i]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &bytes[word_start..i];
    let initial = word.len() == 1 && word[0].is_ascii_uppercase();
    let abbreviation = ABBREVIATIONS
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(word));
    !(initial || abbreviation)
}

/// The byte range of the sentence around `start..end`, at most 150 bytes
/// each side. Only ".", "!", "?" and line breaks can end a sentence, so
/// only those are looked at.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let is_stop = |b: &u8| matches!(b, b'\n' | b'!' | b'?' | b'.');
    let low = start.saturating_sub(150);
    let (mut s, mut hi) = (low, start);
    while let Some(i) = bytes[low..hi].iter().rposition(is_stop).map(|p| low + p) {
        if (bytes[i] == b'\n' || i + 1 < start) && ends_sentence(bytes, i) {
            s = i + 1;
            break;
        }
        hi = i;
    }
    let high = (end + 150).min(bytes.len());
    let (mut e, mut lo) = (high, end);
    while let Some(i) = bytes[lo..high].iter().position(is_stop).map(|p| lo + p) {
        if ends_sentence(bytes, i) {
            e = i;
            break;
        }
        lo = i + 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e.max(s))
}

/// True when the text before a future cue ends in "was", "were" or "had
/// been": the plan ("was scheduled to", "had been due to") lies in the past.
fn plan_in_past(before: &str) -> bool {
    let words: Vec<&str> = before.split_ascii_whitespace().rev().take(2).collect();
    let is = |w: Option<&&str>, want: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(want));
    let ends_in_space = before.ends_with(|c: char| c.is_ascii_whitespace());
    ends_in_space
        && (is(words.first(), "was")
            || is(words.first(), "were")
            || (is(words.first(), "been") && is(words.get(1), "had")))
}

/// Nouns for something said or traded that, right before a date, report
/// what has happened ("the announcement Friday", "in trading Monday").
const REPORTED_EVENT_NOUNS: [&str; 6] = [
    "announcement",
    "statement",
    "remarks",
    "ruling",
    "trading",
    "session",
];

/// Prepositions that may stand between a verb and the date it governs
/// ("bought it in February", "closed on Friday").
const LINKING_PREPOSITIONS: [&str; 7] = ["on", "in", "at", "by", "since", "until", "during"];

/// Past forms that usually look forward or are no verbs at all.
const NOT_PAST_VERBS: [&str; 12] = [
    "scheduled",
    "expected",
    "planned",
    "slated",
    "proposed",
    "needed",
    "indeed",
    "speed",
    "proceed",
    "exceed",
    "succeed",
    "hundred",
];

/// Words after which a past form is a participle of a present or future
/// passive ("is expected in May", "will be completed in June").
const PARTICIPLE_AUXILIARIES: [&str; 10] = [
    "be", "been", "being", "is", "are", "am", "to", "will", "would", "get",
];

/// The ASCII word ending at byte `end` of `text` (after trailing spaces),
/// with its start.
fn word_ending_at(text: &str, end: usize) -> Option<(usize, &str)> {
    let before = text
        .get(..end)?
        .trim_end_matches(|c: char| c.is_ascii_whitespace());
    let start = before
        .bytes()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    (start < before.len()).then(|| (start, &before[start..]))
}

/// True when a past-tense verb governs the expression at `start`: it stands
/// right before it, or before one linking preposition, and is not a
/// participle after "be", "is", "will" and the like. "Since" alone is
/// enough: what happened since a date began before publication; so is a
/// reported event right before it ("the announcement Friday").
fn governed_by_past_verb(text: &str, start: usize) -> bool {
    let Some((mut at, mut word)) = word_ending_at(text, start) else {
        return false;
    };
    if word.eq_ignore_ascii_case("since") || is_one_of(&REPORTED_EVENT_NOUNS, word) {
        return true;
    }
    if is_one_of(&LINKING_PREPOSITIONS, word) {
        let Some(verb) = word_ending_at(text, at) else {
            return false;
        };
        (at, word) = verb;
    }
    let participle =
        word_ending_at(text, at).is_some_and(|(_, aux)| is_one_of(&PARTICIPLE_AUXILIARIES, aux));
    is_past_form(word) && !participle
}

/// True for a past-tense form ("announced", "bought", "said") that is not
/// one of the forms that usually look forward or are no verbs.
fn is_past_form(word: &str) -> bool {
    let past = is_one_of(&["said", "told"], word)
        || PAST_FORM.find(word).is_some_and(|m| m.len() == word.len());
    past && !is_one_of(&NOT_PAST_VERBS, word)
}

/// True when `word` is one of `words`, ignoring ASCII case.
fn is_one_of(words: &[&str], word: &str) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when nothing but white space stands between the end of `before`
/// and a sentence end, a quotation mark or the start of the text.
fn opens_sentence(before: &str) -> bool {
    before
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '\u{201d}' | '\n'))
}

/// Words that, right after a fronted date, show the sentence looks forward
/// or is in the present ("In May, the bank will ...").
const NOT_PAST_AFTER_FRONTED: [&str; 11] = [
    "will", "would", "shall", "is", "are", "am", "has", "have", "plans", "expects", "hopes",
];

/// True when the expression at `start..end` opens its sentence, alone or
/// after a preposition, and the clause after its comma turns on a past
/// verb within a few words ("In September, the company announced ...").
fn fronted_before_past_verb(text: &str, start: usize, end: usize) -> bool {
    let Some(clause) = text.get(end..).and_then(|rest| rest.strip_prefix(',')) else {
        return false;
    };
    let lead = match word_ending_at(text, start) {
        Some((at, word)) if is_one_of(&LINKING_PREPOSITIONS, word) => at,
        Some(_) => return false,
        None => start,
    };
    if !opens_sentence(text.get(..lead).unwrap_or("")) {
        return false;
    }
    for word in clause.split_whitespace().take(5) {
        let word = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        if is_one_of(&NOT_PAST_AFTER_FRONTED, word) {
            return false;
        }
        if is_past_form(word) {
            return true;
        }
    }
    false
}

/// The tense cues of one sentence (absolute byte spans), found once and
/// shared by every expression in it.
struct SentenceCues {
    /// Past auxiliaries and reporting verbs.
    past: Vec<(usize, usize)>,
    /// Future cues, with whether the plan lies in the past ("was due to").
    future: Vec<(usize, usize, bool)>,
    /// Past verb forms, found only when a sentence has no other cue.
    past_forms: Option<Vec<(usize, usize)>>,
}

impl SentenceCues {
    /// Finds the cues of the sentence at `s..e` of `text`.
    fn find(text: &str, s: usize, e: usize) -> SentenceCues {
        let sentence = text.get(s..e).unwrap_or("");
        let future = FUTURE_CUE
            .find_iter(sentence)
            .map(|m| {
                (
                    m.start() + s,
                    m.end() + s,
                    plan_in_past(&sentence[..m.start()]),
                )
            })
            .collect();
        SentenceCues {
            past: spans(&PAST_CUE, sentence, s),
            future,
            past_forms: None,
        }
    }
}

/// The spans of `re` in `sentence`, which starts at byte `s` of its text.
fn spans(re: &Regex, sentence: &str, s: usize) -> Vec<(usize, usize)> {
    re.find_iter(sentence)
        .map(|m| (m.start() + s, m.end() + s))
        .collect()
}

/// The tense cues of one text, per sentence: many expressions, and several
/// rules per expression, ask about the same sentence.
pub(super) struct TenseCues<'a> {
    /// The text.
    text: &'a str,
    /// Cues by sentence span.
    sentences: RefCell<BTreeMap<(usize, usize), SentenceCues>>,
}

impl<'a> TenseCues<'a> {
    /// No cues found yet in `text`.
    pub(super) fn new(text: &'a str) -> TenseCues<'a> {
        TenseCues {
            text,
            sentences: RefCell::default(),
        }
    }

    /// The tense of the sentence around `start..end`: the nearest future
    /// or past auxiliary wins; past verb forms count only when neither is
    /// there.
    pub(super) fn tense_at(&self, start: usize, end: usize) -> Tense {
        let text = self.text;
        if governed_by_past_verb(text, start) || fronted_before_past_verb(text, start, end) {
            return Tense::PastVerb;
        }
        let (s, e) = sentence_around(text, start, end);
        let mut sentences = self.sentences.borrow_mut();
        let cues = sentences
            .entry((s, e))
            .or_insert_with(|| SentenceCues::find(text, s, e));
        let distance = |(ms, me): (usize, usize)| {
            if me <= start {
                start - me
            } else if ms >= end {
                ms - end
            } else {
                usize::MAX
            }
        };
        let nearest = |spans: &[(usize, usize)]| spans.iter().map(|&m| distance(m)).min();
        let (mut future, mut past) = (usize::MAX, nearest(&cues.past).unwrap_or(usize::MAX));
        for &(ms, me, plan_in_past) in &cues.future {
            let d = distance((ms, me));
            if plan_in_past {
                past = past.min(d);
            } else {
                future = future.min(d);
            }
        }
        if future < usize::MAX && future <= past {
            return Tense::Future;
        }
        if past < usize::MAX {
            return Tense::Past;
        }
        let forms = cues
            .past_forms
            .get_or_insert_with(|| spans(&PAST_FORM, text.get(s..e).unwrap_or(""), s));
        if nearest(forms).is_some_and(|d| d < usize::MAX) {
            Tense::Past
        } else {
            Tense::Unknown
        }
    }
}

/// Formats a day as YYYY-MM-DD, digit by digit: every time value and
/// anchor goes through here, and `format!` costs several times more.
pub(super) fn ymd(d: NaiveDate) -> String {
    let Some(year) = u32::try_from(d.year()).ok().filter(|y| *y <= 9999) else {
        return format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    };
    let mut out = String::with_capacity(10);
    push_digits(&mut out, year, 4);
    out.push('-');
    push_digits(&mut out, d.month(), 2);
    out.push('-');
    push_digits(&mut out, d.day(), 2);
    out
}

/// Appends the last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

/// Formats the ISO week of a day as YYYY-Www.
pub(super) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The quarter (1–4) a day falls in.
pub(super) fn quarter_of(d: NaiveDate) -> u32 {
    d.month0() / 3 + 1
}

/// Moves a day by `n` units (negative = back), saturating at the calendar's ends.
pub(super) fn shift(d: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    let months = |m: i64| -> Option<NaiveDate> {
        let abs = Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m >= 0 {
            d.checked_add_months(abs)
        } else {
            d.checked_sub_months(abs)
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week => d.checked_add_signed(Duration::try_weeks(n)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// Formats a day at the granularity of `unit` ("2025-05", "2025-W21", "199").
pub(super) fn at_granularity(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ymd(d),
        Unit::Week => iso_week(d),
        Unit::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Unit::Quarter => format!("{:04}-Q{}", d.year(), quarter_of(d)),
        Unit::Year => format!("{:04}", d.year()),
        Unit::Decade => format!("{:03}", d.year().div_euclid(10)),
        Unit::Century => format!("{:02}", d.year().div_euclid(100)),
    }
}

/// The weekday `wd` (1 = Monday) nearest to `dct` in the direction of the tense.
/// The DCT itself counts: news often says "said Wednesday" of the day it appears.
pub(super) fn resolve_weekday(dct: NaiveDate, wd: u32, tense: Tense) -> Option<NaiveDate> {
    let target = Weekday::try_from(u8::try_from(wd.checked_sub(1)?).ok()?).ok()?;
    let today = dct.weekday().num_days_from_monday();
    let diff = i64::from(target.num_days_from_monday()) - i64::from(today);
    let back = (-diff).rem_euclid(7);
    let forward = diff.rem_euclid(7);
    let offset = match tense {
        Tense::Past | Tense::PastVerb => -back,
        Tense::Future => forward,
        Tense::Unknown if forward <= 3 => forward,
        Tense::Unknown => forward - 7,
    };
    dct.checked_add_signed(Duration::try_days(offset)?)
}

/// How far (days) a past cue elsewhere in the sentence may push a month or
/// month+day back; beyond it the cue is more likely a reporting verb ("said
/// it expects to close in February") than the date's own tense.
const TENSE_REACH_DAYS: i64 = 240;

/// The year of month+day `m`/`d` seen from `dct`: the next occurrence for
/// the future tense, the last one for a governing past verb, the last one
/// within [`TENSE_REACH_DAYS`] for other past cues, else the nearest.
pub(super) fn resolve_month_day(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> Option<NaiveDate> {
    let y = dct.year();
    let candidates: Vec<NaiveDate> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(*year, m, d))
        .collect();
    let near = |c: &NaiveDate| (*c - dct).num_days().abs() <= TENSE_REACH_DAYS;
    let by_tense = match tense {
        Tense::Past => candidates.iter().rev().find(|c| **c <= dct && near(c)),
        Tense::PastVerb => candidates.iter().rev().find(|c| **c <= dct),
        Tense::Future => candidates.iter().find(|c| **c >= dct),
        Tense::Unknown => None,
    };
    by_tense
        .or_else(|| {
            candidates
                .iter()
                .min_by_key(|c| (**c - dct).num_days().abs())
        })
        .copied()
}

/// The year of a bare month `m` seen from `dct`, chosen like [`resolve_month_day`]
/// with the middle of the month.
pub(super) fn resolve_month(dct: NaiveDate, m: u32, tense: Tense) -> i32 {
    let same_month = m == dct.month();
    match resolve_month_day(dct, m, 15, tense) {
        Some(_) if same_month => dct.year(),
        Some(day) => day.year(),
        None => dct.year(),
    }
}

/// Parses a YYYY-MM-DD date.
pub(super) fn parse_ymd(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The TIMEX3 value of an unknown date at a unit's granularity.
pub(super) fn underspecified(unit: Unit) -> &'static str {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
}

/// The quarter a financial report is about: the last one completed before the DCT.
pub(super) fn reported_quarter_of(dct: NaiveDate) -> Option<NaiveDate> {
    shift(dct, -1, Unit::Quarter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_ymd(s).expect("test date")
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2025-05-20 is a Tuesday.
        let dct = day("2025-05-20");
        let table = [
            (5, Tense::Past, "2025-05-16"),
            (5, Tense::Future, "2025-05-23"),
            (5, Tense::Unknown, "2025-05-23"),
            (7, Tense::Unknown, "2025-05-18"),
            (2, Tense::Past, "2025-05-20"),
        ];
        for (wd, tense, want) in table {
            assert_eq!(
                resolve_weekday(dct, wd, tense),
                Some(day(want)),
                "{wd} {tense:?}"
            );
        }
    }

    #[test]
    fn month_days_follow_tense() {
        let dct = day("2025-01-10");
        assert_eq!(
            resolve_month_day(dct, 12, 28, Tense::Past),
            Some(day("2024-12-28"))
        );
        assert_eq!(
            resolve_month_day(dct, 12, 28, Tense::Future),
            Some(day("2025-12-28"))
        );
        assert_eq!(
            resolve_month_day(dct, 2, 1, Tense::Past),
            Some(day("2025-02-01"))
        );
        assert_eq!(
            resolve_month_day(dct, 2, 1, Tense::PastVerb),
            Some(day("2024-02-01")),
            "a governing past verb reaches back a whole year"
        );
        assert_eq!(
            resolve_month_day(dct, 9, 1, Tense::Past),
            Some(day("2024-09-01"))
        );
        assert_eq!(
            resolve_month_day(dct, 12, 28, Tense::Unknown),
            Some(day("2024-12-28"))
        );
    }

    #[test]
    fn sentences_run_past_abbreviations_and_decimals() {
        let table = [
            (
                "Turnover was 2.5 billion shares, against 1.9 billion Thursday.",
                "Thursday",
                Tense::Past,
            ),
            (
                "The fund was buying from Oct. 2 to Friday at $3.50 each.",
                "Friday",
                Tense::Past,
            ),
            (
                "Prices were firm. Analysts see demand Monday.",
                "Monday",
                Tense::Unknown,
            ),
            (
                "Talks between the U.S. and Iran will resume Friday.",
                "Friday",
                Tense::Future,
            ),
            (
                "The truce is set to expire Sunday.",
                "Sunday",
                Tense::Future,
            ),
            (
                "The offer had been due to expire Friday.",
                "Friday",
                Tense::Past,
            ),
            ("The vote was scheduled for Monday.", "Monday", Tense::Past),
            (
                "Under the terms announced Friday, holders would get $42.",
                "Friday",
                Tense::PastVerb,
            ),
            (
                "Since KKR bought RJR in February, it has sold units.",
                "February",
                Tense::Past,
            ),
            (
                "The plant closed in February and will reopen.",
                "February",
                Tense::PastVerb,
            ),
            (
                "The sale is expected in February, the bank said.",
                "February",
                Tense::Past,
            ),
            (
                "The bridge will be completed in June.",
                "June",
                Tense::Future,
            ),
            (
                "In September, it announced plans to buy the unit.",
                "September",
                Tense::PastVerb,
            ),
            (
                "In September, it will announce plans to buy the unit.",
                "September",
                Tense::Future,
            ),
            (
                "The announcement Friday of a loss shows it will need a turnaround next year.",
                "Friday",
                Tense::PastVerb,
            ),
            (
                "Shares will have halved since August.",
                "August",
                Tense::PastVerb,
            ),
            (
                "The offer ended.\u{201d} Trading resumes Monday.",
                "Monday",
                Tense::Unknown,
            ),
        ];
        for (text, word, want) in table {
            let at = text.find(word).unwrap_or(0);
            let cues = TenseCues::new(text);
            assert_eq!(cues.tense_at(at, at + word.len()), want, "{text}");
        }
    }

    #[test]
    fn days_format_as_iso() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map(ymd);
        assert_eq!(day(2025, 5, 9).as_deref(), Some("2025-05-09"));
        assert_eq!(day(999, 12, 31).as_deref(), Some("0999-12-31"));
        assert_eq!(day(12000, 1, 1).as_deref(), Some("12000-01-01"));
        assert_eq!(day(-44, 3, 15).as_deref(), Some("-044-03-15"));
    }

    #[test]
    fn tense_comes_from_the_nearest_cue() {
        let text = "He told us on Wednesday that they will meet on Friday.";
        let wed = text.find("Wednesday").unwrap_or(0);
        let fri = text.find("Friday").unwrap_or(0);
        let cues = TenseCues::new(text);
        assert_eq!(cues.tense_at(wed, wed + 9), Tense::Past);
        assert_eq!(cues.tense_at(fri, fri + 6), Tense::Future);
    }
}
