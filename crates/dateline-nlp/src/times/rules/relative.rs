//! Rules for times counted from the publication date: "months ago", "three years ago", "two
//! weeks earlier", "a fortnight ago" (in `durations`, with the other counts), "last week", "next
//! month", "last spring", "earlier this year", "the week before last", "the day before last
//! Tuesday", "the week of March 6", "the end of the month", "by year-end", "the end of the
//! year", "for the year", "the summer", "the weekend".
//!
//! Heuristics:
//! - a title in quotes (ABC's "This Week") is no week;
//! - "this past spring" is this year's; "last winter" the one that began last year;
//! - a day either side of a named date reads that date first ("the day after March 3"), and
//!   "last Tuesday" there is read at the weekday with "last" before it;
//! - "since year-end" is the end of last year (unless published on December 31); "year-end
//!   results" is an adjective, no time;
//! - "the year" after "for", "of", "in", "during", "through", "throughout" is the publication's
//!   year ("a high for the year"), but not "the year before", "the year 2000", "the year when";
//! - "the summer" is the latest such season begun by publication, or the next in a clause that
//!   looks ahead ("the fall of Rome" is no season); "the weekend" likewise.

use super::*;

/// "months ago", "years ago" with no number: some units back
pub(super) fn units_ago(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if w(1) == "ago" && w(0).ends_with('s') {
        let bare = number_word(prev).is_none() && !matches!(prev, "few" | "several" | "many");
        if let Some(u) = unit(w(0)).filter(|u| bare && matches!(u, 'D' | 'W' | 'M' | 'Y')) {
            return time(2, TimeKind::Date, Some(format!("PX{u}")));
        }
    }

    None
}

/// "last spring", "next summer", "this past spring": a season counted from publication (last
/// winter is the one that began last year).
pub(super) fn season_by_direction(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let dir = relative_direction(cx, i)?;
    if let Some(s) = season(w(1)) {
        let y = a.map(|a| {
            a.year as i64
                + if dir < 0 && w(1) != "winter" {
                    -1
                } else {
                    dir.max(0)
                }
        });
        return time(2, TimeKind::Date, y.map(|y| format!("{y:04}-{s}")));
    }

    None
}

/// "last week", "next month", "this year", "the coming quarter", "this century": the unit
/// counted from the publication date.
pub(super) fn unit_by_direction(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let dir = relative_direction(cx, i)?;
    if let Some(u) = unit(w(1)).filter(|_| !w(1).ends_with('s')) {
        let v = a.and_then(|a| match u {
            'D' => Some(a.add_days(dir).to_string()),
            'W' => Some(a.add_days(7 * dir).week_value()),
            'K' => Some(format!("{}-WE", a.add_days(7 * dir).week_value())),
            'M' => Some(shift_months(a, dir).to_string()),
            'Y' => Some(format!("{:04}", i64::from(a.year) + dir)),
            'Q' => {
                let YearMonth { year: y, month: m } = shift_months(a, 3 * dir);
                Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
            }
            'E' => Some(format!("{:03}", (i64::from(a.year) / 10) + dir)),
            // "this century": its first two digits (the 1900s are "19")
            'C' => Some(format!("{:02}", (i64::from(a.year) / 100) + dir)),
            _ => None,
        });
        return time(2, TimeKind::Date, v);
    }

    None
}

/// Earlier / later this week|month|year
pub(super) fn earlier_this(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if matches!(w(0), "earlier" | "later") && w(1) == "this" {
        if let Some(u) = unit(w(2)) {
            let v = a.map(|a| match u {
                'W' => a.week_value(),
                'M' => a.month_value(),
                _ => format!("{:04}", a.year),
            });
            return time(3, TimeKind::Date, v);
        }
    }

    None
}

/// "the week before last", "the week after next": two weeks from the publication's
pub(super) fn week_before_last(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if (w(0), w(1)) == ("the", "week")
        && matches!((w(2), w(3)), ("before", "last") | ("after", "next"))
    {
        let dir = if w(2) == "before" { -14 } else { 14 };
        return time(4, TimeKind::Date, a.map(|a| a.add_days(dir).week_value()));
    }

    None
}

/// "the day before last Tuesday", "the day after March 3", "the week of March 6": a day
/// either side of a named date, or its week
pub(super) fn day_either_side(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    {
        let k = usize::from(w(0) == "the");
        let shift = match (w(k), w(k + 1)) {
            ("day", "before") => Some(-1),
            ("day", "after") => Some(1),
            ("week", "of") => Some(0),
            _ => None,
        };
        if let Some(shift) = shift.filter(|_| k == 1 || prev != "the") {
            // ("last Tuesday" is read at the weekday, "last" before it)
            let lead = usize::from(matches!(w(k + 2), "last" | "next" | "this"));
            let named = at(cx, i + k + 2 + lead).and_then(|m| {
                let n = m.len;
                let d = m
                    .value
                    .as_deref()
                    .filter(|v| v.len() == 10)
                    .and_then(Date::parse_iso)?;
                Some((n + lead, d))
            });
            if let Some((n, d)) = named {
                let v = if w(k) == "week" {
                    d.week_value()
                } else {
                    d.add_days(shift).to_string()
                };
                return time(k + 2 + n, TimeKind::Date, Some(v));
            }
        }
    }

    None
}

/// "the end of the month", "the start of this week": that unit of the publication date
pub(super) fn edge_of_unit(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the"
        && matches!(w(1), "end" | "beginning" | "start" | "middle")
        && w(2) == "of"
        && matches!(w(3), "the" | "this")
        && matches!(w(4), "month" | "week")
    {
        let v = a.map(|a| {
            if w(4) == "month" {
                a.month_value()
            } else {
                a.week_value()
            }
        });
        return time(5, TimeKind::Date, v);
    }

    None
}

/// "by year-end", "since year-end": the last day of this year, or of the last one after
/// "since" (not "year-end results", an adjective)
pub(super) fn year_end(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if w(0) == "year-end"
        && matches!(
            prev,
            "by" | "since" | "at" | "until" | "before" | "after" | "around"
        )
        && !w(1).starts_with(char::is_alphanumeric)
    {
        let back = i32::from(prev == "since" && a.is_some_and(|a| (a.month, a.day) != (12, 31)));
        return time(
            1,
            TimeKind::Date,
            a.map(|a| format!("{:04}-12-31", a.year - back)),
        );
    }

    None
}

/// "the end of the year", "year end", "year's end": this year
pub(super) fn end_of_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if (w(0), w(1), w(2), w(3)) == ("the", "end", "of", "the") && w(4) == "year"
        || (w(0), w(1)) == ("year", "end")
        || (w(0), w(1), w(2)) == ("year", "'s", "end")
    {
        let n = match w(0) {
            "the" => 5,
            _ if w(1) == "end" => 2,
            _ => 3,
        };
        return time(n, TimeKind::Date, a.map(|a| format!("{:04}", a.year)));
    }

    None
}

/// "for the year", "a high for the full year", "earlier in the year": the year the story
/// stands in, the publication's (not "the year before", "the year 2000", "the year when")
pub(super) fn the_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);
    let prev = cx.previous(i);

    {
        let k = match (w(0), w(1), w(2), w(3)) {
            ("the", "year", _, _) => 2,
            ("the", "full", "year", _) => 3,
            ("earlier" | "later", "in", "the", "year") => 4,
            _ => 0,
        };
        let open = k == 4
            || matches!(
                prev,
                "for" | "of" | "in" | "during" | "through" | "throughout"
            );
        let after = w(k);
        if k > 0
            && open
            && raw(k - 1) == "year"
            && !matches!(
                after,
                "before" | "after" | "when" | "that" | "in" | "which" | "of" | "'s"
            )
            && number_word(after).is_none()
            && year_token(after).is_none()
        {
            return time(k, TimeKind::Date, a.map(|a| format!("{:04}", a.year)));
        }
    }

    None
}

/// "the summer", "the early summer" (not "the spring of 1994", read above, nor "the fall
/// of Rome"): the latest such season begun by the publication date, or the next one in a
/// clause that looks ahead
pub(super) fn the_season(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the" {
        let k = if matches!(w(1), "early" | "late" | "mid") {
            2
        } else {
            1
        };
        if let Some(s) = season(w(k)).filter(|_| w(k + 1) != "of" && w(k) != "fall") {
            let starts = match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let ahead = local_tense(cx, i) == Some(1);
            let v = a.map(|a| {
                let y = match (ahead, a.month >= starts) {
                    (false, true) | (true, false) => a.year,
                    (false, false) => a.year - 1,
                    (true, true) => a.year + 1,
                };
                format!("{y:04}-{s}")
            });
            return time(k + 1, TimeKind::Date, v);
        }
    }

    None
}

/// "the weekend": the last one, or the next in a clause that looks ahead
pub(super) fn the_weekend(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    if w(0) != "the" {
        return None;
    }
    if w(1) == "weekend" {
        let dir = if local_tense(cx, i) == Some(1) { 1 } else { -1 };
        let v = a.map(|a| format!("{}-WE", weekday_date(a, 5, dir).week_value()));
        return time(2, TimeKind::Date, v);
    }

    None
}

/// "three years ago", "two weeks earlier", "a decade ago" (the year): that many units back
/// from the publication date.
pub(super) fn counted_units_ago(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let durations::Count { n, len: k } = durations::counted(cx, i)?;
    let u = unit(w(k))?;
    if w(k + 1) == "ago" || w(k + 1) == "earlier" {
        let v = a.and_then(|a| match u {
            'D' => Some(a.add_days(-n).to_string()),
            'W' => Some(a.add_days(-7 * n).week_value()),
            'M' => Some(shift_months(a, -n).to_string()),
            'Y' => Some(format!("{:04}", i64::from(a.year) - n)),
            // ("a decade ago": the year; "a century ago" too)
            'E' => Some(format!("{:04}", i64::from(a.year) - 10 * n)),
            'C' => Some(format!("{:04}", i64::from(a.year) - 100 * n)),
            _ => None,
        });
        return time(k + 2, TimeKind::Date, v);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn counted_units_ago() {
        check_examples("counted_units_ago");
    }

    #[test]
    fn units_ago() {
        check_examples("units_ago");
    }

    #[test]
    fn season_by_direction() {
        check_examples("season_by_direction");
    }

    #[test]
    fn unit_by_direction() {
        check_examples("unit_by_direction");
    }

    #[test]
    fn earlier_this() {
        check_examples("earlier_this");
    }

    #[test]
    fn week_before_last() {
        check_examples("week_before_last");
    }

    #[test]
    fn day_either_side() {
        check_examples("day_either_side");
    }

    #[test]
    fn edge_of_unit() {
        check_examples("edge_of_unit");
    }

    #[test]
    fn year_end() {
        check_examples("year_end");
    }

    #[test]
    fn end_of_year() {
        check_examples("end_of_year");
    }

    #[test]
    fn the_year() {
        check_examples("the_year");
    }

    #[test]
    fn the_season() {
        check_examples("the_season");
    }

    #[test]
    fn the_weekend() {
        check_examples("the_weekend");
    }
}
