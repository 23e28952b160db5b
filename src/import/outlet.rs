//! Telling an outlet's name from the rest of a page's top and bottom lines:
//! news agencies named in datelines and header lines, site names written as
//! a bare domain, and what must never be taken for an outlet (a photo
//! credit, a licence link, a sentence).

/// News agencies, as datelines and bylines write them. Names of capitals
/// only (`AFP`, `IANS`) must match in capitals; the others match in any case.
const AGENCIES: &[&str] = &[
    "Agence France-Presse",
    "Associated Press",
    "Press Trust of India",
    "Anadolu Agency",
    "Canadian Press",
    "Europa Press",
    "Prensa Latina",
    "PA Media",
    "RIA Novosti",
    "Reuters",
    "Xinhua",
    "Interfax",
    "Ukrinform",
    "Anadolu",
    "Kyodo",
    "Yonhap",
    "Bernama",
    "Antara",
    "Bloomberg",
    "Agerpres",
    "Notimex",
    "Tasnim",
    "Belga",
    "Ritzau",
    "AFP",
    "AP",
    "UNN",
    "TASS",
    "PTI",
    "ANI",
    "IANS",
    "dpa",
    "EFE",
    "ANSA",
    "AAP",
    "UPI",
    "PAP",
    "CTK",
    "BTA",
    "MTI",
    "ANP",
    "IRNA",
    "KUNA",
    "WAFA",
    "Lusa",
    "Jiji",
];

/// Hosts of licences, photo libraries and social networks: a link to them is
/// a credit or a share button, not the article's address or outlet.
const CREDIT_HOSTS: &[&str] = &[
    "twitter.com",
    "x.com",
    "facebook.com",
    "instagram.com",
    "t.me",
    "telegram.me",
    "tiktok.com",
    "linkedin.com",
    "whatsapp.com",
    "creativecommons.org",
    "gnu.org",
    "opensource.org",
    "opendatacommons.org",
    "wikimedia.org",
    "flickr.com",
    "unsplash.com",
    "gettyimages.com",
    "shutterstock.com",
    "apimages.com",
    "pexels.com",
    "pixabay.com",
];

/// Words that mark a line as a picture credit or a licence notice.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "picture",
    "credit",
    "credits",
    "courtesy",
    "licence",
    "license",
    "licensed",
    "copyright",
    "©",
    "cc",
];

/// Lower-case words a multi-word outlet name may hold ("Times of India", "El País").
const CONNECTIVES: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "&", "de", "du", "des", "la", "le", "el", "del",
    "der", "die", "das", "di", "da", "do", "y", "et", "und",
];

/// The most words an outlet name has; longer is a clause.
const MAX_OUTLET_WORDS: usize = 6;

/// The most characters an outlet name has.
const MAX_OUTLET_CHARS: usize = 60;

/// The agency `s` names exactly (after trimming), if any.
pub(crate) fn agency(s: &str) -> Option<&'static str> {
    let s = s.trim();
    AGENCIES
        .iter()
        .find(|name| same_agency_name(name, s))
        .copied()
}

/// The agency `line` starts with, followed by a word boundary, if any.
pub(crate) fn agency_at_start(line: &str) -> Option<&'static str> {
    AGENCIES.iter().copied().find(|name| {
        let Some(head) = line.get(..name.len()) else {
            return false;
        };
        let boundary = !line[name.len()..].starts_with(|c: char| c.is_alphanumeric());
        boundary && same_agency_name(name, head)
    })
}

/// Whether `written` is the agency `name`: exactly for names in capitals, in any case otherwise.
fn same_agency_name(name: &str, written: &str) -> bool {
    let capitals = name.chars().all(|c| !c.is_lowercase());
    if capitals {
        name == written
    } else {
        name.eq_ignore_ascii_case(written)
    }
}

/// Whether `s` reads as an outlet's name: a bare domain, or a short name
/// whose words are capitalised (connectives apart), not a clause, a credit
/// or a licence.
pub(crate) fn is_outlet_name(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > MAX_OUTLET_CHARS {
        return false;
    }
    if is_domain(s) {
        return !is_credit_host(s);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let sentence_marks = s.contains(['!', '?', ';', ':', '“', '"']) || s.contains(". ");
    let capitalised = words.iter().enumerate().all(|(i, word)| {
        let first = word.chars().find(|c| c.is_alphanumeric());
        match first {
            None => true,
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
            Some(_) => i > 0 && CONNECTIVES.contains(&word.to_lowercase().as_str()),
        }
    });
    words.len() <= MAX_OUTLET_WORDS && !sentence_marks && capitalised && !is_credit_line(s)
}

/// Whether `s` is a bare domain name such as `example-news.co.uk`.
pub(crate) fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    let top = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && top.len() >= 2
        && top.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether `host` belongs to a licence, a photo library or a social network (or one of their subdomains).
pub(crate) fn is_credit_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    CREDIT_HOSTS
        .iter()
        .any(|credit| host == *credit || host.ends_with(&format!(".{credit}")))
}

/// Whether `line` is a picture credit or a licence notice.
pub(crate) fn is_credit_line(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric() && c != '©')
        .any(|word| CREDIT_WORDS.contains(&word.to_lowercase().as_str()))
}

/// The parts of a header line such as `Lakeside • Northwind Agency` or
/// `example.com | Updated: …`, split at its separators.
pub(crate) fn segments(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '•', '·'])
        .flat_map(|part| part.split(" – ").flat_map(|p| p.split(" — ")))
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_are_named_exactly() {
        let table = [
            ("Reuters", Some("Reuters")),
            ("REUTERS", Some("Reuters")),
            ("AFP", Some("AFP")),
            ("Afp", None),
            ("afp", None),
            ("dpa", Some("dpa")),
            (" Canadian Press ", Some("Canadian Press")),
            ("Reuters reported", None),
            ("Northwind Daily", None),
        ];
        for (s, expected) in table {
            assert_eq!(agency(s), expected, "{s:?}");
        }
        assert_eq!(agency_at_start("IANS Lakeside Published"), Some("IANS"));
        assert_eq!(agency_at_start("AFPX growers"), None);
        assert_eq!(
            agency_at_start("Canadian Press EUROPE"),
            Some("Canadian Press")
        );
    }

    #[test]
    fn outlet_names_are_short_names() {
        let table = [
            ("The Lakeside Courier", true),
            ("Times of Northwind", true),
            ("northwind-news.example", true),
            ("Radio 7 Plus", true),
            ("creativecommons.org", false),
            ("upload.wikimedia.org", false),
            ("officials familiar with the talks said", false),
            ("The Courier, which first reported the story", false),
            ("the Courier", false),
            ("Photo credit Jane Roe", false),
            ("One Two Three Four Five Six Seven", false),
            ("Courier? Maybe", false),
            ("", false),
        ];
        for (s, expected) in table {
            assert_eq!(is_outlet_name(s), expected, "{s:?}");
        }
    }

    #[test]
    fn domains_and_credits() {
        assert!(is_domain("news.example.co.uk"));
        assert!(!is_domain("example"));
        assert!(!is_domain("3.14"));
        assert!(!is_domain("a..b"));
        assert!(is_credit_line("Photo: Jane Roe / Lakeside Agency"));
        assert!(is_credit_line("Licensed under CC BY 2.0"));
        assert!(!is_credit_line("Talks resumed in Lakeside"));
        let parts: Vec<&str> = segments("Lakeside • Northwind Agency | Updated 2 May").collect();
        assert_eq!(parts, ["Lakeside", "Northwind Agency", "Updated 2 May"]);
    }
}
