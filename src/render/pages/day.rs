//! Daily briefing pages and their index.

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn day_context(&self, d: usize) -> DayContext {
        let day = &self.graph.days[d];
        DayContext {
            date: day.date.to_string(),
            date_display: self.site.locale.date_with_weekday(day.date),
            url: self.graph.routes.url(Route::Day(day.date)),
            count: day.articles.len(),
        }
    }

    pub(in crate::render) fn day_link(&self, d: usize) -> Link {
        let day = self.day_context(d);
        Link {
            name: day.date_display,
            url: day.url,
        }
    }

    pub(in crate::render) fn note(&self, d: usize) -> Option<NoteContext> {
        let note = &self.site.briefings[self.graph.days[d].note?];
        Some(NoteContext {
            title: note.title.clone(),
            content: self.plain_markdown(&note.body),
        })
    }

    pub(in crate::render) fn day_data(&self, d: usize) -> DayData {
        let day = &self.graph.days[d];
        let (lead, rest) = match day.articles.split_first() {
            Some((&lead, rest)) => (Some(lead), rest),
            None => (None, &day.articles[..]),
        };
        DayData {
            day: self.day_context(d),
            note: self.note(d),
            lead: lead.map(|a| tera::Value::from_serializable(self.card_of(a))),
            articles: self.cards(rest.iter().copied()),
            quotes: day
                .articles
                .iter()
                .flat_map(|&a| (0..self.facts[a].quotes.len()).map(move |q| (a, q)))
                .map(|(a, q)| self.quote(a, q))
                .collect(),
            prev: d.checked_sub(1).map(|p| self.day_link(p)),
            next: (d + 1 < self.graph.days.len()).then(|| self.day_link(d + 1)),
        }
    }

    pub(in crate::render) fn day_page(&self, d: usize) -> Result<Output, Diagnostic> {
        let data = self.day_data(d);
        let title = self
            .site
            .locale
            .fill("title_briefing", &[("date", &data.day.date_display)]);
        let meta = self.meta("briefing", &title, "", Route::Day(self.graph.days[d].date));
        self.page("briefing.html", meta, data)
    }

    pub(in crate::render) fn briefings_index(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Data {
            days: Vec<DayContext>,
        }
        let days = (0..self.graph.days.len())
            .rev()
            .map(|d| self.day_context(d))
            .collect();
        let title = self.site.locale.text("title_briefings");
        let meta = self.meta("briefings", title, "", Route::Briefings);
        self.page("briefings.html", meta, Data { days })
    }

    /// A briefing shows the day's note, its articles and their quotes, and the days
    /// before and after.
    pub(in crate::render) fn print_day(&self, d: usize, print: &mut Print) {
        let days = &self.graph.days;
        let day = &days[d];
        print.add(&day.date);
        if let Some(note) = day.note.map(|n| &self.site.briefings[n]) {
            print.add(&note.title).add(&note.body);
        }
        // Its quotes come from each article's text; their speakers link to entity pages.
        print.cards(&day.articles);
        for &a in &day.articles {
            print.revision(a).speakers(a);
        }
        let date = |i: Option<usize>| i.and_then(|i| days.get(i)).map(|d| d.date);
        print.add(&date(d.checked_sub(1))).add(&date(Some(d + 1)));
    }

    pub(in crate::render) fn print_briefings_index(&self, print: &mut Print) {
        for day in &self.graph.days {
            print.add(&day.date).add(&day.articles.len());
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(in crate::render) struct DayData {
    pub(in crate::render) day: DayContext,
    pub(in crate::render) note: Option<NoteContext>,
    /// The day's lead (a Card): the article marked `lead: true`, else the first by weight,
    /// else the newest.
    pub(in crate::render) lead: Option<tera::Value>,
    /// The day's other articles (Cards), in briefing order.
    pub(in crate::render) articles: Vec<tera::Value>,
    pub(in crate::render) quotes: Vec<QuoteContext>,
    pub(in crate::render) prev: Option<Link>,
    pub(in crate::render) next: Option<Link>,
}

/// A day's briefing.
pub(in crate::render) struct DayPages;

impl PageKind for DayPages {
    fn label(&self) -> &'static str {
        "briefing pages"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.days.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Day(r.graph.days[index].date)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.day_page(index)?])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_day(index, print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        Listing::Listed(r.last_changed(r.graph.days[index].articles.iter().copied()))
    }
}

/// The index of daily briefings.
pub(in crate::render) struct BriefingIndex;

impl PageKind for BriefingIndex {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Briefings
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.briefings_index()?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_briefings_index(print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}
