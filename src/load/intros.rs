//! Introductions to groups of articles: `content/stories/<id>.md`, `content/tags/<slug>.md`
//! and `content/authors/<slug>.md` give a story, topic or author page its name, its
//! introduction (the body) and a picture.

use super::*;

/// Which kind of group an introduction belongs to, from its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Stories,
    Tags,
    Authors,
}

impl Section {
    /// The folder under `content/`, which is also the section of the output.
    pub fn folder(self) -> &'static str {
        match self {
            Section::Stories => "stories",
            Section::Tags => "tags",
            Section::Authors => "authors",
        }
    }

    /// What the section's groups are called, for messages.
    fn noun(self) -> &'static str {
        match self {
            Section::Stories => "story",
            Section::Tags => "topic",
            Section::Authors => "author",
        }
    }
}

/// An introduction, parsed.
#[derive(Debug, Clone)]
pub struct Intro {
    pub section: Section,
    pub path: PathBuf,
    /// The slug of the group it introduces: the file name's.
    pub slug: String,
    /// The group's name on its page and in lists.
    pub title: Option<String>,
    /// A story's `summary`, a topic's `description`.
    pub summary: Option<String>,
    /// A story's `image`, an author's `photo`.
    pub image: Option<String>,
    pub text: String,
    pub body_offset: usize,
}

impl Intro {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// The warning for an introduction that no article's group uses.
    pub fn unused(&self) -> Diagnostic {
        let noun = self.section.noun();
        Diagnostic::warning(
            &self.path,
            format!(
                "no article belongs to the {noun} `{}`, so this introduction is not shown; \
                 check the file name against the articles' front matter",
                self.slug
            ),
        )
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StoryFront {
    title: Option<String>,
    summary: Option<String>,
    image: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    title: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AuthorFront {
    /// The author's name as shown; else the name articles give.
    name: Option<String>,
    photo: Option<String>,
}

pub(super) fn parse_intro(
    path: &Path,
    text: &str,
    section: Section,
) -> Result<Intro, Vec<Diagnostic>> {
    let split = frontmatter::split(text);
    let (title, summary, image) = if !split.has_front_matter {
        (None, None, None)
    } else {
        match section {
            Section::Stories => {
                let f: StoryFront = parse_front(path, text, &split)?;
                (f.title, f.summary, f.image)
            }
            Section::Tags => {
                let f: TopicFront = parse_front(path, text, &split)?;
                (f.title, f.description, None)
            }
            Section::Authors => {
                let f: AuthorFront = parse_front(path, text, &split)?;
                (f.name, None, f.photo)
            }
        }
    };
    Ok(Intro {
        section,
        path: path.to_path_buf(),
        slug: slug_from_file_name(path),
        title: title.filter(|t| !t.trim().is_empty()),
        summary,
        image,
        text: text.to_string(),
        body_offset: split.body_offset,
    })
}
