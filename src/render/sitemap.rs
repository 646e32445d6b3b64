//! `sitemap.xml` and `robots.txt`. The sitemap lists every page whose kind says it is
//! listed (`PageKind::listing`), so a new page kind is listed by saying so in its own file.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::render::*;

/// `sitemap.xml` and `robots.txt`.
pub(in crate::render) struct Sitemap;

impl PageKind for Sitemap {
    fn label(&self) -> &'static str {
        "sitemap"
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Sitemap
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(sitemap(r))
    }

    /// The sitemap shows exactly its entries.
    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        print.add(&entries(r));
    }
}

/// Each listed page's URL with its last-modified date, sorted.
fn entries(r: &Renderer<'_>) -> Vec<(String, Option<String>)> {
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for &kind in PAGE_KINDS {
        for index in 0..kind.count(r) {
            if let Listing::Listed(lastmod) = kind.listing(r, index) {
                entries.push((r.graph.routes.url(kind.route(r, index)), lastmod));
            }
        }
    }
    entries.sort();
    entries.dedup();
    entries
}

fn sitemap(r: &Renderer<'_>) -> Vec<Output> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    let result: std::io::Result<()> = (|| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer.write_event(Event::Start(urlset))?;
        for (url, lastmod) in &entries(r) {
            writer.write_event(Event::Start(BytesStart::new("url")))?;
            text_element(&mut writer, "loc", &r.absolute(url))?;
            if let Some(lastmod) = lastmod {
                text_element(&mut writer, "lastmod", lastmod)?;
            }
            writer.write_event(Event::End(BytesEnd::new("url")))?;
        }
        writer.write_event(Event::End(BytesEnd::new("urlset")))?;
        Ok(())
    })();
    debug_assert!(result.is_ok(), "writing XML to memory cannot fail");
    let mut xml = writer.into_inner();
    xml.push(b'\n');
    let sitemap_url = r.graph.routes.absolute(Route::Sitemap);
    vec![
        Output::new("sitemap.xml", xml),
        Output::new(
            "robots.txt",
            format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"),
        ),
    ]
}

fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> std::io::Result<()> {
    writer.write_event(Event::Start(BytesStart::new(name)))?;
    writer.write_event(Event::Text(BytesText::new(text)))?;
    writer.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}
