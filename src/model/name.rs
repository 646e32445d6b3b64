//! Names shared across articles. The same few thousand entity names, surface forms, sources
//! and cues ("said", "according") recur in every article's facts; a build holds every
//! article's facts at once, so each is kept once for the site (`Names`) rather than as a
//! string in each article.

use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Deref;
use std::sync::{Arc, Mutex};

use rustc_hash::{FxBuildHasher, FxHashSet};

/// An immutable string that clones by reference: a name in an article's facts.
/// Compares, hashes, orders, prints and encodes exactly as the string it holds, so the
/// cache and `data/site.json` read as they did with owned strings.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Name(Arc<str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(s.into())
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(s.into())
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Name {
        Name(s.as_str().into())
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.as_str().to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl bincode::Encode for Name {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        self.as_str().encode(encoder)
    }
}

impl<Context> bincode::Decode<Context> for Name {
    fn decode<D: bincode::de::Decoder<Context = Context>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        String::decode(decoder).map(Name::from)
    }
}

bincode::impl_borrow_decode!(Name);

/// Shards of the set, so that articles extracted in parallel seldom wait for each other.
const SHARDS: usize = 16;

/// Every distinct name seen so far, to which equal names are made to point. Shared by the
/// threads of one extraction and dropped with it: the names stay shared by the facts.
#[derive(Default)]
pub struct Names {
    shards: [Mutex<FxHashSet<Name>>; SHARDS],
}

impl Names {
    /// Makes `name` the copy this set holds of it, keeping it as that copy if it is new.
    pub fn share(&self, name: &mut Name) {
        let hash = FxBuildHasher.hash_one(name.as_str());
        // The high bits: the set itself places entries by the low ones.
        let shard = &self.shards[(hash >> 60) as usize % SHARDS];
        // A thread that panicked while holding the lock left a set that is still whole.
        let mut set = shard.lock().unwrap_or_else(|e| e.into_inner());
        match set.get(name.as_str()) {
            Some(held) => *name = held.clone(),
            None => {
                set.insert(name.clone());
            }
        }
    }

    /// `share` for an optional name.
    pub fn share_some(&self, name: &mut Option<Name>) {
        if let Some(name) = name {
            self.share(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_end_up_as_one() {
        let names = Names::default();
        let mut a = Name::from("Joe Biden");
        let mut b = Name::from(String::from("Joe Biden"));
        let mut c = Name::from("Kyiv");
        names.share(&mut a);
        names.share(&mut b);
        names.share(&mut c);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(b, "Joe Biden");
    }

    #[test]
    fn encodes_as_the_string() {
        let config = bincode::config::standard();
        let name = Name::from("Reuters");
        let encoded = bincode::encode_to_vec(&name, config).unwrap();
        assert_eq!(encoded, bincode::encode_to_vec("Reuters", config).unwrap());
        let (decoded, _): (Name, usize) = bincode::decode_from_slice(&encoded, config).unwrap();
        assert_eq!(decoded, name);
        assert_eq!(serde_json::to_string(&name).unwrap(), "\"Reuters\"");
    }
}
