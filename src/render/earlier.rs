//! The `data/site.json` an earlier build left in the output, whose unchanged entries a
//! rebuild copies rather than makes again.

use rustc_hash::FxHashMap;

use super::site_data::DATA_PATH;
use crate::diag::Diagnostic;
use crate::model::{ArticleId, PerArticle};

/// Byte offset and length of an entry in `data/site.json`.
pub type EntryRange = (u64, u64);

/// Where the entries of a `data/site.json` went: each article's, and each entity's by
/// the key of what it shows (see `site_data::entity_keys`).
#[derive(Debug, Default)]
pub struct EntryRanges {
    pub articles: Vec<(ArticleId, EntryRange)>,
    pub entities: Vec<(u64, EntryRange)>,
}

/// The `data/site.json` an earlier build left in the output, and where each entry lies
/// in it: each article's whose entry would be the same now, and each entity's by its key.
pub struct EarlierEntries {
    pub file: std::fs::File,
    pub at: PerArticle<Option<EntryRange>>,
    pub entities: FxHashMap<u64, EntryRange>,
}

impl EarlierEntries {
    /// An entry's text, if it can be read whole.
    pub(super) fn entry(&self, a: ArticleId) -> Option<String> {
        let (offset, length) = (*self.at.get(a)?)?;
        String::from_utf8(self.read(offset, length)?).ok()
    }

    /// Where the earlier file holds the entries of `articles`, when it holds them one
    /// after another: an unchanged run of the file, copied in one piece (`copy_run`).
    pub(super) fn article_run(&self, articles: &[ArticleId]) -> Option<Vec<EntryRange>> {
        let ranges: Vec<EntryRange> = articles
            .iter()
            .map(|&a| *self.at.get(a)?)
            .collect::<Option<_>>()?;
        ranges
            .windows(2)
            .all(|w| follows(w[0], w[1]))
            .then_some(ranges)
    }

    /// Copies the entries at `ranges`, a run the file holds one after another, to `piece`
    /// a chunk at a time, and gives each entry's place within the run; nothing is copied
    /// when the file is shorter than the run. The bytes go as they are: the output holds
    /// the file as the last build wrote it, and checking it is UTF-8 again was half the
    /// cost of copying it. Read whole, a run of entities was a fresh allocation of a sixth
    /// of the file, whose pages cost more to fault in than the entries cost to make.
    pub(super) fn copy_run(
        &self,
        ranges: &[EntryRange],
        piece: &mut dyn FnMut(&[u8]) -> Result<(), Diagnostic>,
    ) -> Result<Option<Vec<EntryRange>>, Diagnostic> {
        let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
            return Ok(None);
        };
        let end = last.0 + last.1;
        if self.file.metadata().map_or(true, |meta| meta.len() < end) {
            return Ok(None);
        }
        let mut chunk = vec![0; COPY_CHUNK];
        let mut at = first.0;
        while at < end {
            let length = COPY_CHUNK.min(usize::try_from(end - at).unwrap_or(COPY_CHUNK));
            let read = &mut chunk[..length];
            self.read_into(at, read).map_err(|e| {
                Diagnostic::error(DATA_PATH, format!("cannot read the earlier file: {e}"))
            })?;
            piece(read)?;
            at += length as u64;
        }
        let within = ranges
            .iter()
            .map(|&(at, len)| (at - first.0, len))
            .collect();
        Ok(Some(within))
    }

    /// Where the earlier file holds the entries of the first entities `keys` name, as
    /// long as it holds them one after another: the run that can be copied in one piece.
    pub(super) fn entity_run(&self, keys: &[u64]) -> Vec<EntryRange> {
        let mut run: Vec<EntryRange> = Vec::new();
        for key in keys {
            match self.entities.get(key) {
                Some(&range) if run.last().is_none_or(|&last| follows(last, range)) => {
                    run.push(range)
                }
                _ => break,
            }
        }
        run
    }

    fn read(&self, offset: u64, length: u64) -> Option<Vec<u8>> {
        let mut bytes = vec![0; usize::try_from(length).ok()?];
        self.read_into(offset, &mut bytes).ok()?;
        Some(bytes)
    }

    #[cfg(unix)]
    fn read_into(&self, offset: u64, bytes: &mut [u8]) -> std::io::Result<()> {
        std::os::unix::fs::FileExt::read_exact_at(&self.file, bytes, offset)
    }

    #[cfg(not(unix))]
    fn read_into(&self, _offset: u64, _bytes: &mut [u8]) -> std::io::Result<()> {
        Err(std::io::ErrorKind::Unsupported.into())
    }
}

/// Bytes of an earlier `data/site.json` copied at a time: as many as a staged file
/// gathers, so that each chunk goes straight to the new file instead of being copied into
/// its buffer first, and few enough to stay in the processor's cache while they are
/// hashed and written.
const COPY_CHUNK: usize = crate::write::WRITE_BUFFER;

/// Whether the entry at `next` comes right after the one at `entry`, past a comma.
fn follows(entry: EntryRange, next: EntryRange) -> bool {
    entry.0 + entry.1 + 1 == next.0
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn earlier(
        at: PerArticle<Option<EntryRange>>,
        entities: &[(u64, EntryRange)],
    ) -> EarlierEntries {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, br#"[{"a":1},{"b":22},{"c":333}]"#).unwrap();
        EarlierEntries {
            file,
            at,
            entities: entities.iter().copied().collect(),
        }
    }

    /// What `copy_run` copies, and where it says each entry is.
    fn copied(
        earlier: &EarlierEntries,
        ranges: &[EntryRange],
    ) -> Option<(Vec<u8>, Vec<EntryRange>)> {
        let mut text = Vec::new();
        let within = earlier
            .copy_run(ranges, &mut |piece| {
                text.extend_from_slice(piece);
                Ok(())
            })
            .unwrap()?;
        Some((text, within))
    }

    #[test]
    fn an_unchanged_run_of_entries_is_copied_in_one_piece() {
        let at = vec![Some((1, 7)), Some((9, 8)), Some((18, 9)), None].into();
        let earlier = earlier(at, &[]);
        let ids: Vec<ArticleId> = (0..4).map(ArticleId::from).collect();

        let run = earlier.article_run(&ids[..3]).unwrap();
        let (text, within) = copied(&earlier, &run).unwrap();
        assert_eq!(text, br#"{"a":1},{"b":22},{"c":333}"#);
        assert_eq!(within, vec![(0, 7), (8, 8), (17, 9)]);
        assert_eq!(earlier.entry(ids[1]).unwrap(), r#"{"b":22}"#);
        // Out of order, or with an entry not kept, the entries are not one run.
        assert!(earlier.article_run(&[ids[1], ids[0]]).is_none());
        assert!(earlier.article_run(&[ids[0], ids[2]]).is_none());
        assert!(earlier.article_run(&ids[2..]).is_none());
        // Nothing is copied from a file shorter than the run.
        assert!(copied(&earlier, &[(18, 90)]).is_none());
        assert!(copied(&earlier, &[]).is_none());
    }

    #[test]
    fn entities_are_copied_in_runs_the_earlier_file_holds_in_order() {
        let entities = [(10, (1, 7)), (20, (9, 8)), (30, (18, 9))];
        let earlier = earlier(PerArticle::default(), &entities);
        assert_eq!(
            earlier.entity_run(&[10, 20, 30]),
            vec![(1, 7), (9, 8), (18, 9)]
        );
        // A key the file does not hold ends the run; so does an entry out of order.
        assert_eq!(earlier.entity_run(&[10, 99, 30]), vec![(1, 7)]);
        assert_eq!(earlier.entity_run(&[20, 10]), vec![(9, 8)]);
        assert!(earlier.entity_run(&[99, 10]).is_empty());
        let (text, within) = copied(&earlier, &earlier.entity_run(&[20, 30])).unwrap();
        assert_eq!(text, br#"{"b":22},{"c":333}"#);
        assert_eq!(within, vec![(0, 8), (9, 9)]);
    }
}
