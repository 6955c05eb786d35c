//! Quotations and their speakers.
//!
//! `find` reads a body in stages, each in its own module:
//! 1. `marks`: the spans between quotation marks, paragraph by paragraph (curly quotes open
//!    and close, straight quotes toggle, nested curly quotes, quotes running over paragraphs),
//!    leaving out nicknames inside names.
//! 2. `attribution`: the cue verb and the words naming who speaks, read after the quote,
//!    before it, closing its sentence, or from the layout (signatures, colons, transcripts);
//!    `cue` says which words are cues, `subject` finds a clause's subject.
//! 3. `fragments`: quoted words inside reported speech spanning their clause, quotes running
//!    on in their sentence.
//! 4. `speaker`: the attribution's words turned into a speaker (an entity, or a pronoun or
//!    description resolved to the person named before); a quote with no attribution of its own
//!    continues the previous quote's speaker, a report's in the paragraph before, or is the
//!    subject's of the sentence before.
//! 5. Dropped: quotes of fewer than two words (scare quotes) unless inside reported speech,
//!    and quotes of three words or fewer, or titles, that nobody says.
//! 6. `fragments::join_fragments`: the fragments of one statement (split by its attribution)
//!    joined into one quote with several `parts`.
//! 7. `indirect`: reported speech (`X said the meeting took place on Thursday`) in sentences
//!    with no quotation marks, as `indirect` quotes.
//!
//! Each module's documentation lists the heuristics it implements. Word lists are data
//! (`vocab`, `data/nlp/quote-*.txt`); short grammatical closed sets are in `words`.

mod attribution;
mod cue;
mod fragments;
mod indirect;
mod marks;
mod spans;
mod speaker;
mod subject;
mod vocab;
mod words;

use crate::lexicon::Lexicon;
use crate::tokens::{Sentence, Token};
use attribution::{attribute, before_cue, Attribution};
use cue::Cue;
use dateline_core::{Entity, EntityType, Quote, QuoteKind};
use fragments::Found;
use marks::{find_direct, nickname, title_like, Raw};
use spans::{ents_in, sentence_at, Span};
use speaker::{Placement, Previous, QuoteContext};

/// Find direct quotes and reported speech (`lower` holds each token of `toks` in lower case).
pub fn find(
    body: &str,
    toks: &[Token],
    lower: &[String],
    sents: &[Sentence],
    ents: &[Entity],
    lex: &Lexicon,
) -> Vec<Quote> {
    let raws = find_direct(body);
    // reported speech in sentences with no quote marks
    let indirects = indirect::find_all(body, toks, lower, sents, ents);
    let cx = QuoteContext {
        body,
        toks,
        sents,
        ents,
        indirects: &indirects,
        cue: Cue::quotation(lex),
    };
    let mut found: Vec<Found> = Vec::new();
    let mut prev: Option<Previous> = None;
    for (i, q) in raws.iter().enumerate() {
        if nickname(body, q) {
            continue;
        }
        if let Some(f) = read_direct(&cx, lex, &raws, i, &mut prev) {
            found.push(f);
        }
    }
    let mut out = fragments::join_fragments(body, found);
    out.extend(indirects);
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// The direct quote `raws[i]`, attributed and resolved (the stages of the module's list), or
/// none for a scare quote or a title nobody says. `prev` carries the last quote's speaker.
fn read_direct(
    cx: &QuoteContext,
    lex: &Lexicon,
    raws: &[Raw],
    i: usize,
    prev: &mut Option<Previous>,
) -> Option<Found> {
    let (body, toks, ents) = (cx.body, cx.toks, cx.ents);
    let q = &raws[i];
    // (a nickname in quotation marks inside a name does not end the attribution:
    // `state Del. Maria "Mia" Ortiz shouted`)
    let next_open = raws[i + 1..]
        .iter()
        .find(|n| !nickname(body, n))
        .map_or(usize::MAX, |n| n.open);
    let att = attribute(body, toks, ents, q, Cue::attribution(lex), next_open);
    let attributed_after = !att.trailing && att.speaker.is_some_and(|s| s.start >= q.after);
    let sent = sentence_at(cx.sents, q.open);
    let mixed = if attributed_after {
        None
    } else {
        sent.and_then(|s| fragments::mixed_clause(body, toks, s, q, cx.cue))
    };
    let words = body[q.start..q.end].split_whitespace().count();
    if words < 2 && mixed.is_none() {
        // a scare-quoted word, not a quotation
        return None;
    }
    let att = match sent {
        Some(s) if att.speaker.is_none() && mixed.is_some() => {
            mixed_attribution(cx, lex, s, q, att)
        }
        _ => att,
    };
    let opens_paragraph = body[q.para_start..q.open].trim().is_empty();
    let at = Placement {
        sent,
        opens_paragraph,
        after_quote_in_paragraph: i > 0 && raws[i - 1].para_start == q.para_start,
        mixed: mixed.is_some(),
    };
    let trailing_at = att
        .trailing
        .then_some(att.speaker.map(|s| s.start))
        .flatten();
    let resolved = speaker::resolve(cx, q, &at, att.speaker, att.cue, prev.as_ref());
    *prev = Previous::of(&resolved, q.para_end);
    if resolved.speaker.is_none()
        && mixed.is_none()
        && (words <= 3 || title_like(&body[q.start..q.end]))
    {
        // a few words in quotation marks that nobody says: a title or a scare quote
        return None;
    }
    let addressee = att.addressee.and_then(|Span { start: a, end: b }| {
        ents_in(ents, a, b)
            .iter()
            .find(|e| e.end <= b && e.kind == EntityType::Person)
            .map(|e| e.canonical.clone().unwrap_or(e.text.clone()))
    });
    // a quote that runs on in its sentence (`said “…” for reckless trading`) spans to the
    // sentence's end, like the clause of a mixed quote
    let runs_on = mixed.is_none() && !attributed_after && fragments::runs_on(body, q);
    let clause = mixed.or_else(|| {
        let s = sent.filter(|_| runs_on)?;
        Some(fragments::running_on(body, s, q, trailing_at))
    });
    let (start, end, parts) = match clause {
        Some(Span { start: s, end: e }) => (s, e, vec![[q.start, q.end]]),
        None => (q.start, q.end, Vec::new()),
    };
    Some(Found {
        quote: Quote {
            start,
            end,
            text: body[start..end].to_string(),
            kind: QuoteKind::Direct,
            speaker: resolved.speaker,
            cue: resolved.cue,
            addressee,
            parts,
        },
        para_start: q.para_start,
        after: q.after,
        open: q.open,
        attributed_after,
        continues: i > 0 && {
            let p = &raws[i - 1];
            p.end == p.para_end && p.para_end < q.para_start && opens_paragraph
        },
    })
}

/// The attribution of quoted words inside reported speech whose own reading found no speaker:
/// the subject of a cue such as "called" (not a quotation verb on its own) before the quote in
/// its sentence `s`.
fn mixed_attribution(
    cx: &QuoteContext,
    lex: &Lexicon,
    s: &Sentence,
    q: &Raw,
    att: Attribution,
) -> Attribution {
    before_cue(
        cx.body,
        cx.toks,
        cx.ents,
        s.start,
        q.open,
        Cue::labelling(lex),
    )
    .unwrap_or(att)
}

#[cfg(test)]
mod test_util;

#[cfg(test)]
mod tests {
    use super::test_util::{all, first_speaker};

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for body in [
            "\"",
            "\u{201c}a b",
            "a \" b \" c \"",
            &"\"x ".repeat(10_000),
            // curly marks nested 10,000 deep on one line, and a mark opening every word
            &format!(
                "{}x{}",
                "\u{201c}a ".repeat(10_000),
                "\u{201d} b".repeat(10_000)
            ),
            &"\u{201c}w ".repeat(10_000),
            // a 100,000-character quote
            &format!("\u{201c}{}\u{201d} she said.", "word ".repeat(20_000)),
        ] {
            for q in &all(body, &[]) {
                assert!(q.start <= q.end && q.end <= body.len());
            }
        }
    }

    #[test]
    fn a_very_long_quote_is_one_quote_with_its_speaker() {
        let body = format!("\u{201c}{}\u{201d} she said.", "word ".repeat(20_000));
        assert_eq!(all(&body, &[]).len(), 1);
        assert_eq!(first_speaker(&body, &[]), "she");
    }
}
