//! "X must …": when an obligation is a demand made of X.
//!
//! Rule **obligation-not-demand**: a pattern with a leading target ("$T must": "the envoy told
//! the rebels they must disarm") makes no event when what follows "must" or what stands before
//! it shows no one is asked to act:
//! - **epistemic**: "must have" + participle is a guess about the past ("his aides must have
//!   known"), not a demand;
//! - **inside a phrase**: the actor before "must" is a preposition's object ("talks with
//!   Chile must continue": the talks must, not Chile).
//!
//! Tried, not kept (session 23, PLOVER halves): "must be" + participle as no demand (half b
//! 0.885 / 0.728 → 0.873 / 0.718: "sanctions must be lifted" is a demand in the gold's
//! reading), and no event without an actor right before "must" (half a 0.821 → 0.816).
//!
//! Examples of demands kept: "Kenya said Uganda must withdraw its troops", "the council told
//! the junta it must free the prisoners".

/// Why an obligation at token `must` (the match's first word; `lower` the document's
/// lower-cased tokens) is no demand of the actor starting at token `actor` (`None` for no actor
/// right before "must"), if it is none.
pub(crate) fn not_a_demand(
    lower: &[String],
    must: usize,
    actor: Option<usize>,
) -> Option<&'static str> {
    let next = lower.get(must + 1).map_or("", String::as_str);
    if matches!(next, "have" | "'ve") {
        return Some("epistemic");
    }
    let t0 = actor?;
    let before = if t0 == 0 { "" } else { lower[t0 - 1].as_str() };
    let before = if before == "the" && t0 >= 2 {
        lower[t0 - 2].as_str()
    } else {
        before
    };
    PHRASE_PREPOSITIONS
        .contains(&before)
        .then_some("inside a phrase")
}

/// Prepositions whose object before "must" is not the one obliged.
const PHRASE_PREPOSITIONS: &[&str] = &[
    "with", "of", "for", "from", "against", "between", "on", "about", "over", "among",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    fn at(s: &str, w: &str) -> usize {
        s.split_whitespace().position(|x| x == w).unwrap_or(0)
    }

    #[test]
    fn guesses_passives_and_phrases_are_no_demands() {
        let s = "his aides in Lima must have known";
        assert_eq!(
            not_a_demand(&lower(s), at(s, "must"), Some(3)),
            Some("epistemic")
        );
        let s = "talks with Chile must continue";
        assert_eq!(
            not_a_demand(&lower(s), at(s, "must"), Some(2)),
            Some("inside a phrase")
        );
        // a demand is kept whatever follows but a guess
        let s = "sanctions on Chad must be lifted";
        assert_eq!(not_a_demand(&lower(s), at(s, "must"), None), None);
    }

    #[test]
    fn a_demand_of_the_actor_before_must_stands() {
        let s = "Kenya said Uganda must withdraw its troops";
        assert_eq!(not_a_demand(&lower(s), at(s, "must"), Some(2)), None);
    }

    #[test]
    fn in_sentences_a_guess_is_no_demand_and_a_demand_is() {
        use crate::events::testing::{assert_dyad, codes};
        let got = codes("Kenyan officials said the Ugandan army must have known of the raid.");
        assert!(got.iter().all(|c| !c.starts_with("10")), "{got:?}");
        assert_dyad("Kenya said Uganda must withdraw its troops.", "KEN", "UGA");
    }
}
