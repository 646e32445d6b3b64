//! Wire datelines ("LONDON, May 3 (Reuters) — ", "OAKTON 1997-03-14"): where the place
//! the story was filed from stands apart from the story's first sentence.

/// Whether `word` is a date in figures: "1997-03-14", "14/03/1997".
pub fn numeric_date(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'-' || c == b'/')
        && word.matches(['-', '/']).count() == 2
}

/// Whether a short line in capitals ends with a numeric date: "OAKTON 1997-03-14", a wire
/// dateline.
pub fn dated_line(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    let date = words.next().unwrap_or("");
    let place: Vec<&str> = words.collect();
    numeric_date(date)
        && (1..=3).contains(&place.len())
        && !place.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// Where the text after a wire dateline starts: a place in capitals, then a date or the
/// agency in brackets, then a dash ("LONDON, May 3 (Reuters) — ", "ROME (AP) - ").
pub(super) fn dateline_end(block: &str) -> Option<usize> {
    // Most paragraphs open with a word in lowercase after its capital.
    let bytes = block.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_uppercase)
        || bytes.get(1).is_some_and(u8::is_ascii_lowercase)
    {
        return None;
    }
    let mut cut = block.len().min(80);
    while !block.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &block[..cut];
    let (dash, mark) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|&d| head.find(d).map(|at| (at, d)))
        .min()?;
    let before = head[..dash].trim_end();
    let place = before.split([',', '(']).next().unwrap_or("").trim();
    let capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !place.chars().any(char::is_lowercase);
    let dated_or_credited = before.ends_with(')') || before.contains(|c: char| c.is_ascii_digit());
    let after = dash + mark.len() - 1;
    let rest = &block[after..];
    let opens = rest
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || "“\"‘".contains(c));
    (capitals && dated_or_credited && opens).then(|| after + rest.len() - rest.trim_start().len())
}
