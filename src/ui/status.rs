//! The status bar: last message, progress of background work with Cancel,
//! load problems, unsaved marker.

use super::modals::Modal;
use super::panel_ctx::{Ask, PanelCtx};

/// Draws the status bar.
pub(super) fn show(ctx: &mut PanelCtx, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        if let Some(job) = ctx.job {
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
        ui.label(ctx.status);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let p = ctx.ws.project();
            ui.label(format!(
                "{} articles · {} facts",
                p.articles.len(),
                p.facts.len()
            ));
            if ctx.ws.is_dirty() {
                ui.colored_label(ui.visuals().warn_fg_color, "Unsaved changes");
            }
            let problems = &ctx.ws.problems;
            if !problems.is_empty()
                && ui
                    .button(format!("{} problem(s)", problems.len()))
                    .clicked()
            {
                ctx.ask(Ask::Modal(Modal::Message {
                    title: "Problems found when opening".into(),
                    body: problems.join("\n"),
                }));
            }
        });
    });
}
