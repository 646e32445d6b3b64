//! TOML front matter (between `+++` fences, as Hugo and Zola write it), read into the same
//! typed values as YAML and with the same care: every unknown and missing key reported in
//! one run, each at its line.

use super::frontmatter::Split;
use super::parse::{MAX_ROUNDS, quoted_after, stand_in};
use super::*;

pub(super) fn read_toml_front<T: DeserializeOwned + Default>(
    path: &Path,
    text: &str,
    split: &Split<'_>,
) -> (Option<T>, Vec<Diagnostic>) {
    let table: toml::Table = match toml::from_str(split.front) {
        Ok(table) => table,
        Err(error) => {
            let offset = split.front_offset + error.span().map_or(0, |span| span.start);
            let message = format!("invalid TOML front matter: {}", error.message().trim());
            return (
                None,
                vec![Diagnostic::error(path, message).at_offset(text, offset)],
            );
        }
    };
    let mut fields: serde_json::Map<String, serde_json::Value> = table
        .into_iter()
        .map(|(key, value)| (key, json_of(value)))
        .collect();
    let mut problems = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let error = match serde_json::from_value::<T>(serde_json::Value::Object(fields.clone())) {
            Ok(front) => return (Some(front), problems),
            Err(error) => error.to_string(),
        };
        if let Some(key) = quoted_after(&error, "unknown field `") {
            let at = table_key_offset(split, key);
            problems
                .push(Diagnostic::error(path, crate::diag::described(&error)).at_offset(text, at));
            if fields.remove(key).is_none() {
                return (None, problems);
            }
        } else if let Some(key) = quoted_after(&error, "missing field `") {
            problems.push(
                Diagnostic::error(path, format!("`{key} =` is missing from the front matter"))
                    .at_offset(text, split.front_offset),
            );
            let Some(value) = stand_in(key) else {
                return (None, problems);
            };
            let value = serde_json::Value::String(value.trim_matches('"').to_string());
            fields.insert(key.to_string(), value);
        } else {
            problems.push(
                Diagnostic::error(path, crate::diag::described(&error))
                    .at_offset(text, split.front_offset),
            );
            return (None, problems);
        }
    }
    (None, problems)
}

/// Where `key` is set: its `key = ` line or its `[key]` table header.
fn table_key_offset(split: &Split<'_>, key: &str) -> usize {
    let mut offset = split.front_offset;
    for line in split.front.split_inclusive('\n') {
        let header = line.trim_start_matches('[');
        let sets = |rest: &str| rest.trim_start().starts_with(['=', ']', '.']);
        if line.strip_prefix(key).is_some_and(sets) || header.strip_prefix(key).is_some_and(sets) {
            return offset;
        }
        offset += line.len();
    }
    split.front_offset
}

/// A TOML value as the values YAML gives: dates and times become their text, as they were
/// written, for the date parser to read.
pub fn json_of(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map_or_else(|| Json::String(f.to_string()), Json::Number),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(json_of).collect()),
        toml::Value::Table(table) => Json::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, json_of(value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<FrontMatter>, Vec<Diagnostic>) {
        read_toml_front(Path::new("a.md"), text, &frontmatter::split(text))
    }

    #[test]
    fn toml_front_matter_reads_like_yaml() {
        let text = "+++\ntitle = \"Vote\"\ndate = 2013-12-21T02:00:00-08:00\ntags = [\"a\", \"b\"]\n[extra]\nmood = 3\n+++\nBody\n";
        let (front, problems) = read(text);
        assert!(problems.is_empty(), "{problems:?}");
        let front = front.unwrap();
        assert_eq!(front.date, "2013-12-21T02:00:00-08:00");
        assert_eq!(front.tags, ["a", "b"]);
        assert_eq!(front.extra["mood"], 3);
    }

    #[test]
    fn every_unknown_key_and_syntax_error_is_at_its_line() {
        let text =
            "+++\ntitle = \"Vote\"\ndate = 2013-12-21\ndescription = \"x\"\n[params]\na = 1\n+++\n";
        let (_, problems) = read(text);
        let lines: Vec<usize> = problems.iter().map(|d| d.line).collect();
        assert_eq!(lines, [4, 5], "{problems:?}");
        assert!(problems[0].message.contains("did you mean `summary`"));
        let (_, problems) = read("+++\ntitle = \"Vote\"\ndate = = 3\n+++\n");
        assert_eq!(problems[0].line, 3, "{problems:?}");
        assert!(problems[0].message.contains("TOML"));
    }
}
