//! Publication dates proposed from the dossier for articles that state
//! none: proposed after an import and after each change to the articles,
//! shown as inferred, used for relative dates and the timeline, undone with
//! the change that caused them, and replaced by a date the analyst sets.

// The shared helpers also serve other test files; this one uses one of them.
#[allow(dead_code)]
mod common;

use std::fs;

use chrono::NaiveDate;
use dossier::analysis::timeline::TimelineLayout;
use dossier::commands::Command;
use dossier::model::{DateOrigin, FactKind};
use dossier::workspace::Workspace;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Two dated articles and one that states no date but names "June 12".
fn story() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.txt",
            "Ferry runs aground\nPublished: 2026-06-10\n\nA ferry ran aground off Port Alder.\n",
        ),
        (
            "b.txt",
            "Salvage begins\nPublished: 2026-06-14\n\nTugs reached the ferry at Port Alder.\n",
        ),
        (
            "c.txt",
            "Ferry refloated\n\nThe ferry was refloated on June 12, the harbour master said. \
             Divers had inspected the hull on Thursday.\n",
        ),
    ];
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let ws = common::import(dir.path());
    (dir, ws)
}

fn article<'a>(ws: &'a Workspace, file: &str) -> &'a dossier::model::Article {
    ws.project()
        .articles
        .iter()
        .find(|a| a.file_name() == file)
        .expect("article")
}

#[test]
fn an_undated_article_gets_a_date_from_the_dossier() {
    let (_dir, ws) = story();
    let c = article(&ws, "c.txt");
    assert_eq!(c.published, date(2026, 6, 12));
    assert!(c.date_origin.is_inferred());
    let shown = c.date_origin.describe();
    assert!(
        shown.starts_with("inferred from the dossier — please confirm"),
        "{shown}"
    );
    assert!(shown.contains("June 12"), "{shown}");
    let times: Vec<&str> = ws
        .project()
        .facts_of(c.id)
        .filter(|f| f.kind == FactKind::Time)
        .map(|f| f.value.as_str())
        .collect();
    assert!(times.contains(&"2026-06-12"), "{times:?}");
    assert!(
        times.contains(&"2026-06-11"),
        "Thursday before June 12: {times:?}"
    );
}

#[test]
fn its_dates_reach_the_timeline_drawn_as_inferred() {
    let (_dir, ws) = story();
    let layout = TimelineLayout::build(ws.project());
    let lane = layout
        .lanes
        .iter()
        .position(|(_, name)| name == "c")
        .expect("lane");
    assert!(layout.published_inferred[lane]);
    let marks: Vec<_> = layout.items.iter().filter(|i| i.lane == lane).collect();
    assert!(!marks.is_empty());
    assert!(marks.iter().all(|i| i.inferred));
    let dated = layout.lanes.iter().position(|(_, n)| n == "a").unwrap();
    assert!(!layout.published_inferred[dated]);
}

#[test]
fn a_date_the_analyst_sets_replaces_it_and_undo_takes_both_back() {
    let (_dir, mut ws) = story();
    let id = article(&ws, "c.txt").id;
    ws.execute(Command::SetPublished(id, date(2026, 6, 13)))
        .expect("sets");
    let c = article(&ws, "c.txt");
    assert_eq!(c.published, date(2026, 6, 13));
    assert_eq!(c.date_origin, DateOrigin::Manual);
    ws.execute(Command::Undo).unwrap();
    assert!(article(&ws, "c.txt").date_origin.is_inferred());
    ws.execute(Command::Undo).unwrap();
    assert!(
        ws.project().articles.is_empty(),
        "one step added and dated them"
    );
}

#[test]
fn removing_the_dated_articles_withdraws_the_proposal() {
    let (_dir, mut ws) = story();
    let dated: Vec<_> = ["a.txt", "b.txt"]
        .iter()
        .map(|f| article(&ws, f).id)
        .collect();
    ws.execute(Command::RemoveArticles(dated)).expect("removes");
    let c = article(&ws, "c.txt");
    assert_eq!(c.published, None, "no year for June 12 without the others");
    assert_eq!(c.date_origin, DateOrigin::Unknown);
    assert!(
        ws.project()
            .facts_of(c.id)
            .filter(|f| f.kind == FactKind::Time)
            .all(|f| f.value.starts_with("XXXX")),
        "dates without a year again"
    );
}
