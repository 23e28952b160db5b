//! The status bar: last message, progress of background work with Cancel,
//! load problems, unsaved marker.

use super::App;
use super::modals::Modal;

/// Draws the status bar.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        if let Some(job) = &app.job {
            let (done, total) = job.progress();
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(220.0)
                    .text(format!("{} — {done}/{total}", job.label)),
            );
            if ui.button("Cancel").clicked() {
                job.cancel();
            }
        }
        ui.label(&app.status);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let p = app.ws.project();
            ui.label(format!(
                "{} articles · {} facts",
                p.articles.len(),
                p.facts.len()
            ));
            if app.ws.is_dirty() {
                ui.colored_label(ui.visuals().warn_fg_color, "Unsaved changes");
            }
            if !app.ws.problems.is_empty()
                && ui
                    .button(format!("{} problem(s)", app.ws.problems.len()))
                    .clicked()
            {
                app.modal = Some(Modal::Message {
                    title: "Problems found when opening".into(),
                    body: app.ws.problems.join("\n"),
                });
            }
        });
    });
}
