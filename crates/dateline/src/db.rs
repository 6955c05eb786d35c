//! `ingest`, `query` and `export`: the database commands.

use crate::{set_jobs, ReadArgs, VerbArgs};
use clap::{Args, ValueEnum};
use dateline_core::Document;
use dateline_store::export::Format;
use dateline_store::query::{cell, csv_field, json, EventFilter, QuoteFilter, Table};
use dateline_store::Store;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// The database file (created if missing).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// No progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    verbs: VerbArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFmt {
    /// Aligned columns (default on a terminal).
    Table,
    /// One JSON object per row (default when piped).
    Jsonl,
    Csv,
}

#[derive(Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Source actor: CAMEO code prefix (USA, RUSGOV) or part of a name (Putin).
    #[arg(long)]
    actor: Option<String>,
    /// Target actor, the same way.
    #[arg(long)]
    target: Option<String>,
    /// CAMEO event code prefix (04, 042).
    #[arg(long)]
    code: Option<String>,
    /// PLOVER event type (CONSULT, ACCUSE ...).
    #[arg(long)]
    plover: Option<String>,
    /// Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    #[arg(long)]
    from: Option<String>,
    /// Latest event date, inclusive.
    #[arg(long)]
    to: Option<String>,
    /// Event place: a name (Sochi) or an ISO3 country (RUS).
    #[arg(long)]
    place: Option<String>,
    /// Events: full-text search (SQLite FTS5 syntax) over the reporting articles' titles and
    /// bodies. Quotes: words the quote contains.
    #[arg(long)]
    text: Option<String>,
    /// List quotes (who said what) instead of events.
    #[arg(long, conflicts_with_all = ["actor", "target", "code", "plover", "place"])]
    quotes: bool,
    /// With --quotes: part of the speaker's name (Putin), as written or canonical.
    #[arg(long, requires = "quotes")]
    speaker: Option<String>,
    /// With --quotes: direct or indirect.
    #[arg(long, requires = "quotes", value_parser = ["direct", "indirect"])]
    kind: Option<String>,
    /// At most this many rows (0: all).
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// Run this read-only SQL instead of the filters.
    #[arg(long, conflicts_with_all = ["actor", "target", "code", "plover", "from", "to", "place", "text", "quotes"])]
    sql: Option<String>,
    /// Output format (default: table on a terminal, jsonl when piped).
    #[arg(long, value_enum)]
    format: Option<TableFmt>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFmt {
    /// GDELT 2.0 Events table: 61 tab-separated columns, no header.
    Gdelt,
    /// GDELT 2.0 Mentions table: 16 tab-separated columns, no header.
    Mentions,
    Jsonl,
    Csv,
    /// The events table as Parquet (typed columns; dates as date32 where the day is known).
    Parquet,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    #[arg(long, value_enum)]
    format: ExportFmt,
    /// Output file (default: standard output). Written to a temporary file and renamed, so a
    /// failed export never leaves a half-written file.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

struct Progress {
    bar: ProgressBar,
    start: Instant,
    articles: usize,
    skipped: usize,
    events: usize,
    mentions: usize,
    errors: usize,
}

impl Progress {
    fn new(files: usize, quiet: bool) -> Progress {
        let bar = if quiet || !io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let b = ProgressBar::new(files as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files · {msg} · ETA {eta}",
            ) {
                b.set_style(style);
            }
            b
        };
        Progress {
            bar,
            start: Instant::now(),
            articles: 0,
            skipped: 0,
            events: 0,
            mentions: 0,
            errors: 0,
        }
    }

    fn update(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} articles ({:.0}/s), {} events, {} errors",
            self.articles,
            self.articles as f64 / secs,
            self.events,
            self.errors
        ));
    }

    fn report(&self, e: &str) {
        self.bar.suspend(|| eprintln!("dateline: {e}"));
    }
}

pub fn ingest(args: &IngestArgs) -> Result<usize, String> {
    set_jobs(args.read.jobs)?;
    // the pipeline first: a bad --verbs file fails before the database file is created
    // leaked on purpose: freed by the OS at exit, not allocation by allocation (main.rs)
    let pipeline: &'static dateline_code::Pipeline =
        Box::leak(Box::new(crate::pipeline(args.verbs.verbs.as_deref())?));
    let mut store = Store::open(&args.db).map_err(|e| e.to_string())?;
    let opts = args.read.options();
    let mut errs = Vec::new();
    let files = dateline_read::expand(&args.read.inputs, &mut errs);
    let mut p = Progress::new(files.len(), args.quiet);
    for e in &errs {
        p.report(e);
    }
    p.errors += errs.len();
    let mut fatal = None;
    let bar = p.bar.clone();
    let res = dateline_read::for_each_batch(
        &files,
        &opts,
        args.batch,
        |items| {
            let docs = take_docs(items, &mut p);
            store_docs(docs, &mut store, pipeline, &mut p).inspect_err(|e| fatal = Some(e.clone()))
        },
        |n, note| {
            bar.inc(n as u64);
            if let Some(n) = note {
                bar.suspend(|| eprintln!("dateline: {n}"));
            }
        },
    );
    if let Some(e) = fatal {
        return Err(e);
    }
    res?;
    p.bar.finish_and_clear();
    let secs = p.start.elapsed().as_secs_f64();
    eprintln!(
        "dateline: {} new articles ({} already stored), {} new events, {} mentions, {} failed inputs, in {:.1}s ({:.0} articles/s) -> {}",
        p.articles,
        p.skipped,
        p.events,
        p.mentions,
        p.errors,
        secs,
        p.articles as f64 / secs.max(1e-3),
        args.db.display()
    );
    Ok(p.errors)
}

fn take_docs(items: Vec<dateline_read::ReadResult>, p: &mut Progress) -> Vec<Document> {
    let mut docs = Vec::with_capacity(items.len());
    for r in items {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => {
                p.errors += 1;
                p.report(&e.to_string());
            }
        }
    }
    docs
}

/// Code the documents not stored yet and write them in one transaction.
fn store_docs(
    chunk: Vec<Document>,
    store: &mut Store,
    pipeline: &dateline_code::Pipeline,
    p: &mut Progress,
) -> Result<(), String> {
    let ids: Vec<&str> = chunk.iter().map(|d| d.id.as_str()).collect();
    let known = store.existing_ids(&ids).map_err(|e| e.to_string())?;
    let before = chunk.len();
    let todo: Vec<Document> = chunk
        .into_iter()
        .filter(|d| !known.contains(&d.id))
        .collect();
    p.skipped += before - todo.len();
    let coded: Vec<Document> = todo
        .into_par_iter()
        .map(|d| pipeline.run_guarded(d))
        .collect();
    for d in &coded {
        if let Some(e) = &d.error {
            eprintln!("dateline: {e}");
        }
    }
    let st = store.write_batch(&coded).map_err(|e| e.to_string())?;
    p.articles += st.articles;
    p.skipped += st.skipped;
    p.events += st.events;
    p.mentions += st.mentions;
    p.update();
    Ok(())
}

pub fn query(args: &QueryArgs) -> Result<usize, String> {
    let store = Store::open_read_only(&args.db).map_err(|e| e.to_string())?;
    let mut table = match &args.sql {
        Some(sql) => store.sql(sql).map_err(|e| e.to_string())?,
        None if args.quotes => {
            let f = QuoteFilter {
                speaker: args.speaker.clone(),
                text: args.text.clone(),
                kind: args.kind.clone(),
                from: args.from.clone(),
                to: args.to.clone(),
                limit: (args.limit > 0).then_some(args.limit),
            };
            store.query_quotes(&f).map_err(|e| e.to_string())?
        }
        None => {
            let f = EventFilter {
                actor: args.actor.clone(),
                target: args.target.clone(),
                code: args.code.clone(),
                plover: args.plover.clone(),
                from: args.from.clone(),
                to: args.to.clone(),
                place: args.place.clone(),
                text: args.text.clone(),
                limit: (args.limit > 0).then_some(args.limit),
            };
            store.query_events(&f).map_err(|e| e.to_string())?
        }
    };
    if args.sql.is_some() && args.limit > 0 {
        table.rows.truncate(args.limit);
    }
    let stdout = io::stdout();
    let fmt = args.format.unwrap_or(if stdout.is_terminal() {
        TableFmt::Table
    } else {
        TableFmt::Jsonl
    });
    let mut out = io::BufWriter::new(stdout.lock());
    let res = match fmt {
        TableFmt::Table => write_table(&mut out, &table),
        TableFmt::Csv => {
            let mut r = writeln!(
                out,
                "{}",
                table
                    .columns
                    .iter()
                    .map(|c| csv_field(c))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            for row in &table.rows {
                if r.is_ok() {
                    r = writeln!(
                        out,
                        "{}",
                        row.iter()
                            .map(|v| csv_field(&cell(v)))
                            .collect::<Vec<_>>()
                            .join(",")
                    );
                }
            }
            r
        }
        TableFmt::Jsonl => {
            let mut r = Ok(());
            for row in &table.rows {
                let obj: serde_json::Map<String, serde_json::Value> = table
                    .columns
                    .iter()
                    .cloned()
                    .zip(row.iter().map(json))
                    .collect();
                if r.is_ok() {
                    r = writeln!(out, "{}", serde_json::Value::Object(obj));
                }
            }
            r
        }
    };
    match res.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(0),
    }
}

fn write_table(out: &mut impl Write, t: &Table) -> io::Result<()> {
    const SHOWN: &[&str] = &[
        "id",
        "date",
        "cameo",
        "plover",
        "source_code",
        "source_name",
        "target_code",
        "target_name",
        "place_name",
        "num_mentions",
        "num_articles",
    ];
    // for event queries show the readable subset; for SQL, every column
    let idx: Vec<usize> = if SHOWN.iter().all(|c| t.columns.iter().any(|x| x == c)) {
        SHOWN
            .iter()
            .filter_map(|c| t.columns.iter().position(|x| x == c))
            .collect()
    } else {
        (0..t.columns.len()).collect()
    };
    let clip = |s: String| -> String {
        if s.chars().count() > 28 {
            s.chars().take(27).collect::<String>() + "…"
        } else {
            s
        }
    };
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| idx.iter().map(|&i| clip(cell(&r[i]))).collect())
        .collect();
    let heads: Vec<String> = idx.iter().map(|&i| t.columns[i].clone()).collect();
    let widths: Vec<usize> = (0..idx.len())
        .map(|k| {
            rows.iter()
                .map(|r| r[k].chars().count())
                .chain([heads[k].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}", w = *w))
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", line(&heads))?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("  ")
    )?;
    for r in &rows {
        writeln!(out, "{}", line(r).trim_end())?;
    }
    writeln!(out, "({} rows)", t.rows.len())
}

/// Standard output that remembers whether its reader went away (a broken pipe), so that the
/// error this makes further up is known for what it is.
struct PipeOut<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Write for PipeOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.closed |= matches!(&r, Err(e) if e.kind() == io::ErrorKind::BrokenPipe);
        r
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.closed |= matches!(&r, Err(e) if e.kind() == io::ErrorKind::BrokenPipe);
        r
    }
}

/// Write an export to `output` (via a `.partial` file renamed when complete, so a failed
/// export never leaves a half-written file) or to standard output.
fn write_export(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<usize, String>,
) -> Result<usize, String> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(PipeOut {
                inner: stdout.lock(),
                closed: false,
            });
            let res = write(&mut out).and_then(|_| out.flush().map_err(|e| e.to_string()));
            // a reader that stops early (`| head`) ends the export, quietly
            match res {
                Err(_) if out.get_ref().closed => return Ok(0),
                r => r?,
            };
        }
        Some(path) => {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("out");
            let tmp = path.with_extension(format!("{ext}.partial"));
            // the error names the file asked for, not the temporary one
            let f = std::fs::File::create(&tmp)
                .map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
            let mut out = io::BufWriter::new(f);
            let res = write(&mut out).and_then(|n| {
                out.flush()
                    .map(|_| n)
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))
            });
            match res {
                Ok(n) => {
                    std::fs::rename(&tmp, path)
                        .map_err(|e| format!("{}: cannot rename: {e}", path.display()))?;
                    eprintln!("dateline: {n} rows -> {}", path.display());
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
    }
    Ok(0)
}

pub fn export(args: &ExportArgs) -> Result<usize, String> {
    let store = Store::open_read_only(&args.db).map_err(|e| e.to_string())?;
    let fmt = match args.format {
        ExportFmt::Gdelt => Format::Gdelt,
        ExportFmt::Mentions => Format::Mentions,
        ExportFmt::Jsonl => Format::Jsonl,
        ExportFmt::Csv => Format::Csv,
        ExportFmt::Parquet => {
            // the Parquet writer wants an owned, sendable sink: it writes into memory first
            return write_export(args.output.as_deref(), |w| {
                let mut buf = Vec::new();
                let n = store.export_parquet(&mut buf).map_err(|e| e.to_string())?;
                w.write_all(&buf).map_err(|e| e.to_string())?;
                Ok(n)
            });
        }
    };
    write_export(args.output.as_deref(), |w| {
        store.export(fmt, w).map_err(|e| e.to_string())
    })
}
