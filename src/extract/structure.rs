//! The shape of an article: summary, headings with anchors, word count and links.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Markdown extensions Brief enables everywhere, so extraction and rendering agree.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The events of `body` with their source ranges, as every reader of an article's Markdown
/// takes them.
pub fn events(body: &str) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
    double_apostrophes(
        Parser::new_ext(body, parser_options()).into_offset_iter(),
        body,
    )
}

/// Two apostrophes quote as one double mark, as archives of news wire and newspaper text
/// write it (`''We will rebuild,'' she said.`): smart punctuation alone curls each one
/// into a single mark (’’…‘’), which neither reads as a quotation nor shows as one.
fn double_apostrophes<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    body: &'a str,
) -> impl Iterator<Item = (Event<'a>, Range<usize>)> {
    let apostrophe =
        |range: &Range<usize>| range.len() == 1 && body.as_bytes().get(range.start) == Some(&b'\'');
    let mut events = events.peekable();
    std::iter::from_fn(move || {
        let (event, range) = events.next()?;
        let pair = matches!(event, Event::Text(_))
            && apostrophe(&range)
            && events.peek().is_some_and(|(next, r)| {
                matches!(next, Event::Text(_)) && r.start == range.end && apostrophe(r)
            });
        if !pair {
            return Some((event, range));
        }
        let end = events.next().map_or(range.end, |(_, r)| r.end);
        let opens = body[..range.start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
        let mark = if opens { "\u{201C}" } else { "\u{201D}" };
        Some((Event::Text(mark.into()), range.start..end))
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, bincode::Encode, bincode::Decode)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// Anchor id: `{#id}` when given, else the slugified text, made unique with `-1`, `-2`.
    pub id: String,
}

/// A link in the body as written, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, bincode::Encode, bincode::Decode)]
pub struct OutLink {
    pub target: String,
    pub text: String,
    pub line: usize,
}

/// The shape of one Markdown document.
pub struct Outline {
    pub summary: String,
    pub headings: Vec<Heading>,
    pub word_count: usize,
    pub links: Vec<OutLink>,
}

/// Longest derived summary before it is cut at a sentence boundary.
const SUMMARY_LIMIT: usize = 320;

pub fn outline(body: &str, first_line: usize) -> Outline {
    outline_with(body, first_line, |_| {})
}

/// `outline`, also handing every Markdown event to `sink`, so extraction parses once.
pub(super) fn outline_with(
    body: &str,
    first_line: usize,
    mut sink: impl FnMut(&Event<'_>),
) -> Outline {
    let (before_more, has_more) = match body.find("<!-- more -->") {
        Some(i) => (i, true),
        None => (body.len(), false),
    };
    let mut headings = Vec::new();
    let mut used_ids = HeadingIds::default();
    let mut links = Vec::new();
    let mut word_count = 0;
    let mut summary_text = String::new();
    let mut first_paragraph: Option<String> = None;
    let mut paragraph = String::new();
    let mut in_paragraph = false;
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut link: Option<(String, usize, String)> = None;
    let mut in_code = false;
    let line_starts = line_starts(body);

    for (event, range) in crate::media::shortcodes::without_calls(events(body), body) {
        sink(&event);
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    heading_level(level),
                    id.map(|i| i.to_string()),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, text)) = heading.take() {
                    let text = text.trim().to_string();
                    let id = unique_id(id.unwrap_or_else(|| slugify_heading(&text)), &mut used_ids);
                    headings.push(Heading { level, text, id });
                }
            }
            Event::Start(Tag::Paragraph) => {
                in_paragraph = true;
                paragraph.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                if first_paragraph.is_none() && !paragraph.trim().is_empty() {
                    first_paragraph = Some(paragraph.trim().to_string());
                }
                if has_more && range.end <= before_more {
                    push_spaced(&mut summary_text, paragraph.trim());
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                let line = line_of(&line_starts, range.start) + first_line - 1;
                link = Some((dest_url.to_string(), line, String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((target, line, text)) = link.take() {
                    links.push(OutLink { target, text, line });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if !in_code {
                    word_count += count_words(&text);
                }
                if let Some((_, _, t)) = heading.as_mut() {
                    t.push_str(&text);
                }
                if let Some((_, _, t)) = link.as_mut() {
                    t.push_str(&text);
                }
                if in_paragraph {
                    paragraph.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak if in_paragraph => paragraph.push(' '),
            _ => {}
        }
    }
    let summary = if !summary_text.is_empty() {
        summary_text
    } else {
        first_paragraph
            .map(|p| cut_at_sentence(&p, SUMMARY_LIMIT))
            .unwrap_or_default()
    };
    Outline {
        summary,
        headings,
        word_count,
        links,
    }
}

/// Words with a letter or digit, split at white space as `split_whitespace` splits. Runs
/// of ASCII are read byte by byte; only other characters are decoded.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut alphanumeric) = (0, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let kind = match ASCII_KIND.get(usize::from(bytes[i])) {
            Some(&kind) => {
                i += 1;
                kind
            }
            None => {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                if c.is_whitespace() {
                    SPACE
                } else if c.is_alphanumeric() {
                    ALPHANUMERIC
                } else {
                    OTHER
                }
            }
        };
        if kind == SPACE {
            count += usize::from(alphanumeric);
            (in_word, alphanumeric) = (false, false);
        } else {
            in_word = true;
            alphanumeric |= kind == ALPHANUMERIC;
        }
    }
    count + usize::from(in_word && alphanumeric)
}

const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALPHANUMERIC: u8 = 2;

/// What each ASCII byte is to `count_words`: white space as `char::is_whitespace` has it
/// (with the vertical tab, unlike `u8::is_ascii_whitespace`), letter or digit, or other.
static ASCII_KIND: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => SPACE,
            c if c.is_ascii_alphanumeric() => ALPHANUMERIC,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

fn push_spaced(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&s| s <= offset)
}

/// The anchor id for a heading's text: lowercase ASCII words joined by hyphens.
pub fn slugify_heading(text: &str) -> String {
    let slug = slug::slugify(text);
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// Heading ids given so far, and for each repeated id the next number to try: without it,
/// n identical headings cost n² tries (20,000 of them took 43 s).
#[derive(Default)]
struct HeadingIds {
    used: FxHashSet<String>,
    next: FxHashMap<String, usize>,
}

/// `base`, or the first `base-N` not given yet.
fn unique_id(base: String, ids: &mut HeadingIds) -> String {
    if ids.used.insert(base.clone()) {
        return base;
    }
    let next = ids.next.entry(base.clone()).or_insert(1);
    loop {
        let candidate = format!("{base}-{next}");
        *next += 1;
        if ids.used.insert(candidate.clone()) {
            return candidate;
        }
    }
}

/// Cuts `text` at the last sentence end within `limit` bytes (always keeping the first
/// sentence whole).
pub fn cut_at_sentence(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_string();
    }
    let ends: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let cut = ends
        .iter()
        .rev()
        .find(|&&e| e <= limit)
        .or(ends.first())
        .copied()
        .unwrap_or(text.len());
    text[..cut].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_apostrophes_read_as_one_double_mark() {
        let text: String = events("''We can't wait,'' she said of the 'plan' (''soon'').")
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "“We can’t wait,” she said of the ‘plan’ (“soon”).");
    }

    #[test]
    fn words_are_counted_alike_in_ascii_and_other_text() {
        let by_chars = |t: &str| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        for text in [
            "",
            "   ",
            "The mayor said -- twice -- that the 2 bridges close.",
            "a\tb\nc\x0Bd\x0Ce\rf",
            " — , ; 42 ",
            "trailing word",
            "Café owners in Zürich said the levy is “unfair”.",
            "no\u{a0}break and\u{2003}em space — “ ” 東京 sagte",
        ] {
            assert_eq!(count_words(text), by_chars(text), "{text:?}");
        }
        assert_eq!(count_words("The mayor said -- twice -- that"), 5);
    }

    #[test]
    fn summary_is_first_paragraph_cut_at_sentence() {
        let long = format!(
            "{} Second sentence here. {}",
            "First sentence is here.",
            "x ".repeat(200)
        );
        let o = outline(&format!("{long}\n\nNext paragraph."), 1);
        assert_eq!(o.summary, "First sentence is here. Second sentence here.");
    }

    #[test]
    fn summary_before_more_marker() {
        let o = outline("Intro one.\n\nIntro two.\n\n<!-- more -->\n\nRest.", 1);
        assert_eq!(o.summary, "Intro one. Intro two.");
    }

    #[test]
    fn headings_get_unique_stable_ids() {
        let o = outline(
            "## Talks in Doha\n\n## Talks in Doha\n\n### Custom {#mine}\n",
            1,
        );
        let ids: Vec<_> = o.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["talks-in-doha", "talks-in-doha-1", "mine"]);
        assert_eq!(o.headings[2].level, 3);
    }

    #[test]
    fn words_skip_code_blocks_and_links_have_lines() {
        let o = outline(
            "One two [three](other.md).\n\n```\nnot counted here\n```\n",
            5,
        );
        assert_eq!(o.word_count, 3);
        assert_eq!(
            o.links,
            vec![OutLink {
                target: "other.md".into(),
                text: "three".into(),
                line: 5
            }]
        );
    }

    #[test]
    fn many_identical_headings_get_numbered_ids() {
        let body: String = (0..20_000).map(|_| "## Same heading\n\n").collect();
        let headings = outline(&body, 1).headings;
        assert_eq!(headings.len(), 20_000);
        assert_eq!(headings[0].id, "same-heading");
        assert_eq!(headings[1].id, "same-heading-1");
        assert_eq!(headings[19_999].id, "same-heading-19999");
        let mut ids = HeadingIds::default();
        assert_eq!(unique_id("a-1".into(), &mut ids), "a-1");
        assert_eq!(unique_id("a".into(), &mut ids), "a");
        assert_eq!(
            unique_id("a".into(), &mut ids),
            "a-2",
            "a-1 is taken by a heading"
        );
    }
}
