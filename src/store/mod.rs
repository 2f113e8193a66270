//! Reading and checking data stores.
//!
//! A store is one `.ron` file or a folder of `.ron` files (joined in name order). Loading never
//! panics: every problem, syntactic or semantic, comes back as a [`Problem`] that names the file,
//! line and column and says what was expected, and all problems are reported together.

pub mod cache;
pub mod changes;
pub mod cli;
pub mod csv_import;
pub mod diff;
pub mod folder;
pub mod kind;
mod locate;
mod read;
mod validate;

use std::path::{Path, PathBuf};

use crate::model::Store;

pub use read::{MAX_FILE_BYTES, MAX_LINE_CHARS};
pub use validate::validate;

include!(concat!(env!("OUT_DIR"), "/embedded_seeds.rs"));

/// One thing wrong with a store, at a place in one of its files.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as given by the user (or `seeds/…` for the embedded store).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Why a store could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path could not be read at all (missing, permission denied …).
    #[error("cannot read {path}: {source}")]
    Unreadable {
        /// The path that failed.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The files were read but are not a valid store.
    #[error("{} problem(s) in the store", .0.len())]
    Invalid(Vec<Problem>),
}

/// Where the open store came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The default store compiled into the binary.
    Embedded,
    /// A file or folder on disk.
    Path(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Embedded => write!(f, "built-in default store"),
            Origin::Path(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A store that loaded without problems, with where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The records, shared: a briefing, an undo step or a worker holds the same store
    /// without copying it (a change makes a new store; see `AtlasApp::replace_store`).
    pub store: std::sync::Arc<Store>,
    /// Where they were read from.
    pub origin: Origin,
}

impl Loaded {
    /// The records as a store of one's own (no copy if nothing else shares them).
    pub fn into_store(self) -> Store {
        std::sync::Arc::unwrap_or_clone(self.store)
    }
}

/// Reads a store from named texts (file name, contents), checks it, and joins the files.
pub fn load_texts(files: &[(String, Vec<u8>)]) -> Result<Store, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for result in parse_files(files) {
        match result {
            Ok(file) => parsed.push(file),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    problems.extend(validate::validate_files(&parsed));
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    let mut store = Store {
        format_version: crate::model::FORMAT_VERSION,
        ..Store::default()
    };
    for file in parsed {
        store.absorb(file.store);
    }
    Ok(store)
}

/// Reads a store like [`load_texts`], but takes the checked copy `cache` keeps of the same
/// files when there is one (see [`cache`]); after reading large files that are valid, it has a
/// copy kept, written on a thread of its own so that this read does not wait for it.
pub fn load_texts_cached(
    files: &[(String, Vec<u8>)],
    cache: Option<&cache::StoreCache>,
) -> Result<Store, Vec<Problem>> {
    let Some(cache) = cache.filter(|_| cache::worth_keeping(files)) else {
        return load_texts(files);
    };
    let key = cache::Key::of(files);
    if let Some(store) = cache.get(key) {
        return Ok(store);
    }
    let store = load_texts(files)?;
    cache.keep_in_background(key, &store);
    Ok(store)
}

/// Above this many bytes in all, a store's files are parsed on threads of their own (a large
/// store split into files, as the app saves it, reads in about the time of its largest file).
const PARALLEL_PARSE_BYTES: usize = 1 << 20;

/// Parses each file, in file order; on threads, one per file, when the files are large.
fn parse_files(files: &[(String, Vec<u8>)]) -> Vec<Result<read::ParsedFile<'_>, Vec<Problem>>> {
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    if files.len() < 2 || total < PARALLEL_PARSE_BYTES {
        return files
            .iter()
            .map(|(name, bytes)| read::parse_file(name, bytes))
            .collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .iter()
            .map(|(name, bytes)| (name, scope.spawn(move || read::parse_file(name, bytes))))
            .collect();
        handles
            .into_iter()
            .map(|(name, handle)| {
                // `parse_file` does not panic; should a thread fail anyway, say so for its file.
                handle.join().unwrap_or_else(|_| {
                    Err(vec![Problem {
                        file: name.clone(),
                        line: 0,
                        column: 0,
                        message: "the file could not be read (internal error)".to_owned(),
                    }])
                })
            })
            .collect()
    })
}

/// Loads a store from a `.ron` file or a folder of `.ron` files.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_cached(path, None)
}

/// Loads a store like [`load_path`], through `cache` (see [`load_texts_cached`]).
pub fn load_path_cached(
    path: &Path,
    cache: Option<&cache::StoreCache>,
) -> Result<Loaded, LoadError> {
    let files = read::read_path(path)?;
    let store = load_texts_cached(&files, cache).map_err(LoadError::Invalid)?;
    let store = with_default_name(store, path);
    Ok(Loaded {
        store: std::sync::Arc::new(store),
        origin: Origin::Path(path.to_path_buf()),
    })
}

/// The default store compiled into the binary.
///
/// It is checked by the test suite; should it ever be invalid, the problems are returned like
/// any other store's.
///
/// It is read once per process (from any thread: a second caller waits for the first) and
/// each call shares that one copy, so the app can start reading it while its window opens.
pub fn embedded() -> Result<Loaded, Vec<Problem>> {
    Ok(Loaded {
        store: std::sync::Arc::clone(built_in_shared().map_err(<[Problem]>::to_vec)?),
        origin: Origin::Embedded,
    })
}

/// The built-in store, read once per process (see [`embedded`]).
pub fn built_in() -> Result<&'static Store, &'static [Problem]> {
    built_in_shared().map(|s| &**s)
}

/// The built-in store as [`embedded`] hands it out: one copy, shared.
fn built_in_shared() -> Result<&'static std::sync::Arc<Store>, &'static [Problem]> {
    static EMBEDDED: std::sync::OnceLock<Result<std::sync::Arc<Store>, Vec<Problem>>> =
        std::sync::OnceLock::new();
    let store = EMBEDDED.get_or_init(|| {
        let files: Vec<(String, Vec<u8>)> = EMBEDDED_FILES
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
            .collect();
        load_texts(&files).map(std::sync::Arc::new)
    });
    store.as_ref().map_err(Vec::as_slice)
}

fn with_default_name(mut store: Store, path: &Path) -> Store {
    if store.name.is_empty() {
        store.name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled store".to_owned());
    }
    store
}

pub mod save;

/// A failed attempt to open a store: what was tried and why it failed (the open store stays).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// What the user tried to open.
    pub attempted: String,
    /// Why it failed, in one line.
    pub reason: String,
}
