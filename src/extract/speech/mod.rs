//! Reporting clauses: the phrase a reporting verb credits ("Roe said", "said Roe", "Roe, the
//! mayor’s campaign manager, said", "…, saying"), read from the words around the verb in one
//! sentence. Quotes take their speakers from here and attributions their sources.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{
    ACRONYM, CLAUSE_OPENERS, Class, DESCRIBING_PREPOSITIONS, DETERMINERS, DOCUMENTS, IN_NAME,
    LEAD_ADVERBS, LEAD_PREPOSITIONS, PHRASE_OPENERS, REPORT_VERBS, ROLE_NOUNS, SPEAKER_ENDS,
    SPEECH_BASE, SPEECH_FILLERS, SPEECH_NOUNS, SPEECH_PARTICIPLES, SPEECH_VERBS, STOP, TEMPORAL,
    TITLE_BASE, TITLE_MOD, US_STATES, lowercase, ly_adverb,
};
use super::reported::number_word;
use super::text::{Doc, Token, is_acronym};
pub use sentence::subordinate;
use words::{
    KIN_NOUNS, auxiliary, bare, collective_noun, opens_phrase, person_noun, progressive, verb,
};
pub use words::{clause_shape, irregular_past, is_listener_verb, participle_phrase};

/// Longest speaker phrase kept ("a spokesperson for the White House National Security
/// Council").
pub const MAX_WORDS: usize = 12;
/// How far back a phrase set off by commas may reach ("Roe, who …, said").
const MAX_INSERT: usize = 30;

/// The classes `verb` accepts.
const VERBS: Class = SPEECH_VERBS | SPEECH_BASE | SPEECH_PARTICIPLES | REPORT_VERBS;

/// How a reporting verb finds its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// "said", "told": the subject stands before it, or after it when inverted.
    Finite,
    /// "saying", or "to say": the subject of the main clause.
    Dependent,
    /// "found", "reported": a finite verb that documents and outlets use too.
    Report,
}

/// The words of one sentence (or part of one) and the helpers to read them.
pub struct Clause<'a> {
    pub doc: &'a Doc,
    pub toks: &'a [Token],
}

impl<'a> Clause<'a> {
    pub fn new(doc: &'a Doc, range: Range<usize>) -> Clause<'a> {
        Clause {
            doc,
            toks: doc.tokens_in(range),
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(&self.doc.text)
    }

    /// Word `i` in lower case, copied only when it has capitals; an acronym as written.
    pub fn lower(&self, i: usize) -> Cow<'a, str> {
        match self.toks[i].is(ACRONYM) {
            true => Cow::Borrowed(self.word(i)),
            false => lowercase(self.word(i)),
        }
    }

    /// Whether word `i` is in any of the lexicon classes `mask`.
    pub fn is(&self, i: usize, mask: Class) -> bool {
        self.toks[i].is(mask)
    }

    /// The kind of reporting verb word `i` is, as a word alone (`verb`).
    fn verb_word(&self, i: usize) -> Option<Verb> {
        verb(self.word(i), self.toks[i].classes)
    }

    pub fn gap(&self, a: usize, b: usize) -> &'a str {
        &self.doc.text[self.toks[a].full_end..self.toks[b].start]
    }

    pub fn plain(&self, a: usize, b: usize) -> bool {
        // Most gaps are one space, read as a byte without slicing the text.
        let (s, e) = (self.toks[a].full_end, self.toks[b].start);
        (e == s + 1 && self.doc.text.as_bytes()[s] == b' ')
            || self.gap(a, b).chars().all(char::is_whitespace)
    }

    /// A comma, dash or bracket between two words: the edge of an inserted phrase.
    pub fn breaks(&self, a: usize, b: usize) -> bool {
        self.gap(a, b).contains([',', '—', '–', '(', ')', ';'])
    }

    /// Whether word `i` opens a clause: after a comma or a word like "while", "but".
    fn opens_clause(&self, i: usize) -> bool {
        i == 0 || self.breaks(i - 1, i) || self.is(i - 1, CLAUSE_OPENERS)
    }

    /// How many words `words` holds, a name's later words not counted: the reach of a
    /// phrase is in things named, not in the length of their names.
    pub fn weight(&self, words: Range<usize>) -> usize {
        words.filter(|&i| !self.is(i, IN_NAME)).count()
    }

    /// Byte range of words `a..b`.
    pub fn bytes(&self, words: Range<usize>) -> Range<usize> {
        self.toks[words.start].start..self.toks[words.end - 1].full_end
    }

    /// The subject of the finite verb at `v`, looking back no further than word `floor`:
    /// "Roe said", "Roe also said", "Roe, the mayor’s campaign manager, said", "Ash, who …,
    /// tweeted".
    pub fn subject_before(&self, v: usize, floor: usize) -> Option<Range<usize>> {
        let mut end = self.skip_fillers(v, floor);
        if end > floor && self.breaks(end - 1, end) {
            let mut j = end - 1;
            while j > floor && end - j < MAX_INSERT && !self.breaks(j - 1, j) {
                j -= 1;
            }
            if j > floor && self.breaks(j - 1, j) {
                end = j;
            }
        }
        // "Ash, a contestant on the show, “Harbor,” who …, said": past a quoted title set
        // off by commas too.
        if end > floor && self.gap(end - 1, end).contains(['”', '"']) {
            let mut j = end - 1;
            while j > floor && end - j < MAX_WORDS && !self.gap(j - 1, j).contains(['“', '"']) {
                j -= 1;
            }
            if j > floor && self.gap(j - 1, j).contains(['“', '"']) && self.comma(j - 1, j) {
                end = j;
            }
        }
        // "Roe (D-Md.), chair of the committee, said": past the bracket too.
        if end > floor && self.gap(end - 1, end).contains(')') {
            let mut j = end - 1;
            while j > floor && !self.gap(j - 1, j).contains('(') {
                j -= 1;
            }
            if j > floor {
                end = j;
            }
        }
        let relative = end > floor && self.word(end - 1) == "who";
        if relative {
            end -= 1;
        }
        if end == floor || matches!(self.word(end - 1), "which" | "that" | "to") {
            return None;
        }
        let last = end - 1;
        if self.is(last, CLAUSE_OPENERS) || self.verb_word(last).is_some() {
            return None;
        }
        let mut start = self.phrase_start(last, end, floor);
        // "the groups who wrote to her said": the clause's own reporting verb stopped the
        // phrase; "who" stands before it.
        let clause_verb = start > floor + 2
            && self.verb_word(start - 1).is_some()
            && self.word(start - 2) == "who"
            && self.plain(start - 1, start);
        if !relative && clause_verb {
            start -= 1;
        }
        // "an official who spoke on condition of anonymity said": the relative clause
        // describes the one who speaks, named before "who".
        if !relative
            && start > floor + 1
            && self.word(start - 1) == "who"
            && self.plain(start - 2, start - 1)
            && self.plain(start - 1, start)
            && !self.is(start - 2, CLAUSE_OPENERS)
            && self.verb_word(start - 2).is_none()
        {
            let head = self.phrase_start(start - 2, start - 1, floor);
            // "those who back her", "anyone who knows him": the clause is what says who.
            let bare = head + 2 == start
                && matches!(
                    &*self.lower(head),
                    "those"
                        | "anyone"
                        | "everyone"
                        | "someone"
                        | "people"
                        | "many"
                        | "some"
                        | "others"
                        | "all"
                );
            if !bare && let Some(phrase) = self.noun_phrase(head..start - 1) {
                return self
                    .appositive_head(phrase.clone(), floor, v)
                    .or(Some(phrase));
            }
        }
        // "Roe of Columbia, South Carolina says": the state of the town the speaker is from.
        if start > floor + 1 && self.comma(start - 1, start) && end - start <= 2 {
            let town = self.phrase_start(start - 1, end, floor);
            let from = (town..start - 1).rev().find(|&i| {
                matches!(self.word(i), "of" | "from")
                    && (i + 1..start).all(|j| self.word(j).starts_with(char::is_uppercase))
            });
            if from.is_some_and(|i| i > town) {
                start = town;
            }
        }
        // "an endorsement from Ana Ruiz, who declared", "remarks made by an aide who said":
        // "who" refers to the preposition's object.
        if relative {
            if let Some(by) = (start..last).rev().find(|&i| self.word(i) == "by") {
                start = by + 1;
            } else if self.is(start, LEAD_PREPOSITIONS) {
                start += 1;
            } else if ly_adverb(self.word(start))
                && let Some(at) = (start + 1..last).find(|&i| self.is(i, LEAD_PREPOSITIONS))
            {
                // "react as favorably to a candidate who said": the noun after the
                // adverb's preposition.
                start = at + 1;
            }
        }
        let phrase = self.noun_phrase(start..end)?;
        // "Roe, a top aide said, “…”": a description right before the verb, no comma
        // between, is the subject; the name before it is what the words are about.
        if phrase.end == v
            && phrase.start > floor
            && self.comma(phrase.start - 1, phrase.start)
            && self.is(phrase.start, DETERMINERS)
        {
            return Some(phrase);
        }
        // "Roe, during a visit to Dover, said": an inserted prepositional phrase gives way to
        // the name before it, as a description does.
        let inserted = start < phrase.start && self.is(start, LEAD_PREPOSITIONS);
        self.appositive_head(phrase.clone(), floor, v)
            .or_else(|| {
                inserted
                    .then(|| self.appositive_head(start..end, floor, v))
                    .flatten()
            })
            .or(Some(phrase))
    }

    /// The speaker a quotation after the finite verb at `v` is credited to: its subject, or
    /// for a clause that a reporting verb reports ("Roe said voters want “…”", "Roe said
    /// that officials plan “…”") the outer verb's subject.
    pub fn speaker_before(&self, v: usize, floor: usize) -> Option<Range<usize>> {
        let phrase = self.subject_before(v, floor)?;
        let outer = self
            .verb_before(phrase.start, floor)
            .or_else(|| self.reporting_verb_of(phrase.start, floor));
        match outer {
            // "Roe criticized the plan and said allies want “…”": the outer verb may share
            // its subject with one before it.
            Some(outer) if outer < v && self.verb_word(outer) == Some(Verb::Finite) => self
                .speaker_before(outer, floor)
                .or_else(|| self.shared_subject(outer))
                .or(Some(phrase)),
            _ => Some(phrase),
        }
    }

    /// The verb right before a phrase starting at word `start`, past a "that": the phrase is
    /// then that verb's object or the subject of a clause it reports.
    fn verb_before(&self, start: usize, floor: usize) -> Option<usize> {
        let mut p = start
            .checked_sub(1)
            .filter(|&p| p >= floor && self.plain(p, start))?;
        if self.word(p) == "that" && p > floor && self.plain(p - 1, p) {
            p -= 1;
        }
        self.verb_word(p).is_some().then_some(p)
    }

    /// Back from word `start` (inclusive) over words in plain succession, to no further than
    /// `floor` nor `MAX_WORDS` before `end`, stopping at a clause opener or a verb.
    fn phrase_start(&self, mut start: usize, end: usize, floor: usize) -> usize {
        // "president and CEO of Acme": two offices joined, not two clauses.
        let offices = |p: usize| {
            p > floor
                && self.word(p) == "and"
                && self.is(p - 1, ROLE_NOUNS | TITLE_BASE)
                && self.is(p + 1, ROLE_NOUNS | TITLE_BASE)
        };
        // "author of “Harbor Lights”": a capitalised title quoted after a lowercase word
        // belongs to the phrase.
        let title = |p: usize, start: usize| {
            matches!(self.gap(p, start).trim(), "“" | "\"")
                && self.word(p).starts_with(char::is_lowercase)
                && self.word(start).starts_with(char::is_uppercase)
        };
        let mut words = end - start;
        while start > floor && words < MAX_WORDS {
            let p = start - 1;
            // "an email sent on Tuesday night": a day before a time of day is inside the
            // phrase, not its edge.
            let day_part = self.is(p, TEMPORAL)
                && matches!(
                    self.word(start),
                    "morning" | "afternoon" | "evening" | "night"
                );
            if !(self.plain(p, start) || title(p, start))
                || (self.is(p, CLAUSE_OPENERS | TEMPORAL) && !offices(p) && !day_part)
                || self.verb_word(p).is_some()
            {
                break;
            }
            start -= 1;
            // "experts Dana Reyes and Tom Ash of the Institute for Science and Security":
            // a long name is one thing said, not a dozen words.
            if !self.is(start, IN_NAME) {
                words += 1;
            }
        }
        start
    }

    /// The name an appositive chain hangs from: an inserted phrase may itself hold commas
    /// ("Dean Ames, a salesman from Dover, Delaware, says", "Ash, 35, the daughter of …,
    /// said", "Roe, who lives outside the capital, Dover, said"), so a phrase that reads as a
    /// description (a lowercase or numeric first word, or a relative clause) after a comma
    /// gives way to the name before it. `None` when no such name stands within reach of the
    /// verb at `v`.
    fn appositive_head(
        &self,
        phrase: Range<usize>,
        floor: usize,
        v: usize,
    ) -> Option<Range<usize>> {
        let mut seg = phrase.start;
        // "Vale, a lawyer who worked for Sen. Reyes (R-Ohio), one of …, said": a name after
        // a preposition is inside a description, which opens at the comma before it.
        let object = (seg.max(1)..phrase.end).find(|&i| {
            self.is(i - 1, DESCRIBING_PREPOSITIONS)
                && self.word(i - 1).starts_with(char::is_lowercase)
                && self.plain(i - 1, i)
                && (i..phrase.end).all(|j| self.word(j).starts_with(char::is_uppercase))
        });
        if let Some(i) = object {
            let mut k = i - 1;
            while k > floor && v - k < MAX_INSERT && !self.breaks(k - 1, k) {
                k -= 1;
            }
            if k > floor && self.comma(k - 1, k) && !self.word(k).starts_with(char::is_uppercase) {
                seg = k;
            }
        }
        while v - seg < MAX_INSERT {
            let first = self.word(seg);
            let relative = seg > floor
                && matches!(self.word(seg - 1), "who" | "which")
                && self.plain(seg - 1, seg);
            // "a salesman", "the head of", "35", "chairman of", "who lives", "during a
            // visit": not "he", "Monday" nor "leading the race".
            let described = relative
                || first.starts_with(|c: char| c.is_ascii_digit())
                || (first.starts_with(char::is_lowercase)
                    && self.is(
                        seg,
                        DETERMINERS | ROLE_NOUNS | TITLE_BASE | TITLE_MOD | LEAD_PREPOSITIONS,
                    ));
            if !described {
                return None;
            }
            seg -= usize::from(relative);
            // "Roe, a pollster who is working with Ash Corp, said": a relative clause hangs
            // from the description right before it.
            let within = relative && seg > floor && self.plain(seg - 1, seg);
            if seg <= floor || !(within || self.comma(seg - 1, seg)) {
                return None;
            }
            let end = seg;
            if within {
                seg = self.phrase_start(end - 1, end, floor);
                continue;
            }
            seg = self.phrase_start(end - 1, end, floor);
            if self.names_someone(seg..end) && (seg == floor || self.comma(seg - 1, seg)) {
                return Some(seg..end);
            }
        }
        None
    }

    /// A comma or dash (not a bracket) between two words.
    pub fn comma(&self, a: usize, b: usize) -> bool {
        let gap = self.gap(a, b);
        gap.contains([',', '—', '–']) && !gap.contains(['(', ')'])
    }

    /// Words that read as a name, possibly with a title: capitalised at both ends, no
    /// verb, not an opening phrase ("In Dover", "Speaking in Dover").
    fn names_someone(&self, words: Range<usize>) -> bool {
        let (first, last) = (self.word(words.start), self.word(words.end - 1));
        words.len() <= MAX_WORDS / 2
            && first.starts_with(char::is_uppercase)
            && last.starts_with(char::is_uppercase)
            && !first.ends_with("ing")
            && !self.is(
                words.start,
                STOP | TEMPORAL | LEAD_PREPOSITIONS | LEAD_ADVERBS | CLAUSE_OPENERS,
            )
            && words.clone().all(|i| {
                self.verb_word(i).is_none()
                    && (self.word(i).starts_with(char::is_uppercase)
                        || self.is(i, ROLE_NOUNS | TITLE_BASE | TITLE_MOD))
            })
    }

    /// Back from `v` over "also", "on Tuesday" and adverbs.
    fn skip_fillers(&self, v: usize, floor: usize) -> usize {
        let mut end = v;
        while end > floor && self.plain(end - 1, end) {
            let w = self.word(end - 1);
            // "who has long dismissed": "long" after "has" is an adverb of time.
            let adverb = ly_adverb(w)
                || (w == "long"
                    && end - 1 > floor
                    && matches!(self.word(end - 2), "has" | "had" | "have"));
            // "columnist Dana Will wrote": a name's word is no auxiliary.
            if (self.is(end - 1, SPEECH_FILLERS) && !self.is(end - 1, IN_NAME)) || adverb {
                end -= 1;
            } else if self.is(end - 1, TEMPORAL) && w.starts_with(char::is_uppercase) {
                end -= 1;
                if end > floor
                    && self.plain(end - 1, end)
                    && matches!(
                        self.word(end - 1),
                        "on" | "last" | "this" | "late" | "early"
                    )
                {
                    end -= 1;
                }
            } else {
                break;
            }
        }
        end
    }

    /// A speaker phrase, or `None` when the words cannot be one: leading prepositional
    /// phrases dropped ("At the rally the candidate" is "the candidate").
    fn noun_phrase(&self, mut words: Range<usize>) -> Option<Range<usize>> {
        while !words.is_empty() && matches!(self.word(words.start), "and" | "but" | "then" | "so") {
            words.start += 1;
        }
        if !words.is_empty() && self.is(words.start, LEAD_ADVERBS) {
            words.start += 1;
        }
        // "At the rally the candidate", "infringing on what the founders": the object of a
        // preposition or participle ends where the subject starts.
        if !words.is_empty()
            && (self.is(words.start, LEAD_PREPOSITIONS) || progressive(self.word(words.start)))
        {
            // "after Roe argued", "after the mayor argued": a conjunction's clause has its
            // subject right after it.
            let conjunction = matches!(self.word(words.start), "after" | "before" | "since");
            let next = (words.start + 2..words.end)
                .find(|&i| {
                    let w = self.word(i);
                    matches!(w, "a" | "an" | "the")
                        || (w.starts_with(char::is_uppercase)
                            && !self.word(i - 1).starts_with(char::is_uppercase))
                })
                .or((conjunction && words.len() > 1).then_some(words.start + 1))
                // "in states that vote in March": not past a clause of the object's own.
                .filter(|&next| !(words.start + 1..next).any(|i| self.is(i, CLAUSE_OPENERS)))?;
            words.start = next;
        }
        let last = words.end.checked_sub(1)?;
        // "the two": people counted, though a number usually opens a phrase.
        let counted =
            words.len() == 2 && self.word(words.start) == "the" && counted(self.word(last));
        if words.is_empty()
            || self.weight(words.clone()) > MAX_WORDS
            || (words.len() > 1 && self.is(last, PHRASE_OPENERS | CLAUSE_OPENERS) && !counted)
        {
            return None;
        }
        Some(words)
    }
}

mod after;
mod sentence;
mod verbal;
use verbal::counted;
#[cfg(test)]
mod opening_tests;
#[cfg(test)]
mod tests;
mod words;
