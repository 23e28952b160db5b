//! Forms a person takes in running text beyond the entity facts: the name
//! with the title written before it ("President Ana Ruiz", "the Rev. Ben
//! Ode"), and a definite description by a role that only one person of the
//! dossier holds ("the mayor", when the dossier names one mayor). The
//! analyst sees them among the person's forms, with their sources.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{ArticleId, FactId, FactKind, Project};

use super::aliases::{AliasForm, Aliases};
use super::names::{fold, is_title};
use crate::model::attr;

/// Adds titled forms and role descriptions to the person groups of `aliases`.
pub fn add_forms(aliases: &mut Aliases, project: &Project, texts: &HashMap<ArticleId, &str>) {
    let mut found: Vec<(usize, String, ArticleId, Option<FactId>)> = Vec::new();
    for (g, group) in aliases.groups.iter().enumerate() {
        if group.label != "PER" {
            continue;
        }
        for form in &group.forms {
            for id in &form.facts {
                let Some(fact) = project.fact(*id) else {
                    continue;
                };
                let Some(text) = texts.get(&fact.article) else {
                    continue;
                };
                if let Some(titled) = titled(text, fact.start, fact.end) {
                    found.push((g, titled, fact.article, Some(*id)));
                }
            }
        }
    }
    let roles = sole_holders(aliases, project);
    if !roles.is_empty() {
        let firsts: HashSet<&str> = roles.keys().filter_map(|r| r.split(' ').next()).collect();
        for (article, text) in texts {
            for (g, said) in descriptions(text, &roles, &firsts) {
                found.push((g, said, *article, None));
            }
        }
    }
    for (g, text, article, fact) in found {
        let forms = &mut aliases.groups[g].forms;
        let i = match forms.iter().position(|f| f.text == text) {
            Some(i) => i,
            None => {
                forms.push(AliasForm {
                    text,
                    articles: Vec::new(),
                    facts: Vec::new(),
                });
                forms.len() - 1
            }
        };
        let form = &mut forms[i];
        if !form.articles.contains(&article) {
            form.articles.push(article);
            form.articles.sort_unstable();
        }
        if let Some(id) = fact.filter(|id| !form.facts.contains(id)) {
            form.facts.push(id);
        }
    }
}

/// The name at `start..end` of `text` with the title words written before it
/// ("President", "Gov.", "the Rev."), when there are any.
fn titled(text: &str, start: usize, end: usize) -> Option<String> {
    let mut from = start;
    let mut reverend = false;
    loop {
        let head = text.get(..from)?.strip_suffix(' ')?;
        let word_start = head
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, ' ' | '\n' | '(' | '“' | '"'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &head[word_start..];
        let folded = fold(word);
        let capital = word.starts_with(|c: char| c.is_uppercase());
        if capital && is_title(&folded) {
            reverend = matches!(folded.as_str(), "rev" | "reverend");
            from = word_start;
            continue;
        }
        if reverend && folded == "the" {
            from = word_start;
        }
        break;
    }
    (from < start).then(|| {
        text[from..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Roles (lower case, one to three words) that one person group alone holds.
fn sole_holders(aliases: &Aliases, project: &Project) -> HashMap<String, usize> {
    let mut holders: HashMap<String, Vec<usize>> = HashMap::default();
    for fact in project.live_facts().filter(|f| f.kind == FactKind::Role) {
        let (Some(role), Some(g)) = (fact.attrs.get(attr::ROLE), aliases.fact_group.get(&fact.id))
        else {
            continue;
        };
        let role = role.to_lowercase();
        let words = role.split_whitespace().count();
        if !(1..=3).contains(&words) || role.contains(['.', ',']) {
            continue;
        }
        let list = holders.entry(role).or_default();
        if !list.contains(g) {
            list.push(*g);
        }
    }
    holders
        .into_iter()
        .filter_map(|(role, gs)| (gs.len() == 1).then(|| (role, gs[0])))
        .collect()
}

/// "the governor" in `text` for a role one group alone holds, not followed by
/// a name (then it is a title): the group and the words as written.
fn descriptions(
    text: &str,
    roles: &HashMap<String, usize>,
    firsts: &HashSet<&str>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("he ") {
        let first = text[at + 3..]
            .split([' ', '\n'])
            .next()
            .unwrap_or("")
            .trim_end_matches([',', '.', ';', ':', '’', '\'', '"', '”']);
        if !firsts.contains(first) {
            continue;
        }
        let Some(the) = at
            .checked_sub(1)
            .filter(|&t| matches!(text.get(t..at), Some("t" | "T")))
        else {
            continue;
        };
        if the > 0
            && text[..the]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let rest = &text[at + 3..];
        let phrase: Vec<&str> = rest
            .split([' ', '\n'])
            .take(3)
            .map(|w| w.trim_end_matches([',', '.', ';', ':', '’', '\'', '"', '”']))
            .collect();
        for n in (1..=phrase.len()).rev() {
            let role = phrase[..n].join(" ");
            if role.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            let Some(g) = roles.get(&role) else {
                continue;
            };
            let end = at + 3 + role.len();
            let next = text[end..].trim_start_matches([' ']);
            let named_after =
                text[end..].starts_with(' ') && next.starts_with(|c: char| c.is_uppercase());
            if !named_after {
                out.push((*g, text[the..end].to_owned()));
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_before_a_name_make_a_titled_form() {
        let text = "On Friday President Ana Ruiz spoke, and the Rev. Ben Ode prayed. Ben Ode left.";
        let at = |name: &str| {
            let s = text.find(name).unwrap();
            (s, s + name.len())
        };
        let (s, e) = at("Ana Ruiz");
        assert_eq!(titled(text, s, e).as_deref(), Some("President Ana Ruiz"));
        let (s, e) = at("Ben Ode");
        assert_eq!(titled(text, s, e).as_deref(), Some("the Rev. Ben Ode"));
        let last = text.rfind("Ben Ode").unwrap();
        assert_eq!(titled(text, last, last + 7), None);
    }

    #[test]
    fn a_role_one_person_holds_describes_them() {
        let roles: HashMap<String, usize> = [("mayor".to_owned(), 4)].into_iter().collect();
        let firsts: HashSet<&str> = ["mayor"].into_iter().collect();
        let found = descriptions(
            "The mayor spoke. Later the mayor Ana Ruiz left. Then the mayors met. Other mayor.",
            &roles,
            &firsts,
        );
        assert_eq!(found, [(4, "The mayor".to_owned())]);
    }
}
