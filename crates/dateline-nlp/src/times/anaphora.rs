//! Times named by reference, resolved against what the text named before them.
//!
//! The rules in `rules::by_reference` mark such a time with a placeholder value, a marker and
//! an offset (`YEAR_REF1`, `MONTH_REF-12`, `DAY_REF-1`); [`resolve`] replaces it after the whole
//! document is read:
//!
//! - **years** ("that year", "later that year", "the same year", "the following year", "the
//!   previous year"): the last year the text named in digits ("in 1996 … that year"), shifted;
//!   with no year named before, no value;
//! - **months** ("that month", "later that month", "the following month", "the same month last
//!   year"): the last month the text named ("in March … later that month"), shifted; with none
//!   named before, no value;
//! - **days** ("the next morning", "earlier that day", "the day before"): the last full date
//!   the text named before them (a weekday's too, or such a day's own), shifted; without such a
//!   date, the publication day.

use dateline_core::date::Date;
use dateline_core::TimeExpr;

use super::calendar::{shift_months, YearMonth};

/// Resolve every time named by reference in `out`: years, then months, then days.
pub(super) fn resolve(out: &mut [TimeExpr], anchor: Option<Date>) {
    year_anaphora(out);
    month_anaphora(out);
    day_anaphora(out, anchor);
}

/// The marker of a year named by reference; the value goes on with the offset in years.
pub(super) const YEAR_REF: &str = "YEAR_REF";

/// The marker of a day named by reference; the value goes on with the offset in days.
pub(super) const DAY_REF: &str = "DAY_REF";

/// Days by reference: the last full date named before, shifted (the publication day without).
fn day_anaphora(out: &mut [TimeExpr], anchor: Option<Date>) {
    let mut last: Option<Date> = None;
    for t in out.iter_mut() {
        if let Some(shift) = t
            .value
            .as_deref()
            .and_then(|v| v.strip_prefix(DAY_REF))
            .map(|d| d.parse::<i64>().unwrap_or(0))
        {
            // (the publication day where the text has named none)
            let day = last.or(anchor).map(|d| d.add_days(shift));
            t.value = day.map(|d| d.to_string());
            last = day;
            continue;
        }
        if let Some(d) = t
            .value
            .as_deref()
            .filter(|v| v.len() >= 10)
            .and_then(|v| Date::parse_iso(&v[..10]))
        {
            last = Some(d);
        }
    }
}

/// The marker of a month named by reference; the value goes on with the offset in months.
pub(super) const MONTH_REF: &str = "MONTH_REF";

/// Months by reference: the last month named before, shifted.
fn month_anaphora(out: &mut [TimeExpr]) {
    let mut last: Option<YearMonth> = None;
    for t in out.iter_mut() {
        if let Some(shift) = t
            .value
            .as_deref()
            .and_then(|v| v.strip_prefix(MONTH_REF))
            .map(|d| d.parse::<i64>().unwrap_or(0))
        {
            let month = last
                .and_then(|ym| Date::new(ym.year, ym.month, 1))
                .map(|d| shift_months(d, shift));
            t.value = month.map(|ym| ym.to_string());
            last = month;
            continue;
        }
        let month = t.value.as_deref().filter(|v| {
            let b = v.as_bytes();
            b.len() >= 7
                && b[..4].iter().all(u8::is_ascii_digit)
                && b[4] == b'-'
                && b[5..7].iter().all(u8::is_ascii_digit)
        });
        if let Some(v) = month {
            if let (Ok(y), Ok(m)) = (v[..4].parse::<i32>(), v[5..7].parse::<u32>()) {
                last = Some(YearMonth { year: y, month: m });
            }
        }
    }
}

/// Years by reference: the last year named in digits before, shifted.
fn year_anaphora(out: &mut [TimeExpr]) {
    let mut last: Option<i64> = None;
    for t in out.iter_mut() {
        if let Some(shift) = t
            .value
            .as_deref()
            .and_then(|v| v.strip_prefix(YEAR_REF))
            .map(|d| d.parse::<i64>().unwrap_or(0))
        {
            t.value = last.map(|y| format!("{:04}", y + shift));
            continue;
        }
        let named = t.text.bytes().any(|b| b.is_ascii_digit());
        let year = t
            .value
            .as_deref()
            .filter(|v| v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit))
            .and_then(|v| v[..4].parse::<i64>().ok());
        if let (true, Some(y)) = (named, year) {
            last = Some(y);
        }
    }
}
