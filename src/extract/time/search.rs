//! The search that runs one rule over a text: over the whole text, or
//! only around the starts of its trigger words, finding the same matches.
//!
//! May use `types`, `trigger` (where to look) and `reach` (how far a match
//! can lie from its trigger word); no rule family.

use regex_automata::util::captures::Captures;
use regex_automata::{Input, Match};

use super::reach::{Reach, Runs, reach};
use super::trigger::Look;
use super::types::{Ctx, Rule, Timex};

/// A rule ready to search texts: the rule and the longest match its
/// pattern can have.
pub(super) struct Search {
    /// The rule.
    rule: &'static Rule,
    /// The longest match its pattern can have (see [`reach`]).
    reach: Option<Reach>,
}

impl Search {
    /// Prepares `rule` for searching.
    pub(super) fn new(rule: &'static Rule) -> Search {
        Search {
            rule,
            reach: reach(&rule.pattern),
        }
    }

    /// All timexes the rule finds where `look` says, grouped per match;
    /// `runs` are those of the text.
    pub(super) fn run(&self, ctx: &Ctx<'_>, runs: &Runs, look: &Look, out: &mut Vec<Vec<Timex>>) {
        match look {
            Look::Everywhere => self.run_everywhere(ctx, out),
            Look::Near(starts) => self.run_near(ctx, runs, starts, out),
        }
    }

    /// Scans the whole text.
    fn run_everywhere(&self, ctx: &Ctx<'_>, out: &mut Vec<Vec<Timex>>) {
        let text = ctx.text;
        let mut locations = self.rule.re.create_captures();
        let mut from = 0;
        while from <= text.len() {
            let Some(m) = self.find(text, from, &mut locations) else {
                break;
            };
            from = next_search_start(text, m.start(), m.end());
            self.keep(text, &locations, ctx, out);
        }
    }

    /// Searches only around the trigger-word starts and finds the same
    /// matches as a scan of the whole text. A match holds a trigger word
    /// and is at most `reach` long, so it lies within `reach` of that word:
    /// the search runs over regions of words less than `2 * reach` apart,
    /// from `reach` before the first to `reach` after the last. By
    /// induction no match starts between the previous match and a region,
    /// and a match found in a region that starts after its last word
    /// belongs to a later region.
    fn run_near(&self, ctx: &Ctx<'_>, runs: &Runs, starts: &[usize], out: &mut Vec<Vec<Timex>>) {
        let Some(reach) = self.reach.map(|r| r.within(runs)) else {
            return self.run_everywhere(ctx, out);
        };
        if starts.is_empty() {
            return;
        }
        let text = ctx.text;
        let mut locations = self.rule.re.create_captures();
        let mut pos = 0;
        let mut next = 0;
        while let Some(&first) = starts.get(next) {
            let mut last = first;
            next += 1;
            while let Some(&word) = starts.get(next).filter(|&&w| w <= last + 2 * reach + 1) {
                last = word;
                next += 1;
            }
            if last < pos {
                continue;
            }
            let to = text.ceil_char_boundary(last.saturating_add(reach + 1).min(text.len()));
            let region = &text[..to];
            let mut from = text.floor_char_boundary(first.saturating_sub(reach).max(pos));
            while let Some(m) = self.find(region, from, &mut locations) {
                if m.start() > last {
                    break;
                }
                pos = next_search_start(text, m.start(), m.end());
                from = pos;
                self.keep(text, &locations, ctx, out);
                if from > to {
                    break;
                }
            }
        }
    }

    /// The first match in `haystack` at or after `from`, with its groups
    /// in `locations`.
    fn find(&self, haystack: &str, from: usize, locations: &mut Captures) -> Option<Match> {
        let input = Input::new(haystack).span(from..haystack.len());
        self.rule.re.search_captures(&input, locations);
        locations.get_match()
    }

    /// Builds the timexes of one match and keeps them when there are any.
    fn keep(&self, text: &str, locations: &Captures, ctx: &Ctx<'_>, out: &mut Vec<Vec<Timex>>) {
        let found = self.rule.timexes(text, locations, ctx);
        if !found.is_empty() {
            out.push(found);
        }
    }
}

/// Where the search after a match goes on: at its end, or one character
/// further after an empty match (past the end of the text after one there,
/// which ends the search).
fn next_search_start(text: &str, start: usize, end: usize) -> usize {
    match end {
        _ if start < end => end,
        _ if end >= text.len() => end + 1,
        _ => text.ceil_char_boundary(end + 1),
    }
}
