//! The base URL, parsed once when the configuration is read: every page URL, feed link and
//! link check is made from this one value, so they cannot disagree about what the base is.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use url::Url;

/// Stands in for the origin when the base URL is only a path (`/briefs/`): canonical links,
/// feeds and the sitemap need an absolute form even for a site previewed locally.
const LOCAL_ORIGIN: &str = "http://localhost";

/// Where the site is served from: an absolute URL (`https://example.org/briefs/`) or a path
/// alone (`/briefs/`). The path always starts and ends with `/` and is percent-encoded as a
/// browser would send it, so non-ASCII and spaces survive into `href`s and feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// As written, for messages.
    written: String,
    /// The absolute form, on `LOCAL_ORIGIN` when only a path was given.
    absolute: Url,
    /// Whether `written` named a scheme and host.
    has_origin: bool,
}

impl BaseUrl {
    /// Parses a base URL as written in `site.yaml` or `--base-url`.
    pub fn parse(written: &str) -> Result<BaseUrl, String> {
        let trimmed = written.trim();
        let (mut absolute, has_origin) = match Url::parse(trimmed) {
            Ok(url) if url.has_host() && matches!(url.scheme(), "http" | "https") => (url, true),
            Ok(url) if url.has_host() => {
                return Err(format!(
                    "base URL `{written}` uses the scheme `{}`; use http or https",
                    url.scheme()
                ));
            }
            Ok(_) => {
                return Err(format!(
                    "base URL `{written}` has no host; write `https://host/path/` or a path such as `/briefs/`"
                ));
            }
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                let local = Url::parse(LOCAL_ORIGIN).map_err(|e| e.to_string())?;
                let path = format!("/{}", trimmed.trim_start_matches('/'));
                let joined = local
                    .join(&path)
                    .map_err(|e| format!("base URL `{written}` is not a valid path: {e}"))?;
                (joined, false)
            }
            Err(e) => return Err(format!("base URL `{written}` is not a valid URL: {e}")),
        };
        if absolute.query().is_some() || absolute.fragment().is_some() {
            return Err(format!(
                "base URL `{written}` has a query or fragment; give only the origin and path"
            ));
        }
        let path = absolute.path().trim_matches('/').to_string();
        absolute.set_path(&if path.is_empty() {
            "/".to_string()
        } else {
            format!("/{path}/")
        });
        Ok(BaseUrl {
            written: written.to_string(),
            absolute,
            has_origin,
        })
    }

    /// The path every root-relative URL starts with: `/` or `/briefs/`, percent-encoded.
    pub fn path(&self) -> &str {
        self.absolute.path()
    }

    /// The path as text, percent-decoded: what a link's decoded path is compared with.
    pub fn decoded_path(&self) -> String {
        percent_encoding::percent_decode_str(self.path())
            .decode_utf8_lossy()
            .into_owned()
    }

    /// Scheme and host, without a trailing slash: `https://example.org`.
    pub fn origin(&self) -> String {
        self.absolute.origin().ascii_serialization()
    }

    /// The absolute base, ending in `/`: `https://example.org/briefs/`.
    pub fn absolute(&self) -> &str {
        self.absolute.as_str()
    }

    /// The absolute base as a parsed URL, for joining links against.
    pub fn as_url(&self) -> &Url {
        &self.absolute
    }

    /// Whether a scheme and host were given: without them, absolute links point at
    /// `http://localhost`, which is fine for a preview but not for publishing.
    pub fn has_origin(&self) -> bool {
        self.has_origin
    }

    pub fn as_written(&self) -> &str {
        &self.written
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl::parse("/").unwrap_or_else(|_| unreachable!("`/` is a valid base path"))
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

impl<'de> Deserialize<'de> for BaseUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = String::deserialize(deserializer)?;
        BaseUrl::parse(&written).map_err(serde::de::Error::custom)
    }
}

impl Serialize for BaseUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(text: &str) -> BaseUrl {
        BaseUrl::parse(text).unwrap()
    }

    #[test]
    fn path_only_bases_get_a_local_origin() {
        assert_eq!(base("/").path(), "/");
        assert_eq!(base("").path(), "/");
        assert_eq!(base("/briefs").path(), "/briefs/");
        assert_eq!(base("briefs/").path(), "/briefs/");
        assert_eq!(base("/briefs/").absolute(), "http://localhost/briefs/");
        assert!(!base("/briefs/").has_origin());
    }

    #[test]
    fn absolute_bases_keep_their_origin() {
        let b = base("https://example.org/briefs");
        assert_eq!(b.path(), "/briefs/");
        assert_eq!(b.origin(), "https://example.org");
        assert_eq!(b.absolute(), "https://example.org/briefs/");
        assert!(b.has_origin());
        assert_eq!(base("https://example.org").path(), "/");
        assert_eq!(
            base("http://localhost:8080/a/b/").origin(),
            "http://localhost:8080"
        );
    }

    #[test]
    fn non_ascii_and_spaces_are_percent_encoded_once() {
        let b = base("https://example.org/café/");
        assert_eq!(b.path(), "/caf%C3%A9/");
        assert_eq!(b.decoded_path(), "/café/");
        assert_eq!(base("/my briefs/").path(), "/my%20briefs/");
        assert_eq!(base("/caf%C3%A9/").path(), "/caf%C3%A9/");
    }

    #[test]
    fn unusable_bases_are_refused_with_a_reason() {
        assert!(
            BaseUrl::parse("ftp://example.org/")
                .unwrap_err()
                .contains("scheme")
        );
        assert!(
            BaseUrl::parse("https://example.org/?x=1")
                .unwrap_err()
                .contains("query")
        );
        assert!(BaseUrl::parse("mailto:someone").is_err());
    }
}
