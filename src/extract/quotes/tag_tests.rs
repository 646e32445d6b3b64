//! Speakers found in the tag around a quotation and in the sentence that holds it: passive
//! agents, colons, dashes, participles, titles, a description with the name beside it, a
//! role before the name, a source closing the sentence, and the next quotation's speaker.

use super::tests::{one, quotes};

#[test]
fn the_agent_of_a_passive_verb_speaks() {
    let found = quotes(
        "Tom Ash was asked by host Dana Reyes, who backs him, “Now, you said you were tired of this?”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // A relative clause on the agent, whatever its verbs, does not take the words over.
    let found = quotes(
        "Tom Ash was asked by host Dana Reyes, who is backing Ash, but has long doubted the ferry story, “Now, are you still tired of hearing about the ferry?”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // A clause with a subject of its own after the relative one introduces the words.
    let found = quotes(
        "When asked by a host if the new ferry, which was seen as a failure, would run, Tom Ash said, “I have not heard that particular worry” from the crew.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
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
        "Turnout was high, not record-breaking - Dana Reyes and Tom Ash: “The lines moved faster than in past years.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes and Tom Ash"));
    let found =
        quotes("Blame the weather - Floodwatch: “Forecasters warned of the storm for a week.”");
    assert_eq!(found[0].1.as_deref(), Some("Floodwatch"));
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
        "When council member Tom Ash questioned the budget at the hearing, Dana Reyes shot back, “The numbers were published in March.”",
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
        "At the county fair in Dover, Delaware, on Sunday, a crowd booed the speaker, with Tom Ash reportedly yelling: “Let her finish her speech!”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
    let found = quotes(
        "Her office mailed a letter to every voter stating, “The count will take two more days.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Her office"));
    // A past tense not ending in "-ed" is a predicate too.
    let found = quotes(
        "Her campaign sent a note to volunteers stating, “The count will take two more days.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Her campaign"));
}

#[test]
fn a_speakers_town_and_state() {
    let found = quotes(
        "Dana Reyes of Dover, Delaware says the ferry should run “every hour, not every two.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_day_inside_an_inverted_speaker() {
    let found = quotes(
        "“The bridge plan deserves a second look,” reads a Wednesday editorial in The Dover Ledger.",
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
        "Ana Ruiz, a chef on the network’s show, “The Harbor,” who later ran his kitchen, recalled the owner was “patient with every new cook.”",
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
        "The late swing in the suburbs delighted county organiser Dana Reyes: “We knocked on every door twice.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // The one spoken to is not the speaker.
    let found = quotes(
        "Senate leader Mia Cole delivered a blunt message to Tom Ash: “It is time to quit attacking your rivals.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Mia Cole"));
}

#[test]
fn a_capitalised_tweeted_is_the_verb_not_part_of_the_name() {
    let found = quotes("“The ferry runs again at noon,” Dana Reyes Tweeted on Friday.");
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // Other capitalised verbs stay part of a name.
    let found = quotes("“The ferry runs again at noon,” said Edward Says.");
    assert_eq!(found[0].1.as_deref(), Some("Edward Says"));
}

#[test]
fn a_description_with_a_name_beside_it_speaks_as_written_for_the_person() {
    let text = "The harbour master, Tom Ash, told the Gazette: “The pier opens in May.” \
                “We are ready for the crowds,” he said.";
    let found = quotes(text);
    assert_eq!(
        found[0],
        one(
            "The pier opens in May.",
            Some("The harbour master, Tom Ash"),
            Some("Tom Ash")
        )
    );
    // The pronoun refers to the person named beside the description.
    assert_eq!(found[1].2.as_deref(), Some("Tom Ash"));
    // A name that starts a list is not set beside the description.
    let text = "A close friend, Dana Roe, and her brother said: “The house was empty all week.”";
    assert_eq!(quotes(text)[0].2, None);
}

#[test]
fn a_role_before_the_name_is_kept_apart() {
    let got = crate::extract::tests::facts(
        "“We will rebuild the harbor before winter,” Roe spokesman Tim Ng said.",
    );
    let q = &got.quotes[0];
    assert_eq!(q.speaker.as_deref(), Some("Tim Ng"));
    assert_eq!(q.speaker_role.as_deref(), Some("Roe spokesman"));
}

#[test]
fn a_quoted_phrase_in_a_sentence_that_closes_with_its_source() {
    let found = quotes(
        "Given the vote, her backing will carry “a great deal of weight” and help the party win, \
         union spokesman Neil Ross said.",
    );
    assert_eq!(found[0].2.as_deref(), Some("Neil Ross"));
    // A description after the name: the name speaks.
    let found = quotes(
        "Parks are “the city’s best public health tool” and more, Dana Reyes, the former \
         mayor of Oakton, told a crowd on Tuesday.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_modal_before_the_verb_is_not_part_of_the_speaker() {
    let found =
        quotes("Fans can expect the band to play with “a lot more noise than they are used to.”");
    assert_eq!(found[0].1.as_deref(), Some("Fans"));
}

#[test]
fn second_quote_in_a_paragraph_keeps_the_speaker() {
    let text = "“The Fed is preparing the ground,” said Seema Shah. “The question is how \
                far they go.”";
    let got = quotes(text);
    assert_eq!(got[1].1.as_deref(), Some("Seema Shah"));
}

#[test]
fn the_next_sentence_names_the_speaker_past_a_description() {
    let found = quotes(
        "Volunteers came early. “I am calling from the county office. How are you today?” Dana Reyes, a retired nurse from the valley, said warmly into the phone.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // A statement of its own after the description is no tag of the quotation.
    let found = quotes(
        "“The lines were long. Who waits that long?” Dana Reyes, a retired nurse, said she had left early.",
    );
    assert_eq!(found[0].1, None);
}

#[test]
fn a_clause_opening_the_sentence_is_not_its_subject() {
    let found = quotes(
        "When told the mayor was leaving, Tom Ash thought for a moment and said, “It is an advantage to be unknown.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_source_closing_the_sentence_outranks_its_subject() {
    let found = quotes(
        "The new fees have a “lasting and chilling effect” on small traders, who sell at the weekly market, the complaint says.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the complaint"));
}

#[test]
fn a_bare_verb_after_a_modal_and_only_introduces_the_words() {
    let found = quotes(
        "The delay was so long that an aide to Tom Ash could only joke: “We packed a lunch for this.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("an aide to Tom Ash"));
}

#[test]
fn a_possessive_description_ends_on_its_person_noun() {
    let found = quotes(
        "Early on Monday, Tom Ash’s right-hand man told the crowd, “We will keep the bridge open.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash’s right-hand man"));
}

#[test]
fn a_bare_verb_after_a_possessive_and_a_noun_is_a_noun() {
    let found = quotes(
        "Shortly after the mayor’s conference call ended, Tom Ash sent out a statement saying the city owes “the harbour an apology for the long delays.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn here_is_a_person_before_a_colon_speaks() {
    let found = quotes(
        "The record is long. Here’s Dana Reyes in March 2001: “Our new plan must rest on the harbour we already have.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // What is shown may be no person.
    let found = quotes("Here is the plan: “We will not give up the bridge this year.”");
    assert_eq!(found[0].1, None);
}

#[test]
fn a_speaker_after_the_verb_goes_on_past_of() {
    let said = |who: &str| {
        let text = format!("“We will open the shelters before the storm comes,” said {who}.");
        quotes(&text)[0].1.clone()
    };
    assert_eq!(
        said("Secretary of State Tom Ash").as_deref(),
        Some("Tom Ash")
    );
    assert_eq!(
        said("director of communications Dana Reyes").as_deref(),
        Some("Dana Reyes")
    );
    assert_eq!(
        said("a member of the board").as_deref(),
        Some("a member of the board")
    );
    assert_eq!(
        said("one of the organizers").as_deref(),
        Some("one of the organizers")
    );
    // The name set beside the description at the end of the sentence says who it is.
    let beside = quotes(
        "“We will open the shelters before the storm comes,” said the head of the union, Dana Reyes.",
    );
    assert_eq!(beside[0].2.as_deref(), Some("Dana Reyes"));
    // After a name, "of" places the speaker; cut by a title, the phrase stops before it.
    assert_eq!(said("Tom Ash of the Ledger").as_deref(), Some("Tom Ash"));
    let cut = quotes(
        "“We will open the shelters before the storm comes,” wrote the authors of the “Harbor Plan,” in May.",
    );
    assert_eq!(cut[0].1.as_deref(), Some("the authors"));
}

#[test]
fn verbs_of_insisting_and_of_feeling_tag_a_quotation() {
    let found =
        quotes("“Would it be possible to open the shelters before the storm?” Dana Reyes pressed.");
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
    let found = quotes("“We have done this every winter since the flood,” Tom Ash sighed.");
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
}

#[test]
fn people_speaking_together_are_credited_together() {
    assert_eq!(
        quotes("“We will build the new bridge this year,” Jane Roe and Tom Ash said."),
        [one(
            "We will build the new bridge this year",
            Some("Jane Roe and Tom Ash"),
            None
        )]
    );
    // A second name inside a description leaves the first person the speaker.
    let got =
        quotes("“We will build the new bridge this year,” Jane Roe, a friend of Tom Ash, said.");
    assert_eq!(got[0].2.as_deref(), Some("Jane Roe"));
    // Firms, or a firm and a person, speak together too.
    let got = quotes("“We will build the new bridge this year,” Harbex and Ash said.");
    assert_eq!(
        (got[0].1.as_deref(), got[0].2.as_deref()),
        (Some("Harbex and Ash"), None)
    );
    // A comma alone makes no list: the place is what the sentence is about.
    let got =
        quotes("On the subject of Oakton, Ash added, “We will build the new bridge this year.”");
    assert_eq!(got[0].2.as_deref(), Some("Ash"));
}

#[test]
fn a_sentence_opening_with_according_to_credits_its_phrases() {
    let found = quotes(
        "According to the club’s longtime coach, the striker had “remarkably quick” feet, shows “unusual” stamina, and “will be the finest player the town has produced.”",
    );
    let last = found.last().unwrap();
    assert_eq!(last.1.as_deref(), Some("the club’s longtime coach"));
    // Without the opening source, the subject of the sentence is the speaker.
    let found = quotes(
        "The coach said the striker had quick feet and “will be the finest player the town has produced.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("The coach"));
}

#[test]
fn an_interjection_before_a_colon_is_no_speaker() {
    let found = quotes(
        "The mayor spoke on Monday.\n\nWait, it gets better:\n\n“Every year the council sets the number of permits the city can grant.”",
    );
    assert_eq!(found[0].1, None);
    // A name set off before the colon still speaks.
    let found = quotes(
        "The mayor spoke on Monday.\n\nDana Reyes, the treasurer:\n\n“Every year the council sets the number of permits the city can grant.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_quotation_signed_on_the_line_below_is_the_signers() {
    for sign in ["- Dana Reyes.", "— Mayor Dana Reyes", "-Dana Reyes, Dover."] {
        let found = quotes(&format!(
            "The debate ran long.\n\n“The idea that I would cut the program now is just not accurate.”\n\n{sign}\n\nThis is a complex issue."
        ));
        assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"), "{sign}");
    }
    // A sentence below is no sign-off, nor a place.
    // Nor is a byline.
    for below in ["Dana Reyes said so on Monday.", "- Dover.", "By Dana Reyes"] {
        let found = quotes(&format!(
            "Dana Reyes spoke in Dover.\n\nThe debate ran long.\n\n“The idea that I would cut the program now is just not accurate.”\n\n{below}"
        ));
        assert_eq!(found[0].1, None, "{below}");
    }
}

#[test]
fn a_closing_phrase_says_whose_view_the_words_are() {
    let found = quotes(
        "The debate ran long. Ash wanted more time. “This is not a field where there is one thing you can fix – it is a failure across the board” from schools to roads, in Reyes’s view.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Reyes"));
    // Right before the words, too.
    let found = quotes(
        "The summit met in Dover because, in Harlow’s words, “they are the most inventive places on the coast.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Harlow"));
    // A view no one is named for credits no one.
    let found = quotes(
        "The debate ran long. Ash wanted more time. “This is not a field where there is one thing you can fix – it is a failure across the board” from schools to roads, in the view of many.",
    );
    assert_eq!(found[0].1, None);
}

#[test]
fn a_reaction_after_a_reported_phrase_is_not_its_speaker() {
    let found = quotes(
        "Dana Reyes said she would “protect every family on the river,” the crowd applauded loudly.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    let found = quotes(
        "Asked about the plan, Dana Reyes said: “There will always be exceptions to the rule,” the Courier reported.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
}

#[test]
fn one_described_by_a_relative_clause_speaks() {
    let found = quotes(
        "A city official who spoke anonymously to discuss internal strategy said Wednesday, “Certainly there are talks between the mayor and the rival campaign.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("A city official"));
    // A name before an apposition with a relative clause still speaks.
    let found = quotes(
        "Dana Reyes, a pollster who is working with the campaign, said: “The voters are tired and want the race to end soon.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_pronoun_sentence_or_a_stage_direction_keeps_the_speaker() {
    let found = quotes(
        "“I am calling from the campaign. How are you today?” Eva Miller, a retired worker, said into the phone.\n\nShe pauses.\n\n“Well, thank you so much for your time, we do appreciate it.”\n\nPause.\n\n“Well, you do that! The candidate will appreciate it, and so will I.”",
    );
    assert_eq!(found[1].2.as_deref(), Some("Eva Miller"));
    assert_eq!(found[2].2.as_deref(), Some("Eva Miller"));
    // A paragraph of its own between them names someone else, or no one.
    let found = quotes(
        "“I am calling from the campaign. How are you today?” Eva Miller, a retired worker, said into the phone.\n\nThe phone line went dead for a while after that.\n\n“Well, thank you so much for your time, we do appreciate it.”",
    );
    assert_eq!(found[1].2, None);
}

#[test]
fn a_title_quoted_inside_a_description_keeps_the_name_before_it() {
    let found = quotes(
        "Dana Reyes, the author of “Harbor Lights,” a novel about the port, said the days of “cheap rent on the waterfront are over for good.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // A capitalised remark that opens its sentence still names who speaks next.
    let found = quotes(
        "“Like Dover. Or Ely,” Tom Ash said. “We are not going to be another one of those towns.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Tom Ash"));
}

#[test]
fn words_after_a_possessive_are_a_quotation_unless_capitalised() {
    let found = quotes(
        "Tom Ash’s “plan has no money behind it and no friends in the council,” says Dana Reyes, a former mayor.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // "Harbor Radio’s “Morning Show With Tom”" is a title, not a quotation.
    let found = quotes("He spoke on Harbor Radio’s “Morning Show With Tom And Friends” last week.");
    assert!(found.is_empty());
}

#[test]
fn words_between_their_owner_and_a_noun_for_them_are_the_owners() {
    let found = quotes(
        "It is the pull of Mayor Dana Reyes’s “no new taxes, not this year or next” pledge that keeps the council in line.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
    // A noun for something else leaves the words to whoever said them.
    let found =
        quotes("Tom Ash called Dana Reyes’s “rude and careless and very late” arrival a disgrace.");
    assert_ne!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn words_relayed_by_another_source_are_credited_to_it() {
    let found = quotes(
        "“This case is about the right of the public to know,” the judge said, according to the Courier.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
    // With no source after "according to" that reads as one, the speaker stays.
    let found = quotes(
        "“Nothing prepares you for the job,” the president said, according to excerpts of his speech.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the president"));
    // "According to" further on, in another clause, is not the tag's.
    let found = quotes(
        "“We will rebuild the bridge before winter,” the mayor said on Tuesday at the riverside meeting, and the cost, according to the Courier, is rising.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the mayor"));
    // Further on, as the phrase that closes the sentence, it is.
    let found = quotes(
        "“There is no case for the closure of the ferry to the islands,” Dana Reyes said in a motion filed in the harbour assembly last week, according to the Courier.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
    // A source closing the sentence relays what a participle before the phrase reports.
    let found = quotes(
        "Dana Reyes welcomed the vote, saying the council was “acting in good faith for once,” adding she might run again, the Courier reported.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
    // So do "reports X" closing the tag.
    let found = quotes(
        "“The new fares will empty the islands by winter,” said Dana Reyes, director of the Harbor Trust, reports the Courier.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
    // And after a question mark, which ends the quotation's sentence.
    let found = quotes(
        "“Will the council keep its word this time, or is it all for the cameras?” Dana Reyes said at a rally, according to the Courier.",
    );
    assert_eq!(found[0].1.as_deref(), Some("the Courier"));
    // A finite verb of speech keeps its words.
    let found = quotes(
        "Dana Reyes said the council was “doing the right thing for the town,” adding she might run again, the Courier reported.",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn a_pronoun_after_what_a_bare_subject_did_is_someone_else() {
    let found = quotes(
        "Tom Ash summed up Dana Reyes as “careless,” and said she should not run. Reyes “caused a great deal of damage to this town,” he said.",
    );
    let last = found.last().unwrap();
    assert_eq!(last.2.as_deref(), Some("Tom Ash"));
    // A subject that spoke first keeps the pronoun: "Ash fired back: “…,” he wrote".
    let found = quotes(
        "Dana Reyes wrote about it first. Tom Ash fired back: “As a friend of the mayor and the town,” he wrote, “I must say no.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Tom Ash"));
}

#[test]
fn a_pronoun_subject_after_an_opening_adverb_or_clause_introduces_the_words() {
    let found = quotes(
        "Dana Reyes left the hall early. Back at the harbour, she went over the plan once more: “The ferry will run every hour from next spring.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
    let found = quotes(
        "Dana Reyes left the hall early. And although she praised the volunteers, she struck a cautious tone: “The ferry cannot run every hour yet.”",
    );
    assert_eq!(found[0].2.as_deref(), Some("Dana Reyes"));
}

#[test]
fn an_organisation_set_beside_its_description_speaks() {
    let found = quotes(
        "The employers’ group, Harbex, said in a statement it had made “a fair and generous offer to every worker.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("The employers’ group, Harbex"));
    assert_eq!(found[0].2.as_deref(), Some("Harbex"));
}

#[test]
fn it_stands_for_the_last_thing_that_spoke() {
    let found = quotes(
        "“No one at the firm has any tie to the seller,” the company wrote in its statement.\n\n“The plan is sound,” the mayor said.\n\nIt added, “We want no part in the listing on our website.”",
    );
    assert_eq!(found[2].1.as_deref(), Some("the company"));
    // With no such speaker before, "it" names no one.
    let found = quotes(
        "“The plan is sound,” the mayor said.\n\nIt added, “We want no part in the listing on our website.”",
    );
    assert_eq!(found[1].1, None);
}

#[test]
fn a_forms_label_before_a_colon_is_no_speaker() {
    // "Name:" or "Quote:" labels a field; no one found by that word speaks.
    let found = quotes(
        "The plant employs many.\n\nQuote: “I worked there for thirty years and never missed a shift.”",
    );
    assert_eq!(found[0].1, None);
    // A name the article gives still speaks on its own line.
    let found = quotes(
        "Dana Reyes spoke first. Then the debate began.\n\nReyes: “We will win this state.”",
    );
    assert_eq!(found[0].1.as_deref(), Some("Dana Reyes"));
}
