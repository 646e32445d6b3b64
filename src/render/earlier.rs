//! The `data/site.json` an earlier build left in the output, whose unchanged entries a
//! rebuild copies rather than makes again.

use crate::model::{ArticleId, PerArticle};

/// Byte offset and length of an article's entry in `data/site.json`.
pub type EntryRange = (u64, u64);

/// The `data/site.json` an earlier build left in the output, and where each article's
/// entry lies in it, for the articles whose entry would be the same now.
pub struct EarlierEntries {
    pub file: std::fs::File,
    pub at: PerArticle<Option<EntryRange>>,
}

impl EarlierEntries {
    /// An entry's text, if it can be read whole.
    pub(super) fn entry(&self, a: ArticleId) -> Option<String> {
        let (offset, length) = (*self.at.get(a)?)?;
        String::from_utf8(self.read(offset, length)?).ok()
    }

    /// The entries of `articles` joined by commas, when the earlier file holds them so,
    /// one after another: an unchanged run of the file is read in one piece. Gives each
    /// entry's place in the run. The bytes go to the new file as they are: the output
    /// holds the file as the last build wrote it, and checking it is UTF-8 again was half
    /// the cost of copying it.
    pub(super) fn run(&self, articles: &[ArticleId]) -> Option<(Vec<u8>, Vec<EntryRange>)> {
        let ranges: Vec<EntryRange> = articles
            .iter()
            .map(|&a| *self.at.get(a)?)
            .collect::<Option<_>>()?;
        let (first, last) = (ranges.first()?, ranges.last()?);
        let adjacent = ranges.windows(2).all(|w| w[0].0 + w[0].1 + 1 == w[1].0);
        if !adjacent {
            return None;
        }
        let text = self.read(first.0, last.0 + last.1 - first.0)?;
        let within = ranges
            .iter()
            .map(|&(at, len)| (at - first.0, len))
            .collect();
        Some((text, within))
    }

    #[cfg(unix)]
    fn read(&self, offset: u64, length: u64) -> Option<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0; usize::try_from(length).ok()?];
        self.file.read_exact_at(&mut bytes, offset).ok()?;
        Some(bytes)
    }

    #[cfg(not(unix))]
    fn read(&self, _offset: u64, _length: u64) -> Option<Vec<u8>> {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_run_of_entries_is_read_in_one_piece() {
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, br#"[{"a":1},{"b":22},{"c":333}]"#).unwrap();
        let at: PerArticle<Option<EntryRange>> =
            vec![Some((1, 7)), Some((9, 8)), Some((18, 9)), None].into();
        let earlier = EarlierEntries { file, at };
        let ids: Vec<ArticleId> = (0..4).map(ArticleId::from).collect();

        let (text, within) = earlier.run(&ids[..3]).unwrap();
        assert_eq!(text, br#"{"a":1},{"b":22},{"c":333}"#);
        assert_eq!(within, vec![(0, 7), (8, 8), (17, 9)]);
        assert_eq!(earlier.entry(ids[1]).unwrap(), r#"{"b":22}"#);
        // Out of order, or with an entry not kept, the entries are not one run.
        assert!(earlier.run(&[ids[1], ids[0]]).is_none());
        assert!(earlier.run(&[ids[0], ids[2]]).is_none());
        assert!(earlier.run(&ids[2..]).is_none());
    }
}
