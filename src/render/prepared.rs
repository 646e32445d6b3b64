//! The per-article parts of rendering that many pages share: an article's card, shown in
//! every list, and its body with entity mentions linked.

use std::sync::Arc;

use crate::model::Name;
use crate::render::highlight::Highlighter;
use crate::render::*;

/// Article bodies, cards and data entries, index-aligned with `Site::articles`: the
/// per-article part of rendering, which `brief serve` keeps between rebuilds and redoes only
/// where it changed. A build keeps only the cards, which many pages list; a body is used on
/// its article's page (and in the site feed) and an entry in `data/site.json`, so they are
/// made there rather than all held at once.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Empty, or every body.
    pub bodies: PerArticle<String>,
    pub cards: PerArticle<ArticleCard>,
    /// Empty, or every article's entry in `data/site.json`, as JSON.
    pub data: PerArticle<String>,
    /// Kept with the bodies, so `brief serve` highlights a code block once, not per rebuild.
    pub highlighter: Arc<Highlighter>,
    /// Empty, or a hash of each article's card, body and data entry: what page
    /// fingerprints are made of, so a fingerprint never rehashes a whole body.
    pub hashes: PerArticle<PartHashes>,
}

/// Hashes of one article's kept parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartHashes {
    pub card: u64,
    /// Of the card as a line in a long list (`ArticleEntry`): a list that shows only
    /// titles and dates stays as it is when an article's text changes.
    pub entry: u64,
    pub body: u64,
    pub data: u64,
}

impl PartHashes {
    pub fn of(card: &ArticleCard, body: &str, data: &str) -> PartHashes {
        PartHashes {
            body: hash_of(body),
            data: hash_of(data),
            ..PartHashes::of_card(card)
        }
    }

    /// The card's hashes, the body's and data entry's left at zero.
    pub fn of_card(card: &ArticleCard) -> PartHashes {
        PartHashes {
            card: hash_of(card),
            entry: card.entry_hash(),
            ..PartHashes::default()
        }
    }
}

/// One hash function for every fingerprint input: fast, and the same in every run.
pub fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(value)
}

impl Prepared {
    /// Every article's card.
    pub fn cards(site: &Site, facts: &ArticleSlice<Facts>, graph: &Graph) -> Prepared {
        Prepared {
            cards: (0..site.articles.len())
                .into_par_iter()
                .map(|a| article_card(site, facts, graph, a.into()))
                .collect::<Vec<_>>()
                .into(),
            ..Prepared::default()
        }
    }

    /// Every article's card, body and data entry, for a renderer that keeps them between
    /// rebuilds.
    pub fn all(site: &Site, facts: &ArticleSlice<Facts>, graph: &Graph) -> Prepared {
        let shared = site_surfaces(site, facts, graph);
        let highlighter = Arc::new(Highlighter::default());
        let ((bodies, cards), data): ((Vec<String>, Vec<ArticleCard>), Vec<String>) =
            (0..site.articles.len())
                .into_par_iter()
                .map(ArticleId::from)
                .map(|a| {
                    (
                        (
                            render_article_body(
                                site,
                                facts,
                                graph,
                                a,
                                site.articles[a].body(),
                                Some(&shared),
                                &highlighter,
                            ),
                            article_card(site, facts, graph, a),
                        ),
                        site_data::article_data(site, facts, graph, a),
                    )
                })
                .unzip();
        let (bodies, cards, data): (
            PerArticle<String>,
            PerArticle<ArticleCard>,
            PerArticle<String>,
        ) = (bodies.into(), cards.into(), data.into());
        let hashes = (0..site.articles.len())
            .into_par_iter()
            .map(ArticleId::from)
            .map(|a| PartHashes::of(&cards[a], &bodies[a], &data[a]))
            .collect::<Vec<_>>()
            .into();
        Prepared {
            bodies,
            cards,
            data,
            highlighter,
            hashes,
        }
    }
}

/// An article as shown in lists.
pub fn article_card(
    site: &Site,
    facts: &ArticleSlice<Facts>,
    graph: &Graph,
    a: ArticleId,
) -> ArticleCard {
    let article = &site.articles[a];
    let links = &graph.article_links[a];
    ArticleCard {
        title: article.front.title.clone(),
        url: graph.article_url(site, a),
        slug: article.slug.clone(),
        date: article.date.rfc3339(),
        date_display: site.locale.date(article.date.date()),
        time_display: article.date.time_in(site.config.timezone.zone()),
        day_url: graph.routes.url(Route::Day(article.date.date())),
        summary: facts[a].summary.clone(),
        reading_minutes: facts[a].reading_minutes,
        word_count: facts[a].word_count,
        tags: links
            .tags
            .iter()
            .map(|&t| group_link(graph, Section::Tags, &graph.tags[t]))
            .collect(),
        entities: links
            .entities
            .iter()
            .take(CARD_ENTITIES)
            .map(|&(e, count)| entity_ref(graph, e, count))
            .collect(),
        story: links
            .story
            .map(|s| group_link(graph, Section::Stories, &graph.stories[s])),
        scheduled: article.scheduled,
        picture: site.media.of(a).and_then(|m| m.lead.clone()),
    }
}

pub(super) fn entity_ref(graph: &Graph, e: EntityId, count: usize) -> EntityRef {
    let entity = &graph.entities[e];
    EntityRef {
        name: entity.name.clone(),
        url: graph.entity_url(e).to_string(),
        kind: entity.kind.as_str(),
        known: entity.known,
        count,
    }
}

pub(super) fn toc(headings: &[Heading]) -> Vec<TocEntry> {
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
pub fn site_surfaces(site: &Site, facts: &ArticleSlice<Facts>, graph: &Graph) -> SiteSurfaces {
    if site.config.link_entities == LinkEntities::None {
        return SiteSurfaces::new([]);
    }
    SiteSurfaces::new(
        facts
            .iter()
            .flat_map(|f| &f.entities)
            .filter(|mention| graph.entity_by_name.contains_key(mention.name.as_str()))
            .flat_map(|mention| mention.surfaces.iter().map(Name::to_string)),
    )
}

/// Each surface form in an article that links to an entity page: the form, the entity's
/// name and its page's URL.
fn linked_surfaces<'g>(
    site: &Site,
    facts: &'g ArticleSlice<Facts>,
    graph: &'g Graph,
    a: ArticleId,
) -> impl Iterator<Item = (&'g str, &'g str, &'g str)> {
    let linking = site.config.link_entities != LinkEntities::None;
    facts[a]
        .entities
        .iter()
        .filter(move |_| linking)
        .filter_map(|mention| {
            let &e = graph.entity_by_name.get(mention.name.as_str())?;
            Some((mention, graph.entity_url(e)))
        })
        .flat_map(|(mention, url)| {
            mention
                .surfaces
                .iter()
                .map(move |surface| (surface.as_str(), mention.name.as_str(), url))
        })
}

/// A hash of what an article's body shows besides its own file and the settings: its
/// resolved links and the pages its entity mentions link to. With it, the hash of a body
/// rendered by an earlier build can be used without rendering the body again.
pub fn body_inputs(site: &Site, facts: &ArticleSlice<Facts>, graph: &Graph, a: ArticleId) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    graph.article_links[a].resolved.hash(&mut hasher);
    for linked in linked_surfaces(site, facts, graph, a) {
        linked.hash(&mut hasher);
    }
    hasher.finish()
}

/// An article's body HTML, from its Markdown `body`, with its entity mentions linked.
/// `shared`, from `site_surfaces`, saves building a matcher for the article when many are
/// rendered.
pub fn render_article_body(
    site: &Site,
    facts: &ArticleSlice<Facts>,
    graph: &Graph,
    a: ArticleId,
    body: &str,
    shared: Option<&SiteSurfaces>,
    highlighter: &Highlighter,
) -> String {
    let mode = site.config.link_entities;
    let surfaces = linked_surfaces(site, facts, graph, a)
        .map(|(surface, name, url)| (surface.to_string(), name.to_string(), url.to_string()))
        .collect();
    let linker = EntityLinker::new(surfaces, mode, shared);
    markdown::render(&Document {
        markdown: body,
        headings: &facts[a].headings,
        links: &graph.article_links[a].resolved,
        entities: &linker,
        base_path: graph.routes.base_path(),
        allow_html: site.config.markdown.allow_html,
        highlighter,
        media: site.media.of(a),
    })
}
