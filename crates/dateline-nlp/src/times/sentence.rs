//! One sentence as the rules read it: its words (lower case and as written), what the rules
//! ask of every word (its count, its classes for the rules' gates), the publication date, and
//! whether the sentence looks ahead at all.
//!
//! Heuristics:
//! - a sentence **looks ahead** when it holds a future cue ("will", "plans", "scheduled",
//!   "next", "upcoming", …; `data/nlp/future-cues.txt`); a bare month leans forward in it;
//! - it looks ahead **strongly** with "will", "'ll", "shall", "next", "coming", "upcoming" or
//!   "tomorrow" (`data/nlp/strong-future-cues.txt`): enough to move a bare weekday forward when the clause says nothing itself;
//! - "next to the embassy", "next door" look nowhere.

use dateline_core::date::Date;

use super::numbers::number_word;
use super::tense;
use super::word_class::WordClasses;

/// A sentence being read.
pub(super) struct Ctx<'a> {
    /// The words in lower case (shared by the document's stages).
    pub words: &'a [String],
    /// The words as written.
    pub raw: Vec<&'a str>,
    /// The publication date, when known.
    pub anchor: Option<Date>,
    /// The sentence holds a future cue.
    pub future: bool,
    /// "will", "next": strong enough to move a bare weekday forward
    pub strong_future: bool,
    /// Each word's count ([`number_word`]), read once: many rules ask it of the same word.
    numbers: Vec<Option<i64>>,
    /// Each word's classes ([`WordClasses`]), read once: the rules' gates ask them.
    classes: Vec<WordClasses>,
}

impl<'a> Ctx<'a> {
    /// The sentence of words `raw` (`words` in lower case), published on `anchor`.
    pub fn new(raw: Vec<&'a str>, words: &'a [String], anchor: Option<Date>) -> Self {
        let tense::Outlook {
            future,
            strong_future,
        } = tense::looks_ahead(words);
        let numbers: Vec<Option<i64>> = words.iter().map(|w| number_word(w)).collect();
        let classes = (raw.iter().zip(words).zip(&numbers))
            .map(|((r, w), n)| WordClasses::of(r, w, *n))
            .collect();
        Ctx {
            numbers,
            classes,
            words,
            raw,
            anchor,
            future,
            strong_future,
        }
    }

    /// Word `i + k` in lower case ("" past the end).
    pub fn word(&self, i: usize, k: usize) -> &str {
        self.words.get(i + k).map(String::as_str).unwrap_or("")
    }

    /// The count word `i + k` says ([`number_word`]; none past the end).
    pub fn number(&self, i: usize, k: usize) -> Option<i64> {
        self.numbers.get(i + k).copied().flatten()
    }

    /// The classes of word `i` ([`WordClasses`]; those of the empty word past the end).
    pub fn classes(&self, i: usize) -> WordClasses {
        self.classes
            .get(i)
            .copied()
            .unwrap_or_else(|| WordClasses::of("", "", None))
    }

    /// Word `i + k` as written ("" past the end).
    pub fn raw_word(&self, i: usize, k: usize) -> &'a str {
        self.raw.get(i + k).copied().unwrap_or("")
    }

    /// The word before word `i` in lower case ("" at the start).
    pub fn previous(&self, i: usize) -> &str {
        if i > 0 {
            self.words[i - 1].as_str()
        } else {
            ""
        }
    }
}
