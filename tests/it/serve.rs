//! `brief serve` end to end: the real binary on a free port, a real HTTP client, edits on disk.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::common::*;

/// How long a rebuild may take to show; generous, as machines running tests are busy.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `brief serve`, stopped with Ctrl-C when dropped.
struct Server {
    child: Child,
    url: String,
    lines: Receiver<String>,
    stderr: Option<ChildStderr>,
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .arg("serve")
            .arg("--root")
            .arg(root)
            .args(["--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("brief serve starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = child.stderr.take();
        let mut server = Server {
            child,
            url: String::new(),
            lines,
            stderr,
        };
        let line = server.wait_for_line("Serving at ");
        let start = line.find("http://").expect("the URL is printed");
        server.url = line[start..].split_whitespace().next().unwrap().to_string();
        server
    }

    /// The next line of standard output containing `text`.
    fn wait_for_line(&mut self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("no line with {text:?} in time"),
                Err(RecvTimeoutError::Disconnected) => {
                    let mut errors = String::new();
                    if let Some(stderr) = self.stderr.as_mut() {
                        let _ = stderr.read_to_string(&mut errors);
                    }
                    panic!("brief serve ended before printing {text:?}: {errors}");
                }
            }
        }
    }

    /// Origin without the base path: `http://127.0.0.1:1234`.
    fn origin(&self) -> String {
        let after_scheme = &self.url["http://".len()..];
        let host_end = after_scheme.find('/').unwrap_or(after_scheme.len());
        format!("http://{}", &after_scheme[..host_end])
    }

    fn address(&self) -> String {
        self.origin()["http://".len()..].to_string()
    }

    fn get(&self, path: &str) -> Reply {
        get(&format!("{}{path}", self.origin()))
    }

    /// Sends `path` exactly as given (clients normalise `..` away) and returns the status
    /// line and body.
    fn raw_get(&self, path: &str) -> (String, String) {
        let mut stream = TcpStream::connect(self.address()).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.lines().next().unwrap_or_default().to_string();
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Polls `path` until its body satisfies `check`.
    fn wait_for(&self, path: &str, what: &str, check: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reply = self.get(path);
            if check(&reply) {
                return reply;
            }
            assert!(
                Instant::now() < deadline,
                "{path} never showed {what}; last reply {}:\n{}",
                reply.status,
                reply.body
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Ctrl-C; returns the exit status and the rest of standard output.
    fn interrupt(mut self) -> (std::process::ExitStatus, String) {
        interrupt(&self.child);
        let status = wait_with_timeout(&mut self.child);
        let rest: Vec<String> = self.lines.try_iter().collect();
        (status, rest.join("\n"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

fn wait_with_timeout(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "brief serve did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Reply {
    status: u16,
    content_type: String,
    location: Option<String>,
    body: String,
}

fn get(url: &str) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(PATIENCE))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type").unwrap_or_default();
    let location = header("location");
    Reply {
        status: response.status().as_u16(),
        content_type,
        location,
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

const ARTICLE_PATH: &str = "content/articles/us-france-ceasefire-call.md";
const ARTICLE_URL: &str = "/articles/us-france-ceasefire-call/";

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every entry of a folder, to see that serving left nothing behind.
/// Every path under `dir`, but the image cache, which serving fills as building does.
fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .filter(|p| !p.starts_with(dir.join(".brief-cache")))
        .collect();
    entries.sort();
    entries
}

#[test]
fn edits_show_errors_overlay_and_clear() {
    let site = example_site();
    let before = listing(site.path());
    let server = Server::start(site.path(), &[]);
    assert_eq!(server.url, format!("{}/", server.origin()));

    let page = server.get(ARTICLE_URL);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("wanted to move quickly"));
    assert!(
        page.body.contains("/__brief/live.js"),
        "the reload script is injected"
    );

    let article = site.path().join(ARTICLE_PATH);
    replace_in(&article, "wanted to move", "hoped to move");
    server.wait_for(ARTICLE_URL, "the edit", |r| {
        r.body.contains("hoped to move quickly")
    });

    let good = read(&article);
    replace_in(&article, "date: 2024-09-25 23:10", "date: [broken");
    let broken = server.wait_for(ARTICLE_URL, "the error overlay", |r| {
        r.body.contains("id=\"brief-errors\"")
    });
    assert_eq!(broken.status, 200, "the last good page is still served");
    assert!(broken.body.contains("hoped to move quickly"));
    assert!(
        broken
            .body
            .contains("content/articles/us-france-ceasefire-call.md:3:7: error"),
        "the overlay names the file and line:\n{}",
        broken.body
    );

    std::fs::write(&article, good.replace("hoped to move", "rushed to move")).unwrap();
    let fixed = server.wait_for(ARTICLE_URL, "the fix", |r| {
        r.body.contains("rushed to move quickly")
    });
    assert!(!fixed.body.contains("brief-errors"), "the overlay is gone");

    let (status, output) = server.interrupt();
    assert!(status.success(), "Ctrl-C stops cleanly: {status:?}");
    assert!(output.contains("Stopped."), "{output}");
    assert_eq!(
        listing(site.path()),
        before,
        "serving leaves no files behind"
    );
}

#[test]
fn serves_like_a_static_host() {
    let site = example_site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "not part of the site").unwrap();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        site.path().join("static/secret.txt"),
    )
    .unwrap();
    let server = Server::start(site.path(), &[]);

    for (path, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/search.js", "javascript"),
        ("/feed.xml", "xml"),
        ("/feed.json", "application/json"),
        ("/data/site.json", "application/json"),
        ("/robots.txt", "text/plain"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply.content_type.contains(content_type),
            "{path}: {}",
            reply.content_type
        );
    }
    assert!(
        !server.get("/style.css").body.contains("live.js"),
        "only pages get the script"
    );

    let redirect = server.get("/articles/us-france-ceasefire-call");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.location.as_deref(), Some(ARTICLE_URL));

    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.content_type.starts_with("text/html"));
    assert!(
        missing.body.contains("Page not found"),
        "the site's 404.html"
    );
    assert_eq!(server.get("/articles/").status, 404, "no folder listings");
    assert_eq!(
        server.get("/secret.txt").status,
        404,
        "no symlinks out of the site"
    );

    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/articles/%2E%2E/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/%2e%2e%5csite.yaml",
        "/content/articles/us-france-ceasefire-call.md",
    ] {
        let (status, body) = server.raw_get(path);
        assert!(status.contains(" 404 "), "{path}: {status}");
        assert!(
            !body.contains("Middle East Briefing\"\n"),
            "{path} leaked site.yaml"
        );
        assert!(
            !body.contains("not part of the site"),
            "{path} leaked a file"
        );
    }

    let (status, _) = server.interrupt();
    assert!(status.success());
}

#[test]
fn a_sub_path_site_is_served_under_its_base_path() {
    let site = site_with(&[
        (
            "site.yaml",
            "title: Sub\nbase_url: \"https://example.org/briefs/\"\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    let server = Server::start(site.path(), &[]);
    assert!(server.url.ends_with("/briefs/"), "{}", server.url);
    assert_eq!(server.get("/briefs/").status, 200);
    let article = server.get("/briefs/articles/a/");
    assert_eq!(article.status, 200);
    assert!(article.body.contains("href=\"/briefs/style.css\""));
    let root = server.get("/");
    assert_eq!(root.status, 301);
    assert_eq!(root.location.as_deref(), Some("/briefs/"));
    assert_eq!(server.get("/articles/a/").status, 404);

    std::fs::write(site.path().join("site.yaml"), "title: Sub\n").unwrap();
    let mut server = server;
    let line = server.wait_for_line("the base path changed");
    assert!(line.contains(&format!("{}/ ", server.origin())), "{line}");
    assert_eq!(server.get("/articles/a/").status, 200);
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let site = example_site();
    let server = Server::start(site.path(), &[]);
    let port = server.address().rsplit(':').next().unwrap().to_string();
    let second = brief()
        .args(["serve", "--root"])
        .arg(site.path())
        .args(["--port", &port])
        .timeout(PATIENCE)
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    let message = stderr(&second);
    assert!(
        message.contains(&format!("port {port} is already in use")) && message.contains("--port"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn a_site_that_does_not_build_is_served_once_fixed() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: A day\ndate: nope\n---\n\nThe talks went on.\n",
    )]);
    let server = Server::start(site.path(), &[]);
    let reply = server.get("/");
    assert_eq!(reply.status, 503);
    assert!(
        reply.body.contains("content/articles/a.md:3:7: error"),
        "{}",
        reply.body
    );
    std::fs::write(site.path().join("content/articles/a.md"), ARTICLE).unwrap();
    let article = server.wait_for("/articles/a/", "the article", |r| r.status == 200);
    assert!(article.body.contains("The talks went on."));
}

#[test]
fn the_event_stream_reports_the_build() {
    let site = example_site();
    let server = Server::start(site.path(), &[]);
    let mut stream = TcpStream::connect(server.address()).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET /__brief/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address()
    )
    .unwrap();
    let mut seen = String::new();
    let mut buffer = [0u8; 1024];
    while !seen.contains("\"version\":1") {
        let read = stream.read(&mut buffer).unwrap();
        assert!(read > 0, "the stream ended: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buffer[..read]));
    }
    assert!(seen.contains("text/event-stream"), "{seen}");
    assert!(seen.contains("event: status"), "{seen}");
    // An open event stream does not keep the server from stopping.
    let (status, _) = server.interrupt();
    assert!(status.success());
}

/// Runs `tests/browser/<script>` with node, installing the packages when needed. Chromium
/// must be installed: the check fails, never skips, without it.
fn browser_script(script: &str, args: &[&str]) -> Child {
    let browser = browser_scripts();
    Command::new("node")
        .arg(browser.join(script))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs")
}

#[test]
fn the_browser_reloads_swaps_stylesheets_and_shows_errors() {
    let site = example_site();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    let stylesheet = site.path().join("static/style.css");
    std::fs::write(&stylesheet, "body { color: rgb(1, 2, 3); }\n").unwrap();
    let server = Server::start(site.path(), &[]);
    let url = format!("{}{}", server.origin(), ARTICLE_URL);
    let mut node = browser_script("reload.mjs", &[&url]);
    let steps = BufReader::new(node.stdout.take().unwrap());
    let article = site.path().join(ARTICLE_PATH);
    let good = read(&article);
    let mut finished = false;
    for line in steps.lines().map_while(Result::ok) {
        match line.as_str() {
            "ready: text" => replace_in(&article, "Washington wanted", "Washington hoped"),
            "ready: style" => {
                std::fs::write(&stylesheet, "body { color: rgb(4, 5, 6); }\n").unwrap()
            }
            "ready: error" => replace_in(&article, "date: 2024-09-25 23:10", "date: [broken"),
            "ready: fix" => std::fs::write(&article, good.replace("wanted", "hoped")).unwrap(),
            "done" => finished = true,
            _ => {}
        }
    }
    let output = node.wait_with_output().unwrap();
    assert!(
        output.status.success() && finished,
        "the browser check failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn editor_saves_folders_and_deletes_are_picked_up() {
    let site = example_site();
    let server = Server::start(site.path(), &[]);
    let articles = site.path().join("content/articles");
    let article = site.path().join(ARTICLE_PATH);

    // Write a temporary file, then rename it over the article.
    let text = read(&article).replace("wanted to move", "chose to move");
    std::fs::write(articles.join(".us-france.md.swp"), &text).unwrap();
    std::fs::rename(articles.join(".us-france.md.swp"), &article).unwrap();
    server.wait_for(ARTICLE_URL, "a save by rename", |r| {
        r.body.contains("chose to move")
    });

    // Move the old file to a backup, write a new one, remove the backup.
    let backup = articles.join("us-france-ceasefire-call.md~");
    std::fs::rename(&article, &backup).unwrap();
    std::fs::write(&article, text.replace("chose", "decided")).unwrap();
    std::fs::remove_file(&backup).unwrap();
    server.wait_for(ARTICLE_URL, "a save through a backup", |r| {
        r.body.contains("decided to move")
    });

    // A new folder with an article in it.
    let folder = articles.join("2024/october");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("late.md"),
        ARTICLE.replace("A day in Beirut", "A late report"),
    )
    .unwrap();
    server.wait_for("/articles/late/", "an article in a new folder", |r| {
        r.status == 200 && r.body.contains("A late report")
    });

    // Removing the folder removes its pages.
    std::fs::remove_dir_all(articles.join("2024")).unwrap();
    server.wait_for("/articles/late/", "the removed article gone", |r| {
        r.status == 404
    });
}

#[test]
fn polling_finds_changes_too() {
    let site = example_site();
    let server = Server::start(site.path(), &["--poll"]);
    replace_in(
        &site.path().join(ARTICLE_PATH),
        "wanted to move",
        "polled to move",
    );
    server.wait_for(ARTICLE_URL, "the edit", |r| {
        r.body.contains("polled to move")
    });
}

/// The status line of a raw HTTP/1.1 GET of `/` at `url`'s address with `host` as its Host.
fn status_for_host(url: &str, host: &str) -> String {
    use std::io::{Read, Write};
    let address = url.trim_start_matches("http://").split('/').next().unwrap();
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply.lines().next().unwrap_or_default().to_string()
}

#[test]
fn a_loopback_preview_answers_only_requests_for_this_machine() {
    let site = example_site();
    let server = Server::start(site.path(), &[]);
    let address = server
        .url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    let port = address.rsplit_once(':').unwrap().1;
    for host in [address.clone(), format!("localhost:{port}")] {
        let status = status_for_host(&server.url, &host);
        assert!(status.contains(" 200 "), "{host}: {status}");
    }
    let status = status_for_host(&server.url, &format!("rebound.example:{port}"));
    assert!(
        status.contains(" 421 "),
        "a rebound host name is refused: {status}"
    );
}

#[test]
fn scheduled_articles_are_previewed_and_marked() {
    let site = site_with(&[
        (
            "content/articles/now.md",
            "---\ntitle: Out now\ndate: 2025-03-09\n---\nText.\n",
        ),
        (
            "content/articles/later.md",
            "---\ntitle: Out later\ndate: 2025-03-12\n---\nText.\n",
        ),
    ]);
    let server = Server::start(site.path(), &["--now", "2025-03-10T12:00:00Z"]);
    let page = get(&format!("{}articles/later/", server.url));
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains(r#"<span class="badge scheduled">Scheduled</span>"#)
    );
    let front = get(&server.url).body;
    assert!(front.contains("Out later") && front.contains("Out now"));
}
