//! The article's entities in one table: gazetteer matches and discovered names under their
//! canonical names, with every mention's position so quotes and attributions can tell who
//! is named where.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::discover::{Discovered, Found, Spot, guess_kind};
use super::gazetteer::Hit;
use super::kinds::KindVotes;
use super::lexicon::{
    DESCRIBING_PREPOSITIONS, LEAD_PREPOSITIONS, TITLE_BASE, TITLE_MOD, is, world,
};
use super::text::Doc;
use super::{EntityMention, Gazetteer};
use crate::load::EntityKind;
use crate::model::Name;

#[derive(Debug)]
pub struct Ent<'a> {
    pub name: String,
    pub kind: EntityKind,
    pub known: bool,
    pub votes: KindVotes,
    /// Surface forms, borrowed from the article text until the end.
    pub surfaces: Vec<&'a str>,
    pub count: usize,
}

#[derive(Debug, Default)]
pub struct Table<'a> {
    pub entities: Vec<Ent<'a>>,
    /// Mentions sorted by position; `entity` indexes `entities`.
    pub spots: Vec<Spot>,
}

impl<'a> Table<'a> {
    pub fn build(
        doc: &'a Doc,
        gazetteer: &Gazetteer,
        hits: &[Hit],
        found: Option<Discovered>,
        ignored: &dyn Fn(&str) -> bool,
    ) -> Table<'a> {
        let found_count = found.as_ref().map_or(0, |f| f.entities.len());
        let spot_count = hits.len() + found.as_ref().map_or(0, |f| f.spots.len());
        let mut table = Table {
            entities: Vec::with_capacity(found_count + hits.len().min(64)),
            spots: Vec::with_capacity(spot_count),
        };
        let mut known: FxHashMap<usize, usize> = FxHashMap::default();
        for hit in hits {
            let surface = &doc.text[hit.start..hit.end];
            if ignored(surface) || ignored(&gazetteer.entries[hit.entry].name) {
                continue;
            }
            let e = table.known_entity(gazetteer, &mut known, hit.entry);
            table.mention(doc, e, hit.start, hit.end, hit.full_end);
        }
        if let Some(found) = found {
            // Entities are made on their first mention not ignored, so an ignored name
            // leaves nothing behind.
            let mut ids: Vec<Option<usize>> = vec![None; found.entities.len()];
            let mut pending: Vec<Option<Found>> = found
                .entities
                .into_iter()
                .map(|f| (!ignored(&f.name)).then_some(f))
                .collect();
            for s in found.spots {
                if ignored(&doc.text[s.start..s.end]) {
                    continue;
                }
                let id = match (ids[s.entity], pending[s.entity].take()) {
                    (Some(id), _) => id,
                    (None, None) => continue,
                    (None, Some(f)) => {
                        let id = match f.known.or_else(|| gazetteer.lookup(&f.name)) {
                            // A discovered name the gazetteer defines takes its kind.
                            Some(entry) => table.known_entity(gazetteer, &mut known, entry),
                            None => {
                                table.entities.push(Ent {
                                    kind: f.votes.winner(),
                                    name: f.name,
                                    known: false,
                                    votes: f.votes,
                                    surfaces: Vec::new(),
                                    count: 0,
                                });
                                table.entities.len() - 1
                            }
                        };
                        ids[s.entity] = Some(id);
                        id
                    }
                };
                table.mention(doc, id, s.start, s.end, s.full_end);
            }
        }
        table.spots.sort_by_key(|s| (s.start, s.end));
        table
    }

    fn known_entity(
        &mut self,
        gazetteer: &Gazetteer,
        known: &mut FxHashMap<usize, usize>,
        entry: usize,
    ) -> usize {
        *known.entry(entry).or_insert_with(|| {
            let def = &gazetteer.entries[entry];
            self.entities.push(Ent {
                name: def.name.clone(),
                kind: def.kind,
                known: true,
                votes: KindVotes::of(def.kind),
                surfaces: Vec::new(),
                count: 0,
            });
            self.entities.len() - 1
        })
    }

    fn mention(&mut self, doc: &'a Doc, entity: usize, start: usize, end: usize, full_end: usize) {
        let e = &mut self.entities[entity];
        let surface = &doc.text[start..full_end];
        if !e.surfaces.contains(&surface) {
            e.surfaces.push(surface);
        }
        e.count += 1;
        self.spots.push(Spot {
            start,
            end,
            full_end,
            entity,
        });
    }

    /// A person named between commas right after byte `at`, or after a comma at the end of
    /// the sentence, with no "and" after it that would make the name one of a list: the
    /// apposition of "The union leader, Tom Ash, said" and "…, said the union leader, Tom
    /// Ash."
    pub fn apposed_person(&self, text: &str, at: usize) -> Option<&Spot> {
        self.apposed(text, at, false)
    }

    /// The person a phrase names first, after a title at most, then places: "Dana Reyes
    /// of The Ledger", "Bishop Tom Ash of the Diocese of Dover", not "an aide to Tom Ash of
    /// the council".
    pub fn placed_person(&self, text: &str, phrase: Range<usize>) -> Option<&Spot> {
        let s = self.within(phrase.clone()).next()?;
        let mut title = text.get(phrase.start..s.start)?.split_whitespace();
        let next = text.get(s.full_end..phrase.end)?.split_whitespace().next();
        let titled = title.clone().count() <= 3
            && !title.any(|w| is(w, LEAD_PREPOSITIONS | DESCRIBING_PREPOSITIONS));
        (self.entities[s.entity].kind == EntityKind::Person
            && titled
            && matches!(next, Some("of" | "from" | "at")))
        .then_some(s)
    }

    /// `apposed_person`, or an organisation set beside a description of it: "The
    /// employers’ group, Harbex, said".
    pub fn apposed_name(&self, text: &str, at: usize) -> Option<&Spot> {
        self.apposed(text, at, true)
    }

    fn apposed(&self, text: &str, at: usize, organisation: bool) -> Option<&Spot> {
        let gap = text.get(at..)?;
        let comma = gap
            .find(|c: char| !c.is_whitespace())
            .filter(|&i| gap[i..].starts_with(','))?;
        let comma = at + comma;
        let s = self
            .within(comma..comma + 160)
            .next()
            .filter(|s| match self.entities[s.entity].kind {
                EntityKind::Person => true,
                EntityKind::Organization => organisation,
                _ => false,
            })
            // "The union leader, Gen. Tom Ash, said": a title may open the name.
            .filter(|s| {
                let between = &text[comma + 1..s.start];
                between.split_whitespace().count() <= 2
                    && between
                        .split_whitespace()
                        .all(|w| is(w, TITLE_BASE | TITLE_MOD) && w.starts_with(char::is_uppercase))
            })?;
        let rest = text[s.full_end..].trim_start();
        // "…,” said the head of the union, Dana Reyes.": the sentence ends with the name.
        let closes = rest.is_empty() || rest.starts_with(['.', '\n']);
        let next = match rest.strip_prefix(',') {
            Some(rest) => rest.split_whitespace().next().unwrap_or(""),
            None if closes => "",
            None => return None,
        };
        (s.full_end == s.end && !matches!(next, "and" | "or")).then_some(s)
    }

    /// Mentions lying wholly inside `range`.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = &Spot> {
        let from = self.spots.partition_point(|s| s.start < range.start);
        self.spots[from..]
            .iter()
            .take_while(move |s| s.start < range.end)
            .filter(move |s| s.end <= range.end)
    }

    /// Adds front matter `entities:` names not already found, with no mentions.
    pub fn force(&mut self, names: &[String], gazetteer: &Gazetteer) {
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let (canonical, kind, known) = match gazetteer.lookup(name) {
                Some(entry) => {
                    let def = &gazetteer.entries[entry];
                    (def.name.clone(), def.kind, true)
                }
                None => {
                    let w = world();
                    let canonical = w
                        .lookup(name)
                        .map_or(name.to_string(), |id| w.entries[id].name.to_string());
                    (canonical, guess_kind(name), false)
                }
            };
            if self
                .entities
                .iter()
                .any(|e| e.name.eq_ignore_ascii_case(&canonical))
            {
                continue;
            }
            self.entities.push(Ent {
                name: canonical,
                kind,
                known,
                votes: KindVotes::of(kind),
                surfaces: Vec::new(),
                count: 0,
            });
        }
    }

    /// The public list: most mentioned first, ties by name.
    pub fn into_mentions(self) -> Vec<EntityMention> {
        let mut out: Vec<EntityMention> = self
            .entities
            .into_iter()
            .map(|e| EntityMention {
                name: e.name.into(),
                kind: e.kind,
                known: e.known,
                surfaces: {
                    let mut s: Vec<Name> = e.surfaces.into_iter().map(Name::from).collect();
                    s.sort();
                    s.into_boxed_slice()
                },
                count: e.count,
                kind_votes: e.votes,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{def, facts};
    use crate::extract::{ExtractOptions, Gazetteer, Input, extract};
    use crate::load::EntityKind;

    #[test]
    fn gazetteer_and_discovery_share_one_list() {
        let gazetteer = Gazetteer::new(&[
            def("USA", EntityKind::Place, &["United States"]),
            def("Joe Biden", EntityKind::Person, &[]),
        ]);
        let forced = ["Qatar".to_string(), "USA".to_string()];
        let input = Input {
            body: "Joe Biden said the US and the United States Treasury agreed. Biden met \
                   Hassan Diab in Beirut.",
            first_line: 1,
            summary: None,
            forced_entities: &forced,
            sources: &[],
            not_entities: &[],
        };
        let facts = extract(&input, &gazetteer, &ExtractOptions::default());
        let got: Vec<(&str, bool, usize)> = facts
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.known, e.count))
            .collect();
        assert_eq!(
            got,
            [
                ("Joe Biden", true, 2),
                ("USA", true, 2),
                ("Beirut", false, 1),
                ("Hassan Diab", false, 1),
                ("Treasury", false, 1),
                ("Qatar", false, 0),
            ]
        );
        let usa = &facts.entities[1];
        assert_eq!(usa.surfaces[..], ["US", "United States"]);
        assert_eq!(usa.kind_votes, crate::extract::KindVotes([0, 0, 1, 0]));
    }

    #[test]
    fn ignored_names_and_gazetteer_kinds() {
        let gazetteer = Gazetteer::new(&[def("Harbor Light", EntityKind::Organization, &[])])
            .ignoring(&["Festival Week".to_string()]);
        let not_entities = ["Dana Reyes".to_string()];
        let input = Input {
            body: "Mayor Dana Reyes opened Festival Week in Oakton. The Harbor Light said \
                   Tom Ash would speak.",
            first_line: 1,
            summary: None,
            forced_entities: &[],
            sources: &[],
            not_entities: &not_entities,
        };
        let got = extract(&input, &gazetteer, &ExtractOptions::default());
        let names: Vec<(&str, EntityKind)> = got
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert!(
            !names
                .iter()
                .any(|(n, _)| *n == "Festival Week" || *n == "Dana Reyes")
        );
        assert!(names.contains(&("Harbor Light", EntityKind::Organization)));
        assert!(names.contains(&("Tom Ash", EntityKind::Person)));
        let plain = facts("Mayor Dana Reyes opened Festival Week.");
        assert!(plain.entities.iter().any(|e| e.name == "Dana Reyes"));
    }
}
