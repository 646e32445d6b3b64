//! Quotes and speakers on short texts.

use crate::extract::Quote;
use crate::extract::tests::facts;

pub(super) fn quotes(markdown: &str) -> Vec<(String, Option<String>, Option<String>)> {
    facts(markdown)
        .quotes
        .into_iter()
        .map(
            |Quote {
                 text,
                 speaker,
                 speaker_entity,
                 ..
             }| {
                (
                    text.into(),
                    speaker.map(String::from),
                    speaker_entity.map(String::from),
                )
            },
        )
        .collect()
}

pub(super) fn one(
    text: &str,
    speaker: Option<&str>,
    entity: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (
        text.to_string(),
        speaker.map(str::to_string),
        entity.map(str::to_string),
    )
}

#[test]
fn speaker_after_the_quote_as_a_description() {
    assert_eq!(
        quotes("“If you don’t put together a package, the war won’t stop,” one official remarked."),
        [one(
            "If you don’t put together a package, the war won’t stop",
            Some("one official"),
            None
        )]
    );
}

#[test]
fn a_person_inside_a_description_is_not_the_speaker() {
    let text = "Antony Blinken flew to Cairo. A senior official travelling with Blinken said: “The path is harder today but it is not closed.” An aide to Blinken said: “We keep working with our partners on it.”";
    let found = quotes(text);
    assert_eq!(
        found[0].1.as_deref(),
        Some("A senior official travelling with Blinken")
    );
    assert_eq!(found[0].2, None);
    assert_eq!(found[1].1.as_deref(), Some("An aide to Blinken"));
}

#[test]
fn speaker_after_the_verb_is_an_entity() {
    assert_eq!(
        quotes("“We will not give up on the talks,” said Joe Biden on Tuesday."),
        [one(
            "We will not give up on the talks",
            Some("Joe Biden"),
            Some("Joe Biden")
        )]
    );
}

#[test]
fn speaker_before_the_quote_and_surname_resolution() {
    let text = "President Joe Biden arrived. Biden said: “The deal is close and we want it.”";
    assert_eq!(
        quotes(text),
        [one(
            "The deal is close and we want it.",
            Some("Joe Biden"),
            Some("Joe Biden")
        )]
    );
}

#[test]
fn speaker_in_the_next_sentence_or_as_a_pronoun() {
    let text = "Mayor Ana Silva toured the site.\n\n“Nobody will be left behind here.” \
                Silva said this to residents.\n\n“The money is already there,” she added.";
    assert_eq!(
        quotes(text),
        [
            one(
                "Nobody will be left behind here.",
                Some("Ana Silva"),
                Some("Ana Silva")
            ),
            one("The money is already there", Some("she"), Some("Ana Silva")),
        ]
    );
}

#[test]
fn short_quotes_and_titles_are_not_statements() {
    assert!(
        quotes("He called it “wide open” and spoke on ABC’s “The View of the Day.”").is_empty()
    );
    assert!(quotes("The film “The Lord Of The Rings” was shown.").is_empty());
}

#[test]
fn marks_facing_the_wrong_way_still_pair() {
    let text = "“We heard every word of the plan,“ Tom Ash said. ”He wants to sell the \
                harbor to anyone.”";
    let got = quotes(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "We heard every word of the plan");
    assert_eq!(got[1].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn speakers_from_the_sentence_around() {
    let speaker = |text: &str| quotes(text).last().and_then(|q| q.2.clone());
    let text = "Roe and Ash will meet next week, Tom Ash said, adding, “They need to sit \
                down and talk.”";
    assert_eq!(speaker(text).as_deref(), Some("Tom Ash"));
    let text = "Jane Roe has since owned up to the late payment: “Yes, I should have paid \
                the invoice in May.”";
    assert_eq!(speaker(text).as_deref(), Some("Jane Roe"));
    let text = "Tom Ash resisted: “Mayors cannot close a state road on their own.”";
    assert_eq!(speaker(text).as_deref(), Some("Tom Ash"));
    let text = "Dana Reyes distanced herself from the group. “I am going to support the plan \
                with all my heart.”";
    assert_eq!(speaker(text).as_deref(), Some("Dana Reyes"));
    let text = "“We will win this race,” Tom Ash said.\n\n“We will win every county in \
                the state.”";
    assert_eq!(speaker(text).as_deref(), Some("Tom Ash"));
    // After a sentence someone reported, from the front or the back.
    let text = "The plan was simple, Dana Reyes said. “We will open the shelters before the \
                storm comes.”";
    assert_eq!(speaker(text).as_deref(), Some("Dana Reyes"));
    let text = "Or the port, analyst Tom Ash says. “Several surveys suggest a second look at \
                the harbor.”";
    assert_eq!(speaker(text).as_deref(), Some("Tom Ash"));
    let text = "Dana Reyes credited the win to “a closed primary with few voters in it.”";
    assert_eq!(speaker(text).as_deref(), Some("Dana Reyes"));
    let text = "“They are all here for the free stuff,” Tom Ash shot back.";
    assert_eq!(speaker(text).as_deref(), Some("Tom Ash"));
    // A paragraph with more than the quotation does not inherit.
    let text = "“We will win this race,” Tom Ash said.\n\nThe polls disagree: “this race \
                is far from won.”";
    assert_eq!(speaker(text), None);
}

#[test]
fn quotes_in_code_are_ignored() {
    assert!(quotes("`\"this is not a quote at all\"`").is_empty());
}

#[test]
fn inverted_speaker_before_the_quote() {
    let got = quotes("In short, explained the moderator Ana Ruiz: “Why does the fund need it?”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"));
    // A subject before the verb wins; the words after it are what was said.
    let got = quotes("Ana Ruiz said the plan was: “too little and far too late for us”");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"));
    let got = quotes("As Ana Ruiz put it, “the fund has run dry for good”.");
    assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"));
    let got = quotes("Ruiz did not name him but told her staff, “the fund has run dry”");
    assert_ne!(got[0].1.as_deref(), Some("her staff"));
}

#[test]
fn a_quoted_phrase_belongs_to_the_sentence_subject() {
    let got = quotes(
        "The veteran shipbuilder opened with a story about the docks, saying that the old cranes \
         were “louder than any storm I have heard.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("The veteran shipbuilder"));
    let got = quotes(
        "Lena Ortiz spoke in Dover on Monday.\n\nShe then adopted a fake accent and joked, \
         “But I am just going to make it easier for them.”",
    );
    assert_eq!(got[0].2.as_deref(), Some("Lena Ortiz"));
    // A subject that names no one is no speaker.
    let got = quotes("Nothing about the new plan is “good for the people of this town.”");
    assert_eq!(got[0].1, None);
}

#[test]
fn according_to_opening_the_sentence_credits_the_quote() {
    let got =
        quotes("According to the Dover Gazette, “the council never voted on the new bridge.”");
    assert_eq!(got[0].1.as_deref(), Some("Dover Gazette"));
    let got = quotes("According to Tom Ash of the water board, “the reservoir is half empty now.”");
    assert_eq!(got[0].2.as_deref(), Some("Tom Ash"));
    // Not the idiom: "According" is no reporting verb without "to".
    let got = quotes("According as the weather turns, “we will open the new bridge early.”");
    assert_eq!(got[0].1, None);
}

#[test]
fn a_verb_of_opinion_closing_the_next_sentence_credits_the_quote() {
    let got = quotes("“Why would anyone build a bridge to nowhere?” Ash questioned.");
    assert_eq!(got[0].1.as_deref(), Some("Ash"));
    let got = quotes("“The minutes of the meeting are attached,” the letter read.");
    assert_eq!(got[0].1.as_deref(), Some("the letter"));
    let got = quotes("“The minutes of the meeting are attached,” read the letter from Dover.");
    assert_eq!(got[0].1.as_deref(), Some("the letter"));
    // "read" with an object is reading, not what a text says.
    let got = quotes("“The minutes of the meeting are attached.” The clerk read the letter twice.");
    assert_eq!(got[0].1, None);
    // With an object it is a new statement, not the quote's attribution.
    let got = quotes("“Why would anyone build a bridge to nowhere?” Ash denied the claim.");
    assert_eq!(got[0].1, None);
}

#[test]
fn a_speaker_set_off_at_the_end_of_the_sentence() {
    let got = quotes("“We never saw the new budget” until Friday morning, Tom Ash said on Monday.");
    assert_eq!(got[0].2.as_deref(), Some("Tom Ash"));
    let got = quotes("“The bridge will be finished” by the end of the year, the mayor wrote.");
    assert_eq!(got[0].1.as_deref(), Some("the mayor"));
    // No comma before the verb's subject: not an attribution set off at the end.
    let got =
        quotes("“The bridge will be finished” by the end of the year in Dover and Roe said so.");
    assert_eq!(got[0].1, None);
    // Inside the sentence too, where the subject before the phrase only wants something.
    let got = quotes(
        "The union wants to stop rules that have a “harsh and lasting impact” on workers, the \
         lawsuit says.",
    );
    assert_eq!(got[0].1.as_deref(), Some("the lawsuit"));
    // A verb of speech before the phrase reports it, whoever reports that in turn.
    let got = quotes(
        "Dana Reyes said the plan would bring “hundreds of new jobs” to the port, the report \
         says.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_quoted_phrase_belongs_to_a_described_subject() {
    let got =
        quotes("The Harlow campaign ad accuses Roe of “selling the town to the highest bidder.”");
    assert_eq!(got[0].1.as_deref(), Some("The Harlow campaign ad"));
    let got = quotes(
        "The water board released a statement saying the plan was “a threat to every farm in the valley.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("The water board"));
    // A sentence about a place has no speaker.
    let got = quotes("The old mill on the river is “the last of its kind in the county.”");
    assert_eq!(got[0].1, None);
}

#[test]
fn a_quotation_inside_a_quotation_stays_inside() {
    let got =
        quotes("Tom Ash said: “The plan for the “new town” bridge is dead and we all know it.”");
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].0,
        "The plan for the “new town” bridge is dead and we all know it."
    );
    assert_eq!(got[0].1.as_deref(), Some("Tom Ash"));
    // A stray opening mark with no closing pair is not a nested quotation.
    let got =
        quotes("Tom Ash said: “The plan for the “new town bridge is dead and we all know it.”");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_name_before_a_colon_speaks_after_a_dash() {
    let got = quotes("Analysts agree - Dana Roe: “The vote will be close in every county.”");
    assert_eq!(got[0].1.as_deref(), Some("Dana Roe"));
    // Without a name before the colon the verb's subject speaks.
    let got = quotes("Analysts agree on one thing: “The vote will be close in every county.”");
    assert_eq!(got[0].1.as_deref(), Some("Analysts"));
}

#[test]
fn a_clause_run_on_after_the_quotation_is_no_speaker() {
    let got = quotes(
        "Roe called the plan “a bridge to nowhere for the whole county” is likely to be \
         repeated, critics said.",
    );
    assert_ne!(got[0].1.as_deref(), Some("is likely to be"));
    // A description of a person stays the speaker.
    let got = quotes("“We will build the new bridge this year,” one senior official said.");
    assert_eq!(got[0].1.as_deref(), Some("one senior official"));
}

#[test]
fn a_clause_after_the_quote_is_no_speaker() {
    // "states" is a noun here, and "Jane Roe had a good night" a clause, not a speaker.
    let got = quotes(
        "For a mayor who admitted she was “not a natural campaigner at all,” Jane Roe had a \
         strong week in May, taking the river wards of the north.",
    );
    assert_eq!(got[0].1.as_deref(), Some("a mayor"));
    // A speaker phrase that is a name stays one.
    let got = quotes("“We will build the bridge this year,” Jane Roe, the mayor, said.");
    assert_eq!(got[0].2.as_deref(), Some("Jane Roe"));
}

#[test]
fn a_verb_after_when_does_not_introduce_the_quotation() {
    let got = quotes(
        "The case rests with Judge Dana Ruiz, who told the panel when asked about it: “That \
         matter is in the hands of the prosecutors.”",
    );
    assert_eq!(got[0].2.as_deref(), Some("Dana Ruiz"));
}

#[test]
fn a_capitalised_remark_still_names_the_next_speaker() {
    let speakers = |text: &str| -> Vec<Option<String>> {
        facts(text)
            .quotes
            .into_iter()
            .map(|q| q.speaker.map(String::from))
            .collect()
    };
    // "Like Dover. Or Ely" reads as a title and is no quote, but Roe says it.
    let text = "Tom Ash spoke first.\n\n“Like Dover. Or Ely,” Jane Roe said. “The roads there \
                are worse than ours.”";
    assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
    // A title with no speaker leaves the quotation after it unattributed.
    let text = "Tom Ash spoke first.\n\n“Like Dover. Or Ely” is a film. “The roads there \
                are worse than ours.”";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn a_person_placed_at_a_paper_speaks_not_the_paper() {
    let found = quotes(
        "Dana Reyes of The Ledger wrote, “The ferry timetable has to be printed again before the spring.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn the_clause_ending_at_the_colon_introduces_the_quotation() {
    let found = quotes(
        "When Tom Ash suggested that the city would sue the state, Mara Quill fired back: “Let them bring their barges; the harbour belongs to the town.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill"));
    // A colon after a verb with no subject of its own still reads back to the speaker.
    let found = quotes("Mara Quill said on Tuesday, in a statement: “We will not sign this deal.”");
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill"));
}

#[test]
fn a_quotation_a_verb_reports_is_not_the_next_clause_speaker() {
    let found = quotes(
        "Even as Tom Ash claimed on Tuesday that “the harbour board broke the same rule twice,” one of the city’s lawyers said the two matters differ.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
    // Without a reporting verb before it, the attribution after it stands.
    let found = quotes(
        "The plan was “the best deal the city could get,” one of the city’s lawyers said on Monday.",
    );
    assert_eq!(found[0].1.as_deref(), Some("one of the city’s lawyers"));
}

#[test]
fn a_second_quotation_in_a_sentence_keeps_its_speaker() {
    let found = quotes(
        "Mara Quill said Monday that she will “seek a fair deal with the ferry union” and insisted that her council was “the only body fit to run the harbour.” – Tom Hale",
    );
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].1.as_deref(), Some("Mara Quill"));
}

#[test]
fn a_described_person_after_the_quotation_speaks() {
    let found = quotes(
        "“The ferries will sail on Sunday,” an angry Mara Quill retaliated. “Nobody asked the crews, and nobody asked the riders.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill"));
    assert_eq!(found[1].1.as_deref(), Some("Mara Quill"));
    // More than a word of description is a clause of its own, not a speaker.
    let found = quotes(
        "“The ferries will sail on Sunday,” the old friend of Mara Quill retaliated. The council agreed.",
    );
    assert_eq!(found[0].1, None);
}

#[test]
fn a_quotation_run_on_into_a_predicate_takes_the_speaker_after_the_comma() {
    let found = quotes(
        "\"More ferries on weekends\" would be welcome, harbour candidate Dana Reyes said after the vote.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_short_quoted_name_inside_the_attribution_does_not_cut_it() {
    let found = quotes(
        "“The fair was busier the year the bridge was shut,” stallholder Tom Hale, wearing an apron and “Vote Ash” badges, said as the stalls closed.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Hale"));
}

#[test]
fn an_inverted_verb_after_a_comma_takes_the_name_after_it() {
    let found = quotes(
        "Since the timetable was cut in two, explained Tom Vane, “with one boat a day the island empties by noon.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Vane"));
}

#[test]
fn a_persons_reply_is_the_persons() {
    let found = quotes("Mara Quill’s response was: “Which pier does the late boat leave from?”");
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill"));
    // Someone who works for a person is not that person.
    let found = quotes("Mara Quill’s spokesman said: “We have nothing more to add today.”");
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill’s spokesman"));
}

#[test]
fn two_offices_joined_by_and_stay_one_description() {
    let found = quotes(
        "“The pier needs a new roof first,” said former Ohio Gov. and Harbour Board Chairman Ivo Brand.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Ivo Brand"));
    let found = quotes(
        "Dana Ames, president and CEO of the Oakton Diner Association stated, “The pier is not a question of taste; it is a question of tides.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Ames"));
}

#[test]
fn a_time_and_a_channel_before_a_colon_are_no_speaker() {
    let found = quotes(
        "Tom Ash spoke twice. Then, a week after on the radio: “I never promised a second ferry to the island.”",
    );
    assert_ne!(
        found[0].1.as_deref(),
        Some("Then, a week after on the radio")
    );
}

#[test]
fn a_comparison_opening_the_sentence_is_not_its_subject() {
    let found = quotes(
        "Like Ivo Brand, Mara Quill also doubted the figures, arguing that there is “room for a cheaper crossing” in the budget.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mara Quill"));
}

#[test]
fn a_participle_after_a_plain_verb_takes_the_sentence_subject() {
    let found = quotes(
        "One operative inside the campaign tried to downplay the comments, saying they were “only harbour gossip and nothing more.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("One operative"));
    let found = quotes(
        "And then Tom Ash went on the offensive, saying, \"Will the board ever publish the ferry accounts?\"",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_statement_introduces_its_words_like_a_colon() {
    let found = quotes(
        "Immediately after the storm, Tom Ash issued a statement, “This morning the ferry service ended, and the island will remember it.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
    // A name ending in -ly opening the sentence is its subject, not an adverb.
    let found = quotes(
        "Kimberly Sandoz threw her support behind Tom Ash on Wednesday, saying the harbour needs “a real sailor in the harbour office.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Kimberly Sandoz"));
}

#[test]
fn a_quotation_paragraph_after_a_reporting_clause_is_its_speakers() {
    let text = "Speaking in Dover, the harbour spokesman Ivo Brand repeated that the board opposed the toll.\n\nCritics could count the boats themselves instead of guessing “about right”, he told reporters.\n\n“The toll pays for the lifeboat and nothing else.”";
    let found = quotes(text);
    assert_eq!(found.last().unwrap().1.as_deref(), Some("he"));
    assert_eq!(found.last().unwrap().2.as_deref(), Some("Ivo Brand"));
}

#[test]
fn a_towns_state_belongs_to_the_opening_phrase() {
    let found = quotes(
        "At a fair in Dover, Del., the retired teacher closed her talk by quoting a sailor: \"A calm sea never made a skilled hand, they say.\"",
    );
    assert_ne!(found[0].1.as_deref(), Some("Del."));
    assert_ne!(found[0].1.as_deref(), Some("Del"));
}

#[test]
fn a_plural_possessive_closing_a_subject_is_read_safely() {
    // The subject's name runs past the phrase trimmed of its apostrophe.
    let text = "At least 15 people were affected, according to two diplomats. Oakton Harbor Workers’ tally has heavily defended the plan, a move that curbs the proposal.\n\n“We will keep the harbor open all winter long.”";
    let found = quotes(text);
    assert_eq!(found.len(), 1);
}

#[test]
fn a_statement_of_its_own_after_the_quotation_is_no_tag() {
    let got = quotes(
        "“It is a sad day,” Reyes told reporters outside a cafe in Dover. “This is what \
         insults bring. Nobody should be surprised.” Dana Ash said she would have fired \
         the manager.",
    );
    assert_eq!(got[1].1.as_deref(), Some("Reyes"), "{got:?}");
    // A tag with a date or an object still credits the quotation.
    let got = quotes("“Nobody should be surprised.” Dana Ash said Tuesday.");
    assert_eq!(got[0].1.as_deref(), Some("Dana Ash"), "{got:?}");
}

#[test]
fn going_on_after_a_quotation_is_speaking() {
    let got =
        quotes("“Is that all we get from the board?” Reyes went on, as if nobody had answered.");
    assert_eq!(got[0].1.as_deref(), Some("Reyes"), "{got:?}");
    // Time going on names no speaker.
    let got = quotes("As the day went on, the crowd grew. “We want a vote on the pier now.”");
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn exhorting_and_remembering_introduce_a_quotation() {
    let got = quotes(
        "“It is time we had a mayor who listens,” exhorted her introducer, actress Jo \
         Lin. “Nobody told us the pier would close,” remembered Tom Ash.",
    );
    assert_eq!(got[0].1.as_deref(), Some("her introducer"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Tom Ash"), "{got:?}");
}

#[test]
fn an_article_quoting_with_single_marks_has_its_quotations_and_speakers() {
    let text = "Mayor Dana Reyes opened the new ferry pier on Friday.\n\n\
                ‘The harbour’s workers have waited a decade for this,’ Ms Reyes said. \
                ‘They called the old pier “a death trap”, and they were right.’\n\n\
                The dockers’ leader, Tom Ash, told the Gazette: ‘It is a good day for the town.’";
    assert_eq!(
        quotes(text),
        [
            one(
                "The harbour’s workers have waited a decade for this",
                Some("Dana Reyes"),
                Some("Dana Reyes")
            ),
            one(
                "They called the old pier “a death trap”, and they were right.",
                Some("Dana Reyes"),
                Some("Dana Reyes")
            ),
            one(
                "It is a good day for the town.",
                Some("The dockers’ leader, Tom Ash"),
                Some("Tom Ash")
            ),
        ]
    );
}
