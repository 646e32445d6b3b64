//! Code highlighting with syntect, as CSS classes. One `SyntaxSet` per process, and
//! highlighted blocks cached by content so a block costs once per process, not per build.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn cache() -> &'static Mutex<HashMap<u64, String>> {
    static CACHE: OnceLock<Mutex<HashMap<u64, String>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Highlights `code` written in `lang` into class-annotated HTML (escaped), or `None`
/// when the language is unknown so the caller falls back to plain escaped text.
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let mut hasher = DefaultHasher::new();
    (code, lang).hash(&mut hasher);
    let key = hasher.finish();
    if let Some(hit) = cache().lock().ok()?.get(&key) {
        return Some(hit.clone());
    }
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_extension(lang))?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    let html = generator.finalize();
    if let Ok(mut cache) = cache().lock() {
        cache.insert(key, html.clone());
    }
    Some(html)
}

/// The stylesheet for highlighted code: a light theme, and a dark one for dark mode.
pub fn stylesheet(light_theme: &str) -> Result<String, String> {
    let themes = ThemeSet::load_defaults();
    let theme = |name: &str| {
        themes.themes.get(name).ok_or_else(|| {
            let known: Vec<&str> = themes.themes.keys().map(String::as_str).collect();
            format!(
                "unknown highlight theme `{name}` in site.yaml markdown.highlight_theme; known themes: {}",
                known.join(", ")
            )
        })
    };
    let light = css_for_theme_with_class_style(theme(light_theme)?, CLASS_STYLE)
        .map_err(|e| e.to_string())?;
    let dark = css_for_theme_with_class_style(theme("base16-ocean.dark")?, CLASS_STYLE)
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "/* Code highlighting. */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_with_classes_not_styles() {
        let html = highlight("fn main() {}\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(highlight("x", "no-such-language").is_none());
    }

    #[test]
    fn escapes_code() {
        let html = highlight("<script>\n", "html").unwrap();
        assert!(!html.contains("<script>"));
    }
}
