//! Stage 5, write: the built files go into a temporary sibling folder which then replaces
//! the output folder, so a failed build never leaves a half-written or emptied site.
//! Files are written as rendering goes, so the whole site is never held in memory.
//! Files whose content did not change since the last build are hard-linked from the old
//! folder instead of written again, so a rebuild costs what changed, not the site's size.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::render::Output;

/// Marks a folder as Brief's own output, so Brief never replaces a folder it did not make.
pub const MARKER: &str = ".brief-output";

/// Refuses output folders that would destroy the site or someone else's files.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            output.clone(),
            format!(
                "refusing to use {} as the output folder: {why}",
                output.display()
            ),
        ))
    };
    if root.starts_with(&output) {
        return refuse("it is the site folder or contains it");
    }
    for protected in ["content", "templates", "static"] {
        if output.starts_with(root.join(protected)) {
            return refuse(&format!("it is inside the site's {protected}/ folder"));
        }
    }
    if output.is_file() {
        return refuse("it is a file");
    }
    let has_files = std::fs::read_dir(&output).is_ok_and(|mut d| d.next().is_some());
    if has_files && !output.join(MARKER).exists() {
        return refuse(
            "it is not empty and Brief did not create it; remove it or choose another --output",
        );
    }
    Ok(())
}

/// Absolute, lexically normalised path (the folder may not exist yet).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Sibling path for temporary and old copies of the output folder.
fn sibling(output: &Path, label: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!(".{name}.brief-{label}-{}", std::process::id()))
}

/// A build being written: files go into a temporary sibling folder as they are rendered,
/// and `commit` swaps it in. Dropped without `commit`, the folder is removed and the
/// previous output stays exactly as it was.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    previous: Option<Previous>,
    pool: rayon::ThreadPool,
    folders: Mutex<HashSet<PathBuf>>,
    /// Path -> (hash, size) of everything written so far; a later file replaces an earlier one.
    written: Mutex<BTreeMap<String, (u64, u64)>>,
    committed: bool,
}

impl Staging {
    pub fn begin(output: &Path) -> Result<Staging, Diagnostic> {
        let output = absolute(output);
        let dir = sibling(&output, "tmp");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| io_error(&dir, "clear a stale temporary folder", e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_error(&dir, "create the output folder", e))?;
        // Creating files is bound by file system latency, not CPU, so it runs on more
        // threads than there are cores.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(IO_THREADS)
            .build()
            .map_err(|e| {
                Diagnostic::error(dir.clone(), format!("cannot start writer threads: {e}"))
            })?;
        Ok(Staging {
            previous: Previous::read(&output),
            dir,
            output,
            pool,
            folders: Mutex::new(HashSet::new()),
            written: Mutex::new(BTreeMap::new()),
            committed: false,
        })
    }

    /// Writes `files` into the staging folder, replacing files of the same path.
    pub fn add(&self, files: &[Output]) -> Result<(), Diagnostic> {
        self.make_folders(files)?;
        let hashes: Vec<u64> = self.pool.install(|| {
            files
                .par_iter()
                .map(|file| self.put(file))
                .collect::<Result<_, Diagnostic>>()
        })?;
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        for (file, hash) in files.iter().zip(hashes) {
            written.insert(file.path.clone(), (hash, file.content.len() as u64));
        }
        Ok(())
    }

    /// Makes the folders `files` need, parents first, each level in parallel.
    fn make_folders(&self, files: &[Output]) -> Result<(), Diagnostic> {
        let mut known = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        let new: BTreeSet<&Path> = files
            .iter()
            .flat_map(|f| Path::new(&f.path).ancestors().skip(1))
            .filter(|p| !p.as_os_str().is_empty() && !known.contains(*p))
            .collect();
        let depth = |p: &Path| p.components().count();
        let deepest = new.iter().map(|p| depth(p)).max().unwrap_or(0);
        self.pool.install(|| {
            (1..=deepest).try_for_each(|level| {
                new.par_iter()
                    .filter(|p| depth(p) == level)
                    .try_for_each(|folder| {
                        let path = self.dir.join(folder);
                        std::fs::create_dir(&path)
                            .map_err(|e| io_error(&path, "create a folder", e))
                    })
            })
        })?;
        known.extend(new.into_iter().map(Path::to_path_buf));
        Ok(())
    }

    /// Writes one file (or links its unchanged old copy) and returns its content hash.
    fn put(&self, file: &Output) -> Result<u64, Diagnostic> {
        let hash = fingerprint(&file.content);
        let path = self.dir.join(&file.path);
        // A file written earlier may be a link to the previous output: replace, never
        // write through it.
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| io_error(&path, "replace", e))?;
        }
        let linked = self
            .previous
            .as_ref()
            .and_then(|p| p.reusable(file, hash))
            .is_some_and(|old| std::fs::hard_link(old, &path).is_ok());
        if !linked {
            std::fs::write(&path, &file.content).map_err(|e| io_error(&path, "write", e))?;
        }
        Ok(hash)
    }

    /// Writes the marker and moves the new site into place.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let mut marker_text = String::from(MARKER_HEADER);
        for (path, (hash, size)) in self
            .written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            marker_text.push_str(&format!("{hash:016x} {size} {path}\n"));
        }
        let marker = self.dir.join(MARKER);
        std::fs::write(&marker, marker_text).map_err(|e| io_error(&marker, "write", e))?;
        swap_in(&self.dir, &self.output)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn io_error(path: &Path, action: &str, error: std::io::Error) -> Diagnostic {
    Diagnostic::error(path.to_path_buf(), format!("cannot {action}: {error}"))
}

const MARKER_HEADER: &str = "This folder is written by `brief build` and replaced on every build.\n\
     Each line below is a file's content hash, size and path, so unchanged files are reused.\n";

fn fingerprint(content: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    content.hash(&mut hasher);
    hasher.finish()
}

/// Threads that create files; more than the cores, since each waits on the file system.
const IO_THREADS: usize = 8;

/// What the last build wrote, from its marker file.
struct Previous {
    dir: PathBuf,
    files: HashMap<String, (u64, u64)>,
    /// Files changed after this moment were edited by hand and are not reused.
    written_at: SystemTime,
}

impl Previous {
    fn read(output: &Path) -> Option<Previous> {
        let marker = output.join(MARKER);
        let written_at = std::fs::metadata(&marker).and_then(|m| m.modified()).ok()?;
        let text = std::fs::read_to_string(&marker).ok()?;
        let files = text
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
                let size = parts.next()?.parse().ok()?;
                Some((parts.next()?.to_string(), (hash, size)))
            })
            .collect();
        Some(Previous {
            dir: output.to_path_buf(),
            files,
            written_at,
        })
    }

    /// The old copy of `file` when it holds exactly the new content.
    fn reusable(&self, file: &Output, hash: u64) -> Option<PathBuf> {
        let size = file.content.len() as u64;
        if self.files.get(&file.path) != Some(&(hash, size)) {
            return None;
        }
        let path = self.dir.join(&file.path);
        let meta = std::fs::metadata(&path).ok()?;
        let untouched = meta.len() == size && meta.modified().ok()? <= self.written_at;
        untouched.then_some(path)
    }
}

fn swap_in(staging: &Path, output: &Path) -> Result<(), Diagnostic> {
    if !output.exists() {
        if let Some(parent) = output.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, "create a folder", e))?;
        }
        return std::fs::rename(staging, output)
            .map_err(|e| io_error(output, "move the new site into place", e));
    }
    let old = sibling(output, "old");
    let _ = std::fs::remove_dir_all(&old);
    std::fs::rename(output, &old)
        .map_err(|e| io_error(output, "move the previous site aside", e))?;
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(&old, output);
        return Err(io_error(output, "move the new site into place", e));
    }
    remove_tree(&old).map_err(|e| io_error(&old, "remove the previous site", e))
}

/// Removes a folder, its top-level entries in parallel (deleting many small files is
/// bound by file system calls, not by the disk).
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}
