//! Events across articles end to end: look-alike events kept apart, one
//! happening told by several sources grouped, the analyst's merges, splits
//! and names undoable, saved and kept through re-extraction. The sentences
//! are written for these tests.

mod common;

use dossier::analysis::{Comparison, Event};
use dossier::commands::Command;
use dossier::export::report::Report;
use dossier::workspace::Workspace;

use common::{compare, dossier, reextract};

/// The events of type `ty`, as (date, number of sources).
fn of_type<'a>(cmp: &'a Comparison, ty: &str) -> Vec<&'a Event> {
    cmp.events
        .list
        .iter()
        .filter(|e| e.ty.as_str() == ty)
        .collect()
}

fn date(e: &Event) -> &str {
    e.date.as_ref().map_or("", |d| d.value.as_str())
}

#[test]
fn two_rounds_of_talks_stay_two_events_and_each_gathers_its_sources() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-04-10",
            "The first round of talks between Arland and Boravia was held in Geneva on 2 April. \
             The delegations met again in Geneva on 9 April for a second round of talks.",
        ),
        (
            "b.txt",
            "2031-04-10",
            "Negotiators from Arland and Boravia held a second round of talks in Geneva on April 9. \
             The talks lasted four hours.",
        ),
        (
            "c.txt",
            "2031-04-03",
            "Arland and Boravia opened the first round of talks in Geneva on Wednesday.",
        ),
    ]);
    let cmp = compare(&ws);
    let talks = of_type(&cmp, "meeting");
    let first = talks
        .iter()
        .find(|e| e.series.as_deref() == Some("1"))
        .unwrap();
    let second = talks
        .iter()
        .find(|e| e.series.as_deref() == Some("2"))
        .unwrap();
    assert_eq!(date(first), "2031-04-02");
    assert_eq!(date(second), "2031-04-09");
    assert_eq!(first.articles.len(), 2, "{first:#?}");
    assert_eq!(second.articles.len(), 2, "{second:#?}");
    let first_mentions: Vec<_> = first.mentions.iter().map(|m| m.fact).collect();
    assert!(
        second
            .mentions
            .iter()
            .all(|m| !first_mentions.contains(&m.fact))
    );
}

#[test]
fn two_hearings_of_one_court_on_different_days_stay_apart() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-06-20",
            "The district court in Tarnow held a hearing on June 3 in the fraud case.",
        ),
        (
            "b.txt",
            "2031-06-20",
            "The same court in Tarnow held another hearing on June 17.",
        ),
    ]);
    let cmp = compare(&ws);
    let hearings = of_type(&cmp, "court");
    let mut dates: Vec<&str> = hearings.iter().map(|e| date(e)).collect();
    dates.sort();
    assert_eq!(dates, ["2031-06-03", "2031-06-17"]);
}

#[test]
fn a_town_and_its_country_place_one_fire_but_two_towns_keep_two_fires_apart() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-05-06",
            "A fire destroyed a warehouse in Valmora on 5 May.",
        ),
        (
            "b.txt",
            "2031-05-06",
            "A fire destroyed a warehouse in Portugal on 5 May, officials said.",
        ),
        (
            "c.txt",
            "2031-05-06",
            "A fire destroyed a warehouse in Castelbranco on 5 May.",
        ),
    ]);
    let cmp = compare(&ws);
    let fires = of_type(&cmp, "disaster");
    let mut sizes: Vec<usize> = fires.iter().map(|e| e.articles.len()).collect();
    sizes.sort();
    assert_eq!(sizes, [1, 2], "{fires:#?}");
}

#[test]
fn a_date_borrowed_from_the_day_before_does_not_keep_a_mention_apart() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-09-20",
            "Voters in Arland went to the polls on 17 September. \
             Police later arrested the mayor of Tarnow, Ilse Varga, on corruption charges.",
        ),
        (
            "b.txt",
            "2031-09-20",
            "Police arrested Ilse Varga, the mayor of Tarnow, on 18 September.",
        ),
    ]);
    let cmp = compare(&ws);
    let arrests = of_type(&cmp, "arrest");
    assert!(
        arrests.iter().any(|e| e.articles.len() == 2),
        "one arrest told by both articles: {arrests:#?}"
    );
}

#[test]
fn a_mention_on_the_same_weekday_joins_that_event_rather_than_the_latest_with_its_word() {
    let (_dir, ws) = dossier(&[(
        "a.txt",
        "",
        "The body of a second climber was recovered Sunday, rangers said. \
         The first climber was recovered on March 3. \
         Of the two hikers who did not return, both have now been found. \
         The climber found Sunday was identified by the coroner on Monday.",
    )]);
    let cmp = compare(&ws);
    let text = ws.texts().values().next().unwrap().clone();
    let recovered = text.find("recovered Sunday").unwrap();
    let found = text.find("found Sunday").unwrap();
    let event = of_type(&cmp, "recovery")
        .into_iter()
        .find(|e| e.mentions.iter().any(|m| m.start == recovered))
        .unwrap();
    assert!(
        event.mentions.iter().any(|m| m.start == found),
        "both Sunday mentions tell of one recovery: {event:#?}"
    );
}

#[test]
fn a_venue_and_its_town_place_one_round_of_talks() {
    let (_dir, ws) = dossier(&[(
        "a.txt",
        "2031-06-03",
        "Arland and Boravia held a second round of talks at the Varnel Palace on Monday. \
         The second round of talks in Tarnow ended after an hour.",
    )]);
    let cmp = compare(&ws);
    let second: Vec<_> = of_type(&cmp, "meeting")
        .into_iter()
        .filter(|e| e.series.as_deref() == Some("2"))
        .collect();
    assert_eq!(second.len(), 1, "one second round: {second:#?}");
}

#[test]
fn talks_to_come_are_not_the_talks_that_were_held() {
    let (_dir, ws) = dossier(&[(
        "a.txt",
        "2031-06-12",
        "Envoys of Arland and Boravia held talks in Geneva on Monday. \
         No agreement was announced. Both sides said they would hold talks again \
         after the summer recess.",
    )]);
    let cmp = compare(&ws);
    let talks = of_type(&cmp, "meeting");
    assert_eq!(
        talks.len(),
        2,
        "the talks held and the talks to come: {talks:#?}"
    );
    assert!(talks.iter().any(|e| date(e) == "2031-06-09"));
}

#[test]
fn two_look_alike_stories_in_one_folder_keep_their_undated_searches_apart() {
    let quake = "A strong earthquake shook the mountain town of Velmora, collapsing the old \
                 stone bridge and cutting the road to the valley; rescuers searched the rubble \
                 of the bridge for the missing shepherds of Velmora.";
    let flood = "Floodwaters of the Tarn river swept through the harbour district of Ostrel, \
                 and rescuers searched the flooded warehouses of the harbour for missing \
                 dockworkers of Ostrel.";
    let (_dir, ws) = dossier(&[
        ("q1.txt", "", quake),
        ("q2.txt", "", &quake.replace("strong", "powerful")),
        ("f1.txt", "", flood),
        ("f2.txt", "", &flood.replace("swept", "rushed")),
    ]);
    let cmp = compare(&ws);
    let searches = of_type(&cmp, "search");
    let files = |e: &Event| e.articles.len();
    assert!(
        searches.iter().all(|e| files(e) <= 2),
        "no search joins the two stories: {searches:#?}"
    );
    assert!(
        searches.iter().any(|e| files(e) == 2),
        "each story's search is one event: {searches:#?}"
    );
}

#[test]
fn a_meeting_recalled_from_years_ago_is_not_this_years_meeting() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2035-02-11",
            "The two presidents met in Vienna on February 10. They last met in Vienna in 2031.",
        ),
        (
            "b.txt",
            "2035-02-11",
            "The presidents met in Vienna on Saturday, their first meeting since 2031.",
        ),
    ]);
    let cmp = compare(&ws);
    let meetings = of_type(&cmp, "meeting");
    let this_year = meetings
        .iter()
        .find(|e| date(e) == "2035-02-10")
        .expect("the meeting of February 10");
    assert_eq!(this_year.articles.len(), 2, "{meetings:#?}");
    assert!(
        meetings.iter().any(|e| date(e) == "2031"),
        "the 2031 meeting is an event of its own: {meetings:#?}"
    );
}

#[test]
fn the_report_lists_events_in_time_order_with_code_point_mentions() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-04-10",
            "Über Nacht: rebels freed 40 hostages in Dala on April 8. Troops arrived in Dala on April 9.",
        ),
        (
            "b.txt",
            "2031-04-10",
            "Forty hostages were freed in Dala on April 8, officials said.",
        ),
    ]);
    let cmp = compare(&ws);
    let report = Report::build(&ws, &cmp);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let events = json["events"].as_array().unwrap();
    let dated: Vec<&str> = events.iter().filter_map(|e| e["date"].as_str()).collect();
    let mut sorted = dated.clone();
    sorted.sort();
    assert_eq!(dated, sorted, "events in time order");
    let release = events
        .iter()
        .find(|e| e["type"] == "transfer")
        .expect("the release");
    assert_eq!(release["date"], "2031-04-08");
    assert_eq!(release["sources"].as_array().unwrap().len(), 2);
    let text = std::fs::read_to_string(_dir.path().join("a.txt")).unwrap();
    for m in release["mentions"].as_array().unwrap() {
        if m["file"] != "a.txt" {
            continue;
        }
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let quoted: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(quoted, m["text"].as_str().unwrap());
    }
    assert!(json["aliases"][0]["mentions"].as_array().is_some());
    assert!(report.to_markdown().contains("## Events in time order"));
}

fn event_of<'a>(cmp: &'a Comparison, ws: &Workspace, file: &str, trigger: &str) -> &'a Event {
    cmp.events
        .list
        .iter()
        .find(|e| {
            e.mentions.iter().any(|m| {
                ws.project().fact(m.fact).is_some_and(|f| f.text == trigger)
                    && ws.project().article(m.article).unwrap().file_name() == file
            })
        })
        .unwrap_or_else(|| panic!("no event '{trigger}' in {file}"))
}

#[test]
fn merges_splits_and_names_are_undoable_saved_and_survive_reextraction() {
    let (dir, mut ws) = dossier(&[
        (
            "a.txt",
            "2031-04-10",
            "A ferry capsized near Orre on April 8. The ferry carried 60 passengers.",
        ),
        (
            "b.txt",
            "2031-04-10",
            "Rescuers said a boat sank off the coast.",
        ),
    ]);
    let cmp = compare(&ws);
    let capsized = event_of(&cmp, &ws, "a.txt", "capsized").key();
    let sank = event_of(&cmp, &ws, "b.txt", "sank").key();
    assert_ne!(
        cmp.events.by_mention_key(&capsized),
        cmp.events.by_mention_key(&sank)
    );

    ws.execute(Command::MergeEvents(capsized.clone(), sank.clone()))
        .unwrap();
    ws.execute(Command::RenameEvent(sank.clone(), "Ferry sinking".into()))
        .unwrap();
    let cmp = compare(&ws);
    let merged = cmp.events.by_mention_key(&capsized).unwrap();
    assert_eq!(cmp.events.by_mention_key(&sank), Some(merged));
    assert_eq!(cmp.events.list[merged].label, "Ferry sinking");

    ws.execute(Command::Undo).unwrap();
    ws.execute(Command::Undo).unwrap();
    let cmp = compare(&ws);
    assert_ne!(
        cmp.events.by_mention_key(&capsized),
        cmp.events.by_mention_key(&sank)
    );
    ws.execute(Command::Redo).unwrap();
    ws.execute(Command::Redo).unwrap();

    let file = dir.path().join("ferry.dossier.ron");
    ws.save_as(&file).unwrap();
    let mut reopened = Workspace::open(&file).unwrap();
    assert_eq!(reopened.project().decisions, ws.project().decisions);
    reextract(&mut reopened);
    let cmp = compare(&reopened);
    let merged = cmp.events.by_mention_key(&capsized).unwrap();
    assert_eq!(cmp.events.by_mention_key(&sank), Some(merged));
    assert_eq!(cmp.events.list[merged].label, "Ferry sinking");

    reopened.execute(Command::SplitEvent(sank.clone())).unwrap();
    let cmp = compare(&reopened);
    assert_ne!(
        cmp.events.by_mention_key(&capsized),
        cmp.events.by_mention_key(&sank)
    );
    reopened.execute(Command::Undo).unwrap();
    let cmp = compare(&reopened);
    assert_eq!(
        cmp.events.by_mention_key(&capsized),
        cmp.events.by_mention_key(&sank)
    );
}

#[test]
fn the_sample_dossier_has_its_main_events_with_their_sources_and_dates() {
    let ws = common::import(std::path::Path::new(common::SAMPLE));
    let cmp = compare(&ws);
    let find = |ty: &str, day: &str| {
        cmp.events
            .list
            .iter()
            .find(|e| e.ty.as_str() == ty && date(e) == day)
            .unwrap_or_else(|| panic!("no {ty} event on {day}"))
    };
    assert!(find("meeting", "2025-05-16").articles.len() >= 3);
    assert!(find("meeting", "2025-05-18").articles.len() >= 2);
    assert_eq!(find("meeting", "2025-06-02").series.as_deref(), Some("2"));
    assert_eq!(find("transfer", "2025-05-06").articles.len(), 1);
    let planned = find("transfer", "2025-06-07");
    assert_eq!(planned.status.as_str(), "planned");
    let post = cmp.events.list.iter().any(|e| {
        date(e) == "2025-05-19"
            && e.mentions.iter().any(|m| {
                ws.project()
                    .fact(m.fact)
                    .is_some_and(|f| f.text.starts_with("post"))
            })
    });
    assert!(post, "the minister's post of 19 May");
}
