//! A candidate's votes from its own shape and the words around it, and its mention
//! recorded; names listed together are noted so they can share a kind.

use super::*;

impl<'a> Discoverer<'a> {
    /// Whether words `a..=b`, shaped like a person's name but not led by a given name,
    /// rather name a thing: the first word is an ordinary adjective or noun ("Great",
    /// "Daily"), a gerund ("Chasing") or participle ("Planned"), or a name of its own that the rest is named after
    /// ("Trump Tower", "Boston Red Sox"), unless the last word is a generational suffix
    /// ("Hale Jr.").
    pub(super) fn named_like_a_thing(&self, a: usize, b: usize) -> bool {
        let first = self.word(a);
        if self.is(a, GIVEN_NAMES) || is_roman(self.word(b)) {
            return false;
        }
        let lower = first.to_lowercase();
        let gerund = lower.len() >= 7 && lower.ends_with("ing");
        gerund || participle(&lower) || is_thing_word(&lower) || self.toks[a].world.is_some()
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
            // "Parents for Safer Streets": a group, whatever its cause's last word.
            let group = (a..b).any(|i| self.is(i, GROUP_HEAD) && self.word(i + 1) == "for");
            let linked = multi && self.text[self.toks[a].start..self.toks[b].end].contains('&');
            // "World War II": the numeral after the word that says what it names.
            let numbered_tail = if multi && is_roman(self.word(b)) {
                b - 1
            } else {
                b
            };
            if linked || group || (multi && self.is(b, ORG_TAIL) && !self.surname_after_given(a, b))
            {
                // "Procter & Gamble": no person's name has an ampersand.
                cue[slot(Organization)] += STRONG;
            } else if multi
                && self.is(b, PLACE_TAIL)
                && !self.surname_after_given(a, b)
                && !matches!(self.word(b - 1), "and" | "of")
            {
                // "Office of Rail and Road": a place word joined inside the name does not
                // say what the whole names.
                cue[slot(Place)] += STRONG;
            } else if multi && (self.is(numbered_tail, OTHER_TAIL) || self.is(a, OTHER_HEAD)) {
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
            } else if multi && person_shaped && (a + 1..b).any(|i| is_initials(self.word(i))) {
                // "Merrin T. Oduya": a middle initial is a person's.
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
            } else if !multi
                && !is_acronym(self.word(a))
                && (self.is(a, GIVEN_NAMES) || surname_ending(self.word(a)))
            {
                // "Hillary", "David": a first name alone is still a person; so is a word
                // ending as surnames do ("Kostova", "Hendricksen", "Petrovic").
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
        // "Calif.", "Tampa, Fla": a state's abbreviation, where "Mass" or "Miss" alone is a
        // word of its own.
        let abbreviated = self.word(a).ends_with('.') || (a > 0 && self.gap(a - 1, a) == ", ");
        if !multi && self.toks[a].cap && self.is(a, US_STATES) && abbreviated {
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
        } else if raw.contains('’') {
            // "O’Malley" and "O'Malley" are one name: the plain apostrophe is canonical.
            Cow::Owned(raw.replace('’', "'"))
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
}

/// "Planned", "Wounded", "Concerned": a past participle opens the names of groups, not of
/// people. Only the endings of English participles count, so that names like "Murshed",
/// "Mohammed" or "Saeed" do not.
fn participle(word: &str) -> bool {
    word.len() >= 7
        && [
            "nned", "pped", "tted", "lled", "rred", "ided", "nded", "rded", "nted", "rted", "sted",
            "cted", "ened", "rned", "ated", "ized", "ised", "uced",
        ]
        .iter()
        .any(|e| word.ends_with(e))
}

/// Adjectives and common nouns that open the names of events, eras, titles, teams and
/// brands but almost never a person's name: colours, times, sizes and qualities.
pub(super) fn is_thing_word(word: &str) -> bool {
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

/// Endings that surnames of many languages share and few other names have: "Ferguson",
/// "Hendricksen", "Alvarez", "Kowalski", "Petrovic", "Shevchenko". Not "-ov" or "-ova",
/// which as many towns have ("Saratov", "Villanova").
/// Known places and firms with such endings are the world list's, looked up before this.
fn surname_ending(word: &str) -> bool {
    // "YouGov", "HealthCare.gov": a brand's capitals or a dot are no surname's.
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    // Words that end so without being names: "Comparison", "Season".
    let common = matches!(
        lowercase(word).as_ref(),
        "reason"
            | "season"
            | "treason"
            | "person"
            | "poison"
            | "prison"
            | "comparison"
            | "garrison"
            | "unison"
            | "venison"
            | "lesson"
            | "crimson"
            | "parson"
            | "arson"
            | "bison"
            | "mason"
            | "liaison"
            | "jettison"
            | "grandson"
            | "stepson"
            | "godson"
            | "chosen"
            | "loosen"
            | "worsen"
            | "lessen"
    );
    if !shaped || common {
        return false;
    }
    [
        "son", "sen", "ez", "ski", "sky", "wicz", "vich", "ovic", "ović", "enko", "shvili",
        "poulos", "escu", "yan", "quist", "qvist",
    ]
    .iter()
    .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}
