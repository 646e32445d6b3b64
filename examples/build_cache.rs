//! Measures `brief build` with its cache: a cold build, then rebuilds with nothing changed,
//! with one article edited and with one article added, each run by the real binary.
//!
//! ```sh
//! python3 ../shared/bench/gen_corpus.py --articles 10000 --out /tmp/corpus
//! cargo build --release --bins --examples
//! target/release/examples/build_cache /tmp/corpus [--runs 5]
//! ```
//!
//! Before the cold build the previous output and cache are moved aside (into
//! `SITE/.bench-aside/`), never deleted: deleting a large output just before a timed build
//! slows the file system. An edit appends a sentence to the first article; an added article
//! is a new file each run. The edited article is restored and the added ones removed at the
//! end (so the next run's first rebuild does that work).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The moment every build is of, so that runs build the same site whatever the day.
const NOW: &str = "2030-01-01T00:00:00Z";

fn main() {
    let mut args = std::env::args().skip(1);
    let mut site = None;
    let mut runs = 5;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            _ => site = Some(PathBuf::from(arg)),
        }
    }
    let Some(site) = site else {
        eprintln!("usage: build_cache SITE_DIR [--runs N]");
        std::process::exit(2);
    };
    let brief = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("brief")))
        .filter(|path| path.exists())
        .expect("build the binary first: cargo build --release --bins --examples");

    move_aside(&site);
    let (cold, summary) = build(&brief, &site);
    println!("cold build, cache written: {:.0} ms\n  {summary}", ms(cold));

    let article = first_article(&site);
    let original = std::fs::read_to_string(&article).expect("the first article reads");
    let mut restore = Restore {
        edited: article.clone(),
        text: original.clone(),
        added: Vec::new(),
    };
    series("nothing changed", runs, || build(&brief, &site));
    series("one article edited", runs, || {
        let text = format!(
            "{}\nAnd so edit {} reached the desk.\n",
            original.trim_end(),
            now_ns()
        );
        std::fs::write(&article, text).expect("the article is written");
        build(&brief, &site)
    });
    series("one article added", runs, || {
        let path = site.join(format!("content/articles/bench-added-{}.md", now_ns()));
        let text = "---\ntitle: \"An added article\"\ndate: 2024-09-30\ntags: [diplomacy]\n---\n\nOfficials met in the capital on Monday.\n";
        std::fs::write(&path, text).expect("the new article is written");
        restore.added.push(path);
        build(&brief, &site)
    });
}

/// Runs `build` `runs` times and prints the median, fastest and slowest.
fn series(name: &str, runs: usize, mut build: impl FnMut() -> (Duration, String)) {
    let mut times = Vec::new();
    let mut last = String::new();
    for _ in 0..runs {
        let (took, summary) = build();
        times.push(took);
        last = summary;
    }
    times.sort();
    println!(
        "{name}: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms ({runs} runs)\n  {last}",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

/// One `brief build` with the cache; its wall time and summary line.
fn build(brief: &Path, site: &Path) -> (Duration, String) {
    let started = Instant::now();
    let output = Command::new(brief)
        .args(["build", "--now", NOW, "--root"])
        .arg(site)
        .output()
        .expect("brief runs");
    let took = started.elapsed();
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        took,
        String::from_utf8_lossy(&output.stdout).trim().to_string(),
    )
}

/// Moves the output folder and the cache into `SITE/.bench-aside/N/`.
fn move_aside(site: &Path) {
    let aside = site.join(".bench-aside").join(now_ns().to_string());
    std::fs::create_dir_all(&aside).expect("the folder for old output is made");
    for name in ["public", ".brief-cache"] {
        let path = site.join(name);
        if path.exists() {
            std::fs::rename(&path, aside.join(name)).expect("old output is moved aside");
        }
    }
}

fn first_article(site: &Path) -> PathBuf {
    let mut articles: Vec<PathBuf> = std::fs::read_dir(site.join("content/articles"))
        .expect("the site has articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();
    articles
        .into_iter()
        .next()
        .expect("the site has an article")
}

/// A number that differs between calls, to make each edit and added file new.
fn now_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Puts the edited article back and removes the added ones.
struct Restore {
    edited: PathBuf,
    text: String,
    added: Vec<PathBuf>,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.edited, &self.text);
        for path in &self.added {
            let _ = std::fs::remove_file(path);
        }
    }
}
