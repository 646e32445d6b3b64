//! Kinds from relatives, lists, towns with their state and words also used in lowercase.

use super::*;
use crate::extract::tests::entities;

/// The kind found for `name` in `text`, if it is found.
fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
    entities(text)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, k)| k)
}

#[test]
fn relatives_are_people() {
    let text = "Tom Ash arrived with his wife, Marisol, and later their son Teodor joined.";
    assert_eq!(kind_of(text, "Marisol"), Some(Person));
    assert_eq!(kind_of(text, "Teodor"), Some(Person));
    // Not right after the relative: "at" makes it a place.
    let apart = "After talking to her mother at Valdora, she left.";
    assert_eq!(kind_of(apart, "Valdora"), Some(Place));
}

#[test]
fn a_town_before_a_state_of_two_words_is_a_place() {
    let text = "Mayors came from Oakvale, New Mexico, and from the coast.";
    assert_eq!(kind_of(text, "Oakvale"), Some(Place));
    // The state's possessive makes the name before it something of the state's.
    let owned = "The plan named Valdora, New Mexico’s largest employer, as a partner.";
    assert_ne!(kind_of(owned, "Valdora"), Some(Place));
}

#[test]
fn names_in_a_list_share_a_kind() {
    let text = "Shares of Harbex Corp and Valdora rose, while Senator Dana Reyes and \
                Okonkwo objected.";
    assert_eq!(kind_of(text, "Valdora"), Some(Organization));
    assert_eq!(kind_of(text, "Okonkwo"), Some(Person));
    let counties = "Turnout rose in Marlow and Tennant counties.";
    assert_eq!(kind_of(counties, "Marlow"), Some(Place));
    assert_eq!(kind_of(counties, "Tennant"), Some(Place));
    // "Tom Ash of Ohio and Okonkwo": Okonkwo is listed with Tom Ash, not with Ohio.
    let attached = "Critics included Tom Ash of Ohio and Okonkwo, who spoke.";
    assert_ne!(kind_of(attached, "Okonkwo"), Some(Place));
    // An apposition after a comma is no list.
    let apposition = "The mayor of Brindle Falls, Quill Varnado, said no.";
    assert_eq!(kind_of(apposition, "Quill Varnado"), Some(Person));
}

#[test]
fn ordinary_words_in_capitals_are_no_person() {
    let text = "The Great Slump hurt everyone, and great losses followed.";
    assert_eq!(kind_of(text, "Great Slump"), Some(Organization));
    let person = "Quill Varnado said the plan would work.";
    assert_eq!(kind_of(person, "Quill Varnado"), Some(Person));
}

#[test]
fn unknown_names_not_shaped_like_a_person_lean_organisation() {
    assert_eq!(
        kind_of("The recall hit Velmont XR last week.", "Velmont XR"),
        Some(Organization)
    );
    // A name's own last word still decides: a treaty is no organisation.
    assert_eq!(
        kind_of(
            "They signed the Pinecrest Treaty last week.",
            "Pinecrest Treaty"
        ),
        Some(Other)
    );
}

#[test]
fn a_middle_initial_makes_a_person_even_in_a_list_after_a_place() {
    let text = "Two judges sit on the court in Dunmore, Tavi Orsk and Merrin T. Oduya.";
    assert_eq!(kind_of(text, "Merrin T. Oduya"), Some(Person));
    // A company's last word still decides.
    let firm = "Shares of Zentara B. Holdings rose on Monday.";
    assert_eq!(kind_of(firm, "Zentara B. Holdings"), Some(Organization));
}

#[test]
fn a_given_name_joined_from_two_is_no_brand() {
    let text = "The union leader RoseAnn Okafor backed the plan, and ZentaPay shares fell.";
    assert_eq!(kind_of(text, "RoseAnn Okafor"), Some(Person));
    assert_eq!(kind_of(text, "ZentaPay"), Some(Organization));
}

#[test]
fn nearby_towns_are_places() {
    assert_eq!(
        kind_of("Voters in nearby Brockton agreed.", "Brockton"),
        Some(Place)
    );
    assert_ne!(
        kind_of("Voters said Brockton agreed.", "Brockton"),
        Some(Place)
    );
}

#[test]
fn names_led_by_ordinary_words_or_other_names_are_no_person() {
    let text = "Writers at the Daily Ledger praised Chasing Varnado, a film shot near \
                Oslo Kvartal, and the Golden Thimble awards followed.";
    assert_eq!(kind_of(text, "Daily Ledger"), Some(Organization));
    assert_eq!(kind_of(text, "Chasing Varnado"), Some(Organization));
    assert_eq!(kind_of(text, "Golden Thimble"), Some(Organization));
    assert_ne!(kind_of(text, "Oslo Kvartal"), Some(Person));
    // Names of people with no given name the lists know stay people, a suffix included.
    let people = "Tedric Oakley met Brandvik Jr. and Dallas Haldane Jr. at noon.";
    assert_eq!(kind_of(people, "Tedric Oakley"), Some(Person));
    assert_eq!(kind_of(people, "Dallas Haldane Jr."), Some(Person));
}

#[test]
fn a_surname_folded_into_a_person_brings_only_the_person_votes() {
    let text = "Dana Reyes opened an office downtown. The Reyes team moved in, and Reyes \
                reported strong support. Reyes’s headquarters stayed busy.";
    assert_eq!(kind_of(text, "Dana Reyes"), Some(Person));
    // A full name with no evidence but its shape takes all the votes of its short form.
    let shape_only = "Tovar Quillon hired more workers. Quillon shares fell, and Quillon \
                      staff protested.";
    assert_eq!(kind_of(shape_only, "Tovar Quillon"), Some(Organization));
}

#[test]
fn a_given_name_and_a_surname_like_a_place_word_is_a_person() {
    let text = "Marcus Hill and Dana Ridge toured Lake Varnel on Monday.";
    assert_eq!(kind_of(text, "Marcus Hill"), Some(Person));
    assert_eq!(kind_of(text, "Dana Ridge"), Some(Person));
    // Without a given name first, the word still makes a place.
    let place = "Crews reached Tessel Ridge by noon.";
    assert_eq!(kind_of(place, "Tessel Ridge"), Some(Place));
}

#[test]
fn an_owner_in_an_apposition_is_not_what_the_name_is() {
    let text = "Oriel Banfeld, the city’s budget director, said costs rose.";
    assert_eq!(kind_of(text, "Oriel Banfeld"), Some(Person));
    let text = "Orvanta, the country’s largest lender, said costs rose.";
    assert_eq!(kind_of(text, "Orvanta"), Some(Organization));
}

#[test]
fn papers_go_by_their_names_without_the() {
    let text = "The Washington Post reported it first, and judges in The Hague agreed.";
    let names: Vec<String> = entities(text).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"Washington Post".to_string()), "{names:?}");
    // A place whose name holds its article keeps it.
    assert!(names.contains(&"The Hague".to_string()), "{names:?}");
}

#[test]
fn a_part_of_a_place_is_a_place() {
    let text = "Lower Manhattan looked calm this year.";
    assert_eq!(kind_of(text, "Lower Manhattan"), Some(Place));
    // A place followed by more words is a name of its own.
    let shop = "Southeast Denver Tire opened a shop.";
    assert_ne!(kind_of(shop, "Southeast Denver Tire"), Some(Place));
}

#[test]
fn compass_points_and_buildings_make_places() {
    let text = "Cadets from North Varden met guests of the Tessel Inn and Orlo Plaza.";
    assert_eq!(kind_of(text, "North Varden"), Some(Place));
    assert_eq!(kind_of(text, "Tessel Inn"), Some(Place));
    assert_eq!(kind_of(text, "Orlo Plaza"), Some(Place));
    // A given name first is a person, whatever follows.
    let person = "Marcus Weston spoke first.";
    assert_eq!(kind_of(person, "Marcus Weston"), Some(Person));
}

#[test]
fn a_possessive_after_in_or_at_owns_the_place() {
    let owned = "Crowds gathered in Vastenko’s Borduria and later at Halvorsen’s diner.";
    assert_ne!(kind_of(owned, "Vastenko"), Some(Place));
    assert_ne!(kind_of(owned, "Halvorsen"), Some(Place));
    let plain = "Crowds gathered in Vastenko and later at Halvorsen.";
    assert_eq!(kind_of(plain, "Vastenko"), Some(Place));
    assert_eq!(kind_of(plain, "Halvorsen"), Some(Place));
}

#[test]
fn an_apposition_reads_past_names_to_its_noun() {
    let person = "Okonkwo, an Ohio GOP consultant, disagreed with the plan.";
    assert_eq!(kind_of(person, "Okonkwo"), Some(Person));
    let firm = "Okonkwo, an Ohio GOP company, disagreed with the plan.";
    assert_eq!(kind_of(firm, "Okonkwo"), Some(Organization));
    let official = "The memo was sent by Vastenko, a longtime campaign official.";
    assert_eq!(kind_of(official, "Vastenko"), Some(Person));
}

#[test]
fn inner_capitals_make_a_brand_unless_a_given_name_leads() {
    let text = "TrendLedger Politics reported the poll, and Jim VandeHei and Hal McKenna \
                doubted it.";
    assert_eq!(kind_of(text, "TrendLedger Politics"), Some(Organization));
    assert_eq!(kind_of(text, "Jim VandeHei"), Some(Person));
    assert_eq!(kind_of(text, "Hal McKenna"), Some(Person));
    let firms = "The memoir came out from Larkspur Books and Tessel Enterprises paid for it.";
    assert_eq!(kind_of(firms, "Larkspur Books"), Some(Organization));
    assert_eq!(kind_of(firms, "Tessel Enterprises"), Some(Organization));
}

#[test]
fn a_curly_apostrophe_in_a_name_is_written_plain() {
    let got = entities("Dana O’Keefe spoke first. Later Dana O'Keefe left.");
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Dana O'Keefe"]);
    // A possessive is no part of the name.
    let got = entities("Dana Reyes’s plan passed.");
    assert_eq!(got[0].0, "Dana Reyes");
}

#[test]
fn a_given_name_and_surname_outweigh_organisations_beside_them() {
    let text = "Republican pollster Dana Veltri told the paper the race was close.";
    assert_eq!(kind_of(text, "Dana Veltri"), Some(Person));
    let list = "Prizes went to the Oakton Herald and Maria Tessaro for the series.";
    assert_eq!(kind_of(list, "Maria Tessaro"), Some(Person));
    let after = "Investigators interviewed Sarah Quell and Karen Mills on Tuesday.";
    assert_eq!(kind_of(after, "Sarah Quell"), Some(Person));
    // Without a given name, the company word still decides.
    let firm = "Investors backed Harbex Capital and Veltro Group last year.";
    assert_eq!(kind_of(firm, "Veltro Group"), Some(Organization));
}

#[test]
fn an_apposition_is_read_by_its_last_noun() {
    let text = "Moira Selk, a local tea party activist, said the rally was peaceful.";
    assert_eq!(kind_of(text, "Moira Selk"), Some(Person));
    let firm = "Veltrano, a health care company, said the rally was peaceful.";
    assert_eq!(kind_of(firm, "Veltrano"), Some(Organization));
    let of = "Quarrix, a maker of drones for farms, said sales rose.";
    assert_eq!(kind_of(of, "Quarrix"), Some(Organization));
}

#[test]
fn a_surname_after_an_arabic_prefix_is_the_person() {
    let text = "Rebels fought Hamid al-Zoubari for years. The fall of Zoubari was near.";
    let got = entities(text);
    assert!(!got.iter().any(|(n, _)| n == "Zoubari"), "{got:?}");
    assert_eq!(kind_of(text, "Hamid al-Zoubari"), Some(Person));
}

#[test]
fn a_word_listed_with_given_names_is_a_person() {
    let text = "The couple raised Tavi, Adam and Orsola on the island.";
    assert_eq!(kind_of(text, "Orsola"), Some(Person));
    assert_eq!(kind_of(text, "Tavi"), Some(Person));
    // A longer name beside a given name keeps its own reading.
    let corner = "The shop stood at the corner of Allen and Tolver Streets downtown.";
    assert_eq!(kind_of(corner, "Tolver Streets"), Some(Place));
}

#[test]
fn names_led_by_a_participle_are_groups_and_belts_are_regions() {
    let text = "Donors to Concerned Parents Alliance met Wounded Heroes Network staff.";
    assert_ne!(kind_of(text, "Concerned Parents Alliance"), Some(Person));
    let group = "Funding for Planned Futures was cut, and the board objected.";
    assert_eq!(kind_of(group, "Planned Futures"), Some(Organization));
    let belt = "Voters across the Rust Belt wanted jobs, and the Corn Belt wanted rain.";
    assert_eq!(kind_of(belt, "Corn Belt"), Some(Place));
    // A name that merely ends in "-ed" is still a person's.
    let name = "Later Farshed Quellin, the group's director, said the talks had failed.";
    assert_eq!(kind_of(name, "Farshed Quellin"), Some(Person));
    let game = "Tickets for the Peach Bowl sold out in an hour.";
    assert_eq!(kind_of(game, "Peach Bowl"), Some(Other));
}

#[test]
fn a_town_in_capitals_opening_a_dateline_is_a_place() {
    let text = "WESTMORE, Iowa — The candidate spoke at a diner on Monday.";
    assert_eq!(kind_of(text, "WESTMORE"), Some(Place));
    let two = "PORT ELLIS, Fla. — Voters lined up early.";
    assert_eq!(kind_of(two, "PORT ELLIS"), Some(Place));
    let abroad = "RANVALE, Burma — Crowds gathered at dawn.";
    assert_eq!(kind_of(abroad, "RANVALE"), Some(Place));
    // A wire dateline: a date or an agency after the town, on a line of its own or not.
    for dated in [
        "TORVALE 1997-03-14\n\nThe port reopened.",
        "TORVALE 1997-03-14\nThe port reopened.",
        "TORVALE, March 14 - The port reopened.",
        "TORVALE (Wirepress) — The port reopened.",
        "TORVALE, Kessland (Wirepress) — The port reopened.",
        "TORVALE, North Kessland (Wirepress) - The port reopened.",
    ] {
        assert_eq!(kind_of(dated, "TORVALE"), Some(Place), "{dated}");
    }
    // Capitals and a date in a sentence that goes on are no dateline.
    let sentence = "HARBEX 2024-01-02 results were strong.";
    assert_ne!(kind_of(sentence, "HARBEX"), Some(Place));
    // Nor are capitals, a comma and a name with its acronym in brackets.
    let listed = "ZENTARA, Harbex Robotics (HRB) and others rose.";
    assert_ne!(kind_of(listed, "ZENTARA"), Some(Place));
}

#[test]
fn a_camp_named_after_a_word_is_named_after_a_person() {
    let text = "The pro-Vellacott crowd cheered, and anti-Okafor signs went up.";
    assert_eq!(kind_of(text, "Vellacott"), Some(Person));
    assert_eq!(kind_of(text, "Okafor"), Some(Person));
    // Acronyms and built-in names keep their kind.
    let known = "The pro-Israel group and an anti-NATO rally met the same day.";
    assert_eq!(kind_of(known, "Israel"), Some(Place));
    assert_eq!(kind_of(known, "NATO"), Some(Organization));
}

#[test]
fn a_place_word_joined_inside_a_name_does_not_make_it_a_place() {
    let text = "The Office of Ferries and Harbour fined the company.";
    assert_eq!(
        kind_of(text, "Office of Ferries and Harbour"),
        Some(Organization)
    );
    // Closing the name, the place word says what the whole is.
    let text = "Crowds gathered at Marlow Trust Plaza on Sunday.";
    assert_eq!(kind_of(text, "Marlow Trust Plaza"), Some(Place));
}

#[test]
fn a_given_name_that_also_names_a_faith_leads_a_person() {
    let text = "The winner came from Christian Vorlani in the second half.";
    assert_eq!(kind_of(text, "Christian Vorlani"), Some(Person));
    // Before a word known as something else, the faith's word leads an organisation.
    let text = "The Christian Coalition met on Sunday.";
    assert_eq!(kind_of(text, "Christian Coalition"), Some(Organization));
}

#[test]
fn a_noun_for_a_job_and_a_firm_goes_by_the_name_after_it() {
    let text = "Republican pollster Zed Oxley doubted it, and the pollster Brightline agreed.";
    assert_eq!(kind_of(text, "Zed Oxley"), Some(Person));
    assert_eq!(kind_of(text, "Brightline"), Some(Organization));
}

#[test]
fn what_is_owned_in_shares_is_a_company() {
    let text =
        "Investors bought shares in Harbor Mills, and the fund took a stake in Varden Brick.";
    assert_eq!(kind_of(text, "Harbor Mills"), Some(Organization));
    assert_eq!(kind_of(text, "Varden Brick"), Some(Organization));
    // Elsewhere "in" still leads to a place.
    let text = "Investors met in Corvale on Friday.";
    assert_eq!(kind_of(text, "Corvale"), Some(Place));
    let text = "Investors bought shares in Corvale on Friday.";
    assert_eq!(kind_of(text, "Corvale"), Some(Organization));
}

#[test]
fn a_place_or_place_noun_modifying_the_next_noun_makes_no_place() {
    // "U.S. attorney" is a role: the name before it is the attorney, not a town.
    let text = "Instead he appointed Dorina Vasek, U.S. attorney for the district, to the job.";
    assert_eq!(kind_of(text, "Dorina Vasek"), Some(Person));
    // "the final state rules": "state" modifies "rules".
    let text = "Hearings for the nominee, Corwin Adair, the final state rules were set.";
    assert_ne!(kind_of(text, "Corwin Adair"), Some(Place));
    // A town before its state, and a town described as a port city, stay places.
    let text = "The rally was held in Brinton, Ohio on Monday, then in Tarrow, a port city.";
    assert_eq!(kind_of(text, "Brinton"), Some(Place));
    assert_eq!(kind_of(text, "Tarrow"), Some(Place));
}

#[test]
fn leaders_of_modern_history_are_known_by_their_surname() {
    let text = "The senator praised Reagan and warned of another Hitler.";
    assert_eq!(kind_of(text, "Ronald Reagan"), Some(Person));
    assert_eq!(kind_of(text, "Adolf Hitler"), Some(Person));
}

#[test]
fn a_surname_is_the_articles_own_person_before_a_built_in_namesake() {
    // "Obama" and "Nixon" alone, with the built-in namesake never written out, are the
    // people the article names in full.
    let found = entities("Teodora Obama spoke in Dover on Monday. Obama said the plan was good.");
    assert!(found.iter().any(|(n, _)| n == "Teodora Obama"), "{found:?}");
    assert!(found.iter().all(|(n, _)| n != "Barack Obama"), "{found:?}");
    let found = entities("Gov. Mara Nixon spoke on Monday. Nixon said the levy was fair.");
    assert!(found.iter().all(|(n, _)| n != "Richard Nixon"), "{found:?}");
    // Written out, the namesake keeps the surname.
    let found = entities(
        "Teodora Obama spoke in Dover. Barack Obama listened. Obama said the plan was good.",
    );
    assert!(found.iter().any(|(n, _)| n == "Barack Obama"), "{found:?}");
}

#[test]
fn museums_libraries_courts_of_appeal_and_pollsters_reports_are_organisations() {
    let text = "The Harwick Museum and the Tarrow Library backed the Ninth Circuit, \
                Okafor Reports found.";
    for name in [
        "Harwick Museum",
        "Tarrow Library",
        "Ninth Circuit",
        "Okafor Reports",
    ] {
        assert_eq!(kind_of(text, name), Some(Organization), "{name}");
    }
}

#[test]
fn sports_clubs_are_organisations_and_a_firms_home_town_stays_a_place() {
    let text = "Oakton Rovers beat Dunmore Wanderers 3-1 on Saturday. Westvale Albion drew.";
    assert_eq!(kind_of(text, "Oakton Rovers"), Some(Organization));
    assert_eq!(kind_of(text, "Dunmore Wanderers"), Some(Organization));
    assert_eq!(kind_of(text, "Westvale Albion"), Some(Organization));
    // The town a firm is named after, read as a place where it stands alone, is not the
    // firm's short name; a firm's first word with nothing around it still is.
    let text = "Oakton Steel AG said its profit rose. The company, based in Oakton, employs 400.";
    assert_eq!(kind_of(text, "Oakton"), Some(Place));
    assert_eq!(kind_of(text, "Oakton Steel AG"), Some(Organization));
    let text = "Shares of Dunmore Robotics Inc. rose. Dunmore said sales grew.";
    assert_eq!(kind_of(text, "Dunmore"), None);
}

#[test]
fn a_name_before_a_state_body_is_a_place() {
    let text = "Talks were hosted at the Valdemar embassy. Later the Norland army withdrew.";
    assert_eq!(kind_of(text, "Valdemar"), Some(Place));
    assert_eq!(kind_of(text, "Norland"), Some(Place));
    // A leader's government is no place.
    let text = "The Reyes government fell on Tuesday. Reyes resigned.";
    assert_ne!(kind_of(text, "Reyes"), Some(Place));
}

#[test]
fn a_firm_named_without_its_trade_is_the_same_firm() {
    for text in [
        "Veltra Pharma said the trial worked. Veltra shares rose.",
        "Brightwater Capital bought the port. A Brightwater spokeswoman declined to comment.",
    ] {
        let got = crate::extract::tests::entities(text);
        assert_eq!(got.len(), 1, "{got:?}");
    }
    // Not a town the firm is named after, where nothing reads it as the firm.
    let got =
        crate::extract::tests::entities("Oakton Energy raised prices. Oakton voters were angry.");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn a_preposition_of_place_opening_a_sentence_makes_a_place() {
    // The capital of "In" proves nothing, and what follows the comma is the sentence,
    // not a description of the name.
    let text = "In Valdemar, the central bank held rates on Monday. Prices rose.";
    assert_eq!(kind_of(text, "Valdemar"), Some(Place));
    let text = "Outside Harrowgate, the roads were closed by noon.";
    assert_eq!(kind_of(text, "Harrowgate"), Some(Place));
    // Mid-sentence, a description after the comma still counts.
    let text = "Talks were held in Valdemar, the group's parent company, on Monday.";
    assert_eq!(kind_of(text, "Valdemar"), Some(Organization));
    // An organisation's own word outweighs the opening preposition.
    let text = "In Congress, the bill stalled again on Tuesday.";
    assert_eq!(kind_of(text, "Congress"), Some(Organization));
}

#[test]
fn a_month_or_will_before_a_surname_is_a_given_name() {
    let text = "The spokesman, Will Ferrant, said it would appeal. Its chair, Jan Kostova, \
                agreed. We met May Tolland and June Arvid.";
    for name in ["Will Ferrant", "Jan Kostova", "May Tolland", "June Arvid"] {
        assert_eq!(
            kind_of(text, name),
            Some(Person),
            "{name}: {:?}",
            entities(text)
        );
    }
    // After a word that dates or another month, or before "Day", the month is the month.
    let got = entities(
        "In May Oakton voted. The June Primary was close. Officials will meet. Crowds \
         gathered for May Day marches. In April and May Veltra recalled 40,000 trucks.",
    );
    assert!(
        got.iter()
            .all(|(n, _)| !n.starts_with("May") && !n.starts_with("June")),
        "{got:?}"
    );
}

#[test]
fn a_lone_word_ending_as_surnames_do_leans_person() {
    assert_eq!(kind_of("The envoy met Petrovic.", "Petrovic"), Some(Person));
    assert_eq!(
        kind_of("The talks failed, and Hendricksen left.", "Hendricksen"),
        Some(Person)
    );
    // A town's "-ov" does not, nor a brand's capitals or a common word ending so.
    assert_ne!(
        kind_of("Drones struck Tarnov overnight.", "Tarnov"),
        Some(Person)
    );
    assert_eq!(
        kind_of("The poll by YouGov closed.", "YouGov"),
        Some(Organization)
    );
    assert_eq!(
        kind_of("They wrote to Comparison.", "Comparison"),
        Some(Organization)
    );
}

#[test]
fn a_seat_a_korean_given_name_and_a_race_are_read_as_such() {
    let text = "Sir Tom Ash, the MP for Harwick Wells, met Park Ji-hoon. Black residents, \
                White voters and Indigenous leaders objected. Conrad Black and Betty White \
                spoke.";
    assert_eq!(
        kind_of(text, "Harwick Wells"),
        Some(Place),
        "{:?}",
        entities(text)
    );
    assert_eq!(
        kind_of(text, "Park Ji-hoon"),
        Some(Person),
        "{:?}",
        entities(text)
    );
    assert_eq!(kind_of(text, "Conrad Black"), Some(Person));
    let got = entities(text);
    for word in ["Black", "White", "Indigenous"] {
        assert!(got.iter().all(|(n, _)| n != word), "{word}: {got:?}");
    }
    // Nor before another people and then people: "Black and Latino residents".
    let got = entities("The map diluted the votes of Black and Latino residents.");
    assert!(got.iter().all(|(n, _)| n != "Black"), "{got:?}");
    // A surname before a verb ending in "-s" is still the person's mention.
    let facts = crate::extract::tests::facts("Dana Brown won the race. Brown faces a runoff.");
    assert_eq!(facts.entities[0].count, 2, "{:?}", facts.entities);
    // An Arabic article or a co-op is no Korean given name.
    let text = "Aid trucks crossed at Bab al-Hawa. The Oakton Food Co-op voted.";
    assert_ne!(
        kind_of(text, "Bab al-Hawa"),
        Some(Person),
        "{:?}",
        entities(text)
    );
    assert_ne!(
        kind_of(text, "Oakton Food Co-op"),
        Some(Person),
        "{:?}",
        entities(text)
    );
}
