//! Saving a store as a folder of split files like `seeds/` (one kind per file, one record per
//! block, stable order, so `git diff` shows exactly what changed), and telling whether a store
//! on disk changed since it was read ([`disk_state`]).
//!
//! Saving into a folder that already holds a store keeps its layout: every record stays in
//! the file it was in (the three indicator files of `seeds/` stay three), a new record goes to
//! the last file holding its kind, or to the kind's default file ([`default_file`]). Each
//! file's leading `//` comment lines are kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::kind::{AnyRecord, RecordKind};
use super::save::{SaveError, to_ron, write_atomically};
use crate::model::{FORMAT_VERSION, Store};

/// The file a kind of record goes to in a new folder store (as in `seeds/`).
pub fn default_file(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Source => "00-store.ron",
        RecordKind::Place => "10-places.ron",
        RecordKind::Organisation => "20-organisations.ron",
        RecordKind::Programme | RecordKind::Partnership | RecordKind::Cohort => "30-programmes.ron",
        RecordKind::Agreement => "40-agreements.ron",
        RecordKind::Indicator => "50-indicators.ron",
        RecordKind::Finding => "60-findings.ron",
        RecordKind::PolicyMeasure => "70-policy.ron",
    }
}

/// The file the store's name and description go to in a new folder store.
pub const HEAD_FILE: &str = "00-store.ron";
/// The file edit marks go to in a new folder store.
pub const EDITS_FILE: &str = "80-edits.ron";

/// FNV-1a, 64 bit: a small stable hash (the same on every platform and Rust version).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What a store file or folder on disk holds, to tell whether it changed since it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// The store's files (names without folder) and a fingerprint of their names and bytes.
    Files {
        names: Vec<String>,
        fingerprint: String,
    },
    /// The path could not be read (missing, not a store folder …), with the reason.
    Unreadable(String),
}

/// A fingerprint of named files: FNV-1a of each name and its bytes, in the order given.
pub fn fingerprint(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (name, bytes) in files {
        all.extend_from_slice(&(name.len() as u64).to_le_bytes());
        all.extend_from_slice(name.as_bytes());
        all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        all.extend_from_slice(bytes);
    }
    format!("fnv1a64:{:016x}", fnv1a64(&all))
}

/// The state of the store at `path` (a `.ron` file or a folder of them) now. Compare it with
/// the state taken when the store was loaded or saved: a difference means someone else
/// changed the files meanwhile.
pub fn disk_state(path: &Path) -> DiskState {
    match super::read::read_path(path) {
        Ok(files) => {
            let named: Vec<(String, Vec<u8>)> =
                files.into_iter().map(|(n, b)| (base_name(&n), b)).collect();
            DiskState::Files {
                names: named.iter().map(|(n, _)| n.clone()).collect(),
                fingerprint: fingerprint(&named),
            }
        }
        Err(e) => DiskState::Unreadable(e.to_string()),
    }
}

fn base_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// One existing file of the folder: its name, leading comments and what it holds.
struct Existing {
    name: String,
    comments: String,
    store: Store,
}

fn existing_files(dir: &Path) -> Result<Vec<Existing>, SaveError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let files = match super::read::read_path(dir) {
        Ok(f) => f,
        // A folder with no .ron files yet is a new store.
        Err(super::LoadError::Invalid(_)) => return Ok(Vec::new()),
        Err(e) => return Err(SaveError::Folder(e.to_string())),
    };
    let mut out = Vec::new();
    for (name, bytes) in files {
        let parsed = super::read::parse_file(&name, &bytes).map_err(|p| {
            SaveError::Folder(format!(
                "the folder holds a file that is not a valid store file, so it is left as it is: {}",
                p.first().map(ToString::to_string).unwrap_or_default()
            ))
        })?;
        let comments: String = parsed
            .text
            .lines()
            .take_while(|l| l.trim_start().starts_with("//") || l.trim_start().starts_with("#!"))
            .filter(|l| l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        out.push(Existing {
            name: base_name(&name),
            comments,
            store: parsed.store,
        });
    }
    Ok(out)
}

/// The files of a folder store, (file name, text), in name order: the layout of the files
/// already in `dir` where there are any, else the `seeds/` layout.
fn layout(
    store: &Store,
    existing: &[Existing],
    plain: bool,
) -> Result<Vec<(String, String)>, SaveError> {
    let mut files: BTreeMap<String, Store> = BTreeMap::new();
    let blank = || Store {
        format_version: FORMAT_VERSION,
        ..Store::default()
    };
    for e in existing {
        files.insert(e.name.clone(), blank());
    }
    // Where each record id was, and the last file holding each kind.
    let mut home: BTreeMap<(RecordKind, String), String> = BTreeMap::new();
    let mut last_of_kind: BTreeMap<RecordKind, String> = BTreeMap::new();
    for e in existing {
        for r in AnyRecord::all(&e.store) {
            home.entry((r.kind(), r.id().to_owned()))
                .or_insert_with(|| e.name.clone());
            last_of_kind.insert(r.kind(), e.name.clone());
        }
    }
    for &kind in RecordKind::ALL {
        // Records stay in store order: a record never goes to an earlier file than the one
        // before it, so loading the folder back gives the same order.
        let mut floor = String::new();
        for id in kind.ids(store) {
            let Some(record) = AnyRecord::find(store, kind, id) else {
                continue;
            };
            let mut file = home
                .get(&(kind, id.to_owned()))
                .or_else(|| last_of_kind.get(&kind))
                .cloned()
                .unwrap_or_else(|| default_file(kind).to_owned());
            if file < floor {
                file = floor.clone();
            }
            floor = file.clone();
            record.put(files.entry(file).or_insert_with(blank));
        }
    }
    let head = existing
        .iter()
        .find(|e| !e.store.name.is_empty() || !e.store.description.is_empty())
        .map_or(HEAD_FILE.to_owned(), |e| e.name.clone());
    let head_store = files.entry(head).or_insert_with(blank);
    head_store.name = store.name.clone();
    head_store.description = store.description.clone();
    if !store.edits.is_empty() {
        let edits = existing
            .iter()
            .rfind(|e| !e.store.edits.is_empty())
            .map_or(EDITS_FILE.to_owned(), |e| e.name.clone());
        files.entry(edits).or_insert_with(blank).edits = store.edits.clone();
    }
    let mut out = Vec::new();
    for (name, part) in files {
        let comments = existing
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.comments.as_str())
            .unwrap_or_default();
        out.push((name, file_text(&part, comments, plain)?));
    }
    Ok(out)
}

const IMPLICIT_SOME: &str = "#![enable(implicit_some)]\n";

/// One file's text: as people write the `seeds/` files (implicit `Some`, strings unescaped
/// where they can be), or with `plain` the app's usual RON; the leading comments kept.
fn file_text(part: &Store, comments: &str, plain: bool) -> Result<String, SaveError> {
    if plain {
        return Ok(format!("{comments}{}", to_ron(part)?));
    }
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .depth_limit(8)
        .indentor("    ".to_owned())
        .struct_names(false)
        .escape_strings(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let text = ron::ser::to_string_pretty(part, config)?;
    let body = text.strip_prefix(IMPLICIT_SOME).unwrap_or(&text);
    Ok(format!("{IMPLICIT_SOME}{comments}{}\n", tidy(body)))
}

/// The `seeds/` style: no `field: None,` lines (a missing option reads as `None`), and a small
/// struct of at most three plain values on one line (`(source: "…", at: "…")`,
/// `(year: 2019, value: 4.64)`), a list of strings or numbers on one line. The result is checked by reading it back before it is written.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            !(l.trim_start().ends_with(": None,") && l.trim_start().split(": ").count() == 2)
        })
        .collect();
    let plain_field = |l: &str| {
        let t = l.trim();
        t.ends_with(',')
            && t.split_once(": ").is_some_and(|(k, v)| {
                k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !v.starts_with(['(', '['])
            })
    };
    // A string or number alone on its line, as in a list of themes or ids.
    let plain_item = |l: &str| {
        let t = l.trim();
        let Some(v) = t.strip_suffix(',') else {
            return false;
        };
        (v.len() >= 2 && v.starts_with('"') && v.ends_with('"') && !v[1..v.len() - 1].contains('"'))
            || (!v.is_empty() && v.parse::<f64>().is_ok())
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let open = lines[i];
        if open.trim_end().ends_with('(') {
            let fields: Vec<&str> = lines[i + 1..]
                .iter()
                .take(4)
                .take_while(|l| plain_field(l))
                .copied()
                .collect();
            let close = lines.get(i + 1 + fields.len()).map(|l| l.trim());
            if (1..=3).contains(&fields.len()) && matches!(close, Some(")") | Some("),")) {
                let inner: Vec<&str> = fields
                    .iter()
                    .map(|f| f.trim().trim_end_matches(','))
                    .collect();
                let tail = close.unwrap_or(")").trim_start_matches(')');
                out.push(format!("{}{}){tail}", open.trim_end(), inner.join(", ")));
                i += fields.len() + 2;
                continue;
            }
        }
        if open.trim_end().ends_with('[') {
            let items: Vec<&str> = lines[i + 1..]
                .iter()
                .take_while(|l| plain_item(l))
                .copied()
                .collect();
            let close = lines.get(i + 1 + items.len()).map(|l| l.trim());
            let inner: Vec<&str> = items
                .iter()
                .map(|f| f.trim().trim_end_matches(','))
                .collect();
            let width: usize = inner.iter().map(|s| s.len() + 2).sum();
            if !items.is_empty() && width < 2000 && matches!(close, Some("]") | Some("],")) {
                let tail = close.unwrap_or("]").trim_start_matches(']');
                out.push(format!("{}{}]{tail}", open.trim_end(), inner.join(", ")));
                i += items.len() + 2;
                continue;
            }
        }
        out.push(open.to_owned());
        i += 1;
    }
    out.join("\n")
}

/// Saves `store` as a folder of split `.ron` files in `dir` (created if missing), each file
/// written atomically, and returns the paths of the store's files. The store must be valid and
/// must load back from the files equal to itself; otherwise nothing is written. Files whose
/// text is unchanged are not rewritten; files in `dir` other than `.ron` files are not touched.
pub fn save_folder(store: &Store, dir: &Path) -> Result<Vec<PathBuf>, SaveError> {
    let existing = existing_files(dir)?;
    // The seeds style first; should a text not read back the same, the app's plain RON.
    let mut files = layout(store, &existing, false)?;
    if !loads_back(store, dir, &files)? {
        files = layout(store, &existing, true)?;
        if !loads_back(store, dir, &files)? {
            return Err(SaveError::Folder(
                "the files would not load back as the same store (an empty store name?); nothing was written"
                    .to_owned(),
            ));
        }
    }
    let mut paths = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            write_atomically(&path, text.as_bytes())?;
        }
        paths.push(path);
    }
    Ok(paths)
}

/// Whether the files load back as `store`; an invalid store is an error.
fn loads_back(store: &Store, dir: &Path, files: &[(String, String)]) -> Result<bool, SaveError> {
    let texts: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(n, t)| (dir.join(n).display().to_string(), t.as_bytes().to_vec()))
        .collect();
    match super::load_texts(&texts) {
        Ok(loaded) => Ok(loaded == *store),
        Err(problems) => {
            // Invalid in the plain text too: the store itself is invalid.
            let plain: Vec<(String, Vec<u8>)> = layout(store, &[], true)?
                .into_iter()
                .map(|(n, t)| (dir.join(n).display().to_string(), t.into_bytes()))
                .collect();
            match super::load_texts(&plain) {
                Ok(_) => Ok(false),
                Err(_) => Err(SaveError::Invalid(problems)),
            }
        }
    }
}
