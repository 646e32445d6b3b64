//! Names shared across articles. The same few thousand entity names, surface forms, sources
//! and cues ("said", "according") recur in every article's facts; a build holds every
//! article's facts at once, so each is kept once for the site (`Names`) rather than as a
//! string in each article.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

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

/// How the names of decoded facts are made: as the copy a set of `Names` holds
/// (`SharedNames`), so that reading the cache never allocates a name the site already holds.
pub trait NameContext: Clone {
    /// The name whose UTF-8 text is `bytes`; an error when they are not UTF-8.
    fn name(&self, bytes: &[u8]) -> Result<Name, std::str::Utf8Error>;
}

/// The set of names a cache's facts are decoded into, as one reader of the cache sees it:
/// the names this reader has looked up are kept beside the shared set, so that it takes
/// the shared set's lock once per distinct name rather than for every name it decodes
/// (with two threads reading, that lock was half the cost of decoding a name).
#[derive(Clone)]
pub struct SharedNames {
    shared: Arc<Names>,
    seen: Rc<RefCell<HashTable<Name>>>,
}

impl SharedNames {
    /// A reader's view of `shared`; one for each thread that decodes.
    pub fn reader(shared: &Arc<Names>) -> SharedNames {
        SharedNames {
            shared: Arc::clone(shared),
            seen: Rc::default(),
        }
    }
}

impl SharedNames {
    /// The set itself, for facts decoded later from bytes read with this reader (see
    /// `Encoded`).
    pub fn names(&self) -> Arc<Names> {
        Arc::clone(&self.shared)
    }
}

impl NameContext for SharedNames {
    fn name(&self, bytes: &[u8]) -> Result<Name, std::str::Utf8Error> {
        let hash = hash_of(bytes);
        let mut seen = self.seen.borrow_mut();
        if let Some(name) = seen.find(hash, |seen| seen.as_bytes() == bytes) {
            return Ok(name.clone());
        }
        let name = self.shared.held_utf8(bytes)?;
        seen.insert_unique(hash, name.clone(), |seen| hash_of(seen.as_bytes()));
        Ok(name)
    }
}

impl<C: NameContext> bincode::Decode<C> for Name {
    /// The context is borrowed once the bytes are read rather than cloned: a clone of the
    /// shared set is an atomic on one counter that every thread decoding the cache touches
    /// for every name, and that contention was a fifth of a large rebuild's CPU.
    fn decode<D: bincode::de::Decoder<Context = C>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        use bincode::de::read::Reader;
        let length = decoded_length(decoder)?;
        let mut short = [0u8; SHORT_NAME];
        let mut long = Vec::new();
        let bytes = match short.get_mut(..length) {
            Some(bytes) => bytes,
            None => {
                long.resize(length, 0);
                &mut long[..]
            }
        };
        decoder.reader().read(bytes)?;
        decoder
            .context()
            .name(bytes)
            .map_err(|inner| bincode::error::DecodeError::Utf8 { inner })
    }
}

/// Names up to this many bytes are read into a buffer on the stack before they are looked
/// up; nearly every name is shorter.
const SHORT_NAME: usize = 128;

/// The length of a string as `String` encodes it, claimed against the decoder's limit.
fn decoded_length<D: bincode::de::Decoder>(
    decoder: &mut D,
) -> Result<usize, bincode::error::DecodeError> {
    use bincode::error::DecodeError;
    let length = <u64 as bincode::Decode<D::Context>>::decode(decoder)?;
    let length = usize::try_from(length).map_err(|_| DecodeError::OutsideUsizeRange(length))?;
    decoder.claim_bytes_read(length)?;
    Ok(length)
}

impl<'de, C: NameContext> bincode::BorrowDecode<'de, C> for Name {
    fn borrow_decode<D: bincode::de::BorrowDecoder<'de, Context = C>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        bincode::Decode::decode(decoder)
    }
}

impl Name {
    /// Decodes a string that is a text of its own (a quotation's words), not a name to
    /// share: in place when the decoder reads from memory, as the cache does, so only the
    /// name itself is allocated.
    pub fn decode_unshared<D: bincode::de::Decoder>(
        decoder: &mut D,
    ) -> Result<Name, bincode::error::DecodeError> {
        use bincode::de::read::Reader;
        use bincode::error::DecodeError;
        let length = decoded_length(decoder)?;
        let make = |bytes: &[u8]| -> Result<Name, DecodeError> {
            std::str::from_utf8(bytes)
                .map(Name::from)
                .map_err(|inner| DecodeError::Utf8 { inner })
        };
        if let Some(bytes) = decoder.reader().peek_read(length) {
            let name = make(bytes)?;
            decoder.reader().consume(length);
            return Ok(name);
        }
        let mut bytes = vec![0; length];
        decoder.reader().read(&mut bytes)?;
        make(&bytes)
    }
}

/// Shards of the set, so that articles extracted in parallel seldom wait for each other.
const SHARDS: usize = 16;

/// Every distinct name seen so far, to which equal names are made to point. Shared by the
/// threads of one extraction and dropped with it: the names stay shared by the facts.
/// Looked up by bytes, so that a cached name the set holds is never checked as UTF-8 again.
#[derive(Default)]
pub struct Names {
    shards: [Mutex<HashTable<Name>>; SHARDS],
}

impl Names {
    /// Makes `name` the copy this set holds of it, keeping it as that copy if it is new.
    pub fn share(&self, name: &mut Name) {
        let hash = hash_of(name.as_bytes());
        let mut set = self.shard_of(hash);
        match set.find(hash, |held| held.as_bytes() == name.as_bytes()) {
            Some(held) => *name = held.clone(),
            None => {
                set.insert_unique(hash, name.clone(), |held| hash_of(held.as_bytes()));
            }
        }
    }

    /// The copy of `text` this set holds, made and kept if it is new.
    pub fn held(&self, text: &str) -> Name {
        self.held_as(text.as_bytes(), || Ok(Name::from(text)))
            .unwrap_or_else(|never: std::convert::Infallible| match never {})
    }

    /// The copy of the UTF-8 text `bytes` this set holds; bytes it does not hold are
    /// checked, made into a name and kept.
    pub fn held_utf8(&self, bytes: &[u8]) -> Result<Name, std::str::Utf8Error> {
        self.held_as(bytes, || Ok(Name::from(std::str::from_utf8(bytes)?)))
    }

    fn held_as<E>(&self, bytes: &[u8], make: impl FnOnce() -> Result<Name, E>) -> Result<Name, E> {
        let hash = hash_of(bytes);
        let mut set = self.shard_of(hash);
        if let Some(held) = set.find(hash, |held| held.as_bytes() == bytes) {
            return Ok(held.clone());
        }
        let name = make()?;
        set.insert_unique(hash, name.clone(), |held| hash_of(held.as_bytes()));
        Ok(name)
    }

    fn shard_of(&self, hash: u64) -> std::sync::MutexGuard<'_, HashTable<Name>> {
        // The high bits: the table itself places entries by the low ones.
        let shard = &self.shards[(hash >> 60) as usize % SHARDS];
        // A thread that panicked while holding the lock left a set that is still whole.
        shard.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `share` for an optional name.
    pub fn share_some(&self, name: &mut Option<Name>) {
        if let Some(name) = name {
            self.share(name);
        }
    }
}

/// The hash a name is kept by in `Names`.
fn hash_of(bytes: &[u8]) -> u64 {
    FxBuildHasher.hash_one(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_names_are_the_sets_copies_and_texts_stay_apart() {
        let config = bincode::config::standard();
        let set = Arc::new(Names::default());
        let names = SharedNames::reader(&set);
        let mut held = Name::from("Dover");
        set.share(&mut held);
        let bytes = bincode::encode_to_vec(
            vec![Name::from("Dover"), Name::from("Kent"), Name::from("Kent")],
            config,
        )
        .unwrap();
        let (decoded, _): (Vec<Name>, usize) =
            bincode::decode_from_slice_with_context(&bytes, config, names.clone()).unwrap();
        assert_eq!(decoded, ["Dover", "Kent", "Kent"]);
        assert!(Arc::ptr_eq(&decoded[0].0, &held.0));
        assert!(Arc::ptr_eq(&decoded[1].0, &set.held("Kent").0));
        assert!(Arc::ptr_eq(&decoded[2].0, &decoded[1].0));
        // Another reader of the same set gets the same copies.
        let (again, _): (Vec<Name>, usize) =
            bincode::decode_from_slice_with_context(&bytes, config, SharedNames::reader(&set))
                .unwrap();
        assert!(Arc::ptr_eq(&again[1].0, &decoded[1].0));

        let long = "A name longer than the buffer on the stack. ".repeat(4);
        let bytes = bincode::encode_to_vec(Name::from(long.as_str()), config).unwrap();
        let (decoded, _): (Name, usize) =
            bincode::decode_from_slice_with_context(&bytes, config, names.clone()).unwrap();
        assert_eq!(decoded, long);

        let bytes = bincode::encode_to_vec(Name::from("The ferry is late."), config).unwrap();
        let mut decoder = bincode::de::DecoderImpl::new(
            bincode::de::read::SliceReader::new(&bytes),
            config,
            names.clone(),
        );
        let text = Name::decode_unshared(&mut decoder).unwrap();
        assert_eq!(text, "The ferry is late.");
        assert!(!Arc::ptr_eq(&text.0, &set.held("The ferry is late.").0));
        // Bytes that are not UTF-8 are an error, not a name.
        let bad = [2u8, 0xff, 0xfe];
        let decoded: Result<(Name, usize), _> =
            bincode::decode_from_slice_with_context(&bad, config, names.clone());
        assert!(decoded.is_err());
        // Nor is a length beyond the bytes there are.
        let short = [9u8, b'a'];
        let decoded: Result<(Name, usize), _> =
            bincode::decode_from_slice_with_context(&short, config, names);
        assert!(decoded.is_err());
    }

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
        let (decoded, _): (Name, usize) = bincode::decode_from_slice_with_context(
            &encoded,
            config,
            SharedNames::reader(&Arc::default()),
        )
        .unwrap();
        assert_eq!(decoded, name);
        assert_eq!(serde_json::to_string(&name).unwrap(), "\"Reuters\"");
    }
}
