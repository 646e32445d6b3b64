//! Splitting a file into front matter and Markdown body. Front matter is YAML between
//! `---` fences or, as other generators write it, TOML between `+++` fences.

/// The language of a front matter, told by its fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// A file split at its front matter fences. Offsets are byte offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front matter between the fences (empty when the file has none).
    pub front: &'a str,
    /// Byte offset of the front matter within the file.
    pub front_offset: usize,
    pub format: Format,
    pub body: &'a str,
    pub body_offset: usize,
    pub has_front_matter: bool,
}

/// Splits `---\n yaml \n---\n body` (or `+++\n toml \n+++\n body`). A BOM is skipped, CRLF
/// line ends accepted, and a `---` inside the body (a thematic break) is left alone because
/// only the first closing fence counts.
pub fn split(text: &str) -> Split<'_> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let no_front_matter = Split {
        front: "",
        front_offset: start,
        format: Format::Yaml,
        body: rest,
        body_offset: start,
        has_front_matter: false,
    };
    let (format, after_open) = match (strip_fence_line(rest, "---"), strip_fence_line(rest, "+++"))
    {
        (Some(after), _) => (Format::Yaml, after),
        (None, Some(after)) => (Format::Toml, after),
        (None, None) => return no_front_matter,
    };
    let closes = |line: &str| match format {
        Format::Yaml => line == "---" || line == "...",
        Format::Toml => line == "+++",
    };
    let front_offset = start + (rest.len() - after_open.len());
    let mut line_start = 0;
    while line_start <= after_open.len() {
        let line_end = after_open[line_start..]
            .find('\n')
            .map_or(after_open.len(), |i| line_start + i);
        let line = after_open[line_start..line_end].trim_end_matches('\r');
        if closes(line) {
            let body_start = (line_end + 1).min(after_open.len());
            return Split {
                front: &after_open[..line_start],
                front_offset,
                format,
                body: &after_open[body_start..],
                body_offset: front_offset + body_start,
                has_front_matter: true,
            };
        }
        line_start = line_end + 1;
    }
    no_front_matter
}

/// The text after an opening `fence` line, if `text` starts with one.
fn strip_fence_line<'t>(text: &'t str, fence: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(fence)?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_simple_front_matter() {
        let s = split("---\ntitle: A\n---\nBody\n");
        assert!(s.has_front_matter);
        assert_eq!(s.front, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.front_offset, 4);
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn skips_bom() {
        let s = split("\u{feff}---\ntitle: A\n---\nBody");
        assert!(s.has_front_matter);
        assert_eq!(s.front, "title: A\n");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn accepts_crlf() {
        let text = "---\r\ntitle: A\r\n---\r\nBody\r\n";
        let s = split(text);
        assert!(s.has_front_matter);
        assert_eq!(s.front, "title: A\r\n");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(&text[s.body_offset..], "Body\r\n");
    }

    #[test]
    fn thematic_break_in_body_stays_in_body() {
        let s = split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n");
        assert_eq!(s.front, "title: A\n");
        assert_eq!(s.body, "One\n\n---\n\nTwo\n");
    }

    #[test]
    fn no_front_matter() {
        let s = split("# Just Markdown\n");
        assert!(!s.has_front_matter);
        assert_eq!(s.body, "# Just Markdown\n");
        let unclosed = split("---\ntitle: A\nno end");
        assert!(!unclosed.has_front_matter);
    }

    #[test]
    fn toml_between_plus_fences() {
        let s = split("+++\ntitle = \"A\"\n+++\nOne\n\n---\n");
        assert!(s.has_front_matter);
        assert_eq!(s.format, Format::Toml);
        assert_eq!(s.front, "title = \"A\"\n");
        assert_eq!(s.body, "One\n\n---\n");
        assert!(!split("+++\ntitle = 1\n---\nBody").has_front_matter);
    }

    #[test]
    fn empty_front_matter() {
        let s = split("---\n---\nBody");
        assert!(s.has_front_matter);
        assert_eq!(s.front, "");
        assert_eq!(s.body, "Body");
    }
}
