//! `data/site.json`: the extracted site graph as JSON, for other tools. It holds every
//! article's entry, so a rebuild copies the entries an earlier build wrote unchanged from
//! that file, and makes only the others.

use std::borrow::Cow;

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;

use super::{EntryRange, EntryRanges, Output, PageKind, Print, Renderer, Sink, hash_of};
use crate::diag::Diagnostic;
use crate::extract::Facts;
use crate::link::Graph;
use crate::load::Site;
use crate::model::{ArticleId, ArticleSlice, EntityId, Route};

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
    fn groups<'a>(
        site: &'a Site,
        list: &'a [crate::link::Group],
    ) -> impl Iterator<Item = GroupData<'a>> {
        list.iter().map(|g| GroupData {
            slug: &g.slug,
            name: &g.name,
            articles: g
                .articles
                .iter()
                .map(|&a| site.articles[a].slug.as_str())
                .collect(),
        })
    }
    let head = json(&SiteHead {
        title: &site.config.title,
        base_url: site.config.base_url.absolute().to_string(),
    })?;
    // The object is written by hand around the article entries, exactly as serde_json
    // writes a struct: {"title":…,"base_url":…,"articles":[…],"entities":…,"stories":…,"tags":…}
    let mut piece = |text: &[u8]| sink.piece(DATA_PATH, text);
    let head = head.strip_suffix('}').unwrap_or(&head);
    let open = ",\"articles\":[";
    piece(head.as_bytes())?;
    piece(open.as_bytes())?;
    let (articles, at) = write_article_entries(r, &mut piece, (head.len() + open.len()) as u64)?;
    let open = b"],\"entities\":";
    piece(open)?;
    let entities = write_entities(r, &mut piece, at + open.len() as u64)?;
    r.note_entry_ranges(EntryRanges { articles, entities });
    piece(b",\"stories\":")?;
    write_array(groups(site, &graph.stories), &mut piece)?;
    piece(b",\"tags\":")?;
    write_array(groups(site, &graph.tags), &mut piece)?;
    piece(b"}")
}

/// Bytes of a JSON array gathered before they are handed on (see `write_array`).
const ARRAY_PIECE: usize = 1 << 20;

/// Writes `items` as serde_json writes a list of them, a piece at a time: every entity
/// with the slugs of its articles, made whole before it was written, was the largest
/// thing a build held while writing `data/site.json`.
fn write_array<T: Serialize>(
    items: impl Iterator<Item = T>,
    piece: &mut dyn FnMut(&[u8]) -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    let mut buffer = vec![b'['];
    for (i, item) in items.enumerate() {
        if i > 0 {
            buffer.push(b',');
        }
        serde_json::to_writer(&mut buffer, &item)
            .map_err(|e| Diagnostic::error(DATA_PATH, e.to_string()))?;
        if buffer.len() >= ARRAY_PIECE {
            piece(&buffer)?;
            buffer.clear();
        }
    }
    buffer.push(b']');
    piece(&buffer)
}

/// Where `data/site.json` is in the output.
pub const DATA_PATH: &str = "data/site.json";

/// Articles whose `data/site.json` entries are made together, in parallel.
const DATA_WAVE: usize = 512;

/// Writes the comma-separated article entries of `data/site.json`, newest first, from
/// byte `start` of the file; gives where each went and where they end. The entries are
/// the renderer's kept ones when it has them (`brief serve`); a build copies those an
/// earlier build wrote the same, and makes the others here a wave at a time, so they are
/// never all held at once.
fn write_article_entries(
    r: &Renderer<'_>,
    piece: &mut dyn FnMut(&[u8]) -> Result<(), Diagnostic>,
    start: u64,
) -> Result<(Vec<(ArticleId, EntryRange)>, u64), Diagnostic> {
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
        // Every wave but the first follows a comma.
        let mut comma = w > 0;
        let earlier = r.earlier_entries.as_ref().filter(|_| !kept);
        if let Some((earlier, run)) = earlier.and_then(|e| Some((e, e.article_run(wave)?))) {
            if comma {
                piece(b",")?;
                at += 1;
                comma = false;
            }
            if let Some(within) = earlier.copy_run(&run, piece)? {
                ranges.extend(wave.iter().zip(within).map(|(&a, (o, l))| (a, (at + o, l))));
                at += run_length(&run);
                continue;
            }
        }
        let made: Vec<Cow<'_, str>> = wave
            .par_iter()
            .map(|&a| entry(a))
            .collect::<Result<_, _>>()?;
        joined.clear();
        for (i, (made, &a)) in made.iter().zip(wave).enumerate() {
            if comma || i > 0 {
                joined.push(',');
            }
            ranges.push((a, (at + joined.len() as u64, made.len() as u64)));
            joined.push_str(made);
        }
        at += joined.len() as u64;
        piece(joined.as_bytes())?;
    }
    Ok((ranges, at))
}

/// A key for each entity's entry in `data/site.json`: a hash of everything the entry
/// shows, so that an earlier build's entry with the same key is the same text. An entity
/// lists the slug of every article that mentions it (a third of a megabyte for a name in
/// thousands of articles), so an unchanged entry is copied like the articles' entries
/// rather than made again.
fn entity_keys(r: &Renderer<'_>) -> Vec<u64> {
    let (site, graph) = (r.site, r.graph);
    let slugs: Vec<u64> = site
        .articles
        .raw
        .par_iter()
        .map(|article| hash_of(article.slug.as_str()))
        .collect();
    let entities: Vec<_> = graph.entities.iter_enumerated().collect();
    entities
        .into_par_iter()
        .map(|(e, entity)| {
            let mut hasher = rustc_hash::FxHasher::default();
            (&entity.slug, &entity.name, entity.kind.as_str()).hash(&mut hasher);
            (entity.known, &entity.aliases).hash(&mut hasher);
            r.absolute(graph.entity_url(e)).hash(&mut hasher);
            entity.articles.len().hash(&mut hasher);
            for &(a, _) in &entity.articles {
                slugs[usize::from(a)].hash(&mut hasher);
            }
            entity.co_mentions.len().hash(&mut hasher);
            for &(other, count) in &entity.co_mentions {
                (graph.entities[other].name.as_str(), count).hash(&mut hasher);
            }
            hasher.finish()
        })
        .collect()
}

/// Writes the array of entities from byte `start` of `data/site.json`; gives where each
/// entry went, by its key. Runs of entries the earlier file holds one after another are
/// copied in one piece; the others are made here.
fn write_entities(
    r: &Renderer<'_>,
    piece: &mut dyn FnMut(&[u8]) -> Result<(), Diagnostic>,
    start: u64,
) -> Result<Vec<(u64, EntryRange)>, Diagnostic> {
    let graph = r.graph;
    let keys = entity_keys(r);
    let earlier = r.earlier_entries.as_ref();
    let ids: Vec<EntityId> = graph.entities.keys().collect();
    let mut ranges = Vec::with_capacity(keys.len());
    piece(b"[")?;
    let mut at = start + 1;
    let mut next = 0;
    while next < ids.len() {
        let comma: &[u8] = if next > 0 { b"," } else { b"" };
        piece(comma)?;
        let base = at + comma.len() as u64;
        let copied = match earlier.map(|e| (e, e.entity_run(&keys[next..]))) {
            Some((earlier, run)) if !run.is_empty() => earlier
                .copy_run(&run, piece)?
                .map(|within| (within, run_length(&run))),
            _ => None,
        };
        let (within, length) = match copied {
            Some(copied) => copied,
            None => {
                let text = serde_json::to_vec(&entity_data(r, ids[next]))
                    .map_err(|e| Diagnostic::error(DATA_PATH, e.to_string()))?;
                piece(&text)?;
                (vec![(0, text.len() as u64)], text.len() as u64)
            }
        };
        ranges.extend(
            keys[next..]
                .iter()
                .zip(&within)
                .map(|(&key, &(o, l))| (key, (base + o, l))),
        );
        at = base + length;
        next += within.len();
    }
    piece(b"]")?;
    Ok(ranges)
}

/// Bytes from the start of a run of entries to its end.
fn run_length(run: &[EntryRange]) -> u64 {
    match (run.first(), run.last()) {
        (Some(first), Some(last)) => last.0 + last.1 - first.0,
        _ => 0,
    }
}

/// One entity's entry in `data/site.json`.
fn entity_data<'a>(r: &'a Renderer<'_>, e: EntityId) -> EntityData<'a> {
    let (site, graph) = (r.site, r.graph);
    let entity = &graph.entities[e];
    EntityData {
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
        super::stream_into_files(self, r, index)
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
