//! The event database: an SQLite file (WAL mode, FTS5 over titles and bodies) that `dateline
//! ingest` fills and `dateline query` / `dateline export` read.
//!
//! Tables (documented column by column in docs/database.md): `articles`, `articles_fts`,
//! `entities`, `times`, `places`, `quotes`, `events` (deduplicated across articles) and
//! `mentions` (one row per report of an event). Writes happen in one transaction per batch of
//! articles, so a crash loses at most the batch in flight and a re-run skips what is stored
//! (articles are keyed by their stable id). The schema version is `PRAGMA user_version`; a file
//! from a newer dateline is refused, an older one migrated, a foreign file left untouched.
//!
//! This crate knows nothing of reading or coding: it stores `Document`s the pipeline produced.

use dateline_core::{Document, Event};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

pub mod browse;
pub mod dates;
mod documents;
pub mod export;
#[cfg(feature = "parquet")]
pub mod parquet_export;
pub mod query;

/// The SQLite binding the store uses, for callers that add their own tables to a transaction
/// of the store's ([`Store::write_batch_with`]).
pub use rusqlite;
pub use rusqlite::types::Value;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = 3;
const SCHEMA_NAME: &str = "dateline.db/3";

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid');
CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, canonical TEXT
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT
);
CREATE INDEX times_article ON times(article);
CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL, country TEXT, feature TEXT, admin1 TEXT
);
CREATE INDEX places_article ON places(article);
CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, speaker_canonical TEXT, cue TEXT, addressee TEXT
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    date TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    plover TEXT,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    negated INTEGER NOT NULL,
    mode TEXT,
    source_code TEXT, source_name TEXT, source_country TEXT,
    target_code TEXT, target_name TEXT, target_country TEXT,
    place_name TEXT, place_lat REAL, place_lon REAL, place_country TEXT, place_geonameid INTEGER, place_feature TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    confidence REAL NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    first_article INTEGER REFERENCES articles(rowid),
    added_at TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE TABLE mentions (
    event INTEGER NOT NULL REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(rowid),
    cameo TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER,
    source_start INTEGER, target_start INTEGER,
    confidence REAL NOT NULL,
    rule TEXT,
    date TEXT,
    date_source TEXT,
    outlet TEXT,
    published TEXT
);
CREATE INDEX mentions_event ON mentions(event, article);
CREATE INDEX mentions_event_outlet ON mentions(event, outlet);
CREATE INDEX mentions_article ON mentions(article);
";

/// Version 2: each article's coded `dateline.article/1` JSON (its body left empty: the body is
/// `articles.body`), and each event's first and last day (`YYYY-MM-DD`, `''` when undated) so
/// that pages and timelines sort and bucket by an index instead of a function of `date`.
const SCHEMA_2: &str = "
CREATE TABLE documents (
    article INTEGER PRIMARY KEY REFERENCES articles(rowid),
    json TEXT NOT NULL
);
ALTER TABLE events ADD COLUMN first_day TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
UPDATE events SET first_day = coalesce(dl_first(date), ''), last_day = coalesce(dl_last(date), '');
CREATE INDEX events_day ON events(first_day, last_day);
UPDATE meta SET value = 'dateline.db/2' WHERE key = 'schema';
";

/// Version 3: indexes that both find a filter's events and give them in page order (first day,
/// then id, newest first), so that a page of `dateline serve` is an index walk, not a sort of
/// every match, and its count reads the index alone. Each leads with what a filter fixes: the
/// first three characters of the source's or the target's CAMEO code (every code prefix of a
/// filter has them), the CAMEO root (the first two digits), the country of the source, the
/// target or the place; `events_day` (was `first_day, last_day`) serves a date range alone.
/// `last_day`, the code and `quad_class` in each make the date, prefix and quad checks without
/// reading the row. `events_span` holds only the events whose date spans days (a month, a
/// year): a count from a date counts those begun before it there, not in the 367 days before
/// it of `events_day` (see `query::Condition::from_split`).
/// They replace `events_source`, `events_target` (any code prefix of a filter is served by
/// the new ones) and `events_date` (no query reads `date` by an index since schema 2), so
/// that an ingest maintains three more indexes, not six; `events_cameo` stays for a prefix of
/// one digit.
const SCHEMA_3: &str = "
DROP INDEX events_source;
DROP INDEX events_target;
DROP INDEX events_date;
DROP INDEX events_day;
CREATE INDEX events_day ON events(first_day, id, last_day, quad_class);
CREATE INDEX events_span ON events(first_day, id, last_day, quad_class) WHERE first_day <> last_day;
CREATE INDEX events_source_day ON events(substr(source_code, 1, 3), first_day, id, last_day, source_code, quad_class);
CREATE INDEX events_target_day ON events(substr(target_code, 1, 3), first_day, id, last_day, target_code, quad_class);
CREATE INDEX events_cameo_day ON events(substr(cameo, 1, 2), first_day, id, last_day, cameo, quad_class);
CREATE INDEX events_source_country_day ON events(source_country, first_day, id, last_day, quad_class);
CREATE INDEX events_target_country_day ON events(target_country, first_day, id, last_day, quad_class);
CREATE INDEX events_place_country_day ON events(place_country, first_day, id, last_day, quad_class);
UPDATE meta SET value = 'dateline.db/3' WHERE key = 'schema';
";

/// What went wrong with the database, with the file named.
#[derive(Debug)]
pub struct StoreError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for StoreError {}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open database.
pub struct Store {
    pub conn: Connection,
    pub path: PathBuf,
}

/// Counts from writing one batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchStats {
    pub articles: usize,
    pub skipped: usize,
    pub events: usize,
    pub mentions: usize,
}

/// The article's row, or `None` when its id is already stored.
fn insert_article(
    tx: &rusqlite::Transaction,
    d: &Document,
    now: &str,
) -> rusqlite::Result<Option<i64>> {
    let a = &d.article;
    let changed = tx
        .prepare_cached(
            "INSERT INTO articles (id, source, url, outlet, title, byline, published, language, content_hash, body, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![
            d.id,
            d.source,
            a.url,
            a.outlet,
            a.title,
            serde_json::to_string(&a.byline).unwrap_or_default(),
            a.published,
            a.language,
            dateline_core::hash::hex_id(dateline_core::hash::normalise_ws(&d.body).as_bytes()),
            d.body,
            now
        ])?;
    Ok((changed > 0).then(|| tx.last_insert_rowid()))
}

/// The article's full-text row, entities, times, places and quotes.
fn insert_annotations(tx: &rusqlite::Transaction, art: i64, d: &Document) -> rusqlite::Result<()> {
    let a = &d.article;
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![art, a.title.as_deref().unwrap_or(""), d.body])?;
    tx.prepare_cached("INSERT INTO documents (article, json) VALUES (?1, ?2)")?
        .execute(params![art, documents::without_body(d)])?;
    for x in d.entities.iter().flatten() {
        tx.prepare_cached("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
            .execute(params![
                art,
                x.start as i64,
                x.end as i64,
                x.text,
                x.kind.as_str(),
                x.canonical
            ])?;
    }
    for x in d.times.iter().flatten() {
        tx.prepare_cached("INSERT INTO times VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
            .execute(params![
                art,
                x.start as i64,
                x.end as i64,
                x.text,
                x.kind.as_str(),
                x.value
            ])?;
    }
    for x in d.places.iter().flatten() {
        tx.prepare_cached(
            "INSERT INTO places VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            art,
            x.start as i64,
            x.end as i64,
            x.text,
            x.name,
            x.geonameid.map(|g| g as i64),
            x.lat,
            x.lon,
            x.country,
            x.feature,
            x.admin1
        ])?;
    }
    for x in d.quotes.iter().flatten() {
        let sp = x.speaker.as_ref();
        tx.prepare_cached("INSERT INTO quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?
            .execute(params![
                art,
                x.start as i64,
                x.end as i64,
                x.text,
                x.kind.as_str(),
                sp.map(|s| s.text.clone()),
                sp.and_then(|s| s.canonical.clone()),
                x.cue,
                x.addressee
            ])?;
    }
    Ok(())
}

/// One mention of an event: the event's row when it is new (returns 1, else 0), the mention,
/// and the event's counts, kept incrementally (is this article, this outlet, new for it?).
fn insert_mention(
    tx: &rusqlite::Transaction,
    art: i64,
    article_id: &str,
    a: &dateline_core::Article,
    ev: &dateline_core::Event,
    now: &str,
) -> rusqlite::Result<usize> {
    let (key, id) = event_key(ev, article_id);
    let src = ev.source.as_ref();
    let tgt = ev.target.as_ref();
    let pl = ev.place.as_ref();
    let days = ev.date.as_deref().and_then(dates::span);
    let day = |last: bool| {
        days.map(|(a, b)| if last { b } else { a }.to_string())
            .unwrap_or_default()
    };
    let new = tx
        .prepare_cached(
            "INSERT INTO events (id, key, date, cameo, cameo_root, plover, quad_class, goldstein, negated, mode,
               source_code, source_name, source_country, target_code, target_name, target_country,
               place_name, place_lat, place_lon, place_country, place_geonameid, place_feature,
               first_seen, last_seen, first_article, added_at, first_day, last_day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23, ?24, ?25, ?26, ?27)
             ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![
            id,
            key,
            ev.date,
            ev.cameo,
            ev.cameo.get(0..2).unwrap_or(""),
            ev.plover,
            ev.quad_class,
            ev.goldstein,
            ev.negated,
            ev.mode.map(dateline_core::EventMode::as_str),
            src.and_then(|a| a.code.clone()),
            src.map(|a| a.canonical.clone().unwrap_or(a.text.clone())),
            src.and_then(|a| a.country.clone()),
            tgt.and_then(|a| a.code.clone()),
            tgt.map(|a| a.canonical.clone().unwrap_or(a.text.clone())),
            tgt.and_then(|a| a.country.clone()),
            pl.map(|p| p.name.clone()),
            pl.map(|p| p.lat),
            pl.map(|p| p.lon),
            pl.and_then(|p| p.country.clone()),
            pl.and_then(|p| p.geonameid.map(|g| g as i64)),
            pl.and_then(|p| p.feature.clone()),
            a.published,
            art,
            now,
            day(false),
            day(true)
        ])?;
    // counts kept incrementally: is this article, this outlet, new for the event?
    let new_article = !tx
        .prepare_cached("SELECT 1 FROM mentions WHERE event = ?1 AND article = ?2")?
        .exists(params![id, art])?;
    // an article without an outlet counts as a source of its own
    let new_source = match &a.outlet {
        None => new_article,
        Some(o) => !tx
            .prepare_cached("SELECT 1 FROM mentions WHERE event = ?1 AND outlet = ?2")?
            .exists(params![id, o])?,
    };
    tx.prepare_cached(
        "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        id,
        art,
        ev.cameo,
        ev.sentence[0] as i64,
        ev.sentence[1] as i64,
        ev.evidence,
        ev.trigger.map(|t| t[0] as i64),
        ev.trigger.map(|t| t[1] as i64),
        src.and_then(|a| a.start.map(|s| s as i64)),
        tgt.and_then(|a| a.start.map(|s| s as i64)),
        ev.confidence,
        ev.rule,
        ev.date,
        ev.date_source.map(dateline_core::DateSource::as_str),
        a.outlet,
        a.published
    ])?;
    tx.prepare_cached(
        "UPDATE events SET
           num_mentions = num_mentions + 1,
           confidence = (confidence * num_mentions + ?2) / (num_mentions + 1),
           num_articles = num_articles + ?4,
           num_sources = num_sources + ?5,
           first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen) THEN ?3 ELSE first_seen END,
           last_seen = CASE WHEN ?3 IS NOT NULL AND (last_seen IS NULL OR ?3 > last_seen) THEN ?3 ELSE last_seen END
         WHERE id = ?1",
    )?
    .execute(params![id, ev.confidence, a.published, new_article as i64, new_source as i64])?;
    Ok(new)
}

fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let d = dateline_core::date::Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

impl Store {
    fn err(path: &Path, message: impl Into<String>) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// Open (creating it if needed) a database for writing. A file that is not a dateline
    /// database is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let existed = path.exists()
            && std::fs::metadata(path)
                .map(|m| m.len() > 0)
                .unwrap_or(false);
        if existed {
            Self::check_header(path)?;
        }
        let conn =
            Connection::open(path).map_err(|e| Self::err(path, format!("cannot open: {e}")))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| Self::err(path, e.to_string()))?;
        dates::register(&conn).map_err(|e| Self::err(path, e.to_string()))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        if existed {
            store.check_ours()?;
        }
        store
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Self::err(path, format!("cannot switch to WAL mode: {e}")))?;
        store
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| Self::err(path, e.to_string()))?;
        // 64 MB of page cache: index pages of a large database stay in memory between batches
        store
            .conn
            .pragma_update(None, "cache_size", -65_536)
            .map_err(|e| Self::err(path, e.to_string()))?;
        store.migrate()?;
        Ok(store)
    }

    /// SQLite's change counter for this connection: it differs between two reads when
    /// another connection has committed in between (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| Self::err(&self.path, e.to_string()))
    }

    /// Map up to `bytes` of the file into memory for this connection's reads (SQLite's
    /// `mmap_size`; 0 turns it off; SQLite caps it at its compile-time maximum).
    pub fn set_mmap(&self, bytes: usize) -> Result<()> {
        self.conn
            .pragma_update(None, "mmap_size", i64::try_from(bytes).unwrap_or(i64::MAX))
            .map_err(|e| Self::err(&self.path, e.to_string()))
    }

    /// Open an existing database read-only (for queries and exports; works while an ingest
    /// writes to it).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Self::err(
                path,
                "no such database (create it with `dateline ingest`)",
            ));
        }
        Self::check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Self::err(path, format!("cannot open: {e}")))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| Self::err(path, e.to_string()))?;
        dates::register(&conn).map_err(|e| Self::err(path, e.to_string()))?;
        // statements kept prepared (`Store::table`): one per filter shape a server meets
        conn.set_prepared_statement_cache_capacity(64);
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.check_ours()?;
        let v = store.user_version()?;
        if v != SCHEMA_VERSION {
            return Err(Self::err(
                path,
                format!("database schema {v} differs from this binary's {SCHEMA_VERSION}; run `dateline ingest` once to migrate it"),
            ));
        }
        Ok(store)
    }

    /// Refuse a file that is not SQLite before SQLite touches it.
    fn check_header(path: &Path) -> Result<()> {
        use std::io::Read;
        let mut head = [0u8; 16];
        let mut f =
            std::fs::File::open(path).map_err(|e| Self::err(path, format!("cannot open: {e}")))?;
        let n = f
            .read(&mut head)
            .map_err(|e| Self::err(path, format!("cannot read: {e}")))?;
        if n < 16 || &head != b"SQLite format 3\0" {
            return Err(Self::err(
                path,
                "not an SQLite database (refusing to touch it)",
            ));
        }
        Ok(())
    }

    fn user_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| Self::err(&self.path, e.to_string()))
    }

    /// An SQLite file must be empty or carry our `meta` table.
    fn check_ours(&self) -> Result<()> {
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| Self::err(&self.path, format!("not a readable database: {e}")))?;
        if tables == 0 {
            return Ok(());
        }
        let schema: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .unwrap_or(None);
        match schema {
            Some(s) if s.starts_with("dateline.db/") => {}
            _ => {
                return Err(Self::err(
                    &self.path,
                    "an SQLite database, but not a dateline one (refusing to touch it)",
                ))
            }
        }
        let v = self.user_version()?;
        if v > SCHEMA_VERSION {
            return Err(Self::err(
                &self.path,
                format!("written by a newer dateline (schema {v}; this binary knows up to {SCHEMA_VERSION}): upgrade dateline"),
            ));
        }
        Ok(())
    }

    /// Create the schema in a new file (version 1, then each step since); migrate an older
    /// one step by step, in one transaction.
    fn migrate(&mut self) -> Result<()> {
        let v = self.user_version()?;
        if v == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Self::err(&self.path, e.to_string()))?;
        if v == 0 {
            tx.execute_batch(SCHEMA)
                .map_err(|e| Self::err(&self.path, format!("cannot create the schema: {e}")))?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?1), ('created', ?2)",
                params![SCHEMA_NAME, now_utc()],
            )
            .map_err(|e| Self::err(&self.path, e.to_string()))?;
        }
        if v < 2 {
            tx.execute_batch(SCHEMA_2)
                .map_err(|e| Self::err(&self.path, format!("cannot migrate to schema 2: {e}")))?;
        }
        if v < 3 {
            tx.execute_batch(SCHEMA_3)
                .map_err(|e| Self::err(&self.path, format!("cannot migrate to schema 3: {e}")))?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| Self::err(&self.path, e.to_string()))?;
        tx.commit()
            .map_err(|e| Self::err(&self.path, e.to_string()))
    }

    /// Which of these article ids are already stored.
    pub fn existing_ids(&self, ids: &[&str]) -> Result<HashSet<String>> {
        let mut out = HashSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .map_err(|e| Self::err(&self.path, e.to_string()))?;
        for id in ids {
            if stmt
                .exists([id])
                .map_err(|e| Self::err(&self.path, e.to_string()))?
            {
                out.insert(id.to_string());
            }
        }
        Ok(out)
    }

    /// Store coded documents in one transaction. Documents with an `error`, or whose id is
    /// already stored, are skipped.
    pub fn write_batch(&mut self, docs: &[Document]) -> Result<BatchStats> {
        self.write_batch_with(docs, |_, _| Ok(()))
    }

    /// [`Store::write_batch`], then `also` in the same transaction before it commits, with
    /// the batch's counts: a caller's own bookkeeping (`dateline watch`'s state tables)
    /// commits with the articles it concerns, or neither does.
    pub fn write_batch_with(
        &mut self,
        docs: &[Document],
        also: impl FnOnce(&rusqlite::Transaction, &BatchStats) -> rusqlite::Result<()>,
    ) -> Result<BatchStats> {
        let path = self.path.clone();
        let e = |x: rusqlite::Error| Self::err(&path, format!("write failed: {x}"));
        let now = now_utc();
        let tx = self.conn.transaction().map_err(e)?;
        let mut st = BatchStats::default();
        for d in docs.iter().filter(|d| d.error.is_none()) {
            let Some(art) = insert_article(&tx, d, &now).map_err(e)? else {
                st.skipped += 1;
                continue;
            };
            st.articles += 1;
            insert_annotations(&tx, art, d).map_err(e)?;
            for ev in d.events.iter().flatten() {
                st.events += insert_mention(&tx, art, &d.id, &d.article, ev, &now).map_err(e)?;
                st.mentions += 1;
            }
        }
        also(&tx, &st).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(st)
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<Vec<(String, i64)>> {
        let mut out = Vec::new();
        for t in [
            "articles", "entities", "times", "places", "quotes", "events", "mentions",
        ] {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .map_err(|e| Self::err(&self.path, e.to_string()))?;
            out.push((t.to_string(), n));
        }
        Ok(out)
    }
}

/// The cross-article matching key of an event and its stable id (GDELT's GlobalEventID):
/// date as the text gives it, source and target (CAMEO code, else name), CAMEO root, place
/// (GeoNames id, else name), and whether it was negated. The id is a 63-bit hash of the key,
/// so it is the same in every database built from the same reports.
///
/// An event without a calendar date (none, or a value such as `PRESENT_REF`) is keyed by
/// `undated@` and the id of the article reporting it (`article`) instead: two articles'
/// undated reports cannot be known to be one event, so they never merge; within one article
/// they still do.
pub fn event_key(ev: &Event, article: &str) -> (String, i64) {
    let actor = |a: &Option<dateline_core::Actor>| match a {
        Some(a) => a
            .code
            .clone()
            .unwrap_or_else(|| dateline_core::norm_key(a.canonical.as_deref().unwrap_or(&a.text))),
        None => String::new(),
    };
    let place = match &ev.place {
        Some(p) => p
            .geonameid
            .map(|g| g.to_string())
            .unwrap_or_else(|| dateline_core::norm_key(&p.name)),
        None => String::new(),
    };
    let date = match ev.date.as_deref() {
        Some(d) if dates::span(d).is_some() => d.to_string(),
        _ => format!("undated@{article}"),
    };
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        date,
        actor(&ev.source),
        actor(&ev.target),
        ev.cameo.get(0..2).unwrap_or(""),
        place,
        if ev.negated { "not" } else { "" }
    );
    let hex = dateline_core::hash::hex_id(key.as_bytes());
    let id = u64::from_str_radix(&hex[..16], 16).unwrap_or(0) >> 1;
    (key, id as i64)
}

#[cfg(test)]
mod tests;
