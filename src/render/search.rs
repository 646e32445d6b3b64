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

use std::hash::Hasher;

use pulldown_cmark::{Event, TagEnd};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Output, PageKind, Print, Renderer, Sink};
use crate::diag::Diagnostic;
use crate::extract::parser_options;
use crate::model::ArticleId;
use crate::model::Route;

/// Where the browser finds the index; the search page points `search.js` at its folder.
pub const MANIFEST: &str = "search/manifest.json";
/// Target size of one term chunk. A term whose postings alone are larger gets a chunk of
/// its own. Smaller chunks mean fewer bytes per query but a longer manifest.
const TERM_CHUNK_BYTES: usize = 16 * 1024;
/// Documents per result chunk. Kept small because a page of ten results may draw on ten
/// different chunks.
const DOC_CHUNK: usize = 10;
/// Summaries in results are cut to about this many characters.
const SUMMARY_CHARS: usize = 220;
/// Terms longer than this are not indexed (and not searched for).
const MAX_TERM_CHARS: usize = 32;
/// How much one occurrence counts, by where it is.
const TITLE_WEIGHT: u32 = 10;
const ENTITY_WEIGHT: u32 = 6;
const TAG_WEIGHT: u32 = 4;
const SUMMARY_WEIGHT: u32 = 3;
const TEXT_WEIGHT: u32 = 1;
/// Format version, bumped when `search.js` would misread an older index.
const FORMAT: u32 = 1;

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

/// The postings of a run of consecutive documents: each term with its `[doc, weight, …]`
/// pairs, docs ascending. Runs are built in parallel, then joined in document order.
#[derive(Default)]
struct Postings {
    ids: FxHashMap<Box<str>, usize>,
    lists: Vec<(Box<str>, Vec<u32>)>,
}

impl Postings {
    /// The number of `term`, allocating the term only the first time it is seen.
    fn id(&mut self, term: &str) -> usize {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.lists.len();
        self.ids.insert(term.into(), id);
        self.lists.push((term.into(), Vec::new()));
        id
    }
}

/// One document's terms being counted.
#[derive(Default)]
struct Document {
    /// Term number -> weight in this document so far.
    weights: Vec<u32>,
    /// The term numbers with a weight, in the order first seen.
    seen: Vec<usize>,
    scratch: String,
}

impl Document {
    /// Adds the terms of `text` with `weight` each, plus the ASCII folding of any term with
    /// accents (`genève` also as `geneve`), so a query finds it with or without them.
    fn add(&mut self, postings: &mut Postings, text: &str, weight: u32) {
        let mut scratch = std::mem::take(&mut self.scratch);
        each_term(text, &mut scratch, |term| {
            if !term.is_ascii() && !term.starts_with(is_cjk) {
                let folded = deunicode::deunicode(term).to_lowercase();
                if folded.len() >= 2 && folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    self.count(postings.id(&folded), weight);
                }
            }
            self.count(postings.id(term), weight);
        });
        self.scratch = scratch;
    }

    fn count(&mut self, id: usize, weight: u32) {
        if id >= self.weights.len() {
            self.weights.resize(id + 1, 0);
        }
        if self.weights[id] == 0 {
            self.seen.push(id);
        }
        self.weights[id] += weight;
    }

    /// Records the counted weights as document `doc` and starts the next document.
    fn finish(&mut self, postings: &mut Postings, doc: u32) {
        for id in self.seen.drain(..) {
            postings.lists[id].1.extend([doc, self.weights[id]]);
            self.weights[id] = 0;
        }
    }
}

/// The readable text of a Markdown body: words, code and link text, without markup or
/// raw HTML.
fn plain_text(markdown: &str) -> String {
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

/// Counts every term of one article, by where it occurs.
fn add_article(postings: &mut Postings, document: &mut Document, r: &Renderer<'_>, a: ArticleId) {
    let article = &r.site.articles[a];
    let links = &r.graph.article_links[a];
    let mut add = |text: &str, weight: u32| document.add(postings, text, weight);
    add(&article.front.title, TITLE_WEIGHT);
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
    add(&plain_text(article.body()), TEXT_WEIGHT);
}

/// The postings of documents `first..` (articles `run`, in document order).
fn run_postings(r: &Renderer<'_>, first: usize, run: &[ArticleId]) -> Postings {
    let mut postings = Postings::default();
    let mut document = Document::default();
    for (i, &a) in run.iter().enumerate() {
        add_article(&mut postings, &mut document, r, a);
        document.finish(&mut postings, u32::try_from(first + i).unwrap_or(u32::MAX));
    }
    postings
}

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
    let run_length = order
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(1);
    let runs: Vec<Postings> = order
        .par_chunks(run_length)
        .enumerate()
        .map(|(n, run)| run_postings(r, n * run_length, run))
        .collect();
    // Each term with its postings from each run, in document order: the runs' lists are
    // joined as they are encoded, never copied into one.
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    let mut terms: Vec<(&str, Vec<&[u32]>)> = Vec::new();
    for run in &runs {
        for (term, list) in &run.lists {
            let term: &str = term;
            let id = *ids.entry(term).or_insert_with(|| {
                terms.push((term, Vec::new()));
                terms.len() - 1
            });
            terms[id].1.push(list);
        }
    }
    drop(ids);
    // JavaScript compares strings by UTF-16 code units; sort the same way so the
    // browser's binary search over chunk boundaries agrees with the build.
    terms.sort_by_cached_key(|(term, _)| term.encode_utf16().collect::<Vec<u16>>());

    let mut out = IndexFiles {
        sink,
        stamp: fnv::FnvHasher::default(),
    };
    let mut firsts: Vec<String> = Vec::new();
    let mut chunk = String::new();
    for (term, lists) in terms {
        let entry = serde_json::to_string(&(term, encode_postings(&lists)))
            .map_err(|e| Diagnostic::error(MANIFEST, e.to_string()))?;
        if !chunk.is_empty() && chunk.len() + entry.len() > TERM_CHUNK_BYTES {
            out.term_chunk(&mut chunk, firsts.len() - 1)?;
        }
        if chunk.is_empty() {
            firsts.push(term.to_string());
        }
        chunk.push(if chunk.is_empty() { '[' } else { ',' });
        chunk.push_str(&entry);
    }
    if !chunk.is_empty() {
        out.term_chunk(&mut chunk, firsts.len() - 1)?;
    }
    drop(runs);

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

/// `[doc, weight, doc, weight, …]` in lists that follow one another, docs ascending -> Base64 VLQ of the same numbers
/// with each doc replaced by its gap from the previous one, which keeps them short.
fn encode_postings(lists: &[&[u32]]) -> String {
    let mut encoded = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
    let mut previous = 0;
    for pair in lists.iter().flat_map(|list| list.chunks_exact(2)) {
        let (doc, weight) = (pair[0], pair[1]);
        // Writing into a Vec cannot fail.
        let _ = vlq::encode(i64::from(doc - previous), &mut encoded);
        let _ = vlq::encode(i64::from(weight), &mut encoded);
        previous = doc;
    }
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
        let mut files = Vec::new();
        self.stream(r, index, &mut files).map(|()| files)
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

    fn all_terms(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        each_term(text, &mut String::new(), |term| {
            found.push(term.to_string())
        });
        found
    }

    fn term_lists(postings: &Postings) -> Vec<(&str, &[u32])> {
        postings
            .lists
            .iter()
            .map(|(term, list)| (&**term, list.as_slice()))
            .collect()
    }

    #[test]
    fn a_document_counts_each_term_once_with_its_summed_weight() {
        let mut postings = Postings::default();
        let mut document = Document::default();
        document.add(&mut postings, "Truce talks", 3);
        document.add(&mut postings, "truce", 1);
        document.finish(&mut postings, 0);
        document.add(&mut postings, "talks", 1);
        document.finish(&mut postings, 1);
        let lists = term_lists(&postings);
        assert_eq!(lists, [("truce", &[0, 4][..]), ("talks", &[0, 3, 1, 1])]);
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
        let mut postings = Postings::default();
        let mut document = Document::default();
        document.add(&mut postings, "한국 Genève", 1);
        document.finish(&mut postings, 0);
        let terms: Vec<&str> = term_lists(&postings).iter().map(|(t, _)| *t).collect();
        assert_eq!(terms, ["한국", "geneve", "genève"]);
    }

    #[test]
    fn accented_terms_are_also_indexed_without_accents() {
        let mut postings = Postings::default();
        let mut document = Document::default();
        document.add(&mut postings, "Genève and Geneva", 2);
        document.finish(&mut postings, 7);
        let lists = term_lists(&postings);
        assert_eq!(
            lists,
            [
                ("geneve", &[7, 2][..]),
                ("genève", &[7, 2]),
                ("and", &[7, 2]),
                ("geneva", &[7, 2])
            ]
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

    #[test]
    fn postings_are_gaps_and_weights_in_base64_vlq() {
        // docs 3, 7, 8 with weights 1, 2, 20 -> 3 1 4 2 1 20; VLQ doubles (sign bit).
        assert_eq!(encode_postings(&[&[3, 1, 7, 2], &[8, 20]]), "GCIECoB");
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        assert_eq!(shorten("one two three", 9), "one two…");
        assert_eq!(shorten("short", 9), "short");
    }
}
