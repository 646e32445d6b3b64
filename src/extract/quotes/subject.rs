//! The subjects of sentences around a quotation that can tell who speaks it: the person a
//! sentence is about, the speaker of its reporting verb, a source it opens with.

use std::ops::Range;

use super::{Context, MAX_REACH};
use crate::extract::speech::{Clause, Verb};
use crate::load::EntityKind;

/// Verbs of speaking that report no words ("Roe spoke"), which the reporting verbs leave
/// out.
const SPEAKING: [&str; 8] = [
    "spoke",
    "speaks",
    "talked",
    "talks",
    "testified",
    "testifies",
    "lectured",
    "preached",
];

impl Context<'_> {
    /// The speaker of a sentence's first reporting verb: "Roe said the plan would work",
    /// "If anything, Roe argued, the plan works", "…, he told reporters".
    pub(super) fn reporting_subject(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, sentence);
        let v = (0..c.toks.len().min(MAX_REACH)).find(|&i| {
            matches!(c.verb_at(i), Some(Verb::Finite | Verb::Report)) && c.word(i) != "according"
        })?;
        c.speaker_before(v, 0)
            .or_else(|| c.subject_after(v))
            .map(|w| c.bytes(w))
    }

    /// The subject of a sentence when it names a person, or with `pronoun` is "he" or "she".
    pub(super) fn person_subject(
        &self,
        sentence: Range<usize>,
        pronoun: bool,
    ) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, sentence);
        let words = c.main_subject(0)?;
        if pronoun && words.len() == 1 && matches!(c.word(words.start), "He" | "She" | "he" | "she")
        {
            return Some(c.bytes(words));
        }
        self.ends_with_person(c.bytes(words))
    }

    /// The source a sentence opens with: "According to Roe, …".
    pub(super) fn according_opening(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, sentence);
        (c.toks.len() > 2 && c.word(0) == "According" && c.word(1) == "to")
            .then(|| c.subject_after(1))
            .flatten()
            .map(|w| c.bytes(w))
    }

    /// The subject of the sentence holding a quoted phrase when it can be a speaker (see
    /// `can_speak`).
    pub(super) fn sentence_subject(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, sentence);
        let range = c.bytes(c.described_subject()?);
        self.can_speak(&range).then_some(range)
    }

    /// The person who is the subject of a sentence's last verb of saying, when the
    /// sentence is about something else: "It was left to voters, since Roe spoke only in
    /// vague terms." Quotations standing alone after it are that person's.
    pub(super) fn last_speaking_person(&self, sentence: Range<usize>) -> Option<Range<usize>> {
        let c = Clause::new(self.doc, sentence);
        let v = (0..c.toks.len()).rev().find(|&i| {
            matches!(c.verb_at(i), Some(Verb::Finite | Verb::Report))
                || SPEAKING.contains(&c.word(i))
        })?;
        self.ends_with_person(c.bytes(c.speaker_before(v, 0)?))
    }

    /// `range` when a person's name closes it.
    fn ends_with_person(&self, range: Range<usize>) -> Option<Range<usize>> {
        let end = range.end;
        self.table
            .within(range.clone())
            .any(|s| s.end == end && self.table.entities[s.entity].kind == EntityKind::Person)
            .then_some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::quotes;

    #[test]
    fn quotation_paragraphs_after_a_clause_about_a_speaker_are_theirs() {
        let text = "What the plan means is left to the voters, since Dana Reyes spoke only in vague \
                    phrases at the meeting.\n\n“We have to do something and it is the only way.”\n\
                    “We have to be a lot tougher about the harbor.”";
        let found = quotes(text);
        assert_eq!(found.len(), 2);
        assert!(
            found.iter().all(|q| q.1.as_deref() == Some("Dana Reyes")),
            "{found:?}"
        );
        // A person in a clause that says nothing of speaking does not speak.
        for clause in ["left the room", "made the motion"] {
            let text = format!(
                "The vote passed after Dana Reyes {clause}.\n\n“We have to do something and it is \
                 the only way.”"
            );
            assert_eq!(quotes(&text)[0].1, None, "{clause}");
        }
    }
}
