//! The serve stage (`read → annotate → code → store → serve`): `dateline serve`, an HTTP API
//! over the event database, JSON in and out, documented in docs/api.md and described by
//! `openapi.json` (served at `/api/openapi.json`).
//!
//! - `routes` — the read endpoints (events, articles, quotes, actors, timeline, network,
//!   places, search); all SQL is the store's (`dateline_store::browse`).
//! - `export` — `/api/export`, the store's export writers streamed through a channel.
//! - `ingest` — `POST /api/articles`, the code path of `dateline ingest`, behind a token.
//! - `params` — query parameters checked before any query runs (400 naming the parameter).
//! - `pool` — read-only SQLite connections used from blocking tasks, never from the runtime.
//! - `assets` — bundled files, the security headers of every response, JSON for axum's errors.
//! - `cache` — answers kept for repeated requests until the database changes.
//!
//! Without a token the database is opened read-only and POST is refused (403).

use axum::routing::{get, post, MethodRouter};
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

mod assets;
mod cache;
mod error;
mod export;
mod ingest;
mod params;
mod pool;
mod routes;

pub use ingest::LoadPipeline;

/// How `dateline serve` was asked to run.
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// With a token, the database is opened for writing too and `POST /api/articles` takes
    /// articles from a client that sends it.
    pub token: Option<String>,
    /// The largest request body, in bytes.
    pub max_body: usize,
    /// Read-only connections (requests running queries at once).
    pub readers: usize,
    /// Bytes of the database file each reader maps into memory (SQLite's `mmap_size`; 0: none).
    pub mmap_bytes: usize,
    /// Builds the coding pipeline for POSTed articles (used only with a token).
    pub pipeline: LoadPipeline,
}

/// The default of [`Config::max_body`]: 16 MiB (four articles at the reader's size limit).
pub const DEFAULT_MAX_BODY: usize = 16 << 20;

/// The default of `dateline serve --mmap-mib`: 1 GiB of the database mapped per reader. With
/// the file in the operating system's cache, a page costs no system call and no copy (on a
/// 90,000-event database, 1,100 → 1,400 distinct queries a second on two cores, closed loop;
/// docs/BENCHMARKS.md).
pub const DEFAULT_MMAP_MIB: usize = 1024;

/// What every handler shares.
pub struct App {
    pool: Arc<pool::Pool>,
    cache: cache::Cache,
    writer: Option<Arc<ingest::Writer>>,
    max_body: usize,
}

/// Every route: (OpenAPI method, OpenAPI path, axum path, handler). The router is built from
/// this table, and a test checks that openapi.json describes exactly these.
fn routes() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    MethodRouter<Arc<App>>,
)> {
    vec![
        ("get", "/api/events", "/api/events", get(routes::events)),
        (
            "post",
            "/api/articles",
            "/api/articles",
            post(ingest::post_articles),
        ),
        (
            "get",
            "/api/articles/{id}",
            "/api/articles/{id}",
            get(routes::article),
        ),
        ("get", "/api/quotes", "/api/quotes", get(routes::quotes)),
        ("get", "/api/actors", "/api/actors", get(routes::actors)),
        (
            "get",
            "/api/timeline",
            "/api/timeline",
            get(routes::timeline),
        ),
        ("get", "/api/network", "/api/network", get(routes::network)),
        ("get", "/api/places", "/api/places", get(routes::places)),
        ("get", "/api/search", "/api/search", get(routes::search)),
        ("get", "/api/export", "/api/export", get(export::export)),
        (
            "get",
            "/api/openapi.json",
            "/api/openapi.json",
            get(assets::openapi),
        ),
        ("get", "/", "/", get(assets::index)),
        (
            "get",
            "/assets/{path}",
            "/assets/{*path}",
            get(assets::file),
        ),
    ]
}

/// Every route of the API, the assets and the fallback, with the security headers.
pub fn router(app: Arc<App>) -> Router {
    let mut r = Router::new();
    for (_, _, path, handler) in routes() {
        r = r.route(path, handler);
    }
    r.fallback(assets::not_found)
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            cache::layer,
        ))
        .layer(axum::middleware::from_fn(assets::headers))
        .with_state(app)
}

/// Open the database, bind, print the address (`http://HOST:PORT`) as the first line of
/// standard output, and serve until Ctrl-C or SIGTERM.
pub fn run(cfg: Config) -> Result<(), String> {
    if cfg.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err("the token is empty".to_string());
    }
    // the writer first: with a token, a missing database is created
    let writer = match &cfg.token {
        Some(t) => {
            let store = dateline_store::Store::open(&cfg.db).map_err(|e| e.to_string())?;
            Some(ingest::Writer::new(
                store,
                t.trim().to_string(),
                cfg.pipeline,
            ))
        }
        None => None,
    };
    let pool = Arc::new(pool::Pool::open(&cfg.db, cfg.readers, cfg.mmap_bytes)?);
    if let Some(w) = &writer {
        // load the pipeline while the server starts answering reads
        let w = w.clone();
        std::thread::spawn(move || {
            if let Err(e) = w.pipeline() {
                eprintln!("dateline serve: {e}");
            }
        });
    }
    let cache = cache::Cache::open(&cfg.db)?;
    let app = Arc::new(App {
        pool,
        cache,
        writer,
        max_body: cfg.max_body,
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    rt.block_on(serve(app, cfg.addr, cfg.db))
}

async fn serve(app: Arc<App>, addr: SocketAddr, db: PathBuf) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "http://{bound}");
        let _ = out.flush();
    }
    let mode = if app.writer.is_some() {
        "read-write: POST /api/articles takes articles with the token"
    } else {
        "read-only"
    };
    eprintln!(
        "dateline: serving {} ({mode}) on http://{bound} — Ctrl-C stops",
        db.display()
    );
    if !bound.ip().is_loopback() {
        eprintln!("dateline: warning: {bound} is reachable from other machines");
    }
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| format!("server failed: {e}"))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_openapi_description_names_every_route() {
        let doc: serde_json::Value = serde_json::from_str(super::assets::OPENAPI).unwrap();
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
        let paths = doc["paths"].as_object().unwrap();
        let routes: Vec<(&str, &str)> = super::routes().iter().map(|r| (r.0, r.1)).collect();
        for (method, path) in &routes {
            assert!(
                paths.get(*path).and_then(|p| p.get(*method)).is_some(),
                "{method} {path} is not in openapi.json"
            );
        }
        // and nothing it describes is missing from the router
        for (path, item) in paths {
            for method in item.as_object().unwrap().keys() {
                assert!(
                    routes.contains(&(method.as_str(), path.as_str())),
                    "openapi.json describes {method} {path}, which the router does not serve"
                );
            }
        }
    }
}
