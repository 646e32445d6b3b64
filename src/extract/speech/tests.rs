use super::*;

pub(super) fn with<T>(sentence: &str, f: impl FnOnce(&Clause<'_>) -> T) -> T {
    let doc = Doc::new(sentence);
    let clause = Clause::new(&doc, 0..doc.text.len());
    f(&clause)
}

pub(super) fn text(c: &Clause<'_>, r: Option<Range<usize>>) -> String {
    r.map(|r| c.doc.text[c.bytes(r)].to_string())
        .unwrap_or_default()
}

pub(super) fn verb_index(c: &Clause<'_>, w: &str) -> usize {
    (0..c.toks.len()).find(|&i| c.word(i) == w).unwrap()
}

#[test]
fn subjects_before_the_verb_skip_inserted_phrases() {
    for (s, want) in [
        (
            "Jane Roe, the mayor’s campaign manager, said it",
            "Jane Roe",
        ),
        ("Tom Ash, a retired teacher, said it", "Tom Ash"),
        ("Roe also said at the time that", "Roe"),
        ("Ash, who says the plan works, tweeted that", "Ash"),
        ("At the rally the candidate said", "the candidate"),
        ("Roe on Tuesday said", "Roe"),
        (
            "Rep. Jane Roe (D-Md.), chair of the panel, said",
            "Rep. Jane Roe",
        ),
    ] {
        let got = with(s, |c| {
            let v = (0..c.toks.len())
                .find(|&i| c.verb_at(i) == Some(Verb::Finite))
                .unwrap();
            text(c, c.subject_before(v, 0))
        });
        assert_eq!(got, want, "{s}");
    }
}

#[test]
fn appositive_chains_lead_back_to_the_name() {
    for (s, want) in [
        (
            "Dean Ames, a salesman from Dover, Delaware, says the plan",
            "Dean Ames",
        ),
        ("Ash, 35, the daughter of a farmer, said on Monday", "Ash"),
        (
            "Lea Moss, who lives outside the capital, Dover, said she",
            "Lea Moss",
        ),
        (
            "Ivo Tam, chairman of the board of Fenwick Partners, the group’s funding arm, said",
            "Ivo Tam",
        ),
        (
            "Tom Vale, a lawyer who once worked for Sen. Dana Reyes (R-Ohio), one of the \
             bill’s authors, called it",
            "Tom Vale",
        ),
        // No name before the description: it stays the speaker.
        (
            "In Dover, a senior aide, who declined to be named, said",
            "a senior aide",
        ),
        ("Sure, he admits that", "he"),
        (
            "With polls showing Sen. Ted Ash, R-Ohio, leading the race in Ohio, a story by the paper says",
            "a story by the paper",
        ),
    ] {
        let got = with(s, |c| {
            let v = (0..c.toks.len()).find(|&i| c.verb_at(i).is_some()).unwrap();
            text(c, c.subject_before(v, 0))
        });
        assert_eq!(got, want, "{s}");
    }
    // A party label in brackets is not a name the chain can end on.
    let got = with("Rep. Jo Ash (D-Md.) last month joked", |c| {
        text(c, c.subject_before(verb_index(c, "joked"), 0))
    });
    assert_ne!(got, "D-Md.");
}

#[test]
fn after_told_stands_the_listener() {
    let got = with("Ramos, 58, told Reuters in an interview", |c| {
        text(c, c.subject_leading(verb_index(c, "told")))
    });
    assert_eq!(got, "Ramos");
    let got = with(
        "Graham, a former referee, told the Dover Ledger on Friday",
        |c| text(c, c.subject_leading(verb_index(c, "told"))),
    );
    assert_eq!(got, "Graham");
    // An inverted subject after a comma is still the speaker for "said".
    let got = with("but to lead anyway, says Evan Marsh", |c| {
        text(c, c.subject_leading(verb_index(c, "says")))
    });
    assert_eq!(got, "Evan Marsh");
}

#[test]
fn nouns_are_not_reporting_verbs() {
    let got = with(
        "Roe was unimpressed by Ash’s comments and the states",
        |c| (0..c.toks.len()).filter_map(|i| c.verb_at(i)).count(),
    );
    assert_eq!(got, 0);
}

#[test]
fn clause_fragments_are_not_subjects() {
    let got = with("The council voted for the resolution which said", |c| {
        c.subject_before(verb_index(c, "said"), 0)
    });
    assert_eq!(got, None);
    let got = with("The judge went on to say", |c| {
        c.verb_at(verb_index(c, "say"))
    });
    assert_eq!(got, Some(Verb::Dependent));
}

#[test]
fn inverted_and_leading_subjects() {
    let got = with("said Joe Biden on Tuesday", |c| text(c, c.subject_after(0)));
    assert_eq!(got, "Joe Biden");
    let got = with("said of Ash", |c| c.subject_after(0));
    assert_eq!(got, None);
    let got = with("said conservative activist Bob Klaus, who", |c| {
        text(c, c.subject_leading(0))
    });
    assert_eq!(got, "conservative activist Bob Klaus");
    let got = with("said in a statement", |c| c.subject_leading(0));
    assert_eq!(got, None);
    let got = with("Roe, after a long pause, said of Ash", |c| {
        text(c, c.subject_leading(verb_index(c, "said")))
    });
    assert_eq!(got, "Roe");
    let got = with("but to lead anyway, says Evan Marsh, a consultant", |c| {
        text(c, c.subject_leading(verb_index(c, "says")))
    });
    assert_eq!(got, "Evan Marsh");
    let got = with("The judge pointed to a case to", |c| c.subject_leading(6));
    assert_eq!(got, None);
    let got = with("as Mara Quill said on her radio show", |c| {
        text(c, c.subject_leading(verb_index(c, "said")))
    });
    assert_eq!(got, "Mara Quill");
    let got = with("as if it said", |c| {
        c.subject_leading(verb_index(c, "said"))
    });
    assert_eq!(got, None);
    let got = with("as costs for states rose", |c| c.subject_leading(3));
    assert_eq!(got, None);
}

#[test]
fn put_it_credits_its_subject() {
    let got = with("But as the prosecutor Ivo Brandt put it,", |c| {
        let v = verb_index(c, "put");
        (c.verb_at(v), text(c, c.subject_before(v, 0)))
    });
    assert_eq!(
        got,
        (Some(Verb::Finite), "the prosecutor Ivo Brandt".into())
    );
    let got = with("She put the files away", |c| c.verb_at(1));
    assert_eq!(got, None);
}

#[test]
fn bare_forms_after_a_singular_noun_are_nouns() {
    let got = with("Quill Baxter called the tax plan a gift", |c| {
        c.verb_at(verb_index(c, "plan"))
    });
    assert_eq!(got, None);
    let got = with("Lena Ortiz sent out a fundraising call to", |c| {
        c.verb_at(verb_index(c, "call"))
    });
    assert_eq!(got, None);
    // After a plural subject or a name the bare form is a verb.
    let got = with("the local officials plan a vote", |c| {
        c.verb_at(verb_index(c, "plan"))
    });
    assert_eq!(got, Some(Verb::Report));
    let got = with("Nearly a third say the town", |c| {
        c.verb_at(verb_index(c, "say"))
    });
    assert_eq!(got, Some(Verb::Finite));
}

#[test]
fn a_word_after_a_preposition_is_no_verb() {
    let got = with("strong teams in states that vote in March", |c| {
        c.verb_at(verb_index(c, "states"))
    });
    assert_eq!(got, None);
    let got = with("the report states that the vote was fair", |c| {
        c.verb_at(verb_index(c, "states"))
    });
    assert_eq!(got, Some(Verb::Finite));
}

#[test]
fn a_reported_clause_is_credited_to_the_outer_speaker() {
    let got = with("Senator Ned Farrow said voters wanted to know if", |c| {
        text(c, c.speaker_before(verb_index(c, "wanted"), 0))
    });
    assert_eq!(got, "Senator Ned Farrow");
    let got = with("Farrow said that the mayor believes", |c| {
        text(c, c.speaker_before(verb_index(c, "believes"), 0))
    });
    assert_eq!(got, "Farrow");
    // With no outer verb the clause's own subject speaks.
    let got = with("Local voters wanted to know if", |c| {
        text(c, c.speaker_before(verb_index(c, "wanted"), 0))
    });
    assert_eq!(got, "Local voters");
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let got = with("Ned Farrow took the stage and then joked,", |c| {
        text(c, c.shared_subject(verb_index(c, "joked")))
    });
    assert_eq!(got, "Ned Farrow");
    let got = with(
        "In a long interview, Farrow said he would go and added,",
        |c| text(c, c.shared_subject(verb_index(c, "added"))),
    );
    assert_eq!(got, "Farrow");
    let got = with("Ned Farrow joked,", |c| {
        c.shared_subject(verb_index(c, "joked"))
    });
    assert_eq!(got, None);
}

#[test]
fn described_subjects_end_at_the_predicate() {
    let got = with("The Harlow campaign ad targets a", |c| {
        text(c, c.described_subject())
    });
    assert_eq!(got, "The Harlow campaign ad");
    let got = with("The council voted for it", |c| {
        text(c, c.described_subject())
    });
    assert_eq!(got, "The council");
    let got = with("The protesters chanted", |c| text(c, c.described_subject()));
    assert_eq!(got, "The protesters");
    // An irregular past ends the description too.
    let got = with("The email went on to say", |c| {
        text(c, c.described_subject())
    });
    assert_eq!(got, "The email");
    let got = with("The Dover Courier then called the plan a", |c| {
        text(c, c.described_subject())
    });
    assert_eq!(got, "The Dover Courier");
    // No predicate where one is expected: a longer phrase, not a subject.
    let got = with("The new city hall in Dover is", |c| c.described_subject());
    assert_eq!(got, None);
    // After an opening word or phrase, the description may start lowercase.
    let got = with("Then the council voted", |c| text(c, c.described_subject()));
    assert_eq!(got, "the council");
}

#[test]
fn a_name_after_a_description_of_the_quotation_is_the_speaker() {
    let got = with("the start of a long fight, Dana Roe says", |c| {
        text(c, c.subject_leading(verb_index(c, "says")))
    });
    assert_eq!(got, "Dana Roe");
    // A description of the speaker stays the speaker as written.
    let got = with("a close friend, Dana Roe, told reporters", |c| {
        text(c, c.subject_leading(verb_index(c, "told")))
    });
    assert_eq!(got, "a close friend");
    // A party label in brackets is no name.
    let got = with("state Sen. Tom Ash (R) said", |c| {
        text(c, c.subject_leading(verb_index(c, "said")))
    });
    assert_ne!(got, "R");
}

#[test]
fn a_name_in_apposition_is_the_sentence_subject() {
    for (s, want) in [
        (
            "One delegate, Dana Roe of Dover, pledged her vote",
            "Dana Roe",
        ),
        ("Ash’s pollster, Tom Ng, says the race is close", "Tom Ng"),
        ("Another voter, Jane Lee, said she was tired", "Jane Lee"),
    ] {
        assert_eq!(with(s, |c| text(c, c.main_subject(0))), want, "{s}");
    }
    // A description followed by a place, or a name with no description before it.
    let got = with("The mayor, in Dover, spoke first", |c| {
        text(c, c.main_subject(0))
    });
    assert_ne!(got, "Dover");
    let got = with("Dana Roe, Tom Ng, and Jane Lee left early", |c| {
        text(c, c.main_subject(0))
    });
    assert_ne!(got, "Tom Ng");
}

#[test]
fn relative_clauses_refer_to_the_name_before_who() {
    for (s, want) in [
        (
            "Roe won an endorsement, from Dana Ash, who declared",
            "Dana Ash",
        ),
        ("Dana Ash, who declared", "Dana Ash"),
        (
            "Roe rejected remarks made by a campaign aide who said",
            "a campaign aide",
        ),
        (
            "Dan Ames, a pollster who is working with Fenwick Partners, a lobby group, said",
            "Dan Ames",
        ),
    ] {
        let got = with(s, |c| {
            let v = (0..c.toks.len())
                .rev()
                .find(|&i| c.verb_at(i) == Some(Verb::Finite))
                .unwrap();
            text(c, c.subject_before(v, 0))
        });
        assert_eq!(got, want, "{s}");
    }
    // Not in a relative clause, the agent of a participle is not the subject.
    let got = with("The plan drafted by the aides said", |c| {
        text(c, c.subject_before(verb_index(c, "said"), 0))
    });
    assert_ne!(got, "the aides");
}

#[test]
fn an_inserted_prepositional_phrase_gives_way_to_the_name() {
    let got = with(
        "Jane Roe, during a town hall in Dover, Delaware, said",
        |c| text(c, c.subject_before(verb_index(c, "said"), 0)),
    );
    assert_eq!(got, "Jane Roe");
    // A phrase opening the sentence is no insert.
    let got = with("During a town hall in Dover, Jane Roe said", |c| {
        text(c, c.subject_before(verb_index(c, "said"), 0))
    });
    assert_eq!(got, "Jane Roe");
}

#[test]
fn a_speech_word_after_a_preposition_is_a_noun() {
    with("Vale cheered on supporters with notes like this one", |c| {
        assert_eq!(c.verb_at(verb_index(c, "notes")), None);
    });
    with("The board was flooded with claims about the pier", |c| {
        assert_eq!(c.verb_at(verb_index(c, "claims")), None);
    });
    with("Officials with the agency said the pier is safe", |c| {
        assert_eq!(c.verb_at(verb_index(c, "said")), Some(Verb::Finite));
    });
}

#[test]
fn asking_not_to_be_named_is_no_speech() {
    with(
        "a clerk who declined to be named for fear of losing work",
        |c| {
            assert_eq!(c.verb_at(verb_index(c, "declined")), None);
        },
    );
    with("an aide who asked not to be identified", |c| {
        assert_eq!(c.verb_at(verb_index(c, "asked")), None);
    });
    with("the clerk declined to comment", |c| {
        assert!(c.verb_at(verb_index(c, "declined")).is_some());
    });
}

#[test]
fn a_bare_verb_after_an_acronym_is_a_noun() {
    with(
        "a contestant on the mayor’s reality TV show, “The Harbor,” said",
        |c| {
            assert_eq!(c.verb_at(verb_index(c, "show")), None);
        },
    );
    with("Records from Harbor PAC show that the fund grew", |c| {
        assert!(c.verb_at(verb_index(c, "show")).is_some());
    });
    with("Many Democrats say the plan works", |c| {
        assert_eq!(c.verb_at(verb_index(c, "say")), Some(Verb::Finite));
    });
}

#[test]
fn a_thing_called_by_a_name_is_no_speech() {
    with(
        "She shared a list for a history class called “Power” online",
        |c| {
            assert_eq!(c.verb_at(verb_index(c, "called")), None);
        },
    );
    with("The mayor called “the plan” a fraud", |c| {
        assert_eq!(c.verb_at(verb_index(c, "called")), Some(Verb::Finite));
    });
    with("Critics called “the plan” a fraud", |c| {
        assert_eq!(c.verb_at(verb_index(c, "called")), Some(Verb::Finite));
    });
}

#[test]
fn a_speech_noun_after_a_participle_is_its_object() {
    with("Roe is disavowing remarks made by an aide", |c| {
        assert_eq!(c.verb_at(verb_index(c, "remarks")), None);
    });
    with("there was no telephone call planned", |c| {
        assert_eq!(c.verb_at(verb_index(c, "call")), None);
    });
    // After a determiner the "-ing" word is a noun and the verb stays one.
    with("The ruling says the law stands", |c| {
        assert_eq!(c.verb_at(verb_index(c, "says")), Some(Verb::Finite));
    });
}

#[test]
fn a_subject_after_one_name_stops_at_the_predicate() {
    for (s, want) in [
        ("Roe took the stage at noon and called it", "Roe"),
        ("Band member Tom Ash wrote that", "Band member Tom Ash"),
        (
            "Republican presidential candidate Dana Ruiz wrote",
            "Republican presidential candidate Dana Ruiz",
        ),
    ] {
        let got = with(s, |c| text(c, c.main_subject(0)));
        assert_eq!(got, want, "{s}");
    }
}

#[test]
fn a_possessive_subject_takes_its_noun() {
    let got = with("Roe’s letter makes a plain case", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "Roe’s letter");
    // A possessive before a function word is no subject at all.
    let got = with("Roe’s first five critics spoke", |c| {
        text(c, c.main_subject(0))
    });
    assert_eq!(got, "");
}
