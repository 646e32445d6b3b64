//! The sanitiser raw HTML in Markdown goes through (unless `markdown.allow_html`), and
//! what it removes, so a writer hears that an `<iframe>` will not be on the page.

use std::collections::BTreeSet;

/// Removes scripts, event handlers and `javascript:` URLs, keeping Brief's own markup.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["class", "id", "data-lang"])
        .link_rel(None)
        .clean(html)
        .to_string()
}

/// What sanitising `fragment` removes, in words: `<iframe>`, `the onclick attribute of
/// <a>`. Compares the opening tags and their attribute names before and after.
pub fn removed_by_sanitiser(fragment: &str) -> Vec<String> {
    if !fragment.contains('<') {
        return Vec::new();
    }
    let before = opening_tags(fragment);
    if before.is_empty() {
        return Vec::new();
    }
    let mut after = opening_tags(&sanitise(fragment));
    let mut removed = BTreeSet::new();
    for (name, attributes) in before {
        match after.iter().position(|(kept, _)| *kept == name) {
            Some(i) => {
                let (_, kept) = after.remove(i);
                for attribute in attributes.iter().filter(|a| !kept.contains(a)) {
                    removed.insert(format!("the {attribute} attribute of <{name}>"));
                }
            }
            None => {
                removed.insert(format!("<{name}>"));
            }
        }
    }
    removed.into_iter().collect()
}

/// The opening tags of `html` with their attribute names, lowercased, in order.
fn opening_tags(html: &str) -> Vec<(String, Vec<String>)> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        i += at + 1;
        let name_len = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[i].is_ascii_alphabetic() {
            continue;
        }
        let name = html[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        let mut attributes = Vec::new();
        while i < bytes.len() && bytes[i] != b'>' {
            match bytes[i] {
                // A quoted value never closed runs to the end of the text.
                b'"' | b'\'' => {
                    let quote = bytes[i];
                    i = memchr::memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |q| i + q + 2);
                }
                b if b.is_ascii_alphabetic() => {
                    let len = bytes[i..]
                        .iter()
                        .take_while(|b| !b" \t\r\n=/>".contains(b))
                        .count();
                    attributes.push(html[i..i + len].to_ascii_lowercase());
                    i += len;
                }
                _ => i += 1,
            }
        }
        tags.push((name, attributes));
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_removed_tags_and_attributes() {
        assert_eq!(
            removed_by_sanitiser("<iframe src=\"https://x.org\"></iframe>"),
            ["<iframe>"]
        );
        assert_eq!(
            removed_by_sanitiser("<a href=\"javascript:go()\" onclick='x()'>a</a>"),
            ["the href attribute of <a>", "the onclick attribute of <a>"]
        );
        assert!(removed_by_sanitiser("<em class=\"x\">fine</em> <!-- more -->").is_empty());
        assert!(removed_by_sanitiser("</div>").is_empty());
        assert!(removed_by_sanitiser("a < b, <3").is_empty());
        // A quoted value never closed runs to the end, as in a browser: the tag is
        // unfinished and dropped.
        assert_eq!(removed_by_sanitiser("<i title='x"), ["<i>"]);
        assert_eq!(removed_by_sanitiser("<a onclick=\"x <b>"), ["<a>"]);
    }
}
