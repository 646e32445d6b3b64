//! Each article's front matter and facts in the cache, spread over shard files by the hash
//! of the article's file. A rebuild that changed a few articles rewrites the few shards
//! that hold them instead of the whole cache, and a build reads the shards back on every
//! core. A shard's file is named by its content, so what a name holds never changes,
//! and the manifest that lists the shards is written after them: a killed build
//! leaves the last manifest's shards whole.

use std::path::Path;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::store;

/// How many shards the articles are spread over: enough that an edit rewrites a small
/// part of the cache, few enough that reading them costs no more than one file.
const SHARDS: usize = 64;

/// What names a shard's file: this, its number, the hash of its body.
const PREFIX: &str = "articles-";

/// One article's entry: its front matter as JSON (when it reads back as the same front
/// matter) and its facts.
#[derive(Debug, bincode::Encode, bincode::Decode)]
pub struct Entry<F> {
    pub key: u128,
    pub front: Option<String>,
    pub facts: F,
}

/// A shard as the last build wrote it: its file, and the keys of the articles it holds,
/// ascending, which say whether this build would write it again the same.
#[derive(Debug, Clone, Default)]
pub struct Shard {
    pub file: String,
    pub keys: Vec<u128>,
}

/// The shard an article's entry goes to.
fn shard_of(key: u128) -> usize {
    (key % SHARDS as u128) as usize
}

/// A shard read back, with its entries.
pub type ReadShard<F> = (Shard, Vec<Entry<F>>);

/// Reads the shards `files` name, in parallel: each one's entries, or why one cannot be
/// used (then none is). Each shard's entries are decoded with a context `context` makes
/// for that shard (see `model::NameContext`).
pub fn read<F, C>(
    dir: &Path,
    identity: u64,
    files: &[String],
    context: impl Fn() -> C + Sync,
) -> Result<Vec<ReadShard<F>>, String>
where
    F: bincode::Decode<C> + Send,
    C: Clone,
{
    files
        .par_iter()
        .map(|file| {
            let body = store::read(dir, file, identity)?
                .ok_or_else(|| format!("its file {file} is missing"))?;
            let undecodable =
                |e: bincode::error::DecodeError| format!("{file} cannot be decoded: {e}");
            // The entries as a list is encoded: their number, then each entry.
            let config = store::encoding();
            let (count, mut at): (u64, usize) =
                bincode::decode_from_slice(&body, config).map_err(undecodable)?;
            let mut entries = Vec::new();
            let context = context();
            for _ in 0..count {
                let rest = body.get(at..).unwrap_or_default();
                let (entry, read): (Entry<F>, usize) =
                    bincode::decode_from_slice_with_context(rest, config, context.clone())
                        .map_err(undecodable)?;
                entries.push(entry);
                at += read;
            }
            if at != body.len() {
                return Err(format!("{file} holds more than its entries"));
            }
            let keys = entries.iter().map(|e| e.key).collect();
            let shard = Shard {
                file: file.clone(),
                keys,
            };
            Ok((shard, entries))
        })
        .collect()
}

/// Writes the shards of this build's articles, given by key with a way to make each
/// entry, and gives their file names. A shard whose keys are those of an `earlier` one
/// keeps that file, unwritten: the same keys make the same entries.
pub fn write<F: bincode::Encode + Sync>(
    dir: &Path,
    identity: u64,
    keys: &[u128],
    earlier: &[Shard],
    entry: impl Fn(usize) -> Entry<F> + Sync,
) -> std::io::Result<Vec<String>> {
    let mut shards: Vec<Vec<(u128, usize)>> = vec![Vec::new(); SHARDS];
    for (at, &key) in keys.iter().enumerate() {
        shards[shard_of(key)].push((key, at));
    }
    shards
        .into_par_iter()
        .enumerate()
        .map(|(number, mut members)| {
            members.sort_unstable();
            members.dedup_by_key(|(key, _)| *key);
            let same = earlier.iter().find(|shard| {
                shard.keys.len() == members.len()
                    && shard.keys.iter().zip(&members).all(|(a, (b, _))| a == b)
            });
            if let Some(shard) = same {
                return Ok(shard.file.clone());
            }
            let entries: Vec<Entry<F>> = members.iter().map(|&(_, at)| entry(at)).collect();
            let body = bincode::encode_to_vec(&entries, store::encoding())
                .map_err(std::io::Error::other)?;
            let file = format!("{PREFIX}{number:02}-{:016x}.bin", xxh3_64(&body));
            store::write(dir, &file, identity, &body)?;
            Ok(file)
        })
        .collect()
}

/// Removes the shard files in `dir` that `kept` does not name: those of earlier builds,
/// and of builds killed before they wrote their manifest.
pub fn remove_others(dir: &Path, kept: &[String]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PREFIX) && !kept.contains(&name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: u128) -> Entry<String> {
        Entry {
            key,
            front: None,
            facts: format!("facts of {key}"),
        }
    }

    #[test]
    fn only_shards_whose_articles_changed_are_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let keys: Vec<u128> = (0..200).collect();
        let first = write(dir.path(), 1, &keys, &[], |at| entry(keys[at])).unwrap();
        let read_back = read::<String, ()>(dir.path(), 1, &first, || ()).unwrap();
        let facts: Vec<String> = read_back
            .iter()
            .flat_map(|(_, entries)| entries.iter().map(|e| e.facts.clone()))
            .collect();
        assert_eq!(facts.len(), 200);
        assert!(facts.contains(&"facts of 199".to_string()));

        let earlier: Vec<Shard> = read_back.into_iter().map(|(shard, _)| shard).collect();
        let mut edited = keys.clone();
        edited[5] = 1000 + 5;
        let second = write(dir.path(), 1, &edited, &earlier, |at| entry(edited[at])).unwrap();
        let rewritten: Vec<_> = first.iter().zip(&second).filter(|(a, b)| a != b).collect();
        // The edited article left one shard and joined another.
        assert_eq!(rewritten.len(), 2, "{rewritten:?}");

        remove_others(dir.path(), &second);
        assert!(read::<String, ()>(dir.path(), 1, &second, || ()).is_ok());
        // Shards are read in parallel: the error names whichever missing one came first.
        let error = read::<String, ()>(dir.path(), 1, &first, || ()).unwrap_err();
        assert!(
            rewritten
                .iter()
                .any(|(gone, _)| error.contains(gone.as_str())),
            "{error}"
        );
    }
}
