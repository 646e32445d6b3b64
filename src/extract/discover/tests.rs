//! Discovery on short texts.

use super::*;
use crate::extract::tests::{entities, facts, named};
use crate::model::Name;

#[test]
fn sentence_starts_weekdays_and_months_are_not_entities() {
    let text = "The talks resumed on Wednesday. Both sides agreed in October. As expected, \
                the ceasefire held. According to officials, this was new. Two envoys left. \
                This matters. However, nothing changed by May.";
    assert_eq!(entities(text), []);
}

#[test]
fn a_name_with_particles_after_a_title_is_whole() {
    // The place and the body before the title do not stop "de" or "von der".
    assert_eq!(
        entities("Oakton City Mayor Lina de Sousa spoke. Board Chair Rolf von der Heide left."),
        named(&[
            ("Lina de Sousa", Person),
            ("Oakton City", Place),
            ("Rolf von der Heide", Person),
        ])
    );
    // Without a title, a place's name still takes no particle: "Oakton City de".
    assert_eq!(
        entities("Rio de Janeiro voted. Oakton City de facto ruled."),
        named(&[("Oakton City", Place), ("Rio de Janeiro", Place)])
    );
    // French "des" joins as "de" does.
    let got = entities("The envoys met at the Jardin des Sources in Oakton.");
    assert!(
        got.iter().any(|(name, _)| name == "Jardin des Sources"),
        "{got:?}"
    );
}

#[test]
fn common_words_after_a_sentences_first_word_are_no_name() {
    // A subject and its verb in capitals: a line of title case, no name.
    assert_eq!(
        entities("We Are Closed, the sign read. They Were Here."),
        []
    );
    assert_eq!(
        entities("Whatever Reyes says, nothing. Whenever Ash calls, nobody."),
        named(&[("Ash", Person), ("Reyes", Person)])
    );
    assert_eq!(
        entities("We met Dana Reyes. The Hague voted. We The Readers Foundation paid."),
        named(&[
            ("Dana Reyes", Person),
            ("Readers Foundation", Organization),
            ("The Hague", Place),
        ])
    );
}

#[test]
fn a_surname_after_a_lowercase_title_and_its_department_is_the_person() {
    let found = entities("Former secretary of State Reyes backed the pact.");
    assert_eq!(found, named(&[("Reyes", Person)]));
}

#[test]
fn a_states_abbreviation_needs_its_period_or_a_town_before_it() {
    assert_eq!(
        entities("Mass layoffs hit the plant. Staff in Oakton, Wash and in Calif. left."),
        named(&[("Calif.", Place), ("Oakton", Place), ("Wash", Place)])
    );
}

#[test]
fn a_hall_of_something_is_one_name_and_a_numbered_war_an_event() {
    assert_eq!(
        entities("The Oakton Hall of Science opened after World War II."),
        named(&[
            ("Oakton Hall of Science", Organization),
            ("World War II", Other)
        ])
    );
}

#[test]
fn a_party_adjective_after_and_joins_no_name() {
    assert_eq!(
        entities("The onetime Secretary of State and Democratic hopeful Dana Reyes spoke."),
        named(&[("Dana Reyes", Person)])
    );
}

#[test]
fn of_for_and_and_join_an_organisations_name_only_after_its_own_word() {
    assert_eq!(
        entities(
            "House Speaker Tom Ash of Ohio spoke in the Oakton Hall East Room for Dana Reyes."
        ),
        named(&[
            ("Dana Reyes", Person),
            ("House of Representatives", Organization),
            ("Oakton Hall East Room", Place),
            ("Ohio", Place),
            ("Tom Ash", Person),
        ])
    );
    assert_eq!(
        entities("Scholars at the University of Ohio and Tessel Mellon agreed."),
        named(&[
            ("Tessel Mellon", Organization),
            ("University of Ohio", Organization)
        ])
    );
    assert_eq!(
        entities(
            "The Port Authority of Texas and Ohio, the Center for Oakton Studies and the \
                  Church of Dana Reyes of Tessel met. So did the United States of America."
        ),
        named(&[
            ("Center for Oakton Studies", Organization),
            ("Church of Dana Reyes of Tessel", Organization),
            ("Port Authority of Texas and Ohio", Organization),
            ("United States", Place),
        ])
    );
}

#[test]
fn a_sentence_run_on_after_a_dot_opens_anew() {
    assert_eq!(
        entities("The vote angered Republicans.Meanwhile Dana Reyes left."),
        named(&[("Dana Reyes", Person)])
    );
}

#[test]
fn titles_split_a_run_into_its_names() {
    assert_eq!(
        entities("US President Joe Biden spoke. Fed Chair Jerome Powell listened."),
        named(&[
            ("Federal Reserve", Organization),
            ("Jerome Powell", Person),
            ("Joe Biden", Person),
            ("United States", Place),
        ])
    );
    assert_eq!(
        entities("Israeli Prime Minister Benjamin Netanyahu met Apple Chief Executive Tim Cook."),
        named(&[
            ("Apple", Organization),
            ("Benjamin Netanyahu", Person),
            ("Tim Cook", Person),
        ])
    );
    assert_eq!(
        entities("It met Secretary of State Antony Blinken and the General Assembly."),
        named(&[
            ("Antony Blinken", Person),
            ("General Assembly", Organization)
        ])
    );
}

#[test]
fn organisation_and_place_words_decide_the_kind() {
    assert_eq!(
        entities(
            "The Ministry of Health and the Democratic Unionist Party met Tata Group and \
             Acme Holdings Inc in Kherson, near the Gaza Strip, with a Dubai-based broker."
        ),
        named(&[
            ("Acme Holdings Inc", Organization),
            ("Democratic Unionist Party", Organization),
            ("Dubai", Place),
            ("Gaza", Place),
            ("Kherson", Place),
            ("Ministry of Health", Organization),
            ("Tata Group", Organization),
        ])
    );
}

#[test]
fn context_votes_for_people_places_and_companies() {
    assert_eq!(
        entities(
            "“We are ready for this,” said Lucia Moreno. Rafael Duarte, who leads the \
             union, agreed. Shares of Zentara fell after chipmaker Voltrix rose. Fighting \
             spread to the city of Mykolaiv. Lumo, a Helsinki-based startup, expanded."
        ),
        named(&[
            ("Helsinki", Place),
            ("Lucia Moreno", Person),
            ("Lumo", Organization),
            ("Mykolaiv", Place),
            ("Rafael Duarte", Person),
            ("Voltrix", Organization),
            ("Zentara", Organization),
        ])
    );
}

#[test]
fn quoted_title_after_a_possessive_is_a_work() {
    let f = facts("Biden spoke on ABC’s “The View.” Later he left.");
    let kinds: Vec<(&str, EntityKind)> = f
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    assert!(kinds.contains(&("The View", Other)), "{kinds:?}");
    assert!(kinds.contains(&("ABC", Organization)), "{kinds:?}");
    assert!(f.quotes.is_empty());
}

#[test]
fn demonyms_and_pronouns_are_not_entities() {
    assert_eq!(
        entities("Lebanese officials and Western diplomats met. I think Sunni leaders agreed."),
        []
    );
}

#[test]
fn names_with_and_are_kept_whole_once_established() {
    assert_eq!(
        entities("The ruling Law and Justice party lost. Critics of Law and Justice cheered."),
        named(&[("Law and Justice", Organization)])
    );
}

#[test]
fn code_links_and_urls_hide_names() {
    assert_eq!(
        entities(
            "Use `Kharkiv` here, see [Mykolaiv news](https://news.example/Odesa) and \
             https://example.org/Zaporizhzhia for more.\n\n```\nVinnytsia\n```"
        ),
        []
    );
}

#[test]
fn capitalised_common_words_also_used_in_lowercase_are_dropped() {
    let text = "The rules cover Housing. Officials said housing costs rose.";
    assert_eq!(entities(text), []);
}

#[test]
fn a_word_that_only_opens_sentences_and_is_also_lowercase_is_no_name() {
    // "members" after it would make it an organisation; the lowercase use says otherwise.
    let text = "Orchard members met at noon. The orchard was closed.";
    assert_eq!(entities(text), []);
    // Seen inside a sentence, or never in lowercase, it stays a name.
    let kept = "Orchard members met at noon. They praised Orchard.";
    assert_eq!(entities(kept).len(), 1);
    let named_only = "Velmont members met at noon. The field was closed.";
    assert_eq!(entities(named_only).len(), 1);
}

#[test]
fn dateline_capitals_are_places() {
    assert_eq!(
        entities("WASHINGTON (AP) — Lawmakers met."),
        named(&[("Associated Press", Organization), ("Washington", Place)])
    );
}

#[test]
fn votes_are_reported_per_kind() {
    let f = facts("Talks were held in Valmora. Later, in Valmora again.");
    let e = &f.entities[0];
    assert_eq!(e.name, "Valmora");
    assert_eq!(e.kind, Place);
    let v = e.kind_votes.0;
    assert!(v[2] > v[0] + v[1] + v[3]);
}

#[test]
fn country_abbreviation_before_an_agency_is_one_mention() {
    let f = facts("U.S. Treasury yields fell. The U.S. Federal Trade Commission sued.");
    let got: Vec<(&str, &[Name])> = f
        .entities
        .iter()
        .map(|e| (e.name.as_str(), &e.surfaces[..]))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Federal Trade Commission",
                &[Name::from("U.S. Federal Trade Commission")][..]
            ),
            ("Treasury", &[Name::from("U.S. Treasury")][..]),
        ]
    );
}

#[test]
fn lists_share_the_kind_of_an_organisation() {
    assert_eq!(
        entities("Crews from Duke Energy and Georgia Power said they were ready."),
        named(&[
            ("Duke Energy", Organization),
            ("Georgia Power", Organization)
        ])
    );
    assert_eq!(
        entities("It signed with Kaiser Permanente and HCA Healthcare last year."),
        named(&[
            ("HCA Healthcare", Organization),
            ("Kaiser Permanente", Organization)
        ])
    );
}

#[test]
fn places_by_compass_and_hometown() {
    assert_eq!(
        entities(
            "It landed 50 miles southeast of Tallahassee. Daniel Whitmore, 44, of Palo Alto, \
             pleaded guilty."
        ),
        named(&[
            ("Daniel Whitmore", Person),
            ("Palo Alto", Place),
            ("Tallahassee", Place)
        ])
    );
}

#[test]
fn labels_storms_and_craft() {
    assert_eq!(
        entities(
            "Hurricane Helene became a Category 4 storm. The Perseverance rover found a \
             rock, and the Mars Sample Return program slowed."
        ),
        named(&[
            ("Hurricane Helene", Other),
            ("Mars Sample Return", Other),
            ("Perseverance", Other),
        ])
    );
}

#[test]
fn party_names_keep_their_adjectives() {
    assert_eq!(
        entities("Japan’s ruling Liberal Democratic Party will vote on Sept. 27."),
        named(&[("Japan", Place), ("Liberal Democratic Party", Organization)])
    );
}

#[test]
fn law_names_after_an_organisation() {
    assert_eq!(
        entities("Both sides cited UN Security Council Resolution 1701 again."),
        named(&[
            ("Resolution 1701", Other),
            ("United Nations Security Council", Organization),
        ])
    );
}

#[test]
fn prominent_people_are_known_by_surname() {
    assert_eq!(
        entities("“We must not let Putin win,” the envoy said."),
        named(&[("Vladimir Putin", Person)])
    );
}

#[test]
fn guessed_kinds_for_bare_names() {
    assert_eq!(guess_kind("Lebanon"), Place);
    assert_eq!(guess_kind("Acme Holdings Inc"), Organization);
    assert_eq!(guess_kind("Ministry of Truth"), Organization);
    assert_eq!(guess_kind("Joe Bloggs"), Person);
    assert_eq!(guess_kind("Ceasefire Talks"), Other);
}

#[test]
fn long_runs_of_capitals_are_not_names() {
    // About 40 KB of capitalised words with no punctuation: nothing in it is a name, and
    // reading it stays linear.
    let words = [
        "Alder", "Birch", "Cedar", "Bank", "Of", "North", "Council", "And", "Hazel",
    ];
    let run: Vec<&str> = (0..8000)
        .map(|i| words[(i * 7 + i / 9) % words.len()])
        .collect();
    let text = format!("{}. Mayor Dana Reyes of Oakton spoke.", run.join(" "));
    assert!(text.len() > 40_000);
    let found = facts(&text).entities;
    let long: Vec<&str> = found
        .iter()
        .map(|e| e.name.as_str())
        .filter(|n| n.split_whitespace().count() > 8)
        .collect();
    assert!(long.is_empty(), "{long:?}");
    assert!(found.iter().all(|e| e.name.len() <= 120));
    assert!(found.iter().any(|e| e.name == "Dana Reyes"));
}

#[test]
fn names_stop_at_a_line_break() {
    let got = entities("The panel met in Oakton.\n\nMayor Dana Reyes  \nCouncil Hall was full.");
    assert!(got.iter().all(|(name, _)| !name.contains("Reyes Council")));
}

#[test]
fn a_fact_sheet_one_field_a_line_ends_each_name_at_its_line() {
    let got = entities("The plant employs many.\n\nName: Tom Ash\nOccupation: machinist\nAge: 61");
    assert!(got.contains(&("Tom Ash".to_string(), Person)), "{got:?}");
    // The next field's label is neither part of the name nor a name of its own.
    assert!(
        got.iter()
            .all(|(n, _)| n != "Tom Ash Occupation" && n != "Occupation")
    );
    // A name wrapped onto the next line stays whole.
    let got = entities("The vote was called by Senator Dana\nReyes on Monday.");
    assert!(got.contains(&("Dana Reyes".to_string(), Person)), "{got:?}");
}

#[test]
fn state_abbreviations_are_places_and_party_tags_are_not_names() {
    let got =
        entities("Sen. Tom Ash, D-Calif., spoke in Tampa, Fla., and in Salem, Ore., on Monday.");
    assert!(got.contains(&("Fla.".to_string(), Place)));
    assert!(got.contains(&("Ore.".to_string(), Place)));
    assert!(got.contains(&("Tampa".to_string(), Place)));
    assert!(got.iter().all(|(n, _)| !n.starts_with("D-")));
    // Lowercase "ill." is a word, and ends its sentence.
    let got = entities("He fell ill. Dana Reyes took over.");
    assert!(got.contains(&("Dana Reyes".to_string(), Person)));
}

#[test]
fn given_names_and_initials_make_people() {
    let got = entities("Former President Bill Clinton met George H.W. Bush and Dana Q. Reyes.");
    assert!(
        got.contains(&("Bill Clinton".to_string(), Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("George H.W. Bush".to_string(), Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Dana Q. Reyes".to_string(), Person)),
        "{got:?}"
    );
    // Without a given name first, a law stays a law.
    let got = entities("The Farm Bill passed the Oakton Senate.");
    assert!(!got.iter().any(|(_, k)| *k == Person), "{got:?}");
}

#[test]
fn headings_in_capitals_and_common_phrases_are_not_entities() {
    let got = entities("LETTERS\n\nVoters in Oakton went to the polls on Election Day.");
    assert!(
        got.iter()
            .all(|(n, _)| n != "LETTERS" && n != "Election Day"),
        "{got:?}"
    );
    assert!(got.contains(&("Oakton".to_string(), Place)));
    // Common nouns some styles capitalise, and a title's abbreviation.
    let got = entities("Its Web site says the VP pick is O.K. with them. The Internet agrees.");
    assert_eq!(got, []);
}

#[test]
fn organisation_words_decide_new_kinds() {
    let got =
        entities("Officials at Oakton Water and the Harbor Regulator met Social Security staff.");
    for name in ["Oakton Water", "Harbor Regulator", "Social Security"] {
        assert!(
            got.contains(&(name.to_string(), Organization)),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn council_titles_are_not_part_of_the_name() {
    let got = entities("Councillor Dana Reyes met Alderman Tom Ash in Oakton.");
    assert!(got.contains(&("Dana Reyes".to_string(), Person)), "{got:?}");
    assert!(got.contains(&("Tom Ash".to_string(), Person)), "{got:?}");
}

#[test]
fn first_names_teams_and_papers() {
    let got = entities("Later, Hillary thanked the Oakton Courier. The Denver Hawks won.");
    assert!(got.contains(&("Hillary".to_string(), Person)), "{got:?}");
    assert!(
        got.contains(&("Oakton Courier".to_string(), Organization)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Denver Hawks".to_string(), Organization)),
        "{got:?}"
    );
}

#[test]
fn a_firm_named_with_a_possessive_is_one_name() {
    let names =
        |text: &str| -> Vec<String> { entities(text).into_iter().map(|(n, _)| n).collect() };
    let found = names("Quillby’s Ratings Service cut the port’s rating on Monday.");
    assert!(
        found.contains(&"Quillby's Ratings Service".to_string()),
        "{found:?}"
    );
    // An owner the article also names on its own owns what follows.
    let found = names("Tom Ash spoke first. Ash’s Campaign Committee met later.");
    assert!(
        found.contains(&"Campaign Committee".to_string()),
        "{found:?}"
    );
    // So does a place.
    let found = names("Britain’s Labour Party won the vote.");
    assert!(found.contains(&"Labour Party".to_string()), "{found:?}");
}
