//! `brief extract FILE...`: the facts of each file, as text or JSON.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::{emit, fail, print_report};
use crate::extract::Facts;
use crate::pipeline;

#[derive(Serialize)]
struct Extracted<'a> {
    file: String,
    title: Option<&'a str>,
    facts: &'a Facts,
}

/// `brief extract FILE...`: the facts of each file, with the site's gazetteer when there is one.
pub fn extract(root: &Path, files: &[PathBuf], json: bool) -> ExitCode {
    let (results, report) = pipeline::extract_files(root, files);
    if report.has_errors() {
        return fail(&report);
    }
    print_report(&report);
    let extracted: Vec<Extracted> = results
        .iter()
        .map(|file| Extracted {
            file: file.path.display().to_string(),
            title: file.title.as_deref(),
            facts: &file.facts,
        })
        .collect();
    if json {
        emit(&(serde_json::to_string_pretty(&extracted).unwrap_or_default() + "\n"))
    } else {
        let mut text = String::new();
        for item in &extracted {
            write_facts(&mut text, item);
        }
        emit(&text)
    }
}

fn write_facts(out: &mut String, item: &Extracted<'_>) {
    let facts = item.facts;
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "{}{}",
        item.file,
        item.title.map(|t| format!(" — {t}")).unwrap_or_default()
    );
    let _ = writeln!(out, "  summary: {}", facts.summary);
    let _ = writeln!(
        out,
        "  {} words, {} min read",
        facts.word_count, facts.reading_minutes
    );
    for e in &facts.entities {
        let origin = if e.known { "gazetteer" } else { "discovered" };
        let _ = writeln!(
            out,
            "  entity: {} ({}, {origin}) ×{} as {}",
            e.name,
            e.kind.as_str(),
            e.count,
            e.surfaces.join(", ")
        );
    }
    for q in facts.quotes.iter() {
        let _ = writeln!(
            out,
            "  quote: “{}” — {}",
            q.text,
            q.speaker.as_deref().unwrap_or("unattributed")
        );
    }
    for a in facts.attributions.iter() {
        let _ = writeln!(out, "  source: {a}");
    }
}
