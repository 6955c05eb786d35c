//! Rules for deictic times, read from the publication date or naming no date at all: "today",
//! "yesterday", "tonight", "now", "recently", "current", "this morning", "last night",
//! "mid-afternoon yesterday", "by mid afternoon", "these days" (now), "the then current" (a
//! present of the past), "will one day", "the near future", "a later date", "the future" and
//! "the past" (TimeML's `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`).
//!
//! Heuristics:
//! - "previously" and "formerly" order events and name no time: left out, as TimeML does;
//! - "current" and "recent" are times only when no unit follows ("the current quarter" is read
//!   as a quarter);
//! - "one day" is a time to come only after a modal ("will one day be");
//! - "the past two months" is a duration, read from "two", not the vague past.

use super::*;

/// "mid-afternoon yesterday", "late morning today": that part of that day
pub(super) fn part_of_named_day(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let ad = |n: i64| a.map(|a| a.add_days(n).to_string());

    let part = w(0)
        .strip_prefix("mid-")
        .or_else(|| w(0).strip_prefix("late-"))
        .or_else(|| w(0).strip_prefix("early-"))
        .unwrap_or(w(0));
    if let Some(p) = part_of_day(part) {
        let day = match w(1) {
            "yesterday" => Some(-1),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(n) = day {
            return time(2, TimeKind::Time, ad(n).map(|d| format!("{d}T{p}")));
        }
    }

    None
}

/// "by mid afternoon", "early morning tomorrow": a part of the publication day, or of the
/// day named after it
pub(super) fn part_of_day_with_edge(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let ad = |n: i64| a.map(|a| a.add_days(n).to_string());
    let prev = cx.previous(i);

    if matches!(w(0), "mid" | "late" | "early") {
        if let Some(p) = part_of_day(w(1)) {
            let day = match w(2) {
                "yesterday" => Some((3, -1)),
                "today" => Some((3, 0)),
                "tomorrow" => Some((3, 1)),
                _ if matches!(
                    prev,
                    "by" | "at" | "until" | "before" | "after" | "around" | "since"
                ) =>
                {
                    Some((2, 0))
                }
                _ => None,
            };
            if let Some((n, d)) = day {
                return time(n, TimeKind::Time, ad(d).map(|d| format!("{d}T{p}")));
            }
        }
    }

    None
}

/// "will one day be": some day to come
pub(super) fn one_day(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if (w(0), w(1)) == ("one", "day") && MODALS.contains(&prev) {
        return time(2, TimeKind::Date, Some("FUTURE_REF".into()));
    }

    None
}

/// "these days": now
pub(super) fn these_days(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if (w(0), w(1)) == ("these", "days") {
        return time(2, TimeKind::Date, Some("PRESENT_REF".into()));
    }

    None
}

/// "the then current price": a present of the past
pub(super) fn then_current(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if w(0) == "then" && w(1) == "current" || w(0) == "then-current" {
        let n = if w(0) == "then" { 2 } else { 1 };
        return time(n, TimeKind::Date, Some("PAST_REF".into()));
    }

    None
}

/// Deictic words: "today", "yesterday", "tomorrow", "tonight", "now", "recently", and the
/// adjectives TimeML marks too ("current", "recent") when no unit follows.
pub(super) fn deictic_word(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let ad = |n: i64| a.map(|a| a.add_days(n).to_string());
    match w(0) {
        "today" => return time(1, TimeKind::Date, ad(0)),
        "yesterday" => return time(1, TimeKind::Date, ad(-1)),
        "tomorrow" => return time(1, TimeKind::Date, ad(1)),
        "tonight" => return time(1, TimeKind::Time, a.map(|a| format!("{a}TNI"))),
        "now" | "currently" | "nowadays" => {
            return time(1, TimeKind::Date, Some("PRESENT_REF".into()))
        }
        // ("previously" and "formerly" order events and name no time: TimeML leaves them)
        "recently" => return time(1, TimeKind::Date, Some("PAST_REF".into())),
        // the adjectives TimeML marks too ("current", "recent") when no unit follows
        "current" if unit(w(1)).is_none() => {
            return time(1, TimeKind::Date, Some("PRESENT_REF".into()))
        }
        "recent" if unit(w(1)).is_none() => {
            return time(1, TimeKind::Date, Some("PAST_REF".into()))
        }
        _ => {}
    }
    None
}

/// "this morning", "this evening": that part of the publication day.
pub(super) fn this_part_of_day(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "this" {
        if let Some(p) = part_of_day(w(1)) {
            return time(2, TimeKind::Time, a.map(|a| format!("{a}T{p}")));
        }
    }

    None
}

/// "last night": the night before the publication day
pub(super) fn last_night(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "last" && w(1) == "night" {
        return time(
            2,
            TimeKind::Time,
            a.map(|a| format!("{}TNI", a.add_days(-1))),
        );
    }

    None
}

/// "the near future", "the near term"
pub(super) fn near_future(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the"
        && matches!(w(1), "near" | "short" | "long")
        && matches!(w(2), "future" | "term")
    {
        return time(3, TimeKind::Date, Some("FUTURE_REF".into()));
    }

    None
}

/// "at a later date", "a future date"
pub(super) fn later_date(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if w(0) == "a" && matches!(w(1), "later" | "future") && w(2) == "date" {
        return time(3, TimeKind::Date, Some("FUTURE_REF".into()));
    }

    None
}

/// "the future", "the past" (but "the past two months" is a duration, read from "two")
pub(super) fn the_future_or_past(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the"
        && matches!(w(1), "future" | "past")
        && !matches!(w(2), "tense" | "few" | "several")
        && cx.number(i, 2).is_none()
        && unit(w(2)).is_none()
    {
        let v = if w(1) == "future" {
            "FUTURE_REF"
        } else {
            "PAST_REF"
        };
        return time(2, TimeKind::Date, Some(v.into()));
    }

    None
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn part_of_named_day() {
        check_examples("part_of_named_day");
    }

    #[test]
    fn part_of_day_with_edge() {
        check_examples("part_of_day_with_edge");
    }

    #[test]
    fn one_day() {
        check_examples("one_day");
    }

    #[test]
    fn these_days() {
        check_examples("these_days");
    }

    #[test]
    fn then_current() {
        check_examples("then_current");
    }

    #[test]
    fn deictic_word() {
        check_examples("deictic_word");
    }

    #[test]
    fn this_part_of_day() {
        check_examples("this_part_of_day");
    }

    #[test]
    fn last_night() {
        check_examples("last_night");
    }

    #[test]
    fn near_future() {
        check_examples("near_future");
    }

    #[test]
    fn later_date() {
        check_examples("later_date");
    }

    #[test]
    fn the_future_or_past() {
        check_examples("the_future_or_past");
    }
}
