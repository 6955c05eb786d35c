//! Rules for times named by reference: days ("the next morning", "earlier that day", "the
//! day before"), months ("that month", "the following month", "the same month last year")
//! and years ("that year", "later that year", "the following year"). Each is marked with a
//! placeholder value that `anaphora` resolves once the document is read.
//!
//! Heuristics:
//! - "the day before the vote" names another day: no day by reference;
//! - "the same month last year", "that month a year earlier" are twelve months back.

use super::*;

/// A day named by reference ("the next morning", "earlier that day", "the day before"):
/// resolved against the last date named, in `day_anaphora`
pub(super) fn day_by_reference(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    {
        let (k, shift) = match (w(0), w(1), w(2), w(3)) {
            ("the", "next" | "following", "day" | "morning", _) => (3, 1),
            ("the", "previous", "day", _) | ("the", "day", "before", _) => (3, -1),
            ("earlier" | "later", "that", "day" | "morning", _) => (3, 0),
            ("that", "same", "day", _) | ("the", "same", "day", _) => (3, 0),
            ("earlier" | "later", "the", "same", "day") => (4, 0),
            _ => (0, 0),
        };
        // ("the day before the vote" names another day)
        let before_what = k == 3 && w(2) == "before" && !matches!(w(3), "," | "." | "");
        if k > 0 && !before_what {
            return time(k, TimeKind::Date, Some(format!("{DAY_REF}{shift}")));
        }
    }

    None
}

/// A month named by reference ("that month", "the following month"): resolved against
/// the last month named, in `month_anaphora`
pub(super) fn month_by_reference(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    {
        let (k, shift) = match (w(0), w(1), w(2)) {
            ("that", "month", _) | ("the" | "that", "same", "month") => {
                (if w(1) == "same" { 3 } else { 2 }, 0)
            }
            ("later" | "earlier", "that", "month") => (3, 0),
            ("the", "following", "month") => (3, 1),
            ("the", "previous", "month") => (3, -1),
            _ => (0, 0),
        };
        // ("the same month last year", "that month a year earlier": a year back)
        let year_back = match (w(k), w(k + 1), w(k + 2)) {
            ("last", "year", _) => 2,
            ("a", "year", "earlier" | "ago" | "before") => 3,
            _ => 0,
        };
        if k > 0 && year_back > 0 {
            return time(
                k + year_back,
                TimeKind::Date,
                Some(format!("{MONTH_REF}{}", shift - 12)),
            );
        }
        if k > 0 {
            return time(k, TimeKind::Date, Some(format!("{MONTH_REF}{shift}")));
        }
    }

    None
}

/// A year named by reference ("that year", "later that year", "the following year"):
/// resolved against the last year named, in `year_anaphora`
pub(super) fn year_by_reference(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    {
        let (k, shift) = match (w(0), w(1), w(2)) {
            ("that", "year", _) | ("that", "same", "year") => {
                (if w(1) == "same" { 3 } else { 2 }, 0)
            }
            ("later" | "earlier", "that", "year") => (3, 0),
            ("the", "same", "year") => (3, 0),
            ("the", "following", "year") => (3, 1),
            ("the", "previous", "year") => (3, -1),
            _ => (0, 0),
        };
        if k > 0 {
            return time(k, TimeKind::Date, Some(format!("{YEAR_REF}{shift}")));
        }
    }

    None
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn day_by_reference() {
        check_examples("day_by_reference");
    }

    #[test]
    fn month_by_reference() {
        check_examples("month_by_reference");
    }

    #[test]
    fn year_by_reference() {
        check_examples("year_by_reference");
    }
}
