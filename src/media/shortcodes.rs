//! Shortcodes: a paragraph that is only `{{ name(key="value", n=3) }}` renders the
//! template `shortcodes/name.html` with the arguments as its variables. The built-in
//! ones (YouTube, Vimeo, a figure, a chart) are templates like any other, so a site adds
//! or replaces one by putting a file in its own `templates/shortcodes/`.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};
use serde_json::Value;
use tera::Tera;

/// Where shortcode templates live among the templates.
const FOLDER: &str = "shortcodes/";

/// A call as written: the shortcode's name and its arguments' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call<'a> {
    pub name: &'a str,
    pub args: &'a str,
}

/// The call a paragraph's text makes, if it is one: `{{ name( … ) }}` and nothing else.
pub fn call_in(paragraph: &str) -> Option<Call<'_>> {
    let inner = paragraph
        .trim()
        .strip_prefix("{{")?
        .strip_suffix("}}")?
        .trim();
    let (name, rest) = inner.split_once('(')?;
    let name = name.trim();
    let is_name = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let args = rest.trim_end().strip_suffix(')')?;
    is_name.then_some(Call { name, args })
}

/// Markdown events with each shortcode paragraph left out, for reading an article's text:
/// a call's arguments are not prose (nor its summary or its words).
pub fn without_calls<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    body: &str,
) -> impl Iterator<Item = (Event<'a>, Range<usize>)> {
    let mut inside = false;
    events.filter(move |(event, range)| {
        if inside {
            inside = !matches!(event, Event::End(TagEnd::Paragraph));
            return false;
        }
        inside = matches!(event, Event::Start(Tag::Paragraph))
            && body.get(range.clone()).and_then(call_in).is_some();
        !inside
    })
}

/// `key="text", n=3, flag=true` as (key, value) pairs, in order.
pub fn parse_args(text: &str) -> Result<Vec<(String, Value)>, String> {
    let mut args: Vec<(String, Value)> = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        if key.is_empty() || key.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(format!(
                "expected an argument name at `{}`",
                rest.chars().take(12).collect::<String>()
            ));
        }
        rest = rest[key_end..].trim_start();
        rest = rest
            .strip_prefix('=')
            .ok_or_else(|| format!("argument `{key}` needs a value: {key}=\"…\""))?
            .trim_start();
        let (value, after) = value(rest).map_err(|e| format!("argument `{key}`: {e}"))?;
        if args.iter().any(|(k, _)| k == key) {
            return Err(format!("argument `{key}` is given twice"));
        }
        args.push((key.to_string(), value));
        rest = after.trim_start();
        match rest.strip_prefix(',') {
            Some(after_comma) => rest = after_comma.trim_start(),
            None if rest.is_empty() => {}
            None => return Err(format!("expected `,` before `{rest}`")),
        }
    }
    Ok(args)
}

/// One value at the start of `text`, and what follows it.
fn value(text: &str) -> Result<(Value, &str), String> {
    if let Some(quote) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let mut out = String::new();
        let mut chars = text[1..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, escaped)) => out.push(escaped),
                    None => break,
                },
                c if c == quote => return Ok((Value::String(out), &text[1 + i + 1..])),
                c => out.push(c),
            }
        }
        return Err(format!("the text has no closing {quote}"));
    }
    let end = text
        .find(|c: char| c == ',' || c.is_whitespace())
        .unwrap_or(text.len());
    let word = &text[..end];
    let value = match word {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => match (word.parse::<i64>(), word.parse::<f64>()) {
            (Ok(n), _) => Value::from(n),
            (_, Ok(x)) if x.is_finite() => Value::from(x),
            _ => {
                return Err(format!(
                    "`{word}` is not a quoted text, a number, true or false"
                ));
            }
        },
    };
    Ok((value, &text[end..]))
}

/// Renders a call with its arguments, plus `extra` variables the build adds (`image`
/// for a `src` argument). An unknown shortcode, or an argument its template never uses,
/// is an error that names what there is.
pub fn render(
    tera: &Tera,
    call: &Call<'_>,
    args: &[(String, Value)],
    extra: &[(&'static str, Value)],
) -> Result<String, String> {
    let template = format!("{FOLDER}{}.html", call.name);
    if !tera.get_template_names().any(|n| n == template) {
        return Err(format!(
            "unknown shortcode `{}`; there are: {}",
            call.name,
            available(tera).join(", ")
        ));
    }
    if let Ok(used) = tera.get_template_variables(&template)
        && let Some((key, _)) = args.iter().find(|(k, _)| !used.contains(k.as_str()))
    {
        let mut known: Vec<&str> = used.into_iter().collect();
        known.sort_unstable();
        return Err(format!(
            "shortcode `{}` takes no argument `{key}`; it reads: {}",
            call.name,
            known.join(", ")
        ));
    }
    let mut context = tera::Context::new();
    for (key, value) in args {
        context.insert(key.clone(), value);
    }
    for (key, value) in extra {
        context.insert(*key, value);
    }
    tera.render(&template, &context)
        .map(|html| html.trim().to_string())
        .map_err(|e| {
            format!(
                "shortcode `{}`: {}",
                call.name,
                crate::render::theme::error_chain(&e)
            )
        })
}

/// The names of every shortcode the templates define, sorted.
fn available(tera: &Tera) -> Vec<&str> {
    let mut names: Vec<&str> = tera
        .get_template_names()
        .filter_map(|n| n.strip_prefix(FOLDER)?.strip_suffix(".html"))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_is_a_call_only_when_it_is_nothing_else() {
        assert_eq!(
            call_in("{{ youtube(id=\"abc\") }}"),
            Some(Call {
                name: "youtube",
                args: "id=\"abc\""
            })
        );
        assert_eq!(call_in("{{ figure() }}\n").map(|c| c.name), Some("figure"));
        assert_eq!(call_in("See {{ youtube(id=\"abc\") }}"), None);
        assert_eq!(call_in("{{ not a call }}"), None);
        assert_eq!(call_in("{{ 3x() }}"), None);
    }

    #[test]
    fn arguments_are_texts_numbers_and_flags() {
        let args = parse_args(r#"id="a\"b", n=3, x=1.5, on=true, q='it''s'"#);
        assert!(args.is_err(), "{args:?}");
        let args = parse_args(r#"id="a\"b", n=3, x=1.5, on=true, q='single'"#).unwrap();
        assert_eq!(args[0], ("id".into(), Value::from("a\"b")));
        assert_eq!(args[1], ("n".into(), Value::from(3)));
        assert_eq!(args[2], ("x".into(), Value::from(1.5)));
        assert_eq!(args[3], ("on".into(), Value::Bool(true)));
        assert_eq!(args[4], ("q".into(), Value::from("single")));
        assert!(parse_args("").unwrap().is_empty());
        for bad in [
            "id",
            "id=",
            "id=abc",
            "id=\"x",
            "id=\"x\" n=3",
            "id=1, id=2",
        ] {
            assert!(parse_args(bad).is_err(), "{bad}");
        }
    }
}
