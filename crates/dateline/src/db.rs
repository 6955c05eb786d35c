//! `ingest`, `query` and `export`: the database commands.

use crate::{set_jobs, ReadArgs, VerbArgs};
use clap::{Args, ValueEnum};
use dateline_core::Document;
use dateline_store::export::{Exported, Format};
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

/// The filters `query` and `export` share; the store applies them to both.
#[derive(Args)]
pub struct FilterArgs {
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
    /// Event place: a name (Sochi) or an ISO3 country (RUS).
    #[arg(long)]
    place: Option<String>,
    /// Earliest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD (2018-05 starts on 1 May).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<String>,
    /// Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD (2018-05 takes in all of May).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<String>,
    /// Events: full-text search (SQLite FTS5 syntax) over the reporting articles' titles and
    /// bodies. Quotes: words the quote contains.
    #[arg(long)]
    text: Option<String>,
    /// Events whose reports' mean confidence is at least this (0 to 1).
    #[arg(long, value_name = "X", value_parser = parse_confidence)]
    min_confidence: Option<f64>,
    /// At most this many rows (0: all). Default: 100 for `query`, all for `export`.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Every row: no limit.
    #[arg(long, conflicts_with = "limit")]
    all: bool,
}

impl FilterArgs {
    /// The row limit: `--limit` (0 is none), none with `--all`, else `default`.
    fn limit(&self, default: Option<usize>) -> Option<usize> {
        if self.all {
            return None;
        }
        match self.limit {
            Some(0) => None,
            Some(n) => Some(n),
            None => default,
        }
    }

    fn events(&self, default_limit: Option<usize>) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            plover: self.plover.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            text: self.text.clone(),
            min_confidence: self.min_confidence,
            limit: self.limit(default_limit),
            ..Default::default()
        }
    }
}

/// A `--from`/`--to` value: checked to be a real year, month or day.
fn parse_date(s: &str) -> Result<String, String> {
    dateline_store::dates::parse_bound(s)
        .map(|_| s.to_string())
        .map_err(|e| e.to_string())
}

fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

/// `query` answers at most this many rows unless told otherwise.
const QUERY_LIMIT: usize = 100;

#[derive(Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    #[command(flatten)]
    filter: FilterArgs,
    /// List quotes (who said what) instead of events.
    #[arg(long, conflicts_with_all = ["actor", "target", "code", "plover", "place", "min_confidence"])]
    quotes: bool,
    /// With --quotes: part of the speaker's name (Putin), as written or canonical.
    #[arg(long, requires = "quotes")]
    speaker: Option<String>,
    /// With --quotes: direct or indirect.
    #[arg(long, requires = "quotes", value_parser = ["direct", "indirect"])]
    kind: Option<String>,
    /// Run this read-only SQL instead of the filters.
    #[arg(long, conflicts_with_all = ["actor", "target", "code", "plover", "from", "to", "place", "text", "min_confidence", "quotes"])]
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
    #[command(flatten)]
    filter: FilterArgs,
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
    languages: crate::progress::SetAside,
    topics: crate::progress::SetAside,
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
            languages: crate::progress::SetAside::new(crate::progress::Reason::Language),
            topics: crate::progress::SetAside::new(crate::progress::Reason::Topic),
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
        Box::leak(Box::new(crate::pipeline(&args.verbs)?));
    let mut store = Store::open(&args.db).map_err(|e| e.to_string())?;
    let opts = args.read.options();
    let mut errs = Vec::new();
    let mut skipped = 0;
    let files = crate::inputs::expand(&args.read.inputs, &mut errs, &mut skipped);
    let mut p = Progress::new(files.len(), args.quiet);
    for e in &errs {
        p.report(e);
    }
    if skipped > 0 && !files.is_empty() {
        p.report(&dateline_read::files::skipped_note(skipped));
    }
    p.errors += errs.len();
    let mut fatal = None;
    let bar = p.bar.clone();
    let res = crate::inputs::for_each_batch(
        &files,
        &opts,
        &args.read.fetch(),
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
    for note in [p.languages.note(), p.topics.note()].into_iter().flatten() {
        eprintln!("dateline: {note}");
    }
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
            p.report(e);
        }
        p.languages.add(d);
        p.topics.add(d);
    }
    let st = store.write_batch(&coded).map_err(|e| e.to_string())?;
    p.articles += st.articles;
    p.skipped += st.skipped;
    p.events += st.events;
    p.mentions += st.mentions;
    p.update();
    Ok(())
}

/// The rows a query answers, and how many it would without its limit.
fn query_table(args: &QueryArgs) -> Result<(Table, usize, &'static str), String> {
    let store = Store::open_read_only(&args.db).map_err(|e| e.to_string())?;
    let f = &args.filter;
    let limit = f.limit(Some(QUERY_LIMIT));
    let full = |t: &Table| limit.is_some_and(|l| t.rows.len() >= l);
    let e = |e: dateline_store::StoreError| e.to_string();
    Ok(match &args.sql {
        Some(sql) => {
            let mut table = store.sql(sql).map_err(e)?;
            let total = table.rows.len();
            if let Some(l) = limit {
                table.rows.truncate(l);
            }
            (table, total, "rows")
        }
        None if args.quotes => {
            let q = QuoteFilter {
                speaker: args.speaker.clone(),
                text: f.text.clone(),
                kind: args.kind.clone(),
                from: f.from.clone(),
                to: f.to.clone(),
                limit,
            };
            let table = store.query_quotes(&q).map_err(e)?;
            let total = if full(&table) {
                store.count_quotes(&q).map_err(e)?
            } else {
                table.rows.len()
            };
            (table, total, "quotes")
        }
        None => {
            let q = f.events(Some(QUERY_LIMIT));
            let table = store.query_events(&q).map_err(e)?;
            let total = if full(&table) {
                store.count_events(&q).map_err(e)?
            } else {
                table.rows.len()
            };
            (table, total, "events")
        }
    })
}

/// "showing N of M" on standard error when a limit cut the answer.
fn say_truncated(shown: usize, total: usize, what: &str) {
    if shown < total {
        eprintln!(
            "dateline: showing {shown} of {total} {what} (--limit N for more, --all for every one)"
        );
    }
}

pub fn query(args: &QueryArgs) -> Result<usize, String> {
    let (table, total, what) = query_table(args)?;
    say_truncated(table.rows.len(), total, what);
    let stdout = io::stdout();
    let fmt = args.format.unwrap_or(if stdout.is_terminal() {
        TableFmt::Table
    } else {
        TableFmt::Jsonl
    });
    let mut out = io::BufWriter::new(stdout.lock());
    let res = match fmt {
        TableFmt::Table => crate::table::write(&mut out, &table, crate::table::output_width()),
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
    write: impl FnOnce(&mut dyn Write) -> Result<Exported, String>,
) -> Result<Option<Exported>, String> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(PipeOut {
                inner: stdout.lock(),
                closed: false,
            });
            let res =
                write(&mut out).and_then(|n| out.flush().map(|_| n).map_err(|e| e.to_string()));
            // a reader that stops early (`| head`) ends the export, quietly
            match res {
                Err(_) if out.get_ref().closed => Ok(None),
                r => r.map(Some),
            }
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
                    eprintln!("dateline: {} rows -> {}", n.rows, path.display());
                    Ok(Some(n))
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    Err(e)
                }
            }
        }
    }
}

pub fn export(args: &ExportArgs) -> Result<usize, String> {
    let store = Store::open_read_only(&args.db).map_err(|e| e.to_string())?;
    let filter = args.filter.events(None);
    // the text formats; Parquet is written apart
    let fmt = match args.format {
        ExportFmt::Gdelt => Some(Format::Gdelt),
        ExportFmt::Mentions => Some(Format::Mentions),
        ExportFmt::Jsonl => Some(Format::Jsonl),
        ExportFmt::Csv => Some(Format::Csv),
        ExportFmt::Parquet => None,
    };
    let done = write_export(args.output.as_deref(), |w| match fmt {
        Some(fmt) => store.export(fmt, &filter, w).map_err(|e| e.to_string()),
        None => {
            // the Parquet writer wants an owned, sendable sink: it writes into memory first
            let mut buf = Vec::new();
            let n = store
                .export_parquet(&mut buf, &filter)
                .map_err(|e| e.to_string())?;
            w.write_all(&buf).map_err(|e| e.to_string())?;
            Ok(n)
        }
    })?;
    if let Some(n) = done {
        let what = if fmt == Some(Format::Mentions) {
            "mentions"
        } else {
            "events"
        };
        if n.undated > 0 {
            eprintln!(
                "dateline: {} undated {what} skipped (GDELT rows need a date)",
                n.undated
            );
        }
        say_truncated(n.rows, n.matched, what);
    }
    Ok(0)
}
