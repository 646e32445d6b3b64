//! The site a build replaced, kept beside the output for the next build to update in
//! place (see `Staging::begin`): taking it up, putting into it the pages that did not
//! change, and tidying it once updated.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::marker::{MARKER, Previous};
use super::{KeptFile, Staging, swap};
use crate::diag::Diagnostic;

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

impl Staging {
    /// Puts pages the output already holds into the new site without making them again, as
    /// links to the output's files: pages the build cache says are unchanged. A page is
    /// kept only when the output holds every one of its files exactly as the last build
    /// wrote it; the answer says, page by page, which were kept (the others must be made).
    pub fn keep(&self, pages: &[&[KeptFile]]) -> Result<Vec<bool>, Diagnostic> {
        // For each page that can be kept, whether the temporary folder began with each of
        // its files (else the output holds it): asked once, since each answer is a call
        // to the file system.
        let found: Vec<Option<Vec<bool>>> = self.pool.install(|| {
            pages
                .par_iter()
                .map(|files| {
                    files
                        .iter()
                        .map(|f| match self.began_with(&f.path, f.hash, f.size) {
                            true => Some(true),
                            false => self.holds(&f.path, f.hash, f.size).then_some(false),
                        })
                        .collect()
                })
                .collect()
        });
        // A file the folder began with is in its folder already: on a rebuild that is
        // nearly every file, and trying to make each folder again cost two calls apiece.
        let linked = pages
            .iter()
            .zip(&found)
            .filter_map(|(files, began)| Some(files.iter().zip(began.as_ref()?)))
            .flatten()
            .filter(|(_, began)| !**began)
            .map(|(f, _)| f.path.as_str());
        self.make_folders(linked)?;
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        let kept: Vec<bool> = self.pool.install(|| {
            pages
                .par_iter()
                .zip(&found)
                .map(|(files, began)| {
                    began
                        .as_ref()
                        .is_some_and(|began| self.link_all(files, began, &built))
                })
                .collect()
        });
        for (files, _) in pages.iter().zip(&kept).filter(|(_, kept)| **kept) {
            for file in files.iter() {
                built.insert(file.path.clone(), (file.hash, file.size));
            }
        }
        Ok(kept)
    }

    /// Links every file of a page from the output, where the temporary folder did not
    /// begin with it (`began`, file by file); on any failure, none stays.
    fn link_all(
        &self,
        files: &[KeptFile],
        began: &[bool],
        built: &BTreeMap<String, (u64, u64)>,
    ) -> bool {
        for (i, (file, &began)) in files.iter().zip(began).enumerate() {
            let target = self.dir.join(&file.path);
            let fresh = !built.contains_key(&file.path);
            if !began {
                self.touch(&file.path);
            }
            let linked = fresh
                && (began
                    || (self.clear(&target).is_ok()
                        && std::fs::hard_link(self.output.join(&file.path), &target).is_ok()));
            if !linked {
                for done in &files[..i] {
                    self.touch(&done.path);
                    let _ = std::fs::remove_file(self.dir.join(&done.path));
                }
                return false;
            }
        }
        true
    }
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
