//! Clock times: twelve-hour readings ("10", "7:30", "10.30" as British papers write it), the
//! twenty-four-hour clock ("1200", "0930") and the time zones written after a clock.

use super::words::words;

/// Whether `w` is a time-zone abbreviation written after a clock time ("EST", "GMT";
/// `data/nlp/time-zones.txt`).
pub(super) fn time_zone(w: &str) -> bool {
    words().time_zones.contains(w)
}

/// A clock reading: hours and minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Clock {
    pub hour: u32,
    pub minute: u32,
}

/// "1200", "0930" as hours and minutes of a twenty-four-hour clock.
pub(super) fn military(w: &str) -> Option<Clock> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (w[..2].parse::<u32>().ok()?, w[2..].parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some(Clock { hour: h, minute: m })
}

/// A twelve-hour clock reading, hours and minutes: "10", "7:30", "10.30".
pub(super) fn clock(w: &str) -> Option<Clock> {
    // ("10.30", as British papers write it: two digits of minutes after the point)
    let split = w
        .split_once(':')
        .or_else(|| w.split_once('.').filter(|(_, m)| m.len() == 2));
    let (h, m) = match split {
        Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
        None => (w.parse().ok()?, 0),
    };
    (h <= 12 && m < 60).then_some(Clock { hour: h, minute: m })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{case, check};

    #[test]
    fn clocks_written_as_one_word_with_a_point_or_on_twenty_four_hours() {
        check(&[
            // a Friday
            case(
                "The blast hit at around 10pm; sirens sounded at 22:00.",
                "2018-05-18",
                &[("10pm", "2018-05-18T22:00"), ("22:00", "2018-05-18T22:00")],
            ),
            case(
                "He left at 10.30pm and came back at 7.15 a.m. on Thursday.",
                "2018-05-18",
                &[
                    ("10.30pm", "2018-05-18T22:30"),
                    ("7.15 a.m. on Thursday", "2018-05-17T07:15"),
                ],
            ),
            // a score or a price is no clock
            case("It ended 3:1 and cost 10.50 pounds.", "2018-05-18", &[]),
            case("Aid came within days.", "2018-05-18", &[("days", "PXD")]),
        ]);
    }
}
