//! Dating events.
//!
//! - **In the clause** ([`Coder::date_for`]): the time expression (a DATE or TIME with a
//!   value) within 600 bytes of the trigger in the same comma segment, with no clause word
//!   ("said", "which", "after", "since" …) between, and not governed by "since", "until",
//!   "before" or "by"; the nearest wins; else one opening the sentence; else the article's
//!   date. `date_source` says `text` or `article`.
//! - **By reference** ([`dated_by_reference`]): an event dated only by the article whose
//!   sentence names its event by a definite noun ("the meeting", "that summit", "the two-hour
//!   attack") takes the date of the last sentence up to six back that named or coded an event
//!   of that kind with a day; `date_source` says `reference`. The noun must set the scene
//!   ("At the meeting", "During the talks") or be the subject just before the trigger ("The
//!   attack killed"); "the next meeting", "a meeting", "meetings", "video of the shooting"
//!   refer to no earlier event. Kinds: meetings, attacks and fighting, protests, votes,
//!   arrests.
//! - **Done acts are not in the future** ([`done_acts_are_not_in_the_future`]): an event
//!   reported as done (asserted, implied by one, or alleged) whose date from the text begins
//!   after the article was published takes the article's date instead — "visited Uganda in
//!   March" in a February story is last March, which the time expression alone read as next;
//!   "will miss its 2030 targets" dates no act.

use super::coder::Coder;
use super::vocabulary::Occasion;
use super::words::{CLAUSE_WORDS, DEFINITE_DETERMINERS, TIME_LIMITS};
use super::{Input, Vocabulary};
use dateline_core::date::{calendar_part, span, Date};
use dateline_core::{DateSource, Event, EventMode, TimeExpr};
use dateline_nlp::Sentence;
use std::collections::HashMap;

/// Rule "done acts are not in the future" (see the module notes): the date and its source for
/// an event of `mode` dated `date` from `source`, in an article published on day `published`.
pub(super) fn done_acts_are_not_in_the_future(
    date: Option<String>,
    source: DateSource,
    mode: EventMode,
    published: Option<i64>,
    article_date: Option<&str>,
) -> (Option<String>, DateSource) {
    let done = matches!(
        mode,
        EventMode::Asserted | EventMode::Implied | EventMode::Alleged
    );
    let later = date
        .as_deref()
        .and_then(span)
        .map(|(first, _)| first.to_days())
        .zip(published)
        .is_some_and(|(d, p)| d > p);
    if done && source == DateSource::Text && later {
        (
            article_date.map(|p| calendar_part(p).to_string()),
            DateSource::Article,
        )
    } else {
        (date, source)
    }
}

/// An event's date and where it came from.
pub(super) struct EventDate {
    pub(super) date: Option<String>,
    pub(super) source: DateSource,
}

impl Coder<'_, '_> {
    /// The date of an event triggered at token `trig` of sentence `s`, and where it came
    /// from.
    pub(super) fn date_for(&self, s: &Sentence, trig: usize) -> EventDate {
        let body = self.x.body;
        let trig_b = self.x.tokens[trig].start;
        // (time expressions within 600 bytes of the trigger, as for places)
        let (lo, hi) = (
            s.start.max(trig_b.saturating_sub(600)),
            s.end.min(trig_b + 600),
        );
        let ts: Vec<&TimeExpr> = dateline_core::starting_in(self.x.times, |t| t.start, lo, hi)
            .iter()
            .filter(|t| t.end <= s.end && t.kind.is_anchored())
            .filter(|t| {
                t.value
                    .as_deref()
                    .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
            })
            .collect();
        // same comma segment as the trigger, not introduced by "since"/"after"/"before"
        let seg = |b: usize| {
            let (a, z) = if b < trig_b { (b, trig_b) } else { (trig_b, b) };
            let gap = &body[a..z];
            // a comma, or a new clause ("... and said the talks would resume in April")
            !gap.contains([',', ';'])
                && !gap
                    .split_whitespace()
                    .any(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
        };
        let governed = |t: &TimeExpr| !TIME_LIMITS.contains(&word_before_time(body, s, t).as_str());
        let best = ts
            .iter()
            .filter(|t| seg(t.start) && governed(t))
            .min_by_key(|t| t.start.abs_diff(trig_b))
            .or_else(|| {
                ts.iter().find(|t| {
                    t.start < trig_b && body[s.start..t.start].split_whitespace().count() <= 1
                })
            });
        match best {
            Some(t) => EventDate {
                date: t.value.as_deref().map(|v| calendar_part(v).to_string()),
                source: DateSource::Text,
            },
            None => EventDate {
                date: self.x.published.map(|p| calendar_part(p).to_string()),
                source: DateSource::Article,
            },
        }
    }
}

/// The word before a time expression in its sentence, in lower case ("since" of "since
/// 2011"): what it says of whether the time dates the sentence's acts.
pub(super) fn word_before_time(body: &str, s: &Sentence, t: &TimeExpr) -> String {
    body[s.start..t.start]
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The kind of event (as data/events/event-nouns.tsv names them) a CAMEO code is:
/// consultations, assaults and fighting, protests, arrests.
fn event_code_kind(cameo: &str) -> Option<Occasion> {
    match cameo.get(..2)? {
        "04" => Some(Occasion::Meeting),
        "18" | "19" | "20" => Some(Occasion::Attack),
        "14" => Some(Occasion::Protest),
        _ if cameo.starts_with("173") => Some(Occasion::Arrest),
        _ => None,
    }
}

/// A definite reference to an event in a sentence.
struct Reference {
    kind: Occasion,
    /// the noun's token, relative to the sentence
    at: usize,
    /// whether it sets the scene of the whole sentence: "At the meeting, …", "During the
    /// talks …"
    scene: bool,
}

/// A day given to a kind of event, and the sentence (its index) that gave it.
#[derive(Debug, Clone)]
struct Dated {
    day: String,
    sentence: usize,
}

/// Per kind of event: the day last given to it.
type DatedKinds = [Option<Dated>; Occasion::ALL];

/// A day a sentence names, and where (a byte offset).
struct OwnDate {
    at: usize,
    day: String,
}

/// A sentence's own dates: a day or finer, not after "since", "until", "before", "by",
/// "after".
fn own_dates(x: &Input, s: &Sentence) -> Vec<OwnDate> {
    dateline_core::starting_in(x.times, |t| t.start, s.start, s.end)
        .iter()
        .filter(|t| t.end <= s.end && t.kind.is_anchored())
        .filter(|t| {
            let w = word_before_time(x.body, s, t);
            !TIME_LIMITS.contains(&w.as_str()) && w != "after"
        })
        .filter_map(|t| {
            let v = t.value.as_deref()?.split('T').next()?;
            (v.len() == 10 && Date::parse_iso(v).is_some()).then(|| OwnDate {
                at: t.start,
                day: v.to_string(),
            })
        })
        .collect()
}

/// The sentence's definite references to an event; a noun of an event kind near one of the
/// sentence's own dates dates that kind instead.
fn definite_references(
    v: &Vocabulary,
    x: &Input,
    s: &Sentence,
    si: usize,
    words: &[String],
    own: &[OwnDate],
    dated: &mut DatedKinds,
) -> Vec<Reference> {
    let mut refs = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let Some(kind) = v.occasion(w) else {
            continue;
        };
        let at = x.tokens[s.tok_start + k].start;
        if let Some(d) = own.iter().min_by_key(|d| d.at.abs_diff(at)) {
            dated[kind.index()] = Some(Dated {
                day: d.day.clone(),
                sentence: si,
            });
            continue;
        }
        // "the meeting", "that summit", "the two-hour meeting" (up to two words between)
        let det = (k.saturating_sub(3)..k)
            .rev()
            .find(|&j| DEFINITE_DETERMINERS.contains(&words[j].as_str()));
        let Some(j) = det.filter(|&j| {
            words[j + 1..k]
                .iter()
                .all(|m| !v.other_event.contains(m) && m.chars().any(char::is_alphanumeric))
        }) else {
            continue;
        };
        let before = if j > 0 { words[j - 1].as_str() } else { "" };
        let scene = matches!(before, "at" | "during" | "in" | "amid");
        // (a subject opens its clause: not "footage of the encounter")
        let opens = matches!(before, "" | "," | ";" | ":" | "and" | "but");
        if scene || opens {
            refs.push(Reference { kind, at: k, scene });
        }
    }
    refs
}

/// Events dated only by the article ("At the meeting, the two leaders signed a pact") whose
/// sentence names its event by a definite noun take the date of the last sentence up to six
/// back that named an event of that kind with a date (see the module's doc).
pub(super) fn dated_by_reference(v: &Vocabulary, events: &mut [Event], x: &Input) {
    // each sentence's events, by the sentence's start (one pass, not one per sentence)
    let mut of_sentence: HashMap<usize, Vec<usize>> = Default::default();
    for (k, e) in events.iter().enumerate() {
        of_sentence.entry(e.sentence[0]).or_default().push(k);
    }
    let mut dated: DatedKinds = Default::default();
    for (si, s) in x.sentences.iter().enumerate() {
        // the sentence's words in lower case
        let words = &x.lower[s.tok_start..s.tok_end];
        let own = own_dates(x, s);
        let refs = definite_references(v, x, s, si, words, &own, &mut dated);
        let mine: Vec<usize> = of_sentence
            .get(&s.start)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&k| events[k].sentence == [s.start, s.end])
            .collect();
        // events the sentence dates by its own words date their kind ("Rebels attacked a
        // base on Sunday" for "the attack")
        for e in mine
            .iter()
            .map(|&k| &events[k])
            .filter(|e| e.date_source == Some(DateSource::Text))
        {
            let day = e.date.as_deref().filter(|d| d.len() == 10);
            if let (Some(kind), Some(d)) = (event_code_kind(&e.cameo), day) {
                dated[kind.index()] = Some(Dated {
                    day: d.to_string(),
                    sentence: si,
                });
            }
        }
        if !own.is_empty() {
            continue;
        }
        date_by_references(events, x, s, si, &mine, &refs, &mut dated);
    }
}

/// Date the sentence's events dated only by the article by a reference that sets the scene,
/// or by one that is the subject just before its trigger ("The two-hour attack killed 12
/// soldiers"); not by one that is only an argument ("video of the shooting").
fn date_by_references(
    events: &mut [Event],
    x: &Input,
    s: &Sentence,
    si: usize,
    mine: &[usize],
    refs: &[Reference],
    dated: &mut DatedKinds,
) {
    let mut used: Option<(Occasion, String)> = None;
    let sentence_tokens = &x.tokens[s.tok_start..s.tok_end];
    for &k in mine {
        let e = &mut events[k];
        if e.date_source != Some(DateSource::Article) {
            continue;
        }
        let trig = e.trigger.and_then(|[b, _]| {
            let t = sentence_tokens.partition_point(|t| t.start < b);
            (sentence_tokens.get(t)?.start == b).then_some(t)
        });
        let governs = |r: &Reference| r.scene || trig.is_some_and(|t| t > r.at && t - r.at <= 3);
        let dated_ref = refs.iter().filter(|r| governs(r)).find_map(|r| {
            dated[r.kind.index()]
                .clone()
                .filter(|d| si - d.sentence <= 6)
                .map(|d| (r.kind, d.day))
        });
        if let Some((kind, d)) = dated_ref {
            e.date = Some(d.clone());
            e.date_source = Some(DateSource::Reference);
            used = Some((kind, d));
        }
    }
    if let Some((kind, d)) = used {
        dated[kind.index()] = Some(Dated {
            day: d,
            sentence: si,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testing::coded_on;
    use dateline_core::DateSource;

    /// (date, date source) of each event of `text` published on 10 February 2021.
    fn dated_in_february(text: &str) -> Vec<(Option<String>, Option<DateSource>)> {
        coded_on(text, "2021-02-10")
            .into_iter()
            .map(|e| (e.date, e.date_source))
            .collect()
    }

    #[test]
    fn a_done_act_is_not_dated_after_its_report() {
        let article = (Some("2021-02-10".to_string()), Some(DateSource::Article));
        // "March" read forward from February: the visit is done, so not next March
        let got = dated_in_february("Kenyan traders visited Uganda in March.");
        assert!(
            !got.is_empty() && got.iter().all(|d| *d == article),
            "{got:?}"
        );
        // a year that is a target, not the act's date
        let got = dated_in_february("Uganda attacked rebel camps in 2030, officials said.");
        assert!(
            !got.is_empty() && got.iter().all(|d| *d == article),
            "{got:?}"
        );
        // a date before the report stays
        let got = dated_in_february("Kenya attacked rebel camps in January.");
        assert_eq!(
            got,
            vec![(Some("2021-01".to_string()), Some(DateSource::Text))]
        );
        // what is announced for later keeps its later date
        let got = dated_in_february("Ghana will send troops to Mali in March.");
        assert!(
            got.iter()
                .any(|d| d.0.as_deref() == Some("2021-03") && d.1 == Some(DateSource::Text)),
            "{got:?}"
        );
    }

    /// (code, date, date source) of the events of `body`, published on Thursday 14 March
    /// 2024.
    fn dated(body: &str) -> Vec<(String, Option<String>, Option<DateSource>)> {
        coded_on(body, "2024-03-14")
            .into_iter()
            .map(|e| (e.cameo, e.date, e.date_source))
            .collect()
    }

    #[test]
    fn the_meeting_takes_the_date_of_the_talks_before() {
        let ev = dated(
            "Ghana's President John Mahama held talks with Togo's President Faure Gnassingbe \
             in Lome on Monday. At the meeting, Mahama praised Gnassingbe.",
        );
        let praise = ev
            .iter()
            .find(|(c, _, _)| c == "051")
            .expect("praise coded");
        assert_eq!(praise.1.as_deref(), Some("2024-03-11"), "{ev:?}");
        assert_eq!(praise.2, Some(DateSource::Reference));
    }

    #[test]
    fn an_event_coded_earlier_dates_its_kind() {
        let ev = dated(
            "Militants attacked a police post on Sunday. The night-long attack killed 11 soldiers.",
        );
        let killing = ev
            .iter()
            .find(|(c, _, _)| c == "1823")
            .expect("killing coded");
        assert_eq!(killing.1.as_deref(), Some("2024-03-10"), "{ev:?}");
    }

    #[test]
    fn during_the_fighting_sets_the_scene() {
        let ev = dated(
            "Militants attacked a police post on Sunday. During the fighting, soldiers killed 14 militants.",
        );
        assert!(
            ev.iter().any(|(c, d, s)| c.starts_with("19")
                && d.as_deref() == Some("2024-03-10")
                && *s == Some(DateSource::Reference)),
            "{ev:?}"
        );
    }

    #[test]
    fn the_next_meeting_is_another_one() {
        let ev = dated(
            "Mahama held talks with Gnassingbe on Monday. At the next meeting, Mahama will praise Gnassingbe.",
        );
        assert!(
            ev.iter()
                .filter(|(c, _, _)| c != "040")
                .all(|(_, _, s)| *s != Some(DateSource::Reference)),
            "{ev:?}"
        );
    }
}
