//! What a source said: the words of a reported statement, cut from the sentence around
//! its verb, without the words that only say when or how it was said.

use std::ops::Range;

use crate::extract::lexicon::{self, TEMPORAL};
use crate::extract::speech::Clause;
use crate::extract::text::Doc;

/// Longest content kept, in bytes, cut at a word.
const MAX_CONTENT: usize = 300;

/// Whether the words `after` a reporting verb only say when, where or how it was said
/// ("on Tuesday", "late Monday", "in a statement", "on social media").
pub(super) fn only_circumstance(c: &Clause, after: Range<usize>) -> bool {
    !after.is_empty()
        && after.clone().all(|i| {
            let word = c.word(i);
            c.is(i, TEMPORAL)
                || word.starts_with(|ch: char| ch.is_ascii_digit())
                || CIRCUMSTANCES.iter().any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// Words of the phrases that say when, where or how something was said.
const CIRCUMSTANCES: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "over",
    "via",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "this",
    "next",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "statement",
    "statements",
    "interview",
    "interviews",
    "email",
    "e-mail",
    "release",
    "briefing",
    "conference",
    "news",
    "tweet",
    "tweets",
    "post",
    "letter",
    "call",
    "phone",
    "telephone",
    "speech",
    "remarks",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "today",
    "tonight",
    "yesterday",
    "recently",
    "social",
    "media",
    "online",
    "twitter",
    "facebook",
    "written",
    "brief",
    "televised",
];

/// `text` without a leading phrase of when or how before "that" ("Tuesday that the
/// bridge will close", "in a statement that …"): what was said starts at "that".
fn without_circumstance(text: &str) -> &str {
    // The phrase opens with a day, a preposition or an adverb of time, not with a noun
    // that "that" describes ("statements that damaged him").
    let opens = text.split(' ').next().is_some_and(|first| {
        lexicon::is(first, TEMPORAL)
            || [
                "on", "in", "at", "during", "over", "via", "late", "early", "earlier", "later",
            ]
            .into_iter()
            .chain(["last", "this", "today", "tonight", "yesterday", "recently"])
            .any(|w| w.eq_ignore_ascii_case(first))
    });
    if !opens {
        return text;
    }
    let mut rest = text;
    for _ in 0..6 {
        let Some((word, after)) = rest.split_once(' ') else {
            return text;
        };
        if word == "that" {
            return rest;
        }
        let circumstance = lexicon::is(word, TEMPORAL)
            || word.starts_with(|ch: char| ch.is_ascii_digit())
            || CIRCUMSTANCES.iter().any(|w| w.eq_ignore_ascii_case(word));
        if !circumstance {
            return text;
        }
        rest = after;
    }
    text
}

/// Whether a clause starts with a quotation mark: a direct quote rather than a paraphrase.
pub(super) fn opens_quotation(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{2018}', '\u{2019}', '\''])
}

/// What was said: the rest of the sentence after the verb, without a leading "that".
pub(super) fn content(doc: &Doc, range: Range<usize>) -> Option<String> {
    let text = doc
        .as_written(range)
        .trim_start_matches([',', ':', ' '])
        .trim();
    let text = without_circumstance(text);
    let text = text.strip_prefix("that ").unwrap_or(text);
    let text = text.trim_end_matches(['.', ',', ';', ':', ' ']);
    if text.is_empty() {
        return None;
    }
    let mut cut = text.len().min(MAX_CONTENT);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut < text.len() {
        cut = text[..cut].rfind(' ').unwrap_or(cut);
    }
    Some(text[..cut].to_string())
}
