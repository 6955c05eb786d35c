//! Rules for durations: "three years", "two more weeks", "twenty four hours", "5 1/2 hours",
//! "an hour and a half", "a fortnight", "ten business days", "a couple of years", "two-year",
//! "day-long", "decades-long", "a multi-year deal", "the past decade", "the weeks ahead", "for
//! weeks" (an unspecified number: `PXW`).
//!
//! Heuristics:
//! - "N units ago" / "earlier" are dates, not durations; "a decade ago" is the year;
//! - quarters count only as several of them ("two quarters"), not a fraction ("three quarters
//!   of the votes"); "N years old" and weekends are no duration;
//! - "a 34-year-old man" is an age, no duration; "a day-long strike" is one.

use super::*;

/// "a several-year tenure", "a multi-year deal": an unspecified number of units
pub(super) fn several_units(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if let Some(u) = w(0)
        .strip_prefix("several-")
        .or_else(|| w(0).strip_prefix("multi-"))
        .and_then(unit)
        .filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y'))
    {
        return time(1, TimeKind::Duration, Some(format!("PX{u}")));
    }

    None
}

/// "the past decade", "the past century": the ten or hundred years up to now
pub(super) fn past_decade(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    relative_direction(cx, i)?;
    if w(0) == "past" && matches!(w(1), "decade" | "century") {
        let v = if w(1) == "decade" { "P10Y" } else { "P100Y" };
        return time(2, TimeKind::Duration, Some(v.into()));
    }

    None
}

/// "5 1/2 hours", "2 1/2 years": a half more
pub(super) fn and_a_half(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if let (Some(n), "1/2" | "½") = (cx.number(i, 0), w(1)) {
        if let Some(u) = unit(w(2)) {
            if let Some(v) = half_more(n, u) {
                return time(3, TimeKind::Duration, Some(v));
            }
        }
    }

    None
}

/// A count before a unit ("six weeks", "twenty four hours", "two more weeks", "10 - day"):
/// the number, and how many words lead up to the unit.
pub(super) struct Count {
    pub n: i64,
    pub len: usize,
}

/// The count at token `i`, if a number starts there.
pub(super) fn counted(cx: &Ctx, i: usize) -> Option<Count> {
    let w = |k: usize| cx.word(i, k);
    let n = cx.number(i, 0)?;
    let units = cx
        .number(i, 1)
        .filter(|u| (1..10).contains(u) && !w(1).contains('-'));
    let (n, k0) = match units {
        Some(u) if (20..100).contains(&n) && n % 10 == 0 && unit(w(2)).is_some() => (n + u, 1),
        _ => (n, 0),
    };
    let mut k = 1 + k0;
    if w(k) == "-"
        || matches!(w(k), "more" | "additional" | "extra" | "further") && unit(w(k + 1)).is_some()
    {
        k += 1;
    }
    Some(Count { n, len: k })
}

/// "a fortnight", "two fortnights ago": two weeks each.
pub(super) fn fortnights(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let Count { n, len: k } = counted(cx, i)?;
    if matches!(w(k), "fortnight" | "fortnights") {
        if w(k + 1) == "ago" {
            return time(
                k + 2,
                TimeKind::Date,
                a.map(|a| a.add_days(-14 * n).week_value()),
            );
        }
        return time(k + 1, TimeKind::Duration, Some(format!("P{}W", 2 * n)));
    }
    None
}

/// "eight trading days", "ten business days": days of a kind.
pub(super) fn days_of_a_kind(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let Count { n, len: k } = counted(cx, i)?;
    if matches!(w(k), "trading" | "business" | "working" | "school") && unit(w(k + 1)) == Some('D')
    {
        return time(k + 2, TimeKind::Duration, Some(format!("P{n}D")));
    }
    None
}

/// "a minute and a half", "an hour and a half", "a week and a half": a half more.
pub(super) fn unit_and_a_half(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let Count { n, len: k } = counted(cx, i)?;
    let u = unit(w(k))?;
    if (w(k + 1), w(k + 3)) == ("and", "half") && matches!(w(k + 2), "a" | "one") {
        let v = half_more(n, u).or_else(|| (u == 'W').then(|| format!("P{}DT12H", 7 * n + 3)));
        if let Some(v) = v {
            return time(k + 4, TimeKind::Duration, Some(v));
        }
    }
    None
}

/// "three years", "two more weeks", "twenty four hours", "two quarters": that many units
/// (quarters only as several of them, not a fraction: "three quarters of the votes"; no
/// weekends, no ages: "five years old").
pub(super) fn counted_duration(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let Count { n, len: k } = counted(cx, i)?;
    let u = unit(w(k))?;
    let quarters = u == 'Q' && n >= 2 && w(k).ends_with('s') && w(k + 1) != "of";
    if u != 'K' && (u != 'Q' || quarters) && w(k + 1) != "old" {
        let v = match u {
            'H' => format!("PT{n}H"),
            'm' => format!("PT{n}M"),
            'E' => format!("P{}Y", n * 10),
            'C' => format!("P{}Y", n * 100),
            c => format!("P{n}{c}"),
        };
        return time(k + 1, TimeKind::Duration, Some(v));
    }
    None
}

/// A length: "day-long", "decades-long" (not an age: "a 34-year-old man" tells when no
/// event happened)
pub(super) fn length_adjective(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

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
                return time(1, TimeKind::Duration, Some(v));
            }
        }
    }

    None
}

/// A hyphenated duration: "two-year", "10-day".
pub(super) fn hyphenated_duration(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let (num, u) = w(0).split_once('-')?;
    if let (Some(n), Some(u)) = (number_word(num), unit(u)) {
        match u {
            'D' | 'W' | 'M' | 'Y' => return time(1, TimeKind::Duration, Some(format!("P{n}{u}"))),
            'H' => return time(1, TimeKind::Duration, Some(format!("PT{n}H"))),
            'm' => return time(1, TimeKind::Duration, Some(format!("PT{n}M"))),
            _ => {}
        }
    }

    None
}

/// "a couple of years": two of them
pub(super) fn couple_of(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if matches!(w(0), "a" | "couple") {
        let k = usize::from(w(0) == "a");
        if w(k) == "couple" && w(k + 1) == "of" {
            if let Some(u) = unit(w(k + 2)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y')) {
                return time(k + 3, TimeKind::Duration, Some(format!("P2{u}")));
            }
        }
    }

    None
}

/// "in the weeks ahead": an unspecified number of units to come
pub(super) fn units_ahead(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if w(0) == "the" && w(2) == "ahead" {
        if let Some(u) =
            unit(w(1)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y') && w(1).ends_with('s'))
        {
            return time(3, TimeKind::Duration, Some(format!("PX{u}")));
        }
    }

    None
}

/// "for weeks", "for years", "in the coming weeks": an unspecified number of units
pub(super) fn vague_units(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

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
                return time(1, TimeKind::Duration, Some(v));
            }
        }
    }

    None
}

/// `n` units and a half ("5 1/2 hours", "a year and a half") as a TimeML duration.
pub(super) fn half_more(n: i64, u: char) -> Option<String> {
    match u {
        'H' => Some(format!("PT{n}H30M")),
        'Y' => Some(format!("P{n}Y6M")),
        'D' => Some(format!("P{n}DT12H")),
        'm' => Some(format!("PT{n}M30S")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn several_units() {
        check_examples("several_units");
    }

    #[test]
    fn past_decade() {
        check_examples("past_decade");
    }

    #[test]
    fn and_a_half() {
        check_examples("and_a_half");
    }

    #[test]
    fn fortnights() {
        check_examples("fortnights");
    }

    #[test]
    fn days_of_a_kind() {
        check_examples("days_of_a_kind");
    }

    #[test]
    fn unit_and_a_half() {
        check_examples("unit_and_a_half");
    }

    #[test]
    fn counted_duration() {
        check_examples("counted_duration");
    }

    #[test]
    fn length_adjective() {
        check_examples("length_adjective");
    }

    #[test]
    fn hyphenated_duration() {
        check_examples("hyphenated_duration");
    }

    #[test]
    fn couple_of() {
        check_examples("couple_of");
    }

    #[test]
    fn units_ahead() {
        check_examples("units_ahead");
    }

    #[test]
    fn vague_units() {
        check_examples("vague_units");
    }
}
