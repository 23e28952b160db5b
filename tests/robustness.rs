//! Untrusted input never panics: project files, article text through the
//! whole extraction pipeline, the JSON export of what it finds, and the
//! comparison of sources with its report.

use dossier::commands::Command;
use std::path::Path;

use dossier::extract;
use dossier::store;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_project_text_loads_or_fails_cleanly(text in "\\PC{0,400}") {
        let _ = store::from_ron(&text, Path::new("fuzz.dossier.ron"));
    }

    #[test]
    fn mangled_real_projects_load_or_fail_cleanly(cut in 0usize..2000, junk in "\\PC{0,8}") {
        let mut project = dossier::synth::project(2, 10, 9);
        project.view.selected_fact = project.facts.keys().next().copied();
        let text = store::to_ron(&project).unwrap();
        let cut = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let mangled = format!("{}{junk}{}", &text[..cut], &text[cut..]);
        if let Ok(p) = store::from_ron(&mangled, Path::new("x")) {
            prop_assert!(p.format_version <= dossier::model::FORMAT_VERSION);
        }
    }

    #[test]
    fn extraction_spans_are_valid_on_any_text(text in "(\\PC|[“”‘’\"' 0-9,.:-]|May|June|said|Minister ){0,120}") {
        let dct = chrono::NaiveDate::from_ymd_opt(2025, 5, 20);
        for c in extract::extract_all(&text, dct) {
            prop_assert!(c.start < c.end && c.end <= text.len(), "{c:?}");
            prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end), "{c:?}");
        }
    }

    #[test]
    fn comparing_any_articles_gives_evidence_inside_their_texts(
        texts in proptest::collection::vec(
            "(\\PC|[“”‘’\"' 0-9,.:-]|May 16|about 1,200|Defense Minister Anna Kovacs|Kiev|Kyiv|killed|exchange|\n){0,80}",
            1..4,
        )
    ) {
        let mut ws = dossier::workspace::Workspace::new();
        let prepared = texts
            .iter()
            .enumerate()
            .map(|(i, t)| dossier::workspace::PreparedArticle {
                path: std::path::PathBuf::from(format!("a{i}.txt")),
                title: format!("a{i}"),
                outlet: String::new(),
                url: String::new(),
                published: chrono::NaiveDate::from_ymd_opt(2025, 5, 20),
                date_origin: dossier::model::DateOrigin::Manual,
                text: std::sync::Arc::from(t.as_str()),
                candidates: extract::extract_all(t, chrono::NaiveDate::from_ymd_opt(2025, 5, 20)),
                provenance: Default::default(),
            })
            .collect();
        ws.execute(Command::AddArticles(prepared)).unwrap();
        let cmp = dossier::analysis::Comparison::run(ws.project(), ws.texts());
        for claim in &cmp.single_source {
            let text = ws.text(claim.article).unwrap();
            prop_assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
        }
        let report = dossier::export::report::Report::build(&ws, &cmp);
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        prop_assert!(json["articles"].as_array().is_some_and(|a| a.len() == texts.len()));
        let _ = (report.to_markdown(), report.to_html());
    }
}
