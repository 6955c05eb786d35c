//! Answers of the read endpoints kept for requests that repeat (a page reloaded, a shared
//! link opened by a team, the workbench's views asking for the same timeline), in memory, for
//! as long as the database has not changed.
//!
//! Keyed by the request's path and query, exactly. The database is the only input of an
//! answer, so an answer stays true until something commits to it: before each use the cache
//! asks SQLite's `PRAGMA data_version` on a connection of its own, which changes whenever
//! another connection — `POST /api/articles` here, or a `dateline ingest` in another process —
//! has committed; then every kept answer is dropped. Only `200` answers of at most
//! [`MAX_ENTRY`] bytes are kept, [`MAX_BYTES`] in all; the least recently used go first.
//! Streamed exports are never kept.

use crate::App;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dateline_store::Store;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The largest answer kept.
pub const MAX_ENTRY: usize = 1 << 20;
/// All kept answers together.
pub const MAX_BYTES: usize = 64 << 20;
/// The header that says whether an answer came from the cache (`hit`) or not (`miss`).
pub const HEADER: &str = "x-dateline-cache";

/// The paths whose answers are kept: the read endpoints (not `/api/export`, streamed).
fn cacheable(path: &str) -> bool {
    matches!(
        path,
        "/api/events"
            | "/api/quotes"
            | "/api/actors"
            | "/api/timeline"
            | "/api/network"
            | "/api/places"
            | "/api/search"
    ) || path.starts_with("/api/articles/")
}

struct Entry {
    body: Bytes,
    content_type: Option<HeaderValue>,
    used: u64,
}

#[derive(Default)]
struct Kept {
    /// the data_version the entries were computed at
    version: Option<i64>,
    clock: u64,
    bytes: usize,
    map: HashMap<String, Entry>,
}

/// The kept answers and the connection that watches the database for changes.
pub struct Cache {
    kept: Mutex<Kept>,
    watch: Mutex<Store>,
}

impl Cache {
    pub fn open(db: &Path) -> Result<Cache, String> {
        Ok(Cache {
            kept: Mutex::new(Kept::default()),
            watch: Mutex::new(Store::open_read_only(db).map_err(|e| e.to_string())?),
        })
    }

    /// The database's change counter as this cache's connection sees it (`None` when it
    /// cannot be read: then nothing is kept).
    fn version(&self) -> Option<i64> {
        let store = self.watch.lock().ok()?;
        store.data_version().ok()
    }

    fn get(&self, key: &str) -> Option<(Bytes, Option<HeaderValue>)> {
        let version = self.version()?;
        let mut k = self.kept.lock().ok()?;
        if k.version != Some(version) {
            *k = Kept {
                version: Some(version),
                ..Kept::default()
            };
            return None;
        }
        k.clock += 1;
        let now = k.clock;
        let e = k.map.get_mut(key)?;
        e.used = now;
        Some((e.body.clone(), e.content_type.clone()))
    }

    fn put(&self, key: String, body: Bytes, content_type: Option<HeaderValue>, version: i64) {
        let Ok(mut k) = self.kept.lock() else { return };
        if k.version != Some(version) {
            return; // the database changed while the answer was computed
        }
        while k.bytes + body.len() > MAX_BYTES && !k.map.is_empty() {
            let oldest = k
                .map
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(key, _)| key.clone());
            if let Some(e) = oldest.and_then(|o| k.map.remove(&o)) {
                k.bytes -= e.body.len();
            }
        }
        k.clock += 1;
        k.bytes += body.len();
        let used = k.clock;
        if let Some(old) = k.map.insert(
            key,
            Entry {
                body,
                content_type,
                used,
            },
        ) {
            k.bytes -= old.body.len();
        }
    }
}

/// The middleware: a kept answer where there is one, else the handler's, kept when it may be.
pub async fn layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let key = req.uri().to_string();
    if let Some((body, content_type)) = app.cache.get(&key) {
        return answer(body, content_type, "hit");
    }
    // the version before the answer is computed: a change meanwhile keeps it out
    let Some(version) = app.cache.version() else {
        return next.run(req).await;
    };
    let res = next.run(req).await;
    let small = axum::body::HttpBody::size_hint(res.body())
        .exact()
        .is_some_and(|n| n <= MAX_ENTRY as u64);
    if res.status() != StatusCode::OK || !small {
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, MAX_ENTRY).await {
        Ok(bytes) => {
            let content_type = parts.headers.get(header::CONTENT_TYPE).cloned();
            app.cache
                .put(key, bytes.clone(), content_type.clone(), version);
            answer(bytes, content_type, "miss")
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn answer(body: Bytes, content_type: Option<HeaderValue>, how: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    if let Some(ct) = content_type {
        r.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    r.headers_mut()
        .insert(HEADER, HeaderValue::from_static(how));
    r
}
