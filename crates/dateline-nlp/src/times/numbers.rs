//! Numbers, ordinals and years written in words.
//!
//! Heuristics:
//! - a count is a digit string under 10,000 or a number word ("three", "twenty-five",
//!   "a"/"an" as one, "dozen", "hundred"); "several" and "few" are no number;
//! - ordinals in words run from "first" to "thirty-first"; a century is an ordinal up to 21
//!   in words or up to 30 in digits ("20th");
//! - a year in words is a century word and two digits in words ("nineteen ninety-seven",
//!   "nineteen seventy nine"), or "two thousand [and] one", as broadcast transcripts write
//!   them.

pub(super) fn number_word(w: &str) -> Option<i64> {
    const N: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(i) = N.iter().position(|x| *x == w) {
        return Some(i as i64);
    }
    const TEENS: [&str; 7] = [
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(i) = TEENS.iter().position(|x| *x == w) {
        return Some(13 + i as i64);
    }
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(20 + 10 * i as i64);
    }
    // "twenty-five"
    if let Some((t, u)) = w.split_once('-') {
        let t = TENS.iter().position(|x| *x == t)?;
        let u = N[1..10].iter().position(|x| *x == u)?;
        return Some(20 + 10 * t as i64 + 1 + u as i64);
    }
    match w {
        "a" | "an" => Some(1),
        "several" | "few" => None,
        "dozen" => Some(12),
        "hundred" => Some(100),
        _ => w.parse::<i64>().ok().filter(|n| (0..10_000).contains(n)),
    }
}

/// An ordinal in words, "first" to "thirty-first".
pub(super) fn ordinal_in_words(w: &str) -> Option<u32> {
    const UNITS: [&str; 9] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEENS: [&str; 10] = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|k| k as u32 + 1);
    if let Some(n) = unit(w) {
        return Some(n);
    }
    if let Some(k) = TEENS.iter().position(|x| *x == w) {
        return Some(k as u32 + 10);
    }
    match w {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        _ => {}
    }
    let (base, u) = w
        .strip_prefix("twenty-")
        .map(|u| (20, u))
        .or_else(|| w.strip_prefix("thirty-").map(|u| (30, u)))?;
    unit(u).map(|n| base + n).filter(|&n| n <= 31)
}

/// The century an ordinal names ("20th", "twentieth"): 20.
pub(super) fn century_ordinal(w: &str) -> Option<i64> {
    if let Some(n) = ordinal_in_words(w).filter(|&n| n <= 21) {
        return Some(i64::from(n));
    }
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))?;
    digits.parse::<i64>().ok().filter(|n| (1..=30).contains(n))
}

/// A year spelled out in words, as broadcast transcripts write them ("nineteen ninety-seven",
/// "nineteen seventy nine", "two thousand", "two thousand and one"), starting at word `i`:
/// the year and how many words it takes.
pub(super) fn spelled_year(words: &[String], i: usize) -> Option<(i32, usize)> {
    fn unit(w: &str) -> Option<i32> {
        const U: [&str; 9] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        U.iter().position(|x| *x == w).map(|p| p as i32 + 1)
    }
    fn tens(w: &str) -> Option<i32> {
        const T: [&str; 8] = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        T.iter().position(|x| *x == w).map(|p| p as i32 * 10 + 20)
    }
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    // the last two digits: "ninety-seven", "ninety seven", "ninety"
    let two_digits = |k: usize| -> Option<(i32, usize)> {
        let t = w(k);
        if let Some((a, b)) = t.split_once('-') {
            return Some((tens(a)? + unit(b)?, 1));
        }
        let t = tens(t)?;
        Some(match unit(w(k + 1)) {
            Some(u) => (t + u, 2),
            None => (t, 1),
        })
    };
    let century = match w(0) {
        "nineteen" => 1900,
        "eighteen" => 1800,
        "two" if w(1) == "thousand" => {
            let mut n = 2;
            if w(n) == "and" {
                n += 1;
            }
            return Some(match unit(w(n)) {
                Some(u) => (2000 + u, n + 1),
                None => (2000, 2),
            });
        }
        _ => return None,
    };
    let (yy, n) = two_digits(1)?;
    Some((century + yy, n + 1))
}

/// "first" .. "fourth" as 1 .. 4.
pub(super) fn ordinal_word(x: &str) -> Option<u32> {
    ordinal_in_words(x).filter(|&n| n <= 4)
}
