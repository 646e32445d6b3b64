//! Stage 2, extract: the facts a briefing reader wants from one article. Every function
//! here is a pure function of one article's text and the read-only gazetteer, so
//! articles are extracted in parallel and re-extracted alone when one changes.

mod attributions;
mod discover;
mod entities;
mod gazetteer;
mod kinds;
mod lexicon;
mod marks;
mod quotes;
mod reported;
mod salience;
mod site;
mod speech;
mod structure;
#[cfg(test)]
mod tests;
mod text;
mod transcript;

use rustc_hash::FxHashSet;
use serde::Serialize;

use crate::load::{EntityDef, EntityKind};
use crate::model::{Encoded, Name, NameContext, Names};
pub use kinds::KindVotes;
pub use site::{extract_site, outline_pages};
pub use structure::{
    Heading, OutLink, Outline, events as markdown_events, outline, parser_options, slugify_heading,
};

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
    /// Front matter `not_entities`: names that are no entity in this article.
    pub not_entities: &'a [String],
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
    /// Names and aliases compiled into one automaton; `None` for an empty gazetteer.
    matcher: Option<gazetteer::Matcher>,
    /// Names that are never entities, lowercase.
    ignored: FxHashSet<String>,
    /// Why the names could not be compiled for matching, if they could not.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GazetteerEntry {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

impl Gazetteer {
    pub fn new(defs: &[EntityDef]) -> Gazetteer {
        let entries: Vec<GazetteerEntry> = defs
            .iter()
            .map(|d| GazetteerEntry {
                name: d.name.clone(),
                kind: d.kind,
                aliases: d.aliases.clone(),
            })
            .collect();
        let (matcher, problem) = match entries.is_empty() {
            true => (None, None),
            false => match gazetteer::Matcher::new(&entries) {
                Ok(matcher) => (Some(matcher), None),
                Err(problem) => (None, Some(problem)),
            },
        };
        Gazetteer {
            entries,
            matcher,
            ignored: FxHashSet::default(),
            problem,
        }
    }

    /// The gazetteer with `names` never taken for entities (its `ignore:` list).
    pub fn ignoring(mut self, names: &[String]) -> Gazetteer {
        self.ignored
            .extend(names.iter().map(|n| n.trim().to_lowercase()));
        self
    }
}

/// One entity found in an article, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, bincode::Encode, bincode::Decode)]
#[bincode(decode_context = "crate::model::SharedNames")]
pub struct EntityMention {
    /// Canonical name: the gazetteer name, or the fullest discovered form.
    pub name: Name,
    pub kind: EntityKind,
    /// True when the gazetteer defines it; false when discovered.
    pub known: bool,
    /// Surface forms seen in the text, sorted and unique (`Biden`, `Joe Biden`).
    pub surfaces: Box<[Name]>,
    /// Mentions in the body (0 for an entity only forced by front matter).
    pub count: usize,
    /// Kind evidence from this article, for site-wide voting on discovered entities.
    pub kind_votes: KindVotes,
}

/// A quoted statement and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, bincode::Encode)]
pub struct Quote {
    /// The words inside the quotation marks; shared with the attribution they make.
    pub text: Name,
    /// The speaker, if one was found: the entity's canonical name when the speaker is one
    /// ("Biden said" gives "Joe Biden"), else the description as written ("one official").
    pub speaker: Option<Name>,
    /// Canonical entity name of the speaker when the speaker is an entity, or of the
    /// organisation a described speaker talks for ("a spokesperson for Hezbollah").
    pub speaker_entity: Option<Name>,
    /// The speaker's role as the text gives it before the name ("Roe spokesman").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_role: Option<Name>,
}

/// A source the article credits: "Reuters reported …", "Roe said that …", "according to
/// a senior official".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, bincode::Encode)]
pub struct Attribution {
    /// The source as written ("a senior official"), or the canonical name when the source
    /// is an entity or a pronoun referring to one.
    pub source: Name,
    /// Canonical name of the entity the source is, or speaks for.
    pub entity: Option<Name>,
    /// The word that credits it: "said", "according", "reported".
    pub cue: Option<Name>,
    /// What the source said, as paraphrased (cut at a word), or the words of its quote.
    pub content: Option<Name>,
}

impl Attribution {
    /// Whether the article's Sources list shows it: all but a bare quantifier ("Many fear
    /// …", "Some say …"), which stays in the facts and `data/site.json`.
    pub fn is_listed(&self) -> bool {
        self.entity.is_some() || !reported::is_bare_quantifier(&self.source)
    }
}

impl std::fmt::Display for Attribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.source)
    }
}

// Decoded by hand: a quotation's words and a paraphrase are texts of their own, not names
// for the site to share (see `NameContext`).
impl<C: NameContext> bincode::Decode<C> for Quote {
    fn decode<D: bincode::de::Decoder<Context = C>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        Ok(Quote {
            text: Name::decode_unshared(decoder)?,
            speaker: bincode::Decode::decode(decoder)?,
            speaker_entity: bincode::Decode::decode(decoder)?,
            speaker_role: bincode::Decode::decode(decoder)?,
        })
    }
}

impl<C: NameContext> bincode::Decode<C> for Attribution {
    fn decode<D: bincode::de::Decoder<Context = C>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let source = bincode::Decode::decode(decoder)?;
        let entity = bincode::Decode::decode(decoder)?;
        let cue = bincode::Decode::decode(decoder)?;
        let content = match <u8 as bincode::Decode<C>>::decode(decoder)? {
            0 => None,
            1 => Some(Name::decode_unshared(decoder)?),
            found => {
                return Err(bincode::error::DecodeError::UnexpectedVariant {
                    type_name: "Option<Name>",
                    allowed: &bincode::error::AllowedEnumVariants::Range { min: 0, max: 1 },
                    found: found.into(),
                });
            }
        };
        Ok(Attribution {
            source,
            entity,
            cue,
            content,
        })
    }
}

macro_rules! borrow_decode_by_decode {
    ($($type:ty),*) => {$(
        impl<'de, C: NameContext> bincode::BorrowDecode<'de, C> for $type {
            fn borrow_decode<D: bincode::de::BorrowDecoder<'de, Context = C>>(
                decoder: &mut D,
            ) -> Result<Self, bincode::error::DecodeError> {
                bincode::Decode::decode(decoder)
            }
        }
    )*};
}
borrow_decode_by_decode!(Quote, Attribution);

/// Everything extracted from one article.
/// Encoded for the build cache (`cache`), which keeps it between builds.
#[derive(Debug, Clone, Default, Serialize, bincode::Encode, bincode::Decode)]
#[bincode(decode_context = "crate::model::SharedNames")]
pub struct Facts {
    /// Plain-text summary.
    pub summary: String,
    pub headings: Vec<Heading>,
    pub word_count: usize,
    pub reading_minutes: usize,
    /// Entities, most mentioned first, ties by name.
    pub entities: Vec<EntityMention>,
    pub quotes: Encoded<Vec<Quote>>,
    /// Who the information comes from, quoted or paraphrased: front matter `sources` first,
    /// then in order of appearance, one per entity.
    pub attributions: Encoded<Vec<Attribution>>,
    /// Links in the body, for the link stage to resolve and check.
    pub links: Vec<OutLink>,
}

/// Extracts every fact from one article.
pub fn extract(input: &Input<'_>, gazetteer: &Gazetteer, options: &ExtractOptions) -> Facts {
    let mut builder = text::Builder::with_capacity(input.body.len());
    let outline = structure::outline_with(input.body, input.first_line, |e| builder.event(e));
    let mut doc = builder.finish();
    let hits = gazetteer.find(&doc);
    let speakers = transcript::labels(&doc);
    let found = options
        .discovery
        .then(|| discover::discover(&doc, &hits, &speakers, gazetteer));
    let discovered = found.iter().flat_map(|f| &f.spots);
    doc.name_words(
        hits.iter()
            .map(|h| h.start..h.end)
            .chain(discovered.map(|s| s.start..s.end)),
    );
    let not_entities: FxHashSet<String> = input
        .not_entities
        .iter()
        .map(|n| n.trim().to_lowercase())
        .collect();
    let ignored = |name: &str| {
        // Nearly always both lists are empty: no lowercasing then.
        if gazetteer.ignored.is_empty() && not_entities.is_empty() {
            return false;
        }
        let lower = name.to_lowercase();
        gazetteer.ignored.contains(&lower) || not_entities.contains(&lower)
    };
    let mut table = entities::Table::build(&doc, gazetteer, &hits, found, &ignored);
    let quoted = quotes::quoted(&doc);
    let salience = salience::Salience::build(&doc, &table, &quoted);
    let located = quotes::find(&doc, &table, &salience);
    let mut reported = reported::find(&doc, &table, &salience, &quoted);
    reported.extend(reported::transcript(&doc, &table, &salience, &speakers));
    let mut attributions = attributions::find(&doc, &table, input.sources, reported, &located);
    let mut quotes: Vec<Quote> = located.into_iter().map(|(_, q)| q).collect();
    quotes.shrink_to_fit();
    attributions.shrink_to_fit();
    table.force(input.forced_entities, gazetteer);
    let mut facts = Facts {
        summary: input
            .summary
            .map(|s| s.trim().to_string())
            .unwrap_or(outline.summary),
        headings: outline.headings,
        word_count: outline.word_count,
        reading_minutes: outline.word_count.div_ceil(230).max(1),
        entities: table.into_mentions(),
        quotes: quotes.into(),
        attributions: attributions.into(),
        links: outline.links,
    };
    facts.shrink_to_fit();
    facts
}

impl Facts {
    /// Gives back the room that building left in each string and list: a build holds
    /// every article's facts at once, and strings grown by pushes hold up to twice their
    /// length. (Names and lists of surfaces are made at their length.)
    fn shrink_to_fit(&mut self) {
        let shrink = |s: &mut String| s.shrink_to_fit();
        shrink(&mut self.summary);
        for h in &mut self.headings {
            shrink(&mut h.text);
            shrink(&mut h.id);
        }
        for l in &mut self.links {
            shrink(&mut l.target);
            shrink(&mut l.text);
        }
        self.headings.shrink_to_fit();
        self.entities.shrink_to_fit();
        self.links.shrink_to_fit();
    }

    /// Points every name in these facts at the copy `names` holds, so that a name
    /// mentioned in many articles is kept once.
    pub fn share_names(&mut self, names: &Names) {
        for e in &mut self.entities {
            names.share(&mut e.name);
            e.surfaces.iter_mut().for_each(|s| names.share(s));
        }
        for q in self.quotes.made_mut().into_iter().flatten() {
            names.share_some(&mut q.speaker);
            names.share_some(&mut q.speaker_entity);
            names.share_some(&mut q.speaker_role);
        }
        for a in self.attributions.made_mut().into_iter().flatten() {
            names.share(&mut a.source);
            names.share_some(&mut a.entity);
            names.share_some(&mut a.cue);
        }
    }
}
