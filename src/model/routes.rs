//! Every page's place in the site: its path below the base, its root-relative URL and its
//! output file. A page kind names its route here and nowhere else spells the path.

use std::borrow::Cow;

use super::BaseUrl;

/// A page or file of the built site, by what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    Front,
    Article(&'a str),
    Entity(&'a str),
    EntityFeed(&'a str),
    Tag(&'a str),
    TagFeed(&'a str),
    Story(&'a str),
    StoryFeed(&'a str),
    Author(&'a str),
    AuthorFeed(&'a str),
    /// A daily briefing, by its `YYYY-MM-DD` date.
    Day(jiff::civil::Date),
    /// A timeline page, numbered from 0.
    Timeline(usize),
    /// A standalone page, by its slug (which may hold `/`).
    Page(&'a str),
    Entities,
    Tags,
    Stories,
    Authors,
    Briefings,
    Search,
    SearchIndex,
    NotFound,
    SiteFeed,
    Sitemap,
    Data,
    /// A file the site ships as it is (`images/map.png`), by its path below the base.
    File(&'a str),
}

/// First path segments that the built-in sections own: a standalone page may not take them.
pub const RESERVED_SECTIONS: &[&str] = &[
    "articles",
    "entities",
    "tags",
    "stories",
    "authors",
    "briefings",
    "timeline",
    "search",
    "data",
];

impl Route<'_> {
    /// The path below the base URL: `articles/x/`, `feed.xml`, `` for the front page.
    pub fn path(&self) -> Cow<'static, str> {
        match *self {
            Route::Front => "".into(),
            Route::Article(slug) => format!("articles/{slug}/").into(),
            Route::Entity(slug) => format!("entities/{slug}/").into(),
            Route::EntityFeed(slug) => format!("entities/{slug}/feed.xml").into(),
            Route::Tag(slug) => format!("tags/{slug}/").into(),
            Route::TagFeed(slug) => format!("tags/{slug}/feed.xml").into(),
            Route::Story(slug) => format!("stories/{slug}/").into(),
            Route::StoryFeed(slug) => format!("stories/{slug}/feed.xml").into(),
            Route::Author(slug) => format!("authors/{slug}/").into(),
            Route::AuthorFeed(slug) => format!("authors/{slug}/feed.xml").into(),
            Route::Day(date) => format!("briefings/{date}/").into(),
            Route::Timeline(0) => "timeline/".into(),
            Route::Timeline(page) => format!("timeline/page/{}/", page + 1).into(),
            Route::Page(slug) => format!("{}/", slug.trim_matches('/')).into(),
            Route::Entities => "entities/".into(),
            Route::Tags => "tags/".into(),
            Route::Stories => "stories/".into(),
            Route::Authors => "authors/".into(),
            Route::Briefings => "briefings/".into(),
            Route::Search => "search/".into(),
            Route::SearchIndex => "search/index.json".into(),
            Route::NotFound => "404.html".into(),
            Route::SiteFeed => "feed.xml".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Data => "data/site.json".into(),
            Route::File(path) => path.trim_start_matches('/').to_string().into(),
        }
    }
}

/// Makes URLs and output files from routes, for one base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routes {
    base: BaseUrl,
}

/// Encoded as the base URL as written (for the build cache's kept graph, `link::KeptGraph`).
impl bincode::Encode for Routes {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        self.base.as_written().encode(encoder)
    }
}

impl<Context> bincode::Decode<Context> for Routes {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let written = String::decode(decoder)?;
        let base = BaseUrl::parse(&written).map_err(bincode::error::DecodeError::OtherString)?;
        Ok(Routes::new(base))
    }
}
bincode::impl_borrow_decode!(Routes);

impl Routes {
    pub fn new(base: BaseUrl) -> Routes {
        Routes { base }
    }

    /// The base path every URL starts with: `/` or `/briefs/`.
    pub fn base_path(&self) -> &str {
        self.base.path()
    }

    /// Root-relative URL: `/briefs/articles/x/`.
    pub fn url(&self, route: Route<'_>) -> String {
        let path = route.path();
        let mut url = String::with_capacity(self.base_path().len() + path.len());
        url.push_str(self.base_path());
        url.push_str(&path);
        url
    }

    /// Absolute URL, for canonical links, feeds and the sitemap.
    pub fn absolute(&self, route: Route<'_>) -> String {
        self.absolute_of(&self.url(route))
    }

    /// The absolute form of a root-relative URL made by `url`.
    pub fn absolute_of(&self, url: &str) -> String {
        format!("{}{url}", self.base.origin())
    }

    /// The output file a route is written to: `articles/x/index.html`.
    pub fn file(&self, route: Route<'_>) -> String {
        file_of_path(&route.path())
    }

    /// The output file a root-relative URL of this site is served from.
    pub fn file_of_url(&self, url: &str) -> String {
        file_of_path(url.strip_prefix(self.base_path()).unwrap_or(url))
    }
}

/// `articles/x/` -> `articles/x/index.html`; a file path stays as it is.
fn file_of_path(path: &str) -> String {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes(base: &str) -> Routes {
        Routes::new(BaseUrl::parse(base).unwrap())
    }

    #[test]
    fn every_url_starts_with_the_base_path() {
        let r = routes("https://example.org/briefs");
        assert_eq!(r.url(Route::Front), "/briefs/");
        assert_eq!(r.url(Route::Article("a-b")), "/briefs/articles/a-b/");
        assert_eq!(r.url(Route::EntityFeed("x")), "/briefs/entities/x/feed.xml");
        assert_eq!(r.url(Route::Timeline(0)), "/briefs/timeline/");
        assert_eq!(r.url(Route::Timeline(2)), "/briefs/timeline/page/3/");
        assert_eq!(r.url(Route::Page("about/team")), "/briefs/about/team/");
        assert_eq!(
            r.absolute(Route::Day(jiff::civil::date(2024, 5, 1))),
            "https://example.org/briefs/briefings/2024-05-01/"
        );
    }

    #[test]
    fn files_are_index_html_for_folders() {
        let r = routes("/");
        assert_eq!(r.file(Route::Front), "index.html");
        assert_eq!(r.file(Route::Tag("energy")), "tags/energy/index.html");
        assert_eq!(r.file(Route::SiteFeed), "feed.xml");
        assert_eq!(r.file(Route::NotFound), "404.html");
        let sub = routes("/briefs/");
        assert_eq!(
            sub.file_of_url("/briefs/articles/x/"),
            "articles/x/index.html"
        );
        assert_eq!(sub.file_of_url("/briefs/"), "index.html");
    }

    #[test]
    fn non_ascii_base_paths_are_encoded_in_urls() {
        let r = routes("https://example.org/café/");
        assert_eq!(r.url(Route::Search), "/caf%C3%A9/search/");
        assert_eq!(r.file_of_url("/caf%C3%A9/search/"), "search/index.html");
    }
}
