//! Sources named after a preposition rather than as a subject: the agent of a passive
//! ("the plan was rejected by the council"), the giver of a stance ("criticism from
//! union leaders", "a statement from the ministry", "an interview with Dana Reyes") and
//! the poll or interview a finding is read in ("in a new county survey, …") and the
//! people a stance is found among ("broad support among harbor pilots").

use std::ops::Range;

use super::phrase::{MAX_WORDS, forward};
use super::words::{auxiliary, participle};
use crate::extract::lexicon::{
    DETERMINERS, DOCUMENTS, REPORT_VERBS, SOURCE_PREPOSITIONS, SPEECH_BASE, SPEECH_NOUNS,
    SPEECH_VERBS, STANCE_VERBS, TEMPORAL, classes,
};
use crate::extract::speech::Clause;

/// The noun phrases after a preposition in clause `c` that name a source, each with its
/// cue word, in order.
pub(super) fn find(c: &Clause<'_>) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for k in 0..c.toks.len().saturating_sub(1) {
        // The word's class first: most words are none of these, and the gaps cost more to
        // read.
        if !c.is(k, SOURCE_PREPOSITIONS)
            || !matches!(c.word(k), "by" | "from" | "of" | "with" | "With" | "among")
        {
            continue;
        }
        // "…, with two polls showing a tie": "with" may follow a comma.
        let with = matches!(c.word(k), "with" | "With");
        if !c.plain(k, k + 1) || !(with || k > 0 && c.plain(k - 1, k)) {
            continue;
        }
        if with && let Some(words) = with_subject(c, k + 1) {
            // The cue is the "-ing" form after the phrase.
            let cue = words.end;
            out.push((words, cue));
            continue;
        }
        if k == 0 || !c.plain(k - 1, k) {
            continue;
        }
        let mut cue = k - 1;
        let found = match c.word(k) {
            "by" => {
                // "derided by", "recommended most forcefully by", "remarks by".
                cue = participle_before(c, k).unwrap_or(cue);
                (passive(c, cue) || stance(c, cue, "by"))
                    .then(|| forward(c, k + 1))
                    .flatten()
            }
            "from" | "of" | "with" if stance(c, cue, c.word(k)) => forward(c, k + 1),
            "among" => held_among(c, k).and_then(|i| {
                cue = i;
                forward(c, k + 1)
            }),
            _ => None,
        };
        if let Some(words) = found {
            out.push((words, cue));
        }
    }
    out.extend(read_in(c));
    out
}

/// The noun phrase from word `st` when a reporting verb's "-ing" form follows it: "with
/// two polls showing a tie", "with Ash calling the plan a fraud".
fn with_subject(c: &Clause<'_>, st: usize) -> Option<Range<usize>> {
    // Most "with" phrases have no "-ing" form within reach: not parsed.
    let reach = c.toks.len().min(st + MAX_WORDS + 1);
    if !(st + 1..reach).any(|i| c.word(i).ends_with("ing")) {
        return None;
    }
    let words = forward(c, st)?;
    let v = words.end;
    if v >= c.toks.len() || !c.plain(v - 1, v) {
        return None;
    }
    let stem = c.word(v).strip_suffix("ing")?;
    let verb = |w: &str| classes(w) & (SPEECH_BASE | REPORT_VERBS) != 0;
    (verb(stem) || verb(&format!("{stem}e"))).then_some(words)
}

/// Whether word `i` is the participle of a reporting or stance verb ("criticized",
/// "endorsed", "reported"), whose agent after "by" is the source.
fn passive(c: &Clause<'_>, i: usize) -> bool {
    let w = c.word(i);
    // "a country ruled by a junta", "a race decided by votes": no one spoke.
    w.starts_with(char::is_lowercase)
        && !matches!(w, "ruled" | "decided" | "determined")
        && (w.ends_with("ed") && c.is(i, SPEECH_VERBS | REPORT_VERBS | STANCE_VERBS)
            || matches!(
                w,
                "seen"
                    | "viewed"
                    | "regarded"
                    | "considered"
                    | "written"
                    | "derided"
                    | "rebuked"
                    | "reviled"
                    | "scolded"
                    | "chided"
                    | "pressed"
                    | "quoted"
                    | "interpreted"
                    | "documented"
                    | "shared"
                    | "disavowed"
                    | "contradicted"
                    | "labeled"
                    | "labelled"
                    | "dubbed"
                    | "liked"
                    | "disliked"
                    | "loved"
                    | "hated"
                    | "admired"
                    | "championed"
                    | "excoriated"
                    | "lauded"
                    | "requested"
                    | "berated"
                    | "sued"
                    | "asked"
                    | "pushed"
                    | "remembered"
                    | "overheard"
            ))
}

/// The participle before "by" at `by`, past adverbs ("recommended most forcefully and
/// effectively by") or a short complement ("considered unsafe by", "seen as a threat by"),
/// when a stance participle stands within a few plain words.
fn participle_before(c: &Clause<'_>, by: usize) -> Option<usize> {
    let mut i = by - 1;
    while i > 0 && c.plain(i - 1, i) && by - i <= 4 {
        if passive(c, i) {
            break;
        }
        let w = c.word(i);
        // "supported Friday by": a day may stand between too.
        let filler = (w.starts_with(char::is_lowercase) || c.is(i, TEMPORAL))
            && !auxiliary(w)
            && !matches!(w, "or" | "but" | "that" | "which" | "who")
            && c.verb_at(i).is_none();
        if !filler {
            return None;
        }
        i -= 1;
    }
    // "continued struggles by the campaign", "criticised joint drills by the allies": a
    // plural noun between the participle and "by" is its object, and "by" names the
    // noun's agent, not a speaker ("seen as threats by" keeps its complement).
    let plural = |w: &str| {
        w.len() > 3
            && w.starts_with(char::is_lowercase)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ous")
            && !w.ends_with("us")
    };
    let described = i + 1 < by
        && (plural(c.word(i + 1))
            || ((i + 1..by).any(|j| plural(c.word(j))) && (i + 1..by).all(|j| c.word(j) != "as")));
    (i + 1 < by && passive(c, i) && !described).then_some(i)
}

/// Nouns of a stance taken or help given: its giver follows "from" ("praise from").
fn stance_noun(w: &str) -> bool {
    matches!(
        w,
        "support"
            | "backing"
            | "endorsement"
            | "endorsements"
            | "opposition"
            | "praise"
            | "advice"
            | "calls"
            | "boos"
            | "applause"
            | "condemnation"
            | "pressure"
            | "demands"
            | "complaints"
            | "objections"
            | "blessing"
            | "suggestion"
            | "suggestions"
            | "request"
            | "requests"
            | "quip"
            | "quips"
            | "scorn"
            | "hostility"
            | "blowback"
            | "backlash"
            | "pushback"
            | "resistance"
            | "attacks"
            | "reaction"
            | "reactions"
            | "rebuke"
            | "outcry"
            | "shouts"
            | "jeers"
            | "cheers"
            | "admission"
            | "pledges"
            | "responses"
            | "approval"
    )
}

/// Whether word `i` is a noun whose source follows preposition `prep`: "criticism from",
/// "a statement from", "the endorsement of", "an interview with".
fn stance(c: &Clause<'_>, i: usize, prep: &str) -> bool {
    let w = c.word(i);
    match prep {
        // "came under fire from rivals": criticism ("fire from" alone may be gunfire).
        "from" => {
            stance_noun(w)
                || c.is(i, SPEECH_NOUNS | DOCUMENTS)
                || w == "fire" && i > 0 && c.word(i - 1) == "under"
        }
        // "the support of the council" also reads as what is supported, so only
        // endorsements, "in the words of" and support someone has or wins credit the
        // phrase after "of".
        "of" => {
            matches!(w, "endorsement" | "endorsements" | "backing" | "blessing")
                || w == "words" && i > 1 && c.word(i - 1) == "the" && c.word(i - 2) == "in"
                || w == "support" && held(c, i)
        }
        // "remarks by the mayor", "a report by the auditor", "criticism by rivals".
        "by" => c.is(i, SPEECH_NOUNS | DOCUMENTS) || stance_noun(w) || w == "speeches",
        // "an interview with", and the audience a message "resonated with" or "struck a
        // chord with".
        _ => matches!(
            w,
            "interview"
                | "interviews"
                | "resonated"
                | "resonates"
                | "resonate"
                | "popular"
                | "unpopular"
                | "popularity"
                | "chord"
                | "credibility"
        ),
    }
}

/// The stance word a few words before "among" at `k`, whose holders follow it: "broad
/// support among", "popular among", "a lead among", "mounting anxiety among".
fn held_among(c: &Clause<'_>, k: usize) -> Option<usize> {
    let mut i = k;
    while i > 0 && c.plain(i - 1, i) && k - i < 4 {
        i -= 1;
        let w = c.word(i);
        if crowd_stance(w) {
            return Some(i);
        }
        // "support for the levy among voters": past the object of the stance, not a verb.
        if auxiliary(w) || c.verb_at(i).is_some() {
            return None;
        }
    }
    None
}

/// Words of a view held, or a standing had, among a group of people.
fn crowd_stance(w: &str) -> bool {
    matches!(
        w,
        "support"
            | "backing"
            | "opposition"
            | "anxiety"
            | "concern"
            | "concerns"
            | "alarm"
            | "fear"
            | "fears"
            | "anger"
            | "frustration"
            | "sense"
            | "feeling"
            | "recognition"
            | "discontent"
            | "dissatisfaction"
            | "unease"
            | "rejection"
            | "skepticism"
            | "enthusiasm"
            | "consensus"
            | "dispute"
            | "debate"
            | "disagreement"
            | "doubts"
            | "worry"
            | "worries"
            | "resentment"
            | "distrust"
            | "mistrust"
            | "outrage"
            | "hostility"
            | "approval"
            | "disapproval"
            | "optimism"
            | "pessimism"
            | "edge"
            | "lead"
            | "advantage"
            | "popularity"
            | "favorability"
            | "popular"
            | "unpopular"
            | "revered"
            | "respected"
            | "admired"
            | "trusted"
            | "distrusted"
            | "leads"
            | "trails"
    )
}

/// Whether the noun at `i` is had or won: "has the support of", "won the full support of".
fn held(c: &Clause<'_>, i: usize) -> bool {
    let mut k = i;
    while k > 0 && c.plain(k - 1, k) && i - k < 3 {
        k -= 1;
        if matches!(
            c.word(k),
            "has" | "have" | "had" | "won" | "wins" | "earned" | "enjoys" | "enjoyed" | "with"
        ) {
            return true;
        }
    }
    false
}

/// "In a new county survey, …", "… led by ten points in the latest Acme poll.", "… ahead in
/// national polls": the poll, survey or interview a finding is read in, when more than a
/// bare "a statement"; polls need no article nor a closing comma, being sources by nature.
fn read_in(c: &Clause<'_>) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for k in 0..c.toks.len().saturating_sub(1) {
        if !c.is(k, SOURCE_PREPOSITIONS) || !matches!(c.word(k), "In" | "in") || !c.plain(k, k + 1)
        {
            continue;
        }
        // Most phrases after "in" hold no poll nor text within reach: not parsed.
        let reach = c.toks.len().min(k + 1 + MAX_WORDS);
        if !(k + 1..reach).any(|i| {
            c.is(i, DOCUMENTS | SPEECH_NOUNS) || c.word(i) == "interview" || poll_noun(c.word(i))
        }) {
            continue;
        }
        let Some(mut words) = forward(c, k + 1) else {
            continue;
        };
        // "in national polls ahead of the vote": the phrase ends at its first poll noun.
        let mut poll_at = words.clone().find(|&i| poll_noun(c.word(i)));
        // "in front of a polling place": a place to vote, no poll.
        if poll_at.is_some_and(|i| {
            c.word(i) == "polling"
                && i + 1 < words.end
                && c.word(i + 1).starts_with(char::is_lowercase)
                && !(participle(&c.lower(i + 1)) || c.verb_at(i + 1).is_some())
        }) {
            poll_at = None;
        }
        if let Some(i) = poll_at {
            words.end = i + 1;
        }
        let last = words.end - 1;
        let poll = poll_at.is_some();
        let determined = c.is(k + 1, DETERMINERS);
        let head = c.is(last, DOCUMENTS | SPEECH_NOUNS) || c.word(last) == "interview";
        let closes = words.end == c.toks.len() || !c.plain(words.end - 1, words.end);
        let plain = words.clone().all(|i| !auxiliary(&c.lower(i)));
        let described = determined && head && closes && words.len() >= 3;
        if plain && (poll || described) {
            out.push((words, k));
        }
    }
    out
}

/// Nouns for opinion polls, whose findings are always credited to them.
pub(in crate::extract) fn poll_noun(w: &str) -> bool {
    matches!(w, "poll" | "polls" | "polling" | "survey" | "surveys")
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::sources;

    #[test]
    fn passive_agents_of_stance_verbs() {
        assert_eq!(
            sources("The levy was rejected by most county voters in May."),
            ["most county voters"]
        );
        // A building's builder is no source.
        assert!(sources("The bridge was built by Acme Steel in 1990.").is_empty());
    }

    #[test]
    fn agents_past_adverbs_and_after_nouns_of_speech() {
        assert_eq!(
            sources("The levy was derided most loudly by the harbor pilots."),
            ["the harbor pilots"]
        );
        assert_eq!(
            sources("The vote followed two speeches by the county auditor."),
            ["the county auditor"]
        );
        assert_eq!(
            sources("The levy is considered unfair by most harbor pilots."),
            ["most harbor pilots"]
        );
        assert_eq!(
            sources("The mayor is well liked by her neighbors."),
            ["her neighbors"]
        );
        // A complement before "by" does not make a builder a source either.
        assert!(sources("The bridge was built of steel by Acme Steel.").is_empty());
        assert_eq!(
            sources("The recount was requested on Friday by the harbor pilots."),
            ["the harbor pilots"]
        );
        assert_eq!(
            sources("The levy drew suggestions by the county auditor."),
            ["the county auditor"]
        );
        assert!(sources("The bridge was painted on Friday by Acme Steel.").is_empty());
        // Adverbs before "by" do not make a builder a source, nor an effort a statement.
        assert!(sources("The bridge was built mostly by Acme Steel.").is_empty());
        assert!(sources("Years of efforts by the council came to nothing.").is_empty());
        // A plural object between the verb and "by": the drills are the allies', and
        // Norland alone criticised.
        assert_eq!(
            sources("Norland criticised joint drills by Valdemar and its allies."),
            ["Norland"]
        );
    }

    #[test]
    fn givers_of_criticism_and_statements() {
        assert_eq!(
            sources("The plan drew sharp criticism from union leaders on Monday."),
            ["union leaders"]
        );
        let got = sources("Tom Ash won the endorsement of the Harbor Times.");
        assert!(got.iter().any(|s| s.contains("Harbor Times")), "{got:?}");
        // What is supported is no source.
        assert!(sources("The support of the bridge gave way.").is_empty());
        assert_eq!(
            sources("Ash has the full support of the harbor pilots."),
            ["the harbor pilots"]
        );
        assert_eq!(
            sources("The plan was, in the words of one aide, a mess."),
            ["one aide"]
        );
        assert_eq!(
            sources("The levy drew scorn from harbor pilots."),
            ["harbor pilots"]
        );
        assert_eq!(
            sources("The message resonated with younger voters."),
            ["younger voters"]
        );
        assert_eq!(
            sources("The mayor came under fire from harbor pilots."),
            ["harbor pilots"]
        );
    }

    #[test]
    fn holders_of_a_stance_after_among() {
        assert_eq!(
            sources("The levy has broad support among harbor pilots."),
            ["harbor pilots"]
        );
        assert_eq!(
            sources("Ash remains popular among older voters in the county."),
            ["older voters"]
        );
        assert_eq!(
            sources("There is growing anxiety among harbour donors."),
            ["harbour donors"]
        );
        // Membership is no stance.
        assert!(sources("Ash was among the first to arrive.").is_empty());
        assert!(sources("The bridge is among the oldest in the county.").is_empty());
    }

    #[test]
    fn with_phrases_before_a_reporting_verb() {
        assert_eq!(
            sources("The race tightened, with two county polls showing a tie."),
            ["two county polls"]
        );
        // "with" and a noun before another verb credit no one.
        assert!(sources("The race tightened, with two county polls closing early.").is_empty());
    }

    #[test]
    fn polls_a_finding_is_read_in() {
        let got = sources("In a new Northfield College poll, most voters backed the levy.");
        assert_eq!(got[0], "a new Northfield College poll");
        // A bare statement names nothing new, and a place is no poll.
        assert!(sources("In a statement, the plan was dropped.").is_empty());
        assert!(sources("In the old harbor town, rents rose.").is_empty());
        // Polls need neither an article nor a comma after them.
        assert_eq!(
            sources("Ash leads in national polls ahead of the vote."),
            ["national polls"]
        );
        assert!(sources("Ash leads in national races this year.").is_empty());
        assert!(sources("Ash waited in front of a polling place.").is_empty());
    }
}
