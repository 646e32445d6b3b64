//! Stance verbs read as verbs: words of seeing, knowing and deciding ("analysts see",
//! "the judge ordered"), bare forms that are more often nouns ("voters support the levy"),
//! light verbs with something said ("made it clear"), and nouns of a stance a named owner
//! holds ("Roe’s plan"), credited to the owner.

use super::{name, words};
use crate::extract::Attribution;
use crate::extract::entities::Table;
use crate::extract::lexicon::{
    DETERMINERS, LEAD_PREPOSITIONS, ROLE_NOUNS, SPEECH_NOUNS, STANCE_VERBS, TEMPORAL, TITLE_BASE,
};
use crate::extract::salience::Salience;
use crate::extract::speech::{Clause, Verb};
use crate::extract::text::Doc;
use crate::model::Name;

/// A verb of the sources' own list at word `v` ("analysts see", "the judge ordered"), used
/// as a verb and not after "to".
pub(super) fn stance(c: &Clause<'_>, v: usize) -> Option<Verb> {
    let w = c.word(v);
    if !(c.is(v, STANCE_VERBS) && w.starts_with(char::is_lowercase)) {
        return None;
    }
    let after_to = v > 0 && c.word(v - 1) == "to";
    // "a memo issued by the mayor": a participle after its noun.
    let passive = v + 1 < c.toks.len() && c.word(v + 1) == "by";
    // "made them feel", "helping people understand", "in praise": a bare form after an
    // object or a preposition is no verb of its own subject.
    let bare = words::stance_bare(w);
    let object =
        |p: &str| matches!(p, "them" | "him" | "us" | "me" | "of" | "for") || words::preposition(p);
    let causative = |p: &str| {
        matches!(
            p,
            "make" | "makes" | "made" | "making" | "help" | "helps" | "helped" | "helping" | "let"
        )
    };
    if bare
        && v > 0
        && (object(&c.lower(v - 1)) || (v.saturating_sub(4)..v).any(|i| causative(c.word(i))))
    {
        return None;
    }
    if !noun_as_verb(c, v) {
        return None;
    }
    // "voters feel that …" holds a view; "voters feel trapped" a mood.
    let feeling = matches!(w, "feel" | "feels" | "felt");
    if feeling && !(v + 1 < c.toks.len() && opens_view(c, v + 1)) {
        return None;
    }
    (!after_to && !passive && !c.reduced_relative(v) && c.verbal(v, bare)).then_some(Verb::Report)
}

/// Whether a stance verb that is more often a noun ("support", "point", "view") is a verb
/// here: after a plural subject or a share of people, and before what it takes ("voters
/// support the levy", "critics point to the cost", "two-thirds favor a ban"). Other
/// verbs pass.
fn noun_as_verb(c: &Clause<'_>, v: usize) -> bool {
    let w = c.word(v);
    // "saw the vote as a test", "saw that": a view, not a sight ("the city saw record
    // turnout").
    if w == "saw" {
        let reach = c.toks.len().min(v + 7);
        return (v + 1..reach)
            .take_while(|&k| c.plain(k - 1, k))
            .any(|k| matches!(c.word(k), "as" | "that"));
    }
    // "compared the plan to a tax", not "rents rose compared with May".
    if w == "compared" {
        let Some(next) = (v + 1 < c.toks.len()).then(|| c.word(v + 1)) else {
            return false;
        };
        return !matches!(next, "with" | "to")
            && (v + 2..c.toks.len().min(v + 7))
                .take_while(|&k| c.plain(k - 1, k))
                .any(|k| matches!(c.word(k), "to" | "with"));
    }
    // "spoke about the levy", "talked with aides".
    if matches!(w, "spoke" | "talked") {
        return v + 1 < c.toks.len() && matches!(c.word(v + 1), "about" | "of" | "with" | "out");
    }
    // A light verb with something said: "made an observation", "made it clear that",
    // "gave a speech".
    if matches!(w, "made" | "makes" | "gave" | "gives" | "delivered") {
        return (v + 1..c.toks.len().min(v + 4))
            .take_while(|&k| c.plain(k - 1, k))
            .any(|k| {
                c.is(k, SPEECH_NOUNS)
                    || matches!(c.word(k), "clear" | "observation" | "prediction" | "case")
            });
    }
    // Papers sent or filed: "sent out a statement", "filed a complaint against the city".
    if matches!(w, "sent" | "filed") {
        return (v + 1..c.toks.len().min(v + 5))
            .take_while(|&k| c.plain(k - 1, k))
            .any(|k| {
                c.is(k, SPEECH_NOUNS)
                    || matches!(
                        c.word(k),
                        "complaint" | "lawsuit" | "suit" | "motion" | "petition" | "appeal"
                    )
            });
    }
    // "56 percent would vote for Roe": the choice of a share polled, not "the vote".
    if w == "vote" {
        return v >= 2
            && v + 1 < c.toks.len()
            && c.word(v + 1) == "for"
            && matches!(c.word(v - 1), "would" | "will")
            && share(&c.lower(v - 2));
    }
    // "a judge determined that", not "a determined opponent".
    if w == "determined" {
        return v + 1 < c.toks.len() && matches!(c.word(v + 1), "that" | "there");
    }
    if !matches!(
        w,
        "support"
            | "favor"
            | "point"
            | "speak"
            | "view"
            | "charge"
            | "estimate"
            | "question"
            | "welcome"
            | "praise"
    ) {
        return true;
    }
    if v == 0 || v + 1 >= c.toks.len() || !c.plain(v - 1, v) || !c.plain(v, v + 1) {
        return false;
    }
    let next = c.word(v + 1);
    let takes = match w {
        // "critics point to the cost", not "the trends they point to with alarm".
        "point" => {
            next == "out"
                || next == "to" && v + 2 < c.toks.len() && !words::preposition(&c.lower(v + 2))
        }
        "speak" => matches!(next, "of" | "about" | "out"),
        _ => {
            c.is(v + 1, DETERMINERS)
                || next.starts_with(char::is_uppercase)
                || (next.len() > 5 && next.ends_with("ing"))
                || matches!(
                    next,
                    "his" | "her" | "their" | "him" | "them" | "it" | "that" | "whether" | "how"
                )
        }
    };
    // "supporters still question": past an adverb to the subject.
    let mut before = v - 1;
    while before > 0 && c.plain(before - 1, before) && words::adverb(&c.lower(before)) {
        before -= 1;
    }
    let prev = c.lower(before);
    let p = prev.as_ref();
    let plural = (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss") && !p.ends_with("us"))
        || share(p)
        || matches!(p, "most" | "many" | "some" | "few");
    takes && plural
}

/// Whether a word closes a share of people: "56 percent", "a majority", "half".
fn share(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || w.ends_with('%')
        || matches!(w, "percent" | "half" | "majority" | "minority")
}

/// Whether word `i` opens what a feeling is about: "that", "like", a subject.
fn opens_view(c: &Clause<'_>, i: usize) -> bool {
    let w = c.lower(i);
    matches!(w.as_ref(), "that" | "like" | "as" | "it")
        || words::personal_pronoun(&w)
        || c.is(i, DETERMINERS)
        || c.word(i).starts_with(char::is_uppercase)
}

/// Nouns of a stance or a demand that a named owner holds: "Roe’s plan", "Ash’s call
/// for a recount", "the board’s endorsement".
fn owned(w: &str) -> bool {
    matches!(
        w,
        "endorsement"
            | "endorsements"
            | "recommendation"
            | "recommendations"
            | "demand"
            | "demands"
            | "call"
            | "calls"
            | "position"
            | "positions"
            | "stance"
            | "stances"
            | "policy"
            | "policies"
            | "plan"
            | "plans"
            | "decision"
            | "aside"
            | "interpretation"
            | "insistence"
            | "opposition"
            | "attacks"
            | "vow"
            | "threat"
            | "threats"
            | "belief"
            | "beliefs"
            | "opinion"
    )
}

/// Sources made to speak by an event: "the ruling led some to speculate", "leaving many to
/// wonder whether": (the people, the verb) for each.
pub(super) fn prompted(c: &Clause<'_>) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    for v in 2..c.toks.len() {
        // "led some to speculate", or "left many wondering", "got people talking".
        let w = c.word(v);
        let infinitive = c.word(v - 1) == "to" && said_or_thought(w);
        let ongoing = matches!(
            w,
            "wondering" | "talking" | "asking" | "questioning" | "speculating"
        );
        if !(infinitive || ongoing) {
            continue;
        }
        let object_end = if infinitive { v - 1 } else { v };
        // Back over the people, up to four plain words, to the verb that moved them.
        let Some(cause) = (v.saturating_sub(6)..object_end.saturating_sub(1))
            .rev()
            .find(|&k| {
                let w = c.word(k);
                if ongoing {
                    matches!(
                        w,
                        "left" | "leaves" | "leaving" | "got" | "gets" | "getting"
                    )
                } else {
                    matches!(
                        w,
                        "led"
                            | "leads"
                            | "leading"
                            | "left"
                            | "leaves"
                            | "leaving"
                            | "caused"
                            | "causing"
                            | "prompted"
                            | "prompts"
                            | "prompting"
                    )
                }
            })
        else {
            continue;
        };
        let people = cause + 1..object_end;
        let plain = (cause..v).all(|k| c.plain(k, k + 1));
        let named = people.clone().all(|k| {
            let w = c.lower(k);
            !(words::auxiliary(&w)
                || words::preposition(&w)
                || words::boundary(&w)
                || matches!(c.word(k), "him" | "her" | "them" | "us" | "me" | "it"))
        });
        if plain && named {
            out.push((people, v));
        }
    }
    out
}

/// Bare verbs of saying or thinking after "to": "to wonder", "to speculate".
fn said_or_thought(w: &str) -> bool {
    matches!(
        w,
        "wonder"
            | "speculate"
            | "question"
            | "ask"
            | "believe"
            | "conclude"
            | "say"
            | "complain"
            | "argue"
            | "predict"
            | "suspect"
            | "doubt"
            | "warn"
    )
}

/// "Roe’s claim", "Ash’s recent remarks": a named possessor of something said.
pub(super) fn possessive_sources(
    doc: &Doc,
    table: &Table<'_>,
    salience: &Salience,
    c: &Clause<'_>,
    inside: &dyn Fn(usize) -> bool,
) -> Vec<(usize, Attribution)> {
    let mut out = Vec::new();
    for (i, t) in c.toks.iter().enumerate() {
        // "Saturday’s call" is no one’s.
        if t.full_end == t.end
            || !c.word(i).starts_with(char::is_uppercase)
            || c.is(i, TEMPORAL)
            || inside(t.start)
        {
            continue;
        }
        // The noun within two words: "Ash’s claim", "Ash’s controversial proposal"; words
        // quoted before it count as one ("Ash’s “lazy voters” remark").
        let mut noun = None;
        let (mut quoted, mut words) = (false, 0);
        for k in i + 1..c.toks.len().min(i + 8) {
            let gap = c.gap(k - 1, k);
            if gap.contains(['“', '”', '"']) {
                if !gap
                    .chars()
                    .all(|ch| ch.is_whitespace() || "“”\"".contains(ch))
                {
                    break;
                }
                quoted = gap.contains(['“', '"']) && !gap.contains('”');
                words += 1;
            } else if !c.plain(k - 1, k) {
                break;
            } else if !quoted {
                words += 1;
            }
            if words > 3 || !(quoted || c.word(k).starts_with(char::is_lowercase)) {
                break;
            }
            if !quoted && (c.is(k, SPEECH_NOUNS) || owned(c.word(k))) {
                noun = Some(k);
                break;
            }
        }
        let Some(k) = noun else { continue };
        // "the Union’s foreign policy chief": the noun names a person's post, not a stance.
        if k + 1 < c.toks.len() && c.plain(k, k + 1) && c.is(k + 1, ROLE_NOUNS) {
            continue;
        }
        // The possessor: the name ending at this word.
        let mut s = i;
        while s > 0 && c.plain(s - 1, s) && c.word(s - 1).starts_with(char::is_uppercase) {
            s -= 1;
        }
        // "In Ash’s words": a capitalised preposition opening the sentence is no part of it.
        while s < i && c.is(s, LEAD_PREPOSITIONS) {
            s += 1;
        }
        // "the President’s plan": a title alone names no one here.
        if s == i && c.is(i, TITLE_BASE | ROLE_NOUNS) {
            continue;
        }
        let range = c.toks[s].start..t.end;
        if let Some((source, entity)) = name(doc, table, salience, range.clone()) {
            out.push((
                range.start,
                Attribution {
                    source: source.into(),
                    entity: entity.map(Name::from),
                    cue: Some(c.word(k).into()),
                    content: None,
                },
            ));
        }
    }
    out
}
