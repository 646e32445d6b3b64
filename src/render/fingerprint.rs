//! Page fingerprints: a cheap hash of everything a page shows, made from the hashes of the
//! articles' kept parts (cards, bodies, data entries) and their revisions, never from the
//! rendered page. `brief serve` renders a page again exactly when its fingerprint changed,
//! so a page kind states what it shows once, beside the code that shows it.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::render::*;

/// What a fingerprint is made of, collected in order.
pub(in crate::render) struct Print<'r, 'a> {
    hasher: FxHasher,
    renderer: &'r Renderer<'a>,
    revisions: &'r [u64],
}

impl<'r, 'a> Print<'r, 'a> {
    pub(in crate::render) fn add<T: Hash + ?Sized>(&mut self, value: &T) -> &mut Self {
        value.hash(&mut self.hasher);
        self
    }

    /// The article's file as last read: its front matter and everything extracted from it.
    pub(in crate::render) fn revision(&mut self, a: usize) -> &mut Self {
        self.add(&self.revisions[a])
    }

    /// The article as lists show it.
    pub(in crate::render) fn card(&mut self, a: usize) -> &mut Self {
        let hash = self.renderer.hashes[a].card;
        self.add(&hash)
    }

    pub(in crate::render) fn body(&mut self, a: usize) -> &mut Self {
        let hash = self.renderer.hashes[a].body;
        self.add(&hash)
    }

    pub(in crate::render) fn data(&mut self, a: usize) -> &mut Self {
        let hash = self.renderer.hashes[a].data;
        self.add(&hash)
    }

    pub(in crate::render) fn cards(&mut self, articles: &[usize]) -> &mut Self {
        self.add(&articles.len());
        for &a in articles {
            self.card(a);
        }
        self
    }

    /// Articles a feed carries: their cards, and their files for the dates and text that
    /// cards do not show.
    pub(in crate::render) fn fed(&mut self, articles: &[usize]) -> &mut Self {
        for &a in articles {
            self.card(a).revision(a);
        }
        self
    }

    /// When the article was published and last updated, which the sitemap shows.
    pub(in crate::render) fn dates(&mut self, a: usize) -> &mut Self {
        let article = &self.renderer.site.articles[a];
        self.add(&article.date).add(&article.updated)
    }

    /// An entity as every list shows it.
    pub(in crate::render) fn entity(&mut self, e: usize) -> &mut Self {
        let graph = self.renderer.graph;
        let entity = &graph.entities[e];
        self.add(&entity.name)
            .add(graph.entity_url(e))
            .add(&entity.kind)
            .add(&entity.known)
    }

    /// The page each quote of an article links its speaker to.
    pub(in crate::render) fn speakers(&mut self, a: usize) -> &mut Self {
        let graph = self.renderer.graph;
        for quote in &self.renderer.facts[a].quotes {
            let page = quote
                .speaker_entity
                .as_ref()
                .and_then(|n| graph.entity_by_name.get(n));
            self.add(&page.map(|&e| graph.entity_url(e)));
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
    pub fn fingerprint(&self, job: Job, revisions: &[u64]) -> u64 {
        let mut print = Print {
            hasher: FxHasher::default(),
            renderer: self,
            revisions,
        };
        // Every page shows the site's name, navigation and settings.
        print.add(&self.site_print());
        print.add(&job.label());
        match job {
            Job::Article(a) => self.print_article(a, &mut print),
            Job::Entity(e) => self.print_entity(e, &mut print),
            Job::Tag(t) => self.print_group(&self.graph.tags[t], &mut print),
            Job::Story(s) => self.print_group(&self.graph.stories[s], &mut print),
            Job::Day(d) => self.print_day(d, &mut print),
            Job::Timeline(p) => self.print_timeline(p, &mut print),
            Job::Page(p) => self.print_standalone(p, &mut print),
            Job::Front => self.print_front(&mut print),
            Job::Entities => self.print_entities_index(&mut print),
            Job::Tags => self.print_groups_index(&self.graph.tags, &mut print),
            Job::Stories => self.print_groups_index(&self.graph.stories, &mut print),
            Job::Briefings => self.print_briefings_index(&mut print),
            // Only the site's own settings, already in the print.
            Job::Search | Job::NotFound => {}
            Job::SearchIndex => self.print_search_index(&mut print),
            Job::Feeds => self.print_site_feeds(&mut print),
            Job::Sitemap => self.print_sitemap(&mut print),
            Job::Data => self.print_site_data(&mut print),
        }
        print.finish()
    }

    fn site_print(&self) -> u64 {
        *self.site_print.get_or_init(|| {
            prepared::hash_of(&serde_json::to_string(&self.site_context).unwrap_or_default())
        })
    }
}

/// The files made from the whole site.
impl Renderer<'_> {
    /// The index holds each article's card, entities and words.
    fn print_search_index(&self, print: &mut Print) {
        for &a in &self.graph.by_date {
            print.card(a).revision(a);
            for &(e, _) in &self.graph.article_links[a].entities {
                print.entity(e);
            }
        }
    }

    /// The site feeds carry the newest articles whole.
    fn print_site_feeds(&self, print: &mut Print) {
        let by_date = &self.graph.by_date;
        for &a in &by_date[..by_date.len().min(self.site.config.feed_length)] {
            print.card(a).revision(a).body(a);
        }
    }

    /// The sitemap lists every page with the date it last changed.
    fn print_sitemap(&self, print: &mut Print) {
        let graph = self.graph;
        for &a in &graph.by_date {
            print.card(a).dates(a);
        }
        for (e, entity) in graph.entities.iter().enumerate() {
            print.add(graph.entity_url(e));
            for &(a, _) in &entity.articles {
                print.dates(a);
            }
        }
        for group in graph.tags.iter().chain(&graph.stories) {
            print.add(&group.slug);
            for &a in &group.articles {
                print.dates(a);
            }
        }
        for day in &graph.days {
            print.add(&day.date).add(&day.articles.len());
        }
        for page in &self.site.pages {
            print.add(&page.slug);
        }
        for months in &self.timeline {
            print.add(
                &months
                    .first()
                    .and_then(|m| m.articles.first())
                    .map(|&a| &self.cards[a].date),
            );
        }
    }

    /// `data/site.json` holds every article's entry, and every entity, topic and story
    /// with the slugs of its articles.
    fn print_site_data(&self, print: &mut Print) {
        let graph = self.graph;
        for a in 0..self.site.articles.len() {
            print.data(a);
        }
        for (e, entity) in graph.entities.iter().enumerate() {
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
}
