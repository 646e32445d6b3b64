//! Nouns and verbs of reported speech told apart: plurals spelled as reporting verbs
//! ("swing states", "percentage points", "his prepared remarks") credit no one, the same
//! words as verbs still do, and a possessor owns the remark it names.

use super::tests::sources;

fn cues(markdown: &str) -> Vec<(String, String)> {
    sources(markdown)
        .into_iter()
        .map(|(source, cue, _)| (source, cue.unwrap_or_default()))
        .collect()
}

#[test]
fn plurals_after_a_modifier_are_no_cues() {
    let got =
        cues("Reyes won three battleground states and two southern states in March, Ash said.");
    assert_eq!(got, [("Ash".to_string(), "said".to_string())]);
    let got = cues("The almanac, which examines bellwether states and towns, is sold out.");
    assert!(got.is_empty(), "{got:?}");
    let got = cues("Reyes leads Ash by four percentage points among older voters.");
    assert!(got.is_empty(), "{got:?}");
    let got = cues("His prepared remarks were short. The derogatory comments came later.");
    assert!(got.is_empty(), "{got:?}");
    let got = cues("The campaign made numerous telephone calls with donors in May.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_same_words_as_verbs_still_credit_their_subject() {
    let cases = [
        ("The report states that the bridge is unsafe.", "The report"),
        (
            "The paper notes the city inspects few of its bridges.",
            "The paper",
        ),
        ("Reyes notes she was the first to ask.", "Reyes"),
        ("Ash points out that the vote was close.", "Ash"),
        ("The former mayor calls it her duty.", "The former mayor"),
        (
            "Dana Reyes, a columnist at the Courier, calls the plan “a costly mistake.”",
            "Dana Reyes",
        ),
        (
            "Medical leave, the handbook states, is given “after a year of service.”",
            "the handbook",
        ),
        (
            "The movement grew quickly, as the institute’s website notes:",
            "the institute’s website",
        ),
    ];
    for (text, source) in cases {
        let got = cues(text);
        assert_eq!(
            got.first().map(|s| s.0.as_str()),
            Some(source),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_measure_before_a_bare_form_makes_it_a_noun() {
    // "10-year plan": the plan of the measure, not a "10-year" that plans.
    let got = cues("The council’s $50 million, 10-year plan includes: a new bridge and a ferry.");
    assert!(got.iter().all(|s| s.0 != "10-year"), "{got:?}");
}

#[test]
fn a_verb_spelled_as_no_noun_follows_a_phrase_after_its_plural_subject() {
    let got = cues("People familiar with the plan say it will fail.");
    assert_eq!(
        got,
        [(
            "People familiar with the plan".to_string(),
            "say".to_string()
        )]
    );
    // A bare form that is also a noun stays one after a singular noun.
    let got = cues("Critics of the tax plan call it a gift to the rich.");
    assert_eq!(
        got.first().map(|s| s.0.as_str()),
        Some("Critics of the tax plan")
    );
    let got = cues("Quill Baxter sent out a fundraising call to donors.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_possessor_owns_the_remark_after_words_it_quotes() {
    let got = cues("Dana Reyes’s “lazy voters” comment was nearly as harsh.");
    assert_eq!(got, [("Dana Reyes".to_string(), "comment".to_string())]);
    // A quotation after the possessive with no such noun credits nothing by possession.
    let got = cues("Dana Reyes’s “we will rebuild the port” echoed for days.");
    assert!(got.iter().all(|s| s.1 != "port"), "{got:?}");
}
