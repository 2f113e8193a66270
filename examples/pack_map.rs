//! Writes the packed map outlines the app embeds (`assets/map/outlines-110m.bin`,
//! `outlines-50m.bin`) from the Natural Earth GeoJSON beside them. Run from the project root:
//! `scripts/pack_map.sh` (or `cargo run --example pack_map`). A unit test in
//! `src/analysis/network/geo/pack.rs` fails when the committed files are stale.

use std::process::ExitCode;

use partnership_atlas::analysis::network::geo::{pack, parse_outlines};

fn main() -> ExitCode {
    for scale in ["110m", "50m"] {
        let read = |kind: &str| {
            let path = format!("assets/map/{kind}-{scale}.geojson");
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))
        };
        let result = read("land")
            .and_then(|land| Ok((land, read("countries")?)))
            .and_then(|(land, countries)| {
                parse_outlines(&land, &countries).map_err(|e| e.to_string())
            })
            .and_then(|o| pack::pack(&o).map_err(|e| e.to_string()))
            .and_then(|bytes| {
                let out = format!("assets/map/outlines-{scale}.bin");
                std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
                println!("wrote {out}: {} bytes", bytes.len());
                Ok(())
            });
        if let Err(e) = result {
            eprintln!("pack_map: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
