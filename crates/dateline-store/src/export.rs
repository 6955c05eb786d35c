//! Exports: GDELT 2.0 Events (61 columns) and Mentions (16 columns) tables, JSON Lines and
//! CSV of the deduplicated events. Column meanings are in docs/database.md.

use crate::query::{cell, csv_field, json, EventFilter, EVENT_COLUMNS};
use crate::{Result, Store, StoreError};
use rusqlite::types::Value;
use std::io::Write;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    Mentions,
    Jsonl,
    Csv,
}

fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// SQLDATE YYYYMMDD (a part the text does not give as `00`, as GDELT pads unknown days),
/// MonthYear YYYYMM, Year, FractionDate. A week or a quarter is given to its month when it
/// lies in one, else to its year. Undated events never get here (they are not exported).
fn ymd(date: &str) -> (String, String, String, String) {
    let Some((a, b)) = crate::dates::span(date) else {
        let z = "0".to_string();
        return ("00000000".into(), "000000".into(), "0000".into(), z);
    };
    let m = if a.month == b.month && a.year == b.year {
        a.month
    } else {
        0
    };
    let d = if a == b { a.day } else { 0 };
    let frac = f64::from(a.year) + (f64::from(m.max(1) - 1) * 30.0 + f64::from(d.max(1))) / 365.0;
    let y = a.year;
    (
        format!("{y:04}{m:02}{d:02}"),
        format!("{y:04}{m:02}"),
        format!("{y:04}"),
        format!("{frac:.4}"),
    )
}

/// A column as a TSV field: text with tabs and line breaks blanked, NULL as empty.
fn text_cell(r: &rusqlite::Row, i: usize) -> String {
    r.get::<_, Option<String>>(i)
        .ok()
        .flatten()
        .map(|x| tsv(&x))
        .unwrap_or_default()
}

fn real_cell(r: &rusqlite::Row, i: usize) -> String {
    r.get::<_, Option<f64>>(i)
        .ok()
        .flatten()
        .map(|x| format!("{x}"))
        .unwrap_or_default()
}

fn int_cell(r: &rusqlite::Row, i: usize) -> String {
    r.get::<_, Option<i64>>(i)
        .ok()
        .flatten()
        .map(|x| x.to_string())
        .unwrap_or_default()
}

fn stamp(iso: &str) -> String {
    iso.chars()
        .filter(|c| c.is_ascii_digit())
        .take(14)
        .collect()
}

/// The GDELT 2.0 events table: one event, its first reporting article, in `ORDER BY id`;
/// `{where}` chooses the events.
const GDELT_SQL: &str = "SELECT e.id, e.date, e.source_code, e.source_name, e.source_country, e.target_code, e.target_name,
                                e.target_country, e.cameo, e.quad_class, e.goldstein, e.num_mentions, e.num_sources,
                                e.num_articles, e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_geonameid,
                                e.place_feature, e.added_at, a.url, a.source
                         FROM events e LEFT JOIN articles a ON a.rowid = e.first_article WHERE {where} ORDER BY e.id";

/// The GDELT 2.0 mentions table: one mention, its event and article.
const MENTIONS_SQL: &str = "SELECT m.event, e.added_at, a.ingested_at, a.outlet, a.url, a.source, m.sentence_start,
                                m.source_start, m.target_start, m.trigger_start, m.confidence, length(a.body), a.published
                         FROM mentions m JOIN events e ON e.id = m.event JOIN articles a ON a.rowid = m.article
                         WHERE {where} ORDER BY m.event, m.article, m.sentence_start";

/// What an export wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    /// Records written.
    pub rows: usize,
    /// Records the filter matched: more than `rows` when its limit cut the answer.
    pub matched: usize,
    /// Records left out because their event has no calendar date (GDELT formats only: GDELT
    /// has no row for an event without a day, month or year).
    pub undated: usize,
}

/// One row of [`GDELT_SQL`] as GDELT 2.0's 61 event columns.
fn gdelt_row(r: &rusqlite::Row) -> Vec<String> {
    let s = |i: usize| text_cell(r, i);
    let f = |i: usize| real_cell(r, i);
    let int = |i: usize| int_cell(r, i);
    let (sqldate, monthyear, year, frac) = ymd(&s(1));
    let cameo = s(8);
    let base = cameo.get(0..3).unwrap_or(&cameo).to_string();
    let root = cameo.get(0..2).unwrap_or(&cameo).to_string();
    let actor = |code: String, name: String, country: String| -> Vec<String> {
        // Actor code, name, country, known group, ethnic, religion 1, 2, type 1-3
        let types: Vec<String> =
            if code.len() > 3 && !country.is_empty() && code.starts_with(&country) {
                code.as_bytes()[3..]
                    .chunks(3)
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect()
            } else {
                Vec::new()
            };
        let t = |k: usize| types.get(k).cloned().unwrap_or_default();
        vec![
            code,
            name.to_uppercase(),
            country,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            t(0),
            t(1),
            t(2),
        ]
    };
    let geo_type = match s(19).as_str() {
        "PCLI" => "1",
        "ADM1" => "5",
        "" => "0",
        _ => "4",
    }
    .to_string();
    let geo = |has: bool| -> Vec<String> {
        if !has || s(14).is_empty() {
            return vec![
                "0".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
        }
        vec![
            geo_type.clone(),
            s(14),
            s(15),
            String::new(),
            String::new(),
            f(16),
            f(17),
            int(18),
        ]
    };
    let mut cols: Vec<String> = vec![int(0), sqldate, monthyear, year, frac];
    cols.extend(actor(s(2), s(3), s(4)));
    cols.extend(actor(s(5), s(6), s(7)));
    cols.extend([
        "1".to_string(),
        cameo.clone(),
        base,
        root,
        int(9),
        f(10),
        int(11),
        int(12),
        int(13),
        String::new(),
    ]);
    cols.extend(geo(false));
    cols.extend(geo(false));
    cols.extend(geo(true));
    cols.push(stamp(&s(20)));
    let url = s(21);
    cols.push(if url.is_empty() { s(22) } else { url });
    debug_assert_eq!(cols.len(), 61);
    cols
}

/// One row of [`MENTIONS_SQL`] as GDELT 2.0's 16 mention columns.
fn mention_row(r: &rusqlite::Row) -> Vec<String> {
    let s = |i: usize| text_cell(r, i);
    let int = |i: usize| int_cell(r, i);
    let conf: f64 = r.get::<_, Option<f64>>(10).ok().flatten().unwrap_or(0.0);
    let url = s(4);
    vec![
        int(0),
        stamp(&s(1)),
        stamp(&s(2)),
        "1".to_string(), // MentionType 1 = web
        s(3),
        if url.is_empty() { s(5) } else { url },
        int(6),
        int(7),
        int(8),
        int(9),
        "1".to_string(),
        format!("{}", (conf * 100.0).round() as i64),
        int(11),
        String::new(),
        String::new(),
        String::new(),
    ]
}

impl Store {
    /// Write the events (or mentions) the filter chooses in the given format, up to its limit.
    pub fn export<W: Write + ?Sized>(
        &self,
        format: Format,
        filter: &EventFilter,
        out: &mut W,
    ) -> Result<Exported> {
        let werr = |e: std::io::Error| StoreError {
            path: self.path.clone(),
            message: format!("cannot write the export: {e}"),
        };
        let mut st = Exported::default();
        let mut line = |l: &str| -> Result<()> {
            out.write_all(l.as_bytes()).map_err(werr)?;
            out.write_all(b"\n").map_err(werr)
        };
        let (cond, args) = self.event_condition(filter)?;
        let limit = filter
            .limit
            .map(|l| format!(" LIMIT {l}"))
            .unwrap_or_default();
        let chosen = format!("e.id IN (SELECT id FROM events WHERE {cond})");
        let dated = format!("{chosen} AND dl_first(e.date) IS NOT NULL");
        let undated = format!("{chosen} AND dl_first(e.date) IS NULL");
        match format {
            Format::Gdelt | Format::Mentions => {
                let (sql, from) = if format == Format::Gdelt {
                    (GDELT_SQL, "events e")
                } else {
                    (MENTIONS_SQL, "mentions m JOIN events e ON e.id = m.event")
                };
                let count =
                    |w: &str| self.count(&format!("SELECT count(*) FROM {from} WHERE {w}"), &args);
                st.matched = count(&dated)?;
                st.undated = count(&undated)?;
                let sql = sql.replace("{where}", &dated) + &limit;
                self.each_row(&sql, &args, |r| {
                    st.rows += 1;
                    let cols = if format == Format::Gdelt {
                        gdelt_row(r)
                    } else {
                        mention_row(r)
                    };
                    line(&cols.join("\t"))
                })?;
            }
            Format::Jsonl | Format::Csv => {
                st.matched = self.count_events(filter)?;
                let qerr = |e: rusqlite::Error| StoreError {
                    path: self.path.clone(),
                    message: format!("export query failed: {e}"),
                };
                // row by row: an export of any size holds one row at a time
                let mut stmt = self
                    .conn
                    .prepare(&format!(
                        "SELECT {EVENT_COLUMNS} FROM events WHERE {cond} ORDER BY id{limit}"
                    ))
                    .map_err(qerr)?;
                let columns: Vec<String> =
                    stmt.column_names().iter().map(|c| c.to_string()).collect();
                if format == Format::Csv {
                    line(&columns.join(","))?;
                }
                let mut rows = stmt
                    .query(rusqlite::params_from_iter(args.iter()))
                    .map_err(qerr)?;
                while let Some(r) = rows.next().map_err(qerr)? {
                    let row = crate::query::row_values(r, columns.len()).map_err(qerr)?;
                    st.rows += 1;
                    line(&if format == Format::Csv {
                        csv_line(&row)
                    } else {
                        json_line(&columns, &row)
                    })?;
                }
            }
        }
        Ok(st)
    }

    /// GDELT 2.0 update tables of the articles stored with a rowid in `(after, upto]`: the
    /// events those articles first reported (61 columns, to `events`) and every mention in
    /// them (16 columns, to `mentions`), in the orders of [`Format::Gdelt`] and
    /// [`Format::Mentions`]; undated events are left out as there. Returns the rows written
    /// (events, mentions). `dateline watch --updates` writes its 15-minute files with it.
    pub fn export_update<W: Write + ?Sized, M: Write + ?Sized>(
        &self,
        after: i64,
        upto: i64,
        events: &mut W,
        mentions: &mut M,
    ) -> Result<(usize, usize)> {
        let werr = |e: std::io::Error| StoreError {
            path: self.path.clone(),
            message: format!("cannot write the update: {e}"),
        };
        let args = [Value::Integer(after), Value::Integer(upto)];
        let dated = "dl_first(e.date) IS NOT NULL";
        let ev_where = format!("e.first_article > ?1 AND e.first_article <= ?2 AND {dated}");
        let mut n_events = 0;
        self.each_row(&GDELT_SQL.replace("{where}", &ev_where), &args, |r| {
            n_events += 1;
            events
                .write_all((gdelt_row(r).join("\t") + "\n").as_bytes())
                .map_err(werr)
        })?;
        let m_where = format!("m.article > ?1 AND m.article <= ?2 AND {dated}");
        let mut n_mentions = 0;
        self.each_row(&MENTIONS_SQL.replace("{where}", &m_where), &args, |r| {
            n_mentions += 1;
            mentions
                .write_all((mention_row(r).join("\t") + "\n").as_bytes())
                .map_err(werr)
        })?;
        Ok((n_events, n_mentions))
    }

    /// Run a query and hand each row to `f`, stopping at its first error.
    fn each_row(
        &self,
        sql: &str,
        args: &[Value],
        mut f: impl FnMut(&rusqlite::Row) -> Result<()>,
    ) -> Result<()> {
        let qerr = |e: rusqlite::Error| StoreError {
            path: self.path.clone(),
            message: format!("export query failed: {e}"),
        };
        let mut stmt = self.conn.prepare(sql).map_err(qerr)?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args.iter()))
            .map_err(qerr)?;
        while let Some(r) = rows.next().map_err(qerr)? {
            f(r)?;
        }
        Ok(())
    }
}

/// A row of the events table as one CSV line.
fn csv_line(row: &[Value]) -> String {
    row.iter()
        .map(|v| csv_field(&cell(v)))
        .collect::<Vec<_>>()
        .join(",")
}

/// A row of the events table as one JSON object.
fn json_line(columns: &[String], row: &[Value]) -> String {
    let obj: serde_json::Map<String, serde_json::Value> =
        columns.iter().cloned().zip(row.iter().map(json)).collect();
    serde_json::Value::Object(obj).to_string()
}
