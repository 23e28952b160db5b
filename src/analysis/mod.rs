//! Analysis over the whole project (timeline layout; later corroboration and contradictions).

pub mod timeline;
