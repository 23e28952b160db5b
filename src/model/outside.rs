//! The analyst's answer about article files that lie outside the project's
//! folder. A project file is untrusted input: one received from someone else
//! may name `/home/me/.ssh/id_ed25519` or `../../notes.txt` as an article, and
//! opening it must not read such files until the analyst agrees.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// Which outside article files the analyst agreed (or declined) to read, for
/// the project file at one place. A copy of the project moved or sent
/// elsewhere asks again, because the answer was given for `project_file`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct OutsideFiles {
    /// The absolute path of the project file the answer was given for.
    pub project_file: String,
    /// Absolute paths of outside article files the analyst agreed to read.
    pub allowed: Vec<String>,
    /// Absolute paths of outside article files the analyst chose not to read.
    pub declined: Vec<String>,
}

impl OutsideFiles {
    /// The answers that hold when the project is at `project_file`; none
    /// when they were given for another place.
    pub fn answers_for(&self, project_file: &str) -> Answers<'_> {
        if self.project_file != project_file {
            return Answers::default();
        }
        Answers {
            allowed: self.allowed.iter().map(String::as_str).collect(),
            declined: self.declined.iter().map(String::as_str).collect(),
        }
    }
}

/// The recorded answers for one place of the project, for quick look-up.
#[derive(Debug, Default)]
pub struct Answers<'a> {
    allowed: HashSet<&'a str>,
    declined: HashSet<&'a str>,
}

impl Answers<'_> {
    /// The answer for an outside file: `Some(true)` read it, `Some(false)`
    /// do not, `None` ask.
    pub fn get(&self, file: &str) -> Option<bool> {
        if self.allowed.contains(file) {
            Some(true)
        } else if self.declined.contains(file) {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered() -> OutsideFiles {
        OutsideFiles {
            project_file: "/cases/a.dossier.ron".into(),
            allowed: vec!["/inbox/one.txt".into()],
            declined: vec!["/inbox/two.txt".into()],
        }
    }

    #[test]
    fn an_answer_holds_for_the_project_file_it_was_given_for() {
        let outside = answered();
        let answers = outside.answers_for("/cases/a.dossier.ron");
        assert_eq!(answers.get("/inbox/one.txt"), Some(true));
        assert_eq!(answers.get("/inbox/two.txt"), Some(false));
        assert_eq!(answers.get("/inbox/three.txt"), None);
    }

    #[test]
    fn a_copy_of_the_project_elsewhere_asks_again() {
        let outside = answered();
        let answers = outside.answers_for("/tmp/a.dossier.ron");
        assert_eq!(answers.get("/inbox/one.txt"), None);
        assert_eq!(answers.get("/inbox/two.txt"), None);
    }
}
