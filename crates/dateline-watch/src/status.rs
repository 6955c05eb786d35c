//! `dateline watch --status`: the feeds with their last fetch and error, the queue, the
//! folders' files, the failures, articles per hour, the last update.

use crate::state::iso;
use dateline_store::rusqlite::{self, Connection};
use std::io::Write;
use std::path::Path;

fn when(t: Option<i64>) -> String {
    t.map(iso).unwrap_or_else(|| "never".into())
}

/// Print the status of the watch state in the database at `db` (opened read-only).
pub fn print(db: &Path, out: &mut dyn Write) -> Result<(), String> {
    let store = dateline_store::Store::open_read_only(db).map_err(|e| e.to_string())?;
    let c = &store.conn;
    let has: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'watch_feeds'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| format!("{}: {e}", db.display()))?;
    if has == 0 {
        return Err(format!(
            "{}: no watch state (run `dateline watch --db {}` first)",
            db.display(),
            db.display()
        ));
    }
    report(c, out).map_err(|e| format!("{}: {e}", db.display()))
}

fn report(c: &Connection, out: &mut dyn Write) -> Result<(), String> {
    let q = |e: rusqlite::Error| e.to_string();
    let w = |e: std::io::Error| format!("cannot write: {e}");
    let now = crate::state::now();
    let count = |sql: &str, p: i64| -> Result<i64, String> {
        c.query_row(sql, [p], |r| r.get(0)).map_err(q)
    };
    let last_hour = count(
        "SELECT count(*) FROM watch_items WHERE status = 'stored' AND fetched > ?1",
        now - 3600,
    )?;
    let last_day = count(
        "SELECT count(*) FROM watch_items WHERE status = 'stored' AND fetched > ?1",
        now - 86_400,
    )?;
    let files_day = count(
        "SELECT count(*) FROM watch_files WHERE ingested > ?1",
        now - 86_400,
    )?;
    writeln!(
        out,
        "articles from feeds: {last_hour} in the last hour, {last_day} in the last 24 hours ({:.1}/hour); files ingested in the last 24 hours: {files_day}",
        last_day as f64 / 24.0
    )
    .map_err(w)?;
    let mut st = c
        .prepare(
            "SELECT f.url, f.last_fetch, f.last_ok, f.last_status, f.items,
                    (SELECT count(*) FROM watch_items i WHERE i.feed = f.url AND i.status = 'pending'),
                    (SELECT count(*) FROM watch_items i WHERE i.feed = f.url AND i.status = 'stored'),
                    (SELECT count(*) FROM watch_items i WHERE i.feed = f.url AND i.status = 'failed'),
                    x.count, x.error
             FROM watch_feeds f LEFT JOIN watch_failures x ON x.url = f.url ORDER BY f.url",
        )
        .map_err(q)?;
    let mut rows = st.query([]).map_err(q)?;
    writeln!(out, "feeds:").map_err(w)?;
    while let Some(r) = rows.next().map_err(q)? {
        let url: String = r.get(0).map_err(q)?;
        let fetched: Option<i64> = r.get(1).map_err(q)?;
        let ok: Option<i64> = r.get(2).map_err(q)?;
        let status: Option<String> = r.get(3).map_err(q)?;
        let (items, pending, stored, failed): (i64, i64, i64, i64) = (
            r.get(4).map_err(q)?,
            r.get(5).map_err(q)?,
            r.get(6).map_err(q)?,
            r.get(7).map_err(q)?,
        );
        let fails: Option<i64> = r.get(8).map_err(q)?;
        let error: Option<String> = r.get(9).map_err(q)?;
        writeln!(
            out,
            "  {url}\n    last fetch {} ({}), last success {}; items {items}: {stored} stored, {pending} queued, {failed} given up{}",
            when(fetched),
            status.unwrap_or_else(|| "-".into()),
            when(ok),
            match (fails, error) {
                (Some(n), Some(e)) => format!("; failing ({n} times): {e}"),
                _ => String::new(),
            }
        )
        .map_err(w)?;
    }
    let files: (i64, i64) = c
        .query_row(
            "SELECT count(*), coalesce(sum(articles), 0) FROM watch_files",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(q)?;
    writeln!(
        out,
        "folders: {} files ingested, {} articles read from them",
        files.0, files.1
    )
    .map_err(w)?;
    let mut st = c
        .prepare("SELECT url, kind, count, last, error, next_retry, gave_up FROM watch_failures ORDER BY last DESC LIMIT 20")
        .map_err(q)?;
    let mut rows = st.query([]).map_err(q)?;
    let mut first = true;
    while let Some(r) = rows.next().map_err(q)? {
        if first {
            writeln!(out, "recent failures:").map_err(w)?;
            first = false;
        }
        let url: String = r.get(0).map_err(q)?;
        let kind: String = r.get(1).map_err(q)?;
        let n: i64 = r.get(2).map_err(q)?;
        let last: i64 = r.get(3).map_err(q)?;
        let e: String = r.get(4).map_err(q)?;
        let next: Option<i64> = r.get(5).map_err(q)?;
        let gave_up: i64 = r.get(6).map_err(q)?;
        let then = if gave_up != 0 {
            "given up".to_string()
        } else {
            format!("next try {}", when(next))
        };
        writeln!(
            out,
            "  {kind} {url}: {e} ({n} times, last {}, {then})",
            iso(last)
        )
        .map_err(w)?;
    }
    let upd: Option<(String, i64, i64)> = c
        .query_row(
            "SELECT stamp, events, mentions FROM watch_updates ORDER BY stamp DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok();
    match upd {
        Some((s, e, m)) => writeln!(out, "last update: {s} ({e} events, {m} mentions)"),
        None => writeln!(out, "last update: none"),
    }
    .map_err(w)
}
