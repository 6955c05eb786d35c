//! Merging reports of one event inside the article ([`merge`]): same code, same negation,
//! same source, same or missing target, compatible dates (equal, or one only the article's)
//! and the same mode; events repeated by anaphora ("the previous
//! occasion") are never merged. An undated report joins a dated one rather than the other way
//! round. The merged event keeps the first evidence, a target if either has one, the date of
//! the best source (the clause's text, then a reference, then the article), and the most
//! specific place; its confidence is computed afterwards (`confidence`).

use super::placing::specificity;
use dateline_core::{Actor, DateSource, Event, EventPlace};

/// An actor's identity for comparing events: its code, else its canonical name, else its
/// text ("" for none).
pub(super) fn actor_key(a: &Option<Actor>) -> String {
    match a {
        Some(a) => a
            .code
            .clone()
            .or(a.canonical.clone())
            .unwrap_or_else(|| a.text.clone()),
        None => String::new(),
    }
}

fn anaphoric(x: &Event) -> bool {
    x.rule
        .as_deref()
        .is_some_and(|r| r.starts_with("anaphora:"))
}

/// Whether two reports can be one event.
fn compatible(o: &Event, e: &Event) -> bool {
    let article = Some(DateSource::Article);
    !anaphoric(o)
        && !anaphoric(e)
        && o.cameo == e.cameo
        && o.negated == e.negated
        && actor_key(&o.source) == actor_key(&e.source)
        && (actor_key(&o.target) == actor_key(&e.target)
            || o.target.is_none()
            || e.target.is_none())
        && (o.date == e.date || o.date_source == article || e.date_source == article)
        && o.mode == e.mode
}

/// A date the clause gives beats one reached by reference, which beats the article's.
fn date_rank(x: &Event) -> u8 {
    match x.date_source {
        Some(DateSource::Text) => 2,
        Some(DateSource::Reference) => 1,
        _ => 0,
    }
}

/// Whether place `b` is better than `a`: one where there was none, or a more specific one.
fn better_place(a: &Option<EventPlace>, b: &Option<EventPlace>) -> bool {
    match (a, b) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => specificity(y.feature.as_deref()) < specificity(x.feature.as_deref()),
        _ => false,
    }
}

/// Report `e` merged into the earlier report `o` of the same event.
fn absorb(o: &mut Event, e: &Event) {
    if o.target.is_none() {
        o.target = e.target.clone();
    }
    if date_rank(e) > date_rank(o) {
        o.date = e.date.clone();
        o.date_source = e.date_source;
    }
    if better_place(&o.place, &e.place) {
        o.place = e.place.clone();
    }
}

/// Merge reports of one event inside the article (see the module's doc).
pub(super) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        // an undated report joins a dated one rather than the other way round
        let pos = out
            .iter()
            .position(|o| compatible(o, &e) && o.date_source == Some(DateSource::Text))
            .or_else(|| out.iter().position(|o| compatible(o, &e)));
        match pos {
            Some(i) => absorb(&mut out[i], &e),
            None => out.push(e),
        }
    }
    out
}
