//! Saving what a build learnt, replacing the cache: the articles' front matter and facts,
//! the search terms, the site graph when it was linked again, and what rendering made.

use super::{
    Cache, GRAPH, MANIFEST, Manifest, Rendered, SEARCH, UnreadFile, articles, remove_kept_graph,
    store,
};
use crate::extract::Facts;
use crate::link::{self, Graph};
use crate::load::{FrontMatter, Site};
use crate::model::PerArticle;

impl Cache {
    /// Saves what this build learnt, replacing the cache: the articles of `site` with their
    /// front matter, facts and related lists, and what rendering made.
    pub fn save(
        self,
        site: &Site,
        facts: &PerArticle<Facts>,
        (graph, record): (&Graph, &link::GraphRecord),
        rendered: Rendered,
    ) -> Result<(), String> {
        let failed = |e: std::io::Error| {
            format!(
                "cannot write the build cache in {}: {e}",
                self.dir.display()
            )
        };
        let encoded = |what: &str, e: bincode::error::EncodeError| {
            format!("cannot encode the build cache's {what}: {e}")
        };
        let config = store::encoding();
        // The search terms, the largest file, are saved beside the rest: when the build
        // saves, the site is written, and a core would otherwise wait.
        let save_search = || {
            let body = bincode::encode_to_vec(&rendered.search, config)
                .map_err(|e| encoded("search terms", e))?;
            store::write(&self.dir, SEARCH, self.identity, &body).map_err(failed)
        };
        let save_rest = || {
            let articles = &site.articles.raw;
            let keys: Vec<u128> = articles.iter().map(|a| a.text.key()).collect();
            let earlier = &self.earlier.fronts;
            let shards = articles::write(
                &self.dir,
                self.identity,
                &keys,
                &self.earlier.shards,
                |at| articles::Entry {
                    key: keys[at],
                    front: match earlier.get(&keys[at]) {
                        Some(json) => Some(json.clone()),
                        None => front_json(&articles[at].front),
                    },
                    facts: &facts.raw[at],
                },
            )
            .map_err(failed)?;
            // Each file's bytes are let go before the next is encoded: at 100,000
            // articles they are 52 MB of graph and 48 MB of manifest.
            match record {
                link::GraphRecord::Kept => {}
                link::GraphRecord::Linked(inputs) => {
                    let kept = bincode::encode_to_vec(inputs.with_graph(graph), config)
                        .map_err(|e| encoded("site graph", e))?;
                    store::write(&self.dir, GRAPH, self.identity, &kept).map_err(failed)?;
                }
                link::GraphRecord::Unkept => remove_kept_graph(&self.dir).map_err(failed)?,
            }
            let manifest = Manifest {
                facts_key: self.facts_key,
                shards,
                render_key: self.earlier.render_key,
                bodies: rendered.bodies,
                data: rendered.data,
                data_file: rendered.data_file,
                data_at: rendered.data_at,
                entity_at: rendered.entity_at,
                pages: rendered.pages,
                related: related_lists(site, graph),
                story_titles: graph.story_titles.clone(),
                unread: unread_files(site),
            };
            let body =
                bincode::encode_to_vec(&manifest, config).map_err(|e| encoded("manifest", e))?;
            store::write(&self.dir, MANIFEST, self.identity, &body).map_err(failed)?;
            Ok::<_, String>(manifest.shards)
        };
        let (searched, shards) = rayon::join(save_search, save_rest);
        if let Ok(shards) = &shards {
            articles::remove_others(&self.dir, shards);
        }
        match (searched, shards) {
            (Ok(()), Ok(_)) => Ok(()),
            (Err(why), Ok(_)) | (Ok(()), Err(why)) => Err(why),
            (Err(search), Err(rest)) => Err(format!("{search}; {rest}")),
        }
    }
}

/// Each article's related list as slugs, by what it was scored from.
fn related_lists(site: &Site, graph: &Graph) -> Vec<(u64, Vec<String>)> {
    graph
        .article_links
        .iter()
        .map(|links| {
            let slugs = links.related.iter();
            let slugs = slugs.map(|&b| site.articles[b].slug.clone()).collect();
            (links.related_inputs, slugs)
        })
        .collect()
}

/// The articles this build read whose stamps a later build may trust.
fn unread_files(site: &Site) -> Vec<UnreadFile> {
    let files = site.articles.iter().filter_map(|article| {
        Some(UnreadFile {
            path: article.path.to_str()?.to_string(),
            stamp: article.stamp?,
            key: article.text.key(),
            body_offset: article.body_offset as u64,
        })
    });
    files.collect()
}

/// Front matter as the cache keeps it, if it reads back as exactly the same front matter.
fn front_json(front: &FrontMatter) -> Option<String> {
    let json = serde_json::to_string(front).ok()?;
    let back: FrontMatter = serde_json::from_str(&json).ok()?;
    (serde_json::to_string(&back).ok()? == json).then_some(json)
}
