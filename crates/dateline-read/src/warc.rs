//! WARC archives (`.warc`, `.warc.gz` with one gzip member per record, as Common Crawl's
//! CC-NEWS publishes them), streamed record by record in constant memory.
//!
//! Each `response` record whose HTTP status is 200 and whose content type is HTML becomes an
//! article (its `WARC-Target-URI` as the URL, `WARC-Date` as a fallback publication date);
//! other records are skipped and counted. A record whose `Content-Length` lies is reported and
//! the reader resynchronises on the next `WARC/` header line; a truncated archive ends with an
//! error naming the byte offset.

use crate::{err, html, ReadError, ReadResult};
use std::io::BufRead;

/// What a WARC stream held besides articles.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WarcStats {
    pub records: usize,
    pub articles: usize,
    /// Records that are not HTML 200 responses (requests, metadata, redirects, images...).
    pub skipped: usize,
    pub errors: usize,
}

/// Largest record body read into memory; bigger records are streamed past, and an HTML
/// response among them is reported as an error (naming its byte offset), not an article.
pub const MAX_RECORD: u64 = 64 << 20;

/// A streaming reader of WARC records.
pub struct WarcReader<R: BufRead> {
    r: R,
    source: String,
    offset: u64,
    /// Where the record last begun starts (its `WARC/` line), in the (unpacked) stream.
    record_start: u64,
    pub stats: WarcStats,
    done: bool,
    published: Option<String>,
}

struct Headers {
    kind: String,
    uri: Option<String>,
    date: Option<String>,
    length: Option<u64>,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(source: &str, r: R, published: Option<&str>) -> Self {
        WarcReader {
            r,
            source: source.to_string(),
            offset: 0,
            record_start: 0,
            stats: WarcStats::default(),
            done: false,
            published: published.map(str::to_string),
        }
    }

    fn error(&self, message: String) -> ReadError {
        err(&self.source, format!("byte {}: {message}", self.offset))
    }

    /// The byte offset, in the unpacked stream, of the `WARC/` line of the record that the
    /// last call of [`WarcReader::next_pending`] (or `next`) returned or failed on: where a
    /// caller finds that record again.
    pub fn record_start(&self) -> u64 {
        self.record_start
    }

    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        buf.clear();
        // bounded: a header line longer than 64 KB is not a WARC header
        let mut total = 0;
        loop {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            let (take, found) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            if buf.len() < 65_536 {
                buf.extend_from_slice(&avail[..take.min(65_536 - buf.len())]);
            }
            self.r.consume(take);
            total += take;
            if found {
                break;
            }
        }
        self.offset += total as u64;
        Ok(total)
    }

    /// The next record's headers, skipping blank lines and resynchronising on `WARC/`.
    fn headers(&mut self) -> Result<Option<Headers>, ReadError> {
        let mut line = Vec::new();
        let mut skipped_junk = false;
        loop {
            let at = self.offset;
            let n = self
                .read_line(&mut line)
                .map_err(|e| self.error(format!("cannot read: {e}")))?;
            if n == 0 {
                return Ok(None);
            }
            self.record_start = at;
            if line.starts_with(b"WARC/") {
                break;
            }
            if !line.iter().all(|b| b.is_ascii_whitespace()) && !skipped_junk {
                skipped_junk = true;
                self.stats.errors += 1;
            }
        }
        let mut h = Headers {
            kind: String::new(),
            uri: None,
            date: None,
            length: None,
        };
        loop {
            let n = self
                .read_line(&mut line)
                .map_err(|e| self.error(format!("cannot read: {e}")))?;
            if n == 0 {
                return Err(self.error("archive ends inside a record header".into()));
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let v = v.trim().to_string();
                match k.trim().to_ascii_lowercase().as_str() {
                    "warc-type" => h.kind = v.to_ascii_lowercase(),
                    "warc-target-uri" => h.uri = Some(v.trim_matches(['<', '>']).to_string()),
                    "warc-date" => h.date = Some(v),
                    "content-length" => h.length = v.parse().ok(),
                    _ => {}
                }
            }
        }
        Ok(Some(h))
    }

    fn skip(&mut self, mut n: u64) -> std::io::Result<u64> {
        let mut skipped = 0;
        while n > 0 {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            let k = (avail.len() as u64).min(n) as usize;
            self.r.consume(k);
            n -= k as u64;
            skipped += k as u64;
        }
        self.offset += skipped;
        Ok(skipped)
    }

    fn body(&mut self, n: u64) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
        let mut left = n;
        while left > 0 {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            let k = (avail.len() as u64).min(left) as usize;
            out.extend_from_slice(&avail[..k]);
            self.r.consume(k);
            left -= k as u64;
        }
        self.offset += out.len() as u64;
        Ok(out)
    }
}

/// Split an HTTP response into status, content type and body.
fn http(block: &[u8]) -> Option<(u16, String, &[u8])> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut ctype = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-type") {
                ctype = v.trim().to_ascii_lowercase();
            }
        }
    }
    Some((status, ctype, &block[end.1..]))
}

/// A record read but not yet extracted: [`Pending::finish`] does the (costly) HTML
/// extraction, so that a caller can run it on many records in parallel.
pub enum Pending {
    Ready(Box<ReadResult>),
    Html {
        source: String,
        block: Vec<u8>,
        body_at: usize,
        uri: String,
        published: Option<String>,
        /// whether `published` is the record's own WARC-Date (no `--published` was given)
        own_date: bool,
        /// the HTTP `Content-Type` (its charset decodes the page)
        content_type: String,
    },
}

impl Pending {
    pub fn finish(self) -> ReadResult {
        match self {
            Pending::Ready(r) => *r,
            Pending::Html {
                source,
                block,
                body_at,
                uri,
                published,
                own_date,
                content_type,
            } => html::read_bytes(
                &source,
                &block[body_at..],
                Some(&uri),
                published.as_deref(),
                Some(&content_type),
            )
            .map(|mut d| {
                if own_date {
                    crate::option_date_is_metadata(&mut d);
                }
                d
            }),
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = ReadResult;

    fn next(&mut self) -> Option<ReadResult> {
        let p = self.next_pending()?;
        let html = matches!(p, Pending::Html { .. });
        let r = p.finish();
        if html {
            self.tally(&r);
        }
        Some(r)
    }
}

impl<R: BufRead> WarcReader<R> {
    /// Count an extracted record in [`WarcReader::stats`] (done by `next`; callers of
    /// [`WarcReader::next_pending`] call it for each finished HTML record).
    pub fn tally(&mut self, r: &ReadResult) {
        match r {
            Ok(_) => self.stats.articles += 1,
            Err(_) => self.stats.errors += 1,
        }
    }

    /// The next record up to, not including, its HTML extraction. Errors and skipped records
    /// are counted here; the outcome of an HTML record is counted by [`WarcReader::tally`].
    pub fn next_pending(&mut self) -> Option<Pending> {
        let ready = |r: ReadResult| Some(Pending::Ready(Box::new(r)));
        loop {
            if self.done {
                return None;
            }
            let h = match self.headers() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    self.stats.errors += 1;
                    return ready(Err(e));
                }
            };
            self.stats.records += 1;
            let Some(len) = h.length else {
                self.stats.errors += 1;
                return ready(Err(self.error("record without Content-Length".into())));
            };
            let wanted =
                h.kind == "response" && h.uri.as_deref().is_some_and(|u| u.starts_with("http"));
            if !wanted || len > MAX_RECORD {
                match self.skip(len) {
                    Ok(k) if k == len && wanted => {
                        // a page too large to read into memory: passed over, and said so
                        self.stats.errors += 1;
                        let uri = h.uri.unwrap_or_default();
                        return ready(Err(err(
                            &format!("{}#{}", self.source, uri),
                            format!(
                                "byte {}: a record of {len} bytes, over the {} MiB limit; skipped",
                                self.record_start,
                                MAX_RECORD >> 20
                            ),
                        )));
                    }
                    Ok(k) if k == len => {
                        self.stats.skipped += 1;
                        continue;
                    }
                    Ok(_) => {
                        self.done = true;
                        self.stats.errors += 1;
                        return ready(Err(
                            self.error(format!("archive truncated inside a {len}-byte record"))
                        ));
                    }
                    Err(e) => {
                        self.done = true;
                        return ready(Err(self.error(format!("cannot read: {e}"))));
                    }
                }
            }
            let block = match self.body(len) {
                Ok(b) => b,
                Err(e) => {
                    self.done = true;
                    return ready(Err(self.error(format!("cannot read: {e}"))));
                }
            };
            if (block.len() as u64) < len {
                self.done = true;
                self.stats.errors += 1;
                return ready(Err(self.error(format!(
                    "archive truncated: record says {len} bytes, {} left",
                    block.len()
                ))));
            }
            let uri = h.uri.unwrap_or_default();
            let source = format!("{}#{}", self.source, uri);
            match http(&block) {
                Some((200, ctype, body)) if ctype.contains("html") || ctype.is_empty() => {
                    let published = h
                        .date
                        .as_deref()
                        .and_then(dateline_core::date::parse_date_line);
                    let own_date = self.published.is_none() && published.is_some();
                    let fallback = self.published.clone().or(published);
                    let body_at = block.len() - body.len();
                    return Some(Pending::Html {
                        source,
                        block,
                        body_at,
                        uri,
                        published: fallback,
                        own_date,
                        content_type: ctype,
                    });
                }
                Some(_) => {
                    self.stats.skipped += 1;
                    continue;
                }
                None => {
                    self.stats.errors += 1;
                    return ready(Err(err(&source, "response record without an HTTP header")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, http_block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T05:06:07Z\r\nContent-Length: {}\r\n\r\n{http_block}\r\n\r\n",
            http_block.len()
        )
    }

    const PAGE: &str = "<html><head><title>Ferry vote</title></head><body><article><p>The harbour council of Tidewick voted on Tuesday to buy a new ferry for the island route, its chair said after a long meeting that ran late.</p><p>The ferry will carry two hundred passengers and forty cars, and it will enter service next spring if the shipyard keeps to its schedule.</p></article></body></html>";

    fn archive() -> String {
        let ok = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
        let img = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}";
        let moved = "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        [
            record("warcinfo", "", "software: test"),
            record(
                "request",
                "https://news.example/a",
                "GET /a HTTP/1.1\r\n\r\n",
            ),
            record("response", "https://news.example/a", &ok),
            record("response", "https://news.example/i.png", img),
            record("response", "https://news.example/b", moved),
            record("response", "https://news.example/c", &ok),
        ]
        .concat()
    }

    #[test]
    fn html_responses_become_articles() {
        let a = archive();
        let mut r = WarcReader::new("t.warc", a.as_bytes(), None);
        let docs: Vec<ReadResult> = r.by_ref().collect();
        assert_eq!(docs.len(), 2);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.article.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(d.article.published.as_deref(), Some("2021-03-04"));
        assert!(d.body.contains("harbour council"));
        assert_eq!(
            r.stats,
            WarcStats {
                records: 6,
                articles: 2,
                skipped: 4,
                errors: 0
            }
        );
    }

    #[test]
    fn a_record_over_the_limit_is_an_error_at_its_offset_and_reading_goes_on() {
        use std::io::Read;
        let first = record("warcinfo", "", "software: test");
        let len = MAX_RECORD + 1;
        let head = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/huge\r\nContent-Length: {len}\r\n\r\n"
        );
        let ok = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
        let after = format!(
            "\r\n\r\n{}",
            record("response", "https://news.example/a", &ok)
        );
        // a 64 MiB + 1 body streamed from a reader, never held in memory by the test
        let stream = first
            .as_bytes()
            .chain(head.as_bytes())
            .chain(std::io::repeat(b' ').take(len))
            .chain(after.as_bytes());
        let mut r = WarcReader::new("big.warc", std::io::BufReader::new(stream), None);
        let e = r.next().expect("a result").expect_err("an error");
        assert!(e.message.contains("over the 64 MiB limit"), "{e}");
        assert!(e.source.ends_with("#https://news.example/huge"), "{e}");
        assert_eq!(r.record_start(), first.len() as u64);
        assert!(
            e.message.starts_with(&format!("byte {}:", first.len())),
            "{e}"
        );
        let d = r.next().expect("a result").expect("the next page");
        assert_eq!(d.article.url.as_deref(), Some("https://news.example/a"));
        assert!(r.next().is_none());
        assert_eq!(r.stats.errors, 1);
    }

    #[test]
    fn lying_lengths_and_truncation_are_reported() {
        let a = archive();
        // a record claims more bytes than the archive has
        let cut = &a[..a.len() - 200];
        let docs: Vec<ReadResult> = WarcReader::new("t.warc", cut.as_bytes(), None).collect();
        assert!(docs
            .last()
            .unwrap()
            .as_ref()
            .unwrap_err()
            .message
            .contains("truncated"));
        // a record claims fewer bytes: the reader resynchronises on the next header
        let short = a.replacen(
            &format!("Content-Length: {}", PAGE.len() + 63),
            "Content-Length: 40",
            1,
        );
        let docs: Vec<ReadResult> = WarcReader::new("t.warc", short.as_bytes(), None).collect();
        assert!(docs.iter().filter(|d| d.is_ok()).count() >= 1);
        // garbage never panics
        for junk in [
            "",
            "WARC/1.0\r\n",
            "WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nxx",
            "\0\0\0",
        ] {
            let _: Vec<ReadResult> = WarcReader::new("j.warc", junk.as_bytes(), None).collect();
        }
    }
}
