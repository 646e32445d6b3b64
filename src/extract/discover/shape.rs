//! What a name looks like: a world name, a title, a person's or an organisation's shape;
//! the candidates it yields and their votes from shape.

use super::merge::is_suffix;
use super::*;
use crate::extract::reported::personal_pronoun;

/// A party's adjective, which says whose a chamber or an office is, not its name:
/// "Republican Senate", "Democratic White House".
fn is_party_adjective(word: &str) -> bool {
    matches!(
        word,
        "Republican" | "Democratic" | "Democrat" | "Conservative" | "Liberal" | "Socialist"
    )
}

/// "HuffPost", "YouTube": a capital inside a word after lowercase letters marks a brand,
/// unless a surname's prefix comes first ("McCain", "DeSantis", "LaHood") or the word
/// joins two given names ("RoseAnn", "MaryBeth").
fn is_brand_cased(word: &str) -> bool {
    let b = word.as_bytes();
    if !b.iter().all(u8::is_ascii_alphabetic) {
        // Mojibake ("PeA" and a combining tilde) or punctuation: no evidence either way.
        return false;
    }
    let Some(k) =
        (2..b.len()).find(|&k| b[k].is_ascii_uppercase() && b[k - 1].is_ascii_lowercase())
    else {
        return false;
    };
    let (head, tail) = word.split_at(k);
    let given = GIVEN_NAMES | MALE_GIVEN | FEMALE_GIVEN;
    if is(head, given) && is(tail, given) {
        return false;
    }
    !matches!(
        head,
        "Mc" | "Mac"
            | "De"
            | "Di"
            | "Da"
            | "Du"
            | "La"
            | "Le"
            | "Lo"
            | "Van"
            | "Vande"
            | "Von"
            | "Fitz"
    )
}

impl<'a> Discoverer<'a> {
    /// The built-in name that words `a..=b` are, if any; none for an empty span ("Bill 9
    /// and": a number closes the name, and no place follows it).
    pub(super) fn world_span(&self, a: usize, b: usize) -> Option<usize> {
        if a > b || b >= self.toks.len() {
            return None;
        }
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
        // "Pete King", and "Dana Quillon King Jr.": a title word ending a person's name,
        // or followed only by a generational suffix, is a surname.
        let suffixed = te < b && (te + 1..=b).all(|i| is_suffix(self.word(i)));
        if ts == te
            && ((te == b && self.surname_after_given(a, te))
                || (suffixed && ts > a && self.name_shaped(a, te - 1)))
        {
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
        // The surname before a generational suffix: "King" in "Dana Quillon King Jr.".
        let core = (a..=b)
            .rev()
            .find(|&i| !is_suffix(self.word(i)))
            .unwrap_or(b);
        let surname_tail = self.surname_after_given(a, core) || (a < core && core < b);
        // "Jim VandeHei": after a given name, inner capitals are a surname's.
        let given_led = a < b && self.is(a, GIVEN_NAMES);
        // "Christian Vieri": a given name that also names a faith or a people, before
        // words known as nothing else.
        let unknown_after =
            (a + 1..=b).all(|i| self.toks[i].classes == 0 && self.toks[i].world.is_none());
        (a..=b).all(|i| {
            let word = self.word(i);
            if !self.toks[i].cap {
                return is(word, PARTICLES);
            }
            if i == core && surname_tail {
                return true;
            }
            // "Bill Clinton": a given name first, though "bill" is a word of laws.
            let given = i == a && self.is(i, GIVEN_NAMES) && a < b;
            (is_initials(word) || is_roman(word) || !is_acronym(word))
                && (given_led || !is_brand_cased(word))
                && (given || !self.is(i, ORG_TAIL | PLACE_TAIL | OTHER_TAIL))
                && !self.is(i, TITLES)
                // "Robert A. Levinson": the initial "A." is no article.
                && (is_initials(word) || given || !self.is(i, STOP))
                && (!self.is(i, DEMONYM) || (given && unknown_after))
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
            || is_surname_word(last)
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

    /// Registers word `a` alone as a candidate kept only as the `form` of a longer name.
    fn short_form(&mut self, a: usize, form: ShortForm) {
        let t = self.toks[a];
        let id = self.register(
            Cow::Borrowed(&self.text[t.start..t.end]),
            None,
            [0; 4],
            [0; 4],
            true,
            (t.start, t.end, t.full_end),
        );
        self.cands[id].short_form = form;
    }

    /// A name candidate from words `a..=b` of a run: leading common words and adjectives
    /// dropped, then voted on by shape and context.
    pub(super) fn part(&mut self, mut a: usize, mut b: usize, given: Option<EntityKind>) {
        while b > a && !self.toks[b].cap && !self.word(b).bytes().all(|c| c.is_ascii_digit()) {
            b -= 1;
        }
        // "We Are Sorry", "It Was Here": a subject and its verb in capitals make a line of
        // title case; a word left alone after them is no name. ("We The People" goes on.)
        let article = |w: &str| matches!(w, "The" | "A" | "An");
        let banner = a < b
            && self.toks[a].initial
            && personal_pronoun(&self.word(a).to_lowercase())
            && self.is(a + 1, STOP)
            && !article(self.word(a + 1));
        loop {
            if a > b {
                return;
            }
            if self.toks[a].cap && self.world_span(a, b).is_some() {
                // "New Jersey" opening a sentence keeps its "New".
                break;
            }
            let word = self.word(a);
            // "Parents for Safer Streets" keeps its first word, opening a sentence or not.
            let group = a < b && self.is(a, GROUP_HEAD) && self.word(a + 1) == "for";
            let common = self.is(a, STOP) && !is_acronym(word) && !group;
            let stop =
                !self.toks[a].cap || (common && (self.toks[a].initial || banner || article(word)));
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
        if banner && a == b && self.toks[a].world.is_none() {
            return;
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
        // "West" after "Cornel West": a compass word alone is kept only as the surname of a
        // person the article names in full.
        if a == b && self.is(a, DIRECTION) && !self.is(a, DEMONYM) {
            self.short_form(a, ShortForm::Surname);
            return;
        }
        if (a..=b).all(|i| !self.toks[i].cap || self.is(i, DEMONYM | DIRECTION)) {
            return;
        }
        if a == b {
            let word = self.word(a);
            // "Black residents", "White voters": a colour before people is their race,
            // though "Black" or "White" alone may be a surname ("Brown leads").
            let n = self.toks.len();
            let people = |k: usize| {
                k < n
                    && self.plain_gap(k - 1, k)
                    && self.lower_word(k)
                    && (is(self.word(k), GROUP_HEAD | ROLE_NOUNS)
                        || matches!(
                            self.word(k),
                            "people" | "communities" | "children" | "youth" | "churches"
                        ))
            };
            let colour = |w: &str| matches!(w, "Black" | "White" | "Brown");
            // "Black and Latino residents": another people listed before the noun.
            let listed = a + 3 < n
                && matches!(self.word(a + 1), "and" | "or")
                && self.plain_gap(a, a + 1)
                && self.plain_gap(a + 1, a + 2)
                && (self.is(a + 2, DEMONYM) || colour(self.word(a + 2)))
                && people(a + 3);
            let race = colour(word) && (people(a + 1) || listed);
            if race {
                return;
            }
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
                self.short_form(a, ShortForm::Organisation);
                return;
            }
            if word.chars().count() < 2
                || is_suffix(word)
                || (acronym && (is(word, ACRONYM_STOP) || word.len() > 7) && !self.dateline(a, b))
                || self.is(a, TITLES)
                || self.is(a, TITLE_MOD)
                || self.has_tail(a)
            {
                return;
            }
        }
        self.add(a, b, None, given);
    }

    pub(super) fn has_tail(&self, i: usize) -> bool {
        self.is(i, ORG_TAIL) || self.is(i, PLACE_TAIL) || self.is(i, OTHER_TAIL)
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
