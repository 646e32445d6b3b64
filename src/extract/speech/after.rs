//! The subject after its verb: an inverted tag ("said Joe Biden") and the clause after a
//! quotation ("…,” Roe, after a pause, said").

use std::ops::Range;

use super::*;

impl Clause<'_> {
    /// The subject after an inverted verb at `v`: "said Joe Biden", "says a senior aide".
    pub fn subject_after(&self, v: usize) -> Option<Range<usize>> {
        self.subject_after_from(v, false)
    }

    /// `subject_after`, also taking a phrase that opens with a lowercase word when `loose`.
    pub(super) fn subject_after_from(&self, v: usize, loose: bool) -> Option<Range<usize>> {
        let from = v + 1;
        let n = self.toks.len();
        if from >= n
            || !self.plain(v, from)
            || !(loose || opens_phrase(self.word(from), &self.toks[from]))
        {
            return None;
        }
        let mut end = from;
        while end < n && end - from < MAX_WORDS {
            if end > from && !self.plain(end - 1, end) {
                break;
            }
            let w = self.word(end);
            // "said former Gov. and party chairman Ed Roe": one person's two offices.
            let offices = w == "and"
                && end + 1 < n
                && self.plain(end, end + 1)
                && (self.word(end + 1).starts_with(char::is_uppercase)
                    || self.is(end + 1, ROLE_NOUNS | TITLE_BASE))
                && self.is(end - 1, TITLE_BASE);
            // "said the head of the union", "said Secretary of State Tom Ash": "of" after a
            // noun or a title goes on with what it is of, where after a name ("Tom Ash of
            // the Ledger") it places the speaker.
            let of_what = w == "of"
                && end > from
                && (self.word(end - 1).starts_with(char::is_lowercase)
                    || self.is(end - 1, TITLE_BASE | ROLE_NOUNS))
                && end + 1 < n
                && self.plain(end, end + 1)
                && self.verb_word(end + 1).is_none();
            // "reads a Wednesday editorial": a day inside the phrase, after its article.
            let dated = end > from && self.is(end - 1, DETERMINERS);
            if self.is(end, SPEAKER_ENDS)
                && w.starts_with(char::is_lowercase)
                && !offices
                && !of_what
                || (self.is(end, TEMPORAL) && !dated)
                || self.verb_word(end).is_some()
            {
                break;
            }
            end += 1;
        }
        // "wrote the authors of the “Growth Plan”": what the phrase is of, cut off by a
        // title in quotation marks, leaves the words before "of".
        if let Some(of) = (from + 1..end)
            .rev()
            .take(2)
            .find(|&i| self.word(i) == "of")
            .filter(|&of| (of + 1..end).all(|i| self.is(i, DETERMINERS)))
        {
            end = of;
        }
        (end > from).then_some(from..end)
    }

    /// The subject of a verb at `v` after a closing quotation mark that starts this clause:
    /// the words before the verb up to the first comma ("Roe, after a pause, said"), or an
    /// inverted subject after it ("…, says Roe").
    pub fn subject_leading(&self, v: usize) -> Option<Range<usize>> {
        if v == 0 {
            // Right after the quotation, "said" is followed by its subject, adjectives and
            // all: "…,” said conservative activist Bob Klaus".
            let loose = !self.is(
                (v + 1).min(self.toks.len() - 1),
                SPEAKER_ENDS | LEAD_PREPOSITIONS | CLAUSE_OPENERS | TEMPORAL,
            );
            return self.subject_after_from(v, loose);
        }
        // "…,” Roe, 58, told Reuters": after "told" stands the listener, not the speaker.
        if self.breaks(v - 1, v)
            && !is_listener_verb(self.word(v))
            && let Some(s) = self.subject_after(v)
        {
            return Some(s);
        }
        // "…,” the dawn of an era, Roe says": a description of the quotation set off by
        // commas, then the speaker's name right before the verb; not a description of the
        // speaker ("…,” his wife, Jane Roe, said"), which is the speaker as written.
        let lead = self.skip_fillers(v, 0);
        if let Some(b) = (1..lead).rev().find(|&i| self.breaks(i - 1, i))
            && self.comma(b - 1, b)
            && !person_noun(self.word(b - 1))
            && !KIN_NOUNS.contains(&self.word(b - 1))
            && self.word(0).starts_with(char::is_lowercase)
            && lead - b <= 4
            && (b..lead).all(|i| self.word(i).starts_with(char::is_uppercase))
            && !self.is(b, STOP | TEMPORAL | LEAD_PREPOSITIONS | CLAUSE_OPENERS)
        {
            return Some(b..lead);
        }
        // "…” fostered by Roe and others, the groups say": a participle phrase that goes on
        // describing the quotation, then the subject.
        if participle_phrase(self.word(0), self.word(1.min(v)), self.word(2.min(v)))
            && let Some(b) = (1..lead).rev().find(|&i| self.comma(i - 1, i))
        {
            return self.noun_phrase(b..lead);
        }
        let mut end = (1..v).find(|&i| self.breaks(i - 1, i)).unwrap_or(v);
        if end == v {
            end = self.skip_fillers(v, 0);
        } else if matches!(self.word(end), "and" | "but" | "while" | "as") {
            // "…” between her and Roe, and she has often told": a clause of its own.
            return None;
        }
        // "…,” as Roe said": "as" opens the attribution itself, whose subject is the speaker.
        let first = usize::from(
            end > 1 && self.word(0) == "as" && opens_phrase(self.word(1), &self.toks[1]),
        );
        // "…” there and in March, the memo said": an adverb opens no subject.
        if matches!(self.word(first), "there" | "here" | "then" | "now" | "too") {
            return None;
        }
        let phrase = self.noun_phrase(first..end)?;
        // "until Haley said": a subordinate clause, not the speaker of the quotation.
        if self.is(phrase.start, CLAUSE_OPENERS) {
            return None;
        }
        // A lowercase verb inside ("the judge pointed to a case to") is a clause, not a name.
        // So is one with an auxiliary ("Roe had a strong week in May, taking …").
        // A modal first ("would be appropriate, Roe said") is a clause too.
        let modal = matches!(
            self.word(phrase.start),
            "would" | "will" | "could" | "should" | "can" | "may" | "might" | "must" | "be"
        );
        let clause = modal
            || (phrase.start + 1..phrase.end).any(|i| {
                let w = self.word(i);
                (w.ends_with("ed") && w.starts_with(char::is_lowercase) && !self.is(i, STOP))
                    || auxiliary(w)
            });
        (!clause && phrase.start == first).then_some(phrase)
    }
}
