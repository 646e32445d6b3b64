//! One file for each kind of page: what it shows, the route it is written to, the
//! template that draws it, how its fingerprint is made and how the sitemap lists it. Each
//! kind implements `PageKind` and is named once in `PAGE_KINDS`, which is all a build,
//! `brief serve` and the sitemap know of page kinds: a new kind is one file and one line.

pub(super) mod article;
pub(super) mod day;
pub(super) mod entity;
pub(super) mod front;
pub(super) mod group;
pub(super) mod images;
pub(super) mod redirect;
pub(super) mod timeline;

use std::fmt;

use crate::load::Section;
use crate::render::*;

/// A kind of page, or of file made from the whole site. Its pages are numbered
/// `0..count`; what a number means (an article, an entity, a timeline page) is the
/// kind's own business.
pub trait PageKind: Sync {
    /// What the kind makes, for `--timings`; kinds may share a label.
    fn label(&self) -> &'static str;

    /// How many pages of this kind the site has.
    fn count(&self, _r: &Renderer<'_>) -> usize {
        1
    }

    /// Where page `index` lives. Its file identifies the page from one render to the next,
    /// whatever the order of the site's articles.
    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r>;

    /// The page's files: the page, plus the feed beside it for some kinds.
    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic>;

    /// Adds everything the page's files show to `print` (see `Renderer::fingerprint`).
    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print);

    /// Whether the sitemap lists the page, and with what last-modified date.
    fn listing(&self, _r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Unlisted
    }

    /// Whole-site files too large to hold at once are handed to the sink piece by piece.
    fn streamed(&self) -> bool {
        false
    }

    /// Writes the files of a streamed kind into `sink`.
    fn stream(
        &self,
        r: &Renderer<'_>,
        index: usize,
        sink: &mut dyn Sink,
    ) -> Result<(), Diagnostic> {
        self.render(r, index)?
            .into_iter()
            .try_for_each(|file| sink.file(file))
    }

    /// The content file a page is made from, if one is: named when another page clashes
    /// with it.
    fn source<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Option<&'r Path> {
        None
    }

    /// Redirect pages may not take the address of any other page.
    fn is_redirect(&self) -> bool {
        false
    }

    /// The article a page shows whole, if the page is an article's.
    fn article(&self, _index: usize) -> Option<ArticleId> {
        None
    }
}

/// A streamed kind's files held whole: its `render`, for callers that take every file at
/// once (`brief serve`, `brief check`).
pub(in crate::render) fn stream_into_files(
    kind: &dyn PageKind,
    r: &Renderer<'_>,
    index: usize,
) -> Result<Vec<Output>, Diagnostic> {
    let mut files = Vec::new();
    kind.stream(r, index, &mut files).map(|()| files)
}

/// The label shared by the front page, the indexes, search and 404.
pub(in crate::render) const INDEX_PAGES: &str = "front, index, search and 404 pages";

impl Renderer<'_> {
    /// The date of the newest article, for pages that change with every article.
    pub(in crate::render) fn newest_date(&self) -> Option<String> {
        let newest = self.graph.by_date.first();
        newest.map(|&a| self.site.articles[a].date.rfc3339())
    }

    /// When the newest change to `articles` was made: the latest of their dates and
    /// updates.
    pub(in crate::render) fn last_changed(
        &self,
        articles: impl Iterator<Item = ArticleId>,
    ) -> Option<String> {
        let changed = |a: ArticleId| {
            let article = &self.site.articles[a];
            article.updated.unwrap_or(article.date)
        };
        let changed_at = self.changed_at.get_or_init(|| {
            self.site
                .articles
                .keys()
                .map(|a| changed(a).timestamp())
                .collect()
        });
        articles
            .max_by_key(|&a| changed_at[a])
            .map(|a| changed(a).rfc3339())
    }
}

/// How the sitemap lists a page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Listing {
    Unlisted,
    /// Listed, with the RFC 3339 date it last changed when one is known.
    Listed(Option<String>),
}

/// Every kind of page and whole-site file, in the order a build renders them.
pub static PAGE_KINDS: &[&dyn PageKind] = &[
    &article::ArticlePages,
    &entity::EntityPages,
    &group::GroupPages(Section::Tags),
    &group::GroupPages(Section::Stories),
    &group::GroupPages(Section::Authors),
    &day::DayPages,
    &timeline::TimelinePages,
    &front::StandalonePages,
    &front::FrontPage,
    &entity::EntityIndex,
    &group::GroupIndex(Section::Tags),
    &group::GroupIndex(Section::Stories),
    &group::GroupIndex(Section::Authors),
    &day::BriefingIndex,
    &front::SearchPage,
    &search::SearchIndex,
    &front::NotFoundPage,
    &feeds::SiteFeeds,
    &sitemap::Sitemap,
    &redirect::RedirectPages,
    &site_data::SiteData,
    &images::ImageFiles,
];

/// One page (or whole-site file) to render: a kind and a page of it.
#[derive(Clone, Copy)]
pub struct Job {
    pub kind: &'static dyn PageKind,
    pub index: usize,
}

impl Job {
    /// The page of article `a`.
    pub fn article(a: ArticleId) -> Job {
        Job {
            kind: &article::ArticlePages,
            index: a.into(),
        }
    }

    pub fn label(self) -> &'static str {
        self.kind.label()
    }
}

impl fmt::Debug for Job {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Job({} {})", self.kind.label(), self.index)
    }
}
