//! End-to-end checks: the example article against its fixture, and a few news texts of
//! other kinds (central bank, election, corporate, conflict) scored the same way.

use serde::Deserialize;

use super::*;
use crate::load::EntityDef;

#[derive(Deserialize)]
struct Expected {
    entities: Vec<ExpectedEntity>,
    quotes: Vec<ExpectedQuote>,
    attributions: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedEntity {
    name: String,
    kind: EntityKind,
    #[serde(default)]
    mentions: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct ExpectedQuote {
    starts: String,
    speaker: String,
}

#[derive(Debug, Default)]
struct Score {
    expected: usize,
    found: usize,
    wrong_kind: Vec<String>,
    missing: Vec<String>,
    spurious: Vec<String>,
}

impl ExpectedEntity {
    fn matches(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|a| a == name)
    }
}

fn score(facts: &Facts, expected: &Expected) -> Score {
    let mut s = Score::default();
    for e in &expected.entities {
        let got = facts.entities.iter().find(|m| e.matches(&m.name));
        if !e.optional {
            s.expected += 1;
        }
        match got {
            Some(m) if m.kind == e.kind => s.found += usize::from(!e.optional),
            Some(m) if !e.optional => s.wrong_kind.push(format!("{} ({:?})", m.name, m.kind)),
            Some(_) => {}
            None if !e.optional => s.missing.push(e.name.clone()),
            None => {}
        }
    }
    for m in &facts.entities {
        if !expected.entities.iter().any(|e| e.matches(&m.name)) {
            s.spurious.push(format!("{} ({:?})", m.name, m.kind));
        }
    }
    s
}

fn body(markdown: &str) -> &str {
    let rest = markdown.strip_prefix("---\n").unwrap_or(markdown);
    rest.find("\n---\n").map_or(rest, |i| &rest[i + 5..])
}

pub(crate) fn run(markdown: &str, gazetteer: &Gazetteer, sources: &[String]) -> Facts {
    let input = Input {
        body: body(markdown),
        first_line: 1,
        summary: None,
        forced_entities: &[],
        sources,
        not_entities: &[],
    };
    extract(&input, gazetteer, &ExtractOptions::default())
}

/// Extraction of a Markdown body with an empty gazetteer, for the rule tests.
pub(crate) fn facts(markdown: &str) -> Facts {
    run(markdown, &Gazetteer::default(), &[])
}

/// The source of every attribution found, in order.
pub(crate) fn sources(markdown: &str) -> Vec<String> {
    facts(markdown)
        .attributions
        .into_iter()
        .map(|a| a.source.into())
        .collect()
}

/// (name, kind) of every entity found, sorted by name.
pub(crate) fn entities(markdown: &str) -> Vec<(String, EntityKind)> {
    let mut out: Vec<_> = facts(markdown)
        .entities
        .into_iter()
        .map(|e| (e.name.into(), e.kind))
        .collect();
    out.sort();
    out
}

/// A gazetteer entry for tests.
pub(crate) fn def(name: &str, kind: EntityKind, aliases: &[&str]) -> EntityDef {
    EntityDef {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        description: None,
        body: String::new(),
        path: "content/entities.yaml".into(),
        line: 1,
    }
}

/// Builds expected `entities` output from literals.
pub(crate) fn named(list: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
    let mut out: Vec<_> = list.iter().map(|(n, k)| (n.to_string(), *k)).collect();
    out.sort();
    out
}

const EXAMPLE: &str = include_str!("../../content/articles/us-gaza-lebanon-initiative.md");
const EXAMPLE_EXPECTED: &str =
    include_str!("../../tests/fixtures/us-gaza-lebanon-initiative.expected.yaml");

const TEXTS: &[(&str, &str, &str)] = &[
    (
        "central-bank",
        include_str!("testdata/central-bank.md"),
        include_str!("testdata/central-bank.expected.yaml"),
    ),
    (
        "election",
        include_str!("testdata/election.md"),
        include_str!("testdata/election.expected.yaml"),
    ),
    (
        "corporate",
        include_str!("testdata/corporate.md"),
        include_str!("testdata/corporate.expected.yaml"),
    ),
    (
        "conflict",
        include_str!("testdata/conflict.md"),
        include_str!("testdata/conflict.expected.yaml"),
    ),
    (
        "courts",
        include_str!("testdata/courts.md"),
        include_str!("testdata/courts.expected.yaml"),
    ),
    (
        "sports",
        include_str!("testdata/sports.md"),
        include_str!("testdata/sports.expected.yaml"),
    ),
    (
        "health",
        include_str!("testdata/health.md"),
        include_str!("testdata/health.expected.yaml"),
    ),
];

fn expected(yaml: &str) -> Expected {
    serde_yaml::from_str(yaml).expect("fixture parses")
}

fn gazetteer_from(expected: &Expected, with_aliases: bool) -> Gazetteer {
    let defs: Vec<EntityDef> = expected
        .entities
        .iter()
        .map(|e| EntityDef {
            name: e.name.clone(),
            kind: e.kind,
            aliases: if with_aliases {
                e.mentions
                    .iter()
                    .filter(|m| **m != e.name && !m.ends_with("’s"))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            },
            description: None,
            body: String::new(),
            path: "content/entities.yaml".into(),
            line: 1,
        })
        .collect();
    Gazetteer::new(&defs)
}

fn assert_quotes_and_sources(name: &str, facts: &Facts, expected: &Expected) {
    assert_eq!(
        facts.quotes.len(),
        expected.quotes.len(),
        "{name}: {:#?}",
        facts.quotes
    );
    for (got, want) in facts.quotes.iter().zip(&expected.quotes) {
        assert!(got.text.starts_with(&want.starts), "{name}: {got:?}");
        // A pronoun stays as written; its entity names the person.
        let speaker = [&got.speaker, &got.speaker_entity];
        assert!(
            speaker.contains(&&Some(want.speaker.as_str().into())),
            "{name}: {got:?}"
        );
    }
    // Reported speech adds every speaker: the listed sources must all be found.
    let sources: Vec<&str> = facts
        .attributions
        .iter()
        .map(|a| a.source.as_str())
        .collect();
    for want in &expected.attributions {
        assert!(
            sources.contains(&want.as_str()),
            "{name}: {want} in {sources:?}"
        );
    }
}

#[test]
fn example_article_without_gazetteer() {
    let expected = expected(EXAMPLE_EXPECTED);
    let facts = run(EXAMPLE, &Gazetteer::default(), &["Reuters".to_string()]);
    let s = score(&facts, &expected);
    assert!(s.found >= 12 && s.spurious.len() <= 2, "{s:#?}");
    assert_eq!((s.found, s.spurious.len()), (14, 0), "{s:#?}");
    for e in &expected.entities {
        let got = facts.entities.iter().find(|m| m.name == e.name).unwrap();
        assert!(!got.known);
        for m in &e.mentions {
            assert!(
                got.surfaces.iter().any(|s| s == m),
                "{} lacks surface {m}: {got:?}",
                e.name
            );
        }
    }
    assert_quotes_and_sources("example", &facts, &expected);
    let biden = &facts.quotes[1];
    assert_eq!(biden.speaker_entity.as_deref(), Some("Joe Biden"));
    assert_eq!(facts.quotes[0].speaker_entity, None);
}

#[test]
fn example_article_with_full_gazetteer() {
    let expected = expected(EXAMPLE_EXPECTED);
    for with_aliases in [true, false] {
        let gazetteer = gazetteer_from(&expected, with_aliases);
        let facts = run(EXAMPLE, &gazetteer, &["Reuters".to_string()]);
        let s = score(&facts, &expected);
        assert_eq!(
            (s.found, s.spurious.len()),
            (14, 0),
            "aliases {with_aliases}: {s:#?}"
        );
        assert!(
            facts.entities.iter().all(|e| e.known),
            "{:#?}",
            facts.entities
        );
        let us = facts
            .entities
            .iter()
            .find(|e| e.name == "United States")
            .unwrap();
        assert_eq!(us.count, 3);
        let biden = facts
            .entities
            .iter()
            .find(|e| e.name == "Joe Biden")
            .unwrap();
        assert_eq!(biden.surfaces[..], ["Biden", "Joe Biden"]);
        assert_quotes_and_sources("example with gazetteer", &facts, &expected);
    }
}

#[test]
fn example_article_with_gazetteer_and_no_discovery() {
    let expected = expected(EXAMPLE_EXPECTED);
    let gazetteer = gazetteer_from(&expected, true);
    let input = Input {
        body: body(EXAMPLE),
        first_line: 1,
        summary: None,
        forced_entities: &[],
        sources: &[],
        not_entities: &[],
    };
    let facts = extract(&input, &gazetteer, &ExtractOptions { discovery: false });
    assert_eq!(facts.entities.len(), 14);
    let off = extract(
        &input,
        &Gazetteer::default(),
        &ExtractOptions { discovery: false },
    );
    assert!(off.entities.is_empty());
    assert_eq!(off.quotes.len(), 2);
}

#[test]
fn other_news_texts_score_well_without_gazetteer() {
    let (mut expected_total, mut found, mut spurious, mut reported) = (0, 0, 0, 0);
    for (name, md, yaml) in TEXTS {
        let exp = expected(yaml);
        let facts = run(md, &Gazetteer::default(), &[]);
        let s = score(&facts, &exp);
        assert!(s.spurious.len() <= 1, "{name}: {s:#?}");
        assert!(s.found + 2 >= s.expected, "{name}: {s:#?}");
        assert_quotes_and_sources(name, &facts, &exp);
        expected_total += s.expected;
        found += s.found;
        spurious += s.spurious.len();
        reported += facts.entities.len();
    }
    let recall = found as f64 / expected_total as f64;
    let precision = 1.0 - spurious as f64 / reported as f64;
    assert!(
        recall >= 0.95 && precision >= 0.95,
        "recall {recall}, precision {precision}"
    );
}

#[test]
fn forced_entities_are_added_once() {
    let expected = expected(EXAMPLE_EXPECTED);
    let gazetteer = gazetteer_from(&expected, true);
    let forced = [
        "Hamas".to_string(),
        "hezbollah".to_string(),
        "Qatar".to_string(),
        "Ceasefire Talks".to_string(),
    ];
    let input = Input {
        body: body(EXAMPLE),
        first_line: 1,
        summary: None,
        forced_entities: &forced,
        sources: &[],
        not_entities: &[],
    };
    let facts = extract(&input, &gazetteer, &ExtractOptions::default());
    let find = |n: &str| facts.entities.iter().find(|e| e.name == n).unwrap();
    assert_eq!(
        facts
            .entities
            .iter()
            .filter(|e| e.name == "Hezbollah")
            .count(),
        1
    );
    assert_eq!(find("Hamas").count, 1);
    let qatar = find("Qatar");
    assert_eq!(
        (qatar.count, qatar.kind, qatar.known),
        (0, EntityKind::Place, false)
    );
    let talks = find("Ceasefire Talks");
    assert_eq!((talks.kind, talks.known), (EntityKind::Other, false));
    assert_eq!(facts.entities.last().unwrap().count, 0);
}

#[test]
fn output_is_sorted_and_deterministic() {
    let first = run(EXAMPLE, &Gazetteer::default(), &[]);
    for _ in 0..3 {
        let again = run(EXAMPLE, &Gazetteer::default(), &[]);
        assert_eq!(again.entities, first.entities);
        assert_eq!(again.quotes, first.quotes);
    }
    for pair in first.entities.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.count > b.count || (a.count == b.count && a.name < b.name));
    }
}

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "“",
        "”",
        "\"",
        // An escaped straight mark stays straight beside curly ones.
        "\\\"",
        "’s",
        "'s",
        " ",
        "\n\n",
        "Hezbollah",
        "U.S.",
        "-",
        "—",
        "said",
        "(With",
        ")",
        "`code`",
        "[link](https://x.example/Israel)",
        "é",
        "Ü",
        "…",
        ".",
        ",",
        ":",
        "# ",
        "ABC",
        "President",
        "of",
        "the",
        "Bank",
        "\u{FFFC}",
        "according to",
        "reports",
        "🙂",
        "**",
        "> ",
        "- ",
        "1.",
        "<b>",
        "Mr.",
        "X-based",
        "al-",
        "Biden",
    ];
    let mut seed: u64 = 7;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let _ = run(&text, &Gazetteer::default(), &[]);
    }
    // A number closing a name before "and" leaves no words to look up as a place.
    for text in [
        "He backed Bill 9 and others.",
        "Ash voted for Bill 9 and Bill 10.",
    ] {
        let _ = run(text, &Gazetteer::default(), &[]);
    }
}

#[test]
fn a_bare_quantifier_is_credited_but_not_listed() {
    let facts = run(
        "Many fear the ferry will stop. Mayor Dana Roe said the service would go on.",
        &Gazetteer::default(),
        &[],
    );
    let sources: Vec<(&str, bool)> = facts
        .attributions
        .iter()
        .map(|a| (a.source.as_str(), a.is_listed()))
        .collect();
    assert!(sources.contains(&("Many", false)), "{sources:?}");
    assert!(
        sources
            .iter()
            .any(|&(s, listed)| s.contains("Dana Roe") && listed),
        "{sources:?}"
    );
}
