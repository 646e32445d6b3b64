//! Atom and JSON feeds: the site's, each entity's and each topic's and story's. Built with
//! feed writers, never by concatenation.

use atom_syndication::{
    ContentBuilder, EntryBuilder, Feed, FeedBuilder, FixedDateTime, LinkBuilder, PersonBuilder,
    Text,
};

use lol_html::{RewriteStrSettings, element, rewrite_str};
use serde::Serialize;
use url::Url;

use super::{Output, PageKind, Print, Renderer};
use crate::config::FeedContent;
use crate::diag::Diagnostic;
use crate::model::{ArticleId, EntityId, Route, attribute_text, escape_html, xml_safe};

/// The site's Atom and JSON feeds of the latest articles.
pub fn site_feeds(r: &Renderer<'_>) -> Result<Vec<Output>, Diagnostic> {
    let limit = r.site.config.feed_length;
    let latest: Vec<ArticleId> = r.graph.by_date.iter().copied().take(limit).collect();
    // Made once for both feeds.
    let contents: Option<Vec<String>> = match r.site.config.feed_content == FeedContent::Full {
        true => Some(
            latest
                .iter()
                .map(|&a| feed_html(r, a))
                .collect::<Result<_, _>>()?,
        ),
        false => None,
    };
    let contents = contents.as_deref();
    Ok(vec![
        atom(
            r,
            &r.site.config.title,
            Route::Front,
            Route::SiteFeed,
            &latest,
            contents,
        ),
        json_feed(r, &latest, contents)?,
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
        None,
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
        None,
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
fn feed_html(r: &Renderer<'_>, a: ArticleId) -> Result<String, Diagnostic> {
    Ok(absolute_links(&r.body(a)?, &r.absolute(&r.card_of(a).url)))
}

/// The newest article date of the site, for feeds with no entries.
fn site_updated(r: &Renderer<'_>) -> FixedDateTime {
    r.graph
        .by_date
        .first()
        .map(|&a| date(&r.site.articles[a].date.rfc3339()))
        .unwrap_or_default()
}

/// The Atom feed of `articles` (newest first) for the page at `page`, written to `feed`,
/// with each article's whole HTML when `contents` gives it (in the same order). Only the
/// site feed may carry whole articles: an article appears in the feeds of every entity and
/// topic it mentions, and copying it into each would multiply the site's size.
fn atom(
    r: &Renderer<'_>,
    title: &str,
    page: Route,
    feed_route: Route,
    articles: &[ArticleId],
    contents: Option<&[String]>,
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
        .enumerate()
        .map(|(n, &a)| {
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
            if let Some(contents) = contents {
                entry.content(Some(
                    ContentBuilder::default()
                        .content_type(Some("html".into()))
                        .value(contents.get(n).cloned())
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
fn json_feed(
    r: &Renderer<'_>,
    articles: &[ArticleId],
    contents: Option<&[String]>,
) -> Result<Output, Diagnostic> {
    let home = r.graph.routes.absolute(Route::Front);
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: r.site.config.title.clone(),
        feed_url: format!("{home}feed.json"),
        home_page_url: home,
        description: r.site.config.description.clone(),
        language: r.site.config.language.clone(),
        items: articles
            .iter()
            .enumerate()
            .map(|(n, &a)| {
                let article = &r.site.articles[a];
                let card = r.card_of(a);
                let url = r.absolute(&card.url);
                JsonItem {
                    id: url.clone(),
                    url,
                    title: article.front.title.clone(),
                    summary: card.summary.clone(),
                    content_html: contents.and_then(|c| c.get(n).cloned()),
                    content_text: contents.is_none().then(|| card.summary.clone()),
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
