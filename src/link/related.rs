//! Related articles, scored through inverted indexes of entities, tags and stories.
//!
//! Scoring is the costliest part of linking, and one edit changes few lists. So each list
//! goes with a hash of everything it was scored from (`ArticleLinks::related_inputs`),
//! and a rebuild takes the lists an earlier build scored from the same inputs.

use rustc_hash::FxHashMap;

use super::*;
use crate::render::hash_of;

/// Related articles shown per article.
pub(super) const RELATED_COUNT: usize = 5;

/// Entities or tags shared by more articles than this are too common to signal relatedness.
pub(super) const COMMON_TERM_LIMIT: usize = 400;

/// Weight of a shared tag relative to a shared entity of the same rarity.
pub(super) const TAG_WEIGHT: f64 = 0.5;

/// Articles scored per parallel chunk of related-article scoring.
pub(super) const RELATED_CHUNK: usize = 512;

/// Score for sharing a story thread, on top of shared entities and tags.
pub(super) const STORY_WEIGHT: f64 = 2.0;

/// Top related articles for every article, with the hash of what each list was scored
/// from: shared entities weighted by rarity, shared tags and story, scored through
/// inverted indexes so cost follows overlaps, not n². Lists in `earlier` are taken as
/// they are.
pub(super) fn related_articles(
    site: &Site,
    article_links: &ArticleSlice<ArticleLinks>,
    entities: &TiSlice<EntityId, EntityNode>,
    tags: &[Group],
    stories: &[Group],
    earlier: &Earlier,
) -> PerArticle<(u64, Vec<ArticleId>)> {
    use rayon::prelude::*;
    let count = site.articles.len();
    let n = count.max(1) as f64;
    let idf = |df: usize| (n / df as f64).ln() + 1.0;
    let seconds: PerArticle<i64> = site
        .articles
        .iter()
        .map(|a| a.date.timestamp().as_second())
        .collect();
    let inputs = scoring_inputs(site, article_links, entities, tags, stories, &seconds);
    let by_slug: FxHashMap<&str, ArticleId> = match earlier.related.is_empty() {
        true => FxHashMap::default(),
        false => site
            .articles
            .iter_enumerated()
            .map(|(a, article)| (article.slug.as_str(), a))
            .collect(),
    };
    let recalled = |a: ArticleId| -> Option<Vec<ArticleId>> {
        let slugs = earlier.related.get(&inputs[a])?;
        slugs
            .iter()
            .map(|s| by_slug.get(s.as_str()).copied())
            .collect()
    };
    let related: Vec<(u64, Vec<ArticleId>)> = (0..count)
        .into_par_iter()
        .map(ArticleId::from)
        // Few, large chunks: each chunk allocates one dense score array.
        .with_min_len(RELATED_CHUNK)
        .map_init(
            // Dense per-thread scores plus the list of touched articles, reset after each use.
            || {
                let scores: PerArticle<f64> = vec![0.0f64; count].into();
                (scores, Vec::<ArticleId>::new())
            },
            |(scores, touched), a| {
                if let Some(list) = recalled(a) {
                    return (inputs[a], list);
                }
                let mut add = |b: ArticleId, weight: f64| {
                    if scores[b] == 0.0 {
                        touched.push(b);
                    }
                    scores[b] += weight;
                };
                for &(e, _) in &article_links[a].entities {
                    let list = &entities[e].articles;
                    if list.len() <= COMMON_TERM_LIMIT {
                        let weight = idf(list.len());
                        list.iter().for_each(|&(b, _)| add(b, weight));
                    }
                }
                for &t in &article_links[a].tags {
                    let list = &tags[t].articles;
                    if list.len() <= COMMON_TERM_LIMIT {
                        let weight = TAG_WEIGHT * idf(list.len());
                        list.iter().for_each(|&b| add(b, weight));
                    }
                }
                if let Some(s) = article_links[a].story {
                    for &b in stories[s].articles.iter().take(COMMON_TERM_LIMIT) {
                        add(b, STORY_WEIGHT);
                    }
                }
                let mut ranked: Vec<(ArticleId, f64)> = touched
                    .drain(..)
                    .filter(|&b| b != a)
                    .map(|b| (b, scores[b]))
                    .collect();
                for &(b, _) in &ranked {
                    scores[b] = 0.0;
                }
                scores[a] = 0.0;
                let order = |x: &(ArticleId, f64), y: &(ArticleId, f64)| {
                    let distance = |b: ArticleId| (seconds[b] - seconds[a]).abs();
                    y.1.total_cmp(&x.1)
                        .then_with(|| distance(x.0).cmp(&distance(y.0)))
                        .then_with(|| site.articles[x.0].slug.cmp(&site.articles[y.0].slug))
                };
                if ranked.len() > RELATED_COUNT {
                    ranked.select_nth_unstable_by(RELATED_COUNT - 1, order);
                    ranked.truncate(RELATED_COUNT);
                }
                ranked.sort_by(order);
                // Not `into_iter`: collecting in place would keep the capacity of every
                // scored candidate (hundreds of MiB over a large site).
                (inputs[a], ranked.iter().map(|&(b, _)| b).collect())
            },
        )
        .collect();
    related.into()
}

/// For each article, a hash of everything its related list is scored from: the number of
/// articles, its own slug and date, and in scoring order the members (slug and date) of
/// each entity, tag and story it scores through. Groups too common to count hash as such.
fn scoring_inputs(
    site: &Site,
    article_links: &ArticleSlice<ArticleLinks>,
    entities: &TiSlice<EntityId, EntityNode>,
    tags: &[Group],
    stories: &[Group],
    seconds: &ArticleSlice<i64>,
) -> PerArticle<u64> {
    use rayon::prelude::*;
    let member: PerArticle<u64> = site
        .articles
        .iter_enumerated()
        .map(|(a, article)| hash_of(&(&article.slug, seconds[a])))
        .collect();
    let members = |list: &mut dyn Iterator<Item = ArticleId>, limit: usize| {
        let list: Vec<u64> = list.map(|b| member[b]).collect();
        (list.len() <= limit).then(|| hash_of(&list))
    };
    let entity_inputs: Vec<Option<u64>> = entities
        .raw
        .par_iter()
        .map(|e| members(&mut e.articles.iter().map(|&(b, _)| b), COMMON_TERM_LIMIT))
        .collect();
    let tag_inputs: Vec<Option<u64>> = tags
        .iter()
        .map(|t| members(&mut t.articles.iter().copied(), COMMON_TERM_LIMIT))
        .collect();
    let story_inputs: Vec<Option<u64>> = stories
        .iter()
        .map(|s| {
            let first = &s.articles[..s.articles.len().min(COMMON_TERM_LIMIT)];
            members(&mut first.iter().copied(), usize::MAX)
        })
        .collect();
    let count = site.articles.len();
    article_links
        .iter_enumerated()
        .map(|(a, links)| {
            let entities: Vec<Option<u64>> = links
                .entities
                .iter()
                .map(|&(e, _)| entity_inputs[usize::from(e)])
                .collect();
            let tags: Vec<Option<u64>> = links.tags.iter().map(|&t| tag_inputs[t]).collect();
            let story = links.story.map(|s| story_inputs[s]);
            hash_of(&(count, member[a], entities, tags, story))
        })
        .collect()
}
