//! Redirect pages: each old address in an article's `aliases:` gets a page that sends
//! readers (and search engines, through its canonical link) to the article.

use crate::render::*;

impl Renderer<'_> {
    /// Every file a page of the site is written to, with the file it comes from (or none,
    /// for pages Brief makes from the whole site): what an old address must not take.
    fn page_files(&self) -> &HashMap<String, Option<PathBuf>> {
        self.page_files.get_or_init(|| {
            PAGE_KINDS
                .iter()
                .filter(|kind| !kind.is_redirect())
                .flat_map(|&kind| (0..kind.count(self)).map(move |index| Job { kind, index }))
                .map(|job| {
                    let source = job.kind.source(self, job.index).map(Path::to_path_buf);
                    (self.job_path(job), source)
                })
                .collect()
        })
    }

    fn redirect_page(&self, index: usize) -> Result<Output, Diagnostic> {
        let redirects = &self.graph.redirects;
        let (path, a) = &redirects[index];
        let article = &self.site.articles[*a];
        let file = self.graph.routes.file(Route::File(path));
        let error = |message: String| {
            let error = Diagnostic::error(&article.path, message);
            let Ok(text) = article.text.read(&self.site.root, &article.path) else {
                return error;
            };
            let line = text.lines().position(|l| l.starts_with("aliases:"));
            error.at(&text, line.map_or(1, |i| i + 1), 1)
        };
        if let Some(source) = self.page_files().get(&file) {
            let owner = match source {
                Some(source) => format!("the page made from {}", source.display()),
                None => format!("Brief's own page {file}"),
            };
            return Err(error(format!(
                "alias `/{path}` is the address of {owner}; remove it from `aliases`"
            )));
        }
        if let Some((_, first)) = index
            .checked_sub(1)
            .map(|i| &redirects[i])
            .filter(|(p, _)| p == path)
        {
            return Err(error(format!(
                "alias `/{path}` is also an alias of {}; an old address can lead to one article only",
                self.site.articles[*first].path.display()
            )));
        }
        let target = self.absolute(&self.graph.article_url(self.site, *a));
        let mut meta = self.meta("redirect", &article.front.title, "", Route::File(path));
        meta.canonical = target.clone();
        #[derive(Serialize)]
        struct Data {
            target: String,
        }
        self.page("redirect.html", meta, Data { target })
    }
}

/// The pages at old addresses.
pub(in crate::render) struct RedirectPages;

impl PageKind for RedirectPages {
    fn label(&self) -> &'static str {
        "redirect pages"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.redirects.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::File(&r.graph.redirects[index].0)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.redirect_page(index)?])
    }

    /// The page shows where the article is now, and its title.
    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        let (path, a) = &r.graph.redirects[index];
        let article = &r.site.articles[*a];
        print.add(path).add(&article.slug).add(&article.front.title);
        // Whether it clashes with another page or alias, which makes it an error.
        let claimed = index > 0 && r.graph.redirects[index - 1].0 == *path;
        let file = r.graph.routes.file(Route::File(path));
        print.add(&claimed).add(&r.page_files().contains_key(&file));
    }

    fn is_redirect(&self) -> bool {
        true
    }
}
