//! Names that go on past a lowercase word: "Bank of England", "Center for Oakton Studies",
//! "Department of Health and Human Services", "Ursula von der Leyen".

use super::*;

impl Discoverer<'_> {
    /// Whether two capitalised words belong to one name: only spaces (or " & ") between.
    pub(super) fn joins(&self, a: usize, b: usize) -> bool {
        let gap = self.gap(a, b);
        !gap.contains('\n') && (self.plain_gap(a, b) || gap.trim() == "&")
    }

    /// The last word of a name continued past lowercase connectors after word `end`:
    /// "Bank of England", "Secretary of State", "Ursula von der Leyen".
    pub(super) fn connector(&mut self, start: usize, end: usize) -> Option<usize> {
        let n = self.toks.len();
        let next = end + 1;
        if next >= n || self.toks[next].cap || !self.plain_gap(end, next) {
            return None;
        }
        let run = start..=end;
        let has = |mask: Class| run.clone().any(|i| self.is(i, mask));
        // The last word joined by a lowercase connector so far: "Bank of England" has one.
        let joined = run.clone().rev().find(|&i| !self.toks[i].cap);
        // An organisation's word goes on past "of" or "for" right after it ("Bank of",
        // "Center for") or once the name has gone past one ("Church of X of Y"); not from
        // further back ("House Speaker Tom Ash of Ohio", "the House East Room for").
        let heads = |mask: Class| self.is(end, mask) || (joined.is_some() && has(mask));
        let w = self.word(next);
        let mut k = next + 1;
        let allowed = match w {
            "of" => {
                if k < n && self.word(k) == "the" && self.plain_gap(next, k) {
                    k += 1;
                }
                heads(ORG_TAIL | ORG_HEAD | PLACE_HEAD)
                    // "United States of America": a built-in name.
                    || (k < n && self.world_span(start, self.last_cap(k)).is_some())
                    // "Secretary of State", "Chief of Staff".
                    || (self.is(end, TITLES) && k < n && matches!(self.word(k), "State" | "Staff"))
                    // "Freedom of Information Act": the name of a law.
                    || (k == next + 1 && self.tail_follows_of(k, OTHER_TAIL))
            }
            // "Parents for Safer Streets": people in the plural before "for" head a group.
            "for" => {
                heads(ORG_TAIL | ORG_HEAD) || (joined.is_none() && self.group_head(start, end))
            }
            "and" => {
                // "Department of Health and Human Services", but not "Secretary of State and
                // Democratic nominee" (a party's adjective alone goes on no name) nor
                // "University of Oakton and Tessel College" (a place ends the first name,
                // and no place follows as in "Port Authority of Oakton and Tessel").
                let adjective = k < n && self.is(k, DEMONYM) && self.last_cap(k) == k;
                let place = |a: usize, b: usize| {
                    self.world_span(a, b)
                        .is_some_and(|id| world().entries[id].kind == Place)
                };
                let place_ends = joined.is_some_and(|j| place(j + 1, end))
                    && !(k < n && place(k, self.last_cap(k)));
                // "Citizens for Fair Rents and Ethics", but not "Parents for Safer Streets
                // and Citizens for …", two groups.
                let next_group = k < n && self.is(k, GROUP_HEAD);
                (has(ORG_HEAD | ORG_TAIL | GROUP_HEAD)
                    && joined.is_some()
                    && !adjective
                    && !place_ends
                    && !next_group)
                    // "Marina Resort and Spa", "Arts and Sciences Academy": a pair of trades.
                    || (k < n && paired_trade(self.word(end)) && paired_trade(self.word(k)))
                    || (start == end
                        && self.toks[start].world.is_none()
                        && self.tail_follows(k)
                        && !self.lone_world_name(k))
                    || self.and_name(start, k)
            }
            _ if is(w, PARTICLES) => {
                if k < n && is(self.word(k), PARTICLES) && self.plain_gap(next, k) {
                    k += 1;
                }
                // Only the words after a title are the person's: "New York City Mayor
                // Bill de Blasio", "Commission President Ursula von der Leyen".
                let named_from = run
                    .clone()
                    .rev()
                    .find(|&i| self.is(i, TITLES))
                    .map_or(start, |t| t + 1);
                named_from <= end
                    && (named_from..=end).all(|i| !self.is(i, ORG_TAIL) && !self.is(i, PLACE_TAIL))
            }
            _ => false,
        };
        let ok =
            allowed && k < n && self.toks[k].cap && !self.toks[k].solo && self.plain_gap(k - 1, k);
        ok.then_some(k)
    }

    /// Whether the plural at `end` heads a group's name before "for": not the object of a
    /// verb ("blamed Republicans for the gridlock"), nor before a possessive ("for
    /// Oakton's budget"). A name before it ("Concerned Women for"), the sentence's start or
    /// a word that introduces a name ("the", "and", a preposition) lets it.
    fn group_head(&self, start: usize, end: usize) -> bool {
        if !self.is(end, GROUP_HEAD) {
            return false;
        }
        let cause = end + 2;
        let owned = cause < self.toks.len() && self.toks[self.last_cap(cause)].possessive();
        let introduced = start < end
            || start == 0
            || !self.plain_gap(start - 1, start)
            || !self.lower_word(start - 1)
            || matches!(
                self.word(start - 1),
                "the"
                    | "by"
                    | "from"
                    | "with"
                    | "of"
                    | "and"
                    | "or"
                    | "group"
                    | "called"
                    | "named"
                    | "for"
                    | "at"
                    | "to"
                    | "in"
                    | "on"
                    | "against"
                    | "about"
                    | "including"
                    | "like"
                    | "as"
            );
        introduced && !owned
    }

    /// Whether the capitalised words from `k` end in an organisation word: "Securities and
    /// Exchange Commission".
    pub(super) fn tail_follows(&self, k: usize) -> bool {
        self.tail_follows_of(k, ORG_TAIL)
    }

    /// Whether the capitalised words from `k` end in a word of the classes `tail`.
    pub(super) fn tail_follows_of(&self, k: usize, tail: Class) -> bool {
        let m = self.last_cap(k);
        m < self.toks.len() && self.toks[m].cap && self.is(m, tail)
    }

    /// The last of the capitalised words joined from `k`.
    pub(super) fn last_cap(&self, k: usize) -> usize {
        let n = self.toks.len();
        let mut m = k;
        while m + 1 < n && self.toks[m + 1].cap && self.plain_gap(m, m + 1) {
            m += 1;
        }
        m
    }

    /// Whether the capitalised words from `k` are a built-in name: "House and Senate" and
    /// "Reyes and White House" are two.
    fn lone_world_name(&self, k: usize) -> bool {
        k < self.toks.len() && self.world_span(k, self.last_cap(k)).is_some()
    }

    /// Whether words `start..=k` are a name with "and" in it: seen before, or followed by
    /// a word like "party" ("the ruling Law and Justice party").
    pub(super) fn and_name(&mut self, start: usize, k: usize) -> bool {
        let n = self.toks.len();
        if k >= n || !self.toks[k].cap || (k + 1 < n && self.toks[k + 1].cap) {
            return false;
        }
        let phrase = &self.text[self.toks[start].start..self.toks[k].end];
        if self.and_names.iter().any(|p| p == phrase) {
            return true;
        }
        let described = k + 1 < n && self.plain_gap(k, k + 1) && is(self.word(k + 1), ORG_APPOS);
        if described {
            self.and_names.push(phrase.to_string());
        }
        described
    }
}

/// Words of a venue's or a school's trades, which pair inside one name with "and".
fn paired_trade(word: &str) -> bool {
    matches!(
        word,
        "Hotel"
            | "Casino"
            | "Resort"
            | "Spa"
            | "Suites"
            | "Golf"
            | "Lodge"
            | "Inn"
            | "Bar"
            | "Grill"
            | "Arts"
            | "Sciences"
            | "Letters"
            | "Crafts"
    )
}
