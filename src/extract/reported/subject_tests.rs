//! Who a reporting verb credits: the subject before it, past appositions.

use super::tests::sources;

#[test]
fn a_name_set_off_after_a_description_is_no_clause_even_when_it_is_a_word() {
    // "May" and "Will" are verbs in lowercase only: capitalised inside an apposition
    // they are names, and the description opens the subject.
    let got =
        sources("The flood came fast. A resident, Helen May, said the water reached her porch.");
    assert_eq!(got[0].0, "A resident, Helen May");
    assert_eq!(got[0].2.as_deref(), Some("the water reached her porch"));
    let got = sources("The court met. Her lawyer, Tom Will, said the case was weak.");
    assert_eq!(got[0].0, "Her lawyer, Tom Will");
    // Lowercase, the word is still the verb of a clause set off by commas.
    let got = sources("The plan, officials may decide, will change. Dana Reyes said it would.");
    assert!(
        got.iter().all(|a| !a.0.contains("officials may")),
        "{got:?}"
    );
}
