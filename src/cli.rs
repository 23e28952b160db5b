//! The headless command line: the same engine as the window, for scripts,
//! evaluation and building projects without a display.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::analysis::{Comparison, dating};
use crate::commands::Command;
use crate::export;
use crate::export::report::Report;
use crate::extract::entity::training::{self, TrainingOptions};
use crate::extract::{self, EXTRACTOR_VERSION};
use crate::import::{self, ImportPlan, Sheet};
use crate::jobs::{Job, JobOutput};
use crate::model::{Anchor, Fact, FactId, Origin, Status};
use crate::store;
use crate::workspace::Workspace;

/// Dossier: cross-check news coverage of one story.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A project file (*.dossier.ron) or a folder of articles to open in the
    /// window; without it the bundled sample dossier opens.
    pub path: Option<PathBuf>,
    /// What to do without a window.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Extract facts from article files and print one JSON object per fact,
    /// or with -o write a project the app opens.
    Extract {
        /// Article files or folders (searched recursively).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The publication date to resolve relative dates against
        /// (YYYY-MM-DD); when omitted, detected from each article, or for an
        /// article that states none, inferred from the others (and named
        /// on standard error).
        #[arg(long, value_parser = parse_date)]
        dct: Option<NaiveDate>,
        /// Write a project file here instead of printing facts.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compare the sources of a dossier and print what they corroborate,
    /// where they contradict each other and what only one of them says.
    Report {
        /// An article folder or a project file (*.dossier.ron).
        path: PathBuf,
        /// A CSV or TSV with a header naming some of: file, title, outlet,
        /// url, published (or date).
        #[arg(long)]
        meta: Option<PathBuf>,
        /// json (the schema in the README), md or html.
        #[arg(long, default_value = "json", value_parser = ["json", "md", "html"])]
        format: String,
        /// Read article files that lie outside the project file's folder
        /// (absolute paths, `..` or symlinks leading out). Without it, a
        /// project naming such files is refused, since a project from
        /// someone else may name any file on this machine.
        #[arg(long)]
        allow_outside: bool,
    },
    /// Train the entity model from corpora in CoNLL column format and write
    /// its weights (the shipped ones are in assets/ner/entities.model).
    TrainNer {
        /// CoNLL files, or folders searched for *.conll and *.conll.txt.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to write the weights.
        #[arg(short, long)]
        output: PathBuf,
        /// Passes over the training documents.
        #[arg(long, default_value_t = 4)]
        epochs: usize,
        /// The fixed score the model adds to the tag the rules give each
        /// token when it tags text: how far it trusts the rules (0 for not
        /// at all). The default was chosen on the CoNLL dev set.
        #[arg(long, default_value_t = 500.0)]
        rule_prior: f32,
        /// A folder of *.txt documents with a gold.jsonl of names, scored
        /// after each pass.
        #[arg(long)]
        dev: Option<PathBuf>,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date like 2025-05-16"))
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: CliCommand) -> ExitCode {
    match command {
        CliCommand::Extract {
            inputs,
            dct,
            output,
        } => {
            let mut failures = Vec::new();
            let result = match output {
                Some(out) => write_project(ImportPlan::new(&inputs, None), &out, &mut failures),
                None => {
                    let plan = ImportPlan::files_of(&inputs);
                    failures.extend(plan.problems);
                    print_facts(&plan.files, dct, &mut failures)
                }
            };
            for f in &failures {
                eprintln!("dossier: {f}");
            }
            match result {
                Err(e) => {
                    eprintln!("dossier: {e}");
                    ExitCode::FAILURE
                }
                Ok(()) if failures.is_empty() => ExitCode::SUCCESS,
                Ok(()) => ExitCode::from(2),
            }
        }
        CliCommand::Report {
            path,
            meta,
            format,
            allow_outside,
        } => report(&path, meta.as_deref(), &format, allow_outside),
        CliCommand::TrainNer {
            inputs,
            output,
            epochs,
            rule_prior,
            dev,
        } => match train_ner(
            &inputs,
            &output,
            TrainingOptions {
                epochs,
                rule_prior,
                dev,
            },
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dossier: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Opens a folder (importing and extracting it) or a project file, applies
/// the metadata sheet if one is given, compares the sources and prints the report.
fn report(path: &Path, meta: Option<&Path>, format: &str, allow_outside: bool) -> ExitCode {
    let mut failures = Vec::new();
    let sheet = match meta.map(Sheet::read).transpose() {
        Ok(sheet) => sheet,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ws = if path.is_dir() {
        let plan = ImportPlan::new(&[path.to_owned()], sheet);
        failures.extend(plan.problems);
        let JobOutput::Imported { articles, skipped } = Job::import(plan.files, plan.sheet).wait()
        else {
            eprintln!("dossier: extraction was interrupted");
            return ExitCode::FAILURE;
        };
        failures.extend(skipped);
        let mut ws = Workspace::new();
        failures.extend(
            ws.execute(Command::AddArticles(articles))
                .map(|d| d.problems)
                .unwrap_or_default(),
        );
        ws
    } else {
        let mut ws = match Workspace::open(path) {
            Ok(ws) => ws,
            Err(e) => {
                eprintln!("dossier: {e}");
                return ExitCode::FAILURE;
            }
        };
        if allow_outside {
            ws.read_outside_files();
        } else if let Some(refusal) = outside_refusal(path, &ws) {
            eprintln!("dossier: {refusal}");
            return ExitCode::FAILURE;
        }
        failures.append(&mut ws.problems);
        if let Some(sheet) = sheet {
            let done = ws.execute(Command::ApplySheet(sheet));
            failures.extend(done.map(|d| d.problems).unwrap_or_default());
        }
        ws
    };
    let comparison = Comparison::run(ws.project(), ws.texts());
    let report = Report::build(&ws, &comparison);
    let text = match format {
        "md" => report.to_markdown(),
        "html" => report.to_html(),
        _ => report.to_json(),
    };
    for f in &failures {
        eprintln!("dossier: {f}");
    }
    if let Err(e) = writeln!(std::io::stdout().lock(), "{text}") {
        eprintln!("dossier: could not write to standard output: {e}");
        return ExitCode::FAILURE;
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Why a project naming article files outside its folder is not reported on
/// without `--allow-outside`; `None` when it names none (or only files the
/// analyst declined in the window, which stay unread and are named as such).
fn outside_refusal(project: &Path, ws: &Workspace) -> Option<String> {
    let files = ws.outside_unanswered();
    if files.is_empty() {
        return None;
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    Some(format!(
        "{} names {} article file(s) outside its folder: {}. They were not read; \
         pass --allow-outside to read them.",
        project.display(),
        names.len(),
        names.join(", ")
    ))
}

/// Prints each file's facts as JSON lines (one document per article of a
/// file holding several), relative dates resolved against `dct`, else the
/// article's own date, else one inferred from the other articles.
fn print_facts(
    files: &[PathBuf],
    dct: Option<NaiveDate>,
    failures: &mut Vec<String>,
) -> Result<(), String> {
    let mut articles = Vec::new();
    for path in files {
        match import::read_file(path, &import::Progress::NONE) {
            Ok(found) => {
                failures.extend(
                    found
                        .problems
                        .iter()
                        .map(|e| format!("{}: {e}", path.display())),
                );
                articles.extend(found.articles.into_iter().map(|a| (path, a)));
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    let stated: Vec<NaiveDate> = articles.iter().filter_map(|(_, a)| a.published).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (path, imported) in articles {
        let published = dct.or(imported.published).or_else(|| {
            let proposal = dating::propose(&stated, &dating::OwnDates::of(&imported.text))?;
            eprintln!(
                "dossier: {}{}: date {} inferred from the dossier — please confirm ({})",
                path.display(),
                part_suffix(&imported),
                proposal.date,
                proposal.how
            );
            Some(proposal.date)
        });
        print_article(path, &imported, published, &mut out)?;
    }
    Ok(())
}

/// `#part` for one of several articles of a file, empty otherwise.
fn part_suffix(imported: &import::ImportedArticle) -> String {
    match imported.provenance.part.as_str() {
        "" => String::new(),
        part => format!("#{part}"),
    }
}

/// One article's facts as JSON lines, named by the file's stem (and
/// `#part`), relative dates resolved against `published`.
fn print_article(
    path: &Path,
    imported: &import::ImportedArticle,
    published: Option<NaiveDate>,
    out: &mut impl Write,
) -> Result<(), String> {
    let facts: Vec<Fact> = extract::extract_all(&imported.text, published)
        .into_iter()
        .enumerate()
        .map(|(i, c)| Fact {
            id: FactId(i as u64),
            article: crate::model::ArticleId(0),
            text: imported
                .text
                .get(c.start..c.end)
                .unwrap_or_default()
                .to_owned(),
            start: c.start,
            end: c.end,
            kind: c.kind,
            label: c.label,
            value: c.value,
            attrs: c.attrs,
            origin: Origin::Extracted(EXTRACTOR_VERSION),
            status: Status::Unreviewed,
            note: String::new(),
            anchor: Anchor::Exact,
        })
        .collect();
    let doc = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        + &part_suffix(imported);
    let lines = export::json_lines(&doc, &imported.text, &facts);
    out.write_all(lines.as_bytes())
        .map_err(|e| format!("could not write to standard output: {e}"))?;
    Ok(())
}

fn write_project(plan: ImportPlan, out: &Path, failures: &mut Vec<String>) -> Result<(), String> {
    failures.extend(plan.problems);
    store::check_save_target(out).map_err(|e| e.to_string())?;
    let mut ws = Workspace::new();
    ws.path = Some(
        std::path::absolute(out)
            .map_err(|e| format!("cannot save “{}”: {}", out.display(), store::InWords(&e)))?,
    );
    let JobOutput::Imported { articles, skipped } = Job::import(plan.files, plan.sheet).wait()
    else {
        return Err("extraction was interrupted".into());
    };
    failures.extend(skipped);
    let n = articles.len();
    failures.extend(
        ws.execute(Command::AddArticles(articles))
            .map(|d| d.problems)
            .unwrap_or_default(),
    );
    ws.save_as(out).map_err(|e| e.to_string())?;
    eprintln!(
        "dossier: wrote {} with {n} article(s) and {} fact(s)",
        out.display(),
        ws.project().facts.len()
    );
    Ok(())
}

/// Reads the corpora, trains the entity model and writes its weights.
fn train_ner(inputs: &[PathBuf], output: &Path, options: TrainingOptions) -> Result<(), String> {
    let mut files = Vec::new();
    for input in inputs {
        collect_conll(input, &mut files)?;
    }
    if files.is_empty() {
        return Err("no *.conll or *.conll.txt file in the inputs".to_owned());
    }
    files.sort();
    let mut docs = Vec::new();
    for file in &files {
        let content = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let read = training::read_conll(&content);
        eprintln!("{}: {} documents", file.display(), read.len());
        docs.extend(read);
    }
    let report = training::train(&docs, &options, |line| eprintln!("{line}"))?;
    std::fs::write(output, &report.model)
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!(
        "wrote {} ({} features, {} bytes)",
        output.display(),
        report.features,
        report.model.len()
    );
    Ok(())
}

/// Adds `path` if it is a file, or the CoNLL files under it if it is a folder.
fn collect_conll(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_file() {
        files.push(path.to_owned());
        return Ok(());
    }
    let entries =
        std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if p.is_dir() {
            collect_conll(&p, files)?;
        } else if name.ends_with(".conll") || name.ends_with(".conll.txt") {
            files.push(p);
        }
    }
    Ok(())
}
