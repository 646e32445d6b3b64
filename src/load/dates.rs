//! Publication dates in the forms writers actually type.

use std::fmt;

use jiff::civil;
use jiff::tz::Offset;

/// A date as written: a calendar date, optionally with a time and a UTC offset.
/// The calendar day is the writer's own (never shifted by time zone), so an article
/// dated `2024-09-26` appears in that day's briefing wherever it is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PubDate {
    pub datetime: civil::DateTime,
    pub offset: Option<Offset>,
    /// Written with a time of day (a date alone shows no time).
    pub has_time: bool,
}

pub const ACCEPTED_FORMS: &str = "2024-09-26, 2024-09-26T10:00:00Z, 2024-09-26T10:00:00+02:00, 2024-09-26 10:00 or 2024-09-26 10:00 +02:00";

impl PubDate {
    /// Parses a date in one of `ACCEPTED_FORMS`. A date that names no instant (a year
    /// beyond what a timestamp holds, such as `-9999-01-01T00:00:00+10:00`) is refused here
    /// rather than shown as 1970 later.
    pub fn parse(value: &str) -> Result<PubDate, String> {
        let date = PubDate::parse_form(value)?;
        let offset = date.offset.unwrap_or(Offset::UTC);
        match offset.to_timestamp(date.datetime) {
            Ok(_) => Ok(date),
            Err(_) => Err(format!(
                "date `{}` is out of the range a date can take here",
                value.trim()
            )),
        }
    }

    fn parse_form(value: &str) -> Result<PubDate, String> {
        let value = value.trim();
        let invalid = || format!("invalid date `{value}`: expected one of {ACCEPTED_FORMS}");
        let date_only = value.len() == 10;
        if let Some(date) = date_only
            .then(|| value.parse::<civil::Date>().ok())
            .flatten()
        {
            return Ok(PubDate {
                datetime: date.to_datetime(civil::Time::midnight()),
                offset: None,
                has_time: false,
            });
        }
        if let Ok(ts) = value.parse::<jiff::Timestamp>() {
            // RFC 3339 with Z or an offset: keep the writer's local wall clock.
            let offset = offset_suffix(value).ok_or_else(invalid)?;
            return Ok(PubDate {
                datetime: offset.to_datetime(ts),
                offset: Some(offset),
                has_time: true,
            });
        }
        // "2024-09-26 10:00" with an optional offset after a space.
        let (local, offset) = match value.rsplit_once(' ') {
            Some((head, tail)) if tail.starts_with(['+', '-', 'Z']) => {
                (head.trim(), Some(parse_offset(tail).ok_or_else(invalid)?))
            }
            _ => (value, None),
        };
        let datetime = with_two_digit_hour(&local.replacen(' ', "T", 1))
            .parse::<civil::DateTime>()
            .map_err(|_| invalid())?;
        if !local.contains([' ', 'T']) {
            return Err(invalid());
        }
        Ok(PubDate {
            datetime,
            offset,
            has_time: true,
        })
    }

    pub fn date(&self) -> civil::Date {
        self.datetime.date()
    }

    /// An instant for ordering and feeds; dates without an offset count as UTC. `parse`
    /// refuses dates that name no instant, so the fallback is never reached for a parsed one.
    pub fn timestamp(&self) -> jiff::Timestamp {
        let offset = self.offset.unwrap_or(Offset::UTC);
        offset
            .to_timestamp(self.datetime)
            .unwrap_or(jiff::Timestamp::MIN)
    }

    /// A time written without an offset is a time in the site's `zone`: it gets the
    /// zone's offset at that moment. A date alone stays a calendar day.
    pub fn in_zone(self, zone: &jiff::tz::TimeZone) -> Result<PubDate, String> {
        if self.offset.is_some() || !self.has_time {
            return Ok(self);
        }
        let zoned = zone
            .to_ambiguous_zoned_datetime(self.datetime)
            .compatible()
            .map_err(|e| {
                format!(
                    "the time {} cannot be placed in the site's time zone: {e}",
                    self.datetime
                )
            })?;
        Ok(PubDate {
            offset: Some(zoned.offset()),
            ..self
        })
    }

    /// The time of day in `zone` with the zone's abbreviation ("21:40 GMT"), for dates
    /// written with a time.
    pub fn time_in(&self, zone: &jiff::tz::TimeZone) -> Option<String> {
        self.format_in(zone, "%H:%M %Z")
    }

    /// The time of day in `zone` alone ("21:40"), for dates written with a time.
    pub fn clock_in(&self, zone: &jiff::tz::TimeZone) -> Option<String> {
        self.format_in(zone, "%H:%M")
    }

    fn format_in(&self, zone: &jiff::tz::TimeZone, format: &str) -> Option<String> {
        let zoned = self.timestamp().to_zoned_datetime(zone.clone());
        self.has_time.then(|| zoned.strftime(format).to_string())
    }

    /// The calendar day in `zone`: the day as written for a date alone.
    pub fn day_in(&self, zone: &jiff::tz::TimeZone) -> civil::Date {
        match self.has_time {
            true => self.timestamp().to_zoned_datetime(zone.clone()).date(),
            false => self.date(),
        }
    }

    /// The first instant after this date: the end of the day for a date alone.
    pub fn end(&self) -> jiff::Timestamp {
        if self.has_time {
            return self.timestamp();
        }
        let next = self.date().tomorrow().unwrap_or(self.date());
        let offset = self.offset.unwrap_or(Offset::UTC);
        offset
            .to_timestamp(next.to_datetime(civil::Time::midnight()))
            .unwrap_or(jiff::Timestamp::MAX)
    }

    /// RFC 3339 form, for `<time datetime>`, feeds and the sitemap.
    pub fn rfc3339(&self) -> String {
        let offset = self.offset.unwrap_or(Offset::UTC);
        let dt = self.datetime;
        let seconds = offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let (h, m) = (seconds.abs() / 3600, (seconds.abs() % 3600) / 60);
        let zone = if seconds == 0 {
            "Z".to_string()
        } else {
            format!("{sign}{h:02}:{m:02}")
        };
        format!(
            "{}T{:02}:{:02}:{:02}{zone}",
            dt.date(),
            dt.hour(),
            dt.minute(),
            dt.second()
        )
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

/// `2013-12-21T2:00:00` as `2013-12-21T02:00:00`: Jekyll and Hugo exports write hours
/// before ten with one digit.
fn with_two_digit_hour(datetime: &str) -> String {
    match datetime.split_once('T') {
        Some((date, time)) if time.find(':') == Some(1) => format!("{date}T0{time}"),
        _ => datetime.to_string(),
    }
}

fn offset_suffix(value: &str) -> Option<Offset> {
    if value.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let cut = value.len().checked_sub(6)?;
    parse_offset(value.get(cut..)?)
}

/// `Z`, `+02:00`, `-0530` or `+02`.
fn parse_offset(text: &str) -> Option<Offset> {
    if text.eq_ignore_ascii_case("z") {
        return Some(Offset::UTC);
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits.get(2..).map_or(Some(0), |m| m.parse().ok())?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_names_no_instant_is_refused() {
        let err = PubDate::parse("9999-12-31 23:00 -05:00").unwrap_err();
        assert!(err.contains("out of the range"), "{err}");
        assert!(PubDate::parse("9999-12-31 23:00").is_err());
        assert!(PubDate::parse("9999-06-01 10:00").is_ok());
    }

    #[test]
    fn date_only() {
        let d = PubDate::parse("2024-09-26").unwrap();
        assert_eq!(d.date().to_string(), "2024-09-26");
        assert_eq!(d.rfc3339(), "2024-09-26T00:00:00Z");
    }

    #[test]
    fn utc_datetime_keeps_day() {
        let d = PubDate::parse("2024-09-26T10:00:00Z").unwrap();
        assert_eq!(d.rfc3339(), "2024-09-26T10:00:00Z");
    }

    #[test]
    fn offset_keeps_local_day() {
        let d = PubDate::parse("2024-09-26T00:30:00+02:00").unwrap();
        assert_eq!(d.date().to_string(), "2024-09-26");
        assert_eq!(d.rfc3339(), "2024-09-26T00:30:00+02:00");
        assert_eq!(d.timestamp().to_string(), "2024-09-25T22:30:00Z");
    }

    #[test]
    fn space_separated_with_and_without_offset() {
        let d = PubDate::parse("2024-09-26 10:00").unwrap();
        assert_eq!(d.rfc3339(), "2024-09-26T10:00:00Z");
        let d = PubDate::parse("2024-09-26 10:00 +02:00").unwrap();
        assert_eq!(d.rfc3339(), "2024-09-26T10:00:00+02:00");
    }

    #[test]
    fn one_digit_hours_as_exports_write_them() {
        let d = PubDate::parse("2013-12-21 2:00:00 +0000").unwrap();
        assert_eq!(d.rfc3339(), "2013-12-21T02:00:00Z");
        let d = PubDate::parse("2013-12-21 9:05 -0800").unwrap();
        assert_eq!(d.rfc3339(), "2013-12-21T09:05:00-08:00");
    }

    #[test]
    fn rejects_other_forms_with_help() {
        for bad in [
            "26/09/2024",
            "2024-13-01",
            "yesterday",
            "2024-09-26 25:00",
            "2024",
        ] {
            let err = PubDate::parse(bad).unwrap_err();
            assert!(
                err.contains(bad) && err.contains("2024-09-26T10:00:00Z"),
                "{err}"
            );
        }
    }
}
