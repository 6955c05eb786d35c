//! Quotations and their speakers.
//!
//! Direct quotes are found on the character level, paragraph by paragraph: curly quotes open
//! and close, straight double quotes toggle; a paragraph that opens a quote without closing it
//! continues into the next paragraph when that one opens with a quote mark (the newspaper
//! convention for multi-paragraph quotes). Quotes of fewer than two words (scare quotes) are
//! left out.
//!
//! The speaker is found next to the quote: after it (`"...," X said`, `"...," said X`,
//! `X was quoted as saying`, `according to X`) or before it (`X said: "..."`). A pronoun or a
//! description ("the Syrian leader") is resolved to the most recent person named before the
//! quote. A quote paragraph with no attribution of its own continues the previous quote's
//! speaker. Reported speech (`X said the meeting took place on Thursday`) is `indirect`.

use crate::coref::last_person_before;
use crate::lexicon::Lexicon;
use crate::tokens::{Sentence, Token};
use dateline_core::{Entity, EntityType, Quote, Speaker};

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
const INDIRECT_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "stated",
    "announced",
    "warned",
    "claimed",
    "denied",
    "insisted",
    "argued",
    "noted",
    "reported",
    "explained",
    "acknowledged",
    "admitted",
    "confirmed",
    "suggested",
    "estimated",
    "predicted",
    "believes",
    "believed",
    "thinks",
    "thought",
    "wrote",
    "writes",
    "tweeted",
    "declared",
    "stressed",
    "urged",
];

/// A direct quote before attribution: content span and the paragraph it ends in.
struct Raw {
    start: usize,
    end: usize,
    /// byte just after the closing mark (or the content end if none)
    after: usize,
    /// byte of the opening mark
    open: usize,
    para_start: usize,
    para_end: usize,
}

fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            // a line break ends a paragraph when a blank line or an indented/quoted line follows
            let mut j = i + 1;
            loop {
                if j < b.len() && (b[j] == b' ' || b[j] == b'\r' || b[j] == b'\t') {
                    j += 1;
                } else if j + 1 < b.len() && b[j] == 0xc2 && b[j + 1] == 0xa0 {
                    // a no-break space on an otherwise empty line
                    j += 2;
                } else {
                    break;
                }
            }
            let blank = j < b.len() && b[j] == b'\n';
            if blank || j >= b.len() {
                if i > start {
                    out.push((start, i));
                }
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < body.len() {
        out.push((start, body.len()));
    }
    out
}

/// Whether the curly quote marks of `text` pair up as properly nested brackets, with some
/// mark opened inside another.
fn curly_balanced(text: &str) -> bool {
    let (mut depth, mut nested) = (0usize, false);
    for c in text.chars() {
        match c {
            '\u{201c}' => {
                depth += 1;
                nested |= depth > 1;
            }
            '\u{201d}' if depth == 0 => return false,
            '\u{201d}' => depth -= 1,
            _ => {}
        }
    }
    depth == 0 && nested
}

fn find_direct(body: &str) -> Vec<Raw> {
    let paras = paragraphs(body);
    let mut out = Vec::new();
    for &(ps, pe) in &paras {
        let text = &body[ps..pe];
        let mut open: Option<(usize, usize)> = None; // (mark byte, content start)
                                                     // curly quotes nested in curly quotes (`“… what he calls “hell” than …”`), read as
                                                     // nested only where the paragraph's curly marks balance (a mark left open by a typo
                                                     // would otherwise swallow the quotes after it)
        let nest = curly_balanced(text);
        let mut depth = 0usize;
        let mut line = (0usize, 0usize, false); // the current line's bounds and balance
        for (off, c) in text.char_indices() {
            let at = ps + off;
            match c {
                '\u{201c}' if open.is_none() => {
                    open = Some((at, at + c.len_utf8()));
                }
                '\u{201c}'
                    if nest || {
                        // or where the marks of the line balance (each line checked once)
                        if off >= line.1 {
                            let ls = text[..off].rfind('\n').map_or(0, |i| i + 1);
                            let le = text[off..].find('\n').map_or(text.len(), |i| off + i);
                            line = (ls, le, curly_balanced(&text[ls..le]));
                        }
                        line.2 && open.is_some_and(|(o, _)| o >= ps + line.0)
                    } =>
                {
                    depth += 1
                }
                '\u{201d}' if depth > 0 => depth -= 1,
                '\u{201d}' => {
                    if let Some((o, s)) = open.take() {
                        out.push(Raw {
                            start: s,
                            end: at,
                            after: at + c.len_utf8(),
                            open: o,
                            para_start: ps,
                            para_end: pe,
                        });
                    }
                }
                '"' => match open.take() {
                    Some((o, s)) => out.push(Raw {
                        start: s,
                        end: at,
                        after: at + 1,
                        open: o,
                        para_start: ps,
                        para_end: pe,
                    }),
                    None => open = Some((at, at + 1)),
                },
                _ => {}
            }
        }
        if let Some((o, s)) = open {
            // open at paragraph end: the quote runs to the end of the paragraph; when the next
            // paragraph opens with a quote mark, it continues there (a new segment)
            if pe > s {
                out.push(Raw {
                    start: s,
                    end: pe,
                    after: pe,
                    open: o,
                    para_start: ps,
                    para_end: pe,
                });
            }
        }
    }
    out.retain(|r| !body[r.start..r.end].trim().is_empty());
    out
}

/// A one-word capitalised nickname in quotation marks between two capitalised words.
fn nickname(body: &str, r: &Raw) -> bool {
    let inner = &body[r.start..r.end];
    let cap = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    inner.len() <= 15
        && !inner.contains(char::is_whitespace)
        && cap(Some(inner))
        && cap(body[..r.open].split_whitespace().next_back())
        && {
            // the surname, then no more capitalised words (not a headline: `Felt “Invisible”
            // As A Child`)
            let mut after = body[r.after.min(body.len())..].split_whitespace();
            cap(after.next()) && !cap(after.next())
        }
}

/// Speaker span search result.
struct Attribution {
    speaker: Option<(usize, usize)>,
    /// the attribution closes the sentence the quote runs on in (`“…” to …, she said`)
    trailing: bool,
    cue: Option<String>,
    addressee: Option<(usize, usize)>,
}

fn lower(t: &str) -> String {
    t.to_lowercase()
}

fn is_punct(t: &str) -> bool {
    !t.chars().next().is_some_and(char::is_alphanumeric)
}

/// The entities (sorted by start) that start in `[a, b)`.
fn ents_in(ents: &[Entity], a: usize, b: usize) -> &[Entity] {
    dateline_core::starting_in(ents, |e| e.start, a, b)
}

/// Whether token `k` is a full stop that does not end a sentence: that of an abbreviation
/// ("Sen.", an initial) or one closing a parenthesis ("(D-Ore.)").
fn inner_stop(body: &str, toks: &[Token], k: usize) -> bool {
    toks[k].text(body) == "."
        && k > 0
        && toks[k - 1].end == toks[k].start
        && (crate::tokens::is_abbreviation(toks[k - 1].text(body))
            || toks.get(k + 1).is_some_and(|n| n.text(body) == ")")
            || party_state(toks[k - 1].text(body))
                && toks.get(k + 1).is_some_and(|n| n.text(body) == ","))
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

/// Look after the quote, then before it, for a cue verb and its speaker.
fn attribute(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    q: &Raw,
    lex: &Lexicon,
    next_open: usize,
) -> Attribution {
    let none = Attribution {
        trailing: false,
        speaker: None,
        cue: None,
        addressee: None,
    };
    let cue = |t: &str| {
        let l = lower(t);
        lex.quote_verbs.contains(&l) || l == "according"
    };
    // after: tokens from the closing mark to the end of the sentence (or the next quote); a
    // quote closed by a full stop ends its sentence, so what follows is not its attribution
    // (nor when the quote is a phrase running on in its sentence: `“…” by aggressively …`)
    let content = body[q.start..q.end].trim_end();
    let first_after = toks.partition_point(|t| t.start < q.after);
    // attribution-shaped words right after the mark: `” said X`, `” Grubbs said`
    let looks_attributed = {
        let ws: Vec<&str> = toks[first_after..]
            .iter()
            .take(4)
            .map(|t| t.text(body))
            .collect();
        ws.first().is_some_and(|w| cue(w))
            || ws.first().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || PRONOUNS.contains(&lower(w).as_str())
            }) && (ws[1..].iter().any(|w| cue(w)) || ws.get(1..3) == Some(&["went", "on"][..]))
    };
    // a signature after a dash: `“…” ― Pamela Padilla`, `"…" -- Jane Doe, teacher`
    if let Some(sig) = dash_signature(body, q.after) {
        return Attribution {
            trailing: false,
            speaker: Some(sig),
            cue: Some("signature".into()),
            addressee: None,
        };
    }
    // (a quote ending in a nested one: `“… ‘I’m for it, darn it,’” Cruz said`)
    let content_end = content.trim_end_matches(['\u{2019}', '\'']);
    // (a full stop for a comma: `“… missing.” Trump said.`)
    let tight = {
        let ws: Vec<&str> = toks[first_after..]
            .iter()
            .take(3)
            .map(|t| t.text(body))
            .collect();
        ws.len() == 3
            && (ws[0].starts_with(char::is_uppercase) || PRONOUNS.contains(&lower(ws[0]).as_str()))
            && cue(ws[1])
            && ws[2] == "."
    };
    let closed = content_end.ends_with('.') && !tight
        || !content_end.ends_with([',', '?', '!', '\u{2014}', '-', '\u{2026}'])
            && !body[q.after..]
                .trim_start()
                .starts_with([',', '\u{2014}', '-', '\u{2013}'])
            && !looks_attributed;
    let limit = if closed {
        q.after
    } else {
        q.para_end.min(next_open)
    };
    let after: Vec<usize> = (first_after..toks.len())
        .take_while(|&k| toks[k].end <= limit)
        .take(20)
        .collect();
    // the marks around a nickname: `Marcia "Cia" Price`
    let cap = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text(body).starts_with(char::is_uppercase))
    };
    let mark = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.text(body), "\"" | "\u{201c}" | "\u{201d}"))
    };
    let nick_mark = |k: usize| {
        k > 0 && cap(k - 1) && cap(k + 1) && mark(k + 2) && cap(k + 3)
            || k > 1 && mark(k - 2) && cap(k - 1) && cap(k - 3) && cap(k + 1)
    };
    let mut seq = Vec::new();
    for &k in &after {
        let t = toks[k].text(body);
        if toks[k].start >= limit {
            break;
        }
        let quote_mark = matches!(t, "\"" | "\u{201c}" | "\u{201d}");
        if quote_mark && nick_mark(k) {
            continue;
        }
        if matches!(t, "." | "!" | "?" | "\"" | "\u{201c}") && !inner_stop(body, toks, k) {
            break;
        }
        seq.push(k);
    }
    if let Some(sp) = as_put_it(body, toks, &seq) {
        return Attribution {
            trailing: false,
            speaker: Some(sp),
            cue: Some("put it".into()),
            addressee: None,
        };
    }
    // (not "state" before a title: "state Del. Marcia Price")
    let adjective = |k: usize| {
        matches!(toks[k].text(body), "state" | "State")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.text(body).starts_with(char::is_uppercase))
    };
    // (not a clause going on after the quote: `“…,” for instance, and Trump vowed`)
    let new_clause = |pos: usize| {
        let first_word = seq[..pos]
            .iter()
            .map(|&k| toks[k].text(body))
            .find(|w| !is_punct(w));
        first_word.is_some_and(|w| {
            let l = lower(w);
            w.starts_with(char::is_lowercase)
                && !PRONOUNS.contains(&l.as_str())
                && !matches!(
                    l.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "one"
                        | "another"
                        | "state"
                        | "former"
                        | "both"
                        | "two"
                        | "three"
                        | "several"
                        | "some"
                )
        }) && {
            // a conjunction before any name
            let conj = seq[..pos].iter().position(|&k| {
                matches!(lower(toks[k].text(body)).as_str(), "and" | "but" | "while")
            });
            let name = seq[..pos]
                .iter()
                .position(|&k| toks[k].text(body).starts_with(char::is_uppercase));
            conj.is_some_and(|c| name.is_none_or(|n| c < n))
        }
    };
    // "he went on" as a cue
    let went_on = |k: usize| {
        matches!(toks[k].text(body), "went" | "goes")
            && toks.get(k + 1).is_some_and(|n| n.text(body) == "on")
    };
    // a participle right after the quote goes on with the sentence's own subject (`there is
    // “…” adding that …`)
    let participle_after = |pos: usize| {
        let w = lower(toks[seq[pos]].text(body));
        seq[..pos].iter().all(|&k| is_punct(toks[k].text(body)))
            && w.ends_with("ing")
            && w != "according"
    };
    // `” Trump barked.`, `” Bennett shot back with a laugh`: a name and a verb in the past
    // the reporting-verb list does not hold, closing the attribution
    if !closed && seq.len() >= 2 {
        let mut j = 0;
        while j < seq.len().min(3) && {
            let t = toks[seq[j]].text(body);
            t.starts_with(char::is_uppercase) && !is_punct(t)
        } {
            j += 1;
        }
        let pronoun = j == 0 && PRONOUNS.contains(&lower(toks[seq[0]].text(body)).as_str());
        let j = if pronoun { 1 } else { j };
        if j > 0 && j < seq.len() {
            let v = toks[seq[j]].text(body);
            let past = v.len() > 3
                && v.chars().all(char::is_lowercase)
                && (v.ends_with("ed") || matches!(v, "shot" | "began" | "bit" | "spoke"));
            let closes = seq.get(j + 1).is_none_or(|&n| {
                matches!(
                    toks[n].text(body),
                    "." | ","
                        | "back"
                        | "as"
                        | "with"
                        | "before"
                        | "after"
                        | "while"
                        | "at"
                        | "in"
                        | "on"
                        | "from"
                )
            });
            let known = cue(v) || went_on(seq[j]);
            let sp = span(toks, &seq[..j]);
            if past && closes && !known && sp.is_some_and(|s| plausible_subject(body, ents, s)) {
                return Attribution {
                    trailing: false,
                    speaker: sp,
                    cue: Some(v.to_string()),
                    addressee: None,
                };
            }
        }
    }
    if let Some(pos) = seq
        .iter()
        .position(|&k| (cue(toks[k].text(body)) || went_on(k)) && !adjective(k))
        .filter(|&pos| !new_clause(pos) && !participle_after(pos))
    {
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
            return Attribution {
                trailing: false,
                speaker: span(toks, &rest),
                cue: Some("according to".into()),
                addressee: None,
            };
        }
        // "X was quoted/cited as saying": the subject is before "was"
        let subj: Vec<usize> = before
            .iter()
            .copied()
            .take_while(|&k| {
                !matches!(
                    lower(toks[k].text(body)).as_str(),
                    "was" | "is" | "has" | "had" | "were"
                )
            })
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
                // one: `” Cruz, who has proposed …, said`
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
            return Attribution {
                trailing: false,
                speaker: subj_span,
                cue: Some(cue_text),
                addressee,
            };
        }
        if subj.is_empty() && !rest.is_empty() {
            return Attribution {
                trailing: false,
                speaker: span(toks, &rest),
                cue: Some(cue_text),
                addressee: None,
            };
        }
    }
    // the agent of a passive labelling verb: `“extremely careless” – as described by FBI
    // Director James Comey`, `labeled a “witch hunt” by Democrats`
    if let Some(a) = by_agent(body, toks, q, first_after, &cue) {
        return a;
    }
    // before: the sentence part in front of the opening mark, ending in a cue (and ":" or ",")
    if let Some(a) = before_cue(body, toks, ents, q.para_start, q.open, &cue) {
        return a;
    }
    // a quote running on in its sentence, attributed at the sentence's end: `“…” to drive up
    // the price, she said.`
    if closed && !content.ends_with(['.', '!', '?']) {
        if let Some(a) = trailing_attribution(body, toks, first_after, q.para_end, &cue) {
            return a;
        }
    }
    // an opening gerund clause ("After saying her foot was “so swollen …,” she was …"):
    // the main clause's subject right after the quote
    {
        let open = toks.partition_point(|t| t.start < q.open);
        let start = (toks.partition_point(|t| t.start < q.para_start)..open)
            .rev()
            .find(|&k| matches!(toks[k].text(body), "." | "!" | "?") && !inner_stop(body, toks, k))
            .map_or(toks.partition_point(|t| t.start < q.para_start), |k| k + 1);
        let opens_with_gerund = open > start + 1
            && SUBORDINATORS.contains(&lower(toks[start].text(body)).as_str())
            && toks[start + 1].text(body).ends_with("ing")
            && cue(toks[start + 1].text(body));
        if opens_with_gerund {
            if let Some(&k) = seq.first() {
                let w = toks[k].text(body);
                let person = ents_in(ents, toks[k].start, toks[k].start + 1)
                    .iter()
                    .find(|e| e.kind == EntityType::Person)
                    .map(|e| (e.start, e.end));
                let sp = if PRONOUNS.contains(&lower(w).as_str()) && w != "it" {
                    Some((toks[k].start, toks[k].end))
                } else {
                    person
                };
                if sp.is_some() {
                    return Attribution {
                        trailing: false,
                        speaker: sp,
                        cue: Some(lower(toks[start + 1].text(body))),
                        addressee: None,
                    };
                }
            }
        }
    }
    // a name and a colon introducing the quote: `… overhype - HuffPollster: “…”`
    if let Some(sp) = colon_name(body, ents, q) {
        return Attribution {
            trailing: false,
            speaker: Some(sp),
            cue: Some(":".into()),
            addressee: None,
        };
    }
    // a transcript line: "PENCE: Well, look, ..."
    let mut head_end = q.end.min(q.start + 60);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &body[q.start..head_end];
    if let Some(colon) = head.find(':') {
        let name = &head[..colon];
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2
            && name.split_whitespace().count() <= 3
            && name
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        {
            return Attribution {
                trailing: false,
                speaker: Some((q.start, q.start + colon)),
                cue: Some("transcript".into()),
                addressee: None,
            };
        }
    }
    // an introducing paragraph of its own: "Caddell continued:" / "The New York Times reports:"
    let prev_end = body[..q.para_start].trim_end().len();
    if body[..prev_end].ends_with(':') {
        let prev_start = body[..prev_end].rfind("\n\n").map(|i| i + 2).unwrap_or(0);
        if prev_end - prev_start < 200 {
            if let Some(a) = before_cue(body, toks, ents, prev_start, prev_end, &cue) {
                return a;
            }
        }
    }
    none
}

/// The agent after "by" of a passive verb of saying or labelling around the quote: after it
/// (`” – as described by X`) or before it in its clause (`labeled as a “…” by X`). X is one to
/// five capitalised words.
fn by_agent(
    body: &str,
    toks: &[Token],
    q: &Raw,
    first_after: usize,
    cue: &dyn Fn(&str) -> bool,
) -> Option<Attribution> {
    let labelling = |w: &str| {
        let l = lower(w);
        l.ends_with("ed") && (cue(&l) || MIXED_CUES.contains(&l.as_str()))
    };
    let open = toks.partition_point(|t| t.start < q.open);
    let label_before = (open.saturating_sub(4)..open)
        .find(|&k| MIXED_CUES.contains(&lower(toks[k].text(body)).as_str()));
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
    (j > by + 1).then(|| Attribution {
        trailing: true,
        speaker: Some((toks[by + 1].start, toks[j - 1].end)),
        cue: Some(lower(toks[verb].text(body))),
        addressee: None,
    })
}

/// One to four capitalised words (after a dash, or opening the line) and a colon right before
/// the quote's opening mark: their byte span.
fn colon_name(body: &str, ents: &[Entity], q: &Raw) -> Option<(usize, usize)> {
    let head = body[q.para_start..q.open].trim_end();
    let head = head.strip_suffix(':')?;
    let end = q.para_start + head.len();
    let from = head.rfind([' ', '\n']).map_or(0, |i| i + 1);
    // back over capitalised words
    let mut start = q.para_start + from;
    let mut words = 1;
    let mut rest = &head[..from];
    while words < 4 {
        let r = rest.trim_end();
        let w_start = r.rfind([' ', '\n']).map_or(0, |i| i + 1);
        let w = &r[w_start..];
        if w.is_empty() || !w.starts_with(char::is_uppercase) {
            break;
        }
        start = q.para_start + w_start;
        rest = &r[..w_start];
        words += 1;
    }
    let before = body[q.para_start..start].trim_end();
    let opens = before.is_empty() || before.ends_with(['-', '\u{2013}', '\u{2014}']);
    let name = &body[start..end];
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    let named = !ents_in(ents, start, end).is_empty();
    (opens && capitalised && (named || words <= 2) && !name.is_empty()).then_some((start, end))
}

/// `, she said` or `, Warren said` closing the sentence that runs on after a quote: a comma, a
/// pronoun or one to four capitalised words, then a cue verb. Tokens from `first` up to the
/// sentence's end or the next opening mark.
fn trailing_attribution(
    body: &str,
    toks: &[Token],
    first: usize,
    next_open: usize,
    cue: &dyn Fn(&str) -> bool,
) -> Option<Attribution> {
    // (over other quoted words in the sentence: `was “stagnant” as donors waited to see how
    // a “turbulent cycle” played out, he said`)
    let mut end = first;
    while end < toks.len() && end < first + 60 && toks[end].start < next_open {
        let t = toks[end].text(body);
        if matches!(t, "!" | "?") || t == "." && !inner_stop(body, toks, end) {
            break;
        }
        end += 1;
    }
    let capitalised = |k: usize| {
        toks[k]
            .text(body)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    (first..end).find_map(|i| {
        if toks[i].text(body) != "," {
            return None;
        }
        // inverted: `…, said Christine Link, executive director of …`
        if toks.get(i + 1).is_some_and(|t| cue(t.text(body))) && i + 2 < end {
            let mut j = i + 2;
            while j < end && j < i + 8 && (capitalised(j) || inner_stop(body, toks, j)) {
                j += 1;
            }
            let closes = j == end || matches!(toks[j].text(body), "," | ".");
            if j > i + 2 && closes && capitalised(i + 2) {
                return Some(Attribution {
                    trailing: true,
                    speaker: Some((toks[i + 2].start, toks[j - 1].end)),
                    cue: Some(lower(toks[i + 1].text(body))),
                    addressee: None,
                });
            }
        }
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
        (cue(verb.text(body)) && closes).then(|| Attribution {
            trailing: true,
            speaker: Some((toks[i + 1].start, toks[j - 1].end)),
            cue: Some(lower(verb.text(body))),
            addressee: None,
        })
    })
}

/// A quote inside a sentence with no reporting verb ("Hollande condemned the “…”", "Moore
/// thanked him for “…”"): the subject of the sentence before the opening mark, if the quote
/// does not open the sentence.
fn subject_of_sentence_before(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    q: &Raw,
    sent: Option<&Sentence>,
) -> Option<(usize, usize)> {
    let open = toks.partition_point(|t| t.start < q.open);
    let para = toks.partition_point(|t| t.start < q.para_start);
    let lo = sent.map_or(para, |s| s.tok_start.max(para));
    if open < lo + 2 {
        return None;
    }
    sentence_subject(body, toks, ents, lo, open)
}

/// The name after a dash that closes a quote's line (`” ― Pamela Padilla`, `" -- Jane Doe,
/// teacher`): two to five capitalised words running to the end of the line, a comma or a
/// full stop. Byte span of the name.
fn dash_signature(body: &str, after: usize) -> Option<(usize, usize)> {
    let rest = body.get(after..)?;
    let inline_space = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    let trimmed = rest.trim_start_matches(inline_space);
    // or on the next line: `“…”¶-Jane Doe, Philadelphia.`
    let next_line = trimmed.starts_with('\n')
        && trimmed.trim_start_matches(['\n', '\r']).len() + 2 >= trimmed.len();
    let trimmed = if next_line {
        trimmed.trim_start_matches(['\n', '\r', ' '])
    } else {
        trimmed
    };
    let dash = ["\u{2015}", "\u{2014}", "\u{2013}", "--", "-"]
        .iter()
        .filter(|d| **d != "-" || next_line)
        .find(|d| trimmed.starts_with(**d))?;
    let name_part = trimmed[dash.len()..].trim_start_matches(inline_space);
    let start = body.len() - body[after..].len() + (rest.len() - name_part.len());
    let line_end = name_part
        .find(['\n', ',', ';', '('])
        .unwrap_or(name_part.len());
    let line = name_part[..line_end].trim_end().trim_end_matches('.');
    let words: Vec<&str> = line.split_whitespace().collect();
    // (one word only on a line of its own: `“…”¶¶- Sanders.`)
    let own_line = next_line
        && (line_end == name_part.len()
            || name_part[line_end..]
                .trim_start_matches(['.', ' '])
                .starts_with('\n'));
    let ok = (if own_line { 1..=5 } else { 2..=5 }).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (w.len() <= 3 && w.chars().all(|c| c.is_lowercase()))
        })
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    ok.then_some((start, start + line.len()))
}

/// "as X put it" (or "puts it") among the tokens `ks`, the last one: X's byte span. X is a
/// name or a noun phrase of at most eight words.
fn as_put_it(body: &str, toks: &[Token], ks: &[usize]) -> Option<(usize, usize)> {
    let put = ks.iter().rposition(|&k| {
        matches!(toks[k].text(body), "put" | "puts")
            && toks.get(k + 1).is_some_and(|t| t.text(body) == "it")
    })?;
    let as_at = ks[..put]
        .iter()
        .rposition(|&k| lower(toks[k].text(body)) == "as")?;
    let between = &ks[as_at + 1..put];
    // the name before an apposition: "as John Cornyn, the No. 2 in the GOP leadership, put it"
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

/// A cue verb and its subject in `body[start..end]`, read backwards from `end`.
fn before_cue(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    start: usize,
    end: usize,
    cue: &dyn Fn(&str) -> bool,
) -> Option<Attribution> {
    let lo = toks.partition_point(|t| t.start < start);
    let hi = toks.partition_point(|t| t.end <= end);
    let before: Vec<usize> = (lo.max(hi.saturating_sub(80))..hi.max(lo)).collect();
    let tail: Vec<usize> = before
        .iter()
        .rev()
        .take_while(|&&k| {
            let t = toks[k].text(body);
            !matches!(t, "." | "!" | "?" | "\"" | "\u{201d}") || inner_stop(body, toks, k)
        })
        .copied()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // "as the Times put it, “…”"
    if let Some(sp) = as_put_it(body, toks, &tail) {
        return Some(Attribution {
            trailing: false,
            speaker: Some(sp),
            cue: Some("put it".into()),
            addressee: None,
        });
    }
    // "according to X: “…”"
    if let Some(p) = tail
        .iter()
        .rposition(|&k| lower(toks[k].text(body)) == "according")
    {
        let rest: Vec<usize> = tail[p + 1..]
            .iter()
            .copied()
            .skip_while(|&k| lower(toks[k].text(body)) == "to")
            .take_while(|&k| !matches!(toks[k].text(body), "," | ":" | ";"))
            .collect();
        if !rest.is_empty() && rest.len() <= 8 {
            return Some(Attribution {
                trailing: false,
                speaker: span(toks, &rest),
                cue: Some("according to".into()),
                addressee: None,
            });
        }
    }
    let pos = tail
        .iter()
        .rposition(|&k| cue(toks[k].text(body)) && verb_use(body, toks, k));
    let pos = pos?;
    let lo = tail.first().copied().unwrap_or(0);
    let c = tail[pos];
    let word = lower(toks[c].text(body));
    // the speaker after the cue: "said Solovey, “…”", "explained Rosenberg: “…”" (not after
    // a verb taking an object: in "Assad told Putin: “…”" Putin is addressed)
    let takes_object = matches!(
        word.as_str(),
        "told"
            | "tells"
            | "tell"
            | "asked"
            | "asks"
            | "warned"
            | "warns"
            | "urged"
            | "urges"
            | "informed"
            | "assured"
            | "reminded"
            | "thanked"
            | "congratulated"
            // a labelling verb's object: "Trump called Clinton, his rival, an ISIS “co-founder”"
            | "called"
            | "calls"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "branded"
            | "termed"
    );
    if let Some(&next) = tail.get(pos + 1).filter(|_| !takes_object) {
        let at = toks[next].start;
        if let Some(e) = ents_in(ents, at, at + 1)
            .iter()
            .find(|e| matches!(e.kind, EntityType::Person | EntityType::Org))
        {
            let after = toks.partition_point(|t| t.start < e.end);
            if toks
                .get(after)
                .is_some_and(|t| matches!(t.text(body), "," | ":"))
            {
                return Some(Attribution {
                    trailing: false,
                    speaker: Some((e.start, e.end)),
                    cue: Some(word),
                    addressee: None,
                });
            }
        }
    }
    // "X did Y, saying …": the participle's subject is the sentence's
    let participle = word.ends_with("ing")
        && c > lo
        && matches!(
            lower(toks[c - 1].text(body)).as_str(),
            "," | "while" | "before" | "after" | "when" | "by"
        );
    // a gerund after a preposition ("… and for saying that …"): the nearest personal
    // pronoun before it is its subject ("where he appeared … for saying")
    if word.ends_with("ing")
        && c > lo
        && matches!(
            lower(toks[c - 1].text(body)).as_str(),
            "for" | "of" | "about" | "without" | "from"
        )
    {
        if let Some(k) = (lo..c - 1)
            .rev()
            .find(|&k| matches!(lower(toks[k].text(body)).as_str(), "he" | "she" | "they"))
        {
            return Some(Attribution {
                trailing: false,
                speaker: Some((toks[k].start, toks[k].end)),
                cue: Some(word),
                addressee: None,
            });
        }
    }
    let named = |s: (usize, usize)| plausible_subject(body, ents, s);
    let subj = if participle {
        None
    } else {
        let raw = subject_before(body, toks, lo, c);
        // "Andanar released a statement saying": the document's author, the subject of the
        // verb before it
        let document = raw.filter(|&(a, b)| {
            NOT_SPEAKERS.contains(&body[a..b].split_whitespace().last().unwrap_or(""))
        });
        let np = document.map(|(a, _)| toks.partition_point(|t| t.start < a));
        let verb_before = np.filter(|&np| {
            np > lo + 1
                && toks[np - 1]
                    .text(body)
                    .chars()
                    .all(|ch| ch.is_lowercase() && ch.is_alphabetic())
        });
        match verb_before {
            Some(np) => subject_before(body, toks, lo, np - 1)
                .filter(|&s| named(s))
                .or(raw.filter(|&s| named(s))),
            None => raw.filter(|&s| named(s)),
        }
    };
    let (a, b) = subj.or_else(|| sentence_subject(body, toks, ents, lo, c))?;
    // "X mocked the complaint, saying anybody who complains …": a relative clause with no
    // name to hang on is inside what an earlier cue reports
    if matches!(&body[a..b], "who" | "that" | "which") {
        let named_before = ents[..ents.partition_point(|e| e.start < a)]
            .iter()
            .rev()
            .take(2)
            .any(|e| {
                matches!(e.kind, EntityType::Person | EntityType::Org)
                    && e.end <= a
                    && a - e.end < 40
            });
        if !named_before {
            if let Some(outer) = before_cue(body, toks, ents, start, toks[c].start, cue) {
                return Some(outer);
            }
        }
    }
    // reported inside an earlier report: "Meeks said Clinton reassured them that “…”" is
    // Meeks's account (the outer speaker's), as the attribution corpora read it
    let first = toks.partition_point(|t| t.start < a);
    if first > lo + 1 && !participle {
        let mut k = first - 1;
        if lower(toks[k].text(body)) == "that" && k > lo {
            k -= 1;
        }
        let w = lower(toks[k].text(body));
        if matches!(
            w.as_str(),
            "said"
                | "says"
                | "told"
                | "tells"
                | "added"
                | "argued"
                | "claimed"
                | "wrote"
                | "insisted"
        ) && verb_use(body, toks, k)
        {
            if let Some(outer) =
                subject_before(body, toks, lo, k).filter(|&s| plausible_subject(body, ents, s))
            {
                return Some(Attribution {
                    trailing: false,
                    speaker: Some(outer),
                    cue: Some(w),
                    addressee: None,
                });
            }
        }
    }
    Some(Attribution {
        trailing: false,
        speaker: Some((a, b)),
        cue: Some(word),
        addressee: None,
    })
}

/// The subject of the sentence whose tokens run from `lo` to the cue: its first person or
/// organisation named, or its first personal pronoun.
fn sentence_subject(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    lo: usize,
    cue: usize,
) -> Option<(usize, usize)> {
    // an opening subordinate clause is not the main clause: "Although the IMF did not …, it
    // referenced “…”"
    let lo = match toks.get(lo) {
        Some(t) if SUBORDINATORS.contains(&lower(t.text(body)).as_str()) => {
            let comma = (lo + 1..cue).find(|&k| toks[k].text(body) == ",");
            match comma {
                Some(c) if c + 1 < cue => {
                    let main = toks[c + 1].text(body);
                    if PRONOUNS.contains(&lower(main).as_str()) {
                        return Some((toks[c + 1].start, toks[c + 1].end));
                    }
                    c + 1
                }
                _ => lo,
            }
        }
        _ => lo,
    };
    // a plural noun phrase opening the sentence before its verb: "Small groups of protesters
    // continued to …, chanting “…”"
    if let Some(np) = opening_plural_np(body, toks, ents, lo, cue) {
        return Some(np);
    }
    for (k, t) in toks[lo..cue].iter().enumerate() {
        // "Meanwhile, it attacked Trump, saying …": "it" opening the clause
        if lower(t.text(body)) == "it"
            && (k == 0 || toks[lo + k - 1].text(body) == ",")
            && toks.get(lo + k + 1).is_some_and(|n| {
                let w = n.text(body);
                w.len() > 3 && w.ends_with("ed") && w.chars().all(char::is_lowercase)
            })
        {
            return Some((t.start, t.end));
        }
        if let Some(e) = ents_in(ents, t.start, t.start + 1)
            .iter()
            .find(|e| matches!(e.kind, EntityType::Person | EntityType::Org))
        {
            // a possessor opening the sentence: the noun phrase it owns ("Scott's family
            // has called …")
            if k == 0 && possessor(body, e, toks[cue.saturating_sub(1).max(lo)].end) {
                let from = toks.partition_point(|u| u.start < e.end);
                let mut j = from;
                while j < cue
                    && j < from + 5
                    && (matches!(toks[j].text(body), "'s" | "\u{2019}s" | "'" | "\u{2019}")
                        || j > from && {
                            let w = toks[j].text(body);
                            w.chars().all(|c| c.is_lowercase() || c == '-')
                                && !w.ends_with("ed")
                                && !matches!(
                                    w,
                                    "has"
                                        | "have"
                                        | "had"
                                        | "is"
                                        | "was"
                                        | "are"
                                        | "were"
                                        | "will"
                                        | "would"
                                        | "can"
                                        | "could"
                                        | "should"
                                        | "did"
                                        | "does"
                                        | "says"
                                        | "said"
                                        | "who"
                                )
                        }
                        || j == from && toks[j].text(body).chars().all(char::is_lowercase))
                {
                    j += 1;
                }
                if j > from && j <= cue {
                    return Some((e.start, toks[j - 1].end));
                }
            }
            // an organisation after a preposition ("His partner at Lenox, Lawrence
            // Cummings, called …") when a person follows: the person
            let in_pp = k > 0
                && matches!(
                    lower(toks[lo + k - 1].text(body)).as_str(),
                    "at" | "of" | "in" | "for" | "from" | "with" | "by"
                );
            let person_after = || {
                toks[lo + k + 1..cue].iter().find_map(|u| {
                    ents_in(ents, u.start, u.start + 1)
                        .iter()
                        .find(|x| x.kind == EntityType::Person && x.start >= e.end)
                        .map(|x| (x.start, x.end))
                })
            };
            if in_pp {
                if let Some(p) = person_after() {
                    return Some(p);
                }
            }
            return Some((e.start, e.end));
        }
        if matches!(
            lower(t.text(body)).as_str(),
            "he" | "she" | "they" | "we" | "i"
        ) {
            return Some((t.start, t.end));
        }
    }
    // a noun phrase with an article opening the sentence: "The Republican nominee also
    // outlined his plan and vowed “…”"
    if matches!(lower(toks.get(lo)?.text(body)).as_str(), "the" | "a" | "an") {
        let end = (lo + 1..cue.min(lo + 6)).find(|&j| {
            let w = lower(toks[j].text(body));
            is_punct(&w)
                || ADVERBS.contains(&w.as_str())
                || w.ends_with("ed")
                || w == "who"
                || IRREGULAR_PAST.contains(&w.as_str())
        });
        // or the words run up to the verb: "A document on the campaign's website states"
        let end = end.or_else(|| {
            (cue <= lo + 9
                && toks.get(cue).is_some_and(|t| !is_punct(t.text(body)))
                && toks[lo + 1..cue].iter().all(|t| {
                    let w = t.text(body);
                    !is_punct(w) || w == "'s" || w == "\u{2019}s"
                }))
            .then_some(cue)
        });
        if let Some(j) = end.filter(|&j| j >= lo + 2) {
            let head = toks[j - 1].text(body);
            if head.chars().all(char::is_lowercase) && head.len() > 2 {
                return Some((toks[lo].start, toks[j - 1].end));
            }
        }
    }
    // a plural noun opening the sentence: "Protesters marching through the streets chanted"
    let first = toks.get(lo)?.text(body);
    let next = toks.get(lo + 1).map_or("", |t| t.text(body));
    (lo + 1 < cue
        && first.len() >= 5
        && first.ends_with('s')
        && !first.ends_with("ss")
        && first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && next.chars().next().is_some_and(char::is_lowercase))
    .then(|| (toks[lo].start, toks[lo].end))
}

/// Irregular past tenses that end a sentence's subject ("The Florida senator sought …").
const IRREGULAR_PAST: &[&str] = &[
    "sought", "sent", "took", "made", "gave", "told", "met", "went", "came", "left", "said",
    "held", "won", "lost", "saw", "spoke", "wrote", "brought", "thought", "felt", "kept", "began",
    "ran", "stood", "led", "became", "got", "found", "paid", "knew", "grew", "drew", "struck",
    "fought", "chose", "rose", "fell", "broke", "threw",
];

/// Words opening a subordinate clause (or a phrase) before a sentence's main clause.
const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "when", "after", "before", "because", "if", "since", "unless",
    "until", "despite", "whereas", "once", "as",
];

/// A noun phrase opening a sentence whose head is a plural noun followed by a past-tense verb,
/// with no name in it: "Small groups of protesters continued", "Many residents warned".
fn opening_plural_np(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    lo: usize,
    cue: usize,
) -> Option<(usize, usize)> {
    let first = toks.get(lo)?.text(body);
    let l = lower(first);
    if !first.starts_with(char::is_uppercase)
        || !ents_in(ents, toks[lo].start, toks[lo].end).is_empty()
        || matches!(l.as_str(), "the" | "a" | "an")
        || SUBORDINATORS.contains(&l.as_str())
        || PRONOUNS.contains(&l.as_str())
    {
        return None;
    }
    // (or the cue itself: "Legal observers note “…”")
    let verb = (lo + 2..(cue + 1).min(lo + 7)).find(|&j| {
        let w = toks[j].text(body);
        w.chars().all(char::is_lowercase)
            && (w.len() > 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w) || j == cue)
    })?;
    let head = toks[verb - 1].text(body);
    // (a noun phrase: no participle, no preposition but "of")
    let words_ok = toks[lo + 1..verb].iter().all(|t| {
        let w = t.text(body);
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && !w.ends_with("ing")
            && !matches!(
                w,
                "through"
                    | "in"
                    | "at"
                    | "on"
                    | "into"
                    | "from"
                    | "with"
                    | "across"
                    | "near"
                    | "by"
                    | "for"
                    | "to"
            )
    });
    (words_ok && head.len() > 3 && head.ends_with('s') && !head.ends_with("ss"))
        .then(|| (toks[lo].start, toks[verb - 1].end))
}

/// Whether a span can be who speaks: it holds a name (person, organisation, place, group),
/// is a pronoun, a short noun phrase with a determiner ("the former governor"), or a few
/// capitalised words (a name the tagger missed).
fn plausible_subject(body: &str, ents: &[Entity], (a, b): (usize, usize)) -> bool {
    let text = &body[a..b];
    let first = lower(text.split_whitespace().next().unwrap_or(""));
    // the object of a preposition is no subject ("marching through the streets chanted")
    let word_before = lower(
        body[..a]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .unwrap_or(""),
    );
    if matches!(
        word_before.as_str(),
        "through"
            | "in"
            | "at"
            | "on"
            | "into"
            | "across"
            | "from"
            | "with"
            | "under"
            | "over"
            | "near"
            | "around"
            | "of"
    ) && ents_in(ents, a, b).is_empty()
    {
        return false;
    }
    ents_in(ents, a, b).iter().any(|e| {
        e.end <= b
            && matches!(
                e.kind,
                EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
            )
    }) || PRONOUNS.contains(&first.as_str())
        || first == "who"
        || matches!(
            first.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "another"
        ) && text.split_whitespace().count() <= 6
        || text.split_whitespace().count() <= 4
            && !SUBORDINATORS.contains(&first.as_str())
            && text
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Documents someone issues: in "X released a statement saying “…”" X is the speaker.
const NOT_SPEAKERS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "release",
    "memo",
    "note",
    "message",
    "email",
    "document",
];

/// Whether a cue word is used as a verb here: not capitalised inside a sentence ("Secretary
/// of State") and not after a determiner or "of" ("the statement", "his comments").
fn verb_use(body: &str, toks: &[Token], k: usize) -> bool {
    let t = toks[k].text(body);
    if t.chars().next().is_some_and(char::is_uppercase) && k > 0 {
        let p = toks[k - 1].text(body);
        if !matches!(p, "." | "\"" | "\u{201c}" | "\u{201d}" | "," | ":") {
            return false;
        }
    }
    // "Kim's mental state", "her early-morning tweets": a noun after a possessive
    if k >= 2
        && matches!(
            lower(toks[k - 2].text(body)).as_str(),
            "'s" | "\u{2019}s" | "his" | "her" | "their" | "its" | "my" | "our" | "your"
        )
        && toks[k - 1]
            .text(body)
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
    {
        return false;
    }
    // "early-morning tweets": a plural that is also a noun, after a hyphenated modifier
    if k >= 1
        && matches!(
            t,
            "tweets"
                | "comments"
                | "remarks"
                | "statements"
                | "claims"
                | "posts"
                | "reports"
                | "notes"
                | "replies"
                | "messages"
                | "warnings"
                | "calls"
                | "chants"
        )
        && {
            let p = toks[k - 1].text(body);
            p.contains('-') && p.len() > 3 && p.chars().all(|c| c.is_lowercase() || c == '-')
        }
    {
        return false;
    }
    k == 0
        || !matches!(
            lower(toks[k - 1].text(body)).as_str(),
            "'s" | "\u{2019}s"
                | "the"
                | "a"
                | "an"
                | "of"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "this"
                | "these"
                | "those"
        )
}

/// Words skipped between a subject and its cue verb: adverbs, auxiliaries and the
/// "was quoted as (saying)" frame.
const ADVERBS: &[&str] = &[
    "as",
    "quoted",
    "cited",
    "been",
    "being",
    "also",
    "then",
    "later",
    "recently",
    "previously",
    "once",
    "again",
    "still",
    "further",
    "repeatedly",
    "often",
    "never",
    "had",
    "has",
    "have",
    "was",
    "is",
    "were",
    "would",
    "will",
    "has",
    "did",
    "does",
    "not",
    "had",
    "reportedly",
    "publicly",
    "privately",
    "finally",
];

/// The subject right before the cue verb at token `cue` (tokens from `lo`): an entity ending
/// there (or before an apposition: "Jane Roe, a lawyer for the family, said"), a pronoun, or a
/// noun phrase back to its determiner ("the former secretary of state").
fn subject_before(body: &str, toks: &[Token], lo: usize, cue: usize) -> Option<(usize, usize)> {
    let mut k = cue;
    while k > lo && {
        let w = lower(toks[k - 1].text(body));
        ADVERBS.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4)
    } {
        k -= 1;
    }
    if k <= lo {
        return None;
    }
    // a parenthesis between the name and the verb: "Sen. Marco Rubio (R-Fla.) said"
    if toks[k - 1].text(body) == ")" {
        let open = (lo..k - 1)
            .rev()
            .take(8)
            .find(|&i| toks[i].text(body) == "(")?;
        k = open;
        if k <= lo {
            return None;
        }
    }
    let mut last = k - 1;
    let word = |i: usize| lower(toks[i].text(body));
    // "Mills then writes back": an adverb between the subject and its verb
    if word(last) == "then" && last > lo && !matches!(word(last - 1).as_str(), "and" | "," | "but")
    {
        last -= 1;
    }
    if matches!(
        word(last).as_str(),
        "to" | "would" | "will" | "could" | "should" | "might" | "and" | "but" | "then"
    ) {
        // an infinitive, a modal or a second verb ("… and said"): the subject is further back
        return None;
    }
    if toks[last].text(body) == "," {
        // an apposition: back to the comma that opens it, the subject before that
        let open = (lo..last)
            .rev()
            .take(20)
            .find(|&i| toks[i].text(body) == ",")?;
        // a name in apposition to a description: "her senior policy adviser, Jake
        // Sullivan, said"
        let inner = &toks[open + 1..last];
        let name = !inner.is_empty()
            && inner.len() <= 4
            && inner
                .iter()
                .all(|t| t.text(body).starts_with(char::is_uppercase) || t.text(body) == ".");
        let before = open
            .checked_sub(1)
            .filter(|&b| b >= lo)
            .map(|b| toks[b].text(body));
        if name && before.is_some_and(|w| w.chars().all(|c| c.is_lowercase())) {
            return Some((inner[0].start, inner[inner.len() - 1].end));
        }
        if open > lo {
            return noun_phrase(body, toks, lo, open - 1);
        }
        return None;
    }
    if is_punct(toks[last].text(body)) {
        return None;
    }
    if PRONOUNS.contains(&word(last).as_str()) || word(last) == "who" {
        return Some((toks[last].start, toks[last].end));
    }
    noun_phrase(body, toks, lo, last)
}

/// The noun phrase ending at token `last`: back over words to a determiner (kept) or to a
/// clause boundary (punctuation, a conjunction, "that"), at most eight tokens.
fn noun_phrase(body: &str, toks: &[Token], lo: usize, last: usize) -> Option<(usize, usize)> {
    let mut first = last;
    while first > lo && last - first < 8 {
        let w = lower(toks[first].text(body));
        if matches!(
            w.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
        ) && first < last
        {
            break;
        }
        let p = lower(toks[first - 1].text(body));
        if is_punct(&p) && p != "'s" && p != "’s"
            || matches!(
                p.as_str(),
                "and"
                    | "but"
                    | "or"
                    | "that"
                    | "when"
                    | "while"
                    | "because"
                    | "if"
                    | "as"
                    | "after"
                    | "before"
                    | "since"
                    | "which"
                    | "who"
                    | "where"
                    | "so"
            )
        {
            break;
        }
        first -= 1;
    }
    if is_punct(toks[first].text(body)) || lower(toks[first].text(body)) == "that" && first == last
    {
        return None;
    }
    Some((toks[first].start, toks[last].end))
}

fn span(toks: &[Token], ks: &[usize]) -> Option<(usize, usize)> {
    Some((toks[*ks.first()?].start, toks[*ks.last()?].end))
}

/// Turn a speaker span into a speaker: an entity inside it, else a pronoun or description
/// resolved to the last person named before `pos`.
/// Whether a name is in the possessive with more words after it before byte `b`
/// ("Obama's former strategist").
fn possessor(body: &str, e: &Entity, b: usize) -> bool {
    let rest = &body[e.end.min(b)..b];
    // (and the plural's bare apostrophe: "Sanders’ campaign")
    let bare = e.text.ends_with('s') && (rest.starts_with('\'') || rest.starts_with('\u{2019}'))
        || e.text.ends_with("s'")
        || e.text.ends_with("s\u{2019}");
    let owns = e.text.ends_with("'s")
        || e.text.ends_with("\u{2019}s")
        || rest.starts_with("'s")
        || rest.starts_with("\u{2019}s")
        || bare;
    let after = rest
        .trim_start_matches("'s")
        .trim_start_matches("\u{2019}s")
        .trim_start_matches(['\'', '\u{2019}'])
        .trim_start();
    owns && after.starts_with(|c: char| c.is_alphabetic())
}

/// A name without its possessive ending ("Oz’s" → "Oz").
fn strip_possessive(name: &str) -> String {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
        .to_string()
}

fn speaker_of(body: &str, ents: &[Entity], (a, b): (usize, usize), pos: usize) -> Option<Speaker> {
    // a name in the possessive with more words after it is not who speaks ("Obama's former
    // strategist said", "Scott's niece, state Del. Marcia Price, shouted")
    let possessor = |e: &Entity| possessor(body, e, b);
    let inside: Vec<&Entity> = ents_in(ents, a, b)
        .iter()
        .filter(|e| e.end <= b)
        .filter(|e| !possessor(e))
        .collect();
    let owned = ents_in(ents, a, b)
        .first()
        .is_some_and(|e| e.start == a && possessor(e));
    if inside.is_empty() && owned {
        // the noun phrase itself: "Obama's former campaign strategist", "Scott's family"
        let np = body[a..b].split(',').next().unwrap_or("").trim_end();
        if !np.is_empty() && np.split_whitespace().count() <= 8 {
            return Some(Speaker {
                text: np.to_string(),
                canonical: None,
                start: Some(a),
                end: Some(a + np.len()),
            });
        }
    }
    let pick = inside
        .iter()
        .find(|e| e.kind == EntityType::Person)
        .or_else(|| inside.iter().find(|e| e.kind == EntityType::Org))
        .or_else(|| {
            inside
                .iter()
                .find(|e| matches!(e.kind, EntityType::Gpe | EntityType::Norp))
        });
    if let Some(e) = pick {
        // (a name tagged with its possessive ending: "Oz’s")
        let canonical = e.canonical.as_deref().map(strip_possessive);
        return Some(Speaker {
            text: e.text.clone(),
            canonical,
            start: Some(e.start),
            end: Some(e.end),
        });
    }
    let text = body[a..b].trim();
    if text.is_empty() || text.split_whitespace().count() > 8 {
        return None;
    }
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    let pronoun = PRONOUNS.contains(&first.as_str());
    let description = matches!(first.as_str(), "the" | "a" | "an" | "his" | "her" | "their");
    let resolved = if first == "who" {
        // "Marco Rubio of Florida, who mused": the name the relative clause hangs on
        ents[..ents.partition_point(|e| e.start < a)]
            .iter()
            .rev()
            .take(3)
            .find(|e| {
                matches!(e.kind, EntityType::Person | EntityType::Org)
                    && e.end <= a
                    && a - e.end < 40
            })
    } else if pronoun && !matches!(first.as_str(), "we" | "they" | "i" | "it") || description {
        // the antecedent comes before the pronoun, not just before the quote
        last_person_before(ents, pos.min(a))
    } else {
        None
    };
    Some(Speaker {
        text: text.to_string(),
        canonical: resolved.map(|e| strip_possessive(e.canonical.as_deref().unwrap_or(&e.text))),
        start: Some(a),
        end: Some(b),
    })
}

/// Verbs that introduce quoted words inside reported speech ("called the plan “dead on
/// arrival”") besides the quotation verbs of the lexicon.
const MIXED_CUES: &[&str] = &[
    "called", "calling", "calls", "call", "dubbed", "labeled", "labelled", "branded", "termed",
    "deemed",
];

/// A direct quote found and attributed, before fragments are joined.
struct Found {
    quote: Quote,
    para_start: usize,
    /// byte after the closing mark
    after: usize,
    /// byte of the opening mark
    open: usize,
    /// its attribution follows it (`"…," she said`)
    attributed_after: bool,
    /// it continues a quote left open at the end of the previous paragraph
    continues: bool,
}

/// Words in quotation marks that read as a title or a slogan: every word capitalised except
/// short function words (`“Face the Nation”`, `“Stop Mass Naturalization”`).
fn title_like(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || matches!(
                    *w,
                    "of" | "the"
                        | "and"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "to"
                        | "for"
                        | "at"
                        | "by"
                        | "with"
                        | "or"
                )
        })
}

/// The sentence holding byte `at`.
fn sentence_at(sents: &[Sentence], at: usize) -> Option<&Sentence> {
    let i = sents.partition_point(|s| s.end <= at);
    sents.get(i).filter(|s| s.start <= at)
}

/// Quoted words inside reported speech: a cue verb earlier in the quote's sentence with other
/// words between it and the opening mark (`X called the plan “…”`, `said he was “…”`, but not
/// `said: “…”` or `said that “…”`). Returns the content clause (after the cue and a "that",
/// to the end of the sentence) and the cue's index among the sentence tokens.
fn mixed_clause(
    body: &str,
    toks: &[Token],
    sent: &Sentence,
    q: &Raw,
    cue: &dyn Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let open_tok = toks
        .partition_point(|t| t.start < q.open)
        .max(sent.tok_start);
    // the nearest cue with words between it and the quote; a speech verb right before the
    // mark introduces a plain quote (`said “…”`), another verb may take it as its object
    // (`to highlight “…”`) inside a clause reported further back (`Frazier said the plan …`)
    let mut first = None;
    for k in (sent.tok_start..open_tok)
        .rev()
        .take(25)
        .take_while(|&k| !matches!(toks[k].text(body), "\"" | "\u{201c}" | "\u{201d}" | ":"))
    {
        let w = lower(toks[k].text(body));
        if !(cue(&w) || MIXED_CUES.contains(&w.as_str())) {
            continue;
        }
        // the attribution of an earlier quote (`“…,” she said on “Meet the Press”`)
        let earlier = (sent.tok_start..k).rev().take(6).any(|j| {
            matches!(toks[j].text(body), "\u{201d}" | "\"")
                && (j + 1..k).all(|i| !cue(&lower(toks[i].text(body))))
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
        if matches!(
            w.as_str(),
            "said"
                | "says"
                | "say"
                | "saying"
                | "told"
                | "tells"
                | "added"
                | "adding"
                | "asked"
                | "wrote"
                | "writes"
                | "declared"
                | "stated"
                | "replied"
                | "tweeted"
                | "explained"
        ) {
            return None;
        }
    }
    let first = first?;
    let mut end = body[..sent.end].trim_end().len();
    if end > q.after && body[..end].ends_with(['.', '!', '?']) {
        end -= 1;
    }
    Some((toks[first].start, end.max(q.after)))
}

/// Find direct quotes and reported speech.
pub fn find(
    body: &str,
    toks: &[Token],
    sents: &[Sentence],
    ents: &[Entity],
    lex: &Lexicon,
) -> Vec<Quote> {
    let raws = find_direct(body);
    let cue = |t: &str| {
        let l = lower(t);
        lex.quote_verbs.contains(&l)
    };
    // reported speech in sentences with no quote marks
    let indirects: Vec<Quote> = sents
        .iter()
        .filter(|s| !body[s.start..s.end].contains(['"', '\u{201c}', '\u{201d}']))
        .filter_map(|s| indirect(body, toks, s, ents))
        .collect();
    let mut found: Vec<Found> = Vec::new();
    let mut prev_speaker: Option<(Speaker, String, usize)> = None; // speaker, cue, paragraph end
    for (i, q) in raws.iter().enumerate() {
        if nickname(body, q) {
            continue;
        }
        // (a nickname in quotation marks inside a name does not end the attribution:
        // `state Del. Marcia "Cia" Price shouted`)
        let next_open = raws[i + 1..]
            .iter()
            .find(|n| !nickname(body, n))
            .map_or(usize::MAX, |n| n.open);
        let att = attribute(body, toks, ents, q, lex, next_open);
        let attributed_after = !att.trailing && att.speaker.is_some_and(|(a, _)| a >= q.after);
        let sent = sentence_at(sents, q.open);
        let mixed = if attributed_after {
            None
        } else {
            sent.and_then(|s| mixed_clause(body, toks, s, q, &cue))
        };
        let words = body[q.start..q.end].split_whitespace().count();
        if words < 2 && mixed.is_none() {
            // a scare-quoted word, not a quotation
            continue;
        }
        let mut att = att;
        if att.speaker.is_none() && mixed.is_some() {
            // the subject of a cue such as "called" (not a quotation verb on its own)
            let with_mixed = |t: &str| cue(t) || MIXED_CUES.contains(&lower(t).as_str());
            if let Some(a) =
                sent.and_then(|s| before_cue(body, toks, ents, s.start, q.open, &with_mixed))
            {
                att = a;
            }
        }
        let (att_trailing, att_start) = (att.trailing, att.speaker.map(|(a, _)| a));
        let mut speaker = att.speaker.and_then(|s| speaker_of(body, ents, s, q.open));
        if speaker.is_none() {
            // a quote inside a sentence with no reporting verb: its subject's words
            speaker = subject_of_sentence_before(body, toks, ents, q, sent)
                .and_then(|s| speaker_of(body, ents, s, q.open));
        }
        let mut cue_word = att.cue;
        let opens_paragraph = body[q.para_start..q.open].trim().is_empty();
        if speaker.is_none()
            && mixed.is_none()
            && (opens_paragraph || i > 0 && raws[i - 1].para_start == q.para_start)
        {
            // no attribution of its own: continue the previous quote's speaker when it opens
            // a paragraph following the previous quote's, or follows it in the same paragraph
            if let Some((s, c, pend)) = &prev_speaker {
                let gap = &body[(*pend).min(q.para_start)..q.para_start];
                if gap.trim().is_empty() || *pend >= q.para_start {
                    speaker = Some(s.clone());
                    cue_word = Some(c.clone());
                }
            }
        }
        if speaker.is_none() && mixed.is_none() && opens_paragraph {
            // or the speaker of reported speech in the paragraph before ("Carter said that …"
            // then a paragraph that is one quotation)
            let before = indirects
                .iter()
                .rev()
                .find(|x| x.end <= q.para_start && x.speaker.is_some());
            if let Some(x) = before {
                if body[x.end..q.para_start].matches("\n\n").count() <= 1 {
                    speaker = x.speaker.clone();
                    cue_word = x.cue.clone();
                }
            }
        }
        if speaker.is_none() && mixed.is_none() {
            // right after a sentence about someone ("Clinton touted her record. “…”", "Trump
            // issued the following statement:¶“…”"): that sentence's subject
            if let Some(p) = sents.iter().rev().find(|p| p.end <= q.open) {
                let gap = &body[p.end..q.open];
                // (the sentence may close the paragraph before: "Howard went on.¶“…”")
                let close = gap.trim().is_empty() && gap.matches("\n\n").count() <= 1;
                if close && p.tok_end > p.tok_start {
                    // its own attribution ("…, Schiff said."), else its subject
                    let pend = p.start
                        + body[p.start..p.end]
                            .trim_end()
                            .trim_end_matches(['.', '!', '?'])
                            .len();
                    let said =
                        before_cue(body, toks, ents, p.start, pend, &cue).and_then(|a| a.speaker);
                    speaker = said
                        .or_else(|| sentence_subject(body, toks, ents, p.tok_start, p.tok_end))
                        .and_then(|s| speaker_of(body, ents, s, q.open));
                }
            }
        }
        if let Some(s) = &speaker {
            prev_speaker = Some((s.clone(), cue_word.clone().unwrap_or_default(), q.para_end));
        } else {
            prev_speaker = None;
        }
        if speaker.is_none() && mixed.is_none() && (words <= 3 || title_like(&body[q.start..q.end]))
        {
            // a few words in quotation marks that nobody says: a title or a scare quote
            continue;
        }
        let addressee = att.addressee.and_then(|(a, b)| {
            ents_in(ents, a, b)
                .iter()
                .find(|e| e.end <= b && e.kind == EntityType::Person)
                .map(|e| e.canonical.clone().unwrap_or(e.text.clone()))
        });
        // a quote that runs on in its sentence (`said “…” for reckless trading`) spans to the
        // sentence's end, like the clause of a mixed quote
        let runs_on = mixed.is_none()
            && !attributed_after
            && body[q.after..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(|c: char| c.is_lowercase());
        let trailing_at = att_trailing.then_some(att_start).flatten();
        let mixed = mixed.or_else(|| {
            let s = sent.filter(|_| runs_on)?;
            let mut end = body[..s.end].trim_end().len();
            // (up to the attribution closing it: `“…” to lift the price, she said.`)
            if let Some(a) = trailing_at.filter(|&a| a > q.after && a < end) {
                end = body[..a].trim_end().trim_end_matches(',').len();
            }
            if end > q.after && body[..end].ends_with(['.', '!', '?']) {
                end -= 1;
            }
            Some((q.start, end.max(q.after)))
        });
        let (start, end, parts) = match mixed {
            Some((s, e)) => (s, e, vec![[q.start, q.end]]),
            None => (q.start, q.end, Vec::new()),
        };
        found.push(Found {
            quote: Quote {
                start,
                end,
                text: body[start..end].to_string(),
                kind: "direct".into(),
                speaker,
                cue: cue_word,
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
        });
    }
    let mut out = join_fragments(body, found);
    out.extend(indirects);
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// Join the fragments of one statement: a quote continued in the same paragraph after its own
/// attribution (`"…," he said. "…"`) or right after it, by the same speaker or none.
fn join_fragments(body: &str, found: Vec<Found>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // paragraph, byte after the closing mark, attributed after it, mixed
    let mut last: Option<(usize, usize, bool, bool)> = None;
    for f in found {
        let mixed = !f.quote.parts.is_empty();
        let joinable = last.is_some_and(|(para, after, attributed, was_mixed)| {
            let gap = body.get(after..f.open).unwrap_or("");
            let gap_words = gap.split_whitespace().count();
            let bare = gap
                .chars()
                .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
            // a list of quoted phrases: `"…," and "…"`
            let listed = gap_words == 1
                && matches!(gap.trim_matches(|c: char| !c.is_alphabetic()), "and" | "or");
            let attribution_only =
                attributed && gap_words <= 30 && gap.trim_end().ends_with(['.', ',', ':', ';']);
            !was_mixed
                && !mixed
                && (f.continues || para == f.para_start && (bare || listed || attribution_only))
        });
        // quoted words of one reported clause: `called it "…" and "…"`
        if let (Some(p), true) = (out.last_mut(), mixed) {
            if !p.parts.is_empty() && p.start == f.quote.start {
                p.parts.extend(f.quote.parts.iter().copied());
                p.end = p.end.max(f.quote.end);
                p.text = body[p.start..p.end].to_string();
                last = Some((f.para_start, f.after, f.attributed_after, mixed));
                continue;
            }
        }
        let prev = out.last_mut().filter(|_| joinable);
        match prev {
            Some(p)
                if f.quote
                    .speaker
                    .as_ref()
                    .is_none_or(|s| p.speaker.as_ref().is_none_or(|ps| ps.text == s.text)) =>
            {
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
            _ => out.push(f.quote),
        }
        last = Some((f.para_start, f.after, f.attributed_after, mixed));
    }
    out
}

fn indirect(body: &str, toks: &[Token], s: &Sentence, ents: &[Entity]) -> Option<Quote> {
    let st: Vec<usize> = (s.tok_start..s.tok_end).collect();
    for (p, &k) in st.iter().enumerate() {
        let w = lower(toks[k].text(body));
        if !INDIRECT_CUES.contains(&w.as_str()) || p == 0 {
            continue;
        }
        // the subject right before the verb: an entity or a pronoun, no punctuation between
        let prev = toks[st[p - 1]];
        let subj = ents
            .iter()
            .find(|e| {
                e.end == prev.end
                    && matches!(
                        e.kind,
                        EntityType::Person | EntityType::Org | EntityType::Gpe
                    )
            })
            .map(|e| (e.start, e.end));
        let subj = subj.or_else(|| {
            // "White House spokesman John Doe said", "officials said": look back over a title
            let pw = lower(prev.text(body));
            PRONOUNS
                .contains(&pw.as_str())
                .then_some((prev.start, prev.end))
        })?;
        // content after the verb: skip "that" and an addressee ("told reporters")
        let mut c = p + 1;
        if w == "told" {
            while c < st.len()
                && !matches!(lower(toks[st[c]].text(body)).as_str(), "that")
                && c < p + 4
            {
                c += 1;
            }
        }
        if c < st.len() && lower(toks[st[c]].text(body)) == "that" {
            c += 1;
        }
        let after_is_punct = st
            .get(p + 1)
            .is_none_or(|&k| matches!(toks[k].text(body), "," | "." | ";"));
        let (cs, ce) = if c + 3 < st.len() && !after_is_punct {
            let last = st[st.len() - 1];
            let end = if is_punct(toks[last].text(body)) {
                toks[st[st.len() - 2]].end
            } else {
                toks[last].end
            };
            (toks[st[c]].start, end)
        } else if p >= 4
            && toks[st[p - 2]].text(body) != ","
            && st[..p].iter().any(|&k| toks[k].text(body) == ",")
        {
            // "X did Y, the Kremlin said."
            let comma = st[..p].iter().rposition(|&k| toks[k].text(body) == ",")?;
            if comma < 3 {
                return None;
            }
            (toks[st[0]].start, toks[st[comma - 1]].end)
        } else {
            return None;
        };
        if ce <= cs {
            return None;
        }
        let speaker = speaker_of(body, ents, subj, subj.0);
        return Some(Quote {
            start: cs,
            end: ce,
            text: body[cs..ce].to_string(),
            kind: "indirect".into(),
            speaker,
            cue: Some(w),
            addressee: None,
            parts: Vec::new(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{sentences, tokenize};

    fn ent(body: &str, t: &str, k: EntityType) -> Entity {
        let s = body.find(t).unwrap();
        Entity {
            start: s,
            end: s + t.len(),
            text: t.into(),
            kind: k,
            canonical: Some(t.into()),
            source: None,
        }
    }

    fn direct(body: &str, ents: &[Entity]) -> Vec<Quote> {
        let t = tokenize(body);
        let ss = sentences(body, &t);
        let lex = Lexicon::with_word_lists();
        find(body, &t, &ss, ents, &lex)
            .into_iter()
            .filter(|q| q.kind == "direct")
            .collect()
    }

    #[test]
    fn fragments_split_by_the_attribution_are_one_quote() {
        let body = "\u{201c}The talks went well,\u{201d} Ana Diaz said. \u{201c}We will meet again in May.\u{201d}\n\nLater the mayor spoke. \u{201c}This is a good day for the port,\u{201d} he said.";
        let ents = vec![ent(body, "Ana Diaz", EntityType::Person)];
        let qs = direct(body, &ents);
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
    fn quoted_words_in_reported_speech_and_scare_quotes() {
        let body = "Senator Ruth Okafor called the plan \u{201c}dead on arrival\u{201d} on Monday.\n\nThe so-called \u{201c}green corridor\u{201d} opened in June.\n\nThe song \u{201c}Blue Water\u{201d} played.";
        let ents = vec![ent(body, "Ruth Okafor", EntityType::Person)];
        let qs = direct(body, &ents);
        // the mixed quote spans the reported clause, its quoted words are its part; the
        // unattributed scare quote and title are not quotations
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
    fn quoted_phrases_running_on_and_verbs_taking_a_quote() {
        let body = "Ana Diaz added that the council \u{201c}doubled down the bets\u{201d} by raising fees to get states to comply.\n\nJon Wu said the vote was meant to highlight \u{201c}the cost of delay\u{201d} for the port.";
        let ents = vec![
            ent(body, "Ana Diaz", EntityType::Person),
            ent(body, "Jon Wu", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        // not attributed to the words after the phrase ("… to get states", a noun)
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Diaz");
        assert!(qs[0].text.starts_with("the council"));
        // "highlight" takes the quote as its object; the clause is reported by "said"
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "Jon Wu");
        assert!(
            qs[1].text.starts_with("the vote was meant"),
            "{:?}",
            qs[1].text
        );
    }

    #[test]
    fn a_parenthesis_between_speaker_and_verb() {
        let body = "On Monday the Oregon senator Ana Diaz (D-Ore.) said the plan was \u{201c}dead on arrival.\u{201d}";
        let ents = vec![ent(body, "Ana Diaz", EntityType::Person)];
        let qs = direct(body, &ents);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ana Diaz");
    }

    #[test]
    fn a_quote_running_on_spans_its_sentence() {
        let body = "Asked about the banks, Ana Diaz said \u{201c}I stood up to them\u{201d} for years before the crash.";
        let ents = vec![ent(body, "Ana Diaz", EntityType::Person)];
        let qs = direct(body, &ents);
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

    #[test]
    fn speakers_after_before_and_continued() {
        let body = "\"We are ready to talk,\" Mary Stone told John Reed.\n\n\"And we will keep talking.\"\n\nReed said: \"That is good news for us.\"\n\nStone was quoted as saying \"enough is enough\" by local media.";
        let ents = vec![
            ent(body, "Mary Stone", EntityType::Person),
            ent(body, "John Reed", EntityType::Person),
            ent(body, "Reed said", EntityType::Person),
        ];
        let mut ents = ents;
        ents[2].end = ents[2].start + 4;
        ents[2].text = "Reed".into();
        let t = tokenize(body);
        let ss = sentences(body, &t);
        let lex = Lexicon::with_word_lists();
        let qs: Vec<Quote> = find(body, &t, &ss, &ents, &lex)
            .into_iter()
            .filter(|q| q.kind == "direct")
            .collect();
        let who: Vec<&str> = qs
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("?"))
            .collect();
        assert_eq!(
            who,
            vec!["Mary Stone", "Mary Stone", "Reed", "Stone"],
            "{qs:#?}"
        );
        assert_eq!(qs[0].text, "We are ready to talk,");
        assert_eq!(qs[0].addressee.as_deref(), Some("John Reed"));
    }

    #[test]
    fn transcripts_and_introducing_paragraphs() {
        let body = "Mary Stone continued:\n\n\"We will build the bridge next year, whatever it costs.\"\n\n\"REED: That is not what the council decided.\"";
        let ents = vec![ent(body, "Mary Stone", EntityType::Person)];
        let t = tokenize(body);
        let ss = sentences(body, &t);
        let lex = Lexicon::with_word_lists();
        let qs: Vec<Quote> = find(body, &t, &ss, &ents, &lex)
            .into_iter()
            .filter(|q| q.kind == "direct")
            .collect();
        let who: Vec<&str> = qs
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("?"))
            .collect();
        assert_eq!(who, vec!["Mary Stone", "REED"], "{qs:#?}");
    }

    #[test]
    fn multibyte_text_near_quote_boundaries() {
        // the transcript check looks at the first 60 bytes: a curly apostrophe straddles byte 60
        let body = format!(
            "\"{}\u{2019}s here and more words,\" he said.",
            "x".repeat(58)
        );
        let t = tokenize(&body);
        let ss = sentences(&body, &t);
        let lex = Lexicon::with_word_lists();
        let qs = find(&body, &t, &ss, &[], &lex);
        assert_eq!(qs.len(), 1);
    }

    #[test]
    fn signatures_and_quotes_inside_a_sentence_without_a_cue() {
        let body = "Letters came in.\n\n“The plan will hurt every family on our street.” ― Maria Gomez Ruiz\n\nThe mayor condemned the “reckless and cruel” budget on Monday.";
        let ents = vec![ent(body, "Maria Gomez Ruiz", EntityType::Person)];
        let qs = direct(body, &ents);
        let sig = qs.iter().find(|q| q.text.contains("every family")).unwrap();
        assert_eq!(
            sig.speaker.as_ref().map(|s| s.text.as_str()),
            Some("Maria Gomez Ruiz")
        );
        assert_eq!(sig.cue.as_deref(), Some("signature"));
        // no reporting verb: the sentence's subject
        let body = "Senator Ana Ortiz condemned the “reckless and cruel” budget on Monday.";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let qs = direct(body, &ents);
        assert_eq!(
            qs[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Ana Ortiz"),
            "{qs:?}"
        );
    }

    #[test]
    fn relative_and_personal_pronouns_resolve_to_their_antecedent() {
        let body = "Critics included Senator Ana Ortiz of Ohio, who added that “the budget is a disgrace to this state.”";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let qs = direct(body, &ents);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(
            (s.text.as_str(), s.canonical.as_deref()),
            ("who", Some("Ana Ortiz"))
        );
        // the person before the pronoun, not one named between it and the quote
        let body = "Ana Ortiz spoke first. She said Mark Lee was wrong: “The budget is a disgrace to this state.”";
        let ents = vec![
            ent(body, "Ana Ortiz", EntityType::Person),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.canonical.as_deref(), Some("Ana Ortiz"), "{s:?}");
    }

    #[test]
    fn authors_of_documents_groups_and_nouns_that_look_like_cues() {
        // the one who issued the statement speaks, not the statement
        let body = "Hours later, Ana Ortiz issued a statement saying “the budget is a disgrace to this state.”";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
        // a prepositional object is no subject; a plural noun opening the sentence is
        let body =
            "Protesters marching through the streets chanted “no justice, no peace” until dawn.";
        let qs = direct(body, &[]);
        assert_eq!(
            qs[0].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Protesters")
        );
        // "mental state" after a possessive is a noun, not the verb "state"
        let body =
            "Ana Ortiz said Mark Lee's mental state “is a danger to this state and to all of us.”";
        let ents = vec![
            ent(body, "Ana Ortiz", EntityType::Person),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
    }

    #[test]
    fn a_quote_after_a_sentence_about_someone_and_signatures_on_the_next_line() {
        // no cue: the subject of the sentence just before
        let body = "Ana Ortiz defended her budget on Monday. “We cut what we could and kept the schools open.”";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
        // a reader's signature opening the next line with a hyphen
        let body =
            "Letters.\n\n“The new bridge has changed how we all get to work.”\n-Mark Lee, Dayton.";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Mark Lee");
    }

    #[test]
    fn an_organisation_in_a_prepositional_phrase_is_not_the_subject() {
        let body = "His former partner at Lenox Holdings, Mark Lee, called him a master of deals. “He could sell anything to anyone, and he usually did.”";
        let ents = vec![
            ent(body, "Lenox Holdings", EntityType::Org),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Mark Lee");
    }

    #[test]
    fn a_described_subject_opening_the_sentence() {
        let body = "The veteran senator also outlined her budget plan and vowed “to cut every wasteful program in the state.”";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "The veteran senator");
    }

    #[test]
    fn a_quote_after_an_attributed_sentence_and_a_person_in_a_phrase() {
        // the sentence before has its own attribution: its speaker, not its first name
        let body = "Talks may stall while Ana Ortiz negotiates with the unions, Mark Lee said. “We cannot wait another year for this budget.”";
        let ents = vec![
            ent(body, "Ana Ortiz", EntityType::Person),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Mark Lee");
        // a person after a preposition is not the subject when another follows
        let body = "Hoping to win voters for Ana Ortiz, Mark Lee is rolling out a new message: “The budget will be balanced by the end of the year.”";
        let ents = vec![
            ent(body, "Ana Ortiz", EntityType::Person),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Mark Lee");
    }

    #[test]
    fn signatures_after_a_no_break_space_and_nested_curly_quotes() {
        let body = "“The budget is a disgrace and nobody should vote for it.”\u{a0}― Rosa Varga\u{a0}\n“I would rather live in what he calls “chaos” than in his order.” ― Tom Ellis\n";
        let qs = direct(body, &[]);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Rosa Varga");
        // the inner “chaos” does not close the outer quote
        assert!(
            qs[1].text.ends_with("than in his order."),
            "{:?}",
            qs[1].text
        );
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "Tom Ellis");
        // a mark left open by a typo does not swallow the quotes after it
        let body =
            "He called them “criminals” and “thieves. “We will build it,” Lee told reporters.";
        let ents = vec![ent(body, "Lee", EntityType::Person)];
        let qs = direct(body, &ents);
        let q = qs.iter().find(|q| q.text.contains("We will")).unwrap();
        assert_eq!(q.speaker.as_ref().unwrap().text, "Lee");
    }

    #[test]
    fn as_someone_put_it() {
        let body = "The plan, as The Daily Ledger put it in a long editorial, was “a gift to the landlords.”";
        let ents = vec![ent(body, "The Daily Ledger", EntityType::Org)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "The Daily Ledger");
        let body =
            "As Mark Lee, the chairman of the committee, put it: “Nobody reads these reports.”";
        let ents = vec![ent(body, "Mark Lee", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Mark Lee");
    }

    #[test]
    fn an_attribution_closing_the_sentence_a_quote_runs_on_in() {
        let body = "“You squeezed your staff to the breaking point” to lift the share price, she said. A clerk who “takes a handful of notes” goes to jail, Ana Ortiz said.";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let qs = direct(body, &ents);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "she");
        assert!(qs[0].text.ends_with("share price"), "{:?}", qs[0].text);
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "Ana Ortiz");
        // a cue before the quote comes first; the next clause's speaker is not the quote's
        let body = "Though he said it caused a “flood of complaints” last year, Mark Lee said none were filed.";
        let ents = vec![ent(body, "Mark Lee", EntityType::Person)];
        let qs = direct(body, &ents);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "he");
    }

    #[test]
    fn an_opening_subordinate_clause_is_not_the_subject() {
        let body = "Although the Monetary Fund did not name the candidates, it warned of “political tensions” in rich countries.";
        let ents = vec![ent(body, "the Monetary Fund", EntityType::Org)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "it");
        let body =
            "After saying her foot was “so swollen I could not walk,” she was taken to hospital.";
        let qs = direct(body, &[]);
        // the main clause's subject right after the quote
        assert_eq!(qs[0].speaker.as_ref().map(|s| s.text.as_str()), Some("she"));
    }

    #[test]
    fn possessives_party_tags_and_nicknames_in_attributions() {
        // the possessor is not who speaks: the noun phrase is
        let body = "“That was outrageous,” Lee's former campaign manager said on Monday.";
        let ents = vec![ent(body, "Lee", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Lee's former campaign manager");
        assert_eq!(s.canonical, None);
        // ... or the name in apposition to it; a nickname in quotation marks is part of the
        // name, and "state" before a title is no verb
        let body = "\"This is a big year for all of us!\" Lee's niece, state Del. Maria \"Mia\" Ortiz (D-Norfolk), shouted to the crowd.";
        let ents = vec![
            ent(body, "Lee", EntityType::Person),
            ent(body, "Maria", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Maria");
        // a party and state tag between the name and the verb
        let body =
            "“The veto will be overridden,” Senate Majority Leader Tom Reyes, R-Ky., said Tuesday.";
        let ents = vec![ent(body, "Tom Reyes", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Tom Reyes");
        // a name tagged with its possessive ending has a canonical name without it
        let body = "Reyes’s advice earned him a hearing. He said: “We will win this seat.”";
        let e = ent(body, "Reyes’s", EntityType::Person);
        let s = direct(body, &[e])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "He");
        assert_eq!(s.canonical.as_deref(), Some("Reyes"));
    }

    #[test]
    fn subjects_of_participles_relative_clauses_and_opening_phrases() {
        // the participle after "while" takes the sentence's subject, a plural noun phrase
        let body = "Small groups of marchers continued to ask for answers about the death of Tom Reyes, circling the square while chanting, “No justice, no peace.”";
        let ents = vec![ent(body, "Tom Reyes", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Small groups of marchers");
        // "it" opening the main clause
        let body =
            "Meanwhile, it attacked Tom Reyes, saying he “has insulted every group of voters.”";
        let ents = vec![ent(body, "Tom Reyes", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "it");
        // a relative clause with no name to hang on belongs to what the earlier cue reports
        let body = "Ana Ortiz had mocked the complaint, saying anyone who complains about a microphone “is not having a good night.”";
        let ents = vec![ent(body, "Ana Ortiz", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
        // a noun after a hyphenated modifier is no cue
        let body = "He did not address his early-morning tweets, in which he called the singer “disgusting.”";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "he");
        // a possessor opening the sentence: what it owns
        let body = "Reyes's family has asked the police to publish the videos “as a matter of simple transparency” this week.";
        let ents = vec![ent(body, "Reyes", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Reyes's family");
        // a determiner phrase running up to its verb
        let body = "A page on the party's website states that the benefit applies only to workers “employed for a full year.”";
        let s = direct(body, &[]).first().and_then(|q| q.speaker.clone());
        assert!(s.is_some_and(|s| s.text.starts_with("A page on")));
        // a name before a relative clause after the quote
        let body = "“I am for the fund, darn it,” Reyes, who has proposed ending it over five years, said at the time.";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Reyes");
    }

    #[test]
    fn inverted_and_passive_attributions_and_a_name_with_a_colon() {
        // `…, said NAME, apposition` closing the sentence a quote runs on in
        let body = "Add a \"candidate who is a lightning rod\" and residents get nervous, said Ana Ortiz, director of the residents' union.";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
        // over other quoted words in the same sentence
        let body = "Giving was \"flat for about a month\" as donors waited to see how a \"rough season\" played out, she said.";
        let qs = direct(body, &[]);
        assert!(
            qs.iter().all(|q| q.speaker.as_ref().unwrap().text == "she"),
            "{qs:?}"
        );
        // the agent of a passive labelling verb
        let body = "From the failures abroad to being “extremely careless” with secret files – as described by Police Director Tom Reyes – voters have doubts.";
        let qs = direct(body, &[]);
        assert_eq!(
            qs[0].speaker.as_ref().unwrap().text,
            "Police Director Tom Reyes"
        );
        assert_eq!(qs[0].cue.as_deref(), Some("described"));
        let body = "The hearings, often labeled a “witch hunt” by Democrats, went on for months.";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Democrats");
        // a name and a colon
        let body = "Polls missed the turn - PollWatch: “Pollsters are taking a lot of heat for not seeing it coming.”";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "PollWatch");
        // (not a sentence ending in a colon)
        let body = "The pattern is clear: “Nobody reads these reports at all.”";
        let qs = direct(body, &[]);
        assert!(qs.is_empty() || qs[0].speaker.as_ref().is_none_or(|s| s.text != "clear"));
    }

    #[test]
    fn stray_full_stops_signatures_and_clauses_after_a_quote() {
        // a full stop for a comma before the attribution
        let body = "Reyes spoke on Wednesday.\n\n“If you are listening, find the missing files.” Ortiz said.";
        let ents = vec![
            ent(body, "Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ortiz");
        // a one-word signature on a line of its own
        let body =
            "“Big companies pay almost nothing in taxes.”\n\n- Ortiz.\n\nThat is a complex issue.";
        let s = direct(body, &[])[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ortiz");
        // an adverb between the subject and its verb
        let body = "Lee then writes back, “You look great in that photo.”";
        let ents = vec![ent(body, "Lee", EntityType::Person)];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Lee");
        // a clause going on after the quote is not its attribution
        let body = "Reyes said he would make the desert \"glow in the dark,\" for instance, and Ortiz vowed to \"bomb them all.\"";
        let ents = vec![
            ent(body, "Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Reyes");
        // a line holding only a no-break space ends the paragraph
        let body = "“What do you have to lose?” he asked.\n\u{a0}\nEditor’s note: this column has been updated.";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "he");
        let body = "“Look at these numbers,” he said. “What do you have to lose?”\n\u{a0}\nEditor’s note: the figures were corrected.";
        let qs = direct(body, &[]);
        assert!(
            qs.iter().all(|q| q.speaker.as_ref().unwrap().text == "he"),
            "{qs:?}"
        );
    }

    #[test]
    fn went_on_and_a_closing_mark_glued_to_the_name() {
        let body = "\"We need more schools,\" the mayor said.\n\n\"It was a good program that worked,\" he went on.";
        let qs = direct(body, &[]);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].text, "It was a good program that worked,");
        assert_eq!(qs[1].speaker.as_ref().unwrap().text, "he");
        let body = "“Some of his comments have been divisive,”Ortiz said. “They do not help.”";
        let ents = vec![ent(body, "Ortiz", EntityType::Person)];
        let qs = direct(body, &ents);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Ortiz");
    }

    #[test]
    fn unknown_verbs_after_the_quote_participles_and_named_appositions() {
        // a name and a verb in the past the list does not hold
        let body = "Reporters kept asking.\n\n“You were not called on, sit down,” Reyes barked as guards moved in.\n\n“Look at all these fans,” Ortiz said.\n\n“I am one of them,” Lee shot back with a laugh.";
        let ents = vec![
            ent(body, "Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
            ent(body, "Lee", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        let who: Vec<&str> = qs
            .iter()
            .map(|q| q.speaker.as_ref().map_or("", |s| s.text.as_str()))
            .collect();
        assert_eq!(who, vec!["Reyes", "Ortiz", "Lee"], "{qs:?}");
        // a participle right after the quote goes on with the sentence's subject
        let body = "Speaking in Columbia, Reyes said that there is “a clear choice” adding that it is why Ortiz attacks him.";
        let ents = vec![
            ent(body, "Columbia", EntityType::Gpe),
            ent(body, "Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
        ];
        let qs = direct(body, &ents);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Reyes");
        // subjects ending at an irregular past or at the cue itself
        let body = "The Florida senator sought to calm the crowd, and took a heckler in stride, saying the man would “not get beat up” here.";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "The Florida senator");
        let body = "Legal observers note the plan would not truly “close” the prison this year.";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Legal observers");
        // the name in apposition to a description
        let body = "In a statement to the paper, her senior policy adviser, Tom Reyes, said: “The vote was a mistake.”";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Tom Reyes");
    }

    #[test]
    fn labelled_objects_plural_possessors_and_reports_inside_reports() {
        // the one a labelling verb names is its object
        let body = "Speaking at a rally on Wednesday, Reyes called Ortiz, his rival, a “co-founder” of the mess.";
        let ents = vec![
            ent(body, "Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
        ];
        assert_eq!(
            direct(body, &ents)[0].speaker.as_ref().unwrap().text,
            "Reyes"
        );
        // a plural's bare apostrophe is a possessive too
        let body = "Sanders’ campaign called the report “a hasty rush to judgment” on Monday.";
        let ents = vec![ent(body, "Sanders", EntityType::Person)];
        assert_eq!(
            direct(body, &ents)[0].speaker.as_ref().unwrap().text,
            "Sanders’ campaign"
        );
        // a gerund after a preposition: the nearest personal pronoun before it
        let body = "CONGRESS LOOKED INTO IT — Reyes’s advice drew the attention of Congress, where he appeared at a hearing for saying that a tea was a “magic cure for every body type.”";
        let ents = vec![
            ent(body, "CONGRESS", EntityType::Org),
            ent(body, "Reyes", EntityType::Person),
        ];
        assert_eq!(direct(body, &ents)[0].speaker.as_ref().unwrap().text, "he");
        // reported inside an earlier report: the outer speaker's account
        let body =
            "Rep. Tom Reyes said Ortiz reassured them that Democrats “were not going to split.”";
        let ents = vec![
            ent(body, "Tom Reyes", EntityType::Person),
            ent(body, "Ortiz", EntityType::Person),
        ];
        assert_eq!(
            direct(body, &ents)[0].speaker.as_ref().unwrap().text,
            "Tom Reyes"
        );
    }

    #[test]
    fn the_one_told_is_not_the_speaker() {
        let body =
            "Ana Ortiz told Mark Lee: “The budget is a disgrace to this state and to all of us.”";
        let ents = vec![
            ent(body, "Ana Ortiz", EntityType::Person),
            ent(body, "Mark Lee", EntityType::Person),
        ];
        let s = direct(body, &ents)[0].speaker.clone().unwrap();
        assert_eq!(s.text, "Ana Ortiz");
    }

    #[test]
    fn multi_paragraph_quote() {
        let body = "\"This is the first part of it,\n\n\"and this is the second,\" she said.";
        let raws = find_direct(body);
        assert_eq!(raws.len(), 2);
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        let lex = Lexicon::with_word_lists();
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
            let t = tokenize(body);
            let ss = sentences(body, &t);
            let qs = find(body, &t, &ss, &[], &lex);
            for q in &qs {
                assert!(q.start <= q.end && q.end <= body.len());
            }
        }
        // the long quote is one quote with its speaker
        let body = format!("\u{201c}{}\u{201d} she said.", "word ".repeat(20_000));
        let t = tokenize(&body);
        let ss = sentences(&body, &t);
        let qs = find(&body, &t, &ss, &[], &lex);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "she");
    }
}
