//! libFuzzer target: the csv entry point of the stable fuzzer (`examples/fuzz/targets.rs`).
#![no_main]

#[path = "../../examples/fuzz/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::Target::Csv.run(data);
});
