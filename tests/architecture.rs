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
