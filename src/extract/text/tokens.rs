//! Words: where each starts and ends in the plain text, with its lexicon classes.

use std::ops::Range;

use crate::extract::lexicon::{
    ABBREVIATIONS, ACRONYM, ACRONYM_STOP, Class, STOP, TEMPORAL, US_STATES, classes,
};

/// A word: letters and digits, with inner hyphens, apostrophes, dots and ampersands
/// ("al-Qaeda", "O’Neill", "U.S.", "AT&T").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    /// End of the word without a possessive `’s`.
    pub end: usize,
    /// End including a possessive `’s`, `'s` or plural `s’`.
    pub full_end: usize,
    /// The word's lexicon classes, looked up once here since every stage asks.
    pub classes: Class,
}

impl Token {
    #[cfg(test)]
    pub fn possessive(&self) -> bool {
        self.full_end > self.end
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether the word is in any of the lexicon classes `mask`.
    pub fn is(&self, mask: Class) -> bool {
        self.classes & mask != 0
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '‐')
}

/// Whether the dot at `i`, after the word from `start`, ends a sentence whose space was
/// lost: "rose.The", "PAC.Next" (a capital and a lowercase letter after it). "site.com",
/// "D-W.Va" and "St.Louis" go on: the part before the dot takes it.
fn run_on(s: &str, start: usize, i: usize, joiner: char) -> bool {
    if joiner != '.' {
        return false;
    }
    let after = s.as_bytes().get(i + 1..i + 3).unwrap_or_default();
    matches!(after, [u, l] if u.is_ascii_uppercase() && l.is_ascii_lowercase())
        && !s[start..i]
            .rsplit(|c: char| !is_word_char(c))
            .next()
            .is_some_and(takes_dot)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether `word` is written in capitals, two letters or more: "NBC", "TV", "U.N.".
pub fn is_acronym(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && !b.iter().any(u8::is_ascii_lowercase);
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !word.chars().any(char::is_lowercase)
}

/// Whether `word` is letters separated by dots: "U.S", "a.m", "U.N".
pub(super) fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// Whether a full stop after `word` belongs to it: initials, "Mr", "U.S", and "No." before
/// a number ("No. 2"), where "said no." ends its sentence.
pub(super) fn takes_dot_before(word: &str, after: &str) -> bool {
    takes_dot(word)
        || (word.eq_ignore_ascii_case("no")
            && after.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a full stop after `word` belongs to it whatever follows: initials, "Mr", "U.S".
fn takes_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || is_dotted(word) || {
        let c = classes(word);
        c & ABBREVIATIONS != 0 || (c & US_STATES != 0 && word.starts_with(char::is_uppercase))
    }
}

/// The character at byte `i` and its length, fast for ASCII.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    s[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Whether `c` is part of a word; quick for ASCII and typographic punctuation.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // Combining accents belong to the letter before them ("Pen\u{303}a" written
        // decomposed).
        !('\u{2000}'..='\u{206F}').contains(&c)
            && (c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c))
    }
}

fn alnum_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(|(c, _)| is_word_char(c))
}

/// Appends the words of `text[range]` to `out`, in order.
pub fn tokens(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let n = bytes.len();
    // Capitals mean an acronym only beside lower case, not in a headline in capitals.
    let mixed_case = bytes.iter().any(u8::is_ascii_lowercase);
    let first = out.len();
    let mut acronyms = false;
    let mut i = 0;
    while i < n {
        // Skip to the next word, byte by byte through ASCII.
        if !ASCII_WORD[usize::from(bytes[i])] {
            if bytes[i].is_ascii() {
                i += 1;
                continue;
            }
            match char_at(s, i) {
                Some((c, w)) if !is_word_char(c) => {
                    i += w;
                    continue;
                }
                _ => {}
            }
        }
        let start = i;
        loop {
            while i < n && ASCII_WORD[usize::from(bytes[i])] {
                i += 1;
            }
            let Some((d, dw)) = char_at(s, i) else {
                break;
            };
            if is_word_char(d) || (is_joiner(d) && alnum_at(s, i + dw) && !run_on(s, start, i, d)) {
                i += dw;
            } else if d == '.'
                && bytes.get(i + 1) == Some(&b'-')
                && alnum_at(s, i + 2)
                && takes_dot(&s[start..i])
            {
                // "U.S.-led": the abbreviation's dot, then a hyphen.
                i += 2;
            } else {
                break;
            }
        }
        if bytes.get(i) == Some(&b'.') && takes_dot_before(&s[start..i], &s[i + 1..]) {
            i += 1;
        }
        let word = &s[start..i];
        let mut end = i;
        if let Some(stem) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s"))
            && !stem.is_empty()
        {
            end = start + stem.len();
        } else if word.ends_with('s')
            && let Some((a, aw)) = char_at(s, i)
            && is_apostrophe(a)
            && !alnum_at(s, i + aw)
        {
            i += aw;
        }
        let word = &s[start..end];
        let mut word_classes = classes(word);
        if mixed_case && word_classes & STOP != 0 && capitals(word) {
            word_classes = word_classes & (ACRONYM_STOP | TEMPORAL) | ACRONYM;
            acronyms = true;
        }
        out.push(Token {
            start: base + start,
            end: base + end,
            full_end: base + i,
            classes: word_classes,
        });
    }
    // A run of words in capitals is a label or a headline ("NOW OPEN—"), whose small words
    // are the common ones.
    if !acronyms {
        return;
    }
    let block = &mut out[first..];
    for k in 0..block.len() {
        let beside_capitals = |j: Option<usize>| {
            j.and_then(|j| block.get(j))
                .is_some_and(|t| capitals(t.text(text)))
        };
        if block[k].is(ACRONYM)
            && (beside_capitals(k.checked_sub(1)) || beside_capitals(Some(k + 1)))
        {
            block[k].classes = classes(block[k].text(text));
        }
    }
}

/// Whether `word` is two or more ASCII capitals and nothing else ("WHO", "US").
fn capitals(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// ASCII letters and digits, by byte, for the tokenizer's inner loops.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};
