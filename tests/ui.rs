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
    assert_eq!(h.state().ws.project.articles.len(), 5);

    // Click a fact in the table: the first row.
    let first_row_text = {
        let app = h.state();
        let view = &app.ws.project.view;
        let rows = dossier_rows(app, view);
        app.ws.project.fact(rows[0]).unwrap().text.clone()
    };
    h.get_all_by_label(&first_row_text)
        .next()
        .expect("row is drawn")
        .click();
    h.run();
    let selected = h
        .state()
        .ws
        .project
        .view
        .selected_fact
        .expect("a fact is selected");
    assert_eq!(
        h.state().ws.project.fact(selected).unwrap().text,
        first_row_text
    );
    let original_value = h.state().ws.project.fact(selected).unwrap().value.clone();

    // Edit its value in place.
    let value_field = h.get_by_role_and_label(Role::TextInput, "Value");
    value_field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("checked by hand");
    h.run();
    h.get_by_label("Apply edit").click();
    h.run();
    let fact = h.state().ws.project.fact(selected).unwrap().clone();
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
        h.state().ws.project.fact(selected).unwrap().value,
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
        h.state().ws.project.fact(selected).unwrap().value,
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
        app.ws.project.fact(selected).unwrap().value,
        "checked by hand"
    );
    assert_eq!(app.ws.project.view.selected_fact, Some(selected));
    assert!(app.ws.problems.is_empty(), "{:?}", app.ws.problems);
}

#[test]
fn opening_another_project_with_unsaved_changes_asks_first() {
    let (dir, articles) = sample_copy();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(opened(articles.clone(), &dialogs, dir.path()));
    h.run();
    let id = *h.state().ws.project.facts.keys().next().unwrap();
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
    assert_eq!(h.state().ws.project.articles.len(), 5, "nothing discarded");
    assert_eq!(
        h.state().ws.project.fact(id).unwrap().status,
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
    assert_eq!(h.state().ws.project.articles.len(), 5);
    assert_eq!(
        h.state().ws.project.view.timeline_range,
        None,
        "frames drawn while the window was empty must not pin the timeline to a default year"
    );
}

/// The facts table's rows in display order, as the panel computes them.
fn dossier_rows(app: &App, view: &dossier::model::ViewState) -> Vec<dossier::model::FactId> {
    dossier::ui::visible_rows(&app.ws.project, &view.filter, view.sort)
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
        .project
        .view
        .selected_fact
        .expect("a fact is selected");
    assert_eq!(
        app.ws.project.fact(selected).unwrap().text,
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
    let verdicts = &h.state().ws.project.decisions.verdicts;
    assert_eq!(verdicts.len(), 1, "{verdicts:?}");
    let (key, verdict) = verdicts.iter().next().unwrap();
    assert!(key.starts_with("person"), "{key}");
    assert_eq!(verdict.note, "Umerov is minister; check the copies");
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_comparison(&mut h);
    assert!(h.state().ws.project.decisions.verdicts.is_empty());

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
    assert_eq!(h.state().ws.project.decisions.aliases.len(), 1);
    let groups_after = h.state().current_comparison().unwrap().aliases.groups.len();
    assert_eq!(groups_after, groups_before - 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_comparison(&mut h);
    assert!(h.state().ws.project.decisions.aliases.is_empty());
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
    assert!(h.state().ws.project.view.selected_event.is_none());
    // The row may lie below the fold of the timeline, as for an analyst.
    h.get_by_label(&label).scroll_to_me();
    h.run_steps(8);
    h.get_by_label(&label).click();
    h.run_steps(2);
    let app = h.state();
    let selected = app
        .ws
        .project
        .view
        .selected_fact
        .expect("a mention is selected");
    assert!(mentions.contains(&selected));
    let key = app
        .ws
        .project
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
    h.state_mut().ws.project.view.selected_event = Some(key);
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
    let id = *h.state().ws.project.facts.keys().next().unwrap();
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
    assert_eq!(app.ws.project.articles.len(), 1, "{}", app.status);
    assert_eq!(app.ws.project.articles[0].file_name(), "only.txt");
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
    assert_eq!(app.ws.project.articles.len(), 5);
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
        let a = &app.ws.project.articles;
        assert_eq!(app.ws.project.view.selected_article, Some(a[0].id));
        (a[0].title.clone(), a[1].clone())
    };
    let facts_before = h.state().ws.project.facts.len();

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
    assert_eq!(h.state().ws.project.view.selected_article, Some(second.id));
    assert!(h.get_by_label("Add fact").accesskit_node().is_disabled());
    h.get_by_label("(select text in the article)");
    h.get_by_label("Add fact").click();
    h.run();
    assert_eq!(h.state().ws.project.facts.len(), facts_before);
}

#[test]
fn tab_leaves_the_menu_bar() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let first = h.state().ws.project.articles[0].title.clone();
    for _ in 0..4 {
        h.key_press(egui::Key::Tab);
        h.run();
    }
    let focused = h.query_by(|n| n.is_focused()).expect("a widget has focus");
    assert_eq!(
        focused.accesskit_node().label().as_deref(),
        Some(first.as_str()),
        "after File, Edit and Analysis, Tab reaches the first article"
    );
}

#[test]
fn keys_move_through_the_table_and_review_the_selected_fact() {
    let (dir, articles) = sample_copy();
    let mut h = harness(opened(articles, &ScriptedDialogs::default(), dir.path()));
    h.run();
    let rows = {
        let app = h.state();
        dossier_rows(app, &app.ws.project.view)
    };
    let selected = |h: &Harness<'static, App>| h.state().ws.project.view.selected_fact;
    let status =
        |h: &Harness<'static, App>, i: usize| h.state().ws.project.fact(rows[i]).unwrap().status;

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
    let id = h.state().ws.project.view.selected_fact.unwrap();
    let original = h.state().ws.project.fact(id).unwrap().value.clone();

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
    assert_eq!(h.state().ws.project.fact(id).unwrap().value, original);
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
    let fact = h.state().ws.project.fact(id).unwrap();
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
    assert_eq!(h.state().ws.project.articles.len(), 5, "articles are kept");

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Read files outside the project folder…")
        .click();
    h.run();
    h.get_by_label("Read these files").click();
    h.run();
    assert_eq!(h.state().ws.texts().len(), 5);
}
