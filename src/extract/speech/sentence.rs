//! The subject of a whole sentence, for reporting verbs that do not stand beside their
//! speaker ("…, saying", "went on to say") and for quoted phrases inside a sentence.

use std::ops::Range;

use super::*;
use crate::extract::lexicon::{DOCUMENTS, world};
use crate::load::EntityKind;

/// Longest opening phrase before a sentence's subject ("On the eve of his third
/// election as mayor of the city in March,").
const MAX_OPENING: usize = 20;

/// Most opening phrases passed over before a subject.
const MAX_OPENINGS: usize = 3;

/// Words closing a time phrase that opens a sentence: "Hours later", "Two years ago".
fn ago(word: &str) -> bool {
    matches!(word, "later" | "earlier" | "ago")
}

/// A unit of time that "later" or "ago" may follow alone: "Hours later", "Moments ago".
fn time_unit(word: &str) -> bool {
    let unit = lowercase(word);
    matches!(
        unit.strip_suffix('s').unwrap_or(&unit),
        "second"
            | "minute"
            | "moment"
            | "hour"
            | "day"
            | "night"
            | "week"
            | "month"
            | "year"
            | "decade"
            | "much"
            | "long"
    )
}

/// A member of a party, which a description may close on: "the Ohio Republican".
fn party_member(word: &str) -> bool {
    matches!(
        word,
        "Republican" | "Democrat" | "Republicans" | "Democrats" | "Independent" | "Libertarian"
    )
}

/// A word opening a clause that another clause completes: "After Ash spoke, Roe …".
pub fn subordinate(word: &str) -> bool {
    matches!(
        word,
        "After"
            | "When"
            | "As"
            | "While"
            | "Before"
            | "Because"
            | "If"
            | "Though"
            | "Although"
            | "Once"
            | "Since"
            | "Until"
            | "Whenever"
    )
}

impl Clause<'_> {
    /// The subject of the sentence starting at word `floor`, for "…, saying" and "went on to
    /// say": a capitalised name or a pronoun after any opening phrase and comma.
    pub fn main_subject(&self, floor: usize) -> Option<Range<usize>> {
        let n = self.toks.len();
        let mut start = self.subject_start(floor)?;
        // "76-year-old Dana Roe endorsed": the age before a name describes it.
        if start + 1 < n && self.word(start).ends_with("-year-old") && self.plain(start, start + 1)
        {
            start += 1;
        }
        let first_at = *(start..n).next().as_ref()?;
        if let Some(name) = self.apposed_name(first_at) {
            return Some(name);
        }
        let first = self.word(first_at);
        if matches!(first, "He" | "She" | "he" | "she") {
            return Some(start..start + 1);
        }
        if matches!(
            first,
            "The" | "A" | "An" | "One" | "the" | "a" | "an" | "one"
        ) {
            // A description up to its role noun: "The Florida senator sought …", "The
            // billionaire businessman began …".
            // A participle right after the article describes the role ("The retired
            // teacher"); elsewhere a verb ends the description.
            let describing = |i: usize| i == start + 1 && self.word(i).ends_with("ed");
            let mut role = (start + 1..n.min(start + 6))
                .take_while(|&i| {
                    self.plain(i - 1, i) && (self.verb_word(i).is_none() || describing(i))
                })
                .find(|&i| self.is(i, ROLE_NOUNS) || party_member(self.word(i)))?;
            while role + 1 < n
                && self.plain(role, role + 1)
                && (person_noun(self.word(role + 1)) || collective_noun(self.word(role + 1)))
            {
                role += 1;
            }
            return Some(start..role + 1);
        }
        // "…, former Gov. Jo Lin agreed": a lowercase title may open it.
        if !(first.starts_with(char::is_uppercase) || self.is(first_at, TITLE_MOD)) {
            return None;
        }
        // Capitalised words, and lowercase role words leading to a name ("Republican
        // presidential candidate Dana Reyes quickly"), up to a word that starts the predicate.
        let mut end = start;
        // Capitalised words just before `end`: a full name ends the subject ("Jane Roe met").
        let mut run = 0;
        while end < n && end - start < MAX_WORDS && (end == start || self.plain(end - 1, end)) {
            let w = self.word(end);
            if w.starts_with(char::is_uppercase) {
                run += 1;
                end += 1;
                continue;
            }
            let role = |i: usize| i < n && self.is(i, ROLE_NOUNS | TITLE_BASE | TITLE_MOD);
            // After one capitalised word, lowercase words belong to the subject only on the
            // way to a role or a name ("Republican presidential candidate Ana Ruiz", "Band
            // member Flea"), not "Roe took the stage Tuesday".
            let to_name = |from: usize| {
                (from..n.min(from + 3))
                    .take_while(|&i| {
                        self.plain(i - 1, i)
                            && !self.is(i, STOP | DETERMINERS | LEAD_PREPOSITIONS)
                            && self.verb_word(i).is_none()
                    })
                    .any(|i| self.word(i).starts_with(char::is_uppercase))
            };
            let predicate = !matches!(w, "of" | "for" | "and")
                && ((run >= 2 && !role(end) && !role(end + 1))
                    || (run == 1 && !role(end) && !role(end + 1) && !to_name(end))
                    || self.is(
                        end,
                        CLAUSE_OPENERS | SPEAKER_ENDS | LEAD_PREPOSITIONS | SPEECH_FILLERS,
                    )
                    || self.verb_word(end).is_some()
                    || w.ends_with("ly")
                    || w.ends_with("ed")
                    || w.contains(['’', '\'']));
            if predicate {
                break;
            }
            run = 0;
            end += 1;
        }
        while end > start && !self.word(end - 1).starts_with(char::is_uppercase) {
            end -= 1;
        }
        // "Partial transcript:", "Full statement as follows:": a label naming a document
        // before a colon.
        let label_ends = |from: usize| match n - from {
            0 => true,
            1 => matches!(self.word(from), "below" | "follows"),
            2 => self.word(from) == "as" && self.word(from + 1) == "follows",
            _ => false,
        };
        if end > start
            && end < n
            && self.is(end, DOCUMENTS)
            && label_ends(end + 1)
            && self.plain(end - 1, end)
            && self.word(end).starts_with(char::is_lowercase)
        {
            end += 1;
        }
        // "Roe’s letter makes the case", "Ash’s campaign replied": a possessive name is no
        // subject alone; the noun after it completes it.
        if end > start && self.toks[end - 1].full_end > self.toks[end - 1].end {
            if end == n || !self.plain(end - 1, end) || !self.noun(end) || self.is(end, STOP) {
                return None;
            }
            end += 1;
            // "Ash’s right-hand woman": a modifier, then the person noun.
            let person = |w: &str| person_noun(w) || matches!(w, "man" | "woman" | "person");
            if end < n && self.plain(end - 1, end) && person(self.word(end)) {
                end += 1;
            }
        }
        // "Wait, it gets better", "Well, he told them": capitalised words set off before a
        // pronoun are an interjection or an address; the pronoun is the subject.
        if end > start && end < n && self.comma(end - 1, end) {
            match self.word(end) {
                "he" | "she" => return Some(end..end + 1),
                "it" | "they" | "we" | "I" | "you" | "there" => return None,
                _ => {}
            }
        }
        (end > start && !self.is(first_at, STOP | TEMPORAL | SPEAKER_ENDS)).then_some(start..end)
    }

    /// The word where the subject of the sentence starting at word `floor` begins: past a
    /// leading "But" or "And" and any opening phrases set off by commas.
    fn subject_start(&self, floor: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut start = floor;
        while start < n
            && matches!(
                self.word(start),
                "But" | "And" | "So" | "Yet" | "Then" | "then"
            )
        {
            start += 1;
        }
        // "In Dover,", "Speaking in Dover,", "Hours later,": an opening phrase, not the subject.
        // `opens` is whether `i` starts the sentence, after any "But" or "And".
        let leading = |i: usize, opens: bool| {
            self.is(i, LEAD_PREPOSITIONS | LEAD_ADVERBS)
                || (self.word(i).ends_with("ing")
                    && (opens || self.word(i).starts_with(char::is_lowercase)))
                || matches!(self.word(i), "Here" | "There")
                // "Immediately after the attacks,": an adverb opening the sentence.
                // ("Carly Fiorina", "Jolly of Dover" are names, not adverbs.)
                || (opens
                    && i + 1 < n
                    && self.word(i).len() >= 7
                    && self.word(i).ends_with("ly")
                    && self.plain(i, i + 1)
                    && matches!(
                        self.word(i + 1),
                        "after" | "before" | "following" | "during" | "in" | "at" | "on"
                    ))
                // "When told of the vote,", "And although he won,": a clause another one
                // completes.
                || (opens && subordinate(self.word(i)))
                || (i > floor && subordinate(&capitalised(self.word(i))))
                // "Reached by the Courier,", "Asked about the vote,": a participle opener.
                || (opens
                    && i + 1 < n
                    && self.word(i).len() >= 3
                    && self.word(i).ends_with("ed")
                    && self.plain(i, i + 1)
                    && matches!(self.word(i + 1), "by" | "about" | "for" | "on" | "after"))
                // "Even before Roe spoke,", "Shortly after noon,": a clause or phrase led by
                // a word that measures it.
                || (opens
                    && i + 1 < n
                    && matches!(
                        self.word(i),
                        "Even" | "Just" | "Only" | "Long" | "Right" | "Shortly" | "Soon" | "Well"
                    )
                    && self.plain(i, i + 1)
                    && (subordinate(&capitalised(self.word(i + 1)))
                        || self.is(i + 1, LEAD_PREPOSITIONS)))
                // "Last month,", "That night,", "This Tuesday,".
                || (i + 1 < n
                    && matches!(
                        self.word(i),
                        "Last" | "last" | "Next" | "next" | "This" | "this" | "That" | "that"
                    )
                    && (time_unit(self.word(i + 1)) || self.is(i + 1, TEMPORAL)))
                // "Hours later,", not "Ash earlier denied".
                || (i + 1 < n && ago(self.word(i + 1)) && time_unit(self.word(i)))
                // "Eight years ago,", "A week later,": a number or article and a unit.
                || (i + 2 < n
                    && ago(self.word(i + 2))
                    && self.word(i + 1).starts_with(char::is_lowercase)
                    && !self.is(i + 1, SPEECH_FILLERS))
                // "Just a few months ago,": a time phrase up to its comma.
                || (i + 1..n.min(i + 8))
                    .find(|&j| self.breaks(j - 1, j))
                    .is_some_and(|j| ago(self.word(j - 1)))
        };
        // "On Thursday, after weeks of silence, Roe …": opening phrases may follow each other.
        let opening = start;
        for _ in 0..MAX_OPENINGS {
            if start >= n || !leading(start, start == opening) {
                break;
            }
            // "Meanwhile Roe, who won, spoke": an adverb set before a name with no comma
            // opens the sentence alone.
            // Not "Later Tuesday, Roe …": a day or month there ends the opening phrase.
            if matches!(
                self.word(start),
                "Meanwhile" | "Later" | "Earlier" | "Instead" | "Still" | "Now" | "Also"
            ) && start + 1 < n
                && self.plain(start, start + 1)
                && self.word(start + 1).starts_with(char::is_uppercase)
                && !self.is(start + 1, TEMPORAL)
            {
                start += 1;
                continue;
            }
            let comma = (start + 1..n.min(start + MAX_OPENING)).find(|&i| self.breaks(i - 1, i));
            match comma {
                Some(comma) => start = comma,
                None if start == opening => return None,
                None => break,
            }
            // "In Aspen, Colo., the guest": a town's state belongs to the opening phrase.
            if start + 1 < n && self.is(start, US_STATES) && self.breaks(start, start + 1) {
                start += 1;
            } else if let Some(after) = self.place_after_place(start) {
                // "At a rally in Dover, New Hampshire, Roe …": so does a place set after one.
                start = after;
            }
        }
        Some(start)
    }

    /// The word after a known place's name set off by commas at word `start`, right after
    /// an opening phrase closing on another known place: "Maine," in "In Bangor, Maine,".
    fn place_after_place(&self, start: usize) -> Option<usize> {
        let n = self.toks.len();
        // The opening closes on a place ("In Dover, Maine,": a name after "in", or a known
        // place), not a day ("On Monday, Jordan, a nurse, …") nor a list ("To Ash, Israel,
        // Egypt and Jordan …").
        let opening_ends_on_place = (1..=start.min(3)).any(|k| {
            let first = start - k;
            let name = &self.doc.text[self.toks[first].start..self.toks[start - 1].end];
            let after_in = first > 0 && matches!(self.word(first - 1), "in" | "near" | "outside");
            (first..start)
                .all(|i| self.word(i).starts_with(char::is_uppercase) && !self.is(i, TEMPORAL))
                && (after_in
                    || world()
                        .lookup(name)
                        .is_some_and(|e| world().entries[e].kind == EntityKind::Place))
        });
        let end = (start + 1..n.min(start + 4)).find(|&i| !self.plain(i - 1, i))?;
        let capitals = (start..end).all(|i| self.word(i).starts_with(char::is_uppercase));
        let name = &self.doc.text[self.toks[start].start..self.toks[end - 1].end];
        let place = || {
            world()
                .lookup(name)
                .is_some_and(|e| world().entries[e].kind == EntityKind::Place)
        };
        (opening_ends_on_place && capitals && self.comma(end - 1, end) && place()).then_some(end)
    }

    /// A description whose name follows in apposition: "One delegate, Dana Roe of Dover,
    /// pledged …", "Ash’s pollster, Tom Ng, says …". The name is the subject: the words
    /// after the first comma, capitalised or role nouns, closing on two or more capitalised
    /// words at a comma or at "of" / "from".
    fn apposed_name(&self, start: usize) -> Option<Range<usize>> {
        let n = self.toks.len();
        let comma = (start + 1..n.min(start + 7)).find(|&i| !self.plain(i - 1, i))?;
        let possessive = (start..comma).any(|i| self.toks[i].full_end > self.toks[i].end);
        let described = possessive
            || matches!(
                self.word(start),
                "The" | "A" | "An" | "One" | "Another" | "His" | "Her" | "Their" | "Its"
            );
        if !described
            || !self.comma(comma - 1, comma)
            || !self.word(comma - 1).starts_with(char::is_lowercase)
            || (start..comma).any(|i| self.verb_word(i).is_some())
        {
            return None;
        }
        let mut end = comma;
        while end < n && end - comma < MAX_WORDS / 2 && (end == comma || self.plain(end - 1, end)) {
            let capital = self.word(end).starts_with(char::is_uppercase);
            if !capital && !self.is(end, ROLE_NOUNS | TITLE_BASE | TITLE_MOD) {
                break;
            }
            end += 1;
        }
        let mut first_name = end;
        while first_name > comma && self.word(first_name - 1).starts_with(char::is_uppercase) {
            first_name -= 1;
        }
        let closes =
            end < n && (self.comma(end - 1, end) || matches!(self.word(end), "of" | "from"));
        (end - first_name >= 2 && closes && !self.is(comma, STOP | TEMPORAL)).then_some(comma..end)
    }

    /// The subject shared by a verb at `v` coordinated with an earlier one: "Roe took the
    /// stage and joked", "Roe said he would go and added": the speaker of an earlier
    /// reporting verb of the main clause, else the sentence's subject. A verb in an opening
    /// clause has a subject of its own ("When I asked Roe, she smiled and said").
    pub fn shared_subject(&self, v: usize) -> Option<Range<usize>> {
        let end = self.skip_fillers(v, 0);
        if end < 2 || !self.plain(end - 1, end) || !matches!(self.word(end - 1), "and" | "but") {
            return None;
        }
        let main = self.main_subject(0);
        let from = main.as_ref().map_or(0, |m| m.start);
        (from..end - 1)
            .rev()
            .find(|&i| self.verb_at(i) == Some(Verb::Finite) && self.word(i) != "according")
            .and_then(|f| self.speaker_before(f, 0))
            .or(main)
            .or_else(|| self.opening_clause_subject(end - 1))
    }

    /// The subject of an opening clause that runs unbroken to word `end`: "When Roe later
    /// referred to the flood and said" is Roe's.
    fn opening_clause_subject(&self, end: usize) -> Option<Range<usize>> {
        if end < 3 || !subordinate(self.word(0)) || (1..end).any(|i| self.breaks(i - 1, i)) {
            return None;
        }
        let predicate = (2..end).find(|&i| {
            let w = self.word(i);
            w.starts_with(char::is_lowercase)
                && (w.ends_with("ed")
                    || irregular_past(w)
                    || self.verb_word(i).is_some()
                    || self.is(i, SPEECH_FILLERS))
        })?;
        self.noun_phrase(1..predicate)
    }

    /// The verb whose "that" clause opens with a list holding the phrase at word `start`:
    /// "Roe wrote that the title, history and text of the law showed …".
    pub(super) fn reporting_verb_of(&self, start: usize, floor: usize) -> Option<usize> {
        let from = start.saturating_sub(MAX_WORDS).max(floor + 1);
        let that = (from..start).rev().find(|&i| self.word(i) == "that")?;
        let listed = (that + 1..start).all(|i| {
            matches!(self.word(i), "and" | "or")
                || (self.verb_word(i).is_none() && !self.is(i, CLAUSE_OPENERS))
        }) && (that + 1..=start)
            .all(|i| !self.gap(i - 1, i).contains(['.', ';', ':', '(']));
        (listed && self.plain(that - 1, that)).then_some(that - 1)
    }

    /// The subject of a "where" or "when" clause right before a participle at `v`: "…
    /// the hall, where 50 protesters had gathered, chanting" is the protesters' chant.
    pub fn adverbial_clause_subject(&self, v: usize) -> Option<Range<usize>> {
        let end = self.skip_fillers(v, 0);
        if end < 3 || !self.comma(end - 1, end) {
            return None;
        }
        let opener = (end.saturating_sub(MAX_WORDS)..end - 1)
            .rev()
            .take_while(|&i| self.plain(i, i + 1))
            .last()
            .filter(|&i| {
                i > 0 && self.breaks(i - 1, i) && matches!(self.word(i), "where" | "when")
            })?;
        let verb =
            (opener + 2..end).find(|&i| auxiliary(self.word(i)) || self.word(i).ends_with("ed"))?;
        self.noun_phrase(opener + 1..verb)
    }

    /// The subject "with" gives a participle at `v`: "…, with Roe reportedly yelling".
    pub fn subject_with(&self, v: usize) -> Option<Range<usize>> {
        let end = self.skip_fillers(v, 0);
        let with = (end.saturating_sub(MAX_WORDS / 2)..end)
            .rev()
            .take_while(|&i| self.plain(i, i + 1))
            .find(|&i| self.word(i) == "with")?;
        let words = with + 1..end;
        (!words.is_empty() && opens_phrase(self.word(with + 1), &self.toks[with + 1]))
            .then(|| self.noun_phrase(words))
            .flatten()
    }

    /// The agent of a passive verb at `v`: "Roe was asked by host Ana Ruiz" is Ruiz's
    /// question, "the plan was praised by the mayor" the mayor's word.
    pub fn agent_after(&self, v: usize) -> Option<Range<usize>> {
        let passive = v > 0
            && self.plain(v - 1, v)
            && matches!(
                self.word(v - 1),
                "was" | "were" | "is" | "are" | "been" | "being"
            );
        let by = v + 1 < self.toks.len() && self.plain(v, v + 1) && self.word(v + 1) == "by";
        (passive && by)
            .then(|| self.subject_after_from(v + 1, true))
            .flatten()
    }

    /// `main_subject`, or else a sentence-opening description of a thing that speaks for
    /// someone, known by the predicate after it: "The Rove ad hits", "The council voted",
    /// "The email goes on", "The New York Times characterized". A quoted phrase in such a
    /// sentence is credited to it.
    pub fn described_subject(&self) -> Option<Range<usize>> {
        self.main_subject(0).or_else(|| self.thing_subject(false))
    }

    /// `described_subject`, also taking someone's staff or papers ("Her office mailed a
    /// letter"), for a sentence that a verb of saying shows to be a statement.
    pub fn speaking_subject(&self) -> Option<Range<usize>> {
        self.main_subject(0).or_else(|| self.thing_subject(true))
    }

    fn thing_subject(&self, owned: bool) -> Option<Range<usize>> {
        let n = self.toks.len();
        // "Led by Roe, the rally denounced": past any opening phrase.
        let first = self.subject_start(0).filter(|&first| first + 3 <= n)?;
        let owner = owned && matches!(&*capitalised(self.word(first)), "His" | "Her" | "Their");
        let article = matches!(&*capitalised(self.word(first)), "The" | "A" | "An");
        if !(owner || article) {
            return None;
        }
        let mut end = first + 1;
        // "The Oakton Board of Elections": a name may hold "of" before its next capital.
        let capital = |i: usize| i < n && self.word(i).starts_with(char::is_uppercase);
        while end < n
            && self.plain(end - 1, end)
            && (capital(end)
                || (end > first + 1
                    && self.word(end) == "of"
                    && capital(end + 1)
                    && self.plain(end, end + 1)))
        {
            end += 1;
        }
        let names = end;
        let predicate = |i: usize| {
            let w = self.word(i);
            w.starts_with(char::is_lowercase)
                && (self.verb_word(i).is_some()
                    || self.is(i, SPEECH_FILLERS)
                    || irregular_past(w)
                    || (w.len() > 3
                        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))))
        };
        // At most two lowercase nouns close it ("ad", "editorial board"), up to the predicate.
        loop {
            if end >= n {
                return None;
            }
            // "The Roe campaign, in a note to donors, worded it": a phrase set off by commas
            // between the subject and its predicate.
            if end > first + 1 && !self.plain(end - 1, end) {
                let inserted = self.comma(end - 1, end)
                    && self.is(end, LEAD_PREPOSITIONS)
                    && (end + 1..n.min(end + MAX_OPENING))
                        .find(|&i| self.breaks(i - 1, i))
                        .is_some_and(|i| self.comma(i - 1, i) && i < n && predicate(i));
                return inserted.then_some(first..end);
            }
            if !self.plain(end - 1, end) {
                return None;
            }
            if predicate(end) && end > first + 1 {
                return Some(first..end);
            }
            if end - names == 2 || !self.noun(end) {
                return None;
            }
            end += 1;
        }
    }

    /// A lowercase word that can head a noun phrase: no function word, verb or adverb.
    fn noun(&self, i: usize) -> bool {
        let w = self.word(i);
        w.starts_with(char::is_lowercase)
            && !ly_adverb(w)
            && !w.ends_with("ed")
            && !self.is(
                i,
                DETERMINERS | SPEECH_FILLERS | CLAUSE_OPENERS | LEAD_PREPOSITIONS | SPEAKER_ENDS,
            )
            && self.verb_word(i).is_none()
    }
}

/// A word with its first letter in capitals, to compare with a sentence's first word.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
