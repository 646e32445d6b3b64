//! Reading a sentence: its words, quoted titles, and the runs of capitalised words that
//! may be names, split at titles.

use super::phrase::is_agent_noun;
use super::*;

/// Small words that, capitalised inside a run of capitals, make it a headline: no name
/// has them written so.
const HEADLINE_WORDS: [&str; 29] = [
    "On", "In", "To", "For", "With", "At", "From", "By", "Is", "Are", "Was", "Were", "As", "Into",
    "After", "Over", "About", "Why", "How", "What", "Not", "Can", "Will", "Has", "Have", "Says",
    "The", "Than", "Within",
];

/// Words before a month that make it the month: "in May", "the June primary", "last
/// April".
const DATING_WORDS: [&str; 27] = [
    "in",
    "on",
    "of",
    "by",
    "since",
    "until",
    "till",
    "through",
    "from",
    "to",
    "before",
    "after",
    "during",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "the",
    "a",
    "around",
    "throughout",
];

/// First syllables of a hyphenated word that make it no Korean given name: Arabic articles
/// ("Bab al-Hawa") and prefixes ("Food Co-op", "Ex-Im").
const NOT_GIVEN_SYLLABLES: [&str; 13] = [
    "al", "el", "ad", "as", "ar", "az", "ul", "co", "ex", "de", "du", "la", "le",
];

/// Whether the text between two words ends a sentence the sentence splitter kept whole:
/// a dateline's dash ("OAKTON - Four days later") or an ellipsis run into the next word
/// ("…Then").
fn sentence_break(gap: &str) -> bool {
    gap.ends_with(" -") || gap.ends_with(" --") || gap.ends_with("….") || gap.ends_with("...")
}

impl<'a> Discoverer<'a> {
    pub(super) fn sentence(&mut self, range: std::ops::Range<usize>) {
        let doc = self.doc;
        self.toks.clear();
        self.last_name = None;
        let mut prev_end = range.start;
        let mut any_cap = false;
        for t in doc.tokens_in(range.clone()) {
            let first = self.text.as_bytes()[t.start];
            let plain_lower =
                first.is_ascii_lowercase() && !self.text.as_bytes()[t.start..t.end].contains(&b'-');
            if plain_lower {
                // Most words: lowercase, not part of any name.
                self.toks.push(Tok::plain(*t));
            } else {
                let whole_gap = &self.text[prev_end.min(t.start)..t.start];
                let gap = whole_gap.trim_end();
                let initial = self.toks.is_empty()
                    // A word opening a line ("Council Hall" after a hard break).
                    || whole_gap.contains('\n')
                    || gap.ends_with([
                        '“', '"', '‘', '\'', '(', '[', ']', ':', '—', '–', ';', '…', '~',
                        '\u{FFFC}', '\u{FEFF}',
                    ])
                    || sentence_break(gap)
                    // "rose.The": a sentence whose space was lost, also after a quotation
                    // ("“We will win!”After the speech").
                    || self.text.get(prev_end..t.start) == Some(".")
                    || whole_gap
                        .strip_suffix(['”', '"'])
                        .is_some_and(|g| g.ends_with(['.', '!', '?']));
                self.push_token(*t, initial);
                any_cap |= self.toks.last().is_some_and(|t| t.cap);
            }
            prev_end = t.full_end;
        }
        if any_cap {
            self.quoted_titles(range);
            self.runs();
        }
    }

    pub(super) fn push_token(&mut self, t: Token, initial: bool) {
        let word = &self.text[t.start..t.end];
        let blocked = self.blocked(t.start, t.full_end);
        let mut tok = Tok {
            initial,
            ..Tok::plain(t)
        };
        let handle = t.start > 0 && matches!(self.text.as_bytes()[t.start - 1], b'@' | b'#');
        if blocked || is_party_tag(word) || self.state_tag(t) || is_plural_acronym(word) || handle {
            self.push_tok(tok);
            return;
        }
        if word.bytes().any(|b| b == b'-' || b == 0xE2) && word.contains(['-', '‐']) {
            // Parts between hyphens, as byte ranges of the word (a hyphen may be '‐').
            let mut parts: Vec<(usize, usize)> = Vec::new();
            let mut from = 0;
            for (i, c) in word.char_indices().filter(|&(_, c)| c == '-' || c == '‐') {
                parts.push((from, i));
                from = i + c.len_utf8();
            }
            parts.push((from, word.len()));
            let part = |k: usize| &word[parts[k].0..parts[k].1];
            let last = part(parts.len() - 1);
            if starts_upper(word) && is(last, RELATION_SUFFIXES) && parts.len() > 1 {
                tok.end = t.start + parts[parts.len() - 2].1;
                tok.full_end = tok.end;
                tok.cap = true;
                tok.solo = true;
                if matches!(last, "based" | "born" | "headquartered" | "registered") {
                    tok.cue = Some(Place);
                }
                self.push_tok(tok);
                return;
            }
            if !starts_upper(part(0)) && is(part(0), NAME_PREFIXES) && starts_upper(part(1)) {
                tok.start = t.start + parts[1].0;
                // "anti-Semitic", "anti-Semitism": an adjective or a doctrine, not a name.
                tok.cap = world().lookup(part(1)).is_some()
                    || !(part(1).ends_with("ic") || part(1).ends_with("ism"));
                tok.solo = true;
                self.push_tok(tok);
                return;
            }
            if self.korean_given_name(&parts, word, t.start) {
                // "Park Ji-hoon": the given name says the whole is a person's, though the
                // family name is also a word of places; not "Bab al-Hawa" nor "Food Co-op".
                let first = part(0);
                let article = NOT_GIVEN_SYLLABLES
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(first));
                if starts_upper(first) && !article && !matches!(part(1), "op" | "up" | "ed") {
                    tok.cue = Some(Person);
                }
            } else if starts_upper(word) && last.starts_with(char::is_lowercase) {
                // "Tony-winning", "Spanish-language", "CNBC-itis": a compound adjective or
                // a coinage, not a name; but in "Nobel Prize-winning" the capitalised part
                // ends the name before it.
                if self.follows_name(t.start)
                    && starts_upper(part(0))
                    && part(0).chars().nth(1).is_some()
                {
                    tok.end = t.start + parts[0].1;
                    tok.full_end = tok.end;
                    tok.cap = true;
                    tok.solo = true;
                }
                self.push_tok(tok);
                return;
            }
            let w = world();
            if (0..parts.len()).all(|k| w.lookup(part(k)).is_some()) {
                // "Israel-Hamas": two names.
                for (k, &(from, to)) in parts.iter().enumerate() {
                    let full_end = if k + 1 == parts.len() {
                        t.full_end
                    } else {
                        t.start + to
                    };
                    self.push_tok(Tok {
                        start: t.start + from,
                        end: t.start + to,
                        full_end,
                        cap: true,
                        solo: true,
                        ..tok
                    });
                }
                return;
            }
        }
        tok.cap = (starts_upper(word) || is_arabic_prefixed(word))
            && word != "I"
            && !word.starts_with("I’")
            && !word.starts_with("I'");
        self.push_tok(tok);
    }

    /// "Jong-un" in "Kim Jong-un", "Ki-moon": a romanised Korean given name of two short
    /// syllables, the second in lowercase, right after a capitalised family name.
    fn korean_given_name(&self, parts: &[(usize, usize)], word: &str, start: usize) -> bool {
        let syllable = |&(from, to): &(usize, usize)| {
            let s = &word[from..to];
            (2..=4).contains(&s.len())
                && s.bytes().skip(1).all(|b| b.is_ascii_lowercase())
                && s.as_bytes()[0].is_ascii_alphabetic()
        };
        parts.len() == 2 && parts.iter().all(syllable) && self.follows_name(start)
    }

    /// Whether the word starting at `start` comes right after a capitalised word other than
    /// "The", one space between: the next word of a name.
    fn follows_name(&self, start: usize) -> bool {
        self.toks.last().is_some_and(|p| {
            p.cap
                && p.classes & STOP == 0
                && p.full_end + 1 == start
                && self.text[..start].ends_with(' ')
        })
    }

    /// Whether word `i` is the first part of a hyphenated word ("York" in "New York-based"),
    /// which may end a name begun before it.
    fn hyphen_head(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.text[t.end..].starts_with(['-', '‐'])
            && self.text[..t.start].ends_with(|c: char| c.is_whitespace())
    }

    /// "(Fla.)" after a lawmaker's name: the state they represent, a tag like "R-Fla.",
    /// not a mention of the place.
    fn state_tag(&self, t: Token) -> bool {
        let word = &self.text[t.start..t.end];
        word.ends_with('.')
            && self.text[..t.start].ends_with('(')
            && self.text[t.full_end..].starts_with(')')
            && is(word, US_STATES)
    }

    /// Adds a word; only capitalised words need their classes (lowercase neighbours are
    /// looked up where a rule reads them).
    pub(super) fn push_tok(&mut self, mut tok: Tok) {
        if tok.cap {
            let word = &self.text[tok.start..tok.end];
            let info = info(word);
            tok.classes = info.classes;
            tok.world = info.world;
            tok.cap = info.classes & TEMPORAL == 0;
            if tok.cap {
                self.month_as_given_name();
            }
        }
        self.toks.push(tok);
    }

    /// "June Arvid", "met May Tolland": a month that is also a woman's name, before a
    /// capitalised word, is her given name; not after a word that dates ("in May Oakton
    /// voted", "the June primary").
    fn month_as_given_name(&mut self) {
        let n = self.toks.len();
        let Some(last) = self.toks.last() else { return };
        let month = &self.text[last.start..last.end];
        let day = self.text[last.full_end..].trim_start().starts_with("Day");
        if last.cap
            || last.full_end != last.end
            || !matches!(month, "May" | "June" | "April" | "August" | "Jan")
            || !self.text[last.full_end..].starts_with(' ')
            || day
        {
            return;
        }
        // "April and May Ford recalled": a month listed with another.
        let listed = n > 2
            && matches!(self.word(n - 2), "and" | "or")
            && self.toks[n - 3].classes & TEMPORAL != 0;
        let dated = listed
            || n > 1 && {
                let before = &self.toks[n - 2];
                let word = &self.text[before.start..before.end];
                before.classes & TEMPORAL != 0
                    || word.bytes().all(|b| b.is_ascii_digit())
                    || DATING_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word))
            };
        if !dated {
            let last = self.toks.len() - 1;
            self.toks[last].cap = true;
            self.toks[last].classes = GIVEN_NAMES;
        }
    }

    /// Quoted titles after a possessive or a noun like "show": ABC’s “The View.” is a work
    /// (kind other) and ABC its owner, not a quotation.
    pub(super) fn quoted_titles(&mut self, range: std::ops::Range<usize>) {
        let text = self.text;
        let s = &text[range.clone()];
        if !s.contains('“') && !s.as_bytes().contains(&b'"') {
            return;
        }
        let opens = s.match_indices('“').chain(s.match_indices('"'));
        for (i, mark) in opens {
            let Some(open) = mark.chars().next() else {
                continue;
            };
            let at = range.start + i;
            let inner_start = at + open.len_utf8();
            let close = if open == '“' { '”' } else { '"' };
            let Some(len) = text[inner_start..range.end].find(close) else {
                continue;
            };
            let Some(before) = self.toks.iter().rposition(|t| t.full_end <= at) else {
                continue;
            };
            if !text[self.toks[before].full_end..at]
                .chars()
                .all(char::is_whitespace)
            {
                continue;
            }
            let owner = self.toks[before].possessive() && starts_upper(self.word(before));
            if !owner && !is(self.word(before), TITLE_NOUNS) {
                continue;
            }
            let raw_inner = &text[inner_start..inner_start + len];
            let inner = raw_inner
                .trim_end_matches(|c: char| c.is_whitespace() || ".,!?;:".contains(c))
                .trim_start();
            if inner.is_empty() || !title_case(inner) {
                continue;
            }
            let start = inner_start + (raw_inner.len() - raw_inner.trim_start().len());
            let end = start + inner.len();
            for t in self
                .toks
                .iter_mut()
                .filter(|t| t.start >= start && t.end <= end)
            {
                t.cap = false;
            }
            if owner {
                self.toks[before].owner = true;
            }
            let mut cue = [0; 4];
            cue[slot(Other)] = STRONG;
            self.register(
                Cow::Borrowed(inner),
                None,
                cue,
                [0; 4],
                true,
                (start, end, end),
            );
        }
    }

    pub(super) fn runs(&mut self) {
        self.names_like_dates();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.toks[i].cap {
                i += 1;
                continue;
            }
            let mut end = i;
            while end - i < MAX_RUN
                && !self.toks[end].solo
                && (!self.toks[end].possessive() || self.possessive_firm(i, end))
            {
                let next = end + 1;
                let joinable =
                    |d: &Self| d.toks[next].cap && (!d.toks[next].solo || d.hyphen_head(next));
                if next < n && joinable(self) && self.joins(end, next) {
                    end = next;
                } else if next < n
                    && self.word(next).bytes().all(|c| c.is_ascii_digit())
                    && self.plain_gap(end, next)
                    && (self.world_span(i, next).is_some() || self.is(end, OTHER_TAIL))
                {
                    // "S&P 500", "FTSE 100".
                    end = next;
                } else if let Some(k) = self.connector(i, end) {
                    end = k;
                } else {
                    break;
                }
            }
            if self.holiday(i, end) || self.after_day_name(i) {
                i = end + 1;
                continue;
            }
            if self.capitals || self.capitals_headline(i, end) {
                self.world_names_in(i, end);
                i = end + 1;
                continue;
            }
            if self.headline(i, end) {
                i = end + 1;
                continue;
            }
            if end - i >= MAX_RUN {
                // A longer run of capitals is a heading or a list, not a name: skip it all.
                while end + 1 < n && self.toks[end + 1].cap && self.joins(end, end + 1) {
                    end += 1;
                }
                i = end + 1;
                continue;
            }
            self.run(i, end);
            i = end + 1;
        }
    }

    /// Whether the possessive word at `i` opens a firm's name rather than owning what
    /// follows: "Moody’s Investors Service", "Marlow’s Holding Company". An unknown single
    /// word, no given name nor acronym, that the article never writes without its "’s",
    /// before capitalised words that end in an organisation's word. "Britain’s Labour
    /// Party", "Dana’s Bakery Group" and "Ash’s Campaign Committee" (with Tom Ash named
    /// elsewhere) are owned.
    fn possessive_firm(&self, i: usize, end: usize) -> bool {
        let word = self.word(i);
        if i != end || self.toks[i].world.is_some() || self.is(i, GIVEN_NAMES) || is_acronym(word) {
            return false;
        }
        let mut k = end;
        while k + 1 < self.toks.len()
            && k - end < MAX_RUN
            && self.toks[k + 1].cap
            && !self.toks[k + 1].possessive()
            && self.joins(k, k + 1)
        {
            k += 1;
        }
        let elsewhere = || {
            self.doc
                .tokens
                .iter()
                .any(|t| t.full_end == t.end && &self.text[t.start..t.end] == word)
        };
        k > end && self.is(k, ORG_TAIL) && self.world_span(end + 1, k).is_none() && !elsewhere()
    }

    /// A headline in title case inside prose ("Senator Scores Direct Hit On Rival", "RIVAL
    /// IS FEELING THE HEAT"): not a name, though the built-in names in it still count.
    /// Returns whether the run was one.
    pub(super) fn headline(&mut self, i: usize, end: usize) -> bool {
        let function_word = |d: &Self, k: usize| {
            // As written, or in capitals ("IS"); "for" in "Center for X" is no headline's.
            let w = d.word(k);
            let capitals = !w.chars().any(char::is_lowercase);
            HEADLINE_WORDS
                .iter()
                .any(|f| *f == w || (capitals && f.eq_ignore_ascii_case(w)))
        };
        // "As The Daily Caller reported": the sentence's first word before "The" is not
        // the run's own.
        let first =
            if i < end && self.toks[i].initial && self.is(i, STOP) && self.word(i + 1) == "The" {
                i + 1
            } else {
                i
            };
        if end < first + 3 || !(first + 1..=end).any(|k| function_word(self, k)) {
            return false;
        }
        let mut from = i;
        for k in i..=end + 1 {
            if k <= end && !function_word(self, k) {
                continue;
            }
            if k > from {
                if let Some(w) = self.world_span(from, k - 1) {
                    self.add(from, k - 1, Some(w), None);
                }
            }
            from = k + 1;
        }
        true
    }

    /// Where the person's name starts in a run that continues a lowercase title: "secretary
    /// of Homeland Security Dana Reyes" gives the word "Dana".
    fn after_department(&self, a: usize, b: usize) -> Option<usize> {
        let titled = a >= 2
            && self.word(a - 1) == "of"
            && self.lower_word(a - 2)
            && is(self.word(a - 2), ROLE_NOUNS | TITLE_BASE)
            && self.plain_gap(a - 2, a - 1)
            && self.plain_gap(a - 1, a);
        if !titled {
            return None;
        }
        let department = |i: usize| self.is(i, TITLE_MOD | ORG_TAIL) && !self.is(i, GIVEN_NAMES);
        let k = (a..=b).find(|&i| !department(i))?;
        // A surname alone is hers too: "secretary of State Reyes".
        (k > a && self.name_shaped(k, b)).then_some(k)
    }

    /// Splits a run of capitalised words at a title and hands each part on.
    pub(super) fn run(&mut self, mut a: usize, b: usize) {
        if let Some(w) = self.world_span(a, b) {
            self.add(a, b, Some(w), None);
            return;
        }
        // "UN Security Council Resolution 1701": the council, then the resolution.
        if a < b && (self.is(b, OTHER_TAIL) || self.word(b).bytes().all(|c| c.is_ascii_digit())) {
            let tail = if self.is(b, OTHER_TAIL) {
                b
            } else {
                b.saturating_sub(1)
            };
            if tail > a && self.is(tail, OTHER_TAIL) && self.toks[tail].cap {
                if let Some(w) = self.world_span(a, tail - 1) {
                    self.add(a, tail - 1, Some(w), None);
                    self.part(tail, b, Some(Other));
                    return;
                }
            }
        }
        // "U.S. Treasury" is one mention of the Treasury; "US President Joe Biden" names the
        // country and then the person.
        self.lead = None;
        while a < b && matches!(self.word(a), "The" | "A" | "An") {
            a += 1;
        }
        // "USA TODAY": a country's acronym and a word in capitals are one name.
        let capitals = (a + 1..=b).all(|i| is_acronym(self.word(i)) && self.is(i, STOP));
        if let Some(k) = self.after_department(a, b) {
            // "secretary of State Dana Reyes": the department belongs to the title.
            self.part(k, b, Some(Person));
            return;
        }
        if a < b && is_acronym(self.word(a)) && !capitals {
            let w = world();
            if let Some(id) = self.toks[a].world.filter(|&id| w.entries[id].kind == Place) {
                if self.org_shaped(a + 1, b) {
                    self.lead = Some(a);
                } else {
                    self.add(a, a, Some(id), None);
                }
                a += 1;
            }
        }
        if let Some((ts, te)) = self.title(a, b) {
            if te == b {
                if ts > a {
                    self.part(a, ts - 1, None);
                }
                return;
            }
            if self.name_shaped(te + 1, b) {
                if ts > a {
                    let corporate = self.is(te, CORPORATE_TITLES);
                    self.part(a, ts - 1, corporate.then_some(Organization));
                }
                self.part(te + 1, b, Some(Person));
                return;
            }
        }
        if let Some(k) = self.described_person(a, b) {
            // "Pollster Dana Reyes", "Navy SEAL Tom Ash": the words before describe her.
            // A party or a role ending the description is no name: "Ohio Republican".
            let mut e = k - 1;
            while e > a
                && self.world_span(a, e).is_none()
                && self.is(e, DEMONYM | ROLE_NOUNS | TITLES | TITLE_MOD)
            {
                e -= 1;
            }
            // "Moderator" alone is what she does, no name.
            if e > a || !is_agent_noun(self.word(a)) {
                self.part(a, e, None);
            }
            self.part(k, b, Some(Person));
            return;
        }
        self.part(a, b, None);
    }
}
