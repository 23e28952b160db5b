//! What the analyst can do to a project. Panels queue commands; the app
//! executes them after drawing, each as one undoable step. Commands are the
//! only way the project changes (its view state aside, see
//! [`Workspace::view_mut`]): the window, the command line and the tests all
//! go through [`Workspace::execute`].

use chrono::NaiveDate;

use crate::extract::{self, Candidate};
use crate::import::Sheet;
use crate::model::{
    AliasDecision, Anchor, Article, ArticleId, DateOrigin, Edit, EventDecision, Fact, FactId,
    FactKind, Origin, Reliability, Status, Verdict,
};
use crate::workspace::{PreparedArticle, Workspace};

/// One thing the analyst asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Put this version of a fact in place of the stored one (an in-place edit).
    UpdateFact(Fact),
    /// Set the status of these facts.
    SetStatus(Vec<FactId>, Status),
    /// Delete these facts.
    DeleteFacts(Vec<FactId>),
    /// Add a fact by hand over a span of an article.
    AddFact {
        /// The article.
        article: ArticleId,
        /// Span start (byte offset).
        start: usize,
        /// Span end (byte offset).
        end: usize,
        /// The kind chosen.
        kind: FactKind,
    },
    /// Set (or clear) an article's publication date; re-resolves its time expressions.
    SetPublished(ArticleId, Option<NaiveDate>),
    /// Change an article's title, outlet or URL.
    UpdateArticle(Article),
    /// Grade an article's outlet: every article of the same outlet gets the grade.
    SetReliability(ArticleId, Reliability),
    /// The entities holding these two name keys are one (see `analysis::aliases::name_key`).
    MergeAliases(String, String),
    /// The entity with this name key is apart from its group.
    SplitAlias(String),
    /// The events holding these two mentions are one (mention keys, see
    /// `analysis::events::mention_key`).
    MergeEvents(String, String),
    /// The mention with this key is an event of its own.
    SplitEvent(String),
    /// Show the event holding this mention under this name (empty: the automatic name).
    RenameEvent(String, String),
    /// Record the analyst's verdict on the contradiction with this key.
    SetVerdict(String, Verdict),
    /// Remove articles and their facts.
    RemoveArticles(Vec<ArticleId>),
    /// Add articles an import read and extracted, with their facts; an
    /// article already in the project (same file and part) is skipped and
    /// named in [`Done::problems`].
    AddArticles(Vec<PreparedArticle>),
    /// Put fresh extraction results in place of each article's unreviewed
    /// extracted facts, keeping what the analyst confirmed, edited or added.
    MergeExtraction(Vec<(ArticleId, Vec<Candidate>)>),
    /// Set titles, outlets, URLs and dates from a metadata sheet; rows that
    /// name no article are named in [`Done::problems`].
    ApplySheet(Sheet),
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
}

/// What executing a command did, or why it did nothing.
pub type Outcome = Result<Done, CommandError>;

/// What an executed command did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Done {
    /// One line for the status bar; empty when nothing changed.
    pub message: String,
    /// What the analyst should read although the command went through:
    /// files already in the project, sheet rows that matched no article.
    pub problems: Vec<String>,
}

/// Why a command changed nothing, in the analyst's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The fact was deleted (by another step) before the command ran.
    #[error("that fact no longer exists")]
    FactGone,
    /// The article was removed before the command ran.
    #[error("that article no longer exists")]
    ArticleGone,
    /// The article's file could not be read, so no span of it can be quoted.
    #[error("the article text is not available")]
    TextUnavailable,
    /// A span that does not lie on the article's text.
    #[error("the span is outside the text")]
    SpanOutsideText,
    /// A fact added by hand needs some selected text.
    #[error("select some text of the article first")]
    NoSelection,
    /// Merging an entity with itself.
    #[error("pick two different entities to merge")]
    SameEntity,
    /// Merging an event with itself.
    #[error("pick two different events to merge")]
    SameEvent,
    /// Undo with an empty history.
    #[error("Nothing to undo")]
    NothingToUndo,
    /// Redo with nothing undone.
    #[error("Nothing to redo")]
    NothingToRedo,
}

/// A command that went through with this status line and no problems.
fn said(message: impl Into<String>) -> Outcome {
    Ok(Done {
        message: message.into(),
        problems: Vec::new(),
    })
}

impl Workspace {
    /// Executes one command as one undoable step.
    pub fn execute(&mut self, command: Command) -> Outcome {
        match command {
            Command::UpdateFact(mut fact) => {
                let old = self.project.fact(fact.id).ok_or(CommandError::FactGone)?;
                if old == &fact {
                    return said("");
                }
                if fact.start != old.start || fact.end != old.end {
                    let text = self
                        .text(fact.article)
                        .ok_or(CommandError::TextUnavailable)?;
                    let quoted = text
                        .get(fact.start..fact.end)
                        .ok_or(CommandError::SpanOutsideText)?;
                    fact.text = quoted.to_owned();
                    fact.anchor = Anchor::Exact;
                }
                if fact.status == Status::Unreviewed || fact.status == Status::Confirmed {
                    let content_changed = fact.kind != old.kind
                        || fact.value != old.value
                        || fact.label != old.label
                        || fact.attrs != old.attrs
                        || fact.start != old.start
                        || fact.end != old.end;
                    if content_changed {
                        fact.status = Status::Edited;
                    }
                }
                let id = fact.id;
                self.apply("Edit fact", Edit::ReplaceFact(fact));
                said(format!("Edited {id}"))
            }
            Command::SetStatus(ids, status) => {
                let edits: Vec<Edit> = ids
                    .iter()
                    .filter_map(|id| self.project.fact(*id))
                    .filter(|f| f.status != status)
                    .map(|f| {
                        Edit::ReplaceFact(Fact {
                            status,
                            ..f.clone()
                        })
                    })
                    .collect();
                let n = edits.len();
                self.apply(&format!("Mark {}", status.as_str()), Edit::Batch(edits));
                said(format!("{n} fact(s) marked {}", status.as_str()))
            }
            Command::DeleteFacts(ids) => {
                let n = ids
                    .iter()
                    .filter(|id| self.project.fact(**id).is_some())
                    .count();
                self.apply("Delete facts", Edit::RemoveFacts(ids));
                said(format!("{n} fact(s) deleted"))
            }
            Command::AddFact {
                article,
                start,
                end,
                kind,
            } => self.add_fact(article, start, end, kind),
            Command::SetPublished(id, date) => self.set_published(id, date),
            Command::UpdateArticle(article) => {
                self.project
                    .article(article.id)
                    .ok_or(CommandError::ArticleGone)?;
                self.apply("Edit article", Edit::ReplaceArticle(article));
                said("Article updated")
            }
            Command::SetReliability(id, grade) => {
                let article = self.project.article(id).ok_or(CommandError::ArticleGone)?;
                let outlet = article.outlet.trim().to_lowercase();
                let edits: Vec<Edit> = self
                    .project
                    .articles
                    .iter()
                    .filter(|a| {
                        a.id == id
                            || (!outlet.is_empty() && a.outlet.trim().to_lowercase() == outlet)
                    })
                    .filter(|a| a.reliability != grade)
                    .map(|a| {
                        Edit::ReplaceArticle(Article {
                            reliability: grade,
                            ..a.clone()
                        })
                    })
                    .collect();
                let n = edits.len();
                self.apply("Set reliability", Edit::Batch(edits));
                said(format!(
                    "Reliability {grade:?} set on {n} article(s) of the outlet"
                ))
            }
            Command::MergeAliases(a, b) => {
                if a == b {
                    return Err(CommandError::SameEntity);
                }
                let mut decisions = self.project.decisions.clone();
                decisions
                    .aliases
                    .push(AliasDecision::Merge(a.clone(), b.clone()));
                self.apply("Merge entities", Edit::SetDecisions(decisions));
                said(format!("Merged “{b}” into “{a}”"))
            }
            Command::SplitAlias(form) => {
                let mut decisions = self.project.decisions.clone();
                decisions.aliases.push(AliasDecision::Split(form.clone()));
                self.apply("Split entity", Edit::SetDecisions(decisions));
                said(format!("“{form}” is now an entity of its own"))
            }
            Command::MergeEvents(a, b) => {
                if a == b {
                    return Err(CommandError::SameEvent);
                }
                self.push_event_decision("Merge events", EventDecision::Merge(a, b));
                said("Merged the events")
            }
            Command::SplitEvent(key) => {
                self.push_event_decision("Split event", EventDecision::Split(key));
                said("The mention is now an event of its own")
            }
            Command::RenameEvent(key, label) => {
                let label = label.trim().to_owned();
                let message = if label.is_empty() {
                    "The event has its automatic name again".to_owned()
                } else {
                    format!("Event renamed “{label}”")
                };
                self.push_event_decision("Rename event", EventDecision::Rename(key, label));
                said(message)
            }
            Command::SetVerdict(key, verdict) => {
                let mut decisions = self.project.decisions.clone();
                if decisions.verdicts.get(&key) == Some(&verdict) {
                    return said("");
                }
                let state = verdict.state.as_str();
                if verdict == Verdict::default() {
                    decisions.verdicts.remove(&key);
                } else {
                    decisions.verdicts.insert(key.clone(), verdict);
                }
                self.apply("Set verdict", Edit::SetDecisions(decisions));
                said(format!("{key}: {state}"))
            }
            Command::RemoveArticles(ids) => {
                let facts: Vec<FactId> = self
                    .project
                    .facts
                    .values()
                    .filter(|f| ids.contains(&f.article))
                    .map(|f| f.id)
                    .collect();
                let n = ids.len();
                self.apply(
                    "Remove articles",
                    Edit::Batch(vec![Edit::RemoveFacts(facts), Edit::RemoveArticles(ids)]),
                );
                said(format!("{n} article(s) removed"))
            }
            Command::AddArticles(prepared) => {
                let offered = prepared.len();
                let skipped = self.add_articles(prepared);
                Ok(Done {
                    message: format!(
                        "Imported {} article(s) with {} fact(s) in the project",
                        offered - skipped.len(),
                        self.project.facts.len()
                    ),
                    problems: skipped,
                })
            }
            Command::MergeExtraction(results) => {
                self.merge_extraction(results);
                said(format!(
                    "Extraction finished: {} fact(s)",
                    self.project.facts.len()
                ))
            }
            Command::ApplySheet(sheet) => {
                let (matched, unmatched) = self.apply_sheet(&sheet.rows, &sheet.name);
                Ok(Done {
                    message: format!("Metadata applied to {matched} article(s)"),
                    problems: unmatched,
                })
            }
            Command::Undo => match self.undo() {
                Some(label) => said(format!("Undid: {label}")),
                None => Err(CommandError::NothingToUndo),
            },
            Command::Redo => match self.redo() {
                Some(label) => said(format!("Redid: {label}")),
                None => Err(CommandError::NothingToRedo),
            },
        }
    }

    fn add_fact(
        &mut self,
        article: ArticleId,
        start: usize,
        end: usize,
        kind: FactKind,
    ) -> Outcome {
        let text = self
            .text(article)
            .ok_or(CommandError::TextUnavailable)?
            .clone();
        let quoted = text
            .get(start..end)
            .filter(|q| !q.trim().is_empty())
            .ok_or(CommandError::NoSelection)?;
        let value = quoted.trim().to_owned();
        let candidate = Candidate::new(start, end, kind, String::new(), value);
        let fact = self.fact_from(article, &text, candidate, Origin::Manual);
        let id = fact.id;
        self.apply("Add fact", Edit::InsertFacts(vec![fact]));
        self.project.view.selected_fact = Some(id);
        said(format!("Added {id}"))
    }

    fn set_published(&mut self, id: ArticleId, date: Option<NaiveDate>) -> Outcome {
        let article = self.project.article(id).ok_or(CommandError::ArticleGone)?;
        let updated = Article {
            published: date,
            date_origin: if date.is_some() {
                DateOrigin::Manual
            } else {
                DateOrigin::Unknown
            },
            ..article.clone()
        };
        let text = self.text(id).cloned();
        let mut edits = vec![Edit::ReplaceArticle(updated)];
        if let Some(text) = text {
            let times = extract::time::extract(&text, date);
            edits.push(self.extraction_edit(vec![(id, times)], Some(FactKind::Time)));
        }
        self.apply("Set publication date", Edit::Batch(edits));
        said(match date {
            Some(d) => format!("Publication date set to {d}; time expressions re-resolved"),
            None => "Publication date cleared".into(),
        })
    }
}

impl Workspace {
    /// Appends one event decision as one undoable step; a rename replaces
    /// earlier names of the same event, an empty name removes them.
    fn push_event_decision(&mut self, label: &str, decision: EventDecision) {
        let mut decisions = self.project.decisions.clone();
        if let EventDecision::Rename(key, name) = &decision {
            decisions
                .events
                .retain(|d| !matches!(d, EventDecision::Rename(k, _) if k == key));
            if name.is_empty() {
                self.apply(label, Edit::SetDecisions(decisions));
                return;
            }
        }
        decisions.events.push(decision);
        self.apply(label, Edit::SetDecisions(decisions));
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::extract;
    use crate::import::SheetRow;
    use crate::model::Provenance;

    const TEXT: &str = "The harbour board met on Monday. It said 40 workers had been hired.";

    /// A workspace holding one article of `outlet` per entry, with its facts extracted.
    fn workspace(outlets: &[&str]) -> Workspace {
        let mut ws = Workspace::new();
        let published = NaiveDate::from_ymd_opt(2025, 3, 5);
        let prepared = outlets
            .iter()
            .enumerate()
            .map(|(i, outlet)| PreparedArticle {
                path: PathBuf::from(format!("/nowhere/article-{i}.txt")),
                title: format!("Harbour {i}"),
                outlet: (*outlet).to_owned(),
                url: String::new(),
                published,
                date_origin: DateOrigin::Manual,
                text: Arc::from(TEXT),
                candidates: extract::extract_all(TEXT, published),
                provenance: Provenance::default(),
            })
            .collect();
        let done = ws.execute(Command::AddArticles(prepared)).unwrap();
        assert!(done.problems.is_empty(), "{:?}", done.problems);
        ws
    }

    fn fact_of(ws: &Workspace, kind: FactKind) -> Fact {
        ws.project
            .facts
            .values()
            .find(|f| f.kind == kind)
            .map(|f| Fact::clone(f))
            .unwrap_or_else(|| panic!("a {kind:?} fact"))
    }

    #[test]
    fn an_edit_marks_the_fact_edited_and_undo_restores_it() {
        let mut ws = workspace(&[""]);
        let fact = fact_of(&ws, FactKind::Quantity);
        let edited = Fact {
            value: "41".into(),
            ..fact.clone()
        };
        assert!(ws.execute(Command::UpdateFact(edited)).is_ok());
        let now = ws.project.fact(fact.id).unwrap();
        assert_eq!((now.value.as_str(), now.status), ("41", Status::Edited));
        assert!(ws.execute(Command::Undo).is_ok());
        assert_eq!(ws.project.fact(fact.id).unwrap(), &fact);
        assert!(ws.execute(Command::Redo).is_ok());
        assert_eq!(ws.project.fact(fact.id).unwrap().value, "41");
    }

    #[test]
    fn a_new_span_quotes_the_text_and_a_span_outside_it_is_refused() {
        let mut ws = workspace(&[""]);
        let fact = fact_of(&ws, FactKind::Quantity);
        let start = TEXT.find("40 workers").unwrap();
        let moved = Fact {
            start,
            end: start + "40 workers".len(),
            ..fact.clone()
        };
        assert!(ws.execute(Command::UpdateFact(moved)).is_ok());
        assert_eq!(ws.project.fact(fact.id).unwrap().text, "40 workers");
        let outside = Fact {
            start: TEXT.len() + 5,
            end: TEXT.len() + 9,
            ..fact
        };
        let error = ws.execute(Command::UpdateFact(outside)).unwrap_err();
        assert_eq!(error, CommandError::SpanOutsideText);
    }

    #[test]
    fn statuses_and_deletions_count_what_changed_and_undo_as_one_step() {
        let mut ws = workspace(&[""]);
        let ids: Vec<FactId> = ws.project.facts.keys().copied().collect();
        let first = vec![ids[0]];
        ws.execute(Command::SetStatus(first.clone(), Status::Confirmed))
            .unwrap();
        let said = ws
            .execute(Command::SetStatus(ids.clone(), Status::Confirmed))
            .unwrap()
            .message;
        assert_eq!(said, format!("{} fact(s) marked confirmed", ids.len() - 1));
        let said = ws
            .execute(Command::DeleteFacts(ids.clone()))
            .unwrap()
            .message;
        assert_eq!(said, format!("{} fact(s) deleted", ids.len()));
        assert!(ws.project.facts.is_empty());
        ws.execute(Command::Undo).unwrap();
        assert_eq!(ws.project.facts.len(), ids.len());
        assert!(
            ws.project
                .facts
                .values()
                .all(|f| f.status == Status::Confirmed)
        );
    }

    #[test]
    fn a_new_publication_date_resolves_relative_dates_again() {
        let mut ws = workspace(&[""]);
        let article = ws.project.articles[0].id;
        let monday = |ws: &Workspace| {
            ws.project
                .facts
                .values()
                .find(|f| f.kind == FactKind::Time && f.text.contains("Monday"))
                .map(|f| f.value.clone())
                .expect("a time fact for Monday")
        };
        assert_eq!(monday(&ws), "2025-03-03");
        ws.execute(Command::SetPublished(
            article,
            NaiveDate::from_ymd_opt(2025, 3, 12),
        ))
        .unwrap();
        assert_eq!(monday(&ws), "2025-03-10");
        ws.execute(Command::Undo).unwrap();
        assert_eq!(monday(&ws), "2025-03-03");
    }

    #[test]
    fn a_grade_reaches_every_article_of_the_outlet() {
        let mut ws = workspace(&["Coast Post", "coast post ", "Inland Daily"]);
        let first = ws.project.articles[0].id;
        let said = ws
            .execute(Command::SetReliability(first, Reliability::B))
            .unwrap()
            .message;
        assert!(said.contains("on 2 article(s)"), "{said}");
        let grades: Vec<Reliability> = ws.project.articles.iter().map(|a| a.reliability).collect();
        assert_eq!(grades[..2], [Reliability::B, Reliability::B]);
        assert_ne!(grades[2], Reliability::B);
    }

    #[test]
    fn merging_a_thing_with_itself_is_refused() {
        let mut ws = workspace(&[""]);
        assert!(
            ws.execute(Command::MergeAliases("a".into(), "a".into()))
                .is_err()
        );
        assert!(
            ws.execute(Command::MergeEvents("e".into(), "e".into()))
                .is_err()
        );
        assert!(ws.project.decisions.aliases.is_empty());
    }

    #[test]
    fn an_article_added_twice_is_skipped_and_named() {
        let mut ws = workspace(&["Coast Post"]);
        let again = PreparedArticle {
            path: PathBuf::from("/nowhere/article-0.txt"),
            title: "Again".into(),
            outlet: String::new(),
            url: String::new(),
            published: None,
            date_origin: DateOrigin::Unknown,
            text: Arc::from(TEXT),
            candidates: Vec::new(),
            provenance: Provenance::default(),
        };
        let done = ws.execute(Command::AddArticles(vec![again])).unwrap();
        assert_eq!(ws.project.articles.len(), 1);
        assert_eq!(done.problems.len(), 1);
        assert!(done.problems[0].ends_with("is already in the project"));
        assert!(done.message.starts_with("Imported 0 article(s)"));
    }

    #[test]
    fn a_sheet_sets_what_it_says_names_stray_rows_and_undoes_in_one_step() {
        let mut ws = workspace(&["Coast Post"]);
        let row = |file: &str| SheetRow {
            file: file.into(),
            title: Some("Harbour hiring".into()),
            outlet: Some("Bay Courier".into()),
            ..SheetRow::default()
        };
        let sheet = Sheet {
            name: "desk.csv".into(),
            rows: vec![row("article-0.txt"), row("missing.txt")],
        };
        let done = ws.execute(Command::ApplySheet(sheet)).unwrap();
        assert_eq!(done.message, "Metadata applied to 1 article(s)");
        assert_eq!(done.problems.len(), 1);
        assert!(done.problems[0].starts_with("missing.txt"));
        let article = &ws.project.articles[0];
        assert_eq!(
            (article.title.as_str(), article.outlet.as_str()),
            ("Harbour hiring", "Bay Courier")
        );
        ws.execute(Command::Undo).unwrap();
        assert_eq!(ws.project.articles[0].outlet, "Coast Post");
    }

    #[test]
    fn a_fresh_extraction_keeps_what_the_analyst_confirmed() {
        let mut ws = workspace(&[""]);
        let kept = fact_of(&ws, FactKind::Quantity);
        ws.execute(Command::SetStatus(vec![kept.id], Status::Confirmed))
            .unwrap();
        let article = ws.project.articles[0].id;
        let fresh = extract::extract_all(TEXT, None);
        ws.execute(Command::MergeExtraction(vec![(article, fresh)]))
            .unwrap();
        let quantities: Vec<&Fact> = ws
            .project()
            .facts_of(article)
            .filter(|f| f.kind == FactKind::Quantity)
            .collect();
        assert_eq!(
            quantities.len(),
            1,
            "the candidate on the kept span is dropped"
        );
        assert_eq!(quantities[0].id, kept.id);
        assert_eq!(quantities[0].status, Status::Confirmed);
    }
}
