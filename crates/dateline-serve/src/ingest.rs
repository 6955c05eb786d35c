//! `POST /api/articles`: articles in, coded and stored by the code path of `dateline ingest`
//! (the JSON Lines reader, `Pipeline::run_guarded`, `Store::write_batch`, one transaction).
//!
//! Only a server started with a token takes articles, and only with `Authorization: Bearer
//! TOKEN`: without a token the server is read-only (403); a missing or wrong token is 401.
//! The body is one JSON article, a JSON array of articles, or JSON Lines, each
//! `{"id", "text"|"html", "title", "url", "published"}`; a body over the limit is 413.

use crate::error::ApiError;
use crate::routes::json_response;
use crate::App;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use dateline_core::Document;
use dateline_store::Store;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

/// A loader of the coding pipeline (the binary builds it from its flags).
pub type LoadPipeline = Box<dyn FnOnce() -> Result<dateline_code::Pipeline, String> + Send>;

/// What a server with a token writes with: the database opened for writing and the pipeline,
/// loaded once (in the background from start-up: it takes a few seconds).
pub struct Writer {
    pub store: Mutex<Store>,
    pub token: String,
    load: Mutex<Option<LoadPipeline>>,
    pipeline: OnceLock<Result<dateline_code::Pipeline, String>>,
}

impl Writer {
    pub fn new(store: Store, token: String, load: LoadPipeline) -> Arc<Writer> {
        Arc::new(Writer {
            store: Mutex::new(store),
            token,
            load: Mutex::new(Some(load)),
            pipeline: OnceLock::new(),
        })
    }

    /// The pipeline, loading it on first use (blocking).
    pub fn pipeline(&self) -> Result<&dateline_code::Pipeline, String> {
        self.pipeline
            .get_or_init(|| {
                let load = self.load.lock().ok().and_then(|mut l| l.take());
                match load {
                    Some(f) => f(),
                    None => Err("the coding pipeline could not be loaded".to_string()),
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Equal strings in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// 403 without a token on the server, 401 without the right one in the request.
fn authorise(app: &App, headers: &HeaderMap) -> Result<Arc<Writer>, Response> {
    let Some(w) = &app.writer else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --token (or DATELINE_TOKEN) to accept articles",
        )
        .into_response());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(t) if same(t.trim().as_bytes(), w.token.as_bytes()) => Ok(w.clone()),
        _ => {
            let mut r = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "missing or wrong token: send Authorization: Bearer TOKEN",
            )
            .into_response();
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
            Err(r)
        }
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("request body over the limit of {limit} bytes"),
    )
}

/// The body read whole, up to the limit.
async fn read_body(body: Body, headers: &HeaderMap, limit: usize) -> Result<Vec<u8>, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large(limit));
    }
    match axum::body::to_bytes(body, limit).await {
        Ok(b) => Ok(b.to_vec()),
        Err(e) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.to_string().contains("length limit"))
                || e.to_string().contains("length limit");
            if over {
                Err(too_large(limit))
            } else {
                Err(ApiError::bad(format!("cannot read the request body: {e}")))
            }
        }
    }
}

/// The body as JSON Lines: a single object or an array of objects becomes one line each.
fn as_lines(bytes: Vec<u8>) -> Vec<u8> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if !matches!(start.map(|i| bytes[i]), Some(b'{') | Some(b'[')) {
        return bytes;
    }
    let items = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Array(v)) => v,
        Ok(v @ Value::Object(_)) => vec![v],
        _ => return bytes,
    };
    let mut out = Vec::new();
    for v in items {
        out.extend(v.to_string().into_bytes());
        out.push(b'\n');
    }
    out
}

pub async fn post_articles(State(app): State<Arc<App>>, req: Request) -> Response {
    let writer = match authorise(&app, req.headers()) {
        Ok(w) => w,
        Err(r) => return r,
    };
    let (parts, body) = req.into_parts();
    let bytes = match read_body(body, &parts.headers, app.max_body).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let res = tokio::task::spawn_blocking(move || ingest(&writer, as_lines(bytes))).await;
    match res {
        Ok(Ok(v)) => {
            let status = if v["ingested"].as_array().is_some_and(|a| !a.is_empty()) {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            (status, json_response(v.to_string())).into_response()
        }
        Ok(Err(e)) => e.into_response(),
        Err(e) => ApiError::internal(e).into_response(),
    }
}

/// Read, code and store; the answer names what was stored, what was there already and what
/// failed.
fn ingest(w: &Writer, lines: Vec<u8>) -> Result<Value, ApiError> {
    let mut errors = Vec::new();
    let mut docs = Vec::new();
    for r in dateline_read::jsonl::read("POST /api/articles", &lines, None) {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(json!({"line": e.line, "id": e.id, "error": e.message})),
        }
    }
    if docs.is_empty() && !errors.is_empty() {
        return Err(ApiError::bad(format!(
            "no article could be read: {}",
            errors[0]["error"].as_str().unwrap_or("")
        )));
    }
    if docs.is_empty() {
        return Err(ApiError::bad(
            "no article in the body: send {\"text\": ...} or JSON Lines",
        ));
    }
    let pipeline = w.pipeline().map_err(ApiError::internal)?;
    let mut store = w.store.lock().map_err(ApiError::internal)?;
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let known = store.existing_ids(&ids)?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut skipped = Vec::new();
    let mut todo: Vec<Document> = Vec::new();
    for d in docs {
        if known.contains(&d.id) || !seen.insert(d.id.clone()) {
            skipped.push(d.id);
        } else {
            todo.push(d);
        }
    }
    let coded: Vec<Document> = todo.into_iter().map(|d| pipeline.run_guarded(d)).collect();
    let mut ingested = Vec::new();
    for d in &coded {
        match &d.error {
            Some(e) => errors.push(json!({"id": d.id, "error": e})),
            None => ingested.push(d.id.clone()),
        }
    }
    let st = store.write_batch(&coded)?;
    Ok(json!({
        "ingested": ingested,
        "skipped": skipped,
        "errors": errors,
        "events": st.events,
        "mentions": st.mentions,
    }))
}
