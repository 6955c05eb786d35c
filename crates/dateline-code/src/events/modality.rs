//! Whether a matched act happened ([`modality`]).
//!
//! - **Negated**: a negator ("not", "never", "no", "without", "denied", "refused", "failed"
//!   …, data/events/negators.txt) in the four words before the trigger.
//! - **Intended**: an intent word ("will", "plans", "pledged", "ready", "due" …,
//!   data/events/intent-words.txt) in the four words before the trigger, or "to" after an
//!   intent word earlier in the trigger's clause, or the trigger as the infinitive of an
//!   intent word up to eight words back ("agreed in principle last week to provide"). The
//!   clause starts after the last comma, ";", "after", "before", "but", "while", "when",
//!   "because", "since" or "following", so "agreed to a truce after weeks of shelling" does
//!   not make the shelling intended.
//! - **Hypothetical**: else "may", "might", "could", "if", "unless", "whether" or "should"
//!   earlier in the clause.
//! - Else **asserted**.

use super::words::{CLAUSE_OPENERS, HYPOTHETICAL};
use super::Vocabulary;
use dateline_core::EventMode;

/// Whether an act happened, as the words before its trigger say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Modality {
    pub(super) negated: bool,
    pub(super) mode: EventMode,
}

/// Whether the act a pattern matched at word `start` of a sentence's lower-case `words` is
/// negated, and its mode.
pub(super) fn modality(v: &Vocabulary, words: &[String], start: usize) -> Modality {
    let intent = |w: &String| v.intent.contains(w);
    // negation and mode in the four tokens before the trigger
    let win = start.saturating_sub(4)..start;
    let negated = words[win.clone()].iter().any(|w| v.negators.contains(w));
    // "agreed in principle last week to provide": an intent verb whose infinitive is the
    // trigger, a few words back
    let infinitive_of_intent = start >= 1
        && words[start - 1] == "to"
        && words[start.saturating_sub(8)..start - 1].iter().any(intent);
    // "agreed to …" governs what follows in its clause, not an act after "after", "but" or
    // a comma ("agreed to a truce after weeks of shelling")
    let clause_start = (0..start)
        .rev()
        .find(|&j| CLAUSE_OPENERS.contains(&words[j].as_str()))
        .map_or(0, |j| j + 1);
    let mode = if words[win].iter().any(intent)
        || words[clause_start..start]
            .windows(2)
            .any(|p| p[1] == "to" && intent(&p[0]))
        || infinitive_of_intent
    {
        EventMode::Intended
    } else if words[clause_start..start]
        .iter()
        .any(|w| HYPOTHETICAL.contains(&w.as_str()))
    {
        EventMode::Hypothetical
    } else {
        EventMode::Asserted
    };
    Modality { negated, mode }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::{any_code, codes, pipeline};

    fn of(sentence: &str, trigger: &str) -> (bool, EventMode) {
        let m = at(sentence, trigger);
        (m.negated, m.mode)
    }

    fn at(sentence: &str, trigger: &str) -> Modality {
        let words: Vec<String> = sentence.split(' ').map(str::to_string).collect();
        let at = words
            .iter()
            .position(|w| w == trigger)
            .expect("the trigger is in the sentence");
        modality(&pipeline().vocabulary, &words, at)
    }

    #[test]
    fn negation_intent_and_possibility() {
        use EventMode::*;
        let cases = [
            ("kenya will send aid", "send", (false, Intended)),
            ("kenya did not send aid", "send", (true, Asserted)),
            ("kenya refused to send aid", "send", (true, Asserted)),
            ("kenya may send aid", "send", (false, Hypothetical)),
            ("kenya sent aid", "sent", (false, Asserted)),
            // an intent word's infinitive a few words on
            (
                "kenya agreed on paper last week to send aid",
                "send",
                (false, Intended),
            ),
            // "agreed to" does not reach past "after"
            (
                "they agreed to a truce after weeks of shelling",
                "shelling",
                (false, Asserted),
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(s, t, want)| of(s, t) != *want)
            .map(|(s, t, want)| format!("{s} [{t}]: {:?}, want {want:?}", of(s, t)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn an_intent_verb_a_few_words_before_the_infinitive_is_a_promise() {
        let c = codes("Norway agreed last week in Oslo to provide medical aid to Yemen.");
        assert!(any_code(&c, "03") && !any_code(&c, "07"), "{c:?}");
    }

    #[test]
    fn agreeing_to_a_truce_does_not_reach_the_fighting_after_it() {
        let c = codes(
            "Rwanda and Burundi agreed to a truce on Tuesday after a week of fighting along the border.",
        );
        assert!(any_code(&c, "19"), "{c:?}");
    }
}
