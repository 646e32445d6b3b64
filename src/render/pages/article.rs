//! An article's own page: its body, who is involved, quotes, sources, story and related articles.

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn article_page(&self, a: ArticleId) -> Result<Output, Diagnostic> {
        let (site, graph) = (self.site, self.graph);
        let article = &site.articles[a];
        let links = &graph.article_links[a];
        let facts = &self.facts[a];
        let card = self.cards[a].clone();
        let mut meta = self.meta(
            "article",
            &article.front.title,
            &facts.summary,
            Route::Article(&article.slug),
        );
        meta.image = match card.picture.as_ref() {
            Some(picture) if !picture.image.url.contains("://") => {
                Some(self.absolute(&picture.image.url))
            }
            _ => article.front.image.as_ref().map(|i| self.image_url(i)),
        };
        let published = article.date.rfc3339();
        let modified = article.updated.unwrap_or(article.date).rfc3339();
        meta.json_ld = Some(self.news_article(a, &meta, &published, &modified));
        meta.published = Some(published);
        meta.modified = Some(modified);
        let mut involved = Vec::new();
        for kind in EntityKind::ALL {
            let mut entities: Vec<EntityRef> = links
                .entities
                .iter()
                .filter(|&&(e, _)| graph.entities[e].kind == kind)
                .map(|&(e, count)| self.entity_ref(e, count))
                .collect();
            // Names found here but in too few articles for a page of their own.
            let mut pageless: Vec<EntityRef> = facts
                .entities
                .iter()
                .filter(|m| m.kind == kind && m.count > 0)
                .filter(|m| !graph.entity_by_name.contains_key(m.name.as_str()))
                .map(|m| EntityRef {
                    name: m.name.to_string(),
                    url: String::new(),
                    kind: kind.as_str(),
                    known: m.known,
                    count: m.count,
                })
                .collect();
            pageless.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            entities.extend(pageless);
            if !entities.is_empty() {
                involved.push(KindGroup {
                    kind: kind.as_str(),
                    label: self.kind_label(kind),
                    entities,
                });
            }
        }
        let story = links.story.map(|s| {
            let group = &graph.stories[s];
            let position = group.articles.iter().position(|&x| x == a).unwrap_or(0);
            let link_to = |i: usize| Link {
                name: site.articles[group.articles[i]].front.title.clone(),
                url: graph.article_url(site, group.articles[i]),
            };
            StoryTimeline {
                name: group.name.clone(),
                url: graph.routes.url(Route::Story(&group.slug)),
                articles: group
                    .articles
                    .iter()
                    .map(|&x| StoryPosition {
                        card: self.entry_value(x),
                        current: x == a,
                    })
                    .collect(),
                prev: position.checked_sub(1).map(link_to),
                next: (position + 1 < group.articles.len()).then(|| link_to(position + 1)),
            }
        });
        let article_context = ArticleContext {
            card,
            content: self.body(a)?.into_owned(),
            toc: toc(&facts.headings),
            key_points: article.front.key_points.clone(),
            sources: facts
                .attributions
                .iter()
                .filter(|a| a.is_listed())
                .map(|a| a.source.to_string())
                .collect(),
            authors: article.front.authors.clone(),
            author_links: links
                .authors
                .iter()
                .map(|&n| group_link(graph, Section::Authors, &graph.authors[n]))
                .collect(),
            location: article.front.location.clone(),
            updated: article.updated.map(|d| d.rfc3339()),
            updated_display: article.updated.map(|updated| {
                // The time alone when the update is on the day of publication.
                let zone = site.config.timezone.zone();
                match updated.day_in(zone) == article.date.day_in(zone) {
                    true => updated.clock_in(zone),
                    false => None,
                }
                .unwrap_or_else(|| self.site.locale.date(updated.date()))
            }),
            image: meta.image.clone(),
            involved,
            quotes: (0..facts.quotes.len()).map(|q| self.quote(a, q)).collect(),
            extra: article.front.extra.clone(),
        };
        #[derive(Serialize)]
        struct Data {
            article: ArticleContext,
            related: Vec<tera::Value>,
            story: Option<StoryTimeline>,
            backlinks: Vec<tera::Value>,
        }
        self.page(
            "article.html",
            meta,
            Data {
                article: article_context,
                related: self.cards(links.related.iter().copied()),
                story,
                backlinks: self.entries(links.backlinks.iter().copied()),
            },
        )
    }

    /// The article as a schema.org `NewsArticle`, for search engines and link previews.
    fn news_article(
        &self,
        a: ArticleId,
        meta: &PageMeta,
        published: &str,
        modified: &str,
    ) -> String {
        let article = &self.site.articles[a];
        let mut json = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.front.title,
            "datePublished": published,
            "dateModified": modified,
            "url": meta.canonical,
            "mainEntityOfPage": meta.canonical,
            "inLanguage": self.site.config.language,
            "publisher": {
                "@type": "Organization",
                "name": self.site.config.title,
                "url": self.site.config.base_url.absolute(),
            },
        });
        if !meta.description.is_empty() {
            json["description"] = meta.description.clone().into();
        }
        if !article.front.authors.is_empty() {
            json["author"] = article
                .front
                .authors
                .iter()
                .map(|name| serde_json::json!({ "@type": "Person", "name": name }))
                .collect();
        }
        if let Some(image) = &meta.image {
            json["image"] = serde_json::json!([image]);
        }
        script_safe_json(&json)
    }

    pub(in crate::render) fn image_url(&self, image: &str) -> String {
        if image.contains("://") {
            image.to_string()
        } else {
            self.absolute(&self.graph.routes.url(Route::File(image)))
        }
    }

    /// The article page shows its file, card and body, who is involved, its speakers'
    /// pages, its story's list, and its related articles and backlinks.
    pub(in crate::render) fn print_article(&self, a: ArticleId, print: &mut Print) {
        let links = &self.graph.article_links[a];
        print.revision(a).card(a).body(a).speakers(a);
        print.add(&links.entities.len());
        for &(e, count) in &links.entities {
            print.entity(e).add(&count);
        }
        if let Some(s) = links.story {
            let story = &self.graph.stories[s];
            print
                .add(&story.name)
                .add(&story.slug)
                .entries(&story.articles);
        }
        for &n in &links.authors {
            let author = &self.graph.authors[n];
            print.add(&author.name).add(&author.slug);
        }
        print.cards(&links.related).entries(&links.backlinks);
    }
}

/// An article's page, one per article.
pub(in crate::render) struct ArticlePages;

impl PageKind for ArticlePages {
    fn label(&self) -> &'static str {
        "article pages"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.site.articles.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Article(&r.site.articles[ArticleId::from(index)].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.article_page(index.into())?])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_article(index.into(), print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        let article = &r.site.articles[ArticleId::from(index)];
        Listing::Listed(Some(article.updated.unwrap_or(article.date).rfc3339()))
    }

    fn source<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Option<&'r Path> {
        Some(&r.site.articles[ArticleId::from(index)].path)
    }

    fn article(&self, index: usize) -> Option<ArticleId> {
        Some(index.into())
    }
}

/// JSON that cannot end the `<script>` element holding it, nor open a comment in it: every
/// `<`, `>` and `&` is written as a `\u` escape, which JSON reads back the same.
fn script_safe_json(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let value = serde_json::json!({ "headline": "</script><script>alert(1)</script> & <!--" });
        let safe = script_safe_json(&value);
        assert!(
            !safe.contains('<') && !safe.contains('>') && !safe.contains('&'),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
