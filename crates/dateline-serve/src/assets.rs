//! Bundled files (`assets/`, compiled in: the server needs no folder beside it and reads no
//! path a request names), the OpenAPI description, the security headers every response
//! carries, and JSON for the errors axum answers by itself (404, 405).
//!
//! A file is served only when its name is in [`ASSETS`]: a path with `..`, an encoded
//! traversal or any other name is 404. The workbench's pages will be added to the table.

use crate::error::json_error;
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// `(name under /assets/, content type, bytes)`.
pub const ASSETS: &[(&str, &str, &[u8])] = &[(
    "index.html",
    "text/html; charset=utf-8",
    include_bytes!("../assets/index.html"),
)];

/// The OpenAPI 3.1 description of the API (hand-written; a test checks every route is in it).
pub const OPENAPI: &str = include_str!("../openapi.json");

/// No inline script or style, nothing from elsewhere.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

fn asset(name: &str) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, bytes)) => {
            let mut r = bytes.to_vec().into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            r
        }
        None => json_error(StatusCode::NOT_FOUND, "no such file"),
    }
}

pub async fn index() -> Response {
    asset("index.html")
}

pub async fn file(Path(name): Path<String>) -> Response {
    asset(&name)
}

pub async fn openapi() -> Response {
    crate::routes::json_response(OPENAPI.to_string())
}

pub async fn not_found() -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        "no such route (see /api/openapi.json)",
    )
}

/// Security headers on every response; axum's own bodiless errors made JSON.
pub async fn headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let status = r.status();
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let message = match status {
            StatusCode::METHOD_NOT_ALLOWED => "method not allowed on this route".to_string(),
            StatusCode::PAYLOAD_TOO_LARGE => "request body over the limit".to_string(),
            s => s.canonical_reason().unwrap_or("error").to_lowercase(),
        };
        let allow = r.headers().get(header::ALLOW).cloned();
        r = json_error(status, &message);
        if let Some(a) = allow {
            r.headers_mut().insert(header::ALLOW, a);
        }
    }
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}
