//! A small proleptic-Gregorian calendar date, enough to anchor relative time expressions
//! (weekdays, "yesterday", "last week") without a date-time dependency.
//!
//! Days are counted from 1970-01-01 with Howard Hinnant's civil-from-days algorithm, so adding
//! days and finding weekdays are O(1) integer arithmetic.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The calendar part of an ISO 8601 value: `2018-05-18` of `2018-05-18T09:30`,
/// `2018-05-18 09:30:00Z` or `2018-05-18`; `2018-W20` and `2018-05` as they are. An event is
/// dated by the day, whatever the precision of the time or article date it came from.
pub fn calendar_part(value: &str) -> &str {
    let v = value.trim();
    v.split(['T', ' ']).next().unwrap_or(v)
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None` ("31 February", month 13, year outside 1..=9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD` (anything after the tenth byte, such as a time, is ignored).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32;
        (thursday.year, week)
    }

    pub fn week_value(self) -> String {
        let (y, w) = self.iso_week();
        format!("{y:04}-W{w:02}")
    }

    pub fn month_value(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Month number (1-12) of an English month name or its usual abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// Weekday number (0 = Monday) of an English weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() == 3 && d.starts_with(&w)))
        .map(|i| i as u32)
}

/// Parse a human date line such as "May 18, 2018", "18 May 2018", "2018-05-18" or
/// "Friday, May 18, 2018 10:23 AM". Returns the date and the ISO value truncated to what the
/// line says.
pub fn parse_date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(d) = Date::parse_iso(line) {
        return Some(d.to_string());
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches("st").trim_end_matches("nd");
        let w = w.trim_end_matches("rd").trim_end_matches("th");
        w.parse().ok()
    };
    for i in 0..words.len() {
        if let Some(m) = month_number(words[i]) {
            // Month D, YYYY
            if i + 2 < words.len() + 1 {
                if let (Some(d), Some(y)) = (
                    words.get(i + 1).and_then(|w| num(w)),
                    words.get(i + 2).and_then(|w| w.parse::<i32>().ok()),
                ) {
                    if let Some(dt) = Date::new(y, m, d) {
                        return Some(dt.to_string());
                    }
                }
            }
            // D Month YYYY
            if i > 0 {
                if let (Some(d), Some(y)) = (
                    num(words[i - 1]),
                    words.get(i + 1).and_then(|w| w.parse::<i32>().ok()),
                ) {
                    if let Some(dt) = Date::new(y, m, d) {
                        return Some(dt.to_string());
                    }
                }
            }
        }
    }
    None
}

// ---- Dates as ranges of days: a user's `--from`/`--to` bound, the days a date value stands for

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_part_drops_the_time() {
        assert_eq!(calendar_part("2018-05-18T09:30"), "2018-05-18");
        assert_eq!(calendar_part(" 2025-03-14 20:28:39Z"), "2025-03-14");
        assert_eq!(calendar_part("2018-W20"), "2018-W20");
        assert_eq!(calendar_part("2018-05"), "2018-05");
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Date::new(2018, 5, 18).unwrap();
        assert_eq!(d.weekday(), 4); // Friday
        assert_eq!(d.add_days(-1).to_string(), "2018-05-17");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(14).to_string(), "2018-06-01");
        assert_eq!(d.week_value(), "2018-W20");
        assert_eq!(Date::new(2021, 1, 1).unwrap().iso_week(), (2020, 53));
    }

    #[test]
    fn invalid_dates_are_rejected() {
        assert!(Date::new(2018, 2, 31).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(99999, 1, 1).is_none());
        assert!(Date::parse_iso("2018-13-01").is_none());
        assert!(Date::new(2016, 2, 29).is_some());
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            parse_date_line("May 18, 2018").as_deref(),
            Some("2018-05-18")
        );
        assert_eq!(
            parse_date_line("18 May 2018").as_deref(),
            Some("2018-05-18")
        );
        assert_eq!(
            parse_date_line("Friday, May 18, 2018 10:23").as_deref(),
            Some("2018-05-18")
        );
        assert_eq!(
            parse_date_line("2018-05-18T10:00:00Z").as_deref(),
            Some("2018-05-18")
        );
        assert_eq!(parse_date_line("Not a date"), None);
        assert_eq!(parse_date_line("February 31, 2018"), None);
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday_number("Thu"), Some(3));
    }
}
