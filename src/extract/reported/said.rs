//! What a source said: the words of a reported statement, cut from the sentence around
//! its verb, without the words that only say when or how it was said.

use std::ops::Range;

use crate::extract::lexicon::{self, DETERMINERS, TEMPORAL};
use crate::extract::speech::{Clause, Verb};
use crate::extract::text::Doc;

/// Longest content kept, in bytes, cut at a word.
const MAX_CONTENT: usize = 300;

/// Whether the words `after` a reporting verb only say when, where or how it was said
/// ("on Tuesday", "late Monday", "in a statement", "on social media").
fn only_circumstance(c: &Clause, after: Range<usize>) -> bool {
    !after.is_empty()
        && after
            .clone()
            .all(|i| c.is(i, TEMPORAL) || circumstance_word(c.word(i), false))
}

/// Where what was said starts after a verb at `v` that names its listener first ("told
/// the Ledger that …"): past "that" when it follows the listener, at the clause after the
/// listener ("told reporters the plan was dead"), or the clause's end when only the
/// listener and when or how follow ("told reporters on Monday").
fn after_listener(c: &Clause, v: usize) -> usize {
    let n = c.toks.len();
    if !matches!(c.word(v), "told" | "tells" | "tell") {
        return v + 1;
    }
    let unverbed = (v + 1..n).take_while(|&i| c.verb_at(i).is_none());
    if let Some(that) = unverbed.clone().take(8).find(|&i| c.word(i) == "that") {
        return that + 1;
    }
    // "reporters", "the Ledger", "the council on Monday": one lowercase noun at most, right
    // after the verb or its article, and names, days and words of when or how.
    let mut nouns = 0;
    let listener_only = (v + 1..n).all(|i| {
        let w = c.word(i);
        let plain = w.starts_with(char::is_uppercase)
            || c.is(i, TEMPORAL | DETERMINERS)
            || circumstance_word(w, false);
        if !plain {
            nouns += 1;
        }
        plain || (nouns == 1 && i <= v + 2)
    });
    if listener_only && unverbed.count() == n - v - 1 {
        return n;
    }
    // "told reporters the plan was dead", "told the Ledger he would run": the listener,
    // then a clause opened by an article or a pronoun.
    let mut i = v + 1;
    if i < n && matches!(c.word(i), "the" | "a" | "an") {
        i += 1;
    }
    let names = (i..n)
        .take_while(|&k| c.word(k).starts_with(char::is_uppercase) && c.plain(k - 1, k))
        .count();
    i += if names > 0 { names } else { 1 };
    let opens_clause = i < n
        && c.plain(i - 1, i)
        && matches!(
            c.word(i),
            "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "there"
        );
    if opens_clause { i } else { v + 1 }
}

/// Whether a participle set off by a comma follows the verb at `v` ("the Ledger reported,
/// citing two officials"): how it was said, not what.
fn participle_follows(c: &Clause, v: usize) -> bool {
    if v + 1 >= c.toks.len() || !c.comma(v, v + 1) {
        return false;
    }
    let w = c.word(v + 1);
    w.len() > 5 && w.ends_with("ing") && w.starts_with(char::is_lowercase)
}

/// Whether a word, other than a day or a month, belongs to the phrases that say when,
/// where or how something was said; `opening` asks for the words such a phrase can open
/// with, not the nouns in it ("statements that damaged him" is what was said).
fn circumstance_word(word: &str, opening: bool) -> bool {
    let word = lexicon::lowercase(word);
    let opener = matches!(
        word.as_ref(),
        "on" | "in"
            | "at"
            | "during"
            | "over"
            | "via"
            | "late"
            | "early"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "today"
            | "tonight"
            | "yesterday"
            | "recently"
    );
    opener
        || word.starts_with(|ch: char| ch.is_ascii_digit())
        || (!opening
            && matches!(
                word.as_ref(),
                "next"
                    | "a"
                    | "an"
                    | "the"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "statement"
                    | "statements"
                    | "interview"
                    | "interviews"
                    | "email"
                    | "e-mail"
                    | "release"
                    | "briefing"
                    | "conference"
                    | "news"
                    | "tweet"
                    | "tweets"
                    | "post"
                    | "letter"
                    | "call"
                    | "phone"
                    | "telephone"
                    | "speech"
                    | "remarks"
                    | "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "day"
                    | "social"
                    | "media"
                    | "online"
                    | "twitter"
                    | "facebook"
                    | "written"
                    | "brief"
                    | "televised"
            ))
}

/// `text` without a leading phrase of when or how before "that" ("Tuesday that the
/// bridge will close", "in a statement that …"): what was said starts at "that".
fn without_circumstance(text: &str) -> &str {
    let dated = |word: &str| lexicon::is(word, TEMPORAL);
    let opens = text
        .split(' ')
        .next()
        .is_some_and(|first| dated(first) || circumstance_word(first, true));
    if !opens {
        return text;
    }
    // "in an interview with the Harbor Ledger that …": the phrase may name who asked,
    // but ends at no comma, which would close a clause of its own.
    let mut rest = text;
    for _ in 0..12 {
        let Some((word, after)) = rest.split_once(' ') else {
            return text;
        };
        if word == "that" {
            return rest;
        }
        if word.ends_with([',', ';', ':']) {
            return text;
        }
        rest = after;
    }
    text
}

/// `text` past a short phrase of time opening it with no "that" after ("Tuesday she
/// would run", "last week the vote would fail"): when it was said, not what. A day that is
/// the subject of what was said stays ("Tuesday was the deadline").
fn without_leading_time(text: &str) -> &str {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
    ];
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    let mut words = text.splitn(4, ' ');
    let mut next = || words.next().unwrap_or("");
    let (first, second, third) = (next(), next(), next());
    let is = |word: &str, options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
    let span = if is(first, DAYS) {
        // "Monday night", "Tuesday".
        1 + usize::from(is(second, PARTS))
    } else if (is(first, &["late", "early"]) && is(second, DAYS))
        || (is(first, &["last", "this", "next"])
            && (is(second, &["week", "month", "year", "weekend"])
                || is(second, PARTS)
                || is(second, DAYS)))
    {
        // "late Tuesday", "last week", "this morning".
        2
    } else {
        return text;
    };
    let after = if span == 1 { second } else { third };
    if after.is_empty() || super::words::auxiliary(&lexicon::lowercase(after)) {
        return text;
    }
    text.splitn(span + 1, ' ').last().unwrap_or(text)
}

/// Whether `text`, after a source that follows what it said ("“…,” Roe said in an
/// interview with the Ledger"), only says when, where or how: it opens such a phrase and
/// no "that" comes after it.
fn only_how(text: &str) -> bool {
    let opens = text
        .split(' ')
        .next()
        .is_some_and(|first| circumstance_word(first, true));
    opens && std::ptr::eq(without_circumstance(text), text)
}

/// Whether a clause starts with a quotation mark: a direct quote rather than a paraphrase.
fn opens_quotation(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{2018}', '\u{2019}', '\''])
}

/// What was said: the rest of the sentence after the verb, without a leading "that".
pub(in crate::extract) fn content(doc: &Doc, range: Range<usize>) -> Option<String> {
    let text = doc
        .as_written(range)
        .trim_start_matches([',', ':', ' '])
        .trim();
    let text = without_leading_time(without_circumstance(text));
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

/// What the source at `words`, credited by the reporting verb at `v`, said in `sentence`:
/// the words after the verb, or the clause before a source set off after it; nothing when
/// only when or how follows. `None` when a verb of reporting reports nothing in
/// particular ("The agency reports quarterly"): no attribution.
pub(super) fn what_was_said(
    doc: &Doc,
    c: &Clause,
    sentence: Range<usize>,
    words: Range<usize>,
    v: usize,
    kind: Verb,
) -> Option<Option<String>> {
    // "…, reports the Courier", "…, said Roe": what the source after its verb said is the
    // clause before it, unless that is a quotation, kept with the quote.
    let mut said = if words.start > v {
        content(doc, sentence.start..c.toks[v].start).filter(|text| !opens_quotation(text))
    } else {
        let said_from = after_listener(c, v);
        match c.toks.get(said_from) {
            Some(t) if said_from > v + 1 => content(doc, t.start..sentence.end),
            Some(_) => content(doc, c.toks[v].full_end..sentence.end),
            None => None,
        }
    };
    // "The agency reports quarterly" reports nothing in particular; "…, the poll
    // found." reports the clause before it.
    // "Lin endorsed Roe." has its object: a name, not an adverb or a date.
    let named_object = v + 1 < c.toks.len()
        && !matches!(c.word(v), "found" | "finds" | "know" | "knew" | "saw")
        && c.word(v + 1).starts_with(char::is_uppercase)
        && !c.is(v + 1, TEMPORAL);
    // "…, the Ledger reported, citing two officials": how, not what, when the
    // source is set off after the clause it reports.
    let set_off = words.start > 0 && c.breaks(words.start - 1, words.start);
    // "“…?” Roe said at the meeting, according to the Post": a sentence that
    // follows a quotation it tags.
    let tags_quotation =
        words.start == 0 && doc.text[..sentence.start].trim_end().ends_with(['”', '"']);
    if set_off && participle_follows(c, v)
        || (set_off || tags_quotation) && said.as_deref().is_some_and(only_how)
    {
        said = None;
    }
    let said_little = said
        .as_deref()
        .is_none_or(|t| t.split_whitespace().nth(1).is_none() && !named_object);
    // "The fees must be returned, the lawsuit says.": a source set off after
    // the clause reports that clause.
    let before = sentence.start..c.toks[words.start].start;
    // "…, the ministry said on Tuesday": when and how, not what.
    if kind == Verb::Finite && only_circumstance(c, v + 1..c.toks.len()) {
        said = None;
    }
    let closing = words.start > 0 && c.breaks(words.start - 1, words.start) && said.is_none();
    if kind == Verb::Report && said_little {
        match closing.then(|| content(doc, before)).flatten() {
            Some(text) => said = Some(text),
            None => return None,
        }
    } else if kind == Verb::Finite && closing {
        // A quotation before the source is the quote's own: its words are
        // kept with the quote, not again as a paraphrase.
        said = content(doc, before).filter(|text| !opens_quotation(text));
    }
    Some(said)
}
