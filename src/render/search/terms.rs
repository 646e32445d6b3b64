//! Terms as the index stores them, and one run of documents counted with them.

use pulldown_cmark::{Event, TagEnd};
use rustc_hash::FxHashMap;

use crate::extract::parser_options;

/// Terms longer than this are not indexed (and not searched for).
const MAX_TERM_CHARS: usize = 32;

/// Calls `found` with each word of `text` as the index stores it: lower-cased runs of
/// letters and digits, two to `MAX_TERM_CHARS` characters long, and each run of Chinese,
/// Japanese or Korean characters (see `is_cjk`) as its overlapping pairs, or alone when it
/// is one character. `search.js` splits a query the same way. `scratch` holds lower-cased
/// words, so most words cost no allocation.
fn each_term(text: &str, scratch: &mut String, mut found: impl FnMut(&str)) {
    for run in text.split(|c: char| !c.is_alphanumeric()) {
        if run.is_ascii() {
            each_word_term(run, scratch, &mut found);
            continue;
        }
        for (part, cjk) in cjk_parts(run) {
            match cjk {
                true => each_pair(part, &mut found),
                false => each_word_term(part, scratch, &mut found),
            }
        }
    }
}

/// Chinese, Japanese and Korean letters: written without spaces between words, so no
/// split finds their words. The same ranges as `CJK` in `search.js`.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'     // Hangul jamo
        | '\u{3005}'..='\u{3007}'   // 々 〆 〇
        | '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{3130}'..='\u{318f}'   // Hangul compatibility jamo
        | '\u{31f0}'..='\u{31ff}'   // katakana extensions
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{ac00}'..='\u{d7af}'   // Hangul syllables
        | '\u{f900}'..='\u{faff}'   // CJK compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}'   // half-width katakana
        | '\u{20000}'..='\u{2ffff}' // CJK extensions B and later
    )
}

/// A run of letters cut where it turns from CJK to other letters and back: (part, is CJK).
fn cjk_parts(run: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = run;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let cjk = is_cjk(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_cjk(c) != cjk)
            .map_or(rest.len(), |(i, _)| i);
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some((part, cjk))
    })
}

/// Each pair of neighbouring characters of a CJK run, or the run when it is one character:
/// "脆弱性" is "脆弱" and "弱性", and a query for it finds the texts holding both.
fn each_pair(run: &str, found: &mut impl FnMut(&str)) {
    let mut bounds = run.char_indices().map(|(i, _)| i).chain([run.len()]);
    let (Some(mut start), Some(mut middle)) = (bounds.next(), bounds.next()) else {
        return;
    };
    if middle == run.len() {
        found(run);
    }
    for end in bounds {
        found(&run[start..end]);
        (start, middle) = (middle, end);
    }
}

/// One word without CJK letters as the index stores it, when its length is one to store.
fn each_word_term(word: &str, scratch: &mut String, found: &mut impl FnMut(&str)) {
    let term = if !word.is_ascii() {
        *scratch = word.to_lowercase();
        if !(2..=MAX_TERM_CHARS).contains(&scratch.chars().count()) {
            return;
        }
        scratch.as_str()
    } else if !(2..=MAX_TERM_CHARS).contains(&word.len()) {
        return;
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        scratch.clear();
        scratch.push_str(word);
        scratch.make_ascii_lowercase();
        scratch.as_str()
    } else {
        word
    };
    found(term);
}

/// Terms numbered in the order first seen, each stored once.
#[derive(Default)]
pub(super) struct Dictionary {
    ids: FxHashMap<Box<str>, u32>,
    pub terms: Vec<Box<str>>,
}

impl Dictionary {
    /// The number of `term`, allocating the term only the first time it is seen.
    pub(super) fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.into(), id);
        self.terms.push(term.into());
        id
    }
}

/// One document's terms being counted.
#[derive(Default)]
pub(super) struct Document {
    /// Term number -> weight in this document so far.
    weights: Vec<u32>,
    /// The term numbers with a weight, in the order first seen.
    seen: Vec<u32>,
    scratch: String,
}

impl Document {
    /// Adds the terms of `text` with `weight` each, plus the ASCII folding of any term with
    /// accents (`genève` also as `geneve`), so a query finds it with or without them.
    pub fn add(&mut self, dictionary: &mut Dictionary, text: &str, weight: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        each_term(text, &mut scratch, |term| {
            if !term.is_ascii() && !term.starts_with(is_cjk) {
                let folded = deunicode::deunicode(term).to_lowercase();
                if folded.len() >= 2 && folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    self.count(dictionary.id(&folded), weight);
                }
            }
            self.count(dictionary.id(term), weight);
        });
        self.scratch = scratch;
    }

    fn count(&mut self, id: u32, weight: u32) {
        let at = id as usize;
        if at >= self.weights.len() {
            self.weights.resize(at + 1, 0);
        }
        if self.weights[at] == 0 {
            self.seen.push(id);
        }
        self.weights[at] += weight;
    }

    /// The document's terms with their summed weights, as `[term, weight, …]` in the
    /// order first seen; the next document starts empty.
    pub fn finish(&mut self) -> Vec<u32> {
        let mut pairs = Vec::with_capacity(2 * self.seen.len());
        for id in self.seen.drain(..) {
            let weight = std::mem::take(&mut self.weights[id as usize]);
            pairs.extend([id, weight]);
        }
        pairs
    }
}

/// The readable text of a Markdown body: words, code and link text, without markup or
/// raw HTML.
pub(super) fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in pulldown_cmark::Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(end) if !is_inline(end) => text.push(' '),
            _ => {}
        }
    }
    text
}

fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_terms(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        each_term(text, &mut String::new(), |term| {
            found.push(term.to_string())
        });
        found
    }

    /// A finished document's terms as `(term, weight)`.
    fn named<'d>(dictionary: &'d Dictionary, pairs: &[u32]) -> Vec<(&'d str, u32)> {
        pairs
            .chunks_exact(2)
            .map(|pair| (&*dictionary.terms[pair[0] as usize], pair[1]))
            .collect()
    }

    #[test]
    fn a_document_counts_each_term_once_with_its_summed_weight() {
        let mut dictionary = Dictionary::default();
        let mut document = Document::default();
        document.add(&mut dictionary, "Truce talks", 3);
        document.add(&mut dictionary, "truce", 1);
        let first = document.finish();
        document.add(&mut dictionary, "talks", 1);
        let second = document.finish();
        assert_eq!(named(&dictionary, &first), [("truce", 4), ("talks", 3)]);
        assert_eq!(named(&dictionary, &second), [("talks", 1)]);
    }

    #[test]
    fn terms_are_lowercase_words_of_two_or_more_characters() {
        let found = all_terms("Hezbollah’s 21-day truce, a U.N. plan; Genève");
        assert_eq!(found, ["hezbollah", "21", "day", "truce", "plan", "genève"]);
    }

    #[test]
    fn chinese_japanese_and_korean_runs_are_indexed_as_overlapping_pairs() {
        assert_eq!(all_terms("脆弱性"), ["脆弱", "弱性"]);
        assert_eq!(
            all_terms("Apple社の脆弱性、CVE-2024を修正"),
            [
                "apple", "社の", "の脆", "脆弱", "弱性", "cve", "2024", "を修", "修正"
            ]
        );
        assert_eq!(all_terms("北京 市"), ["北京", "市"]);
        assert_eq!(all_terms("서울에서 회담"), ["서울", "울에", "에서", "회담"]);
        assert_eq!(all_terms("ｶﾀｶﾅ"), ["ｶﾀ", "ﾀｶ", "ｶﾅ"]);
        // Extension B, outside the basic plane: pairs are cut at characters, not bytes.
        assert_eq!(all_terms("𠀋𠀌x"), ["𠀋𠀌"]);
    }

    #[test]
    fn cjk_pairs_are_not_folded_to_latin_letters() {
        let mut dictionary = Dictionary::default();
        let mut document = Document::default();
        document.add(&mut dictionary, "한국 Genève", 1);
        let pairs = document.finish();
        let terms: Vec<&str> = named(&dictionary, &pairs).iter().map(|(t, _)| *t).collect();
        assert_eq!(terms, ["한국", "geneve", "genève"]);
    }

    #[test]
    fn accented_terms_are_also_indexed_without_accents() {
        let mut dictionary = Dictionary::default();
        let mut document = Document::default();
        document.add(&mut dictionary, "Genève and Geneva", 2);
        let pairs = document.finish();
        assert_eq!(
            named(&dictionary, &pairs),
            [("geneve", 2), ("genève", 2), ("and", 2), ("geneva", 2)]
        );
    }

    #[test]
    fn plain_text_drops_markup_and_keeps_words_apart() {
        let text = plain_text(
            "# Title\n\nSome *emphasised*word and [a link](/x/).\n\n- one\n- two\n\n<b>raw</b>",
        );
        let words = all_terms(&text);
        assert_eq!(
            words,
            [
                "title",
                "some",
                "emphasisedword",
                "and",
                "link",
                "one",
                "two",
                "raw"
            ]
        );
    }
}
