//! Long work off the UI thread: importing and extracting articles in
//! parallel, with progress and cancellation the window can show, and the
//! comparison of sources that follows every change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::analysis::Comparison;
use crate::extract::{self, Candidate};
use crate::import::{self, ImportedArticle, Progress, Sheet};
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
    /// plus one message per file, or part of a file, that could not be imported.
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
    /// Items finished and items in all. For an import an item is a file,
    /// or a mebibyte of a bigger file, so a long mailbox moves the bar too.
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
        total: usize,
        work: impl Fn(Vec<T>, &AtomicUsize, &AtomicBool) -> JobOutput + Send + 'static,
    ) -> Job {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
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
    /// given, sets titles, outlets and dates before extraction. Progress
    /// counts files, and each mebibyte of a bigger file as one more, moving
    /// while a mailbox or a dump is read; cancelling stops such a read too.
    pub fn import(paths: Vec<PathBuf>, sheet: Option<Sheet>) -> Job {
        let label = format!("Importing {} file(s)", paths.len());
        let weighed: Vec<(PathBuf, usize)> = paths
            .into_iter()
            .map(|path| {
                let weight = weight(std::fs::metadata(&path).map_or(0, |m| m.len()));
                (path, weight)
            })
            .collect();
        let total = weighed.iter().map(|(_, w)| w).sum();
        Job::spawn(label, weighed, total, move |paths, done, cancel| {
            let size = batch_size(paths.len());
            let results: Vec<Prepared> = paths
                .par_chunks(size)
                .flat_map_iter(|files| {
                    let mut read: Vec<(Prepared, usize)> = files
                        .iter()
                        .map_while(|(path, units)| {
                            read_one(path, *units, sheet.as_ref(), done, cancel)
                        })
                        .collect();
                    let mut articles: Vec<&mut PreparedArticle> = read
                        .iter_mut()
                        .flat_map(|(prepared, _)| prepared.articles.iter_mut())
                        .collect();
                    extract_into(&mut articles);
                    for (_, left) in &read {
                        done.fetch_add(*left, Ordering::Relaxed);
                    }
                    read.into_iter().map(|(prepared, _)| prepared)
                })
                .collect();
            let (mut articles, mut skipped) = (Vec::new(), Vec::new());
            for prepared in results {
                articles.extend(prepared.articles);
                skipped.extend(prepared.skipped);
            }
            JobOutput::Imported { articles, skipped }
        })
    }

    /// Runs the extractors again over these texts in parallel.
    pub fn extract(inputs: Vec<(ArticleId, Arc<str>, Option<NaiveDate>)>) -> Job {
        let label = format!("Extracting facts from {} article(s)", inputs.len());
        let total = inputs.len();
        Job::spawn(label, inputs, total, |inputs, done, cancel| {
            let size = batch_size(inputs.len());
            let out = inputs
                .par_chunks(size)
                .filter(|_| !cancel.load(Ordering::Relaxed))
                .flat_map_iter(|batch| {
                    let texts: Vec<(&str, Option<NaiveDate>)> = batch
                        .iter()
                        .map(|(_, text, published)| (&**text, *published))
                        .collect();
                    let found = extract::extract_each(&texts);
                    done.fetch_add(batch.len(), Ordering::Relaxed);
                    batch.iter().map(|(id, _, _)| *id).zip(found)
                })
                .collect();
            JobOutput::Extracted(out)
        })
    }
}

/// How many articles (or files) one worker takes at a time: extracting several articles together
/// ([`extract::extract_each`]) keeps each extractor's tables in the processor's cache, and up to
/// [`extract::BATCH`] gain that, while a small import still gives every core a share.
fn batch_size(items: usize) -> usize {
    (items / (4 * rayon::current_num_threads())).clamp(1, extract::BATCH)
}

/// Reads one file of `units` progress items (see [`weight`]) unless the job is cancelled, and
/// returns it with the items still to count once its articles are extracted.
fn read_one(
    path: &Path,
    units: usize,
    sheet: Option<&Sheet>,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Option<(Prepared, usize)> {
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let counted = AtomicU64::new(0);
    let read = |bytes: u64| {
        let now = (weight(bytes) - 1).min(units - 1) as u64;
        let before = counted.swap(now, Ordering::Relaxed);
        done.fetch_add(now.saturating_sub(before) as usize, Ordering::Relaxed);
    };
    let cancelled = || cancel.load(Ordering::Relaxed);
    let progress = Progress {
        read: &read,
        cancelled: &cancelled,
    };
    let prepared = prepare(path.to_owned(), sheet, &progress);
    let counted = counted.load(Ordering::Relaxed) as usize;
    Some((prepared, units.saturating_sub(counted)))
}

/// Fills in the candidates of `articles`, [`extract::BATCH`] at a time.
fn extract_into(articles: &mut [&mut PreparedArticle]) {
    for batch in articles.chunks_mut(extract::BATCH) {
        let texts: Vec<(&str, Option<NaiveDate>)> =
            batch.iter().map(|a| (&*a.text, a.published)).collect();
        let found = extract::extract_each(&texts);
        for (article, candidates) in batch.iter_mut().zip(found) {
            article.candidates = candidates;
        }
    }
}

/// How many progress items a file of `bytes` counts for: one, and one per
/// further mebibyte.
fn weight(bytes: u64) -> usize {
    usize::try_from(bytes / (1024 * 1024)).unwrap_or(usize::MAX / 2) + 1
}

/// What one file gave: its articles, ready to add once their candidates are extracted, and what
/// was skipped.
struct Prepared {
    /// The file's articles; their candidates are filled in after reading.
    articles: Vec<PreparedArticle>,
    /// The file, or the parts of it, that could not be imported, with why.
    skipped: Vec<String>,
}

/// Reads one file and prepares each of its articles (candidates still empty), reporting
/// to `progress` while a long file is read; messages name the file (and the
/// part of it) and say why.
fn prepare(path: PathBuf, sheet: Option<&Sheet>, progress: &Progress) -> Prepared {
    let found = match import::read_file(&path, progress) {
        Ok(found) => found,
        Err(e) => {
            return Prepared {
                articles: Vec::new(),
                skipped: vec![format!("Skipped {}: {}", path.display(), e.cause())],
            };
        }
    };
    let skipped = found
        .problems
        .iter()
        .map(|e| format!("Skipped in {}: {}", path.display(), e.cause()))
        .collect();
    let articles = found
        .articles
        .into_iter()
        .map(|imported| prepare_article(&path, imported, sheet))
        .collect();
    Prepared { articles, skipped }
}

/// One imported article with the sheet's metadata applied; its candidates come later.
fn prepare_article(
    path: &Path,
    mut imported: ImportedArticle,
    sheet: Option<&Sheet>,
) -> PreparedArticle {
    if let Some((sheet, row)) = sheet.and_then(|s| Some((s, s.row_for(path, &imported)?))) {
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
    PreparedArticle {
        path: path.to_owned(),
        title: imported.title,
        outlet: imported.outlet,
        url: imported.url,
        published: imported.published,
        date_origin: imported.date_origin,
        text: imported.text.into(),
        candidates: Vec::new(),
        provenance: imported.provenance,
    }
}
