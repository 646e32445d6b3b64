//! Stage 5, write: files are written as rendering goes, so the whole site is never held
//! in memory, into a temporary sibling folder that replaces the output folder in one step
//! once the whole site rendered without errors: a failed or killed build leaves the
//! previous site whole. A rebuild writes only the files whose content changed since the
//! last build and links the others, so it costs what changed, not the site's size.
//!
//! With the build cache, the site the output replaced is kept beside it, and the next
//! build updates that folder in place (it is not the live one) and exchanges it in:
//! a rebuild then touches only the files that changed in the last two builds, where
//! making a whole new tree of links costs seconds on a large site.

mod kept;
mod marker;
mod sink;
mod swap;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::diag::Diagnostic;
use crate::render::Output;
pub use marker::{FolderTimes, MARKER, built_base_url, intact, marker_hash};
use marker::{Previous, marker_text};
pub use sink::StagingSink;

/// Files named in a refusal before "and N more".
const LISTED_UNLISTED: usize = 5;

/// Removes what builds killed before they finished left beside `output`: also done by a
/// build that finds nothing else to do, so that no killed build's folder outlives it.
pub fn clear_killed_builds(output: &Path) -> Result<(), Diagnostic> {
    swap::clear_stale(&absolute(output))
}

/// Refuses output folders that would destroy the site or someone else's files, and gives
/// the folder to write: a symbolic link's target, since the build replaces the folder.
/// `times` are folder times the last builds left (see `FolderTimes`).
pub fn check_output_dir(
    root: &Path,
    output: &Path,
    times: &[FolderTimes],
) -> Result<PathBuf, Diagnostic> {
    let given = absolute(output);
    let refusal = |why: &str| {
        Diagnostic::error(
            given.clone(),
            format!(
                "refusing to use {} as the output folder: {why}",
                given.display()
            ),
        )
    };
    let refuse = |why: &str| Err(refusal(why));
    let output = match real_folder(&given) {
        Ok(output) => output,
        Err(why) => return refuse(&why),
    };
    let roots = [
        absolute(root),
        std::fs::canonicalize(root).unwrap_or_else(|_| absolute(root)),
    ];
    for root in &roots {
        if root.starts_with(&output) || root.starts_with(&given) {
            return refuse("it is the site folder or contains it");
        }
        for protected in ["content", "templates", "static"] {
            if output.starts_with(root.join(protected)) || given.starts_with(root.join(protected)) {
                return refuse(&format!("it is inside the site's {protected}/ folder"));
            }
        }
    }
    if output.is_file() {
        return refuse("it is a file");
    }
    let has_files = std::fs::read_dir(&output).is_ok_and(|mut d| d.next().is_some());
    if !has_files {
        return Ok(output);
    }
    let Some(previous) = Previous::read(&output) else {
        return refuse(
            "it is not empty and Brief did not create it; remove it or choose another --output",
        );
    };
    let unlisted = previous.unlisted(times).map_err(|why| refusal(&why))?;
    if unlisted.is_empty() {
        return Ok(output);
    }
    let mut names = unlisted
        .iter()
        .take(LISTED_UNLISTED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if unlisted.len() > LISTED_UNLISTED {
        names.push_str(&format!(" and {} more", unlisted.len() - LISTED_UNLISTED));
    }
    refuse(&format!(
        "it holds files Brief did not write ({names}), which a build would remove; move them out or choose another --output"
    ))
}

/// The folder a build replaces: `path` itself, or the folder a symbolic link at `path`
/// points to (replacing the link would leave its target stale).
fn real_folder(path: &Path) -> Result<PathBuf, String> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    std::fs::canonicalize(path).map_err(|e| {
        let target = std::fs::read_link(path).unwrap_or_default();
        format!(
            "it is a symbolic link to {}, which cannot be reached ({e}); create that folder or point --output elsewhere",
            target.display()
        )
    })
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

/// A build being written. Nothing in the output folder changes until `commit`, which runs
/// only after the whole site rendered without errors; dropped without `commit`, the
/// temporary folder is removed and the previous output stays exactly as it was.
///
/// Every file of the new site goes into the temporary folder: written when new or
/// changed, a hard link to the output's file when the output already holds exactly its
/// content (so unchanged files are never rewritten, and keep their identity).
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    previous: Option<Previous>,
    /// What `dir` held when the build began, when it began as the site before the
    /// output's (see `begin`); files it lists are replaced, never written through.
    base: Option<Previous>,
    /// Whether the replaced site is kept for the next build (see `begin`).
    keep_replaced: bool,
    pool: rayon::ThreadPool,
    folders: Mutex<HashSet<String>>,
    /// The folders whose entries this build changed, in a folder that began with files:
    /// the others keep their times (see `FolderTimes::after_update`).
    touched: Mutex<HashSet<String>>,
    /// Path -> (hash, size) of every file of the new site; a later file replaces an earlier one.
    built: Mutex<BTreeMap<String, (u64, u64)>>,
    /// The base URL the site is built for, recorded in the marker for `brief check --output`.
    base_url: String,
    committed: bool,
    _hold: swap::Hold,
}

impl Staging {
    /// Starts a build of the site into `output` (the folder `check_output_dir` gave),
    /// first removing what builds killed before they finished left beside it.
    ///
    /// With `keep_replaced`, the build starts from the site the last build replaced,
    /// when one was kept, and keeps the one it replaces in turn. Without, it starts from
    /// an empty folder and removes a kept site.
    pub fn begin(
        output: &Path,
        base_url: &str,
        keep_replaced: bool,
    ) -> Result<Staging, Diagnostic> {
        let output = absolute(output);
        clear_killed_builds(&output)?;
        let dir = swap::temporary_folder(&output, std::process::id());
        let kept = swap::previous_folder(&output);
        let base = match keep_replaced {
            true => kept::claim(&kept, &dir),
            false => {
                if kept.exists() {
                    swap::remove_tree(&kept)
                        .map_err(|e| io_error(&kept, "remove the kept site", e))?;
                }
                None
            }
        };
        if base.is_none() {
            std::fs::create_dir_all(&dir)
                .map_err(|e| io_error(&dir, "create the output folder", e))?;
        }
        let hold = swap::Hold::take(&dir);
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
            base,
            keep_replaced,
            dir,
            output,
            pool,
            folders: Mutex::new(HashSet::new()),
            touched: Mutex::new(HashSet::new()),
            built: Mutex::new(BTreeMap::new()),
            base_url: base_url.to_string(),
            committed: false,
            _hold: hold,
        })
    }

    /// Adds `files` to the new site, replacing files of the same path.
    pub fn add(&self, files: &[Output]) -> Result<(), Diagnostic> {
        self.make_folders(files.iter().map(|file| file.path.as_str()))?;
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        self.unstage_replaced(&built, files.iter().map(|file| file.path.as_str()))?;
        let hashes: Vec<u64> = self.pool.install(|| {
            files
                .par_iter()
                .map(|file| {
                    let hash = xxh3_64(&file.content);
                    let replaced = built.contains_key(&file.path);
                    self.place(file, hash, replaced).map(|()| hash)
                })
                .collect::<Result<_, _>>()
        })?;
        for (file, hash) in files.iter().zip(hashes) {
            built.insert(file.path.clone(), (hash, file.content.len() as u64));
        }
        Ok(())
    }

    /// Removes the staged files an added file replaces: one may be a link to the output's
    /// file, which must never be written through.
    fn unstage_replaced<'p>(
        &self,
        built: &BTreeMap<String, (u64, u64)>,
        paths: impl Iterator<Item = &'p str>,
    ) -> Result<(), Diagnostic> {
        for path in paths.filter(|path| built.contains_key(*path)) {
            let full = self.dir.join(path);
            self.touch(path);
            std::fs::remove_file(&full).map_err(|e| io_error(&full, "replace", e))?;
        }
        Ok(())
    }

    /// Puts one file into the temporary folder: left as it is when the folder began with
    /// exactly this content (unless an earlier file of this build `replaced` it), a link
    /// to the output's copy when that holds it, else the content written.
    fn place(&self, file: &Output, hash: u64, replaced: bool) -> Result<(), Diagnostic> {
        let target = self.dir.join(&file.path);
        let size = file.content.len() as u64;
        if !replaced && self.began_with(&file.path, hash, size) {
            return Ok(());
        }
        self.touch(&file.path);
        self.clear(&target)?;
        if self.holds(&file.path, hash, size)
            && std::fs::hard_link(self.output.join(&file.path), &target).is_ok()
        {
            return Ok(());
        }
        std::fs::write(&target, &file.content).map_err(|e| io_error(&target, "write", e))
    }

    /// Whether the output folder holds exactly this file already, as the last build wrote it.
    fn holds(&self, path: &str, hash: u64, size: u64) -> bool {
        self.previous
            .as_ref()
            .is_some_and(|p| p.holds(path, hash, size))
    }

    /// The output's file at `path`, when it holds exactly this content as the last build
    /// wrote it.
    pub fn open_held(&self, path: &str, hash: u64, size: u64) -> Option<std::fs::File> {
        self.holds(path, hash, size)
            .then(|| std::fs::File::open(self.output.join(path)).ok())
            .flatten()
    }

    /// Whether the temporary folder began with exactly this file (see `begin`).
    fn began_with(&self, path: &str, hash: u64, size: u64) -> bool {
        self.base
            .as_ref()
            .is_some_and(|b| b.holds(path, hash, size))
    }

    /// Removes what a folder that began with files holds at `target`, before a file is
    /// put there: it may be a link to the output's file, which must never be written
    /// through.
    fn clear(&self, target: &Path) -> Result<(), Diagnostic> {
        if self.base.is_none() {
            return Ok(());
        }
        match std::fs::remove_file(target) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(io_error(target, "replace", e))
            }
            _ => Ok(()),
        }
    }

    /// Each file of the new site so far, with its content hash and size.
    pub fn files(&self) -> BTreeMap<String, (u64, u64)> {
        self.built.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Starts a file too large to hold in memory whole; its content is written in pieces
    /// with `StagedFile::write` and it joins the site with `finish`. A file the folder
    /// began with is written over where no other folder shares it: at 100,000 articles,
    /// freeing the old `data/site.json` and filling fresh pages for the new one took two
    /// to four times as long as writing over it.
    pub fn create(&self, path: &str) -> Result<StagedFile, Diagnostic> {
        self.make_folders(std::iter::once(path))?;
        {
            let built = self.built.lock().unwrap_or_else(|e| e.into_inner());
            self.unstage_replaced(&built, std::iter::once(path))?;
        }
        let full = self.dir.join(path);
        let file = match self.base.as_ref().and_then(|_| swap::open_unshared(&full)) {
            Some(file) => file,
            None => {
                self.touch(path);
                self.clear(&full)?;
                std::fs::File::create(&full).map_err(|e| io_error(&full, "write", e))?
            }
        };
        Ok(StagedFile {
            path: path.to_string(),
            full,
            writer: std::io::BufWriter::with_capacity(WRITE_BUFFER, file),
            hasher: Xxh3::new(),
            size: 0,
        })
    }

    /// Adds a file written with `create` to the new site, replacing a file of the same
    /// path. When the output holds the same content, its file is linked in instead.
    pub fn finish(&self, file: StagedFile) -> Result<(), Diagnostic> {
        let StagedFile {
            path,
            full,
            writer,
            hasher,
            size,
        } = file;
        let file = writer
            .into_inner()
            .map_err(|e| io_error(&full, "write", e.into_error()))?;
        // A file written over an older one ends where this content does.
        file.set_len(size)
            .map_err(|e| io_error(&full, "write", e))?;
        let hash = hasher.digest();
        if self.holds(&path, hash, size) {
            self.touch(&path);
            let link = full.with_file_name(format!(
                "{}.brief-link",
                full.file_name().unwrap_or_default().to_string_lossy()
            ));
            if std::fs::hard_link(self.output.join(&path), &link).is_ok() {
                std::fs::rename(&link, &full).map_err(|e| io_error(&full, "replace", e))?;
            }
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
        // Each file's folders, deepest first, up to one already known or just found: its
        // own parents were taken with it. Strings, not paths: at 10,000 articles, sorting
        // and hashing paths made this 3% of a rebuild.
        let mut new: HashSet<&str> = HashSet::new();
        for path in paths {
            let mut folder = path;
            while let Some(cut) = folder.rfind('/') {
                folder = &folder[..cut];
                if folder.is_empty() || known.contains(folder) || !new.insert(folder) {
                    break;
                }
            }
        }
        let depth = |folder: &str| folder.bytes().filter(|&b| b == b'/').count();
        let parent = |folder: &'p str| folder.rsplit_once('/').map_or("", |(p, _)| p);
        let mut new: Vec<&str> = new.into_iter().collect();
        new.sort_unstable_by_key(|&folder| (depth(folder), parent(folder)));
        self.pool.install(|| {
            // Parents before children: one level at a time. The folders of one parent are
            // made on one thread: the kernel makes them one by one under the parent's lock,
            // and threads waiting for that lock spin on the cores the render needs.
            new.chunk_by(|a, b| depth(a) == depth(b))
                .try_for_each(|level| {
                    level
                        .chunk_by(|a, b| parent(a) == parent(b))
                        .collect::<Vec<_>>()
                        .par_iter()
                        .try_for_each(|siblings| {
                            siblings
                                .iter()
                                .try_for_each(|folder| self.make_folder(folder))
                        })
                })
        })?;
        known.extend(new.into_iter().map(str::to_string));
        Ok(())
    }

    /// Writes the marker last, then puts the new site in place in one step and removes
    /// the previous one. A problem removing the previous site is a warning: the new site
    /// is in place, and the next build removes what is left.
    ///
    /// A build that keeps the replaced site also gives the new output's folder times,
    /// from `known` (the times the last builds left) where it can.
    pub fn commit(mut self, known: &[FolderTimes]) -> Result<Committed, Diagnostic> {
        let built = std::mem::take(&mut *self.built.lock().unwrap_or_else(|e| e.into_inner()));
        self.remove_unbuilt(&built)?;
        let marker = self.dir.join(MARKER);
        let text = marker_text(&built, &self.base_url);
        std::fs::write(&marker, &text).map_err(|e| io_error(&marker, "write", e))?;
        // Asked before the exchange, which gives the folder's name to the output's.
        let before = self.base.as_ref().and_then(|base| base.times(known));
        let replaced = swap::exchange(&self.dir, &self.output)?;
        self.committed = true;
        let times = self.keep_replaced.then(|| {
            let touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
            let files = built.keys().map(String::as_str);
            FolderTimes::after_update(
                &self.output,
                xxh3_64(text.as_bytes()),
                files,
                before,
                &touched,
            )
        });
        let mut committed = Committed {
            warnings: Vec::new(),
            times: times.flatten(),
        };
        if !replaced {
            return Ok(committed);
        }
        let kept = swap::previous_folder(&self.output);
        if self.keep_replaced && std::fs::rename(&self.dir, &kept).is_ok() {
            return Ok(committed);
        }
        if let Err(e) = swap::remove_tree(&self.dir) {
            committed.warnings.push(Diagnostic::warning(
                self.dir.clone(),
                format!("the new site is in place, but the previous one could not be removed: {e}; the next build removes it"),
            ));
        }
        Ok(committed)
    }
}

/// A build put in place.
pub struct Committed {
    pub warnings: Vec<Diagnostic>,
    /// The output's folder times, when the build keeps them.
    pub times: Option<FolderTimes>,
}

impl Staging {
    /// Makes one folder. In a folder that began with files it may be there already, or
    /// be a file of the site before, which goes.
    fn make_folder(&self, folder: &str) -> Result<(), Diagnostic> {
        let path = &self.dir.join(folder);
        let error = |e| io_error(path, "create a folder", e);
        let made = match std::fs::create_dir(path) {
            Err(_) if self.base.is_some() && path.is_dir() => return Ok(()),
            Err(_) if self.base.is_some() && path.is_file() => {
                self.clear(path)?;
                std::fs::create_dir(path).map_err(error)
            }
            result => result.map_err(error),
        };
        self.touch(folder);
        made
    }

    /// Notes that the entries of the folder holding `path` change, in a folder that began
    /// with files.
    fn touch(&self, path: &str) {
        if self.base.is_none() {
            return;
        }
        if let Some((folder, _)) = path.rsplit_once('/') {
            let mut touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
            touched.insert(folder.to_string());
        }
    }

    /// Removes the files the folder began with that this build did not make, and the
    /// folders that leaves empty: the new site holds exactly what a cold build writes.
    fn remove_unbuilt(&self, built: &BTreeMap<String, (u64, u64)>) -> Result<(), Diagnostic> {
        let Some(base) = &self.base else {
            return Ok(());
        };
        let gone: Vec<&str> = base.paths().filter(|p| !built.contains_key(*p)).collect();
        // Each folder on the way may be left empty and removed, from its own folder.
        for path in &gone {
            let mut path = *path;
            while let Some((folder, _)) = path.rsplit_once('/') {
                self.touch(path);
                path = folder;
            }
        }
        self.pool.install(|| {
            gone.par_iter().try_for_each(|path| {
                let full = self.dir.join(path);
                self.clear(&full)
            })
        })?;
        kept::remove_emptied_folders(&self.dir, &gone);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = swap::remove_tree(&self.dir);
        }
    }
}

fn io_error(path: &Path, action: &str, error: std::io::Error) -> Diagnostic {
    Diagnostic::error(path.to_path_buf(), format!("cannot {action}: {error}"))
}

/// A file an earlier build wrote, as its page's record in the build cache gives it.
#[derive(Debug, Clone, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct KeptFile {
    pub path: String,
    pub hash: u64,
    pub size: u64,
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

/// Threads that create files; more than the cores, since each waits on the file system.
const IO_THREADS: usize = 8;

/// Bytes a file written in pieces gathers before they go to the file system; a piece at
/// least this large goes straight to the file.
pub const WRITE_BUFFER: usize = 1 << 20;
