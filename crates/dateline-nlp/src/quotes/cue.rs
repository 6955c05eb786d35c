//! Cues: the speech verbs that attribute a quote, and whether a cue word is used as a verb.
//!
//! Heuristics:
//! - **Cue words.** The lexicon's quotation verbs (`data/nlp/quote-verbs.txt` and
//!   `quote-verbs-extra.txt`); "according" (to) where a quote's own attribution is read; and,
//!   for quoted words inside reported speech, labelling verbs ("called", "dubbed", "termed":
//!   `data/nlp/quote-labelling-verbs.txt`).
//! - **Verb use.** A cue word is no verb when capitalised inside a sentence ("Secretary of
//!   State"), after a possessive and a lower-case modifier ("Kim's mental state"), as a noun
//!   plural after a hyphenated modifier ("early-morning tweets",
//!   `data/nlp/quote-cue-nouns.txt`), or after a determiner, "of" or "'s" ("the statement").
//! - **"went on".** "he went on" / "goes on" is a cue after a quote.

use super::vocab::{CUE_NOUNS, LABELLING_VERBS};
use super::words::{lower, NOUN_MARKERS, POSSESSIVES};
use crate::lexicon::Lexicon;
use crate::tokens::Token;

/// Which words count as cues for a rule.
#[derive(Clone, Copy)]
enum CueSet {
    /// The quotation verbs.
    Quotation,
    /// The quotation verbs and "according" (to).
    QuotationOrAccording,
    /// The quotation verbs and the labelling verbs ("called the plan “…”").
    QuotationOrLabelling,
}

/// A test for cue words: a set of words and the lexicon's quotation verbs.
#[derive(Clone, Copy)]
pub(super) struct Cue<'a> {
    lex: &'a Lexicon,
    set: CueSet,
}

impl<'a> Cue<'a> {
    /// The quotation verbs.
    pub(super) fn quotation(lex: &'a Lexicon) -> Self {
        Cue {
            lex,
            set: CueSet::Quotation,
        }
    }

    /// The quotation verbs and "according" (to): the cues of a quote's own attribution.
    pub(super) fn attribution(lex: &'a Lexicon) -> Self {
        Cue {
            lex,
            set: CueSet::QuotationOrAccording,
        }
    }

    /// The quotation verbs and the labelling verbs: the cues of quoted words inside reported
    /// speech.
    pub(super) fn labelling(lex: &'a Lexicon) -> Self {
        Cue {
            lex,
            set: CueSet::QuotationOrLabelling,
        }
    }

    /// Whether the word `t` (any case) is a cue.
    pub(super) fn is(&self, t: &str) -> bool {
        let l = lower(t);
        self.lex.quote_verbs.contains(&l)
            || match self.set {
                CueSet::Quotation => false,
                CueSet::QuotationOrAccording => l == "according",
                CueSet::QuotationOrLabelling => LABELLING_VERBS.has(&l),
            }
    }
}

/// "went on" / "goes on" at token `k`: a cue after a quote ("he went on").
pub(super) fn went_on(body: &str, toks: &[Token], k: usize) -> bool {
    matches!(toks[k].text(body), "went" | "goes")
        && toks.get(k + 1).is_some_and(|n| n.text(body) == "on")
}

/// Whether a cue word is used as a verb here: not capitalised inside a sentence ("Secretary
/// of State") and not after a determiner or "of" ("the statement", "his comments").
pub(super) fn verb_use(body: &str, toks: &[Token], k: usize) -> bool {
    let t = toks[k].text(body);
    if t.chars().next().is_some_and(char::is_uppercase) && k > 0 {
        let p = toks[k - 1].text(body);
        if !matches!(p, "." | "\"" | "\u{201c}" | "\u{201d}" | "," | ":") {
            return false;
        }
    }
    // "Kim's mental state", "her early-morning tweets": a noun after a possessive
    if k >= 2
        && POSSESSIVES.contains(&lower(toks[k - 2].text(body)).as_str())
        && toks[k - 1]
            .text(body)
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
    {
        return false;
    }
    // "early-morning tweets": a plural that is also a noun, after a hyphenated modifier
    if k >= 1 && CUE_NOUNS.has(t) && {
        let p = toks[k - 1].text(body);
        p.contains('-') && p.len() > 3 && p.chars().all(|c| c.is_lowercase() || c == '-')
    } {
        return false;
    }
    k == 0 || !NOUN_MARKERS.contains(&lower(toks[k - 1].text(body)).as_str())
}
