//! Filtered event queries and read-only SQL.

use crate::{Result, Store, StoreError};
pub use rusqlite::types::Value;
use rusqlite::types::ValueRef;

/// Filters of `dateline query`; all optional, combined with AND.
#[derive(Debug, Default, Clone)]
pub struct EventFilter {
    /// Source actor: a CAMEO code prefix (`RUS`, `RUSGOV`) or part of a name (`Putin`).
    pub actor: Option<String>,
    /// An actor on either side, source or target, the same way.
    pub either: Option<String>,
    /// Target actor, the same way.
    pub target: Option<String>,
    /// CAMEO event code prefix (`04`, `042`).
    pub code: Option<String>,
    /// PLOVER type (`CONSULT`).
    pub plover: Option<String>,
    /// Earliest event date, inclusive: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (see [`crate::dates`]);
    /// an event whose days reach it matches (`2018` matches `--from 2018-05`).
    pub from: Option<String>,
    /// Latest event date, inclusive, the same way (`2018-05` takes in the whole month).
    pub to: Option<String>,
    /// Place name or ISO3 country of the event.
    pub place: Option<String>,
    /// Quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict).
    pub quad: Option<u8>,
    /// ISO3 country of the source, the target or the place.
    pub country: Option<String>,
    /// Full-text query (FTS5 syntax) over the titles and bodies of the reporting articles.
    pub text: Option<String>,
    /// Least mean confidence of the event's reports (0 to 1).
    pub min_confidence: Option<f64>,
    pub limit: Option<usize>,
}

/// Filters of `dateline query --quotes`; all optional, combined with AND.
#[derive(Debug, Default, Clone)]
pub struct QuoteFilter {
    /// Part of the speaker's name as written or its canonical name (`Putin`).
    pub speaker: Option<String>,
    /// Words the quote contains (case-insensitive substring).
    pub text: Option<String>,
    /// `direct` or `indirect`.
    pub kind: Option<String>,
    /// Earliest publication date of the reporting article (inclusive; as in [`EventFilter`]).
    pub from: Option<String>,
    /// Latest publication date (inclusive).
    pub to: Option<String>,
    pub limit: Option<usize>,
}

pub const QUOTE_COLUMNS: &str = "a.published AS published, a.id AS article, a.outlet AS outlet, a.url AS url, q.kind AS kind, q.speaker AS speaker, q.speaker_canonical AS speaker_canonical, q.cue AS cue, q.addressee AS addressee, q.text AS text, q.start AS start, q.end AS end, a.title AS title";

/// Columns of a query result and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The columns of `dateline query` and of the JSON Lines and CSV exports. The last four came
/// later and stay last, so readers of the older columns keep working: the place's GeoNames id,
/// the evidence sentence of the first report, the URL of its article and its title.
/// The evidence sentence of an event's first report and its article's URL, over table `events`
/// (a macro so that [`EVENT_COLUMNS`] can be one literal).
macro_rules! report_columns {
    () => {
        concat!(
            evidence_column!(),
            ", (SELECT a.url FROM articles a WHERE a.rowid = events.first_article) AS url"
        )
    };
}

/// The evidence sentence of an event's first report, over table `events`.
macro_rules! evidence_column {
    () => {
        "(SELECT m.evidence FROM mentions m WHERE m.event = events.id ORDER BY m.article, m.sentence_start LIMIT 1) AS evidence"
    };
}

/// The columns of [`EVENT_COLUMNS`] read from the event's own row, but its id.
macro_rules! event_fields {
    () => {
        "date, cameo, plover, quad_class, goldstein, negated, mode, source_code, source_name, source_country, target_code, target_name, target_country, place_name, place_country, place_lat, place_lon, num_mentions, num_articles, num_sources, round(confidence, 3) AS confidence, first_seen, last_seen, place_geonameid"
    };
}

pub const EVENT_COLUMNS: &str = concat!(
    "id, ",
    event_fields!(),
    ", ",
    report_columns!(),
    ", (SELECT a.title FROM articles a WHERE a.rowid = events.first_article) AS title"
);

/// [`EVENT_COLUMNS`] (the same values under the same names) then `article_id`, `first_day`,
/// `last_day`, over `events LEFT JOIN articles a ON a.rowid = events.first_article`: the first
/// article's URL, title and id read from one lookup of its row instead of three.
pub const PAGE_COLUMNS: &str = concat!(
    "events.id AS id, ",
    event_fields!(),
    ", ",
    evidence_column!(),
    ", a.url AS url, a.title AS title, a.id AS article_id, first_day, last_day"
);

/// The columns `evidence` and `url` of [`EVENT_COLUMNS`].
pub const REPORT_COLUMNS: &str = report_columns!();

/// The SQL of a `--from`/`--to` pair over a date column: the column's days (see
/// [`crate::dates`]) must reach the range. A bound that is not a date is an error naming it.
/// `column` is `events` for the events' stored, indexed `first_day`/`last_day` (the same days
/// `dl_first(date)`/`dl_last(date)` give, `''` when undated).
fn date_clauses(
    column: &str,
    from: Option<&str>,
    to: Option<&str>,
    args: &mut Vec<Value>,
) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    for (flag, v, last) in [("from", from, false), ("to", to, true)] {
        let Some(v) = v else { continue };
        let (first_day, last_day) =
            crate::dates::parse_bound(v).map_err(|e| format!("--{flag}: {e}"))?;
        let n = args.len() + 1;
        if last {
            args.push(Value::Text(last_day.to_string()));
            out.push(if column == "events" {
                format!("(first_day <> '' AND first_day <= ?{n})")
            } else {
                format!("dl_first({column}) <= ?{n}")
            });
        } else {
            args.push(Value::Text(first_day.to_string()));
            out.push(if column == "events" {
                // no stored value spans more than a year and a day (a year; winter runs
                // December to February): the bound on first_day lets the index serve the range
                args.push(Value::Text(first_day.add_days(-367).to_string()));
                format!("(last_day >= ?{n} AND first_day >= ?{})", n + 1)
            } else {
                format!("dl_last({column}) >= ?{n}")
            });
        }
    }
    Ok(out)
}

/// `column LIKE 'prefix%'` for a prefix of ASCII capitals and digits, written as a range that
/// an index serves (LIKE ignores case, so SQLite's index cannot serve it; codes are upper case).
fn prefix_range(column: &str, prefix: &str, args: &mut Vec<Value>) -> String {
    let mut upper = prefix.as_bytes().to_vec();
    if let Some(last) = upper.last_mut() {
        *last += 1;
    }
    args.push(Value::Text(prefix.to_string()));
    args.push(Value::Text(String::from_utf8_lossy(&upper).into_owned()));
    let n = args.len();
    format!("({column} >= ?{} AND {column} < ?{n})", n - 1)
}

/// `clauses` joined as a WHERE condition (`1` when there are none).
fn condition(clauses: &[String]) -> String {
    if clauses.is_empty() {
        "1".to_string()
    } else {
        clauses.join(" AND ")
    }
}

/// Whether an actor filter is a CAMEO code prefix (three or more capitals and digits), not
/// part of a name.
fn is_code(v: &str) -> bool {
    v.len() >= 3
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// An actor filter on one side (`source`, `target`). A code prefix is a range over the code,
/// and also the equality of the code's first three characters with the prefix's: implied by
/// the range (so the events are the same), and the first column of the index
/// `events_{side}_day`, which then both finds the events and gives them in page order (the
/// code is in the index too, so a longer prefix is checked there).
fn actor_clause(side: &str, v: &str, args: &mut Vec<Value>) -> String {
    if let (true, Some(first3)) = (is_code(v), v.get(..3)) {
        let range = prefix_range(&format!("{side}_code"), v, args);
        args.push(Value::Text(first3.to_string()));
        return format!("(substr({side}_code, 1, 3) = ?{} AND {range})", args.len());
    }
    args.push(Value::Text(format!("%{v}%")));
    let n = args.len();
    format!("({side}_name LIKE ?{n} OR {side}_code LIKE ?{n})")
}

/// A filter's WHERE condition over table `events`: `clauses` combined with AND. One clause
/// may be an OR of alternatives that an index each serves in page order (either actor, the
/// country of any side): `split` names it and its alternatives, so that a page can be the
/// UNION of one ordered index walk per alternative instead of a sort of every match.
pub(crate) struct Condition {
    pub clauses: Vec<String>,
    pub split: Option<(usize, Vec<String>)>,
    /// The `from` clause (by position) as two clauses that divide its events: those whose first
    /// day is on or after the bound, and those before it that reach it (a month or a year
    /// begun earlier). A count adds the two: the first is a range of `events_day` from the
    /// bound on, the second a range of the small index `events_span` of events that span days,
    /// where the one clause is a range of 367 days before the bound over every event.
    pub from_split: Option<(usize, [String; 2])>,
    pub args: Vec<Value>,
}

impl Condition {
    /// The whole condition.
    pub fn sql(&self) -> String {
        condition(&self.clauses)
    }

    /// The condition as alternatives whose OR it is: one per alternative of the split clause
    /// (the other clauses with each), or just the condition.
    pub fn arms(&self) -> Vec<String> {
        match &self.split {
            Some((i, alternatives)) => alternatives
                .iter()
                .map(|alt| {
                    let mut c = self.clauses.clone();
                    c[*i] = alt.clone();
                    condition(&c)
                })
                .collect(),
            None => vec![self.sql()],
        }
    }
}

impl Store {
    fn bad_filter(&self, message: String) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message,
        }
    }

    /// The WHERE condition over table `events` of a filter (without its limit) and its
    /// arguments.
    pub(crate) fn event_condition(&self, f: &EventFilter) -> Result<(String, Vec<Value>)> {
        let c = self.event_where(f)?;
        Ok((c.sql(), c.args))
    }

    /// The WHERE condition of a filter, with the OR clause a page may split (see
    /// [`Condition`]).
    pub(crate) fn event_where(&self, f: &EventFilter) -> Result<Condition> {
        let mut clauses = Vec::new();
        let mut split = None;
        let mut args: Vec<Value> = Vec::new();
        if let Some(a) = &f.actor {
            clauses.push(actor_clause("source", a, &mut args));
        }
        if let Some(t) = &f.target {
            clauses.push(actor_clause("target", t, &mut args));
        }
        if let Some(a) = &f.either {
            let s = actor_clause("source", a, &mut args);
            let t = actor_clause("target", a, &mut args);
            clauses.push(format!("({s} OR {t})"));
            // a name is matched by a scan either way; a code by an index per side
            if is_code(a) {
                split = Some((clauses.len() - 1, vec![s, t]));
            }
        }
        if let Some(q) = f.quad {
            args.push(Value::Integer(i64::from(q)));
            clauses.push(format!("quad_class = ?{}", args.len()));
        }
        if let Some(c) = &f.country {
            args.push(Value::Text(c.to_uppercase()));
            let n = args.len();
            let sides = ["source", "target", "place"].map(|s| format!("{s}_country = ?{n}"));
            clauses.push(format!("({})", sides.join(" OR ")));
            if split.is_none() {
                split = Some((clauses.len() - 1, sides.to_vec()));
            }
        }
        if let Some(c) = &f.code {
            if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) {
                let range = prefix_range("cameo", c, &mut args);
                match c.get(..2) {
                    // the root's equality, implied by the range: index events_cameo_day
                    Some(root) => {
                        args.push(Value::Text(root.to_string()));
                        clauses.push(format!(
                            "(substr(cameo, 1, 2) = ?{} AND {range})",
                            args.len()
                        ));
                    }
                    None => clauses.push(range),
                }
            } else {
                args.push(Value::Text(format!("{c}%")));
                clauses.push(format!("cameo LIKE ?{}", args.len()));
            }
        }
        if let Some(p) = &f.plover {
            args.push(Value::Text(p.to_uppercase()));
            clauses.push(format!("plover = ?{}", args.len()));
        }
        let n = args.len() + 1; // the from bound's number, then the bound less 367 days
        let dates = date_clauses("events", f.from.as_deref(), f.to.as_deref(), &mut args)
            .map_err(|m| self.bad_filter(m))?;
        let from_split = f.from.as_ref().map(|_| {
            let m = n + 1;
            (
                clauses.len(),
                [
                    // (the wider bound named, unused, so that every number is bound)
                    format!("(last_day >= ?{n} AND first_day >= ?{n} AND ?{m} IS NOT NULL)"),
                    format!("(last_day >= ?{n} AND first_day < ?{n} AND first_day >= ?{m} AND first_day <> last_day)"),
                ],
            )
        });
        clauses.extend(dates);
        if let Some(p) = &f.place {
            args.push(Value::Text(p.clone()));
            let n = args.len();
            clauses.push(format!(
                "(place_name LIKE ?{n} OR place_country = upper(?{n}))"
            ));
        }
        if let Some(t) = &f.text {
            args.push(Value::Text(t.clone()));
            clauses.push(format!(
                "id IN (SELECT event FROM mentions WHERE article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{}))",
                args.len()
            ));
        }
        if let Some(c) = f.min_confidence {
            args.push(Value::Real(c));
            clauses.push(format!("confidence >= ?{}", args.len()));
        }
        Ok(Condition {
            clauses,
            split,
            from_split,
            args,
        })
    }

    /// Events matching the filter, most reported first, then by date and id.
    pub fn query_events(&self, f: &EventFilter) -> Result<Table> {
        let (cond, args) = self.event_condition(f)?;
        let mut sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE {cond} ORDER BY num_mentions DESC, date DESC, id"
        );
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        self.table(&sql, &args)
    }

    /// How many events match the filter, its limit aside. With a `from` bound, the events
    /// from it on and those begun before it that reach it, counted apart (see
    /// [`Condition::from_split`]).
    pub fn count_events(&self, f: &EventFilter) -> Result<usize> {
        let c = self.event_where(f)?;
        let Some((i, parts)) = &c.from_split else {
            return self.count(
                &format!("SELECT count(*) FROM events WHERE {}", c.sql()),
                &c.args,
            );
        };
        let mut total = 0;
        for part in parts {
            let mut clauses = c.clauses.clone();
            clauses[*i] = part.clone();
            let cond = condition(&clauses);
            total += self.count(
                &format!("SELECT count(*) FROM events WHERE {cond}"),
                &c.args,
            )?;
        }
        Ok(total)
    }

    /// The number a `SELECT count(*)` gives.
    pub(crate) fn count(&self, sql: &str, args: &[Value]) -> Result<usize> {
        let t = self.table(sql, args)?;
        match t.rows.first().and_then(|r| r.first()) {
            Some(Value::Integer(n)) => Ok(usize::try_from(*n).unwrap_or(0)),
            _ => Ok(0),
        }
    }

    fn quote_condition(&self, f: &QuoteFilter) -> Result<(String, Vec<Value>)> {
        let mut clauses = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(s) = &f.speaker {
            args.push(Value::Text(format!("%{s}%")));
            let n = args.len();
            clauses.push(format!(
                "(q.speaker LIKE ?{n} OR q.speaker_canonical LIKE ?{n})"
            ));
        }
        if let Some(t) = &f.text {
            args.push(Value::Text(format!("%{t}%")));
            clauses.push(format!("q.text LIKE ?{}", args.len()));
        }
        if let Some(k) = &f.kind {
            args.push(Value::Text(k.to_lowercase()));
            clauses.push(format!("q.kind = ?{}", args.len()));
        }
        let dates = date_clauses("a.published", f.from.as_deref(), f.to.as_deref(), &mut args)
            .map_err(|m| self.bad_filter(m))?;
        clauses.extend(dates);
        Ok((condition(&clauses), args))
    }

    /// Quotes matching the filter, newest articles first, in text order within an article.
    pub fn query_quotes(&self, f: &QuoteFilter) -> Result<Table> {
        let (cond, args) = self.quote_condition(f)?;
        let mut sql = format!(
            "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = q.article WHERE {cond} ORDER BY a.published DESC, a.rowid, q.start"
        );
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        self.table(&sql, &args)
    }

    /// How many quotes match the filter, its limit aside.
    pub fn count_quotes(&self, f: &QuoteFilter) -> Result<usize> {
        let (cond, args) = self.quote_condition(f)?;
        self.count(
            &format!(
                "SELECT count(*) FROM quotes q JOIN articles a ON a.rowid = q.article WHERE {cond}"
            ),
            &args,
        )
    }

    /// Run one read-only SQL statement. The store must have been opened read-only, so a
    /// statement that writes fails with SQLite's own error.
    pub fn sql(&self, sql: &str) -> Result<Table> {
        self.table(sql, &[])
    }

    pub(crate) fn table(&self, sql: &str, args: &[Value]) -> Result<Table> {
        let e = |x: rusqlite::Error| StoreError {
            path: self.path.clone(),
            message: format!("query failed: {x}"),
        };
        // kept prepared: a filter of the same shape is the same SQL (values are bound)
        let mut stmt = self.conn.prepare_cached(sql).map_err(e)?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let n = columns.len();
        let mut rows = Vec::new();
        let mut it = stmt
            .query(rusqlite::params_from_iter(args.iter()))
            .map_err(e)?;
        while let Some(r) = it.next().map_err(e)? {
            rows.push(row_values(r, n).map_err(e)?);
        }
        Ok(Table { columns, rows })
    }
}

/// The first `n` columns of a row as owned values (text that is not UTF-8 decoded lossily).
pub(crate) fn row_values(r: &rusqlite::Row, n: usize) -> rusqlite::Result<Vec<Value>> {
    let mut row = Vec::with_capacity(n);
    for i in 0..n {
        row.push(match r.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(v) => Value::Integer(v),
            ValueRef::Real(v) => Value::Real(v),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        });
    }
    Ok(row)
}

/// A value as text for tables and CSV (NULL as empty).
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => {
            let s = format!("{f:.6}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            s.to_string()
        }
        Value::Text(t) => t.clone(),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

/// A value as JSON.
pub fn json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Text(t) => t.clone().into(),
        Value::Blob(b) => format!("<{} bytes>", b.len()).into(),
    }
}

/// RFC 4180 CSV field.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
