//! `dateline._dateline`: the native half of the Python package `dateline`
//! (`python/dateline/__init__.py` is the other half and the documented API).
//!
//! Nothing here reads, annotates or codes on its own: records go through `dateline-read`'s
//! JSON Lines reader (the very reader of `dateline code --input-format jsonl -`), files through
//! `dateline-read`'s batch reader, documents through the CLI's [`Pipeline::run_guarded`], events
//! into tables through `dateline-store` (an in-memory database and its Parquet export). The
//! GIL is released while Rust works; the work runs on rayon's pool, as in the CLI.
//!
//! [`Pipeline::run_guarded`]: dateline_code::Pipeline::run_guarded

use dateline_core::Document;
use dateline_read::{InputFormat, ReadOptions, ReadResult};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{mpsc, Arc, Mutex, OnceLock};

mod files;
mod tables;

use tables::Coded;

/// Tables by name, each as bytes (Arrow IPC, or Parquet for `events`).
pub(crate) type Tables = Vec<(String, Vec<u8>)>;

/// The pipeline with the bundled knowledge, loaded on first use, once per process.
static PIPELINE: OnceLock<Result<dateline_code::Pipeline, String>> = OnceLock::new();

fn pipeline() -> Result<&'static dateline_code::Pipeline, String> {
    PIPELINE
        .get_or_init(|| dateline_code::Pipeline::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| format!("cannot load dateline's bundled knowledge: {e}"))
}

/// Thread pools by size, built once each (`threads=N`); `None` is rayon's global pool, which
/// uses every core, as the CLI does without `-j`.
static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();

fn pool(threads: Option<usize>) -> Result<Option<Arc<rayon::ThreadPool>>, String> {
    let Some(n) = threads else { return Ok(None) };
    if n == 0 {
        return Err("threads must be at least 1 (or None for every core)".into());
    }
    let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut map = pools
        .lock()
        .map_err(|_| "the thread pools' lock is poisoned".to_string())?;
    if let Some(p) = map.get(&n) {
        return Ok(Some(p.clone()));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| format!("cannot start {n} threads: {e}"))?;
    let p = Arc::new(p);
    map.insert(n, p.clone());
    Ok(Some(p))
}

/// Run `f` on the pool of `threads` threads (rayon's global pool for `None`).
pub(crate) fn on_pool<T: Send>(
    threads: Option<usize>,
    f: impl FnOnce() -> T + Send,
) -> Result<T, String> {
    Ok(match pool(threads)? {
        Some(p) => p.install(f),
        None => f(),
    })
}

/// One record handed over by Python: a JSON Lines line, or why Python could not make one.
enum Line {
    Json(Vec<u8>),
    Bad(String),
}

fn lines_of(list: &Bound<'_, PyList>) -> PyResult<Vec<Line>> {
    let mut out = Vec::with_capacity(list.len());
    for item in list.iter() {
        if let Ok(b) = item.downcast::<PyBytes>() {
            out.push(Line::Json(b.as_bytes().to_vec()));
        } else if let Ok(s) = item.downcast::<PyString>() {
            out.push(Line::Bad(s.to_cow()?.into_owned()));
        } else {
            return Err(PyValueError::new_err(
                "internal: records reach Rust as bytes (a JSON line) or str (an error)",
            ));
        }
    }
    Ok(out)
}

/// Read and code records as `dateline code --input-format jsonl -` does: record `i` (0-based)
/// is line `i + 1` of standard input, so its `source` is `-:{i+1}` unless it names its own;
/// a record that cannot be read or coded becomes an object with an `error`, in its place.
fn code_records(lines: Vec<Line>) -> Result<Vec<Document>, String> {
    let p = pipeline()?;
    Ok(lines
        .into_par_iter()
        .enumerate()
        .map(|(i, line)| {
            let n = i + 1;
            let read = match line {
                Line::Bad(message) => Err(dateline_read::ReadError {
                    source: "-".into(),
                    line: Some(n),
                    id: None,
                    message,
                }),
                Line::Json(bytes) => dateline_read::jsonl::parse_from("-", &bytes, None, n)
                    .into_iter()
                    .next()
                    .map(dateline_read::jsonl::Item::finish)
                    .unwrap_or_else(|| {
                        Err(dateline_read::ReadError {
                            source: "-".into(),
                            line: Some(n),
                            id: None,
                            message: "empty record".into(),
                        })
                    }),
            };
            code_one(p, read)
        })
        .collect())
}

/// A read result coded (or, when reading failed, the CLI's error object for it).
pub(crate) fn code_one(p: &dateline_code::Pipeline, r: ReadResult) -> Document {
    match r {
        Ok(d) => p.run_guarded(d),
        Err(e) => Document::failed(&e.source.clone(), e.id.clone(), e.to_string()),
    }
}

/// The document as the CLI writes it: one JSON Lines record, without its newline.
pub(crate) fn json_line(d: &Document) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    dateline_read::jsonl::write_line(&mut buf, d).map_err(|e| e.to_string())?;
    if buf.last() == Some(&b'\n') {
        buf.pop();
    }
    Ok(buf)
}

fn to_bytes_list(py: Python<'_>, lines: Vec<Vec<u8>>) -> Vec<Py<PyBytes>> {
    lines
        .into_iter()
        .map(|b| PyBytes::new(py, &b).unbind())
        .collect()
}

/// Code records (JSON Lines lines or error strings); returns the output JSON lines.
#[pyfunction]
#[pyo3(signature = (records, threads=None))]
fn code_lines(
    py: Python<'_>,
    records: &Bound<'_, PyList>,
    threads: Option<usize>,
) -> PyResult<Vec<Py<PyBytes>>> {
    let lines = lines_of(records)?;
    let out = py
        .allow_threads(|| {
            on_pool(threads, || {
                let docs = code_records(lines)?;
                docs.par_iter()
                    .map(json_line)
                    .collect::<Result<Vec<_>, _>>()
            })
            .and_then(|r| r)
        })
        .map_err(PyRuntimeError::new_err)?;
    Ok(to_bytes_list(py, out))
}

/// Code records and return the tables `what` names, each as Arrow IPC stream bytes (`events`
/// as Parquet bytes: the store's own export).
#[pyfunction]
#[pyo3(signature = (records, what, threads=None))]
fn code_tables(
    py: Python<'_>,
    records: &Bound<'_, PyList>,
    what: Vec<String>,
    threads: Option<usize>,
) -> PyResult<Py<PyDict>> {
    let lines = lines_of(records)?;
    let kinds = tables::kinds(&what).map_err(PyValueError::new_err)?;
    let out = py
        .allow_threads(|| {
            on_pool(threads, || {
                let docs = code_records(lines)?;
                let coded: Vec<Coded> = docs
                    .into_iter()
                    .enumerate()
                    .map(|(i, d)| Coded::in_memory(i, d))
                    .collect();
                tables::build(&kinds, &coded)
            })
            .and_then(|r| r)
        })
        .map_err(PyRuntimeError::new_err)?;
    tables_dict(py, out)
}

pub(crate) fn tables_dict(py: Python<'_>, out: Tables) -> PyResult<Py<PyDict>> {
    let d = PyDict::new(py);
    for (name, bytes) in out {
        d.set_item(name, PyBytes::new(py, &bytes))?;
    }
    Ok(d.unbind())
}

/// The empty tables `what` names (their schemas), as [`code_tables`] returns them.
#[pyfunction]
fn empty_tables(py: Python<'_>, what: Vec<String>) -> PyResult<Py<PyDict>> {
    let kinds = tables::kinds(&what).map_err(PyValueError::new_err)?;
    let out = tables::build(&kinds, &[]).map_err(PyRuntimeError::new_err)?;
    tables_dict(py, out)
}

pub(crate) fn read_options(
    format: &str,
    published: Option<String>,
    max_article_bytes: Option<usize>,
) -> Result<ReadOptions, String> {
    let format = match format {
        "auto" => InputFormat::Auto,
        "markdown" => InputFormat::Markdown,
        "text" => InputFormat::Text,
        "html" => InputFormat::Html,
        "jsonl" => InputFormat::Jsonl,
        "warc" => InputFormat::Warc,
        "feed" => InputFormat::Feed,
        other => {
            return Err(format!(
                "format {other:?}: give auto, markdown, text, html, jsonl, warc or feed"
            ))
        }
    };
    if let Some(p) = &published {
        let ok = p.len() == 10 && dateline_core::date::Date::parse_iso(p).is_some();
        if !ok {
            return Err(format!(
                "published {p:?} is not a date of the form YYYY-MM-DD"
            ));
        }
    }
    if max_article_bytes == Some(0) {
        return Err("max_article_bytes must be at least 1".into());
    }
    Ok(ReadOptions {
        format,
        published,
        max_article_bytes: max_article_bytes.unwrap_or(dateline_read::DEFAULT_MAX_ARTICLE_BYTES),
    })
}

/// Read files or a directory as `dateline read --format jsonl PATH` does (and, with `code`,
/// code them as `dateline code --format jsonl PATH` does); returns its lines. A path that
/// does not exist is an `OSError` naming it.
#[pyfunction]
#[pyo3(signature = (path, format="auto", published=None, max_article_bytes=None, code=false, threads=None))]
fn read_path(
    py: Python<'_>,
    path: String,
    format: &str,
    published: Option<String>,
    max_article_bytes: Option<usize>,
    code: bool,
    threads: Option<usize>,
) -> PyResult<Vec<Py<PyBytes>>> {
    let opts = read_options(format, published, max_article_bytes).map_err(PyValueError::new_err)?;
    if !std::path::Path::new(&path).exists() {
        return Err(PyOSError::new_err(format!(
            "{path}: no such file or directory"
        )));
    }
    let out = py
        .allow_threads(|| {
            on_pool(threads, || {
                let p = if code { Some(pipeline()?) } else { None };
                let mut errors = Vec::new();
                let files = dateline_read::files::expand(std::slice::from_ref(&path), &mut errors);
                let mut out: Vec<Vec<u8>> = Vec::new();
                for e in errors {
                    out.push(json_line(&Document::failed(&path, None, e))?);
                }
                dateline_read::for_each_batch(
                    &files,
                    &opts,
                    64,
                    |items| {
                        let docs: Vec<Document> = items
                            .into_par_iter()
                            .map(|r| match (p, r) {
                                (Some(p), r) => code_one(p, r),
                                (None, Ok(d)) => d,
                                (None, Err(e)) => {
                                    Document::failed(&e.source.clone(), e.id.clone(), e.to_string())
                                }
                            })
                            .collect();
                        for d in &docs {
                            out.push(json_line(d)?);
                        }
                        Ok::<(), String>(())
                    },
                    |_, _| {},
                )?;
                Ok::<_, String>(out)
            })
            .and_then(|r| r)
        })
        .map_err(PyRuntimeError::new_err)?;
    Ok(to_bytes_list(py, out))
}

/// Read one input's bytes (named `-`, as standard input) as `dateline read` does.
#[pyfunction]
#[pyo3(signature = (data, format="auto", published=None, max_article_bytes=None))]
fn read_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    format: &str,
    published: Option<String>,
    max_article_bytes: Option<usize>,
) -> PyResult<Vec<Py<PyBytes>>> {
    let opts = read_options(format, published, max_article_bytes).map_err(PyValueError::new_err)?;
    let bytes = data.as_bytes().to_vec();
    let out = py
        .allow_threads(|| {
            read_one("-", bytes, &opts)
                .into_iter()
                .map(|r| match r {
                    Ok(d) => json_line(&d),
                    Err(e) => json_line(&Document::failed(
                        &e.source.clone(),
                        e.id.clone(),
                        e.to_string(),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(PyRuntimeError::new_err)?;
    Ok(to_bytes_list(py, out))
}

/// One input's bytes read as `dateline_read::files::read_file` reads a file's (not gzipped):
/// a single article longer than the limit is cut at a sentence or line end, and says so.
fn read_one(source: &str, mut bytes: Vec<u8>, opts: &ReadOptions) -> Vec<ReadResult> {
    let limit = opts.max_article_bytes.max(1);
    let format = match opts.format {
        InputFormat::Auto => dateline_read::detect(source, &bytes),
        f => f,
    };
    let stream = matches!(
        format,
        InputFormat::Jsonl | InputFormat::Warc | InputFormat::Feed
    );
    if bytes.len() <= limit || stream {
        return dateline_read::read(source, &bytes, opts);
    }
    let at = dateline_read::cut_point(&bytes, limit);
    bytes.truncate(at);
    let warning = format!(
        "{}: the input is longer than --max-article-bytes {limit}; cut at a sentence or line end after byte {at}",
        dateline_read::CUT_WARNING
    );
    let mut out = dateline_read::read(source, &bytes, opts);
    for d in out.iter_mut().flatten() {
        d.warnings.push(warning.clone());
    }
    out
}

/// Load the bundled knowledge now (it is otherwise loaded by the first call that codes).
#[pyfunction]
fn load(py: Python<'_>) -> PyResult<()> {
    py.allow_threads(|| pipeline().map(|_| ()))
        .map_err(PyRuntimeError::new_err)
}

/// An iterator over a file's coded batches ([`files::stream`]), each a dict of tables.
#[pyclass(module = "dateline._dateline")]
struct FileBatches {
    rx: Mutex<mpsc::Receiver<Result<Tables, String>>>,
}

#[pymethods]
impl FileBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyDict>>> {
        let next = py.allow_threads(|| match self.rx.lock() {
            Ok(rx) => rx.recv().ok(),
            Err(_) => Some(Err("the batch reader's lock is poisoned".to_string())),
        });
        match next {
            None => Ok(None),
            Some(Ok(tables)) => tables_dict(py, tables).map(Some),
            Some(Err(e)) => Err(PyRuntimeError::new_err(e)),
        }
    }
}

/// Read and code one file a batch at a time, on a thread of its own; returns an iterator of
/// dicts of tables (see `dateline.code_file`).
#[pyfunction]
#[pyo3(signature = (path, what, batch=256, threads=None, format="auto", published=None, max_article_bytes=None))]
#[allow(clippy::too_many_arguments)]
fn code_file(
    path: String,
    what: Vec<String>,
    batch: usize,
    threads: Option<usize>,
    format: &str,
    published: Option<String>,
    max_article_bytes: Option<usize>,
) -> PyResult<FileBatches> {
    let opts = read_options(format, published, max_article_bytes).map_err(PyValueError::new_err)?;
    let kinds = tables::kinds(&what).map_err(PyValueError::new_err)?;
    if batch == 0 {
        return Err(PyValueError::new_err("batch must be at least 1"));
    }
    pool(threads).map_err(PyValueError::new_err)?;
    // two batches in flight at most: memory stays bounded however large the file
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("dateline-file".into())
        .spawn(move || files::stream(&path, &opts, &kinds, batch, threads, tx))
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start a reader thread: {e}")))?;
    Ok(FileBatches { rx: Mutex::new(rx) })
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", dateline_core::SCHEMA)?;
    m.add_function(wrap_pyfunction!(code_lines, m)?)?;
    m.add_function(wrap_pyfunction!(code_tables, m)?)?;
    m.add_function(wrap_pyfunction!(empty_tables, m)?)?;
    m.add_function(wrap_pyfunction!(read_path, m)?)?;
    m.add_function(wrap_pyfunction!(read_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(code_file, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_class::<FileBatches>()?;
    Ok(())
}
