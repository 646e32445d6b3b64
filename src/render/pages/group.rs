//! Topic, story and author pages (named groups of articles), their feeds and indexes.

use crate::config::StoryOrder;
use crate::link::Group;
use crate::load::Section;
use crate::render::*;

/// A group's introduction as templates get it.
#[derive(Debug, Clone, Serialize)]
pub struct IntroContext {
    /// A story's summary or a topic's description.
    pub summary: Option<String>,
    /// URL of a story's image or an author's photo.
    pub image: Option<String>,
    /// The introduction's body (HTML, safe).
    pub content: String,
}

impl Renderer<'_> {
    fn group_page(&self, section: Section, group: &Group) -> Result<Output, Diagnostic> {
        let locale = &self.site.locale;
        let name = [("name", group.name.as_str())];
        let (kind, title) = match section {
            Section::Tags => ("tag", locale.fill("title_topic", &name)),
            Section::Stories => ("story", locale.fill("title_story", &name)),
            Section::Authors => ("author", group.name.clone()),
        };
        let intro = group.intro.map(|i| self.intro(&self.site.intros[i]));
        let description = intro.as_ref().and_then(|i| i.summary.clone());
        let mut meta = self.meta(
            kind,
            &title,
            description.as_deref().unwrap_or(""),
            group_route(section, &group.slug),
        );
        let image = group.intro.and_then(|i| self.site.intros[i].image.as_ref());
        meta.image = image.map(|i| self.image_url(i));
        let feed_url = self
            .graph
            .routes
            .url(group_feed_route(section, &group.slug));
        meta.feed_url = Some(feed_url.clone());
        #[derive(Serialize)]
        struct Data {
            group: GroupSummary,
            intro: Option<IntroContext>,
            feed_url: String,
            /// Stories: the newest article, shown on top.
            latest: Option<tera::Value>,
            articles: Vec<tera::Value>,
            earlier: Vec<tera::Value>,
            /// Stories: every article by title and date, oldest first.
            timeline: Vec<tera::Value>,
            /// Stories: `newest` or `oldest`, the order of `articles`.
            order: &'static str,
        }
        let mut data = Data {
            group: self.group_summary(section, group),
            intro,
            feed_url,
            latest: None,
            articles: Vec::new(),
            earlier: Vec::new(),
            timeline: Vec::new(),
            order: "newest",
        };
        if section == Section::Stories {
            // A story is read whole: its newest article on top, then all the others.
            let chronological = &group.articles;
            let newest = chronological.last().copied();
            data.latest = newest.map(|a| tera::Value::from_serializable(self.card_of(a)));
            let others = chronological.iter().copied().filter(|&a| Some(a) != newest);
            data.articles = match self.site.config.story_order {
                StoryOrder::Newest => self.cards(others.rev()),
                StoryOrder::Oldest => self.cards(others),
            };
            data.order = self.site.config.story_order.as_str();
            data.timeline = self.entries(chronological.iter().copied());
        } else {
            (data.articles, data.earlier) = self.lead_and_earlier(&group.articles);
        }
        self.page(&format!("{kind}.html"), meta, data)
    }

    fn intro(&self, intro: &crate::load::Intro) -> IntroContext {
        IntroContext {
            summary: intro.summary.clone(),
            image: intro.image.as_ref().map(|i| match i.contains("://") {
                true => i.clone(),
                false => self.graph.routes.url(Route::File(i)),
            }),
            content: self.plain_markdown(intro.body()),
        }
    }

    pub(in crate::render) fn group_summary(&self, section: Section, group: &Group) -> GroupSummary {
        let dates: Vec<_> = group
            .articles
            .iter()
            .map(|&a| self.site.articles[a].date)
            .collect();
        let first = dates.iter().min_by_key(|d| d.timestamp());
        let last = dates.iter().max_by_key(|d| d.timestamp());
        let locale = &self.site.locale;
        GroupSummary {
            name: group.name.clone(),
            url: self.graph.routes.url(group_route(section, &group.slug)),
            count: group.articles.len(),
            first_date_display: first.map(|d| locale.date(d.date())).unwrap_or_default(),
            last_date_display: last.map(|d| locale.date(d.date())).unwrap_or_default(),
        }
    }

    fn groups_index(&self, section: Section) -> Result<Output, Diagnostic> {
        let groups = self.graph.groups(section);
        let mut list: Vec<GroupSummary> = groups
            .iter()
            .map(|g| self.group_summary(section, g))
            .collect();
        if section != Section::Stories {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        }
        #[derive(Serialize)]
        struct Data {
            groups: Vec<GroupSummary>,
        }
        let title = self.site.locale.text(match section {
            Section::Tags => "title_topics",
            Section::Stories => "title_stories",
            Section::Authors => "title_authors",
        });
        let kind = section.folder();
        let meta = self.meta(kind, title, "", index_route(section));
        self.page(&format!("{kind}.html"), meta, Data { groups: list })
    }

    /// A group page (and its feed) shows the group, its introduction and its articles.
    /// A story shows every article's card; a topic or author the lead's cards and the
    /// others' entries.
    fn print_group(&self, section: Section, group: &Group, print: &mut Print) {
        if let Some(intro) = group.intro.map(|i| &self.site.intros[i]) {
            print.add(&intro.text);
        }
        print.add(&group.name).add(&group.slug);
        match section {
            Section::Stories => print.cards(&group.articles),
            Section::Tags | Section::Authors => print.lead_and_earlier(&group.articles),
        };
        print.fed(&feeds::group_feed_articles(self, group));
    }

    /// An index shows each group's name, size and first and last dates.
    fn print_groups_index(&self, groups: &[Group], print: &mut Print) {
        for group in groups {
            print.add(&group.name).add(&group.slug);
            print.entries(&group.articles);
        }
    }
}

/// The route of a group's page.
pub(in crate::render) fn group_route(section: Section, slug: &str) -> Route<'_> {
    match section {
        Section::Tags => Route::Tag(slug),
        Section::Stories => Route::Story(slug),
        Section::Authors => Route::Author(slug),
    }
}

/// The route of a group's feed.
pub(in crate::render) fn group_feed_route(section: Section, slug: &str) -> Route<'_> {
    match section {
        Section::Tags => Route::TagFeed(slug),
        Section::Stories => Route::StoryFeed(slug),
        Section::Authors => Route::AuthorFeed(slug),
    }
}

fn index_route(section: Section) -> Route<'static> {
    match section {
        Section::Tags => Route::Tags,
        Section::Stories => Route::Stories,
        Section::Authors => Route::Authors,
    }
}

pub(in crate::render) fn group_link(graph: &Graph, section: Section, group: &Group) -> Link {
    Link {
        name: group.name.clone(),
        url: graph.routes.url(group_route(section, &group.slug)),
    }
}

/// The pages of one section's groups, each with its feed.
pub(in crate::render) struct GroupPages(pub Section);

impl PageKind for GroupPages {
    fn label(&self) -> &'static str {
        match self.0 {
            Section::Tags => "topic pages and feeds",
            Section::Stories => "story pages and feeds",
            Section::Authors => "author pages and feeds",
        }
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.groups(self.0).len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        group_route(self.0, &r.graph.groups(self.0)[index].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        let group = &r.graph.groups(self.0)[index];
        Ok(vec![
            r.group_page(self.0, group)?,
            feeds::group_feed(r, self.0, group),
        ])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_group(self.0, &r.graph.groups(self.0)[index], print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        let group = &r.graph.groups(self.0)[index];
        Listing::Listed(r.last_changed(group.articles.iter().copied()))
    }
}

/// The index of one section's groups.
pub(in crate::render) struct GroupIndex(pub Section);

impl PageKind for GroupIndex {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        index_route(self.0)
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.groups_index(self.0)?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_groups_index(r.graph.groups(self.0), print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}
