//! Cues that the verb lists cannot hold because they lean on a linking verb: the
//! progressive of a reporting verb ("officials are warning that", "the group is calling
//! on") and an adjective of stance ("leaders are confident that", "was critical of the
//! plan"). Either credits the subject of the linking verb.

use std::ops::Range;

use super::words::{
    adverb, auxiliary, boundary, negative, participle, personal_pronoun, preposition,
    relative_pronoun,
};
use crate::extract::lexicon::{
    DETERMINERS, DOCUMENTS, REPORT_VERBS, SPEECH_BASE, SPEECH_NOUNS, SPEECH_VERBS,
    STANCE_ADJECTIVES, TEMPORAL, classes,
};
use crate::extract::speech::{Clause, Verb};

/// Words allowed between the linking verb and the cue: "are now increasingly worried".
const MAX_GAP: usize = 3;

/// The linking verb before word `v` when `v` is a cue of this kind; the subject stands
/// before it.
pub(super) fn linked(c: &Clause<'_>, v: usize) -> Option<usize> {
    let w = c.word(v);
    let ing = w.len() > 5 && w.ends_with("ing");
    let adjective = c.is(v, STANCE_ADJECTIVES) && w.starts_with(char::is_lowercase);
    if !(ing || adjective) {
        return None;
    }
    let mut k = v;
    while k > 0 && v - k <= MAX_GAP && c.plain(k - 1, k) {
        k -= 1;
        let p = c.word(k);
        if ing && matches!(p, "is" | "are" | "was" | "were" | "be" | "been") {
            return reporting_stem(w).then_some(k);
        }
        if !ing && linking(p) {
            return stance_follows(c, v).then_some(k);
        }
        if !(filler(p) || adverb(p)) {
            return None;
        }
    }
    None
}

/// The noun phrase right before word `v` when `v` is the "-ing" form of a reporting verb
/// modifying it: "911 calls saying shots were fired", "a sign reading", "emails showing
/// that", "a petition calling for": the thing or people doing the saying.
pub(super) fn noun_before(c: &Clause<'_>, v: usize) -> Option<Range<usize>> {
    let w = c.word(v);
    if !(w.len() > 5 && w.ends_with("ing")) || v < 2 || !c.plain(v - 1, v) {
        return None;
    }
    let head = c.word(v - 1);
    // People or groups ("voters", "groups") or something written ("a statement").
    let plural =
        head.len() > 3 && head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("ness");
    let written = c.is(v - 1, DOCUMENTS | SPEECH_NOUNS)
        || matches!(
            head,
            "sign" | "petition" | "banner" | "ad" | "item" | "resolution"
        );
    let noun = head.starts_with(char::is_lowercase)
        && (plural || written)
        && !(head.ends_with("ing") || head.ends_with("ed") || head.ends_with("ly"))
        && !closed(c, v - 1);
    let reporting = !gerund_noun(w) && (c.verb_at(v) == Some(Verb::Dependent) || reporting_stem(w));
    if !noun || !reporting {
        return None;
    }
    if matches!(
        head,
        "means" | "ways" | "years" | "times" | "days" | "lines"
    ) {
        return None;
    }
    // Back over the phrase's words to its determiner, or to a word that ends it.
    let mut s = v - 1;
    let mut determined = false;
    while s > 0 && c.plain(s - 1, s) && v - s < MAX_GAP {
        if c.is(s - 1, DETERMINERS) {
            s -= 1;
            determined = true;
            break;
        }
        let p = c.lower(s - 1);
        if closed(c, s - 1) || participle(&p) {
            break;
        }
        s -= 1;
    }
    // Lowercase words with no determiner before them may be a verb ("hold banners").
    while !determined && s + 1 < v && c.word(s).starts_with(char::is_lowercase) {
        s += 1;
    }
    // A bare or owned text ("a statement", "his remarks") is credited to whoever issued
    // it, named elsewhere.
    let owned = (s..v).any(|i| {
        let t = &c.toks[i];
        t.full_end > t.end || matches!(c.word(i), "his" | "her" | "its" | "their" | "our")
    });
    if c.is(v - 1, DOCUMENTS | SPEECH_NOUNS) && (owned || v - s < 3) {
        return None;
    }
    Some(s..v)
}

/// "-ing" forms read as nouns after a noun or adjective: "a strong showing", "precincts
/// reporting", "a public offering".
fn gerund_noun(w: &str) -> bool {
    matches!(
        w,
        "showing"
            | "reporting"
            | "offering"
            | "writing"
            | "posting"
            | "thinking"
            | "planning"
            | "declining"
            | "hearing"
            | "meeting"
            | "briefing"
            | "ruling"
            | "filing"
    )
}

/// Whether word `i` is a function word or a verb that no noun phrase runs across.
fn closed(c: &Clause<'_>, i: usize) -> bool {
    let w = c.lower(i);
    auxiliary(&w)
        || boundary(&w)
        || preposition(&w)
        || personal_pronoun(&w)
        || relative_pronoun(&w)
        || negative(&w)
        || matches!(w.as_ref(), "and" | "or" | "of" | "for" | "than")
        || c.verb_at(i).is_some()
}

/// Verbs that link a subject to its stance: "is", "remains", "seemed", "grew".
fn linking(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "remain"
            | "remains"
            | "remained"
            | "seem"
            | "seems"
            | "seemed"
            | "appear"
            | "appears"
            | "appeared"
            | "became"
            | "become"
            | "becomes"
            | "grew"
            | "grow"
            | "grows"
    )
}

/// Degree words and adverbs that may stand between the linking verb and the cue.
fn filler(w: &str) -> bool {
    matches!(
        w,
        "also" | "still" | "now" | "all" | "both" | "more" | "less" | "so" | "very" | "too"
    )
}

/// Whether `w`, an "-ing" form, comes from a reporting or stance verb: "warning",
/// "questioning", "planning", "hoping".
fn reporting_stem(w: &str) -> bool {
    // Forms that read as another verb ("founding", "finding" a way) or an adjective ("is
    // worrying", "is challenging"), or that report an act rather than a view ("voting").
    if matches!(
        w,
        "seeking"
            | "continuing"
            | "finding"
            | "founding"
            | "challenging"
            | "voting"
            | "worrying"
            | "referring"
    ) {
        return false;
    }
    let Some(stem) = w.strip_suffix("ing") else {
        return false;
    };
    let verb = |s: &str| classes(s) & (SPEECH_BASE | REPORT_VERBS | SPEECH_VERBS) != 0;
    let b = stem.as_bytes();
    // "planning" from "plan": a doubled final consonant.
    let undoubled = b.len() > 2 && b[b.len() - 1] == b[b.len() - 2];
    verb(stem)
        || verb(&format!("{stem}e"))
        || verb(&format!("{stem}ed"))
        || verb(&format!("{stem}s"))
        || undoubled && verb(&stem[..stem.len() - 1])
}

/// Whether the word after adjective `v` opens what the stance is about: "confident that",
/// "critical of", "eager to", "split over"; "critical to" or "clear of snow" are no stance.
fn stance_follows(c: &Clause<'_>, v: usize) -> bool {
    // "outraged." or "upset, and": a feeling needs nothing after it.
    let ends = v + 1 == c.toks.len() || c.breaks(v, v + 1);
    if ends && feeling(c.word(v)) {
        return true;
    }
    // "hopeful Tuesday that": past a day.
    let n = v + 1 + usize::from(v + 2 < c.toks.len() && c.is(v + 1, TEMPORAL));
    let Some(next) =
        (n < c.toks.len() && c.plain(v, v + 1) && c.plain(n - 1, n)).then(|| c.word(n))
    else {
        return false;
    };
    if feeling(c.word(v))
        && (matches!(next, "after" | "when" | "because" | "at") || personal_pronoun(&c.lower(n)))
    {
        return true;
    }
    match c.word(v) {
        "skeptical" | "sceptical" => matches!(next, "of" | "about" | "that"),
        "critical" | "supportive" | "wary" | "leery" | "tired" | "aware" | "unaware" | "proud"
        | "fearful" => matches!(next, "of" | "that"),
        "divided" | "split" => matches!(next, "over" | "on" | "about"),
        "opposed" | "sympathetic" | "hostile" => next == "to",
        "eager" | "reluctant" | "hesitant" | "unwilling" | "determined" | "quick" => next == "to",
        "keen" => matches!(next, "to" | "on"),
        "clear" => matches!(next, "that" | "about"),
        _ => matches!(next, "that" | "about" | "over" | "whether" | "by" | "with"),
    }
}

/// Adjectives of a feeling stirred by something done or said: "voters were outraged".
fn feeling(w: &str) -> bool {
    matches!(
        w,
        "upset"
            | "angry"
            | "furious"
            | "outraged"
            | "frustrated"
            | "disappointed"
            | "shocked"
            | "alarmed"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::sources;

    #[test]
    fn progressive_reporting_verbs_credit_their_subject() {
        assert_eq!(
            sources("Harbor pilots are now warning that the channel is unsafe."),
            ["Harbor pilots"]
        );
        assert_eq!(
            sources("Four county groups are gently urging the mayor to resign."),
            ["Four county groups"]
        );
        assert_eq!(
            sources("The Dover council is planning to close the bridge."),
            ["The Dover council"]
        );
        // A progressive of any other verb credits no one.
        assert!(sources("The Dover council is building a new bridge.").is_empty());
    }

    #[test]
    fn things_saying_something_are_sources() {
        assert_eq!(
            sources("Police took 911 calls saying shots had been fired."),
            ["911 calls"]
        );
        assert_eq!(
            sources("Jo Lin held up a sign saying the levy was theft."),
            ["a sign"]
        );
        // A singular noun with no article is no source: the sentence's subject is.
        assert_eq!(
            sources("Jo Lin ended debate saying nothing new."),
            ["Jo Lin"]
        );
        assert!(sources("The bill passed after debating the levy.").is_empty());
    }

    #[test]
    fn stance_adjectives_credit_their_subject() {
        assert_eq!(
            sources("Local leaders are increasingly confident that the levy will pass."),
            ["Local leaders"]
        );
        assert_eq!(
            sources("The county board remained critical of the plan."),
            ["The county board"]
        );
        assert_eq!(
            sources("Most harbor pilots are skeptical of the plan."),
            ["Most harbor pilots"]
        );
        assert_eq!(
            sources("When the mayor closed the bridge, harbor residents were outraged."),
            ["harbor residents"]
        );
        assert_eq!(
            sources("Ash backers were hopeful Friday that the toll would pass."),
            ["Ash backers"]
        );
        // "critical to", "clear of": no stance.
        assert!(sources("The bridge is critical to the harbor economy.").is_empty());
        assert!(sources("The roads were clear of snow by noon.").is_empty());
    }
}
