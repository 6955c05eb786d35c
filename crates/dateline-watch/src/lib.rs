//! `dateline watch`: follow RSS/Atom feeds, news sitemaps and folders, code what is new with
//! the same reading and pipeline as `dateline ingest`, store it in the event database, and
//! publish GDELT 2.0-style 15-minute update files. See docs/watch.md.
//!
//! One pass: read each listed feed (conditional GET) and queue its new items (`state`); fetch
//! the queued pages a batch at a time (`http`, politely), extract them as `dateline read`
//! extracts an HTML file, code the batch in parallel and store it with the items' new states
//! in one transaction; then ingest the folders' new or changed files, each file with its own
//! state row in its transaction; then, when due, write an update (`updates`). A stop request
//! (SIGTERM, SIGINT) is checked between items: the batch in hand is stored, the rest stays
//! queued for the next run. Between passes (and between batches) the folders' files that
//! file-system notifications name are ingested as they come (`folders`); what it does is
//! logged as `tracing` events (`report`).

pub mod folders;
pub mod http;
pub mod pages;
pub mod remote;
pub mod report;
pub mod robots;
pub mod state;
pub mod status;
pub mod updates;

use dateline_core::Document;
use dateline_read::ReadOptions;
use dateline_store::Store;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What to watch and how.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    /// A file listing feeds, one URL a line (`#` comments); read again every pass.
    pub feeds_file: Option<PathBuf>,
    /// Feeds given on the command line.
    pub feeds: Vec<String>,
    pub dirs: Vec<PathBuf>,
    pub interval: Duration,
    pub updates: Option<PathBuf>,
    /// What `masterfilelist.txt` puts before each file name.
    pub updates_url: Option<String>,
    /// Seconds between updates, on their multiples of wall-clock time (GDELT: 900).
    pub updates_every: i64,
    pub once: bool,
    pub http: http::HttpConfig,
    /// Pages coded and stored per transaction.
    pub batch: usize,
    /// The wait before a failed page or feed is tried again (doubling with each failure, up
    /// to a day).
    pub retry_wait: Duration,
    /// Failures after which an item is given up.
    pub max_failures: i64,
    /// How long items done (and failures given up) are remembered after no feed lists them
    /// any more (`state::forget`).
    pub forget_after: Duration,
    pub quiet: bool,
    pub log_format: report::LogFormat,
}

/// Counts of one run.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub feeds_read: usize,
    pub items_new: usize,
    pub articles: usize,
    pub events: usize,
    pub duplicates: usize,
    pub failures: usize,
    pub files: usize,
    pub updates: usize,
}

/// An item URL as a key: the fragment and `utm_*` tracking parameters dropped.
pub fn canonical_item_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let Some((base, query)) = url.split_once('?') else {
        return url.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("utm_"))
        .collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// The feeds to poll: the file's lines, then the command line's, each once.
pub fn feed_list(cfg: &Config) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(f) = &cfg.feeds_file {
        let text = std::fs::read_to_string(f)
            .map_err(|e| format!("{}: cannot read the feeds file: {e}", f.display()))?;
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let url = line.split_whitespace().next().unwrap_or(line);
            if http::split_url(url).is_none() {
                return Err(format!(
                    "{}:{}: {url:?} is not an http(s) URL",
                    f.display(),
                    i + 1
                ));
            }
            out.push(url.to_string());
        }
    }
    for u in &cfg.feeds {
        if http::split_url(u).is_none() {
            return Err(format!("{u:?} is not an http(s) URL"));
        }
        out.push(u.clone());
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|u| seen.insert(u.clone()));
    Ok(out)
}

/// The watcher: the database, the fetcher, the pipeline.
pub struct Watch<'a> {
    cfg: &'a Config,
    store: Store,
    fetcher: http::Fetcher,
    pipeline: &'a dateline_code::Pipeline,
    stop: Arc<AtomicBool>,
    pub tally: Tally,
    /// The folders watched live (none with `--once`).
    live: Option<folders::Live>,
    status: report::StatusLine,
    /// When the tables were last pruned (`state::forget`).
    forgot: Option<Instant>,
}

/// How often done items are pruned.
const FORGET_EVERY: Duration = Duration::from_secs(3600);

fn db_err(store: &Store) -> impl Fn(dateline_store::rusqlite::Error) -> String + '_ {
    move |e| format!("{}: {e}", store.path.display())
}

impl<'a> Watch<'a> {
    pub fn open(
        cfg: &'a Config,
        pipeline: &'a dateline_code::Pipeline,
        stop: Arc<AtomicBool>,
    ) -> Result<Watch<'a>, String> {
        let store = Store::open(&cfg.db).map_err(|e| e.to_string())?;
        state::create(&store.conn).map_err(db_err(&store))?;
        let live = (!cfg.once && !cfg.dirs.is_empty()).then(|| {
            let (live, err) = folders::Live::new(&cfg.dirs);
            if let Some(e) = err {
                tracing::warn!(error = e.as_str(), "folders polled only");
            }
            live
        });
        Ok(Watch {
            cfg,
            fetcher: http::Fetcher::new(cfg.http.clone(), stop.clone()),
            store,
            pipeline,
            stop,
            tally: Tally::default(),
            live,
            status: report::StatusLine::new(cfg.quiet),
            forgot: None,
        })
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Show what the run does now on the status line (a terminal only).
    fn doing(&mut self, what: impl FnOnce() -> String, now: bool) {
        let t = &self.tally;
        self.status
            .show(|| report::status_text(t, &report::safe(&what())), now);
    }

    /// The wait before try `count + 1` of something that failed `count` times.
    fn retry_in(&self, count: i64) -> i64 {
        let base = self.cfg.retry_wait.as_secs() as i64;
        (base.saturating_mul(1 << (count - 1).clamp(0, 20))).min(86_400)
    }

    /// Record a failure; an item failing for good (or too often) is given up.
    fn failed(&mut self, url: &str, kind: &str, e: &http::FetchError) -> Result<(), String> {
        self.tally.failures += 1;
        let count = state::failures(&self.store.conn, url).map_err(db_err(&self.store))? + 1;
        let give_up = !e.transient || (kind == "page" && count >= self.cfg.max_failures);
        let retry = (!give_up).then(|| {
            let wait = self.retry_in(count);
            e.retry_after
                .map(|d| (d.as_secs() as i64).max(wait))
                .unwrap_or(wait)
        });
        state::failure(&self.store.conn, url, kind, &e.message, retry)
            .map_err(db_err(&self.store))?;
        if give_up && kind == "page" {
            state::give_up(&self.store.conn, url).map_err(db_err(&self.store))?;
        }
        let then = match retry {
            Some(s) => format!("next try in {s}s"),
            None if kind == "page" => "given up".to_string(),
            None => "kept in the list".to_string(),
        };
        tracing::warn!(
            kind,
            url,
            error = e.message.as_str(),
            failures = count,
            retry_in_s = retry,
            "{kind} failed, {then}"
        );
        Ok(())
    }

    /// One pass: feeds, queued pages, folders (each listed whole: the polling that catches
    /// up after a restart and stands in for notifications that did not come).
    pub fn pass(&mut self) -> Result<(), String> {
        self.forget_old()?;
        if let Some(live) = self.live.as_mut() {
            // before the listing: a file made after it is then notified
            for (dir, e) in live.watch_missing() {
                tracing::warn!(
                    dir = &*dir.to_string_lossy(),
                    error = e.as_str(),
                    "folder polled only (not watched live)"
                );
            }
        }
        let feeds = feed_list(self.cfg)?;
        for (i, feed) in feeds.iter().enumerate() {
            if self.stopped() {
                return Ok(());
            }
            self.doing(|| format!("feed {}/{}: {feed}", i + 1, feeds.len()), true);
            self.poll_feed(feed)?;
        }
        self.fetch_pending()?;
        for dir in self.cfg.dirs.clone() {
            if self.stopped() {
                return Ok(());
            }
            self.doing(|| format!("listing {}", dir.display()), true);
            self.scan_dir(&dir)?;
        }
        Ok(())
    }

    /// Ingest the files that notifications named and that have been quiet long enough; list
    /// the folders again when notifications were lost.
    pub fn folder_changes(&mut self) -> Result<(), String> {
        let Some(live) = self.live.as_mut() else {
            return Ok(());
        };
        let due = live.due();
        if due.rescan {
            tracing::info!("notifications lost: listing the folders again");
            for dir in self.cfg.dirs.clone() {
                self.scan_dir(&dir)?;
            }
        }
        for (path, root) in due.files {
            if self.stopped() {
                break;
            }
            if path.is_dir() {
                // a folder moved in: its files, as a listing finds them
                let mut errors = Vec::new();
                let files = dateline_read::files::expand(
                    &[path.to_string_lossy().into_owned()],
                    &mut errors,
                );
                for f in files {
                    if dateline_read::files::walk_would_read(&root, Path::new(&f)) {
                        self.ingest_file(&f)?;
                    }
                }
            } else if path.is_file() && dateline_read::files::walk_would_read(&root, &path) {
                self.ingest_file(&path.to_string_lossy())?;
            }
        }
        Ok(())
    }

    /// Prune the state tables (at most once an hour): see `state::forget`.
    fn forget_old(&mut self) -> Result<(), String> {
        if self.forgot.is_some_and(|t| t.elapsed() < FORGET_EVERY) {
            return Ok(());
        }
        self.forgot = Some(Instant::now());
        let cutoff = state::now() - self.cfg.forget_after.as_secs() as i64;
        let f = state::forget(&self.store.conn, cutoff).map_err(db_err(&self.store))?;
        if f.items + f.failures > 0 {
            tracing::info!(
                items = f.items,
                failures = f.failures,
                "forgot items no feed lists any more"
            );
        }
        Ok(())
    }

    /// Read a feed (or sitemap) and queue its new items; a sitemap index's sitemaps are read
    /// in turn (one level).
    fn poll_feed(&mut self, url: &str) -> Result<(), String> {
        let (v, next) =
            state::feed_validators(&self.store.conn, url).map_err(db_err(&self.store))?;
        if next.is_some_and(|n| n > state::now()) {
            return Ok(());
        }
        let page = match self.fetcher.get(url, &v) {
            Ok(http::Fetched::NotModified) => {
                state::feed_read(&mut self.store.conn, url, &v, &[], state::NOT_MODIFIED)
                    .map_err(db_err(&self.store))?;
                tracing::debug!(feed = url, "feed not modified");
                return Ok(());
            }
            Ok(http::Fetched::Page(p)) => p,
            Err(e) if e.stopped => return Ok(()),
            Err(e) => return self.failed(url, "feed", &e),
        };
        let listing = match dateline_read::feed::items(&page.body) {
            Ok(l) => l,
            Err(message) => {
                let e = http::FetchError {
                    url: url.to_string(),
                    message,
                    transient: true,
                    retry_after: None,
                    stopped: false,
                };
                return self.failed(url, "feed", &e);
            }
        };
        let items = pages::listed_pages(&mut self.fetcher, &page, listing, |m, e| {
            tracing::warn!(sitemap = m, error = e, "sitemap failed");
        });
        let new = state::feed_read(
            &mut self.store.conn,
            url,
            &page.validators,
            &items,
            "200 ok",
        )
        .map_err(db_err(&self.store))?;
        self.tally.feeds_read += 1;
        self.tally.items_new += new;
        tracing::info!(feed = url, items = items.len(), new, "feed read");
        Ok(())
    }

    /// Fetch, code and store the queued pages, a batch at a time.
    fn fetch_pending(&mut self) -> Result<(), String> {
        let pass_start = state::now();
        loop {
            if self.stopped() {
                return Ok(());
            }
            // a folder's new files wait no longer than a batch of pages
            self.folder_changes()?;
            let todo = state::pending(&self.store.conn, self.cfg.batch.max(1), pass_start)
                .map_err(db_err(&self.store))?;
            let todo = interleave_hosts(todo);
            if todo.is_empty() {
                return Ok(());
            }
            let mut pages = Vec::new();
            for (i, item) in todo.iter().enumerate() {
                if self.stopped() {
                    break;
                }
                self.doing(
                    || format!("page {}/{} of the batch: {}", i + 1, todo.len(), item.url),
                    false,
                );
                match self.fetcher.get(&item.url, &http::Validators::default()) {
                    Ok(http::Fetched::Page(p)) => pages.push((item, p)),
                    Ok(http::Fetched::NotModified) => {
                        let e =
                            permanent(&item.url, "HTTP 304 to a request that was not conditional");
                        self.failed(&item.url, "page", &e)?;
                    }
                    Err(e) if e.stopped => break,
                    Err(e) => self.failed(&item.url, "page", &e)?,
                }
            }
            // extraction in parallel, as the coding
            let extracted: Vec<_> = pages
                .into_par_iter()
                .map(|(item, p)| {
                    let d = pages::document(&item.url, &p, item.published.as_deref());
                    (item, d.map(|d| (p.url, d)))
                })
                .collect();
            let mut docs = Vec::new();
            for (item, r) in extracted {
                match r {
                    Ok((final_url, d)) => docs.push((item.url.clone(), final_url, d)),
                    Err(message) => {
                        self.failed(&item.url, "page", &permanent(&item.url, &message))?
                    }
                }
            }
            let mut done = Vec::new();
            // the same text under two URLs (in this batch or stored before) is stored once
            let mut keep = Vec::new();
            let mut hashes = std::collections::HashSet::new();
            for (url, final_url, d) in docs {
                let hash = dateline_core::hash::hex_id(
                    dateline_core::hash::normalise_ws(&d.body).as_bytes(),
                );
                let dup = !hashes.insert(hash.clone())
                    || state::hash_stored(&self.store.conn, &hash).map_err(db_err(&self.store))?;
                done.push(state::ItemDone {
                    url,
                    status: if dup { state::DUPLICATE } else { state::STORED },
                    final_url: Some(final_url),
                    article_id: Some(d.id.clone()),
                    content_hash: Some(hash),
                });
                if dup {
                    self.tally.duplicates += 1;
                } else {
                    keep.push(d);
                }
            }
            self.store_batch(keep, |tx| state::items_done(tx, &done))?;
        }
    }

    /// Code documents in parallel and store them, with `also` in the same transaction.
    fn store_batch(
        &mut self,
        docs: Vec<Document>,
        also: impl FnOnce(
            &dateline_store::rusqlite::Transaction,
        ) -> dateline_store::rusqlite::Result<()>,
    ) -> Result<dateline_store::BatchStats, String> {
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        let known = self.store.existing_ids(&ids).map_err(|e| e.to_string())?;
        let pipeline = self.pipeline;
        let coded: Vec<Document> = docs
            .into_par_iter()
            .filter(|d| !known.contains(&d.id))
            .map(|d| pipeline.run_guarded(d))
            .collect();
        for d in &coded {
            if let Some(e) = &d.error {
                tracing::warn!(
                    source = d.source.as_str(),
                    error = e.as_str(),
                    "coding failed"
                );
            }
        }
        let st = self
            .store
            .write_batch_with(&coded, |tx, _| also(tx))
            .map_err(|e| e.to_string())?;
        if st.articles > 0 {
            tracing::info!(
                articles = st.articles,
                events = st.events,
                mentions = st.mentions,
                "stored"
            );
        }
        self.tally.articles += st.articles;
        self.tally.events += st.events;
        Ok(st)
    }

    /// List a folder and ingest its files not ingested yet (or changed since: another size,
    /// time and content hash); forget the rows of files long gone from it.
    fn scan_dir(&mut self, dir: &Path) -> Result<(), String> {
        let mut errors = Vec::new();
        let shown = dir.to_string_lossy().into_owned();
        let files = dateline_read::files::expand(std::slice::from_ref(&shown), &mut errors);
        for e in errors
            .iter()
            .filter(|e| !e.contains("no files to read") && !e.contains("no articles to read"))
        {
            tracing::warn!(
                dir = shown.as_str(),
                error = e.as_str(),
                "folder listing failed"
            );
        }
        for path in &files {
            if self.stopped() {
                return Ok(());
            }
            self.ingest_file(path)?;
        }
        if errors.is_empty() {
            let prefix = if shown.ends_with('/') {
                shown
            } else {
                format!("{shown}/")
            };
            let listed: std::collections::HashSet<String> = files.into_iter().collect();
            let cutoff = state::now() - self.cfg.forget_after.as_secs() as i64;
            state::forget_files(&self.store.conn, &prefix, &listed, cutoff)
                .map_err(db_err(&self.store))?;
        }
        Ok(())
    }

    /// Ingest one folder file unless its row says it was (same size and time, or same bytes):
    /// its articles a batch at a time (a WARC or JSON Lines file streamed, in constant
    /// memory), then its row. Killed half-way, the file is read again and its stored
    /// articles skipped (by id), so none is stored twice.
    fn ingest_file(&mut self, path: &str) -> Result<(), String> {
        let Ok(meta) = std::fs::metadata(path) else {
            return Ok(()); // gone since it was listed or notified
        };
        if !meta.is_file() {
            return Ok(());
        }
        let size = meta.len() as i64;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let seen = state::file_seen(&self.store.conn, path).map_err(db_err(&self.store))?;
        if seen
            .as_ref()
            .is_some_and(|(s, m, _)| *s == size && *m == mtime)
        {
            return Ok(());
        }
        let hash = match file_hash(path) {
            Ok(h) => h,
            Err(e) => {
                tracing::warn!(path, error = &*e.to_string(), "file unreadable");
                return Ok(());
            }
        };
        self.doing(|| format!("reading {path}"), true);
        let mut n = 0;
        let mut errors = Vec::new();
        if seen.as_ref().is_none_or(|(_, _, h)| *h != hash) {
            let opts = ReadOptions::default();
            let files = [path.to_string()];
            dateline_read::for_each_batch(
                &files,
                &opts,
                self.cfg.batch.max(1),
                |items| {
                    let mut docs = Vec::new();
                    for r in items {
                        match r {
                            Ok(d) => docs.push(d),
                            Err(e) => errors.push(e.to_string()),
                        }
                    }
                    n += docs.len();
                    self.store_batch(docs, |_| Ok(())).map(|_| ())
                },
                |_, _| {},
            )?;
        }
        let p = path.to_string();
        self.store_batch(Vec::new(), move |tx| {
            state::file_done(tx, &p, size, mtime, &hash, n)
        })?;
        self.tally.files += 1;
        tracing::info!(path, articles = n, "file read");
        // not read again until it changes; the last error stays in --status
        for e in &errors {
            self.tally.failures += 1;
            tracing::warn!(path, error = e.as_str(), "file failed");
            state::failure(&self.store.conn, path, "file", e, None).map_err(db_err(&self.store))?;
        }
        Ok(())
    }

    /// Write an update now, stamped `secs`.
    pub fn update(&mut self, secs: i64) -> Result<(), String> {
        let Some(dir) = &self.cfg.updates else {
            return Ok(());
        };
        let w = updates::write(&self.store, dir, self.cfg.updates_url.as_deref(), secs)?;
        self.tally.updates += 1;
        tracing::info!(
            stamp = w.stamp.as_str(),
            events = w.events,
            mentions = w.mentions,
            dir = &*dir.to_string_lossy(),
            "update written"
        );
        Ok(())
    }

    pub fn last_update(&self) -> Result<Option<i64>, String> {
        updates::last_stamp(&self.store)
    }

    pub fn requests(&self) -> usize {
        self.fetcher.requests
    }
}

/// Items reordered so that consecutive fetches go to different hosts where they can (one
/// of each host in turn, each host's own order kept): one host's delay is spent fetching
/// from another.
fn interleave_hosts(items: Vec<state::Pending>) -> Vec<state::Pending> {
    let mut hosts: Vec<(String, std::collections::VecDeque<state::Pending>)> = Vec::new();
    for it in items {
        let host = http::split_url(&it.url)
            .map(|(_, h, _)| h)
            .unwrap_or_default();
        match hosts.iter_mut().find(|(h, _)| *h == host) {
            Some((_, q)) => q.push_back(it),
            None => hosts.push((host, std::collections::VecDeque::from([it]))),
        }
    }
    let mut out = Vec::new();
    while hosts.iter().any(|(_, q)| !q.is_empty()) {
        for (_, q) in hosts.iter_mut() {
            out.extend(q.pop_front());
        }
    }
    out
}

/// A failure that trying again will not mend.
fn permanent(url: &str, message: &str) -> http::FetchError {
    http::FetchError {
        url: url.to_string(),
        message: message.to_string(),
        transient: false,
        retry_after: None,
        stopped: false,
    }
}

/// The content hash of a file's bytes (as `dateline_core::hash::hex_id` of them all), read
/// 64 KiB at a time.
fn file_hash(path: &str) -> std::io::Result<String> {
    use dateline_core::hash::{fnv1a, FNV_OFFSET};
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let (mut a, mut b) = (FNV_OFFSET, 0x8422_2325_cbf2_9ce4);
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                a = fnv1a(a, &buf[..n]);
                b = fnv1a(b, &buf[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(format!("{a:016x}{b:016x}"))
}

/// Run until stopped (or one pass with `once`), writing updates on the quarter hours.
/// Returns the run's counts.
pub fn run(
    cfg: &Config,
    pipeline: &dateline_code::Pipeline,
    stop: Arc<AtomicBool>,
) -> Result<Tally, String> {
    report::init(cfg.quiet, cfg.log_format);
    let mut w = Watch::open(cfg, pipeline, stop.clone())?;
    let feeds = feed_list(cfg)?;
    if feeds.is_empty() && cfg.dirs.is_empty() {
        return Err("nothing to watch: give feed URLs, --feeds FILE or --dir DIR".into());
    }
    tracing::info!(
        feeds = feeds.len(),
        folders = cfg.dirs.len(),
        db = &*cfg.db.to_string_lossy(),
        once = cfg.once,
        "watching"
    );
    loop {
        let started = Instant::now();
        w.pass()?;
        if cfg.once {
            if cfg.updates.is_some() && !w.stopped() {
                w.update(state::now())?;
            }
            break;
        }
        // between passes: the quarter hours' updates, the folders' new files
        loop {
            if cfg.updates.is_some() {
                let q = updates::period_start(state::now(), cfg.updates_every);
                if w.last_update()?.is_none_or(|l| l < q) {
                    w.update(q)?;
                }
            }
            w.folder_changes()?;
            if w.stopped() || started.elapsed() >= cfg.interval {
                break;
            }
            let next = cfg.interval.saturating_sub(started.elapsed()).as_secs();
            w.doing(|| format!("next poll in {next}s"), false);
            std::thread::sleep(Duration::from_millis(250).min(cfg.interval));
        }
        if w.stopped() {
            break;
        }
    }
    w.status.clear();
    if w.stopped() {
        tracing::info!("stopped: the batch in hand was stored, the rest stays queued");
    }
    let t = &w.tally;
    tracing::info!(
        feeds_read = t.feeds_read,
        items_new = t.items_new,
        articles = t.articles,
        duplicates = t.duplicates,
        failures = t.failures,
        files = t.files,
        updates = t.updates,
        requests = w.requests(),
        "run ended"
    );
    Ok(w.tally)
}

/// Register SIGTERM and SIGINT to set the returned flag.
pub fn stop_flag() -> Result<Arc<AtomicBool>, String> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, flag.clone())
            .map_err(|e| format!("cannot handle signal {sig}: {e}"))?;
    }
    Ok(flag)
}

/// `5m`, `30s`, `1h`, `30d`, `250ms` or bare seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (num, unit) = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map(|i| t.split_at(i))
        .unwrap_or((t, "s"));
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a duration (5m, 30s, 1h, 30d, 250ms)"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86_400.0,
        _ => return Err(format!("{s:?} is not a duration (5m, 30s, 1h, 30d, 250ms)")),
    };
    // at most a year: a wait is added to the clock, which must not overflow
    if !secs.is_finite() || !(0.0..=31_536_000.0).contains(&secs) {
        return Err(format!("{s:?} is not a duration of at most a year"));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_take_turns() {
        let p = |u: &str| state::Pending {
            url: u.to_string(),
            feed: String::new(),
            published: None,
        };
        let got: Vec<String> = interleave_hosts(vec![
            p("http://a.example/1"),
            p("http://a.example/2"),
            p("http://a.example/3"),
            p("http://b.example/1"),
            p("http://c.example/1"),
            p("http://b.example/2"),
        ])
        .into_iter()
        .map(|i| i.url)
        .collect();
        assert_eq!(
            got,
            [
                "http://a.example/1",
                "http://b.example/1",
                "http://c.example/1",
                "http://a.example/2",
                "http://b.example/2",
                "http://a.example/3"
            ]
        );
    }

    #[test]
    fn item_urls_and_durations() {
        assert_eq!(
            canonical_item_url("https://w.example/a?utm_source=x&id=3#top"),
            "https://w.example/a?id=3"
        );
        assert_eq!(
            canonical_item_url("https://w.example/a?utm_medium=rss"),
            "https://w.example/a"
        );
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert!(parse_duration("soon").is_err());
        assert_eq!(parse_duration("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert!(parse_duration("5w").is_err());
        assert!(parse_duration("366d").is_err());
        assert!(parse_duration("99999999999999999999999h").is_err());
        assert!(parse_duration("1.5.5s").is_err());
    }
}
