//! The build cache (`.brief-cache/` in the site folder): what one `brief build` learnt that
//! the next can use instead of doing the work again. Each article's parsed front matter and
//! extracted facts, by a hash of its file; the hash of each rendered body and `data/site.json`
//! entry, by a hash of what it was made from; each page's fingerprint and the files it
//! wrote; the site graph with what it was linked from. A rebuild parses and extracts only
//! the changed articles, links the site again unless the kept graph was linked from what
//! the site gives linking now, and renders only the pages whose fingerprint changed,
//! linking the others from the output folder: it writes exactly what a cold build writes.
//!
//! Everything is keyed by what it was made from (the file, the gazetteer, the settings,
//! the templates, and this build of Brief), so a stale entry is never found. Deleting the
//! folder only makes the next build a cold one; a cache that cannot be read whole is
//! ignored, with a note.

mod articles;
pub mod last_build;
pub mod output_times;
pub mod pages;
mod save;
mod store;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::extract::{ExtractOptions, Facts, Gazetteer};
use crate::link;
use crate::load::{self, Article, FrontMatter, Known, Site, Stamp};
use crate::model::{Names, PerArticle, SharedNames};
use crate::pipeline::{self, BuildOptions};
use crate::progress::Progress;
use crate::render::search::CountedTerms;
use crate::render::{EntryRange, hash_of};
use crate::write::KeptFile;

/// The cache folder's name in the site folder.
pub const CACHE_DIR: &str = ".brief-cache";

/// The manifest, in `build.bin`: the shards of the articles' entries (see `articles`),
/// the search terms' file and what rendering made. Lists rather than maps, so that it
/// reads back in the layout it was written in.
#[derive(bincode::Encode, bincode::Decode)]
struct Manifest {
    /// The gazetteer and settings the facts were extracted with (see `facts_key`).
    facts_key: u64,
    /// Each shard's file.
    shards: Vec<String>,
    /// What every page was made with besides the content (see `render_key`).
    render_key: u64,
    /// Hash of a rendered body, by the hash of what it was made from (see `body_key`).
    bodies: Vec<(u64, u64)>,
    /// Hash of a `data/site.json` entry, by the hash of what it was made from.
    data: Vec<(u64, u64)>,
    /// Hash and size of the `data/site.json` this build wrote, and where each entry is in
    /// it, by the same key as `data`.
    data_file: Option<(u64, u64)>,
    data_at: Vec<(u64, EntryRange)>,
    /// Where each entity's entry is in that file, by the key of what it shows.
    entity_at: Vec<(u64, EntryRange)>,
    /// Each page's record, by the page's path.
    pages: Vec<(String, PageRecord)>,
    /// Each article's related list, as slugs, by what it was scored from.
    related: Vec<(u64, Vec<String>)>,
    /// Each story title worked out from its articles, by what it was worked out from.
    story_titles: Vec<(u64, String)>,
    /// The article files the next build may take as unchanged by their stamps.
    unread: Vec<UnreadFile>,
}

/// An article file as this build read it, for the next build to leave unread while it
/// keeps this stamp (see `load::Recall::unread`).
#[derive(bincode::Encode, bincode::Decode)]
struct UnreadFile {
    path: String,
    stamp: Stamp,
    key: u128,
    body_offset: u64,
}

/// The manifest's file. It is written after the shards it names, so a killed build leaves
/// the last manifest with its shards whole.
const MANIFEST: &str = "build.bin";

/// The search terms' file: each article's terms for the search index, by what they were
/// counted from (see `CountedTerms`). Keyed by that, it serves with any manifest.
const SEARCH: &str = "search.bin";

/// The site graph's file (see `link::KeptGraph`). It names what it was linked from, so it
/// serves with any manifest; it is removed when a build's linking has anything to say.
const GRAPH: &str = "graph.bin";

/// What a page showed and the files it wrote, as the last build made it.
#[derive(Debug, Clone, bincode::Encode, bincode::Decode)]
pub struct PageRecord {
    pub fingerprint: u64,
    pub files: Vec<KeptFile>,
}

/// What the last build learnt, read back.
#[derive(Default)]
struct Earlier {
    fronts: FxHashMap<u128, String>,
    facts_key: u64,
    /// The shards as the last build left them; none once the facts are not this build's.
    shards: Vec<articles::Shard>,
    /// Each taken at most once, by the article that uses it.
    facts: FxHashMap<u128, Mutex<Option<Facts>>>,
    render_key: u64,
    bodies: FxHashMap<u64, u64>,
    data: FxHashMap<u64, u64>,
    data_file: Option<(u64, u64)>,
    data_at: FxHashMap<u64, EntryRange>,
    entity_at: FxHashMap<u64, EntryRange>,
    pages: FxHashMap<String, PageRecord>,
    /// Taken once, by the renderer.
    search: Mutex<CountedTerms>,
    /// Taken once, by linking.
    related: Vec<(u64, Vec<String>)>,
    story_titles: Vec<(u64, String)>,
    /// By the file's path relative to the site.
    unread: FxHashMap<String, UnreadFile>,
    /// The names of `facts`, each held once, as they were shared when read; taken by
    /// extraction, whose facts share them too.
    names: Names,
}

/// The build cache of one build: what the last build learnt, offered to this one, and
/// what this one learns, saved at its end.
pub struct Cache {
    dir: PathBuf,
    /// Which build of Brief this is (see `store::identity`).
    identity: u64,
    earlier: Earlier,
    facts_key: u64,
    /// Whether the bodies, data entries and pages of `earlier` were made with this build's
    /// settings, gazetteer and templates.
    render_valid: bool,
    /// Why the cache could not be used, for the build to say.
    pub notes: Vec<String>,
    recalled: AtomicUsize,
    progress: Progress,
    /// The stamps of the content files as this build first walked them (see `Recall::stamp`).
    stamps: FxHashMap<PathBuf, Stamp>,
}

/// What a build with a cache took from it, for its summary line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reuse {
    /// Articles whose facts came from the cache, of all articles.
    pub articles: usize,
    /// Pages linked from the output, of all pages (a page with its feed counts once).
    pub pages: usize,
    pub all_pages: usize,
}

impl Cache {
    /// Opens the cache in `dir`; a missing one is empty, one that cannot be used is
    /// ignored with a note.
    pub fn open(dir: &Path, progress: Progress) -> Cache {
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            identity: store::identity(),
            earlier: Earlier::default(),
            facts_key: 0,
            render_valid: false,
            notes: Vec::new(),
            recalled: AtomicUsize::new(0),
            progress,
            stamps: FxHashMap::default(),
        };
        match read(dir, cache.identity) {
            Ok(Some(earlier)) => cache.earlier = earlier,
            Ok(None) => {}
            Err(why) => cache.note(&why),
        }
        cache
    }

    fn note(&mut self, why: &str) {
        self.notes.push(format!(
            "the build cache in {} is not used ({why}); this build does all the work and writes a new one",
            self.dir.display()
        ));
    }

    /// Takes the stamps of the content files that this build walked before loading, for
    /// loading to use rather than take again (see `last_build::inputs`).
    pub fn use_stamps(&mut self, stamps: FxHashMap<PathBuf, Stamp>) {
        self.stamps = stamps;
    }

    /// Lets the stamps go once loading is done, rather than hold one per article through
    /// rendering, when a build's memory peaks.
    pub fn forget_stamps(&mut self) {
        self.stamps = FxHashMap::default();
    }

    /// Whether an earlier build left anything this one can take.
    pub fn holds_earlier_build(&self) -> bool {
        !self.earlier.facts.is_empty()
    }

    /// Articles whose facts came from the cache.
    pub fn recalled(&self) -> usize {
        self.recalled.load(Ordering::Relaxed)
    }

    /// Tells the cache what the pages of this build are made with besides the content;
    /// the earlier bodies, entries and pages count only if it is what they were made with.
    pub fn rendering(&mut self, key: u64) {
        self.render_valid = self.earlier.render_key == key;
        self.earlier.render_key = key;
    }

    /// Each article's revision: its file and what extraction read it with. Pages show
    /// what the revision names (see `Renderer::fingerprint`).
    pub fn revisions(&self, site: &Site) -> PerArticle<u64> {
        site.articles
            .iter()
            .map(|a| hash_of(&(&a.path, a.text.key(), self.facts_key)))
            .collect()
    }

    /// The hash of a body made from these inputs by an earlier build.
    pub fn body(&self, key: u64) -> Option<u64> {
        self.render_valid
            .then(|| self.earlier.bodies.get(&key).copied())
            .flatten()
    }

    /// The hash of a `data/site.json` entry made from these inputs by an earlier build.
    pub fn data(&self, key: u64) -> Option<u64> {
        self.render_valid
            .then(|| self.earlier.data.get(&key).copied())
            .flatten()
    }

    /// The record of the page at `path` as the last build made it.
    pub fn page(&self, path: &str) -> Option<&PageRecord> {
        self.render_valid
            .then(|| self.earlier.pages.get(path))
            .flatten()
    }

    /// The search terms the last build counted. They are keyed by the text they were
    /// counted from alone, so they serve whatever the settings and templates.
    pub fn search_terms(&self) -> CountedTerms {
        std::mem::take(
            &mut *self
                .earlier
                .search
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        )
    }
}

/// Page records by the page's path.
pub type Records = Vec<(String, PageRecord)>;

/// What rendering made, for the cache to keep.
#[derive(Default)]
pub struct Rendered {
    pub bodies: Vec<(u64, u64)>,
    pub data: Vec<(u64, u64)>,
    pub data_file: Option<(u64, u64)>,
    pub data_at: Vec<(u64, EntryRange)>,
    pub entity_at: Vec<(u64, EntryRange)>,
    pub pages: Records,
    pub search: CountedTerms,
}

/// Reads what the last build left in `dir`: nothing when it left no cache, an error when
/// any part of it cannot be used (then none is).
fn read(dir: &Path, identity: u64) -> Result<Option<Earlier>, String> {
    let Some(body) = store::read(dir, MANIFEST, identity)? else {
        return Ok(None);
    };
    let config = store::encoding();
    let decode_error = |e| format!("it cannot be decoded: {e}");
    let (manifest, read): (Manifest, usize) =
        bincode::decode_from_slice(&body, config).map_err(decode_error)?;
    if read != body.len() {
        return Err("it holds more than one cache".into());
    }
    let names = Arc::new(Names::default());
    let (shards, search) = rayon::join(
        || {
            articles::read::<Facts, _>(dir, identity, &manifest.shards, || {
                SharedNames::reader(&names)
            })
        },
        || -> Result<CountedTerms, String> {
            let body = store::read(dir, SEARCH, identity)?
                .ok_or_else(|| format!("its file {SEARCH} is missing"))?;
            Ok(bincode::decode_from_slice(&body, config)
                .map_err(decode_error)?
                .0)
        },
    );
    let mut earlier = Earlier {
        facts_key: manifest.facts_key,
        render_key: manifest.render_key,
        bodies: manifest.bodies.into_iter().collect(),
        data: manifest.data.into_iter().collect(),
        data_file: manifest.data_file,
        data_at: manifest.data_at.into_iter().collect(),
        entity_at: manifest.entity_at.into_iter().collect(),
        pages: manifest.pages.into_iter().collect(),
        search: Mutex::new(search?),
        related: manifest.related,
        story_titles: manifest.story_titles,
        unread: manifest
            .unread
            .into_iter()
            .map(|file| (file.path.clone(), file))
            .collect(),
        // Every entry's decoder has let its handle go.
        names: Arc::try_unwrap(names).unwrap_or_default(),
        ..Earlier::default()
    };
    for (shard, entries) in shards? {
        for entry in entries {
            if let Some(front) = entry.front {
                earlier.fronts.insert(entry.key, front);
            }
            earlier
                .facts
                .insert(entry.key, Mutex::new(Some(entry.facts)));
        }
        earlier.shards.push(shard);
    }
    Ok(Some(earlier))
}

/// Removes the kept site graph, so that no later build takes it.
fn remove_kept_graph(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(dir.join(GRAPH)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The site graph the last build kept, if it kept one; an error when it cannot be read
/// back whole.
fn read_kept_graph(dir: &Path, identity: u64) -> Result<Option<link::KeptGraph>, String> {
    let Some(body) = store::read(dir, GRAPH, identity)? else {
        return Ok(None);
    };
    let (kept, read) = bincode::decode_from_slice(&body, store::encoding())
        .map_err(|e| format!("it cannot be decoded: {e}"))?;
    match read == body.len() {
        true => Ok(Some(kept)),
        false => Err("it holds more than one graph".into()),
    }
}

impl load::Recall for Cache {
    fn front(&self, key: u128) -> Option<FrontMatter> {
        let json = self.earlier.fronts.get(&key)?;
        serde_json::from_str(json).ok()
    }

    fn unread(&self, relative: &Path, stamp: &Stamp) -> Option<Known> {
        let file = self.earlier.unread.get(relative.to_str()?)?;
        (file.stamp == *stamp).then(|| Known {
            key: file.key,
            body_offset: usize::try_from(file.body_offset).unwrap_or(usize::MAX),
        })
    }

    fn stamp(&self, relative: &Path) -> Option<Stamp> {
        self.stamps.get(relative).copied()
    }

    fn read(&self) {
        self.progress.advance(1);
    }
}

impl pipeline::Recall for Cache {
    fn extracting(&mut self, site: &Site, gazetteer: &Gazetteer) {
        self.facts_key = facts_key(site, gazetteer);
        if self.facts_key != self.earlier.facts_key {
            self.earlier.facts.clear();
            self.earlier.shards.clear();
        }
        self.progress
            .stage("articles extracted", Some(site.articles.len()));
    }

    fn facts(&self, article: &Article) -> Option<Facts> {
        let slot = self.earlier.facts.get(&article.text.key())?;
        let facts = slot.lock().unwrap_or_else(|e| e.into_inner()).take()?;
        self.recalled.fetch_add(1, Ordering::Relaxed);
        Some(facts)
    }

    fn has_facts(&self, article: &Article) -> bool {
        self.earlier.facts.contains_key(&article.text.key())
    }

    fn extracted(&self) {
        self.progress.advance(1);
    }

    fn names(&mut self) -> Names {
        std::mem::take(&mut self.earlier.names)
    }

    fn linked(&mut self) -> link::Earlier {
        link::Earlier::new(
            std::mem::take(&mut self.earlier.related),
            std::mem::take(&mut self.earlier.story_titles),
        )
    }

    fn keeps_graphs(&self) -> bool {
        true
    }

    fn kept_graph(&mut self) -> Option<link::KeptGraph> {
        read_kept_graph(&self.dir, self.identity).unwrap_or_else(|why| {
            self.notes.push(format!(
                "the site graph in the build cache in {} is not used ({why}); this build links the site again",
                self.dir.display()
            ));
            None
        })
    }
}

/// What extraction reads besides an article's file: the gazetteer and the settings.
fn facts_key(site: &Site, gazetteer: &Gazetteer) -> u64 {
    let entries = serde_json::to_string(&gazetteer.entries).unwrap_or_default();
    hash_of(&(
        entries,
        &site.ignored,
        ExtractOptions::of(&site.config).discovery,
    ))
}

/// What pages are made with besides the content: the settings, the gazetteer with its
/// descriptions, the site's templates and what the command line asked for.
pub fn render_key(site: &Site, options: &BuildOptions, facts_key_of: &Cache) -> u64 {
    let config = serde_json::to_string(&site.config).unwrap_or_default();
    let entities: Vec<_> = site
        .entities
        .iter()
        .map(|e| {
            (
                &e.name,
                e.kind,
                &e.aliases,
                &e.description,
                &e.body,
                &e.path,
                e.line,
            )
        })
        .collect();
    let schedule = options.schedule.map(|s| (s.future, s.expired));
    hash_of(&(
        config,
        entities,
        &site.ignored,
        templates(&site.root),
        options.drafts,
        schedule,
        facts_key_of.facts_key,
    ))
}

/// Every file under the site's `templates/`, by path, with its content.
fn templates(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    crate::load::walk::in_order(walkdir::WalkDir::new(root.join("templates")))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let content = std::fs::read(e.path()).unwrap_or_default();
            (e.path().to_path_buf(), content)
        })
        .collect()
}

/// The key of a body or data entry: its article's revision and its other inputs.
pub fn part_key(revision: u64, inputs: u64) -> u64 {
    hash_of(&(revision, inputs))
}
