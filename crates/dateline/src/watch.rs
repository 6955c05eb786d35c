//! The flags of `watch` (the work is in `dateline-watch`).

use crate::VerbArgs;
use clap::{Args, ValueEnum};
use dateline_watch::{http::HttpConfig, parse_duration, report::LogFormat, Config};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args)]
pub struct WatchArgs {
    /// The database file (created if missing).
    #[arg(long, default_value = "dateline.db")]
    db: PathBuf,
    /// Print what the database's watch state says (feeds, last fetches, errors, articles per
    /// hour, the last update) and exit.
    #[arg(long)]
    status: bool,
    /// RSS/Atom feeds or news sitemaps to follow.
    #[arg(value_name = "URL")]
    urls: Vec<String>,
    /// A file listing feeds, one URL a line (`#` starts a comment); read again every pass.
    #[arg(long, value_name = "FILE")]
    feeds: Option<PathBuf>,
    /// A folder whose new files are ingested (any input format): as they come (file-system
    /// notifications), and by a listing every interval and at start.
    #[arg(long = "dir", value_name = "DIR")]
    dirs: Vec<PathBuf>,
    /// Time between passes (5m, 30s, 1h).
    #[arg(long, default_value = "5m", value_parser = parse_duration)]
    interval: Duration,
    /// Write GDELT 2.0-style update files here every 15 minutes (and after a --once pass).
    #[arg(long, value_name = "DIR")]
    updates: Option<PathBuf>,
    /// What masterfilelist.txt and lastupdate.txt put before each file name (the URL the
    /// folder is published at); default: the file name alone.
    #[arg(long, value_name = "URL", requires = "updates")]
    updates_url: Option<String>,
    /// Time between updates, on its multiples of wall-clock time (GDELT's is 15 minutes;
    /// another cadence is for tests and for those who want one).
    #[arg(long, default_value = "15m", value_parser = parse_duration, requires = "updates")]
    updates_every: Duration,
    /// One pass, then exit (for cron and tests).
    #[arg(long)]
    once: bool,
    /// The least time between two requests to one host.
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    delay: Duration,
    /// The most time one request may take, body included.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    timeout: Duration,
    /// The largest body read, in bytes (a longer one is refused; a declared one unread).
    #[arg(long, value_name = "BYTES", default_value_t = 10 << 20)]
    max_bytes: u64,
    /// Retries of a request after a timeout, a connection error, a 5xx or a 429.
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// The first retry's wait inside a request (doubling each time).
    #[arg(long, default_value = "500ms", value_parser = parse_duration)]
    backoff: Duration,
    /// The wait before a failed page or feed is tried again in a later pass (doubling with
    /// each failure, up to a day).
    #[arg(long, default_value = "5m", value_parser = parse_duration)]
    retry_wait: Duration,
    /// Failures after which a page is given up.
    #[arg(long, default_value_t = 5)]
    max_failures: i64,
    /// Pages coded and stored per transaction.
    #[arg(long, default_value_t = 64)]
    batch: usize,
    /// How long items stored or given up are remembered after no feed lists them any more
    /// (30d, 12h; at least 1h), and folder files after they left their folder.
    #[arg(long, default_value = "30d", value_parser = parse_duration)]
    forget_after: Duration,
    /// No log lines.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Log lines when standard error is not a terminal: key=value text or JSON objects.
    #[arg(long, value_enum, default_value = "text")]
    log_format: LogFmt,
    /// Worker threads for coding (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    #[command(flatten)]
    verbs: VerbArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum LogFmt {
    /// `TIME LEVEL dateline_watch: message key=value …`
    Text,
    /// One JSON object a line (`timestamp`, `level`, `message`, the fields).
    Json,
}

pub fn run(args: &WatchArgs) -> Result<usize, String> {
    if args.status {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        dateline_watch::status::print(&args.db, &mut out)?;
        return Ok(0);
    }
    crate::set_jobs(args.jobs)?;
    let cfg = Config {
        db: args.db.clone(),
        feeds_file: args.feeds.clone(),
        feeds: args.urls.clone(),
        dirs: args.dirs.clone(),
        // a floor: a zero interval would poll without pause
        interval: args.interval.max(Duration::from_secs(1)),
        updates: args.updates.clone(),
        updates_url: args.updates_url.clone(),
        updates_every: args.updates_every.as_secs().max(1) as i64,
        once: args.once,
        http: HttpConfig {
            delay: args.delay,
            timeout: args.timeout,
            max_bytes: args.max_bytes,
            retries: args.retries,
            backoff: args.backoff,
            ..HttpConfig::default()
        },
        batch: args.batch.max(1),
        retry_wait: args.retry_wait,
        max_failures: args.max_failures.max(1),
        // a floor: an item forgotten as soon as it is stored would be fetched every pass
        forget_after: args.forget_after.max(Duration::from_secs(3600)),
        quiet: args.quiet,
        log_format: match args.log_format {
            LogFmt::Text => LogFormat::Text,
            LogFmt::Json => LogFormat::Json,
        },
    };
    // checked before the pipeline loads: a bad feeds file fails at once
    dateline_watch::feed_list(&cfg)?;
    let stop = dateline_watch::stop_flag()?;
    let pipeline: &'static dateline_code::Pipeline =
        Box::leak(Box::new(crate::pipeline(&args.verbs)?));
    let t = dateline_watch::run(&cfg, pipeline, stop)?;
    // a pass reports its failures in its exit code; a service stopped cleanly exits 0 (its
    // failures are in the log and in --status)
    Ok(if args.once { t.failures } else { 0 })
}
