//! `site.yaml`: every key optional, unknown keys rejected with a hint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, yaml_error};
use crate::model::{BaseUrl, SiteZone};

/// How often an entity mention in an article body becomes a link to its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LinkEntities {
    #[default]
    First,
    All,
    None,
}

/// Whether feeds carry the whole article or just its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FeedContent {
    #[default]
    Full,
    Summary,
}

/// The order of a story page's articles (the newest is always shown on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum StoryOrder {
    #[default]
    Newest,
    Oldest,
}

impl StoryOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            StoryOrder::Newest => "newest",
            StoryOrder::Oldest => "oldest",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Trust raw HTML in articles instead of sanitising it.
    pub allow_html: bool,
    /// Syntax highlighting theme whose CSS is written to `/syntax.css`.
    pub highlight_theme: String,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            allow_html: false,
            highlight_theme: "InspiredGitHub".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiscoveryOptions {
    /// Find entities that the gazetteer does not define.
    pub enabled: bool,
    /// Articles a discovered entity must appear in before it gets a page.
    pub min_articles: usize,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        DiscoveryOptions {
            enabled: true,
            min_articles: 2,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Where the site will be served from; every link is built from it.
    pub base_url: BaseUrl,
    pub language: String,
    /// Where times of day are shown, and where a time written without an offset is.
    pub timezone: SiteZone,
    /// Output folder, relative to the site root.
    pub output: PathBuf,
    pub link_entities: LinkEntities,
    pub discovery: DiscoveryOptions,
    pub feed_length: usize,
    pub feed_content: FeedContent,
    pub markdown: MarkdownOptions,
    /// Articles a timeline page holds before it is split by month into pages.
    pub timeline_page_size: usize,
    pub story_order: StoryOrder,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing".into(),
            description: String::new(),
            base_url: BaseUrl::default(),
            language: "en".into(),
            timezone: SiteZone::default(),
            output: PathBuf::from("public"),
            link_entities: LinkEntities::First,
            discovery: DiscoveryOptions::default(),
            feed_length: 20,
            feed_content: FeedContent::Full,
            markdown: MarkdownOptions::default(),
            timeline_page_size: 200,
            story_order: StoryOrder::Newest,
            extra: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Reads `root/site.yaml`; a missing file means all defaults.
    pub fn load(root: &Path) -> Result<Config, Diagnostic> {
        let path = root.join("site.yaml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => return Err(Diagnostic::error("site.yaml", format!("cannot read: {e}"))),
        };
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config: Config = serde_yaml::from_str(&text)
            .map_err(|e| yaml_error(Path::new("site.yaml"), &text, 0, &e))?;
        match config.zero_count() {
            Some(key) => {
                let line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(&format!("{key}:")))
                    .map_or(1, |i| i + 1);
                Err(
                    Diagnostic::error("site.yaml", format!("`{key}` must be at least 1"))
                        .at(&text, line, 1),
                )
            }
            None => Ok(config),
        }
    }

    /// The first count that is zero where at least one is needed: refused once here,
    /// instead of clamped at each use.
    fn zero_count(&self) -> Option<&'static str> {
        [
            ("feed_length", self.feed_length),
            ("timeline_page_size", self.timeline_page_size),
            ("min_articles", self.discovery.min_articles),
        ]
        .into_iter()
        .find_map(|(key, value)| (value == 0).then_some(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_is_parsed_with_the_config() {
        let config: Config = serde_yaml::from_str("base_url: https://example.org/briefs").unwrap();
        assert_eq!(config.base_url.path(), "/briefs/");
        let err = serde_yaml::from_str::<Config>("base_url: ftp://example.org/").unwrap_err();
        assert!(err.to_string().contains("scheme"), "{err}");
    }

    #[test]
    fn zero_counts_are_refused_at_their_line() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("site.yaml"), "title: X\nfeed_length: 0\n").unwrap();
        let err = Config::load(root.path()).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("feed_length"), "{}", err.message);
    }

    #[test]
    fn unknown_key_is_rejected() {
        let err = serde_yaml::from_str::<Config>("titel: x").unwrap_err();
        assert!(err.to_string().contains("unknown field"));
    }
}
