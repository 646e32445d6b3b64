//! The site's time zone: where its times of day are shown and its unzoned times are read.

use jiff::tz::{TimeZone, TimeZoneDatabase};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An IANA time zone, looked up once when `site.yaml` is read. The zone database is the
/// one built into Brief, so a site builds the same on every machine.
#[derive(Debug, Clone)]
pub struct SiteZone {
    name: String,
    zone: TimeZone,
}

impl SiteZone {
    pub fn parse(name: &str) -> Result<SiteZone, String> {
        let name = name.trim();
        let zone = TimeZoneDatabase::bundled().get(name).map_err(|_| {
            format!("unknown time zone `{name}`: give an IANA name, such as Europe/London or America/New_York")
        })?;
        Ok(SiteZone {
            name: name.to_string(),
            zone,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }
}

impl Default for SiteZone {
    fn default() -> Self {
        SiteZone {
            name: "UTC".into(),
            zone: TimeZone::UTC,
        }
    }
}

impl PartialEq for SiteZone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl<'de> Deserialize<'de> for SiteZone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        SiteZone::parse(&name).map_err(serde::de::Error::custom)
    }
}

impl Serialize for SiteZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_looked_up_in_the_built_in_database() {
        assert_eq!(
            SiteZone::parse("Europe/London").unwrap().name(),
            "Europe/London"
        );
        let err = SiteZone::parse("Mars/Olympus").unwrap_err();
        assert!(err.contains("unknown time zone `Mars/Olympus`"), "{err}");
    }
}
