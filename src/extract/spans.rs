//! Span sets shared by the extractors: merged, sorted byte ranges that can
//! be asked "does this overlap?" in logarithmic time, so that checking every
//! match of a long article against every other fact stays linear overall.

/// Sorted, disjoint byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanSet(Vec<(usize, usize)>);

impl SpanSet {
    /// The union of `spans`, in any order, overlapping or not.
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().filter(|(s, e)| s < e).collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        SpanSet(merged)
    }

    /// True when `start..end` shares at least one byte with the set.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|&(_, e)| e <= start);
        self.0.get(i).is_some_and(|&(s, _)| s < end)
    }

    /// True when the byte at `pos` is inside the set.
    pub fn contains(&self, pos: usize) -> bool {
        self.overlaps(pos, pos + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_and_answers_overlaps() {
        let set = SpanSet::new([(10, 20), (0, 5), (15, 25), (30, 31), (7, 7)]);
        assert_eq!(set, SpanSet(vec![(0, 5), (10, 25), (30, 31)]));
        assert!(set.overlaps(4, 6));
        assert!(!set.overlaps(5, 10));
        assert!(set.overlaps(24, 40));
        assert!(!set.overlaps(25, 30));
        assert!(set.contains(30));
        assert!(!set.contains(31));
        assert!(!SpanSet::default().overlaps(0, 100));
    }
}
