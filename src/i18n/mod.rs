//! The words of the default theme in the site's `language`: every label the built-in
//! templates, page titles and `search.js` show, and the names of months and weekdays in
//! displayed dates. English, French, German and Spanish are built in (`tables/`); a site's
//! `i18n/<language>.yaml` replaces some of them or adds a language.
//!
//! English is the reference: its table names every key, and a key's shape (text, plural
//! forms, list) and the `{placeholders}` it may use are what other tables must follow.

mod dates;
mod file;
mod text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use serde::Serialize;

use crate::diag::Diagnostic;
pub use text::{Piece, pieces, plural_key};

/// The built-in tables, by language tag.
const BUILT_IN: [(&str, &str); 4] = [
    ("en", include_str!("tables/en.yaml")),
    ("fr", include_str!("tables/fr.yaml")),
    ("de", include_str!("tables/de.yaml")),
    ("es", include_str!("tables/es.yaml")),
];

/// Where a site keeps its own tables, below its root.
pub const SITE_FOLDER: &str = "i18n";

/// One entry of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Label {
    Text(String),
    /// Chosen by a count (see `plural_key`).
    Forms(Forms),
    /// Month and weekday names.
    List(Vec<String>),
}

/// The forms of a label that depends on a count. `one` is `other` where a table gives no
/// singular (languages without one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forms {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zero: Option<String>,
    pub one: String,
    pub other: String,
}

pub type Table = BTreeMap<String, Label>;

/// The built-in tables, parsed once; their correctness is the unit tests' business, so a
/// table that failed to parse would be empty rather than stop a build.
static TABLES: LazyLock<BTreeMap<&'static str, Table>> = LazyLock::new(|| {
    BUILT_IN
        .iter()
        .map(|(tag, text)| {
            let (table, _) = file::parse(Path::new(tag), text, None);
            (*tag, table)
        })
        .collect()
});

fn english() -> &'static Table {
    &TABLES["en"]
}

/// The languages with a built-in table.
pub fn built_in_languages() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(tag, _)| *tag)
}

/// The built-in table of `language`, or of its primary subtag (`fr` for `fr-CA`).
fn built_in(language: &str) -> Option<&'static Table> {
    let lower = language.to_ascii_lowercase();
    let primary = lower.split(['-', '_']).next().unwrap_or_default();
    TABLES.get(lower.as_str()).or_else(|| TABLES.get(primary))
}

/// The site's words: every key of the English table, in the site's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    labels: Table,
}

impl Default for Locale {
    fn default() -> Self {
        Locale {
            labels: english().clone(),
        }
    }
}

impl Locale {
    /// The words for `language`: the built-in table, with the site's `i18n/<language>.yaml`
    /// over it. A language with neither is an error naming the setting; a site table for a
    /// language without a built-in one falls back to English, key by key, with a warning
    /// listing the keys. On errors the locale is still whole (English fills the gaps), so
    /// the rest of the site can be checked.
    pub fn load(root: &Path, language: &str) -> (Locale, Vec<Diagnostic>) {
        let mut labels = english().clone();
        let mut problems = Vec::new();
        let base = built_in(language);
        if let Some(base) = base {
            labels.extend(base.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let relative = PathBuf::from(SITE_FOLDER).join(format!("{language}.yaml"));
        let own = match std::fs::read_to_string(root.join(&relative)) {
            Ok(text) => {
                let (table, found) = file::parse(&relative, &text, Some(english()));
                problems.extend(found);
                Some(table)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                problems.push(Diagnostic::error(&relative, format!("cannot read: {e}")));
                None
            }
        };
        match (&own, base) {
            (None, None) if problems.is_empty() => {
                problems.push(unknown_language(root, language, &relative));
            }
            (Some(own), None) => {
                let missing: Vec<&str> = english()
                    .keys()
                    .filter(|k| !own.contains_key(*k))
                    .map(String::as_str)
                    .collect();
                if !missing.is_empty() {
                    problems.push(Diagnostic::warning(
                        &relative,
                        format!(
                            "{} of {} labels are missing and shown in English: {}",
                            missing.len(),
                            english().len(),
                            missing.join(", ")
                        ),
                    ));
                }
            }
            _ => {}
        }
        labels.extend(own.into_iter().flatten());
        (Locale { labels }, problems)
    }

    /// A text label; a key the English table lacks (a mistake in Brief itself) shows as
    /// the key.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        match self.labels.get(key) {
            Some(Label::Text(text)) => text,
            Some(Label::Forms(forms)) => &forms.other,
            _ => key,
        }
    }

    /// A text label with its `{placeholders}` filled from `values`.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        text::fill(self.text(key), |slot| {
            values
                .iter()
                .find(|(name, _)| *name == slot)
                .map(|(_, v)| *v)
        })
    }

    /// Every label, as the templates' `t`.
    pub fn labels(&self) -> &Table {
        &self.labels
    }

    fn list(&self, key: &str) -> &[String] {
        match self.labels.get(key) {
            Some(Label::List(list)) => list,
            _ => &[],
        }
    }
}

/// `language: xx` with neither a built-in table nor a site table, at its line of
/// `site.yaml`.
fn unknown_language(root: &Path, language: &str, relative: &Path) -> Diagnostic {
    let site_yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap_or_default();
    let built_in: Vec<&str> = built_in_languages().collect();
    let message = format!(
        "`language: {language}` has no built-in labels (built in: {}) and there is no {}: write one (docs/templates.md lists its keys) or choose a built-in language",
        built_in.join(", "),
        relative.display()
    );
    let line = site_yaml
        .lines()
        .position(|l| l.trim_start().starts_with("language:"))
        .map_or(1, |i| i + 1);
    let diagnostic = Diagnostic::error("site.yaml", message);
    match site_yaml.is_empty() {
        true => diagnostic,
        false => diagnostic.at(&site_yaml, line, 1),
    }
}

#[cfg(test)]
mod tests;
