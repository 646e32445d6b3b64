//! Splitting a file into YAML front matter and Markdown body.

/// A file split at its front matter fences. Offsets are byte offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences (empty when the file has none).
    pub yaml: &'a str,
    /// Byte offset of the YAML within the file.
    pub yaml_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
    pub has_front_matter: bool,
}

/// Splits `---\n yaml \n---\n body`. A BOM is skipped, CRLF line ends accepted, and a
/// `---` inside the body (a thematic break) is left alone because only the first closing
/// fence counts.
pub fn split(text: &str) -> Split<'_> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let no_front_matter = Split {
        yaml: "",
        yaml_offset: start,
        body: rest,
        body_offset: start,
        has_front_matter: false,
    };
    let Some(after_open) = strip_fence_line(rest) else {
        return no_front_matter;
    };
    let yaml_offset = start + (rest.len() - after_open.len());
    let mut line_start = 0;
    while line_start <= after_open.len() {
        let line_end = after_open[line_start..]
            .find('\n')
            .map_or(after_open.len(), |i| line_start + i);
        let line = after_open[line_start..line_end].trim_end_matches('\r');
        if line == "---" || line == "..." {
            let body_start = (line_end + 1).min(after_open.len());
            return Split {
                yaml: &after_open[..line_start],
                yaml_offset,
                body: &after_open[body_start..],
                body_offset: yaml_offset + body_start,
                has_front_matter: true,
            };
        }
        line_start = line_end + 1;
    }
    no_front_matter
}

/// The text after an opening `---` line, if `text` starts with one.
fn strip_fence_line(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
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
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.yaml_offset, 4);
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn skips_bom() {
        let s = split("\u{feff}---\ntitle: A\n---\nBody");
        assert!(s.has_front_matter);
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn accepts_crlf() {
        let text = "---\r\ntitle: A\r\n---\r\nBody\r\n";
        let s = split(text);
        assert!(s.has_front_matter);
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(&text[s.body_offset..], "Body\r\n");
    }

    #[test]
    fn thematic_break_in_body_stays_in_body() {
        let s = split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n");
        assert_eq!(s.yaml, "title: A\n");
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
    fn empty_front_matter() {
        let s = split("---\n---\nBody");
        assert!(s.has_front_matter);
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "Body");
    }
}
