//! Reported speech: every `X said (that) …`, `X told …`, `X argued …`, `…, says X`, `X, …,
//! warned …` and `a new poll found …` in the prose, as a source with its cue and content.

mod agents;
mod linked;
mod phrase;
mod relative;
mod said;
mod stance;
mod subject;
mod words;

pub(in crate::extract) use words::personal_pronoun;

pub(super) use agents::poll_noun;
pub(super) use words::{auxiliary, number_word};

use std::ops::Range;

pub(in crate::extract) use self::said::content;
use self::said::what_was_said;
use super::Attribution;
use super::entities::Table;
use super::lexicon::{
    DETERMINERS, DOCUMENTS, SPEECH_NOUNS, STANCE_ADJECTIVES, STANCE_VERBS, lowercase,
};
use super::salience::Salience;
use super::speech::{Clause, Verb, clause_shape};
use super::text::Doc;
use crate::load::EntityKind;
use crate::model::Name;

/// (position, attribution) of every reporting clause outside quotation marks.
/// Whether `source` is a quantifier standing alone for people ("Many", "Some"): a source
/// the text credits, but whose name tells a reader nothing.
pub fn is_bare_quantifier(source: &str) -> bool {
    !source.contains(char::is_whitespace) && words::quantifier(&source.to_lowercase())
}

pub fn find(
    doc: &Doc,
    table: &Table<'_>,
    salience: &Salience,
    quoted: &[Range<usize>],
) -> Vec<(usize, Attribution)> {
    let inside = |at: usize| {
        let i = quoted.partition_point(|q| q.end <= at);
        quoted.get(i).is_some_and(|q| q.start <= at)
    };
    let mut out = Vec::new();
    for block in doc.prose() {
        for sentence in doc.sentences_of(block) {
            let c = Clause::new(doc, sentence.clone());
            out.extend(stance::possessive_sources(
                doc, table, salience, &c, &inside,
            ));
            for (words, cue) in agents::find(&c) {
                let range = c.bytes(words);
                if inside(range.start) {
                    continue;
                }
                if let Some((source, entity)) = name(doc, table, salience, range.clone()) {
                    let cue = Some(c.word(cue).into());
                    out.push((
                        range.start,
                        Attribution {
                            source: source.into(),
                            entity: entity.map(Name::from),
                            cue,
                            content: None,
                        },
                    ));
                }
            }
            for (words, v) in stance::prompted(&c) {
                if let Some(a) = credit(doc, table, salience, &c, words, v, sentence.end, &inside) {
                    out.push(a);
                }
            }
            let mut last_speaker: Option<Range<usize>> = None;
            for v in 0..c.toks.len() {
                // Most words are no cue of any kind: rejected on their classes and shape.
                let verb = c.verb_at(v);
                let t = &c.toks[v];
                let ing = t.end - t.start > 5 && c.word(v).ends_with("ing");
                if verb.is_none() && !ing && !t.is(STANCE_VERBS | STANCE_ADJECTIVES) {
                    continue;
                }
                // "emails showing that": the noun before the participle.
                if let Some(words) = linked::noun_before(&c, v) {
                    if !inside(c.toks[v].start)
                        && let Some(a) =
                            credit(doc, table, salience, &c, words, v, sentence.end, &inside)
                    {
                        out.push(a);
                    }
                    continue;
                }
                // "are warning", "is confident that": the subject stands before the link.
                let link = linked::linked(&c, v);
                let Some(kind) = verb
                    .or_else(|| stance::stance(&c, v))
                    .or(link.map(|_| Verb::Finite))
                else {
                    continue;
                };
                // "has not yet commented" credits no statement.
                // Only words running into the verb: "…is not late,’’ said Roe" is no negation.
                let negated = (v.saturating_sub(3)..v)
                    .rev()
                    .take_while(|&i| c.plain(i, i + 1))
                    .any(|i| matches!(c.word(i), "not" | "never" | "didn't" | "hasn't"));
                // A stance denied is still one: "the board does not want a levy".
                let negated = negated && kind != Verb::Report;
                if inside(c.toks[v].start) || c.word(v) == "according" || negated {
                    continue;
                }
                if let Some(at) = link {
                    // "Ash, who is hoping to win": the cue is in a relative clause.
                    if at > 0 && words::relative_pronoun(&c.lower(at - 1)) {
                        continue;
                    }
                    let subject = subject::before(&c, at)
                        .map(|s| s.words)
                        .or_else(|| plain_subject(&c, at));
                    if let Some(a) = subject.and_then(|words| {
                        credit(doc, table, salience, &c, words, v, sentence.end, &inside)
                    }) {
                        out.push(a);
                    }
                    continue;
                }
                // "Ash is said to be wary": hearsay credited to no one.
                let passive = v > 0
                    && matches!(c.word(v - 1), "is" | "are" | "was" | "were" | "be" | "been")
                    && v + 1 < c.toks.len()
                    && c.word(v + 1) == "to";
                // "The levy was rejected by voters": the agent is the source, not the
                // subject ("The hostages were released").
                let undergoes = (kind == Verb::Report || c.word(v).ends_with("ed"))
                    && v > 0
                    && matches!(
                        c.word(v - 1),
                        "is" | "are" | "was" | "were" | "be" | "been" | "being"
                    );
                // "the lines portrayed by Allen": a participle whose agent follows.
                let by_agent = kind == Verb::Report
                    && c.word(v).ends_with("ed")
                    && v + 1 < c.toks.len()
                    && c.word(v + 1) == "by";
                if passive || undergoes || by_agent {
                    continue;
                }
                // "its advertising plans for May": a plural noun, not a verb.
                if kind == Verb::Report && c.word(v).ends_with('s') && next_is_preposition(&c, v) {
                    continue;
                }
                // "A study published in the journal found …": a participle after the
                // document it tells of, before the sentence's own verb.
                let reduced = c.word(v).ends_with("ed")
                    && v > 0
                    && c.plain(v - 1, v)
                    && c.is(v - 1, DOCUMENTS | SPEECH_NOUNS)
                    && next_is_preposition(&c, v)
                    && (v + 2..c.toks.len().min(v + 10))
                        .take_while(|&i| c.plain(i - 1, i))
                        .any(|i| c.verb_at(i).is_some());
                if reduced {
                    continue;
                }
                let subject = match kind {
                    // "…, Roe said, adding that …": the speaker of the verb the participle
                    // follows, else the sentence's subject.
                    // "…, where protesters gathered, chanting": the clause's own subject.
                    Verb::Dependent => c
                        .adverbial_clause_subject(v)
                        .or_else(|| last_speaker.clone())
                        .or_else(|| c.main_subject(0)),
                    // "…, reports Reuters": inverted only after a comma or a quotation, and
                    // not past a subject set off by appositions ("Ash, a director, said").
                    Verb::Finite | Verb::Report
                        if v == 0 || c.breaks(v - 1, v) || closes_quotation(c.gap(v - 1, v)) =>
                    {
                        let before = subject::before(&c, v);
                        match before {
                            Some(s) if s.chained => Some(s.words),
                            _ => inverted(&c, v)
                                .or(before.map(|s| s.words))
                                .or_else(|| plain_subject(&c, v)),
                        }
                    }
                    Verb::Finite | Verb::Report => subject::before(&c, v)
                        .map(|s| s.words)
                        .or_else(|| plain_subject(&c, v)),
                };
                let Some(words) = subject.filter(|r| !inside(c.toks[r.start].start)) else {
                    continue;
                };
                if kind == Verb::Finite {
                    last_speaker = Some(words.clone());
                }
                let range = c.bytes(words.clone());
                let Some((source, entity)) = name(doc, table, salience, range.clone()) else {
                    continue;
                };
                let Some(content) = what_was_said(doc, &c, sentence.clone(), words, v, kind) else {
                    continue;
                };
                out.push((
                    range.start,
                    Attribution {
                        source: source.into(),
                        entity: entity.map(Name::from),
                        cue: Some(c.word(v).into()),
                        content: content.map(Name::from),
                    },
                ));
            }
        }
    }
    out
}

/// The speakers of a transcript (`transcript::labels`), each with the first sentence of
/// what they said.
pub fn transcript(
    doc: &Doc,
    table: &Table<'_>,
    salience: &Salience,
    labels: &[Range<usize>],
) -> Vec<(usize, Attribution)> {
    labels
        .iter()
        .filter_map(|label| {
            // A label that names no person (a dateline, a note) is not a speaker.
            table
                .within(label.clone())
                .find(|s| table.entities[s.entity].kind == EntityKind::Person)?;
            let (source, entity) = name(doc, table, salience, label.clone())?;
            let at = doc.sentences.partition_point(|s| s.end <= label.end + 1);
            let sentence_end = doc.sentences.get(at).map_or(label.end + 1, |s| s.end);
            let said = content(doc, label.end + 1..sentence_end);
            Some((
                label.start,
                Attribution {
                    source: source.into(),
                    entity: entity.map(Name::from),
                    cue: None,
                    content: said.map(Name::from),
                },
            ))
        })
        .collect()
}

/// The attribution of the verb at `v` to the subject `words`, with the rest of the
/// sentence up to `end` as its content.
#[allow(clippy::too_many_arguments)]
fn credit(
    doc: &Doc,
    table: &Table<'_>,
    salience: &Salience,
    c: &Clause<'_>,
    words: Range<usize>,
    v: usize,
    end: usize,
    inside: &dyn Fn(usize) -> bool,
) -> Option<(usize, Attribution)> {
    if inside(c.toks[words.start].start) {
        return None;
    }
    let range = c.bytes(words);
    let (source, entity) = name(doc, table, salience, range.clone())?;
    Some((
        range.start,
        Attribution {
            source: source.into(),
            entity: entity.map(Name::from),
            cue: Some(c.word(v).into()),
            content: content(doc, c.toks[v].full_end..end).map(Name::from),
        },
    ))
}

/// The subject after a verb that ends its clause: "…, reports Reuters." but not "…, told
/// Reuters that …".
fn inverted(c: &Clause<'_>, v: usize) -> Option<Range<usize>> {
    if matches!(c.word(v), "told" | "tells" | "asked" | "asks") {
        return None;
    }
    let words = c.subject_after(v)?;
    let closes =
        words.end == c.toks.len() || c.breaks(words.end - 1, words.end) || modified(c, words.end);
    // "…, said the budget was late": a clause, not an inverted subject.
    let clause = words.clone().skip(1).any(|i| {
        let w = c.lower(i);
        words::auxiliary(&w) || words::personal_pronoun(&w)
    });
    (closes && !clause).then_some(words)
}

/// Whether a gap closes a quotation, after which a verb can lead its subject ("“Stop the
/// vote!” wrote a reader").
fn closes_quotation(gap: &str) -> bool {
    gap.contains(['”', '"'])
}

/// Whether the words from `i` to the next comma or the end modify an inverted subject
/// rather than go on with a clause: a relative clause ("…, said an official who was
/// briefed") or a phrase after a preposition with no verb in it ("…, said Jo Lin of the port
/// authority", "…, said one person with knowledge of the talks, who …").
fn modified(c: &Clause<'_>, i: usize) -> bool {
    if !c.plain(i - 1, i) {
        return false;
    }
    let w = c.lower(i);
    if matches!(w.as_ref(), "who" | "whose") {
        return true;
    }
    // "…, wrote a reader calling himself Jo", "…, said people familiar with the talks".
    let participle = words::participle(&w) || matches!(w.as_ref(), "familiar" | "close");
    if !(participle || words::preposition(&w) || matches!(w.as_ref(), "of" | "for")) {
        return false;
    }
    // Up to a comma, or a relative clause describing the subject further.
    let end = (i + 1..c.toks.len())
        .find(|&k| c.breaks(k - 1, k) || matches!(c.word(k), "who" | "whose"))
        .unwrap_or(c.toks.len());
    (i + 1..end).all(|k| {
        let w = c.lower(k);
        !(words::auxiliary(&w)
            || words::personal_pronoun(&w)
            || words::boundary(&w)
            || words::negative(&w)
            || c.verb_at(k).is_some())
    })
}

/// The words before the verb at `v` up to a clause opener, when the full parse finds no
/// subject, unless they read as part of a clause ("Democratic leaders are").
fn plain_subject(c: &Clause<'_>, v: usize) -> Option<Range<usize>> {
    let words = c.subject_before(v, 0)?;
    // "Ash met pilots who say": the full parse found no noun for "who" to hang on.
    if words.end < v && c.word(words.end) == "who" {
        return None;
    }
    let first = c.word(words.start);
    let clause = words.clone().any(|i| {
        let w = c.lower(i);
        words::auxiliary(&w)
            || words::personal_pronoun(&w)
            || w.ends_with("n't")
            || w.ends_with("n’t")
    }) || (first.starts_with(char::is_lowercase)
        && (first.ends_with("ed") || first.ends_with("ing")));
    // A lone word that is no noun: "didn’t", "Significantly".
    let lone = words.len() == 1 && {
        let w = c.lower(words.start);
        !(words::negative(&w)
            || words::auxiliary(&w)
            || words::adverb(&w)
            || c.is(words.start, DETERMINERS))
    };
    (!clause || lone).then_some(words)
}

/// Whether a preposition follows word `v`: "plans for", "hopes of".
fn next_is_preposition(c: &Clause<'_>, v: usize) -> bool {
    v + 1 < c.toks.len()
        && c.plain(v, v + 1)
        && c.word(v + 1) != "to"
        && (words::preposition(c.word(v + 1)) || matches!(c.word(v + 1), "of" | "for" | "after"))
}

/// The source as written and its entity: the entity closing the phrase ("Roe spokesman
/// Tim Ng"), the person a pronoun refers to, or the phrase alone ("a senior official").
fn name(
    doc: &Doc,
    table: &Table<'_>,
    salience: &Salience,
    range: Range<usize>,
) -> Option<(String, Option<String>)> {
    let phrase = doc.text[range.clone()]
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let end = range.start + phrase.len();
    // "According to Roe, the plan shows …", "In Dover the count shows …": a phrase led by a
    // preposition opens the sentence; it is not the one the verb credits. A count of people
    // may open with one ("About four in 10 voters", "At least half of them").
    let mut words_of = phrase.split_whitespace();
    let first = lowercase(words_of.next().unwrap_or(""));
    // "about two-thirds of voters": the number before a hyphen.
    let second = words_of
        .next()
        .unwrap_or("")
        .split('-')
        .next()
        .unwrap_or("");
    let counting = matches!(
        first.as_ref(),
        "about" | "around" | "over" | "under" | "at" | "between"
    ) && (second.starts_with(|c: char| c.is_ascii_digit())
        || words::number_word(second)
        || matches!(second, "half" | "a" | "least" | "most" | "twice"));
    if first == "according" || (words::preposition(&first) && !counting) {
        return None;
    }
    // "She’ll", "He's": a pronoun with a verb run into it.
    let pronoun = phrase
        .split_once(['’', '\''])
        .map_or(phrase, |(head, _)| head);
    // The words matched below are short: a longer phrase is not lowered at all.
    fn short(w: &str) -> std::borrow::Cow<'_, str> {
        if w.len() <= 5 {
            lowercase(w)
        } else {
            "".into()
        }
    }
    let phrase = if matches!(
        short(pronoun).as_ref(),
        "he" | "she" | "it" | "they" | "we" | "i" | "you"
    ) {
        pronoun
    } else {
        phrase
    };
    match short(phrase).as_ref() {
        "he" | "she" => {
            let name = salience.resolve(table, range.start, phrase)?;
            return Some((name.clone(), Some(name)));
        }
        "it" | "they" | "we" | "i" | "you" | "who" | "this" | "that" | "there" | "what"
        | "which" | "least" => return None,
        _ => {}
    }
    let closing = table
        .within(range.clone())
        .filter(|s| s.end >= end || s.full_end >= end)
        .last();
    // "supporters of Roe", "Sen. Jo Lin of Ohio": a name after a preposition is not the
    // one credited; the name the preposition follows is, when there is one.
    let prepositional = |at: usize| {
        let before = doc.text[range.start..at].trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        before.len() < at - range.start
            && (words::preposition(last) || matches!(last, "of" | "for" | "among"))
    };
    // "Bishop Tom Ash of the Diocese of Dover": the person, then where they are from.
    if let Some(h) = table.placed_person(&doc.text, range.start..end) {
        let name = table.entities[h.entity].name.clone();
        return Some((phrase.to_string(), Some(name)));
    }
    if let Some(s) = closing.filter(|s| prepositional(s.start)) {
        let at = doc.text[range.start..s.start].trim_end().len() + range.start;
        let prep = doc.text[..at].rfind(' ').map_or(at, |i| i + 1);
        let head = table
            .within(range.clone())
            .filter(|h| h.end <= prep && doc.text[h.end..prep].trim().is_empty())
            .last();
        if let Some(h) = head {
            return Some((
                phrase.to_string(),
                Some(table.entities[h.entity].name.clone()),
            ));
        }
    } else if let Some(s) = closing {
        let e = &table.entities[s.entity];
        let whole = s.start == range.start
            || phrase.strip_prefix("the ") == Some(&doc.text[s.start..s.end]);
        // An acronym stays as written ("the AP" is "AP", not its expansion), as readers
        // of the article know it; the entity links it to the full name.
        let written = &doc.text[s.start..s.end];
        let source = if !whole {
            phrase.to_string()
        } else if acronym(written) {
            written.to_string()
        } else {
            e.name.clone()
        };
        return Some((source, Some(e.name.clone())));
    }
    // Past an entity closing it, a phrase that reads as a clause ("Roe recently moved here
    // to lead a group charged with …") credits no one: the verb found after it is seldom
    // one of saying.
    if clause_shape(phrase) {
        return None;
    }
    // "The union leader, Tom Ash, said": the description as written, credited to the
    // person set beside it.
    if let Some(s) = table.apposed_name(&doc.text, end) {
        let written = doc.as_written(range.start..s.end).trim_start();
        return Some((
            written.to_string(),
            Some(table.entities[s.entity].name.clone()),
        ));
    }
    // "a spokesperson for Hezbollah" credits Hezbollah's side; a person inside a
    // description ("an aide to Roe") is not the source.
    let org = table
        .within(range)
        .find(|s| table.entities[s.entity].kind == EntityKind::Organization)
        .map(|s| table.entities[s.entity].name.clone());
    Some((phrase.to_string(), org))
}

/// Whether a name is a short acronym: "AP", "FBI", "AFL-CIO".
fn acronym(name: &str) -> bool {
    name.len() <= 7
        && name.chars().filter(char::is_ascii_uppercase).count() >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, '.' | '&' | '-'))
}

#[cfg(test)]
mod noun_tests;
#[cfg(test)]
mod said_tests;
#[cfg(test)]
mod subject_tests;
#[cfg(test)]
mod tests;
