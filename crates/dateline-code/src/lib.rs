//! Actor and event coding. (Being written.)
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
