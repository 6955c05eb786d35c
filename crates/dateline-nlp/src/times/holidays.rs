//! Holidays on fixed or computed days (the US calendar where countries differ):
//! Thanksgiving (fourth Thursday of November), Christmas (Eve), New Year's Eve and Day,
//! Halloween, Valentine's Day, Labor Day (first Monday of September), Memorial Day (last
//! Monday of May), Veterans Day, Election Day (the Tuesday after the first Monday of
//! November) and the Fourth of July.

use dateline_core::date::Date;

/// The `n`th weekday `wd` (0 = Monday) of a month.
pub(super) fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<Date> {
    let first = Date::new(y, m, 1)?;
    let offset = (wd + 7 - first.weekday()) % 7;
    Some(first.add_days(i64::from(offset + 7 * (n - 1))))
}

/// The last weekday `wd` (0 = Monday) of a month.
pub(super) fn last_weekday(y: i32, m: u32, wd: u32) -> Option<Date> {
    let last = (28..=31).rev().find_map(|d| Date::new(y, m, d))?;
    let back = (last.weekday() + 7 - wd) % 7;
    Some(last.add_days(-i64::from(back)))
}

/// A holiday's date in a given year.
pub(super) type DayOfYear = fn(i32) -> Option<Date>;

/// A holiday named at word `i` (US calendar where countries differ): how many words it takes
/// and its date in a given year.
pub(super) fn holiday_named(words: &[String], i: usize) -> Option<(usize, DayOfYear)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let poss = |k: usize| matches!(w(k), "'s" | "\u{2019}s");
    let day = |k: usize| usize::from(w(k) == "day");
    Some(match w(0) {
        "thanksgiving" => (1 + day(1), |y| nth_weekday(y, 11, 3, 4)),
        "christmas" if w(1) == "eve" => (2, |y| Date::new(y, 12, 24)),
        "christmas" => (1 + day(1), |y| Date::new(y, 12, 25)),
        "new" if w(1) == "year" && poss(2) && w(3) == "eve" => (4, |y| Date::new(y, 12, 31)),
        "new" if w(1) == "year" && poss(2) && w(3) == "day" => (4, |y| Date::new(y, 1, 1)),
        "halloween" => (1, |y| Date::new(y, 10, 31)),
        "valentine" if poss(1) && w(2) == "day" => (3, |y| Date::new(y, 2, 14)),
        "labor" if w(1) == "day" => (2, |y| nth_weekday(y, 9, 0, 1)),
        "memorial" if w(1) == "day" => (2, |y| last_weekday(y, 5, 0)),
        "veterans" if w(1) == "day" => (2, |y| Date::new(y, 11, 11)),
        // the Tuesday after the first Monday of November
        "election" if w(1) == "day" => (2, |y| Some(nth_weekday(y, 11, 0, 1)?.add_days(1))),
        "fourth" if w(1) == "of" && w(2) == "july" => (3, |y| Date::new(y, 7, 4)),
        _ => return None,
    })
}
