//! Reading store files from disk and parsing their RON, with line:column errors.

use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::{LoadError, Problem, locate::line_col};
use crate::model::{FORMAT_VERSION, Store};

/// Files larger than this are refused before parsing (a store is a few megabytes at most).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line a store file may have, in characters. Stores are kept in git and read by
/// people; a longer line is a file joined onto one line or a pasted blob, and would make
/// every message about it unreadable.
pub const MAX_LINE_CHARS: usize = 20_000;

/// How deep RON values may nest; deeper input is refused instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

/// One parsed file of a store, with its text kept for locating semantic problems.
pub struct ParsedFile<'a> {
    /// The file name, as shown in problems.
    pub name: String,
    /// The file's text (borrowed from the bytes read: a large store is not copied).
    pub text: &'a str,
    /// Its records.
    pub store: Store,
}

/// Reads a `.ron` file, or every `.ron` file of a folder in name order, as (name, bytes).
///
/// Files over [`MAX_FILE_BYTES`] are returned empty-handed as a problem later, not read.
pub fn read_path(path: &Path) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let mut paths = Vec::new();
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "ron") && p.is_file() {
                paths.push(p);
            }
        }
        paths.sort();
        if paths.is_empty() {
            return Err(LoadError::Invalid(vec![Problem {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                message:
                    "the folder holds no .ron files; expected a store file or a folder of them"
                        .to_owned(),
            }]));
        }
    } else {
        paths.push(path.to_path_buf());
    }
    let mut files = Vec::with_capacity(paths.len());
    for p in paths {
        let name = p.display().to_string();
        let size = std::fs::metadata(&p)
            .map_err(|source| LoadError::Unreadable {
                path: p.clone(),
                source,
            })?
            .len();
        if size > MAX_FILE_BYTES {
            return Err(LoadError::Invalid(vec![too_large(&name, size)]));
        }
        let bytes = std::fs::read(&p).map_err(|source| LoadError::Unreadable {
            path: p.clone(),
            source,
        })?;
        files.push((name, bytes));
    }
    Ok(files)
}

fn too_large(name: &str, size: u64) -> Problem {
    Problem {
        file: name.to_owned(),
        line: 0,
        column: 0,
        message: format!(
            "the file is {:.1} MB; a store file may be at most {} MB",
            size as f64 / 1e6,
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    }
}

/// Just the version field, read first so that a future format gets a clear message rather than
/// a confusing complaint about fields this build does not know.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// The RON options every store text is read with (store files and change files): implicit
/// `Some`, and a nesting limit so a hostile file cannot overflow the stack.
pub(super) fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses one store file. Never panics, whatever the bytes.
pub fn parse_file<'a>(name: &str, bytes: &'a [u8]) -> Result<ParsedFile<'a>, Vec<Problem>> {
    let at = |line, column, message: String| {
        vec![Problem {
            file: name.to_owned(),
            line,
            column,
            message,
        }]
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![too_large(name, bytes.len() as u64)]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // The valid prefix is UTF-8 by definition; locate the first bad byte in it.
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let (line, column) = line_col(&valid, valid.len());
            return Err(at(
                line,
                column,
                "the file is not UTF-8 text (a binary file?); expected a RON store".to_owned(),
            ));
        }
    };
    if let Some((n, chars)) = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.len() > MAX_LINE_CHARS)
        .map(|(n, l)| (n, l.chars().count()))
        .find(|(_, chars)| *chars > MAX_LINE_CHARS)
    {
        return Err(at(
            n + 1,
            MAX_LINE_CHARS + 1,
            format!(
                "the line has {chars} characters; a store line may have at most {MAX_LINE_CHARS} \
                 (break long texts over several lines)"
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(at(
            0,
            0,
            "the file is empty; expected a RON store such as `(format_version: 1, …)`".to_owned(),
        ));
    }
    let opts = options();
    // One full parse in the usual case; the version is probed on its own only when the
    // store does not parse or names another version, so a future format gets a clear
    // message rather than a confusing complaint about fields this build does not know.
    let parsed = opts.from_str::<Store>(text);
    let version = match &parsed {
        Ok(store) => Some(store.format_version),
        Err(_) => opts
            .from_str::<VersionProbe>(text)
            .ok()
            .map(|p| p.format_version),
    };
    if let Some(v) = version.filter(|v| *v != FORMAT_VERSION) {
        let offset = text.find("format_version").unwrap_or(0);
        let (line, column) = line_col(text, offset);
        return Err(at(
            line,
            column,
            format!("unknown format version {v}; this build reads version {FORMAT_VERSION}"),
        ));
    }
    match parsed {
        Ok(store) => Ok(ParsedFile {
            name: name.to_owned(),
            text,
            store,
        }),
        // A missing version is reported here too, as a missing field.
        Err(e) => Err(at(e.span.start.line, e.span.start.col, explain(&e.code))),
    }
}

/// RON's message, with a hint of what was expected where RON's own words are terse.
fn explain(code: &ron::Error) -> String {
    let message = code.to_string();
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("{message}; values may nest at most {RECURSION_LIMIT} levels deep")
        }
        ron::Error::Eof => format!("{message}; the file ends too early (a missing `)` or `]`?)"),
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &[u8]) -> Problem {
        match parse_file("t.ron", text) {
            Ok(_) => panic!("expected a problem"),
            Err(p) => p[0].clone(),
        }
    }

    #[test]
    fn a_minimal_store_parses() {
        let file = parse_file("t.ron", b"(format_version: 1)").expect("valid");
        assert!(file.store.places.is_empty());
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let p = problem(b"(\n  format_version: 1,\n  places: [ (id: \"x\" name: \"X\") ],\n)");
        assert_eq!(p.line, 3);
        assert!(p.column > 10, "{p}");
    }

    #[test]
    fn a_future_version_is_refused_by_name() {
        let p = problem(b"(format_version: 7, shiny_new_field: 3)");
        assert!(p.message.contains("unknown format version 7"), "{p}");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let p = problem(b"(format_version: 1,\n  name: \"a\xff\")");
        assert_eq!((p.line, p.column), (2, 11));
        assert!(p.message.contains("UTF-8"));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = format!(
            "(format_version: 1, x: {}{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let p = problem(deep.as_bytes());
        assert!(p.line >= 1);
    }

    #[test]
    fn a_line_of_100000_characters_is_refused_with_its_line_number() {
        let text = format!("(format_version: 1,\n name: \"{}\")", "x".repeat(100_000));
        let p = problem(text.as_bytes());
        assert_eq!(p.line, 2, "{p}");
        assert!(p.message.contains("has 100010 characters"), "{p}");
    }

    #[test]
    fn a_long_line_within_the_limit_is_read() {
        let text = format!("(format_version: 1, name: \"{}\")", "x".repeat(10_000));
        assert!(parse_file("t.ron", text.as_bytes()).is_ok());
    }

    #[test]
    fn an_empty_file_says_what_was_expected() {
        assert!(problem(b"  \n").message.contains("expected a RON store"));
    }
}
