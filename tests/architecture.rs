//! The shape the code promises: views read and return commands; only the App does I/O.

use std::path::Path;

/// Source files under a folder, with their text (test modules cut off: tests may use files).
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_owned();
            out.push((path.display().to_string(), code));
        }
    }
}

#[test]
fn no_file_under_src_ui_names_std_fs_rfd_the_atomic_writer_or_the_app() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    sources(&ui, &mut files);
    assert!(
        files.len() > 10,
        "the ui folder was not found: {}",
        ui.display()
    );
    let forbidden = [
        "std::fs",
        "rfd::",
        "crate::app",
        "AtlasApp",
        "store::save",
        "write_atomic",
        "crate::io",
    ];
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|(path, code)| {
            forbidden
                .iter()
                .filter(|f| code.contains(*f))
                .map(move |f| format!("{path} names {f}"))
        })
        .collect();
    assert!(offenders.is_empty(), "{offenders:#?}");
}

/// Lines of code: not blank, not a comment, before the file's test module.
fn code_lines(code: &str) -> usize {
    code.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count()
}

/// The most lines of code a file under `src/` may hold: one concern per file.
const MAX_CODE_LINES: usize = 400;

/// Files still over the limit, each with who is splitting it. Remove an entry once its file is
/// split; the test fails when a listed file is back under the limit, so the list cannot go stale.
const BEING_SPLIT: [&str; 0] = [];

#[test]
fn no_file_under_src_holds_more_than_400_lines_of_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 50, "the src folder was not found");
    let mut over = Vec::new();
    let mut back_under = Vec::new();
    for (path, code) in &files {
        let rel = Path::new(path)
            .strip_prefix(root)
            .map_or_else(|_| path.clone(), |p| p.display().to_string())
            .replace('\\', "/");
        let n = code_lines(code);
        let listed = BEING_SPLIT.contains(&rel.as_str());
        if n > MAX_CODE_LINES && !listed {
            over.push(format!("{rel}: {n} lines of code"));
        }
        if n <= MAX_CODE_LINES && listed {
            back_under.push(rel);
        }
    }
    over.sort();
    assert!(over.is_empty(), "split these files: {over:#?}");
    assert!(
        back_under.is_empty(),
        "these files are split now; take them off BEING_SPLIT: {back_under:?}"
    );
}

#[test]
fn counting_lines_of_code_skips_blanks_and_comments() {
    assert_eq!(code_lines("// a\n\nfn f() {\n    //! b\n    1\n}\n"), 3);
}
