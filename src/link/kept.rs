//! The graph of the last build, kept in the build cache with what linking read to make
//! it. A rebuild whose articles give linking what they gave it then (a reworded sentence,
//! a corrected figure: most edits) takes that graph instead of linking the site again,
//! which at 100,000 articles took longer than any other step of a one-article rebuild.

use super::*;
use crate::render::hash_of;

/// A graph and what it was linked from. Kept only when linking had nothing to say: a
/// rebuild that takes it reports no problems of linking.
#[derive(bincode::Encode, bincode::Decode)]
pub struct KeptGraph {
    /// What linking read besides the articles' own inputs (see `site_key`).
    site_key: u64,
    /// Each article's file and what linking read of it (see `article_digest`), in the
    /// site's order.
    articles: Vec<(u128, u64)>,
    graph: Graph,
}

/// What the build cache does with a build's site graph.
pub enum GraphRecord {
    /// The graph is the kept one: its file serves the next build as it is, since an
    /// article changed since it was written is digested again (see `LinkInputs::of`).
    Kept,
    /// A graph linked now, to be kept with what it was linked from.
    Linked(LinkInputs),
    /// None to keep: linking had something to say, or nothing keeps graphs.
    Unkept,
}

/// What one build's linking was made from, for the next build to compare with.
pub struct LinkInputs {
    site_key: u64,
    articles: Vec<(u128, u64)>,
}

impl LinkInputs {
    /// Works out what `link` reads from the site, each article's digest in parallel. An
    /// article whose file is the one `kept` was linked from, in a site with the same
    /// settings, gazetteer and article paths, has the digest it had then: its facts are
    /// the same (hashing every article's facts was most of a rebuild's linking).
    pub fn of(site: &Site, facts: &ArticleSlice<Facts>, kept: Option<&KeptGraph>) -> Self {
        let site_key = site_key(site);
        let earlier = kept
            .filter(|k| k.site_key == site_key && k.articles.len() == site.articles.len())
            .map(|k| k.articles.as_slice());
        let articles = site
            .articles
            .raw
            .par_iter()
            .zip(facts.raw.par_iter())
            .enumerate()
            .map(|(i, (article, facts))| {
                let key = article.text.key();
                let same = earlier
                    .and_then(|e| e.get(i))
                    .filter(|(was, _)| *was == key);
                let digest = same.map_or_else(|| article_digest(article, facts), |&(_, d)| d);
                (key, digest)
            })
            .collect();
        LinkInputs { site_key, articles }
    }

    /// `graph` with these inputs, to be encoded as the `KeptGraph` a later build reads.
    pub fn with_graph<'a>(&'a self, graph: &'a Graph) -> impl bincode::Encode + 'a {
        (self.site_key, &self.articles, graph)
    }
}

impl KeptGraph {
    /// The kept graph, when linking `site` would make it again: linking read the same from
    /// the site and from every article. Stories whose titles are spelled from their
    /// articles' texts get their titles worked out again where an article's file changed.
    pub fn take(self, site: &Site, inputs: &LinkInputs) -> Option<Graph> {
        if self.site_key != inputs.site_key
            || self.articles.len() != inputs.articles.len()
            || self
                .articles
                .iter()
                .zip(&inputs.articles)
                .any(|((_, was), (_, is))| was != is)
        {
            return None;
        }
        let mut graph = self.graph;
        let changed = self
            .articles
            .iter()
            .zip(&inputs.articles)
            .map(|((was, _), (is, _))| was != is);
        let mut stories: Vec<usize> = changed
            .zip(graph.article_links.iter())
            .filter_map(|(changed, links)| links.story.filter(|_| changed))
            .collect();
        stories.sort_unstable();
        stories.dedup();
        for s in stories {
            let story = &mut graph.stories[s];
            if let Some(id) = id_of_title_from_texts(site, story) {
                let texts = story_texts(site, story);
                story.name = story_title(&id, texts.iter().map(AsRef::as_ref));
            }
        }
        // As `link` lists them for `Earlier`: by the files they were worked out from.
        let titles = graph.stories.iter().filter_map(|story| {
            let id = id_of_title_from_texts(site, story)?;
            Some((story_title_key(site, &id, story), story.name.clone()))
        });
        graph.story_titles = titles.collect();
        Some(graph)
    }
}

/// The id of a story whose title is spelled from its articles' texts (no introduction
/// gives it one, and the id has words a hyphen may join), as its oldest article writes it
/// (see `group_by`).
fn id_of_title_from_texts(site: &Site, story: &Group) -> Option<String> {
    if story
        .intro
        .and_then(|i| site.intros[i].title.as_ref())
        .is_some()
    {
        return None;
    }
    let first = *story.articles.first()?;
    let id = site.articles[first].front.story.as_deref()?.trim();
    story_title_reads_texts(id).then(|| id.to_string())
}

/// What `link` reads from the site besides each article's own inputs: the settings, the
/// gazetteer, the introductions, briefing notes and standalone pages (whose outlines
/// their texts give), and which articles there are.
fn site_key(site: &Site) -> u64 {
    let config = serde_json::to_string(&site.config).unwrap_or_default();
    let entities: Vec<_> = site
        .entities
        .iter()
        .map(|e| {
            let fields = (&e.name, e.kind, &e.aliases, &e.description, &e.body);
            (fields, &e.path, e.line)
        })
        .collect();
    let intros: Vec<_> = site
        .intros
        .iter()
        .map(|i| (i.section, &i.path, &i.slug, &i.title, &i.text))
        .collect();
    let briefings: Vec<_> = site
        .briefings
        .iter()
        .map(|b| (&b.path, b.date, &b.title, &b.body))
        .collect();
    let pages: Vec<_> = site
        .pages
        .iter()
        .map(|p| (&p.path, &p.slug, &p.text))
        .collect();
    let paths: Vec<&Path> = site.articles.iter().map(|a| a.path.as_path()).collect();
    hash_of(&(
        config,
        entities,
        &site.ignored,
        intros,
        briefings,
        pages,
        paths,
    ))
}

/// A hash of everything `link` reads of one article and its facts, except its text (see
/// `same_story_title_inputs`).
pub(super) fn article_digest(article: &Article, facts: &Facts) -> u64 {
    let front = &article.front;
    let fields = (
        &article.path,
        &article.slug,
        article.date,
        &front.tags,
        &front.story,
    );
    let more = (&front.authors, &front.aliases, front.lead, front.weight);
    // Read in passing: a digest is made for every article when the site's paths change.
    let speakers = facts
        .quotes
        .read_with(|quotes| hash_of(&quotes.iter().map(|q| &q.speaker_entity).collect::<Vec<_>>()));
    let sources = facts.attributions.read_with(|attributions| {
        let sources: Vec<_> = attributions
            .iter()
            .map(|s| (&s.entity, s.content.is_some()))
            .collect();
        hash_of(&sources)
    });
    let links: Vec<_> = facts.links.iter().map(|l| &l.target).collect();
    let headings: Vec<_> = facts.headings.iter().map(|h| &h.id).collect();
    hash_of(&(
        fields,
        more,
        &facts.entities,
        speakers,
        sources,
        links,
        headings,
    ))
}
