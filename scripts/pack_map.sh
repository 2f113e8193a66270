#!/usr/bin/env bash
# Regenerates the packed map outlines the app embeds (assets/map/outlines-*.bin) from the
# Natural Earth GeoJSON in assets/map/. Run after changing a GeoJSON file, then commit both;
# `cargo test --lib geo::pack` fails while the .bin files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --example pack_map
