//! Stage 1, load: walk `content/`, read every file, split and parse front matter into
//! typed values. Every problem becomes a positioned diagnostic; loading goes on so a
//! build can report all of them at once.

pub mod dates;
pub mod frontmatter;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, yaml_error};
use crate::model::{slugify, try_slugify};
pub use dates::PubDate;

/// Front matter of an article, exactly the keys DESIGN.md lists.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Names of entities to attach to the article even when the text does not mention them.
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Names that are not entities in this article, though discovery finds them.
    #[serde(default)]
    pub not_entities: Vec<String>,
    /// Story thread id shared by articles that follow one event.
    #[serde(default)]
    pub story: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub key_points: Vec<String>,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One article, parsed and validated.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the site root, e.g. `content/articles/x.md`.
    pub path: PathBuf,
    /// The whole file, kept so later stages can point diagnostics at lines.
    pub text: String,
    pub body_offset: usize,
    pub front: FrontMatter,
    pub date: PubDate,
    pub updated: Option<PubDate>,
    pub slug: String,
}

impl Article {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// 1-based line of the file on which the body starts.
    pub fn body_line(&self) -> usize {
        self.text[..self.body_offset].matches('\n').count() + 1
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityRecord {
    name: String,
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    description: Option<String>,
}

/// A gazetteer entry from `content/entities/*.md` or `content/entities.yaml`.
#[derive(Debug, Clone)]
pub struct EntityDef {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Markdown body of an entity file, shown on its page.
    pub body: String,
    pub path: PathBuf,
    pub line: usize,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PageFront {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    extra: BTreeMap<String, serde_json::Value>,
}

/// A standalone page from `content/pages/*.md`.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: PathBuf,
    pub title: String,
    pub description: Option<String>,
    pub slug: String,
    /// The whole file, kept so link errors can point at lines.
    pub text: String,
    pub body_offset: usize,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    pub fn body_line(&self) -> usize {
        self.text[..self.body_offset].matches('\n').count() + 1
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BriefingFront {
    #[serde(default)]
    title: Option<String>,
}

/// An editor's note for one day, from `content/briefings/YYYY-MM-DD.md`.
#[derive(Debug, Clone)]
pub struct BriefingNote {
    pub path: PathBuf,
    pub date: jiff::civil::Date,
    pub title: Option<String>,
    pub body: String,
}

/// Everything read from a site folder.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub articles: Vec<Article>,
    pub entities: Vec<EntityDef>,
    /// Names that are never entities: `- ignore: [...]` items of `content/entities.yaml`.
    pub ignored: Vec<String>,
    pub pages: Vec<Page>,
    pub briefings: Vec<BriefingNote>,
}

impl Site {
    /// Adds what one file held after everything already added (files come in path order).
    pub fn add(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Article(a) => self.articles.push(*a),
            Loaded::Entities(list, ignored) => {
                self.entities.extend(list);
                self.ignored.extend(ignored);
            }
            Loaded::Page(p) => self.pages.push(p),
            Loaded::Briefing(b) => self.briefings.push(b),
            Loaded::Nothing => {}
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// Which part of the content model a file belongs to, from its place under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Article,
    Entity,
    EntityList,
    Page,
    Briefing,
}

pub fn classify(relative: &Path) -> Option<ContentKind> {
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or(""));
    if parts.next()? != "content" {
        return None;
    }
    let section = parts.next()?;
    let is_markdown = relative.extension().is_some_and(|e| e == "md");
    match section {
        "entities.yaml" | "entities.yml" => Some(ContentKind::EntityList),
        "articles" if is_markdown => Some(ContentKind::Article),
        "entities" if is_markdown => Some(ContentKind::Entity),
        "pages" if is_markdown => Some(ContentKind::Page),
        "briefings" if is_markdown => Some(ContentKind::Briefing),
        _ => None,
    }
}

/// The site as read, with each file's problems under its path: `serve` replaces one
/// file's entry when that file changes. Problems that belong to no one file (a folder
/// that cannot be read) are under the folder's path.
pub struct LoadedSite {
    pub site: Site,
    pub problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
}

/// Reads and parses every content file, in parallel.
pub fn load_files(root: &Path, config: Config, options: LoadOptions) -> LoadedSite {
    let (files, unreadable) = content_files(root);
    let parsed: Vec<(PathBuf, (Loaded, Vec<Diagnostic>))> = files
        .into_par_iter()
        .map(|(relative, kind)| {
            let loaded = load_file(root, &relative, kind, options);
            (relative, loaded)
        })
        .collect();
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        articles: Vec::new(),
        entities: Vec::new(),
        ignored: Vec::new(),
        pages: Vec::new(),
        briefings: Vec::new(),
    };
    let mut problems: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for d in unreadable {
        problems.entry(d.path.clone()).or_default().push(d);
    }
    for (path, (loaded, diagnostics)) in parsed {
        if !diagnostics.is_empty() {
            problems.entry(path).or_default().extend(diagnostics);
        }
        site.add(loaded);
    }
    LoadedSite { site, problems }
}

/// Reads the whole site: every file's problems and those between files, together.
pub fn load(root: &Path, config: Config, options: LoadOptions) -> (Site, Vec<Diagnostic>) {
    let LoadedSite { site, problems } = load_files(root, config, options);
    let mut diagnostics: Vec<Diagnostic> = problems.into_values().flatten().collect();
    diagnostics.extend(duplicates(&site));
    (site, diagnostics)
}

/// The gazetteer alone, for extracting files outside a build: its definitions and the
/// names it says are never entities.
pub fn load_entities(root: &Path) -> (Vec<EntityDef>, Vec<String>, Vec<Diagnostic>) {
    let (files, mut problems) = content_files(root);
    let mut definitions = Vec::new();
    let mut ignored = Vec::new();
    for (relative, kind) in files {
        if matches!(kind, ContentKind::Entity | ContentKind::EntityList) {
            match load_file(root, &relative, kind, LoadOptions::default()) {
                (Loaded::Entities(list, names), _) => {
                    definitions.extend(list);
                    ignored.extend(names);
                }
                (_, diagnostics) => problems.extend(diagnostics),
            }
        }
    }
    (definitions, ignored, problems)
}

/// Problems between files: slugs and entity names used twice.
pub fn duplicates(site: &Site) -> Vec<Diagnostic> {
    let mut diagnostics = duplicate_slugs(&site.articles);
    diagnostics.extend(duplicate_entity_names(&site.entities));
    diagnostics.extend(duplicate_page_slugs(&site.pages));
    diagnostics
}

/// Markdown and gazetteer files under `content/`, sorted so every run sees the same order,
/// and an error for each folder or file that could not be read: a folder skipped in
/// silence would drop its articles from the site.
pub fn content_files(root: &Path) -> (Vec<(PathBuf, ContentKind)>, Vec<Diagnostic>) {
    let content = root.join("content");
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    // Hidden files and folders (`.git`, editors' swap files) are not content.
    let walk = WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e)
                if e.depth() == 0
                    && e.io_error()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) =>
            {
                continue;
            }
            Err(e) => {
                let path = e.path().unwrap_or(&content);
                let relative = path.strip_prefix(root).unwrap_or(path);
                let reason = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                unreadable.push(Diagnostic::error(
                    relative,
                    format!("cannot read this folder or file: {reason}; its content would be missing from the site"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        if let Some(kind) = classify(relative) {
            files.push((relative.to_path_buf(), kind));
        }
    }
    (files, unreadable)
}

/// The result of loading one file.
pub enum Loaded {
    Article(Box<Article>),
    /// Entity definitions and names never to treat as entities.
    Entities(Vec<EntityDef>, Vec<String>),
    Page(Page),
    Briefing(BriefingNote),
    Nothing,
}

/// Reads and parses one content file.
pub fn load_file(
    root: &Path,
    relative: &Path,
    kind: ContentKind,
    options: LoadOptions,
) -> (Loaded, Vec<Diagnostic>) {
    let text = match read_utf8(root, relative) {
        Ok(text) => text,
        Err(d) => return (Loaded::Nothing, vec![d]),
    };
    let result = match kind {
        ContentKind::Article => parse_article(relative, text, options),
        ContentKind::Entity => {
            parse_entity_file(relative, &text).map(|e| Loaded::Entities(vec![e], Vec::new()))
        }
        ContentKind::EntityList => parse_entity_list(relative, &text)
            .map(|(list, ignored)| Loaded::Entities(list, ignored)),
        ContentKind::Page => parse_page(relative, &text, options),
        ContentKind::Briefing => parse_briefing(relative, &text).map(Loaded::Briefing),
    };
    match result {
        Ok(loaded) => (loaded, Vec::new()),
        Err(diags) => (Loaded::Nothing, diags),
    }
}

pub fn read_utf8(root: &Path, relative: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(relative))
        .map_err(|e| Diagnostic::error(relative, format!("cannot read file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(e.as_bytes()).into_owned();
        Diagnostic::error(
            relative,
            format!("file is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8"),
        )
        .at_offset(&valid, offset)
    })
}

/// Parses front matter of type `T`, pointing errors at the right line of the file.
pub fn parse_front<T: DeserializeOwned + Default>(
    path: &Path,
    text: &str,
    split: &frontmatter::Split<'_>,
) -> Result<T, Diagnostic> {
    if split.yaml.trim().is_empty() {
        // An empty mapping still reports missing required keys.
        return serde_yaml::from_str("{}")
            .map_err(|e| yaml_error(path, text, split.yaml_offset, &e));
    }
    serde_yaml::from_str(split.yaml).map_err(|e| yaml_error(path, text, split.yaml_offset, &e))
}

/// Byte offset of `key:` at the start of a front matter line, for pointing at a value.
fn key_offset(text: &str, split: &frontmatter::Split<'_>, key: &str) -> usize {
    let mut offset = split.yaml_offset;
    for line in split.yaml.split_inclusive('\n') {
        if line.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            return offset
                + key.len()
                + 1
                + (line.len() - key.len() - 1 - line[key.len() + 1..].trim_start().len());
        }
        offset += line.len();
    }
    split.yaml_offset.min(text.len())
}

fn parse_article(
    path: &Path,
    text: String,
    options: LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    let split = frontmatter::split(&text);
    if !split.has_front_matter {
        return Err(vec![Diagnostic::error(
            path,
            "article has no front matter: start the file with `---`, then `title:` and `date:`, then `---`",
        )
        .at(&text, 1, 1)]);
    }
    let front: FrontMatter = parse_front(path, &text, &split).map_err(|d| vec![d])?;
    if front.draft && !options.drafts {
        return Ok(Loaded::Nothing);
    }
    let mut diagnostics = Vec::new();
    let date_at = |key: &str, message: String| {
        Diagnostic::error(path, message).at_offset(&text, key_offset(&text, &split, key))
    };
    let date = PubDate::parse(&front.date).map_err(|m| diagnostics.push(date_at("date", m)));
    let updated = match &front.updated {
        Some(value) => PubDate::parse(value)
            .map(Some)
            .map_err(|m| diagnostics.push(date_at("updated", m))),
        None => Ok(None),
    };
    if front.title.trim().is_empty() {
        diagnostics.push(date_at("title", "`title` is empty".into()));
    }
    let slug = match &front.slug {
        Some(raw) => normalise_slug(raw).map_err(|m| diagnostics.push(date_at("slug", m))),
        None => Ok(slug_from_file_name(path)),
    };
    let body_offset = split.body_offset;
    match (date, updated, slug) {
        (Ok(date), Ok(updated), Ok(slug)) if diagnostics.is_empty() => {
            Ok(Loaded::Article(Box::new(Article {
                path: path.to_path_buf(),
                text,
                body_offset,
                front,
                date,
                updated,
                slug,
            })))
        }
        _ => Err(diagnostics),
    }
}

fn slug_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    slugify(stem.as_ref())
}

/// Normalises a `slug:` value; a slug that would leave its output folder is an error.
pub fn normalise_slug(raw: &str) -> Result<String, String> {
    let path = Path::new(raw.trim());
    let escapes = path.is_absolute()
        || raw.trim().starts_with(['/', '\\'])
        || path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        });
    if escapes {
        return Err(format!(
            "slug `{raw}` would leave the output folder; use letters, digits and hyphens"
        ));
    }
    let slug = raw
        .split('/')
        .filter_map(try_slugify)
        .collect::<Vec<_>>()
        .join("/");
    if slug.is_empty() {
        return Err(format!(
            "slug `{raw}` is empty once normalised; use letters, digits and hyphens"
        ));
    }
    Ok(slug)
}

fn parse_entity_file(path: &Path, text: &str) -> Result<EntityDef, Vec<Diagnostic>> {
    let split = frontmatter::split(text);
    if !split.has_front_matter {
        return Err(vec![
            Diagnostic::error(
                path,
                "entity file has no front matter: it needs `name:` and `kind:`",
            )
            .at(text, 1, 1),
        ]);
    }
    let record: EntityRecord = serde_yaml::from_str(if split.yaml.trim().is_empty() {
        "{}"
    } else {
        split.yaml
    })
    .map_err(|e| vec![yaml_error(path, text, split.yaml_offset, &e)])?;
    let line = crate::diag::line_col(text, split.yaml_offset).0;
    Ok(entity_from_record(
        record,
        split.body.to_string(),
        path,
        line,
    ))
}

fn entity_from_record(record: EntityRecord, body: String, path: &Path, line: usize) -> EntityDef {
    EntityDef {
        name: record.name.trim().to_string(),
        kind: record.kind,
        aliases: record
            .aliases
            .iter()
            .map(|a| a.trim().to_string())
            .collect(),
        description: record.description,
        body,
        path: path.to_path_buf(),
        line,
    }
}

/// Entity records, and the names of `- ignore: [...]` items.
type EntityList = (Vec<EntityDef>, Vec<String>);

fn parse_entity_list(path: &Path, text: &str) -> Result<EntityList, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let records: Vec<serde_yaml::Value> =
        serde_yaml::from_str(text).map_err(|e| vec![yaml_error(path, text, 0, &e)])?;
    // Records are parsed one by one so each error names its own entry.
    let starts = list_item_lines(text);
    let mut entities = Vec::new();
    let mut ignored = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, value) in records.into_iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(1);
        if let Some(names) = value.get("ignore") {
            match serde_yaml::from_value::<Vec<String>>(names.clone()) {
                Ok(names) => ignored.extend(names.into_iter().map(|n| n.trim().to_string())),
                Err(e) => diagnostics
                    .push(Diagnostic::error(path, format!("ignore list: {e}")).at(text, line, 1)),
            }
            continue;
        }
        match serde_yaml::from_value::<EntityRecord>(value) {
            Ok(record) => entities.push(entity_from_record(record, String::new(), path, line)),
            Err(e) => diagnostics.push(
                Diagnostic::error(path, format!("entity #{}: {}", i + 1, e)).at(text, line, 1),
            ),
        }
    }
    if diagnostics.is_empty() {
        Ok((entities, ignored))
    } else {
        Err(diagnostics)
    }
}

/// Lines (1-based) on which top-level list items start.
fn list_item_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

fn parse_page(path: &Path, text: &str, options: LoadOptions) -> Result<Loaded, Vec<Diagnostic>> {
    let split = frontmatter::split(text);
    let front: PageFront = parse_front(path, text, &split).map_err(|d| vec![d])?;
    if front.draft && !options.drafts {
        return Ok(Loaded::Nothing);
    }
    let slug = match &front.slug {
        Some(raw) => normalise_slug(raw).map_err(|m| {
            vec![Diagnostic::error(path, m).at_offset(text, key_offset(text, &split, "slug"))]
        })?,
        None => slug_from_file_name(path),
    };
    Ok(Loaded::Page(Page {
        path: path.to_path_buf(),
        title: front.title,
        description: front.description,
        slug,
        text: text.to_string(),
        body_offset: split.body_offset,
        extra: front.extra,
    }))
}

fn parse_briefing(path: &Path, text: &str) -> Result<BriefingNote, Vec<Diagnostic>> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let date = stem.parse::<jiff::civil::Date>().map_err(|_| {
        vec![Diagnostic::error(
            path,
            format!("briefing note `{stem}.md` must be named after its day, like 2024-09-26.md"),
        )]
    })?;
    let split = frontmatter::split(text);
    let front: BriefingFront = if split.has_front_matter {
        parse_front(path, text, &split).map_err(|d| vec![d])?
    } else {
        BriefingFront::default()
    };
    Ok(BriefingNote {
        path: path.to_path_buf(),
        date,
        title: front.title,
        body: split.body.to_string(),
    })
}

fn duplicate_slugs(articles: &[Article]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for article in articles {
        if let Some(first) = seen.insert(&article.slug, &article.path) {
            diagnostics.push(
                Diagnostic::error(
                    &article.path,
                    format!(
                        "slug `{}` is already used by {}; set a different `slug:` in one of them",
                        article.slug,
                        first.display()
                    ),
                )
                .at(&article.text, 1, 1),
            );
            seen.insert(&article.slug, first);
        }
    }
    diagnostics
}

fn duplicate_page_slugs(pages: &[Page]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for page in pages {
        if let Some(first) = seen.insert(&page.slug, &page.path) {
            diagnostics.push(Diagnostic::error(
                &page.path,
                format!(
                    "page slug `{}` is already used by {}",
                    page.slug,
                    first.display()
                ),
            ));
            seen.insert(&page.slug, first);
        }
    }
    diagnostics
}

fn duplicate_entity_names(entities: &[EntityDef]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &EntityDef> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for entity in entities {
        let mut names: Vec<&str> = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            match seen.get(name) {
                Some(first) => diagnostics.push(Diagnostic {
                    line: entity.line,
                    column: 1,
                    ..Diagnostic::error(
                        &entity.path,
                        format!(
                            "entity name `{name}` is already defined by `{}` at {}:{}",
                            first.name,
                            first.path.display(),
                            first.line
                        ),
                    )
                }),
                None => {
                    seen.insert(name, entity);
                }
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_normalised() {
        assert_eq!(
            normalise_slug("Gaza Talks, Day 2").unwrap(),
            "gaza-talks-day-2"
        );
        assert_eq!(normalise_slug("Ünïcode Straße").unwrap(), "unicode-strasse");
    }

    #[test]
    fn escaping_slugs_are_rejected() {
        for bad in ["../x", "/etc", "a/../../b", ".."] {
            assert!(normalise_slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn classifies_content() {
        assert_eq!(
            classify(Path::new("content/articles/a.md")),
            Some(ContentKind::Article)
        );
        assert_eq!(
            classify(Path::new("content/articles/2024/a.md")),
            Some(ContentKind::Article)
        );
        assert_eq!(
            classify(Path::new("content/entities.yaml")),
            Some(ContentKind::EntityList)
        );
        assert_eq!(classify(Path::new("content/articles/a.png")), None);
    }

    #[test]
    fn key_offset_points_at_value() {
        let text = "---\ntitle: A\ndate: nope\n---\n";
        let split = frontmatter::split(text);
        let offset = key_offset(text, &split, "date");
        assert_eq!(&text[offset..offset + 4], "nope");
    }

    #[test]
    fn entity_lists_take_an_ignore_list() {
        let text = "- {name: Oakton, kind: place}\n- ignore: [Festival Week, Market Day]\n";
        let (list, ignored) = parse_entity_list(Path::new("content/entities.yaml"), text).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(ignored, ["Festival Week", "Market Day"]);
        assert!(parse_entity_list(Path::new("e.yaml"), "- ignore: 3\n").is_err());
    }
}
