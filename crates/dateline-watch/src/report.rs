//! What `dateline watch` says while it runs. Its events are `tracing` events with fields
//! (`feed`, `url`, `items`, `new`, `articles` …; text values recorded as `&str`, so that the
//! text format quotes and escapes them and JSON makes them strings: no value from the network
//! breaks a line). Not on a terminal they are written to standard error as structured lines —
//! `key=value` text (`--log-format text`, the default) or one JSON object a line
//! (`--log-format json`) — for a service manager's journal or a log collector. On a terminal the same events are short human lines, and a status line under
//! them says what the run is doing (a feed being read, pages being fetched, the next poll),
//! rewritten in place.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tracing_subscriber::fmt::MakeWriter;

/// How log lines are written when standard error is not a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// `TIME LEVEL dateline_watch: message key=value …`
    #[default]
    Text,
    /// One JSON object a line: `timestamp`, `level`, `message` and the event's fields.
    Json,
}

/// Whether a status line is on screen (a log line clears it first).
static STATUS_SHOWN: AtomicBool = AtomicBool::new(false);

/// Standard error, with the status line cleared before each log line on a terminal.
struct Stderr {
    terminal: bool,
}

impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut e = std::io::stderr().lock();
        if self.terminal && STATUS_SHOWN.swap(false, Ordering::Relaxed) {
            e.write_all(b"\r\x1b[K")?;
        }
        e.write_all(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

#[derive(Clone, Copy)]
struct MakeStderr {
    terminal: bool,
}

impl<'a> MakeWriter<'a> for MakeStderr {
    type Writer = Stderr;
    fn make_writer(&'a self) -> Stderr {
        Stderr {
            terminal: self.terminal,
        }
    }
}

/// Install the log subscriber for this process: none with `quiet` (events are dropped), human
/// lines on a terminal, `format` otherwise. A second call changes nothing.
pub fn init(quiet: bool, format: LogFormat) {
    if quiet {
        return;
    }
    let terminal = std::io::stderr().is_terminal();
    let builder = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .with_writer(MakeStderr { terminal });
    // an error means a subscriber is installed already (a second run in one process)
    let _ = match (terminal, format) {
        (true, _) => builder.compact().with_target(false).try_init(),
        (false, LogFormat::Text) => builder.try_init(),
        (false, LogFormat::Json) => builder.json().flatten_event(true).try_init(),
    };
}

/// A value from the network (a URL) made safe for the status line: control characters
/// written as escapes, so that no feed can move the cursor or forge a line.
pub fn safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The status line of a run on a terminal: what it stored, what it is doing.
pub struct StatusLine {
    on: bool,
    last: Option<Instant>,
}

impl StatusLine {
    /// A status line when standard error is a terminal (and the run is not quiet).
    pub fn new(quiet: bool) -> StatusLine {
        StatusLine {
            on: !quiet && std::io::stderr().is_terminal(),
            last: None,
        }
    }

    /// Show `line` (at most five times a second unless `now`).
    pub fn show(&mut self, line: impl FnOnce() -> String, now: bool) {
        if !self.on
            || (!now
                && self
                    .last
                    .is_some_and(|t| t.elapsed() < Duration::from_millis(200)))
        {
            return;
        }
        self.last = Some(Instant::now());
        let mut e = std::io::stderr().lock();
        let _ = write!(e, "\r\x1b[K{}", line());
        let _ = e.flush();
        STATUS_SHOWN.store(true, Ordering::Relaxed);
    }

    /// Clear the line (at the end of the run).
    pub fn clear(&mut self) {
        if self.on && STATUS_SHOWN.swap(false, Ordering::Relaxed) {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

/// The words of a status line: counts of the run and what it does now.
pub fn status_text(t: &crate::Tally, doing: &str) -> String {
    format!(
        "{} articles, {} events, {} duplicates, {} failures, {} files · {doing}",
        t.articles, t.events, t.duplicates, t.failures, t.files
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_text_cannot_break_the_status_line() {
        assert_eq!(safe("http://a.example/x"), "http://a.example/x");
        assert_eq!(
            safe("http://a.example/x\n2026 INFO forged"),
            "http://a.example/x\\n2026 INFO forged"
        );
        assert_eq!(safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        let t = crate::Tally {
            articles: 3,
            failures: 1,
            ..Default::default()
        };
        assert_eq!(
            status_text(&t, "next poll in 42s"),
            "3 articles, 0 events, 0 duplicates, 1 failures, 0 files · next poll in 42s"
        );
    }
}
