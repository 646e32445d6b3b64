//! Each document's terms, counted once and kept by the build cache: a rebuild counts only
//! the articles whose indexed text changed and joins the rest from what the last build
//! counted. Counting (parsing each body, splitting and lower-casing every word) is most of
//! what the index costs.

use std::cmp::Ordering;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3Default;

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

/// Every document's counted terms, as the build cache keeps them.
#[derive(Default)]
pub struct CountedTerms {
    /// Every term some document holds, in the order `search.js` compares strings.
    terms: Vec<String>,
    /// Each document's `[term, weight, …]`, terms by their place in `terms`, keyed by a
    /// hash of everything the document was counted from (see `document_key`).
    docs: Vec<(u64, Vec<u32>)>,
}

/// `CountedTerms` in the cache's file: each document's numbers as little-endian bytes,
/// which decoding copies whole instead of reading number by number (that was most of
/// the time a rebuild took to read the file back).
#[derive(bincode::Decode)]
struct StoredTerms {
    terms: Vec<String>,
    docs: Vec<(u64, Vec<u8>)>,
}

/// `StoredTerms` as written, borrowing the terms.
#[derive(bincode::Encode)]
struct StoringTerms<'t> {
    terms: &'t [String],
    docs: Vec<(u64, Vec<u8>)>,
}

impl bincode::Encode for CountedTerms {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        let docs = self.docs.iter().map(|(key, list)| {
            let bytes = list.iter().flat_map(|n| n.to_le_bytes()).collect();
            (*key, bytes)
        });
        let stored = StoringTerms {
            terms: &self.terms,
            docs: docs.collect(),
        };
        stored.encode(encoder)
    }
}

impl<Context> bincode::Decode<Context> for CountedTerms {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let stored = StoredTerms::decode(decoder)?;
        // A list cut inside a number is a damaged file, never read in part.
        if stored.docs.iter().any(|(_, bytes)| bytes.len() % 4 != 0) {
            return Err(bincode::error::DecodeError::Other(
                "a document's counted terms end inside a number",
            ));
        }
        let numbers = |bytes: Vec<u8>| -> Vec<u32> {
            let words = bytes.chunks_exact(4);
            words
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect()
        };
        Ok(CountedTerms {
            terms: stored.terms,
            docs: stored
                .docs
                .into_iter()
                .map(|(key, bytes)| (key, numbers(bytes)))
                .collect(),
        })
    }
}

/// The index's terms with their postings.
pub(super) struct Counted {
    /// What the build cache keeps; its terms are the index's, in index order. Its
    /// documents are empty when no cache keeps them.
    pub learnt: CountedTerms,
    /// The postings of each term of `learnt.terms`: `[doc, weight, …]`, docs ascending.
    pub postings: Vec<Vec<u32>>,
}

impl Counted {
    pub fn terms(&self) -> impl Iterator<Item = (&str, &[u32])> {
        let terms = self.learnt.terms.iter().map(String::as_str);
        terms.zip(self.postings.iter().map(Vec::as_slice))
    }
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
/// document counted in `earlier` from there. Without `earlier` (no cache keeps them), the
/// documents are counted a wave at a time and each wave's terms go once its postings are
/// made: held beside the postings, every document's terms were most of the index's memory.
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
    let mut known: FxHashMap<u64, Vec<u32>> = earlier.docs.into_iter().collect();
    // Each document's terms by number in `earlier.terms`; `None` until counted.
    let mut docs: Vec<Option<Vec<u32>>> = match keep {
        true => keys.iter().map(|key| known.remove(key)).collect(),
        false => vec![None; order.len()],
    };
    drop(known);
    let missing: Vec<usize> = (0..docs.len()).filter(|&n| docs[n].is_none()).collect();

    // One numbering: the earlier terms, then each run's new ones.
    let mut terms = Dictionary::default();
    for term in &earlier.terms {
        terms.id(term);
    }
    drop(earlier.terms);
    let mut postings: Vec<Vec<u32>> = Vec::new();
    // The missing documents a wave at a time, each wave counted in parallel runs with a
    // dictionary each. Without a cache, a wave's terms go into the postings before the
    // next wave is counted: every document's terms held at once were the index's peak.
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
                match keep {
                    true => docs[n] = Some(list),
                    // Without a cache every document is counted here, in order.
                    false => add_postings(&mut postings, terms.terms.len(), n, &list),
                }
            }
        }
    }

    if keep {
        for (n, list) in docs.iter().enumerate() {
            add_postings(
                &mut postings,
                terms.terms.len(),
                n,
                list.as_deref().unwrap_or(&[]),
            );
        }
    }
    postings.resize(terms.terms.len(), Vec::new());
    let terms = terms.terms;
    // The terms some document holds, in index order; the earlier ones are in that order
    // already, so the sort has little to do.
    let mut used: Vec<u32> = (0..terms.len())
        .filter(|&t| !postings[t].is_empty())
        .filter_map(|t| u32::try_from(t).ok())
        .collect();
    used.sort_unstable_by(|&a, &b| utf16_order(&terms[a as usize], &terms[b as usize]));
    let mut place = vec![u32::MAX; terms.len()];
    for (i, &t) in (0..).zip(&used) {
        place[t as usize] = i;
    }
    let docs = keys
        .into_iter()
        .zip(docs)
        .map(|(key, list)| {
            let mut list = list.unwrap_or_default();
            renumber(&mut list, &place);
            (key, list)
        })
        .collect();
    Ok(Counted {
        learnt: CountedTerms {
            terms: used
                .iter()
                .map(|&t| terms[t as usize].to_string())
                .collect(),
            docs,
        },
        postings: used
            .iter()
            .map(|&t| std::mem::take(&mut postings[t as usize]))
            .collect(),
    })
}

/// Adds document `n`'s `[term, weight, …]` to the postings of its terms, of which there are
/// `count` so far.
fn add_postings(postings: &mut Vec<Vec<u32>>, count: usize, n: usize, list: &[u32]) {
    postings.resize(count, Vec::new());
    let doc = u32::try_from(n).unwrap_or(u32::MAX);
    for pair in list.chunks_exact(2) {
        if let Some(postings) = postings.get_mut(pair[0] as usize) {
            postings.extend([doc, pair[1]]);
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
    fn counted_terms_read_back_as_written() {
        let counted = CountedTerms {
            terms: vec!["harbour".into(), "quell".into()],
            docs: vec![(7, vec![0, 3, 1, 70_000]), (9, Vec::new())],
        };
        let config = bincode::config::standard();
        let bytes = bincode::encode_to_vec(&counted, config).unwrap();
        let (back, _): (CountedTerms, usize) = bincode::decode_from_slice(&bytes, config).unwrap();
        assert_eq!(back.terms, counted.terms);
        assert_eq!(back.docs, counted.docs);
        // A document's numbers cut inside a number are refused, not read in part.
        let cut = StoringTerms {
            terms: &counted.terms,
            docs: vec![(7, vec![1, 0, 0, 0, 2])],
        };
        let bytes = bincode::encode_to_vec(&cut, config).unwrap();
        let read: Result<(CountedTerms, usize), _> = bincode::decode_from_slice(&bytes, config);
        assert!(read.is_err());
    }

    #[test]
    fn renumbering_changes_terms_and_keeps_weights() {
        let mut list = vec![0, 5, 2, 7];
        renumber(&mut list, &[3, 9, 1]);
        assert_eq!(list, [3, 5, 1, 7]);
    }
}
