//! What a source said: the words kept as an attribution's content.

use super::tests::sources;

#[test]
fn where_and_how_a_quotation_was_said_is_not_what_was_said() {
    // (The quotation is credited to the paper that relays it; Reyes's "said" stays.)
    let got = sources(
        "“We will win this fight for the port,” Dana Reyes said in an interview on the island last week, according to the Courier.",
    );
    let said = got.iter().find(|s| s.1.as_deref() == Some("said")).unwrap();
    assert_eq!(said.0, "Dana Reyes");
    assert_eq!(said.2, None);
    // So after a question that ends its sentence.
    let got = sources(
        "“Will the council keep its word this time, or is it all for the cameras?” Dana Reyes said at a rally, according to the Courier.",
    );
    let said = got.iter().find(|s| s.1.as_deref() == Some("said")).unwrap();
    assert_eq!(said.2, None);
    // A phrase of how before "that", naming who asked, is not the statement either.
    let got =
        sources("Dana Reyes said in an interview with the island paper that the port would close.");
    assert_eq!(got[0].2.as_deref(), Some("the port would close"));
}

#[test]
fn a_source_after_its_verb_said_the_clause_before_it() {
    let got = sources(
        "The ferry plan failed in the council, reports the Courier. The vote was close, said Dana Reyes, a councillor.",
    );
    assert_eq!(got[0].0, "the Courier");
    assert_eq!(
        got[0].2.as_deref(),
        Some("The ferry plan failed in the council")
    );
    assert_eq!(got[1].0, "Dana Reyes");
    assert_eq!(got[1].2.as_deref(), Some("The vote was close"));
}

#[test]
fn a_day_after_the_verb_says_when_not_what() {
    let got = sources(
        "Officials met. Tom Ash said last week the vote would fail. Mara Quell said Monday \
         night she would run. Helen Ash said Tuesday was the deadline.",
    );
    let contents: Vec<&str> = got.iter().filter_map(|a| a.2.as_deref()).collect();
    // A day that is the subject of what was said stays.
    assert_eq!(
        contents,
        [
            "the vote would fail",
            "she would run",
            "Tuesday was the deadline"
        ]
    );
}

#[test]
fn a_clause_before_the_verb_is_no_source() {
    let got = sources(
        "Tom Ash recently moved here from Dover to lead a group charged with cleaning up the \
         harbor.\n\nLina Moss aired her concerns during a Saturday night call with lawmakers \
         who had been stung by the leak, according to a source on the call.\n\nThe office \
         said the former mayor couldn’t recall the exact conversation outlined in the book.",
    );
    let clauses: Vec<&String> = got
        .iter()
        .map(|s| &s.0)
        .filter(|s| s.split_whitespace().count() > 4 && !s.starts_with("a source"))
        .collect();
    assert!(clauses.is_empty(), "{got:?}");
    assert!(got.iter().any(|s| s.0 == "a source on the call"), "{got:?}");
    // A participle closing a description is no verb: "Voters surveyed said …".
    let got = sources("Voters surveyed said the pier should reopen.");
    assert_eq!(got[0].0, "Voters surveyed");
}

#[test]
fn a_verb_and_its_possessive_object_are_no_source() {
    let got = sources(
        "Shares in the ferry line fell after the operator cut its yearly profit forecast,          blaming a stormy winter.",
    );
    assert!(got.is_empty(), "{got:?}");
    // A possessive inside a description: after a conjunction, a quantifier, an adverb.
    for (text, source) in [
        (
            "Mara Quell and her aides said the pier would reopen.",
            "Mara Quell and her aides",
        ),
        (
            "Tom Ash and even his rivals said the plan was sound.",
            "Tom Ash and even his rivals",
        ),
        (
            "Both their lawyers said the case was over.",
            "Both their lawyers",
        ),
        (
            "A source within her campaign said the plan was dead.",
            "A source within her campaign",
        ),
        (
            "“We will appeal the ruling in the higher court,” said a lawyer representing her.",
            "a lawyer representing her",
        ),
        (
            "Two people inside his office said the memo was real.",
            "Two people inside his office",
        ),
    ] {
        let got = sources(text);
        assert_eq!(got.first().map(|s| s.0.as_str()), Some(source), "{text}");
    }
}

#[test]
fn an_acronym_spelt_like_a_small_word_is_a_name() {
    for (text, source) in [
        (
            "A WHO spokesperson said the data were strong.",
            "A WHO spokesperson",
        ),
        (
            "The IT department declined to say when the system would return.",
            "The IT department",
        ),
    ] {
        let got = sources(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, source, "{got:?}");
    }
}

#[test]
fn a_post_and_a_noun_after_a_preposition_say_nothing() {
    // "policy" owned by the Union names a post, and only Varga says something.
    let got = sources("The Union's foreign policy chief, Ilse Varga, said the talks would resume.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("said"), "{got:?}");
    // "plans" after "over" is the object of a preposition, no verb with a subject.
    let got =
        sources("Mayor Dana Reyes faces a revolt by councillors over plans to sell the port.");
    assert_eq!(got, [], "{got:?}");
    // "says" is never a preposition's object.
    let got = sources("A voice over says the port will close.");
    assert_eq!(got.len(), 1, "{got:?}");
    // Someone's plan, with no post after it, is still theirs.
    let got = sources("Reyes's plan to sell the port drew a crowd.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_document_described_by_a_participle_says_what_its_verb_says() {
    // "released" and "published" describe the report; "found" is what it says.
    for text in [
        "A report released Tuesday found that costs rose.",
        "A study published last month in the Oakton Journal found that costs rose.",
    ] {
        let got = sources(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("found"), "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("costs rose"), "{got:?}");
    }
    // Its author after "by" ends at that verb.
    let got = sources("A report released by the auditor found that costs rose.");
    assert!(got.iter().any(|s| s.0 == "the auditor"), "{got:?}");
    // A later verb past "that" or a comma is the content's: the document's own verb
    // stays.
    let got = sources(
        "The report warned on Tuesday that the bridge could fail, and critics say repairs \
         are overdue.",
    );
    assert!(
        got.iter()
            .any(|s| s.0 == "The report" && s.1.as_deref() == Some("warned")),
        "{got:?}"
    );
    // A person's verb before a day stays a verb.
    let got = sources("The mayor criticized on Tuesday the plan for the port.");
    assert_eq!(got[0].0, "The mayor", "{got:?}");
}

#[test]
fn a_title_may_open_the_name_set_beside_a_description() {
    let got = crate::extract::tests::facts(
        "The group's leader, Gen. Tom Ash, said the war was over. Its treasurer, Dr. Mara \
         Quell, said funds were short.",
    )
    .attributions;
    let entities: Vec<_> = got.iter().map(|a| a.entity.as_deref()).collect();
    assert_eq!(entities, [Some("Tom Ash"), Some("Mara Quell")], "{got:?}");
}
