//! Parsing each kind of content file, every problem a positioned diagnostic; and the
//! problems between files (a slug or a name used twice).

use super::*;

/// Rounds of reading one front matter again past a problem: more than any file has keys.
pub(super) const MAX_ROUNDS: usize = 64;

/// Parses front matter of type `T`, pointing errors at the right line of the file. Every
/// unknown key and every missing required key is reported in one run: the front matter is
/// read again without each unknown key (its lines blanked, so later positions hold) and
/// with a stand-in for each missing one, until it parses or meets another kind of error.
pub fn parse_front<T: DeserializeOwned + Default>(
    path: &Path,
    text: &str,
    split: &frontmatter::Split<'_>,
) -> Result<T, Vec<Diagnostic>> {
    match read_front(path, text, split) {
        (Some(front), problems) if problems.is_empty() => Ok(front),
        (_, problems) => Err(problems),
    }
}

/// `parse_front`, also giving back the front matter as read past its unknown and missing
/// keys, so the checks of its values can report their problems in the same run.
pub(super) fn read_front<T: DeserializeOwned + Default>(
    path: &Path,
    text: &str,
    split: &frontmatter::Split<'_>,
) -> (Option<T>, Vec<Diagnostic>) {
    if split.format == frontmatter::Format::Toml {
        return super::toml_front::read_toml_front(path, text, split);
    }
    // An empty mapping still reports missing required keys.
    let mut yaml = match split.front.trim().is_empty() {
        true => "{}\n".to_string(),
        false => split.front.to_string(),
    };
    let mut problems = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let error = match serde_yaml::from_str::<T>(&yaml) {
            Ok(front) => return (Some(front), problems),
            Err(error) => error,
        };
        let message = error.to_string();
        if let Some(key) = quoted_after(&message, "unknown field `") {
            problems.push(yaml_error(path, text, split.front_offset, &error));
            match without_key(&yaml, key) {
                Some(cleaned) => yaml = cleaned,
                None => return (None, problems),
            }
        } else if let Some(key) = quoted_after(&message, "missing field `") {
            let line = crate::diag::line_col(text, split.front_offset).0;
            problems.push(
                Diagnostic::error(path, format!("`{key}:` is missing from the front matter"))
                    .at(text, line, 1),
            );
            match stand_in(key) {
                Some(value) => yaml = format!("{}\n{key}: {value}\n", yaml.trim_end()),
                None => return (None, problems),
            }
        } else {
            problems.push(yaml_error(path, text, split.front_offset, &error));
            return (None, problems);
        }
    }
    (None, problems)
}

/// The name in backquotes after `prefix` in a serde message.
pub(super) fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split_once('`').map(|(name, _)| name)
}

/// `yaml` with the top-level key `key` and its indented lines blanked: every byte of them
/// but the line ends made a space.
fn without_key(yaml: &str, key: &str) -> Option<String> {
    let mut out = String::with_capacity(yaml.len());
    let mut found = false;
    let mut inside = false;
    for line in yaml.split_inclusive('\n') {
        let starts_key = line
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'));
        let continues = inside && (line.starts_with([' ', '\t', '-']) || line.trim().is_empty());
        if (starts_key && !found) || continues {
            found |= starts_key;
            inside = true;
            // Spaces, byte for byte, so the positions of later errors stay true.
            let (body, end) = line.split_at(line.trim_end_matches(['\n', '\r']).len());
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(end);
        } else {
            inside = false;
            out.push_str(line);
        }
    }
    found.then_some(out)
}

/// A value that lets the rest of the front matter be checked once a required key is found
/// missing (and reported): never used, since the file has an error.
pub(super) fn stand_in(key: &str) -> Option<&'static str> {
    match key {
        "title" | "name" => Some("\"missing\""),
        "date" => Some("2000-01-01"),
        _ => None,
    }
}

/// Byte offset of the value of `key` (`key: value` in YAML, `key = value` in TOML) at the
/// start of a front matter line, for pointing at a value.
pub(super) fn key_offset(text: &str, split: &frontmatter::Split<'_>, key: &str) -> usize {
    let mut offset = split.front_offset;
    for line in split.front.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key) {
            let after = rest.trim_start_matches([' ', '\t']);
            if let Some(value) = after.strip_prefix([':', '=']) {
                return offset + line.len() - value.trim_start().len();
            }
        }
        offset += line.len();
    }
    split.front_offset.min(text.len())
}

/// The slug a file's name gives; `index.md` and `_index.md` in a folder of their own (a
/// page bundle, as other generators lay them out) take the folder's name.
pub(super) fn slug_from_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let bundle = path
        .parent()
        .filter(|folder| folder.components().count() > 2)
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy());
    match (stem.as_ref(), bundle) {
        ("index" | "_index", Some(folder)) => slugify(folder.as_ref()),
        _ => slugify(stem.as_ref()),
    }
}

/// Normalises a `slug:` value; a slug that would leave its output folder is an error.
pub fn normalise_slug(raw: &str) -> Result<String, String> {
    let path = Path::new(raw.trim());
    let escapes = path.is_absolute()
        || raw.trim().starts_with(['/', '\\'])
        || path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        });
    if escapes {
        return Err(format!(
            "slug `{raw}` would leave the output folder; use letters, digits and hyphens"
        ));
    }
    let slug = raw
        .split('/')
        .filter_map(try_slugify)
        .collect::<Vec<_>>()
        .join("/");
    if slug.is_empty() {
        return Err(format!(
            "slug `{raw}` is empty once normalised; use letters, digits and hyphens"
        ));
    }
    Ok(slug)
}

/// Normalises an old address (`/2024/09/old-slug/`, `old.html`) to a path below the
/// site's base: a folder ends with `/`, a file keeps its extension. One that would leave
/// the output folder or names another site is an error.
pub fn normalise_alias(raw: &str) -> Result<String, String> {
    let trimmed = raw.trim();
    let path = trimmed.trim_start_matches('/');
    let unsafe_part = path.split('/').any(|part| part == ".." || part == ".");
    if trimmed.contains("://")
        || trimmed.starts_with("//")
        || unsafe_part
        || path.contains(['?', '#', '\\'])
    {
        return Err(format!(
            "alias `{raw}` must be a path on this site, such as /2024/09/old-slug/"
        ));
    }
    if path.is_empty() {
        return Err(format!(
            "alias `{raw}` is the front page; give the old address"
        ));
    }
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    Ok(match is_file || path.ends_with('/') {
        true => path.to_string(),
        false => format!("{path}/"),
    })
}

pub(super) fn parse_entity_file(path: &Path, text: &str) -> Result<EntityDef, Vec<Diagnostic>> {
    let split = frontmatter::split(text);
    if !split.has_front_matter {
        return Err(vec![
            Diagnostic::error(
                path,
                "entity file has no front matter: it needs `name:` and `kind:`",
            )
            .at(text, 1, 1),
        ]);
    }
    let record: EntityRecord = serde_yaml::from_str(if split.front.trim().is_empty() {
        "{}"
    } else {
        split.front
    })
    .map_err(|e| vec![yaml_error(path, text, split.front_offset, &e)])?;
    let line = crate::diag::line_col(text, split.front_offset).0;
    Ok(entity_from_record(
        record,
        split.body.to_string(),
        path,
        line,
    ))
}

pub(super) fn entity_from_record(
    record: EntityRecord,
    body: String,
    path: &Path,
    line: usize,
) -> EntityDef {
    EntityDef {
        name: record.name.trim().to_string(),
        kind: record.kind,
        aliases: record
            .aliases
            .iter()
            .map(|a| a.trim().to_string())
            .collect(),
        description: record.description,
        body,
        path: path.to_path_buf(),
        line,
    }
}

/// Entity records, and the names of `- ignore: [...]` items.
pub(super) type EntityList = (Vec<EntityDef>, Vec<String>);

pub(super) fn parse_entity_list(path: &Path, text: &str) -> Result<EntityList, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let records: Vec<serde_yaml::Value> =
        serde_yaml::from_str(text).map_err(|e| vec![yaml_error(path, text, 0, &e)])?;
    // Records are parsed one by one so each error names its own entry.
    let starts = list_item_lines(text);
    let mut entities = Vec::new();
    let mut ignored = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, value) in records.into_iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(1);
        if let Some(names) = value.get("ignore") {
            match serde_yaml::from_value::<Vec<String>>(names.clone()) {
                Ok(names) => ignored.extend(names.into_iter().map(|n| n.trim().to_string())),
                Err(e) => diagnostics
                    .push(Diagnostic::error(path, format!("ignore list: {e}")).at(text, line, 1)),
            }
            continue;
        }
        match serde_yaml::from_value::<EntityRecord>(value) {
            Ok(record) => entities.push(entity_from_record(record, String::new(), path, line)),
            // Read from its own lines, the entry's error names the key and points at it.
            Err(e) => {
                // An entry that uses an anchor of another cannot be read alone.
                let located = list_item(text, &starts, i)
                    .and_then(|(offset, item)| {
                        Some((offset, serde_yaml::from_str::<EntityRecord>(&item).err()?))
                    })
                    .filter(|(_, error)| !error.to_string().contains("unknown anchor"));
                diagnostics.push(match located {
                    Some((offset, error)) => yaml_error(path, text, offset, &error),
                    None => {
                        Diagnostic::error(path, format!("entity #{}: {e}", i + 1)).at(text, line, 1)
                    }
                });
            }
        }
    }
    if diagnostics.is_empty() {
        Ok((entities, ignored))
    } else {
        Err(diagnostics)
    }
}

/// The text of top-level list item `i` (`starts` from `list_item_lines`) as a mapping of its
/// own, its dash turned into a space so every position in it holds, and its byte offset.
fn list_item(text: &str, starts: &[usize], i: usize) -> Option<(usize, String)> {
    let line_offset = |line: usize| {
        text.split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum::<usize>()
    };
    let start = line_offset(*starts.get(i)?);
    let end = starts
        .get(i + 1)
        .map_or(text.len(), |&next| line_offset(next));
    let item = text.get(start..end)?.strip_prefix('-')?;
    Some((start, format!(" {item}")))
}

/// Lines (1-based) on which top-level list items start.
pub(super) fn list_item_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

pub(super) fn parse_page(
    path: &Path,
    text: &str,
    options: &LoadOptions,
) -> Result<Loaded, Vec<Diagnostic>> {
    let split = frontmatter::split(text);
    let front: PageFront = parse_front(path, text, &split)?;
    if front.draft && !options.drafts {
        return Ok(Loaded::Nothing);
    }
    let slug = match &front.slug {
        Some(raw) => normalise_slug(raw).map_err(|m| {
            vec![Diagnostic::error(path, m).at_offset(text, key_offset(text, &split, "slug"))]
        })?,
        None => slug_from_file_name(path),
    };
    Ok(Loaded::Page(Page {
        path: path.to_path_buf(),
        title: front.title,
        description: front.description,
        slug,
        text: text.to_string(),
        body_offset: split.body_offset,
        extra: front.extra,
    }))
}

pub(super) fn parse_briefing(path: &Path, text: &str) -> Result<BriefingNote, Vec<Diagnostic>> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let date = stem.parse::<jiff::civil::Date>().map_err(|_| {
        vec![Diagnostic::error(
            path,
            format!("briefing note `{stem}.md` must be named after its day, like 2024-09-26.md"),
        )]
    })?;
    let split = frontmatter::split(text);
    let front: BriefingFront = if split.has_front_matter {
        parse_front(path, text, &split)?
    } else {
        BriefingFront::default()
    };
    Ok(BriefingNote {
        path: path.to_path_buf(),
        date,
        title: front.title,
        body: split.body.to_string(),
    })
}

pub(super) fn duplicate_slugs(root: &Path, articles: &[Article]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for article in articles {
        if let Some(first) = seen.insert(&article.slug, &article.path) {
            diagnostics.push(
                Diagnostic::error(
                    &article.path,
                    format!(
                        "slug `{}` is already used by {}; set a different `slug:` in one of them",
                        article.slug,
                        first.display()
                    ),
                )
                .at(&article.text_for_message(root), 1, 1),
            );
            seen.insert(&article.slug, first);
        }
    }
    diagnostics
}

pub(super) fn duplicate_page_slugs(pages: &[Page]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for page in pages {
        if let Some(first) = seen.insert(&page.slug, &page.path) {
            diagnostics.push(Diagnostic::error(
                &page.path,
                format!(
                    "page slug `{}` is already used by {}",
                    page.slug,
                    first.display()
                ),
            ));
            seen.insert(&page.slug, first);
        }
    }
    diagnostics
}

pub(super) fn duplicate_entity_names(entities: &[EntityDef]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &EntityDef> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for entity in entities {
        let mut names: Vec<&str> = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            match seen.get(name) {
                Some(first) => diagnostics.push(Diagnostic {
                    line: entity.line,
                    column: 1,
                    ..Diagnostic::error(
                        &entity.path,
                        format!(
                            "entity name `{name}` is already defined by `{}` at {}:{}",
                            first.name,
                            first.path.display(),
                            first.line
                        ),
                    )
                }),
                None => {
                    seen.insert(name, entity);
                }
            }
        }
    }
    diagnostics
}
