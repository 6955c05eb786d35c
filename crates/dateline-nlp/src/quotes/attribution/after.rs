//! Attributions after the quote: the words from the closing mark to the end of the sentence.
//!
//! Heuristics:
//! - **Where the attribution may be.** A quote closed by a full stop ends its sentence, so what
//!   follows is not its attribution — unless it is a full stop for a comma (`“…” Ortiz said.`).
//!   A quote that does not end in a comma, "?", "!", a dash or an ellipsis, with no comma or
//!   dash after its mark and no attribution-shaped words (`” said X`, `” Reyes said`, `” he went
//!   on`) after it, is a phrase running on in its sentence. Otherwise the words up to the end
//!   of the sentence, the paragraph or the next quote (at most 20 tokens) are read; the marks
//!   around a nickname (`Maria "Mia" Ortiz`) do not end them.
//! - **"as X put it"** among those words.
//! - **An unlisted verb in the past** (`” Reyes barked.`, `” Lee shot back with a laugh`): one
//!   to three capitalised words or a pronoun, then a lower-case verb in -ed (or one of
//!   `data/nlp/quote-retort-verbs.txt`) that closes the clause, when the words can be a subject.
//! - **A cue** (a quotation verb, "according", "went on"; not "state" before a title as in
//!   "state Del. Maria Ortiz") that does not start a new clause (`“…,” for instance, and Ortiz
//!   vowed`) nor follows the quote as a participle (`there is “…” adding that …`):
//!   - `according to X`: X;
//!   - the words before the cue, up to "was"/"is"/"has" (`X was quoted as saying`; the cue is
//!     then "quoted as saying"), when they can be a subject, or the name before an apposition
//!     or a relative clause (`” Reyes, who has proposed …, said`); the one told is the
//!     addressee;
//!   - else the words after the cue (`"…," said X`).
//! - **By-agents** ([`by_agent`]): "by" and one to five capitalised words after a labelling or
//!   quotation verb in -ed right after the quote (or after "as"), or after the quote when a
//!   labelling verb opened its clause (`labeled a “…” by Democrats`).
//! - **Trailing attributions** ([`AfterQuote::trailing`]), for a quote running on in its
//!   sentence: over other quoted words, a comma then a pronoun or one to four capitalised words
//!   and a cue closing the clause (`…, she said`), or inverted (`…, said Ana Ortiz, director`).
//! - **Gerund clauses** ([`AfterQuote::gerund_clause`]): a sentence opening with a subordinator
//!   and a cue in -ing ("After saying …") gives the pronoun or person right after the quote.

use super::super::cue::{went_on, Cue};
use super::super::spans::{ents_in, inner_stop, sentence_stop, span, tok_at, Span};
use super::super::subject::plausible_subject;
use super::super::vocab::{LABELLING_VERBS, RETORT_VERBS};
use super::super::words::{
    is_punct, lower, AFTER_VERB, CLAUSE_CONJUNCTIONS, PASSIVE_AUXILIARIES, PRONOUNS, QUOTE_MARKS,
    SPEAKER_PHRASE_OPENERS, SUBORDINATORS,
};
use super::super::Raw;
use super::as_put_it;
use super::Attribution;
use crate::tokens::Token;
use dateline_core::{Entity, EntityType};

/// The words after a quote's closing mark that may hold its attribution.
pub(super) struct AfterQuote {
    /// The first token after the closing mark.
    pub(super) first: usize,
    /// The quote closes its sentence (or is a phrase running on in it): what follows is not
    /// its attribution.
    closed: bool,
    /// The quote's words end in a full stop, "!" or "?".
    ends_sentence: bool,
    /// The tokens read: to the end of the sentence, the paragraph or the next quote, at most
    /// 20, nickname marks skipped.
    seq: Vec<usize>,
}

/// Whether a word opens with a capital letter or is a personal pronoun (a subject's start).
fn subject_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || PRONOUNS.contains(&lower(w).as_str())
}

impl AfterQuote {
    /// Read the words after quote `q`.
    pub(super) fn read(
        body: &str,
        toks: &[Token],
        q: &Raw,
        cue: Cue,
        next_open: usize,
    ) -> AfterQuote {
        let content = body[q.start..q.end].trim_end();
        let first = tok_at(toks, q.after);
        let closed = closes_sentence(body, toks, q, first, cue);
        let limit = if closed {
            q.after
        } else {
            q.para_end.min(next_open)
        };
        AfterQuote {
            first,
            closed,
            ends_sentence: content.ends_with(['.', '!', '?']),
            seq: window(body, toks, first, limit),
        }
    }

    /// "as X put it", an unlisted verb in the past, or a cue among the words after the quote.
    pub(super) fn attribution(
        &self,
        body: &str,
        toks: &[Token],
        ents: &[Entity],
        cue: Cue,
    ) -> Option<Attribution> {
        if let Some(sp) = as_put_it(body, toks, &self.seq) {
            return Some(Attribution::said(Some(sp), "put it"));
        }
        if !self.closed {
            if let Some(a) = unlisted_past_verb(body, toks, ents, &self.seq, cue) {
                return Some(a);
            }
        }
        cue_after(body, toks, ents, &self.seq, cue)
    }

    /// A quote running on in its sentence, attributed at the sentence's end: `“…” to drive up
    /// the price, she said.`
    pub(super) fn trailing(
        &self,
        body: &str,
        toks: &[Token],
        q: &Raw,
        cue: Cue,
    ) -> Option<Attribution> {
        if !self.closed || self.ends_sentence {
            return None;
        }
        trailing_attribution(body, toks, self.first, q.para_end, cue)
    }

    /// An opening gerund clause ("After saying her knee was “so swollen …,” she was …"): the
    /// main clause's subject right after the quote.
    pub(super) fn gerund_clause(
        &self,
        body: &str,
        toks: &[Token],
        ents: &[Entity],
        q: &Raw,
        cue: Cue,
    ) -> Option<Attribution> {
        let open = tok_at(toks, q.open);
        let para = tok_at(toks, q.para_start);
        let start = (para..open)
            .rev()
            .find(|&k| sentence_stop(body, toks, k))
            .map_or(para, |k| k + 1);
        let opens_with_gerund = open > start + 1
            && SUBORDINATORS.contains(&lower(toks[start].text(body)).as_str())
            && toks[start + 1].text(body).ends_with("ing")
            && cue.is(toks[start + 1].text(body));
        if !opens_with_gerund {
            return None;
        }
        let &k = self.seq.first()?;
        let w = toks[k].text(body);
        let person = ents_in(ents, toks[k].start, toks[k].start + 1)
            .iter()
            .find(|e| e.kind == EntityType::Person)
            .map(Span::of_entity);
        let sp = if PRONOUNS.contains(&lower(w).as_str()) && w != "it" {
            Some(Span::of_token(&toks[k]))
        } else {
            person
        };
        sp.map(|sp| Attribution::said(Some(sp), lower(toks[start + 1].text(body))))
    }
}

/// Whether the quote closes its sentence (or runs on in it as a phrase), so that the words
/// after it are not its attribution.
fn closes_sentence(body: &str, toks: &[Token], q: &Raw, first: usize, cue: Cue) -> bool {
    let content = body[q.start..q.end].trim_end();
    // (a quote ending in a nested one: `“… ‘I’m for it, darn it,’” Reyes said`)
    let content_end = content.trim_end_matches(['\u{2019}', '\'']);
    let words =
        |n: usize| -> Vec<&str> { toks[first..].iter().take(n).map(|t| t.text(body)).collect() };
    // attribution-shaped words right after the mark: `” said X`, `” Reyes said`
    let looks_attributed = {
        let ws = words(4);
        ws.first().is_some_and(|w| cue.is(w))
            || ws.first().is_some_and(|w| subject_start(w))
                && (ws[1..].iter().any(|w| cue.is(w)) || ws.get(1..3) == Some(&["went", "on"][..]))
    };
    // (a full stop for a comma: `“… missing.” Ortiz said.`)
    let tight = {
        let ws = words(3);
        ws.len() == 3 && subject_start(ws[0]) && cue.is(ws[1]) && ws[2] == "."
    };
    content_end.ends_with('.') && !tight
        || !content_end.ends_with([',', '?', '!', '\u{2014}', '-', '\u{2026}'])
            && !body[q.after..]
                .trim_start()
                .starts_with([',', '\u{2014}', '-', '\u{2013}'])
            && !looks_attributed
}

/// The tokens from `first` that may hold the attribution: up to `limit`, the end of the
/// sentence or an opening mark, at most 20; the marks around a nickname (`Maria "Mia" Ortiz`)
/// are skipped.
fn window(body: &str, toks: &[Token], first: usize, limit: usize) -> Vec<usize> {
    let cap = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text(body).starts_with(char::is_uppercase))
    };
    let mark = |k: usize| {
        toks.get(k)
            .is_some_and(|t| QUOTE_MARKS.contains(&t.text(body)))
    };
    let nick_mark = |k: usize| {
        k > 0 && cap(k - 1) && cap(k + 1) && mark(k + 2) && cap(k + 3)
            || k > 1 && mark(k - 2) && cap(k - 1) && cap(k - 3) && cap(k + 1)
    };
    let mut seq = Vec::new();
    for k in (first..toks.len())
        .take_while(|&k| toks[k].end <= limit)
        .take(20)
    {
        let t = toks[k].text(body);
        if toks[k].start >= limit {
            break;
        }
        if QUOTE_MARKS.contains(&t) && nick_mark(k) {
            continue;
        }
        if matches!(t, "." | "!" | "?" | "\"" | "\u{201c}") && !inner_stop(body, toks, k) {
            break;
        }
        seq.push(k);
    }
    seq
}

/// `” Reyes barked.`, `” Lee shot back with a laugh`: a name (or a pronoun) and a verb in the
/// past the reporting-verb list does not hold, closing the attribution.
fn unlisted_past_verb(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    seq: &[usize],
    cue: Cue,
) -> Option<Attribution> {
    if seq.len() < 2 {
        return None;
    }
    let mut j = 0;
    while j < seq.len().min(3) && {
        let t = toks[seq[j]].text(body);
        t.starts_with(char::is_uppercase) && !is_punct(t)
    } {
        j += 1;
    }
    let pronoun = j == 0 && PRONOUNS.contains(&lower(toks[seq[0]].text(body)).as_str());
    let j = if pronoun { 1 } else { j };
    if j == 0 || j >= seq.len() {
        return None;
    }
    let v = toks[seq[j]].text(body);
    let past = v.len() > 3
        && v.chars().all(char::is_lowercase)
        && (v.ends_with("ed") || RETORT_VERBS.has(v));
    let closes = seq
        .get(j + 1)
        .is_none_or(|&n| AFTER_VERB.contains(&toks[n].text(body)));
    let known = cue.is(v) || went_on(body, toks, seq[j]);
    let sp = span(toks, &seq[..j]);
    (past && closes && !known && sp.is_some_and(|s| plausible_subject(body, ents, s)))
        .then(|| Attribution::said(sp, v))
}

/// Whether the words before position `pos` of `seq` start a new clause going on after the
/// quote (`“…,” for instance, and Ortiz vowed`): a lower-case word that cannot open a speaker's
/// noun phrase, and a conjunction before any name.
fn new_clause(body: &str, toks: &[Token], seq: &[usize], pos: usize) -> bool {
    let first_word = seq[..pos]
        .iter()
        .map(|&k| toks[k].text(body))
        .find(|w| !is_punct(w));
    first_word.is_some_and(|w| {
        let l = lower(w);
        w.starts_with(char::is_lowercase)
            && !PRONOUNS.contains(&l.as_str())
            && !SPEAKER_PHRASE_OPENERS.contains(&l.as_str())
    }) && {
        // a conjunction before any name
        let conj = seq[..pos]
            .iter()
            .position(|&k| CLAUSE_CONJUNCTIONS.contains(&lower(toks[k].text(body)).as_str()));
        let name = seq[..pos]
            .iter()
            .position(|&k| toks[k].text(body).starts_with(char::is_uppercase));
        conj.is_some_and(|c| name.is_none_or(|n| c < n))
    }
}

/// A participle right after the quote goes on with the sentence's own subject (`there is “…”
/// adding that …`).
fn participle_after(body: &str, toks: &[Token], seq: &[usize], pos: usize) -> bool {
    let w = lower(toks[seq[pos]].text(body));
    seq[..pos].iter().all(|&k| is_punct(toks[k].text(body)))
        && w.ends_with("ing")
        && w != "according"
}

/// A cue among the words after the quote, and its speaker: before it (`” Reyes said`, `X was
/// quoted as saying`), or after it (`” said Reyes`, `according to X`).
fn cue_after(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    seq: &[usize],
    cue: Cue,
) -> Option<Attribution> {
    // (not "state" before a title: "state Del. Maria Ortiz")
    let adjective = |k: usize| {
        matches!(toks[k].text(body), "state" | "State")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.text(body).starts_with(char::is_uppercase))
    };
    let pos = seq
        .iter()
        .position(|&k| (cue.is(toks[k].text(body)) || went_on(body, toks, k)) && !adjective(k))
        .filter(|&pos| {
            !new_clause(body, toks, seq, pos) && !participle_after(body, toks, seq, pos)
        })?;
    let verb = toks[seq[pos]].text(body);
    let before: Vec<usize> = seq[..pos]
        .iter()
        .copied()
        .filter(|&k| !is_punct(toks[k].text(body)))
        .collect();
    let mut rest: Vec<usize> = seq[pos + 1..]
        .iter()
        .copied()
        .take_while(|&k| !matches!(toks[k].text(body), "," | ";" | ":"))
        .collect();
    if lower(verb) == "according" {
        if rest.first().is_some_and(|&k| toks[k].text(body) == "to") {
            rest.remove(0);
        }
        return Some(Attribution::said(span(toks, &rest), "according to"));
    }
    // "X was quoted/cited as saying": the subject is before "was"
    let subj: Vec<usize> = before
        .iter()
        .copied()
        .take_while(|&k| !PASSIVE_AUXILIARIES.contains(&lower(toks[k].text(body)).as_str()))
        .collect();
    let cue_text = if matches!(lower(verb).as_str(), "quoted" | "cited") {
        format!("{} as saying", lower(verb))
    } else {
        lower(verb)
    };
    let subj_span = span(toks, &subj)
        .filter(|&s| plausible_subject(body, ents, s))
        .or_else(|| {
            // a name before an apposition or relative clause the tagger did not read as
            // one: `” Reyes, who has proposed …, said`
            let head: Vec<usize> = seq[..pos]
                .iter()
                .copied()
                .take_while(|&k| toks[k].text(body) != ",")
                .collect();
            (head.len() < subj.len())
                .then(|| span(toks, &head))
                .flatten()
                .filter(|&s| plausible_subject(body, ents, s))
        });
    if subj_span.is_some() {
        let addressee = (lower(verb) == "told").then(|| span(toks, &rest)).flatten();
        return Some(Attribution {
            addressee,
            ..Attribution::said(subj_span, cue_text)
        });
    }
    (subj.is_empty() && !rest.is_empty()).then(|| Attribution::said(span(toks, &rest), cue_text))
}

/// The agent after "by" of a passive verb of saying or labelling around the quote: after it
/// (`” – as described by X`) or before it in its clause (`labeled as a “…” by X`). X is one to
/// five capitalised words.
pub(super) fn by_agent(
    body: &str,
    toks: &[Token],
    q: &Raw,
    first_after: usize,
    cue: Cue,
) -> Option<Attribution> {
    let labelling = |w: &str| {
        let l = lower(w);
        l.ends_with("ed") && (cue.is(&l) || LABELLING_VERBS.has(&l))
    };
    let open = tok_at(toks, q.open);
    let label_before =
        (open.saturating_sub(4)..open).find(|&k| LABELLING_VERBS.has(&lower(toks[k].text(body))));
    let by = (first_after..(first_after + 12).min(toks.len()))
        .take_while(|&k| {
            toks[k].end <= q.para_end
                && !matches!(toks[k].text(body), "." | "!" | "?" | "\"" | "\u{201c}")
        })
        .find(|&k| {
            lower(toks[k].text(body)) == "by"
                && (k == first_after && label_before.is_some()
                    || k > first_after
                        && labelling(toks[k - 1].text(body))
                        && (k < first_after + 4 || lower(toks[k - 2].text(body)) == "as"))
        })?;
    let verb = match label_before {
        Some(l) if by == first_after => l,
        _ => by - 1,
    };
    let mut j = by + 1;
    while j < toks.len()
        && j < by + 6
        && (toks[j]
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            || inner_stop(body, toks, j))
    {
        j += 1;
    }
    (j > by + 1).then(|| {
        Attribution::trailing(
            Span::new(toks[by + 1].start, toks[j - 1].end),
            lower(toks[verb].text(body)),
        )
    })
}

/// `, she said` or `, Ortiz said` closing the sentence that runs on after a quote: a comma, a
/// pronoun or one to four capitalised words, then a cue verb. Tokens from `first` up to the
/// sentence's end or the next opening mark.
fn trailing_attribution(
    body: &str,
    toks: &[Token],
    first: usize,
    next_open: usize,
    cue: Cue,
) -> Option<Attribution> {
    // (over other quoted words in the sentence: `was “flat” as donors waited to see how a
    // “rough season” played out, he said`)
    let mut end = first;
    while end < toks.len() && end < first + 60 && toks[end].start < next_open {
        let t = toks[end].text(body);
        if matches!(t, "!" | "?") || t == "." && !inner_stop(body, toks, end) {
            break;
        }
        end += 1;
    }
    (first..end).find_map(|i| {
        if toks[i].text(body) != "," {
            return None;
        }
        inverted_after_comma(body, toks, i, end, cue)
            .or_else(|| subject_then_cue(body, toks, i, end, cue))
    })
}

/// Inverted after the comma at token `i`: `…, said Ana Ortiz, director of …` (a cue, then one
/// to six capitalised words closed by a comma, a full stop or the sentence's end).
fn inverted_after_comma(
    body: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    cue: Cue,
) -> Option<Attribution> {
    let capitalised = |k: usize| {
        toks[k]
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    if !(toks.get(i + 1).is_some_and(|t| cue.is(t.text(body))) && i + 2 < end) {
        return None;
    }
    let mut j = i + 2;
    while j < end && j < i + 8 && (capitalised(j) || inner_stop(body, toks, j)) {
        j += 1;
    }
    let closes = j == end || matches!(toks[j].text(body), "," | ".");
    (j > i + 2 && closes && capitalised(i + 2)).then(|| {
        Attribution::trailing(
            Span::new(toks[i + 2].start, toks[j - 1].end),
            lower(toks[i + 1].text(body)),
        )
    })
}

/// After the comma at token `i`: a pronoun or one to four capitalised words, then a cue
/// closing the clause (`…, she said`, `…, Ana Ortiz said.`).
fn subject_then_cue(
    body: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    cue: Cue,
) -> Option<Attribution> {
    let mut j = i + 1;
    let pronoun = toks
        .get(j)
        .is_some_and(|t| PRONOUNS.contains(&lower(t.text(body)).as_str()));
    if pronoun {
        j += 1;
    } else {
        while j < end
            && j < i + 5
            && toks[j]
                .text(body)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            j += 1;
        }
    }
    let verb = toks.get(j).filter(|_| j > i + 1 && j < end)?;
    let closes = toks.get(j + 1).is_none_or(|n| {
        j + 1 >= end
            || matches!(n.text(body), "," | ".")
            || n.text(body).chars().all(char::is_lowercase)
    });
    (cue.is(verb.text(body)) && closes).then(|| {
        Attribution::trailing(
            Span::new(toks[i + 1].start, toks[j - 1].end),
            lower(verb.text(body)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{direct, ent, first_speaker, persons, speakers};
    use dateline_core::EntityType;

    #[test]
    fn a_told_attribution_after_the_quote_names_the_addressee() {
        let body = "\"We are ready to talk,\" Mary Stone told John Reed.";
        let qs = direct(body, &persons(body, &["Mary Stone", "John Reed"]));
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Mary Stone");
        assert_eq!(qs[0].text, "We are ready to talk,");
        assert_eq!(qs[0].addressee.as_deref(), Some("John Reed"));
        assert_eq!(qs[0].cue.as_deref(), Some("told"));
    }

    #[test]
    fn a_name_and_an_unlisted_verb_in_the_past_close_the_attribution() {
        let body = "Reporters kept asking.\n\n\u{201c}You were not called on, sit down,\u{201d} Reyes barked as guards moved in.\n\n\u{201c}Look at all these fans,\u{201d} Ortiz said.\n\n\u{201c}I am one of them,\u{201d} Lee shot back with a laugh.";
        let ents = persons(body, &["Reyes", "Ortiz", "Lee"]);
        assert_eq!(speakers(body, &ents), vec!["Reyes", "Ortiz", "Lee"]);
    }

    #[test]
    fn a_participle_after_the_quote_goes_on_with_the_sentence_subject() {
        let body = "Speaking in Columbia, Reyes said that there is \u{201c}a clear choice\u{201d} adding that it is why Ortiz attacks him.";
        let mut ents = persons(body, &["Reyes", "Ortiz"]);
        ents.insert(0, ent(body, "Columbia", EntityType::Gpe));
        assert_eq!(first_speaker(body, &ents), "Reyes");
    }

    #[test]
    fn a_name_before_a_relative_clause_after_the_quote() {
        let body = "\u{201c}I back the bridge, make no mistake,\u{201d} Reyes, who once voted to scrap it, said on Friday.";
        assert_eq!(first_speaker(body, &[]), "Reyes");
    }

    #[test]
    fn an_inverted_attribution_closing_the_sentence_a_quote_runs_on_in() {
        let body = "Put a \"road through the park\" on the ballot and turnout jumps, said Ana Ortiz, head of the residents' union.";
        assert_eq!(first_speaker(body, &[]), "Ana Ortiz");
    }

    #[test]
    fn a_trailing_attribution_reaches_over_other_quoted_words() {
        let body = "Ticket sales were \"slow for most of the spring\" while fans waited to learn whether a \"new coach\" would arrive, she said.";
        let who = speakers(body, &[]);
        assert!(!who.is_empty() && who.iter().all(|s| s == "she"), "{who:?}");
    }

    #[test]
    fn an_attribution_closing_the_sentence_a_quote_runs_on_in() {
        let body = "\u{201c}You squeezed your staff to the breaking point\u{201d} to lift the share price, she said. A clerk who \u{201c}takes a handful of notes\u{201d} goes to jail, Ana Ortiz said.";
        let qs = direct(body, &persons(body, &["Ana Ortiz"]));
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "she");
        assert!(qs[0].text.ends_with("share price"), "{:?}", qs[0].text);
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "Ana Ortiz");
    }

    #[test]
    fn the_agent_of_a_passive_labelling_verb_after_the_quote() {
        let body = "From the failures abroad to being \u{201c}extremely careless\u{201d} with secret files \u{2013} as described by Police Director Tom Reyes \u{2013} voters have doubts.";
        let qs = direct(body, &[]);
        assert_eq!(
            qs[0].speaker.as_ref().unwrap().text,
            "Police Director Tom Reyes"
        );
        assert_eq!(qs[0].cue.as_deref(), Some("described"));
    }

    #[test]
    fn the_agent_of_a_labelling_verb_before_the_quote() {
        let body = "The hearings, often labeled a \u{201c}witch hunt\u{201d} by Democrats, went on for months.";
        assert_eq!(first_speaker(body, &[]), "Democrats");
    }

    #[test]
    fn a_full_stop_for_a_comma_before_the_attribution() {
        let body = "Reyes spoke on Wednesday.\n\n\u{201c}If you are listening, find the missing files.\u{201d} Ortiz said.";
        assert_eq!(
            first_speaker(body, &persons(body, &["Reyes", "Ortiz"])),
            "Ortiz"
        );
    }

    #[test]
    fn a_clause_going_on_after_the_quote_is_not_its_attribution() {
        let body = "Reyes said he would turn the budget \"upside down,\" for instance, and Ortiz vowed to \"cut every tax.\"";
        assert_eq!(
            first_speaker(body, &persons(body, &["Reyes", "Ortiz"])),
            "Reyes"
        );
    }

    #[test]
    fn he_went_on_is_a_cue() {
        let body = "\"We need more schools,\" the mayor said.\n\n\"It was a good program that worked,\" he went on.";
        let qs = direct(body, &[]);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].text, "It was a good program that worked,");
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "he");
    }

    #[test]
    fn a_closing_mark_glued_to_the_name() {
        let body = "\u{201c}Some of his comments have been divisive,\u{201d}Ortiz said. \u{201c}They do not help.\u{201d}";
        assert_eq!(first_speaker(body, &persons(body, &["Ortiz"])), "Ortiz");
    }

    #[test]
    fn a_nickname_in_a_name_and_state_before_a_title_do_not_end_the_attribution() {
        let body = "\"We finally have a park for the kids!\" Lee's niece, state Del. Maria \"Mia\" Ortiz (D-Norfolk), shouted to the crowd.";
        let qs = direct(body, &persons(body, &["Lee", "Maria"]));
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Maria");
    }

    #[test]
    fn a_party_and_state_tag_between_the_name_and_the_verb() {
        let body =
            "\u{201c}We have the votes to pass it,\u{201d} Senate Majority Leader Tom Reyes, R-Ky., said Tuesday.";
        assert_eq!(
            first_speaker(body, &persons(body, &["Tom Reyes"])),
            "Tom Reyes"
        );
    }

    #[test]
    fn an_opening_gerund_clause_gives_the_subject_after_the_quote() {
        let body =
            "After saying her knee was \u{201c}too stiff to climb the stairs,\u{201d} she was taken to hospital.";
        assert_eq!(first_speaker(body, &[]), "she");
    }
}
