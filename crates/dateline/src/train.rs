//! `dateline train ner`: train the entity tagger from CoNLL-2003 files, deterministically.

use clap::{Args, Subcommand};
use dateline_nlp::ner::train;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum TrainCmd {
    /// Train the named-entity tagger (averaged perceptron) and write its model file.
    Ner(NerArgs),
}

#[derive(Args)]
pub struct NerArgs {
    /// Training data, CoNLL-2003 format (e.g. ../shared/data/ner/eng.train).
    #[arg(long)]
    train: PathBuf,
    /// Development data to report F1 on (e.g. ../shared/data/ner/eng.testa).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Output model file.
    #[arg(
        long,
        short = 'o',
        default_value = "crates/dateline-code/data/models/ner.bin"
    )]
    output: PathBuf,
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Drop features whose largest weight is below this (smaller file).
    #[arg(long, default_value_t = 0.01)]
    prune: f32,
    /// Leave out feature groups (comma-separated: word, affix, tags, context, bigrams, start,
    /// caps-sentence, neighbour-shape, gazetteer, doc-caps, clusters), to measure what each
    /// buys.
    #[arg(long, value_delimiter = ',')]
    without: Vec<String>,
}

pub fn run(cmd: &TrainCmd) -> Result<usize, String> {
    let TrainCmd::Ner(a) = cmd;
    let read =
        |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let train_sents = train::read_conll(&read(&a.train)?);
    if train_sents.is_empty() {
        return Err(format!(
            "{}: no sentences in CoNLL format",
            a.train.display()
        ));
    }
    let gaz = dateline_geo::Gazetteer::bundled()?;
    let actors = dateline_code::actors::Actors::bundled();
    let lex = dateline_code::pipeline::build_lexicon(&gaz, &actors);
    eprintln!(
        "dateline: training on {} sentences from {}",
        train_sents.len(),
        a.train.display()
    );
    let mut without = 0u32;
    for g in &a.without {
        without |= dateline_nlp::ner::group_bit(g).ok_or_else(|| {
            format!(
                "--without: unknown feature group {g:?} (groups: {})",
                dateline_nlp::ner::GROUPS.join(", ")
            )
        })?;
    }
    let t0 = std::time::Instant::now();
    let model = train::train(&train_sents, &lex, a.epochs, without, |l| {
        eprintln!("dateline: {l}")
    });
    eprintln!("dateline: trained in {:.1}s", t0.elapsed().as_secs_f64());
    let mut dev_note = String::new();
    if let Some(dev) = &a.dev {
        let dev_sents = train::read_conll(&read(dev)?);
        let train::Score {
            precision: p,
            recall: r,
            f1: f,
        } = train::evaluate(&model, &dev_sents, &lex);
        eprintln!(
            "dateline: dev {}: P={p:.4} R={r:.4} F1={f:.4} (gold tokens)",
            dev.display()
        );
        dev_note = format!(
            " dev={} devF1={f:.4}",
            dev.file_name().and_then(|x| x.to_str()).unwrap_or("?")
        );
    }
    let groups: Vec<&str> = dateline_nlp::ner::GROUPS
        .iter()
        .enumerate()
        .filter(|(i, _)| without & (1 << i) == 0)
        .map(|(_, g)| *g)
        .collect();
    let header = format!(
        "data={} epochs={} features={} prune={}{}",
        a.train.file_name().and_then(|x| x.to_str()).unwrap_or("?"),
        a.epochs,
        groups.join(","),
        a.prune,
        dev_note
    );
    let bytes = model.to_bytes(&header, a.prune);
    if let Some(dir) = a.output.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&a.output, &bytes).map_err(|e| format!("{}: {e}", a.output.display()))?;
    eprintln!(
        "dateline: wrote {} ({:.1} MB)",
        a.output.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(0)
}
