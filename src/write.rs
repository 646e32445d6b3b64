//! Stage 5, write: files are written as rendering goes, so the whole site is never held
//! in memory, but into a temporary sibling folder; the output folder changes only once the
//! whole site rendered without errors, so a failed build never leaves a half-written or
//! emptied site. A rebuild writes only the files whose content changed since the last
//! build, so it costs what changed, not the site's size.
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::diag::Diagnostic;
use crate::render::{Output, Sink};

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

/// A build being written. Nothing in the output folder changes until `commit`, which runs
/// only after the whole site rendered without errors; dropped without `commit`, the
/// temporary folder is removed and the previous output stays exactly as it was.
///
/// Over an earlier output whose marker lists its files, only new or changed files are
/// written (into the temporary folder, then renamed into place) and files no longer built
/// are removed, so a rebuild costs what changed. A first build writes the whole site into
/// the temporary folder and renames that folder into place.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    previous: Option<Previous>,
    pool: rayon::ThreadPool,
    folders: Mutex<HashSet<PathBuf>>,
    /// Path -> (hash, size) of every file of the new site; a later file replaces an earlier one.
    built: Mutex<BTreeMap<String, (u64, u64)>>,
    /// Paths written into the temporary folder (when updating in place, the changed files).
    staged: Mutex<BTreeSet<String>>,
    /// The base URL the site is built for, recorded in the marker for `brief check --output`.
    base_url: String,
    committed: bool,
}

impl Staging {
    pub fn begin(output: &Path, base_url: &str) -> Result<Staging, Diagnostic> {
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
            built: Mutex::new(BTreeMap::new()),
            staged: Mutex::new(BTreeSet::new()),
            base_url: base_url.to_string(),
            committed: false,
        })
    }

    /// Adds `files` to the new site, replacing files of the same path: each is written into
    /// the temporary folder unless the output already holds exactly its content.
    pub fn add(&self, files: &[Output]) -> Result<(), Diagnostic> {
        let decisions: Vec<(u64, bool)> = self.pool.install(|| {
            files
                .par_iter()
                .map(|file| {
                    let hash = xxh3_64(&file.content);
                    let size = file.content.len() as u64;
                    (hash, self.holds(&file.path, hash, size))
                })
                .collect()
        });
        let changed: Vec<&Output> = files
            .iter()
            .zip(&decisions)
            .filter(|(_, (_, current))| !current)
            .map(|(file, _)| file)
            .collect();
        self.make_folders(changed.iter().map(|file| file.path.as_str()))?;
        let mut staged = self.staged.lock().unwrap_or_else(|e| e.into_inner());
        // A file staged by an earlier batch and now replaced by one the output already
        // holds must not be moved over it at commit.
        for (file, (_, current)) in files.iter().zip(&decisions) {
            if *current && staged.remove(&file.path) {
                let path = self.dir.join(&file.path);
                std::fs::remove_file(&path).map_err(|e| io_error(&path, "replace", e))?;
            }
        }
        self.pool.install(|| {
            changed.par_iter().try_for_each(|file| {
                let path = self.dir.join(&file.path);
                std::fs::write(&path, &file.content).map_err(|e| io_error(&path, "write", e))
            })
        })?;
        staged.extend(changed.iter().map(|file| file.path.clone()));
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        for (file, (hash, _)) in files.iter().zip(decisions) {
            built.insert(file.path.clone(), (hash, file.content.len() as u64));
        }
        Ok(())
    }

    /// Whether the output folder holds exactly this file already, as the last build wrote it.
    fn holds(&self, path: &str, hash: u64, size: u64) -> bool {
        self.previous
            .as_ref()
            .is_some_and(|p| p.holds(path, hash, size))
    }

    /// Starts a file too large to hold in memory whole; its content is written in pieces
    /// with `StagedFile::write` and it joins the site with `finish`.
    pub fn create(&self, path: &str) -> Result<StagedFile, Diagnostic> {
        self.make_folders(std::iter::once(path))?;
        let full = self.dir.join(path);
        let file = std::fs::File::create(&full).map_err(|e| io_error(&full, "write", e))?;
        Ok(StagedFile {
            path: path.to_string(),
            full,
            writer: std::io::BufWriter::with_capacity(1 << 20, file),
            hasher: Xxh3::new(),
            size: 0,
        })
    }

    /// Adds a file written with `create` to the new site, replacing a file of the same path.
    pub fn finish(&self, file: StagedFile) -> Result<(), Diagnostic> {
        let StagedFile {
            path,
            full,
            writer,
            hasher,
            size,
        } = file;
        writer
            .into_inner()
            .map_err(|e| io_error(&full, "write", e.into_error()))?;
        let hash = hasher.digest();
        let mut staged = self.staged.lock().unwrap_or_else(|e| e.into_inner());
        if self.holds(&path, hash, size) {
            staged.remove(&path);
            std::fs::remove_file(&full).map_err(|e| io_error(&full, "replace", e))?;
        } else {
            staged.insert(path.clone());
        }
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        built.insert(path, (hash, size));
        Ok(())
    }

    /// A sink for whole-site outputs that writes them as they come, a batch at a time.
    pub fn sink(&self) -> StagingSink<'_> {
        StagingSink {
            staging: self,
            pending: Vec::new(),
            pending_bytes: 0,
            open: None,
        }
    }

    /// Makes the folders the files at `paths` need in the temporary folder, parents
    /// first, each level in parallel.
    fn make_folders<'p>(&self, paths: impl Iterator<Item = &'p str>) -> Result<(), Diagnostic> {
        let mut known = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        let new: BTreeSet<&Path> = paths
            .flat_map(|path| Path::new(path).ancestors().skip(1))
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

    /// Puts the new site in place and writes its marker.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let built = std::mem::take(&mut *self.built.lock().unwrap_or_else(|e| e.into_inner()));
        let marker_text = marker_text(&built, &self.base_url);
        if self.previous.is_some() {
            self.update_in_place(&built)?;
            let marker = self.output.join(MARKER);
            std::fs::write(&marker, marker_text).map_err(|e| io_error(&marker, "write", e))?;
            self.committed = true;
            return std::fs::remove_dir_all(&self.dir)
                .map_err(|e| io_error(&self.dir, "remove the temporary folder", e));
        }
        let marker = self.dir.join(MARKER);
        std::fs::write(&marker, marker_text).map_err(|e| io_error(&marker, "write", e))?;
        swap_in(&self.dir, &self.output)?;
        self.committed = true;
        Ok(())
    }

    /// Moves the staged files over the output's and removes the files the new site does
    /// not have. The marker is emptied first: if this stops half way, the next build finds
    /// no file it can trust and writes every file again.
    fn update_in_place(&self, built: &BTreeMap<String, (u64, u64)>) -> Result<(), Diagnostic> {
        let marker = self.output.join(MARKER);
        std::fs::write(&marker, MARKER_HEADER).map_err(|e| io_error(&marker, "write", e))?;
        let staged = self.staged.lock().unwrap_or_else(|e| e.into_inner());
        let folders: BTreeSet<&Path> = staged
            .iter()
            .filter_map(|path| Path::new(path).parent())
            .filter(|folder| !folder.as_os_str().is_empty())
            .collect();
        for folder in folders {
            make_folder_replacing_files(&self.output, folder)?;
        }
        self.pool.install(|| {
            staged.par_iter().try_for_each(|path| {
                let target = self.output.join(path);
                if target.is_dir() {
                    std::fs::remove_dir_all(&target)
                        .map_err(|e| io_error(&target, "replace a folder with a file", e))?;
                }
                std::fs::rename(self.dir.join(path), &target)
                    .map_err(|e| io_error(&target, "move into place", e))
            })
        })?;
        self.remove_unbuilt(built)
    }

    /// Removes every file of the output folder that the new site does not have, then the
    /// folders left empty.
    fn remove_unbuilt(&self, built: &BTreeMap<String, (u64, u64)>) -> Result<(), Diagnostic> {
        let mut folders = Vec::new();
        for entry in walkdir::WalkDir::new(&self.output).min_depth(1) {
            let entry = entry
                .map_err(|e| Diagnostic::error(self.output.clone(), format!("cannot read: {e}")))?;
            let relative = entry
                .path()
                .strip_prefix(&self.output)
                .unwrap_or(entry.path());
            if entry.file_type().is_dir() {
                folders.push(entry.into_path());
                continue;
            }
            let relative = relative.to_string_lossy();
            if relative != MARKER && !built.contains_key(relative.as_ref()) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| io_error(entry.path(), "remove a file no longer built", e))?;
            }
        }
        // Deepest first, so a folder whose sub-folders were all emptied goes too.
        for folder in folders.iter().rev() {
            if std::fs::read_dir(folder).is_ok_and(|mut d| d.next().is_none()) {
                std::fs::remove_dir(folder)
                    .map_err(|e| io_error(folder, "remove an emptied folder", e))?;
            }
        }
        Ok(())
    }
}

/// Creates `folder` under `root`, removing any file that stands where one of its folders
/// must go (a page that became a section, for example).
fn make_folder_replacing_files(root: &Path, folder: &Path) -> Result<(), Diagnostic> {
    let mut path = root.to_path_buf();
    for part in folder.components() {
        path.push(part);
        if path.is_dir() {
            continue;
        }
        if path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| io_error(&path, "replace a file with a folder", e))?;
        }
        std::fs::create_dir(&path).map_err(|e| io_error(&path, "create a folder", e))?;
    }
    Ok(())
}

fn marker_text(built: &BTreeMap<String, (u64, u64)>, base_url: &str) -> String {
    let mut text = String::from(MARKER_HEADER);
    text.push_str(BUILT_FOR);
    text.push_str(base_url);
    text.push('\n');
    for (path, (hash, size)) in built {
        text.push_str(&format!("{hash:016x} {size} {path}\n"));
    }
    text
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

const MARKER_HEADER: &str = "This folder is written by `brief build`: files it did not build are removed.\n\
     Each line below is a file's content hash, size and path, so unchanged files are kept.\n";

/// The marker line that records the base URL a site was built for.
const BUILT_FOR: &str = "Built for the base URL: ";

/// The base URL the site in `output` was built for, as its marker records it.
pub fn built_base_url(output: &Path) -> Option<String> {
    let text = std::fs::read_to_string(output.join(MARKER)).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(BUILT_FOR))
        .map(str::to_string)
}

/// A file of the new site being written in pieces into the temporary folder, hashed as
/// it goes.
pub struct StagedFile {
    path: String,
    full: PathBuf,
    writer: std::io::BufWriter<std::fs::File>,
    hasher: Xxh3,
    size: u64,
}

impl StagedFile {
    pub fn write(&mut self, piece: &[u8]) -> Result<(), Diagnostic> {
        self.hasher.update(piece);
        self.size += piece.len() as u64;
        self.writer
            .write_all(piece)
            .map_err(|e| io_error(&self.full, "write", e))
    }
}

/// Whole-site outputs on their way into a `Staging`: whole files are written in batches,
/// files that come in pieces are written piece by piece.
pub struct StagingSink<'s> {
    staging: &'s Staging,
    pending: Vec<Output>,
    pending_bytes: usize,
    open: Option<StagedFile>,
}

/// Whole files held before they are written together, in parallel.
const SINK_BATCH_FILES: usize = 256;
const SINK_BATCH_BYTES: usize = 8 << 20;

impl StagingSink<'_> {
    /// Writes what is still held.
    pub fn flush(&mut self) -> Result<(), Diagnostic> {
        if let Some(file) = self.open.take() {
            self.staging.finish(file)?;
        }
        self.write_pending()
    }

    fn write_pending(&mut self) -> Result<(), Diagnostic> {
        let files = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        self.staging.add(&files)
    }
}

impl Sink for StagingSink<'_> {
    fn file(&mut self, output: Output) -> Result<(), Diagnostic> {
        self.pending_bytes += output.content.len();
        self.pending.push(output);
        if self.pending.len() >= SINK_BATCH_FILES || self.pending_bytes >= SINK_BATCH_BYTES {
            self.write_pending()?;
        }
        Ok(())
    }

    fn piece(&mut self, path: &str, piece: &[u8]) -> Result<(), Diagnostic> {
        if self.open.as_ref().is_some_and(|open| open.path != path) {
            if let Some(done) = self.open.take() {
                self.staging.finish(done)?;
            }
        }
        let open = match &mut self.open {
            Some(open) => open,
            None => self.open.insert(self.staging.create(path)?),
        };
        open.write(piece)
    }
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

    /// Whether the output folder holds exactly this file already, as the last build wrote it.
    fn holds(&self, path: &str, hash: u64, size: u64) -> bool {
        if self.files.get(path) != Some(&(hash, size)) {
            return false;
        }
        std::fs::metadata(self.dir.join(path)).is_ok_and(|meta| {
            meta.is_file()
                && meta.len() == size
                && meta.modified().is_ok_and(|at| at <= self.written_at)
        })
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
