//! Projects on disk: save and reopen, re-extraction, changed and missing
//! article files, bad input. Each test works in its own temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use dossier::commands::Command;
use dossier::extract::{self, EXTRACTOR_VERSION};
use dossier::import::Sheet;
use dossier::jobs::{Job, JobOutput};
use dossier::model::{Anchor, FactKind, Origin, Status};
use dossier::store::{self, StoreError};
use dossier::workspace::Workspace;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");

/// Copies the sample dossier into a fresh folder.
/// Runs the `dossier` binary with `args` and returns what it printed and its exit status.
fn run_dossier<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs the `dossier` binary, asserting that it succeeded (its errors shown if not).
fn run_dossier_ok<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
    let out = run_dossier(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    for entry in fs::read_dir(SAMPLE).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
    }
    (dir, articles)
}

/// Imports a folder the way File ▸ Open folder does.
fn import_folder(folder: &Path, project_file: &Path) -> Workspace {
    let mut ws = Workspace::new();
    ws.path = Some(project_file.to_owned());
    let files = dossier::import::scan_folder(folder).unwrap();
    let sheet = Sheet::in_folder(folder).map(Result::unwrap);
    let JobOutput::Imported { articles, skipped } = Job::import(files, sheet).wait() else {
        panic!("import was cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(
        ws.execute(Command::AddArticles(articles))
            .unwrap()
            .problems
            .is_empty()
    );
    ws
}

#[test]
fn sample_imports_with_dates_from_its_sheet_and_facts_of_several_kinds() {
    let (dir, articles) = sample_copy();
    let ws = import_folder(&articles, &dir.path().join("p.dossier.ron"));
    assert_eq!(ws.project().articles.len(), 5);
    let a004 = ws
        .project()
        .articles
        .iter()
        .find(|a| a.path.contains("004_"))
        .unwrap();
    assert_eq!(a004.published, chrono::NaiveDate::from_ymd_opt(2025, 6, 4));
    let kinds: std::collections::BTreeSet<FactKind> =
        ws.project().facts.values().map(|f| f.kind).collect();
    assert!(kinds.contains(&FactKind::Time), "{kinds:?}");
    for f in ws.project().facts.values() {
        let text = ws.text(f.article).unwrap();
        assert_eq!(&text[f.start..f.end], f.text, "span and quoted text agree");
    }
}

#[test]
fn save_then_open_gives_the_same_project() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    let mut ws = import_folder(&articles, &path);
    let first = *ws.project().facts.keys().next().unwrap();
    ws.execute(Command::SetStatus(vec![first], Status::Confirmed))
        .unwrap();
    ws.view_mut().selected_fact = Some(first);
    ws.save_as(&path).unwrap();
    assert!(!ws.is_dirty());
    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(reopened.project(), ws.project());
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 1"));
    assert!(
        text.contains("\"articles/000_0b2518abd44a6d31.txt\""),
        "paths are relative"
    );
}

#[test]
fn a_moved_project_folder_still_finds_its_articles() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    import_folder(&articles, &path).save_as(&path).unwrap();
    let moved = dir.path().join("moved");
    fs::create_dir(&moved).unwrap();
    fs::rename(&articles, moved.join("articles")).unwrap();
    fs::rename(&path, moved.join("p.dossier.ron")).unwrap();
    let ws = Workspace::open(&moved.join("p.dossier.ron")).unwrap();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    assert_eq!(
        ws.project()
            .articles
            .iter()
            .filter(|a| ws.text(a.id).is_some())
            .count(),
        5
    );
}

#[test]
fn re_extraction_keeps_what_the_analyst_touched() {
    let (dir, articles) = sample_copy();
    let mut ws = import_folder(&articles, &dir.path().join("p.dossier.ron"));
    let ids: Vec<_> = ws.project().facts.keys().copied().take(3).collect();
    assert_eq!(ids.len(), 3, "the sample yields facts");
    ws.execute(Command::SetStatus(vec![ids[0]], Status::Confirmed))
        .unwrap();
    ws.execute(Command::SetStatus(vec![ids[1]], Status::Rejected))
        .unwrap();
    let mut edited = ws.project().fact(ids[2]).unwrap().clone();
    edited.value = "corrected by hand".into();
    ws.execute(Command::UpdateFact(edited)).unwrap();
    let article = ws.project().articles[0].id;
    ws.execute(Command::AddFact {
        article,
        start: 0,
        end: 7,
        kind: FactKind::Event,
    })
    .unwrap();
    let before: Vec<_> = ws
        .project()
        .facts
        .values()
        .filter(|f| f.is_analyst_owned())
        .cloned()
        .collect();
    assert_eq!(before.len(), 4);

    let fresh: Vec<_> = ws
        .extraction_inputs(None)
        .into_iter()
        .map(|(id, text, date)| (id, extract::extract_all(&text, date)))
        .collect();
    ws.execute(Command::MergeExtraction(fresh)).unwrap();

    for kept in &before {
        assert_eq!(
            ws.project().fact(kept.id),
            Some(&**kept),
            "analyst's fact unchanged"
        );
    }
    for owned in &before {
        let clashes = ws.project().facts.values().filter(|f| {
            f.id != owned.id
                && f.article == owned.article
                && f.kind == owned.kind
                && f.start < owned.end
                && owned.start < f.end
        });
        assert_eq!(
            clashes.count(),
            0,
            "no extracted duplicate over {:?}",
            owned.text
        );
    }
    assert_eq!(ws.project().fact(ids[2]).unwrap().status, Status::Edited);
}

#[test]
fn undo_and_redo_cover_every_edit() {
    let (dir, articles) = sample_copy();
    let mut ws = import_folder(&articles, &dir.path().join("p.dossier.ron"));
    let snapshot = ws.project().clone();
    let id = *ws.project().facts.keys().next().unwrap();
    ws.execute(Command::DeleteFacts(vec![id])).unwrap();
    let article = ws.project().articles[1].id;
    ws.execute(Command::SetPublished(
        article,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
    ))
    .unwrap();
    let changed = ws.project().clone();
    ws.execute(Command::Undo).unwrap();
    ws.execute(Command::Undo).unwrap();
    assert_eq!(ws.project().facts, snapshot.facts);
    assert_eq!(ws.project().articles, snapshot.articles);
    ws.execute(Command::Redo).unwrap();
    ws.execute(Command::Redo).unwrap();
    assert_eq!(ws.project().facts, changed.facts);
    assert!(ws.execute(Command::Redo).is_err(), "nothing left to redo");
}

#[test]
fn a_changed_article_is_re_anchored_and_lost_facts_are_flagged() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    let mut ws = import_folder(&articles, &path);
    let article = ws.project().articles[0].clone();
    ws.save_as(&path).unwrap();
    let file = articles.join(article.file_name());
    let original = fs::read_to_string(&file).unwrap();
    let facts: Vec<_> = ws.project().facts_of(article.id).cloned().collect();
    let victim = facts.iter().max_by_key(|f| f.start).unwrap().clone();
    let changed = format!(
        "Editor's note: this line was added.\n{}",
        original.replacen(&victim.text, "", 1)
    );
    fs::write(&file, &changed).unwrap();

    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(
        reopened.project().facts_of(article.id).count(),
        facts.len(),
        "no fact dropped"
    );
    assert!(
        reopened
            .problems
            .iter()
            .any(|p| p.contains(article.file_name()) && p.contains("changed"))
    );
    let text = reopened.text(article.id).unwrap();
    for f in reopened.project().facts_of(article.id) {
        match f.anchor {
            Anchor::Moved => assert_eq!(&text[f.start..f.end], f.text),
            Anchor::Lost => assert!(!changed.contains(&f.text)),
            Anchor::Exact => panic!("every span moved: {:?}", f.text),
        }
    }
    if !changed.contains(&victim.text) {
        assert_eq!(
            reopened.project().fact(victim.id).unwrap().anchor,
            Anchor::Lost
        );
    }
}

#[test]
fn spans_a_project_file_gets_wrong_are_re_anchored_and_named() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    let mut ws = import_folder(&articles, &path);
    ws.save_as(&path).unwrap();
    let mut project = store::load(&path).unwrap();
    let article = project.articles[0].clone();
    let ids: Vec<_> = project
        .facts
        .values()
        .filter(|f| f.article == article.id && f.text.len() > 3)
        .map(|f| f.id)
        .take(2)
        .collect();
    let (reversed, beyond) = (ids[0], ids[1]);
    let edit = |project: &mut dossier::model::Project, id, start, end| {
        let mut fact = (*project.facts[&id]).clone();
        fact.start = start;
        fact.end = end;
        project.facts.insert(id, std::sync::Arc::new(fact));
    };
    let r = project.facts[&reversed].clone();
    edit(&mut project, reversed, r.end, r.start);
    edit(&mut project, beyond, 1 << 40, (1 << 40) + 5);
    store::save(&project, &path).unwrap();

    let reopened = Workspace::open(&path).unwrap();
    let text = reopened.text(article.id).unwrap();
    for id in [reversed, beyond] {
        let f = reopened.project().fact(id).unwrap();
        assert_eq!(f.anchor, Anchor::Moved, "{f:?}");
        assert_eq!(&text[f.start..f.end], f.text);
    }
    assert!(
        reopened
            .problems
            .iter()
            .any(|p| p.contains(article.file_name()) && p.contains("did not fit")),
        "{:?}",
        reopened.problems
    );
}

#[test]
fn a_missing_article_file_is_named_and_its_facts_kept() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    let mut ws = import_folder(&articles, &path);
    ws.save_as(&path).unwrap();
    let gone = ws.project().articles[2].clone();
    fs::remove_file(articles.join(gone.file_name())).unwrap();
    let reopened = Workspace::open(&path).unwrap();
    assert_eq!(reopened.project().facts.len(), ws.project().facts.len());
    assert!(reopened.text(gone.id).is_none());
    assert!(
        reopened
            .problems
            .iter()
            .any(|p| p.contains(gone.file_name())),
        "{:?}",
        reopened.problems
    );
}

#[test]
fn corrupt_and_newer_projects_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.dossier.ron");
    fs::write(&corrupt, "(format_version: 1, articles: [(id: ").unwrap();
    let err = Workspace::open(&corrupt).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("corrupt.dossier.ron"));
    assert_eq!(
        fs::read_to_string(&corrupt).unwrap(),
        "(format_version: 1, articles: [(id: "
    );

    let newer = dir.path().join("newer.dossier.ron");
    let text = store::to_ron(Workspace::new().project())
        .unwrap()
        .replace("format_version: 1", "format_version: 7");
    fs::write(&newer, &text).unwrap();
    let err = Workspace::open(&newer).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerVersion { found: 7, .. }),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&newer).unwrap(), text);

    let binary = dir.path().join("binary.dossier.ron");
    fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    assert!(matches!(
        Workspace::open(&binary),
        Err(StoreError::Corrupt { .. })
    ));
}

#[test]
fn saving_into_a_read_only_folder_fails_cleanly_and_keeps_the_work() {
    let (dir, articles) = sample_copy();
    let mut ws = import_folder(&articles, &dir.path().join("p.dossier.ron"));
    let err = ws
        .save_as(Path::new("/proc/dossier-cannot-write-here.dossier.ron"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(ws.is_dirty(), "still unsaved, nothing lost");
    assert_eq!(ws.project().articles.len(), 5);
}

#[test]
fn bad_files_are_skipped_with_a_message_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("latin1.txt");
    fs::write(&good, b"Caf\xe9 talks in Istanbul on May 16, 2025.\n").unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3]).unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let missing = dir.path().join("missing.txt");
    let JobOutput::Imported { articles, skipped } =
        Job::import(vec![good, binary, empty, missing], None).wait()
    else {
        panic!("cancelled");
    };
    assert_eq!(articles.len(), 1);
    assert!(
        articles[0].text.starts_with("Café"),
        "Latin-1 decoded, not rejected"
    );
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    for name in ["image.txt", "empty.txt", "missing.txt"] {
        assert!(
            skipped.iter().any(|s| s.contains(name)),
            "{name} named in {skipped:?}"
        );
    }
}

#[test]
fn a_large_article_imports_and_extracts() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let paragraph = "Officials said on Monday that 1,000 prisoners were exchanged in Istanbul. ";
    let text = paragraph.repeat(50 * 1024 * 1024 / paragraph.len());
    fs::write(&big, &text).unwrap();
    let JobOutput::Imported { articles, skipped } = Job::import(vec![big], None).wait() else {
        panic!("cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles[0].text.len(), text.len());
}

#[test]
fn command_line_project_opens_in_the_app_model() {
    let (dir, articles) = sample_copy();
    let out = dir.path().join("cli.dossier.ron");
    run_dossier_ok(&[
        "extract",
        articles.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let ws = Workspace::open(&out).unwrap();
    assert_eq!(ws.project().articles.len(), 5);
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    assert!(
        ws.project()
            .facts
            .values()
            .all(|f| f.origin == Origin::Extracted(EXTRACTOR_VERSION))
    );
}

#[test]
fn command_line_prints_json_lines_in_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.txt");
    fs::write(
        &file,
        "Ukraine’s talks ended on May 16, 2025 in Istanbul.\n",
    )
    .unwrap();
    let out = run_dossier_ok(&["extract", file.to_str().unwrap(), "--dct", "2025-05-20"]);
    let text: Vec<char> = fs::read_to_string(&file).unwrap().chars().collect();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["doc"], "doc");
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        let span: String = text[s..e].iter().collect();
        assert_eq!(span, v["text"].as_str().unwrap());
    }
    let bad = run_dossier(&["extract", "/nonexistent/file.txt"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn unsaved_work_is_recovered_from_the_autosave() {
    let (dir, articles) = sample_copy();
    let path = dir.path().join("p.dossier.ron");
    let mut ws = import_folder(&articles, &path);
    ws.save_as(&path).unwrap();
    let id = *ws.project().facts.keys().next().unwrap();
    ws.execute(Command::SetStatus(vec![id], Status::Confirmed))
        .unwrap();
    let autosave = store::autosave_path(&path);
    ws.autosave(&autosave).unwrap();
    // The app "crashes" here: the project file still has the old state.
    assert_eq!(
        Workspace::open(&path)
            .unwrap()
            .project()
            .fact(id)
            .unwrap()
            .status,
        Status::Unreviewed
    );
    let recovered = Workspace::recover(&autosave).unwrap();
    assert_eq!(
        recovered.project().fact(id).unwrap().status,
        Status::Confirmed
    );
    assert_eq!(
        recovered.path.as_deref(),
        Some(path.as_path()),
        "saving goes to the project file"
    );
    assert!(
        recovered.is_dirty(),
        "recovered work is unsaved until saved"
    );
    assert!(recovered.problems.is_empty(), "{:?}", recovered.problems);
}

#[test]
fn train_ner_writes_weights_and_names_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("tiny.conll");
    let sentence =
        "-DOCSTART- O\n\nZorblat I-ORG\nhired O\nQuanmir I-PER\nin O\nVelkaro I-LOC\n. O\n\n";
    fs::write(&corpus, sentence.repeat(5)).unwrap();
    let model = dir.path().join("entities.model");
    let out = run_dossier_ok(&[
        "train-ner",
        corpus.to_str().unwrap(),
        "-o",
        model.to_str().unwrap(),
        "--epochs",
        "2",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("5 documents, 30 tokens, 15 gold names"),
        "{stderr}"
    );
    assert!(fs::read(&model).unwrap().starts_with(b"DNERAP02"));
    let empty = run_dossier(&[
        "train-ner",
        dir.path().join("nothing").to_str().unwrap(),
        "-o",
        dir.path().join("x.model").to_str().unwrap(),
    ]);
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("nothing"));
}
