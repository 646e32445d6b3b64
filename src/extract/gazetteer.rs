//! Gazetteer matching: every name and alias in one aho-corasick automaton, built once per
//! build. Matches are case-sensitive, on word boundaries, longest first, possessives
//! included, and never in link text, URLs or code.

use std::cmp::Reverse;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap;

use super::lexicon::world;
use super::text::Doc;
use super::{Gazetteer, GazetteerEntry};
use crate::load::EntityKind;

/// Total bytes of names up to which matching uses a DFA (a few MB at most).
const DFA_MAX_BYTES: usize = 32 * 1024;

/// What a pattern in the automaton stands for.
#[derive(Debug, Clone)]
enum Target {
    /// A name or alias of one entry.
    Name(usize),
    /// The last word of a person's name ("Biden"): counts only in an article that also
    /// names one of these people in full.
    Surname(Vec<usize>),
}

/// The compiled form of the gazetteer.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
    /// Lowercased names and aliases, for front matter `entities:`.
    by_lower: FxHashMap<String, usize>,
    /// Built-in world entries the gazetteer also defines (by any shared name or alias).
    world_to_entry: FxHashMap<usize, usize>,
}

/// A gazetteer match in the article's plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// End including a possessive `’s`.
    pub full_end: usize,
    pub entry: usize,
}

/// The other spelling of a name's apostrophes, since Markdown smart punctuation turns
/// `'` into `’`.
fn apostrophe_variant(name: &str) -> Option<String> {
    if name.contains('\'') {
        Some(name.replace('\'', "’"))
    } else if name.contains('’') {
        Some(name.replace('’', "'"))
    } else {
        None
    }
}

impl Matcher {
    /// The matcher of `entries`, or why it cannot be built (a gazetteer past the
    /// automaton's size limits), which must not silently turn entity matching off.
    pub fn new(entries: &[GazetteerEntry]) -> Result<Matcher, String> {
        let mut surfaces: FxHashMap<String, usize> = FxHashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                for form in std::iter::once(name.to_string()).chain(apostrophe_variant(name)) {
                    if !surfaces.contains_key(&form) {
                        surfaces.insert(form.clone(), i);
                        order.push(form);
                    }
                }
            }
        }
        let mut surnames: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let Some(last) = words.last().filter(|_| words.len() >= 2) else {
                continue;
            };
            let last = last.trim_end_matches(['.', ',']);
            if last.chars().count() < 3
                || !last.starts_with(char::is_uppercase)
                || surfaces.contains_key(last)
            {
                continue;
            }
            match surnames.iter_mut().find(|(s, _)| s == last) {
                Some((_, ids)) => ids.push(i),
                None => surnames.push((last.to_string(), vec![i])),
            }
        }
        let mut targets: Vec<Target> = order.iter().map(|s| Target::Name(surfaces[s])).collect();
        let mut patterns = order;
        for (surname, ids) in surnames {
            patterns.push(surname);
            targets.push(Target::Surname(ids));
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            // A DFA searches about twice as fast as the default NFA but takes memory in
            // proportion to the names' total length, so only a gazetteer of modest size gets one.
            let bytes: usize = patterns.iter().map(String::len).sum();
            let kind = (bytes <= DFA_MAX_BYTES).then_some(AhoCorasickKind::DFA);
            Some(AhoCorasick::builder().kind(kind).build(&patterns).map_err(|e| {
                format!(
                    "the gazetteer's {} names and aliases cannot be compiled for matching: {e}",
                    patterns.len()
                )
            })?)
        };
        let by_lower = surfaces
            .iter()
            .map(|(s, &i)| (s.to_lowercase(), i))
            .collect();
        let w = world();
        let mut world_to_entry = FxHashMap::default();
        for (id, entry) in w.entries.iter().enumerate() {
            if let Some(&i) = entry.surfaces.iter().find_map(|s| surfaces.get(*s)) {
                world_to_entry.insert(id, i);
            }
        }
        Ok(Matcher {
            automaton,
            targets,
            by_lower,
            world_to_entry,
        })
    }
}

impl Gazetteer {
    /// The entry a front matter name refers to, by name or alias, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let matcher = self.matcher.as_ref()?;
        matcher.by_lower.get(&name.trim().to_lowercase()).copied()
    }

    /// The entry that defines a built-in world name, if the site's gazetteer has it.
    pub(super) fn world_entry(&self, world_id: usize) -> Option<usize> {
        self.matcher
            .as_ref()?
            .world_to_entry
            .get(&world_id)
            .copied()
    }

    /// Every gazetteer mention in the article, left to right, longest first.
    pub(super) fn find(&self, doc: &Doc) -> Vec<Hit> {
        let Some(m) = self.matcher.as_ref() else {
            return Vec::new();
        };
        let Some(ac) = m.automaton.as_ref() else {
            return Vec::new();
        };
        let text = doc.text.as_str();
        let mut found: Vec<(usize, usize, usize, usize)> = ac
            .find_overlapping_iter(text)
            .filter_map(|mt| {
                let (start, end) = (mt.start(), mt.end());
                if !starts_word(text, start) || doc.is_excluded(start..end) {
                    return None;
                }
                let full_end = ends_word(text, end)?;
                Some((start, end, full_end, mt.pattern().as_usize()))
            })
            .collect();
        found.sort_by_key(|&(start, end, _, _)| (start, Reverse(end)));
        let mut chosen: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(found.len());
        let mut taken_to = 0;
        for f in found {
            if f.0 >= taken_to {
                taken_to = f.1;
                chosen.push(f);
            }
        }
        let named: Vec<(usize, usize)> = chosen
            .iter()
            .filter_map(|&(start, _, _, p)| match m.targets[p] {
                Target::Name(entry) => Some((start, entry)),
                Target::Surname(_) => None,
            })
            .collect();
        chosen
            .into_iter()
            .filter_map(|(start, end, full_end, p)| {
                let entry = match &m.targets[p] {
                    Target::Name(entry) => *entry,
                    Target::Surname(ids) => surname_owner(ids, &named, start)?,
                };
                Some(Hit {
                    start,
                    end,
                    full_end,
                    entry,
                })
            })
            .collect()
    }
}

/// Which of the people sharing a surname it refers to: the one last named in full before
/// it, else the first named in full anywhere, else nobody.
fn surname_owner(ids: &[usize], named: &[(usize, usize)], at: usize) -> Option<usize> {
    let mentioned = || named.iter().filter(|(_, e)| ids.contains(e));
    mentioned()
        .rev()
        .find(|(pos, _)| *pos < at)
        .or_else(|| mentioned().next())
        .map(|&(_, e)| e)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether a name may start at `at`: not inside a word, nor after a word and an apostrophe
/// ("O’Neill" does not contain "Neill").
pub(super) fn starts_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_apostrophe(c) => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// Where a name ending at `at` really ends, with a possessive `’s` or `s’`; `None` when it
/// ends inside a word.
pub(super) fn ends_word(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let mut chars = rest.chars();
    match chars.next() {
        None => Some(at),
        Some(c) if c.is_alphanumeric() => None,
        Some(c) if is_apostrophe(c) => {
            let after = &rest[c.len_utf8()..];
            let follows_word = |s: &str| s.starts_with(char::is_alphanumeric);
            if after.starts_with('s') && !follows_word(&after[1..]) {
                Some(at + c.len_utf8() + 1)
            } else if follows_word(after) {
                None
            } else if text[..at].ends_with('s') {
                Some(at + c.len_utf8())
            } else {
                Some(at)
            }
        }
        Some('.') if chars.next().is_some_and(char::is_alphanumeric) => None,
        Some(_) => Some(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Gazetteer;
    use crate::extract::tests::def;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(&[
            def("Hezbollah", EntityKind::Organization, &[]),
            def("Israel", EntityKind::Place, &[]),
            def("New York", EntityKind::Place, &[]),
            def(
                "The New York Times",
                EntityKind::Organization,
                &["New York Times"],
            ),
            def("United States", EntityKind::Place, &["US"]),
            def("Joe Biden", EntityKind::Person, &[]),
            def("Côte d'Ivoire", EntityKind::Place, &[]),
        ])
    }

    fn found(markdown: &str) -> Vec<(String, String)> {
        let g = gazetteer();
        let doc = Doc::new(markdown);
        g.find(&doc)
            .into_iter()
            .map(|h| {
                (
                    g.entries[h.entry].name.clone(),
                    doc.text[h.start..h.full_end].to_string(),
                )
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn possessives_both_apostrophes() {
        assert_eq!(
            found("Hezbollah’s fighters and Israel's army."),
            pairs(&[("Hezbollah", "Hezbollah’s"), ("Israel", "Israel’s")])
        );
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(
            found("The New York Times reported from New York. A New York Timesheet."),
            pairs(&[
                ("The New York Times", "The New York Times"),
                ("New York", "New York"),
                ("New York", "New York")
            ])
        );
    }

    #[test]
    fn word_boundaries_and_case() {
        assert_eq!(
            found("Israeli troops, USB sticks and us, but the US-led talks."),
            pairs(&[("United States", "US")])
        );
    }

    #[test]
    fn never_in_code_links_or_urls() {
        assert_eq!(
            found(
                "`Israel` and [Hezbollah](https://hezbollah.example/Israel) \
                 at https://example.org/Israel\n\n```\nIsrael\n```\n\nbut Israel here."
            ),
            pairs(&[("Israel", "Israel")])
        );
    }

    #[test]
    fn heading_ids_are_not_text_but_heading_words_are() {
        assert_eq!(
            found("## Talks {#israel-hezbollah}\n\n## Israel talks\n"),
            pairs(&[("Israel", "Israel")])
        );
    }

    #[test]
    fn surnames_count_only_after_a_full_name() {
        assert!(found("Biden spoke.").is_empty());
        assert_eq!(
            found("Joe Biden spoke. Later Biden’s aides left."),
            pairs(&[("Joe Biden", "Joe Biden"), ("Joe Biden", "Biden’s")])
        );
    }

    #[test]
    fn straight_apostrophes_in_names_match_curly_text() {
        assert_eq!(
            found("Talks in Côte d'Ivoire."),
            pairs(&[("Côte d'Ivoire", "Côte d’Ivoire")])
        );
        assert_eq!(gazetteer().lookup("côte d’ivoire"), Some(6));
    }
}
