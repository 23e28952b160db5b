//! The project's facts by id, in id order, stored so that copying the whole
//! map is cheap. The window hands a copy of the project to the background
//! comparison after every edit; with half a million facts a plain ordered
//! map took tens of milliseconds to copy, a visible stall. Here facts are kept
//! in chunks of consecutive ids, each chunk shared between copies and copied
//! on its first change, so a copy costs one reference count per chunk and an
//! edit after a copy re-copies one chunk, not the map.

use std::collections::BTreeMap;
use std::ops::Index;
use std::sync::Arc;

use super::fact::Fact;
use super::ids::FactId;

/// How many id bits a chunk spans: 1,024 consecutive ids per chunk.
const CHUNK_BITS: u32 = 10;

/// One chunk: the facts whose ids share everything but the low bits.
type Chunk = BTreeMap<FactId, Arc<Fact>>;

/// Facts by id with a cheap copy (see the module documentation).
#[derive(Debug, Clone, Default)]
pub struct FactMap {
    chunks: BTreeMap<u64, Arc<Chunk>>,
    len: usize,
}

fn chunk_of(id: FactId) -> u64 {
    id.0 >> CHUNK_BITS
}

impl FactMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many facts there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no facts.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The fact with this id.
    pub fn get(&self, id: &FactId) -> Option<&Arc<Fact>> {
        self.chunks.get(&chunk_of(*id))?.get(id)
    }

    /// True when a fact has this id.
    pub fn contains_key(&self, id: &FactId) -> bool {
        self.get(id).is_some()
    }

    /// Puts a fact under its id and returns the one it replaced.
    pub fn insert(&mut self, id: FactId, fact: Arc<Fact>) -> Option<Arc<Fact>> {
        let chunk = self.chunks.entry(chunk_of(id)).or_default();
        let old = Arc::make_mut(chunk).insert(id, fact);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Takes out the fact with this id.
    pub fn remove(&mut self, id: &FactId) -> Option<Arc<Fact>> {
        let key = chunk_of(*id);
        let chunk = self.chunks.get_mut(&key)?;
        if !chunk.contains_key(id) {
            return None;
        }
        let chunk = Arc::make_mut(chunk);
        let old = chunk.remove(id);
        if chunk.is_empty() {
            self.chunks.remove(&key);
        }
        self.len -= 1;
        old
    }

    /// Ids and facts in id order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&FactId, &Arc<Fact>)> + Clone {
        self.chunks.values().flat_map(|c| c.iter())
    }

    /// Ids in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &FactId> + Clone {
        self.iter().map(|(id, _)| id)
    }

    /// Facts in id order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Arc<Fact>> + Clone {
        self.iter().map(|(_, f)| f)
    }
}

impl PartialEq for FactMap {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Index<&FactId> for FactMap {
    type Output = Arc<Fact>;

    fn index(&self, id: &FactId) -> &Arc<Fact> {
        self.get(id).expect("no fact with this id")
    }
}

impl FromIterator<(FactId, Arc<Fact>)> for FactMap {
    fn from_iter<I: IntoIterator<Item = (FactId, Arc<Fact>)>>(iter: I) -> Self {
        let mut map = FactMap::new();
        for (id, fact) in iter {
            map.insert(id, fact);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: u64) -> Arc<Fact> {
        let name = format!("person {id}");
        let f = Fact::for_test(super::super::FactKind::Entity, "", &name, &name, &[]);
        Arc::new(Fact {
            id: FactId(id),
            ..f
        })
    }

    #[test]
    fn keeps_facts_in_id_order_across_chunks() {
        let ids = [5_000, 3, 1_025, 1_024, 2_000_000, 7];
        let map: FactMap = ids.iter().map(|&i| (FactId(i), fact(i))).collect();
        let mut sorted = ids.to_vec();
        sorted.sort();
        let keys: Vec<u64> = map.keys().map(|id| id.0).collect();
        assert_eq!(keys, sorted);
        assert_eq!(map.len(), 6);
        assert_eq!(map[&FactId(1_025)].value, "person 1025");
    }

    #[test]
    fn a_change_to_a_copy_leaves_the_original_alone() {
        let original: FactMap = (1..3_000).map(|i| (FactId(i), fact(i))).collect();
        let mut copy = original.clone();
        copy.remove(&FactId(10));
        copy.insert(FactId(2_000), fact(9_999));
        copy.insert(FactId(40_000), fact(40_000));
        assert_eq!(original.len(), 2_999);
        assert!(original.contains_key(&FactId(10)));
        assert_eq!(original[&FactId(2_000)].value, "person 2000");
        assert!(!original.contains_key(&FactId(40_000)));
        assert_eq!(copy.len(), 2_999);
        assert_eq!(copy[&FactId(2_000)].value, "person 9999");
        assert_ne!(original, copy);
    }

    #[test]
    fn removing_counts_only_what_was_there() {
        let mut map: FactMap = (1..5).map(|i| (FactId(i), fact(i))).collect();
        assert!(map.remove(&FactId(99)).is_none());
        assert!(map.remove(&FactId(5_000)).is_none());
        assert!(map.insert(FactId(2), fact(2)).is_some());
        assert_eq!(map.len(), 4);
        for i in 1..5 {
            assert!(map.remove(&FactId(i)).is_some());
        }
        assert!(map.is_empty());
        assert_eq!(map.iter().count(), 0);
    }
}
