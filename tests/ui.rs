//! The real app driven headless through its accessibility tree (egui_kittest):
//! open the sample, select a fact in the table, edit it, undo, redo, save,
//! reopen and find the edit there.

use std::collections::VecDeque;
use std::fs;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use dossier::model::Status;
use dossier::ui::{Answer, App, FileDialogs, Modal, Purpose};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

// This file uses only the PDF maker of the import fixtures.
#[allow(dead_code)]
#[path = "fixtures/documents.rs"]
mod documents;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");

/// File dialogs that answer from a script, and record what was asked.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Answer>>>,
    asked: Arc<Mutex<Vec<Purpose>>>,
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, purpose: Purpose, _dir: Option<&std::path::Path>, _name: &str) -> Answer {
        self.asked.lock().unwrap().push(purpose);
        self.answers
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(Answer::Cancelled)
    }
}

impl ScriptedDialogs {
    fn will_answer(&self, answer: Answer) {
        self.answers.lock().unwrap().push_back(answer);
    }
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

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // A modal fading in while a comparison lands can take a few more frames.
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut App| app.ui_for_tests(ui), app)
}

/// The ids of the open project's articles, in order.
fn article_ids(app: &App) -> Vec<dossier::model::ArticleId> {
    app.ws.project().articles.iter().map(|a| a.id).collect()
}

/// An app that has opened `path`; its comparison of sources runs on the UI
/// thread so `Harness::run` settles (the Compare test uses the real background thread).
fn opened(path: PathBuf, dialogs: &ScriptedDialogs, data: &std::path::Path) -> App {
    let mut app = App::new(Box::new(dialogs.clone()), data.to_owned());
    app.compare_in_foreground();
    app.open_path(path);
    app.wait_for_jobs();
    app
}

#[test]
fn select_edit_undo_redo_save_and_reopen() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(opened(articles, &dialogs, dir.path()));
    h.run();
    assert_eq!(h.state().ws.project().articles.len(), 5);

    // Click a fact in the table: the first row.
    let first_row_text = {
        let app = h.state();
        let view = &app.ws.project().view;
        let rows = dossier_rows(app, view);
        app.ws.project().fact(rows[0]).unwrap().text.clone()
    };
    h.get_all_by_label(&first_row_text)
        .next()
        .expect("row is drawn")
        .click();
    h.run();
    let selected = h
        .state()
        .ws
        .project()
        .view
        .selected_fact
        .expect("a fact is selected");
    assert_eq!(
        h.state().ws.project().fact(selected).unwrap().text,
        first_row_text
    );
    let original_value = h.state().ws.project().fact(selected).unwrap().value.clone();

    // Edit its value in place.
    let value_field = h.get_by_role_and_label(Role::TextInput, "Value");
    value_field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("checked by hand");
    h.run();
    h.get_by_label("Apply edit").click();
    h.run();
    let fact = h.state().ws.project().fact(selected).unwrap().clone();
    assert_eq!(fact.value, "checked by hand");
    assert_eq!(fact.status, Status::Edited);
    assert!(h.state().ws.is_dirty());
    assert!(
        h.state().title().starts_with('*'),
        "title shows unsaved changes: {}",
        h.state().title()
    );

    // Undo through the Edit menu.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo").click();
    h.run();
    assert_eq!(
        h.state().ws.project().fact(selected).unwrap().value,
        original_value
    );

    // Redo with the keyboard, once no text field has focus.
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(
        h.state().ws.project().fact(selected).unwrap().value,
        "checked by hand"
    );

    // Save As through the (scripted) dialog.
    let saved = dir.path().join("edited.dossier.ron");
    dialogs.will_answer(Answer::Chosen(vec![saved.clone()]));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save As").click();
    h.run();
    assert!(saved.exists(), "status: {}", h.state().status);
    assert!(!h.state().ws.is_dirty());
    assert!(!h.state().title().starts_with('*'));

    // Open it again in a fresh app: the edit is there, and so is the selection.
    let mut h2 = harness(opened(saved, &dialogs, dir.path()));
    h2.run();
    let app = h2.state();
    assert_eq!(
        app.ws.project().fact(selected).unwrap().value,
        "checked by hand"
    );
    assert_eq!(app.ws.project().view.selected_fact, Some(selected));
    assert!(app.ws.problems.is_empty(), "{:?}", app.ws.problems);
}

#[test]
fn opening_another_project_with_unsaved_changes_asks_first() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(opened(articles.clone(), &dialogs, dir.path()));
    h.run();
    let id = *h.state().ws.project().facts.keys().next().unwrap();
    h.state_mut().queue(dossier::commands::Command::SetStatus(
        vec![id],
        Status::Rejected,
    ));
    h.run();
    assert!(h.state().ws.is_dirty());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New project").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().ws.project().articles.len(),
        5,
        "nothing discarded"
    );
    assert_eq!(
        h.state().ws.project().fact(id).unwrap().status,
        Status::Rejected
    );
}

#[test]
fn without_a_native_dialog_a_path_prompt_opens_the_folder() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    dialogs.will_answer(Answer::Unavailable);
    let mut app = App::new(Box::new(dialogs.clone()), dir.path().to_owned());
    app.compare_in_foreground();
    let mut h = harness(app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open folder…").click();
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::PathPrompt { .. })));
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(articles.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.state_mut().wait_for_jobs();
    h.run();
    assert_eq!(h.state().ws.project().articles.len(), 5);
    assert_eq!(
        h.state().ws.project().view.timeline_range,
        None,
        "frames drawn while the window was empty must not pin the timeline to a default year"
    );
}

/// The facts table's rows in display order, as the panel computes them.
fn dossier_rows(app: &App, view: &dossier::model::ViewState) -> Vec<dossier::model::FactId> {
    dossier::ui::visible_rows(app.ws.project(), &view.filter, view.sort)
}

/// Runs the pending input, then steps the app until the background
/// comparison describes the project as it is.
fn wait_for_comparison(h: &mut Harness<'static, App>) {
    for _ in 0..500 {
        h.step();
        if h.state().current_comparison().is_some() {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the comparison of sources never finished");
}

/// The sample opened in the app, compared on the real background thread,
/// with the Compare sources tab shown.
fn sample_compared() -> (tempfile::TempDir, Harness<'static, App>) {
    let (dir, articles) = sample_copy();
    let mut app = App::new(Box::new(ScriptedDialogs::default()), dir.path().to_owned());
    app.open_path(articles);
    app.wait_for_jobs();
    let mut h = harness(app);
    wait_for_comparison(&mut h);
    h.get_by_label("Compare sources").click();
    h.run();
    (dir, h)
}

#[test]
fn compare_panel_shows_evidence_records_verdicts_and_merges_undoably() {
    let (_dir, mut h) = sample_compared();
    h.get_by_label("Defense Minister of Ukraine");

    // Evidence links select the fact they quote.
    h.get_by_label("“Ukrainian Defense Minister Rustem Umerov”")
        .click();
    h.run();
    let app = h.state();
    let selected = app
        .ws
        .project()
        .view
        .selected_fact
        .expect("a fact is selected");
    assert_eq!(
        app.ws.project().fact(selected).unwrap().text,
        "Ukrainian Defense Minister Rustem Umerov"
    );

    // A note on the first contradiction is saved as a verdict, and undone.
    h.get_all_by_role_and_label(Role::TextInput, "Note")
        .next()
        .unwrap()
        .focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Note")
        .next()
        .unwrap()
        .type_text("Umerov is minister; check the copies");
    h.run();
    h.get_all_by_label("Save note").next().unwrap().click();
    wait_for_comparison(&mut h);
    let verdicts = &h.state().ws.project().decisions.verdicts;
    assert_eq!(verdicts.len(), 1, "{verdicts:?}");
    let (key, verdict) = verdicts.iter().next().unwrap();
    assert!(key.starts_with("person"), "{key}");
    assert_eq!(verdict.note, "Umerov is minister; check the copies");
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_comparison(&mut h);
    assert!(h.state().ws.project().decisions.verdicts.is_empty());

    // Merge one entity into another from the Entities list; undo it.
    h.get_by_label_contains("Entities (").click();
    h.run();
    h.get_all_by_label("Merge others into this")
        .next()
        .unwrap()
        .click();
    h.run();
    let groups_before = h.state().current_comparison().unwrap().aliases.groups.len();
    h.get_all_by_label("Merge").next().unwrap().click();
    wait_for_comparison(&mut h);
    assert_eq!(h.state().ws.project().decisions.aliases.len(), 1);
    let groups_after = h.state().current_comparison().unwrap().aliases.groups.len();
    assert_eq!(groups_after, groups_before - 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_comparison(&mut h);
    assert!(h.state().ws.project().decisions.aliases.is_empty());
}

#[test]
fn clicking_an_event_row_on_the_timeline_selects_its_mentions() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(opened(articles, &dialogs, dir.path()));
    wait_for_comparison(&mut h);
    let (label, mentions) = {
        let app = h.state();
        let cmp = app.current_comparison().expect("the comparison ran");
        let talks = cmp
            .events
            .list
            .iter()
            .find(|e| {
                e.ty.as_str() == "meeting"
                    && e.date.as_ref().is_some_and(|d| d.value == "2025-05-16")
            })
            .expect("the talks of 16 May");
        let facts: Vec<_> = talks.mentions.iter().map(|m| m.fact).collect();
        (talks.label.clone(), facts)
    };
    assert!(h.state().ws.project().view.selected_event.is_none());
    // The row may lie below the fold of the timeline, as for an analyst.
    h.get_by_label(&label).scroll_to_me();
    h.run_steps(8);
    h.get_by_label(&label).click();
    h.run_steps(2);
    let app = h.state();
    let selected = app
        .ws
        .project()
        .view
        .selected_fact
        .expect("a mention is selected");
    assert!(mentions.contains(&selected));
    let key = app
        .ws
        .project()
        .view
        .selected_event
        .clone()
        .expect("the event is selected");
    let cmp = app.current_comparison().unwrap();
    let event = cmp.events.by_mention_key(&key).unwrap();
    let lit: Vec<_> = cmp.events.list[event]
        .mentions
        .iter()
        .map(|m| m.fact)
        .collect();
    assert_eq!(lit, mentions, "every mention of the event is highlighted");
}

#[test]
fn the_events_tab_scrolls_to_an_event_selected_elsewhere() {
    let (_dir, mut h) = sample_compared();
    h.get_by_label_contains("Events (").click();
    h.run();
    let (label, key) = {
        let cmp = h.state().current_comparison().unwrap();
        let list = &cmp.events.list;
        let unique = |l: &str| list.iter().filter(|e| e.label == l).count() == 1;
        let e = list
            .iter()
            .rev()
            .find(|e| unique(&e.label))
            .expect("an event with a label of its own");
        (e.label.clone(), e.mentions[0].key())
    };
    let in_view = |h: &Harness<'static, App>| {
        let r = h.get_by_label(&label).rect();
        r.min.y >= 0.0 && r.max.y <= 900.0
    };
    assert!(!in_view(&h), "the last event starts out of view");
    h.state_mut().ws.view_mut().selected_event = Some(key);
    h.run_steps(3);
    assert!(in_view(&h), "the selected event is brought into view");
}

#[test]
fn contradictions_name_their_nature_and_single_source_claims_show_ten_then_all() {
    let (_dir, mut h) = sample_compared();
    assert!(h.get_all_by_label("conflict").count() >= 1);

    h.get_by_label_contains("Single-source (").click();
    h.run();
    let buttons = h.query_all_by_label("Show all").count();
    assert!(
        buttons >= 1,
        "an article with more than ten claims offers Show all"
    );
    h.get_all_by_label("Show all").next().unwrap().click();
    h.run();
    assert_eq!(
        h.query_all_by_label("Show all").count(),
        buttons - 1,
        "the first article now shows all its claims"
    );
}

/// Types `path` into the in-app path prompt and presses its OK button.
fn answer_prompt(h: &mut Harness<'static, App>, path: &std::path::Path) {
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("OK").click();
    // Steps, not `run`: a window that quits keeps asking to close.
    h.run_steps(2);
}

/// Clicks an item of the File menu.
fn file_menu(h: &mut Harness<'static, App>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// A sample copy opened in an app whose file dialogs are never available,
/// with one change not saved.
fn changed_without_native_dialogs() -> (tempfile::TempDir, ScriptedDialogs, Harness<'static, App>) {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    for _ in 0..4 {
        dialogs.will_answer(Answer::Unavailable);
    }
    let mut h = harness(opened(articles, &dialogs, dir.path()));
    h.run();
    let id = *h.state().ws.project().facts.keys().next().unwrap();
    h.state_mut().queue(dossier::commands::Command::SetStatus(
        vec![id],
        Status::Confirmed,
    ));
    h.run();
    assert!(h.state().ws.is_dirty());
    (dir, dialogs, h)
}

#[test]
fn discarding_changes_goes_on_to_the_folder_prompt_and_opens_the_folder() {
    let (dir, _dialogs, mut h) = changed_without_native_dialogs();
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::copy(
        format!("{SAMPLE}/000_0b2518abd44a6d31.txt"),
        other.join("only.txt"),
    )
    .unwrap();

    file_menu(&mut h, "Open folder…");
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(
        matches!(
            h.state().modal(),
            Some(Modal::PathPrompt {
                purpose: Purpose::OpenFolder,
                ..
            })
        ),
        "the folder prompt is open: {:?}",
        h.state().modal()
    );
    answer_prompt(&mut h, &other);
    h.state_mut().wait_for_jobs();
    h.run_steps(8);
    let app = h.state();
    assert_eq!(app.ws.project().articles.len(), 1, "{}", app.status);
    assert_eq!(app.ws.project().articles[0].file_name(), "only.txt");
    assert!(app.modal().is_none());
}

#[test]
fn cancelling_the_unsaved_changes_dialog_opens_no_prompt() {
    let (_dir, dialogs, mut h) = changed_without_native_dialogs();
    file_menu(&mut h, "Open folder…");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(
        dialogs.asked.lock().unwrap().is_empty(),
        "no dialog was asked for"
    );
    assert!(h.state().ws.is_dirty(), "the change is still there");
}

#[test]
fn quit_then_save_on_an_untitled_project_saves_through_the_prompt_and_quits() {
    let (dir, _dialogs, mut h) = changed_without_native_dialogs();
    file_menu(&mut h, "Quit");
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label("Save").click();
    h.run();
    assert!(
        matches!(
            h.state().modal(),
            Some(Modal::PathPrompt {
                purpose: Purpose::SaveProject,
                ..
            })
        ),
        "the save prompt is open: {:?}",
        h.state().modal()
    );
    assert!(!h.state().is_closing());
    let saved = dir.path().join("kept.dossier.ron");
    answer_prompt(&mut h, &saved);
    assert!(saved.exists(), "{}", h.state().status);
    assert!(!h.state().ws.is_dirty());
    assert!(h.state().is_closing(), "the quit goes on after the save");
}

#[test]
fn quit_then_a_failed_save_says_why_and_does_not_quit() {
    let (dir, _dialogs, mut h) = changed_without_native_dialogs();
    file_menu(&mut h, "Quit");
    h.get_by_label("Save").click();
    h.run();
    answer_prompt(&mut h, &dir.path().join("missing/kept.dossier.ron"));
    h.run();
    match h.state().modal() {
        Some(Modal::Message { title, body }) => {
            assert_eq!(title, "Could not save");
            assert!(body.contains("Nothing else was done"), "{body}");
        }
        other => panic!("the failure is shown: {other:?}"),
    }
    assert!(!h.state().is_closing());
    assert!(h.state().ws.is_dirty());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().modal().is_none());

    // Quit, Save, then cancel the prompt: still open, and told so.
    file_menu(&mut h, "Quit");
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(!h.state().is_closing());
    assert_eq!(h.state().status, "Not saved, so nothing else was done.");
}

#[test]
fn the_sample_opens_clean() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::new(Box::new(ScriptedDialogs::default()), data.path().to_owned());
    app.compare_in_foreground();
    app.launch(None);
    app.wait_for_jobs();
    let mut h = harness(app);
    h.run();
    let app = h.state();
    assert_eq!(app.ws.project().articles.len(), 5);
    assert!(!app.ws.is_dirty());
    assert_eq!(app.title(), "Untitled — Dossier");
    assert!(app.modal().is_none(), "no autosave to offer");
}

/// A saved copy of the sample project, and its autosave path.
fn saved_sample() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, articles) = sample_copy();
    let mut app = opened(articles, &ScriptedDialogs::default(), dir.path());
    let project = dir.path().join("story.dossier.ron");
    app.ws.save_as(&project).unwrap();
    let autosave = dossier::store::autosave_path(&project);
    (dir, project, autosave)
}

/// Writes a file dated a minute later than `than`.
fn write_newer(path: &std::path::Path, text: &str, than: &std::path::Path) {
    fs::write(path, text).unwrap();
    let later =
        fs::metadata(than).unwrap().modified().unwrap() + std::time::Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

#[test]
fn a_saved_project_is_not_offered_an_untitled_sessions_autosave() {
    let (dir, project, _) = saved_sample();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let untitled = data.join("untitled.dossier.ron.autosave");
    write_newer(&untitled, "an earlier untitled session", &project);
    let mut app = App::new(Box::new(ScriptedDialogs::default()), data);
    app.launch(Some(project));
    let mut h = harness(app);
    h.run();
    assert!(h.state().modal().is_none(), "{:?}", h.state().modal());
    assert!(!h.state().ws.is_dirty());
}

#[test]
fn keeping_the_saved_project_removes_the_autosave_it_declined() {
    let (dir, project, autosave) = saved_sample();
    write_newer(&autosave, "work that was never saved", &project);
    let mut app = App::new(Box::new(ScriptedDialogs::default()), dir.path().to_owned());
    app.launch(Some(project));
    let mut h = harness(app);
    h.run();
    assert_eq!(
        h.state().modal(),
        Some(&Modal::OfferRecovery(autosave.clone()))
    );
    h.get_by_label("Keep the saved project").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(!autosave.exists(), "the declined autosave is removed");
}

#[test]
fn an_untitled_autosave_is_offered_to_the_sample_and_discarded_on_request() {
    let data = tempfile::tempdir().unwrap();
    let untitled = data.path().join("untitled.dossier.ron.autosave");
    fs::write(&untitled, "an earlier untitled session").unwrap();
    let mut app = App::new(Box::new(ScriptedDialogs::default()), data.path().to_owned());
    app.compare_in_foreground();
    app.launch(None);
    app.wait_for_jobs();
    let mut h = harness(app);
    h.run();
    assert_eq!(
        h.state().modal(),
        Some(&Modal::OfferRecovery(untitled.clone()))
    );
    h.get_by_label("Discard the autosave").click();
    h.run();
    assert!(!untitled.exists());
    assert!(h.state().modal().is_none());
}

#[test]
fn a_recovery_that_fails_says_why() {
    let (dir, project, autosave) = saved_sample();
    write_newer(&autosave, "not a project at all", &project);
    let mut app = App::new(Box::new(ScriptedDialogs::default()), dir.path().to_owned());
    app.launch(Some(project));
    let mut h = harness(app);
    h.run();
    h.get_by_label("Recover").click();
    h.run();
    match h.state().modal() {
        Some(Modal::Message { title, .. }) => assert_eq!(title, "Could not recover the autosave"),
        other => panic!("the failure is shown: {other:?}"),
    }
}

#[test]
fn a_text_selection_belongs_to_its_article() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(opened(articles, &dialogs, dir.path()));
    h.run();
    let (first, second) = {
        let app = h.state();
        let a = &app.ws.project().articles;
        assert_eq!(app.ws.project().view.selected_article, Some(a[0].id));
        (a[0].title.clone(), a[1].clone())
    };
    let facts_before = h.state().ws.project().facts.len();

    // Select the whole text of the first article.
    h.get_by_role_and_label(Role::MultilineTextInput, &first)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    assert!(
        !h.get_by_label("Add fact").accesskit_node().is_disabled(),
        "text is selected"
    );

    // Switch to the second article: the selection is gone with its article.
    h.get_all_by_label(&second.title).next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().ws.project().view.selected_article,
        Some(second.id)
    );
    assert!(h.get_by_label("Add fact").accesskit_node().is_disabled());
    h.get_by_label("(select text in the article)");
    h.get_by_label("Add fact").click();
    h.run();
    assert_eq!(h.state().ws.project().facts.len(), facts_before);
}

#[test]
fn tab_leaves_the_menu_bar() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let first = h.state().ws.project().articles[0].title.clone();
    for _ in 0..6 {
        h.key_press(egui::Key::Tab);
        h.run();
    }
    let focused = h.query_by(|n| n.is_focused()).expect("a widget has focus");
    assert_eq!(
        focused.accesskit_node().label().as_deref(),
        Some(first.as_str()),
        "after File, Edit, Analysis, View and Help, Tab reaches the first article"
    );
}

#[test]
fn keys_move_through_the_table_and_review_the_selected_fact() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let rows = {
        let app = h.state();
        dossier_rows(app, &app.ws.project().view)
    };
    let selected = |h: &Harness<'static, App>| h.state().ws.project().view.selected_fact;
    let status =
        |h: &Harness<'static, App>, i: usize| h.state().ws.project().fact(rows[i]).unwrap().status;

    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(
        selected(&h),
        Some(rows[0]),
        "Down from nothing starts at the top"
    );
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h), Some(rows[1]));
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h), Some(rows[0]));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(selected(&h), Some(*rows.last().unwrap()));
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(selected(&h), Some(rows[0]));

    // C confirms, N goes to the next unreviewed fact, R rejects it.
    h.key_press(egui::Key::C);
    h.run();
    assert_eq!(status(&h, 0), Status::Confirmed);
    h.key_press(egui::Key::N);
    h.run();
    assert_eq!(selected(&h), Some(rows[1]));
    h.key_press(egui::Key::R);
    h.run();
    assert_eq!(status(&h, 1), Status::Rejected);

    // The same from the Edit menu, which names the keys.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Next unreviewed fact").click();
    h.run();
    assert_eq!(selected(&h), Some(rows[2]));
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Confirm fact").click();
    h.run();
    assert_eq!(status(&h, 2), Status::Confirmed);
}

#[test]
fn enter_applies_an_edit_and_escape_cancels_it() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let id = h.state().ws.project().view.selected_fact.unwrap();
    let original = h.state().ws.project().fact(id).unwrap().value.clone();

    let retype = |h: &mut Harness<'static, App>, text: &str| {
        h.get_by_role_and_label(Role::TextInput, "Value").focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_role_and_label(Role::TextInput, "Value")
            .type_text(text);
        h.run();
    };
    retype(&mut h, "never applied");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().ws.project().fact(id).unwrap().value, original);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Value")
            .value()
            .as_deref(),
        Some(original.as_str()),
        "Escape puts the stored value back in the field"
    );

    retype(&mut h, "typed and entered");
    h.key_press(egui::Key::Enter);
    h.run();
    let fact = h.state().ws.project().fact(id).unwrap();
    assert_eq!(fact.value, "typed and entered");
    assert_eq!(fact.status, Status::Edited);
}

/// A project received from someone else: its articles lie outside its folder.
fn received_project() -> (tempfile::TempDir, PathBuf) {
    let (dir, articles) = sample_copy();
    let mut app = opened(articles, &ScriptedDialogs::default(), dir.path());
    let case = dir.path().join("case");
    fs::create_dir(&case).unwrap();
    let project = case.join("story.dossier.ron");
    app.ws.save_as(&project).unwrap();
    let received = case.join("received.dossier.ron");
    fs::copy(&project, &received).unwrap();
    (dir, received)
}

#[test]
fn a_received_project_asks_before_reading_files_outside_its_folder() {
    let (dir, received) = received_project();
    let mut h = harness(opened(received, &ScriptedDialogs::default(), dir.path()));
    h.run();
    match h.state().modal() {
        Some(Modal::ConfirmOutside { files, .. }) => assert_eq!(files.len(), 5),
        other => panic!("the analyst is asked first: {other:?}"),
    }
    assert!(
        h.state().ws.texts().is_empty(),
        "nothing read before the answer"
    );
    h.get_by_label("Read these files").click();
    h.run();
    assert!(h.state().modal().is_none(), "{:?}", h.state().modal());
    assert_eq!(h.state().ws.texts().len(), 5);
    assert!(
        h.state().ws.is_dirty(),
        "the answer is saved with the project"
    );
}

#[test]
fn files_left_unread_can_be_read_later_from_the_file_menu() {
    let (dir, received) = received_project();
    let mut h = harness(opened(received, &ScriptedDialogs::default(), dir.path()));
    h.run();
    h.get_by_label("Leave them unread").click();
    h.run();
    assert!(h.state().modal().is_none(), "{:?}", h.state().modal());
    assert!(h.state().ws.texts().is_empty());
    assert_eq!(
        h.state().ws.project().articles.len(),
        5,
        "articles are kept"
    );

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Read files outside the project folder…")
        .click();
    h.run();
    h.get_by_label("Read these files").click();
    h.run();
    assert_eq!(h.state().ws.texts().len(), 5);
}

/// Three short articles of my own: "harbour pilot" occurs twice in the
/// first, once (capitalised differently) in the second, never in the third.
fn own_articles() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    let texts = [
        (
            "a_ferry.txt",
            "Ferry service resumes at Varlo harbour\n\nThe harbour pilot Ines Mardo guided \
             the first ferry into Varlo on Tuesday. Officials of the Varlo Port Authority \
             said 120 passengers were aboard. Later the harbour\npilot said the channel was clear.\n",
        ),
        (
            "b_storm.txt",
            "Storm closes the northern channel\n\nA storm closed the northern channel on \
             Monday, the Varlo Port Authority said. Tom Ekker, a Harbour Pilot with twenty \
             years of service, called it the worst storm in a decade.\n",
        ),
        (
            "c_council.txt",
            "Council approves a new pier\n\nThe town council of Varlo approved a new pier \
             on Wednesday. Mayor Lina Brosk said work would begin in May.\n",
        ),
    ];
    for (name, text) in texts {
        fs::write(articles.join(name), text).unwrap();
    }
    (dir, articles)
}

#[test]
fn find_searches_every_article_and_steps_through_the_open_one() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let ids = article_ids(h.state());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find in articles and facts")
        .type_text("harbour pilot");
    h.run();
    h.get_by_label_contains("3 matches in 2 articles");
    h.get_by_label_contains("b_storm.txt — 1 match");

    // A click on the second article's match opens it there.
    h.get_all_by_label_contains("Harbour Pilot")
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("    …"))
        })
        .expect("the match is listed in its context")
        .click();
    h.run();
    assert_eq!(h.state().ws.project().view.selected_article, Some(ids[1]));
    let (article, start, end) = h.state().shown_span().expect("the match is shown");
    assert_eq!(article, ids[1]);
    let text = h.state().ws.text(ids[1]).unwrap().clone();
    assert_eq!(&text[start..end], "Harbour Pilot");

    // In the first article F3 goes through both matches and wraps around;
    // the second spans a line break.
    h.get_all_by_label("Ferry service resumes at Varlo harbour")
        .next()
        .unwrap()
        .click();
    h.run();
    let first = h.state().ws.text(ids[0]).unwrap().clone();
    let mut seen = Vec::new();
    for _ in 0..3 {
        h.key_press(egui::Key::F3);
        h.run();
        let (a, s, e) = h.state().shown_span().unwrap();
        assert_eq!(a, ids[0]);
        seen.push(first[s..e].to_owned());
    }
    assert_eq!(seen, ["harbour pilot", "harbour\npilot", "harbour pilot"]);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F3);
    h.run();
    let (_, s, e) = h.state().shown_span().unwrap();
    assert_eq!(&first[s..e], "harbour\npilot", "Shift+F3 goes back");

    // The third article has none, and says so.
    h.get_all_by_label("Council approves a new pier")
        .next()
        .unwrap()
        .click();
    h.run();
    h.key_press(egui::Key::F3);
    h.run();
    assert!(h.state().status.contains("does not occur in this article"));
}

#[test]
fn the_facts_table_hides_columns_and_a_project_reopens_with_its_columns_and_tabs() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    assert!(
        h.query_by_label("Label").is_some(),
        "the Label column is shown"
    );
    h.get_by_label("Columns").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Label").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    use dossier::model::{BottomTab, CompareTab, FactColumn};
    let shown = h.state().ws.project().view.fact_columns.shown();
    assert!(!shown.contains(&FactColumn::Label));
    assert!(h.query_by_label("Label").is_none(), "its heading is gone");

    h.get_by_label("Compare sources").click();
    h.run();
    h.get_by_label_contains("Entities").click();
    h.run();
    let path = dir.path().join("kept.dossier.ron");
    h.state_mut().ws.save_as(&path).unwrap();

    let reopened = opened(path, &ScriptedDialogs::default(), dir.path());
    let view = &reopened.ws.project().view;
    assert_eq!(view.fact_columns.shown(), shown);
    assert_eq!(view.bottom_tab, BottomTab::Compare);
    assert_eq!(view.compare_tab, CompareTab::Entities);
}

#[test]
fn the_editor_says_when_the_filter_hides_the_selected_fact() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let id = h.state().ws.project().view.selected_fact.unwrap();
    let kind = h.state().ws.project().fact(id).unwrap().kind;
    let other = dossier::model::FactKind::ALL
        .into_iter()
        .find(|k| *k != kind)
        .unwrap();
    h.state_mut().ws.view_mut().filter.kind = Some(other);
    h.run();
    h.get_by_label_contains("is hidden by the filter");
    assert!(h.query_by_label("Apply edit").is_none());
    h.get_by_label("Clear the filter").click();
    h.run();
    assert_eq!(h.state().ws.project().view.filter.kind, None);
    h.get_by_label("Apply edit");
}

#[test]
fn sorting_keeps_the_selected_row_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    let mut text = String::from("A long register of visitors\n\n");
    for i in 0..60 {
        text.push_str(&format!(
            "On Monday {} visitors came to the museum in Harlton{i}. ",
            i + 2
        ));
    }
    fs::write(articles.join("register.txt"), text).unwrap();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let rows = {
        let app = h.state();
        dossier_rows(app, &app.ws.project().view)
    };
    assert!(rows.len() > 60, "many rows: {}", rows.len());
    h.key_press(egui::Key::End);
    h.run();
    let last = *rows.last().unwrap();
    assert_eq!(h.state().ws.project().view.selected_fact, Some(last));
    let shown_text = |h: &Harness<'static, App>| {
        let fact = h.state().ws.project().fact(last).unwrap();
        format!("{} @{}", "register.txt", fact.start)
    };
    assert!(h.query_by_label(&shown_text(&h)).is_some());
    // Sorting by position, largest first, moves the row from the end to
    // the top; the table follows it.
    h.get_by_label("Article ▲").click();
    h.run();
    h.run();
    assert!(h.state().ws.project().view.sort.descending);
    assert!(
        h.query_by_label(&shown_text(&h)).is_some(),
        "the selected row is still drawn after sorting"
    );
}

#[test]
fn f6_and_ctrl_digits_move_the_keyboard_between_panes() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let ids = article_ids(h.state());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().ws.project().view.selected_article, Some(ids[1]));
    assert_eq!(h.state().ws.project().view.selected_fact, None);

    // F6 goes on to the article text, which takes the keyboard.
    h.key_press(egui::Key::F6);
    h.run();
    let focused = h.query_by(|n| n.is_focused()).expect("a widget has focus");
    assert_eq!(
        focused.accesskit_node().label().as_deref(),
        Some("Storm closes the northern channel")
    );
    // F6 again: the facts table, where Down selects a fact.
    h.key_press(egui::Key::F6);
    h.run();
    assert!(h.query_by(|n| n.is_focused()).is_none());
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert!(h.state().ws.project().view.selected_fact.is_some());
}

#[test]
fn help_lists_the_keys_and_the_colours_of_fact_kinds() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    assert!(h.query_by_label("Confirm the selected fact").is_none());
    let kind_labels = |h: &Harness<'static, App>, kind: dossier::model::FactKind| {
        h.query_all_by_label_contains(kind.as_str()).count()
    };
    let before: Vec<usize> = dossier::model::FactKind::ALL
        .into_iter()
        .map(|k| kind_labels(&h, k))
        .collect();
    h.key_press(egui::Key::F1);
    h.run();
    h.get_by_label("Confirm the selected fact");
    h.get_by_label("Next match in the open article");
    for (kind, before) in dossier::model::FactKind::ALL.into_iter().zip(before) {
        assert!(
            kind_labels(&h, kind) > before,
            "{} is in the legend",
            kind.as_str()
        );
    }
    h.get_by_label("a person, organisation or place");
    h.get_by_label("a rejected fact");
}

#[test]
fn arrows_dashes_quotes_and_european_letters_have_glyphs() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let covered = h.ctx.fonts_mut(|f| {
        f.has_glyphs(
            &egui::FontId::proportional(14.0),
            "→ ← – — “ ” ‘ ’ « » „ ł ő ę ř ş ğ ŭ ø ß ñ ç ž č",
        )
    });
    assert!(covered);
}

#[test]
fn a_fact_of_a_pdf_says_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    let pdf = documents::pdf(
        &[
            &["Bridge repairs begin on the river crossing in Velmora"],
            &["The works council said on Monday that 40 engineers had been hired."],
        ],
        "Bridge repairs",
        "City desk",
    );
    fs::write(articles.join("repairs.pdf"), pdf).unwrap();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let (text, start) = {
        let project = h.state().ws.project();
        let article = &project.articles[0];
        let page_two = article.provenance.pages[1];
        let fact = project
            .facts
            .values()
            .find(|f| f.start >= page_two)
            .expect("a fact on page two");
        (fact.text.clone(), fact.start)
    };
    h.get_all_by_label(&text)
        .next()
        .expect("its row is drawn")
        .click();
    h.run();
    h.get_by_label("page 2 ·");
    h.get_by_label(&format!("repairs.pdf p. 2 @{start}"));
}

#[test]
fn a_time_fact_names_the_rule_that_resolved_it() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let (id, trail) = {
        let project = h.state().ws.project();
        let fact = project
            .facts
            .values()
            .find(|f| f.attrs.contains_key("rule") && f.attrs.contains_key("resolution"))
            .expect("a time fact with its rule");
        let trail = format!(
            "· resolved: {} (rule “{}”)",
            fact.attrs["resolution"], fact.attrs["rule"]
        );
        (fact.id, trail)
    };
    h.state_mut().ws.view_mut().selected_fact = Some(id);
    h.run();
    h.get_by_label(&trail);
}

#[test]
fn a_click_on_a_highlight_in_the_text_selects_its_fact() {
    let (dir, articles) = own_articles();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let article = h
        .state()
        .ws
        .project()
        .view
        .selected_article
        .expect("an open article");
    assert!(h.state().ws.project().view.selected_fact.is_none());
    let text = h.get_by_role(Role::MultilineTextInput).rect();
    // Click along the article's first line until a highlight is hit.
    let y = text.top() + 6.0;
    let mut x = text.left() + 2.0;
    while x < text.right() && h.state().ws.project().view.selected_fact.is_none() {
        let pos = egui::pos2(x, y);
        h.hover_at(pos);
        h.step();
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
            h.step();
        }
        h.run();
        x += 6.0;
    }
    let app = h.state();
    let id = app
        .ws
        .project()
        .view
        .selected_fact
        .expect("a highlight was clicked");
    let fact = app.ws.project().fact(id).unwrap();
    assert_eq!(fact.article, article);
    let first_line = &app.ws.text(article).unwrap()[..38];
    assert!(
        first_line.contains(&fact.text),
        "{} is on the first line",
        fact.text
    );
    // The fact editor opened on it.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Value")
            .value()
            .as_deref(),
        Some(fact.value.as_str())
    );
}
