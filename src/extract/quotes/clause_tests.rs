//! Speakers found past the tag's own words: the subject of the main clause, of a clause a
//! reporting verb reports, of a sentence that opens with phrases, and who sent a statement.

use super::tests::quotes;

#[test]
fn words_sent_by_a_person_are_linked_to_them() {
    let found =
        quotes("Dana Reyes ran again. A statement from Reyes said: “We will keep every ferry.”");
    assert_eq!(found[0].1.as_deref(), Some("A statement from Reyes"));
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
    // A day before a time of day stays inside the phrase ("on Monday night").
    let found = quotes(
        "Dana Reyes ran again. A fundraising email sent out by Reyes on Monday night warned of the fight ahead: “There are nine votes in the next three weeks.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
    assert_ne!(found[0].1.as_deref(), Some("night"));
    // A person the words were sent to is not their author.
    let found = quotes(
        "Dana Reyes ran again. A letter to Reyes from the board said: “We will keep every ferry.”",
    );
    assert_ne!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_described_subject_may_have_a_phrase_set_off_before_its_verb() {
    let found = quotes(
        "The port authority, in a note on the ferry plan, put it more carefully: “The ferry will run when the money is there.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("The port authority"));
    // Set off by commas but with no predicate after: no subject.
    let found = quotes("The port authority, in Dover, “the ferry will run.”");
    assert_eq!(found.first().and_then(|q| q.1.as_deref()), None);
    let found = quotes(
        "“The answer is no,” the party’s nominee riffed on the mayor’s reply, drawing laughs.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the party’s nominee"));
}

#[test]
fn a_verb_joined_to_the_main_clause_shares_its_subject() {
    let found = quotes(
        "Last week, when I asked Tom Ash whether he would back the plan, he looked at the camera, raised an eyebrow and said, “I will back the ferry, not the plan.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("he"));
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
    let found = quotes("Dana Reyes said she would stay and added, “The ferry is my life.”");
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_quotation_in_a_reported_clause_is_the_reporters() {
    // The reporting verb shares its subject with the verb before it.
    let found = quotes(
        "In an interview on Friday, the Ohio Republican criticized the plan and said allies wanted to know if the city is “still in the game.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Ohio Republican"));
}

#[test]
fn a_reported_clause_may_open_with_a_list() {
    let found = quotes(
        "In her ruling, Judge Dana Reyes wrote that the title, history and text of the law showed it to be “an attempt to undo the vote.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_count_of_the_speakers_own_is_no_other_source() {
    let found = quotes(
        "Tom Ash, a member of the party’s board, said that according to its count, the party won most seats, but “we are still counting the ballots.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_tag_set_off_by_commas_names_the_speaker() {
    let found = quotes(
        "The secret of the harbour, says Tom Ash, a historian at the port museum, is that it was “the busiest dock in the north for a century,” not its size.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_body_after_an_opening_participle_speaks() {
    let found = quotes(
        "Led by Councillor Dana Reyes, the rally denounced the mayor’s call for “a total closure of the old port.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the rally"));
}

#[test]
fn an_acronym_speaker_stays_as_written() {
    let found = quotes(
        "The Harbor Safety Board (HSB) opened an inquiry.\n\nIn a letter to the court, the HSB confirmed that it was “looking into the collapse of the crane.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the HSB"));
    assert_eq!(found[0].2.as_deref(), Some("Harbor Safety Board"));
}

#[test]
fn the_one_spoken_to_is_not_the_speaker() {
    let found = quotes(
        "Another source speaking to the Harbor Courier said, “The inquiry is looking at the cranes.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Another source"));
    assert_eq!(found[0].2, None);
}

#[test]
fn a_participle_and_its_complement_are_no_speaker() {
    let found =
        quotes("A letter signed by the crew and sent to the board said: “We will not sail again.”");
    assert_ne!(found[0].1.as_deref(), Some("sent to the board"));
}

#[test]
fn a_participle_phrase_after_the_quotation_gives_way_to_the_subject() {
    let found = quotes(
        "Her remarks deepen “the mistrust between the two towns” stirred up by Tom Ash and other hopefuls, the unions say.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the unions"));
}

#[test]
fn who_after_an_adverb_and_its_preposition_is_the_noun() {
    let found = quotes(
        "Voters may not react as warmly to a candidate who has called for “a much harder line” on the port.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a candidate"));
}

#[test]
fn a_titled_person_placed_after_the_name_is_the_speaker() {
    let got = crate::extract::tests::facts(
        "As Bishop Tom Ash of the Diocese of Dover told reporters, “The bells will ring again at Easter.”",
    );
    let q = &got.quotes[0];
    assert_eq!(q.speaker.as_deref(), Some("Tom Ash"));
    assert_eq!(q.speaker_entity.as_deref(), Some("Tom Ash"));
    assert_eq!(q.speaker_role.as_deref(), Some("Bishop"));
}

#[test]
fn what_a_person_said_owned_and_linked_by_was() {
    let found = quotes(
        "She trained under Wayne Ash, the editor. Ash’s advice to his reporters (repeated to me for years) was, “Call the other side before you print.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Wayne Ash"));
    // A semicolon closes the clause before it: its subject does not reach the quotation.
    let found = quotes(
        "Tom Reyes ran the desk for the Ferry and Harbor papers; Ash’s motto was, “Call the other side before you print.”",
    );
    assert_ne!(found[0].2.as_deref(), Some("Tom Reyes"));
}

#[test]
fn a_participle_after_a_where_clause_takes_its_subject() {
    let found = quotes(
        "Dana Roe spoke near the pier, where about 40 dockers had gathered, chanting “no deal, no ships” until dark.",
    );
    assert_eq!(found[0].1.as_deref(), Some("about 40 dockers"));
    // With no such clause, the participle keeps the sentence's speaker.
    let found =
        quotes("Dana Roe spoke near the pier on Friday, saying “no deal, no ships” until dark.");
    assert_eq!(found[0].2.as_deref(), Some("Dana Roe"));
}

#[test]
fn an_opening_clause_led_by_even_or_shortly_is_passed_over() {
    let found = quotes(
        "Even before Dana Roe took the stage to claim the win, her campaign sent out a text message to donors saying: “With your help, we just won the county!”",
    );
    assert_eq!(found[0].1.as_deref(), Some("her campaign"));
}

#[test]
fn a_verb_joined_inside_an_opening_clause_takes_its_subject() {
    let found = quotes(
        "When Dana Roe later turned to the flood and said she would “protect our coastal towns for good,” the crowd cheered.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Roe"));
}

#[test]
fn the_one_who_had_this_to_say() {
    let found = quotes(
        "Likewise, a study from the Harbor Institute had this to say about the ferry plan: “Families in the top half would gain far more than the rest.”",
    );
    assert_eq!(
        found[0].1.as_deref(),
        Some("a study from the Harbor Institute")
    );
    let found = quotes(
        "Similarly, the harbour master has this to add: “The late boat will run until the end of May.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the harbour master"));
}

#[test]
fn a_surname_that_is_also_a_month_or_a_modal_verb_speaks() {
    let found = quotes(
        "Columnist Dana Will wrote about the port. “The ferry has kept the islands alive for a century,” Will wrote.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Will"));
    let found = quotes(
        "“We will not be rushed into a bad deal with anyone,” columnist Li Jun wrote in the paper.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Li Jun"));
}

#[test]
fn a_quotation_joined_to_the_next_by_and_shares_its_speaker() {
    let found = quotes(
        "Her pledge to “keep every ferry running” and “build the bridge by spring” won over the islanders, said Dana Reyes, a historian at Oakton University.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
    assert_eq!(found[1].2.as_deref(), Some("Dana Reyes"));
    // Not across a clause of its own.
    let found = quotes(
        "Fans chanted “keep every ferry running” at the rally, while others chose “build the bridge by spring,” said Dana Reyes.",
    );
    assert_eq!(found[0].2, None);
}

#[test]
fn words_before_a_colon_that_only_say_when_keep_the_speaker() {
    let found = quotes(
        "“We made a mistake going in at all,” Tom Ash told the Courier in October.\n\nThen, later that month on the radio: “I have never said we made a mistake going in.”",
    );
    assert_eq!(found[1].2.as_deref(), Some("Tom Ash"));
    // A person named before the colon speaks instead; a verb makes it a clause of its own.
    let found = quotes(
        "“We made a mistake going in at all,” Tom Ash told the Courier in October.\n\nLater that month, Dana Reyes: “I have never said we made a mistake going in.”",
    );
    assert_eq!(found[1].2.as_deref(), Some("Dana Reyes"));
    let found = quotes(
        "“We made a mistake going in at all,” Tom Ash told the Courier in October.\n\nThen the crowd turned on the stage: “Nobody here has ever said that to us.”",
    );
    assert_ne!(found[1].2.as_deref(), Some("Tom Ash"));
}

#[test]
fn the_inches_of_a_height_close_no_quotation() {
    let found = quotes(
        "“He keeps calling me names. I admit, he is taller than me; he is like 6’2”,” Tom Ash said on Sunday.",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].0.ends_with("6’2”"), "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
    // With no later mark to close the quotation, the mark after the height does.
    let found = quotes(
        "The mayor said she is “a little taller than the rest at 5’9”. The town agrees with her.",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].0.ends_with("at 5’9"), "{found:?}");
}

#[test]
fn a_name_after_a_quotation_run_on_into_its_sentence_is_its_object() {
    let found = quotes(
        "Staff promise not to “demean or run down in public” Dana Reyes, her firm or her family.",
    );
    assert_eq!(found[0].1, None);
    // After a quotation that ends its words, or before a verb, the name speaks.
    let found = quotes("“We will win this fight for the port” Dana Reyes shot back.");
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    let found = quotes("“We will win this fight for the port,” Dana Reyes, the mayor.");
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_possessive_source_after_according_to_with_no_speaker_before() {
    let found = quotes(
        "Reyes met a man whose book, according to its shop summary, “draws a troubling portrait of the mayor and her staff.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("its shop summary"));
    // A speaker before keeps the words: the count is the speaker's own.
    let found = quotes(
        "Reyes said that according to its own count, the group “has lost a third of its members since May.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Reyes"));
}

#[test]
fn a_clause_after_after_has_its_own_speaker() {
    let found = quotes(
        "“It is misleading to call that bill a rescue,” Tom Ash wrote after Dana Reyes argued again that “if everyone had voted as he did, we would have lost the ferry.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
    assert_eq!(found[1].2.as_deref(), Some("Dana Reyes"));
    let found = quotes(
        "Tom Ash wrote after the mayor argued that “if everyone had voted as he did, we would have lost the ferry.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the mayor"));
}

#[test]
fn a_source_closing_a_sentence_after_a_phrase_run_on_from_the_quotation() {
    let found = quotes(
        "“The next two islands will matter most,” manager Dana Reyes wrote. “We have built strong teams on each island and we feel good about our chances” there and in states that vote in March, the memo stated.",
    );
    assert_eq!(found[1].1.as_deref(), Some("the memo"));
}

#[test]
fn a_name_after_of_in_the_subject_is_no_one_a_pronoun_refers_to() {
    let found = quotes(
        "As Bishop Dana Reyes of the Oakton Diocese told the Courier, “We have all suffered the same fate here.” He added, “So the council should have been the first to back the plan.”",
    );
    assert_eq!(found[1].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_surname_that_is_a_month_speaks_for_the_person_named_before() {
    let found = quotes(
        "Finance minister Helen May set out the budget. “We will not borrow to pay the bills,” May told parliament.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Helen May"));
}

#[test]
fn a_named_body_with_of_in_its_name_speaks_before_a_colon() {
    let found = quotes(
        "As if answering the builder, the Oakton Board of Elections was blunt in its findings: “Further debate on this issue is unnecessary.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Oakton Board of Elections"));
}

#[test]
fn a_clause_cut_from_its_sentence_is_no_speaker() {
    for text in [
        "He was amused that Mr. Ash had at last described his plan “not only on the radio but \
         on the evening news,” echoing his critics.",
        "The group seeks to cut deaths through the enactment of what it calls “sensible rules \
         for every harbor town.”",
        "Mr. Pask said the candidate could be “in a very competitive spot in three states.”",
    ] {
        let found = quotes(text);
        let speaker = found[0].1.as_deref().unwrap_or_default();
        assert!(
            !speaker.contains(" had ") && !speaker.ends_with(" it") && !speaker.contains(" could "),
            "{speaker}"
        );
    }
    // A verb after a name or an adverb, or a preposition opening the phrase.
    for text in [
        "In Dover, Ash endured without complaint a lecture from the mayor, who said that the \
         ferry has been good for “the town as well as the harbor.”",
        "(The bill also mandates three separate visits for owners who want a permit.) “The \
         harbor is a public right, and it is not a right if you cannot reach it.”",
        "“We do not teach anything” against gambling in the mosque meetings, he said.",
    ] {
        let found = quotes(text);
        assert_eq!(found[0].1, None, "{text} {found:?}");
    }
}
