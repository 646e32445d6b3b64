//! Dates for readers, in the site's language. jiff's `strftime` knows only English names,
//! so the names come from the table and the pattern (`{day} {month} {year}`) too.

use jiff::civil::Date;

use super::Locale;

impl Locale {
    /// "26 September 2024", "26 septembre 2024".
    pub fn date(&self, date: Date) -> String {
        self.format_date("date", date)
    }

    /// "Thursday 26 September 2024", for a day's briefing.
    pub fn date_with_weekday(&self, date: Date) -> String {
        self.format_date("date_with_weekday", date)
    }

    /// "September 2024", for the timeline's months.
    pub fn month_year(&self, date: Date) -> String {
        self.format_date("month_year", date)
    }

    fn format_date(&self, pattern: &str, date: Date) -> String {
        let day = match date.day() {
            1 => self.text("first_day").to_string(),
            day => day.to_string(),
        };
        let month = name(self.list("months"), usize::try_from(date.month() - 1));
        let weekday = name(
            self.list("weekdays"),
            usize::try_from(date.weekday().to_monday_zero_offset()),
        );
        // Years as jiff writes them (at least four digits), so English dates read as before.
        let year = date.strftime("%Y").to_string();
        super::text::fill(self.text(pattern), |slot| match slot {
            "day" => Some(day.as_str()),
            "month" => Some(month),
            "weekday" => Some(weekday),
            "year" => Some(year.as_str()),
            _ => None,
        })
    }
}

fn name<E>(names: &[String], index: Result<usize, E>) -> &str {
    index
        .ok()
        .and_then(|i| names.get(i))
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jiff::civil::date;

    use super::*;

    fn locale(language: &str) -> Locale {
        let (locale, problems) = Locale::load(Path::new("/nonexistent"), language);
        assert!(problems.is_empty(), "{problems:?}");
        locale
    }

    #[test]
    fn english_dates_read_as_strftime_wrote_them() {
        let english = locale("en");
        for day in [date(2024, 9, 26), date(2024, 10, 1), date(987, 1, 5)] {
            assert_eq!(english.date(day), day.strftime("%-d %B %Y").to_string());
            assert_eq!(
                english.date_with_weekday(day),
                day.strftime("%A %-d %B %Y").to_string()
            );
            assert_eq!(english.month_year(day), day.strftime("%B %Y").to_string());
        }
    }

    #[test]
    fn each_language_writes_dates_its_own_way() {
        let day = date(2024, 9, 26);
        let first = date(2024, 10, 1);
        assert_eq!(locale("fr").date(day), "26 septembre 2024");
        assert_eq!(locale("fr").date(first), "1er octobre 2024");
        assert_eq!(
            locale("fr").date_with_weekday(day),
            "jeudi 26 septembre 2024"
        );
        assert_eq!(locale("de").date(day), "26. September 2024");
        assert_eq!(
            locale("de").date_with_weekday(day),
            "Donnerstag, 26. September 2024"
        );
        assert_eq!(locale("es").date(day), "26 de septiembre de 2024");
        assert_eq!(locale("es").month_year(first), "octubre de 2024");
        assert_eq!(
            locale("es-MX").date_with_weekday(day),
            "jueves, 26 de septiembre de 2024"
        );
    }
}
