//! The state of files inside one folder, looked up relative to the folder. A rebuild
//! checks every page of the last build (a hundred thousand at 100,000 articles) and every
//! folder's time; by a path from the root each check walks every component again, which
//! was most of their cost. Where the system allows it the folder is opened once and each
//! path is looked up from there.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a rebuild needs of a file or folder.
pub(super) struct Stat {
    pub is_file: bool,
    pub is_dir: bool,
    pub len: u64,
    /// Modification time.
    pub modified: SystemTime,
}

impl Stat {
    /// The modification time in nanoseconds since 1970; none before it.
    pub fn modified_nanos(&self) -> Option<u128> {
        self.modified
            .duration_since(SystemTime::UNIX_EPOCH)
            .ok()
            .map(|at| at.as_nanos())
    }
}

/// A folder whose files are looked up relative to it.
pub(super) struct Inside {
    dir: PathBuf,
    #[cfg(unix)]
    fd: Option<std::os::fd::OwnedFd>,
}

impl Inside {
    pub fn new(dir: &Path) -> Inside {
        Inside {
            dir: dir.to_path_buf(),
            #[cfg(unix)]
            fd: rustix::fs::open(
                dir,
                rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::CLOEXEC,
                rustix::fs::Mode::empty(),
            )
            .ok(),
        }
    }

    /// The file or folder at `relative` (a path inside the folder with '/' between its
    /// parts); a symbolic link is followed when `follow` is set.
    pub fn stat(&self, relative: &str, follow: bool) -> Option<Stat> {
        #[cfg(unix)]
        if let Some(fd) = &self.fd {
            use rustix::fs::{AtFlags, FileType, statat};
            let flags = if follow {
                AtFlags::empty()
            } else {
                AtFlags::SYMLINK_NOFOLLOW
            };
            let st = statat(fd, relative, flags).ok()?;
            let kind = FileType::from_raw_mode(st.st_mode);
            let modified = u64::try_from(st.st_mtime)
                .ok()
                .and_then(|secs| {
                    let nanos = u32::try_from(st.st_mtime_nsec).unwrap_or(0);
                    SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::new(secs, nanos))
                })
                .unwrap_or(SystemTime::UNIX_EPOCH);
            return Some(Stat {
                is_file: kind == FileType::RegularFile,
                is_dir: kind == FileType::Directory,
                len: u64::try_from(st.st_size).unwrap_or(0),
                modified,
            });
        }
        let path = self.dir.join(relative);
        let meta = if follow {
            std::fs::metadata(path)
        } else {
            std::fs::symlink_metadata(path)
        }
        .ok()?;
        Some(Stat {
            is_file: meta.is_file(),
            is_dir: meta.is_dir(),
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}
