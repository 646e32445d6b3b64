//! The command line a Hugo or Zola user expects: short flags, finding the site from any
//! folder inside it, `init` minimal or with the example, `new` with its options, the same
//! line and column in every part of a diagnostic, `check --output` against the base URL the
//! site was built for, and shell completions.

use std::path::Path;
use std::process::Output;

use crate::common::*;

fn brief_in(dir: &Path, args: &[&str]) -> Output {
    brief().current_dir(dir).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn short_flags_work_and_help_shows_them() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        (
            "content/articles/draft.md",
            "---\ntitle: Draft\ndate: 2024-09-27\ndraft: true\n---\nNot yet.\n",
        ),
    ]);
    let out = site.path().join("out");
    let built = brief()
        .args(["build", "-r"])
        .arg(site.path())
        .arg("-o")
        .arg(&out)
        .args(["-D", "-b", "https://example.org/briefs/", "-q"])
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    assert_eq!(stdout(&built), "", "-q prints nothing on success");
    assert!(
        out.join("articles/draft/index.html").exists(),
        "-D builds drafts"
    );
    assert!(read(out.join("index.html")).contains("https://example.org/briefs/"));

    let help = stdout(&brief().args(["build", "--help"]).output().unwrap());
    for flag in [
        "-r, --root",
        "-o, --output",
        "-D, --drafts",
        "-b, --base-url",
        "-q, --quiet",
    ] {
        assert!(help.contains(flag), "build --help lacks {flag}:\n{help}");
    }
    let help = stdout(&brief().args(["serve", "--help"]).output().unwrap());
    assert!(help.contains("-p, --port"), "{help}");
}

#[test]
fn commands_find_the_site_from_a_folder_inside_it_and_refuse_outside_one() {
    let site = site_with(&[
        ("site.yaml", "title: Found\n"),
        ("content/articles/a.md", ARTICLE),
    ]);
    let inside = site.path().join("content/articles");
    let built = brief_in(&inside, &["build", "-q"]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(site.path().join("public/index.html").exists());
    assert!(
        !inside.join("public").exists(),
        "built at the site root, not here"
    );

    let made = brief_in(&inside, &["new", "From inside"]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(site.path().join("content/articles/from-inside.md").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    for args in [
        &["build"][..],
        &["new", "Lost"],
        &["check"],
        &["serve", "-p", "0"],
    ] {
        let out = brief_in(elsewhere.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("no site.yaml in this folder or above"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let left: Vec<_> = std::fs::read_dir(elsewhere.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing is written outside a site");
}

#[test]
fn init_makes_a_minimal_site_and_init_example_the_full_one() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = dir.path().join("minimal");
    let out = brief().arg("init").arg(&minimal).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let config = read(minimal.join("site.yaml"));
    for key in [
        "# base_url:",
        "# feed_length:",
        "# discovery:",
        "# markdown:",
        "# link_entities:",
    ] {
        assert!(config.contains(key), "site.yaml shows {key} commented");
    }
    assert!(read(minimal.join("content/entities.yaml")).contains("# - name:"));
    assert!(read(minimal.join(".gitignore")).contains("/public"));
    assert!(read(minimal.join(".gitignore")).contains("/.brief-cache"));
    let articles: Vec<_> = std::fs::read_dir(minimal.join("content/articles"))
        .unwrap()
        .collect();
    assert_eq!(articles.len(), 1, "one welcome article");
    let welcome = read(minimal.join("content/articles/welcome.md"));
    assert!(
        welcome.contains("brief init --example"),
        "it says which init made it"
    );
    let built = build(&minimal, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        stdout(&built).contains("Built 1 articles"),
        "{}",
        stdout(&built)
    );

    let example = dir.path().join("example");
    let out = brief()
        .args(["init", "--example"])
        .arg(&example)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let built = build(&example, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    let articles = std::fs::read_dir(example.join("content/articles"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert_eq!(articles, 8, "the example's eight articles (one a draft)");
    assert!(
        stdout(&built).contains("Built 7 articles"),
        "{}",
        stdout(&built)
    );
    assert!(example.join("content/pages/about.md").exists());
}

#[test]
fn new_takes_a_date_tags_story_and_folder_and_prints_the_path() {
    let site = site_with(&[("site.yaml", "")]);
    let out = brief_in(
        site.path(),
        &[
            "new",
            "Harbour vote delayed",
            "--date",
            "2025-03-04",
            "--tags",
            "harbour,city council",
            "--story",
            "harbour-vote",
            "--path",
            "city/2025",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let path = site
        .path()
        .join("content/articles/city/2025/harbour-vote-delayed.md");
    assert_eq!(stdout(&out).trim(), path.display().to_string());
    let text = read(&path);
    assert!(text.contains("date: 2025-03-04"), "{text}");
    assert!(
        text.contains("tags: [\"harbour\", \"city council\"]"),
        "{text}"
    );
    assert!(text.contains("story: \"harbour-vote\""), "{text}");
    let built = build(site.path(), &["--drafts"]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        site.path()
            .join("public/stories/harbour-vote/index.html")
            .exists()
    );

    let bad = brief_in(site.path(), &["new", "X", "--date", "March 4"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("YYYY-MM-DD"), "{}", stderr(&bad));
    let outside = brief_in(site.path(), &["new", "X", "--path", "../elsewhere"]);
    assert_eq!(outside.status.code(), Some(1));
}

#[test]
fn a_yaml_error_names_one_line_and_column_in_header_message_and_json() {
    let site = site_with(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntags: [a, b\nsummary: x\n---\nBody\n",
    )]);
    let out = build(site.path(), &[]);
    let err = stderr(&out);
    assert!(err.contains("content/articles/a.md:5:8: error"), "{err}");
    assert!(err.contains("at line 5 column 8"), "{err}");
    assert!(!err.contains("line 4"), "{err}");
    let json = brief()
        .args(["check", "--json", "-r"])
        .arg(site.path())
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostic = &value["diagnostics"][0];
    assert_eq!(diagnostic["line"], 5);
    assert_eq!(diagnostic["column"], 8);
}

#[test]
fn check_output_uses_the_base_url_the_site_was_built_for() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    let built = build(site.path(), &["-b", "https://example.org/briefs/"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let public = site.path().join("public");
    let checked = brief()
        .args(["check", "-r"])
        .arg(site.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        stdout(&checked).contains("served from /briefs/"),
        "{}",
        stdout(&checked)
    );

    let other = brief()
        .args(["check", "-r"])
        .arg(site.path())
        .args(["--base-url", "https://example.org/other/", "--output"])
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(1));
    let err = stderr(&other);
    assert!(
        err.starts_with("note:")
            && err.contains("built for the base URL https://example.org/briefs/"),
        "said first: {err}"
    );
    assert!(
        err.contains("was the site built for another base URL"),
        "{err}"
    );
    assert!(err.lines().count() < 10, "not a list of every link: {err}");
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = brief().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains("brief") && script.contains("serve"),
            "{shell}"
        );
    }
}
