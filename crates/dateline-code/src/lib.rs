//! Actor and event coding: CAMEO and PLOVER. (Being written.)
pub mod actors;
use dateline_core::Document;

pub struct Pipeline;

impl Pipeline {
    pub fn new() -> Self {
        Pipeline
    }
    pub fn run(&self, d: Document) -> Document {
        d
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}
pub mod ontology;
pub mod patterns;
