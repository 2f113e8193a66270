//! Embeds the default store: lists every `.ron` file in `seeds/` (in name order) so that
//! `store::embedded()` can `include_str!` them. No file is needed at run time.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let seeds = Path::new(&manifest).join("seeds");
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out =
        String::from("/// The files of the default store, in load order: (name, text).\n");
    out.push_str("pub const EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        println!("cargo:rerun-if-changed=seeds/{name}");
        out.push_str(&format!(
            "    (\"seeds/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seeds/{name}\"))),\n"
        ));
    }
    out.push_str("];\n");
    schema_stamp(Path::new(&manifest));
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    if let Err(e) = fs::write(Path::new(&out_dir).join("embedded_seeds.rs"), out) {
        panic!("cannot write embedded_seeds.rs: {e}");
    }
}

/// `ATLAS_STORE_SCHEMA`: a hash of the sources that decide what a store file reads as and
/// whether it is valid (the data model, the store's reader and checks). The store cache keys
/// its copies with it, so a build that reads or checks stores differently never takes a copy
/// made by another (`src/store/cache.rs`).
fn schema_stamp(manifest: &Path) {
    use std::hash::{Hash, Hasher};
    let mut files = Vec::new();
    for dir in ["src/model", "src/store"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(&manifest.join(dir), &mut files);
    }
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.strip_prefix(manifest).unwrap_or(f).hash(&mut h);
        fs::read(f).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=ATLAS_STORE_SCHEMA={:016x}", h.finish());
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}
