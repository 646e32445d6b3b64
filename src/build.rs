//! `brief build`: the shared analysis (`pipeline`), then `render -> write` into a staging
//! folder that replaces the output only when every page was made.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cache::last_build::{self, LastBuild};
use crate::cache::{self, Cache, Reuse, pages::Pending};
use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::load::{self, Held, Site};
use crate::media;
use crate::model::PerArticle;
use crate::pipeline::{self, Analysis, BuildOptions, Texts, Timings, peak_memory_mib};
use crate::progress::Progress;
use crate::render::{Job, Output, Prepared, Renderer, Sink, highlight, theme};
use crate::write;

/// The output folder: relative `--output` values are relative to the current folder,
/// `site.yaml`'s `output` to the site root.
pub fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match &options.output {
        Some(path) => write::absolute(path),
        None => write::absolute(&options.root.join(&config.output)),
    }
}

/// Renders every page of an analysed site in batches, keeping only the problems found:
/// what `brief check` needs without holding the site's pages in memory.
pub fn render_problems(analysed: &Analysis, tera: &tera::Tera) -> Vec<Diagnostic> {
    let renderer = Renderer::new(&analysed.site, &analysed.facts, &analysed.graph, tera);
    let mut diagnostics: Vec<Diagnostic> = renderer
        .all_jobs()
        .chunks(RENDER_BATCH)
        .flat_map(|batch| renderer.render(batch).1)
        .collect();
    diagnostics.extend(static_outputs(&analysed.site).1);
    diagnostics
}

/// Later files replace earlier ones with the same path.
fn keep_last_of_each_path(outputs: &mut Vec<Output>) {
    let mut seen = std::collections::HashSet::new();
    outputs.reverse();
    outputs.retain(|o| seen.insert(o.path.clone()));
}

/// Jobs rendered between two writes: enough to keep both cores busy, few enough that the
/// site is never held in memory whole. An entity page at 100,000 articles is about 2 MB,
/// so a batch of 256 of them held half a gigabyte: with 256, a cold build of 100,000
/// articles peaked at 2,052 MiB, with 64 at 1,858 MiB, at the same CPU.
const RENDER_BATCH: usize = 64;

/// What rendering into the staging folder did.
struct Rendered {
    html_pages: usize,
    /// Pages linked from the output because the cache said they were unchanged.
    kept_pages: usize,
    all_pages: usize,
    /// What the cache keeps of this rendering, when there is a cache.
    learnt: Option<cache::Rendered>,
    diagnostics: Vec<Diagnostic>,
    render: Duration,
    write: Duration,
    prepare: Duration,
    render_jobs: std::collections::BTreeMap<&'static str, Duration>,
    peak_memory: Vec<(&'static str, u64)>,
}

/// The cache's share in one build: the cache, and each article's revision.
struct Cached<'c> {
    cache: &'c Cache,
    revisions: PerArticle<u64>,
}

/// Renders every page in batches, writing each batch into `staging` as it is done, then
/// the copied files (which replace rendered ones of the same path). Stops at the first
/// batch with errors. With a cache, the pages it says are unchanged are linked from the
/// output instead, and what the cache keeps of the others is learnt.
fn render_into(
    analysed: &Analysis,
    tera: &tera::Tera,
    staging: &write::Staging,
    cached: Option<Cached<'_>>,
    progress: &Progress,
) -> Rendered {
    let started = Instant::now();
    let (site, facts, graph) = (&analysed.site, &analysed.facts, &analysed.graph);
    let (prepared, keys) = match &cached {
        Some(c) => {
            let (prepared, keys) = cache::pages::prepare(c.cache, site, facts, graph, &c.revisions);
            (prepared, Some(keys))
        }
        None => (Prepared::cards(site, facts, graph), None),
    };
    let mut renderer = Renderer::with_prepared(site, facts, graph, tera, prepared);
    if let (Some(c), Some(keys)) = (&cached, &keys)
        && let Some(earlier) = cache::pages::earlier_entries(c.cache, keys, staging)
    {
        renderer.copy_entries_from(earlier);
    }
    if let Some(c) = &cached {
        renderer.recall_search_terms(c.cache.search_terms());
    }
    let mut done = Rendered {
        html_pages: 0,
        kept_pages: 0,
        all_pages: 0,
        learnt: None,
        diagnostics: Vec::new(),
        render: Duration::ZERO,
        write: Duration::ZERO,
        prepare: started.elapsed(),
        render_jobs: Default::default(),
        peak_memory: Vec::new(),
    };
    let jobs = renderer.all_jobs();
    done.all_pages = jobs.len();
    // A batch of pages counts once its files are written.
    progress.stage("pages written", Some(jobs.len()));
    let (kept, pending) = match &cached {
        Some(c) => {
            match cache::pages::keep_unchanged(&renderer, jobs, &c.revisions, c.cache, staging) {
                Ok(done) => done,
                Err(d) => {
                    done.diagnostics.push(d);
                    return done;
                }
            }
        }
        None => (
            Vec::new(),
            jobs.into_iter().map(|job| (job, String::new())).collect(),
        ),
    };
    done.kept_pages = kept.len();
    done.html_pages = kept
        .iter()
        .flat_map(|(_, record)| &record.files)
        .filter(|file| file.path.ends_with(".html"))
        .count();
    progress.advance(kept.len());
    // The search index and `data/site.json` each hold a large output and the working
    // memory that makes it, and both run in parallel inside: rendered alone, after the
    // pages, their peaks do not add up.
    let (whole_site, pages): (Vec<Pending>, Vec<Pending>) = pending
        .into_iter()
        .partition(|(job, _)| job.kind.streamed());
    let mut made = render_batches(&renderer, pages, staging, &mut done, progress);
    done.peak_memory.push(("pages", peak_memory_mib()));
    for (job, path) in whole_site {
        if failed(&done.diagnostics) {
            break;
        }
        let mut sink = Recording {
            sink: staging.sink(),
            paths: Vec::new(),
        };
        match renderer
            .render_into(job, &mut sink)
            .and_then(|()| sink.sink.flush())
        {
            Ok(()) => made.push((job, path, sink.paths)),
            Err(d) => done.diagnostics.push(d),
        }
        progress.advance(1);
        done.peak_memory.push((job.label(), peak_memory_mib()));
    }
    let (mut statics, diagnostics) = static_outputs(site);
    done.diagnostics.extend(diagnostics);
    keep_last_of_each_path(&mut statics);
    if !failed(&done.diagnostics) {
        write_timed(&statics, staging, &mut done);
    }
    done.render_jobs = renderer.job_times();
    if let (Some(c), Some(keys)) = (cached, keys) {
        if !failed(&done.diagnostics) {
            let entry_ranges = renderer.entry_ranges();
            let search_terms = renderer.search_terms();
            let prepared = renderer.into_prepared();
            let hashes = prepared.hashes.clone();
            let renderer = Renderer::with_prepared(site, facts, graph, tera, prepared);
            let outcome = cache::pages::Outcome {
                kept,
                made,
                files: &staging.files(),
                entry_ranges,
                search_terms,
            };
            done.learnt = Some(cache::pages::learnt(
                c.cache,
                &renderer,
                &c.revisions,
                &keys,
                &hashes,
                outcome,
            ));
        }
    }
    done.render = started.elapsed() - done.write;
    done
}

/// A sink that notes the paths of the files it is given.
struct Recording<'s> {
    sink: write::StagingSink<'s>,
    paths: Vec<String>,
}

impl Sink for Recording<'_> {
    fn file(&mut self, output: Output) -> Result<(), Diagnostic> {
        self.paths.push(output.path.clone());
        self.sink.file(output)
    }

    fn piece(&mut self, path: &str, piece: &[u8]) -> Result<(), Diagnostic> {
        if self.paths.last().is_none_or(|last| last != path) {
            self.paths.push(path.to_string());
        }
        self.sink.piece(path, piece)
    }
}

fn failed(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Renders `jobs` a batch at a time, writing each batch before the next; stops at the
/// first batch with errors. Gives each job made with the paths of its files.
fn render_batches(
    renderer: &Renderer,
    jobs: Vec<Pending>,
    staging: &write::Staging,
    done: &mut Rendered,
    progress: &Progress,
) -> Vec<(Job, String, Vec<String>)> {
    let mut made = Vec::with_capacity(jobs.len());
    for batch in jobs.chunks(RENDER_BATCH) {
        let runs: Vec<Job> = batch.iter().map(|(job, _)| *job).collect();
        let mut outputs = Vec::new();
        for ((job, path), result) in batch.iter().zip(renderer.render_each(&runs)) {
            match result {
                Ok(files) => {
                    made.push((
                        *job,
                        path.clone(),
                        files.iter().map(|f| f.path.clone()).collect(),
                    ));
                    outputs.extend(files);
                }
                Err(d) => done.diagnostics.push(d),
            }
        }
        if failed(&done.diagnostics) {
            return made;
        }
        done.html_pages += outputs.iter().filter(|o| o.path.ends_with(".html")).count();
        write_timed(&outputs, staging, done);
        progress.advance(batch.len());
    }
    made
}

fn write_timed(files: &[Output], staging: &write::Staging, done: &mut Rendered) {
    let started = Instant::now();
    if let Err(d) = staging.add(files) {
        done.diagnostics.push(d);
    }
    done.write += started.elapsed();
}

/// The files copied rather than rendered, each replacing rendered pages and earlier files
/// of the same path: the theme's static files, the highlighting stylesheet, then the
/// site's own static files.
pub fn static_outputs(site: &Site) -> (Vec<Output>, Vec<Diagnostic>) {
    let mut outputs: Vec<Output> = theme::default_static_files()
        .into_iter()
        .map(|(p, c)| Output::new(p, c))
        .collect();
    let mut diagnostics = Vec::new();
    match highlight::stylesheet(&site.config.markdown.highlight_theme) {
        Ok(css) => outputs.push(Output::new("syntax.css", css)),
        Err(message) => diagnostics.push(Diagnostic::error("site.yaml", message)),
    }
    match site_static_files(&site.root, &mut diagnostics) {
        Ok(files) => outputs.extend(files),
        Err(d) => diagnostics.push(d),
    }
    (outputs, diagnostics)
}

/// The files under `static/`; a symbolic link there is a warning, in `warnings`.
fn site_static_files(
    root: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Output>, Diagnostic> {
    let dir = root.join("static");
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in crate::load::walk::in_order(walkdir::WalkDir::new(&dir)) {
        let entry = entry.map_err(|e| Diagnostic::error("static", format!("cannot read: {e}")))?;
        if entry.depth() > 0 && entry.path_is_symlink() {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            warnings.push(crate::load::skipped_link(relative));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let content = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(entry.path(), format!("cannot read: {e}")))?;
        files.push(Output::new(
            relative.to_string_lossy().replace('\\', "/"),
            content,
        ));
    }
    Ok(files)
}

/// What a successful build did.
pub struct Built {
    pub articles: usize,
    pub pages: usize,
    /// What came from the build cache; none when the build ran without one.
    pub reused: Option<Reuse>,
    /// Why the build cache was not used or not saved, if it was not.
    pub cache_notes: Vec<String>,
    /// Articles the schedule left out, with why.
    pub held_back: Vec<(PathBuf, Held)>,
    pub output: PathBuf,
    pub warnings: Report,
    pub timings: Timings,
}

/// The build cache folder for `options`: `--cache-dir`, else `.brief-cache/` in the site.
pub fn cache_dir(options: &BuildOptions, given: Option<&Path>) -> PathBuf {
    match given {
        Some(dir) => write::absolute(dir),
        None => write::absolute(&options.root.join(cache::CACHE_DIR)),
    }
}

/// Counts the files read and articles extracted for the progress bar, recalling nothing.
struct Counting<'p>(&'p Progress);

impl load::Recall for Counting<'_> {
    fn front(&self, _key: u128) -> Option<load::FrontMatter> {
        None
    }

    fn read(&self) {
        self.0.advance(1);
    }
}

impl pipeline::Recall for Counting<'_> {
    fn extracting(&mut self, site: &Site, _gazetteer: &crate::extract::Gazetteer) {
        self.0
            .stage("articles extracted", Some(site.articles.len()));
    }

    fn facts(&self, _article: &load::Article) -> Option<crate::extract::Facts> {
        None
    }

    fn extracted(&self) {
        self.0.advance(1);
    }
}

/// The whole pipeline. On any content error nothing is written and every error is returned.
/// With a cache folder, what the last build left there is used and replaced.
pub fn build(
    options: &BuildOptions,
    cache_dir: Option<&Path>,
    progress: &Progress,
) -> Result<Built, Report> {
    let mut inputs = match cache_dir {
        Some(dir) => {
            let config = pipeline::settings(options)?;
            let output = output_dir(options, &config);
            let inputs = last_build::inputs(options, &output);
            if let Some(built) = inputs
                .as_ref()
                .and_then(|i| unchanged(options, dir, i.hash, &output))
            {
                return Ok(built);
            }
            LastBuild::forget(dir);
            inputs
        }
        None => None,
    };
    progress.stage("files read", None);
    let opened = Instant::now();
    let mut cache = cache_dir.map(|dir| Cache::open(dir, progress.clone()));
    if let (Some(cache), Some(inputs)) = (&mut cache, &mut inputs) {
        cache.use_stamps(std::mem::take(&mut inputs.stamps));
    }
    if cache.as_ref().is_some_and(Cache::holds_earlier_build) {
        crate::allocator::keep_freed_memory();
    }
    let cache_read = opened.elapsed();
    let mut analysed = match &mut cache {
        Some(cache) => pipeline::analyse_recalling(options, cache, Texts::Needed)?,
        None => pipeline::analyse_recalling(options, &mut Counting(progress), Texts::Needed)?,
    };
    analysed.timings.cache_read = cache_read;
    if let Some(cache) = &mut cache {
        cache.forget_stamps();
    }
    let output = output_dir(options, &analysed.site.config);
    let times = cache_dir.map(cache::output_times::read).unwrap_or_default();
    let target = match write::check_output_dir(&options.root, &output, &times) {
        Ok(target) => target,
        Err(d) => {
            analysed.report.push(d);
            output.clone()
        }
    };
    // Kept until the output is written: resized images are read from it.
    let copies = match media::Copies::for_build(cache_dir) {
        Ok(copies) => copies,
        Err(d) => {
            return Err(Report {
                diagnostics: vec![d],
            });
        }
    };
    let tera = match theme::load_templates(&options.root) {
        Ok(mut theme) => {
            analysed.report.extend(theme.warnings);
            let started = Instant::now();
            let problems = media::attach(&mut analysed.site, &mut theme.tera, copies.mode());
            analysed.report.extend(problems);
            analysed.timings.media = started.elapsed();
            Some(theme.tera)
        }
        Err(diagnostics) => {
            analysed.report.extend(diagnostics);
            None
        }
    };
    if analysed.report.has_errors() {
        analysed.report.sort();
        return Err(analysed.report);
    }
    let Some(tera) = tera else {
        return Err(analysed.report);
    };
    // Held whole through rendering, the texts would be the largest part of a large
    // build's memory.
    analysed.site.release_texts();
    let base_url = analysed.site.config.base_url.as_written();
    let staging =
        write::Staging::begin(&target, base_url, cache.is_some()).map_err(|d| Report {
            diagnostics: vec![d],
        })?;
    let cached = cache.as_mut().map(|c| {
        let key = cache::render_key(&analysed.site, options, c);
        c.rendering(key);
        Cached {
            revisions: c.revisions(&analysed.site),
            cache: c,
        }
    });
    let mut rendered = render_into(&analysed, &tera, &staging, cached, progress);
    analysed.report.extend(rendered.diagnostics);
    analysed.timings.render = rendered.render;
    analysed.timings.write = rendered.write;
    analysed.timings.prepare = rendered.prepare;
    analysed.timings.render_jobs = rendered.render_jobs;
    analysed.timings.peak_memory.extend(rendered.peak_memory);
    if analysed.report.has_errors() {
        analysed.report.sort();
        return Err(analysed.report);
    }
    let started = Instant::now();
    progress.step("site put in place");
    if let Some(dir) = cache_dir {
        cache::output_times::forget(dir);
    }
    let committed = staging.commit(&times).map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    if let Some(dir) = cache_dir {
        cache::output_times::save(dir, committed.times, times);
    }
    analysed.report.extend(committed.warnings);
    let mut cache_notes = Vec::new();
    let reused = cache.map(|cache| {
        let reuse = Reuse {
            articles: cache.recalled(),
            pages: rendered.kept_pages,
            all_pages: rendered.all_pages,
        };
        cache_notes.extend(cache.notes.iter().cloned());
        let learnt = rendered.learnt.take().unwrap_or_default();
        let saving = Instant::now();
        if let Err(why) = cache.save(
            &analysed.site,
            &analysed.facts,
            (&analysed.graph, &analysed.graph_record),
            learnt,
        ) {
            cache_notes.push(why);
        }
        analysed.timings.cache_save = saving.elapsed();
        reuse
    });
    analysed.timings.write += started.elapsed();
    analysed.report.sort();
    let built = Built {
        articles: analysed.site.articles.len(),
        pages: rendered.html_pages,
        reused,
        cache_notes,
        held_back: std::mem::take(&mut analysed.site.held_back),
        output,
        warnings: analysed.report,
        timings: analysed.timings,
    };
    // A build with warnings is done again, so that they are said again.
    let clean = built.warnings.diagnostics.is_empty() && built.cache_notes.is_empty();
    if let (Some(dir), Some(inputs), Some(reused)) = (cache_dir, inputs, built.reused)
        && clean
        && let Some(marker) = write::marker_hash(&target)
    {
        let last = LastBuild::new(
            inputs.hash,
            options,
            analysed.site.schedule_turns_at,
            marker,
            last_build::Counts {
                articles: built.articles,
                pages: built.pages,
                all_pages: reused.all_pages,
            },
            &built.held_back,
        );
        // Without it the next build only does the work again.
        let _ = last.save(dir);
    }
    // Freeing every article's facts and the graph costs a tenth of a small rebuild; a
    // process that ends next need not wait for it.
    let analysis = (
        analysed.site,
        analysed.facts,
        analysed.graph,
        analysed.gazetteer,
    );
    std::thread::spawn(move || drop(analysis));
    Ok(built)
}

/// What the last build made, when this one would write exactly that again: the same
/// inputs and schedule (see `cache::last_build`) and an output folder as it was left.
fn unchanged(options: &BuildOptions, dir: &Path, inputs: u64, output: &Path) -> Option<Built> {
    let last = LastBuild::same(dir, inputs, options)?;
    let times = cache::output_times::read(dir);
    let target = write::check_output_dir(&options.root, output, &times).ok()?;
    if !write::intact(&target, last.marker) {
        return None;
    }
    // A folder that cannot be cleared is reported by a build that does the work.
    write::clear_killed_builds(&target).ok()?;
    Some(Built {
        articles: last.articles,
        pages: last.pages,
        reused: Some(Reuse {
            articles: last.articles,
            pages: last.all_pages,
            all_pages: last.all_pages,
        }),
        cache_notes: Vec::new(),
        held_back: last.held_back(),
        output: output.to_path_buf(),
        warnings: Report::default(),
        timings: Timings::default(),
    })
}
