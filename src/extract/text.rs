//! Markdown to plain prose: the text a reader sees, in blocks, with the regions entity
//! matching must not touch (link text, image alt text, bare URLs) marked, and code left out.

mod dateline;
mod labels;
mod sentences;
mod tokens;

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::lexicon::{DETERMINERS, IN_NAME, LEAD_PREPOSITIONS, STOP, TEMPORAL};
pub use dateline::{dated_line, numeric_date};
use labels::starts_with_label;
use sentences::split_sentences;
pub use tokens::{Token, is_acronym, tokens};

/// Stands in for an inline code span: not a word character, so it breaks names and words.
pub const CODE_MARK: char = '\u{FFFC}';

/// The article as plain text: blocks separated by a newline, split into sentences and
/// words once for every stage.
#[derive(Debug, Default)]
pub struct Doc {
    pub text: String,
    pub blocks: Vec<Block>,
    /// Sorted, non-overlapping byte ranges of `text` that are link text or URLs.
    pub excluded: Vec<Range<usize>>,
    /// Sentence ranges of every block, in order.
    pub sentences: Vec<Range<usize>>,
    /// Every word of every block, in order.
    pub tokens: Vec<Token>,
    /// The text as written, kept when its quotation marks were exchanged for the rules'
    /// sake (`marks`): what a reader is shown comes from here.
    written: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub range: Range<usize>,
    /// Headings are matched against the gazetteer but are title case, so discovery skips them.
    pub heading: bool,
    /// This block's sentences: indexes into `Doc::sentences`.
    pub sentences: Range<usize>,
}

impl Doc {
    #[cfg(test)]
    pub fn new(markdown: &str) -> Doc {
        let mut b = Builder::default();
        for event in pulldown_cmark::Parser::new_ext(markdown, super::structure::parser_options()) {
            b.event(&event);
        }
        b.finish()
    }

    /// A stretch of the text as the article writes it, quotation marks included.
    pub fn as_written(&self, range: Range<usize>) -> &str {
        let text = self.written.as_deref().unwrap_or(&self.text);
        text.get(range).unwrap_or("")
    }

    /// The sentences of a block.
    pub fn sentences_of(&self, block: &Block) -> &[Range<usize>] {
        &self.sentences[block.sentences.clone()]
    }

    /// The words lying wholly inside `range`.
    pub fn tokens_in(&self, range: Range<usize>) -> &[Token] {
        let from = self.tokens.partition_point(|t| t.start < range.start);
        let to = from + self.tokens[from..].partition_point(|t| t.end <= range.end);
        &self.tokens[from..to]
    }

    /// Takes the capitalised words inside a name, after its first, for name words only:
    /// "May" in "Helen May", "Will" in "Dana Will" and "Sun" in "the Oakton Sun" are
    /// then no month, modal verb or day to the rules that read the sentence around them.
    pub fn name_words(&mut self, names: impl Iterator<Item = Range<usize>>) {
        // The last words that alone would read as a month or a modal verb: rare.
        let mut surnames: Vec<String> = Vec::new();
        // One word has no words after its first.
        for name in names.filter(|n| self.text[n.clone()].contains(' ')) {
            let from = self.tokens.partition_point(|t| t.start < name.start);
            let to = from + self.tokens[from..].partition_point(|t| t.end <= name.end);
            for t in self.tokens.get_mut(from + 1..to).into_iter().flatten() {
                if self.text[t.start..].starts_with(char::is_uppercase) {
                    if t.end == name.end && t.is(STOP | TEMPORAL) {
                        surnames.push(self.text[t.start..t.end].to_string());
                    }
                    t.classes = t.classes & !(STOP | TEMPORAL) | IN_NAME;
                }
            }
        }
        if !surnames.is_empty() {
            self.lone_surnames(&surnames);
        }
    }

    /// Marks `surnames` standing alone inside a sentence as name words: "Will described
    /// the plan", "which Will claims" once "Dana Will" is named. Not first in a sentence
    /// ("Will he run?"), nor after a preposition or an article or before a number ("in
    /// May", "May 5").
    fn lone_surnames(&mut self, surnames: &[String]) {
        for i in 0..self.tokens.len() {
            let t = &self.tokens[i];
            if t.is(IN_NAME) || !surnames.iter().any(|s| *s == self.text[t.start..t.end]) {
                continue;
            }
            let before = self.text[..t.start].trim_end_matches([' ', '“', '"']);
            let first = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':']);
            let after_article = i > 0 && self.tokens[i - 1].is(LEAD_PREPOSITIONS | DETERMINERS);
            let dated = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| self.text[n.start..].starts_with(|c: char| c.is_ascii_digit()));
            if !(first || after_article || dated) {
                let t = &mut self.tokens[i];
                t.classes = t.classes & !(STOP | TEMPORAL) | IN_NAME;
            }
        }
    }

    /// Whether any byte of `range` is link text or a URL.
    pub fn is_excluded(&self, range: Range<usize>) -> bool {
        let i = self.excluded.partition_point(|r| r.end <= range.start);
        self.excluded.get(i).is_some_and(|r| r.start < range.end)
    }

    /// Prose blocks: paragraphs, list items, table cells, not headings.
    pub fn prose(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !b.heading)
    }

    fn exclude_bare_urls(&mut self) {
        let mut found = Vec::new();
        for marker in ["://", "www."] {
            let mut from = 0;
            while let Some(i) =
                memchr::memmem::find(&self.text.as_bytes()[from..], marker.as_bytes())
                    .map(|i| i + from)
            {
                let start = self.text[..i]
                    .rfind(|c: char| c.is_whitespace() || "(<[\"“".contains(c))
                    .map_or(0, |s| {
                        s + self.text[s..].chars().next().map_or(1, char::len_utf8)
                    });
                let end = self.text[i..]
                    .find(|c: char| c.is_whitespace() || ")>]\"”".contains(c))
                    .map_or(self.text.len(), |e| e + i);
                found.push(start..end);
                from = end.max(i + marker.len());
            }
        }
        if found.is_empty() {
            return;
        }
        found.append(&mut self.excluded);
        found.sort_by_key(|r| (r.start, r.end));
        for r in found {
            match self.excluded.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => self.excluded.push(r),
            }
        }
    }
}

/// Builds a `Doc` from Markdown events (fed by the single parse in `structure`).
#[derive(Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    excluded: Vec<Range<usize>>,
    block_start: usize,
    heading: bool,
    skip: usize,
    link_starts: Vec<usize>,
    /// Where the current block's soft line breaks stand in `text`.
    soft_breaks: Vec<usize>,
}

/// Characters that show nothing and may sit inside a word: a soft hyphen, zero-width
/// spaces and joiners, a byte order mark. Text pasted from a web page carries them ("Doug
/// \u{AD}Andres"), and kept they split a name in two.
const INVISIBLE: [char; 6] = [
    '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// Appends `text` without its invisible characters (see `INVISIBLE`).
fn push_visible(to: &mut String, text: &str) {
    // Each of them ends in one of these bytes in UTF-8; most texts have none of them.
    let bytes = text.as_bytes();
    let maybe = memchr::memchr3(0xAD, 0xBF, 0x8B, bytes).is_some()
        || memchr::memchr3(0x8C, 0x8D, 0xA0, bytes).is_some();
    match maybe && text.contains(INVISIBLE) {
        true => to.extend(text.chars().filter(|c| !INVISIBLE.contains(c))),
        false => to.push_str(text),
    }
}

/// A line longer than this was not wrapped by hand: its block has one paragraph a line.
const LONG_LINE: usize = 160;

impl Builder {
    pub fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) if self.skip == 0 => push_visible(&mut self.text, t),
            Event::Code(_) if self.skip == 0 => self.text.push(CODE_MARK),
            Event::SoftBreak if self.skip == 0 => {
                self.soft_breaks.push(self.text.len());
                self.text.push(' ');
            }
            Event::InlineHtml(_) if self.skip == 0 => self.text.push(' '),
            // A hard line break ends any name: "Mayor Dana Reyes  \nCouncil Hall".
            Event::HardBreak if self.skip == 0 => self.text.push('\n'),
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    /// A builder for a body of about `len` bytes.
    pub fn with_capacity(len: usize) -> Builder {
        Builder {
            text: String::with_capacity(len),
            ..Builder::default()
        }
    }

    pub fn finish(mut self) -> Doc {
        self.flush();
        let mut doc = Doc {
            text: self.text,
            blocks: self.blocks,
            excluded: self.excluded,
            sentences: Vec::new(),
            tokens: Vec::new(),
            written: None,
        };
        let paragraphs = doc.blocks.iter().map(|b| b.range.clone());
        doc.written = super::marks::double_single_quotes(&mut doc.text, paragraphs);
        doc.exclude_bare_urls();
        doc.tokens.reserve(doc.text.len() / 5);
        doc.sentences.reserve(doc.text.len() / 80);
        for block in &mut doc.blocks {
            let first = doc.sentences.len();
            split_sentences(&doc.text, block.range.clone(), &mut doc.sentences);
            block.sentences = first..doc.sentences.len();
            tokens(&doc.text, block.range.clone(), &mut doc.tokens);
        }
        doc
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Link { .. } | Tag::Image { .. } => self.link_starts.push(self.text.len()),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush();
                self.skip += 1;
            }
            Tag::Heading { .. } => {
                self.flush();
                self.heading = true;
            }
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Link | TagEnd::Image => {
                if let Some(start) = self.link_starts.pop()
                    && self.link_starts.is_empty()
                    && start < self.text.len()
                {
                    self.excluded.push(start..self.text.len());
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.skip = self.skip.saturating_sub(1);
                self.flush();
            }
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = false;
            }
            _ => self.flush(),
        }
    }

    /// Closes the current block, if it has any text, and starts the next one. Text written
    /// one paragraph a line, with no blank line between ("…” Roe said.\nAsh replied …"), is
    /// split at its line breaks: a line too long to be hand-wrapped shows that style.
    fn flush(&mut self) {
        let mut breaks = std::mem::take(&mut self.soft_breaks);
        if self.text[self.block_start..].trim().is_empty() {
            self.text.truncate(self.block_start);
            return;
        }
        // "OAKTON 1997-03-14" on the first line is a dateline, not the first sentence's start.
        if let Some(&b) = breaks.first()
            && dated_line(&self.text[self.block_start..b])
        {
            self.blocks.push(Block {
                range: self.block_start..b,
                heading: self.heading,
                sentences: 0..0,
            });
            self.text.replace_range(b..b + 1, "\n");
            self.block_start = b + 1;
            breaks.remove(0);
        }
        // "Name: Tom Ash\nAge: 61": a line opening with a label starts afresh, as after a
        // hard break, so that no name runs on into the label.
        let fields;
        (fields, breaks) = breaks
            .into_iter()
            .partition(|&b| starts_with_label(&self.text[b + 1..]));
        for b in fields {
            self.text.replace_range(b..b + 1, "\n");
        }
        let end = self.text.len();
        let one_a_line = breaks
            .iter()
            .chain([&end])
            .scan(self.block_start, |from, &b| {
                let len = b - *from;
                *from = b + 1;
                Some(len)
            })
            .any(|len| len > LONG_LINE);
        if one_a_line {
            let mut start = self.block_start;
            for b in breaks {
                if !self.text[start..b].trim().is_empty() {
                    self.blocks.push(Block {
                        range: start..b,
                        heading: self.heading,
                        sentences: 0..0,
                    });
                }
                // The space that stood for the break becomes the newline between blocks.
                self.text.replace_range(b..b + 1, "\n");
                start = b + 1;
            }
            self.block_start = start;
            if self.text[start..].trim().is_empty() {
                self.text.truncate(start);
                return;
            }
        }
        self.blocks.push(Block {
            range: self.block_start..self.text.len(),
            heading: self.heading,
            sentences: 0..0,
        });
        self.text.push('\n');
        self.block_start = self.text.len();
    }
}

#[cfg(test)]
mod tests;
