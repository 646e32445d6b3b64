//! The site kept in memory between rebuilds. A changed article is read and extracted
//! again alone, the site graph is linked again, and only the render jobs whose inputs
//! differ from the last render run again; the files that come out are the ones a full
//! `brief build` of the same folder writes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Tera;

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Report};
use crate::extract::{self, ExtractOptions, Facts, Gazetteer};
use crate::link::{self, Graph, Group};
use crate::load::{self, ContentKind, LoadOptions, Loaded, Site};
use crate::render::context::ArticleCard;
use crate::render::{
    Job, Output, Prepared, RECENT_COUNT, Renderer, article_card, feeds, render_article_body, theme,
};
use crate::write;

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

/// The site's files as last read: loaded, extracted, with their problems.
struct Model {
    site: Site,
    /// Revision of each article, index-aligned with `site.articles`; a new one on every change.
    revisions: Vec<u64>,
    facts: Vec<Facts>,
    gazetteer: Gazetteer,
    extract_options: ExtractOptions,
    /// Problems of each content file as last read.
    file_diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    templates: Result<Tera, Vec<Diagnostic>>,
    statics: (Vec<Output>, Vec<Diagnostic>),
    /// Bumped when briefing notes or standalone pages change.
    notes_revision: u64,
    pages_revision: u64,
    /// Revision of the last change to any content file.
    content_revision: u64,
    /// Revision of the last change that linking could see (see `link::same_link_inputs`).
    graph_revision: u64,
}

/// What the last successful render was made from, to tell which jobs a change touches.
struct Rendered {
    article_paths: Vec<PathBuf>,
    revisions: Vec<u64>,
    /// Each article's `updated` date.
    updated: Vec<Option<load::PubDate>>,
    page_paths: Vec<PathBuf>,
    graph: Arc<Graph>,
    prepared: Prepared,
    /// Articles on each timeline page.
    timeline: Vec<Vec<usize>>,
    /// The files each job wrote.
    job_outputs: HashMap<Job, Vec<String>>,
    notes_revision: u64,
    pages_revision: u64,
    /// The content rendered, the content the graph was linked from, and what linking
    /// reported.
    content_revision: u64,
    graph_revision: u64,
    link_diagnostics: Vec<Diagnostic>,
}

/// What the reported paths touch.
#[derive(Debug, Default)]
struct Scope {
    /// `site.yaml` or the gazetteer: everything is read again.
    everything: bool,
    templates: bool,
    statics: bool,
    /// Content files to read again, relative to the site root.
    content: BTreeSet<PathBuf>,
    /// A folder under `content/` changed: list the content files again.
    rescan: bool,
}

impl Scope {
    fn is_empty(&self) -> bool {
        !self.everything
            && !self.templates
            && !self.statics
            && !self.rescan
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
            let now: BTreeMap<PathBuf, ContentKind> = load::content_files(&self.options.root)
                .into_iter()
                .collect();
            let known = model.known_paths();
            paths.extend(now.keys().filter(|p| !known.contains(*p)).cloned());
            paths.extend(known.into_iter().filter(|p| !now.contains_key(p)));
        }
        let options = LoadOptions {
            drafts: self.options.drafts,
        };
        for path in &paths {
            match load::classify(path) {
                Some(ContentKind::Entity | ContentKind::EntityList) => {
                    return self.reload_everything(model);
                }
                Some(kind) => {
                    model.read_again(&self.options.root, path, kind, options, &mut self.revision)
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
                    link::link(&model.site, &model.facts).0 == *rendered.graph,
                    "a change that link::same_link_inputs lets through changed the graph"
                );
                (rendered.graph.clone(), rendered.link_diagnostics.clone())
            }
            None => {
                stats.linked = true;
                let (graph, diagnostics) = link::link(&model.site, &model.facts);
                (Arc::new(graph), diagnostics)
            }
        };
        report.extend(link_diagnostics.iter().cloned());
        stats.link = started.elapsed();
        if let Err(diagnostics) = &model.templates {
            report.extend(diagnostics.iter().cloned());
        }
        let tera = match &model.templates {
            Ok(tera) if !report.has_errors() => tera,
            _ => {
                report.sort();
                return Err(report);
            }
        };

        let started = Instant::now();
        let old = self.rendered.take();
        let full = old.is_none();
        let base_path = model.site.config.base_path();
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
            base_path: model.site.config.base_path(),
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
        if let Err(diagnostics) = &model.templates {
            report.extend(diagnostics.iter().cloned());
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
            base_path: model.site.config.base_path(),
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

impl Model {
    /// Reads, loads and extracts the whole site.
    fn load(options: &BuildOptions, revision: &mut u64) -> Result<Model, Report> {
        let config = build::config(options)?;
        let root = &options.root;
        let load_options = LoadOptions {
            drafts: options.drafts,
        };
        let parsed: Vec<(PathBuf, (Loaded, Vec<Diagnostic>))> = load::content_files(root)
            .into_par_iter()
            .map(|(path, kind)| {
                let loaded = load::load_file(root, &path, kind, load_options);
                (path, loaded)
            })
            .collect();
        let mut site = Site {
            root: root.clone(),
            config,
            articles: Vec::new(),
            entities: Vec::new(),
            ignored: Vec::new(),
            pages: Vec::new(),
            briefings: Vec::new(),
        };
        let mut file_diagnostics = BTreeMap::new();
        for (path, (loaded, diagnostics)) in parsed {
            if !diagnostics.is_empty() {
                file_diagnostics.insert(path, diagnostics);
            }
            site.add(loaded);
        }
        let gazetteer = Gazetteer::new(&site.entities).ignoring(&site.ignored);
        let facts = build::extract_all(&site, &gazetteer);
        let revisions = site
            .articles
            .iter()
            .map(|_| {
                *revision += 1;
                *revision
            })
            .collect();
        let templates = theme::load_templates(root);
        let statics = build::static_outputs(&site);
        Ok(Model {
            extract_options: build::extract_options(&site.config),
            site,
            revisions,
            facts,
            gazetteer,
            file_diagnostics,
            templates,
            statics,
            notes_revision: 0,
            pages_revision: 0,
            content_revision: *revision,
            graph_revision: *revision,
        })
    }

    /// Whether `folder` held content files the model knows.
    fn has_folder(&self, folder: &Path) -> bool {
        let site = &self.site;
        site.articles.iter().any(|a| a.path.starts_with(folder))
            || site.pages.iter().any(|p| p.path.starts_with(folder))
            || site.briefings.iter().any(|b| b.path.starts_with(folder))
            || self.file_diagnostics.keys().any(|p| p.starts_with(folder))
    }

    /// Every content file the model knows, loaded or failed.
    fn known_paths(&self) -> BTreeSet<PathBuf> {
        let site = &self.site;
        site.articles
            .iter()
            .map(|a| a.path.clone())
            .chain(site.pages.iter().map(|p| p.path.clone()))
            .chain(site.briefings.iter().map(|b| b.path.clone()))
            .chain(site.entities.iter().map(|e| e.path.clone()))
            .chain(self.file_diagnostics.keys().cloned())
            .collect()
    }

    /// Reads one article, page or briefing note again (or drops it when it is gone).
    fn read_again(
        &mut self,
        root: &Path,
        path: &Path,
        kind: ContentKind,
        options: LoadOptions,
        revision: &mut u64,
    ) {
        let (loaded, diagnostics) = if root.join(path).is_file() {
            load::load_file(root, path, kind, options)
        } else {
            (Loaded::Nothing, Vec::new())
        };
        if diagnostics.is_empty() {
            self.file_diagnostics.remove(path);
        } else {
            self.file_diagnostics
                .insert(path.to_path_buf(), diagnostics);
        }
        // The revision this change would get; taken only when something changed.
        let next = *revision + 1;
        let site = &mut self.site;
        // Whether the change can alter the site graph.
        let mut relink = true;
        let changed = match kind {
            ContentKind::Article => {
                let found = site
                    .articles
                    .binary_search_by(|a| a.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Article(article)) => {
                        let changed = site.articles[i].text != article.text;
                        if changed {
                            let facts = extract_article(&article, self);
                            relink = !link::same_link_inputs(
                                (&self.site.articles[i], &self.facts[i]),
                                (&article, &facts),
                            );
                            self.facts[i] = facts;
                            self.site.articles[i] = *article;
                            self.revisions[i] = next;
                        }
                        changed
                    }
                    (Ok(i), _) => {
                        site.articles.remove(i);
                        self.facts.remove(i);
                        self.revisions.remove(i);
                        true
                    }
                    (Err(i), Loaded::Article(article)) => {
                        self.facts.insert(i, extract_article(&article, self));
                        self.site.articles.insert(i, *article);
                        self.revisions.insert(i, next);
                        true
                    }
                    (Err(_), _) => false,
                }
            }
            ContentKind::Page => {
                let found = site.pages.binary_search_by(|p| p.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Page(page)) => site.pages[i] = page,
                    (Ok(i), _) => {
                        site.pages.remove(i);
                    }
                    (Err(i), Loaded::Page(page)) => site.pages.insert(i, page),
                    (Err(_), _) => {}
                }
                self.pages_revision += 1;
                true
            }
            ContentKind::Briefing => {
                let found = site
                    .briefings
                    .binary_search_by(|b| b.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Briefing(note)) => site.briefings[i] = note,
                    (Ok(i), _) => {
                        site.briefings.remove(i);
                    }
                    (Err(i), Loaded::Briefing(note)) => site.briefings.insert(i, note),
                    (Err(_), _) => {}
                }
                self.notes_revision += 1;
                true
            }
            ContentKind::Entity | ContentKind::EntityList => false,
        };
        if changed {
            *revision = next;
            self.content_revision = next;
            if relink {
                self.graph_revision = next;
            }
        }
    }
}

fn extract_article(article: &load::Article, model: &Model) -> Facts {
    extract::extract(
        &build::extract_input(article),
        &model.gazetteer,
        &model.extract_options,
    )
}

/// The outcome of rendering: the files made, the state for the next render.
struct Rendering {
    written: Vec<Output>,
    removed: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    jobs: usize,
    /// `None` when a job failed: the next render starts from scratch.
    state: Option<Rendered>,
}

/// At most this many edited pages are made ahead of the full pass, which makes them again:
/// beyond a writer's save (a checkout of many files, say) the duplicate work is not worth it.
const EARLY_PAGES: usize = 8;

/// The pages of the articles edited since `old`, made before anything else when the site
/// graph is kept: such a page then depends only on the article's own card and body, made
/// again here, and on the other articles' cards, which the graph keeps as they were. This
/// skips the work of finding every page the edit touches (about 30 ms at 10,000 articles),
/// so the page in the writer's browser comes back first; the full pass makes it again.
fn edited_pages(
    model: &Model,
    graph: &Arc<Graph>,
    tera: &Tera,
    old: &mut Rendered,
) -> Option<Vec<Output>> {
    let (site, facts) = (&model.site, &model.facts);
    if !Arc::ptr_eq(graph, &old.graph) || old.article_paths.len() != site.articles.len() {
        return None;
    }
    let edited: Vec<usize> = (0..site.articles.len())
        .filter(|&a| old.revisions[a] != model.revisions[a])
        .collect();
    if edited.is_empty()
        || edited.len() > EARLY_PAGES
        || edited
            .iter()
            .any(|&a| old.article_paths[a] != site.articles[a].path)
    {
        return None;
    }
    let prepared = &mut old.prepared;
    let mut replaced = Vec::with_capacity(edited.len());
    for &a in &edited {
        let card = article_card(site, facts, graph, a);
        let body = render_article_body(site, facts, graph, a, None);
        replaced.push((
            a,
            std::mem::replace(&mut prepared.cards[a], card),
            std::mem::replace(&mut prepared.bodies[a], body),
        ));
    }
    let renderer = Renderer::with_prepared(site, facts, graph, tera, std::mem::take(prepared));
    let pages: Result<Vec<Vec<Output>>, Diagnostic> = edited
        .iter()
        .map(|&a| renderer.run(Job::Article(a)))
        .collect();
    // The full pass compares the kept cards and bodies with new ones to find what changed.
    *prepared = renderer.into_prepared();
    for (a, card, body) in replaced {
        prepared.cards[a] = card;
        prepared.bodies[a] = body;
    }
    pages
        .ok()
        .map(|pages| pages.into_iter().flatten().collect())
}

/// Renders the jobs whose inputs changed since `old` (every job when there is no `old`).
fn render_changes(
    model: &Model,
    graph: Arc<Graph>,
    link_diagnostics: Vec<Diagnostic>,
    tera: &Tera,
    mut old: Option<Rendered>,
    templates_changed: bool,
    early: &mut dyn FnMut(Vec<Output>),
) -> Rendering {
    let site = &model.site;
    let sent_early = match old
        .as_mut()
        .and_then(|old| edited_pages(model, &graph, tera, old))
    {
        Some(pages) => {
            early(pages);
            true
        }
        None => false,
    };
    let (prepared, changes, mut old) = match old {
        Some(mut old) => {
            let kept = std::mem::take(&mut old.prepared);
            let mut changes = Changes::between(model, &graph, &old);
            let prepared = changes.prepare(model, &graph, &old, kept);
            (prepared, Some(changes), Some(old))
        }
        None => (Prepared::all(site, &model.facts, &graph), None, None),
    };
    let renderer = Renderer::with_prepared(site, &model.facts, &graph, tera, prepared);
    let timeline = renderer.timeline_articles();
    let jobs = renderer.all_jobs();
    let mut job_outputs: HashMap<Job, Vec<String>> = HashMap::with_capacity(jobs.len());
    let mut to_render = Vec::new();
    for &job in &jobs {
        let kept = match (&changes, &mut old) {
            // Every page's navigation lists the standalone pages.
            (Some(changes), Some(old)) if !templates_changed && !changes.pages_changed => {
                let counterpart = changes.unchanged(job, model, &graph, &timeline, old);
                counterpart.and_then(|c| old.job_outputs.remove(&c))
            }
            _ => None,
        };
        match kept {
            Some(paths) => {
                job_outputs.insert(job, paths);
            }
            None => to_render.push(job),
        }
    }
    // The edited articles' own pages first: the one in the writer's browser among them.
    let (first, rest): (Vec<Job>, Vec<Job>) = to_render
        .iter()
        .partition(|job| matches!((job, &changes), (Job::Article(a), Some(c)) if c.revised[*a]));
    let run = |jobs: &[Job]| -> Vec<(Job, Result<Vec<Output>, Diagnostic>)> {
        jobs.par_iter()
            .map(|&job| (job, renderer.run(job)))
            .collect()
    };
    let mut results = run(&first);
    if !sent_early
        && !first.is_empty()
        && !rest.is_empty()
        && results.iter().all(|(_, r)| r.is_ok())
    {
        early(
            results
                .iter()
                .flat_map(|(_, r)| r.iter().flatten().cloned())
                .collect(),
        );
    }
    results.extend(run(&rest));
    let prepared = renderer.into_prepared();

    let mut written = Vec::new();
    let mut diagnostics = Vec::new();
    for (job, result) in results {
        match result {
            Ok(outputs) => {
                job_outputs.insert(job, outputs.iter().map(|o| o.path.clone()).collect());
                written.extend(outputs);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    // Files of jobs that are gone, or that now write elsewhere.
    let fresh: HashSet<&str> = written.iter().map(|o| o.path.as_str()).collect();
    let removed: Vec<String> = old
        .iter()
        .flat_map(|old| old.job_outputs.values().flatten())
        .filter(|path| !fresh.contains(path.as_str()))
        .cloned()
        .collect();
    let state = diagnostics.is_empty().then(|| Rendered {
        article_paths: site.articles.iter().map(|a| a.path.clone()).collect(),
        revisions: model.revisions.clone(),
        updated: site.articles.iter().map(|a| a.updated).collect(),
        page_paths: site.pages.iter().map(|p| p.path.clone()).collect(),
        graph,
        prepared,
        timeline,
        job_outputs,
        notes_revision: model.notes_revision,
        pages_revision: model.pages_revision,
        content_revision: model.content_revision,
        graph_revision: model.graph_revision,
        link_diagnostics,
    });
    Rendering {
        written,
        removed,
        diagnostics,
        jobs: to_render.len(),
        state,
    }
}

/// How the site differs from the last render: which old node each new one was, and
/// which articles look different wherever they are shown.
struct Changes {
    /// New article index -> old index.
    article_old: Vec<Option<usize>>,
    /// Old article index -> new index.
    article_new: Vec<Option<usize>>,
    /// The article's file changed (or is new).
    revised: Vec<bool>,
    /// Its card changed: every page listing it is stale.
    card_changed: Vec<bool>,
    /// Its file, card or body changed: pages quoting it and feeds carrying it are stale.
    changed: Vec<bool>,
    entity_old: Vec<Option<usize>>,
    /// The entity is new, or its URL, kind or known-ness changed.
    entity_changed: Vec<bool>,
    /// Names whose entity page appeared, disappeared or moved: text linking them changes.
    relinked: HashSet<String>,
    tag_old: Vec<Option<usize>>,
    story_old: Vec<Option<usize>>,
    /// The group's page or feed must be made again.
    tag_stale: Vec<bool>,
    story_stale: Vec<bool>,
    /// The story's list of article cards changed: its articles' pages show that list.
    story_cards_stale: Vec<bool>,
    day_old: Vec<Option<usize>>,
    page_old: Vec<Option<usize>>,
    notes_changed: bool,
    pages_changed: bool,
    /// Anything in the content changed: the site-wide pages are stale.
    content_changed: bool,
    /// The site graph is the one of the last render: site-wide pages that show only the
    /// graph are current.
    graph_kept: bool,
    /// An article's `updated` date changed (the sitemap shows it).
    updated_changed: bool,
    /// An article's entry in `data/site.json` changed.
    data_changed: bool,
    /// Articles in a feed.
    feed_length: usize,
}

impl Changes {
    fn between(model: &Model, graph: &Graph, old: &Rendered) -> Changes {
        let site = &model.site;
        let same_order = old.article_paths.len() == site.articles.len()
            && old
                .article_paths
                .iter()
                .zip(&site.articles)
                .all(|(p, a)| *p == a.path);
        let article_old: Vec<Option<usize>> = if same_order {
            (0..site.articles.len()).map(Some).collect()
        } else {
            let index: HashMap<&Path, usize> = old
                .article_paths
                .iter()
                .enumerate()
                .map(|(i, p)| (p.as_path(), i))
                .collect();
            site.articles
                .iter()
                .map(|a| index.get(a.path.as_path()).copied())
                .collect()
        };
        let mut article_new = vec![None; old.article_paths.len()];
        for (new, old) in article_old.iter().enumerate() {
            if let Some(old) = old {
                article_new[*old] = Some(new);
            }
        }
        let revised: Vec<bool> = article_old
            .iter()
            .zip(&model.revisions)
            .map(|(o, r)| o.is_none_or(|o| old.revisions[o] != *r))
            .collect();

        let updated_changed = article_old
            .iter()
            .zip(&site.articles)
            .any(|(o, article)| o.is_some_and(|o| old.updated[o] != article.updated));
        let entity_old: Vec<Option<usize>> = graph
            .entities
            .iter()
            .map(|e| old.graph.entity_by_name.get(&e.name).copied())
            .collect();
        let entity_changed = graph
            .entities
            .iter()
            .zip(&entity_old)
            .map(|(e, o)| {
                o.is_none_or(|o| {
                    let before = &old.graph.entities[o];
                    before.slug != e.slug || before.kind != e.kind || before.known != e.known
                })
            })
            .collect();
        let mut relinked: HashSet<String> = graph
            .entities
            .iter()
            .zip(&entity_old)
            .filter(|(e, o)| o.is_none_or(|o| old.graph.entities[o].slug != e.slug))
            .map(|(e, _)| e.name.clone())
            .collect();
        relinked.extend(
            old.graph
                .entities
                .iter()
                .filter(|e| !graph.entity_by_name.contains_key(&e.name))
                .map(|e| e.name.clone()),
        );

        Changes {
            article_old,
            article_new,
            card_changed: vec![false; revised.len()],
            changed: revised.clone(),
            revised,
            entity_old,
            entity_changed,
            relinked,
            tag_old: match_groups(&graph.tags, &old.graph.tags),
            story_old: match_groups(&graph.stories, &old.graph.stories),
            tag_stale: Vec::new(),
            story_stale: Vec::new(),
            story_cards_stale: Vec::new(),
            day_old: graph
                .days
                .iter()
                .map(|d| {
                    old.graph
                        .days
                        .binary_search_by_key(&d.date, |x| x.date)
                        .ok()
                })
                .collect(),
            page_old: site
                .pages
                .iter()
                .map(|p| old.page_paths.iter().position(|o| *o == p.path))
                .collect(),
            notes_changed: model.notes_revision != old.notes_revision,
            pages_changed: model.pages_revision != old.pages_revision,
            content_changed: false,
            graph_kept: std::ptr::eq(graph, &*old.graph),
            updated_changed,
            data_changed: false,
            feed_length: site.config.feed_length.max(1),
        }
    }

    /// Puts the kept bodies and cards in the new article order, renders again those whose
    /// inputs changed, and notes which came out different.
    fn prepare(
        &mut self,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
        kept: Prepared,
    ) -> Prepared {
        let (site, facts) = (&model.site, &model.facts);
        let mut kept: Vec<Option<(ArticleCard, String, String)>> = kept
            .cards
            .into_iter()
            .zip(kept.bodies)
            .zip(kept.data)
            .map(|((card, body), data)| Some((card, body, data)))
            .collect();
        let carried: Vec<Option<(ArticleCard, String, String)>> = self
            .article_old
            .iter()
            .map(|o| o.and_then(|o| kept[o].take()))
            .collect();
        let this = &*self;
        let made: Vec<(ArticleCard, String, String, bool, bool, bool)> = carried
            .into_par_iter()
            .enumerate()
            .map(|(a, carried)| {
                let (card, body, data) = match carried {
                    Some((card, body, data)) => (Some(card), Some(body), Some(data)),
                    None => (None, None, None),
                };
                let (card, card_changed) = match card {
                    Some(card) if !this.card_stale(a, graph, old) => (card, false),
                    before => {
                        let card = article_card(site, facts, graph, a);
                        let changed = before.as_ref() != Some(&card);
                        (card, changed)
                    }
                };
                let (body, body_changed) = match body {
                    Some(body) if !this.body_stale(a, model, graph, old) => (body, false),
                    before => {
                        let body = render_article_body(site, facts, graph, a, None);
                        let changed = before.as_ref() != Some(&body);
                        (body, changed)
                    }
                };
                let (data, data_changed) = match data {
                    Some(data) if !this.data_stale(a, graph, old) => (data, false),
                    before => {
                        let data = feeds::article_data(site, facts, graph, a);
                        let changed = before.as_ref() != Some(&data);
                        (data, changed)
                    }
                };
                (card, body, data, card_changed, body_changed, data_changed)
            })
            .collect();
        let mut prepared = Prepared::default();
        for (a, made) in made.into_iter().enumerate() {
            let (card, body, data, card_changed, body_changed, data_changed) = made;
            prepared.cards.push(card);
            prepared.bodies.push(body);
            prepared.data.push(data);
            self.card_changed[a] |= card_changed;
            self.changed[a] |= card_changed || body_changed;
            self.data_changed |= data_changed;
        }
        self.content_changed = self.notes_changed
            || self.pages_changed
            || self.article_new.iter().any(Option::is_none)
            || self.changed.iter().any(|&c| c);
        // A topic's page lists cards; its feed carries its newest articles whole.
        let feed_length = self.feed_length;
        self.tag_stale = self
            .stale_groups(
                &graph.tags,
                &self.tag_old,
                &old.graph.tags,
                &self.card_changed,
            )
            .into_iter()
            .zip(&graph.tags)
            .map(|(stale, tag)| {
                stale
                    || tag
                        .articles
                        .iter()
                        .take(feed_length)
                        .any(|&a| self.changed[a])
            })
            .collect();
        self.story_stale = self.stale_groups(
            &graph.stories,
            &self.story_old,
            &old.graph.stories,
            &self.changed,
        );
        self.story_cards_stale = self.stale_groups(
            &graph.stories,
            &self.story_old,
            &old.graph.stories,
            &self.card_changed,
        );
        prepared
    }

    /// A card shows the article, its tags, its first entities and its story.
    fn card_stale(&self, a: usize, graph: &Graph, old: &Rendered) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.revised[a]
            || !self.same_entities(&new.entities, &before.entities)
            || new.tags.len() != before.tags.len()
            || new.tags.iter().zip(&before.tags).any(|(&t, &ot)| {
                self.tag_old[t] != Some(ot) || graph.tags[t].name != old.graph.tags[ot].name
            })
            || !self.same_story(new.story, before.story, graph, old)
    }

    /// An entry of `data/site.json` holds the article, its facts, and the slugs of its
    /// related articles and backlinks.
    fn data_stale(&self, a: usize, graph: &Graph, old: &Rendered) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.revised[a]
            || !self.same_articles(&new.related, &before.related)
            || !self.same_articles(&new.backlinks, &before.backlinks)
            || new
                .related
                .iter()
                .chain(&new.backlinks)
                .any(|&b| self.revised[b])
    }

    /// A body links its entity mentions and resolves its internal links.
    fn body_stale(&self, a: usize, model: &Model, graph: &Graph, old: &Rendered) -> bool {
        let Some(o) = self.article_old[a] else {
            return true;
        };
        self.revised[a]
            || graph.article_links[a].resolved != old.graph.article_links[o].resolved
            || (!self.relinked.is_empty()
                && model.facts[a]
                    .entities
                    .iter()
                    .any(|m| self.relinked.contains(&m.name)))
    }

    /// Same entities, in the same order, with the same counts and pages.
    fn same_entities(&self, new: &[(usize, usize)], old: &[(usize, usize)]) -> bool {
        new.len() == old.len()
            && new.iter().zip(old).all(|(&(e, count), &(oe, old_count))| {
                count == old_count && self.entity_old[e] == Some(oe) && !self.entity_changed[e]
            })
    }

    fn same_story(
        &self,
        new: Option<usize>,
        before: Option<usize>,
        graph: &Graph,
        old: &Rendered,
    ) -> bool {
        match (new, before) {
            (None, None) => true,
            (Some(s), Some(os)) => {
                self.story_old[s] == Some(os) && graph.stories[s].name == old.graph.stories[os].name
            }
            _ => false,
        }
    }

    /// Groups that are new, renamed, hold other articles, or hold an article `changed` marks.
    fn stale_groups(
        &self,
        groups: &[Group],
        map: &[Option<usize>],
        old: &[Group],
        changed: &[bool],
    ) -> Vec<bool> {
        groups
            .iter()
            .zip(map)
            .map(|(group, o)| {
                o.is_none_or(|o| {
                    old[o].name != group.name
                        || !self.same_articles(&group.articles, &old[o].articles)
                }) || group.articles.iter().any(|&a| changed[a])
            })
            .collect()
    }

    /// The new list names the same articles, in the same order, as the old one.
    fn same_articles(&self, new: &[usize], old: &[usize]) -> bool {
        new.len() == old.len()
            && new
                .iter()
                .zip(old)
                .all(|(&a, &o)| self.article_new[o] == Some(a))
    }

    fn any_changed(&self, articles: &[usize]) -> bool {
        articles.iter().any(|&a| self.changed[a])
    }

    fn any_card_changed(&self, articles: &[usize]) -> bool {
        articles.iter().any(|&a| self.card_changed[a])
    }

    /// The old job whose files `job` would write unchanged, if there is one.
    fn unchanged(
        &self,
        job: Job,
        model: &Model,
        graph: &Graph,
        timeline: &[Vec<usize>],
        old: &Rendered,
    ) -> Option<Job> {
        let counterpart = match job {
            Job::Article(a) => Job::Article(self.article_old[a]?),
            Job::Entity(e) => Job::Entity(self.entity_old[e]?),
            Job::Tag(t) => Job::Tag(self.tag_old[t]?),
            Job::Story(s) => Job::Story(self.story_old[s]?),
            Job::Day(d) => Job::Day(self.day_old[d]?),
            Job::Page(p) => Job::Page(self.page_old[p]?),
            other => other,
        };
        let stale = match (job, counterpart) {
            (Job::Article(a), Job::Article(o)) => self.article_stale(a, o, model, graph, old),
            (Job::Entity(e), Job::Entity(o)) => self.entity_stale(e, o, graph, old),
            (Job::Tag(t), _) => self.tag_stale[t],
            (Job::Story(s), _) => self.story_stale[s],
            (Job::Day(d), Job::Day(o)) => {
                let date = |days: &[link::Day], i: Option<usize>| {
                    i.and_then(|i| days.get(i)).map(|d| d.date)
                };
                self.notes_changed
                    || !self.same_articles(&graph.days[d].articles, &old.graph.days[o].articles)
                    || self.any_changed(&graph.days[d].articles)
                    || date(&graph.days, d.checked_sub(1))
                        != date(&old.graph.days, o.checked_sub(1))
                    || date(&graph.days, Some(d + 1)) != date(&old.graph.days, Some(o + 1))
            }
            (Job::Timeline(p), _) => {
                timeline.len() != old.timeline.len()
                    || timeline.get(p).is_none_or(|page| {
                        !self.same_articles(page, &old.timeline[p]) || self.any_card_changed(page)
                    })
            }
            (Job::Page(p), Job::Page(o)) => {
                self.pages_changed
                    || graph.page_links[p] != old.graph.page_links[o]
                    || graph.page_headings[p] != old.graph.page_headings[o]
            }
            (Job::Search | Job::NotFound, _) => false,
            _ if !self.graph_kept => self.content_changed,
            // With the graph kept, articles moved nowhere: only what they show changed.
            (Job::Front, _) => {
                let latest = graph.days.last().map_or(&[][..], |d| d.articles.as_slice());
                self.notes_changed
                    || self.any_changed(&graph.by_date[..graph.by_date.len().min(RECENT_COUNT)])
                    || self.any_changed(latest)
            }
            (Job::Feeds, _) => {
                let limit = model
                    .site
                    .config
                    .feed_length
                    .max(1)
                    .min(graph.by_date.len());
                self.any_changed(&graph.by_date[..limit])
            }
            (Job::Sitemap, _) => self.updated_changed,
            (Job::Data, _) => self.data_changed,
            (Job::Entities | Job::Tags | Job::Stories | Job::Briefings, _) => false,
            _ => self.content_changed,
        };
        (!stale).then_some(counterpart)
    }

    /// An article page shows the article, its entities, quotes, story, related articles
    /// and backlinks.
    fn article_stale(
        &self,
        a: usize,
        o: usize,
        model: &Model,
        graph: &Graph,
        old: &Rendered,
    ) -> bool {
        let (new, before) = (&graph.article_links[a], &old.graph.article_links[o]);
        self.changed[a]
            || !self.same_entities(&new.entities, &before.entities)
            || !self.same_story(new.story, before.story, graph, old)
            || new.story.is_some_and(|s| self.story_cards_stale[s])
            || !self.same_articles(&new.related, &before.related)
            || self.any_card_changed(&new.related)
            || !self.same_articles(&new.backlinks, &before.backlinks)
            || self.any_card_changed(&new.backlinks)
            || (!self.relinked.is_empty()
                && model.facts[a].quotes.iter().any(|q| {
                    q.speaker_entity
                        .as_ref()
                        .is_some_and(|n| self.relinked.contains(n))
                }))
    }

    /// An entity page (and feed) shows the entity, its articles, quotes and co-mentions.
    fn entity_stale(&self, e: usize, o: usize, graph: &Graph, old: &Rendered) -> bool {
        let (new, before) = (&graph.entities[e], &old.graph.entities[o]);
        self.entity_changed[e]
            || new.name != before.name
            || new.aliases != before.aliases
            || new.description != before.description
            || new.body != before.body
            || new.articles.len() != before.articles.len()
            || new
                .articles
                .iter()
                .zip(&before.articles)
                .any(|(&(a, count), &(oa, old_count))| {
                    count != old_count || self.article_new[oa] != Some(a) || self.card_changed[a]
                })
            // The feed carries the newest articles whole.
            || new
                .articles
                .iter()
                .take(self.feed_length)
                .any(|&(a, _)| self.changed[a])
            || new.quotes.len() != before.quotes.len()
            || new
                .quotes
                .iter()
                .zip(&before.quotes)
                .any(|(&(a, q), &(oa, oq))| {
                    q != oq
                        || self.article_new[oa] != Some(a)
                        || self.revised[a]
                        || self.card_changed[a]
                })
            || !self.same_entities(&new.co_mentions, &before.co_mentions)
    }
}

/// For each new group, the old group with the same slug (both lists are sorted by slug).
fn match_groups(new: &[Group], old: &[Group]) -> Vec<Option<usize>> {
    new.iter()
        .map(|g| old.binary_search_by(|o| o.slug.as_str().cmp(&g.slug)).ok())
        .collect()
}
