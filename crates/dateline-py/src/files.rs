//! One file read and coded a batch at a time (`dateline.code_file`), on a thread of its own
//! that hands each batch's tables to Python through a channel of one.
//!
//! WARC files are read record by record with `dateline-read`'s `WarcReader` (as the CLI's batch
//! reader does, pages extracted in parallel), so that each article and error keeps the byte
//! offset of its record; every other format goes through the CLI's own batch reader,
//! `dateline_read::for_each_batch`. Either way the documents are coded by the CLI's pipeline.

use crate::tables::{self, Coded, Kind};
use crate::Tables;
use dateline_read::{InputFormat, ReadOptions, ReadResult};
use rayon::prelude::*;
use std::sync::mpsc::SyncSender;

/// Read, code and send `path`'s batches; an error that ends the file (the knowledge cannot be
/// loaded) is sent as the last item. Stops early when the receiver is gone.
pub fn stream(
    path: &str,
    opts: &ReadOptions,
    kinds: &[Kind],
    batch: usize,
    threads: Option<usize>,
    tx: SyncSender<Result<Tables, String>>,
) {
    let run = || -> Result<(), String> {
        let p = crate::pipeline()?;
        let mut next_record: i64 = 0;
        let mut send = |items: Vec<(Option<i64>, ReadResult)>| -> Result<(), String> {
            let base = next_record;
            let coded: Vec<Coded> = items
                .into_par_iter()
                .enumerate()
                .map(|(i, (offset, r))| {
                    let line = match &r {
                        Err(e) => e.line.map(|l| l as i64),
                        Ok(d) => line_of(path, &d.source),
                    };
                    Coded {
                        record: base + i as i64,
                        offset,
                        line,
                        doc: crate::code_one(p, r),
                    }
                })
                .collect();
            next_record += coded.len() as i64;
            let t = tables::build(kinds, &coded)?;
            // the receiver gone (Python dropped the iterator): stop reading
            tx.send(Ok(t)).map_err(|_| String::new())
        };
        if is_warc(path, opts) {
            warc(path, opts, batch, &mut send)
        } else {
            dateline_read::for_each_batch(
                &[path.to_string()],
                opts,
                batch,
                |items| send(items.into_iter().map(|r| (None, r)).collect()),
                |_, _| {},
            )
        }
    };
    if let Err(e) = crate::on_pool(threads, run).and_then(|r| r) {
        if !e.is_empty() {
            let _ = tx.send(Err(e));
        }
    }
}

fn is_warc(path: &str, opts: &ReadOptions) -> bool {
    match opts.format {
        InputFormat::Warc => true,
        InputFormat::Auto => {
            let name = path.strip_suffix(".gz").unwrap_or(path);
            name.to_ascii_lowercase().ends_with(".warc")
        }
        _ => false,
    }
}

/// The line of a JSON Lines record whose source is `path:LINE` (the reader's default).
fn line_of(path: &str, source: &str) -> Option<i64> {
    source.strip_prefix(path)?.strip_prefix(':')?.parse().ok()
}

/// A WARC file's records, `batch` at a time, each with its byte offset: read serially, pages
/// extracted in parallel, as `dateline_read::for_each_batch` does.
fn warc(
    path: &str,
    opts: &ReadOptions,
    batch: usize,
    send: &mut impl FnMut(Vec<(Option<i64>, ReadResult)>) -> Result<(), String>,
) -> Result<(), String> {
    let r = match dateline_read::files::open(path) {
        Ok(r) => r,
        Err(message) => {
            return send(vec![(
                None,
                Err(dateline_read::ReadError {
                    source: path.to_string(),
                    line: None,
                    id: None,
                    message,
                }),
            )])
        }
    };
    let mut w = dateline_read::warc::WarcReader::new(path, r, opts.published.as_deref());
    loop {
        let mut pending = Vec::with_capacity(batch);
        while pending.len() < batch {
            match w.next_pending() {
                Some(p) => pending.push((i64::try_from(w.record_start()).ok(), p)),
                None => break,
            }
        }
        if pending.is_empty() {
            return Ok(());
        }
        let read: Vec<(Option<i64>, ReadResult)> = pending
            .into_par_iter()
            .map(|(at, p)| (at, p.finish()))
            .collect();
        send(read)?;
    }
}
