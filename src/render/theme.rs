//! The theme: Tera templates and static files. The default theme is embedded in the
//! binary; a site's own `templates/NAME` replaces the built-in `NAME`.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use rust_embed::Embed;
use tera::{ErrorKind, ReportError, Tera};

use crate::diag::Diagnostic;

#[derive(Embed)]
#[folder = "templates/"]
struct DefaultTemplates;

#[derive(Embed)]
#[folder = "static/"]
struct DefaultStatic;

/// Files of the default theme's `static/` folder: (path, bytes).
pub fn default_static_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = DefaultStatic::iter()
        .filter_map(|name| {
            DefaultStatic::get(&name).map(|f| (name.to_string(), f.data.into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// Names and sources of the default templates.
pub fn default_templates() -> Vec<(String, String)> {
    let mut templates: Vec<(String, String)> = DefaultTemplates::iter()
        .filter_map(|name| {
            let file = DefaultTemplates::get(&name)?;
            Some((
                name.to_string(),
                String::from_utf8_lossy(&file.data).into_owned(),
            ))
        })
        .collect();
    templates.sort();
    templates
}

/// Builds the Tera instance: built-in templates, then the site's overrides and additions.
pub fn load_templates(root: &Path) -> Result<Tera, Vec<Diagnostic>> {
    let mut sources = default_templates();
    let mut origin: Vec<PathBuf> = sources
        .iter()
        .map(|(name, _)| PathBuf::from(format!("<built-in>/templates/{name}")))
        .collect();
    let mut diagnostics = Vec::new();
    let site_dir = root.join("templates");
    for entry in walkdir::WalkDir::new(&site_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(name) = entry.path().strip_prefix(&site_dir) else {
            continue;
        };
        let name = name.to_string_lossy().replace('\\', "/");
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => match sources.iter().position(|(n, _)| *n == name) {
                Some(i) => {
                    sources[i].1 = text;
                    origin[i] = relative;
                }
                None => {
                    sources.push((name, text));
                    origin.push(relative);
                }
            },
            Err(e) => diagnostics.push(Diagnostic::error(
                relative,
                format!("cannot read template: {e}"),
            )),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut tera = Tera::default();
    tera.autoescape_on([".html", ".xml"]);
    let Err(error) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    else {
        return Ok(tera);
    };
    // Tera reports the first syntax error only; parse each template alone so every syntax
    // error is reported against its own file and line.
    for ((name, text), path) in sources.iter().zip(&origin) {
        if let Err(e) = Tera::default().add_raw_template(name, text)
            && let ErrorKind::SyntaxError(report) = e.kind()
        {
            diagnostics.push(located(path, text, report, report.message().to_string()));
        }
    }
    if diagnostics.is_empty() {
        diagnostics.push(whole_set_error(&sources, &origin, &error));
    }
    Err(diagnostics)
}

/// An error found only across templates (an unknown component, a missing parent): Tera
/// renders its position as text (`--> name:line:column`), which points it at the file.
fn whole_set_error(
    sources: &[(String, String)],
    origin: &[PathBuf],
    error: &tera::Error,
) -> Diagnostic {
    let message = error_chain(error);
    let position = message.split_once(" --> ").and_then(|(_, rest)| {
        let place = rest.lines().next()?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let i = sources.iter().position(|(n, _)| n == name)?;
        Some((i, line, column))
    });
    let Some((i, line, column)) = position else {
        return Diagnostic::error("templates", message);
    };
    let first = message.lines().next().unwrap_or_default();
    let summary = first.strip_prefix("error: ").unwrap_or(first).trim();
    Diagnostic::error(&origin[i], summary).at(&sources[i].1, line, column)
}

/// A Tera error met while rendering the page `file`, pointed at the template line it
/// comes from: the site's own template, else the built-in one.
pub fn render_error(root: &Path, file: &str, error: &tera::Error) -> Diagnostic {
    let ErrorKind::RenderingError(report) = error.kind() else {
        return Diagnostic::error(
            "templates",
            format!("while rendering {file}: {}", error_chain(error)),
        );
    };
    let name = report.filename();
    let own = Path::new("templates").join(name);
    let (path, text) = match std::fs::read_to_string(root.join(&own)) {
        Ok(text) => (own, text),
        Err(_) => (
            PathBuf::from(format!("<built-in>/templates/{name}")),
            DefaultTemplates::get(name)
                .map(|f| String::from_utf8_lossy(&f.data).into_owned())
                .unwrap_or_default(),
        ),
    };
    let message = format!("{} (while rendering {file})", report.message());
    located(&path, &text, report, message)
}

/// A Tera error with its whole cause chain, which holds the useful part.
fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// A diagnostic at the position Tera's report points to in `text`.
fn located(path: &Path, text: &str, report: &ReportError, message: String) -> Diagnostic {
    let span = report.span();
    // Tera's lines are 1-based, its columns 0-based.
    Diagnostic::error(path, message).at(text, span.start_line, span.start_col + 1)
}
