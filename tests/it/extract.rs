//! `brief extract --json` and `brief check` on the real example article.

use crate::common::*;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Expected {
    entities: Vec<ExpectedEntity>,
    quotes: Vec<ExpectedQuote>,
    attributions: Vec<String>,
}

#[derive(serde::Deserialize)]
struct ExpectedEntity {
    name: String,
    kind: String,
    mentions: Vec<String>,
}

#[derive(serde::Deserialize)]
struct ExpectedQuote {
    starts: String,
    speaker: String,
}

fn expected() -> Expected {
    serde_yaml::from_str(&read(
        example_root().join("tests/fixtures/us-gaza-lebanon-initiative.expected.yaml"),
    ))
    .unwrap()
}

/// Runs `brief extract --json` on the example article inside `root` and returns its facts.
fn extract_json(root: &std::path::Path) -> Value {
    let article = example_root().join("content/articles/us-gaza-lebanon-initiative.md");
    let out = brief()
        .args(["extract", "--json", "--root"])
        .arg(root)
        .arg(article)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json[0]["facts"].clone()
}

fn check_facts(facts: &Value, min_found: usize, max_spurious: usize, must_be_known: &[&str]) {
    let expected = expected();
    let found = facts["entities"].as_array().unwrap();
    let mut matched = 0;
    for want in &expected.entities {
        let Some(got) = found.iter().find(|e| e["name"] == want.name.as_str()) else {
            continue;
        };
        if got["kind"] == want.kind.as_str() {
            matched += 1;
        }
        let surfaces: Vec<&str> = got["surfaces"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for mention in &want.mentions {
            assert!(
                surfaces.contains(&mention.as_str()),
                "{} should be seen as {mention}: {surfaces:?}",
                want.name
            );
        }
    }
    let spurious: Vec<&str> = found
        .iter()
        .filter_map(|e| e["name"].as_str())
        .filter(|name| !expected.entities.iter().any(|w| w.name == *name))
        .collect();
    assert!(
        matched >= min_found,
        "found {matched} of {} with the right kind",
        expected.entities.len()
    );
    assert!(spurious.len() <= max_spurious, "spurious: {spurious:?}");
    for name in must_be_known {
        let entity = found.iter().find(|e| e["name"] == *name).unwrap();
        assert_eq!(entity["known"], true, "{name} comes from the gazetteer");
    }

    let quotes = facts["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), expected.quotes.len(), "{quotes:?}");
    for want in &expected.quotes {
        let quote = quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(&want.starts))
            .unwrap_or_else(|| panic!("quote starting {:?}", want.starts));
        assert_eq!(quote["speaker"], want.speaker.as_str());
    }
    let attributions: Vec<&str> = facts["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["source"].as_str())
        .collect();
    for want in &expected.attributions {
        assert!(
            attributions.contains(&want.as_str()),
            "{want} in {attributions:?}"
        );
    }
}

#[test]
fn extract_without_gazetteer_discovers_expected_entities() {
    let empty = site_with(&[("site.yaml", "")]);
    let facts = extract_json(empty.path());
    check_facts(&facts, 12, 2, &[]);
    let biden_quote = facts["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["speaker"] == "Joe Biden")
        .unwrap();
    assert_eq!(biden_quote["speaker_entity"], "Joe Biden");
}

#[test]
fn extract_with_full_gazetteer_finds_all_entities() {
    let expected = expected();
    let records: Vec<String> = expected
        .entities
        .iter()
        .map(|e| {
            let aliases: Vec<String> = e
                .mentions
                .iter()
                .filter(|m| **m != e.name && !m.ends_with("’s"))
                .map(|m| format!("{m:?}"))
                .collect();
            format!(
                "- {{name: {:?}, kind: {}, aliases: [{}]}}",
                e.name,
                e.kind,
                aliases.join(", ")
            )
        })
        .collect();
    let site = site_with(&[("content/entities.yaml", &records.join("\n"))]);
    let facts = extract_json(site.path());
    let names: Vec<&str> = expected.entities.iter().map(|e| e.name.as_str()).collect();
    check_facts(&facts, expected.entities.len(), 0, &names);
}

#[test]
fn check_lists_discovered_entities_as_suggestions() {
    let site = example_site();
    let out = brief()
        .args(["check", "--json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    let suggestions = json["suggestions"].as_array().unwrap();
    let reuters = suggestions
        .iter()
        .find(|s| s["name"] == "Reuters")
        .expect("Reuters suggested");
    assert_eq!(reuters["kind"], "organization");
    let articles = reuters["articles"].as_u64().unwrap();
    assert!(articles >= 2);
    assert_eq!(reuters["files"].as_array().unwrap().len() as u64, articles);
    assert!(
        reuters["files"][0]
            .as_str()
            .unwrap()
            .starts_with("content/articles/")
    );
    let votes = &reuters["votes"];
    assert!(votes["organization"].as_u64().unwrap() >= votes["person"].as_u64().unwrap());
    assert_eq!(reuters["page"], true);
    assert!(
        !suggestions.iter().any(|s| s["name"] == "Hezbollah"),
        "gazetteer entities are not suggested"
    );
    assert!(!site.path().join("public").exists(), "check writes nothing");
    let text = brief()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&text.stdout);
    let line = listing
        .lines()
        .find(|l| l.trim_start().starts_with("Reuters"))
        .unwrap();
    assert!(
        line.contains("votes: ") && line.contains("content/articles/"),
        "{line}"
    );
}

#[test]
fn build_writes_site_json_with_facts_and_graph() {
    let site = example_site();
    assert!(build(site.path(), &[]).status.success());
    let data: Value =
        serde_json::from_str(&read(site.path().join("public/data/site.json"))).unwrap();
    let article = data["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "us-gaza-lebanon-initiative")
        .unwrap();
    assert!(article["facts"]["quotes"].as_array().unwrap().len() >= 2);
    let hezbollah = data["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Hezbollah")
        .unwrap();
    assert!(
        hezbollah["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "us-gaza-lebanon-initiative")
    );
}

#[test]
fn discovery_can_be_switched_off() {
    let site = example_site();
    std::fs::write(
        site.path().join("site.yaml"),
        "discovery: { enabled: false }\n",
    )
    .unwrap();
    assert!(build(site.path(), &[]).status.success());
    assert!(
        site.path()
            .join("public/entities/hezbollah/index.html")
            .exists()
    );
    assert!(
        !site
            .path()
            .join("public/entities/reuters/index.html")
            .exists()
    );
}

#[test]
fn extract_reports_front_matter_errors_instead_of_ignoring_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.md");
    std::fs::write(
        &file,
        "---\ntitle: A note\ndate: 2024-05-01\nsumary: misspelt\n---\nThe mayor spoke.\n",
    )
    .unwrap();
    let out = brief()
        .arg("extract")
        .arg("--root")
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("note.md:4:1"), "{err}");
    assert!(err.contains("did you mean `summary`"), "{err}");
}

#[test]
fn an_ignore_list_and_not_entities_keep_names_off_the_site() {
    let site = site_with(&[
        (
            "content/entities.yaml",
            "- name: Mara Quell\n  kind: person\n- ignore: [Harbour Week]\n",
        ),
        (
            "content/articles/a.md",
            "---\ntitle: Harbour Week opens\ndate: 2025-04-01\nnot_entities: [Dock Nine]\n---\nMara Quell opened Harbour Week at Dock Nine with Tobias Renn.\n\nTobias Renn and Mara Quell later left Dock Nine for Harbour Week events.\n",
        ),
    ]);
    let out = build(site.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let entities = site.path().join("public/entities");
    assert!(entities.join("mara-quell/index.html").exists());
    // Discovery still works: a name in one article is shown there, without a page.
    assert!(
        !entities.join("tobias-renn").exists(),
        "one article is not enough"
    );
    let article = read(site.path().join("public/articles/a/index.html"));
    assert!(
        article.contains(r#"<span class="entity kind-person discovered no-page"><span class="kind-icon" aria-hidden="true"></span>Tobias Renn"#),
        "{article}"
    );
    assert!(!article.contains("Harbour Week<span") && !article.contains(">Dock Nine<"));
    assert!(!entities.join("harbour-week").exists(), "ignored site-wide");
    assert!(
        !entities.join("dock-nine").exists(),
        "ignored in this article"
    );
}

#[test]
fn a_discovered_name_gets_a_page_once_two_articles_mention_it() {
    let text = "Tobias Renn spoke at the harbour. Later Tobias Renn left.";
    let article = |title: &str| format!("---\ntitle: {title}\ndate: 2025-04-01\n---\n{text}\n");
    let site = site_with(&[("content/articles/a.md", &article("One"))]);
    assert!(build(site.path(), &[]).status.success());
    assert!(!site.path().join("public/entities/tobias-renn").exists());
    std::fs::write(site.path().join("content/articles/b.md"), article("Two")).unwrap();
    assert!(build(site.path(), &[]).status.success());
    let page = read(site.path().join("public/entities/tobias-renn/index.html"));
    assert!(page.contains("One") && page.contains("Two"));
}

/// A reader that stops early (`brief extract --json | head`) ends the command quietly:
/// the pipe's read end is closed before the command starts, so every write fails.
#[test]
fn a_closed_pipe_ends_extract_quietly() {
    let article = example_root().join("content/articles/us-gaza-lebanon-initiative.md");
    for format in [&["--json"][..], &[][..]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
            .arg("extract")
            .args(format)
            .arg(&article)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
}

/// Quotations in doubled apostrophes, as newspaper archives write them, are quotations to
/// extraction and show as curly double marks on the page; code keeps its apostrophes.
#[test]
fn doubled_apostrophes_quote_like_double_marks() {
    let text = "Dana Reyes, the harbour master, spoke on Monday.\n\n\
                ''We will reopen the east dock before the winter storms,'' she said.\n\n\
                The script runs `reset --tag ''` first.\n";
    let article = format!("---\ntitle: Docks\ndate: 2025-04-01\n---\n{text}");
    let site = site_with(&[("content/articles/docks.md", &article)]);
    let out = brief()
        .args(["extract", "--json", "--root"])
        .arg(site.path())
        .arg(site.path().join("content/articles/docks.md"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quote = &json[0]["facts"]["quotes"][0];
    assert_eq!(
        quote["text"],
        "We will reopen the east dock before the winter storms"
    );
    assert_eq!(quote["speaker_entity"], "Dana Reyes");

    assert!(build(site.path(), &[]).status.success());
    let page = read(site.path().join("public/articles/docks/index.html"));
    assert!(
        page.contains("“We will reopen the east dock before the winter storms,” she said."),
        "{page}"
    );
    assert!(page.contains("<code>reset --tag ''</code>"), "{page}");
}
