//! What each command prints and its exit code; `main.rs` only parses arguments.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

use crate::build;
use crate::cache::Reuse;
use crate::diag::{Diagnostic, Report};
use crate::extract::KindVotes;
use crate::load::{EntityKind, Held};
use crate::media;
use crate::model::BaseUrl;
use crate::pipeline::{self, BuildOptions};
use crate::progress::Progress;
pub use crate::scaffold::NewArticle;
use crate::{check, render, scaffold};
pub use extract::extract;

mod extract;

/// Exit code for content errors (usage errors exit 2, from clap).
pub const CONTENT_ERROR: u8 = 1;

pub fn print_report(report: &Report) {
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}\n");
    }
}

/// Prints every diagnostic of a failed build, then the count of errors.
pub fn print_failure(report: &Report) {
    print_report(report);
    let errors = report.error_count();
    eprintln!(
        "Build failed: {errors} error{}.",
        if errors == 1 { "" } else { "s" }
    );
}

fn fail(report: &Report) -> ExitCode {
    print_failure(report);
    ExitCode::from(CONTENT_ERROR)
}

/// `brief build`; `cache` is the build cache folder, none for `--no-cache`.
pub fn build(options: &BuildOptions, cache: Option<&Path>, timings: bool, quiet: bool) -> ExitCode {
    let started = Instant::now();
    let progress = match quiet {
        true => Progress::hidden(),
        false => Progress::on_terminal(),
    };
    let built = build::build(options, cache, &progress);
    progress.finish();
    match built {
        Ok(built) => {
            print_report(&built.warnings);
            if !quiet {
                for note in &built.cache_notes {
                    eprintln!("note: {note}");
                }
            }
            let shown = std::env::current_dir()
                .ok()
                .and_then(|cwd| built.output.strip_prefix(cwd).ok().map(Path::to_path_buf))
                .unwrap_or(built.output.clone());
            if timings {
                let t = &built.timings;
                eprintln!(
                    "load {:>7.1} ms\nextract {:>4.1} ms\nlink {:>7.1} ms\nmedia {:>6.1} ms\nrender {:>5.1} ms\nwrite {:>6.1} ms",
                    ms(t.load),
                    ms(t.extract),
                    ms(t.link),
                    ms(t.media),
                    ms(t.render),
                    ms(t.write)
                );
                eprintln!(
                    "  load: {} of {} article files not read (unchanged by size and times)",
                    t.unread, built.articles
                );
                if t.graph_kept {
                    eprintln!("  link: the site graph of the last build, kept");
                }
                eprintln!(
                    "  cache: read {:.1} ms before loading, saved {:.1} ms (in write)",
                    ms(t.cache_read),
                    ms(t.cache_save)
                );
                eprintln!("  render: prepare {:.1} ms wall", ms(t.prepare));
                for (label, cpu) in &t.render_jobs {
                    eprintln!("  render: {label} {:.1} ms CPU", ms(*cpu));
                }
                for (phase, peak) in t.peak_memory.iter().filter(|(_, peak)| *peak > 0) {
                    eprintln!("  peak memory after {phase}: {peak} MiB");
                }
                if let Some((cpu, peak)) = pipeline::resource_usage() {
                    eprintln!(
                        "cpu {:>8.1} ms
peak memory {peak} MiB",
                        ms(cpu)
                    );
                }
            }
            if quiet {
                return ExitCode::SUCCESS;
            }
            println!(
                "Built {} articles ({} pages) in {} ms → {}/{}{}",
                built.articles,
                built.pages,
                started.elapsed().as_millis(),
                shown.display(),
                held_back_note(&built.held_back),
                reuse_note(built.articles, built.reused)
            );
            ExitCode::SUCCESS
        }
        Err(report) => fail(&report),
    }
}

/// What the build took from its cache: "; from the cache: 9,999 of 10,000 articles, 14,790
/// of 14,820 pages", "; cache not used" for `--no-cache`, or nothing when nothing came
/// from it.
fn reuse_note(articles: usize, reused: Option<Reuse>) -> String {
    let Some(reused) = reused else {
        return "; cache not used".into();
    };
    if reused.articles == 0 && reused.pages == 0 {
        return "; everything made anew".into();
    }
    let rest = match reused.articles == articles && reused.pages == reused.all_pages {
        true => "nothing changed",
        false => "the rest made anew",
    };
    format!(
        "; from the cache: {} of {articles} articles, {} of {} pages ({rest})",
        reused.articles, reused.pages, reused.all_pages
    )
}

/// "; held back: 2 scheduled (--future), 1 expired (--expired)", or nothing.
fn held_back_note(held: &[(PathBuf, Held)]) -> String {
    let count = |which: Held| held.iter().filter(|(_, h)| *h == which).count();
    let parts: Vec<String> = [
        (count(Held::Scheduled), "scheduled", "--future"),
        (count(Held::Expired), "expired", "--expired"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, what, flag)| format!("{n} {what} ({flag} builds them)"))
    .collect();
    match parts.is_empty() {
        true => String::new(),
        false => format!("; held back: {}", parts.join(", ")),
    }
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A discovered entity the editor may want to add to the gazetteer or ignore: the kind
/// its votes give, the votes themselves, and the articles it was found in.
#[derive(Serialize)]
struct Suggestion {
    name: String,
    kind: EntityKind,
    /// Evidence for each kind, summed over the articles.
    votes: BTreeMap<&'static str, u32>,
    /// How many articles it was found in, and their files.
    articles: usize,
    files: Vec<PathBuf>,
    /// Whether it gets a page (it is found in at least `discovery.min_articles` articles).
    page: bool,
}

/// Every discovered name of the site, most articles first.
fn suggestions(analysed: &pipeline::Analysis) -> Vec<Suggestion> {
    let mut found: BTreeMap<&str, (KindVotes, Vec<PathBuf>)> = BTreeMap::new();
    for (article, facts) in analysed.site.articles.iter().zip(&analysed.facts) {
        for mention in facts.entities.iter().filter(|m| !m.known) {
            let (votes, files) = found.entry(&mention.name).or_default();
            votes.add(&mention.kind_votes);
            files.push(article.path.clone());
        }
    }
    let graph = &analysed.graph;
    let mut list: Vec<Suggestion> = found
        .into_iter()
        .map(|(name, (votes, files))| Suggestion {
            name: name.to_string(),
            kind: votes.winner(),
            votes: EntityKind::ALL
                .iter()
                .map(|&k| (k.as_str(), votes.0[KindVotes::slot(k)]))
                .collect(),
            articles: files.len(),
            page: graph.entity_by_name.contains_key(name),
            files,
        })
        .collect();
    list.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    list
}

#[derive(Serialize)]
struct CheckResult<'a> {
    ok: bool,
    errors: usize,
    diagnostics: &'a [Diagnostic],
    suggestions: Vec<Suggestion>,
}

pub fn check(options: &BuildOptions, json: bool, quiet: bool) -> ExitCode {
    let mut analysed = match pipeline::analyse(options) {
        Ok(a) => a,
        Err(report) => return fail(&report),
    };
    match render::theme::load_templates(&options.root) {
        Ok(mut theme) => {
            analysed.report.extend(theme.warnings);
            let problems = media::attach(&mut analysed.site, &mut theme.tera, media::Mode::Measure);
            analysed.report.extend(problems);
            if !analysed.report.has_errors() {
                let problems = build::render_problems(&analysed, &theme.tera);
                analysed.report.extend(problems);
            }
        }
        Err(diagnostics) => analysed.report.extend(diagnostics),
    }
    analysed.report.sort();
    let suggestions = suggestions(&analysed);
    let report = &analysed.report;
    if json {
        let result = CheckResult {
            ok: !report.has_errors(),
            errors: report.error_count(),
            diagnostics: &report.diagnostics,
            suggestions,
        };
        let written = emit(&(serde_json::to_string_pretty(&result).unwrap_or_default() + "\n"));
        if written != ExitCode::SUCCESS {
            return written;
        }
    } else {
        print_report(report);
        if !suggestions.is_empty() && !quiet {
            println!(
                "Entities found in the text but not in the gazetteer (add them to content/entities/ to describe them):"
            );
            for s in &suggestions {
                let votes: Vec<String> = s
                    .votes
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(kind, n)| format!("{kind} {n}"))
                    .collect();
                let shown: Vec<String> = s
                    .files
                    .iter()
                    .take(3)
                    .map(|f| f.display().to_string())
                    .collect();
                let more = s.files.len().saturating_sub(shown.len());
                println!(
                    "  {:<40} {:<13} {} article{}{} (votes: {}) in {}{}",
                    s.name,
                    s.kind.as_str(),
                    s.articles,
                    if s.articles == 1 { "" } else { "s" },
                    if s.page { "" } else { ", no page" },
                    if votes.is_empty() {
                        "none".to_string()
                    } else {
                        votes.join(", ")
                    },
                    shown.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    },
                );
            }
        }
        let errors = report.error_count();
        if quiet {
            return exit_code(report);
        }
        println!(
            "Checked {} articles: {} error{}, {} warning{}.",
            analysed.site.articles.len(),
            errors,
            if errors == 1 { "" } else { "s" },
            report.diagnostics.len() - errors,
            if report.diagnostics.len() - errors == 1 {
                ""
            } else {
                "s"
            },
        );
    }
    exit_code(report)
}

fn exit_code(report: &Report) -> ExitCode {
    if report.has_errors() {
        ExitCode::from(CONTENT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

/// `brief check --output DIR`: the built site's links, as served from the base URL it was
/// built for (recorded in its marker file), or from `--base-url` when given; a base URL
/// other than the recorded one is said first, once.
pub fn check_output(
    options: &BuildOptions,
    output: &Path,
    external: bool,
    explicit_base: bool,
    quiet: bool,
) -> ExitCode {
    let recorded = crate::write::built_base_url(output).and_then(|b| BaseUrl::parse(&b).ok());
    let base_url = match (explicit_base, recorded) {
        (false, Some(recorded)) => recorded,
        (_, recorded) => match pipeline::settings(options) {
            Ok(config) => {
                if let Some(recorded) =
                    recorded.filter(|r| r.absolute() != config.base_url.absolute())
                {
                    eprintln!(
                        "note: {} was built for the base URL {}; checking it as served from {} instead.",
                        output.display(),
                        recorded.as_written(),
                        config.base_url.as_written()
                    );
                }
                config.base_url
            }
            Err(report) => {
                print_report(&report);
                return ExitCode::from(CONTENT_ERROR);
            }
        },
    };
    print_link_check(output, &base_url, external, quiet)
}

/// Writes a command's output to standard output. A reader that closes the pipe early
/// (`brief extract --json | head`) already has what it wanted, so that ends the command
/// quietly instead of as a failure; any other write error is reported.
pub(crate) fn emit(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match write!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write the output: {e}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

pub fn init(dir: &Path, example: bool) -> ExitCode {
    match scaffold::init(dir, example) {
        Ok(files) => {
            let kind = if example {
                "the example site"
            } else {
                "a new site"
            };
            println!(
                "Created {kind} in {} ({} files).",
                dir.display(),
                files.len()
            );
            println!("Next: cd {} && brief serve", dir.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

pub fn new(root: &Path, article: &NewArticle) -> ExitCode {
    let today = jiff::ZonedDateTime::now().date();
    match scaffold::new_article(root, article, today) {
        Ok(path) => {
            println!("{}", root.join(&path).display());
            eprintln!("Created a draft: set `draft: false` to publish it.");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

/// The site folder for a command given no `--root`: the nearest folder with a `site.yaml`,
/// from the current folder up, as git finds `.git`.
pub fn find_site() -> Result<PathBuf, String> {
    let here =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    here.ancestors()
        .find(|dir| dir.join("site.yaml").is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            "no site.yaml in this folder or above — run `brief init` to make a site, or give --root"
                .to_string()
        })
}

fn print_link_check(output: &Path, base_url: &BaseUrl, external: bool, quiet: bool) -> ExitCode {
    let report = match check::check_output(output, base_url) {
        Ok(report) => report,
        Err(diagnostic) => {
            eprintln!("{diagnostic}");
            return ExitCode::from(CONTENT_ERROR);
        }
    };
    // Most links broken means the site was built for another base URL: one line that says
    // so is worth more than a thousand broken links.
    let wrong_base = report.broken.len() * 2 > report.internal_links;
    if wrong_base {
        eprintln!(
            "error: {} of {} internal links do not resolve as served from {}: was the site \
             built for another base URL? Check it with the one it was built for (--base-url).",
            report.broken.len(),
            report.internal_links,
            base_url.decoded_path()
        );
    } else {
        for broken in &report.broken {
            eprintln!("{}\n", broken.to_diagnostic(output));
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut summary = format!(
        "Checked {} served from {}: {}, {} broken; {} not fetched",
        plural(report.html_files, "HTML file"),
        base_url.decoded_path(),
        plural(report.internal_links, "internal link"),
        report.broken.len(),
        plural(report.external.len(), "external link"),
    );
    if external {
        let urls: String = report
            .external
            .iter()
            .map(|url| format!("{url}\n"))
            .collect();
        let written = emit(&urls);
        if written != ExitCode::SUCCESS {
            return written;
        }
        eprintln!("{summary}.");
    } else {
        if !report.external.is_empty() {
            summary.push_str(" (list them with --external)");
        }
        if !quiet {
            println!("{summary}.");
        }
    }
    if !base_url.has_origin() && !quiet {
        eprintln!(
            "warning: base_url \"{base_url}\" has no scheme and host, so canonical links, \
             feeds and the sitemap point at http://localhost; set base_url in site.yaml \
             (or --base-url) to the address the site is published at before uploading it."
        );
    }
    if report.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CONTENT_ERROR)
    }
}

/// `brief theme eject [NAME]`: the built-in templates, copied into the site to edit.
pub fn eject(root: &Path, name: Option<&str>) -> ExitCode {
    match render::theme::eject(root, name) {
        Ok(written) => {
            for path in &written {
                println!("Wrote {}", path.display());
            }
            println!(
                "Edit them in place; a template you leave unchanged can be deleted to follow Brief's own."
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

/// `brief import`: converts, then prints what was written, what changed, what needs a
/// person and what could not be imported.
pub fn import(from: crate::import::Generator, source: &Path, dest: &Path) -> ExitCode {
    let imported = crate::import::import(from, source, dest);
    for (from_file, article, changes) in &imported.articles {
        let changes = match changes.is_empty() {
            true => String::new(),
            false => format!(": {}", changes.join("; ")),
        };
        println!("{} → {}{changes}", from_file.display(), article.display());
    }
    println!(
        "Imported {} article{} into {} and copied {} image{}.",
        imported.articles.len(),
        if imported.articles.len() == 1 {
            ""
        } else {
            "s"
        },
        dest.join("content/articles").display(),
        imported.images.len(),
        if imported.images.len() == 1 { "" } else { "s" },
    );
    if imported.wrote_config {
        println!("Wrote a minimal site.yaml: set its title and base_url.");
    }
    if !imported.needs.is_empty() {
        println!("\nNeeds a person:");
        for (place, need) in &imported.needs {
            println!("  {place}: {need}");
        }
    }
    if !imported.skipped.is_empty() {
        println!("\nNot imported:");
        for (path, why) in &imported.skipped {
            println!("  {}: {why}", path.display());
        }
    }
    let report = Report {
        diagnostics: imported.problems,
    };
    print_report(&report);
    exit_code(&report)
}
