//! A file's stamp: what a later build compares, as `make` does, to take an article file as
//! unchanged without reading it. Reading and hashing every article is most of what a
//! rebuild of a large site spends on files it did not change.

use std::fs::Metadata;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file's size and times, and where the system keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, bincode::Encode, bincode::Decode)]
pub struct Stamp {
    size: u64,
    /// Modification time, in nanoseconds since 1970.
    modified: i128,
    /// Status change time and inode: tools that copy a file's modification time over
    /// (`cp -p`, `rsync -t`, archives) cannot copy these, and a write changes the first.
    changed: i128,
    inode: u64,
}

/// How long after its last modification a file's stamp is taken to say what the file
/// holds. A second write within the clock tick of the first (a few milliseconds; two
/// seconds on FAT) can leave the same stamp on other text, so a file read that soon after
/// its last write is read again by the next build.
const SETTLING: Duration = Duration::from_secs(2);

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let nanos = |time: std::io::Result<SystemTime>| {
            time.ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128)
        };
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Stamp {
            size: meta.len(),
            modified: nanos(meta.modified()),
            changed,
            inode,
        }
    }

    /// The stamp as bytes, for hashing.
    pub fn bytes(&self) -> [u8; 48] {
        let mut bytes = [0; 48];
        bytes[..8].copy_from_slice(&self.size.to_le_bytes());
        bytes[8..24].copy_from_slice(&self.modified.to_le_bytes());
        bytes[24..40].copy_from_slice(&self.changed.to_le_bytes());
        bytes[40..].copy_from_slice(&self.inode.to_le_bytes());
        bytes
    }

    /// Whether the file was last modified long enough before `read_at` that no later
    /// write can leave it with this stamp.
    pub fn settled(&self, read_at: SystemTime) -> bool {
        let read_at = read_at
            .checked_sub(SETTLING)
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        self.modified < read_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_just_now_is_not_settled_and_an_old_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "text").unwrap();
        let written = Stamp::of(&std::fs::metadata(&path).unwrap());
        let modified = UNIX_EPOCH + Duration::from_nanos(written.modified as u64);
        assert!(!written.settled(modified));
        assert!(!written.settled(modified + Duration::from_millis(1500)));
        assert!(written.settled(modified + Duration::from_secs(3)));
    }
}
