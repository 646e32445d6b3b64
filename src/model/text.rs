//! The text transforms every stage shares: one slug rule for every generated path, one
//! HTML escape for every hand-written fragment of markup (and its inverse).

/// Longest slug in bytes. File systems refuse names over 255 bytes, and a page's path
/// segment also becomes part of temporary names; 80 keeps URLs readable too.
pub const MAX_SLUG_BYTES: usize = 80;

/// Turns a name into a URL path segment: lowercase ASCII words joined by `-`
/// (`Sánchez Ruiz` -> `sanchez-ruiz`); `untitled` when nothing is left. A slug over
/// `MAX_SLUG_BYTES` is cut at a word boundary and given a short hash of the whole slug, so
/// two long names that share a beginning stay distinct.
pub fn slugify(name: &str) -> String {
    bounded(slug::slugify(name))
}

/// `slugify`, or `None` when nothing of `name` is left to make a slug of.
pub fn try_slugify(name: &str) -> Option<String> {
    let slug = slug::slugify(name);
    (!slug.is_empty()).then(|| bounded(slug))
}

fn bounded(slug: String) -> String {
    if slug.is_empty() {
        return "untitled".into();
    }
    if slug.len() <= MAX_SLUG_BYTES {
        return slug;
    }
    let hash = format!("{:08x}", xxhash_rust::xxh3::xxh3_64(slug.as_bytes()) as u32);
    // Room for `-` and the hash; slugs are ASCII, so any byte index is a char boundary.
    let room = MAX_SLUG_BYTES - hash.len() - 1;
    let cut = slug[..=room].rfind('-').filter(|&i| i > 0).unwrap_or(room);
    format!("{}-{hash}", slug[..cut].trim_end_matches('-'))
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Whether XML 1.0 can carry `c`: not NUL, the C0 controls other than tab, line feed and
/// carriage return, or the noncharacters U+FFFE and U+FFFF. (Surrogates cannot occur in a
/// Rust string.)
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML cannot carry: a feed or sitemap holding one is not
/// XML at all, and readers reject it whole.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// The text of an HTML attribute value as a browser reads it (`&amp;` -> `&`): the
/// inverse of `escape_html`. A value with a stray `&`, which HTML allows, is returned as
/// written.
pub fn attribute_text(raw: &str) -> String {
    quick_xml::escape::unescape_with(raw, quick_xml::escape::resolve_html5_entity)
        .map_or_else(|_| raw.to_string(), |text| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_never_empty() {
        assert_eq!(slugify("Sánchez Ruiz"), "sanchez-ruiz");
        assert_eq!(slugify("U.S. Senate"), "u-s-senate");
        assert_eq!(slugify("!!!"), "untitled");
        assert_eq!(try_slugify("!!!"), None);
    }

    #[test]
    fn long_slugs_are_cut_at_a_word_and_stay_distinct() {
        let long = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike";
        let a = slugify(&format!("{long} November"));
        let b = slugify(&format!("{long} Oscar"));
        assert!(a.len() <= MAX_SLUG_BYTES, "{a}");
        assert_ne!(a, b);
        let (words, hash) = a.rsplit_once('-').unwrap();
        assert_eq!(hash.len(), 8);
        // Cut between two words of the full slug, not inside one.
        assert!(slug::slugify(long).starts_with(&format!("{words}-")), "{a}");
        let unbroken = slugify(&"x".repeat(300));
        assert_eq!(unbroken.len(), MAX_SLUG_BYTES);
    }

    #[test]
    fn attribute_values_are_decoded() {
        assert_eq!(
            attribute_text("/a/?x=1&amp;y=&quot;2&quot;"),
            "/a/?x=1&y=\"2\""
        );
        assert_eq!(attribute_text("/caf&eacute;/"), "/café/");
        assert_eq!(attribute_text("/a?b&c"), "/a?b&c");
    }

    #[test]
    fn xml_safe_drops_only_what_xml_cannot_carry() {
        let text = "a\u{0}b\u{b}c\u{c}d\u{1b}e\u{fffe}f\u{ffff}g\th\ni\r\u{e9}\u{1f600}";
        assert_eq!(xml_safe(text), "abcdefg\th\ni\r\u{e9}\u{1f600}");
        assert!(matches!(xml_safe("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
