//! The cache's part in rendering: which pages are as the last build made them (same
//! fingerprint, files still in the output as written), and what to remember of the pages
//! this build makes.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Cache, PageRecord, Records, Rendered, part_key};
use crate::diag::Diagnostic;
use crate::extract::Facts;
use crate::link::Graph;
use crate::load::Site;
use crate::model::{ArticleSlice, PerArticle};
use crate::render::search::CountedTerms;
use crate::render::site_data::{DATA_PATH, article_data_inputs};
use crate::render::{
    EarlierEntries, EntryRange, EntryRanges, Job, PartHashes, Prepared, Renderer, body_inputs,
};
use crate::write::{KeptFile, Staging};

/// Stands for the hash of a body or data entry that is not known before rendering: a
/// page that shows one has a fingerprint no earlier page has, so it is made again, and
/// the hash is learnt as it is made.
const UNKNOWN: u64 = 0x6272_6965_662d_3f3f;

/// Each article's body key and data entry key (see `part_key`).
pub type PartKeys = PerArticle<(u64, u64)>;

/// Every article's card, and the hashes of its card, body and data entry where they are
/// known without making the body or entry (see `UNKNOWN`).
pub fn prepare(
    cache: &Cache,
    site: &Site,
    facts: &ArticleSlice<Facts>,
    graph: &Graph,
    revisions: &PerArticle<u64>,
) -> (Prepared, PartKeys) {
    let Prepared { cards, .. } = Prepared::cards(site, facts, graph);
    let (hashes, keys): (Vec<PartHashes>, Vec<(u64, u64)>) = revisions
        .iter_enumerated()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(a, &revision)| {
            let body_key = part_key(revision, body_inputs(site, facts, graph, a));
            let data_key = part_key(revision, article_data_inputs(site, graph, a));
            let hashes = PartHashes {
                body: cache.body(body_key).unwrap_or(UNKNOWN),
                data: cache.data(data_key).unwrap_or(UNKNOWN),
                ..PartHashes::of_card(&cards[a])
            };
            (hashes, (body_key, data_key))
        })
        .unzip();
    let prepared = Prepared {
        cards,
        hashes: hashes.into(),
        ..Prepared::default()
    };
    (prepared, keys.into())
}

/// The `data/site.json` the last build left in the output, if the output still holds it
/// as written, with where each entry whose key is unchanged lies in it.
pub fn earlier_entries(
    cache: &Cache,
    keys: &PartKeys,
    staging: &Staging,
) -> Option<EarlierEntries> {
    if !cache.render_valid {
        return None;
    }
    let (hash, size) = cache.earlier.data_file?;
    let file = staging.open_held(DATA_PATH, hash, size)?;
    let at = keys
        .iter()
        .map(|(_, data_key)| cache.earlier.data_at.get(data_key).copied())
        .collect();
    let entities = cache.earlier.entity_at.clone();
    Some(EarlierEntries { file, at, entities })
}

/// A job to render, with the path that names its page.
pub type Pending = (Job, String);

/// Puts into `staging` the pages whose fingerprint is the one the cache records and whose
/// files the output still holds as written; gives their records, and the jobs left to render.
pub fn keep_unchanged(
    renderer: &Renderer<'_>,
    jobs: Vec<Job>,
    revisions: &PerArticle<u64>,
    cache: &Cache,
    staging: &Staging,
) -> Result<(Records, Vec<Pending>), Diagnostic> {
    let named: Vec<(Job, String, u64)> = jobs
        .into_par_iter()
        .map(|job| {
            let path = renderer.job_path(job);
            let fingerprint = renderer.fingerprint(job, revisions);
            (job, path, fingerprint)
        })
        .collect();
    let (same, changed): (Vec<_>, Vec<_>) = named.into_iter().partition(|(_, path, print)| {
        cache
            .page(path)
            .is_some_and(|record| record.fingerprint == *print)
    });
    let records: Vec<&PageRecord> = same
        .iter()
        .filter_map(|(_, path, _)| cache.page(path))
        .collect();
    let files: Vec<&[KeptFile]> = records.iter().map(|r| r.files.as_slice()).collect();
    let kept = staging.keep(&files)?;
    let mut pending: Vec<Pending> = changed.into_iter().map(|(j, p, _)| (j, p)).collect();
    let mut kept_records = Vec::new();
    for ((job, path, _), (record, kept)) in same.into_iter().zip(records.into_iter().zip(kept)) {
        match kept {
            true => kept_records.push((path, record.clone())),
            false => pending.push((job, path)),
        }
    }
    Ok((kept_records, pending))
}

/// What one build's rendering did, as the cache learns it.
pub struct Outcome<'f> {
    /// The pages kept from the output, with their records.
    pub kept: Records,
    /// The pages made, each with its path and the paths of its files.
    pub made: Vec<(Job, String, Vec<String>)>,
    /// Hash and size of every file in the new output, by path.
    pub files: &'f BTreeMap<String, (u64, u64)>,
    /// Where each entry went in the `data/site.json` made, if one was.
    pub entry_ranges: EntryRanges,
    pub search_terms: CountedTerms,
}

/// What the cache keeps of this build's rendering: the records of the pages kept and
/// made, and the hashes of every body and data entry known by now. `renderer` is made
/// after rendering, from what the rendering renderer learnt (`Renderer::into_prepared`).
pub fn learnt(
    cache: &Cache,
    renderer: &Renderer<'_>,
    revisions: &PerArticle<u64>,
    keys: &PartKeys,
    hashes: &PerArticle<PartHashes>,
    outcome: Outcome<'_>,
) -> Rendered {
    let Outcome {
        kept,
        made,
        files,
        entry_ranges,
        search_terms,
    } = outcome;
    // Without a `data/site.json` written now, the output keeps the last one.
    let (data_file, data_at, entity_at) = match entry_ranges.articles.is_empty() {
        true => {
            let earlier = &cache.earlier;
            let listed =
                |at: &FxHashMap<u64, EntryRange>| at.iter().map(|(k, r)| (*k, *r)).collect();
            (
                earlier.data_file,
                listed(&earlier.data_at),
                listed(&earlier.entity_at),
            )
        }
        false => (
            files.get(DATA_PATH).copied(),
            entry_ranges
                .articles
                .into_iter()
                .map(|(a, range)| (keys[a].1, range))
                .collect(),
            entry_ranges.entities,
        ),
    };
    let mut pages = kept;
    pages.par_extend(made.into_par_iter().map(|(job, path, written)| {
        let files = written
            .into_iter()
            .filter_map(|path| {
                let &(hash, size) = files.get(&path)?;
                Some(KeptFile { path, hash, size })
            })
            .collect();
        let fingerprint = renderer.fingerprint(job, revisions);
        (path, PageRecord { fingerprint, files })
    }));
    let known = |hash: u64| hash != UNKNOWN;
    Rendered {
        bodies: keys
            .iter()
            .zip(hashes.iter())
            .filter(|(_, h)| known(h.body))
            .map(|(k, h)| (k.0, h.body))
            .collect(),
        data: keys
            .iter()
            .zip(hashes.iter())
            .filter(|(_, h)| known(h.data))
            .map(|(k, h)| (k.1, h.data))
            .collect(),
        data_file,
        data_at,
        entity_at,
        pages,
        search: search_terms,
    }
}
