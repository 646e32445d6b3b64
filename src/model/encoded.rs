//! A part of an article's facts kept as the build cache encoded it until something reads
//! it. A rebuild takes every unchanged article's facts from the cache, but most of their
//! quotations and attributions are never looked at again: only the pages made anew show
//! them. Decoding them all was the largest cost of an edited rebuild at 100,000 articles,
//! and holding them decoded the largest part of its memory.

use std::ops::Deref;
use std::sync::OnceLock;

use super::name::OwnNames;

/// A value read from its encoding the first time it is used, then kept.
pub struct Encoded<T> {
    value: OnceLock<T>,
    /// The value's encoding as the cache holds it; empty once the value is made here.
    bytes: Box<[u8]>,
}

/// The encoding the cache writes (`cache::store::encoding` adds only a limit on what a
/// file may claim, which reading a part back needs no more).
fn encoding() -> impl bincode::config::Config {
    bincode::config::standard()
}

impl<T> From<T> for Encoded<T> {
    fn from(value: T) -> Encoded<T> {
        Encoded {
            value: OnceLock::from(value),
            bytes: Box::default(),
        }
    }
}

impl<T> Encoded<T> {
    /// The value to change, when it has been made or read already; a part still encoded
    /// stays as it is.
    pub fn made_mut(&mut self) -> Option<&mut T> {
        let value = self.value.get_mut()?;
        self.bytes = Box::default();
        Some(value)
    }
}

impl<T: bincode::Decode<OwnNames> + Default> Encoded<T> {
    fn decoded(bytes: &[u8]) -> T {
        bincode::decode_from_slice_with_context(bytes, encoding(), OwnNames)
            .map(|(value, _)| value)
            .unwrap_or_default()
    }

    pub fn into_inner(self) -> T {
        let Encoded { value, bytes } = self;
        value.into_inner().unwrap_or_else(|| Self::decoded(&bytes))
    }
}

impl<T: bincode::Decode<OwnNames> + Default + IntoIterator> IntoIterator for Encoded<T> {
    type Item = T::Item;
    type IntoIter = T::IntoIter;

    fn into_iter(self) -> T::IntoIter {
        self.into_inner().into_iter()
    }
}

impl<T: bincode::Decode<OwnNames> + Default + PartialEq> PartialEq for Encoded<T> {
    fn eq(&self, other: &Encoded<T>) -> bool {
        **self == **other
    }
}

impl<T: bincode::Decode<OwnNames> + Default> Deref for Encoded<T> {
    type Target = T;

    /// The bytes were checked against their hash and written by this very build of Brief
    /// (`cache::store`), so they decode; if they ever did not, the part reads as empty
    /// rather than stopping the build.
    fn deref(&self) -> &T {
        self.value.get_or_init(|| Self::decoded(&self.bytes))
    }
}

impl<T: bincode::Decode<OwnNames> + Default> Default for Encoded<T> {
    fn default() -> Encoded<T> {
        Encoded::from(T::default())
    }
}

impl<T: bincode::Decode<OwnNames> + Default + Clone> Clone for Encoded<T> {
    fn clone(&self) -> Encoded<T> {
        match self.value.get() {
            Some(value) => Encoded::from(value.clone()),
            None => Encoded {
                value: OnceLock::new(),
                bytes: self.bytes.clone(),
            },
        }
    }
}

impl<T: bincode::Decode<OwnNames> + Default + std::fmt::Debug> std::fmt::Debug for Encoded<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: bincode::Decode<OwnNames> + Default + serde::Serialize> serde::Serialize for Encoded<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// Written as its encoding's length and bytes, so that reading it back is a copy; a part
/// read from the cache and never used goes back as the bytes it came as.
impl<T: bincode::Encode> bincode::Encode for Encoded<T> {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        encoder: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        match self.value.get().filter(|_| self.bytes.is_empty()) {
            Some(value) => bincode::encode_to_vec(value, encoding())?.encode(encoder),
            None => self.bytes.encode(encoder),
        }
    }
}

impl<T, C> bincode::Decode<C> for Encoded<T> {
    fn decode<D: bincode::de::Decoder<Context = C>>(
        decoder: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let bytes: Vec<u8> = bincode::Decode::decode(decoder)?;
        Ok(Encoded {
            value: OnceLock::new(),
            bytes: bytes.into(),
        })
    }
}

impl<'de, T, C> bincode::BorrowDecode<'de, C> for Encoded<T> {
    fn borrow_decode<D: bincode::de::BorrowDecoder<'de, Context = C>>(
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
        bincode::encode_to_vec(value, encoding()).unwrap()
    }

    #[test]
    fn a_part_reads_back_as_it_was_written_and_goes_back_unchanged() {
        let words: Encoded<Vec<Name>> = vec![Name::from("Dana Reyes"), Name::from("Oakton")].into();
        let bytes = round_trip(&words);
        let (read, _): (Encoded<Vec<Name>>, usize) =
            bincode::decode_from_slice_with_context(&bytes, encoding(), OwnNames).unwrap();
        // Not decoded yet: written back, it is the same bytes.
        assert!(read.value.get().is_none());
        assert_eq!(round_trip(&read), bytes);
        assert_eq!(read.clone().len(), 2);
        assert_eq!(*read, vec![Name::from("Dana Reyes"), Name::from("Oakton")]);
        assert_eq!(round_trip(&read), bytes);
    }

    #[test]
    fn bytes_that_do_not_decode_read_as_empty() {
        let broken: Encoded<Vec<Name>> = Encoded {
            value: OnceLock::new(),
            bytes: vec![9, 200].into(),
        };
        assert!(broken.is_empty());
    }
}
