//! Warnings any content file can raise whatever its kind: characters XML cannot carry,
//! and raw HTML the sanitiser will remove.

use std::path::Path;

use super::frontmatter;
use crate::diag::Diagnostic;
use crate::model::is_xml_char;

/// A warning at each character of `text` that XML cannot carry (NUL, other control
/// characters, U+FFFE, U+FFFF): pages keep them, feeds and the sitemap leave them out.
pub(super) fn unsafe_characters(path: &Path, text: &str) -> Vec<Diagnostic> {
    // Every file is read through here: a byte scan settles the common case, since the
    // characters looked for are control bytes or start with 0xEF (U+FFFE, U+FFFF). The
    // scan runs over whole blocks without branches, which the compiler turns into vector
    // code: a scan stopping at each byte was 4% of a rebuild at 10,000 articles.
    let suspect = |b: u8| (b < 0x20) & !matches!(b, b'\t' | b'\n' | b'\r') | (b == 0xEF);
    let clean = text
        .as_bytes()
        .chunks(256)
        .all(|block| !block.iter().fold(false, |found, &b| found | suspect(b)));
    if clean {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(_, c)| !is_xml_char(c))
        .map(|(offset, c)| {
            Diagnostic::warning(
                path,
                format!(
                    "the character U+{:04X} cannot be carried by XML: feeds and the sitemap leave it out; delete it",
                    c as u32
                ),
            )
            .at_offset(text, offset)
        })
        .collect()
}

/// A warning at each piece of raw HTML in the body that the sanitiser removes in part or
/// whole. Most files have no `<` in their body and cost one byte scan.
pub(super) fn removed_html(path: &Path, text: &str) -> Vec<Diagnostic> {
    let body_offset = frontmatter::split(text).body_offset;
    let body = &text[body_offset..];
    if memchr::memchr(b'<', body.as_bytes()).is_none() {
        return Vec::new();
    }
    pulldown_cmark::Parser::new(body)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            pulldown_cmark::Event::Html(html) | pulldown_cmark::Event::InlineHtml(html) => {
                Some((crate::model::removed_by_sanitiser(&html), range.start))
            }
            _ => None,
        })
        .filter(|(removed, _)| !removed.is_empty())
        .map(|(removed, at)| {
            Diagnostic::warning(
                path,
                format!(
                    "raw HTML is removed from the page: {}; only a site whose every writer is trusted sets `markdown: {{ allow_html: true }}` in site.yaml",
                    removed.join(", ")
                ),
            )
            .at_offset(text, body_offset + at)
        })
        .collect()
}
