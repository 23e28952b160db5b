//! Files that are not articles, named as articles directly or inside a
//! project someone sent: pipes and endless devices are refused at once with
//! a message naming them, never read until memory runs out or forever.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use dossier::import::{ImportError, read_article, scan_folder};
use dossier::jobs::{Job, JobOutput};
use dossier::workspace::Workspace;

/// Imports every article of `folder` into a new workspace, as the app does.
fn import(folder: &Path) -> Workspace {
    let files = scan_folder(folder).unwrap();
    let JobOutput::Imported { articles, skipped } = Job::import(files, None).wait() else {
        panic!("import was cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    let mut ws = Workspace::new();
    assert!(
        ws.execute(dossier::commands::Command::AddArticles(articles))
            .unwrap()
            .problems
            .is_empty()
    );
    ws
}

/// Makes a named pipe at `path`; false where `mkfifo` is not available.
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_pipe_named_as_an_article_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("news.txt");
    if !mkfifo(&fifo) {
        return;
    }
    let started = Instant::now();
    let error = read_article(&fifo).expect_err("a pipe is no article");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        matches!(error.cause(), ImportError::NotAFile { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "news.txt: it is a named pipe, not an ordinary file; only files are read"
    );
}

#[test]
fn a_link_to_an_endless_device_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom"] {
        let link = dir.path().join("endless.txt");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink(device, &link).unwrap();
        let started = Instant::now();
        let error = read_article(&link).expect_err("a device is no article");
        assert!(started.elapsed() < Duration::from_secs(2), "{device}");
        assert!(
            error.to_string().starts_with("endless.txt: it is a device"),
            "{error}"
        );
    }
}

#[test]
fn a_project_naming_a_pipe_and_a_device_opens_with_both_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    fs::create_dir(&folder).unwrap();
    for name in ["pipe.txt", "zero.txt"] {
        fs::write(
            folder.join(name),
            "Talks resume\n\nThey met in Istanbul on Monday.\n",
        )
        .unwrap();
    }
    let project_file = dir.path().join("p.dossier.ron");
    let mut ws = import(&folder);
    ws.save_as(&project_file).unwrap();
    // Someone swaps the articles for a pipe and an endless device.
    fs::remove_file(folder.join("pipe.txt")).unwrap();
    let have_fifo = mkfifo(&folder.join("pipe.txt"));
    fs::remove_file(folder.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.txt")).unwrap();

    let started = Instant::now();
    let mut opened = Workspace::open(&project_file).unwrap();
    // The symlink leads out of the project's folder: unread until the analyst
    // agrees, and named where it really leads.
    let unanswered = opened.outside_unanswered();
    assert!(
        unanswered.iter().any(|p| p == Path::new("/dev/zero")),
        "{unanswered:?}"
    );
    opened.read_outside_files();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        opened.project().facts.len(),
        ws.project().facts.len(),
        "facts are kept"
    );
    let problems = opened.problems.join("\n");
    assert!(
        problems.contains("zero.txt could not be read"),
        "{problems}"
    );
    assert!(problems.contains("it is a device"), "{problems}");
    if have_fifo {
        assert!(
            problems.contains("pipe.txt could not be read"),
            "{problems}"
        );
        assert!(problems.contains("it is a named pipe"), "{problems}");
    }
}
