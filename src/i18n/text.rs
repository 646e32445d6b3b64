//! Placeholders and plural forms: the little grammar of a label, shared by the Rust side,
//! the templates' `fill` filter and the checks of a site's table.

/// A part of a label: text as written, or a `{name}` slot for a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// The pieces of `label`. Only `{` + letters, digits or `_` + `}` is a slot; any other
/// brace is text, so a label may show braces.
pub fn pieces(label: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = label;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut search = 0;
        while let Some(open) = rest[search..].find('{').map(|i| i + search) {
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if name_len > 0 && after[name_len..].starts_with('}') {
                if open > 0 {
                    let text = &rest[..open];
                    rest = &rest[open..];
                    return Some(Piece::Text(text));
                }
                let name = &after[..name_len];
                rest = &after[name_len + 1..];
                return Some(Piece::Slot(name));
            }
            search = open + 1;
        }
        let text = rest;
        rest = "";
        Some(Piece::Text(text))
    })
}

/// `label` with each slot replaced by its value; a slot without one stays as written.
pub fn fill<'v>(label: &str, mut value: impl FnMut(&str) -> Option<&'v str>) -> String {
    let mut out = String::with_capacity(label.len() + 16);
    for piece in pieces(label) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Slot(name) => match value(name) {
                Some(v) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// Which form of a label a count takes: `zero` (where a table has one) for 0, `one` for
/// 1, else `other`. Languages with more forms show `other` for all of them.
pub fn plural_key(n: i64, has_zero: bool) -> &'static str {
    match n.unsigned_abs() {
        0 if has_zero => "zero",
        1 => "one",
        _ => "other",
    }
}
