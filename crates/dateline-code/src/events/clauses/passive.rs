//! Passive clauses: whether a trigger verb is a passive participle ([`passive_at`]), so that
//! the actor before it is the one the act was done to, not its doer.
//!
//! Rule **passive-voice**: a past participle ("attacked", "held", "beaten") right after a
//! form of "be" ("was", "were", "is", "are", "been", "being"), with at most two adverbs
//! between them ("were also killed", "was reportedly arrested", "have not been freed"), is
//! passive. Its doer is the agent of a "by" phrase when there is one (`arguments`); without
//! one ("Seven soldiers were killed in the raid") the clause names no doer, and the subject
//! before the auxiliary is the target — except for the acts CAMEO codes as done with one's
//! own forces ([`OWN_FORCES_CODES`]), whose passive subject is the acting side's forces
//! ("troops were put on alert", "the militia was demobilised": the side acts through them).
//!
//! Examples: "Two reporters were detained in Minsk" (passive: the reporters are detained);
//! "Kenya was visited by the Ugandan president" (passive, agent after "by"); "Police are
//! investigating" (no participle: active); "The talks were productive" (no participle).

use crate::events::words::PASSIVE_AUXILIARIES;

/// CAMEO codes of acts on the actor's own forces: force postures (15: mobilise, alert,
/// blockade) and military de-escalation (087: truce, easing a blockade, demobilising,
/// retreating).
pub(crate) const OWN_FORCES_CODES: &[&str] = &["15", "087"];

/// Adverbs that may stand between a passive auxiliary and its participle.
const BETWEEN: &[&str] = &[
    "also",
    "reportedly",
    "allegedly",
    "later",
    "then",
    "not",
    "never",
    "already",
    "since",
    "subsequently",
    "still",
    "recently",
    "briefly",
    "eventually",
    "apparently",
    "all",
    "both",
    "each",
    "being",
];

/// Past participles that do not end in "-ed" or "-en" (the irregular ones of event verbs).
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "shot",
    "hit",
    "struck",
    "held",
    "caught",
    "sent",
    "led",
    "met",
    "cut",
    "sought",
    "fought",
    "brought",
    "bound",
    "told",
    "put",
    "set",
    "kept",
    "left",
    "sold",
    "won",
    "beat",
    "hung",
    "slain",
    "bought",
    "thrown",
    "shown",
    "blown",
    "sworn",
    "torn",
    "withdrawn",
];

/// Whether a lower-case word is a past participle by its form.
pub(crate) fn is_participle(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en"))) || IRREGULAR_PARTICIPLES.contains(&w)
}

/// The index of the passive auxiliary governing the word at `at` (lower-case `words`), when
/// that word is a passive participle (the module's rule).
pub(crate) fn passive_at(words: &[String], at: usize) -> Option<usize> {
    if !is_participle(words.get(at)?) {
        return None;
    }
    let mut j = at;
    for _ in 0..=2 {
        j = j.checked_sub(1)?;
        let w = words[j].as_str();
        if PASSIVE_AUXILIARIES.contains(&w) {
            // "being" alone before the participle ("being held") is itself the auxiliary
            return Some(j);
        }
        if !BETWEEN.contains(&w) && !w.ends_with("ly") {
            return None;
        }
    }
    None
}

/// Auxiliaries and adverbs that may stand between a passive's subject and its "be" ("the
/// hostages have not been freed", "two men will be tried").
const BEFORE_BE: &[&str] = &[
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "can",
    "to",
    "not",
    "never",
    "also",
    "reportedly",
    "allegedly",
    "already",
    "later",
];

/// Where the subject of the passive whose auxiliary is at `aux` ends (exclusive): before the
/// auxiliaries, modals and adverbs that lead up to it.
pub(crate) fn subject_end(words: &[String], aux: usize) -> usize {
    let mut j = aux;
    while j > 0 && aux - j < 4 && BEFORE_BE.contains(&words[j - 1].as_str()) {
        j -= 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    fn passive(s: &str, verb: &str) -> bool {
        let w = words(s);
        let at = w
            .iter()
            .position(|x| x == verb)
            .expect("the verb is in the sentence");
        passive_at(&w, at).is_some()
    }

    #[test]
    fn a_participle_after_a_form_of_be_is_passive() {
        assert!(passive("Two reporters were detained in Minsk", "detained"));
        assert!(passive("Three guards were also shot", "shot"));
        assert!(passive("the envoy was reportedly expelled", "expelled"));
        assert!(passive("the hostages have not been freed", "freed"));
        assert!(passive("a lorry driver was being held", "held"));
        assert!(passive(
            "Kenya was visited by the Ugandan president",
            "visited"
        ));
    }

    #[test]
    fn the_subject_ends_before_the_auxiliaries_leading_to_be() {
        let w = words("the hostages have not been freed");
        let aux = passive_at(&w, 5).unwrap();
        assert_eq!((aux, subject_end(&w, aux)), (4, 2));
        let w = words("two men were tried");
        assert_eq!(subject_end(&w, 2), 2);
    }

    #[test]
    fn other_verbs_after_be_are_not() {
        assert!(!passive(
            "Police are investigating the blast",
            "investigating"
        ));
        assert!(!passive("The rebels attacked the town", "attacked"));
        assert!(!passive("The talks were productive", "productive"));
        // an adjective or a noun between the auxiliary and the verb ends the auxiliary's reach
        assert!(!passive("Those were happy people killed later", "killed"));
    }
}
