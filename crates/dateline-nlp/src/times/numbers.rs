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

use super::calendar::NamedYear;
use super::words::{words, ONE};

/// A count in words or digits: "three", "twenty-five", "a" (one), "dozen", "1500" (digits
/// under 10,000); "several" and "few" are none.
pub(super) fn number_word(w: &str) -> Option<i64> {
    let numbers = &words().numbers;
    if let Some(&n) = numbers.get(w) {
        return Some(n);
    }
    // "twenty-five"
    if let Some((t, u)) = w.split_once('-') {
        return Some(i64::from(tens(t)? + unit(u)?));
    }
    if ONE.contains(&w) {
        return Some(1);
    }
    w.parse::<i64>().ok().filter(|n| (0..10_000).contains(n))
}

/// A tens word, "twenty" to "ninety".
fn tens(w: &str) -> Option<i32> {
    words()
        .numbers
        .get(w)
        .copied()
        .filter(|&n| (20..=90).contains(&n) && n % 10 == 0)
        .and_then(|n| i32::try_from(n).ok())
}

/// A unit word, "one" to "nine".
fn unit(w: &str) -> Option<i32> {
    words()
        .numbers
        .get(w)
        .copied()
        .filter(|n| (1..=9).contains(n))
        .and_then(|n| i32::try_from(n).ok())
}

/// An ordinal in words, "first" to "thirty-first".
pub(super) fn ordinal_in_words(w: &str) -> Option<u32> {
    let ordinals = &words().ordinals;
    if let Some(&n) = ordinals.get(w) {
        return Some(n);
    }
    let (base, u) = w
        .strip_prefix("twenty-")
        .map(|u| (20, u))
        .or_else(|| w.strip_prefix("thirty-").map(|u| (30, u)))?;
    let u = ordinals.get(u).copied().filter(|n| (1..=9).contains(n))?;
    Some(base + u).filter(|&n| n <= 31)
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
pub(super) fn spelled_year(words: &[String], i: usize) -> Option<NamedYear> {
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
                Some(u) => NamedYear {
                    year: 2000 + u,
                    len: n + 1,
                },
                None => NamedYear { year: 2000, len: 2 },
            });
        }
        _ => return None,
    };
    let (yy, n) = two_digits(1)?;
    Some(NamedYear {
        year: century + yy,
        len: n + 1,
    })
}

/// "first" .. "fourth" as 1 .. 4.
pub(super) fn ordinal_word(x: &str) -> Option<u32> {
    ordinal_in_words(x).filter(|&n| n <= 4)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{case, check, run};

    /// "the 20th of May" is a day, no century.
    #[test]
    fn the_20th_of_a_month_is_no_century() {
        let got = run("It opens on the 20th of May.", "1998-03-05");
        assert!(
            got.iter().all(|(_, v)| v.as_deref() != Some("19")),
            "{got:?}"
        );
    }

    #[test]
    fn years_in_words() {
        check(&[
            case(
                "He left in January nineteen ninety-seven.",
                "1998-02-13",
                &[("January nineteen ninety-seven", "1997-01")],
            ),
            case(
                "It began in nineteen seventy nine.",
                "1998-02-13",
                &[("nineteen seventy nine", "1979")],
            ),
            case(
                "By the year two thousand it will be done.",
                "1998-02-13",
                &[("two thousand", "2000")],
            ),
            case(
                "Snow fell all through the winter of nineteen eighty-seven.",
                "1998-02-13",
                &[("winter of nineteen eighty-seven", "1987-WI")],
            ),
            // numbers that are no years
            case(
                "Nineteen people and two thousand troops came.",
                "1998-02-13",
                &[],
            ),
        ]);
    }
}
