//! The front page, standalone pages, and the pages with no data of their own (search, 404).

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn front_page(&self) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let latest = graph.days.len().checked_sub(1).map(|d| self.day_data(d));
        let recent_window = self.recent_window();
        let mut entity_counts: BTreeMap<EntityId, usize> = BTreeMap::new();
        for &a in &recent_window {
            for &(e, _) in &graph.article_links[a].entities {
                *entity_counts.entry(e).or_default() += 1;
            }
        }
        let mut top: Vec<(EntityId, usize)> = entity_counts.into_iter().collect();
        top.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut active: Vec<(usize, usize)> = graph
            .stories
            .iter()
            .enumerate()
            .filter_map(|(s, story)| {
                let last = *story.articles.last()?;
                recent_window
                    .iter()
                    .position(|&a| a == last)
                    .map(|rank| (rank, s))
            })
            .collect();
        active.sort();
        #[derive(Serialize)]
        struct Data {
            latest: Option<DayData>,
            recent: Vec<tera::Value>,
            top_entities: Vec<EntityRef>,
            active_stories: Vec<GroupSummary>,
        }
        let meta = self.meta("index", &self.site.config.title, "", Route::Front);
        self.page(
            "index.html",
            meta,
            Data {
                latest,
                recent: self.cards(graph.by_date.iter().copied().take(RECENT_COUNT)),
                top_entities: top
                    .into_iter()
                    .take(12)
                    .map(|(e, c)| self.entity_ref(e, c))
                    .collect(),
                active_stories: active
                    .into_iter()
                    .map(|(_, s)| self.group_summary(Section::Stories, &graph.stories[s]))
                    .collect(),
            },
        )
    }

    pub(in crate::render) fn standalone_page(&self, p: usize) -> Result<Output, Diagnostic> {
        let page = &self.site.pages[p];
        let headings = &self.graph.page_headings[p];
        let linker = EntityLinker::none();
        let content = markdown::render(&Document {
            markdown: page.body(),
            headings,
            links: &self.graph.page_links[p],
            entities: &linker,
            base_path: self.graph.routes.base_path(),
            allow_html: self.site.config.markdown.allow_html,
            highlighter: &self.highlighter,
            media: None,
        });
        let meta = self.meta(
            "page",
            &page.title,
            page.description.as_deref().unwrap_or(""),
            Route::Page(&page.slug),
        );
        #[derive(Serialize)]
        struct Data {
            content: String,
            toc: Vec<TocEntry>,
            extra: BTreeMap<String, serde_json::Value>,
        }
        self.page(
            "page.html",
            meta,
            Data {
                content,
                toc: toc(headings),
                extra: page.extra.clone(),
            },
        )
    }

    pub(in crate::render) fn simple_page(
        &self,
        template: &str,
        kind: &'static str,
        title: &str,
        route: Route,
    ) -> Result<Output, Diagnostic> {
        let meta = self.meta(kind, title, "", route);
        self.page(template, meta, serde_json::Map::new())
    }

    /// The front page shows the latest briefing, the newest cards, the entities and
    /// stories of the recent weeks.
    pub(in crate::render) fn print_front(&self, print: &mut Print) {
        let graph = self.graph;
        if let Some(d) = graph.days.len().checked_sub(1) {
            self.print_day(d, print);
        }
        let recent = &graph.by_date[..graph.by_date.len().min(RECENT_COUNT)];
        print.cards(recent);
        // The recent window's entities are counted and its stories listed.
        for &a in &self.recent_window() {
            print.card(a);
            for &(e, _) in &graph.article_links[a].entities {
                print.entity(e);
            }
        }
        for story in &graph.stories {
            print
                .add(&story.name)
                .add(&story.slug)
                .cards(&story.articles);
        }
    }

    /// The newest articles, back to `RECENT_DAYS` before the newest one.
    fn recent_window(&self) -> Vec<ArticleId> {
        let articles = &self.site.articles;
        let newest = self
            .graph
            .by_date
            .first()
            .map(|&a| articles[a].date.timestamp());
        let cutoff = newest.map(|t| t.as_second() - RECENT_DAYS * 86_400);
        self.graph
            .by_date
            .iter()
            .copied()
            .take_while(|&a| cutoff.is_some_and(|c| articles[a].date.timestamp().as_second() >= c))
            .collect()
    }

    pub(in crate::render) fn print_standalone(&self, p: usize, print: &mut Print) {
        let page = &self.site.pages[p];
        print.add(&page.text).add(&self.graph.page_links[p]);
        for heading in &self.graph.page_headings[p] {
            print
                .add(&heading.level)
                .add(&heading.id)
                .add(&heading.text);
        }
    }
}

/// The front page.
pub(in crate::render) struct FrontPage;

impl PageKind for FrontPage {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Front
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.front_page()?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_front(print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}

/// A standalone page from `content/pages/`.
pub(in crate::render) struct StandalonePages;

impl PageKind for StandalonePages {
    fn label(&self) -> &'static str {
        "standalone pages"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.site.pages.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Page(&r.site.pages[index].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.standalone_page(index)?])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_standalone(index, print);
    }

    fn source<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Option<&'r Path> {
        Some(&r.site.pages[index].path)
    }

    fn listing(&self, _r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(None)
    }
}

/// The search page; the index it queries is `search::SearchIndex`.
pub(in crate::render) struct SearchPage;

impl PageKind for SearchPage {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Search
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.simple_page(
            "search.html",
            "search",
            r.site.locale.text("title_search"),
            Route::Search,
        )?])
    }

    /// Only the site's own settings, which every fingerprint holds.
    fn print(&self, _r: &Renderer<'_>, _index: usize, _print: &mut Print) {}

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}

/// The page a static host serves for a missing path.
pub(in crate::render) struct NotFoundPage;

impl PageKind for NotFoundPage {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::NotFound
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.simple_page(
            "404.html",
            "not_found",
            r.site.locale.text("title_not_found"),
            Route::NotFound,
        )?])
    }

    /// Only the site's own settings, which every fingerprint holds.
    fn print(&self, _r: &Renderer<'_>, _index: usize, _print: &mut Print) {}
}
