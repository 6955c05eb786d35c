//! Prebuilds the word classes of `data/nlp/word-clusters.tsv` into `OUT_DIR` (150k words,
//! 3.5 MB of text): each word's 64-bit key and its four classes, in the file's order, the first
//! of a repeated key only, as `lexicon::parse_clusters` keeps them. The program reads them
//! back in one pass ([`decode_clusters`](src/lexicon.rs)) after checking the text's length,
//! and parses the file itself when they are not there: a malformed line then is the error it
//! names (this script writes no table for such a file). A test checks the two agree.

use dateline_text::hash::{fnv1a, FNV_OFFSET};
use dateline_text::tsv;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/nlp/word-clusters.tsv");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string("data/nlp/word-clusters.tsv")
        .expect("data/nlp/word-clusters.tsv is readable");
    let bytes = encode(&text).unwrap_or_default();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("word-clusters.bin"), bytes)
        .expect("write the word classes");
}

/// `DLWC`, version 1, the text's length and the number of words (u32 each), then per word its
/// key (u64) and classes (4 × u16), little-endian; `None` if a line does not parse.
fn encode(text: &str) -> Option<Vec<u8>> {
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for line in tsv::lines(text) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: [&str; 5] = tsv::fields(line).ok()?;
        let mut c = [0u16; 4];
        for (x, s) in c.iter_mut().zip(&f[1..]) {
            *x = s.parse().ok()?;
        }
        let key = fnv1a(FNV_OFFSET, f[0].as_bytes());
        if seen.insert(key) {
            rows.push((key, c));
        }
    }
    let mut out = Vec::with_capacity(16 + rows.len() * 16);
    out.extend_from_slice(b"DLWC");
    for n in [1, text.len(), rows.len()] {
        out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
    }
    for (key, c) in rows {
        out.extend_from_slice(&key.to_le_bytes());
        for x in c {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    Some(out)
}
