//! Brief's own trusted HTML (resized images, shortcodes) is put into a body after the
//! author's raw HTML is sanitised (`model::sanitise`), in place of marks.

/// Marks where trusted HTML (an image with its sizes, a shortcode) goes once the author's
/// raw HTML is sanitised: private-use characters, which the sanitiser keeps as text.
pub(super) const TRUSTED_OPEN: char = '\u{E000}';
pub(super) const TRUSTED_CLOSE: char = '\u{E001}';

/// Keeps `html` aside and returns the mark that stands for it until sanitising is done.
pub(super) fn trust(trusted: &mut Vec<String>, html: String) -> String {
    trusted.push(html);
    format!("{TRUSTED_OPEN}{}{TRUSTED_CLOSE}", trusted.len() - 1)
}

/// `html` with each mark replaced by the HTML it stands for; text that only looks like a
/// mark stays as it is.
pub(super) fn insert_trusted(html: &str, trusted: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + trusted.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(open) = rest.find(TRUSTED_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + TRUSTED_OPEN.len_utf8()..];
        let replacement = after.split_once(TRUSTED_CLOSE).and_then(|(number, tail)| {
            let html = trusted.get(number.parse::<usize>().ok()?)?;
            Some((html, tail))
        });
        match replacement {
            Some((html, tail)) => {
                out.push_str(html);
                rest = tail;
            }
            None => {
                out.push(TRUSTED_OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_html_goes_in_after_sanitising_and_authors_cannot_forge_its_marks() {
        use crate::media::ArticleMedia;
        use crate::render::highlight::Highlighter;
        use crate::render::markdown::{Document, EntityLinker, render};
        let markdown = format!(
            "Text {TRUSTED_OPEN}0{TRUSTED_CLOSE} <script>x()</script>\n\n{{{{ video() }}}}\n"
        );
        let offset = markdown.find("{{").unwrap();
        let mut media = ArticleMedia::default();
        media.embeds.insert(
            offset,
            "<iframe title=\"v\" src=\"https://v.example/\"></iframe>".into(),
        );
        let linker = EntityLinker::none();
        let links = Default::default();
        let html = render(&Document {
            markdown: &markdown,
            headings: &[],
            links: &links,
            entities: &linker,
            base_path: "/",
            allow_html: false,
            highlighter: &Highlighter::default(),
            media: Some(&media),
        });
        assert_eq!(html.matches("<iframe").count(), 1, "{html}");
        assert!(
            html.contains("<iframe title=\"v\" src=\"https://v.example/\"></iframe>\n"),
            "{html}"
        );
        assert!(
            !html.contains("<script") && html.contains("Text \u{FFFD}0\u{FFFD}"),
            "{html}"
        );
    }

    #[test]
    fn only_marks_made_here_are_replaced() {
        let mut trusted = Vec::new();
        let mark = trust(&mut trusted, "<hr>".into());
        let html = format!("a{mark}b{TRUSTED_OPEN}9{TRUSTED_CLOSE}c{TRUSTED_OPEN}");
        assert_eq!(
            insert_trusted(&html, &trusted),
            format!("a<hr>b{TRUSTED_OPEN}9{TRUSTED_CLOSE}c{TRUSTED_OPEN}")
        );
    }
}
