//! Engine benchmarks: extraction throughput, opening a 5,000-article folder,
//! saving and opening a 100k-fact project. Run with `cargo bench --bench engine`.

use std::path::Path;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use dossier::extract;
use dossier::jobs::{Job, JobOutput};
use dossier::store;
use dossier::synth;
use dossier::workspace::Workspace;

/// Extraction on one core over a slice of the generated corpus, and the
/// time tagger over a folder of real news texts when `DOSSIER_NEWS_DIR`
/// names one (`.txt` files; none ship with the project): the generated
/// corpus is far denser in dates than news.
fn extraction_throughput(c: &mut Criterion) {
    let corpus: Vec<String> = synth::corpus(500, 1).into_iter().map(|(_, t)| t).collect();
    let dct = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    let mut group = c.benchmark_group("extraction");
    group.sample_size(10);
    group.bench_function("load the shipped entity model", |b| {
        b.iter(|| extract::entity::load_shipped_model().expect("model"))
    });
    over_texts(
        &mut group,
        "all kinds, one core, 500 articles",
        &corpus,
        |t| extract::extract_all(t, dct).len(),
    );
    over_texts(
        &mut group,
        "time only, one core, 500 articles",
        &corpus,
        |t| extract::time::extract(t, dct).len(),
    );
    over_texts(
        &mut group,
        "entities only, one core, 500 articles",
        &corpus,
        |t| extract::entity::extract(t).len(),
    );
    // The event layer alone, over the facts the other extractors found:
    // its share of "all kinds" is what events add to extraction.
    let others: Vec<Vec<extract::Candidate>> = corpus
        .iter()
        .map(|t| {
            extract::extract_all(t, dct)
                .into_iter()
                .filter(|c| c.kind != dossier::model::FactKind::Event)
                .collect()
        })
        .collect();
    let bytes: usize = corpus.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(
        "events only (given the other facts), one core, 500 articles",
        |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .zip(&others)
                    .map(|(t, facts)| extract::event::extract(t, dct, facts).len())
                    .sum::<usize>()
            })
        },
    );
    if let Some(dir) = std::env::var_os("DOSSIER_NEWS_DIR") {
        let news = texts_in(Path::new(&dir));
        over_texts(&mut group, "time only, one core, news folder", &news, |t| {
            extract::time::extract(t, dct).len()
        });
        over_texts(&mut group, "all kinds, one core, news folder", &news, |t| {
            extract::extract_all(t, dct).len()
        });
    }
    group.finish();
}

/// Benchmarks `extract` over every text, with the bytes as throughput.
fn over_texts(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    texts: &[String],
    extract: impl Fn(&str) -> usize,
) {
    let bytes: usize = texts.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| texts.iter().map(|t| extract(t)).sum::<usize>())
    });
}

/// The `.txt` files of a folder.
fn texts_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("DOSSIER_NEWS_DIR is a readable folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}

/// Reading, extracting and adding a 5,000-article folder on all cores.
fn open_folder(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = synth::corpus(5000, 2);
    for (name, text) in &corpus {
        std::fs::write(dir.path().join(name), text).expect("write corpus");
    }
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("5000-article folder: import + extract + add", |b| {
        b.iter(|| {
            let files = dossier::import::scan_folder(dir.path()).expect("scan");
            let JobOutput::Imported { articles, .. } = Job::import(files, None).wait() else {
                panic!("cancelled")
            };
            let mut ws = Workspace::new();
            ws.add_articles(articles);
            ws.project.facts.len()
        })
    });
    group.finish();
}

/// Saving and opening a project of 100k facts.
fn save_and_open(c: &mut Criterion) {
    let project = synth::project(1000, 100_000, 3);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.dossier.ron");
    let mut group = c.benchmark_group("project file");
    group.sample_size(10);
    group.bench_function("save 100k facts", |b| {
        b.iter(|| store::save(&project, &path).expect("save"))
    });
    store::save(&project, &path).expect("save");
    group.bench_function("open 100k facts", |b| {
        b.iter(|| store::load(&path).expect("load").facts.len())
    });
    group.finish();
}

criterion_group!(benches, extraction_throughput, open_folder, save_and_open);
criterion_main!(benches);
