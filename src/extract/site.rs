//! Extraction over a whole loaded site: every article's facts, in parallel, and the
//! outline of every standalone page.

use rayon::prelude::*;

use super::{ExtractOptions, Facts, Gazetteer, Input, Outline, extract, outline};
use crate::config::Config;
use crate::load::{Article, Site};
use crate::model::PerArticle;

impl ExtractOptions {
    /// The options `site.yaml` sets.
    pub fn of(config: &Config) -> ExtractOptions {
        ExtractOptions {
            discovery: config.discovery.enabled,
        }
    }
}

impl<'a> Input<'a> {
    /// What extraction reads of a loaded article.
    pub fn of(article: &'a Article) -> Input<'a> {
        Input {
            body: article.body(),
            first_line: article.body_line(),
            summary: article.front.summary.as_deref(),
            forced_entities: &article.front.entities,
            sources: &article.front.sources,
            not_entities: &article.front.not_entities,
        }
    }
}

/// Extracts every article in parallel.
pub fn extract_site(site: &Site, gazetteer: &Gazetteer) -> PerArticle<Facts> {
    let options = ExtractOptions::of(&site.config);
    site.articles
        .raw
        .par_iter()
        .map(|a| extract(&Input::of(a), gazetteer, &options))
        .collect::<Vec<_>>()
        .into()
}

/// The outline (headings and links) of each standalone page, which linking resolves.
pub fn outline_pages(site: &Site) -> Vec<Outline> {
    site.pages
        .iter()
        .map(|p| outline(p.body(), p.body_line()))
        .collect()
}
