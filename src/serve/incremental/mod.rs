//! The site kept in memory between rebuilds. A changed article is read and extracted
//! again alone, the site graph is linked again, and only the render jobs whose inputs
//! differ from the last render run again; the files that come out are the ones a full
//! `brief build` of the same folder writes.

mod changes;
mod model;
mod staged;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Tera;

use crate::build;
use crate::diag::{Diagnostic, Report};
use crate::extract::{self, ExtractOptions, Facts, Gazetteer};
use crate::link::{self, Graph, Group};
use crate::load::{self, ContentKind, LoadOptions, Loaded, LoadedSite, Site};
use crate::media::{self, images};
use crate::model::{ArticleId, EntityId, PerArticle};
use crate::pipeline::{self, BuildOptions};
use crate::render::context::ArticleCard;
use crate::render::theme::Theme;
use crate::render::{
    Job, Output, PartHashes, Prepared, Renderer, article_card, hash_of, render_article_body,
    site_data, theme,
};
use crate::write;
use changes::*;
use model::*;
use staged::*;
use typed_index_collections::TiVec;

/// What one rebuild changed in the built site.
#[derive(Debug)]
pub struct Update {
    /// `written` is the whole rendered site: every rendered file not in it is gone.
    pub full: bool,
    /// Rendered files that were (re)made.
    pub written: Vec<Output>,
    /// Rendered files that no longer exist.
    pub removed: Vec<String>,
    /// The copied files (theme, highlighting stylesheet, site `static/`), when read again.
    pub statics: Option<Vec<Output>>,
    /// The path the site is served under, `/` or `/briefs/`.
    pub base_path: String,
    pub warnings: Report,
    pub stats: Stats,
}

/// What a rebuild did and where its time went.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub articles: usize,
    /// Content files read again.
    pub reread: usize,
    /// Render jobs run (a job is one page, or a page and its feed).
    pub jobs: usize,
    pub load: Duration,
    /// Whether the site graph was linked again (else the last one still held).
    pub linked: bool,
    pub link: Duration,
    pub render: Duration,
}

/// Keeps the site in memory and rebuilds it from the paths a watcher reports.
pub struct Engine {
    options: BuildOptions,
    /// The site root as given and as the file system names it, to recognise watched paths.
    roots: [PathBuf; 2],
    model: Option<Model>,
    rendered: Option<Rendered>,
    /// Last revision given to a changed article.
    revision: u64,
}

/// What the last successful render was made from, to tell which jobs a change touches.
struct Rendered {
    article_paths: PerArticle<PathBuf>,
    revisions: PerArticle<u64>,
    graph: Arc<Graph>,
    prepared: Prepared,
    /// Each page's fingerprint and files, by the page's path.
    pages: HashMap<String, RenderedPage>,
    /// The content rendered, the content the graph was linked from, and what linking
    /// reported.
    content_revision: u64,
    graph_revision: u64,
    link_diagnostics: Vec<Diagnostic>,
}

/// One page as last rendered: what it showed, and the files it wrote.
struct RenderedPage {
    fingerprint: u64,
    files: Vec<String>,
}

/// What the reported paths touch.
#[derive(Debug, Default)]
struct Scope {
    /// `site.yaml`, the gazetteer or a label table: everything is read again.
    everything: bool,
    templates: bool,
    statics: bool,
    /// Content files to read again, relative to the site root.
    content: BTreeSet<PathBuf>,
    /// A folder under `content/` changed: list the content files again.
    rescan: bool,
    /// A file beside the articles that is not content (an image) changed.
    media: bool,
}

impl Scope {
    fn is_empty(&self) -> bool {
        !self.everything
            && !self.templates
            && !self.statics
            && !self.rescan
            && !self.media
            && self.content.is_empty()
    }
}

impl Engine {
    /// An engine for the site `options` describes; nothing is read until the first rebuild.
    pub fn new(options: BuildOptions) -> Engine {
        let absolute = write::absolute(&options.root);
        let canonical = std::fs::canonicalize(&options.root).unwrap_or_else(|_| absolute.clone());
        Engine {
            options,
            roots: [absolute, canonical],
            model: None,
            rendered: None,
            revision: 0,
        }
    }

    /// Builds the whole site (on the first call) or what `changed` paths affect.
    /// On errors nothing changes in what was built before, and every error is returned.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Update, Report> {
        self.rebuild_in_stages(changed, |_| {})
    }

    /// Like `rebuild`, but hands the pages of the edited articles to `early` as soon as they
    /// are made, before the pages that list them (entity, topic and story pages, indexes,
    /// the search index), which can take much longer on a large site. Should a later page
    /// then fail to render, the early pages are already out.
    pub fn rebuild_in_stages(
        &mut self,
        changed: &[PathBuf],
        early: impl FnMut(Update),
    ) -> Result<Update, Report> {
        let started = Instant::now();
        let scope = self.scope(changed);
        let mut stats = Stats::default();
        let mut templates_changed = scope.templates;
        let mut statics_changed = scope.statics;
        let model = match self.model.take() {
            Some(mut model) if !scope.everything => {
                if scope.templates {
                    model.templates = theme::load_templates(&self.options.root);
                }
                if scope.statics {
                    model.statics = build::static_outputs(&model.site);
                }
                stats.reread = self.read_again(&mut model, &scope)?;
                if scope.templates || scope.statics || scope.media || stats.reread > 0 {
                    model.refresh_media(&mut self.revision);
                }
                model
            }
            _ => {
                self.rendered = None;
                templates_changed = true;
                statics_changed = true;
                let model = Model::load(&self.options, &mut self.revision)?;
                stats.reread = model.site.articles.len();
                model
            }
        };
        stats.load = started.elapsed();
        let result = self.render(&model, templates_changed, statics_changed, stats, early);
        self.model = Some(model);
        result
    }

    /// Whether any of the paths is a source of the site (or nothing was built yet).
    pub fn affected_by(&self, changed: &[PathBuf]) -> bool {
        self.model.is_none() || !self.scope(changed).is_empty()
    }

    /// Sorts the reported paths by what they touch.
    fn scope(&self, changed: &[PathBuf]) -> Scope {
        let mut scope = Scope::default();
        for path in changed {
            let Some(relative) = self.relative(path) else {
                continue;
            };
            let first = relative.components().next().map(|c| c.as_os_str());
            let Some(first) = first.and_then(|f| f.to_str()) else {
                continue;
            };
            match first {
                "site.yaml" => scope.everything = true,
                // The theme's words are in every page and card.
                crate::i18n::SITE_FOLDER => scope.everything = true,
                "templates" => scope.templates = true,
                "static" => scope.statics = true,
                "content" if !is_hidden(&relative) => {
                    let on_disk = self.options.root.join(&relative);
                    match load::classify(&relative) {
                        Some(ContentKind::Entity | ContentKind::EntityList) => {
                            scope.everything = true;
                        }
                        Some(_) if !on_disk.is_dir() => {
                            scope.content.insert(relative);
                        }
                        // A folder made, moved in, or gone with content files in it.
                        _ if on_disk.is_dir() => scope.rescan = true,
                        _ if relative.extension().is_none()
                            && !on_disk.exists()
                            && self.model.as_ref().is_some_and(|m| m.has_folder(&relative)) =>
                        {
                            scope.rescan = true;
                        }
                        _ if images::is_image(&relative) => scope.media = true,
                        // Not content, such as an editor's temporary file.
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        scope
    }

    /// `path` relative to the site root, if it lies inside it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        if path.is_relative() {
            return Some(path.to_path_buf());
        }
        self.roots
            .iter()
            .find_map(|root| path.strip_prefix(root).ok())
            .map(Path::to_path_buf)
    }

    /// Reads the changed content files again; returns how many were read.
    fn read_again(&mut self, model: &mut Model, scope: &Scope) -> Result<usize, Report> {
        let mut paths = scope.content.clone();
        if scope.rescan {
            let (files, unreadable) = load::content_files(&self.options.root);
            if unreadable.iter().any(Diagnostic::is_error) {
                // Read whole, the site reports the unreadable folder with every other problem.
                return self.reload_everything(model);
            }
            let now: BTreeMap<PathBuf, ContentKind> = files.into_iter().collect();
            let known = model.known_paths();
            paths.extend(now.keys().filter(|p| !known.contains(*p)).cloned());
            paths.extend(known.into_iter().filter(|p| !now.contains_key(p)));
        }
        let options = self.options.load_options(&model.site.config);
        for path in &paths {
            match load::classify(path) {
                Some(ContentKind::Entity | ContentKind::EntityList) => {
                    return self.reload_everything(model);
                }
                Some(kind) => {
                    model.read_again(&self.options.root, path, kind, &options, &mut self.revision)
                }
                None => {}
            }
        }
        Ok(paths.len())
    }

    fn reload_everything(&mut self, model: &mut Model) -> Result<usize, Report> {
        self.rendered = None;
        *model = Model::load(&self.options, &mut self.revision)?;
        Ok(model.site.articles.len())
    }

    /// Links the site and renders what changed since the last render.
    fn render(
        &mut self,
        model: &Model,
        templates_changed: bool,
        statics_changed: bool,
        mut stats: Stats,
        mut early: impl FnMut(Update),
    ) -> Result<Update, Report> {
        let started = Instant::now();
        let mut report = Report::default();
        for diagnostics in model.file_diagnostics.values() {
            report.extend(diagnostics.iter().cloned());
        }
        report.extend(model.media_problems.iter().cloned());
        // The graph depends on the content alone, and not on every part of it: after a
        // change that linking cannot see, the last graph still holds (and so do the slugs
        // and names checked for duplicates).
        let kept = self
            .rendered
            .as_ref()
            .filter(|r| r.graph_revision == model.graph_revision);
        if kept.is_none() {
            report.extend(load::duplicates(&model.site));
        }
        let (graph, link_diagnostics) = match kept {
            Some(rendered)
                if rendered.content_revision == model.content_revision && !templates_changed =>
            {
                return self.copied_files_only(model, report, statics_changed, stats);
            }
            Some(rendered) => {
                debug_assert!(
                    {
                        let mut relinked = link::link(
                            &model.site,
                            &model.facts,
                            extract::outline_pages(&model.site),
                            &link::Earlier::default(),
                        )
                        .0;
                        // The story titles' keys name the articles' files, which any edit
                        // changes; they serve the build cache only, never a page.
                        relinked
                            .story_titles
                            .clone_from(&rendered.graph.story_titles);
                        relinked == *rendered.graph
                    },
                    "a change that link::same_link_inputs lets through changed the graph"
                );
                (rendered.graph.clone(), rendered.link_diagnostics.clone())
            }
            None => {
                stats.linked = true;
                let outlines = extract::outline_pages(&model.site);
                let earlier = link::Earlier::default();
                let (graph, diagnostics) =
                    link::link(&model.site, &model.facts, outlines, &earlier);
                (Arc::new(graph), diagnostics)
            }
        };
        report.extend(link_diagnostics.iter().cloned());
        stats.link = started.elapsed();
        match &model.templates {
            Ok(theme) => report.extend(theme.warnings.iter().cloned()),
            Err(diagnostics) => report.extend(diagnostics.iter().cloned()),
        }
        let tera = match &model.templates {
            Ok(theme) if !report.has_errors() => &theme.tera,
            _ => {
                report.sort();
                return Err(report);
            }
        };

        let started = Instant::now();
        let old = self.rendered.take();
        let full = old.is_none();
        let base_path = model.site.config.base_url.path().to_string();
        let rendered = render_changes(
            model,
            graph,
            link_diagnostics,
            tera,
            old,
            templates_changed,
            &mut |written| {
                early(Update {
                    full: false,
                    written,
                    removed: Vec::new(),
                    statics: None,
                    base_path: base_path.clone(),
                    warnings: Report::default(),
                    stats: Stats::default(),
                })
            },
        );
        report.extend(rendered.diagnostics);
        report.extend(model.statics.1.iter().cloned());
        stats.render = started.elapsed();
        stats.articles = model.site.articles.len();
        stats.jobs = rendered.jobs;
        if report.has_errors() {
            report.sort();
            return Err(report);
        }
        self.rendered = rendered.state;
        report.sort();
        Ok(Update {
            full,
            written: rendered.written,
            removed: rendered.removed,
            statics: (full || statics_changed).then(|| model.statics.0.clone()),
            base_path: model.site.config.base_url.path().to_string(),
            warnings: report,
            stats,
        })
    }
}

impl Engine {
    /// The update when neither content nor templates changed: at most the copied files.
    fn copied_files_only(
        &self,
        model: &Model,
        mut report: Report,
        statics_changed: bool,
        stats: Stats,
    ) -> Result<Update, Report> {
        if let Some(rendered) = &self.rendered {
            report.extend(rendered.link_diagnostics.iter().cloned());
        }
        match &model.templates {
            Ok(theme) => report.extend(theme.warnings.iter().cloned()),
            Err(diagnostics) => report.extend(diagnostics.iter().cloned()),
        }
        report.extend(model.statics.1.iter().cloned());
        report.sort();
        if report.has_errors() {
            return Err(report);
        }
        Ok(Update {
            full: false,
            written: Vec::new(),
            removed: Vec::new(),
            statics: statics_changed.then(|| model.statics.0.clone()),
            base_path: model.site.config.base_url.path().to_string(),
            warnings: report,
            stats: Stats {
                articles: model.site.articles.len(),
                ..stats
            },
        })
    }
}

fn is_hidden(relative: &Path) -> bool {
    relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}
