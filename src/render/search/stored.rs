//! Postings as the index makes them and the build cache keeps them: each term's `doc,
//! weight` pairs as variable-length numbers, the doc as its gap from the previous one
//! (about 2 bytes a pair, where two `u32` took 8: the postings were the index's peak).
//! The cache keeps the index's own postings beside the key of each document: by term
//! rather than by document, so a build that keeps them holds nothing more than one that
//! does not, and a rebuild renumbers them into its postings without turning documents
//! into terms.

use std::ops::Range;

/// Every document's counted terms, as the build cache keeps them. The lists are checked
/// as they are renumbered (see `renumbered`), not when read: each check is a pass over
/// every posting, and a rebuild makes one anyway.
#[derive(Default, bincode::Encode, bincode::Decode)]
pub struct CountedTerms {
    /// The key of each document (see `counted::document_key`), by its number.
    keys: Vec<u64>,
    /// Every term some document holds, in index order.
    terms: Vec<String>,
    /// Each term's postings' bytes (see `Postings`).
    lists: Vec<Box<[u8]>>,
}

impl CountedTerms {
    /// An empty set for the documents of `keys`, to which `push` adds the terms.
    pub(super) fn of_documents(keys: Vec<u64>) -> CountedTerms {
        CountedTerms {
            keys,
            ..CountedTerms::default()
        }
    }

    /// Adds `term` with its postings; terms come in index order.
    pub(super) fn push(&mut self, term: String, postings: Postings) {
        self.terms.push(term);
        self.lists.push(postings.bytes.into_boxed_slice());
    }

    pub(super) fn keys(&self) -> &[u64] {
        &self.keys
    }

    pub(super) fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Term `t`'s postings with each document `doc` numbered `moved[doc]` now (one number
    /// per earlier document), leaving out those moved to `u32::MAX` (gone or counted
    /// again). A rebuild usually keeps the documents in their order, often with the same
    /// numbers: then the pairs need no sorting, and runs of them are copied as they are
    /// (see `Splice`). None when the list is not what `push` makes (a number cut short, a
    /// doc not after the one before or past the last, no list for the term): read in
    /// part, it would lose documents from the index unnoticed.
    pub(super) fn renumbered(
        &self,
        t: usize,
        moved: &[u32],
        order: Renumbering,
    ) -> Option<Postings> {
        let list: &[u8] = self.lists.get(t)?;
        let now = |doc: u32| moved.get(doc as usize).copied();
        if order != Renumbering::Any {
            let mut splice = Splice::default();
            let mut end = 0;
            for (was, weight, at) in pairs_at(list) {
                end = at.end;
                match now(was)? {
                    u32::MAX => {}
                    doc => splice.take(list, at, was, doc, weight),
                }
            }
            return (end == list.len()).then(|| splice.finish());
        }
        let mut pairs = Vec::new();
        let mut inside = true;
        let whole = take_pairs(list, |doc, weight| match now(doc) {
            None => inside = false,
            Some(u32::MAX) => {}
            Some(n) => pairs.push([n, weight]),
        });
        (whole && inside).then(|| Postings::of_pairs(pairs))
    }
}

/// How the documents a rebuild keeps are numbered now against before (see `renumbered`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Renumbering {
    /// Each kept document has its number still.
    Same,
    /// The kept documents are in their order still.
    InOrder,
    Any,
}

impl Renumbering {
    /// How `moved` (each earlier document's number now, `u32::MAX` when it is not kept)
    /// renumbers.
    pub(super) fn of(moved: &[u32]) -> Renumbering {
        let kept = || moved.iter().enumerate().filter(|(_, n)| **n != u32::MAX);
        if kept().all(|(was, &n)| n as usize == was) {
            return Renumbering::Same;
        }
        let numbers: Vec<u32> = kept().map(|(_, &n)| n).collect();
        match numbers.windows(2).all(|w| w[0] < w[1]) {
            true => Renumbering::InOrder,
            false => Renumbering::Any,
        }
    }
}

/// One term's postings: its documents with their weights, in document order.
#[derive(Default)]
pub(super) struct Postings {
    bytes: Vec<u8>,
    last: Option<u32>,
}

impl Postings {
    /// Adds `doc`, which comes after every document here, with `weight`.
    pub fn push(&mut self, doc: u32, weight: u32) {
        let gap = self.last.map_or(doc, |last| doc.saturating_sub(last));
        put_number(&mut self.bytes, gap);
        put_number(&mut self.bytes, weight);
        self.last = Some(doc);
    }

    /// Postings of `pairs` (`[doc, weight]`, each doc once), in any order.
    pub fn of_pairs(mut pairs: Vec<[u32; 2]>) -> Postings {
        if !pairs.is_sorted_by_key(|pair| pair[0]) {
            pairs.sort_unstable_by_key(|pair| pair[0]);
        }
        let mut postings = Postings::default();
        for [doc, weight] in pairs {
            postings.push(doc, weight);
        }
        postings
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Calls `each(doc, weight)` for each document, in order.
    pub fn each(&self, each: impl FnMut(u32, u32)) {
        let _whole = take_pairs(&self.bytes, each);
    }

    /// The postings of both, which hold different documents.
    pub fn merge(self, other: Postings) -> Postings {
        if other.is_empty() {
            return self;
        }
        if self.is_empty() {
            return other;
        }
        // Both are in document order: one pass merges them.
        let mut splice = Splice::default();
        let mut theirs = pairs_at(&other.bytes).peekable();
        for (doc, weight, at) in pairs_at(&self.bytes) {
            while let Some((before, w, their_at)) = theirs.next_if(|pair| pair.0 < doc) {
                splice.take(&other.bytes, their_at, before, before, w);
            }
            splice.take(&self.bytes, at, doc, doc, weight);
        }
        for (doc, weight, at) in theirs {
            splice.take(&other.bytes, at, doc, doc, weight);
        }
        splice.finish()
    }
}

/// Postings made of pairs of other lists, in document order. A pair's gap is from the pair
/// before it, so a run of pairs that follow each other in one list, their numbers all moved
/// by the same amount, keeps its bytes: they are copied, not decoded and encoded again. An
/// edited article holds the commonest words, whose lists hold most documents, and only
/// the pairs around it change.
#[derive(Default)]
struct Splice<'s> {
    made: Postings,
    run: Option<Run<'s>>,
}

/// Pairs to copy: where they are in their list, and how far their numbers move.
struct Run<'s> {
    list: &'s [u8],
    bytes: Range<usize>,
    shift: i64,
}

impl<'s> Splice<'s> {
    /// Adds the pair at `at` in `list`, document `was` there and `doc` here, with `weight`.
    fn take(&mut self, list: &'s [u8], at: Range<usize>, was: u32, doc: u32, weight: u32) {
        let shift = i64::from(doc) - i64::from(was);
        if let Some(run) = &mut self.run
            && run.list.as_ptr() == list.as_ptr()
            && run.bytes.end == at.start
            && run.shift == shift
        {
            run.bytes.end = at.end;
            self.made.last = Some(doc);
            return;
        }
        self.copy_run();
        self.made.push(doc, weight);
        self.run = Some(Run {
            list,
            bytes: at.end..at.end,
            shift,
        });
    }

    fn copy_run(&mut self) {
        if let Some(run) = self.run.take() {
            self.made.bytes.extend_from_slice(&run.list[run.bytes]);
        }
    }

    fn finish(mut self) -> Postings {
        self.copy_run();
        self.made
    }
}

/// Each pair of `bytes` (see `Postings`) as `(doc, weight, where its bytes are)`, up to the
/// first that is cut short or out of order.
fn pairs_at(bytes: &[u8]) -> impl Iterator<Item = (u32, u32, Range<usize>)> + '_ {
    let mut rest = bytes;
    let mut previous: Option<u32> = None;
    std::iter::from_fn(move || {
        let start = bytes.len() - rest.len();
        let (gap, weight) = take_pair(&mut rest)?;
        let doc = match previous {
            None => gap,
            Some(_) if gap == 0 => return None,
            Some(p) => p.checked_add(gap)?,
        };
        previous = Some(doc);
        Some((doc, weight, start..bytes.len() - rest.len()))
    })
}

/// Calls `each(doc, weight)` for each pair of `bytes` (see `Postings`); false, having
/// stopped, at a number cut short or too large, or a doc not after the one before.
fn take_pairs(mut bytes: &[u8], mut each: impl FnMut(u32, u32)) -> bool {
    let mut previous: Option<u32> = None;
    while !bytes.is_empty() {
        let Some((gap, weight)) = take_pair(&mut bytes) else {
            return false;
        };
        let doc = match previous {
            None => Some(gap),
            Some(_) if gap == 0 => None,
            Some(p) => p.checked_add(gap),
        };
        let Some(doc) = doc else {
            return false;
        };
        each(doc, weight);
        previous = Some(doc);
    }
    true
}

/// The gap and weight `bytes` starts with, taken off the front. Most are a byte each (the
/// gaps of common words' lists and most weights are small), read here without a loop.
fn take_pair(bytes: &mut &[u8]) -> Option<(u32, u32)> {
    if let &[gap, weight, ref rest @ ..] = *bytes
        && (gap | weight) < 0x80
    {
        *bytes = rest;
        return Some((u32::from(gap), u32::from(weight)));
    }
    Some((take_number(bytes)?, take_number(bytes)?))
}

/// Seven bits a byte, lowest first; the high bit says another byte follows.
fn put_number(bytes: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push(n as u8 | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

/// The number `bytes` starts with (see `put_number`), taken off the front.
fn take_number(bytes: &mut &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for shift in [0, 7, 14, 21, 28] {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        if shift == 28 && byte & 0xf0 != 0 {
            return None;
        }
        n |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs_of(counted: &CountedTerms, t: usize) -> Vec<u32> {
        let same: Vec<u32> = (0..counted.keys().len() as u32).collect();
        let mut list = Vec::new();
        let postings = counted.renumbered(t, &same, Renumbering::Same).unwrap();
        postings.each(|doc, weight| list.extend([doc, weight]));
        list
    }

    #[test]
    fn counted_terms_read_back_as_written() {
        let mut counted = CountedTerms::of_documents(vec![7, 9, 11]);
        counted.push(
            "harbour".into(),
            Postings::of_pairs(vec![[2, 70_000], [0, 3]]),
        );
        counted.push("quell".into(), Postings::of_pairs(vec![[1, u32::MAX]]));
        let config = bincode::config::standard();
        let bytes = bincode::encode_to_vec(&counted, config).unwrap();
        let (back, _): (CountedTerms, usize) = bincode::decode_from_slice(&bytes, config).unwrap();
        assert_eq!(back.keys(), [7, 9, 11]);
        assert_eq!(back.terms(), ["harbour", "quell"]);
        assert_eq!(pairs_of(&back, 0), [0, 3, 2, 70_000]);
        assert_eq!(pairs_of(&back, 1), [1, u32::MAX]);
    }

    #[test]
    fn renumbered_postings_keep_document_order_and_leave_out_the_gone() {
        let mut counted = CountedTerms::of_documents(vec![1, 2, 3, 4]);
        counted.push(
            "harbour".into(),
            Postings::of_pairs(vec![[0, 5], [2, 1], [3, 9]]),
        );
        counted.push("quell".into(), Postings::of_pairs(vec![[1, 2], [3, 4]]));
        let pairs = |postings: Postings| {
            let mut pairs = Vec::new();
            postings.each(|doc, weight| pairs.push([doc, weight]));
            pairs
        };
        let gone = u32::MAX;
        // Document 1 counted again: "harbour" is taken whole, "quell" loses it.
        let same = [0, gone, 2, 3];
        assert_eq!(Renumbering::of(&same), Renumbering::Same);
        let harbour = counted.renumbered(0, &same, Renumbering::Same).unwrap();
        assert_eq!(harbour.last, Some(3));
        assert_eq!(pairs(harbour), [[0, 5], [2, 1], [3, 9]]);
        assert_eq!(
            pairs(counted.renumbered(1, &same, Renumbering::Same).unwrap()),
            [[3, 4]]
        );
        // A new document first moves every number up by one.
        let shifted = [1, 2, 3, 4];
        assert_eq!(Renumbering::of(&shifted), Renumbering::InOrder);
        let quell = counted
            .renumbered(1, &shifted, Renumbering::InOrder)
            .unwrap();
        assert_eq!(pairs(quell), [[2, 2], [4, 4]]);
        // Reordered documents are sorted again.
        let swapped = [3, 1, 2, 0];
        assert_eq!(Renumbering::of(&swapped), Renumbering::Any);
        let harbour = counted.renumbered(0, &swapped, Renumbering::Any).unwrap();
        assert_eq!(pairs(harbour), [[0, 9], [2, 1], [3, 5]]);
    }

    #[test]
    fn merged_postings_are_in_document_order() {
        let mut a = Postings::default();
        a.push(1, 5);
        a.push(200, 1);
        let b = Postings::of_pairs(vec![[7, 2]]);
        let mut pairs = Vec::new();
        a.merge(b).each(|doc, weight| pairs.push([doc, weight]));
        assert_eq!(pairs, [[1, 5], [7, 2], [200, 1]]);
    }

    #[test]
    fn spliced_postings_are_the_bytes_pushing_makes() {
        let long: Vec<[u32; 2]> = (0..300).map(|d| [d * 3, d % 7 + 1]).collect();
        let pushed = |pairs: Vec<[u32; 2]>| Postings::of_pairs(pairs).bytes;
        // One document taken out of the middle, as an edited article is.
        let mut counted = CountedTerms::of_documents((0..900).collect());
        counted.push("harbour".into(), Postings::of_pairs(long.clone()));
        let mut same: Vec<u32> = (0..900).collect();
        same[150] = u32::MAX;
        let kept = counted.renumbered(0, &same, Renumbering::Same).unwrap();
        let without: Vec<[u32; 2]> = long.iter().copied().filter(|p| p[0] != 150).collect();
        assert_eq!(kept.bytes, pushed(without.clone()));
        assert_eq!(kept.last, Some(897));
        // Counted again, it goes back in between.
        let merged = kept.merge(Postings::of_pairs(vec![[150, 40_000]]));
        let mut back = without;
        back.insert(50, [150, 40_000]);
        assert_eq!(merged.bytes, pushed(back));
        // A new document at 100 moves every later one up by one.
        let shifted: Vec<u32> = (0..900).map(|d| if d < 100 { d } else { d + 1 }).collect();
        let moved = counted
            .renumbered(0, &shifted, Renumbering::InOrder)
            .unwrap();
        let moved_pairs: Vec<[u32; 2]> = long
            .iter()
            .map(|&[d, w]| [if d < 100 { d } else { d + 1 }, w])
            .collect();
        assert_eq!(moved.bytes, pushed(moved_pairs));
    }

    #[test]
    fn damaged_terms_are_refused_not_read_in_part() {
        let config = bincode::config::standard();
        let renumbered = |lists: Vec<Vec<u8>>, order| {
            let unchecked = (vec![1u64, 2], vec!["harbour".to_string()], lists);
            let bytes = bincode::encode_to_vec(unchecked, config).unwrap();
            let (counted, _): (CountedTerms, usize) =
                bincode::decode_from_slice(&bytes, config).unwrap();
            let moved = match order {
                Renumbering::Any => [1, 0],
                _ => [0, 1],
            };
            counted.renumbered(0, &moved, order).is_some()
        };
        for order in [Renumbering::Same, Renumbering::Any] {
            assert!(renumbered(vec![vec![0, 1, 1, 4]], order));
            // A number cut short, a doc repeated, a doc past the last, a list too few.
            assert!(!renumbered(vec![vec![0, 0x81]], order));
            assert!(!renumbered(vec![vec![0, 1, 0, 4]], order));
            assert!(!renumbered(vec![vec![2, 1]], order));
            assert!(!renumbered(Vec::new(), order));
        }
    }

    #[test]
    fn numbers_take_a_byte_per_seven_bits() {
        let mut bytes = Vec::new();
        for n in [0, 127, 128, u32::MAX] {
            put_number(&mut bytes, n);
        }
        assert_eq!(bytes.len(), 1 + 1 + 2 + 5);
        let mut rest = bytes.as_slice();
        let back: Vec<_> = std::iter::from_fn(|| take_number(&mut rest)).collect();
        assert_eq!(back, [0, 127, 128, u32::MAX]);
        // A fifth byte beyond 32 bits.
        assert_eq!(
            take_number(&mut [0xff, 0xff, 0xff, 0xff, 0x1f].as_slice()),
            None
        );
    }
}
