//! Fragments, holidays, headlines and the kinds that name shape and neighbours decide.

use crate::extract::tests::{entities, facts, named};
use crate::load::EntityKind::{Organization, Other, Person, Place};

fn has(got: &[(String, crate::load::EntityKind)], name: &str) -> bool {
    got.iter().any(|(n, _)| n == name)
}

#[test]
fn a_place_opening_a_sentence_keeps_its_first_word() {
    let got = entities("New Jersey Gov. Dana Reyes spoke. New Hampshire voted later.");
    assert_eq!(
        got,
        named(&[
            ("Dana Reyes", Person),
            ("New Hampshire", Place),
            ("New Jersey", Place),
        ])
    );
    // A common word before an unknown name is still dropped.
    let got = entities("New research by Oakton Labs found little.");
    assert_eq!(got, named(&[("Oakton Labs", Organization)]));
}

#[test]
fn words_about_the_holder_are_not_names() {
    let got = entities("Former Ohio Gov. Tom Ash said so. Presumptive Democratic nominee Ash won.");
    assert_eq!(got, named(&[("Ohio", Place), ("Tom Ash", Person)]));
    let got =
        entities("Actress Mara Quill spoke. Ironically Mara Quill lost. Said Dev Oyelaran: no.");
    assert_eq!(
        got,
        named(&[("Dev Oyelaran", Person), ("Mara Quill", Person)])
    );
    // A role word inside a sentence is part of a name ("Chief" here is no opener).
    assert!(has(
        &entities("They met Chief Keokuk Brandt."),
        "Keokuk Brandt"
    ));
}

#[test]
fn party_adjectives_after_a_place_and_plural_titles() {
    let got = entities(
        "Iowa Republican leaders met Senate Democrats. Sens. Tom Ash and Dana Reyes came.",
    );
    assert_eq!(
        got,
        named(&[
            ("Dana Reyes", Person),
            ("Iowa", Place),
            ("Senate", Organization),
            ("Tom Ash", Person),
        ])
    );
    // A name that merely starts with a demonym stays whole.
    assert!(has(
        &entities("He wrote for American Harvest daily."),
        "American Harvest"
    ));
}

#[test]
fn holidays_and_plural_acronyms_are_not_entities() {
    let got = entities("Voters lined up on Super Tuesday and on Veterans Day. Two PACs paid.");
    assert_eq!(got, []);
    // A surname "Day" after a given name is a person.
    assert!(has(&entities("Reporter Chad Day wrote it."), "Chad Day"));
}

#[test]
fn handles_headlines_and_country_papers() {
    let got = entities("Follow Tom Ash on Twitter @TomAshWrites. Tags: #OaktonVotes.");
    assert_eq!(
        got,
        named(&[("Tom Ash", Person), ("Twitter", Organization)])
    );
    let got = entities("Read: Dana Reyes Scores Big Win Over Rivals In Texas here.");
    assert_eq!(got, named(&[("Texas", Place)]));
    let got = entities("A USA TODAY review found it. USA officials agreed.");
    assert!(
        has(&got, "USA TODAY") && has(&got, "United States"),
        "{got:?}"
    );
}

#[test]
fn connectors_join_laws_but_not_two_bodies() {
    let got = entities("They sued under the Freedom of Information Act in the House and Senate.");
    assert_eq!(
        got,
        named(&[
            ("Freedom of Information Act", Other),
            ("House of Representatives", Organization),
            ("Senate", Organization),
        ])
    );
    let got = entities("They met the Trade and Oakton Board.");
    assert!(has(&got, "Trade and Oakton Board"), "{got:?}");
}

#[test]
fn a_department_in_a_lowercase_title_is_not_part_of_the_name() {
    let got = entities("She beat former secretary of State Mara Quill in the vote.");
    assert_eq!(got, named(&[("Mara Quill", Person)]));
    // Without the lowercase title the run is left to the other rules.
    assert!(has(
        &entities("They toured State Farm Arena."),
        "State Farm Arena"
    ));
}

#[test]
fn given_names_and_person_neighbours_make_people() {
    let got = entities(
        "Dana Houston met Cheryl Mills. The Quillford administration ended. Ash aides left.",
    );
    assert!(got.contains(&("Dana Houston".into(), Person)), "{got:?}");
    assert!(got.contains(&("Cheryl Mills".into(), Person)), "{got:?}");
    assert!(got.contains(&("Quillford".into(), Person)), "{got:?}");
    // An organisation word after a name that is no given name stays an organisation.
    assert!(entities("Oakton Mills hired 40.").contains(&("Oakton Mills".into(), Organization)));
    // "&" joins companies, never people.
    let got = entities("Dana Reyes joined Ash & Quill last year.");
    assert!(
        got.contains(&("Ash & Quill".into(), Organization)),
        "{got:?}"
    );
}

#[test]
fn a_company_surname_does_not_vote_for_the_person() {
    let f = facts("Michael Bloomberg spoke. Later Bloomberg said he would run.");
    let e = f.entities.iter().find(|e| e.name == "Michael Bloomberg");
    assert_eq!(
        e.map(|e| (e.kind, e.count)),
        Some((Person, 2)),
        "{:?}",
        f.entities
    );
}

#[test]
fn cities_regions_and_compass_points_are_places() {
    let got = entities("Rallies in Tampa and the Midwest moved north. Voters in the South agreed.");
    assert_eq!(
        got,
        named(&[("Midwest", Place), ("South", Place), ("Tampa", Place)])
    );
    // A direction before a name is part of that name.
    assert!(!has(&entities("He flew to South Oakton County."), "South"));
}

#[test]
fn a_possessive_role_is_weak_evidence_after_a_persons_name() {
    let got = entities("Tomas Brandvik’s chief strategist quit.");
    assert_eq!(got, named(&[("Tomas Brandvik", Person)]));
    // After a one-word name it still says company.
    let got = entities("Analysts said Zentara’s chief executive quit.");
    assert_eq!(got, named(&[("Zentara", Organization)]));
}

#[test]
fn pieces_of_titles_are_not_names() {
    let got = entities(
        "The bill came from the so-called Band of Seven, and she went on Meet the Neighbors \
         to defend it.",
    );
    assert!(!has(&got, "Band") && !has(&got, "Seven"), "{got:?}");
    assert!(!has(&got, "Neighbors") && !has(&got, "Meet"), "{got:?}");
    // A name of two words before "of" is a person with a home, not a title.
    let got = entities("Critics included Dana Reyes of Harbex, who spoke.");
    assert!(has(&got, "Harbex"), "{got:?}");
    // The same word with evidence elsewhere stays.
    let got = entities("The Band of Seven met. Shares of Seven Holdings rose.");
    assert!(has(&got, "Seven Holdings"), "{got:?}");
}

#[test]
fn headlines_in_capitals_keep_only_built_in_names() {
    let got = entities("He read it aloud: VOTERS IN NEW HAMPSHIRE WAIT FOR RESULTS today.");
    assert_eq!(got, named(&[("New Hampshire", Place)]));
    // Two words in capitals may be a name.
    let got = entities("The story ran in ACME DAILY last week.");
    assert!(has(&got, "ACME DAILY"), "{got:?}");
    // Initials keep a byline's name.
    let got = entities("The column was written by MARIA T. OKAFOR last year.");
    assert!(has(&got, "MARIA T. OKAFOR"), "{got:?}");
}

#[test]
fn a_state_in_parentheses_after_a_lawmaker_is_a_tag() {
    let got =
        entities("Sen. Dana Reyes (Fla.) and Rep. Tom Ash (Tex.) disagreed in Tampa, Fla., today.");
    assert!(!has(&got, "Tex."), "{got:?}");
    assert!(
        has(&got, "Fla."),
        "a town's state is still a place: {got:?}"
    );
}

#[test]
fn hyphenated_words_with_a_lowercase_tail_are_no_names() {
    let got = entities("The Tony-winning singer gave a Spanish-language interview to Mara Quill.");
    assert_eq!(got, named(&[("Mara Quill", Person)]));
    // The capitalised part ends a name begun before it.
    let got = entities("She is a Pellston Prize-winning poet with a Port Halden-based firm.");
    assert!(has(&got, "Pellston Prize"), "{got:?}");
    assert!(has(&got, "Port Halden"), "{got:?}");
    // A Korean given name keeps its lowercase second syllable.
    let got = entities("Envoys met Kim Jong-un and Ban Ki-moon there.");
    assert!(
        has(&got, "Kim Jong-un") && has(&got, "Ban Ki-moon"),
        "{got:?}"
    );
    // "anti-Semitic" is an adjective; "anti-Reyes" names her.
    let got = entities("He condemned anti-Semitic posts at an anti-Reyes rally for Dana Reyes.");
    assert!(!has(&got, "Semitic"), "{got:?}");
    assert!(has(&got, "Dana Reyes"), "{got:?}");
}

#[test]
fn an_ordinary_word_opening_a_sentence_is_no_part_of_the_name() {
    let got =
        entities("Like Oakland, it grew. Watching Dana Reyes speak, we left. It felt like home.");
    assert!(has(&got, "Oakland") && has(&got, "Dana Reyes"), "{got:?}");
    assert!(
        !got.iter()
            .any(|(n, _)| n.starts_with("Like") || n.starts_with("Watching"))
    );
    // A name made of common words stays whole.
    let got = entities("Hard Hats marched on Friday. The hats were hard.");
    assert!(has(&got, "Hard Hats"), "{got:?}");
}

#[test]
fn a_dateline_dash_or_an_ellipsis_opens_a_sentence() {
    let got = entities("OAKTON - Four days later, the council met.");
    assert!(!has(&got, "Four"));
    let got = entities("Sales fell for Harbex….Then the board met.");
    assert!(!has(&got, "Then"));
    let got = entities("''Even so, it was hard,'' she said.");
    assert!(!has(&got, "Even"));
    // A quotation's closing mark run into the next sentence.
    let got = entities("Tom Ash spoke. “We will win!”After the speech, he left.");
    assert!(!has(&got, "After"), "{got:?}");
    // Mid-sentence, an unknown capitalised word is still a name.
    let got = entities("The board met Vastenko in the morning.");
    assert!(has(&got, "Vastenko"));
}

#[test]
fn a_title_after_an_owner_is_no_name() {
    let got = entities("She said on the anchor’s Meet the Press that she would run.");
    assert!(!has(&got, "Meet"));
    let got = entities("She said on Harbex’s Meet the Press that she would run.");
    assert!(!has(&got, "Meet"));
    assert!(has(&got, "Harbex"));
}

#[test]
fn pieces_of_titles_after_an_owner_or_a_day_are_no_names() {
    // An owner written with a bare apostrophe, or a hyphenated name, before the title.
    let got = entities("The senator told KXTV' Meet the Voters on Sunday that she would run.");
    assert!(!has(&got, "Meet") && !has(&got, "Voters"), "{got:?}");
    let got = entities("Ads from the pro-Reyes Rise to Win ran all week.");
    assert!(!has(&got, "Rise") && !has(&got, "Win"), "{got:?}");
    // A title opened by a day's name.
    let got = entities("She hosted Saturday Night Revue twice, and Dana Reyes watched.");
    assert!(!has(&got, "Night Revue"), "{got:?}");
    // A name after a day stays.
    let got = entities("On Tuesday Dana Reyes said the bill would pass.");
    assert!(has(&got, "Dana Reyes"), "{got:?}");
}

#[test]
fn a_paragraph_in_capitals_names_only_built_in_names() {
    let text = "RUGBY - CHINA HOLD OAKTON VIKINGS, JAPAN WIN AWAY.\n\n\
                The match drew a small crowd, Dana Reyes said.";
    let got = entities(text);
    assert!(has(&got, "China") && has(&got, "Japan"), "{got:?}");
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("RUGBY") || n.contains("VIKINGS"))
    );
    // A short label in capitals names nothing, even a built-in name.
    let label = "Dana Reyes spoke in Oakton on Monday.\n\nFACEBOOK.\n\nCHINA.";
    let got = entities(label);
    assert!(!has(&got, "China"), "{got:?}");
}

#[test]
fn peoples_in_the_plural_are_not_names() {
    let got =
        entities("Hispanics and Latinas in Oakton benefited more from the plan, Dana Reyes said.");
    assert!(!has(&got, "Hispanics") && !has(&got, "Latinas"));
    assert!(has(&got, "Dana Reyes"));
}

#[test]
fn an_adverb_opening_a_sentence_is_no_name() {
    let got = entities(
        "The two rivals spoke. Ironically, the one who won is the newcomer. Publicly, the \
         mayor says little. Reportedly, the Oakton council met.",
    );
    for adverb in ["Ironically", "Publicly", "Reportedly"] {
        assert!(!has(&got, adverb), "{got:?}");
    }
    // A surname with the same ending keeps its capital inside.
    let got = entities("McNally, the coach, said the team was ready.");
    assert!(has(&got, "McNally"), "{got:?}");
}

#[test]
fn peoples_named_from_places_and_joined_by_hyphens_are_not_entities() {
    assert_eq!(
        entities(
            "Many Iowans and Texans came. Floridians stayed home, and Cuban-Americans in \
             Miami cheered an Ohioan."
        ),
        named(&[("Miami", Place)])
    );
    // A name that only ends like one stays a name.
    assert_eq!(
        entities("Ryan Jordan met Dana Logan in Boston."),
        named(&[
            ("Ryan Jordan", Person),
            ("Dana Logan", Person),
            ("Boston", Place)
        ])
    );
}

#[test]
fn a_compass_word_alone_is_the_surname_of_a_person_named_in_full() {
    let got = facts(
        "The writer Carl West spoke first. Later, West told the crowd to vote. The wind \
         came from the East, and West Tessel flooded.",
    );
    let west = got.entities.iter().find(|e| e.name.as_ref() == "Carl West");
    assert_eq!(west.map(|e| e.count), Some(2), "{:?}", got.entities);
    // With no such person the word names nothing.
    assert!(
        !entities("Trade between East and West grew.")
            .iter()
            .any(|(n, _)| n == "West")
    );
}

#[test]
fn a_word_of_time_after_a_name_is_a_surname_or_a_paper() {
    let got = entities(
        "Prime Minister Helen May spoke first. Columnist Dana Will wrote next. The piece by columnist Li Jun ran in the Oakton Sun.",
    );
    assert!(has(&got, "Helen May"), "{got:?}");
    assert!(has(&got, "Dana Will"), "{got:?}");
    assert!(has(&got, "Li Jun"), "{got:?}");
    assert!(
        got.contains(&("Oakton Sun".to_string(), Organization)),
        "{got:?}"
    );
    // A date stays a date: a day of the month after it, or no given name before it.
    let got = entities("The Oakton Council met Jun 5. Tom Ash spoke in May. Reyes May said no.");
    assert!(has(&got, "Oakton Council"), "{got:?}");
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("Jun") || n.contains("May")),
        "{got:?}"
    );
}

#[test]
fn a_surname_that_is_a_month_stands_alone_once_the_full_name_is_given() {
    let count = |text: &str| {
        let facts = facts(text);
        let may = facts.entities.iter().find(|e| e.name == "Helen May");
        may.map(|e| (e.count, e.surfaces.iter().any(|s| *s == "May")))
    };
    let named = "Finance minister Helen May set out the budget.";
    // Where a month cannot stand: after a quotation, before a verb.
    let text = format!("{named} “We will not borrow to pay the bills,” May told parliament.");
    assert_eq!(count(&text), Some((2, true)));
    // Where it can: after a preposition, an article or a word that dates, before a day,
    // first in a sentence.
    for date in [
        "The vote is in May.",
        "The vote is due in late May.",
        "It ran from April to May.",
        "The vote is set for May 5.",
        "May was wet.",
        "This May the port closed.",
    ] {
        assert_eq!(
            count(&format!("{named} {date}")),
            Some((1, false)),
            "{date}"
        );
    }
    // Not before the full name is given.
    assert_eq!(
        count(&format!(
            "“We will not borrow to pay the bills,” May told parliament. {named}"
        )),
        Some((1, false))
    );
}

#[test]
fn a_group_for_a_cause_and_paired_trades_are_one_name() {
    let got = entities(
        "Parents for Safer Streets joined the suit. Citizens for Fair Rents and Ethics sued. \
         Residents of Oakton said no. The Marina Resort and Spa reopened, and Dover Arts and \
         Sciences Academy opened.",
    );
    for name in [
        "Parents for Safer Streets",
        "Citizens for Fair Rents and Ethics",
        "Marina Resort and Spa",
        "Dover Arts and Sciences Academy",
    ] {
        assert!(
            got.iter().any(|(n, k)| n == name && *k == Organization),
            "{name}: {got:?}"
        );
    }
    // People "of" a place are no group's name, nor the object of a verb before "for",
    // and two groups listed stay two.
    assert!(!got.iter().any(|(n, _)| n.contains("Residents")), "{got:?}");
    let got = entities(
        "Reyes blamed Republicans for Oakton's gridlock. Parents for Safer Streets and \
         Citizens for Clean Air and Water marched.",
    );
    assert!(
        !got.iter().any(|(n, _)| n.contains("Republicans")),
        "{got:?}"
    );
    assert!(
        has(&got, "Parents for Safer Streets") && has(&got, "Citizens for Clean Air and Water"),
        "{got:?}"
    );
    // A survey is a body, and a firm named without its trade is the same firm.
    let got = entities(
        "Officials at the U.S. Geological Survey said the quake struck at dawn. Shares of \
         Veltra Semiconductor fell, and analysts said Veltra shares would stay low.",
    );
    assert!(
        has(&got, "Veltra Semiconductor") && !has(&got, "Veltra"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(n, k)| n.ends_with("Geological Survey") && *k == Organization),
        "{got:?}"
    );
}
