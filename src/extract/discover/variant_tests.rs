//! Names that fold into one another: surnames, acronyms, short forms, middle names and
//! initials, names in capitals.

use crate::extract::EntityMention;
use crate::extract::tests::{entities, facts};
use crate::load::EntityKind::{Organization, Person};

#[test]
fn surnames_join_the_full_name() {
    let f = facts("Senator Maria Okafor spoke first. Later, Okafor’s aides said Okafor would run.");
    assert_eq!(f.entities.len(), 1, "{:?}", f.entities);
    let e = &f.entities[0];
    assert_eq!(
        (e.name.as_str(), e.kind, e.count),
        ("Maria Okafor", Person, 3)
    );
    assert_eq!(e.surfaces[..], ["Maria Okafor", "Okafor", "Okafor’s"]);
    assert!(!e.known);
}

#[test]
fn acronyms_join_their_full_name() {
    let f = facts(
        "The Global Climate Fund approved the plan. In a statement, the GCF said it would \
         pay. The United States agreed, and US officials said so.",
    );
    let names: Vec<(&str, usize)> = f
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.count))
        .collect();
    assert_eq!(names, [("Global Climate Fund", 2), ("United States", 2)]);
}

#[test]
fn a_name_in_capitals_is_the_same_name_written_in_lower_case() {
    let f = facts(
        "NEW OAKTON, March 3 (Wirepress) - Crews in New Oakton cleared the roads.\n\n\
         DOVER, March 4 - Later, in Dover, the vote was held.",
    );
    let got: Vec<(&str, Vec<&str>)> = f
        .entities
        .iter()
        .map(|e| {
            (
                e.name.as_str(),
                e.surfaces.iter().map(|s| s.as_str()).collect(),
            )
        })
        .collect();
    assert!(
        got.contains(&("New Oakton", vec!["NEW OAKTON", "New Oakton"])),
        "{got:?}"
    );
    assert!(got.contains(&("Dover", vec!["DOVER", "Dover"])), "{got:?}");
    // An acronym is no other name's capitals.
    let f = facts("The NICE ruling came on Monday. Doctors in Nice, France, were surprised.");
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        names.contains(&"NICE") && names.contains(&"Nice"),
        "{names:?}"
    );
}

#[test]
fn two_surnames_alone_are_the_person_whose_name_ends_with_them() {
    let f = facts(
        "Foreign minister Ana Lucía Ibarra Solano spoke first. Later Ibarra Solano said \
         the river talks would resume.",
    );
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ana Lucía Ibarra Solano"]);
    // Not a word that opens another person's name: it may be a given name.
    let f = facts(
        "Foreign minister Ana Lucía Ibarra Solano spoke first. Later Ibarra Solano said \
         the talks would resume, and Ibarra Vega agreed.",
    );
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Ibarra Solano"), "{names:?}");
    // Not a given name and a surname: "Maria Reyes" may be another Reyes.
    let f = facts("Dana Maria Reyes spoke first. Maria Reyes, her sister, spoke next.");
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Maria Reyes"), "{names:?}");
}

#[test]
fn short_forms_join_the_organisation_they_abbreviate() {
    let f = facts(
        "The European Commission fined Meta. The Commission said more fines could follow. \
         The Council agreed.",
    );
    let got: Vec<(&str, usize)> = f
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.count))
        .collect();
    assert_eq!(got, [("European Commission", 2), ("Meta", 1)]);
}

#[test]
fn middle_initials_fold_into_the_plain_name() {
    let found =
        facts("Dana Q. Reyes spoke first. Later Dana Reyes and Reyes spoke again.").entities;
    let reyes: Vec<&EntityMention> = found.iter().filter(|e| e.name.contains("Reyes")).collect();
    assert_eq!(reyes.len(), 1, "{found:?}");
    assert_eq!(reyes[0].name, "Dana Reyes");
    assert!(reyes[0].surfaces.contains(&"Dana Q. Reyes".into()));
    // Without the plain name in the article, the full name stays.
    let found = facts("Dana Q. Reyes spoke first.").entities;
    assert_eq!(found[0].name, "Dana Q. Reyes");
}

#[test]
fn middle_names_fold_into_the_plain_name() {
    let found = facts("Dana Maria Reyes spoke first. Later Dana Reyes said more.").entities;
    let reyes: Vec<&EntityMention> = found.iter().filter(|e| e.name.contains("Reyes")).collect();
    assert_eq!(reyes.len(), 1, "{found:?}");
    assert!(reyes[0].surfaces.contains(&"Dana Maria Reyes".into()));
    // An organisation with a word inside is another body.
    let got = entities("The Oakton Planning Committee met. The Oakton Committee did not.");
    assert!(
        got.contains(&("Oakton Planning Committee".to_string(), Organization)),
        "{got:?}"
    );
}
