//! Temporal expressions (TimeML TIMEX3 types DATE, TIME, DURATION, SET) normalised against the
//! publication date.
//!
//! A document is read sentence by sentence. At every token the [`rules`] table is tried in
//! order and the first rule that reads a time there wins; reading resumes after its words.
//! A rule is tried only at a word its gate lets through (`rules::gate`), one its first
//! condition can accept. Prepositions stay outside the span, as in TimeBank. Around that walk:
//!
//! - [`sentence`]: a sentence as the rules see it (its words, the publication date and whether
//!   the sentence looks ahead at all);
//! - [`word_class`]: what kind of word each token is (a numeral, a unit, a capitalised month
//!   …), read once per sentence for the gates;
//! - [`tense`]: the tense of the clause around a word, and deadlines ("until Tuesday") that are
//!   still to come, which decide the direction of bare weekdays, months and days;
//! - [`numbers`], [`calendar`], [`clock`], [`holidays`]: reading numbers, ordinals and years in
//!   words, calendar units, seasons and parts of the day, clock times, and holidays' dates;
//! - [`fiscal`]: quarters, halves and fiscal years, and the quarter a company report is about,
//!   carried across sentences ([`fiscal::quarter_context`]);
//! - [`anaphora`]: years, months and days named by reference ("that year", "the following
//!   month", "the next morning"), resolved after the walk against the last one the text named.
//!
//! The stages of [`find`], in order: per sentence, the rules' walk ([`sentence_times`]), a
//! clock right after a full date taking that date ([`clock_on_date`]), and the report's quarter
//! ([`fiscal::quarter_context`]); then, over the whole document, times by reference
//! ([`anaphora::resolve`]).

mod anaphora;
mod calendar;
mod clock;
mod fiscal;
mod holidays;
mod numbers;
mod rules;
mod sentence;
mod tense;
mod word_class;
mod words;

use crate::tokens::{Sentence, Token};
use dateline_core::date::Date;
use dateline_core::{TimeExpr, TimeKind};
use sentence::Ctx;

/// Find and normalise the time expressions of one document.
pub fn find(
    body: &str,
    toks: &[Token],
    lower: &[String],
    sents: &[Sentence],
    published: Option<&str>,
) -> Vec<TimeExpr> {
    let anchor = published.and_then(Date::parse_iso);
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut quarter = fiscal::ReportQuarter::default();
    for s in sents {
        let first = out.len();
        let (a, b) = (s.tok_start, s.tok_end);
        sentence_times(body, &toks[a..b], &lower[a..b], anchor, &mut out);
        fiscal::quarter_context(&mut out[first..], &mut quarter, anchor);
    }
    anaphora::resolve(&mut out, anchor);
    out
}

/// The times of one sentence (tokens `st`), appended to `out`: the rules tried at every token,
/// the first that reads a time there winning, and reading going on after its words.
fn sentence_times(
    body: &str,
    st: &[Token],
    lower: &[String],
    anchor: Option<Date>,
    out: &mut Vec<TimeExpr>,
) {
    let cx = Ctx::new(st.iter().map(|t| t.text(body)).collect(), lower, anchor);
    let mut i = 0;
    while i < st.len() {
        let Some(m) = rules::at(&cx, i) else {
            i += 1;
            continue;
        };
        let (a, b) = (st[i].start, st[i + m.len - 1].end);
        let value = if m.kind == TimeKind::Time {
            clock_on_date(body, out.last(), a, m.value)
        } else {
            m.value
        };
        out.push(TimeExpr {
            start: a,
            end: b,
            text: body[a..b].to_string(),
            kind: m.kind,
            value,
        });
        i += m.len;
    }
}

/// A clock right after a full date is on that date ("February 6, 2016 9:33PM", "Sept. 11,
/// 2001, at 8:46 a.m."): the clock's `value`, starting at byte `a`, moved to the day of the
/// time before it (`last`) when only commas, spaces and "at" lie between.
fn clock_on_date(
    body: &str,
    last: Option<&TimeExpr>,
    a: usize,
    value: Option<String>,
) -> Option<String> {
    let day = last.filter(|p| {
        p.kind == TimeKind::Date
            && p.end <= a
            && body[p.end..a]
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| w.is_empty() || w == "at")
    });
    let d = day
        .and_then(|p| p.value.as_deref())
        .filter(|d| d.len() == 10);
    if let (Some(d), Some(v)) = (d, value.as_deref()) {
        if let Some((_, clock)) = v.split_once('T') {
            return Some(format!("{d}T{clock}"));
        }
    }
    value
}

#[cfg(test)]
mod tests;
