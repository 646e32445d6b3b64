//! `brief check --output DIR`: checks a built site the way a static host would serve it
//! from its base URL. Every internal link and `#anchor` in every HTML file must resolve to
//! a file in the folder (and the anchor to an element id in it); external links are
//! collected, never fetched, so the user can feed them to a link checker of their own.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use lol_html::{HtmlRewriter, Settings, element};
use rayon::prelude::*;
use url::Url;

use crate::diag::{Diagnostic, line_col};
use crate::model::{BaseUrl, attribute_text};

/// Stands in for the site's origin when the base URL is only a path.
const LOCAL_ORIGIN: &str = "http://site.invalid";

/// Attributes that hold one URL.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "poster", "data"];

/// What one HTML file links to and which anchors it offers.
#[derive(Debug, Default)]
struct Page {
    ids: HashSet<String>,
    /// (URL as written, already entity-decoded; byte offset of its element).
    links: Vec<(String, usize)>,
    /// `<base href>`, when the page sets one.
    base: Option<String>,
}

/// A link that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Broken {
    /// The HTML file, relative to the output folder.
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The link as written.
    pub link: String,
    pub problem: String,
}

impl Broken {
    pub fn to_diagnostic(&self, output: &Path) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(
            output.join(&self.file),
            format!("broken link \"{}\": {}", self.link, self.problem),
        );
        diagnostic.line = self.line;
        diagnostic.column = self.column;
        diagnostic
    }
}

/// What a check of an output folder found.
#[derive(Debug, Default)]
pub struct LinkReport {
    pub html_files: usize,
    pub internal_links: usize,
    pub broken: Vec<Broken>,
    /// Absolute URLs outside the site, sorted and unique.
    pub external: BTreeSet<String>,
}

/// Where the site is served from: the origin (real, or a stand-in when the base URL is
/// only a path) and the base path. Absolute links to a real origin count as internal.
struct Served {
    origin: Url,
    /// As URLs carry it, percent-encoded.
    base_path: String,
    /// As file paths are compared, decoded.
    decoded_base_path: String,
}

impl Served {
    fn new(base_url: &BaseUrl) -> Served {
        let origin = match base_url.has_origin() {
            true => base_url.as_url().clone(),
            false => Url::parse(LOCAL_ORIGIN).expect("a valid constant URL"),
        };
        let origin = origin.join("/").unwrap_or(origin);
        Served {
            origin,
            base_path: base_url.path().to_string(),
            decoded_base_path: base_url.decoded_path(),
        }
    }

    /// The address a file of the output folder is served at.
    fn url_of(&self, file: &str) -> Option<Url> {
        let path = file.strip_suffix("index.html").unwrap_or(file);
        self.origin.join(&format!("{}{path}", self.base_path)).ok()
    }

    /// Whether a link points into the site. An absolute URL on the same host but outside
    /// the base path is another site's page; a relative one that climbs out is broken.
    fn is_ours(&self, url: &Url, written_absolute: bool) -> bool {
        let path = url.path();
        url.origin() == self.origin.origin()
            && (!written_absolute
                || path.starts_with(&self.base_path)
                || format!("{path}/") == self.base_path)
    }
}

/// Checks every HTML file under `output` as served from `base_url`
/// (`https://example.org/briefs/`, `/briefs/` or `/`).
pub fn check_output(output: &Path, base_url: &BaseUrl) -> Result<LinkReport, Diagnostic> {
    if !output.is_dir() {
        return Err(Diagnostic::error(
            output,
            "no built site here: run `brief build` first, or name the output folder",
        ));
    }
    let served = Served::new(base_url);
    let files = html_files(output)?;
    let pages: HashMap<String, Page> = files
        .par_iter()
        .map(|file| {
            let path = output.join(file);
            let html = std::fs::read(&path)
                .map_err(|e| Diagnostic::error(&path, format!("cannot read: {e}")))?;
            let page = parse(&html).map_err(|e| Diagnostic::error(&path, e))?;
            Ok((file.clone(), page))
        })
        .collect::<Result<_, Diagnostic>>()?;

    let mut report = LinkReport {
        html_files: files.len(),
        ..LinkReport::default()
    };
    let results: Vec<(usize, Vec<Broken>, Vec<String>)> = files
        .par_iter()
        .map(|file| check_page(output, file, &pages, &served))
        .collect();
    for (internal, broken, external) in results {
        report.internal_links += internal;
        report.broken.extend(broken);
        report.external.extend(external);
    }
    report.broken.sort();
    Ok(report)
}

/// Every `.html` file under `dir`, as `/`-separated relative paths, sorted.
fn html_files(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    let mut files = Vec::new();
    for entry in crate::load::walk::in_order(walkdir::WalkDir::new(dir)) {
        let entry = entry.map_err(|e| Diagnostic::error(dir, format!("cannot read: {e}")))?;
        let is_html = entry
            .path()
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if entry.file_type().is_file() && is_html {
            let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(files)
}

/// Collects a page's ids, links and `<base href>` with an HTML5 tokenizer.
fn parse(html: &[u8]) -> Result<Page, String> {
    let page = RefCell::new(Page::default());
    let mut rewriter = HtmlRewriter::new(
        Settings::new().append_element_content_handler(element!("*", |el| {
            let offset = el.source_location().bytes().start;
            let mut page = page.borrow_mut();
            if let Some(id) = el.get_attribute("id") {
                page.ids.insert(attribute_text(&id));
            }
            let tag = el.tag_name();
            if let Some(name) = el.get_attribute("name").filter(|_| tag == "a") {
                page.ids.insert(attribute_text(&name));
            }
            if tag == "base" {
                page.base = el.get_attribute("href").map(|b| attribute_text(&b));
                return Ok(());
            }
            for &name in URL_ATTRIBUTES {
                if let Some(value) = el.get_attribute(name) {
                    page.links.push((attribute_text(&value), offset));
                }
            }
            if let Some(srcset) = el.get_attribute("srcset") {
                for candidate in attribute_text(&srcset).split(',') {
                    if let Some(url) = candidate.split_whitespace().next() {
                        page.links.push((url.to_string(), offset));
                    }
                }
            }
            Ok(())
        })),
        |_: &[u8]| {},
    );
    rewriter.write(html).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    Ok(page.into_inner())
}

/// Resolves every link of one page: (internal links checked, broken ones, external URLs).
fn check_page(
    output: &Path,
    file: &str,
    pages: &HashMap<String, Page>,
    served: &Served,
) -> (usize, Vec<Broken>, Vec<String>) {
    let page = &pages[file];
    let mut internal = 0;
    let mut broken = Vec::new();
    let mut external = Vec::new();
    let Some(page_url) = served.url_of(file) else {
        return (0, broken, external);
    };
    let base = page
        .base
        .as_deref()
        .and_then(|b| page_url.join(b).ok())
        .unwrap_or_else(|| page_url.clone());
    let source = std::fs::read_to_string(output.join(file)).unwrap_or_default();
    for (link, offset) in &page.links {
        let link = link.trim();
        let Ok(target) = base.join(link) else {
            push_broken(&mut broken, &source, file, link, *offset, "not a valid URL");
            continue;
        };
        if !matches!(target.scheme(), "http" | "https") {
            continue; // mailto:, tel:, data:, javascript: …
        }
        let written_absolute = link.starts_with("//") || Url::parse(link).is_ok();
        if !served.is_ours(&target, written_absolute) {
            external.push(target.to_string());
            continue;
        }
        internal += 1;
        if let Err(problem) = resolve(output, &target, pages, served) {
            push_broken(&mut broken, &source, file, link, *offset, &problem);
        }
    }
    (internal, broken, external)
}

fn push_broken(
    broken: &mut Vec<Broken>,
    source: &str,
    file: &str,
    link: &str,
    offset: usize,
    problem: &str,
) {
    let (line, column) = line_col(source, offset);
    broken.push(Broken {
        file: file.to_string(),
        line,
        column,
        link: link.to_string(),
        problem: problem.to_string(),
    });
}

/// Finds the file a same-site URL is served from, and the element its fragment names.
fn resolve(
    output: &Path,
    target: &Url,
    pages: &HashMap<String, Page>,
    served: &Served,
) -> Result<(), String> {
    let path = percent_encoding::percent_decode_str(target.path())
        .decode_utf8()
        .map_err(|_| "the path is not valid UTF-8".to_string())?;
    let base = &served.decoded_base_path;
    let Some(relative) = path.strip_prefix(base.as_str()).or_else(|| {
        // The base folder itself, written without its trailing slash.
        (format!("{path}/") == *base).then_some("")
    }) else {
        return Err(format!("outside the site, which is served from {base}"));
    };
    let file = served_file(output, relative).ok_or_else(|| {
        let wanted = if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        };
        format!("no file {wanted} in the output folder")
    })?;
    let Some(fragment) = target.fragment() else {
        return Ok(());
    };
    let fragment = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
    let Some(page) = pages.get(&file) else {
        return Ok(()); // Fragments of non-HTML files (feeds, images) are not checked.
    };
    if fragment.is_empty() || fragment == "top" || page.ids.contains(fragment.as_ref()) {
        Ok(())
    } else {
        Err(format!("no element with id \"{fragment}\" in {file}"))
    }
}

/// The file a static host serves for `relative` (a path below the base): the file itself,
/// or the `index.html` of a folder, as hosts do with and without the trailing slash.
fn served_file(output: &Path, relative: &str) -> Option<String> {
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    let folder_index = |dir: &str| {
        let index = format!("{dir}index.html");
        output.join(&index).is_file().then_some(index)
    };
    if relative.is_empty() || relative.ends_with('/') {
        return folder_index(relative);
    }
    if output.join(relative).is_file() {
        return Some(relative.to_string());
    }
    folder_index(&format!("{relative}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        dir
    }

    #[test]
    fn resolves_links_under_a_base_path() {
        let dir = site(&[
            (
                "index.html",
                "<a href=\"/briefs/a/\">a</a> <a href=\"a/#x\">x</a> <a href=\"/briefs/a\">no slash</a>\
                 <link href=\"https://example.org/briefs/style.css\" rel=stylesheet>\
                 <a href=\"https://elsewhere.org/p?q=1&amp;r=2\">out</a> <a href=\"mailto:x@y.z\">m</a>\
                 <a href=\"https://example.org/other-site/\">same host</a>",
            ),
            ("a/index.html", "<h2 id=\"x\">X</h2><a href=\"../\">up</a>"),
            ("style.css", "p{}"),
        ]);
        let report = check_output(dir.path(), &base("https://example.org/briefs/")).unwrap();
        assert_eq!(report.broken, [], "{report:?}");
        assert_eq!(report.internal_links, 5);
        assert_eq!(
            report.external.into_iter().collect::<Vec<_>>(),
            [
                "https://elsewhere.org/p?q=1&r=2",
                "https://example.org/other-site/"
            ]
        );
    }

    #[test]
    fn reports_missing_files_anchors_and_links_outside_the_base() {
        let dir = site(&[(
            "index.html",
            "<p>\n<a href=\"/briefs/nope/\">a</a>\n<a href=\"#missing\">b</a>\n<img src=\"/other/x.png\" alt=\"\">",
        )]);
        let report = check_output(dir.path(), &base("/briefs/")).unwrap();
        let problems: Vec<(usize, &str)> = report
            .broken
            .iter()
            .map(|b| (b.line, b.problem.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (2, "no file nope/index.html in the output folder"),
                (3, "no element with id \"missing\" in index.html"),
                (4, "outside the site, which is served from /briefs/"),
            ]
        );
    }

    fn base(text: &str) -> BaseUrl {
        BaseUrl::parse(text).unwrap()
    }

    #[test]
    fn non_ascii_base_paths_resolve_encoded_or_not() {
        let dir = site(&[
            (
                "index.html",
                "<a href=\"/caf%C3%A9/a/\">encoded</a> <a href=\"/café/a/\">raw</a> <a href=\"a/\">rel</a>",
            ),
            ("a/index.html", "<p>a</p>"),
        ]);
        let report = check_output(dir.path(), &base("https://example.org/café/")).unwrap();
        assert_eq!(report.broken, [], "{report:?}");
        assert_eq!(report.internal_links, 3);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_output(&dir.path().join("public"), &base("/")).is_err());
    }
}
