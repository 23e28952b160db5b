//! Placeholder, replaced by the entity extractor.

use super::Candidate;

/// Finds entity facts in `text`.
pub fn extract(_text: &str) -> Vec<Candidate> {
    Vec::new()
}
