//! Who "he" or "she" is: the most recent person who was the subject of a sentence or of a
//! reporting verb, of a compatible gender when the text gives one (Mr./Ms., or the pronoun
//! used right after the name).

use super::entities::Table;
use super::speech::{Clause, Verb};
use super::text::Doc;
use crate::load::EntityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }
}

pub struct Salience {
    /// (byte position, entity) of person subjects, in text order.
    subjects: Vec<(usize, usize)>,
    /// Votes per entity: male minus female.
    gender: Vec<i32>,
}

impl Salience {
    pub fn build(doc: &Doc, table: &Table<'_>) -> Salience {
        let mut s = Salience {
            subjects: Vec::new(),
            gender: vec![0; table.entities.len()],
        };
        let person_at = |range: std::ops::Range<usize>| {
            table
                .within(range.clone())
                .filter(|sp| table.entities[sp.entity].kind == EntityKind::Person)
                .last()
                .map(|sp| sp.entity)
        };
        for spot in &table.spots {
            if table.entities[spot.entity].kind != EntityKind::Person {
                continue;
            }
            let before = doc.text[..spot.start].trim_end();
            let title = before.rsplit(char::is_whitespace).next().unwrap_or("");
            match title {
                "Mr." | "Mr" => s.gender[spot.entity] += 2,
                "Ms." | "Ms" | "Mrs." | "Mrs" => s.gender[spot.entity] -= 2,
                _ => {}
            }
        }
        for block in doc.prose() {
            for sentence in doc.sentences_of(block) {
                let c = Clause::new(doc, sentence.clone());
                let mut found: Option<(usize, usize)> = None;
                if let Some(r) = c.main_subject(0)
                    && let Some(e) = person_at(c.bytes(r.clone()))
                {
                    found = Some((c.toks[r.start].start, e));
                }
                for v in 0..c.toks.len() {
                    if c.verb_at(v) != Some(Verb::Finite) {
                        continue;
                    }
                    let r = c.subject_before(v, 0).or_else(|| c.subject_after(v));
                    if let Some(r) = r
                        && let Some(e) = person_at(c.bytes(r.clone()))
                    {
                        s.subjects.push((c.toks[r.start].start, e));
                    }
                }
                if let Some((at, e)) = found {
                    s.subjects.push((at, e));
                    let next = doc
                        .sentences_of(block)
                        .iter()
                        .find(|r| r.start >= sentence.end);
                    let end = next.map_or(sentence.end, |r| r.end);
                    s.vote_next_pronoun(doc, table, at, e, end);
                }
            }
        }
        s.subjects.sort_unstable();
        s
    }

    /// The first "he" or "she" (not "her": "Ash answered her") after a subject, before any
    /// other person is named and before `end` (the end of the next sentence in its
    /// paragraph), tells that subject's gender.
    fn vote_next_pronoun(
        &mut self,
        doc: &Doc,
        table: &Table<'_>,
        at: usize,
        entity: usize,
        end: usize,
    ) {
        let from = at + 1;
        let next_person = table
            .within(from..end)
            .find(|sp| sp.entity != entity && table.entities[sp.entity].kind == EntityKind::Person)
            .map_or(end, |sp| sp.start);
        let pronoun = doc
            .tokens_in(from..next_person)
            .iter()
            .map(|t| t.text(&doc.text))
            .filter(|w| matches!(*w, "he" | "He" | "she" | "She"))
            .find_map(Gender::of_pronoun);
        match pronoun {
            Some(Gender::Male) => self.gender[entity] += 1,
            Some(Gender::Female) => self.gender[entity] -= 1,
            None => {}
        }
    }

    fn gender(&self, entity: usize) -> Option<Gender> {
        match self.gender.get(entity).copied().unwrap_or(0) {
            0 => None,
            g if g > 0 => Some(Gender::Male),
            _ => Some(Gender::Female),
        }
    }

    /// The entity a pronoun at byte `at` most likely refers to: among the last few
    /// subjects, one known to match the pronoun, else the latest not known to differ.
    pub fn resolve(&self, table: &Table<'_>, at: usize, pronoun: &str) -> Option<usize> {
        let want = Gender::of_pronoun(pronoun);
        let fits = |e: usize| want.is_none() || self.gender(e).is_none_or(|g| Some(g) == want);
        let upto = self.subjects.partition_point(|&(p, _)| p < at);
        let mut recent: Vec<usize> = Vec::with_capacity(RECENT);
        for &(_, e) in self.subjects[..upto].iter().rev() {
            if !recent.contains(&e) {
                recent.push(e);
                if recent.len() == RECENT {
                    break;
                }
            }
        }
        let known = recent
            .iter()
            .copied()
            .find(|&e| want.is_some() && self.gender(e) == want);
        known
            .or_else(|| recent.iter().copied().find(|&e| fits(e)))
            .or_else(|| {
                let upto = table.spots.partition_point(|s| s.start < at);
                table.spots[..upto]
                    .iter()
                    .rev()
                    .map(|s| s.entity)
                    .find(|&e| table.entities[e].kind == EntityKind::Person && fits(e))
            })
    }
}

/// How many of the latest subjects a pronoun may reach past the nearest one.
const RECENT: usize = 3;

#[cfg(test)]
mod tests {
    use crate::extract::tests::facts;

    fn speakers(text: &str) -> Vec<Option<String>> {
        facts(text)
            .quotes
            .into_iter()
            .map(|q| q.speaker_entity)
            .collect()
    }

    #[test]
    fn pronouns_follow_the_subject_not_the_last_name() {
        let text = "Jane Roe met Tom Ash in Dover on Monday. She told reporters: “We \
                    will build the new bridge this year.”";
        assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
    }

    #[test]
    fn gender_cues_pick_the_compatible_person() {
        let text = "Ms. Roe spoke first. Tom Ash answered her. Then Ash left the hall.\n\n\
                    “We will build the new bridge this year,” she said.";
        assert_eq!(speakers(text), [Some("Roe".to_string())]);
        let text = "Tom Ash spoke first and he was angry. Jane Roe answered.\n\n\
                    “We will not build the bridge this year,” he said.";
        assert_eq!(speakers(text), [Some("Tom Ash".to_string())]);
    }
}
