//! What kind of word a token is, read once per sentence for the rules' gates (see
//! `rules::gate`): a rule is tried at a word only when its first condition can accept it.
//!
//! Each class is a test on one word alone (in lower case, and as written for a capital), made
//! with the same functions the rules call, so that a rule's gate follows from its code. The
//! classes overlap ("1990" is a numeral and a count).

use dateline_core::date::{month_number, weekday_number};

use super::calendar::{part_of_day, season, unit};
use super::holidays::starts_holiday;
use super::numbers::ordinal_in_words;

/// A class of word a time may start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Every word, and the empty word past the end: the class of a rule whose first word can
    /// be anything.
    Any,
    /// Starts with an ASCII digit, '+' or '-': whatever Rust's integer parsing accepts
    /// starts so ("10", "+5", "-3"), hence every clock, day, year, century or count written
    /// in digits, and any word with a number in digits before a suffix ("10pm", "3rd",
    /// "1980s", "3Q16").
    Numeral,
    /// Holds a hyphen ("mid-1990", "two-year", "year-ago", "2018-05-18").
    Hyphen,
    /// A count ([`number_word`](super::numbers::number_word): "three", "a", "1500").
    Number,
    /// An ordinal in words ([`ordinal_in_words`]: "third", "twenty-first").
    Ordinal,
    /// A calendar unit, singular or plural ([`unit`]: "week", "years", "quarter").
    Unit,
    /// A season ([`season`]: "spring", "fall").
    Season,
    /// A part of the day ([`part_of_day`]: "morning", "night").
    PartOfDay,
    /// Written with a capital, a weekday's name or abbreviation ([`weekday_number`]:
    /// "Monday", "Tue.").
    Weekday,
    /// Written with a capital, a weekday's name and an "s" ("Sundays": [`weekday_number`]
    /// of the word without its last "s").
    Weekdays,
    /// Written with a capital, a month's name or abbreviation ([`month_number`]: "March",
    /// "Sept.").
    Month,
    /// Written with a capital, the first word of a holiday's name ([`starts_holiday`]:
    /// "Christmas", "Labor").
    Holiday,
    /// Starts with an apostrophe or a single quotation mark ("'80s", "’90s").
    Apostrophe,
    /// Written starting with "Q" or "FY", as quarters and fiscal years are coded ("Q3",
    /// "FY2019").
    Code,
}

impl WordClass {
    /// Every class, each at its own position.
    pub const ALL: [WordClass; 14] = [
        WordClass::Any,
        WordClass::Numeral,
        WordClass::Hyphen,
        WordClass::Number,
        WordClass::Ordinal,
        WordClass::Unit,
        WordClass::Season,
        WordClass::PartOfDay,
        WordClass::Weekday,
        WordClass::Weekdays,
        WordClass::Month,
        WordClass::Holiday,
        WordClass::Apostrophe,
        WordClass::Code,
    ];
}

/// The classes of one word, a set (bit `c as u32` for class `c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct WordClasses(u32);

impl WordClasses {
    /// The classes of the word written `raw`, `w` in lower case, whose count is `number`
    /// ([`number_word`](super::numbers::number_word) of `w`).
    pub fn of(raw: &str, w: &str, number: Option<i64>) -> Self {
        let mut set = WordClasses::default();
        let mut add = |c: WordClass, yes: bool| {
            if yes {
                set.0 |= 1 << c as u32;
            }
        };
        add(WordClass::Any, true);
        add(
            WordClass::Numeral,
            w.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-'),
        );
        add(WordClass::Hyphen, w.contains('-'));
        add(WordClass::Number, number.is_some());
        add(WordClass::Ordinal, ordinal_in_words(w).is_some());
        add(WordClass::Unit, unit(w).is_some());
        add(WordClass::Season, season(w).is_some());
        add(WordClass::PartOfDay, part_of_day(w).is_some());
        // (the names of weekdays, months and holidays are read only with a capital, which
        // spares the lookups for most words)
        if raw.starts_with(char::is_uppercase) {
            add(WordClass::Weekday, weekday_number(w).is_some());
            add(
                WordClass::Weekdays,
                w.strip_suffix('s').and_then(weekday_number).is_some(),
            );
            add(WordClass::Month, month_number(w).is_some());
            add(WordClass::Holiday, starts_holiday(w));
        }
        add(
            WordClass::Apostrophe,
            w.starts_with(['\'', '\u{2019}', '\u{2018}']),
        );
        add(
            WordClass::Code,
            raw.starts_with('Q') || raw.starts_with("FY"),
        );
        set
    }

    /// Whether the word is of class `c`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn has(self, c: WordClass) -> bool {
        self.0 & (1 << c as u32) != 0
    }

    /// The set as bits (bit `c as u32` for class `c`).
    pub fn bits(self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_at_its_position() {
        for (k, c) in WordClass::ALL.iter().enumerate() {
            assert_eq!(*c as usize, k, "{c:?}");
        }
    }

    #[test]
    fn words_and_their_classes() {
        use WordClass::*;
        let cases: &[(&str, &[WordClass])] = &[
            ("said", &[Any]),
            ("", &[Any]),
            ("+5", &[Numeral, Number]),
            ("mid-1990", &[Hyphen]),
            ("Mondays", &[Weekdays]),
            ("mondays", &[]),
            ("Sept.", &[Month]),
            ("Christmas", &[Holiday]),
            ("'80s", &[Apostrophe]),
            ("Q3", &[Code]),
            ("twenty-first", &[Hyphen, Ordinal]),
            ("night", &[PartOfDay]),
            ("weeks", &[Unit]),
            ("fall", &[Season]),
        ];
        for (raw, want) in cases {
            let w = raw.to_lowercase();
            let number = super::super::numbers::number_word(&w);
            let got = WordClasses::of(raw, &w, number);
            for c in WordClass::ALL {
                let expected = c == Any || want.contains(&c);
                assert_eq!(got.has(c), expected, "{raw:?} {c:?}");
            }
        }
    }
}
