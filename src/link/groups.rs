//! Articles grouped by tag, story and day.

use super::*;

/// A readable title for a story id: `gaza-ceasefire-talks` -> `Gaza Ceasefire Talks`.
pub(super) fn story_title(id: &str) -> String {
    let id = id.trim();
    if id.contains(' ') {
        return id.to_string();
    }
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, word)| {
            let small = matches!(
                word,
                "and" | "of" | "the" | "in" | "on" | "for" | "to" | "a"
            );
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if i == 0 || !small => first.to_uppercase().chain(chars).collect(),
                _ => word.to_string(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
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
                })
                .articles
                .push(a);
        }
    }
    groups.into_values().collect()
}

pub(super) fn group_days(site: &Site, by_date: &[ArticleId]) -> Vec<Day> {
    let mut days: BTreeMap<Date, Day> = BTreeMap::new();
    for &a in by_date.iter().rev() {
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
    days.into_values().collect()
}
