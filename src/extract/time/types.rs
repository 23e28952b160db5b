//! The types every rule family shares: a rule is a named regex plus a
//! function that turns one match into TIMEX3 values ([`Timex`]), built with
//! what it sees of the text ([`Ctx`]) and its match ([`Caps`]); and the
//! small helpers the builders of several families use.
//!
//! May use `calendar`, `lexicon` and `interval`; nothing else of `time`
//! (no rule family, no trigger words, no search).

use chrono::NaiveDate;
use regex_automata::PatternID;
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;

use super::calendar::{Tense, TenseCues, resolve_month_day, ymd};
use super::lexicon::{MONTH, MONTH_NOT_MAY, NUM, ORDINAL, UNIT, Unit, WEEKDAY_WORDS};
use crate::model::attr;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Type {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl Type {
    /// The TIMEX3 label.
    pub(super) fn label(self) -> &'static str {
        match self {
            Type::Date => "DATE",
            Type::Time => "TIME",
            Type::Duration => "DURATION",
            Type::Set => "SET",
        }
    }
}

/// One time expression found by a rule, with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Timex {
    /// The name of the rule that found it.
    pub rule: &'static str,
    /// Span start (bytes).
    pub start: usize,
    /// Span end (bytes, exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: Type,
    /// TIMEX3 value.
    pub value: String,
    /// How the value was reached, for the analyst.
    pub resolution: String,
    /// Further TIMEX3 attributes ("mod", "anchor", "freq", "range_end").
    pub attrs: Vec<(&'static str, String)>,
    /// How the expression relates to the time the story is told in.
    pub story: StoryTime,
}

/// How an expression relates to the time of the story around it, which
/// later expressions such as "the following year" count from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum StoryTime {
    /// Names a time later expressions may count from ("On May 22, 1995").
    Names,
    /// Counts from the last time named ("the following year").
    CountsFrom(Anaphor),
    /// Compares with another period ("a year earlier", "the year-ago
    /// quarter"); later expressions do not count from it.
    Compares,
    /// Continues a range or list whose first date is named before it
    /// ("June 7, 8 and 9"): the story counts from the first.
    ContinuesRange,
    /// Compares a report's figures with the same period in another year
    /// ("up from $3 million a year earlier", "in the 1988 period"): the
    /// reporting period last named ("the nine months", "the fourth
    /// quarter") decides which.
    ComparesPeriod(PeriodYear),
}

/// How an expression steps from its reference date ("the following
/// year" steps one year from the last year mentioned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Anaphor {
    /// Units to step: -1 previous, 0 same, +1 following.
    pub step: i64,
    /// The unit stepped, which is also the granularity of the value.
    pub unit: Unit,
    /// The weekday to land on instead ("the previous Friday"), 1 = Monday.
    pub weekday: Option<u32>,
    /// The TIMEX3 part of day to append ("that night" → "TNI").
    pub part: Option<&'static str>,
}

/// Which year a comparison with the reporting period takes it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PeriodYear {
    /// The year before ("a year earlier").
    Before,
    /// A named year ("the 1988 period").
    Named(i32),
}

impl Timex {
    /// A timex over `start..end` with no further attributes.
    pub(super) fn new(
        (start, end): (usize, usize),
        kind: Type,
        value: impl Into<String>,
        resolution: impl Into<String>,
    ) -> Timex {
        Timex {
            rule: "",
            start,
            end,
            kind,
            value: value.into(),
            resolution: resolution.into(),
            attrs: Vec::new(),
            story: StoryTime::Names,
        }
    }

    /// Adds one attribute.
    pub(super) fn attr(mut self, key: &'static str, value: impl Into<String>) -> Timex {
        self.attrs.push((key, value.into()));
        self
    }

    /// Adds an attribute when it is present.
    pub(super) fn attr_opt(self, key: &'static str, value: Option<&str>) -> Timex {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }

    /// Marks the expression as a comparison, which later expressions do
    /// not count from.
    pub(super) fn comparing(mut self) -> Timex {
        self.story = StoryTime::Compares;
        self
    }

    /// Marks the expression as the reporting period last named, in the
    /// year `year` says.
    pub(super) fn comparing_period(mut self, year: PeriodYear) -> Timex {
        self.story = StoryTime::ComparesPeriod(year);
        self
    }

    /// The value of attribute `key`, if set.
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// What a rule sees besides its match: the whole text and the DCT.
pub(super) struct Ctx<'a> {
    /// The article text.
    pub text: &'a str,
    /// The publication date, when known.
    pub dct: Option<NaiveDate>,
    /// True for financial reports, which count time in quarters: "a year
    /// ago" there means the same quarter a year before.
    pub quarterly: bool,
    /// The tense cues of the sentences asked about so far.
    pub tense_cues: TenseCues<'a>,
}

impl Ctx<'_> {
    /// The tense of the sentence around a span.
    pub(super) fn tense(&self, span: (usize, usize)) -> Tense {
        self.tense_cues.tense_at(span.0, span.1)
    }

    /// The text right after `end`.
    pub(super) fn after(&self, end: usize) -> &str {
        self.text.get(end..).unwrap_or("")
    }

    /// True when the span is part of a bigger number or amount ("1,000",
    /// "2.5", "$2000", "15%"), which is then no time expression.
    pub(super) fn inside_number(&self, (start, end): (usize, usize)) -> bool {
        let after = self.after(end).as_bytes();
        let before = self.before(start).as_bytes();
        matches!(after, [b',' | b'.' | b':', d, ..] if d.is_ascii_digit())
            || matches!(after, [b'%', ..])
            || matches!(before, [.., d, b',' | b'.' | b'/' | b'-'] if d.is_ascii_digit())
            || matches!(before, [.., b'$'])
    }

    /// The text right before `start`.
    pub(super) fn before(&self, start: usize) -> &str {
        self.text.get(..start).unwrap_or("")
    }

    /// The start of `word` (any case) when it stands right before `start`,
    /// separated by white space: rules match from a rarer word, which keeps
    /// them fast, and take a leading "the" or "fiscal" in here.
    pub(super) fn word_before(&self, start: usize, word: &str) -> Option<usize> {
        let before = self.before(start);
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return None;
        }
        self.word_ending_at(trimmed.len(), word)
    }

    /// The start of `word` (any case) when a hyphen joins it to `start`
    /// ("mid-summer").
    pub(super) fn word_hyphenated_before(&self, start: usize, word: &str) -> Option<usize> {
        let lead = self.before(start).strip_suffix('-')?;
        self.word_ending_at(lead.len(), word)
    }

    /// The start of `word` (any case) when it ends at `end` and starts a word.
    fn word_ending_at(&self, end: usize, word: &str) -> Option<usize> {
        let head = end.checked_sub(word.len())?;
        let found = self.text.get(head..end)?.eq_ignore_ascii_case(word);
        let bounded = self
            .text
            .get(..head)?
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (found && bounded).then_some(head)
    }
}

/// Turns one match into zero or more timexes (ranges give several).
pub(super) type Build = fn(&Caps<'_>, &Ctx<'_>) -> Vec<Timex>;

/// One match and its groups, read from captures that one search reuses for
/// every match (no allocation per match). Groups are found by name with a
/// scan of the rule's few names instead of the regex's hash map, because
/// every builder asks for several.
pub(super) struct Caps<'a> {
    /// The searched text.
    text: &'a str,
    /// Where each group matched.
    locations: &'a Captures,
    /// The group names of the rule's pattern, by group index.
    names: &'a [Option<Box<str>>],
}

/// Where one group of a match lies in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'a> {
    /// The searched text.
    text: &'a str,
    /// Start byte.
    start: usize,
    /// End byte (exclusive).
    end: usize,
}

impl<'a> Group<'a> {
    /// Start byte.
    pub(super) fn start(&self) -> usize {
        self.start
    }

    /// End byte (exclusive).
    pub(super) fn end(&self) -> usize {
        self.end
    }

    /// The matched text.
    pub(super) fn as_str(&self) -> &'a str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

impl<'a> Caps<'a> {
    /// The whole match (`0`) or a numbered group.
    pub(super) fn get(&self, index: usize) -> Option<Group<'a>> {
        let span = self.locations.get_group(index)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }

    /// A named group, when it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'a>> {
        let index = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(index)
    }
}

/// A named pattern with its trigger words and its builder.
pub(super) struct Rule {
    /// A short name saying what the rule matches ("month day year"),
    /// unique among the rules: each value it finds carries it as its
    /// `rule` attribute, so an analyst or developer sees which rule fired.
    pub name: &'static str,
    /// Words one of which every match contains (see `trigger`); empty for
    /// rules that scan the whole text.
    pub words: &'static [&'static str],
    /// The pattern with its placeholders expanded.
    pub pattern: Box<str>,
    /// The compiled pattern.
    pub re: Regex,
    /// Its group names, by group index.
    names: Vec<Option<Box<str>>>,
    /// Turns a match into values.
    build: Build,
}

impl Rule {
    /// Compiles a rule; `{MONTH}`-style placeholders expand to lexicon
    /// fragments and `(?-u:\b)` becomes an ASCII word boundary so the fast DFA
    /// engines can run it on any text. Only a rule that scans the whole text
    /// gets a literal prefilter: one with trigger words searches short
    /// stretches around them, where a prefilter costs more instructions than
    /// it saves and its tables crowd the cache (`scripts/count_instructions.sh`).
    pub(super) fn new(
        name: &'static str,
        words: &'static [&'static str],
        pattern: &str,
        build: Build,
    ) -> Rule {
        let expanded = pattern
            .replace("{MONTH}", MONTH)
            .replace("{MONTH_NOT_MAY}", MONTH_NOT_MAY)
            .replace("{WEEKDAY}", &format!("(?:{})", WEEKDAY_WORDS.join("|")))
            .replace("{NUM}", NUM)
            .replace("{UNIT}", UNIT)
            .replace("{ORDINAL}", ORDINAL)
            .replace(r"(?-u:\b)", r"(?-u:(?-u:\b))");
        let re = Regex::builder()
            .configure(Regex::config().auto_prefilter(words.is_empty()))
            .syntax(syntax::Config::new().utf8(true))
            .build(&expanded)
            .unwrap_or_else(|e| panic!("rule {name}: {e}"));
        let names = re
            .group_info()
            .pattern_names(PatternID::ZERO)
            .map(|n| n.map(Box::from))
            .collect();
        Rule {
            name,
            words,
            pattern: expanded.into(),
            re,
            names,
            build,
        }
    }

    /// The timexes of one match (its groups at `locations` in `text`),
    /// each marked with the rule's name.
    pub(super) fn timexes(&self, text: &str, locations: &Captures, ctx: &Ctx<'_>) -> Vec<Timex> {
        let caps = Caps {
            text,
            locations,
            names: &self.names,
        };
        let mut found = (self.build)(&caps, ctx);
        for t in &mut found {
            t.rule = self.name;
        }
        found
    }
}

/// The span of group `t` when the pattern has one (context words left
/// outside the TimeML extent), else of the whole match.
pub(super) fn span(caps: &Caps<'_>) -> (usize, usize) {
    caps.name("t")
        .or_else(|| caps.get(0))
        .map_or((0, 0), |m| (m.start(), m.end()))
}

/// The text of a named group.
pub(super) fn group<'t>(caps: &Caps<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// A TIMEX3 "mod" for a modifier word.
pub(super) fn mod_of(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    let m = match lower.trim_end_matches('-') {
        "early" | "beginning" | "start" | "dawn" => "START",
        "mid" | "middle" => "MID",
        "late" | "end" | "close" => "END",
        "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "some" => "APPROX",
        "more than" | "over" => "MORE_THAN",
        "less than" | "under" | "up to" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "at most" => "EQUAL_OR_LESS",
        _ => return None,
    };
    Some(m)
}

/// Builds the value of a month+day, taking the year from the text or the
/// DCT (shared by the families that read days: dates, ranges, times).
pub(super) fn day_value(
    ctx: &Ctx<'_>,
    sp: (usize, usize),
    m: u32,
    d: u32,
    year: Option<u32>,
) -> Option<Timex> {
    if let Some(y) = year {
        let day = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        return Some(Timex::new(sp, Type::Date, ymd(day), "explicit date"));
    }
    NaiveDate::from_ymd_opt(2000, m, d)?;
    let Some(dct) = ctx.dct else {
        let value = format!("XXXX-{m:02}-{d:02}");
        return Some(Timex::new(
            sp,
            Type::Date,
            value,
            "month+day, no publication date",
        ));
    };
    let tense = ctx.tense(sp);
    let day = resolve_month_day(dct, m, d, tense)?;
    let note = format!(
        "month+day, year from publication date {} ({})",
        ymd(dct),
        tense.word()
    );
    Some(Timex::new(sp, Type::Date, ymd(day), note).attr(attr::ANCHOR, ymd(dct)))
}
