//! Rules for calendar dates: ISO dates, dates led by a month's name ("May 18, 2018",
//! "Friday, May 18", "October 2015", "November last year"), weekdays ("Thursday", "Friday
//! night"), the second day of a pair ("April 24 and 25"), "the 17th of May", "18 May 2018",
//! holidays ("Thanksgiving Day"), the edge of a month ("mid-November"), centuries ("the 20th
//! century"), "post-1959", decades ("the nineties", "the '80s", "the 1990s"), seasons with a
//! year, and years in words or digits.
//!
//! Heuristics:
//! - a bare abbreviation ("Sun", "Jan" with no full stop) is a weekday's or month's only before
//!   a comma and a date, a number or another date word: "Sun Microsystems", "Jan Kavan" and
//!   "Sun, Hewlett-Packard and others" are names;
//! - a month, weekday or day without a year points by the clause's tense (see `tense`): a
//!   past "on Thursday" is the latest Thursday up to publication, a future one the next (the
//!   day itself when written on a Thursday; "next Thursday" a week on, "last Wednesday" on a
//!   Wednesday a week back, "this Thursday" the one of the publication's week); a deadline
//!   ("until Tuesday") is still to come; "Wednesday's ruling" is past;
//! - "last April" is the latest April before this month, "next April" (or "come November")
//!   the first after it; a month owning an event ("November's election") ignores the clause;
//! - "May 3 to 5, 1999": the year after the second day is both days'; a span of days ("June
//!   23-24") is dated by its first;
//! - a holiday takes the year that puts it nearest publication (a day ahead counting twice
//!   as far, once in a clause that looks ahead), or the last or next one after "last"/"next";
//! - a year in words needs a word leading to a time ("in nineteen ninety-six") unless it is
//!   two words or more and not "two …";
//! - a year in digits stands after a word leading to a time, alone, or before a noun that
//!   counts no things ("its 1996 budget", not "1996 people"); "$1996" is money.

use super::*;

/// An ISO date written as such: "2018-05-18".
pub(super) fn iso_date(cx: &Ctx, i: usize) -> Option<Reading> {
    let raw = |k: usize| cx.raw_word(i, k);

    if let Some(d) = Date::parse_iso(raw(0)).filter(|_| raw(0).len() == 10) {
        return time(1, TimeKind::Date, Some(d.to_string()));
    }

    None
}

/// A date led by a month's name, after an optional weekday: "May 18, 2018", "Friday, May
/// 18", "October 2015", "January nineteen ninety-seven", "November last year"; a bare month
/// ("in March") takes the year nearest publication by the clause's tense, or the one "last",
/// "next" or "this" says. A bare "may" counts only after a word that leads to a time, and
/// "march" there is the verb: no time at all.
pub(super) fn month_name_date(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let k = weekday_prefix(cx, i).len;
    let month_cap = cx
        .raw_word(i, k)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let m =
        month_number(w(k)).filter(|_| month_cap && w(k).len() >= 3 && abbreviation_ok(cx, i, k))?;
    let MonthDate { len: n, day, year } = month_date(cx, i, k);
    let bare_may = w(k) == "may" && day.is_none() && year.is_none();
    match (day, year) {
        (Some(d), Some(y)) => time(n, TimeKind::Date, Date::new(y, m, d).map(|x| x.to_string())),
        (Some(d), None) => time(n, TimeKind::Date, day_without_year(cx, i, m, d)),
        (None, Some(y)) => time(n, TimeKind::Date, Some(format!("{y:04}-{m:02}"))),
        (None, None) if !bare_may || LEADS_TO_A_MONTH.contains(&cx.previous(i)) => {
            bare_month(cx, i, k, m)
        }
        (None, None) => None,
    }
}

/// Words before a month that make a bare "May" or "March" a month ("in May", "since March").
const LEADS_TO_A_MONTH: &[&str] = &[
    "in", "since", "until", "by", "early", "late", "mid", "last", "next", "of", "this", "from",
    "through",
];

/// The day and year after a month's name at word `k` (from token `i`), and how many words
/// the date takes from `i`.
struct MonthDate {
    len: usize,
    day: Option<u32>,
    year: Option<i32>,
}

/// Read the day and year after the month at word `k`: "May 18, 2018", "May 2018", "May 3 to
/// 5, 1999" (the year after the second day, which is read on its own), "January nineteen
/// ninety-seven".
fn month_date(cx: &Ctx, i: usize, k: usize) -> MonthDate {
    let w = |k: usize| cx.word(i, k);
    let mut n = k + 1;
    let mut day = None;
    if let Some(d) = day_token(w(n)) {
        day = Some(d);
        n += 1;
    }
    let mut j = n;
    if w(j) == "," {
        j += 1;
    }
    let mut year = year_token(w(j));
    if year.is_some() {
        n = j + 1;
    } else if let Some(y) = year_token(w(n + 3)).filter(|_| {
        day.is_some()
            && matches!(w(n), "and" | "or" | "to" | "through")
            && day_token(w(n + 1)).is_some()
            && w(n + 2) == ","
    }) {
        year = Some(y);
    } else if let Some(NamedYear { year: y, len }) = spelled_year(cx.words, i + j) {
        year = Some(y);
        n = j + len;
    }
    MonthDate { len: n, day, year }
}

/// Day `d` of month `m` named without a year at token `i`: the year that puts the day nearest
/// the publication date, a day ahead counting twice as far as one behind (news reports more
/// than it announces), unless the clause is in the future tense.
fn day_without_year(cx: &Ctx, i: usize, m: u32, d: u32) -> Option<String> {
    let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
    cx.anchor.and_then(|a| nearest_day(a, m, d, ahead))
}

/// Month `m` at word `k` named without a day or year: "November last year", "March this
/// year"; "last April" the latest April before this month, "next April" (or "come November")
/// the first after it, "this April" this year's; a month owning an event ("November's
/// election") the nearest; otherwise the nearest by the clause's tense. "march" after no word
/// leading to a month (nor "on") is the verb: no time.
fn bare_month(cx: &Ctx, i: usize, k: usize, m: u32) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);
    if matches!(w(k + 1), "last" | "next" | "this") && w(k + 2) == "year" {
        let y = a.map(|a| {
            a.year
                + match w(k + 1) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                }
        });
        return time(k + 3, TimeKind::Date, y.map(|y| format!("{y:04}-{m:02}")));
    }
    if w(k) == "march" && !LEADS_TO_A_MONTH.contains(&prev) && prev != "on" {
        return Some(Reading::NotATime);
    }
    let v = match (prev, a) {
        ("last", Some(a)) => {
            let y = if m >= a.month { a.year - 1 } else { a.year };
            Some(format!("{y:04}-{m:02}"))
        }
        ("next" | "come", Some(a)) => {
            let y = if m <= a.month { a.year + 1 } else { a.year };
            Some(format!("{y:04}-{m:02}"))
        }
        ("this", Some(a)) => Some(format!("{:04}-{m:02}", a.year)),
        // (a month owning an event is not told in the tense of the clause around it)
        _ if matches!(w(k + 1), "'s" | "\u{2019}s") => {
            a.map(|a| nearest_month(a, m, None, cx.future))
        }
        _ => a.map(|a| nearest_month(a, m, local_tense(cx, i), cx.future)),
    };
    time(k + 1, TimeKind::Date, v)
}

/// A weekday alone, with an optional part of the day ("Thursday", "Friday night"): the latest
/// such day up to publication in a past clause, the next in one that looks ahead or before a
/// deadline; "last", "next", "this" and a possessive ("Wednesday's ruling", past) decide first.
pub(super) fn weekday(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);
    let weekday = weekday_prefix(cx, i).weekday;
    if let Some(wd) = weekday {
        // weekday alone, with an optional part of day
        // "Wednesday's ruling": a day whose events are told is past
        let possessive = matches!(w(1), "'s" | "\u{2019}s");
        let dir = if prev == "last" || w(0) == "last" || possessive {
            -1
        } else if prev == "next" || deadline(cx, i) {
            1
        } else {
            match local_tense(cx, i) {
                Some(d) => d,
                None if cx.strong_future => 1,
                None => -1,
            }
        };
        let last = prev == "last" || w(0) == "last";
        // "this Thursday": the Thursday of the publication's week
        let this_week = prev == "this";
        let d = a.map(|a| {
            if this_week {
                a.add_days(i64::from(wd) - i64::from(a.weekday()))
            } else if last {
                // "last Wednesday" written on a Wednesday is a week before
                weekday_date(a.add_days(-1), wd, -1)
            } else if dir < 0 {
                weekday_date(a, wd, -1)
            } else if prev == "next" {
                // "next Thursday" written on a Thursday is a week on
                weekday_date(a.add_days(1), wd, 1)
            } else {
                weekday_date(a, wd, 1)
            }
        });
        if let Some(p) = part_of_day(w(1)) {
            return time(2, TimeKind::Time, d.map(|d| format!("{d}T{p}")));
        }
        return time(1, TimeKind::Date, d.map(|d| d.to_string()));
    }

    None
}

/// "April 24 and 25": the second day of the month just named
pub(super) fn second_day(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    let second_day = i >= 3
        && matches!(prev, "and" | "or" | "to" | "through")
        && (!w(1).starts_with(char::is_alphabetic)
            || matches!(w(1), "in" | "at" | "on" | "when" | "and"));
    if let Some(d) = second_day.then(|| day_token(w(0))).flatten() {
        let first = at(cx, i - 3)
            .filter(|m| m.len == 2)
            .and_then(|m| m.value.filter(|v| v.len() == 10))
            .and_then(|v| Date::parse_iso(&v));
        if let Some(f) = first {
            // ("May 3 to 5, 1999": the year after the second day is both days')
            let (n, y) = match year_token(w(2)).filter(|_| w(1) == ",") {
                Some(y) => (3, y),
                None => (1, f.year),
            };
            return time(
                n,
                TimeKind::Date,
                Date::new(y, f.month, d).map(|d| d.to_string()),
            );
        }
    }

    None
}

/// "the 17th of May [2018]": that day
pub(super) fn day_of_month(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

    if w(0) == "the" && w(2) == "of" && !w(1).bytes().all(|b| b.is_ascii_digit()) {
        let m = month_number(w(3))
            .filter(|_| raw(3).starts_with(char::is_uppercase) && w(3).len() >= 3);
        if let (Some(d), Some(m)) = (day_token(w(1)), m) {
            let (n, y) = match year_token(w(4)) {
                Some(y) => (5, Some(y)),
                None => (4, None),
            };
            let v = match y {
                Some(y) => Date::new(y, m, d).map(|x| x.to_string()),
                // (as for "May 17")
                None => day_without_year(cx, i, m, d),
            };
            return time(n, TimeKind::Date, v);
        }
    }

    None
}

/// A day before a month, with an optional year: "18 May 2018", "7 July".
pub(super) fn day_month(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

    if let Some(d) = day_token(w(0)) {
        if let Some(m) = month_number(w(1))
            .filter(|_| raw(1).chars().next().is_some_and(char::is_uppercase) && w(1).len() >= 3)
        {
            if let Some(y) = year_token(w(2)) {
                return time(3, TimeKind::Date, Date::new(y, m, d).map(|x| x.to_string()));
            }
            // (the year nearest publication, as for "May 17")
            return time(2, TimeKind::Date, day_without_year(cx, i, m, d));
        }
    }

    None
}

/// Holidays on fixed or computed days ("Thanksgiving Day", "Election Day")
pub(super) fn holiday(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let raw = |k: usize| cx.raw_word(i, k);
    let prev = cx.previous(i);

    if raw(0).starts_with(char::is_uppercase) {
        if let Some(named) = holiday_named(cx.words, i) {
            let v = a.and_then(|a| {
                let cands = (a.year - 1..=a.year + 1).filter_map(|y| named.on(y));
                let delta = |c: &Date| c.to_days() - a.to_days();
                match prev {
                    "last" => cands.filter(|c| delta(c) < 0).max_by_key(delta),
                    "next" => cands.filter(|c| delta(c) > 0).min_by_key(delta),
                    _ => {
                        let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
                        cands.min_by_key(|c| {
                            let d = delta(c);
                            if d > 0 {
                                d * ahead
                            } else {
                                -d
                            }
                        })
                    }
                }
                .map(|d| d.to_string())
            });
            return time(named.len, TimeKind::Date, v);
        }
    }

    None
}

/// "mid-November", "early-March", "late-May": the month
pub(super) fn edge_of_month(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if let Some(m) = ["mid-", "early-", "late-"].iter().find_map(|p| {
        w(0).strip_prefix(p)
            .and_then(month_number)
            .filter(|_| w(0).len() > p.len() + 2)
    }) {
        let v = match year_token(w(1)) {
            Some(y) => Some(format!("{y:04}-{m:02}")),
            None => a.map(|a| nearest_month(a, m, local_tense(cx, i), cx.future)),
        };
        let n = if year_token(w(1)).is_some() { 2 } else { 1 };
        return time(n, TimeKind::Date, v);
    }

    None
}

/// "the 20th century", "the eleventh century": the century's first two digits
pub(super) fn century(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if let Some(c) = century_ordinal(w(0)) {
        if matches!(w(1), "century" | "centuries") {
            return time(2, TimeKind::Date, Some(format!("{:02}", c - 1)));
        }
    }

    None
}

/// "post-1959", "pre-1990": the year
pub(super) fn pre_or_post_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if let Some(y) = w(0)
        .strip_prefix("post-")
        .or_else(|| w(0).strip_prefix("pre-"))
        .and_then(year_token)
    {
        return time(1, TimeKind::Date, Some(format!("{y:04}")));
    }

    None
}

/// "the nineties": the decade of the publication's century
pub(super) fn decade_in_words(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the" {
        if let Some(&d) = words().decades.get(w(1)) {
            return time(2, TimeKind::Date, Some(decade_of(a, d)));
        }
    }

    None
}

/// "the '80s": likewise (not "the 80s", which may be degrees or ages)
pub(super) fn decade_with_apostrophe(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if let Some(d) = w(0)
        .strip_prefix(['\'', '\u{2019}', '\u{2018}'])
        .and_then(|d| d.strip_suffix("0s"))
        .filter(|d| d.len() == 1)
        .and_then(|d| d.parse::<i64>().ok())
    {
        return time(1, TimeKind::Date, Some(decade_of(a, d)));
    }

    None
}

/// A season with a year: "spring 2019", "the autumn of nineteen eighty-one".
pub(super) fn season_with_year(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if let Some(s) = season(w(0)) {
        let of = usize::from(w(1) == "of");
        let year = year_token(w(1 + of))
            .map(|y| NamedYear { year: y, len: 1 })
            .or_else(|| spelled_year(cx.words, i + 1 + of));
        if let Some(NamedYear { year: y, len }) =
            year.filter(|_| of == 1 || year_token(w(1)).is_some())
        {
            return time(1 + of + len, TimeKind::Date, Some(format!("{y:04}-{s}")));
        }
    }

    None
}

/// Decades: "the 1990s"
pub(super) fn decade_in_digits(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    let dec = w(0).trim_start_matches("mid-");
    if dec.len() == 5 && dec.ends_with("0s") && dec[..4].bytes().all(|b| b.is_ascii_digit()) {
        return time(1, TimeKind::Date, Some(dec[..3].to_string()));
    }

    None
}

/// A year in words ("in nineteen ninety-six", "the year two thousand")
pub(super) fn year_in_words(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if let Some(NamedYear { year: y, len }) = spelled_year(cx.words, i) {
        let word_ok = matches!(
            prev,
            "in" | "since" | "of" | "year" | "until" | "by" | "from"
        ) || len >= 2 && w(0) != "two";
        if word_ok {
            return time(len, TimeKind::Date, Some(format!("{y:04}")));
        }
    }

    None
}

/// A year in digits: after a word leading to a time ("in 1996", "since 2011"), before a
/// noun unless the noun counts things ("its 1996 budget", not "1996 people"), or alone.
pub(super) fn year(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);
    let prev = cx.previous(i);

    if let Some(y) = year_token(w(0)) {
        let prep = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "of"
                | "from"
                | "to"
                | "during"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | ","
                | "("
                | "and"
                | "throughout"
                | "through"
                | "between"
                | "the"
        ) || i == 0;
        let next_ok = !cx.words.get(i + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_alphabetic)
                && !matches!(
                    n.as_str(),
                    "and" | "to" | "when" | "after" | "before" | "as" | "that" | "until"
                )
        });
        let strong_prep = matches!(
            prev,
            "in" | "since" | "until" | "during" | "throughout" | "mid" | "early" | "late"
        );
        // "its 1996 budget": a year before a noun, unless the noun counts things ("1996 people")
        let counted = cx
            .words
            .get(i + 1)
            .is_some_and(|n| words().counted_nouns.contains(n.as_str()));
        if prep && (next_ok || strong_prep)
            || w(0).starts_with("mid-")
            || !counted && raw(0).len() == 4 && !prev.starts_with('$')
        {
            return time(1, TimeKind::Date, Some(format!("{y:04}")));
        }
    }

    None
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn iso_date() {
        check_examples("iso_date");
    }

    #[test]
    fn month_name_date() {
        check_examples("month_name_date");
    }

    #[test]
    fn weekday() {
        check_examples("weekday");
    }

    #[test]
    fn second_day() {
        check_examples("second_day");
    }

    #[test]
    fn day_of_month() {
        check_examples("day_of_month");
    }

    #[test]
    fn day_month() {
        check_examples("day_month");
    }

    #[test]
    fn holiday() {
        check_examples("holiday");
    }

    #[test]
    fn edge_of_month() {
        check_examples("edge_of_month");
    }

    #[test]
    fn century() {
        check_examples("century");
    }

    #[test]
    fn pre_or_post_year() {
        check_examples("pre_or_post_year");
    }

    #[test]
    fn decade_in_words() {
        check_examples("decade_in_words");
    }

    #[test]
    fn decade_with_apostrophe() {
        check_examples("decade_with_apostrophe");
    }

    #[test]
    fn season_with_year() {
        check_examples("season_with_year");
    }

    #[test]
    fn decade_in_digits() {
        check_examples("decade_in_digits");
    }

    #[test]
    fn year_in_words() {
        check_examples("year_in_words");
    }

    #[test]
    fn year() {
        check_examples("year");
    }
}
