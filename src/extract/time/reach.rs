//! A rule's *reach* bounds how long its matches can be in one text, so a
//! match that contains a trigger word lies within that reach of it.
//! Patterns repeat only white space, hyphens and digits without bound
//! (`\s+`, `[\s-]+`, `[0-9]+`), so a repetition is at most as long as the
//! longest run of those characters in the text: the reach is a fixed
//! length plus a count of each kind of run.
//!
//! Uses nothing else of `time`: it reads patterns and texts only.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, Hir, HirKind};

/// The kinds of character run a pattern may repeat without bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    /// White space (`\s+`).
    Space,
    /// White space and hyphens (`[\s-]+`).
    SpaceOrHyphen,
    /// ASCII digits (`[0-9]+`).
    Digit,
}

impl RunKind {
    /// Every kind, narrowest first.
    const ALL: [RunKind; 3] = [RunKind::Space, RunKind::SpaceOrHyphen, RunKind::Digit];

    /// True when `c` belongs to runs of this kind.
    fn holds(self, c: char) -> bool {
        match self {
            RunKind::Space => c.is_whitespace(),
            RunKind::SpaceOrHyphen => c.is_whitespace() || c == '-',
            RunKind::Digit => c.is_ascii_digit(),
        }
    }
}

/// The longest run (bytes) of each [`RunKind`] in one text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Runs([usize; 3]);

impl Runs {
    /// Measures the runs of `text`. It runs over every text, so it skips
    /// stretches outside any run a byte at a time with a table for ASCII
    /// and decodes only non-ASCII characters.
    pub(super) fn of(text: &str) -> Runs {
        let bytes = text.as_bytes();
        let table = &*BYTE_KINDS;
        let mut longest = [0; 3];
        let mut current = [0; 3];
        let mut i = 0;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let skip = rest
                .iter()
                .position(|&b| table[usize::from(b)] != 0)
                .unwrap_or(rest.len());
            if skip > 0 {
                current = [0; 3];
                i += skip;
                continue;
            }
            let b = bytes[i];
            let (kinds, len) = if b.is_ascii() {
                (table[usize::from(b)], 1)
            } else {
                let c = text.get(i..).and_then(|rest| rest.chars().next());
                c.map_or((0, 1), |c| (kinds_of(c), c.len_utf8()))
            };
            i += len;
            for (k, (run, most)) in current.iter_mut().zip(&mut longest).enumerate() {
                *run = if kinds & (1 << k) != 0 { *run + len } else { 0 };
                *most = (*most).max(*run);
            }
        }
        Runs(longest)
    }
}

/// The [`RunKind`]s a character belongs to, one bit each in the order of
/// [`RunKind::ALL`].
fn kinds_of(c: char) -> u8 {
    RunKind::ALL
        .iter()
        .enumerate()
        .filter(|(_, kind)| kind.holds(c))
        .fold(0, |bits, (k, _)| bits | 1 << k)
}

/// [`kinds_of`] for every ASCII byte; non-ASCII bytes have a bit of their
/// own, so that skipping stretches outside runs stops at them.
static BYTE_KINDS: LazyLock<[u8; 256]> = LazyLock::new(|| {
    std::array::from_fn(|b| match u8::try_from(b) {
        Ok(byte) if byte.is_ascii() => kinds_of(char::from(byte)),
        _ => 1 << RunKind::ALL.len(),
    })
});

/// The longest match of a pattern: a fixed length plus how many runs of
/// each [`RunKind`] it may hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Reach {
    /// Bytes matched outside unbounded repetitions.
    fixed: usize,
    /// Unbounded repetitions of each kind.
    runs: [usize; 3],
}

impl Reach {
    /// The bound in a text with these runs.
    pub(super) fn within(&self, runs: &Runs) -> usize {
        self.runs
            .iter()
            .zip(runs.0)
            .fold(self.fixed, |sum, (count, run)| {
                sum.saturating_add(count.saturating_mul(run))
            })
    }

    /// One reach after the other (concatenation).
    fn then(self, other: Reach) -> Option<Reach> {
        let mut runs = [0; 3];
        for (k, run) in runs.iter_mut().enumerate() {
            *run = self.runs[k].checked_add(other.runs[k])?;
        }
        Some(Reach {
            fixed: self.fixed.checked_add(other.fixed)?,
            runs,
        })
    }

    /// At least as long as either (alternation).
    fn or(self, other: Reach) -> Reach {
        let mut runs = [0; 3];
        for (k, run) in runs.iter_mut().enumerate() {
            *run = self.runs[k].max(other.runs[k]);
        }
        Reach {
            fixed: self.fixed.max(other.fixed),
            runs,
        }
    }

    /// `times` repetitions.
    fn times(self, times: u32) -> Option<Reach> {
        let times = usize::try_from(times).ok()?;
        let mut runs = [0; 3];
        for (k, run) in runs.iter_mut().enumerate() {
            *run = self.runs[k].checked_mul(times)?;
        }
        Some(Reach {
            fixed: self.fixed.checked_mul(times)?,
            runs,
        })
    }
}

/// The [`Reach`] of a pattern; `None` when its matches have no such bound
/// (or it does not parse).
pub(super) fn reach(pattern: &str) -> Option<Reach> {
    reach_of(&regex_syntax::Parser::new().parse(pattern).ok()?)
}

/// [`reach`] of one node of a parsed pattern.
fn reach_of(hir: &Hir) -> Option<Reach> {
    let fixed = |len: Option<usize>| {
        len.map(|fixed| Reach {
            fixed,
            runs: [0; 3],
        })
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => fixed(Some(0)),
        HirKind::Literal(lit) => fixed(Some(lit.0.len())),
        HirKind::Class(Class::Unicode(class)) => fixed(class.maximum_len()),
        HirKind::Class(Class::Bytes(class)) => fixed(class.maximum_len()),
        HirKind::Capture(capture) => reach_of(&capture.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .try_fold(Reach::default(), |sum, p| sum.then(reach_of(p)?)),
        HirKind::Alternation(parts) => parts
            .iter()
            .try_fold(Reach::default(), |most, p| Some(most.or(reach_of(p)?))),
        HirKind::Repetition(rep) => match rep.max {
            Some(times) => reach_of(&rep.sub)?.times(times),
            None => {
                let k = RunKind::ALL.iter().position(|&kind| only(&rep.sub, kind))?;
                let mut runs = [0; 3];
                runs[k] = 1;
                Some(Reach { fixed: 0, runs })
            }
        },
    }
}

/// True when a node matches only characters of runs of `kind`.
fn only(hir: &Hir, kind: RunKind) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            std::str::from_utf8(&lit.0).is_ok_and(|s| s.chars().all(|c| kind.holds(c)))
        }
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|c| kind.holds(c))),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii() && kind.holds(char::from(b)))),
        HirKind::Capture(capture) => only(&capture.sub, kind),
        HirKind::Repetition(rep) => only(&rep.sub, kind),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().all(|p| only(p, kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_measured_in_bytes_for_each_kind() {
        assert_eq!(Runs::of("ab 12-34  cd"), Runs([2, 2, 2]));
        assert_eq!(Runs::of("a - b"), Runs([1, 3, 0]));
        assert_eq!(Runs::of("a\u{a0}\u{a0}b"), Runs([4, 4, 0]));
        assert_eq!(Runs::of("Кyiv—2025"), Runs([0, 0, 4]));
        assert_eq!(Runs::of(""), Runs([0, 0, 0]));
    }

    #[test]
    fn reach_counts_fixed_bytes_and_runs() {
        let runs = Runs([3, 5, 7]);
        let within = |p: &str| reach(p).map(|r| r.within(&runs));
        assert_eq!(within(r"May"), Some(3));
        assert_eq!(within(r"(?-u:\b)May\s+[0-9]{1,2}"), Some(3 + 3 + 2));
        assert_eq!(within(r"[0-9]+[\s-]+years?"), Some(7 + 5 + 5));
        assert_eq!(
            within(r"(?:a|bcd)\s*(?:\s+x){2}"),
            Some(3 + 3 + 2 * (3 + 1))
        );
        assert_eq!(within(r"\w+ ago"), None);
        assert_eq!(within(r"(unclosed"), None);
    }
}
