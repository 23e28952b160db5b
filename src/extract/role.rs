//! Placeholder, replaced by the role extractor.

use super::Candidate;

/// Finds role facts in `text`.
pub fn extract(_text: &str, _entities: &[Candidate]) -> Vec<Candidate> {
    Vec::new()
}
