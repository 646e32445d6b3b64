//! What an edit changed between the last render and now, page by page: which cards,
//! bodies, data entries and pages are stale.

use super::*;

/// How the site differs from the last render: which old node each new one was, and
/// which articles look different wherever they are shown.
pub(super) struct Changes {
    /// New article index -> old index.
    pub(super) article_old: Vec<Option<usize>>,
    /// Old article index -> new index.
    pub(super) article_new: Vec<Option<usize>>,
    /// The article's file changed (or is new).
    pub(super) revised: Vec<bool>,
    /// Its card changed: every page listing it is stale.
    pub(super) card_changed: Vec<bool>,
    /// Its file, card or body changed: pages quoting it and feeds carrying it are stale.
    pub(super) changed: Vec<bool>,
    pub(super) entity_old: Vec<Option<usize>>,
    /// The entity is new, or its URL, kind or known-ness changed.
    pub(super) entity_changed: Vec<bool>,
    /// Names whose entity page appeared, disappeared or moved: text linking them changes.
    pub(super) relinked: HashSet<String>,
    pub(super) tag_old: Vec<Option<usize>>,
    pub(super) story_old: Vec<Option<usize>>,
    /// The group's page or feed must be made again.
    pub(super) tag_stale: Vec<bool>,
    pub(super) story_stale: Vec<bool>,
    /// The story's list of article cards changed: its articles' pages show that list.
    pub(super) story_cards_stale: Vec<bool>,
    pub(super) day_old: Vec<Option<usize>>,
    pub(super) page_old: Vec<Option<usize>>,
    pub(super) notes_changed: bool,
    pub(super) pages_changed: bool,
    /// Anything in the content changed: the site-wide pages are stale.
    pub(super) content_changed: bool,
    /// The site graph is the one of the last render: site-wide pages that show only the
    /// graph are current.
    pub(super) graph_kept: bool,
    /// An article's `updated` date changed (the sitemap shows it).
    pub(super) updated_changed: bool,
    /// An article's entry in `data/site.json` changed.
    pub(super) data_changed: bool,
    /// Articles in a feed.
    pub(super) feed_length: usize,
}

impl Changes {
    pub(super) fn between(model: &Model, graph: &Graph, old: &Rendered) -> Changes {
        let site = &model.site;
        let same_order = old.article_paths.len() == site.articles.len()
            && old
                .article_paths
                .iter()
                .zip(&site.articles)
                .all(|(p, a)| *p == a.path);
        let article_old: Vec<Option<usize>> = if same_order {
            (0..site.articles.len()).map(Some).collect()
        } else {
            let index: HashMap<&Path, usize> = old
                .article_paths
                .iter()
                .enumerate()
                .map(|(i, p)| (p.as_path(), i))
                .collect();
            site.articles
                .iter()
                .map(|a| index.get(a.path.as_path()).copied())
                .collect()
        };
        let mut article_new = vec![None; old.article_paths.len()];
        for (new, old) in article_old.iter().enumerate() {
            if let Some(old) = old {
                article_new[*old] = Some(new);
            }
        }
        let revised: Vec<bool> = article_old
            .iter()
            .zip(&model.revisions)
            .map(|(o, r)| o.is_none_or(|o| old.revisions[o] != *r))
            .collect();

        let updated_changed = article_old
            .iter()
            .zip(&site.articles)
            .any(|(o, article)| o.is_some_and(|o| old.updated[o] != article.updated));
        let entity_old: Vec<Option<usize>> = graph
            .entities
            .iter()
            .map(|e| old.graph.entity_by_name.get(&e.name).copied())
            .collect();
        let entity_changed = graph
            .entities
            .iter()
            .zip(&entity_old)
            .map(|(e, o)| {
                o.is_none_or(|o| {
                    let before = &old.graph.entities[o];
                    before.slug != e.slug || before.kind != e.kind || before.known != e.known
                })
            })
            .collect();
        let mut relinked: HashSet<String> = graph
            .entities
            .iter()
            .zip(&entity_old)
            .filter(|(e, o)| o.is_none_or(|o| old.graph.entities[o].slug != e.slug))
            .map(|(e, _)| e.name.clone())
            .collect();
        relinked.extend(
            old.graph
                .entities
                .iter()
                .filter(|e| !graph.entity_by_name.contains_key(&e.name))
                .map(|e| e.name.clone()),
        );

        Changes {
            article_old,
            article_new,
            card_changed: vec![false; revised.len()],
            changed: revised.clone(),
            revised,
            entity_old,
            entity_changed,
            relinked,
            tag_old: match_groups(&graph.tags, &old.graph.tags),
            story_old: match_groups(&graph.stories, &old.graph.stories),
            tag_stale: Vec::new(),
            story_stale: Vec::new(),
            story_cards_stale: Vec::new(),
            day_old: graph
                .days
                .iter()
                .map(|d| {
                    old.graph
                        .days
                        .binary_search_by_key(&d.date, |x| x.date)
                        .ok()
                })
                .collect(),
            page_old: site
                .pages
                .iter()
                .map(|p| old.page_paths.iter().position(|o| *o == p.path))
                .collect(),
            notes_changed: model.notes_revision != old.notes_revision,
            pages_changed: model.pages_revision != old.pages_revision,
            content_changed: false,
            graph_kept: std::ptr::eq(graph, &*old.graph),
            updated_changed,
            data_changed: false,
            feed_length: site.config.feed_length,
        }
    }

    /// Puts the kept bodies and cards in the new article order, renders again those whose
    /// inputs changed, and notes which came out different.
    pub(super) fn prepare(
        &mut self,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
        kept: Prepared,
    ) -> Prepared {
        let (site, facts) = (&model.site, &model.facts);
        let highlighter = kept.highlighter;
        let mut kept: Vec<Option<(ArticleCard, String, String)>> = kept
            .cards
            .into_iter()
            .zip(kept.bodies)
            .zip(kept.data)
            .map(|((card, body), data)| Some((card, body, data)))
            .collect();
        let carried: Vec<Option<(ArticleCard, String, String)>> = self
            .article_old
            .iter()
            .map(|o| o.and_then(|o| kept[o].take()))
            .collect();
        let this = &*self;
        let made: Vec<(ArticleCard, String, String, bool, bool, bool)> = carried
            .into_par_iter()
            .enumerate()
            .map(|(a, carried)| {
                let (card, body, data) = match carried {
                    Some((card, body, data)) => (Some(card), Some(body), Some(data)),
                    None => (None, None, None),
                };
                let (card, card_changed) = match card {
                    Some(card) if !this.card_stale(a, graph, old) => (card, false),
                    before => {
                        let card = article_card(site, facts, graph, a);
                        let changed = before.as_ref() != Some(&card);
                        (card, changed)
                    }
                };
                let (body, body_changed) = match body {
                    Some(body) if !this.body_stale(a, model, graph, old) => (body, false),
                    before => {
                        let body = render_article_body(site, facts, graph, a, None, &highlighter);
                        let changed = before.as_ref() != Some(&body);
                        (body, changed)
                    }
                };
                let (data, data_changed) = match data {
                    Some(data) if !this.data_stale(a, graph, old) => (data, false),
                    before => {
                        let data = feeds::article_data(site, facts, graph, a);
                        let changed = before.as_ref() != Some(&data);
                        (data, changed)
                    }
                };
                (card, body, data, card_changed, body_changed, data_changed)
            })
            .collect();
        let mut prepared = Prepared {
            highlighter,
            ..Prepared::default()
        };
        for (a, made) in made.into_iter().enumerate() {
            let (card, body, data, card_changed, body_changed, data_changed) = made;
            prepared.cards.push(card);
            prepared.bodies.push(body);
            prepared.data.push(data);
            self.card_changed[a] |= card_changed;
            self.changed[a] |= card_changed || body_changed;
            self.data_changed |= data_changed;
        }
        self.content_changed = self.notes_changed
            || self.pages_changed
            || self.article_new.iter().any(Option::is_none)
            || self.changed.iter().any(|&c| c);
        // A topic's page lists cards; its feed carries its newest articles whole.
        let feed_length = self.feed_length;
        self.tag_stale = self
            .stale_groups(
                &graph.tags,
                &self.tag_old,
                &old.graph.tags,
                &self.card_changed,
            )
            .into_iter()
            .zip(&graph.tags)
            .map(|(stale, tag)| {
                stale
                    || tag
                        .articles
                        .iter()
                        .take(feed_length)
                        .any(|&a| self.changed[a])
            })
            .collect();
        self.story_stale = self.stale_groups(
            &graph.stories,
            &self.story_old,
            &old.graph.stories,
            &self.changed,
        );
        self.story_cards_stale = self.stale_groups(
            &graph.stories,
            &self.story_old,
            &old.graph.stories,
            &self.card_changed,
        );
        prepared
    }

    /// A card shows the article, its tags, its first entities and its story.
    pub(super) fn card_stale(&self, a: usize, graph: &Graph, old: &Rendered) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.revised[a]
            || !self.same_entities(&new.entities, &before.entities)
            || new.tags.len() != before.tags.len()
            || new.tags.iter().zip(&before.tags).any(|(&t, &ot)| {
                self.tag_old[t] != Some(ot) || graph.tags[t].name != old.graph.tags[ot].name
            })
            || !self.same_story(new.story, before.story, graph, old)
    }

    /// An entry of `data/site.json` holds the article, its facts, and the slugs of its
    /// related articles and backlinks.
    pub(super) fn data_stale(&self, a: usize, graph: &Graph, old: &Rendered) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.revised[a]
            || !self.same_articles(&new.related, &before.related)
            || !self.same_articles(&new.backlinks, &before.backlinks)
            || new
                .related
                .iter()
                .chain(&new.backlinks)
                .any(|&b| self.revised[b])
    }

    /// A body links its entity mentions and resolves its internal links.
    pub(super) fn body_stale(
        &self,
        a: usize,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
    ) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        self.revised[a]
            || graph.article_links[a].resolved != old.graph.article_links[o].resolved
            || (!self.relinked.is_empty()
                && model.facts[a]
                    .entities
                    .iter()
                    .any(|m| self.relinked.contains(&m.name)))
    }

    /// Same entities, in the same order, with the same counts and pages.
    pub(super) fn same_entities(&self, new: &[(usize, usize)], old: &[(usize, usize)]) -> bool {
        new.len() == old.len()
            && new.iter().zip(old).all(|(&(e, count), &(oe, old_count))| {
                count == old_count && self.entity_old[e] == Some(oe) && !self.entity_changed[e]
            })
    }

    pub(super) fn same_story(
        &self,
        new: Option<usize>,
        before: Option<usize>,
        graph: &Graph,
        old: &Rendered,
    ) -> bool {
        match (new, before) {
            (None, None) => true,
            (Some(s), Some(os)) => {
                self.story_old[s] == Some(os) && graph.stories[s].name == old.graph.stories[os].name
            }
            _ => false,
        }
    }

    /// Groups that are new, renamed, hold other articles, or hold an article `changed` marks.
    pub(super) fn stale_groups(
        &self,
        groups: &[Group],
        map: &[Option<usize>],
        old: &[Group],
        changed: &[bool],
    ) -> Vec<bool> {
        groups
            .iter()
            .zip(map)
            .map(|(group, o)| {
                o.is_none_or(|o| {
                    old[o].name != group.name
                        || !self.same_articles(&group.articles, &old[o].articles)
                }) || group.articles.iter().any(|&a| changed[a])
            })
            .collect()
    }

    /// The new list names the same articles, in the same order, as the old one.
    pub(super) fn same_articles(&self, new: &[usize], old: &[usize]) -> bool {
        new.len() == old.len()
            && new
                .iter()
                .zip(old)
                .all(|(&a, &o)| self.article_new[o] == Some(a))
    }

    pub(super) fn any_changed(&self, articles: &[usize]) -> bool {
        articles.iter().any(|&a| self.changed[a])
    }

    pub(super) fn any_card_changed(&self, articles: &[usize]) -> bool {
        articles.iter().any(|&a| self.card_changed[a])
    }

    /// The old job whose files `job` would write unchanged, if there is one.
    pub(super) fn unchanged(
        &self,
        job: Job,
        model: &Model,
        graph: &Graph,
        timeline: &[Vec<usize>],
        old: &Rendered,
    ) -> Option<Job> {
        let counterpart = match job {
            Job::Article(a) => Job::Article(self.article_old[a]?),
            Job::Entity(e) => Job::Entity(self.entity_old[e]?),
            Job::Tag(t) => Job::Tag(self.tag_old[t]?),
            Job::Story(s) => Job::Story(self.story_old[s]?),
            Job::Day(d) => Job::Day(self.day_old[d]?),
            Job::Page(p) => Job::Page(self.page_old[p]?),
            other => other,
        };
        let stale = match (job, counterpart) {
            (Job::Article(a), Job::Article(o)) => self.article_stale(a, o, model, graph, old),
            (Job::Entity(e), Job::Entity(o)) => self.entity_stale(e, o, graph, old),
            (Job::Tag(t), _) => self.tag_stale[t],
            (Job::Story(s), _) => self.story_stale[s],
            (Job::Day(d), Job::Day(o)) => {
                let date = |days: &[link::Day], i: Option<usize>| {
                    i.and_then(|i| days.get(i)).map(|d| d.date)
                };
                self.notes_changed
                    || !self.same_articles(&graph.days[d].articles, &old.graph.days[o].articles)
                    || self.any_changed(&graph.days[d].articles)
                    || date(&graph.days, d.checked_sub(1))
                        != date(&old.graph.days, o.checked_sub(1))
                    || date(&graph.days, Some(d + 1)) != date(&old.graph.days, Some(o + 1))
            }
            (Job::Timeline(p), _) => {
                timeline.len() != old.timeline.len()
                    || timeline.get(p).is_none_or(|page| {
                        !self.same_articles(page, &old.timeline[p]) || self.any_card_changed(page)
                    })
            }
            (Job::Page(p), Job::Page(o)) => {
                self.pages_changed
                    || graph.page_links[p] != old.graph.page_links[o]
                    || graph.page_headings[p] != old.graph.page_headings[o]
            }
            (Job::Search | Job::NotFound, _) => false,
            _ if !self.graph_kept => self.content_changed,
            // With the graph kept, articles moved nowhere: only what they show changed.
            (Job::Front, _) => {
                let latest = graph.days.last().map_or(&[][..], |d| d.articles.as_slice());
                self.notes_changed
                    || self.any_changed(&graph.by_date[..graph.by_date.len().min(RECENT_COUNT)])
                    || self.any_changed(latest)
            }
            (Job::Feeds, _) => {
                let limit = model
                    .site
                    .config
                    .feed_length
                    .max(1)
                    .min(graph.by_date.len());
                self.any_changed(&graph.by_date[..limit])
            }
            (Job::Sitemap, _) => self.updated_changed,
            (Job::Data, _) => self.data_changed,
            (Job::Entities | Job::Tags | Job::Stories | Job::Briefings, _) => false,
            _ => self.content_changed,
        };
        (!stale).then_some(counterpart)
    }

    /// An article page shows the article, its entities, quotes, story, related articles
    /// and backlinks.
    pub(super) fn article_stale(
        &self,
        a: usize,
        o: usize,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
    ) -> bool {
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.changed[a]
            || !self.same_entities(&new.entities, &before.entities)
            || !self.same_story(new.story, before.story, graph, old)
            || new.story.is_some_and(|s| self.story_cards_stale[s])
            || !self.same_articles(&new.related, &before.related)
            || self.any_card_changed(&new.related)
            || !self.same_articles(&new.backlinks, &before.backlinks)
            || self.any_card_changed(&new.backlinks)
            || (!self.relinked.is_empty()
                && model.facts[a].quotes.iter().any(|q| {
                    q.speaker_entity
                        .as_ref()
                        .is_some_and(|n| self.relinked.contains(n))
                }))
    }

    /// An entity page (and feed) shows the entity, its articles, quotes and co-mentions.
    pub(super) fn entity_stale(&self, e: usize, o: usize, graph: &Graph, old: &Rendered) -> bool {
        let (new, before) = (&graph.entities[e], &old.graph.entities[o]);
        self.entity_changed[e]
            || new.name != before.name
            || new.aliases != before.aliases
            || new.description != before.description
            || new.body != before.body
            || new.articles.len() != before.articles.len()
            || new
                .articles
                .iter()
                .zip(&before.articles)
                .any(|(&(a, count), &(oa, old_count))| {
                    count != old_count || self.article_new[oa] != Some(a) || self.card_changed[a]
                })
            // The feed carries the newest articles whole.
            || new
                .articles
                .iter()
                .take(self.feed_length)
                .any(|&(a, _)| self.changed[a])
            || new.quotes.len() != before.quotes.len()
            || new
                .quotes
                .iter()
                .zip(&before.quotes)
                .any(|(&(a, q), &(oa, oq))| {
                    q != oq
                        || self.article_new[oa] != Some(a)
                        || self.revised[a]
                        || self.card_changed[a]
                })
            || !self.same_entities(&new.co_mentions, &before.co_mentions)
    }
}

/// For each new group, the old group with the same slug (both lists are sorted by slug).
pub(super) fn match_groups(new: &[Group], old: &[Group]) -> Vec<Option<usize>> {
    new.iter()
        .map(|g| old.binary_search_by(|o| o.slug.as_str().cmp(&g.slug)).ok())
        .collect()
}
