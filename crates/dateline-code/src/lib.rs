//! Actor and event coding (CAMEO, PLOVER) and the pipeline that runs every stage after
//! reading.
//!
//! - [`actors`]: PETRARCH-format actor and agent dictionaries with dated codes;
//! - [`patterns`]: the event pattern file format and matcher;
//! - [`ontology`]: CAMEO to PLOVER, Goldstein scores, quad classes;
//! - [`events`]: from an annotated article to coded events;
//! - [`pipeline`]: annotate, resolve places, code events, for one document.

pub mod actors;
pub mod events;
pub mod ontology;
pub mod patterns;
pub mod pipeline;
pub mod relevance;
pub mod word_senses;

pub use pipeline::{is_english, not_annotated_language, Pipeline, NOT_ANNOTATED};

/// PETRARCH's verb dictionary (`data/events/CAMEO.2.0.txt`) as `build.rs` prebuilt it
/// ([`patterns::encode_petrarch`]; empty if it could not). Here, not in `patterns.rs`,
/// because the build script compiles that file itself (and gives it an empty table).
const PREBUILT_PETRARCH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/petrarch.bin"));
