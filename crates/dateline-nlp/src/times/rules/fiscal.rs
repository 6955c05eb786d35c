//! Rules for quarters, halves and fiscal years as news and company reports write them: "the
//! third quarter [of 1984]", "the 1988 second quarter", "next year's first quarter",
//! "third-quarter", "third quarter", "the first half of 1990", "the last two quarters of
//! 2003", "Q3 2018", "3Q18", "Q3", "FY2019", "FY19", "the fiscal year", "the year ended Sept.
//! 30" (twelve months up to a day read on its own), "the quarter", "the latest period", "the
//! year-ago quarter", "the quarter a year ago", "year-earlier" as an adjective.
//!
//! Heuristics:
//! - a bare "Q3" is a quarter only after a word leading to a time ("in Q3"): "the Audi Q3" is
//!   a car; a quarter without a year follows the clause's tense (see `super::fiscal`);
//! - "the quarter", "the latest quarter" is the last one ended before publication (or the
//!   report's own: `quarter_context`); "the current quarter" the publication's; "a quarter of
//!   a mile", "the quarter century" are no quarter;
//! - a company's fiscal year is named by the calendar year it mostly falls in: "the fiscal
//!   year" is the publication's;
//! - "year-earlier" / "year-ago" before a noun is last year (the same quarter of it in a
//!   report), but not before "quarter", "period" or an ordinal, nor "the year-earlier nine
//!   months".

use super::*;

/// "year-earlier" / "year-ago" as an adjective ("year-earlier net income"): last year, or
/// the same quarter of it when a report's quarter is in view (see `quarter_context`)
pub(super) fn year_earlier_adjective(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if matches!(w(0), "year-earlier" | "year-ago")
        && !matches!(
            w(1),
            "quarter" | "period" | "first" | "second" | "third" | "fourth"
        )
        // ("the year-earlier nine months" is a span of its own)
        && (prev != "the" || cx.number(i, 1).is_none() && w(1) != "period's")
    {
        return time(1, TimeKind::Date, a.map(|a| format!("{:04}", a.year - 1)));
    }

    None
}

/// "next year's first quarter" before "next year"
pub(super) fn quarter_of_named_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if matches!(w(0), "this" | "last" | "next") && matches!(w(1), "year's" | "year") {
        let k = if w(1) == "year" && w(2) == "'s" { 3 } else { 2 };
        if let (Some(q), "quarter") = (ordinal_word(w(k)), w(k + 1)) {
            let dy = match w(0) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return time(
                k + 2,
                TimeKind::Date,
                a.map(|a| format!("{:04}-Q{q}", a.year + dy)),
            );
        }
    }

    None
}

/// "the first half of 1990", "the second (last) half of 1989", "the last two quarters of
/// 2003": the half-year
pub(super) fn half_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    {
        let k = usize::from(w(0) == "the");
        let half = match (w(k), w(k + 1), w(k + 2)) {
            ("first", "half", "of") => Some((1, k + 3)),
            ("second" | "last" | "latter", "half", "of") => Some((2, k + 3)),
            ("first", "two", "quarters") if w(k + 3) == "of" => Some((1, k + 4)),
            ("last" | "second", "two", "quarters") if w(k + 3) == "of" => Some((2, k + 4)),
            _ => None,
        };
        if let Some((h, at)) = half {
            if let Some(NamedYear { year: y, len: n }) = year_named(cx, i + at, 6 * h - 5) {
                return time(at + n, TimeKind::Date, Some(format!("{y:04}-H{h}")));
            }
        }
    }

    None
}

/// "third-quarter": a quarter of the publication year (or the last one)
pub(super) fn hyphenated_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let (num, u) = w(0).split_once('-')?;
    if let (Some(q), "quarter") = (ordinal_word(num), u) {
        // (this year's, or last year's if still to come, whatever the tense)
        return time(1, TimeKind::Date, a.map(|a| quarter_value(a, q, None)));
    }

    None
}

/// "the year ended Sept. 30", "the fiscal year ending June 30": the twelve months up to
/// that day (the day is read on its own)
pub(super) fn year_ended(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

    {
        let k = match (w(0), w(1), w(2)) {
            ("the", "year", _) => 2,
            ("the", "fiscal" | "full", "year") => 3,
            _ => 0,
        };
        if k > 0 && matches!(w(k), "ended" | "ending") && raw(k - 1) == "year" {
            return time(k, TimeKind::Duration, Some("P1Y".into()));
        }
    }

    None
}

/// "the quarter a year ago", "the period a year earlier": the same quarter a year back
/// (the report's, in `quarter_context`)
pub(super) fn quarter_a_year_ago(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the"
        && matches!(w(1), "quarter" | "period")
        && (w(2), w(3)) == ("a", "year")
        && matches!(w(4), "ago" | "earlier" | "before")
    {
        let v = a.map(|a| format!("{:04}-Q{}", a.year - 1, (a.month - 1) / 3 + 1));
        return time(5, TimeKind::Date, v);
    }

    None
}

/// "the fiscal year", "the current fiscal year", "this fiscal year": the publication's
/// year (a company's fiscal year is named by the calendar year it mostly falls in)
pub(super) fn fiscal_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    {
        let k = match (w(0), w(1), w(2), w(3)) {
            ("the" | "this", "fiscal", "year", _) => 3,
            ("the", "current", "fiscal", "year") => 4,
            _ => 0,
        };
        if k > 0 {
            return time(k, TimeKind::Date, a.map(|a| format!("{:04}", a.year)));
        }
    }

    None
}

/// "the third quarter [of 1984 | of the year | of next year]": a quarter of the year named, or
/// of the year nearest publication by the clause's tense.
pub(super) fn the_ordinal_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    if let (Some(q), "quarter") = (ordinal_word(w(1)), w(2)) {
        if w(3) == "of" {
            if let Some(NamedYear { year: y, len: n }) = year_named(cx, i + 4, 3 * q - 2) {
                return time(4 + n, TimeKind::Date, Some(format!("{y:04}-Q{q}")));
            }
        }
        return time(
            3,
            TimeKind::Date,
            a.map(|a| quarter_value(a, q, local_tense(cx, i))),
        );
    }

    None
}

/// "the 1988 second quarter": that quarter of that year.
pub(super) fn the_year_ordinal_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    if let (Some(y), Some(q), "quarter") = (year_token(w(1)), ordinal_word(w(2)), w(3)) {
        return time(4, TimeKind::Date, Some(format!("{y:04}-Q{q}")));
    }

    None
}

/// "the 1988 quarter", "the 1989 period": that year (its quarter in a report, see
/// `quarter_context`)
pub(super) fn the_year_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    if let (Some(y), "quarter" | "period") = (year_token(w(1)), w(2)) {
        return time(3, TimeKind::Date, Some(format!("{y:04}")));
    }

    None
}

/// "the year-ago third quarter"
pub(super) fn the_year_ago_ordinal_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    if let ("year-ago" | "year-earlier", Some(q), "quarter") = (w(1), ordinal_word(w(2)), w(3)) {
        let v = a.map(|a| format!("{:04}-Q{q}", quarter_year(a, q, None) - 1));
        return time(4, TimeKind::Date, v);
    }

    None
}

/// A company's report: "the quarter", "the latest quarter" is the last one ended
/// (or the one the report names: see `quarter_context`); "the year-ago quarter" is
/// that quarter a year back; "the current quarter" is the publication date's
pub(super) fn report_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    let (k, back) = match (w(1), w(2), w(3)) {
        ("quarter", _, _) => (2, 0),
        ("latest" | "recent" | "past" | "fiscal", "quarter", _) => (3, 0),
        ("latest", "period", _) => (3, 0),
        ("most", "recent", "quarter") => (4, 0),
        ("year-ago" | "year-earlier", "quarter" | "period", _) => (3, 1),
        ("current", "quarter", _) => (3, -1),
        _ => (0, 0),
    };
    if k > 0 && !(w(1) == "quarter" && matches!(w(2), "of" | "century" | "mile")) {
        let v = a.map(|a| {
            let cur = (a.month - 1) / 3 + 1;
            let (y, q) = match back {
                -1 => (a.year, cur),
                _ if cur == 1 => (a.year - 1 - back, 4),
                _ => (a.year - back, cur - 1),
            };
            format!("{y:04}-Q{q}")
        });
        return time(k, TimeKind::Date, v);
    }

    None
}

/// "third quarter" without an article ("Third-quarter" is read as one word elsewhere)
pub(super) fn ordinal_quarter(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if let (Some(q), "quarter") = (ordinal_word(w(0)), w(1)) {
        return time(
            2,
            TimeKind::Date,
            a.map(|a| quarter_value(a, q, local_tense(cx, i))),
        );
    }

    None
}

/// Words before a bare "Q3" that make it a quarter ("in Q3"; "the Audi Q3" is a car).
const LEADS_TO_A_QUARTER: &[&str] = &[
    "in", "for", "during", "of", "the", "since", "by", "until", "from", "its", "and", "to",
    "through",
];

/// "Q3 2018", "3Q18", "Q3" (the latest such quarter, by the clause's tense): a quarter as
/// reports write it.
pub(super) fn quarter_code(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let r = cx.raw_word(i, 0);
    let (q, short) = match r.as_bytes() {
        [b'Q', q @ b'1'..=b'4']
            if year_token(w(1)).is_some() || LEADS_TO_A_QUARTER.contains(&cx.previous(i)) =>
        {
            (u32::from(q - b'0'), None)
        }
        [q @ b'1'..=b'4', b'Q', y1, y2] if y1.is_ascii_digit() && y2.is_ascii_digit() => {
            (u32::from(q - b'0'), r[2..].parse::<i32>().ok())
        }
        _ => return None,
    };
    let (n, y) = match (short, year_token(w(1))) {
        (Some(yy), _) => (1, Some(two_digit_year(a, yy))),
        (None, Some(y)) => (2, Some(y)),
        (None, None) => (1, None),
    };
    let v = match y {
        Some(y) => Some(format!("{y:04}-Q{q}")),
        None => a.map(|a| quarter_value(a, q, local_tense(cx, i))),
    };
    time(n, TimeKind::Date, v)
}

/// "FY2019", "FY19": a fiscal year as reports write it, named by its calendar year.
pub(super) fn fiscal_year_code(cx: &Ctx, i: usize) -> Option<Reading> {
    let yy = cx
        .raw_word(i, 0)
        .strip_prefix("FY")
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let y = match yy.len() {
        4 => yy.parse::<i32>().ok(),
        2 => yy
            .parse::<i32>()
            .ok()
            .map(|yy| two_digit_year(cx.anchor, yy)),
        _ => None,
    }?;
    time(1, TimeKind::Date, Some(format!("{y:04}")))
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn year_earlier_adjective() {
        check_examples("year_earlier_adjective");
    }

    #[test]
    fn quarter_of_named_year() {
        check_examples("quarter_of_named_year");
    }

    #[test]
    fn half_year() {
        check_examples("half_year");
    }

    #[test]
    fn hyphenated_quarter() {
        check_examples("hyphenated_quarter");
    }

    #[test]
    fn year_ended() {
        check_examples("year_ended");
    }

    #[test]
    fn quarter_a_year_ago() {
        check_examples("quarter_a_year_ago");
    }

    #[test]
    fn fiscal_year() {
        check_examples("fiscal_year");
    }

    #[test]
    fn the_ordinal_quarter() {
        check_examples("the_ordinal_quarter");
    }

    #[test]
    fn the_year_ordinal_quarter() {
        check_examples("the_year_ordinal_quarter");
    }

    #[test]
    fn the_year_quarter() {
        check_examples("the_year_quarter");
    }

    #[test]
    fn the_year_ago_ordinal_quarter() {
        check_examples("the_year_ago_ordinal_quarter");
    }

    #[test]
    fn report_quarter() {
        check_examples("report_quarter");
    }

    #[test]
    fn ordinal_quarter() {
        check_examples("ordinal_quarter");
    }

    #[test]
    fn quarter_code() {
        check_examples("quarter_code");
    }

    #[test]
    fn fiscal_year_code() {
        check_examples("fiscal_year_code");
    }
}
