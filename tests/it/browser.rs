//! The default theme in a real browser: the example site is built, served over
//! 127.0.0.1 by a small static server, and checked in headless Chromium by
//! `tests/browser/theme.mjs` (layout at phone and desktop widths, axe-core, dark mode,
//! print, keyboard). Screenshots are kept in `target/screenshots/`.

use std::process::Command;

use crate::common::*;

/// Pages the theme check visits: the front page, the example article, an entity, the
/// pages with the most varied parts (highlighted code, a story timeline, a briefing with
/// an editor's note), and the list pages that spread over the width on a desktop (a
/// topic, an author, the timeline, search with results).
const PAGES: [&str; 10] = [
    "/",
    "/articles/us-gaza-lebanon-initiative/",
    "/entities/hezbollah/",
    "/articles/reading-casualty-figures/",
    "/stories/gaza-lebanon-ceasefire-talks/",
    "/briefings/2024-09-26/",
    "/tags/conflict/",
    "/authors/briefing-desk/",
    "/timeline/",
    "/search/?q=ceasefire",
];

/// A static file server on 127.0.0.1, stopped when dropped.
#[test]
fn theme_is_responsive_accessible_and_prints_cleanly() {
    let scripts = browser_scripts();
    let site = example_site();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = StaticServer::start(&site.path().join("public"));
    let screenshots = example_root().join("target/screenshots");

    let run = Command::new("node")
        .arg(scripts.join("theme.mjs"))
        .arg(server.base_url())
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
