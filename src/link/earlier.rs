//! What an earlier build worked out while linking, offered to a rebuild: the parts of
//! linking that read many articles (each related list, each story title) are taken as they
//! were when what they were made from has not changed. Empty for a build without a cache.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::Group;
use crate::load::Site;
use crate::render::hash_of;

#[derive(Default)]
pub struct Earlier {
    /// Related lists, as slugs, by the hash of what each was scored from
    /// (`ArticleLinks::related_inputs`).
    pub(super) related: FxHashMap<u64, Vec<String>>,
    /// Story titles worked out from their articles' texts, by `story_title_key`.
    pub(super) story_titles: FxHashMap<u64, String>,
}

impl Earlier {
    pub fn new(
        related: impl IntoIterator<Item = (u64, Vec<String>)>,
        story_titles: impl IntoIterator<Item = (u64, String)>,
    ) -> Earlier {
        Earlier {
            related: related.into_iter().collect(),
            story_titles: story_titles.into_iter().collect(),
        }
    }
}

/// What a story's title is worked out from: its id and its articles' files, in order.
pub(super) fn story_title_key(site: &Site, id: &str, story: &Group) -> u64 {
    let files: Vec<u128> = story
        .articles
        .iter()
        .map(|&a| site.articles[a].text.key())
        .collect();
    hash_of(&(id, files))
}

/// The titles and bodies of a story's articles, for `story_title`. An article not read at
/// loading is read here; one that cannot be read gives an empty body, and its page then
/// reports why.
pub(super) fn story_texts<'s>(site: &'s Site, story: &Group) -> Vec<Cow<'s, str>> {
    story
        .articles
        .iter()
        .map(|&a| &site.articles[a])
        .flat_map(|article| {
            let body = article.read_body(&site.root).unwrap_or_default();
            [Cow::Borrowed(article.front.title.as_str()), body]
        })
        .collect()
}
