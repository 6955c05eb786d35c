//! `GET /api/export`: the store's export writers, streamed. The export runs in a blocking task
//! on a pooled connection and writes into a channel of 64 KiB chunks that the response body
//! reads, so memory holds a few chunks whatever the export's size; a client that goes away
//! closes the channel and the export stops at its next write.

use crate::error::ApiError;
use crate::params::{Params, FILTERS};
use crate::App;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderValue, Uri};
use axum::response::Response;
use dateline_store::browse::shorten;
use dateline_store::export::Format;
use std::io::Write;
use std::sync::Arc;
use tokio::sync::mpsc;

const CHUNK: usize = 64 * 1024;

/// A `Write` that sends what it is given down a channel, from a blocking thread.
struct ChannelWriter {
    tx: mpsc::Sender<Bytes>,
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tx
            .blocking_send(Bytes::copy_from_slice(buf))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "client went away"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn format_of(name: &str) -> Option<(Format, &'static str, &'static str)> {
    Some(match name {
        "csv" => (Format::Csv, "text/csv; charset=utf-8", "csv"),
        "jsonl" => (Format::Jsonl, "application/x-ndjson", "jsonl"),
        "gdelt" => (
            Format::Gdelt,
            "text/tab-separated-values; charset=utf-8",
            "export.CSV",
        ),
        "mentions" => (
            Format::Mentions,
            "text/tab-separated-values; charset=utf-8",
            "mentions.CSV",
        ),
        _ => return None,
    })
}

pub async fn export(State(app): State<Arc<App>>, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(uri.query(), &[FILTERS, &["format", "limit"]])?;
    let name = p
        .get("format")
        .ok_or_else(|| ApiError::bad("format is required: csv, gdelt, mentions or jsonl"))?;
    let (format, mime, ext) = format_of(name).ok_or_else(|| {
        ApiError::bad(format!(
            "format={:?}: give csv, gdelt, mentions or jsonl",
            shorten(name)
        ))
    })?;
    let mut filter = p.events()?;
    filter.limit = match p.number("limit", 0, usize::MAX, 0)? {
        0 => None,
        n => Some(n),
    };
    // the filter is checked (and a bad FTS query refused) before the answer starts
    let q = filter.text.clone();
    app.pool
        .run(move |s| match q {
            Some(q) => s
                .check_text_query(&q)
                .map_err(|e| ApiError::bad(format!("q={:?}: {e}", shorten(&q)))),
            None => Ok(()),
        })
        .await?;
    let permit = app.pool.permit().await?;
    let (tx, rx) = mpsc::channel::<Bytes>(4);
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let res = pool.with_conn(permit, |s| {
            let mut w = std::io::BufWriter::with_capacity(CHUNK, ChannelWriter { tx });
            s.export(format, &filter, &mut w)?;
            w.flush().map_err(ApiError::internal)
        });
        if let Err(e) = res {
            if e.status.is_server_error() {
                eprintln!("dateline serve: export stopped: {}", e.message);
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|b| (Ok::<Bytes, std::io::Error>(b), rx))
    });
    let mut r = Response::new(Body::from_stream(stream));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"events.{ext}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}
