//! The timeline: months newest first, paged by size.

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn timeline_url(&self, page: usize) -> String {
        self.graph.routes.url(Route::Timeline(page))
    }

    pub(in crate::render) fn timeline_page(&self, p: usize) -> Result<Output, Diagnostic> {
        let total = self.timeline.len().max(1);
        let locale = &self.site.locale;
        let title = if p == 0 {
            locale.text("title_timeline").to_string()
        } else {
            locale.fill("title_timeline_page", &[("n", &(p + 1).to_string())])
        };
        let meta = self.meta("timeline", &title, "", Route::Timeline(p));
        #[derive(Serialize)]
        struct Data {
            months: Vec<MonthContext>,
            pagination: Pagination,
        }
        self.page(
            "timeline.html",
            meta,
            Data {
                months: self
                    .timeline
                    .get(p)
                    .into_iter()
                    .flatten()
                    .map(|month| MonthContext {
                        id: month.id.clone(),
                        label: month.label.clone(),
                        articles: self.cards(month.articles.iter().copied()),
                    })
                    .collect(),
                pagination: Pagination {
                    current: p + 1,
                    total,
                    prev: p.checked_sub(1).map(|q| self.timeline_url(q)),
                    next: (p + 1 < total).then(|| self.timeline_url(p + 1)),
                    pages: (0..total)
                        .map(|q| PageLink {
                            number: q + 1,
                            url: self.timeline_url(q),
                            current: q == p,
                        })
                        .collect(),
                },
            },
        )
    }

    /// A timeline page shows its months' cards and links to every other page.
    pub(in crate::render) fn print_timeline(&self, p: usize, print: &mut Print) {
        print.add(&self.timeline.len());
        for month in self.timeline.get(p).into_iter().flatten() {
            print
                .add(&month.id)
                .add(&month.label)
                .cards(&month.articles);
        }
    }
}

/// Months newest first, packed into pages of about `timeline_page_size` articles
/// (a month is never split).
pub(in crate::render) fn timeline_months(site: &Site, graph: &Graph) -> Vec<Vec<Month>> {
    let mut months: Vec<Month> = Vec::new();
    let mut current = None;
    for &a in &graph.by_date {
        let date = site.articles[a].date.date();
        if current != Some((date.year(), date.month())) {
            current = Some((date.year(), date.month()));
            months.push(Month {
                id: date.strftime("%Y-%m").to_string(),
                label: site.locale.month_year(date),
                articles: Vec::new(),
            });
        }
        if let Some(month) = months.last_mut() {
            month.articles.push(a);
        }
    }
    let limit = site.config.timeline_page_size;
    let mut pages: Vec<Vec<Month>> = Vec::new();
    let mut size = 0;
    for month in months {
        if pages.is_empty() || size + month.articles.len() > limit && size > 0 {
            pages.push(Vec::new());
            size = 0;
        }
        size += month.articles.len();
        if let Some(page) = pages.last_mut() {
            page.push(month);
        }
    }
    pages
}

/// One month of the timeline: its articles, newest first.
#[derive(Debug, Clone)]
pub(in crate::render) struct Month {
    pub(in crate::render) id: String,
    pub(in crate::render) label: String,
    pub(in crate::render) articles: Vec<ArticleId>,
}

/// The timeline's pages.
pub(in crate::render) struct TimelinePages;

impl PageKind for TimelinePages {
    fn label(&self) -> &'static str {
        "timeline pages"
    }

    /// An empty site still has a (first, empty) timeline page.
    fn count(&self, r: &Renderer<'_>) -> usize {
        r.timeline.len().max(1)
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Timeline(index)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.timeline_page(index)?])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_timeline(index, print);
    }

    /// A page changes when its newest article does (months and their articles are newest
    /// first).
    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        let newest = r.timeline.get(index).and_then(|months| months.first());
        let newest = newest.and_then(|month| month.articles.first());
        Listing::Listed(newest.map(|&a| r.card_of(a).date.clone()))
    }
}
