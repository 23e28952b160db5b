//! What the analyst can do to a project. Panels queue commands; the app
//! executes them after drawing, each as one undoable step.

use chrono::NaiveDate;

use crate::extract::{self, Candidate};
use crate::model::{
    AliasDecision, Anchor, Article, ArticleId, DateOrigin, Edit, EventDecision, Fact, FactId,
    FactKind, Origin, Reliability, Status, Verdict,
};
use crate::workspace::Workspace;

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
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
}

/// What executing a command did, for the status bar.
pub type Outcome = Result<String, String>;

impl Workspace {
    /// Executes one command as one undoable step.
    pub fn execute(&mut self, command: Command) -> Outcome {
        match command {
            Command::UpdateFact(mut fact) => {
                let old = self
                    .project
                    .fact(fact.id)
                    .ok_or("that fact no longer exists")?;
                if old == &fact {
                    return Ok(String::new());
                }
                if fact.start != old.start || fact.end != old.end {
                    let text = self
                        .text(fact.article)
                        .ok_or("the article text is not available")?;
                    let quoted = text
                        .get(fact.start..fact.end)
                        .ok_or("the span is outside the text")?;
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
                Ok(format!("Edited {id}"))
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
                Ok(format!("{n} fact(s) marked {}", status.as_str()))
            }
            Command::DeleteFacts(ids) => {
                let n = ids
                    .iter()
                    .filter(|id| self.project.fact(**id).is_some())
                    .count();
                self.apply("Delete facts", Edit::RemoveFacts(ids));
                Ok(format!("{n} fact(s) deleted"))
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
                    .ok_or("that article no longer exists")?;
                self.apply("Edit article", Edit::ReplaceArticle(article));
                Ok("Article updated".into())
            }
            Command::SetReliability(id, grade) => {
                let article = self
                    .project
                    .article(id)
                    .ok_or("that article no longer exists")?;
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
                Ok(format!(
                    "Reliability {grade:?} set on {n} article(s) of the outlet"
                ))
            }
            Command::MergeAliases(a, b) => {
                if a == b {
                    return Err("pick two different entities to merge".into());
                }
                let mut decisions = self.project.decisions.clone();
                decisions
                    .aliases
                    .push(AliasDecision::Merge(a.clone(), b.clone()));
                self.apply("Merge entities", Edit::SetDecisions(decisions));
                Ok(format!("Merged “{b}” into “{a}”"))
            }
            Command::SplitAlias(form) => {
                let mut decisions = self.project.decisions.clone();
                decisions.aliases.push(AliasDecision::Split(form.clone()));
                self.apply("Split entity", Edit::SetDecisions(decisions));
                Ok(format!("“{form}” is now an entity of its own"))
            }
            Command::MergeEvents(a, b) => {
                if a == b {
                    return Err("pick two different events to merge".into());
                }
                self.push_event_decision("Merge events", EventDecision::Merge(a, b));
                Ok("Merged the events".into())
            }
            Command::SplitEvent(key) => {
                self.push_event_decision("Split event", EventDecision::Split(key));
                Ok("The mention is now an event of its own".into())
            }
            Command::RenameEvent(key, label) => {
                let label = label.trim().to_owned();
                let message = if label.is_empty() {
                    "The event has its automatic name again".to_owned()
                } else {
                    format!("Event renamed “{label}”")
                };
                self.push_event_decision("Rename event", EventDecision::Rename(key, label));
                Ok(message)
            }
            Command::SetVerdict(key, verdict) => {
                let mut decisions = self.project.decisions.clone();
                if decisions.verdicts.get(&key) == Some(&verdict) {
                    return Ok(String::new());
                }
                let state = verdict.state.as_str();
                if verdict == Verdict::default() {
                    decisions.verdicts.remove(&key);
                } else {
                    decisions.verdicts.insert(key.clone(), verdict);
                }
                self.apply("Set verdict", Edit::SetDecisions(decisions));
                Ok(format!("{key}: {state}"))
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
                Ok(format!("{n} article(s) removed"))
            }
            Command::Undo => self
                .undo()
                .map(|l| format!("Undid: {l}"))
                .ok_or_else(|| "Nothing to undo".into()),
            Command::Redo => self
                .redo()
                .map(|l| format!("Redid: {l}"))
                .ok_or_else(|| "Nothing to redo".into()),
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
            .ok_or("the article text is not available")?
            .clone();
        let quoted = text
            .get(start..end)
            .filter(|q| !q.trim().is_empty())
            .ok_or("select some text of the article first")?;
        let value = quoted.trim().to_owned();
        let candidate = Candidate::new(start, end, kind, String::new(), value);
        let fact = self.fact_from(article, &text, candidate, Origin::Manual);
        let id = fact.id;
        self.apply("Add fact", Edit::InsertFacts(vec![fact]));
        self.project.view.selected_fact = Some(id);
        Ok(format!("Added {id}"))
    }

    fn set_published(&mut self, id: ArticleId, date: Option<NaiveDate>) -> Outcome {
        let article = self
            .project
            .article(id)
            .ok_or("that article no longer exists")?;
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
        Ok(match date {
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
    use crate::model::Provenance;
    use crate::workspace::PreparedArticle;

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
        assert!(ws.add_articles(prepared).is_empty());
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
        assert!(error.contains("outside the text"), "{error}");
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
            .unwrap();
        assert_eq!(said, format!("{} fact(s) marked confirmed", ids.len() - 1));
        let said = ws.execute(Command::DeleteFacts(ids.clone())).unwrap();
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
            .unwrap();
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
}
