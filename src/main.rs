//! Parses the command line, then starts the window or a headless command.

use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    window(args.path)
}

/// Opens the window on `path` (the bundled sample when none is given).
#[cfg(feature = "gui")]
fn window(path: Option<std::path::PathBuf>) -> ExitCode {
    match dossier::ui::run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: could not open a window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Without the `gui` feature there is no window: says so and how to get one.
#[cfg(not(feature = "gui"))]
fn window(_path: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "dossier: this build has no window (built without the `gui` feature); \
         use a command (see `dossier --help`) or rebuild with default features"
    );
    ExitCode::FAILURE
}
