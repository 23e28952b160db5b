//! Comparing sources end to end: articles on disk are imported and extracted
//! as the app does, then compared. The five seeds, and small dossiers
//! written here for each kind of contradiction, alias grouping and copies.

use std::fs;
use std::path::Path;

use dossier::analysis::{Comparison, ContradictionKind};
use dossier::commands::Command;
use dossier::export::report::Report;
use dossier::model::{FactKind, Verdict, VerdictState};
use dossier::workspace::Workspace;

mod common;

use common::{SAMPLE, compare, dossier, import};

/// The file names of articles, sorted.
fn files(ws: &Workspace, ids: &[dossier::model::ArticleId]) -> Vec<String> {
    let mut out: Vec<String> = ids
        .iter()
        .map(|id| ws.project().article(*id).unwrap().file_name().to_owned())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn seeds() -> Workspace {
    import(Path::new(SAMPLE))
}

#[test]
fn seeds_muradov_and_umerov_are_a_person_contradiction_with_each_side_sourced() {
    let ws = seeds();
    let cmp = compare(&ws);
    let c = cmp
        .contradictions
        .iter()
        .find(|c| c.kind == ContradictionKind::Person && c.topic.contains("Defense Minister"))
        .expect("the defence minister contradiction");
    let side = |name: &str| {
        let claim = c.claims.iter().find(|cl| cl.value.contains(name)).unwrap();
        files(&ws, &claim.articles)
    };
    assert_eq!(
        side("Muradov"),
        [
            "000_0b2518abd44a6d31.txt",
            "001_b1358e757e5f7fa0.txt",
            "002_8d9ef33f1eca3d55.txt"
        ]
    );
    assert_eq!(side("Umerov"), ["003_a151e28ef549cfb6.txt"]);
    assert_eq!(c.claims.len(), 2);
}

#[test]
fn seeds_thousand_for_thousand_is_corroborated_by_at_least_three_articles() {
    let ws = seeds();
    let cmp = compare(&ws);
    let cluster = cmp
        .clusters
        .list
        .iter()
        .find(|c| c.kind == FactKind::Quantity && c.value.starts_with("1000 for 1000"))
        .expect("the exchange formula cluster");
    assert!(cluster.independent >= 3, "{cluster:?}");
    let texts: Vec<&str> = cluster
        .facts
        .iter()
        .map(|f| ws.project().fact(*f).unwrap().text.as_str())
        .collect();
    assert!(texts.contains(&"1,000-for-1,000"), "{texts:?}");
    assert!(texts.contains(&"1000 for 1000"), "{texts:?}");
    for fact in &cluster.facts {
        assert_eq!(cmp.corroboration(*fact), Some(cluster.independent));
    }
    let putin = cmp
        .clusters
        .list
        .iter()
        .find(|c| c.kind == FactKind::Role && c.value == "Vladimir Putin: President of Russia")
        .expect("Putin's role");
    assert_eq!(
        putin.independent, 3,
        "\"President Putin\" corroborates \"Russian President Vladimir Putin\""
    );
}

#[test]
fn seeds_classified_and_encrypted_claims_are_single_source() {
    let ws = seeds();
    let cmp = compare(&ws);
    let a002 = ws
        .project()
        .articles
        .iter()
        .find(|a| a.path.contains("002_"))
        .unwrap()
        .id;
    for phrase in ["classified communication", "encrypted channel"] {
        let found = cmp
            .single_source
            .iter()
            .find(|c| c.text.contains(phrase))
            .unwrap_or_else(|| panic!("{phrase} is not listed as single-source"));
        assert_eq!(found.article, a002);
    }
    assert!(
        !cmp.single_source
            .iter()
            .any(|c| c.kind == "quantity" && c.value == "1000 for 1000"),
        "a corroborated fact is not single-source"
    );
}

#[test]
fn seeds_group_transliterations_and_surnames_and_keep_kiev_kyiv_an_alias_not_a_contradiction() {
    let ws = seeds();
    let cmp = compare(&ws);
    let group_with = |form: &str| {
        cmp.aliases
            .groups
            .iter()
            .find(|g| g.forms.iter().any(|f| f.text == form))
            .unwrap_or_else(|| panic!("no group holds {form}"))
    };
    let zelensky = group_with("Zelenskyy");
    for form in [
        "Volodymyr Zelensky",
        "Volodymyr Zelenskyy",
        "Vladimir Zelensky",
    ] {
        assert!(zelensky.forms.iter().any(|f| f.text == form), "{form}");
    }
    assert_eq!(group_with("Medinsky").name, "Vladimir Medinsky");
    assert_eq!(group_with("Kyiv").name, group_with("Kiev").name);
    assert_ne!(
        group_with("Rustem Muradov").name,
        group_with("Rustem Umerov").name
    );
    let city = group_with("Kyiv");
    assert!(city.forms.iter().all(|f| !f.articles.is_empty()));
    assert!(city.forms.iter().any(|f| f.text == "Kiev"));
    assert!(!cmp.contradictions.iter().any(|c| {
        c.claims
            .iter()
            .any(|cl| cl.value == "Kyiv" || cl.value == "Kiev")
    }));
}

#[test]
fn a_toll_that_falls_over_days_is_an_update_oldest_first_and_two_sizes_a_conflict() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-04-02",
            "Mine flood\nRescuers said 12 miners are still missing after the flood at the Korvel pit. The 300-foot tower above the shaft was evacuated.\n",
        ),
        (
            "b.txt",
            "2031-04-04",
            "Flood at Korvel pit\nNine miners remain missing at the Korvel pit, officials said. The 250-foot tower above the shaft stood.\n",
        ),
        (
            "c.txt",
            "2031-04-06",
            "Korvel pit\nFive miners are still missing, the operator said on its website.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let toll = cmp
        .contradictions
        .iter()
        .find(|c| c.kind == ContradictionKind::Tally && c.topic == "people missing")
        .expect("a tally of the missing");
    assert_eq!(toll.nature.as_str(), "update");
    let values: Vec<&str> = toll.claims.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["12", "9", "5"], "oldest first");
    let size = cmp
        .contradictions
        .iter()
        .find(|c| c.topic == "length of the tower")
        .expect("two lengths of the tower");
    assert_eq!(size.nature.as_str(), "conflict");
    assert_eq!(size.claims.len(), 2);
}

#[test]
fn a_place_spelled_two_ways_is_one_alias_and_no_contradiction() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-05-02",
            "Talks\nThe delegations met in Türkiye on Monday, the ministry of Veloria said.\n",
        ),
        (
            "b.txt",
            "2031-05-02",
            "Talks held\nThe delegations met in Turkey on Monday, officials in Veloria said.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let group = cmp
        .aliases
        .groups
        .iter()
        .find(|g| g.forms.iter().any(|f| f.text == "Turkey"))
        .expect("Turkey is a name");
    assert!(group.forms.iter().any(|f| f.text == "Türkiye"), "{group:?}");
    assert!(cmp.contradictions.is_empty(), "{:?}", cmp.contradictions);
}

#[test]
fn a_number_contradiction_beyond_the_stated_approximation() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-03-10",
            "Ferry sinks\nThe ferry accident killed 45 passengers, the coast guard said on Sunday.\n",
        ),
        (
            "b.txt",
            "2024-03-10",
            "Disaster at sea\nThe ferry accident killed 61 passengers, local officials said.\n",
        ),
        (
            "c.txt",
            "2024-03-10",
            "Mourning\nThe ferry accident killed about 50 passengers, a hospital spokesman said.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let numbers: Vec<_> = cmp
        .contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Number)
        .collect();
    assert_eq!(numbers.len(), 1, "{numbers:?}");
    let values: Vec<&str> = numbers[0].claims.iter().map(|c| c.value.as_str()).collect();
    assert!(
        values.contains(&"45") && values.contains(&"61"),
        "{values:?}"
    );
    assert!(
        numbers[0].topic.contains("passenger"),
        "{}",
        numbers[0].topic
    );
}

#[test]
fn counts_within_the_approximation_or_of_different_events_do_not_contradict() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-03-10",
            "Ferry sinks\nThe ferry accident killed 48 passengers, the coast guard said.\n\
             On March 3, 2024, a missile strike killed 12 soldiers near the border.\n",
        ),
        (
            "b.txt",
            "2024-03-10",
            "Disaster at sea\nThe ferry accident killed about 50 passengers, officials said.\n\
             On March 9, 2024, a missile strike killed 30 soldiers near the border.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let numbers: Vec<_> = cmp
        .contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Number)
        .collect();
    assert!(numbers.is_empty(), "{numbers:?}");
}

#[test]
fn a_date_contradiction_respects_precision() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-03-20",
            "Talks\nThe summit in Geneva took place on March 3, 2024, officials said.\n",
        ),
        (
            "b.txt",
            "2024-03-20",
            "Talks end\nThe summit in Geneva took place on March 5, 2024, organisers said.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let dates: Vec<_> = cmp
        .contradictions
        .iter()
        .filter(|c| c.kind == ContradictionKind::Date)
        .collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    let values: Vec<&str> = dates[0].claims.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values.len(), 2);
    assert!(values.contains(&"2024-03-03") && values.contains(&"2024-03-05"));

    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-03-20",
            "Talks\nThe summit in Geneva took place on March 3, 2024, officials said.\n",
        ),
        (
            "b.txt",
            "2024-03-20",
            "Talks end\nThe summit in Geneva took place in March 2024, organisers said.\n",
        ),
    ]);
    let cmp = compare(&ws);
    assert!(
        !cmp.contradictions
            .iter()
            .any(|c| c.kind == ContradictionKind::Date),
        "March 2024 does not contradict March 3, 2024: {:?}",
        cmp.contradictions
    );
}

#[test]
fn a_role_held_by_two_people_is_a_person_contradiction() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-05-02",
            "Budget\nNorway's Finance Minister Anna Kovacs said on Monday the budget would pass.\n",
        ),
        (
            "b.txt",
            "2024-05-02",
            "Budget vote\nNorway's Finance Minister Erik Lund told reporters the vote was close.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let person = cmp
        .contradictions
        .iter()
        .find(|c| c.kind == ContradictionKind::Person)
        .expect("a person contradiction");
    let values: Vec<&str> = person.claims.iter().map(|c| c.value.as_str()).collect();
    assert!(values.contains(&"Anna Kovacs") && values.contains(&"Erik Lund"));
}

#[test]
fn two_people_who_share_a_surname_stay_two_and_a_lone_surname_goes_to_the_one_in_its_article() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2024-05-02",
            "Visit\nPrime Minister Joe Carter arrived in Ottawa on Monday. Carter said the \
             visit was a success.\n",
        ),
        (
            "b.txt",
            "2024-05-02",
            "Protest\nSenator Ann Carter criticised the plan on Monday. Carter said she \
             would vote against it.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let groups: Vec<_> = cmp
        .aliases
        .groups
        .iter()
        .filter(|g| g.name.ends_with("Carter"))
        .collect();
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    assert!(
        names.contains(&"Joe Carter") && names.contains(&"Ann Carter"),
        "{names:?}"
    );
    for g in &groups {
        let articles = files(&ws, &g.articles().into_iter().collect::<Vec<_>>());
        assert_eq!(articles.len(), 1, "{} is in {articles:?}", g.name);
    }
}

#[test]
fn copies_are_one_independent_source() {
    let wire = "Negotiators from both countries met in the coastal city on Tuesday and agreed \
        to exchange 500 detainees before the end of the month, officials said. The agreement \
        follows three weeks of indirect contacts brokered by a neutral government, which \
        hosted the delegations in a former royal residence. Observers cautioned that earlier \
        arrangements had collapsed within days of being announced.\n";
    let (_dir, ws) = dossier(&[
        ("wire.txt", "2024-05-02", &format!("Deal reached\n{wire}")),
        (
            "rewrite.txt",
            "2024-05-02",
            &format!(
                "Exclusive: a deal at last\n{wire}Our correspondent adds that the mood was tense.\n"
            ),
        ),
        (
            "other.txt",
            "2024-05-02",
            "Bridge opens\nA new bridge opened downtown on Friday after four years of work, \
             the mayor said.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let id = |name: &str| {
        ws.project()
            .articles
            .iter()
            .find(|a| a.file_name() == name)
            .unwrap()
            .id
    };
    assert_eq!(
        cmp.sources.of(id("rewrite.txt")),
        cmp.sources.of(id("wire.txt"))
    );
    assert_ne!(
        cmp.sources.of(id("other.txt")),
        cmp.sources.of(id("wire.txt"))
    );
    let detainees = cmp
        .clusters
        .list
        .iter()
        .find(|c| c.kind == FactKind::Quantity && c.value.contains("500"))
        .expect("the detainee count");
    assert_eq!(detainees.articles.len(), 2);
    assert_eq!(detainees.independent, 1, "a copy does not corroborate");
}

#[test]
fn merges_splits_and_verdicts_are_undoable_saved_and_survive_reextraction() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = seeds();
    let cmp = compare(&ws);
    let group_of = |cmp: &Comparison, form: &str| {
        cmp.aliases
            .groups
            .iter()
            .position(|g| g.forms.iter().any(|f| f.text == form))
            .unwrap()
    };
    assert_ne!(
        group_of(&cmp, "Rustem Muradov"),
        group_of(&cmp, "Rustem Umerov")
    );

    ws.execute(Command::MergeAliases(
        "rustem muradov".into(),
        "rustem umerov".into(),
    ))
    .unwrap();
    ws.execute(Command::SplitAlias("kyiv".into())).unwrap();
    let key = compare(&ws)
        .contradictions
        .iter()
        .find(|c| c.kind == ContradictionKind::Person)
        .map(|c| c.key());
    let cmp = compare(&ws);
    assert_eq!(
        group_of(&cmp, "Rustem Muradov"),
        group_of(&cmp, "Rustem Umerov")
    );
    assert_ne!(group_of(&cmp, "Kiev"), group_of(&cmp, "Kyiv"));
    assert!(
        key.is_none(),
        "one person holding the role is no contradiction"
    );

    ws.execute(Command::Undo).unwrap();
    ws.execute(Command::Undo).unwrap();
    let cmp = compare(&ws);
    assert_ne!(
        group_of(&cmp, "Rustem Muradov"),
        group_of(&cmp, "Rustem Umerov")
    );
    assert_eq!(group_of(&cmp, "Kiev"), group_of(&cmp, "Kyiv"));
    ws.execute(Command::Redo).unwrap();

    let person = cmp
        .contradictions
        .iter()
        .find(|c| c.kind == ContradictionKind::Person)
        .unwrap()
        .key();
    let verdict = Verdict {
        state: VerdictState::Resolved,
        note: "Umerov is the minister; Muradov is a misspelling spread by copies".into(),
    };
    ws.execute(Command::SetVerdict(person.clone(), verdict.clone()))
        .unwrap();

    let file = dir.path().join("seeds.dossier.ron");
    ws.save_as(&file).unwrap();
    let mut reopened = Workspace::open(&file).unwrap();
    assert_eq!(reopened.project().decisions, ws.project().decisions);
    common::reextract(&mut reopened);
    let cmp = compare(&reopened);
    assert_eq!(
        group_of(&cmp, "Rustem Muradov"),
        group_of(&cmp, "Rustem Umerov")
    );
    let report = Report::build(&reopened, &cmp);
    assert_eq!(reopened.project().decisions.verdicts[&person], verdict);
    assert!(report.to_markdown().contains("Rustem Muradov"));
}

#[test]
fn the_report_has_the_documented_json_shape_with_code_point_offsets() {
    let ws = seeds();
    let cmp = compare(&ws);
    let json: serde_json::Value =
        serde_json::from_str(&Report::build(&ws, &cmp).to_json()).unwrap();
    for key in [
        "articles",
        "aliases",
        "clusters",
        "contradictions",
        "single_source",
    ] {
        assert!(json[key].is_array(), "{key}");
    }
    let natures: Vec<&str> = json["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["nature"].as_str())
        .collect();
    assert_eq!(
        natures.len(),
        json["contradictions"].as_array().unwrap().len()
    );
    assert!(
        natures
            .iter()
            .all(|n| ["conflict", "update", "attributed"].contains(n))
    );
    let told_events = json["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "event")
        .count();
    assert!(
        told_events > 0,
        "events told by several sources are clusters"
    );
    let article = &json["articles"][0];
    for key in ["file", "title", "outlet", "published"] {
        assert!(!article[key].is_null() || key == "published", "{key}");
    }
    let evidence = &json["contradictions"][0]["claims"][0]["evidence"][0];
    let file = evidence["file"].as_str().unwrap();
    let text = fs::read_to_string(Path::new(SAMPLE).join(file)).unwrap();
    let (start, end) = (
        evidence["start"].as_u64().unwrap() as usize,
        evidence["end"].as_u64().unwrap() as usize,
    );
    let quoted: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(quoted, evidence["text"].as_str().unwrap());
    let html = Report::build(&ws, &cmp).to_html();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Contradictions"));
}

#[test]
fn dossier_report_reads_a_folder_with_a_metadata_sheet_and_a_project_file() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    for entry in fs::read_dir(SAMPLE).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
        }
    }
    let meta = dir.path().join("sheet.tsv");
    fs::write(
        &meta,
        "file\ttitle\toutlet\tdate\n003_a151e28ef549cfb6.txt\tExchange agreed\tKyiv Daily\t2025-05-16\n",
    )
    .unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("report")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[articles.as_os_str(), "--meta".as_ref(), meta.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a003 = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["file"] == "003_a151e28ef549cfb6.txt")
        .unwrap();
    assert_eq!(a003["outlet"], "Kyiv Daily");
    assert_eq!(a003["title"], "Exchange agreed");
    assert_eq!(a003["published"], "2025-05-16");
    assert!(
        json["contradictions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "person")
    );

    let project = dir.path().join("p.dossier.ron");
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args([
            "extract".as_ref(),
            articles.as_os_str(),
            "-o".as_ref(),
            project.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(built.status.success());
    let md = run(&[project.as_os_str(), "--format".as_ref(), "md".as_ref()]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let text = String::from_utf8(md.stdout).unwrap();
    assert!(text.starts_with("# Dossier report"), "{text}");
    assert!(text.contains("Rustem Umerov") && text.contains("Rustem Muradov"));

    let missing = run(&[dir.path().join("nope.dossier.ron").as_os_str()]);
    assert!(!missing.status.success());
    assert!(!String::from_utf8_lossy(&missing.stderr).is_empty());
}

#[test]
fn one_person_under_two_names_with_the_same_age_is_a_naming_conflict_and_a_lone_surname_is_the_person_named_last()
 {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-06-01",
            "Storm victims\nThe victims were named as Tomas Erlend Varga, 31, and Ines Maro, 52. Varga worked at the port.\n",
        ),
        (
            "b.txt",
            "2031-06-02",
            "Storm\nAmong the dead were Tomas Barga, 31, a port worker. Nils Varga, his cousin, said Varga had two young children.\n",
        ),
    ]);
    let cmp = compare(&ws);
    let naming = cmp
        .contradictions
        .iter()
        .find(|c| c.topic == "name of the person aged 31")
        .expect("a naming conflict");
    let names: Vec<&str> = naming.claims.iter().map(|c| c.value.as_str()).collect();
    assert!(names.contains(&"Tomas Erlend Varga"), "{names:?}");
    assert!(names.contains(&"Tomas Barga"), "{names:?}");
    assert_eq!(naming.nature.as_str(), "conflict");
    let cousin = cmp
        .aliases
        .groups
        .iter()
        .find(|g| g.name == "Nils Varga")
        .expect("the cousin");
    let b = ws
        .project()
        .articles
        .iter()
        .find(|a| a.file_name() == "b.txt")
        .unwrap()
        .id;
    assert!(
        cousin
            .forms
            .iter()
            .any(|f| f.text == "Varga" && f.articles.contains(&b)),
        "the lone surname after the cousin's full name is the cousin: {cousin:?}"
    );
}

#[test]
fn the_report_lists_a_single_source_figure_with_its_source_but_not_as_corroborated() {
    let (_dir, ws) = dossier(&[
        (
            "a.txt",
            "2031-03-02",
            "The 640-foot tanker Morrow ran aground near the port on Monday. \
             Ana Ruiz, 41, a pilot, was on board.",
        ),
        (
            "b.txt",
            "2031-03-02",
            "The tanker Morrow ran aground near the port on Monday. \
             Ana Ruiz, 41, was on board.",
        ),
    ]);
    let cmp = compare(&ws);
    let report = Report::build(&ws, &cmp);
    let length = report
        .clusters
        .iter()
        .find(|c| c.value.contains("640"))
        .unwrap_or_else(|| panic!("the tanker's length: {:#?}", report.clusters));
    assert_eq!(length.sources, ["a.txt"]);
    assert_eq!(length.independent_sources, 1);
    let age = report
        .clusters
        .iter()
        .find(|c| c.value == "age of Ana Ruiz: 41")
        .unwrap_or_else(|| panic!("her age: {:#?}", report.clusters));
    assert_eq!(age.independent_sources, 2);
    let corroborated = report.to_markdown();
    let section = corroborated
        .split("## Corroborated facts")
        .nth(1)
        .and_then(|s| s.split("## Single-source claims").next())
        .unwrap();
    assert!(section.contains("age of Ana Ruiz: 41"), "{section}");
    assert!(!section.contains("640"), "{section}");
}
