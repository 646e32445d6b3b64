//! Entity discovery without a gazetteer. Capitalised phrases in prose sentences are
//! candidates; titles split them ("US President Joe Biden" is a place and a person), shape
//! and context vote on their kind ("in X", "X said", "X’s shares", "Ministry"), built-in world
//! names settle the common ones, and surnames and acronyms are folded into the full names
//! they abbreviate.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::Gazetteer;
use super::gazetteer::Hit;
use super::lexicon::{
    ACRONYM_STOP, CORP_SUFFIX, Class, DEMONYM, DIRECTION, GIVEN_NAMES, ORG_APPOS, ORG_HEAD,
    ORG_POSS, ORG_TAIL, OTHER_HEAD, OTHER_NEXT, OTHER_TAIL, PARTICLES, PERSON_POSS, PLACE_APPOS,
    PLACE_HEAD, PLACE_POSS, PLACE_PREPS, PLACE_TAIL, ROLE_NOUNS, SPEECH_VERBS, STOP, TEMPORAL,
    TITLE_BASE, TITLE_MOD, classes, info, is, world,
};
use super::text::{Doc, Token};
use crate::load::EntityKind;
use crate::load::EntityKind::{Organization, Other, Person, Place};

/// Vote weights: a built-in world name outweighs any cue; a name's own shape (Ministry,
/// a title before it) outweighs its context; a guess from shape alone counts least.
const WORLD: u32 = 6;
const STRONG: u32 = 3;
const CUE: u32 = 2;
const WEAK: u32 = 1;

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

/// The kind with most votes; ties go to the kind listed first in `EntityKind::ALL`.
pub fn winner(votes: &Votes) -> EntityKind {
    if votes.iter().all(|&v| v == 0) {
        return Other;
    }
    let mut best = 0;
    for i in 1..4 {
        if votes[i] > votes[best] {
            best = i;
        }
    }
    EntityKind::ALL[best]
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
    pub votes: Votes,
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

pub fn discover(doc: &Doc, hits: &[Hit], gazetteer: &Gazetteer) -> Discovered {
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
    };
    for block in doc.prose() {
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
    /// An organisation word alone ("Commission"), meaningful only as a short form.
    short_form: bool,
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
}

/// Suffixes of "X-based"-style words: the part before names something.
const RELATION_SUFFIXES: &[&str] = &[
    "based",
    "born",
    "headquartered",
    "registered",
    "led",
    "backed",
    "brokered",
    "owned",
    "run",
    "controlled",
    "made",
    "bound",
    "listed",
    "linked",
    "allied",
    "aligned",
    "affiliated",
    "funded",
    "sponsored",
    "style",
    "era",
];

/// Lowercase prefixes before a name: "pro-Israel", "anti-NATO".
const NAME_PREFIXES: &[&str] = &[
    "pro", "anti", "non", "post", "pre", "ex", "mid", "pan", "trans",
];

/// Nouns before a quoted title: the show “The View”.
const TITLE_NOUNS: &[&str] = &[
    "show",
    "film",
    "movie",
    "book",
    "novel",
    "program",
    "programme",
    "series",
    "album",
    "song",
    "documentary",
    "podcast",
    "play",
    "titled",
    "entitled",
    "called",
    "dubbed",
];

/// "north", "southeast" and the like.
fn is_compass(word: &str) -> bool {
    let w = word.trim_end_matches("ern");
    ["north", "south", "east", "west"]
        .iter()
        .any(|d| w.starts_with(d) && ["", "east", "west"].contains(&&w[d.len()..]))
}

fn is_acronym(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && !b.iter().any(u8::is_ascii_lowercase);
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !word.chars().any(char::is_lowercase)
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
    ["al-", "el-", "ad-", "as-", "an-", "ash-", "bin-"]
        .iter()
        .any(|p| word.strip_prefix(p).is_some_and(starts_upper))
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

    fn sentence(&mut self, range: std::ops::Range<usize>) {
        let doc = self.doc;
        self.toks.clear();
        let mut prev_end = range.start;
        let mut any_cap = false;
        for t in doc.tokens_in(range.clone()) {
            let first = self.text.as_bytes()[t.start];
            let plain_lower =
                first.is_ascii_lowercase() && !self.text.as_bytes()[t.start..t.end].contains(&b'-');
            if plain_lower {
                // Most words: lowercase, not part of any name.
                self.toks.push(Tok::plain(*t));
            } else {
                let gap = self.text[prev_end.min(t.start)..t.start].trim_end();
                let initial = self.toks.is_empty()
                    || gap.ends_with(['“', '"', '‘', '(', '[', ':', '—', '–', ';', '\u{FFFC}']);
                self.push_token(*t, initial);
                any_cap |= self.toks.last().is_some_and(|t| t.cap);
            }
            prev_end = t.full_end;
        }
        if any_cap {
            self.quoted_titles(range);
            self.runs();
        }
    }

    fn push_token(&mut self, t: Token, initial: bool) {
        let word = &self.text[t.start..t.end];
        let blocked = self.blocked(t.start, t.full_end);
        let mut tok = Tok {
            initial,
            ..Tok::plain(t)
        };
        if blocked {
            self.push_tok(tok);
            return;
        }
        if word.bytes().any(|b| b == b'-' || b == 0xE2) && word.contains(['-', '‐']) {
            // Parts between hyphens, as byte ranges of the word (a hyphen may be '‐').
            let mut parts: Vec<(usize, usize)> = Vec::new();
            let mut from = 0;
            for (i, c) in word.char_indices().filter(|&(_, c)| c == '-' || c == '‐') {
                parts.push((from, i));
                from = i + c.len_utf8();
            }
            parts.push((from, word.len()));
            let part = |k: usize| &word[parts[k].0..parts[k].1];
            let last = part(parts.len() - 1);
            if starts_upper(word) && RELATION_SUFFIXES.contains(&last) && parts.len() > 1 {
                tok.end = t.start + parts[parts.len() - 2].1;
                tok.full_end = tok.end;
                tok.cap = true;
                tok.solo = true;
                if matches!(last, "based" | "born" | "headquartered" | "registered") {
                    tok.cue = Some(Place);
                }
                self.push_tok(tok);
                return;
            }
            if NAME_PREFIXES.contains(&part(0)) && starts_upper(part(1)) {
                tok.start = t.start + parts[1].0;
                tok.cap = true;
                tok.solo = true;
                self.push_tok(tok);
                return;
            }
            let w = world();
            if (0..parts.len()).all(|k| w.lookup(part(k)).is_some()) {
                // "Israel-Hamas": two names.
                for (k, &(from, to)) in parts.iter().enumerate() {
                    let full_end = if k + 1 == parts.len() {
                        t.full_end
                    } else {
                        t.start + to
                    };
                    self.push_tok(Tok {
                        start: t.start + from,
                        end: t.start + to,
                        full_end,
                        cap: true,
                        solo: true,
                        ..tok
                    });
                }
                return;
            }
        }
        tok.cap = (starts_upper(word) || is_arabic_prefixed(word))
            && word != "I"
            && !word.starts_with("I’")
            && !word.starts_with("I'");
        self.push_tok(tok);
    }

    /// Adds a word; only capitalised words need their classes (lowercase neighbours are
    /// looked up where a rule reads them).
    fn push_tok(&mut self, mut tok: Tok) {
        if tok.cap {
            let word = &self.text[tok.start..tok.end];
            let info = info(word);
            tok.classes = info.classes;
            tok.world = info.world;
            tok.cap = info.classes & TEMPORAL == 0;
        }
        self.toks.push(tok);
    }

    /// Quoted titles after a possessive or a noun like "show": ABC’s “The View.” is a work
    /// (kind other) and ABC its owner, not a quotation.
    fn quoted_titles(&mut self, range: std::ops::Range<usize>) {
        let text = self.text;
        let s = &text[range.clone()];
        if !s.contains('“') && !s.as_bytes().contains(&b'"') {
            return;
        }
        let opens = s.match_indices('“').chain(s.match_indices('"'));
        for (i, mark) in opens {
            let Some(open) = mark.chars().next() else {
                continue;
            };
            let at = range.start + i;
            let inner_start = at + open.len_utf8();
            let close = if open == '“' { '”' } else { '"' };
            let Some(len) = text[inner_start..range.end].find(close) else {
                continue;
            };
            let Some(before) = self.toks.iter().rposition(|t| t.full_end <= at) else {
                continue;
            };
            if !text[self.toks[before].full_end..at]
                .chars()
                .all(char::is_whitespace)
            {
                continue;
            }
            let owner = self.toks[before].possessive() && starts_upper(self.word(before));
            if !owner && !TITLE_NOUNS.contains(&self.word(before)) {
                continue;
            }
            let raw_inner = &text[inner_start..inner_start + len];
            let inner = raw_inner
                .trim_end_matches(|c: char| c.is_whitespace() || ".,!?;:".contains(c))
                .trim_start();
            if inner.is_empty() || !title_case(inner) {
                continue;
            }
            let start = inner_start + (raw_inner.len() - raw_inner.trim_start().len());
            let end = start + inner.len();
            for t in self
                .toks
                .iter_mut()
                .filter(|t| t.start >= start && t.end <= end)
            {
                t.cap = false;
            }
            if owner {
                self.toks[before].owner = true;
            }
            let mut cue = [0; 4];
            cue[slot(Other)] = STRONG;
            self.register(
                Cow::Borrowed(inner),
                None,
                cue,
                [0; 4],
                true,
                (start, end, end),
            );
        }
    }

    fn runs(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.toks[i].cap {
                i += 1;
                continue;
            }
            let mut end = i;
            while !self.toks[end].solo && !self.toks[end].possessive() {
                let next = end + 1;
                if next < n && self.toks[next].cap && !self.toks[next].solo && self.joins(end, next)
                {
                    end = next;
                } else if next < n
                    && self.word(next).bytes().all(|c| c.is_ascii_digit())
                    && self.plain_gap(end, next)
                    && (self.world_span(i, next).is_some() || self.is(end, OTHER_TAIL))
                {
                    // "S&P 500", "FTSE 100".
                    end = next;
                } else if let Some(k) = self.connector(i, end) {
                    end = k;
                } else {
                    break;
                }
            }
            self.run(i, end);
            i = end + 1;
        }
    }

    /// Whether two capitalised words belong to one name: only spaces (or " & ") between.
    fn joins(&self, a: usize, b: usize) -> bool {
        self.plain_gap(a, b) || self.gap(a, b).trim() == "&"
    }

    /// The last word of a name continued past lowercase connectors after word `end`:
    /// "Bank of England", "Secretary of State", "Ursula von der Leyen".
    fn connector(&mut self, start: usize, end: usize) -> Option<usize> {
        let n = self.toks.len();
        let next = end + 1;
        if next >= n || self.toks[next].cap || !self.plain_gap(end, next) {
            return None;
        }
        let run = start..=end;
        let has = |mask: Class| run.clone().any(|i| self.is(i, mask));
        let w = self.word(next);
        let mut k = next + 1;
        let allowed = match w {
            "of" => {
                if k < n && self.word(k) == "the" && self.plain_gap(next, k) {
                    k += 1;
                }
                has(ORG_TAIL)
                    || has(ORG_HEAD)
                    || has(PLACE_HEAD)
                    || (self.word(end) == "Secretary" && k < n && self.word(k) == "State")
            }
            "for" => has(ORG_TAIL) || has(ORG_HEAD),
            "and" => {
                ((has(ORG_HEAD) || has(ORG_TAIL)) && run.clone().any(|i| !self.toks[i].cap))
                    || (start == end && self.toks[start].world.is_none() && self.tail_follows(k))
                    || self.and_name(start, k)
            }
            _ if is(w, PARTICLES) => {
                if k < n && is(self.word(k), PARTICLES) && self.plain_gap(next, k) {
                    k += 1;
                }
                !has(ORG_TAIL) && !has(PLACE_TAIL)
            }
            _ => false,
        };
        let ok =
            allowed && k < n && self.toks[k].cap && !self.toks[k].solo && self.plain_gap(k - 1, k);
        ok.then_some(k)
    }

    /// Whether the capitalised words from `k` end in an organisation word: "Securities and
    /// Exchange Commission".
    fn tail_follows(&self, k: usize) -> bool {
        let n = self.toks.len();
        let mut m = k;
        while m + 1 < n && self.toks[m + 1].cap && self.plain_gap(m, m + 1) {
            m += 1;
        }
        m < n && self.toks[m].cap && self.is(m, ORG_TAIL)
    }

    /// Whether words `start..=k` are a name with "and" in it: seen before, or followed by
    /// a word like "party" ("the ruling Law and Justice party").
    fn and_name(&mut self, start: usize, k: usize) -> bool {
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

    /// Splits a run of capitalised words at a title and hands each part on.
    fn run(&mut self, mut a: usize, b: usize) {
        if let Some(w) = self.world_span(a, b) {
            self.add(a, b, Some(w), None);
            return;
        }
        // "UN Security Council Resolution 1701": the council, then the resolution.
        if a < b && (self.is(b, OTHER_TAIL) || self.word(b).bytes().all(|c| c.is_ascii_digit())) {
            let tail = if self.is(b, OTHER_TAIL) {
                b
            } else {
                b.saturating_sub(1)
            };
            if tail > a && self.is(tail, OTHER_TAIL) && self.toks[tail].cap {
                if let Some(w) = self.world_span(a, tail - 1) {
                    self.add(a, tail - 1, Some(w), None);
                    self.part(tail, b, Some(Other));
                    return;
                }
            }
        }
        // "U.S. Treasury" is one mention of the Treasury; "US President Joe Biden" names the
        // country and then the person.
        self.lead = None;
        while a < b && matches!(self.word(a), "The" | "A" | "An") {
            a += 1;
        }
        if a < b && is_acronym(self.word(a)) {
            let w = world();
            if let Some(id) = self.toks[a].world.filter(|&id| w.entries[id].kind == Place) {
                if self.org_shaped(a + 1, b) {
                    self.lead = Some(a);
                } else {
                    self.add(a, a, Some(id), None);
                }
                a += 1;
            }
        }
        if let Some((ts, te)) = self.title(a, b) {
            if te == b {
                if ts > a {
                    self.part(a, ts - 1, None);
                }
                return;
            }
            if self.name_shaped(te + 1, b) {
                if ts > a {
                    let corporate = matches!(
                        self.word(te).to_lowercase().as_str(),
                        "ceo"
                            | "cfo"
                            | "coo"
                            | "cto"
                            | "chairman"
                            | "chairwoman"
                            | "chair"
                            | "executive"
                            | "officer"
                            | "founder"
                            | "co-founder"
                            | "spokesman"
                            | "spokeswoman"
                            | "spokesperson"
                    );
                    self.part(a, ts - 1, corporate.then_some(Organization));
                }
                self.part(te + 1, b, Some(Person));
                return;
            }
        }
        self.part(a, b, None);
    }

    fn world_span(&self, a: usize, b: usize) -> Option<usize> {
        if a == b && self.toks[a].cap {
            return self.toks[a].world;
        }
        let (start, end) = (self.toks[a].start, self.toks[b].end);
        world().lookup_any_case(&self.text[start..end])
    }

    /// The first title in a run ("Prime Minister", "Secretary of State", "CEO"), as word
    /// indexes.
    fn title(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let titled =
            |i: usize| self.toks[i].cap && (self.is(i, TITLE_BASE) || self.is(i, TITLE_MOD));
        let base = (a..=b).find(|&i| self.toks[i].cap && self.is(i, TITLE_BASE))?;
        if base > a && !self.toks[base - 1].cap {
            // "Law and Justice", "Court of Justice": a name, not a title.
            return None;
        }
        let mut ts = base;
        while ts > a && titled(ts - 1) {
            ts -= 1;
        }
        let mut te = base;
        while te < b && titled(te + 1) {
            te += 1;
        }
        while te > base && !self.is(te, TITLE_BASE) {
            te -= 1;
        }
        if self.word(te) == "Secretary"
            && te + 2 <= b
            && self.word(te + 1) == "of"
            && self.word(te + 2) == "State"
        {
            te += 2;
        }
        Some((ts, te))
    }

    /// Whether words `a..=b` look like a person's name: capitalised words and name
    /// particles, no acronyms, no organisation or place words.
    fn name_shaped(&self, a: usize, b: usize) -> bool {
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
        (a..=b).all(|i| {
            let word = self.word(i);
            if !self.toks[i].cap {
                return is(word, PARTICLES);
            }
            let initial = word.len() == 2 && word.ends_with('.');
            (initial || is_roman(word) || !is_acronym(word))
                && !self.is(i, ORG_TAIL)
                && !self.is(i, PLACE_TAIL)
                && !self.is(i, OTHER_TAIL)
                && !self.is(i, TITLE_BASE)
                && !self.is(i, STOP)
                && !self.is(i, DEMONYM)
        })
    }

    /// A name candidate from words `a..=b` of a run: leading common words and adjectives
    /// dropped, then voted on by shape and context.
    fn part(&mut self, mut a: usize, mut b: usize, given: Option<EntityKind>) {
        while b > a && !self.toks[b].cap && !self.word(b).bytes().all(|c| c.is_ascii_digit()) {
            b -= 1;
        }
        loop {
            if a > b {
                return;
            }
            let word = self.word(a);
            let common = self.is(a, STOP) && !is_acronym(word);
            let stop = !self.toks[a].cap
                || (common && (self.toks[a].initial || matches!(word, "The" | "A" | "An")));
            // "Lebanese Hezbollah" is Hezbollah, but "Lebanese Ministry of Public Health"
            // is one name.
            let adjective = a < b
                && self.is(a, DEMONYM)
                && !self.has_tail(b)
                && (self.name_shaped(a + 1, b) || self.world_span(a + 1, b).is_some());
            if !stop && !adjective {
                break;
            }
            a += 1;
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
            if !acronym && self.is(a, ORG_TAIL) && !self.is(a, TITLE_BASE | TITLE_MOD) {
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
                || self.is(a, TITLE_BASE)
                || self.is(a, TITLE_MOD)
                || self.has_tail(a)
            {
                return;
            }
        }
        self.add(a, b, None, given);
    }

    fn has_tail(&self, i: usize) -> bool {
        self.is(i, ORG_TAIL) || self.is(i, PLACE_TAIL) || self.is(i, OTHER_TAIL)
    }

    /// Votes for words `a..=b` and records the mention.
    fn add(&mut self, a: usize, b: usize, world_id: Option<usize>, given: Option<EntityKind>) {
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
            if multi && self.is(b, ORG_TAIL) {
                cue[slot(Organization)] += STRONG;
            } else if multi && self.is(b, PLACE_TAIL) {
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
            } else if multi && (a + 1..=b).any(|i| self.toks[i].world.is_some()) {
                // "Real Madrid", "West Texas Intermediate": a place inside is no person's name.
                fallback[slot(Organization)] += WEAK;
            } else if multi && person_shaped {
                if self.is(a, GIVEN_NAMES) {
                    cue[slot(Person)] += CUE;
                } else {
                    fallback[slot(Person)] += WEAK;
                }
            } else if !multi {
                fallback[slot(Organization)] += WEAK;
            }
        }
        if let Some(k) = given {
            cue[slot(k)] += if k == Person { STRONG } else { CUE };
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
        self.register(
            name,
            world_id,
            cue,
            fallback,
            mid,
            (mention_start, end, full_end),
        );
    }

    /// Whether words `a..=b` name an organisation by their shape alone.
    fn org_shaped(&self, a: usize, b: usize) -> bool {
        let w = world();
        self.world_span(a, b)
            .is_some_and(|id| w.entries[id].kind == Organization)
            || (a < b && self.is(b, ORG_TAIL))
            || (a..b).any(|i| {
                self.is(i, ORG_HEAD | ORG_TAIL) && matches!(self.word(i + 1), "of" | "for")
            })
    }

    /// Kind evidence from the words around a name.
    fn context(&self, a: usize, b: usize, person_shaped: bool, cue: &mut Votes) {
        let n = self.toks.len();
        let multi_person = person_shaped && a < b;
        if a > 0 && self.plain_gap(a - 1, a) && self.lower_word(a - 1) {
            let p = a - 1;
            let prev = self.word(p);
            let pc = classes(prev);
            let before = (p > 0 && self.plain_gap(p - 1, p)).then(|| self.word(p - 1));
            let bc = before.map_or(0, classes);
            if pc & PLACE_PREPS != 0 || (prev == "the" && bc & PLACE_PREPS != 0) {
                cue[slot(Place)] += CUE;
            }
            if prev == "at" {
                // "an analyst at Wedbush Securities" works for an organisation; "at
                // Wembley" is a place.
                let employer = bc & ROLE_NOUNS != 0
                    || before.is_some_and(|w| w.ends_with("ist") || w.ends_with("ists"));
                cue[slot(if employer { Organization } else { Place })] += CUE;
            }
            if person_shaped && pc & ROLE_NOUNS != 0 {
                cue[slot(Person)] += CUE;
            }
            if pc & ORG_APPOS != 0 || prev.ends_with("maker") {
                cue[slot(Organization)] += CUE;
            }
            let after_comma = p > 0 && self.gap(p - 1, p).trim() == ",";
            if prev == "of" && before.is_some_and(is_compass) {
                // "50 miles southeast of Tallahassee".
                cue[slot(Place)] += CUE;
            }
            if prev == "and" && p > 0 && self.toks[p - 1].cap && self.is(p - 1, ORG_TAIL) {
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
                    cue[slot(Organization)] += CUE;
                } else if nc & PERSON_POSS != 0 {
                    cue[slot(Person)] += CUE;
                } else if nc & PLACE_POSS != 0 {
                    cue[slot(Place)] += CUE;
                }
            } else if nc & (ORG_APPOS | ORG_POSS) != 0 {
                // "Zentara shares", "Dortmund coach Edin Terzic", "the Third Way bloc".
                cue[slot(Organization)] += CUE;
            } else if nc & PLACE_TAIL != 0 {
                cue[slot(Place)] += CUE;
            } else if nc & OTHER_NEXT != 0 {
                cue[slot(Other)] += CUE;
            }
            if next == "and"
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
            self.apposition(q, cue);
            let w = world();
            let in_place = self.toks[q].cue == Some(Place)
                || self.toks[q]
                    .world
                    .is_some_and(|id| w.entries[id].kind == Place);
            if in_place && !self.toks[q].possessive() && !(q + 1 < n && self.toks[q + 1].cap) {
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

    /// "X, who ...", "X, 45, ...", "X, a company ..." after a name.
    fn apposition(&self, q: usize, cue: &mut Votes) {
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
            for i in i..n.min(i + 5) {
                // "a Helsinki-based startup": the hyphenated place is part of the phrase.
                if self.toks[i].solo {
                    continue;
                }
                let joined = i == q || self.plain_gap(i - 1, i) || self.toks[i - 1].solo;
                if self.toks[i].cap || !joined {
                    break;
                }
                let w = self.word(i);
                if is(w, ROLE_NOUNS) {
                    cue[slot(Person)] += CUE;
                } else if is(w, ORG_APPOS) || w.ends_with("maker") {
                    cue[slot(Organization)] += CUE;
                } else if is(w, PLACE_APPOS) {
                    cue[slot(Place)] += CUE;
                } else {
                    continue;
                }
                break;
            }
        }
    }

    fn register(
        &mut self,
        name: Cow<'a, str>,
        world_id: Option<usize>,
        cue: Votes,
        fallback: Votes,
        mid: bool,
        (start, end, full_end): (usize, usize, usize),
    ) -> usize {
        let id = match self.index.get(name.as_ref()) {
            Some(&id) => id,
            None => {
                self.cands.push(Cand {
                    name: name.clone(),
                    words: name.split_whitespace().count(),
                    world: world_id,
                    cue: [0; 4],
                    fallback: [0; 4],
                    mid: false,
                    into: None,
                    short_form: false,
                });
                self.index.insert(name, self.cands.len() - 1);
                self.cands.len() - 1
            }
        };
        let c = &mut self.cands[id];
        for i in 0..4 {
            c.cue[i] += cue[i];
            // A guess from shape is the same guess each time: it does not add up.
            c.fallback[i] = c.fallback[i].max(fallback[i]);
        }
        c.mid |= mid;
        self.spots.push(Spot {
            start,
            end,
            full_end,
            entity: id,
        });
        id
    }

    fn root(&self, mut i: usize) -> usize {
        while let Some(next) = self.cands[i].into {
            i = next;
        }
        i
    }

    fn merge(&mut self, from: usize, to: usize) {
        let (from, to) = (self.root(from), self.root(to));
        if from == to {
            return;
        }
        let (cue, fallback, mid) = {
            let f = &self.cands[from];
            (f.cue, f.fallback, f.mid)
        };
        let t = &mut self.cands[to];
        for i in 0..4 {
            t.cue[i] += cue[i];
            t.fallback[i] += fallback[i];
        }
        t.mid |= mid;
        self.cands[from].into = Some(to);
    }

    /// Folds acronyms, surnames and short company names into the full names they stand
    /// for, drops weak candidates, and numbers what is left.
    fn finish(mut self, gazetteer: &Gazetteer) -> Discovered {
        let count = self.cands.len();
        // Where a one-word name may point, from the longer names: by last word and first
        // word (people), first word (companies with a suffix), and initials.
        let mut by_last: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_first: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_company: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_org_last: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_initials: FxHashMap<String, usize> = FxHashMap::default();
        let acronyms = self
            .cands
            .iter()
            .any(|c| c.single_acronym() && c.world.is_none());
        for (m, c) in self.cands.iter().enumerate().filter(|(_, c)| c.words >= 2) {
            let first = c.name.split(' ').next().unwrap_or("");
            let last = c.name.rsplit(' ').next().unwrap_or("");
            match winner(&c.votes()) {
                Person => {
                    by_last.entry(last).or_insert(m);
                    by_first.entry(first).or_insert(m);
                }
                Organization => {
                    if is(last, CORP_SUFFIX) {
                        by_company.entry(first).or_insert(m);
                    }
                    by_org_last.entry(last).or_insert(m);
                }
                _ => {}
            }
            if acronyms {
                by_initials.entry(initials(&c.name)).or_insert(m);
            }
        }
        let merges: Vec<(usize, usize)> = (0..count)
            .filter(|&s| self.cands[s].words == 1)
            .filter_map(|s| {
                let c = &self.cands[s];
                let name = c.name.as_ref();
                let target = if c.short_form {
                    by_org_last.get(name)
                } else if c.single_acronym() && c.world.is_none() {
                    by_initials.get(name.replace('.', "").as_str())
                } else {
                    // "Biden" is Joe Biden; "Tedros" is Tedros Adhanom Ghebreyesus;
                    // "Activision" is Activision Blizzard Inc.
                    let by_start = || {
                        // A country is not a first name ("Georgia" in "Georgia Power").
                        c.world
                            .is_none()
                            .then(|| by_first.get(name).or_else(|| by_company.get(name)))
                            .flatten()
                    };
                    by_last.get(name).or_else(by_start)
                };
                target.map(|&t| (s, t))
            })
            .collect();
        for (s, t) in merges {
            self.merge(s, t);
        }
        let mut keep: Vec<Option<usize>> = vec![None; count];
        let mut entities = Vec::new();
        let mut signature = None;
        for (slot, c) in keep.iter_mut().zip(&self.cands) {
            if c.into.is_some() {
                continue;
            }
            let evidence: u32 = c.cue.iter().sum();
            let short = c.name.chars().count() <= 2;
            let common = |sig: &mut Option<Signature>| {
                let sig = sig.get_or_insert_with(|| self.lowercase_signature());
                self.common_word(&c.name, sig)
            };
            let weak = c.words == 1 && c.world.is_none() && evidence <= WEAK;
            if c.short_form
                || (evidence == 0 && short)
                || (!c.mid && evidence <= WEAK)
                || (weak && common(&mut signature))
            {
                continue;
            }
            *slot = Some(entities.len());
            entities.push(Found {
                name: c.name.to_string(),
                votes: c.votes(),
                known: c.world.and_then(|w| gazetteer.world_entry(w)),
            });
        }
        let spots = self
            .spots
            .iter()
            .filter_map(|s| keep[self.root(s.entity)].map(|entity| Spot { entity, ..*s }))
            .collect();
        Discovered { entities, spots }
    }

    /// Whether the article also uses `word` in lowercase, as an ordinary word.
    fn common_word(&self, word: &str, signature: &Signature) -> bool {
        let lower = word.to_lowercase();
        if lower == word || !signature.has(lower.as_bytes()) {
            return false;
        }
        self.doc.tokens.iter().any(|t| {
            t.end - t.start == lower.len()
                && self.text.as_bytes()[t.start] == lower.as_bytes()[0]
                && self.text[t.start..t.end] == lower
        })
    }
}

/// A 4096-bit summary of the article's lowercase words, so checking whether a name is
/// also an ordinary word rarely needs a scan.
struct Signature([u64; 64]);

impl Signature {
    fn slot(word: &[u8]) -> usize {
        let (first, last) = (word.first().copied(), word.last().copied());
        let mixed = word.len() * 131
            + usize::from(first.unwrap_or(0)) * 31
            + usize::from(last.unwrap_or(0));
        mixed & 4095
    }

    fn has(&self, word: &[u8]) -> bool {
        let slot = Signature::slot(word);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

impl Discoverer<'_> {
    fn lowercase_signature(&self) -> Signature {
        let mut bits = [0u64; 64];
        for t in &self.doc.tokens {
            let word = &self.text.as_bytes()[t.start..t.end];
            let lower = match word.first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => self.text[t.start..t.end].starts_with(char::is_lowercase),
            };
            if lower {
                let slot = Signature::slot(word);
                bits[slot / 64] |= 1 << (slot % 64);
            }
        }
        Signature(bits)
    }
}

/// The capital initials of a name: "European Central Bank" gives "ECB".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::{entities, facts, named};

    #[test]
    fn sentence_starts_weekdays_and_months_are_not_entities() {
        let text = "The talks resumed on Wednesday. Both sides agreed in October. As expected, \
                    the ceasefire held. According to officials, this was new. Two envoys left. \
                    This matters. However, nothing changed by May.";
        assert_eq!(entities(text), []);
    }

    #[test]
    fn titles_split_a_run_into_its_names() {
        assert_eq!(
            entities("US President Joe Biden spoke. Fed Chair Jerome Powell listened."),
            named(&[
                ("Federal Reserve", Organization),
                ("Jerome Powell", Person),
                ("Joe Biden", Person),
                ("United States", Place),
            ])
        );
        assert_eq!(
            entities(
                "Israeli Prime Minister Benjamin Netanyahu met Apple Chief Executive Tim Cook."
            ),
            named(&[
                ("Apple", Organization),
                ("Benjamin Netanyahu", Person),
                ("Tim Cook", Person),
            ])
        );
        assert_eq!(
            entities("It met Secretary of State Antony Blinken and the General Assembly."),
            named(&[
                ("Antony Blinken", Person),
                ("General Assembly", Organization)
            ])
        );
    }

    #[test]
    fn surnames_join_the_full_name() {
        let f =
            facts("Senator Maria Okafor spoke first. Later, Okafor’s aides said Okafor would run.");
        assert_eq!(f.entities.len(), 1, "{:?}", f.entities);
        let e = &f.entities[0];
        assert_eq!(
            (e.name.as_str(), e.kind, e.count),
            ("Maria Okafor", Person, 3)
        );
        assert_eq!(e.surfaces, ["Maria Okafor", "Okafor", "Okafor’s"]);
        assert!(!e.known);
    }

    #[test]
    fn acronyms_join_their_full_name() {
        let f = facts(
            "The Global Climate Fund approved the plan. In a statement, the GCF said it would \
             pay. The United States agreed, and US officials said so.",
        );
        let names: Vec<(&str, usize)> = f
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.count))
            .collect();
        assert_eq!(names, [("Global Climate Fund", 2), ("United States", 2)]);
    }

    #[test]
    fn organisation_and_place_words_decide_the_kind() {
        assert_eq!(
            entities(
                "The Ministry of Health and the Democratic Unionist Party met Tata Group and \
                 Acme Holdings Inc in Kherson, near the Gaza Strip, with a Dubai-based broker."
            ),
            named(&[
                ("Acme Holdings Inc", Organization),
                ("Democratic Unionist Party", Organization),
                ("Dubai", Place),
                ("Gaza", Place),
                ("Kherson", Place),
                ("Ministry of Health", Organization),
                ("Tata Group", Organization),
            ])
        );
    }

    #[test]
    fn context_votes_for_people_places_and_companies() {
        assert_eq!(
            entities(
                "“We are ready for this,” said Lucia Moreno. Rafael Duarte, who leads the \
                 union, agreed. Shares of Zentara fell after chipmaker Voltrix rose. Fighting \
                 spread to the city of Mykolaiv. Lumo, a Helsinki-based startup, expanded."
            ),
            named(&[
                ("Helsinki", Place),
                ("Lucia Moreno", Person),
                ("Lumo", Organization),
                ("Mykolaiv", Place),
                ("Rafael Duarte", Person),
                ("Voltrix", Organization),
                ("Zentara", Organization),
            ])
        );
    }

    #[test]
    fn quoted_title_after_a_possessive_is_a_work() {
        let f = facts("Biden spoke on ABC’s “The View.” Later he left.");
        let kinds: Vec<(&str, EntityKind)> = f
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert!(kinds.contains(&("The View", Other)), "{kinds:?}");
        assert!(kinds.contains(&("ABC", Organization)), "{kinds:?}");
        assert!(f.quotes.is_empty());
    }

    #[test]
    fn demonyms_and_pronouns_are_not_entities() {
        assert_eq!(
            entities("Lebanese officials and Western diplomats met. I think Sunni leaders agreed."),
            []
        );
    }

    #[test]
    fn names_with_and_are_kept_whole_once_established() {
        assert_eq!(
            entities("The ruling Law and Justice party lost. Critics of Law and Justice cheered."),
            named(&[("Law and Justice", Organization)])
        );
    }

    #[test]
    fn code_links_and_urls_hide_names() {
        assert_eq!(
            entities(
                "Use `Kharkiv` here, see [Mykolaiv news](https://news.example/Odesa) and \
                 https://example.org/Zaporizhzhia for more.\n\n```\nVinnytsia\n```"
            ),
            []
        );
    }

    #[test]
    fn capitalised_common_words_also_used_in_lowercase_are_dropped() {
        let text = "The rules cover Housing. Officials said housing costs rose.";
        assert_eq!(entities(text), []);
    }

    #[test]
    fn dateline_capitals_are_places() {
        assert_eq!(
            entities("WASHINGTON (AP) — Lawmakers met."),
            named(&[("Associated Press", Organization), ("Washington", Place)])
        );
    }

    #[test]
    fn votes_are_reported_per_kind() {
        let f = facts("Talks were held in Valmora. Later, in Valmora again.");
        let e = &f.entities[0];
        assert_eq!(e.name, "Valmora");
        assert_eq!(e.kind, Place);
        assert!(e.kind_votes[2] > e.kind_votes[0] + e.kind_votes[1] + e.kind_votes[3]);
    }

    #[test]
    fn country_abbreviation_before_an_agency_is_one_mention() {
        let f = facts("U.S. Treasury yields fell. The U.S. Federal Trade Commission sued.");
        let got: Vec<(&str, &[String])> = f
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.surfaces.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Federal Trade Commission",
                    &["U.S. Federal Trade Commission".to_string()][..]
                ),
                ("Treasury", &["U.S. Treasury".to_string()][..]),
            ]
        );
    }

    #[test]
    fn short_forms_join_the_organisation_they_abbreviate() {
        let f = facts(
            "The European Commission fined Meta. The Commission said more fines could follow. \
             The Council agreed.",
        );
        let got: Vec<(&str, usize)> = f
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.count))
            .collect();
        assert_eq!(got, [("European Commission", 2), ("Meta", 1)]);
    }

    #[test]
    fn lists_share_the_kind_of_an_organisation() {
        assert_eq!(
            entities("Crews from Duke Energy and Georgia Power said they were ready."),
            named(&[
                ("Duke Energy", Organization),
                ("Georgia Power", Organization)
            ])
        );
        assert_eq!(
            entities("It signed with Kaiser Permanente and HCA Healthcare last year."),
            named(&[
                ("HCA Healthcare", Organization),
                ("Kaiser Permanente", Organization)
            ])
        );
    }

    #[test]
    fn places_by_compass_and_hometown() {
        assert_eq!(
            entities(
                "It landed 50 miles southeast of Tallahassee. Daniel Whitmore, 44, of Palo Alto, \
                 pleaded guilty."
            ),
            named(&[
                ("Daniel Whitmore", Person),
                ("Palo Alto", Place),
                ("Tallahassee", Place)
            ])
        );
    }

    #[test]
    fn labels_storms_and_craft() {
        assert_eq!(
            entities(
                "Hurricane Helene became a Category 4 storm. The Perseverance rover found a \
                 rock, and the Mars Sample Return program slowed."
            ),
            named(&[
                ("Hurricane Helene", Other),
                ("Mars Sample Return", Other),
                ("Perseverance", Other),
            ])
        );
    }

    #[test]
    fn party_names_keep_their_adjectives() {
        assert_eq!(
            entities("Japan’s ruling Liberal Democratic Party will vote on Sept. 27."),
            named(&[("Japan", Place), ("Liberal Democratic Party", Organization)])
        );
    }

    #[test]
    fn law_names_after_an_organisation() {
        assert_eq!(
            entities("Both sides cited UN Security Council Resolution 1701 again."),
            named(&[
                ("Resolution 1701", Other),
                ("United Nations Security Council", Organization),
            ])
        );
    }

    #[test]
    fn prominent_people_are_known_by_surname() {
        assert_eq!(
            entities("“We must not let Putin win,” the envoy said."),
            named(&[("Vladimir Putin", Person)])
        );
    }

    #[test]
    fn guessed_kinds_for_bare_names() {
        assert_eq!(guess_kind("Lebanon"), Place);
        assert_eq!(guess_kind("Acme Holdings Inc"), Organization);
        assert_eq!(guess_kind("Ministry of Truth"), Organization);
        assert_eq!(guess_kind("Joe Bloggs"), Person);
        assert_eq!(guess_kind("Ceasefire Talks"), Other);
        assert_eq!(winner(&[0, 0, 0, 0]), Other);
        assert_eq!(winner(&[2, 2, 1, 0]), Person);
    }
}
