//! The event coder alone: `events::code` on articles annotated beforehand (tokens, sentences,
//! entities, times and resolved places), counting sentences.
//!
//! `cargo bench -p dateline-code --bench coder`. Articles: the PolNeAR dev texts when
//! `../shared/data/quotes/polnear-dev/text` exists (the development machine), else a
//! paragraph written for this benchmark, repeated.

use dateline_code::events::{self, Input, Knowledge};
use dateline_code::Pipeline;
use dateline_core::Place;
use dateline_nlp::Annotations;

const OWN: &str = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday, the African Union said. The two leaders discussed the dispute over the Nile dam and agreed to resume talks next month, officials in Nairobi said. Abiy later flew to Djibouti, where police arrested two opposition activists. Rebels in the north accused the army of shelling villages, and Somalia threatened to close the border unless the attacks stopped.";

struct Doc {
    body: String,
    ann: Annotations,
    places: Vec<Place>,
}

fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/quotes/polnear-dev/text");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let out: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if out.is_empty() {
        vec![OWN.to_string(); 200]
    } else {
        out
    }
}

fn prepared() -> &'static (Pipeline, Vec<Doc>) {
    static P: std::sync::OnceLock<(Pipeline, Vec<Doc>)> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let p = Pipeline::new().expect("pipeline");
        let docs = texts()
            .into_iter()
            .map(|body| {
                let ann =
                    dateline_nlp::annotate(&body, Some("2016-10-01"), &p.lexicon, Some(&p.tagger));
                let places = p.gazetteer.resolve(&body, &ann.entities);
                Doc { body, ann, places }
            })
            .collect();
        (p, docs)
    })
}

fn code_all(p: &Pipeline, docs: &[Doc]) -> usize {
    let k = Knowledge {
        actors: &p.actors,
        ontology: &p.ontology,
        patterns: &p.patterns,
        gazetteer: &p.gazetteer,
        lexicon: &p.lexicon,
        vocabulary: &p.vocabulary,
    };
    docs.iter()
        .map(|d| {
            events::code(
                &k,
                &Input {
                    body: &d.body,
                    tokens: &d.ann.tokens,
                    lower: &d.ann.lower,
                    sentences: &d.ann.sentences,
                    entities: &d.ann.entities,
                    times: &d.ann.times,
                    places: &d.places,
                    published: Some("2016-10-01"),
                    quotes: &d.ann.quotes,
                },
            )
            .len()
        })
        .sum()
}

#[divan::bench(sample_count = 10)]
fn code_sentences(bencher: divan::Bencher) {
    let (p, docs) = prepared();
    let sentences: usize = docs.iter().map(|d| d.ann.sentences.len()).sum();
    bencher
        .counter(divan::counter::ItemsCount::new(sentences))
        .bench(|| code_all(p, docs));
}

fn main() {
    divan::main();
}
