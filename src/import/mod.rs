//! `brief import`: turns the posts of another generator (Hugo, Jekyll, Zola) into Brief
//! articles, `content/articles/NAME.md` with YAML front matter, copies their images, and
//! says what it changed and what needs a person. It never overwrites a file.

mod front;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::diag::{Diagnostic, yaml_error};
use crate::load::frontmatter::{self, Format};
use crate::model::slugify;
use front::FileDates;

/// The generator a folder was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generator {
    Hugo,
    Jekyll,
    Zola,
}

/// What an import did, for the report.
#[derive(Debug, Default)]
pub struct Imported {
    /// Source file (relative to the source folder), article written (relative to the
    /// destination) and the changes made on the way.
    pub articles: Vec<(PathBuf, PathBuf, Vec<String>)>,
    /// Images copied, relative to the destination.
    pub images: Vec<PathBuf>,
    /// A source file (or a line of one) and what a person should do about it.
    pub needs: Vec<(String, String)>,
    /// Files read but not imported, and why.
    pub skipped: Vec<(PathBuf, String)>,
    /// Files that could not be imported: unreadable, bad front matter, a name taken.
    pub problems: Vec<Diagnostic>,
    /// `site.yaml` was missing and has been written.
    pub wrote_config: bool,
}

const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];

/// Folders whose images are published at the same address by the source generator.
fn static_folders(from: Generator) -> &'static [&'static str] {
    match from {
        Generator::Hugo | Generator::Zola => &["static"],
        Generator::Jekyll => &["assets", "images", "img"],
    }
}

/// The folder holding the posts.
fn posts_folder(from: Generator, source: &Path) -> PathBuf {
    let inner = match from {
        Generator::Hugo | Generator::Zola => source.join("content"),
        Generator::Jekyll => source.join("_posts"),
    };
    if inner.is_dir() {
        inner
    } else {
        source.to_path_buf()
    }
}

pub fn import(from: Generator, source: &Path, dest: &Path) -> Imported {
    let mut imported = Imported::default();
    if !source.is_dir() {
        imported
            .problems
            .push(Diagnostic::error(source, "no such folder to import from"));
        return imported;
    }
    let posts = posts_folder(from, source);
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut drafts = vec![(posts.clone(), false)];
    if from == Generator::Jekyll && source.join("_drafts").is_dir() {
        drafts.push((source.join("_drafts"), true));
    }
    for (folder, draft) in drafts {
        for entry in crate::load::walk::in_order(walkdir::WalkDir::new(&folder)) {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(&folder).to_path_buf();
                    imported
                        .problems
                        .push(Diagnostic::error(path, format!("cannot read: {e}")));
                    continue;
                }
            };
            let relative = entry.path().strip_prefix(source).unwrap_or(entry.path());
            if entry.path_is_symlink() {
                imported
                    .skipped
                    .push((relative.into(), "a symbolic link, not followed".into()));
                continue;
            }
            let is_markdown = entry
                .path()
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown");
            if entry.file_type().is_file() && is_markdown {
                let post = Post {
                    from,
                    path: entry.path(),
                    relative,
                    draft,
                };
                post.import(dest, &mut taken, &mut imported);
            }
        }
    }
    for folder in static_folders(from) {
        copy_images(&source.join(folder), source, dest, &mut imported);
    }
    if !dest.join("site.yaml").exists() && !imported.articles.is_empty() {
        let title = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let config = format!("title: {}\n", serde_json::Value::String(title));
        match std::fs::write(dest.join("site.yaml"), config) {
            Ok(()) => imported.wrote_config = true,
            Err(e) => imported.problems.push(Diagnostic::error(
                dest.join("site.yaml"),
                format!("cannot write: {e}"),
            )),
        }
    }
    imported
}

/// One Markdown file of the source.
struct Post<'a> {
    from: Generator,
    path: &'a Path,
    relative: &'a Path,
    draft: bool,
}

impl Post<'_> {
    fn import(&self, dest: &Path, taken: &mut BTreeSet<String>, imported: &mut Imported) {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem == "_index" && self.from != Generator::Jekyll {
            imported.skipped.push((
                self.relative.into(),
                "a section's list page, not an article".into(),
            ));
            return;
        }
        let text = match std::fs::read(self.path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                imported.problems.push(Diagnostic::error(
                    self.relative,
                    "not UTF-8 text; save it as UTF-8",
                ));
                return;
            }
            Err(e) => {
                imported.problems.push(Diagnostic::error(
                    self.relative,
                    format!("cannot read: {e}"),
                ));
                return;
            }
        };
        let split = frontmatter::split(&text);
        let fields = match self.fields(&text, &split) {
            Ok(fields) => fields,
            Err(problem) => {
                imported.problems.push(problem);
                return;
            }
        };
        let (name_date, name) = self.name_parts(&stem);
        let dates = FileDates {
            from_name: name_date,
            modified: modified_day(self.path),
        };
        let mut converted = front::convert(fields, &name.replace('-', " "), &dates);
        if self.draft {
            converted
                .front
                .insert("draft".into(), serde_yaml::Value::Bool(true));
            converted.changes.push("from _drafts: draft: true".into());
        }
        let slug = slugify(&name);
        let article = PathBuf::from("content/articles").join(format!("{slug}.md"));
        if !taken.insert(slug.clone()) || dest.join(&article).exists() {
            imported.problems.push(Diagnostic::error(
                self.relative,
                format!(
                    "not imported: {} is already taken; rename one of them",
                    article.display()
                ),
            ));
            return;
        }
        let mut body = split.body.to_string();
        self.bundle_images(&slug, &mut body, &mut converted, dest, imported);
        for (line, what) in templating(&body, split.body_offset, &text) {
            imported.needs.push((
                format!("{}:{line}", self.relative.display()),
                format!("{what}, which Brief does not run: it shows as text"),
            ));
        }
        for need in converted.needs.drain(..) {
            imported
                .needs
                .push((self.relative.display().to_string(), need));
        }
        let yaml = serde_yaml::to_string(&converted.front).unwrap_or_default();
        let content = format!("---\n{yaml}---\n{body}");
        let target = dest.join(&article);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, content));
        match written {
            Ok(()) => imported
                .articles
                .push((self.relative.into(), article, converted.changes)),
            Err(e) => imported
                .problems
                .push(Diagnostic::error(target, format!("cannot write: {e}"))),
        }
    }

    /// The front matter as a map of values, YAML or TOML.
    fn fields(
        &self,
        text: &str,
        split: &frontmatter::Split<'_>,
    ) -> Result<Map<String, Value>, Diagnostic> {
        if !split.has_front_matter || split.front.trim().is_empty() {
            return Ok(Map::new());
        }
        let value = match split.format {
            Format::Yaml => serde_yaml::from_str::<Value>(split.front)
                .map_err(|e| yaml_error(self.relative, text, split.front_offset, &e))?,
            Format::Toml => {
                let table = toml::from_str::<toml::Table>(split.front).map_err(|e| {
                    let at = split.front_offset + e.span().map_or(0, |s| s.start);
                    Diagnostic::error(
                        self.relative,
                        format!("invalid TOML front matter: {}", e.message().trim()),
                    )
                    .at_offset(text, at)
                })?;
                crate::load::toml_to_json(toml::Value::Table(table))
            }
        };
        match value {
            Value::Object(map) => Ok(map),
            Value::Null => Ok(Map::new()),
            _ => Err(Diagnostic::error(
                self.relative,
                "the front matter is not a list of `key: value` lines",
            )
            .at_offset(text, split.front_offset)),
        }
    }

    /// The date a Jekyll file name starts with, and the name without it; a bundle's
    /// `index.md` is named after its folder.
    fn name_parts(&self, stem: &str) -> (Option<String>, String) {
        if stem == "index" {
            let folder = self.path.parent().and_then(Path::file_name);
            if let Some(folder) = folder {
                return (None, folder.to_string_lossy().into_owned());
            }
        }
        let dated = stem
            .get(..10)
            .filter(|d| d.parse::<jiff::civil::Date>().is_ok());
        match (dated, stem.get(11..)) {
            (Some(date), Some(rest))
                if stem.as_bytes().get(10) == Some(&b'-') && !rest.is_empty() =>
            {
                (Some(date.to_string()), rest.to_string())
            }
            _ => (None, stem.to_string()),
        }
    }

    /// Copies the images beside the post (a page bundle's) into `static/images/SLUG/` and
    /// points the body's and `image:`'s references at their new address.
    fn bundle_images(
        &self,
        slug: &str,
        body: &mut String,
        converted: &mut front::Converted,
        dest: &Path,
        imported: &mut Imported,
    ) {
        let Some(folder) = self.path.parent() else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| is_image(Path::new(name)))
            .filter(|name| body.contains(name.as_str()) || front_names(converted, name))
            .collect();
        names.sort();
        for name in names {
            let address = format!("/images/{slug}/{name}");
            let target = PathBuf::from("static/images").join(slug).join(&name);
            if copy_new(&folder.join(&name), &dest.join(&target), imported) {
                imported.images.push(target);
            }
            for written in [
                format!("]({name}"),
                format!("](./{name}"),
                format!("\"{name}\""),
                format!("\"./{name}\""),
            ] {
                let replaced = written
                    .replace(&format!("./{name}"), &address)
                    .replace(&name, &address);
                *body = body.replace(&written, &replaced);
            }
            let image_key = serde_yaml::Value::String("image".into());
            if let Some(serde_yaml::Value::String(image)) = converted.front.get_mut(&image_key) {
                if image.trim_start_matches("./") == name {
                    *image = address.clone();
                }
            }
            converted
                .changes
                .push(format!("{name} copied to {address}"));
        }
    }
}

fn front_names(converted: &front::Converted, name: &str) -> bool {
    converted
        .front
        .get(serde_yaml::Value::String("image".into()))
        .and_then(serde_yaml::Value::as_str)
        .is_some_and(|image| image.trim_start_matches("./") == name)
}

fn is_image(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str()))
}

/// Copies the images under `folder` to the same place under `dest/static/`.
fn copy_images(folder: &Path, source: &Path, dest: &Path, imported: &mut Imported) {
    if !folder.is_dir() {
        return;
    }
    let root = folder.parent().unwrap_or(source);
    let published_at = |path: &Path| {
        let under = path.strip_prefix(folder).unwrap_or(path);
        match folder.file_name().is_some_and(|n| n == "static") {
            true => PathBuf::from("static").join(under),
            false => PathBuf::from("static").join(path.strip_prefix(root).unwrap_or(path)),
        }
    };
    for entry in crate::load::walk::in_order(walkdir::WalkDir::new(folder))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() && is_image(entry.path()) {
            let target = published_at(entry.path());
            if copy_new(entry.path(), &dest.join(&target), imported) {
                imported.images.push(target);
            }
        }
    }
}

/// Copies `from` to `to` unless `to` exists (then says so); true when copied.
fn copy_new(from: &Path, to: &Path, imported: &mut Imported) -> bool {
    if to.exists() {
        imported.skipped.push((
            from.to_path_buf(),
            format!("{} exists already", to.display()),
        ));
        return false;
    }
    let copied = to
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::copy(from, to));
    match copied {
        Ok(_) => true,
        Err(e) => {
            imported.problems.push(Diagnostic::error(
                from,
                format!("cannot copy to {}: {e}", to.display()),
            ));
            false
        }
    }
}

/// Lines of the body holding another generator's template code: Hugo shortcodes, Liquid
/// and Tera tags.
fn templating(body: &str, body_offset: usize, text: &str) -> Vec<(usize, &'static str)> {
    let first_line = crate::diag::line_col(text, body_offset).0;
    body.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let what = if line.contains("{{<") || line.contains("{{%") {
                "a Hugo shortcode"
            } else if line.contains("{%") || line.contains("{{") {
                "a template tag"
            } else {
                return None;
            };
            Some((first_line + i, what))
        })
        .collect()
}

/// The day a file was last modified, in UTC.
fn modified_day(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let timestamp = jiff::Timestamp::try_from(modified).ok()?;
    Some(
        jiff::tz::Offset::UTC
            .to_datetime(timestamp)
            .date()
            .to_string(),
    )
}
