//! Bundled files (`assets/`, compiled in: the server needs no folder beside it and reads no
//! path a request names), the OpenAPI description, the security headers every response
//! carries, and JSON for the errors axum answers by itself (404, 405).
//!
//! A file is served only when its name is in [`ASSETS`]: a path with `..`, an encoded
//! traversal or any other name is 404. A test checks that every file of `assets/` is in the
//! table and every entry is a file there.

use crate::error::json_error;
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const JSON: &str = "application/json";
const SVG: &str = "image/svg+xml";
const TEXT: &str = "text/plain; charset=utf-8";

/// `(name under /assets/, content type, bytes)`: the workbench (`index.html`, its stylesheet,
/// one ES module per view and the shared `js/api.js`, `router.js`, `util.js`, `filters.js`)
/// and the map's vendored libraries with their licences (`scripts/vendor_workbench.sh`).
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    ("index.html", HTML, include_bytes!("../assets/index.html")),
    (
        "workbench.css",
        CSS,
        include_bytes!("../assets/workbench.css"),
    ),
    ("favicon.svg", SVG, include_bytes!("../assets/favicon.svg")),
    ("js/api.js", JS, include_bytes!("../assets/js/api.js")),
    ("js/app.js", JS, include_bytes!("../assets/js/app.js")),
    (
        "js/article.js",
        JS,
        include_bytes!("../assets/js/article.js"),
    ),
    ("js/events.js", JS, include_bytes!("../assets/js/events.js")),
    (
        "js/filters.js",
        JS,
        include_bytes!("../assets/js/filters.js"),
    ),
    ("js/map.js", JS, include_bytes!("../assets/js/map.js")),
    (
        "js/network.js",
        JS,
        include_bytes!("../assets/js/network.js"),
    ),
    ("js/quotes.js", JS, include_bytes!("../assets/js/quotes.js")),
    ("js/router.js", JS, include_bytes!("../assets/js/router.js")),
    (
        "js/timeline.js",
        JS,
        include_bytes!("../assets/js/timeline.js"),
    ),
    ("js/util.js", JS, include_bytes!("../assets/js/util.js")),
    (
        "vendor/LICENSE.d3-array",
        TEXT,
        include_bytes!("../assets/vendor/LICENSE.d3-array"),
    ),
    (
        "vendor/LICENSE.d3-geo",
        TEXT,
        include_bytes!("../assets/vendor/LICENSE.d3-geo"),
    ),
    (
        "vendor/LICENSE.topojson-client",
        TEXT,
        include_bytes!("../assets/vendor/LICENSE.topojson-client"),
    ),
    (
        "vendor/LICENSE.world-atlas",
        TEXT,
        include_bytes!("../assets/vendor/LICENSE.world-atlas"),
    ),
    (
        "vendor/README.md",
        TEXT,
        include_bytes!("../assets/vendor/README.md"),
    ),
    (
        "vendor/countries-110m.json",
        JSON,
        include_bytes!("../assets/vendor/countries-110m.json"),
    ),
    (
        "vendor/d3-array.min.js",
        JS,
        include_bytes!("../assets/vendor/d3-array.min.js"),
    ),
    (
        "vendor/d3-geo.min.js",
        JS,
        include_bytes!("../assets/vendor/d3-geo.min.js"),
    ),
    (
        "vendor/topojson-client/feature.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/feature.js"),
    ),
    (
        "vendor/topojson-client/identity.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/identity.js"),
    ),
    (
        "vendor/topojson-client/mesh.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/mesh.js"),
    ),
    (
        "vendor/topojson-client/reverse.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/reverse.js"),
    ),
    (
        "vendor/topojson-client/stitch.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/stitch.js"),
    ),
    (
        "vendor/topojson-client/transform.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client/transform.js"),
    ),
];

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

#[cfg(test)]
mod tests {
    use super::ASSETS;
    use std::path::{Path, PathBuf};

    fn files(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                files(&p, out);
            } else {
                let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
                out.push(
                    p.strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }

    #[test]
    fn every_bundled_file_is_in_the_table_and_nothing_else() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
        let mut on_disk = Vec::new();
        files(&root, &mut on_disk);
        on_disk.sort();
        let mut table: Vec<String> = ASSETS.iter().map(|a| a.0.to_string()).collect();
        table.sort();
        assert_eq!(on_disk, table, "assets/ and the ASSETS table differ");
        for (name, _, bytes) in ASSETS {
            assert_eq!(std::fs::read(root.join(name)).unwrap(), *bytes, "{name}");
        }
    }

    #[test]
    fn a_name_not_in_the_table_is_404_even_beside_one() {
        for name in [
            "js/../index.html",
            "vendor/../../Cargo.toml",
            "vendor/topojson-client/../d3-geo.min.js",
            "../src/lib.rs",
            "js/",
            "js",
            "JS/APP.JS",
            "js/app.js/",
        ] {
            assert_eq!(super::asset(name).status(), 404, "{name}");
        }
        let r = super::asset("js/app.js");
        assert_eq!(r.status(), 200);
        assert_eq!(
            r.headers()["content-type"],
            "text/javascript; charset=utf-8",
            "ES modules need a JavaScript type"
        );
    }

    #[test]
    fn no_page_or_module_has_inline_script_or_handlers() {
        for (name, _, bytes) in ASSETS {
            if name.starts_with("vendor/") {
                continue;
            }
            let text = String::from_utf8_lossy(bytes).to_lowercase();
            if name.ends_with(".html") {
                for tag in text.match_indices("<script").map(|(i, _)| &text[i..]) {
                    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
                    assert!(tag.contains("src="), "{name}: an inline <script>");
                }
                assert!(
                    !text.contains(" onclick=") && !text.contains(" onload="),
                    "{name}"
                );
                assert!(!text.contains("style="), "{name}: an inline style");
            }
            if name.ends_with(".js") {
                for banned in [
                    "innerhtml",
                    "outerhtml",
                    "insertadjacenthtml",
                    "document.write",
                    "eval(",
                ] {
                    assert!(!text.contains(banned), "{name} uses {banned}");
                }
            }
        }
    }
}
