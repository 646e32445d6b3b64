//! Entity discovery without a gazetteer. Capitalised phrases in prose sentences are
//! candidates; titles split them ("US President Joe Biden" is a place and a person), shape
//! and context vote on their kind ("in X", "X said", "X’s shares", "Ministry"), built-in world
//! names settle the common ones, and surnames and acronyms are folded into the full names
//! they abbreviate.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Gazetteer;
use super::gazetteer::Hit;
use super::kinds::KindVotes;
use super::lexicon::{
    ACRONYM_STOP, COMMON_PHRASES, CORP_SUFFIX, CORPORATE_TITLES, Class, DEMONYM, DETERMINERS,
    DIRECTION, FEMALE_GIVEN, GIVEN_NAMES, GROUP_HEAD, LEAD_MODIFIERS, LEAD_PREPOSITIONS,
    MALE_GIVEN, NAME_PREFIXES, ORG_APPOS, ORG_HEAD, ORG_POSS, ORG_TAIL, OTHER_HEAD, OTHER_NEXT,
    OTHER_TAIL, PARTICLES, PERSON_NEXT, PERSON_POSS, PLACE_APPOS, PLACE_HEAD, PLACE_POSS,
    PLACE_PREPS, PLACE_TAIL, PRESS_TITLES, RELATION_SUFFIXES, ROLE_NOUNS, SPEECH_VERBS, STOP,
    TEMPORAL, TITLE_BASE, TITLE_MOD, TITLE_NOUNS, TRADE_SUFFIX, US_STATES, classes, info, is,
    lowercase, world,
};
use super::text::{Doc, Token, dated_line, is_acronym, numeric_date};
use crate::load::EntityKind;
use crate::load::EntityKind::{Organization, Other, Person, Place};

mod connect;
mod context;
mod dates;
#[cfg(test)]
mod fragment_tests;
#[cfg(test)]
mod kind_tests;
mod merge;
mod phrase;
mod scan;
mod shape;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod title_tests;
#[cfg(test)]
mod variant_tests;
mod vote;

pub use shape::guess_kind;

/// Vote weights: a built-in world name outweighs any cue; a name's own shape (Ministry,
/// a title before it) outweighs its context; a guess from shape alone counts least.
const WORLD: u32 = 6;
const STRONG: u32 = 3;
const CUE: u32 = 2;
const WEAK: u32 = 1;

/// Longest entity name, in words and bytes: anything longer is prose in capitals.
const MAX_NAME_WORDS: usize = 8;
const MAX_NAME_BYTES: usize = 120;
/// Longest run of capitalised words split into names (titles and names: "Former US
/// Secretary of State John Forbes Kerry").
const MAX_RUN: usize = 12;

/// Titles before a person's name: "Senator", and the press's "Editor".
const TITLES: Class = TITLE_BASE | PRESS_TITLES;

/// Votes per kind, in `EntityKind::ALL` order.
pub type Votes = [u32; 4];

fn slot(kind: EntityKind) -> usize {
    match kind {
        Person => 0,
        Organization => 1,
        Place => 2,
        Other => 3,
    }
}

/// What discovery found in one article.
#[derive(Debug, Default)]
pub struct Discovered {
    pub entities: Vec<Found>,
    pub spots: Vec<Spot>,
}

#[derive(Debug)]
pub struct Found {
    pub name: String,
    pub votes: KindVotes,
    /// The gazetteer entry this is, when the site defines a built-in world name.
    pub known: Option<usize>,
}

/// One mention in the plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub start: usize,
    pub end: usize,
    /// End including a possessive `’s`.
    pub full_end: usize,
    pub entity: usize,
}

/// `speakers` are the transcript's speaker labels (`transcript::labels`).
pub fn discover(
    doc: &Doc,
    hits: &[Hit],
    speakers: &[Range<usize>],
    gazetteer: &Gazetteer,
) -> Discovered {
    // Sized for a typical share of names among the words, to avoid regrowing.
    let expected = doc.tokens.len() / 12 + 8;
    let mut d = Discoverer {
        doc,
        text: &doc.text,
        hits,
        cands: Vec::with_capacity(expected),
        index: FxHashMap::with_capacity_and_hasher(expected, Default::default()),
        spots: Vec::with_capacity(expected * 2),
        toks: Vec::with_capacity(64),
        and_names: Vec::new(),
        lead: None,
        last_name: None,
        pairs: Vec::new(),
        lowercase_words: None,
        capitals: false,
        speakers,
        surnames_like_dates: Vec::new(),
    };
    for block in doc.prose() {
        // A paragraph all in capitals is a label or credit when short ("FACEBOOK", "FULL
        // TEXT", "ASSOCIATED PRESS"), else a headline ("TROOPS MASS NEAR BORDER, OAKTON
        // SAYS"), which shows no name by its capitals: only built-in names count there.
        let text = &doc.text[block.range.clone()];
        d.capitals = !text.chars().any(char::is_lowercase);
        if d.capitals && text.split_whitespace().nth(3).is_none() {
            if !dated_line(text) {
                continue;
            }
            // "OAKTON 1997-03-14": a wire dateline on a line of its own names its place.
            d.capitals = false;
        }
        for sentence in doc.sentences_of(block) {
            d.sentence(sentence.clone());
        }
    }
    d.finish(gazetteer)
}

/// A word of the sentence being read.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    full_end: usize,
    /// A capitalised word that may be part of a name.
    cap: bool,
    /// First word of a sentence, quotation or parenthesis, where capitals prove nothing.
    initial: bool,
    /// A part of a hyphenated word ("Dubai" in "Dubai-based"): a name on its own.
    solo: bool,
    /// Kind evidence carried by the word itself ("-based" says place).
    cue: Option<EntityKind>,
    /// An organisation named before a quoted title: ABC’s “The View”.
    owner: bool,
    /// Word classes from the lexicon, looked up once.
    classes: Class,
    /// The built-in world name this word is on its own.
    world: Option<usize>,
}

impl Tok {
    fn plain(t: Token) -> Tok {
        Tok {
            start: t.start,
            end: t.end,
            full_end: t.full_end,
            cap: false,
            initial: false,
            solo: false,
            cue: None,
            owner: false,
            classes: 0,
            world: None,
        }
    }

    fn possessive(&self) -> bool {
        self.full_end > self.end
    }
}

#[derive(Debug)]
struct Cand<'a> {
    /// Borrowed from the article or the world list; owned only when spaces were odd.
    name: Cow<'a, str>,
    words: usize,
    world: Option<usize>,
    cue: Votes,
    fallback: Votes,
    /// Seen at least once away from the start of a sentence.
    mid: bool,
    into: Option<usize>,
    /// A word meaningful only as the short form of a longer name in the article.
    short_form: ShortForm,
    /// Mentions, and those that were a piece of a longer title ("Gang of Eight").
    mentions: u32,
    title_parts: u32,
}

/// What a word alone stands for only when the article gives it in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShortForm {
    /// A name of its own.
    No,
    /// An organisation word ("the Commission" after "the European Commission").
    Organisation,
    /// A compass word ("West" after "Cornel West"), else a direction.
    Surname,
}

impl Cand<'_> {
    fn votes(&self) -> Votes {
        let mut v = self.cue;
        for (a, b) in v.iter_mut().zip(self.fallback) {
            *a += b;
        }
        v
    }

    fn single_acronym(&self) -> bool {
        self.words == 1 && is_acronym(&self.name)
    }

    /// Whether the words around its mentions read it as a place above all else.
    fn placed(&self) -> bool {
        let place = self.cue[slot(Place)];
        place > 0 && self.cue.iter().all(|&v| v <= place)
    }
}

struct Discoverer<'a> {
    doc: &'a Doc,
    text: &'a str,
    hits: &'a [Hit],
    cands: Vec<Cand<'a>>,
    index: FxHashMap<Cow<'a, str>, usize>,
    spots: Vec<Spot>,
    toks: Vec<Tok>,
    /// Names with "and" inside, once established: "Law and Justice".
    and_names: Vec<String>,
    /// A country abbreviation read as part of the next mention ("U.S." in "U.S. Treasury").
    lead: Option<usize>,
    /// The first and last words and the candidate of the sentence's latest name, to see
    /// lists.
    last_name: Option<(usize, usize, usize)>,
    /// Candidates named side by side in a list ("Kraft and Heinz"), by id.
    pairs: Vec<(usize, usize)>,
    /// The article's words written in lowercase, gathered when first needed.
    lowercase_words: Option<FxHashSet<&'a str>>,
    /// The paragraph being read is all in capitals.
    capitals: bool,
    /// A transcript's speaker labels ("DANA REYES:"), in order.
    speakers: &'a [Range<usize>],
    /// Surnames that are also months' names, as the article named them ("Helen May").
    surnames_like_dates: Vec<&'a str>,
}

/// "north", "southeast" and the like.
fn is_compass(word: &str) -> bool {
    let w = word.trim_end_matches("ern");
    ["north", "south", "east", "west"]
        .iter()
        .any(|d| w.starts_with(d) && ["", "east", "west"].contains(&&w[d.len()..]))
}

/// "R-Texas", "D-Calif.": a lawmaker's party and state, not a name.
fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 2 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// A month's name or a modal verb that is also a surname after a given name: "Helen May",
/// "Dana Will".
fn is_surname_word(word: &str) -> bool {
    matches!(word, "Will" | "May" | "June" | "April" | "August")
}

/// "J.", "H.W.": initials inside a person's name.
fn is_initials(word: &str) -> bool {
    word.len() >= 2
        && word.ends_with('.')
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// "Ironically", "Publicly", "Reportedly": an adverb by its ending, long enough not to be
/// a surname like "Sally", and with no capital inside like "McNally".
fn is_adverb(word: &str) -> bool {
    word.len() >= 8
        && !word.chars().skip(1).any(char::is_uppercase)
        && [
            "ally", "ingly", "ately", "ently", "antly", "ously", "ively", "fully", "ably", "ibly",
            "ainly", "edly", "icly",
        ]
        .iter()
        .any(|s| word.ends_with(s))
}

/// "PACs", "CEOs": an acronym in the plural is a common noun.
fn is_plural_acronym(word: &str) -> bool {
    word.len() >= 3
        && word.ends_with('s')
        && word[..word.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_uppercase())
}

fn is_roman(word: &str) -> bool {
    matches!(
        word,
        "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "Jr" | "Jr." | "Sr" | "Sr."
    )
}

fn starts_upper(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Arabic name prefixes written in lowercase: "al-Assad".
fn is_arabic_prefixed(word: &str) -> bool {
    without_arabic_prefix(word).is_some()
}

/// "Assad" from "al-Assad": the part of a prefixed name written alone on later mentions.
fn without_arabic_prefix(word: &str) -> Option<&str> {
    ["al-", "el-", "ad-", "as-", "an-", "ash-", "bin-"]
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|w| starts_upper(w)))
}

/// Whether every word of a quoted phrase is capitalised, small words aside.
pub fn title_case(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().enumerate().all(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || (i > 0
                    && matches!(
                        w,
                        "a" | "an"
                            | "the"
                            | "of"
                            | "and"
                            | "or"
                            | "in"
                            | "on"
                            | "at"
                            | "to"
                            | "for"
                            | "with"
                            | "from"
                            | "by"
                    ))
        })
}

impl<'a> Discoverer<'a> {
    fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    fn is(&self, i: usize, mask: Class) -> bool {
        self.toks[i].classes & mask != 0
    }

    /// The text between word `a` and the next word `b`.
    fn gap(&self, a: usize, b: usize) -> &'a str {
        let (from, to) = (self.toks[a].full_end, self.toks[b].start);
        if from <= to { &self.text[from..to] } else { "" }
    }

    fn plain_gap(&self, a: usize, b: usize) -> bool {
        let g = self.gap(a, b);
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    fn lower_word(&self, i: usize) -> bool {
        i < self.toks.len() && !starts_upper(self.word(i))
    }

    fn blocked(&self, start: usize, end: usize) -> bool {
        let i = self.hits.partition_point(|h| h.full_end <= start);
        self.hits.get(i).is_some_and(|h| h.start < end) || self.doc.is_excluded(start..end)
    }
}
