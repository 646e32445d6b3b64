//! The cross-linked pages of the example site, read back as HTML: articles link to the
//! entities they mention, entity pages list articles and quotes, stories and briefings
//! list their articles, and article pages carry their contents, related articles,
//! story navigation and backlinks.

use std::path::Path;

use crate::common::*;
use scraper::{ElementRef, Html, Selector};

const ARTICLE: &str = "/articles/us-gaza-lebanon-initiative/";
const STORY: &str = "/stories/gaza-lebanon-ceasefire-talks/";

/// The example site, built into a temp dir.
fn built_example() -> tempfile::TempDir {
    let site = example_site();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    site
}

/// The page served at a root-relative URL of the built site.
fn page(site: &Path, url: &str) -> Html {
    let file = site
        .join("public")
        .join(url.trim_start_matches('/'))
        .join("index.html");
    Html::parse_document(&read(file))
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&selector(css)).collect()
}

fn hrefs(html: &Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect::<Vec<_>>().join("")
}

#[test]
fn article_body_links_the_entities_it_mentions() {
    let site = built_example();
    let article = page(site.path(), ARTICLE);
    let body_links = hrefs(&article, ".e-content a[href]");
    for entity in ["/entities/hezbollah/", "/entities/joe-biden/"] {
        assert!(
            body_links.iter().any(|h| h == entity),
            "the article body links {entity}; body links: {body_links:?}"
        );
    }
    let involved = select(&article, ".involved")
        .iter()
        .map(text)
        .collect::<String>();
    assert!(involved.contains("Hezbollah") && involved.contains("Joe Biden"));
    // Kinds are told apart in words, not only by colour and shape.
    let biden = select(&article, ".involved a[href=\"/entities/joe-biden/\"]");
    assert!(text(&biden[0]).contains("(person)"), "{}", text(&biden[0]));
}

#[test]
fn entity_page_lists_the_articles_that_mention_it() {
    let site = built_example();
    let hezbollah = page(site.path(), "/entities/hezbollah/");
    let listed = hrefs(&hezbollah, "main .card-title a");
    assert!(
        listed.iter().any(|h| h == ARTICLE),
        "Hezbollah's page lists the example article; it lists {listed:?}"
    );
}

#[test]
fn quote_appears_on_its_speakers_page() {
    let site = built_example();
    let biden = page(site.path(), "/entities/joe-biden/");
    let quotes: Vec<String> = select(&biden, "main blockquote").iter().map(text).collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("An all-out war is possible")),
        "Biden's page quotes him; quotes there: {quotes:?}"
    );
    let sources = hrefs(&biden, "main .quote figcaption a");
    assert!(sources.iter().any(|h| h == ARTICLE), "{sources:?}");
}

#[test]
fn story_page_shows_the_latest_then_the_rest_newest_first() {
    let site = built_example();
    let story = page(site.path(), STORY);
    let cards = select(&story, "main .story-main article.card");
    let listed: Vec<String> = cards
        .iter()
        .filter_map(|card| {
            card.select(&selector(".card-title a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(
        listed,
        [
            "/articles/blinken-diplomacy-after-iran-attack/",
            "/articles/hezbollah-confirms-nasrallah-killed/",
            "/articles/netanyahu-office-ceasefire-response/",
            ARTICLE,
            "/articles/us-france-ceasefire-call/",
            "/articles/israel-strikes-lebanon-displacement/",
        ],
        "the story's published articles, newest first (the draft left out)"
    );
    let dates: Vec<String> = cards
        .iter()
        .filter_map(|card| {
            card.select(&selector("time"))
                .next()
                .and_then(|t| t.value().attr("datetime"))
                .map(str::to_string)
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| {
        d.parse::<jiff::Timestamp>()
            .unwrap_or_else(|e| panic!("{d} is not RFC 3339: {e}"))
    });
    sorted.reverse();
    assert_eq!(dates, sorted, "dates descend");
}

#[test]
fn briefing_page_lists_that_days_articles() {
    let site = built_example();
    let day = page(site.path(), "/briefings/2024-09-26/");
    let listed = hrefs(&day, "main .card-title a");
    assert!(listed.iter().any(|h| h == ARTICLE), "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|h| h == "/articles/netanyahu-office-ceasefire-response/"),
        "{listed:?}"
    );
    assert_eq!(
        hrefs(&day, "main a[rel=prev]"),
        ["/briefings/2024-09-25/"],
        "link to the day before"
    );
    assert_eq!(hrefs(&day, "main a[rel=next]"), ["/briefings/2024-09-28/"]);
    let note: String = select(&day, ".editor-note").iter().map(text).collect();
    assert!(note.contains("diplomacy in New York"), "{note}");
}

#[test]
fn article_with_three_headings_has_a_working_table_of_contents() {
    let site = built_example();
    let article = page(
        site.path(),
        "/articles/blinken-diplomacy-after-iran-attack/",
    );
    let entries = hrefs(&article, "nav.toc a");
    assert_eq!(entries.len(), 3, "{entries:?}");
    for entry in &entries {
        let id = entry.strip_prefix('#').expect("in-page link");
        let target = select(&article, &format!(".e-content [id=\"{id}\"]"));
        assert_eq!(target.len(), 1, "{entry} points at one heading in the body");
    }
    // The example article has no headings, so no contents box.
    let example = page(site.path(), ARTICLE);
    assert!(select(&example, "nav.toc").is_empty());
}

#[test]
fn article_shows_its_story_with_previous_and_next() {
    let site = built_example();
    let article = page(site.path(), ARTICLE);
    assert_eq!(
        hrefs(&article, ".story-timeline a[rel=prev]"),
        ["/articles/us-france-ceasefire-call/"]
    );
    assert_eq!(
        hrefs(&article, ".story-timeline a[rel=next]"),
        ["/articles/netanyahu-office-ceasefire-response/"]
    );
    let current = select(&article, ".story-line [aria-current=page]");
    assert_eq!(current.len(), 1);
    assert!(text(&current[0]).contains("US pushes a joint Gaza-Lebanon"));
    assert_eq!(select(&article, ".story-line > li").len(), 6);

    let first = page(
        site.path(),
        "/articles/israel-strikes-lebanon-displacement/",
    );
    assert!(hrefs(&first, ".story-timeline a[rel=prev]").is_empty());
    let last = page(
        site.path(),
        "/articles/blinken-diplomacy-after-iran-attack/",
    );
    assert!(hrefs(&last, ".story-timeline a[rel=next]").is_empty());
}

#[test]
fn article_lists_related_articles_and_backlinks() {
    let site = built_example();
    let article = page(site.path(), ARTICLE);
    let related = hrefs(&article, ".related .card-title a");
    assert!(
        !related.is_empty(),
        "the example article has related articles"
    );
    assert!(
        related
            .iter()
            .all(|h| h.starts_with("/articles/") && h != ARTICLE)
    );

    let backlinks = hrefs(&article, ".backlinks a");
    for linking in [
        "/articles/blinken-diplomacy-after-iran-attack/",
        "/articles/netanyahu-office-ceasefire-response/",
        "/articles/us-france-ceasefire-call/",
    ] {
        assert!(
            backlinks.iter().any(|h| h == linking),
            "{linking} links here; backlinks: {backlinks:?}"
        );
    }
}

#[test]
fn article_header_and_summary_box() {
    let site = built_example();
    let article = page(site.path(), "/articles/us-france-ceasefire-call/");
    let header: String = select(&article, ".article-header")
        .iter()
        .map(text)
        .collect();
    for expected in [
        "US, France and partners call for 21-day Israel-Lebanon ceasefire",
        "25 September 2024",
        "min read",
        "New York",
        "The briefing desk",
    ] {
        assert!(header.contains(expected), "{expected} in {header}");
    }
    let points = select(&article, ".summary-box .key-points li");
    assert_eq!(points.len(), 3);
    let sources: String = select(&article, ".sources li").iter().map(text).collect();
    assert!(sources.contains("White House"), "{sources}");
    assert_eq!(
        hrefs(&article, ".topics a"),
        ["/tags/diplomacy/", "/tags/united-nations/"]
    );
}

#[test]
fn front_page_leads_with_the_latest_briefing() {
    let site = built_example();
    let front = page(site.path(), "/");
    assert_eq!(
        hrefs(&front, ".front-lead h2 a"),
        ["/briefings/2024-10-04/"],
        "the newest day leads"
    );
    assert_eq!(
        hrefs(&front, ".front-lead .card-title a"),
        ["/articles/reading-casualty-figures/"]
    );
    assert_eq!(
        hrefs(&front, ".recent li > a").len(),
        7,
        "every published article"
    );
    assert!(hrefs(&front, ".front-rail a").iter().any(|h| h == STORY));
}

#[test]
fn front_page_names_the_entities_in_the_news() {
    let site = built_example();
    let front = page(site.path(), "/");
    assert!(
        hrefs(&front, ".front-rail .ranked a")
            .iter()
            .any(|h| h == "/entities/hezbollah/"),
        "Hezbollah is among the entities in the news"
    );
}

#[test]
fn pages_have_landmarks_and_a_skip_link() {
    let site = built_example();
    for url in ["/", ARTICLE, "/entities/hezbollah/", STORY, "/timeline/"] {
        let html = page(site.path(), url);
        assert_eq!(hrefs(&html, "body > a.skip-link"), ["#main"], "{url}");
        assert_eq!(select(&html, "main#main").len(), 1, "{url}");
        assert_eq!(select(&html, "body > header").len(), 1, "{url}");
        assert_eq!(select(&html, "body > footer").len(), 1, "{url}");
        assert_eq!(select(&html, "h1").len(), 1, "{url} has one h1");
        for nav in select(&html, "nav") {
            let named = nav.value().attr("aria-label").is_some()
                || nav.value().attr("aria-labelledby").is_some();
            assert!(named, "{url}: every nav is named: {}", nav.html());
        }
        for section in select(&html, "section") {
            let named = section.value().attr("aria-label").is_some()
                || section.value().attr("aria-labelledby").is_some();
            assert!(named, "{url}: every section is named");
        }
    }
}

#[test]
fn a_site_template_replaces_the_built_in_one_and_keeps_the_components() {
    let site = example_site();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/article.html"),
        r#"{% extends "base.html" %}
{% block content %}
<article class="my-article">
  <h1>{{ article.title }}</h1>
  <p class="byline">{{ article.date_display }}, {{ article.reading_minutes }} min</p>
  {{ article.content | safe }}
  {% for a in related %}{{<card a={a} level={2} entities={false} />}}{% endfor %}
</article>
{% endblock content %}
"#,
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article = page(site.path(), ARTICLE);
    assert_eq!(select(&article, "article.my-article").len(), 1);
    let byline: String = select(&article, ".byline").iter().map(text).collect();
    assert_eq!(byline, "26 September 2024, 2 min");
    assert!(
        !select(&article, ".my-article .card").is_empty(),
        "macro used"
    );
    assert!(
        select(&article, ".summary-box").is_empty(),
        "built-in replaced"
    );
    // Other pages keep the built-in templates.
    let entity = page(site.path(), "/entities/hezbollah/");
    assert_eq!(select(&entity, ".entity-header").len(), 1);
}

#[test]
fn template_docs_cover_every_template_and_context_field() {
    let docs = read(example_root().join("docs/templates.md"));
    for entry in std::fs::read_dir(example_root().join("templates")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().unwrap().is_dir() {
            assert!(
                docs.contains(&format!("`{name}`")),
                "docs/templates.md lists {name}"
            );
            continue;
        }
        // A folder of templates called by name, as the shortcodes are.
        assert!(
            docs.contains(&format!("`{name}/")),
            "docs/templates.md lists {name}/"
        );
        for file in std::fs::read_dir(entry.path()).unwrap() {
            let file = file.unwrap().path();
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(
                docs.contains(&format!("`{stem}`")),
                "docs/templates.md lists {name}/{stem}"
            );
        }
    }
    let context = read(example_root().join("src/render/context.rs"));
    let fields = context
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub "))
        .filter_map(|rest| rest.split_once(':'))
        .map(|(field, _)| field.trim());
    for field in fields {
        let mentioned = docs.contains(&format!("`{field}`"))
            || docs.contains(&format!(".{field}`"))
            || docs.contains(&format!("{{ {field},"))
            || docs.contains(&format!("`{field}`, `"));
        assert!(mentioned, "docs/templates.md documents the field `{field}`");
    }
}

#[test]
fn entity_pages_say_what_the_entity_said_in_quotes_and_reported_speech() {
    let site = site_with(&[
        (
            "content/entities.yaml",
            "- name: Mara Quell\n  kind: person\n",
        ),
        (
            "content/articles/a.md",
            "---\ntitle: Harbour plan\ndate: 2025-04-01\n---\nMara Quell said that the harbour would reopen in May.\n\n“We will not wait for the budget,” Mara Quell said.\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(site.path().join("public/entities/mara-quell/index.html"));
    let said = &page[page.find("What they said").expect("the section is there")..];
    assert!(
        said.contains("We will not wait for the budget"),
        "the quote: {said}"
    );
    assert!(
        said.contains("the harbour would reopen in May"),
        "the paraphrase: {said}"
    );
    assert!(
        said.contains("href=\"/articles/a/\""),
        "linked to its article"
    );
}
