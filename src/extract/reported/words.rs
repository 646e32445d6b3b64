//! Word tests for reading a subject: function words, quantifiers, participles. Small
//! closed lists of general English, kept here rather than in the shared lexicon because
//! only the reading of subjects asks for them.

use crate::extract::lexicon::{DETERMINERS, DOCUMENTS, SPEECH_NOUNS, lowercase, ly_adverb};
use crate::extract::speech::Clause;

/// "didn't", "hasn’t".
pub(super) fn negative(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n’t")
}

pub(super) fn quantifier(w: &str) -> bool {
    matches!(
        w,
        "all"
            | "both"
            | "half"
            | "many"
            | "most"
            | "some"
            | "several"
            | "few"
            | "each"
            | "every"
            | "other"
            | "another"
            | "others"
            | "nearly"
            | "about"
            | "almost"
            | "only"
            | "just"
            | "more"
            | "less"
            | "fewer"
            | "than"
            | "least"
            | "percent"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "none"
            | "roughly"
            | "even"
            | "those"
            | "these"
            | "last"
            | "next"
    )
}

/// A number written as a word; shares of people ("one in five say") are read with it too.
pub(in crate::extract) fn number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "hundred"
    )
}

pub(in crate::extract) fn auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "not"
    )
}

/// Words that open a clause, so a subject starts after them: "as most analysts expected".
pub(super) fn boundary(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "as"
            | "than"
            | "what"
            | "when"
            | "while"
            | "if"
            | "because"
            | "although"
            | "though"
            | "since"
            | "until"
            | "where"
            | "whereas"
            | "whether"
            | "unless"
            | "once"
            | "so"
            | "but"
            | "yet"
            | "nor"
            | "how"
            | "why"
            | "after"
            | "before"
    )
}

pub(super) fn relative_pronoun(w: &str) -> bool {
    matches!(w, "who" | "whose" | "whom" | "which" | "that")
}

/// A personal pronoun (or "there") in lowercase: a subject that names nobody.
pub(in crate::extract) fn personal_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there"
    )
}

pub(super) fn preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "from"
            | "with"
            | "by"
            | "near"
            | "under"
            | "to"
            | "about"
            | "across"
            | "around"
            | "among"
            | "between"
            | "during"
            | "against"
            | "via"
            | "over"
            | "into"
            | "through"
            | "within"
            | "without"
            | "outside"
            | "inside"
            | "like"
            | "including"
    )
}

/// Whether word `i`, after a noun, opens a participle phrase: "polls taken in May",
/// "voters going to the polls", but not a verb with its object ("Acme created the tool")
/// nor a noun closing the phrase ("exit polling").
pub(super) fn modifies(c: &Clause<'_>, i: usize, e: usize) -> bool {
    let w = c.lower(i);
    if !participle(&w) || i + 1 >= e || ing_noun(&w) {
        return false;
    }
    // "a rolling poll", "her closing statement": an adjective before a document.
    if w.ends_with("ing") && c.is(i + 1, DOCUMENTS | SPEECH_NOUNS) {
        return false;
    }
    let next = c.word(i + 1);
    w.ends_with("ing")
        || !(next.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
            || c.is(i + 1, DETERMINERS)
            || personal_pronoun(&lowercase(next))
            || matches!(next, "him" | "her" | "them" | "us" | "me"))
}

/// Nouns in "-ing" that head a phrase rather than open a modifier: "the latest polling in
/// Ohio", "the ruling by the court".
pub(super) fn ing_noun(w: &str) -> bool {
    matches!(
        w,
        "polling"
            | "ruling"
            | "briefing"
            | "hearing"
            | "filing"
            | "reporting"
            | "meeting"
            | "funding"
            | "spending"
    )
}

/// Sentence adverbs that never name anyone: "Moreover", "Meanwhile", "Rather".
pub(super) fn adverb(w: &str) -> bool {
    ly_adverb(w)
        || matches!(
            w,
            "moreover"
                | "however"
                | "meanwhile"
                | "nevertheless"
                | "nonetheless"
                | "furthermore"
                | "instead"
                | "indeed"
                | "still"
                | "also"
                | "thus"
                | "therefore"
                | "hence"
                | "rather"
                | "overall"
                | "now"
                | "then"
                | "yet"
                | "so"
                | "here"
                | "there"
                | "today"
                | "yesterday"
                | "tonight"
                | "again"
                | "already"
                | "too"
                | "far"
        )
}

/// "taken", "conducted", "going": a participle after a noun opens a modifier.
pub(super) fn participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || (w.len() > 5 && w.ends_with("ing"))
        || matches!(
            w,
            "taken"
                | "seen"
                | "given"
                | "known"
                | "shown"
                | "written"
                | "done"
                | "made"
                | "held"
                | "led"
                | "run"
                | "paid"
                | "sent"
                | "built"
                | "chosen"
                | "drawn"
                | "found"
                | "told"
                | "brought"
                | "kept"
                | "set"
                | "put"
        )
}

/// The bare forms among the stance verbs, verbs only after a plural subject ("analysts see").
pub(super) fn stance_bare(w: &str) -> bool {
    matches!(
        w,
        "see"
            | "know"
            | "blame"
            | "indicate"
            | "mention"
            | "recognize"
            | "consider"
            | "feel"
            | "understand"
            | "wish"
            | "hint"
            | "sue"
            | "confirm"
            | "dispute"
            | "criticize"
            | "accuse"
            | "contend"
            | "maintain"
            | "allege"
            | "recommend"
            | "propose"
            | "urge"
            | "assert"
            | "emphasize"
            | "reveal"
            | "disagree"
            | "support"
            | "favor"
            | "point"
            | "speak"
            | "view"
            | "charge"
            | "estimate"
            | "defend"
            | "caution"
            | "complain"
            | "concede"
            | "question"
            | "praise"
            | "applaud"
            | "decry"
            | "denounce"
            | "condemn"
            | "reject"
            | "dismiss"
            | "welcome"
            | "vote"
    )
}
