//! Brief: a static site generator for briefing pages.
//!
//! The pipeline runs `load -> extract -> link -> render -> write`; each stage is one module.

pub mod build;
pub mod check;
pub mod commands;
pub mod config;
pub mod diag;
pub mod extract;
pub mod link;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod write;
