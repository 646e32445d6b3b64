//! Stage 3, link: the whole-site graph. Entities are merged across articles (discovered
//! ones voted on), articles are grouped by tag, story, day and month, related articles
//! are scored through an inverted index, and internal Markdown links are resolved to URLs
//! (a broken one is an error).

mod earlier;
mod entities;
mod groups;
mod kept;
mod related;
mod targets;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diag::Diagnostic;
use crate::extract::{Facts, Heading, KindVotes, Outline};
use crate::load::{Article, EntityKind, Section, Site};
use crate::model::{
    ArticleId, ArticleSlice, EntityId, Name, PerArticle, RESERVED_SECTIONS, Route, Routes, slugify,
};
pub use earlier::Earlier;
use earlier::{story_texts, story_title_key};
use entities::{co_mentions, merge_entities};
use groups::{
    compounds_written, group_by, group_days, introduce, story_title, story_title_reads_texts,
};
use kept::article_digest;
pub use kept::{GraphRecord, KeptGraph, LinkInputs};
use related::related_articles;
use targets::{Resolution, Targets};
use typed_index_collections::{TiSlice, TiVec};

#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
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
    pub articles: Vec<(ArticleId, usize)>,
    /// Quotes it spoke: (article, quote index in that article's facts).
    pub quotes: Vec<(ArticleId, usize)>,
    /// What it said in reported speech: (article, attribution index in that article's
    /// facts), newest first; only attributions with paraphrased content.
    pub statements: Vec<(ArticleId, usize)>,
    /// Entities most often in the same articles: (entity, shared articles), most first.
    pub co_mentions: Vec<(EntityId, usize)>,
}

/// An article's quotes or statements by their place in its facts, with the entity that
/// said each.
type Said = Vec<(usize, EntityId)>;

/// A tag, a story or an author: a named group of articles.
#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
pub struct Group {
    pub slug: String,
    pub name: String,
    /// Tags and authors: newest first. Stories: oldest first (the order a story happened in).
    pub articles: Vec<ArticleId>,
    /// Index into `Site::intros` of the group's introduction, when it has one.
    pub intro: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub date: Date,
    /// That day's articles in briefing order: the lead (`lead: true`) first, then by
    /// `weight`, lower first, then the unweighted ones, newest first.
    pub articles: Vec<ArticleId>,
    /// Index into `Site::briefings` of the editor's note for that day.
    pub note: Option<usize>,
}

/// Encoded with its date as year, month and day (for `KeptGraph`).
impl bincode::Encode for Day {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        let date = (self.date.year(), self.date.month(), self.date.day());
        (date, &self.articles, self.note).encode(encoder)
    }
}

impl<Context> bincode::Decode<Context> for Day {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let ((year, month, day), articles, note) = bincode::Decode::decode(decoder)?;
        let date = Date::new(year, month, day)
            .map_err(|e| bincode::error::DecodeError::OtherString(e.to_string()))?;
        Ok(Day {
            date,
            articles,
            note,
        })
    }
}
bincode::impl_borrow_decode!(Day);

#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
pub struct ArticleLinks {
    /// This article's entities with pages: (entity, mentions), most mentioned first.
    pub entities: Vec<(EntityId, usize)>,
    pub tags: Vec<usize>,
    pub story: Option<usize>,
    /// Indices into `Graph::authors`, in the order the front matter names them.
    pub authors: Vec<usize>,
    pub related: Vec<ArticleId>,
    /// A hash of everything `related` was scored from, so that a later build with the
    /// same inputs can take the list instead of scoring it again (see `Earlier`).
    pub related_inputs: u64,
    pub backlinks: Vec<ArticleId>,
    /// Resolved internal links: target as written -> URL.
    pub resolved: BTreeMap<String, String>,
}

/// The whole site graph. Article indices refer to `Site::articles` and the facts slice.
#[derive(Debug, Clone, PartialEq, bincode::Encode, bincode::Decode)]
pub struct Graph {
    pub routes: Routes,
    /// Article indices, newest first (ties by slug).
    pub by_date: Vec<ArticleId>,
    pub article_links: PerArticle<ArticleLinks>,
    pub entities: TiVec<EntityId, EntityNode>,
    /// Each entity's page URL, index-aligned with `entities`: made once, since every list
    /// of entities and every linked mention needs it.
    entity_urls: TiVec<EntityId, String>,
    pub entity_by_name: FxHashMap<String, EntityId>,
    pub tags: Vec<Group>,
    pub stories: Vec<Group>,
    pub authors: Vec<Group>,
    pub days: Vec<Day>,
    /// Old addresses (paths below the base, from `aliases:`) and the articles they send
    /// readers to, by path; the first article to claim a path keeps it.
    pub redirects: Vec<(String, ArticleId)>,
    /// Headings of standalone pages, index-aligned with `Site::pages`.
    pub page_headings: Vec<Vec<Heading>>,
    /// Resolved internal links of standalone pages, index-aligned with `Site::pages`.
    pub page_links: Vec<BTreeMap<String, String>>,
    /// Each story title worked out from its articles' texts, by what it was worked out
    /// from, for a rebuild to take (see `Earlier`).
    pub story_titles: Vec<(u64, String)>,
}

impl Graph {
    pub fn article_url(&self, site: &Site, article: ArticleId) -> String {
        self.routes
            .url(Route::Article(&site.articles[article].slug))
    }

    pub fn entity_url(&self, entity: EntityId) -> &str {
        &self.entity_urls[entity]
    }

    /// The groups of one section: topics, stories or authors.
    pub fn groups(&self, section: Section) -> &[Group] {
        match section {
            Section::Tags => &self.tags,
            Section::Stories => &self.stories,
            Section::Authors => &self.authors,
        }
    }
}

/// Whether `link` reads the same from two versions of one article, so that linking the
/// site again would give the same graph (`brief serve` then keeps the graph it has): every
/// field of an article or its facts that `link` reads is in `article_digest`, and its
/// text is read only for its story's title. Both versions' texts must be held.
pub fn same_link_inputs(old: (&Article, &Facts), new: (&Article, &Facts)) -> bool {
    let ((a, f), (b, g)) = (old, new);
    article_digest(a, f) == article_digest(b, g) && same_story_title_inputs(a, b)
}

/// Whether a story's title, when it is worked out from its articles' texts, reads the
/// same from two versions of one of them (see `compounds_written`).
fn same_story_title_inputs(a: &Article, b: &Article) -> bool {
    let Some(story) = a
        .front
        .story
        .as_deref()
        .filter(|s| story_title_reads_texts(s))
    else {
        return true;
    };
    let spellings = |x: &Article| {
        compounds_written(story.trim(), [x.front.title.as_str(), x.body()].into_iter())
    };
    spellings(a) == spellings(b)
}

/// Links the site: `facts` are the articles' and `page_outlines` the standalone pages',
/// both index-aligned with the site's lists, both from extraction. Related lists found in
/// `earlier` are not scored again.
pub fn link(
    site: &Site,
    facts: &ArticleSlice<Facts>,
    page_outlines: Vec<Outline>,
    earlier: &Earlier,
) -> (Graph, Vec<Diagnostic>) {
    let routes = Routes::new(site.config.base_url.clone());
    let mut diagnostics = Vec::new();
    let mut by_date: Vec<ArticleId> = site.articles.keys().collect();
    let stamps: PerArticle<jiff::Timestamp> =
        site.articles.iter().map(|a| a.date.timestamp()).collect();
    by_date.sort_by(|&a, &b| {
        stamps[b]
            .cmp(&stamps[a])
            .then_with(|| site.articles[a].slug.cmp(&site.articles[b].slug))
    });
    let date_rank: PerArticle<usize> = {
        let mut rank: PerArticle<usize> = vec![0; by_date.len()].into();
        for (r, &a) in by_date.iter().enumerate() {
            rank[a] = r;
        }
        rank
    };

    let (mut entities, entity_by_name) = merge_entities(site, facts);
    let mut article_links: PerArticle<ArticleLinks> = site
        .articles
        .iter()
        .map(|_| ArticleLinks {
            entities: Vec::new(),
            tags: Vec::new(),
            story: None,
            authors: Vec::new(),
            related: Vec::new(),
            related_inputs: 0,
            backlinks: Vec::new(),
            resolved: BTreeMap::new(),
        })
        .collect();

    // Each article's entities, found on every core; the entities' own lists are then
    // filled in article order, as the pages list them.
    let mentioned: Vec<Vec<(EntityId, usize)>> = facts
        .raw
        .par_iter()
        .map(|fact| {
            let mut seen = FxHashSet::default();
            let found = fact.entities.iter().filter_map(|mention| {
                let &e = entity_by_name.get(mention.name.as_str())?;
                seen.insert(e).then_some((e, mention.count))
            });
            found.collect()
        })
        .collect();
    // Each article's quotes and paraphrased statements by the entity that said them, read
    // in passing: most articles' are never shown again in a rebuild (see `model::Encoded`).
    let page = |name: &Option<Name>| {
        let name = name.as_ref()?;
        entity_by_name.get(name.as_str()).copied()
    };
    let said: Vec<(Said, Said)> = facts
        .raw
        .par_iter()
        .map(|fact| {
            let quotes = fact.quotes.read_with(|quotes| {
                let speakers = quotes.iter().map(|quote| page(&quote.speaker_entity));
                speakers
                    .enumerate()
                    .filter_map(|(q, e)| Some((q, e?)))
                    .collect()
            });
            let statements = fact.attributions.read_with(|attributions| {
                let sources = attributions
                    .iter()
                    .map(|a| a.content.as_ref().and_then(|_| page(&a.entity)));
                sources
                    .enumerate()
                    .filter_map(|(i, e)| Some((i, e?)))
                    .collect()
            });
            (quotes, statements)
        })
        .collect();
    for ((a, mentioned), (quotes, statements)) in article_links.keys().zip(mentioned).zip(said) {
        for &(e, count) in &mentioned {
            entities[e].articles.push((a, count));
        }
        article_links[a].entities = mentioned;
        for (q, e) in quotes {
            entities[e].quotes.push((a, q));
        }
        for (i, e) in statements {
            entities[e].statements.push((a, i));
        }
    }
    entities.raw.par_iter_mut().for_each(|entity| {
        entity.articles.sort_by_key(|&(a, _)| date_rank[a]);
        entity.quotes.sort_by_key(|&(a, q)| (date_rank[a], q));
        entity.statements.sort_by_key(|&(a, i)| (date_rank[a], i));
    });
    co_mentions(&mut entities, &article_links);

    let mut tags = group_by(&by_date, |a| site.articles[a].front.tags.clone(), false);
    let mut stories = group_by(
        &by_date,
        |a| site.articles[a].front.story.iter().cloned().collect(),
        true,
    );
    let mut authors = group_by(&by_date, |a| site.articles[a].front.authors.clone(), false);
    let mut used = vec![false; site.intros.len()];
    introduce(site, &mut tags, Section::Tags, &mut used, |g| {
        g.name.clone()
    });
    introduce(site, &mut authors, Section::Authors, &mut used, |g| {
        g.name.clone()
    });
    let mut story_titles = Vec::new();
    introduce(site, &mut stories, Section::Stories, &mut used, |g| {
        if !story_title_reads_texts(&g.name) {
            return story_title(&g.name, std::iter::empty());
        }
        let key = story_title_key(site, &g.name, g);
        let title = earlier.story_titles.get(&key).cloned().unwrap_or_else(|| {
            let texts = story_texts(site, g);
            story_title(&g.name, texts.iter().map(AsRef::as_ref))
        });
        story_titles.push((key, title.clone()));
        title
    });
    let unused = site.intros.iter().zip(&used).filter(|(_, used)| !**used);
    diagnostics.extend(unused.map(|(intro, _)| intro.unused()));
    for (a, article) in site.articles.iter_enumerated() {
        for name in &article.front.authors {
            let slug = slugify(name);
            let found = authors.binary_search_by(|g| g.slug.as_str().cmp(&slug));
            if let Ok(n) = found
                && !article_links[a].authors.contains(&n)
            {
                article_links[a].authors.push(n);
            }
        }
    }
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
    let mut redirects: Vec<(String, ArticleId)> = site
        .articles
        .iter_enumerated()
        .flat_map(|(a, article)| article.front.aliases.iter().map(move |p| (p.clone(), a)))
        .collect();
    redirects.sort();
    let (days, warnings) = group_days(site, &by_date);
    diagnostics.extend(warnings);

    let related = related_articles(site, &article_links, &entities, &tags, &stories, earlier);
    for (a, (inputs, list)) in related.into_iter_enumerated() {
        article_links[a].related = list;
        article_links[a].related_inputs = inputs;
    }

    let targets = Targets::new(site, facts, &entities, &page_outlines, &routes);
    let mut backlinks: PerArticle<BTreeSet<ArticleId>> =
        vec![BTreeSet::new(); site.articles.len()].into();
    for (a, fact) in facts.iter_enumerated() {
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
                Resolution::Broken(message) => {
                    diagnostics.push(Diagnostic::error(&article.path, message).at(
                        &article.text_for_message(&site.root),
                        link.line,
                        1,
                    ))
                }
            }
        }
    }
    for (a, set) in backlinks.into_iter_enumerated() {
        let mut list: Vec<ArticleId> = set.into_iter().collect();
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
        authors,
        days,
        redirects,
        page_headings: page_outlines.into_iter().map(|o| o.headings).collect(),
        page_links,
        story_titles,
    };
    (graph, diagnostics)
}
