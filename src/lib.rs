//! Dossier's engine: everything that is not drawing. The model, the RON
//! store, importers, extractors and analysis live here so the window, the
//! command line, the tests and the benchmarks all share one implementation.
//! The window (`ui`) is compiled only with the `gui` feature (on by
//! default); nothing else may depend on it or on egui.

#![warn(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod export;
pub mod extract;
pub mod import;
pub mod jobs;
pub mod model;
pub mod sample;
pub mod store;
pub mod synth;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;

pub use workspace::commands;

/// Every binary of the crate (the app, the command line, tests and benches)
/// allocates through mimalloc: the comparison builds and frees millions of
/// small strings and sets, and with the system allocator half its time went
/// to malloc and free, and its threads contended for one heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
