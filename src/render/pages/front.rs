//! The front page, standalone pages, and the pages with no data of their own (search, 404).

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn front_page(&self) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let latest = graph.days.len().checked_sub(1).map(|d| self.day_data(d));
        let recent_window = self.recent_window();
        let mut entity_counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &a in &recent_window {
            for &(e, _) in &graph.article_links[a].entities {
                *entity_counts.entry(e).or_default() += 1;
            }
        }
        let mut top: Vec<(usize, usize)> = entity_counts.into_iter().collect();
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
                    .map(|(_, s)| self.group_summary("stories", &graph.stories[s]))
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
    fn recent_window(&self) -> Vec<usize> {
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
