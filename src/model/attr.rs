//! The names of a fact's attributes (`Fact::attrs`, `Candidate::attrs`),
//! one constant each: the extractor that writes an attribute and the
//! analysis, panels and exports that read it name it the same way, and a
//! typo is a compile error instead of a silently missing value. The strings
//! are what project files store, so they never change.

/// Time: the day a relative expression was resolved against (`YYYY-MM-DD`).
pub const ANCHOR: &str = "anchor";
/// Time: the last value of a range ("from May to July"); the value is the first.
pub const RANGE_END: &str = "range_end";
/// Time: the TIMEX3 modifier ("APPROX", "START", "BEFORE" …).
pub const MOD: &str = "mod";
/// Time: how often a recurring expression recurs (TIMEX3 `freq`, e.g. "1W").
pub const FREQ: &str = "freq";
/// Time: how the value was resolved, in words, for the resolution trail.
pub const RESOLUTION: &str = "resolution";
/// Time: the name of the rule that found the expression.
pub const RULE: &str = "rule";
/// Entity: why the span was taken as a name (model, gazetteer, rule).
pub const REASON: &str = "reason";
/// Quantity: what is counted or measured ("prisoners", "km").
pub const UNIT: &str = "unit";
/// Quantity: the words that qualify the number ("at least", "about").
pub const MODIFIER: &str = "modifier";
/// Quantity: a number that is part of a formula ("exchange": "1,000 for 1,000").
pub const FORMULA: &str = "formula";
/// Quote: who said it, when known.
pub const SPEAKER: &str = "speaker";
/// Quote: the name of the pattern that found the speaker.
pub const SPEAKER_RULE: &str = "speaker_rule";
/// Quote: "true" for quotation marks around a word or phrase, not speech.
pub const SCARE: &str = "scare";
/// Role: who holds the role.
pub const HOLDER: &str = "holder";
/// Role: the role, normalised ("foreign minister").
pub const ROLE: &str = "role";
/// Role: the organisation or country the role is of, when named.
pub const ORG: &str = "org";
/// Event: its date (a TIMEX3 value).
pub const TIME: &str = "time";
/// Event: the end of its date range.
pub const TIME_END: &str = "time_end";
/// Event: where its date came from ("clause", or "discourse" for a date set earlier).
pub const TIME_SOURCE: &str = "time_source";
/// Event: the words of the article its date was read from.
pub const TIME_TEXT: &str = "time_text";
/// Event: the weekday the article names for it.
pub const WEEKDAY: &str = "weekday";
/// Event: whether it happened, is planned, denied … (`EventStatus`).
pub const STATUS: &str = "status";
/// Event: "true" when the article refers to it as one known event ("the talks").
pub const DEFINITE: &str = "definite";
/// Event: its place in a series ("second round" → 2).
pub const SERIES: &str = "series";
/// Event: "true" when it is the article's headline event.
pub const HEADLINE: &str = "headline";
/// Event: who took part ("; "-separated names).
pub const PARTICIPANTS: &str = "participants";
/// Event: where it happened (places, "; "-separated).
pub const PLACE: &str = "place";
/// Event: the building or site it happened in.
pub const VENUE: &str = "venue";
/// Event: the numbers it involves.
pub const QUANTITIES: &str = "quantities";
/// Event: who reports it ("; "-separated names of speakers or outlets).
pub const REPORTER: &str = "reporter";
