//! Whether a word spelled as a reporting verb is one here, and of which kind: not a noun
//! ("Ash’s comments", "a TV show", "with notes like"), not a thing named ("a class called
//! …"), not a request for anonymity ("who declined to be named").

use super::words::progressive;
use super::*;

impl Clause<'_> {
    /// The reporting verb at word `i` ("according to" counts as one, at "according").
    #[inline]
    pub fn verb_at(&self, i: usize) -> Option<Verb> {
        // Most words are no verb: rejected on their classes and length alone.
        // The idioms of `verb_here` ("according", "put", "went", "state") pass on length and
        // letter.
        let t = &self.toks[i];
        let len = t.end - t.start;
        let first = self.doc.text.as_bytes()[t.start];
        let idiom = len == 9
            || (matches!(len, 3 | 4) && first == b'p')
            || (len == 4 && first == b'w')
            || (len == 5 && first == b's');
        if !t.is(VERBS) && !idiom {
            return None;
        }
        self.verb_here(i)
    }

    fn verb_here(&self, i: usize) -> Option<Verb> {
        let w = self.word(i);
        let next = |word: &str| i + 1 < self.toks.len() && self.word(i + 1) == word;
        // "according to Roe"; "as Roe put it": an idiom that credits its subject.
        if (w == "according" && next("to"))
            || (matches!(w, "put" | "puts") && next("it"))
            || (w == "state" && self.plural_states(i))
        {
            return Some(Verb::Finite);
        }
        // "“…?” Ash went on, as if": going on speaking, the clause ending there, after a
        // quotation ("as the day went on, …" goes on with no one speaking).
        if w == "went" && next("on") {
            let ends = i + 2 == self.toks.len() || self.breaks(i + 1, i + 2);
            let before = &self.doc.text[..self.toks[i].start];
            let quoted = before
                .rfind(['”', '"'])
                .is_some_and(|q| before.len() - q < 60 && !before[q..].contains(['.', ';']));
            return (ends && quoted).then_some(Verb::Finite);
        }
        let v = self.verb_word(i)?;
        // "Ash’s rule (repeated to me for years) was": a participle in brackets describes.
        let after = |k: usize| self.toks.get(k).map_or("", |t| t.text(&self.doc.text));
        let bracketed = i > 0
            && self.gap(i - 1, i).contains('(')
            && participle_phrase(w, after(i + 1), after(i + 2));
        if bracketed
            || self.reduced_relative(i)
            || self.withholds_name(i)
            || self.plural_noun(i)
            || !self.verbal(i, bare(w, &self.toks[i]))
        {
            return None;
        }
        let after_to = i > 0 && self.word(i - 1) == "to" && self.plain(i - 1, i);
        Some(if after_to { Verb::Dependent } else { v })
    }

    /// Whether the participle at word `i` describes the document before it, the clause's
    /// own verb coming later: "A study published last month in the journal found …", "a
    /// report released Tuesday by the auditor shows …". The document has a determiner, and
    /// a preposition, a time or an adverb of when or how follows the participle ("The firm
    /// released a report" and "The mayor criticized on Tuesday the plan" keep their verbs).
    pub(crate) fn reduced_relative(&self, i: usize) -> bool {
        let n = self.toks.len();
        if i < 2 || i + 2 >= n || !self.word(i).ends_with("ed") {
            return false;
        }
        let described = self.plain(i - 2, i - 1)
            && self.plain(i - 1, i)
            && self.is(i - 2, DETERMINERS)
            && self.is(i - 1, DOCUMENTS | SPEECH_NOUNS);
        let next = self.word(i + 1);
        let modified = matches!(
            next,
            "by" | "in"
                | "on"
                | "at"
                | "last"
                | "this"
                | "earlier"
                | "recently"
                | "yesterday"
                | "today"
                | "online"
                | "jointly"
        ) || self.is(i + 1, TEMPORAL);
        // The later verb in the same stretch: none past a comma or "that", where a verb
        // is the content's or an inserted speaker's ("The report warned on Tuesday that
        // the bridge could fail, critics say").
        described
            && modified
            && (i + 2..n.min(i + 16))
                .take_while(|&j| self.plain(j - 1, j) && self.word(j) != "that")
                .any(|j| self.toks[j].is(VERBS) && !self.word(j).ends_with("ing"))
    }

    /// Whether word `i` asks for anonymity: "who declined to be named", "asked not to be
    /// identified" say why a source is unnamed, not what it said.
    pub(super) fn withholds_name(&self, i: usize) -> bool {
        if !matches!(self.word(i), "declined" | "refused" | "asked" | "requested") {
            return false;
        }
        let mut j = i + 1;
        if j < self.toks.len() && self.word(j) == "not" {
            j += 1;
        }
        j + 2 < self.toks.len()
            && self.word(j) == "to"
            && self.word(j + 1) == "be"
            && matches!(self.word(j + 2), "named" | "identified" | "quoted")
    }

    /// Whether word `i`, spelled as a verb, is used as one here rather than as a noun ("Ash’s
    /// comments", "any states", "the tax plan"); `bare_form` marks a form that is a verb only
    /// after a plural subject, an auxiliary or "to".
    pub fn verbal(&self, i: usize, bare_form: bool) -> bool {
        let w = self.word(i);
        // "Ash’s comments", "any states": a noun, not a verb.
        if i > 0 && self.plain(i - 1, i) {
            let prev = &self.toks[i - 1];
            // "One in five say": a number closing a share of people is no determiner.
            let share = i > 1 && self.word(i - 2) == "in" && {
                let n = self.word(i - 1);
                n.bytes().all(|b| b.is_ascii_digit()) || number_word(n)
            };
            // "Many fear", "Some say": a quantifier opening the sentence stands for people,
            // before a verb with no plural "s" ("Some reports" stays a noun).
            let people = (i == 1 || (i > 1 && self.opens_clause(i - 1)))
                && matches!(
                    self.lower(i - 1).as_ref(),
                    "some" | "many" | "both" | "several" | "most" | "few" | "others"
                )
                && !w.ends_with('s');
            // "the two said": people counted, though a number is usually a determiner.
            let counted = i > 1 && self.word(i - 2) == "the" && counted(self.word(i - 1));
            if prev.full_end > prev.end
                || self.is(i - 1, DETERMINERS) && !share && !people && !counted
            {
                return false;
            }
            // "a class called “Power”": a participle naming the thing before it.
            if matches!(w, "called" | "dubbed" | "titled" | "entitled" | "nicknamed")
                && naming(self.word(i - 1))
                && !self.is(i - 1, ROLE_NOUNS | STOP | TITLE_BASE)
                && i + 1 < self.toks.len()
                && self.gap(i, i + 1).contains(['“', '"'])
            {
                return false;
            }
            // "with notes like", "of claims", "over plans to": a preposition's object is a
            // noun; "says" never is one ("a voice over says").
            if !w.ends_with("ing")
                && !matches!(w, "says" | "said")
                && matches!(
                    self.word(i - 1),
                    "with"
                        | "of"
                        | "for"
                        | "about"
                        | "without"
                        | "from"
                        | "among"
                        | "amid"
                        | "in"
                        | "on"
                        | "at"
                        | "into"
                        | "across"
                        | "through"
                        | "under"
                        | "between"
                        | "by"
                        | "over"
                        | "despite"
                        | "against"
                        | "during"
                        | "after"
                        | "before"
                        | "within"
                )
            {
                return false;
            }
            // "911 calls", "two reports": a plural noun after a number.
            let p = self.word(i - 1);
            let number = p.bytes().all(|b| b.is_ascii_digit()) || number_word(p) || p == "dozen";
            if number && !share && w.ends_with('s') {
                return false;
            }
        }
        // "is disavowing remarks", "after making claims": the object of a participle that no
        // determiner makes a noun ("the ruling says" keeps its verb).
        if i > 1 && self.plain(i - 1, i) && progressive(self.word(i - 1)) {
            let before = self.word(i - 2);
            if !self.is(i - 2, DETERMINERS) && !before.starts_with(char::is_uppercase) {
                return false;
            }
        }
        let after_to = i > 0 && self.word(i - 1) == "to" && self.plain(i - 1, i);
        if !after_to && i > 0 && self.plain(i - 1, i) && bare_form {
            // "the tax plan", "a fundraising call": a bare form after a singular noun is a
            // noun; as a verb it follows a plural subject ("officials say") or an auxiliary.
            let prev = self.word(i - 1);
            // "Ash’s conference call": a possessive determines the noun as an article does.
            let determined = i > 1
                && self.plain(i - 2, i - 1)
                && (self.is(i - 2, DETERMINERS)
                    || self.toks[i - 2].full_end > self.toks[i - 2].end);
            // "a TV show", "an NBC report": a thing named by its maker or kind ("files
            // from NGP VAN show that" still reports).
            let that_follows = i + 1 < self.toks.len() && self.word(i + 1) == "that";
            // "a 10-year plan", "a three-point plan": a measure before a noun.
            let measure = prev.split_once('-').is_some_and(|(n, _)| {
                (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'$'))
                    || number_word(n)
            });
            let noun = determined
                || measure
                || prev.ends_with("ing")
                || (is_acronym(prev) && !that_follows);
            // "those surveyed say": people named by a participle.
            let polled = i > 1 && self.word(i - 2) == "those" && prev.ends_with("ed");
            let plural = polled
                || (prev.starts_with(char::is_uppercase) && !is_acronym(prev))
                || (prev.ends_with('s') && !prev.ends_with("ss"))
                || matches!(prev, "third" | "half" | "majority" | "minority" | "percent" | "both")
                // "the two write": people counted.
                || counted(prev);
            // "People familiar with the plan say": a verb no noun is spelled as follows the
            // plural the phrase began with.
            if noun && !plural && !only_verb(w) {
                return false;
            }
        }
        true
    }

    /// Whether word `i`, one of the plurals news writes far more often than the verb they
    /// spell ("swing states", "percentage points", "his prepared remarks"), is that plural.
    /// As a verb it introduces what was said ("states that", "notes: …", "points out",
    /// "calls it a failure"), ends a sentence opened by a quotation ("“…,” an aide notes."),
    /// stands inside commas (", the memo states, …"), or has a name, a pronoun or an
    /// apposition's comma for its subject ("Ash notes he was first").
    fn plural_noun(&self, i: usize) -> bool {
        let w = self.word(i);
        let introducers: &[&str] = match w {
            "states" | "remarks" | "comments" => &["that"],
            "notes" => &["that", "the", "a", "an", "his", "her", "their", "its"],
            "points" => &["out", "to"],
            "calls" => &[
                "for", "on", "out", "it", "him", "her", "them", "himself", "herself",
            ],
            _ => return false,
        };
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let last = i + 1 == self.toks.len();
        let introduces = if last {
            self.doc.text[self.toks[i].full_end..]
                .trim_start()
                .starts_with(':')
        } else {
            self.gap(i, i + 1).contains([':', '“', '"', '‘'])
                || introducers.contains(&self.word(i + 1))
        };
        let before = self.gap(p, i);
        if introduces || before.contains(['”', '"', '’']) || (before.contains(',') && w != "states")
        {
            return false;
        }
        // The subject's first word: after a comma it opens an inserted clause, after a
        // closing quotation mark it opens the tag.
        let mut s = p;
        while s > 0 && self.plain(s - 1, s) && p - s < 8 {
            s -= 1;
        }
        // At the clause's start, the marks and commas the text before it ends with.
        let opening = if s == 0 {
            let before = self.doc.text[..self.toks[0].start].trim_end();
            &before[before.trim_end_matches(['”', '"', '’', ',']).len()..]
        } else {
            self.gap(s - 1, s)
        };
        let tag = last && opening.contains(['”', '"', '’']);
        let inserted =
            !last && self.breaks(i, i + 1) && opening.contains(',') && self.is(s, DETERMINERS);
        if tag || inserted {
            return false;
        }
        let named = self.plain(p, i)
            && ((self.word(p).starts_with(char::is_uppercase) && self.word(p) != "I")
                || matches!(self.word(p), "he" | "she" | "it"));
        !named || w == "states"
    }

    /// Whether "state" at word `i` is the verb ("the authors state in the paper", "the
    /// rules state that"), nearly always a noun otherwise ("a swing state in", "Ohio state
    /// officials"): a plural subject before it, and "that", "in", "on" or the clause's end
    /// after.
    fn plural_states(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).filter(|&p| self.plain(p, i)) else {
            return false;
        };
        let prev = self.word(p);
        let plural = matches!(prev, "they" | "we")
            || (prev.ends_with('s') && !prev.ends_with("ss") && !self.is(p, DETERMINERS));
        let closes = i + 1 == self.toks.len()
            || !self.plain(i, i + 1)
            || matches!(self.word(i + 1), "that" | "in" | "on");
        plural && closes
    }
}

/// Whether `word`, a bare form, is spelled as no noun: after a singular noun it still
/// reads as the verb of a plural subject further back.
fn only_verb(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "tell"
            | "argue"
            | "insist"
            | "explain"
            | "declare"
            | "suggest"
            | "announce"
            | "describe"
            | "predict"
            | "acknowledge"
            | "admit"
            | "concede"
            | "believe"
            | "think"
            | "expect"
            | "agree"
            | "prefer"
            | "oppose"
            | "endorse"
            | "wonder"
    )
}

/// A number of people more than one: "two" in "the two said".
pub(super) fn counted(word: &str) -> bool {
    number_word(word) && word != "one"
}

/// Whether `word` before "called" reads as the thing named ("a class called …") rather
/// than as a speaker: a singular common noun, so no pronoun, adverb, auxiliary or plural
/// ("critics called").
fn naming(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && word.len() > 2
        && (!word.ends_with('s') || word.ends_with("ss"))
        && !word.ends_with("ly")
        && !auxiliary(word)
        && !matches!(
            word,
            "who" | "that" | "which" | "she" | "him" | "her" | "they" | "then"
        )
}
