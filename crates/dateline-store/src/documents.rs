//! Each stored article's `dateline.article/1` object, as `dateline code` printed it.
//!
//! Since schema 2 the coded document is kept as JSON in table `documents`, its `body` left
//! empty (the body is `articles.body`, kept once); reading splices the body back in, so the
//! answer is the object the pipeline made, byte for byte as serde wrote it. Articles stored by
//! schema 1 have no such row: their object is rebuilt from the tables, with what the tables keep
//! (no `sentences`, `relevance`, event `about`, actor spans …) and a warning saying so.

use crate::{Result, Store, StoreError};
use dateline_core::Document;
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};

/// What a document rebuilt from schema-1 tables says about itself.
pub const REBUILT_WARNING: &str = "rebuilt from the database tables (stored before dateline.db/2 kept the coded JSON): sentences, relevance and some event and actor fields are missing";

/// The document's JSON with an empty body.
pub(crate) fn without_body(d: &Document) -> String {
    let mut c = d.clone();
    c.body = String::new();
    serde_json::to_string(&c).unwrap_or_default()
}

/// The stored JSON with `body` put back. `,"body":""` can only be the document's own key: a
/// quotation mark inside a JSON string is always escaped, so no string holds `,"`, and no
/// other object of the schema has a `body` field.
fn with_body(json: &str, body: &str) -> Option<String> {
    const KEY: &str = ",\"body\":\"\"";
    let at = json.find(KEY)?;
    let body = serde_json::to_string(body).ok()?;
    let mut out = String::with_capacity(json.len() + body.len());
    out.push_str(&json[..at]);
    out.push_str(",\"body\":");
    out.push_str(&body);
    out.push_str(&json[at + KEY.len()..]);
    Some(out)
}

impl Store {
    fn doc_err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: format!("query failed: {e}"),
        }
    }

    /// The `dateline.article/1` JSON of the article with this id, `None` when none is stored.
    pub fn article_json(&self, id: &str) -> Result<Option<String>> {
        let row: Option<(i64, String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT a.rowid, a.body, d.json FROM articles a LEFT JOIN documents d ON d.article = a.rowid WHERE a.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()
            })
            .map_err(|e| self.doc_err(e))?;
        let Some((rowid, body, stored)) = row else {
            return Ok(None);
        };
        if let Some(j) = stored.as_deref().and_then(|j| with_body(j, &body)) {
            return Ok(Some(j));
        }
        let v = self.rebuild(rowid).map_err(|e| self.doc_err(e))?;
        Ok(Some(v.to_string()))
    }

    /// A schema-1 article's object from its rows.
    fn rebuild(&self, art: i64) -> rusqlite::Result<Value> {
        let c = &self.conn;
        let mut doc = c.query_row(
            "SELECT id, source, url, outlet, title, byline, published, language, body FROM articles WHERE rowid = ?1",
            [art],
            |r| {
                let byline: Option<String> = r.get(5)?;
                let byline: Value = byline
                    .and_then(|b| serde_json::from_str(&b).ok())
                    .unwrap_or_else(|| json!([]));
                Ok(json!({
                    "schema": dateline_core::SCHEMA,
                    "id": r.get::<_, String>(0)?,
                    "source": r.get::<_, String>(1)?,
                    "article": {
                        "title": r.get::<_, Option<String>>(4)?,
                        "byline": byline,
                        "published": r.get::<_, Option<String>>(6)?,
                        "url": r.get::<_, Option<String>>(2)?,
                        "outlet": r.get::<_, Option<String>>(3)?,
                        "language": r.get::<_, Option<String>>(7)?,
                        "credits": [],
                        "related": [],
                    },
                    "body": r.get::<_, String>(8)?,
                }))
            },
        )?;
        let rows = |sql: &str, f: &dyn Fn(&rusqlite::Row) -> rusqlite::Result<Value>| {
            let mut s = c.prepare(sql)?;
            let v: rusqlite::Result<Vec<Value>> = s.query_map(params![art], |r| f(r))?.collect();
            v.map(Value::Array)
        };
        doc["entities"] = rows(
            "SELECT start, end, text, type, canonical FROM entities WHERE article = ?1 ORDER BY start",
            &|r| {
                Ok(json!({"start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                  "text": r.get::<_, String>(2)?, "type": r.get::<_, String>(3)?,
                  "canonical": r.get::<_, Option<String>>(4)?}))
            },
        )?;
        doc["times"] = rows(
            "SELECT start, end, text, type, value FROM times WHERE article = ?1 ORDER BY start",
            &|r| {
                Ok(
                    json!({"start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                  "text": r.get::<_, String>(2)?, "type": r.get::<_, String>(3)?,
                  "value": r.get::<_, Option<String>>(4)?}),
                )
            },
        )?;
        doc["places"] = rows(
            "SELECT start, end, text, name, geonameid, lat, lon, country, feature, admin1 FROM places WHERE article = ?1 ORDER BY start",
            &|r| {
                Ok(json!({"start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                  "text": r.get::<_, String>(2)?, "name": r.get::<_, String>(3)?,
                  "geonameid": r.get::<_, Option<i64>>(4)?, "lat": r.get::<_, Option<f64>>(5)?,
                  "lon": r.get::<_, Option<f64>>(6)?, "country": r.get::<_, Option<String>>(7)?,
                  "feature": r.get::<_, Option<String>>(8)?, "admin1": r.get::<_, Option<String>>(9)?}))
            },
        )?;
        doc["quotes"] = rows(
            "SELECT start, end, text, kind, speaker, speaker_canonical, cue, addressee FROM quotes WHERE article = ?1 ORDER BY start",
            &|r| {
                let speaker = r.get::<_, Option<String>>(4)?.map(|s| {
                    json!({"text": s, "canonical": r.get::<_, Option<String>>(5).ok().flatten()})
                });
                Ok(json!({"start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                  "text": r.get::<_, String>(2)?, "kind": r.get::<_, String>(3)?,
                  "speaker": speaker, "cue": r.get::<_, Option<String>>(6)?,
                  "addressee": r.get::<_, Option<String>>(7)?}))
            },
        )?;
        doc["events"] = rows(
            "SELECT m.cameo, e.plover, e.quad_class, e.goldstein, e.source_code, e.source_name, e.source_country,
                    e.target_code, e.target_name, e.target_country, m.date, m.date_source,
                    e.place_name, e.place_lat, e.place_lon, e.place_country, e.place_geonameid, e.place_feature,
                    m.sentence_start, m.sentence_end, m.evidence, e.negated, e.mode, m.confidence, m.rule,
                    m.trigger_start, m.trigger_end
             FROM mentions m JOIN events e ON e.id = m.event WHERE m.article = ?1 ORDER BY m.sentence_start, m.rowid",
            &rebuilt_event,
        )?;
        doc["warnings"] = json!([REBUILT_WARNING]);
        Ok(doc)
    }
}

/// One mention row of [`Store::rebuild`] as an event object.
fn rebuilt_event(r: &rusqlite::Row) -> rusqlite::Result<Value> {
    let actor = |code: usize| -> rusqlite::Result<Value> {
        let name: Option<String> = r.get(code + 1)?;
        Ok(match name {
            None => Value::Null,
            Some(n) => json!({"text": n, "canonical": n,
                "code": r.get::<_, Option<String>>(code)?,
                "country": r.get::<_, Option<String>>(code + 2)?}),
        })
    };
    let place = match r.get::<_, Option<String>>(12)? {
        None => Value::Null,
        Some(name) => json!({"name": name, "lat": r.get::<_, Option<f64>>(13)?,
            "lon": r.get::<_, Option<f64>>(14)?, "country": r.get::<_, Option<String>>(15)?,
            "geonameid": r.get::<_, Option<i64>>(16)?, "feature": r.get::<_, Option<String>>(17)?}),
    };
    let trigger = match (r.get::<_, Option<i64>>(25)?, r.get::<_, Option<i64>>(26)?) {
        (Some(a), Some(b)) => json!([a, b]),
        _ => Value::Null,
    };
    Ok(json!({
        "cameo": r.get::<_, String>(0)?, "plover": r.get::<_, Option<String>>(1)?,
        "quad_class": r.get::<_, i64>(2)?, "goldstein": r.get::<_, f64>(3)?,
        "source": actor(4)?, "target": actor(7)?,
        "date": r.get::<_, Option<String>>(10)?, "date_source": r.get::<_, Option<String>>(11)?,
        "place": place,
        "sentence": [r.get::<_, i64>(18)?, r.get::<_, i64>(19)?],
        "evidence": r.get::<_, String>(20)?, "negated": r.get::<_, bool>(21)?,
        "mode": r.get::<_, Option<String>>(22)?, "confidence": r.get::<_, f64>(23)?,
        "rule": r.get::<_, Option<String>>(24)?, "trigger": trigger,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_goes_back_where_it_was() {
        let mut d = Document::new(
            "x",
            dateline_core::Article {
                title: Some(",\"body\":\"\" in a title".into()),
                ..Default::default()
            },
            "Line one.\n\"Quoted\" ,\"body\":\"\" text.".into(),
        );
        d.warnings.push(",\"body\":\"\"".into());
        let stored = without_body(&d);
        assert_eq!(
            with_body(&stored, &d.body).unwrap(),
            serde_json::to_string(&d).unwrap()
        );
    }
}
