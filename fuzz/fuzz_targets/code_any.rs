//! The whole pipeline after reading (annotate, resolve, code) on arbitrary UTF-8 text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<dateline_code::Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let p = PIPELINE.get_or_init(|| dateline_code::Pipeline::new().expect("bundled data loads"));
    let art = dateline_core::Article { published: Some("2020-02-29".into()), ..Default::default() };
    let d = p.run(dateline_core::Document::new("fuzz", art, text.to_string()));
    for e in d.entities.iter().flatten() {
        assert_eq!(&d.body[e.start..e.end], e.text);
    }
});
