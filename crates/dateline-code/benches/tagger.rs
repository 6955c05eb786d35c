//! The entity tagger alone: `Model::tag_document` (both stages) on prepared sentences, 20 to a
//! document, (tokens, gazetteer features and
//! the document's capitalisation map computed beforehand), and loading the bundled model.
//!
//! `cargo bench -p dateline-code --bench tagger`. Sentences: CoNLL-2003 testa when
//! `../shared/data/ner/eng.testa` exists (the development machine), else a paragraph written
//! for this benchmark, repeated. Prints tokens/s after divan's table.

use dateline_nlp::ner::{doc_caps, views, Model, TokenView};
use std::collections::HashMap;

const OWN: &str = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday , the African Union said .\nThe two leaders discussed the dispute over the Nile dam and trade across the border , officials in Nairobi said .\nAbiy later flew to Djibouti for talks with President Ismail Omar Guelleh .\n";

fn sentences() -> Vec<Vec<String>> {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner/eng.testa");
    if let Ok(text) = std::fs::read_to_string(&root) {
        let mut out = Vec::new();
        let mut cur = Vec::new();
        for line in text.lines() {
            let w = line.split(' ').next().unwrap_or("");
            if w.is_empty() || w == "-DOCSTART-" {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(w.to_string());
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        return out;
    }
    (0..300)
        .flat_map(|_| OWN.lines())
        .map(|l| l.split(' ').map(str::to_string).collect())
        .collect()
}

fn model() -> Model {
    Model::from_bytes(include_bytes!("../data/models/ner.bin")).expect("bundled model")
}

type Features = (Option<String>, Option<[u16; 4]>);

struct Prepared {
    sents: Vec<Vec<String>>,
    /// each sentence's words in lower case
    lower: Vec<Vec<String>>,
    /// gazetteer and cluster features of each token
    gaz: Vec<Vec<Features>>,
    caps: HashMap<String, bool>,
}

fn prepared() -> &'static Prepared {
    static P: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let p = dateline_code::Pipeline::new().expect("pipeline");
        let sents = sentences();
        let lower: Vec<Vec<String>> = sents
            .iter()
            .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
            .collect();
        let gaz = sents
            .iter()
            .zip(&lower)
            .map(|(s, l)| {
                let ws: Vec<&str> = s.iter().map(String::as_str).collect();
                views(&ws, l, &p.lexicon)
                    .into_iter()
                    .map(|v| (v.gaz, v.cluster))
                    .collect()
            })
            .collect();
        let refs: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let lrefs: Vec<&[String]> = lower.iter().map(Vec::as_slice).collect();
        let caps = doc_caps(&refs, &lrefs);
        Prepared {
            sents,
            lower,
            gaz,
            caps,
        }
    })
}

/// Sentences per document: the two-stage tagger reads a whole document at a time.
const DOC: usize = 20;

fn tag_all(m: &Model, p: &Prepared) -> usize {
    let mut n = 0;
    let all: Vec<Vec<TokenView>> = p
        .sents
        .iter()
        .zip(&p.lower)
        .zip(&p.gaz)
        .map(|((s, l), g)| {
            s.iter()
                .zip(l)
                .zip(g)
                .map(|((w, l), (g, c))| TokenView {
                    text: w,
                    lower: l,
                    gaz: g.clone(),
                    cluster: *c,
                })
                .collect()
        })
        .collect();
    for doc in all.chunks(DOC) {
        n += m
            .tag_document(doc, &p.caps)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    n
}

#[divan::bench(sample_count = 10)]
fn tag_sentences(bencher: divan::Bencher) {
    let m = model();
    let p = prepared();
    let tokens: usize = p.sents.iter().map(Vec::len).sum();
    bencher
        .counter(divan::counter::ItemsCount::new(tokens))
        .bench(|| tag_all(&m, p));
}

#[divan::bench(sample_count = 10)]
fn load_model() -> Model {
    model()
}

fn main() {
    divan::main();
}
