//! The site's files as last read: loaded and extracted, each with its problems, with a
//! revision on every article so a render can tell what changed since it.

use super::*;

/// The site's files as last read: loaded, extracted, with their problems.
pub(super) struct Model {
    pub(super) site: Site,
    /// Revision of each article, index-aligned with `site.articles`; a new one on every change.
    pub(super) revisions: PerArticle<u64>,
    pub(super) facts: PerArticle<Facts>,
    pub(super) gazetteer: Gazetteer,
    pub(super) extract_options: ExtractOptions,
    /// Problems of each content file as last read.
    pub(super) file_diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    pub(super) templates: Result<Theme, Vec<Diagnostic>>,
    pub(super) statics: (Vec<Output>, Vec<Diagnostic>),
    /// Problems of the articles' images and embeds (see `media::attach`).
    pub(super) media_problems: Vec<Diagnostic>,
    /// Revision of the last change to any content file.
    pub(super) content_revision: u64,
    /// Revision of the last change that linking could see (see `link::same_link_inputs`).
    pub(super) graph_revision: u64,
}

impl Model {
    /// Reads, loads and extracts the whole site.
    pub(super) fn load(options: &BuildOptions, revision: &mut u64) -> Result<Model, Report> {
        let config = pipeline::settings(options)?;
        let root = &options.root;
        let load_options = options.load_options(&config);
        let LoadedSite {
            site,
            problems: file_diagnostics,
        } = load::load_files(root, config, &load_options);
        let gazetteer = Gazetteer::new(&site.entities).ignoring(&site.ignored);
        let mut file_diagnostics = file_diagnostics;
        if let Some(problem) = pipeline::gazetteer_problem(&gazetteer) {
            file_diagnostics.insert(problem.path.clone(), vec![problem]);
        }
        let facts = extract::extract_site(&site, &gazetteer);
        let revisions = site
            .articles
            .iter()
            .map(|_| {
                *revision += 1;
                *revision
            })
            .collect();
        let templates = theme::load_templates(root);
        let statics = build::static_outputs(&site);
        let mut model = Model {
            extract_options: ExtractOptions::of(&site.config),
            site,
            revisions,
            facts,
            gazetteer,
            file_diagnostics,
            templates,
            statics,
            media_problems: Vec::new(),
            content_revision: *revision,
            graph_revision: *revision,
        };
        model.refresh_media(revision);
        Ok(model)
    }

    /// Resized images go where `brief build` keeps them by default, so that either reuses
    /// what the other made.
    fn image_mode(&self) -> media::Mode {
        let cache = self.site.root.join(crate::cache::CACHE_DIR);
        media::Mode::Resize(cache.join(media::images::CACHE_SUBDIR))
    }

    /// Makes the articles' images and embeds again; an article whose media changed (an
    /// image file edited, a shortcode template changed) gets a new revision, so the pages
    /// that show it are made again.
    pub(super) fn refresh_media(&mut self, revision: &mut u64) {
        let mode = self.image_mode();
        let Ok(theme) = self.templates.as_mut() else {
            self.media_problems.clear();
            return;
        };
        let old = std::mem::take(&mut self.site.media);
        self.media_problems = media::attach(&mut self.site, &mut theme.tera, mode);
        let changed: Vec<ArticleId> = self
            .site
            .articles
            .keys()
            .filter(|&a| old.of(a) != self.site.media.of(a))
            .collect();
        for a in changed {
            *revision += 1;
            self.revisions[a] = *revision;
            self.content_revision = *revision;
        }
    }

    /// Whether `folder` held content files the model knows.
    pub(super) fn has_folder(&self, folder: &Path) -> bool {
        let site = &self.site;
        site.articles.iter().any(|a| a.path.starts_with(folder))
            || site.pages.iter().any(|p| p.path.starts_with(folder))
            || site.briefings.iter().any(|b| b.path.starts_with(folder))
            || self.file_diagnostics.keys().any(|p| p.starts_with(folder))
    }

    /// Every content file the model knows, loaded or failed.
    pub(super) fn known_paths(&self) -> BTreeSet<PathBuf> {
        let site = &self.site;
        site.articles
            .iter()
            .map(|a| a.path.clone())
            .chain(site.pages.iter().map(|p| p.path.clone()))
            .chain(site.briefings.iter().map(|b| b.path.clone()))
            .chain(site.entities.iter().map(|e| e.path.clone()))
            .chain(self.file_diagnostics.keys().cloned())
            .collect()
    }

    /// Reads one article, page or briefing note again (or drops it when it is gone).
    pub(super) fn read_again(
        &mut self,
        root: &Path,
        path: &Path,
        kind: ContentKind,
        options: &LoadOptions,
        revision: &mut u64,
    ) {
        let (loaded, diagnostics) = if root.join(path).is_file() {
            load::load_file(root, path, kind, options)
        } else {
            (Loaded::Nothing, Vec::new())
        };
        if diagnostics.is_empty() {
            self.file_diagnostics.remove(path);
        } else {
            self.file_diagnostics
                .insert(path.to_path_buf(), diagnostics);
        }
        // The revision this change would get; taken only when something changed.
        let next = *revision + 1;
        let site = &mut self.site;
        // Whether the change can alter the site graph.
        let mut relink = true;
        let changed = match kind {
            ContentKind::Article => {
                let found = site
                    .articles
                    .binary_search_by(|a| a.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Article(article)) => {
                        let changed = site.articles[i].text.held() != article.text.held();
                        if changed {
                            let facts = extract_article(&article, self);
                            relink = !link::same_link_inputs(
                                (&self.site.articles[i], &self.facts[i]),
                                (&article, &facts),
                            );
                            self.facts[i] = facts;
                            self.site.articles[i] = *article;
                            self.revisions[i] = next;
                        }
                        changed
                    }
                    (Ok(i), _) => {
                        site.articles.remove(i);
                        self.facts.remove(i);
                        self.revisions.remove(i);
                        true
                    }
                    (Err(i), Loaded::Article(article)) => {
                        self.facts.insert(i, extract_article(&article, self));
                        self.site.articles.insert(i, *article);
                        self.revisions.insert(i, next);
                        true
                    }
                    (Err(_), _) => false,
                }
            }
            ContentKind::Page => {
                let found = site.pages.binary_search_by(|p| p.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Page(page)) => site.pages[i] = page,
                    (Ok(i), _) => {
                        site.pages.remove(i);
                    }
                    (Err(i), Loaded::Page(page)) => site.pages.insert(i, page),
                    (Err(_), _) => {}
                }
                true
            }
            ContentKind::Briefing => {
                let found = site
                    .briefings
                    .binary_search_by(|b| b.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Briefing(note)) => site.briefings[i] = note,
                    (Ok(i), _) => {
                        site.briefings.remove(i);
                    }
                    (Err(i), Loaded::Briefing(note)) => site.briefings.insert(i, note),
                    (Err(_), _) => {}
                }
                true
            }
            ContentKind::Intro(_) => {
                let found = site.intros.binary_search_by(|i| i.path.as_path().cmp(path));
                match (found, loaded) {
                    (Ok(i), Loaded::Intro(intro)) => site.intros[i] = intro,
                    (Ok(i), _) => {
                        site.intros.remove(i);
                    }
                    (Err(i), Loaded::Intro(intro)) => site.intros.insert(i, intro),
                    (Err(_), _) => {}
                }
                true
            }
            ContentKind::Entity | ContentKind::EntityList => false,
        };
        if changed {
            *revision = next;
            self.content_revision = next;
            if relink {
                self.graph_revision = next;
            }
        }
    }
}

pub(super) fn extract_article(article: &load::Article, model: &Model) -> Facts {
    extract::extract(
        &extract::Input::of(article),
        &model.gazetteer,
        &model.extract_options,
    )
}
