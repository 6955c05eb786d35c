//! Prebuilds the bundled gazetteer's name index (`src/index.rs`) into `OUT_DIR`, so that the
//! program decodes ~280k sorted (hash, candidate) pairs at start-up instead of normalising,
//! hashing and sorting every name. It compiles the same parsing and key code the program
//! uses (`src/data.rs`, `src/index.rs`, and the dependency-free `dateline-text` crate's keys
//! and hashes), so the index cannot disagree with the records; the program still checks the
//! record counts and falls back to building the index itself. The places and airports are
//! prebuilt the same way (`places.bin`, [`data::encode_places`]): their numbers parsed and
//! where their text fields lie, so that the program reads 211k records in one pass instead
//! of splitting 12 MB of lines and parsing 422k coordinates; the program checks the texts'
//! lengths and every field's bounds and otherwise parses the files itself.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/data.rs"]
mod data;
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/index.rs"]
mod index;
use dateline_text::tsv;
use dateline_text::words as wordlist;
mod keyfns {
    pub use dateline_text::hash::{fnv1a, FNV_OFFSET};
    pub use dateline_text::key::norm_key_folded_into;
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("data/geo");
    for f in [
        "countries.tsv",
        "places.tsv",
        "airports.tsv",
        "regions.tsv",
        "country-aliases.tsv",
        "demonym-aliases.tsv",
        "arabic-article-countries.txt",
    ] {
        println!("cargo:rerun-if-changed={}", dir.join(f).display());
    }
    for f in ["src/data.rs", "src/error.rs", "src/index.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let load = |file: &str| -> Result<&'static str, error::GeoError> {
        let text =
            std::fs::read_to_string(dir.join(file)).map_err(|e| error::GeoError::Unreadable {
                file: file.to_string(),
                reason: e.to_string(),
            })?;
        Ok(Box::leak(text.into_boxed_str()))
    };
    // each file read once, so that the places borrow from the very texts encoded against
    let (places_text, airports_text) = match (load("places.tsv"), load("airports.tsv")) {
        (Ok(p), Ok(a)) => (p, a),
        (Err(e), _) | (_, Err(e)) => panic!("the bundled gazetteer does not load: {e}"),
    };
    let read = |file: &str| match file {
        "places.tsv" => Ok(places_text),
        "airports.tsv" => Ok(airports_text),
        other => load(other),
    };
    let data::Tables {
        countries,
        places,
        regions,
    } = match data::tables(read) {
        Ok(t) => t,
        Err(e) => panic!("the bundled gazetteer does not load: {e}"),
    };
    // the places in binary form (empty if they do not fit it: the program then parses them)
    let places_bin = data::encode_places(&places, [places_text, airports_text]).unwrap_or_default();
    let ix = index::NameIndex::build(&countries, &regions, &places);
    let bytes = ix
        .encode([countries.len(), regions.len(), places.len()])
        .expect("the gazetteer fits the index encoding");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("name-index.bin"), bytes).expect("write the name index");
    std::fs::write(Path::new(&out).join("places.bin"), places_bin).expect("write the places");
}
