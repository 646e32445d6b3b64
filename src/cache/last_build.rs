//! The last build's inputs: a build that reads exactly what the last one read, for the
//! same command line and schedule, into an output folder still as that build left it,
//! would write the same files again. It does nothing instead, which is what makes "nothing
//! changed" cost a walk of the site's files rather than a build.
//!
//! Inputs are compared by each file's path and stamp (size, times and inode; see
//! `Stamp`), as `make` compares times; reading every file would cost most of what loading
//! does.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3;

use super::store;
use crate::load::{Held, Stamp};
use crate::pipeline::BuildOptions;

/// The file in the cache folder.
const FILE: &str = "last-build.bin";

/// What a site reads, besides the binary: every other folder is ignored by a build.
const INPUTS: [&str; 5] = ["site.yaml", "content", "templates", "static", "i18n"];

/// The last build's inputs and what it made, as saved in the cache folder.
#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
pub struct LastBuild {
    inputs: u64,
    /// The build's "now", in nanoseconds since 1970; none without a schedule.
    now: Option<i128>,
    /// When the schedule would next build the site differently (see
    /// `Site::schedule_turns_at`), in nanoseconds since 1970.
    turns_at: Option<i128>,
    /// Hash of the output folder's marker, which lists every file with its hash.
    pub marker: u64,
    pub articles: usize,
    pub pages: usize,
    /// Pages as the build cache counts them (a page with its feed counts once).
    pub all_pages: usize,
    /// The articles the schedule held back: path, and whether scheduled (else expired).
    held_back: Vec<(String, bool)>,
}

/// How much a build made, for a build that does nothing to report again.
pub struct Counts {
    pub articles: usize,
    pub pages: usize,
    /// Pages as the build cache counts them.
    pub all_pages: usize,
}

impl LastBuild {
    pub fn new(
        inputs: u64,
        options: &BuildOptions,
        turns_at: Option<jiff::Timestamp>,
        marker: u64,
        counts: Counts,
        held_back: &[(std::path::PathBuf, Held)],
    ) -> LastBuild {
        LastBuild {
            inputs,
            now: options.schedule.map(|s| s.now.as_nanosecond()),
            turns_at: turns_at.map(|t| t.as_nanosecond()),
            marker,
            articles: counts.articles,
            pages: counts.pages,
            all_pages: counts.all_pages,
            held_back: held_back
                .iter()
                .map(|(path, held)| {
                    let scheduled = *held == Held::Scheduled;
                    (path.to_string_lossy().into_owned(), scheduled)
                })
                .collect(),
        }
    }

    /// The last build of `dir`, when its inputs were `inputs` and its schedule holds
    /// unchanged at this build's "now".
    pub fn same(dir: &Path, inputs: u64, options: &BuildOptions) -> Option<LastBuild> {
        let body = store::read(dir, FILE, store::identity()).ok()??;
        let config = store::encoding();
        let (last, _): (LastBuild, usize) = bincode::decode_from_slice(&body, config).ok()?;
        let now = options.schedule.map(|s| s.now.as_nanosecond());
        let schedule_holds = match (last.now, now) {
            (None, None) => true,
            (Some(then), Some(now)) => then <= now && last.turns_at.is_none_or(|at| now < at),
            _ => false,
        };
        (last.inputs == inputs && schedule_holds).then_some(last)
    }

    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let body =
            bincode::encode_to_vec(self, store::encoding()).map_err(std::io::Error::other)?;
        store::write(dir, FILE, store::identity(), &body)
    }

    /// Forgets the last build, before a build that may change the output.
    pub fn forget(dir: &Path) {
        let _ = std::fs::remove_file(dir.join(FILE));
    }

    pub fn held_back(&self) -> Vec<(std::path::PathBuf, Held)> {
        self.held_back
            .iter()
            .map(|(path, scheduled)| {
                let held = if *scheduled {
                    Held::Scheduled
                } else {
                    Held::Expired
                };
                (path.into(), held)
            })
            .collect()
    }
}

/// What a build of `options` reads, as a walk over its input files found it.
pub struct Inputs {
    /// A hash of each input file's path and stamp, and of the command line's choices.
    pub hash: u64,
    /// The stamp of each file under `content/`, by its path from the site's root: taken before
    /// any file is read, so loading can take an article's stamp from here (see `Recall`).
    pub stamps: FxHashMap<PathBuf, Stamp>,
}

/// What a build of `options` reads; none when a file cannot be read.
pub fn inputs(options: &BuildOptions, output: &Path) -> Option<Inputs> {
    let mut hash = Xxh3::new();
    let mut add = |bytes: &[u8]| {
        hash.update(&(bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    let choices = (
        &options.root,
        output,
        &options.base_url,
        options.drafts,
        options.schedule.map(|s| (s.future, s.expired)),
    );
    add(format!("{choices:?}").as_bytes());
    let mut stamps = FxHashMap::default();
    for input in INPUTS {
        let walked = crate::load::walk::in_order(walkdir::WalkDir::new(options.root.join(input)));
        // Each file's stamp is a call to the file system that waits on the kernel: they
        // are taken on every core.
        let found: Vec<Option<Option<Stamp>>> = walked
            .par_iter()
            .map(|entry| match entry {
                Ok(entry) => Some(Some(Stamp::of(&entry.metadata().ok()?))),
                // A missing folder is an input like any other: its absence is hashed.
                Err(e)
                    if e.io_error().map(|io| io.kind()) == Some(std::io::ErrorKind::NotFound) =>
                {
                    Some(None)
                }
                Err(_) => None,
            })
            .collect();
        for (entry, stamp) in walked.iter().zip(found) {
            match (entry, stamp?) {
                (Ok(entry), Some(stamp)) => {
                    add(entry.path().as_os_str().as_encoded_bytes());
                    add(&stamp.bytes());
                    if input == "content"
                        && entry.file_type().is_file()
                        && let Ok(relative) = entry.path().strip_prefix(&options.root)
                    {
                        stamps.insert(relative.to_path_buf(), stamp);
                    }
                }
                _ => add(input.as_bytes()),
            }
        }
    }
    Some(Inputs {
        hash: hash.digest(),
        stamps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_keeps_each_content_files_stamp_and_hashes_every_input() {
        let site = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| {
            let path = site.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "content/articles/ferry.md",
            "---\ntitle: Ferry\n---\nLate.\n",
        );
        write("templates/base.html", "{{ title }}");
        let options = BuildOptions {
            root: site.path().to_path_buf(),
            output: None,
            base_url: None,
            drafts: false,
            schedule: None,
        };
        let output = site.path().join("public");
        let first = inputs(&options, &output).unwrap();
        let article = Path::new("content/articles/ferry.md");
        let meta = std::fs::metadata(site.path().join(article)).unwrap();
        assert_eq!(first.stamps.get(article), Some(&Stamp::of(&meta)));
        // Only content files: loading reads no other file by a stamp.
        assert_eq!(first.stamps.len(), 1);

        write("templates/base.html", "{{ title }}!");
        let second = inputs(&options, &output).unwrap();
        assert_ne!(first.hash, second.hash);
    }
}
