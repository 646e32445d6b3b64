//! The tag before a quotation: the speaker of the last reporting verb before its opening
//! mark, a transcript line, or where the words come from.

use std::ops::Range;

use super::{Context, MAX_REACH, resolve};
use crate::extract::lexicon::{
    DESCRIBING_PREPOSITIONS, LEAD_ADVERBS, LEAD_PREPOSITIONS, STOP, TEMPORAL, is,
};
use crate::extract::speech::{Clause, MAX_WORDS, Verb, is_listener_verb, subordinate};
use crate::load::EntityKind;

impl Context<'_> {
    /// Whether the words before a colon that opens a quotation only say when or where it
    /// was said ("Then, later that month on the radio:"): no one is named, so the speaker
    /// of the quotation before goes on. Capitals only after a preposition ("on the Ledger's
    /// podcast", "in Dover").
    pub(super) fn scene_only(&self, lead: Range<usize>) -> bool {
        let Some(words) = self.doc.text[lead.clone()].trim_end().strip_suffix(':') else {
            return false;
        };
        let range = lead.start..lead.start + words.len();
        let c = Clause::new(self.doc, range.clone());
        let n = c.toks.len();
        let named_after_preposition =
            |i: usize| (1..=2).any(|back| i >= back && c.is(i - back, LEAD_PREPOSITIONS));
        n > 0
            && n <= 10
            && c.is(0, LEAD_ADVERBS | LEAD_PREPOSITIONS | TEMPORAL)
            && (0..n).all(|i| {
                let w = c.word(i);
                c.verb_at(i).is_none()
                    && !(i > 0 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
                    && (i == 0
                        || w.starts_with(|ch: char| !ch.is_uppercase())
                        || named_after_preposition(i))
            })
            && self
                .table
                .within(range)
                .all(|s| self.table.entities[s.entity].kind != EntityKind::Person)
    }

    /// The speaker of the last reporting verb before the opening mark: `Biden said:`, `Roe
    /// told reporters on Tuesday,`, `Roe said the city had become a`, or `Roe:`.
    pub(super) fn before_quote(&self, range: Range<usize>) -> Option<Range<usize>> {
        // A semicolon closes a clause of its own: the tag is after it.
        let range = match self.doc.text[range.clone()].rfind(';') {
            Some(at) => range.start + at + 1..range.end,
            None => range,
        };
        let c = Clause::new(self.doc, range.clone());
        let n = c.toks.len();
        let last = c.toks.last()?;
        let tail = self.doc.text[last.full_end..range.end].trim();
        // "According to Roe, “…”": the idiom opening a sentence, capitalised.
        let according = |i: usize| i + 1 < n && c.word(i) == "According" && c.word(i + 1) == "to";
        if tail == ":"
            && let Some(name) = named_before_colon(&c)
        {
            return Some(c.bytes(name));
        }
        // "Roe, who told the panel when asked about it: “…”": a verb with no subject of its
        // own after "when" or "if" is not the one that introduces the quotation.
        let elliptic = |i: usize| {
            i > 0 && c.plain(i - 1, i) && matches!(c.word(i - 1), "when" | "if" | "unless")
        };
        let verb_before = |end: usize| {
            (end.saturating_sub(MAX_REACH)..end)
                .rev()
                .find(|&i| according(i) || (c.verb_at(i).is_some() && !elliptic(i)))
        };
        // "Roe was asked by host Ash, who backs her but doubts the story, “…”": a relative
        // clause set off before the mark describes the one named; the verb before it
        // introduces the quotation, when there is one.
        // Not when a clause with a subject of its own follows it ("…, which was seen as a
        // failure, Roe said, “…”").
        let v = verb_before(n).map(|v| {
            (1..v)
                .rev()
                .find(|&k| matches!(c.word(k), "who" | "which") && c.breaks(k - 1, k))
                .filter(|&k| {
                    let clause = (k + 1..v)
                        .rev()
                        .find(|&i| c.breaks(i - 1, i))
                        .unwrap_or(k + 1);
                    tail == "," && c.subject_before(v, clause).is_none()
                })
                .and_then(verb_before)
                .unwrap_or(v)
        });
        if let Some(v) = v.filter(|&v| according(v)) {
            return c.subject_after(v + 1).map(|w| c.bytes(w));
        }
        // "When Ash suggested a deal, Roe fired back:": the clause that ends at the colon
        // has a subject and verb of its own, and its subject introduces the quotation. Before
        // a comma the clause is that subject and a short predicate ("…, Roe shot back,").
        if matches!(tail, ":" | ",")
            && let Some(v) = v
            && let Some(k) = (v + 2..n).rev().find(|&k| c.breaks(k - 1, k))
            && let Some(words) = c.main_subject(k).filter(|w| {
                w.start == k
                    && w.end < n
                    && (tail == ":"
                        || (subordinate(c.word(0))
                            && n - w.end <= 2
                            && c.word(w.end).starts_with(char::is_lowercase)
                            && !c.is(w.end, LEAD_PREPOSITIONS)))
            })
        {
            return Some(c.bytes(words));
        }
        // "Here’s Roe in 2001:", "Here is Roe on the vote:": the person the words are shown
        // from, named first.
        if tail == ":"
            && n > 1
            && c.word(0) == "Here"
            && let Some(from) = match c.toks[0].full_end > c.toks[0].end {
                true => Some(1),
                false => (c.word(1) == "is").then_some(2),
            }
            && let Some(spot) = self.table.within(c.bytes(from.min(n - 1)..n)).next()
            && spot.start <= c.toks[(from + 2).min(n - 1)].start
            && self.table.entities[spot.entity].kind == EntityKind::Person
        {
            return Some(spot.start..spot.end);
        }
        // "From Roe’s post:", "More from the report:": where the words come from.
        if tail == ":"
            && let Some(from) = (0..n.min(2)).find(|&i| c.lower(i) == "from")
            && (from == 0 || c.word(0) == "More")
            && n - from - 1 <= MAX_WORDS / 2
            && (from + 1..n).all(|i| c.plain(i - 1, i))
            && self
                .table
                .within(c.bytes(from + 1..n))
                .all(|s| self.table.entities[s.entity].kind != EntityKind::Place)
        {
            return Some(c.bytes(from + 1..n));
        }
        // "The institute had this to say about the plan:": the one who had something to say.
        if tail == ":"
            && let Some(had) = (0..n.saturating_sub(3)).find(|&i| {
                matches!(c.word(i), "had" | "has" | "have")
                    && c.word(i + 1) == "this"
                    && c.word(i + 2) == "to"
                    && matches!(c.word(i + 3), "say" | "add" | "offer")
            })
            && let Some(words) = c.subject_before(had, 0)
        {
            return Some(c.bytes(words));
        }
        let Some(v) = v else {
            // A transcript line ("Roe:", "Former governor Jane Roe:"), or a sentence
            // introducing the quotation ("Roe has since apologized:").
            // Not a time or a channel set off by commas ("Then, later on TV:").
            let short = n <= 6
                && c.word(0).starts_with(char::is_uppercase)
                && c.word(n - 1).starts_with(char::is_uppercase)
                && !c.is(0, TEMPORAL | LEAD_ADVERBS | LEAD_PREPOSITIONS)
                && (1..n).all(|i| !c.breaks(i - 1, i));
            // "Roe issued a statement, “…”": a statement introduces its words as a colon does.
            // So does "Roe’s reply to them was, “…”".
            let linked = n > 2
                && matches!(c.word(n - 1), "was" | "is")
                && (0..n - 1).any(|i| resolve::is_utterance(c.word(i)));
            let stated = tail == "," && (resolve::is_utterance(c.word(n - 1)) || linked);
            if tail != ":" && !stated {
                return None;
            }
            if short {
                // One word is a speaker only when it is found as a name: "Name:" and
                // "Quote:" label a form's fields.
                let named = n > 1 || self.table.within(c.bytes(0..n)).next().is_some();
                return named.then(|| c.bytes(0..n));
            }
            // "The swing delighted organiser Dana Roe:": a person named last, right
            // before the colon, introduces the words; not one after a preposition ("a
            // message to Roe:").
            let range = c.bytes(0..n);
            let named_last = self.table.within(range.clone()).find(|s| {
                let object = self.doc.text[range.start..s.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| {
                        matches!(w, "and" | "or")
                            || is(w, LEAD_PREPOSITIONS | DESCRIBING_PREPOSITIONS)
                    });
                s.full_end == range.end
                    && self.table.entities[s.entity].kind == EntityKind::Person
                    && !object
            });
            return c
                .described_subject()
                .map(|w| c.bytes(w))
                .filter(|_| tail == "," || named_last.is_none())
                .or_else(|| named_last.map(|s| s.start..s.full_end));
        };
        // The speaker of the last finite reporting verb before word `v`.
        let earlier_speaker = |v: usize| {
            (0..v)
                .rev()
                .find(|&i| matches!(c.verb_at(i), Some(Verb::Finite)) && c.word(i) != "according")
                .and_then(|f| c.speaker_before(f, 0))
        };
        let words = match (c.verb_at(v)?, c.word(v)) {
            // "Roe said that according to its count, …": a source owned by the speaker is
            // no other source.
            // With no speaker before it, a possessive source is the source ("a book
            // whose words, according to its summary, “…”").
            (Verb::Finite, "according") => c
                .subject_after(v + 1)
                .filter(|w| !matches!(c.word(w.start), "its" | "his" | "her" | "their" | "our"))
                .or_else(|| earlier_speaker(v))
                .or_else(|| c.subject_after(v + 1)),
            // "Then, explained the moderator Ana Ruiz: “…”": inverted, up to the mark; after
            // "told" stands the listener, not the speaker.
            (Verb::Finite | Verb::Report, w) => {
                let inverted = || {
                    c.subject_after(v)
                        .filter(|r| r.end == n && matches!(tail, ":" | ",") && !is_listener_verb(w))
                };
                // "Because of how the rules were made, explained Roe, “…”": a comma before
                // the verb sets the inversion off from the clause before it.
                // "The paradox, says Roe, a historian, is that …": a tag set off by commas.
                let set_off = || {
                    c.subject_after(v).filter(|r| {
                        r.start == v + 1
                            && r.end < n
                            && c.comma(r.end - 1, r.end)
                            && c.word(r.start).starts_with(char::is_uppercase)
                            && !is_listener_verb(w)
                    })
                };
                if v > 0
                    && c.breaks(v - 1, v)
                    && let Some(words) = inverted().or_else(set_off)
                {
                    return Some(c.bytes(words));
                }
                c.agent_after(v)
                    .or_else(|| c.speaker_before(v, 0))
                    .or_else(inverted)
                    .or_else(|| c.shared_subject(v))
            }
            // "Spicer said, adding, “…”": the finite verb's subject, else the sentence's;
            // "…, with Roe reportedly yelling:" the subject "with" gives the participle.
            (Verb::Dependent, _) => c
                .subject_with(v)
                .or_else(|| c.adverbial_clause_subject(v))
                .or_else(|| earlier_speaker(v))
                .or_else(|| c.speaking_subject()),
        }?;
        Some(c.bytes(words))
    }
}

/// A name set off by a comma or dash right before a colon: "Analysts agree - Dana Roe:"
/// introduces Roe’s words, not the analysts’.
fn named_before_colon(c: &Clause<'_>) -> Option<Range<usize>> {
    let n = c.toks.len();
    let seg = (1..n).rev().find(|&i| {
        let gap = c.gap(i - 1, i);
        gap.contains([',', '—', '–', ';']) || gap.trim() == "-"
    })?;
    let name = seg..n;
    // "Polls were early - Dana Roe and Tom Ash:", "Polls were early - Pollster:": after a
    // dash, one name or two joined.
    let dash = c.gap(seg - 1, seg).trim() == "-" || c.gap(seg - 1, seg).contains(['—', '–']);
    let joined = dash && name.len() <= 6 && (seg..n).filter(|&i| c.word(i) == "and").count() == 1;
    (name.len() >= if dash { 1 } else { 2 }
        && (name.len() <= 4 || joined)
        && (seg + 1..n).all(|i| c.plain(i - 1, i))
        && name
            .clone()
            .all(|i| c.word(i).starts_with(char::is_uppercase) || (joined && c.word(i) == "and"))
        && !c.is(seg, STOP | TEMPORAL))
    .then_some(name)
}
