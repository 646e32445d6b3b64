//! `brief build` with its cache redoes only what changed since the last build; after any
//! series of edits the output folder must be, byte for byte, what a cold build (`--no-cache`)
//! of the same files writes. A cache that cannot be read whole is ignored, never used in part.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A site folder with an output folder that every build replaces, using the cache.
struct Site {
    dir: tempfile::TempDir,
    /// The last cached build's summary line.
    summary: String,
    /// Whether each content file written is given a modification time long past, as the
    /// files of a site edited over months have: a build may then leave it unread while
    /// its stamp holds (a file written moments before a build is always read).
    aged: bool,
    /// Article files the cached builds so far left unread.
    unread: usize,
    /// Whether the last cached build took the site graph of the build before.
    kept_graph: bool,
    /// Cached builds so far that took it.
    kept_graphs: usize,
}

/// The modification time of aged files.
fn long_ago() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_577_836_800)
}

/// Gives the file at `path` a modification time long past.
fn age(path: &Path) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(long_ago()).unwrap();
}

/// Every build of these tests is of one moment, so no test depends on the clock.
const NOW: &str = "2024-12-01T00:00:00Z";

impl Site {
    fn new(dir: tempfile::TempDir) -> Site {
        Site {
            dir,
            summary: String::new(),
            aged: false,
            unread: 0,
            kept_graph: false,
            kept_graphs: 0,
        }
    }

    /// A site whose content files all have a modification time long past, as every one
    /// written later will.
    fn aged(dir: tempfile::TempDir) -> Site {
        for entry in walkdir::WalkDir::new(dir.path().join("content")) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                age(entry.path());
            }
        }
        Site {
            aged: true,
            ..Site::new(dir)
        }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    fn output(&self) -> PathBuf {
        self.path("public")
    }

    fn write(&self, relative: &str, content: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        if self.aged && relative.starts_with("content/") {
            age(&path);
        }
    }

    fn read(&self, relative: &str) -> String {
        read(self.path(relative))
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// A build with the cache, at `NOW` unless `extra` says `--now`; panics if it fails.
    fn build(&mut self, what: &str, extra: &[&str]) {
        let mut args = match extra.contains(&"--now") {
            true => vec![],
            false => vec!["--now", NOW],
        };
        args.extend_from_slice(extra);
        args.push("--timings");
        let output = build(self.root(), &args);
        assert!(
            output.status.success(),
            "{what}: cached build failed: {}",
            stderr(&output)
        );
        self.summary = stdout(&output);
        self.kept_graph = stderr(&output).contains("the site graph of the last build, kept");
        self.kept_graphs += usize::from(self.kept_graph);
        // A build with nothing changed stops before loading, and times nothing.
        if stderr(&output).contains("article files not read") {
            self.unread += unread(&output).0;
        }
    }

    /// Builds with the cache, then checks the output against a cold build's.
    fn step(&mut self, what: &str) {
        self.build(what, &[]);
        self.assert_same_as_cold(what);
    }

    fn assert_same_as_cold(&self, what: &str) {
        let out = tempfile::tempdir().unwrap();
        let cold = out.path().join("public");
        let output = build(
            self.root(),
            &[
                "--now",
                NOW,
                "--no-cache",
                "--output",
                cold.to_str().unwrap(),
            ],
        );
        assert!(
            output.status.success(),
            "{what}: cold build failed: {}",
            stderr(&output)
        );
        assert_eq!(
            folders(&self.output()),
            folders(&cold),
            "{what}: folders differ from a cold build's"
        );
        let (cached, cold) = (tree(&self.output()), tree(&cold));
        let paths = |t: &[(String, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        let (cached_paths, cold_paths) = (paths(&cached), paths(&cold));
        let missing: Vec<&String> = cold_paths
            .iter()
            .filter(|p| !cached_paths.contains(p))
            .collect();
        let extra: Vec<&String> = cached_paths
            .iter()
            .filter(|p| !cold_paths.contains(p))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: files differ; missing {missing:?}, extra {extra:?}"
        );
        for ((path, built), (_, made)) in cached.iter().zip(&cold) {
            assert!(
                built == made,
                "{what}: {path} differs from a cold build\n--- cached build ---\n{}\n--- cold build ---\n{}",
                String::from_utf8_lossy(built),
                String::from_utf8_lossy(made)
            );
        }
    }

    /// Articles and pages the last build took from the cache, from its summary line.
    fn reused(&self) -> (usize, usize) {
        let Some(note) = self.summary.split("from the cache: ").nth(1) else {
            return (0, 0);
        };
        let numbers: Vec<usize> = note
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        (numbers[0], numbers[2])
    }
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const FRANCE: &str = "content/articles/us-france-ceasefire-call.md";

/// The site the output replaced, kept beside it for the next build to update.
fn kept(site: &Site) -> PathBuf {
    site.path(".public.brief-prev")
}

#[test]
fn the_replaced_site_is_kept_and_updated_in_place_but_never_trusted_blindly() {
    let mut site = Site::new(example_site());
    site.step("first build");
    site.edit(
        FRANCE,
        "Washington wanted to move",
        "Washington hoped to move",
    );
    site.step("second build");
    assert!(kept(&site).join(".brief-output").is_file());

    // A file changed in the kept site is not taken as the last build wrote it.
    let page = kept(&site).join("index.html");
    std::fs::write(&page, "not the front page").unwrap();
    site.edit(
        FRANCE,
        "Washington hoped to move",
        "Washington planned to move",
    );
    site.step("after a kept file was changed");
    site.step("and once more");

    // A kept site without its marker (as a killed build leaves one) is not used at all.
    std::fs::remove_file(kept(&site).join(".brief-output")).unwrap();
    std::fs::write(kept(&site).join("stray.html"), "left by hand").unwrap();
    site.edit(
        FRANCE,
        "Washington planned to move",
        "Washington wanted to move",
    );
    site.step("after the kept site lost its marker");

    // A folder that becomes empty goes, as a cold build would never make it.
    std::fs::remove_file(site.path("content/articles/blinken-diplomacy-after-iran-attack.md"))
        .unwrap();
    site.step("an article removed");
    site.step("and the kept site caught up");

    site.build("without the cache", &["--no-cache"]);
    assert!(!kept(&site).exists(), "--no-cache leaves no kept site");
}

#[test]
fn edits_of_every_kind_match_a_cold_build() {
    let mut site = Site::new(example_site());
    site.step("first build");
    assert!(
        site.path(".brief-cache").is_dir(),
        "the cache is in the site folder"
    );
    assert!(
        site.summary.contains("everything made anew"),
        "{}",
        site.summary
    );

    site.step("nothing changed");
    let (articles, pages) = site.reused();
    assert!(
        site.summary.contains(&format!(
            "{articles} of {articles} articles, {pages} of {pages} pages"
        )),
        "everything comes from the cache: {}",
        site.summary
    );

    let graph_file = site.path(".brief-cache/graph.bin");
    let graph_before = std::fs::read(&graph_file).unwrap();
    site.edit(
        FRANCE,
        "Washington wanted to move",
        "Washington hoped to move",
    );
    site.step("body edit");
    assert!(
        site.summary
            .contains(&format!("{} of {articles} articles", articles - 1)),
        "one article is extracted again: {}",
        site.summary
    );
    assert!(site.kept_graph, "a reworded sentence keeps the site graph");
    assert!(
        std::fs::read(&graph_file).unwrap() == graph_before,
        "a kept graph's file is not written again"
    );

    site.edit(FRANCE, "united-nations]", "united-nations, newly-tagged]");
    site.step("tag added");
    assert!(!site.kept_graph, "a new tag links the site again");

    let harbor = "content/articles/harbor-talks.md";
    site.write(
        harbor,
        "---\ntitle: \"Harbor talks open\"\ndate: 2024-09-29\nstory: harbor-oakton-talks\n---\n\nDelegates met on Monday.\n",
    );
    site.step("article in a new story");
    // The story's title now joins the pair as the article writes it: the graph is kept,
    // with that title worked out again.
    site.edit(
        harbor,
        "Delegates met",
        "Delegates of the harbor-oakton route met",
    );
    site.step("a story's words written joined");
    assert!(site.kept_graph, "only the story's title changes");
    std::fs::remove_file(site.path(harbor)).unwrap();
    site.step("that article removed");

    site.write(
        "content/articles/a-new-one.md",
        "---\ntitle: \"A new one\"\ndate: 2024-09-28\ntags: [diplomacy]\n---\n\nHezbollah and Lebanon, again. See [the call](us-france-ceasefire-call.md).\n",
    );
    site.step("article added");

    std::fs::rename(
        site.path("content/articles/a-new-one.md"),
        site.path("content/articles/renamed.md"),
    )
    .unwrap();
    site.step("article renamed");

    std::fs::remove_file(site.path("content/articles/renamed.md")).unwrap();
    site.step("article removed");

    site.write(
        "content/entities/oakton.md",
        "---\nname: Oakton\nkind: place\n---\n\nA town.\n",
    );
    site.step("gazetteer entry added");
    assert_eq!(
        site.reused().0,
        0,
        "a new gazetteer extracts again: {}",
        site.summary
    );

    site.edit("content/entities/oakton.md", "A town.", "A small town.");
    site.step("gazetteer description changed");

    site.edit("site.yaml", "title: \"", "title: \"Changed ");
    site.step("site.yaml changed");

    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock content %}\n",
    );
    site.step("template added");
    site.edit("templates/404.html", "Gone.", "Not here.");
    site.step("template changed");

    site.write("static/style.css", "body { color: navy; }\n");
    site.step("static file overridden");

    site.write(
        "content/briefings/2024-09-27.md",
        "---\ntitle: \"Friday\"\n---\n\nA quiet day.\n",
    );
    site.step("briefing note added");
    site.edit(
        "content/pages/about.md",
        "## The articles",
        "## The example articles",
    );
    site.step("page changed");

    site.build("drafts on", &["--drafts"]);
    site.build("base URL", &["--base-url", "https://example.org/briefs/"]);
    site.step("back to the plain build");
}

/// Removes the links to articles that do not exist: a link to a missing article is an error.
fn without_dead_links(site: &Site, mut text: String, count: usize) -> String {
    for m in 0..count {
        if !site.path(&format!("content/articles/item-{m}.md")).exists() {
            text = text.replace(&format!(" See [item {m}](item-{m}.md)."), "");
        }
    }
    text
}

#[test]
fn random_edits_match_a_cold_build() {
    random_edits(0x2545_f491_4f6c_dd1d, false);
}

/// The same with files whose stamps a build trusts: an article file left unread while it
/// keeps its size and times must give the pages its text gives.
#[test]
fn random_edits_of_files_with_old_times_match_a_cold_build() {
    random_edits(0x9e37_79b9_7f4a_7c15, true);
}

/// 24 random edits of a generated site (articles edited, rewritten, moved, removed; the
/// gazetteer, `site.yaml` and a template changed), each build checked against a cold one.
fn random_edits(seed: u64, aged: bool) {
    let count = 10;
    let mut random = Random(seed);
    let files = generated_site(&mut random, count);
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let dir = site_with(&borrowed);
    let mut site = match aged {
        true => Site::aged(dir),
        false => Site::new(dir),
    };
    site.step("generated site");
    for step in 0..24 {
        let n = random.next(count);
        let path = format!("content/articles/item-{n}.md");
        let exists = site.path(&path).exists();
        let what = match random.next(7) {
            0 if exists && n != 0 => {
                // Nothing may link to a removed article: drop links to it first.
                std::fs::remove_file(site.path(&path)).unwrap();
                for m in 0..count {
                    let other = format!("content/articles/item-{m}.md");
                    if site.path(&other).exists() {
                        site.write(&other, &without_dead_links(&site, site.read(&other), count));
                    }
                }
                format!("removed {path}")
            }
            1 if exists => {
                let text = site.read(&path);
                let edited = match text.contains("More text") {
                    true => text.replace("More text", "Some text"),
                    false => text.replace("Some text", "More text"),
                };
                site.write(&path, &edited);
                format!("edited the text of {path}")
            }
            2 if exists => {
                let moved = format!("content/articles/moved/item-{n}.md");
                std::fs::create_dir_all(site.path("content/articles/moved")).unwrap();
                std::fs::rename(site.path(&path), site.path(&moved)).unwrap();
                // Links name the file, so they follow it.
                for m in 0..count {
                    let other = format!("content/articles/item-{m}.md");
                    if site.path(&other).exists() {
                        let text = site.read(&other);
                        site.write(
                            &other,
                            &text.replace(
                                &format!("(item-{n}.md)"),
                                &format!("(moved/item-{n}.md)"),
                            ),
                        );
                    }
                }
                let text = site.read(&moved);
                site.write(&moved, &text.replace("](item-", "](../item-"));
                site.step(&format!("step {step}: moved {path} into a folder"));
                std::fs::rename(site.path(&moved), site.path(&path)).unwrap();
                for m in 0..count {
                    let other = format!("content/articles/item-{m}.md");
                    if site.path(&other).exists() {
                        let text = site.read(&other);
                        site.write(
                            &other,
                            &text
                                .replace("(moved/item-", "(item-")
                                .replace("](../item-", "](item-"),
                        );
                    }
                }
                format!("moved {path} back")
            }
            3 => {
                let entity = if random.next(2) == 0 {
                    "Beirut"
                } else {
                    "Officials"
                };
                let file = format!("content/entities/{}.md", entity.to_lowercase());
                match site.path(&file).exists() {
                    true => std::fs::remove_file(site.path(&file)).unwrap(),
                    false => site.write(&file, &format!("---\nname: {entity}\nkind: place\n---\n")),
                }
                format!("gazetteer: toggled {entity}")
            }
            4 => {
                let size = 2 + random.next(4);
                site.write(
                    "site.yaml",
                    &format!("title: Random\ntimeline_page_size: {size}\nfeed_length: 3\n"),
                );
                format!("site.yaml: timeline pages of {size}")
            }
            5 => {
                let text = format!(
                    "{{% extends \"base.html\" %}}{{% block content %}}<p>Gone {}.</p>{{% endblock content %}}\n",
                    random.next(3)
                );
                site.write("templates/404.html", &text);
                "template changed".to_string()
            }
            _ => {
                let text = generated_article(&mut random, n, count);
                site.write(&path, &without_dead_links(&site, text, count));
                format!("rewrote {path}")
            }
        };
        site.step(&format!("step {step}: {what}"));
    }
    if aged {
        assert!(site.unread > 0, "no build left an article file unread");
    }
    assert!(site.kept_graphs > 0, "no build kept the site graph");
}

#[test]
fn a_damaged_cache_is_ignored_with_a_note() {
    let mut site = Site::new(example_site());
    site.step("first build");
    let file = site.path(".brief-cache/build.bin");
    let whole = std::fs::read(&file).unwrap();

    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    site.edit(
        FRANCE,
        "Washington wanted to move",
        "Washington hoped to move",
    );
    let output = build(site.root(), &["--now", NOW]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is not used"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("truncated or damaged"),
        "{}",
        stderr(&output)
    );
    site.summary = stdout(&output);
    assert!(
        site.summary.contains("everything made anew"),
        "{}",
        site.summary
    );
    site.assert_same_as_cold("after a truncated cache");

    std::fs::write(&file, b"not a cache at all").unwrap();
    site.edit(FRANCE, "Washington hoped", "Washington planned");
    site.step("after a foreign file");
    std::fs::write(&file, []).unwrap();
    site.edit(FRANCE, "Washington planned", "Washington hoped");
    site.step("after an empty file");

    // A cache written by another build of Brief (here: its identity changed).
    site.build("cache rewritten", &[]);
    let mut other = std::fs::read(&file).unwrap();
    other[12] ^= 0xff;
    std::fs::write(&file, &other).unwrap();
    // With something to do: a build with nothing to do does not read the cache.
    site.edit(
        FRANCE,
        "Washington hoped to move",
        "Washington wanted to move",
    );
    let output = build(site.root(), &["--now", NOW]);
    assert!(
        stderr(&output).contains("another build of Brief"),
        "{}",
        stderr(&output)
    );
    site.assert_same_as_cold("after another build's cache");

    // One of the articles' shard files damaged, or gone: the whole cache is refused.
    let shards = |site: &Site| -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(site.path(".brief-cache"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with("articles-")
            })
            .collect();
        files.sort();
        files
    };
    site.build("cache rewritten again", &[]);
    let shard = shards(&site)[0].clone();
    let whole = std::fs::read(&shard).unwrap();
    std::fs::write(&shard, &whole[..whole.len() - 1]).unwrap();
    site.edit(FRANCE, "Washington wanted", "Washington hoped");
    let output = build(site.root(), &["--now", NOW]);
    assert!(
        stderr(&output).contains("truncated or damaged"),
        "{}",
        stderr(&output)
    );
    site.assert_same_as_cold("after a damaged shard");
    let before = shards(&site).len();
    std::fs::remove_file(&shards(&site)[0]).unwrap();
    site.edit(FRANCE, "Washington hoped", "Washington wanted");
    let output = build(site.root(), &["--now", NOW]);
    assert!(
        stderr(&output).contains("is missing"),
        "{}",
        stderr(&output)
    );
    site.assert_same_as_cold("after a missing shard");
    assert_eq!(shards(&site).len(), before, "old shard files are removed");

    // The kept site graph damaged: linked again, with a note; the rest of the cache serves.
    site.build("cache rewritten once more", &[]);
    let graph = site.path(".brief-cache/graph.bin");
    let whole = std::fs::read(&graph).unwrap();
    std::fs::write(&graph, &whole[..whole.len() - 1]).unwrap();
    site.edit(FRANCE, "Washington wanted", "Washington hoped");
    let output = build(site.root(), &["--now", NOW]);
    let said = stderr(&output);
    assert!(said.contains("the site graph in the build cache"), "{said}");
    assert!(said.contains("truncated or damaged"), "{said}");
    assert!(!stdout(&output).contains("everything made anew"));
    site.assert_same_as_cold("after a damaged site graph");

    // A cache folder that cannot be written does not fail the build.
    std::fs::remove_dir_all(site.path(".brief-cache")).unwrap();
    site.write(".brief-cache", "a file where the folder should be");
    let output = build(site.root(), &["--now", NOW]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write the build cache"),
        "{}",
        stderr(&output)
    );
    site.assert_same_as_cold("cache folder is a file");
}

/// Article files not read again, from the `--timings` line: (not read, articles).
fn unread(output: &std::process::Output) -> (usize, usize) {
    let text = stderr(output);
    let line = text
        .lines()
        .find(|l| l.contains("article files not read"))
        .unwrap_or_else(|| panic!("no line on files not read: {text}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

#[test]
fn article_files_unchanged_by_size_and_times_are_not_read_again() {
    let mut site = Site::aged(example_site());
    site.step("first build");
    let timed = |site: &Site| {
        let output = build(site.root(), &["--now", NOW, "--timings"]);
        assert!(output.status.success(), "{}", stderr(&output));
        unread(&output)
    };

    site.edit(
        FRANCE,
        "Washington wanted to move",
        "Washington hoped to move",
    );
    // Of the 7 articles built (an eighth is dated after `NOW`), the edited one and the one
    // with an image are read.
    assert_eq!(timed(&site), (5, 7));
    site.assert_same_as_cold("one article edited");

    // A new gazetteer extracts every article again: the files left unread at loading are
    // read then, and the pages are those of their texts.
    site.write(
        "content/entities/oakton.md",
        "---\nname: Oakton\nkind: place\n---\n\nA town.\n",
    );
    assert_eq!(timed(&site), (6, 7));
    site.assert_same_as_cold("gazetteer entry added");

    // Without the cache every file is read.
    let output = build(site.root(), &["--now", NOW, "--timings", "--no-cache"]);
    assert_eq!(unread(&output), (0, 7));
}

#[test]
fn a_problem_in_an_article_not_read_again_shows_its_line() {
    let dir = site_with(&[
        ("site.yaml", "title: Lines\n"),
        (
            "content/articles/ferry.md",
            "---\ntitle: Ferry\ndate: 2024-03-01\n---\n\nThe ferry runs. See [the port](port.md).\n",
        ),
        (
            "content/articles/port.md",
            "---\ntitle: Port\ndate: 2024-03-02\n---\n\nThe port opens.\n",
        ),
    ]);
    let mut site = Site::aged(dir);
    site.step("first build");
    std::fs::remove_file(site.path("content/articles/port.md")).unwrap();
    let output = build(site.root(), &["--now", NOW]);
    assert!(!output.status.success());
    let problem = stderr(&output);
    assert!(problem.contains("ferry.md:6"), "{problem}");
    assert!(problem.contains("See [the port](port.md)."), "{problem}");
}

#[test]
fn a_page_edited_in_the_output_is_made_again() {
    let mut site = Site::new(example_site());
    site.step("first build");
    let page = site
        .output()
        .join("articles/us-france-ceasefire-call/index.html");
    std::fs::write(&page, "edited by hand, and longer than nothing").unwrap();
    site.step("after a hand edit of a page");
}

#[test]
fn cache_dir_moves_the_cache_and_no_cache_writes_none() {
    let mut site = Site::new(example_site());
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("cache");
    site.build("moved cache", &["--cache-dir", dir.to_str().unwrap()]);
    assert!(dir.join("build.bin").is_file());
    assert!(!site.path(".brief-cache").exists());
    site.build("moved cache again", &["--cache-dir", dir.to_str().unwrap()]);
    assert!(site.reused().0 > 0, "{}", site.summary);

    site.build("no cache", &["--no-cache"]);
    assert!(!site.path(".brief-cache").exists());
    assert!(site.summary.contains("cache not used"), "{}", site.summary);
    site.assert_same_as_cold("no cache");
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_build_with_nothing_changed_writes_nothing_and_any_change_is_seen() {
    let mut site = Site::new(example_site());
    site.step("first build");
    site.step("second build");
    let marker = site.output().join(".brief-output");
    let written = modified(&marker);
    site.step("nothing changed");
    assert!(
        site.summary.contains("(nothing changed)"),
        "{}",
        site.summary
    );
    assert_eq!(
        modified(&marker),
        written,
        "a build with nothing to do wrote"
    );

    // Saved again with the same content: looked at again, and the same site comes out.
    let file = std::fs::File::options()
        .write(true)
        .open(site.path(FRANCE))
        .unwrap();
    file.set_modified(written + std::time::Duration::from_secs(60))
        .unwrap();
    site.step("an article saved unchanged");
    assert_ne!(
        modified(&marker),
        written,
        "a touched article was not looked at"
    );

    // Any input folder counts, a template as much as an article.
    site.write("templates/partials/extra.html", "<p>unused</p>");
    let written = modified(&marker);
    site.step("a template added");
    assert_ne!(
        modified(&marker),
        written,
        "a new template was not looked at"
    );

    // A page changed in the output is made again, even with no input changed.
    let page = site.output().join("index.html");
    std::fs::write(&page, "changed by hand").unwrap();
    site.step("the front page changed by hand");
}

#[test]
fn nothing_changed_still_follows_the_schedule() {
    let mut site = Site::new(example_site());
    site.write(
        "content/articles/later.md",
        "---\ntitle: Talks resume next week\ndate: 2024-12-05\n---\n\nThe envoys meet again.\n",
    );
    site.write(
        "content/articles/brief-notice.md",
        "---\ntitle: Crossing open for a week\ndate: 2024-11-20\nexpires: 2024-12-03\n---\n\nThe crossing opens daily.\n",
    );
    site.step("first build");
    site.step("second build");
    let later = site.output().join("articles/later/index.html");
    let notice = site.output().join("articles/brief-notice/index.html");
    assert!(!later.exists() && notice.exists());

    site.build("a day on", &["--now", "2024-12-02T00:00:00Z"]);
    assert!(
        site.summary.contains("(nothing changed)"),
        "{}",
        site.summary
    );
    site.build("past the expiry", &["--now", "2024-12-04T00:00:00Z"]);
    assert!(
        !site.summary.contains("(nothing changed)"),
        "{}",
        site.summary
    );
    assert!(!notice.exists(), "the expired article is still out");
    site.build("past the date", &["--now", "2024-12-06T00:00:00Z"]);
    assert!(later.exists(), "the scheduled article is not out");

    // Back to an earlier moment (as `--now` allows): built for that moment again.
    site.build("back in time", &["--now", "2024-12-02T00:00:00Z"]);
    assert!(!later.exists() && notice.exists());
}
