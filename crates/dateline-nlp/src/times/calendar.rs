//! Calendar words and arithmetic: units ("week", "quarter", "decade"), seasons, parts of the
//! day, years and days in digits, decades, weekdays before or after a date, months shifted,
//! and the year a day or month named without one most likely falls in.
//!
//! Heuristics:
//! - a year in digits is 1800 to 2100 ("mid-1990" too);
//! - a day is 1 to 31, in digits ("3rd") or words ("the twenty-first"); a span of days ("June
//!   23-24") is dated by its first;
//! - a bare decade ("the nineties", "the '80s") is the latest such decade begun by
//!   publication, or one beginning within two years;
//! - a day of a month without a year takes the year that puts it nearest publication, a day
//!   ahead counting twice as far as one behind (news reports more than it announces) unless
//!   the clause looks ahead; a month likewise, four times as far in a past clause.

use dateline_core::date::Date;

use super::numbers::ordinal_in_words;

/// A calendar unit, singular or plural, as a TIMEX3 letter: `D`ay, `W`eek, `M`onth, `Y`ear,
/// d`E`cade, `C`entury, `H`our, `m`inute, wee`K`end, `Q`uarter.
pub(super) fn unit(w: &str) -> Option<char> {
    Some(match w.trim_end_matches('s') {
        "day" => 'D',
        "week" => 'W',
        "month" => 'M',
        "year" => 'Y',
        "decade" => 'E',
        "century" | "centurie" => 'C',
        "hour" => 'H',
        "minute" => 'm',
        "weekend" => 'K',
        "quarter" => 'Q',
        _ => return None,
    })
}

/// A season as a TIMEX3 code ("fall" and "autumn" are `FA`).
pub(super) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A part of the day as a TIMEX3 code (`MO`, `AF`, `EV`, `NI`).
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A year in four digits, 1800 to 2100 ("mid-1990" too).
pub(super) fn year_token(w: &str) -> Option<i32> {
    let w = w.trim_start_matches("mid-");
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2100).contains(&y).then_some(y);
    }
    None
}

/// A day of a month: "18", "3rd", "eighth", "twenty-first", or the first of a span ("23-24").
pub(super) fn day_token(w: &str) -> Option<u32> {
    // a day in words ("March eighth", "the twenty-first")
    if let Some(n) = ordinal_in_words(w) {
        return Some(n);
    }
    // a span of days ("June 23-24", "7-8 July"): its first
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        return (1..=31)
            .contains(&a)
            .then_some(a)
            .filter(|_| a < b && b <= 31);
    }
    let d = w
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    let d: u32 = d.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// The decade a bare "nineties" or "'80s" (`d` its tens digit) names: the latest such decade
/// begun by publication, or one beginning within two years ("the twenties" of a 2025 story is
/// the 2020s, of a 1998 story the 1920s; "the nineties" of a 1989 story the 1990s); the 1900s
/// without a date.
pub(super) fn decade_of(a: Option<Date>, d: i64) -> String {
    let century = a.map_or(19, |a| {
        let c = i64::from(a.year) / 100;
        if (c * 10 + d) * 10 > i64::from(a.year) + 2 {
            c - 1
        } else {
            c
        }
    });
    format!("{century}{d}")
}

/// The latest date with weekday `wd` not after `a` (past) or the next one after `a` (future).
pub(super) fn weekday_date(a: Date, wd: u32, dir: i32) -> Date {
    let cur = a.weekday() as i64;
    let wd = wd as i64;
    match dir {
        d if d < 0 => a.add_days(-((cur - wd).rem_euclid(7))),
        // the coming one: today's weekday is today ("will meet on Thursday", written on a
        // Thursday)
        d if d > 0 => a.add_days((wd - cur).rem_euclid(7)),
        _ => a,
    }
}

/// Day `d` of month `m` named without a year: the year that puts it nearest the publication
/// date, a day ahead counting `ahead` times as far as one behind.
pub(super) fn nearest_day(a: Date, m: u32, d: u32, ahead: i64) -> Option<String> {
    (a.year - 1..=a.year + 1)
        .filter_map(|y| Date::new(y, m, d))
        .min_by_key(|c| {
            let diff = c.to_days() - a.to_days();
            if diff > 0 {
                diff * ahead
            } else {
                -diff
            }
        })
        .map(|x| x.to_string())
}

/// Month `m` named without a year: the year that puts it nearest the publication date, a
/// month ahead counting twice as far as one behind (news reports more than it announces)
/// unless the clause looks ahead, as for a month and day.
pub(super) fn nearest_month(a: Date, m: u32, tense: Option<i32>, future: bool) -> String {
    // (a clause told in the past counts a month ahead four times as far)
    let ahead = match tense {
        Some(1) => 1,
        Some(-1) => 4,
        _ if future => 1,
        _ => 2,
    };
    let months = |y: i32| (y * 12 + m as i32) - (a.year * 12 + a.month as i32);
    let y = (a.year - 1..=a.year + 1)
        .min_by_key(|&y| {
            let d = months(y);
            if d > 0 {
                d * ahead
            } else {
                -d
            }
        })
        .unwrap_or(a.year);
    format!("{y:04}-{m:02}")
}

/// A year read from the words of a sentence, and how many words name it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct NamedYear {
    pub year: i32,
    pub len: usize,
}

/// A month of a year, written `2018-05`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The month `n` months from `a`'s.
pub(super) fn shift_months(a: Date, n: i64) -> YearMonth {
    let total = i64::from(a.year) * 12 + i64::from(a.month) - 1 + n;
    YearMonth {
        year: (total.div_euclid(12)) as i32,
        month: (total.rem_euclid(12) + 1) as u32,
    }
}
