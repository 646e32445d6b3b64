//! Brief: a static site generator for briefing pages.
//!
//! A site goes through six stages, each one module, each reading only what the stages
//! before it made:
//!
//! - [`load`]: walk `content/`, parse front matter and gazetteer files into typed values;
//!   every problem is a positioned [`diag::Diagnostic`].
//! - [`extract`]: a pure function of one article and the gazetteer: summary, outline,
//!   entities, quotes and speakers, attributed sources.
//! - [`link`]: the whole-site graph: entities merged across articles, tags, stories, days,
//!   related articles, internal links resolved.
//! - [`media`]: the articles' images found and resized, their shortcodes rendered, once
//!   the templates are loaded.
//! - [`render`]: every page kind in its own file under `render/pages/`, with the fingerprint
//!   of what it shows; feeds, sitemap, search index and `data/site.json`.
//! - [`write`](mod@write): the output folder, replaced only when every page was made.
//!
//! [`pipeline`] runs `load -> extract -> link` for every command; [`build`] adds
//! `render -> write`, reusing what the last build left in its [`cache`]; [`serve`] keeps the site in memory and renders again the pages whose
//! fingerprint changed; [`check`] checks a built site's links. [`model`] holds the facts
//! every stage must agree on (base URL, routes, slugs, escaping); [`config`] is `site.yaml`,
//! validated once; [`i18n`] holds the theme's words in each language. [`commands`] prints results and picks exit codes; `main.rs` only parses
//! the command line.

pub mod allocator;
pub mod build;
pub mod cache;
pub mod check;
pub mod commands;
pub mod config;
pub mod diag;
pub mod extract;
pub mod i18n;
pub mod import;
pub mod link;
pub mod load;
pub mod media;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod write;
