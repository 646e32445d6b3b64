//! Quotations of four words or more with their speakers: `“…,” one official remarked`,
//! `“…,” said Joe Biden`, `Biden said: “…”`, `Roe said the city was “…”`, `Roe: “…”`, or a
//! speaker named in the next sentence; pronouns resolve to the person they refer to.

use std::ops::Range;

use super::Quote;
use super::discover::title_case;
use super::entities::Table;
use super::lexicon::{ROLE_NOUNS, SPEECH_PARTICIPLES, SPEECH_VERBS, is};
use super::salience::Salience;
use super::speech::Clause;
use super::text::Doc;
use crate::load::EntityKind;
use crate::model::Name;
use resolve::Speaker;

/// Fewer words than this is a scare quote or a title, not a statement.
const MIN_WORDS: usize = 4;
/// How many words a reporting verb may stand from the quotation it introduces.
const MAX_REACH: usize = 40;

struct Span {
    open: usize,
    inner: Range<usize>,
    /// Where the text after the closing mark starts.
    after: usize,
    /// False for a quotation left open at the end of its paragraph.
    closed: bool,
}

/// The ranges inside quotation marks, in order: words there are not the article's own.
pub fn quoted(doc: &Doc) -> Vec<Range<usize>> {
    doc.prose()
        .flat_map(|b| spans(&doc.text, b.range.clone()))
        .map(|s| s.inner)
        .collect()
}

/// The quotations with their speakers, each with the position of its opening mark.
pub fn find(doc: &Doc, table: &Table, salience: &Salience) -> Vec<(usize, Quote)> {
    let ctx = Context {
        doc,
        table,
        salience,
    };
    let mut out: Vec<(usize, Quote)> = Vec::new();
    let mut previous_last: Option<Range<usize>> = None;
    // The speaker of a quotation left open at the end of the previous paragraph.
    let mut open_quote: Option<Said> = None;
    let mut previous_speaker: Option<Said> = None;
    // The last speaker that "it" can stand for: an organisation or a description.
    let mut last_thing: Option<Said> = None;
    for block in doc.prose() {
        let sents = doc.sentences_of(block);
        let spans = spans(&doc.text, block.range.clone());
        let mut floor = block.range.start;
        let first_here = out.len();
        let mut carried = open_quote.take();
        // A paragraph that is only a quotation continues the previous paragraph's speaker.
        let only_quotes = {
            let mut rest = doc.text[block.range.clone()].to_string();
            for s in spans.iter().rev() {
                rest.replace_range(s.open - block.range.start..s.after - block.range.start, "");
            }
            !rest.chars().any(char::is_alphanumeric)
        };
        if carried.is_none() && only_quotes {
            carried = previous_speaker.clone();
        }
        // The last speaker in this paragraph, also of quotations too short to keep, so the
        // second part of `“Yes,” Ash said. “…”` is Ash's.
        let mut last: Option<Said> = None;
        // The last quotation kept with no speaker, and where it ends.
        let mut unsaid: Option<(usize, usize)> = None;
        for (k, span) in spans.iter().enumerate() {
            let raw = doc.as_written(span.inner.clone());
            let text = raw.trim().trim_end_matches(',').trim_end();
            let words = word_count(text);
            let before_floor = floor;
            floor = span.after;
            // A short quoted name inside the attribution ("Roe, wearing “Vote Ash” pins,
            // said") does not end it; the next quotation proper does.
            let next_open = spans[k + 1..]
                .iter()
                .find(|n| word_count(&doc.text[n.inner.clone()]) >= MIN_WORDS)
                .map_or(block.range.end, |n| n.open);
            if is_title(doc, block.range.start, span, text) {
                // A capitalised remark with its speaker ("“Like Dover. Or Ely,” Roe said.
                // “…”") still tells who speaks next.
                // Only a title that opens its sentence can be such a remark: in "Lane,
                // author of “Harbor,” a novel, said …" the words after it are the sentence's.
                let end = sentence_at(sents, span.inner.end.saturating_sub(1))
                    .map_or(next_open, |i| sents[i].end.min(next_open));
                let opens_sentence = sentence_at(sents, span.open)
                    .is_none_or(|i| doc.text[sents[i].start..span.open].trim().is_empty());
                if let Some(s) = opens_sentence
                    .then(|| ctx.after_quote(span.after.min(end)..end))
                    .flatten()
                    .and_then(|r| ctx.resolve(r, span.open))
                {
                    last = Some(Said::of(s));
                }
                // A title is part of its sentence ("Lane, star of “Harbor,” thanked …"): the
                // next quotation's speaker may stand before it.
                floor = before_floor;
                continue;
            }
            let found = ctx.speaker(
                span,
                before_floor,
                next_open,
                sents,
                previous_last.clone(),
                last.is_some(),
            );
            let continues = doc.text[block.range.start..span.open].trim().is_empty();
            let tagged = matches!(found, Some(Tag::Named(_)));
            let said = match found {
                Some(Tag::Named(s)) => Some(Said::of(s)),
                // "It added, “…”": the last thing, not person, that spoke.
                Some(Tag::It) => last_thing.clone(),
                None => None,
            }
            .or_else(|| {
                last.clone()
                    .or_else(|| carried.clone().filter(|_| continues))
            })
            .or_else(|| {
                // "Then, later on the radio: “…”": the speaker before goes on.
                let lead = sentence_at(sents, span.open).map(|i| sents[i].start)?;
                previous_speaker
                    .clone()
                    .filter(|_| ctx.scene_only(lead..span.open))
            });
            if let Some(s) = said.as_ref().filter(|s| s.is_thing(table)) {
                last_thing = Some(s.clone());
            }
            carried = None;
            last = said.clone().or(last);
            let open_at_end = !span.closed;
            // The quotation before this one, kept, when its tag may split the two.
            let split_from = (k > 0 && tagged)
                .then(|| &spans[k - 1])
                .filter(|b| out[first_here..].last().is_some_and(|q| q.0 == b.open));
            if words < MIN_WORDS && !ctx.short_statement(span, raw, sents, next_open, split_from) {
                continue;
            }
            // "“keep every ferry” and “build the bridge,” said Roe": a quotation
            // joined to the next by "and" or a comma is that one's speaker's.
            if let Some((i, end)) = unsaid.take()
                && tagged
                && let Some(Said(speaker, entity, role)) = said.clone()
                && matches!(
                    doc.text[end..span.open].trim(),
                    "and" | "or" | "," | ", and"
                )
            {
                out[i].1.speaker = speaker;
                out[i].1.speaker_entity = entity;
                out[i].1.speaker_role = role;
            }
            let Said(speaker, speaker_entity, speaker_role) = said.unwrap_or_default();
            if open_at_end {
                open_quote = Some(Said(
                    speaker.clone(),
                    speaker_entity.clone(),
                    speaker_role.clone(),
                ));
            }
            if speaker.is_none() {
                unsaid = Some((out.len(), span.after));
            }
            out.push((
                span.open,
                Quote {
                    text: text.into(),
                    speaker,
                    speaker_entity,
                    speaker_role,
                },
            ));
        }
        previous_last = sents.last().cloned();
        let before = previous_speaker.take();
        previous_speaker = out[first_here..]
            .last()
            .map(|(_, q)| {
                Said(
                    q.speaker.clone(),
                    q.speaker_entity.clone(),
                    q.speaker_role.clone(),
                )
            })
            .filter(|s| s.0.is_some())
            .or_else(|| {
                // A person the last sentence is about, else the speaker of its reporting
                // verb ("People want proof, he told reporters."), else the person who speaks
                // last in it. "She pauses.": a pronoun subject, for its person.
                let last = sents.last()?.clone();
                let said = |r: Option<Range<usize>>| ctx.resolve(r?, block.range.end);
                said(
                    ctx.person_subject(last.clone(), true)
                        .or_else(|| ctx.reporting_subject(last.clone())),
                )
                .or_else(|| said(ctx.last_speaking_person(last)))
                .map(Said::of)
            })
            .or_else(|| {
                // "Pause.", "(Laughter.)": a stage direction between the quotations of one
                // speaker names no one and keeps the speaker.
                let aside = out.len() == first_here
                    && block.range.len() <= 40
                    && word_count(&doc.text[block.range.clone()]) <= 2;
                before.filter(|_| aside)
            });
    }
    out
}

/// A speaker as it is stored on a quote: name, entity, role.
#[derive(Debug, Clone, Default)]
struct Said(Option<Name>, Option<Name>, Option<Name>);

/// Who a quotation's tag names: a speaker, or "it", the last thing that spoke.
enum Tag {
    Named(Speaker),
    It,
}

impl Said {
    /// Whether "it" can stand for this speaker: an organisation, or a description of a
    /// thing or a body ("the newspaper", "the company"), not a person.
    fn is_thing(&self, table: &Table) -> bool {
        match (&self.0, &self.1) {
            (_, Some(entity)) => table
                .entities
                .iter()
                .any(|e| e.name == entity.as_str() && e.kind == EntityKind::Organization),
            (Some(name), None) => {
                let name = name.as_str();
                (name.starts_with("the ") || name.starts_with("The "))
                    && name.rsplit(' ').next().is_some_and(|w| !is(w, ROLE_NOUNS))
            }
            (None, None) => false,
        }
    }

    fn of(speaker: Speaker) -> Said {
        Said(
            Some(speaker.name.into()),
            speaker.entity.map(Name::from),
            speaker.role.map(Name::from),
        )
    }
}

/// Quotation spans in a block: curly pairs, straight pairs, and a quotation left open at
/// the end of a paragraph (it continues in the next one).
fn spans(text: &str, range: Range<usize>) -> Vec<Span> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut nested = 0usize;
    // The next paragraph opens with a quotation mark: a quotation here may be left open
    // to go on there.
    let runs_on = text[range.end..].trim_start().starts_with(['“', '"']);
    // Quotation marks are '"' or start with byte 0xE2 (“ ”): jump between those bytes.
    let marks = memchr::memchr2_iter(b'"', 0xE2, s.as_bytes())
        .filter_map(|i| s[i..].chars().next().map(|c| (i, c)));
    for (i, c) in marks {
        if c != '“' && inch_mark(&s[..i]) && s[i + c.len_utf8()..].contains(['”', '"']) {
            continue;
        }
        // Typographic quotes set by a program often face the wrong way ("speech,“ Ash
        // said"): a mark glued to the word before closes, one glued to the word after
        // opens.
        let glued_before = s[..i]
            .chars()
            .next_back()
            .is_some_and(|p| !p.is_whitespace());
        let glued_after = s[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let c = match (c, open) {
            ('“', Some(_)) if glued_before || !glued_after => '”',
            ('”', None) if glued_after && !glued_before => '“',
            _ => c,
        };
        match (c, open) {
            // A quotation inside the quotation (“… the “cell phone only” voters …”), when
            // the next two marks close both.
            ('“', Some(_)) if closes_twice(&s[i + c.len_utf8()..], runs_on) => nested += 1,
            ('”', Some(_)) if nested > 0 => nested -= 1,
            // Quotation marks are often mismatched in published text (“…" or "…”).
            ('“' | '"', None) => open = Some((i, c)),
            ('”' | '"', Some((o, _))) => {
                // Mismatched marks differ in length (`"` is one byte, `“` and `”` three):
                // each is measured where it stands.
                let width = |at: usize| s[at..].chars().next().map_or(1, char::len_utf8);
                out.push(Span {
                    open: base + o,
                    inner: base + o + width(o)..base + i,
                    after: base + i + width(i),
                    closed: true,
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
            closed: false,
        });
    }
    out
}

/// Whether a closing mark after `before` is the inches of a height ("he is like 6’2”"),
/// a later mark closing the quotation.
fn inch_mark(before: &str) -> bool {
    let b = before.as_bytes();
    let inches = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let rest = &before[..b.len() - inches];
    let feet = rest
        .strip_suffix('’')
        .or_else(|| rest.strip_suffix('\''))
        .filter(|r| r.ends_with(|c: char| c.is_ascii_digit()));
    (1..=2).contains(&inches) && feet.is_some()
}

/// Whether the next two quotation marks in `rest` are both closing curly marks: an inner
/// quotation then the end of the outer one. When the quotation runs on into the next
/// paragraph, the inner one's close may be the paragraph's last mark.
fn closes_twice(rest: &str, runs_on: bool) -> bool {
    let mut marks = rest.chars().filter(|c| matches!(c, '“' | '”' | '"'));
    marks.next() == Some('”')
        && match marks.next() {
            Some(mark) => mark == '”',
            None => runs_on,
        }
}

/// A quoted title rather than a statement: capitalised right after a possessive ("ABC’s
/// “The View”", not "Roe’s “plan is doomed”"), or every word capitalised with no clause
/// punctuation.
fn is_title(doc: &Doc, block_start: usize, span: &Span, text: &str) -> bool {
    let before = doc.text[block_start..span.open].trim_end();
    let possessive = (before.ends_with("’s") || before.ends_with("'s"))
        && text.starts_with(char::is_uppercase)
        && before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    possessive || (title_case(text) && !text.contains([',', ';']))
}

struct Context<'a> {
    doc: &'a Doc,
    table: &'a Table<'a>,
    salience: &'a Salience,
}

/// Words with a letter or digit in them.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn sentence_at(sents: &[Range<usize>], at: usize) -> Option<usize> {
    let i = sents.partition_point(|s| s.end.max(s.start + 1) <= at);
    sents.get(i).filter(|s| s.start <= at).map(|_| i)
}

impl Context<'_> {
    /// The speaker of the quotation `span`, reading no further back than byte `floor` (the
    /// end of the previous quotation) nor further on than `next_open`.
    fn speaker(
        &self,
        span: &Span,
        floor: usize,
        next_open: usize,
        sents: &[Range<usize>],
        previous_last: Option<Range<usize>>,
        earlier_speaker: bool,
    ) -> Option<Tag> {
        let open_s = sentence_at(sents, span.open)?;
        let close_s = sentence_at(sents, span.inner.end.saturating_sub(1)).unwrap_or(open_s);
        let after = span.after.min(sents[close_s].end)..sents[close_s].end.min(next_open);
        let before = sents[open_s].start.max(floor)..span.open;
        // "Ash claimed that “…,” one prosecutor said the cases differ": a quotation that a
        // verb before it reports is that verb's speaker's, whatever follows.
        let reported = self.doc.text[before.clone()].trim_end().ends_with(" that");
        let quiet_before = self.doc.text[before.clone()].trim().is_empty();
        // "… rules that have a “harsh impact” on workers, the lawsuit says": a phrase quoted
        // in a sentence that closes with its source is the source's, unless a verb of speech
        // before the phrase reports it ("Roe said the plan brings “jobs”, the paper says").
        let speech_before_as = |classes| {
            Clause::new(self.doc, before.clone())
                .toks
                .iter()
                .any(|t| t.classes & classes != 0)
        };
        let speech_before = || speech_before_as(SPEECH_VERBS | SPEECH_PARTICIPLES);
        // "Roe welcomed the news, saying it was “…,” the Ledger reported.": a source that
        // closes the sentence relays what a participle before the phrase reports, as
        // attribution corpora credit the outer source; a finite verb keeps its words.
        let relayed = |r: &Range<usize>| {
            let rest = self.doc.text.get(r.end..after.end).unwrap_or_default();
            word_count(rest) <= 2 && !speech_before_as(SPEECH_VERBS)
        };
        let found = if reported {
            self.before_quote(before.clone())
                .or_else(|| self.after_quote(after.clone()))
        } else {
            // "Roe said he would “…,” the crowd applauded": a verb of speech before the
            // phrase reports it; a verb of reaction after it is another clause's.
            self.owned_quotation(span)
                .or_else(|| {
                    self.after_quote_by(after.clone())
                        .filter(|&(_, reaction)| !reaction || quiet_before || !speech_before())
                        .map(|(words, _)| words)
                })
                .or_else(|| {
                    // "According to Roe, the plan had “…” results and “…”": every phrase of a
                    // sentence that opens with its source is the source's, also when the
                    // source reports someone else's words ("According to the paper, Ash
                    // said “…”"), as attribution corpora credit the outer source.
                    if let Some(source) = self.according_opening(sents[open_s].start..span.open) {
                        return Some(source);
                    }
                    (!quiet_before)
                        .then(|| self.closing_attribution(after.clone()))
                        .flatten()
                        .filter(|r| !speech_before() || relayed(r))
                        // "…, in Harlow’s words, “…”": whose words, right before them.
                        .or_else(|| self.view_of(before.clone(), true))
                        .or_else(|| self.before_quote(before.clone()))
                })
        };
        // A quotation after another in the same sentence ("Roe said she would “…” and
        // insisted that “…”") with no verb of its own is the earlier one's speaker's.
        if found.is_none() && earlier_speaker && floor > sents[open_s].start {
            return None;
        }
        let found = found.or_else(|| {
            let quiet_after = self.doc.text[after.clone()].trim().is_empty();
            let next = sents.get(close_s + 1).filter(|_| quiet_after);
            let prev = if open_s > 0 {
                Some(sents[open_s - 1].clone())
            } else {
                previous_last
            }
            .filter(|p| quiet_before && self.doc.text[p.clone()].trim_end().ends_with(':'));
            // A quotation opening its sentence after one about a person is that person's
            // ("Bolton distanced himself from the movement. “I’m going to support him”").
            let quoting = |r: &Range<usize>| self.doc.text[r.clone()].contains(['“', '”', '"']);
            // So is one after a sentence someone reported ("The plan was simple, Roe said.
            // “We will …”").
            let subject_before = (open_s > 0 && quiet_before && !quoting(&sents[open_s - 1]))
                .then(|| {
                    let prev = sents[open_s - 1].clone();
                    self.person_subject(prev.clone(), false)
                        .or_else(|| self.reporting_subject(prev).filter(|r| self.can_speak(r)))
                })
                .flatten();
            // A paragraph that is only the quotation, signed on the line below it.
            let whole_block =
                quiet_before && quiet_after && open_s == 0 && close_s + 1 == sents.len();
            next.and_then(|n| self.next_sentence(n.clone()))
                .or_else(|| whole_block.then(|| self.signed_below(span.open)).flatten())
                .or_else(|| {
                    quiet_before
                        .then(|| self.closing_attribution(after.clone()))
                        .flatten()
                })
                .or_else(|| prev.and_then(|p| self.before_quote(p)))
                .or(subject_before)
                // A quoted phrase in a sentence that closes with its source ("… will carry
                // “…” and help, Roe said").
                .or_else(|| {
                    (!quiet_before)
                        .then(|| self.closing_attribution(after.clone()))
                        .flatten()
                })
                .or_else(|| self.view_of(after.clone(), false))
                // A quoted phrase inside a sentence about a person ("Sanders credited the
                // win to “…”"), or a person named right after it ("“…,” Ash shot back").
                .or_else(|| {
                    (!quiet_before)
                        .then(|| self.sentence_subject(before.clone()))
                        .flatten()
                })
                .or_else(|| self.person_after(after.clone()))
        })?;
        // "In a new Acme poll, 75 percent of voters said “…”": what a share of those polled
        // said is the poll's finding.
        let found = self
            .polled_share(found.clone(), sents[open_s].start..span.open)
            .unwrap_or(found);
        // "Ash “has done nothing here,” she said": the quotation is what a bare subject
        // before it did, and a pronoun after it is someone else, named before the sentence.
        let bare_subject = || {
            let lead = sents[open_s].start..span.open;
            let c = Clause::new(self.doc, lead.clone());
            self.doc.text[lead]
                .trim_end()
                .ends_with(char::is_alphanumeric)
                && (1..=4).contains(&c.toks.len())
                && (0..c.toks.len()).all(|i| c.verb_at(i).is_none())
        };
        let refers_from = if found.start >= span.after && bare_subject() {
            sents[open_s].start
        } else {
            span.open
        };
        if matches!(self.doc.text[found.clone()].trim(), "it" | "It") {
            return Some(Tag::It);
        }
        self.resolve(found, refers_from).map(Tag::Named)
    }

    /// Whether the words at `range` can be a speaker: a named person or organisation, "he"
    /// or "she", or a description ("the retired judge"); not a place nor a capitalised word
    /// no entity covers ("Hours").
    fn can_speak(&self, range: &Range<usize>) -> bool {
        let first = self.doc.text[range.clone()]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let named = self
            .table
            .within(range.clone())
            .any(|s| s.end == range.end && self.table.entities[s.entity].kind != EntityKind::Place);
        let pronoun = matches!(first, "He" | "She" | "he" | "she");
        let described = matches!(first, "The" | "A" | "An" | "the" | "a" | "an");
        named || pronoun || described
    }
}

mod after;
mod before;
#[cfg(test)]
mod clause_tests;
#[cfg(test)]
mod mark_tests;
mod remark;
mod resolve;
mod role;
mod subject;
#[cfg(test)]
mod tag_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verb_tests;
