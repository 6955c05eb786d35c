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

/// The articles left unannotated because they are not in English, by language.
#[derive(Default)]
pub(crate) struct Languages(std::collections::BTreeMap<String, usize>);

impl Languages {
    pub(crate) fn add(&mut self, d: &Document) {
        if let Some(lang) = dateline_code::not_annotated_language(d) {
            *self.0.entry(lang.to_string()).or_default() += 1;
        }
    }

    /// "2 articles not in English were not annotated (fr 1, ru 1): --all-languages …".
    pub(crate) fn note(&self) -> Option<String> {
        let n: usize = self.0.values().sum();
        (n > 0).then(|| {
            let by: Vec<String> = self.0.iter().map(|(l, k)| format!("{l} {k}")).collect();
            format!(
                "{} not in English {} not annotated ({}); --all-languages annotates them \
                 with the English models",
                count(n, "article"),
                if n == 1 { "was" } else { "were" },
                by.join(", ")
            )
        })
    }
}

/// The articles judged not political, by topic, whose events were dropped.
#[derive(Default)]
pub(crate) struct Topics(std::collections::BTreeMap<String, usize>);

impl Topics {
    pub(crate) fn add(&mut self, d: &Document) {
        let Some(r) = &d.relevance else { return };
        let dropped = !r.political && d.events.as_ref().is_some_and(Vec::is_empty);
        if dropped {
            let topic = r.topic.map_or("other".to_string(), |t| {
                serde_json::to_value(t)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            });
            *self.0.entry(topic).or_default() += 1;
        }
    }

    /// "3 articles judged not political (markets 1, sports 2): their events dropped; …".
    pub(crate) fn note(&self) -> Option<String> {
        let n: usize = self.0.values().sum();
        (n > 0).then(|| {
            let by: Vec<String> = self.0.iter().map(|(t, k)| format!("{t} {k}")).collect();
            format!(
                "{} judged not political ({}): no events coded; --all-topics keeps them",
                count(n, "article"),
                by.join(", ")
            )
        })
    }
}

/// "1 article", "3 articles".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
