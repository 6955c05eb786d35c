//! Events no pattern matched but the text implies.
//!
//! - **A visit implies its host** ([`visit_hosts`]): each visit (042) with a source and a
//!   target adds a hosting (043) the other way round, mode `implied`, rule
//!   `implied:visit-host`, 0.1 less confident.
//! - **"The previous occasion"** ([`previous_occasion`]): a sentence with no match that says
//!   "previous/last/earlier/first/prior occasion/visit/trip/time/meeting" and has a date
//!   repeats the last event before it (not an implied one), dated by that date, rule
//!   `anaphora:previous-occasion`, 0.2 less confident; with no target it takes the target of
//!   an earlier event of the same code and source.

use super::merge::actor_key;
use super::words::EARLIER_WORDS;
use super::{Input, Knowledge};
use dateline_core::{DateSource, Event, EventMode};
use dateline_nlp::Sentence;

/// Add the host of each visit among `events[first..]`.
pub(super) fn visit_hosts(k: &Knowledge, events: &mut Vec<Event>, first: usize) {
    let n = events.len();
    for i in first..n {
        let e = &events[i];
        if e.cameo == "042" && e.source.is_some() && e.target.is_some() {
            let mut h = e.clone();
            std::mem::swap(&mut h.source, &mut h.target);
            h.cameo = "043".into();
            let p = k.ontology.plover_of("043");
            h.plover = p.map(|r| r.kind.clone());
            h.goldstein = k.ontology.goldstein_of("043");
            h.mode = Some(EventMode::Implied);
            h.rule = Some("implied:visit-host".into());
            events.push(h);
        }
    }
}

/// "The last such meeting was in March": the last event before sentence `s` (whose events
/// start at `first`) again, dated by the sentence's date.
pub(super) fn previous_occasion(
    k: &Knowledge,
    events: &mut Vec<Event>,
    first: usize,
    x: &Input,
    s: &Sentence,
    words: &[&str],
) {
    let anaphor = words
        .windows(2)
        .any(|p| EARLIER_WORDS.contains(&p[0]) && k.vocabulary.occasion_nouns.contains(p[1]));
    if !anaphor {
        return;
    }
    let when = x.times.iter().find(|t| {
        t.start >= s.start
            && t.end <= s.end
            && t.kind == dateline_core::TimeKind::Date
            && t.value
                .as_deref()
                .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
    });
    let Some(t) = when else { return };
    let Some(mut e) = events[..first]
        .iter()
        .rev()
        .find(|e| e.mode != Some(EventMode::Implied))
        .cloned()
    else {
        return;
    };
    if e.target.is_none() {
        e.target = events[..first]
            .iter()
            .rev()
            .find(|o| {
                o.cameo == e.cameo
                    && actor_key(&o.source) == actor_key(&e.source)
                    && o.target.is_some()
            })
            .and_then(|o| o.target.clone());
    }
    e.date = t
        .value
        .as_deref()
        .map(|v| dateline_core::date::calendar_part(v).to_string());
    e.date_source = Some(DateSource::Text);
    e.sentence = [s.start, s.end];
    e.evidence = x.body[s.start..s.end].to_string();
    e.rule = Some("anaphora:previous-occasion".into());
    e.trigger = None;
    events.push(e);
}
