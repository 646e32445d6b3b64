//! A person's, organisation's or place's page, and the index of them all.

use crate::render::*;

impl Renderer<'_> {
    pub(in crate::render) fn entity_page(&self, e: EntityId) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let entity = &graph.entities[e];
        let locale = &self.site.locale;
        let description = entity.description.clone().unwrap_or_else(|| {
            let key = format!("entity_description_{}", entity.kind.as_str());
            locale.fill(&key, &[("name", &entity.name)])
        });
        let mut meta = self.meta(
            "entity",
            &entity.name,
            &description,
            Route::Entity(&entity.slug),
        );
        let feed_url = graph.routes.url(Route::EntityFeed(&entity.slug));
        meta.feed_url = Some(feed_url.clone());
        let content = if entity.body.trim().is_empty() {
            String::new()
        } else {
            let linker = EntityLinker::none();
            let links = BTreeMap::new();
            markdown::render(&Document {
                markdown: &entity.body,
                headings: &[],
                links: &links,
                entities: &linker,
                base_path: graph.routes.base_path(),
                allow_html: self.site.config.markdown.allow_html,
                highlighter: &self.highlighter,
                media: None,
            })
        };
        #[derive(Serialize)]
        struct Data {
            entity: EntityContext,
            articles: Vec<tera::Value>,
            earlier: Vec<tera::Value>,
            quotes: Vec<QuoteContext>,
            quote_count: usize,
            statements: Vec<StatementContext>,
            statement_count: usize,
            co_mentions: Vec<EntityRef>,
        }
        let mentioning: Vec<ArticleId> = entity.articles.iter().map(|&(a, _)| a).collect();
        let (articles, earlier) = self.lead_and_earlier(&mentioning);
        self.page(
            "entity.html",
            meta,
            Data {
                entity: EntityContext {
                    name: entity.name.clone(),
                    url: graph.entity_url(e).to_string(),
                    kind: entity.kind.as_str(),
                    kind_label: self.kind_label(entity.kind),
                    known: entity.known,
                    aliases: entity.aliases.clone(),
                    description: entity.description.clone(),
                    content,
                    feed_url,
                    article_count: entity.articles.len(),
                },
                articles,
                earlier,
                quotes: entity
                    .quotes
                    .iter()
                    .take(ENTITY_QUOTES)
                    .map(|&(a, q)| self.quote(a, q))
                    .collect(),
                quote_count: entity.quotes.len(),
                statements: entity
                    .statements
                    .iter()
                    .take(ENTITY_QUOTES)
                    .map(|&(a, i)| self.statement(a, i))
                    .collect(),
                statement_count: entity.statements.len(),
                co_mentions: entity
                    .co_mentions
                    .iter()
                    .map(|&(other, count)| self.entity_ref(other, count))
                    .collect(),
            },
        )
    }

    pub(in crate::render) fn entities_index(&self) -> Result<Output, Diagnostic> {
        let graph = self.graph;
        let groups: Vec<KindGroup> = EntityKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut entities: Vec<EntityRef> = graph
                    .entities
                    .iter_enumerated()
                    .filter(|(_, e)| e.kind == kind)
                    .map(|(i, e)| self.entity_ref(i, e.articles.len()))
                    .collect();
                entities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
                (!entities.is_empty()).then_some(KindGroup {
                    kind: kind.as_str(),
                    label: self.kind_label(kind),
                    entities,
                })
            })
            .collect();
        #[derive(Serialize)]
        struct Data {
            groups: Vec<KindGroup>,
        }
        let meta = self.meta(
            "entities",
            self.site.locale.text("title_entities"),
            "",
            Route::Entities,
        );
        self.page("entities.html", meta, Data { groups })
    }

    /// An entity page (and its feed) shows the entity, its articles, its quotes and
    /// statements, and the entities mentioned beside it.
    pub(in crate::render) fn print_entity(&self, e: EntityId, print: &mut Print) {
        let entity = &self.graph.entities[e];
        print
            .entity(e)
            .add(&entity.slug)
            .add(&entity.aliases)
            .add(&entity.description)
            .add(&entity.body);
        let mentioning: Vec<ArticleId> = entity.articles.iter().map(|&(a, _)| a).collect();
        print.lead_and_earlier(&mentioning);
        let fed: Vec<ArticleId> = entity
            .articles
            .iter()
            .take(self.site.config.feed_length)
            .map(|&(a, _)| a)
            .collect();
        print.fed(&fed);
        print.add(&entity.quotes.len());
        for &(a, q) in entity.quotes.iter().take(ENTITY_QUOTES) {
            print.revision(a).card(a).add(&q);
        }
        print.add(&entity.statements.len());
        for &(a, i) in entity.statements.iter().take(ENTITY_QUOTES) {
            print.revision(a).card(a).add(&i);
        }
        for &(other, count) in &entity.co_mentions {
            print.entity(other).add(&count);
        }
    }

    pub(in crate::render) fn print_entities_index(&self, print: &mut Print) {
        for (e, entity) in self.graph.entities.iter_enumerated() {
            print.entity(e).add(&entity.articles.len());
        }
    }
}

/// A person's, organisation's or place's page, with its feed.
pub(in crate::render) struct EntityPages;

impl PageKind for EntityPages {
    fn label(&self) -> &'static str {
        "entity pages and feeds"
    }

    fn count(&self, r: &Renderer<'_>) -> usize {
        r.graph.entities.len()
    }

    fn route<'r>(&self, r: &'r Renderer<'_>, index: usize) -> Route<'r> {
        Route::Entity(&r.graph.entities[EntityId::from(index)].slug)
    }

    fn render(&self, r: &Renderer<'_>, index: usize) -> Result<Vec<Output>, Diagnostic> {
        let e = EntityId::from(index);
        Ok(vec![r.entity_page(e)?, feeds::entity_feed(r, e)])
    }

    fn print(&self, r: &Renderer<'_>, index: usize, print: &mut Print) {
        r.print_entity(index.into(), print);
    }

    fn listing(&self, r: &Renderer<'_>, index: usize) -> Listing {
        let entity = &r.graph.entities[EntityId::from(index)];
        Listing::Listed(r.last_changed(entity.articles.iter().map(|&(a, _)| a)))
    }
}

/// The index of every entity, by kind.
pub(in crate::render) struct EntityIndex;

impl PageKind for EntityIndex {
    fn label(&self) -> &'static str {
        INDEX_PAGES
    }

    fn route<'r>(&self, _r: &'r Renderer<'_>, _index: usize) -> Route<'r> {
        Route::Entities
    }

    fn render(&self, r: &Renderer<'_>, _index: usize) -> Result<Vec<Output>, Diagnostic> {
        Ok(vec![r.entities_index()?])
    }

    fn print(&self, r: &Renderer<'_>, _index: usize, print: &mut Print) {
        r.print_entities_index(print);
    }

    fn listing(&self, r: &Renderer<'_>, _index: usize) -> Listing {
        Listing::Listed(r.newest_date())
    }
}
