//! Dates as ranges of days: the bounds a user gives `--from`/`--to` (`YYYY`, `YYYY-MM`,
//! `YYYY-MM-DD`, checked to be real dates) and the days a stored date value stands for (a day,
//! a month, a year, an ISO week `2021-W11`, a quarter `2021-Q2` … see [`span`]; anything after
//! a `T` ignored).
//! Queries compare these ranges, so `--to 2018-05` takes in the whole of May and an event dated
//! `2018-W20` is found by `--from 2018-05-14`. The SQL functions `dl_first(value)` and
//! `dl_last(value)` give a value's first and last day (`YYYY-MM-DD`), NULL when it names no
//! calendar date (missing, `PRESENT_REF`).

use dateline_core::date::{days_in_month, Date};
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use std::fmt;

/// A `--from`/`--to` value that is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub value: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (a real day, e.g. 2018, 2018-05, 2018-05-18)",
            self.value
        )
    }
}

impl std::error::Error for DateError {}

fn num(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month_span(y: i32, m: u32) -> Option<(Date, Date)> {
    Some((Date::new(y, m, 1)?, Date::new(y, m, days_in_month(y, m))?))
}

/// The first and last day of a user's bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, nothing else.
pub fn parse_bound(s: &str) -> Result<(Date, Date), DateError> {
    let err = || DateError {
        value: s.to_string(),
    };
    let parts: Vec<&str> = s.split('-').collect();
    let y = parts.first().and_then(|p| num(p, 4)).ok_or_else(err)? as i32;
    let span = match parts.len() {
        1 => Date::new(y, 1, 1).zip(Date::new(y, 12, 31)),
        2 => num(parts[1], 2).and_then(|m| month_span(y, m)),
        3 => num(parts[1], 2)
            .zip(num(parts[2], 2))
            .and_then(|(m, d)| Date::new(y, m, d))
            .map(|d| (d, d)),
        _ => None,
    };
    span.ok_or_else(err)
}

/// The days a stored date value stands for, or `None` when it names no calendar date. Besides
/// days, months and years: ISO weeks (`2021-W11`) and their weekends (`2021-W11-WE`), quarters
/// (`2021-Q2`), halves (`2021-H1`), seasons (`2021-SU`, by months: spring March to May, summer
/// June to August, autumn September to November, winter December to February); any other value
/// that starts with a year (`2021-XX-05`) stands for that year.
pub fn span(value: &str) -> Option<(Date, Date)> {
    // (a time of day after the date, "2021-04-16T22:42" or "2021-04-16 22:42:47Z", is left out)
    let v = value.trim().split(['T', ' ']).next().unwrap_or(value);
    if let Ok(r) = parse_bound(v) {
        return Some(r);
    }
    let (year, rest) = v.split_once('-')?;
    let y = num(year, 4)? as i32;
    let whole_year = Date::new(y, 1, 1).zip(Date::new(y, 12, 31));
    part_of_year(y, rest).or(whole_year)
}

/// A week, a weekend, a quarter, a half or a season of year `y` (`rest` is what follows
/// `YYYY-`).
fn part_of_year(y: i32, rest: &str) -> Option<(Date, Date)> {
    let months = |a: u32, b: u32| Some((month_span(y, a)?.0, month_span(y, b)?.1));
    let week = rest
        .strip_prefix('W')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    if let Some(w) = week {
        let (week, weekend) = match w.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (w, false),
        };
        let w = num(week, 2).filter(|w| (1..=53).contains(w))?;
        // ISO week 1 holds 4 January; weeks start on Monday
        let jan4 = Date::new(y, 1, 4)?;
        let monday = jan4.add_days(-i64::from(jan4.weekday()) + 7 * (i64::from(w) - 1));
        let first = monday.add_days(if weekend { 5 } else { 0 });
        return Some((first, monday.add_days(6)));
    }
    match rest {
        "Q1" => months(1, 3),
        "Q2" => months(4, 6),
        "Q3" => months(7, 9),
        "Q4" => months(10, 12),
        "H1" => months(1, 6),
        "H2" => months(7, 12),
        "SP" => months(3, 5),
        "SU" => months(6, 8),
        "FA" => months(9, 11),
        "WI" => Some((month_span(y, 12)?.0, month_span(y + 1, 2)?.1)),
        _ => None,
    }
}

/// `dl_first(value)` and `dl_last(value)` on this connection.
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    for (name, last) in [("dl_first", false), ("dl_last", true)] {
        conn.create_scalar_function(name, 1, flags, move |ctx| {
            let v: Option<String> = ctx.get(0)?;
            Ok(v.as_deref()
                .and_then(span)
                .map(|(a, b)| if last { b } else { a }.to_string()))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<(String, String)> {
        span(v).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn bounds_are_years_months_and_real_days() {
        let ok = |v: &str, a: &str, b: &str| {
            let (x, y) = parse_bound(v).unwrap();
            assert_eq!((x.to_string(), y.to_string()), (a.into(), b.into()), "{v}");
        };
        ok("2018", "2018-01-01", "2018-12-31");
        ok("2018-05", "2018-05-01", "2018-05-31");
        ok("2016-02", "2016-02-01", "2016-02-29");
        ok("2018-05-18", "2018-05-18", "2018-05-18");
        for bad in [
            "yesterday",
            "2016-13",
            "2018-5",
            "2018-02-30",
            "18",
            "2018-05-18-01",
            "",
            "2018-",
            "+201-05",
        ] {
            assert!(parse_bound(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn no_value_spans_more_than_a_year() {
        // the events' date filter counts on it (query.rs bounds first_day by from - 367 days)
        for v in [
            "2020", "2020-WI", "2021-WI", "2019-WI", "2020-H2", "2020-Q4", "2020-W53", "2020-XX",
        ] {
            let (a, b) = span(v).unwrap();
            assert!(b.to_days() - a.to_days() <= 366, "{v}");
        }
    }

    #[test]
    fn stored_values_span_their_days() {
        assert_eq!(
            s("2021-04-16 22:42:47Z"),
            Some(("2021-04-16".into(), "2021-04-16".into()))
        );
        assert_eq!(
            s("2021-04-16T22:42"),
            Some(("2021-04-16".into(), "2021-04-16".into()))
        );
        let d = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(s("2021-W11"), d("2021-03-15", "2021-03-21"));
        assert_eq!(s("2021-W01"), d("2021-01-04", "2021-01-10"));
        assert_eq!(s("2021-Q2"), d("2021-04-01", "2021-06-30"));
        assert_eq!(s("2021-03-08T10:00"), d("2021-03-08", "2021-03-08"));
        assert_eq!(s("2021"), d("2021-01-01", "2021-12-31"));
        assert_eq!(s("2021-W11-WE"), d("2021-03-20", "2021-03-21"));
        assert_eq!(s("2021-H2"), d("2021-07-01", "2021-12-31"));
        assert_eq!(s("2021-WI"), d("2021-12-01", "2022-02-28"));
        assert_eq!(s("2021-XX-05"), d("2021-01-01", "2021-12-31"));
        assert_eq!(s("XXXX-WXX-5TNI"), None);
        assert_eq!(s("198"), None);
        assert_eq!(s("PRESENT_REF"), None);
        assert_eq!(s(""), None);
    }
}
