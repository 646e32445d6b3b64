//! Stage 1, load: walk `content/`, read every file, split and parse front matter into
//! typed values. Every problem becomes a positioned diagnostic; loading goes on so a
//! build can report all of them at once.

mod article;
mod content;
pub mod dates;
pub mod frontmatter;
mod intros;
mod parse;
mod source;
mod stamp;
mod toml_front;
pub mod walk;
mod warnings;
pub use toml_front::json_of as toml_to_json;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diag::{Diagnostic, yaml_error};
use crate::i18n::Locale;
use crate::model::{PerArticle, SiteZone, slugify, try_slugify};
use article::{parse_article, recall_article};
pub use content::*;
pub use dates::PubDate;
use intros::parse_intro;
pub use intros::{Intro, Section};
use parse::*;
pub use parse::{normalise_alias, normalise_slug, parse_front};
pub use source::Source;
pub use stamp::Stamp;
use warnings::{removed_html, unsafe_characters};

/// Everything read from a site folder.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// The theme's words in `config.language`.
    pub locale: Locale,
    pub articles: PerArticle<Article>,
    pub entities: Vec<EntityDef>,
    /// Names that are never entities: `- ignore: [...]` items of `content/entities.yaml`.
    pub ignored: Vec<String>,
    pub pages: Vec<Page>,
    pub briefings: Vec<BriefingNote>,
    /// Introductions of stories, topics and authors.
    pub intros: Vec<Intro>,
    /// Articles left out by the schedule, by file.
    pub held_back: Vec<(PathBuf, Held)>,
    /// The first moment after the build's "now" at which the schedule would build the
    /// site differently; none when no date lies ahead.
    pub schedule_turns_at: Option<jiff::Timestamp>,
    /// The articles' images and embeds, made once the templates are loaded
    /// (`media::prepare`); empty until then.
    pub media: crate::media::Media,
}

impl Site {
    fn schedule_turns(&mut self, at: Option<jiff::Timestamp>) {
        self.schedule_turns_at = self.schedule_turns_at.into_iter().chain(at).min();
    }

    /// Lets every article's text go (see `Source`): rendering reads again what it needs of
    /// one, where it needs it.
    pub fn release_texts(&mut self) {
        for article in self.articles.iter_mut() {
            article.text.release();
        }
    }

    /// Lets go the texts that no stage after extraction reads: those of plain bodies (see
    /// `is_plain`). Held to the end, the texts were a quarter of a large build's peak memory.
    pub fn release_plain_texts(&mut self) {
        for article in self.articles.iter_mut() {
            if article.text.is_held() && is_plain(article.body()) {
                article.text.release();
            }
        }
    }

    /// Reads the text of each article not read at loading (see `Recall::unread`) that
    /// `needs` says a stage will read.
    pub fn hold_texts(&mut self, needs: impl Fn(&Article) -> bool + Sync) -> Vec<Diagnostic> {
        let root = &self.root;
        self.articles
            .raw
            .par_iter_mut()
            .filter(|article| !article.text.is_held() && needs(article))
            .filter_map(|article| article.text.hold(root, &article.path).err())
            .collect()
    }

    /// Adds what one file held after everything already added (files come in path order).
    pub fn add(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Article(a) => {
                self.schedule_turns(a.schedule_turns_at);
                self.articles.push(*a);
            }
            Loaded::Entities(list, ignored) => {
                self.entities.extend(list);
                self.ignored.extend(ignored);
            }
            Loaded::Page(p) => self.pages.push(p),
            Loaded::Briefing(b) => self.briefings.push(b),
            Loaded::Held(path, held, turns_at) => {
                self.schedule_turns(turns_at);
                self.held_back.push((path, held));
            }
            Loaded::Intro(intro) => self.intros.push(intro),
            Loaded::Nothing => {}
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub drafts: bool,
    /// Raw HTML in Markdown is sanitised (`markdown.allow_html` is off): what the
    /// sanitiser removes is warned about.
    pub sanitised: bool,
    /// What a build publishes by date; none for reading files whatever their dates.
    pub schedule: Option<Schedule>,
    /// The zone of times written without an offset.
    pub zone: SiteZone,
}

/// The publishing schedule a build applies. `now` is read once, by the command line, so
/// the same command on the same files always builds the same site.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub now: jiff::Timestamp,
    /// Build articles dated after `now` too.
    pub future: bool,
    /// Keep articles whose `expires` date has passed.
    pub expired: bool,
}

/// Why a valid article is left out of this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// Dated after now, built with `--future`.
    Scheduled,
    /// Its `expires` date has passed; built with `--expired`.
    Expired,
}

/// Which part of the content model a file belongs to, from its place under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    Article,
    Entity,
    EntityList,
    Page,
    Briefing,
    /// The introduction of a story, topic or author page.
    Intro(Section),
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
        "stories" if is_markdown => Some(ContentKind::Intro(Section::Stories)),
        "tags" if is_markdown => Some(ContentKind::Intro(Section::Tags)),
        "authors" if is_markdown => Some(ContentKind::Intro(Section::Authors)),
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

/// What an earlier build parsed, offered to this one (see `cache`): parsing front matter
/// is most of what loading an article costs.
pub trait Recall: Sync {
    /// The front matter of the article file known by `key` (see `Source::key`), parsed
    /// without a problem by an earlier build.
    fn front(&self, key: u128) -> Option<FrontMatter>;
    /// What an earlier build read from the article file at `relative`, when the file had
    /// this stamp then and was settled (see `Article::stamp`): it is taken as unchanged
    /// and not read.
    fn unread(&self, _relative: &Path, _stamp: &Stamp) -> Option<Known> {
        None
    }
    /// The stamp of the file at `relative` as this build walked the site's files before
    /// loading them, if it did: a stamp taken before the file is read, as loading's own.
    fn stamp(&self, _relative: &Path) -> Option<Stamp> {
        None
    }
    /// Told of each content file read, for progress.
    fn read(&self) {}
}

/// An article file as an earlier build read it: its hash and where its body starts.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub key: u128,
    pub body_offset: usize,
}

/// Recalls nothing: every file is parsed.
pub struct Nothing;

impl Recall for Nothing {
    fn front(&self, _key: u128) -> Option<FrontMatter> {
        None
    }
}

/// Reads and parses every content file, in parallel.
pub fn load_files(root: &Path, config: Config, options: &LoadOptions) -> LoadedSite {
    load_files_recalling(root, config, options, &Nothing)
}

/// Like `load_files`, taking the front matter `recall` offers instead of parsing it.
pub fn load_files_recalling(
    root: &Path,
    config: Config,
    options: &LoadOptions,
    recall: &dyn Recall,
) -> LoadedSite {
    let (files, unreadable) = content_files(root);
    let parsed: Vec<(PathBuf, (Loaded, Vec<Diagnostic>))> = files
        .into_par_iter()
        .map(|(relative, kind)| {
            let loaded = load_file_recalling(root, &relative, kind, options, recall);
            recall.read();
            (relative, loaded)
        })
        .collect();
    let (locale, locale_problems) = Locale::load(root, &config.language);
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        locale,
        articles: PerArticle::new(),
        entities: Vec::new(),
        ignored: Vec::new(),
        pages: Vec::new(),
        briefings: Vec::new(),
        intros: Vec::new(),
        held_back: Vec::new(),
        schedule_turns_at: None,
        media: Default::default(),
    };
    let mut problems: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for d in unreadable.into_iter().chain(locale_problems) {
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
pub fn load(root: &Path, config: Config, options: &LoadOptions) -> (Site, Vec<Diagnostic>) {
    load_recalling(root, config, options, &Nothing)
}

/// Like `load`, taking the front matter `recall` offers instead of parsing it.
pub fn load_recalling(
    root: &Path,
    config: Config,
    options: &LoadOptions,
    recall: &dyn Recall,
) -> (Site, Vec<Diagnostic>) {
    let LoadedSite { site, problems } = load_files_recalling(root, config, options, recall);
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
            match load_file(root, &relative, kind, &LoadOptions::default()) {
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
    let mut diagnostics = duplicate_slugs(&site.root, &site.articles.raw);
    diagnostics.extend(duplicate_entity_names(&site.entities));
    diagnostics.extend(duplicate_page_slugs(&site.pages));
    diagnostics
}

/// Markdown and gazetteer files under `content/`, sorted so every run sees the same order,
/// and an error for each folder or file that could not be read (a folder skipped in
/// silence would drop its articles from the site), a warning for each symbolic link.
pub fn content_files(root: &Path) -> (Vec<(PathBuf, ContentKind)>, Vec<Diagnostic>) {
    let content = root.join("content");
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    // Hidden files and folders (`.git`, editors' swap files) are not content.
    let walk = WalkDir::new(&content)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk::in_order(walk) {
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
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        if entry.depth() > 0 && entry.path_is_symlink() {
            unreadable.push(skipped_link(relative));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        if let Some(kind) = classify(relative) {
            files.push((relative.to_path_buf(), kind));
        }
    }
    (files, unreadable)
}

/// A warning for a symbolic link under `content/` or `static/`: links are not followed,
/// so what one points to is not part of the site.
pub fn skipped_link(relative: &Path) -> Diagnostic {
    Diagnostic::warning(
        relative,
        "skipped: it is a symbolic link, and Brief does not follow links (what one points to may lie outside the site); copy the file or folder here instead",
    )
}

/// The result of loading one file.
pub enum Loaded {
    Article(Box<Article>),
    /// Entity definitions and names never to treat as entities.
    Entities(Vec<EntityDef>, Vec<String>),
    Page(Page),
    Briefing(BriefingNote),
    Intro(Intro),
    /// A valid article that the schedule leaves out, and when it would not be.
    Held(PathBuf, Held, Option<jiff::Timestamp>),
    Nothing,
}

/// Reads and parses one content file.
pub fn load_file(
    root: &Path,
    relative: &Path,
    kind: ContentKind,
    options: &LoadOptions,
) -> (Loaded, Vec<Diagnostic>) {
    load_file_recalling(root, relative, kind, options, &Nothing)
}

fn load_file_recalling(
    root: &Path,
    relative: &Path,
    kind: ContentKind,
    options: &LoadOptions,
    recall: &dyn Recall,
) -> (Loaded, Vec<Diagnostic>) {
    // An article's stamp is taken before the file is read: a write after it leaves
    // another stamp, so the next build reads the file again.
    let stamp = match kind {
        ContentKind::Article => recall.stamp(relative).or_else(|| {
            std::fs::metadata(root.join(relative))
                .ok()
                .map(|meta| Stamp::of(&meta))
        }),
        _ => None,
    };
    if let Some(stamp) = &stamp
        && let Some(known) = recall.unread(relative, stamp)
        && let Some(loaded) = recall_article(relative, known, *stamp, options, recall)
    {
        return (loaded, Vec::new());
    }
    let read_at = std::time::SystemTime::now();
    let text = match read_utf8(root, relative) {
        Ok(text) => text,
        Err(d) => return (Loaded::Nothing, vec![d]),
    };
    let mut warnings = unsafe_characters(relative, &text);
    if options.sanitised {
        warnings.extend(removed_html(relative, &text));
    }
    let result = match kind {
        ContentKind::Article => parse_article(relative, text, options, recall),
        ContentKind::Entity => {
            parse_entity_file(relative, &text).map(|e| Loaded::Entities(vec![e], Vec::new()))
        }
        ContentKind::EntityList => parse_entity_list(relative, &text)
            .map(|(list, ignored)| Loaded::Entities(list, ignored)),
        ContentKind::Page => parse_page(relative, &text, options),
        ContentKind::Briefing => parse_briefing(relative, &text).map(Loaded::Briefing),
        ContentKind::Intro(section) => parse_intro(relative, &text, section).map(Loaded::Intro),
    };
    match result {
        Ok(mut loaded) => {
            if let Loaded::Article(article) = &mut loaded
                && warnings.is_empty()
                && is_plain(article.body())
            {
                article.stamp = stamp.filter(|s| s.settled(read_at));
            }
            (loaded, warnings)
        }
        Err(diags) => (Loaded::Nothing, diags),
    }
}

/// Whether a body has nothing a build reads after loading: no image, no shortcode, no
/// raw HTML. Only such an article is left unread by a later build (see `Recall::unread`).
fn is_plain(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr(b'<', bytes).is_none()
        && memchr::memmem::find(bytes, b"![").is_none()
        && memchr::memmem::find(bytes, b"{{").is_none()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_carry_are_found_anywhere_in_a_file() {
        let path = Path::new("content/a.md");
        let clean = "Tabs\tand\r\nnew lines, caf\u{e9} and \u{1f600} are fine.\n".repeat(20);
        assert!(unsafe_characters(path, &clean).is_empty());
        for odd in ['\u{0}', '\u{1b}', '\u{fffe}', '\u{ffff}'] {
            let text = format!("{clean}{odd}{clean}");
            let found = unsafe_characters(path, &text);
            assert_eq!(found.len(), 1, "{odd:?}");
            assert!(found[0].message.contains(&format!("U+{:04X}", odd as u32)));
        }
    }

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
        let text = "+++\ntitle = 'A'\ndate  =  nope\n+++\n";
        let split = frontmatter::split(text);
        let offset = key_offset(text, &split, "date");
        assert_eq!(&text[offset..offset + 4], "nope");
    }

    #[test]
    fn bundles_take_their_folder_name() {
        let slug = |p: &str| slug_from_file_name(Path::new(p));
        assert_eq!(slug("content/articles/2024/Big Vote/index.md"), "big-vote");
        assert_eq!(slug("content/pages/about/_index.md"), "about");
        assert_eq!(slug("content/articles/index.md"), "index");
        assert_eq!(slug("content/articles/vote.md"), "vote");
    }

    #[test]
    fn entity_lists_take_an_ignore_list() {
        let text = "- {name: Oakton, kind: place}\n- ignore: [Festival Week, Market Day]\n";
        let (list, ignored) = parse_entity_list(Path::new("content/entities.yaml"), text).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(ignored, ["Festival Week", "Market Day"]);
        assert!(parse_entity_list(Path::new("e.yaml"), "- ignore: 3\n").is_err());
    }

    #[test]
    fn an_entity_list_error_points_at_its_key() {
        let text = "- name: Oakton\n  kind: town\n- name: Dana Reyes\n  kind: person\n  \
                    alias: [Reyes]\n- {name: Tom Ash, kind: }\n";
        let problems = parse_entity_list(Path::new("content/entities.yaml"), text).unwrap_err();
        let shown: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert!(
            shown[0].starts_with("content/entities.yaml:2:9: error: kind: unknown variant `town`"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("content/entities.yaml:5:3: error: unknown field `alias`")
                && shown[1].contains("did you mean `aliases`?"),
            "{shown:?}"
        );
        assert!(
            shown[2].starts_with("content/entities.yaml:6:"),
            "{shown:?}"
        );
        assert_eq!(problems.len(), 3);
        // An entry using another's anchor is reported as a whole.
        let text = "- {name: Oakton, kind: place, aliases: &a [Oak]}\n- name: Dover\n  \
                    aliases: *a\n  kind: town\n";
        let problems = parse_entity_list(Path::new("content/entities.yaml"), text).unwrap_err();
        let shown = problems[0].to_string();
        assert!(shown.contains("unknown variant `town`"), "{shown}");
    }
}
