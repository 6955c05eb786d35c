//! Every reader through format detection (Markdown, text, JSON Lines, feeds, WARC, HTML).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = dateline_read::ReadOptions::default();
    for r in dateline_read::read("fuzz.txt", data, &opts).into_iter().flatten() {
        assert!(r.body.is_char_boundary(r.body.len()));
    }
});
