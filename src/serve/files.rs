//! The built site as it is served: every file's bytes in memory, by path.

use std::collections::{BTreeMap, HashMap};

use axum::body::Bytes;

use super::incremental::Update;
use crate::render::Output;

/// Rendered pages and copied files; a copied file wins over a page of the same path, as
/// it does in `brief build`.
#[derive(Debug)]
pub struct SiteFiles {
    base_path: String,
    rendered: HashMap<String, Bytes>,
    copied: HashMap<String, Bytes>,
}

impl Default for SiteFiles {
    fn default() -> Self {
        SiteFiles {
            base_path: "/".into(),
            rendered: HashMap::new(),
            copied: HashMap::new(),
        }
    }
}

impl SiteFiles {
    /// Applies a rebuild; returns the paths whose bytes changed, sorted.
    pub fn apply(&mut self, update: Update) -> Vec<String> {
        let mut changed = Vec::new();
        self.base_path = update.base_path;
        if update.full {
            let fresh: HashMap<String, Bytes> = into_map(update.written);
            changed.extend(differences(&self.rendered, &fresh));
            self.rendered = fresh;
        } else {
            for path in update.removed {
                if self.rendered.remove(&path).is_some() {
                    changed.push(path);
                }
            }
            for output in update.written {
                let content = Bytes::from(output.content);
                if self.rendered.get(&output.path) != Some(&content) {
                    self.rendered.insert(output.path.clone(), content);
                    changed.push(output.path);
                }
            }
        }
        if let Some(copied) = update.statics {
            let fresh = into_map(copied);
            changed.extend(differences(&self.copied, &fresh));
            self.copied = fresh;
        }
        changed.sort();
        changed.dedup();
        changed
    }

    /// The file at `path` (relative to the site's base path, no leading `/`).
    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.copied.get(path).or_else(|| self.rendered.get(path))
    }

    /// The path the site is served under, `/` or `/briefs/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Every file, by path.
    pub fn all(&self) -> BTreeMap<&str, &Bytes> {
        self.rendered
            .iter()
            .chain(&self.copied)
            .map(|(path, bytes)| (path.as_str(), bytes))
            .collect()
    }
}

fn into_map(outputs: Vec<Output>) -> HashMap<String, Bytes> {
    outputs
        .into_iter()
        .map(|o| (o.path, Bytes::from(o.content)))
        .collect()
}

/// Paths present in only one of the maps or with different bytes.
fn differences(old: &HashMap<String, Bytes>, new: &HashMap<String, Bytes>) -> Vec<String> {
    let mut paths: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| old.get(*path) != Some(bytes))
        .map(|(path, _)| path.clone())
        .collect();
    paths.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
    paths
}
