//! The rule families, one table of rules each: absolute dates, anaphoric
//! dates, times of day, durations, ranges, relative dates and sets.
//!
//! A family may use `types`, `calendar`, `lexicon` and `interval`, and
//! never another family: what several families need lives in those.

use super::types::Rule;

mod absolute;
mod anaphora;
mod clock;
mod duration;
mod range;
mod relative;
mod set;

/// The pass after the search that re-resolves anaphoric expressions
/// against the dates named before them (see `anaphora`).
pub(super) use anaphora::resolve;

/// Every rule, families in priority order for equally long matches.
pub(super) fn all() -> impl Iterator<Item = &'static Rule> {
    [
        &*range::RULES,
        &*clock::RULES,
        &*set::RULES,
        &*absolute::RULES,
        &*anaphora::RULES,
        &*relative::RULES,
        &*duration::RULES,
    ]
    .into_iter()
    .flat_map(|family| family.iter())
}
