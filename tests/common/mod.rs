//! Helpers shared by the integration tests: importing article folders as
//! the app does, and small dossiers written on the spot.

use dossier::commands::Command;
use std::fs;
use std::path::Path;

use dossier::analysis::Comparison;
use dossier::import::Sheet;
use dossier::jobs::{Job, JobOutput};
use dossier::workspace::Workspace;

/// The bundled sample dossier.
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");

/// Imports every article of `folder` (with its metadata sheet) into a new workspace.
pub fn import(folder: &Path) -> Workspace {
    let files = dossier::import::scan_folder(folder).unwrap();
    let sheet = Sheet::in_folder(folder).map(Result::unwrap);
    let JobOutput::Imported { articles, skipped } = Job::import(files, sheet).wait() else {
        panic!("import was cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut ws = Workspace::new();
    assert!(
        ws.execute(Command::AddArticles(articles))
            .unwrap()
            .problems
            .is_empty()
    );
    ws
}

/// Writes a dossier of `(file, published, text)` articles and imports it.
pub fn dossier(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut sheet = String::from("file,published\n");
    for (file, published, text) in articles {
        fs::write(dir.path().join(file), text).unwrap();
        sheet.push_str(&format!("{file},{published}\n"));
    }
    fs::write(dir.path().join("metadata.csv"), sheet).unwrap();
    let ws = import(dir.path());
    (dir, ws)
}

/// Compares the sources of a workspace.
pub fn compare(ws: &Workspace) -> Comparison {
    Comparison::run(ws.project(), ws.texts())
}

/// Re-extracts every article of a workspace, as reopening a project does.
pub fn reextract(ws: &mut Workspace) {
    let inputs = ws.extraction_inputs(None);
    let JobOutput::Extracted(results) = Job::extract(inputs).wait() else {
        panic!("extraction was cancelled");
    };
    ws.execute(Command::MergeExtraction(results)).unwrap();
}
