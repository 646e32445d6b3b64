//! Speakers as the subject of the verb of a tag: a long name within reach, "state" after a
//! plural, a surname that alone reads as a modal verb, a description right before its verb,
//! a share of people polled.

use super::tests::quotes;

#[test]
fn a_long_name_in_the_tag_counts_as_one_thing_named() {
    // Fourteen words, but three names: the whole description speaks.
    let found = quotes(
        "“The new fuel would give the weapons a far greater yield,” nuclear experts Dana Reyes and Tom Ash of Oakton’s Institute for Science and Harbor Security wrote in May.",
    );
    assert_eq!(
        found[0].1.as_deref(),
        Some(
            "nuclear experts Dana Reyes and Tom Ash of Oakton’s Institute for Science and Harbor Security"
        )
    );
    // A description of as many plain words is still too long to be a subject.
    let found = quotes(
        "“The new fuel would give the weapons a far greater yield,” the two old experts from the far north of the small island in the cold bay wrote in May.",
    );
    assert_eq!(found[0].1, None);
}

#[test]
fn state_is_a_reporting_verb_after_a_plural_subject() {
    let found = quotes(
        "“Nothing in these samples points to a leak from the plant,” the authors state in the paper.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the authors"));
    // A noun elsewhere: after a determiner, a name or a singular noun.
    let found = quotes(
        "“We will fight this ruling in every court,” Oakton state officials said on Monday.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Oakton state officials"));
    let found = quotes(
        "Reyes won the swing state in March. “We will keep it that way for years,” Tom Ash said.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_surname_that_is_also_a_modal_verb_names_its_person_alone() {
    let found = quotes(
        "“This may hasten the end of the old guard,” columnist Dana Will wrote. In contrast, Will \
         had only praise for the speech, which Will claims affirmed “the basic belief in the rights of the island.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Will"));
    assert_eq!(found[1].2.as_deref(), Some("Dana Will"));
    // First in a sentence, "Will" still asks; after a preposition, "May" is still a month.
    let found = quotes(
        "Columnist Dana Will wrote a long piece. Will the council listen? In May the vote “will be the start of a new era for us,” Tom Ash said.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_description_right_before_its_verb_speaks_of_the_name_before_it() {
    let found = quotes(
        "Dana Reyes, a top aide said, “is very confident, very confident in the contrast” between her and Tom Ash.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a top aide"));
    // Set off by commas on both sides, the description is the name's own.
    let found =
        quotes("Dana Reyes, a top aide, said, “We are very confident in the contrast between us.”");
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_phrase_after_the_mark_then_a_clause_of_its_own_is_no_speaker() {
    let found = quotes(
        "Dana Reyes, a top aide said, “is very confident in the contrast” between her and Tom Ash, and she has often told the team so.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a top aide"));
    let found = quotes(
        "The vote was “a clear sign of what is to come” for the island, and the council has often said so.",
    );
    assert_ne!(found[0].1.as_deref(), Some("the island"));
}

#[test]
fn a_share_of_people_polled_speaks_through_the_poll() {
    let found = quotes(
        "In a September Courier poll, 75 percent of islanders said “most people in the council” cannot be trusted.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a September Courier poll"));
    let found = quotes(
        "The Oakton poll also finds that, while many back Reyes, 22 percent say he is “not at all fit for the job.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("The Oakton poll"));
    // A share a person speaks of is no speaker, and no poll was named.
    let found =
        quotes("Dana Reyes said 40 percent of the town “will not vote for this plan at all.”");
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    let found = quotes("Asked at the door, 40 percent said “the ferry should run all night.”");
    assert_eq!(found[0].1.as_deref(), Some("40 percent"));
}

#[test]
fn a_relative_clause_with_a_reporting_verb_describes_the_subject() {
    let found = quotes(
        "The groups who wrote to her on Thursday say they are “worried your campaign is sending mixed signals.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("The groups"));
}

#[test]
fn an_age_before_a_name_opening_the_sentence() {
    let found = quotes(
        "76-year-old Dana Reyes, founder of the Harbor Trust, backed Ash last week, saying he “has long shown his deep commitment to the island.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_quoted_title_set_off_in_a_description_is_part_of_it() {
    let found = quotes(
        "Tom Ash, a contestant on the mayor’s TV show, “The Island,” who went on to work beside her, said his boss was “always kind and generous.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
    // A title not set off by a comma closes a phrase of its own.
    let found = quotes(
        "Reyes was known for her scorn of what she called the old “Harbor Ring,” voiced in her famous cry in 1987: “Mr. Ash, open up this port!”",
    );
    assert_ne!(found[0].1.as_deref(), Some("the old"));
}

#[test]
fn one_heard_asking_after_the_quotation_speaks() {
    let found = quotes(
        "“Should there be a list that tracks the islanders in this town?” a reporter can be heard asking Dana Reyes after an event.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a reporter"));
    // Another participle after the quotation is no tag of its own.
    let found = quotes(
        "“Should there be a list that tracks the islanders in this town?” a reporter kept asking Dana Reyes after an event.",
    );
    assert_ne!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_label_naming_a_document_before_a_colon_is_kept_whole() {
    let found = quotes(
        "Reyes spoke on Monday.\n\nPartial transcript as follows:\n\n“We will win this fight for the port, and we will win it soon.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Partial transcript"));
    // A name before the colon is still the name alone.
    let found =
        quotes("Reyes spoke on Monday.\n\nDana Reyes:\n\n“We will win this fight for the port.”");
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_plural_spelled_as_a_verb_names_no_speaker() {
    // "comments" is the object of "highlighted", not a verb whose subject is "highlighted".
    let found = quotes(
        "Critics, who highlighted comments Reyes made in 2009 saying she “kind of wants” the market to fall because “people like me could get rich.”",
    );
    assert!(
        found.iter().all(|q| q.1.as_deref() != Some("highlighted")),
        "{found:?}"
    );
    // A tag closing its sentence after the quotation keeps the verb, and the next
    // quotation its speaker.
    let found = quotes(
        "“It is over and we are done with all of it,” a voice-over in the ad states. “She will stand up to them and win this race.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("a voice-over in the ad"));
    assert_eq!(found[1].1.as_deref(), Some("a voice-over in the ad"));
}
