//! The theme: Tera templates and static files. The default theme is embedded in the
//! binary; a site's own `templates/NAME` replaces the built-in `NAME`, which stays
//! reachable as `brief/NAME` for a template that extends it.

use std::error::Error as _;
use std::path::{Path, PathBuf};

use rust_embed::Embed;
use tera::{ErrorKind, Kwargs, ReportError, State, Tera, Value};

use crate::diag::{Diagnostic, RENDERING_TAIL};
use crate::i18n::{Piece, pieces, plural_key};

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

/// Where a site's templates live, below its root.
const SITE_TEMPLATES: &str = "templates";
/// The namespace under which every built-in page template stays reachable, so a site's
/// `article.html` can `{% extends "brief/article.html" %}` and replace one block.
const BUILT_IN_PREFIX: &str = "brief/";

/// The loaded templates, with what is worth a warning (a site template nothing uses).
pub struct Theme {
    pub tera: Tera,
    pub warnings: Vec<Diagnostic>,
}

/// Builds the Tera instance: built-in templates (also as `brief/NAME`), then the site's
/// overrides and additions. Every unreadable file and every syntax error is reported.
pub fn load_templates(root: &Path) -> Result<Theme, Vec<Diagnostic>> {
    let built_in = default_templates();
    let mut sources = built_in.clone();
    let mut origin: Vec<PathBuf> = sources
        .iter()
        .map(|(name, _)| PathBuf::from(format!("<built-in>/templates/{name}")))
        .collect();
    // Components are global in Tera: a second copy of the file defining them would clash.
    for (name, text) in built_in.iter().filter(|(_, t)| !t.contains("{% component")) {
        sources.push((format!("{BUILT_IN_PREFIX}{name}"), text.clone()));
        origin.push(PathBuf::from(format!("<built-in>/templates/{name}")));
    }
    let (site_templates, mut diagnostics) = read_site_templates(root);
    let mut added = Vec::new();
    for (name, relative, text) in site_templates {
        if name.starts_with(BUILT_IN_PREFIX) {
            diagnostics.push(Diagnostic::error(
                &relative,
                format!("`{BUILT_IN_PREFIX}` names the built-in templates; move this file out of templates/{BUILT_IN_PREFIX}"),
            ));
            continue;
        }
        match sources.iter().position(|(n, _)| *n == name) {
            Some(i) => {
                sources[i].1 = text;
                origin[i] = relative;
            }
            None => {
                added.push(sources.len());
                sources.push((name, text));
                origin.push(relative);
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let warnings = added
        .into_iter()
        .filter_map(|i| unused_template_warning(&sources, &built_in, i, &origin[i]))
        .collect();
    let mut tera = new_tera();
    crate::media::declare_functions(&mut tera);
    let Err(error) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    else {
        return Ok(Theme { tera, warnings });
    };
    // Tera reports the first syntax error only; parse each template alone so every syntax
    // error is reported against its own file and line.
    for ((name, text), path) in sources.iter().zip(&origin) {
        if let Err(e) = new_tera().add_raw_template(name, text)
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

/// A Tera with Brief's settings and its `fill` filter.
fn new_tera() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on([".html", ".xml"]);
    tera.register_filter("fill", fill);
    tera
}

/// `{{ t.n_articles | fill(n=count, first=…) }}`: a label of `t` with its `{name}`
/// placeholders filled from the arguments; a label with plural forms takes the form for
/// `n`. The label's text is escaped like any printed value, an argument unless it is
/// marked safe, so a link made with `{% set %}` can go into a sentence.
fn fill(label: &Value, kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
    let text = match label.as_map() {
        Some(forms) => {
            let n = kwargs.get::<i64>("n")?.ok_or_else(|| {
                tera::Error::message("a label with plural forms needs its count: fill(n=…)")
            })?;
            let form = |name: &'static str| {
                forms
                    .get(&tera::value::Key::Str(name))
                    .filter(|v| v.is_string())
            };
            let has_zero = form("zero").is_some();
            form(plural_key(n, has_zero))
                .or_else(|| form("other"))
                .and_then(Value::as_str)
                .unwrap_or_default()
        }
        None => label.as_str().ok_or_else(|| {
            tera::Error::message(format!("fill takes a label of `t`, not a {}", label.name()))
        })?,
    };
    let mut out = String::with_capacity(text.len() + 32);
    for piece in pieces(text) {
        match piece {
            Piece::Text(words) => out.push_str(&escaped(state, words)?),
            Piece::Slot(name) => {
                let value = kwargs.get::<&Value>(name)?.ok_or_else(|| {
                    tera::Error::message(format!("the label `{text}` needs a value for `{name}`"))
                })?;
                out.push_str(&state.escape_if_needed(value)?);
            }
        }
    }
    Ok(Value::safe_string(&out))
}

fn escaped(state: &State, text: &str) -> tera::TeraResult<String> {
    match state.autoescaping_enabled() {
        true => state.escape(text),
        false => Ok(text.to_string()),
    }
}

/// The site's template files: (name, path from the root, text), and an error for each
/// file or folder that cannot be read.
fn read_site_templates(root: &Path) -> (Vec<(String, PathBuf, String)>, Vec<Diagnostic>) {
    let site_dir = root.join(SITE_TEMPLATES);
    let mut templates = Vec::new();
    let mut diagnostics = Vec::new();
    if !site_dir.is_dir() {
        return (templates, diagnostics);
    }
    for entry in crate::load::walk::in_order(walkdir::WalkDir::new(&site_dir)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(&site_dir);
                diagnostics.push(Diagnostic::error(
                    path.strip_prefix(root).unwrap_or(path),
                    format!("cannot read templates here: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let name = entry
            .path()
            .strip_prefix(&site_dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => templates.push((name, relative.to_path_buf(), text)),
            Err(e) => diagnostics.push(Diagnostic::error(
                relative,
                format!("cannot read template: {e}"),
            )),
        }
    }
    (templates, diagnostics)
}

/// A site template that replaces no built-in one and that no template extends, includes
/// or imports is most likely a misspelt override (`artcle.html`): it would be ignored.
fn unused_template_warning(
    sources: &[(String, String)],
    built_in: &[(String, String)],
    index: usize,
    path: &Path,
) -> Option<Diagnostic> {
    let name = &sources[index].0;
    // Shortcodes are named from Markdown, not from templates.
    if name.starts_with("shortcodes/") {
        return None;
    }
    let quoted = [format!("\"{name}\""), format!("'{name}'")];
    let used = sources
        .iter()
        .enumerate()
        .any(|(i, (_, text))| i != index && quoted.iter().any(|q| text.contains(q.as_str())));
    if used {
        return None;
    }
    let closest = built_in
        .iter()
        .map(|(n, _)| (strsim::jaro_winkler(name, n), n))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match closest {
        Some((_, n)) => format!("; did you mean `{n}`?"),
        None => String::new(),
    };
    Some(Diagnostic::warning(
        path,
        format!(
            "template `{name}` replaces no built-in template and no template uses it, so it has no effect{hint}"
        ),
    ))
}

/// The built-in templates named, or all of them: (name, text). An unknown name is an error
/// listing the names there are.
pub fn built_in_templates(name: Option<&str>) -> Result<Vec<(String, String)>, String> {
    let all = default_templates();
    match name {
        None => Ok(all),
        Some(wanted) => {
            let wanted = wanted.strip_prefix(BUILT_IN_PREFIX).unwrap_or(wanted);
            match all.iter().find(|(n, _)| n == wanted) {
                Some(found) => Ok(vec![found.clone()]),
                None => Err(format!(
                    "no built-in template `{wanted}`; there are: {}",
                    all.iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
    }
}

/// `brief theme eject`: copies built-in templates into the site's `templates/` to edit;
/// never overwrites a file. Returns the paths written.
pub fn eject(root: &Path, name: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let templates = built_in_templates(name)?;
    let dir = root.join(SITE_TEMPLATES);
    let taken: Vec<String> = templates
        .iter()
        .filter(|(n, _)| dir.join(n).exists())
        .map(|(n, _)| format!("{SITE_TEMPLATES}/{n}"))
        .collect();
    if !taken.is_empty() {
        return Err(format!(
            "{} already exist{}; move {} aside to eject again",
            taken.join(", "),
            if taken.len() == 1 { "s" } else { "" },
            if taken.len() == 1 { "it" } else { "them" },
        ));
    }
    let mut written = Vec::new();
    for (name, text) in templates {
        let path = dir.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
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
    let own = Path::new(SITE_TEMPLATES).join(name);
    let site_text = match name.starts_with(BUILT_IN_PREFIX) {
        true => None,
        false => std::fs::read_to_string(root.join(&own)).ok(),
    };
    let name = name.strip_prefix(BUILT_IN_PREFIX).unwrap_or(name);
    let (path, text) = match site_text {
        Some(text) => (own, text),
        None => (
            PathBuf::from(format!("<built-in>/templates/{name}")),
            DefaultTemplates::get(name)
                .map(|f| String::from_utf8_lossy(&f.data).into_owned())
                .unwrap_or_default(),
        ),
    };
    let message = format!("{}{RENDERING_TAIL}{file})", report.message());
    located(&path, &text, report, message)
}

/// A Tera error with its whole cause chain, which holds the useful part.
pub(crate) fn error_chain(error: &tera::Error) -> String {
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
