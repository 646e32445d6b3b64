//! The output folder's subfolder times as the last build left them (see
//! `write::FolderTimes`), which spare a rebuild the walk over the whole output.

use std::path::Path;

use super::store;
use crate::write::FolderTimes;

/// The file in the cache folder.
const FILE: &str = "output-times.bin";

/// The times the last build kept in the cache folder `dir`, if it kept them whole.
pub fn read(dir: &Path) -> Option<FolderTimes> {
    let body = store::read(dir, FILE, store::identity()).ok()??;
    let (times, read) = bincode::decode_from_slice(&body, store::encoding()).ok()?;
    (read == body.len()).then_some(times)
}

/// Keeps the times of `output` as this build left it; without them the next build only
/// walks the output.
pub fn save(dir: &Path, output: &Path) {
    let Some(times) = FolderTimes::of(output) else {
        forget(dir);
        return;
    };
    let saved = bincode::encode_to_vec(&times, store::encoding())
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
