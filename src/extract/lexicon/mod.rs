//! Word lists the rules lean on, and the built-in world names from `world.txt`. Everything
//! is parsed once per process and shared read-only.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::load::EntityKind;

mod names;
mod words;
pub use names::*;
pub use words::*;

/// Word-class bits, one per list.
pub type Class = u64;

/// Set on a word of the text, never by a word list: a capitalised word inside a name the
/// article gives ("May" in "Helen May"), which no rule should read as the common word.
pub const IN_NAME: Class = 1 << 63;

/// Set on a word of the text, never by a word list: a function word's letters in capitals
/// in text that has lower case ("a WHO spokesperson", "US officials", "the IT team"): an
/// acronym, which no rule should read as "who", "us" or "it".
pub const ACRONYM: Class = 1 << 62;

/// A country, region, city, world organisation, prominent person or well-known name
/// discovery knows without a gazetteer.
#[derive(Debug)]
pub struct WorldEntry {
    pub name: &'static str,
    pub kind: EntityKind,
    /// The canonical name and every alias.
    pub surfaces: Vec<&'static str>,
}

#[derive(Debug)]
pub struct World {
    pub entries: Vec<WorldEntry>,
    /// Words naming peoples, faiths and camps ("Lebanese", "Sunni"), for `DEMONYM`.
    demonyms: Vec<&'static str>,
}

impl World {
    /// The entry a surface form names, exactly as written (case-sensitive).
    pub fn lookup(&self, surface: &str) -> Option<usize> {
        table().get(surface).and_then(|i| i.world)
    }

    /// Like `lookup`, and also finds capitalised names written in capitals, as in a
    /// dateline ("WASHINGTON", "NEW YORK").
    pub fn lookup_any_case(&self, surface: &str) -> Option<usize> {
        self.lookup(surface)
            .or_else(|| self.lookup(&title_case_of_capitals(surface)?))
    }
}

/// "NEW YORK" as "New York"; `None` for text that is not all capitals or is too short to
/// be a name rather than an acronym.
fn title_case_of_capitals(surface: &str) -> Option<String> {
    if surface.chars().any(char::is_lowercase)
        || surface.chars().filter(|c| c.is_alphabetic()).count() <= 3
    {
        return None;
    }
    let words: Vec<String> = surface
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |f| {
                f.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect();
    Some(words.join(" "))
}

pub fn world() -> &'static World {
    static WORLD: LazyLock<World> = LazyLock::new(|| parse_world(include_str!("world.txt")));
    &WORLD
}

fn parse_world(text: &'static str) -> World {
    let mut world = World {
        entries: Vec::new(),
        demonyms: Vec::new(),
    };
    let mut section = "";
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let kind = match section {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "organization" => EntityKind::Organization,
            "other" => EntityKind::Other,
            _ => {
                world.demonyms.extend(line.split_whitespace());
                continue;
            }
        };
        let surfaces: Vec<&'static str> = line.split('|').map(str::trim).collect();
        world.entries.push(WorldEntry {
            name: surfaces[0],
            kind,
            surfaces,
        });
    }
    world
}

/// What the lexicon knows about one word or name as written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Info {
    /// Word classes (bits below).
    pub classes: Class,
    /// The built-in world entry this surface names.
    pub world: Option<usize>,
}

/// Every lexicon word (lowercase and capitalised) and every world surface (as written) in
/// one table, so a capitalised word costs one lookup.
fn table() -> &'static FxHashMap<Box<str>, Info> {
    static TABLE: LazyLock<FxHashMap<Box<str>, Info>> = LazyLock::new(|| {
        let mut classes: FxHashMap<Box<str>, Class> = FxHashMap::default();
        for (class, list) in [
            (STOP, STOP_WORDS),
            (TEMPORAL, TEMPORAL_WORDS),
            (TITLE_BASE, TITLE_BASE_WORDS),
            (TITLE_MOD, TITLE_MOD_WORDS),
            (ROLE_NOUNS, ROLE_NOUNS_WORDS),
            (ORG_TAIL, ORG_TAIL_WORDS),
            (ORG_HEAD, ORG_HEAD_WORDS),
            (PLACE_TAIL, PLACE_TAIL_WORDS),
            (PLACE_HEAD, PLACE_HEAD_WORDS),
            (OTHER_TAIL, OTHER_TAIL_WORDS),
            (CORP_SUFFIX, CORP_SUFFIX_WORDS),
            (TRADE_SUFFIX, TRADE_SUFFIX_WORDS),
            (GROUP_HEAD, GROUP_HEAD_WORDS),
            (ACRONYM_STOP, ACRONYM_STOP_WORDS),
            (SPEECH_VERBS, SPEECH_VERBS_WORDS),
            (PARTICLES, PARTICLES_WORDS),
            (GIVEN_NAMES, GIVEN_NAMES_WORDS),
            (ORG_POSS, ORG_POSS_WORDS),
            (PERSON_POSS, PERSON_POSS_WORDS),
            (PLACE_POSS, PLACE_POSS_WORDS),
            (ORG_APPOS, ORG_APPOS_WORDS),
            (PLACE_APPOS, PLACE_APPOS_WORDS),
            (PLACE_PREPS, PLACE_PREPS_WORDS),
            (ABBREVIATIONS, ABBREVIATIONS_WORDS),
            (OTHER_NEXT, OTHER_NEXT_WORDS),
            (OTHER_HEAD, OTHER_HEAD_WORDS),
            (SPEECH_PARTICIPLES, SPEECH_PARTICIPLES_WORDS),
            (SPEECH_BASE, SPEECH_BASE_WORDS),
            (CLAUSE_OPENERS, CLAUSE_OPENERS_WORDS),
            (SPEECH_FILLERS, SPEECH_FILLERS_WORDS),
            (SPEAKER_ENDS, SPEAKER_ENDS_WORDS),
            (REPORT_VERBS, REPORT_VERBS_WORDS),
            (PHRASE_OPENERS, PHRASE_OPENERS_WORDS),
            (LEAD_PREPOSITIONS, LEAD_PREPOSITIONS_WORDS),
            (LEAD_ADVERBS, LEAD_ADVERBS_WORDS),
            (DESCRIBING_PREPOSITIONS, DESCRIBING_PREPOSITIONS_WORDS),
            (US_STATES, US_STATES_WORDS),
            (DETERMINERS, DETERMINERS_WORDS),
            (SPEECH_NOUNS, SPEECH_NOUNS_WORDS),
            (RELATION_SUFFIXES, RELATION_SUFFIXES_WORDS),
            (NAME_PREFIXES, NAME_PREFIXES_WORDS),
            (TITLE_NOUNS, TITLE_NOUNS_WORDS),
            (ACCORDING_ENDS, ACCORDING_ENDS_WORDS),
            (DOCUMENTS, DOCUMENTS_WORDS),
            (CORPORATE_TITLES, CORPORATE_TITLES_WORDS),
            (MALE_GIVEN, MALE_GIVEN_WORDS),
            (FEMALE_GIVEN, FEMALE_GIVEN_WORDS),
            (LEAD_MODIFIERS, LEAD_MODIFIERS_WORDS),
            (PERSON_NEXT, PERSON_NEXT_WORDS),
            (PRESS_TITLES, PRESS_TITLES_WORDS),
            (STANCE_VERBS, STANCE_VERBS_WORDS),
            (STANCE_ADJECTIVES, STANCE_ADJECTIVES_WORDS),
            (SOURCE_PREPOSITIONS, SOURCE_PREPOSITIONS_WORDS),
            (ROLE_HEADS, ROLE_HEADS_WORDS),
        ] {
            for w in list.split_whitespace() {
                *classes.entry(w.into()).or_insert(0) |= class;
            }
        }
        for w in COMMON_PHRASES_WORDS.split_whitespace() {
            *classes.entry(w.replace('_', " ").into()).or_insert(0) |= COMMON_PHRASES;
        }
        let w = world();
        for d in &w.demonyms {
            *classes.entry(d.to_lowercase().into()).or_insert(0) |= DEMONYM;
        }
        for d in ["north", "south", "east", "west", "central"] {
            *classes.entry(d.into()).or_insert(0) |= DIRECTION;
        }
        let mut table: FxHashMap<Box<str>, Info> = FxHashMap::default();
        for (word, &c) in &classes {
            table.entry(word.clone()).or_default().classes |= c;
            // The capitalised form too, so "The" or "Minister" needs no lowercasing.
            let mut chars = word.chars();
            if let Some(first) = chars.next().filter(|f| f.is_lowercase()) {
                let titled = format!("{}{}", first.to_uppercase(), chars.as_str());
                table.entry(titled.into()).or_default().classes |= c;
            }
        }
        for (id, entry) in w.entries.iter().enumerate() {
            for surface in &entry.surfaces {
                let info = table.entry((*surface).into()).or_default();
                info.world = info.world.or(Some(id));
            }
        }
        table
    });
    &TABLE
}

/// Classes and world entry of a capitalised word in one lookup (two for words in
/// capitals, whose classes come from the lowercase form).
pub fn info(word: &str) -> Info {
    let exact = table().get(word).copied().unwrap_or_default();
    if exact.classes == 0 && exact.world.is_none() {
        // "Sept.", "Gen.": the abbreviation's word.
        if let Some(bare) = word
            .strip_suffix('.')
            .filter(|w| !w.is_empty() && !w.contains('.'))
        {
            return info(bare);
        }
        if derived_demonym(word) {
            return Info {
                classes: DEMONYM,
                world: None,
            };
        }
    }
    if !word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return exact;
    }
    Info {
        classes: lowercase_classes(word),
        world: exact
            .world
            .or_else(|| world().lookup(&title_case_of_capitals(word)?)),
    }
}

/// Whether `word`, which no list holds, names a people all the same: demonyms joined by a
/// hyphen ("Cuban-Americans", "Israeli-Palestinian") or made from a known place's name
/// ("Iowans" from Iowa, "Texan" from Texas, "Floridians" from Florida).
fn derived_demonym(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || !word.is_ascii() {
        return false;
    }
    if word.contains('-') {
        return word.split('-').all(|part| {
            !part.is_empty()
                && (classes(part) & DEMONYM != 0 || (part.len() > 4 && derived_demonym(part)))
        });
    }
    let place = |name: &str| {
        name.len() >= 4
            && world()
                .lookup(name)
                .is_some_and(|id| world().entries[id].kind == EntityKind::Place)
    };
    let singular = word.strip_suffix('s').unwrap_or(word);
    // "Iowan", "Texan", "Ohioan": the place with "n" or "an" (its final "s" dropped).
    let by_n = singular
        .strip_suffix('n')
        .is_some_and(|stem| place(stem) || place(&format!("{stem}s")))
        || singular.strip_suffix("an").is_some_and(place);
    // "Floridian", "Parisian": "ian" after the place, its final "a" or "e" dropped.
    let by_ian = singular.strip_suffix("ian").is_some_and(|stem| {
        place(stem) || place(&format!("{stem}a")) || place(&format!("{stem}e"))
    });
    by_n || by_ian
}

/// The word classes of `word` (bits below), ignoring case.
pub fn classes(word: &str) -> Class {
    let found = if !word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        table().get(word).map_or(0, |i| i.classes)
    } else {
        lowercase_classes(word)
    };
    match word.strip_suffix('.') {
        Some(bare) if found == 0 && !bare.is_empty() && !bare.contains('.') => classes(bare),
        _ => found,
    }
}

fn lowercase_classes(word: &str) -> Class {
    let lookup = |w: &str| table().get(w).map_or(0, |i| i.classes);
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        return std::str::from_utf8(&buf[..word.len()]).map_or(0, lookup);
    }
    lookup(&word.to_lowercase())
}

/// `word` in lower case, borrowed when it has no capitals, as most words in a sentence
/// have not: the rules compare many words this way, and each copy was an allocation. ASCII
/// words, nearly all of them, are lowered without Unicode's tables.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        match word.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(word.to_ascii_lowercase()),
            false => Cow::Borrowed(word),
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether a lowercase `word` is an "-ly" adverb ("quickly", "reportedly"), which the
/// rules pass over between a speaker and a verb; not a noun with that ending ("the rally
/// said", "his family").
pub fn ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.starts_with(char::is_lowercase)
        && !matches!(
            word,
            "family"
                | "rally"
                | "assembly"
                | "supply"
                | "reply"
                | "monopoly"
                | "anomaly"
                | "bully"
                | "belly"
                | "tally"
                | "homily"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "elderly"
        )
}

/// Whether `word`, ignoring case, is in any of the `classes`.
pub fn is(word: &str, classes_mask: Class) -> bool {
    classes(word) & classes_mask != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_ending_in_ly_are_no_adverbs() {
        assert!(ly_adverb("reportedly"));
        assert!(ly_adverb("quickly"));
        assert!(!ly_adverb("rally"));
        assert!(!ly_adverb("family"));
        // A capitalised word is a name ("Jolly").
        assert!(!ly_adverb("Jolly"));
    }

    #[test]
    fn world_names_and_aliases_share_an_entry() {
        let w = world();
        let us = w.lookup("US").expect("US");
        assert_eq!(w.lookup("United States"), Some(us));
        assert_eq!(w.entries[us].name, "United States");
        assert_eq!(w.entries[us].kind, EntityKind::Place);
        let un = w.lookup("UN").expect("UN");
        assert_eq!(w.entries[un].kind, EntityKind::Organization);
        assert!(is("Lebanese", DEMONYM) && is("South", DIRECTION));
        assert!(w.lookup("us").is_none());
    }

    #[test]
    fn lowercase_lookup_handles_case_and_unicode() {
        assert!(is("The", STOP));
        assert!(is("both", STOP));
        assert!(!is("Biden", STOP));
        assert!(is("WEDNESDAY", TEMPORAL));
        assert!(!is("Ürümqi", STOP));
        assert!(is("Minister", TITLE_BASE) && is("Prime", TITLE_MOD));
        assert_eq!(classes("zzz"), 0);
    }
}
