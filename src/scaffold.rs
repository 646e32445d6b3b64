//! `brief init` and `brief new`: starting points for a site and an article.

use crate::model::try_slugify;
use std::path::{Path, PathBuf};

use rust_embed::Embed;

/// The example site's content, written by `brief init`.
#[derive(Embed)]
#[folder = "content/"]
struct ExampleContent;

const SITE_YAML: &str = include_str!("../site.yaml");

/// What a new site ignores: the build's output and its temporary folders.
const GITIGNORE: &str = "/public\n/.public.brief-*\n/.brief-cache\n";

/// The minimal site `brief init` writes: every setting shown commented out with its
/// default, one article that explains the front matter, an empty gazetteer.
const MINIMAL_SITE: [(&str, &str); 3] = [
    ("site.yaml", include_str!("scaffold/site.yaml")),
    (
        "content/articles/welcome.md",
        include_str!("scaffold/welcome.md"),
    ),
    (
        "content/entities.yaml",
        include_str!("scaffold/entities.yaml"),
    ),
];

/// Writes a new, buildable site into `dir`, which must be empty or missing: a minimal one
/// (settings, one welcome article, an empty gazetteer), or with `example` the full example.
pub fn init(dir: &Path, example: bool) -> Result<Vec<PathBuf>, String> {
    if dir.is_file() {
        return Err(format!("{} is a file, not a folder", dir.display()));
    }
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!(
            "{} is not empty; `brief init` only writes into an empty or new folder",
            dir.display()
        ));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if example {
        files.push((PathBuf::from("site.yaml"), SITE_YAML.as_bytes().to_vec()));
        let mut names: Vec<String> = ExampleContent::iter().map(|n| n.to_string()).collect();
        names.sort();
        for name in names {
            if let Some(file) = ExampleContent::get(&name) {
                files.push((Path::new("content").join(&name), file.data.into_owned()));
            }
        }
    } else {
        for (path, text) in MINIMAL_SITE {
            files.push((PathBuf::from(path), text.as_bytes().to_vec()));
        }
    }
    files.push((PathBuf::from(".gitignore"), GITIGNORE.as_bytes().to_vec()));
    let mut written = Vec::new();
    for (relative, bytes) in files {
        let path = dir.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(relative);
    }
    Ok(written)
}

/// What `brief new` writes.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    pub title: String,
    /// `YYYY-MM-DD`; today when absent.
    pub date: Option<String>,
    pub tags: Vec<String>,
    pub story: Option<String>,
    /// A subfolder of `content/articles/`.
    pub folder: Option<PathBuf>,
}

/// Creates `content/articles/[folder/]<slug>.md`, a draft; never overwrites. Returns its
/// path below `root`.
pub fn new_article(
    root: &Path,
    article: &NewArticle,
    today: jiff::civil::Date,
) -> Result<PathBuf, String> {
    let title = &article.title;
    let Some(slug) = try_slugify(title) else {
        return Err(format!("cannot make a file name from the title `{title}`"));
    };
    let date = match &article.date {
        Some(date) => date
            .parse::<jiff::civil::Date>()
            .map_err(|_| format!("--date `{date}` is not a date; write it as YYYY-MM-DD"))?,
        None => today,
    };
    let mut folder = Path::new("content").join("articles");
    if let Some(sub) = &article.folder {
        let escapes = sub
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)));
        if escapes {
            return Err(format!(
                "--path `{}` must be a folder below content/articles/",
                sub.display()
            ));
        }
        folder.push(sub);
    }
    let relative = folder.join(format!("{slug}.md"));
    let path = root.join(&relative);
    let yaml = |text: &str| serde_json::to_string(text).map_err(|e| e.to_string());
    let tags = article
        .tags
        .iter()
        .map(|t| yaml(t.trim()))
        .collect::<Result<Vec<_>, _>>()?
        .join(", ");
    let story = match &article.story {
        Some(story) => format!("story: {}", yaml(story)?),
        None => "# story: story-thread-id".to_string(),
    };
    let text = format!(
        "---\ntitle: {}\ndate: {date}\nsummary: \"\"\ntags: [{tags}]\nsources: []\n{story}\n# entities: [Names, To, Link]\ndraft: true\n---\n\nWrite the article here.\n",
        yaml(title)?
    );
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!(
                    "{} already exists; choose another title",
                    relative.display()
                )
            }
            _ => format!("cannot create {}: {e}", relative.display()),
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(relative)
}
