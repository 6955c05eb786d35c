//! Attributions before the quote: a cue verb and its subject in the sentence part in front of
//! the opening mark (`X said: “…”`, `X told Y that “…”`), read backwards.
//!
//! Heuristics, in order:
//! - The part read runs back from the opening mark to the last sentence end, closing mark or
//!   straight mark (at most 80 tokens).
//! - **"as X put it"** in it, then **"according to X"** (one to eight words up to a comma, a
//!   colon or a semicolon).
//! - **The last cue used as a verb** (see [`super::super::cue`]); then its speaker:
//!   - **after it**, a person or organisation closed by a comma or a colon (`said Solovey,
//!     “…”`), unless the verb takes an object (`Assad told Putin: “…”`, `called Lee, his
//!     rival, a “…”`: `data/nlp/quote-object-verbs.txt`);
//!   - for a gerund after a preposition ("for saying that …"), the nearest "he", "she" or
//!     "they" before it;
//!   - the subject right before it ([`super::super::subject::subject_before`]); when that is
//!     a document ("issued a statement saying": `data/nlp/quote-document-nouns.txt`), the
//!     subject of the verb before the document; a participle after a comma or "while",
//!     "before", "after", "when", "by" takes the sentence's subject instead;
//!   - else the sentence's subject ([`super::super::subject::sentence_subject`]).
//! - **A relative pronoun with no name to hang on** ("mocked the complaint, saying anyone who
//!   complains …") is inside what an earlier cue reports: that cue's speaker.
//! - **A report inside a report** ("Rep. Tom Reyes said Ortiz reassured them that “…”") is the
//!   outer speaker's account, as the attribution corpora read it (outer verbs:
//!   `data/nlp/quote-report-verbs.txt`).

use super::super::cue::{verb_use, Cue};
use super::super::spans::{ents_in, inner_stop, span, tok_at, Span};
use super::super::subject::{plausible_subject, sentence_subject, subject_before};
use super::super::vocab::{DOCUMENT_NOUNS, OBJECT_VERBS, REPORT_VERBS};
use super::super::words::{
    lower, GERUND_PREPOSITIONS, PARTICIPLE_OPENERS, RELATIVE_PRONOUNS, THIRD_PERSON_PRONOUNS,
};
use super::{as_put_it, Attribution};
use crate::tokens::Token;
use dateline_core::{Entity, EntityType};

/// A cue verb and its subject in `body[start..end]`, read backwards from `end`.
pub(in super::super) fn before_cue(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    start: usize,
    end: usize,
    cue: Cue,
) -> Option<Attribution> {
    let tail = tail_tokens(body, toks, start, end);
    // "as the Ledger put it, “…”"
    if let Some(sp) = as_put_it(body, toks, &tail) {
        return Some(Attribution::said(Some(sp), "put it"));
    }
    if let Some(a) = according_to(body, toks, &tail) {
        return Some(a);
    }
    let pos = tail
        .iter()
        .rposition(|&k| cue.is(toks[k].text(body)) && verb_use(body, toks, k))?;
    let c = CueVerb {
        lo: tail.first().copied().unwrap_or(0),
        at: tail[pos],
        word: lower(toks[tail[pos]].text(body)),
    };
    if let Some(a) = tail
        .get(pos + 1)
        .and_then(|&next| speaker_after_cue(body, toks, ents, next, &c.word))
    {
        return Some(a);
    }
    if let Some(a) = gerund_after_preposition(body, toks, &c) {
        return Some(a);
    }
    let participle = c.participle(body, toks);
    let subj = if participle {
        None
    } else {
        subject_of_cue(body, toks, ents, &c)
    };
    let Span { start: a, end: b } =
        subj.or_else(|| sentence_subject(body, toks, ents, c.lo, c.at))?;
    if let Some(outer) = relative_without_name(body, toks, ents, Span::new(a, b), start, &c, cue) {
        return Some(outer);
    }
    if !participle {
        if let Some(outer) = report_inside_report(body, toks, ents, c.lo, a) {
            return Some(outer);
        }
    }
    Some(Attribution::said(Some(Span::new(a, b)), c.word))
}

/// The cue verb found before a quote.
struct CueVerb {
    /// the first token read
    lo: usize,
    /// the cue's token
    at: usize,
    /// the cue, lower case
    word: String,
}

impl CueVerb {
    /// "X did Y, saying …": a participle whose subject is the sentence's.
    fn participle(&self, body: &str, toks: &[Token]) -> bool {
        self.word.ends_with("ing")
            && self.at > self.lo
            && PARTICIPLE_OPENERS.contains(&lower(toks[self.at - 1].text(body)).as_str())
    }
}

/// The tokens of `body[start..end]` back from its end to the last sentence end or quotation
/// mark (at most 80 tokens), in order.
fn tail_tokens(body: &str, toks: &[Token], start: usize, end: usize) -> Vec<usize> {
    let lo = tok_at(toks, start);
    let hi = toks.partition_point(|t| t.end <= end);
    let mut tail: Vec<usize> = (lo.max(hi.saturating_sub(80))..hi.max(lo))
        .rev()
        .take_while(|&k| {
            let t = toks[k].text(body);
            !matches!(t, "." | "!" | "?" | "\"" | "\u{201d}") || inner_stop(body, toks, k)
        })
        .collect();
    tail.reverse();
    tail
}

/// "according to X: “…”": X, one to eight words up to a comma, a colon or a semicolon.
fn according_to(body: &str, toks: &[Token], tail: &[usize]) -> Option<Attribution> {
    let p = tail
        .iter()
        .rposition(|&k| lower(toks[k].text(body)) == "according")?;
    let rest: Vec<usize> = tail[p + 1..]
        .iter()
        .copied()
        .skip_while(|&k| lower(toks[k].text(body)) == "to")
        .take_while(|&k| !matches!(toks[k].text(body), "," | ":" | ";"))
        .collect();
    (!rest.is_empty() && rest.len() <= 8)
        .then(|| Attribution::said(span(toks, &rest), "according to"))
}

/// The speaker after the cue: "said Solovey, “…”", "explained Rosenberg: “…”" — a person or
/// organisation starting at token `next` and closed by a comma or a colon; not after a verb
/// taking an object (in "Assad told Putin: “…”" Putin is addressed).
fn speaker_after_cue(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    next: usize,
    word: &str,
) -> Option<Attribution> {
    if OBJECT_VERBS.has(word) {
        return None;
    }
    let at = toks[next].start;
    let e = ents_in(ents, at, at + 1)
        .iter()
        .find(|e| matches!(e.kind, EntityType::Person | EntityType::Org))?;
    let after = tok_at(toks, e.end);
    toks.get(after)
        .is_some_and(|t| matches!(t.text(body), "," | ":"))
        .then(|| Attribution::said(Some(Span::of_entity(e)), word))
}

/// A gerund after a preposition ("… and for saying that …"): the nearest personal pronoun
/// before it is its subject ("where he appeared … for saying").
fn gerund_after_preposition(body: &str, toks: &[Token], c: &CueVerb) -> Option<Attribution> {
    let after_preposition = c.word.ends_with("ing")
        && c.at > c.lo
        && GERUND_PREPOSITIONS.contains(&lower(toks[c.at - 1].text(body)).as_str());
    if !after_preposition {
        return None;
    }
    let k = (c.lo..c.at - 1)
        .rev()
        .find(|&k| THIRD_PERSON_PRONOUNS.contains(&lower(toks[k].text(body)).as_str()))?;
    Some(Attribution::said(
        Some(Span::of_token(&toks[k])),
        c.word.clone(),
    ))
}

/// The subject right before the cue, when it can be a subject; for a document ("Andanar
/// released a statement saying") the document's author, the subject of the verb before it.
fn subject_of_cue(body: &str, toks: &[Token], ents: &[Entity], c: &CueVerb) -> Option<Span> {
    let named = |s: Span| plausible_subject(body, ents, s);
    let raw = subject_before(body, toks, c.lo, c.at);
    let document =
        raw.filter(|s| DOCUMENT_NOUNS.has(s.text(body).split_whitespace().last().unwrap_or("")));
    let np = document.map(|s| tok_at(toks, s.start));
    let verb_before = np.filter(|&np| {
        np > c.lo + 1
            && toks[np - 1]
                .text(body)
                .chars()
                .all(|ch| ch.is_lowercase() && ch.is_alphabetic())
    });
    match verb_before {
        Some(np) => subject_before(body, toks, c.lo, np - 1)
            .filter(|&s| named(s))
            .or(raw.filter(|&s| named(s))),
        None => raw.filter(|&s| named(s)),
    }
}

/// "X brushed off the criticism, saying anyone who gripes …": a relative pronoun as subject
/// with no name (person or organisation) ending within 40 bytes before it is inside what an
/// earlier cue reports; that cue's attribution, read in `start..` the cue.
fn relative_without_name(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    Span { start: a, end: b }: Span,
    start: usize,
    c: &CueVerb,
    cue: Cue,
) -> Option<Attribution> {
    if !RELATIVE_PRONOUNS.contains(&&body[a..b]) {
        return None;
    }
    let named_before = ents[..ents.partition_point(|e| e.start < a)]
        .iter()
        .rev()
        .take(2)
        .any(|e| {
            matches!(e.kind, EntityType::Person | EntityType::Org) && e.end <= a && a - e.end < 40
        });
    if named_before {
        return None;
    }
    before_cue(body, toks, ents, start, toks[c.at].start, cue)
}

/// Reported inside an earlier report: "Reyes said Ortiz reassured them that “…”" is Reyes's
/// account (the outer speaker's), as the attribution corpora read it. `a` is the byte the inner
/// subject starts at.
fn report_inside_report(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    lo: usize,
    a: usize,
) -> Option<Attribution> {
    let first = tok_at(toks, a);
    if first <= lo + 1 {
        return None;
    }
    let mut k = first - 1;
    if lower(toks[k].text(body)) == "that" && k > lo {
        k -= 1;
    }
    let w = lower(toks[k].text(body));
    if !(REPORT_VERBS.has(&w) && verb_use(body, toks, k)) {
        return None;
    }
    let outer = subject_before(body, toks, lo, k).filter(|&s| plausible_subject(body, ents, s))?;
    Some(Attribution::said(Some(outer), w))
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{ent, first_speaker, persons};
    use dateline_core::EntityType;

    #[test]
    fn a_parenthesis_between_the_speaker_and_the_verb() {
        let body = "On Monday the Oregon senator Ana Diaz (D-Ore.) said the plan was \u{201c}dead on arrival.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Diaz"])),
            "Ana Diaz"
        );
    }

    #[test]
    fn the_one_told_is_not_the_speaker() {
        let body =
            "Ana Ortiz told Mark Lee: \u{201c}The budget is a disgrace to this state and to all of us.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz", "Mark Lee"])),
            "Ana Ortiz"
        );
    }

    #[test]
    fn the_issuer_of_a_statement_speaks_not_the_statement() {
        let body = "Hours later, Ana Ortiz issued a statement saying \u{201c}the budget is a disgrace to this state.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz"])),
            "Ana Ortiz"
        );
    }

    #[test]
    fn a_noun_after_a_possessive_is_no_cue() {
        // "mental state" after a possessive is a noun, not the verb "state"
        let body =
            "Ana Ortiz said Mark Lee's mental state \u{201c}is a danger to this state and to all of us.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz", "Mark Lee"])),
            "Ana Ortiz"
        );
    }

    #[test]
    fn a_plural_noun_after_a_hyphenated_modifier_is_no_cue() {
        let body = "She never deleted those late-night tweets, in which she called the mayor \u{201c}a coward and a liar.\u{201d}";
        assert_eq!(first_speaker(body, &[]), "she");
    }

    #[test]
    fn a_relative_clause_with_no_name_belongs_to_the_earlier_cue() {
        let body = "Ana Ortiz had brushed off the criticism, saying anyone who gripes about the lighting \u{201c}has never run a campaign.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz"])),
            "Ana Ortiz"
        );
    }

    #[test]
    fn the_object_of_a_labelling_verb_is_not_the_speaker() {
        let body = "Speaking at a rally on Wednesday, Reyes called Ortiz, his rival, a \u{201c}co-founder\u{201d} of the mess.";
        assert_eq!(
            first_speaker(body, &persons(body, &["Reyes", "Ortiz"])),
            "Reyes"
        );
    }

    #[test]
    fn a_gerund_after_a_preposition_takes_the_nearest_pronoun() {
        let body = "SENATE TOOK NOTICE \u{2014} Reyes\u{2019}s remedy caught the eye of the Senate, where he testified at a hearing for saying that a herb was a \u{201c}cure for every ache.\u{201d}";
        let ents = vec![
            ent(body, "SENATE", EntityType::Org),
            ent(body, "Reyes", EntityType::Person),
        ];
        assert_eq!(first_speaker(body, &ents), "he");
    }

    #[test]
    fn a_report_inside_a_report_is_the_outer_speakers() {
        let body = "Rep. Tom Reyes said that Ortiz assured them the caucus \u{201c}would hold together.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Tom Reyes", "Ortiz"])),
            "Tom Reyes"
        );
    }

    #[test]
    fn an_adverb_between_the_subject_and_its_verb() {
        let body = "Lee then writes back, \u{201c}You look great in that photo.\u{201d}";
        assert_eq!(first_speaker(body, &persons(body, &["Lee"])), "Lee");
    }

    #[test]
    fn a_name_in_apposition_to_a_description() {
        let body = "In a note to the paper, her campaign spokeswoman, Tom Reyes, said: \u{201c}The vote was a mistake.\u{201d}";
        assert_eq!(first_speaker(body, &[]), "Tom Reyes");
    }

    #[test]
    fn as_a_newspaper_put_it() {
        let body = "The plan, as The Daily Ledger put it in a long editorial, was \u{201c}a gift to the landlords.\u{201d}";
        let ents = vec![ent(body, "The Daily Ledger", EntityType::Org)];
        assert_eq!(first_speaker(body, &ents), "The Daily Ledger");
    }

    #[test]
    fn as_a_name_in_apposition_put_it() {
        let body =
            "As Mark Lee, the chairman of the committee, put it: \u{201c}Nobody reads these reports.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Mark Lee"])),
            "Mark Lee"
        );
    }

    #[test]
    fn a_cue_before_the_quote_comes_before_the_next_clause() {
        let body = "Though he said it caused a \u{201c}flood of complaints\u{201d} last year, Mark Lee said none were filed.";
        assert_eq!(first_speaker(body, &persons(body, &["Mark Lee"])), "he");
    }
}
