//! The small, dependency-free text functions of `dateline`: stable hashes (article ids, the
//! name index), normalised name keys, the one reader of the bundled word lists, and a small
//! calendar (the actor dictionaries' dated codes). A crate of
//! its own so that the gazetteer's build script can use the very code the program runs
//! (`dateline-geo/build.rs` prebuilds the name index with these keys) without compiling
//! `dateline-core`'s serde dependencies for the build host (`dateline-code/build.rs` prebuilds
//! the actor dictionaries the same way). `dateline-core` re-exports it.

pub mod date;
pub mod hash;
pub mod key;
pub mod table;
pub mod tsv;
pub mod words;

pub use key::{norm_key, norm_key_folded_into, norm_key_into};
