//! Background work as the window sees it: starting an import or
//! extraction job, polling it for progress, and applying what it hands
//! back; and the comparison of sources, restarted after every change.

use std::time::Duration;

use super::App;
use std::sync::Arc;

use crate::analysis::Comparison;
use crate::commands::Command;
use crate::jobs::{ComparisonJob, ComparisonState, Job, JobOutput};

impl App {
    pub(super) fn start_job(&mut self, job: Job) {
        self.status = format!("{}…", job.label);
        self.job = Some(job);
    }

    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        match job.try_finish() {
            Some(out) => {
                self.job = None;
                self.finish_job(out);
            }
            None => ctx.request_repaint_after(Duration::from_millis(50)),
        }
    }

    pub(super) fn finish_job(&mut self, out: JobOutput) {
        match out {
            JobOutput::Imported {
                articles,
                mut skipped,
            } => {
                let done = self.execute_now(Command::AddArticles(articles));
                skipped.extend(done.problems);
                if std::mem::take(&mut self.import_is_clean) {
                    self.ws.mark_saved();
                }
                if self.ws.project().view.selected_article.is_none() {
                    self.ws.view_mut().selected_article =
                        self.ws.project().articles.first().map(|a| a.id);
                }
                let title = format!("{} file(s) were not imported", skipped.len());
                self.show_problems(title, &skipped);
            }
            JobOutput::Extracted(results) => {
                self.execute_now(Command::MergeExtraction(results));
            }
            JobOutput::Cancelled => {
                self.import_is_clean = false;
                self.status = "Cancelled; nothing was changed.".into();
            }
        }
    }

    /// Collects a finished comparison and starts a new one when the
    /// project has changed since the last; called every frame.
    pub(super) fn refresh_comparison(&mut self, ctx: &egui::Context) {
        let panel = &mut self.panels.compare;
        if let Some(job) = &panel.running {
            match job.poll() {
                ComparisonState::Done(result) => {
                    panel.result = Some((job.revision, Arc::new(*result)));
                    panel.running = None;
                }
                ComparisonState::Running => {
                    ctx.request_repaint_after(Duration::from_millis(50));
                    return;
                }
                ComparisonState::Failed => {
                    panel.running = None;
                    self.status = "The comparison of sources failed; it will be retried.".into();
                }
            }
        }
        let revision = self.ws.revision();
        let current = panel.result.as_ref().is_some_and(|(r, _)| *r == revision);
        if current || panel.running.is_some() {
            return;
        }
        if panel.in_foreground {
            let result = Comparison::run(self.ws.project(), self.ws.texts());
            panel.result = Some((revision, Arc::new(result)));
            return;
        }
        let (project, texts) = (self.ws.project().clone(), self.ws.texts().clone());
        panel.running = Some(ComparisonJob::start(project, texts, revision));
        ctx.request_repaint_after(Duration::from_millis(50));
    }
}
