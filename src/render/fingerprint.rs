//! Page fingerprints: a cheap hash of everything a page shows, made from the hashes of the
//! articles' kept parts (cards, bodies, data entries) and their revisions, never from the
//! rendered page. `brief serve` renders a page again exactly when its fingerprint changed,
//! so a page kind states what it shows once, beside the code that shows it.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::render::*;

/// What a fingerprint is made of, collected in order.
pub struct Print<'r, 'a> {
    hasher: FxHasher,
    renderer: &'r Renderer<'a>,
    revisions: &'r ArticleSlice<u64>,
}

impl<'r, 'a> Print<'r, 'a> {
    pub(in crate::render) fn add<T: Hash + ?Sized>(&mut self, value: &T) -> &mut Self {
        value.hash(&mut self.hasher);
        self
    }

    /// The article's file as last read: its front matter and everything extracted from it.
    pub(in crate::render) fn revision(&mut self, a: ArticleId) -> &mut Self {
        self.add(&self.revisions[a])
    }

    /// The article as lists show it.
    pub(in crate::render) fn card(&mut self, a: ArticleId) -> &mut Self {
        let hash = self.renderer.hashes[a].card;
        self.add(&hash)
    }

    /// The article as a line in a long list shows it (`ArticleEntry`).
    pub(in crate::render) fn entry(&mut self, a: ArticleId) -> &mut Self {
        let hash = self.renderer.hashes[a].entry;
        self.add(&hash)
    }

    pub(in crate::render) fn body(&mut self, a: ArticleId) -> &mut Self {
        let hash = self.renderer.hashes[a].body;
        self.add(&hash)
    }

    pub(in crate::render) fn data(&mut self, a: ArticleId) -> &mut Self {
        let hash = self.renderer.hashes[a].data;
        self.add(&hash)
    }

    pub(in crate::render) fn cards(&mut self, articles: &[ArticleId]) -> &mut Self {
        self.add(&articles.len());
        for &a in articles {
            self.card(a);
        }
        self
    }

    pub(in crate::render) fn entries(&mut self, articles: &[ArticleId]) -> &mut Self {
        self.add(&articles.len());
        for &a in articles {
            self.entry(a);
        }
        self
    }

    /// A list as `Renderer::lead_and_earlier` shows it: the lead's cards, the others'
    /// entries.
    pub(in crate::render) fn lead_and_earlier(&mut self, articles: &[ArticleId]) -> &mut Self {
        let split = articles.len().min(LEAD_CARDS);
        self.cards(&articles[..split]).entries(&articles[split..])
    }

    /// Articles a feed carries: their cards, and their files for the dates and text that
    /// cards do not show.
    pub(in crate::render) fn fed(&mut self, articles: &[ArticleId]) -> &mut Self {
        for &a in articles {
            self.card(a).revision(a);
        }
        self
    }

    /// An entity as every list shows it.
    pub(in crate::render) fn entity(&mut self, e: EntityId) -> &mut Self {
        let graph = self.renderer.graph;
        let prints = self.renderer.entity_prints.get_or_init(|| {
            (graph.entities.iter_enumerated())
                .map(|(e, entity)| {
                    hash_of(&(&entity.name, graph.entity_url(e), entity.kind, entity.known))
                })
                .collect()
        });
        self.add(&prints[e])
    }

    /// The page each quote of an article links its speaker to. Taken from the site
    /// graph, so that fingerprinting every page does not decode every article's quotes
    /// (see `model::Encoded`); which quotes an article has is in its revision.
    pub(in crate::render) fn speakers(&mut self, a: ArticleId) -> &mut Self {
        let renderer = self.renderer;
        let graph = renderer.graph;
        let speakers = &renderer.quote_speakers.get_or_init(|| {
            let mut speakers: PerArticle<Vec<(usize, EntityId)>> =
                renderer.site.articles.iter().map(|_| Vec::new()).collect();
            for (e, entity) in graph.entities.iter_enumerated() {
                for &(a, q) in &entity.quotes {
                    speakers[a].push((q, e));
                }
            }
            for list in speakers.iter_mut() {
                list.sort_unstable();
            }
            speakers
        })[a];
        self.add(&speakers.len());
        for &(q, e) in speakers {
            self.add(&q).add(graph.entity_url(e));
        }
        self
    }

    pub(in crate::render) fn finish(&self) -> u64 {
        self.hasher.finish()
    }
}

impl<'a> Renderer<'a> {
    /// The fingerprint of `job`'s files, given each article's revision; only for a renderer
    /// that keeps the articles' parts (`Prepared::all`).
    pub fn fingerprint(&self, job: Job, revisions: &ArticleSlice<u64>) -> u64 {
        let mut print = Print {
            hasher: FxHasher::default(),
            renderer: self,
            revisions,
        };
        // Every page shows the site's name, navigation and settings.
        print.add(&self.site_print());
        print.add(&job.label());
        job.kind.print(self, job.index, &mut print);
        print.finish()
    }

    fn site_print(&self) -> u64 {
        *self.site_print.get_or_init(|| {
            prepared::hash_of(&serde_json::to_string(&self.site_context).unwrap_or_default())
        })
    }
}
