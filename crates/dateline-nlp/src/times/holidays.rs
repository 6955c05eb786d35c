//! Holidays on fixed or computed days (the US calendar where countries differ):
//! Thanksgiving (fourth Thursday of November), Christmas (Eve), New Year's Eve and Day,
//! Halloween, Valentine's Day, Labor Day (first Monday of September), Memorial Day (last
//! Monday of May), Veterans Day, Election Day (the Tuesday after the first Monday of
//! November) and the Fourth of July, as `data/nlp/holidays.tsv` lists them.

use dateline_core::date::Date;

use super::words::{words, HolidayDate};

/// The `n`th weekday `wd` (0 = Monday) of a month.
fn nth_weekday(y: i32, m: u32, wd: u32, n: u32) -> Option<Date> {
    let first = Date::new(y, m, 1)?;
    let offset = (wd + 7 - first.weekday()) % 7;
    Some(first.add_days(i64::from(offset + 7 * (n - 1))))
}

/// The last weekday `wd` (0 = Monday) of a month.
fn last_weekday(y: i32, m: u32, wd: u32) -> Option<Date> {
    let last = (28..=31).rev().find_map(|d| Date::new(y, m, d))?;
    let back = (last.weekday() + 7 - wd) % 7;
    Some(last.add_days(-i64::from(back)))
}

/// A holiday named in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct NamedHoliday {
    /// How many words name it.
    pub len: usize,
    date: HolidayDate,
}

impl NamedHoliday {
    /// Its date in year `y`.
    pub fn on(&self, y: i32) -> Option<Date> {
        on(self.date, y)
    }
}

/// Whether word `w` is the word `name` of a holiday's name ("'s" is either apostrophe).
fn same(name: &str, w: &str) -> bool {
    name == w || name == "'s" && w == "\u{2019}s"
}

/// A holiday named at word `i` of `tokens` (`data/nlp/holidays.tsv`).
pub(super) fn holiday_named(tokens: &[String], i: usize) -> Option<NamedHoliday> {
    let w = |k: usize| tokens.get(i + k).map(String::as_str).unwrap_or("");
    words().holidays.iter().find_map(|h| {
        if !h.words.iter().enumerate().all(|(k, name)| same(name, w(k))) {
            return None;
        }
        let n = h.words.len();
        let len = n + usize::from(h.day_optional && w(n) == "day");
        Some(NamedHoliday { len, date: h.date })
    })
}

/// Whether a holiday named at a word may start with word `w`: the test [`holiday_named`]
/// makes of its first word (any word, were a name empty).
pub(super) fn starts_holiday(w: &str) -> bool {
    words().holidays.iter().any(|h| match h.words.first() {
        Some(name) => same(name, w),
        None => true,
    })
}

/// A holiday's date in year `y`.
fn on(date: HolidayDate, y: i32) -> Option<Date> {
    match date {
        HolidayDate::Fixed { month, day } => Date::new(y, month, day),
        HolidayDate::Weekday {
            month,
            weekday,
            n: 0,
            later,
        } => Some(last_weekday(y, month, weekday)?.add_days(later)),
        HolidayDate::Weekday {
            month,
            weekday,
            n,
            later,
        } => Some(nth_weekday(y, month, weekday, n)?.add_days(later)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{case, check};

    #[test]
    fn holidays() {
        check(&[
            // the boy was found on Thanksgiving Day (written in January 2000)
            case(
                "He was found on Thanksgiving Day.",
                "2000-01-07",
                &[("Thanksgiving Day", "1999-11-25")],
            ),
            // the coming Election Day (the Tuesday after the first Monday of November)
            case(
                "Candidates will knock on doors until Election Day.",
                "1998-10-26",
                &[("Election Day", "1998-11-03")],
            ),
            case(
                "Stores closed on Christmas Eve and Memorial Day.",
                "2001-06-10",
                &[
                    ("Christmas Eve", "2000-12-24"),
                    ("Memorial Day", "2001-05-28"),
                ],
            ),
            // a last one and a next one
            case(
                "Last Labor Day was quiet; next Halloween will not be.",
                "2001-06-10",
                &[("Labor Day", "2000-09-04"), ("Halloween", "2001-10-31")],
            ),
            // lower case is no holiday name
            case("a new year's day of rest", "2001-06-10", &[]),
        ]);
    }
}
