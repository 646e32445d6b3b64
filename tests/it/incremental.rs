//! `brief serve` rebuilds only what an edit touches; after any series of edits the site it
//! holds must be, byte for byte, what a fresh `brief build` of the same files writes.

use std::path::{Path, PathBuf};

use crate::common::*;
use brief::pipeline::BuildOptions;
use brief::serve::files::SiteFiles;
use brief::serve::incremental::Engine;

/// A site folder, the engine serving it and the files it holds.
struct Live {
    dir: tempfile::TempDir,
    engine: Engine,
    files: SiteFiles,
    /// Render jobs the last rebuild ran.
    jobs: usize,
    /// Whether the last rebuild linked the site graph again.
    linked: bool,
    /// The pages the last rebuild handed out early, before its full pass.
    early: Vec<brief::render::Output>,
}

impl Live {
    fn new(dir: tempfile::TempDir) -> Live {
        let mut engine = Engine::new(BuildOptions {
            root: dir.path().to_path_buf(),
            ..BuildOptions::default()
        });
        let mut files = SiteFiles::default();
        let update = engine
            .rebuild(&[])
            .unwrap_or_else(|r| panic!("first build failed: {:?}", r.diagnostics));
        let jobs = update.stats.jobs;
        files.apply(update);
        Live {
            dir,
            engine,
            files,
            jobs,
            linked: true,
            early: Vec::new(),
        }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    fn write(&mut self, relative: &str, content: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn read(&self, relative: &str) -> String {
        read(self.path(relative))
    }

    /// Replaces `from` by `to` in a file, which must contain it.
    fn edit(&mut self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    fn remove(&mut self, relative: &str) {
        let path = self.path(relative);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }

    /// Rebuilds after changes to `paths` (as a watcher reports them: absolute).
    fn rebuild(&mut self, paths: &[&str]) -> Result<Vec<String>, String> {
        let paths: Vec<PathBuf> = paths.iter().map(|p| self.path(p)).collect();
        let mut early = Vec::new();
        let result = self
            .engine
            .rebuild_in_stages(&paths, |update| early.extend(update.written));
        self.early = early;
        match result {
            Ok(update) => {
                self.jobs = update.stats.jobs;
                self.linked = update.stats.linked;
                Ok(self.files.apply(update))
            }
            Err(report) => Err(report
                .diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")),
        }
    }

    /// Rebuilds and checks the result against a full build.
    fn step(&mut self, what: &str, paths: &[&str]) -> Vec<String> {
        let changed = self
            .rebuild(paths)
            .unwrap_or_else(|e| panic!("{what}: rebuild failed:\n{e}"));
        self.assert_same_as_build(what);
        changed
    }

    fn assert_same_as_build(&self, what: &str) {
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        let output = build(self.root(), &["--output", public.to_str().unwrap()]);
        assert!(
            output.status.success(),
            "{what}: build failed: {}",
            stderr(&output)
        );
        let built: Vec<(String, Vec<u8>)> = tree(&public)
            .into_iter()
            .filter(|(path, _)| path != ".brief-output")
            .collect();
        let held = self.files.all();
        let built_paths: Vec<&str> = built.iter().map(|(p, _)| p.as_str()).collect();
        let held_paths: Vec<&str> = held.keys().copied().collect();
        let missing: Vec<&&str> = built_paths
            .iter()
            .filter(|p| !held.contains_key(**p))
            .collect();
        let extra: Vec<&&str> = held_paths
            .iter()
            .filter(|p| !built_paths.contains(p))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: files differ; missing {missing:?}, extra {extra:?}"
        );
        for page in &self.early {
            let built = built.iter().find(|(path, _)| *path == page.path);
            assert!(
                built.is_some_and(|(_, bytes)| *bytes == page.content),
                "{what}: {} as served early differs from the full build",
                page.path
            );
        }
        for (path, bytes) in &built {
            let served = held[path.as_str()];
            assert!(
                served.as_ref() == bytes.as_slice(),
                "{what}: {path} differs from the full build\n--- built ---\n{}\n--- held ---\n{}",
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(served)
            );
        }
    }
}

fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\n{body}\n")
}

const FRANCE: &str = "content/articles/us-france-ceasefire-call.md";
const NETANYAHU: &str = "content/articles/netanyahu-office-ceasefire-response.md";

#[test]
fn edits_to_articles_match_a_full_build() {
    let mut live = Live::new(example_site());
    live.assert_same_as_build("first build");
    let all_jobs = live.jobs;

    live.edit(
        FRANCE,
        "Washington wanted to move",
        "Washington hoped to move",
    );
    let changed = live.step("body edit", &[FRANCE]);
    assert!(
        changed.contains(&"articles/us-france-ceasefire-call/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        !changed.iter().any(|p| p.starts_with("articles/hezbollah")),
        "an unrelated article page was rewritten: {changed:?}"
    );
    assert!(!live.linked, "a text edit keeps the graph");
    let early: Vec<&str> = live.early.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(
        early,
        ["articles/us-france-ceasefire-call/index.html"],
        "the edited page comes first"
    );
    assert!(
        live.jobs < all_jobs / 2,
        "{} of {all_jobs} jobs ran again for one article",
        live.jobs
    );

    live.edit(
        FRANCE,
        "location: New York\n",
        "location: New York\nupdated: 2024-09-27\n",
    );
    live.step("updated date added", &[FRANCE]);
    assert!(!live.linked, "an updated date keeps the graph");

    live.edit(
        FRANCE,
        "location: New York\n",
        "location: New York\nlead: true\n",
    );
    live.step("made the day's lead", &[FRANCE]);

    live.edit(
        FRANCE,
        "authors: [Briefing desk]",
        "authors: [Briefing desk, Dana Reyes]",
    );
    live.step("author added", &[FRANCE]);

    live.edit(
        FRANCE,
        "aliases: [/2024/09/ceasefire-call/]",
        "aliases: [/2024/09/ceasefire-call/, /old/france-call/]",
    );
    live.step("old address added", &[FRANCE]);

    live.edit(
        FRANCE,
        "location: New York\n",
        "location: New York\nweight: 3\n",
    );
    live.step("weight given", &[FRANCE]);

    let harbor = "content/articles/harbor-talks.md";
    live.write(
        harbor,
        &article(
            "Harbor talks open",
            "2024-10-05",
            "story: harbor-oakton-talks\n",
            "Delegates met on Monday.",
        ),
    );
    live.step("new story", &[harbor]);
    // The story's title now joins the pair as this article writes it.
    live.edit(
        harbor,
        "Delegates met",
        "Delegates of the harbor-oakton route met",
    );
    live.step("a story's words written joined", &[harbor]);
    assert!(
        live.linked,
        "a story title spelled from the text changes the graph"
    );
    live.remove(harbor);
    live.step("story removed", &[harbor]);

    live.edit(
        FRANCE,
        "  - \"A joint statement",
        "  - \"A short joint statement",
    );
    live.step("key point edited", &[FRANCE]);

    live.edit(
        FRANCE,
        "title: \"US, France",
        "title: \"United States, France",
    );
    live.step("title edit", &[FRANCE]);

    live.edit(
        FRANCE,
        "Washington hoped",
        "[Washington](netanyahu-office-ceasefire-response.md) hoped",
    );
    live.step("link added", &[FRANCE]);
    assert!(live.linked, "a new link changes the graph");

    live.edit(FRANCE, "date: 2024-09-25 23:10", "date: 2024-10-03 08:00");
    live.step("date moved to another day", &[FRANCE]);

    live.edit(
        FRANCE,
        "tags: [diplomacy, united-nations]",
        "tags: [diplomacy, ceasefire-watch]",
    );
    live.step("tags changed", &[FRANCE]);

    live.edit(
        FRANCE,
        "story: gaza-lebanon-ceasefire-talks",
        "story: new-york-diplomacy",
    );
    live.step("story changed", &[FRANCE]);

    live.edit(
        FRANCE,
        "location: New York\n",
        "location: New York\nslug: twenty-one-days\n",
    );
    live.step("slug changed", &[FRANCE]);

    live.write(
        "content/articles/follow-up.md",
        &article(
            "Follow-up on the ceasefire call",
            "2024-10-04",
            "tags: [diplomacy]\nstory: new-york-diplomacy\n",
            "See [the call](us-france-ceasefire-call.md) and [the response](netanyahu-office-ceasefire-response.md).",
        ),
    );
    live.step(
        "new article linking two others",
        &["content/articles/follow-up.md"],
    );

    live.edit(
        NETANYAHU,
        "---\n\n",
        "---\n\n## Background\n\nMore context.\n\n",
    );
    live.step("heading added to a linked article", &[NETANYAHU]);

    live.edit(
        "content/articles/follow-up.md",
        "title:",
        "draft: true\ntitle:",
    );
    live.step("article made a draft", &["content/articles/follow-up.md"]);

    live.edit("content/articles/follow-up.md", "draft: true\n", "");
    live.step("draft published again", &["content/articles/follow-up.md"]);

    // An editor's save: write a temporary file, then rename it over the article.
    let text = live.read("content/articles/follow-up.md");
    live.write(
        "content/articles/.follow-up.md.tmp",
        &text.replace("See", "Read"),
    );
    std::fs::rename(
        live.path("content/articles/.follow-up.md.tmp"),
        live.path("content/articles/follow-up.md"),
    )
    .unwrap();
    live.step(
        "save by rename",
        &[
            "content/articles/.follow-up.md.tmp",
            "content/articles/follow-up.md",
        ],
    );

    std::fs::rename(
        live.path("content/articles/follow-up.md"),
        live.path("content/articles/later-follow-up.md"),
    )
    .unwrap();
    live.step(
        "article renamed",
        &[
            "content/articles/follow-up.md",
            "content/articles/later-follow-up.md",
        ],
    );

    live.remove("content/articles/later-follow-up.md");
    live.step("article deleted", &["content/articles/later-follow-up.md"]);
}

#[test]
fn errors_keep_the_last_site_and_fixes_match_a_full_build() {
    let mut live = Live::new(example_site());
    let before = live.read(FRANCE);
    live.edit(FRANCE, "date: 2024-09-25 23:10", "date: [broken");
    let error = live.rebuild(&[FRANCE]).unwrap_err();
    assert!(error.contains("us-france-ceasefire-call.md:3"), "{error}");

    // While the article is broken another one changes; both show once it is fixed.
    live.edit(NETANYAHU, "---\n\n", "---\n\nAn added first paragraph.\n\n");
    assert!(
        live.rebuild(&[NETANYAHU]).is_err(),
        "the broken article still fails"
    );
    live.write(FRANCE, &before);
    live.step("fixed", &[FRANCE]);

    live.edit(
        NETANYAHU,
        "---\n\n",
        "---\n\nSee [nothing](missing.md).\n\n",
    );
    let error = live.rebuild(&[NETANYAHU]).unwrap_err();
    assert!(error.contains("missing.md"), "{error}");
    live.edit(NETANYAHU, "See [nothing](missing.md).", "See nothing.");
    live.step("broken link fixed", &[NETANYAHU]);
}

#[test]
fn templates_static_files_config_and_other_content_match_a_full_build() {
    let mut live = Live::new(example_site());

    live.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock content %}\n",
    );
    live.step("template override added", &["templates/404.html"]);

    live.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ content | safe }}{% endblock content %}\n");
    live.step("page template override", &["templates/page.html"]);

    live.write("templates/broken.html", "{% if %}");
    let error = live.rebuild(&["templates/broken.html"]).unwrap_err();
    assert!(error.contains("templates/broken.html"), "{error}");
    live.remove("templates/broken.html");
    live.step("broken template removed", &["templates/broken.html"]);

    live.write("static/style.css", "body { color: navy; }\n");
    let changed = live.step("stylesheet overridden", &["static/style.css"]);
    assert_eq!(changed, ["style.css"]);
    assert_eq!(live.jobs, 0, "a stylesheet change renders no page");

    live.write(
        "static/images/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    live.step("static folder added", &["static/images"]);

    live.write(
        "content/briefings/2024-09-27.md",
        "---\ntitle: \"Friday\"\n---\n\nA quiet day.\n",
    );
    live.step("briefing note added", &["content/briefings/2024-09-27.md"]);

    live.edit(
        "content/pages/about.md",
        "## The articles",
        "## The example articles",
    );
    live.step("page heading changed", &["content/pages/about.md"]);

    live.write(
        "content/pages/contact.md",
        "---\ntitle: Contact\n---\n\nWrite to us.\n",
    );
    live.step("page added", &["content/pages/contact.md"]);
    live.remove("content/pages/contact.md");
    live.step("page removed", &["content/pages/contact.md"]);

    live.write(
        "content/entities/antony-blinken.md",
        "---\nname: Antony Blinken\nkind: person\naliases: [Blinken]\n---\n",
    );
    live.step("entity added", &["content/entities/antony-blinken.md"]);

    let config = live.read("site.yaml");
    live.write(
        "site.yaml",
        &format!("{config}timeline_page_size: 3\nfeed_length: 2\n"),
    );
    live.step("site.yaml changed", &["site.yaml"]);

    live.write("site.yaml", "title: [broken\n");
    assert!(live.rebuild(&["site.yaml"]).is_err());
    live.write(
        "site.yaml",
        &config.replace(
            "base_url: \"/\"",
            "base_url: \"https://example.org/briefs/\"",
        ),
    );
    live.step("site.yaml fixed with a base path", &["site.yaml"]);
}

#[test]
fn folders_added_and_removed_match_a_full_build() {
    let mut live = Live::new(example_site());
    for n in 0..3 {
        live.write(
            &format!("content/articles/archive/old-{n}.md"),
            &article(
                &format!("Archive {n}"),
                &format!("2023-0{}-01", n + 1),
                "tags: [archive]\n",
                "Old news.",
            ),
        );
    }
    live.step("folder of articles added", &["content/articles/archive"]);
    std::fs::rename(
        live.path("content/articles/archive"),
        live.path("content/articles/older"),
    )
    .unwrap();
    live.step(
        "folder renamed",
        &["content/articles/archive", "content/articles/older"],
    );
    live.remove("content/articles/older");
    live.step("folder removed", &["content/articles/older"]);
}

#[test]
fn random_edits_match_a_full_build() {
    let count = 12;
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let files = generated_site(&mut random, count);
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let mut live = Live::new(site_with(&borrowed));
    live.assert_same_as_build("generated site");
    for step in 0..25 {
        let n = random.next(count);
        let path = format!("content/articles/item-{n}.md");
        let what = match random.next(4) {
            0 if live.path(&path).exists() && n != 0 => {
                // Nothing may link to a removed article: drop links to it first.
                let mut touched = vec![path.clone()];
                for m in 0..count {
                    let other = format!("content/articles/item-{m}.md");
                    if m != n && live.path(&other).exists() {
                        let text = live.read(&other);
                        let target = format!(" See [item {n}](item-{n}.md).");
                        if text.contains(&target) {
                            live.write(&other, &text.replace(&target, ""));
                            touched.push(other);
                        }
                    }
                }
                live.remove(&path);
                let touched: Vec<&str> = touched.iter().map(String::as_str).collect();
                live.step(&format!("step {step}: removed {path}"), &touched);
                continue;
            }
            1 if live.path(&path).exists() => {
                // Text alone, as many words: the graph and the article's card stay.
                let text = live.read(&path);
                let edited = if text.contains("More text") {
                    text.replace("More text", "Some text")
                } else {
                    text.replace("Some text", "More text")
                };
                live.write(&path, &edited);
                live.step(&format!("step {step}: edited the text of {path}"), &[&path]);
                continue;
            }
            _ => format!("step {step}: rewrote {path}"),
        };
        let mut text = generated_article(&mut random, n, count);
        // Links only to articles that exist.
        for m in 0..count {
            let target = format!(" See [item {m}](item-{m}.md).");
            if !live.path(&format!("content/articles/item-{m}.md")).exists() {
                text = text.replace(&target, "");
            }
        }
        live.write(&path, &text);
        live.step(&what, &[&path]);
    }
}

#[test]
fn images_and_embeds_match_a_full_build() {
    const A: &str = "content/articles/a.md";
    let mut live = Live::new(site_with(&[
        (A, &article("Talks", "2024-09-26", "", "The talks went on.")),
        (
            "content/articles/b.md",
            &article("Other", "2024-09-27", "", "Quiet."),
        ),
    ]));
    write_image(live.root(), "static/images/photo.jpg", 1000, 500);
    live.write(
        A,
        &article(
            "Talks",
            "2024-09-26",
            "image: /images/photo.jpg\nimage_alt: The harbour\n",
            "The talks went on.\n\n![A map](map.png)\n\n{{ youtube(id=\"abc\") }}",
        ),
    );
    write_image(live.root(), "content/articles/map.png", 600, 300);
    live.step(
        "image, body image and embed added",
        &[A, "static/images/photo.jpg", "content/articles/map.png"],
    );
    assert!(live.files.all().keys().any(|p| p.ends_with("-1000.jpg")));

    write_image(live.root(), "static/images/photo.jpg", 800, 400);
    live.step("lead image replaced", &["static/images/photo.jpg"]);
    assert!(live.files.all().keys().any(|p| p.ends_with("-800.jpg")));

    write_image(live.root(), "content/articles/map.png", 500, 500);
    live.step("body image replaced", &["content/articles/map.png"]);

    live.write(
        "templates/shortcodes/youtube.html",
        "<p class=\"video\">{{ id }}</p>",
    );
    live.step(
        "shortcode template replaced",
        &["templates/shortcodes/youtube.html"],
    );

    live.write(A, &article("Talks", "2024-09-26", "", "No pictures now."));
    live.step("images removed", &[A]);
    let images: Vec<&str> = live
        .files
        .all()
        .into_keys()
        .filter(|p| p.starts_with("images/"))
        .collect();
    assert_eq!(images, ["images/photo.jpg"], "only the static file is left");
}
