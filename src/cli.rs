//! The headless command line: the same engine as the window, for scripts,
//! evaluation and building projects without a display.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::analysis::Comparison;
use crate::export;
use crate::export::report::Report;
use crate::extract::{self, EXTRACTOR_VERSION};
use crate::import;
use crate::jobs::{Job, JobOutput, Sheet};
use crate::model::{Anchor, Fact, FactId, Origin, Status};
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
        /// (YYYY-MM-DD); detected from each article when omitted.
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
            let (files, mut failures) = expand_inputs(&inputs);
            let result = match output {
                Some(out) => {
                    let sheet = folder_sheet(&inputs, &mut failures);
                    write_project(files, sheet, &out, &mut failures)
                }
                None => print_facts(&files, dct, &mut failures),
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
        CliCommand::Report { path, meta, format } => report(&path, meta.as_deref(), &format),
    }
}

/// Opens a folder (importing and extracting it) or a project file, applies
/// the metadata sheet if one is given, compares the sources and prints the report.
fn report(path: &Path, meta: Option<&Path>, format: &str) -> ExitCode {
    let mut failures = Vec::new();
    let sheet = match meta.map(Sheet::read).transpose() {
        Ok(sheet) => sheet,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ws = if path.is_dir() {
        let (files, skipped) = expand_inputs(&[path.to_owned()]);
        failures.extend(skipped);
        let sheet = sheet.or_else(|| folder_sheet(&[path.to_owned()], &mut failures));
        let JobOutput::Imported { articles, skipped } = Job::import(files, sheet).wait() else {
            eprintln!("dossier: extraction was interrupted");
            return ExitCode::FAILURE;
        };
        failures.extend(skipped);
        let mut ws = Workspace::new();
        failures.extend(ws.add_articles(articles));
        ws
    } else {
        let mut ws = match Workspace::open(path) {
            Ok(ws) => ws,
            Err(e) => {
                eprintln!("dossier: {e}");
                return ExitCode::FAILURE;
            }
        };
        failures.append(&mut ws.problems);
        if let Some(sheet) = sheet {
            let (_, unmatched) = ws.apply_sheet(&sheet.rows, &sheet.name);
            failures.extend(unmatched);
        }
        ws
    };
    let comparison = Comparison::run(&ws.project, ws.texts());
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

/// The metadata sheet of the first folder among the inputs that has one.
fn folder_sheet(inputs: &[PathBuf], failures: &mut Vec<String>) -> Option<Sheet> {
    match inputs
        .iter()
        .filter(|p| p.is_dir())
        .find_map(|d| Sheet::in_folder(d))?
    {
        Ok(sheet) => Some(sheet),
        Err(e) => {
            failures.push(e);
            None
        }
    }
}

/// Files named directly, plus the article files inside named folders.
fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let (mut files, mut failures) = (Vec::new(), Vec::new());
    for input in inputs {
        if input.is_dir() {
            match import::scan_folder(input) {
                Ok(found) if found.is_empty() => failures.push(format!(
                    "{}: no article files (.txt, .md, .html) found",
                    input.display()
                )),
                Ok(found) => files.extend(found),
                Err(e) => failures.push(format!("{}: {e}", input.display())),
            }
        } else {
            files.push(input.clone());
        }
    }
    (files, failures)
}

fn print_facts(
    files: &[PathBuf],
    dct: Option<NaiveDate>,
    failures: &mut Vec<String>,
) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let imported = match import::read_article(path) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let published = dct.or(imported.published);
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
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        let lines = export::json_lines(&doc, &imported.text, &facts);
        out.write_all(lines.as_bytes())
            .map_err(|e| format!("could not write to standard output: {e}"))?;
    }
    Ok(())
}

fn write_project(
    files: Vec<PathBuf>,
    sheet: Option<Sheet>,
    out: &Path,
    failures: &mut Vec<String>,
) -> Result<(), String> {
    let mut ws = Workspace::new();
    ws.path = Some(std::path::absolute(out).map_err(|e| format!("{}: {e}", out.display()))?);
    let JobOutput::Imported { articles, skipped } = Job::import(files, sheet).wait() else {
        return Err("extraction was interrupted".into());
    };
    failures.extend(skipped);
    let n = articles.len();
    failures.extend(ws.add_articles(articles));
    ws.save_as(out).map_err(|e| e.to_string())?;
    eprintln!(
        "dossier: wrote {} with {n} article(s) and {} fact(s)",
        out.display(),
        ws.project.facts.len()
    );
    Ok(())
}
