//! A seeded fuzz campaign: random text through extraction, random sites through the whole
//! build. Any panic, and any case slower than a generous bound (a hang or a super-linear
//! path), is reported and its input saved, to become a regression test.
//!
//! ```sh
//! cargo run --release --example fuzz -- --extract 1000000 --build 10000 [--seed 1] [--save DIR]
//! ```
//!
//! The same seed gives the same cases, so a failure can be replayed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use brief::extract::{ExtractOptions, Gazetteer, Input, extract};
use brief::load::{EntityDef, EntityKind};
use brief::pipeline::BuildOptions;

/// A case slower than this is reported: the largest inputs here are a few kilobytes.
const SLOW_EXTRACT: Duration = Duration::from_secs(1);
const SLOW_BUILD: Duration = Duration::from_secs(20);

/// Pieces that have broken text tools before: quote marks of every kind, capitalised runs,
/// Markdown and HTML syntax, characters XML cannot carry, scripts without spaces, and
/// front matter fences.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "—",
    "–",
    "-",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    " said",
    " says",
    " told",
    " according to",
    " he said",
    " she added",
    " they",
    " who",
    "Mr.",
    "Ms.",
    "Sen.",
    "Gov.",
    "Dr.",
    "U.S.",
    "D.C.",
    "Calif.",
    "R-Texas",
    "(AP)",
    "Reuters",
    "Mara Quell",
    "Tobias Renn",
    "Harbour Council",
    "NEW YORK",
    "FULL TEXT",
    "USA TODAY",
    "Alpha",
    "Beta",
    "Gamma",
    "Delta",
    "The",
    "And",
    "Of",
    "A",
    "I",
    "X",
    "\n",
    "\n\n",
    "\n# ",
    "\n## ",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n```\n",
    "`",
    "**",
    "_",
    "*",
    "[link](a0.md)",
    "[x](#anchor)",
    "![img](a.png)",
    "<b>",
    "</b>",
    "<iframe src=x>",
    "<script>",
    "&amp;",
    "&#0;",
    "<!-- more -->",
    "|",
    "\n| a | b |\n|---|---|\n",
    "\0",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{200b}",
    "\u{202e}",
    "\r\n",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "Ⅻ",
    "脆弱性",
    "東京",
    "서울",
    "مرحبا",
    "שלום",
    "🙂",
    "👩‍👩‍👧",
    "\n---\n",
    "\n+++\n",
    "title:",
    "date:",
    "  ",
    "\t",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut extracts, mut builds, mut seed, mut save) = (100_000u64, 100u64, 1u64, None);
    while let Some(arg) = args.next() {
        let mut number = || args.next().and_then(|n| n.parse().ok());
        match arg.as_str() {
            "--extract" => extracts = number().unwrap_or(extracts),
            "--build" => builds = number().unwrap_or(builds),
            "--seed" => seed = number().unwrap_or(seed),
            "--save" => save = args.next().map(PathBuf::from),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let save = save.unwrap_or_else(|| std::env::temp_dir().join("brief-fuzz-failures"));
    std::fs::create_dir_all(&save).expect("the failures folder can be made");
    // Panics are counted and saved, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));

    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();
    let failures = fuzz_extraction(&mut rng, extracts, &save);
    eprintln!(
        "extraction: {extracts} cases in {:.1} s, {failures} failures",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let (built, build_failures) = fuzz_builds(&mut rng, builds, &save);
    eprintln!(
        "builds: {builds} sites in {:.1} s ({built} built, the rest refused with errors), {build_failures} failures",
        started.elapsed().as_secs_f64()
    );
    if failures + build_failures > 0 {
        eprintln!("inputs saved in {}", save.display());
        std::process::exit(1);
    }
}

/// Random text of up to `max` pieces, with now and then a long run of one piece.
fn text(rng: &mut fastrand::Rng, max: usize) -> String {
    let mut out = String::new();
    for _ in 0..rng.usize(0..=max) {
        let piece = PIECES[rng.usize(..PIECES.len())];
        let repeat = if rng.u8(..) == 0 {
            rng.usize(1..400)
        } else {
            1
        };
        for _ in 0..repeat {
            out.push_str(piece);
            if rng.bool() {
                out.push(' ');
            }
        }
    }
    out
}

fn fuzz_extraction(rng: &mut fastrand::Rng, cases: u64, save: &Path) -> u64 {
    let defs: Vec<EntityDef> = ["Mara Quell", "Harbour Council", "東京"]
        .iter()
        .map(|name| EntityDef {
            name: name.to_string(),
            kind: EntityKind::Person,
            aliases: vec!["Quell".into()],
            description: None,
            body: String::new(),
            path: PathBuf::from("content/entities.yaml"),
            line: 1,
        })
        .collect();
    let gazetteer = Gazetteer::new(&defs);
    let options = ExtractOptions::default();
    let mut failures = 0;
    for case in 0..cases {
        let body = text(rng, 200);
        let names = [text(rng, 3)];
        let input = Input {
            body: &body,
            first_line: 1,
            summary: None,
            forced_entities: &names,
            sources: &names,
            not_entities: &names,
        };
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| extract(&input, &gazetteer, &options)));
        let spent = started.elapsed();
        if outcome.is_err() || spent > SLOW_EXTRACT {
            failures += 1;
            let what = if outcome.is_err() { "panic" } else { "slow" };
            eprintln!("extraction case {case}: {what} ({} ms)", spent.as_millis());
            let file = save.join(format!("extract-{case}.md"));
            std::fs::write(&file, &body).expect("the failing input can be saved");
        }
    }
    failures
}

/// Returns how many sites built, and how many cases failed.
fn fuzz_builds(rng: &mut fastrand::Rng, cases: u64, save: &Path) -> (u64, u64) {
    let (mut built, mut failures) = (0, 0);
    for case in 0..cases {
        let dir = tempfile::tempdir().expect("a temporary folder");
        write_site(rng, dir.path());
        let options = BuildOptions {
            root: dir.path().to_path_buf(),
            output: Some(dir.path().join("public")),
            ..BuildOptions::default()
        };
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            brief::build::build(&options, None, &brief::progress::Progress::hidden())
        }));
        let spent = started.elapsed();
        built += u64::from(matches!(outcome, Ok(Ok(_))));
        if outcome.is_err() || spent > SLOW_BUILD {
            failures += 1;
            let what = if outcome.is_err() { "panic" } else { "slow" };
            eprintln!("build case {case}: {what} ({} ms)", spent.as_millis());
            let kept = save.join(format!("site-{case}"));
            let _ = std::fs::remove_dir_all(dir.path().join("public"));
            copy_tree(dir.path(), &kept);
        }
    }
    (built, failures)
}

/// A site of a few articles with random front matter and bodies, an entity list and now
/// and then a random `site.yaml`.
fn write_site(rng: &mut fastrand::Rng, root: &Path) {
    let articles = root.join("content/articles");
    std::fs::create_dir_all(&articles).expect("the content folder can be made");
    for n in 0..rng.usize(1..8) {
        // Mostly valid front matter (values written as JSON strings, which YAML reads),
        // so that most sites get through to rendering; now and then anything at all.
        let json = |value: String| yaml_string(&value);
        let front = match rng.u8(..6) {
            0 => text(rng, 20),
            _ => format!(
                "title: {}\ndate: 2025-0{}-1{}{}\ntags: [{}]\nstory: {}\nauthors: [{}]\naliases: [/old/{n}/]\nlead: {}\n",
                json(text(rng, 6)),
                rng.u8(1..10),
                rng.u8(0..10),
                [" ", " 10:00", " 2:00:00 +0000", "T23:59:59-11:00"][rng.usize(..4)],
                json(text(rng, 4)),
                json(text(rng, 3)),
                json(text(rng, 2)),
                rng.bool(),
            ),
        };
        let fence = if rng.u8(..16) == 0 { "+++" } else { "---" };
        let body = text(rng, 300);
        let file = articles.join(format!("a{n}.md"));
        std::fs::write(file, format!("{fence}\n{front}{fence}\n{body}\n")).expect("written");
    }
    let json = |value: String| yaml_string(&value);
    let entities = format!(
        "- name: {}\n  kind: person\n- ignore: [{}]\n",
        json(text(rng, 3)),
        json(text(rng, 3))
    );
    std::fs::write(root.join("content/entities.yaml"), entities).expect("written");
    if rng.u8(..16) == 0 {
        std::fs::write(root.join("site.yaml"), text(rng, 10)).expect("written");
    }
}

/// `value` as a YAML string, without the characters YAML refuses in a file (so that the
/// site gets past its front matter; bodies keep every character).
fn yaml_string(value: &str) -> String {
    let allowed = |c: &char| !c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}');
    let value: String = value.chars().filter(allowed).collect();
    serde_json::to_string(&value).unwrap_or_default()
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let Ok(relative) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            let _ = std::fs::create_dir_all(&target);
        } else {
            let _ = std::fs::copy(entry.path(), &target);
        }
    }
}
