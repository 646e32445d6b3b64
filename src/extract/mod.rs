//! Stage 2, extract: the facts a briefing reader wants from one article. Every function
//! here is a pure function of one article's text and the read-only gazetteer, so
//! articles are extracted in parallel and re-extracted alone when one changes.

mod structure;

use serde::Serialize;

use crate::load::{EntityDef, EntityKind};
pub use structure::{Heading, OutLink, Outline, outline, parser_options, slugify_heading};

/// What extraction reads from one article.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Markdown body, without front matter.
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts, for link positions.
    pub first_line: usize,
    /// Front matter `summary`, which wins over any derived summary.
    pub summary: Option<&'a str>,
    /// Front matter `entities`: names forced onto the article.
    pub forced_entities: &'a [String],
    /// Front matter `sources`.
    pub sources: &'a [String],
}

#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions {
    /// Find entities the gazetteer does not define.
    pub discovery: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { discovery: true }
    }
}

/// The gazetteer, compiled once per build and shared read-only by every extraction.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GazetteerEntry {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

impl Gazetteer {
    pub fn new(defs: &[EntityDef]) -> Gazetteer {
        Gazetteer {
            entries: defs
                .iter()
                .map(|d| GazetteerEntry {
                    name: d.name.clone(),
                    kind: d.kind,
                    aliases: d.aliases.clone(),
                })
                .collect(),
        }
    }
}

/// One entity found in an article, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMention {
    /// Canonical name: the gazetteer name, or the fullest discovered form.
    pub name: String,
    pub kind: EntityKind,
    /// True when the gazetteer defines it; false when discovered.
    pub known: bool,
    /// Surface forms seen in the text, sorted and unique (`Biden`, `Joe Biden`).
    pub surfaces: Vec<String>,
    /// Mentions in the body (0 for an entity only forced by front matter).
    pub count: usize,
    /// Kind evidence from this article, for site-wide voting on discovered entities:
    /// votes per kind in `EntityKind::ALL` order.
    pub kind_votes: [u32; 4],
}

/// A quoted statement and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    /// The speaker as written ("one official", "Joe Biden"), if one was found.
    pub speaker: Option<String>,
    /// Canonical entity name of the speaker when the speaker is an entity.
    pub speaker_entity: Option<String>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    /// Plain-text summary.
    pub summary: String,
    pub headings: Vec<Heading>,
    pub word_count: usize,
    pub reading_minutes: usize,
    /// Entities, most mentioned first, ties by name.
    pub entities: Vec<EntityMention>,
    pub quotes: Vec<Quote>,
    /// Who the information comes from, deduplicated, in order of appearance.
    pub attributions: Vec<String>,
    /// Links in the body, for the link stage to resolve and check.
    pub links: Vec<OutLink>,
}

/// Extracts every fact from one article.
pub fn extract(input: &Input<'_>, gazetteer: &Gazetteer, options: &ExtractOptions) -> Facts {
    let _ = (gazetteer, options);
    let outline = structure::outline(input.body, input.first_line);
    Facts {
        summary: input
            .summary
            .map(|s| s.trim().to_string())
            .unwrap_or(outline.summary),
        headings: outline.headings,
        word_count: outline.word_count,
        reading_minutes: outline.word_count.div_ceil(230).max(1),
        entities: Vec::new(),
        quotes: Vec::new(),
        attributions: input.sources.to_vec(),
        links: outline.links,
    }
}
