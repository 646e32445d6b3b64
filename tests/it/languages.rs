//! Languages: `language:` in site.yaml switches the default theme's words and the dates,
//! a site's `i18n/<language>.yaml` replaces some or adds a language, and search finds
//! Chinese, Japanese and Korean words, which are written without spaces.

use std::process::Command;

use crate::common::*;

/// Labels of the English theme that a page in another language must not show.
const ENGLISH_LABELS: [&str; 10] = [
    "Latest briefing",
    "Recent articles",
    "min read",
    ">Topics<",
    "Who’s involved",
    "Updated ",
    "Earlier in this story",
    "Skip to content",
    " article from ",
    "Atom feed of",
];

fn set_language(site: &std::path::Path, language: &str) {
    let config =
        read(site.join("site.yaml")).replace("language: en", &format!("language: {language}"));
    std::fs::write(site.join("site.yaml"), config).unwrap();
}

#[test]
fn a_french_site_speaks_french_on_every_page_and_in_its_dates() {
    let site = example_site();
    set_language(site.path(), "fr");
    let out = build(site.path(), &["--now", "2025-01-01T00:00:00Z"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let front = read(public.join("index.html"));
    assert!(front.contains("<html lang=\"fr\">"), "{front}");
    assert!(
        shown_dates(&front).contains(&"vendredi 4 octobre 2024"),
        "{front}"
    );
    for french in [
        "Dernier briefing",
        "Articles récents",
        "min de lecture",
        "septembre 2024",
    ] {
        assert!(front.contains(french), "{french} not on the front page");
    }
    let day = read(public.join("briefings/2024-09-26/index.html"));
    assert!(
        day.contains("<title>Briefing du jeudi 26 septembre 2024 · "),
        "{day}"
    );
    // Quotations take the language's marks.
    assert!(day.contains("<blockquote><p>«\u{202f}"), "{day}");
    assert!(!day.contains("<blockquote><p>“"), "{day}");
    let article = read(public.join("articles/us-gaza-lebanon-initiative/index.html"));
    assert!(article.contains("Qui est concerné"), "{article}");
    let search = read(public.join("search/index.html"));
    assert!(
        search.contains("data-no-results=\"Aucun résultat.\""),
        "{search}"
    );
    assert!(
        search.contains("Parcourez plutôt la <a href=\"/timeline/\">chronologie</a>"),
        "{search}"
    );
    for (path, bytes) in tree(&public) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        // Article text stays as written; only the theme's words are checked.
        let theme: String = html
            .split("<div class=\"article-body")
            .next()
            .unwrap_or_default()
            .to_string();
        for english in ENGLISH_LABELS {
            assert!(!theme.contains(english), "{path} shows `{english}`");
        }
        for date in shown_dates(&html) {
            assert!(
                !["September", "October", "Thursday"]
                    .iter()
                    .any(|e| date.contains(e)),
                "{path} shows the date `{date}`"
            );
        }
    }
}

/// The text of every `<time>` element.
fn shown_dates(html: &str) -> Vec<&str> {
    html.split("<time ")
        .skip(1)
        .filter_map(|rest| rest.split_once('>')?.1.split_once("</time>"))
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn a_site_table_replaces_labels_and_its_mistakes_are_reported_at_their_lines() {
    let site = site_with(&[
        ("site.yaml", "title: T\nlanguage: de\n"),
        ("content/articles/a.md", ARTICLE),
        ("i18n/de.yaml", "# Unsere Wörter\nlatest_briefing: Heute\n"),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let front = read(site.path().join("public/index.html"));
    assert!(front.contains(">Heute</p>"), "{front}");
    assert!(front.contains("Donnerstag, 26. September 2024"), "{front}");

    std::fs::write(
        site.path().join("i18n/de.yaml"),
        "latest_briefing: Heute\nlatest_briefng: x\nmin_read: \"{minuten} Min.\"\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("i18n/de.yaml:2:1: error"), "{err}");
    assert!(err.contains("did you mean `latest_briefing`"), "{err}");
    assert!(err.contains("i18n/de.yaml:3:1: error"), "{err}");
    assert!(err.contains("{minuten}"), "{err}");
}

#[test]
fn a_language_with_no_words_is_an_error_naming_the_setting() {
    let site = site_with(&[
        ("site.yaml", "title: T\nlanguage: it\n"),
        ("content/articles/a.md", ARTICLE),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("site.yaml:2:1: error"), "{err}");
    assert!(
        err.contains("`language: it`") && err.contains("i18n/it.yaml"),
        "{err}"
    );
    assert!(!site.path().join("public").exists());
}

const JAPANESE: [(&str, &str); 3] = [
    (
        "content/articles/vulnerability.md",
        "---\ntitle: 大手銀行のシステムに深刻な脆弱性\ndate: 2024-09-26\n---\n\n研究者は、オンライン決済の仕組みに脆弱性が見つかったと発表した。修正は来週になる見込みだ。\n",
    ),
    (
        "content/articles/economy.md",
        "---\ntitle: 脆弱な回復が続く地方経済\ndate: 2024-09-25\n---\n\n地方の景気は回復しているが、その足取りは脆弱なままだ。\n",
    ),
    (
        "content/articles/trains.md",
        "---\ntitle: 新型車両の性能試験が始まる\ndate: 2024-09-24\n---\n\n鉄道会社は新しい車両の性能を確かめる試験を始めた。\n",
    ),
];

#[test]
fn japanese_articles_are_found_by_words_written_without_spaces() {
    let scripts = browser_scripts();
    let mut files = vec![
        ("site.yaml", "title: ニュース\nlanguage: ja\n"),
        (
            "i18n/ja.yaml",
            "latest_briefing: 最新のブリーフィング\nsearch_no_results: 見つかりませんでした。\nn_results: { other: \"{n}件\" }\n",
        ),
    ];
    files.extend(JAPANESE);
    let site = site_with(&files);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("i18n/ja.yaml: warning"), "{err}");
    assert!(err.contains("shown in English"), "{err}");
    let front = read(site.path().join("public/index.html"));
    assert!(front.contains("<html lang=\"ja\">") && front.contains("最新のブリーフィング"));

    let server = StaticServer::start(&site.path().join("public"));
    let search = |query: &str, expected: &str| {
        let run = Command::new("node")
            .arg(scripts.join("search.mjs"))
            .args([&format!("{}search/", server.base_url()), query, expected])
            .output()
            .expect("node runs the browser test");
        let report = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(run.status.success(), "{query}: {report}\n{}", stderr(&run));
        serde_json::from_str::<serde_json::Value>(report.trim()).unwrap()
    };
    // "脆弱性" (vulnerability) is in one article; "脆弱な" (fragile) in another shares its
    // first two characters only.
    let found = search("脆弱性", JAPANESE_TITLE);
    assert_eq!(
        found["results"],
        serde_json::json!([JAPANESE_TITLE]),
        "{found}"
    );
    assert_eq!(found["status"], "1件", "{found}");
    let found = search("性能", "新型車両の性能試験が始まる");
    assert_eq!(found["results"].as_array().unwrap().len(), 1, "{found}");
}

const JAPANESE_TITLE: &str = "大手銀行のシステムに深刻な脆弱性";
