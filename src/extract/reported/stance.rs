//! Stance verbs read as verbs: words of seeing, knowing and deciding ("analysts see",
//! "the judge ordered"), bare forms that are more often nouns ("voters support the levy"),
//! light verbs with something said ("made it clear"), and nouns of a stance a named owner
//! holds ("Roe’s plan").

use super::words;
use crate::extract::lexicon::{DETERMINERS, SPEECH_NOUNS, STANCE_VERBS};
use crate::extract::speech::{Clause, Verb};

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
    (!after_to && !passive && c.verbal(v, bare)).then_some(Verb::Report)
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
    let prev = c.lower(v - 1);
    let p = prev.as_ref();
    let plural = (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss") && !p.ends_with("us"))
        || p.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            p,
            "percent" | "half" | "majority" | "minority" | "most" | "many" | "some" | "few"
        );
    takes && plural
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
pub(super) fn owned(w: &str) -> bool {
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
