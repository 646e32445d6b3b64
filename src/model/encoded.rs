//! A part of an article's facts kept as the build cache encoded it until something reads
//! it. A rebuild takes every unchanged article's facts from the cache, but most of their
//! quotations and attributions are never looked at again: only the pages made anew show
//! them. Decoding them all was the largest cost of an edited rebuild at 100,000 articles,
//! and holding them decoded the largest part of its memory.

use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

use super::name::{Names, SharedNames};

/// A value read from its encoding the first time it is used, then kept.
pub struct Encoded<T> {
    value: OnceLock<T>,
    /// The value's encoding as the cache holds it, until it is decoded: then it is let go,
    /// so that a build that reads every article's part (linking a changed site) holds
    /// each once.
    encoding: Mutex<Option<Encoding>>,
}

/// What a part is decoded from: its bytes, and the site's set of names that the names in
/// it are made to share, as when the cache is read whole.
struct Encoding {
    bytes: Box<[u8]>,
    names: Arc<Names>,
}

impl Encoding {
    /// The bytes were checked against their hash and written by this very build of Brief
    /// (`cache::store`), so they decode; if they ever did not, the part reads as empty
    /// rather than stopping the build.
    fn decode<T: bincode::Decode<SharedNames> + Default>(&self) -> T {
        let context = SharedNames::reader(&self.names);
        bincode::decode_from_slice_with_context(&self.bytes, config(), context)
            .map(|(value, _)| value)
            .unwrap_or_default()
    }
}

/// The encoding the cache writes (`cache::store::encoding` adds only a limit on what a
/// file may claim, which reading a part back needs no more).
fn config() -> impl bincode::config::Config {
    bincode::config::standard()
}

impl<T> From<T> for Encoded<T> {
    fn from(value: T) -> Encoded<T> {
        Encoded {
            value: OnceLock::from(value),
            encoding: Mutex::new(None),
        }
    }
}

impl<T> Encoded<T> {
    /// The value to change, when it has been made or read already; a part still encoded
    /// stays as it is.
    pub fn made_mut(&mut self) -> Option<&mut T> {
        self.value.get_mut()
    }

    /// The encoding, while the value has not been decoded from it.
    fn encoding(&self) -> std::sync::MutexGuard<'_, Option<Encoding>> {
        // A thread that panicked while decoding left the bytes whole or taken.
        self.encoding.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T: bincode::Decode<SharedNames> + Default> Encoded<T> {
    fn decoded(encoding: Option<Encoding>) -> T {
        encoding.map_or_else(T::default, |e| e.decode())
    }

    /// Runs `read` on the value without keeping it: a part still encoded is decoded for
    /// `read` alone and stays encoded. For a reader that passes once over every article
    /// (linking a changed site), so that the build does not hold every article's part
    /// decoded from then on.
    pub fn read_with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        if let Some(value) = self.value.get() {
            return read(value);
        }
        let passing = self.encoding().as_ref().map(Encoding::decode);
        match passing {
            Some(value) => read(&value),
            // Decoded meanwhile by another reader.
            None => read(self),
        }
    }

    pub fn into_inner(self) -> T {
        let Encoded { value, encoding } = self;
        value.into_inner().unwrap_or_else(|| {
            Self::decoded(encoding.into_inner().unwrap_or_else(|e| e.into_inner()))
        })
    }
}

impl<T: bincode::Decode<SharedNames> + Default + IntoIterator> IntoIterator for Encoded<T> {
    type Item = T::Item;
    type IntoIter = T::IntoIter;

    fn into_iter(self) -> T::IntoIter {
        self.into_inner().into_iter()
    }
}

impl<T: bincode::Decode<SharedNames> + Default + PartialEq> PartialEq for Encoded<T> {
    fn eq(&self, other: &Encoded<T>) -> bool {
        **self == **other
    }
}

impl<T: bincode::Decode<SharedNames> + Default> Deref for Encoded<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.value.get_or_init(|| {
            let taken = self.encoding().take();
            Self::decoded(taken)
        })
    }
}

impl<T: bincode::Decode<SharedNames> + Default> Default for Encoded<T> {
    fn default() -> Encoded<T> {
        Encoded::from(T::default())
    }
}

impl<T: bincode::Decode<SharedNames> + Default + Clone> Clone for Encoded<T> {
    fn clone(&self) -> Encoded<T> {
        if let Some(Encoding { bytes, names }) = &*self.encoding() {
            return Encoded {
                value: OnceLock::new(),
                encoding: Mutex::new(Some(Encoding {
                    bytes: bytes.clone(),
                    names: Arc::clone(names),
                })),
            };
        }
        Encoded::from((**self).clone())
    }
}

impl<T: bincode::Decode<SharedNames> + Default + std::fmt::Debug> std::fmt::Debug for Encoded<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: bincode::Decode<SharedNames> + Default + serde::Serialize> serde::Serialize for Encoded<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// Written as its encoding's length and bytes, so that reading it back is a copy; a part
/// read from the cache and never used goes back as the bytes it came as.
impl<T: bincode::Encode + bincode::Decode<SharedNames> + Default> bincode::Encode for Encoded<T> {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        if let Some(kept) = &*self.encoding() {
            return kept.bytes.encode(encoder);
        }
        bincode::encode_to_vec(&**self, config())?.encode(encoder)
    }
}

impl<T> bincode::Decode<SharedNames> for Encoded<T> {
    fn decode<D: bincode::de::Decoder<Context = SharedNames>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let bytes: Vec<u8> = bincode::Decode::decode(decoder)?;
        Ok(Encoded {
            value: OnceLock::new(),
            encoding: Mutex::new(Some(Encoding {
                bytes: bytes.into(),
                names: decoder.context().names(),
            })),
        })
    }
}

impl<'de, T> bincode::BorrowDecode<'de, SharedNames> for Encoded<T> {
    fn borrow_decode<D: bincode::de::BorrowDecoder<'de, Context = SharedNames>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        bincode::Decode::decode(decoder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Name;

    fn round_trip<T: bincode::Encode>(value: &T) -> Vec<u8> {
        bincode::encode_to_vec(value, config()).unwrap()
    }

    fn read_back(bytes: &[u8], names: &Arc<Names>) -> Encoded<Vec<Name>> {
        let context = SharedNames::reader(names);
        bincode::decode_from_slice_with_context(bytes, config(), context)
            .unwrap()
            .0
    }

    #[test]
    fn a_part_reads_back_as_it_was_written_and_goes_back_unchanged() {
        let words: Encoded<Vec<Name>> = vec![Name::from("Dana Reyes"), Name::from("Oakton")].into();
        let bytes = round_trip(&words);
        let names = Arc::new(Names::default());
        let held = names.held("Oakton");
        let read = read_back(&bytes, &names);
        // Not decoded yet: written back, it is the same bytes.
        assert!(read.value.get().is_none());
        assert_eq!(round_trip(&read), bytes);
        // Read in passing, it stays encoded.
        assert_eq!(read.read_with(Vec::len), 2);
        assert!(read.value.get().is_none());
        assert_eq!(read.clone().len(), 2);
        assert_eq!(*read, vec![Name::from("Dana Reyes"), Name::from("Oakton")]);
        // Decoded, it lets its bytes go, shares the site's names and still writes the same.
        assert!(read.encoding().is_none());
        assert!(std::ptr::eq(read[1].as_str(), held.as_str()));
        assert_eq!(round_trip(&read), bytes);
    }

    #[test]
    fn bytes_that_do_not_decode_read_as_empty() {
        let broken = read_back(&round_trip(&vec![9u8, 200]), &Arc::default());
        assert!(broken.is_empty());
    }
}
