//! A cache file: a header that says which build of Brief wrote it and how long and what
//! hash its body has, then the body. A file that is not exactly one whole body written by
//! this very build of Brief is refused as a whole, with the reason, so a cache is never
//! used in part.
//!
//! Files are not synced to disk: a file cut short by a crash fails its length or hash
//! check and is refused like any damaged file, which costs one full build, where syncing
//! would cost time on every build.

use std::io::Write;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

/// Starts every cache file; the number is the layout's, raised when the header changes.
const MAGIC: &[u8; 12] = b"brief-cache1";

/// Header: magic, build identity, body length, body hash.
const HEADER: usize = MAGIC.len() + 8 + 8 + 8;

/// How cache files are encoded. The limit bounds what the lengths in a file may claim
/// in all: a file that passes the checks above yet was written in another layout (by a
/// build of Brief that kept the same identity) then fails to decode, with an error,
/// instead of asking for an allocation that cannot be made.
pub fn encoding() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<{ 1 << 36 }>()
}

/// Which build of Brief this is: its version and a hash of the sources it was made from
/// (see `build.rs`), so a cache written by another build, whose extraction or pages may
/// differ, is not used.
pub fn identity() -> u64 {
    xxh3_64(concat!(env!("CARGO_PKG_VERSION"), " ", env!("BRIEF_SOURCE_HASH")).as_bytes())
}

/// A file's body, as read with its header.
pub struct Body(Vec<u8>);

impl std::ops::Deref for Body {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0[HEADER..]
    }
}

/// Reads the body of the file `name` in `dir`. `Ok(None)` when there is none; an error
/// says why the one there cannot be used.
pub fn read(dir: &Path, name: &str, identity: u64) -> Result<Option<Body>, String> {
    let path = dir.join(name);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    if bytes.len() < HEADER || &bytes[..MAGIC.len()] != MAGIC {
        return Err(format!(
            "{} is not a cache this Brief can read",
            path.display()
        ));
    }
    let number = |at: usize| {
        let mut field = [0; 8];
        field.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(field)
    };
    let (written_by, length, hash) = (
        number(MAGIC.len()),
        number(MAGIC.len() + 8),
        number(MAGIC.len() + 16),
    );
    if written_by != identity {
        return Err("it was written by another build of Brief".into());
    }
    let body = &bytes[HEADER..];
    if body.len() as u64 != length || xxh3_64(body) != hash {
        return Err(format!("{} is truncated or damaged", path.display()));
    }
    Ok(Some(Body(bytes)))
}

/// Writes `body` as the file `name` in `dir`, whole or not at all: into a temporary file
/// that then replaces the previous one.
pub fn write(dir: &Path, name: &str, identity: u64, body: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    let temporary = dir.join(format!("{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&temporary)?);
        file.write_all(MAGIC)?;
        file.write_all(&identity.to_le_bytes())?;
        file.write_all(&(body.len() as u64).to_le_bytes())?;
        file.write_all(&xxh3_64(body).to_le_bytes())?;
        file.write_all(body)?;
        file.flush()
    })();
    match written.and_then(|()| std::fs::rename(&temporary, &path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_is_read_back_only_whole_and_from_the_same_build() {
        let dir = tempfile::tempdir().unwrap();
        let read =
            |identity| read(dir.path(), "file.bin", identity).map(|body| body.map(|b| b.to_vec()));
        assert_eq!(read(7), Ok(None));
        write(dir.path(), "file.bin", 7, b"the body").unwrap();
        assert_eq!(read(7), Ok(Some(b"the body".to_vec())));
        assert!(read(8).unwrap_err().contains("another build"));

        let file = dir.path().join("file.bin");
        let whole = std::fs::read(&file).unwrap();
        std::fs::write(&file, &whole[..whole.len() - 1]).unwrap();
        assert!(read(7).unwrap_err().contains("truncated"));
        let mut damaged = whole.clone();
        *damaged.last_mut().unwrap() ^= 1;
        std::fs::write(&file, &damaged).unwrap();
        assert!(read(7).unwrap_err().contains("damaged"));
        std::fs::write(&file, b"junk").unwrap();
        assert!(read(7).unwrap_err().contains("not a cache"));
    }

    #[test]
    fn a_length_too_large_to_allocate_is_an_error() {
        // A length of 2^62 elements, as bincode's variable-length integers write it.
        let mut body = vec![253];
        body.extend_from_slice(&(1u64 << 62).to_le_bytes());
        let decoded: Result<(Vec<u64>, usize), _> = bincode::decode_from_slice(&body, encoding());
        assert!(decoded.is_err());
    }
}
