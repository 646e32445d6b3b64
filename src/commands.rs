//! What each command prints and its exit code; `main.rs` only parses arguments.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Report};
use crate::extract::{self, Facts, Gazetteer};
use crate::load::{self, ContentKind, EntityKind, LoadOptions, Loaded};
use crate::{render, scaffold};

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

pub fn build(options: &BuildOptions, timings: bool) -> ExitCode {
    let started = Instant::now();
    let progress = std::io::stderr().is_terminal();
    if progress {
        eprint!("Building {} …\r", options.root.display());
    }
    match build::build(options) {
        Ok(built) => {
            print_report(&built.warnings);
            let shown = std::env::current_dir()
                .ok()
                .and_then(|cwd| built.output.strip_prefix(cwd).ok().map(Path::to_path_buf))
                .unwrap_or(built.output.clone());
            if timings {
                let t = &built.timings;
                eprintln!(
                    "load {:>7.1} ms\nextract {:>4.1} ms\nlink {:>7.1} ms\nrender {:>5.1} ms\nwrite {:>6.1} ms",
                    ms(t.load),
                    ms(t.extract),
                    ms(t.link),
                    ms(t.render),
                    ms(t.write)
                );
                eprintln!("  render: prepare {:.1} ms wall", ms(t.prepare));
                for (label, cpu) in &t.render_jobs {
                    eprintln!("  render: {label} {:.1} ms CPU", ms(*cpu));
                }
                for (phase, peak) in t.peak_memory.iter().filter(|(_, peak)| *peak > 0) {
                    eprintln!("  peak memory after {phase}: {peak} MiB");
                }
                if let Some((cpu, peak)) = build::resource_usage() {
                    eprintln!(
                        "cpu {:>8.1} ms
peak memory {peak} MiB",
                        ms(cpu)
                    );
                }
            }
            println!(
                "Built {} articles ({} pages) in {} ms → {}/",
                built.articles,
                built.pages,
                started.elapsed().as_millis(),
                shown.display()
            );
            ExitCode::SUCCESS
        }
        Err(report) => fail(&report),
    }
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A discovered entity the editor may want to add to the gazetteer.
#[derive(Serialize)]
struct Suggestion {
    name: String,
    kind: EntityKind,
    articles: usize,
}

#[derive(Serialize)]
struct CheckResult<'a> {
    ok: bool,
    errors: usize,
    diagnostics: &'a [Diagnostic],
    suggestions: Vec<Suggestion>,
}

pub fn check(options: &BuildOptions, json: bool) -> ExitCode {
    let mut analysed = match build::analyse(options) {
        Ok(a) => a,
        Err(report) => return fail(&report),
    };
    match render::theme::load_templates(&options.root) {
        Ok(tera) if !analysed.report.has_errors() => {
            let problems = build::render_problems(&analysed, &tera);
            analysed.report.extend(problems);
        }
        Ok(_) => {}
        Err(diagnostics) => analysed.report.extend(diagnostics),
    }
    analysed.report.sort();
    let mut suggestions: Vec<Suggestion> = analysed
        .graph
        .entities
        .iter()
        .filter(|e| !e.known)
        .map(|e| Suggestion {
            name: e.name.clone(),
            kind: e.kind,
            articles: e.articles.len(),
        })
        .collect();
    suggestions.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    let report = &analysed.report;
    if json {
        let result = CheckResult {
            ok: !report.has_errors(),
            errors: report.error_count(),
            diagnostics: &report.diagnostics,
            suggestions,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&result).unwrap_or_default()
        );
    } else {
        print_report(report);
        if !suggestions.is_empty() {
            println!(
                "Entities found in the text but not in the gazetteer (add them to content/entities/ to describe them):"
            );
            for s in &suggestions {
                println!(
                    "  {:<40} {:<13} {} article{}",
                    s.name,
                    s.kind.as_str(),
                    s.articles,
                    if s.articles == 1 { "" } else { "s" }
                );
            }
        }
        let errors = report.error_count();
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
    if report.has_errors() {
        ExitCode::from(CONTENT_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

/// `brief check --output DIR`: the built site's links, as served from the base URL.
pub fn check_output(options: &BuildOptions, output: &Path, external: bool) -> ExitCode {
    match build::config(options) {
        Ok(config) => crate::check::run(output, &config.base_url, external),
        Err(report) => {
            print_report(&report);
            ExitCode::from(CONTENT_ERROR)
        }
    }
}

#[derive(Serialize)]
struct Extracted<'a> {
    file: String,
    title: Option<&'a str>,
    facts: &'a Facts,
}

/// `brief extract FILE...`: the facts of each file, with the site's gazetteer when there is one.
pub fn extract(root: &Path, files: &[PathBuf], json: bool) -> ExitCode {
    let config = match crate::config::Config::load(root) {
        Ok(config) => config,
        Err(d) => {
            return fail(&Report {
                diagnostics: vec![d],
            });
        }
    };
    let mut report = Report::default();
    let mut entity_defs = Vec::new();
    let mut ignored = Vec::new();
    for (relative, kind) in load::content_files(root) {
        if matches!(kind, ContentKind::Entity | ContentKind::EntityList) {
            match load::load_file(root, &relative, kind, LoadOptions::default()) {
                (Loaded::Entities(list, names), _) => {
                    entity_defs.extend(list);
                    ignored.extend(names);
                }
                (_, diagnostics) => report.extend(diagnostics),
            }
        }
    }
    let gazetteer = Gazetteer::new(&entity_defs).ignoring(&ignored);
    let options = build::extract_options(&config);
    let mut results = Vec::new();
    for file in files {
        let text = match std::fs::read(file).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                report.push(Diagnostic::error(file, "file is not valid UTF-8"));
                continue;
            }
            Err(e) => {
                report.push(Diagnostic::error(file, format!("cannot read: {e}")));
                continue;
            }
        };
        let split = load::frontmatter::split(&text);
        let front: Option<load::FrontMatter> = serde_yaml::from_str(split.yaml).ok();
        let empty = Vec::new();
        let input = extract::Input {
            body: split.body,
            first_line: crate::diag::line_col(&text, split.body_offset).0,
            summary: front.as_ref().and_then(|f| f.summary.as_deref()),
            forced_entities: front.as_ref().map_or(&empty, |f| &f.entities),
            sources: front.as_ref().map_or(&empty, |f| &f.sources),
            not_entities: front.as_ref().map_or(&empty, |f| &f.not_entities),
        };
        let facts = extract::extract(&input, &gazetteer, &options);
        results.push((file.display().to_string(), front.map(|f| f.title), facts));
    }
    if report.has_errors() {
        return fail(&report);
    }
    let extracted: Vec<Extracted> = results
        .iter()
        .map(|(file, title, facts)| Extracted {
            file: file.clone(),
            title: title.as_deref(),
            facts,
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&extracted).unwrap_or_default()
        );
    } else {
        for item in &extracted {
            print_facts(item);
        }
    }
    ExitCode::SUCCESS
}

fn print_facts(item: &Extracted<'_>) {
    let facts = item.facts;
    println!(
        "{}{}",
        item.file,
        item.title.map(|t| format!(" — {t}")).unwrap_or_default()
    );
    println!("  summary: {}", facts.summary);
    println!(
        "  {} words, {} min read",
        facts.word_count, facts.reading_minutes
    );
    for e in &facts.entities {
        let origin = if e.known { "gazetteer" } else { "discovered" };
        println!(
            "  entity: {} ({}, {origin}) ×{} as {}",
            e.name,
            e.kind.as_str(),
            e.count,
            e.surfaces.join(", ")
        );
    }
    for q in &facts.quotes {
        println!(
            "  quote: “{}” — {}",
            q.text,
            q.speaker.as_deref().unwrap_or("unattributed")
        );
    }
    for a in &facts.attributions {
        println!("  source: {a}");
    }
}

pub fn init(dir: &Path) -> ExitCode {
    match scaffold::init(dir) {
        Ok(files) => {
            println!(
                "Created a new site in {} ({} files).",
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

pub fn new(root: &Path, title: &str) -> ExitCode {
    let today = jiff::ZonedDateTime::now().date();
    match scaffold::new_article(root, title, today) {
        Ok(path) => {
            println!(
                "Created {} (a draft: set `draft: false` to publish it)",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(CONTENT_ERROR)
        }
    }
}
