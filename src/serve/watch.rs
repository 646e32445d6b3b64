//! Watches the site's sources (`site.yaml`, `content/`, `templates/`, `static/`, `i18n/`)
//! and reports each burst of changes once: an editor's save (a temporary file renamed over the old one,
//! several writes, a delete and a create) arrives as one batch of paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

/// Quiet time after the last event before a batch is reported.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// How often the debouncer looks for quiet batches.
const TICK: Duration = Duration::from_millis(5);
/// How often `--poll` looks at every file.
const POLL_INTERVAL: Duration = Duration::from_secs(1);
/// Folders watched recursively when they exist.
const FOLDERS: [&str; 4] = ["content", "templates", "static", crate::i18n::SITE_FOLDER];

/// One report from the watcher.
pub enum Batch {
    /// Paths that changed (files or folders, made, written, renamed or removed).
    Changed(Vec<PathBuf>),
    /// The file system notifications failed; watching goes on where it can.
    Failed(String),
}

enum Debounced {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

impl Debounced {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Debounced::Native(d) => d.watch(path, mode),
            Debounced::Polling(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match self {
            Debounced::Native(d) => d.unwatch(path),
            Debounced::Polling(d) => d.unwatch(path),
        }
    }
}

/// Watches a site folder until dropped.
pub struct Watcher {
    root: PathBuf,
    debouncer: Debounced,
    /// Source folders being watched recursively.
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Starts watching `root`; every batch goes to `sender`. `poll` looks at the files at
    /// intervals instead of asking the operating system, for network drives and WSL.
    pub fn start(root: &Path, poll: bool, sender: Sender<Batch>) -> Result<Watcher, String> {
        let handler = move |result: DebounceEventResult| {
            let batch = match result {
                // Reading a file (as every rebuild does) is no change.
                Ok(events) => Batch::Changed(
                    events
                        .into_iter()
                        .filter(|event| !matches!(event.event.kind, EventKind::Access(_)))
                        .flat_map(|event| event.event.paths)
                        .collect(),
                ),
                Err(errors) => Batch::Failed(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            // The receiver is gone only when the server is stopping.
            let _ = sender.send(batch);
        };
        let debouncer = if poll {
            new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                NoCache,
                // Modification times are compared in whole seconds, which misses a second
                // save within the same second: compare contents as well.
                notify::Config::default()
                    .with_poll_interval(POLL_INTERVAL)
                    .with_compare_contents(true),
            )
            .map(Debounced::Polling)
        } else {
            new_debouncer(DEBOUNCE, Some(TICK), handler).map(Debounced::Native)
        }
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            watched: BTreeSet::new(),
        };
        // The root itself, for `site.yaml` and for source folders made later.
        watcher
            .debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(root, &e))?;
        watcher.refresh()?;
        Ok(watcher)
    }

    /// Watches source folders made since the last call and forgets removed ones.
    pub fn refresh(&mut self) -> Result<(), String> {
        for folder in FOLDERS {
            let path = self.root.join(folder);
            let exists = path.is_dir();
            let watched = self.watched.contains(&path);
            if exists && !watched {
                self.debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| watch_error(&path, &e))?;
                self.watched.insert(path);
            } else if !exists && watched {
                // The system may have dropped the watch with the folder already.
                let _ = self.debouncer.unwatch(&path);
                self.watched.remove(&path);
            }
        }
        Ok(())
    }
}

fn watch_error(path: &Path, error: &notify::Error) -> String {
    format!(
        "cannot watch {}: {error} (on network drives and WSL, try --poll)",
        path.display()
    )
}
