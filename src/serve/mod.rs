//! `brief serve`: builds the site into memory, serves it, and rebuilds what a saved file
//! changes.

pub mod files;
pub mod incremental;
