//! The read endpoints: each checks its parameters, runs one store function on a pooled
//! connection and answers JSON. Shapes are documented in docs/api.md and openapi.json.

use crate::error::ApiError;
use crate::params::{Params, FILTERS};
use crate::App;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use dateline_store::browse::{shorten, Bucket};
use dateline_store::query::{json, QuoteFilter, Table};
use dateline_store::Store;
use serde_json::{json, Value};
use std::sync::Arc;

type Answer = Result<Response, ApiError>;

/// A JSON body.
pub fn json_response(body: String) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// A table's rows as JSON objects.
pub fn objects(t: &Table) -> Value {
    Value::Array(
        t.rows
            .iter()
            .map(|row| {
                Value::Object(
                    t.columns
                        .iter()
                        .cloned()
                        .zip(row.iter().map(json))
                        .collect(),
                )
            })
            .collect(),
    )
}

/// A query's text filter checked as FTS5 syntax on the connection that will run it.
fn check_text(s: &Store, q: Option<&str>) -> Result<(), ApiError> {
    match q {
        Some(q) => s
            .check_text_query(q)
            .map_err(|e| ApiError::bad(format!("q={:?}: {e}", shorten(q)))),
        None => Ok(()),
    }
}

/// The largest page or list any endpoint answers.
pub const MAX_LIMIT: usize = 500;

pub async fn events(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[FILTERS, &["limit", "cursor"]])?;
    let f = p.events()?;
    let limit = p.number("limit", 1, MAX_LIMIT, 50)?;
    let after = p.cursor()?;
    let v = app
        .pool
        .run(move |s| {
            check_text(s, f.text.as_deref())?;
            let page = s.events_page(&f, after.as_ref(), limit)?;
            Ok(json!({
                "events": objects(&page.events),
                "next": page.next.map(|c| c.encode()),
                "total": page.total,
            }))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> Answer {
    if id.len() > crate::params::MAX_VALUE {
        return Err(ApiError::not_found("no such article"));
    }
    let shown = shorten(&id);
    let found = app.pool.run(move |s| Ok(s.article_json(&id)?)).await?;
    match found {
        Some(j) => Ok(json_response(j)),
        None => Err(ApiError::not_found(format!("no article with id {shown:?}"))),
    }
}

pub async fn quotes(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(
        uri.query(),
        &[&["speaker", "q", "kind", "from", "to", "limit"]],
    )?;
    let kind = p.get("kind").map(str::to_string);
    if let Some(k) = &kind {
        if k != "direct" && k != "indirect" {
            return Err(ApiError::bad(format!(
                "kind={:?}: give direct or indirect",
                shorten(k)
            )));
        }
    }
    let f = QuoteFilter {
        speaker: p.get("speaker").map(str::to_string),
        text: p.get("q").map(str::to_string),
        kind,
        from: p.date("from")?,
        to: p.date("to")?,
        limit: Some(p.number("limit", 1, MAX_LIMIT, 50)?),
    };
    let v = app
        .pool
        .run(move |s| {
            let t = s.query_quotes(&f)?;
            let total = s.count_quotes(&f)?;
            Ok(json!({"quotes": objects(&t), "total": total}))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn actors(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[&["q", "limit"]])?;
    let q = p.get("q").map(str::to_string);
    let limit = p.number("limit", 1, MAX_LIMIT, 50)?;
    let v = app
        .pool
        .run(move |s| {
            let (t, total) = s.actors(q.as_deref(), limit)?;
            Ok(json!({"actors": objects(&t), "total": total}))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn timeline(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[FILTERS, &["by"]])?;
    let f = p.events()?;
    let by_name = p.get("by").unwrap_or("day").to_string();
    let by = Bucket::parse(&by_name).ok_or_else(|| {
        ApiError::bad(format!(
            "by={:?}: give day, week or month",
            shorten(&by_name)
        ))
    })?;
    let v = app
        .pool
        .run(move |s| {
            check_text(s, f.text.as_deref())?;
            let t = s.timeline(&f, by)?;
            let total = s.count_events(&f)?;
            Ok(json!({
                "by": by_name,
                "buckets": objects(&t.buckets),
                "undated": t.undated,
                "imprecise": t.imprecise,
                "total": total,
            }))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn network(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[FILTERS, &["limit"]])?;
    let f = p.events()?;
    let limit = p.number("limit", 1, MAX_LIMIT, 100)?;
    let v = app
        .pool
        .run(move |s| {
            check_text(s, f.text.as_deref())?;
            let (t, total) = s.network(&f, limit)?;
            Ok(json!({"pairs": objects(&t), "total": total}))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn places(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[FILTERS, &["limit"]])?;
    let f = p.events()?;
    let limit = p.number("limit", 1, MAX_LIMIT, 500)?;
    let v = app
        .pool
        .run(move |s| {
            check_text(s, f.text.as_deref())?;
            let (t, total) = s.places(&f, limit)?;
            Ok(json!({"places": objects(&t), "total": total}))
        })
        .await?;
    Ok(json_response(v.to_string()))
}

pub async fn search(State(app): State<Arc<App>>, uri: Uri) -> Answer {
    let p = Params::parse(uri.query(), &[&["q", "limit"]])?;
    let q = p
        .get("q")
        .map(str::to_string)
        .ok_or_else(|| ApiError::bad("q is required: an FTS5 query (Sochi AND talks)"))?;
    let limit = p.number("limit", 1, MAX_LIMIT, 20)?;
    let v = app
        .pool
        .run(move |s| {
            check_text(s, Some(&q))?;
            let (t, total) = s.search(&q, limit)?;
            Ok(json!({"articles": objects(&t), "total": total}))
        })
        .await?;
    Ok(json_response(v.to_string()))
}
