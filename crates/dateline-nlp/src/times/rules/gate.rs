//! Gates: which rules may read a time at a word, known from that word alone.
//!
//! Most words start no time, and most rules ask first for a word of some kind: "the", a
//! weekday, a number. A rule's [`Gate`] says which first words it can accept, written out
//! ([`Gate::words`]) or by class ([`Gate::classes`], see [`WordClass`]). The gate follows
//! from the rule's own first condition on its word: it turns a word away only where the
//! rule would read nothing there. A rule whose first word can be anything has the gate
//! `Gate::classes(&[WordClass::Any])`.
//!
//! The walk ([`super::walk`]) tries at a word only the rules whose gates let it through
//! ([`may_read`]), still in the table's order: the word's classes are read once per sentence
//! (`Ctx::classes`), and the rules each class and each written-out word lets through are
//! tables built once.

use std::sync::LazyLock;

use dateline_core::hash::FastMap;

use super::{Ctx, Rule, RULES};
use crate::times::word_class::WordClass;
#[cfg(test)]
use crate::times::word_class::WordClasses;

/// The first words a rule can read a time at.
pub(in crate::times) struct Gate {
    /// Words written out (lower case): the rule reads a time at one of them only.
    pub words: &'static [&'static str],
    /// Classes of word: the rule reads a time only at a word of one of them.
    pub classes: &'static [WordClass],
}

impl Gate {
    /// A gate for the words `words`.
    pub const fn words(words: &'static [&'static str]) -> Self {
        Gate {
            words,
            classes: &[],
        }
    }

    /// A gate for the words of the classes `classes`.
    pub const fn classes(classes: &'static [WordClass]) -> Self {
        Gate {
            words: &[],
            classes,
        }
    }

    /// Whether the gate lets through the word `w` (lower case) of classes `c`.
    #[cfg(test)]
    pub fn admits(&self, w: &str, c: WordClasses) -> bool {
        self.words.contains(&w) || self.classes.iter().any(|k| c.has(*k))
    }
}

// (a set of rules is a `u128`, bit `r` for `RULES[r]`)
const _: () = assert!(RULES.len() <= 128);
const _: () = assert!(WordClass::ALL.len() <= 32);

/// The rules each class of word lets through: bit `r` of `BY_CLASS[c as usize]` is set when
/// `RULES[r]`'s gate lists class `c`.
const BY_CLASS: [u128; WordClass::ALL.len()] = {
    let mut by_class = [0u128; WordClass::ALL.len()];
    let mut r = 0;
    while r < RULES.len() {
        let classes = RULES[r].gate.classes;
        let mut k = 0;
        while k < classes.len() {
            by_class[classes[k] as usize] |= 1 << r;
            k += 1;
        }
        r += 1;
    }
    by_class
};

/// The rules each written-out word lets through (bit `r` for `RULES[r]`).
static BY_WORD: LazyLock<FastMap<&'static str, u128>> = LazyLock::new(|| {
    let mut by_word: FastMap<&'static str, u128> = FastMap::default();
    for (r, rule) in RULES.iter().enumerate() {
        for w in rule.gate.words {
            *by_word.entry(w).or_default() |= 1 << r;
        }
    }
    by_word
});

/// The rules whose gates let through word `i` of the sentence, in the table's order.
pub(super) fn may_read(cx: &Ctx, i: usize) -> Rules {
    let mut set = BY_WORD.get(cx.word(i, 0)).copied().unwrap_or(0);
    let mut classes = cx.classes(i).bits();
    while classes != 0 {
        set |= BY_CLASS[classes.trailing_zeros() as usize];
        classes &= classes - 1;
    }
    Rules(set)
}

/// Rules of the table, in its order (bit `r` for `RULES[r]`).
pub(super) struct Rules(u128);

impl Iterator for Rules {
    type Item = &'static Rule;

    fn next(&mut self) -> Option<&'static Rule> {
        if self.0 == 0 {
            return None;
        }
        let r = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(&RULES[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};
    use dateline_core::date::Date;

    /// Sentences with words near the edges of the classes: signs, suffixes, capitals,
    /// apostrophes, codes, hyphens, words past the end.
    const EDGES: &[&str] = &[
        "At +5 on 3rd and -3 by 10pm, 10.30 am or 22:00 and 1200 GMT on Mondays and mondays.",
        "In mid-1990 the '80s and ’90s, Q3 2017, 3Q16, FY19, the 20th century, the 1980s.",
        "Sept. 11, 2001 at 8:46 a.m. and Tue. 2018-05-18 , Christmas Day and New Year's Eve.",
        "Then-current and year-end, year-ago and a multi-year, a two-year and day-long plan.",
        "The day before last Tuesday, the week of March 6 and the day after June 3 and",
        "April 24 and 25 , 1999 and May 3 to 5 , 1999 in nineteen ninety-six or two thousand",
        "Late morning today, mid-afternoon yesterday, by mid afternoon, this past spring",
        "He left a day after June 3, a week of March 6 and a day before last Tuesday.",
        "Profits rose in first half of 2016 and last two quarters of 2003 over 3 1/2 hours.",
        "the",
        "Tuesday",
    ];

    /// Every sentence of the rules' examples and of [`EDGES`].
    fn sentences_to_try() -> Vec<String> {
        let examples = RULES.iter().flat_map(|r| r.examples.iter());
        examples
            .map(|e| e.replace(['[', ']'], ""))
            .chain(EDGES.iter().map(|s| s.to_string()))
            .collect()
    }

    /// A gate turns a word away only where its rule reads nothing: checked at every word of
    /// [`sentences_to_try`] (and past the end), rule by rule, without the gates.
    #[test]
    fn gates_turn_away_only_words_their_rules_read_nothing_at() {
        let mut failures = Vec::new();
        for body in sentences_to_try() {
            let toks = tokenize(&body);
            for s in sentences(&body, &toks) {
                let st = &toks[s.tok_start..s.tok_end];
                let lower = crate::tokens::lower_case(&body, st);
                let cx = Ctx::new(
                    st.iter().map(|t| t.text(&body)).collect(),
                    &lower,
                    Date::parse_iso("2018-05-18"),
                );
                for i in 0..=st.len() {
                    let through: Vec<&str> = may_read(&cx, i).map(|r| r.name).collect();
                    for r in RULES {
                        let admitted = r.gate.admits(cx.word(i, 0), cx.classes(i));
                        assert_eq!(admitted, through.contains(&r.name), "{}", r.name);
                        if !admitted && (r.apply)(&cx, i).is_some() {
                            failures.push(format!("{}: {:?} in {body:?}", r.name, cx.word(i, 0)));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every rule has a gate.
    #[test]
    fn every_rule_has_a_gate() {
        for r in RULES {
            assert!(
                !r.gate.words.is_empty() || !r.gate.classes.is_empty(),
                "{}",
                r.name
            );
        }
    }
}
