//! Frame time of the window with a 500k-fact project, measured headless
//! (layout and tessellation inputs, no GPU). Run with `cargo bench --bench ui`.

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::ui::{Answer, App, FileDialogs, Purpose};
use egui_kittest::Harness;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn ask(&mut self, _: Purpose, _: Option<&std::path::Path>, _: &str) -> Answer {
        Answer::Cancelled
    }
}

fn facts_table_frame(c: &mut Criterion) {
    let mut app = App::new(Box::new(NoDialogs), std::env::temp_dir());
    app.ws.project = dossier::synth::project(5000, 500_000, 4);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut App| app.ui_for_tests(ui), app);
    h.step();
    let mut group = c.benchmark_group("window");
    group.sample_size(20);
    group.bench_function("frame with 500k facts", |b| b.iter(|| h.step()));
    group.finish();
}

criterion_group!(benches, facts_table_frame);
criterion_main!(benches);
