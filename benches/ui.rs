//! Frame time of the window with a 500k-fact project, measured headless
//! (layout and tessellation inputs, no GPU). Run with `cargo bench --bench ui`.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::commands::Command;
use dossier::model::Status;
use dossier::ui::{Answer, App, FileDialogs, Purpose};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn ask(&mut self, _: Purpose, _: Option<&std::path::Path>, _: &str) -> Answer {
        Answer::Cancelled
    }
}

fn facts_table_frame(c: &mut Criterion) {
    let mut app = App::new(Box::new(NoDialogs), std::env::temp_dir());
    app.ws = dossier::workspace::Workspace::from_project(dossier::synth::project(5000, 500_000, 4));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.ui_for_tests(ui), app);
    h.step();
    let mut group = c.benchmark_group("window");
    group.sample_size(20);
    group.bench_function("frame with 500k facts", |b| b.iter(|| h.step()));
    group.finish();
}

/// Frames of each list of the Compare panel over a 500k-fact project, and the
/// copy of the project the background comparison works on after each change.
fn compare_panel_frames(c: &mut Criterion) {
    let mut app = App::new(Box::new(NoDialogs), std::env::temp_dir());
    app.ws = dossier::workspace::Workspace::from_project(dossier::synth::project(5000, 500_000, 4));
    app.compare_in_foreground();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.ui_for_tests(ui), app);
    h.step();
    h.get_by_label("Compare sources").click();
    h.step();
    let mut group = c.benchmark_group("compare panel");
    group.sample_size(20);
    for tab in [
        "Contradictions",
        "Corroborated",
        "Single-source",
        "Entities",
        "Sources (",
    ] {
        h.get_by_label_contains(tab).click();
        h.step();
        group.bench_function(format!("{tab} frame, 500k facts"), |b| b.iter(|| h.step()));
    }
    group.bench_function(
        "project snapshot for the comparison thread, 500k facts",
        |b| b.iter(|| h.state().ws.project().clone()),
    );
    let fact = *h.state().ws.project().facts.keys().nth(250_000).unwrap();
    let mut confirmed = false;
    group.bench_function("an edit while a snapshot is held, 500k facts", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let snapshot = h.state().ws.project().clone();
                confirmed = !confirmed;
                let status = if confirmed {
                    Status::Confirmed
                } else {
                    Status::Unreviewed
                };
                let start = Instant::now();
                h.state_mut()
                    .ws
                    .execute(Command::SetStatus(vec![fact], status))
                    .unwrap();
                spent += start.elapsed();
                drop(snapshot);
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, facts_table_frame, compare_panel_frames);
criterion_main!(benches);
