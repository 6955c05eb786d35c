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
    /// Development data to report F1 on (e.g. ../shared/data/ner/eng.testa); may be given
    /// more than once (e.g. the two halves of a development set). The first is named in the
    /// model's header.
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// More training data, read after `--train` (e.g. the development set once the settings
    /// are chosen; the header names every file).
    #[arg(long)]
    also_train: Vec<PathBuf>,
    /// 2: a second stage that sees the first stage's tags of the same word elsewhere in the
    /// document (trained on jackknifed first-stage tags); 1: the first stage alone.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    stages: u8,
    /// A note for the model's header (e.g. where its settings were chosen).
    #[arg(long)]
    note: Option<String>,
    /// Folds for jackknifing the first stage's tags that the second stage learns from.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(2..=100))]
    folds: u64,
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
    /// caps-sentence, neighbour-shape, gazetteer, doc-caps, clusters, non-local), to measure what each
    /// buys.
    #[arg(long, value_delimiter = ',')]
    without: Vec<String>,
}

pub fn run(cmd: &TrainCmd) -> Result<usize, String> {
    let TrainCmd::Ner(a) = cmd;
    let read =
        |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut train_sents = Vec::new();
    for p in std::iter::once(&a.train).chain(&a.also_train) {
        let mut more = train::read_conll(&read(p)?);
        if more.is_empty() {
            return Err(format!("{}: no sentences in CoNLL format", p.display()));
        }
        // documents of a later file are numbered after those of the earlier ones
        let base = train_sents
            .last()
            .map_or(0, |s: &train::Sentence| s.doc + 1);
        for s in &mut more {
            s.doc += base;
        }
        train_sents.extend(more);
    }
    let gaz = dateline_geo::Gazetteer::bundled()?;
    let actors = dateline_code::actors::Actors::bundled();
    let lex = dateline_code::pipeline::build_lexicon(&gaz, &actors);
    let file_name = |p: &PathBuf| {
        p.file_name()
            .and_then(|x| x.to_str())
            .unwrap_or("?")
            .to_string()
    };
    let names: Vec<String> = std::iter::once(&a.train)
        .chain(&a.also_train)
        .map(file_name)
        .collect();
    eprintln!(
        "dateline: training on {} sentences from {}",
        train_sents.len(),
        names.join(" + ")
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
    let log = |l: String| eprintln!("dateline: {l}");
    let model =
        if a.stages == 2 && without & dateline_nlp::ner::group_bit("non-local").unwrap_or(0) == 0 {
            train::train_two_stage(&train_sents, &lex, a.epochs, without, a.folds as usize, log)
        } else {
            train::train(&train_sents, &lex, a.epochs, without, log)
        };
    eprintln!("dateline: trained in {:.1}s", t0.elapsed().as_secs_f64());
    let mut dev_note = String::new();
    for (k, dev) in a.dev.iter().enumerate() {
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
        if k == 0 {
            dev_note = format!(" dev={} devF1={f:.4}", file_name(dev));
        }
    }
    let groups: Vec<&str> = dateline_nlp::ner::GROUPS
        .iter()
        .enumerate()
        .filter(|(i, _)| without & (1 << i) == 0)
        .map(|(_, g)| *g)
        .filter(|g| *g != "non-local" || model.stages() == 2)
        .collect();
    let stages = if model.stages() == 2 {
        format!(" stages=2 folds={}", a.folds)
    } else {
        String::new()
    };
    let header = format!(
        "data={} epochs={}{stages} features={} prune={}{}",
        names.join("+"),
        a.epochs,
        groups.join(","),
        a.prune,
        dev_note
    );
    let header = match &a.note {
        Some(n) => format!("{header} note={}", n.replace('\n', " ")),
        None => header,
    };
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
