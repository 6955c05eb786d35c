//! Rules for sets (recurring times): "Tuesday nights", "daily", "weekly", "every Friday",
//! "each Thursday night", "each July", "on Sundays", "every week".
//!
//! Heuristics:
//! - weekdays after "each" or "every", or in the plural, are sets (a plural needs its capital
//!   and more than six letters);
//! - "daily" before a capitalised word is the newspaper ("the daily Granma"), no set.

use super::*;

/// "Tuesday nights": that part of every such weekday
pub(super) fn weekday_part_set(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

    if let Some(p) = w(1).strip_suffix('s').and_then(part_of_day) {
        if let Some(wd) = weekday_number(w(0)).filter(|_| raw(0).starts_with(char::is_uppercase)) {
            return time(2, TimeKind::Set, Some(format!("XXXX-WXX-{}T{p}", wd + 1)));
        }
    }

    None
}

/// Adverbs of frequency: "daily" (not the newspaper, "the daily Granma"), "weekly",
/// "monthly", "annually", "yearly", "hourly".
pub(super) fn frequency_word(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);
    match w(0) {
        // (not the newspaper: "the Communist Party daily Granma")
        "daily" if !raw(1).starts_with(char::is_uppercase) => {
            return time(1, TimeKind::Set, Some("P1D".into()))
        }
        "weekly" => return time(1, TimeKind::Set, Some("P1W".into())),
        "monthly" => return time(1, TimeKind::Set, Some("P1M".into())),
        "annually" | "yearly" => return time(1, TimeKind::Set, Some("P1Y".into())),
        "hourly" => return time(1, TimeKind::Set, Some("PT1H".into())),
        _ => {}
    }
    None
}

/// Every / each weekday (and part of the day), and weekdays in the plural: sets
/// ("each Thursday", "every Friday night", "on Sundays")
pub(super) fn each_weekday_or_month(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

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
            return time(n, TimeKind::Set, Some(v));
        }
        // "each July": that month of every year
        if let Some(m) =
            month_number(w(1)).filter(|_| raw(1).starts_with(char::is_uppercase) && w(1).len() > 3)
        {
            return time(2, TimeKind::Set, Some(format!("XXXX-{m:02}")));
        }
    }

    None
}

/// A weekday in the plural: "on Sundays", every such weekday.
pub(super) fn plural_weekday(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);
    let raw = |k: usize| cx.raw_word(i, k);

    if let Some(wd) = w(0)
        .strip_suffix('s')
        .filter(|_| raw(0).starts_with(char::is_uppercase) && raw(0).len() > 6)
        .and_then(weekday_number)
    {
        return time(1, TimeKind::Set, Some(format!("XXXX-WXX-{}", wd + 1)));
    }

    None
}

/// "every week", "each year": once per unit.
pub(super) fn each_unit(cx: &Ctx, i: usize) -> Option<Reading> {
    let w = |k: usize| cx.word(i, k);

    if matches!(w(0), "every" | "each") {
        if let Some(u) = unit(w(1)).filter(|u| matches!(u, 'D' | 'W' | 'M' | 'Y' | 'Q')) {
            return time(2, TimeKind::Set, Some(format!("P1{u}")));
        }
    }

    None
}

#[cfg(test)]
mod tests {
    use super::super::check_examples;

    #[test]
    fn weekday_part_set() {
        check_examples("weekday_part_set");
    }

    #[test]
    fn frequency_word() {
        check_examples("frequency_word");
    }

    #[test]
    fn each_weekday_or_month() {
        check_examples("each_weekday_or_month");
    }

    #[test]
    fn plural_weekday() {
        check_examples("plural_weekday");
    }

    #[test]
    fn each_unit() {
        check_examples("each_unit");
    }
}
