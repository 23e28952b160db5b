//! Projects from elsewhere: article files outside the project's folder are not
//! read until the analyst agrees, the answer is saved with the project, and
//! file names that are not UTF-8 survive a save and reopen.

use dossier::commands::Command;
use std::fs;
use std::path::{Path, PathBuf};

use dossier::jobs::{Job, JobOutput};
use dossier::workspace::Workspace;

const STORY: &str = "Harbour talks resume\n\n\
    The port authority and the dock workers' union met in Lisbon on Monday. \
    They agreed to meet again on 14 March 2024.\n";

/// A case folder holding the project, and an inbox beside it (outside it).
struct Case {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    inbox: PathBuf,
}

fn case() -> Case {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("case");
    let inbox = dir.path().join("inbox");
    fs::create_dir_all(folder.join("articles")).unwrap();
    fs::create_dir(&inbox).unwrap();
    Case {
        _dir: dir,
        folder,
        inbox,
    }
}

/// Imports these files into a project saved at `project_file`, as the analyst does.
fn project_of(files: Vec<PathBuf>, project_file: &Path) -> Workspace {
    let mut ws = Workspace::new();
    ws.path = Some(project_file.to_owned());
    let JobOutput::Imported { articles, skipped } = Job::import(files, None).wait() else {
        panic!("import was cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    assert!(
        ws.execute(Command::AddArticles(articles))
            .unwrap()
            .problems
            .is_empty()
    );
    ws.save_as(project_file).unwrap();
    ws
}

/// A project in the case folder with one article inside it and one in the inbox.
fn mixed_project(case: &Case) -> (PathBuf, PathBuf) {
    let inside = case.folder.join("articles/inside.txt");
    let outside = case.inbox.join("outside.txt");
    fs::write(&inside, STORY).unwrap();
    fs::write(&outside, STORY.replace("Lisbon", "Porto")).unwrap();
    let project_file = case.folder.join("p.dossier.ron");
    project_of(vec![inside, outside.clone()], &project_file);
    (project_file, outside)
}

/// The project file as received from someone else: same content, same
/// folder (so its relative paths still resolve), a place it was never saved at.
fn received_copy(project_file: &Path, case: &Case) -> PathBuf {
    let copy = case.folder.join("received.dossier.ron");
    fs::copy(project_file, &copy).unwrap();
    copy
}

fn texts_read(ws: &Workspace) -> usize {
    ws.texts().len()
}

#[test]
fn files_the_analyst_imported_reopen_without_asking() {
    let case = case();
    let (project_file, _) = mixed_project(&case);
    let ws = Workspace::open(&project_file).unwrap();
    assert_eq!(texts_read(&ws), 2);
    assert!(ws.outside_unanswered().is_empty());
    assert!(!ws.is_dirty());
}

#[test]
fn a_received_project_reads_no_outside_file_until_the_analyst_agrees() {
    let case = case();
    let (project_file, outside) = mixed_project(&case);
    let copy = received_copy(&project_file, &case);
    let mut ws = Workspace::open(&copy).unwrap();
    assert_eq!(
        texts_read(&ws),
        1,
        "only the file inside its folder is read"
    );
    let facts = ws.project().facts.len();
    assert_eq!(ws.outside_unanswered(), vec![outside.clone()]);
    assert!(ws.outside_unanswered().iter().all(|p| p.is_absolute()));

    assert!(ws.read_outside_files().is_empty());
    assert_eq!(texts_read(&ws), 2);
    assert_eq!(ws.project().facts.len(), facts, "facts are kept throughout");
    assert!(ws.is_dirty(), "the answer is to be saved with the project");
    ws.save_as(&copy).unwrap();

    let reopened = Workspace::open(&copy).unwrap();
    assert_eq!(texts_read(&reopened), 2, "the answer was saved");
    assert!(reopened.outside_unanswered().is_empty());
}

#[test]
fn a_declined_file_stays_unread_is_named_and_is_not_asked_about_again() {
    let case = case();
    let (project_file, outside) = mixed_project(&case);
    let copy = received_copy(&project_file, &case);
    let mut ws = Workspace::open(&copy).unwrap();
    ws.decline_outside_files();
    assert!(ws.is_dirty());
    ws.save_as(&copy).unwrap();

    let mut reopened = Workspace::open(&copy).unwrap();
    assert_eq!(texts_read(&reopened), 1);
    assert!(reopened.outside_unanswered().is_empty(), "asked once");
    assert_eq!(reopened.outside_unread(), vec![outside.clone()]);
    let problems = reopened.problems.join("\n");
    assert!(problems.contains("as you chose"), "{problems}");
    assert!(problems.contains("outside.txt"), "{problems}");

    reopened.read_outside_files();
    assert_eq!(
        texts_read(&reopened),
        2,
        "the analyst can change their mind"
    );
}

#[test]
fn an_answer_given_for_one_place_does_not_travel_with_a_copy() {
    let case = case();
    let (project_file, outside) = mixed_project(&case);
    let copy = received_copy(&project_file, &case);
    let mut ws = Workspace::open(&copy).unwrap();
    ws.read_outside_files();
    ws.save_as(&copy).unwrap();
    let second = copy.with_file_name("again.dossier.ron");
    fs::copy(&copy, &second).unwrap();
    let ws = Workspace::open(&second).unwrap();
    assert_eq!(ws.outside_unanswered(), vec![outside]);
}

#[test]
fn parent_steps_and_absolute_paths_in_a_project_file_are_outside() {
    let case = case();
    let (project_file, _) = mixed_project(&case);
    let secret = case.inbox.join("private-notes.txt");
    fs::write(&secret, "Private notes\n\nNothing for the dossier.\n").unwrap();
    let text = fs::read_to_string(&project_file).unwrap();
    let edited = text.replace(
        "path: \"articles/inside.txt\"",
        "path: \"../inbox/private-notes.txt\"",
    );
    assert_ne!(text, edited);
    fs::write(&project_file, edited).unwrap();
    let ws = Workspace::open(&project_file).unwrap();
    assert_eq!(texts_read(&ws), 1, "only the file the analyst imported");
    let unanswered = ws.outside_unanswered();
    assert_eq!(unanswered.len(), 1);
    assert_eq!(unanswered, vec![secret], "named where the file really is");
}

#[cfg(unix)]
#[test]
fn a_symlink_in_the_folder_leading_out_is_not_followed_without_consent() {
    let case = case();
    let (project_file, _) = mixed_project(&case);
    let link = case.folder.join("articles/inside.txt");
    fs::remove_file(&link).unwrap();
    let secret = case.inbox.join("private-notes.txt");
    fs::write(&secret, "Private notes\n\nNothing for the dossier.\n").unwrap();
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    let copy = received_copy(&project_file, &case);
    let ws = Workspace::open(&copy).unwrap();
    assert_eq!(texts_read(&ws), 0);
    assert_eq!(ws.outside_unanswered().len(), 2);
}

#[test]
fn the_command_line_refuses_outside_files_unless_allowed() {
    let case = case();
    let (project_file, _) = mixed_project(&case);
    let copy = received_copy(&project_file, &case);
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("report")
            .arg(&copy)
            .args(extra)
            .output()
            .unwrap()
    };
    let refused = run(&[]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("outside its folder"), "{message}");
    assert!(message.contains("outside.txt"), "{message}");
    assert!(message.contains("--allow-outside"), "{message}");
    assert!(refused.stdout.is_empty(), "no report without the files");

    let allowed = run(&["--allow-outside"]);
    assert!(
        allowed.status.success(),
        "{}",
        String::from_utf8_lossy(&allowed.stderr)
    );
    let report = String::from_utf8_lossy(&allowed.stdout);
    assert!(report.contains("Porto"), "the outside article was read");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_survives_save_and_reopen() {
    use std::os::unix::ffi::OsStrExt;
    let case = case();
    let name = std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9 du jour.txt");
    let file = case.folder.join("articles").join(name);
    if fs::write(&file, STORY).is_err() {
        return; // the file system refuses such names (not the case on Linux)
    }
    let project_file = case.folder.join("p.dossier.ron");
    project_of(vec![file.clone()], &project_file);
    let ws = Workspace::open(&project_file).unwrap();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    assert_eq!(texts_read(&ws), 1);
    assert_eq!(ws.article_path(&ws.project().articles[0]), file);
}
