//! Attribution: the cue verb and the words naming who says a quote, read around the quote.
//!
//! [`attribute`] tries the readings below in order; the first that finds a speaker wins.
//! 1. **A signature after a dash** ([`layout::dash_signature`]): `“…” ― Rosa Varga`,
//!    `"…" -- Jane Doe, teacher`, or on the next line `“…”¶-Mark Lee, Dayton.`: two to five
//!    capitalised words to the end of the line, a comma or a full stop (one word on a line of
//!    its own).
//! 2. **After the quote** ([`after`]): the words from the closing mark to the end of the
//!    sentence (or the next quote), read as `"…," X said`, `"…," said X`, `X was quoted as
//!    saying`, `according to X`, "as X put it", "he went on", or a name and an unlisted verb in
//!    the past (`” Reyes barked`, `” Lee shot back`).
//! 3. **The agent of a passive labelling verb** ([`after::by_agent`]): `“…” – as described by
//!    X`, `labeled a “…” by X`.
//! 4. **Before the quote** ([`before`]): the sentence part in front of the opening mark ending
//!    in a cue (`X said: “…”`, `said X, “…”`, "as X put it, “…”", "according to X: “…”").
//! 5. **Closing the sentence a quote runs on in** ([`after::AfterQuote::trailing`]):
//!    `“…” to lift the price, she said`, `…, said Ana Ortiz, director of …`.
//! 6. **An opening gerund clause** ([`after::AfterQuote::gerund_clause`]): "After saying her knee was
//!    “…,” she was …": the main clause's subject right after the quote.
//! 7. **A name and a colon** ([`layout::colon_name`]): `… - PollWatch: “…”`.
//! 8. **A transcript line** ([`layout::transcript`]): `"REED: That is …"`.
//! 9. **An introducing paragraph** ([`layout::introducing_paragraph`]): "Mary Stone
//!    continued:" as a paragraph of its own before the quote.

mod after;
mod before;
mod layout;

pub(super) use before::before_cue;

use super::cue::Cue;
use super::spans::{span, Span};
use super::words::{is_punct, lower};
use super::Raw;
use crate::tokens::Token;
use dateline_core::Entity;

/// Speaker span search result.
pub(super) struct Attribution {
    pub(super) speaker: Option<Span>,
    /// the attribution closes the sentence the quote runs on in (`“…” to …, she said`)
    pub(super) trailing: bool,
    pub(super) cue: Option<String>,
    pub(super) addressee: Option<Span>,
}

impl Attribution {
    /// A speaker found with a cue, no addressee.
    fn said(speaker: Option<Span>, cue: impl Into<String>) -> Self {
        Attribution {
            trailing: false,
            speaker,
            cue: Some(cue.into()),
            addressee: None,
        }
    }

    /// A speaker found closing the sentence the quote runs on in.
    fn trailing(speaker: Span, cue: impl Into<String>) -> Self {
        Attribution {
            trailing: true,
            speaker: Some(speaker),
            cue: Some(cue.into()),
            addressee: None,
        }
    }

    /// No attribution.
    fn none() -> Self {
        Attribution {
            trailing: false,
            speaker: None,
            cue: None,
            addressee: None,
        }
    }
}

/// Look after the quote, then before it, for a cue verb and its speaker (the readings of the
/// module's list, in order). `next_open` is the opening mark of the next quote.
pub(super) fn attribute(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    q: &Raw,
    cue: Cue,
    next_open: usize,
) -> Attribution {
    let after = after::AfterQuote::read(body, toks, q, cue, next_open);
    if let Some(sig) = layout::dash_signature(body, q.after) {
        return Attribution::said(Some(sig), "signature");
    }
    after
        .attribution(body, toks, ents, cue)
        .or_else(|| after::by_agent(body, toks, q, after.first, cue))
        .or_else(|| before_cue(body, toks, ents, q.para_start, q.open, cue))
        .or_else(|| after.trailing(body, toks, q, cue))
        .or_else(|| after.gerund_clause(body, toks, ents, q, cue))
        .or_else(|| layout::colon_name(body, ents, q).map(|sp| Attribution::said(Some(sp), ":")))
        .or_else(|| layout::transcript(body, q))
        .or_else(|| layout::introducing_paragraph(body, toks, ents, q, cue))
        .unwrap_or_else(Attribution::none)
}

/// "as X put it" (or "puts it") among the tokens `ks`, the last one: X's byte span. X is a
/// name or a noun phrase of at most eight words, before any apposition ("as Mark Lee, the
/// chairman of the committee, put it").
fn as_put_it(body: &str, toks: &[Token], ks: &[usize]) -> Option<Span> {
    let put = ks.iter().rposition(|&k| {
        matches!(toks[k].text(body), "put" | "puts")
            && toks.get(k + 1).is_some_and(|t| t.text(body) == "it")
    })?;
    let as_at = ks[..put]
        .iter()
        .rposition(|&k| lower(toks[k].text(body)) == "as")?;
    let between = &ks[as_at + 1..put];
    // the name before an apposition
    let who: Vec<usize> = between
        .iter()
        .copied()
        .take_while(|&k| toks[k].text(body) != ",")
        .collect();
    let ok = between.len() <= 14
        && (1..=8).contains(&who.len())
        && who.iter().all(|&k| {
            let t = toks[k].text(body);
            !is_punct(t) || t == "’s" || t == "'s"
        });
    ok.then(|| span(toks, &who)).flatten()
}
