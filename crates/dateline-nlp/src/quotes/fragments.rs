//! Partial quotes: quoted words inside reported speech, quotes running on in their sentence,
//! and the fragments of one statement joined into one quote.
//!
//! Heuristics:
//! - **Quoted words inside reported speech** ([`mixed_clause`]): a cue (a quotation verb or a
//!   labelling verb, `data/nlp/quote-labelling-verbs.txt`) earlier in the quote's sentence,
//!   within 25 tokens and with no quotation mark or colon between, with other words between it
//!   and the opening mark (`X called the plan “…”`, `said he was “…”`). The quote spans the
//!   reported clause: after the cue (and a "that") to the end of the sentence, its quoted words
//!   its `parts`. Not when the cue is the attribution of an earlier quote in the sentence
//!   (`“…,” she said on “Meet the Press”`), and not when a plain speech verb
//!   (`data/nlp/quote-plain-verbs.txt`) stands right before the mark (`said “…”`, `said that
//!   “…”`); another verb may take the quote as its object (`to highlight “…”`) inside a clause
//!   reported further back.
//! - **Quotes running on** ([`running_on`]): a quote followed by a lower-case word (`said “…”
//!   for reckless trading`) spans to its sentence's end, or to the attribution closing it
//!   (`“…” to lift the price, she said.`).
//! - **Joining** ([`join_fragments`]): a quote continues the previous one (one statement,
//!   several `parts`) when it continues a quote left open at the previous paragraph's end, or
//!   in the same paragraph when only punctuation lies between, or "and"/"or" (`"…," and "…"`),
//!   or the previous quote's own attribution (at most 30 words ending in punctuation: `"…," he
//!   said. "…"`) — and the two do not name different speakers. Quoted words of one reported
//!   clause (`called it "…" and "…"`) become parts of one quote.

use super::cue::Cue;
use super::marks::Raw;
use super::spans::Span;
use super::vocab::{LABELLING_VERBS, PLAIN_QUOTE_VERBS};
use super::words::{is_punct, lower};
use crate::tokens::{Sentence, Token};
use dateline_core::Quote;

/// A direct quote found and attributed, before fragments are joined.
pub(super) struct Found {
    pub(super) quote: Quote,
    pub(super) para_start: usize,
    /// byte after the closing mark
    pub(super) after: usize,
    /// byte of the opening mark
    pub(super) open: usize,
    /// its attribution follows it (`"…," she said`)
    pub(super) attributed_after: bool,
    /// it continues a quote left open at the end of the previous paragraph
    pub(super) continues: bool,
}

/// The end of the sentence `s` for a quote's span: its last byte before trailing space and a
/// closing full stop, "!" or "?" (one kept when it is inside the quote).
fn sentence_end(body: &str, s: &Sentence, q: &Raw) -> usize {
    let end = body[..s.end].trim_end().len();
    clause_end(body, end, q)
}

/// `end` without a final full stop, "!" or "?" (unless the quote ends there), at least the
/// quote's end.
fn clause_end(body: &str, mut end: usize, q: &Raw) -> usize {
    if end > q.after && body[..end].ends_with(['.', '!', '?']) {
        end -= 1;
    }
    end.max(q.after)
}

/// Quoted words inside reported speech: a cue verb earlier in the quote's sentence with other
/// words between it and the opening mark (`X called the plan “…”`, `said he was “…”`, but not
/// `said: “…”` or `said that “…”`). Returns the content clause (after the cue and a "that",
/// to the end of the sentence) as a byte span.
pub(super) fn mixed_clause(
    body: &str,
    toks: &[Token],
    sent: &Sentence,
    q: &Raw,
    cue: Cue,
) -> Option<Span> {
    let open_tok = toks
        .partition_point(|t| t.start < q.open)
        .max(sent.tok_start);
    // the nearest cue with words between it and the quote; a speech verb right before the
    // mark introduces a plain quote (`said “…”`), another verb may take it as its object
    // (`to highlight “…”`) inside a clause reported further back (`Lee said the plan …`)
    let mut first = None;
    for k in (sent.tok_start..open_tok)
        .rev()
        .take(25)
        .take_while(|&k| !matches!(toks[k].text(body), "\"" | "\u{201c}" | "\u{201d}" | ":"))
    {
        let w = lower(toks[k].text(body));
        if !(cue.is(&w) || LABELLING_VERBS.has(&w)) {
            continue;
        }
        // the attribution of an earlier quote (`“…,” she said on “Meet the Press”`)
        let earlier = (sent.tok_start..k).rev().take(6).any(|j| {
            matches!(toks[j].text(body), "\u{201d}" | "\"")
                && (j + 1..k).all(|i| !cue.is(&lower(toks[i].text(body))))
        });
        if earlier {
            return None;
        }
        let mut f = k + 1;
        if f < open_tok && lower(toks[f].text(body)) == "that" {
            f += 1;
        }
        if (f..open_tok).any(|j| !is_punct(toks[j].text(body))) {
            first = Some(f);
            break;
        }
        if PLAIN_QUOTE_VERBS.has(&w) {
            return None;
        }
    }
    let first = first?;
    Some(Span::new(toks[first].start, sentence_end(body, sent, q)))
}

/// A quote that runs on in its sentence (`said “…” for reckless trading`): from its first word
/// to the sentence's end, or to the attribution closing the sentence starting at byte
/// `trailing_at` (`“…” to lift the price, she said.`).
pub(super) fn running_on(body: &str, sent: &Sentence, q: &Raw, trailing_at: Option<usize>) -> Span {
    let mut end = body[..sent.end].trim_end().len();
    if let Some(a) = trailing_at.filter(|&a| a > q.after && a < end) {
        end = body[..a].trim_end().trim_end_matches(',').len();
    }
    Span::new(q.start, clause_end(body, end, q))
}

/// Whether quote `q` runs on in its sentence: a lower-case word follows its
/// closing mark.
pub(super) fn runs_on(body: &str, q: &Raw) -> bool {
    body[q.after..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|c: char| c.is_lowercase())
}

/// The last quote seen while joining.
#[derive(Clone, Copy)]
struct Last {
    para_start: usize,
    /// byte after its closing mark
    after: usize,
    attributed_after: bool,
    mixed: bool,
}

impl Last {
    fn of(f: &Found, mixed: bool) -> Last {
        Last {
            para_start: f.para_start,
            after: f.after,
            attributed_after: f.attributed_after,
            mixed,
        }
    }

    /// Whether `f` continues this quote: the gap between them is bare punctuation, "and" or
    /// "or", or this quote's own attribution, in the same paragraph (or `f` continues it
    /// across a paragraph break); neither holds quoted words of reported speech.
    fn joins(&self, body: &str, f: &Found, mixed: bool) -> bool {
        let gap = body.get(self.after..f.open).unwrap_or("");
        let gap_words = gap.split_whitespace().count();
        let bare = gap
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
        // a list of quoted phrases: `"…," and "…"`
        let listed = gap_words == 1
            && matches!(gap.trim_matches(|c: char| !c.is_alphabetic()), "and" | "or");
        let attribution_only = self.attributed_after
            && gap_words <= 30
            && gap.trim_end().ends_with(['.', ',', ':', ';']);
        !self.mixed
            && !mixed
            && (f.continues
                || self.para_start == f.para_start && (bare || listed || attribution_only))
    }
}

/// Add quote `f` to the quote `p` it continues: its span becomes a part.
fn append(body: &str, p: &mut Quote, f: Found) {
    if p.parts.is_empty() {
        p.parts.push([p.start, p.end]);
    }
    p.parts.push([f.quote.start, f.quote.end]);
    p.end = f.quote.end;
    p.text = p
        .parts
        .iter()
        .map(|&[a, b]| body[a..b].trim())
        .collect::<Vec<_>>()
        .join(" ");
    if p.speaker.is_none() {
        p.speaker = f.quote.speaker;
        p.cue = f.quote.cue;
    }
}

/// Join the fragments of one statement: a quote continued in the same paragraph after its own
/// attribution (`"…," he said. "…"`) or right after it, by the same speaker or none.
pub(super) fn join_fragments(body: &str, found: Vec<Found>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut last: Option<Last> = None;
    for f in found {
        let mixed = !f.quote.parts.is_empty();
        let joinable = last.is_some_and(|l| l.joins(body, &f, mixed));
        let seen = Last::of(&f, mixed);
        // quoted words of one reported clause: `called it "…" and "…"`
        if let (Some(p), true) = (out.last_mut(), mixed) {
            if !p.parts.is_empty() && p.start == f.quote.start {
                p.parts.extend(f.quote.parts.iter().copied());
                p.end = p.end.max(f.quote.end);
                p.text = body[p.start..p.end].to_string();
                last = Some(seen);
                continue;
            }
        }
        let same_speaker = |p: &Quote| {
            f.quote
                .speaker
                .as_ref()
                .is_none_or(|s| p.speaker.as_ref().is_none_or(|ps| ps.text == s.text))
        };
        match out.last_mut().filter(|p| joinable && same_speaker(p)) {
            Some(p) => append(body, p, f),
            None => out.push(f.quote),
        }
        last = Some(seen);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{direct, persons};

    #[test]
    fn fragments_split_by_the_attribution_are_one_quote() {
        let body = "\u{201c}The talks went well,\u{201d} Ana Diaz said. \u{201c}We will meet again in May.\u{201d}\n\nLater the mayor spoke. \u{201c}The new ferry will save us an hour,\u{201d} he said.";
        let qs = direct(body, &persons(body, &["Ana Diaz"]));
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "The talks went well, We will meet again in May."
        );
        assert_eq!(qs[0].parts.len(), 2);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Diaz");
        assert!(body[qs[0].start..qs[0].end].contains("Ana Diaz said"));
        assert!(qs[1].parts.is_empty());
    }

    #[test]
    fn quoted_words_in_reported_speech_span_their_clause() {
        let body = "Senator Ruth Okafor called the plan \u{201c}dead on arrival\u{201d} on Monday.";
        let qs = direct(body, &persons(body, &["Ruth Okafor"]));
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "the plan \u{201c}dead on arrival\u{201d} on Monday"
        );
        assert_eq!(
            &body[qs[0].parts[0][0]..qs[0].parts[0][1]],
            "dead on arrival"
        );
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ruth Okafor");
        assert_eq!(qs[0].cue.as_deref(), Some("called"));
    }

    #[test]
    fn scare_quotes_and_titles_nobody_says_are_not_quotes() {
        let body = "The so-called \u{201c}green corridor\u{201d} opened in June.\n\nThe song \u{201c}Blue Water\u{201d} played.";
        let qs = direct(body, &[]);
        assert!(qs.is_empty(), "{qs:#?}");
    }

    #[test]
    fn a_phrase_running_on_is_not_attributed_to_the_words_after_it() {
        let body = "Ana Diaz added that the council \u{201c}doubled down the bets\u{201d} by raising fees to get states to comply.";
        let qs = direct(body, &persons(body, &["Ana Diaz"]));
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Diaz");
        assert!(qs[0].text.starts_with("the council"), "{:?}", qs[0].text);
    }

    #[test]
    fn a_verb_taking_the_quote_as_object_inside_a_reported_clause() {
        // "highlight" takes the quote as its object; the clause is reported by "said"
        let body = "Jon Wu said the vote was meant to highlight \u{201c}the cost of delay\u{201d} for the port.";
        let qs = direct(body, &persons(body, &["Jon Wu"]));
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Jon Wu");
        assert!(
            qs[0].text.starts_with("the vote was meant"),
            "{:?}",
            qs[0].text
        );
    }

    #[test]
    fn a_quote_running_on_spans_its_sentence() {
        let body = "Asked about the banks, Ana Diaz said \u{201c}I stood up to them\u{201d} for years before the crash.";
        let qs = direct(body, &persons(body, &["Ana Diaz"]));
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "I stood up to them\u{201d} for years before the crash"
        );
        assert_eq!(
            &body[qs[0].parts[0][0]..qs[0].parts[0][1]],
            "I stood up to them"
        );
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Diaz");
    }
}
