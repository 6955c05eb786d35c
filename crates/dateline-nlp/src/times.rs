//! Temporal expressions (TimeML TIMEX3 types DATE, TIME, DURATION, SET) normalised against the
//! publication date.
//!
//! Token patterns, tried at every token, longest first: calendar dates ("May 18, 2018",
//! "18 May", "October 2015", "2018-05-18"), months with a relative year ("November last
//! year"), bare months and weekdays resolved by the sentence's tense (a past-tense "on
//! Thursday" is the latest Thursday up to the publication day; a future one the next), deictic
//! words ("yesterday", "tonight"), relative units ("last week", "next month", "two days ago",
//! "earlier this year"), years and decades, seasons and quarters, durations ("three years") and
//! sets ("every week"). Prepositions stay outside the span, as in TimeBank.

use crate::tokens::{Sentence, Token};
use dateline_core::date::{month_number, weekday_number, Date};
use dateline_core::TimeExpr;

struct Ctx<'a> {
    words: Vec<String>,
    raw: Vec<&'a str>,
    anchor: Option<Date>,
    future: bool,
    /// "will", "next": strong enough to move a bare weekday forward
    strong_future: bool,
}

fn number_word(w: &str) -> Option<i64> {
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
fn ordinal_in_words(w: &str) -> Option<u32> {
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
fn century_ordinal(w: &str) -> Option<i64> {
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

fn unit(w: &str) -> Option<char> {
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

fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn year_token(w: &str) -> Option<i32> {
    let w = w.trim_start_matches("mid-");
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        return (1800..=2100).contains(&y).then_some(y);
    }
    None
}

/// A year spelled out in words, as broadcast transcripts write them ("nineteen ninety-seven",
/// "nineteen seventy nine", "two thousand", "two thousand and one"), starting at word `i`:
/// the year and how many words it takes.
fn spelled_year(words: &[String], i: usize) -> Option<(i32, usize)> {
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

/// A holiday's date in a given year.
type DayOfYear = fn(i32) -> Option<Date>;

/// A holiday named at word `i` (US calendar where countries differ): how many words it takes
/// and its date in a given year.
fn holiday(words: &[String], i: usize) -> Option<(usize, DayOfYear)> {
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let poss = |k: usize| matches!(w(k), "'s" | "\u{2019}s");
    let day = |k: usize| usize::from(w(k) == "day");
    Some(match w(0) {
        "thanksgiving" => (1 + day(1), |y| nth_weekday(y, 11, 3, 4)),
        "christmas" if w(1) == "eve" => (2, |y| Date::new(y, 12, 24)),
        "christmas" => (1 + day(1), |y| Date::new(y, 12, 25)),
        "new" if w(1) == "year" && poss(2) && w(3) == "eve" => (4, |y| Date::new(y, 12, 31)),
        "new" if w(1) == "year" && poss(2) && w(3) == "day" => (4, |y| Date::new(y, 1, 1)),
        "halloween" => (1, |y| Date::new(y, 10, 31)),
        "valentine" if poss(1) && w(2) == "day" => (3, |y| Date::new(y, 2, 14)),
        "labor" if w(1) == "day" => (2, |y| nth_weekday(y, 9, 0, 1)),
        "memorial" if w(1) == "day" => (2, |y| last_weekday(y, 5, 0)),
        "veterans" if w(1) == "day" => (2, |y| Date::new(y, 11, 11)),
        // the Tuesday after the first Monday of November
        "election" if w(1) == "day" => (2, |y| Some(nth_weekday(y, 11, 0, 1)?.add_days(1))),
        "fourth" if w(1) == "of" && w(2) == "july" => (3, |y| Date::new(y, 7, 4)),
        _ => return None,
    })
}

fn day_token(w: &str) -> Option<u32> {
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

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "would",
    "shall",
    "next",
    "plans",
    "plan",
    "planned",
    "scheduled",
    "expected",
    "upcoming",
    "coming",
    "due",
];

/// Find and normalise the time expressions of one document.
pub fn find(
    body: &str,
    toks: &[Token],
    sents: &[Sentence],
    published: Option<&str>,
) -> Vec<TimeExpr> {
    let anchor = published.and_then(Date::parse_iso);
    let mut out: Vec<TimeExpr> = Vec::new();
    // the quarter a report is about, and how many sentences ago it was named
    let mut quarter: Option<(i32, u32, usize)> = None;
    for s in sents {
        let first = out.len();
        let st = &toks[s.tok_start..s.tok_end];
        let raw: Vec<&str> = st.iter().map(|t| t.text(body)).collect();
        let words: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        // ("next to the embassy", "next door" look nowhere)
        let cue = |k: usize| {
            let w = words[k].as_str();
            w != "next" || !matches!(words.get(k + 1).map(String::as_str), Some("to" | "door"))
        };
        let future = (0..words.len()).any(|k| FUTURE_CUES.contains(&words[k].as_str()) && cue(k));
        let strong_future = (0..words.len()).any(|k| {
            matches!(
                words[k].as_str(),
                "will" | "'ll" | "shall" | "next" | "coming" | "upcoming" | "tomorrow"
            ) && cue(k)
        });
        let cx = Ctx {
            words,
            raw,
            anchor,
            future,
            strong_future,
        };
        let mut i = 0;
        while i < st.len() {
            match at(&cx, i) {
                Some((n, kind, mut value)) => {
                    let (a, b) = (st[i].start, st[i + n - 1].end);
                    // a clock right after a full date is on that date ("February 6, 2016
                    // 9:33PM", "Sept. 11, 2001, at 8:46 a.m.")
                    if kind == "TIME" {
                        if let Some(day) = out.last().filter(|p| {
                            p.kind == "DATE"
                                && p.end <= a
                                && body[p.end..a]
                                    .split(|c: char| c.is_whitespace() || c == ',')
                                    .all(|w| w.is_empty() || w == "at")
                        }) {
                            let d = day.value.as_deref().filter(|d| d.len() == 10);
                            if let (Some(d), Some(v)) = (d, value.as_deref()) {
                                if let Some((_, clock)) = v.split_once('T') {
                                    value = Some(format!("{d}T{clock}"));
                                }
                            }
                        }
                    }
                    out.push(TimeExpr {
                        start: a,
                        end: b,
                        text: body[a..b].to_string(),
                        kind: kind.to_string(),
                        value,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        quarter_context(&mut out[first..], &mut quarter, anchor);
    }
    year_anaphora(&mut out);
    month_anaphora(&mut out);
    day_anaphora(&mut out, anchor);
    out
}

/// The offset a year named by reference ("that year", "the following year") takes from the
/// last year the text named, marked by `at` as `YEAR_REF` values.
const YEAR_REF: &str = "YEAR_REF";

/// "That year", "later that year", "the same year" are the year the text last named in digits
/// ("in 1996 … that year"); "the following year" the one after, "the previous year" the one
/// before; with no year named before, no value.
/// Days named by reference ("the next morning", "earlier that day", "the day before"):
/// the last full date the text named before them (a weekday's too, or such a day's own),
/// shifted; `at` marks them as `DAY_REF` values. Without such a date, the publication day.
const DAY_REF: &str = "DAY_REF";

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

/// "That month", "later that month" are the month the text last named ("in March … later that
/// month"), "the following month" the one after; with none named before, no value.
const MONTH_REF: &str = "MONTH_REF";

fn month_anaphora(out: &mut [TimeExpr]) {
    let mut last: Option<(i32, u32)> = None;
    for t in out.iter_mut() {
        if let Some(shift) = t
            .value
            .as_deref()
            .and_then(|v| v.strip_prefix(MONTH_REF))
            .map(|d| d.parse::<i64>().unwrap_or(0))
        {
            let month = last
                .and_then(|(y, m)| Date::new(y, m, 1))
                .map(|d| shift_months(d, shift));
            t.value = month.map(|(y, m)| format!("{y:04}-{m:02}"));
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
                last = Some((y, m));
            }
        }
    }
}

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

/// The decade a bare "nineties" or "'80s" (`d` its tens digit) names: the latest such decade
/// begun by publication, or one beginning within two years ("the twenties" of a 2025 story is
/// the 2020s, of a 1998 story the 1920s; "the nineties" of a 1989 story the 1990s); the 1900s
/// without a date.
fn decade_of(a: Option<Date>, d: i64) -> String {
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

/// The year named at word `j` after "of" in "the second half of …", "the first quarter of …":
/// a year in digits, or "this year", "the year", "the current year", "last year", "the
/// previous year", "next year", "the coming year" (by the publication date); with how many
/// words it takes.
/// `part_begins` is the month the half or quarter begins: "the year" (not "this year") is the
/// last one when that part is still to come at publication and the clause does not look ahead
/// ("raised during the third quarter of the year" in January).
fn year_named(cx: &Ctx, j: usize, part_begins: u32) -> Option<(i32, usize)> {
    let w = |k: usize| cx.words.get(j + k).map(String::as_str).unwrap_or("");
    if let Some(y) = year_token(w(0)) {
        return Some((y, 1));
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
    Some((a.year + shift, n))
}

/// "first" .. "fourth" as 1 .. 4.
fn ordinal_word(x: &str) -> Option<u32> {
    ordinal_in_words(x).filter(|&n| n <= 4)
}

/// In a report about a quarter ("third-quarter profit rose"), "a year ago", "a year earlier"
/// and "last year" mean that quarter a year before (TimeML values like `1988-Q3`). The quarter
/// named in this sentence, or in one of the four before, sets the context.
/// "the quarter", "the latest quarter" (0) or "the year-ago quarter" (1): a company report's
/// own quarter, or that quarter a year back.
fn report_quarter(text: &str) -> Option<i32> {
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

fn quarter_context(
    times: &mut [TimeExpr],
    quarter: &mut Option<(i32, u32, usize)>,
    anchor: Option<Date>,
) {
    // (a quarter still to end by publication, "a fourth-quarter charge" expected in November,
    // is no quarter a report is about)
    let ended = |y: i32, q: u32| {
        anchor.is_none_or(|a| {
            (i64::from(y) * 4 + i64::from(q)) * 3 < i64::from(a.year) * 12 + i64::from(a.month)
        })
    };
    let named = times
        .iter()
        .filter(|t| report_quarter(&t.text).is_none())
        .find_map(|t| {
            let v = t.value.as_deref()?;
            let (y, q) = v.split_once("-Q")?;
            let (y, q) = (y.parse::<i32>().ok()?, q.parse::<u32>().ok()?);
            ended(y, q).then_some((y, q))
        });
    match named {
        Some((y, q)) => *quarter = Some((y, q, 0)),
        None => {
            if let Some(x) = quarter.as_mut() {
                x.2 += 1;
            }
        }
    }
    let Some((y, q, age)) = *quarter else { return };
    if age > 4 {
        return;
    }
    for t in times.iter_mut() {
        let l = t.text.to_lowercase();
        // (a comparison with the year before is with its same quarter; "last year" names
        // the year)
        let year_back = ["year ago", "year earlier", "year before", "year-earlier"]
            .iter()
            .any(|p| l.contains(p));
        let plain = t
            .value
            .as_deref()
            .is_some_and(|v| v == "P1Y" || (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())));
        if year_back && plain && !l.contains("quarter") {
            t.kind = "DATE".to_string();
            t.value = Some(format!("{:04}-Q{q}", y - 1));
        }
        // "the quarter", "the latest quarter", "the year-ago quarter": the report's quarter
        if let Some(back) = report_quarter(&t.text) {
            t.value = Some(format!("{:04}-Q{q}", y - back));
        }
        // "the 1988 quarter": the report's quarter of that year ("the 1988 period" may be the
        // year or a half: left as the year)
        let words: Vec<&str> = l.split(' ').collect();
        if let ["the", year, "quarter"] = words.as_slice() {
            if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
                t.kind = "DATE".to_string();
                t.value = Some(format!("{year}-Q{q}"));
            }
        }
    }
}

/// The tense of the clause around token `i` from the words nearest to it (ten before, two
/// after): a future marker ("will", "plans", "to leave … on Thursday") gives 1, a past-tense
/// verb ("said", "met", "was", a word in -ed) gives -1; the nearest decides.
fn local_tense(cx: &Ctx, i: usize) -> Option<i32> {
    const FUTURE: &[&str] = &[
        "will",
        "'ll",
        "shall",
        "would",
        "plans",
        "plan",
        "planned",
        "planning",
        "scheduled",
        "expected",
        "due",
        "going",
        "looming",
        "upcoming",
        // a start or opening told in the present is one to come ("Glass recycling starts on
        // Friday", "the exhibition opens Saturday")
        "starts",
        "begins",
        "opens",
        "resumes",
    ];
    const PAST: &[&str] = &[
        "said", "was", "were", "had", "did", "met", "told", "went", "came", "took", "made", "gave",
        "held", "left", "began", "won", "lost", "saw", "spoke", "wrote", "ago",
        // irregular pasts that are no nouns or presents ("caught up with him in June")
        "caught", "found", "fought", "brought", "bought", "thought", "got", "sent", "struck",
        "stood", "fell", "felt", "kept", "paid", "sold", "became", "broke", "chose", "drove",
        "flew", "knew", "grew", "threw", "rose", "stole", "built", "spent", "heard", "sat",
        "withdrew", "fled", "sought", "taught", "ran", "drew", "shook", "swore", "woke",
    ];
    let class = |j: usize| -> Option<i32> {
        let w = cx.words[j].as_str();
        let lower_case = cx.raw[j].chars().next().is_some_and(char::is_lowercase);
        // a participle after "be" ("will be held") says nothing of the tense
        let after_be = j > 0
            && matches!(
                cx.words[j - 1].as_str(),
                "be" | "been" | "being" | "is" | "are" | "am"
            );
        let next = cx.words.get(j + 1).map_or("", String::as_str);
        // ("a contested convention", "the expanded program": a participle after a
        // determiner is an adjective)
        // ("unspecified", "undisclosed" are adjectives too)
        let adjective = w.starts_with("un")
            || j > 0
                && matches!(
                    cx.words[j - 1].as_str(),
                    "a" | "an" | "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
                );
        // "plans to", "expected to", "set to resume": a noun ("a cooperation plan") or a
        // participle without "to" looks nowhere
        let needs_to = matches!(
            w,
            "plan" | "plans" | "expected" | "due" | "scheduled" | "set"
        );
        // ("has scheduled a news conference Thursday": a plan with its object)
        let planned_thing =
            matches!(w, "scheduled" | "planned") && matches!(next, "a" | "an" | "the");
        let looks_ahead =
            matches!(next, "to" | "for") || (w == "due" && next == "by") || planned_thing;
        if needs_to && !looks_ahead {
            return None;
        }
        // "had been scheduled to expire Friday": planned in the past, for the past
        let pluperfect = (j.saturating_sub(3)..j).any(|k| cx.words[k] == "had");
        if (FUTURE.contains(&w) || w == "set" || w == "soon") && pluperfect && w != "will" {
            Some(-1)
        } else if FUTURE.contains(&w) || w == "set" || w == "soon" {
            Some(1)
        } else if after_be {
            None
        } else if PAST.contains(&w)
            || (lower_case && w.len() > 4 && w.ends_with("ed") && !adjective)
        {
            Some(-1)
        } else {
            None
        }
    };
    let before = (i.saturating_sub(10)..i).rev().map(|j| (i - j, j));
    // (the words after, up to a clause boundary: "on Saturday and were planning" is no past)
    let stop = (i + 1..(i + 3).min(cx.words.len()))
        .find(|&j| matches!(cx.words[j].as_str(), "and" | "but" | "," | "." | ";"))
        .unwrap_or((i + 3).min(cx.words.len()));
    let after = (i + 1..stop).map(|j| (j - i, j));
    let mut near: Vec<(usize, usize)> = before.chain(after).collect();
    near.sort_by_key(|&(d, j)| (d, j));
    near.into_iter().find_map(|(_, j)| class(j))
}

/// Whether the expression at token `i` is a deadline still to come: after "until" (a clock
/// time between) in a clause that gives, extends or postpones ("has given the family until 9
/// a.m. Tuesday", "postponed until Tuesday morning"), written in whatever tense.
fn deadline(cx: &Ctx, i: usize) -> bool {
    const SETS: &[&str] = &[
        "given",
        "gave",
        "gives",
        "extended",
        "extends",
        "postponed",
        "postpones",
        "delayed",
        "deadline",
        "adjourned",
        "recessed",
        "suspended",
        "has",
        "have",
        // what lasts to a day still runs ("the sale is being held through Saturday", "the
        // exhibit runs through Sunday", "is open until Friday")
        "runs",
        "continues",
        "lasts",
        "open",
        "being",
    ];
    let Some(u) = (i.saturating_sub(5)..i)
        .rev()
        .take_while(|&j| !matches!(cx.words[j].as_str(), "," | ";" | "." | "and"))
        .find(|&j| matches!(cx.words[j].as_str(), "until" | "till" | "through"))
    else {
        return false;
    };
    // ("have held primaries through Tuesday" is done: "has"/"have" only with "until")
    let through = cx.words[u] == "through";
    (u.saturating_sub(8)..u).any(|j| {
        let w = cx.words[j].as_str();
        SETS.contains(&w) && !(through && matches!(w, "has" | "have"))
    })
}

/// The latest date with weekday `wd` not after `a` (past) or the next one after `a` (future).
fn weekday_date(a: Date, wd: u32, dir: i32) -> Date {
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

/// Quarter `q` named without a year: this year's, unless it is still to come and the clause
/// does not look ahead (then last year's: "the fourth quarter" in a February report).
/// A two-digit year ("3Q18", "FY19") is of the publication's century, or of the century before
/// if that would put it more than five years ahead of publication.
fn two_digit_year(a: Option<Date>, yy: i32) -> i32 {
    let c = a.map_or(2000, |a| a.year - a.year.rem_euclid(100));
    if a.is_some_and(|a| c + yy > a.year + 5) {
        c - 100 + yy
    } else {
        c + yy
    }
}

fn quarter_value(a: Date, q: u32, tense: Option<i32>) -> String {
    format!("{:04}-Q{q}", quarter_year(a, q, tense))
}

fn quarter_year(a: Date, q: u32, tense: Option<i32>) -> i32 {
    let cur = (a.month - 1) / 3 + 1;
    if q > cur && tense != Some(1) {
        a.year - 1
    } else {
        a.year
    }
}

/// Day `d` of month `m` named without a year: the year that puts it nearest the publication
/// date, a day ahead counting `ahead` times as far as one behind.
fn nearest_day(a: Date, m: u32, d: u32, ahead: i64) -> Option<String> {
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
fn nearest_month(a: Date, m: u32, tense: Option<i32>, future: bool) -> String {
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

fn shift_months(a: Date, n: i64) -> (i32, u32) {
    let total = i64::from(a.year) * 12 + i64::from(a.month) - 1 + n;
    (
        (total.div_euclid(12)) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

fn at(cx: &Ctx, i: usize) -> Option<(usize, &'static str, Option<String>)> {
    let w = |k: usize| cx.words.get(i + k).map(String::as_str).unwrap_or("");
    let raw = |k: usize| cx.raw.get(i + k).copied().unwrap_or("");
    let a = cx.anchor;
    let prev = if i > 0 { cx.words[i - 1].as_str() } else { "" };

    // ISO date
    if let Some(d) = Date::parse_iso(raw(0)).filter(|_| raw(0).len() == 10) {
        return Some((1, "DATE", Some(d.to_string())));
    }
    // a bare abbreviation ("Sun", "Jan" with no full stop) is a weekday's or month's only
    // before a comma, a number or another date word: "Sun Microsystems" and "Jan Kavan" are
    // names
    let abbreviation_ok = |k: usize| {
        let r = raw(k);
        let bare = r.len() <= 4 && !r.ends_with('.') && !matches!(w(k), "may" | "june" | "july");
        // (before a comma, only if a date follows it: "Sun, Jan 2" but "Sun, Hewlett-Packard
        // and others")
        let date_word = |j: usize| {
            w(j).starts_with(|c: char| c.is_ascii_digit())
                || month_number(w(j)).is_some()
                || weekday_number(w(j)).is_some()
        };
        !bare
            || matches!(w(k + 1), "." | "-")
            || date_word(k + 1)
            || w(k + 1) == "," && date_word(k + 2)
    };
    // "Tuesday nights": that part of every such weekday
    if let Some(p) = w(1).strip_suffix('s').and_then(part_of_day) {
        if let Some(wd) = weekday_number(w(0)).filter(|_| raw(0).starts_with(char::is_uppercase)) {
            return Some((2, "SET", Some(format!("XXXX-WXX-{}T{p}", wd + 1))));
        }
    }
    // weekday [,] month day [,] year
    let mut k = 0;
    let mut weekday = None;
    if let Some(wd) = weekday_number(w(0))
        .filter(|_| raw(0).chars().next().is_some_and(char::is_uppercase) && abbreviation_ok(0))
    {
        weekday = Some(wd);
        k = if w(1) == "," { 2 } else { 1 };
    }
    // month-name dates
    let month_cap = raw(k).chars().next().is_some_and(char::is_uppercase);
    if let Some(m) =
        month_number(w(k)).filter(|_| month_cap && w(k).len() >= 3 && abbreviation_ok(k))
    {
        let mut n = k + 1;
        let mut day = None;
        if let Some(d) = day_token(w(n)) {
            day = Some(d);
            n += 1;
        }
        let mut j = n;
        if w(j) == "," {
            j += 1;
        }
        let mut year = year_token(w(j));
        if year.is_some() {
            n = j + 1;
        } else if let Some(y) = year_token(w(n + 3)).filter(|_| {
            // "May 3 to 5, 1999": the year after the second day (read on its own)
            day.is_some()
                && matches!(w(n), "and" | "or" | "to" | "through")
                && day_token(w(n + 1)).is_some()
                && w(n + 2) == ","
        }) {
            year = Some(y);
        } else if let Some((y, len)) = spelled_year(&cx.words, i + j) {
            // "January nineteen ninety-seven"
            year = Some(y);
            n = j + len;
        }
        let bare_may = w(k) == "may" && day.is_none() && year.is_none();
        match (day, year) {
            (Some(d), Some(y)) => {
                return Some((n, "DATE", Date::new(y, m, d).map(|x| x.to_string())))
            }
            (Some(d), None) => {
                // the year that puts the day nearest the publication date, a day ahead
                // counting twice as far as one behind (news reports more than it announces),
                // unless the clause is in the future tense
                let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
                let v = a.and_then(|a| nearest_day(a, m, d, ahead));
                return Some((n, "DATE", v));
            }
            (None, Some(y)) => return Some((n, "DATE", Some(format!("{y:04}-{m:02}")))),
            (None, None)
                if !bare_may
                    || matches!(
                        prev,
                        "in" | "since"
                            | "until"
                            | "by"
                            | "early"
                            | "late"
                            | "mid"
                            | "last"
                            | "next"
                            | "of"
                            | "this"
                            | "from"
                            | "through"
                    ) =>
            {
                // "November last year", "March this year"
                if matches!(w(k + 1), "last" | "next" | "this") && w(k + 2) == "year" {
                    let y = a.map(|a| {
                        a.year
                            + match w(k + 1) {
                                "last" => -1,
                                "next" => 1,
                                _ => 0,
                            }
                    });
                    return Some((k + 3, "DATE", y.map(|y| format!("{y:04}-{m:02}"))));
                }
                if w(k) == "march"
                    && !matches!(
                        prev,
                        "in" | "since"
                            | "until"
                            | "by"
                            | "early"
                            | "late"
                            | "mid"
                            | "last"
                            | "next"
                            | "of"
                            | "this"
                            | "from"
                            | "through"
                            | "on"
                    )
                {
                    return None; // the verb "march"
                }
                // "last April": the latest April before this month; "next April" the first
                // after it; "this April" this year's
                let v = match (prev, a) {
                    ("last", Some(a)) => {
                        let y = if m >= a.month { a.year - 1 } else { a.year };
                        Some(format!("{y:04}-{m:02}"))
                    }
                    // ("come November": when November comes)
                    ("next" | "come", Some(a)) => {
                        let y = if m <= a.month { a.year + 1 } else { a.year };
                        Some(format!("{y:04}-{m:02}"))
                    }
                    ("this", Some(a)) => Some(format!("{:04}-{m:02}", a.year)),
                    // ("called November's election": a month owning an event is not told in
                    // the tense of the clause around it)
                    _ if matches!(w(k + 1), "'s" | "\u{2019}s") => {
                        a.map(|a| nearest_month(a, m, None, cx.future))
                    }
                    _ => a.map(|a| nearest_month(a, m, local_tense(cx, i), cx.future)),
                };
                return Some((k + 1, "DATE", v));
            }
            _ => {}
        }
    }
    if let Some(wd) = weekday {
        // weekday alone, with an optional part of day
        // "Wednesday's ruling": a day whose events are told is past
        let possessive = matches!(w(1), "'s" | "\u{2019}s");
        let dir = if prev == "last" || w(0) == "last" || possessive {
            -1
        } else if prev == "next" || deadline(cx, i) {
            1
        } else {
            match local_tense(cx, i) {
                Some(d) => d,
                None if cx.strong_future => 1,
                None => -1,
            }
        };
        let last = prev == "last" || w(0) == "last";
        // "this Thursday": the Thursday of the publication's week
        let this_week = prev == "this";
        let d = a.map(|a| {
            if this_week {
                a.add_days(i64::from(wd) - i64::from(a.weekday()))
            } else if last {
                // "last Wednesday" written on a Wednesday is a week before
                weekday_date(a.add_days(-1), wd, -1)
            } else if dir < 0 {
                weekday_date(a, wd, -1)
            } else if prev == "next" {
                // "next Thursday" written on a Thursday is a week on
                weekday_date(a.add_days(1), wd, 1)
            } else {
                weekday_date(a, wd, 1)
            }
        });
        if let Some(p) = part_of_day(w(1)) {
            return Some((2, "TIME", d.map(|d| format!("{d}T{p}"))));
        }
        return Some((1, "DATE", d.map(|d| d.to_string())));
    }
    // "April 24 and 25": the second day of the month just named
    let second_day = i >= 3
        && matches!(prev, "and" | "or" | "to" | "through")
        && (!w(1).starts_with(char::is_alphabetic)
            || matches!(w(1), "in" | "at" | "on" | "when" | "and"));
    if let Some(d) = second_day.then(|| day_token(w(0))).flatten() {
        let first = at(cx, i - 3)
            .filter(|(n, _, _)| *n == 2)
            .and_then(|(_, _, v)| v.filter(|v| v.len() == 10))
            .and_then(|v| Date::parse_iso(&v));
        if let Some(f) = first {
            // ("May 3 to 5, 1999": the year after the second day is both days')
            let (n, y) = match year_token(w(2)).filter(|_| w(1) == ",") {
                Some(y) => (3, y),
                None => (1, f.year),
            };
            return Some((n, "DATE", Date::new(y, f.month, d).map(|d| d.to_string())));
        }
    }
    // "the 17th of May [2018]": that day
    if w(0) == "the" && w(2) == "of" && !w(1).bytes().all(|b| b.is_ascii_digit()) {
        let m = month_number(w(3))
            .filter(|_| raw(3).starts_with(char::is_uppercase) && w(3).len() >= 3);
        if let (Some(d), Some(m)) = (day_token(w(1)), m) {
            let (n, y) = match year_token(w(4)) {
                Some(y) => (5, Some(y)),
                None => (4, None),
            };
            let v = match y {
                Some(y) => Date::new(y, m, d).map(|x| x.to_string()),
                // (as for "May 17")
                None => a.and_then(|a| {
                    let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
                    nearest_day(a, m, d, ahead)
                }),
            };
            return Some((n, "DATE", v));
        }
    }
    // day month [year]
    if let Some(d) = day_token(w(0)) {
        if let Some(m) = month_number(w(1))
            .filter(|_| raw(1).chars().next().is_some_and(char::is_uppercase) && w(1).len() >= 3)
        {
            if let Some(y) = year_token(w(2)) {
                return Some((3, "DATE", Date::new(y, m, d).map(|x| x.to_string())));
            }
            // (the year nearest publication, as for "May 17")
            let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
            let v = a.and_then(|a| nearest_day(a, m, d, ahead));
            return Some((2, "DATE", v));
        }
    }
    // holidays on fixed or computed days ("Thanksgiving Day", "Election Day")
    if raw(0).starts_with(char::is_uppercase) {
        if let Some((len, day_of)) = holiday(&cx.words, i) {
            let v = a.and_then(|a| {
                let cands = (a.year - 1..=a.year + 1).filter_map(day_of);
                let delta = |c: &Date| c.to_days() - a.to_days();
                match prev {
                    "last" => cands.filter(|c| delta(c) < 0).max_by_key(delta),
                    "next" => cands.filter(|c| delta(c) > 0).min_by_key(delta),
                    _ => {
                        let ahead = if local_tense(cx, i) == Some(1) { 1 } else { 2 };
                        cands.min_by_key(|c| {
                            let d = delta(c);
                            if d > 0 {
                                d * ahead
                            } else {
                                -d
                            }
                        })
                    }
                }
                .map(|d| d.to_string())
            });
            return Some((len, "DATE", v));
        }
    }
    // "year-earlier" / "year-ago" as an adjective ("year-earlier net income"): last year, or
    // the same quarter of it when a report's quarter is in view (see `quarter_context`)
    if matches!(w(0), "year-earlier" | "year-ago")
        && !matches!(
            w(1),
            "quarter" | "period" | "first" | "second" | "third" | "fourth"
        )
        // ("the year-earlier nine months" is a span of its own)
        && (prev != "the" || number_word(w(1)).is_none() && w(1) != "period's")
    {
        return Some((1, "DATE", a.map(|a| format!("{:04}", a.year - 1))));
    }
    // "mid-November", "early-March", "late-May": the month
    if let Some(m) = ["mid-", "early-", "late-"].iter().find_map(|p| {
        w(0).strip_prefix(p)
            .and_then(month_number)
            .filter(|_| w(0).len() > p.len() + 2)
    }) {
        let v = match year_token(w(1)) {
            Some(y) => Some(format!("{y:04}-{m:02}")),
            None => a.map(|a| nearest_month(a, m, local_tense(cx, i), cx.future)),
        };
        let n = if year_token(w(1)).is_some() { 2 } else { 1 };
        return Some((n, "DATE", v));
    }
    // deictic words
    let ad = |n: i64| a.map(|a| a.add_days(n).to_string());
    // "mid-afternoon yesterday", "late morning today": that part of that day
    let part = w(0)
        .strip_prefix("mid-")
        .or_else(|| w(0).strip_prefix("late-"))
        .or_else(|| w(0).strip_prefix("early-"))
        .unwrap_or(w(0));
    if let Some(p) = part_of_day(part) {
        let day = match w(1) {
            "yesterday" => Some(-1),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(n) = day {
            return Some((2, "TIME", ad(n).map(|d| format!("{d}T{p}"))));
        }
    }
    // "by mid afternoon", "early morning tomorrow": a part of the publication day, or of the
    // day named after it
    if matches!(w(0), "mid" | "late" | "early") {
        if let Some(p) = part_of_day(w(1)) {
            let day = match w(2) {
                "yesterday" => Some((3, -1)),
                "today" => Some((3, 0)),
                "tomorrow" => Some((3, 1)),
                _ if matches!(
                    prev,
                    "by" | "at" | "until" | "before" | "after" | "around" | "since"
                ) =>
                {
                    Some((2, 0))
                }
                _ => None,
            };
            if let Some((n, d)) = day {
                return Some((n, "TIME", ad(d).map(|d| format!("{d}T{p}"))));
            }
        }
    }
    // "will one day be": some day to come
    if (w(0), w(1)) == ("one", "day")
        && matches!(
            prev,
            "will" | "would" | "could" | "may" | "might" | "can" | "'ll" | "shall"
        )
    {
        return Some((2, "DATE", Some("FUTURE_REF".into())));
    }
    // "these days": now
    if (w(0), w(1)) == ("these", "days") {
        return Some((2, "DATE", Some("PRESENT_REF".into())));
    }
    // "a several-year tenure", "a multi-year deal": an unspecified number of units
    if let Some(u) = w(0)
        .strip_prefix("several-")
        .or_else(|| w(0).strip_prefix("multi-"))
        .and_then(unit)
        .filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y'))
    {
        return Some((1, "DURATION", Some(format!("PX{u}"))));
    }
    // "months ago", "years ago" with no number: some units back
    if w(1) == "ago" && w(0).ends_with('s') {
        let bare = number_word(prev).is_none() && !matches!(prev, "few" | "several" | "many");
        if let Some(u) = unit(w(0)).filter(|u| bare && matches!(u, 'D' | 'W' | 'M' | 'Y')) {
            return Some((2, "DATE", Some(format!("PX{u}"))));
        }
    }
    // "the then current price": a present of the past
    if w(0) == "then" && w(1) == "current" || w(0) == "then-current" {
        let n = if w(0) == "then" { 2 } else { 1 };
        return Some((n, "DATE", Some("PAST_REF".into())));
    }
    match w(0) {
        "today" => return Some((1, "DATE", ad(0))),
        "yesterday" => return Some((1, "DATE", ad(-1))),
        "tomorrow" => return Some((1, "DATE", ad(1))),
        "tonight" => return Some((1, "TIME", a.map(|a| format!("{a}TNI")))),
        "now" | "currently" | "nowadays" => return Some((1, "DATE", Some("PRESENT_REF".into()))),
        // ("previously" and "formerly" order events and name no time: TimeML leaves them)
        "recently" => return Some((1, "DATE", Some("PAST_REF".into()))),
        // the adjectives TimeML marks too ("current", "recent") when no unit follows
        "current" if unit(w(1)).is_none() => return Some((1, "DATE", Some("PRESENT_REF".into()))),
        "recent" if unit(w(1)).is_none() => return Some((1, "DATE", Some("PAST_REF".into()))),
        // (not the newspaper: "the Communist Party daily Granma")
        "daily" if !raw(1).starts_with(char::is_uppercase) => {
            return Some((1, "SET", Some("P1D".into())))
        }
        "weekly" => return Some((1, "SET", Some("P1W".into()))),
        "monthly" => return Some((1, "SET", Some("P1M".into()))),
        "annually" | "yearly" => return Some((1, "SET", Some("P1Y".into()))),
        "hourly" => return Some((1, "SET", Some("PT1H".into()))),
        _ => {}
    }
    if w(0) == "this" {
        if let Some(p) = part_of_day(w(1)) {
            return Some((2, "TIME", a.map(|a| format!("{a}T{p}"))));
        }
    }
    // "last night": the night before the publication day
    if w(0) == "last" && w(1) == "night" {
        return Some((2, "TIME", a.map(|a| format!("{}TNI", a.add_days(-1)))));
    }
    // last/next/this/past/coming + unit or season
    // "next year's first quarter" before "next year"
    if matches!(w(0), "this" | "last" | "next") && matches!(w(1), "year's" | "year") {
        let k = if w(1) == "year" && w(2) == "'s" { 3 } else { 2 };
        if let (Some(q), "quarter") = (ordinal_word(w(k)), w(k + 1)) {
            let dy = match w(0) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Some((k + 2, "DATE", a.map(|a| format!("{:04}-Q{q}", a.year + dy))));
        }
    }
    // (a title in quotes, ABC's "This Week", is no week)
    let title = matches!(prev, "``" | "`" | "\"" | "\u{201c}" | "\u{2018}")
        && raw(1).starts_with(char::is_uppercase);
    if matches!(
        w(0),
        "last" | "next" | "this" | "past" | "coming" | "previous" | "current"
    ) && !title
    {
        let dir: i64 = match w(0) {
            // "this past spring": the one of this year
            "past" if prev == "this" => 0,
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        // "the past decade", "the past century": the ten or hundred years up to now
        if w(0) == "past" && matches!(w(1), "decade" | "century") {
            let v = if w(1) == "decade" { "P10Y" } else { "P100Y" };
            return Some((2, "DURATION", Some(v.into())));
        }
        if let Some(s) = season(w(1)) {
            let y = a.map(|a| {
                a.year as i64
                    + if dir < 0 && w(1) != "winter" {
                        -1
                    } else {
                        dir.max(0)
                    }
            });
            return Some((2, "DATE", y.map(|y| format!("{y:04}-{s}"))));
        }
        if let Some(u) = unit(w(1)).filter(|_| !w(1).ends_with('s')) {
            let v = a.and_then(|a| match u {
                'D' => Some(a.add_days(dir).to_string()),
                'W' => Some(a.add_days(7 * dir).week_value()),
                'K' => Some(format!("{}-WE", a.add_days(7 * dir).week_value())),
                'M' => {
                    let (y, m) = shift_months(a, dir);
                    Some(format!("{y:04}-{m:02}"))
                }
                'Y' => Some(format!("{:04}", i64::from(a.year) + dir)),
                'Q' => {
                    let (y, m) = shift_months(a, 3 * dir);
                    Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
                }
                'E' => Some(format!("{:03}", (i64::from(a.year) / 10) + dir)),
                // "this century": its first two digits (the 1900s are "19")
                'C' => Some(format!("{:02}", (i64::from(a.year) / 100) + dir)),
                _ => None,
            });
            return Some((2, "DATE", v));
        }
    }
    // earlier / later this week|month|year
    if matches!(w(0), "earlier" | "later") && w(1) == "this" {
        if let Some(u) = unit(w(2)) {
            let v = a.map(|a| match u {
                'W' => a.week_value(),
                'M' => a.month_value(),
                _ => format!("{:04}", a.year),
            });
            return Some((3, "DATE", v));
        }
    }
    // "the first half of 1990", "the second (last) half of 1989", "the first two quarters of
    // 1990": the half-year
    {
        let k = usize::from(w(0) == "the");
        let half = match (w(k), w(k + 1), w(k + 2)) {
            ("first", "half", "of") => Some((1, k + 3)),
            ("second" | "last" | "latter", "half", "of") => Some((2, k + 3)),
            ("first", "two", "quarters") if w(k + 3) == "of" => Some((1, k + 4)),
            ("last" | "second", "two", "quarters") if w(k + 3) == "of" => Some((2, k + 4)),
            _ => None,
        };
        if let Some((h, at)) = half {
            if let Some((y, n)) = year_named(cx, i + at, 6 * h - 5) {
                return Some((at + n, "DATE", Some(format!("{y:04}-H{h}"))));
            }
        }
    }
    // "the 20th century", "the eleventh century": the century's first two digits
    if let Some(c) = century_ordinal(w(0)) {
        if matches!(w(1), "century" | "centuries") {
            return Some((2, "DATE", Some(format!("{:02}", c - 1))));
        }
    }
    // "5 1/2 hours", "2 1/2 years": a half more
    if let (Some(n), "1/2" | "½") = (number_word(w(0)), w(1)) {
        if let Some(u) = unit(w(2)) {
            if let Some(v) = half_more(n, u) {
                return Some((3, "DURATION", Some(v)));
            }
        }
    }
    // "4 in the morning", "8 in the evening": that hour of the day
    if let Some((h, 0)) = clock(w(0)) {
        if (w(1), w(2)) == ("in", "the") {
            let h = match w(3) {
                "morning" if h < 12 => Some(h),
                "afternoon" | "evening" if h < 12 => Some(h + 12),
                "night" if (6..12).contains(&h) => Some(h + 12),
                _ => None,
            };
            if let Some(h) = h {
                return Some((4, "TIME", a.map(|a| format!("{a}T{h:02}:00"))));
            }
        }
    }
    // N units ago / N units (duration); "two more weeks"; "twenty four hours"
    if let Some(n) = number_word(w(0)) {
        let units = number_word(w(1)).filter(|u| (1..10).contains(u) && !w(1).contains('-'));
        let (n, k0) = match units {
            Some(u) if (20..100).contains(&n) && n % 10 == 0 && unit(w(2)).is_some() => (n + u, 1),
            _ => (n, 0),
        };
        let mut k = 1 + k0;
        if w(k) == "-"
            || matches!(w(k), "more" | "additional" | "extra" | "further")
                && unit(w(k + 1)).is_some()
        {
            k += 1;
        }
        // "a fortnight", "two fortnights ago": two weeks each
        if matches!(w(k), "fortnight" | "fortnights") {
            if w(k + 1) == "ago" {
                return Some((k + 2, "DATE", a.map(|a| a.add_days(-14 * n).week_value())));
            }
            return Some((k + 1, "DURATION", Some(format!("P{}W", 2 * n))));
        }
        // "eight trading days", "ten business days": days of a kind
        if matches!(w(k), "trading" | "business" | "working" | "school")
            && unit(w(k + 1)) == Some('D')
        {
            return Some((k + 2, "DURATION", Some(format!("P{n}D"))));
        }
        // "a minute and a half", "an hour and a half": a half more
        if let Some(u) = unit(w(k)) {
            if (w(k + 1), w(k + 3)) == ("and", "half") && matches!(w(k + 2), "a" | "one") {
                let v =
                    half_more(n, u).or_else(|| (u == 'W').then(|| format!("P{}DT12H", 7 * n + 3)));
                if let Some(v) = v {
                    return Some((k + 4, "DURATION", Some(v)));
                }
            }
        }
        if let Some(u) = unit(w(k)) {
            if w(k + 1) == "ago" || w(k + 1) == "earlier" {
                let v = a.and_then(|a| match u {
                    'D' => Some(a.add_days(-n).to_string()),
                    'W' => Some(a.add_days(-7 * n).week_value()),
                    'M' => {
                        let (y, m) = shift_months(a, -n);
                        Some(format!("{y:04}-{m:02}"))
                    }
                    'Y' => Some(format!("{:04}", i64::from(a.year) - n)),
                    // ("a decade ago": the year; "a century ago" too)
                    'E' => Some(format!("{:04}", i64::from(a.year) - 10 * n)),
                    'C' => Some(format!("{:04}", i64::from(a.year) - 100 * n)),
                    _ => None,
                });
                return Some((k + 2, "DATE", v));
            }
            // (quarters only as several of them, not a fraction: "two quarters", not "three
            // quarters of the votes")
            let quarters = u == 'Q' && n >= 2 && w(k).ends_with('s') && w(k + 1) != "of";
            if u != 'K' && (u != 'Q' || quarters) && w(k + 1) != "old" {
                let v = match u {
                    'H' => format!("PT{n}H"),
                    'm' => format!("PT{n}M"),
                    'E' => format!("P{}Y", n * 10),
                    'C' => format!("P{}Y", n * 100),
                    c => format!("P{n}{c}"),
                };
                return Some((k + 1, "DURATION", Some(v)));
            }
        }
    }
    // a length: "day-long", "decades-long" (not an age: "a 34-year-old man" tells when no
    // event happened)
    if let Some(stem) = w(0).strip_suffix("-long") {
        let (n, u) = match stem.split_once('-') {
            Some((num, u)) => (number_word(num), u),
            None => (Some(1), stem),
        };
        if let (Some(n), Some(u)) = (n, unit(u)) {
            let plural = stem.ends_with('s') && !stem.contains('-');
            let v = match (u, plural) {
                ('D' | 'W' | 'M' | 'Y' | 'E', true) => Some(format!("PX{u}")),
                ('D' | 'W' | 'M' | 'Y', false) => Some(format!("P{n}{u}")),
                ('H', false) => Some(format!("PT{n}H")),
                _ => None,
            };
            if let Some(v) = v {
                return Some((1, "DURATION", Some(v)));
            }
        }
    }
    // "post-1959", "pre-1990": the year
    if let Some(y) = w(0)
        .strip_prefix("post-")
        .or_else(|| w(0).strip_prefix("pre-"))
        .and_then(year_token)
    {
        return Some((1, "DATE", Some(format!("{y:04}"))));
    }
    // a hyphenated duration: "two-year", "10-day"
    if let Some((num, u)) = w(0).split_once('-') {
        if let (Some(n), Some(u)) = (number_word(num), unit(u)) {
            match u {
                'D' | 'W' | 'M' | 'Y' => return Some((1, "DURATION", Some(format!("P{n}{u}")))),
                'H' => return Some((1, "DURATION", Some(format!("PT{n}H")))),
                'm' => return Some((1, "DURATION", Some(format!("PT{n}M")))),
                _ => {}
            }
        }
        // "third-quarter": a quarter of the publication year (or the last one)
        let q = match num {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            _ => None,
        };
        if let (Some(q), "quarter") = (q, u) {
            return Some((
                1,
                "DATE",
                a.map(|a| {
                    let cur = (a.month - 1) / 3 + 1;
                    let y = if q > cur { a.year - 1 } else { a.year };
                    format!("{y:04}-Q{q}")
                }),
            ));
        }
    }
    // "the week before last", "the week after next": two weeks from the publication's
    if (w(0), w(1)) == ("the", "week")
        && matches!((w(2), w(3)), ("before", "last") | ("after", "next"))
    {
        let dir = if w(2) == "before" { -14 } else { 14 };
        return Some((4, "DATE", a.map(|a| a.add_days(dir).week_value())));
    }
    // "the day before last Tuesday", "the day after March 3", "the week of March 6": a day
    // either side of a named date, or its week
    {
        let k = usize::from(w(0) == "the");
        let shift = match (w(k), w(k + 1)) {
            ("day", "before") => Some(-1),
            ("day", "after") => Some(1),
            ("week", "of") => Some(0),
            _ => None,
        };
        if let Some(shift) = shift.filter(|_| k == 1 || prev != "the") {
            // ("last Tuesday" is read at the weekday, "last" before it)
            let lead = usize::from(matches!(w(k + 2), "last" | "next" | "this"));
            let named = at(cx, i + k + 2 + lead).and_then(|(n, _, v)| {
                let d = v
                    .as_deref()
                    .filter(|v| v.len() == 10)
                    .and_then(Date::parse_iso)?;
                Some((n + lead, d))
            });
            if let Some((n, d)) = named {
                let v = if w(k) == "week" {
                    d.week_value()
                } else {
                    d.add_days(shift).to_string()
                };
                return Some((k + 2 + n, "DATE", Some(v)));
            }
        }
    }
    // a day named by reference ("the next morning", "earlier that day", "the day before"):
    // resolved against the last date named, in `day_anaphora`
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
            return Some((k, "DATE", Some(format!("{DAY_REF}{shift}"))));
        }
    }
    // a month named by reference ("that month", "the following month"): resolved against
    // the last month named, in `month_anaphora`
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
            return Some((
                k + year_back,
                "DATE",
                Some(format!("{MONTH_REF}{}", shift - 12)),
            ));
        }
        if k > 0 {
            return Some((k, "DATE", Some(format!("{MONTH_REF}{shift}"))));
        }
    }
    // a year named by reference ("that year", "later that year", "the following year"):
    // resolved against the last year named, in `year_anaphora`
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
            return Some((k, "DATE", Some(format!("{YEAR_REF}{shift}"))));
        }
    }
    // "a couple of years": two of them
    if matches!(w(0), "a" | "couple") {
        let k = usize::from(w(0) == "a");
        if w(k) == "couple" && w(k + 1) == "of" {
            if let Some(u) = unit(w(k + 2)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y')) {
                return Some((k + 3, "DURATION", Some(format!("P2{u}"))));
            }
        }
    }
    // "the nineties": the decade of the publication's century
    if w(0) == "the" {
        const DECADES: [&str; 8] = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(d) = DECADES.iter().position(|x| *x == w(1)) {
            return Some((2, "DATE", Some(decade_of(a, d as i64 + 2))));
        }
    }
    // "the '80s": likewise (not "the 80s", which may be degrees or ages)
    if let Some(d) = w(0)
        .strip_prefix(['\'', '\u{2019}', '\u{2018}'])
        .and_then(|d| d.strip_suffix("0s"))
        .filter(|d| d.len() == 1)
        .and_then(|d| d.parse::<i64>().ok())
    {
        return Some((1, "DATE", Some(decade_of(a, d))));
    }
    // "the end of the month", "the start of this week": that unit of the publication date
    if w(0) == "the"
        && matches!(w(1), "end" | "beginning" | "start" | "middle")
        && w(2) == "of"
        && matches!(w(3), "the" | "this")
        && matches!(w(4), "month" | "week")
    {
        let v = a.map(|a| {
            if w(4) == "month" {
                a.month_value()
            } else {
                a.week_value()
            }
        });
        return Some((5, "DATE", v));
    }
    // "by year-end", "since year-end": the last day of this year, or of the last one after
    // "since" (not "year-end results", an adjective)
    if w(0) == "year-end"
        && matches!(
            prev,
            "by" | "since" | "at" | "until" | "before" | "after" | "around"
        )
        && !w(1).starts_with(char::is_alphanumeric)
    {
        let back = i32::from(prev == "since" && a.is_some_and(|a| (a.month, a.day) != (12, 31)));
        return Some((1, "DATE", a.map(|a| format!("{:04}-12-31", a.year - back))));
    }
    // "the end of the year", "year end", "year's end": this year
    if (w(0), w(1), w(2), w(3)) == ("the", "end", "of", "the") && w(4) == "year"
        || (w(0), w(1)) == ("year", "end")
        || (w(0), w(1), w(2)) == ("year", "'s", "end")
    {
        let n = match w(0) {
            "the" => 5,
            _ if w(1) == "end" => 2,
            _ => 3,
        };
        return Some((n, "DATE", a.map(|a| format!("{:04}", a.year))));
    }
    // "the year ended Sept. 30", "the fiscal year ending June 30": the twelve months up to
    // that day (the day is read on its own)
    {
        let k = match (w(0), w(1), w(2)) {
            ("the", "year", _) => 2,
            ("the", "fiscal" | "full", "year") => 3,
            _ => 0,
        };
        if k > 0 && matches!(w(k), "ended" | "ending") && raw(k - 1) == "year" {
            return Some((k, "DURATION", Some("P1Y".into())));
        }
    }
    // "for the year", "a high for the full year", "earlier in the year": the year the story
    // stands in, the publication's (not "the year before", "the year 2000", "the year when")
    {
        let k = match (w(0), w(1), w(2), w(3)) {
            ("the", "year", _, _) => 2,
            ("the", "full", "year", _) => 3,
            ("earlier" | "later", "in", "the", "year") => 4,
            _ => 0,
        };
        let open = k == 4
            || matches!(
                prev,
                "for" | "of" | "in" | "during" | "through" | "throughout"
            );
        let after = w(k);
        if k > 0
            && open
            && raw(k - 1) == "year"
            && !matches!(
                after,
                "before" | "after" | "when" | "that" | "in" | "which" | "of" | "'s"
            )
            && number_word(after).is_none()
            && year_token(after).is_none()
        {
            return Some((k, "DATE", a.map(|a| format!("{:04}", a.year))));
        }
    }
    // "the quarter a year ago", "the period a year earlier": the same quarter a year back
    // (the report's, in `quarter_context`)
    if w(0) == "the"
        && matches!(w(1), "quarter" | "period")
        && (w(2), w(3)) == ("a", "year")
        && matches!(w(4), "ago" | "earlier" | "before")
    {
        let v = a.map(|a| format!("{:04}-Q{}", a.year - 1, (a.month - 1) / 3 + 1));
        return Some((5, "DATE", v));
    }
    // "the fiscal year", "the current fiscal year", "this fiscal year": the publication's
    // year (a company's fiscal year is named by the calendar year it mostly falls in)
    {
        let k = match (w(0), w(1), w(2), w(3)) {
            ("the" | "this", "fiscal", "year", _) => 3,
            ("the", "current", "fiscal", "year") => 4,
            _ => 0,
        };
        if k > 0 {
            return Some((k, "DATE", a.map(|a| format!("{:04}", a.year))));
        }
    }
    // "the near future", "the near term"
    if w(0) == "the"
        && matches!(w(1), "near" | "short" | "long")
        && matches!(w(2), "future" | "term")
    {
        return Some((3, "DATE", Some("FUTURE_REF".into())));
    }
    // "at a later date", "a future date"
    if w(0) == "a" && matches!(w(1), "later" | "future") && w(2) == "date" {
        return Some((3, "DATE", Some("FUTURE_REF".into())));
    }
    // "in the weeks ahead": an unspecified number of units to come
    if w(0) == "the" && w(2) == "ahead" {
        if let Some(u) =
            unit(w(1)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y') && w(1).ends_with('s'))
        {
            return Some((3, "DURATION", Some(format!("PX{u}"))));
        }
    }
    // "the future", "the past" (but "the past two months" is a duration, read from "two")
    if w(0) == "the"
        && matches!(w(1), "future" | "past")
        && !matches!(w(2), "tense" | "few" | "several")
        && number_word(w(2)).is_none()
        && unit(w(2)).is_none()
    {
        let v = if w(1) == "future" {
            "FUTURE_REF"
        } else {
            "PAST_REF"
        };
        return Some((2, "DATE", Some(v.into())));
    }
    // "for weeks", "for years", "in the coming weeks": an unspecified number of units
    if matches!(
        prev,
        "for" | "several" | "few" | "recent" | "many" | "coming" | "within"
    ) {
        if let Some(u) = unit(w(0)).filter(|_| w(0).ends_with('s')) {
            let v = match u {
                'D' | 'W' | 'M' | 'Y' | 'Q' => Some(format!("PX{u}")),
                'H' => Some("PTXH".to_string()),
                'E' => Some("PXE".to_string()),
                'C' => Some("PXC".to_string()),
                _ => None,
            };
            if let Some(v) = v {
                return Some((1, "DURATION", Some(v)));
            }
        }
    }
    // every / each weekday (and part of the day), and weekdays in the plural: sets
    // ("each Thursday", "every Friday night", "on Sundays")
    let weekly = |k: usize| -> Option<(usize, String)> {
        let wd = weekday_number(w(k)).filter(|_| raw(k).len() > 4)?;
        let n = wd + 1;
        match part_of_day(w(k + 1)) {
            Some(p) => Some((k + 2, format!("XXXX-WXX-{n}T{p}"))),
            None => Some((k + 1, format!("XXXX-WXX-{n}"))),
        }
    };
    if matches!(w(0), "every" | "each") {
        if let Some((n, v)) = weekly(1) {
            return Some((n, "SET", Some(v)));
        }
        // "each July": that month of every year
        if let Some(m) =
            month_number(w(1)).filter(|_| raw(1).starts_with(char::is_uppercase) && w(1).len() > 3)
        {
            return Some((2, "SET", Some(format!("XXXX-{m:02}"))));
        }
    }
    if let Some(wd) = w(0)
        .strip_suffix('s')
        .filter(|_| raw(0).starts_with(char::is_uppercase) && raw(0).len() > 6)
        .and_then(weekday_number)
    {
        return Some((1, "SET", Some(format!("XXXX-WXX-{}", wd + 1))));
    }
    // every / each unit
    if matches!(w(0), "every" | "each") {
        if let Some(u) = unit(w(1)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y' | 'Q')) {
            return Some((2, "SET", Some(format!("P1{u}"))));
        }
    }
    // seasons with a year or alone
    if let Some(s) = season(w(0)) {
        let of = usize::from(w(1) == "of");
        let year = year_token(w(1 + of))
            .map(|y| (y, 1))
            .or_else(|| spelled_year(&cx.words, i + 1 + of));
        if let Some((y, len)) = year.filter(|_| of == 1 || year_token(w(1)).is_some()) {
            return Some((1 + of + len, "DATE", Some(format!("{y:04}-{s}"))));
        }
    }
    // "the summer", "the early summer" (not "the spring of 1994", read above, nor "the fall
    // of Rome"): the latest such season begun by the publication date, or the next one in a
    // clause that looks ahead
    if w(0) == "the" {
        let k = if matches!(w(1), "early" | "late" | "mid") {
            2
        } else {
            1
        };
        if let Some(s) = season(w(k)).filter(|_| w(k + 1) != "of" && w(k) != "fall") {
            let starts = match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let ahead = local_tense(cx, i) == Some(1);
            let v = a.map(|a| {
                let y = match (ahead, a.month >= starts) {
                    (false, true) | (true, false) => a.year,
                    (false, false) => a.year - 1,
                    (true, true) => a.year + 1,
                };
                format!("{y:04}-{s}")
            });
            return Some((k + 1, "DATE", v));
        }
    }
    // quarters: "the third quarter [of 1984]", "the 1988 second quarter", "this year's /
    // last year's / next year's third quarter"
    let ordinal = ordinal_word;
    if w(0) == "the" {
        if let (Some(q), "quarter") = (ordinal(w(1)), w(2)) {
            if w(3) == "of" {
                if let Some((y, n)) = year_named(cx, i + 4, 3 * q - 2) {
                    return Some((4 + n, "DATE", Some(format!("{y:04}-Q{q}"))));
                }
            }
            return Some((
                3,
                "DATE",
                a.map(|a| quarter_value(a, q, local_tense(cx, i))),
            ));
        }
        if let (Some(y), Some(q), "quarter") = (year_token(w(1)), ordinal(w(2)), w(3)) {
            return Some((4, "DATE", Some(format!("{y:04}-Q{q}"))));
        }
        // "the 1988 quarter", "the 1989 period": that year (its quarter in a report, see
        // `quarter_context`)
        if let (Some(y), "quarter" | "period") = (year_token(w(1)), w(2)) {
            return Some((3, "DATE", Some(format!("{y:04}"))));
        }
        // "the year-ago third quarter"
        if let ("year-ago" | "year-earlier", Some(q), "quarter") = (w(1), ordinal(w(2)), w(3)) {
            let v = a.map(|a| format!("{:04}-Q{q}", quarter_year(a, q, None) - 1));
            return Some((4, "DATE", v));
        }
        // "the weekend": the last one, or the next in a clause that looks ahead
        if w(1) == "weekend" {
            let dir = if local_tense(cx, i) == Some(1) { 1 } else { -1 };
            let v = a.map(|a| format!("{}-WE", weekday_date(a, 5, dir).week_value()));
            return Some((2, "DATE", v));
        }
        // a company's report: "the quarter", "the latest quarter" is the last one ended
        // (or the one the report names: see `quarter_context`); "the year-ago quarter" is
        // that quarter a year back; "the current quarter" is the publication date's
        let (k, back) = match (w(1), w(2), w(3)) {
            ("quarter", _, _) => (2, 0),
            ("latest" | "recent" | "past" | "fiscal", "quarter", _) => (3, 0),
            ("latest", "period", _) => (3, 0),
            ("most", "recent", "quarter") => (4, 0),
            ("year-ago" | "year-earlier", "quarter" | "period", _) => (3, 1),
            ("current", "quarter", _) => (3, -1),
            _ => (0, 0),
        };
        if k > 0 && !(w(1) == "quarter" && matches!(w(2), "of" | "century" | "mile")) {
            let v = a.map(|a| {
                let cur = (a.month - 1) / 3 + 1;
                let (y, q) = match back {
                    -1 => (a.year, cur),
                    _ if cur == 1 => (a.year - 1 - back, 4),
                    _ => (a.year - back, cur - 1),
                };
                format!("{y:04}-Q{q}")
            });
            return Some((k, "DATE", v));
        }
    }
    // "third quarter" without an article ("Third-quarter" is read as one word elsewhere)
    if let (Some(q), "quarter") = (ordinal(w(0)), w(1)) {
        return Some((
            2,
            "DATE",
            a.map(|a| quarter_value(a, q, local_tense(cx, i))),
        ));
    }
    // "1200 GMT", "0930 UTC": a twenty-four-hour clock with its zone, on the day that
    // follows or the publication's
    if let Some((h, m)) = military(w(0)).filter(|_| TIME_ZONES.contains(&w(1))) {
        let j = i + 2 + usize::from(w(2) == "on");
        if let Some((n, "DATE", Some(day))) = (j < cx.words.len()).then(|| at(cx, j)).flatten() {
            if day.len() == 10 {
                return Some((j - i + n, "TIME", Some(format!("{day}T{h:02}:{m:02}"))));
            }
        }
        // (the zone is left to the entities, which call "GMT" a name)
        return Some((1, "TIME", a.map(|a| format!("{a}T{h:02}:{m:02}"))));
    }
    // "Q3 2018", "3Q18", "Q3" (the latest such quarter), "FY2019", "FY19": quarters and
    // fiscal years as reports write them
    {
        let r = raw(0);
        let quarter = match r.as_bytes() {
            // (a bare "Q3" only after a word that leads to a time: "the Audi Q3" is a car)
            [b'Q', q @ b'1'..=b'4']
                if year_token(w(1)).is_some()
                    || matches!(
                        prev,
                        "in" | "for"
                            | "during"
                            | "of"
                            | "the"
                            | "since"
                            | "by"
                            | "until"
                            | "from"
                            | "its"
                            | "and"
                            | "to"
                            | "through"
                    ) =>
            {
                Some((u32::from(q - b'0'), None))
            }
            [q @ b'1'..=b'4', b'Q', y1, y2] if y1.is_ascii_digit() && y2.is_ascii_digit() => {
                Some((u32::from(q - b'0'), r[2..].parse::<i32>().ok()))
            }
            _ => None,
        };
        if let Some((q, short)) = quarter {
            let (n, y) = match (short, year_token(w(1))) {
                (Some(yy), _) => (1, Some(two_digit_year(a, yy))),
                (None, Some(y)) => (2, Some(y)),
                (None, None) => (1, None),
            };
            let v = match y {
                Some(y) => Some(format!("{y:04}-Q{q}")),
                None => a.map(|a| quarter_value(a, q, local_tense(cx, i))),
            };
            return Some((n, "DATE", v));
        }
        if let Some(yy) = r
            .strip_prefix("FY")
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        {
            let y = match yy.len() {
                4 => yy.parse::<i32>().ok(),
                2 => yy.parse::<i32>().ok().map(|yy| two_digit_year(a, yy)),
                _ => None,
            };
            if let Some(y) = y {
                return Some((1, "DATE", Some(format!("{y:04}"))));
            }
        }
    }
    // decades: "the 1990s"
    let dec = w(0).trim_start_matches("mid-");
    if dec.len() == 5 && dec.ends_with("0s") && dec[..4].bytes().all(|b| b.is_ascii_digit()) {
        return Some((1, "DATE", Some(dec[..3].to_string())));
    }
    // a year in words ("in nineteen ninety-six", "the year two thousand")
    if let Some((y, len)) = spelled_year(&cx.words, i) {
        let word_ok = matches!(
            prev,
            "in" | "since" | "of" | "year" | "until" | "by" | "from"
        ) || len >= 2 && w(0) != "two";
        if word_ok {
            return Some((len, "DATE", Some(format!("{y:04}"))));
        }
    }
    // years
    if let Some(y) = year_token(w(0)) {
        let prep = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "of"
                | "from"
                | "to"
                | "during"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | ","
                | "("
                | "and"
                | "throughout"
                | "through"
                | "between"
                | "the"
        ) || i == 0;
        let next_ok = !cx.words.get(i + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_alphabetic)
                && !matches!(
                    n.as_str(),
                    "and" | "to" | "when" | "after" | "before" | "as" | "that" | "until"
                )
        });
        let strong_prep = matches!(
            prev,
            "in" | "since" | "until" | "during" | "throughout" | "mid" | "early" | "late"
        );
        // "its 1996 budget": a year before a noun, unless the noun counts things ("1996 people")
        let counted = cx.words.get(i + 1).is_some_and(|n| {
            matches!(
                n.as_str(),
                "people"
                    | "troops"
                    | "soldiers"
                    | "votes"
                    | "shares"
                    | "points"
                    | "tons"
                    | "cars"
                    | "workers"
                    | "members"
                    | "homes"
                    | "units"
                    | "barrels"
                    | "jobs"
                    | "students"
                    | "residents"
                    | "metres"
                    | "meters"
                    | "feet"
                    | "km"
                    | "miles"
                    | "dollars"
                    | "euros"
                    | "employees"
                    | "cases"
                    | "deaths"
            )
        });
        if prep && (next_ok || strong_prep)
            || w(0).starts_with("mid-")
            || !counted && raw(0).len() == 4 && !prev.starts_with('$')
        {
            return Some((1, "DATE", Some(format!("{y:04}"))));
        }
    }
    // "noon Saturday", "midnight Friday": that day at 12:00 or 24:00; alone ("at midday"),
    // the publication day's
    if matches!(w(0), "noon" | "midnight" | "midday") {
        let h = if w(0) == "midnight" { 24 } else { 12 };
        let mut j = i + 1;
        if matches!(w(1), "on" | ",") {
            j += 1;
        }
        if let Some((n, "DATE", Some(day))) = (j < cx.words.len()).then(|| at(cx, j)).flatten() {
            if day.len() == 10 {
                return Some((j - i + n, "TIME", Some(format!("{day}T{h}:00"))));
            }
        }
        if matches!(prev, "at" | "by" | "until" | "before" | "after" | "around") {
            return Some((1, "TIME", a.map(|a| format!("{a}T{h}:00"))));
        }
    }
    // clock times: "10 a.m.", "7:30 p.m.", "10pm", and "22:00" after a word leading to a
    // time ("at 22:00", "by 06:30")
    let reading = if let (Some((h, m)), true) = (
        clock(w(0)),
        matches!(w(1), "a.m." | "am" | "p.m." | "pm" | "a.m" | "p.m"),
    ) {
        Some((h, m, w(1).starts_with('p'), w(1).starts_with('a'), 2))
    } else if let Some((num, pm)) = ["pm", "p.m.", "p.m"]
        .iter()
        .find_map(|x| w(0).strip_suffix(x).map(|n| (n, true)))
        .or_else(|| {
            ["am", "a.m.", "a.m"]
                .iter()
                .find_map(|x| w(0).strip_suffix(x).map(|n| (n, false)))
        })
        .filter(|(n, _)| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        clock(num).map(|(h, m)| (h, m, pm, !pm, 1))
    } else if let Some((h, m)) = w(0).split_once(':').and_then(|(h, m)| {
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (h < 24 && m < 60 && w(0).len() == 5).then_some((h, m))
    }) {
        matches!(
            prev,
            "at" | "by" | "from" | "until" | "around" | "before" | "after" | "since" | "till"
        )
        .then_some((h, m, false, false, 1))
    } else {
        None
    };
    if let Some((h, m, pm, am, len)) = reading {
        let h = if pm && h < 12 {
            h + 12
        } else if am && h == 12 {
            0
        } else {
            h
        };
        // "5 p.m. EST Nov. 9", "9 a.m. Tuesday", "10 p.m. (local time) on Friday": the day
        // that follows gives the date ("3 p.m. local time (1200 GMT) on Thursday" too)
        let mut j = i + len;
        while j < cx.words.len()
            && (TIME_ZONES.contains(&cx.words[j].as_str())
                || matches!(
                    cx.words[j].as_str(),
                    "," | "on" | "(" | ")" | "local" | "time"
                )
                || military(&cx.words[j]).is_some()
                    && cx
                        .words
                        .get(j + 1)
                        .is_some_and(|z| TIME_ZONES.contains(&z.as_str())))
        {
            j += 1;
        }
        if let Some((n, "DATE", Some(day))) = (j < cx.words.len()).then(|| at(cx, j)).flatten() {
            if day.len() == 10 {
                return Some((j - i + n, "TIME", Some(format!("{day}T{h:02}:{m:02}"))));
            }
        }
        return Some((len, "TIME", a.map(|a| format!("{a}T{h:02}:{m:02}"))));
    }
    None
}

/// Time-zone abbreviations written after a clock time.
const TIME_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "et", "pt", "ct",
];

/// `n` units and a half ("5 1/2 hours", "a year and a half") as a TimeML duration.
fn half_more(n: i64, u: char) -> Option<String> {
    match u {
        'H' => Some(format!("PT{n}H30M")),
        'Y' => Some(format!("P{n}Y6M")),
        'D' => Some(format!("P{n}DT12H")),
        'm' => Some(format!("PT{n}M30S")),
        _ => None,
    }
}

/// "1200", "0930" as hours and minutes of a twenty-four-hour clock.
fn military(w: &str) -> Option<(u32, u32)> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (w[..2].parse::<u32>().ok()?, w[2..].parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

fn clock(w: &str) -> Option<(u32, u32)> {
    // ("10.30", as British papers write it: two digits of minutes after the point)
    let split = w
        .split_once(':')
        .or_else(|| w.split_once('.').filter(|(_, m)| m.len() == 2));
    let (h, m) = match split {
        Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
        None => (w.parse().ok()?, 0),
    };
    (h <= 12 && m < 60).then_some((h, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};

    fn run(s: &str, p: &str) -> Vec<(String, Option<String>)> {
        let t = tokenize(s);
        let ss = sentences(s, &t);
        find(s, &t, &ss, Some(p))
            .into_iter()
            .map(|x| (x.text, x.value))
            .collect()
    }

    fn v(s: &str, v: &str) -> (String, Option<String>) {
        (s.to_string(), Some(v.to_string()))
    }

    #[test]
    fn seed_like_expressions() {
        let p = "2018-05-18";
        assert_eq!(
            run("They met on Thursday.", p),
            vec![v("Thursday", "2018-05-17")]
        );
        assert_eq!(
            run("He was re-elected in March.", p),
            vec![v("March", "2018-03")]
        );
        assert_eq!(
            run("The previous occasion was in November last year.", p),
            vec![v("November last year", "2017-11")]
        );
        assert_eq!(
            run("He visited in October 2015, since 2011.", p),
            vec![v("October 2015", "2015-10"), v("2011", "2011")]
        );
        assert_eq!(
            run("They will meet on Thursday.", p),
            vec![v("Thursday", "2018-05-24")]
        );
    }

    #[test]
    fn relative_expressions() {
        let p = "2018-05-18";
        assert_eq!(
            run("It rained yesterday.", p),
            vec![v("yesterday", "2018-05-17")]
        );
        assert_eq!(
            run("It happened two days ago.", p),
            vec![v("two days ago", "2018-05-16")]
        );
        assert_eq!(
            run("Sales fell last week.", p),
            vec![v("last week", "2018-W19")]
        );
        assert_eq!(
            run("Sales fell last year.", p),
            vec![v("last year", "2017")]
        );
        assert_eq!(
            run("It will open next month.", p),
            vec![v("next month", "2018-06")]
        );
        assert_eq!(
            run("Prices rose earlier this year.", p),
            vec![v("earlier this year", "2018")]
        );
        assert_eq!(
            run("The talks lasted three years.", p),
            vec![v("three years", "P3Y")]
        );
        assert_eq!(run("Trade grew in the 1990s.", p), vec![v("1990s", "199")]);
        assert_eq!(
            run("It happened on May 3, 2016.", p),
            vec![v("May 3, 2016", "2016-05-03")]
        );
        assert_eq!(
            run("Thursday night was calm.", p),
            vec![v("Thursday night", "2018-05-17TNI")]
        );
    }

    #[test]
    fn quarter_reports() {
        let p = "1989-11-02";
        assert_eq!(
            run("Third-quarter profit rose 10% from a year earlier.", p),
            vec![
                v("Third-quarter", "1989-Q3"),
                v("a year earlier", "1988-Q3")
            ]
        );
        assert_eq!(
            run(
                "Sales fell in the third quarter of 1984 and in the 1988 second quarter.",
                p
            ),
            vec![
                v("the third quarter of 1984", "1984-Q3"),
                v("the 1988 second quarter", "1988-Q2")
            ]
        );
        assert_eq!(
            run("It expects a loss in next year's first quarter.", p),
            vec![v("next year's first quarter", "1990-Q1")]
        );
        // "the latest period" and "the 1988 quarter" in a report about a quarter
        assert_eq!(
            run(
                "Third-quarter net rose. Sales in the latest period beat the 1988 quarter.",
                p
            ),
            vec![
                v("Third-quarter", "1989-Q3"),
                v("the latest period", "1989-Q3"),
                v("the 1988 quarter", "1988-Q3")
            ]
        );
        // ... where "last year" still names the year
        assert_eq!(
            run(
                "Third-quarter net rose. Last year the company lost money.",
                p
            ),
            vec![v("Third-quarter", "1989-Q3"), v("Last year", "1988")]
        );
    }

    #[test]
    fn a_weekday_takes_the_tense_of_its_own_clause() {
        // published Friday 2000-01-07
        let p = "2000-01-07";
        // "predicted Wednesday": past, though the sentence also says "will"
        assert_eq!(
            run("Lawyers will appeal, Cuba predicted Wednesday.", p),
            vec![v("Wednesday", "2000-01-05")]
        );
        // "planned a march on Saturday": the coming Saturday
        assert_eq!(
            run("Farmers planned a march on Saturday.", p),
            vec![v("Saturday", "2000-01-08")]
        );
        // ... also when the next clause is past ("on Saturday and were planning")
        assert_eq!(
            run(
                "Farmers planned a march on Saturday and were planning a rally.",
                p
            ),
            vec![v("Saturday", "2000-01-08")]
        );
        // "has scheduled a news conference Thursday": the coming Thursday
        assert_eq!(
            run(
                "The prosecutor has scheduled a news conference Thursday.",
                p
            ),
            vec![v("Thursday", "2000-01-13")]
        );
        // "Wednesday's ruling" is past, though the clause looks ahead
        assert_eq!(
            run("They will look for ways around Wednesday's ruling.", p),
            vec![v("Wednesday", "2000-01-05")]
        );
        // "said Friday" on a Friday: that day
        assert_eq!(
            run("The minister said Friday that talks had failed.", p),
            vec![v("Friday", "2000-01-07")]
        );
        // a clock time, "noon" or "midnight" before a day takes that day's date
        assert_eq!(
            run("Bids close at 5 p.m. EST, Jan. 11, the bank said.", p),
            vec![v("5 p.m. EST, Jan. 11", "2000-01-11T17:00")]
        );
        assert_eq!(
            run("The deadline passed at noon Wednesday.", p),
            vec![v("noon Wednesday", "2000-01-05T12:00")]
        );
        // a noun "plan" looks nowhere: the past-tense verb decides
        assert_eq!(
            run("The two ministers signed a trade plan Friday.", p),
            vec![v("Friday", "2000-01-07")]
        );
        // the weekday of publication in the future is that day; "next" is a week on
        assert_eq!(
            run("The king will meet the envoy on Friday.", p),
            vec![v("Friday", "2000-01-07")]
        );
        assert_eq!(
            run("The king will meet the envoy next Friday.", p),
            vec![v("Friday", "2000-01-14")]
        );
        // "set to resume Monday", "as soon as Tuesday": ahead
        assert_eq!(
            run("Mediators said the talks are set to resume Monday.", p),
            vec![v("Monday", "2000-01-10")]
        );
        // scheduled in the past for the past
        assert_eq!(
            run("The offer had been scheduled to expire Wednesday.", p),
            vec![v("Wednesday", "2000-01-05")]
        );
    }

    #[test]
    fn a_company_reports_quarter_and_the_weekend() {
        // with no quarter named: the last one ended before the publication date
        assert_eq!(
            run("Net income for the quarter rose.", "1989-02-02"),
            vec![v("the quarter", "1988-Q4")]
        );
        // the quarter the report names, and that quarter a year back
        assert_eq!(
            run(
                "Third quarter profit rose. It fell from the year-ago period, and for the quarter sales rose.",
                "1989-11-02"
            ),
            vec![
                v("Third quarter", "1989-Q3"),
                v("the year-ago period", "1988-Q3"),
                v("the quarter", "1989-Q3")
            ]
        );
        assert_eq!(
            run("Sales will rise in the current quarter.", "1989-11-02"),
            vec![v("the current quarter", "1989-Q4")]
        );
        assert_eq!(
            run("Sales rose from the year-ago third quarter.", "1989-11-02"),
            vec![v("the year-ago third quarter", "1988-Q3")]
        );
        // a quarter still to come this year, in a past clause, is last year's
        assert_eq!(
            run("Sales rose in the fourth quarter.", "1990-02-02"),
            vec![v("the fourth quarter", "1989-Q4")]
        );
        // "the weekend": the last one (1998-08-07 is a Friday), or the next when ahead
        assert_eq!(
            run("Talks broke down over the weekend.", "1998-08-07"),
            vec![v("the weekend", "1998-W31-WE")]
        );
        assert_eq!(
            run("Talks will resume after the weekend.", "1998-08-07"),
            vec![v("the weekend", "1998-W32-WE")]
        );
        // a quarter of a mile is no time
        assert_eq!(run("He walked a quarter of a mile.", "1998-08-07"), vec![]);
    }

    #[test]
    fn past_spans_last_weekdays_and_days_behind() {
        // "the past two months" is a duration, not the vague past
        assert_eq!(
            run("Prices fell over the past two months.", "1998-08-07"),
            vec![v("two months", "P2M")]
        );
        assert_eq!(
            run("Output doubled in the past decade.", "1998-08-07"),
            vec![v("past decade", "P10Y")]
        );
        assert_eq!(
            run("It rained this past spring.", "1989-11-01"),
            vec![v("past spring", "1989-SP")]
        );
        // "last Wednesday" written on a Wednesday is the week before
        assert_eq!(
            run(
                "The firms said last Wednesday that talks began.",
                "1989-11-01"
            ),
            vec![v("Wednesday", "1989-10-25")]
        );
        // "last April" in October is this year's; "last October" in October last year's
        assert_eq!(
            run("Holders approved the plan last April.", "1989-10-27"),
            vec![v("April", "1989-04")]
        );
        assert_eq!(
            run("Holders approved the plan last October.", "1989-10-27"),
            vec![v("October", "1988-10")]
        );
        assert_eq!(
            run("The vote comes next March.", "1989-03-27"),
            vec![v("March", "1990-03")]
        );
        // a day and month without a year lean to the past ...
        assert_eq!(
            run("The deal closed March 31.", "1989-11-01"),
            vec![v("March 31", "1989-03-31")]
        );
        // ... unless the clause looks ahead
        assert_eq!(
            run("The vote will be held March 31.", "1989-11-01"),
            vec![v("March 31", "1990-03-31")]
        );
    }

    #[test]
    fn quarters_vague_durations_and_nearest_years() {
        let p = "1989-11-02";
        assert_eq!(
            run("Third-quarter profit rose.", p),
            vec![v("Third-quarter", "1989-Q3")]
        );
        assert_eq!(
            run("Talks dragged on for weeks.", p),
            vec![v("weeks", "PXW")]
        );
        assert_eq!(
            run("It will matter in the future.", p),
            vec![v("the future", "FUTURE_REF")]
        );
        assert_eq!(
            run("It may list shares in the near future.", p),
            vec![v("the near future", "FUTURE_REF")]
        );
        assert_eq!(
            run(
                "He moved in 1995. Later that year he wed, and the following year he left.",
                p
            ),
            vec![
                v("1995", "1995"),
                v("Later that year", "1995"),
                v("the following year", "1996")
            ]
        );
        assert_eq!(
            run(
                "In the nineties it took a couple of years, until the end of the year.",
                p
            ),
            vec![
                v("the nineties", "199"),
                v("a couple of years", "P2Y"),
                v("the end of the year", "1989")
            ]
        );
        assert_eq!(
            run("The twenties roared.", "2025-05-01"),
            vec![v("The twenties", "202")]
        );
        // with no year named before, no value
        let got = run("That year was hard.", p);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, None);
        assert_eq!(
            run(
                "Orders slowed over the summer and rose in the early summer.",
                p
            ),
            vec![v("the summer", "1989-SU"), v("the early summer", "1989-SU")]
        );
        assert_eq!(
            run("Sales will pick up in the spring.", p),
            vec![v("the spring", "1990-SP")]
        );
        assert!(run("Prices showed the fall of the dollar.", p).is_empty());
        assert_eq!(
            run("CBS reported last night that ``today the tomb opens.''", p),
            vec![v("last night", "1989-11-01TNI"), v("today", "1989-11-02")]
        );
        // quarters as durations and sets, not fractions
        assert_eq!(
            run(
                "Losses over two quarters and several quarters; it pays every quarter.",
                p
            ),
            vec![
                v("two quarters", "P2Q"),
                v("quarters", "PXQ"),
                v("every quarter", "P1Q")
            ]
        );
        assert!(run("Three quarters of voters agreed.", p).is_empty());
        assert_eq!(
            run("A 16-hour shift ended.", p),
            vec![v("16-hour", "PT16H")]
        );
        // a day and month without a year: the nearest such day to the publication date
        assert_eq!(
            run("The vote is on Jan. 4.", "1989-12-20"),
            vec![v("Jan. 4", "1990-01-04")]
        );
        assert_eq!(
            run("The vote was on Dec. 15.", "1990-01-03"),
            vec![v("Dec. 15", "1989-12-15")]
        );
        assert_eq!(run("Its 1988 budget grew.", p), vec![v("1988", "1988")]);
    }

    #[test]
    fn current_and_recent() {
        let p = "1998-02-13";
        assert_eq!(
            run("The current crisis began after recent talks failed.", p),
            vec![v("current", "PRESENT_REF"), v("recent", "PAST_REF")]
        );
        // with a unit they are no expression of their own
        let got = run("Prices rose in recent weeks.", p);
        assert!(got.iter().all(|(t, _)| t != "recent"), "{got:?}");
    }

    #[test]
    fn months_without_a_year_take_the_nearest() {
        // published at the end of October: November is next month, not last year's
        assert_eq!(
            run("The plant is to close by mid-November.", "1989-10-30"),
            vec![v("mid-November", "1989-11")]
        );
        assert_eq!(
            run("Sales fell in November.", "1989-10-30"),
            vec![v("November", "1989-11")]
        );
        // far ahead is last year's
        assert_eq!(
            run("Sales fell in August.", "1989-02-10"),
            vec![v("August", "1988-08")]
        );
        assert_eq!(
            run("Work began in early-March 1988.", "1989-02-10"),
            vec![v("early-March 1988", "1988-03")]
        );
    }

    #[test]
    fn year_earlier_as_an_adjective() {
        assert_eq!(
            run("Net income fell from year-earlier levels.", "1989-11-02"),
            vec![v("year-earlier", "1988")]
        );
        // the same quarter of last year when a report's quarter is in view
        assert_eq!(
            run(
                "Third-quarter profit rose 5% in the third quarter. It compares with year-earlier net income of $2 million.",
                "1989-11-02"
            )
            .last()
            .cloned(),
            Some(v("year-earlier", "1988-Q3"))
        );
    }

    #[test]
    fn holidays() {
        // the boy was found on Thanksgiving Day (written in January 2000)
        assert_eq!(
            run("He was found on Thanksgiving Day.", "2000-01-07"),
            vec![v("Thanksgiving Day", "1999-11-25")]
        );
        // the coming Election Day (the Tuesday after the first Monday of November)
        assert_eq!(
            run("Voters will go to the polls on Election Day.", "1998-10-26"),
            vec![v("Election Day", "1998-11-03")]
        );
        assert_eq!(
            run(
                "Stores closed on Christmas Eve and Memorial Day.",
                "2001-06-10"
            ),
            vec![
                v("Christmas Eve", "2000-12-24"),
                v("Memorial Day", "2001-05-28")
            ]
        );
        // a last one and a next one
        assert_eq!(
            run(
                "Last Labor Day was quiet; next Halloween will not be.",
                "2001-06-10"
            )
            .iter()
            .map(|x| x.1.clone().unwrap_or_default())
            .collect::<Vec<_>>(),
            vec!["2000-09-04".to_string(), "2001-10-31".to_string()]
        );
        // lower case is no holiday name
        assert!(run("a new year's day of rest", "2001-06-10").is_empty());
    }

    #[test]
    fn numbers_in_words_halves_centuries_and_hours() {
        let p = "1998-03-05";
        assert_eq!(
            run("He waited nearly forty years, then twenty-five days.", p),
            vec![v("forty years", "P40Y"), v("twenty-five days", "P25D")]
        );
        assert_eq!(
            run("Talks lasted 5 1/2 hours; the dam took 2 1/2 years.", p),
            vec![v("5 1/2 hours", "PT5H30M"), v("2 1/2 years", "P2Y6M")]
        );
        assert_eq!(
            run("They need two more weeks.", p),
            vec![v("two more weeks", "P2W")]
        );
        assert_eq!(
            run("The 20th century ended; the eleventh century is far.", p),
            vec![v("20th century", "19"), v("eleventh century", "10")]
        );
        assert_eq!(
            run("It began at midday and ended at 4 in the morning.", p),
            vec![
                v("midday", "1998-03-05T12:00"),
                v("4 in the morning", "1998-03-05T04:00")
            ]
        );
        let set = find(
            "Buses run hourly.",
            &tokenize("Buses run hourly."),
            &sentences("Buses run hourly.", &tokenize("Buses run hourly.")),
            Some(p),
        );
        assert_eq!(
            (set[0].kind.as_str(), set[0].value.as_deref()),
            ("SET", Some("PT1H"))
        );
        assert_eq!(
            run(
                "The 8-month-old boy saw a day-long strike and a decades-long war.",
                p
            ),
            vec![v("day-long", "P1D"), v("decades-long", "PXE")]
        );
        assert_eq!(run("In post-1959 Cuba.", p), vec![v("post-1959", "1959")]);
        assert_eq!(
            run("Profit rose in the current fiscal year.", p),
            vec![v("the current fiscal year", "1998")]
        );
        assert_eq!(
            run("Payment is due at the end of the month.", p),
            vec![v("the end of the month", "1998-03")]
        );
        // days by reference: the last date named, or the publication day
        assert_eq!(
            run(
                "On Monday they met. The next morning, police came. Earlier that day, he left.",
                p
            ),
            vec![
                v("Monday", "1998-03-02"),
                v("The next morning", "1998-03-03"),
                v("Earlier that day", "1998-03-03")
            ]
        );
        assert_eq!(
            run("The day before, it rained.", p),
            vec![v("The day before", "1998-03-04")]
        );
        // the 20th of a month is no century, nor noon a time without "at" or a day
        assert!(run("It opens on the 20th of May.", p)
            .iter()
            .all(|(_, v)| v.as_deref() != Some("19")));
        assert!(run("Noon Street is closed.", p).is_empty());
    }

    #[test]
    fn years_in_words() {
        let p = "1998-02-13";
        assert_eq!(
            run("He left in January nineteen ninety-seven.", p),
            vec![v("January nineteen ninety-seven", "1997-01")]
        );
        assert_eq!(
            run("It began in nineteen seventy nine.", p),
            vec![v("nineteen seventy nine", "1979")]
        );
        assert_eq!(
            run("By the year two thousand it will be done.", p),
            vec![v("two thousand", "2000")]
        );
        assert_eq!(
            run("It was the winter of nineteen ninety-four.", p),
            vec![v("winter of nineteen ninety-four", "1994-WI")]
        );
        // numbers that are no years
        assert!(run("Nineteen people and two thousand troops came.", p).is_empty());
    }

    #[test]
    fn not_times_and_bad_dates() {
        let p = "2018-05-18";
        assert!(run("He may go and 2000 people march.", p).is_empty());
        assert_eq!(
            run("It was February 31, 2018.", p),
            vec![("February 31, 2018".into(), None)]
        );
        // no anchor: relative values unknown, absolute ones kept
        let t = tokenize("on Thursday in 2015");
        let ss = sentences("on Thursday in 2015", &t);
        let got: Vec<_> = find("on Thursday in 2015", &t, &ss, None)
            .into_iter()
            .map(|x| x.value)
            .collect();
        assert_eq!(got, vec![None, Some("2015".into())]);
    }

    #[test]
    fn abbreviations_names_sets_deadlines_and_decades_ago() {
        let p = "2000-03-30"; // a Thursday
                              // a bare abbreviation before a name is part of the name
        assert!(run("Sun Microsystems and Jan Kavan agreed.", p).is_empty());
        assert_eq!(
            run("It opened Sun, Jan 2, 2000 and closed Jan. 9, 2000.", p),
            vec![
                v("Sun, Jan 2, 2000", "2000-01-02"),
                v("Jan. 9, 2000", "2000-01-09")
            ]
        );
        // adverbs that only order events, and a newspaper called a daily, are no times
        assert!(run(
            "As previously reported, the party daily Granma printed it.",
            p
        )
        .is_empty());
        assert_eq!(run("Crowds rallied daily.", p), vec![v("daily", "P1D")]);
        // weekdays that repeat
        assert_eq!(
            run(
                "Flights leave each Thursday and every Friday night; shops close on Sundays.",
                p
            ),
            vec![
                v("each Thursday", "XXXX-WXX-4"),
                v("every Friday night", "XXXX-WXX-5TNI"),
                v("Sundays", "XXXX-WXX-7")
            ]
        );
        // a deadline given, extended or postponed "until" a weekday is still to come, in a
        // past-tense clause too; a stay "until" one is not
        assert_eq!(
            run("Officials postponed until Tuesday any action.", p),
            vec![v("Tuesday", "2000-04-04")]
        );
        assert_eq!(
            run(
                "The agency had given the family until 9 a.m. Tuesday to sign.",
                p
            ),
            vec![v("9 a.m. Tuesday", "2000-04-04T09:00")]
        );
        assert_eq!(
            run("He stayed until Tuesday.", p),
            vec![v("Tuesday", "2000-03-28")]
        );
        // numbers in two words, "and a half", halves of a year, parts of named days
        assert_eq!(
            run(
                "It took twenty four hours and a week and a half; sales fell in the first \
                 half of 1999 and the last two quarters of 1999, and mid-afternoon yesterday.",
                p
            ),
            vec![
                v("twenty four hours", "PT24H"),
                v("a week and a half", "P10DT12H"),
                v("the first half of 1999", "1999-H1"),
                v("the last two quarters of 1999", "1999-H2"),
                v("mid-afternoon yesterday", "2000-03-29TAF")
            ]
        );
        // "next to" is a place, not a time ahead: the Friday is the last one
        assert_eq!(
            run(
                "A bomb ripped through a building next to the embassy Friday morning.",
                p
            ),
            vec![v("Friday morning", "2000-03-24TMO")]
        );
        // a day in words after its month
        assert_eq!(
            run(
                "The vote is this coming Sunday, March fifth, and ends March twenty-first.",
                p
            ),
            vec![
                v("Sunday, March fifth", "2000-03-05"),
                v("March twenty-first", "2000-03-21")
            ]
        );
        // an unspecified number of units to come
        assert_eq!(
            run("Prices will rise in the coming weeks.", p),
            vec![v("weeks", "PXW")]
        );
        // decades and centuries ago are years
        assert_eq!(
            run("It began a decade ago and grew two centuries ago.", p),
            vec![v("a decade ago", "1990"), v("two centuries ago", "1800")]
        );
    }

    #[test]
    fn the_year_days_either_side_of_a_date_monthly_sets_and_titles() {
        let p = "2000-02-24"; // a Thursday
                              // a fiscal year ending on a day is a year-long period; "the year" otherwise the
                              // publication's, but not "the year before" nor "the year 1950"
        assert_eq!(
            run(
                "Sales for the year ended Sept. 30 rose to a high for the year.",
                p
            ),
            vec![
                v("the year", "P1Y"),
                v("Sept. 30", "1999-09-30"),
                v("the year", "2000"),
            ]
        );
        assert_eq!(
            run("Later in the year he sold more than the year before.", p),
            vec![v("Later in the year", "2000")]
        );
        assert_eq!(
            run("He was born in the year 1950.", p),
            vec![v("1950", "1950")]
        );
        // a day either side of a named date, and the week of one
        assert_eq!(
            run("The day before last Tuesday's hearing, the court met.", p),
            vec![v("The day before last Tuesday", "2000-02-21")]
        );
        assert_eq!(
            run("A ruling may come the week of March 6.", p),
            vec![v("the week of March 6", "2000-W10")]
        );
        // every July; every Tuesday night
        assert_eq!(
            run(
                "Marchers walk each July and buses leave on Tuesday nights.",
                p
            ),
            vec![
                v("each July", "XXXX-07"),
                v("Tuesday nights", "XXXX-WXX-2TNI")
            ]
        );
        // the present of the past; this century
        assert_eq!(
            run("He bought at the then current price in this century.", p),
            vec![v("then current", "PAST_REF"), v("this century", "20")]
        );
        // a programme's title in quotes is no week
        assert!(run("She told ABC's \"This Week\" that talks go on.", p).is_empty());
        assert_eq!(
            run("She said this week that talks go on.", p),
            vec![v("this week", "2000-W08")]
        );
    }

    #[test]
    fn kinds_of_days_apostrophe_decades_second_days_and_months_by_reference() {
        let p = "1989-10-27";
        assert_eq!(
            run("Ten business days after Oct. 12 the index fell.", p),
            vec![v("Ten business days", "P10D"), v("Oct. 12", "1989-10-12")]
        );
        // the '80s of a 1989 story; the '90s begin within two years of it
        assert_eq!(
            run(
                "Sales were flat in the '80s and will grow in the \u{2019}90s.",
                p
            ),
            vec![v("'80s", "198"), v("\u{2019}90s", "199")]
        );
        // a second day of the month just named, and a year after the pair for both
        assert_eq!(
            run("The summit is on April 24 and 25, 1990.", p),
            vec![v("April 24", "1990-04-24"), v("25, 1990", "1990-04-25")]
        );
        assert_eq!(
            run("They met on April 24 and 25 delegates voted.", p),
            vec![v("April 24", "1989-04-24")]
        );
        // a month by reference: the one last named, or the one after it
        assert_eq!(
            run(
                "In March, a holder urged a sale. The following month, the firm put itself up \
                 for sale, and later that month it sold.",
                p
            ),
            vec![
                v("March", "1989-03"),
                v("The following month", "1989-04"),
                v("later that month", "1989-04"),
            ]
        );
        assert_eq!(
            run("That month was busy.", p),
            vec![("That month".into(), None)]
        );
    }

    #[test]
    fn report_quarters_fortnights_and_twenty_four_hour_clocks() {
        let p = "2018-05-18"; // a Friday
        assert_eq!(
            run(
                "Profit rose in Q3 2018, in 3Q17, in FY2019, in FY99 and in Q1.",
                p
            ),
            vec![
                v("Q3 2018", "2018-Q3"),
                v("3Q17", "2017-Q3"),
                v("FY2019", "2019"),
                v("FY99", "1999"),
                v("Q1", "2018-Q1"),
            ]
        );
        // a car model is no quarter
        assert!(run("He drove an Audi Q3 home.", p).is_empty());
        assert_eq!(
            run("He left a fortnight ago and returns in two fortnights.", p),
            vec![v("a fortnight ago", "2018-W18"), v("two fortnights", "P4W")]
        );
        assert_eq!(
            run(
                "They met the week before last and meet the week after next.",
                p
            ),
            vec![
                v("the week before last", "2018-W18"),
                v("the week after next", "2018-W22"),
            ]
        );
        // the day after the clock time and its zone dates it
        assert_eq!(
            run(
                "Talks began at 3 p.m. local time (1200 GMT) on Thursday.",
                p
            ),
            vec![v(
                "3 p.m. local time (1200 GMT) on Thursday",
                "2018-05-17T15:00"
            )]
        );
        assert_eq!(
            run(
                "Shelling stopped at 0400 GMT and resumed at 1830 UTC on Sunday.",
                p
            ),
            vec![
                v("0400", "2018-05-18T04:00"),
                v("1830 UTC on Sunday", "2018-05-13T18:30"),
            ]
        );
        // a year is no clock
        assert_eq!(run("It was built in 1930.", p), vec![v("1930", "1930")]);
    }

    #[test]
    fn companies_called_sun_the_past_century_and_a_quarter_a_year_back() {
        let p = "1989-10-27";
        // a company opening a list is no Sunday; a date after the comma makes it one
        assert!(run("Sun, Hewlett-Packard and others say so.", p).is_empty());
        assert_eq!(
            run("It opened Sun, Jan 2, 2000.", p),
            vec![v("Sun, Jan 2, 2000", "2000-01-02")]
        );
        assert_eq!(
            run("It was the event of the past century.", p),
            vec![v("past century", "P100Y")]
        );
        assert_eq!(
            run(
                "It lost money in the third quarter. For the quarter a year ago, it earned more.",
                p
            ),
            vec![
                v("the third quarter", "1989-Q3"),
                v("the quarter a year ago", "1988-Q3")
            ]
        );
    }

    #[test]
    fn vague_spans_to_come_and_gone_and_parts_of_the_day() {
        let p = "1998-03-06";
        assert_eq!(
            run(
                "By mid afternoon, sources said so; early morning tomorrow it ends.",
                p
            ),
            vec![
                v("mid afternoon", "1998-03-06TAF"),
                v("early morning tomorrow", "1998-03-07TMO"),
            ]
        );
        // without a day or a preposition of time, a part of the day is left alone
        assert!(run("The early morning light was grey.", p).is_empty());
        assert_eq!(
            run("It hurts more these days, after a several-year slump.", p),
            vec![v("these days", "PRESENT_REF"), v("several-year", "PXY")]
        );
        assert_eq!(
            run("It will one day be the largest; it took one day.", p),
            vec![v("one day", "FUTURE_REF"), v("one day", "P1D")]
        );
        assert_eq!(
            run(
                "Just months ago it bled; it will sell in the weeks ahead.",
                p
            ),
            vec![v("months ago", "PXM"), v("the weeks ahead", "PXW")]
        );
        assert_eq!(
            run(
                "Holders gain in the short term and are paid at a later date.",
                p
            ),
            vec![
                v("the short term", "FUTURE_REF"),
                v("a later date", "FUTURE_REF")
            ]
        );
        assert_eq!(
            run(
                "It ruled for centuries and was extended for an additional year.",
                p
            ),
            vec![v("centuries", "PXC"), v("an additional year", "P1Y")]
        );
    }

    #[test]
    fn year_end_and_year_ago_adjectives() {
        let p = "1989-11-02";
        assert_eq!(
            run(
                "It will close by year-end; shares are up since year-end.",
                p
            ),
            vec![v("year-end", "1989-12-31"), v("year-end", "1988-12-31")]
        );
        assert!(run("Year-end results rose.", p).is_empty());
        // "the year-ago results": last year's; "the year-earlier nine months" a span
        assert_eq!(
            run("The year-ago results included a charge.", p),
            vec![v("year-ago", "1988")]
        );
        assert_eq!(
            run("The year-earlier nine months were better.", p),
            vec![v("nine months", "P9M")]
        );
    }

    #[test]
    fn clocks_written_as_one_word_with_a_point_or_on_twenty_four_hours() {
        let p = "2018-05-18"; // a Friday
        assert_eq!(
            run("The blast hit at around 10pm; sirens sounded at 22:00.", p),
            vec![
                v("10pm", "2018-05-18T22:00"),
                v("22:00", "2018-05-18T22:00")
            ]
        );
        assert_eq!(
            run(
                "He left at 10.30pm and came back at 7.15 a.m. on Thursday.",
                p
            ),
            vec![
                v("10.30pm", "2018-05-18T22:30"),
                v("7.15 a.m. on Thursday", "2018-05-17T07:15"),
            ]
        );
        // a score or a price is no clock
        assert!(run("It ended 3:1 and cost 10.50 pounds.", p).is_empty());
        assert_eq!(run("Aid came within days.", p), vec![v("days", "PXD")]);
    }

    #[test]
    fn a_quarter_still_to_end_is_not_the_quarter_a_report_is_about() {
        let p = "1989-11-02";
        let got = run(
            "The insurer's third-quarter net income rose 11%. It expects a fourth-quarter \
             charge. Its earnings fell 59% in the latest quarter, against $6.1 million a year ago.",
            p,
        );
        assert_eq!(
            got,
            vec![
                v("third-quarter", "1989-Q3"),
                v("fourth-quarter", "1989-Q4"),
                v("the latest quarter", "1989-Q3"),
                v("a year ago", "1988-Q3"),
            ]
        );
    }

    #[test]
    fn a_span_of_days_is_dated_by_its_first() {
        let p = "2018-05-18";
        assert_eq!(
            run(
                "The vote is set for June 23-24; the summit on 7-8 July ended.",
                p
            ),
            vec![v("June 23-24", "2018-06-23"), v("7-8 July", "2018-07-07")]
        );
        // a score is no span
        assert_eq!(run("Spain won 3-1 in June.", p), vec![v("June", "2018-06")]);
    }

    #[test]
    fn halves_and_quarters_of_a_year_named_by_reference() {
        let p = "2018-05-18";
        assert_eq!(
            run(
                "Sales rose in the first quarter of this year, will slow in the second half of \
                 the year and recover in the first half of next year, after the third quarter \
                 of last year.",
                p
            ),
            vec![
                v("the first quarter of this year", "2018-Q1"),
                v("the second half of the year", "2018-H2"),
                v("the first half of next year", "2019-H1"),
                v("the third quarter of last year", "2017-Q3"),
            ]
        );
        // in January, a part of "the year" still to come is last year's unless the clause
        // looks ahead
        assert_eq!(
            run(
                "He raised $12 million during the third quarter of the year. Sales will rise \
                 in the second half of the year.",
                "2016-01-04"
            ),
            vec![
                v("the third quarter of the year", "2015-Q3"),
                v("the second half of the year", "2016-H2"),
            ]
        );
    }

    #[test]
    fn a_clock_right_after_a_date_is_on_that_date() {
        let p = "2016-02-07";
        assert_eq!(
            run(
                "Posted February 6, 2016 9:33PM. On Friday at 3 p.m. they met.",
                p
            ),
            vec![
                v("February 6, 2016", "2016-02-06"),
                v("9:33PM", "2016-02-06T21:33"),
                v("Friday", "2016-02-05"),
                v("3 p.m.", "2016-02-05T15:00"),
            ]
        );
        // "this Thursday": the Thursday of the publication's week, ahead or behind
        assert_eq!(
            run(
                "He is due to meet Ryan and other leaders of the party this Thursday.",
                "2016-05-09"
            ),
            vec![v("Thursday", "2016-05-12")]
        );
        assert_eq!(
            run("He met Ryan this Monday.", "2016-05-13"),
            vec![v("Monday", "2016-05-09")]
        );
        // "28 December" written on 2 January is last year's
        assert_eq!(
            run("The vote was held on 28 December.", "2016-01-02"),
            vec![v("28 December", "2015-12-28")]
        );
        // "the 11th of September", "the seventeenth of May 2018"
        assert_eq!(
            run(
                "It was the 11th of September, not the seventeenth of May 2018.",
                "2015-12-04"
            ),
            vec![
                v("the 11th of September", "2015-09-11"),
                v("the seventeenth of May 2018", "2018-05-17"),
            ]
        );
        // what runs through a day runs to the coming one; what was done through it is done
        assert_eq!(
            run(
                "The book sale is being held through Saturday. States that have held \
                 primaries through Tuesday voted.",
                "2009-03-23"
            ),
            vec![v("Saturday", "2009-03-28"), v("Tuesday", "2009-03-17")]
        );
        // a start told in the present is to come
        assert_eq!(
            run(
                "Glass recycling starts on Friday; the trial resumes Monday.",
                "2009-03-17"
            ),
            vec![v("Friday", "2009-03-20"), v("Monday", "2009-03-23")]
        );
        // a month in a clause told in the past counts one ahead four times as far; a
        // participle after a determiner is no past ("a contested convention in July")
        assert_eq!(
            run(
                "Officers caught up with him near Atlanta in June.",
                "2009-03-30"
            ),
            vec![v("June", "2008-06")]
        );
        assert_eq!(
            run(
                "That would set the stage for a contested convention in July.",
                "2016-03-22"
            ),
            vec![v("July", "2016-07")]
        );
        assert_eq!(
            run(
                "Cross called November's general election a test.",
                "2016-08-17"
            ),
            vec![v("November", "2016-11")]
        );
        // "come November": when it comes
        assert_eq!(
            run(
                "She should win the election come November; he lost in November.",
                "2016-06-15"
            ),
            vec![v("November", "2016-11"), v("November", "2015-11")]
        );
        // a clock in the next sentence is not
        assert_eq!(
            run("It began on Friday. At 3 p.m. they met.", p),
            vec![v("Friday", "2016-02-05"), v("3 p.m.", "2016-02-07T15:00")]
        );
    }
}
