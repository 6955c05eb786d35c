//! Helpers for the event coder's tests: the bundled pipeline, loaded once, and what it codes
//! in a sentence of our own.

use crate::pipeline::Pipeline;
use dateline_core::{Document, Event};
use std::sync::OnceLock;

/// The bundled pipeline, loaded once for all tests.
pub(crate) fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("the bundled pipeline loads"))
}

/// The events coded in `text`, published on `day`.
pub(crate) fn coded_on(text: &str, day: &str) -> Vec<Event> {
    let mut d = Document::new("t", Default::default(), text.to_string());
    d.article.published = Some(day.into());
    pipeline().run(d).events.unwrap_or_default()
}

/// The events coded in `text`, published on 1 January 2005.
pub(crate) fn coded(text: &str) -> Vec<Event> {
    coded_on(text, "2005-01-01")
}

/// (CAMEO code, source code, target code) of each event coded in `text` ("" for none).
pub(crate) fn dyads(text: &str) -> Vec<(String, String, String)> {
    let code = |a: Option<dateline_core::Actor>| a.and_then(|a| a.code).unwrap_or_default();
    coded(text)
        .into_iter()
        .map(|e| (e.cameo, code(e.source), code(e.target)))
        .collect()
}

/// The CAMEO codes of the events coded in `text`.
pub(crate) fn codes(text: &str) -> Vec<String> {
    dyads(text).into_iter().map(|(c, _, _)| c).collect()
}

/// Whether any code starts with `prefix`.
pub(crate) fn any_code(codes: &[String], prefix: &str) -> bool {
    codes.iter().any(|c| c.starts_with(prefix))
}

/// Assert that some event of `text` has a source code starting with `src` and a target code
/// starting with `tgt` ("" for any, or none).
#[track_caller]
pub(crate) fn assert_dyad(text: &str, src: &str, tgt: &str) {
    let ev = dyads(text);
    assert!(
        ev.iter()
            .any(|(_, s, t)| s.starts_with(src) && t.starts_with(tgt)),
        "{text}: no {src}… -> {tgt}… in {ev:?}"
    );
}

/// Assert that some event of `text` is coded `cameo` (a prefix), from `src` to `tgt` exactly.
#[track_caller]
pub(crate) fn assert_event(text: &str, cameo: &str, src: &str, tgt: &str) {
    let ev = dyads(text);
    assert!(
        ev.iter()
            .any(|(c, s, t)| c.starts_with(cameo) && s == src && t == tgt),
        "{text}: no {cameo}… {src} -> {tgt} in {ev:?}"
    );
}

/// Check `(sentence, CAMEO code)` cases: each sentence must give an event of exactly that
/// code. Every failure is reported, not just the first.
#[track_caller]
pub(crate) fn assert_codes(cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = codes(text);
            (!got.iter().any(|c| c == want)).then(|| format!("{text}: want {want}, got {got:?}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} cases wrong:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}
