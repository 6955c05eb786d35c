//! Nouns that name an act ("the expulsion of the envoy by Kenya"): who did it.
//!
//! Rule **nominal-agent**: a noun that names an act takes its doer from a "by" phrase after
//! it in the same clause — the first actor within three words after a "by" that lies within
//! twelve words after the noun, with no ";", "said" or sentence quote between. Without one,
//! the doer is found as for a verb (the subject before it, a possessive: "Kenya's expulsion
//! of the envoy").
//!
//! Examples: "The expulsion of two diplomats by Peru" (Peru expels); "the confiscation of
//! the ship by the coast guard of Oman" (the coast guard); "the invasion was condemned by
//! Chile" is no nominal agent: "by" follows a passive verb, which `arguments` reads first.

/// Words that end a noun's reach for its "by" phrase.
const STOPS: &[&str] = &[";", "said", "says", "\"", ".", "but", "while"];

/// The token index of the "by" that names the doer of the act noun ending before token
/// `trig_end`, if there is one within twelve words: `lower` is the document's lower-cased
/// tokens, `end` the sentence's end.
pub(crate) fn agent_by(lower: &[String], trig_end: usize, end: usize) -> Option<usize> {
    (trig_end..end.min(trig_end + 12))
        .take_while(|&j| !STOPS.contains(&lower.get(j).map_or("", String::as_str)))
        .find(|&j| lower.get(j).is_some_and(|w| w == "by"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn by_after_the_noun_names_the_doer() {
        let s = lower("the expulsion of two diplomats by Peru surprised Lima");
        assert_eq!(agent_by(&s, 2, s.len()), Some(5));
    }

    #[test]
    fn a_by_beyond_a_said_is_not_the_nouns() {
        let s = lower("the expulsion was unjust , Peru said by phone");
        assert_eq!(agent_by(&s, 2, s.len()), None);
    }

    #[test]
    fn no_by_no_agent() {
        let s = lower("Kenya 's expulsion of the envoy");
        assert_eq!(agent_by(&s, 3, s.len()), None);
    }
}
