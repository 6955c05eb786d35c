//! The `dateline` command: argument parsing and wiring only. The work lives in the library
//! crates, one per pipeline stage (see ARCHITECTURE.md).

use clap::{Args, Parser, Subcommand, ValueEnum};
use dateline_core::Document;
use dateline_read::{InputFormat, ReadOptions};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod db;
mod input;
mod pretty;
mod train;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "News in, events out: who did what to whom, where and when, who said what.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Article extraction only: metadata and body of each article.
    Read(IoArgs),
    /// The whole pipeline: entities, times, places, quotes and coded events.
    Code(IoArgs),
    /// Read, code and store articles in an event database (SQLite).
    Ingest(db::IngestArgs),
    /// Query the events of a database, or run read-only SQL on it.
    Query(db::QueryArgs),
    /// Export a database's events: GDELT 2.0 events or mentions tables, JSON Lines, CSV.
    Export(db::ExportArgs),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(train::TrainCmd),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum InFmt {
    Auto,
    Markdown,
    Text,
    Html,
    Jsonl,
    /// WARC archives (Common Crawl, CC-NEWS): HTML 200 responses become articles.
    Warc,
    /// RSS 2.0 and Atom feeds: each item becomes an article.
    Feed,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum OutFmt {
    /// One JSON object per line (`dateline.article/1`); the default when piped.
    Jsonl,
    /// A human-readable summary; the default on a terminal.
    Pretty,
}

#[derive(Args)]
struct IoArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<String>,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InFmt,
    /// Output format (default: pretty on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    format: Option<OutFmt>,
    /// Publication date (YYYY-MM-DD) anchoring relative dates when an article carries none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// `code`: add the verb patterns of this file to the bundled ones (PETRARCH's CAMEO verb
    /// dictionary, e.g. CAMEO.2.0.txt, or dateline's pattern format; docs/data-formats.md).
    #[arg(long, value_name = "FILE")]
    verbs: Option<PathBuf>,
}

/// The coding pipeline with the bundled knowledge and, if given, a user's verb file.
pub(crate) fn pipeline(verbs: Option<&Path>) -> Result<dateline_code::Pipeline, String> {
    let mut p = dateline_code::Pipeline::new()?;
    if let Some(v) = verbs {
        let n = p.add_verbs(v)?;
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
        Command::Read(a) => run(a, false),
        Command::Code(a) => run(a, true),
        Command::Ingest(a) => db::ingest(a),
        Command::Query(a) => db::query(a),
        Command::Export(a) => db::export(a),
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

impl InFmt {
    pub(crate) fn to_read(self) -> InputFormat {
        match self {
            InFmt::Auto => InputFormat::Auto,
            InFmt::Markdown => InputFormat::Markdown,
            InFmt::Text => InputFormat::Text,
            InFmt::Html => InputFormat::Html,
            InFmt::Jsonl => InputFormat::Jsonl,
            InFmt::Warc => InputFormat::Warc,
            InFmt::Feed => InputFormat::Feed,
        }
    }
}

/// Expand the command-line inputs: directories recursively (sorted, hidden files skipped).
pub(crate) fn expand(inputs: &[String], errors: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for i in inputs {
        if i == "-" {
            out.push(i.clone());
            continue;
        }
        let p = Path::new(i);
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, errors);
            files.sort();
            out.extend(files.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            out.push(i.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    for entry in rd.flatten() {
        let p = entry.path();
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, errors);
        } else {
            out.push(p);
        }
    }
}

fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut b = Vec::new();
        io::stdin().lock().read_to_end(&mut b)?;
        Ok(b)
    } else {
        std::fs::read(path)
    }
}

/// Read one input into documents (or errors), gunzipping `.gz` files and gzip streams
/// (multi-member archives included).
pub(crate) fn read_path(path: &str, opts: &ReadOptions) -> Vec<dateline_read::ReadResult> {
    let fail = |message: String| {
        vec![Err(dateline_read::ReadError {
            source: path.to_string(),
            line: None,
            id: None,
            message,
        })]
    };
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}")),
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(&bytes[..]);
        if let Err(e) = dec.read_to_end(&mut out) {
            return fail(format!("truncated or corrupt gzip data: {e}"));
        }
        let inner = path.strip_suffix(".gz").unwrap_or(path);
        let mut o = opts.clone();
        if o.format == InputFormat::Auto {
            o.format = dateline_read::detect(inner, &out);
        }
        return dateline_read::read(path, &out, &o);
    }
    dateline_read::read(path, &bytes, opts)
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

fn run(args: &IoArgs, code: bool) -> Result<usize, String> {
    set_jobs(args.jobs)?;
    let stdout = io::stdout();
    let pretty = match args.format {
        Some(OutFmt::Pretty) => true,
        Some(OutFmt::Jsonl) => false,
        None => stdout.is_terminal(),
    };
    let opts = ReadOptions {
        format: args.input_format.to_read(),
        published: args.published.clone(),
    };
    // the pipeline lives until the process ends: leaking it spares freeing ~300k small
    // allocations at exit (a fifth of a short run's time); the OS reclaims the memory
    let pipeline: Option<&'static dateline_code::Pipeline> = if code {
        Some(Box::leak(Box::new(pipeline(args.verbs.as_deref())?)))
    } else {
        None
    };
    let mut errors = Vec::new();
    let files = expand(&args.inputs, &mut errors);
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("dateline: {e}");
    }
    let mut out = io::BufWriter::new(stdout.lock());
    let mut broken_pipe = false;
    let res = input::for_each_batch(
        &files,
        &opts,
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
                    eprintln!("dateline: {e}");
                }
                let res = if pretty {
                    pretty::write(&mut out, d, code)
                } else {
                    write_jsonl(&mut out, d)
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
        |_| {},
    );
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

/// One JSON object on one line. serde_json leaves U+0085, U+2028 and U+2029 raw inside
/// strings; many line readers (Python's `splitlines`, JavaScript) break lines there, so they are
/// written as `\u` escapes.
fn write_jsonl(out: &mut impl Write, d: &Document) -> io::Result<()> {
    let buf = serde_json::to_vec(d).map_err(io::Error::other)?;
    let mut start = 0;
    let mut i = 0;
    while i + 1 < buf.len() {
        let esc = match (buf[i], buf[i + 1], buf.get(i + 2)) {
            (0xc2, 0x85, _) => Some(("\\u0085", 2)),
            (0xe2, 0x80, Some(0xa8)) => Some(("\\u2028", 3)),
            (0xe2, 0x80, Some(0xa9)) => Some(("\\u2029", 3)),
            _ => None,
        };
        match esc {
            Some((e, n)) => {
                out.write_all(&buf[start..i])?;
                out.write_all(e.as_bytes())?;
                i += n;
                start = i;
            }
            None => i += 1,
        }
    }
    out.write_all(&buf[start..])?;
    out.write_all(b"\n")
}
