//! The people a relative clause hangs on, as the subject of a reporting verb inside it:
//! "harbor pilots who say", "some critics who have argued".

use std::ops::Range;

use super::words::{
    adverb, auxiliary, boundary, negative, personal_pronoun, preposition, quantifier,
};
use crate::extract::lexicon::{DETERMINERS, ROLE_NOUNS};
use crate::extract::speech::Clause;

/// Longest noun phrase read back from a relative pronoun, in words.
const MAX_ANTECEDENT: usize = 6;

/// The noun phrase right before "who" at `r`, with no comma between ("the board chair,
/// who said" may hang on any noun before it): "harbor pilots who say", "some critics who
/// have argued". Read back to its determiner or to a verb or clause opener; none after a
/// preposition ("aides to Roe who said" leaves open whom the clause is about), nor a lone
/// pronoun or quantifier ("those who", "anyone who").
pub(super) fn antecedent(c: &Clause<'_>, r: usize) -> Option<Range<usize>> {
    let closed = |i: usize| {
        let w = c.lower(i);
        auxiliary(&w)
            || boundary(&w)
            || personal_pronoun(&w)
            || negative(&w)
            // "the Oakton Ledger editor who": a name is no adverb.
            || c.word(i).starts_with(char::is_lowercase) && adverb(&w)
            || w == "than"
            || c.verb_at(i).is_some()
    };
    // "aides to Roe who", "a liar and birther who": the clause may be about either noun.
    let at_preposition = |i: usize| {
        let w = c.lower(i);
        preposition(&w) || matches!(w.as_ref(), "of" | "for" | "and" | "or")
    };
    if r == 0 {
        return None;
    }
    // "Tom Ash, who has argued": past a comma, a name standing right before it.
    if c.gap(r - 1, r).trim() == "," && c.word(r - 1).starts_with(char::is_uppercase) {
        let mut s = r - 1;
        while s > 0 && c.plain(s - 1, s) && c.word(s - 1).starts_with(char::is_uppercase) {
            s -= 1;
        }
        // "But Tom Ash": a capitalised opener is no part of the name.
        while s + 1 < r && matches!(c.word(s), "But" | "And" | "Yet" | "So" | "Then") {
            s += 1;
        }
        // "Sen. Jo Lin of Vermont, who", "Dover, Del., who": a place closing a longer
        // phrase, not the person.
        let place = s > 0 && (!c.plain(s - 1, s) || at_preposition(s - 1));
        return (r - s <= MAX_ANTECEDENT && !place).then_some(s..r);
    }
    if !c.plain(r - 1, r) || closed(r - 1) || at_preposition(r - 1) {
        return None;
    }
    let mut s = r - 1;
    loop {
        if c.is(s, DETERMINERS) || quantifier(&c.lower(s)) {
            break;
        }
        if s == 0 || !c.plain(s - 1, s) || closed(s - 1) {
            // A bare phrase reaching back to the start of a clause may hold a verb the
            // lists do not know ("Ash met pilots who"): short ones only.
            if r - s > 2 && (s == 0 || !c.plain(s - 1, s)) {
                return None;
            }
            break;
        }
        if r - s >= MAX_ANTECEDENT {
            return None;
        }
        if at_preposition(s - 1) {
            // "an argument to Islanders who say": a plural after a preposition, with
            // no person's noun before it ("aides to …"), is who the clause is about.
            let plural = c.lower(r - 1).ends_with('s') && !c.lower(r - 1).ends_with("ss");
            let to_group = matches!(c.lower(s - 1).as_ref(), "to" | "for" | "among" | "with")
                && s >= 2
                && !c.is(s - 2, ROLE_NOUNS);
            // Two words at most: a longer run may begin with a verb ("to lure companies").
            if plural && to_group && r - s <= 2 {
                break;
            }
            return None;
        }
        s -= 1;
    }
    let w = c.lower(s);
    let lone = r - s == 1
        && (quantifier(&w)
            || matches!(
                w.as_ref(),
                "one" | "ones" | "anyone" | "everyone" | "someone" | "anybody" | "everybody"
            ));
    (!lone).then_some(s..r)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::sources;

    #[test]
    fn antecedents_of_relative_clauses() {
        assert_eq!(
            sources("Harbor pilots who say the channel is safe met on Monday."),
            ["Harbor pilots"]
        );
        assert_eq!(
            sources("Some harbor critics who have argued that the levy is unfair met Ash."),
            ["Some harbor critics"]
        );
        assert_eq!(
            sources("The plan drew Tom Ash, who has argued that the levy is unfair, to town."),
            ["Tom Ash"]
        );
        let got =
            sources("The plan drew Sen. Jo Lin of Vermont, who has argued that it is unfair.");
        assert!(!got.iter().any(|s| s == "Vermont"), "{got:?}");
        // The clause after a preposition's object may be about either noun, and a bare
        // phrase may hold a verb the lists do not know.
        let got = sources("Aides to Ash who said so left.");
        assert!(!got.iter().any(|s| s == "Ash"), "{got:?}");
        // A plural group after "to" or "for", with no person's noun before it, is who
        // the clause is about; a longer run may open with a verb.
        let got =
            sources("The toll vote handed an argument to Islanders who say the ferry is too dear.");
        assert!(got.iter().any(|s| s == "Islanders"), "{got:?}");
        let got = sources("The town tried to lure harbor companies who want cheap land.");
        assert!(!got.iter().any(|s| s.contains("lure")), "{got:?}");
        let got = sources("Ash met pilots who say so.");
        assert!(!got.iter().any(|s| s.contains("met")), "{got:?}");
    }
}
