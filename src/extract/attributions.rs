//! Who the information comes from: `reports Reuters`, `Reuters reported`, `according to two
//! Western diplomats`, `told Reuters`, `(With agency inputs)`, after front matter `sources`.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::entities::{Ent, Table};
use super::lexicon::{
    ACCORDING_ENDS, DESCRIBING_PREPOSITIONS, DOCUMENTS, STOP, TEMPORAL, is, lowercase, world,
};
use super::text::{Doc, Token};
use super::{Attribution, Quote, reported};
use crate::load::EntityKind;
use crate::model::Name;

/// Longest "according to" phrase kept.
const MAX_WORDS: usize = 8;

/// What a cue word introduces.
#[derive(Clone, Copy)]
enum Cue {
    /// "according to a senior official": any phrase.
    According,
    /// "reports Reuters", "reported by Reuters": a name.
    Reports,
    /// "told Reuters", "citing Axios": an organisation.
    Told,
}

/// Cue words, each found with a fast substring search ("ccording" matches both cases).
static CUES: LazyLock<Vec<(memchr::memmem::Finder<'static>, Cue)>> = LazyLock::new(|| {
    [
        ("ccording to ", Cue::According),
        ("reports ", Cue::Reports),
        ("reported ", Cue::Reports),
        ("told ", Cue::Told),
        ("citing ", Cue::Told),
        ("Citing ", Cue::Told),
    ]
    .into_iter()
    .map(|(needle, cue)| (memchr::memmem::Finder::new(needle), cue))
    .collect()
});

/// The range of the prose block holding byte `at`.
fn prose_block(doc: &Doc, at: usize) -> Option<std::ops::Range<usize>> {
    let i = doc.blocks.partition_point(|b| b.range.end <= at);
    doc.blocks
        .get(i)
        .filter(|b| !b.heading && b.range.start <= at)
        .map(|b| b.range.clone())
}

/// Every source: front matter `sources`, then cue phrases, reported speech and quote
/// speakers in order of appearance, one per entity (or per name, ignoring case).
pub fn find(
    doc: &Doc,
    table: &Table<'_>,
    sources: &[String],
    reported: Vec<(usize, Attribution)>,
    quotes: &[(usize, Quote)],
) -> Vec<Attribution> {
    // (position, cue, source, what it said)
    let mut found: Vec<(usize, &str, String, Option<String>)> = Vec::new();
    if let Some(block) = doc.prose().next()
        && let Some(source) = dateline_source(doc, table, block.range.clone())
    {
        found.push((block.range.start, "dateline", source, None));
    }
    for block in doc.prose() {
        let start = block.range.start;
        let s = &doc.text[block.range.clone()];
        let trimmed = s.trim();
        if let Some(inner) = trimmed
            .strip_prefix("(With ")
            .or_else(|| trimmed.strip_prefix("(with "))
            .and_then(|t| t.strip_suffix(')'))
        {
            let inner = inner.trim();
            let inner = inner
                .strip_prefix("inputs from ")
                .or_else(|| inner.strip_prefix("input from "))
                .unwrap_or(inner);
            if !inner.is_empty() {
                found.push((start, "with", inner.to_string(), None));
            }
        }
    }
    let bytes = doc.text.as_bytes();
    for (finder, cue) in CUES.iter() {
        for at in finder.find_iter(bytes) {
            let (start, end) = match cue {
                Cue::According => (at.saturating_sub(1), at + finder.needle().len()),
                _ => (at, at + finder.needle().len()),
            };
            if matches!(cue, Cue::According) && !matches!(bytes.get(start), Some(b'a' | b'A')) {
                continue;
            }
            let Some(block) = prose_block(doc, start) else {
                continue;
            };
            if doc.text[..start].ends_with(char::is_alphanumeric) || end > block.end {
                continue;
            }
            let name = match cue {
                Cue::According => according_to(doc, table, end..block.end),
                Cue::Reports if doc.text[end..].starts_with("by ") => {
                    organization_at(doc, table, end + 3..block.end)
                }
                Cue::Reports => closing_name(doc, table, end..block.end),
                Cue::Told => organization_at(doc, table, end..block.end),
            };
            let word = match cue {
                Cue::According => "according to",
                Cue::Reports => "reports",
                Cue::Told => "told",
            };
            if let Some(name) = name {
                let said = match cue {
                    Cue::According => according_content(doc, start, end),
                    _ => None,
                };
                found.push((start, word, name, said));
            }
        }
    }
    for spot in &table.spots {
        let e = &table.entities[spot.entity];
        if e.kind != EntityKind::Organization {
            continue;
        }
        let rest = &doc.text[spot.full_end..];
        if [" reported", " reports", " has reported", " first reported"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            found.push((spot.start, "reported", e.name.clone(), None));
        }
    }
    // "ING economist Rico Luman": a source that closes with a person's name is that
    // person's, unless the name is a preposition's object ("an aide to Rico Luman").
    let entity_of = |name: &str| {
        let closing_person = |e: &&Ent<'_>| {
            e.kind == EntityKind::Person
                && e.surfaces.iter().any(|surface| {
                    name.strip_suffix(surface)
                        .and_then(|lead| lead.strip_suffix(' '))
                        .is_some_and(|lead| {
                            !lead.is_empty()
                                && !lead
                                    .rsplit(' ')
                                    .next()
                                    .is_some_and(|w| is(w, DESCRIBING_PREPOSITIONS))
                        })
                })
        };
        table
            .entities
            .iter()
            .find(|e| e.name == name)
            .or_else(|| table.entities.iter().find(closing_person))
            .map(|e| Name::from(&e.name))
    };
    let mut all: Vec<(usize, Attribution)> = found
        .into_iter()
        .map(|(at, cue, source, said)| {
            let entity = entity_of(&source);
            let cue = Some(cue.into());
            (
                at,
                Attribution {
                    source: source.into(),
                    entity,
                    cue,
                    content: said.map(Name::from),
                },
            )
        })
        .collect();
    all.extend(reported);
    all.extend(quotes.iter().filter_map(|(at, q)| {
        // "A Pentagon spokesperson" stays a description of its own, as the same speaker
        // found in the prose is.
        let source = match (&q.speaker, &q.speaker_entity) {
            (Some(speaker), Some(entity)) if describes(speaker, entity) => speaker.clone(),
            (speaker, entity) => entity.clone().or_else(|| speaker.clone())?,
        };
        let content = Some(q.text.clone());
        let entity = q.speaker_entity.clone();
        Some((
            *at,
            Attribution {
                source,
                entity,
                cue: None,
                content,
            },
        ))
    }));
    all.sort_by_key(|&(at, _)| at);
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let front = sources.iter().map(|s| Attribution {
        source: s.trim().into(),
        entity: entity_of(s.trim()),
        cue: None,
        content: None,
    });
    let mut out: Vec<Attribution> = Vec::new();
    for a in front.chain(all.into_iter().map(|(_, a)| a)) {
        if a.source.is_empty() {
            continue;
        }
        // One per entity, but a description that only mentions one ("a Reuters poll",
        // "a spokesman for Acme") is a source of its own.
        let key = match a.entity.as_deref() {
            Some(e) if !describes(&a.source, e) => e,
            _ => &a.source,
        };
        match seen.get(lowercase(key).as_ref()) {
            // The first mention keeps its place; what it said comes from the first
            // reported statement with content ("support from Ash" says nothing itself).
            Some(&i) => {
                // "Rick Tyler" from a quote, then "Cruz spokesman Rick Tyler said": the
                // source keeps the name with the role the article gives it.
                let titled = |kept: &Attribution| {
                    kept.entity.as_deref() == Some(kept.source.as_str())
                        && a.source.len() > kept.source.len()
                        && a.source.ends_with(kept.source.as_str())
                };
                if titled(&out[i]) {
                    out[i].source = a.source.clone();
                }
                if out[i].content.is_none() && a.content.is_some() && a.cue.is_some() {
                    let source = std::mem::take(&mut out[i].source);
                    out[i] = Attribution { source, ..a };
                }
            }
            None => {
                seen.insert(lowercase(key).into_owned(), out.len());
                out.push(a);
            }
        }
    }
    out
}

/// Whether `source` is a description that mentions entity `name` without naming it: a
/// phrase with a lowercase word outside the name ("a Reuters poll", "a spokesman for Acme"),
/// not the name with a title or an article ("Sen. Jo Lin", "the Globe").
fn describes(source: &str, name: &str) -> bool {
    if source.eq_ignore_ascii_case(name) {
        return false;
    }
    // "former Gov. Jo Lin", "Acme spokesman Tim Ng": the name closing its own titles, but
    // not the name after a preposition ("a poll by Gallup").
    if let Some(titles) = source.strip_suffix(name) {
        let last = titles.split_whitespace().next_back().unwrap_or("");
        if titles.ends_with(' ') && !matches!(last, "by" | "for" | "of" | "from" | "at" | "with") {
            return false;
        }
    }
    let rest = source.replacen(name, " ", 1);
    rest.split_whitespace().any(|w| {
        w.starts_with(char::is_lowercase) && !matches!(w, "the" | "a" | "an" | "of" | "and")
    })
}

/// The phrase after "according to", without a leading "a statement from".
/// What "according to" at bytes `start..end` credits: the rest of a sentence it opens
/// ("According to Roe, the deal is close") or the clause before it when it closes the
/// sentence ("The deal is close, according to Roe."); not a quotation, which is the
/// quote's own.
fn according_content(doc: &Doc, start: usize, end: usize) -> Option<String> {
    let i = doc.sentences.partition_point(|s| s.end <= start);
    let sentence = doc.sentences.get(i).filter(|s| s.start <= start)?.clone();
    let before = &doc.text[sentence.start..start];
    let said = if before.trim().is_empty() {
        let comma = end + doc.text[end..sentence.end].find(',')? + 1;
        reported::content(doc, comma..sentence.end)
    } else {
        let lead = before.trim_end().strip_suffix(',')?;
        if doc.text[end..sentence.end].contains([',', ';']) {
            return None;
        }
        reported::content(doc, sentence.start..sentence.start + lead.len())
    };
    said.filter(|text| !text.starts_with(['“', '"', '‘']))
}

fn according_to(doc: &Doc, table: &Table<'_>, range: std::ops::Range<usize>) -> Option<String> {
    let toks = doc.tokens_in(range.clone());
    let text = doc.text.as_str();
    let plain = |a: &Token, b: &Token| text[a.full_end..b.start].chars().all(char::is_whitespace);
    if toks
        .first()
        .is_none_or(|t| !text[range.start..t.start].trim().is_empty())
    {
        return None;
    }
    // Words inside a mention never end the phrase: "the Centers for Disease Control and
    // Prevention".
    let in_name = |t: &Token| {
        let i = table.spots.partition_point(|s| s.end < t.end);
        table.spots[i..]
            .iter()
            .take_while(|s| s.start < t.end)
            .any(|s| s.start < t.start && t.end <= s.end)
    };
    let mut end = 0;
    while end < toks.len() && (end < MAX_WORDS || in_name(&toks[end])) {
        if end > 0 && !plain(&toks[end - 1], &toks[end]) {
            break;
        }
        let word = toks[end].text(text);
        // "officials in Beirut" ends before "in"; "people briefed on the contacts" does not.
        let place_or_time = matches!(word, "in" | "on" | "at")
            && toks.get(end + 1).is_some_and(|n| {
                let next = n.text(text);
                next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || n.is(TEMPORAL)
            });
        if (toks[end].is(ACCORDING_ENDS) || place_or_time) && !in_name(&toks[end]) {
            break;
        }
        end += 1;
    }
    let mut start = 0;
    let article = |w: &str| matches!(w, "a" | "an" | "the");
    let first = usize::from(end > 0 && article(toks[0].text(text)));
    if first + 1 < end
        && toks[first].is(DOCUMENTS)
        && matches!(toks[first + 1].text(text), "from" | "by")
    {
        start = first + 2;
    }
    if start >= end {
        return None;
    }
    let span = toks[start].start..toks[end - 1].full_end;
    let named = if end - start > 1 && article(toks[start].text(text)) {
        entity_name(table, toks[start + 1].start..span.end)
    } else {
        entity_name(table, span.clone())
    };
    Some(named.unwrap_or_else(|| text[span].to_string()))
}

/// The canonical name when `span` is exactly one entity mention.
fn entity_name(table: &Table<'_>, span: std::ops::Range<usize>) -> Option<String> {
    let mut inside = table.within(span.clone());
    let spot = inside.next()?;
    (spot.start == span.start && (spot.end == span.end || spot.full_end == span.end))
        .then(|| table.entities[spot.entity].name.clone())
}

/// The capitalised name ending a clause: "..., reports Reuters."
fn closing_name(doc: &Doc, table: &Table<'_>, range: std::ops::Range<usize>) -> Option<String> {
    let toks = doc.tokens_in(range.clone());
    let text = doc.text.as_str();
    let first = toks.first()?;
    if first.start != range.start {
        return None;
    }
    let mut end = 0;
    while end < toks.len() {
        let t = toks[end];
        let word = t.text(text);
        let joined = end == 0 || text[toks[end - 1].full_end..t.start] == *" ";
        if !joined || !word.starts_with(char::is_uppercase) {
            break;
        }
        end += 1;
    }
    if end == 0 {
        return None;
    }
    let last = toks[end - 1];
    let after = text[last.full_end..range.end].trim_start();
    if !after.is_empty() && !after.starts_with(['.', ',', ';', ')', '”', '"', '—', '–']) {
        return None;
    }
    let span = first.start..last.end;
    let name = &text[span.clone()];
    if is(name, TEMPORAL) || is(name, STOP) {
        return None;
    }
    match table.within(span.clone()).next() {
        Some(spot) if spot.start == span.start => {
            let e = &table.entities[spot.entity];
            (e.kind == EntityKind::Organization).then(|| e.name.clone())
        }
        _ => Some(name.to_string()),
    }
}

/// An organisation named right at the start of `range`: "told Reuters", "citing Axios".
fn organization_at(doc: &Doc, table: &Table<'_>, range: std::ops::Range<usize>) -> Option<String> {
    let from = range.start;
    let spot_index = table.spots.partition_point(|s| s.start < from);
    if let Some(spot) = table.spots.get(spot_index).filter(|s| s.start == from) {
        let e = &table.entities[spot.entity];
        return (e.kind == EntityKind::Organization).then(|| e.name.clone());
    }
    let toks = doc.tokens_in(range);
    let first = toks.first().filter(|t| t.start == from)?;
    let w = world();
    let id = w.lookup(first.text(&doc.text))?;
    (w.entries[id].kind == EntityKind::Organization).then(|| w.entries[id].name.to_string())
}

/// The agency in a wire dateline: "WASHINGTON (AP) — ..." or "LONDON (Reuters) - ...".
fn dateline_source(doc: &Doc, table: &Table<'_>, range: std::ops::Range<usize>) -> Option<String> {
    let s = &doc.text[range.clone()];
    let open = s.find('(')?;
    // "DOVER (Agency) -", "DOVER, Delaware (Agency) -": the town in capitals, then
    // capitalised words of its state or country.
    let place = &s[..open];
    let town = place.split(',').next().unwrap_or_default();
    if town.trim().is_empty()
        || town.chars().any(char::is_lowercase)
        || !town.chars().any(char::is_alphabetic)
        || place.len() > 60
        || !place
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    let close = open + s[open..].find(')')?;
    if !s[close + 1..].trim_start().starts_with(['—', '–', '-']) {
        return None;
    }
    let inner = s[open + 1..close].trim();
    if inner.is_empty() {
        return None;
    }
    let at =
        range.start + open + 1 + (s[open + 1..close].len() - s[open + 1..close].trim_start().len());
    Some(entity_name(table, at..at + inner.len()).unwrap_or_else(|| inner.to_string()))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::sources;
    use crate::extract::{Attribution, ExtractOptions, Gazetteer, Input, extract};

    /// One field of each attribution extracted from `text`.
    fn each<T>(text: &str, field: impl Fn(Attribution) -> T) -> Vec<T> {
        crate::extract::tests::run(text, &Default::default(), &[])
            .attributions
            .into_iter()
            .map(field)
            .collect()
    }

    #[test]
    fn agency_after_or_before_the_verb() {
        assert_eq!(
            sources("The talks moved to Doha, reports Reuters. Later Bloomberg reported a delay."),
            ["Reuters", "Bloomberg"]
        );
    }

    #[test]
    fn a_described_speaker_of_a_quotation_is_one_source() {
        assert_eq!(
            sources("A Port Authority spokesperson said: “No decision has been taken yet.”"),
            ["A Port Authority spokesperson"]
        );
    }

    #[test]
    fn according_to_keeps_descriptions() {
        assert_eq!(
            sources(
                "According to a senior Lebanese official, the deal is close. The plan changed, \
                 according to two Western diplomats."
            ),
            ["a senior Lebanese official", "two Western diplomats"]
        );
    }

    #[test]
    fn according_to_credits_the_clause_it_opens_or_closes() {
        let said = |text: &str| each(text, |a| a.content.map(String::from));
        assert_eq!(
            said("According to Dana Reyes, turnout rose by a third."),
            [Some("turnout rose by a third".to_string())]
        );
        assert_eq!(
            said("Turnout rose by a third, according to the Harbor Ledger."),
            [Some("Turnout rose by a third".to_string())]
        );
        // Set inside the clause, or before a quotation: nothing of its own.
        assert_eq!(
            said("Turnout, according to Dana Reyes, rose by a third."),
            [None]
        );
    }

    #[test]
    fn according_to_a_document_names_its_source() {
        assert_eq!(
            sources("Prices rose 3%, according to data from the Labor Department."),
            ["Labor Department"]
        );
        // "of" names what the document is about, not who issued it.
        assert_eq!(
            sources("Fees rose, according to a transcript of the hearing."),
            ["a transcript of the hearing"]
        );
    }

    #[test]
    fn told_an_organisation_and_agency_inputs() {
        assert_eq!(
            sources("A diplomat told Reuters the talks would resume.\n\n(With agency inputs)"),
            ["A diplomat", "Reuters", "agency inputs"]
        );
        assert_eq!(sources("Text.\n\n(With inputs from PTI)"), ["PTI"]);
    }

    #[test]
    fn lowercase_reports_are_not_agencies() {
        assert_eq!(
            sources(
                "This is being discussed, as reported by multiple sources. Biden told \
                 reporters he was hopeful. The agency reports quarterly."
            ),
            // The agent of a passive is credited as written, not as an agency.
            ["multiple sources", "Joe Biden"]
        );
    }

    #[test]
    fn a_description_mentioning_an_entity_is_a_source_of_its_own() {
        assert_eq!(
            sources(
                "Talks resumed, reports Reuters. A new Reuters poll shows Ash ahead by five \
                 points. Reuters reported a delay."
            ),
            ["Reuters", "A new Reuters poll"]
        );
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            sources("LONDON (Reuters) - Sterling fell on Monday."),
            ["Reuters"]
        );
        // The town's country may follow it; a sentence in parentheses is no dateline.
        assert_eq!(
            sources("DOVER, Delaware (Reuters) - Shares fell on Monday."),
            ["Reuters"]
        );
        assert!(sources("Shares fell (Reuters has more) - on Monday.").is_empty());
    }

    #[test]
    fn a_source_closing_with_a_name_is_that_persons() {
        let entities = |text: &str| each(text, |a| a.entity.map(String::from));
        assert_eq!(
            entities("Rents will rise, according to Harbex economist Dana Reyes."),
            [Some("Dana Reyes".to_string())]
        );
        // A name after a preposition is only mentioned.
        assert_eq!(
            entities("Rents will rise, according to an aide to Dana Reyes."),
            [None]
        );
    }

    #[test]
    fn front_matter_first_and_no_duplicates() {
        let sources = ["reuters".to_string(), "Al Jazeera".to_string()];
        let input = Input {
            body: "Talks resumed, reports Reuters, according to AL JAZEERA and Reuters reported.",
            first_line: 1,
            summary: None,
            forced_entities: &[],
            sources: &sources,
            not_entities: &[],
        };
        let facts = extract(&input, &Gazetteer::default(), &ExtractOptions::default());
        let names: Vec<&str> = facts
            .attributions
            .iter()
            .map(|a| a.source.as_str())
            .collect();
        assert_eq!(names, ["reuters", "Al Jazeera"]);
    }
}
