//! Topic and story pages (named groups of articles) and their indexes.

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn group_page(
        &self,
        kind: &'static str,
        section: &str,
        group: &crate::link::Group,
    ) -> Result<Output, Diagnostic> {
        let title = match kind {
            "tag" => format!("Topic: {}", group.name),
            _ => format!("Story: {}", group.name),
        };
        let mut meta = self.meta(kind, &title, "", group_route(section, &group.slug));
        let feed_url = self
            .graph
            .routes
            .url(group_feed_route(section, &group.slug));
        meta.feed_url = Some(feed_url.clone());
        #[derive(Serialize)]
        struct Data {
            group: GroupSummary,
            feed_url: String,
            articles: Vec<tera::Value>,
            earlier: Vec<tera::Value>,
        }
        // A story is read whole, in order; a topic shows its latest articles in full.
        let (articles, earlier) = if kind == "story" {
            (self.cards(group.articles.iter().copied()), Vec::new())
        } else {
            self.lead_and_earlier(&group.articles)
        };
        self.page(
            &format!("{kind}.html"),
            meta,
            Data {
                group: self.group_summary(section, group),
                feed_url,
                articles,
                earlier,
            },
        )
    }

    pub(in crate::render) fn group_summary(
        &self,
        section: &str,
        group: &crate::link::Group,
    ) -> GroupSummary {
        let dates: Vec<_> = group
            .articles
            .iter()
            .map(|&a| self.site.articles[a].date)
            .collect();
        let first = dates.iter().min_by_key(|d| d.timestamp());
        let last = dates.iter().max_by_key(|d| d.timestamp());
        GroupSummary {
            name: group.name.clone(),
            url: self.graph.routes.url(group_route(section, &group.slug)),
            count: group.articles.len(),
            first_date_display: first.map(|d| d.long()).unwrap_or_default(),
            last_date_display: last.map(|d| d.long()).unwrap_or_default(),
        }
    }

    pub(in crate::render) fn tag_page(&self, t: usize) -> Result<Output, Diagnostic> {
        self.group_page("tag", "tags", &self.graph.tags[t])
    }

    pub(in crate::render) fn story_page(&self, s: usize) -> Result<Output, Diagnostic> {
        self.group_page("story", "stories", &self.graph.stories[s])
    }

    pub(in crate::render) fn groups_index(
        &self,
        kind: &'static str,
        section: &str,
        title: &str,
        groups: &[crate::link::Group],
        route: Route,
    ) -> Result<Output, Diagnostic> {
        let mut list: Vec<GroupSummary> = groups
            .iter()
            .map(|g| self.group_summary(section, g))
            .collect();
        if kind == "tags" {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        }
        #[derive(Serialize)]
        struct Data {
            groups: Vec<GroupSummary>,
        }
        let meta = self.meta(kind, title, "", route);
        self.page(&format!("{kind}.html"), meta, Data { groups: list })
    }

    pub(in crate::render) fn tags_index(&self) -> Result<Output, Diagnostic> {
        self.groups_index("tags", "tags", "Topics", &self.graph.tags, Route::Tags)
    }

    pub(in crate::render) fn stories_index(&self) -> Result<Output, Diagnostic> {
        self.groups_index(
            "stories",
            "stories",
            "Stories",
            &self.graph.stories,
            Route::Stories,
        )
    }

    /// A topic or story page (and its feed) shows the group and its articles.
    pub(in crate::render) fn print_group(&self, group: &crate::link::Group, print: &mut Print) {
        print
            .add(&group.name)
            .add(&group.slug)
            .cards(&group.articles)
            .fed(&feeds::group_feed_articles(self, group));
    }

    /// An index shows each group's name, size and first and last dates.
    pub(in crate::render) fn print_groups_index(
        &self,
        groups: &[crate::link::Group],
        print: &mut Print,
    ) {
        for group in groups {
            print.add(&group.name).add(&group.slug);
            print.cards(&group.articles);
        }
    }
}

/// The route of a tag's or story's page, by its section (`tags` or `stories`).
pub(in crate::render) fn group_route<'a>(section: &str, slug: &'a str) -> Route<'a> {
    match section {
        "tags" => Route::Tag(slug),
        _ => Route::Story(slug),
    }
}

/// The route of a tag's or story's feed, by its section (`tags` or `stories`).
pub(in crate::render) fn group_feed_route<'a>(section: &str, slug: &'a str) -> Route<'a> {
    match section {
        "tags" => Route::TagFeed(slug),
        _ => Route::StoryFeed(slug),
    }
}

pub(in crate::render) fn group_link(
    graph: &Graph,
    section: &str,
    group: &crate::link::Group,
) -> Link {
    Link {
        name: group.name.clone(),
        url: graph.routes.url(group_route(section, &group.slug)),
    }
}

/// A topic's page, with its feed.
pub(in crate::render) struct TagPages;

impl PageKind for TagPages {
    fn label(&self) -> &'static str {
        "topic pages and feeds"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.tags.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Tag(&r.graph.tags[index].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        let tag = &r.graph.tags[index];
        Ok(vec![r.tag_page(index)?, feeds::group_feed(r, "tags", tag)])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_group(&r.graph.tags[index], print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        Listing::Listed(r.last_changed(r.graph.tags[index].articles.iter().copied()))
    }
}

/// A story's page, with its feed.
pub(in crate::render) struct StoryPages;

impl PageKind for StoryPages {
    fn label(&self) -> &'static str {
        "story pages and feeds"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.stories.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Story(&r.graph.stories[index].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        let story = &r.graph.stories[index];
        Ok(vec![
            r.story_page(index)?,
            feeds::group_feed(r, "stories", story),
        ])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_group(&r.graph.stories[index], print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        Listing::Listed(r.last_changed(r.graph.stories[index].articles.iter().copied()))
    }
}

/// The index of topics.
pub(in crate::render) struct TagIndex;

impl PageKind for TagIndex {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Tags
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.tags_index()?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_groups_index(&r.graph.tags, print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}

/// The index of stories.
pub(in crate::render) struct StoryIndex;

impl PageKind for StoryIndex {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Stories
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.stories_index()?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_groups_index(&r.graph.stories, print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}
