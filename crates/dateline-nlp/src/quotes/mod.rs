//! Quotations and their speakers.
//!
//! [`find`] reads a body in stages, each in its own module:
//! 1. [`marks`]: the spans between quotation marks, paragraph by paragraph (curly quotes open
//!    and close, straight quotes toggle, nested curly quotes, quotes running over paragraphs),
//!    leaving out nicknames inside names.
//! 2. [`attribution`]: the cue verb and the words naming who speaks, read after the quote,
//!    before it, closing its sentence, or from the layout (signatures, colons, transcripts);
//!    [`cue`] says which words are cues, [`subject`] finds a clause's subject.
//! 3. [`fragments`]: quoted words inside reported speech spanning their clause, quotes running
//!    on in their sentence.
//! 4. [`speaker`]: the attribution's words turned into a speaker (an entity, or a pronoun or
//!    description resolved to the person named before); a quote with no attribution of its own
//!    continues the previous quote's speaker, a report's in the paragraph before, or is the
//!    subject's of the sentence before.
//! 5. Dropped: quotes of fewer than two words (scare quotes) unless inside reported speech,
//!    and quotes of three words or fewer, or titles, that nobody says.
//! 6. [`fragments::join_fragments`]: the fragments of one statement (split by its attribution)
//!    joined into one quote with several `parts`.
//! 7. [`indirect`]: reported speech (`X said the meeting took place on Thursday`) in sentences
//!    with no quotation marks, as `indirect` quotes.
//!
//! Each module's documentation lists the heuristics it implements. Word lists are data
//! ([`vocab`], `data/nlp/quote-*.txt`); short grammatical closed sets are in [`words`].

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
use spans::{ents_in, sentence_at};
use speaker::{Placement, Previous, QuoteContext};

/// Find direct quotes and reported speech.
pub fn find(
    body: &str,
    toks: &[Token],
    sents: &[Sentence],
    ents: &[Entity],
    lex: &Lexicon,
) -> Vec<Quote> {
    let raws = find_direct(body);
    // reported speech in sentences with no quote marks
    let indirects = indirect::find_all(body, toks, sents, ents);
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
    let attributed_after = !att.trailing && att.speaker.is_some_and(|(a, _)| a >= q.after);
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
        .then_some(att.speaker.map(|(a, _)| a))
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
    let addressee = att.addressee.and_then(|(a, b)| {
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
        Some((s, e)) => (s, e, vec![[q.start, q.end]]),
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
            .filter(|q| q.kind == QuoteKind::Direct)
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
            .filter(|q| q.kind == QuoteKind::Direct)
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
            .filter(|q| q.kind == QuoteKind::Direct)
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
