//! Rule tests for reported speech: sentences of our own, each with a case where a rule
//! must not fire.

use crate::extract::tests::facts;

pub(super) fn sources(markdown: &str) -> Vec<(String, Option<String>, Option<String>)> {
    facts(markdown)
        .attributions
        .into_iter()
        .map(|a| {
            (
                a.source.into(),
                a.cue.map(String::from),
                a.content.map(String::from),
            )
        })
        .collect()
}

#[test]
fn reported_speech_credits_its_subject() {
    let got = sources(
        "Jane Roe, the mayor’s campaign manager, said that the budget was late. A new \
         survey found wide support for the plan.",
    );
    assert_eq!(got[0].0, "Jane Roe");
    assert_eq!(got[0].1.as_deref(), Some("said"));
    assert_eq!(got[0].2.as_deref(), Some("the budget was late"));
    assert_eq!(got[1].0, "A new survey");
    assert_eq!(got[1].1.as_deref(), Some("found"));
}

#[test]
fn citing_expressing_and_proposing_credit_a_view() {
    let got = sources(
        "Dana Reyes cited rising rents as the main cause. The county board expressed \
         concern about the delay. Tom Ash proposed a second vote. The sign pointed north.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Dana Reyes", "The county board", "Tom Ash"]);
}

#[test]
fn told_takes_an_object_not_an_inverted_subject() {
    let got = sources(
        "Another city ally, council member Dana Reyes, told Channel Five that the plan \
         was fair. The vote was delayed, reports Metro Wire.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    // The channel told is an organisation, credited like "told Reuters".
    assert_eq!(names, ["Another city ally", "Channel Five", "Metro Wire"]);
}

#[test]
fn possessors_of_statements_are_sources() {
    let got = sources("The vote followed Dana Reyes’s controversial proposal. Ash’s car broke.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Dana Reyes"]);
    let got = sources("Many strategists hope the plan will pass.");
    assert_eq!(got[0].0, "Many strategists");
    // A plan, a demand or a decision is a stance its owner took.
    let got = sources("The vote followed Dana Reyes’s plan to close the bridge.");
    assert_eq!(got[0].0, "Dana Reyes");
    // A name after a preposition is not the one credited.
    let got =
        facts("Supporters of Dana Reyes say the levy is fair. Dana Reyes said so.").attributions;
    assert_eq!(got[0].source, "Supporters of Dana Reyes");
    assert_eq!(got[0].entity, None);
    assert_eq!(got[1].source, "Dana Reyes");
    // A preposition opening the sentence is no part of the name.
    let got = sources("In Dana Reyes’s words, the levy is a tax on work.");
    assert_eq!(got[0].0, "Dana Reyes");
    // A title alone names no one.
    assert!(sources("The vote followed the President’s plan to close the bridge.").is_empty());
}

#[test]
fn pronouns_and_repeats_are_one_source() {
    let got = sources(
        "Tom Ash said the bridge would open in May. He warned that costs could rise. \
         Ash told the council it was safe.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Tom Ash"]);
}

#[test]
fn appositions_keep_the_subject_before_the_verb() {
    let got = sources(
        "Tom Ash, a director at the port, said the budget was late. The mayor cut its \
         advertising plans for May. The plan is dead, said Dana Reyes.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Tom Ash", "Dana Reyes"]);
    assert_eq!(got[0].2.as_deref(), Some("the budget was late"));
}

#[test]
fn documents_that_show_are_sources() {
    let got = sources(
        "A new county survey shows wide support for the levy. Ash watched the shows on \
         Monday.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["A new county survey"]);
}

#[test]
fn passive_subjects_and_stance_verbs() {
    assert!(sources("The hostages were released on Friday.").is_empty());
    let got = sources("Voter support for the levy grew. Dana Reyes endorsed the levy.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Dana Reyes"]);
}

#[test]
fn inverted_subjects_keep_their_modifiers() {
    let got = sources(
        "The port will close, said Jo Lin of the harbor board. The talks stalled in May, \
         said an aide who was briefed on the details. Rents will rise, said one person \
         with knowledge of the plan, who asked not to be named.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Jo Lin", "an aide", "one person"]);
    // A clause after the verb is what was said, not who said it.
    let got = sources("The vote was close, said the plan of the mayor was late.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn quantifiers_standing_for_people_are_sources() {
    let got = sources(
        "Many fear the bridge will close. The levy pleased some. Some reports suggest \
         a delay.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Many", "Some reports"]);
}

#[test]
fn inverted_after_a_closing_double_apostrophe() {
    let got = sources("''Stop the vote!'' wrote a reader from Dover who signed as Jo Bird.");
    assert_eq!(got[0].0, "a reader", "{got:?}");
    // Without a quotation or comma before it the verb is no inverted one.
    let got = sources("The board wrote a letter calling for calm.");
    assert_eq!(got[0].0, "The board");
}

#[test]
fn documents_closing_a_sentence_report_what_comes_before() {
    let got = sources(
        "Ash leads with 33 percent, the county survey found. The agency reports \
         quarterly.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "the county survey");
    assert_eq!(got[0].2.as_deref(), Some("Ash leads with 33 percent"));
}

#[test]
fn pronouns_with_a_verb_run_in_are_resolved() {
    let got = sources("Dana Reyes spoke first. She’ll argue that rents must fall.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Dana Reyes"]);
    // A contraction on a name is no pronoun.
    assert!(sources("Ash’ll go. The bridge’s closed.").is_empty());
}

#[test]
fn so_far_opens_a_sentence_and_names_no_one() {
    let got = sources(
        "But, so far, only two harbor pilots, both of whom opposed the levy, are backing \
         the plan.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["only two harbor pilots"]);
}

#[test]
fn verbs_of_knowing_and_deciding_credit_their_subject() {
    let got = sources(
        "Harbor pilots see a one-in-three chance of a strike. A county judge ordered a \
         recount. The pilots went to see the memo issued by the board.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    // The memo is no subject of "issued"; the board that issued it is its source.
    assert_eq!(names, ["Harbor pilots", "A county judge", "the board"]);
    // A bare form after an article is a noun: "the blame".
    assert!(sources("The pilots took the blame for the delay.").is_empty());
}

#[test]
fn a_negation_inside_the_quotation_leaves_the_verb_alone() {
    let got = sources("Ash was late. ''The levy is not fair,'' said Jo Lin, a harbor pilot.");
    assert_eq!(got[0].0, "Jo Lin", "{got:?}");
    assert!(sources("Jo Lin has not yet commented on the levy.").is_empty());
    // A stance denied is still a stance.
    assert_eq!(
        sources("The harbor board does not want a levy.")[0].0,
        "The harbor board"
    );
}

#[test]
fn said_to_credits_no_one() {
    let got = sources("Democratic leaders are said to be wary. City officials said it was late.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["City officials"]);
}

#[test]
fn fragments_and_quoted_words_are_not_sources() {
    let got = sources(
        "The council read the resolution which said rents would fall. “Our \
         neighbours said it was fine,” the mayor argued.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["the mayor"]);
}

#[test]
fn verbs_of_feeling_hinting_and_suing_credit_their_subject() {
    let names = |m: &str| sources(m).into_iter().map(|a| a.0).collect::<Vec<_>>();
    assert_eq!(
        names("Most harbor pilots feel that the levy is unfair."),
        ["Most harbor pilots"]
    );
    assert_eq!(
        names("The county auditor hinted at a larger deficit next year."),
        ["The county auditor"]
    );
    assert_eq!(
        names("Four harbor towns sued the state over the new levy."),
        ["Four harbor towns"]
    );
    // A mood is no view, and a bare form after an object or "make" is no verb of its own.
    assert!(names("Most harbor pilots feel tired after the storm.").is_empty());
    assert!(names("The storm made the harbor pilots feel that the levy was unfair.").is_empty());
    assert!(names("The storm helped them understand the levy.").is_empty());
}

#[test]
fn nouns_that_are_stance_verbs_after_a_plural_subject() {
    use crate::extract::tests::sources;
    assert_eq!(
        sources("Most harbor pilots support the new levy."),
        ["Most harbor pilots"]
    );
    assert_eq!(
        sources("Critics point to the cost of the bridge."),
        ["Critics"]
    );
    assert_eq!(sources("Two-thirds favor a ban on cars."), ["Two-thirds"]);
    // Nouns stay nouns.
    assert!(sources("The levy has strong support in the county.").is_empty());
    assert!(sources("At one point the bridge was closed.").is_empty());
    assert!(sources("The harbor view was lovely.").is_empty());
    // Speaking of something, and light verbs with something said.
    assert_eq!(
        sources("Harbor pilots spoke about the cost of the bridge."),
        ["Harbor pilots"]
    );
    assert_eq!(
        sources("Most pilots made it clear that they oppose the levy."),
        ["Most pilots"]
    );
    assert_eq!(
        sources("The mayor gave a speech on the levy."),
        ["The mayor"]
    );
    assert!(sources("The mayor made a cake for the pilots.").is_empty());
    assert!(sources("The mayor spoke slowly.").is_empty());
    assert_eq!(
        sources("Most pilots saw the levy as a tax on work."),
        ["Most pilots"]
    );
    assert!(sources("The harbor saw record traffic in May.").is_empty());
    // Bare reporting verbs after a plural subject.
    assert_eq!(
        sources("Critics charge that the levy is unfair."),
        ["Critics"]
    );
    assert_eq!(sources("Harbor pilots defend the levy."), ["Harbor pilots"]);
    assert!(sources("The criminal charge was dropped.").is_empty());
    assert_eq!(
        sources("Critics quickly compared the plan to a tax."),
        ["Critics"]
    );
    assert!(sources("Rents rose 3% compared with May.").is_empty());
    assert!(sources("Pilots always err on the side of caution and care.").is_empty());
    assert!(sources("What makes the statement odd is its date.").is_empty());
}

#[test]
fn a_named_object_is_something_said() {
    let got = sources("Jo Lin endorsed Roe. The agency reports quarterly.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Jo Lin");
    assert_eq!(got[0].2.as_deref(), Some("Roe"));
}

#[test]
fn states_after_a_number_are_a_noun() {
    let got = sources("Two dozen states require a photo ID at the polls.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_quantifier_opening_a_clause_stands_for_people() {
    let got =
        sources("While many agreed with the levy, the vote failed. Others wonder why it closed.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["many", "Others"]);
    // "many" before a noun is a determiner.
    let got = sources("The plan has many critics in the county.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_stance_participle_credits_the_main_subject() {
    let got = sources("Dana Reyes is rushing to build a fund, fearing that the mill could close.");
    assert_eq!(got[0].0, "Dana Reyes", "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("fearing"));
}

#[test]
fn papers_sent_or_filed_are_statements() {
    let got = sources(
        "Leaders of the county board filed a complaint against the agency. The port sent \
         out a statement about the strike. The clerk filed the papers in March.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["Leaders of the county board", "The port"]);
}

#[test]
fn shares_polled_vote_and_say() {
    let got = sources(
        "Among likely voters, 56 percent would vote for the mayor. Thirty percent of \
         those surveyed say the bridge should close. The council will vote for the budget.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["56 percent", "Thirty percent of those surveyed"]);
}

#[test]
fn people_moved_to_speak_are_sources() {
    let got = sources(
        "The delay led some to speculate about a sale. The leak left many residents \
         wondering whether the plant was safe. The storm led the city to close the bridge.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["some", "many residents"]);
}

#[test]
fn a_participle_before_by_credits_its_agent_not_its_noun() {
    let got = sources("The script has a few lines portrayed by Jo Lin as jokes.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert!(!names.contains(&"a few lines"), "{got:?}");
}

#[test]
fn a_participle_before_a_plural_noun_is_no_passive() {
    let got = sources("The mayor added that continued delays by the contractor will cost more.");
    let cues: Vec<&str> = got.iter().filter_map(|a| a.1.as_deref()).collect();
    assert!(!cues.contains(&"continued"), "{got:?}");
    let got = sources("The levy was considered unwise by the county auditor.");
    assert_eq!(got[0].0, "the county auditor", "{got:?}");
}

#[test]
fn supporters_still_question_past_an_adverb() {
    let got = sources("Reyes supporters still question whether the count was fair.");
    assert_eq!(got[0].0, "Reyes supporters", "{got:?}");
}

#[test]
fn one_source_per_person_keeps_the_role_given() {
    let got = sources(
        "“We will reopen the pier,” Tim Ng said on Monday. Later, harbor spokesman Tim Ng \
         said the repairs were late.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["harbor spokesman Tim Ng"], "{got:?}");
}

#[test]
fn a_subject_that_undergoes_a_verb_of_saying_is_no_source() {
    let got =
        sources("The mayor was remembered by the council as a builder. The race was called early.");
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(names, ["the council"]);
}

#[test]
fn a_description_with_a_name_beside_it_is_credited_to_the_person() {
    let found = facts(
        "The harbour master, Tom Ash, said the pier would open in May. A close friend, Dana \
         Roe, and her brother said the house was empty.",
    )
    .attributions;
    assert_eq!(found[0].source.as_str(), "The harbour master, Tom Ash");
    assert_eq!(found[0].entity.as_deref(), Some("Tom Ash"));
    assert!(
        found
            .iter()
            .all(|a| a.entity.as_deref() != Some("Dana Roe"))
    );
}

#[test]
fn the_speakers_of_a_transcript_are_sources_and_people() {
    let text = "The interview ran long.\n\nKATE MORROW: Why not meet the voters?\n\nJOEL \
                BRENNAN: The senator does not decide when we meet. We do.\n\nMORROW: You said \
                in May you would.";
    let got = facts(text);
    let said: Vec<(&str, Option<&str>)> = got
        .attributions
        .iter()
        .map(|a| (a.source.as_ref(), a.content.as_deref()))
        .collect();
    assert_eq!(
        said,
        [
            ("KATE MORROW", Some("Why not meet the voters?")),
            (
                "JOEL BRENNAN",
                Some("The senator does not decide when we meet")
            ),
        ]
    );
    for name in ["KATE MORROW", "JOEL BRENNAN"] {
        let e = got.entities.iter().find(|e| e.name == name).unwrap();
        assert_eq!(e.kind, crate::load::EntityKind::Person, "{name}");
    }
    // One label alone is no transcript.
    let got = facts("The road was shut.\n\nUPDATE: The road is open again tonight.");
    assert!(got.attributions.is_empty(), "{:?}", got.attributions);
}

#[test]
fn an_adverb_opening_the_sentence_is_no_source() {
    let got = sources(
        "Dana Reyes doubts the plan needs a rival. Rather, she said, repeated failures by the \
         council will sink it.",
    );
    let names: Vec<&str> = got.iter().map(|a| a.0.as_str()).collect();
    assert!(!names.contains(&"Rather"), "{got:?}");
}

#[test]
fn a_source_set_off_after_a_clause_reports_that_clause() {
    let got = sources("The ferry fares will rise in May, harbour officials said.");
    assert_eq!(got[0].0, "harbour officials");
    assert_eq!(
        got[0].2.as_deref(),
        Some("The ferry fares will rise in May")
    );
    let got = sources("It also wants the fees returned, the lawsuit says.");
    assert_eq!(got[0].0, "the lawsuit");
    assert_eq!(got[0].2.as_deref(), Some("It also wants the fees returned"));
    // A quotation before the source is the quote's, not a paraphrase as well: a source
    // listed in the front matter takes no quote's words as what it said.
    let listed = ["Pat Lee".to_string()];
    let quoted = "“The fares will rise,” Pat Lee said.";
    let facts = crate::extract::tests::run(quoted, &Default::default(), &listed);
    let lee = facts.attributions.iter().find(|a| a.source == "Pat Lee");
    assert_eq!(lee.and_then(|a| a.content.as_deref()), None, "{lee:?}");
    // When and how it was said is not what was said.
    let got =
        sources("The bridge will close in June, the ministry said in a statement on Tuesday.");
    assert_eq!(got[0].2.as_deref(), Some("The bridge will close in June"));
    let got = sources("The ministry said on Tuesday.");
    assert_eq!(got[0].2, None);
    let got = sources("The ministry said the late bridge will close.");
    assert_eq!(got[0].2.as_deref(), Some("the late bridge will close"));
    let got = sources("The ministry said in a statement Tuesday that the bridge will close.");
    assert_eq!(got[0].2.as_deref(), Some("the bridge will close"));
    let got = sources("The ministry cited statements that hurt the port.");
    assert_eq!(got[0].2.as_deref(), Some("statements that hurt the port"));
    let got = sources("The ministry said Tuesday was the last day.");
    assert_eq!(got[0].2.as_deref(), Some("Tuesday was the last day"));
    // Something said after the verb stays what was said.
    let got = sources("The plan, the mayor said, would cost millions.");
    assert_eq!(got[0].2.as_deref(), Some("would cost millions"));
}

#[test]
fn a_listener_a_participle_or_a_document_s_participle_is_not_what_was_said() {
    let got = sources("Dana Reyes told the Ledger that turnout rose by a third.");
    assert_eq!(got[0].2.as_deref(), Some("turnout rose by a third"));
    let got = sources("Turnout rose by a third, Dana Reyes told reporters on Monday.");
    assert_eq!(got[0].2.as_deref(), Some("Turnout rose by a third"));
    // The listener, then a clause with no "that".
    let got = sources("Dana Reyes told reporters the plan was dead.");
    assert_eq!(got[0].2.as_deref(), Some("the plan was dead"));
    let got = sources("Dana Reyes told the Ledger he would run again.");
    assert_eq!(got[0].2.as_deref(), Some("he would run again"));
    // What no listener's clause follows stays as it is.
    let got = sources("Dana Reyes told the council about the plan.");
    assert_eq!(got[0].2.as_deref(), Some("the council about the plan"));
    let got = sources("Turnout rose by a third, the Ledger reported, citing two officials.");
    assert_eq!(got[0].2.as_deref(), Some("Turnout rose by a third"));
    let got = sources("A study published in the Harbor Journal found that turnout rose.");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_deref()),
        ("A study", Some("found"))
    );
    // The same shape with no verb after it is the sentence's own verb.
    let got = sources("Instead, the statement talked about giving voters a say.");
    assert_eq!(got[0].1.as_deref(), Some("talked"));
    // "show" after a name is its verb, not part of it; "reports" after a name is a noun.
    let got = sources("Turnout rose by a third, data from the Census Bureau show.");
    assert!(got.iter().all(|s| !s.0.ends_with("show")), "{got:?}");
    // A participle after a reporting verb is its speaker's, not the sentence subject's.
    let got = sources("Turnout rose, Dana Reyes said, adding that the city was ready.");
    assert!(got.iter().all(|s| s.0 != "Turnout"), "{got:?}");
}

#[test]
fn a_phrase_led_by_a_preposition_is_no_source() {
    let got =
        sources("According to the club’s coach, the striker shows unusual stamina for his age.");
    assert!(got.iter().all(|s| !s.0.starts_with("According")), "{got:?}");
    assert!(got.iter().any(|s| s.0 == "the club’s coach"), "{got:?}");
    // A count of people may open with one.
    let got = sources("About four in 10 voters said the plan went too far.");
    assert_eq!(got[0].0, "About four in 10 voters");
    let got = sources("About two-thirds of the members said the plan went too far.");
    assert_eq!(got[0].0, "About two-thirds of the members");
    // "about" before a noun is no count.
    let got = sources(
        "Hemsley, the author of a book about the spread of news, said the days of one shared story are gone.",
    );
    assert!(got.iter().all(|s| !s.0.starts_with("about")), "{got:?}");
}

#[test]
fn a_titled_person_placed_after_the_name_is_the_entity() {
    let got = facts(
        "Bishop Tom Ash of the Diocese of Dover said the bells would ring again. An aide to \
         Tom Ash of the diocese said the roof was fine.",
    );
    let a = &got.attributions;
    assert_eq!(
        a[0].source.as_str(),
        "Bishop Tom Ash of the Diocese of Dover"
    );
    assert_eq!(a[0].entity.as_deref(), Some("Tom Ash"));
    // A name after a preposition is no title's.
    assert_eq!(a[1].source.as_str(), "An aide to Tom Ash of the diocese");
    assert_eq!(a[1].entity, None);
}

#[test]
fn a_participle_after_a_where_clause_credits_its_subject() {
    let got = sources(
        "Dana Roe spoke near the pier, where about 40 dockers had gathered, chanting that the \
         port must stay open.",
    );
    let chanted: Vec<&str> = got
        .iter()
        .filter(|(_, cue, _)| cue.as_deref() == Some("chanting"))
        .map(|(source, _, _)| source.as_str())
        .collect();
    assert_eq!(chanted, ["about 40 dockers"]);
}

#[test]
fn a_name_ending_in_a_word_of_time_is_the_whole_source() {
    let got = sources("Prime Minister Helen May said on Monday that the talks would resume.");
    assert_eq!(got[0].0, "Prime Minister Helen May");
    let got = sources("Columnist Dana Will wrote that the ferry would run again.");
    assert_eq!(got[0].0, "Columnist Dana Will");
}

#[test]
fn an_and_inside_a_name_joins_no_subjects() {
    let got = sources(
        "“The new fuel would give the weapons a far greater yield,” nuclear experts Dana Reyes and Tom Ash of Oakton’s Institute for Science and Harbor Security wrote in May.",
    );
    assert!(got.iter().all(|s| s.0 != "Harbor Security"), "{got:?}");
}
