//! One noun phrase and its modifiers, read forward from its first word to the verb:
//! "a study by Northfield University", "exit polls taken on Sunday", "Mr. Lin and other
//! leaders", "85% of voters".

use std::ops::Range;

use super::words::{
    adverb, auxiliary, boundary, ing_noun, modifies, negative, number_word, personal_pronoun,
    preposition, quantifier, relative_pronoun,
};
use crate::extract::lexicon::{
    DETERMINERS, DOCUMENTS, IN_NAME, ROLE_NOUNS, SPEECH_NOUNS, TEMPORAL, TITLE_BASE, lowercase,
    ly_adverb,
};
use crate::extract::speech::Clause;

/// Longest subject shown, in words; a longer one is cut before its modifiers.
pub(super) const MAX_WORDS: usize = 14;
/// Longest relative clause or participle phrase after a head noun, in words.
pub(super) const MAX_MODIFIER: usize = 25;

/// Words `st..e` as one noun phrase with its modifiers; the phrase shown ends before a
/// relative clause or participle ("exit polls taken on Sunday" is "exit polls").
pub(super) fn phrase(c: &Clause<'_>, st: usize, e: usize) -> Option<Range<usize>> {
    let core = core(c, st, e)?;
    let cut = rest(c, core, e)?;
    let shown = if cut - st <= MAX_WORDS { cut } else { core };
    (shown - st <= MAX_WORDS).then_some(st..shown)
}

/// The noun phrase starting at word `st` and read forward, without its modifiers: the
/// agent after "by", the giver after "from" ("criticism from union leaders in Ohio").
pub(super) fn forward(c: &Clause<'_>, st: usize) -> Option<Range<usize>> {
    // "denounced by Ash for its bias": "for" opens no part of the agent here.
    // "a report released by the auditor found …": the clause's verb ends the agent.
    let e = (st + 1..c.toks.len())
        .find(|&i| {
            !c.plain(i - 1, i) && !joined(c, i - 1, i)
                || c.word(i) == "for"
                || (c.word(i).starts_with(char::is_lowercase) && c.verb_at(i).is_some())
        })
        .unwrap_or(c.toks.len());
    let end = core(c, st, e)?;
    (end - st <= MAX_WORDS).then_some(st..end)
}

/// Where the modifiers after a head noun ending at `i` stop being part of the phrase shown:
/// `e` after prepositional phrases ("officials in Ohio"), the start of a relative clause or
/// participle phrase; `None` when the words are no modifiers.
fn rest(c: &Clause<'_>, i: usize, e: usize) -> Option<usize> {
    if i == e {
        return Some(e);
    }
    if !c.plain(i - 1, i) {
        return None;
    }
    let w = c.lower(i);
    if relative_pronoun(&w) || modifies(c, i, e) {
        return (e - i <= MAX_MODIFIER).then_some(i);
    }
    // "a source familiar with the talks", "people close to the mayor".
    let skip = usize::from(matches!(w.as_ref(), "familiar" | "close")) + 1;
    let opens = skip == 2 && i + 1 < e && matches!(c.word(i + 1), "with" | "to");
    if (opens || preposition(&w)) && i + skip < e {
        let next = core(c, i + skip, e)?;
        return rest(c, next, e);
    }
    None
}

/// The end of the noun phrase starting at `st`: determiners and numbers, names, nouns,
/// "of" and "for" phrases and coordination; `None` when it has no noun.
fn core(c: &Clause<'_>, st: usize, e: usize) -> Option<usize> {
    let mut nouns = 0;
    let mut determined = false;
    let mut named = false;
    let mut fraction = false;
    // Where the last conjunct starts: after "of" or "for" ("a poll for Acme and the Globe").
    let mut conjunct = st;
    let gerund =
        |w: &str| w.starts_with(char::is_lowercase) && (w.ends_with("ing") || w.ends_with("ed"));
    if gerund(c.word(st)) && !quantifier(c.word(st)) {
        return None;
    }
    // "Addressing the board at its meeting": a participle opening the sentence, unless a
    // noun ("Polling shows").
    let first = c.lower(st);
    let opening = st == 0 || c.breaks(st - 1, st);
    let object = st + 1 < e
        && c.word(st + 1)
            .starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit())
        && !matches!(c.word(st + 1), "and" | "or");
    if opening && object && first.len() > 5 && first.ends_with("ing") && !ing_noun(&first) {
        return None;
    }
    let mut i = st;
    while i < e {
        if i > st && !joined(c, i - 1, i) {
            break;
        }
        let w = c.word(i);
        let lower = lowercase(w);
        let l = lower.as_ref();
        let number = w.starts_with(|ch: char| ch.is_ascii_digit()) || number_word(l);
        if c.is(i, TEMPORAL) && determined {
            // "the April survey".
        } else if c.is(i, TEMPORAL) || personal_pronoun(l) || (i == st && adverb(l)) {
            break;
        } else if nouns == 0 && ly_adverb(l) && i + 1 < e && plain_lower(c, i + 1) {
            // "a newly released email": an adverb before the word it modifies, no noun.
        } else if quantifier(l) || number {
            determined = true;
            // "four in 10 voters"; "one in five" alone stands for people polled.
            if number
                && i + 2 < e
                && c.word(i + 1) == "in"
                && (c.word(i + 2).starts_with(|ch: char| ch.is_ascii_digit())
                    || number_word(&c.lower(i + 2)))
            {
                i += 2;
                fraction = true;
            }
        } else if c.is(i, DETERMINERS) {
            // "at which point the crowd": an article after a noun starts another phrase.
            if nouns > 0
                && !matches!(c.word(i - 1), "of" | "for" | "and" | "or" | "&")
                && matches!(l, "the" | "a" | "an" | "that" | "this" | "these" | "those")
            {
                break;
            }
            determined = true;
            named = false;
        } else if matches!(l, "of" | "for") {
            if i == st || i + 1 >= e {
                break;
            }
            conjunct = i + 1;
        } else if matches!(l, "and" | "or" | "&") {
            if i + 1 >= e || !strict(c, conjunct..i) || personal_pronoun(&c.lower(i + 1)) {
                break;
            }
        } else if !c.is(i, IN_NAME) && auxiliary(l)
            || boundary(l)
            || preposition(l)
            || relative_pronoun(l)
            || negative(l)
            || matches!(l, "said" | "says" | "say" | "told" | "familiar" | "close")
            // "data from the Census Bureau show": a reporting verb after a name ends it.
            || (named
                && w.starts_with(char::is_lowercase)
                && c.word(i - 1).starts_with(char::is_uppercase)
                && !c.is(i, DOCUMENTS | SPEECH_NOUNS)
                && c.verb_at(i).is_some())
            || (nouns > 0 && w.starts_with(char::is_lowercase) && modifies(c, i, e))
        {
            break;
        } else if w.starts_with(char::is_uppercase) {
            nouns += 1;
            named = true;
        } else if nouns > 0 && w.len() > 4 && w.ends_with("ed") {
            // "the plan failed": a verb, not a noun.
            break;
        } else if named && !determined && !compound_tail(c, i, e) {
            // "Roe won Ohio": after a bare name only a noun compound ("Roe campaign aides")
            // or a role before another name ("Acme senior counsel Jo Lin") goes on.
            break;
        } else {
            nouns += 1;
        }
        // After a possessive a new phrase starts: "last year’s state figures".
        if c.toks[i].full_end > c.toks[i].end {
            determined = true;
            named = false;
        }
        i += 1;
    }
    while i > st && matches!(c.word(i - 1), "of" | "for" | "and" | "or" | "&") {
        i -= 1;
    }
    // "Many fear …", "Others argue …": a quantifier standing alone for people.
    let people = i == st + 1
        && matches!(
            c.lower(st).as_ref(),
            "some" | "many" | "others" | "both" | "several" | "most" | "few"
        );
    ((nouns > 0 || fraction || people) && i > st).then_some(i)
}

/// Whether the lowercase words from `i` close a noun compound after a name: they reach the
/// verb, or are nouns ("records", "pollster") before a modifier or another name.
fn compound_tail(c: &Clause<'_>, i: usize, e: usize) -> bool {
    let run = (i..e)
        .take_while(|&k| plain_lower(c, k) && !modifies(c, k, e))
        .count();
    if i + run == e {
        return true;
    }
    let nouns = (i..i + run).all(|k| {
        let w = c.word(k);
        c.is(k, ROLE_NOUNS | TITLE_BASE)
            || ["s", "er", "or", "ist", "ant", "ent"]
                .iter()
                .any(|end| w.len() > 3 && w.ends_with(end))
    });
    let names =
        (i + run..e).all(|k| c.word(k).starts_with(char::is_uppercase) && joined(c, k - 1, k));
    run <= 4 && (nouns || names)
}

/// A lowercase word that can close a noun compound: not a function word.
fn plain_lower(c: &Clause<'_>, k: usize) -> bool {
    let w = c.word(k);
    let l = lowercase(w);
    w.starts_with(char::is_lowercase)
        && !(auxiliary(&l) || boundary(&l) || preposition(&l) || relative_pronoun(&l))
        && !matches!(l.as_ref(), "and" | "or")
}

/// Whether words `r` are a phrase that can stand in a list: one word, a name, or a short
/// determined phrase ("the families", "Gov. Jane Roe", "attorneys").
pub(super) fn strict(c: &Clause<'_>, r: Range<usize>) -> bool {
    if r.is_empty() || personal_pronoun(&c.lower(r.start)) {
        return false;
    }
    let names = r.clone().all(|i| {
        let w = c.word(i);
        w.starts_with(char::is_uppercase)
            || matches!(w, "of" | "the" | "and" | "de" | "van" | "von")
    });
    let determined = (c.is(r.start, DETERMINERS) || quantifier(&c.lower(r.start)))
        && r.len() <= 5
        && r.clone().all(|i| {
            let l = c.lower(i);
            !(auxiliary(&l) || boundary(&l) || preposition(&l) || relative_pronoun(&l))
        });
    // "security experts", "RNC members": a short compound closing on a plural noun.
    let compound = r.len() <= 3
        && c.word(r.end - 1).starts_with(char::is_lowercase)
        && c.word(r.end - 1).ends_with('s')
        && !c.word(r.end - 1).ends_with("ss")
        && r.clone().all(|i| {
            let l = c.lower(i);
            !(auxiliary(&l)
                || boundary(&l)
                || preposition(&l)
                || relative_pronoun(&l)
                || negative(&l)
                || c.verb_at(i).is_some()
                || l.ends_with("ed"))
        });
    r.len() == 1 || names || determined || compound
}

/// Words `a` and `b` with only a space, "%" or "/" between them: "85% of voters",
/// "ABC/Ipsos poll".
fn joined(c: &Clause<'_>, a: usize, b: usize) -> bool {
    c.gap(a, b)
        .chars()
        .all(|ch| ch.is_whitespace() || matches!(ch, '%' | '/'))
}
