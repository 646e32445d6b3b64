//! Tests of the plain-text view: blocks, sentences and words.

use super::*;

fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    tokens(text, 0..text.len(), &mut out);
    out.iter().map(|t| (t.text(text), t.possessive())).collect()
}

fn block_texts(doc: &Doc) -> Vec<&str> {
    doc.blocks
        .iter()
        .map(|b| &doc.text[b.range.clone()])
        .collect()
}

#[test]
fn blocks_skip_code_and_mark_links() {
    let doc = Doc::new(
        "# Talks in Doha {#doha}\n\nHamas said `Israel` was [in Gaza](https://x.example/Lebanon).\n\n```\nIsrael\n```\n\n- one item\n- two",
    );
    assert_eq!(
        block_texts(&doc),
        [
            "Talks in Doha",
            "Hamas said \u{FFFC} was in Gaza.",
            "one item",
            "two"
        ]
    );
    assert!(doc.blocks[0].heading);
    let gaza = doc.text.find("in Gaza").unwrap();
    assert!(doc.is_excluded(gaza..gaza + 2));
    assert!(!doc.is_excluded(0..5));
    assert!(!doc.text.contains("Lebanon"));
}

#[test]
fn invisible_characters_do_not_split_words() {
    let doc =
        Doc::new("Tom \u{AD}Ash met Dana Re\u{200B}yes in Oak\u{AD}ton.\u{FEFF}\n\nPlain text.");
    assert_eq!(
        block_texts(&doc),
        ["Tom Ash met Dana Reyes in Oakton.", "Plain text."]
    );
}

#[test]
fn bare_urls_are_excluded() {
    let doc = Doc::new("See https://hezbollah.example/Israel for Israel.");
    let url = doc.text.find("https").unwrap();
    assert!(doc.is_excluded(url + 10..url + 12));
    let last = doc.text.rfind("Israel").unwrap();
    assert!(!doc.is_excluded(last..last + 6));
}

#[test]
fn smart_punctuation_is_kept() {
    let doc = Doc::new("Israel's \"war\"");
    assert_eq!(block_texts(&doc), ["Israel’s “war”"]);
}

#[test]
fn a_combining_accent_stays_in_its_word() {
    let texts = |text| words(text).into_iter().map(|(w, _)| w).collect::<Vec<_>>();
    assert_eq!(
        texts("Jose\u{301} Pen\u{303}a"),
        ["Jose\u{301}", "Pen\u{303}a"]
    );
}

#[test]
fn a_dot_without_its_space_before_a_word_ends_the_word() {
    let texts = |text| words(text).into_iter().map(|(w, _)| w).collect::<Vec<_>>();
    assert_eq!(texts("rose.The PAC.Next"), ["rose", "The", "PAC", "Next"]);
    // Addresses, numbers and a dotted abbreviation go on.
    assert_eq!(
        texts("oakton.com 3.5 D-W.Va. St.Louis"),
        ["oakton.com", "3.5", "D-W.Va", "St.Louis"]
    );
}

#[test]
fn tokens_keep_inner_marks_and_split_possessives() {
    assert_eq!(
        words("Hezbollah’s U.S.-led al-Qaeda AT&T Israel's Reuters’ report"),
        [
            ("Hezbollah", true),
            ("U.S.-led", false),
            ("al-Qaeda", false),
            ("AT&T", false),
            ("Israel", true),
            ("Reuters", true),
            ("report", false)
        ]
    );
    assert_eq!(
        words("the U.S. and Jerome H. Powell."),
        [
            ("the", false),
            ("U.S.", false),
            ("and", false),
            ("Jerome", false),
            ("H.", false),
            ("Powell", false)
        ]
    );
    assert_eq!(words("“don’t” — 7"), [("don’t", false), ("7", false)]);
}

#[test]
fn a_small_word_in_capitals_beside_lower_case_is_an_acronym() {
    fn acronyms(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(text, 0..text.len(), &mut out);
        out.iter()
            .filter(|t| t.is(crate::extract::lexicon::ACRONYM))
            .map(|t| t.text(text))
            .collect()
    }
    assert_eq!(
        acronyms("A WHO nurse and US officials met the IT team and the OR staff."),
        ["WHO", "US", "IT", "OR"]
    );
    // Not in a headline in capitals, nor in a run of capitals ("NOW OPEN—").
    assert!(acronyms("WHO SAID IT").is_empty());
    assert!(acronyms("NOW OPEN—the show returns.").is_empty());
    assert!(acronyms("The CEO of Acme spoke.").is_empty());
}

/// The sentences `split_sentences` finds in all of `text`.
fn sentences(text: &str) -> Vec<&str> {
    let mut ranges = Vec::new();
    split_sentences(text, 0..text.len(), &mut ranges);
    ranges.into_iter().map(|r| &text[r]).collect()
}

#[test]
fn a_dotted_abbreviation_before_an_organisation_it_names_goes_on() {
    let text = "A U.S. Army medic spoke. The U.S. State Department agreed. She flew to the U.S. \
                Army life was over. They left the U.S. The rest stayed.";
    assert_eq!(
        sentences(text),
        [
            "A U.S. Army medic spoke.",
            "The U.S. State Department agreed.",
            // Ambiguous: an organisation's word after the abbreviation is read as its name.
            "She flew to the U.S. Army life was over.",
            "They left the U.S.",
            "The rest stayed."
        ]
    );
}

#[test]
fn no_takes_its_dot_only_before_a_number() {
    let text = "The port ranks No. 2 in the region. Asked again, she said no. Analysts agreed.";
    assert_eq!(
        sentences(text),
        [
            "The port ranks No. 2 in the region.",
            "Asked again, she said no.",
            "Analysts agreed."
        ]
    );
}

#[test]
fn sentences_respect_abbreviations_and_quotes() {
    let text = "Mr. Biden met U.S. officials. “It is over.” He left! The talks in the U.S. The end";
    assert_eq!(
        sentences(text),
        [
            "Mr. Biden met U.S. officials.",
            "“It is over.”",
            "He left!",
            "The talks in the U.S.",
            "The end"
        ]
    );
}

#[test]
fn sentences_never_split_inside_multibyte_text() {
    let text = "Café. Ürümqi… “Ça va?” Fin";
    let mut ranges = Vec::new();
    split_sentences(text, 0..text.len(), &mut ranges);
    assert_eq!(ranges.len(), 4);
    for r in ranges {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
}

#[test]
fn lines_too_long_to_be_wrapped_are_paragraphs() {
    // One paragraph a line, with no blank line between: each line is a block.
    let long = "The council met on Monday to hear the plans for the new bridge, the roads \
                and the schools of the city, and it voted late in the evening after a long \
                debate on the cost of it all";
    let doc = Doc::new(&format!(
        "{long}.\n“We will build it,” Roe said.\nAsh disagreed."
    ));
    assert_eq!(
        block_texts(&doc),
        [
            &format!("{long}.") as &str,
            "“We will build it,” Roe said.",
            "Ash disagreed."
        ]
    );
    // Text wrapped by hand stays one paragraph.
    let doc = Doc::new("The council met on Monday to hear\nthe plans for the new bridge.");
    assert_eq!(
        block_texts(&doc),
        ["The council met on Monday to hear the plans for the new bridge."]
    );
}

#[test]
fn a_dated_line_in_capitals_is_a_block_of_its_own() {
    let doc = Doc::new("TORVALE 1997-03-14\nThe port reopened on\nMonday.");
    assert_eq!(
        block_texts(&doc),
        ["TORVALE 1997-03-14", "The port reopened on Monday."]
    );
    let doc = Doc::new("The port reopened in 1997-03\nafter the storm.");
    assert_eq!(
        block_texts(&doc),
        ["The port reopened in 1997-03 after the storm."]
    );
}

#[test]
fn a_wire_dateline_stands_apart_from_the_first_sentence() {
    assert_eq!(
        sentences("LISBON, May 3 (Wirepress) — The port reopened. Ships came in."),
        [
            "LISBON, May 3 (Wirepress) —",
            "The port reopened.",
            "Ships came in."
        ]
    );
    // Capitals before a dash with no date nor agency are the sentence's own words.
    assert_eq!(
        sentences("NATO - the alliance - met today."),
        ["NATO - the alliance - met today."]
    );
}
