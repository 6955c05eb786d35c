//! HTML extraction on arbitrary bytes: no panic, no hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline_read::html::read_bytes("fuzz.html", data, Some("https://fuzz.example/a"), None);
});
