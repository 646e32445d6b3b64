//! The theme: Tera templates and static files. The default theme is embedded in the
//! binary; a site's own `templates/NAME` replaces the built-in `NAME`.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use rust_embed::Embed;
use tera::Tera;

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
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's default escaper also escapes `/`, which makes every URL unreadable.
    tera.set_escape_fn(escape);
    let Err(error) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    else {
        return Ok(tera);
    };
    // Tera reports the first failure only; parse each template alone so every syntax
    // error is reported against its own file and line.
    for ((name, text), path) in sources.iter().zip(&origin) {
        if let Err(e) = Tera::default().add_raw_template(name, text)
            && error_chain(&e).starts_with("Failed to parse")
        {
            diagnostics.push(template_error(path, text, &e));
        }
    }
    if diagnostics.is_empty() {
        diagnostics.push(Diagnostic::error("templates", error_chain(&error)));
    }
    Err(diagnostics)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A Tera error with its whole cause chain, which holds the useful part.
pub fn error_chain(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn template_error(path: &Path, text: &str, error: &tera::Error) -> Diagnostic {
    let message = error_chain(error);
    // Tera's parse errors carry the position as " --> line:column".
    let position = message.split_once("--> ").and_then(|(_, rest)| {
        let end = rest
            .find(|c: char| !c.is_ascii_digit() && c != ':')
            .unwrap_or(rest.len());
        let (line, column) = rest[..end].split_once(':')?;
        Some((line.parse().ok()?, column.parse().ok()?))
    });
    let summary = message.lines().next().unwrap_or_default().to_string();
    let detail = message
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with(['|', '-', '=']))
        .unwrap_or_default()
        .trim()
        .to_string();
    let text_message = if detail.is_empty() || summary.contains(&detail) {
        summary
    } else {
        format!("{summary} {detail}")
    };
    let diagnostic = Diagnostic::error(path, text_message);
    match position {
        Some((line, column)) => diagnostic.at(text, line, column),
        None => diagnostic,
    }
}
