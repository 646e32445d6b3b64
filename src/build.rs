//! Runs the pipeline `load -> extract -> link -> render -> write` for the commands.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::extract::{self, ExtractOptions, Facts, Gazetteer, Input};
use crate::link::{self, Graph};
use crate::load::{self, Article, LoadOptions, Site};
use crate::render::{Job, Output, Renderer, highlight, theme};
use crate::write;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
}

/// Wall time of each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub load: Duration,
    pub extract: Duration,
    pub link: Duration,
    pub render: Duration,
    pub write: Duration,
    /// Of `render`: article cards, made once before the pages.
    pub prepare: Duration,
    /// CPU time of each kind of render job, summed over threads.
    pub render_jobs: std::collections::BTreeMap<&'static str, Duration>,
    /// Peak memory in MiB reached by the end of each phase, where the platform reports it:
    /// shows which phase sets the build's peak.
    pub peak_memory: Vec<(&'static str, u64)>,
}

/// The process's peak resident memory so far in MiB (Linux `/proc`), 0 where unknown.
pub fn peak_memory_mib() -> u64 {
    resource_usage().map_or(0, |(_, peak)| peak)
}

/// The process's CPU time (user + system) and peak resident memory in MiB, where the
/// platform reports them (Linux `/proc`).
pub fn resource_usage() -> Option<(Duration, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at `state`; utime and
    // stime are the 12th and 13th of those, in USER_HZ ticks (100 a second on Linux).
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((Duration::from_millis(ticks * 10), peak_kib / 1024))
}

/// A site taken through load, extract and link, with the problems found.
pub struct Analysed {
    pub site: Site,
    pub gazetteer: Gazetteer,
    pub facts: Vec<Facts>,
    pub graph: Graph,
    pub report: Report,
    pub timings: Timings,
}

/// Reads `site.yaml` with the command line's overrides applied.
pub fn config(options: &BuildOptions) -> Result<Config, Report> {
    let mut config = Config::load(&options.root).map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.clone();
    }
    if let Some(output) = &options.output {
        config.output = output.clone();
    }
    Ok(config)
}

/// The output folder: relative `--output` values are relative to the current folder,
/// `site.yaml`'s `output` to the site root.
pub fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match &options.output {
        Some(path) => write::absolute(path),
        None => write::absolute(&options.root.join(&config.output)),
    }
}

pub fn extract_options(config: &Config) -> ExtractOptions {
    ExtractOptions {
        discovery: config.discovery.enabled,
    }
}

pub fn extract_input(article: &Article) -> Input<'_> {
    Input {
        body: article.body(),
        first_line: article.body_line(),
        summary: article.front.summary.as_deref(),
        forced_entities: &article.front.entities,
        sources: &article.front.sources,
        not_entities: &article.front.not_entities,
    }
}

/// Extracts every article in parallel.
pub fn extract_all(site: &Site, gazetteer: &Gazetteer) -> Vec<Facts> {
    let options = extract_options(&site.config);
    site.articles
        .par_iter()
        .map(|a| extract::extract(&extract_input(a), gazetteer, &options))
        .collect()
}

/// Load, extract and link.
pub fn analyse(options: &BuildOptions) -> Result<Analysed, Report> {
    let config = config(options)?;
    let mut report = Report::default();
    let mut timings = Timings::default();

    let started = Instant::now();
    let (site, diagnostics) = load::load(
        &options.root,
        config,
        LoadOptions {
            drafts: options.drafts,
        },
    );
    report.extend(diagnostics);
    timings.load = started.elapsed();
    timings.peak_memory.push(("load", peak_memory_mib()));

    let started = Instant::now();
    let gazetteer = Gazetteer::new(&site.entities).ignoring(&site.ignored);
    let facts = extract_all(&site, &gazetteer);
    timings.extract = started.elapsed();
    timings.peak_memory.push(("extract", peak_memory_mib()));

    let started = Instant::now();
    let (graph, diagnostics) = link::link(&site, &facts);
    report.extend(diagnostics);
    timings.link = started.elapsed();
    timings.peak_memory.push(("link", peak_memory_mib()));

    Ok(Analysed {
        site,
        gazetteer,
        facts,
        graph,
        report,
        timings,
    })
}

/// Renders every page of an analysed site in batches, keeping only the problems found:
/// what `brief check` needs without holding the site's pages in memory.
pub fn render_problems(analysed: &Analysed, tera: &tera::Tera) -> Vec<Diagnostic> {
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
/// site is never held in memory whole.
const RENDER_BATCH: usize = 256;

/// What rendering into the staging folder did.
struct Rendered {
    html_pages: usize,
    diagnostics: Vec<Diagnostic>,
    render: Duration,
    write: Duration,
    prepare: Duration,
    render_jobs: std::collections::BTreeMap<&'static str, Duration>,
    peak_memory: Vec<(&'static str, u64)>,
}

/// Renders every page in batches, writing each batch into `staging` as it is done, then
/// the copied files (which replace rendered ones of the same path). Stops at the first
/// batch with errors.
fn render_into(analysed: &Analysed, tera: &tera::Tera, staging: &write::Staging) -> Rendered {
    let started = Instant::now();
    let renderer = Renderer::new(&analysed.site, &analysed.facts, &analysed.graph, tera);
    let mut done = Rendered {
        html_pages: 0,
        diagnostics: Vec::new(),
        render: Duration::ZERO,
        write: Duration::ZERO,
        prepare: started.elapsed(),
        render_jobs: Default::default(),
        peak_memory: Vec::new(),
    };
    // The search index and `data/site.json` each hold a large output and the working
    // memory that makes it, and both run in parallel inside: rendered alone, after the
    // pages, their peaks do not add up.
    let (whole_site, pages): (Vec<Job>, Vec<Job>) = renderer
        .all_jobs()
        .into_iter()
        .partition(|job| matches!(job, Job::SearchIndex | Job::Data));
    render_batches(&renderer, &pages, staging, &mut done);
    done.peak_memory.push(("pages", peak_memory_mib()));
    for job in whole_site {
        if failed(&done.diagnostics) {
            break;
        }
        let mut sink = staging.sink();
        if let Err(d) = renderer
            .render_into(job, &mut sink)
            .and_then(|()| sink.flush())
        {
            done.diagnostics.push(d);
        }
        done.peak_memory.push((job.label(), peak_memory_mib()));
    }
    let (mut statics, diagnostics) = static_outputs(&analysed.site);
    done.diagnostics.extend(diagnostics);
    keep_last_of_each_path(&mut statics);
    if !failed(&done.diagnostics) {
        write_timed(&statics, staging, &mut done);
    }
    done.render = started.elapsed() - done.write;
    done.render_jobs = renderer.job_times();
    done
}

fn failed(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Renders `jobs` a batch at a time, writing each batch before the next; stops at the
/// first batch with errors.
fn render_batches(
    renderer: &Renderer,
    jobs: &[Job],
    staging: &write::Staging,
    done: &mut Rendered,
) {
    for batch in jobs.chunks(RENDER_BATCH) {
        let (outputs, diagnostics) = renderer.render(batch);
        done.diagnostics.extend(diagnostics);
        if failed(&done.diagnostics) {
            return;
        }
        done.html_pages += outputs.iter().filter(|o| o.path.ends_with(".html")).count();
        write_timed(&outputs, staging, done);
    }
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
    match site_static_files(&site.root) {
        Ok(files) => outputs.extend(files),
        Err(d) => diagnostics.push(d),
    }
    (outputs, diagnostics)
}

fn site_static_files(root: &Path) -> Result<Vec<Output>, Diagnostic> {
    let dir = root.join("static");
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter() {
        let entry = entry.map_err(|e| Diagnostic::error("static", format!("cannot read: {e}")))?;
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
    pub output: PathBuf,
    pub warnings: Report,
    pub timings: Timings,
}

/// The whole pipeline. On any content error nothing is written and every error is returned.
pub fn build(options: &BuildOptions) -> Result<Built, Report> {
    let mut analysed = analyse(options)?;
    let output = output_dir(options, &analysed.site.config);
    if let Err(d) = write::check_output_dir(&options.root, &output) {
        analysed.report.push(d);
    }
    let tera = match theme::load_templates(&options.root) {
        Ok(tera) => Some(tera),
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
    let staging = write::Staging::begin(&output).map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    let rendered = render_into(&analysed, &tera, &staging);
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
    staging.commit().map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    analysed.timings.write += started.elapsed();
    analysed.report.sort();
    Ok(Built {
        articles: analysed.site.articles.len(),
        pages: rendered.html_pages,
        output,
        warnings: analysed.report,
        timings: analysed.timings,
    })
}
