//! Related articles, scored through inverted indexes of entities, tags and stories.

use super::*;

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

/// Top related articles for every article: shared entities weighted by rarity, shared
/// tags and story, scored through inverted indexes so cost follows overlaps, not n².
pub(super) fn related_articles(
    site: &Site,
    article_links: &ArticleSlice<ArticleLinks>,
    entities: &TiSlice<EntityId, EntityNode>,
    tags: &[Group],
    stories: &[Group],
) -> PerArticle<Vec<ArticleId>> {
    use rayon::prelude::*;
    let count = site.articles.len();
    let n = count.max(1) as f64;
    let idf = |df: usize| (n / df as f64).ln() + 1.0;
    let seconds: PerArticle<i64> = site
        .articles
        .iter()
        .map(|a| a.date.timestamp().as_second())
        .collect();
    let related: Vec<Vec<ArticleId>> = (0..count)
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
                ranked.iter().map(|&(b, _)| b).collect()
            },
        )
        .collect();
    related.into()
}
