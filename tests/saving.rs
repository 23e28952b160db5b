//! Saving under fire: a writer killed at random moments never leaves a
//! damaged project or backup, and the command line's `-o` never destroys
//! what it did not write and explains what it cannot do.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use dossier::model::{Article, ArticleId, DateOrigin, Project, Reliability};
use dossier::store;

/// Set in the child process: the project file it saves again and again.
const CHILD_TARGET: &str = "DOSSIER_TEST_SAVE_CHILD";

/// Saved state number `n`: big enough (about 1 MB) that a save takes a while,
/// and every state different, so a mixture of two would be seen.
fn state(n: u64) -> Project {
    let mut project = Project::default();
    for i in 0..3000 {
        let id = ArticleId(project.allocate_id());
        project.articles.push(Article {
            id,
            path: format!("articles/{i}.txt"),
            path_bytes: None,
            title: format!("state {n}, article {i}: talks resume in the capital"),
            outlet: "The Daily Example".into(),
            url: format!("https://example.org/{n}/{i}"),
            published: None,
            date_origin: DateOrigin::Unknown,
            content_hash: format!("{n:064}"),
            reliability: Reliability::default(),
            provenance: Default::default(),
        });
    }
    project
}

/// The state number of a saved project, checking it is that state whole;
/// reads the text only, without the tidying up that opening does.
fn state_of(path: &Path) -> u64 {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let project = store::from_ron(&text, path).unwrap_or_else(|e| panic!("{e}"));
    let title = &project.articles[0].title;
    let n: u64 = title
        .strip_prefix("state ")
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}: unexpected title {title}", path.display()));
    assert!(
        project == state(n),
        "{} is not state {n} whole",
        path.display()
    );
    n
}

/// The child's work: saves the states after the one on disk, one after the
/// other, until killed (or, should the parent vanish, for at most 20 s).
fn save_until_killed(path: &Path) {
    let started = Instant::now();
    let mut n = state_of(path);
    while started.elapsed() < Duration::from_secs(20) {
        n += 1;
        store::save(&state(n), path).unwrap();
    }
}

/// A small random generator, seeded from the clock (no crate needed).
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_project_and_backup_whole() {
    if let Some(target) = std::env::var_os(CHILD_TARGET) {
        save_until_killed(Path::new(&target));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.dossier.ron");
    let backup = store::backup_path(&path);
    store::save(&state(0), &path).unwrap();
    store::save(&state(1), &path).unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut random = Random(seed | 1);
    let started = Instant::now();
    let (mut kills, mut mid_save) = (0, 0);
    while kills < 80 && started.elapsed() < Duration::from_secs(12) {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_writer_killed_at_any_moment_leaves_the_project_and_backup_whole",
                "--test-threads=1",
            ])
            .env(CHILD_TARGET, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + random.below(200)));
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;

        if names_in(dir.path()).len() > 2 {
            mid_save += 1;
        }
        let now = state_of(&path);
        if kills % 2 == 0 {
            store::load(&path).unwrap();
            assert_eq!(
                names_in(dir.path()),
                ["p.dossier.ron", "p.dossier.ron.bak"],
                "seed {seed}: opening removes what the killed writer left"
            );
        }
        let before = state_of(&backup);
        assert!(
            before + 1 == now || before == now,
            "seed {seed}: project is state {now}, backup state {before}"
        );
        store::save(&state(now + 1), &path).unwrap();
        assert_eq!(
            names_in(dir.path()),
            ["p.dossier.ron", "p.dossier.ron.bak"],
            "seed {seed}: saving removes what the killed writer left"
        );
        assert_eq!(state_of(&backup), now);
    }
    assert!(kills >= 20, "only {kills} kills in the time allowed");
    assert!(
        mid_save > 0,
        "seed {seed}: none of {kills} kills hit a save in progress"
    );
}

/// Runs the `dossier` binary.
fn run_dossier<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

/// A folder with one short article, and the temporary folder holding it.
fn one_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    fs::write(
        articles.join("a.txt"),
        "Talks resume\n\nNegotiators met in Istanbul on May 16, 2025.\n",
    )
    .unwrap();
    (dir, articles)
}

#[test]
fn extract_keeps_an_autosave_it_did_not_write() {
    let (dir, articles) = one_article();
    let project = dir.path().join("p.dossier.ron");
    let autosave = store::autosave_path(&project);
    fs::write(&autosave, "the window's unsaved work").unwrap();
    let out = run_dossier(&[
        "extract".as_ref(),
        articles.as_os_str(),
        "-o".as_ref(),
        project.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(store::load(&project).is_ok());
    assert_eq!(
        fs::read_to_string(&autosave).unwrap(),
        "the window's unsaved work"
    );
}

#[test]
fn extract_explains_outputs_it_cannot_write() {
    let (dir, articles) = one_article();
    let extract_to = |target: &Path| {
        let out = run_dossier(&[
            "extract".as_ref(),
            articles.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ]);
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let missing = dir.path().join("no-such-folder/p.dossier.ron");
    let said = extract_to(&missing);
    assert!(
        said.contains("the folder") && said.contains("no-such-folder” does not exist"),
        "{said}"
    );
    assert!(
        !said.contains("dossier.ron."),
        "no temporary file is named: {said}"
    );

    let said = extract_to(&articles);
    assert!(
        said.contains("it is a folder; give a file name inside it"),
        "{said}"
    );

    let fifo = dir.path().join("pipe.dossier.ron");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        let said = extract_to(&fifo);
        assert!(said.contains("is not an ordinary file"), "{said}");
        fs::remove_file(&fifo).unwrap();
    }
    assert_eq!(names_in(dir.path()), ["articles"], "nothing left behind");
    assert_eq!(names_in(&articles), ["a.txt"]);
}
