//! Capitalised words that belong to a longer phrase rather than naming anything alone:
//! parts of titles and slogans ("Gang of Eight", "Face the Nation"), headlines set in
//! capitals, and words describing the person named after them ("Pollster Dana Reyes").

use super::*;

/// Small words inside titles of works, groups and slogans.
fn title_joint(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "for" | "to" | "on" | "in" | "with" | "from"
    )
}

/// "Moderator", "Filmmaker", "Novelist", "Actress": a noun for what someone does, by its
/// ending, long enough not to be a short surname like "Baker" standing first.
pub(super) fn is_agent_noun(word: &str) -> bool {
    word.len() >= 7 && ["er", "or", "ist", "ess"].iter().any(|s| word.ends_with(s))
}

impl<'a> Discoverer<'a> {
    /// Whether the one word at `a` is joined by a small word to a lone capitalised word
    /// before or after it: "Eight" and "Gang" in "Gang of Eight", "Nation" in "Face the
    /// Nation". Such a word alone is a piece of a title, not a name. A run of names before
    /// it ("Dana Reyes of Harbex") is no title.
    pub(super) fn in_title_phrase(&self, a: usize) -> bool {
        let n = self.toks.len();
        // A common word capitalised mid-sentence ("Gang of Eight") is a title's word too.
        let cap_word = |i: usize| {
            self.toks[i].cap && !self.toks[i].solo && !(self.toks[i].initial && self.is(i, STOP))
        };
        let lone = |i: usize| cap_word(i) && !(i > 0 && self.run_word_before(i));
        let joint = |i: usize| !self.toks[i].cap && title_joint(self.word(i));
        let linked = |x: usize, y: usize| self.plain_gap(x, y);
        let before = a >= 2
            && joint(a - 1)
            && linked(a - 1, a)
            && linked(a - 2, a - 1)
            && (lone(a - 2)
                || (self.word(a - 1) == "the"
                    && a >= 3
                    && joint(a - 2)
                    && linked(a - 3, a - 2)
                    && lone(a - 3)));
        let after = a + 2 < n
            && !self.toks[a].possessive()
            && joint(a + 1)
            && linked(a, a + 1)
            && linked(a + 1, a + 2)
            && (cap_word(a + 2)
                || (self.word(a + 2) == "the"
                    && a + 3 < n
                    && linked(a + 2, a + 3)
                    && cap_word(a + 3)));
        // "NBC’s Meet the Press": an owner before the title is no name run.
        before || (after && !(a > 0 && self.run_word_before(a)))
    }

    /// Whether the word before `i` is a capitalised word of the same run, rather than an
    /// owner ("NBC’s", "CBS'") or a name of its own inside a hyphenated word ("pro-Ash").
    fn run_word_before(&self, i: usize) -> bool {
        let p = &self.toks[i - 1];
        p.cap && !p.possessive() && !p.solo && !self.text[p.end..].starts_with(['\'', '’'])
    }

    /// Whether the run `i..=end` is three or more words in capitals that no built-in name
    /// covers: a headline or a slogan ("MAKE THE DEAL NOW"), not a name. Initials keep a
    /// byline's name ("MARIA T. OKAFOR").
    pub(super) fn capitals_headline(&self, i: usize, end: usize) -> bool {
        end >= i + 2
            && (i..=end).all(|k| {
                let w = self.word(k);
                is_acronym(w) && !is_initials(w)
            })
            && self.world_span(i, end).is_none()
    }

    /// Adds the built-in names inside a headline in capitals ("VOTERS IN NEW YORK WAIT"
    /// names New York), longest first.
    pub(super) fn world_names_in(&mut self, i: usize, end: usize) {
        let mut from = i;
        while from <= end {
            let found = (from..=end)
                .rev()
                .find_map(|to| self.world_span(from, to).map(|w| (to, w)));
            match found {
                Some((to, w)) => {
                    self.add(from, to, Some(w), None);
                    from = to + 1;
                }
                None => from += 1,
            }
        }
    }

    /// Where a person's name starts in the run `a..=b` when capitalised words describing
    /// her come first: "Pollster Dana Reyes", "Navy SEAL Tom Ash", "Moderator Tom Ash",
    /// "Using Dana Reyes" at a
    /// sentence's start. The name is a given name and a surname; the words before hold no
    /// given name and at least one word known as something else (a role, a party, a
    /// common word, a built-in name, an acronym), so "Moner Ali Haddad" stays whole.
    pub(super) fn described_person(&self, a: usize, b: usize) -> Option<usize> {
        let given = GIVEN_NAMES | MALE_GIVEN | FEMALE_GIVEN;
        if self.is(a, OTHER_HEAD) {
            // "Hurricane Sandy Jones" is rather a storm.
            return None;
        }
        let k = (a + 1..b).find(|&i| self.is(i, given))?;
        if !self.name_shaped(k, b) || (a..k).any(|i| self.is(i, given) || !self.toks[i].cap) {
            return None;
        }
        let known = |i: usize| {
            let w = self.word(i);
            let t = &self.toks[i];
            (t.classes & !(PARTICLES | given) != 0 && !is_initials(w))
                || t.world.is_some()
                || (is_acronym(w) && w.len() >= 3 && !is_initials(w))
                || is_adverb(w)
                || (t.initial && w.len() >= 5 && w.ends_with("ing"))
                || (i == a && is_agent_noun(w))
        };
        (a..k).any(known).then_some(k)
    }

    /// Whether word `a`, opening a sentence before the name `a + 1..=b`, is an ordinary
    /// word rather than the start of a longer name: a gerund ("Watching Trump"), or a word
    /// the article also writes in lowercase before a built-in name or a given name and
    /// surname ("Like Oakland", "Take Dana Reyes"). Titles of common words ("Hard Hats",
    /// "Black Lives Matter") stay whole.
    pub(super) fn ordinary_opener(&mut self, a: usize, b: usize) -> bool {
        let word = self.word(a);
        if a >= b
            || !self.toks[a].initial
            || self.is(a, GIVEN_NAMES)
            || self.toks[a].world.is_some()
        {
            return false;
        }
        if word.len() >= 6 && word.ends_with("ing") {
            return true;
        }
        let named = self.world_span(a + 1, b).is_some()
            || (a + 1 < b && self.is(a + 1, GIVEN_NAMES) && self.name_shaped(a + 1, b));
        if !named {
            return false;
        }
        let (doc, text) = (self.doc, self.text);
        let lower = self.lowercase_words.get_or_insert_with(|| {
            doc.tokens
                .iter()
                .map(|t| &text[t.start..t.end])
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        });
        lower.contains(lowercase(word).as_ref())
    }
}
