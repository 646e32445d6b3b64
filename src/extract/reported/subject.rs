//! The subject of a reporting verb, read back from the verb within its sentence: "Scot
//! Ash, executive director of a charity, said", "aides to the mayor and council members
//! said", "exit polls taken on Sunday found", "as most analysts expected". Quote speakers
//! keep `Clause::subject_before`, which stops at the first inserted phrase; a paraphrase
//! has no quotation to anchor it, so here the whole noun phrase is parsed: appositions,
//! lists, coordination and the modifiers that follow a head noun.

use std::ops::Range;

use super::phrase::{MAX_MODIFIER, phrase, strict};
use super::relative;
use super::words::{
    adverb, auxiliary, boundary, negative, personal_pronoun, quantifier, relative_pronoun,
};
use crate::extract::lexicon::{
    DETERMINERS, IN_NAME, LEAD_ADVERBS, LEAD_PREPOSITIONS, ROLE_NOUNS, SPEECH_FILLERS, TEMPORAL,
    TITLE_BASE, TITLE_MOD, lowercase, ly_adverb,
};
use crate::extract::speech::Clause;

/// Longest run of appositions between a subject and its verb, in words.
const MAX_CHAIN: usize = 40;

/// A subject and whether inserted phrases stand between it and the verb.
pub struct Subject {
    pub words: Range<usize>,
    pub chained: bool,
}

/// The subject of the finite verb at `v`, standing before it.
pub fn before(c: &Clause<'_>, v: usize) -> Option<Subject> {
    let end = past_dashes(c, fillers(c, v));
    if end == 0 {
        return None;
    }
    if !c.breaks(end - 1, end) {
        // "he said": the pronoun, for the caller to resolve.
        if personal_pronoun(&c.lower(end - 1)) {
            return Some(Subject {
                words: end - 1..end,
                chained: false,
            });
        }
        // "the resolution which said" credits no one by name.
        if matches!(c.word(end - 1), "which" | "that") {
            return None;
        }
        // "voters who say": the people the relative clause hangs on.
        if c.word(end - 1) == "who" {
            return relative::antecedent(c, end - 1).map(|words| Subject {
                words,
                chained: false,
            });
        }
        let words = listed(c, end)?;
        return Some(Subject {
            words,
            chained: false,
        });
    }
    // "Ash, executive director of the charity, said": the stretches set off by commas
    // back to the start of the sentence, an opening adverbial or a quotation.
    let mut segments = Vec::new();
    let mut k = end;
    // "…,’’ said Roe": the words before are quoted, not a subject.
    while k > 0 && end - k <= MAX_CHAIN && !c.gap(k - 1, k).contains(QUOTE_MARKS) {
        let s = segment_start(c, k - 1);
        segments.push(s..k);
        if s == 0 || c.gap(s - 1, s).contains(QUOTE_MARKS) {
            break;
        }
        k = s;
    }
    segments.reverse();
    // The subject opens the chain: every stretch after it up to the verb is an apposition.
    let tail_ok = |j: usize| {
        segments[j + 1..]
            .iter()
            .all(|r| c.gap(r.start - 1, r.start).contains('(') || inserted(c, r.clone()))
    };
    // Where a subject can open: the start of the sentence, after a quotation, after an
    // opening adverbial, or after a clause that is itself no subject ("The plan is dead, a
    // spokeswoman, Jo Lin, said").
    let opens = |j: usize| {
        let r = &segments[j];
        if j == 0 {
            return r.start == 0 || c.gap(r.start - 1, r.start).contains(QUOTE_MARKS);
        }
        let before = segments[j - 1].clone();
        adverbial(c, before.clone())
            || prepositional(c, before.clone())
            || head(c, before.start, trim_end(c, before.clone())).is_none()
    };
    for (j, r) in segments.iter().enumerate() {
        // An opening phrase after a preposition with more stretches after it is no subject,
        // nor is a bracket ("Sen. Jo Lin (D-Md.) said").
        let opening = j + 1 < segments.len() && prepositional(c, r.clone());
        let bracketed = r.start > 0 && c.gap(r.start - 1, r.start).contains('(');
        if tail_ok(j)
            && !bracketed
            && opens(j)
            && !opening
            && !dated(c, r.clone())
            && let Some(words) = head(c, r.start, trim_end(c, r.clone()))
        {
            return Some(Subject {
                words,
                chained: j + 1 < segments.len(),
            });
        }
    }
    None
}

const QUOTE_MARKS: [char; 4] = ['”', '"', '\'', '’'];

/// Back from `v` over "also", "has", "on Tuesday", "reportedly" and other adverbs.
fn fillers(c: &Clause<'_>, v: usize) -> usize {
    let mut end = v;
    while end > 0 && c.plain(end - 1, end) {
        let w = c.word(end - 1);
        let lower = w.starts_with(char::is_lowercase);
        let adverb = ly_adverb(w);
        let temporal = !lower && c.is(end - 1, TEMPORAL) && end - 1 > 0;
        let filler = c.is(end - 1, SPEECH_FILLERS)
            || auxiliary(w)
            || matches!(w, "long" | "since" | "already");
        if filler && lower || adverb || negative(w) {
            end -= 1;
        } else if let Some(k) = lately(c, end) {
            end = k;
        } else if temporal {
            end -= 1;
            if end > 0 && c.plain(end - 1, end) && matches!(c.word(end - 1), "on" | "last") {
                end -= 1;
            }
        } else if c.reduced_relative(end - 1) {
            // "A report released Tuesday found": the document is the subject.
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The start of "in the past" or "in recent weeks" ending at `end`: "have in the past said".
fn lately(c: &Clause<'_>, end: usize) -> Option<usize> {
    if end < 3
        || !c.plain(end - 3, end - 2)
        || !c.plain(end - 2, end - 1)
        || c.word(end - 3) != "in"
    {
        return None;
    }
    let recent = matches!(
        (c.word(end - 2), c.word(end - 1)),
        ("the", "past") | ("recent", "weeks" | "months" | "years" | "days")
    );
    recent.then_some(end - 3)
}

/// Before a phrase set off by hyphens when `end` closes one: "the three judges - Ash, Roe
/// and Lin - agreed", "some economists -- including two on the board -- warn".
fn past_dashes(c: &Clause<'_>, end: usize) -> usize {
    let dash = |i: usize| {
        let gap = c.gap(i - 1, i);
        gap.contains(" - ") || gap.contains("--")
    };
    if end < 3 || !dash(end) {
        return end;
    }
    (end.saturating_sub(MAX_CHAIN).max(2)..end - 1)
        .rev()
        .find(|&k| dash(k))
        .unwrap_or(end)
}

/// The end of stretch `r` without a closing auxiliary: "A poll of voters has, however,
/// revealed".
fn trim_end(c: &Clause<'_>, r: Range<usize>) -> usize {
    let mut e = r.end;
    while e > r.start + 1 && {
        let w = c.word(e - 1);
        w.starts_with(char::is_lowercase)
            && (auxiliary(w) || c.is(e - 1, SPEECH_FILLERS) || negative(w))
    } {
        e -= 1;
    }
    e
}

/// The first word of the comma-free stretch holding word `i`.
fn segment_start(c: &Clause<'_>, mut i: usize) -> usize {
    while i > 0 && !c.breaks(i - 1, i) {
        i -= 1;
    }
    i
}

/// Whether words `r` read as an inserted phrase between a subject and its verb: a
/// description ("a retired teacher", "who chairs the panel", "Pa.", "now 81") or a
/// prepositional phrase ("in a statement"), but not a clause ("remains committed").
fn inserted(c: &Clause<'_>, r: Range<usize>) -> bool {
    if r.len() > MAX_MODIFIER {
        return false;
    }
    let w = c.word(r.start);
    let first = lowercase(w);
    let f = first.as_ref();
    let of_soon =
        (r.start + 1..r.end.min(r.start + 3)).any(|i| matches!(c.word(i), "of" | "at" | "for"));
    let opens = w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
        || c.is(
            r.start,
            DETERMINERS | ROLE_NOUNS | TITLE_BASE | TITLE_MOD | LEAD_PREPOSITIONS,
        )
        || quantifier(f)
        || relative_pronoun(f)
        || (f.len() > 5 && f.ends_with("ing"))
        || matches!(
            f,
            "now"
                | "also"
                | "then"
                | "formerly"
                | "once"
                | "himself"
                | "herself"
                | "themselves"
                | "like"
                | "including"
                | "both"
                | "each"
        )
        || (of_soon && !f.ends_with('s') && !f.ends_with("ed"));
    // "however", "in a statement".
    if adverbial(c, r.clone()) {
        return true;
    }
    if !opens || (boundary(f) && !relative_pronoun(f)) {
        return false;
    }
    let mut relative = false;
    for i in r.clone() {
        let w = c.lower(i);
        relative |= relative_pronoun(&w);
        // "Helen May", "Tom Will": a capitalised word inside the phrase is a name's.
        let named = i > r.start && c.word(i).starts_with(char::is_uppercase);
        if !relative && ((auxiliary(&w) && !named) || c.verb_at(i).is_some()) {
            return false;
        }
    }
    true
}

/// Whether words `r` are an opening adverbial: "On Wednesday", "however", "In Britain".
fn adverbial(c: &Clause<'_>, mut r: Range<usize>) -> bool {
    while r.len() > 1
        && matches!(
            c.word(r.start),
            "And" | "But" | "Yet" | "So" | "and" | "but"
        )
    {
        r.start += 1;
    }
    let first = c.lower(r.start);
    // "Responding to the letter, …": a participle clause.
    let participial = first.len() > 5 && first.ends_with("ing") && r.len() > 1;
    // "Nov. 2, …".
    let date = r
        .clone()
        .all(|i| c.is(i, TEMPORAL) || c.word(i).starts_with(|ch: char| ch.is_ascii_digit()));
    participial
        || date
        || dated(c, r.clone())
        || r.len() == 1 && adverb(&first)
        || r.len() <= 6
            && (c.is(r.start, LEAD_PREPOSITIONS | LEAD_ADVERBS | TEMPORAL) || first == "however")
}

/// Whether words `r` are a phrase after a preposition of any length with no clause in it:
/// "in the wake of two failed attempts at a levy".
fn prepositional(c: &Clause<'_>, r: Range<usize>) -> bool {
    c.is(r.start, LEAD_PREPOSITIONS)
        && r.clone().all(|i| {
            let w = c.lower(i);
            !(auxiliary(&w) || personal_pronoun(&w) || c.verb_at(i).is_some())
        })
}

/// Whether words `r` are a date with no preposition: "Last week", "This morning".
fn dated(c: &Clause<'_>, r: Range<usize>) -> bool {
    let first = c.lower(r.start);
    r.len() <= 3
        && matches!(
            first.as_ref(),
            "last" | "next" | "this" | "earlier" | "later"
        )
        && (c.is(r.end - 1, TEMPORAL)
            || matches!(
                c.word(r.end - 1),
                "week" | "month" | "year" | "weekend" | "morning" | "night" | "summer" | "spring"
            ))
}

/// The subject closing the stretch that ends at word `end`, with the items of a list
/// before it: "the families, supporters and aides said".
fn listed(c: &Clause<'_>, end: usize) -> Option<Range<usize>> {
    let s = segment_start(c, end - 1);
    let mut words = head(c, s, end)?;
    let opened = |at: usize| at > 0 && matches!(c.word(at - 1), "and" | "or");
    let list = words.start == s || (opened(words.start) && words.start == s + 1);
    let joined =
        (words.start..end).any(|i| matches!(c.word(i), "and" | "or")) || opened(words.start);
    if !(list && joined) {
        return Some(words);
    }
    let mut k = s;
    while k > 0 && c.gap(k - 1, k).trim() == "," {
        let p = segment_start(c, k - 1);
        match head(c, p, k) {
            Some(item) if strict(c, item.clone()) && item.end == k => {
                words.start = item.start;
                k = p;
                if item.start != p {
                    break;
                }
            }
            _ => break,
        }
    }
    Some(words)
}

/// The noun phrase ending the stretch `s..e` that can be its subject, after any opening
/// clause ("as most analysts", "so narrow that many economists"): tried from the start of
/// the stretch and after each clause opener, the one nearest the verb that parses as a noun
/// phrase with its modifiers, unless it only closes a coordination ("Roe and other
/// leaders").
fn head(c: &Clause<'_>, s: usize, e: usize) -> Option<Range<usize>> {
    let opens = |i: usize| {
        let gap = c.gap(i - 1, i);
        let w = c.word(i - 1);
        // Lowercased only when capitalised: this runs for every word before the verb.
        boundary(w)
            || (w.starts_with(char::is_uppercase) && boundary(&c.lower(i - 1)))
            // "the Institute for Science and Security": a name's later words never open.
            || (matches!(c.word(i - 1), "and" | "or") && !c.is(i, IN_NAME))
            || gap.contains([':', '―', '•'])
            || gap.contains(" - ")
    };
    // Nearest the verb first, each opener read only when the parses after it failed.
    let starts = (s + 1..e)
        .rev()
        .filter(|&i| opens(i))
        .chain(std::iter::once(s));
    let parse = |st: usize| lead(c, st, e).and_then(|st| phrase(c, st, e));
    let mut valid = starts.filter_map(|st| Some((st, parse(st)?)));
    let (st, nearest) = valid.next()?;
    if st > s && matches!(c.word(st - 1), "and" | "or") {
        // "Mr. Lin and other leaders": the phrase before "and" when it takes the list in.
        if let Some((_, wider)) =
            valid.find(|(k, _)| *k == s || !matches!(c.word(k - 1), "and" | "or"))
            && wider.end == nearest.end
        {
            return Some(wider);
        }
    }
    Some(nearest)
}

/// Past openers before a subject: "But", "Yet", "even", "At the rally".
fn lead(c: &Clause<'_>, mut st: usize, e: usize) -> Option<usize> {
    while st < e
        && (c.is(st, LEAD_ADVERBS)
            || adverb(&c.lower(st))
            || matches!(
                c.lower(st).as_ref(),
                "and" | "but" | "so" | "yet" | "even" | "or"
            ))
    {
        st += 1;
    }
    if st < e && c.is(st, LEAD_PREPOSITIONS) && !c.word(st).eq_ignore_ascii_case("of") {
        // The preposition's object ends where the subject starts.
        st = (st + 2..e).find(|&i| {
            let w = c.word(i);
            matches!(w, "a" | "an" | "the")
                || (w.starts_with(char::is_uppercase)
                    && !c.word(i - 1).starts_with(char::is_uppercase))
        })?;
    }
    (st < e).then_some(st)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::speech::Verb;
    use crate::extract::text::Doc;

    fn subject(sentence: &str) -> String {
        let doc = Doc::new(sentence);
        let c = Clause::new(&doc, 0..doc.text.len());
        let v = (0..c.toks.len())
            .find(|&i| matches!(c.verb_at(i), Some(Verb::Finite | Verb::Report)))
            .unwrap();
        before(&c, v)
            .map(|s| doc.text[c.bytes(s.words)].to_string())
            .unwrap_or_default()
    }

    #[test]
    fn appositions_lead_back_to_the_subject() {
        for (s, want) in [
            (
                "Tom Ash, executive director of Green Harbor Now, said the budget was late.",
                "Tom Ash",
            ),
            (
                "Dana Reyes, a 41-year-old nurse from Elmwood, Ohio, says the plan works.",
                "Dana Reyes",
            ),
            (
                "On Monday, however, the head of the port authority, Jo Lin, said it was closed.",
                "the head of the port authority",
            ),
            (
                "Rep. Jane Roe (D-Md.), chair of the panel, said it would pass.",
                "Rep. Jane Roe",
            ),
        ] {
            assert_eq!(subject(s), want, "{s}");
        }
        assert_eq!(
            subject("Last week, the port director, Jo Lin, said it was closed."),
            "the port director"
        );
        // A long opening phrase after a preposition is no subject, nor opens a chain.
        assert_eq!(
            subject(
                "Last year, in the wake of two failed attempts at a new harbor levy, Mayor \
                 Jo Lin (D) said it was dead."
            ),
            "Mayor Jo Lin"
        );
        // After a clause, the description set off by commas is the subject.
        assert_eq!(
            subject("The plan is dead, a retired teacher, said on Monday."),
            "a retired teacher"
        );
        // A clause set off by commas is none.
        assert_eq!(
            subject("Dana Reyes won the seat, and the plan failed, said nothing."),
            ""
        );
    }

    #[test]
    fn past_time_phrases_and_hyphened_appositions() {
        for (s, want) in [
            (
                "Harbor pilots have in the past said the channel was safe.",
                "Harbor pilots",
            ),
            (
                "Most county commissioners have already said they would back Ash.",
                "Most county commissioners",
            ),
            (
                "The three county judges - Mr. Ash, Ms. Roe and Mr. Lin - agreed it was late.",
                "The three county judges",
            ),
            (
                "Some harbor economists -- including two on the board -- warn that it will fail.",
                "Some harbor economists",
            ),
        ] {
            assert_eq!(subject(s), want, "{s}");
        }
    }

    #[test]
    fn lists_and_coordinated_subjects() {
        for (s, want) in [
            (
                "Mr. Lin and other leaders have said the output must fall.",
                "Mr. Lin and other leaders",
            ),
            (
                "But the families, neighbours and city officials said a trade was fair.",
                "the families, neighbours and city officials",
            ),
            (
                "But lawyers and tax experts said that is unlikely.",
                "lawyers and tax experts",
            ),
            // Two clauses, not one subject.
            ("Roe won Ohio and Ash said he was pleased.", "Ash"),
            // A short compound closing on a plural noun opens a list too.
            (
                "Harbor pilots and port officials, in fact, insist the channel is safe.",
                "Harbor pilots and port officials",
            ),
            // A pronoun is no list item.
            (
                "She and another reporter said the doors were shut.",
                "another reporter",
            ),
        ] {
            assert_eq!(subject(s), want, "{s}");
        }
    }

    #[test]
    fn modifiers_after_the_head_noun() {
        for (s, want) in [
            (
                "Exit polls taken in three states found that turnout rose.",
                "Exit polls",
            ),
            (
                "One city official who heard the exchange said the mayor left.",
                "One city official",
            ),
            (
                "A study by Northfield University found that fees rose.",
                "A study by Northfield University",
            ),
            (
                "In Oakton, 85% of voters said the tax was too high.",
                "85% of voters",
            ),
            ("At which point the crowd chanted a name.", "the crowd"),
            (
                "The tax is not as popular as most local economists believe.",
                "most local economists",
            ),
            // Adverbs, "-ing" adjectives and nouns inside the phrase.
            (
                "A newly formed county board says the levy failed.",
                "A newly formed county board",
            ),
            (
                "A Metro Wire rolling poll shows a tie.",
                "A Metro Wire rolling poll",
            ),
            (
                "The latest polling in Dover shows a tie.",
                "The latest polling in Dover",
            ),
            // An adverb after a name is no part of it.
            ("Jo Lin repeatedly said the levy failed.", "Jo Lin"),
        ] {
            assert_eq!(subject(s), want, "{s}");
        }
        // Numbers alone name no one, but a share of those polled and a quantifier standing
        // for people do.
        assert_eq!(subject("After a long debate, half said so."), "");
        // A participle opening the sentence is no subject.
        assert_eq!(
            subject("Addressing the board at its spring meeting, argued for a levy."),
            ""
        );
        assert_eq!(
            subject("One in five say the levy is too high."),
            "One in five"
        );
        assert_eq!(
            subject("Nine in ten agree the levy is too high."),
            "Nine in ten"
        );
        assert_eq!(subject("Most fear the bridge will close."), "Most");
        assert_eq!(
            subject("Many of them fear the bridge will close."),
            "Many of them"
        );
    }
}
