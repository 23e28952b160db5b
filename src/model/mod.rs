//! The data model: project, articles, facts, and the edits and history that change them.

mod article;
pub mod attr;
mod decisions;
mod fact;
mod fact_map;
mod history;
mod ids;
mod outside;
mod panes;
mod project;

pub use article::{Article, DateOrigin, Provenance, Reliability};
pub use decisions::{AliasDecision, Decisions, EventDecision, Verdict, VerdictState};
pub use fact::{Anchor, Fact, FactKind, Origin, Status};
pub use fact_map::FactMap;
pub use history::History;
pub use ids::{ArticleId, FactId};
pub use outside::{Answers, OutsideFiles};
pub use panes::{BottomTab, CompareTab, FactColumn, FactColumns};
pub use project::{Edit, FORMAT_VERSION, FactFilter, Project, SortColumn, SortOrder, ViewState};
