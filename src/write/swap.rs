//! Putting a finished site in place in one step, and clearing what killed builds left.
//!
//! Each build writes a complete site into `.NAME.brief-tmp-PID` beside the output folder
//! and then exchanges the two folders with one system call, so at any moment, a kill
//! included, the output path holds either the whole old site or the whole new one. The
//! folder left over (the old site) is removed afterwards; if the build is killed first, the
//! next build removes it.

use std::fs::File;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::io_error;
use crate::diag::Diagnostic;

/// The name of the sibling folder a build with this process id writes into.
pub(super) fn temporary_folder(output: &Path, pid: u32) -> PathBuf {
    output.with_file_name(format!(".{}{TEMPORARY}{pid}", folder_name(output)))
}

const TEMPORARY: &str = ".brief-tmp-";
/// The site before the output's, kept for the next build to update in place.
const PREVIOUS: &str = ".brief-prev";
/// Left by builds before exchanging was used; cleared like temporary folders.
const OLD: &str = ".brief-old-";

/// Where the site the output replaced is kept (see `Staging::begin`).
pub(super) fn previous_folder(output: &Path) -> PathBuf {
    output.with_file_name(format!(".{}{PREVIOUS}", folder_name(output)))
}

fn folder_name(output: &Path) -> String {
    output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Holds a build's temporary folder while the build runs: other builds leave alone a
/// folder whose holder is alive or which is locked.
pub(super) struct Hold {
    /// The lock lives as long as this open handle.
    _lock: Option<File>,
}

impl Hold {
    /// Locks `dir`, which this build just created. A file system without locks still
    /// builds: the process id in the name then protects the folder alone.
    pub(super) fn take(dir: &Path) -> Hold {
        Hold {
            _lock: File::open(dir).ok().filter(|file| !held_elsewhere(file)),
        }
    }
}

/// The regular file at `path` opened for writing over, when no other name links it: a
/// file linked from the output folder too must never be written through.
#[cfg(unix)]
pub(super) fn open_unshared(path: &Path) -> Option<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let file = File::from(rustix::fs::open(path, flags, Mode::empty()).ok()?);
    let meta = file.metadata().ok()?;
    (meta.is_file() && std::os::unix::fs::MetadataExt::nlink(&meta) == 1).then_some(file)
}

#[cfg(not(unix))]
pub(super) fn open_unshared(_: &Path) -> Option<File> {
    None
}

/// Locks `file` if nobody else holds it; true when somebody does.
#[cfg(unix)]
fn held_elsewhere(file: &File) -> bool {
    use rustix::fs::{FlockOperation, flock};
    flock(file, FlockOperation::NonBlockingLockExclusive) == Err(rustix::io::Errno::WOULDBLOCK)
}

#[cfg(not(unix))]
fn held_elsewhere(_: &File) -> bool {
    false
}

/// Whether the process `pid` still runs; where that cannot be known, it is taken as running.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn alive(pid: u32) -> bool {
    pid != std::process::id()
}

/// Whether the running process `pid` is this program: on a busy machine an ended build's
/// process id is soon taken by another program, whose folder this cannot be, or by a
/// thread of any process (threads share the numbers, and a build runs many). Where that
/// cannot be read, it is taken as this program.
fn same_program(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let leader = status
        .lines()
        .find_map(|line| line.strip_prefix("Tgid:"))
        .is_none_or(|tgid| tgid.trim() == pid.to_string());
    if !leader {
        return false;
    }
    let theirs = std::fs::read_link(format!("/proc/{pid}/exe"));
    let ours = std::env::current_exe();
    match (theirs, ours) {
        (Ok(theirs), Ok(ours)) => theirs == ours,
        _ => true,
    }
}

/// Removes the temporary and old folders of `output` that builds killed before they
/// finished left behind: those whose process has ended (or is another program now) and
/// which nobody holds locked.
/// A folder named after this very process is from an earlier process of the same id.
pub(super) fn clear_stale(output: &Path) -> Result<(), Diagnostic> {
    let Some(parent) = output.parent() else {
        return Ok(());
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let prefix = format!(".{}", folder_name(output));
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_prefix(TEMPORARY).or(rest.strip_prefix(OLD)))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        let stale = pid == own || !alive(pid) || !same_program(pid);
        if stale && File::open(&path).is_ok_and(|f| !held_elsewhere(&f)) {
            remove_tree(&path).map_err(|e| io_error(&path, "remove a killed build's folder", e))?;
        }
    }
    Ok(())
}

/// Puts the complete site in `staged` at `output` in one step. True when there was a
/// previous site: it is now at `staged`'s path, for the caller to remove.
pub(super) fn exchange(staged: &Path, output: &Path) -> Result<bool, Diagnostic> {
    if std::fs::symlink_metadata(output).is_err() {
        if let Some(parent) = output.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, "create a folder", e))?;
        }
        std::fs::rename(staged, output)
            .map_err(|e| io_error(output, "move the new site into place", e))?;
        return Ok(false);
    }
    match exchange_atomically(staged, output) {
        Ok(()) => Ok(true),
        Err(_) => exchange_in_two_steps(staged, output).map(|()| true),
    }
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange_atomically(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange_atomically(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Where the file system cannot exchange two folders: two renames, with a moment between
/// them in which the output path is missing (never a mix of old and new files).
fn exchange_in_two_steps(staged: &Path, output: &Path) -> Result<(), Diagnostic> {
    let aside = output.with_file_name(format!(
        ".{}{OLD}{}",
        folder_name(output),
        std::process::id()
    ));
    std::fs::rename(output, &aside)
        .map_err(|e| io_error(output, "move the previous site aside", e))?;
    if let Err(e) = std::fs::rename(staged, output) {
        let _ = std::fs::rename(&aside, output);
        return Err(io_error(output, "move the new site into place", e));
    }
    std::fs::rename(&aside, staged).map_err(|e| io_error(&aside, "rename the previous site", e))
}

/// Removes a folder, its top-level entries in parallel (deleting many small files is
/// bound by file system calls, not by the disk).
pub(super) fn remove_tree(dir: &Path) -> std::io::Result<()> {
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
