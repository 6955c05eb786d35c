//! Quotation marks: paragraphs, the spans between opening and closing marks, and the marks
//! that do not quote anyone.
//!
//! Heuristics:
//! - **Paragraphs.** A line break ends a paragraph when a blank line follows (a line holding
//!   only spaces, tabs or a no-break space counts as blank).
//! - **Curly and straight marks.** Curly quotes open and close; straight double quotes toggle.
//! - **Nesting.** Curly quotes inside curly quotes (`“… what she calls “chaos” than …”`) are
//!   read as nested only where the paragraph's curly marks balance, or the marks of the line
//!   balance and the outer quote opened on that line: a mark left open by a typo would
//!   otherwise swallow the quotes after it.
//! - **Multi-paragraph quotes.** A quote left open at the end of a paragraph runs to the end of
//!   that paragraph; when the next paragraph opens with a quote mark it continues there as a new
//!   segment (joined in [`super::fragments`]).
//! - **Nicknames.** A one-word capitalised nickname in marks between two capitalised words
//!   (`Maria "Mia" Ortiz`) is part of a name, not a quote; a headline of capitalised words
//!   after it (`Felt “Invisible” As A Child`) is not a name.
//! - **Titles.** Words in marks that are all capitalised but for short function words
//!   (`“Face the Nation”`) read as a title or a slogan.

use super::words::TITLE_FUNCTION_WORDS;

/// A direct quote before attribution: content span and the paragraph it ends in.
pub(super) struct Raw {
    pub(super) start: usize,
    pub(super) end: usize,
    /// byte just after the closing mark (or the content end if none)
    pub(super) after: usize,
    /// byte of the opening mark
    pub(super) open: usize,
    pub(super) para_start: usize,
    pub(super) para_end: usize,
}

/// The paragraphs of `body` as byte spans: a line break ends one when a blank line (or the end
/// of the body) follows.
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

/// The current line of a paragraph and whether its curly marks balance, computed once per
/// line as the scan reaches it.
#[derive(Default)]
struct LineBalance {
    start: usize,
    end: usize,
    balanced: bool,
}

impl LineBalance {
    /// Whether an opening curly mark at `off` in `text` nests inside the quote opened at
    /// paragraph offset `open_off`: the line's marks balance and the quote opened on it.
    fn nests(&mut self, text: &str, off: usize, open_off: Option<usize>) -> bool {
        if off >= self.end {
            let ls = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let le = text[off..].find('\n').map_or(text.len(), |i| off + i);
            *self = LineBalance {
                start: ls,
                end: le,
                balanced: curly_balanced(&text[ls..le]),
            };
        }
        self.balanced && open_off.is_some_and(|o| o >= self.start)
    }
}

/// The direct quotes of one paragraph `body[ps..pe]`, appended to `out`.
fn quotes_in_paragraph(body: &str, ps: usize, pe: usize, out: &mut Vec<Raw>) {
    let text = &body[ps..pe];
    let raw = |o: usize, s: usize, end: usize, after: usize| Raw {
        start: s,
        end,
        after,
        open: o,
        para_start: ps,
        para_end: pe,
    };
    let mut open: Option<(usize, usize)> = None; // (mark byte, content start)
    let nest = curly_balanced(text);
    let mut depth = 0usize;
    let mut inner_straight = false;
    let mut line = LineBalance::default();
    for (off, c) in text.char_indices() {
        let at = ps + off;
        match c {
            '\u{201c}' if open.is_none() => {
                open = Some((at, at + c.len_utf8()));
            }
            '\u{201c}' if nest || line.nests(text, off, open.map(|(o, _)| o - ps)) => depth += 1,
            '\u{201d}' if depth > 0 => depth -= 1,
            '\u{201d}' => {
                inner_straight = false;
                if let Some((o, s)) = open.take() {
                    out.push(raw(o, s, at, at + c.len_utf8()));
                }
            }
            // straight marks inside a curly quote quote within it (`“… a "temporary" truce,”`):
            // one that opens (after a space, before a word) with another before the curly
            // close; one that closes (after a word or a comma) ends the curly quote, typed in
            // haste (`“Roads matter," he said. "They…”`)
            '"' if open.is_some_and(|(o, _)| body[o..].starts_with('\u{201c}')) => {
                if inner_straight {
                    inner_straight = false;
                } else if opens_here(text, off) && straight_pair_inside(&text[off + 1..]) {
                    inner_straight = true;
                } else if let Some((o, s)) = open.take() {
                    out.push(raw(o, s, at, at + 1));
                }
            }
            '"' => match open.take() {
                Some((o, s)) => out.push(raw(o, s, at, at + 1)),
                None => open = Some((at, at + 1)),
            },
            _ => {}
        }
    }
    if let Some((o, s)) = open {
        // open at paragraph end: the quote runs to the end of the paragraph; when the next
        // paragraph opens with a quote mark, it continues there (a new segment)
        if pe > s {
            out.push(raw(o, s, pe, pe));
        }
    }
}

/// Whether the straight mark at byte `off` of `text` stands where a quote opens: after a space
/// (or the start) and before a word.
fn opens_here(text: &str, off: usize) -> bool {
    let before = text[..off].chars().next_back();
    let after = text[off + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || c == '(')
        && after.is_some_and(|c| !c.is_whitespace())
}

/// Whether `rest` (after a straight mark inside a curly quote) holds another straight mark
/// before the curly quote's close: the two quote something within the quote.
fn straight_pair_inside(rest: &str) -> bool {
    match (rest.find('"'), rest.find('\u{201d}')) {
        (Some(straight), Some(close)) => straight < close,
        _ => false,
    }
}

/// Every span between quotation marks in `body`, paragraph by paragraph (empty ones left out).
pub(super) fn find_direct(body: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for (ps, pe) in paragraphs(body) {
        quotes_in_paragraph(body, ps, pe, &mut out);
    }
    out.retain(|r| !body[r.start..r.end].trim().is_empty());
    out
}

/// A one-word capitalised nickname in quotation marks between two capitalised words.
pub(super) fn nickname(body: &str, r: &Raw) -> bool {
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

/// Words in quotation marks that read as a title or a slogan: every word capitalised except
/// short function words (`“Face the Nation”`, `“Stop Mass Naturalization”`).
pub(super) fn title_like(s: &str) -> bool {
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
                || TITLE_FUNCTION_WORDS.contains(w)
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{direct, ent, speakers};
    use super::*;
    use dateline_core::EntityType;

    #[test]
    fn a_quote_open_at_a_paragraph_end_continues_in_the_next() {
        let body = "\"The first half of the speech ran long,\n\n\"and the second half ran longer,\" she said.";
        assert_eq!(find_direct(body).len(), 2);
    }

    #[test]
    fn nested_curly_quotes_do_not_close_the_outer_quote() {
        let body = "\u{201c}I prefer what she dismisses as \u{201c}noise\u{201d} to this silence.\u{201d} \u{2015} Tom Ellis\n";
        let qs = direct(body, &[]);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert!(qs[0].text.ends_with("to this silence."), "{:?}", qs[0].text);
        assert_eq!(qs[0].speaker.as_ref().unwrap().text, "Tom Ellis");
    }

    #[test]
    fn straight_marks_inside_a_curly_quote_quote_within_it() {
        let body = "\u{201c}We will not accept a \"temporary\" truce at the border,\u{201d} Ruto told reporters.";
        let q = find_direct(body);
        assert_eq!(q.len(), 1);
        assert_eq!(
            &body[q[0].start..q[0].end],
            "We will not accept a \"temporary\" truce at the border,"
        );
        // a straight mark after a word closes a curly quote typed in haste, also when the
        // quote goes on after the attribution with straight and curly marks mixed
        let body = "\u{201c}Roads matter,\" he said. \"They carry trade.\u{201d}";
        let q: Vec<&str> = find_direct(body)
            .iter()
            .map(|r| &body[r.start..r.end])
            .collect();
        assert_eq!(q, vec!["Roads matter,", "They carry trade."]);
        let body = "\u{201c}We will go,\" he said. \"Soon.\"";
        let q: Vec<&str> = find_direct(body)
            .iter()
            .map(|r| &body[r.start..r.end])
            .collect();
        assert_eq!(q, vec!["We will go,", "Soon."]);
    }

    #[test]
    fn a_mark_left_open_by_a_typo_does_not_swallow_the_quotes_after_it() {
        let body =
            "He called them \u{201c}criminals\u{201d} and \u{201c}thieves. \u{201c}We will build it,\u{201d} Lee told reporters.";
        let ents = vec![ent(body, "Lee", EntityType::Person)];
        let qs = direct(body, &ents);
        let q = qs.iter().find(|q| q.text.contains("We will")).unwrap();
        assert_eq!(q.speaker.as_ref().unwrap().text, "Lee");
    }

    #[test]
    fn a_line_holding_only_a_no_break_space_ends_the_paragraph() {
        let body = "\u{201c}Who else will fix the roads?\u{201d} he asked.\n\u{a0}\nEditor\u{2019}s note: this column has been updated.";
        assert_eq!(speakers(body, &[]), vec!["he"]);
    }

    #[test]
    fn a_quote_after_a_no_break_space_line_keeps_its_speaker() {
        let body = "\u{201c}Look at these numbers,\u{201d} he said. \u{201c}Who else will fix the roads?\u{201d}\n\u{a0}\nEditor\u{2019}s note: the figures were corrected.";
        let who = speakers(body, &[]);
        assert!(!who.is_empty() && who.iter().all(|s| s == "he"), "{who:?}");
    }

    #[test]
    fn a_nickname_between_two_capitalised_words_is_no_quote() {
        let body = "Maria \"Mia\" Ortiz spoke.";
        let raws = find_direct(body);
        assert_eq!(raws.len(), 1);
        assert!(nickname(body, &raws[0]));
        // a headline of capitalised words after it is no name
        let body = "Singer Felt \u{201c}Invisible\u{201d} As A Child";
        assert!(!nickname(body, &find_direct(body)[0]));
    }

    #[test]
    fn titles_read_as_titles() {
        assert!(title_like("Face the Nation"));
        assert!(title_like("Stop Mass Naturalization"));
        assert!(!title_like("we will stop them"));
    }
}
