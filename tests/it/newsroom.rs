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
