//! The client-side search index, written at build time in small chunks so that a browser
//! fetches only what one query needs, however large the site grows.
//!
//! Everything lives under `search/`:
//! - `manifest.json`: the document count, a stamp that changes with the content (the
//!   browser adds it to every chunk URL, so a new build never mixes with cached chunks),
//!   and the first term of every term chunk;
//! - `terms/N.json`: a run of terms in sorted order, each `[term, postings]` where the
//!   postings are the pairs `doc, weight` in document order, each document number
//!   replaced by its gap from the previous one, written as Base64 VLQ (the source-map
//!   number encoding: one character for most numbers, no JSON separators);
//! - `docs/N.json`: what a result shows (URL, title, date, summary) for `DOC_CHUNK`
//!   documents in a row.
//!
//! Documents are numbered newest first, so equal scores list newer articles first.
//! `static/search.js` reads this format; the two change together.

mod counted;
mod stored;
mod terms;

use std::hash::Hasher;

use rayon::prelude::*;
use serde::Serialize;

use super::{Output, PageKind, Print, Renderer, Sink};
use crate::diag::Diagnostic;
use crate::model::ArticleId;
use crate::model::Route;
pub use stored::CountedTerms;
use stored::Postings;

/// Where the browser finds the index; the search page points `search.js` at its folder.
pub const MANIFEST: &str = "search/manifest.json";
/// Target size of one term chunk. A term whose postings alone are larger gets a chunk of
/// its own. Smaller chunks mean fewer bytes per query but a longer manifest.
const TERM_CHUNK_BYTES: usize = 16 * 1024;
/// Terms encoded together, in parallel: enough to share out, few enough that their JSON
/// is a small part of the index's memory.
const ENCODE_BATCH: usize = 1024;
/// Documents per result chunk. Kept small because a page of ten results may draw on ten
/// different chunks.
const DOC_CHUNK: usize = 10;
/// Summaries in results are cut to about this many characters.
const SUMMARY_CHARS: usize = 220;
/// Format version, bumped when `search.js` would misread an older index.
const FORMAT: u32 = 1;

/// What a result shows: URL, title, date, summary.
type DocEntry = (String, String, String, String);

fn doc_entry(r: &Renderer<'_>, a: ArticleId) -> DocEntry {
    let card = r.card_of(a);
    (
        card.url.clone(),
        card.title.clone(),
        card.date_display.clone(),
        shorten(&card.summary, SUMMARY_CHARS),
    )
}

/// Cuts `text` at a word boundary near `limit` characters, marking the cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end_matches([',', ';', ':', ' ']))
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    stamp: String,
    docs: usize,
    doc_chunk: usize,
    /// First term of each term chunk, in the order `search.js` compares strings.
    term_chunks: &'a [String],
}

/// The search index files, handed to `sink` as they are made.
pub fn index(r: &Renderer<'_>, sink: &mut dyn Sink) -> Result<(), Diagnostic> {
    let order = &r.graph.by_date;
    let earlier = r.take_search_terms();
    let keep = earlier.is_some();
    let counted::Counted {
        terms,
        postings,
        keys,
    } = counted::count(r, order, earlier)?;
    let mut out = IndexFiles {
        sink,
        stamp: fnv::FnvHasher::default(),
    };
    // Each term's postings go as they are written, into what the cache keeps if it does.
    let mut learnt = keep.then(|| CountedTerms::of_documents(keys));
    let mut firsts: Vec<String> = Vec::new();
    let mut chunk = String::new();
    let mut terms = terms.into_iter().zip(postings);
    loop {
        // Encoded in parallel a batch at a time; chunked in order.
        let batch: Vec<(String, Postings)> = terms.by_ref().take(ENCODE_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let entries: Vec<String> = batch
            .par_iter()
            .map(|(term, postings)| serde_json::to_string(&(term, encode_postings(postings))))
            .collect::<Result<_, _>>()
            .map_err(|e| Diagnostic::error(MANIFEST, e.to_string()))?;
        for ((term, postings), entry) in batch.into_iter().zip(entries) {
            if !chunk.is_empty() && chunk.len() + entry.len() > TERM_CHUNK_BYTES {
                out.term_chunk(&mut chunk, firsts.len() - 1)?;
            }
            if chunk.is_empty() {
                firsts.push(term.clone());
            }
            chunk.push(if chunk.is_empty() { '[' } else { ',' });
            chunk.push_str(&entry);
            if let Some(learnt) = &mut learnt {
                learnt.push(term, postings);
            }
        }
    }
    if !chunk.is_empty() {
        out.term_chunk(&mut chunk, firsts.len() - 1)?;
    }
    r.keep_search_terms(learnt);

    let docs: Vec<DocEntry> = order.par_iter().map(|&a| doc_entry(r, a)).collect();
    for (n, group) in docs.chunks(DOC_CHUNK).enumerate() {
        let json =
            serde_json::to_string(group).map_err(|e| Diagnostic::error(MANIFEST, e.to_string()))?;
        out.file(format!("search/docs/{n}.json"), json)?;
    }

    let manifest = Manifest {
        format: FORMAT,
        stamp: format!("{:016x}", out.stamp.finish()),
        docs: docs.len(),
        doc_chunk: DOC_CHUNK,
        term_chunks: &firsts,
    };
    let json =
        serde_json::to_string(&manifest).map_err(|e| Diagnostic::error(MANIFEST, e.to_string()))?;
    out.sink.file(Output::new(MANIFEST, json))
}

/// The index's chunk files on their way to the sink, with the stamp of all of them.
struct IndexFiles<'s> {
    sink: &'s mut dyn Sink,
    stamp: fnv::FnvHasher,
}

impl IndexFiles<'_> {
    fn file(&mut self, path: String, content: String) -> Result<(), Diagnostic> {
        self.stamp.write(path.as_bytes());
        self.stamp.write(content.as_bytes());
        self.sink.file(Output::new(path, content))
    }

    /// Closes the JSON array of term chunk `n` and hands it on, leaving `chunk` empty.
    fn term_chunk(&mut self, chunk: &mut String, n: usize) -> Result<(), Diagnostic> {
        chunk.push(']');
        self.file(format!("search/terms/{n}.json"), std::mem::take(chunk))
    }
}

/// `doc, weight, doc, weight, …`, docs ascending -> Base64 VLQ of the same numbers with
/// each doc replaced by its gap from the previous one, which keeps them short.
fn encode_postings(postings: &Postings) -> String {
    let mut encoded = Vec::new();
    let mut previous = 0;
    postings.each(|doc, weight| {
        // Writing into a Vec cannot fail.
        let _ = vlq::encode(i64::from(doc - previous), &mut encoded);
        let _ = vlq::encode(i64::from(weight), &mut encoded);
        previous = doc;
    });
    // Base64 VLQ is ASCII.
    String::from_utf8_lossy(&encoded).into_owned()
}

/// The search index's files, streamed (see `index`).
pub(in crate::render) struct SearchIndex;

impl PageKind for SearchIndex {
    fn label(&self) -> &'static str {
        "search index"
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::SearchIndex
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        super::stream_into_files(self, r, index)
    }

    /// The index holds each article's card, entities and words.
    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        for &a in &r.graph.by_date {
            print.card(a).revision(a);
            for &(e, _) in &r.graph.article_links[a].entities {
                print.entity(e);
            }
        }
    }

    fn streamed(&self) -> bool {
        true
    }

    fn stream(
        &self,
        r: &Renderer<'_>,
        _index: usize,
        sink: &mut dyn Sink,
    ) -> Result<(), Diagnostic> {
        index(r, sink)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_gaps_and_weights_in_base64_vlq() {
        // docs 3, 7, 8 with weights 1, 2, 20 -> 3 1 4 2 1 20; VLQ doubles (sign bit).
        let postings = Postings::of_pairs(vec![[3, 1], [7, 2], [8, 20]]);
        assert_eq!(encode_postings(&postings), "GCIECoB");
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        assert_eq!(shorten("one two three", 9), "one two…");
        assert_eq!(shorten("short", 9), "short");
    }
}
