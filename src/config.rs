//! `site.yaml`: every key optional, unknown keys rejected with a hint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::load::frontmatter::yaml_error;

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
            min_articles: 1,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Where the site will be served from; every link is built from it.
    pub base_url: String,
    pub language: String,
    /// Output folder, relative to the site root.
    pub output: PathBuf,
    pub link_entities: LinkEntities,
    pub discovery: DiscoveryOptions,
    pub feed_length: usize,
    pub feed_content: FeedContent,
    pub markdown: MarkdownOptions,
    /// Articles a timeline page holds before it is split by month into pages.
    pub timeline_page_size: usize,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            output: PathBuf::from("public"),
            link_entities: LinkEntities::First,
            discovery: DiscoveryOptions::default(),
            feed_length: 20,
            feed_content: FeedContent::Full,
            markdown: MarkdownOptions::default(),
            timeline_page_size: 200,
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
        serde_yaml::from_str(&text).map_err(|e| yaml_error(Path::new("site.yaml"), &text, 0, &e))
    }

    /// The base URL's path, always with a leading and trailing slash (`/` or `/briefs/`).
    pub fn base_path(&self) -> String {
        let without_origin = match self.base_url.find("://") {
            Some(i) => {
                let rest = &self.base_url[i + 3..];
                rest.find('/').map_or("/", |j| &rest[j..])
            }
            None => self.base_url.as_str(),
        };
        let trimmed = without_origin.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// The absolute origin + path used in feeds and the sitemap, ending in `/`.
    pub fn absolute_base(&self) -> String {
        if self.base_url.contains("://") {
            let mut base = self.base_url.clone();
            if !base.ends_with('/') {
                base.push('/');
            }
            base
        } else {
            format!("http://localhost{}", self.base_path())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_base(base: &str) -> Config {
        Config {
            base_url: base.into(),
            ..Config::default()
        }
    }

    #[test]
    fn base_path_from_any_form() {
        assert_eq!(with_base("/").base_path(), "/");
        assert_eq!(with_base("https://example.org").base_path(), "/");
        assert_eq!(
            with_base("https://example.org/briefs").base_path(),
            "/briefs/"
        );
        assert_eq!(with_base("/briefs/").base_path(), "/briefs/");
        assert_eq!(
            with_base("https://example.org/briefs").absolute_base(),
            "https://example.org/briefs/"
        );
    }

    #[test]
    fn unknown_key_is_rejected() {
        let err = serde_yaml::from_str::<Config>("titel: x").unwrap_err();
        assert!(err.to_string().contains("unknown field"));
    }
}
