//! The generated indicator files of the default store are what `scripts/build_seed_indicators.py`
//! writes from the shared data, byte for byte. Skipped, with a note, when `python3` or
//! `../shared/data` is not available.

use std::path::Path;
use std::process::Command;

#[test]
fn the_indicator_script_reproduces_the_generated_seed_files_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    if !data.join("rd/rd_intensity.csv").is_file() {
        println!(
            "note: {} is absent; the generator check was skipped",
            data.display()
        );
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let run = Command::new("python3")
        .arg(root.join("scripts/build_seed_indicators.py"))
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(out.path())
        .output();
    let Ok(run) = run else {
        println!("note: python3 is not available; the generator check was skipped");
        return;
    };
    assert!(
        run.status.success(),
        "the script failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    for name in [
        "50-indicators-rd.ron",
        "51-indicators-patents.ron",
        "52-indicators-ati.ron",
    ] {
        let made = std::fs::read(out.path().join(name)).expect("the script wrote the file");
        let kept = std::fs::read(root.join("seeds").join(name)).expect("seeds file");
        assert!(
            made == kept,
            "seeds/{name} differs from what the script writes ({} vs {} bytes); rerun the script",
            kept.len(),
            made.len()
        );
    }
}
