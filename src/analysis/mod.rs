//! Analysis over the whole project: the timeline layout, and the comparison
//! of sources (alias groups, copies, corroboration, contradictions and
//! single-source claims) that the Compare panel and `dossier report` show.

pub mod aliases;
pub mod claims;
pub mod clusters;
pub mod contradictions;
pub mod copies;
pub mod dating;
pub mod descriptions;
pub mod events;
pub mod keys;
pub mod names;
pub mod roles;
pub mod sentences;
pub mod similarity;
pub mod single;
pub mod stories;
pub mod subnames;
pub mod timeline;
pub mod words;

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::{ArticleId, Project};

pub use aliases::{AliasForm, AliasGroup, Aliases};
pub use claims::{ClaimGroup, Nature};
pub use clusters::{Cluster, Clusters};
pub use contradictions::{Claim, Contradiction, ContradictionKind};
pub use copies::Sources;
pub use events::{Event, EventMention, Events};
pub use sentences::ArticleText;
pub use similarity::Profiles;
pub use single::SingleClaim;

/// Everything the comparison of sources found, computed in one pass.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Entities and their spellings across articles.
    pub aliases: Aliases,
    /// Which articles are copies of one another.
    pub sources: Sources,
    /// The happenings the articles report, each with its mentions.
    pub events: Events,
    /// Facts stated by several articles.
    pub clusters: Clusters,
    /// Slots filled with incompatible values by different sources.
    pub contradictions: Vec<Contradiction>,
    /// Ages, sizes and tallies, each value with every source stating it.
    pub claim_groups: Vec<ClaimGroup>,
    /// Claims only one independent source makes.
    pub single_source: Vec<SingleClaim>,
}

impl Comparison {
    /// Compares the articles of `project`, whose texts are looked up in `texts`
    /// (articles without a text, such as missing files, are compared by their facts only).
    pub fn run(project: &Project, texts: &HashMap<ArticleId, std::sync::Arc<str>>) -> Self {
        let present: Vec<(ArticleId, &str)> = project
            .articles
            .iter()
            .filter_map(|a| texts.get(&a.id).map(|t| (a.id, t.as_ref())))
            .collect();
        let text_of: FxHashMap<ArticleId, &str> = present.iter().copied().collect();
        // The alias groups and the forms descriptions add to them are one
        // serial chain; the reading of the texts runs beside it.
        let (aliases, ((article_texts, profiles), sources)) = rayon::join(
            || {
                let mut aliases = Aliases::build(project);
                descriptions::add_forms(&mut aliases, project, &text_of);
                aliases
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || {
                                present
                                    .par_iter()
                                    .map(|(id, text)| ArticleText::new(*id, text))
                                    .collect::<Vec<_>>()
                            },
                            || Profiles::build(&present),
                        )
                    },
                    || copies::detect(&present),
                )
            },
        );
        let by_id: FxHashMap<ArticleId, &ArticleText<'_>> =
            article_texts.iter().map(|t| (t.id, t)).collect();
        let ((events, findings), (clusters, (mut contradictions, single_source))) = rayon::join(
            || {
                rayon::join(
                    || Events::build(project, &aliases, &profiles),
                    || claims::find(project, &by_id, &aliases, &sources),
                )
            },
            || {
                let clusters = clusters::build(project, &aliases, &sources);
                let rest = rayon::join(
                    || contradictions::find(project, &by_id, &aliases, &sources),
                    || single::find(project, &article_texts, &clusters, &sources),
                );
                (clusters, rest)
            },
        );
        contradictions.extend(findings.contradictions);
        let mut single_source = single_source;
        single_source.extend(single::events(&events, &by_id, &sources));
        single::order(&mut single_source);
        Comparison {
            aliases,
            sources,
            events,
            clusters,
            contradictions,
            claim_groups: findings.claim_groups,
            single_source,
        }
    }

    /// How many independent sources state the claim of this fact, if it is
    /// one (for an event mention: how many tell of its event).
    pub fn corroboration(&self, fact: crate::model::FactId) -> Option<usize> {
        if let Some(event) = self.events.fact_event.get(&fact) {
            return Some(self.sources.count(&self.events.list[*event].articles));
        }
        let cluster = self.clusters.fact_cluster.get(&fact)?;
        Some(self.clusters.list[*cluster].independent)
    }
}
