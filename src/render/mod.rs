//! Stage 4, render: Markdown bodies and Tera pages for every node of the site graph,
//! plus feeds, sitemap and data files. Produces the output files in memory; writing
//! them is the next stage's job.

pub mod context;
mod earlier;
pub mod feeds;
mod fingerprint;
pub mod highlight;
pub mod markdown;
mod pages;
mod prepared;
pub mod search;
pub mod site_data;
mod sitemap;
pub mod theme;
mod trusted;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;
use typed_index_collections::TiVec;

use crate::config::LinkEntities;
use crate::diag::Diagnostic;
use crate::extract::{Facts, Heading};
use crate::link::Graph;
use crate::load::{EntityKind, Section, Site};
use crate::model::{ArticleId, ArticleSlice, EntityId, Name, PerArticle, Route};
use context::*;
pub use earlier::{EarlierEntries, EntryRange, EntryRanges};
pub use fingerprint::Print;
use markdown::{Document, EntityLinker, SiteSurfaces};
use pages::INDEX_PAGES;
use pages::day::DayData;
use pages::group::{group_feed_route, group_link, group_route};
use pages::stream_into_files;
use pages::timeline::{Month, timeline_months};
pub use pages::{Job, Listing, PAGE_KINDS, PageKind};
pub use prepared::{
    PartHashes, Prepared, article_card, body_inputs, hash_of, render_article_body, site_surfaces,
};
use prepared::{entity_ref, toc};

/// The icon pages link to: the site's own SVG, else its own ICO, else the built-in SVG.
fn favicon(root: &std::path::Path) -> &'static str {
    let own = |name: &str| root.join("static").join(name).is_file();
    match own("favicon.svg") || !own("favicon.ico") {
        true => "favicon.svg",
        false => "favicon.ico",
    }
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub content: Vec<u8>,
}

impl Output {
    pub fn new(path: impl Into<String>, content: impl Into<Vec<u8>>) -> Output {
        Output {
            path: path.into(),
            content: content.into(),
        }
    }
}

/// Where the whole-site jobs (the search index, `data/site.json`) put their files as they
/// make them: on a large site these are hundreds of MiB, which a build writes out as they
/// come instead of holding them.
pub trait Sink {
    /// A whole file.
    fn file(&mut self, output: Output) -> Result<(), Diagnostic>;
    /// The next piece of a file made in pieces; a file's pieces come one after another.
    fn piece(&mut self, path: &str, piece: &[u8]) -> Result<(), Diagnostic>;
}

/// Collects the files in memory, joining each file's pieces.
impl Sink for Vec<Output> {
    fn file(&mut self, output: Output) -> Result<(), Diagnostic> {
        self.push(output);
        Ok(())
    }

    fn piece(&mut self, path: &str, piece: &[u8]) -> Result<(), Diagnostic> {
        match self.last_mut() {
            Some(last) if last.path == path => last.content.extend_from_slice(piece),
            _ => self.push(Output::new(path, piece)),
        }
        Ok(())
    }
}

/// Articles on the front page and in the site feed's neighbourhood.
pub const RECENT_COUNT: usize = 20;
/// Days back from the newest article that count as "recent" for top entities and stories.
const RECENT_DAYS: i64 = 30;
/// Articles shown as full cards on entity and topic pages; older ones are listed by title.
const LEAD_CARDS: usize = 10;
/// Quotes shown on an entity page, newest first.
const ENTITY_QUOTES: usize = 20;
/// Entities per article card.
const CARD_ENTITIES: usize = 5;

/// Bodies rendered with a matcher of their own before the site's entity surfaces are put in
/// one automaton: a rebuild that renders a few bodies does not build the site's (3% of an
/// edited article's rebuild at 10,000 articles), and a full build builds at most this many
/// small ones first. Both link every mention the same.
const OWN_MATCHERS: usize = 64;

/// Everything rendering needs, computed once per build.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub facts: &'a ArticleSlice<Facts>,
    pub graph: &'a Graph,
    tera: &'a Tera,
    site_context: SiteContext,
    /// The theme's words (`t` in templates), made once and shared by every page.
    labels: tera::Value,
    cards: PerArticle<ArticleCard>,
    /// Each card's short form (`ArticleEntry`) as a template value, made on first use: a
    /// template value is shared, not copied, into every page context that lists the
    /// article, and long lists of entries are on many pages. (Keeping whole cards this way
    /// too saved about 0.5 s at 10,000 articles but cost 80 MiB.)
    entry_values: PerArticle<OnceLock<tera::Value>>,
    /// Rendered article bodies, index-aligned with `Site::articles`, when kept between
    /// rebuilds (`brief serve`); empty in a build, which renders each where it is used.
    bodies: PerArticle<String>,
    /// The site's entity surfaces for rendering bodies, made once `OWN_MATCHERS` bodies
    /// were rendered without them (not at all when the bodies are kept).
    surfaces: OnceLock<SiteSurfaces>,
    /// Bodies rendered so far.
    bodies_rendered: AtomicUsize,
    /// Each article's entry in `data/site.json`, index-aligned with `Site::articles`, when
    /// kept between rebuilds; empty in a build, which makes them while writing that file.
    pub data: PerArticle<String>,
    timeline: Vec<Vec<Month>>,
    /// Owned here and handed on with the kept bodies (see `Prepared`).
    highlighter: Arc<highlight::Highlighter>,
    /// Hashes of the kept parts, index-aligned with `Site::articles`, when kept.
    hashes: PerArticle<PartHashes>,
    /// Every page's file and its source, made on first use by redirect pages.
    page_files: OnceLock<HashMap<String, Option<PathBuf>>>,
    /// The hash of what every page shows of the site, made on first use.
    site_print: OnceLock<u64>,
    /// When each article last changed (its update, else its date), made on first use:
    /// the sitemap's date of a page listing thousands of articles is the latest of theirs.
    changed_at: OnceLock<PerArticle<jiff::Timestamp>>,
    /// Each article's quotes whose speakers have entity pages, by the quote's place and
    /// the entity, from the site graph; made on first use by page fingerprints.
    quote_speakers: OnceLock<PerArticle<Vec<(usize, EntityId)>>>,
    /// Each entity as every list shows it (see `Print::entity`), hashed on first use: the
    /// search index's fingerprint alone names a million entities at 100,000 articles.
    entity_prints: OnceLock<TiVec<EntityId, u64>>,
    /// Hashes of the bodies and data entries made here rather than kept, so that a build
    /// learns them as it goes (see `into_prepared`) and the next one need not make them.
    made: PerArticle<MadeHashes>,
    /// Time spent in each kind of job (see `Job::label`), summed over threads: CPU time,
    /// since render jobs do not wait on the file system.
    job_times: Mutex<BTreeMap<&'static str, Duration>>,
    /// `data/site.json` entries an earlier build wrote, copied rather than made again.
    earlier_entries: Option<EarlierEntries>,
    /// Where each entry went in the `data/site.json` written here.
    entry_ranges: Mutex<EntryRanges>,
    /// Each article's terms for the search index: those an earlier build counted until
    /// the index is made, then those it was made with. None when no cache keeps them:
    /// then the index lets each article's terms go once its postings are made.
    search_terms: Mutex<Option<search::CountedTerms>>,
}

/// Hashes of an article's parts, set when a renderer makes them.
#[derive(Default)]
struct MadeHashes {
    body: OnceLock<u64>,
    data: OnceLock<u64>,
}

#[derive(Serialize)]
struct PageData<'a, T: Serialize> {
    site: &'a SiteContext,
    t: &'a tera::Value,
    page: PageMeta,
    #[serde(flatten)]
    data: T,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        facts: &'a ArticleSlice<Facts>,
        graph: &'a Graph,
        tera: &'a Tera,
    ) -> Self {
        Renderer::with_prepared(
            site,
            facts,
            graph,
            tera,
            Prepared::cards(site, facts, graph),
        )
    }

    /// A renderer over bodies, cards and data entries made earlier (see `Prepared`).
    pub fn with_prepared(
        site: &'a Site,
        facts: &'a ArticleSlice<Facts>,
        graph: &'a Graph,
        tera: &'a Tera,
        prepared: Prepared,
    ) -> Self {
        let config = &site.config;
        let site_context = SiteContext {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: graph.routes.base_path().to_string(),
            absolute_base: config.base_url.absolute().to_string(),
            language: config.language.clone(),
            feed_url: graph.routes.url(Route::SiteFeed),
            favicon: graph.routes.url(Route::File(favicon(&site.root))),
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    name: p.title.clone(),
                    url: graph.routes.url(Route::Page(&p.slug)),
                })
                .collect(),
            extra: config.extra.clone(),
        };
        Renderer {
            site,
            facts,
            graph,
            tera,
            site_context,
            labels: tera::Value::from_serializable(site.locale.labels()),
            entry_values: prepared.cards.iter().map(|_| OnceLock::new()).collect(),
            cards: prepared.cards,
            bodies: prepared.bodies,
            surfaces: OnceLock::new(),
            bodies_rendered: AtomicUsize::new(0),
            data: prepared.data,
            highlighter: prepared.highlighter,
            hashes: prepared.hashes,
            site_print: OnceLock::new(),
            changed_at: OnceLock::new(),
            quote_speakers: OnceLock::new(),
            entity_prints: OnceLock::new(),
            page_files: OnceLock::new(),
            made: site
                .articles
                .iter()
                .map(|_| MadeHashes::default())
                .collect(),
            timeline: timeline_months(site, graph),
            job_times: Default::default(),
            earlier_entries: None,
            entry_ranges: Mutex::default(),
            search_terms: Mutex::default(),
        }
    }

    /// Takes `data/site.json` entries from `earlier` where it has them.
    pub fn copy_entries_from(&mut self, earlier: EarlierEntries) {
        self.earlier_entries = Some(earlier);
    }

    /// Counts for the search index only the articles `earlier` has not counted, and keeps
    /// the terms of all of them for `search_terms`.
    pub fn recall_search_terms(&mut self, earlier: search::CountedTerms) {
        self.search_terms = Mutex::new(Some(earlier));
    }

    fn take_search_terms(&self) -> Option<search::CountedTerms> {
        self.search_terms
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    fn keep_search_terms(&self, counted: Option<search::CountedTerms>) {
        *self.search_terms.lock().unwrap_or_else(|e| e.into_inner()) = counted;
    }

    /// The search terms of this site's articles, for the build cache: those the index was
    /// made with, or those recalled when it was not made.
    pub fn search_terms(&self) -> search::CountedTerms {
        self.take_search_terms().unwrap_or_default()
    }

    fn note_entry_ranges(&self, ranges: EntryRanges) {
        *self.entry_ranges.lock().unwrap_or_else(|e| e.into_inner()) = ranges;
    }

    /// Where each entry went in the `data/site.json` written here; empty when none was
    /// written.
    pub fn entry_ranges(&self) -> EntryRanges {
        std::mem::take(&mut *self.entry_ranges.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// An article's rendered body: the kept one, else rendered now (reading the article's
    /// file again when the build has let its text go).
    pub fn body(&self, a: ArticleId) -> Result<Cow<'_, str>, Diagnostic> {
        match self.bodies.get(a) {
            Some(body) => Ok(Cow::Borrowed(body)),
            None => {
                let markdown = self.site.articles[a].read_body(&self.site.root)?;
                let rendered = self.bodies_rendered.fetch_add(1, Ordering::Relaxed);
                let shared = (rendered >= OWN_MATCHERS).then(|| {
                    self.surfaces
                        .get_or_init(|| site_surfaces(self.site, self.facts, self.graph))
                });
                let body = render_article_body(
                    self.site,
                    self.facts,
                    self.graph,
                    a,
                    &markdown,
                    shared,
                    &self.highlighter,
                );
                self.made[a].body.get_or_init(|| hash_of(body.as_str()));
                Ok(Cow::Owned(body))
            }
        }
    }

    /// Notes the hash of a data entry made rather than kept.
    fn made_data(&self, a: ArticleId, entry: &str) {
        self.made[a].data.get_or_init(|| hash_of(entry));
    }

    /// Gives back the bodies, cards and data entries for the next render, with the hashes
    /// of the bodies and data entries made here in place of the ones it was given.
    pub fn into_prepared(self) -> Prepared {
        let mut hashes = self.hashes;
        if hashes.len() == self.made.len() {
            for (hashes, made) in hashes.iter_mut().zip(self.made) {
                if let Some(&body) = made.body.get() {
                    hashes.body = body;
                }
                if let Some(&data) = made.data.get() {
                    hashes.data = data;
                }
            }
        }
        Prepared {
            bodies: self.bodies,
            cards: self.cards,
            data: self.data,
            highlighter: self.highlighter,
            hashes,
        }
    }

    /// The path of the page a job makes (its first file): what identifies the page from
    /// one render to the next, whatever the order of the site's articles.
    pub fn job_path(&self, job: Job) -> String {
        self.graph.routes.file(job.kind.route(self, job.index))
    }

    /// Every job of a full build.
    pub fn all_jobs(&self) -> Vec<Job> {
        PAGE_KINDS
            .iter()
            .flat_map(|&kind| (0..kind.count(self)).map(move |index| Job { kind, index }))
            .collect()
    }

    /// Renders the given jobs in parallel; errors are collected, not fatal one by one.
    pub fn render(&self, jobs: &[Job]) -> (Vec<Output>, Vec<Diagnostic>) {
        let results = self.render_each(jobs);
        let mut outputs = Vec::new();
        let mut diagnostics = Vec::new();
        for result in results {
            match result {
                Ok(files) => outputs.extend(files),
                Err(d) => diagnostics.push(d),
            }
        }
        (outputs, diagnostics)
    }

    /// Renders the given jobs in parallel, giving each job's files or error in order.
    pub fn render_each(&self, jobs: &[Job]) -> Vec<Result<Vec<Output>, Diagnostic>> {
        jobs.par_iter().map(|&job| self.timed_run(job)).collect()
    }

    fn timed_run(&self, job: Job) -> Result<Vec<Output>, Diagnostic> {
        let started = Instant::now();
        let result = self.run(job);
        self.add_time(job, started.elapsed());
        result
    }

    fn add_time(&self, job: Job, spent: Duration) {
        let mut times = self.job_times.lock().unwrap_or_else(|e| e.into_inner());
        *times.entry(job.label()).or_default() += spent;
    }

    /// Renders one job into `sink`, file by file; for the whole-site jobs, whose output a
    /// build should not hold whole (see `Sink`). The time counted includes the sink's.
    pub fn render_into(&self, job: Job, sink: &mut dyn Sink) -> Result<(), Diagnostic> {
        let started = Instant::now();
        let result = self.stream(job, sink);
        self.add_time(job, started.elapsed());
        result
    }

    fn stream(&self, job: Job, sink: &mut dyn Sink) -> Result<(), Diagnostic> {
        job.kind.stream(self, job.index, sink)
    }

    /// CPU time spent so far on each kind of job.
    pub fn job_times(&self) -> BTreeMap<&'static str, Duration> {
        self.job_times
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Renders one job: its page, plus the feed beside it for some kinds.
    pub fn run(&self, job: Job) -> Result<Vec<Output>, Diagnostic> {
        job.kind.render(self, job.index)
    }

    fn meta(&self, kind: &'static str, title: &str, description: &str, route: Route) -> PageMeta {
        let url = self.graph.routes.url(route);
        PageMeta {
            title: title.to_string(),
            description: if description.is_empty() {
                self.site.config.description.clone()
            } else {
                description.to_string()
            },
            canonical: self.absolute(&url),
            url,
            kind,
            image: None,
            feed_url: None,
            published: None,
            modified: None,
            json_ld: None,
        }
    }

    /// HTML of Markdown written beside the articles (a briefing note, an introduction):
    /// no entity links, no internal links to resolve, no images to resize.
    fn plain_markdown(&self, markdown: &str) -> String {
        markdown::render(&Document {
            markdown,
            headings: &[],
            links: &BTreeMap::new(),
            entities: &EntityLinker::none(),
            base_path: self.graph.routes.base_path(),
            allow_html: self.site.config.markdown.allow_html,
            highlighter: &self.highlighter,
            media: None,
        })
    }

    /// Absolute form of a root-relative URL.
    pub fn absolute(&self, url: &str) -> String {
        self.graph.routes.absolute_of(url)
    }

    fn page<T: Serialize>(
        &self,
        template: &str,
        meta: PageMeta,
        data: T,
    ) -> Result<Output, Diagnostic> {
        let file = self.graph.routes.file_of_url(&meta.url);
        let page_data = PageData {
            site: &self.site_context,
            t: &self.labels,
            page: meta,
            data,
        };
        let html = tera::Context::from_serialize(&page_data)
            .and_then(|context| self.tera.render(template, &context))
            .map_err(|e| theme::render_error(&self.site.root, &file, &e))?;
        Ok(Output::new(file, html))
    }

    pub fn card_of(&self, article: ArticleId) -> &ArticleCard {
        &self.cards[article]
    }

    /// Cards for the newest `LEAD_CARDS` of `articles` (newest first) and short entries for
    /// the rest, so pages about very common entities or topics stay small.
    fn lead_and_earlier(&self, articles: &[ArticleId]) -> (Vec<tera::Value>, Vec<tera::Value>) {
        let split = articles.len().min(LEAD_CARDS);
        (
            self.cards(articles[..split].iter().copied()),
            self.entries(articles[split..].iter().copied()),
        )
    }

    /// Short entries (`ArticleEntry`) of `articles`.
    fn entries(&self, articles: impl IntoIterator<Item = ArticleId>) -> Vec<tera::Value> {
        articles.into_iter().map(|a| self.entry_value(a)).collect()
    }

    fn entry_value(&self, a: ArticleId) -> tera::Value {
        self.entry_values[a]
            .get_or_init(|| tera::Value::from_serializable(&ArticleEntry::from(&self.cards[a])))
            .clone()
    }

    /// Cards (`ArticleCard`) of `articles`, made into template values directly rather than
    /// cloned and then converted.
    fn cards(&self, articles: impl IntoIterator<Item = ArticleId>) -> Vec<tera::Value> {
        articles
            .into_iter()
            .map(|a| tera::Value::from_serializable(&self.cards[a]))
            .collect()
    }

    /// A kind's plural label ("People") in the site's language.
    fn kind_label(&self, kind: EntityKind) -> String {
        let key = format!("kinds_{}", kind.as_str());
        self.site.locale.text(&key).to_string()
    }

    pub fn entity_ref(&self, e: EntityId, count: usize) -> EntityRef {
        entity_ref(self.graph, e, count)
    }

    fn statement(&self, a: ArticleId, i: usize) -> StatementContext {
        let attribution = &self.facts[a].attributions[i];
        StatementContext {
            source: attribution.source.to_string(),
            cue: attribution.cue.as_ref().map(Name::to_string),
            content: attribution
                .content
                .as_ref()
                .map(Name::to_string)
                .unwrap_or_default(),
            article: Link {
                name: self.site.articles[a].front.title.clone(),
                url: self.graph.article_url(self.site, a),
            },
            date_display: self.site.locale.date(self.site.articles[a].date.date()),
        }
    }

    fn quote(&self, a: ArticleId, q: usize) -> QuoteContext {
        let quote = &self.facts[a].quotes[q];
        let speaker_url = quote
            .speaker_entity
            .as_ref()
            .and_then(|n| self.graph.entity_by_name.get(n.as_str()))
            .map(|&e| self.graph.entity_url(e).to_string());
        QuoteContext {
            text: quote.text.to_string(),
            speaker: quote.speaker.as_ref().map(Name::to_string),
            speaker_url,
            article: Link {
                name: self.site.articles[a].front.title.clone(),
                url: self.graph.article_url(self.site, a),
            },
            date_display: self.site.locale.date(self.site.articles[a].date.date()),
        }
    }
}
