//! Parses the command line, then starts the window or a headless command.

use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    match dossier::ui::run(args.path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: could not open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
