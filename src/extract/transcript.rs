//! Interview transcripts: paragraphs that open with the speaker's name in capitals and a
//! colon ("DANA REYES: We will rebuild."). In a transcript two or more speakers take turns,
//! so one of them speaks twice; labels that do not recur ("UPDATE:", "EDITOR’S NOTE:") are
//! no speakers.

use std::ops::Range;

use super::text::Doc;

/// Longest name a speaker label holds, in words.
const MAX_WORDS: usize = 4;

/// The speaker labels of the article's paragraphs, in order: empty unless at least two
/// different labels are written and one speaker, known by the last word of the label
/// ("DANA REYES", then "REYES"), speaks twice.
pub fn labels(doc: &Doc) -> Vec<Range<usize>> {
    let found: Vec<Range<usize>> = doc
        .prose()
        .filter_map(|block| label(&doc.text, block.range.clone()))
        .collect();
    let names: Vec<&str> = found.iter().map(|r| &doc.text[r.clone()]).collect();
    let two_labels = names.iter().any(|n| *n != names[0]);
    let turns = names
        .iter()
        .enumerate()
        .any(|(i, n)| names[..i].iter().any(|m| surname(m) == surname(n)));
    if two_labels && turns {
        found
    } else {
        Vec::new()
    }
}

/// The name before the colon opening `block`, when it is a name in capitals followed by
/// what was said.
fn label(text: &str, block: Range<usize>) -> Option<Range<usize>> {
    let paragraph = &text[block.clone()];
    // Four words in capitals fit in the first 64 bytes; most paragraphs end the search there.
    let head = &paragraph.as_bytes()[..paragraph.len().min(64)];
    let colon = memchr::memchr(b':', head)?;
    let (name, said) = (&paragraph[..colon], &paragraph[colon + 1..]);
    let words: Vec<&str> = name.split(' ').collect();
    let capitals = |w: &&str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let speaks = said.starts_with(' ') && said.chars().any(char::is_lowercase);
    (words.len() <= MAX_WORDS && letters >= 2 && words.iter().all(capitals) && speaks)
        .then(|| block.start..block.start + colon)
}

/// The last word of a label: "REYES" of "DANA REYES".
fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(markdown: &str) -> Vec<String> {
        let doc = Doc::new(markdown);
        labels(&doc)
            .into_iter()
            .map(|r| doc.text[r].to_string())
            .collect()
    }

    #[test]
    fn speakers_of_a_transcript_are_found() {
        let text = "The interview ran long.\n\nTOM ASH: Why not meet?\n\nDANA O’NEIL: This \
                    is a man who said no.\n\nASH: Then say yes.";
        assert_eq!(names(text), ["TOM ASH", "DANA O’NEIL", "ASH"]);
    }

    #[test]
    fn one_label_or_a_sentence_with_a_colon_is_no_transcript() {
        assert!(names("UPDATE: The road is open.\n\nUPDATE: It closed again.").is_empty());
        assert!(names("UPDATE: The road is open.\n\nThe mayor: gone.").is_empty());
        assert!(names("Q: Why?\n\nA: Because it is late.").is_empty());
        assert!(names("OAKTON: 12 PM\n\nASH: 3 PM").is_empty());
        // Two labels, neither of them twice: no one takes turns.
        let notes = "OAKTON: The council met.\n\nEDITOR’S NOTE: This story was corrected.";
        assert!(names(notes).is_empty());
    }
}
