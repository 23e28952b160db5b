//! Names that are parts or short forms of another name in the dossier: a
//! person's compound surname or given name and surname ("Ruiz Ortega" and
//! "Lucia Ruiz" for "Lucia Ruiz Ortega"), the same words in another order,
//! a body's name without its leading place ("Harbour Tunnel" for "Eastport
//! Harbour Tunnel"), the same name spaced differently ("Euro News" /
//! "Euronews") and an acronym of a name written out ("NTSB"). Each merge
//! needs one candidate only: a short form that fits two names joins neither.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::names::{same_given_name, same_word, skeleton};

/// What the rules need to know of one alias group.
#[derive(Debug, Clone)]
pub struct GroupName {
    /// The folded words of the name the group was founded with.
    pub words: Vec<String>,
    /// PER, ORG, LOC or MISC.
    pub label: String,
    /// True when the dossier writes the name in capitals ("NTSB", "U.S.").
    pub capitals: bool,
}

/// Words an acronym skips.
const ACRONYM_SKIPS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "du", "la", "al",
];

/// The merges the rules find, as (group, group it joins), applied in order.
pub fn merges(groups: &[GroupName]) -> Vec<(usize, usize)> {
    let mut root: Vec<usize> = (0..groups.len()).collect();
    let places: Vec<&str> = groups
        .iter()
        .filter(|g| g.label == "LOC" && g.words.len() == 1)
        .map(|g| g.words[0].as_str())
        .collect();
    let names: HashSet<String> = groups.iter().map(|g| g.words.join(" ")).collect();
    let reduced: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| without_place(g, &places, &names))
        .collect();
    let mut out = Vec::new();
    let join = |a: usize, b: usize, root: &mut Vec<usize>, out: &mut Vec<(usize, usize)>| {
        let (ra, rb) = (find(root, a), find(root, b));
        if ra != rb {
            root[ra] = rb;
            out.push((ra, rb));
        }
    };
    let mut bodies: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, g) in groups.iter().enumerate() {
        let words = &reduced[i];
        for w in words {
            let list = by_word.entry(skeleton(w)).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
        if g.label == "PER" {
            continue;
        }
        let spelled: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
        for key in [
            format!("w {}", spelled.join(" ")),
            format!("c {}", words.concat()),
        ] {
            let list = bodies.entry(key).or_default();
            if let Some(&j) = list
                .iter()
                .find(|&&j| groups[j].label == g.label && same_body(words, &reduced[j]))
            {
                join(i, j, &mut root, &mut out);
            }
            list.push(i);
        }
        if words.len() >= 2 {
            by_initials.entry(initials(words)).or_default().push(i);
        }
    }
    for (i, g) in groups.iter().enumerate() {
        let Some(last) = reduced[i].last() else {
            continue;
        };
        let candidates = by_word
            .get(&skeleton(last))
            .into_iter()
            .flatten()
            .chain(by_initials.get(&g.words.concat()).into_iter().flatten());
        let mut target: Option<usize> = None;
        let mut several = false;
        for &j in candidates {
            let (ri, rj) = (find(&mut root, i), find(&mut root, j));
            if ri == rj || !short_form_of(g, &reduced[i], &groups[j], &reduced[j]) {
                continue;
            }
            match target {
                Some(t) if t != rj => {
                    several = true;
                    break;
                }
                _ => target = Some(rj),
            }
        }
        if let (Some(t), false) = (target, several) {
            join(i, t, &mut root, &mut out);
        }
    }
    out
}

fn find(root: &mut [usize], mut i: usize) -> usize {
    while root[i] != i {
        root[i] = root[root[i]];
        i = root[i];
    }
    i
}

/// A body's words without a leading place of the dossier, when the rest
/// is itself a name the dossier uses ("Eastport Harbour Tunnel" and
/// "Harbour Tunnel").
fn without_place<'a>(
    group: &'a GroupName,
    places: &[&str],
    names: &HashSet<String>,
) -> Vec<&'a str> {
    let mut words: Vec<&str> = group.words.iter().map(String::as_str).collect();
    if group.label != "PER"
        && words.len() > 2
        && places.contains(&words[0])
        && names.contains(&words[1..].join(" "))
    {
        words.remove(0);
    }
    words
}

/// True when two bodies' names are the same name: the same words, or the
/// same letters spaced differently.
fn same_body(a: &[&str], b: &[&str]) -> bool {
    let same_words = a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x, y));
    same_words || (a.len() != b.len() && a.concat() == b.concat() && a.concat().len() >= 6)
}

/// True when `short` is a part or a short form of `long`.
fn short_form_of(short: &GroupName, s: &[&str], long: &GroupName, l: &[&str]) -> bool {
    match (short.label.as_str(), long.label.as_str()) {
        ("PER", "PER") => part_of_person(s, l),
        ("PER", _) | (_, "PER") => false,
        _ => {
            let suffix =
                short.label == long.label && s.len() >= 2 && s.len() < l.len() && ends_with(l, s);
            suffix || acronym_of(short, l)
        }
    }
}

/// A person's name within a longer one: its last words ("Ruiz Ortega"), its
/// first words ("Lucia Maria"), the given name with a later surname ("Lucia
/// Ortega"), or the same two words reversed.
fn part_of_person(s: &[&str], l: &[&str]) -> bool {
    if s.len() < 2 {
        return false;
    }
    if s.len() == 2 && l.len() == 2 {
        return same_word(s[0], l[1]) && same_word(s[1], l[0]);
    }
    if s.len() >= l.len() {
        return false;
    }
    if ends_with(l, s) {
        return true;
    }
    if !same_given_name(s[0], l[0]) {
        return false;
    }
    let mut at = 1;
    for w in &s[1..] {
        match l[at..].iter().position(|x| same_word(x, w)) {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    true
}

fn ends_with(long: &[&str], short: &[&str]) -> bool {
    long.len() >= short.len()
        && long[long.len() - short.len()..]
            .iter()
            .zip(short)
            .all(|(a, b)| same_word(a, b))
}

/// True when `short` is written in capitals and spells the initials of `long`.
fn acronym_of(short: &GroupName, long: &[&str]) -> bool {
    if !short.capitals || short.words.len() != 1 || long.len() < 2 {
        return false;
    }
    let acronym = &short.words[0];
    (2..=6).contains(&acronym.chars().count()) && initials(long) == *acronym
}

/// The first letters of a name's words, skipping "of", "the" and the like.
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !ACRONYM_SKIPS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str, label: &str) -> GroupName {
        GroupName {
            words: name.split(' ').map(str::to_owned).collect(),
            label: label.to_owned(),
            capitals: name.len() <= 6 && !name.contains(' '),
        }
    }

    fn merged(names: &[(&str, &str)]) -> Vec<(String, String)> {
        let groups: Vec<GroupName> = names.iter().map(|(n, l)| group(n, l)).collect();
        merges(&groups)
            .into_iter()
            .map(|(a, b)| (names[a].0.to_owned(), names[b].0.to_owned()))
            .collect()
    }

    #[test]
    fn parts_of_a_persons_name_join_the_full_name() {
        let found = merged(&[
            ("lucia maria ruiz ortega", "PER"),
            ("ruiz ortega", "PER"),
            ("lucia ruiz", "PER"),
            ("ortega lucia", "PER"),
        ]);
        assert!(found.contains(&("ruiz ortega".into(), "lucia maria ruiz ortega".into())));
        assert!(found.contains(&("lucia ruiz".into(), "lucia maria ruiz ortega".into())));
    }

    #[test]
    fn a_short_form_that_fits_two_people_joins_neither() {
        let found = merged(&[
            ("ana ruiz ortega", "PER"),
            ("pablo ruiz ortega", "PER"),
            ("ruiz ortega", "PER"),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn bodies_join_without_their_leading_place_and_by_acronym() {
        let found = merged(&[
            ("eastport", "LOC"),
            ("eastport harbour tunnel", "LOC"),
            ("harbour tunnel", "LOC"),
            ("national rail safety board", "ORG"),
            ("nrsb", "ORG"),
            ("euro news", "ORG"),
            ("euronews", "ORG"),
        ]);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.contains(&("nrsb".into(), "national rail safety board".into())));
    }

    #[test]
    fn different_bodies_stay_apart() {
        let found = merged(&[
            ("north harbour tunnel", "LOC"),
            ("south harbour tunnel", "LOC"),
            ("harbour tunnel", "LOC"),
            ("tunnel", "LOC"),
            ("naval research board", "ORG"),
            ("national rail safety board", "ORG"),
            ("nrsb", "PER"),
            ("westport", "LOC"),
            ("westport signal tower", "LOC"),
            ("eastport signal tower", "LOC"),
            ("ukrainian", "MISC"),
            ("ukraine", "LOC"),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
