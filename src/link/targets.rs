//! Internal Markdown links resolved to the URLs of the files they name, anchors checked.

use super::*;

pub(super) enum Resolution {
    External,
    Found {
        url: String,
        article: Option<ArticleId>,
    },
    Broken(String),
}

/// What an internal link may point at: content files by path, with their anchors.
pub(super) struct Targets<'a> {
    by_path: FxHashMap<PathBuf, Target<'a>>,
}

/// A linkable file: its URL, the article it is (if one) and its heading anchors (if known).
pub(super) type Target<'a> = (String, Option<ArticleId>, Option<&'a [Heading]>);

impl<'a> Targets<'a> {
    pub(super) fn new(
        site: &Site,
        facts: &'a ArticleSlice<Facts>,
        entities: &TiSlice<EntityId, EntityNode>,
        page_outlines: &'a [Outline],
        routes: &Routes,
    ) -> Targets<'a> {
        let mut by_path = FxHashMap::default();
        for (a, article) in site.articles.iter_enumerated() {
            let url = routes.url(Route::Article(&article.slug));
            by_path.insert(
                article.path.clone(),
                (url, Some(a), Some(facts[a].headings.as_slice())),
            );
        }
        for entity in entities {
            if let Some(def) = entity.definition.map(|d| &site.entities[d])
                && def.path.extension().is_some_and(|e| e == "md")
            {
                let url = routes.url(Route::Entity(&entity.slug));
                by_path.insert(def.path.clone(), (url, None, None));
            }
        }
        for (p, page) in site.pages.iter().enumerate() {
            let url = routes.url(Route::Page(&page.slug));
            by_path.insert(
                page.path.clone(),
                (url, None, Some(page_outlines[p].headings.as_slice())),
            );
        }
        Targets { by_path }
    }

    pub(super) fn resolve(&self, from: &Path, target: &str) -> Resolution {
        let (file, anchor) = match target.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (target, None),
        };
        let is_external = target.contains("://")
            || target.starts_with("mailto:")
            || target.starts_with('#')
            || target.starts_with('/')
            || !file.ends_with(".md");
        if is_external {
            return Resolution::External;
        }
        let path = match file.strip_prefix("@/") {
            Some(rest) => Path::new("content").join(rest),
            None => from.parent().unwrap_or(Path::new("")).join(file),
        };
        let path = normalise(&path);
        let Some((url, article, headings)) = self.by_path.get(&path) else {
            return Resolution::Broken(format!(
                "link to `{target}`: no content file {} (links to articles, entities and pages use their .md path)",
                path.display()
            ));
        };
        match (anchor, headings) {
            (Some(anchor), Some(headings)) if !anchor.is_empty() => {
                if headings.iter().any(|h| h.id == anchor) {
                    Resolution::Found {
                        url: format!("{url}#{anchor}"),
                        article: *article,
                    }
                } else {
                    let known: Vec<&str> = headings.iter().map(|h| h.id.as_str()).collect();
                    Resolution::Broken(format!(
                        "link to `{target}`: {} has no heading `#{anchor}` (its anchors: {})",
                        path.display(),
                        if known.is_empty() {
                            "none".into()
                        } else {
                            known.join(", ")
                        }
                    ))
                }
            }
            (Some(anchor), _) if !anchor.is_empty() => Resolution::Found {
                url: format!("{url}#{anchor}"),
                article: *article,
            },
            _ => Resolution::Found {
                url: url.clone(),
                article: *article,
            },
        }
    }
}

/// Removes `.` and `..` from a relative path without touching the file system.
pub(super) fn normalise(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}
