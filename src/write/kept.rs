//! The site a build replaced, kept beside the output for the next build to update in
//! place (see `Staging::begin`): taking it up, and tidying it once updated.

use std::collections::BTreeSet;
use std::path::Path;

use super::marker::{MARKER, Previous};
use super::swap;

/// Takes the site a build kept (at `kept`) as the folder a new build begins from, moved
/// to `dir`. Its marker is removed first, so that a build killed while it changes the
/// folder leaves a folder the next build clears rather than trusts. None when there is
/// no usable kept site (then nothing is left at `kept`).
pub(super) fn claim(kept: &Path, dir: &Path) -> Option<Previous> {
    if std::fs::symlink_metadata(kept).is_err() {
        return None;
    }
    if std::fs::rename(kept, dir).is_err() {
        let _ = swap::remove_tree(kept);
        return None;
    }
    let base = Previous::read(dir);
    let unmarked = std::fs::remove_file(dir.join(MARKER)).is_err();
    if base.is_none() || unmarked {
        let _ = swap::remove_tree(dir);
        return None;
    }
    base
}

/// Removes the folders below `dir` that the removal of the files at `gone` left empty,
/// deepest first, so that a folder is empty once its emptied subfolders are gone.
pub(super) fn remove_emptied_folders(dir: &Path, gone: &[&str]) {
    let mut folders: Vec<&Path> = gone
        .iter()
        .flat_map(|path| Path::new(path).ancestors().skip(1))
        .filter(|p| !p.as_os_str().is_empty())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    folders.sort_by_key(|p| std::cmp::Reverse(p.components().count()));
    for folder in folders {
        // A folder still holding files stays: that is the expected failure.
        let _ = std::fs::remove_dir(dir.join(folder));
    }
}
