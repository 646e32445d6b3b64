//! Code highlighting with syntect, as CSS classes. One `SyntaxSet` per process (read-only),
//! and highlighted blocks cached by content in the `Highlighter` a renderer owns, so under
//! `brief serve` a block costs once, not once per rebuild.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use syntect::highlighting::{Color, Theme, ThemeSet};
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Bytes of highlighted HTML kept: enough for every code block of a large documentation
/// site, small beside the site itself. A long `serve` session that goes past it starts over.
const CACHE_BYTES: usize = 32 << 20;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlights code blocks, remembering up to a bound of results (`CACHE_BYTES`).
#[derive(Debug)]
pub struct Highlighter {
    cache: Mutex<Cache>,
    bound: usize,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter {
            cache: Mutex::default(),
            bound: CACHE_BYTES,
        }
    }
}

#[derive(Debug, Default)]
struct Cache {
    blocks: HashMap<u64, String>,
    bytes: usize,
}

impl Highlighter {
    /// Highlights `code` written in `lang` into class-annotated HTML (escaped), or `None`
    /// when the language is unknown so the caller falls back to plain escaped text.
    pub fn highlight(&self, code: &str, lang: &str) -> Option<String> {
        let mut hasher = DefaultHasher::new();
        (code, lang).hash(&mut hasher);
        let key = hasher.finish();
        if let Some(hit) = self.lock().blocks.get(&key) {
            return Some(hit.clone());
        }
        let html = highlight_uncached(code, lang)?;
        let mut cache = self.lock();
        if cache.bytes + html.len() > self.bound {
            cache.blocks.clear();
            cache.bytes = 0;
        }
        cache.bytes += html.len();
        cache.blocks.insert(key, html.clone());
        Some(html)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // The cache holds no invariant a panicking thread could break half-way.
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn highlight_uncached(code: &str, lang: &str) -> Option<String> {
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
    Some(generator.finalize())
}

/// The dark-mode theme, whatever the site's (light) theme is.
const DARK_THEME: &str = "base16-ocean.dark";

/// WCAG AA contrast for normal text; the themes' own comment and punctuation colours often
/// fall short of it.
const MIN_CONTRAST: f64 = 4.5;

/// The stylesheet for highlighted code: the site's theme on light screens and in print, a
/// dark theme in dark mode. Each theme sits in its own media block so neither one's rules
/// leak into the other, and every colour is made readable on its background.
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
    let light = theme_css(theme(light_theme)?)?;
    let dark = theme_css(theme(DARK_THEME)?)?;
    Ok(format!(
        "/* Code highlighting. */\n@media print, (prefers-color-scheme: light) {{\n{light}}}\n@media screen and (prefers-color-scheme: dark) {{\n{dark}}}\n"
    ))
}

/// One theme's rules, with the code block itself painted in the theme's colours.
fn theme_css(theme: &Theme) -> Result<String, String> {
    let theme = readable(theme);
    let css = css_for_theme_with_class_style(&theme, CLASS_STYLE).map_err(|e| e.to_string())?;
    let (background, foreground) = (theme.settings.background, theme.settings.foreground);
    Ok(format!(
        "pre.code {{ background-color: {}; color: {}; }}\n{css}",
        hex(background.unwrap_or(WHITE)),
        hex(foreground.unwrap_or(BLACK)),
    ))
}

const WHITE: Color = Color {
    r: 255,
    g: 255,
    b: 255,
    a: 255,
};
const BLACK: Color = Color {
    r: 0,
    g: 0,
    b: 0,
    a: 255,
};

/// The theme with opaque colours that all reach `MIN_CONTRAST` on their background.
fn readable(theme: &Theme) -> Theme {
    let mut theme = theme.clone();
    let background = over(theme.settings.background.unwrap_or(WHITE), WHITE);
    theme.settings.background = Some(background);
    let text = theme.settings.foreground.unwrap_or(BLACK);
    theme.settings.foreground = Some(legible(text, background));
    for item in &mut theme.scopes {
        let behind = item
            .style
            .background
            .map_or(background, |b| over(b, background));
        if item.style.background.is_some() {
            item.style.background = Some(behind);
        }
        if let Some(color) = item.style.foreground {
            item.style.foreground = Some(legible(color, behind));
        }
    }
    theme
}

/// `color` moved towards black (on a light background) or white (on a dark one) just
/// far enough to reach `MIN_CONTRAST`.
fn legible(color: Color, background: Color) -> Color {
    let color = over(color, background);
    let target = if luminance(background) > 0.18 {
        BLACK
    } else {
        WHITE
    };
    (0..=20)
        .map(|step| mix(color, target, f64::from(step) / 20.0))
        .find(|&c| contrast(c, background) >= MIN_CONTRAST)
        .unwrap_or(target)
}

/// `color` composited over an opaque `background`.
fn over(color: Color, background: Color) -> Color {
    mix(
        background,
        Color { a: 255, ..color },
        f64::from(color.a) / 255.0,
    )
}

fn mix(from: Color, to: Color, amount: f64) -> Color {
    let channel =
        |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * amount).round() as u8;
    Color {
        r: channel(from.r, to.r),
        g: channel(from.g, to.g),
        b: channel(from.b, to.b),
        a: 255,
    }
}

/// WCAG relative luminance.
fn luminance(color: Color) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
}

/// WCAG contrast ratio, 1 to 21.
fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn hex(color: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r, color.g, color.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_with_classes_not_styles() {
        let html = Highlighter::default()
            .highlight("fn main() {}\n", "rust")
            .unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(
            Highlighter::default()
                .highlight("x", "no-such-language")
                .is_none()
        );
    }

    #[test]
    fn every_theme_colour_is_readable_on_its_background() {
        for (name, theme) in ThemeSet::load_defaults().themes {
            let theme = readable(&theme);
            let background = theme.settings.background.unwrap();
            let foreground = theme.settings.foreground.unwrap();
            assert!(contrast(foreground, background) >= MIN_CONTRAST, "{name}");
            for item in &theme.scopes {
                let behind = item.style.background.unwrap_or(background);
                if let Some(color) = item.style.foreground {
                    let ratio = contrast(color, behind);
                    assert!(
                        ratio >= MIN_CONTRAST,
                        "{name}: {} is {ratio:.2}",
                        hex(color)
                    );
                }
            }
        }
    }

    #[test]
    fn readable_colours_move_only_as_far_as_needed() {
        let grey = Color {
            r: 0x96,
            g: 0x98,
            b: 0x96,
            a: 255,
        };
        let fixed = legible(grey, WHITE);
        assert!(contrast(fixed, WHITE) >= MIN_CONTRAST);
        assert!(
            contrast(fixed, WHITE) < 6.0,
            "not pushed all the way to black"
        );
        let dark_text = Color {
            r: 0x32,
            g: 0x32,
            b: 0x32,
            a: 255,
        };
        assert_eq!(legible(dark_text, WHITE), dark_text, "already readable");
    }

    #[test]
    fn light_and_dark_rules_do_not_mix() {
        let css = stylesheet("InspiredGitHub").unwrap();
        let (light, dark) = css
            .split_once("@media screen and (prefers-color-scheme: dark)")
            .unwrap();
        assert!(light.contains("@media print, (prefers-color-scheme: light)"));
        assert!(
            light.contains("pre.code { background-color: #ffffff;"),
            "{light}"
        );
        assert!(
            dark.contains("pre.code { background-color: #2b303b;"),
            "{dark}"
        );
    }

    #[test]
    fn escapes_code() {
        let html = Highlighter::default()
            .highlight("<script>\n", "html")
            .unwrap();
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn the_cache_stays_within_its_bound() {
        let highlighter = Highlighter {
            cache: Mutex::default(),
            bound: 2_000,
        };
        for n in 0..100 {
            let code = format!("fn f{n}() {{ let x = {n}; }}\n");
            let first = highlighter.highlight(&code, "rust").unwrap();
            assert_eq!(highlighter.highlight(&code, "rust").unwrap(), first);
            let cache = highlighter.lock();
            assert!(cache.bytes <= 2_000, "{} bytes held", cache.bytes);
            assert_eq!(
                cache.bytes,
                cache.blocks.values().map(String::len).sum::<usize>()
            );
        }
    }
}
