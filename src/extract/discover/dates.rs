//! Words that may be dates or names: a month's or a day's name after a name ("Helen
//! May", "the Oakton Sun"), the surname alone once the full name is given, and holidays.

use super::vote::is_thing_word;
use super::*;

impl Discoverer<'_> {
    /// "Helen May", "columnist Li Jun", "the Oakton Sun": a month's or a day's name right
    /// after a capitalised name, with no day of the month after it, is a surname or a
    /// paper's name rather than a date. A whole month's name must follow a given name
    /// ("told Reyes in May" has none); an abbreviation any name ("Monday Jun 5" is a date:
    /// the day's name is no name).
    pub(super) fn names_like_dates(&mut self) {
        for i in 1..self.toks.len() {
            let t = self.toks[i];
            let prev = self.toks[i - 1];
            if t.cap
                || t.initial
                || t.classes & TEMPORAL == 0
                || !prev.cap
                || prev.classes & STOP != 0
                || prev.possessive()
                || !self.plain_gap(i - 1, i)
            {
                continue;
            }
            let word = self.word(i);
            let abbreviation = matches!(
                word,
                "Jan"
                    | "Feb"
                    | "Mar"
                    | "Apr"
                    | "Jun"
                    | "Jul"
                    | "Aug"
                    | "Sep"
                    | "Oct"
                    | "Nov"
                    | "Dec"
                    | "Mon"
                    | "Tue"
                    | "Wed"
                    | "Thu"
                    | "Fri"
                    | "Sat"
                    | "Sun"
            );
            let month_name = is_surname_word(word) && prev.classes & GIVEN_NAMES != 0;
            if (abbreviation || month_name) && !self.dated(i) {
                self.toks[i].cap = true;
                if month_name && !self.surnames_like_dates.contains(&word) {
                    self.surnames_like_dates.push(word);
                }
            }
        }
        self.lone_surnames_like_dates();
    }

    /// "“…,” May told parliament" once "Helen May" is named: the surname alone, where a
    /// month would not stand. Not after a preposition, an article or a word that dates
    /// ("in May", "late May", "April and May"), nor before a day of the month ("May 5"),
    /// nor first in a sentence unless a speech verb follows ("May was wet" is the month;
    /// "May said" the person).
    fn lone_surnames_like_dates(&mut self) {
        if self.surnames_like_dates.is_empty() {
            return;
        }
        for i in 0..self.toks.len() {
            let t = self.toks[i];
            if t.cap
                || t.classes & TEMPORAL == 0
                || !self.surnames_like_dates.contains(&self.word(i))
            {
                continue;
            }
            let dating = |k: usize| {
                let word = self.word(k).to_lowercase();
                is(&word, LEAD_PREPOSITIONS | DETERMINERS)
                    || matches!(
                        word.as_str(),
                        "late" | "early" | "mid" | "last" | "next" | "until" | "till" | "through"
                    )
                    // "April and May".
                    || (matches!(word.as_str(), "and" | "or" | "to")
                        && k > 0
                        && self.is(k - 1, TEMPORAL))
            };
            let after_lead = i > 0 && dating(i - 1);
            let speaks = i + 1 < self.toks.len() && is(self.word(i + 1), SPEECH_VERBS);
            if !after_lead && !self.dated(i) && (!t.initial || speaks) {
                self.toks[i].cap = true;
            }
        }
    }

    /// Whether a day of the month follows word `i`: "May 5".
    fn dated(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|n| {
            self.text[n.start..n.end]
                .bytes()
                .all(|c| c.is_ascii_digit())
                && self.plain_gap(i, i + 1)
        })
    }

    /// Whether the run `i..=end` names a day rather than an entity: "Super Tuesday",
    /// "Veterans Day", "New Year’s Eve" (a name like "Dana Day" stays).
    pub(super) fn holiday(&self, i: usize, end: usize) -> bool {
        let n = self.toks.len();
        let day_word = |k: usize| matches!(self.word(k), "Day" | "Eve");
        let next = end + 1;
        if next < n && starts_upper(self.word(next)) && self.plain_gap(end, next) {
            let temporal = self.toks[next].classes & TEMPORAL != 0;
            let phrase = &self.text[self.toks[i].start..self.toks[next].end];
            if (temporal && is(phrase, COMMON_PHRASES))
                || (self.toks[end].possessive() && day_word(next))
            {
                return true;
            }
        }
        day_word(end) && end - i < 3 && !(end > i && self.is(end - 1, GIVEN_NAMES))
    }

    /// Whether the run at `i` continues a title opened by a day's name: "Night Live" in
    /// "Saturday Night Live", "Morning Edition" in "Sunday Morning Edition". A name after a
    /// day ("On Tuesday Dana Reyes said") starts with no such common word.
    pub(super) fn after_day_name(&self, i: usize) -> bool {
        i > 0
            && self.toks[i - 1].classes & TEMPORAL != 0
            && starts_upper(self.word(i - 1))
            && self.plain_gap(i - 1, i)
            && is_thing_word(&self.word(i).to_lowercase())
    }
}
