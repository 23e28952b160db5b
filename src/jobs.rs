//! Long work off the UI thread: importing and extracting articles in
//! parallel, with progress and cancellation the window can show, and the
//! comparison of sources that follows every change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analysis::Comparison;
use crate::extract::{self, Candidate};
use crate::import::{self, SheetRow};
use crate::model::{ArticleId, DateOrigin, Project};
use crate::workspace::PreparedArticle;

/// The comparison of sources for one revision of the project, computed on
/// its own thread so the window stays responsive while it runs.
pub struct ComparisonJob {
    /// The project revision it describes.
    pub revision: u64,
    result: mpsc::Receiver<Comparison>,
}

/// How a comparison job stands.
pub enum ComparisonState {
    /// Still running.
    Running,
    /// Finished with this result.
    Done(Box<Comparison>),
    /// The thread could not start or stopped without a result.
    Failed,
}

impl ComparisonJob {
    /// Starts comparing a snapshot of the project and its texts.
    pub fn start(
        project: Project,
        texts: HashMap<ArticleId, Arc<str>>,
        revision: u64,
    ) -> ComparisonJob {
        let (tx, rx) = mpsc::channel();
        // A refused thread drops the sender: the job reports itself failed.
        let _ = thread::Builder::new()
            .name("comparison".into())
            .spawn(move || {
                let _ = tx.send(Comparison::run(&project, &texts));
            });
        ComparisonJob {
            revision,
            result: rx,
        }
    }

    /// Whether the comparison has finished, without waiting.
    pub fn poll(&self) -> ComparisonState {
        match self.result.try_recv() {
            Ok(cmp) => ComparisonState::Done(Box::new(cmp)),
            Err(mpsc::TryRecvError::Empty) => ComparisonState::Running,
            Err(mpsc::TryRecvError::Disconnected) => ComparisonState::Failed,
        }
    }
}

/// What a finished job hands back.
#[derive(Debug)]
pub enum JobOutput {
    /// Files read and extracted, ready for [`crate::workspace::Workspace::add_articles`];
    /// plus one message per file that could not be imported.
    Imported {
        /// Articles ready to add.
        articles: Vec<PreparedArticle>,
        /// Files skipped, with the reason.
        skipped: Vec<String>,
    },
    /// Fresh candidates for existing articles.
    Extracted(Vec<(ArticleId, Vec<Candidate>)>),
    /// The analyst cancelled; nothing changes.
    Cancelled,
}

/// A running background job.
pub struct Job {
    /// What the job does, for the status bar.
    pub label: String,
    total: usize,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: mpsc::Receiver<JobOutput>,
}

impl Job {
    /// Items finished and items in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total)
    }

    /// Asks the job to stop as soon as it can.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The result, once the job is finished.
    pub fn try_finish(&self) -> Option<JobOutput> {
        match self.result.try_recv() {
            Ok(out) => Some(out),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(JobOutput::Cancelled),
        }
    }

    /// Blocks until the job is finished (command line and tests).
    pub fn wait(self) -> JobOutput {
        self.result.recv().unwrap_or(JobOutput::Cancelled)
    }

    fn spawn<T: Send + 'static>(
        label: String,
        items: Vec<T>,
        work: impl Fn(Vec<T>, &AtomicUsize, &AtomicBool) -> JobOutput + Send + 'static,
    ) -> Job {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let total = items.len();
        let (d, c) = (done.clone(), cancel.clone());
        // If the system refuses a thread, the closure (and the sender) is
        // dropped and the job reports itself cancelled: nothing changes.
        let _ = thread::Builder::new().name(label.clone()).spawn(move || {
            let out = work(items, &d, &c);
            let out = if c.load(Ordering::Relaxed) {
                JobOutput::Cancelled
            } else {
                out
            };
            let _ = tx.send(out);
        });
        Job {
            label,
            total,
            done,
            cancel,
            result: rx,
        }
    }

    /// Reads and extracts these files in parallel; a metadata sheet, when
    /// given, sets titles, outlets and dates before extraction.
    pub fn import(paths: Vec<PathBuf>, sheet: Option<Sheet>) -> Job {
        let label = format!("Importing {} file(s)", paths.len());
        Job::spawn(label, paths, move |paths, done, cancel| {
            let results: Vec<Result<PreparedArticle, String>> = paths
                .into_par_iter()
                .filter_map(|path| {
                    if cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    let out = prepare(path, sheet.as_ref());
                    done.fetch_add(1, Ordering::Relaxed);
                    Some(out)
                })
                .collect();
            let (mut articles, mut skipped) = (Vec::new(), Vec::new());
            for r in results {
                match r {
                    Ok(a) => articles.push(a),
                    Err(e) => skipped.push(e),
                }
            }
            JobOutput::Imported { articles, skipped }
        })
    }

    /// Runs the extractors again over these texts in parallel.
    pub fn extract(inputs: Vec<(ArticleId, Arc<str>, Option<NaiveDate>)>) -> Job {
        let label = format!("Extracting facts from {} article(s)", inputs.len());
        Job::spawn(label, inputs, |inputs, done, cancel| {
            let out = inputs
                .into_par_iter()
                .filter_map(|(id, text, published)| {
                    if cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    let candidates = extract::extract_all(&text, published);
                    done.fetch_add(1, Ordering::Relaxed);
                    Some((id, candidates))
                })
                .collect();
            JobOutput::Extracted(out)
        })
    }
}

/// A metadata sheet read from disk: its file name and rows.
#[derive(Default)]
pub struct Sheet {
    /// The sheet's file name, recorded as the origin of the dates it sets.
    pub name: String,
    /// Its rows.
    pub rows: Vec<SheetRow>,
}

/// The names of the sheet a folder may carry beside its articles.
const FOLDER_SHEETS: [&str; 2] = ["metadata.csv", "metadata.tsv"];

impl Sheet {
    /// Reads a sheet file.
    pub fn read(path: &Path) -> Result<Sheet, String> {
        let rows = import::read_sheet(path).map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Sheet { name, rows })
    }

    /// The `metadata.csv` (or `.tsv`) at the top of an article folder, if any.
    pub fn in_folder(dir: &Path) -> Option<Result<Sheet, String>> {
        FOLDER_SHEETS
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
            .map(|p| Sheet::read(&p))
    }

    fn row_for(&self, path: &Path) -> Option<&SheetRow> {
        let name = path.file_name()?.to_string_lossy();
        self.rows.iter().find(|r| r.file == name)
    }
}

/// Reads one file and extracts its facts; an error names the file and says why.
pub fn prepare(path: PathBuf, sheet: Option<&Sheet>) -> Result<PreparedArticle, String> {
    let mut imported = import::read_article(&path)
        .map_err(|e| format!("Skipped {}: {}", path.display(), e.cause()))?;
    if let Some((sheet, row)) = sheet.and_then(|s| Some((s, s.row_for(&path)?))) {
        if let Some(t) = &row.title {
            imported.title = t.clone();
        }
        if let Some(o) = &row.outlet {
            imported.outlet = o.clone();
        }
        if let Some(u) = &row.url {
            imported.url = u.clone();
        }
        if row.published.is_some() {
            imported.published = row.published;
            imported.date_origin = DateOrigin::Sheet(sheet.name.clone());
        }
    }
    let candidates = extract::extract_all(&imported.text, imported.published);
    Ok(PreparedArticle {
        path,
        title: imported.title,
        outlet: imported.outlet,
        url: imported.url,
        published: imported.published,
        date_origin: imported.date_origin,
        text: imported.text.into(),
        candidates,
    })
}
