//! The speaker: turning an attribution's words into a [`Speaker`] (an entity, or a pronoun or
//! description resolved to a person named before), and finding one for a quote with no
//! attribution of its own from the quotes and sentences around it.
//!
//! Heuristics:
//! - **An entity in the words**, preferring a person, then an organisation, then a place or
//!   group; a name tagged with its possessive ending ("Reyes’s") has a canonical name without it.
//! - **A possessor is not who speaks** ("Lee's former campaign manager said"): the noun phrase
//!   (up to a comma, at most eight words) is the speaker, with no canonical name, unless a name
//!   stands in apposition to it.
//! - **Coreference.** "he", "she" or a description ("the", "a", "an", "his", "her", "their")
//!   resolves to the last person named before it; "who" to the person or organisation it hangs
//!   on (ending within 40 bytes before it); "we", "they", "I", "it" stay unresolved.
//! - **Continued quotes.** A quote with no attribution that opens a paragraph right after the
//!   previous quote's paragraph, or follows it in the same paragraph, continues its speaker.
//! - **After reported speech.** A paragraph that is one quotation, after a paragraph of
//!   reported speech ("Carter said that …"), is that report's speaker's.
//! - **After a sentence about someone** ("Ortiz defended her budget. “…”", "Lee issued the
//!   following statement:¶“…”"): the sentence's own attribution ("…, Lee said.") or else its
//!   subject, when nothing but white space (and at most one paragraph break) lies between.
//! - **No cue at all** ("The mayor condemned the “…”"): the subject of the sentence before the
//!   opening mark.

use super::attribution::before_cue;
use super::cue::Cue;
use super::spans::{ents_in, Span};
use super::subject::{possessor, sentence_subject, subject_of_sentence_before};
use super::words::{lower, DESCRIPTION_DETERMINERS, PRONOUNS, UNRESOLVED_PRONOUNS};
use super::Raw;
use crate::coref::last_person_before;
use crate::tokens::{Sentence, Token};
use dateline_core::{Entity, EntityType, Quote, Speaker};

/// A name without its possessive ending ("Oz’s" → "Oz").
fn strip_possessive(name: &str) -> String {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
        .to_string()
}

/// Turn a speaker span into a speaker: an entity inside it, else a pronoun or description
/// resolved to the last person named before `pos`.
pub(super) fn speaker_of(
    body: &str,
    ents: &[Entity],
    Span { start: a, end: b }: Span,
    pos: usize,
) -> Option<Speaker> {
    // a name in the possessive with more words after it is not who speaks ("Lee's former
    // strategist said", "Lee's niece, state Del. Maria Ortiz, shouted")
    let owns = |e: &Entity| possessor(body, e, b);
    let inside: Vec<&Entity> = ents_in(ents, a, b)
        .iter()
        .filter(|e| e.end <= b)
        .filter(|e| !owns(e))
        .collect();
    let owned = ents_in(ents, a, b)
        .first()
        .is_some_and(|e| e.start == a && owns(e));
    if inside.is_empty() && owned {
        if let Some(s) = possessed_phrase(body, a, b) {
            return Some(s);
        }
    }
    if let Some(e) = preferred_entity(&inside) {
        // (a name tagged with its possessive ending: "Reyes’s")
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
    let resolved = antecedent(ents, text, a, pos);
    Some(Speaker {
        text: text.to_string(),
        canonical: resolved.map(|e| strip_possessive(e.canonical.as_deref().unwrap_or(&e.text))),
        start: Some(a),
        end: Some(b),
    })
}

/// The noun phrase a possessor opens ("Lee's former campaign strategist", "Lee's family"), up
/// to a comma, at most eight words.
fn possessed_phrase(body: &str, a: usize, b: usize) -> Option<Speaker> {
    let np = body[a..b].split(',').next().unwrap_or("").trim_end();
    (!np.is_empty() && np.split_whitespace().count() <= 8).then(|| Speaker {
        text: np.to_string(),
        canonical: None,
        start: Some(a),
        end: Some(a + np.len()),
    })
}

/// The entity that names a speaker: a person, else an organisation, else a place or group.
fn preferred_entity<'e>(inside: &[&'e Entity]) -> Option<&'e Entity> {
    inside
        .iter()
        .find(|e| e.kind == EntityType::Person)
        .or_else(|| inside.iter().find(|e| e.kind == EntityType::Org))
        .or_else(|| {
            inside
                .iter()
                .find(|e| matches!(e.kind, EntityType::Gpe | EntityType::Norp))
        })
        .copied()
}

/// Who a pronoun or description at byte `a` stands for: for "who", the name the relative
/// clause hangs on ("Ana Ortiz of Ohio, who added"); for "he", "she" or a description, the
/// last person named before it (not just before the quote at `pos`).
fn antecedent<'e>(ents: &'e [Entity], text: &str, a: usize, pos: usize) -> Option<&'e Entity> {
    let first = lower(text.split_whitespace().next().unwrap_or(""));
    let pronoun = PRONOUNS.contains(&first.as_str());
    let description = DESCRIPTION_DETERMINERS.contains(&first.as_str());
    if first == "who" {
        ents[..ents.partition_point(|e| e.start < a)]
            .iter()
            .rev()
            .take(3)
            .find(|e| {
                matches!(e.kind, EntityType::Person | EntityType::Org)
                    && e.end <= a
                    && a - e.end < 40
            })
    } else if pronoun && !UNRESOLVED_PRONOUNS.contains(&first.as_str()) || description {
        last_person_before(ents, pos.min(a))
    } else {
        None
    }
}

/// The speaker a quote ends up with and its cue.
pub(super) struct Resolved {
    pub(super) speaker: Option<Speaker>,
    pub(super) cue: Option<String>,
}

/// The last quote's speaker, carried to the quotes that continue it.
pub(super) struct Previous {
    speaker: Speaker,
    cue: String,
    /// the end of that quote's paragraph
    para_end: usize,
}

impl Previous {
    pub(super) fn of(r: &Resolved, para_end: usize) -> Option<Previous> {
        r.speaker.as_ref().map(|s| Previous {
            speaker: s.clone(),
            cue: r.cue.clone().unwrap_or_default(),
            para_end,
        })
    }
}

/// What the speaker of a direct quote is resolved from.
pub(super) struct QuoteContext<'a> {
    pub(super) body: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) sents: &'a [Sentence],
    pub(super) ents: &'a [Entity],
    /// the reported speech found in sentences with no quotation marks
    pub(super) indirects: &'a [Quote],
    pub(super) cue: Cue<'a>,
}

/// How a quote sits: its sentence, whether it opens its paragraph, whether it follows another
/// quote in the same paragraph, whether it holds quoted words inside reported speech.
pub(super) struct Placement<'a> {
    pub(super) sent: Option<&'a Sentence>,
    pub(super) opens_paragraph: bool,
    pub(super) after_quote_in_paragraph: bool,
    pub(super) mixed: bool,
}

/// The speaker of quote `q` from its attribution's span and cue, else from its context (the
/// stages of the module's list, in order).
pub(super) fn resolve(
    cx: &QuoteContext,
    q: &Raw,
    at: &Placement,
    span: Option<Span>,
    cue: Option<String>,
    prev: Option<&Previous>,
) -> Resolved {
    let (body, ents) = (cx.body, cx.ents);
    let mut r = Resolved {
        speaker: span.and_then(|s| speaker_of(body, ents, s, q.open)),
        cue,
    };
    if r.speaker.is_none() {
        // a quote inside a sentence with no reporting verb: its subject's words
        r.speaker = subject_of_sentence_before(body, cx.toks, ents, q, at.sent)
            .and_then(|s| speaker_of(body, ents, s, q.open));
    }
    if r.speaker.is_some() || at.mixed {
        return r;
    }
    if at.opens_paragraph || at.after_quote_in_paragraph {
        continue_previous(body, q, prev, &mut r);
    }
    if r.speaker.is_none() && at.opens_paragraph {
        after_reported_speech(cx, q, &mut r);
    }
    if r.speaker.is_none() {
        r.speaker = after_sentence_about_someone(cx, q);
    }
    r
}

/// No attribution of its own: continue the previous quote's speaker when it opens a
/// paragraph following the previous quote's, or follows it in the same paragraph.
fn continue_previous(body: &str, q: &Raw, prev: Option<&Previous>, r: &mut Resolved) {
    let Some(p) = prev else { return };
    let gap = &body[p.para_end.min(q.para_start)..q.para_start];
    if gap.trim().is_empty() || p.para_end >= q.para_start {
        r.speaker = Some(p.speaker.clone());
        r.cue = Some(p.cue.clone());
    }
}

/// The speaker of reported speech in the paragraph before ("Carter said that …" then a
/// paragraph that is one quotation).
fn after_reported_speech(cx: &QuoteContext, q: &Raw, r: &mut Resolved) {
    let before = cx
        .indirects
        .iter()
        .rev()
        .find(|x| x.end <= q.para_start && x.speaker.is_some());
    if let Some(x) = before {
        if cx.body[x.end..q.para_start].matches("\n\n").count() <= 1 {
            r.speaker = x.speaker.clone();
            r.cue = x.cue.clone();
        }
    }
}

/// Right after a sentence about someone ("Ortiz defended her budget. “…”", "Lee issued the
/// following statement:¶“…”"): that sentence's own attribution ("…, Lee said."), else its
/// subject.
fn after_sentence_about_someone(cx: &QuoteContext, q: &Raw) -> Option<Speaker> {
    let (body, toks, ents) = (cx.body, cx.toks, cx.ents);
    let p = cx.sents.iter().rev().find(|p| p.end <= q.open)?;
    let gap = &body[p.end..q.open];
    // (the sentence may close the paragraph before: "Lee went on.¶“…”")
    let close = gap.trim().is_empty() && gap.matches("\n\n").count() <= 1;
    if !close || p.tok_end <= p.tok_start {
        return None;
    }
    let pend = p.start
        + body[p.start..p.end]
            .trim_end()
            .trim_end_matches(['.', '!', '?'])
            .len();
    let said = before_cue(body, toks, ents, p.start, pend, cx.cue).and_then(|a| a.speaker);
    said.or_else(|| sentence_subject(body, toks, ents, p.tok_start, p.tok_end))
        .and_then(|s| speaker_of(body, ents, s, q.open))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{direct, ent, first_speaker, persons, speakers};
    use dateline_core::EntityType;

    #[test]
    fn speakers_after_before_and_continued() {
        let body = "\"We are ready to talk,\" Mary Stone told John Reed.\n\n\"And we will keep talking.\"\n\nReed said: \"That is good news for us.\"\n\nStone was quoted as saying \"enough is enough\" by local media.";
        let mut ents = persons(body, &["Mary Stone", "John Reed"]);
        let reed = ent(body, "Reed said", EntityType::Person);
        ents.push(dateline_core::Entity {
            end: reed.start + 4,
            text: "Reed".into(),
            ..reed
        });
        assert_eq!(
            speakers(body, &ents),
            vec!["Mary Stone", "Mary Stone", "Reed", "Stone"]
        );
    }

    #[test]
    fn who_resolves_to_the_name_it_hangs_on() {
        let body = "Critics included Senator Ana Ortiz of Ohio, who added that \u{201c}the budget is a disgrace to this state.\u{201d}";
        let s = direct(body, &persons(body, &["Ana Ortiz"]))[0]
            .speaker
            .clone()
            .unwrap();
        assert_eq!(
            (s.text.as_str(), s.canonical.as_deref()),
            ("who", Some("Ana Ortiz"))
        );
    }

    #[test]
    fn a_pronoun_resolves_to_the_person_named_before_it() {
        // the person before the pronoun, not one named between it and the quote
        let body = "Ana Ortiz spoke first. She said Mark Lee was wrong: \u{201c}The budget is a disgrace to this state.\u{201d}";
        let s = direct(body, &persons(body, &["Ana Ortiz", "Mark Lee"]))[0]
            .speaker
            .clone()
            .unwrap();
        assert_eq!(s.canonical.as_deref(), Some("Ana Ortiz"), "{s:?}");
    }

    #[test]
    fn a_quote_after_a_sentence_about_someone() {
        let body = "Ana Ortiz defended her budget on Monday. \u{201c}We cut what we could and kept the schools open.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz"])),
            "Ana Ortiz"
        );
    }

    #[test]
    fn a_quote_after_an_attributed_sentence_is_its_speakers() {
        let body = "Talks may stall while Ana Ortiz negotiates with the unions, Mark Lee said. \u{201c}We cannot wait another year for this budget.\u{201d}";
        assert_eq!(
            first_speaker(body, &persons(body, &["Ana Ortiz", "Mark Lee"])),
            "Mark Lee"
        );
    }

    #[test]
    fn a_possessors_noun_phrase_speaks() {
        let body =
            "\u{201c}That was outrageous,\u{201d} Lee's former campaign manager said on Monday.";
        let s = direct(body, &persons(body, &["Lee"]))[0]
            .speaker
            .clone()
            .unwrap();
        assert_eq!(s.text, "Lee's former campaign manager");
        assert_eq!(s.canonical, None);
    }

    #[test]
    fn a_plurals_bare_apostrophe_is_a_possessive() {
        let body = "Reyes\u{2019} campaign called the audit \u{201c}a rushed piece of theatre\u{201d} on Monday.";
        assert_eq!(
            first_speaker(body, &persons(body, &["Reyes"])),
            "Reyes\u{2019} campaign"
        );
    }

    #[test]
    fn a_possessive_ending_is_not_in_the_canonical_name() {
        let body = "Reyes\u{2019}s advice earned him a hearing. He said: \u{201c}We will win this seat.\u{201d}";
        let s = direct(body, &persons(body, &["Reyes\u{2019}s"]))[0]
            .speaker
            .clone()
            .unwrap();
        assert_eq!(s.text, "He");
        assert_eq!(s.canonical.as_deref(), Some("Reyes"));
    }
}
