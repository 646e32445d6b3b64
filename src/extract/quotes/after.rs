//! The tag after a quotation: `“…,” said Roe`, `“…,” Roe, a teacher, said`, a source
//! closing the sentence, a person named right after the mark, the next sentence's
//! speaker, or a sign-off on the line below.

use std::ops::Range;

use super::{Context, MAX_REACH};
use crate::extract::lexicon::TEMPORAL;
use crate::extract::reported::auxiliary;
use crate::extract::speech::{Clause, MAX_WORDS, Verb};
use crate::load::EntityKind;

impl Context<'_> {
    /// The clause after a closing mark, when nothing but spaces, commas and dashes stand
    /// between the mark and its first word.
    pub(super) fn clause_after_mark(&self, range: Range<usize>) -> Option<Clause<'_>> {
        let c = Clause::new(self.doc, range.clone());
        let first = c.toks.first()?;
        let lead = &self.doc.text[range.start..first.start];
        lead.chars()
            .all(|ch| ch.is_whitespace() || ",—–".contains(ch))
            .then_some(c)
    }

    /// `, said Joe Biden`, `, one official remarked` or `Roe, after a pause, said` after the
    /// closing mark.
    pub(super) fn after_quote(&self, range: Range<usize>) -> Option<Range<usize>> {
        self.after_quote_by(range).map(|(words, _)| words)
    }

    /// `after_quote`, and whether the verb that credits the speaker is one of opinion or
    /// reaction ("the crowd applauded"), not of speech or of reporting ("the Times
    /// reported").
    pub(super) fn after_quote_by(&self, range: Range<usize>) -> Option<(Range<usize>, bool)> {
        let c = self.clause_after_mark(range.clone())?;
        let v =
            (0..c.toks.len().min(MAX_REACH)).find(|&i| c.verb_at(i).is_some() || reads(&c, i))?;
        let verb = c.verb_at(v).unwrap_or(Verb::Finite);
        let words = match (verb, c.word(v)) {
            (Verb::Finite, "according") => c.subject_after(v + 1),
            (Verb::Finite, "told") if v == 0 && relayed_by(&c, v).is_none() => None,
            (Verb::Finite | Verb::Report, _) => relayed_by(&c, v).or_else(|| c.subject_leading(v)),
            (Verb::Dependent, _) => heard_saying(&c, v),
        }?;
        let reaction = verb == Verb::Report
            && !matches!(
                c.word(v),
                "reported" | "reports" | "found" | "finds" | "showed" | "shows" | "revealed"
            );
        Some((c.bytes(words), reaction))
    }

    /// The speaker set off by a comma before the first reporting verb after a quotation that
    /// opens its sentence and runs on into it: "“…” by then, Roe said", "“…” that nobody
    /// saw coming, the mayor wrote".
    pub(super) fn closing_attribution(&self, range: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, range);
        let v = (1..c.toks.len().min(MAX_REACH)).find(|&i| c.verb_at(i).is_some())?;
        if c.verb_at(v) == Some(Verb::Dependent) || c.word(v) == "according" {
            return None;
        }
        let comma = (1..v).rev().find(|&i| c.breaks(i - 1, i))?;
        let subject = c
            .subject_before(v, comma)
            .filter(|r| r.start == comma && r.len() <= MAX_WORDS / 2)
            .map(|w| c.bytes(w))?;
        // "…, Dana Reyes, the former mayor, said": the person the description follows.
        if !matches!(c.word(comma), "the" | "a" | "an") {
            return Some(subject);
        }
        let text = &self.doc.text;
        let named = self
            .table
            .within(c.bytes(0..comma))
            .filter(|s| s.full_end == s.end && text[s.end..subject.start].trim() == ",")
            .find(|s| self.table.entities[s.entity].kind == EntityKind::Person);
        Some(named.map_or(subject, |s| s.start..s.end))
    }

    /// A person named first after a closing mark: "“…,” Ash shot back", "“…,” an angry
    /// Ash retaliated" (an article and one word describing the person may come first).
    pub(super) fn person_after(&self, range: Range<usize>) -> Option<Range<usize>> {
        let c = self.clause_after_mark(range.clone())?;
        let first = c.toks.first()?.start;
        let spot = self.table.within(range.clone()).next()?;
        let lead = c.toks.iter().take_while(|t| t.start < spot.start).count();
        let described = match lead {
            0 => true,
            1 | 2 => {
                matches!(c.word(0), "a" | "an" | "the")
                    && (1..lead).all(|i| c.word(i).starts_with(char::is_lowercase))
            }
            _ => false,
        };
        // "not to “disparage publicly” Roe, his firm or his family": a quotation run on
        // into its sentence, the name its object, followed by no verb.
        let ended = self.doc.text[..range.start]
            .trim_end_matches(|ch: char| ch.is_whitespace() || "”\"’'".contains(ch))
            .ends_with([',', '.', '!', '?', '—', '–', '-', '…']);
        let verb_follows = c
            .toks
            .iter()
            .position(|t| t.start >= spot.end)
            .is_some_and(|i| {
                i > 0 && c.plain(i - 1, i) && c.word(i).starts_with(char::is_lowercase)
            });
        (described
            && (ended || verb_follows)
            && self.table.entities[spot.entity].kind == EntityKind::Person)
            .then(|| first.min(spot.start)..spot.end)
    }

    /// Whose view a phrase says the words are: "“…” from diplomacy to defence, in Roe’s
    /// view", "in Dana Reyes’s words, “…”" (`closing`: the phrase ends the range).
    pub(super) fn view_of(&self, range: Range<usize>, closing: bool) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, range);
        let n = c.toks.len();
        let owner = (1..n.saturating_sub(1)).find(|&j| {
            c.toks[j].full_end > c.toks[j].end
                && matches!(c.word(j + 1), "view" | "words" | "opinion" | "estimation")
                && (!closing || j + 2 == n)
        })?;
        let from = (owner.saturating_sub(3)..owner)
            .rev()
            .find(|&i| c.word(i) == "in")?;
        (from + 1..=owner)
            .all(|i| c.word(i).starts_with(char::is_uppercase) && c.plain(i - 1, i))
            .then(|| c.bytes(from + 1..owner + 1))
    }

    /// The sign-off on the line below the paragraph at byte `at`: "— Dana Reyes", "- Sen.
    /// Jo Lin.", "-Dana Reyes, Dover." (a dash line, or a list item of one name): a person
    /// named, with at most a title before and a few words after a comma.
    pub(super) fn signed_below(&self, at: usize) -> Option<Range<usize>> {
        let blocks = &self.doc.blocks;
        let here = blocks.partition_point(|b| b.range.end <= at);
        let next = blocks.get(here + 1).filter(|b| !b.heading)?;
        let line = &self.doc.text[next.range.clone()];
        let lead = line.len()
            - line
                .trim_start_matches(|c: char| c.is_whitespace() || "-—–".contains(c))
                .len();
        let signed = line[lead..].trim_end().trim_end_matches('.');
        // "— Dana Reyes, Dover": a town or a few words on the occasion may follow a comma.
        let (name, rest) = signed.split_once(',').unwrap_or((signed, ""));
        let start = next.range.start + lead;
        let end = start + name.len();
        if name.is_empty()
            || name.split_whitespace().count() > 6
            || rest.split_whitespace().count() > 8
        {
            return None;
        }
        let spot = self
            .table
            .within(start..end)
            .find(|s| s.end == end && self.table.entities[s.entity].kind == EntityKind::Person)?;
        // "By Anna Petrov" below is the byline of whoever wrote the piece.
        self.doc.text[start..spot.start]
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("by"))
            .then_some(start..end)
    }

    /// A speaker then a verb starting the sentence after a quotation: `“…” Roe said this.`
    pub(super) fn next_sentence(&self, range: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, range);
        let tags = |i: usize| match c.verb_at(i) {
            // "Ash said she would …": a statement of its own, not the quote's tag.
            Some(Verb::Finite) => !says_more(&c, i),
            None => reads(&c, i),
            // "“…?” Ash questioned.": a verb of opinion ends the sentence; with an object
            // ("Ash denied the claim") it is a new statement.
            Some(Verb::Report) => i + 1 == c.toks.len() || c.breaks(i, i + 1),
            _ => false,
        };
        let v = (1..c.toks.len().min(MAX_WORDS + 1))
            .take_while(|&i| c.plain(i - 1, i))
            .find(|&i| tags(i))
            .or_else(|| verb_after_description(&c).filter(|&i| tags(i)))?;
        relayed_by(&c, v)
            .or_else(|| c.subject_leading(v))
            .map(|w| c.bytes(w))
    }
}

/// The source that relays what the speaker of the verb at `v` said: "“…,” the judge said,
/// according to the Post", words that reach the writer through another source, which
/// attribution corpora credit. Further on ("said in a bill filed in the capital,
/// according to the Post") only as the phrase that closes the sentence, set off by a comma
/// and in no other clause; so with "“…,” said Roe, the mayor, reports the Post".
fn relayed_by(c: &Clause<'_>, v: usize) -> Option<Range<usize>> {
    // `first` opens the phrase; the source follows word `last`.
    let closes = |first: usize, last: usize| {
        c.breaks(first - 1, first)
            && (v + 1..first).all(|k| !matches!(c.word(k), "and" | "but" | "while" | "which"))
            && c.subject_after(last).is_some_and(|r| r.end == c.toks.len())
    };
    (v + 1..c.toks.len().min(v + 16)).find_map(|i| {
        let according = c.word(i) == "according"
            && c.toks.len() > i + 1
            && c.word(i + 1) == "to"
            && (i < v + 8 || closes(i, i + 1));
        let reports = matches!(c.word(i), "reports" | "reported") && closes(i, i);
        if according {
            c.subject_after(i + 1)
        } else if reports {
            c.subject_after(i)
        } else {
            None
        }
    })
}

/// The subject of "can be heard asking", "was overheard saying" after a quotation: "“…?”
/// a reporter can be heard asking Roe". Other participles after a quotation are no tag.
fn heard_saying(c: &Clause<'_>, v: usize) -> Option<Range<usize>> {
    let perceived = v.checked_sub(1)?;
    if !matches!(c.word(perceived), "heard" | "overheard" | "seen" | "caught") {
        return None;
    }
    let mut first = perceived;
    while first > 0 && auxiliary(c.word(first - 1)) {
        first -= 1;
    }
    (first < perceived)
        .then(|| c.subject_before(first, 0))
        .flatten()
        .filter(|w| w.start == 0)
}

/// "read" as the verb of a written text right after its quotation: "“…,” the sign read",
/// "“…,” reads the letter"; elsewhere ("the council read the report") it is no attribution.
fn reads(c: &Clause<'_>, i: usize) -> bool {
    matches!(c.word(i), "read" | "reads") && (i == 0 || i + 1 == c.toks.len() || c.breaks(i, i + 1))
}

/// The word right after a description set off by commas that follows a name opening the
/// clause: "said" in "Ash, a retired teacher, said into the phone".
fn verb_after_description(c: &Clause<'_>) -> Option<usize> {
    let name_end = (1..c.toks.len().min(MAX_WORDS)).find(|&i| !c.plain(i - 1, i))?;
    let named = (0..name_end).all(|i| c.word(i).starts_with(char::is_uppercase));
    let described = c
        .word(name_end)
        .starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit());
    if !named || !described || !c.comma(name_end - 1, name_end) {
        return None;
    }
    let end = c.toks.len().min(name_end + MAX_WORDS);
    let verb = (name_end + 1..end).find(|&i| !c.plain(i - 1, i))?;
    c.comma(verb - 1, verb).then_some(verb)
}

/// Whether a clause of its own follows the verb at `v`: "said that …", "said she would …",
/// "said on Tuesday they …", but not "said this to residents" nor "said Tuesday.".
fn says_more(c: &Clause<'_>, v: usize) -> bool {
    let mut i = v + 1;
    while i < c.toks.len() && c.plain(i - 1, i) && (c.is(i, TEMPORAL) || c.word(i) == "on") {
        i += 1;
    }
    i < c.toks.len()
        && c.plain(i - 1, i)
        && matches!(
            c.word(i),
            "that" | "he" | "she" | "they" | "we" | "I" | "there" | "if" | "whether"
        )
}
