//! Where sentences end: after a full stop, unless it closes an abbreviation that the next
//! words go on from ("U.S. Army", "Calif.").

use std::ops::Range;

use super::dateline::dateline_end;
use super::tokens::{is_dotted, takes_dot_before};
use crate::extract::lexicon::{ORG_TAIL, STOP, US_STATES, is, world};
use crate::load::EntityKind;

/// Appends the sentence ranges within `text[range]` to `out`: a sentence ends after `.`,
/// `!`, `?` or `…` (and any closing quotes or brackets) when the next one starts with a
/// capital, a digit or an opening quote.
pub(super) fn split_sentences(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    // "WASHINGTON (Reuters) - The …": the dateline is no part of the first sentence's
    // subject.
    let mut start = dateline_end(s).unwrap_or(0);
    if start > 0 {
        out.push(base..base + s[..start].trim_end().len());
    }
    let mut i = start;
    // Sentence ends are '.', '!', '?' or '…': jump between candidates.
    let ellipsis =
        |from: usize| memchr::memmem::find(&bytes[from..], "…".as_bytes()).map(|p| p + from);
    let mut next_ellipsis = ellipsis(0);
    loop {
        if next_ellipsis.is_some_and(|e| e < i) {
            next_ellipsis = ellipsis(i);
        }
        let dot = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|p| p + i);
        let Some(at) = dot.into_iter().chain(next_ellipsis).min() else {
            break;
        };
        let len = if bytes[at] == 0xE2 {
            '…'.len_utf8()
        } else {
            1
        };
        i = at + len;
        let after = &s[i..];
        let closers = after
            .find(|ch: char| !"”\"’')]".contains(ch))
            .unwrap_or(after.len());
        let rest = &after[closers..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue;
        }
        let next = trimmed.chars().next();
        if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || "“\"‘(".contains(n))
        {
            if next.is_some() {
                continue;
            }
        } else if bytes[at] == b'.' && !ends_sentence(&s[..at], trimmed) {
            continue;
        }
        let end = i + closers;
        if !s[start..end].trim().is_empty() {
            out.push(base + start..base + end);
        }
        start = end + (rest.len() - trimmed.len());
        i = start.max(i);
    }
    if !s[start..].trim().is_empty() {
        out.push(base + start..base + s.len());
    }
}

/// Whether a full stop after `before` ends the sentence, given the text after it.
fn ends_sentence(before: &str, after: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || "(“\"‘".contains(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() || !takes_dot_before(word, after) {
        return true;
    }
    // "in the U.S. The talks": a dotted abbreviation ends a sentence before a common opener,
    // but not before an organisation it names ("U.S. Army", "U.S. State Department").
    let mut words = after.split(|c: char| !c.is_alphanumeric());
    let (next_word, second_word) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let built_in_organisation = |name: &str| {
        let w = world();
        w.lookup(name)
            .is_some_and(|id| w.entries[id].kind == EntityKind::Organization)
    };
    let organisation = || {
        is(next_word, ORG_TAIL)
            || built_in_organisation(next_word)
            || built_in_organisation(&format!("{next_word} {second_word}"))
    };
    (is_dotted(word) || state_abbreviation(word)) && is(next_word, STOP) && !organisation()
}

/// "Calif", "Fla": a capitalised US state abbreviation, whose period is its own.
fn state_abbreviation(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && is(word, US_STATES)
}
