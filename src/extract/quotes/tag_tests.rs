//! Speakers found in the tag around a quotation: passive agents, colons, dashes,
//! participles and titles.

use super::tests::quotes;

#[test]
fn the_agent_of_a_passive_verb_speaks() {
    let found = quotes(
        "Tom Ash was asked by host Dana Reyes, who backs him, “Now, you said you were tired of this?”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // Active, the subject speaks; "by" after an active verb is no agent.
    let found = quotes("Tom Ash asked by phone, “Is anyone there to help us today?”");
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn where_the_words_come_from_before_a_colon() {
    let found = quotes(
        "The council met late. From Dana Reyes’s Facebook post: “We must move on from this now.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    let found = quotes(
        "The panel reported in June. More from the report: “Samples with longer field periods did better.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the report"));
    // A time after "From" opens the sentence of the one who speaks.
    let found = quotes(
        "The storm hit hard. From the start of the session, the mayor said: “The water was rising.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("the mayor"));
}

#[test]
fn a_name_after_a_dash_before_a_colon_speaks() {
    let found = quotes(
        "Polls were not wrong, just early - Dana Reyes and Tom Ash: “The surveys simply ended too soon.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes and Tom Ash"));
    let found = quotes(
        "Media shares the blame - Pollwatch: “Pollsters are taking a lot of heat this week.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Pollwatch"));
}

#[test]
fn people_counted_speak_together() {
    let found =
        quotes("The snack was left untouched. “That is a shame for all of us,” the two write.");
    assert_eq!(found[0].1.as_deref(), Some("the two"));
}

#[test]
fn a_clause_before_the_speakers_own_predicate() {
    let found = quotes(
        "After former Gov. Tom Ash criticized the mayor during a debate, Dana Reyes shot back, “I suppose I could have stayed home all day.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // An apposition after an inverted verb is no clause of its own.
    let found = quotes(
        "“We opened offices in the spring,” said Mia Cole, the mayor’s press secretary, “and we are staying.”",
    );
    assert_eq!(found[1].1.as_deref(), Some("Mia Cole"));
}

#[test]
fn participles_with_their_own_subject() {
    let found = quotes(
        "At a rally in Dover, Delaware, on Saturday, some supporters shoved a protester, with Tom Ash reportedly yelling: “Get him out of here right now!”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
    let found = quotes(
        "Her campaign quickly blasted out an email to supporters stating, “Ash joins a growing list of critics.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Her campaign"));
}

#[test]
fn a_speakers_town_and_state() {
    let found = quotes(
        "Dana Reyes of Columbia, South Carolina says she thinks the mayor can win if he keeps “doing what he is doing.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_day_inside_an_inverted_speaker() {
    let found = quotes(
        "“There are snails that have shown more spine than the mayor,” reads a Wednesday editorial in The Dover Ledger.",
    );
    assert_eq!(found[0].1.as_deref(), Some("a Wednesday editorial"));
}

#[test]
fn a_title_inside_the_attribution_does_not_cut_it() {
    let found = quotes(
        "Mia Lane, star of the network’s “Harbor,” thanked the mayor for “keeping the river clean for all of us.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mia Lane"));
}

#[test]
fn a_title_or_a_cut_clause_is_no_speaker() {
    let found = quotes(
        "Ana Ruiz, a contestant on the network’s show, “The Harbor,” who went on to work for him, recalled his boss was “always kind and generous to the staff.”",
    );
    // Ruiz, or no one rather than a guess.
    assert!(
        matches!(found[0].1.as_deref(), None | Some("Ana Ruiz")),
        "{found:?}"
    );
}

#[test]
fn a_person_named_last_before_a_colon() {
    let found = quotes(
        "The timing of the surge does not surprise Republican pollster Dana Reyes: “Lesser-known candidates often get the biggest boost early.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // The one spoken to is not the speaker.
    let found = quotes(
        "Senate leader Mia Cole delivered a blunt message to Tom Ash: “It is time to quit attacking your rivals.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mia Cole"));
}
