//! One file for each kind of page: what it shows, the route it is written to and the
//! template that draws it.

pub(super) mod article;
pub(super) mod day;
pub(super) mod entity;
pub(super) mod front;
pub(super) mod group;
pub(super) mod timeline;
