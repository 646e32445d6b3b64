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
            let line = first.text.lines().position(|l| l.starts_with("lead:"));
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
                .at(&first.text, line.map_or(1, |i| i + 1), 1),
            );
        }
    }
    (days.into_values().collect(), warnings)
}
