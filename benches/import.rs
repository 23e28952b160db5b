//! Import speed for PDF, Word and OpenDocument files (MB of file per
//! second), on documents generated from the synthetic corpus: a PDF of
//! about 1 MB of text over many pages, and Word and OpenDocument files of
//! the same text. Run with
//! `cargo bench --bench import`.

#[path = "../tests/fixtures/documents.rs"]
mod documents;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::import::{Format, parse_file};
use dossier::synth;

/// The corpus as lines of at most about 90 characters, as a page would set them.
fn lines(articles: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (_, text) in synth::corpus(articles, 7) {
        let mut line = String::new();
        for word in text.split_whitespace() {
            if line.len() + word.len() > 90 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

fn import_speed(c: &mut Criterion) {
    let lines = lines(700);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let pages: Vec<&[&str]> = refs.chunks(50).collect();
    let pdf = documents::pdf(&pages, "Bench", "Generated");
    let docx = documents::docx(&refs, "Bench", "Generated");
    let odt = documents::odt("Bench", &refs);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (name, format, bytes) in [
        ("PDF, text layer", Format::Pdf, &pdf),
        ("Word (.docx)", Format::Docx, &docx),
        ("OpenDocument (.odt)", Format::Odt, &odt),
    ] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        let label = format!("{name}, {:.1} MB", bytes.len() as f64 / 1e6);
        group.bench_function(label, |b| {
            b.iter(|| parse_file(bytes, format).expect("imports").articles.len())
        });
    }
    group.finish();
}

criterion_group!(benches, import_speed);
criterion_main!(benches);
