//! The foundation: `brief build` on real site folders.

use crate::common::*;

#[test]
fn example_site_builds_with_article_pages() {
    let site = example_site();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Built "), "{stdout}");
    let page = read(
        site.path()
            .join("public/articles/us-gaza-lebanon-initiative/index.html"),
    );
    assert!(page.contains("US pushes a joint Gaza-Lebanon de-escalation initiative"));
    assert!(
        page.contains("treating the two conflicts as interconnected within a single framework")
    );
    let index = read(site.path().join("public/index.html"));
    assert!(index.contains("articles/us-gaza-lebanon-initiative/"));
    assert!(site.path().join("public/style.css").exists());
    assert!(site.path().join("public/syntax.css").exists());
}

#[test]
fn code_blocks_are_highlighted_with_classes() {
    let site = example_site();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let highlighted = walkdir::WalkDir::new(site.path().join("public/articles"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| read(e.path()))
        .find(|html| html.contains("<pre class=\"code\" data-lang="))
        .expect("an example article has a fenced code block");
    assert!(
        highlighted.contains("<span class=\"hl-"),
        "highlighted with classes"
    );
    assert!(!highlighted.contains("<span style="), "no inline styles");
    assert!(read(site.path().join("public/syntax.css")).contains(".hl-"));
}

#[test]
fn index_lists_newest_first() {
    let site = site_with(&[
        (
            "content/articles/old.md",
            "---\ntitle: Older story\ndate: 2024-01-01\n---\nOld.\n",
        ),
        (
            "content/articles/new.md",
            "---\ntitle: Newer story\ndate: 2024-02-01T10:00:00Z\n---\nNew.\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = read(site.path().join("public/index.html"));
    let recent = &index[index.find("Recent articles").unwrap()..];
    assert!(recent.find("Newer story").unwrap() < recent.find("Older story").unwrap());
}

#[test]
fn broken_front_matter_names_file_and_line_and_keeps_old_output() {
    let site = site_with(&[("content/articles/good.md", ARTICLE)]);
    assert!(build(site.path(), &[]).status.success());
    let before = tree(&site.path().join("public"));

    std::fs::write(
        site.path().join("content/articles/bad.md"),
        "---\ntitle: Fine\ndate: 2024-09-26\ntags: [one, two\n---\nBody\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/articles/typo.md"),
        "---\ntitle: Fine\ndate: 2024-09-26\nsumary: oops\n---\nBody\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/articles/bad.md:"), "{err}");
    assert!(err.contains("content/articles/typo.md:4:1"), "{err}");
    assert!(err.contains("did you mean `summary`"), "{err}");
    assert!(err.contains("sumary: oops"), "offending line shown: {err}");
    assert!(err.contains("2 errors"), "all errors listed: {err}");
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "previous output untouched"
    );
}

#[test]
fn missing_title_bad_date_and_non_utf8_are_reported_together() {
    let site = site_with(&[
        (
            "content/articles/notitle.md",
            "---\ndate: 2024-09-26\n---\nBody\n",
        ),
        (
            "content/articles/baddate.md",
            "---\ntitle: X\ndate: 26/09/2024\n---\nBody\n",
        ),
    ]);
    std::fs::write(
        site.path().join("content/articles/latin1.md"),
        b"---\ntitle: Caf\xe9\ndate: 2024-09-26\n---\n",
    )
    .unwrap();
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("notitle.md") && err.contains("`title:` is missing"),
        "{err}"
    );
    assert!(
        err.contains("baddate.md:3:7")
            && err.contains("26/09/2024")
            && err.contains("2024-09-26T10:00:00Z"),
        "{err}"
    );
    assert!(
        err.contains("latin1.md:2:") && err.contains("UTF-8"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn duplicate_and_escaping_slugs_are_rejected() {
    let site = site_with(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-09-26\nslug: same\n---\nA\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-09-26\nslug: same\n---\nB\n",
        ),
        (
            "content/articles/c.md",
            "---\ntitle: C\ndate: 2024-09-26\nslug: ../../etc\n---\nC\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("slug `same` is already used by content/articles/a.md"),
        "{err}"
    );
    assert!(err.contains("b.md"), "{err}");
    assert!(
        err.contains("c.md:4:7") && err.contains("would leave the output folder"),
        "{err}"
    );
    assert!(!site.path().join("public").exists());
}

#[test]
fn drafts_only_with_flag() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        (
            "content/articles/d.md",
            "---\ntitle: Secret draft\ndate: 2024-09-27\ndraft: true\n---\nDraft.\n",
        ),
    ]);
    assert!(build(site.path(), &[]).status.success());
    assert!(!site.path().join("public/articles/d/index.html").exists());
    assert!(build(site.path(), &["--drafts"]).status.success());
    assert!(read(site.path().join("public/articles/d/index.html")).contains("Secret draft"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = example_site();
    assert!(
        build(
            site.path(),
            &["--output", site.path().join("one").to_str().unwrap()]
        )
        .status
        .success()
    );
    assert!(
        build(
            site.path(),
            &["--output", site.path().join("two").to_str().unwrap()]
        )
        .status
        .success()
    );
    let one = tree(&site.path().join("one"));
    let two = tree(&site.path().join("two"));
    assert!(one.len() > 20);
    assert_eq!(
        one.iter().map(|f| &f.0).collect::<Vec<_>>(),
        two.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (a, b) in one.iter().zip(&two) {
        assert!(a.1 == b.1, "{} differs between builds", a.0);
    }
}

#[test]
fn refuses_dangerous_output_folders() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        ("notes/keep.txt", "mine"),
    ]);
    for output in [".", "content", "static/out", "notes"] {
        let out = build(
            site.path(),
            &["--output", site.path().join(output).to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(1), "{output}");
        assert!(
            stderr(&out).contains("refusing"),
            "{output}: {}",
            stderr(&out)
        );
    }
    assert_eq!(read(site.path().join("notes/keep.txt")), "mine");
}

#[test]
fn site_templates_override_builtin_and_static_files_are_copied() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        (
            "templates/article.html",
            "<p>Custom: {{ article.title }}</p>",
        ),
        ("static/logo.svg", "<svg/>"),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read(site.path().join("public/articles/a/index.html")),
        "<p>Custom: A day in Beirut</p>"
    );
    assert_eq!(read(site.path().join("public/logo.svg")), "<svg/>");
}

#[test]
fn template_errors_name_the_template() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        ("templates/article.html", "<p>\n{{ article.title </p>"),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("templates/article.html:2:"),
        "{}",
        stderr(&out)
    );

    let errors_with_page = |body: &str| {
        std::fs::write(
            site.path().join("templates/article.html"),
            format!(
                "{{% extends \"base.html\" %}}\n{{% block content %}}\n{body}\n{{% endblock content %}}\n"
            ),
        )
        .unwrap();
        stderr(&build(site.path(), &[]))
    };
    let err = errors_with_page("<p>{{ article.titel }}</p>");
    assert!(err.contains("templates/article.html:3:"), "{err}");
    assert!(err.contains("Field `titel` is not defined"), "{err}");
    assert!(err.contains("while rendering articles/"), "{err}");

    let err = errors_with_page("{{<crad a={article} />}}");
    assert!(err.contains("templates/article.html:3:3"), "{err}");
    assert!(err.contains("Unknown component `crad`"), "{err}");
}

#[test]
fn unknown_site_key_is_an_error_and_usage_errors_exit_2() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        ("site.yaml", "titel: X\n"),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("site.yaml:1:1") && stderr(&out).contains("did you mean `title`"),
        "{}",
        stderr(&out)
    );
    let usage = brief().arg("build").arg("--no-such-flag").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn init_then_build_works_and_init_refuses_non_empty() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(
        brief()
            .arg("init")
            .arg(&site)
            .output()
            .unwrap()
            .status
            .success()
    );
    let out = build(&site, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.join("public/index.html").exists());
    let again = brief().arg("init").arg(&site).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn new_creates_article_and_refuses_to_overwrite() {
    let site = site_with(&[("site.yaml", "")]);
    let first = brief()
        .args(["new", "Some Title", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    let text = read(site.path().join("content/articles/some-title.md"));
    assert!(text.contains("title: \"Some Title\"") && text.contains("date: "));
    let second = brief()
        .args(["new", "Some Title", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(stderr(&second).contains("already exists"));
    let out = build(site.path(), &["--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn rebuild_reuses_unchanged_files_and_repairs_edited_ones() {
    use std::os::unix::fs::MetadataExt;
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        (
            "content/articles/b.md",
            "---\ntitle: Other day\ndate: 2024-09-20\n---\nElsewhere.\n",
        ),
    ]);
    assert!(build(site.path(), &[]).status.success());
    let public = site.path().join("public");
    let inode = |path: &str| std::fs::metadata(public.join(path)).unwrap().ino();
    let untouched = inode("articles/b/index.html");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(public.join("style.css"), "edited by hand").unwrap();
    std::fs::write(
        site.path().join("content/articles/a.md"),
        ARTICLE.replace("The talks went on.", "The talks ended."),
    )
    .unwrap();
    assert!(build(site.path(), &[]).status.success());
    assert_eq!(
        inode("articles/b/index.html"),
        untouched,
        "unchanged page reused, not rewritten"
    );
    assert!(read(public.join("articles/a/index.html")).contains("The talks ended."));
    assert_ne!(
        read(public.join("style.css")),
        "edited by hand",
        "hand edits are replaced"
    );

    std::fs::create_dir_all(public.join("stray/deeper")).unwrap();
    std::fs::write(public.join("stray/deeper/note.txt"), "not built").unwrap();
    std::fs::remove_file(site.path().join("content/articles/b.md")).unwrap();
    let refused = build(site.path(), &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("stray/deeper/note.txt"),
        "a file Brief did not write is named: {}",
        stderr(&refused)
    );
    assert_eq!(read(public.join("stray/deeper/note.txt")), "not built");
    std::fs::remove_dir_all(public.join("stray")).unwrap();
    // Also inside a folder Brief made, where only the folder's time tells of the file.
    std::fs::write(public.join("articles/a/note.txt"), "not built").unwrap();
    let refused = build(site.path(), &[]);
    assert!(
        stderr(&refused).contains("articles/a/note.txt"),
        "a file Brief did not write is named: {}",
        stderr(&refused)
    );
    std::fs::remove_file(public.join("articles/a/note.txt")).unwrap();
    assert!(build(site.path(), &[]).status.success());
    assert!(
        !public.join("articles/b").exists(),
        "a removed article's page goes"
    );
    let fresh = tempfile::tempdir().unwrap();
    copy_dir(&site.path().join("content"), &fresh.path().join("content"));
    assert!(build(fresh.path(), &[]).status.success());
    assert_eq!(
        tree(&public),
        tree(&fresh.path().join("public")),
        "a rebuild over old output equals a build from nothing"
    );

    // The whole-site files, written as they are made, are kept too when unchanged.
    let written_in_pieces = inode("data/site.json");
    let written_in_batches = inode("search/manifest.json");
    assert!(build(site.path(), &[]).status.success());
    assert_eq!(inode("data/site.json"), written_in_pieces);
    assert_eq!(inode("search/manifest.json"), written_in_batches);
    assert_eq!(tree(&public), tree(&fresh.path().join("public")));
}

#[test]
fn timings_break_the_build_into_stages_and_page_kinds() {
    let site = example_site();
    let out = build(site.path(), &["--timings"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in [
        "load ",
        "extract ",
        "link ",
        "media ",
        "render ",
        "write ",
        "render: prepare ",
        "render: article pages ",
        "render: entity pages and feeds ",
        "render: search index ",
        "render: front, index, search and 404 pages ",
    ]
    .into_iter()
    // Memory is reported where the platform tells it.
    .chain(
        std::path::Path::new("/proc/self/status")
            .exists()
            .then_some([
                "peak memory after link: ",
                "peak memory after data/site.json: ",
            ])
            .into_iter()
            .flatten(),
    ) {
        assert!(
            err.lines().any(|l| l.trim_start().starts_with(line)),
            "no `{line}` line in:\n{err}"
        );
    }
}

/// Runs `brief` with `args` as a user without root's right to read any folder: as root,
/// in a user namespace (`unshare -U`), where root's files are only as readable as their
/// mode says.
fn brief_unprivileged(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    let is_root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let binary = assert_cmd::cargo::cargo_bin("brief");
    let mut command = if is_root {
        let mut c = std::process::Command::new("unshare");
        c.arg("-U").arg(binary);
        c
    } else {
        std::process::Command::new(binary)
    };
    command.args(args).output().unwrap()
}

#[test]
fn an_unreadable_content_folder_is_an_error_and_keeps_the_old_output() {
    use std::os::unix::fs::PermissionsExt;
    let site = site_with(&[
        ("content/articles/good.md", ARTICLE),
        ("content/articles/desk/hidden.md", ARTICLE),
    ]);
    std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = tree(&site.path().join("public"));

    let desk = site.path().join("content/articles/desk");
    std::fs::set_permissions(&desk, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = brief_unprivileged(&["build".as_ref(), "--root".as_ref(), site.path().as_os_str()]);
    std::fs::set_permissions(&desk, std::fs::Permissions::from_mode(0o755)).unwrap();

    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("content/articles/desk"), "{err}");
    assert!(err.contains("cannot read this folder"), "{err}");
    assert_eq!(tree(&site.path().join("public")), before);
}

#[test]
fn a_site_template_extends_the_built_in_one_and_overrides_one_block() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        (
            "templates/article.html",
            "{% extends \"brief/article.html\" %}{% block head %}<meta name=\"desk\" content=\"night\">{% endblock head %}",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(site.path().join("public/articles/a/index.html"));
    assert!(
        page.contains("<meta name=\"desk\" content=\"night\">"),
        "{page}"
    );
    assert!(
        page.contains("A day in Beirut"),
        "the built-in body is kept: {page}"
    );
}

#[test]
fn a_misspelt_template_override_is_a_warning_naming_the_likely_one() {
    let site = site_with(&[
        ("content/articles/a.md", ARTICLE),
        ("templates/artcle.html", "<p>never used</p>"),
        ("templates/partials/byline.html", "<p>by</p>"),
        (
            "templates/page.html",
            "{% extends \"brief/page.html\" %}{% block head %}{% include \"partials/byline.html\" %}{% endblock head %}",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("templates/artcle.html"), "{err}");
    assert!(err.contains("did you mean `article.html`"), "{err}");
    assert!(
        !err.contains("byline.html"),
        "an included template is used: {err}"
    );
}

#[test]
fn theme_eject_copies_one_or_all_built_in_templates_and_never_overwrites() {
    let site = site_with(&[("content/articles/a.md", ARTICLE)]);
    let eject = |args: &[&str]| {
        brief()
            .args(["theme", "eject", "--root"])
            .arg(site.path())
            .args(args)
            .output()
            .unwrap()
    };
    let one = eject(&["article.html"]);
    assert!(one.status.success(), "{}", stderr(&one));
    let copied = read(site.path().join("templates/article.html"));
    assert!(copied.contains("{% extends \"base.html\" %}"), "{copied}");
    assert!(!site.path().join("templates/base.html").exists());

    let again = eject(&["article.html"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let unknown = eject(&["artcle.html"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("article.html"),
        "lists the names there are"
    );

    std::fs::remove_file(site.path().join("templates/article.html")).unwrap();
    let all = eject(&[]);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(site.path().join("templates/base.html").exists());
    assert!(site.path().join("templates/macros.html").exists());
    let out = build(site.path(), &[]);
    assert!(
        out.status.success(),
        "an ejected theme builds: {}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_template_error_met_on_every_page_is_reported_once() {
    let article =
        |n: usize| format!("---\ntitle: Article {n}\ndate: 2024-09-2{n}\n---\nText {n}.\n");
    let (a, b, c) = (article(1), article(2), article(3));
    let site = site_with(&[
        ("content/articles/a.md", &a),
        ("content/articles/b.md", &b),
        ("content/articles/c.md", &c),
        (
            "templates/article.html",
            "{% extends \"brief/article.html\" %}{% block head %}{{ artcle.title }}{% endblock head %}",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("templates/article.html:1:").count(), 1, "{err}");
    assert!(err.contains("and 2 other pages"), "{err}");
    assert!(err.contains("Build failed: 1 error."), "{err}");
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let site = site_with(&[(
        "content/articles/imported.md",
        "---\ndescription: From another generator\ndate: 2024-13-45\ncategories: [news]\nlayout: post\nurl: /old/path/\n---\nBody.\n",
    )]);
    let out = build(site.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for (line, key, hint) in [
        (2, "description", Some("summary")),
        (4, "categories", Some("tags")),
        (5, "layout", None),
        (6, "url", Some("slug")),
    ] {
        assert!(
            err.contains(&format!(
                "content/articles/imported.md:{line}:1: error: unknown field `{key}`"
            )),
            "{key} at line {line}: {err}"
        );
        if let Some(hint) = hint {
            assert!(
                err.contains(&format!("`{key}`"))
                    && err.contains(&format!("did you mean `{hint}`")),
                "{err}"
            );
        }
    }
    assert!(err.contains("`title:` is missing"), "{err}");
    assert!(err.contains("invalid date `2024-13-45`"), "{err}");
    assert!(err.contains("Build failed: 6 errors."), "{err}");
    assert!(!err.contains("struct"), "no Rust type names: {err}");
}
