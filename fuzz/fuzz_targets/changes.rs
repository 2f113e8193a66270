//! libFuzzer target: the store change-file entry point of the stable fuzzer
//! (`examples/fuzz/targets.rs`): parse, apply to the built-in store, resolve conflicts.
#![no_main]

#[path = "../../examples/fuzz/targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::Target::Changes.run(data);
});
