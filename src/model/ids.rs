//! Typed indices. Articles and entities travel between stages as parallel tables
//! (`site.articles`, the facts, the graph's links, the rendered cards); a typed index makes
//! the compiler check that an article's position is never used to look up an entity.

use typed_index_collections::{TiSlice, TiVec};

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, bincode::Encode, bincode::Decode,
        )]
        pub struct $name(usize);

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                Self(index)
            }
        }

        impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.0
            }
        }
    };
}

typed_index!(
    /// An article's position in `Site::articles` and every table aligned with it.
    ArticleId
);
typed_index!(
    /// An entity's position in the site graph's entity table.
    EntityId
);

/// A table of article data, one row per article.
pub type PerArticle<T> = TiVec<ArticleId, T>;
/// A borrowed table of article data.
pub type ArticleSlice<T> = TiSlice<ArticleId, T>;
