//! What a name looks like: a world name, a title, a person's or an organisation's shape;
//! the candidates it yields and their votes from shape.

use super::*;

/// A party's adjective, which says whose a chamber or an office is, not its name:
/// "Republican Senate", "Democratic White House".
fn is_party_adjective(word: &str) -> bool {
    matches!(
        word,
        "Republican" | "Democratic" | "Democrat" | "Conservative" | "Liberal" | "Socialist"
    )
}

impl<'a> Discoverer<'a> {
    pub(super) fn world_span(&self, a: usize, b: usize) -> Option<usize> {
        if a == b && self.toks[a].cap {
            return self.toks[a].world;
        }
        let (start, end) = (self.toks[a].start, self.toks[b].end);
        world().lookup_any_case(&self.text[start..end])
    }

    /// The first title in a run ("Prime Minister", "Secretary of State", "CEO"), as word
    /// indexes.
    pub(super) fn title(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let titled = |i: usize| self.toks[i].cap && self.is(i, TITLES | TITLE_MOD);
        let base = (a..=b).find(|&i| self.toks[i].cap && self.is(i, TITLES))?;
        if base > a && !self.toks[base - 1].cap {
            // "Law and Justice", "Court of Justice": a name, not a title.
            return None;
        }
        let mut ts = base;
        // "Senate Majority Leader", "House Speaker": the chamber is a name of its own.
        while ts > a && titled(ts - 1) && !self.body_name(ts - 1) {
            ts -= 1;
        }
        let mut te = base;
        while te < b && titled(te + 1) {
            te += 1;
        }
        while te > base && !self.is(te, TITLES) {
            te -= 1;
        }
        if te + 2 <= b
            && self.word(te + 1) == "of"
            && matches!(self.word(te + 2), "State" | "Staff")
        {
            // "Secretary of State", "Chief of Staff".
            te += 2;
        }
        if te == b && ts == te && self.surname_after_given(a, te) {
            return None;
        }
        Some((ts, te))
    }

    /// Whether the word at `i` is a built-in organisation or place on its own ("Senate",
    /// "House", "Army"), named before a title rather than part of it.
    fn body_name(&self, i: usize) -> bool {
        self.toks[i]
            .world
            .is_some_and(|id| world().entries[id].kind != Person)
    }

    /// "Pete King", "Dana Q. Judge", "Billie Jean King": whether word `t` is a surname
    /// after a given name (and initials) that starts at `a` or later.
    pub(super) fn surname_after_given(&self, a: usize, t: usize) -> bool {
        let Some(first) = (a..t).rev().find(|&k| !is_initials(self.word(k))) else {
            return false;
        };
        self.given_and_surname(first, t)
    }

    /// Whether words `a..=b` look like a person's name: capitalised words and name
    /// particles, no acronyms, no organisation or place words.
    pub(super) fn name_shaped(&self, a: usize, b: usize) -> bool {
        if a > b || !self.toks[a].cap || !self.toks[b].cap || b - a > 5 {
            return false;
        }
        let w = world();
        if self
            .world_span(a, b)
            .is_some_and(|id| w.entries[id].kind != Person)
        {
            return false;
        }
        let surname_tail = self.surname_after_given(a, b);
        (a..=b).all(|i| {
            let word = self.word(i);
            if !self.toks[i].cap {
                return is(word, PARTICLES);
            }
            if i == b && surname_tail {
                return true;
            }
            // "Bill Clinton": a given name first, though "bill" is a word of laws.
            let given = i == a && self.is(i, GIVEN_NAMES) && a < b;
            (is_initials(word) || is_roman(word) || !is_acronym(word))
                && (given || !self.is(i, ORG_TAIL | PLACE_TAIL | OTHER_TAIL))
                && !self.is(i, TITLES)
                // "Robert A. Levinson": the initial "A." is no article.
                && (is_initials(word) || !self.is(i, STOP))
                && !self.is(i, DEMONYM)
        })
    }

    /// "Dana Mills", "Tom Q. Church", "Mark Cuban", "Pete King", "Tom Hill": a given name,
    /// perhaps initials, and a surname that is also an organisation or place word, a
    /// people's name or a title. A given name that is itself a country or a people
    /// ("Jordan", "Christian") proves nothing, and a plural or abbreviation ("Democrats",
    /// "Gov.") is no surname.
    fn given_and_surname(&self, a: usize, b: usize) -> bool {
        if b <= a
            || !self.is(a, GIVEN_NAMES)
            || self.is(a, DEMONYM)
            || self.toks[a].world.is_some()
            || !(a + 1..b).all(|i| is_initials(self.word(i)))
        {
            return false;
        }
        let last = self.word(b);
        matches!(
            last,
            "Mills"
                | "House"
                | "Church"
                | "Power"
                | "Post"
                | "Press"
                | "Court"
                | "Hill"
                | "Bay"
                | "Ridge"
                | "Camp"
                | "Park"
                | "Lake"
                | "Street"
                | "Castle"
        ) || (self.is(b, DEMONYM | TITLES) && !last.ends_with(['.', 's']) && !is_acronym(last))
    }

    /// "the South", "the West": a compass point as a region, after "the" and before no
    /// other name.
    pub(super) fn regional(&self, a: usize) -> bool {
        let next_cap = self.toks.get(a + 1).is_some_and(|t| t.cap) && self.plain_gap(a, a + 1);
        a > 0
            && self.word(a - 1) == "the"
            && self.plain_gap(a - 1, a)
            && !next_cap
            && !self.toks[a].possessive()
            && self.word(a) != "Central"
    }

    /// A name candidate from words `a..=b` of a run: leading common words and adjectives
    /// dropped, then voted on by shape and context.
    pub(super) fn part(&mut self, mut a: usize, mut b: usize, given: Option<EntityKind>) {
        while b > a && !self.toks[b].cap && !self.word(b).bytes().all(|c| c.is_ascii_digit()) {
            b -= 1;
        }
        loop {
            if a > b {
                return;
            }
            if self.toks[a].cap && self.world_span(a, b).is_some() {
                // "New Jersey" opening a sentence keeps its "New".
                break;
            }
            let word = self.word(a);
            let common = self.is(a, STOP) && !is_acronym(word);
            let stop = !self.toks[a].cap
                || (common && (self.toks[a].initial || matches!(word, "The" | "A" | "An")));
            // "Former Ohio Gov.", "Presumptive nominee": words about the holder.
            let modifier = a < b && self.is(a, LEAD_MODIFIERS);
            // "Actress Dana Reyes", "Ironically Reyes", "Said Dana Reyes": a role, an adverb
            // or a verb capitalised only because it opens the sentence.
            let opener = a < b
                && self.toks[a].initial
                && (self.is(a, ROLE_NOUNS | SPEECH_VERBS) || is_adverb(word))
                && self.name_shaped(a + 1, b);
            // "Like Oakland", "Watching Trump": an ordinary word opening the sentence.
            let ordinary = self.ordinary_opener(a, b);
            // "Lebanese Hezbollah" is Hezbollah and "Republican Senate" the Senate, but
            // "Lebanese Ministry of Public Health" and "American Legion" are one name each.
            let adjective = a < b
                && self.is(a, DEMONYM)
                && ((!self.has_tail(b)
                    && ((a + 1 < b && self.name_shaped(a + 1, b))
                        || self.world_span(a + 1, b).is_some()))
                    || (is_party_adjective(word)
                        && !self.is(a + 1, DEMONYM)
                        && self.world_span(a + 1, b).is_some()));
            if !stop && !modifier && !opener && !adjective && !ordinary {
                break;
            }
            a += 1;
        }
        // "Iowa Republican", "Senate Democrats": a place or body and a party adjective.
        while b > a && self.is(b, DEMONYM) && self.world_span(a, b - 1).is_some() {
            b -= 1;
        }
        if a == b && self.is(a, DIRECTION) && self.regional(a) {
            self.add(a, a, None, Some(Place));
            return;
        }
        if let Some(id) = self.world_span(a, b) {
            self.add(a, b, Some(id), given);
            return;
        }
        if (a..=b).all(|i| !self.toks[i].cap || self.is(i, DEMONYM | DIRECTION)) {
            return;
        }
        if a == b {
            let word = self.word(a);
            let acronym = is_acronym(word);
            let numbered = self.toks.get(a + 1).is_some_and(|t| {
                self.text[t.start..t.end]
                    .bytes()
                    .all(|c| c.is_ascii_digit())
            }) && self.plain_gap(a, a + 1);
            if numbered && !acronym {
                // "Category 4", "Phase 2": a label, not a name.
                return;
            }
            if !acronym && self.is(a, ORG_TAIL) && !self.is(a, TITLES | TITLE_MOD) {
                // "the Commission" after "the European Commission": kept only as a short
                // form of a full name found in the article.
                let t = self.toks[a];
                let id = self.register(
                    Cow::Borrowed(word),
                    None,
                    [0; 4],
                    [0; 4],
                    true,
                    (t.start, t.end, t.full_end),
                );
                self.cands[id].short_form = true;
                return;
            }
            if word.chars().count() < 2
                || (acronym && (is(word, ACRONYM_STOP) || word.len() > 7))
                || self.is(a, TITLES)
                || self.is(a, TITLE_MOD)
                || self.has_tail(a)
            {
                return;
            }
        }
        self.add(a, b, None, given);
    }

    /// Whether words `a..=b`, shaped like a person's name but not led by a given name,
    /// rather name a thing: the first word is an ordinary adjective or noun ("Great",
    /// "Daily"), a gerund ("Chasing"), or a name of its own that the rest is named after
    /// ("Trump Tower", "Boston Red Sox"), unless the last word is a generational suffix
    /// ("Hale Jr.").
    pub(super) fn named_like_a_thing(&self, a: usize, b: usize) -> bool {
        let first = self.word(a);
        if self.is(a, GIVEN_NAMES) || is_roman(self.word(b)) {
            return false;
        }
        let lower = first.to_lowercase();
        let gerund = lower.len() >= 7 && lower.ends_with("ing");
        gerund || is_thing_word(&lower) || self.toks[a].world.is_some()
    }

    /// Whether words `a..=b` are a compass point or a word of position before a built-in
    /// place: "Lower Manhattan", "Southeast Leeds", "Greater Boston".
    fn part_of_place(&self, a: usize, b: usize) -> bool {
        let lower = self.word(a).to_lowercase();
        let position = is_compass(&lower)
            || matches!(
                lower.as_str(),
                "upper" | "lower" | "midtown" | "downtown" | "uptown" | "central" | "greater"
            );
        position
            && self
                .world_span(a + 1, b)
                .is_some_and(|id| world().entries[id].kind == Place)
    }

    pub(super) fn has_tail(&self, i: usize) -> bool {
        self.is(i, ORG_TAIL) || self.is(i, PLACE_TAIL) || self.is(i, OTHER_TAIL)
    }

    /// Votes for words `a..=b` and records the mention.
    pub(super) fn add(
        &mut self,
        a: usize,
        b: usize,
        world_id: Option<usize>,
        given: Option<EntityKind>,
    ) {
        let span = self.toks[a].start..self.toks[b].end;
        if b + 1 - a > MAX_NAME_WORDS
            || span.len() > MAX_NAME_BYTES
            || is(&self.text[span], COMMON_PHRASES)
        {
            return;
        }
        let mut cue = [0; 4];
        let mut fallback = [0; 4];
        let multi = a < b;
        let person_shaped = self.name_shaped(a, b);
        if let Some(id) = world_id {
            cue[slot(world().entries[id].kind)] += WORLD;
        } else {
            let head = |mask: Class| {
                (a..b).any(|i| self.is(i, mask) && matches!(self.word(i + 1), "of" | "for"))
            };
            let linked = multi && self.text[self.toks[a].start..self.toks[b].end].contains('&');
            if linked || (multi && self.is(b, ORG_TAIL) && !self.surname_after_given(a, b)) {
                // "Procter & Gamble": no person's name has an ampersand.
                cue[slot(Organization)] += STRONG;
            } else if multi && self.is(b, PLACE_TAIL) && !self.surname_after_given(a, b) {
                cue[slot(Place)] += STRONG;
            } else if multi && (self.is(b, OTHER_TAIL) || self.is(a, OTHER_HEAD)) {
                cue[slot(Other)] += STRONG;
            } else if head(ORG_HEAD) || head(ORG_TAIL) {
                cue[slot(Organization)] += STRONG;
            } else if head(PLACE_HEAD) {
                cue[slot(Place)] += STRONG;
            }
            let org_led = self.toks[a]
                .world
                .is_some_and(|id| world().entries[id].kind == Organization);
            if !multi && is_acronym(self.word(a)) {
                cue[slot(Organization)] += CUE;
            } else if multi && (org_led || (a..=b).all(|i| is_acronym(self.word(i)))) {
                // "UN OCHA": an agency of a known organisation.
                cue[slot(Organization)] += CUE;
            } else if multi && person_shaped && self.is(a, GIVEN_NAMES) {
                // "Dana Houston": a given name and a surname that is also a place.
                cue[slot(Person)] += CUE;
            } else if multi && self.part_of_place(a, b) {
                // "Lower Manhattan", "West Tessel": a part of a place is a place.
                cue[slot(Place)] += CUE;
            } else if multi
                && (a + 1..=b).any(|i| {
                    self.toks[i]
                        .world
                        .is_some_and(|id| world().entries[id].kind != Person)
                })
            {
                // "Real Madrid", "West Texas Intermediate": a place inside is no person's name.
                fallback[slot(Organization)] += WEAK;
            } else if multi
                && person_shaped
                && !self.is(a, GIVEN_NAMES)
                && is_compass(&self.word(a).to_lowercase())
            {
                // "West Tessel", "North Varden": a compass point opens a place's name.
                fallback[slot(Place)] += WEAK;
            } else if multi && person_shaped && self.named_like_a_thing(a, b) {
                // "Great Slump", "Daily Ledger", "Ash Tower": shaped like a person's name,
                // but led by an ordinary word or another name.
                fallback[slot(Organization)] += WEAK;
            } else if multi && person_shaped {
                fallback[slot(Person)] += WEAK;
            } else if !multi && self.is(a, GIVEN_NAMES) && !is_acronym(self.word(a)) {
                // "Hillary", "David": a first name alone is still a person.
                fallback[slot(Person)] += WEAK;
            } else {
                // An unknown word, or words not shaped like a person's name ("Judicial
                // Watch", "Getty Images"): most often an organisation.
                fallback[slot(Organization)] += WEAK;
            }
            let word_b = self.word(b);
            let team = multi
                && self.toks[a]
                    .world
                    .is_some_and(|id| world().entries[id].kind == Place)
                && word_b.ends_with('s')
                && !word_b.ends_with("ss")
                && !self.is(b, PLACE_TAIL);
            if team {
                // "Denver Broncos": a place and a plural is a team.
                cue[slot(Organization)] += CUE;
            }
        }
        if let Some(k) = given {
            cue[slot(k)] += if k == Person { STRONG } else { CUE };
        }
        if !multi && self.toks[a].cap && self.is(a, US_STATES) {
            cue[slot(Place)] += WORLD;
        }
        if let Some(k) = self.toks[a].cue.or(self.toks[b].cue) {
            cue[slot(k)] += STRONG;
        }
        if self.toks[b].owner {
            cue[slot(Organization)] += CUE;
        }
        self.context(a, b, person_shaped, &mut cue);
        let (end, full_end) = (self.toks[b].end, self.toks[b].full_end);
        let start = self.toks[a].start;
        let mention_start = self.lead.take().map_or(start, |l| self.toks[l].start);
        let raw = match world_id {
            Some(id) => world().entries[id].name,
            None => &self.text[start..end],
        };
        let odd_space = raw.as_bytes().windows(2).any(|w| w == b"  ") || raw.contains('\u{a0}');
        let name = if odd_space {
            Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            Cow::Borrowed(raw)
        };
        let mid = !self.toks[a].initial || (a + 1..=b).any(|i| self.toks[i].cap);
        let id = self.register(
            name,
            world_id,
            cue,
            fallback,
            mid,
            (mention_start, end, full_end),
        );
        if a == b && self.in_title_phrase(a) {
            self.cands[id].title_parts += 1;
        }
        if let Some((_, _, prev_id)) = self.last_name.filter(|_| self.listed_with(a, b)) {
            self.pairs.push((prev_id, id));
        }
        self.last_name = Some((a, b, id));
    }

    /// Whether the name at words `a..=b` follows the sentence's previous name as the next
    /// item of a list: "Kraft and Heinz", "Lazard, Evercore and Centerview". A name after a
    /// comma counts only when the list goes on ("Dana Reyes, Acme’s chief" and "the mayor of
    /// Oakton, Dana Reyes, said" are no lists), and a name after "X of Y" or "X in Y" is
    /// listed with X, not Y ("Tom Ash of Ohio and Dana Reyes").
    pub(super) fn listed_with(&self, a: usize, b: usize) -> bool {
        let Some((pa, p, _)) = self.last_name else {
            return false;
        };
        let n = self.toks.len();
        if p >= a || self.toks[p].possessive() || self.toks[b].possessive() {
            return false;
        }
        let joined = |x: usize| matches!(self.word(x), "and" | "or" | "&");
        let comma = |x: usize, y: usize| self.gap(x, y).trim() == ",";
        let attached = pa >= 2
            && matches!(
                self.word(pa - 1),
                "of" | "in" | "from" | "at" | "for" | "on" | "with" | "to" | "by" | "near"
            )
            && self.toks[pa - 2].cap;
        let goes_on = (b + 1 < n && self.plain_gap(b, b + 1) && joined(b + 1))
            || (b + 2 < n && comma(b, b + 1) && self.toks[b + 2].cap);
        !attached
            && match a - p {
                1 => comma(p, a) && goes_on,
                2 => {
                    let k = p + 1;
                    joined(k) && (self.plain_gap(p, k) || comma(p, k)) && self.plain_gap(k, a)
                }
                _ => false,
            }
    }

    /// Whether words `a..=b` name an organisation by their shape alone.
    pub(super) fn org_shaped(&self, a: usize, b: usize) -> bool {
        let w = world();
        self.world_span(a, b)
            .is_some_and(|id| w.entries[id].kind == Organization)
            || (a < b && self.is(b, ORG_TAIL))
            || (a..b).any(|i| {
                self.is(i, ORG_HEAD | ORG_TAIL) && matches!(self.word(i + 1), "of" | "for")
            })
    }
}

/// A kind for a bare name with no context, from its shape alone.
pub fn guess_kind(name: &str) -> EntityKind {
    let w = world();
    if let Some(id) = w.lookup(name) {
        return w.entries[id].kind;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Other;
    };
    if words.len() > 1 && is(last, ORG_TAIL) || is(first, ORG_HEAD) && words.len() > 2 {
        Organization
    } else if words.len() > 1 && is(last, PLACE_TAIL) {
        Place
    } else if words.len() == 1 && is_acronym(first) {
        Organization
    } else if (2..=3).contains(&words.len()) && is(first, GIVEN_NAMES) {
        Person
    } else {
        Other
    }
}

/// Adjectives and common nouns that open the names of events, eras, titles, teams and
/// brands but almost never a person's name: colours, times, sizes and qualities.
fn is_thing_word(word: &str) -> bool {
    matches!(
        word,
        "great"
            | "grand"
            | "big"
            | "super"
            | "mega"
            | "daily"
            | "weekly"
            | "monthly"
            | "morning"
            | "evening"
            | "midnight"
            | "night"
            | "real"
            | "true"
            | "free"
            | "civil"
            | "common"
            | "public"
            | "national"
            | "global"
            | "federal"
            | "central"
            | "royal"
            | "united"
            | "industrial"
            | "personal"
            | "critical"
            | "criminal"
            | "social"
            | "digital"
            | "modern"
            | "ancient"
            | "holy"
            | "sacred"
            | "secret"
            | "silent"
            | "dark"
            | "bright"
            | "happy"
            | "merry"
            | "cruel"
            | "bitter"
            | "sweet"
            | "golden"
            | "gold"
            | "silver"
            | "iron"
            | "steel"
            | "red"
            | "blue"
            | "green"
            | "black"
            | "white"
            | "purple"
            | "orange"
            | "pink"
            | "yellow"
            | "upper"
            | "lower"
            | "inner"
            | "outer"
            | "star"
            | "sun"
            | "moon"
            | "rust"
            | "generation"
            | "revolution"
            | "democracy"
            | "freedom"
            | "liberty"
            | "independence"
            | "victory"
            | "stop"
            | "dump"
            | "save"
            | "hail"
            | "like"
    )
}
