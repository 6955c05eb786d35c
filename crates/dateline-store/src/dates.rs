//! Dates as ranges of days: the bounds a user gives `--from`/`--to` (`YYYY`, `YYYY-MM`,
//! `YYYY-MM-DD`, checked to be real dates) and the days a stored date value stands for (a day,
//! a month, a year, an ISO week `2021-W11`, a quarter `2021-Q2` … see [`span`]; anything after
//! a `T` ignored).
//! Queries compare these ranges, so `--to 2018-05` takes in the whole of May and an event dated
//! `2018-W20` is found by `--from 2018-05-14`. The SQL functions `dl_first(value)` and
//! `dl_last(value)` give a value's first and last day (`YYYY-MM-DD`), NULL when it names no
//! calendar date (missing, `PRESENT_REF`).

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

pub use dateline_core::date::{parse_bound, span, DateError};

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
