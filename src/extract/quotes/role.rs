//! A speaker's role, as the words before or beside the name give it ("Roe spokesman",
//! "the union leader"). Those words are a role only when they describe a person: a
//! phrase cut from a clause ("the group might run ads against"), a possessive alone ("The
//! Ledger's") or a word about the manner ("an angry") is no role, and is dropped rather
//! than published under the quote.

use std::borrow::Cow;

use crate::extract::lexicon::{
    LEAD_MODIFIERS, ORG_TAIL, ROLE_HEADS, ROLE_NOUNS, TITLE_BASE, TITLE_MOD, is, lowercase,
};

/// Honorifics, which say how a person is addressed, not what they are.
const HONORIFICS: [&str; 8] = ["Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Miss", "Mx."];

/// Words of a clause or of a phrase about something else, never of a role: verbs,
/// question words, conjunctions, pronouns, prepositions of place, time and source ("In
/// October", "a letter from", "a report filed by").
const CLAUSE_WORDS: &str = "is are was were be been being has have had do does did will would
    shall should can could may might must says said told comes came what which who whom whose
    when where why how whether if than so yet but or nor not because although though while
    unless after before since until it i we you they he she them us there that those by in
    at from with into during about";

/// Endings of nouns for what a person does ("strategist", "pollster", "volunteer"); the
/// endings that adjectives share ("-ant", "-ent", "-ate") are left to the lexicon's lists.
const AGENT_ENDINGS: [&str; 9] = [
    "er", "or", "ist", "ian", "ster", "eer", "man", "woman", "person",
];

/// Words with those endings that are no agents.
const NOT_AGENTS: &str = "younger older elder bigger larger smaller better greater lesser newer
    fewer longer shorter stronger weaker richer poorer higher lower tougher harder easier
    earlier later other another former latter over under after never together whether
    either neither rather further upper inner outer sober clever bitter tender eager proper
    superior inferior interior exterior prior ulterior junior german";

/// The role that `phrase` gives, as written without a leading article, trailing
/// punctuation or a closing honorific; none when it names no role.
pub(super) fn role(phrase: &str) -> Option<String> {
    let mut words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| HONORIFICS.contains(w)) {
        words.pop();
    }
    // "the union leader", but "the Ledger’s editor" as written.
    if words
        .first()
        .is_some_and(|w| matches!(*w, "the" | "The" | "a" | "A" | "an" | "An"))
        && !words.get(1).is_some_and(|w| possessive(w))
    {
        words.remove(0);
    }
    // "In October" as "in", but "US Senator" not as "us".
    let clause = words.iter().any(|w| {
        let lowered = match w.chars().skip(1).any(char::is_uppercase) {
            true => Cow::Borrowed(*w),
            false => lowercase(w),
        };
        CLAUSE_WORDS.split_whitespace().any(|c| c == lowered)
    });
    if words.is_empty() || clause {
        return None;
    }
    // "Secretary of State": the head comes before "of"; "Bank of England governor": last.
    let last = words.len() - 1;
    let before_of = words
        .iter()
        .position(|w| *w == "of")
        .map(|at| at.saturating_sub(1));
    let alone = words.len() == 1;
    let person = names_a_person(words[last], alone)
        || before_of.is_some_and(|at| names_a_person(words[at], false));
    person.then(|| words.join(" "))
}

/// Whether `head`, a role's main noun, says what a person is: a noun the lexicon knows, or
/// one with an agent's ending ("pollster"). A word `alone` in its phrase is taken by its
/// ending only in lower case, and by "-er" or "-or" only when long: such a word is as
/// often something else ("However", "Westchester", "a calmer").
fn names_a_person(head: &str, alone: bool) -> bool {
    if possessive(head) || head.ends_with(['’', '\'']) {
        return false;
    }
    // "co-host", "Secretary-Treasurer", "front-runner": the last part heads the word.
    let last = head.rsplit('-').next().unwrap_or(head);
    if is(last, TITLE_BASE | ROLE_NOUNS | ROLE_HEADS) {
        return true;
    }
    // "former", "senior": words that go before a role; "committee": an organisation's.
    if is(last, TITLE_MOD | LEAD_MODIFIERS | ORG_TAIL) {
        return false;
    }
    let lower = lowercase(last);
    let loose = lower.ends_with("er") || lower.ends_with("or");
    if alone && (last.starts_with(char::is_uppercase) || (loose && lower.len() < 8)) {
        return false;
    }
    // Short words with these endings are rarely agents ("honor", "order").
    lower.len() >= 6
        && lower.chars().all(char::is_alphabetic)
        && AGENT_ENDINGS.iter().any(|ending| lower.ends_with(ending))
        && !NOT_AGENTS.split_whitespace().any(|w| w == lower)
}

/// Whether `word` ends with a possessive "’s".
fn possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

#[cfg(test)]
mod tests {
    use super::role;

    #[test]
    fn titles_and_descriptions_of_people_are_roles() {
        for (phrase, expected) in [
            ("Roe spokesman", "Roe spokesman"),
            ("The union leader", "union leader"),
            ("former Ohio Gov.", "former Ohio Gov."),
            ("chief of staff", "chief of staff"),
            ("Westvale pollster", "Westvale pollster"),
            ("US Senator", "US Senator"),
            ("his campaign manager", "his campaign manager"),
            ("Oakton co-host", "Oakton co-host"),
            ("a Reyes ally", "Reyes ally"),
            (
                "Dunmore Republican front-runner",
                "Dunmore Republican front-runner",
            ),
            ("retired Army Col.", "retired Army Col."),
            ("Harbor City resident", "Harbor City resident"),
            ("Bank of Kessel Governor", "Bank of Kessel Governor"),
            (
                "University of Oakton head coach",
                "University of Oakton head coach",
            ),
            ("then Secretary of State", "then Secretary of State"),
            (
                "this year’s Westvale laureate",
                "this year’s Westvale laureate",
            ),
            ("his teammate", "his teammate"),
            ("pollster", "pollster"),
            ("screenwriter", "screenwriter"),
            (
                "Oakton Council on Ports Executive Director",
                "Oakton Council on Ports Executive Director",
            ),
            ("another Wirepress user", "another Wirepress user"),
            ("the Ledger’s senior editor", "the Ledger’s senior editor"),
        ] {
            assert_eq!(role(phrase).as_deref(), Some(expected), "{phrase}");
        }
    }

    #[test]
    fn honorifics_are_no_roles() {
        assert_eq!(role("Mr."), None);
        assert_eq!(role("Mrs"), None);
        assert_eq!(
            role("Westvale spokesman Mr.").as_deref(),
            Some("Westvale spokesman")
        );
    }

    #[test]
    fn clause_pieces_possessives_and_manners_are_no_roles() {
        for phrase in [
            "the board might run ads against Mr. Ash or Mr.",
            "was steep for Mr.",
            "The endorsement comes just three days after",
            "a report filed by county attorney",
            "The Ledger’s",
            "Wirepress'",
            "an angry",
            "A flustered",
            "Oakton,",
            "the pitch on",
            "Said",
            "Continued",
            "Former",
            "Texas-based",
            "81-year-old",
            "an honor",
            "a calmer",
            "However",
            "In October",
            "a letter from county attorney",
            "Westchester",
        ] {
            assert_eq!(role(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn only_words_that_describe_a_person_are_a_role() {
        for (text, role) in [
            ("“The pier stays shut,” Mr. Tom Ash said on Monday.", None),
            (
                "“The pier stays shut,” an angry Tom Ash said on Monday.",
                None,
            ),
            ("“The pier stays shut,” The Ledger’s Tom Ash said.", None),
            (
                "“The pier stays shut,” the Oakton harbour master Tom Ash said.",
                Some("Oakton harbour master"),
            ),
        ] {
            let got = crate::extract::tests::facts(text);
            let q = &got.quotes[0];
            assert_eq!(q.speaker.as_deref(), Some("Tom Ash"), "{text}");
            assert_eq!(q.speaker_role.as_deref(), role, "{text}");
        }
    }
}
