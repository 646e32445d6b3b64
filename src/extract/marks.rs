//! Which marks an article quotes with. American usage quotes with double marks and nests
//! single ones inside; British usage does the opposite (`‘We will not move,’ she said`).
//! Every rule after this one reads double marks as quotations, so in an article that
//! quotes with single marks the two are exchanged, byte for byte the same length, and the
//! apostrophes are left alone.

use std::ops::Range;

/// Exchanges single and double quotation marks in `text` when the article quotes with
/// single ones, and gives back the text as written if it did. `blocks` are the
/// paragraphs: a quotation never runs across two, though one left open at a paragraph's
/// end is still a quotation.
pub fn double_single_quotes(
    text: &mut String,
    blocks: impl Iterator<Item = Range<usize>> + Clone,
) -> Option<String> {
    // Most articles have no single mark that could open a quotation: the Markdown reader
    // curls an opening one into ‘.
    if memchr::memmem::find(text.as_bytes(), "‘".as_bytes()).is_none()
        && memchr::memchr(b'\'', text.as_bytes()).is_none()
    {
        return None;
    }
    let (single, double) = blocks
        .clone()
        .map(|b| opening_marks(&text[b]))
        .fold((0, 0), |(s, d), (bs, bd)| (s + bs, d + bd));
    if single == 0 || single <= double {
        return None;
    }
    let mut swaps: Vec<(usize, char)> = Vec::new();
    for block in blocks {
        swaps_in(text, block, &mut swaps);
    }
    if swaps.is_empty() {
        return None;
    }
    let written = text.clone();
    // Each exchanged mark has the length of the one it replaces, so every offset holds.
    let mut bytes = std::mem::take(text).into_bytes();
    for (at, mark) in swaps {
        let mut buf = [0u8; 4];
        let encoded = mark.encode_utf8(&mut buf).as_bytes();
        bytes[at..at + encoded.len()].copy_from_slice(encoded);
    }
    *text = String::from_utf8(bytes).unwrap_or_else(|_| written.clone());
    Some(written)
}

/// How many single and how many double marks open a quotation in one paragraph: a mark
/// after a space, a bracket or a dash (or first) and before a letter. A mark inside a
/// quotation of the other kind is nested in it and does not count.
fn opening_marks(paragraph: &str) -> (usize, usize) {
    let mut counts = (0, 0);
    let (mut in_single, mut in_double) = (false, false);
    let mut previous: Option<char> = None;
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let opens = previous.is_none_or(opens_after) && next.is_some_and(char::is_alphabetic);
        let closes = previous.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(char::is_alphanumeric);
        match c {
            '‘' | '\'' if opens && !in_double => {
                counts.0 += 1;
                in_single = true;
            }
            '“' | '"' if opens && !in_single => {
                counts.1 += 1;
                in_double = true;
            }
            '’' | '\'' if closes => in_single = false,
            '”' | '"' if closes => in_double = false,
            _ => {}
        }
        previous = Some(c);
    }
    counts
}

fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '/')
}

/// The exchanges that make one paragraph's single-mark quotations double: each pair of
/// single marks, and the double marks nested between them.
fn swaps_in(text: &str, block: Range<usize>, swaps: &mut Vec<(usize, char)>) {
    let s = &text[block.clone()];
    let marks: Vec<(usize, char, Role)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, '‘' | '’' | '\'' | '“' | '”' | '"'))
        .map(|(i, c)| (i, c, role(s, i, c)))
        .collect();
    let mut open = false;
    for (k, &(i, c, role)) in marks.iter().enumerate() {
        match (open, role) {
            (false, Role::Opens) => {
                open = true;
                swaps.push((block.start + i, exchanged(c)));
            }
            (true, Role::Closes | Role::MayClose) => {
                // "the teachers’ union": a plural possessive inside the quotation, when a
                // later mark can close it.
                let later_closer = marks[k + 1..]
                    .iter()
                    .take_while(|m| m.2 != Role::Opens)
                    .any(|m| matches!(m.2, Role::Closes | Role::MayClose));
                if role == Role::MayClose && later_closer {
                    continue;
                }
                open = false;
                swaps.push((block.start + i, exchanged(c)));
            }
            (true, Role::Nested) => swaps.push((block.start + i, exchanged(c))),
            _ => {}
        }
    }
}

/// What a mark may do in a paragraph quoted with single marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A single mark before a word: opens a quotation.
    Opens,
    /// A single mark after a word and before no letter: closes one.
    Closes,
    /// A single mark after a plural's "s" and before a space: the possessive of
    /// "teachers’ union", or the end of a quotation.
    MayClose,
    /// A double mark: nested inside the quotation it stands in.
    Nested,
    /// A single mark inside a word ("don’t", "the ’90s"): no quotation mark.
    Apostrophe,
}

fn role(s: &str, i: usize, c: char) -> Role {
    if matches!(c, '“' | '”' | '"') {
        return Role::Nested;
    }
    let before = s[..i].chars().next_back();
    let after = s[i + c.len_utf8()..].chars().next();
    let glued_before = before.is_some_and(|b| !b.is_whitespace());
    if c != '’' && !glued_before && after.is_some_and(char::is_alphabetic) {
        return if before.is_none_or(opens_after) {
            Role::Opens
        } else {
            Role::Apostrophe
        };
    }
    if c == '‘' || !glued_before || after.is_some_and(char::is_alphanumeric) {
        return Role::Apostrophe;
    }
    match (before, after) {
        (Some('s' | 'S'), Some(a)) if a.is_whitespace() => Role::MayClose,
        _ => Role::Closes,
    }
}

/// A mark's counterpart of the other kind.
fn exchanged(c: char) -> char {
    match c {
        '\'' => '"',
        '"' => '\'',
        '‘' => '“',
        '“' => '‘',
        '’' => '”',
        '”' => '’',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exchanged_in(text: &str) -> String {
        let mut text = text.to_string();
        let blocks: Vec<Range<usize>> = text
            .split_inclusive('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len();
                Some(start..start + line.trim_end().len())
            })
            .collect();
        double_single_quotes(&mut text, blocks.iter().cloned());
        text
    }

    #[test]
    fn single_quotations_become_double_and_apostrophes_stay() {
        assert_eq!(
            exchanged_in("‘We won’t move,’ the minister said. ‘It’s over.’"),
            "“We won’t move,” the minister said. “It’s over.”"
        );
        assert_eq!(
            exchanged_in("'The port's cranes are idle,' said Ash."),
            "\"The port's cranes are idle,\" said Ash."
        );
    }

    #[test]
    fn double_marks_nested_in_a_single_quotation_become_single() {
        assert_eq!(
            exchanged_in("‘They called it “a plan”, nothing more,’ Roe said."),
            "“They called it ‘a plan’, nothing more,” Roe said."
        );
    }

    #[test]
    fn a_plural_possessive_does_not_close_the_quotation() {
        assert_eq!(
            exchanged_in("‘The nurses’ union will strike on Monday,’ she said."),
            "“The nurses’ union will strike on Monday,” she said."
        );
        // With no later mark, the mark after the "s" is the closing one.
        assert_eq!(
            exchanged_in("The board called the cuts ‘a blow to the towns’ and left."),
            "The board called the cuts “a blow to the towns” and left."
        );
    }

    #[test]
    fn a_quotation_left_open_at_the_end_of_a_paragraph_keeps_its_opening() {
        assert_eq!(
            exchanged_in("‘We sailed at dawn.\n‘By noon the storm had come,’ he said."),
            "“We sailed at dawn.\n“By noon the storm had come,” he said."
        );
    }

    #[test]
    fn an_article_quoting_with_double_marks_is_left_alone() {
        let text = "“The vote was ‘a farce’, and I said so,” Ash said. ‘Fine.’";
        assert_eq!(exchanged_in(text), text);
        let text = "The ’90s were kind to the town’s mills.";
        assert_eq!(exchanged_in(text), text);
    }
}
