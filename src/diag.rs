//! Diagnostics: every content problem is a value that knows where it happened,
//! so a build can collect all of them and report them together.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is: errors fail the build, warnings are only printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, with the position (1-based) and the offending line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The text of the offending line, shown under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: 0,
            column: 0,
            message: message.into(),
            snippet: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Points the diagnostic at `line`/`column` of `source`, keeping that line as the snippet.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line.max(1);
        self.column = column.max(1);
        self.snippet = source
            .lines()
            .nth(self.line - 1)
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Points the diagnostic at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Turns a serde_yaml error into a diagnostic at the right line of the whole file,
/// with a "did you mean" hint for misspelt keys.
pub fn yaml_error(
    path: &Path,
    file_text: &str,
    yaml_offset: usize,
    error: &serde_yaml::Error,
) -> Diagnostic {
    // The YAML's own line numbers count from the front matter's first line.
    let lines_before = line_col(file_text, yaml_offset).0 - 1;
    let message = in_file_lines(&describe(error), lines_before);
    let diagnostic = Diagnostic::error(path, message);
    let at = duplicate_key_offset(&file_text[yaml_offset..], &error.to_string())
        .or(error.location().map(|location| location.index()))
        .unwrap_or(0);
    diagnostic.at_offset(file_text, yaml_offset + at)
}

/// For "duplicate field `title`", where the key is written the second time: the parser
/// points at the start of the mapping, but the duplicate is the line to change.
fn duplicate_key_offset(yaml: &str, message: &str) -> Option<usize> {
    let key = message
        .strip_prefix("duplicate field `")?
        .split('`')
        .next()?;
    let mut offset = 0;
    let mut seen = false;
    for line in yaml.split_inclusive('\n') {
        let written = line
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if written && seen {
            return Some(offset);
        }
        seen |= written;
        offset += line.len();
    }
    None
}

fn describe(error: &serde_yaml::Error) -> String {
    let raw = error.to_string();
    // serde_yaml appends " at line L column C"; the diagnostic shows the position itself.
    let message = match raw.rfind(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    if message.starts_with("recursion limit exceeded") {
        return "the YAML is nested too deeply: it may hold at most 128 levels of lists and mappings"
            .to_string();
    }
    described(&message)
}

/// A serde message as a writer needs it: no Rust type names, and a "did you mean" hint
/// for a misspelt key.
pub fn described(message: &str) -> String {
    let message = without_type_names(message);
    match unknown_field_hint(&message) {
        Some(hint) => format!("{message}; did you mean `{hint}`?"),
        None => message,
    }
}

/// `message` with every "line L" it quotes moved down by `lines_before`, so a position in
/// the text of an error names the same line as its header.
fn in_file_lines(message: &str, lines_before: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let (head, tail) = rest.split_at(i + "line ".len());
        out.push_str(head);
        let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match tail[..digits].parse::<usize>() {
            Ok(line) => out.push_str(&(line + lines_before).to_string()),
            Err(_) => out.push_str(&tail[..digits]),
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// Keys other generators use, and the key Brief reads for the same thing.
const KEY_SYNONYMS: &[(&str, &str)] = &[
    ("description", "summary"),
    ("excerpt", "summary"),
    ("categories", "tags"),
    ("category", "tags"),
    ("keywords", "tags"),
    ("tag", "tags"),
    ("url", "slug"),
    ("permalink", "slug"),
    ("author", "authors"),
    ("publishdate", "date"),
    ("pubdate", "date"),
    ("lastmod", "updated"),
    ("modified", "updated"),
    ("cover", "image"),
    ("series", "story"),
    ("expirydate", "expires"),
    ("expiry", "expires"),
    ("unpublishdate", "expires"),
    ("featured", "lead"),
    ("sticky", "lead"),
    ("order", "weight"),
];

/// For "unknown field `titel`, expected one of `title`, `date`", the expected key meant:
/// the one Brief reads for what another generator names so, else the closest in spelling.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let lower = field.to_lowercase();
    if let Some((_, key)) = KEY_SYNONYMS
        .iter()
        .find(|(other, key)| *other == lower && candidates.contains(key))
    {
        return Some(key.to_string());
    }
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(field, candidate), candidate))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.to_string())
}

/// Serde names the Rust type it expected (`expected struct FrontMatter`); a writer of YAML
/// needs to hear what to write.
fn without_type_names(message: &str) -> String {
    let Some(i) = message.find("expected struct ") else {
        return message.to_string();
    };
    let rest = &message[i + "expected struct ".len()..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric() && c != '_')
        .unwrap_or(rest.len());
    format!(
        "{}expected keys with values, one `key: value` a line{}",
        &message[..i],
        &rest[end..]
    )
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = self.path.display();
        if self.line == 0 {
            return write!(f, "{path}: {label}: {}", self.message);
        }
        write!(
            f,
            "{path}:{}:{}: {label}: {}",
            self.line, self.column, self.message
        )?;
        if let Some(snippet) = &self.snippet {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret_pad: String = snippet
                .chars()
                .take(self.column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{gutter} | {snippet}\n{pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// All diagnostics of one build, in a stable order (by file, then position).
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Orders the problems by file and position, and says a problem met on many pages (a
    /// template error) once, with the number of pages, instead of once a page.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.severity, &a.path, a.line, a.column).cmp(&(b.severity, &b.path, b.line, b.column))
        });
        self.diagnostics.dedup();
        let mut merged: Vec<(Diagnostic, usize)> = Vec::with_capacity(self.diagnostics.len());
        for diagnostic in self.diagnostics.drain(..) {
            match merged.last_mut() {
                Some((first, repeats)) if same_problem(first, &diagnostic) => *repeats += 1,
                _ => merged.push((diagnostic, 0)),
            }
        }
        self.diagnostics = merged
            .into_iter()
            .map(|(mut diagnostic, repeats)| {
                if repeats > 0 {
                    let pages = if repeats == 1 { "page" } else { "pages" };
                    diagnostic.message = diagnostic.message.replacen(
                        RENDERING_TAIL,
                        &format!(" (and {repeats} other {pages}; while rendering "),
                        1,
                    );
                }
                diagnostic
            })
            .collect();
    }
}

/// How a template error names the page it was met on: `… (while rendering PAGE)`.
pub const RENDERING_TAIL: &str = " (while rendering ";

/// The same problem at the same place, met while rendering different pages.
fn same_problem(a: &Diagnostic, b: &Diagnostic) -> bool {
    let stem = |d: &Diagnostic| {
        d.message
            .find(RENDERING_TAIL)
            .map(|i| d.message[..i].to_string())
    };
    a.severity == b.severity
        && a.path == b.path
        && (a.line, a.column) == (b.line, b.column)
        && a.line > 0
        && stem(a).is_some()
        && stem(a) == stem(b)
}

/// A failed build: every error found, already sorted.
#[derive(Debug, thiserror::Error)]
#[error("{} error(s)", .0.error_count())]
pub struct BuildFailed(pub Report);

/// Shows a path relative to the site root when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_reported_where_it_is_written_again() {
        let yaml = "title: A\ndate: 2025-01-01\ntitle: B\n";
        assert_eq!(
            duplicate_key_offset(yaml, "duplicate field `title`"),
            Some(26)
        );
        // A key that only starts the same is another key.
        let yaml = "title: A\ntitles: x\ntitle: B\n";
        assert_eq!(
            duplicate_key_offset(yaml, "duplicate field `title`"),
            Some(19)
        );
        assert_eq!(
            duplicate_key_offset("title: A\n", "duplicate field `title`"),
            None
        );
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn display_shows_position_and_snippet() {
        let d = Diagnostic::error("a.md", "bad").at("x\ny: [\n", 2, 4);
        let shown = d.to_string();
        assert!(shown.starts_with("a.md:2:4: error: bad"), "{shown}");
        assert!(shown.contains("2 | y: ["), "{shown}");
    }

    #[test]
    fn a_yaml_error_names_the_same_line_in_its_text_as_in_its_header() {
        let text = "---\ntitle: A\ndate: 2024-01-01\ntags: [a, b\nsummary: x\n---\n";
        let yaml = &text[4..text.len() - 4];
        let error = serde_yaml::from_str::<serde_yaml::Value>(yaml).unwrap_err();
        let d = yaml_error(Path::new("a.md"), text, 4, &error);
        assert_eq!(d.line, 5);
        assert!(d.message.contains("line 5 column 8"), "{}", d.message);
        assert!(!d.message.contains("line 4"), "{}", d.message);
    }

    #[test]
    fn one_template_error_on_many_pages_is_said_once() {
        let at = |page: &str| {
            Diagnostic::error(
                "templates/article.html",
                format!("Variable `x` not found (while rendering {page})"),
            )
            .at("{{ x }}\n", 1, 4)
        };
        let mut report = Report::default();
        report.extend(["c", "a", "b"].map(|p| at(&format!("articles/{p}/index.html"))));
        report.push(Diagnostic::error("content/articles/a.md", "other").at("x\n", 1, 1));
        report.sort();
        assert_eq!(report.diagnostics.len(), 2);
        let merged = &report.diagnostics[1];
        assert_eq!(
            merged.message,
            "Variable `x` not found (and 2 other pages; while rendering articles/c/index.html)"
        );
    }

    #[test]
    fn hints_name_the_key_meant_not_just_a_near_spelling() {
        let expected = "expected one of `title`, `date`, `summary`, `tags`, `slug`, `updated`";
        let hint =
            |field: &str| unknown_field_hint(&format!("unknown field `{field}`, {expected}"));
        assert_eq!(hint("description").as_deref(), Some("summary"));
        assert_eq!(hint("categories").as_deref(), Some("tags"));
        assert_eq!(hint("url").as_deref(), Some("slug"));
        assert_eq!(hint("lastmod").as_deref(), Some("updated"));
        assert_eq!(hint("details"), None);
        assert_eq!(hint("titel").as_deref(), Some("title"));
        assert_eq!(
            without_type_names("invalid type: string \"x\", expected struct FrontMatter"),
            "invalid type: string \"x\", expected keys with values, one `key: value` a line"
        );
    }

    #[test]
    fn hint_for_misspelt_key() {
        let hint = unknown_field_hint("unknown field `titel`, expected one of `title`, `date`");
        assert_eq!(hint.as_deref(), Some("title"));
        assert_eq!(
            unknown_field_hint("unknown field `zzz`, expected `title`"),
            None
        );
    }
}
