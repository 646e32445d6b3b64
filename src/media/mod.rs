//! Images and embeds, between link and render: every image an article shows (its front
//! matter `image` and the images in its body) found on disk and resized, and every
//! shortcode in its body rendered, once per build. Problems are positioned diagnostics
//! like any other; the pages then only look the results up.

pub mod images;
mod scan;
pub mod shortcodes;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::diag::Diagnostic;
use crate::load::{Article, Site};
use crate::model::{PerArticle, Routes};
pub use images::{Image, ImageStore, Mode, Reference, Variant};
use scan::Scan;

/// What the articles' images and embeds became, index-aligned with `Site::articles`
/// (empty before `prepare`).
#[derive(Debug, Clone, Default)]
pub struct Media {
    pub articles: PerArticle<ArticleMedia>,
    /// The images of this build, which also serves templates' `resize_image`.
    pub store: Option<Arc<ImageStore>>,
}

/// One article's images and embeds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ArticleMedia {
    /// The front matter `image`, the article's lead image.
    pub lead: Option<Picture>,
    /// Local images of the body, by their address as written.
    pub images: BTreeMap<String, Image>,
    /// Rendered shortcodes, by the byte offset in the body of the paragraph that calls them.
    pub embeds: BTreeMap<usize, String>,
}

/// An article's lead image with its description, caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Picture {
    #[serde(flatten)]
    pub image: Image,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// Where a build keeps resized images: the build cache's folder, which later builds read
/// back, or a temporary one, removed with this value, when there is no cache to keep them
/// in (`--no-cache`, or a cache folder that is not a folder).
#[derive(Debug)]
pub enum Copies {
    Cached(PathBuf),
    Temporary(tempfile::TempDir),
}

impl Copies {
    pub fn for_build(cache_dir: Option<&Path>) -> Result<Copies, Diagnostic> {
        if let Some(dir) = cache_dir.filter(|d| d.is_dir() || !d.exists()) {
            return Ok(Copies::Cached(dir.join(images::CACHE_SUBDIR)));
        }
        tempfile::Builder::new()
            .prefix("brief-images-")
            .tempdir()
            .map(Copies::Temporary)
            .map_err(|e| {
                let why = format!("cannot make a folder for resized images: {e}");
                Diagnostic::error(std::env::temp_dir(), why)
            })
    }

    pub fn mode(&self) -> Mode {
        match self {
            Copies::Cached(folder) => Mode::Resize(folder.clone()),
            Copies::Temporary(dir) => Mode::Resize(dir.path().to_path_buf()),
        }
    }
}

impl Media {
    /// An article's media; none before `prepare`.
    pub fn of(&self, a: crate::model::ArticleId) -> Option<&ArticleMedia> {
        self.articles.get(a)
    }
}

/// The image store for a site, with URLs under its base path.
pub fn store(site: &Site, mode: Mode) -> Arc<ImageStore> {
    Arc::new(ImageStore::new(
        &site.root,
        Routes::new(site.config.base_url.clone()),
        mode,
    ))
}

/// Finds, resizes and renders every article's images and embeds, in parallel; warns about
/// raw HTML the sanitiser will remove. A site without them costs one scan of its bodies.
pub fn prepare(site: &Site, tera: &Tera, store: Arc<ImageStore>) -> (Media, Vec<Diagnostic>) {
    let scans: Vec<Scan> = site.articles.raw.par_iter().map(Scan::of).collect();
    let sources: Vec<PathBuf> = scans
        .iter()
        .zip(&site.articles.raw)
        .flat_map(|(scan, article)| {
            scan.addresses()
                .filter_map(|written| local(&site.root, written, article).ok().flatten())
                .collect::<Vec<_>>()
        })
        .collect();
    if !sources.is_empty() {
        store.process_all(sources);
    }
    let (articles, problems): (Vec<ArticleMedia>, Vec<Vec<Diagnostic>>) = scans
        .into_par_iter()
        .zip(&site.articles.raw)
        .map(|(scan, article)| resolve(article, scan, tera, &store))
        .unzip();
    let media = Media {
        articles: articles.into(),
        store: Some(store),
    };
    (media, problems.into_iter().flatten().collect())
}

/// The file an address written in `article` names, or none for a remote image. A relative
/// address is looked for beside the article, then under `static/` (where it is served
/// from the site's root, as before images were resized).
fn local(root: &Path, written: &str, article: &Article) -> Result<Option<PathBuf>, String> {
    let beside = article.path.parent().unwrap_or(Path::new(""));
    let path = match images::resolve(written, beside)? {
        Reference::Remote => return Ok(None),
        Reference::Local(path) => path,
    };
    if written.starts_with('/') || root.join(&path).is_file() {
        return Ok(Some(path));
    }
    match images::resolve(&format!("/{written}"), beside)? {
        Reference::Local(in_static) if root.join(&in_static).is_file() => Ok(Some(in_static)),
        _ => Err(format!(
            "image `{written}` is neither beside the article ({}) nor in static/",
            path.display()
        )),
    }
}

/// How a page shows the image at `written`: a remote one as written.
fn image_at(written: &str, article: &Article, store: &ImageStore) -> Result<Image, String> {
    match local(store.root(), written, article)? {
        None => Ok(Image::as_written(written)),
        Some(source) => store.image(&source),
    }
}

/// One article's media from its scan: every problem positioned in its file.
fn resolve(
    article: &Article,
    scan: Scan,
    tera: &Tera,
    store: &ImageStore,
) -> (ArticleMedia, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let text = || article.text_for_message(store.root());
    let error = |message: String, offset: usize| {
        Diagnostic::error(&article.path, message).at_offset(&text(), offset)
    };
    let mut media = ArticleMedia::default();
    if let Some(written) = &scan.lead {
        match image_at(written, article, store) {
            Ok(image) => {
                let front = &article.front;
                media.lead = Some(Picture {
                    image,
                    alt: front.image_alt.clone().unwrap_or_default(),
                    caption: front.image_caption.clone(),
                    credit: front.image_credit.clone(),
                });
            }
            Err(message) => {
                let text = text();
                let offset = scan::lead_offset(&text, article);
                problems.push(Diagnostic::error(&article.path, message).at_offset(&text, offset));
            }
        }
    }
    for (written, offset) in &scan.images {
        match local(store.root(), written, article) {
            Ok(None) => {}
            Ok(Some(source)) => match store.image(&source) {
                Ok(image) => {
                    media.images.insert(written.clone(), image);
                }
                Err(message) => problems.push(error(message, *offset)),
            },
            Err(message) => problems.push(error(message, *offset)),
        }
    }
    for (offset, len) in scan.calls {
        let Some(call) =
            shortcodes::call_in(article.text.held().get(offset..offset + len).unwrap_or(""))
        else {
            continue;
        };
        let rendered = shortcodes::parse_args(call.args)
            .map_err(|e| format!("shortcode `{}`: {e}", call.name))
            .and_then(|args| {
                let extra = source_image(&args, article, store)?;
                shortcodes::render(tera, &call, &args, &extra)
            });
        match rendered {
            Ok(html) => {
                media.embeds.insert(offset - article.body_offset, html);
            }
            Err(message) => problems.push(error(message, offset)),
        }
    }
    (media, problems)
}

/// For a shortcode given `src`: the image it names, as `image`, sized like any other.
fn source_image(
    args: &[(String, serde_json::Value)],
    article: &Article,
    store: &ImageStore,
) -> Result<Vec<(&'static str, serde_json::Value)>, String> {
    let Some(src) = args
        .iter()
        .find(|(k, _)| k == "src")
        .and_then(|(_, v)| v.as_str())
    else {
        return Ok(Vec::new());
    };
    let image = image_at(src, article, store)?;
    let value = serde_json::to_value(image).map_err(|e| e.to_string())?;
    Ok(vec![("image", value)])
}

/// Makes `resize_image` known before the site's images are, so that templates calling it
/// load; `register_functions` gives it the images.
pub fn declare_functions(tera: &mut Tera) {
    tera.register_function(
        "resize_image",
        |_: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
            Err(tera::Error::message(
                "resize_image works only once the site's images are read",
            ))
        },
    );
}

/// Adds `resize_image(path="…", width=320)` to the templates: the image at `path` (as a
/// front matter `image` is written, `/` meaning `static/`) at that width, never wider than
/// it is, as `{ url, width, height }`.
pub fn register_functions(tera: &mut Tera, store: Arc<ImageStore>) {
    tera.register_function(
        "resize_image",
        move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
            let path: &str = kwargs.must_get("path")?;
            let width: i64 = kwargs.must_get("width")?;
            let width = u32::try_from(width)
                .ok()
                .filter(|w| *w > 0)
                .ok_or_else(|| tera::Error::message("resize_image: `width` must be above 0"))?;
            let source = match images::resolve(path, Path::new("")) {
                Ok(Reference::Local(source)) => source,
                Ok(Reference::Remote) => {
                    return Err(tera::Error::message(format!(
                        "resize_image: `{path}` is remote; only the site's own images are resized"
                    )));
                }
                Err(message) => return Err(tera::Error::message(message)),
            };
            let (url, width, height) = store
                .sized(&source, width)
                .map_err(|m| tera::Error::message(format!("resize_image: {m}")))?;
            #[derive(Serialize)]
            struct Sized {
                url: String,
                width: u32,
                height: u32,
            }
            Ok(tera::Value::from_serializable(&Sized {
                url,
                width,
                height,
            }))
        },
    );
}

/// Makes the site's media with `tera` and gives the templates `resize_image`: what every
/// command that renders does once its templates are loaded. Returns the problems found.
pub fn attach(site: &mut Site, tera: &mut Tera, mode: Mode) -> Vec<Diagnostic> {
    let store = store(site, mode);
    register_functions(tera, store.clone());
    let (media, problems) = prepare(site, tera, store);
    site.media = media;
    problems
}
