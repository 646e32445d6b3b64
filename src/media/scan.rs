//! One pass over an article for what `prepare` works on: image addresses, shortcode
//! calls, and raw HTML that sanitising will cut. Bodies without `![`, `{{` or `<` are not
//! parsed at all, so a site without images or embeds pays one byte search per article.

use memchr::memmem;
use pulldown_cmark::{Event, Tag};

use crate::extract::parser_options;
use crate::load::Article;

use super::shortcodes;

/// What one article refers to; every offset is a byte offset into the whole file.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// The front matter `image` (its position is found again for a message: see
    /// `lead_offset`, since the file may not have been read).
    pub(super) lead: Option<String>,
    /// Body images: address as written, offset.
    pub(super) images: Vec<(String, usize)>,
    /// Paragraphs that call a shortcode: offset and length.
    pub(super) calls: Vec<(usize, usize)>,
}

impl Scan {
    pub(super) fn of(article: &Article) -> Scan {
        let mut scan = Scan {
            lead: article.front.image.clone(),
            ..Scan::default()
        };
        let body = article.body();
        let bytes = body.as_bytes();
        let worth_parsing =
            memmem::find(bytes, b"![").is_some() || memmem::find(bytes, b"{{").is_some();
        if !worth_parsing {
            return scan;
        }
        let base = article.body_offset;
        let parser = pulldown_cmark::Parser::new_ext(body, parser_options());
        for (event, range) in parser.into_offset_iter() {
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    scan.images.push((dest_url.to_string(), base + range.start));
                }
                Event::Start(Tag::Paragraph)
                    if shortcodes::call_in(&body[range.clone()]).is_some() =>
                {
                    scan.calls.push((base + range.start, range.len()));
                }
                _ => {}
            }
        }
        scan
    }

    /// Every image address: the lead image's, then the body's.
    pub(super) fn addresses(&self) -> impl Iterator<Item = &str> {
        let body = self.images.iter().map(|(written, _)| written);
        self.lead.iter().chain(body).map(String::as_str)
    }
}

/// Offset in `text`, an article's file, of the value of its front matter `image`, or of
/// the file's start.
pub(super) fn lead_offset(text: &str, article: &Article) -> usize {
    let key = "image";
    let mut offset = 0;
    for line in text
        .get(..article.body_offset)
        .unwrap_or(text)
        .split_inclusive('\n')
    {
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            return offset + key.len() + 1 + (rest.len() - rest.trim_start().len());
        }
        offset += line.len();
    }
    0
}
