//! Imports and re-extraction hand articles to the extractors several at a time; each article
//! must still get exactly the facts it gets alone.

use std::fs;
use std::sync::Arc;

use dossier::extract::extract_all;
use dossier::import::scan_folder;
use dossier::jobs::{Job, JobOutput};
use dossier::model::ArticleId;

/// A short article of its own for each number: a person, a place, a date, a count and a quote.
fn article(n: usize) -> String {
    format!(
        "Harbour talks resume\n\nOn {day} March 2023 Mayor Ilse Varga{n} told reporters in Velmora \
         that {count} ferries would sail again. \"We open the quay on Friday,\" said Tomas Brandl{n}.\n",
        day = 1 + n % 27,
        count = 3 + n,
    )
}

#[test]
fn a_folder_imported_in_batches_gives_each_article_its_own_facts() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..40 {
        fs::write(dir.path().join(format!("story-{n:02}.txt")), article(n)).unwrap();
    }
    let files = scan_folder(dir.path()).unwrap();
    let JobOutput::Imported { articles, skipped } = Job::import(files, None).wait() else {
        panic!("import was cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles.len(), 40);
    for a in &articles {
        let alone = extract_all(&a.text, a.published);
        assert!(alone.len() >= 4, "{}: {alone:?}", a.path.display());
        assert_eq!(a.candidates, alone, "{}", a.path.display());
    }

    let inputs: Vec<(ArticleId, Arc<str>, Option<chrono::NaiveDate>)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (ArticleId(i as u64), a.text.clone(), a.published))
        .collect();
    let JobOutput::Extracted(again) = Job::extract(inputs).wait() else {
        panic!("re-extraction was cancelled");
    };
    assert_eq!(again.len(), 40);
    for (id, candidates) in again {
        let a = &articles[id.0 as usize];
        assert_eq!(candidates, a.candidates, "{}", a.path.display());
    }
}
