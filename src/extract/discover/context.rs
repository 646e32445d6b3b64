//! Kind evidence from the words around a name.

use super::*;

/// Nouns for relatives: only people have a wife, a son or a niece.
fn is_kin(word: &str) -> bool {
    matches!(
        word,
        "wife"
            | "husband"
            | "son"
            | "daughter"
            | "sister"
            | "brother"
            | "mother"
            | "father"
            | "uncle"
            | "aunt"
            | "nephew"
            | "niece"
            | "cousin"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "widow"
            | "widower"
            | "fiancé"
            | "fiancée"
            | "fiance"
            | "fiancee"
            | "girlfriend"
            | "boyfriend"
            | "spouse"
            | "stepson"
            | "stepdaughter"
            | "stepfather"
            | "stepmother"
            | "sons"
            | "daughters"
            | "brothers"
            | "sisters"
            | "parents"
            | "children"
    )
}

/// Nouns for what only a person is, beyond the titles and roles of the lexicon: "X, a
/// campaign official", "X, a longtime supporter".
fn is_person_noun(word: &str) -> bool {
    matches!(
        word,
        "official"
            | "consultant"
            | "operative"
            | "aide"
            | "staffer"
            | "supporter"
            | "donor"
            | "volunteer"
            | "organizer"
            | "voter"
            | "resident"
            | "native"
            | "student"
            | "teacher"
            | "doctor"
            | "physician"
            | "nurse"
            | "worker"
            | "employee"
            | "retiree"
            | "veteran"
            | "host"
            | "anchor"
            | "editor"
            | "columnist"
            | "blogger"
            | "producer"
            | "pollster"
            | "comedian"
            | "musician"
            | "artist"
            | "critic"
            | "fan"
            | "farmer"
            | "businessman"
            | "businesswoman"
            | "mogul"
            | "tycoon"
            | "survivor"
            | "victim"
    )
}

impl<'a> Discoverer<'a> {
    /// Kind evidence from the words around a name.
    pub(super) fn context(&self, a: usize, b: usize, person_shaped: bool, cue: &mut Votes) {
        let n = self.toks.len();
        let multi_person = person_shaped && a < b;
        // "Dana Reyes": a given name and a surname outweigh an organisation beside them
        // ("pollster Dana Reyes", "the Oakton Times and Dana Reyes").
        let given_person = multi_person && self.is(a, GIVEN_NAMES);
        if b + 1 < n
            && self.gap(b, b + 1).trim() == ","
            && self.toks[b + 1].cap
            && self.is(b + 1, US_STATES)
        {
            // "Tampa, Fla.": a town and its state.
            cue[slot(Place)] += STRONG;
        }
        if a == b && self.toks[a].solo && self.backer(a) {
            // "pro-Reyes", "anti-Okafor": a camp is named after a person, more often
            // than not (built-in names and acronyms aside).
            cue[slot(Person)] += CUE;
        }
        let (start, end) = (self.toks[a].start, self.toks[b].end);
        if self
            .speakers
            .binary_search_by_key(&start, |r| r.start)
            .is_ok_and(|i| self.speakers[i].end == end)
        {
            // "DANA REYES: We will…" in a transcript: the label names who speaks.
            cue[slot(Person)] += STRONG;
        }
        if self.dateline(a, b) {
            // "OAKTON, Iowa —": a town in capitals is no acronym.
            cue[slot(Place)] += STRONG;
        }
        if person_shaped && a > 0 && self.lower_word(a - 1) && is_kin(self.word(a - 1)) {
            // "his wife, Dana", "their son Tomas": a relative is a person.
            let g = self.gap(a - 1, a).trim();
            if g.is_empty() || g == "," {
                cue[slot(Person)] += CUE;
            }
        }
        let lead = (a > 0 && self.plain_gap(a - 1, a))
            .then(|| self.lead_word(a - 1))
            .flatten();
        if let Some(prev) = &lead {
            let prev: &str = prev;
            let p = a - 1;
            let pc = classes(prev);
            let before = (p > 0 && self.plain_gap(p - 1, p)).then(|| self.word(p - 1));
            let bc = before.map_or(0, classes);
            // "in Hitler’s Germany", "at Dana’s diner": a possessive name owns the place.
            let owner = self.toks[b].possessive();
            // "shares in Slough Estates", "a stake in Zentara": a company is owned in parts.
            let owned = matches!(prev, "in" | "of")
                && before.is_some_and(|w| {
                    matches!(w, "shares" | "stake" | "stakes" | "stock" | "holding")
                });
            if owned {
                cue[slot(Organization)] += CUE;
            } else if !owner && (pc & PLACE_PREPS != 0 || (prev == "the" && bc & PLACE_PREPS != 0))
            {
                cue[slot(Place)] += CUE;
            }
            if prev == "at" && !owner {
                // "an analyst at Wedbush Securities" works for an organisation; "at
                // Wembley" is a place.
                let employer = bc & ROLE_NOUNS != 0
                    || before.is_some_and(|w| w.ends_with("ist") || w.ends_with("ists"));
                cue[slot(if employer { Organization } else { Place })] += CUE;
            }
            // "pollster Zed Oxley" is a person, "the pollster Gallup" a firm: a noun for
            // both a job and a business goes by the name's shape.
            let job = pc & ROLE_NOUNS != 0 || (multi_person && is_person_noun(prev));
            if person_shaped && job {
                cue[slot(Person)] += CUE;
            } else if (pc & ORG_APPOS != 0 || prev.ends_with("maker")) && !given_person {
                cue[slot(Organization)] += CUE;
            }
            let after_comma = p > 0 && self.gap(p - 1, p).trim() == ",";
            if prev == "for"
                && before.is_some_and(|w| {
                    matches!(
                        w,
                        "MP" | "MPs" | "MEP" | "MSP" | "MLA" | "member" | "senator" | "Senator"
                    )
                })
            {
                // "the MP for Tunbridge Wells": a seat is a place.
                cue[slot(Place)] += CUE;
            }
            if prev == "of" && before.is_some_and(is_compass) {
                // "50 miles southeast of Tallahassee".
                cue[slot(Place)] += CUE;
            }
            // "Dana Mills and Tom Ash": the word of organisations is a person's surname.
            let person_before = self
                .last_name
                .is_some_and(|(pa, pb, _)| pb + 1 == p && self.surname_after_given(pa, pb));
            if prev == "and"
                && p > 0
                && self.toks[p - 1].cap
                && self.is(p - 1, ORG_TAIL)
                && !person_before
                && !given_person
            {
                // "Duke Energy and Georgia Power": listed with an organisation.
                cue[slot(Organization)] += STRONG;
            }
            if prev == "of" && (bc & PLACE_APPOS != 0 || after_comma) {
                // "the city of Mykolaiv"; "Daniel Whitmore, 44, of Palo Alto".
                cue[slot(Place)] += CUE;
            }
            if multi_person && pc & SPEECH_VERBS != 0 {
                cue[slot(Person)] += CUE;
            }
            if matches!(prev, "reports" | "reported") && !multi_person {
                cue[slot(Organization)] += CUE;
            }
        }
        let q = b + 1;
        if q >= n {
            return;
        }
        if self.plain_gap(b, q) && self.lower_word(q) {
            let next = self.word(q);
            let nc = classes(next);
            if matches!(next, "reported" | "reports") && !multi_person {
                cue[slot(Organization)] += CUE;
            } else if nc & SPEECH_VERBS != 0 && person_shaped {
                // Companies and ministries "say" things too: weak evidence.
                cue[slot(Person)] += WEAK;
            }
            if self.toks[b].possessive() {
                if nc & ORG_POSS != 0 {
                    // "Acme’s chief" is a company's, but "Dana Reyes’s chief strategist" a
                    // person's: weak evidence after a name shaped like a person's.
                    cue[slot(Organization)] += if multi_person { WEAK } else { CUE };
                } else if nc & PERSON_POSS != 0 {
                    cue[slot(Person)] += CUE;
                } else if nc & PLACE_POSS != 0 {
                    cue[slot(Place)] += CUE;
                }
            } else if nc & PERSON_NEXT != 0 && person_shaped && self.toks[a].world.is_none() {
                // "the Reyes administration", "Ash supporters".
                cue[slot(Person)] += CUE;
            } else if nc & (ORG_APPOS | ORG_POSS) != 0 {
                // "Zentara shares", "Dortmund coach Edin Terzic", "the Third Way bloc".
                cue[slot(Organization)] += CUE;
            } else if nc & PLACE_TAIL != 0 || state_body(next) {
                // "the Norland army": a country's own body.
                cue[slot(Place)] += CUE;
            } else if nc & OTHER_NEXT != 0 {
                cue[slot(Other)] += CUE;
            }
            if next == "and"
                && !given_person
                && q + 1 < n
                && self.toks[q + 1].cap
                && self.plain_gap(q, q + 1)
                && self.tail_follows(q + 1)
            {
                // "Kaiser Permanente and HCA Healthcare": listed with an organisation.
                cue[slot(Organization)] += CUE;
            }
        }
        if self.gap(b, q).trim() == "," {
            // "In Valdemar, the central bank held rates": the comma closes the opening
            // phrase, and what follows is the sentence, no description of the place.
            if !self.opens_sentence_with_preposition(a) {
                self.apposition(q, cue);
            }
            // "Tampa, Florida" and "Windham, New Hampshire": a town and its state or
            // country, the whole run of capitals after the comma being one place.
            let w = world();
            let m = if self.toks[q].cap {
                self.last_cap(q)
            } else {
                q
            };
            let in_place = self.toks[q].cue == Some(Place)
                || self
                    .world_span(q, m)
                    .is_some_and(|id| w.entries[id].kind == Place);
            // "Vasek, U.S. attorney for …": a place before a noun names a role, not where.
            let modifies = m + 1 < n
                && (self.toks[m + 1].cap
                    || (self.plain_gap(m, m + 1) && !is(self.word(m + 1), STOP)));
            if in_place && !self.toks[m].possessive() && !modifies {
                cue[slot(Place)] += CUE;
            }
        }
        for i in q..n.min(q + 4) {
            if self.toks[i].cap || !self.plain_gap(i - 1, i) {
                break;
            }
            match self.word(i) {
                "its" => cue[slot(Organization)] += WEAK,
                "his" | "her" => cue[slot(Person)] += WEAK,
                _ => continue,
            }
            break;
        }
    }

    /// The word at `p` as it reads before a name: a lower-case word as written, or a
    /// preposition of place opening a sentence ("In", "Outside"), whose capital proves
    /// nothing.
    fn lead_word(&self, p: usize) -> Option<Cow<'a, str>> {
        let word = self.word(p);
        if self.lower_word(p) {
            return Some(Cow::Borrowed(word));
        }
        let lower = lowercase(word);
        (self.toks[p].initial && is(&lower, PLACE_PREPS)).then_some(lower)
    }

    /// Whether the name at `a` follows a preposition that opens its sentence ("In
    /// Valdemar, …").
    fn opens_sentence_with_preposition(&self, a: usize) -> bool {
        a > 0
            && self.plain_gap(a - 1, a)
            && !self.lower_word(a - 1)
            && self.lead_word(a - 1).is_some()
    }

    /// Whether the word at `a` follows "pro-" or "anti-" and is no acronym or built-in name.
    fn backer(&self, a: usize) -> bool {
        let before = &self.text[..self.toks[a].start];
        (before.ends_with("pro-") || before.ends_with("anti-"))
            && self.toks[a].world.is_none()
            && !is_acronym(self.word(a))
    }

    /// Whether words `a..=b` open a dateline: a sentence's first words, in capitals, before
    /// a comma and a state or a known place ("OAKTON, Iowa", "PORT ELLIS, Fla.").
    pub(super) fn dateline(&self, a: usize, b: usize) -> bool {
        let n = self.toks.len();
        let q = b + 1;
        if a != 0 || q >= n {
            return false;
        }
        let capitals = (a..=b).all(|i| is_acronym(self.word(i)) && !is_initials(self.word(i)));
        let letters: usize = (a..=b).map(|i| self.word(i).len()).sum();
        if !capitals || letters < 4 {
            return false;
        }
        let gap = self.gap(b, q).trim();
        let credited =
            gap == "(" && self.toks[q].cap && (q + 1 == n || self.gap(q, q + 1).starts_with(')'));
        if ((gap.is_empty() || gap == ",") && self.date_at(q)) || credited {
            // "OAKTON 1997-03-14", "OAKTON, March 14", "OAKTON (Wirepress)": filed from
            // there, on that day or by that agency.
            return true;
        }
        if !self.toks[q].cap || gap != "," {
            return false;
        }
        // "KESSEL, Valdemar (Wirepress) —": the town's country or region, then the agency.
        let region = self.last_cap(q);
        let agency = region + 1;
        let credited = agency < n
            && self.gap(region, agency).trim() == "("
            && self.toks[agency].cap
            && (agency + 1 == n || {
                let after = self.gap(agency, agency + 1);
                after.starts_with(')')
                    && (after.contains('\n')
                        || after[1..].trim_start().starts_with(['-', '—', '–']))
            });
        credited
            || self.is(q, US_STATES)
            || self
                .world_span(q, region)
                .is_some_and(|id| world().entries[id].kind == Place)
    }

    /// Whether a dateline's date starts at word `q` and ends it: "1997-03-14", "14/03/1997",
    /// "March 14".
    fn date_at(&self, q: usize) -> bool {
        let word = self.word(q);
        let numeric = numeric_date(word);
        let day = |i: usize| {
            i < self.toks.len()
                && self.plain_gap(i - 1, i)
                && (1..=2).contains(&self.word(i).len())
                && self.word(i).bytes().all(|c| c.is_ascii_digit())
        };
        let last = if numeric {
            q
        } else if self.is(q, TEMPORAL) && starts_upper(self.word(q)) && day(q + 1) {
            q + 1
        } else {
            return false;
        };
        // The line or the dateline ends there: "OAKTON, March 14 (Wirepress) —".
        if last + 1 == self.toks.len() {
            return true;
        }
        let after = self.gap(last, last + 1);
        after.contains('\n') || after.trim_start().starts_with(['-', '—', '–', '('])
    }

    /// "X, who ...", "X, 45, ...", "X, a company ..." after a name.
    pub(super) fn apposition(&self, q: usize, cue: &mut Votes) {
        let n = self.toks.len();
        let first = self.word(q);
        if first == "who" {
            cue[slot(Person)] += CUE;
        } else if first == "which" {
            cue[slot(Organization)] += WEAK;
        } else if first.chars().all(|c| c.is_ascii_digit())
            && q + 1 < n
            && self.gap(q, q + 1).trim_start().starts_with(',')
        {
            cue[slot(Person)] += CUE;
        } else {
            // "X, the group's executive director", "X, one of the most popular sites".
            let mut i = q;
            while i < n
                && i < q + 4
                && (matches!(
                    self.word(i),
                    "a" | "an" | "the" | "one" | "of" | "its" | "their"
                ) || (self.toks[i].cap && self.toks[i].possessive()))
            {
                i += 1;
            }
            if i == q {
                return;
            }
            // The phrase's head is its last noun of a kind: "a tea party activist" is a
            // person, "a health care company" an organisation.
            let mut head = None;
            for i in i..n.min(i + 5) {
                // "a Helsinki-based startup": the hyphenated place is part of the phrase.
                if self.toks[i].solo {
                    continue;
                }
                let joined = i == q || self.plain_gap(i - 1, i) || self.toks[i - 1].solo;
                if !joined {
                    break;
                }
                if self.toks[i].cap {
                    // "X, an Ohio GOP consultant": names describing the noun.
                    continue;
                }
                if self.toks[i].possessive() {
                    // "the city’s budget director": the owner is not what X is.
                    continue;
                }
                let w = self.word(i);
                let kind = if is(w, ROLE_NOUNS) || is_person_noun(w) {
                    Person
                } else if is(w, ORG_APPOS) || w.ends_with("maker") {
                    Organization
                } else if is(w, PLACE_APPOS) {
                    Place
                } else if head.is_some() {
                    // "the final state rules": the noun of a kind was a modifier.
                    if !is(w, STOP) {
                        head = None;
                    }
                    break;
                } else {
                    continue;
                };
                head = Some(kind);
            }
            if let Some(kind) = head {
                cue[slot(kind)] += CUE;
            }
        }
    }
}

/// The bodies a country has, which name it before them: "the Norland army", "the Valdemar
/// embassy". Not "government" or "cabinet", which a leader's name comes before as often
/// ("the Reyes government").
fn state_body(word: &str) -> bool {
    matches!(
        word,
        "parliament" | "army" | "navy" | "military" | "embassy"
    )
}
