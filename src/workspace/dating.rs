//! Inferred publication dates: after every change to the articles (an
//! import, an added or removed article, a date set or cleared), each article
//! that states no date gets one proposed from the dossier
//! ([`crate::analysis::dating`]), stored as inferred, and its time
//! expressions are re-resolved against it. The proposal is part of the
//! change that caused it, so one undo takes both back; a date the analyst
//! sets (or a source states) replaces it.

use std::sync::Arc;

use super::Workspace;
use crate::analysis::dating::{self, OwnDates};
use crate::extract;
use crate::model::{Article, DateOrigin, Edit, FactKind};

impl Workspace {
    /// The edit that brings every inferred date up to date with the dossier
    /// as it is now; `None` when nothing changes.
    pub(super) fn dating_edit(&mut self) -> Option<Edit> {
        let stated: Vec<_> = self
            .project
            .articles
            .iter()
            .filter(|a| !a.date_origin.is_inferred())
            .filter_map(|a| a.published)
            .collect();
        let open: Vec<Article> = self
            .project
            .articles
            .iter()
            .filter(|a| a.published.is_none() || a.date_origin.is_inferred())
            .cloned()
            .collect();
        let mut edits = Vec::new();
        for article in open {
            let Some(text) = self.texts.get(&article.id).cloned() else {
                continue;
            };
            let own = self.own_dates(article.id, &text);
            let proposal = dating::propose(&stated, &own);
            let (published, date_origin) = match proposal {
                Some(p) => (Some(p.date), DateOrigin::Inferred(p.how)),
                None => (None, DateOrigin::Unknown),
            };
            if published == article.published && date_origin == article.date_origin {
                continue;
            }
            let times = extract::time::extract(&text, published);
            let id = article.id;
            edits.push(Edit::ReplaceArticle(Article {
                published,
                date_origin,
                ..article
            }));
            edits.push(self.extraction_edit(vec![(id, times)], Some(FactKind::Time)));
        }
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// The days an article's text names, read once per text.
    fn own_dates(&mut self, id: crate::model::ArticleId, text: &Arc<str>) -> Arc<OwnDates> {
        if let Some((seen, own)) = self.own_dates.get(&id)
            && Arc::ptr_eq(seen, text)
        {
            return own.clone();
        }
        let own = Arc::new(OwnDates::of(text));
        self.own_dates.insert(id, (text.clone(), own.clone()));
        own
    }
}
