//! Per-article micro-benchmarks of the pipeline stages: front matter, extraction,
//! Markdown with highlighting, and template rendering.
//!
//! Runs on a small generated corpus (../shared/bench/gen_corpus.py, 400-entity gazetteer),
//! or on the site folder named by `BRIEF_BENCH_SITE`.

use std::path::{Path, PathBuf};
use std::process::Command;

use brief::load::{FrontMatter, frontmatter};
use brief::pipeline::{self, BuildOptions};
use brief::render::highlight::Highlighter;
use brief::render::{Job, Prepared, Renderer, render_article_body, site_surfaces, theme};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `brief` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> PathBuf {
    if let Ok(site) = std::env::var("BRIEF_BENCH_SITE") {
        return PathBuf::from(site);
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("target/bench-corpus-200");
    if !dir.join("content/articles").is_dir() {
        let generator = manifest.join("../shared/bench/gen_corpus.py");
        let status = Command::new("python3")
            .arg(&generator)
            .args(["--articles", "200", "--out"])
            .arg(&dir)
            .status()
            .expect("python3 runs the corpus generator");
        assert!(status.success(), "corpus generation failed");
    }
    dir
}

fn pipeline(c: &mut Criterion) {
    let root = corpus();
    let options = BuildOptions {
        root: root.clone(),
        ..BuildOptions::default()
    };
    let analysed = match pipeline::analyse(&options) {
        Ok(analysed) => analysed,
        Err(report) => panic!("the corpus does not load: {report:?}"),
    };
    let site = &analysed.site;
    let texts: Vec<&str> = site.articles.iter().map(|a| a.text.held()).collect();
    let count = texts.len();

    c.bench_function("front matter: split and parse one article", |b| {
        let mut i = 0;
        b.iter(|| {
            let split = frontmatter::split(texts[i % count]);
            i += 1;
            serde_yaml::from_str::<FrontMatter>(split.front).unwrap()
        })
    });

    // Extraction throughput beside pulldown-cmark's own parse of the same bodies, in MB/s.
    let body_bytes: u64 = site.articles.iter().map(|a| a.body().len() as u64).sum();
    let mut throughput = c.benchmark_group("throughput over every article body");
    throughput.throughput(Throughput::Bytes(body_bytes));
    throughput.bench_function("pulldown-cmark parse", |b| {
        b.iter(|| {
            site.articles
                .iter()
                .map(|a| {
                    pulldown_cmark::Parser::new_ext(a.body(), brief::extract::parser_options())
                        .count()
                })
                .sum::<usize>()
        })
    });
    // A floor for any extraction that finds gazetteer names: the multi-pattern search for
    // the names and aliases alone, over the same bodies, overlapping as extraction runs it,
    // with aho-corasick's fastest automaton (a DFA; extraction's own is the default NFA).
    throughput.bench_function("gazetteer names alone (aho-corasick search)", |b| {
        let names: Vec<&str> = site
            .entities
            .iter()
            .flat_map(|e| {
                std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
            })
            .collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&names)
            .expect("the names make an automaton");
        b.iter(|| {
            site.articles
                .iter()
                .map(|a| automaton.find_overlapping_iter(a.body()).count())
                .sum::<usize>()
        })
    });
    throughput.bench_function("extraction (400-entity gazetteer)", |b| {
        let extract_options = brief::extract::ExtractOptions::of(&site.config);
        b.iter(|| {
            site.articles
                .iter()
                .map(|a| {
                    let input = brief::extract::Input::of(a);
                    brief::extract::extract(&input, &analysed.gazetteer, &extract_options)
                        .word_count
                })
                .sum::<usize>()
        })
    });
    throughput.finish();

    c.bench_function(
        "Markdown with highlighting and entity links, one article",
        |b| {
            // As a build renders bodies: with the site's entity surfaces made once.
            let shared = site_surfaces(site, &analysed.facts, &analysed.graph);
            let highlighter = Highlighter::default();
            let mut i = 0;
            b.iter(|| {
                i += 1;
                let a = brief::model::ArticleId::from(i % count);
                render_article_body(
                    site,
                    &analysed.facts,
                    &analysed.graph,
                    a,
                    site.articles[a].body(),
                    Some(&shared),
                    &highlighter,
                )
            })
        },
    );

    let tera = theme::load_templates(&root).expect("templates load").tera;
    // Bodies made beforehand, so the benchmark times the template alone.
    let (facts, graph) = (&analysed.facts, &analysed.graph);
    let renderer =
        Renderer::with_prepared(site, facts, graph, &tera, Prepared::all(site, facts, graph));
    c.bench_function("article page template", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            renderer.render(&[Job::article(brief::model::ArticleId::from(i % count))])
        })
    });
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
