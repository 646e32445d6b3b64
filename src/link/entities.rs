//! Entities across the site: gazetteer entries and discovered names merged under one
//! node each (kinds voted once, with `KindVotes`), and the entities mentioned together.

use super::*;

/// Gazetteer entities plus discovered ones (kind voted across the site, kept once they
/// appear in enough articles). Returns the entities sorted by slug and a name index
/// covering canonical names.
pub(super) fn merge_entities(
    site: &Site,
    facts: &ArticleSlice<Facts>,
) -> (TiVec<EntityId, EntityNode>, FxHashMap<String, EntityId>) {
    struct Discovered {
        votes: KindVotes,
        articles: usize,
    }
    let mut discovered: BTreeMap<&str, Discovered> = BTreeMap::new();
    let known: BTreeSet<&str> = site.entities.iter().map(|e| e.name.as_str()).collect();
    for fact in facts {
        for mention in fact
            .entities
            .iter()
            .filter(|m| !m.known && !known.contains(m.name.as_str()))
        {
            let entry = discovered.entry(&mention.name).or_insert(Discovered {
                votes: KindVotes::default(),
                articles: 0,
            });
            entry.votes.add(&mention.kind_votes);
            entry.articles += 1;
        }
    }

    let mut nodes: Vec<EntityNode> = site
        .entities
        .iter()
        .enumerate()
        .map(|(i, def)| EntityNode {
            slug: slugify(&def.name),
            name: def.name.clone(),
            kind: def.kind,
            known: true,
            aliases: def.aliases.clone(),
            description: def.description.clone(),
            body: def.body.clone(),
            definition: Some(i),
            articles: Vec::new(),
            quotes: Vec::new(),
            statements: Vec::new(),
            co_mentions: Vec::new(),
        })
        .collect();
    let discovery = &site.config.discovery;
    if discovery.enabled {
        for (name, found) in discovered {
            if found.articles < discovery.min_articles {
                continue;
            }
            let kind = found.votes.winner();
            nodes.push(EntityNode {
                slug: slugify(name),
                name: name.to_string(),
                kind,
                known: false,
                aliases: Vec::new(),
                description: None,
                body: String::new(),
                definition: None,
                articles: Vec::new(),
                quotes: Vec::new(),
                statements: Vec::new(),
                co_mentions: Vec::new(),
            });
        }
    }
    // Known entities first so a discovered one never takes a defined entity's slug.
    nodes.sort_by(|a, b| (a.slug.as_str(), !a.known).cmp(&(b.slug.as_str(), !b.known)));
    let mut used = BTreeSet::new();
    for node in &mut nodes {
        let base = node.slug.clone();
        let mut n = 2;
        while !used.insert(node.slug.clone()) {
            node.slug = format!("{base}-{n}");
            n += 1;
        }
    }
    let nodes: TiVec<EntityId, EntityNode> = nodes.into();
    let by_name = nodes
        .iter_enumerated()
        .map(|(e, n)| (n.name.clone(), e))
        .collect();
    (nodes, by_name)
}

pub(super) fn co_mentions(
    entities: &mut TiSlice<EntityId, EntityNode>,
    article_links: &ArticleSlice<ArticleLinks>,
) {
    use rayon::prelude::*;
    let count = entities.len();
    let lists: Vec<Vec<(EntityId, usize)>> = (0..count)
        .into_par_iter()
        .map(EntityId::from)
        .map_init(
            // Dense per-thread counts plus the entities touched, reset after each use: the
            // most mentioned entities share articles with most of the others.
            || {
                let counts: TiVec<EntityId, usize> = vec![0usize; count].into();
                (counts, Vec::<EntityId>::new())
            },
            |(counts, touched), e| {
                for &(a, _) in &entities[e].articles {
                    for &(other, _) in &article_links[a].entities {
                        if other != e {
                            if counts[other] == 0 {
                                touched.push(other);
                            }
                            counts[other] += 1;
                        }
                    }
                }
                let mut list: Vec<(EntityId, usize)> = touched
                    .drain(..)
                    .map(|other| (other, std::mem::take(&mut counts[other])))
                    .collect();
                list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                list.truncate(CO_MENTION_COUNT);
                list
            },
        )
        .collect();
    for (entity, list) in entities.iter_mut().zip(lists) {
        entity.co_mentions = list;
    }
}

/// Co-mentioned entities kept per entity page.
pub(super) const CO_MENTION_COUNT: usize = 10;
