//! Markdown to HTML: heading anchors from extraction, highlighted code, internal links
//! resolved, entity mentions linked to their pages, raw HTML sanitised unless trusted.

use std::collections::{BTreeMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use crate::config::LinkEntities;
use crate::extract::{Heading, parser_options};
use crate::render::highlight::highlight;

/// Entity names to link in one document, with their page URLs.
pub struct EntityLinker {
    matcher: Option<AhoCorasick>,
    targets: Vec<(String, String)>,
    mode: LinkEntities,
}

impl EntityLinker {
    /// `surfaces`: (surface form as it appears in text, entity name, entity URL).
    pub fn new(surfaces: Vec<(String, String, String)>, mode: LinkEntities) -> EntityLinker {
        let patterns: Vec<&str> = surfaces.iter().map(|s| s.0.as_str()).collect();
        let matcher = if mode == LinkEntities::None || patterns.is_empty() {
            None
        } else {
            // A few dozen patterns per article, built for each: a DFA or a prefilter would
            // cost more to build than they save in the search (prefilter: 46 -> 32 µs a build).
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .prefilter(false)
                .build(&patterns)
                .ok()
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

    pub fn none() -> EntityLinker {
        EntityLinker::new(Vec::new(), LinkEntities::None)
    }
}

/// Everything a document needs to render.
pub struct Document<'a> {
    pub markdown: &'a str,
    /// Heading ids in document order, from extraction.
    pub headings: &'a [Heading],
    /// Internal links as written -> resolved URL.
    pub links: &'a BTreeMap<String, String>,
    pub entities: &'a EntityLinker,
    /// The site's base path, prefixed to root-relative links written in Markdown.
    pub base_path: &'a str,
    pub allow_html: bool,
}

pub fn render(doc: &Document<'_>) -> String {
    let parser = pulldown_cmark::Parser::new_ext(doc.markdown, parser_options());
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading_index = 0;
    let mut code: Option<(String, String)> = None;
    let mut in_link = 0usize;
    let mut in_heading = false;
    let mut linked: HashSet<String> = HashSet::new();
    let mut has_raw_html = false;

    for event in parser {
        match event {
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
                    events.push(Event::Html(code_block(&lang, &text).into()));
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
        sanitise(&html)
    } else {
        html
    }
}

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

fn code_block(lang: &str, text: &str) -> String {
    let escaped_lang = html_escape(lang);
    match (!lang.is_empty()).then(|| highlight(text, lang)).flatten() {
        Some(body) => format!(
            "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code class=\"language-{escaped_lang}\">{body}</code></pre>\n"
        ),
        None => format!(
            "<pre class=\"code\"><code>{}</code></pre>\n",
            html_escape(text)
        ),
    }
}

fn link_entities<'a>(
    linker: &EntityLinker,
    text: CowStr<'a>,
    linked: &mut HashSet<String>,
    events: &mut Vec<Event<'a>>,
) {
    let Some(matcher) = &linker.matcher else {
        events.push(Event::Text(text));
        return;
    };
    let mut last = 0;
    let mut pieces = Vec::new();
    for m in matcher.find_iter(text.as_ref()) {
        if !on_word_boundary(&text, m.start(), m.end()) {
            continue;
        }
        let (name, url) = &linker.targets[m.pattern().as_usize()];
        if linker.mode == LinkEntities::First && !linked.insert(name.clone()) {
            continue;
        }
        if m.start() > last {
            pieces.push(Event::Text(text[last..m.start()].to_string().into()));
        }
        pieces.push(Event::InlineHtml(
            format!("<a class=\"entity-link\" href=\"{}\">", html_escape(url)).into(),
        ));
        pieces.push(Event::Text(text[m.start()..m.end()].to_string().into()));
        pieces.push(Event::InlineHtml("</a>".into()));
        last = m.end();
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

/// Escapes text for an HTML attribute or element.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

/// The text of an HTML attribute value as a browser reads it (`&amp;` -> `&`). A value
/// with a stray `&`, which HTML allows, is returned as written.
pub fn attribute_text(raw: &str) -> String {
    quick_xml::escape::unescape_with(raw, quick_xml::escape::resolve_html5_entity)
        .map_or_else(|_| raw.to_string(), |text| text.into_owned())
}

/// Removes scripts, event handlers and `javascript:` URLs, keeping Brief's own markup.
fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["class", "id", "data-lang"])
        .link_rel(None)
        .clean(html)
        .to_string()
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
        );
        let html = render_linked("USA and US.", &linker);
        assert_eq!(html.matches("entity-link").count(), 1, "{html}");
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
    fn attribute_values_are_decoded() {
        assert_eq!(
            attribute_text("/a/?x=1&amp;y=&quot;2&quot;"),
            "/a/?x=1&y=\"2\""
        );
        assert_eq!(attribute_text("/caf&eacute;/"), "/café/");
        assert_eq!(attribute_text("/a?b&c"), "/a?b&c");
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
        );
        let links = BTreeMap::new();
        let html = render(&Document {
            markdown,
            headings: &headings,
            links: &links,
            entities: &linker,
            base_path: "/",
            allow_html: false,
        });
        insta::assert_snapshot!(html);
    }
}
