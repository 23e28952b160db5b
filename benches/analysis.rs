//! Comparing sources at the size the product is budgeted for (README,
//! "Benchmarks"): 5,000 articles with about 500,000 facts (budget: under
//! 2 s on 2 cores). The dossier is
//! generated, written to disk, imported and extracted like a real folder;
//! one article in twenty is a wire copy of another.

use dossier::commands::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::analysis::Comparison;
use dossier::extract::extract_all;
use dossier::jobs::{Job, JobOutput};
use dossier::synth;
use dossier::workspace::Workspace;

const ARTICLES: usize = 5000;
const FACTS_PER_ARTICLE: usize = 100;

/// One generated article with at least `FACTS_PER_ARTICLE` facts.
fn long_article(rng: &mut synth::Rng) -> String {
    let mut text = String::new();
    let mut facts = 0;
    while facts < FACTS_PER_ARTICLE {
        let piece = synth::article(rng);
        facts += extract_all(&piece, None).len();
        text.push_str(&piece);
    }
    text
}

fn compare(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = synth::Rng::new(7);
    let mut texts: Vec<String> = Vec::with_capacity(ARTICLES);
    for i in 0..ARTICLES {
        let text = if i % 20 == 19 {
            format!("Reprinted from a wire service.\n\n{}", texts[i - 7])
        } else {
            long_article(&mut rng)
        };
        std::fs::write(dir.path().join(format!("article_{i:05}.txt")), &text).expect("write");
        texts.push(text);
    }
    let files = dossier::import::scan_folder(dir.path()).expect("scan");
    let JobOutput::Imported { articles, .. } = Job::import(files, None).wait() else {
        panic!("cancelled")
    };
    let mut ws = Workspace::new();
    ws.execute(Command::AddArticles(articles)).unwrap();
    let facts = ws.project().facts.len();
    eprintln!("dossier: {ARTICLES} articles, {facts} facts");
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(format!("{ARTICLES} articles / {facts} facts"), |b| {
        b.iter(|| {
            let cmp = Comparison::run(ws.project(), ws.texts());
            (cmp.clusters.list.len(), cmp.contradictions.len())
        })
    });
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
