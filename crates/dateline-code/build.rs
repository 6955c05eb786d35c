//! Prebuilds the bundled actor dictionaries (`data/actors/`, 2 MB of text, ~64k names) into
//! `OUT_DIR/actors.bin`, so that start-up reads the entries, names, surnames and agents back
//! in one pass instead of splitting and parsing every line and normalising every name. It
//! compiles the program's own parser (`src/actors/dictionary.rs`, which needs only the
//! dependency-free `dateline-text`), so the table cannot disagree with the files; the program
//! checks the files' lengths and the table's bounds and otherwise parses the files itself. A
//! test checks the two agree. PETRARCH's verb dictionary (`data/events/CAMEO.2.0.txt`) is
//! prebuilt the same way (`petrarch.bin`, by `src/patterns.rs`'s own parser).

use std::path::Path;

#[allow(dead_code)]
#[path = "src/actors/dictionary.rs"]
mod dictionary;
#[allow(dead_code)]
#[path = "src/patterns.rs"]
mod patterns;
/// What `src/lib.rs` gives `patterns.rs`: the table this script is about to write.
const PREBUILT_PETRARCH: &[u8] = &[];

fn main() {
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "international-extra.txt",
        "agents-extra.txt",
        "Phoenix.agents.txt",
    ] {
        println!("cargo:rerun-if-changed=data/actors/{f}");
    }
    println!("cargo:rerun-if-changed=src/actors/dictionary.rs");
    println!("cargo:rerun-if-changed=data/events/CAMEO.2.0.txt");
    println!("cargo:rerun-if-changed=src/patterns.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let actors = dictionary::Actors::parse_bundled();
    // (empty if the dictionaries do not fit the table: the program then parses them)
    let bytes = actors
        .encode(&dictionary::bundled_lengths())
        .unwrap_or_default();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("actors.bin"), bytes).expect("write the actors");
    // PETRARCH's verb dictionary, parsed (empty if a line does not parse: the program then
    // parses the file and names it)
    let bytes = patterns::prebuild_petrarch().unwrap_or_default();
    std::fs::write(Path::new(&out).join("petrarch.bin"), bytes).expect("write the patterns");
}
