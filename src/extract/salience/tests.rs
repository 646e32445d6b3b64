use crate::extract::tests::facts;

fn speakers(text: &str) -> Vec<Option<String>> {
    facts(text)
        .quotes
        .into_iter()
        .map(|q| q.speaker_entity.map(String::from))
        .collect()
}

#[test]
fn he_or_she_is_never_an_organisation() {
    let text = "Sen. Dana Reyes of Ohio met the press on Friday. The Senate Harbor \
                Committee said none of the emails came from the mayor.\n\n“It has never \
                made sense to me that the mayor is blamed for this,” she said.";
    assert_eq!(speakers(text), [Some("Dana Reyes".to_string())]);
}

#[test]
fn the_person_before_an_organisation_in_a_subject_is_the_one_meant() {
    let text = "Tom Ash of the Harbor Preservation Foundation said the plan was \
                late.\n\n“We have waited for this bridge for far too many years now,” he \
                said.";
    assert_eq!(speakers(text), [Some("Tom Ash".to_string())]);
}

#[test]
fn the_person_set_beside_a_description_of_an_organisation_is_its_subject() {
    let text = "“It is a danger to the town,” said Oren Pask, a member of the \
                council.\n\nThe leader of the Harbor Defense League, Tom Ash, warned that \
                a ban would be “unacceptable.” He said residents “know all too well what \
                happens when a group is blamed.”";
    let found = speakers(text);
    assert_eq!(
        found.last().unwrap().as_deref(),
        Some("Tom Ash"),
        "{found:?}"
    );
}

#[test]
fn a_person_named_after_a_subject_of_the_other_gender_is_nearer_than_older_subjects() {
    let speech = "\n\n“I heard the chant last night and thought it would be funny to \
                  dress up,” he said.";
    let text = format!(
        "Oren Pask spoke for an hour to a cheering crowd. Jane Reyes made an appearance \
         of sorts, courtesy of Tom Ash, a delegate who dressed up.{speech}"
    );
    assert_eq!(speakers(&text), [Some("Tom Ash".to_string())]);
    // The subject named again since, last, keeps the pronoun.
    let text = format!(
        "Tom Ash spoke for an hour to a cheering crowd. Jane Reyes came with Oren Pask and \
         Ash.{speech}"
    );
    assert_eq!(speakers(&text), [Some("Tom Ash".to_string())]);
    // A later subject of unknown gender leaves the older subject.
    let text = format!(
        "Oren Pask spoke for an hour to a cheering crowd. Quill Reyes made an appearance \
         of sorts, courtesy of Tom Ash, a delegate who dressed up.{speech}"
    );
    assert_eq!(speakers(&text), [Some("Quill Reyes".to_string())]);
}

#[test]
fn what_unnamed_sources_report_is_about_the_person_their_clause_names() {
    let opening = "“Companies that are serious about their values know their partners,” \
                   said Lina Moss, a professor of ethics.\n\n";
    let speech = "\n\n“Women are paid equally for the work that we do,” she said.";
    for report in [
        "In addition to paid leave, aides say Mara Quell also advises her father.",
        "Two aides said that Mara Quell advises her father.",
    ] {
        let found = speakers(&format!("{opening}{report}{speech}"));
        assert_eq!(found[1].as_deref(), Some("Mara Quell"), "{report}");
    }
    // Not what a named source or a pronoun reports, nor whom someone asked or warned.
    for report in [
        "Tom Ash said Mara Quell advises her father.",
        "She said Mara Quell advises her father.",
        "A young man asked Mara Quell why she ran.",
        "On Monday, aides warned Mara Quell that the vote was lost.",
    ] {
        let found = speakers(&format!("{opening}{report}{speech}"));
        assert_eq!(found[1].as_deref(), Some("Lina Moss"), "{report}");
    }
}

#[test]
fn pronouns_follow_the_subject_not_the_last_name() {
    let text = "Jane Roe met Tom Ash in Dover on Monday. She told reporters: “We \
                will build the new bridge this year.”";
    assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
}

#[test]
fn gender_cues_pick_the_compatible_person() {
    let text = "Ms. Roe spoke first. Mr. Ash answered her. Then Ash left the hall.\n\n\
                “We will build the new bridge this year,” she said.";
    assert_eq!(speakers(text), [Some("Roe".to_string())]);
    let text = "Tom Ash spoke first and he was angry. Jane Roe answered and she was calm.\n\n\
                “We will not build the bridge this year,” he said.";
    assert_eq!(speakers(text), [Some("Tom Ash".to_string())]);
}

#[test]
fn common_given_names_are_a_weak_gender_cue() {
    // Tom Ash is the latest subject, but "she" fits only Jane Roe.
    let text = "Jane Roe spoke at the start of the meeting in Dover. Then Tom Ash \
                stood up.\n\n“We will build the new bridge this year,” she said.";
    assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
    // A name the list does not know leaves the latest subject.
    let text = "Jane Roe spoke at the start of the meeting in Dover. Then Quill \
                Ash stood up.\n\n“We will build the new bridge this year,” she said.";
    assert_eq!(speakers(text), [Some("Quill Ash".to_string())]);
    // Names from many languages count: "he" passes over Ingrid Lane for Tariq Roe.
    let text = "Tariq Roe spoke at the start of the meeting in Dover. Then Ingrid \
                Lane stood up.\n\n“We will build the new bridge this year,” he said.";
    assert_eq!(speakers(text), [Some("Tariq Roe".to_string())]);
}

#[test]
fn his_after_a_speaker_tells_his_gender() {
    // "his" after Quill Ash says he is a man, so "she" skips him.
    let text = "Dana Roe spoke at the start of the meeting in Dover. Then Quill Ash \
                said his plan was ready.\n\n“We will build the new bridge this year,” \
                she said.";
    assert_eq!(speakers(text), [Some("Dana Roe".to_string())]);
    // "her" may be anyone's: it says nothing of Quill Ash, the latest subject.
    let text = "Dana Roe spoke at the start of the meeting in Dover. Then Quill Ash \
                said her plan was ready.\n\n“We will build the new bridge this year,” \
                she said.";
    assert_eq!(speakers(text), [Some("Quill Ash".to_string())]);
}

#[test]
fn only_an_inverted_verb_takes_the_name_after_it() {
    // "said Tom Ash" after a comma credits Tom Ash; "said Tom Ash lied" does not.
    let text = "Quill Roe arrived late. The vote was close, said Tom Ash, a clerk.\n\n\
                “We will count every ballot again this week,” he said.";
    assert_eq!(speakers(text), [Some("Tom Ash".to_string())]);
    let text = "Quill Roe spoke at the start of the meeting. Later Roe said Tom Ash \
                lied.\n\n“We will count every ballot again this week,” he said.";
    assert_eq!(speakers(text), [Some("Quill Roe".to_string())]);
}

#[test]
fn a_subordinate_speaker_ranks_below_the_subject() {
    let text = "Quill Roe smiled when Tom Ash asked about the budget.\n\n\
                 “We will count every ballot again this week,” he said.";
    assert_eq!(speakers(text), [Some("Quill Roe".to_string())]);
    // Without a main subject the subordinate speaker stands.
    let text = "It was late when Tom Ash asked about the budget.\n\n\
                 “We will count every ballot again this week,” he said.";
    assert_eq!(speakers(text), [Some("Tom Ash".to_string())]);
}

#[test]
fn a_person_named_since_a_distant_subject_takes_the_pronoun() {
    let filler = "The hall was full and the debate ran long into the evening, with \
                  questions on roads, schools, water rates and the new bridge. ";
    let text = format!(
        "Quill Ash opened the session in Dover.\n\n{filler}{filler}{filler}{filler}{filler}\n\n\
         The plan of the retired judge Jane Roe looked late.\n\n\
         “We will not see the bridge before the next election,” she said."
    );
    assert_eq!(speakers(&text), [Some("Jane Roe".to_string())]);
    // A subject close by keeps the pronoun, even with a woman named since.
    let text = "Dana Ash opened the session. The plan of Jane Roe looked late.\n\n\
                “We will not see the bridge before the next election,” she said.";
    assert_eq!(speakers(text), [Some("Dana Ash".to_string())]);
}

#[test]
fn the_person_whose_view_opens_a_sentence_takes_the_pronoun() {
    let text = "Dana Ash opened the session. To the retired judge Jane Roe, the plan \
                looked late.\n\n“We will not see the bridge before the next election,” \
                she said.";
    assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
    // A view opening with no person leaves the subject.
    let text = "Dana Ash opened the session. To the council, the plan looked late.\n\n\
                “We will not see the bridge before the next election,” she said.";
    assert_eq!(speakers(text), [Some("Dana Ash".to_string())]);
}

#[test]
fn the_person_a_sentence_turns_to_takes_the_pronoun() {
    let text = "“The ferry will be late again,” the harbour master Ed Lin said.\n\n\
                As for Tom Ash, he said the timetable holds. “We leave at noon, as \
                we always have,” he said.";
    assert_eq!(
        speakers(text),
        [Some("Ed Lin".to_string()), Some("Tom Ash".to_string())]
    );
}

#[test]
fn a_time_phrase_opening_the_sentence_is_no_subject() {
    let text = "Dana Ash opened the session.\n\nJust a few months ago, Jane Roe \
                left the hall. “We will not see the bridge before the next \
                election,” she said.";
    assert_eq!(speakers(text), [Some("Jane Roe".to_string())]);
}

#[test]
fn a_people_is_no_one_person() {
    let text = "Take a look at what Tom Ash, Lina Moss and many more Latinos said this \
                year.\n\nIn a talk about his project, the actor discussed the plan. “We have \
                waited for this bridge for far too many years now,” he said.";
    assert_ne!(speakers(text)[0].as_deref(), Some("Latinos"));
    // A surname that is also a people's name may be a person.
    let text = "Tom Ash spoke first at the hall. Then Cuban said the plan was late.\n\n\
                “We have waited for this bridge for far too many years now,” he said.";
    assert_eq!(speakers(text), [Some("Cuban".to_string())]);
}
