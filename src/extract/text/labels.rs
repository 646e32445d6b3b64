//! Lines that open with a form's label ("Age: 61", "Home Town: Oakton"): a fact sheet or
//! profile box written one field a line, whose line breaks end every name.

/// Words a label may have: a field's name is short.
const LABEL_WORDS: usize = 3;
/// Characters a label and its colon may take.
const LABEL_CHARS: usize = 40;

/// Whether `line` opens with a label: one to three capitalised words, then a colon and a
/// space or the line's end. Words in lowercase ("Reyes said: …") make a sentence, not a
/// label.
pub fn starts_with_label(line: &str) -> bool {
    // Only the line's first characters are looked at: a label is short.
    let head = match line.char_indices().nth(LABEL_CHARS) {
        Some((cut, _)) => &line[..cut],
        None => line,
    };
    let Some((label, rest)) = head.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split(' ').collect();
    words.len() <= LABEL_WORDS
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && (rest.is_empty() || rest.starts_with([' ', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_a_few_capitalised_words_before_a_colon() {
        for line in [
            "Age: 61",
            "Home Town: Oakton",
            "Born:",
            "Party: Labour\nAge: 4",
        ] {
            assert!(starts_with_label(line), "{line}");
        }
        for line in [
            "Reyes said: we will",
            "Oakton City Council Members: five",
            "Time 10:30 on Monday",
            "Note:the end",
            "no label here",
            ": 61",
        ] {
            assert!(!starts_with_label(line), "{line}");
        }
    }
}
