//! Markdown to HTML: heading anchors from extraction, highlighted code, internal links
//! resolved, entity mentions linked to their pages, raw HTML sanitised unless trusted.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use rustc_hash::FxHashMap;

use crate::config::LinkEntities;
use crate::extract::{Heading, markdown_events};
use crate::media::{ArticleMedia, Image};
use crate::model::{escape_html, sanitise};
use crate::render::highlight::Highlighter;
use crate::render::trusted::{TRUSTED_CLOSE, TRUSTED_OPEN, insert_trusted, trust};

/// Every surface form the site links to an entity page, in one automaton built once per
/// build: each article's linker keeps the matches of its own surfaces, so no automaton is
/// built per article (building one cost about as much as the rest of the body).
pub struct SiteSurfaces {
    automaton: Option<AhoCorasick>,
    ids: FxHashMap<String, u32>,
}

impl SiteSurfaces {
    pub fn new(surfaces: impl IntoIterator<Item = String>) -> SiteSurfaces {
        let mut ids = FxHashMap::default();
        let mut patterns = Vec::new();
        for surface in surfaces {
            if !ids.contains_key(&surface) {
                ids.insert(surface.clone(), patterns.len() as u32);
                patterns.push(surface);
            }
        }
        // Every match is reported, overlapping: each article picks its own out of them.
        // Should the automaton outgrow aho-corasick's limits, each article builds its own
        // (see `EntityLinker::new`): slower, but every mention is linked the same.
        let automaton = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).ok())
            .flatten();
        SiteSurfaces { automaton, ids }
    }
}

/// Entity names to link in one document, with their page URLs.
pub struct EntityLinker<'s> {
    matcher: Matcher<'s>,
    targets: Vec<(String, String)>,
    mode: LinkEntities,
}

enum Matcher<'s> {
    None,
    /// The site's automaton, with its pattern number -> target for this document's surfaces.
    Site(&'s AhoCorasick, FxHashMap<u32, usize>),
    /// An automaton of this document's surfaces alone.
    Own(AhoCorasick),
}

impl<'s> EntityLinker<'s> {
    /// `surfaces`: (surface form as it appears in text, entity name, entity URL). Uses the
    /// site's automaton when it has every surface, else builds one for these.
    pub fn new(
        surfaces: Vec<(String, String, String)>,
        mode: LinkEntities,
        site: Option<&'s SiteSurfaces>,
    ) -> EntityLinker<'s> {
        let matcher = if mode == LinkEntities::None || surfaces.is_empty() {
            Matcher::None
        } else {
            site.and_then(|site| {
                let automaton = site.automaton.as_ref()?;
                let mut targets = FxHashMap::default();
                for (target, (surface, _, _)) in surfaces.iter().enumerate() {
                    targets.entry(*site.ids.get(surface)?).or_insert(target);
                }
                Some(Matcher::Site(automaton, targets))
            })
            .or_else(|| {
                let patterns: Vec<&str> = surfaces.iter().map(|s| s.0.as_str()).collect();
                // A few dozen patterns: a DFA or a prefilter would cost more to build than
                // they save in the search (prefilter: 46 -> 32 µs a build).
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .prefilter(false)
                    .build(&patterns)
                    .ok()
                    .map(Matcher::Own)
            })
            .unwrap_or(Matcher::None)
        };
        EntityLinker {
            matcher,
            targets: surfaces
                .into_iter()
                .map(|(_, name, url)| (name, url))
                .collect(),
            mode,
        }
    }

    pub fn none() -> EntityLinker<'static> {
        EntityLinker::new(Vec::new(), LinkEntities::None, None)
    }

    /// This document's surfaces in `text` as (start, end, target), leftmost-longest: of
    /// overlapping matches, the one that starts first and, of those, the longest.
    fn matches(&self, text: &str) -> Vec<(usize, usize, usize)> {
        match &self.matcher {
            Matcher::None => Vec::new(),
            Matcher::Own(automaton) => automaton
                .find_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect(),
            Matcher::Site(automaton, targets) => {
                let mut found: Vec<(usize, usize, usize)> = automaton
                    .find_overlapping_iter(text)
                    .filter_map(|m| {
                        Some((m.start(), m.end(), *targets.get(&m.pattern().as_u32())?))
                    })
                    .collect();
                found.sort_unstable_by_key(|&(start, end, _)| (start, Reverse(end)));
                let mut taken_to = 0;
                found.retain(|&(start, end, _)| {
                    let free = start >= taken_to;
                    if free {
                        taken_to = end;
                    }
                    free
                });
                found
            }
        }
    }
}

/// Everything a document needs to render.
pub struct Document<'a> {
    pub markdown: &'a str,
    /// Heading ids in document order, from extraction.
    pub headings: &'a [Heading],
    /// Internal links as written -> resolved URL.
    pub links: &'a BTreeMap<String, String>,
    pub entities: &'a EntityLinker<'a>,
    /// The site's base path, prefixed to root-relative links written in Markdown.
    pub base_path: &'a str,
    pub allow_html: bool,
    pub highlighter: &'a Highlighter,
    /// The article's resized images and rendered shortcodes, for an article body.
    pub media: Option<&'a ArticleMedia>,
}

pub fn render(doc: &Document<'_>) -> String {
    // Where trusted HTML will be inserted, the author's text may not hold the marks that
    // stand for it; each is replaced by a character of the same length, so every offset holds.
    let trusts = doc
        .media
        .is_some_and(|m| !m.embeds.is_empty() || !m.images.is_empty());
    let markdown: Cow<'_, str> =
        match trusts && doc.markdown.contains([TRUSTED_OPEN, TRUSTED_CLOSE]) {
            true => Cow::Owned(
                doc.markdown
                    .replace([TRUSTED_OPEN, TRUSTED_CLOSE], "\u{FFFD}"),
            ),
            false => Cow::Borrowed(doc.markdown),
        };
    let parser = markdown_events(&markdown);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut trusted: Vec<String> = Vec::new();
    // Inside a paragraph replaced by its shortcode, or the alt text of a resized image.
    let mut skipping_paragraph = false;
    let mut image: Option<(&Image, String, String)> = None;
    let mut heading_index = 0;
    let mut code: Option<(String, String)> = None;
    let mut in_link = 0usize;
    let mut in_heading = false;
    let mut linked: HashSet<String> = HashSet::new();
    let mut has_raw_html = false;

    for (event, range) in parser {
        if skipping_paragraph {
            skipping_paragraph = !matches!(event, Event::End(TagEnd::Paragraph));
            continue;
        }
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    if let Some((resized, title, alt)) = image.take() {
                        events.push(Event::InlineHtml(
                            trust(&mut trusted, image_html(resized, &alt, &title)).into(),
                        ));
                    }
                }
                Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Paragraph)
                if let Some(html) = doc.media.and_then(|m| m.embeds.get(&range.start)) =>
            {
                skipping_paragraph = true;
                let mark = trust(&mut trusted, html.clone());
                events.push(Event::Html(format!("{mark}\n").into()));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if let Some(resized) = doc.media.and_then(|m| m.images.get(dest_url.as_ref())) => {
                image = Some((resized, title.to_string(), String::new()));
            }
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                in_heading = true;
                let id = doc
                    .headings
                    .get(heading_index)
                    .map(|h| CowStr::from(h.id.clone()));
                heading_index += 1;
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                in_heading = false;
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take() {
                    events.push(Event::Html(
                        code_block(&lang, &text, doc.highlighter).into(),
                    ));
                }
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, buffer)) = code.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                let dest_url = rewrite_url(doc, dest_url);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                events.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = rewrite_url(doc, dest_url);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Text(text) if in_link == 0 && !in_heading => {
                link_entities(doc.entities, text, &mut linked, &mut events);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                has_raw_html = true;
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(doc.markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html && !doc.allow_html {
        html = sanitise(&html);
    }
    if trusted.is_empty() {
        html
    } else {
        insert_trusted(&html, &trusted)
    }
}

/// A body image with every size it comes in; lazy, since it is never the page's lead.
fn image_html(image: &Image, alt: &str, title: &str) -> String {
    let mut html = format!("<img src=\"{}\"", escape_html(&image.url));
    if !image.srcset.is_empty() {
        html.push_str(&format!(
            " srcset=\"{}\" sizes=\"{BODY_IMAGE_SIZES}\"",
            escape_html(&image.srcset)
        ));
    }
    if let (Some(width), Some(height)) = (image.width, image.height) {
        html.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    }
    html.push_str(&format!(" alt=\"{}\"", escape_html(alt)));
    if !title.is_empty() {
        html.push_str(&format!(" title=\"{}\"", escape_html(title)));
    }
    html.push_str(" loading=\"lazy\" decoding=\"async\">");
    html
}

/// How wide a body image is drawn: the text column of the default theme (`--measure`).
const BODY_IMAGE_SIZES: &str = "(min-width: 42rem) 40rem, 100vw";

fn rewrite_url<'a>(doc: &Document<'_>, url: CowStr<'a>) -> CowStr<'a> {
    if let Some(resolved) = doc.links.get(url.as_ref()) {
        return resolved.clone().into();
    }
    let root_relative = url.starts_with('/') && !url.starts_with("//");
    if root_relative && doc.base_path != "/" && !url.starts_with(doc.base_path) {
        return format!("{}{}", doc.base_path, &url[1..]).into();
    }
    url
}

fn code_block(lang: &str, text: &str, highlighter: &Highlighter) -> String {
    let escaped_lang = escape_html(lang);
    match (!lang.is_empty())
        .then(|| highlighter.highlight(text, lang))
        .flatten()
    {
        Some(body) => format!(
            "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code class=\"language-{escaped_lang}\">{body}</code></pre>\n"
        ),
        None => format!(
            "<pre class=\"code\"><code>{}</code></pre>\n",
            escape_html(text)
        ),
    }
}

fn link_entities<'a>(
    linker: &EntityLinker,
    text: CowStr<'a>,
    linked: &mut HashSet<String>,
    events: &mut Vec<Event<'a>>,
) {
    let mut last = 0;
    let mut pieces = Vec::new();
    for (start, end, target) in linker.matches(text.as_ref()) {
        if !on_word_boundary(&text, start, end) {
            continue;
        }
        let (name, url) = &linker.targets[target];
        if linker.mode == LinkEntities::First && !linked.insert(name.clone()) {
            continue;
        }
        if start > last {
            pieces.push(Event::Text(text[last..start].to_string().into()));
        }
        pieces.push(Event::InlineHtml(
            format!("<a class=\"entity-link\" href=\"{}\">", escape_html(url)).into(),
        ));
        pieces.push(Event::Text(text[start..end].to_string().into()));
        pieces.push(Event::InlineHtml("</a>".into()));
        last = end;
    }
    if pieces.is_empty() {
        events.push(Event::Text(text));
        return;
    }
    if last < text.len() {
        pieces.push(Event::Text(text[last..].to_string().into()));
    }
    events.extend(pieces);
}

fn on_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    !before.is_some_and(is_word) && !after.is_some_and(is_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders at the site root with the given entity links and no other context.
    fn render_linked(markdown: &str, linker: &EntityLinker) -> String {
        let links = BTreeMap::new();
        render(&Document {
            markdown,
            headings: &[],
            links: &links,
            entities: linker,
            base_path: "/",
            allow_html: false,
            highlighter: &Highlighter::default(),
            media: None,
        })
    }

    fn render_plain(markdown: &str, allow_html: bool) -> String {
        let linker = EntityLinker::none();
        let links = BTreeMap::new();
        render(&Document {
            markdown,
            headings: &[],
            links: &links,
            entities: &linker,
            base_path: "/briefs/",
            allow_html,
            highlighter: &Highlighter::default(),
            media: None,
        })
    }

    #[test]
    fn links_first_mention_only_outside_links_and_headings() {
        let linker = EntityLinker::new(
            vec![(
                "Hezbollah".into(),
                "Hezbollah".into(),
                "/entities/hezbollah/".into(),
            )],
            LinkEntities::First,
            None,
        );
        let html = render_linked(
            "# Hezbollah\n\n[Hezbollah](https://x.org) and Hezbollah’s view. Hezbollah again.",
            &linker,
        );
        assert_eq!(html.matches("entity-link").count(), 1, "{html}");
        assert!(
            html.contains("<a class=\"entity-link\" href=\"/entities/hezbollah/\">Hezbollah</a>’s"),
            "{html}"
        );
    }

    #[test]
    fn entity_needs_word_boundary() {
        let linker = EntityLinker::new(
            vec![("US".into(), "United States".into(), "/entities/us/".into())],
            LinkEntities::All,
            None,
        );
        let html = render_linked("USA and US.", &linker);
        assert_eq!(html.matches("entity-link").count(), 1, "{html}");
    }

    #[test]
    fn the_site_automaton_links_exactly_what_an_own_one_would() {
        let surface =
            |text: &str, name: &str| (text.to_string(), name.to_string(), format!("/e/{name}/"));
        // The site knows longer names that overlap this article's: they must not hide
        // the article's own shorter ones.
        let site = SiteSurfaces::new(
            [
                "New York Times",
                "New York",
                "York",
                "US",
                "USA",
                "Hezbollah’s",
                "Hezbollah",
            ]
            .map(String::from),
        );
        let article = || {
            vec![
                surface("New York", "new-york"),
                surface("York", "york"),
                surface("US", "us"),
                surface("Hezbollah", "hezbollah"),
                surface("Hezbollah’s", "hezbollah"),
                surface("Hezbollah", "hezbollah-duplicate"),
            ]
        };
        for mode in [LinkEntities::All, LinkEntities::First] {
            let own = EntityLinker::new(article(), mode, None);
            let shared = EntityLinker::new(article(), mode, Some(&site));
            assert!(matches!(shared.matcher, Matcher::Site(..)));
            for text in [
                "The New York Times said New York and York, USA and US, agreed.",
                "Hezbollah’s envoy met Hezbollah in New Yorkers’ York.",
                "NewYork New York York",
            ] {
                assert_eq!(
                    render_linked(text, &shared),
                    render_linked(text, &own),
                    "{text}"
                );
            }
        }
        let unknown = EntityLinker::new(
            vec![surface("Gaza", "gaza")],
            LinkEntities::All,
            Some(&site),
        );
        assert!(
            matches!(unknown.matcher, Matcher::Own(_)),
            "a surface the site lacks"
        );
    }

    #[test]
    fn sanitises_raw_html_unless_trusted() {
        let md =
            "<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>";
        let clean = render_plain(md, false);
        assert!(
            !clean.contains("<script")
                && !clean.contains("javascript:")
                && !clean.contains("onclick"),
            "{clean}"
        );
        assert!(render_plain(md, true).contains("<script>"));
    }

    #[test]
    fn root_relative_links_get_base_path() {
        let html = render_plain("[about](/about/)", false);
        assert!(html.contains("href=\"/briefs/about/\""), "{html}");
    }

    #[test]
    fn fenced_code_is_highlighted() {
        let html = render_plain("```rust\nlet x = 1;\n```\n", false);
        assert!(
            html.contains("data-lang=\"rust\"") && html.contains("hl-"),
            "{html}"
        );
    }

    #[test]
    fn rendered_article_body_snapshot() {
        let markdown = "## Talks in New York\n\nHezbollah’s leaders met in *New York*[^1] -- \"quietly\".\n\n| Side | Position |\n|---|---|\n| Hezbollah | open |\n\n- [x] statement issued\n- [ ] ~~ceasefire~~\n\n```python\nprint(\"hi\")\n```\n\n[^1]: At the United Nations.\n";
        let headings = [Heading {
            level: 2,
            text: "Talks in New York".into(),
            id: "talks-in-new-york".into(),
        }];
        let linker = EntityLinker::new(
            vec![
                (
                    "Hezbollah’s".into(),
                    "Hezbollah".into(),
                    "/entities/hezbollah/".into(),
                ),
                (
                    "Hezbollah".into(),
                    "Hezbollah".into(),
                    "/entities/hezbollah/".into(),
                ),
                (
                    "New York".into(),
                    "New York".into(),
                    "/entities/new-york/".into(),
                ),
            ],
            LinkEntities::First,
            None,
        );
        let links = BTreeMap::new();
        let html = render(&Document {
            markdown,
            headings: &headings,
            links: &links,
            entities: &linker,
            base_path: "/",
            allow_html: false,
            highlighter: &Highlighter::default(),
            media: None,
        });
        insta::assert_snapshot!(html);
    }
}
