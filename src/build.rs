//! `brief build`: the shared analysis (`pipeline`), then `render -> write` into a staging
//! folder that replaces the output only when every page was made.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::load::{Held, Site};
use crate::media;
use crate::pipeline::{self, Analysis, BuildOptions, Timings, peak_memory_mib};
use crate::render::{Job, Output, Renderer, highlight, theme};
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
fn render_into(analysed: &Analysis, tera: &tera::Tera, staging: &write::Staging) -> Rendered {
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
        .partition(|job| job.kind.streamed());
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
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter() {
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
    /// Articles the schedule left out, with why.
    pub held_back: Vec<(PathBuf, Held)>,
    pub output: PathBuf,
    pub warnings: Report,
    pub timings: Timings,
}

/// The whole pipeline. On any content error nothing is written and every error is returned.
pub fn build(options: &BuildOptions) -> Result<Built, Report> {
    let mut analysed = pipeline::analyse(options)?;
    let output = output_dir(options, &analysed.site.config);
    let target = match write::check_output_dir(&options.root, &output) {
        Ok(target) => target,
        Err(d) => {
            analysed.report.push(d);
            output.clone()
        }
    };
    let tera = match theme::load_templates(&options.root) {
        Ok(mut theme) => {
            analysed.report.extend(theme.warnings);
            let started = Instant::now();
            let problems = media::attach(&mut analysed.site, &mut theme.tera, media::Mode::Resize);
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
    let base_url = analysed.site.config.base_url.as_written();
    let staging = write::Staging::begin(&target, base_url).map_err(|d| Report {
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
    let warnings = staging.commit().map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    analysed.report.extend(warnings);
    analysed.timings.write += started.elapsed();
    analysed.report.sort();
    Ok(Built {
        articles: analysed.site.articles.len(),
        pages: rendered.html_pages,
        held_back: std::mem::take(&mut analysed.site.held_back),
        output,
        warnings: analysed.report,
        timings: analysed.timings,
    })
}
