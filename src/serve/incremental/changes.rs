//! What an edit changed in the articles' kept parts (cards, bodies, data entries): which
//! must be made again. Which pages must be made again is not decided here but by their
//! fingerprints (`Renderer::fingerprint`), which are made from these parts.

use super::*;

/// How the site differs from the last render: which old node each new one was, and
/// which articles look different wherever they are shown.
pub(super) struct Changes {
    /// New article -> old article.
    pub(super) article_old: PerArticle<Option<ArticleId>>,
    /// Old article -> new article.
    pub(super) article_new: PerArticle<Option<ArticleId>>,
    /// The article's file changed (or is new).
    pub(super) revised: PerArticle<bool>,
    pub(super) entity_old: TiVec<EntityId, Option<EntityId>>,
    /// The entity is new, or its URL, kind or known-ness changed.
    pub(super) entity_changed: TiVec<EntityId, bool>,
    /// Names whose entity page appeared, disappeared or moved: text linking them changes.
    pub(super) relinked: HashSet<String>,
    pub(super) tag_old: Vec<Option<usize>>,
    pub(super) story_old: Vec<Option<usize>>,
}

/// One article's kept parts: card, body, data entry and their hashes.
type Part = (ArticleCard, String, String, PartHashes);

impl Changes {
    pub(super) fn between(model: &Model, graph: &Graph, old: &Rendered) -> Changes {
        let site = &model.site;
        let same_order = old.article_paths.len() == site.articles.len()
            && old
                .article_paths
                .iter()
                .zip(&site.articles)
                .all(|(p, a)| *p == a.path);
        let article_old: PerArticle<Option<ArticleId>> = if same_order {
            site.articles.keys().map(Some).collect()
        } else {
            let index: HashMap<&Path, ArticleId> = old
                .article_paths
                .iter_enumerated()
                .map(|(i, p)| (p.as_path(), i))
                .collect();
            site.articles
                .iter()
                .map(|a| index.get(a.path.as_path()).copied())
                .collect()
        };
        let mut article_new: PerArticle<Option<ArticleId>> =
            vec![None; old.article_paths.len()].into();
        for (new, old) in article_old.iter_enumerated() {
            if let Some(old) = old {
                article_new[*old] = Some(new);
            }
        }
        let revised: PerArticle<bool> = article_old
            .iter()
            .zip(&model.revisions)
            .map(|(o, r)| o.is_none_or(|o| old.revisions[o] != *r))
            .collect();

        let entity_old: TiVec<EntityId, Option<EntityId>> = graph
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
            revised,
            entity_old,
            entity_changed,
            relinked,
            tag_old: match_groups(&graph.tags, &old.graph.tags),
            story_old: match_groups(&graph.stories, &old.graph.stories),
        }
    }

    /// Puts the kept bodies, cards and data entries in the new article order and makes
    /// again those whose inputs changed, with their hashes.
    pub(super) fn prepare(
        &self,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
        kept: Prepared,
    ) -> Prepared {
        let (site, facts) = (&model.site, &model.facts);
        let highlighter = kept.highlighter;
        let mut kept: PerArticle<Option<Part>> = kept
            .cards
            .into_iter()
            .zip(kept.bodies)
            .zip(kept.data)
            .zip(kept.hashes)
            .map(|(((card, body), data), hashes)| Some((card, body, data, hashes)))
            .collect();
        let carried: Vec<Option<Part>> = self
            .article_old
            .iter()
            .map(|o| o.and_then(|o| kept[o].take()))
            .collect();
        // `serve` holds every article's text.
        let body_of = |a: ArticleId| site.articles[a].body();
        let made: Vec<Part> = carried
            .into_par_iter()
            .enumerate()
            .map(|(a, carried)| {
                let a = ArticleId::from(a);
                let Some((mut card, mut body, mut data, mut hashes)) = carried else {
                    let card = article_card(site, facts, graph, a);
                    let body =
                        render_article_body(site, facts, graph, a, body_of(a), None, &highlighter);
                    let data = site_data::article_data(site, facts, graph, a);
                    let hashes = PartHashes::of(&card, &body, &data);
                    return (card, body, data, hashes);
                };
                if self.card_stale(a, graph, old) {
                    card = article_card(site, facts, graph, a);
                    hashes = PartHashes {
                        body: hashes.body,
                        data: hashes.data,
                        ..PartHashes::of_card(&card)
                    };
                }
                if self.body_stale(a, model, graph, old) {
                    body =
                        render_article_body(site, facts, graph, a, body_of(a), None, &highlighter);
                    hashes.body = hash_of(body.as_str());
                }
                if self.data_stale(a, graph, old) {
                    data = site_data::article_data(site, facts, graph, a);
                    hashes.data = hash_of(data.as_str());
                }
                (card, body, data, hashes)
            })
            .collect();
        let mut prepared = Prepared {
            highlighter,
            ..Prepared::default()
        };
        for (card, body, data, hashes) in made {
            prepared.cards.push(card);
            prepared.bodies.push(body);
            prepared.data.push(data);
            prepared.hashes.push(hashes);
        }
        prepared
    }

    /// A card shows the article, its tags, its first entities and its story.
    pub(super) fn card_stale(&self, a: ArticleId, graph: &Graph, old: &Rendered) -> bool {
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
    pub(super) fn data_stale(&self, a: ArticleId, graph: &Graph, old: &Rendered) -> bool {
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
        a: ArticleId,
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
                    .any(|m| self.relinked.contains(m.name.as_str())))
    }

    /// Same entities, in the same order, with the same counts and pages.
    pub(super) fn same_entities(
        &self,
        new: &[(EntityId, usize)],
        old: &[(EntityId, usize)],
    ) -> bool {
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

    /// The new list names the same articles, in the same order, as the old one.
    pub(super) fn same_articles(&self, new: &[ArticleId], old: &[ArticleId]) -> bool {
        new.len() == old.len()
            && new
                .iter()
                .zip(old)
                .all(|(&a, &o)| self.article_new[o] == Some(a))
    }
}

/// For each new group, the old group with the same slug (both lists are sorted by slug).
pub(super) fn match_groups(new: &[Group], old: &[Group]) -> Vec<Option<usize>> {
    new.iter()
        .map(|g| old.binary_search_by(|o| o.slug.as_str().cmp(&g.slug)).ok())
        .collect()
}
