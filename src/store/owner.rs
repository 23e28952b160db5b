//! Who is writing: this process's id and host, and whether a process that
//! left a lock or a temporary file behind is still running.

use std::path::Path;

/// The id of this process, as written into lock and temporary file names.
pub(super) fn pid() -> u32 {
    std::process::id()
}

/// The name of this computer, so a lock names the machine that holds it
/// (projects can live on shared folders).
pub(super) fn host() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|file| {
            let name = std::fs::read_to_string(file).ok()?;
            let name = name.trim();
            (!name.is_empty()).then(|| name.to_owned())
        })
        .or_else(|| std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()))
        .unwrap_or_else(|| "this computer".to_owned())
}

/// True unless the process `pid` of this computer is known to have ended.
/// Only Linux tells (through `/proc`); elsewhere every process counts as
/// running, so nothing another writer may still use is ever removed.
pub(super) fn is_running(pid: u32) -> bool {
    if pid == self::pid() || !cfg!(target_os = "linux") {
        return true;
    }
    let proc_dir = Path::new("/proc");
    !proc_dir.is_dir() || proc_dir.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_runs_and_has_a_host() {
        assert!(is_running(pid()));
        assert!(!host().trim().is_empty());
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn an_ended_process_is_not_running() {
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let ended = child.id();
        child.wait().expect("wait");
        assert!(!is_running(ended));
    }
}
