//! `brief init` and `brief new`: starting points for a site and an article.

use crate::model::try_slugify;
use std::path::{Path, PathBuf};

use rust_embed::Embed;

/// The example site's content, written by `brief init`.
#[derive(Embed)]
#[folder = "content/"]
struct ExampleContent;

const SITE_YAML: &str = include_str!("../site.yaml");

/// Writes a new, buildable site into `dir`, which must be empty or missing.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if dir.is_file() {
        return Err(format!("{} is a file, not a folder", dir.display()));
    }
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        return Err(format!(
            "{} is not empty; `brief init` only writes into an empty or new folder",
            dir.display()
        ));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        vec![(PathBuf::from("site.yaml"), SITE_YAML.as_bytes().to_vec())];
    let mut names: Vec<String> = ExampleContent::iter().map(|n| n.to_string()).collect();
    names.sort();
    for name in names {
        if let Some(file) = ExampleContent::get(&name) {
            files.push((Path::new("content").join(&name), file.data.into_owned()));
        }
    }
    files.push((PathBuf::from(".gitignore"), b"/public\n".to_vec()));
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

/// Creates `content/articles/<slug>.md` for `title`, dated `today`; never overwrites.
pub fn new_article(root: &Path, title: &str, today: jiff::civil::Date) -> Result<PathBuf, String> {
    let Some(slug) = try_slugify(title) else {
        return Err(format!("cannot make a file name from the title `{title}`"));
    };
    let relative = Path::new("content")
        .join("articles")
        .join(format!("{slug}.md"));
    let path = root.join(&relative);
    let yaml_title = serde_json::to_string(title).map_err(|e| e.to_string())?;
    let text = format!(
        "---\ntitle: {yaml_title}\ndate: {today}\nsummary: \"\"\ntags: []\nsources: []\n# story: story-thread-id\n# entities: [Names, To, Link]\ndraft: true\n---\n\nWrite the article here.\n"
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
