//! Non-restrictive relative clauses: rule [`relative_clause`].
//!
//! "Turkey's president, who visited Moscow last week, thanked Russia": the clause between the
//! commas says something of the actor before it; its words are not the main verb's subject
//! (Moscow does not thank), and its verb's object does not reach past its closing comma
//! ("Ghana, which has mediated in the talks, condemned the coup in Mali": Ghana mediated, not
//! in Mali).

/// How far from a token its clause's commas are looked for, in tokens (a bound that keeps
/// sentences of thousands of words linear).
const REACH: usize = 40;

/// Words that open a relative clause after a comma.
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whom", "whose"];

/// The non-restrictive relative clause holding token `at`: `(open, close)`, the token
/// indices of its opening comma and of its closing comma (or of the sentence's end,
/// `sentence.1`). `lower` is the article's lower-case tokens, `sentence` a token range.
pub(in crate::events) fn relative_clause(
    lower: &[String],
    sentence: (usize, usize),
    at: usize,
) -> Option<(usize, usize)> {
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    let open = (sentence.0.max(at.saturating_sub(REACH))..at)
        .rev()
        .find(|&i| matches!(word(i), "," | ";" | ":" | "\"" | "“" | "”"))?;
    if word(open) != "," || !RELATIVE_PRONOUNS.contains(&word(open + 1)) {
        return None;
    }
    let close = (at..sentence.1.min(at + REACH))
        .find(|&i| matches!(word(i), "," | ";" | ":"))
        .unwrap_or(sentence.1);
    Some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testing::dyads;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_clause_runs_from_its_comma_and_pronoun_to_the_next_comma() {
        let t = toks("Ghana , which mediated in the talks , condemned the coup .");
        let n = t.len();
        assert_eq!(relative_clause(&t, (0, n), 3), Some((1, 7)));
        assert_eq!(relative_clause(&t, (0, n), 6), Some((1, 7)));
        // the main clause is in none
        assert_eq!(relative_clause(&t, (0, n), 8), None);
        assert_eq!(relative_clause(&t, (0, n), 0), None);
        // a comma without a relative pronoun opens none
        let t = toks("In Accra , officials condemned the coup .");
        assert_eq!(relative_clause(&t, (0, t.len()), 4), None);
    }

    #[test]
    fn the_main_verb_takes_the_actor_before_the_clause() {
        let ev =
            dyads("Turkey's president, who visited Moscow last week, thanked Russia for the deal.");
        let thanks: Vec<_> = ev.iter().filter(|(c, _, _)| c == "051").collect();
        assert!(!thanks.is_empty(), "{ev:?}");
        assert!(
            thanks
                .iter()
                .all(|(_, s, t)| s.starts_with("TUR") && t == "RUS"),
            "{ev:?}"
        );
    }

    #[test]
    fn the_clause_verb_does_not_reach_past_the_clause() {
        let ev = dyads("Ghana, which has mediated in the conflict, condemned the coup in Mali.");
        let mediation: Vec<_> = ev.iter().filter(|(c, _, _)| c.starts_with("045")).collect();
        assert!(
            mediation.iter().all(|(_, s, t)| s == "GHA" && t.is_empty()),
            "{ev:?}"
        );
    }
}
