//! `export --format parquet`: the `events` table as Parquet with a typed schema (integers as
//! integers, dates as `date32` where the text gives a full date, codes as strings). Compiled
//! with the `parquet` feature only, so the rest of the workspace builds without Arrow.

use crate::export::Exported;
use crate::query::{EventFilter, REPORT_COLUMNS};
use crate::{Result, Store, StoreError};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, Int8Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Rows per record batch (and row group).
const ROWS: usize = 65_536;

fn schema() -> Schema {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        s("date"),
        Field::new("day", DataType::Date32, true),
        Field::new("cameo", DataType::Utf8, false),
        s("plover"),
        Field::new("quad_class", DataType::Int8, false),
        Field::new("goldstein", DataType::Float64, false),
        Field::new("negated", DataType::Boolean, false),
        s("mode"),
        s("source_code"),
        s("source_name"),
        s("source_country"),
        s("target_code"),
        s("target_name"),
        s("target_country"),
        s("place_name"),
        s("place_country"),
        Field::new("place_lat", DataType::Float64, true),
        Field::new("place_lon", DataType::Float64, true),
        Field::new("place_geonameid", DataType::Int64, true),
        Field::new("num_mentions", DataType::Int64, false),
        Field::new("num_articles", DataType::Int64, false),
        Field::new("num_sources", DataType::Int64, false),
        Field::new("confidence", DataType::Float64, false),
        s("first_seen"),
        s("last_seen"),
        s("evidence"),
        s("url"),
    ])
}

struct Builders {
    id: Int64Builder,
    date: StringBuilder,
    day: Date32Builder,
    cameo: StringBuilder,
    plover: StringBuilder,
    quad: Int8Builder,
    goldstein: Float64Builder,
    negated: BooleanBuilder,
    mode: StringBuilder,
    strings: Vec<StringBuilder>, // source_code .. place_country (8)
    lat: Float64Builder,
    lon: Float64Builder,
    geonameid: Int64Builder,
    counts: Vec<Int64Builder>, // mentions, articles, sources
    confidence: Float64Builder,
    seen: Vec<StringBuilder>,   // first, last
    report: Vec<StringBuilder>, // the first report's evidence sentence and article URL
}

impl Builders {
    fn new() -> Builders {
        Builders {
            id: Int64Builder::new(),
            date: StringBuilder::new(),
            day: Date32Builder::new(),
            cameo: StringBuilder::new(),
            plover: StringBuilder::new(),
            quad: Int8Builder::new(),
            goldstein: Float64Builder::new(),
            negated: BooleanBuilder::new(),
            mode: StringBuilder::new(),
            strings: (0..8).map(|_| StringBuilder::new()).collect(),
            lat: Float64Builder::new(),
            lon: Float64Builder::new(),
            geonameid: Int64Builder::new(),
            counts: (0..3).map(|_| Int64Builder::new()).collect(),
            confidence: Float64Builder::new(),
            seen: (0..2).map(|_| StringBuilder::new()).collect(),
            report: (0..2).map(|_| StringBuilder::new()).collect(),
        }
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        let mut cols: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.day.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.plover.finish()),
            Arc::new(self.quad.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.negated.finish()),
            Arc::new(self.mode.finish()),
        ];
        for b in &mut self.strings {
            cols.push(Arc::new(b.finish()));
        }
        cols.push(Arc::new(self.lat.finish()));
        cols.push(Arc::new(self.lon.finish()));
        cols.push(Arc::new(self.geonameid.finish()));
        for b in &mut self.counts {
            cols.push(Arc::new(b.finish()));
        }
        cols.push(Arc::new(self.confidence.finish()));
        for b in self.seen.iter_mut().chain(&mut self.report) {
            cols.push(Arc::new(b.finish()));
        }
        cols
    }
}

impl Store {
    /// Write the events the filter chooses as Parquet (zstd-free: uncompressed pages, SNAPPY
    /// off, so the writer needs no codec crates), up to its limit.
    pub fn export_parquet<W: Write + Send>(
        &self,
        out: W,
        filter: &EventFilter,
    ) -> Result<Exported> {
        let err = |m: String| StoreError {
            path: self.path.clone(),
            message: m,
        };
        let schema = Arc::new(schema());
        let props = WriterProperties::builder()
            .set_compression(Compression::UNCOMPRESSED)
            .build();
        let mut w = ArrowWriter::try_new(out, schema.clone(), Some(props))
            .map_err(|e| err(format!("parquet: {e}")))?;
        let (cond, args) = self.event_condition(filter)?;
        let limit = filter
            .limit
            .map(|l| format!(" LIMIT {l}"))
            .unwrap_or_default();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT id, date, cameo, plover, quad_class, goldstein, negated, mode,
                        source_code, source_name, source_country, target_code, target_name, target_country,
                        place_name, place_country, place_lat, place_lon, place_geonameid,
                        num_mentions, num_articles, num_sources, confidence, first_seen, last_seen,
                        {REPORT_COLUMNS}
                 FROM events WHERE {cond} ORDER BY id{limit}",
            ))
            .map_err(|e| err(format!("export query failed: {e}")))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args.iter()))
            .map_err(|e| err(format!("export query failed: {e}")))?;
        let mut b = Builders::new();
        let mut n = 0;
        let mut in_batch = 0;
        let qe = |e: rusqlite::Error| err(format!("export query failed: {e}"));
        while let Some(r) = rows.next().map_err(qe)? {
            let date: Option<String> = r.get(1).map_err(qe)?;
            b.id.append_value(r.get(0).map_err(qe)?);
            let day = date
                .as_deref()
                .filter(|d| d.len() == 10)
                .and_then(dateline_core::date::Date::parse_iso)
                .map(|d| d.to_days() as i32);
            b.day.append_option(day);
            b.date.append_option(date);
            b.cameo.append_value(r.get::<_, String>(2).map_err(qe)?);
            b.plover
                .append_option(r.get::<_, Option<String>>(3).map_err(qe)?);
            b.quad.append_value(r.get::<_, i64>(4).map_err(qe)? as i8);
            b.goldstein.append_value(r.get(5).map_err(qe)?);
            b.negated.append_value(r.get::<_, i64>(6).map_err(qe)? != 0);
            b.mode
                .append_option(r.get::<_, Option<String>>(7).map_err(qe)?);
            for (k, s) in b.strings.iter_mut().enumerate() {
                s.append_option(r.get::<_, Option<String>>(8 + k).map_err(qe)?);
            }
            b.lat
                .append_option(r.get::<_, Option<f64>>(16).map_err(qe)?);
            b.lon
                .append_option(r.get::<_, Option<f64>>(17).map_err(qe)?);
            b.geonameid
                .append_option(r.get::<_, Option<i64>>(18).map_err(qe)?);
            for (k, c) in b.counts.iter_mut().enumerate() {
                c.append_value(r.get(19 + k).map_err(qe)?);
            }
            b.confidence.append_value(r.get(22).map_err(qe)?);
            for (k, s) in b.seen.iter_mut().chain(&mut b.report).enumerate() {
                s.append_option(r.get::<_, Option<String>>(23 + k).map_err(qe)?);
            }
            n += 1;
            in_batch += 1;
            if in_batch == ROWS {
                let batch = RecordBatch::try_new(schema.clone(), b.finish())
                    .map_err(|e| err(format!("parquet: {e}")))?;
                w.write(&batch).map_err(|e| err(format!("parquet: {e}")))?;
                in_batch = 0;
            }
        }
        if in_batch > 0 || n == 0 {
            let batch = RecordBatch::try_new(schema.clone(), b.finish())
                .map_err(|e| err(format!("parquet: {e}")))?;
            w.write(&batch).map_err(|e| err(format!("parquet: {e}")))?;
        }
        w.close().map_err(|e| err(format!("parquet: {e}")))?;
        Ok(Exported {
            rows: n,
            matched: self.count_events(filter)?,
            undated: 0,
        })
    }
}
