//! Who "he" or "she" is: the most recent person who was the subject of a sentence or of a
//! reporting verb, of a compatible gender when the text gives one (Mr./Ms., or the pronoun
//! used right after the name).

use std::collections::HashMap;
use std::ops::Range;

use super::discover::Spot;
use super::entities::{Ent, Table};
use super::kinds::KindVotes;
use super::lexicon::{
    DEMONYM, FEMALE_GIVEN, MALE_GIVEN, STOP, TITLE_BASE, TITLE_MOD, classes, is, lowercase,
};
use super::reported::personal_pronoun;
use super::speech::{Clause, Verb, is_listener_verb};
use super::text::Doc;
use crate::load::EntityKind;

/// How far back (bytes) a subject stands before a person named since may take its place.
const FAR: usize = 700;
/// How close before the pronoun (bytes) that person must be named.
const NEAR: usize = 300;
/// Organisation votes that only a name's shape gives ("Committee", "Inc."), never a
/// fallback guess: a subject with these and no person vote is no "he" or "she".
const SURE_ORGANISATION: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match lowercase(word).as_ref() {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// Pronouns after a sentence's subject that refer back to it: "Roe arrived late. She …"
/// (not "her": "Ash answered her").
const SUBJECT_CUES: &[&str] = &["he", "He", "she", "She", "his", "His", "himself", "herself"];
/// Pronouns in a reporting verb's clause that refer back to its subject: "Roe said his
/// plan …"; "Roe said she …" as often means someone else.
const REFLEXIVE_CUES: &[&str] = &["his", "himself", "herself"];

pub struct Salience {
    /// (byte position, person) of subjects, in text order; `person` indexes `people`.
    subjects: Vec<(usize, usize)>,
    people: Vec<Person>,
    /// The person of each table entity that has been a subject.
    by_entity: HashMap<usize, usize>,
    /// The person of each name no entity covers ("said Dana Lee" when discovery missed it).
    by_name: HashMap<String, usize>,
    /// The sorted ranges inside quotation marks: names there are not the article's mentions.
    quoted: Vec<Range<usize>>,
}

struct Person {
    name: String,
    /// Votes: male minus female.
    gender: i32,
    /// A subject surely an organisation ("the Senate Harbor Committee said"): one that
    /// "it" or "they" may stand for, never "he" or "she".
    organisation: bool,
}

impl Salience {
    /// `quoted` are the sorted ranges inside quotation marks, whose names are not subjects.
    pub fn build(doc: &Doc, table: &Table<'_>, quoted: &[Range<usize>]) -> Salience {
        let mut s = Salience {
            subjects: Vec::new(),
            people: Vec::new(),
            by_entity: HashMap::new(),
            by_name: HashMap::new(),
            quoted: quoted.to_vec(),
        };
        let inside = |at: usize| {
            let i = quoted.partition_point(|q| q.end <= at);
            quoted.get(i).is_some_and(|q| q.start <= at)
        };
        for block in doc.prose() {
            for sentence in doc.sentences_of(block) {
                let c = Clause::new(doc, sentence.clone());
                let mut here: Vec<(usize, usize)> = Vec::new();
                let mut first = None;
                // Where the sentence's subject ranks: after any subordinate speaker.
                let mut main_after = 0;
                if let Some(r) = c.main_subject(0)
                    && !inside(c.toks[r.start].start)
                {
                    let range = c.bytes(r);
                    let person = table
                        .within(range.clone())
                        .filter(|sp| table.entities[sp.entity].kind == EntityKind::Person)
                        .last();
                    if let Some(sp) = person {
                        first = Some((range.start, s.entity_person(doc, table, sp)));
                    }
                }
                for v in 0..c.toks.len() {
                    if c.verb_at(v) != Some(Verb::Finite) || inside(c.toks[v].start) {
                        continue;
                    }
                    let before = c
                        .subject_before(v, 0)
                        .filter(|r| !inside(c.toks[r.start].start));
                    let mut found = before.clone().and_then(|r| {
                        let p = s.speaker_person(doc, table, &c, r.clone())?;
                        Some((r, p))
                    });
                    // "…, said Dana Lee": the subject follows a verb only when the verb is
                    // inverted; in "Roe said Ash lied" the name after it is another clause's.
                    if found.is_none() && inverted(&c, v) {
                        found = c.subject_after(v).and_then(|r| {
                            let p = s.speaker_person(doc, table, &c, r.clone())?;
                            Some((r, p))
                        });
                    } else if found.is_none()
                        && let Some(unnamed) = before.filter(|r| {
                            (r.start + 1..r.end).all(|i| c.word(i).starts_with(char::is_lowercase))
                                && !personal_pronoun(&c.lower(r.start))
                        })
                    {
                        // "In the end, aides say Jane Roe advises her father": what unnamed
                        // sources report is about the person their clause names (not the
                        // one they speak to: "aides warned Jane Roe that …").
                        let mut from = v + 1;
                        if from < c.toks.len() && c.word(from) == "that" {
                            from += 1;
                        }
                        let clause_follows = unnamed.end == v && !is_listener_verb(c.word(v));
                        found = (from < c.toks.len() && clause_follows)
                            .then(|| c.main_subject(from))
                            .flatten()
                            .filter(|r| r.end >= c.toks.len() || c.word(r.end) != "that")
                            .and_then(|r| {
                                let end = c.toks[r.end - 1].end;
                                let person = table.within(c.bytes(r.clone())).find(|sp| {
                                    sp.end == end
                                        && table.entities[sp.entity].kind == EntityKind::Person
                                })?;
                                Some((r, s.entity_person(doc, table, person)))
                            });
                    }
                    let Some((r, p)) = found else { continue };
                    let at = c.toks[r.start].start;
                    // "Roe smiled when Ash asked …": a subordinate clause's speaker ranks
                    // below the sentence's subject, however late it stands.
                    if first.is_some_and(|(_, main)| main != p) && subordinate(&c, r.start) {
                        main_after = main_after.max(at + 1);
                    }
                    here.push((at, p));
                    let end = c.bytes(v..c.toks.len()).end;
                    s.vote_next_pronoun(doc, table, at, p, end, REFLEXIVE_CUES);
                }
                // "To historian Jane Roe, the plan seemed late": the person whose view the
                // sentence gives ranks above its grammatical subject.
                if let Some(sp) = viewer(&c, table) {
                    let at = first.map_or(sp.start, |(at, _)| at.max(main_after) + 1);
                    here.push((at, s.entity_person(doc, table, sp)));
                }
                if let Some((at, p)) = first {
                    here.push((at.max(main_after), p));
                    let next = doc
                        .sentences_of(block)
                        .iter()
                        .find(|r| r.start >= sentence.end);
                    let end = next.map_or(sentence.end, |r| r.end);
                    s.vote_next_pronoun(doc, table, at, p, end, SUBJECT_CUES);
                }
                here.sort_unstable();
                s.subjects.extend(here);
            }
        }
        s.subjects.sort_unstable();
        s
    }

    fn person(&mut self, name: String, title_before: &str) -> usize {
        let title = match title_before {
            "Mr." | "Mr" => 2,
            "Ms." | "Ms" | "Mrs." | "Mrs" => -2,
            _ => 0,
        };
        let gender = title + given_name_vote(&name);
        self.people.push(Person {
            name,
            gender,
            organisation: false,
        });
        self.people.len() - 1
    }

    fn entity_person(&mut self, doc: &Doc, table: &Table<'_>, spot: &Spot) -> usize {
        if let Some(&p) = self.by_entity.get(&spot.entity) {
            return p;
        }
        let entity = &table.entities[spot.entity];
        let p = self.person(entity.name.clone(), "");
        self.people[p].organisation = sure_organisation(entity);
        // Every mention's title counts, not only the subject's.
        for sp in table.spots.iter().filter(|sp| sp.entity == spot.entity) {
            match title_before(doc, sp.start) {
                "Mr." | "Mr" => self.people[p].gender += 2,
                "Ms." | "Ms" | "Mrs." | "Mrs" => self.people[p].gender -= 2,
                _ => {}
            }
        }
        self.by_entity.insert(spot.entity, p);
        p
    }

    /// The person a reporting verb's subject names: the entity closing the phrase (of any
    /// kind but place: discovery often mistakes a speaker for an organisation), or the
    /// capitalised name closing it.
    fn speaker_person(
        &mut self,
        doc: &Doc,
        table: &Table<'_>,
        c: &Clause<'_>,
        words: Range<usize>,
    ) -> Option<usize> {
        let range = c.bytes(words.clone());
        let end = c.toks[words.end - 1].end;
        if let Some(sp) = table
            .within(range.clone())
            .filter(|sp| sp.end == end)
            .last()
        {
            // "Tom Ash of the Harbor Trust said": the person before the organisation speaks,
            // as before any name a preposition makes an object ("Bishop Dana Reyes of the
            // Oakton Diocese").
            let object = matches!(
                doc.text[range.start..sp.start]
                    .split_whitespace()
                    .rev()
                    .find(|w| !matches!(*w, "the" | "The")),
                Some("of" | "at" | "from" | "for" | "with")
            );
            if object || sure_organisation(&table.entities[sp.entity]) {
                // "The leader of the Harbor League, Tom Ash, said": else the person set
                // beside the whole description.
                let person = table
                    .within(range)
                    .find(|p| table.entities[p.entity].kind == EntityKind::Person)
                    .or_else(|| table.apposed_person(&doc.text, end).filter(|_| object));
                if let Some(person) = person {
                    return Some(self.entity_person(doc, table, person));
                }
            }
            let kind = table.entities[sp.entity].kind;
            return (kind != EntityKind::Place).then(|| self.entity_person(doc, table, sp));
        }
        // "The union leader, Tom Ash, told …": the person set beside the description.
        if let Some(sp) = table.apposed_person(&doc.text, end) {
            return Some(self.entity_person(doc, table, sp));
        }
        let mut start = words.end;
        while start > words.start && c.word(start - 1).starts_with(char::is_uppercase) {
            start -= 1;
        }
        // "many more Latinos said": a people is no one person ("Cuban said" may be one).
        let people =
            (start..words.end).all(|i| c.is(i, DEMONYM)) && c.word(words.end - 1).ends_with('s');
        if start == words.end || c.is(start, STOP) || people {
            return None;
        }
        let name = doc.text[c.toks[start].start..end].to_string();
        if let Some(&p) = self.by_name.get(&name) {
            return Some(p);
        }
        let p = self.person(name.clone(), title_before(doc, c.toks[start].start));
        self.by_name.insert(name, p);
        Some(p)
    }

    /// The first of the pronouns `cues` after a subject, before any other person is named
    /// and before `end` (the end of the next sentence in its paragraph for a sentence's
    /// subject, of its own sentence for a reporting verb's), tells that subject's gender.
    fn vote_next_pronoun(
        &mut self,
        doc: &Doc,
        table: &Table<'_>,
        at: usize,
        person: usize,
        end: usize,
        cues: &[&str],
    ) {
        let from = at + 1;
        let next_person = table
            .within(from..end)
            .find(|sp| {
                table.entities[sp.entity].kind == EntityKind::Person
                    && self.by_entity.get(&sp.entity) != Some(&person)
            })
            .map_or(end, |sp| sp.start);
        let pronoun = doc
            .tokens_in(from..next_person)
            .iter()
            .map(|t| t.text(&doc.text))
            .filter(|w| cues.contains(w))
            .find_map(Gender::of_pronoun);
        match pronoun {
            Some(Gender::Male) => self.people[person].gender += 1,
            Some(Gender::Female) => self.people[person].gender -= 1,
            None => {}
        }
    }

    fn gender(&self, person: usize) -> Option<Gender> {
        match self.people[person].gender {
            0 => None,
            g if g > 0 => Some(Gender::Male),
            _ => Some(Gender::Female),
        }
    }

    /// Who a pronoun at byte `at` most likely refers to: the latest subject not known to
    /// be of the other gender, else the last person named.
    pub fn resolve(&self, table: &Table<'_>, at: usize, pronoun: &str) -> Option<String> {
        match self.find(table, at, pronoun)? {
            Ok(p) => Some(self.people[p].name.clone()),
            Err(e) => Some(table.entities[e].name.clone()),
        }
    }

    /// The last person named in `from..at`, other than `person` if given, whose gender is
    /// known to be `want`'s.
    fn named_since(
        &self,
        table: &Table<'_>,
        from: usize,
        at: usize,
        want: Option<Gender>,
        person: Option<usize>,
    ) -> Option<usize> {
        let want = want?;
        let lo = table.spots.partition_point(|s| s.start < from);
        let hi = table.spots.partition_point(|s| s.start < at);
        let inside = |at: usize| {
            let i = self.quoted.partition_point(|q| q.end <= at);
            self.quoted.get(i).is_some_and(|q| q.start <= at)
        };
        table.spots[lo..hi]
            .iter()
            .rev()
            .filter(|s| !inside(s.start))
            .map(|s| s.entity)
            .find(|e| {
                table.entities[*e].kind == EntityKind::Person
                    && match self.by_entity.get(e) {
                        Some(&p) => Some(p) != person && self.gender(p) == Some(want),
                        None => match given_name_vote(&table.entities[*e].name) {
                            0 => false,
                            v => (v > 0) == (want == Gender::Male),
                        },
                    }
            })
    }

    /// A person who was a subject (`Ok`), or else the entity last named (`Err`).
    fn find(&self, table: &Table<'_>, at: usize, pronoun: &str) -> Option<Result<usize, usize>> {
        let want = Gender::of_pronoun(pronoun);
        let fits = |p: usize| {
            want.is_none()
                || (!self.people[p].organisation && self.gender(p).is_none_or(|g| Some(g) == want))
        };
        let upto = self.subjects.partition_point(|&(p, _)| p < at);
        if let Some(&(pos, p)) = self.subjects[..upto].iter().rev().find(|&&(_, p)| fits(p)) {
            // A subject far back gives way to a person of the pronoun's gender named since,
            // close before it ("…. To professor Jane Roe, the plan seemed late. “…,” she said").
            if at - pos > FAR
                && let Some(e) =
                    self.named_since(table, at.saturating_sub(NEAR).max(pos), at, want, Some(p))
            {
                return Some(Err(e));
            }
            // So does one named, close before, after a later subject of the other gender
            // ("Jane Roe came with Tom Ash, a delegate. “…,” he said"): Ash is nearer than any
            // earlier man.
            let (latest, other) = self.subjects[upto - 1];
            let other_gender = !self.people[other].organisation
                && self.gender(other).is_some_and(|g| Some(g) != want);
            if latest > pos
                && other_gender
                && let Some(e) =
                    self.named_since(table, latest.max(at.saturating_sub(NEAR)), at, want, None)
            {
                return Some(Err(e));
            }
            return Some(Ok(p));
        }
        // Else the last person named whose gender fits the pronoun's.
        let upto = table.spots.partition_point(|s| s.start < at);
        table.spots[..upto]
            .iter()
            .rev()
            .map(|s| s.entity)
            .find(|e| {
                table.entities[*e].kind == EntityKind::Person
                    && match self.by_entity.get(e) {
                        Some(&p) => fits(p),
                        None => {
                            want.is_none_or(|w| match given_name_vote(&table.entities[*e].name) {
                                0 => true,
                                v => (v > 0) == (w == Gender::Male),
                            })
                        }
                    }
            })
            .map(Err)
    }
}

/// The person named at the end of a phrase opening a sentence with "To", "For" or "As
/// for" and closed by a comma: "To historian Jane Roe, …", "For Tom Ash, …".
fn viewer<'t>(c: &Clause<'_>, table: &'t Table<'_>) -> Option<&'t Spot> {
    if c.toks.len() < 4 {
        return None;
    }
    // "As for Roe, she …": the person the sentence turns to.
    let from = match (c.word(0), c.word(1)) {
        ("To" | "For", _) => 1,
        ("As", "for" | "to") => 2,
        _ => return None,
    };
    let comma = (from + 1..c.toks.len().min(12)).find(|&i| c.breaks(i - 1, i))?;
    let end = c.toks[comma - 1].end;
    table
        .within(c.bytes(from..comma))
        .filter(|sp| sp.end == end && table.entities[sp.entity].kind == EntityKind::Person)
        .last()
}

/// Whether the reporting verb at word `v` is inverted: it opens the sentence or follows a
/// comma, dash or quotation mark ("“…,” said Roe", "…, says Roe").
fn inverted(c: &Clause<'_>, v: usize) -> bool {
    v == 0 || c.gap(v - 1, v).contains([',', '—', '–', '“', '”', '"'])
}

/// Whether the phrase starting at word `start` opens a subordinate clause: "when Ash asked",
/// "after Ash said".
fn subordinate(c: &Clause<'_>, start: usize) -> bool {
    start > 0
        && matches!(
            c.lower(start - 1).as_ref(),
            "when"
                | "while"
                | "after"
                | "before"
                | "as"
                | "until"
                | "because"
                | "since"
                | "if"
                | "though"
                | "although"
                | "once"
                | "whether"
        )
}

/// A weak gender vote from the given name opening `name` ("Tom Ash" +1, "Jane Roe" -1),
/// past any title; text cues (Mr./Ms., the pronoun after the name) outweigh it.
fn given_name_vote(name: &str) -> i32 {
    let given = name
        .split_whitespace()
        .find(|w| !is(w, TITLE_BASE | TITLE_MOD))
        .unwrap_or("");
    let c = classes(given);
    // A surname alone ("Ash") says nothing: only a name of two words or more counts.
    if !name.trim().contains(' ') {
        return 0;
    }
    i32::from(c & MALE_GIVEN != 0) - i32::from(c & FEMALE_GIVEN != 0)
}

/// Whether an entity is an organisation by the gazetteer or by its name's shape, not by a
/// fallback guess.
fn sure_organisation(entity: &Ent<'_>) -> bool {
    let votes = &entity.votes.0;
    entity.kind == EntityKind::Organization
        && (entity.known
            || (votes[KindVotes::slot(EntityKind::Organization)] >= SURE_ORGANISATION
                && votes[KindVotes::slot(EntityKind::Person)] == 0))
}

/// The word before byte `at`: a title such as "Mr." or "Ms.".
fn title_before(doc: &Doc, at: usize) -> &str {
    let before = doc.text[..at].trim_end();
    before.rsplit(char::is_whitespace).next().unwrap_or("")
}

#[cfg(test)]
mod tests;
