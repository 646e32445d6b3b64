//! Stage 4, render: Markdown bodies and Tera pages for every node of the site graph,
//! plus feeds, sitemap and data files. Produces the output files in memory; writing
//! them is the next stage's job.

pub mod context;
pub mod feeds;
pub mod highlight;
pub mod markdown;
pub mod search;
pub mod theme;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::config::LinkEntities;
use crate::diag::Diagnostic;
use crate::extract::{Facts, Heading};
use crate::link::Graph;
use crate::load::{EntityKind, Site};
use context::*;
use markdown::{Document, EntityLinker, SiteSurfaces};

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

/// The file a page URL is served from: `/briefs/articles/x/` -> `articles/x/index.html`.
pub fn url_to_file(urls_base: &str, url: &str) -> String {
    let path = url
        .strip_prefix(urls_base)
        .unwrap_or(url)
        .trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// One page to render; the unit of parallel (and, when serving, incremental) work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    Article(usize),
    Entity(usize),
    Tag(usize),
    Story(usize),
    Day(usize),
    Timeline(usize),
    Page(usize),
    Front,
    Entities,
    Tags,
    Stories,
    Briefings,
    Search,
    SearchIndex,
    NotFound,
    Feeds,
    Sitemap,
    Data,
}

impl Job {
    /// What the job makes, for `--timings`.
    pub fn label(self) -> &'static str {
        match self {
            Job::Article(_) => "article pages",
            Job::Entity(_) => "entity pages and feeds",
            Job::Tag(_) => "topic pages and feeds",
            Job::Story(_) => "story pages and feeds",
            Job::Day(_) => "briefing pages",
            Job::Timeline(_) => "timeline pages",
            Job::Page(_) => "standalone pages",
            Job::SearchIndex => "search index",
            Job::Feeds => "site feeds",
            Job::Sitemap => "sitemap",
            Job::Data => "data/site.json",
            _ => "front, index, search and 404 pages",
        }
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

/// Everything rendering needs, computed once per build.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub facts: &'a [Facts],
    pub graph: &'a Graph,
    tera: &'a Tera,
    site_context: SiteContext,
    cards: Vec<ArticleCard>,
    /// Each card's short form (`ArticleEntry`) as a template value, made on first use: a
    /// template value is shared, not copied, into every page context that lists the
    /// article, and long lists of entries are on many pages. (Keeping whole cards this way
    /// too saved about 0.5 s at 10,000 articles but cost 80 MiB.)
    entry_values: Vec<OnceLock<tera::Value>>,
    /// Rendered article bodies, index-aligned with `Site::articles`, when kept between
    /// rebuilds (`brief serve`); empty in a build, which renders each where it is used.
    bodies: Vec<String>,
    /// The site's entity surfaces for rendering bodies, made on first use (not at all when
    /// the bodies are kept).
    surfaces: OnceLock<SiteSurfaces>,
    /// Each article's entry in `data/site.json`, index-aligned with `Site::articles`, when
    /// kept between rebuilds; empty in a build, which makes them while writing that file.
    pub data: Vec<String>,
    /// Scheme and host that make root-relative URLs absolute.
    origin: String,
    timeline: Vec<Vec<Month>>,
    /// Time spent in each kind of job (see `Job::label`), summed over threads: CPU time,
    /// since render jobs do not wait on the file system.
    job_times: Mutex<BTreeMap<&'static str, Duration>>,
}

/// Article bodies, cards and data entries, index-aligned with `Site::articles`: the
/// per-article part of rendering, which `brief serve` keeps between rebuilds and redoes only
/// where it changed. A build keeps only the cards, which many pages list; a body is used on
/// its article's page (and in the site feed) and an entry in `data/site.json`, so they are
/// made there rather than all held at once.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Empty, or every body.
    pub bodies: Vec<String>,
    pub cards: Vec<ArticleCard>,
    /// Empty, or every article's entry in `data/site.json`, as JSON.
    pub data: Vec<String>,
}

impl Prepared {
    /// Every article's card.
    pub fn cards(site: &Site, facts: &[Facts], graph: &Graph) -> Prepared {
        Prepared {
            cards: (0..site.articles.len())
                .into_par_iter()
                .map(|a| article_card(site, facts, graph, a))
                .collect(),
            ..Prepared::default()
        }
    }

    /// Every article's card, body and data entry, for a renderer that keeps them between
    /// rebuilds.
    pub fn all(site: &Site, facts: &[Facts], graph: &Graph) -> Prepared {
        let shared = site_surfaces(site, facts, graph);
        let ((bodies, cards), data) = (0..site.articles.len())
            .into_par_iter()
            .map(|a| {
                (
                    (
                        render_article_body(site, facts, graph, a, Some(&shared)),
                        article_card(site, facts, graph, a),
                    ),
                    feeds::article_data(site, facts, graph, a),
                )
            })
            .unzip();
        Prepared {
            bodies,
            cards,
            data,
        }
    }
}

/// One month of the timeline: its articles, newest first.
#[derive(Debug, Clone)]
struct Month {
    id: String,
    label: String,
    articles: Vec<usize>,
}

#[derive(Serialize)]
struct PageData<'a, T: Serialize> {
    site: &'a SiteContext,
    page: PageMeta,
    #[serde(flatten)]
    data: T,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, facts: &'a [Facts], graph: &'a Graph, tera: &'a Tera) -> Self {
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
        facts: &'a [Facts],
        graph: &'a Graph,
        tera: &'a Tera,
        prepared: Prepared,
    ) -> Self {
        let config = &site.config;
        let site_context = SiteContext {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: graph.urls.base().to_string(),
            absolute_base: config.absolute_base(),
            language: config.language.clone(),
            feed_url: graph.urls.page("feed.xml"),
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    name: p.title.clone(),
                    url: graph.urls.page(&format!("{}/", p.slug)),
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
            entry_values: prepared.cards.iter().map(|_| OnceLock::new()).collect(),
            cards: prepared.cards,
            bodies: prepared.bodies,
            surfaces: OnceLock::new(),
            data: prepared.data,
            origin: origin(config),
            timeline: timeline_months(site, graph),
            job_times: Default::default(),
        }
    }

    /// An article's rendered body: the kept one, else rendered now.
    pub fn body(&self, a: usize) -> Cow<'_, str> {
        match self.bodies.get(a) {
            Some(body) => Cow::Borrowed(body),
            None => {
                let shared = self
                    .surfaces
                    .get_or_init(|| site_surfaces(self.site, self.facts, self.graph));
                Cow::Owned(render_article_body(
                    self.site,
                    self.facts,
                    self.graph,
                    a,
                    Some(shared),
                ))
            }
        }
    }

    /// Gives back the bodies, cards and data entries for the next render.
    pub fn into_prepared(self) -> Prepared {
        Prepared {
            bodies: self.bodies,
            cards: self.cards,
            data: self.data,
        }
    }

    /// The articles on each timeline page, in page order.
    pub fn timeline_articles(&self) -> Vec<Vec<usize>> {
        self.timeline
            .iter()
            .map(|page| {
                page.iter()
                    .flat_map(|m| m.articles.iter().copied())
                    .collect()
            })
            .collect()
    }

    /// Every job of a full build.
    pub fn all_jobs(&self) -> Vec<Job> {
        let g = self.graph;
        let mut jobs: Vec<Job> = Vec::new();
        jobs.extend((0..self.site.articles.len()).map(Job::Article));
        jobs.extend((0..g.entities.len()).map(Job::Entity));
        jobs.extend((0..g.tags.len()).map(Job::Tag));
        jobs.extend((0..g.stories.len()).map(Job::Story));
        jobs.extend((0..g.days.len()).map(Job::Day));
        jobs.extend((0..self.timeline.len().max(1)).map(Job::Timeline));
        jobs.extend((0..self.site.pages.len()).map(Job::Page));
        jobs.extend([
            Job::Front,
            Job::Entities,
            Job::Tags,
            Job::Stories,
            Job::Briefings,
            Job::Search,
            Job::SearchIndex,
            Job::NotFound,
            Job::Feeds,
            Job::Sitemap,
            Job::Data,
        ]);
        jobs
    }

    /// Renders the given jobs in parallel; errors are collected, not fatal one by one.
    pub fn render(&self, jobs: &[Job]) -> (Vec<Output>, Vec<Diagnostic>) {
        let results: Vec<Result<Vec<Output>, Diagnostic>> =
            jobs.par_iter().map(|&job| self.timed_run(job)).collect();
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
        match job {
            Job::SearchIndex => search::index(self, sink),
            Job::Data => feeds::site_data(self, sink),
            _ => self
                .run(job)?
                .into_iter()
                .try_for_each(|file| sink.file(file)),
        }
    }

    /// CPU time spent so far on each kind of job.
    pub fn job_times(&self) -> BTreeMap<&'static str, Duration> {
        self.job_times
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Renders one job: its page, plus the feed beside it for entities, tags and stories.
    pub fn run(&self, job: Job) -> Result<Vec<Output>, Diagnostic> {
        let page = match job {
            Job::Article(a) => self.article_page(a),
            Job::Entity(e) => return Ok(vec![self.entity_page(e)?, feeds::entity_feed(self, e)]),
            Job::Tag(t) => {
                let tag = &self.graph.tags[t];
                return Ok(vec![
                    self.tag_page(t)?,
                    feeds::group_feed(self, "tags", tag),
                ]);
            }
            Job::Story(s) => {
                let story = &self.graph.stories[s];
                return Ok(vec![
                    self.story_page(s)?,
                    feeds::group_feed(self, "stories", story),
                ]);
            }
            Job::Day(d) => self.day_page(d),
            Job::Timeline(p) => self.timeline_page(p),
            Job::Page(p) => self.standalone_page(p),
            Job::Front => self.front_page(),
            Job::Entities => self.entities_index(),
            Job::Tags => self.tags_index(),
            Job::Stories => self.stories_index(),
            Job::Briefings => self.briefings_index(),
            Job::Search => self.simple_page("search.html", "search", "Search", "search/"),
            Job::NotFound => {
                self.simple_page("404.html", "not_found", "Page not found", "404.html")
            }
            Job::SearchIndex | Job::Data => {
                let mut files = Vec::new();
                return self.stream(job, &mut files).map(|()| files);
            }
            Job::Feeds => return feeds::site_feeds(self),
            Job::Sitemap => return Ok(feeds::sitemap(self)),
        };
        page.map(|o| vec![o])
    }

    fn meta(&self, kind: &'static str, title: &str, description: &str, path: &str) -> PageMeta {
        let url = self.graph.urls.page(path);
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
        }
    }

    /// Absolute form of a root-relative URL.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.origin)
    }

    fn page<T: Serialize>(
        &self,
        template: &str,
        meta: PageMeta,
        data: T,
    ) -> Result<Output, Diagnostic> {
        let file = url_to_file(self.graph.urls.base(), &meta.url);
        let page_data = PageData {
            site: &self.site_context,
            page: meta,
            data,
        };
        let html = tera::Context::from_serialize(&page_data)
            .and_then(|context| self.tera.render(template, &context))
            .map_err(|e| theme::render_error(&self.site.root, &file, &e))?;
        Ok(Output::new(file, html))
    }

    pub fn card_of(&self, article: usize) -> &ArticleCard {
        &self.cards[article]
    }

    /// Cards for the newest `LEAD_CARDS` of `articles` (newest first) and short entries for
    /// the rest, so pages about very common entities or topics stay small.
    fn lead_and_earlier(&self, articles: &[usize]) -> (Vec<tera::Value>, Vec<tera::Value>) {
        let split = articles.len().min(LEAD_CARDS);
        (
            self.cards(articles[..split].iter().copied()),
            self.entries(articles[split..].iter().copied()),
        )
    }

    /// Short entries (`ArticleEntry`) of `articles`.
    fn entries(&self, articles: impl IntoIterator<Item = usize>) -> Vec<tera::Value> {
        articles.into_iter().map(|a| self.entry_value(a)).collect()
    }

    fn entry_value(&self, a: usize) -> tera::Value {
        self.entry_values[a]
            .get_or_init(|| tera::Value::from_serializable(&ArticleEntry::from(&self.cards[a])))
            .clone()
    }

    /// Cards (`ArticleCard`) of `articles`, made into template values directly rather than
    /// cloned and then converted.
    fn cards(&self, articles: impl IntoIterator<Item = usize>) -> Vec<tera::Value> {
        articles
            .into_iter()
            .map(|a| tera::Value::from_serializable(&self.cards[a]))
            .collect()
    }

    pub fn entity_ref(&self, e: usize, count: usize) -> EntityRef {
        entity_ref(self.graph, e, count)
    }

    fn quote(&self, a: usize, q: usize) -> QuoteContext {
        let quote = &self.facts[a].quotes[q];
        let speaker_url = quote
            .speaker_entity
            .as_ref()
            .and_then(|n| self.graph.entity_by_name.get(n))
            .map(|&e| self.graph.entity_url(e).to_string());
        QuoteContext {
            text: quote.text.clone(),
            speaker: quote.speaker.clone(),
            speaker_url,
            article: Link {
                name: self.site.articles[a].front.title.clone(),
                url: self.graph.article_url(self.site, a),
            },
            date_display: self.site.articles[a].date.long(),
        }
    }

    fn article_page(&self, a: usize) -> Result<Output, Diagnostic> {
        let (site, graph) = (self.site, self.graph);
        let article = &site.articles[a];
        let links = &graph.article_links[a];
        let facts = &self.facts[a];
        let card = self.cards[a].clone();
        let mut meta = self.meta(
            "article",
            &article.front.title,
            &facts.summary,
            &format!("articles/{}/", article.slug),
        );
        meta.image = article.front.image.as_ref().map(|i| self.image_url(i));
        let mut involved = Vec::new();
        for kind in EntityKind::ALL {
            let entities: Vec<EntityRef> = links
                .entities
                .iter()
                .filter(|&&(e, _)| graph.entities[e].kind == kind)
                .map(|&(e, count)| self.entity_ref(e, count))
                .collect();
            if !entities.is_empty() {
                involved.push(KindGroup {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    entities,
                });
            }
        }
        let story = links.story.map(|s| {
            let group = &graph.stories[s];
            let position = group.articles.iter().position(|&x| x == a).unwrap_or(0);
            let link_to = |i: usize| Link {
                name: site.articles[group.articles[i]].front.title.clone(),
                url: graph.article_url(site, group.articles[i]),
            };
            StoryTimeline {
                name: group.name.clone(),
                url: graph.urls.page(&format!("stories/{}/", group.slug)),
                articles: group
                    .articles
                    .iter()
                    .map(|&x| StoryPosition {
                        card: self.entry_value(x),
                        current: x == a,
                    })
                    .collect(),
                prev: position.checked_sub(1).map(link_to),
                next: (position + 1 < group.articles.len()).then(|| link_to(position + 1)),
            }
        });
        let article_context = ArticleContext {
            card,
            content: self.body(a).into_owned(),
            toc: toc(&facts.headings),
            key_points: article.front.key_points.clone(),
            sources: facts
                .attributions
                .iter()
                .map(|a| a.source.clone())
                .collect(),
            authors: article.front.authors.clone(),
            location: article.front.location.clone(),
            updated: article.updated.map(|d| d.rfc3339()),
            updated_display: article.updated.map(|d| d.long()),
            image: meta.image.clone(),
            involved,
            quotes: (0..facts.quotes.len()).map(|q| self.quote(a, q)).collect(),
            extra: article.front.extra.clone(),
        };
        #[derive(Serialize)]
        struct Data {
            article: ArticleContext,
            related: Vec<tera::Value>,
            story: Option<StoryTimeline>,
            backlinks: Vec<tera::Value>,
        }
        self.page(
            "article.html",
            meta,
            Data {
                article: article_context,
                related: self.cards(links.related.iter().copied()),
                story,
                backlinks: self.entries(links.backlinks.iter().copied()),
            },
        )
    }

    fn image_url(&self, image: &str) -> String {
        if image.contains("://") {
            image.to_string()
        } else {
            self.absolute(&self.graph.urls.page(image))
        }
    }

    fn entity_page(&self, e: usize) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let entity = &graph.entities[e];
        let path = format!("entities/{}/", entity.slug);
        let description = entity.description.clone().unwrap_or_else(|| {
            format!(
                "{} — {} in the briefings",
                entity.name,
                entity.kind.as_str()
            )
        });
        let mut meta = self.meta("entity", &entity.name, &description, &path);
        let feed_url = graph.urls.page(&format!("{path}feed.xml"));
        meta.feed_url = Some(feed_url.clone());
        let content = if entity.body.trim().is_empty() {
            String::new()
        } else {
            let linker = EntityLinker::none();
            let links = BTreeMap::new();
            markdown::render(&Document {
                markdown: &entity.body,
                headings: &[],
                links: &links,
                entities: &linker,
                base_path: graph.urls.base(),
                allow_html: self.site.config.markdown.allow_html,
            })
        };
        #[derive(Serialize)]
        struct Data {
            entity: EntityContext,
            articles: Vec<tera::Value>,
            earlier: Vec<tera::Value>,
            quotes: Vec<QuoteContext>,
            quote_count: usize,
            co_mentions: Vec<EntityRef>,
        }
        let mentioning: Vec<usize> = entity.articles.iter().map(|&(a, _)| a).collect();
        let (articles, earlier) = self.lead_and_earlier(&mentioning);
        self.page(
            "entity.html",
            meta,
            Data {
                entity: EntityContext {
                    name: entity.name.clone(),
                    url: graph.entity_url(e).to_string(),
                    kind: entity.kind.as_str(),
                    kind_label: entity.kind.plural_label(),
                    known: entity.known,
                    aliases: entity.aliases.clone(),
                    description: entity.description.clone(),
                    content,
                    feed_url,
                    article_count: entity.articles.len(),
                },
                articles,
                earlier,
                quotes: entity
                    .quotes
                    .iter()
                    .take(ENTITY_QUOTES)
                    .map(|&(a, q)| self.quote(a, q))
                    .collect(),
                quote_count: entity.quotes.len(),
                co_mentions: entity
                    .co_mentions
                    .iter()
                    .map(|&(other, count)| self.entity_ref(other, count))
                    .collect(),
            },
        )
    }

    fn group_page(
        &self,
        kind: &'static str,
        section: &str,
        group: &crate::link::Group,
    ) -> Result<Output, Diagnostic> {
        let path = format!("{section}/{}/", group.slug);
        let title = match kind {
            "tag" => format!("Topic: {}", group.name),
            _ => format!("Story: {}", group.name),
        };
        let mut meta = self.meta(kind, &title, "", &path);
        let feed_url = self.graph.urls.page(&format!("{path}feed.xml"));
        meta.feed_url = Some(feed_url.clone());
        #[derive(Serialize)]
        struct Data {
            group: GroupSummary,
            feed_url: String,
            articles: Vec<tera::Value>,
            earlier: Vec<tera::Value>,
        }
        // A story is read whole, in order; a topic shows its latest articles in full.
        let (articles, earlier) = if kind == "story" {
            (self.cards(group.articles.iter().copied()), Vec::new())
        } else {
            self.lead_and_earlier(&group.articles)
        };
        self.page(
            &format!("{kind}.html"),
            meta,
            Data {
                group: self.group_summary(section, group),
                feed_url,
                articles,
                earlier,
            },
        )
    }

    fn group_summary(&self, section: &str, group: &crate::link::Group) -> GroupSummary {
        let dates: Vec<_> = group
            .articles
            .iter()
            .map(|&a| self.site.articles[a].date)
            .collect();
        let first = dates.iter().min_by_key(|d| d.timestamp());
        let last = dates.iter().max_by_key(|d| d.timestamp());
        GroupSummary {
            name: group.name.clone(),
            url: self.graph.urls.page(&format!("{section}/{}/", group.slug)),
            count: group.articles.len(),
            first_date_display: first.map(|d| d.long()).unwrap_or_default(),
            last_date_display: last.map(|d| d.long()).unwrap_or_default(),
        }
    }

    fn tag_page(&self, t: usize) -> Result<Output, Diagnostic> {
        self.group_page("tag", "tags", &self.graph.tags[t])
    }

    fn story_page(&self, s: usize) -> Result<Output, Diagnostic> {
        self.group_page("story", "stories", &self.graph.stories[s])
    }

    fn day_context(&self, d: usize) -> DayContext {
        let day = &self.graph.days[d];
        DayContext {
            date: day.date.to_string(),
            date_display: day.date.strftime("%A %-d %B %Y").to_string(),
            url: self.graph.urls.page(&format!("briefings/{}/", day.date)),
            count: day.articles.len(),
        }
    }

    fn day_link(&self, d: usize) -> Link {
        let day = self.day_context(d);
        Link {
            name: day.date_display,
            url: day.url,
        }
    }

    fn note(&self, d: usize) -> Option<NoteContext> {
        let note = &self.site.briefings[self.graph.days[d].note?];
        let linker = EntityLinker::none();
        let links = BTreeMap::new();
        Some(NoteContext {
            title: note.title.clone(),
            content: markdown::render(&Document {
                markdown: &note.body,
                headings: &[],
                links: &links,
                entities: &linker,
                base_path: self.graph.urls.base(),
                allow_html: self.site.config.markdown.allow_html,
            }),
        })
    }

    fn day_data(&self, d: usize) -> DayData {
        let day = &self.graph.days[d];
        DayData {
            day: self.day_context(d),
            note: self.note(d),
            articles: self.cards(day.articles.iter().copied()),
            quotes: day
                .articles
                .iter()
                .flat_map(|&a| (0..self.facts[a].quotes.len()).map(move |q| (a, q)))
                .map(|(a, q)| self.quote(a, q))
                .collect(),
            prev: d.checked_sub(1).map(|p| self.day_link(p)),
            next: (d + 1 < self.graph.days.len()).then(|| self.day_link(d + 1)),
        }
    }

    fn day_page(&self, d: usize) -> Result<Output, Diagnostic> {
        let data = self.day_data(d);
        let title = format!("Briefing for {}", data.day.date_display);
        let meta = self.meta(
            "briefing",
            &title,
            "",
            &format!("briefings/{}/", data.day.date),
        );
        self.page("briefing.html", meta, data)
    }

    fn timeline_url(&self, page: usize) -> String {
        if page == 0 {
            self.graph.urls.page("timeline/")
        } else {
            self.graph
                .urls
                .page(&format!("timeline/page/{}/", page + 1))
        }
    }

    fn timeline_page(&self, p: usize) -> Result<Output, Diagnostic> {
        let total = self.timeline.len().max(1);
        let url = self.timeline_url(p);
        let path = url
            .strip_prefix(self.graph.urls.base())
            .unwrap_or(&url)
            .to_string();
        let title = if p == 0 {
            "Timeline".to_string()
        } else {
            format!("Timeline, page {}", p + 1)
        };
        let meta = self.meta("timeline", &title, "", &path);
        #[derive(Serialize)]
        struct Data {
            months: Vec<MonthContext>,
            pagination: Pagination,
        }
        self.page(
            "timeline.html",
            meta,
            Data {
                months: self
                    .timeline
                    .get(p)
                    .into_iter()
                    .flatten()
                    .map(|month| MonthContext {
                        id: month.id.clone(),
                        label: month.label.clone(),
                        articles: self.cards(month.articles.iter().copied()),
                    })
                    .collect(),
                pagination: Pagination {
                    current: p + 1,
                    total,
                    prev: p.checked_sub(1).map(|q| self.timeline_url(q)),
                    next: (p + 1 < total).then(|| self.timeline_url(p + 1)),
                    pages: (0..total)
                        .map(|q| PageLink {
                            number: q + 1,
                            url: self.timeline_url(q),
                            current: q == p,
                        })
                        .collect(),
                },
            },
        )
    }

    fn standalone_page(&self, p: usize) -> Result<Output, Diagnostic> {
        let page = &self.site.pages[p];
        let headings = &self.graph.page_headings[p];
        let linker = EntityLinker::none();
        let content = markdown::render(&Document {
            markdown: page.body(),
            headings,
            links: &self.graph.page_links[p],
            entities: &linker,
            base_path: self.graph.urls.base(),
            allow_html: self.site.config.markdown.allow_html,
        });
        let meta = self.meta(
            "page",
            &page.title,
            page.description.as_deref().unwrap_or(""),
            &format!("{}/", page.slug),
        );
        #[derive(Serialize)]
        struct Data {
            content: String,
            toc: Vec<TocEntry>,
            extra: BTreeMap<String, serde_json::Value>,
        }
        self.page(
            "page.html",
            meta,
            Data {
                content,
                toc: toc(headings),
                extra: page.extra.clone(),
            },
        )
    }

    fn front_page(&self) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let latest = graph.days.len().checked_sub(1).map(|d| self.day_data(d));
        let newest = graph
            .by_date
            .first()
            .map(|&a| self.site.articles[a].date.timestamp());
        let cutoff = newest.map(|t| t.as_second() - RECENT_DAYS * 86_400);
        let recent_window: Vec<usize> = graph
            .by_date
            .iter()
            .copied()
            .take_while(|&a| {
                cutoff.is_some_and(|c| self.site.articles[a].date.timestamp().as_second() >= c)
            })
            .collect();
        let mut entity_counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &a in &recent_window {
            for &(e, _) in &graph.article_links[a].entities {
                *entity_counts.entry(e).or_default() += 1;
            }
        }
        let mut top: Vec<(usize, usize)> = entity_counts.into_iter().collect();
        top.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut active: Vec<(usize, usize)> = graph
            .stories
            .iter()
            .enumerate()
            .filter_map(|(s, story)| {
                let last = *story.articles.last()?;
                recent_window
                    .iter()
                    .position(|&a| a == last)
                    .map(|rank| (rank, s))
            })
            .collect();
        active.sort();
        #[derive(Serialize)]
        struct Data {
            latest: Option<DayData>,
            recent: Vec<tera::Value>,
            top_entities: Vec<EntityRef>,
            active_stories: Vec<GroupSummary>,
        }
        let meta = self.meta("index", &self.site.config.title, "", "");
        self.page(
            "index.html",
            meta,
            Data {
                latest,
                recent: self.cards(graph.by_date.iter().copied().take(RECENT_COUNT)),
                top_entities: top
                    .into_iter()
                    .take(12)
                    .map(|(e, c)| self.entity_ref(e, c))
                    .collect(),
                active_stories: active
                    .into_iter()
                    .map(|(_, s)| self.group_summary("stories", &graph.stories[s]))
                    .collect(),
            },
        )
    }

    fn entities_index(&self) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let groups: Vec<KindGroup> = EntityKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut entities: Vec<EntityRef> = graph
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(i, e)| self.entity_ref(i, e.articles.len()))
                    .collect();
                entities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
                (!entities.is_empty()).then_some(KindGroup {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    entities,
                })
            })
            .collect();
        #[derive(Serialize)]
        struct Data {
            groups: Vec<KindGroup>,
        }
        let meta = self.meta(
            "entities",
            "People, organisations and places",
            "",
            "entities/",
        );
        self.page("entities.html", meta, Data { groups })
    }

    fn groups_index(
        &self,
        kind: &'static str,
        section: &str,
        title: &str,
        groups: &[crate::link::Group],
    ) -> Result<Output, Diagnostic> {
        let mut list: Vec<GroupSummary> = groups
            .iter()
            .map(|g| self.group_summary(section, g))
            .collect();
        if kind == "tags" {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        }
        #[derive(Serialize)]
        struct Data {
            groups: Vec<GroupSummary>,
        }
        let meta = self.meta(kind, title, "", &format!("{section}/"));
        self.page(&format!("{kind}.html"), meta, Data { groups: list })
    }

    fn tags_index(&self) -> Result<Output, Diagnostic> {
        self.groups_index("tags", "tags", "Topics", &self.graph.tags)
    }

    fn stories_index(&self) -> Result<Output, Diagnostic> {
        self.groups_index("stories", "stories", "Stories", &self.graph.stories)
    }

    fn briefings_index(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Data {
            days: Vec<DayContext>,
        }
        let days = (0..self.graph.days.len())
            .rev()
            .map(|d| self.day_context(d))
            .collect();
        let meta = self.meta("briefings", "Daily briefings", "", "briefings/");
        self.page("briefings.html", meta, Data { days })
    }

    fn simple_page(
        &self,
        template: &str,
        kind: &'static str,
        title: &str,
        path: &str,
    ) -> Result<Output, Diagnostic> {
        let meta = self.meta(kind, title, "", path);
        self.page(template, meta, serde_json::Map::new())
    }
}

#[derive(Debug, Clone, Serialize)]
struct DayData {
    day: DayContext,
    note: Option<NoteContext>,
    articles: Vec<tera::Value>,
    quotes: Vec<QuoteContext>,
    prev: Option<Link>,
    next: Option<Link>,
}

/// Months newest first, packed into pages of about `timeline_page_size` articles
/// (a month is never split).
fn timeline_months(site: &Site, graph: &Graph) -> Vec<Vec<Month>> {
    let mut months: Vec<Month> = Vec::new();
    let mut current = None;
    for &a in &graph.by_date {
        let date = site.articles[a].date.date();
        if current != Some((date.year(), date.month())) {
            current = Some((date.year(), date.month()));
            months.push(Month {
                id: date.strftime("%Y-%m").to_string(),
                label: date.strftime("%B %Y").to_string(),
                articles: Vec::new(),
            });
        }
        if let Some(month) = months.last_mut() {
            month.articles.push(a);
        }
    }
    let limit = site.config.timeline_page_size.max(1);
    let mut pages: Vec<Vec<Month>> = Vec::new();
    let mut size = 0;
    for month in months {
        if pages.is_empty() || size + month.articles.len() > limit && size > 0 {
            pages.push(Vec::new());
            size = 0;
        }
        size += month.articles.len();
        if let Some(page) = pages.last_mut() {
            page.push(month);
        }
    }
    pages
}

/// Absolute form of a root-relative URL.
pub fn absolute(config: &crate::config::Config, url: &str) -> String {
    format!("{}{url}", origin(config))
}

/// Scheme and host of the site's absolute base: `https://example.org`.
fn origin(config: &crate::config::Config) -> String {
    let mut base = config.absolute_base();
    let origin_end = base.find("://").map_or(0, |i| {
        base[i + 3..].find('/').map_or(base.len(), |j| i + 3 + j)
    });
    base.truncate(origin_end);
    base
}

/// An article as shown in lists.
pub fn article_card(site: &Site, facts: &[Facts], graph: &Graph, a: usize) -> ArticleCard {
    let article = &site.articles[a];
    let links = &graph.article_links[a];
    let date = article.date.date().to_string();
    ArticleCard {
        title: article.front.title.clone(),
        url: graph.article_url(site, a),
        slug: article.slug.clone(),
        date: article.date.rfc3339(),
        date_display: article.date.long(),
        day_url: graph.urls.page(&format!("briefings/{date}/")),
        summary: facts[a].summary.clone(),
        reading_minutes: facts[a].reading_minutes,
        word_count: facts[a].word_count,
        tags: links
            .tags
            .iter()
            .map(|&t| group_link(graph, "tags", &graph.tags[t]))
            .collect(),
        entities: links
            .entities
            .iter()
            .take(CARD_ENTITIES)
            .map(|&(e, count)| entity_ref(graph, e, count))
            .collect(),
        story: links
            .story
            .map(|s| group_link(graph, "stories", &graph.stories[s])),
    }
}

fn group_link(graph: &Graph, section: &str, group: &crate::link::Group) -> Link {
    Link {
        name: group.name.clone(),
        url: graph.urls.page(&format!("{section}/{}/", group.slug)),
    }
}

fn entity_ref(graph: &Graph, e: usize, count: usize) -> EntityRef {
    let entity = &graph.entities[e];
    EntityRef {
        name: entity.name.clone(),
        url: graph.entity_url(e).to_string(),
        kind: entity.kind.as_str(),
        known: entity.known,
        count,
    }
}

fn toc(headings: &[Heading]) -> Vec<TocEntry> {
    if headings.len() < 3 {
        return Vec::new();
    }
    headings
        .iter()
        .map(|h| TocEntry {
            level: h.level,
            text: h.text.clone(),
            id: h.id.clone(),
        })
        .collect()
}

/// Every surface form of an entity mention that links to an entity page, site-wide.
pub fn site_surfaces(site: &Site, facts: &[Facts], graph: &Graph) -> SiteSurfaces {
    if site.config.link_entities == LinkEntities::None {
        return SiteSurfaces::new([]);
    }
    SiteSurfaces::new(
        facts
            .iter()
            .flat_map(|f| &f.entities)
            .filter(|mention| graph.entity_by_name.contains_key(&mention.name))
            .flat_map(|mention| mention.surfaces.iter().cloned()),
    )
}

/// An article's body HTML with its entity mentions linked. `shared`, from
/// `site_surfaces`, saves building a matcher for the article when many are rendered.
pub fn render_article_body(
    site: &Site,
    facts: &[Facts],
    graph: &Graph,
    a: usize,
    shared: Option<&SiteSurfaces>,
) -> String {
    let article = &site.articles[a];
    let mode = site.config.link_entities;
    let mut surfaces = Vec::new();
    if mode != LinkEntities::None {
        for mention in &facts[a].entities {
            if let Some(&e) = graph.entity_by_name.get(&mention.name) {
                for surface in &mention.surfaces {
                    surfaces.push((
                        surface.clone(),
                        mention.name.clone(),
                        graph.entity_url(e).to_string(),
                    ));
                }
            }
        }
    }
    let linker = EntityLinker::new(surfaces, mode, shared);
    markdown::render(&Document {
        markdown: article.body(),
        headings: &facts[a].headings,
        links: &graph.article_links[a].resolved,
        entities: &linker,
        base_path: graph.urls.base(),
        allow_html: site.config.markdown.allow_html,
    })
}
