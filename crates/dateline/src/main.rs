//! The `dateline` command: argument parsing and wiring only. The work lives in the library
//! crates, one per pipeline stage (see ARCHITECTURE.md).

use clap::{Args, Parser, Subcommand, ValueEnum};
use dateline_core::Document;
use dateline_read::{InputFormat, ReadOptions};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: coding allocates many small strings and vectors
/// per sentence (docs/BENCHMARKS.md, Throughput).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod db;
mod inputs;
mod pretty;
mod progress;
mod serve;
mod table;
mod train;
mod watch;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "News in, events out: who did what to whom, where and when, who said what.",
    long_about = None,
    after_help = "Examples:\n  \
        dateline code examples/harbour-talks.md            a readable summary of one article\n  \
        dateline code --format jsonl news/ > coded.jsonl   every file below news/, as JSON Lines\n  \
        dateline ingest news/ --db news.db                 code and store in an event database\n  \
        dateline query --db news.db --actor RUS --code 19  what Russia's fighting looks like\n\n\
        Exit codes: 0 all inputs processed; 1 some inputs could not be (each named on stderr);\n\
        2 nothing done (a bad flag, an unreadable database or verb file, a failed write)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Article extraction only: metadata and body of each article.
    #[command(after_help = "Examples:\n  \
        dateline read page.html                       title, byline, date and main text\n  \
        dateline read --format jsonl crawl.warc.gz    every HTML page of a WARC archive\n  \
        dateline read https://example.org/news/story  a page fetched (politely) and read\n  \
        curl -s URL | dateline read --input-format html -")]
    Read {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The whole pipeline: entities, times, places, quotes and coded events.
    #[command(after_help = "Examples:\n  \
        dateline code examples/harbour-talks.md                 a readable summary\n  \
        dateline code --format jsonl -j 2 news/ > coded.jsonl   a folder, both cores\n  \
        dateline code --published 2018-05-18 story.txt          date relative times\n  \
        dateline code --verbs CAMEO.2.0.txt story.md            add PETRARCH's verb patterns\n  \
        dateline code https://example.org/rss.xml               the pages a feed lists, fetched")]
    Code {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        out: OutArgs,
        #[command(flatten)]
        verbs: VerbArgs,
    },
    /// Read, code and store articles in an event database (SQLite).
    #[command(after_help = "Examples:\n  \
        dateline ingest news/ --db news.db                   a folder (run it again: stored ids are skipped)\n  \
        dateline ingest --db news.db CC-NEWS-*.warc.gz       Common Crawl news archives\n  \
        dateline ingest --db news.db --published 2018-05-18 story.txt\n  \
        dateline ingest --db news.db https://example.org/sitemap-news.xml   a sitemap's pages")]
    Ingest(db::IngestArgs),
    /// Query the events of a database, or run read-only SQL on it.
    #[command(after_help = "Examples:\n  \
        dateline query --db news.db --actor RUS --code 19 --from 2015   Russia's fighting since 2015\n  \
        dateline query --db news.db --place Sochi --from 2018-05 --to 2018-05\n  \
        dateline query --db news.db --quotes --speaker Putin            who said what\n  \
        dateline query --db news.db --sql 'SELECT cameo, count(*) FROM events GROUP BY cameo'")]
    Query(db::QueryArgs),
    /// Export a database's events: GDELT 2.0 events or mentions tables, JSON Lines, CSV.
    #[command(after_help = "Examples:\n  \
        dateline export --db news.db --format gdelt -o 20180518.export.CSV   GDELT 2.0 events\n  \
        dateline export --db news.db --format csv --actor USA --from 2018     a filtered table\n  \
        dateline export --db news.db --format parquet -o events.parquet")]
    Export(db::ExportArgs),
    /// Serve the database over HTTP: a JSON API (docs/api.md), read-only unless given a token.
    #[command(after_help = "Examples:\n  \
        dateline serve --db news.db                         http://127.0.0.1:8080, read-only\n  \
        dateline serve --db news.db --addr 127.0.0.1:0      any free port (printed on stdout)\n  \
        DATELINE_TOKEN=s3cret dateline serve --db news.db   POST /api/articles codes and stores\n\n\
        The first line of standard output is the address served (http://HOST:PORT).")]
    Serve(serve::ServeArgs),
    /// Follow feeds and folders: keep the database current, write GDELT-style update files.
    #[command(after_help = "Examples:\n  \
        dateline watch --db news.db --feeds feeds.txt --updates updates/   leave it running\n  \
        dateline watch --db news.db https://example.org/rss.xml --once     one pass (cron)\n  \
        dateline watch --db news.db --dir inbox/                           a folder's new files, as they come\n  \
        dateline watch --status --db news.db                               feeds, errors, rates\n\n\
        SIGTERM or Ctrl-C stops it cleanly: the batch in hand is stored, the rest stays queued.")]
    Watch(watch::WatchArgs),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(train::TrainCmd),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutFmt {
    /// One JSON object per line (`dateline.article/1`); the default when piped.
    Jsonl,
    /// A human-readable summary; the default on a terminal.
    Pretty,
}

/// The flags of every command that reads articles (`read`, `code`, `ingest`).
#[derive(Args)]
pub(crate) struct ReadArgs {
    /// Files, directories (read recursively; `.gz` files included), `-` for standard input, or
    /// http(s) URLs: a page, a feed or sitemap (the pages it lists), a WARC or JSON Lines file.
    #[arg(required = true, value_name = "PATH|URL")]
    pub inputs: Vec<String>,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormat,
    /// Publication date (YYYY-MM-DD) anchoring relative dates when an article carries none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    pub published: Option<String>,
    /// The most bytes one article may hold: a longer file is cut at a sentence or line end
    /// below it, a longer JSON Lines record skipped; either is reported on stderr.
    #[arg(long, value_name = "N", default_value_t = dateline_read::DEFAULT_MAX_ARTICLE_BYTES,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_article_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// The least time between two requests to one host.
    #[arg(long, default_value = "1s", value_parser = dateline_watch::parse_duration, help_heading = "URL inputs")]
    pub delay: std::time::Duration,
    /// The most time one request may take, body included (a streamed WARC or JSON
    /// Lines body: each read).
    #[arg(long, default_value = "30s", value_parser = dateline_watch::parse_duration, help_heading = "URL inputs")]
    pub timeout: std::time::Duration,
    /// The largest body read whole, in bytes (a page, a feed); a larger declared
    /// one is refused unread.
    #[arg(long, value_name = "BYTES", default_value_t = 10 << 20, help_heading = "URL inputs")]
    pub max_bytes: u64,
}

impl ReadArgs {
    pub(crate) fn options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            published: self.published.clone(),
            max_article_bytes: self.max_article_bytes,
        }
    }

    /// How URL inputs are fetched: as `watch` fetches, with these flags.
    pub(crate) fn fetch(&self) -> dateline_watch::http::HttpConfig {
        dateline_watch::http::HttpConfig {
            delay: self.delay,
            timeout: self.timeout,
            max_bytes: self.max_bytes,
            ..Default::default()
        }
    }
}

/// The flags of the commands that code events (`code`, `ingest`).
#[derive(Args)]
pub(crate) struct VerbArgs {
    /// Add the verb patterns of this file to the bundled ones (PETRARCH's CAMEO verb
    /// dictionary, or dateline's pattern format; docs/data-formats.md). A PETRARCH file joins
    /// the general layer, under the pattern files (CAMEO.2.0.txt is bundled there already).
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Annotate articles in languages other than English too, with the English models
    /// (by default they keep their text and `language` and get no annotations).
    #[arg(long)]
    pub all_languages: bool,
    /// Keep the events of articles judged not political (sports, market reports …; see
    /// `relevance` in the output). By default their events are dropped.
    #[arg(long)]
    pub all_topics: bool,
    /// Drop events whose confidence is below this (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = parse_confidence)]
    pub min_confidence: f64,
    /// Add to each article an `explain` field: per place-like entity, whether it was placed
    /// and by which named rule, with the gazetteer's readings and their scores
    /// (docs/explain.md).
    #[arg(long)]
    pub explain: bool,
}

/// A confidence threshold: a number from 0 to 1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is no confidence: give a number from 0 to 1")),
    }
}

#[derive(Args)]
struct OutArgs {
    /// Output format (default: pretty on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    format: Option<OutFmt>,
}

/// The coding pipeline with the bundled knowledge and, if given, a user's verb file.
pub(crate) fn pipeline(args: &VerbArgs) -> Result<dateline_code::Pipeline, String> {
    let mut p = dateline_code::Pipeline::new().map_err(|e| e.to_string())?;
    p.all_languages = args.all_languages;
    p.all_topics = args.all_topics;
    p.min_confidence = args.min_confidence;
    p.explain = args.explain;
    if let Some(v) = args.verbs.as_deref() {
        let shown = v.display();
        let bytes = std::fs::read(v).map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{shown}: not UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
        let n = p
            .add_verbs(&shown.to_string(), &text)
            .map_err(|e| e.to_string())?;
        eprintln!("dateline: {}: {n} verb patterns added", v.display());
    }
    Ok(p)
}

pub(crate) fn parse_published(s: &str) -> Result<String, String> {
    dateline_core::date::Date::parse_iso(s)
        .filter(|_| s.len() == 10)
        .map(|d| d.to_string())
        .ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Read { read, out } => run(read, out, None),
        Command::Code { read, out, verbs } => run(read, out, Some(verbs)),
        Command::Ingest(a) => db::ingest(a),
        Command::Query(a) => db::query(a),
        Command::Export(a) => db::export(a),
        Command::Serve(a) => serve::run(a),
        Command::Watch(a) => watch::run(a),
        Command::Train(t) => train::run(t),
    };
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(n) => {
            eprintln!("dateline: {n} input(s) could not be processed");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}

/// How many articles are read and processed together: bounds memory on huge inputs while
/// keeping both cores busy.
const BATCH: usize = 64;

pub(crate) fn set_jobs(jobs: Option<usize>) -> Result<(), String> {
    if let Some(j) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `read` (no verbs: no coding) and `code`.
fn run(args: &ReadArgs, out: &OutArgs, code: Option<&VerbArgs>) -> Result<usize, String> {
    set_jobs(args.jobs)?;
    let stdout = io::stdout();
    let pretty = match out.format {
        Some(OutFmt::Pretty) => true,
        Some(OutFmt::Jsonl) => false,
        None => stdout.is_terminal(),
    };
    let opts = args.options();
    // the pipeline lives until the process ends: leaking it spares freeing ~300k small
    // allocations at exit (a fifth of a short run's time); the OS reclaims the memory
    let pipeline: Option<&'static dateline_code::Pipeline> = match code {
        Some(v) => Some(Box::leak(Box::new(pipeline(v)?))),
        None => None,
    };
    let mut errors = Vec::new();
    let mut skipped = 0;
    let files = inputs::expand(&args.inputs, &mut errors, &mut skipped);
    let mut failed = errors.len();
    let progress = progress::RunProgress::new(files.len(), stdout.is_terminal());
    for e in &errors {
        progress.note(e);
    }
    if skipped > 0 && !files.is_empty() {
        progress.note(&dateline_read::files::skipped_note(skipped));
    }
    let mut out = io::BufWriter::new(stdout.lock());
    let mut broken_pipe = false;
    let mut languages = progress::SetAside::new(progress::Reason::Language);
    let mut topics = progress::SetAside::new(progress::Reason::Topic);
    let res = inputs::for_each_batch(
        &files,
        &opts,
        &args.fetch(),
        BATCH,
        |items| {
            let docs: Vec<Document> = items
                .into_par_iter()
                .map(|r| match r {
                    Ok(d) => match &pipeline {
                        Some(p) => p.run_guarded(d),
                        None => d,
                    },
                    Err(e) => Document::failed(&e.source.clone(), e.id.clone(), e.to_string()),
                })
                .collect();
            for d in &docs {
                if let Some(e) = &d.error {
                    failed += 1;
                    progress.note(e);
                }
                for w in d
                    .warnings
                    .iter()
                    .filter(|w| w.starts_with(dateline_read::CUT_WARNING))
                {
                    progress.note(&format!("{}: {w}", d.source));
                }
                progress.document(d);
                languages.add(d);
                topics.add(d);
                let res = if pretty {
                    pretty::write(&mut out, d, code.is_some())
                } else {
                    dateline_read::jsonl::write_line(&mut out, d)
                };
                if let Err(e) = res {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        broken_pipe = true;
                        return Err(String::new());
                    }
                    return Err(format!("cannot write output: {e}"));
                }
            }
            Ok(())
        },
        |n, note| {
            progress.files_done(n);
            if let Some(n) = note {
                progress.note(&n);
            }
        },
    );
    progress.finish();
    for note in [languages.note(), topics.note()].into_iter().flatten() {
        eprintln!("dateline: {note}");
    }
    if broken_pipe {
        return Ok(failed);
    }
    res?;
    out.flush().or_else(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(format!("cannot write output: {e}"))
        }
    })?;
    Ok(failed)
}
