//! Page fingerprints are complete: across random edits, a page whose rendered bytes change
//! always gets a new fingerprint, so `brief serve`, which renders again only the pages whose
//! fingerprint changed, can never keep a stale page. Checked on every page the renderer
//! makes, without the server, over sites rich in what pages show of each other: shared
//! entities, quotes and their speakers, tags, stories, days and briefing notes.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::path::Path;

use brief::pipeline::{self, BuildOptions};
use brief::render::{Prepared, Renderer, theme};

use crate::common::*;

/// Each page by path: its fingerprint and its files.
type Pages = BTreeMap<String, (u64, Vec<(String, Vec<u8>)>)>;

fn render_all(root: &Path) -> Pages {
    let analysis = pipeline::analyse(&BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    })
    .unwrap_or_else(|r| panic!("{:?}", r.diagnostics));
    assert!(!analysis.report.has_errors(), "{:?}", analysis.report);
    let tera = theme::load_templates(root).unwrap().tera;
    let (site, facts, graph) = (&analysis.site, &analysis.facts, &analysis.graph);
    let renderer =
        Renderer::with_prepared(site, facts, graph, &tera, Prepared::all(site, facts, graph));
    // `serve` gives an article a new revision whenever its file changes.
    let hasher = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    let revisions: brief::model::PerArticle<u64> = site
        .articles
        .iter()
        .map(|a| hasher.hash_one(a.text.held()))
        .collect();
    renderer
        .all_jobs()
        .into_iter()
        .map(|job| {
            let files = renderer
                .run(job)
                .unwrap_or_else(|d| panic!("{d}"))
                .into_iter()
                .map(|o| (o.path, o.content))
                .collect();
            (
                renderer.job_path(job),
                (renderer.fingerprint(job, &revisions), files),
            )
        })
        .collect()
}

const PEOPLE: [&str; 4] = ["Mara Quell", "Tobias Renn", "Ilse Varga", "Oren Pask"];
const PLACES: [&str; 4] = ["Port Kessel", "Valdemar", "Lindqvist Bay", "Harrowgate"];
/// One word each, so swapping them keeps an article's word count (and so its card).
const WORDS: [&str; 3] = ["soon", "today", "tonight"];
const TAGS: [&str; 3] = ["harbour", "budget", "transit"];
const STORIES: [&str; 2] = ["harbour-rebuild", "budget-talks"];

/// An article as parts, so an edit can change one thing a page may show and nothing else.
struct Article {
    n: usize,
    title: usize,
    day: usize,
    hour: usize,
    updated: Option<usize>,
    tags: Vec<usize>,
    story: Option<usize>,
    /// Sentences after the first paragraph (which is the summary).
    sentences: Vec<String>,
    link: Option<usize>,
}

fn sentence(random: &mut Random) -> String {
    let person = PEOPLE[random.next(PEOPLE.len())];
    let place = PLACES[random.next(PLACES.len())];
    let word = WORDS[random.next(WORDS.len())];
    match random.next(3) {
        0 => format!("“We will finish the work in {place} {word},” {person} said."),
        1 => format!("{person} visited {place} {word}."),
        _ => format!("Crews in {place} worked late, {word}."),
    }
}

impl Article {
    fn new(random: &mut Random, n: usize, count: usize) -> Article {
        let mut article = Article {
            n,
            title: random.next(100),
            day: 1 + random.next(4),
            hour: random.next(10),
            updated: None,
            tags: Vec::new(),
            story: None,
            sentences: (0..3 + random.next(6)).map(|_| sentence(random)).collect(),
            link: Some(random.next(count)).filter(|&m| m != n),
        };
        for _ in 0..4 {
            article.edit(random, count);
        }
        article
    }

    /// Changes one part.
    fn edit(&mut self, random: &mut Random, count: usize) {
        match random.next(11) {
            0 => self.title = random.next(100),
            1 => self.day = 1 + random.next(4),
            2 => self.updated = Some(5 + random.next(4)).filter(|_| random.next(3) > 0),
            3 => {
                self.tags = (0..random.next(3))
                    .map(|_| random.next(TAGS.len()))
                    .collect()
            }
            4 => self.story = Some(random.next(STORIES.len())).filter(|_| random.next(3) > 0),
            5 => self.link = Some(random.next(count)).filter(|&m| m != self.n),
            6 if !self.sentences.is_empty() => {
                let i = random.next(self.sentences.len());
                self.sentences.remove(i);
            }
            // Same number of words: what the text says changes, the article's card does not.
            7 | 8 if !self.sentences.is_empty() => {
                let i = random.next(self.sentences.len());
                let swaps: &[&str] = if random.next(2) == 0 { &WORDS } else { &PEOPLE };
                let from = swaps.iter().find(|w| self.sentences[i].contains(*w));
                if let Some(from) = from {
                    let to = swaps[random.next(swaps.len())];
                    self.sentences[i] = self.sentences[i].replace(from, to);
                }
            }
            _ => {
                let i = random.next(self.sentences.len() + 1);
                self.sentences.insert(i, sentence(random));
            }
        }
    }

    fn text(&self) -> String {
        let tags: Vec<&str> = self.tags.iter().map(|&t| TAGS[t]).collect();
        let mut front = format!(
            "title: \"Item {}, take {}\"\ndate: 2025-04-0{} 0{}:00\ntags: [{}]\n",
            self.n,
            self.title,
            self.day,
            self.hour,
            tags.join(", ")
        );
        if let Some(s) = self.story {
            front.push_str(&format!("story: {}\n", STORIES[s]));
        }
        if let Some(d) = self.updated {
            front.push_str(&format!("updated: 2025-04-0{d} 12:00\n"));
        }
        let mut body = format!("Item {} opens here.\n\n", self.n);
        for s in &self.sentences {
            body.push_str(s);
            body.push_str("\n\n");
        }
        if let Some(m) = self.link {
            body.push_str(&format!("See [item {m}](item-{m}.md).\n"));
        }
        format!("---\n{front}---\n{body}")
    }
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_page_that_changes_always_changes_its_fingerprint() {
    let count = 10;
    let site = site_with(&[
        (
            "site.yaml",
            "title: Prints\ntimeline_page_size: 3\nfeed_length: 2\n",
        ),
        (
            "content/entities.yaml",
            "- name: Mara Quell\n  kind: person\n- name: Tobias Renn\n  kind: person\n- name: Port Kessel\n  kind: place\n- name: Valdemar\n  kind: place\n",
        ),
        (
            "content/briefings/2025-04-02.md",
            "---\ntitle: Tuesday\n---\nA quiet day.\n",
        ),
    ]);
    let root = site.path();
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let mut articles: Vec<Article> = (0..count)
        .map(|n| Article::new(&mut random, n, count))
        .collect();
    for article in &articles {
        write(
            root,
            &format!("content/articles/item-{}.md", article.n),
            &article.text(),
        );
    }
    let mut before = render_all(root);
    let mut checked = 0;
    for step in 0..80 {
        let n = random.next(count);
        let path = format!("content/articles/item-{n}.md");
        if random.next(6) == 0 {
            let note = format!("---\ntitle: Note {step}\n---\nNotes, take {step}.\n");
            write(root, "content/briefings/2025-04-02.md", &note);
        } else {
            articles[n].edit(&mut random, count);
            write(root, &path, &articles[n].text());
        }
        let after = render_all(root);
        for (page, (print, files)) in &after {
            let Some((old_print, old_files)) = before.get(page) else {
                continue;
            };
            checked += 1;
            assert!(
                print != old_print || files == old_files,
                "step {step} (edited {path}): {page} changed but its fingerprint did not"
            );
        }
        before = after;
    }
    assert!(checked > 2000, "only {checked} pages compared");
}

/// A change that only an entity page's co-mentions show: an article's sixth entity, which
/// its card (five entities) leaves out, is replaced by another.
#[test]
fn a_co_mention_that_no_card_shows_changes_the_entity_fingerprint() {
    let many = "Mara Quell met Tobias Renn. Mara Quell and Tobias Renn spoke. Mara Quell, \
                Tobias Renn and Ilse Varga left. Ilse Varga went to Port Kessel. Port Kessel \
                and Valdemar agreed. Mara Quell thanked Valdemar.";
    let text = |sixth: &str| {
        format!(
            "---\ntitle: Talks\ndate: 2025-04-01\n---\nThe talks went on.\n\n{many} {sixth} waited.\n"
        )
    };
    // The feed of Mara Quell's page carries only her newest article, not this one.
    let site = site_with(&[
        ("site.yaml", "feed_length: 1\n"),
        (
            "content/articles/newest.md",
            "---\ntitle: Newest\ndate: 2025-04-09\n---\nMara Quell spoke.\n",
        ),
        ("content/articles/talks.md", &text("Oren Pask")),
        (
            "content/articles/other.md",
            "---\ntitle: Other\ndate: 2025-04-02\n---\nOren Pask and Lina Moss met. Lina Moss left.\n",
        ),
    ]);
    let edit = ("content/articles/talks.md", text("Lina Moss"));
    assert_edit_changes_print(site.path(), edit, "entities/mara-quell/index.html");
}

/// A change that only a briefing's quotes show: the speaker of a quote, named once in an
/// article whose card leaves them out, gets an entity page because another article now
/// names them too, so the briefing links the speaker.
#[test]
fn a_speaker_who_gets_a_page_changes_the_briefing_fingerprint() {
    let early = |names: &str| {
        format!("---\ntitle: Early\ndate: 2025-04-01\n---\nThe port opened. {names} came.\n")
    };
    let known: String = ["Mara Quell", "Tobias Renn", "Ilse Varga"]
        .iter()
        .map(|n| format!("- name: {n}\n  kind: person\n"))
        .chain(
            ["Port Kessel", "Valdemar", "Harrowgate"]
                .iter()
                .map(|n| format!("- name: {n}\n  kind: place\n")),
        )
        .collect();
    let site = site_with(&[
        ("content/entities.yaml", &known),
        ("content/articles/early.md", &early("Lina Moss")),
        (
            "content/articles/middle.md",
            "---\ntitle: Middle\ndate: 2025-04-03\n---\nLina Moss spoke.\n",
        ),
        (
            "content/articles/talks.md",
            "---\ntitle: Talks\ndate: 2025-04-05\n---\nThe talks went on.\n\n\
             Mara Quell met Tobias Renn. Mara Quell and Tobias Renn spoke. Mara Quell, \
             Tobias Renn and Ilse Varga left. Ilse Varga went to Port Kessel. Port Kessel \
             and Valdemar agreed. Mara Quell thanked Valdemar and Harrowgate. Harrowgate \
             waited.\n\n“We will finish the harbour by spring,” Oren Pask said.\n",
        ),
    ]);
    let edit = ("content/articles/early.md", early("Oren Pask"));
    assert_edit_changes_print(site.path(), edit, "briefings/2025-04-05/index.html");
}

/// Writes `edit` (a file and its text) into the site at `root`, and checks that `page`
/// changed with it, and its fingerprint too.
fn assert_edit_changes_print(root: &Path, edit: (&str, String), page: &str) {
    let before = render_all(root);
    write(root, edit.0, &edit.1);
    let after = render_all(root);
    let (old_print, old_files) = &before[page];
    let (print, files) = &after[page];
    assert_ne!(files, old_files, "{page} did not change with {}", edit.0);
    assert_ne!(
        print, old_print,
        "{page} changed but its fingerprint did not"
    );
}

/// A list past its lead shows each article as a line (title and date): more words in an
/// older article change its card, not the line, so pages that list it as a line keep
/// their fingerprint and are not made again.
#[test]
fn an_article_listed_as_a_line_changes_no_fingerprint_when_its_text_grows() {
    let article = |day: usize, extra: &str| {
        format!(
            "---\ntitle: Harbour day {day}\ndate: 2025-03-{day:02}\ntags: [harbour]\n---\n\
             Mara Quell opened the harbour in Port Kessel.{extra}\n"
        )
    };
    let files: Vec<(String, String)> = (1..=14)
        .map(|day| (format!("content/articles/day-{day}.md"), article(day, "")))
        .collect();
    let mut files: Vec<(&str, &str)> = files
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    files.push(("site.yaml", "feed_length: 2\n"));
    let site = site_with(&files);
    let before = render_all(site.path());
    let grown = article(
        1,
        " Crews worked late into the night, and the first ship came in.",
    );
    write(site.path(), "content/articles/day-1.md", &grown);
    let after = render_all(site.path());
    for page in [
        "entities/mara-quell/index.html",
        "entities/port-kessel/index.html",
        "tags/harbour/index.html",
    ] {
        assert_eq!(before[page], after[page], "{page} changed");
    }
    // The article's own page shows its text, and its card there changes.
    let page = "articles/day-1/index.html";
    assert_ne!(before[page].0, after[page].0, "{page} kept its fingerprint");
}
