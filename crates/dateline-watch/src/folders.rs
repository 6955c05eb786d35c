//! Folders watched live: file-system notifications (`notify`: inotify on Linux, FSEvents on
//! macOS, ReadDirectoryChanges on Windows) name the files that were created, written or
//! renamed into a watched folder, and each is ingested once it has been quiet for
//! [`SETTLE`] (no event for it), so that a file being written is not read half-way. The
//! changes are gathered in a set of paths bounded by [`MAX_CHANGED`]; past it, or when the
//! system says events were lost, the next pass's full listing (the polling, every interval
//! and at start-up) catches up. A folder that cannot be watched (it does not exist yet, the
//! system's watch limit is reached, a network file system) is polled only, and tried again
//! every pass.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a file must have been quiet before it is read.
pub const SETTLE: Duration = Duration::from_millis(500);

/// The most changed paths remembered between two looks; more, and a full listing is made
/// instead.
pub const MAX_CHANGED: usize = 100_000;

#[derive(Default)]
struct Changes {
    /// Each changed path and when it last changed.
    paths: BTreeMap<PathBuf, Instant>,
    /// Events were lost (the set was full, or the system said so): list the folders again.
    rescan: bool,
}

/// One watched folder: as given (the form a listing's paths take) and as an absolute path
/// (the form notifications take).
struct Folder {
    given: PathBuf,
    absolute: PathBuf,
    live: bool,
}

/// The live watch of the `--dir` folders.
pub struct Live {
    watcher: Option<notify::RecommendedWatcher>,
    changes: Arc<Mutex<Changes>>,
    folders: Vec<Folder>,
}

/// What is due: files to ingest (with the folder each is under), and whether to list every
/// folder again.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Due {
    pub files: Vec<(PathBuf, PathBuf)>,
    pub rescan: bool,
}

impl Live {
    /// A watcher over `dirs` (none when the system gives none: then every folder is polled).
    /// The folders are watched by [`Live::watch_missing`].
    pub fn new(dirs: &[PathBuf]) -> (Live, Option<String>) {
        let changes: Arc<Mutex<Changes>> = Arc::default();
        let sink = changes.clone();
        let handler = move |ev: notify::Result<notify::Event>| {
            let Ok(mut c) = sink.lock() else { return };
            match ev {
                Ok(ev) if ev.need_rescan() => c.rescan = true,
                Ok(ev) if wanted(&ev.kind) => {
                    let now = Instant::now();
                    for p in ev.paths {
                        if c.paths.len() >= MAX_CHANGED && !c.paths.contains_key(&p) {
                            c.rescan = true;
                        } else {
                            c.paths.insert(p, now);
                        }
                    }
                }
                Ok(_) => {}
                Err(_) => c.rescan = true,
            }
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        let folders = dirs
            .iter()
            .map(|d| Folder {
                given: d.clone(),
                absolute: cwd.join(d),
                live: false,
            })
            .collect();
        let (watcher, err) = match notify::recommended_watcher(handler) {
            Ok(w) => (Some(w), None),
            Err(e) => (None, Some(format!("no file-system notifications: {e}"))),
        };
        (
            Live {
                watcher,
                changes,
                folders,
            },
            err,
        )
    }

    /// Watch the folders not watched yet; returns each that could not be, with why.
    pub fn watch_missing(&mut self) -> Vec<(PathBuf, String)> {
        use notify::Watcher;
        let Some(w) = self.watcher.as_mut() else {
            return Vec::new();
        };
        let mut failed = Vec::new();
        for f in self.folders.iter_mut().filter(|f| !f.live) {
            match w.watch(&f.absolute, notify::RecursiveMode::Recursive) {
                Ok(()) => f.live = true,
                Err(e) => failed.push((f.given.clone(), e.to_string())),
            }
        }
        failed
    }

    /// How many folders are watched live.
    pub fn live(&self) -> usize {
        self.folders.iter().filter(|f| f.live).count()
    }

    /// The changed paths quiet for [`SETTLE`], taken out of the set, in the form a listing of
    /// their folder gives them; and whether a full listing is due.
    pub fn due(&mut self) -> Due {
        let Ok(mut c) = self.changes.lock() else {
            return Due::default();
        };
        let now = Instant::now();
        let ready: Vec<PathBuf> = c
            .paths
            .iter()
            .filter(|(_, t)| now.duration_since(**t) >= SETTLE)
            .map(|(p, _)| p.clone())
            .collect();
        let mut due = Due {
            files: Vec::new(),
            rescan: std::mem::take(&mut c.rescan),
        };
        for p in ready {
            c.paths.remove(&p);
            if let Some(f) = self.folders.iter().find(|f| p.starts_with(&f.absolute)) {
                let rel = p.strip_prefix(&f.absolute).unwrap_or(Path::new(""));
                due.files.push((f.given.join(rel), f.given.clone()));
            }
        }
        due
    }
}

/// Events that may bring a file to read: created, written, renamed (into place), closed
/// after writing. Removals and reads are not.
fn wanted(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_due_once_quiet_and_named_as_a_listing_names_it() {
        let d = std::env::temp_dir().join(format!("dateline-live-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        let (mut live, err) = Live::new(std::slice::from_ref(&d));
        assert_eq!(err, None);
        assert!(live.watch_missing().is_empty());
        assert_eq!(live.live(), 1);
        std::fs::write(d.join("a.txt"), "text").unwrap();
        let start = Instant::now();
        let mut files = Vec::new();
        while files.is_empty() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(50));
            files = live.due().files;
        }
        assert_eq!(files, [(d.join("a.txt"), d.clone())]);
        assert!(live.due().files.is_empty(), "taken once");
        // a folder that does not exist is reported, and polled
        let (mut none, _) = Live::new(&[d.join("missing")]);
        assert_eq!(none.watch_missing().len(), 1);
        assert_eq!(none.live(), 0);
        let _ = std::fs::remove_dir_all(&d);
    }
}
