//! The WARC reader on arbitrary bytes: no panic, no hang, every record accounted for.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = dateline_read::warc::WarcReader::new("fuzz.warc", data, None);
    for _ in r.by_ref() {}
    assert!(r.stats.articles <= r.stats.records);
});
