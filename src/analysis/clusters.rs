//! Corroboration: facts that state the same thing in different articles
//! ("1,000 for 1,000", "1000-for-1000", "thousand-for-thousand") form one
//! cluster, counted by independent sources.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;

use crate::model::{ArticleId, Fact, FactId, FactKind, Project};

use super::aliases::Aliases;
use super::copies::Sources;
use super::names::fold;
use super::roles::role_key;
use super::words::singular;
use crate::model::attr;

/// Facts from one or more articles that state the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The kind of its facts.
    pub kind: FactKind,
    /// What they state, normalised ("1000 for 1000 (exchange)", "Vladimir Medinsky: head of …").
    pub value: String,
    /// Its facts, by article then position.
    pub facts: Vec<FactId>,
    /// The articles stating it.
    pub articles: Vec<ArticleId>,
    /// How many independent sources those articles are (copies count once).
    pub independent: usize,
}

/// All clusters of a project, with each fact's cluster.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Clusters, most corroborated first.
    pub list: Vec<Cluster>,
    /// The cluster of each fact that is a claim.
    pub fact_cluster: HashMap<FactId, usize>,
}

/// What a fact claims, as a key equal for facts that state the same thing,
/// and a value to show; `None` for facts that are not claims (entities).
pub fn claim_key(fact: &Fact, aliases: &Aliases, mirrored: bool) -> Option<(String, String)> {
    match fact.kind {
        FactKind::Quantity => {
            let unit = fact
                .attrs
                .get(attr::UNIT)
                .map(|u| singular(u))
                .unwrap_or_default();
            let formula = fact.attrs.get(attr::FORMULA).map(String::as_str);
            let shown = match (formula, unit.is_empty()) {
                (Some(f), _) => format!("{} ({f})", fact.value),
                (None, true) => fact.value.clone(),
                (None, false) => format!("{} {unit}", fact.value),
            };
            // Agreed terms meet whatever they count ("a 500-for-500 swap",
            // "500 prisoners from each side").
            let counted = if formula.is_some() { "" } else { unit.as_str() };
            Some((
                format!("q|{}|{}|{}", fact.value, counted, formula.unwrap_or("")),
                shown,
            ))
        }
        FactKind::Role => {
            let role = fact.attrs.get(attr::ROLE).map(|r| role_key(r))?;
            let group = aliases.fact_group.get(&fact.id)?;
            let holder = aliases.groups.get(*group)?.name.as_str();
            let shown_role = fact.attrs.get(attr::ROLE).map(String::as_str).unwrap_or("");
            Some((
                format!("r|{group}|{role}"),
                format!("{holder}: {shown_role}"),
            ))
        }
        FactKind::Quote if !mirrored => {
            let words = fold(&fact.value);
            (!words.is_empty()).then(|| (format!("s|{words}"), fact.value.clone()))
        }
        FactKind::Time if matches!(fact.label.as_str(), "DATE" | "TIME") => {
            let precise = fact.value.len() >= 7 && fact.value.as_bytes()[0].is_ascii_digit();
            precise.then(|| (format!("t|{}", fact.value), fact.value.clone()))
        }
        _ => None,
    }
}

/// Facts grouped by claim key: kind, value shown, facts.
type ByKey<'a> = HashMap<String, (FactKind, String, Vec<&'a Fact>)>;

/// A role stated without its country or body ("President Putin") joins the
/// same holder's role that names one ("President of Russia"), when there is
/// exactly one such role: both state the same thing.
fn merge_bare_titles(by_key: &mut ByKey<'_>) {
    let mut fuller: HashMap<String, Vec<String>> = HashMap::default();
    for key in by_key.keys().filter(|k| k.starts_with("r|")) {
        if let Some((bare, _)) = key.split_once(" of ") {
            fuller.entry(bare.to_owned()).or_default().push(key.clone());
        }
    }
    for (bare, targets) in fuller {
        let [target] = targets.as_slice() else {
            continue;
        };
        if let Some((_, _, facts)) = by_key.remove(&bare)
            && let Some(entry) = by_key.get_mut(target)
        {
            entry.2.extend(facts);
        }
    }
}

/// Groups the claims of `project` into clusters.
pub fn build(project: &Project, aliases: &Aliases, sources: &Sources) -> Clusters {
    let facts: Vec<&Fact> = project.live_facts().collect();
    let quantity_spans: HashSet<(ArticleId, usize, usize)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Quantity)
        .map(|f| (f.article, f.start, f.end))
        .collect();
    let keyed: Vec<(String, String, &Fact)> = facts
        .par_iter()
        .filter_map(|fact| {
            let mirrored = quantity_spans.contains(&(fact.article, fact.start, fact.end));
            claim_key(fact, aliases, mirrored).map(|(key, shown)| (key, shown, *fact))
        })
        .collect();
    let mut by_key: ByKey = HashMap::default();
    for (key, shown, fact) in keyed {
        by_key
            .entry(key)
            .or_insert_with(|| (fact.kind, shown, Vec::new()))
            .2
            .push(fact);
    }
    merge_bare_titles(&mut by_key);
    let mut list: Vec<Cluster> = by_key
        .into_values()
        .map(|(kind, value, mut facts)| {
            facts.sort_by_key(|f| (f.article, f.start));
            let mut articles: Vec<ArticleId> = facts.iter().map(|f| f.article).collect();
            articles.dedup();
            Cluster {
                kind,
                value,
                independent: sources.count(&articles),
                facts: facts.iter().map(|f| f.id).collect(),
                articles,
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.independent
            .cmp(&a.independent)
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.value.cmp(&b.value))
            .then_with(|| a.facts.cmp(&b.facts))
    });
    let fact_cluster = list
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.facts.iter().map(move |f| (*f, i)))
        .collect();
    Clusters { list, fact_cluster }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: FactKind, label: &str, value: &str, attrs: &[(&str, &str)]) -> Fact {
        Fact::for_test(kind, label, value, value, attrs)
    }

    fn key(f: &Fact) -> Option<String> {
        claim_key(f, &Aliases::default(), false).map(|(k, _)| k)
    }

    #[test]
    fn counts_of_one_unit_share_a_key_whatever_its_number() {
        let boats = fact(FactKind::Quantity, "COUNT", "12", &[("unit", "boats")]);
        let boat = fact(FactKind::Quantity, "COUNT", "12", &[("unit", "Boat")]);
        let crews = fact(FactKind::Quantity, "COUNT", "12", &[("unit", "crews")]);
        assert_eq!(key(&boats), key(&boat));
        assert_ne!(key(&boats), key(&crews));
        let shown = claim_key(&boats, &Aliases::default(), false).unwrap().1;
        assert_eq!(shown, "12 boat");
    }

    #[test]
    fn agreed_terms_meet_whatever_they_count() {
        let swap = |unit: &str| {
            fact(
                FactKind::Quantity,
                "COUNT",
                "50 for 50",
                &[("formula", "exchange"), ("unit", unit)],
            )
        };
        assert_eq!(key(&swap("detainees")), key(&swap("")));
        let shown = claim_key(&swap(""), &Aliases::default(), false).unwrap().1;
        assert_eq!(shown, "50 for 50 (exchange)");
    }

    #[test]
    fn only_precise_dates_and_quotes_outside_counts_are_claims() {
        let day = fact(FactKind::Time, "DATE", "2024-11-02", &[]);
        assert_eq!(key(&day).as_deref(), Some("t|2024-11-02"));
        assert_eq!(key(&fact(FactKind::Time, "DATE", "2024", &[])), None);
        assert_eq!(key(&fact(FactKind::Time, "DURATION", "P3D", &[])), None);
        let quote = fact(FactKind::Quote, "", "We will rebuild the pier", &[]);
        assert!(key(&quote).is_some());
        assert_eq!(claim_key(&quote, &Aliases::default(), true), None);
        assert_eq!(
            key(&fact(FactKind::Entity, "ORG", "Harbour Board", &[])),
            None
        );
    }

    #[test]
    fn a_bare_title_joins_the_one_fuller_title_of_its_holder() {
        let a = fact(FactKind::Role, "", "minister", &[]);
        let b = fact(FactKind::Role, "", "minister of fisheries", &[]);
        let mut by_key: ByKey = HashMap::default();
        by_key.insert(
            "r|0|minister".into(),
            (FactKind::Role, "x".into(), vec![&a]),
        );
        by_key.insert(
            "r|0|minister of fisheries".into(),
            (FactKind::Role, "y".into(), vec![&b]),
        );
        merge_bare_titles(&mut by_key);
        assert_eq!(by_key.len(), 1);
        assert_eq!(by_key["r|0|minister of fisheries"].2.len(), 2);
        // Two fuller titles: which one the bare title means is unknown.
        let c = fact(FactKind::Role, "", "minister of ports", &[]);
        by_key.insert(
            "r|0|minister".into(),
            (FactKind::Role, "x".into(), vec![&a]),
        );
        by_key.insert(
            "r|0|minister of ports".into(),
            (FactKind::Role, "z".into(), vec![&c]),
        );
        merge_bare_titles(&mut by_key);
        assert_eq!(by_key.len(), 3);
    }
}
