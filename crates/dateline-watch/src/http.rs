//! A polite HTTP(S) fetcher (ureq, rustls): one request at a time (so one connection per host
//! at a time), a pause of at least `delay` between two requests to one host, `robots.txt`
//! read once per host per hour and obeyed, a real `User-Agent`, conditional GET, retries with
//! exponential backoff on timeouts, connection errors and 5xx, `Retry-After` honoured on 429
//! and 503, redirects followed by hand (each hop checked against robots and the host's pause,
//! at most `max_redirects`), bodies capped in bytes (a declared `Content-Length` over the cap
//! is refused unread) and in time, gzip decoded here under the same cap. [`Fetcher::open`]
//! instead hands over the body of a 2xx answer as a stream (a WARC archive, JSON Lines), read
//! in constant memory with `timeout` for each read rather than for the whole body.

use crate::robots::Robots;
use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the fetcher behaves.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub user_agent: String,
    /// The least time between two requests to one host.
    pub delay: Duration,
    /// The most one request (connect, headers and body) may take.
    pub timeout: Duration,
    /// The most bytes a body may have (after gzip decoding too).
    pub max_bytes: u64,
    /// Retries after a timeout, a connection error, a 5xx or a 429.
    pub retries: u32,
    /// The first retry's wait; each next one doubles it.
    pub backoff: Duration,
    /// The longest `Retry-After` waited for inside a pass; a longer one ends the attempt and
    /// is recorded as the time of the next try.
    pub max_retry_after: Duration,
    pub max_redirects: u32,
}

/// The product token robots.txt groups are matched against.
pub const ROBOTS_TOKEN: &str = "dateline";

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            user_agent: default_user_agent(),
            delay: Duration::from_secs(1),
            timeout: Duration::from_secs(30),
            max_bytes: 10 << 20,
            retries: 3,
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(60),
            max_redirects: 5,
        }
    }
}

/// `dateline/VERSION (+REPOSITORY)`.
pub fn default_user_agent() -> String {
    format!(
        "dateline/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// Validators of an earlier answer, sent back for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body fetched.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL after redirects.
    pub url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub validators: Validators,
}

/// A body to be read as a stream, after the headers of a 2xx answer.
pub struct Opened {
    /// The URL after redirects.
    pub url: String,
    pub content_type: Option<String>,
    /// The body, gzip `Content-Encoding` undone (gzip bytes are left to the reader).
    pub body: Box<dyn Read + Send>,
}

/// What a fetch came to.
#[derive(Debug)]
pub enum Fetched {
    Page(Page),
    /// 304: unchanged since the validators sent.
    NotModified,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchError {
    pub url: String,
    pub message: String,
    /// Worth trying again later (timeouts, 5xx, 429, connection errors); a 404, a robots.txt
    /// refusal, an oversized body are not.
    pub transient: bool,
    /// The server asked for this wait (`Retry-After`) before the next try.
    pub retry_after: Option<Duration>,
    /// The fetch was cut short by a stop request (SIGTERM/SIGINT).
    pub stopped: bool,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.url, self.message)
    }
}

/// The fetcher: its agent, each host's last request and robots rules.
pub struct Fetcher {
    agent: ureq::Agent,
    cfg: HttpConfig,
    last: HashMap<String, Instant>,
    /// Each host's rules, when they were read, and why robots.txt could not be (if so).
    robots: HashMap<String, (Instant, Robots, Option<String>)>,
    stop: Arc<AtomicBool>,
    /// Requests sent (robots.txt included).
    pub requests: usize,
}

/// The longest a retry inside a request waits.
const MAX_WAIT: Duration = Duration::from_secs(3600);

/// How long a host's robots.txt is trusted before it is read again.
const ROBOTS_TTL: Duration = Duration::from_secs(3600);

/// How long a robots.txt that could not be read (5xx, no answer) keeps its host disallowed
/// before it is tried again.
const ROBOTS_RETRY: Duration = Duration::from_secs(300);

/// Scheme, `host:port` and path-with-query of an absolute http(s) URL.
pub fn split_url(url: &str) -> Option<(&str, String, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme_lc = scheme.to_ascii_lowercase();
    let default_port = match scheme_lc.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if authority.is_empty() {
        return None;
    }
    let host = if authority.contains(':') && !authority.ends_with(']') {
        authority.to_ascii_lowercase()
    } else {
        format!("{}:{default_port}", authority.to_ascii_lowercase())
    };
    let path = rest[end..].split('#').next().unwrap_or("");
    let path = if path.is_empty() { "/" } else { path };
    Some((scheme, host, path))
}

/// A `Location` header (or a feed's relative link) resolved against the URL it came from.
pub fn resolve(base: &str, location: &str) -> Option<String> {
    let loc = location.trim();
    if loc.starts_with("http://") || loc.starts_with("https://") {
        return Some(loc.to_string());
    }
    let (scheme, rest) = base.split_once("://")?;
    if let Some(r) = loc.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..end]);
    if loc.starts_with('/') {
        return Some(format!("{origin}{loc}"));
    }
    let path = rest[end..].split(['?', '#']).next().unwrap_or("");
    let dir = path.rfind('/').map(|i| &path[..=i]).unwrap_or("/");
    Some(format!("{origin}{dir}{loc}"))
}

/// A `Retry-After` value: seconds, at most a year (an HTTP date is read as no hint).
fn retry_after(v: Option<&str>) -> Option<Duration> {
    v?.trim()
        .parse::<u64>()
        .ok()
        .map(|s| Duration::from_secs(s.min(31_536_000)))
}

enum Attempt {
    Done(Fetched),
    Redirect(String),
    Open(Opened),
}

/// How an answer's body is taken: read whole (capped) or handed over as a stream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Whole,
    Stream,
}

impl Fetcher {
    pub fn new(cfg: HttpConfig, stop: Arc<AtomicBool>) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_global(Some(cfg.timeout))
            .timeout_per_read(Some(cfg.timeout))
            .user_agent(cfg.user_agent.as_str())
            .accept_encoding("gzip")
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            cfg,
            last: HashMap::new(),
            robots: HashMap::new(),
            stop,
            requests: 0,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Sleep `d`, in short steps, waking early on a stop request.
    fn sleep(&self, d: Duration) -> bool {
        let end = Instant::now() + d;
        while !self.stopped() {
            let now = Instant::now();
            if now >= end {
                return true;
            }
            std::thread::sleep((end - now).min(Duration::from_millis(50)));
        }
        false
    }

    /// Wait until `host` may be asked again.
    fn wait_turn(&self, host: &str) -> bool {
        match self.last.get(host) {
            Some(t) => self.sleep((*t + self.cfg.delay).saturating_duration_since(Instant::now())),
            None => !self.stopped(),
        }
    }

    /// GET `url`, politely (see the module's doc), sending `validators` for a conditional GET.
    pub fn get(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        match self.follow(url, validators, Mode::Whole)? {
            Attempt::Done(f) => Ok(f),
            _ => Err(self.fail(url, "an answer of no known kind".into())),
        }
    }

    /// GET `url` as [`Fetcher::get`] does, but hand the body of a 2xx answer over unread, to
    /// be read as a stream: no size cap (the reader bounds each record), `timeout` for each
    /// read. Retries stop at the headers. Call [`Fetcher::finished`] when the body is read.
    pub fn open(&mut self, url: &str) -> Result<Opened, FetchError> {
        match self.follow(url, &Validators::default(), Mode::Stream)? {
            Attempt::Open(o) => Ok(o),
            _ => Err(self.fail(url, "HTTP 304 to a request that was not conditional".into())),
        }
    }

    /// A streamed body of `url`'s host was read to its end: the host's delay counts from now.
    pub fn finished(&mut self, url: &str) {
        if let Some((_, host, _)) = split_url(url) {
            self.last.insert(host, Instant::now());
        }
    }

    /// Robots, redirects and retries around one answer.
    fn follow(
        &mut self,
        url: &str,
        validators: &Validators,
        mode: Mode,
    ) -> Result<Attempt, FetchError> {
        let mut at = url.to_string();
        let mut seen = vec![at.clone()];
        for _ in 0..=self.cfg.max_redirects {
            self.check_robots(&at)?;
            match self.get_retrying(&at, validators, mode)? {
                Attempt::Redirect(next) => {
                    if seen.contains(&next) {
                        return Err(self.fail(url, format!("a redirect loop (back to {next})")));
                    }
                    seen.push(next.clone());
                    at = next;
                }
                done => return Ok(done),
            }
        }
        Err(self.fail(
            url,
            format!("more than {} redirects", self.cfg.max_redirects),
        ))
    }

    fn fail(&self, url: &str, message: String) -> FetchError {
        FetchError {
            url: url.to_string(),
            message,
            transient: false,
            retry_after: None,
            stopped: false,
        }
    }

    fn stop_error(&self, url: &str) -> FetchError {
        FetchError {
            stopped: true,
            transient: true,
            ..self.fail(url, "stopped".into())
        }
    }

    /// One hop, retried on transient failures.
    fn get_retrying(
        &mut self,
        url: &str,
        v: &Validators,
        mode: Mode,
    ) -> Result<Attempt, FetchError> {
        let mut tries = 0;
        loop {
            let err = match self.get_once(url, v, mode) {
                Ok(a) => return Ok(a),
                Err(e) if !e.transient || e.stopped => return Err(e),
                Err(e) => e,
            };
            if tries >= self.cfg.retries {
                return Err(err);
            }
            let backoff = self
                .cfg
                .backoff
                .checked_mul(2u32.saturating_pow(tries))
                .unwrap_or(MAX_WAIT)
                .min(MAX_WAIT);
            let wait = match err.retry_after {
                Some(ra) if ra > self.cfg.max_retry_after => return Err(err),
                Some(ra) => ra.max(backoff),
                None => backoff,
            };
            tries += 1;
            if !self.sleep(wait) {
                return Err(self.stop_error(url));
            }
        }
    }

    /// One request, its answer read.
    fn get_once(&mut self, url: &str, v: &Validators, mode: Mode) -> Result<Attempt, FetchError> {
        let Some((_, host, _)) = split_url(url) else {
            return Err(self.fail(url, "not an http(s) URL".into()));
        };
        if !self.wait_turn(&host) {
            return Err(self.stop_error(url));
        }
        let mut req = self.agent.get(url);
        if let Some(e) = &v.etag {
            req = req.header("If-None-Match", e.as_str());
        }
        if let Some(m) = &v.last_modified {
            req = req.header("If-Modified-Since", m.as_str());
        }
        if mode == Mode::Stream {
            // the whole body may take long; each read may not
            req = req.config().timeout_global(None).build();
        }
        self.requests += 1;
        let started = Instant::now();
        let res = req.call();
        let out = match res {
            Err(e) => Err(transport_error(url, e, self.cfg.timeout)),
            Ok(resp) => self.answer(url, resp, started, mode),
        };
        self.last.insert(host, Instant::now());
        out
    }

    fn answer(
        &self,
        url: &str,
        resp: ureq::http::Response<ureq::Body>,
        started: Instant,
        mode: Mode,
    ) -> Result<Attempt, FetchError> {
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        };
        match status {
            200..=299 => {}
            304 => return Ok(Attempt::Done(Fetched::NotModified)),
            301 | 302 | 303 | 307 | 308 => {
                let loc = header("location")
                    .and_then(|l| resolve(url, &l))
                    .ok_or_else(|| self.fail(url, format!("HTTP {status} without a Location")))?;
                return Ok(Attempt::Redirect(loc));
            }
            429 | 500..=599 => {
                let ra = retry_after(header("retry-after").as_deref());
                let said = ra
                    .map(|d| format!(" (Retry-After {}s)", d.as_secs()))
                    .unwrap_or_default();
                return Err(FetchError {
                    transient: true,
                    retry_after: ra,
                    ..self.fail(url, format!("HTTP {status}{said}"))
                });
            }
            _ => return Err(self.fail(url, format!("HTTP {status}"))),
        }
        if mode == Mode::Stream {
            let gzip = header("content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("gzip"));
            let content_type = header("content-type");
            let body = resp.into_body().into_reader();
            return Ok(Attempt::Open(Opened {
                url: url.to_string(),
                content_type,
                body: if gzip {
                    Box::new(flate2::read::MultiGzDecoder::new(body))
                } else {
                    Box::new(body)
                },
            }));
        }
        let max = self.cfg.max_bytes;
        if let Some(n) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
            if n > max {
                return Err(self.fail(
                    url,
                    format!("a body of {n} bytes, over the limit of {max}: not read"),
                ));
            }
        }
        let gzip = header("content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("gzip"));
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let mut raw = Vec::new();
        let mut reader = resp.into_body().into_reader().take(max + 1);
        let mut buf = [0u8; 64 * 1024];
        loop {
            if started.elapsed() > self.cfg.timeout {
                return Err(FetchError {
                    transient: true,
                    ..self.fail(url, format!("body not read within {:?}", self.cfg.timeout))
                });
            }
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => raw.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(FetchError {
                        transient: true,
                        ..self.fail(url, format!("reading the body failed: {e}"))
                    })
                }
            }
        }
        if raw.len() as u64 > max {
            return Err(self.fail(url, format!("a body over the limit of {max} bytes")));
        }
        let body = if gzip || dateline_read::files::is_gzip(&raw) {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(raw.as_slice())
                .take(max + 1)
                .read_to_end(&mut out)
                .map_err(|e| self.fail(url, format!("truncated or corrupt gzip data: {e}")))?;
            if out.len() as u64 > max {
                return Err(self.fail(
                    url,
                    format!("a gzip body over the limit of {max} bytes unpacked"),
                ));
            }
            out
        } else {
            raw
        };
        Ok(Attempt::Done(Fetched::Page(Page {
            url: url.to_string(),
            body,
            content_type,
            validators,
        })))
    }

    /// Refuse a URL its host's robots.txt disallows (reading robots.txt first if needed).
    fn check_robots(&mut self, url: &str) -> Result<(), FetchError> {
        let Some((scheme, host, path)) = split_url(url) else {
            return Err(self.fail(url, "not an http(s) URL".into()));
        };
        let fresh = self.robots.get(&host).is_some_and(|(t, _, why)| {
            t.elapsed()
                < if why.is_some() {
                    ROBOTS_RETRY
                } else {
                    ROBOTS_TTL
                }
        });
        if !fresh {
            let robots_url = format!("{scheme}://{host}/robots.txt");
            let (rules, why) =
                match self.get_retrying(&robots_url, &Validators::default(), Mode::Whole) {
                    Ok(Attempt::Done(Fetched::Page(p))) => (
                        Robots::parse(&String::from_utf8_lossy(&p.body), ROBOTS_TOKEN),
                        None,
                    ),
                    Ok(_) => (Robots::allow_all(), None),
                    Err(e) if e.stopped => return Err(self.stop_error(url)),
                    // a 4xx: no rules; a 5xx or no answer: nothing allowed for now (RFC 9309)
                    Err(e) if !e.transient => (Robots::allow_all(), None),
                    Err(e) => (Robots::disallow_all(), Some(e.message)),
                };
            self.robots
                .insert(host.clone(), (Instant::now(), rules, why));
        }
        match self.robots.get(&host) {
            // robots.txt unreachable: try again later; a rule: never
            Some((_, r, Some(why))) if !r.allowed(path) => Err(FetchError {
                transient: true,
                ..self.fail(
                    url,
                    format!("robots.txt could not be read ({why}): nothing is fetched from the host until it can be"),
                )
            }),
            Some((_, r, None)) if !r.allowed(path) => {
                Err(self.fail(url, "disallowed by robots.txt".into()))
            }
            _ => Ok(()),
        }
    }
}

fn transport_error(url: &str, e: ureq::Error, timeout: Duration) -> FetchError {
    let transient = matches!(
        e,
        ureq::Error::Timeout(_)
            | ureq::Error::Io(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::HostNotFound
            | ureq::Error::Protocol(_)
            | ureq::Error::BodyStalled
    );
    let message = match e {
        ureq::Error::Timeout(what) => format!("no answer within {timeout:?} (timeout: {what})"),
        e => e.to_string(),
    };
    FetchError {
        url: url.to_string(),
        message,
        transient,
        retry_after: None,
        stopped: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            split_url("https://W.example/a/b?c=1#f"),
            Some(("https", "w.example:443".to_string(), "/a/b?c=1"))
        );
        assert_eq!(
            split_url("http://127.0.0.1:8080"),
            Some(("http", "127.0.0.1:8080".to_string(), "/"))
        );
        assert_eq!(split_url("ftp://x/y"), None);
        assert_eq!(split_url("nonsense"), None);
        let b = "http://h.example/news/a.html?x=1";
        assert_eq!(resolve(b, "/b").as_deref(), Some("http://h.example/b"));
        assert_eq!(
            resolve(b, "c.html").as_deref(),
            Some("http://h.example/news/c.html")
        );
        assert_eq!(
            resolve(b, "//o.example/d").as_deref(),
            Some("http://o.example/d")
        );
        assert_eq!(retry_after(Some(" 7 ")), Some(Duration::from_secs(7)));
        assert_eq!(retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")), None);
        assert_eq!(
            retry_after(Some("18446744073709551615")),
            Some(Duration::from_secs(31_536_000))
        );
    }
}
