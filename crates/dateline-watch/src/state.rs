//! What `dateline watch` remembers, in tables of its own in the event database (created with
//! `CREATE TABLE IF NOT EXISTS`; the store's schema version is untouched): the feeds and their
//! validators, every item seen and what became of it, the folder files ingested, the failures
//! with their counts and next try, and the update files written. An item's row changes in the
//! transaction that stores its article, so a restart — after `kill -9` too — neither loses
//! nor repeats one. Times are Unix seconds (UTC).

use dateline_store::rusqlite::{self, params, Connection, OptionalExtension};

pub const TABLES: &str = "
CREATE TABLE IF NOT EXISTS watch_feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_fetch INTEGER,
    last_ok INTEGER,
    last_status TEXT,
    next_fetch INTEGER,
    items INTEGER NOT NULL DEFAULT 0,
    last_listed INTEGER
);
CREATE TABLE IF NOT EXISTS watch_items (
    url TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    title TEXT,
    published TEXT,
    status TEXT NOT NULL,
    discovered INTEGER NOT NULL,
    fetched INTEGER,
    final_url TEXT,
    article_id TEXT,
    content_hash TEXT,
    last_seen INTEGER
);
CREATE INDEX IF NOT EXISTS watch_items_queue ON watch_items(status, feed);
CREATE INDEX IF NOT EXISTS watch_items_hash ON watch_items(content_hash);
CREATE INDEX IF NOT EXISTS watch_items_fetched ON watch_items(fetched);
CREATE TABLE IF NOT EXISTS watch_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash TEXT NOT NULL,
    articles INTEGER NOT NULL,
    ingested INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_failures (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    error TEXT NOT NULL,
    next_retry INTEGER,
    gave_up INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS watch_updates (
    stamp TEXT PRIMARY KEY,
    after_article INTEGER NOT NULL,
    upto_article INTEGER NOT NULL,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    export_size INTEGER NOT NULL,
    export_md5 TEXT NOT NULL,
    mentions_size INTEGER NOT NULL,
    mentions_md5 TEXT NOT NULL,
    written INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS watch_events_first_article ON events(first_article);
";

/// The status of a feed that answered 304.
pub const NOT_MODIFIED: &str = "304 not modified";

/// Item states.
pub const PENDING: &str = "pending";
pub const STORED: &str = "stored";
/// The page's text was stored already under another URL (same content hash).
pub const DUPLICATE: &str = "duplicate";
/// Given up: a permanent error, or too many transient ones.
pub const FAILED: &str = "failed";

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `YYYY-MM-DDTHH:MM:SSZ` of Unix seconds.
pub fn iso(secs: i64) -> String {
    let d = dateline_core::date::Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// Columns added since the tables were first made, each with the value its old rows take.
const ADDED: &[(&str, &str, &str)] = &[
    ("watch_items", "last_seen", "coalesce(fetched, discovered)"),
    ("watch_feeds", "last_listed", "last_ok"),
];

/// Make the tables (and the columns a database made by an earlier version lacks).
pub fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(TABLES)?;
    for (table, column, value) in ADDED {
        let has: bool = conn
            .prepare(&format!(
                "SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1"
            ))?
            .exists([column])?;
        if !has {
            conn.execute_batch(&format!(
                "BEGIN; ALTER TABLE {table} ADD COLUMN {column} INTEGER; UPDATE {table} SET {column} = {value}; COMMIT;"
            ))?;
        }
    }
    Ok(())
}

/// A feed's row (made when first listed) and its validators.
pub fn feed_validators(
    conn: &Connection,
    url: &str,
) -> rusqlite::Result<(crate::http::Validators, Option<i64>)> {
    conn.execute(
        "INSERT INTO watch_feeds (url) VALUES (?1) ON CONFLICT(url) DO NOTHING",
        [url],
    )?;
    conn.query_row(
        "SELECT etag, last_modified, next_fetch FROM watch_feeds WHERE url = ?1",
        [url],
        |r| {
            Ok((
                crate::http::Validators {
                    etag: r.get(0)?,
                    last_modified: r.get(1)?,
                },
                r.get(2)?,
            ))
        },
    )
}

/// A feed read: its new items queued and its validators kept, in one transaction. Returns
/// how many items were new.
pub fn feed_read(
    conn: &mut Connection,
    url: &str,
    v: &crate::http::Validators,
    items: &[dateline_read::feed::FeedItem],
    status: &str,
) -> rusqlite::Result<usize> {
    let tx = conn.transaction()?;
    let t = now();
    let mut new = 0;
    for it in items {
        let key = crate::canonical_item_url(&it.url);
        let added = tx
            .prepare_cached(
                "INSERT INTO watch_items (url, feed, title, published, status, discovered, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT(url) DO NOTHING",
            )?
            .execute(params![key, url, it.title, it.published, PENDING, t])?;
        if added == 0 {
            tx.prepare_cached("UPDATE watch_items SET last_seen = ?2 WHERE url = ?1")?
                .execute(params![key, t])?;
        }
        new += added;
    }
    // a 304 keeps the listing: its items were seen as much as when it was read
    let listed = (status != NOT_MODIFIED).then_some(t);
    tx.execute(
        "UPDATE watch_feeds SET etag = coalesce(?2, etag), last_modified = coalesce(?3, last_modified),
           last_fetch = ?4, last_ok = ?4, last_status = ?5, next_fetch = NULL, items = items + ?6,
           last_listed = coalesce(?7, last_listed) WHERE url = ?1",
        params![url, v.etag, v.last_modified, t, status, new as i64, listed],
    )?;
    tx.execute("DELETE FROM watch_failures WHERE url = ?1", [url])?;
    tx.commit()?;
    Ok(new)
}

/// Record a failure of `url` (a feed, a page or a file): its count grows, its next try is
/// `retry_in` seconds away (none: given up).
pub fn failure(
    conn: &Connection,
    url: &str,
    kind: &str,
    error: &str,
    retry_in: Option<i64>,
) -> rusqlite::Result<i64> {
    let t = now();
    conn.execute(
        "INSERT INTO watch_failures (url, kind, count, first, last, error, next_retry, gave_up)
         VALUES (?1, ?2, 1, ?3, ?3, ?4, ?5, ?6)
         ON CONFLICT(url) DO UPDATE SET count = count + 1, last = ?3, error = ?4, next_retry = ?5, gave_up = ?6",
        params![url, kind, t, error, retry_in.map(|s| t + s), retry_in.is_none() as i64],
    )?;
    if kind == "feed" {
        conn.execute(
            "UPDATE watch_feeds SET last_fetch = ?2, last_status = ?3, next_fetch = ?4 WHERE url = ?1",
            params![url, t, error, retry_in.map(|s| t + s)],
        )?;
    }
    conn.query_row(
        "SELECT count FROM watch_failures WHERE url = ?1",
        [url],
        |r| r.get(0),
    )
}

/// How many times `url` failed so far.
pub fn failures(conn: &Connection, url: &str) -> rusqlite::Result<i64> {
    Ok(conn
        .query_row(
            "SELECT count FROM watch_failures WHERE url = ?1",
            [url],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// A pending item: its URL, feed and listed date.
#[derive(Debug, Clone)]
pub struct Pending {
    pub url: String,
    pub feed: String,
    pub published: Option<String>,
}

/// Pending items due now and not failed since `pass_start` (a pass tries an item once), at
/// most `limit`: the feeds take turns (each feed's first item, then each one's second …),
/// each feed's items in the order they were found. One indexed query per feed with items
/// queued, so a long queue costs no sort.
pub fn pending(conn: &Connection, limit: usize, pass_start: i64) -> rusqlite::Result<Vec<Pending>> {
    let feeds: Vec<String> = conn
        .prepare_cached(
            "SELECT DISTINCT feed FROM watch_items WHERE status = 'pending' ORDER BY feed",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT i.url, i.feed, i.published FROM watch_items i LEFT JOIN watch_failures f ON f.url = i.url
         WHERE i.status = 'pending' AND i.feed = ?4 AND (f.url IS NULL OR (f.next_retry <= ?1 AND f.last < ?3))
         ORDER BY i.rowid LIMIT ?2",
    )?;
    let mut queues = Vec::new();
    for feed in &feeds {
        let rows = st.query_map(params![now(), limit as i64, pass_start, feed], |r| {
            Ok(Pending {
                url: r.get(0)?,
                feed: r.get(1)?,
                published: r.get(2)?,
            })
        })?;
        queues.push(rows.collect::<rusqlite::Result<Vec<_>>>()?.into_iter());
    }
    let mut out = Vec::new();
    while out.len() < limit {
        let before = out.len();
        for q in queues.iter_mut() {
            if out.len() < limit {
                out.extend(q.next());
            }
        }
        if out.len() == before {
            break;
        }
    }
    Ok(out)
}

/// Give up on an item (its failure row says why).
pub fn give_up(conn: &Connection, url: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE watch_items SET status = ?2, fetched = ?3 WHERE url = ?1",
        params![url, FAILED, now()],
    )?;
    Ok(())
}

/// Whether a page with this content hash was stored already (from another item).
pub fn hash_stored(conn: &Connection, hash: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM watch_items WHERE content_hash = ?1 AND status = 'stored'")?
        .exists([hash])
}

/// What became of an item fetched in a batch, written with the batch's articles.
#[derive(Debug, Clone)]
pub struct ItemDone {
    pub url: String,
    pub status: &'static str,
    pub final_url: Option<String>,
    pub article_id: Option<String>,
    pub content_hash: Option<String>,
}

pub fn items_done(tx: &rusqlite::Transaction, done: &[ItemDone]) -> rusqlite::Result<()> {
    let t = now();
    for d in done {
        tx.prepare_cached(
            "UPDATE watch_items SET status = ?2, fetched = ?3, final_url = ?4, article_id = ?5, content_hash = ?6
             WHERE url = ?1",
        )?
        .execute(params![d.url, d.status, t, d.final_url, d.article_id, d.content_hash])?;
        tx.prepare_cached("DELETE FROM watch_failures WHERE url = ?1")?
            .execute([&d.url])?;
    }
    Ok(())
}

/// A folder file as last ingested: (size, mtime, hash).
pub fn file_seen(conn: &Connection, path: &str) -> rusqlite::Result<Option<(i64, i64, String)>> {
    conn.query_row(
        "SELECT size, mtime, hash FROM watch_files WHERE path = ?1",
        [path],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

pub fn file_done(
    tx: &rusqlite::Transaction,
    path: &str,
    size: i64,
    mtime: i64,
    hash: &str,
    articles: usize,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO watch_files (path, size, mtime, hash, articles, ingested) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(path) DO UPDATE SET size = ?2, mtime = ?3, hash = ?4, articles = articles + ?5, ingested = ?6",
        params![path, size, mtime, hash, articles as i64, now()],
    )?;
    tx.execute("DELETE FROM watch_failures WHERE url = ?1", [path])?;
    Ok(())
}

/// What [`forget`] removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Forgotten {
    pub items: usize,
    pub failures: usize,
}

/// Forget what is done and old, so that the tables hold what the feeds list now and not
/// everything they ever listed: items stored, duplicate or given up that no feed has listed
/// since `cutoff` (Unix seconds) — unless the feed that found an item still answers and has
/// not been read with a new listing since (a feed answering 304 for a month still lists its
/// items) — and the failures of pages given up before `cutoff`. Queued items are never
/// forgotten. An item forgotten and listed again is fetched again; its article is not stored
/// twice (its id, from its canonical URL, is stored already).
pub fn forget(conn: &Connection, cutoff: i64) -> rusqlite::Result<Forgotten> {
    let items = conn.execute(
        "DELETE FROM watch_items WHERE status != 'pending' AND last_seen <= ?1 AND NOT EXISTS (
           SELECT 1 FROM watch_feeds f WHERE f.url = watch_items.feed
             AND f.last_listed <= watch_items.last_seen AND f.last_fetch > ?1)",
        [cutoff],
    )?;
    let failures = conn.execute(
        "DELETE FROM watch_failures WHERE kind = 'page' AND gave_up = 1 AND last <= ?1
           AND NOT EXISTS (SELECT 1 FROM watch_items i WHERE i.url = watch_failures.url)",
        [cutoff],
    )?;
    Ok(Forgotten { items, failures })
}

/// Forget the folder files under `dir` (paths starting with it) that its listing no longer
/// holds and that were ingested before `cutoff`: a file moved out of the inbox. Returns how
/// many. One that comes back is read again, and its articles are not stored twice.
pub fn forget_files(
    conn: &Connection,
    dir: &str,
    listed: &std::collections::HashSet<String>,
    cutoff: i64,
) -> rusqlite::Result<usize> {
    let gone: Vec<String> = conn
        .prepare_cached(
            "SELECT path FROM watch_files WHERE substr(path, 1, length(?1)) = ?1 AND ingested <= ?2",
        )?
        .query_map(params![dir, cutoff], |r| r.get::<_, String>(0))?
        .filter_map(Result::ok)
        .filter(|p| !listed.contains(p))
        .collect();
    for p in &gone {
        conn.prepare_cached("DELETE FROM watch_files WHERE path = ?1")?
            .execute([p])?;
    }
    Ok(gone.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(name: &str) -> dateline_store::Store {
        let p = std::env::temp_dir().join(format!(
            "dateline-watch-state-{name}-{}.db",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&p);
        dateline_store::Store::open(&p).unwrap()
    }

    fn item(c: &Connection, url: &str, feed: &str, status: &str, last_seen: i64) {
        c.execute(
            "INSERT INTO watch_items (url, feed, status, discovered, last_seen) VALUES (?1, ?2, ?3, 0, ?4)",
            params![url, feed, status, last_seen],
        )
        .unwrap();
    }

    fn urls(c: &Connection) -> Vec<String> {
        c.prepare("SELECT url FROM watch_items ORDER BY url")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn done_items_no_feed_lists_are_forgotten_and_the_rest_kept() {
        let s = store("forget");
        let c = &s.conn;
        create(c).unwrap();
        // feed a: read with a new listing at 500; feed b: answering 304 since its listing at
        // 100, still fetched; feed c: no longer fetched since 100
        for (feed, listed, fetched) in [("a", 500, 500), ("b", 100, 500), ("c", 100, 100)] {
            c.execute(
                "INSERT INTO watch_feeds (url, last_listed, last_fetch) VALUES (?1, ?2, ?3)",
                params![feed, listed, fetched],
            )
            .unwrap();
        }
        item(c, "a/old-stored", "a", STORED, 100);
        item(c, "a/old-failed", "a", FAILED, 100);
        item(c, "a/old-pending", "a", PENDING, 100);
        item(c, "a/listed-now", "a", STORED, 500);
        item(c, "b/unchanged-listing", "b", DUPLICATE, 100);
        item(c, "c/feed-dropped", "c", STORED, 100);
        for (url, gave_up) in [
            ("a/old-failed", 1),
            ("gone/given-up", 1),
            ("gone/retrying", 0),
        ] {
            c.execute(
                "INSERT INTO watch_failures (url, kind, count, first, last, error, gave_up) VALUES (?1, 'page', 1, 100, 100, 'x', ?2)",
                params![url, gave_up],
            )
            .unwrap();
        }
        let f = forget(c, 200).unwrap();
        assert_eq!(
            f,
            Forgotten {
                items: 3,
                failures: 2
            }
        );
        assert_eq!(
            urls(c),
            ["a/listed-now", "a/old-pending", "b/unchanged-listing"]
        );
        let left: Vec<String> = c
            .prepare("SELECT url FROM watch_failures")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(left, ["gone/retrying"]);
    }

    #[test]
    fn an_older_database_gets_the_new_columns_and_folder_rows_of_gone_files_go() {
        let s = store("migrate");
        let c = &s.conn;
        c.execute_batch(
            "CREATE TABLE watch_items (url TEXT PRIMARY KEY, feed TEXT NOT NULL, title TEXT, published TEXT,
               status TEXT NOT NULL, discovered INTEGER NOT NULL, fetched INTEGER, final_url TEXT,
               article_id TEXT, content_hash TEXT);
             INSERT INTO watch_items (url, feed, status, discovered, fetched) VALUES ('u', 'f', 'stored', 10, 20);",
        )
        .unwrap();
        create(c).unwrap();
        create(c).unwrap();
        let seen: i64 = c
            .query_row("SELECT last_seen FROM watch_items", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seen, 20);
        let tx = c.unchecked_transaction().unwrap();
        for (p, t) in [
            ("in/a.txt", 10),
            ("in/b.txt", 10),
            ("in/new.txt", 300),
            ("in2/c.txt", 10),
        ] {
            file_done(&tx, p, 1, 1, "h", 1).unwrap();
            tx.execute(
                "UPDATE watch_files SET ingested = ?2 WHERE path = ?1",
                params![p, t],
            )
            .unwrap();
        }
        tx.commit().unwrap();
        let listed = ["in/a.txt".to_string()].into_iter().collect();
        assert_eq!(forget_files(c, "in/", &listed, 200).unwrap(), 1);
        let left: Vec<String> = c
            .prepare("SELECT path FROM watch_files ORDER BY path")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(left, ["in/a.txt", "in/new.txt", "in2/c.txt"]);
    }
}
