//! Quotations of four words or more with their speakers: `“…,” one official remarked`,
//! `“…,” said Joe Biden`, `Biden said: “…”`, or a speaker named in the next sentence.

use std::ops::Range;

use super::Quote;
use super::discover::{Spot, title_case};
use super::entities::Table;
use super::lexicon::{SPEECH_VERBS, TEMPORAL, is};
use super::text::{Doc, Token};
use crate::load::EntityKind;

/// Fewer words than this is a scare quote or a title, not a statement.
const MIN_WORDS: usize = 4;
/// Longest speaker description kept ("a spokesperson for the White House National Security
/// Council").
const MAX_SPEAKER_WORDS: usize = 12;
/// Words that put a name inside a description of someone else ("an aide to Biden").
const PREPOSITIONS: &[&str] = &[
    "with", "to", "for", "from", "by", "near", "under", "about", "against", "beside", "behind",
];

/// Words that end a speaker phrase after the verb: "said Biden on Tuesday".
const PHRASE_ENDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "while",
    "when",
    "with",
    "via",
    "who",
    "which",
    "that",
    "as",
    "and",
    "but",
    "to",
    "from",
    "adding",
    "citing",
    "according",
    "told",
    "last",
    "this",
    "earlier",
    "later",
    "today",
    "yesterday",
];

/// Words between a speaker and the verb that are not part of the speaker: "Biden also said".
const FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "once",
    "further",
    "reportedly",
    "again",
    "recently",
    "separately",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "would",
    "will",
    "just",
    "simply",
    "earlier",
    "initially",
    "publicly",
    "privately",
    "flatly",
    "bluntly",
];

struct Span {
    open: usize,
    inner: Range<usize>,
    /// Where the text after the closing mark starts.
    after: usize,
}

pub fn find(doc: &Doc, table: &Table) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut previous_last: Option<Range<usize>> = None;
    for block in doc.prose() {
        let sents = doc.sentences_of(block);
        let first_here = out.len();
        for span in spans(&doc.text, block.range.clone()) {
            let raw = &doc.text[span.inner.clone()];
            let text = raw.trim().trim_end_matches(',').trim_end();
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            if words < MIN_WORDS || is_title(doc, block.range.start, &span, text) {
                continue;
            }
            let ctx = Context {
                doc,
                table,
                toks: &[],
            };
            let speaker = ctx.speaker(&span, sents, previous_last.clone());
            // A second quotation in a paragraph continues the first one's speaker.
            let (speaker, speaker_entity) = match speaker {
                Some((s, e)) => (Some(s), e),
                None => out[first_here..].last().map_or((None, None), |q| {
                    (q.speaker.clone(), q.speaker_entity.clone())
                }),
            };
            out.push(Quote {
                text: text.to_string(),
                speaker,
                speaker_entity,
            });
        }
        previous_last = sents.last().cloned();
    }
    out
}

/// Quotation spans in a block: curly pairs, straight pairs, and a quotation left open at
/// the end of a paragraph (it continues in the next one).
fn spans(text: &str, range: Range<usize>) -> Vec<Span> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Quotation marks are '"' or start with byte 0xE2 (“ ”): jump between those bytes.
    let marks = memchr::memchr2_iter(b'"', 0xE2, s.as_bytes())
        .filter_map(|i| s[i..].chars().next().map(|c| (i, c)));
    for (i, c) in marks {
        match (c, open) {
            ('“', None) | ('"', None) => open = Some((i, c)),
            ('”', Some((o, '“'))) | ('"', Some((o, '"'))) => {
                let len = c.len_utf8();
                out.push(Span {
                    open: base + o,
                    inner: base + o + len..base + i,
                    after: base + i + len,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, c)) = open {
        out.push(Span {
            open: base + o,
            inner: base + o + c.len_utf8()..base + s.len(),
            after: base + s.len(),
        });
    }
    out
}

/// A quoted title rather than a statement: right after a possessive ("ABC’s “The View”"),
/// or every word capitalised with no clause punctuation.
fn is_title(doc: &Doc, block_start: usize, span: &Span, text: &str) -> bool {
    let before = doc.text[block_start..span.open].trim_end();
    let possessive = (before.ends_with("’s") || before.ends_with("'s"))
        && before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    possessive || (title_case(text) && !text.contains([',', ';']))
}

struct Context<'a> {
    doc: &'a Doc,
    table: &'a Table<'a>,
    /// The words of the range being read.
    toks: &'a [Token],
}

fn sentence_at(sents: &[Range<usize>], at: usize) -> Option<usize> {
    sents
        .iter()
        .position(|s| s.start <= at && at < s.end.max(s.start + 1))
}

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks[i].text(&self.doc.text)
    }

    fn plain_gap(&self, a: usize, b: usize) -> bool {
        let g = &self.doc.text[self.toks[a].full_end..self.toks[b].start];
        g.chars().all(char::is_whitespace)
    }

    fn speech_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        !w.starts_with(char::is_uppercase) && is(w, SPEECH_VERBS)
    }

    /// The speaker as (name or description, entity name).
    fn speaker(
        mut self,
        span: &Span,
        sents: &[Range<usize>],
        previous_last: Option<Range<usize>>,
    ) -> Option<(String, Option<String>)> {
        let open_s = sentence_at(sents, span.open)?;
        let close_s = sentence_at(sents, span.inner.end.saturating_sub(1)).unwrap_or(open_s);
        let after = span.after.min(sents[close_s].end)..sents[close_s].end;
        let before = sents[open_s].start..span.open;
        let found = self
            .after_quote(after.clone())
            .or_else(|| self.before_quote(before.clone()));
        let found = found.or_else(|| {
            let quiet_after = self.doc.text[after].trim().is_empty();
            let quiet_before = self.doc.text[before].trim().is_empty();
            let next = sents.get(close_s + 1).filter(|_| quiet_after);
            let prev = if open_s > 0 {
                Some(sents[open_s - 1].clone())
            } else {
                previous_last
            }
            .filter(|p| quiet_before && self.doc.text[p.clone()].trim_end().ends_with(':'));
            next.and_then(|n| self.verb_after_speaker(n.clone()))
                .or_else(|| prev.and_then(|p| self.before_quote(p)))
        })?;
        self.resolve(found, span.open)
    }

    /// `, said Joe Biden` or `, one official remarked` after the closing mark.
    fn after_quote(&mut self, range: Range<usize>) -> Option<Range<usize>> {
        self.toks = self.doc.tokens_in(range.clone());
        let first = self.toks.first()?;
        let lead = &self.doc.text[range.start..first.start];
        if !lead.chars().all(|c| c.is_whitespace() || ",—–".contains(c)) {
            return None;
        }
        let verb_first = self.speech_verb(0) && self.word(0) != "told";
        let according = self.word(0) == "according"
            && self.toks.len() > 1
            && self.word(1) == "to"
            && self.plain_gap(0, 1);
        if verb_first || according {
            let from = if according { 2 } else { 1 };
            return self.phrase_from(from);
        }
        self.verb_after_speaker(range)
    }

    /// A speaker then a verb at the start of `range`: "Biden said in an appearance".
    fn verb_after_speaker(&mut self, range: Range<usize>) -> Option<Range<usize>> {
        self.toks = self.doc.tokens_in(range.clone());
        let limit = self.toks.len().min(MAX_SPEAKER_WORDS + 1);
        let mut verb = None;
        for i in 0..limit {
            if i > 0 && !self.plain_gap(i - 1, i) {
                break;
            }
            if i > 0 && self.speech_verb(i) {
                verb = Some(i);
                break;
            }
        }
        let v = verb?;
        let mut end = v;
        while end > 0 && FILLERS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        (end > 0).then(|| self.toks[0].start..self.toks[end - 1].full_end)
    }

    /// A speaker phrase starting at word `from`, up to punctuation or a word like "on".
    fn phrase_from(&self, from: usize) -> Option<Range<usize>> {
        let mut end = from;
        while end < self.toks.len() && end - from < MAX_SPEAKER_WORDS {
            if end > from && !self.plain_gap(end - 1, end) {
                break;
            }
            let w = self.word(end);
            if PHRASE_ENDS.contains(&w) || is(w, TEMPORAL) {
                break;
            }
            end += 1;
            if self.toks[end - 1].possessive() && end - from > 1 {
                break;
            }
        }
        (end > from).then(|| self.toks[from].start..self.toks[end - 1].full_end)
    }

    /// `Biden said:` or `Biden told reporters on Tuesday,` before the opening mark.
    fn before_quote(&mut self, range: Range<usize>) -> Option<Range<usize>> {
        self.toks = self.doc.tokens_in(range.clone());
        let n = self.toks.len();
        let last = self.toks.last()?;
        let tail = self.doc.text[last.full_end..range.end].trim();
        if !matches!(tail, "" | ":" | "," | "—" | "–") {
            return None;
        }
        let v = (0..n)
            .rev()
            .take(7)
            .take_while(|&i| i + 1 == n || self.plain_gap(i, i + 1))
            .find(|&i| self.speech_verb(i))?;
        let mut start = v;
        while start > 0 && v - start < MAX_SPEAKER_WORDS + 2 && self.plain_gap(start - 1, start) {
            start -= 1;
        }
        let mut end = v;
        while end > start && FILLERS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        while start < end && matches!(self.word(start), "and" | "but" | "then" | "so") {
            start += 1;
        }
        if end == start {
            return None;
        }
        let clause = self.toks[start].start..self.toks[end - 1].full_end;
        if end - start <= MAX_SPEAKER_WORDS {
            return Some(clause);
        }
        let spot = self.table.within(clause).last()?;
        Some(spot.start..spot.full_end)
    }

    /// Turns a speaker phrase into a name: an entity's canonical name when it names one,
    /// the person last mentioned for "he" or "she", else the description as written.
    fn resolve(&self, range: Range<usize>, quote_at: usize) -> Option<(String, Option<String>)> {
        let spots: Vec<&Spot> = self.table.within(range.clone()).collect();
        let raw = &self.doc.text[range.clone()];
        let phrase_start = range.start + raw.len() - raw.trim_start().len();
        let phrase = raw.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
        let phrase_end = phrase_start + phrase.len();
        let is_person = |s: &&&Spot| self.table.entities[s.entity].kind == EntityKind::Person;
        // A person speaks when their name heads or closes the phrase ("Joe Biden", "US
        // President Joe Biden"), not when it sits inside a description ("an aide to Biden",
        // "Biden's spokesman").
        let after_preposition = |s: &&&Spot| {
            let before = self.doc.text[phrase_start..s.start].trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            PREPOSITIONS.contains(&word.to_lowercase().as_str())
        };
        let speaking_person = spots.iter().filter(is_person).find(|s| {
            (s.end >= phrase_end && !after_preposition(s))
                || (s.start == phrase_start && s.full_end == s.end)
        });
        if let Some(s) = speaking_person {
            let e = &self.table.entities[s.entity];
            return Some((e.name.clone(), Some(e.name.clone())));
        }
        if let Some(s) = spots.iter().find(|s| !is_person(s)) {
            // "Hezbollah said" is Hezbollah; "a spokesperson for the White House" is a
            // description linked to the White House.
            let e = &self.table.entities[s.entity];
            let bare = phrase.strip_prefix("the ").unwrap_or(phrase);
            let surface = &self.doc.text[s.start..s.end];
            let speaker = if bare == surface || bare == &self.doc.text[s.start..s.full_end] {
                e.name.clone()
            } else {
                phrase.to_string()
            };
            return Some((speaker, Some(e.name.clone())));
        }
        if !spots.is_empty() {
            // A description that only mentions a person ("an aide to Biden") is kept as
            // written and linked to no one.
            return Some((phrase.to_string(), None));
        }
        match phrase.to_lowercase().as_str() {
            "he" | "she" => self
                .table
                .last_person_before(quote_at)
                .map(|e| (e.name.clone(), Some(e.name.clone()))),
            "" | "it" | "they" | "we" | "i" | "you" => None,
            _ => Some((phrase.to_string(), None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Quote;
    use crate::extract::tests::facts;

    fn quotes(markdown: &str) -> Vec<(String, Option<String>, Option<String>)> {
        facts(markdown)
            .quotes
            .into_iter()
            .map(
                |Quote {
                     text,
                     speaker,
                     speaker_entity,
                 }| (text, speaker, speaker_entity),
            )
            .collect()
    }

    fn one(
        text: &str,
        speaker: Option<&str>,
        entity: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            text.to_string(),
            speaker.map(str::to_string),
            entity.map(str::to_string),
        )
    }

    #[test]
    fn speaker_after_the_quote_as_a_description() {
        assert_eq!(
            quotes(
                "“If you don’t put together a package, the war won’t stop,” one official remarked."
            ),
            [one(
                "If you don’t put together a package, the war won’t stop",
                Some("one official"),
                None
            )]
        );
    }

    #[test]
    fn a_person_inside_a_description_is_not_the_speaker() {
        let text = "Antony Blinken flew to Cairo. A senior official travelling with Blinken said: “The path is harder today but it is not closed.” An aide to Blinken said: “We keep working with our partners on it.”";
        let found = quotes(text);
        assert_eq!(
            found[0].1.as_deref(),
            Some("A senior official travelling with Blinken")
        );
        assert_eq!(found[0].2, None);
        assert_eq!(found[1].1.as_deref(), Some("An aide to Blinken"));
    }

    #[test]
    fn speaker_after_the_verb_is_an_entity() {
        assert_eq!(
            quotes("“We will not give up on the talks,” said Joe Biden on Tuesday."),
            [one(
                "We will not give up on the talks",
                Some("Joe Biden"),
                Some("Joe Biden")
            )]
        );
    }

    #[test]
    fn speaker_before_the_quote_and_surname_resolution() {
        let text = "President Joe Biden arrived. Biden said: “The deal is close and we want it.”";
        assert_eq!(
            quotes(text),
            [one(
                "The deal is close and we want it.",
                Some("Joe Biden"),
                Some("Joe Biden")
            )]
        );
    }

    #[test]
    fn speaker_in_the_next_sentence_or_as_a_pronoun() {
        let text = "Mayor Ana Silva toured the site.\n\n“Nobody will be left behind here.” \
                    Silva said this to residents.\n\n“The money is already there,” she added.";
        assert_eq!(
            quotes(text),
            [
                one(
                    "Nobody will be left behind here.",
                    Some("Ana Silva"),
                    Some("Ana Silva")
                ),
                one(
                    "The money is already there",
                    Some("Ana Silva"),
                    Some("Ana Silva")
                ),
            ]
        );
    }

    #[test]
    fn short_quotes_and_titles_are_not_statements() {
        assert!(
            quotes("He called it “wide open” and spoke on ABC’s “The View of the Day.”").is_empty()
        );
        assert!(quotes("The film “The Lord Of The Rings” was shown.").is_empty());
    }

    #[test]
    fn straight_quotes_and_unclosed_paragraphs() {
        let plain = "A \"one two three four\" b “five six seven";
        let spans = super::spans(plain, 0..plain.len());
        let inner: Vec<&str> = spans.iter().map(|s| &plain[s.inner.clone()]).collect();
        assert_eq!(inner, ["one two three four", "five six seven"]);
        let text = "“We will keep fighting for every family in this city,\n\n“and we will win,” \
                    said Ana Silva.";
        let got = quotes(text);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].0,
            "We will keep fighting for every family in this city"
        );
    }

    #[test]
    fn second_quote_in_a_paragraph_keeps_the_speaker() {
        let text = "“The Fed is preparing the ground,” said Seema Shah. “The question is how \
                    far they go.”";
        let got = quotes(text);
        assert_eq!(got[1].1.as_deref(), Some("Seema Shah"));
    }

    #[test]
    fn quotes_in_code_are_ignored() {
        assert!(quotes("`\"this is not a quote at all\"`").is_empty());
    }
}
