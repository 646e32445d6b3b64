//! The HTTP side of `brief serve`: the built site from memory, behaving as a static host
//! would (folders serve their `index.html`, missing pages the site's `404.html`, nothing
//! outside the site), plus the live-reload script and its event stream.

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::{Stream, StreamExt};
use percent_encoding::percent_decode_str;
use serde::Serialize;
use tokio::sync::watch;

use super::files::SiteFiles;
use crate::diag::Report;
use crate::model::escape_html;

/// Where the live-reload script and its events are served, whatever the site's base path.
const EVENTS_PATH: &str = "/__brief/events";
const SCRIPT_PATH: &str = "/__brief/live.js";
const SCRIPT: &str = include_str!("live.js");
const OVERLAY_ID: &str = "brief-errors";

/// What the pages served so far need to know about the latest rebuild.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    /// Bumped whenever a served file changes.
    pub version: u64,
    /// The version the latest change was made on: a page at another one missed a change.
    pub since: u64,
    /// The files the latest change touched, when a page need reload only if its own file is
    /// among them (`None`: every page reloads).
    pub files: Option<Vec<String>>,
    /// URL paths of the stylesheets, when the latest change touched only stylesheets:
    /// pages swap them without reloading.
    pub css: Option<Vec<String>>,
    /// The overlay listing the errors of the last rebuild, when it failed.
    pub errors: Option<String>,
}

/// Changes to more files than this reload every page rather than list them.
const LISTED_FILES: usize = 200;

/// State shared by the request handlers and the rebuilding thread.
pub struct Shared {
    pub files: RwLock<SiteFiles>,
    pub status: watch::Sender<Status>,
    /// Set once to end the event streams, so the server can stop.
    pub shutdown: watch::Sender<bool>,
}

impl Shared {
    pub fn new() -> Shared {
        Shared {
            files: RwLock::new(SiteFiles::default()),
            status: watch::Sender::new(Status::default()),
            shutdown: watch::Sender::new(false),
        }
    }

    /// Tells every open page about a successful rebuild that changed `changed` files.
    pub fn published(&self, changed: &[String], base_path: &str) {
        self.status.send_modify(|status| {
            status.errors = None;
            if changed.is_empty() {
                return;
            }
            let extension = |p: &String| p.rsplit_once('.').map_or("", |(_, e)| e).to_string();
            let only_css = changed.iter().all(|p| extension(p) == "css");
            // A page shows its own HTML and the stylesheets, not feeds, data or the search
            // index; a script or an image may be on any page.
            let pages_tell = changed.iter().all(|p| {
                matches!(
                    extension(p).as_str(),
                    "html" | "css" | "json" | "xml" | "txt"
                )
            });
            status.since = status.version;
            status.version += 1;
            status.css =
                only_css.then(|| changed.iter().map(|p| format!("{base_path}{p}")).collect());
            status.files = (pages_tell && changed.len() <= LISTED_FILES).then(|| changed.to_vec());
        });
    }

    /// Tells every open page that the last rebuild failed.
    pub fn failed(&self, report: &Report) {
        let overlay = overlay(report);
        self.status
            .send_modify(|status| status.errors = Some(overlay));
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared::new()
    }
}

/// The preview's routes. Bound to a loopback address, it answers only requests addressed
/// to this machine by name (`localhost`, `127.0.0.1`, `[::1]` or the bind address): a
/// page elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) cannot read it.
pub fn router(shared: Arc<Shared>, bind: IpAddr) -> Router {
    let router = Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(script))
        .fallback(site_file)
        .with_state(shared);
    if !bind.is_loopback() {
        return router;
    }
    router.layer(axum::middleware::from_fn(
        move |request: axum::extract::Request, next: axum::middleware::Next| async move {
            let host = request
                .headers()
                .get(header::HOST)
                .and_then(|h| h.to_str().ok());
            if host_allowed(host, bind) {
                next.run(request).await
            } else {
                (
                    StatusCode::MISDIRECTED_REQUEST,
                    "This preview answers only requests for localhost.\n",
                )
                    .into_response()
            }
        },
    ))
}

/// Whether a `Host` header names this machine: its host name, without the port, is
/// `localhost`, `127.0.0.1`, `[::1]` or the address the preview is bound to.
fn host_allowed(host: Option<&str>, bind: IpAddr) -> bool {
    let Some(host) = host else {
        // HTTP/1.0 clients may send none; a browser always sends one.
        return true;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.to_ascii_lowercase();
    let bound = match bind {
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
    };
    matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") || name == bound
}

/// Server-sent events: the current status at once, then every change of it.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.status.subscribe();
    let mut shutdown = shared.shutdown.subscribe();
    let updates =
        futures_util::stream::unfold((receiver, true), |(mut receiver, first)| async move {
            if !first && receiver.changed().await.is_err() {
                return None;
            }
            let data = serde_json::to_string(&*receiver.borrow_and_update()).unwrap_or_default();
            Some((
                Ok(Event::default().event("status").data(data)),
                (receiver, false),
            ))
        });
    let stopping = async move {
        let _ = shutdown.wait_for(|stop| *stop).await;
    };
    Sse::new(updates.take_until(stopping)).keep_alive(KeepAlive::default())
}

async fn script() -> Response {
    let mut response = SCRIPT.into_response();
    set_header(
        &mut response,
        header::CONTENT_TYPE,
        "text/javascript; charset=utf-8",
    );
    set_header(&mut response, header::CACHE_CONTROL, "no-store");
    response
}

/// How a request path maps onto the built site.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(String),
    /// A folder asked for without its trailing slash, or the root of a site under a sub-path.
    Redirect(String),
    NotFound,
}

/// Resolves a request path (still percent-encoded) against the site's files.
fn resolve(files: &SiteFiles, raw_path: &str) -> Resolved {
    let Ok(path) = percent_decode_str(raw_path).decode_utf8() else {
        return Resolved::NotFound;
    };
    let escapes = path.contains(['\0', '\\']) || path.split('/').any(|s| s == ".." || s == ".");
    if escapes {
        return Resolved::NotFound;
    }
    // The base path is kept percent-encoded, as links and redirects carry it.
    let encoded_base = files.base_path();
    let base = percent_decode_str(encoded_base).decode_utf8_lossy();
    if base != "/" && (path == "/" || path == base.trim_end_matches('/')) {
        return Resolved::Redirect(encoded_base.to_string());
    }
    let Some(relative) = path.strip_prefix(base.as_ref()) else {
        return Resolved::NotFound;
    };
    if relative.is_empty() || relative.ends_with('/') {
        let index = format!("{relative}index.html");
        return match files.get(&index) {
            Some(_) => Resolved::File(index),
            None => Resolved::NotFound,
        };
    }
    if files.get(relative).is_some() {
        return Resolved::File(relative.to_string());
    }
    if files.get(&format!("{relative}/index.html")).is_some() {
        return Resolved::Redirect(format!("{raw_path}/"));
    }
    Resolved::NotFound
}

async fn site_file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        set_header(&mut response, header::ALLOW, "GET, HEAD");
        return response;
    }
    let status = shared.status.borrow().clone();
    let (resolved, body, not_found_page) = {
        let files = shared.files.read().unwrap_or_else(|e| e.into_inner());
        let resolved = resolve(&files, uri.path());
        let body = match &resolved {
            Resolved::File(path) => files.get(path).cloned(),
            _ => None,
        };
        (resolved, body, files.get("404.html").cloned())
    };
    match (resolved, body) {
        (Resolved::File(path), Some(body)) => file_response(StatusCode::OK, &path, body, &status),
        (Resolved::Redirect(location), _) => {
            let location = match uri.query() {
                Some(query) => format!("{location}?{query}"),
                None => location,
            };
            let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
            set_header(&mut response, header::LOCATION, &location);
            set_header(&mut response, header::CACHE_CONTROL, "no-store");
            response
        }
        _ if status.version == 0 => not_built(&status),
        _ => match not_found_page {
            Some(page) => file_response(StatusCode::NOT_FOUND, "404.html", page, &status),
            None => (StatusCode::NOT_FOUND, "Not found\n").into_response(),
        },
    }
}

/// The answer while no build has succeeded yet: the errors, and a page that reloads once
/// the site builds.
fn not_built(status: &Status) -> Response {
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build failed</title></head>\n<body>\n<p>The site has not built yet.</p>\n</body>\n</html>\n";
    file_response(
        StatusCode::SERVICE_UNAVAILABLE,
        "index.html",
        Bytes::from_static(page.as_bytes()),
        status,
    )
}

fn file_response(code: StatusCode, path: &str, body: Bytes, status: &Status) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.essence_str(),
            "application/javascript" | "application/json" | "application/xml"
        );
    let content_type = if textual {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let body = if is_html {
        Body::from(inject(&body, path, status))
    } else {
        Body::from(body)
    };
    let mut response = (code, body).into_response();
    set_header(&mut response, header::CONTENT_TYPE, &content_type);
    set_header(&mut response, header::CACHE_CONTROL, "no-store");
    set_header(&mut response, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    response
}

fn set_header(response: &mut Response, name: header::HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}

/// Adds the live-reload script (and the error overlay, if the last rebuild failed) before
/// `</body>`. Only served pages get it; the files `brief build` writes never do.
fn inject(html: &[u8], file: &str, status: &Status) -> Vec<u8> {
    let mut snippet = format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{}\" data-file=\"{}\" data-events=\"{EVENTS_PATH}\"></script>\n",
        status.version,
        escape_html(file)
    );
    if let Some(overlay) = &status.errors {
        snippet.push_str(overlay);
    }
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + snippet.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(snippet.as_bytes());
    page.extend_from_slice(&html[at..]);
    page
}

/// The errors of a failed rebuild as an overlay over the page: each with its file, line and
/// the offending line, as `brief build` prints them.
pub fn overlay(report: &Report) -> String {
    let errors = report.error_count();
    let mut listing = String::new();
    for diagnostic in &report.diagnostics {
        listing.push_str(&escape_html(&diagnostic.to_string()));
        listing.push_str("\n\n");
    }
    format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:#18181b;color:#fafafa;font:15px/1.5 system-ui,sans-serif\">\
<h2 style=\"margin:0 0 .5rem;color:#fca5a5;font-size:1.25rem\">Build failed: {errors} error{}</h2>\
<p style=\"margin:0 0 1rem\">Behind this message is the last good build. Fix the file and save: this message goes away by itself. <button type=\"button\" onclick=\"this.closest('#{OVERLAY_ID}').remove()\">Hide</button></p>\
<pre style=\"white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace;margin:0\">{listing}</pre></div>\n",
        if errors == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::render::Output;
    use crate::serve::incremental::{Stats, Update};

    fn site(base_path: &str, paths: &[&str]) -> SiteFiles {
        let mut files = SiteFiles::default();
        files.apply(Update {
            full: true,
            written: paths.iter().map(|p| Output::new(*p, "x")).collect(),
            removed: Vec::new(),
            statics: None,
            base_path: base_path.to_string(),
            warnings: Report::default(),
            stats: Stats::default(),
        });
        files
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_a_slash() {
        let files = site("/", &["index.html", "articles/x/index.html", "style.css"]);
        assert_eq!(resolve(&files, "/"), Resolved::File("index.html".into()));
        assert_eq!(
            resolve(&files, "/articles/x/"),
            Resolved::File("articles/x/index.html".into())
        );
        assert_eq!(
            resolve(&files, "/articles/x"),
            Resolved::Redirect("/articles/x/".into())
        );
        assert_eq!(
            resolve(&files, "/style.css"),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve(&files, "/articles/"), Resolved::NotFound);
    }

    #[test]
    fn paths_outside_the_site_are_not_found() {
        let files = site("/", &["index.html", "a/index.html"]);
        for path in [
            "/../index.html",
            "/a/../index.html",
            "/%2e%2e/index.html",
            "/%2E%2E%2Findex.html",
            "/a%5c..%5cindex.html",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(resolve(&files, path), Resolved::NotFound, "{path}");
        }
    }

    #[test]
    fn a_sub_path_site_is_served_under_it() {
        let files = site("/briefs/", &["index.html", "articles/x/index.html"]);
        assert_eq!(resolve(&files, "/"), Resolved::Redirect("/briefs/".into()));
        assert_eq!(
            resolve(&files, "/briefs"),
            Resolved::Redirect("/briefs/".into())
        );
        assert_eq!(
            resolve(&files, "/briefs/"),
            Resolved::File("index.html".into())
        );
        assert_eq!(
            resolve(&files, "/briefs/articles/x/"),
            Resolved::File("articles/x/index.html".into())
        );
        assert_eq!(resolve(&files, "/articles/x/"), Resolved::NotFound);
    }

    #[test]
    fn the_script_goes_before_the_body_ends() {
        let status = Status {
            version: 3,
            ..Status::default()
        };
        let page = inject(
            b"<html><body><p>Hi</p></body></html>",
            "a/index.html",
            &status,
        );
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.ends_with("<p>Hi</p><script src=\"/__brief/live.js\" data-version=\"3\" data-file=\"a/index.html\" data-events=\"/__brief/events\"></script>\n</body></html>"),
            "{page}"
        );
    }

    #[test]
    fn the_overlay_escapes_and_places_errors() {
        let report = Report {
            diagnostics: vec![
                Diagnostic::error("content/articles/a.md", "bad <value>").at("x\ndate: <\n", 2, 7),
            ],
        };
        let overlay = overlay(&report);
        assert!(
            overlay.contains("content/articles/a.md:2:7: error: bad &lt;value&gt;"),
            "{overlay}"
        );
        assert!(overlay.contains("Build failed: 1 error<"), "{overlay}");
    }

    #[test]
    fn only_this_machine_s_names_reach_a_loopback_preview() {
        let bind: IpAddr = "127.0.0.1".parse().unwrap();
        for host in [
            "localhost:4000",
            "127.0.0.1:4000",
            "[::1]:4000",
            "LOCALHOST",
            "127.0.0.1",
        ] {
            assert!(host_allowed(Some(host), bind), "{host}");
        }
        for host in [
            "attacker.example:4000",
            "localhost.attacker.example",
            "10.0.0.5:4000",
        ] {
            assert!(!host_allowed(Some(host), bind), "{host}");
        }
        let v6: IpAddr = "::1".parse().unwrap();
        assert!(host_allowed(Some("[::1]:4000"), v6));
    }
}
