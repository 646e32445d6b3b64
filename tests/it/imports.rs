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
