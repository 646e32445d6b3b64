//! From a speaker phrase to the name stored on a quote: a person's or organisation's
//! entity, the person a pronoun refers to, or the description as written.

use std::ops::Range;

use super::role::role;
use super::{Context, Span};
use crate::extract::discover::Spot;
use crate::extract::lexicon::{DESCRIBING_PREPOSITIONS, DETERMINERS, LEAD_PREPOSITIONS, is};
use crate::extract::reported::{number_word, poll_noun};
use crate::extract::speech::Clause;
use crate::extract::speech::{clause_shape, participle_phrase};
use crate::extract::text::is_acronym;
use crate::load::EntityKind;

/// Whether a speaker phrase is a share of people: "75 percent of voters", "Six in 10
/// Republicans", "22 percent".
fn share_of_people(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace().map(str::to_lowercase);
    let Some(first) = words.next() else {
        return false;
    };
    let number =
        |w: &str| (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())) || number_word(w);
    let second = words.next().unwrap_or_default();
    number(first.trim_end_matches('%'))
        && (first.ends_with('%')
            || second == "percent"
            || (second == "in" && words.next().is_some_and(|w| number(&w))))
}

/// What a speaker phrase resolved to.
pub(super) struct Speaker {
    pub(super) name: String,
    pub(super) entity: Option<String>,
    pub(super) role: Option<String>,
}

/// Whether a described speaker reads as a noun phrase ("one official", "the retired
/// judge"), not as the rest of a clause run on after the quotation ("is likely to be",
/// "citing a report", "among its members"): it opens with no auxiliary, participle nor
/// preposition.
fn noun_phrase_shape(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    let auxiliary = matches!(
        first,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "there"
            | "what"
            | "more"
            | "among"
    );
    let participle = first.len() > 4 && first.ends_with("ing");
    let mut words = phrase.split_whitespace().skip(1);
    let (second, third) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let passive = participle_phrase(first, second, third);
    // "his boss was": a clause cut at its verb.
    let last = phrase.split_whitespace().last().unwrap_or("");
    let cut = matches!(last, "is" | "are" | "was" | "were" | "has" | "had" | "have");
    let preposition = matches!(
        first,
        "against" | "without" | "through" | "toward" | "towards"
    );
    !auxiliary && !participle && !passive && !cut && !preposition && !is(first, LEAD_PREPOSITIONS)
}

/// Nouns for what someone said or wrote, which a possessive name owns: "Roe’s reply".
pub(super) fn is_utterance(noun: &str) -> bool {
    matches!(
        noun,
        "response"
            | "reply"
            | "answer"
            | "retort"
            | "statement"
            | "message"
            | "tweet"
            | "post"
            | "letter"
            | "email"
            | "e-mail"
            | "note"
            | "words"
            | "remarks"
            | "comment"
            | "comments"
            | "promise"
            | "pledge"
            | "vow"
            | "claim"
            | "warning"
            | "slogan"
            | "mantra"
            | "quip"
            | "boast"
            | "memo"
            | "speech"
            | "op-ed"
            | "column"
            | "essay"
            | "dictum"
            | "motto"
            | "maxim"
            | "credo"
            | "refrain"
            | "advice"
    )
}

impl Context<'_> {
    /// The poll a share of people answered in, named before the quotation in its sentence
    /// ("In a new Acme poll, 75 percent of voters said", "The Acme poll finds that 22
    /// percent say"), for `speaker`, a share.
    pub(super) fn polled_share(
        &self,
        speaker: Range<usize>,
        lead: Range<usize>,
    ) -> Option<Range<usize>> {
        if !share_of_people(self.doc.text.get(speaker.clone())?) {
            return None;
        }
        let c = Clause::new(self.doc, lead.start..speaker.start.min(lead.end));
        let poll = (0..c.toks.len()).rev().find(|&i| poll_noun(c.word(i)))?;
        let start = (poll.saturating_sub(8)..poll)
            .rev()
            .take_while(|&i| c.plain(i, i + 1))
            .find(|&i| c.is(i, DETERMINERS))?;
        Some(c.bytes(start..poll + 1))
    }

    /// Whether the words from `start` up to the name at `spot` are a noun for what was said
    /// and who it came from: "a statement from", "an email sent out by", "the fundraising
    /// letter signed by".
    fn utterance_by(&self, start: usize, spot: &Spot) -> bool {
        let words: Vec<&str> = self
            .doc
            .text
            .get(start..spot.start)
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let Some((by, lead)) = words.split_last() else {
            return false;
        };
        let Some(noun) = lead.iter().position(|w| is_utterance(w)) else {
            return false;
        };
        matches!(*by, "from" | "by")
            && matches!(lead[0], "a" | "an" | "the" | "A" | "An" | "The")
            && noun <= 3
            && lead.len() - noun <= 4
            && lead[1..].iter().all(|w| w.starts_with(char::is_lowercase))
            && self.table.entities[spot.entity].kind == EntityKind::Person
    }

    /// The owner of words quoted between a possessive name and a noun for what was said:
    /// "Roe’s “we will win” pledge" is Roe's; "Roe’s “rude” outburst" need not be.
    pub(super) fn owned_quotation(&self, span: &Span) -> Option<Range<usize>> {
        let noun = self.doc.text[span.after..]
            .split_whitespace()
            .next()?
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        if !is_utterance(noun) {
            return None;
        }
        let owner_end = self.doc.text[..span.open].trim_end().len();
        self.table
            .within(owner_end.saturating_sub(120)..owner_end)
            .find(|s| {
                s.full_end == owner_end
                    && s.full_end > s.end
                    && self.table.entities[s.entity].kind != EntityKind::Place
            })
            .map(|s| s.start..s.end)
    }

    /// Turns a speaker phrase into a name: an entity's canonical name when it names one,
    /// the person referred to for "he" or "she", else the description as written.
    pub(super) fn resolve(&self, range: Range<usize>, quote_at: usize) -> Option<Speaker> {
        // Words in quotation marks are a title or a quotation, no speaker: "“Harbor,”".
        let before = self
            .doc
            .text
            .get(..range.start)
            .unwrap_or_default()
            .trim_end();
        let after = self.doc.text.get(range.end..).unwrap_or_default();
        let closed = after
            .trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
            .starts_with(['”', '"']);
        if before.ends_with(['“', '"']) && closed {
            return None;
        }
        // "A source speaking to the Courier said": the one spoken to is not the speaker.
        let written = &self.doc.text[range.clone()];
        // At each space, rather than two substring searches: this runs for every quote.
        let spoken_to = written.match_indices(' ').map(|(i, _)| i).find(|&i| {
            let rest = &written[i + 1..];
            rest.starts_with("speaking ") || rest.starts_with("talking ")
        });
        let range = match spoken_to {
            Some(at) => range.start..range.start + at,
            None => range,
        };
        let spots: Vec<&Spot> = self.table.within(range.clone()).collect();
        let raw = &self.doc.text[range.clone()];
        let phrase_start = range.start + raw.len() - raw.trim_start().len();
        let phrase = raw.trim().trim_end_matches(|c: char| !c.is_alphanumeric());
        let phrase_end = phrase_start + phrase.len();
        let is_person = |s: &&&Spot| self.table.entities[s.entity].kind == EntityKind::Person;
        // "an aide to Biden", "Dana Reyes of The Ledger": past an article to the preposition.
        let after_preposition = |s: &&&Spot| {
            let mut before = self.doc.text[phrase_start..s.start]
                .split_whitespace()
                .rev();
            let word = match before.next() {
                Some("the" | "The" | "a" | "an") => before.next(),
                word => word,
            };
            word.is_some_and(|w| is(w, DESCRIBING_PREPOSITIONS))
        };
        let entity = |s: &Spot| self.table.entities[s.entity].name.clone();
        // "Roe and Ash", "Roe, Ash and Lee", "Acme and Harbex": those who speak together
        // are credited together, as written, with no one entity. The last two are joined
        // by "and": "Israel, Trump" after "On the subject of" is no list.
        let gap = |w: &[&Spot]| self.doc.text[w[0].full_end..w[1].start].trim();
        let joined = spots.len() >= 2
            && spots[0].start == phrase_start
            && spots[spots.len() - 1].full_end >= phrase_end
            && spots
                .windows(2)
                .all(|w| matches!(gap(w), "and" | "," | ", and" | "&"))
            && matches!(gap(&spots[spots.len() - 2..]), "and" | ", and" | "&");
        if joined {
            return Some(Speaker {
                name: phrase.to_string(),
                entity: None,
                role: None,
            });
        }
        let closing_person = spots
            .iter()
            .filter(is_person)
            .find(|s| s.end >= phrase_end && !after_preposition(s));
        // "The union leader, Tom Ash, said": a description with the person's name set beside
        // it. The speaker is the phrase as written; the name says whose it is.
        if closing_person.is_none()
            && phrase.chars().any(char::is_lowercase)
            && let Some(s) = self.table.apposed_name(&self.doc.text, phrase_end)
        {
            let name = self.table.entities[s.entity].name.clone();
            return Some(Speaker {
                name: self.doc.as_written(phrase_start..s.end).to_string(),
                entity: Some(name),
                role: role(phrase),
            });
        }
        // A person speaks when their name closes the phrase ("US President Joe Biden", "Roe
        // spokesman Tim Ng"), not when it sits inside a description ("an aide to Biden").
        if let Some(s) = closing_person {
            return Some(Speaker {
                name: entity(s),
                entity: Some(entity(s)),
                role: role(&self.doc.text[phrase_start..s.start]),
            });
        }
        // Past a person closing it, a phrase that reads as a clause names no one.
        if clause_shape(phrase) {
            return None;
        }
        let described = |name: String, entity: Option<String>| Speaker {
            name,
            entity,
            role: None,
        };
        // The words of the phrase after a name, when the phrase goes on past it.
        let after_name = |s: &Spot| self.doc.text.get(s.full_end..phrase_end).unwrap_or("");
        // "Roe’s response was: “…”", "Roe’s Facebook post:", "Roe’s reply to the crowd":
        // what a person wrote or said, credited to the person.
        let owned_utterance = |rest: &str| {
            let words: Vec<&str> = rest.split_whitespace().collect();
            words.first().is_some_and(|w| is_utterance(w))
                || words.len() <= 3 && words.last().is_some_and(|w| is_utterance(w))
        };
        if let Some(s) = spots
            .iter()
            .find(|s| s.start == phrase_start && s.full_end > s.end)
            && owned_utterance(after_name(s))
        {
            return Some(described(entity(s), Some(entity(s))));
        }
        // "A statement from Roe", "an email sent out by Roe on Tuesday": what a person
        // said or wrote, kept as written and linked to them.
        if let Some(s) = spots.iter().find(|s| self.utterance_by(phrase_start, s)) {
            return Some(described(phrase.to_string(), Some(entity(s))));
        }
        // "Dana Reyes of The Ledger", "Tom Ash from the mayor’s office", "Bishop Tom Ash of
        // the Diocese of Dover": a person named first, then placed.
        if let Some(s) = self
            .table
            .placed_person(&self.doc.text, phrase_start..phrase_end)
        {
            return Some(Speaker {
                role: role(&self.doc.text[phrase_start..s.start]),
                ..described(entity(s), Some(entity(s)))
            });
        }
        // A name no entity covers closes the phrase: keep the phrase, the name heads it.
        let last_word = phrase.rsplit(char::is_whitespace).next().unwrap_or("");
        let unnamed_tail = last_word.starts_with(char::is_uppercase)
            && spots.iter().all(|s| s.end < phrase_end)
            && phrase
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase));
        if let Some(s) = spots.iter().filter(is_person).find(|s| {
            s.start == phrase_start
                && s.full_end == s.end
                && !unnamed_tail
                && s.end + 1 >= phrase_end
        }) {
            return Some(described(entity(s), Some(entity(s))));
        }
        if let Some(s) = spots
            .iter()
            .find(|s| !is_person(s))
            .filter(|_| !unnamed_tail)
        {
            // "Hezbollah said" is Hezbollah; "a spokesperson for the White House" is a
            // description linked to the White House.
            let bare = phrase.strip_prefix("the ").unwrap_or(phrase);
            let surface = &self.doc.text[s.start..s.end];
            // "the FBI" stays as written: the article chose the short form.
            let named = bare == surface || bare == &self.doc.text[s.start..s.full_end];
            let name = if named && !is_acronym(surface) {
                entity(s)
            } else {
                phrase.to_string()
            };
            return Some(described(name, Some(entity(s))));
        }
        if !spots.is_empty() || unnamed_tail {
            // A description that only mentions a person ("an aide to Biden") is kept as
            // written and linked to no one, when it reads as one.
            return noun_phrase_shape(phrase).then(|| described(phrase.to_string(), None));
        }
        match phrase.to_lowercase().as_str() {
            "he" | "she" => {
                let name = self.salience.resolve(self.table, quote_at, phrase)?;
                Some(described(phrase.to_string(), Some(name)))
            }
            "" | "it" | "they" | "we" | "i" | "you" | "who" | "this" | "that" => None,
            _ if !noun_phrase_shape(phrase) => None,
            _ => Some(described(phrase.to_string(), None)),
        }
    }
}
