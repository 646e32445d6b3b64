use std::path::Path;

use super::*;

/// A count label as the templates' `fill` filter shows it.
fn count(locale: &Locale, key: &str, n: i64) -> String {
    let Some(Label::Forms(forms)) = locale.labels().get(key) else {
        panic!("{key} has no plural forms");
    };
    let form = match plural_key(n, forms.zero.is_some()) {
        "zero" => forms.zero.as_deref().unwrap_or_default(),
        "one" => &forms.one,
        _ => &forms.other,
    };
    let n = n.to_string();
    text::fill(form, |slot| (slot == "n").then_some(n.as_str()))
}

fn site_with_table(language: &str, yaml: &str) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir(root.path().join(SITE_FOLDER)).unwrap();
    std::fs::write(
        root.path()
            .join(SITE_FOLDER)
            .join(format!("{language}.yaml")),
        yaml,
    )
    .unwrap();
    root
}

#[test]
fn every_built_in_table_has_every_english_label_in_its_shape() {
    for (tag, text) in BUILT_IN {
        let (table, problems) = file::parse(Path::new(tag), text, Some(english()));
        assert!(problems.is_empty(), "{tag}: {problems:?}");
        let missing: Vec<&String> = english()
            .keys()
            .filter(|k| !table.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
    }
}

#[test]
fn a_region_uses_its_language_and_english_fills_nothing_in() {
    let (locale, problems) = Locale::load(Path::new("/nonexistent"), "fr-CA");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(locale.text("latest_briefing"), "Dernier briefing");
    assert_eq!(count(&locale, "n_articles", 0), "0 article");
    assert_eq!(count(&locale, "n_articles", 2), "2 articles");
}

#[test]
fn a_language_without_a_table_is_an_error_naming_the_setting() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("site.yaml"), "title: X\nlanguage: it\n").unwrap();
    let (locale, problems) = Locale::load(root.path(), "it");
    assert_eq!(problems.len(), 1);
    let problem = &problems[0];
    assert!(problem.is_error());
    assert_eq!(
        (problem.path.as_path(), problem.line),
        (Path::new("site.yaml"), 2)
    );
    assert!(
        problem.message.contains("`language: it`"),
        "{}",
        problem.message
    );
    assert!(
        problem.message.contains("i18n/it.yaml"),
        "{}",
        problem.message
    );
    assert_eq!(locale.text("latest_briefing"), "Latest briefing");
}

#[test]
fn a_site_table_replaces_some_built_in_labels() {
    let root = site_with_table("de", "latest_briefing: Heute\n");
    let (locale, problems) = Locale::load(root.path(), "de");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(locale.text("latest_briefing"), "Heute");
    assert_eq!(locale.text("recent_articles"), "Neue Artikel");
}

#[test]
fn a_new_language_falls_back_to_english_with_a_warning_listing_the_keys() {
    let root = site_with_table(
        "ja",
        "latest_briefing: 最新のブリーフィング\nn_articles: { other: \"{n}件の記事\" }\n",
    );
    let (locale, problems) = Locale::load(root.path(), "ja");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(!problems[0].is_error());
    assert!(
        problems[0].message.contains("recent_articles"),
        "{}",
        problems[0].message
    );
    assert!(
        !problems[0].message.contains("latest_briefing,"),
        "{}",
        problems[0].message
    );
    assert_eq!(locale.text("latest_briefing"), "最新のブリーフィング");
    assert_eq!(count(&locale, "n_articles", 1), "1件の記事");
    assert_eq!(locale.text("recent_articles"), "Recent articles");
}

#[test]
fn every_problem_of_a_site_table_is_reported_at_its_line() {
    let root = site_with_table(
        "fr",
        "latest_briefng: x\nn_articles: [a]\nmonths: [a, b]\nmin_read: \"{m} min\"\nnext: \n",
    );
    let (_, problems) = Locale::load(root.path(), "fr");
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(
        found[0].1.contains("did you mean `latest_briefing`"),
        "{found:?}"
    );
    assert_eq!(
        found.iter().map(|f| f.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert!(found[2].1.contains("12 names"), "{found:?}");
    assert!(
        found[3].1.contains("{m}") && found[3].1.contains("{n}"),
        "{found:?}"
    );
    assert!(problems.iter().all(Diagnostic::is_error));
    let root = site_with_table("fr", "n_articles: \"{n} textes\"\n");
    let (locale, problems) = Locale::load(root.path(), "fr");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(count(&locale, "n_articles", 1), "1 textes");
}

#[test]
fn placeholders_are_filled_and_other_braces_kept() {
    let filled = text::fill("{n} of {total} {not a slot} {}", |slot| match slot {
        "n" => Some("3"),
        _ => None,
    });
    assert_eq!(filled, "3 of {total} {not a slot} {}");
    assert_eq!(
        pieces("a {b}c").collect::<Vec<_>>(),
        [Piece::Text("a "), Piece::Slot("b"), Piece::Text("c")]
    );
}

#[test]
fn the_template_docs_name_every_label() {
    let docs = include_str!("../../docs/templates.md");
    let section = docs
        .split("## Languages and labels")
        .nth(1)
        .unwrap_or_default();
    // The docs name one label of each kind family (`kinds_person, …`) for all four.
    let named = |key: &str| {
        let family = key
            .rsplit_once('_')
            .map(|(head, _)| format!("`{head}_person`"));
        section.contains(&format!("`{key}`")) || family.is_some_and(|f| section.contains(&f))
    };
    let missing: Vec<&String> = english().keys().filter(|key| !named(key)).collect();
    assert!(
        missing.is_empty(),
        "docs/templates.md does not list {missing:?}"
    );
}
