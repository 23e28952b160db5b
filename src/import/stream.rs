//! Reading a long file (a mailbox, a dump) as a stream: how far it has got,
//! for a progress bar, and a way to stop it when the analyst cancels.

use std::io::{self, Read};

use super::ImportError;

/// How a long read reports its progress and learns that it should stop.
pub struct Progress<'a> {
    /// Called now and then with the number of bytes of the file read so far.
    pub read: &'a (dyn Fn(u64) + Sync),
    /// True once the analyst has cancelled.
    pub cancelled: &'a (dyn Fn() -> bool + Sync),
}

impl Progress<'static> {
    /// No progress shown and no way to cancel (tests, reopening a project).
    pub const NONE: Progress<'static> = Progress {
        read: &ignore,
        cancelled: &never,
    };
}

/// Reports nothing.
fn ignore(_: u64) {}

/// Never cancelled.
fn never() -> bool {
    false
}

/// How many bytes are read between two reports.
const REPORT_EVERY: u64 = 1024 * 1024;

/// A reader that reports to a [`Progress`] and fails with [`cancelled`]
/// once it is cancelled, so that any parser reading from it stops.
pub(super) struct Watched<'a, R> {
    inner: R,
    progress: &'a Progress<'a>,
    read: u64,
    reported: u64,
}

impl<'a, R> Watched<'a, R> {
    /// `inner`, watched.
    pub(super) fn new(inner: R, progress: &'a Progress<'a>) -> Self {
        Watched {
            inner,
            progress,
            read: 0,
            reported: 0,
        }
    }
}

impl<R: Read> Read for Watched<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if (self.progress.cancelled)() {
            return Err(cancelled());
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read - self.reported >= REPORT_EVERY || n == 0 {
            self.reported = self.read;
            (self.progress.read)(self.read);
        }
        Ok(n)
    }
}

/// The error a cancelled stream fails with.
fn cancelled() -> io::Error {
    io::Error::other(CancelledMarker)
}

/// Marks the error of a cancelled stream, to tell it from a read that failed.
#[derive(Debug)]
struct CancelledMarker;

impl std::fmt::Display for CancelledMarker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for CancelledMarker {}

/// True when a stream's error is its cancellation.
pub(super) fn is_cancelled(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<CancelledMarker>())
}

/// A stream's read error in the importer's words: `Cancelled`, or the file as damaged.
pub(super) fn stream_error(error: &io::Error, format: &'static str) -> ImportError {
    if is_cancelled(error) {
        ImportError::Cancelled
    } else {
        ImportError::Damaged {
            format,
            detail: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    #[test]
    fn reports_progress_and_stops_when_cancelled() {
        let seen = AtomicU64::new(0);
        let stop = AtomicBool::new(false);
        let report = |n| seen.store(n, Ordering::Relaxed);
        let cancelled = || stop.load(Ordering::Relaxed);
        let progress = Progress {
            read: &report,
            cancelled: &cancelled,
        };
        let data = vec![b'x'; 3 * REPORT_EVERY as usize];
        let mut reader = Watched::new(&data[..], &progress);
        let mut buf = vec![0; REPORT_EVERY as usize];
        reader.read_exact(&mut buf).unwrap();
        assert_eq!(seen.load(Ordering::Relaxed), REPORT_EVERY);
        stop.store(true, Ordering::Relaxed);
        let error = reader.read(&mut buf).unwrap_err();
        assert!(is_cancelled(&error));
        assert!(matches!(
            stream_error(&error, "mailbox"),
            ImportError::Cancelled
        ));
    }
}
