//! The output folder's subfolder times as the last builds left them (see
//! `write::FolderTimes`), which spare a rebuild the walk over the whole output: those of
//! the output, and those of the site it replaced, which the next build updates.

use std::path::Path;

use super::store;
use crate::write::FolderTimes;

/// The file in the cache folder.
const FILE: &str = "output-times.bin";

/// The times the last build kept in the cache folder `dir`, newest first; none when it
/// kept none whole.
pub fn read(dir: &Path) -> Vec<FolderTimes> {
    let Ok(Some(body)) = store::read(dir, FILE, store::identity()) else {
        return Vec::new();
    };
    match bincode::decode_from_slice(&body, store::encoding()) {
        Ok((times, read)) if read == body.len() => times,
        _ => Vec::new(),
    }
}

/// Keeps the times of the output as this build left it (`newest`) and of the site it
/// replaced, the newest of `earlier`; without them the next build only walks the output.
pub fn save(dir: &Path, newest: Option<FolderTimes>, mut earlier: Vec<FolderTimes>) {
    let Some(newest) = newest else {
        forget(dir);
        return;
    };
    earlier.truncate(1);
    earlier.insert(0, newest);
    let saved = bincode::encode_to_vec(&earlier, store::encoding())
        .map_err(std::io::Error::other)
        .and_then(|body| store::write(dir, FILE, store::identity(), &body));
    if saved.is_err() {
        forget(dir);
    }
}

/// Forgets the times, before a build that may change the output.
pub fn forget(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(FILE));
}
