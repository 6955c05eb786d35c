//! Token and byte-span helpers shared by the quote modules: entities in a span, the span of a
//! run of tokens, the sentence at a byte, and full stops that do not end a sentence.
//!
//! Heuristics:
//! - **Inner full stops.** The full stop of an abbreviation ("Sen.", an initial), one closing a
//!   parenthesis ("(D-Ore.)") or one after a party-and-state tag before a comma ("R-Ky.,")
//!   does not end the sentence an attribution is read in.

use crate::tokens::{Sentence, Token};
use dateline_core::Entity;

/// A byte span `start..end` of the body: a speaker's words, a reported clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Span {
    pub(super) fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span of a token.
    pub(super) fn of_token(t: &Token) -> Span {
        Span::new(t.start, t.end)
    }

    /// The span of an entity.
    pub(super) fn of_entity(e: &Entity) -> Span {
        Span::new(e.start, e.end)
    }

    /// The words of the span.
    pub(super) fn text(self, body: &str) -> &str {
        &body[self.start..self.end]
    }
}

/// The entities (sorted by start) that start in `[a, b)`.
pub(super) fn ents_in(ents: &[Entity], a: usize, b: usize) -> &[Entity] {
    dateline_core::starting_in(ents, |e| e.start, a, b)
}

/// Whether token `k` is a full stop that does not end a sentence: that of an abbreviation
/// ("Sen.", an initial) or one closing a parenthesis ("(D-Ore.)").
pub(super) fn inner_stop(body: &str, toks: &[Token], k: usize) -> bool {
    toks[k].text(body) == "."
        && k > 0
        && toks[k - 1].end == toks[k].start
        && (crate::tokens::is_abbreviation(toks[k - 1].text(body))
            || toks.get(k + 1).is_some_and(|n| n.text(body) == ")")
            || party_state(toks[k - 1].text(body))
                && toks.get(k + 1).is_some_and(|n| n.text(body) == ","))
}

/// Whether token `k` ends a sentence: ".", "!" or "?" but not an inner full stop.
pub(super) fn sentence_stop(body: &str, toks: &[Token], k: usize) -> bool {
    matches!(toks[k].text(body), "." | "!" | "?") && !inner_stop(body, toks, k)
}

/// A party and state after a legislator's name: "R-Ky", "D-Mont" (then ".,").
fn party_state(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len() <= 8
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(u8::is_ascii_alphabetic)
}

/// The byte span from the first to the last of the tokens `ks`.
pub(super) fn span(toks: &[Token], ks: &[usize]) -> Option<Span> {
    Some(Span::new(toks[*ks.first()?].start, toks[*ks.last()?].end))
}

/// The sentence holding byte `at`.
pub(super) fn sentence_at(sents: &[Sentence], at: usize) -> Option<&Sentence> {
    let i = sents.partition_point(|s| s.end <= at);
    sents.get(i).filter(|s| s.start <= at)
}

/// The index of the first token starting at or after byte `at`.
pub(super) fn tok_at(toks: &[Token], at: usize) -> usize {
    toks.partition_point(|t| t.start < at)
}

/// Whether a word opens with a capital letter.
pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}
