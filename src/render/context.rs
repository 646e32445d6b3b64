//! The values templates see. Every field here is documented in `docs/templates.md`.

use serde::Serialize;

/// A name and where it lives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    pub description: String,
    /// Root-relative base path, `/` or `/briefs/`.
    pub base_url: String,
    /// Absolute base, `https://example.org/briefs/`.
    pub absolute_base: String,
    pub language: String,
    pub feed_url: String,
    /// The site's icon: its own `static/favicon.svg` or `favicon.ico`, else the built-in one.
    pub favicon: String,
    /// The standalone pages (about, methodology), in file name order, for the footer.
    pub pages: Vec<Link>,
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Root-relative URL of this page.
    pub url: String,
    /// Absolute URL of this page.
    pub canonical: String,
    /// Page kind: article, entity, entities, tag, tags, story, stories, briefing,
    /// briefings, timeline, index, page, search, not_found.
    pub kind: &'static str,
    /// Absolute URL of the page's image for social cards.
    pub image: Option<String>,
    /// This page's own Atom feed, when it has one.
    pub feed_url: Option<String>,
    /// An article's publication and last change (RFC 3339), for `article:` meta tags.
    pub published: Option<String>,
    pub modified: Option<String>,
    /// An article's schema.org `NewsArticle`, as JSON safe inside `<script>`.
    pub json_ld: Option<String>,
}

/// An entity as shown in lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EntityRef {
    pub name: String,
    /// Empty for a name found in too few articles for a page of its own.
    pub url: String,
    pub kind: &'static str,
    pub known: bool,
    /// Mentions in the article, articles about it, or shared articles, depending on the list.
    pub count: usize,
}

/// An article as shown in lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ArticleCard {
    pub title: String,
    pub url: String,
    pub slug: String,
    /// RFC 3339.
    pub date: String,
    /// "26 September 2024".
    pub date_display: String,
    /// The time of publication in the site's zone ("21:40 GMT"); none for a date alone.
    pub time_display: Option<String>,
    pub day_url: String,
    pub summary: String,
    pub reading_minutes: usize,
    pub word_count: usize,
    pub tags: Vec<Link>,
    /// Up to five most-mentioned entities.
    pub entities: Vec<EntityRef>,
    pub story: Option<Link>,
    /// Dated after the build's "now": a preview of a scheduled piece.
    pub scheduled: bool,
    /// The front matter `image`, resized.
    pub picture: Option<crate::media::Picture>,
}

/// An article as a line in a long list: title and date only.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEntry {
    pub title: String,
    pub url: String,
    /// RFC 3339.
    pub date: String,
    /// "26 September 2024".
    pub date_display: String,
}

impl From<&ArticleCard> for ArticleEntry {
    fn from(card: &ArticleCard) -> Self {
        ArticleEntry {
            title: card.title.clone(),
            url: card.url.clone(),
            date: card.date.clone(),
            date_display: card.date_display.clone(),
        }
    }
}

impl ArticleCard {
    /// A hash of the fields its `ArticleEntry` takes: what a long list shows of it.
    pub fn entry_hash(&self) -> u64 {
        super::hash_of(&(&self.title, &self.url, &self.date, &self.date_display))
    }
}

/// A statement in reported speech: who, the verb that credits it, what they said.
#[derive(Debug, Clone, Serialize)]
pub struct StatementContext {
    pub source: String,
    pub cue: Option<String>,
    pub content: String,
    pub article: Link,
    pub date_display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteContext {
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_url: Option<String>,
    pub article: Link,
    pub date_display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub text: String,
    pub id: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindGroup {
    pub kind: &'static str,
    pub label: String,
    pub entities: Vec<EntityRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryPosition {
    /// An `ArticleEntry`.
    pub card: tera::Value,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoryTimeline {
    pub name: String,
    pub url: String,
    pub articles: Vec<StoryPosition>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext {
    #[serde(flatten)]
    pub card: ArticleCard,
    /// Rendered body HTML (safe).
    pub content: String,
    /// Table of contents, present when the article has three or more headings.
    pub toc: Vec<TocEntry>,
    pub key_points: Vec<String>,
    /// Sources and attributions ("Reuters", "a senior Lebanese official").
    pub sources: Vec<String>,
    pub authors: Vec<String>,
    /// The authors' pages, in the order the front matter names them.
    pub author_links: Vec<Link>,
    pub location: Option<String>,
    pub updated: Option<String>,
    pub updated_display: Option<String>,
    pub image: Option<String>,
    /// Entities grouped by kind: people, organisations, places, other.
    pub involved: Vec<KindGroup>,
    pub quotes: Vec<QuoteContext>,
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntityContext {
    pub name: String,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub known: bool,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Rendered entity file body (safe).
    pub content: String,
    pub feed_url: String,
    pub article_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupSummary {
    pub name: String,
    pub url: String,
    pub count: usize,
    pub first_date_display: String,
    pub last_date_display: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DayContext {
    /// `2024-09-26`.
    pub date: String,
    pub date_display: String,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteContext {
    pub title: Option<String>,
    /// Rendered note HTML (safe).
    pub content: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthContext {
    /// `2024-09`, also the anchor id.
    pub id: String,
    /// "September 2024".
    pub label: String,
    /// `ArticleCard`s.
    pub articles: Vec<tera::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}
