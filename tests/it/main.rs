//! The integration tests: the real `brief` binary on real site folders in temporary
//! directories. One test binary, so the shared fixture builders in `common` compile once.

mod browser;
mod build;
mod cache;
mod cli;
mod common;
mod extract;
mod fingerprints;
mod hardening;
mod imports;
mod incremental;
mod languages;
mod media;
mod newsroom;
mod output;
mod pages;
mod publish;
mod serve;
