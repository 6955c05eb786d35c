//! Coded documents as Arrow tables, one row per event, mention, entity, time, place, quote,
//! article or error. `events` is the store's own: the documents are written to an in-memory
//! event database and exported by `dateline export --format parquet`'s code, so its columns,
//! types and deduplication are those of the export by construction. The other tables carry
//! the columns of the database's tables of the same name (docs/database.md), the article's id
//! as text instead of its row number, and `record`, the index of the input record.
//!
//! `mentions` holds, beside the store's mention columns, the attributes of its event as the
//! export names them (a mention is an event report), so that a mentions table alone can be
//! deduplicated into events elsewhere (`examples/spark/backfill.py` does).

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, Int8Builder, ListBuilder,
    StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use dateline_core::Document;
use std::sync::Arc;

/// The tables a caller may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Events,
    Mentions,
    Articles,
    Entities,
    Times,
    Places,
    Quotes,
    Errors,
}

impl Kind {
    const ALL: [(&'static str, Kind); 8] = [
        ("events", Kind::Events),
        ("mentions", Kind::Mentions),
        ("articles", Kind::Articles),
        ("entities", Kind::Entities),
        ("times", Kind::Times),
        ("places", Kind::Places),
        ("quotes", Kind::Quotes),
        ("errors", Kind::Errors),
    ];

    fn name(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

/// The kinds named by `what`, or an error naming the unknown one and the known ones.
pub fn kinds(what: &[String]) -> Result<Vec<Kind>, String> {
    what.iter()
        .map(|w| {
            Kind::ALL
                .iter()
                .find(|(n, _)| n == w)
                .map(|(_, k)| *k)
                .ok_or_else(|| {
                    let known: Vec<&str> = Kind::ALL.iter().map(|(n, _)| *n).collect();
                    format!("what={w:?}: give one of {}", known.join(", "))
                })
        })
        .collect()
}

/// A coded document and where it came from.
pub struct Coded {
    /// Index of the record in the call (or in the file).
    pub record: i64,
    /// Byte offset of a WARC record in its (unpacked) file.
    pub offset: Option<i64>,
    /// Line of a JSON Lines record.
    pub line: Option<i64>,
    pub doc: Document,
}

impl Coded {
    /// Record `i` of a list handed over in memory (line `i + 1` of its JSON Lines).
    pub fn in_memory(i: usize, doc: Document) -> Coded {
        Coded {
            record: i as i64,
            offset: None,
            line: Some(i as i64 + 1),
            doc,
        }
    }
}

/// The tables `kinds` names, in that order, as (name, bytes): Arrow IPC streams, and
/// `events` as Parquet bytes.
pub fn build(kinds: &[Kind], coded: &[Coded]) -> Result<crate::Tables, String> {
    kinds
        .iter()
        .map(|&k| {
            let bytes = match k {
                Kind::Events => events_parquet(coded)?,
                _ => ipc(&table(k, coded))?,
            };
            Ok((k.name().to_string(), bytes))
        })
        .collect()
}

/// The events of the documents, deduplicated and exported by the store (an in-memory
/// database), as Parquet bytes.
fn events_parquet(coded: &[Coded]) -> Result<Vec<u8>, String> {
    let mut store =
        dateline_store::Store::open(std::path::Path::new(":memory:")).map_err(|e| e.to_string())?;
    let docs: Vec<Document> = coded.iter().map(|c| c.doc.clone()).collect();
    store.write_batch(&docs).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    store
        .export_parquet(&mut out, &dateline_store::query::EventFilter::default())
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn ipc(t: &Table) -> Result<Vec<u8>, String> {
    let batch = t.finish()?;
    let mut out = Vec::new();
    let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut out, &batch.schema())
        .map_err(|e| format!("arrow: {e}"))?;
    w.write(&batch).map_err(|e| format!("arrow: {e}"))?;
    w.finish().map_err(|e| format!("arrow: {e}"))?;
    drop(w);
    Ok(out)
}

/// The column types the tables use.
#[derive(Clone, Copy)]
enum Ty {
    Str,
    I64,
    I8,
    F64,
    Bool,
    Date,
    Strs,
}

enum Col {
    Str(StringBuilder),
    I64(Int64Builder),
    I8(Int8Builder),
    F64(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    Strs(ListBuilder<StringBuilder>),
}

/// A table being built: its fields and their builders, filled a row at a time through [`Row`].
struct Table {
    fields: Vec<Field>,
    cols: Vec<Col>,
}

impl Table {
    fn new(spec: &[(&str, Ty)]) -> Table {
        let fields = spec
            .iter()
            .map(|&(name, ty)| {
                let dt = match ty {
                    Ty::Str => DataType::Utf8,
                    Ty::I64 => DataType::Int64,
                    Ty::I8 => DataType::Int8,
                    Ty::F64 => DataType::Float64,
                    Ty::Bool => DataType::Boolean,
                    Ty::Date => DataType::Date32,
                    Ty::Strs => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                };
                Field::new(name, dt, true)
            })
            .collect();
        let cols = spec
            .iter()
            .map(|&(_, ty)| match ty {
                Ty::Str => Col::Str(StringBuilder::new()),
                Ty::I64 => Col::I64(Int64Builder::new()),
                Ty::I8 => Col::I8(Int8Builder::new()),
                Ty::F64 => Col::F64(Float64Builder::new()),
                Ty::Bool => Col::Bool(BooleanBuilder::new()),
                Ty::Date => Col::Date(Date32Builder::new()),
                Ty::Strs => Col::Strs(ListBuilder::new(StringBuilder::new())),
            })
            .collect();
        Table { fields, cols }
    }

    fn row(&mut self) -> Row<'_> {
        Row { t: self, i: 0 }
    }

    fn finish(&self) -> Result<RecordBatch, String> {
        // builders are finished through a clone of their contents (`finish_cloned`), so that
        // `finish` needs no `&mut`
        let arrays: Vec<ArrayRef> = self
            .cols
            .iter()
            .map(|c| -> ArrayRef {
                match c {
                    Col::Str(b) => Arc::new(b.finish_cloned()),
                    Col::I64(b) => Arc::new(b.finish_cloned()),
                    Col::I8(b) => Arc::new(b.finish_cloned()),
                    Col::F64(b) => Arc::new(b.finish_cloned()),
                    Col::Bool(b) => Arc::new(b.finish_cloned()),
                    Col::Date(b) => Arc::new(b.finish_cloned()),
                    Col::Strs(b) => Arc::new(b.finish_cloned()),
                }
            })
            .collect();
        let schema = Arc::new(Schema::new(self.fields.clone()));
        RecordBatch::try_new(schema, arrays).map_err(|e| format!("arrow: {e}"))
    }
}

/// One row of a [`Table`]: each call appends the next column's value. Calls follow the
/// table's spec (its tests check every table's columns line up).
struct Row<'a> {
    t: &'a mut Table,
    i: usize,
}

impl Row<'_> {
    fn col(&mut self) -> Option<&mut Col> {
        let c = self.t.cols.get_mut(self.i);
        self.i += 1;
        c
    }

    fn s(&mut self, v: Option<&str>) -> &mut Self {
        match self.col() {
            Some(Col::Str(b)) => b.append_option(v),
            other => mismatch(other),
        }
        self
    }

    fn i(&mut self, v: Option<i64>) -> &mut Self {
        match self.col() {
            Some(Col::I64(b)) => b.append_option(v),
            other => mismatch(other),
        }
        self
    }

    fn u(&mut self, v: usize) -> &mut Self {
        self.i(i64::try_from(v).ok())
    }

    fn i8(&mut self, v: i8) -> &mut Self {
        match self.col() {
            Some(Col::I8(b)) => b.append_value(v),
            other => mismatch(other),
        }
        self
    }

    fn f(&mut self, v: Option<f64>) -> &mut Self {
        match self.col() {
            Some(Col::F64(b)) => b.append_option(v),
            other => mismatch(other),
        }
        self
    }

    fn b(&mut self, v: Option<bool>) -> &mut Self {
        match self.col() {
            Some(Col::Bool(b)) => b.append_option(v),
            other => mismatch(other),
        }
        self
    }

    fn d(&mut self, v: Option<&str>) -> &mut Self {
        match self.col() {
            Some(Col::Date(b)) => b.append_option(day(v)),
            other => mismatch(other),
        }
        self
    }

    fn l(&mut self, v: &[String]) -> &mut Self {
        match self.col() {
            Some(Col::Strs(b)) => {
                for s in v {
                    b.values().append_value(s);
                }
                b.append(true);
            }
            other => mismatch(other),
        }
        self
    }
}

/// A row written against its table's spec: a bug, caught by the tests; in a release build
/// the value is dropped and the table fails to finish (columns of unequal length), an error.
fn mismatch(c: Option<&mut Col>) {
    debug_assert!(c.is_none(), "a row's values do not follow its table's spec");
}

/// The days since 1970-01-01 of a date that names a whole day (`2018-05-17`, or a timestamp
/// beginning with one), as the Parquet export's `day`.
fn day(v: Option<&str>) -> Option<i32> {
    let v = v?.get(..10)?;
    let d = dateline_core::date::Date::parse_iso(v)?;
    i32::try_from(d.to_days()).ok()
}

const ARTICLES: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("offset", Ty::I64),
    ("line", Ty::I64),
    ("id", Ty::Str),
    ("source", Ty::Str),
    ("url", Ty::Str),
    ("outlet", Ty::Str),
    ("title", Ty::Str),
    ("byline", Ty::Strs),
    ("published", Ty::Str),
    ("published_day", Ty::Date),
    ("published_source", Ty::Str),
    ("language", Ty::Str),
    ("encoding", Ty::Str),
    ("political", Ty::Bool),
    ("topic", Ty::Str),
    ("num_entities", Ty::I64),
    ("num_times", Ty::I64),
    ("num_places", Ty::I64),
    ("num_quotes", Ty::I64),
    ("num_events", Ty::I64),
    ("warnings", Ty::Strs),
    ("body", Ty::Str),
];

const MENTIONS: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("article", Ty::Str),
    ("mention", Ty::I64),
    ("event", Ty::I64),
    ("date", Ty::Str),
    ("day", Ty::Date),
    ("cameo", Ty::Str),
    ("plover", Ty::Str),
    ("quad_class", Ty::I8),
    ("goldstein", Ty::F64),
    ("negated", Ty::Bool),
    ("mode", Ty::Str),
    ("source_code", Ty::Str),
    ("source_name", Ty::Str),
    ("source_country", Ty::Str),
    ("target_code", Ty::Str),
    ("target_name", Ty::Str),
    ("target_country", Ty::Str),
    ("place_name", Ty::Str),
    ("place_country", Ty::Str),
    ("place_lat", Ty::F64),
    ("place_lon", Ty::F64),
    ("place_geonameid", Ty::I64),
    ("place_feature", Ty::Str),
    ("sentence_start", Ty::I64),
    ("sentence_end", Ty::I64),
    ("evidence", Ty::Str),
    ("trigger_start", Ty::I64),
    ("trigger_end", Ty::I64),
    ("source_start", Ty::I64),
    ("target_start", Ty::I64),
    ("confidence", Ty::F64),
    ("rule", Ty::Str),
    ("date_source", Ty::Str),
    ("outlet", Ty::Str),
    ("url", Ty::Str),
    ("published", Ty::Str),
    ("published_day", Ty::Date),
];

const ENTITIES: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("article", Ty::Str),
    ("start", Ty::I64),
    ("end", Ty::I64),
    ("text", Ty::Str),
    ("type", Ty::Str),
    ("canonical", Ty::Str),
    ("published_day", Ty::Date),
];

const TIMES: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("article", Ty::Str),
    ("start", Ty::I64),
    ("end", Ty::I64),
    ("text", Ty::Str),
    ("type", Ty::Str),
    ("value", Ty::Str),
    ("published_day", Ty::Date),
];

const PLACES: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("article", Ty::Str),
    ("start", Ty::I64),
    ("end", Ty::I64),
    ("text", Ty::Str),
    ("name", Ty::Str),
    ("geonameid", Ty::I64),
    ("lat", Ty::F64),
    ("lon", Ty::F64),
    ("country", Ty::Str),
    ("feature", Ty::Str),
    ("admin1", Ty::Str),
    ("published_day", Ty::Date),
];

const QUOTES: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("article", Ty::Str),
    ("start", Ty::I64),
    ("end", Ty::I64),
    ("text", Ty::Str),
    ("kind", Ty::Str),
    ("speaker", Ty::Str),
    ("speaker_canonical", Ty::Str),
    ("cue", Ty::Str),
    ("addressee", Ty::Str),
    ("published_day", Ty::Date),
];

const ERRORS: &[(&str, Ty)] = &[
    ("record", Ty::I64),
    ("offset", Ty::I64),
    ("line", Ty::I64),
    ("source", Ty::Str),
    ("id", Ty::Str),
    ("message", Ty::Str),
];

fn spec(k: Kind) -> &'static [(&'static str, Ty)] {
    match k {
        Kind::Articles => ARTICLES,
        Kind::Mentions => MENTIONS,
        Kind::Entities => ENTITIES,
        Kind::Times => TIMES,
        Kind::Places => PLACES,
        Kind::Quotes => QUOTES,
        Kind::Errors | Kind::Events => ERRORS,
    }
}

/// Table `k` (not `events`) of the documents.
fn table(k: Kind, coded: &[Coded]) -> Table {
    let mut t = Table::new(spec(k));
    for c in coded {
        let d = &c.doc;
        if k == Kind::Errors {
            if let Some(e) = &d.error {
                t.row()
                    .i(Some(c.record))
                    .i(c.offset)
                    .i(c.line)
                    .s(Some(&d.source))
                    .s(Some(&d.id).filter(|i| !i.is_empty()).map(String::as_str))
                    .s(Some(e));
            }
            continue;
        }
        if d.error.is_some() {
            continue;
        }
        let pubday = d.article.published.as_deref();
        match k {
            Kind::Articles => article_row(&mut t, c),
            Kind::Mentions => {
                for (n, ev) in d.events.iter().flatten().enumerate() {
                    mention_row(&mut t, c, n, ev);
                }
            }
            Kind::Entities => {
                for x in d.entities.iter().flatten() {
                    t.row()
                        .i(Some(c.record))
                        .s(Some(&d.id))
                        .u(x.start)
                        .u(x.end)
                        .s(Some(&x.text))
                        .s(Some(x.kind.as_str()))
                        .s(x.canonical.as_deref())
                        .d(pubday);
                }
            }
            Kind::Times => {
                for x in d.times.iter().flatten() {
                    t.row()
                        .i(Some(c.record))
                        .s(Some(&d.id))
                        .u(x.start)
                        .u(x.end)
                        .s(Some(&x.text))
                        .s(Some(x.kind.as_str()))
                        .s(x.value.as_deref())
                        .d(pubday);
                }
            }
            Kind::Places => {
                for x in d.places.iter().flatten() {
                    t.row()
                        .i(Some(c.record))
                        .s(Some(&d.id))
                        .u(x.start)
                        .u(x.end)
                        .s(Some(&x.text))
                        .s(Some(&x.name))
                        .i(x.geonameid.and_then(|g| i64::try_from(g).ok()))
                        .f(Some(x.lat))
                        .f(Some(x.lon))
                        .s(x.country.as_deref())
                        .s(x.feature.as_deref())
                        .s(x.admin1.as_deref())
                        .d(pubday);
                }
            }
            Kind::Quotes => {
                for x in d.quotes.iter().flatten() {
                    let sp = x.speaker.as_ref();
                    t.row()
                        .i(Some(c.record))
                        .s(Some(&d.id))
                        .u(x.start)
                        .u(x.end)
                        .s(Some(&x.text))
                        .s(Some(x.kind.as_str()))
                        .s(sp.map(|s| s.text.as_str()))
                        .s(sp.and_then(|s| s.canonical.as_deref()))
                        .s(x.cue.as_deref())
                        .s(x.addressee.as_deref())
                        .d(pubday);
                }
            }
            Kind::Errors | Kind::Events => {}
        }
    }
    t
}

/// The JSON name of a closed-set value (its serde name, as `dateline.article/1` writes it).
fn serde_name<T: serde::Serialize>(x: &T) -> Option<String> {
    match serde_json::to_value(x) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn count<T>(v: &Option<Vec<T>>) -> Option<i64> {
    v.as_ref().and_then(|v| i64::try_from(v.len()).ok())
}

fn article_row(t: &mut Table, c: &Coded) {
    let d = &c.doc;
    let a = &d.article;
    let rel = d.relevance.as_ref();
    let topic = rel.and_then(|r| r.topic.as_ref()).and_then(serde_name);
    let how = a.published_source.as_ref().and_then(serde_name);
    t.row()
        .i(Some(c.record))
        .i(c.offset)
        .i(c.line)
        .s(Some(&d.id))
        .s(Some(&d.source))
        .s(a.url.as_deref())
        .s(a.outlet.as_deref())
        .s(a.title.as_deref())
        .l(&a.byline)
        .s(a.published.as_deref())
        .d(a.published.as_deref())
        .s(how.as_deref())
        .s(a.language.as_deref())
        .s(a.encoding.as_deref())
        .b(rel.map(|r| r.political))
        .s(topic.as_deref())
        .i(count(&d.entities))
        .i(count(&d.times))
        .i(count(&d.places))
        .i(count(&d.quotes))
        .i(count(&d.events))
        .l(&d.warnings)
        .s(Some(&d.body));
}

fn mention_row(t: &mut Table, c: &Coded, n: usize, ev: &dateline_core::Event) {
    let d = &c.doc;
    let a = &d.article;
    let (_, id) = dateline_store::event_key(ev, &d.id);
    let src = ev.source.as_ref();
    let tgt = ev.target.as_ref();
    let pl = ev.place.as_ref();
    let name = |x: &dateline_core::Actor| x.canonical.clone().unwrap_or_else(|| x.text.clone());
    let src_name = src.map(name);
    let tgt_name = tgt.map(name);
    let quad = i8::try_from(ev.quad_class).unwrap_or(i8::MAX);
    t.row()
        .i(Some(c.record))
        .s(Some(&d.id))
        .u(n)
        .i(Some(id))
        .s(ev.date.as_deref())
        .d(ev.date.as_deref().filter(|x| x.len() == 10))
        .s(Some(&ev.cameo))
        .s(ev.plover.as_deref())
        .i8(quad)
        .f(Some(ev.goldstein))
        .b(Some(ev.negated))
        .s(ev.mode.map(dateline_core::EventMode::as_str))
        .s(src.and_then(|x| x.code.as_deref()))
        .s(src_name.as_deref())
        .s(src.and_then(|x| x.country.as_deref()))
        .s(tgt.and_then(|x| x.code.as_deref()))
        .s(tgt_name.as_deref())
        .s(tgt.and_then(|x| x.country.as_deref()))
        .s(pl.map(|p| p.name.as_str()))
        .s(pl.and_then(|p| p.country.as_deref()))
        .f(pl.map(|p| p.lat))
        .f(pl.map(|p| p.lon))
        .i(pl
            .and_then(|p| p.geonameid)
            .and_then(|g| i64::try_from(g).ok()))
        .s(pl.and_then(|p| p.feature.as_deref()))
        .u(ev.sentence[0])
        .u(ev.sentence[1])
        .s(Some(&ev.evidence))
        .i(ev.trigger.and_then(|x| i64::try_from(x[0]).ok()))
        .i(ev.trigger.and_then(|x| i64::try_from(x[1]).ok()))
        .i(src
            .and_then(|x| x.start)
            .and_then(|s| i64::try_from(s).ok()))
        .i(tgt
            .and_then(|x| x.start)
            .and_then(|s| i64::try_from(s).ok()))
        .f(Some(ev.confidence))
        .s(ev.rule.as_deref())
        .s(ev.date_source.map(dateline_core::DateSource::as_str))
        .s(a.outlet.as_deref())
        .s(a.url.as_deref())
        .s(a.published.as_deref())
        .d(a.published.as_deref());
}
