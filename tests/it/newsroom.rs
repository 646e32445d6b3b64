//! Editorial controls: the publishing schedule, lead stories and order, named stories and
//! topics, times of day, authors and redirects.

use crate::common::*;

const NOW: &str = "2025-03-10T12:00:00Z";

fn article(title: &str, date: &str, front: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n{front}---\nThe council met on {title}.\n")
}

#[test]
fn future_articles_wait_for_their_date_and_expired_ones_leave_everywhere() {
    let site = site_with(&[
        (
            "content/articles/published.md",
            &article("Published piece", "2025-03-09", ""),
        ),
        (
            "content/articles/tomorrow.md",
            &article("Tomorrow piece", "2025-03-11T06:00:00Z", "tags: [budget]\n"),
        ),
        (
            "content/articles/old-notice.md",
            &article(
                "Old notice",
                "2025-03-01",
                "tags: [budget]\nexpires: 2025-03-09\n",
            ),
        ),
        (
            "content/articles/ends-today.md",
            &article("Ends today", "2025-03-02", "expires: 2025-03-10\n"),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("Built 2 articles"), "{summary}");
    assert!(
        summary.contains(
            "held back: 1 scheduled (--future builds them), 1 expired (--expired builds them)"
        ),
        "{summary}"
    );
    let public = site.path().join("public");
    assert!(public.join("articles/published/index.html").exists());
    // A date-only `expires` keeps the article to the end of that day.
    assert!(public.join("articles/ends-today/index.html").exists());
    for gone in ["tomorrow", "old-notice"] {
        assert!(!public.join(format!("articles/{gone}")).exists(), "{gone}");
        for file in ["index.html", "feed.xml", "sitemap.xml", "data/site.json"] {
            assert!(!read(public.join(file)).contains(gone), "{gone} in {file}");
        }
    }
    // Neither held-back article made the budget topic.
    assert!(!public.join("tags/budget").exists());

    let out = build(site.path(), &["--now", NOW, "--future", "--expired"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Built 4 articles"));
    let page = read(public.join("articles/tomorrow/index.html"));
    assert!(page.contains(r#"<span class="badge scheduled">Scheduled</span>"#));
    assert!(!read(public.join("articles/published/index.html")).contains("badge scheduled"));
    assert!(read(public.join("tags/budget/index.html")).contains("Old notice"));
}

#[test]
fn a_bad_expires_date_is_an_error_at_its_line() {
    let site = site_with(&[(
        "content/articles/a.md",
        &article("A", "2025-03-01", "expires: next week\n"),
    )]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("content/articles/a.md:4"),
        "{}",
        stderr(&out)
    );
}

/// The titles of the cards on a page, in order.
fn card_titles(html: &str) -> Vec<String> {
    html.split(r#"class="card-title"><a href=""#)
        .skip(1)
        .filter_map(|rest| {
            let title = rest.split_once("\">")?.1;
            Some(title.split_once("</a>")?.0.to_string())
        })
        .collect()
}

#[test]
fn the_lead_opens_its_day_and_weight_orders_the_rest() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article("Unweighted early", "2025-03-09T08:00:00Z", ""),
        ),
        (
            "content/articles/b.md",
            &article("Unweighted late", "2025-03-09T18:00:00Z", ""),
        ),
        (
            "content/articles/c.md",
            &article("Second by weight", "2025-03-09T09:00:00Z", "weight: 2\n"),
        ),
        (
            "content/articles/d.md",
            &article("First by weight", "2025-03-09T10:00:00Z", "weight: 1\n"),
        ),
        (
            "content/articles/e.md",
            &article("The lead", "2025-03-09T07:00:00Z", "lead: true\n"),
        ),
        (
            "content/articles/f.md",
            &article("Day before", "2025-03-08", "lead: true\n"),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    let order = [
        "The lead",
        "First by weight",
        "Second by weight",
        "Unweighted late",
        "Unweighted early",
    ];
    let public = site.path().join("public");
    assert_eq!(
        card_titles(&read(public.join("briefings/2025-03-09/index.html"))),
        order
    );
    let front = read(public.join("index.html"));
    assert_eq!(card_titles(&front), order);
    assert!(front.contains(
        r#"<article class="card lead">
  <h3 class="card-title"><a href="/articles/e/">The lead"#
    ));
}

#[test]
fn two_leads_on_one_day_are_a_warning_naming_both() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article("One", "2025-03-09T08:00:00Z", "lead: true\n"),
        ),
        (
            "content/articles/b.md",
            &article("Two", "2025-03-09T09:00:00Z", "lead: true\n"),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("content/articles/b.md:4") && err.contains("not content/articles/a.md"),
        "{err}"
    );
}

#[test]
fn stories_and_topics_take_their_names_and_introductions_from_their_files() {
    let story = "story: harbour-bridge-repairs\n";
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article("Bridge closes for repairs", "2025-03-01", story),
        ),
        (
            "content/articles/b.md",
            &article(
                "North-South traffic diverted",
                "2025-03-03",
                "story: north-south-detour\ntags: [energy]\n",
            ),
        ),
        (
            "content/articles/c.md",
            &article("Bridge reopens early", "2025-03-05", story),
        ),
        (
            "content/articles/d.md",
            &article("Crews work overnight", "2025-03-04", story),
        ),
        (
            "content/stories/harbour-bridge-repairs.md",
            "---\ntitle: The bridge repairs\nsummary: Six weeks of work on the harbour bridge.\n---\nWhy the bridge *closed*.\n",
        ),
        (
            "content/tags/energy.md",
            "---\ntitle: Energy and power\ndescription: Grids, fuel and prices.\n---\nWhat this topic covers.\n",
        ),
        (
            "content/tags/unused-topic.md",
            "---\ntitle: Nothing here\n---\n",
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("content/tags/unused-topic.md")
            && stderr(&out).contains("no article belongs to the topic `unused-topic`"),
        "{}",
        stderr(&out)
    );
    let public = site.path().join("public");
    let page = read(public.join("stories/harbour-bridge-repairs/index.html"));
    assert!(page.contains("<h1>The bridge repairs</h1>"));
    assert!(page.contains("Six weeks of work on the harbour bridge."));
    assert!(page.contains("Why the bridge <em>closed</em>."));
    // The newest on top, then the others newest first.
    assert_eq!(
        card_titles(&page),
        [
            "Bridge reopens early",
            "Crews work overnight",
            "Bridge closes for repairs"
        ]
    );
    // Without a file, the id's hyphen is kept where the articles write the words joined.
    let detour = read(public.join("stories/north-south-detour/index.html"));
    assert!(detour.contains("<h1>North-South Detour</h1>"), "{detour}");
    let topic = read(public.join("tags/energy/index.html"));
    assert!(
        topic.contains("<h1>Energy and power</h1>") && topic.contains("Grids, fuel and prices.")
    );
    assert!(read(public.join("tags/index.html")).contains("Energy and power"));

    std::fs::write(site.path().join("site.yaml"), "story_order: oldest\n").unwrap();
    assert!(build(site.path(), &["--now", NOW]).status.success());
    let page = read(public.join("stories/harbour-bridge-repairs/index.html"));
    assert_eq!(
        card_titles(&page),
        [
            "Bridge reopens early",
            "Bridge closes for repairs",
            "Crews work overnight"
        ]
    );
}

#[test]
fn authors_get_pages_feeds_and_profiles() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article(
                "First report",
                "2025-03-01",
                "authors: [Ana Ruiz, Tom Bell]\n",
            ),
        ),
        (
            "content/articles/b.md",
            &article("Second report", "2025-03-02", "authors: [Ana Ruiz]\n"),
        ),
        (
            "content/authors/ana-ruiz.md",
            "---\nphoto: /img/ana.jpg\n---\nAna covers the city council.\n",
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let page = read(public.join("authors/ana-ruiz/index.html"));
    assert!(page.contains("<h1>Ana Ruiz</h1>") && page.contains("Ana covers the city council."));
    assert!(page.contains(r#"src="/img/ana.jpg""#));
    assert_eq!(card_titles(&page), ["Second report", "First report"]);
    let feed = read(public.join("authors/ana-ruiz/feed.xml"));
    assert!(feed.contains("Second report") && feed.contains("First report"));
    assert!(read(public.join("authors/index.html")).contains("Tom Bell"));
    let article = read(public.join("articles/a/index.html"));
    assert!(article.contains(
        r#"By <a class="p-author" href="/authors/ana-ruiz/">Ana Ruiz</a>, <a class="p-author" href="/authors/tom-bell/">Tom Bell</a>"#
    ));
    assert!(read(public.join("sitemap.xml")).contains("/authors/tom-bell/"));
}

#[test]
fn times_of_day_show_in_the_site_zone() {
    let site = site_with(&[
        ("site.yaml", "timezone: Europe/London\n"),
        (
            "content/articles/winter.md",
            &article(
                "Winter",
                "2025-01-15T09:00:00Z",
                "updated: 2025-01-15T16:30:00Z\n",
            ),
        ),
        // No offset: a time in the site's zone, British Summer Time in July.
        (
            "content/articles/summer.md",
            &article("Summer", "2025-07-01 09:30", "updated: 2025-07-02 08:00\n"),
        ),
        (
            "content/articles/plain.md",
            &article("Plain", "2025-02-01", ""),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW, "--future"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let winter = read(public.join("articles/winter/index.html"));
    assert!(
        winter.contains(">15 January 2025, 09:00 GMT</time>"),
        "{winter}"
    );
    assert!(winter.contains(
        r#"Updated <time class="dt-updated" datetime="2025-01-15T16:30:00Z">16:30</time>"#
    ));
    let summer = read(public.join("articles/summer/index.html"));
    assert!(
        summer.contains(r#"datetime="2025-07-01T09:30:00+01:00">1 July 2025, 09:30 BST</time>"#),
        "{summer}"
    );
    assert!(summer.contains(">2 July 2025</time>"));
    let plain = read(public.join("articles/plain/index.html"));
    assert!(plain.contains(">1 February 2025</time>"));
    // Feeds keep full RFC 3339 times.
    assert!(read(public.join("feed.xml")).contains("2025-07-01T09:30:00+01:00"));

    std::fs::write(site.path().join("site.yaml"), "timezone: Mars/Olympus\n").unwrap();
    let out = build(site.path(), &["--now", NOW]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown time zone `Mars/Olympus`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn aliases_leave_redirect_pages_at_old_addresses() {
    let site = site_with(&[
        ("site.yaml", "base_url: https://example.org/news/\n"),
        (
            "content/articles/harbour.md",
            &article(
                "Harbour reopens",
                "2025-03-01",
                "aliases: [/2024/09/old-harbour/, old.html]\n",
            ),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let target = "https://example.org/news/articles/harbour/";
    for file in ["2024/09/old-harbour/index.html", "old.html"] {
        let page = read(public.join(file));
        assert!(
            page.contains(&format!(
                r#"<meta http-equiv="refresh" content="0; url={target}">"#
            )),
            "{page}"
        );
        assert!(page.contains(&format!(r#"<link rel="canonical" href="{target}">"#)));
        assert!(page.contains(&format!(r#"<a href="{target}">Harbour reopens</a>"#)));
    }
    // Listed nowhere else.
    for file in ["sitemap.xml", "feed.xml", "index.html", "data/site.json"] {
        assert!(!read(public.join(file)).contains("old-harbour"), "{file}");
    }
}

#[test]
fn an_alias_that_takes_a_real_page_or_another_alias_is_an_error_naming_both() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article("A", "2025-03-01", "aliases: [/articles/b/, /old/]\n"),
        ),
        ("content/articles/b.md", &article("B", "2025-03-02", "")),
        (
            "content/articles/c.md",
            &article("C", "2025-03-03", "aliases: /old/\n"),
        ),
        (
            "content/articles/d.md",
            &article("D", "2025-03-03", "aliases: [../../etc/]\n"),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content/articles/d.md:4")
            && err.contains("alias `../../etc/` must be a path on this site"),
        "{err}"
    );
    let site = site_with(&[
        (
            "content/articles/a.md",
            &article("A", "2025-03-01", "aliases: [/articles/b/, /old/]\n"),
        ),
        ("content/articles/b.md", &article("B", "2025-03-02", "")),
        (
            "content/articles/c.md",
            &article("C", "2025-03-03", "aliases: /old/\n"),
        ),
    ]);
    let out = build(site.path(), &["--now", NOW]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content/articles/a.md:4")
            && err.contains(
                "alias `/articles/b/` is the address of the page made from content/articles/b.md"
            ),
        "{err}"
    );
    assert!(
        err.contains("content/articles/c.md:4")
            && err.contains("alias `/old/` is also an alias of content/articles/a.md"),
        "{err}"
    );
}
