//! Gives the program a hash of its own sources (code, built-in templates and static files,
//! locked dependencies), `BRIEF_SOURCE_HASH`: the build cache is used only by a build of
//! Brief made from the same sources, whichever folder or machine compiled it.

use std::path::Path;

/// Whatever can change what Brief makes of a site.
const SOURCES: &[&str] = &["src", "templates", "static", "Cargo.toml", "Cargo.lock"];

fn main() {
    let mut hash = Fnv::default();
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
        add(Path::new(source), &mut hash);
    }
    println!("cargo:rustc-env=BRIEF_SOURCE_HASH={:016x}", hash.0);
}

/// Adds a file, or every file under a folder in name order, with its path.
fn add(path: &Path, hash: &mut Fnv) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            add(&entry, hash);
        }
    } else if let Ok(bytes) = std::fs::read(path) {
        hash.write(path.to_string_lossy().replace('\\', "/").as_bytes());
        hash.write(&bytes);
    }
}

/// FNV-1a, 64 bits: the same value on every machine and compiler.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
