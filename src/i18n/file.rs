//! Reading a table: a YAML mapping of keys to a text, plural forms (`one`, `other`,
//! optionally `zero`) or a list. A site's table is checked against the English one, and
//! every problem is reported at its line.

use std::collections::BTreeSet;
use std::path::Path;

use serde_yaml::Value;

use super::text::{Piece, pieces};
use super::{Forms, Label, Table};
use crate::diag::{Diagnostic, yaml_error};

/// The table in `text`, and its problems. With a `reference` (the English table) every key
/// must be one of its keys, with the same shape, the same number of list items, and only
/// the placeholders it uses.
pub(super) fn parse(
    path: &Path,
    text: &str,
    reference: Option<&Table>,
) -> (Table, Vec<Diagnostic>) {
    let mut table = Table::new();
    let mut problems = Vec::new();
    if text.trim().is_empty() {
        return (table, problems);
    }
    let mapping: serde_yaml::Mapping = match serde_yaml::from_str(text) {
        Ok(mapping) => mapping,
        Err(e) => return (table, vec![yaml_error(path, text, 0, &e)]),
    };
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            let error =
                Diagnostic::error(path, "every key must be a word, such as `latest_briefing`");
            problems.push(error.at(text, 1, 1));
            continue;
        };
        let at =
            |message: String| Diagnostic::error(path, message).at(text, line_of(text, &key), 1);
        let label = match label_of(value) {
            Ok(label) => label,
            Err(message) => {
                problems.push(at(format!("`{key}`: {message}")));
                continue;
            }
        };
        let mut label = label;
        if let Some(reference) = reference {
            let Some(expected) = reference.get(&key) else {
                problems.push(at(unknown_key(&key, reference)));
                continue;
            };
            if let Err(message) = matches(&label, expected) {
                problems.push(at(format!("`{key}`: {message}")));
                continue;
            }
            // One text for a count label: the same words whatever the count.
            if let (Label::Text(text), Label::Forms(_)) = (&label, expected) {
                label = Label::Forms(Forms {
                    zero: None,
                    one: text.clone(),
                    other: text.clone(),
                });
            }
        }
        table.insert(key, label);
    }
    (table, problems)
}

fn label_of(value: Value) -> Result<Label, String> {
    match value {
        Value::String(text) => Ok(Label::Text(text)),
        Value::Number(n) => Ok(Label::Text(n.to_string())),
        Value::Bool(b) => Ok(Label::Text(b.to_string())),
        Value::Sequence(items) => items
            .into_iter()
            .map(|item| scalar(item).ok_or_else(|| "a list holds only words".to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map(Label::List),
        Value::Mapping(forms) => {
            let mut zero = None;
            let mut one = None;
            let mut other = None;
            for (name, form) in forms {
                let form = scalar(form).ok_or("each plural form is a text")?;
                match name.as_str() {
                    Some("zero") => zero = Some(form),
                    Some("one") => one = Some(form),
                    Some("other") => other = Some(form),
                    _ => {
                        return Err(format!(
                            "plural forms are `zero`, `one` and `other`, not `{}`",
                            scalar(name).unwrap_or_default()
                        ));
                    }
                }
            }
            let other = other.ok_or("plural forms need at least `other`")?;
            Ok(Label::Forms(Forms {
                zero,
                one: one.unwrap_or_else(|| other.clone()),
                other,
            }))
        }
        Value::Null => Err("has no value".into()),
        Value::Tagged(tagged) => label_of(tagged.value),
    }
}

fn scalar(value: Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Whether `label` may stand for the English `expected`.
fn matches(label: &Label, expected: &Label) -> Result<(), String> {
    match (label, expected) {
        (Label::List(items), Label::List(wanted)) if items.len() != wanted.len() => Err(format!(
            "a list of {} names is expected, as in the English table, not {}",
            wanted.len(),
            items.len()
        )),
        (Label::List(_), Label::List(_)) => Ok(()),
        (Label::List(_), _) | (_, Label::List(_)) => Err(format!(
            "a {} is expected here, not a {}",
            shape(expected),
            shape(label)
        )),
        (Label::Forms(_), Label::Text(_)) => {
            Err("a text is expected here, not plural forms".into())
        }
        _ => {
            let allowed = slots(expected);
            let unknown: Vec<String> = slots(label)
                .into_iter()
                .filter(|s| !allowed.contains(s))
                .map(|s| format!("{{{s}}}"))
                .collect();
            if unknown.is_empty() {
                return Ok(());
            }
            let allowed: Vec<String> = allowed.iter().map(|s| format!("{{{s}}}")).collect();
            Err(format!(
                "{} is not a value this label has (it has {})",
                unknown.join(", "),
                if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed.join(", ")
                }
            ))
        }
    }
}

fn shape(label: &Label) -> &'static str {
    match label {
        Label::Text(_) => "text",
        Label::Forms(_) => "set of plural forms",
        Label::List(_) => "list",
    }
}

/// The placeholders a label uses, in any of its forms.
fn slots(label: &Label) -> BTreeSet<&str> {
    let texts: Vec<&str> = match label {
        Label::Text(text) => vec![text],
        Label::Forms(forms) => [forms.zero.as_deref(), Some(&forms.one), Some(&forms.other)]
            .into_iter()
            .flatten()
            .collect(),
        Label::List(_) => Vec::new(),
    };
    texts
        .into_iter()
        .flat_map(pieces)
        .filter_map(|piece| match piece {
            Piece::Slot(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

fn unknown_key(key: &str, reference: &Table) -> String {
    let closest = reference
        .keys()
        .map(|k| (strsim::jaro_winkler(key, k), k))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((_, k)) => format!("unknown label `{key}`; did you mean `{k}`?"),
        None => format!("unknown label `{key}` (docs/templates.md lists the labels)"),
    }
}

/// The line a top-level key is written on, for positions: the first line that starts
/// with it.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start_matches(['"', '\'']);
            line.starts_with(key)
                && line[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':')
        })
        .map_or(1, |i| i + 1)
}
