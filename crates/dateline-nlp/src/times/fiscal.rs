//! Quarters, halves and fiscal years, and the quarter a company report is about.
//!
//! Heuristics:
//! - a quarter named without a year is this year's, unless it is still to come and the clause
//!   does not look ahead (then last year's: "the fourth quarter" in a February report);
//! - "of the year" after a half or quarter still to come at publication, in a clause that does
//!   not look ahead, is last year ("a loss booked over the fourth quarter of the year", read in
//!   January);
//! - a two-digit year ("3Q18", "FY19") is of the publication's century, or of the century
//!   before if that would put it more than five years ahead;
//! - **report context** ([`quarter_context`]): in a report about a quarter ("third-quarter
//!   profit rose"), "a year ago", "a year earlier" and "last year"-like comparisons mean that
//!   quarter a year before, "the quarter", "the latest period" the report's own quarter, "the
//!   year-ago quarter" that quarter a year back, "the 1988 quarter" that year's; the quarter
//!   named in this sentence or one of the four before sets the context; a quarter still to
//!   end by publication ("a fourth-quarter charge" expected in November) sets none.

use dateline_core::date::Date;
use dateline_core::{TimeExpr, TimeKind};

use super::calendar::{year_token, NamedYear};
use super::sentence::Ctx;
use super::tense::local_tense;

/// The year named at word `j` after "of" in "the second half of …", "the first quarter of …":
/// a year in digits, or "this year", "the year", "the current year", "last year", "the
/// previous year", "next year", "the coming year" (by the publication date); with how many
/// words it takes.
/// `part_begins` is the month the half or quarter begins: "the year" (not "this year") is the
/// last one when that part is still to come at publication and the clause does not look ahead
/// ("a loss booked over the fourth quarter of the year", read in January).
pub(super) fn year_named(cx: &Ctx, j: usize, part_begins: u32) -> Option<NamedYear> {
    let w = |k: usize| cx.words.get(j + k).map(String::as_str).unwrap_or("");
    if let Some(y) = year_token(w(0)) {
        return Some(NamedYear { year: y, len: 1 });
    }
    let a = cx.anchor?;
    let (shift, n) = match (w(0), w(1), w(2)) {
        ("the", "year", _) if part_begins > a.month && local_tense(cx, j) != Some(1) => (-1, 2),
        ("this" | "the", "year", _) => (0, 2),
        ("the", "current", "year") => (0, 3),
        ("last", "year", _) => (-1, 2),
        ("the", "previous" | "last", "year") => (-1, 3),
        ("next", "year", _) => (1, 2),
        ("the", "coming" | "next", "year") => (1, 3),
        _ => return None,
    };
    Some(NamedYear {
        year: a.year + shift,
        len: n,
    })
}

/// "the quarter", "the latest quarter" (0) or "the year-ago quarter" (1): a company report's
/// own quarter, or that quarter a year back.
pub(super) fn report_quarter(text: &str) -> Option<i32> {
    let l = text.to_lowercase();
    if matches!(
        l.as_str(),
        "the quarter"
            | "the latest quarter"
            | "the recent quarter"
            | "the past quarter"
            | "the fiscal quarter"
            | "the most recent quarter"
            | "the latest period"
    ) {
        Some(0)
    } else if l.starts_with("the year-ago ")
        || l.starts_with("the year-earlier ")
        || l.starts_with("the quarter a year ")
        || l.starts_with("the period a year ")
    {
        Some(1)
    } else {
        None
    }
}

/// A quarter of a year (`1988-Q3`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Quarter {
    year: i32,
    q: u32,
}

/// The quarter a report is about, and how many sentences ago it was named.
#[derive(Debug, Default)]
pub(super) struct ReportQuarter {
    quarter: Option<Quarter>,
    /// Sentences read since it was named.
    age: usize,
}

/// In a report about a quarter ("third-quarter profit rose"), "a year ago", "a year earlier"
/// and "last year" mean that quarter a year before (TimeML values like `1988-Q3`). The quarter
/// named in this sentence (`times`), or in one of the four before, sets the context.
pub(super) fn quarter_context(
    times: &mut [TimeExpr],
    quarter: &mut ReportQuarter,
    anchor: Option<Date>,
) {
    match named_quarter(times, anchor) {
        Some(named) => {
            *quarter = ReportQuarter {
                quarter: Some(named),
                age: 0,
            }
        }
        None => {
            if quarter.quarter.is_some() {
                quarter.age += 1;
            }
        }
    }
    let Some(report) = quarter.quarter else {
        return;
    };
    if quarter.age > 4 {
        return;
    }
    for t in times.iter_mut() {
        in_report(t, report);
    }
}

/// The first quarter this sentence's `times` name that had ended by publication (a quarter
/// still to end, "a fourth-quarter charge" expected in November, is no quarter a report is
/// about), leaving out the report's own ("the quarter").
fn named_quarter(times: &[TimeExpr], anchor: Option<Date>) -> Option<Quarter> {
    let ended = |y: i32, q: u32| {
        anchor.is_none_or(|a| {
            (i64::from(y) * 4 + i64::from(q)) * 3 < i64::from(a.year) * 12 + i64::from(a.month)
        })
    };
    times
        .iter()
        .filter(|t| report_quarter(&t.text).is_none())
        .find_map(|t| {
            let v = t.value.as_deref()?;
            let (y, q) = v.split_once("-Q")?;
            let (y, q) = (y.parse::<i32>().ok()?, q.parse::<u32>().ok()?);
            ended(y, q).then_some(Quarter { year: y, q })
        })
}

/// Time `t` read in a report about quarter `report`: a comparison with the year before is
/// with its same quarter ("a year ago"; "last year" names the year); "the quarter", "the
/// latest quarter", "the year-ago quarter" are the report's quarter or that quarter a year
/// back; "the 1988 quarter" is the report's quarter of that year ("the 1988 period" may be the
/// year or a half: left as the year).
fn in_report(t: &mut TimeExpr, report: Quarter) {
    let Quarter { year: y, q } = report;
    let l = t.text.to_lowercase();
    let year_back = ["year ago", "year earlier", "year before", "year-earlier"]
        .iter()
        .any(|p| l.contains(p));
    let plain = t
        .value
        .as_deref()
        .is_some_and(|v| v == "P1Y" || (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())));
    if year_back && plain && !l.contains("quarter") {
        t.kind = TimeKind::Date;
        t.value = Some(format!("{:04}-Q{q}", y - 1));
    }
    if let Some(back) = report_quarter(&t.text) {
        t.value = Some(format!("{:04}-Q{q}", y - back));
    }
    let words: Vec<&str> = l.split(' ').collect();
    if let ["the", year, "quarter"] = words.as_slice() {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            t.kind = TimeKind::Date;
            t.value = Some(format!("{year}-Q{q}"));
        }
    }
}

/// A two-digit year ("3Q18", "FY19") is of the publication's century, or of the century before
/// if that would put it more than five years ahead of publication.
pub(super) fn two_digit_year(a: Option<Date>, yy: i32) -> i32 {
    let c = a.map_or(2000, |a| a.year - a.year.rem_euclid(100));
    if a.is_some_and(|a| c + yy > a.year + 5) {
        c - 100 + yy
    } else {
        c + yy
    }
}

/// Quarter `q` named without a year: this year's, unless it is still to come and the clause
/// does not look ahead (then last year's: "the fourth quarter" in a February report).
pub(super) fn quarter_value(a: Date, q: u32, tense: Option<i32>) -> String {
    format!("{:04}-Q{q}", quarter_year(a, q, tense))
}

/// The year of quarter `q` named without one (see [`quarter_value`]).
pub(super) fn quarter_year(a: Date, q: u32, tense: Option<i32>) -> i32 {
    let cur = (a.month - 1) / 3 + 1;
    if q > cur && tense != Some(1) {
        a.year - 1
    } else {
        a.year
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::super::tests::{case, check};

    #[test]
    fn quarter_reports() {
        check(&[
            case(
                "Third-quarter profit rose 10% from a year earlier.",
                "1989-11-02",
                &[("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")],
            ),
            case(
                "Freight volumes slipped during the fourth quarter of 1983 and again in the 1987 first quarter.",
                "1989-11-02",
                &[
                    ("the fourth quarter of 1983", "1983-Q4"),
                    ("the 1987 first quarter", "1987-Q1"),
                ],
            ),
            case(
                "It expects a loss in next year's first quarter.",
                "1989-11-02",
                &[("next year's first quarter", "1990-Q1")],
            ),
            // "the latest period" and "the 1988 quarter" in a report about a quarter
            case(
                "Third-quarter net rose. Sales in the latest period beat the 1988 quarter.",
                "1989-11-02",
                &[
                    ("Third-quarter", "1989-Q3"),
                    ("the latest period", "1989-Q3"),
                    ("the 1988 quarter", "1988-Q3"),
                ],
            ),
            // ... where "last year" still names the year
            case(
                "Third-quarter net rose. Last year the company lost money.",
                "1989-11-02",
                &[("Third-quarter", "1989-Q3"), ("Last year", "1988")],
            ),
        ]);
    }

    #[test]
    fn a_company_reports_quarter_and_the_weekend() {
        check(&[
        // with no quarter named: the last one ended before the publication date
        case("Net income for the quarter rose.", "1989-02-02", &[("the quarter", "1988-Q4")]),
        // the quarter the report names, and that quarter a year back
        case("Third quarter profit rose. It fell from the year-ago period, and for the quarter sales rose.", "1989-11-02", &[("Third quarter", "1989-Q3"), ("the year-ago period", "1988-Q3"), ("the quarter", "1989-Q3")]),
        case("Sales will rise in the current quarter.", "1989-11-02", &[("the current quarter", "1989-Q4")]),
        case("Sales rose from the year-ago third quarter.", "1989-11-02", &[("the year-ago third quarter", "1988-Q3")]),
        // a quarter still to come this year, in a past clause, is last year's
        case("Sales rose in the fourth quarter.", "1990-02-02", &[("the fourth quarter", "1989-Q4")]),
        // "the weekend": the last one (1998-08-07 is a Friday), or the next when ahead
        case("Talks broke down over the weekend.", "1998-08-07", &[("the weekend", "1998-W31-WE")]),
        case("Talks will resume after the weekend.", "1998-08-07", &[("the weekend", "1998-W32-WE")]),
        // a quarter of a mile is no time
        case("He walked a quarter of a mile.", "1998-08-07", &[]),
    ]);
    }

    #[test]
    fn year_earlier_as_an_adjective() {
        check(&[case(
            "Net income fell from year-earlier levels.",
            "1989-11-02",
            &[("year-earlier", "1988")],
        )]);
    }

    #[test]
    fn halves_and_quarters_of_a_year_named_by_reference() {
        check(&[
            case(
                "Orders climbed in the first quarter of this year. The second half of the current \
                 year looks calmer and the first half of the coming year busier, unlike the third \
                 quarter of the previous year.",
                "2018-05-18",
                &[
                    ("the first quarter of this year", "2018-Q1"),
                    ("The second half of the current year", "2018-H2"),
                    ("the first half of the coming year", "2019-H1"),
                    ("the third quarter of the previous year", "2017-Q3"),
                ],
            ),
            // in January, a part of "the year" still to come is last year's unless the clause
            // looks ahead
            case(
                "The charity collected $3 million over the fourth quarter of the year. Gifts \
                 will swell over the last half of the year.",
                "2016-01-04",
                &[
                    ("the fourth quarter of the year", "2015-Q4"),
                    ("the last half of the year", "2016-H2"),
                ],
            ),
        ]);
    }

    /// In a report about a quarter, a year-earlier figure is that quarter a year back.
    #[test]
    fn year_earlier_in_a_quarter_report_is_that_quarter_a_year_back() {
        let got = run(
        "Third-quarter earnings at the brewer climbed 4%. That beats year-earlier operating profit of $3 million.",
        "1989-11-02",
    );
        assert_eq!(
            got.last().cloned(),
            Some(("year-earlier".to_string(), Some("1988-Q3".to_string())))
        );
    }

    /// A quarter still to end at publication ("a fourth-quarter charge" in November) is not the
    /// quarter the report is about.
    #[test]
    fn a_quarter_still_to_end_is_not_the_quarter_a_report_is_about() {
        check(&[case(
            "The shipper's third-quarter operating income grew 8%. It warned of a fourth-quarter \
             write-down. Its margins shrank in the latest quarter, compared with $4.2 million a year ago.",
            "1989-11-02",
            &[
                ("third-quarter", "1989-Q3"),
                ("fourth-quarter", "1989-Q4"),
                ("the latest quarter", "1989-Q3"),
                ("a year ago", "1988-Q3"),
            ],
        )]);
    }
}
