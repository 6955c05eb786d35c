//! The word lists the time rules read, loaded once from `data/nlp/` (compiled in), and the
//! short grammatical closed sets that stay in Rust.
//!
//! Data files (formats in `docs/data-formats.md`): `number-words.tsv`, `ordinal-words.tsv`,
//! `decade-words.tsv`,
//! `holidays.tsv`, `future-cues.txt`, `strong-future-cues.txt`, `clause-future-cues.txt`, `irregular-past-verbs.txt`,
//! `deadline-cues.txt`, `time-zones.txt`, `counted-nouns.txt`.

use std::sync::LazyLock;

use dateline_core::hash::{FastMap, FastSet};

/// Articles read as the number one ("a year", "an hour").
pub(super) const ONE: &[&str] = &["a", "an"];

/// A word that makes a past tense without being a verb ("two days ago").
pub(super) const PAST_ADVERB: &str = "ago";

/// Forms of "be" after which a participle says nothing of the tense ("will be held").
pub(super) const FORMS_OF_BE: &[&str] = &["be", "been", "being", "is", "are", "am"];

/// Determiners and possessives after which a participle is an adjective ("a contested
/// convention").
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "its", "their", "his", "her", "our",
];

/// Modal verbs before "one day" that make it a day to come ("will one day be").
pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "may", "might", "can", "'ll", "shall",
];

/// How a holiday's date is computed from a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum HolidayDate {
    /// A fixed month and day.
    Fixed { month: u32, day: u32 },
    /// The `n`th weekday `weekday` (0 = Monday) of `month` (`n` 0: the last), `later` days on.
    Weekday {
        month: u32,
        weekday: u32,
        n: u32,
        later: i64,
    },
}

/// A holiday's name (its words; `day_optional`: a last "day" may be left out) and date.
#[derive(Debug, Clone)]
pub(super) struct Holiday {
    pub words: Vec<String>,
    pub day_optional: bool,
    pub date: HolidayDate,
}

/// The lists, loaded once.
pub(super) struct TimeWords {
    pub numbers: FastMap<String, i64>,
    pub ordinals: FastMap<String, u32>,
    pub decades: FastMap<String, i64>,
    pub holidays: Vec<Holiday>,
    pub future_cues: FastSet<String>,
    pub strong_future_cues: FastSet<String>,
    pub clause_future_cues: FastSet<String>,
    pub irregular_past: FastSet<String>,
    pub deadline_cues: FastSet<String>,
    pub time_zones: FastSet<String>,
    pub counted_nouns: FastSet<String>,
}

/// The time word lists.
pub(super) fn words() -> &'static TimeWords {
    static WORDS: LazyLock<TimeWords> = LazyLock::new(TimeWords::load);
    &WORDS
}

use dateline_core::words::{entries as lines, set};

/// `word<TAB>number` lines (a bundled file: a malformed line is skipped, and a test checks
/// there is none).
fn numbered<N: std::str::FromStr>(text: &str) -> FastMap<String, N> {
    lines(text)
        .filter_map(|l| {
            let (w, n) = l.split_once('\t')?;
            Some((w.to_string(), n.trim().parse().ok()?))
        })
        .collect()
}

/// A weekday's three-letter abbreviation as 0 (Monday) to 6.
fn weekday_abbreviation(w: &str) -> Option<u32> {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| *d == w)
        .map(|p| p as u32)
}

/// One `holidays.tsv` line.
fn holiday(line: &str) -> Option<Holiday> {
    let (name, rule) = line.split_once('\t')?;
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    let day_optional = words.last().is_some_and(|w| w == "(day)");
    if day_optional {
        words.pop();
    }
    let date = if let Some((m, d)) = rule.split_once('-') {
        HolidayDate::Fixed {
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        }
    } else {
        let f: Vec<&str> = rule.split(' ').collect();
        let later = match f.get(3) {
            Some(x) => x.strip_prefix('+')?.parse().ok()?,
            None => 0,
        };
        HolidayDate::Weekday {
            month: f.first()?.parse().ok()?,
            weekday: weekday_abbreviation(f.get(1)?)?,
            n: match *f.get(2)? {
                "last" => 0,
                n => n.parse().ok()?,
            },
            later,
        }
    };
    Some(Holiday {
        words,
        day_optional,
        date,
    })
}

const HOLIDAYS: &str = include_str!("../../data/nlp/holidays.tsv");

impl TimeWords {
    fn load() -> Self {
        TimeWords {
            numbers: numbered(include_str!("../../data/nlp/number-words.tsv")),
            ordinals: numbered(include_str!("../../data/nlp/ordinal-words.tsv")),
            decades: numbered(include_str!("../../data/nlp/decade-words.tsv")),
            holidays: lines(HOLIDAYS).filter_map(holiday).collect(),
            future_cues: set(include_str!("../../data/nlp/future-cues.txt")),
            strong_future_cues: set(include_str!("../../data/nlp/strong-future-cues.txt")),
            clause_future_cues: set(include_str!("../../data/nlp/clause-future-cues.txt")),
            irregular_past: set(include_str!("../../data/nlp/irregular-past-verbs.txt")),
            deadline_cues: set(include_str!("../../data/nlp/deadline-cues.txt")),
            time_zones: set(include_str!("../../data/nlp/time-zones.txt")),
            counted_nouns: set(include_str!("../../data/nlp/counted-nouns.txt")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_whole() {
        let w = words();
        assert_eq!(w.numbers.len(), 30);
        assert_eq!(w.numbers.get("ninety"), Some(&90));
        assert_eq!(w.ordinals.len(), 21);
        assert_eq!(w.ordinals.get("thirtieth"), Some(&30));
        assert_eq!(w.decades.len(), 8);
        assert_eq!(w.decades.get("nineties"), Some(&9));
        assert_eq!(w.holidays.len(), lines(HOLIDAYS).count());
        for set in [
            &w.future_cues,
            &w.strong_future_cues,
            &w.clause_future_cues,
            &w.irregular_past,
            &w.deadline_cues,
            &w.time_zones,
            &w.counted_nouns,
        ] {
            assert!(!set.is_empty());
        }
    }

    #[test]
    fn holiday_rules_parse() {
        let election = holiday("election day\t11 mon 1 +1").map(|h| h.date);
        assert_eq!(
            election,
            Some(HolidayDate::Weekday {
                month: 11,
                weekday: 0,
                n: 1,
                later: 1
            })
        );
        let christmas = holiday("christmas (day)\t12-25");
        assert!(christmas.as_ref().is_some_and(|h| h.day_optional));
        assert_eq!(
            christmas.map(|h| h.date),
            Some(HolidayDate::Fixed { month: 12, day: 25 })
        );
        assert!(holiday("no rule here").is_none());
    }
}
