//! The facts every stage shares and must agree on: where the site is served from, where
//! each page lives, how a name becomes a slug, how text is escaped.

mod base_url;
mod encoded;
mod ids;
mod name;
mod routes;
mod sanitise;
mod text;
mod zone;

pub use base_url::BaseUrl;
pub use encoded::Encoded;
pub use ids::{ArticleId, ArticleSlice, EntityId, PerArticle};
pub use name::{Name, NameContext, Names, SharedNames};
pub use routes::{RESERVED_SECTIONS, Route, Routes};
pub use sanitise::{removed_by_sanitiser, sanitise};
pub use text::{
    MAX_SLUG_BYTES, attribute_text, escape_html, is_xml_char, slugify, try_slugify, xml_safe,
};
pub use zone::SiteZone;
