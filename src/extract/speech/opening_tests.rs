//! The subject of a whole sentence: opening phrases passed over, descriptions taken whole.

use super::tests::{text, verb_index, with};

#[test]
fn main_subjects_skip_opening_phrases() {
    let got = with(
        "In a speech on Monday, Jane Roe attacked the plan, saying",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Jane Roe");
    // A known place set after the opening's own place belongs to the opening.
    for (lead, subject) in [
        ("At a rally in Dover, Maine, on Friday, Tom Ash", "Tom Ash"),
        ("In Salem, New Hampshire, Tom Ash", "Tom Ash"),
        ("In Salem, Maine Governor Tom Ash", "Maine Governor Tom Ash"),
        ("In a speech, Maine, a small state, was", "Maine"),
        // An adverb before a name, with no comma, opens the sentence alone.
        ("Meanwhile Tom Ash, who won the vote,", "Tom Ash"),
        ("Later Ash", "Ash"),
        // Not a day after the adverb, nor a name after a day or a person.
        ("Later Tuesday, Tom Ash", "Tom Ash"),
        ("On Monday, Jordan, a nurse from Dover,", "Jordan"),
        ("In a letter to Tom Ash, Israel, Egypt and Jordan", "Israel"),
    ] {
        let got = with(&format!("{lead} attacked the plan, saying"), |c| {
            text(c, c.main_subject(0))
        });
        assert_eq!(got, subject, "{lead}");
    }
    let got = with("Yesterday the plan failed, saying", |c| c.main_subject(0));
    assert_eq!(got, None);
    let got = with(
        "Reached by the Courier, Jane Roe denied it, explaining",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Jane Roe");
    let got = with("The Oakton senator sought to calm them, saying", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "The Oakton senator");
    let got = with("The board saw a chance, saying", |c| c.main_subject(0));
    assert_eq!(got, None);
    let got = with(
        "Republican presidential candidate Dana Reyes quickly took to",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Republican presidential candidate Dana Reyes");
    let got = with("until Reyes said she was backing the plan", |c| {
        c.subject_leading(verb_index(c, "said"))
    });
    assert_eq!(got, None);
}

#[test]
fn main_subjects_take_the_whole_description_and_skip_time_phrases() {
    let got = with("The veteran captain began by talking about", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "The veteran captain");
    let got = with("The retired captain began by talking about", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "The retired captain");
    // A participle that is the predicate is not part of the description.
    let got = with("The captain retired in May", |c| text(c, c.main_subject(0)));
    assert_eq!(got, "The captain");
    let got = with("The billionaire never began", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "The billionaire");
    let got = with(
        "Hours later, Ned Farrow returned the favour, telling",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Ned Farrow");
    let got = with(
        "Here in Dover, Ned Farrow stepped up his attacks, saying",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Ned Farrow");
}

#[test]
fn time_phrases_of_two_words_open_a_sentence() {
    let got = with("Eight years ago, he backed the mayor and said", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "he");
    // A name before "later" is the subject, not a time phrase.
    let got = with("Jane Roe later told reporters, saying", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "Jane Roe");
}

#[test]
fn long_opening_phrases_end_at_their_comma() {
    let got = with(
        "On the eve of his third election as mayor of the old city in March, Ned Farrow warned",
        |c| text(c, c.main_subject(0)),
    );
    assert_eq!(got, "Ned Farrow");
    // Without a comma an opening phrase never ends: no subject.
    let got = with(
        "On the eve of his third election as mayor Ned Farrow warned",
        |c| c.main_subject(0),
    );
    assert_eq!(got, None);
}

#[test]
fn opening_phrases_in_a_row_come_before_the_subject() {
    for (s, want) in [
        (
            "On Friday, after weeks of silence, Roe endorsed the plan, saying",
            "Roe",
        ),
        (
            "In May, when asked again, Tom Ash agreed, saying",
            "Tom Ash",
        ),
        (
            "Hours later, the retired surgeon replied, adding",
            "the retired surgeon",
        ),
        // A name before "earlier" is the subject, not a time phrase like "Hours later".
        ("Ash earlier denied the rumour by tweeting", "Ash"),
        // An aim set before the subject.
        ("To give a sense of the talk, Tom Ash went on", "Tom Ash"),
        // A role noun may describe a body of people.
        ("The activist group is calling on", "The activist group"),
    ] {
        assert_eq!(with(s, |c| text(c, c.main_subject(0))), want, "{s}");
    }
    // A name after the first opening phrase is the subject even when it ends in "-ing".
    let got = with("On Monday, Manning told the board", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "Manning");
}

#[test]
fn a_verb_in_an_opening_clause_shares_its_subject() {
    let got = with(
        "When Dana Roe later referred to the flood and said she would",
        |c| text(c, c.shared_subject(verb_index(c, "said"))),
    );
    assert_eq!(got, "Dana Roe");
}
