//! A generator of synthetic, news-like articles for benchmarks and stress
//! tests: deterministic (seeded), varied in structure and vocabulary, with
//! the kinds of facts real coverage carries (names with titles, places,
//! dates absolute and relative, counts, quotes with speakers).

use crate::model::{
    Anchor, Article, ArticleId, DateOrigin, Fact, FactId, FactKind, Origin, Project, Reliability,
    Status,
};

/// A small, fast, seeded pseudo-random generator (xorshift64*), so corpora
/// are the same on every machine.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next raw value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Rustem", "Vladimir", "Maria", "Olena", "Sergei", "Andriy", "Fatima", "James", "Li",
    "Ahmed", "Sofia", "Dmitry", "Ingrid", "Carlos", "Yulia", "Hakan", "Priya", "Tomasz", "Grace",
];
const LAST: &[&str] = &[
    "Kovalenko",
    "Umerov",
    "Medinsky",
    "Petrova",
    "Shevchenko",
    "Lavrov",
    "Yermak",
    "Haddad",
    "Miller",
    "Wei",
    "Rahman",
    "Rossi",
    "Ivanov",
    "Larsen",
    "Mendes",
    "Tymoshenko",
    "Demir",
    "Sharma",
    "Nowak",
    "Okafor",
];
const TITLES: &[&str] = &[
    "Defence Minister",
    "Foreign Minister",
    "President",
    "spokesperson",
    "Prime Minister",
    "head of the delegation",
    "lead negotiator",
    "human rights ombudsman",
    "military analyst",
    "mayor",
];
const COUNTRIES: &[&str] = &[
    "Ukraine",
    "Russia",
    "Turkey",
    "Poland",
    "Germany",
    "France",
    "Qatar",
    "the United States",
    "Moldova",
    "Georgia",
];
const CITIES: &[&str] = &[
    "Kyiv", "Moscow", "Istanbul", "Warsaw", "Berlin", "Geneva", "Doha", "Odesa", "Kharkiv",
    "Ankara",
];
const ORGS: &[&str] = &[
    "the Ministry of Defence",
    "the Red Cross",
    "the United Nations",
    "the Security Service",
    "Reuters",
    "the Coordination Staff",
    "the European Commission",
    "NATO",
    "the Foreign Intelligence Service",
    "Amnesty International",
];
const NOUNS: &[&str] = &[
    "prisoners",
    "soldiers",
    "civilians",
    "bodies",
    "children",
    "trucks",
    "drones",
    "families",
    "detainees",
    "volunteers",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const RELATIVE: &[&str] = &[
    "yesterday",
    "last week",
    "earlier this month",
    "on Friday",
    "two days ago",
    "last month",
    "this week",
    "next week",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "announced",
    "confirmed",
    "stated",
    "added",
    "warned",
    "noted",
];
const TOPICS: &[&str] = &[
    "the exchange",
    "the talks",
    "the ceasefire",
    "the agreement",
    "the humanitarian corridor",
    "the negotiations",
];
const MODIFIERS: &[&str] = &[
    "about",
    "more than",
    "at least",
    "nearly",
    "up to",
    "some",
    "",
];

/// Fills one sentence of a randomly chosen shape.
fn sentence(rng: &mut Rng) -> String {
    let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let title = rng.pick(TITLES);
    let country = rng.pick(COUNTRIES);
    let city = rng.pick(CITIES);
    let org = rng.pick(ORGS);
    let noun = rng.pick(NOUNS);
    let month = rng.pick(MONTHS);
    let day = 1 + rng.below(28);
    let year = 2015 + rng.below(11);
    let weekday = rng.pick(WEEKDAYS);
    let relative = rng.pick(RELATIVE);
    let verb = rng.pick(VERBS);
    let topic = rng.pick(TOPICS);
    let modifier = rng.pick(MODIFIERS);
    let n = [12, 85, 205, 339, 1000, 1200, 6000, 25_000][rng.below(8)];
    let count = if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    };
    let space = if modifier.is_empty() { "" } else { " " };
    match rng.below(16) {
        0 => {
            format!("{country}'s {title} {person} {verb} on {weekday} that {topic} would go ahead.")
        }
        1 => format!(
            "Talks in {city} on {month} {day}, {year} ended without a deal, according to {org}."
        ),
        2 => format!("“We are ready to continue {topic},” {person} {verb} in {city}."),
        3 => format!(
            "{modifier}{space}{count} {noun} were returned {relative}, officials in {city} said."
        ),
        4 => format!("The {count}-for-{count} formula was first proposed in {month} {year}."),
        5 => format!("{person}, {title} of {country}, met representatives of {org} {relative}."),
        6 => format!(
            "Between {month} {day} and {}, {modifier}{space}{count} {noun} crossed into {country}.",
            day + 2
        ),
        7 => format!(
            "“This is not the end,” {person} {verb}. “It is the beginning of a long process.”"
        ),
        8 => format!("According to {org}, the figure may be closer to {count} {noun}."),
        9 => format!("Observers in {city} expect {topic} to resume within two weeks."),
        10 => format!("{org} has accused {country} of delaying {topic} for three months."),
        11 => format!("In early {year}, {person} described {topic} as ‘a matter of principle’."),
        12 => format!("The {title} arrived in {city} at 10:45 a.m. local time on {weekday}."),
        13 => format!(
            "Every week since {month}, families have gathered outside the {city} offices of {org}."
        ),
        14 => format!("{person} {verb} that {count} {noun} remain unaccounted for in {country}."),
        _ => format!(
            "The meeting, the first since {year}, lasted {} hours.",
            2 + rng.below(9)
        ),
    }
}

/// One article: a headline, an optional dateline, and 2–6 paragraphs.
pub fn article(rng: &mut Rng) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} and {} agree on {} in {}\n\n",
        rng.pick(COUNTRIES),
        rng.pick(COUNTRIES),
        rng.pick(TOPICS).trim_start_matches("the "),
        rng.pick(CITIES)
    ));
    for _ in 0..2 + rng.below(5) {
        let sentences: Vec<String> = (0..2 + rng.below(6)).map(|_| sentence(rng)).collect();
        out.push_str(&sentences.join(" "));
        out.push_str("\n\n");
    }
    out
}

/// `n` articles from `seed`, each with a file name.
pub fn corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| (format!("article_{i:05}.txt"), article(&mut rng)))
        .collect()
}

/// A project of `articles` articles with `facts` facts in all, made
/// directly (no files, no extraction), for table, save and analysis benchmarks.
pub fn project(articles: usize, facts: usize, seed: u64) -> Project {
    let mut rng = Rng::new(seed);
    let mut project = Project::default();
    for i in 0..articles {
        let id = ArticleId(project.allocate_id());
        project.articles.push(Article {
            id,
            path: format!("articles/article_{i:05}.txt"),
            path_bytes: None,
            title: format!(
                "{} talks resume in {}",
                rng.pick(COUNTRIES),
                rng.pick(CITIES)
            ),
            outlet: rng.pick(ORGS).trim_start_matches("the ").to_owned(),
            url: String::new(),
            published: chrono::NaiveDate::from_ymd_opt(
                2025,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            ),
            date_origin: DateOrigin::Manual,
            content_hash: format!("{:064x}", rng.next_u64()),
            reliability: Reliability::F,
            provenance: Default::default(),
        });
    }
    let ids: Vec<ArticleId> = project.articles.iter().map(|a| a.id).collect();
    for i in 0..facts {
        let kind = FactKind::ALL[rng.below(5)];
        let (text, label, value) = match kind {
            FactKind::Time => {
                let m = 1 + rng.below(12);
                let d = 1 + rng.below(28);
                (
                    format!("{} {d}", MONTHS[m - 1]),
                    "DATE".to_owned(),
                    format!("2025-{m:02}-{d:02}"),
                )
            }
            FactKind::Entity => {
                let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
                (name.clone(), "PER".to_owned(), name)
            }
            FactKind::Quantity => {
                let n = 100 * (1 + rng.below(60));
                (
                    format!("{n} {}", rng.pick(NOUNS)),
                    String::new(),
                    n.to_string(),
                )
            }
            _ => {
                let s = sentence(&mut rng);
                (s.clone(), String::new(), s)
            }
        };
        let start = 10 * rng.below(400);
        let fact = Fact {
            id: FactId(project.allocate_id()),
            article: ids[i % ids.len().max(1)],
            start,
            end: start + text.len(),
            text,
            kind,
            label,
            value,
            attrs: Default::default(),
            origin: Origin::Extracted(1),
            status: Status::ALL[rng.below(4)],
            note: String::new(),
            anchor: Anchor::Exact,
        };
        project.facts.insert(fact.id, std::sync::Arc::new(fact));
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_and_varied() {
        let a = corpus(50, 7);
        assert_eq!(a, corpus(50, 7));
        let distinct: std::collections::BTreeSet<&String> = a.iter().map(|(_, t)| t).collect();
        assert_eq!(distinct.len(), 50);
        let sentences: std::collections::BTreeSet<&str> =
            a.iter().flat_map(|(_, t)| t.split(". ")).collect();
        assert!(
            sentences.len() > 500,
            "{} distinct sentences",
            sentences.len()
        );
    }
}
