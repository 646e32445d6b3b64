//! Measures how long `brief serve` takes from saving an article to serving the rebuilt page,
//! beside the time of a full `brief build` of the same site.
//!
//! ```sh
//! python3 ../shared/bench/gen_corpus.py --articles 10000 --out /tmp/corpus
//! cargo build --release --bins --examples
//! target/release/examples/serve_latency /tmp/corpus [--runs 20]
//! ```
//!
//! Each run changes the last sentence of one article (written to a temporary file and renamed
//! over the article, as editors save), then polls the article's page over HTTP until the new
//! sentence appears. Three series: rewording (the article's card stays), adding words (its
//! card changes) and adding a tag (the site graph changes). The article is restored at the
//! end.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(60);

fn main() {
    let mut args = std::env::args().skip(1);
    let mut site = None;
    let mut runs = 20;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            _ => site = Some(PathBuf::from(arg)),
        }
    }
    let Some(site) = site else {
        eprintln!("usage: serve_latency SITE_DIR [--runs N]");
        std::process::exit(2);
    };
    let brief = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("brief")))
        .filter(|path| path.exists())
        .expect("build the binary first: cargo build --release --bins --examples");

    let builds: Vec<Duration> = (0..3).map(|_| full_build(&brief, &site)).collect();
    println!("full build (median of 3): {:.0} ms", ms(median(builds)));

    let article = first_article(&site);
    let slug = article.file_stem().unwrap().to_string_lossy().into_owned();
    let original = std::fs::read_to_string(&article).unwrap();
    let (server, lines, url) = start_server(&brief, &site);
    let _stop = Stop(server);
    let restore = Restore {
        path: article.clone(),
        text: original.clone(),
    };
    let page = format!("{url}articles/{slug}/");
    assert!(fetch(&page).contains("<html"), "the article page is served");
    // Rewording keeps the article's card (word count, summary) as it was; adding a
    // sentence changes the card, so every page listing the article is made again too;
    // a new tag changes the site graph, which is then linked again.
    for (scenario, change) in [
        ("reword a sentence", Change::Reword),
        ("add a sentence", Change::Grow),
        ("add a new tag", Change::Tag),
    ] {
        let mut latencies = Vec::new();
        let mut stages = Vec::new();
        for run in 0..runs {
            // All lower case: a capitalised word would be discovered as a new entity.
            let probe = format!("and so probe {run} reached the desk.");
            let base = original.trim_end();
            let text = match change {
                Change::Reword => format!("{base}\n{probe}\n"),
                Change::Grow => {
                    let added: String = (0..=run).map(|_| " More.").collect();
                    format!("{base}\n{probe}{added}\n")
                }
                Change::Tag => format!(
                    "{}\n{probe}\n",
                    base.replacen("tags: [", &format!("tags: [probe-{run}, "), 1)
                ),
            };
            let temporary = article.with_extension("md.saving");
            std::fs::write(&temporary, text).unwrap();
            let saved = Instant::now();
            std::fs::rename(&temporary, &article).unwrap();
            loop {
                if fetch(&page).contains(&probe) {
                    break;
                }
                assert!(saved.elapsed() < PATIENCE, "the edit never showed");
                std::thread::sleep(Duration::from_millis(2));
            }
            latencies.push(saved.elapsed());
            stages.push(wait_for_stage_line(&lines));
            // Let the server settle so runs do not overlap.
            std::thread::sleep(Duration::from_millis(200));
        }
        latencies.sort();
        println!(
            "{scenario}: save -> page served ({runs} runs): median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
            ms(median(latencies.clone())),
            ms(latencies[latencies.len() * 9 / 10]),
            ms(latencies[0]),
            ms(latencies[latencies.len() - 1]),
        );
        println!("  server-side rebuild of each run:");
        for line in stages {
            println!("    {line}");
        }
    }
    drop(restore);
}

/// Stops the server with Ctrl-C, also when a run fails.
struct Stop(Child);

impl Drop for Stop {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// Puts the article back as it was, also when a run fails.
struct Restore {
    path: PathBuf,
    text: String,
}

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.path, &self.text);
    }
}

#[derive(Clone, Copy)]
enum Change {
    Reword,
    Grow,
    Tag,
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

/// One `brief build` into a fresh folder.
fn full_build(brief: &Path, site: &Path) -> Duration {
    let out = std::env::temp_dir().join(format!("serve-latency-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let started = Instant::now();
    let status = Command::new(brief)
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    let took = started.elapsed();
    assert!(status.success(), "brief build failed");
    let _ = std::fs::remove_dir_all(&out);
    took
}

fn first_article(site: &Path) -> PathBuf {
    let mut articles: Vec<PathBuf> = std::fs::read_dir(site.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();
    articles.into_iter().next().expect("the site has articles")
}

fn start_server(brief: &Path, site: &Path) -> (Child, Receiver<String>, String) {
    let mut child = Command::new(brief)
        .args(["serve", "--timings", "--port", "0", "--root"])
        .arg(site)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let url = loop {
        let line = lines.recv_timeout(PATIENCE).expect("brief serve starts");
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    (child, lines, url)
}

/// The timings line the server prints after a rebuild.
fn wait_for_stage_line(lines: &Receiver<String>) -> String {
    let mut seen = Vec::new();
    loop {
        let line = lines
            .recv_timeout(PATIENCE)
            .expect("the server reports the rebuild");
        let done = line.trim_start().starts_with("read ");
        if line.starts_with("Rebuilt") || line.contains("served after") || done {
            seen.push(line.trim().to_string());
        }
        if done {
            return seen.join(" | ");
        }
    }
}

fn fetch(url: &str) -> String {
    ureq::get(url)
        .call()
        .and_then(|mut r| r.body_mut().read_to_string())
        .unwrap_or_default()
}
