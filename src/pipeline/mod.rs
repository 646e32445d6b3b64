//! The analysis every command shares: `load -> extract -> link`, with every problem found
//! on the way. `build`, `check`, `serve` and `extract` all run it from here, so they cannot
//! disagree about what a site holds.

mod timings;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use rayon::prelude::*;

use crate::extract::{self, ExtractOptions, Facts, Gazetteer, Input};
use crate::link::{self, Graph};
use crate::load::{self, Article, LoadOptions, Schedule, Site};
use crate::model::{BaseUrl, Names, PerArticle};
pub use timings::{Timings, peak_memory_mib, resource_usage};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// What is published by date; none reads every article whatever its dates.
    pub schedule: Option<Schedule>,
}

impl BuildOptions {
    pub fn load_options(&self, config: &Config) -> LoadOptions {
        LoadOptions {
            drafts: self.drafts,
            sanitised: !config.markdown.allow_html,
            schedule: self.schedule,
            zone: config.timezone.clone(),
        }
    }
}

/// A site taken through load, extract and link, with the problems found.
pub struct Analysis {
    pub site: Site,
    pub gazetteer: Gazetteer,
    pub facts: PerArticle<Facts>,
    pub graph: Graph,
    /// What the recall keeps of the site graph (see `link::GraphRecord`).
    pub graph_record: link::GraphRecord,
    pub report: Report,
    pub timings: Timings,
}

/// Reads `site.yaml` with the command line's overrides applied.
pub fn settings(options: &BuildOptions) -> Result<Config, Report> {
    let mut config = Config::load(&options.root).map_err(|d| Report {
        diagnostics: vec![d],
    })?;
    if let Some(base_url) = &options.base_url {
        config.base_url = BaseUrl::parse(base_url).map_err(|message| Report {
            diagnostics: vec![Diagnostic::error("--base-url", message)],
        })?;
    }
    if let Some(output) = &options.output {
        config.output = output.clone();
    }
    Ok(config)
}

/// An error when the gazetteer could not be compiled: extraction would find none of it.
pub fn gazetteer_problem(gazetteer: &Gazetteer) -> Option<Diagnostic> {
    let problem = gazetteer.problem.as_ref()?;
    Some(Diagnostic::error("content/entities", problem.clone()))
}

/// What an earlier build learnt, offered to this one (see `cache`): front matter already
/// parsed (`load::Recall`) and facts already extracted.
pub trait Recall: load::Recall {
    /// Told the site and its gazetteer before extraction, so that facts extracted with
    /// another gazetteer or other settings are not offered.
    fn extracting(&mut self, site: &Site, gazetteer: &Gazetteer);
    /// The facts of an article with exactly this file, extracted by an earlier build.
    fn facts(&self, article: &Article) -> Option<Facts>;
    /// Whether `facts` has the article's facts: the text of an article not read at
    /// loading is read for extraction only when it has not.
    fn has_facts(&self, _article: &Article) -> bool {
        false
    }
    /// The set of names (see `Names`) the facts `facts` offers already point at, for the
    /// facts extracted now to share.
    fn names(&mut self) -> Names {
        Names::default()
    }
    /// Told of each article extracted, for progress.
    fn extracted(&self) {}
    /// What an earlier build worked out while linking (see `link::Earlier`).
    fn linked(&mut self) -> link::Earlier {
        link::Earlier::default()
    }
    /// Whether this recall keeps the site graph between builds: then what linking reads
    /// is worked out (`link::LinkInputs`) for it to compare and keep.
    fn keeps_graphs(&self) -> bool {
        false
    }
    /// The graph an earlier build kept, to be taken if linking reads what it read then.
    fn kept_graph(&mut self) -> Option<link::KeptGraph> {
        None
    }
}

impl Recall for load::Nothing {
    fn extracting(&mut self, _site: &Site, _gazetteer: &Gazetteer) {}

    fn facts(&self, _article: &Article) -> Option<Facts> {
        None
    }
}

/// Load, extract and link, every article's text held to the end.
pub fn analyse(options: &BuildOptions) -> Result<Analysis, Report> {
    analyse_recalling(options, &mut load::Nothing, Texts::Held)
}

/// Which article texts an analysis holds once extraction is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// All of them: for callers that read `Source::held` afterwards.
    Held,
    /// Only those a later stage reads from memory (see `Site::release_plain_texts`); the
    /// others are read again from their files where needed.
    Needed,
}

/// Load, extract and link, taking what `recall` offers instead of parsing and extracting
/// those articles again.
pub fn analyse_recalling<R: Recall>(
    options: &BuildOptions,
    recall: &mut R,
    texts: Texts,
) -> Result<Analysis, Report> {
    let config = settings(options)?;
    let mut report = Report::default();
    let mut timings = Timings::default();

    let started = Instant::now();
    let load_options = options.load_options(&config);
    let (mut site, diagnostics) =
        load::load_recalling(&options.root, config, &load_options, recall);
    report.extend(diagnostics);
    timings.load = started.elapsed();
    timings.unread = site.articles.iter().filter(|a| !a.text.is_held()).count();
    timings.peak_memory.push(("load", peak_memory_mib()));

    let started = Instant::now();
    let gazetteer = Gazetteer::new(&site.entities).ignoring(&site.ignored);
    report.extend(gazetteer_problem(&gazetteer));
    recall.extracting(&site, &gazetteer);
    report.extend(site.hold_texts(|article| !recall.has_facts(article)));
    let names = recall.names();
    let facts = extract_recalling(&site, &gazetteer, recall, names);
    if texts == Texts::Needed {
        site.release_plain_texts();
    }
    timings.extract = started.elapsed();
    timings.peak_memory.push(("extract", peak_memory_mib()));

    let started = Instant::now();
    let earlier = recall.linked();
    let (kept, inputs) = match recall.keeps_graphs() {
        true => {
            let kept = recall.kept_graph();
            let inputs = link::LinkInputs::of(&site, &facts, kept.as_ref());
            (kept.and_then(|k| k.take(&site, &inputs)), Some(inputs))
        }
        false => (None, None),
    };
    let (graph, diagnostics, graph_record) = match kept {
        Some(graph) => (graph, Vec::new(), link::GraphRecord::Kept),
        None => {
            let (graph, diagnostics) =
                link::link(&site, &facts, extract::outline_pages(&site), &earlier);
            let record = match inputs {
                Some(inputs) if diagnostics.is_empty() => link::GraphRecord::Linked(inputs),
                _ => link::GraphRecord::Unkept,
            };
            (graph, diagnostics, record)
        }
    };
    timings.graph_kept = matches!(graph_record, link::GraphRecord::Kept);
    report.extend(diagnostics);
    timings.link = started.elapsed();
    timings.peak_memory.push(("link", peak_memory_mib()));

    Ok(Analysis {
        site,
        gazetteer,
        facts,
        graph,
        graph_record,
        report,
        timings,
    })
}

/// Every article's facts, in parallel: recalled where `recall` has them, else extracted.
/// Names repeated across articles are kept once (`Names`): they are most of the facts.
/// Recalled facts point at `names` already.
fn extract_recalling<R: Recall>(
    site: &Site,
    gazetteer: &Gazetteer,
    recall: &R,
    names: Names,
) -> PerArticle<Facts> {
    let options = ExtractOptions::of(&site.config);
    site.articles
        .raw
        .par_iter()
        .map(|article| {
            let facts = recall.facts(article).unwrap_or_else(|| {
                let mut facts = extract::extract(&Input::of(article), gazetteer, &options);
                facts.share_names(&names);
                facts
            });
            recall.extracted();
            facts
        })
        .collect::<Vec<_>>()
        .into()
}

/// One file read by `brief extract`: its title when its front matter gives one, and what
/// extraction found.
pub struct ExtractedFile {
    pub path: PathBuf,
    pub title: Option<String>,
    pub facts: Facts,
}

/// `brief extract FILE...`: any Markdown files, read with the gazetteer and settings of the
/// site at `root` (none when `root` is not a site). Front matter is read as an article's,
/// so its problems are reported exactly as a build would report them.
pub fn extract_files(root: &Path, files: &[PathBuf]) -> (Vec<ExtractedFile>, Report) {
    let mut report = Report::default();
    let config = match Config::load(root) {
        Ok(config) => config,
        Err(d) => {
            report.push(d);
            return (Vec::new(), report);
        }
    };
    let (definitions, ignored, problems) = load::load_entities(root);
    report.extend(problems);
    let gazetteer = Gazetteer::new(&definitions).ignoring(&ignored);
    report.extend(gazetteer_problem(&gazetteer));
    let options = ExtractOptions::of(&config);
    let mut extracted = Vec::new();
    for path in files {
        let text = match load::read_utf8(Path::new(""), path) {
            Ok(text) => text,
            Err(d) => {
                report.push(d);
                continue;
            }
        };
        let split = load::frontmatter::split(&text);
        let front = match split.has_front_matter {
            true => match load::parse_front::<load::FrontMatter>(path, &text, &split) {
                Ok(front) => Some(front),
                Err(problems) => {
                    report.extend(problems);
                    continue;
                }
            },
            false => None,
        };
        let input = Input {
            body: split.body,
            first_line: crate::diag::line_col(&text, split.body_offset).0,
            summary: front.as_ref().and_then(|f| f.summary.as_deref()),
            forced_entities: front.as_ref().map_or(&[], |f| &f.entities),
            sources: front.as_ref().map_or(&[], |f| &f.sources),
            not_entities: front.as_ref().map_or(&[], |f| &f.not_entities),
        };
        let facts = extract::extract(&input, &gazetteer, &options);
        extracted.push(ExtractedFile {
            path: path.clone(),
            title: front.map(|f| f.title),
            facts,
        });
    }
    (extracted, report)
}
