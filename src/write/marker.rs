//! The `.brief-output` marker: it says a folder is Brief's output, for which base URL it
//! was built, and every file Brief wrote into it with its hash and size. Brief replaces a
//! folder only when every file in it is listed, so it never removes a file it did not write.
//!
//! A build with a cache also keeps each subfolder's modification time as it left the
//! output (`FolderTimes`). Adding or removing anything in a folder changes its time, so
//! when every folder still has its time, the output holds no file the marker does not
//! list, and the walk over the whole output that would prove it (the largest cost of a
//! small rebuild) is not needed. The times are kept outside the output, whose every file
//! is the same from one build of the same site to the next.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rustc_hash::FxHashMap;

/// Marks a folder as Brief's own output, so Brief never replaces a folder it did not make.
pub const MARKER: &str = ".brief-output";

const MARKER_HEADER: &str = "This folder is written by `brief build`, which replaces it whole; it refuses to\n\
     when the folder holds a file not listed below. Each line below is a file's content\n\
     hash, size and path, so unchanged files are kept.\n";

/// The marker line that records the base URL a site was built for.
const BUILT_FOR: &str = "Built for the base URL: ";

pub(super) fn marker_text(built: &BTreeMap<String, (u64, u64)>, base_url: &str) -> String {
    use std::fmt::Write;
    let mut text = String::from(MARKER_HEADER);
    text.push_str(BUILT_FOR);
    text.push_str(base_url);
    text.push('\n');
    for (path, (hash, size)) in built {
        let _ = writeln!(text, "{hash:016x} {size} {path}");
    }
    text
}

/// Each subfolder of an output folder with its modification time, and the marker they go
/// with (see the module's comment).
#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
pub struct FolderTimes {
    /// Hash of the marker.
    marker: u64,
    /// Which folder: two builds of the same site may leave the same marker in both.
    folder: u64,
    folders: Vec<(String, u128)>,
}

impl FolderTimes {
    /// The times of the subfolders of `output` that hold the files its marker lists, each
    /// asked of the file system; none when one cannot be read.
    #[cfg(test)]
    pub(super) fn of(output: &Path) -> Option<FolderTimes> {
        let previous = Previous::read(output)?;
        let files = previous.files.keys().map(String::as_str);
        FolderTimes::after_update(output, previous.marker, files, None, &HashSet::new())
    }

    /// The times of `output`'s subfolders after a build that began from a folder whose
    /// times were `before` (when known) wrote it, changing only the folders in `touched`:
    /// the others still have their times, and are not asked again (a call to the file
    /// system each, 100,000 at 100,000 articles). `marker` is the hash of the marker
    /// listing `files`.
    pub(super) fn after_update<'f>(
        output: &Path,
        marker: u64,
        files: impl Iterator<Item = &'f str>,
        before: Option<&FolderTimes>,
        touched: &HashSet<String>,
    ) -> Option<FolderTimes> {
        use rayon::prelude::*;
        let folders: BTreeSet<&str> = files.flat_map(folders_of).collect();
        let before: FxHashMap<&str, u128> = before
            .into_iter()
            .flat_map(|times| &times.folders)
            .map(|(folder, time)| (folder.as_str(), *time))
            .collect();
        let folders = folders
            .into_par_iter()
            .map(|folder| {
                let time = match before.get(folder) {
                    Some(time) if !touched.contains(folder) => *time,
                    _ => modified(&output.join(folder))?,
                };
                Some((folder.to_string(), time))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(FolderTimes {
            marker,
            folder: folder_identity(output)?,
            folders,
        })
    }
}

/// What tells a folder from another, the same whatever its name: its inode.
#[cfg(unix)]
fn folder_identity(folder: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(folder).ok().map(|meta| meta.ino())
}

/// Without inodes, folders are told apart by their markers alone: times taken for the
/// wrong folder only fail the next build's check, which then walks the output.
#[cfg(not(unix))]
fn folder_identity(_: &Path) -> Option<u64> {
    Some(0)
}

/// The subfolders a file at `path` is in, innermost first.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.rmatch_indices('/').map(move |(at, _)| &path[..at])
}

/// A folder's modification time in nanoseconds since 1970.
fn modified(folder: &Path) -> Option<u128> {
    let meta = std::fs::symlink_metadata(folder).ok()?;
    let at = meta
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    meta.is_dir().then_some(at.as_nanos())
}

/// The base URL the site in `output` was built for, as its marker records it.
pub fn built_base_url(output: &Path) -> Option<String> {
    let text = std::fs::read_to_string(output.join(MARKER)).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(BUILT_FOR))
        .map(str::to_string)
}

/// Hash of the marker in `output`; none without one.
pub fn marker_hash(output: &Path) -> Option<u64> {
    std::fs::read(output.join(MARKER))
        .ok()
        .map(|bytes| xxhash_rust::xxh3::xxh3_64(&bytes))
}

/// Whether `output` is exactly as the build that wrote the marker hashed `marker` left
/// it: that marker, and every file it lists, of the size it lists and not changed since.
pub fn intact(output: &Path, marker: u64) -> bool {
    use rayon::prelude::*;
    if marker_hash(output) != Some(marker) {
        return false;
    }
    let Some(previous) = Previous::read(output) else {
        return false;
    };
    let files: Vec<(&String, &(u64, u64))> = previous.files.iter().collect();
    files
        .par_iter()
        .all(|(path, (hash, size))| previous.holds(path, *hash, *size))
}

/// What the last build wrote, from its marker file.
pub(super) struct Previous {
    dir: PathBuf,
    files: FxHashMap<String, (u64, u64)>,
    /// Hash of the marker's text.
    marker: u64,
    /// Files changed after this moment were edited by hand and are not reused.
    written_at: SystemTime,
}

impl Previous {
    pub(super) fn read(output: &Path) -> Option<Previous> {
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
            marker: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            written_at,
        })
    }

    /// Whether the output folder holds exactly this file already, as the last build wrote it.
    pub(super) fn holds(&self, path: &str, hash: u64, size: u64) -> bool {
        if self.files.get(path) != Some(&(hash, size)) {
            return false;
        }
        std::fs::metadata(self.dir.join(path)).is_ok_and(|meta| {
            meta.is_file()
                && meta.len() == size
                && meta.modified().is_ok_and(|at| at <= self.written_at)
        })
    }

    /// The times among `known` of this folder's subfolders, as the build that wrote its
    /// marker left them.
    pub(super) fn times<'t>(&self, known: &'t [FolderTimes]) -> Option<&'t FolderTimes> {
        let folder = folder_identity(&self.dir)?;
        known
            .iter()
            .find(|times| times.marker == self.marker && times.folder == folder)
    }

    /// Every file the marker lists.
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The files in the output folder that the marker does not list (relative paths,
    /// sorted): Brief did not write them, so it must not replace the folder.
    /// `known` are folder times the last builds left, of this output or another.
    pub(super) fn unlisted(&self, known: &[FolderTimes]) -> Result<Vec<String>, String> {
        if self
            .times(known)
            .is_some_and(|times| self.unchanged_since(times))
        {
            return Ok(Vec::new());
        }
        let mut unlisted = Vec::new();
        // Unsorted: the walk is over the whole output, and only what it finds is sorted.
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(1) {
            let entry = entry.map_err(|e| format!("cannot read it: {e}"))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let relative = entry.path().strip_prefix(&self.dir).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            if relative != MARKER && !self.files.contains_key(&relative) {
                unlisted.push(relative);
            }
        }
        unlisted.sort_unstable();
        Ok(unlisted)
    }

    /// Whether the output holds only what the marker lists, as far as the folders' `times`
    /// tell: the top folder holds only listed files and folders, and every subfolder has
    /// the time it had (see the module's comment).
    fn unchanged_since(&self, times: &FolderTimes) -> bool {
        use rayon::prelude::*;
        let Ok(top) = std::fs::read_dir(&self.dir) else {
            return false;
        };
        let folders: HashSet<&str> = times.folders.iter().map(|(p, _)| p.as_str()).collect();
        let top_known = top.into_iter().all(|entry| {
            entry.is_ok_and(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                name == MARKER || self.files.contains_key(&name) || folders.contains(name.as_str())
            })
        });
        top_known
            && times
                .folders
                .par_iter()
                .all(|(path, time)| modified(&self.dir.join(path)) == Some(*time))
    }
}
