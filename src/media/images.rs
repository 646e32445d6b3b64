//! Local images: found on disk, measured, and resized into a few widths that pages offer
//! with `srcset`. A resized copy is kept in the site's cache folder under the hash of the
//! source's bytes, so a rebuild reads it back instead of resizing again.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::model::{Route, Routes, slugify};

/// The widths pages are offered in; an image narrower than the largest is also offered
/// at its own width, and none is ever made wider than it is.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The folder of resized copies inside the build cache folder.
pub const CACHE_SUBDIR: &str = "images";
/// Where resized images go in the output.
const OUTPUT_DIR: &str = "images";
const JPEG_QUALITY: u8 = 82;
/// Part of every cached file's name: a change to how images are resized or encoded
/// changes it, so older copies are not taken for new ones.
const CACHE_VERSION: u32 = 1;

/// An image as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Image {
    /// The largest width offered, or a remote image's address as written.
    pub url: String,
    /// Pixel size of `url`; absent for remote images and formats that are not resized.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Every width offered, for the `srcset` attribute; empty when there is one size.
    pub srcset: String,
}

impl Image {
    /// An image used as written (remote, or a format that is not resized).
    pub fn as_written(url: &str) -> Image {
        Image {
            url: url.to_string(),
            width: None,
            height: None,
            srcset: String::new(),
        }
    }
}

/// One file the output gets for an image.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Variant {
    /// Path in the output folder.
    pub path: String,
    pub width: u32,
    pub height: u32,
    /// The file its bytes are read from: the source itself or its resized copy.
    pub from: PathBuf,
}

/// A local image after measuring and resizing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Processed {
    /// Size once EXIF orientation is applied; none for formats that are not resized.
    pub size: Option<(u32, u32)>,
    /// Hash of the source's bytes, which names its resized copies.
    pub hash: u64,
    /// Whether the source needs no turning (EXIF orientation), so it can be copied as it is.
    pub upright: bool,
    /// Narrowest first.
    pub variants: Vec<Variant>,
}

/// Whether images are resized or only measured (`brief check` writes nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Resized copies are made in this folder, and read back from it by later builds.
    Resize(PathBuf),
    Measure,
}

impl Mode {
    /// The folder of resized copies. Measured images have none: their plans name files
    /// below an empty path that nothing reads or writes.
    fn copies(&self) -> &Path {
        match self {
            Mode::Resize(folder) => folder,
            Mode::Measure => Path::new(""),
        }
    }
}

/// Where an image reference written in an article points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// An address on another host (or a `data:` URL): used as written.
    Remote,
    /// A file, relative to the site root.
    Local(PathBuf),
}

/// `/x.jpg` is `static/x.jpg` (static files are copied to the output root); any other
/// path is relative to the folder of the file that names it.
pub fn resolve(written: &str, beside: &Path) -> Result<Reference, String> {
    let lower = written.to_ascii_lowercase();
    if ["http://", "https://", "//", "data:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Ok(Reference::Remote);
    }
    let decoded = percent_encoding::percent_decode_str(written).decode_utf8_lossy();
    let path = decoded.split(['?', '#']).next().unwrap_or_default();
    let joined = match path.strip_prefix('/') {
        Some(rest) => Path::new("static").join(rest),
        None => beside.join(path),
    };
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::Normal(p) => normal.push(p),
            Component::CurDir => {}
            Component::ParentDir if normal.pop() => {}
            _ => return Err(format!("image `{written}` points outside the site folder")),
        }
    }
    Ok(Reference::Local(normal))
}

/// Resizes and remembers local images for one build: each source is read once, however
/// many articles and templates ask for it.
#[derive(Debug)]
pub struct ImageStore {
    root: PathBuf,
    routes: Routes,
    mode: Mode,
    processed: Mutex<BTreeMap<PathBuf, Result<Arc<Processed>, String>>>,
    /// Sizes templates asked for with `resize_image`, by output path.
    extra: Mutex<BTreeMap<String, Variant>>,
}

impl ImageStore {
    pub fn new(root: &Path, routes: Routes, mode: Mode) -> ImageStore {
        ImageStore {
            root: root.to_path_buf(),
            routes,
            mode,
            processed: Mutex::default(),
            extra: Mutex::default(),
        }
    }

    /// The site folder the images are read from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Processes the sources not seen yet, in parallel.
    pub fn process_all(&self, sources: Vec<PathBuf>) {
        let fresh: Vec<PathBuf> = {
            let done = self.lock_processed();
            sources
                .into_iter()
                .filter(|s| !done.contains_key(s))
                .collect()
        };
        let results: Vec<_> = fresh
            .into_par_iter()
            .map(|source| {
                let result = process(&self.root, &source, &self.mode).map(Arc::new);
                (source, result)
            })
            .collect();
        self.lock_processed().extend(results);
    }

    /// A local image, processed on first use.
    pub fn get(&self, source: &Path) -> Result<Arc<Processed>, String> {
        if let Some(done) = self.lock_processed().get(source) {
            return done.clone();
        }
        self.process_all(vec![source.to_path_buf()]);
        self.lock_processed()
            .get(source)
            .cloned()
            .unwrap_or_else(|| Err(format!("image {} was not processed", source.display())))
    }

    /// How a page shows a local image.
    pub fn image(&self, source: &Path) -> Result<Image, String> {
        let processed = self.get(source)?;
        let Some(largest) = processed.variants.last() else {
            return Err(format!("image {} has no sizes", source.display()));
        };
        let srcset = match processed.size {
            Some(_) if processed.variants.len() > 1 => processed
                .variants
                .iter()
                .map(|v| format!("{} {}w", self.url(&v.path), v.width))
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        Ok(Image {
            url: self.url(&largest.path),
            width: processed.size.map(|_| largest.width),
            height: processed.size.map(|_| largest.height),
            srcset,
        })
    }

    /// The source resized to `width` (or its own width, when narrower), for templates.
    pub fn sized(&self, source: &Path, width: u32) -> Result<(String, u32, u32), String> {
        let processed = self.get(source)?;
        let Some((full_width, full_height)) = processed.size else {
            return Err(format!(
                "image {} is not a JPEG, PNG or WebP image, so it cannot be resized",
                source.display()
            ));
        };
        let width = width.clamp(1, full_width);
        let plan = Plan::of(
            &self.root,
            self.mode.copies(),
            source,
            processed.hash,
            processed.upright,
            full_width,
            width,
        );
        let known = processed
            .variants
            .iter()
            .find(|v| v.width == width)
            .cloned();
        let known = known.or_else(|| self.lock_extra().get(&plan.path).cloned());
        if let Some(v) = known {
            return Ok((self.url(&v.path), v.width, v.height));
        }
        if matches!(self.mode, Mode::Resize(_)) && !plan.from.exists() {
            let bytes = std::fs::read(self.root.join(source))
                .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
            let height = plan.variant(full_width, full_height).height;
            make(&decode(&bytes, source)?, &plan, height)?;
        }
        let variant = plan.variant(full_width, full_height);
        let sized = (self.url(&variant.path), variant.width, variant.height);
        self.lock_extra().insert(variant.path.clone(), variant);
        Ok(sized)
    }

    /// Every file the output gets for the images used so far, by path; none when images
    /// are only measured.
    pub fn files(&self) -> Vec<Variant> {
        if self.mode == Mode::Measure {
            return Vec::new();
        }
        let mut files: BTreeMap<String, Variant> = self
            .lock_processed()
            .values()
            .filter_map(|p| p.as_ref().ok())
            .flat_map(|p| p.variants.iter().cloned())
            .map(|v| (v.path.clone(), v))
            .collect();
        let extra = self.lock_extra();
        files.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        files.into_values().collect()
    }

    fn url(&self, path: &str) -> String {
        self.routes.url(Route::File(path))
    }

    fn lock_extra(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Variant>> {
        self.extra.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_processed(
        &self,
    ) -> std::sync::MutexGuard<'_, BTreeMap<PathBuf, Result<Arc<Processed>, String>>> {
        self.processed.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One size of one source: where it goes in the output and where its bytes come from.
struct Plan {
    path: String,
    width: u32,
    from: PathBuf,
    /// Made from the decoded image rather than copied from the source.
    resized: bool,
}

impl Plan {
    /// `upright`: the source needs no turning, so at its own width it is copied as it is.
    fn of(
        root: &Path,
        copies: &Path,
        source: &Path,
        hash: u64,
        upright: bool,
        full: u32,
        width: u32,
    ) -> Plan {
        let ext = extension(source);
        let stem = source
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "image".into());
        let path = format!("{OUTPUT_DIR}/{stem}-{:08x}-{width}.{ext}", hash as u32);
        let (from, resized) = match width == full && upright {
            true => (root.join(source), false),
            false => (
                copies.join(format!("{hash:016x}-{width}-v{CACHE_VERSION}.{ext}")),
                true,
            ),
        };
        Plan {
            path,
            width,
            from,
            resized,
        }
    }

    fn variant(&self, full_width: u32, full_height: u32) -> Variant {
        let height = (u64::from(full_height) * u64::from(self.width) + u64::from(full_width) / 2)
            / u64::from(full_width);
        Variant {
            path: self.path.clone(),
            width: self.width,
            height: (height as u32).max(1),
            from: self.from.clone(),
        }
    }
}

/// Whether a file is an image by its name: what `brief serve` watches beside articles.
pub fn is_image(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "gif" | "svg" | "avif"
    )
}

fn extension(source: &Path) -> String {
    source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn format_of(source: &Path) -> Option<ImageFormat> {
    match extension(source).as_str() {
        "jpg" | "jpeg" => Some(ImageFormat::Jpeg),
        "png" => Some(ImageFormat::Png),
        "webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Reads, measures and (in `Mode::Resize`) resizes one source.
fn process(root: &Path, source: &Path, mode: &Mode) -> Result<Processed, String> {
    let bytes = std::fs::read(root.join(source)).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("image file {} does not exist", source.display()),
        _ => format!("cannot read image {}: {e}", source.display()),
    })?;
    let Some(format) = format_of(source) else {
        // SVG, GIF and the rest are copied as they are.
        let hash = xxh3_64(&bytes);
        let stem = source
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
        let path = format!(
            "{OUTPUT_DIR}/{stem}-{:08x}.{}",
            hash as u32,
            extension(source)
        );
        return Ok(Processed {
            size: None,
            hash,
            upright: true,
            variants: vec![Variant {
                path,
                width: 0,
                height: 0,
                from: root.join(source),
            }],
        });
    };
    let mut decoder = ImageReader::with_format(Cursor::new(&bytes), format)
        .into_decoder()
        .map_err(|e| unreadable(source, &e))?;
    let (w, h) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let upright = orientation == Orientation::NoTransforms;
    let turned = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let (width, height) = if turned { (h, w) } else { (w, h) };
    if width == 0 || height == 0 {
        return Err(format!("image {} is empty", source.display()));
    }
    let largest = WIDTHS[WIDTHS.len() - 1];
    let widths = WIDTHS
        .into_iter()
        .filter(|&t| t < width)
        .chain((width <= largest).then_some(width));
    let hash = xxh3_64(&bytes);
    let plans: Vec<Plan> = widths
        .map(|t| Plan::of(root, mode.copies(), source, hash, upright, width, t))
        .collect();
    let missing: Vec<&Plan> = plans
        .iter()
        .rev()
        .filter(|p| p.resized && !p.from.exists())
        .collect();
    if matches!(mode, Mode::Resize(_)) && !missing.is_empty() {
        // Widest first, each from the one before: a photo many times wider than 1600
        // pixels is scaled down at full size once, not once for every width.
        let mut image = decode(&bytes, source)?;
        for plan in missing {
            image = make(&image, plan, plan.variant(width, height).height)?;
        }
    }
    Ok(Processed {
        size: Some((width, height)),
        hash,
        upright,
        variants: plans.iter().map(|p| p.variant(width, height)).collect(),
    })
}

fn unreadable(source: &Path, error: &image::ImageError) -> String {
    format!(
        "cannot read image {}: {error}; it must be a JPEG, PNG or WebP file",
        source.display()
    )
}

/// The whole image, turned upright.
fn decode(bytes: &[u8], source: &Path) -> Result<DynamicImage, String> {
    let format = format_of(source)
        .ok_or_else(|| format!("image {} is not a JPEG, PNG or WebP file", source.display()))?;
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .map_err(|e| unreadable(source, &e))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| unreadable(source, &e))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Resizes `image` to the plan's width and `height` and writes it to the cache, through a
/// temporary file so that a build running beside this one never reads half a file.
fn make(image: &DynamicImage, plan: &Plan, height: u32) -> Result<DynamicImage, String> {
    let resized = image.resize_exact(plan.width, height, FilterType::Lanczos3);
    let mut bytes = Vec::new();
    let format = format_of(&plan.from).unwrap_or(ImageFormat::Png);
    let encoded = match format {
        ImageFormat::Jpeg => DynamicImage::ImageRgb8(resized.to_rgb8())
            .write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)),
        ImageFormat::WebP => DynamicImage::ImageRgba8(resized.to_rgba8())
            .write_with_encoder(WebPEncoder::new_lossless(&mut bytes)),
        _ => resized.write_with_encoder(PngEncoder::new(&mut bytes)),
    };
    let cache_error =
        |e: String| format!("cannot write the image cache {}: {e}", plan.from.display());
    encoded.map_err(|e| cache_error(e.to_string()))?;
    let folder = plan.from.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| cache_error(e.to_string()))?;
    // One name per process and thread: two pages may ask for the same size at once.
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    let temporary = plan
        .from
        .with_extension(format!("tmp{}-{thread}", std::process::id()));
    std::fs::write(&temporary, &bytes).map_err(|e| cache_error(e.to_string()))?;
    std::fs::rename(&temporary, &plan.from).map_err(|e| cache_error(e.to_string()))?;
    Ok(resized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_to_static_or_beside_the_article() {
        let beside = Path::new("content/articles/2024");
        assert_eq!(
            resolve("/images/a.jpg", beside),
            Ok(Reference::Local("static/images/a.jpg".into()))
        );
        assert_eq!(
            resolve("../shared/b%20c.png", beside),
            Ok(Reference::Local("content/articles/shared/b c.png".into()))
        );
        assert_eq!(
            resolve("https://x.org/a.jpg", beside),
            Ok(Reference::Remote)
        );
        assert!(resolve("../../../../etc/passwd", beside).is_err());
    }
}
