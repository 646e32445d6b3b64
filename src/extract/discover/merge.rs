//! Candidates folded into entities: surnames and acronyms into the names they shorten,
//! common words dropped, kinds voted.

use super::*;

impl<'a> Discoverer<'a> {
    pub(super) fn register(
        &mut self,
        name: Cow<'a, str>,
        world_id: Option<usize>,
        cue: Votes,
        fallback: Votes,
        mid: bool,
        (start, end, full_end): (usize, usize, usize),
    ) -> usize {
        let id = match self.index.get(name.as_ref()) {
            Some(&id) => id,
            None => {
                self.cands.push(Cand {
                    name: name.clone(),
                    words: name.split_whitespace().count(),
                    world: world_id,
                    cue: [0; 4],
                    fallback: [0; 4],
                    mid: false,
                    into: None,
                    short_form: ShortForm::No,
                    mentions: 0,
                    title_parts: 0,
                });
                self.index.insert(name, self.cands.len() - 1);
                self.cands.len() - 1
            }
        };
        let c = &mut self.cands[id];
        for i in 0..4 {
            c.cue[i] += cue[i];
            // A guess from shape is the same guess each time: it does not add up.
            c.fallback[i] = c.fallback[i].max(fallback[i]);
        }
        c.mid |= mid;
        c.mentions += 1;
        self.spots.push(Spot {
            start,
            end,
            full_end,
            entity: id,
        });
        id
    }

    pub(super) fn root(&self, mut i: usize) -> usize {
        while let Some(next) = self.cands[i].into {
            i = next;
        }
        i
    }

    pub(super) fn merge(&mut self, from: usize, to: usize) {
        self.merge_votes(from, to, Carry::All);
    }

    /// Folds `from` into `to`, which takes the votes `carry` says.
    pub(super) fn merge_votes(&mut self, from: usize, to: usize, carry: Carry) {
        let (from, to) = (self.root(from), self.root(to));
        if from == to {
            return;
        }
        let (cue, fallback, mid) = {
            let f = &self.cands[from];
            (f.cue, f.fallback, f.mid)
        };
        let t = &mut self.cands[to];
        for i in 0..4 {
            let take = match carry {
                Carry::All => true,
                Carry::Nothing => false,
                Carry::Person => i == slot(Person),
            };
            if take {
                t.cue[i] += cue[i];
                t.fallback[i] += fallback[i];
            }
        }
        t.mid |= mid;
        self.cands[from].into = Some(to);
    }

    /// (capitals, name) of each name written in capitals that the article also writes in
    /// lower case: "OAKTON" in a dateline is the "Oakton" of the story, "CLINTON:" in a
    /// transcript its Clinton. One word in capitals is so only when read as a place or as
    /// the same kind: "the NICE ruling" or "an AMBER alert" is an acronym beside the city
    /// of Nice or Amber Ortiz.
    fn capitals_of_other_names(&self) -> Vec<(usize, usize)> {
        let kind = |c: &Cand| KindVotes(c.votes()).winner();
        let written: FxHashMap<String, usize> = self
            .cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.name.chars().any(char::is_lowercase))
            .map(|(i, c)| (c.name.to_lowercase(), i))
            .collect();
        self.cands
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.name.chars().any(char::is_lowercase))
            .filter_map(|(i, c)| {
                let t = *written.get(&c.name.to_lowercase())?;
                let same = c.words > 1 || kind(c) == Place || kind(c) == kind(&self.cands[t]);
                same.then_some((i, t))
            })
            .collect()
    }

    /// Folds acronyms, surnames and short company names into the full names they stand
    /// for, drops weak candidates, and numbers what is left.
    pub(super) fn finish(mut self, gazetteer: &Gazetteer) -> Discovered {
        let count = self.cands.len();
        let mut signature = None;
        for i in self.common_words_are_no_name(&mut signature) {
            self.cands[i].fallback = [0, WEAK, 0, 0];
        }
        self.kind_from_lists();
        // "Donald J. Trump" and "Donald Trump" are one person: a name with initials or a
        // suffix folds into the same name without them, when the article has it; so does
        // a person's name with a middle name ("Dana Maria Reyes") into the given name and
        // surname alone, when both read as a person's.
        let mut variants: Vec<(usize, usize)> = self.capitals_of_other_names();
        for (m, c) in self.cands.iter().enumerate().filter(|(_, c)| c.words >= 3) {
            let plain = without_initials(&c.name);
            if plain.split(' ').count() >= 2
                && plain != c.name
                && let Some(&t) = self.index.get(plain.as_str())
            {
                variants.push((m, t));
            } else if let Some(t) = self.without_middle_name(c) {
                variants.push((m, t));
            }
        }
        for (from, to) in variants {
            self.merge(from, to);
        }
        for (from, to) in self.compound_surnames() {
            self.merge(from, to);
        }
        for (from, to) in self.own_namesakes() {
            self.merge(from, to);
        }
        // Where a one-word name may point, from the longer names: by last word and first
        // word (people), first word (companies with a suffix), and initials.
        let mut by_last: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_first: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_company: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_trade: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_org_last: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_initials: FxHashMap<String, usize> = FxHashMap::default();
        let acronyms = self
            .cands
            .iter()
            .any(|c| c.single_acronym() && c.world.is_none());
        for (m, c) in self.cands.iter().enumerate().filter(|(_, c)| c.words >= 2) {
            let first = c.name.split(' ').next().unwrap_or("");
            // "Alito" is Samuel A. Alito Jr.: the surname comes before a suffix.
            let last = c.name.rsplit(' ').find(|w| !is_suffix(w)).unwrap_or("");
            match KindVotes(c.votes()).winner() {
                Person => {
                    by_last.entry(last).or_insert(m);
                    // "Assad" is Bashar al-Assad.
                    if let Some(bare) = without_arabic_prefix(last) {
                        by_last.entry(bare).or_insert(m);
                    }
                    by_first.entry(first).or_insert(m);
                }
                Organization => {
                    if is(last, CORP_SUFFIX) {
                        by_company.entry(first).or_insert(m);
                    } else if is(last, TRADE_SUFFIX) {
                        by_trade.entry(first).or_insert(m);
                    }
                    by_org_last.entry(last).or_insert(m);
                }
                _ => {}
            }
            if acronyms {
                by_initials.entry(initials(&c.name)).or_insert(m);
            }
        }
        let merges: Vec<(usize, usize, Carry)> = (0..count)
            .filter(|&s| self.cands[s].words == 1)
            .filter_map(|s| {
                let c = &self.cands[s];
                let name = c.name.as_ref();
                let target = if c.short_form == ShortForm::Organisation {
                    by_org_last.get(name)
                } else if c.short_form == ShortForm::Surname {
                    by_last.get(name)
                } else if c.single_acronym() && c.world.is_none() {
                    // "REYES" is DANA REYES in a transcript, else an acronym.
                    by_last
                        .get(name)
                        .or_else(|| by_initials.get(name.replace('.', "").as_str()))
                } else {
                    // "Biden" is Joe Biden; "Tedros" is Tedros Adhanom Ghebreyesus;
                    // "Activision" is Activision Blizzard Inc.
                    let by_start = || {
                        // A country is not a first name ("Georgia" in "Georgia Power"), and
                        // a word its own context reads as a place is not a firm's first
                        // word ("based in Oakton" beside "Oakton Steel AG").
                        // Without its trade, only where it reads as a firm: "Veltra
                        // shares", not "Oakton voters" beside Oakton Energy.
                        let traded = || {
                            by_trade.get(name).filter(|_| {
                                c.cue[slot(Organization)] > 0
                                    && c.cue[slot(Place)] == 0
                                    && c.cue[slot(Person)] == 0
                            })
                        };
                        let firm = || by_company.get(name).filter(|_| !c.placed()).or_else(traded);
                        c.world
                            .is_none()
                            .then(|| by_first.get(name).or_else(firm))
                            .flatten()
                    };
                    by_last.get(name).or_else(by_start)
                };
                target.map(|&t| {
                    // "Bloomberg" in an article about Michael Bloomberg is the person, and
                    // the company's built-in kind is no vote for him; "the Reyes team" and
                    // "Reyes reported" are no company when Reyes is the surname of a Dana
                    // Reyes with some evidence of a person beyond the shape of her name.
                    let carry = if c.world.is_some_and(|w| world().entries[w].kind != Person) {
                        Carry::Nothing
                    } else if self.cands[t].cue[slot(Person)] > 0
                        && KindVotes(self.cands[t].votes()).winner() == Person
                    {
                        Carry::Person
                    } else {
                        Carry::All
                    };
                    (s, t, carry)
                })
            })
            .collect();
        for (s, t, carry) in merges {
            self.merge_votes(s, t, carry);
        }
        let mut keep: Vec<Option<usize>> = vec![None; count];
        let mut entities = Vec::new();
        for (slot, c) in keep.iter_mut().zip(&self.cands) {
            if c.into.is_some() {
                continue;
            }
            let evidence: u32 = c.cue.iter().sum();
            let short = c.name.chars().count() <= 2;
            let common = |sig: &mut Option<Signature>| {
                let sig = sig.get_or_insert_with(|| self.lowercase_signature());
                self.common_word(&c.name, sig)
            };
            let one_word = c.words == 1 && c.world.is_none();
            let weak = one_word && evidence <= WEAK;
            // "Family members said": a word that opens sentences only and is written in
            // lowercase elsewhere in the article is that word, whatever follows it.
            let opener_only = one_word && !c.mid && evidence < STRONG;
            if c.short_form != ShortForm::No
                || (evidence == 0 && short)
                || (!c.mid && evidence <= WEAK)
                || (weak && c.title_parts == c.mentions)
                || ((weak || opener_only) && common(&mut signature))
                // "Ironically, the one who…": an adverb before a comma reads like a name
                // before its description.
                || (opener_only && is_adverb(&c.name))
            {
                continue;
            }
            *slot = Some(entities.len());
            entities.push(Found {
                name: c.name.to_string(),
                votes: KindVotes(c.votes()),
                known: c.world.and_then(|w| gazetteer.world_entry(w)),
            });
        }
        let spots = self
            .spots
            .iter()
            .filter_map(|s| keep[self.root(s.entity)].map(|entity| Spot { entity, ..*s }))
            .collect();
        Discovered { entities, spots }
    }

    /// Built-in people named only by their surname (no mention of theirs, or of a name
    /// folded into theirs, written in full) where the article gives someone else of that
    /// surname in full: "Obama" after "Teodora Obama", "Nixon" after "Gov. Mara
    /// Nixon", with "Barack Obama" or "Richard Nixon" never written out, is the article's
    /// own person. Each as (built-in candidate, the article's person).
    fn own_namesakes(&self) -> Vec<(usize, usize)> {
        let world = world();
        let bare: Vec<usize> = (0..self.cands.len())
            .filter(|&i| {
                let c = &self.cands[i];
                c.into.is_none() && c.world.is_some_and(|w| world.entries[w].kind == Person)
            })
            .filter(|&i| {
                !self.spots.iter().any(|s| {
                    self.root(s.entity) == i
                        && self.text[s.start..s.end].contains(char::is_whitespace)
                })
            })
            .collect();
        bare.into_iter()
            .filter_map(|i| {
                let surname = self.cands[i].name.rsplit(' ').next()?;
                let own = (0..self.cands.len()).find(|&t| {
                    let c = &self.cands[t];
                    t != i
                        && c.into.is_none()
                        && c.world.is_none()
                        && c.words >= 2
                        && c.name.rsplit(' ').next() == Some(surname)
                        && KindVotes(c.votes()).winner() == Person
                })?;
                Some((i, own))
            })
            .collect()
    }

    /// The candidate naming the same person as `c` without its middle names: "Dana
    /// Reyes" for "Dana Maria Reyes", when both are voted people.
    fn without_middle_name(&self, c: &Cand) -> Option<usize> {
        let person = |c: &Cand| KindVotes(c.votes()).winner() == Person;
        let words: Vec<&str> = c.name.split(' ').collect();
        let (first, last) = (words.first()?, words.last()?);
        if words.len() > 4 || !person(c) || is_suffix(last) {
            return None;
        }
        let short = format!("{first} {last}");
        let &t = self.index.get(short.as_str())?;
        person(&self.cands[t]).then_some(t)
    }

    /// (surnames, full name) of each person named by two surnames alone that one longer
    /// person's name in the article ends with: "García López" is "María José García
    /// López". Not from a given name on ("Maria Reyes" may be another Reyes), nor a word
    /// that opens another person's name in the article.
    fn compound_surnames(&self) -> Vec<(usize, usize)> {
        let person = |c: &Cand| KindVotes(c.votes()).winner() == Person;
        let people: Vec<(usize, &Cand)> = self
            .cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.words >= 2 && person(c))
            .collect();
        let mut out = Vec::new();
        for &(s, short) in people.iter().filter(|(_, c)| c.words == 2) {
            let first = short.name.split(' ').next().unwrap_or_default();
            let opened_elsewhere = people
                .iter()
                .any(|&(t, c)| t != s && c.name.split(' ').next() == Some(first));
            if is(first, GIVEN_NAMES) || opened_elsewhere {
                continue;
            }
            let tail = format!(" {}", short.name);
            let mut longer: Vec<usize> = people
                .iter()
                .filter(|(_, c)| c.words > 2 && c.name.ends_with(&tail))
                .map(|&(t, _)| self.root(t))
                .collect();
            longer.sort_unstable();
            longer.dedup();
            if let [t] = longer[..] {
                out.push((s, t));
            }
        }
        out
    }

    /// "Great Recession", "Daily Beast": words shaped like a person's name, one of which
    /// the article also writes in lowercase as an ordinary word, are no person's name; the
    /// guess from shape turns to an organisation.
    fn common_words_are_no_name(&self, signature: &mut Option<Signature>) -> Vec<usize> {
        let person_guess = [WEAK, 0, 0, 0];
        let mut out = Vec::new();
        for (i, c) in self.cands.iter().enumerate() {
            if c.words < 2 || c.world.is_some() || c.fallback != person_guess {
                continue;
            }
            let common = c.name.split(' ').any(|w| {
                !is(w, PARTICLES) && !is_initials(w) && {
                    let sig = signature.get_or_insert_with(|| self.lowercase_signature());
                    self.common_word(w, sig)
                }
            });
            if common {
                out.push(i);
            }
        }
        out
    }

    /// Names listed together ("Kraft and Heinz", "Hitler and Mussolini") are mostly of one
    /// kind: a name with no evidence but its shape takes the kind of a partner with some,
    /// or, for a word alone, of a partner that is a given name alone.
    fn kind_from_lists(&mut self) {
        // In text order, so a kind passes along a list: "Adam, Tavi and Orsola".
        for k in 0..self.pairs.len() {
            let (x, y) = self.pairs[k];
            for (from, to) in [(x, y), (y, x)] {
                let (f, t) = (&self.cands[from], &self.cands[to]);
                let evidence = |c: &Cand| c.cue.iter().sum::<u32>();
                // "Adam, Salma and Aliya": a given name alone is a person's.
                let given = || {
                    f.words == 1 && t.words == 1 && f.world.is_none() && is(&f.name, GIVEN_NAMES)
                };
                if t.world.is_some() || evidence(t) > 0 || (evidence(f) < CUE && !given()) {
                    continue;
                }
                let kind = KindVotes(f.votes()).winner();
                if kind != Other {
                    self.cands[to].cue[slot(kind)] += CUE;
                }
            }
        }
    }

    /// Whether the article also uses `word` in lowercase, as an ordinary word.
    fn common_word(&self, word: &str, signature: &Signature) -> bool {
        let lower = word.to_lowercase();
        if lower == word || !signature.has(lower.as_bytes()) {
            return false;
        }
        self.doc.tokens.iter().any(|t| {
            t.end - t.start == lower.len()
                && self.text.as_bytes()[t.start] == lower.as_bytes()[0]
                && self.text[t.start..t.end] == lower
        })
    }
}

/// Which votes of a short form folded into a full name the full name takes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Carry {
    All,
    Nothing,
    /// Only the person's: folded into a person's name, a surname is the person.
    Person,
}

/// A 4096-bit summary of the article's lowercase words, so checking whether a name is
/// also an ordinary word rarely needs a scan.
struct Signature([u64; 64]);

impl Signature {
    fn slot(word: &[u8]) -> usize {
        let (first, last) = (word.first().copied(), word.last().copied());
        let mixed = word.len() * 131
            + usize::from(first.unwrap_or(0)) * 31
            + usize::from(last.unwrap_or(0));
        mixed & 4095
    }

    fn has(&self, word: &[u8]) -> bool {
        let slot = Signature::slot(word);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

impl Discoverer<'_> {
    fn lowercase_signature(&self) -> Signature {
        let mut bits = [0u64; 64];
        for t in &self.doc.tokens {
            let word = &self.text.as_bytes()[t.start..t.end];
            let lower = match word.first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => self.text[t.start..t.end].starts_with(char::is_lowercase),
            };
            if lower {
                let slot = Signature::slot(word);
                bits[slot / 64] |= 1 << (slot % 64);
            }
        }
        Signature(bits)
    }
}

/// The capital initials of a name: "European Central Bank" gives "ECB".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// A person's name without middle initials or a generational suffix: "George H.W. Bush"
/// gives "George Bush", "Dana Q. Reyes Jr." gives "Dana Reyes".
fn without_initials(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let middle = i > 0 && i < last && is_initials(w);
            let suffix = i == last && i > 1 && is_suffix(w);
            !middle && !suffix
        })
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A generational suffix after a surname: "Jr.", "III".
pub(super) fn is_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV")
}
