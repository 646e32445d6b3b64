//! Single words around a reporting verb: whether a word is one, and the word shapes that
//! tell a speaker phrase from a clause (role and kin nouns, participles, auxiliaries).

use super::Verb;
use crate::extract::lexicon::{
    Class, DESCRIBING_PREPOSITIONS, DETERMINERS, LEAD_ADVERBS, LEAD_PREPOSITIONS, PHRASE_OPENERS,
    REPORT_VERBS, ROLE_NOUNS, SPEECH_BASE, SPEECH_PARTICIPLES, SPEECH_VERBS, STOP, is, lowercase,
};
use crate::extract::text::Token;

/// The kind of reporting verb `word`, of lexicon classes `c`, is, if any; capitalised words
/// are names ("Says"), except "Tweeted", which some newsrooms capitalise after the service.
pub(super) fn verb(word: &str, c: Class) -> Option<Verb> {
    let tweet = matches!(word, "Tweeted" | "Tweets" | "Tweeting");
    if !word.starts_with(|c: char| c.is_lowercase()) && !tweet {
        return None;
    }
    // A bare form is finite after a plural subject ("officials say"); after "to" it is
    // dependent (`verb_at`).
    if c & (SPEECH_VERBS | SPEECH_BASE) != 0 {
        Some(Verb::Finite)
    } else if c & SPEECH_PARTICIPLES != 0 {
        Some(Verb::Dependent)
    } else if c & REPORT_VERBS != 0 {
        Some(Verb::Report)
    } else {
        None
    }
}

/// A lowercase noun for a person that may follow a role noun ("billionaire businessman",
/// "campaign spokeswoman"), known by its ending.
pub(super) fn person_noun(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && ["man", "woman", "person", "ist", "ian"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
        || is(word, ROLE_NOUNS)
}

/// Nouns for a body of people, which a role noun may modify ("the activist group", "the
/// veterans' committee").
pub(super) fn collective_noun(word: &str) -> bool {
    matches!(
        word,
        "group"
            | "groups"
            | "team"
            | "organization"
            | "organisation"
            | "network"
            | "coalition"
            | "alliance"
            | "committee"
            | "campaign"
            | "movement"
            | "union"
            | "association"
            | "council"
            | "panel"
            | "board"
    )
}

/// Nouns of kinship and company that describe a person ("his wife", "a close friend").
pub(super) const KIN_NOUNS: &[&str] = &[
    "friend",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "sister",
    "brother",
    "partner",
    "colleague",
    "neighbor",
    "neighbour",
    "widow",
    "cousin",
    "aunt",
    "uncle",
];

/// A lowercase "-ing" form long enough to be a participle ("making", not "king").
pub(super) fn progressive(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing") && word.starts_with(char::is_lowercase)
}

/// Forms of "be" and "have" that carry a predicate: a speaker phrase holding one is a
/// clause ("Roe had a good night").
pub(super) fn auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "has" | "had" | "have" | "will" | "would"
    )
}

/// A reporting verb in its bare form ("say", "plan"), which is also a noun.
pub(super) fn bare(word: &str, t: &Token) -> bool {
    t.is(SPEECH_BASE)
        || matches!(
            word,
            "show"
                | "suggest"
                | "believe"
                | "hope"
                | "fear"
                | "think"
                | "expect"
                | "worry"
                | "agree"
                | "doubt"
                | "want"
                | "prefer"
                | "plan"
        )
}

/// Reporting verbs whose object is the person spoken to: "told Reuters", "asked the judge".
pub fn is_listener_verb(word: &str) -> bool {
    matches!(
        word,
        "told" | "tells" | "tell" | "asked" | "asks" | "urged" | "urges"
    )
}

/// Words that start a noun phrase after a verb: "said a senior official".
pub(super) fn opens_phrase(word: &str, t: &Token) -> bool {
    word.starts_with(char::is_uppercase)
        || word.starts_with(|c: char| c.is_ascii_digit())
        || t.is(PHRASE_OPENERS)
}

/// Common verbs whose past tense does not end in "-ed", which shape alone cannot tell
/// ("Her campaign sent out a text").
pub fn irregular_past(word: &str) -> bool {
    matches!(
        word,
        "sent"
            | "put"
            | "wrote"
            | "gave"
            | "made"
            | "took"
            | "began"
            | "ran"
            | "spent"
            | "held"
            | "brought"
            | "threw"
            | "struck"
            | "sought"
            | "hit"
            | "shot"
            | "went"
            | "kept"
            | "got"
    )
}

/// Whether three words open a past participle with its complement ("fostered by Roe",
/// "sent to the board", "stirred up by Ash"): a phrase that describes a thing, never one
/// who speaks.
pub fn participle_phrase(first: &str, second: &str, third: &str) -> bool {
    let preposition = |w: &str| {
        matches!(
            w,
            "by" | "to" | "for" | "from" | "in" | "at" | "on" | "with"
        )
    };
    let particle = matches!(second, "up" | "out" | "down" | "off" | "back");
    (first.ends_with("ed") || irregular_past(first))
        && first.starts_with(char::is_lowercase)
        && (preposition(second) || particle && preposition(third))
}

/// Whether a speaker or source phrase holds a clause cut from its sentence, whatever it
/// names: an auxiliary inside ("the candidate could be", "Roe has instead positioned"), a
/// pronoun closing it ("the enactment of what it"), a verb after the name opening it ("Roe
/// endured a lecture") or after an adverb ("the bill also mandates a wait"), or a verb's
/// possessive object ("the utility cut its profit").
pub fn clause_shape(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let inner_auxiliary = words.iter().skip(1).any(|w| {
        matches!(
            *w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "had"
                | "could"
                | "would"
                | "should"
                | "cannot"
                | "might"
                | "must"
        ) || w.ends_with("n’t")
            || w.ends_with("n't")
    });
    let pronoun_last = words.len() > 1
        && matches!(
            words.last(),
            Some(&("it" | "they" | "he" | "she" | "we" | "you"))
        );
    // A name opening the phrase, an optional adverb and a past tense: "Roe endured", "Tom
    // Ash recently moved".
    let capital = |w: &str| w.starts_with(char::is_uppercase) && !is(w, DETERMINERS);
    let past = |w: &str| w.starts_with(char::is_lowercase) && w.len() > 4 && w.ends_with("ed");
    // Not a participle describing the name: "one Republican involved in the talks".
    let describing = |i: usize| {
        words.get(i + 1).is_some_and(|w| {
            matches!(
                *w,
                "in" | "on" | "to" | "by" | "with" | "at" | "about" | "for" | "from" | "as"
            )
        })
    };
    let past_after_name = (1..words.len()).any(|i| {
        let name_end = if words[i - 1].ends_with("ly") && i >= 2 {
            i - 1
        } else {
            i
        };
        // "Voters surveyed": a participle closing the phrase may describe it.
        let last = i + 1 == words.len();
        words[..name_end].iter().all(|w| capital(w)) && past(words[i]) && !describing(i) && !last
    });
    let adverb_verb = words.windows(2).any(|p| {
        matches!(
            p[0],
            "also" | "still" | "never" | "already" | "often" | "now"
        ) && p[1].len() > 3
            && p[1].ends_with('s')
            && !p[1].ends_with("ss")
    });
    // "the utility cut its profit", "Roe thanked her staff": a possessive between a plain
    // word and the noun it owns is a verb's object. In a description it follows a function
    // word, a participle or a comma ("a source within her campaign", "a lawyer representing
    // her client", "Roe and her aides", "both their sons"); a pronoun closing the phrase is
    // not counted ("people who know her").
    let possessive_object = words.windows(3).any(|p| {
        matches!(p[1], "its" | "his" | "her" | "their" | "our" | "my")
            && p[0].ends_with(char::is_alphanumeric)
            && !p[0].ends_with("ing")
            && !is(
                p[0],
                STOP | LEAD_PREPOSITIONS | DESCRIBING_PREPOSITIONS | LEAD_ADVERBS,
            )
            && !matches!(lowercase(p[0]).as_ref(), "plus" | "half" | "especially")
    });
    inner_auxiliary || pronoun_last || past_after_name || adverb_verb || possessive_object
}
