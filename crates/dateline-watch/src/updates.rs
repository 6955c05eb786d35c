//! GDELT 2.0-style update files: `STAMP.export.CSV.zip` (the events first reported by the
//! articles stored since the last update, 61 tab-separated columns) and
//! `STAMP.mentions.CSV.zip` (every mention in those articles, 16 columns), each a zip holding
//! one deflated entry named without `.zip`; `lastupdate.txt` (the latest pair) and
//! `masterfilelist.txt` (every pair so far), lines `SIZE MD5 URL` as GDELT publishes them.
//!
//! The range of articles an update covers and its files' sizes and MD5s are rows of
//! `watch_updates`; both lists are rewritten from that table, so they never name a file that
//! was not finished. Same articles and stamp, same bytes (the zip entries carry the stamp as
//! their time).

use crate::state;
use dateline_store::rusqlite::params;
use dateline_store::Store;
use md5::{Digest, Md5};
use std::io::Write;
use std::path::Path;

/// An update's stamp `YYYYMMDDHHMMSS` of Unix seconds.
pub fn stamp(secs: i64) -> String {
    state::iso(secs)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// GDELT's cadence: 15 minutes.
pub const EVERY: i64 = 900;

/// The start of the period of `every` seconds holding `secs` (with [`EVERY`], the quarter
/// hour: GDELT's boundaries).
pub fn period_start(secs: i64, every: i64) -> i64 {
    secs - secs.rem_euclid(every.max(1))
}

/// What one update wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub stamp: String,
    pub events: usize,
    pub mentions: usize,
}

/// Unix seconds of the last update's stamp, if any.
pub fn last_stamp(store: &Store) -> Result<Option<i64>, String> {
    let s: Option<String> = store
        .conn
        .query_row("SELECT max(stamp) FROM watch_updates", [], |r| r.get(0))
        .map_err(|e| format!("{}: {e}", store.path.display()))?;
    Ok(s.and_then(|s| parse_stamp(&s)))
}

fn parse_stamp(s: &str) -> Option<i64> {
    let n = |a: usize, b: usize| s.get(a..b)?.parse::<i64>().ok();
    let date = dateline_core::date::Date::parse_iso(&format!(
        "{}-{}-{}",
        s.get(0..4)?,
        s.get(4..6)?,
        s.get(6..8)?
    ))?;
    Some(date.to_days() * 86_400 + n(8, 10)? * 3600 + n(10, 12)? * 60 + n(12, 14)?)
}

/// Write the update for the articles stored since the last one, stamped `secs` (moved one
/// second past the last stamp if it is not later), and rewrite the two lists. `base_url`
/// prefixes the file names in the lists (else they name the files alone).
pub fn write(
    store: &Store,
    dir: &Path,
    base_url: Option<&str>,
    secs: i64,
) -> Result<Written, String> {
    let db = |e: dateline_store::rusqlite::Error| format!("{}: {e}", store.path.display());
    let secs = match last_stamp(store)? {
        Some(last) if last >= secs => last + 1,
        _ => secs,
    };
    let st = stamp(secs);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let after: i64 = store
        .conn
        .query_row(
            "SELECT coalesce(max(upto_article), 0) FROM watch_updates",
            [],
            |r| r.get(0),
        )
        .map_err(db)?;
    let upto: i64 = store
        .conn
        .query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| {
            r.get(0)
        })
        .map_err(db)?;
    let mut events = Vec::new();
    let mut mentions = Vec::new();
    let (n_events, n_mentions) = store
        .export_update(after, upto.max(after), &mut events, &mut mentions)
        .map_err(|e| e.to_string())?;
    let (esize, emd5) = write_zip(dir, &format!("{st}.export.CSV"), &events, secs)?;
    let (msize, mmd5) = write_zip(dir, &format!("{st}.mentions.CSV"), &mentions, secs)?;
    store
        .conn
        .execute(
            "INSERT INTO watch_updates (stamp, after_article, upto_article, events, mentions,
               export_size, export_md5, mentions_size, mentions_md5, written)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                st,
                after,
                upto.max(after),
                n_events as i64,
                n_mentions as i64,
                esize as i64,
                emd5,
                msize as i64,
                mmd5,
                state::now()
            ],
        )
        .map_err(db)?;
    write_lists(store, dir, base_url)?;
    Ok(Written {
        stamp: st,
        events: n_events,
        mentions: n_mentions,
    })
}

/// A zip `NAME.zip` in `dir` holding `data` as the deflated entry `NAME` dated `secs`, written
/// to a temporary file and renamed. Returns its size and MD5 (hex).
fn write_zip(dir: &Path, name: &str, data: &[u8], secs: i64) -> Result<(u64, String), String> {
    let path = dir.join(format!("{name}.zip"));
    let shown = path.display();
    let zerr = |e: zip::result::ZipError| format!("{shown}: cannot write: {e}");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let st = stamp(secs);
        let n = |a: usize, b: usize| st.get(a..b).and_then(|x| x.parse::<u16>().ok());
        let when = match (n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14)) {
            (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) => {
                zip::DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
                    .unwrap_or_default()
            }
            _ => zip::DateTime::default(),
        };
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(when)
            .unix_permissions(0o644);
        z.start_file(name, opts).map_err(zerr)?;
        z.write_all(data)
            .map_err(|e| format!("{shown}: cannot write: {e}"))?;
        z.finish().map_err(zerr)?;
    }
    let bytes = buf.into_inner();
    write_atomic(&path, &bytes)?;
    Ok((bytes.len() as u64, hex_md5(&bytes)))
}

pub fn hex_md5(bytes: &[u8]) -> String {
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// `masterfilelist.txt` (every update, oldest first) and `lastupdate.txt` (the newest).
fn write_lists(store: &Store, dir: &Path, base_url: Option<&str>) -> Result<(), String> {
    let db = |e: dateline_store::rusqlite::Error| format!("{}: {e}", store.path.display());
    let mut st = store
        .conn
        .prepare(
            "SELECT stamp, export_size, export_md5, mentions_size, mentions_md5 FROM watch_updates ORDER BY stamp",
        )
        .map_err(db)?;
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(db)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(db)?;
    let base = base_url.unwrap_or("");
    let sep = if base.is_empty() || base.ends_with('/') {
        ""
    } else {
        "/"
    };
    let pair = |(s, es, em, ms, mm): &(String, i64, String, i64, String)| {
        format!(
            "{es} {em} {base}{sep}{s}.export.CSV.zip\n{ms} {mm} {base}{sep}{s}.mentions.CSV.zip\n"
        )
    };
    let master: String = rows.iter().map(pair).collect();
    write_atomic(&dir.join("masterfilelist.txt"), master.as_bytes())?;
    let last = rows.last().map(pair).unwrap_or_default();
    write_atomic(&dir.join("lastupdate.txt"), last.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        let t = 1_614_679_200 + 17 * 60 + 5; // 2021-03-02T10:17:05Z
        assert_eq!(stamp(t), "20210302101705");
        assert_eq!(stamp(period_start(t, EVERY)), "20210302101500");
        assert_eq!(parse_stamp("20210302101705"), Some(t));
        assert_eq!(parse_stamp("2021"), None);
        assert_eq!(hex_md5(b""), "d41d8cd98f00b204e9800998ecf8427e");
    }

    #[test]
    fn a_zip_is_the_same_bytes_every_time() {
        let dir = std::env::temp_dir().join(format!("dateline-watch-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data = b"1\t2\n3\t4\n";
        let t = 1_614_679_200;
        let a = write_zip(&dir, "20210302100000.export.CSV", data, t).unwrap();
        let first = std::fs::read(dir.join("20210302100000.export.CSV.zip")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let b = write_zip(&dir, "20210302100000.export.CSV", data, t).unwrap();
        let second = std::fs::read(dir.join("20210302100000.export.CSV.zip")).unwrap();
        assert_eq!(a, b);
        assert_eq!(first, second);
        assert_eq!(a, (first.len() as u64, hex_md5(&first)));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
