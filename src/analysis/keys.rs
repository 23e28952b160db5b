//! Names, places and trigger words as numbers, in small sorted sets: the
//! grouping of events compares such sets millions of times in a large
//! dossier, and comparing two short sorted lists of integers needs no
//! allocation and no string comparison.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

/// The key of a name, place or trigger lemma: a fixed (unseeded) 64-bit
/// hash of its text, so that the same text has the same key in every
/// article and every run.
pub type Key = u64;

/// The key of a text.
pub fn key_of(text: &str) -> Key {
    let mut h = FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

/// A set of a few items kept as a sorted list without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord + Copy> SortedSet<T> {
    /// Adds an item; false when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Adds every item of `other`.
    pub fn extend(&mut self, other: &SortedSet<T>) {
        for item in &other.0 {
            self.insert(*item);
        }
    }

    /// True when the item is in the set.
    pub fn contains(&self, item: &T) -> bool {
        self.0.binary_search(item).is_ok()
    }

    /// True when the sets have no item in common.
    pub fn is_disjoint(&self, other: &SortedSet<T>) -> bool {
        self.intersection(other).next().is_none()
    }

    /// The items of both sets, in order.
    pub fn intersection<'a>(&'a self, other: &'a SortedSet<T>) -> impl Iterator<Item = T> + 'a {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        std::iter::from_fn(move || {
            loop {
                let (x, y) = (a.peek()?, b.peek()?);
                match x.cmp(y) {
                    std::cmp::Ordering::Less => {
                        a.next();
                    }
                    std::cmp::Ordering::Greater => {
                        b.next();
                    }
                    std::cmp::Ordering::Equal => {
                        b.next();
                        return a.next().copied();
                    }
                }
            }
        })
    }

    /// The items, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// True when the set has no item.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many items it has.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<T: Ord + Copy> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list: Vec<T> = items.into_iter().collect();
        list.sort_unstable();
        list.dedup();
        SortedSet(list)
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_same_text_has_the_same_key_and_another_text_another() {
        assert_eq!(key_of("harbour authority"), key_of("harbour authority"));
        assert_ne!(key_of("harbour authority"), key_of("harbor authority"));
    }

    proptest! {
        #[test]
        fn a_sorted_set_answers_like_a_tree_set(
            a in proptest::collection::vec(0u8..20, 0..12),
            b in proptest::collection::vec(0u8..20, 0..12),
        ) {
            let (ta, tb): (BTreeSet<u8>, BTreeSet<u8>) =
                (a.iter().copied().collect(), b.iter().copied().collect());
            let mut sa: SortedSet<u8> = SortedSet::default();
            for x in &a {
                sa.insert(*x);
            }
            let sb: SortedSet<u8> = b.iter().copied().collect();
            prop_assert_eq!(sa.iter().copied().collect::<Vec<_>>(), ta.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(sa.is_disjoint(&sb), ta.is_disjoint(&tb));
            prop_assert_eq!(
                sa.intersection(&sb).collect::<Vec<_>>(),
                ta.intersection(&tb).copied().collect::<Vec<_>>()
            );
            let mut union = sa.clone();
            union.extend(&sb);
            prop_assert_eq!(union.len(), ta.union(&tb).count());
            prop_assert!(b.iter().all(|x| union.contains(x)));
        }
    }
}
