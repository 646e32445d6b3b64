//! Another generator's front matter as Brief's: keys renamed, lists made of single
//! values, dates chosen, and every key Brief has no place for kept under `extra`.

use serde_json::{Map, Value};

use crate::load::PubDate;

/// Brief's front matter for one imported file, what was changed on the way, and what
/// a person should look at.
#[derive(Debug, Default)]
pub struct Converted {
    pub front: serde_yaml::Mapping,
    pub changes: Vec<String>,
    pub needs: Vec<String>,
}

/// What the file itself says about its date, for when its front matter names none.
pub struct FileDates {
    /// From a Jekyll file name: `2013-12-21-title.md`.
    pub from_name: Option<String>,
    /// The file's modification day, the last resort.
    pub modified: Option<String>,
}

/// Keys whose value becomes Brief's `summary`, `tags`, `authors` or `image`, in order of
/// preference.
const SUMMARY: &[&str] = &["summary", "description", "excerpt"];
const TAGS: &[&str] = &["tags", "tag", "categories", "category"];
const AUTHORS: &[&str] = &["authors", "author"];
const IMAGES: &[&str] = &["image", "cover", "featured_image", "images"];
/// Keys naming old addresses: Brief leaves a redirect page at each (`aliases`).
const ALIASES: &[&str] = &["aliases", "url", "permalink", "redirect_from"];
/// Keys read for the publication date after `date`, then for `updated`.
const LATER_DATES: &[&str] = &["publishDate", "publishdate", "pubdate", "published_at"];
const UPDATED: &[&str] = &["updated", "lastmod", "modified", "last_modified_at"];
/// Keys Brief reads as they are.
const SAME: &[&str] = &[
    "slug",
    "location",
    "story",
    "sources",
    "entities",
    "not_entities",
    "key_points",
];

pub fn convert(
    mut fields: Map<String, Value>,
    title_from_name: &str,
    dates: &FileDates,
) -> Converted {
    let mut out = Converted::default();
    let title = match fields.remove("title").map(text_of) {
        Some(title) if !title.trim().is_empty() => title,
        _ => {
            out.needs.push(format!(
                "no title: used `{title_from_name}`, from the file name"
            ));
            title_from_name.to_string()
        }
    };
    out.set("title", Value::String(title.clone()));
    let date = choose_date(&mut fields, dates, &mut out);
    out.set("date", Value::String(date));
    if let Some(updated) = take_date(&mut fields, UPDATED, &mut out) {
        out.set("updated", Value::String(updated));
    }
    if let Some(summary) = take_first(&mut fields, SUMMARY, "summary", &mut out) {
        out.set("summary", Value::String(text_of(summary)));
    }
    let mut tags = taxonomies(&mut fields, &mut out);
    for key in TAGS {
        if let Some(value) = fields.remove(*key) {
            if *key != "tags" {
                out.changes.push(format!("{key} → tags"));
            }
            tags.extend(list_of(value));
        }
    }
    tags.dedup();
    if !tags.is_empty() {
        out.set("tags", strings(tags));
    }
    let authors: Vec<String> = AUTHORS
        .iter()
        .filter_map(|key| fields.remove(*key).map(|value| (key, value)))
        .flat_map(|(key, value)| {
            if *key != "authors" {
                out.changes.push(format!("{key} → authors"));
            }
            list_of(value)
        })
        .collect();
    if !authors.is_empty() {
        out.set("authors", strings(authors));
    }
    if let Some(image) = take_first(&mut fields, IMAGES, "image", &mut out) {
        if let Some(first) = list_of(image).into_iter().next() {
            out.set("image", Value::String(first));
            // Brief requires a description of the image; the title stands in for one.
            let alt = ["image_alt", "alt", "image_description"]
                .iter()
                .find_map(|key| fields.remove(*key).map(text_of));
            let alt = alt.unwrap_or_else(|| {
                out.needs
                    .push("image_alt is the title: describe what the image shows".into());
                title.clone()
            });
            out.set("image_alt", Value::String(alt));
        }
    }
    for key in SAME {
        if let Some(value) = fields.remove(*key) {
            out.set(key, value);
        }
    }
    let draft = match (fields.remove("draft"), fields.remove("published")) {
        (Some(Value::Bool(draft)), _) => draft,
        (_, Some(Value::Bool(published))) => {
            out.changes.push("published: false → draft: true".into());
            !published
        }
        _ => false,
    };
    if draft {
        out.set("draft", Value::Bool(true));
    }
    let mut extra = match fields.remove("extra") {
        Some(Value::Object(extra)) => extra,
        Some(other) => Map::from_iter([("extra".to_string(), other)]),
        None => Map::new(),
    };
    let aliases: Vec<String> = ALIASES
        .iter()
        .filter_map(|key| fields.remove(*key).map(|value| (key, value)))
        .flat_map(|(key, value)| {
            out.changes.push(format!("{key} → aliases"));
            list_of(value)
        })
        .collect();
    // Patterns (`/:year/:title/`) and other sites' addresses make no redirect page.
    let (paths, others): (Vec<String>, Vec<String>) = aliases
        .into_iter()
        .partition(|a| !a.contains(':') && crate::load::normalise_alias(a).is_ok());
    if !others.is_empty() {
        out.needs.push(format!(
            "old addresses {} are not paths on this site: kept under extra.aliases; set up their redirects on the host",
            others.join(", ")
        ));
        extra.insert("aliases".into(), strings(others));
    }
    if !paths.is_empty() {
        out.set("aliases", strings(paths));
    }
    if !fields.is_empty() {
        let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        out.changes
            .push(format!("kept under extra: {}", keys.join(", ")));
        extra.extend(fields);
    }
    if !extra.is_empty() {
        out.set("extra", Value::Object(extra));
    }
    out
}

impl Converted {
    fn set(&mut self, key: &str, value: Value) {
        let value = serde_yaml::to_value(value).unwrap_or(serde_yaml::Value::Null);
        self.front
            .insert(serde_yaml::Value::String(key.into()), value);
    }
}

/// The publication date: `date`, else the file name's (Jekyll), else a later key
/// (`publishDate`, then the `updated` ones), else the file's modification day.
fn choose_date(fields: &mut Map<String, Value>, dates: &FileDates, out: &mut Converted) -> String {
    if let Some(date) = take_date(fields, &["date"], out) {
        return date;
    }
    if let Some(date) = &dates.from_name {
        out.changes.push("date from the file name".into());
        return date.clone();
    }
    for keys in [LATER_DATES, UPDATED] {
        if let Some(key) = keys.iter().find(|key| valid_date(fields.get(**key))) {
            let date = text_of(fields.remove(*key).unwrap_or_default());
            out.needs
                .push(format!("no date: used {key} ({date}); check it"));
            return date;
        }
    }
    match &dates.modified {
        Some(day) => {
            out.needs.push(format!(
                "no date: used the file's modification day ({day}); check it"
            ));
            day.clone()
        }
        None => {
            out.needs
                .push("no date, and the file's modification time is unknown: set one".into());
            "1970-01-01".into()
        }
    }
}

/// The first of `keys` holding a date Brief reads, removed; one that holds something else
/// is kept under `extra` and named in the report.
fn take_date(
    fields: &mut Map<String, Value>,
    keys: &[&str],
    out: &mut Converted,
) -> Option<String> {
    for key in keys {
        match fields.get(*key) {
            None => continue,
            Some(value) if valid_date(Some(value)) => {
                let date = text_of(fields.remove(*key).unwrap_or_default());
                if *key != "date" && *key != "updated" {
                    out.changes.push(format!("{key} → updated"));
                }
                return Some(date);
            }
            Some(value) => out.needs.push(format!(
                "{key} `{}` is not a date Brief reads; kept under extra",
                text_of(value.clone())
            )),
        }
    }
    None
}

fn valid_date(value: Option<&Value>) -> bool {
    value.is_some_and(|v| PubDate::parse(&text_of(v.clone())).is_ok())
}

/// The first of `keys` present, removed; the others stay for `extra`.
fn take_first(
    fields: &mut Map<String, Value>,
    keys: &[&str],
    brief_key: &str,
    out: &mut Converted,
) -> Option<Value> {
    let key = keys.iter().find(|key| fields.contains_key(**key))?;
    if *key != brief_key {
        out.changes.push(format!("{key} → {brief_key}"));
    }
    fields.remove(*key)
}

/// Zola's `[taxonomies]`: its tags and categories become tags; other taxonomies stay.
fn taxonomies(fields: &mut Map<String, Value>, out: &mut Converted) -> Vec<String> {
    let Some(Value::Object(mut taxonomies)) = fields.remove("taxonomies") else {
        return Vec::new();
    };
    let mut tags = Vec::new();
    for key in ["tags", "categories"] {
        if let Some(value) = taxonomies.remove(key) {
            out.changes.push(format!("taxonomies.{key} → tags"));
            tags.extend(list_of(value));
        }
    }
    if !taxonomies.is_empty() {
        fields.insert("taxonomies".into(), Value::Object(taxonomies));
    }
    tags
}

fn text_of(value: Value) -> String {
    match value {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A list of strings from a list or a single value.
fn list_of(value: Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.into_iter().map(text_of).collect(),
        Value::Null => Vec::new(),
        single => vec![text_of(single)],
    }
}

fn strings(items: Vec<String>) -> Value {
    Value::Array(items.into_iter().map(Value::String).collect())
}
