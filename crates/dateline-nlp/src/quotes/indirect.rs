//! Reported speech: sentences with no quotation marks in which someone says something
//! (`indirect` quotes).
//!
//! Heuristics:
//! - **The cue** is the first reporting verb of the sentence (not its first word) from
//!   `data/nlp/quote-indirect-cues.txt` — a narrower list than the quotation verbs, with
//!   "believes", "thinks" — whose subject is right before it: an entity (person, organisation,
//!   place) ending there or a personal pronoun, with no punctuation between.
//! - **The content** follows the verb, past "that" and, after "told", an addressee of up to
//!   three words ("told reporters that …"), to the sentence's end (without its full stop); it
//!   needs more than three tokens and no punctuation right after the verb.
//! - **An attribution closing the sentence** ("X did Y, the Kremlin said."): the content is the
//!   sentence up to its last comma before the verb.
//! - The speaker is resolved like a direct quote's ([`super::speaker`]).

use super::spans::Span;
use super::speaker::speaker_of;
use super::vocab::INDIRECT_CUES;
use super::words::{is_punct, PRONOUNS};
use crate::tokens::{Sentence, Token};
use dateline_core::{Entity, EntityType, Quote, QuoteKind};

/// The reported speech of the sentences with no quotation marks (`lower` holds each token
/// in lower case).
pub(super) fn find_all(
    body: &str,
    toks: &[Token],
    lower: &[String],
    sents: &[Sentence],
    ents: &[Entity],
) -> Vec<Quote> {
    sents
        .iter()
        .filter(|s| !body[s.start..s.end].contains(['"', '\u{201c}', '\u{201d}']))
        .filter_map(|s| indirect(body, toks, lower, s, ents))
        .collect()
}

/// The subject ending at token `prev` (`lower_prev` in lower case), right before the verb: an
/// entity or a pronoun, no punctuation between.
fn subject(ents: &[Entity], prev: Token, lower_prev: &str) -> Option<Span> {
    let named = ents
        .iter()
        .find(|e| {
            e.end == prev.end
                && matches!(
                    e.kind,
                    EntityType::Person | EntityType::Org | EntityType::Gpe
                )
        })
        .map(Span::of_entity);
    named.or_else(|| {
        // "White House spokesman John Doe said", "officials said": look back over a title
        PRONOUNS
            .contains(&lower_prev)
            .then_some(Span::of_token(&prev))
    })
}

/// The content of the report after the verb at position `p` of the sentence's tokens `st`
/// (`w` the verb), or before it when the attribution closes the sentence.
fn content(
    body: &str,
    toks: &[Token],
    lower: &[String],
    st: &[usize],
    p: usize,
    w: &str,
) -> Option<Span> {
    // content after the verb: skip "that" and an addressee ("told reporters")
    let mut c = p + 1;
    if w == "told" {
        while c < st.len() && lower[st[c]] != "that" && c < p + 4 {
            c += 1;
        }
    }
    if c < st.len() && lower[st[c]] == "that" {
        c += 1;
    }
    let after_is_punct = st
        .get(p + 1)
        .is_none_or(|&k| matches!(toks[k].text(body), "," | "." | ";"));
    if c + 3 < st.len() && !after_is_punct {
        let last = st[st.len() - 1];
        let end = if is_punct(toks[last].text(body)) {
            toks[st[st.len() - 2]].end
        } else {
            toks[last].end
        };
        Some(Span::new(toks[st[c]].start, end))
    } else if p >= 4
        && toks[st[p - 2]].text(body) != ","
        && st[..p].iter().any(|&k| toks[k].text(body) == ",")
    {
        // "X did Y, the Kremlin said."
        let comma = st[..p].iter().rposition(|&k| toks[k].text(body) == ",")?;
        if comma < 3 {
            return None;
        }
        Some(Span::new(toks[st[0]].start, toks[st[comma - 1]].end))
    } else {
        None
    }
}

/// The reported speech of sentence `s`, at its first reporting verb with a subject.
fn indirect(
    body: &str,
    toks: &[Token],
    lower: &[String],
    s: &Sentence,
    ents: &[Entity],
) -> Option<Quote> {
    let st: Vec<usize> = (s.tok_start..s.tok_end).collect();
    for (p, &k) in st.iter().enumerate() {
        let w = lower[k].as_str();
        if !INDIRECT_CUES.has(w) || p == 0 {
            continue;
        }
        let prev = st[p - 1];
        let subj = subject(ents, toks[prev], &lower[prev])?;
        let Span { start: cs, end: ce } = content(body, toks, lower, &st, p, w)?;
        if ce <= cs {
            return None;
        }
        let speaker = speaker_of(body, ents, subj, subj.start);
        return Some(Quote {
            start: cs,
            end: ce,
            text: body[cs..ce].to_string(),
            kind: QuoteKind::Indirect,
            speaker,
            cue: Some(w.to_string()),
            addressee: None,
            parts: Vec::new(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{all, ent, persons};
    use dateline_core::{EntityType, Quote, QuoteKind};

    fn indirects(body: &str, ents: &[dateline_core::Entity]) -> Vec<Quote> {
        all(body, ents)
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .collect()
    }

    #[test]
    fn reported_speech_after_the_verb() {
        let body = "Ana Ortiz said that the bridge would reopen in the spring.";
        let qs = indirects(body, &persons(body, &["Ana Ortiz"]));
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].text, "the bridge would reopen in the spring");
        assert_eq!(qs[0].cue.as_deref(), Some("said"));
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Ortiz");
    }

    #[test]
    fn an_attribution_closing_the_sentence() {
        let body = "The strike ended early on Monday, the Transit Union said.";
        let qs = indirects(body, &[ent(body, "Transit Union", EntityType::Org)]);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].text, "The strike ended early on Monday");
    }

    #[test]
    fn no_reported_speech_without_a_subject_before_the_verb() {
        let body = "The report said the bridge would reopen in the spring.";
        assert!(indirects(body, &[]).is_empty());
    }
}
