//! URLs as inputs of `read`, `code` and `ingest`: an article page, a feed, a sitemap, a WARC
//! archive or a JSON Lines file fetched over HTTP(S) by the polite fetcher of `watch` (its
//! `User-Agent`, `robots.txt`, per-host delay, retries, redirects, size and time caps) and
//! read as the file would be:
//!
//! - a page (HTML, or text) is extracted as `dateline read` extracts an HTML file, with the
//!   URL after redirects as its base and its `Content-Type` charset; cut at
//!   `--max-article-bytes` as a file is;
//! - a feed (RSS, Atom) or a sitemap (a sitemap index one level deep): the pages it lists are
//!   fetched in turn and read as pages (dated by the listing when they carry no date); with
//!   `--input-format feed` a feed's own item texts are read instead, as for a feed file;
//! - a URL whose name ends in `.warc`, `.jsonl` or `.ndjson` (`.gz` or not), or any URL with
//!   `--input-format warc|jsonl`, is streamed a batch at a time in constant memory, as such a
//!   file is.
//!
//! Every error names the URL (and, for a listed page, the listing).

use crate::http::{self, Fetcher, HttpConfig};
use crate::pages;
use dateline_read::{InputFormat, ReadError, ReadOptions, ReadResult};
use std::io::{BufRead, BufReader};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// Whether a command-line input is a URL to fetch (`http://` or `https://`).
pub fn is_url(input: &str) -> bool {
    let l = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// The fetcher of a command's URL inputs.
pub struct Remote {
    fetcher: Fetcher,
}

impl Default for Remote {
    fn default() -> Self {
        Remote::new(HttpConfig::default())
    }
}

impl Remote {
    pub fn new(cfg: HttpConfig) -> Remote {
        // a command is stopped by its signals' default action: nothing sets this flag
        Remote {
            fetcher: Fetcher::new(cfg, Arc::new(AtomicBool::new(false))),
        }
    }

    /// Read `url` as the module's doc says, calling `f` with its read results `batch` at a
    /// time (a failure is an `Err` result naming the URL, as a file that cannot be read is).
    /// Returns a note for the user (a listing's or a WARC stream's tally), if any.
    pub fn read<E>(
        &mut self,
        url: &str,
        opts: &ReadOptions,
        batch: usize,
        mut f: impl FnMut(Vec<ReadResult>) -> Result<(), E>,
    ) -> Result<Option<String>, E> {
        if let Some(format) = streamed(url, opts.format) {
            return self.stream(url, format, opts, batch, f);
        }
        let page = match self.fetcher.get(url, &http::Validators::default()) {
            Ok(http::Fetched::Page(p)) => p,
            Ok(http::Fetched::NotModified) => {
                return f(vec![Err(dateline_read::err(
                    url,
                    "HTTP 304 to a request that was not conditional",
                ))])
                .map(|()| None)
            }
            Err(e) => return f(vec![Err(fetch_error(url, &e))]).map(|()| None),
        };
        let published = opts.published.as_deref();
        let limit = opts.max_article_bytes.max(1);
        match opts.format {
            InputFormat::Auto => {}
            InputFormat::Html => {
                return f(vec![page_doc(url, page, published, limit)]).map(|()| None)
            }
            _ => {
                let mut out = dateline_read::read(url, &page.body, opts);
                if let [Ok(d)] = out.as_mut_slice() {
                    if d.article.url.is_none() {
                        d.article.url = Some(page.url.clone());
                        d.article.outlet = dateline_read::outlet_of(&page.url);
                    }
                }
                return batches(out, batch, &mut f).map(|()| None);
            }
        }
        if is_listing(&page) {
            return match dateline_read::feed::items(&page.body) {
                Ok(listing) => self.listed(url, &page, listing, opts, batch, &mut f),
                Err(message) => f(vec![Err(dateline_read::err(url, message))]).map(|()| None),
            };
        }
        match dateline_read::detect(pages::url_path(&page.url), &page.body) {
            // JSON Lines or WARC told by the content alone: read whole, under the body's cap
            InputFormat::Jsonl | InputFormat::Warc => {
                batches(dateline_read::read(url, &page.body, opts), batch, &mut f).map(|()| None)
            }
            _ => f(vec![page_doc(url, page, published, limit)]).map(|()| None),
        }
    }

    /// A listing's pages, fetched and read in order, `batch` at a time.
    fn listed<E>(
        &mut self,
        url: &str,
        page: &http::Page,
        listing: dateline_read::feed::Listing,
        opts: &ReadOptions,
        batch: usize,
        f: &mut impl FnMut(Vec<ReadResult>) -> Result<(), E>,
    ) -> Result<Option<String>, E> {
        let mut out = Vec::new();
        let mut failed_maps = Vec::new();
        let items = pages::listed_pages(&mut self.fetcher, page, listing, |m, e| {
            failed_maps.push(Err(dateline_read::err(m, format!("{e} (listed in {url})"))))
        });
        let mut seen = std::collections::HashSet::new();
        let (mut read, mut failed) = (0, failed_maps.len());
        out.extend(failed_maps);
        for it in items {
            let key = crate::canonical_item_url(&it.url);
            if !seen.insert(key.clone()) {
                continue;
            }
            let published = it.published.as_deref().or(opts.published.as_deref());
            let r = match self.fetcher.get(&key, &http::Validators::default()) {
                Ok(http::Fetched::Page(p)) => page_doc(&key, p, published, opts.max_article_bytes),
                Ok(http::Fetched::NotModified) => Err(dateline_read::err(&key, "HTTP 304")),
                Err(e) => Err(fetch_error(&key, &e)),
            };
            match r {
                Ok(d) => {
                    read += 1;
                    out.push(Ok(d));
                }
                Err(mut e) => {
                    failed += 1;
                    e.message = format!("{} (listed in {url})", e.message);
                    out.push(Err(e));
                }
            }
            if out.len() >= batch.max(1) {
                f(std::mem::take(&mut out))?;
            }
        }
        if !out.is_empty() {
            f(out)?;
        }
        Ok(Some(format!(
            "{url}: {} pages listed, {read} read, {failed} failed",
            seen.len()
        )))
    }

    /// A WARC or JSON Lines URL, streamed.
    fn stream<E>(
        &mut self,
        url: &str,
        format: InputFormat,
        opts: &ReadOptions,
        batch: usize,
        mut f: impl FnMut(Vec<ReadResult>) -> Result<(), E>,
    ) -> Result<Option<String>, E> {
        let opened = match self.fetcher.open(url) {
            Ok(o) => o,
            Err(e) => return f(vec![Err(fetch_error(url, &e))]).map(|()| None),
        };
        let mut r = BufReader::with_capacity(1 << 16, opened.body);
        let gz = r
            .fill_buf()
            .map(dateline_read::files::is_gzip)
            .unwrap_or(false);
        let r: Box<dyn BufRead> = if gz {
            Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(r),
            ))
        } else {
            Box::new(r)
        };
        let note = dateline_read::for_each_batch_of_stream(url, r, format, opts, batch, f);
        self.fetcher.finished(&opened.url);
        note
    }
}

/// The format a URL is streamed as, if it is: WARC or JSON Lines by `--input-format` or by
/// the ending of its path (`.gz` aside).
fn streamed(url: &str, format: InputFormat) -> Option<InputFormat> {
    match format {
        InputFormat::Warc | InputFormat::Jsonl => Some(format),
        InputFormat::Auto => {
            let path = pages::url_path(url).to_ascii_lowercase();
            let name = path.strip_suffix(".gz").unwrap_or(&path);
            if name.ends_with(".warc") {
                Some(InputFormat::Warc)
            } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
                Some(InputFormat::Jsonl)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a body is a listing (a feed, a sitemap) by its content, whatever its
/// `Content-Type` says.
fn is_listing(p: &http::Page) -> bool {
    let head = String::from_utf8_lossy(&p.body[..p.body.len().min(2048)]).to_ascii_lowercase();
    head.contains("<urlset")
        || head.contains("<sitemapindex")
        || dateline_read::detect(pages::url_path(&p.url), &p.body) == InputFormat::Feed
}

/// A page as a document named by its URL, cut at `limit` bytes as a file is.
fn page_doc(source: &str, mut p: http::Page, published: Option<&str>, limit: usize) -> ReadResult {
    let limit = limit.max(1);
    let mut warning = None;
    if p.body.len() > limit {
        let at = dateline_read::cut_point(&p.body, limit);
        p.body.truncate(at);
        warning = Some(format!(
            "{}: the page is longer than --max-article-bytes {limit}; cut at a sentence or line end after byte {at}",
            dateline_read::CUT_WARNING
        ));
    }
    let mut d =
        pages::document(source, &p, published).map_err(|m| dateline_read::err(source, m))?;
    d.warnings.extend(warning);
    Ok(d)
}

/// A fetch failure as a read error naming the URL (and the URL it failed at, after
/// redirects, when another).
fn fetch_error(url: &str, e: &http::FetchError) -> ReadError {
    let message = if e.url == url {
        e.message.clone()
    } else {
        format!("{} (at {})", e.message, e.url)
    };
    dateline_read::err(url, message)
}

fn batches<E>(
    mut items: Vec<ReadResult>,
    batch: usize,
    f: &mut impl FnMut(Vec<ReadResult>) -> Result<(), E>,
) -> Result<(), E> {
    while !items.is_empty() {
        let rest = items.split_off(items.len().min(batch.max(1)));
        f(std::mem::replace(&mut items, rest))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_streamed_formats() {
        assert!(is_url("https://a.example/x"));
        assert!(is_url("HTTP://a.example/x"));
        assert!(!is_url("news/http.txt"));
        assert!(!is_url("-"));
        assert_eq!(
            streamed("https://a.example/CC-NEWS-1.warc.gz?x=1", InputFormat::Auto),
            Some(InputFormat::Warc)
        );
        assert_eq!(
            streamed("https://a.example/d.jsonl", InputFormat::Auto),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            streamed("https://a.example/story.html", InputFormat::Auto),
            None
        );
        assert_eq!(
            streamed("https://a.example/story", InputFormat::Warc),
            Some(InputFormat::Warc)
        );
    }
}
