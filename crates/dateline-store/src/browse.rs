//! What a browser of the database asks (the HTTP API of `dateline serve`): pages of events in
//! a stable order with a cursor, counts over time, actor pairs, places, actors, full-text
//! search. Every function takes the filters of [`EventFilter`], so the numbers agree with
//! `dateline query` and the exports on the same filter.
//!
//! Pages are keyset pages: events are ordered by their first day (newest first; undated last)
//! then id, and a cursor is the last row's `(first_day, id)`, so a page costs an index seek,
//! never an OFFSET scan, and walking the pages visits every matching event once.

use crate::query::{EventFilter, Table, Value, PAGE_COLUMNS};
use crate::{Result, Store, StoreError};

/// Where the next page starts: after the event with this first day (`""` when undated) and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub day: String,
    pub id: i64,
    /// The first page's count of matching events, carried to the later pages so that they
    /// need not count again (`None` in a cursor written without it: then it is counted).
    pub total: Option<usize>,
}

impl Cursor {
    /// A cursor as [`Cursor::encode`] wrote it: `DAY_ID_TOTAL` (`2018-05-17_4242_90`,
    /// `_4242_90` undated), or `DAY_ID` without the count.
    pub fn parse(s: &str) -> std::result::Result<Cursor, String> {
        let bad = || format!("malformed cursor {:?}", crate::browse::shorten(s));
        let number = |v: &str| -> Option<i64> {
            v.parse()
                .ok()
                .filter(|_| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        };
        let parts: Vec<&str> = s.split('_').collect();
        let (day, id, total) = match parts[..] {
            [day, id] => (day, number(id).ok_or_else(bad)?, None),
            [day, id, total] => (
                day,
                number(id).ok_or_else(bad)?,
                Some(number(total).ok_or_else(bad)?),
            ),
            _ => return Err(bad()),
        };
        if !day.is_empty() && (day.len() != 10 || crate::dates::parse_bound(day).is_err()) {
            return Err(bad());
        }
        Ok(Cursor {
            day: day.to_string(),
            id,
            total: total.map(|t| usize::try_from(t).unwrap_or(usize::MAX)),
        })
    }

    pub fn encode(&self) -> String {
        match self.total {
            Some(t) => format!("{}_{}_{t}", self.day, self.id),
            None => format!("{}_{}", self.day, self.id),
        }
    }
}

/// The first 40 characters of a value, for error messages.
pub fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// One page of events.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// [`crate::query::EVENT_COLUMNS`] then `article_id`, `first_day`, `last_day`.
    pub events: Table,
    /// The cursor of the next page, `None` on the last one.
    pub next: Option<Cursor>,
    /// Events matching the filter, on all pages.
    pub total: usize,
}

/// The width of a timeline's bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    Month,
}

impl Bucket {
    pub fn parse(s: &str) -> Option<Bucket> {
        match s {
            "day" => Some(Bucket::Day),
            "week" => Some(Bucket::Week),
            "month" => Some(Bucket::Month),
            _ => None,
        }
    }

    /// The bucket of a `YYYY-MM-DD` column, as SQL.
    fn of(self, column: &str) -> String {
        match self {
            Bucket::Day => column.to_string(),
            Bucket::Week => format!("date({column}, 'weekday 0', '-6 days')"),
            Bucket::Month => format!("substr({column}, 1, 7)"),
        }
    }
}

/// Events over time: rows `period, quad_class, events, goldstein` (mean Goldstein).
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub buckets: Table,
    /// Matching events without a calendar date.
    pub undated: usize,
    /// Matching events whose date spans more than one bucket (dated `2018` in a daily
    /// timeline): left out of the buckets, counted here.
    pub imprecise: usize,
}

impl Store {
    /// The SQL selecting the ids of a page of `n` events (`SELECT id …`) and its arguments.
    /// The ids first, then their columns: the report columns are subqueries, worth running for
    /// the rows shown, not for every match. The ids come from an index walk in page order (the
    /// indexes `events_*_day` lead with what a filter fixes, then first_day and id); an OR of
    /// sides is one walk per side, merged (UNION keeps an event that matches on two sides once).
    pub(crate) fn page_ids(
        &self,
        f: &EventFilter,
        after: Option<&Cursor>,
        n: usize,
    ) -> Result<(String, Vec<Value>)> {
        let mut cond = self.event_where(f)?;
        if let Some(c) = after {
            cond.args.push(Value::Text(c.day.clone()));
            cond.args.push(Value::Integer(c.id));
            let k = cond.args.len();
            cond.clauses
                .push(format!("(first_day, id) < (?{}, ?{k})", k - 1));
        }
        let walks: Vec<String> = cond
            .arms()
            .iter()
            .map(|arm| format!("SELECT first_day, id FROM events WHERE {arm}"))
            .collect();
        let mut args = cond.args;
        args.push(Value::Integer(i64::try_from(n).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT id FROM ({} ORDER BY first_day DESC, id DESC LIMIT ?{})",
            walks.join(" UNION "),
            args.len()
        );
        Ok((sql, args))
    }

    /// A page of at most `limit` events matching the filter (its own limit aside), after
    /// `after` when given.
    pub fn events_page(
        &self,
        f: &EventFilter,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Page> {
        let (ids, args) = self.page_ids(f, after, limit + 1)?;
        let order = "ORDER BY first_day DESC, id DESC";
        let sql = format!(
            "SELECT {PAGE_COLUMNS} FROM events LEFT JOIN articles a ON a.rowid = events.first_article
             WHERE events.id IN ({ids}) {order}"
        );
        let mut events = self.table(&sql, &args)?;
        // counted on the first page only; later pages carry it in their cursor
        let total = match after.and_then(|c| c.total) {
            Some(t) => t,
            None => self.count_events(f)?,
        };
        let next = if events.rows.len() > limit {
            events.rows.truncate(limit);
            let last = events.rows.last();
            let col = |name: &str| events.columns.iter().position(|c| c == name);
            match (last, col("first_day"), col("id")) {
                (Some(row), Some(d), Some(i)) => match (&row[d], &row[i]) {
                    (Value::Text(day), Value::Integer(id)) => Some(Cursor {
                        day: day.clone(),
                        id: *id,
                        total: Some(total),
                    }),
                    _ => None,
                },
                _ => None,
            }
        } else {
            None
        };
        Ok(Page {
            events,
            next,
            total,
        })
    }

    /// Matching events per bucket and quad class, with their mean Goldstein score.
    pub fn timeline(&self, f: &EventFilter, by: Bucket) -> Result<Timeline> {
        let (cond, args) = self.event_condition(f)?;
        let (first, last) = (by.of("first_day"), by.of("last_day"));
        let buckets = self.table(
            &format!(
                "SELECT {first} AS period, quad_class, count(*) AS events, round(avg(goldstein), 3) AS goldstein
                 FROM events WHERE {cond} AND first_day <> '' AND {first} = {last}
                 GROUP BY 1, 2 ORDER BY 1, 2"
            ),
            &args,
        )?;
        let undated = self.count(
            &format!("SELECT count(*) FROM events WHERE {cond} AND first_day = ''"),
            &args,
        )?;
        let imprecise = self.count(
            &format!(
                "SELECT count(*) FROM events WHERE {cond} AND first_day <> '' AND {first} <> {last}"
            ),
            &args,
        )?;
        Ok(Timeline {
            buckets,
            undated,
            imprecise,
        })
    }

    /// Source–target pairs of the matching events (actors by CAMEO code, else name), most
    /// events first: `source, source_name, source_country, target, target_name,
    /// target_country, events, goldstein` (mean), `cooperation` and `conflict` (events of quad
    /// classes 1–2 and 3–4); and how many pairs there are.
    pub fn network(&self, f: &EventFilter, limit: usize) -> Result<(Table, usize)> {
        let (cond, args) = self.event_condition(f)?;
        let from = format!(
            "FROM events WHERE {cond} AND source_name IS NOT NULL AND target_name IS NOT NULL
             GROUP BY coalesce(source_code, source_name), coalesce(target_code, target_name)"
        );
        let t = self.table(
            &format!(
                "SELECT coalesce(source_code, source_name) AS source, min(source_name) AS source_name, min(source_country) AS source_country,
                        coalesce(target_code, target_name) AS target, min(target_name) AS target_name, min(target_country) AS target_country,
                        count(*) AS events, round(avg(goldstein), 3) AS goldstein,
                        sum(quad_class IN (1, 2)) AS cooperation, sum(quad_class IN (3, 4)) AS conflict
                 {from} ORDER BY events DESC, source, target LIMIT {limit}"
            ),
            &args,
        )?;
        let total = self.count(&format!("SELECT count(*) FROM (SELECT 1 {from})"), &args)?;
        Ok((t, total))
    }

    /// The places of the matching events with coordinates, most events first: `name,
    /// country, geonameid, lat, lon, events, goldstein` (mean), `conflict` (quad classes 3–4);
    /// and how many places there are.
    pub fn places(&self, f: &EventFilter, limit: usize) -> Result<(Table, usize)> {
        let (cond, args) = self.event_condition(f)?;
        let from = format!(
            "FROM events WHERE {cond} AND place_lat IS NOT NULL AND place_lon IS NOT NULL
             GROUP BY place_name, place_country, place_geonameid, place_lat, place_lon"
        );
        let t = self.table(
            &format!(
                "SELECT place_name AS name, place_country AS country, place_geonameid AS geonameid, place_lat AS lat, place_lon AS lon,
                        count(*) AS events, round(avg(goldstein), 3) AS goldstein, sum(quad_class IN (3, 4)) AS conflict
                 {from} ORDER BY events DESC, name LIMIT {limit}"
            ),
            &args,
        )?;
        let total = self.count(&format!("SELECT count(*) FROM (SELECT 1 {from})"), &args)?;
        Ok((t, total))
    }

    /// Actors as events name them (CAMEO code, name, country), most events first, with how
    /// often each is the source and the target and the first and last day of its events;
    /// `q` is a code prefix or part of a name. And how many actors match.
    pub fn actors(&self, q: Option<&str>, limit: usize) -> Result<(Table, usize)> {
        let mut args = Vec::new();
        let cond = match q {
            Some(q) => {
                args.push(Value::Text(format!("{q}%")));
                args.push(Value::Text(format!("%{q}%")));
                "code LIKE ?1 OR name LIKE ?2"
            }
            None => "1",
        };
        let from = format!(
            "FROM (SELECT source_code AS code, source_name AS name, source_country AS country, 1 AS src, first_day, last_day FROM events WHERE source_name IS NOT NULL
                   UNION ALL
                   SELECT target_code, target_name, target_country, 0, first_day, last_day FROM events WHERE target_name IS NOT NULL)
             WHERE {cond} GROUP BY code, name, country"
        );
        let t = self.table(
            &format!(
                "SELECT code, name, country, count(*) AS events, sum(src) AS as_source, count(*) - sum(src) AS as_target,
                        min(nullif(first_day, '')) AS first_day, max(nullif(last_day, '')) AS last_day
                 {from} ORDER BY events DESC, name, code LIMIT {limit}"
            ),
            &args,
        )?;
        let total = self.count(&format!("SELECT count(*) FROM (SELECT 1 {from})"), &args)?;
        Ok((t, total))
    }

    /// Articles whose title or body match the FTS5 query, best first: `id, title, url,
    /// outlet, published, snippet, events` (mentions of events in the article); and how many
    /// match.
    pub fn search(&self, q: &str, limit: usize) -> Result<(Table, usize)> {
        let args = [Value::Text(q.to_string())];
        let t = self.table(
            &format!(
                "SELECT a.id, a.title, a.url, a.outlet, a.published,
                        snippet(articles_fts, 1, '', '', '…', 24) AS snippet,
                        (SELECT count(*) FROM mentions m WHERE m.article = a.rowid) AS events
                 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 ORDER BY rank, a.rowid LIMIT {limit}"
            ),
            &args,
        )?;
        let total = self.count(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
            &args,
        )?;
        Ok((t, total))
    }

    /// Whether `q` is a valid FTS5 query; the error says why not.
    pub fn check_text_query(&self, q: &str) -> std::result::Result<(), String> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 1")
            .and_then(|mut s| s.exists([q]))
            .map(|_| ())
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(_, Some(m)) => m,
                e => e.to_string(),
            })
    }

    /// Whether an article with this id is stored.
    pub fn has_article(&self, id: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut s| s.exists([id]))
            .map_err(|e| StoreError {
                path: self.path.clone(),
                message: format!("query failed: {e}"),
            })
    }
}
