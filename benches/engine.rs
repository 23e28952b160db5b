//! Engine benchmarks: extraction throughput, opening a 5,000-article folder,
//! saving and opening a 100k-fact project. Run with `cargo bench --bench engine`.

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::extract;
use dossier::jobs::{Job, JobOutput};
use dossier::store;
use dossier::synth;
use dossier::workspace::Workspace;

/// Extraction on one core over a slice of the generated corpus.
fn extraction_throughput(c: &mut Criterion) {
    let corpus = synth::corpus(500, 1);
    let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let dct = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("all kinds, one core, 500 articles", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(_, t)| extract::extract_all(t, dct).len())
                .sum::<usize>()
        })
    });
    group.bench_function("time only, one core, 500 articles", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(_, t)| extract::time::extract(t, dct).len())
                .sum::<usize>()
        })
    });
    group.bench_function("entities only, one core, 500 articles", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(_, t)| extract::entity::extract(t).len())
                .sum::<usize>()
        })
    });
    group.bench_function("load the shipped entity model", |b| {
        b.iter(|| extract::entity::load_shipped_model().expect("model"))
    });
    group.finish();
}

/// The time tagger on one core over a folder of real news texts (`.txt`),
/// when `DOSSIER_NEWS_DIR` names one: the generated corpus is far denser
/// in dates than news, so this shows the speed on ordinary prose. No such
/// texts ship with the project.
fn time_on_news_folder(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("DOSSIER_NEWS_DIR") else {
        return;
    };
    let texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("DOSSIER_NEWS_DIR is a readable folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dct = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("time only, one core, news folder", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extract::time::extract(t, dct).len())
                .sum::<usize>()
        })
    });
    group.finish();
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

criterion_group!(
    benches,
    extraction_throughput,
    time_on_news_folder,
    open_folder,
    save_and_open
);
criterion_main!(benches);
