//! The schema.org JSON-LD block news pages carry in
//! `<script type="application/ld+json">`: publication date, publisher and
//! the article's address, read with serde_json. A broken block gives nothing.

use serde_json::Value;

/// How deep into nested objects and `@graph` lists the reader looks.
const MAX_DEPTH: usize = 8;

/// What a JSON-LD block says about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LinkedData {
    /// `datePublished` as written (parsed by the caller).
    pub published: Option<String>,
    /// `publisher.name` (or `publisher` when it is a plain name).
    pub publisher: Option<String>,
    /// `url`, else `mainEntityOfPage` (its `@id` or the string).
    pub url: Option<String>,
}

/// Reads the first object of `json` that has a `datePublished`, or failing
/// that a `publisher`, in a list, a `@graph` or the top object.
pub(crate) fn read(json: &str) -> LinkedData {
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return LinkedData::default();
    };
    let mut objects = Vec::new();
    collect_objects(&value, 0, &mut objects);
    let dated = objects.iter().find(|o| o.get("datePublished").is_some());
    let Some(object) = dated.or_else(|| objects.iter().find(|o| o.get("publisher").is_some()))
    else {
        return LinkedData::default();
    };
    LinkedData {
        published: string(object.get("datePublished")),
        publisher: object.get("publisher").and_then(|p| match p {
            Value::Array(list) => list.first().and_then(name_of),
            other => name_of(other),
        }),
        url: string(object.get("url")).or_else(|| {
            object.get("mainEntityOfPage").and_then(|page| match page {
                Value::String(s) => Some(s.clone()),
                other => string(other.get("@id")),
            })
        }),
    }
}

/// Every object of `value`, outer ones first, down to `MAX_DEPTH`.
fn collect_objects<'a>(
    value: &'a Value,
    depth: usize,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, depth + 1, out);
            }
        }
        Value::Array(list) => {
            for item in list {
                collect_objects(item, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// A non-empty string value, trimmed.
fn string(value: Option<&Value>) -> Option<String> {
    let s = value?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// An organisation's `name`, or the value itself when it is a plain name.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => string(Some(value)),
        other => string(other.get("name")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_news_articles() {
        let table = [
            (
                r#"{"@type":"NewsArticle","datePublished":"2025-05-20T08:00:00Z",
                   "publisher":{"@type":"Organization","name":"Lakeside Courier"},
                   "mainEntityOfPage":{"@id":"https://courier.example/a"}}"#,
                Some("2025-05-20T08:00:00Z"),
                Some("Lakeside Courier"),
                Some("https://courier.example/a"),
            ),
            (
                r#"{"@graph":[{"@type":"WebSite","name":"x"},
                   {"@type":"Article","datePublished":"2025-05-19","url":"https://n.example/b",
                    "publisher":[{"name":"Northwind"}]}]}"#,
                Some("2025-05-19"),
                Some("Northwind"),
                Some("https://n.example/b"),
            ),
            (
                r#"[{"@type":"Organization","name":"y"},{"datePublished":"2025-05-18","publisher":"Delta Wire"}]"#,
                Some("2025-05-18"),
                Some("Delta Wire"),
                None,
            ),
            (
                r#"{"publisher":{"name":"Only Publisher"}}"#,
                None,
                Some("Only Publisher"),
                None,
            ),
            ("{not json", None, None, None),
            ("[1, 2]", None, None, None),
        ];
        for (json, published, publisher, url) in table {
            let data = read(json);
            assert_eq!(data.published.as_deref(), published, "{json}");
            assert_eq!(data.publisher.as_deref(), publisher, "{json}");
            assert_eq!(data.url.as_deref(), url, "{json}");
        }
    }

    #[test]
    fn deep_nesting_is_cut_off() {
        let json = format!(
            "{}{{\"datePublished\":\"2025-01-01\"}}{}",
            "[".repeat(50),
            "]".repeat(50)
        );
        assert_eq!(read(&json), LinkedData::default());
    }
}
