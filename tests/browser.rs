//! The default theme in a real browser: the example site is built, served over
//! 127.0.0.1 by a small static server, and checked in headless Chromium by
//! `tests/browser/theme.mjs` (layout at phone and desktop widths, axe-core, dark mode,
//! print, keyboard). Screenshots are kept in `target/screenshots/`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::*;

const CHROMIUM: &str = "/usr/bin/chromium";

/// Pages the theme check visits: the front page, the example article, an entity, and
/// the pages with the most varied parts (highlighted code, a story timeline, a briefing
/// with an editor's note).
const PAGES: [&str; 6] = [
    "/",
    "/articles/us-gaza-lebanon-initiative/",
    "/entities/hezbollah/",
    "/articles/reading-casualty-figures/",
    "/stories/gaza-lebanon-ceasefire-talks/",
    "/briefings/2024-09-26/",
];

/// A static file server on 127.0.0.1, stopped when dropped.
struct StaticServer {
    child: Child,
    base_url: String,
}

impl StaticServer {
    /// Serves `dir` on a port the OS picks; waits until the server says it listens.
    fn start(dir: &Path) -> StaticServer {
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the test's static file server");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut first_line = String::new();
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("the static server prints its address");
        // "Serving HTTP on 127.0.0.1 port 41235 (http://127.0.0.1:41235/) ..."
        let port = first_line
            .split_whitespace()
            .skip_while(|word| *word != "port")
            .nth(1)
            .and_then(|p| p.parse::<u16>().ok())
            .unwrap_or_else(|| panic!("no port in the server's first line: {first_line:?}"));
        StaticServer {
            child,
            base_url: format!("http://127.0.0.1:{port}/"),
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `tests/browser`, with its packages installed (`npm ci`) when they are missing.
fn browser_test_dir() -> PathBuf {
    let dir = example_root().join("tests/browser");
    if !dir.join("node_modules/playwright-core").exists()
        || !dir.join("node_modules/axe-core").exists()
    {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm installs the browser test packages");
        assert!(status.success(), "npm ci in tests/browser failed");
    }
    dir
}

#[test]
fn theme_is_responsive_accessible_and_prints_cleanly() {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install Chromium (apt-get install chromium) to run the browser checks"
    );
    let scripts = browser_test_dir();
    let site = example_site();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = StaticServer::start(&site.path().join("public"));
    let screenshots = example_root().join("target/screenshots");

    let run = Command::new("node")
        .arg(scripts.join("theme.mjs"))
        .arg(&server.base_url)
        .arg(&screenshots)
        .args(PAGES)
        .env("CHROMIUM", CHROMIUM)
        .output()
        .expect("node runs the theme check");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{report}");
    assert!(run.status.success(), "theme check failed:\n{report}");
    assert!(report.contains("all theme checks passed"), "{report}");
    assert!(screenshots.join("front-phone.png").exists());
}
