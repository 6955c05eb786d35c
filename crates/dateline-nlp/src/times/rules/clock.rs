//! Rules for clock times: "4 in the morning", "1200 GMT" (a twenty-four-hour clock with its
//! zone), "noon Saturday", "midnight Friday", "10 a.m.", "7:30 p.m.", "10pm", "10.30 am", and
//! "22:00" after a word leading to a time ("at 22:00").
//!
//! Heuristics:
//! - a clock followed by a day ("6 p.m. PST Dec. 2", "9 a.m. Tuesday", "10 p.m. (local time)
//!   on Friday", "3 p.m. local time (1200 GMT) on Thursday") is on that day; otherwise on the
//!   publication day;
//! - the zone is left out of the span (the entities call "GMT" a name);
//! - "noon" alone is a time only after "at", "by", "until", "before", "after", "around".

use super::*;

/// "4 in the morning", "8 in the evening": that hour of the day
pub(super) fn hour_of_part_of_day(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if let Some(Clock { hour: h, minute: 0 }) = clock(w(0)) {
        if (w(1), w(2)) == ("in", "the") {
            let h = match w(3) {
                "morning" if h < 12 => Some(h),
                "afternoon" | "evening" if h < 12 => Some(h + 12),
                "night" if (6..12).contains(&h) => Some(h + 12),
                _ => None,
            };
            if let Some(h) = h {
                return time(4, TimeKind::Time, a.map(|a| format!("{a}T{h:02}:00")));
            }
        }
    }

    None
}

/// "1200 GMT", "0930 UTC": a twenty-four-hour clock with its zone, on the day that
/// follows or the publication's
pub(super) fn zoned_military_clock(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);

    if let Some(Clock { hour: h, minute: m }) = military(w(0)).filter(|_| time_zone(w(1))) {
        let j = i + 2 + usize::from(w(2) == "on");
        if let Some(DayAt { len: n, day }) = day_at(cx, j) {
            return time(
                j - i + n,
                TimeKind::Time,
                Some(format!("{day}T{h:02}:{m:02}")),
            );
        }
        // (the zone is left to the entities, which call "GMT" a name)
        return time(1, TimeKind::Time, a.map(|a| format!("{a}T{h:02}:{m:02}")));
    }

    None
}

/// "noon Saturday", "midnight Friday": that day at 12:00 or 24:00; alone ("at midday"),
/// the publication day's
pub(super) fn noon_or_midnight(cx: &Ctx, i: usize) -> Option<Reading> {
    let a = cx.anchor;
    let w = |k: usize| cx.word(i, k);
    let prev = cx.previous(i);

    if matches!(w(0), "noon" | "midnight" | "midday") {
        let h = if w(0) == "midnight" { 24 } else { 12 };
        let mut j = i + 1;
        if matches!(w(1), "on" | ",") {
            j += 1;
        }
        if let Some(DayAt { len: n, day }) = day_at(cx, j) {
            return time(j - i + n, TimeKind::Time, Some(format!("{day}T{h}:00")));
        }
        if matches!(prev, "at" | "by" | "until" | "before" | "after" | "around") {
            return time(1, TimeKind::Time, a.map(|a| format!("{a}T{h}:00")));
        }
    }

    None
}

/// Clock times: "10 a.m.", "7:30 p.m.", "10pm", and "22:00" after a word leading to a time
/// ("at 22:00", "by 06:30"); on the day that follows ("6 p.m. PST Dec. 2", "9 a.m. Tuesday",
/// "10 p.m. (local time) on Friday", "3 p.m. local time (1200 GMT) on Thursday"), or on the
/// publication day.
pub(super) fn clock_time(cx: &Ctx, i: usize) -> Option<Reading> {
    let ClockReading {
        clock: Clock { hour: h, minute: m },
        len,
    } = clock_reading(cx, i)?;
    let j = past_zones(cx, i + len);
    if let Some(DayAt { len: n, day }) = day_at(cx, j) {
        return time(
            j - i + n,
            TimeKind::Time,
            Some(format!("{day}T{h:02}:{m:02}")),
        );
    }
    time(
        len,
        TimeKind::Time,
        cx.anchor.map(|a| format!("{a}T{h:02}:{m:02}")),
    )
}

/// A clock reading at a token, on a twenty-four-hour clock, and how many words it takes.
struct ClockReading {
    clock: Clock,
    len: usize,
}

/// The clock at token `i`: "10 a.m." (two words), "10pm", "10.30am" (one), or "22:00" after
/// "at", "by", "from", "until", "around", "before", "after", "since", "till".
fn clock_reading(cx: &Ctx, i: usize) -> Option<ClockReading> {
    let w = |k: usize| cx.word(i, k);
    let (h, m, pm, am, len) = if let (Some(Clock { hour: h, minute: m }), true) = (
        clock(w(0)),
        matches!(w(1), "a.m." | "am" | "p.m." | "pm" | "a.m" | "p.m"),
    ) {
        (h, m, w(1).starts_with('p'), w(1).starts_with('a'), 2)
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
        let c = clock(num)?;
        (c.hour, c.minute, pm, !pm, 1)
    } else {
        let (h, m) = w(0).split_once(':').and_then(|(h, m)| {
            let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
            (h < 24 && m < 60 && w(0).len() == 5).then_some((h, m))
        })?;
        let led = matches!(
            cx.previous(i),
            "at" | "by" | "from" | "until" | "around" | "before" | "after" | "since" | "till"
        );
        if !led {
            return None;
        }
        (h, m, false, false, 1)
    };
    let hour = if pm && h < 12 {
        h + 12
    } else if am && h == 12 {
        0
    } else {
        h
    };
    Some(ClockReading {
        clock: Clock { hour, minute: m },
        len,
    })
}

/// The first word from `j` past what may stand between a clock and its day: zones, "local
/// time", commas, brackets, "on", and a zoned twenty-four-hour clock ("(1200 GMT)").
fn past_zones(cx: &Ctx, mut j: usize) -> usize {
    while j < cx.words.len()
        && (time_zone(&cx.words[j])
            || matches!(
                cx.words[j].as_str(),
                "," | "on" | "(" | ")" | "local" | "time"
            )
            || military(&cx.words[j]).is_some()
                && cx.words.get(j + 1).is_some_and(|z| time_zone(z)))
    {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn hour_of_part_of_day() {
        check_examples("hour_of_part_of_day");
    }

    #[test]
    fn zoned_military_clock() {
        check_examples("zoned_military_clock");
    }

    #[test]
    fn noon_or_midnight() {
        check_examples("noon_or_midnight");
    }

    #[test]
    fn clock_time() {
        check_examples("clock_time");
    }
}
