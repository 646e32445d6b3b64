//! Cues that the verb lists cannot hold because they lean on a linking verb: the
//! progressive of a reporting verb ("officials are warning that", "the group is calling
//! on") and an adjective of stance ("leaders are confident that", "was critical of the
//! plan"). Either credits the subject of the linking verb.

use super::words::adverb;
use crate::extract::lexicon::{REPORT_VERBS, SPEECH_BASE, SPEECH_VERBS, classes};
use crate::extract::speech::Clause;

/// Words allowed between the linking verb and the cue: "are now increasingly worried".
const MAX_GAP: usize = 3;

/// The linking verb before word `v` when `v` is a cue of this kind; the subject stands
/// before it.
pub(super) fn linked(c: &Clause<'_>, v: usize) -> Option<usize> {
    let w = c.word(v);
    let ing = w.len() > 5 && w.ends_with("ing");
    if !(ing || stance_adjective(w)) {
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

/// Adjectives of a stance or a feeling about something said or done.
fn stance_adjective(w: &str) -> bool {
    matches!(
        w,
        "concerned"
            | "worried"
            | "hopeful"
            | "confident"
            | "optimistic"
            | "pessimistic"
            | "skeptical"
            | "sceptical"
            | "convinced"
            | "certain"
            | "adamant"
            | "upset"
            | "angry"
            | "furious"
            | "frustrated"
            | "disappointed"
            | "pleased"
            | "unhappy"
            | "nervous"
            | "anxious"
            | "alarmed"
            | "outraged"
            | "shocked"
            | "aware"
            | "unaware"
            | "uneasy"
            | "insistent"
            | "critical"
            | "supportive"
            | "wary"
            | "leery"
            | "fearful"
            | "proud"
            | "tired"
            | "divided"
            | "split"
            | "opposed"
            | "sympathetic"
            | "hostile"
            | "eager"
            | "reluctant"
            | "hesitant"
            | "unwilling"
            | "determined"
            | "quick"
            | "keen"
            | "clear"
    )
}

/// Whether the word after adjective `v` opens what the stance is about: "confident that",
/// "critical of", "eager to", "split over"; "critical to" or "clear of snow" are no stance.
fn stance_follows(c: &Clause<'_>, v: usize) -> bool {
    let Some(next) = (v + 1 < c.toks.len() && c.plain(v, v + 1)).then(|| c.word(v + 1)) else {
        return false;
    };
    match c.word(v) {
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
    fn stance_adjectives_credit_their_subject() {
        assert_eq!(
            sources("Local leaders are increasingly confident that the levy will pass."),
            ["Local leaders"]
        );
        assert_eq!(
            sources("The county board remained critical of the plan."),
            ["The county board"]
        );
        // "critical to", "clear of": no stance.
        assert!(sources("The bridge is critical to the harbor economy.").is_empty());
        assert!(sources("The roads were clear of snow by noon.").is_empty());
    }
}
