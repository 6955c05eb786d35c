//! Start-up: loading the bundled knowledge, each part alone and the whole pipeline (the
//! gazetteer and the actor dictionaries load side by side in `Pipeline::new`).
//!
//! `cargo bench -p dateline-code --bench startup`.

use dateline_code::actors::Actors;
use dateline_code::Pipeline;
use dateline_geo::Gazetteer;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn gazetteer() -> Gazetteer {
    Gazetteer::bundled().expect("bundled gazetteer")
}

#[divan::bench(sample_count = 10)]
fn actors() -> Actors {
    Actors::bundled()
}

#[divan::bench(sample_count = 10)]
fn pipeline() -> Pipeline {
    Pipeline::new().expect("bundled pipeline")
}
