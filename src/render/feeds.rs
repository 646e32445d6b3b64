//! Machine-readable outputs: Atom and JSON feeds, the sitemap, robots.txt and the
//! extracted site graph as JSON. Built with XML/feed writers, never by concatenation.

use atom_syndication::{
    ContentBuilder, EntryBuilder, Feed, FeedBuilder, FixedDateTime, LinkBuilder, PersonBuilder,
    Text,
};
use std::borrow::Cow;

use lol_html::{RewriteStrSettings, element, rewrite_str};
use rayon::prelude::*;
use serde::Serialize;
use url::Url;

use super::{Output, PageKind, Print, Renderer, Sink, hash_of};
use crate::config::FeedContent;
use crate::diag::Diagnostic;
use crate::extract::Facts;
use crate::link::Graph;
use crate::load::Site;
use crate::model::{
    ArticleId, ArticleSlice, EntityId, Route, attribute_text, escape_html, xml_safe,
};

/// The site's Atom and JSON feeds of the latest articles.
pub fn site_feeds(r: &Renderer<'_>) -> Result<Vec<Output>, Diagnostic> {
    let limit = r.site.config.feed_length;
    let latest: Vec<ArticleId> = r.graph.by_date.iter().copied().take(limit).collect();
    Ok(vec![
        atom(
            r,
            &r.site.config.title,
            Route::Front,
            Route::SiteFeed,
            &latest,
            r.site.config.feed_content == FeedContent::Full,
        ),
        json_feed(r, &latest)?,
    ])
}

/// The Atom feed of one entity's latest articles, beside its page.
pub fn entity_feed(r: &Renderer<'_>, e: EntityId) -> Output {
    let entity = &r.graph.entities[e];
    let limit = r.site.config.feed_length;
    let articles: Vec<ArticleId> = entity
        .articles
        .iter()
        .map(|&(a, _)| a)
        .take(limit)
        .collect();
    atom(
        r,
        &format!("{} — {}", r.site.config.title, entity.name),
        Route::Entity(&entity.slug),
        Route::EntityFeed(&entity.slug),
        &articles,
        false,
    )
}

/// The Atom feed of a tag's or story's latest articles, beside its page.
pub fn group_feed(
    r: &Renderer<'_>,
    section: crate::load::Section,
    group: &crate::link::Group,
) -> Output {
    let articles = group_feed_articles(r, group);
    atom(
        r,
        &format!("{} — {}", r.site.config.title, group.name),
        super::group_route(section, &group.slug),
        super::group_feed_route(section, &group.slug),
        &articles,
        false,
    )
}

/// The articles a tag's or story's feed carries: its newest.
pub(super) fn group_feed_articles(r: &Renderer<'_>, group: &crate::link::Group) -> Vec<ArticleId> {
    let mut articles = group.articles.clone();
    articles.sort_by_key(|&a| std::cmp::Reverse(r.site.articles[a].date.timestamp()));
    articles.truncate(r.site.config.feed_length);
    articles
}

fn date(value: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(value).unwrap_or_default()
}

/// Feed readers show an entry away from the site, so every relative `href`, `src` and
/// `srcset` address in its HTML is made absolute against the entry's own page (`#notes`
/// included).
pub fn absolute_links(html: &str, page_url: &str) -> String {
    let Ok(page) = Url::parse(page_url) else {
        return html.to_string();
    };
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("[href], [src]", |el| {
            for name in ["href", "src"] {
                let Some(raw) = el.get_attribute(name) else {
                    continue;
                };
                let value = attribute_text(&raw);
                if Url::parse(&value).is_ok() {
                    continue;
                }
                if let Ok(absolute) = page.join(&value) {
                    el.set_attribute(name, &escape_html(absolute.as_str()))?;
                }
            }
            Ok(())
        }))
        .append_element_content_handler(element!("img[srcset]", |el| {
            if let Some(raw) = el.get_attribute("srcset") {
                let absolute: Vec<String> = attribute_text(&raw)
                    .split(',')
                    .map(|candidate| {
                        let candidate = candidate.trim();
                        let (address, size) = candidate.split_once(' ').unwrap_or((candidate, ""));
                        match page.join(address) {
                            Ok(url) if Url::parse(address).is_err() => {
                                format!("{url} {size}").trim_end().to_string()
                            }
                            _ => candidate.to_string(),
                        }
                    })
                    .collect();
                el.set_attribute("srcset", &escape_html(&absolute.join(", ")))?;
            }
            Ok(())
        }));
    // The HTML was rendered by Brief; should rewriting fail, the feed's xml:base still
    // resolves what is left relative.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// An article's body HTML as feeds carry it.
fn feed_html(r: &Renderer<'_>, a: ArticleId) -> String {
    absolute_links(&r.body(a), &r.absolute(&r.card_of(a).url))
}

/// The newest article date of the site, for feeds with no entries.
fn site_updated(r: &Renderer<'_>) -> FixedDateTime {
    r.graph
        .by_date
        .first()
        .map(|&a| date(&r.site.articles[a].date.rfc3339()))
        .unwrap_or_default()
}

/// The Atom feed of `articles` (newest first) for the page at `page`, written to `feed`.
/// Only the site feed may carry whole articles: an article appears in the feeds of every
/// entity and topic it mentions, and copying it into each would multiply the site's size.
fn atom(
    r: &Renderer<'_>,
    title: &str,
    page: Route,
    feed_route: Route,
    articles: &[ArticleId],
    full: bool,
) -> Output {
    let page_url = r.graph.routes.absolute(page);
    let feed_url = r.graph.routes.absolute(feed_route);
    let updated = articles
        .iter()
        .map(|&a| {
            r.site.articles[a]
                .updated
                .unwrap_or(r.site.articles[a].date)
        })
        .max_by_key(|d| d.timestamp())
        .map_or_else(|| site_updated(r), |d| date(&d.rfc3339()));
    let entries = articles
        .iter()
        .map(|&a| {
            let article = &r.site.articles[a];
            let card = r.card_of(a);
            let url = r.absolute(&card.url);
            let published = date(&card.date);
            let updated = article.updated.map_or(published, |d| date(&d.rfc3339()));
            let mut entry = EntryBuilder::default();
            entry
                .title(Text::plain(article.front.title.clone()))
                .id(url.clone())
                .link(LinkBuilder::default().href(url).rel("alternate").build())
                .published(Some(published))
                .updated(updated)
                .summary(Some(Text::plain(card.summary.clone())))
                .authors(
                    article
                        .front
                        .authors
                        .iter()
                        .map(|name| PersonBuilder::default().name(name.clone()).build())
                        .collect::<Vec<_>>(),
                );
            if full {
                entry.content(Some(
                    ContentBuilder::default()
                        .content_type(Some("html".into()))
                        .value(Some(feed_html(r, a)))
                        .build(),
                ));
            }
            entry.build()
        })
        .collect::<Vec<_>>();
    let feed: Feed = FeedBuilder::default()
        .base(Some(page_url.clone()))
        .lang(Some(r.site.config.language.clone()))
        .title(Text::plain(title.to_string()))
        .id(feed_url.clone())
        .updated(updated)
        .link(
            LinkBuilder::default()
                .href(feed_url)
                .rel("self")
                .mime_type(Some("application/atom+xml".into()))
                .build(),
        )
        .link(
            LinkBuilder::default()
                .href(page_url)
                .rel("alternate")
                .build(),
        )
        .author(
            PersonBuilder::default()
                .name(r.site.config.title.clone())
                .build(),
        )
        .entries(entries)
        .build();
    let xml = feed.to_string();
    Output::new(r.graph.routes.file(feed_route), xml_safe(&xml).into_owned())
}

#[derive(Serialize)]
struct JsonFeed {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: String,
    language: String,
    items: Vec<JsonItem>,
}

#[derive(Serialize)]
struct JsonItem {
    id: String,
    url: String,
    title: String,
    summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<String>,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor>,
}

#[derive(Serialize)]
struct JsonAuthor {
    name: String,
}

/// JSON Feed 1.1 of the latest articles.
fn json_feed(r: &Renderer<'_>, articles: &[ArticleId]) -> Result<Output, Diagnostic> {
    let home = r.graph.routes.absolute(Route::Front);
    let full = r.site.config.feed_content == FeedContent::Full;
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: r.site.config.title.clone(),
        feed_url: format!("{home}feed.json"),
        home_page_url: home,
        description: r.site.config.description.clone(),
        language: r.site.config.language.clone(),
        items: articles
            .iter()
            .map(|&a| {
                let article = &r.site.articles[a];
                let card = r.card_of(a);
                let url = r.absolute(&card.url);
                JsonItem {
                    id: url.clone(),
                    url,
                    title: article.front.title.clone(),
                    summary: card.summary.clone(),
                    content_html: full.then(|| feed_html(r, a)),
                    content_text: (!full).then(|| card.summary.clone()),
                    date_published: article.date.rfc3339(),
                    date_modified: article.updated.map(|d| d.rfc3339()),
                    tags: article.front.tags.clone(),
                    authors: article
                        .front
                        .authors
                        .iter()
                        .map(|n| JsonAuthor { name: n.clone() })
                        .collect(),
                }
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&feed)
        .map_err(|e| Diagnostic::error("feed.json", e.to_string()))?;
    Ok(Output::new("feed.json", json))
}

#[derive(Serialize)]
struct SiteHead<'a> {
    title: &'a str,
    base_url: String,
}

#[derive(Serialize)]
struct ArticleData<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    date: String,
    path: String,
    story: Option<&'a str>,
    tags: &'a [String],
    facts: &'a crate::extract::Facts,
    related: Vec<&'a str>,
    backlinks: Vec<&'a str>,
}

#[derive(Serialize)]
struct EntityData<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'static str,
    known: bool,
    aliases: &'a [String],
    url: String,
    articles: Vec<&'a str>,
    co_mentions: Vec<(&'a str, usize)>,
}

#[derive(Serialize)]
struct GroupData<'a> {
    slug: &'a str,
    name: &'a str,
    articles: Vec<&'a str>,
}

/// One article's entry in `data/site.json`, serialised on its own so it can be kept
/// between rebuilds. Empty if it cannot be serialised (`site_data` reports that).
pub fn article_data(
    site: &Site,
    facts: &ArticleSlice<Facts>,
    graph: &Graph,
    a: ArticleId,
) -> String {
    let article = &site.articles[a];
    let links = &graph.article_links[a];
    let slug = |b: ArticleId| site.articles[b].slug.as_str();
    let data = ArticleData {
        slug: &article.slug,
        url: graph.routes.absolute(Route::Article(&article.slug)),
        title: &article.front.title,
        date: article.date.rfc3339(),
        path: article.path.to_string_lossy().replace('\\', "/"),
        story: article.front.story.as_deref(),
        tags: &article.front.tags,
        facts: &facts[a],
        related: links.related.iter().map(|&b| slug(b)).collect(),
        backlinks: links.backlinks.iter().map(|&b| slug(b)).collect(),
    };
    serde_json::to_string(&data).unwrap_or_default()
}

/// A hash of what an article's entry in `data/site.json` shows besides its own file and
/// the settings: the slugs of its related articles and backlinks. With those, the hash of
/// an entry made by an earlier build can be used without making the entry again.
pub fn article_data_inputs(site: &Site, graph: &Graph, a: ArticleId) -> u64 {
    let links = &graph.article_links[a];
    let slugs = |list: &[ArticleId]| -> Vec<&str> {
        list.iter()
            .map(|&b| site.articles[b].slug.as_str())
            .collect()
    };
    hash_of(&(slugs(&links.related), slugs(&links.backlinks)))
}

/// `data/site.json`: every article's extracted facts plus the site graph, for other tools.
/// Articles come newest first. Written in pieces: at 100,000 articles it is 700 MB.
pub fn site_data(r: &Renderer<'_>, sink: &mut dyn Sink) -> Result<(), Diagnostic> {
    let (site, graph) = (r.site, r.graph);
    fn json<T: Serialize>(value: &T) -> Result<String, Diagnostic> {
        serde_json::to_string(value).map_err(|e| Diagnostic::error(DATA_PATH, e.to_string()))
    }
    fn groups<'a>(site: &'a Site, list: &'a [crate::link::Group]) -> Vec<GroupData<'a>> {
        list.iter()
            .map(|g| GroupData {
                slug: &g.slug,
                name: &g.name,
                articles: g
                    .articles
                    .iter()
                    .map(|&a| site.articles[a].slug.as_str())
                    .collect(),
            })
            .collect()
    }
    let entities: Vec<EntityData> = graph
        .entities
        .iter_enumerated()
        .map(|(e, entity)| EntityData {
            slug: &entity.slug,
            name: &entity.name,
            kind: entity.kind.as_str(),
            known: entity.known,
            aliases: &entity.aliases,
            url: r.absolute(graph.entity_url(e)),
            articles: entity
                .articles
                .iter()
                .map(|&(a, _)| site.articles[a].slug.as_str())
                .collect(),
            co_mentions: entity
                .co_mentions
                .iter()
                .map(|&(o, n)| (graph.entities[o].name.as_str(), n))
                .collect(),
        })
        .collect();
    let head = json(&SiteHead {
        title: &site.config.title,
        base_url: site.config.base_url.absolute().to_string(),
    })?;
    let tail = [
        ("],\"entities\":", json(&entities)?),
        (",\"stories\":", json(&groups(site, &graph.stories))?),
        (",\"tags\":", json(&groups(site, &graph.tags))?),
    ];
    // The object is written by hand around the article entries, exactly as serde_json
    // writes a struct: {"title":…,"base_url":…,"articles":[…],"entities":…,"stories":…,"tags":…}
    let mut piece = |text: &str| sink.piece(DATA_PATH, text.as_bytes());
    let head = head.strip_suffix('}').unwrap_or(&head);
    let open = ",\"articles\":[";
    piece(head)?;
    piece(open)?;
    write_article_entries(r, &mut piece, (head.len() + open.len()) as u64)?;
    for (key, value) in &tail {
        piece(key)?;
        piece(value)?;
    }
    piece("}")
}

/// Where `data/site.json` is in the output.
pub const DATA_PATH: &str = "data/site.json";

/// Articles whose `data/site.json` entries are made together, in parallel.
const DATA_WAVE: usize = 512;

/// Writes the comma-separated article entries of `data/site.json`, newest first, from
/// byte `start` of the file. The entries are the renderer's kept ones when it has them
/// (`brief serve`); a build copies those an earlier build wrote the same, and makes the
/// others here a wave at a time, so they are never all held at once.
fn write_article_entries(
    r: &Renderer<'_>,
    piece: &mut dyn FnMut(&str) -> Result<(), Diagnostic>,
    start: u64,
) -> Result<(), Diagnostic> {
    let (site, graph) = (r.site, r.graph);
    let kept = r.data.len() == site.articles.len();
    let entry = |a: ArticleId| -> Result<Cow<'_, str>, Diagnostic> {
        let earlier = || r.earlier_entries.as_ref().and_then(|e| e.entry(a));
        let made = if kept {
            Cow::Borrowed(r.data[a].as_str())
        } else if let Some(copied) = earlier() {
            Cow::Owned(copied)
        } else {
            let made = article_data(site, r.facts, graph, a);
            r.made_data(a, &made);
            Cow::Owned(made)
        };
        if made.is_empty() {
            return Err(Diagnostic::error(
                DATA_PATH,
                format!(
                    "cannot write the entry of {}",
                    site.articles[a].path.display()
                ),
            ));
        }
        Ok(made)
    };
    let mut joined = String::new();
    let mut ranges = Vec::with_capacity(graph.by_date.len());
    let mut at = start;
    for (w, wave) in graph.by_date.chunks(DATA_WAVE).enumerate() {
        let made: Vec<Cow<'_, str>> = wave
            .par_iter()
            .map(|&a| entry(a))
            .collect::<Result<_, _>>()?;
        joined.clear();
        for (i, (made, &a)) in made.iter().zip(wave).enumerate() {
            if w > 0 || i > 0 {
                joined.push(',');
            }
            ranges.push((a, (at + joined.len() as u64, made.len() as u64)));
            joined.push_str(made);
        }
        at += joined.len() as u64;
        piece(&joined)?;
    }
    r.note_entry_ranges(ranges);
    Ok(())
}

/// The site's Atom and JSON feeds.
pub(super) struct SiteFeeds;

impl PageKind for SiteFeeds {
    fn label(&self) -> &'static str {
        "site feeds"
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::SiteFeed
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        site_feeds(r)
    }

    /// The site feeds carry the newest articles whole.
    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        let by_date = &r.graph.by_date;
        for &a in &by_date[..by_date.len().min(r.site.config.feed_length)] {
            print.card(a).revision(a).body(a);
        }
    }
}

/// `data/site.json`, streamed (see `site_data`).
pub(super) struct SiteData;

impl PageKind for SiteData {
    fn label(&self) -> &'static str {
        "data/site.json"
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Data
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        let mut files = Vec::new();
        self.stream(r, index, &mut files).map(|()| files)
    }

    /// `data/site.json` holds every article's entry, and every entity, topic and story
    /// with the slugs of its articles.
    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        let graph = r.graph;
        for a in r.site.articles.keys() {
            print.data(a);
        }
        for (e, entity) in graph.entities.iter_enumerated() {
            print.entity(e).add(&entity.slug).add(&entity.aliases);
            for &(a, _) in &entity.articles {
                print.card(a);
            }
            for &(other, count) in &entity.co_mentions {
                print.entity(other).add(&count);
            }
        }
        for group in graph.tags.iter().chain(&graph.stories) {
            print
                .add(&group.name)
                .add(&group.slug)
                .cards(&group.articles);
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
        site_data(r, sink)
    }
}
