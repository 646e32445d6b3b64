//! Brief: a static site generator for briefing pages.
//!
//! The pipeline runs `load -> extract -> link -> render -> write`; each stage is one module.

pub mod config;
pub mod diag;
pub mod extract;
pub mod load;
