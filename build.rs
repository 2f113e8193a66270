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
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    if let Err(e) = fs::write(Path::new(&out_dir).join("embedded_seeds.rs"), out) {
        panic!("cannot write embedded_seeds.rs: {e}");
    }
}
