//! An article file's text. Loading, extraction and linking read every article whole, but
//! rendering needs one article's text at a time: a build lets the texts go once the
//! analysis is done (the largest single part of its memory) and reads each again where a
//! page needs it, checked against the hash taken when it was loaded.

use std::borrow::Cow;
use std::path::Path;

use xxhash_rust::xxh3::xxh3_128;

use crate::diag::Diagnostic;

/// The text of an article file as loaded, and its hash.
#[derive(Debug, Clone)]
pub struct Source {
    /// The whole file; none once let go.
    text: Option<String>,
    /// A hash of the whole file: what a file read again must match, and what the build
    /// cache knows the file by.
    key: u128,
}

impl Source {
    pub fn new(text: String) -> Source {
        Source {
            key: Source::key_of(&text),
            text: Some(text),
        }
    }

    /// A file not read: an earlier build read it with this hash, and its stamp says it has
    /// not changed since (see `Stamp`). `hold` or `read` reads it where its text is needed.
    pub fn unread(key: u128) -> Source {
        Source { text: None, key }
    }

    /// The hash a file with this text is known by.
    pub fn key_of(text: &str) -> u128 {
        xxh3_128(text.as_bytes())
    }

    /// The hash of the file as loaded.
    pub fn key(&self) -> u128 {
        self.key
    }

    /// The text while it is held; empty once let go. Only the stages before rendering,
    /// which run while every text is held, read it here.
    pub fn held(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    pub fn is_held(&self) -> bool {
        self.text.is_some()
    }

    /// Reads the text from the file at `root/relative` and holds it, for the stages that
    /// read every text they are given.
    pub fn hold(&mut self, root: &Path, relative: &Path) -> Result<(), Diagnostic> {
        if self.text.is_none() {
            let text = self.read(root, relative)?.into_owned();
            self.text = Some(text);
        }
        Ok(())
    }

    /// The text to point a message into: the one held, else the file read again, else
    /// none (the message then names the line without showing it).
    pub fn for_message(&self, root: &Path, relative: &Path) -> Cow<'_, str> {
        self.read(root, relative).unwrap_or_default()
    }

    /// Lets the text go; `read` reads it again from the file.
    pub fn release(&mut self) {
        self.text = None;
    }

    /// The text: the one held, else the file at `root/relative` read again. A file that is
    /// no longer what was loaded is an error: the page would show another text than the
    /// one the site was analysed from.
    pub fn read(&self, root: &Path, relative: &Path) -> Result<Cow<'_, str>, Diagnostic> {
        if let Some(text) = &self.text {
            return Ok(Cow::Borrowed(text));
        }
        let text = super::read_utf8(root, relative)?;
        match Source::key_of(&text) == self.key {
            true => Ok(Cow::Owned(text)),
            false => Err(Diagnostic::error(
                relative,
                "the file changed while the site was being built; build again",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\ntitle: Harbour\ndate: 2024-05-01\n---\nThe ferry left at noon.\n";

    #[test]
    fn a_held_text_is_read_without_the_file() {
        let source = Source::new(TEXT.to_string());
        let read = source.read(Path::new("/nowhere"), Path::new("a.md"));
        assert_eq!(read.ok().as_deref(), Some(TEXT));
        assert_eq!(source.held(), TEXT);
    }

    #[test]
    fn a_released_text_is_read_again_from_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), TEXT).unwrap();
        let mut source = Source::new(TEXT.to_string());
        source.release();
        assert_eq!(source.held(), "");
        let read = source.read(dir.path(), Path::new("a.md"));
        assert_eq!(read.ok().as_deref(), Some(TEXT));
    }

    #[test]
    fn a_file_changed_since_loading_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), TEXT.replace("noon", "dusk")).unwrap();
        let mut source = Source::new(TEXT.to_string());
        source.release();
        let problem = source.read(dir.path(), Path::new("a.md")).unwrap_err();
        assert!(problem.message.contains("changed"), "{}", problem.message);
    }

    #[test]
    fn a_file_gone_since_loading_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = Source::new(TEXT.to_string());
        source.release();
        assert!(source.read(dir.path(), Path::new("a.md")).is_err());
    }

    #[test]
    fn an_unread_file_is_held_once_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), TEXT).unwrap();
        let mut source = Source::unread(Source::key_of(TEXT));
        assert!(!source.is_held());
        source.hold(dir.path(), Path::new("a.md")).unwrap();
        assert_eq!(source.held(), TEXT);

        let mut stale = Source::unread(Source::key_of("another text"));
        assert!(stale.hold(dir.path(), Path::new("a.md")).is_err());
        assert_eq!(stale.for_message(dir.path(), Path::new("a.md")), "");
    }
}
