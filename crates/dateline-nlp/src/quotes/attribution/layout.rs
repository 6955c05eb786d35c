//! Attributions given by layout rather than by a verb: a signature after a dash, a name and a
//! colon, a transcript line, a paragraph of its own introducing the quote.
//!
//! Heuristics:
//! - **Signatures** ([`dash_signature`]): after a dash closing the quote's line (`” ― Rosa
//!   Varga`, `" -- Jane Doe, teacher`) or opening the next line with a hyphen (`“…”¶-Mark Lee,
//!   Dayton.`): two to five capitalised words (short lower-case words allowed inside) running
//!   to the end of the line, a comma, a semicolon, a parenthesis or a full stop; one word is
//!   enough on a line of its own (`“…”¶¶- Ortiz.`).
//! - **A name and a colon** ([`colon_name`]): one to four capitalised words and a colon right
//!   before the opening mark, after a dash or opening the line (`… - PollWatch: “…”`); more
//!   than two words only when they hold a tagged name.
//! - **Transcripts** ([`transcript`]): the quote opens with up to three words in capitals and a
//!   colon within its first 60 bytes (`"REED: That is …"`).
//! - **Introducing paragraphs** ([`introducing_paragraph`]): the paragraph before ends in a
//!   colon and is under 200 bytes ("Mary Stone continued:"); its cue and subject.

use super::super::cue::Cue;
use super::super::spans::{ents_in, Span};
use super::super::Raw;
use super::{before_cue, Attribution};
use crate::tokens::Token;
use dateline_core::Entity;

/// The name after a dash that closes a quote's line (`” ― Rosa Varga`, `" -- Jane Doe,
/// teacher`): two to five capitalised words running to the end of the line, a comma or a
/// full stop. Byte span of the name.
pub(super) fn dash_signature(body: &str, after: usize) -> Option<Span> {
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
    // (one word only on a line of its own: `“…”¶¶- Ortiz.`)
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
    ok.then_some(Span::new(start, start + line.len()))
}

/// One to four capitalised words (after a dash, or opening the line) and a colon right before
/// the quote's opening mark: their byte span.
pub(super) fn colon_name(body: &str, ents: &[Entity], q: &Raw) -> Option<Span> {
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
    (opens && capitalised && (named || words <= 2) && !name.is_empty())
        .then_some(Span::new(start, end))
}

/// A transcript line: "PENCE: Well, look, ...": up to three words in capitals and a colon in
/// the quote's first 60 bytes.
pub(super) fn transcript(body: &str, q: &Raw) -> Option<Attribution> {
    let mut head_end = q.end.min(q.start + 60);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &body[q.start..head_end];
    let colon = head.find(':')?;
    let name = &head[..colon];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2
        && name.split_whitespace().count() <= 3
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\''))
    .then(|| Attribution::said(Some(Span::new(q.start, q.start + colon)), "transcript"))
}

/// An introducing paragraph of its own: "Mary Stone continued:" / "The Daily Ledger
/// reports:" before the quote's paragraph.
pub(super) fn introducing_paragraph(
    body: &str,
    toks: &[Token],
    ents: &[Entity],
    q: &Raw,
    cue: Cue,
) -> Option<Attribution> {
    let prev_end = body[..q.para_start].trim_end().len();
    if !body[..prev_end].ends_with(':') {
        return None;
    }
    let prev_start = body[..prev_end].rfind("\n\n").map(|i| i + 2).unwrap_or(0);
    if prev_end - prev_start >= 200 {
        return None;
    }
    before_cue(body, toks, ents, prev_start, prev_end, cue)
}

#[cfg(test)]
mod tests {
    use super::super::super::test_util::{all, direct, first_speaker, persons, speakers};

    #[test]
    fn a_signature_after_a_dash() {
        let body = "Letters came in.\n\n\u{201c}The plan will hurt every family on our street.\u{201d} \u{2015} Maria Gomez Ruiz\n\nThe mayor spoke later.";
        let qs = direct(body, &persons(body, &["Maria Gomez Ruiz"]));
        let sig = qs.iter().find(|q| q.text.contains("every family")).unwrap();
        assert_eq!(
            sig.speaker.as_ref().map(|s| s.text.as_str()),
            Some("Maria Gomez Ruiz")
        );
        assert_eq!(sig.cue.as_deref(), Some("signature"));
    }

    #[test]
    fn a_signature_after_a_no_break_space() {
        let body = "\u{201c}The budget is a disgrace and nobody should vote for it.\u{201d}\u{a0}\u{2015} Rosa Varga\u{a0}\n";
        assert_eq!(first_speaker(body, &[]), "Rosa Varga");
    }

    #[test]
    fn a_signature_opening_the_next_line_with_a_hyphen() {
        let body =
            "Letters.\n\n\u{201c}The new bridge has changed how we all get to work.\u{201d}\n-Mark Lee, Dayton.";
        assert_eq!(first_speaker(body, &[]), "Mark Lee");
    }

    #[test]
    fn a_one_word_signature_on_a_line_of_its_own() {
        let body =
            "\u{201c}Big companies pay almost nothing in taxes.\u{201d}\n\n- Ortiz.\n\nThat is a complex issue.";
        assert_eq!(first_speaker(body, &[]), "Ortiz");
    }

    #[test]
    fn an_introducing_paragraph_of_its_own() {
        let body =
            "Mary Stone continued:\n\n\"We will build the bridge next year, whatever it costs.\"";
        assert_eq!(
            speakers(body, &persons(body, &["Mary Stone"])),
            vec!["Mary Stone"]
        );
    }

    #[test]
    fn a_transcript_line() {
        let body = "The hearing went on.\n\n\"REED: That is not what the council decided.\"";
        let qs = direct(body, &[]);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "REED");
        assert_eq!(qs[0].cue.as_deref(), Some("transcript"));
    }

    #[test]
    fn multibyte_text_near_the_transcript_window() {
        // the transcript check looks at the first 60 bytes: a curly apostrophe straddles byte 60
        let body = format!(
            "\"{}\u{2019}s here and more words,\" he said.",
            "x".repeat(58)
        );
        assert_eq!(all(&body, &[]).len(), 1);
    }

    #[test]
    fn a_name_and_a_colon_after_a_dash() {
        let body = "Polls missed the turn - PollWatch: \u{201c}Our models could not see the late swing at all.\u{201d}";
        assert_eq!(first_speaker(body, &[]), "PollWatch");
    }

    #[test]
    fn a_sentence_ending_in_a_colon_is_no_name() {
        let body = "The pattern is clear: \u{201c}Nobody reads these reports at all.\u{201d}";
        let qs = direct(body, &[]);
        assert!(qs.is_empty() || qs[0].speaker.as_ref().is_none_or(|s| s.text != "clear"));
    }
}
