//! What an import will read: the article files named or found in folders,
//! and the metadata sheet to apply to them. The window and the command line
//! both start an import from a plan, so a folder is read the same way in
//! both: the same files, the same sheet, the same messages.

use std::path::PathBuf;

use super::{Sheet, scan_folder};
use crate::store::InWords;

/// The files and the sheet of one import, and what could not be used while
/// finding them (named with its path and why).
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// Article files, in the order given, each folder's sorted by path.
    pub files: Vec<PathBuf>,
    /// The sheet whose titles, outlets and dates the articles get.
    pub sheet: Option<Sheet>,
    /// Folders that could not be read or held no article file, and a
    /// folder sheet that could not be read.
    pub problems: Vec<String>,
}

impl ImportPlan {
    /// The article files of `inputs`: files as named, folders scanned.
    pub fn files_of(inputs: &[PathBuf]) -> ImportPlan {
        ImportPlan::scan(inputs).0
    }

    /// The files of `inputs` with `sheet`, or, when none is given, the
    /// `metadata.csv` (or `.tsv`) of the first named folder that has one.
    pub fn new(inputs: &[PathBuf], sheet: Option<Sheet>) -> ImportPlan {
        let (mut plan, folders) = ImportPlan::scan(inputs);
        plan.sheet = sheet.or_else(|| {
            let found = folders.iter().find_map(|d| Sheet::in_folder(d))?;
            found
                .map_err(|e| {
                    plan.problems
                        .push(format!("the folder's metadata sheet was not used: {e}"))
                })
                .ok()
        });
        plan
    }

    /// The plan without a sheet, and the inputs that are folders.
    fn scan(inputs: &[PathBuf]) -> (ImportPlan, Vec<&PathBuf>) {
        let mut plan = ImportPlan::default();
        let mut folders = Vec::new();
        for input in inputs {
            if !input.is_dir() {
                plan.files.push(input.clone());
                continue;
            }
            folders.push(input);
            match scan_folder(input) {
                Ok(found) if found.is_empty() => plan.problems.push(format!(
                    "{}: no article files (.txt, .md, .html, .pdf, .docx, .odt, .eml, .mbox, feeds, dumps) found",
                    input.display()
                )),
                Ok(found) => plan.files.extend(found),
                Err(e) => plan.problems.push(format!(
                    "could not read the folder “{}”: {}",
                    input.display(),
                    InWords(&e)
                )),
            }
        }
        (plan, folders)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_brings_its_files_and_its_sheet() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "Second story.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "First story.").unwrap();
        std::fs::write(
            dir.path().join("metadata.csv"),
            "file,title\na.txt,A headline\n",
        )
        .unwrap();
        let loose = dir.path().join("loose.md");
        let plan = ImportPlan::new(&[loose.clone(), dir.path().to_owned()], None);
        let names: Vec<_> = plan.files.iter().map(|f| f.file_name().unwrap()).collect();
        assert_eq!(names, ["loose.md", "a.txt", "b.txt"]);
        let sheet = plan.sheet.expect("the folder's sheet");
        assert_eq!(sheet.name, "metadata.csv");
        assert_eq!(sheet.rows[0].title.as_deref(), Some("A headline"));
        assert!(plan.problems.is_empty());
    }

    #[test]
    fn a_given_sheet_wins_and_an_empty_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let given = Sheet {
            name: "mine.csv".into(),
            rows: Vec::new(),
        };
        let plan = ImportPlan::new(&[dir.path().to_owned()], Some(given));
        assert!(plan.files.is_empty());
        assert_eq!(plan.sheet.unwrap().name, "mine.csv");
        assert_eq!(plan.problems.len(), 1);
        assert!(plan.problems[0].contains("no article files"));
    }

    #[test]
    fn a_broken_folder_sheet_is_a_problem_not_a_silent_gap() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A story.").unwrap();
        std::fs::write(
            dir.path().join("metadata.csv"),
            "file,date\na.txt,not a date\n",
        )
        .unwrap();
        let plan = ImportPlan::new(&[dir.path().to_owned()], None);
        assert_eq!(plan.files.len(), 1);
        assert!(plan.sheet.is_none());
        assert!(plan.problems[0].contains("metadata sheet was not used"));
    }
}
