//! An article file made into an `Article`: its front matter checked, its dates read
//! against the schedule. A file an earlier build read is made from what that build
//! recalls, unread, when its stamp says it has not changed.

use super::parse::{key_offset, read_front, slug_from_file_name};
use super::*;

pub(super) fn parse_article(
    path: &Path,
    text: String,
    options: &LoadOptions,
    recall: &dyn Recall,
) -> Result<Loaded, Vec<Diagnostic>> {
    // The hash the file is known by is taken once, for the cache and for reading it again.
    let source = Source::new(text);
    let text = source.held();
    let split = frontmatter::split(text);
    if !split.has_front_matter {
        return Err(vec![Diagnostic::error(
            path,
            "article has no front matter: start the file with `---`, then `title:` and `date:`, then `---`",
        )
        .at(text, 1, 1)]);
    }
    let (front, diagnostics) = match recall.front(source.key()) {
        Some(front) => (Some(front), Vec::new()),
        None => read_front::<FrontMatter>(path, text, &split),
    };
    let Some(front) = front else {
        return Err(diagnostics);
    };
    let body_offset = split.body_offset;
    let at_key =
        |problem: Diagnostic, key: &str| problem.at_offset(text, key_offset(text, &split, key));
    let checked = check_article(path, front, options, diagnostics, at_key)?;
    Ok(checked.loaded(path, source, body_offset))
}

/// An article file that an earlier build read, taken as unchanged by its stamp (see
/// `Recall::unread`; `stamp` is the file's now): its front matter recalled, its text not
/// read. None when the article has any problem now (a changed setting can give it one):
/// reading it reports them.
pub(super) fn recall_article(
    path: &Path,
    known: Known,
    stamp: Stamp,
    options: &LoadOptions,
    recall: &dyn Recall,
) -> Option<Loaded> {
    let front = recall.front(known.key)?;
    let checked = check_article(path, front, options, Vec::new(), |d, _| d).ok()?;
    let mut loaded = checked.loaded(path, Source::unread(known.key), known.body_offset);
    if let Loaded::Article(article) = &mut loaded {
        article.stamp = Some(stamp);
    }
    Some(loaded)
}

/// What an article's front matter makes of it.
enum Checked {
    /// A draft, left out.
    Draft,
    Held(Held, Option<jiff::Timestamp>),
    Article(Box<Dated>),
}

/// An article's front matter, checked, with its dates read.
struct Dated {
    front: FrontMatter,
    date: PubDate,
    updated: Option<PubDate>,
    slug: String,
    scheduled: bool,
    turns_at: Option<jiff::Timestamp>,
}

impl Checked {
    fn loaded(self, path: &Path, text: Source, body_offset: usize) -> Loaded {
        match self {
            Checked::Draft => Loaded::Nothing,
            Checked::Held(held, turns_at) => Loaded::Held(path.to_path_buf(), held, turns_at),
            Checked::Article(dated) => Loaded::Article(Box::new(Article {
                path: path.to_path_buf(),
                text,
                stamp: None,
                body_offset,
                front: dated.front,
                date: dated.date,
                updated: dated.updated,
                slug: dated.slug,
                scheduled: dated.scheduled,
                schedule_turns_at: dated.turns_at,
            })),
        }
    }
}

/// Checks an article's front matter values and reads its dates, adding each problem to
/// `diagnostics` positioned by `at_key` at the value of its key.
fn check_article(
    path: &Path,
    front: FrontMatter,
    options: &LoadOptions,
    mut diagnostics: Vec<Diagnostic>,
    at_key: impl Fn(Diagnostic, &str) -> Diagnostic,
) -> Result<Checked, Vec<Diagnostic>> {
    if front.draft && !options.drafts {
        // A draft is left out, but its front matter is still checked.
        return match diagnostics.is_empty() {
            true => Ok(Checked::Draft),
            false => Err(diagnostics),
        };
    }
    let date_at = |key: &str, message: String| at_key(Diagnostic::error(path, message), key);
    let zone = options.zone.zone();
    let read = |value: &str| PubDate::parse(value).and_then(|d| d.in_zone(zone));
    let date = read(&front.date).map_err(|m| diagnostics.push(date_at("date", m)));
    let updated = match &front.updated {
        Some(value) => read(value)
            .map(Some)
            .map_err(|m| diagnostics.push(date_at("updated", m))),
        None => Ok(None),
    };
    let expires = match &front.expires {
        Some(value) => read(value)
            .map(Some)
            .map_err(|m| diagnostics.push(date_at("expires", m))),
        None => Ok(None),
    };
    if front.title.trim().is_empty() {
        diagnostics.push(date_at("title", "`title` is empty".into()));
    }
    if front.image.is_some()
        && front
            .image_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        diagnostics.push(date_at(
            "image",
            "`image_alt:` is missing: describe what the image shows, for readers who cannot see it"
                .into(),
        ));
    }
    let slug = match &front.slug {
        Some(raw) => normalise_slug(raw).map_err(|m| diagnostics.push(date_at("slug", m))),
        None => Ok(slug_from_file_name(path)),
    };
    let mut front = front;
    for alias in &mut front.aliases {
        match normalise_alias(alias) {
            Ok(path) => *alias = path,
            Err(m) => diagnostics.push(date_at("aliases", m)),
        }
    }
    match (date, updated, expires, slug) {
        (Ok(date), Ok(updated), Ok(expires), Ok(slug)) if diagnostics.is_empty() => {
            let turns_at = options.schedule.and_then(|s| turns_at(s, date, expires));
            let scheduled = match options.schedule {
                Some(schedule) => match hold(schedule, date, expires) {
                    Some(held) => return Ok(Checked::Held(held, turns_at)),
                    None => date.timestamp() > schedule.now,
                },
                None => false,
            };
            Ok(Checked::Article(Box::new(Dated {
                front,
                date,
                updated,
                slug,
                scheduled,
                turns_at,
            })))
        }
        _ => Err(diagnostics),
    }
}

/// Whether the schedule leaves an article with these dates out. An article expires
/// after its `expires` date: at the end of that day when no time is given.
fn hold(schedule: Schedule, date: PubDate, expires: Option<PubDate>) -> Option<Held> {
    if !schedule.future && date.timestamp() > schedule.now {
        return Some(Held::Scheduled);
    }
    let expired = expires.is_some_and(|e| e.end() <= schedule.now);
    (!schedule.expired && expired).then_some(Held::Expired)
}

/// The first moment after now at which the schedule treats an article with these dates
/// differently: its date, when it lies ahead, or the moment it expires.
fn turns_at(
    schedule: Schedule,
    date: PubDate,
    expires: Option<PubDate>,
) -> Option<jiff::Timestamp> {
    let ahead = |at: jiff::Timestamp| (at > schedule.now).then_some(at);
    let published = ahead(date.timestamp());
    let expiry = expires
        .and_then(|e| ahead(e.end()))
        .filter(|_| !schedule.expired);
    published.into_iter().chain(expiry).min()
}
