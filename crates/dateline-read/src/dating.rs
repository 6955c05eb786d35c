//! Publication dates for articles whose metadata carries none: a date line near the top of the
//! text, else a date in the file's name or path. A date found either way must be a real
//! calendar date and not later than tomorrow.
//!
//! Text: within the first 5 lines and 600 bytes (`HEAD_LINES`, `HEAD_BYTES`), a short line that is a
//! date ("18 May 2018", "May 18, 2018", "Friday, May 18, 2018 10:23"), a labelled one
//! ("Published: 2018-05-18"), or a wire dateline opening a paragraph ("MOSCOW, May 18, 2018
//! (Reuters) -"; without a year, "MOSCOW, May 18 (Reuters) -", only when the path names the
//! year). Path: `2018-05-18`, `2018_05_18`, `2018/05/18`, `2018.05.18` or `20180518`, with no
//! digit on either side.

use dateline_core::date::{month_number, parse_date_line, Date};

/// How many lines from the top a date line may sit on.
const HEAD_LINES: usize = 5;
/// How many bytes from the top a date line may sit within.
const HEAD_BYTES: usize = 600;
/// A line at most this long that reads as a date is a date line.
const SHORT_LINE: usize = 60;
/// Labels that introduce a publication date on its own line (compared without case).
const LABELS: [&str; 6] = [
    "published",
    "posted",
    "updated",
    "date",
    "first published",
    "last updated",
];

/// Today, from the system clock (days since 1970-01-01 in the proleptic Gregorian calendar).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The date as ISO text when it is not after the day after `today`.
fn plausible(d: Date, today: Date) -> Option<String> {
    (d.to_days() <= today.to_days() + 1).then(|| d.to_string())
}

/// A publication date on a line near the top of `body`; `year` (from the path) dates a wire
/// dateline that names no year.
pub fn date_in_text(body: &str, year: Option<i32>, today: Date) -> Option<String> {
    let mut end = body.len().min(HEAD_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    for line in body[..end].lines().take(HEAD_LINES) {
        let line = line.trim().trim_start_matches(['#', '*', '_', ' ']).trim();
        if line.is_empty() {
            continue;
        }
        let found = labelled(line)
            .or_else(|| (line.chars().count() <= SHORT_LINE).then(|| parse_date_line(line))?)
            .or_else(|| wire_dateline(line, year));
        if let Some(d) = found.as_deref().and_then(Date::parse_iso) {
            return plausible(d, today);
        }
    }
    None
}

/// "Published: 2018-05-18", "Updated May 18, 2018".
fn labelled(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let label = LABELS
        .iter()
        .filter(|l| lower.starts_with(*l))
        .max_by_key(|l| l.len())?;
    let rest = line
        .get(label.len()..)?
        .trim_start_matches([':', ' ', '-', '\u{a0}']);
    let rest = rest.strip_prefix("on ").unwrap_or(rest);
    if let Some(d) = rest.get(..10).and_then(Date::parse_iso) {
        return Some(d.to_string());
    }
    parse_date_line(rest)
}

/// "MOSCOW, May 18, 2018 (Reuters) -" or, with the year from elsewhere, "MOSCOW, May 18
/// (Reuters) -": upper-case place words, a comma, a month and a day before an opening
/// parenthesis or a dash.
fn wire_dateline(line: &str, year: Option<i32>) -> Option<String> {
    let (place, rest) = line.split_once(',')?;
    let is_place = !place.is_empty()
        && place.chars().any(char::is_alphabetic)
        && place.chars().all(|c| !c.is_lowercase());
    if !is_place {
        return None;
    }
    let stop = rest.find(['(', '-', '\u{2014}', '\u{2013}'])?;
    let words: Vec<&str> = rest[..stop]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (m, d) = match words.as_slice() {
        [m, d] | [m, d, _] => (month_number(m)?, d.parse::<u32>().ok()?),
        _ => return None,
    };
    let y = match words.get(2) {
        Some(y) => y.parse::<i32>().ok()?,
        None => year?,
    };
    Date::new(y, m, d).map(|d| d.to_string())
}

/// A date in a file's name or path: the last one in it wins (the file name over its folders).
pub fn date_in_path(path: &str, today: Date) -> Option<String> {
    let b = path.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |from: usize, len: usize| -> Option<u32> {
        path.get(from..from + len)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let mut found = None;
    for i in 0..b.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            continue;
        }
        let Some(y) = num(i, 4) else { continue };
        let sep = b.get(i + 4).copied();
        let (m, d, end) = match sep {
            Some(s @ (b'-' | b'_' | b'/' | b'.')) if b.get(i + 7) == Some(&s) => {
                (num(i + 5, 2), num(i + 8, 2), i + 10)
            }
            _ => (num(i + 4, 2), num(i + 6, 2), i + 8),
        };
        let (Some(m), Some(d)) = (m, d) else { continue };
        if digit(end) || !(1900..=2100).contains(&y) {
            continue;
        }
        let date = i32::try_from(y).ok().and_then(|y| Date::new(y, m, d));
        if let Some(iso) = date.and_then(|d| plausible(d, today)) {
            found = Some(iso);
        }
    }
    found
}

/// A year in the path (`/2018/`, `2018-05-18`), for a dateline that names none.
pub fn year_in_path(path: &str) -> Option<i32> {
    let b = path.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len())
        .filter(|&i| digit(i) && (i == 0 || !digit(i - 1)) && !digit(i + 4))
        .filter_map(|i| path.get(i..i + 4)?.parse::<i32>().ok())
        .rfind(|y| (1900..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2020, 6, 1).expect("date")
    }

    #[test]
    fn date_lines_near_the_top_are_read() {
        let cases = [
            ("Harbour reopens\n18 May 2018\n\nThe harbour opened.", Some("2018-05-18")),
            ("Harbour reopens\nMay 18, 2018\nText.", Some("2018-05-18")),
            ("Published: 2018-05-18\nText.", Some("2018-05-18")),
            ("Updated on May 18, 2018 10:00\nText.", Some("2018-05-18")),
            ("MOSCOW, May 18, 2018 (Reuters) - The talks went on.", Some("2018-05-18")),
            ("MOSCOW, May 18 (Reuters) - The talks went on.", None),
            ("The talks went on for a long while, well past what anyone had planned, and on May 18, 2018 they ended.", None),
            ("a\nb\nc\nd\ne\nMay 18, 2018\n", None),
            ("Published: 2018-13-45\n", None),
            ("Published: 2030-01-01\n", None),
        ];
        for (text, want) in cases {
            assert_eq!(date_in_text(text, None, today()).as_deref(), want, "{text}");
        }
        let wire = "MOSCOW, May 18 (Reuters) - The talks went on.";
        assert_eq!(
            date_in_text(wire, Some(2018), today()).as_deref(),
            Some("2018-05-18")
        );
    }

    #[test]
    fn dates_in_paths_are_read() {
        let cases = [
            ("news/2018-05-18-harbour.txt", Some("2018-05-18")),
            ("news/20180518_harbour.txt", Some("2018-05-18")),
            ("news/2018/05/18/harbour.txt", Some("2018-05-18")),
            ("news/2018-13-45.txt", None),
            ("news/201805181.txt", None),
            ("news/2030-01-01.txt", None),
            ("news/harbour.txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(date_in_path(path, today()).as_deref(), want, "{path}");
        }
        assert_eq!(year_in_path("wire/2018/moscow.txt"), Some(2018));
    }
}
