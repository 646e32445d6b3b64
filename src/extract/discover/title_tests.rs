//! Titles and the names around them: chambers before a title, press titles, surnames that
//! are also titles, peoples or organisation words, initials, suffixes and headlines.

use super::*;
use crate::extract::tests::entities;

fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
    entities(text)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, k)| k)
}

fn names(text: &str) -> Vec<String> {
    entities(text).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn a_chamber_before_a_title_is_named_on_its_own() {
    let text = "Senate Majority Leader Dana Okafor said the vote would wait.";
    assert_eq!(kind_of(text, "Senate"), Some(Organization));
    assert_eq!(kind_of(text, "Dana Okafor"), Some(Person));
    let speaker = "On Monday, House Speaker Tom Vellacott thanked the staff.";
    assert_eq!(kind_of(speaker, "Tom Vellacott"), Some(Person));
    assert!(names(speaker).iter().any(|n| n.starts_with("House")));
    // Title words that are no chamber stay in the title.
    let foreign = "Foreign Minister Dana Okafor said the talks would resume.";
    assert_eq!(names(foreign), ["Dana Okafor"]);
}

#[test]
fn chief_of_staff_and_press_titles_split_off_the_name() {
    let staff = "The memo went to Chief of Staff Marta Quillon on Friday.";
    assert_eq!(kind_of(staff, "Marta Quillon"), Some(Person));
    assert!(!names(staff).iter().any(|n| n.contains("Staff")));
    let editor = "Oakton Editor Marta Quillon wrote the column, and she stood by it.";
    assert_eq!(kind_of(editor, "Marta Quillon"), Some(Person));
    assert!(!names(editor).iter().any(|n| n.contains("Editor")));
    // "Whip" is a title only capitalised before a name.
    let whip = "Majority Whip Tom Vellacott counted the votes.";
    assert_eq!(kind_of(whip, "Tom Vellacott"), Some(Person));
}

#[test]
fn surnames_that_are_titles_or_peoples_follow_a_given_name() {
    let king = "Pete King said the bill would pass, and Dana Judge agreed.";
    assert_eq!(kind_of(king, "Pete King"), Some(Person));
    assert_eq!(kind_of(king, "Dana Judge"), Some(Person));
    let people = "Mark Cuban and David French both wrote about it; Michael Green did not.";
    assert_eq!(kind_of(people, "Mark Cuban"), Some(Person));
    assert_eq!(kind_of(people, "David French"), Some(Person));
    assert_eq!(kind_of(people, "Michael Green"), Some(Person));
    let initials = "The adviser Cheryl D. Mills and Robert A. Levinson were named.";
    assert_eq!(kind_of(initials, "Cheryl D. Mills"), Some(Person));
    assert_eq!(kind_of(initials, "Robert A. Levinson"), Some(Person));
    // A given name that is a people's name proves nothing: the party stays a party.
    let party = "The Christian Democrats lost seats to the Greens.";
    assert_ne!(kind_of(party, "Christian Democrats"), Some(Person));
    // A title after a place is still a title.
    let gov = "Iowa Gov. Dana Okafor signed it.";
    assert_eq!(kind_of(gov, "Dana Okafor"), Some(Person));
    assert_eq!(kind_of(gov, "Iowa"), Some(Place));
}

#[test]
fn a_lone_surname_folds_past_a_suffix() {
    let text = "Justice Samuel Q. Varnell Jr. wrote the opinion. Varnell said little else.";
    let found = names(text);
    assert!(found.iter().any(|n| n.starts_with("Samuel Q. Varnell")));
    assert!(!found.contains(&"Varnell".to_string()));
}

#[test]
fn a_party_adjective_before_a_chamber_is_dropped() {
    let text = "A Republican Senate would block it, aides said.";
    assert_eq!(names(text), ["Senate"]);
    // A people's adjective before an armed force stays in the name.
    let navy = "The Chinese Air Force flew drills near the strait.";
    assert!(names(navy).contains(&"Chinese Air Force".to_string()));
}

#[test]
fn headlines_in_title_case_or_capitals_are_no_names() {
    let text = "Read more: Dana Okafor Pins The Blame On Rivals. She spoke at length.";
    assert!(!names(text).iter().any(|n| n.contains("Pins")));
    let caps = "MARTA QUILLON IS FEELING THE HEAT After the vote, aides left.";
    assert!(!names(caps).iter().any(|n| n.contains("FEELING")));
    // A small word opening the sentence is not part of the run.
    let opener = "As The Harbor Daily Courier reported, the vote failed.";
    assert!(names(opener).contains(&"Harbor Daily Courier".to_string()));
    // "for" in an organisation's name is no headline word.
    let org = "The Center for Coastal Policy Research in Oakton published it.";
    assert!(names(org).contains(&"Center for Coastal Policy Research".to_string()));
}

#[test]
fn describing_words_before_a_full_name_split_off() {
    let text = "They polled voters, said Pollster Dana Reyes. Ohio Republican Tom Ash agreed.";
    let got = names(text);
    assert!(got.contains(&"Dana Reyes".to_string()), "{got:?}");
    assert!(got.contains(&"Tom Ash".to_string()), "{got:?}");
    assert!(got.contains(&"Ohio".to_string()), "{got:?}");
    assert_eq!(kind_of(text, "Tom Ash"), Some(EntityKind::Person));
    // An unknown first name before a given name and a surname stays one name.
    let whole = "They met Moner Ali Haddad on Monday.";
    assert!(names(whole).contains(&"Moner Ali Haddad".to_string()));
    // A storm is no description.
    let storm = "Hurricane Sandy Grace hit the coast.";
    assert!(!names(storm).contains(&"Sandy Grace".to_string()));
}

#[test]
fn a_title_word_before_a_suffix_is_a_surname() {
    let text = "A statue of Dana Quillon King Jr. stands in Oakton, and visitors admire it.";
    assert_eq!(kind_of(text, "Dana Quillon King Jr."), Some(Person));
    assert!(
        !names(text)
            .iter()
            .any(|n| n == "Dana Quillon" || n == "Jr.")
    );
    // A suffix cut off by a comma is no name of its own.
    let comma = "His eldest, Tom Vellacott, Jr., runs the farm with Dana Okafor.";
    assert!(!names(comma).iter().any(|n| n == "Jr."));
}

#[test]
fn a_word_for_what_someone_does_before_the_name_is_no_part_of_it() {
    let text = "Moderator Tom Vellacott asked the first question of the night.";
    assert_eq!(names(text), ["Tom Vellacott"]);
    let gerund = "Using Dana Okafor as an example, the report made its case.";
    assert_eq!(names(gerund), ["Dana Okafor"]);
    let whereas = "Whereas Okafor wanted a vote, Tom Vellacott did not.";
    assert!(!names(whereas).iter().any(|n| n.starts_with("Whereas")));
    // A short surname first is no such word: the run stays one name.
    let baker = "Baker Tom Vellacott was not a name anyone used.";
    assert!(names(baker).iter().all(|n| n != "Tom Vellacott"));
}
