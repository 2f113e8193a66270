//! A checked copy of a large store, kept so that opening the same files again is quick.
//!
//! Reading a store means parsing its RON and checking every record (ids, references, figures
//! and their sources). For a store of many megabytes that is most of the time of opening it,
//! and officers open the same store day after day. So once a large store has been read and
//! found valid, the app keeps the result in its cache folder as JSON (which `serde_json` reads
//! several times faster than RON is parsed), under a key made of:
//!
//! - a 128-bit hash (xxh3) of every file's name and bytes, in load order, so that a file
//!   changed by anyone, anyhow (an editor, a sync tool, a colleague) gives another key, whatever
//!   its modification time says;
//! - this build's schema stamp ([`SCHEMA`]: a hash of the sources of the data model and of the
//!   store's reader and checks, made by `build.rs`) and version, so that a build which reads or
//!   checks a store differently never takes a copy made by another.
//!
//! A copy is only ever made of a store that loaded without a problem, so finding one means the
//! same files were read and checked before with the same rules: the result is the same store.
//! Anything wrong with the cache (missing folder, unreadable or damaged copy, full disk) only
//! means the store is read from its files as if there were no cache; a damaged copy is removed.
//! The cache keeps the few most recently used stores ([`KEEP`]).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Store;

/// Stores whose files hold fewer bytes than this are read from their files every time: they
/// read in a few milliseconds, and the default store is never copied.
pub const MIN_BYTES: usize = 1 << 20;

/// How many stores the cache keeps (the least recently used go first).
pub const KEEP: usize = 4;

/// This build's schema stamp (see the module documentation).
pub const SCHEMA: &str = env!("ATLAS_STORE_SCHEMA");

/// File names in the cache folder end so.
const SUFFIX: &str = ".store.json";

/// A folder of checked store copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreCache {
    dir: PathBuf,
}

/// The key of a set of store files (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key(u128);

impl Key {
    /// The key of `files` (name, bytes) in load order, under this build's schema.
    pub fn of(files: &[(String, Vec<u8>)]) -> Self {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        let mut part = |bytes: &[u8]| {
            h.update(&(bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        part(SCHEMA.as_bytes());
        part(env!("CARGO_PKG_VERSION").as_bytes());
        for (name, bytes) in files {
            part(name.as_bytes());
            part(bytes);
        }
        Key(h.digest128())
    }

    fn file_name(self) -> String {
        format!("{:032x}{SUFFIX}", self.0)
    }
}

impl StoreCache {
    /// A cache in `dir` (created when the first copy is written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        StoreCache { dir: dir.into() }
    }

    /// The user's cache folder for this app (`stores` in the platform's cache folder), if the
    /// platform has one.
    pub fn user() -> Option<Self> {
        directories::ProjectDirs::from("org", "Partnership Atlas", "partnership-atlas")
            .map(|d| StoreCache::new(d.cache_dir().join("stores")))
    }

    /// The folder the copies are kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: Key) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The checked copy kept under `key`, if there is one and it reads. A copy that does not
    /// read is removed (it is made again on the next successful read of the files).
    pub fn get(&self, key: Key) -> Option<Store> {
        let path = self.path(key);
        let bytes = std::fs::read(&path).ok()?;
        match serde_json::from_slice::<Store>(&bytes) {
            Ok(store) => {
                // Mark it as used, for [`StoreCache::prune`]; failing to is harmless.
                if let Ok(f) = std::fs::File::options().append(true).open(&path) {
                    let _ = f.set_modified(SystemTime::now());
                }
                Some(store)
            }
            Err(_) => {
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Keeps `store` (read from files with `key`, and valid) and lets the oldest copies go.
    pub fn put(&self, key: Key, store: &Store) -> Result<(), String> {
        let bytes = serde_json::to_vec(store).map_err(|e| e.to_string())?;
        self.put_bytes(key, &bytes)
    }

    /// Keeps `store` as [`StoreCache::put`] does, the writing on a thread of its own (the
    /// JSON is made here, from the borrowed store). Returns the thread, if it started; a copy
    /// that cannot be made is simply not there next time.
    pub fn keep_in_background(
        &self,
        key: Key,
        store: &Store,
    ) -> Option<std::thread::JoinHandle<Result<(), String>>> {
        let bytes = serde_json::to_vec(store).ok()?;
        let cache = self.clone();
        std::thread::Builder::new()
            .name("store cache".to_owned())
            .spawn(move || cache.put_bytes(key, &bytes))
            .ok()
    }

    fn put_bytes(&self, key: Key, bytes: &[u8]) -> Result<(), String> {
        crate::io::write_atomic(&self.path(key), bytes, crate::io::Backup::None)
            .map_err(|e| e.to_string())?;
        self.prune(KEEP);
        Ok(())
    }

    /// Removes all but the `keep` most recently used copies.
    pub fn prune(&self, keep: usize) {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut copies: Vec<(SystemTime, PathBuf)> = dir
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(SUFFIX))
            .map(|e| {
                let used = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(SystemTime::UNIX_EPOCH);
                (used, e.path())
            })
            .collect();
        copies.sort_by_key(|c| std::cmp::Reverse(c.0));
        for (_, path) in copies.into_iter().skip(keep) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether files of this size are worth a cached copy.
pub fn worth_keeping(files: &[(String, Vec<u8>)]) -> bool {
    files.iter().map(|(_, b)| b.len()).sum::<usize>() >= MIN_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![("a.ron".to_owned(), text.as_bytes().to_vec())]
    }

    #[test]
    fn the_key_changes_with_any_byte_and_any_name() {
        let a = Key::of(&files("(format_version: 1)"));
        assert_eq!(a, Key::of(&files("(format_version: 1)")));
        assert_ne!(a, Key::of(&files("(format_version: 1 )")));
        let renamed = vec![("b.ron".to_owned(), b"(format_version: 1)".to_vec())];
        assert_ne!(a, Key::of(&renamed));
        // Bytes moved from one file to the next give another key too.
        let one = vec![
            ("a".to_owned(), b"xy".to_vec()),
            ("b".to_owned(), b"z".to_vec()),
        ];
        let two = vec![
            ("a".to_owned(), b"x".to_vec()),
            ("b".to_owned(), b"yz".to_vec()),
        ];
        assert_ne!(Key::of(&one), Key::of(&two));
    }

    #[test]
    fn a_kept_store_reads_back_equal_and_a_damaged_copy_is_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = StoreCache::new(dir.path().join("stores"));
        let store = crate::store::built_in().expect("built-in store").clone();
        let key = Key::of(&files("x"));
        assert!(cache.get(key).is_none(), "nothing kept yet");
        cache.put(key, &store).expect("kept");
        assert_eq!(cache.get(key).as_ref(), Some(&store));
        std::fs::write(cache.path(key), b"{ not a store").expect("damaged");
        assert!(cache.get(key).is_none(), "a damaged copy is not used");
        assert!(!cache.path(key).exists(), "and it is removed");
    }

    #[test]
    fn only_the_most_recently_used_copies_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = StoreCache::new(dir.path());
        let store = Store::default();
        let keys: Vec<Key> = (0..KEEP + 2)
            .map(|i| Key::of(&files(&i.to_string())))
            .collect();
        let start = SystemTime::now() - std::time::Duration::from_secs(1000);
        for (i, key) in keys.iter().enumerate() {
            cache.put(*key, &store).expect("kept");
            // Give each copy its own time of use, oldest first.
            let f = std::fs::File::options()
                .append(true)
                .open(cache.path(*key))
                .expect("open");
            f.set_modified(start + std::time::Duration::from_secs(i as u64 * 10))
                .expect("time");
        }
        // Each copy made past KEEP let the oldest go.
        let kept: Vec<bool> = keys.iter().map(|k| cache.path(*k).exists()).collect();
        assert_eq!(kept, [false, false, true, true, true, true]);
        // Using the oldest left makes it the newest: pruning to one fewer lets the next go.
        assert!(cache.get(keys[2]).is_some());
        cache.prune(KEEP - 1);
        let kept: Vec<bool> = keys.iter().map(|k| cache.path(*k).exists()).collect();
        assert_eq!(kept, [false, false, true, false, true, true]);
    }
}
