//! Whole-site outputs (the search index, `data/site.json`) on their way into a `Staging`
//! as they are made, so they are never held whole.

use super::{StagedFile, Staging};
use crate::diag::Diagnostic;
use crate::render::{Output, Sink};

/// Whole-site outputs on their way into a `Staging`: whole files are written in batches,
/// files that come in pieces are written piece by piece.
pub struct StagingSink<'s> {
    pub(super) staging: &'s Staging,
    pub(super) pending: Vec<Output>,
    pub(super) pending_bytes: usize,
    pub(super) open: Option<StagedFile>,
}

/// Whole files held before they are written together, in parallel.
const SINK_BATCH_FILES: usize = 256;
const SINK_BATCH_BYTES: usize = 8 << 20;

impl StagingSink<'_> {
    /// Writes what is still held.
    pub fn flush(&mut self) -> Result<(), Diagnostic> {
        if let Some(file) = self.open.take() {
            self.staging.finish(file)?;
        }
        self.write_pending()
    }

    fn write_pending(&mut self) -> Result<(), Diagnostic> {
        let files = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        self.staging.add(&files)
    }
}

impl Sink for StagingSink<'_> {
    fn file(&mut self, output: Output) -> Result<(), Diagnostic> {
        self.pending_bytes += output.content.len();
        self.pending.push(output);
        if self.pending.len() >= SINK_BATCH_FILES || self.pending_bytes >= SINK_BATCH_BYTES {
            self.write_pending()?;
        }
        Ok(())
    }

    fn piece(&mut self, path: &str, piece: &[u8]) -> Result<(), Diagnostic> {
        if self.open.as_ref().is_some_and(|open| open.path != path) {
            if let Some(done) = self.open.take() {
                self.staging.finish(done)?;
            }
        }
        let open = match &mut self.open {
            Some(open) => open,
            None => self.open.insert(self.staging.create(path)?),
        };
        open.write(piece)
    }
}
