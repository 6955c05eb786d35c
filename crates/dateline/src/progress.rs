//! Progress of `read` and `code` on a terminal: a bar on stderr while the output goes to a file
//! or a pipe, redrawn five times a second, and a closing summary line. Silent when stderr is
//! not a terminal (scripts, tests) or when the output itself is on the terminal.

use dateline_core::Document;
use indicatif::{ProgressBar, ProgressStyle};
use std::cell::Cell;
use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

pub(crate) struct RunProgress {
    bar: ProgressBar,
    shown: bool,
    start: Instant,
    articles: Cell<usize>,
    events: Cell<usize>,
    errors: Cell<usize>,
}

impl RunProgress {
    /// A bar over `files` inputs, shown only where it cannot mix with the output.
    pub(crate) fn new(files: usize, output_on_terminal: bool) -> RunProgress {
        let shown = io::stderr().is_terminal() && !output_on_terminal;
        let bar = if shown {
            let b = ProgressBar::new(files as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files · {msg} · ETA {eta}",
            ) {
                b.set_style(style);
            }
            b.enable_steady_tick(Duration::from_millis(200));
            b
        } else {
            ProgressBar::hidden()
        };
        RunProgress {
            bar,
            shown,
            start: Instant::now(),
            articles: Cell::new(0),
            events: Cell::new(0),
            errors: Cell::new(0),
        }
    }

    /// One document written.
    pub(crate) fn document(&self, d: &Document) {
        let add = |c: &Cell<usize>, n: usize| c.set(c.get() + n);
        if d.error.is_some() {
            add(&self.errors, 1);
        } else {
            add(&self.articles, 1);
            add(&self.events, d.events.as_ref().map_or(0, Vec::len));
        }
        if self.shown {
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{} articles ({:.0}/s), {} events, {} errors",
                self.articles.get(),
                self.articles.get() as f64 / secs,
                self.events.get(),
                self.errors.get()
            ));
        }
    }

    /// `n` more input files finished.
    pub(crate) fn files_done(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// A line for the user on stderr, without tearing the bar.
    pub(crate) fn note(&self, line: &str) {
        self.bar.suspend(|| eprintln!("dateline: {line}"));
    }

    /// The bar cleared and, where it was shown, a summary line in its place.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
        if self.shown {
            eprintln!(
                "dateline: {}, {}, {} in {:.1}s",
                count(self.articles.get(), "article"),
                count(self.events.get(), "event"),
                count(self.errors.get(), "error"),
                self.start.elapsed().as_secs_f64()
            );
        }
    }
}

/// Why articles were set aside: not annotated (not in English) or left without events (not
/// political).
#[derive(Clone, Copy)]
pub(crate) enum Reason {
    Language,
    Topic,
}

/// The articles set aside for one reason, counted by language or topic, for a closing note.
pub(crate) struct SetAside {
    reason: Reason,
    by: std::collections::BTreeMap<String, usize>,
}

impl SetAside {
    pub(crate) fn new(reason: Reason) -> SetAside {
        SetAside {
            reason,
            by: Default::default(),
        }
    }

    pub(crate) fn add(&mut self, d: &Document) {
        let key = match self.reason {
            Reason::Language => dateline_code::not_annotated_language(d).map(str::to_string),
            Reason::Topic => dropped_topic(d),
        };
        if let Some(k) = key {
            *self.by.entry(k).or_default() += 1;
        }
    }

    /// "2 articles not in English were not annotated (de 1, fr 1); …", "3 articles judged not
    /// political (markets 1, sports 2): …"; nothing when none was set aside.
    pub(crate) fn note(&self) -> Option<String> {
        let n: usize = self.by.values().sum();
        if n == 0 {
            return None;
        }
        let by: Vec<String> = self.by.iter().map(|(k, c)| format!("{k} {c}")).collect();
        let (articles, by) = (count(n, "article"), by.join(", "));
        Some(match self.reason {
            Reason::Language => format!(
                "{articles} not in English {} not annotated ({by}); --all-languages annotates \
                 them with the English models",
                if n == 1 { "was" } else { "were" }
            ),
            Reason::Topic => format!(
                "{articles} judged not political ({by}): no events coded; --all-topics keeps them"
            ),
        })
    }
}

/// The topic of an article judged not political whose events were dropped ("sports").
fn dropped_topic(d: &Document) -> Option<String> {
    let r = d.relevance.as_ref()?;
    let dropped = !r.political && d.events.as_ref().is_some_and(Vec::is_empty);
    dropped.then(|| {
        r.topic
            .and_then(|t| serde_json::to_value(t).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "other".to_string())
    })
}

/// "1 article", "3 articles".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
