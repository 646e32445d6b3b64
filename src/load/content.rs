//! What each kind of content file holds once parsed: articles and their front matter,
//! gazetteer entries, standalone pages and briefing notes.

use std::borrow::Cow;

use super::*;

/// Front matter of an article, exactly the keys DESIGN.md lists.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub tags: Vec<String>,
    /// Names of entities to attach to the article even when the text does not mention them.
    #[serde(default, deserialize_with = "one_or_many")]
    pub entities: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub sources: Vec<String>,
    /// Names that are not entities in this article, though discovery finds them.
    #[serde(default, deserialize_with = "one_or_many")]
    pub not_entities: Vec<String>,
    /// Story thread id shared by articles that follow one event.
    #[serde(default)]
    pub story: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// The lead of its day's briefing (and of the front page while that day is the latest).
    #[serde(default)]
    pub lead: bool,
    /// Orders the articles of a day, lower first; unweighted ones follow, newest first.
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub authors: Vec<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub key_points: Vec<String>,
    #[serde(default)]
    pub updated: Option<String>,
    /// After this date the article is taken off the site (unless `--expired`).
    #[serde(default)]
    pub expires: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
    /// Old addresses of the article, each given a page that sends readers on.
    #[serde(default, deserialize_with = "one_or_many")]
    pub aliases: Vec<String>,
    /// What the image shows, for readers who cannot see it; required with `image`.
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub image_caption: Option<String>,
    #[serde(default)]
    pub image_credit: Option<String>,
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A list of strings, also written as one string for a list of one (`tags: security`), as
/// other generators allow.
fn one_or_many<'de, D: serde::Deserializer<'de>>(values: D) -> Result<Vec<String>, D::Error> {
    struct Strings;
    impl<'de> serde::de::Visitor<'de> for Strings {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of strings, or one string")
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Vec<String>, E> {
            Ok(vec![value.to_string()])
        }

        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Vec<String>, E> {
            Ok(vec![value.to_string()])
        }

        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Vec<String>, E> {
            Ok(vec![value.to_string()])
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut items: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::with_capacity(items.size_hint().unwrap_or(0));
            while let Some(item) = items.next_element::<String>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    values.deserialize_any(Strings)
}

/// One article, parsed and validated.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the site root, e.g. `content/articles/x.md`.
    pub path: PathBuf,
    /// The whole file, kept so later stages can point diagnostics at lines; a build lets
    /// it go before rendering (see `Source`).
    pub text: Source,
    /// The file's stamp when a later build may take the file as unchanged by it without
    /// reading it (see `Recall::unread`): none for a file written moments before it was
    /// read, one whose loading had anything to say, and one whose body is read again
    /// before rendering (for its images, embeds or raw HTML).
    pub stamp: Option<Stamp>,
    pub body_offset: usize,
    pub front: FrontMatter,
    pub date: PubDate,
    pub updated: Option<PubDate>,
    pub slug: String,
    /// Dated after the build's "now" and built anyway (`--future`, or `brief serve`,
    /// which previews scheduled pieces): templates mark it.
    pub scheduled: bool,
    /// The first moment after the build's "now" at which the schedule would build this
    /// article differently (it comes out of schedule, or expires).
    pub schedule_turns_at: Option<jiff::Timestamp>,
}

impl Article {
    /// The body while the text is held (empty once let go: rendering uses `read_body`).
    pub fn body(&self) -> &str {
        self.text.held().get(self.body_offset..).unwrap_or("")
    }

    /// The body, read again from the file if the text was let go.
    pub fn read_body(&self, root: &Path) -> Result<Cow<'_, str>, Diagnostic> {
        Ok(match self.text.read(root, &self.path)? {
            Cow::Borrowed(text) => Cow::Borrowed(text.get(self.body_offset..).unwrap_or("")),
            Cow::Owned(mut text) => {
                match text.is_char_boundary(self.body_offset) {
                    true => text.drain(..self.body_offset),
                    false => text.drain(..),
                };
                Cow::Owned(text)
            }
        })
    }

    /// The text to point a message about this article into (see `Source::for_message`).
    pub fn text_for_message(&self, root: &Path) -> Cow<'_, str> {
        self.text.for_message(root, &self.path)
    }

    /// 1-based line of the file on which the body starts.
    pub fn body_line(&self) -> usize {
        let text = self.text.held();
        text.get(..self.body_offset)
            .unwrap_or(text)
            .matches('\n')
            .count()
            + 1
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    bincode::Encode,
    bincode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EntityRecord {
    pub(super) name: String,
    pub(super) kind: EntityKind,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) description: Option<String>,
}

/// A gazetteer entry from `content/entities/*.md` or `content/entities.yaml`.
#[derive(Debug, Clone)]
pub struct EntityDef {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Markdown body of an entity file, shown on its page.
    pub body: String,
    pub path: PathBuf,
    pub line: usize,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct PageFront {
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) slug: Option<String>,
    #[serde(default)]
    pub(super) draft: bool,
    #[serde(default)]
    pub(super) extra: BTreeMap<String, serde_json::Value>,
}

/// A standalone page from `content/pages/*.md`.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: PathBuf,
    pub title: String,
    pub description: Option<String>,
    pub slug: String,
    /// The whole file, kept so link errors can point at lines.
    pub text: String,
    pub body_offset: usize,
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    pub fn body_line(&self) -> usize {
        self.text[..self.body_offset].matches('\n').count() + 1
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct BriefingFront {
    #[serde(default)]
    pub(super) title: Option<String>,
}

/// An editor's note for one day, from `content/briefings/YYYY-MM-DD.md`.
#[derive(Debug, Clone)]
pub struct BriefingNote {
    pub path: PathBuf,
    pub date: jiff::civil::Date,
    pub title: Option<String>,
    pub body: String,
}
