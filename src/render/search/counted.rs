//! Each document's terms, counted once and kept by the build cache: a rebuild counts only
//! the articles whose indexed text changed and joins the rest from what the last build
//! counted. Counting (parsing each body, splitting and lower-casing every word) is most of
//! what the index costs.

use std::cmp::Ordering;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3Default;

use super::CountedTerms;
use super::stored::{Postings, Renumbering};
use super::terms::{Dictionary, Document, plain_text};
use crate::diag::Diagnostic;
use crate::model::ArticleId;
use crate::render::Renderer;

/// How much one occurrence counts, by where it is.
const TITLE_WEIGHT: u32 = 10;
const ENTITY_WEIGHT: u32 = 6;
const TAG_WEIGHT: u32 = 4;
const SUMMARY_WEIGHT: u32 = 3;
const TEXT_WEIGHT: u32 = 1;
/// Documents counted before their terms are joined into the postings (see `count`).
const WAVE: usize = 4096;
/// Changes whenever counting would count the same text differently, so that terms counted
/// by an older rule are never found.
const COUNTING: &[u8] = b"search counting 2";

/// The index's terms with their postings.
pub(super) struct Counted {
    /// Every term some document holds, in index order.
    pub terms: Vec<String>,
    /// The postings of each term of `terms`.
    pub postings: Vec<Postings>,
    /// Each document's key (see `document_key`), when a cache keeps the terms.
    pub keys: Vec<u64>,
}

/// Calls `add` with each text the index holds of article `a` besides its body (which
/// follows them, with `TEXT_WEIGHT`), with its weight.
fn each_field(r: &Renderer<'_>, a: ArticleId, mut add: impl FnMut(&str, u32)) {
    let links = &r.graph.article_links[a];
    add(&r.site.articles[a].front.title, TITLE_WEIGHT);
    add(&r.facts[a].summary, SUMMARY_WEIGHT);
    for &(e, _) in &links.entities {
        let entity = &r.graph.entities[e];
        add(&entity.name, ENTITY_WEIGHT);
        for alias in &entity.aliases {
            add(alias, ENTITY_WEIGHT);
        }
    }
    for &t in &links.tags {
        add(&r.graph.tags[t].name, TAG_WEIGHT);
    }
}

/// What identifies a document's terms: every text they are counted from, with its weight.
/// The body is known by the hash of its file and where in it the body starts, so that a
/// build that has let the texts go reads only the bodies it counts.
fn document_key(r: &Renderer<'_>, a: ArticleId) -> u64 {
    let mut hasher = Xxh3Default::new();
    hasher.update(COUNTING);
    each_field(r, a, |text, weight| {
        hasher.update(&weight.to_le_bytes());
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    });
    let article = &r.site.articles[a];
    hasher.update(&TEXT_WEIGHT.to_le_bytes());
    hasher.update(&article.text.key().to_le_bytes());
    hasher.update(&(article.body_offset as u64).to_le_bytes());
    hasher.digest()
}

/// Counts the terms of article `a` into `document`.
fn count_article(
    dictionary: &mut Dictionary,
    document: &mut Document,
    r: &Renderer,
    a: ArticleId,
) -> Result<(), Diagnostic> {
    each_field(r, a, |text, weight| document.add(dictionary, text, weight));
    let body = r.site.articles[a].read_body(&r.site.root)?;
    document.add(dictionary, &plain_text(&body), TEXT_WEIGHT);
    Ok(())
}

/// The terms of the documents `order` (document `n` is article `order[n]`), taking each
/// document counted in `earlier` from there. The missing documents are counted a wave at
/// a time and each wave's terms go once its postings are made: held beside the postings,
/// every document's terms were most of the index's memory.
pub(super) fn count(
    r: &Renderer<'_>,
    order: &[ArticleId],
    earlier: Option<CountedTerms>,
) -> Result<Counted, Diagnostic> {
    let keep = earlier.is_some();
    let earlier = earlier.unwrap_or_default();
    let keys: Vec<u64> = match keep {
        true => order.par_iter().map(|&a| document_key(r, a)).collect(),
        false => Vec::new(),
    };
    // Earlier terms that cannot be read whole are counted again, every one.
    let (earlier_postings, counted) = postings_of(&earlier, &keys, order.len())
        .unwrap_or_else(|| (Vec::new(), vec![false; order.len()]));
    let missing: Vec<usize> = (0..order.len()).filter(|&n| !counted[n]).collect();
    drop(counted);

    // One numbering: the earlier terms, then each run's new ones.
    let mut terms = Dictionary::default();
    for term in earlier.terms() {
        terms.id(term);
    }
    drop(earlier);
    // The postings of the documents counted now, in order.
    let mut postings: Vec<Postings> = Vec::new();
    // The missing documents a wave at a time, each wave counted in parallel runs with a
    // dictionary each, and its terms put into the postings before the next is counted.
    for wave in missing.chunks(WAVE) {
        let run_length = wave.len().div_ceil(4 * rayon::current_num_threads()).max(1);
        let counted: Vec<(Dictionary, Vec<Vec<u32>>)> = wave
            .par_chunks(run_length)
            .map(|run| {
                let mut dictionary = Dictionary::default();
                let mut document = Document::default();
                let lists = run
                    .iter()
                    .map(|&n| {
                        count_article(&mut dictionary, &mut document, r, order[n])?;
                        Ok(document.finish())
                    })
                    .collect::<Result<_, Diagnostic>>()?;
                Ok((dictionary, lists))
            })
            .collect::<Result<_, Diagnostic>>()?;
        let mut fresh = wave.iter();
        for (dictionary, lists) in counted {
            let numbers: Vec<u32> = dictionary.terms.iter().map(|t| terms.id(t)).collect();
            drop(dictionary);
            for (mut list, &n) in lists.into_iter().zip(fresh.by_ref()) {
                renumber(&mut list, &numbers);
                add_postings(&mut postings, terms.terms.len(), n, &list);
            }
        }
    }
    postings.resize_with(terms.terms.len(), Postings::default);
    let mut earlier_postings = earlier_postings;
    earlier_postings.resize_with(postings.len(), Postings::default);
    let mut postings: Vec<Postings> = (earlier_postings.into_par_iter())
        .zip(postings)
        .map(|(earlier, now)| earlier.merge(now))
        .collect();

    let mut terms = terms.terms;
    // The terms some document holds, in index order; the earlier ones are in that order
    // already, so the sort has little to do.
    let mut used: Vec<u32> = (0..terms.len())
        .filter(|&t| !postings[t].is_empty())
        .filter_map(|t| u32::try_from(t).ok())
        .collect();
    used.sort_unstable_by(|&a, &b| utf16_order(&terms[a as usize], &terms[b as usize]));
    Ok(Counted {
        terms: used
            .iter()
            .map(|&t| std::mem::take(&mut terms[t as usize]).into_string())
            .collect(),
        postings: used
            .iter()
            .map(|&t| std::mem::take(&mut postings[t as usize]))
            .collect(),
        keys,
    })
}

/// The postings of the terms of `earlier`, with each document still here as it was
/// counted (its key among `keys`) numbered as it is now, and which of the `docs`
/// documents they hold. Of documents with the same key, the first takes the earlier terms.
/// None when a term's postings cannot be read whole.
fn postings_of(
    earlier: &CountedTerms,
    keys: &[u64],
    docs: usize,
) -> Option<(Vec<Postings>, Vec<bool>)> {
    let mut now: FxHashMap<u64, u32> = FxHashMap::default();
    for (n, &key) in keys.iter().enumerate().rev() {
        now.insert(key, u32::try_from(n).unwrap_or(u32::MAX));
    }
    let mut counted = vec![false; docs];
    let moved: Vec<u32> = earlier
        .keys()
        .iter()
        .map(|key| {
            let n = now.remove(key)?;
            *counted.get_mut(n as usize)? = true;
            Some(n)
        })
        .map(|n| n.unwrap_or(u32::MAX))
        .collect();
    drop(now);
    let order = Renumbering::of(&moved);
    let postings = (0..earlier.terms().len())
        .into_par_iter()
        .map(|t| earlier.renumbered(t, &moved, order))
        .collect::<Option<_>>()?;
    Some((postings, counted))
}

/// Adds document `n`'s `[term, weight, …]` to the postings of its terms, of which there are
/// `count` so far.
fn add_postings(postings: &mut Vec<Postings>, count: usize, n: usize, list: &[u32]) {
    postings.resize_with(count, Postings::default);
    let doc = u32::try_from(n).unwrap_or(u32::MAX);
    for pair in list.chunks_exact(2) {
        if let Some(postings) = postings.get_mut(pair[0] as usize) {
            postings.push(doc, pair[1]);
        }
    }
}

/// Replaces each term number of `[term, weight, …]` by its number in `numbers`.
fn renumber(list: &mut [u32], numbers: &[u32]) {
    for pair in list.chunks_exact_mut(2) {
        pair[0] = numbers.get(pair[0] as usize).copied().unwrap_or(u32::MAX);
    }
}

/// The order in which JavaScript compares strings: by UTF-16 code units, so that the
/// browser's binary search over chunk boundaries agrees with the build. It is the order
/// of the UTF-8 bytes unless both strings hold letters beyond U+E000, so ASCII terms, most
/// of them, are compared as bytes.
fn utf16_order(a: &str, b: &str) -> Ordering {
    if a.is_ascii() || b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_ordered_as_javascript_compares_strings() {
        let mut words = ["b", "a", "\u{ff61}", "\u{10000}", "é", "ab"];
        words.sort_by(|a, b| utf16_order(a, b));
        // U+10000 is a surrogate pair (D800 DC00) in UTF-16, before U+FF61.
        assert_eq!(words, ["a", "ab", "b", "é", "\u{10000}", "\u{ff61}"]);
    }

    #[test]
    fn renumbering_changes_terms_and_keeps_weights() {
        let mut list = vec![0, 5, 2, 7];
        renumber(&mut list, &[3, 9, 1]);
        assert_eq!(list, [3, 5, 1, 7]);
    }
}
