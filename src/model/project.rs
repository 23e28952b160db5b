//! The project: the one source of truth the panels, the store and the
//! command line all read.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::article::Article;
use super::decisions::Decisions;
use super::fact::{Fact, FactKind, Status};
use super::fact_map::FactMap;
use super::ids::{ArticleId, FactId};
use super::outside::OutsideFiles;
use super::panes::{BottomTab, CompareTab, FactColumns};

/// The format version this build writes; older ones are migrated on load.
pub const FORMAT_VERSION: u32 = 1;

/// What the analyst was looking at, saved so a project reopens as it was left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ViewState {
    /// The selected article.
    pub selected_article: Option<ArticleId>,
    /// The selected fact.
    pub selected_fact: Option<FactId>,
    /// The selected event, by the key of one of its mentions
    /// (`analysis::events::mention_key`); its mentions are highlighted.
    pub selected_event: Option<String>,
    /// Facts table filter.
    pub filter: FactFilter,
    /// Facts table sort column and direction.
    pub sort: SortOrder,
    /// Timeline view: first and last visible day, as days since 1970-01-01.
    pub timeline_range: Option<(f64, f64)>,
    /// What the bottom panel shows.
    pub bottom_tab: BottomTab,
    /// The list the Compare panel shows.
    pub compare_tab: CompareTab,
    /// The facts table's columns.
    pub fact_columns: FactColumns,
}

/// The facts table filter: every field narrows the rows shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct FactFilter {
    /// Only this kind.
    pub kind: Option<FactKind>,
    /// Only this article.
    pub article: Option<ArticleId>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only facts whose text, value, label or note contain this (case-insensitive).
    pub text: String,
}

/// A column the facts table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SortColumn {
    /// Article, then position in the text.
    #[default]
    Position,
    /// Kind.
    Kind,
    /// Quoted text.
    Text,
    /// Normalised value.
    Value,
    /// Status.
    Status,
}

/// Sort column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct SortOrder {
    /// The column.
    pub column: SortColumn,
    /// Largest first.
    pub descending: bool,
}

/// A whole dossier: articles, facts and view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The format version the file was written with.
    pub format_version: u32,
    /// Articles in import order.
    pub articles: Vec<Article>,
    /// Facts by id, shared in chunks so that a snapshot of the project for
    /// background work costs a reference count per chunk, not a copy.
    #[serde(serialize_with = "facts_as_seq", deserialize_with = "facts_from_seq")]
    pub facts: FactMap,
    /// What the analyst was looking at.
    #[serde(default)]
    pub view: ViewState,
    /// The next id to hand out (shared by articles and facts).
    pub next_id: u64,
    /// The analyst's alias and contradiction decisions.
    #[serde(default)]
    pub decisions: Decisions,
    /// The analyst's answer about article files outside the project's folder.
    #[serde(default)]
    pub outside_files: OutsideFiles,
}

fn facts_as_seq<S: Serializer>(facts: &FactMap, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(facts.values().map(|f| &**f))
}

fn facts_from_seq<'de, D: Deserializer<'de>>(d: D) -> Result<FactMap, D::Error> {
    let facts = Vec::<Fact>::deserialize(d)?;
    Ok(facts.into_iter().map(|f| (f.id, Arc::new(f))).collect())
}

impl Default for Project {
    fn default() -> Self {
        Project {
            format_version: FORMAT_VERSION,
            articles: Vec::new(),
            facts: FactMap::new(),
            view: ViewState::default(),
            next_id: 1,
            decisions: Decisions::default(),
            outside_files: OutsideFiles::default(),
        }
    }
}

impl Project {
    /// Hands out a fresh id number.
    pub fn allocate_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The article with this id.
    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The fact with this id.
    pub fn fact(&self, id: FactId) -> Option<&Fact> {
        self.facts.get(&id).map(|f| &**f)
    }

    /// The facts the analyst has not rejected, in id order: what analysis compares.
    pub fn live_facts(&self) -> impl Iterator<Item = &Fact> {
        self.facts
            .values()
            .map(|f| &**f)
            .filter(|f| f.status != Status::Rejected)
    }

    /// The facts of one article, in id order.
    pub fn facts_of(&self, article: ArticleId) -> impl Iterator<Item = &Fact> {
        self.facts
            .values()
            .map(|f| &**f)
            .filter(move |f| f.article == article)
    }

    /// Applies one edit and returns the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::InsertFacts(facts) => {
                let ids = facts.iter().map(|f| f.id).collect();
                for fact in facts {
                    self.next_id = self.next_id.max(fact.id.0 + 1);
                    self.facts.insert(fact.id, Arc::new(fact));
                }
                Edit::RemoveFacts(ids)
            }
            Edit::RemoveFacts(ids) => {
                let removed = ids
                    .iter()
                    .filter_map(|id| self.facts.remove(id))
                    .map(Arc::unwrap_or_clone)
                    .collect();
                Edit::InsertFacts(removed)
            }
            Edit::ReplaceFact(fact) => match self.facts.insert(fact.id, Arc::new(fact.clone())) {
                Some(old) => Edit::ReplaceFact(Arc::unwrap_or_clone(old)),
                None => Edit::RemoveFacts(vec![fact.id]),
            },
            Edit::ReplaceArticle(article) => {
                match self.articles.iter_mut().find(|a| a.id == article.id) {
                    Some(slot) => Edit::ReplaceArticle(std::mem::replace(slot, article)),
                    None => {
                        let id = article.id;
                        self.insert_article(article);
                        Edit::RemoveArticles(vec![id])
                    }
                }
            }
            Edit::InsertArticles(articles) => {
                let ids = articles.iter().map(|a| a.id).collect();
                for article in articles {
                    self.insert_article(article);
                }
                Edit::RemoveArticles(ids)
            }
            Edit::RemoveArticles(ids) => {
                let (removed, kept) = std::mem::take(&mut self.articles)
                    .into_iter()
                    .partition(|a| ids.contains(&a.id));
                self.articles = kept;
                Edit::InsertArticles(removed)
            }
            Edit::SetDecisions(decisions) => {
                Edit::SetDecisions(std::mem::replace(&mut self.decisions, decisions))
            }
            Edit::Batch(edits) => {
                let mut inverses: Vec<Edit> = edits.into_iter().map(|e| self.apply(e)).collect();
                inverses.reverse();
                Edit::Batch(inverses)
            }
        }
    }

    fn insert_article(&mut self, article: Article) {
        self.next_id = self.next_id.max(article.id.0 + 1);
        self.articles.push(article);
    }
}

impl Edit {
    /// True when the edit adds, removes or replaces an article.
    pub fn changes_articles(&self) -> bool {
        match self {
            Edit::ReplaceArticle(_) | Edit::InsertArticles(_) | Edit::RemoveArticles(_) => true,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_articles),
            Edit::InsertFacts(_)
            | Edit::RemoveFacts(_)
            | Edit::ReplaceFact(_)
            | Edit::SetDecisions(_) => false,
        }
    }
}

/// One reversible change to the project. Every change the analyst makes is
/// expressed as edits, so the history can undo and redo any of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add these facts.
    InsertFacts(Vec<Fact>),
    /// Remove the facts with these ids.
    RemoveFacts(Vec<FactId>),
    /// Put this fact in place of the one with the same id.
    ReplaceFact(Fact),
    /// Put this article in place of the one with the same id.
    ReplaceArticle(Article),
    /// Add these articles.
    InsertArticles(Vec<Article>),
    /// Remove the articles with these ids (their facts are removed by separate edits).
    RemoveArticles(Vec<ArticleId>),
    /// Put these analyst decisions (aliases, verdicts) in place of the current ones.
    SetDecisions(Decisions),
    /// Several edits applied in order as one step.
    Batch(Vec<Edit>),
}
