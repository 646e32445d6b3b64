//! Stage 3, link: the whole-site graph. Entities are merged across articles (discovered
//! ones voted on), articles are grouped by tag, story, day and month, related articles
//! are scored through an inverted index, and internal Markdown links are resolved to URLs
//! (a broken one is an error).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::diag::Diagnostic;
use crate::extract::{Facts, Heading, KindVotes, Outline};
use crate::load::{Article, EntityKind, Site};
use crate::model::{RESERVED_SECTIONS, Route, Routes, slugify};

/// A readable title for a story id: `gaza-ceasefire-talks` -> `Gaza Ceasefire Talks`.
fn story_title(id: &str) -> String {
    let id = id.trim();
    if id.contains(' ') {
        return id.to_string();
    }
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, word)| {
            let small = matches!(
                word,
                "and" | "of" | "the" | "in" | "on" | "for" | "to" | "a"
            );
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if i == 0 || !small => first.to_uppercase().chain(chars).collect(),
                _ => word.to_string(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityNode {
    pub slug: String,
    pub name: String,
    pub kind: EntityKind,
    /// Defined in the gazetteer (false when discovered).
    pub known: bool,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Markdown text of the entity file, shown on its page.
    pub body: String,
    /// Index into `Site::entities` when defined there.
    pub definition: Option<usize>,
    /// Articles mentioning it, newest first, with their mention counts.
    pub articles: Vec<(usize, usize)>,
    /// Quotes it spoke: (article, quote index in that article's facts).
    pub quotes: Vec<(usize, usize)>,
    /// Entities most often in the same articles: (entity, shared articles), most first.
    pub co_mentions: Vec<(usize, usize)>,
}

/// A tag or a story: a named group of articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub slug: String,
    pub name: String,
    /// Tags: newest first. Stories: oldest first (the order a story is read in).
    pub articles: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub date: Date,
    /// That day's articles, oldest first.
    pub articles: Vec<usize>,
    /// Index into `Site::briefings` of the editor's note for that day.
    pub note: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLinks {
    /// This article's entities with pages: (entity, mentions), most mentioned first.
    pub entities: Vec<(usize, usize)>,
    pub tags: Vec<usize>,
    pub story: Option<usize>,
    pub related: Vec<usize>,
    pub backlinks: Vec<usize>,
    /// Resolved internal links: target as written -> URL.
    pub resolved: BTreeMap<String, String>,
}

/// The whole site graph. Article indices refer to `Site::articles` and the facts slice.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub routes: Routes,
    /// Article indices, newest first (ties by slug).
    pub by_date: Vec<usize>,
    pub article_links: Vec<ArticleLinks>,
    pub entities: Vec<EntityNode>,
    /// Each entity's page URL, index-aligned with `entities`: made once, since every list
    /// of entities and every linked mention needs it.
    entity_urls: Vec<String>,
    pub entity_by_name: HashMap<String, usize>,
    pub tags: Vec<Group>,
    pub stories: Vec<Group>,
    pub days: Vec<Day>,
    /// Headings of standalone pages, index-aligned with `Site::pages`.
    pub page_headings: Vec<Vec<Heading>>,
    /// Resolved internal links of standalone pages, index-aligned with `Site::pages`.
    pub page_links: Vec<BTreeMap<String, String>>,
}

impl Graph {
    pub fn article_url(&self, site: &Site, article: usize) -> String {
        self.routes
            .url(Route::Article(&site.articles[article].slug))
    }

    pub fn entity_url(&self, entity: usize) -> &str {
        &self.entity_urls[entity]
    }
}

/// Related articles shown per article.
const RELATED_COUNT: usize = 5;
/// Entities or tags shared by more articles than this are too common to signal relatedness.
const COMMON_TERM_LIMIT: usize = 400;
/// Weight of a shared tag relative to a shared entity of the same rarity.
const TAG_WEIGHT: f64 = 0.5;
/// Articles scored per parallel chunk of related-article scoring.
const RELATED_CHUNK: usize = 512;
/// Score for sharing a story thread, on top of shared entities and tags.
const STORY_WEIGHT: f64 = 2.0;
/// Co-mentioned entities kept per entity page.
const CO_MENTION_COUNT: usize = 10;

/// Whether `link` reads the same from two versions of one article, so that linking the
/// site again would give the same graph (`brief serve` then keeps the graph it has). Every
/// field of an article or its facts that `link` reads must be compared here.
pub fn same_link_inputs(old: (&Article, &Facts), new: (&Article, &Facts)) -> bool {
    let ((a, f), (b, g)) = (old, new);
    a.path == b.path
        && a.slug == b.slug
        && a.date == b.date
        && a.front.tags == b.front.tags
        && a.front.story == b.front.story
        && f.entities == g.entities
        && f.quotes
            .iter()
            .map(|q| &q.speaker_entity)
            .eq(g.quotes.iter().map(|q| &q.speaker_entity))
        && f.links
            .iter()
            .map(|l| &l.target)
            .eq(g.links.iter().map(|l| &l.target))
        && f.headings
            .iter()
            .map(|h| &h.id)
            .eq(g.headings.iter().map(|h| &h.id))
}

/// Links the site: `facts` are the articles' and `page_outlines` the standalone pages',
/// both index-aligned with the site's lists, both from extraction.
pub fn link(site: &Site, facts: &[Facts], page_outlines: Vec<Outline>) -> (Graph, Vec<Diagnostic>) {
    let routes = Routes::new(site.config.base_url.clone());
    let mut diagnostics = Vec::new();
    let mut by_date: Vec<usize> = (0..site.articles.len()).collect();
    let stamps: Vec<jiff::Timestamp> = site.articles.iter().map(|a| a.date.timestamp()).collect();
    by_date.sort_by(|&a, &b| {
        stamps[b]
            .cmp(&stamps[a])
            .then_with(|| site.articles[a].slug.cmp(&site.articles[b].slug))
    });
    let date_rank: Vec<usize> = {
        let mut rank = vec![0; by_date.len()];
        for (r, &a) in by_date.iter().enumerate() {
            rank[a] = r;
        }
        rank
    };

    let (mut entities, entity_by_name) = merge_entities(site, facts);
    let mut article_links: Vec<ArticleLinks> = (0..site.articles.len())
        .map(|_| ArticleLinks {
            entities: Vec::new(),
            tags: Vec::new(),
            story: None,
            related: Vec::new(),
            backlinks: Vec::new(),
            resolved: BTreeMap::new(),
        })
        .collect();

    for (a, fact) in facts.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for mention in &fact.entities {
            if let Some(&e) = entity_by_name.get(&mention.name)
                && seen.insert(e)
            {
                article_links[a].entities.push((e, mention.count));
                entities[e].articles.push((a, mention.count));
            }
        }
        for (q, quote) in fact.quotes.iter().enumerate() {
            if let Some(&e) = quote
                .speaker_entity
                .as_ref()
                .and_then(|n| entity_by_name.get(n))
            {
                entities[e].quotes.push((a, q));
            }
        }
    }
    for entity in &mut entities {
        entity.articles.sort_by_key(|&(a, _)| date_rank[a]);
        entity.quotes.sort_by_key(|&(a, q)| (date_rank[a], q));
    }
    co_mentions(&mut entities, &article_links);

    let tags = group_by(&by_date, |a| site.articles[a].front.tags.clone(), false);
    let stories = group_by(
        &by_date,
        |a| {
            site.articles[a]
                .front
                .story
                .iter()
                .map(|s| story_title(s))
                .collect()
        },
        true,
    );
    for (t, tag) in tags.iter().enumerate() {
        for &a in &tag.articles {
            article_links[a].tags.push(t);
        }
    }
    for (s, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            article_links[a].story = Some(s);
        }
    }
    let days = group_days(site, &by_date);

    let related = related_articles(site, &article_links, &entities, &tags, &stories);
    for (a, rel) in related.into_iter().enumerate() {
        article_links[a].related = rel;
    }

    let targets = Targets::new(site, facts, &entities, &page_outlines, &routes);
    let mut backlinks: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); site.articles.len()];
    for (a, fact) in facts.iter().enumerate() {
        let article = &site.articles[a];
        for link in &fact.links {
            match targets.resolve(&article.path, &link.target) {
                Resolution::External => {}
                Resolution::Found { url, article: to } => {
                    if let Some(to) = to.filter(|&to| to != a) {
                        backlinks[to].insert(a);
                    }
                    article_links[a].resolved.insert(link.target.clone(), url);
                }
                Resolution::Broken(message) => diagnostics.push(
                    Diagnostic::error(&article.path, message).at(&article.text, link.line, 1),
                ),
            }
        }
    }
    for (a, set) in backlinks.into_iter().enumerate() {
        let mut list: Vec<usize> = set.into_iter().collect();
        list.sort_by_key(|&b| date_rank[b]);
        article_links[a].backlinks = list;
    }

    let mut page_links = Vec::new();
    for (p, page) in site.pages.iter().enumerate() {
        if RESERVED_SECTIONS.contains(&page.slug.split('/').next().unwrap_or_default()) {
            diagnostics.push(Diagnostic::error(
                &page.path,
                format!(
                    "page slug `{}` clashes with a built-in section; choose another `slug:`",
                    page.slug
                ),
            ));
        }
        let mut resolved = BTreeMap::new();
        for link in &page_outlines[p].links {
            match targets.resolve(&page.path, &link.target) {
                Resolution::External => {}
                Resolution::Found { url, .. } => {
                    resolved.insert(link.target.clone(), url);
                }
                Resolution::Broken(message) => diagnostics
                    .push(Diagnostic::error(&page.path, message).at(&page.text, link.line, 1)),
            }
        }
        page_links.push(resolved);
    }

    let entity_urls = entities
        .iter()
        .map(|e| routes.url(Route::Entity(&e.slug)))
        .collect();
    let graph = Graph {
        routes,
        by_date,
        article_links,
        entities,
        entity_urls,
        entity_by_name,
        tags,
        stories,
        days,
        page_headings: page_outlines.into_iter().map(|o| o.headings).collect(),
        page_links,
    };
    (graph, diagnostics)
}

/// Gazetteer entities plus discovered ones (kind voted across the site, kept once they
/// appear in enough articles). Returns the entities sorted by slug and a name index
/// covering canonical names.
fn merge_entities(site: &Site, facts: &[Facts]) -> (Vec<EntityNode>, HashMap<String, usize>) {
    struct Discovered {
        votes: KindVotes,
        articles: usize,
    }
    let mut discovered: BTreeMap<&str, Discovered> = BTreeMap::new();
    let known: BTreeSet<&str> = site.entities.iter().map(|e| e.name.as_str()).collect();
    for fact in facts {
        for mention in fact
            .entities
            .iter()
            .filter(|m| !m.known && !known.contains(m.name.as_str()))
        {
            let entry = discovered.entry(&mention.name).or_insert(Discovered {
                votes: KindVotes::default(),
                articles: 0,
            });
            entry.votes.add(&mention.kind_votes);
            entry.articles += 1;
        }
    }

    let mut nodes: Vec<EntityNode> = site
        .entities
        .iter()
        .enumerate()
        .map(|(i, def)| EntityNode {
            slug: slugify(&def.name),
            name: def.name.clone(),
            kind: def.kind,
            known: true,
            aliases: def.aliases.clone(),
            description: def.description.clone(),
            body: def.body.clone(),
            definition: Some(i),
            articles: Vec::new(),
            quotes: Vec::new(),
            co_mentions: Vec::new(),
        })
        .collect();
    let discovery = &site.config.discovery;
    if discovery.enabled {
        for (name, found) in discovered {
            if found.articles < discovery.min_articles {
                continue;
            }
            let kind = found.votes.winner();
            nodes.push(EntityNode {
                slug: slugify(name),
                name: name.to_string(),
                kind,
                known: false,
                aliases: Vec::new(),
                description: None,
                body: String::new(),
                definition: None,
                articles: Vec::new(),
                quotes: Vec::new(),
                co_mentions: Vec::new(),
            });
        }
    }
    // Known entities first so a discovered one never takes a defined entity's slug.
    nodes.sort_by(|a, b| (a.slug.as_str(), !a.known).cmp(&(b.slug.as_str(), !b.known)));
    let mut used = BTreeSet::new();
    for node in &mut nodes {
        let base = node.slug.clone();
        let mut n = 2;
        while !used.insert(node.slug.clone()) {
            node.slug = format!("{base}-{n}");
            n += 1;
        }
    }
    let by_name = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.name.clone(), i))
        .collect();
    (nodes, by_name)
}

fn co_mentions(entities: &mut [EntityNode], article_links: &[ArticleLinks]) {
    use rayon::prelude::*;
    let count = entities.len();
    let lists: Vec<Vec<(usize, usize)>> = (0..count)
        .into_par_iter()
        .map_init(
            // Dense per-thread counts plus the entities touched, reset after each use: the
            // most mentioned entities share articles with most of the others.
            || (vec![0usize; count], Vec::<usize>::new()),
            |(counts, touched), e| {
                for &(a, _) in &entities[e].articles {
                    for &(other, _) in &article_links[a].entities {
                        if other != e {
                            if counts[other] == 0 {
                                touched.push(other);
                            }
                            counts[other] += 1;
                        }
                    }
                }
                let mut list: Vec<(usize, usize)> = touched
                    .drain(..)
                    .map(|other| (other, std::mem::take(&mut counts[other])))
                    .collect();
                list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                list.truncate(CO_MENTION_COUNT);
                list
            },
        )
        .collect();
    for (entity, list) in entities.iter_mut().zip(lists) {
        entity.co_mentions = list;
    }
}

fn group_by(
    by_date: &[usize],
    keys: impl Fn(usize) -> Vec<String>,
    oldest_first: bool,
) -> Vec<Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let order: Box<dyn Iterator<Item = &usize>> = if oldest_first {
        Box::new(by_date.iter().rev())
    } else {
        Box::new(by_date.iter())
    };
    for &a in order {
        let mut seen = BTreeSet::new();
        for key in keys(a) {
            let slug = slugify(&key);
            if !seen.insert(slug.clone()) {
                continue;
            }
            groups
                .entry(slug.clone())
                .or_insert_with(|| Group {
                    slug,
                    name: key.trim().to_string(),
                    articles: Vec::new(),
                })
                .articles
                .push(a);
        }
    }
    groups.into_values().collect()
}

fn group_days(site: &Site, by_date: &[usize]) -> Vec<Day> {
    let mut days: BTreeMap<Date, Day> = BTreeMap::new();
    for &a in by_date.iter().rev() {
        let date = site.articles[a].date.date();
        days.entry(date)
            .or_insert_with(|| Day {
                date,
                articles: Vec::new(),
                note: None,
            })
            .articles
            .push(a);
    }
    for (n, note) in site.briefings.iter().enumerate() {
        if let Some(day) = days.get_mut(&note.date) {
            day.note = Some(n);
        }
    }
    days.into_values().collect()
}

/// Top related articles for every article: shared entities weighted by rarity, shared
/// tags and story, scored through inverted indexes so cost follows overlaps, not n².
fn related_articles(
    site: &Site,
    article_links: &[ArticleLinks],
    entities: &[EntityNode],
    tags: &[Group],
    stories: &[Group],
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let count = site.articles.len();
    let n = count.max(1) as f64;
    let idf = |df: usize| (n / df as f64).ln() + 1.0;
    let seconds: Vec<i64> = site
        .articles
        .iter()
        .map(|a| a.date.timestamp().as_second())
        .collect();
    (0..count)
        .into_par_iter()
        // Few, large chunks: each chunk allocates one dense score array.
        .with_min_len(RELATED_CHUNK)
        .map_init(
            // Dense per-thread scores plus the list of touched articles, reset after each use.
            || (vec![0.0f64; count], Vec::<usize>::new()),
            |(scores, touched), a| {
                let mut add = |b: usize, weight: f64| {
                    if scores[b] == 0.0 {
                        touched.push(b);
                    }
                    scores[b] += weight;
                };
                for &(e, _) in &article_links[a].entities {
                    let list = &entities[e].articles;
                    if list.len() <= COMMON_TERM_LIMIT {
                        let weight = idf(list.len());
                        list.iter().for_each(|&(b, _)| add(b, weight));
                    }
                }
                for &t in &article_links[a].tags {
                    let list = &tags[t].articles;
                    if list.len() <= COMMON_TERM_LIMIT {
                        let weight = TAG_WEIGHT * idf(list.len());
                        list.iter().for_each(|&b| add(b, weight));
                    }
                }
                if let Some(s) = article_links[a].story {
                    for &b in stories[s].articles.iter().take(COMMON_TERM_LIMIT) {
                        add(b, STORY_WEIGHT);
                    }
                }
                let mut ranked: Vec<(usize, f64)> = touched
                    .drain(..)
                    .filter(|&b| b != a)
                    .map(|b| (b, scores[b]))
                    .collect();
                for &(b, _) in &ranked {
                    scores[b] = 0.0;
                }
                scores[a] = 0.0;
                let order = |x: &(usize, f64), y: &(usize, f64)| {
                    let distance = |b: usize| (seconds[b] - seconds[a]).abs();
                    y.1.total_cmp(&x.1)
                        .then_with(|| distance(x.0).cmp(&distance(y.0)))
                        .then_with(|| site.articles[x.0].slug.cmp(&site.articles[y.0].slug))
                };
                if ranked.len() > RELATED_COUNT {
                    ranked.select_nth_unstable_by(RELATED_COUNT - 1, order);
                    ranked.truncate(RELATED_COUNT);
                }
                ranked.sort_by(order);
                // Not `into_iter`: collecting in place would keep the capacity of every
                // scored candidate (hundreds of MiB over a large site).
                ranked.iter().map(|&(b, _)| b).collect()
            },
        )
        .collect()
}

enum Resolution {
    External,
    Found { url: String, article: Option<usize> },
    Broken(String),
}

/// What an internal link may point at: content files by path, with their anchors.
struct Targets<'a> {
    by_path: HashMap<PathBuf, Target<'a>>,
}

/// A linkable file: its URL, the article it is (if one) and its heading anchors (if known).
type Target<'a> = (String, Option<usize>, Option<&'a [Heading]>);

impl<'a> Targets<'a> {
    fn new(
        site: &Site,
        facts: &'a [Facts],
        entities: &[EntityNode],
        page_outlines: &'a [Outline],
        routes: &Routes,
    ) -> Targets<'a> {
        let mut by_path = HashMap::new();
        for (a, article) in site.articles.iter().enumerate() {
            let url = routes.url(Route::Article(&article.slug));
            by_path.insert(
                article.path.clone(),
                (url, Some(a), Some(facts[a].headings.as_slice())),
            );
        }
        for entity in entities {
            if let Some(def) = entity.definition.map(|d| &site.entities[d])
                && def.path.extension().is_some_and(|e| e == "md")
            {
                let url = routes.url(Route::Entity(&entity.slug));
                by_path.insert(def.path.clone(), (url, None, None));
            }
        }
        for (p, page) in site.pages.iter().enumerate() {
            let url = routes.url(Route::Page(&page.slug));
            by_path.insert(
                page.path.clone(),
                (url, None, Some(page_outlines[p].headings.as_slice())),
            );
        }
        Targets { by_path }
    }

    fn resolve(&self, from: &Path, target: &str) -> Resolution {
        let (file, anchor) = match target.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (target, None),
        };
        let is_external = target.contains("://")
            || target.starts_with("mailto:")
            || target.starts_with('#')
            || target.starts_with('/')
            || !file.ends_with(".md");
        if is_external {
            return Resolution::External;
        }
        let path = match file.strip_prefix("@/") {
            Some(rest) => Path::new("content").join(rest),
            None => from.parent().unwrap_or(Path::new("")).join(file),
        };
        let path = normalise(&path);
        let Some((url, article, headings)) = self.by_path.get(&path) else {
            return Resolution::Broken(format!(
                "link to `{target}`: no content file {} (links to articles, entities and pages use their .md path)",
                path.display()
            ));
        };
        match (anchor, headings) {
            (Some(anchor), Some(headings)) if !anchor.is_empty() => {
                if headings.iter().any(|h| h.id == anchor) {
                    Resolution::Found {
                        url: format!("{url}#{anchor}"),
                        article: *article,
                    }
                } else {
                    let known: Vec<&str> = headings.iter().map(|h| h.id.as_str()).collect();
                    Resolution::Broken(format!(
                        "link to `{target}`: {} has no heading `#{anchor}` (its anchors: {})",
                        path.display(),
                        if known.is_empty() {
                            "none".into()
                        } else {
                            known.join(", ")
                        }
                    ))
                }
            }
            (Some(anchor), _) if !anchor.is_empty() => Resolution::Found {
                url: format!("{url}#{anchor}"),
                article: *article,
            },
            _ => Resolution::Found {
                url: url.clone(),
                article: *article,
            },
        }
    }
}

/// Removes `.` and `..` from a relative path without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}
