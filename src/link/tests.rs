use super::*;
use crate::extract::Gazetteer;

/// Loads, extracts and links a site made of `files`.
fn linked(files: &[(&str, &str)]) -> (Site, Graph, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let config = crate::config::Config::load(dir.path()).unwrap();
    let (site, problems) = crate::load::load(dir.path(), config, &Default::default());
    assert!(problems.is_empty(), "{problems:?}");
    let facts = crate::extract::extract_site(&site, &Gazetteer::new(&site.entities));
    let (graph, diagnostics) = link(
        &site,
        &facts,
        crate::extract::outline_pages(&site),
        &Earlier::default(),
    );
    (site, graph, diagnostics)
}

fn article(title: &str, date: &str, front: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\n{front}---\n{body}\n")
}

fn titles(site: &Site, articles: &[ArticleId]) -> Vec<String> {
    articles
        .iter()
        .map(|&a| site.articles[a].front.title.clone())
        .collect()
}

#[test]
fn tags_list_newest_first_and_stories_oldest_first() {
    let (site, graph, _) = linked(&[
        (
            "content/articles/a.md",
            &article(
                "First",
                "2025-01-01",
                "tags: [budget]\nstory: city-budget-vote\n",
                "Text.",
            ),
        ),
        (
            "content/articles/b.md",
            &article(
                "Second",
                "2025-01-03",
                "tags: [budget]\nstory: city-budget-vote\n",
                "Text.",
            ),
        ),
        (
            "content/articles/c.md",
            &article("Third", "2025-01-02", "tags: [budget, transit]\n", "Text."),
        ),
    ]);
    let budget = graph.tags.iter().find(|t| t.name == "budget").unwrap();
    assert_eq!(
        titles(&site, &budget.articles),
        ["Second", "Third", "First"]
    );
    assert_eq!(graph.stories.len(), 1);
    assert_eq!(graph.stories[0].name, "City Budget Vote");
    assert_eq!(
        titles(&site, &graph.stories[0].articles),
        ["First", "Second"]
    );
    assert_eq!(titles(&site, &graph.by_date), ["Second", "Third", "First"]);
    let days: Vec<String> = graph.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(days, ["2025-01-01", "2025-01-02", "2025-01-03"]);
    let c = site
        .articles
        .position(|a| a.front.title == "Third")
        .unwrap();
    assert_eq!(graph.article_links[c].tags.len(), 2);
    assert_eq!(graph.article_links[c].story, None);
}

#[test]
fn story_titles_keep_small_words_small() {
    let none = std::iter::empty();
    assert_eq!(
        story_title("talks-on-the-harbour", none.clone()),
        "Talks on the Harbour"
    );
    assert_eq!(story_title("Already Named", none), "Already Named");
}

#[test]
fn story_titles_keep_hyphens_the_articles_write() {
    let texts = [
        "Ferry talks: the Anglo-French deal stalls",
        "Port-to-port crossings resume",
    ];
    assert_eq!(
        story_title("anglo-french-ferry-talks", texts.iter().copied()),
        "Anglo-French Ferry Talks"
    );
    // A pair joined only inside a longer compound is not joined.
    assert_eq!(
        story_title("port-to-crossings", texts.iter().copied()),
        "Port to Crossings"
    );
    // Found in any case, after letters whose lower case is longer ("İ"), and in ids
    // with accents.
    let texts = ["İzmir hosts the SOUTH-EAST forum", "Talks in Genève-Lac"];
    assert_eq!(
        story_title("south-east-forum", texts.iter().copied()),
        "SOUTH-EAST Forum"
    );
    assert_eq!(
        story_title("genève-lac-talks", texts.iter().copied()),
        "Genève-Lac Talks"
    );
}

#[test]
fn related_articles_share_rare_entities_and_stories_never_themselves() {
    let gazetteer = "- name: Mara Quell\n  kind: person\n- name: Port Kessel\n  kind: place\n- name: Harbour Board\n  kind: organization\n";
    let (site, graph, _) = linked(&[
        ("content/entities.yaml", gazetteer),
        (
            "content/articles/a.md",
            &article(
                "Quell at the port",
                "2025-01-01",
                "",
                "Mara Quell toured Port Kessel.",
            ),
        ),
        (
            "content/articles/b.md",
            &article(
                "Quell again",
                "2025-01-02",
                "",
                "Mara Quell spoke in Port Kessel.",
            ),
        ),
        (
            "content/articles/c.md",
            &article("Board meets", "2025-01-03", "", "The Harbour Board met."),
        ),
        (
            "content/articles/d.md",
            &article(
                "Board story",
                "2025-01-04",
                "story: board\n",
                "The Harbour Board voted.",
            ),
        ),
        (
            "content/articles/e.md",
            &article(
                "Board story two",
                "2025-01-05",
                "story: board\n",
                "Nothing else.",
            ),
        ),
    ]);
    let index = |title: &str| site.articles.position(|a| a.front.title == title).unwrap();
    let related = |title: &str| titles(&site, &graph.article_links[index(title)].related);
    assert_eq!(related("Quell at the port"), ["Quell again"]);
    assert!(!related("Board story").contains(&"Board story".to_string()));
    // Sharing a story and an entity outranks sharing an entity alone.
    assert_eq!(
        related("Board story").first().map(String::as_str),
        Some("Board story two")
    );
    for links in &graph.article_links {
        assert!(links.related.len() <= related::RELATED_COUNT);
    }
}

/// Links `site` again, offering `earlier` related lists.
fn relinked(site: &Site, earlier: &Earlier) -> Graph {
    let facts = crate::extract::extract_site(site, &Gazetteer::new(&site.entities));
    link(site, &facts, crate::extract::outline_pages(site), earlier).0
}

#[test]
fn related_lists_are_taken_from_an_earlier_build_only_when_scored_from_the_same_inputs() {
    let gazetteer = "- name: Mara Quell\n  kind: person\n";
    let (mut site, graph, _) = linked(&[
        ("content/entities.yaml", gazetteer),
        (
            "content/articles/a.md",
            &article("Quell tours", "2025-01-01", "", "Mara Quell toured."),
        ),
        (
            "content/articles/b.md",
            &article("Quell speaks", "2025-01-02", "", "Mara Quell spoke."),
        ),
        (
            "content/articles/c.md",
            &article("Rain", "2025-01-03", "", "It rained."),
        ),
    ]);
    let a = site
        .articles
        .position(|x| x.front.title == "Quell tours")
        .unwrap();
    let inputs = graph.article_links[a].related_inputs;
    assert_eq!(
        titles(&site, &graph.article_links[a].related),
        ["Quell speaks"]
    );
    // A list kept under the same inputs is taken as it is, not scored again.
    let c_slug = site
        .articles
        .iter()
        .find(|x| x.front.title == "Rain")
        .unwrap()
        .slug
        .clone();
    let earlier = Earlier::new([(inputs, vec![c_slug])], []);
    let again = relinked(&site, &earlier);
    assert_eq!(titles(&site, &again.article_links[a].related), ["Rain"]);
    assert_eq!(again.article_links[a].related_inputs, inputs);
    // Another date for an article it scores through makes other inputs: scored again.
    let b = site
        .articles
        .position(|x| x.front.title == "Quell speaks")
        .unwrap();
    site.articles[b].date = site.articles[a].date;
    let moved = relinked(&site, &earlier);
    assert_ne!(moved.article_links[a].related_inputs, inputs);
    assert_eq!(
        titles(&site, &moved.article_links[a].related),
        ["Quell speaks"]
    );
}

#[test]
fn discovered_names_merge_across_articles_and_need_enough_articles_for_a_page() {
    let (_, graph, _) = linked(&[
        ("site.yaml", "discovery:\n  min_articles: 2\n"),
        (
            "content/entities.yaml",
            "- name: Port Kessel\n  kind: place\n  aliases: [the port]\n",
        ),
        (
            "content/articles/a.md",
            &article(
                "One",
                "2025-01-01",
                "",
                "Minister Tobias Renn visited Port Kessel. Greta Holm stayed.",
            ),
        ),
        (
            "content/articles/b.md",
            &article(
                "Two",
                "2025-01-02",
                "",
                "Tobias Renn said the port would reopen.",
            ),
        ),
    ]);
    let names: Vec<&str> = graph.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Tobias Renn"), "{names:?}");
    assert!(
        !names.contains(&"Greta Holm"),
        "one article is not enough: {names:?}"
    );
    let port = &graph.entities[graph.entity_by_name["Port Kessel"]];
    assert!(port.known);
    assert_eq!(
        port.articles.len(),
        2,
        "the alias counts for the gazetteer entity"
    );
    let renn = &graph.entities[graph.entity_by_name["Tobias Renn"]];
    assert!(!renn.known);
    assert_eq!(renn.kind, EntityKind::Person);
    assert_eq!(renn.slug, "tobias-renn");
}

#[test]
fn internal_links_resolve_to_urls_and_a_broken_one_is_an_error_at_its_line() {
    let (site, graph, diagnostics) = linked(&[
        ("site.yaml", "base_url: /briefs/\n"),
        (
            "content/articles/a.md",
            &article("A", "2025-01-01", "", "## Background\n\nText."),
        ),
        (
            "content/articles/b.md",
            &article(
                "B",
                "2025-01-02",
                "",
                "See [A](a.md#background).\n\nAnd [gone](nope.md).",
            ),
        ),
    ]);
    let b = site.articles.position(|a| a.front.title == "B").unwrap();
    assert_eq!(
        graph.article_links[b]
            .resolved
            .get("a.md#background")
            .map(String::as_str),
        Some("/briefs/articles/a/#background")
    );
    let a = site.articles.position(|a| a.front.title == "A").unwrap();
    assert_eq!(graph.article_links[a].backlinks, [b]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("nope.md"));
    assert_eq!(diagnostics[0].line, 7);
}
