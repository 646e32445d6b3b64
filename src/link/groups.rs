//! Articles grouped by tag, story and day.

use super::*;

/// A readable title for a story id: `gaza-lebanon-ceasefire-talks` -> `Gaza-Lebanon
/// Ceasefire Talks`. Ids separate words by hyphens, but a hyphen also joins words
/// ("Gaza-Lebanon"): a pair is kept joined, as written, when the story's own articles
/// write it so (`texts`). An id with spaces is a title already.
pub(super) fn story_title<'t>(id: &str, texts: impl Iterator<Item = &'t str> + Clone) -> String {
    let id = id.trim();
    if id.contains(' ') {
        return id.to_string();
    }
    let words: Vec<&str> = id.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    let mut title: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let joined = words
            .get(i + 1)
            .and_then(|next| written_compound(&format!("{}-{next}", words[i]), texts.clone()));
        match joined {
            Some(compound) => {
                title.push(compound);
                i += 2;
            }
            None => {
                title.push(title_case(words[i], i == 0));
                i += 1;
            }
        }
    }
    title.join(" ")
}

/// How each pair of `id`'s words is written in `texts`, as `story_title` would take it
/// from them: two versions of an article with the same spellings leave its story's title
/// as it was, whatever the other articles write.
pub(super) fn compounds_written<'t>(
    id: &str,
    texts: impl Iterator<Item = &'t str> + Clone,
) -> Vec<Option<String>> {
    let words: Vec<&str> = id.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    words
        .windows(2)
        .map(|pair| written_compound(&format!("{}-{}", pair[0], pair[1]), texts.clone()))
        .collect()
}

/// Whether `story_title` looks into the articles for `id`: only an id of several words
/// joined by hyphens or underscores has pairs the articles may write with a hyphen.
pub(super) fn story_title_reads_texts(id: &str) -> bool {
    let id = id.trim();
    !id.contains(' ')
        && id
            .split(['-', '_'])
            .filter(|w| !w.is_empty())
            .nth(1)
            .is_some()
}

/// `compound` ("gaza-lebanon") as a text writes it ("Gaza-Lebanon"), when one does, as a
/// whole word.
fn written_compound<'t>(
    compound: &str,
    mut texts: impl Iterator<Item = &'t str>,
) -> Option<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    texts.find_map(|text| {
        let mut found = None;
        each_match_ignoring_case(text, compound, |at| {
            let end = at + compound.len();
            let before = text[..at].chars().next_back().is_none_or(|c| !is_word(c));
            let after = text[end..].chars().next().is_none_or(|c| !is_word(c));
            if before && after {
                found = Some(text[at..end].to_string());
            }
            found.is_some()
        });
        found
    })
}

/// Calls `hit` with each byte offset where `lower` (lower case) occurs in `text` in any
/// case, until `hit` returns true. Story ids are nearly always ASCII, and for them the
/// search runs over the text as it is: a story's articles are scanned for every pair of
/// its id's words, and lower-casing each whole body for that was most of linking's time.
fn each_match_ignoring_case(text: &str, lower: &str, mut hit: impl FnMut(usize) -> bool) {
    if lower.is_empty() {
        return;
    }
    if !lower.is_ascii() {
        let lowered = text.to_lowercase();
        // Lower-casing keeps byte offsets only for texts it does not resize.
        if lowered.len() == text.len() {
            let _ = lowered.match_indices(lower).any(|(at, _)| hit(at));
        }
        return;
    }
    // Candidates are found by one byte of `lower`: its hyphen when it has one, since
    // hyphens are far rarer in prose than any letter.
    let anchor = lower.find('-').unwrap_or(0);
    let byte = lower.as_bytes()[anchor];
    let bytes = text.as_bytes();
    let starts = memchr::memchr2_iter(byte, byte.to_ascii_uppercase(), bytes);
    let _ = starts
        .filter_map(|at| at.checked_sub(anchor))
        .filter(|&at| {
            bytes
                .get(at..at + lower.len())
                .is_some_and(|piece| piece.eq_ignore_ascii_case(lower.as_bytes()))
        })
        .any(hit);
}

fn title_case(word: &str, first: bool) -> String {
    let small = matches!(
        word,
        "and" | "of" | "the" | "in" | "on" | "for" | "to" | "a"
    );
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if first || !small => c.to_uppercase().chain(chars).collect(),
        _ => word.to_string(),
    }
}

/// Gives each group of `section` its introduction from `content/<section>/`, and its
/// name: the introduction's title, else `name` (the story title, or the tag or author
/// as written). Marks the introductions used.
pub(super) fn introduce(
    site: &Site,
    groups: &mut [Group],
    section: Section,
    used: &mut [bool],
    mut name: impl FnMut(&Group) -> String,
) {
    for group in groups {
        let intro = site
            .intros
            .iter()
            .position(|i| i.section == section && i.slug == group.slug);
        if let Some(i) = intro {
            used[i] = true;
        }
        group.intro = intro;
        group.name = intro
            .and_then(|i| site.intros[i].title.clone())
            .unwrap_or_else(|| name(group));
    }
}

pub(super) fn group_by(
    by_date: &[ArticleId],
    keys: impl Fn(ArticleId) -> Vec<String>,
    oldest_first: bool,
) -> Vec<Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let order: Box<dyn Iterator<Item = &ArticleId>> = if oldest_first {
        Box::new(by_date.iter().rev())
    } else {
        Box::new(by_date.iter())
    };
    for &a in order {
        let mut seen = BTreeSet::new();
        for key in keys(a) {
            let slug = slugify(&key);
            if !seen.insert(slug.clone()) {
                continue;
            }
            groups
                .entry(slug.clone())
                .or_insert_with(|| Group {
                    slug,
                    name: key.trim().to_string(),
                    articles: Vec::new(),
                    intro: None,
                })
                .articles
                .push(a);
        }
    }
    groups.into_values().collect()
}

/// Days in date order, each with its articles in briefing order (see `Day::articles`).
/// More than one `lead: true` on a day is a warning naming them; the first in order leads.
pub(super) fn group_days(site: &Site, by_date: &[ArticleId]) -> (Vec<Day>, Vec<Diagnostic>) {
    let mut days: BTreeMap<Date, Day> = BTreeMap::new();
    for &a in by_date {
        let date = site.articles[a].date.date();
        days.entry(date)
            .or_insert_with(|| Day {
                date,
                articles: Vec::new(),
                note: None,
            })
            .articles
            .push(a);
    }
    for (n, note) in site.briefings.iter().enumerate() {
        if let Some(day) = days.get_mut(&note.date) {
            day.note = Some(n);
        }
    }
    let mut warnings = Vec::new();
    for day in days.values_mut() {
        // Stable: articles of equal rank stay newest first.
        day.articles.sort_by_key(|&a| {
            let front = &site.articles[a].front;
            (!front.lead, front.weight.is_none(), front.weight)
        });
        let leads: Vec<&Article> = day
            .articles
            .iter()
            .map(|&a| &site.articles[a])
            .filter(|article| article.front.lead)
            .collect();
        if let [first, others @ ..] = leads.as_slice()
            && !others.is_empty()
        {
            let others: Vec<String> = others
                .iter()
                .map(|a| a.path.display().to_string())
                .collect();
            let text = first.text_for_message(&site.root);
            let line = text.lines().position(|l| l.starts_with("lead:"));
            warnings.push(
                Diagnostic::warning(
                    &first.path,
                    format!(
                        "{} articles are marked `lead: true` for {}; this one leads, not {}",
                        others.len() + 1,
                        day.date,
                        others.join(", ")
                    ),
                )
                .at(&text, line.map_or(1, |i| i + 1), 1),
            );
        }
    }
    (days.into_values().collect(), warnings)
}
