//! Alias groups: the mentions of one entity across the articles of a dossier,
//! whatever the spelling (Zelensky / Zelenskyy), with or without a title or a
//! given name (Mr Medinsky, Vladimir Medinsky), while two people who share a
//! surname stay two. The analyst's merges and splits are applied last.

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

use crate::extract::words::strip_possessive;
use crate::model::{AliasDecision, ArticleId, FactId, FactKind, Project};

use super::names::{fold, name_words, same_given_name, same_word, skeleton};
use super::subnames::{self, GroupName};
use crate::model::attr;

/// One way an entity is written, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasForm {
    /// The text as written (possessive dropped).
    pub text: String,
    /// The articles that write it so.
    pub articles: Vec<ArticleId>,
    /// The facts that mention it (entity facts, and role facts for their holder).
    pub facts: Vec<FactId>,
}

/// One entity and all the ways the dossier writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasGroup {
    /// The name shown for the group (its most common full form).
    pub name: String,
    /// PER, ORG, LOC or MISC, by majority of its mentions.
    pub label: String,
    /// Its forms, most frequent first.
    pub forms: Vec<AliasForm>,
    /// The key the analyst's decisions use for this group (its name's key).
    pub key: String,
    /// True when a surname-only mention could belong to several people.
    pub ambiguous: bool,
}

impl AliasGroup {
    /// The articles that mention the entity.
    pub fn articles(&self) -> BTreeSet<ArticleId> {
        self.forms
            .iter()
            .flat_map(|f| f.articles.iter().copied())
            .collect()
    }
}

/// The alias groups of a project, with lookups from facts and names.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// The groups, largest first.
    pub groups: Vec<AliasGroup>,
    /// The group of each mentioning fact.
    pub fact_group: HashMap<FactId, usize>,
    /// The groups of each name key, with the articles where the key meant that group.
    key_groups: HashMap<String, Vec<(usize, BTreeSet<ArticleId>)>>,
    /// PER groups by the skeleton of their surname.
    surnames: HashMap<String, Vec<usize>>,
}

/// The key decisions and lookups use for a name: its folded words without titles.
pub fn name_key(name: &str) -> String {
    name_words(name).join(" ")
}

/// One mention of a name by one fact; text and label borrow from the
/// project, the key from the table of keys (one per distinct text).
struct Mention<'a> {
    fact: FactId,
    article: ArticleId,
    /// Where it is in its article (byte offset).
    start: usize,
    text: &'a str,
    key: &'a str,
    label: &'a str,
}

impl Aliases {
    /// Groups the entity mentions of `project`, then applies the analyst's decisions.
    pub fn build(project: &Project) -> Self {
        let named = named_facts(project);
        let mut keys: HashMap<&str, String> = HashMap::default();
        for (_, _, _, text, _) in &named {
            if !keys.contains_key(text) {
                keys.insert(text, name_key(text));
            }
        }
        let mentions: Vec<Mention> = named
            .iter()
            .filter_map(|&(fact, article, start, text, label)| {
                let key = keys.get(text)?.as_str();
                (!key.is_empty()).then_some(Mention {
                    fact,
                    article,
                    start,
                    text,
                    key,
                    label,
                })
            })
            .collect();
        let keys = key_stats(&mentions);
        let mut grouping = Grouping::default();
        let mut order: Vec<&String> = keys.keys().collect();
        order.sort_by_key(|k| {
            let s = &keys[*k];
            (s.words.len() < 2, std::cmp::Reverse(s.count), (*k).clone())
        });
        let mut assignment: Vec<usize> = vec![usize::MAX; mentions.len()];
        for key in order {
            let stats = &keys[key];
            let full = (stats.words.len() >= 2 || stats.label != "PER")
                .then(|| grouping.place_full(key, stats))
                .flatten();
            if let Some(g) = full {
                for &m in &stats.mentions {
                    assignment[m] = g;
                    grouping.articles[g].insert(mentions[m].article);
                    let first = grouping
                        .introduced
                        .entry((g, mentions[m].article))
                        .or_insert(usize::MAX);
                    *first = (*first).min(mentions[m].start);
                }
                continue;
            }
            grouping.place_short(key, stats, &mentions, &mut assignment);
        }
        join_short_forms(&grouping, &keys, &mentions, &mut assignment);
        for decision in &project.decisions.aliases {
            apply_decision(decision, &mentions, &mut assignment, &mut grouping);
        }
        finish(mentions, assignment, grouping.groups.len(), &grouping)
    }

    /// The group a name written in `article` refers to, if the dossier knows it.
    pub fn resolve(&self, name: &str, article: ArticleId) -> Option<usize> {
        let key = name_key(name);
        if let Some(groups) = self.key_groups.get(&key) {
            return pick_in_article(groups, article);
        }
        let words: Vec<&str> = key.split(' ').collect();
        let surname = words.last()?;
        let candidates: Vec<usize> = self
            .surnames
            .get(&skeleton(surname))
            .into_iter()
            .flatten()
            .copied()
            .filter(|g| {
                let group_key = &self.groups[*g].key;
                group_key
                    .rsplit(' ')
                    .next()
                    .is_some_and(|s| same_word(s, surname))
                    && (words.len() == 1
                        || group_key
                            .split(' ')
                            .next()
                            .is_some_and(|f| same_given_name(f, words[0])))
            })
            .collect();
        match candidates.as_slice() {
            [only] => Some(*only),
            _ => candidates
                .iter()
                .copied()
                .find(|g| self.groups[*g].articles().contains(&article)),
        }
    }
}

fn pick_in_article(groups: &[(usize, BTreeSet<ArticleId>)], article: ArticleId) -> Option<usize> {
    match groups {
        [(only, _)] => Some(*only),
        _ => groups
            .iter()
            .find(|(_, articles)| articles.contains(&article))
            .or(groups.first())
            .map(|(g, _)| *g),
    }
}

/// Entity facts, and role facts for their holder, that are not rejected:
/// fact, article, position, name as written and label.
fn named_facts(project: &Project) -> Vec<(FactId, ArticleId, usize, &str, &str)> {
    let mut out = Vec::new();
    for fact in project.live_facts() {
        let (text, label) = match fact.kind {
            FactKind::Entity => {
                // As written (curly apostrophes kept), unless the text runs over lines.
                let written = !fact.text.contains(['\n', '\r', '\t']) && !fact.text.contains("  ");
                let name = if written || fact.value.is_empty() {
                    &fact.text
                } else {
                    &fact.value
                };
                (name.as_str(), fact.label.as_str())
            }
            FactKind::Role => match fact.attrs.get(attr::HOLDER) {
                Some(holder) => (holder.as_str(), "PER"),
                None => continue,
            },
            _ => continue,
        };
        out.push((
            fact.id,
            fact.article,
            fact.start,
            strip_possessive(text.trim()),
            label,
        ));
    }
    out
}

/// What is known about one name key.
struct KeyStats {
    words: Vec<String>,
    label: String,
    count: usize,
    mentions: Vec<usize>,
}

fn key_stats(mentions: &[Mention]) -> BTreeMap<String, KeyStats> {
    let mut votes: HashMap<&str, BTreeMap<&str, usize>> = HashMap::default();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        *votes.entry(m.key).or_default().entry(m.label).or_default() += 1;
        by_key.entry(m.key).or_default().push(i);
    }
    by_key
        .into_iter()
        .map(|(key, list)| {
            let stats = KeyStats {
                words: key.split(' ').map(str::to_owned).collect(),
                label: majority(&votes[key]),
                count: list.len(),
                mentions: list,
            };
            (key.to_owned(), stats)
        })
        .collect()
}

/// The label with most votes; PER wins ties, as a person is the costlier miss.
fn majority(votes: &BTreeMap<&str, usize>) -> String {
    votes
        .iter()
        .max_by_key(|(label, n)| (**n, **label == "PER"))
        .map(|(l, _)| (*l).to_owned())
        .unwrap_or_default()
}

/// Groups being built: each group's keys, and indexes to find candidates fast.
#[derive(Default)]
struct Grouping {
    /// Per group: the key it was founded with.
    groups: Vec<String>,
    /// PER groups with a full name, by surname skeleton.
    surnames: HashMap<String, Vec<usize>>,
    /// Other groups by the skeleton of their whole key.
    wholes: HashMap<String, Vec<usize>>,
    /// The articles each group is mentioned in so far.
    articles: Vec<BTreeSet<ArticleId>>,
    /// Groups of a lone surname that several people in the dossier share.
    ambiguous: BTreeSet<usize>,
    /// Where each group's full name first appears in each article.
    introduced: HashMap<(usize, ArticleId), usize>,
}

impl Grouping {
    fn new_group(&mut self, key: &str) -> usize {
        self.groups.push(key.to_owned());
        self.articles.push(BTreeSet::new());
        self.groups.len() - 1
    }

    /// Places a full name (or a non-person name); `None` for a lone person word to place per mention.
    fn place_full(&mut self, key: &str, stats: &KeyStats) -> Option<usize> {
        let words = &stats.words;
        if stats.label == "PER" && words.len() >= 2 {
            let surname = words.last()?;
            let bucket = skeleton(surname);
            let found = self.surnames.get(&bucket).and_then(|gs| {
                gs.iter().copied().find(|g| {
                    let gw: Vec<&str> = self.groups[*g].split(' ').collect();
                    gw.last().is_some_and(|s| same_word(s, surname))
                        && same_given_name(gw[0], &words[0])
                })
            });
            let g = match found {
                Some(g) => g,
                None => {
                    let g = self.new_group(key);
                    self.surnames.entry(bucket).or_default().push(g);
                    g
                }
            };
            return Some(g);
        }
        let whole = format!("{} {}", stats.label, whole_skeleton(words));
        let found = self.wholes.get(&whole).and_then(|gs| {
            gs.iter().copied().find(|g| {
                let gw: Vec<&str> = self.groups[*g].split(' ').collect();
                gw.len() == words.len() && gw.iter().zip(words).all(|(a, b)| same_word(a, b))
            })
        });
        if found.is_none() && words.len() == 1 && !self.person_surname(&words[0]).is_empty() {
            return None;
        }
        let g = found.unwrap_or_else(|| {
            let g = self.new_group(key);
            self.wholes.entry(whole).or_default().push(g);
            g
        });
        Some(g)
    }

    /// PER groups whose surname is spelled like `word`.
    fn person_surname(&self, word: &str) -> Vec<usize> {
        self.surnames
            .get(&skeleton(word))
            .into_iter()
            .flatten()
            .copied()
            .filter(|g| {
                self.groups[*g]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|s| same_word(s, word))
            })
            .collect()
    }

    /// Of several people of one surname in an article, the one whose full
    /// name the article gave last before `mention` (news names a person in
    /// full, then by surname); `None` when none was named before it.
    fn latest_introduced(&self, groups: &[usize], mention: &Mention) -> Option<usize> {
        groups
            .iter()
            .filter_map(|g| {
                let at = *self.introduced.get(&(*g, mention.article))?;
                (at < mention.start).then_some((at, *g))
            })
            .max()
            .map(|(_, g)| g)
    }

    /// Places each mention of a lone name: with the one person of that surname,
    /// or the one in the same article (the one named in full last before
    /// it, when several are), or in a group of its own marked ambiguous.
    fn place_short(
        &mut self,
        key: &str,
        stats: &KeyStats,
        mentions: &[Mention],
        assignment: &mut [usize],
    ) {
        let candidates = self.person_surname(&stats.words[0]);
        let mut own: Option<usize> = None;
        for &m in &stats.mentions {
            let chosen = match candidates.as_slice() {
                [only] => Some(*only),
                [] => None,
                many => {
                    let here: Vec<usize> = many
                        .iter()
                        .copied()
                        .filter(|g| self.articles[*g].contains(&mentions[m].article))
                        .collect();
                    match here.as_slice() {
                        [one] => Some(*one),
                        _ => self.latest_introduced(&here, &mentions[m]),
                    }
                }
            };
            assignment[m] = match chosen {
                Some(g) => g,
                None => *own.get_or_insert_with(|| {
                    let g = self.new_group(key);
                    let whole = format!("{} {}", stats.label, whole_skeleton(&stats.words));
                    self.wholes.entry(whole).or_default().push(g);
                    if candidates.len() > 1 {
                        self.ambiguous.insert(g);
                    }
                    g
                }),
            };
            self.articles[assignment[m]].insert(mentions[m].article);
        }
    }
}

fn whole_skeleton(words: &[String]) -> String {
    words
        .iter()
        .map(|w| skeleton(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins groups whose founding name is a part or a short form of another
/// group's (see [`subnames`](super::subnames)).
fn join_short_forms(
    grouping: &Grouping,
    keys: &BTreeMap<String, KeyStats>,
    mentions: &[Mention],
    assignment: &mut [usize],
) {
    let mut capitals = vec![false; grouping.groups.len()];
    let mut written: Vec<Option<&str>> = vec![None; grouping.groups.len()];
    let mut longest: Vec<&str> = grouping.groups.iter().map(String::as_str).collect();
    for (m, g) in mentions.iter().zip(assignment.iter()) {
        if *g < capitals.len() {
            capitals[*g] |= written_in_capitals(m.text);
            if m.key == grouping.groups[*g] {
                written[*g].get_or_insert(m.text);
            }
            if m.key.split(' ').count() > longest[*g].split(' ').count() {
                longest[*g] = m.key;
            }
        }
    }
    let names: Vec<GroupName> = grouping
        .groups
        .iter()
        .zip(longest)
        .zip(capitals)
        .zip(written)
        .map(|(((key, longest), capitals), text)| {
            let label = keys.get(key).map(|k| k.label.clone()).unwrap_or_default();
            // A body keeps the words a person's title would lose ("Foreign …").
            let words = match text {
                Some(text) if label != "PER" => fold(text).split(' ').map(str::to_owned).collect(),
                // A person by the fullest name the dossier gives them.
                _ => longest.split(' ').map(str::to_owned).collect(),
            };
            GroupName {
                words,
                label,
                capitals,
            }
        })
        .collect();
    let mut into: Vec<usize> = (0..names.len()).collect();
    for (from, to) in subnames::merges(&names) {
        into[from] = to;
    }
    for g in assignment.iter_mut() {
        while *g < into.len() && into[*g] != *g {
            *g = into[*g];
        }
    }
}

/// True for an acronym as written: two to six capital letters, dots allowed ("NTSB", "U.S.").
fn written_in_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// Applies one merge or split to the mention assignment.
fn apply_decision(
    decision: &AliasDecision,
    mentions: &[Mention],
    assignment: &mut [usize],
    grouping: &mut Grouping,
) {
    match decision {
        AliasDecision::Split(key) => {
            let g = grouping.new_group(key);
            for (a, m) in assignment.iter_mut().zip(mentions) {
                if m.key == key {
                    *a = g;
                }
            }
        }
        AliasDecision::Merge(a, b) => {
            let group_of = |key: &str, assignment: &[usize]| {
                assignment
                    .iter()
                    .zip(mentions)
                    .find(|(_, m)| m.key == key)
                    .map(|(g, _)| *g)
            };
            let (Some(ga), Some(gb)) = (group_of(a, assignment), group_of(b, assignment)) else {
                return;
            };
            if ga != gb {
                for g in assignment.iter_mut() {
                    if *g == gb {
                        *g = ga;
                    }
                }
            }
        }
    }
}

/// Turns the mention assignment into named groups with their forms.
fn finish(
    mentions: Vec<Mention>,
    assignment: Vec<usize>,
    n_groups: usize,
    grouping: &Grouping,
) -> Aliases {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_groups];
    for (m, g) in assignment.iter().enumerate() {
        if *g < n_groups {
            members[*g].push(m);
        }
    }
    let mut built: Vec<(AliasGroup, Vec<usize>)> = Vec::new();
    for (g, list) in members.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let mut forms: BTreeMap<&str, AliasForm> = BTreeMap::new();
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in &list {
            let mention = &mentions[m];
            let form = forms.entry(mention.text).or_insert_with(|| AliasForm {
                text: mention.text.to_owned(),
                articles: Vec::new(),
                facts: Vec::new(),
            });
            form.facts.push(mention.fact);
            form.articles.push(mention.article);
            *votes.entry(mention.label).or_default() += 1;
        }
        let mut forms: Vec<AliasForm> = forms.into_values().collect();
        for f in &mut forms {
            f.articles.sort_unstable();
            f.articles.dedup();
        }
        forms.sort_by(|a, b| {
            b.facts
                .len()
                .cmp(&a.facts.len())
                .then_with(|| a.text.cmp(&b.text))
        });
        let name = forms
            .iter()
            .filter(|f| f.text.split_whitespace().count() >= 2)
            .max_by_key(|f| (name_words(&f.text).len(), f.facts.len(), f.text.len()))
            .or(forms.first())
            .map(|f| f.text.clone())
            .unwrap_or_default();
        let ambiguous = grouping.ambiguous.contains(&g);
        let group = AliasGroup {
            key: name_key(&name),
            name,
            label: majority(&votes),
            forms,
            ambiguous,
        };
        built.push((group, list));
    }
    built.sort_by(|(a, la), (b, lb)| lb.len().cmp(&la.len()).then_with(|| a.name.cmp(&b.name)));
    let mut aliases = Aliases::default();
    aliases.fact_group.reserve(mentions.len());
    for (i, (group, list)) in built.into_iter().enumerate() {
        for &m in &list {
            let mention = &mentions[m];
            aliases.fact_group.insert(mention.fact, i);
            if !aliases.key_groups.contains_key(mention.key) {
                aliases
                    .key_groups
                    .insert(mention.key.to_owned(), Vec::new());
            }
            let Some(entry) = aliases.key_groups.get_mut(mention.key) else {
                continue;
            };
            match entry.iter_mut().find(|(g, _)| *g == i) {
                Some((_, articles)) => {
                    articles.insert(mention.article);
                }
                None => entry.push((i, BTreeSet::from([mention.article]))),
            }
        }
        if group.label == "PER"
            && let Some(surname) = group.key.rsplit(' ').next()
        {
            aliases
                .surnames
                .entry(skeleton(surname))
                .or_default()
                .push(i);
        }
        aliases.groups.push(group);
    }
    aliases
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::Fact;

    /// A project whose entity facts are (article, name, label), in order.
    fn project(names: &[(u64, &str, &str)]) -> Project {
        let mut project = Project::default();
        for (i, &(article, name, label)) in names.iter().enumerate() {
            let fact = Fact {
                id: FactId(100 + i as u64),
                article: ArticleId(article),
                start: i * 40,
                end: i * 40 + name.len(),
                ..Fact::for_test(FactKind::Entity, label, name, name, &[])
            };
            project.facts.insert(fact.id, Arc::new(fact));
        }
        project
    }

    /// The index of the group holding the first fact that writes `name`.
    fn group_of(aliases: &Aliases, project: &Project, name: &str) -> usize {
        let fact = project.facts.values().find(|f| f.text == name).unwrap();
        aliases.fact_group[&fact.id]
    }

    #[test]
    fn a_key_drops_titles_case_and_accents() {
        assert_eq!(
            name_key("Dr Ana Lívia Torres"),
            name_key("ana livia torres")
        );
        assert_ne!(name_key("Ana Torres"), name_key("Rui Torres"));
    }

    #[test]
    fn a_full_name_gathers_its_surname_and_titled_forms_across_articles() {
        let p = project(&[
            (1, "Ana Lívia Torres", "PER"),
            (1, "Torres", "PER"),
            (2, "Ana Livia Torres", "PER"),
            (2, "Ms Torres", "PER"),
            (2, "Port Authority of Vell", "ORG"),
        ]);
        let aliases = Aliases::build(&p);
        let torres = group_of(&aliases, &p, "Torres");
        assert_eq!(torres, group_of(&aliases, &p, "Ms Torres"));
        assert_eq!(torres, group_of(&aliases, &p, "Ana Livia Torres"));
        let group = &aliases.groups[torres];
        assert_eq!(group.label, "PER");
        assert_eq!(
            group.articles(),
            BTreeSet::from([ArticleId(1), ArticleId(2)])
        );
        assert_ne!(torres, group_of(&aliases, &p, "Port Authority of Vell"));
    }

    #[test]
    fn two_people_who_share_a_surname_stay_two() {
        let p = project(&[
            (1, "Ana Torres", "PER"),
            (1, "Rui Torres", "PER"),
            (2, "Ana Torres", "PER"),
        ]);
        let aliases = Aliases::build(&p);
        let ana = group_of(&aliases, &p, "Ana Torres");
        let rui = group_of(&aliases, &p, "Rui Torres");
        assert_ne!(ana, rui);
        assert_eq!(aliases.groups[ana].articles().len(), 2);
        assert_eq!(aliases.groups[rui].articles().len(), 1);
    }

    #[test]
    fn the_analysts_split_takes_a_form_out_of_its_group() {
        let mut p = project(&[(1, "Ana Torres", "PER"), (1, "Torres", "PER")]);
        let joined = Aliases::build(&p);
        assert_eq!(
            group_of(&joined, &p, "Torres"),
            group_of(&joined, &p, "Ana Torres")
        );
        p.decisions
            .aliases
            .push(AliasDecision::Split(name_key("Torres")));
        let split = Aliases::build(&p);
        assert_ne!(
            group_of(&split, &p, "Torres"),
            group_of(&split, &p, "Ana Torres")
        );
    }
}
