//! Engine benchmarks: extraction throughput, opening a 5,000-article folder,
//! saving and opening a 100k-fact project. Run with `cargo bench --bench engine`.

use dossier::commands::Command;
use std::path::Path;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use dossier::extract::{self, Candidate};
use dossier::jobs::{Job, JobOutput};
use dossier::model::FactKind;
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
    stages(&mut group, "one core, 500 articles", &corpus, dct);
    if let Some(dir) = std::env::var_os("DOSSIER_NEWS_DIR") {
        let news = texts_in(Path::new(&dir));
        stages(&mut group, "one core, news folder", &news, dct);
    }
    group.finish();
}

/// All kinds together (one article at a time, and `extract::BATCH` at a time
/// as imports run them), then each extractor alone over `texts`, given what it
/// reads from the others (quantities the dates, quotes and roles the
/// entities, events every other fact), found beforehand: the README's
/// table of where the time goes.
fn stages(
    group: &mut BenchmarkGroup<'_, WallTime>,
    corpus: &str,
    texts: &[String],
    dct: Option<chrono::NaiveDate>,
) {
    let times: Vec<Vec<Candidate>> = texts
        .iter()
        .map(|t| extract::time::extract(t, dct))
        .collect();
    let entities: Vec<Vec<Candidate>> = texts.iter().map(|t| extract::entity::extract(t)).collect();
    let others: Vec<Vec<Candidate>> = texts
        .iter()
        .map(|t| {
            extract::extract_all(t, dct)
                .into_iter()
                .filter(|c| c.kind != FactKind::Event)
                .collect()
        })
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    over_texts(group, &format!("all kinds, {corpus}"), &texts, |_, t| {
        extract::extract_all(t, dct).len()
    });
    let batches: Vec<Vec<(&str, Option<chrono::NaiveDate>)>> = texts
        .chunks(extract::BATCH)
        .map(|batch| batch.iter().map(|&t| (t, dct)).collect())
        .collect();
    over_texts(
        group,
        &format!("all kinds, {} articles at a time, {corpus}", extract::BATCH),
        &batches,
        |_, batch| extract::extract_each(batch).len(),
    );
    over_texts(group, &format!("time only, {corpus}"), &texts, |_, t| {
        extract::time::extract(t, dct).len()
    });
    over_texts(
        group,
        &format!("entities only, {corpus}"),
        &texts,
        |_, t| extract::entity::extract(t).len(),
    );
    over_texts(
        group,
        &format!("quantities only (given the dates), {corpus}"),
        &texts,
        |i, t| extract::quantity::extract(t, &times[i]).len(),
    );
    over_texts(
        group,
        &format!("quotes only (given the entities), {corpus}"),
        &texts,
        |i, t| extract::quote::extract(t, &entities[i]).len(),
    );
    over_texts(
        group,
        &format!("roles only (given the entities), {corpus}"),
        &texts,
        |i, t| extract::role::extract(t, &entities[i]).len(),
    );
    over_texts(
        group,
        &format!("events only (given the other facts), {corpus}"),
        &texts,
        |i, t| extract::event::extract(t, dct, &others[i]).len(),
    );
}

/// Benchmarks `extract` over every input (given with its index: a text, or a
/// batch of texts with their dates), with the bytes as throughput.
fn over_texts<T: Bytes>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    texts: &[T],
    extract: impl Fn(usize, &T) -> usize,
) {
    let bytes: usize = texts.iter().map(Bytes::bytes).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| extract(i, t))
                .sum::<usize>()
        })
    });
}

/// How many bytes of text a benchmark input holds.
trait Bytes {
    fn bytes(&self) -> usize;
}

impl Bytes for &str {
    fn bytes(&self) -> usize {
        self.len()
    }
}

impl Bytes for Vec<(&str, Option<chrono::NaiveDate>)> {
    fn bytes(&self) -> usize {
        self.iter().map(|(t, _)| t.len()).sum()
    }
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
            ws.execute(Command::AddArticles(articles)).unwrap();
            ws.project().facts.len()
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
