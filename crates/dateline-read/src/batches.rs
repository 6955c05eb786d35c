//! Inputs to batches of read results, in input order: JSON Lines and WARC files (gzipped or
//! not, or stdin) are streamed a batch at a time in constant memory; other files are read whole,
//! a round of them in parallel (rayon's pool, so `-j` bounds it).

use crate::files::{open, read_file};
use crate::{InputFormat, ReadError, ReadOptions, ReadResult};
use rayon::prelude::*;
use std::io::{BufRead, Read};

/// How many whole files are read at once.
const FILES_PER_ROUND: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    Jsonl,
    Warc,
}

fn stream_kind(path: &str, opts: &ReadOptions) -> Option<Stream> {
    match opts.format {
        InputFormat::Jsonl => Some(Stream::Jsonl),
        InputFormat::Warc => Some(Stream::Warc),
        InputFormat::Auto => {
            let name = path
                .strip_suffix(".gz")
                .unwrap_or(path)
                .to_ascii_lowercase();
            if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
                Some(Stream::Jsonl)
            } else if name.ends_with(".warc") {
                Some(Stream::Warc)
            } else {
                sniffed_stream(path)
            }
        }
        _ => None,
    }
}

/// Files at least this large whose name says no format are opened to see whether their
/// content is JSON Lines or WARC, so that they stream too (smaller ones are read whole);
/// gzipped ones whatever their size, which says little of what they unpack to.
const SNIFF_BYTES: u64 = 1 << 20;

/// The stream kind a large file's first bytes show, when its name says nothing.
fn sniffed_stream(path: &str) -> Option<Stream> {
    let gz = path.to_ascii_lowercase().ends_with(".gz");
    if path == "-" || !gz && std::fs::metadata(path).ok()?.len() < SNIFF_BYTES {
        return None;
    }
    let mut r = open(path).ok()?;
    let head = r.fill_buf().ok()?;
    match crate::detect::detect(path, head) {
        InputFormat::Jsonl => Some(Stream::Jsonl),
        InputFormat::Warc => Some(Stream::Warc),
        _ => None,
    }
}

/// Call `f` with every input's read results, `batch` at a time, in input order. `f` returning
/// an error stops everything (a fatal error such as a failed database write); a file that
/// cannot be read is an `Err` result like any other bad input. `file_done` hears how many
/// files were finished, and a note for the user when there is one (a WARC file's tally).
pub fn for_each_batch<E>(
    files: &[String],
    opts: &ReadOptions,
    batch: usize,
    mut f: impl FnMut(Vec<ReadResult>) -> Result<(), E>,
    mut file_done: impl FnMut(usize, Option<String>),
) -> Result<(), E> {
    let batch = batch.max(1);
    let mut i = 0;
    while i < files.len() {
        if let Some(kind) = stream_kind(&files[i], opts) {
            let note = stream(&files[i], kind, opts, batch, &mut f)?;
            file_done(1, note);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < files.len() && j - i < FILES_PER_ROUND && stream_kind(&files[j], opts).is_none() {
            j += 1;
        }
        let round = &files[i..j];
        let read: Vec<Vec<ReadResult>> = round.par_iter().map(|p| read_file(p, opts)).collect();
        let mut items: Vec<ReadResult> = read.into_iter().flatten().collect();
        while !items.is_empty() {
            let rest = items.split_off(items.len().min(batch));
            f(std::mem::replace(&mut items, rest))?;
        }
        file_done(round.len(), None);
        i = j;
    }
    Ok(())
}

fn stream<E>(
    path: &str,
    kind: Stream,
    opts: &ReadOptions,
    batch: usize,
    f: &mut impl FnMut(Vec<ReadResult>) -> Result<(), E>,
) -> Result<Option<String>, E> {
    match open(path) {
        Ok(r) => stream_from(path, r, kind, opts, batch, f),
        Err(message) => f(vec![Err(ReadError {
            source: path.to_string(),
            line: None,
            id: None,
            message,
        })])
        .map(|()| None),
    }
}

/// Call `f` with the read results of a WARC or JSON Lines stream named `source` (`format`
/// says which; gzip already undone), `batch` at a time, in constant memory — as for a file
/// of that format (a URL's body, for one). Returns the note a WARC stream's tally makes.
/// Another `format` is read whole.
pub fn for_each_batch_of_stream<E>(
    source: &str,
    mut r: Box<dyn BufRead>,
    format: InputFormat,
    opts: &ReadOptions,
    batch: usize,
    mut f: impl FnMut(Vec<ReadResult>) -> Result<(), E>,
) -> Result<Option<String>, E> {
    let batch = batch.max(1);
    let kind = match format {
        InputFormat::Warc => Stream::Warc,
        InputFormat::Jsonl => Stream::Jsonl,
        _ => {
            let mut bytes = Vec::new();
            let mut items = match r.read_to_end(&mut bytes) {
                Ok(_) => crate::read(
                    source,
                    &bytes,
                    &ReadOptions {
                        format,
                        ..opts.clone()
                    },
                ),
                Err(e) => vec![Err(crate::err(source, format!("cannot read: {e}")))],
            };
            while !items.is_empty() {
                let rest = items.split_off(items.len().min(batch));
                f(std::mem::replace(&mut items, rest))?;
            }
            return Ok(None);
        }
    };
    stream_from(source, r, kind, opts, batch, &mut f)
}

fn stream_from<E>(
    path: &str,
    mut r: Box<dyn BufRead>,
    kind: Stream,
    opts: &ReadOptions,
    batch: usize,
    f: &mut impl FnMut(Vec<ReadResult>) -> Result<(), E>,
) -> Result<Option<String>, E> {
    let published = opts.published.as_deref();
    let limit = opts.max_article_bytes.max(1);
    match kind {
        Stream::Warc => {
            let mut w = crate::warc::WarcReader::new(path, r, published);
            loop {
                // read a batch serially, extract its pages in parallel
                let pending: Vec<_> = std::iter::from_fn(|| w.next_pending())
                    .take(batch)
                    .collect();
                if pending.is_empty() {
                    break;
                }
                let chunk: Vec<ReadResult> = pending
                    .into_par_iter()
                    .map(|p| {
                        let html = matches!(p, crate::warc::Pending::Html { .. });
                        (html, p.finish())
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(|(html, r)| {
                        if html {
                            w.tally(&r);
                        }
                        r
                    })
                    .collect();
                f(chunk)?;
            }
            let s = w.stats;
            Ok((s.records > 0).then(|| {
                format!(
                    "{path}: {} WARC records, {} articles, {} skipped (not HTML 200 responses), {} errors",
                    s.records, s.articles, s.skipped, s.errors
                )
            }))
        }
        Stream::Jsonl => {
            let mut buf = Vec::new();
            let mut lines = 0;
            let mut first = 1;
            loop {
                let (n, too_long) = match read_line_bounded(&mut r, &mut buf, limit) {
                    Ok(x) => x,
                    Err(e) => {
                        let message = format!("cannot read (corrupt or truncated gzip?): {e}");
                        let line = Some(first + lines);
                        if lines > 0 {
                            f(parse_parallel(path, &buf, published, first))?;
                        }
                        return f(vec![Err(ReadError {
                            source: path.to_string(),
                            line,
                            id: None,
                            message,
                        })])
                        .map(|()| None);
                    }
                };
                if too_long {
                    // the records before it, then an error for it in its place
                    if lines > 0 {
                        f(parse_parallel(path, &buf, published, first))?;
                    }
                    f(vec![Err(ReadError {
                        source: path.to_string(),
                        line: Some(first + lines),
                        id: None,
                        message: format!(
                            "record longer than --max-article-bytes {limit} ({n} bytes); skipped"
                        ),
                    })])?;
                    first += lines + 1;
                    lines = 0;
                    buf.clear();
                    continue;
                }
                if n > 0 {
                    lines += 1;
                }
                if (n == 0 || lines == batch) && lines > 0 {
                    f(parse_parallel(path, &buf, published, first))?;
                    first += lines;
                    lines = 0;
                    buf.clear();
                }
                if n == 0 {
                    return Ok(None);
                }
            }
        }
    }
}

/// Append one line (through its `\n`) of `r` to `buf`, unless it is longer than `limit`: then
/// the line is read past, not kept. Returns the line's length and whether it was too long.
fn read_line_bounded(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let start = buf.len();
    let mut n = 0;
    let mut too_long = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        n += take;
        if !too_long && n > limit {
            too_long = true;
            buf.truncate(start);
        }
        if !too_long {
            buf.extend_from_slice(&chunk[..take]);
        }
        r.consume(take);
        if done {
            break;
        }
    }
    Ok((n, too_long))
}

/// Parse a chunk of JSON Lines serially (cheap) and extract its HTML pages in parallel.
fn parse_parallel(
    path: &str,
    buf: &[u8],
    published: Option<&str>,
    first: usize,
) -> Vec<ReadResult> {
    crate::jsonl::parse_from(path, buf, published, first)
        .into_par_iter()
        .map(crate::jsonl::Item::finish)
        .collect()
}
