//! Content written for other generators: TOML front matter, one string for a list, dates
//! as their exports write them, page bundles; and `brief import`.

use crate::common::*;

#[test]
fn front_matter_as_other_generators_write_it_builds() {
    let site = site_with(&[
        (
            "content/articles/toml.md",
            "+++\ntitle = \"Council vote\"\ndate = 2013-12-21T02:00:00-08:00\ntags = [\"local\"]\n+++\n\nThe council voted.\n",
        ),
        (
            "content/articles/one-tag.md",
            "---\ntitle: One tag\ndate: 2013-12-21 2:00:00 +0000\ntags: security\nauthors: Jane Doe\n---\n\nA short one.\n",
        ),
        (
            "content/articles/2013/budget-talks/index.md",
            "---\ntitle: Budget talks\ndate: 2013-12-20\n---\n\nTalks.\n",
        ),
        (
            "content/articles/2013/harbour/_index.md",
            "---\ntitle: Harbour\ndate: 2013-12-19\n---\n\nBoats.\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.path().join("public");
    let toml_page = read(public.join("articles/toml/index.html"));
    assert!(toml_page.contains("Council vote"));
    assert!(
        toml_page.contains("2013-12-21T02:00:00-08:00"),
        "date kept with its offset"
    );
    assert!(
        public.join("tags/security/index.html").exists(),
        "one string is a list of one"
    );
    let one_tag = read(public.join("articles/one-tag/index.html"));
    assert!(
        one_tag.contains("2013-12-21T02:00:00Z"),
        "one-digit hour read"
    );
    assert!(one_tag.contains("Jane Doe"));
    assert!(public.join("articles/budget-talks/index.html").exists());
    assert!(public.join("articles/harbour/index.html").exists());
}

#[test]
fn toml_front_matter_errors_name_file_and_line() {
    let site = site_with(&[
        (
            "content/articles/bad.md",
            "+++\ntitle = \"Vote\"\ndate = 2013-12-21\nlayout = \"post\"\ndraft = maybe\n+++\nBody\n",
        ),
        (
            "content/articles/typo.md",
            "+++\ntitle = \"Vote\"\ndate = 2013-12-21\ndescription = \"x\"\n+++\nBody\n",
        ),
        (
            "content/articles/bad-date.md",
            "+++\ntitle = \"Vote\"\ndate = \"21/12/2013\"\n+++\nBody\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/articles/bad.md:5:"), "{err}");
    assert!(err.contains("content/articles/typo.md:4:"), "{err}");
    assert!(err.contains("did you mean `summary`"), "{err}");
    assert!(err.contains("content/articles/bad-date.md:3:"), "{err}");
}

fn import(from: &str, source: &std::path::Path, dest: &std::path::Path) -> std::process::Output {
    brief()
        .args(["import", "--from", from])
        .arg(source)
        .arg(dest)
        .output()
        .unwrap()
}

#[test]
fn a_hugo_folder_is_imported_and_builds() {
    let hugo = site_with(&[
        (
            "content/posts/council-vote.md",
            "+++\ntitle = \"Council vote\"\ndate = 2013-12-21T02:00:00-08:00\ndescription = \"The council voted.\"\ncategories = [\"Local\"]\ntags = [\"budget\"]\naliases = [\"/old/council/\"]\nweight = 3\n+++\n\nThe council voted on the budget.\n\n{{< youtube abc123 >}}\n",
        ),
        (
            "content/posts/harbour/index.md",
            "---\ntitle: Harbour works\npublishDate: 2014-01-05\ncover: boat.jpg\n---\n\n![A boat](boat.jpg)\n",
        ),
        ("content/posts/_index.md", "---\ntitle: Posts\n---\n"),
        (
            "content/posts/undated.md",
            "---\ntitle: No date here\n---\n\nText.\n",
        ),
        ("static/images/logo.png", "PNG"),
    ]);
    write_image(hugo.path(), "content/posts/harbour/boat.jpg", 40, 30);
    let dest = tempfile::tempdir().unwrap();
    let out = import("hugo", hugo.path(), dest.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    let article = read(dest.path().join("content/articles/council-vote.md"));
    assert!(article.contains("summary: The council voted."), "{article}");
    assert!(
        article.contains("- Local") && article.contains("- budget"),
        "{article}"
    );
    assert!(
        article.contains("/old/council/") && article.contains("weight: 3"),
        "{article}"
    );
    assert!(report.contains("description → summary"), "{report}");
    assert!(report.contains("categories → tags"), "{report}");
    assert!(
        report.contains("council-vote.md:13: a Hugo shortcode"),
        "{report}"
    );
    let harbour = read(dest.path().join("content/articles/harbour.md"));
    assert!(harbour.contains("/images/harbour/boat.jpg"), "{harbour}");
    assert!(harbour.contains("date: 2014-01-05"), "{harbour}");
    assert!(report.contains("used publishDate"), "{report}");
    assert_eq!(
        std::fs::read(dest.path().join("static/images/harbour/boat.jpg")).unwrap(),
        std::fs::read(hugo.path().join("content/posts/harbour/boat.jpg")).unwrap()
    );
    assert_eq!(read(dest.path().join("static/images/logo.png")), "PNG");
    assert!(
        report.contains("posts/_index.md: a section's list page"),
        "{report}"
    );
    assert!(
        report.contains("modification day"),
        "the undated file is named: {report}"
    );

    let built = build(dest.path(), &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    let redirect = read(dest.path().join("public/old/council/index.html"));
    assert!(redirect.contains("articles/council-vote/"), "{redirect}");
    assert!(
        dest.path()
            .join("public/articles/council-vote/index.html")
            .exists()
    );
    assert!(dest.path().join("public/images/harbour/boat.jpg").exists());

    // A second import never overwrites what the first wrote.
    let again = import("hugo", hugo.path(), dest.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already taken"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_jekyll_folder_is_imported_with_dates_from_file_names() {
    let jekyll = site_with(&[
        (
            "_posts/2013-12-21-winter-storm.md",
            "---\nlayout: post\ntitle: \"Winter storm: roads closed\"\ncategories: weather\nauthor: Jane Doe\npermalink: /2013/storm.html\n---\n\nRoads closed {% raw %}today{% endraw %}.\n",
        ),
        (
            "_posts/2013-12-22-thaw.markdown",
            "---\ntitle: Thaw\ndate: 2013-12-22 9:30:00 +0000\npublished: false\n---\n\nIt melted.\n",
        ),
        (
            "_posts/2013-12-23-broken.md",
            "---\ntitle: [unclosed\n---\nBody\n",
        ),
        ("assets/storm.png", "PNG"),
    ]);
    let dest = tempfile::tempdir().unwrap();
    let out = import("jekyll", jekyll.path(), dest.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "the broken file fails the import"
    );
    assert!(
        stderr(&out).contains("_posts/2013-12-23-broken.md:3:"),
        "{}",
        stderr(&out)
    );
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    let storm = read(dest.path().join("content/articles/winter-storm.md"));
    assert!(
        storm.contains("date: 2013-12-21") || storm.contains("date: '2013-12-21'"),
        "{storm}"
    );
    assert!(
        storm.contains("- weather") && storm.contains("- Jane Doe"),
        "{storm}"
    );
    assert!(storm.contains("layout: post"), "{storm}");
    assert!(report.contains("date from the file name"), "{report}");
    assert!(
        report.contains("winter-storm.md:9: a template tag"),
        "{report}"
    );
    let thaw = read(dest.path().join("content/articles/thaw.md"));
    assert!(thaw.contains("draft: true"), "{thaw}");
    assert_eq!(read(dest.path().join("static/assets/storm.png")), "PNG");

    let built = build(dest.path(), &["--drafts"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = read(dest.path().join("public/articles/thaw/index.html"));
    assert!(page.contains("2013-12-22T09:30:00Z"), "one-digit hour kept");
}
