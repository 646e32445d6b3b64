//! Quotation marks: straight, curly and mismatched pairs, and a quotation that runs on into
//! the next paragraph.

use super::tests::quotes;

#[test]
fn straight_quotes_and_unclosed_paragraphs() {
    let plain = "A \"one two three four\" b “five six seven";
    let spans = super::spans(plain, 0..plain.len());
    let inner: Vec<&str> = spans.iter().map(|s| &plain[s.inner.clone()]).collect();
    assert_eq!(inner, ["one two three four", "five six seven"]);
    // Mismatched marks, each of its own width; an empty pair holds nothing.
    let plain = "“one two\" and \"three four” then \"”";
    let spans = super::spans(plain, 0..plain.len());
    let inner: Vec<&str> = spans.iter().map(|s| &plain[s.inner.clone()]).collect();
    assert_eq!(inner, ["one two", "three four", ""]);
    let text = "“We will keep fighting for every family in this city,\n\n“and we will win,” \
                said Ana Silva.";
    let got = quotes(text);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].0,
        "We will keep fighting for every family in this city"
    );
}

#[test]
fn a_quotation_inside_one_that_runs_on() {
    let text = "Mayor Ana Silva said:\n\n\"The plan is late, and the “Green Bridge,” which \
                was promised, is not built.\n\n\"We will finish it this year for the town.\"";
    let got = quotes(text);
    assert_eq!(got.len(), 2);
    assert!(got[0].0.ends_with("is not built."), "{:?}", got[0].0);
    assert!(got.iter().all(|q| q.2.as_deref() == Some("Ana Silva")));
    // Without a paragraph to run on into, the inner mark closes the quotation.
    let got =
        quotes("Ana Silva said, “The plan is late, and the “Green Bridge,” which is not built.");
    assert_eq!(got[0].0, "The plan is late, and the “Green Bridge");
}
