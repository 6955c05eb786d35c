//! Tokens and sentences with byte offsets into the body.
//!
//! Tokens: whitespace-separated chunks with leading and trailing punctuation peeled off, the
//! possessive `'s` split, and the final period kept on abbreviations ("U.S.", "Mr.", "Jan.")
//! and initials ("J."). Linear in the text, no allocation per token beyond the table.
//!
//! Sentences: a run of tokens ended by `.`, `!` or `?` (with any closing quotes or brackets
//! after it) when the next token starts a sentence (capital, digit, opening quote), by a blank
//! line, or by a single line break before a line that does not start in lower case.

/// A token: `body[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// A sentence: `body[start..end]`, tokens `tok_start..tok_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Abbreviations whose full stop ends no sentence (`data/nlp/abbreviations.txt`).
fn abbreviations() -> &'static dateline_core::hash::FastSet<String> {
    static SET: std::sync::LazyLock<dateline_core::hash::FastSet<String>> =
        std::sync::LazyLock::new(|| {
            dateline_core::words::set(include_str!("../data/nlp/abbreviations.txt"))
        });
    &SET
}

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if abbreviations().contains(&w) {
        return true;
    }
    // initials and dotted acronyms: "J", "U.S", "S.AFRICA" is not one
    let letters: Vec<&str> = word.split('.').collect();
    letters
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

const OPENERS: &[char] = &['"', '\u{201c}', '\u{2018}', '(', '[', '{', '\'', '`'];
const CLOSERS: &[char] = &[
    '"', '\u{201d}', '\u{2019}', '\'', ')', ']', '}', '.', ',', ';', ':', '!', '?',
];

/// Each token of `toks` in lower case, in order: the one place a document's tokens are
/// lower-cased, for every stage that reads words case-blind.
pub fn lower_case(body: &str, toks: &[Token]) -> Vec<String> {
    toks.iter().map(|t| t.text(body).to_lowercase()).collect()
}

/// Split `body` into tokens.
pub fn tokenize(body: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(body.len() / 5);
    let mut start = None;
    for (i, c) in body.char_indices() {
        // dashes used as punctuation split words: "Moscow—the Kremlin"
        let split = c.is_whitespace() || c == '\u{2014}' || c == '\u{2013}';
        // a closing quote glued to the next word: `mean-spirited,”Clinton said`
        if c == '\u{201d}' && body[i + c.len_utf8()..].starts_with(char::is_alphabetic) {
            let s = start.take().unwrap_or(i);
            chunk(body, s, i + c.len_utf8(), &mut out);
            continue;
        }
        if split {
            if let Some(s) = start.take() {
                chunk(body, s, i, &mut out);
            }
            if !c.is_whitespace() {
                out.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(body, s, body.len(), &mut out);
    }
    out
}

fn chunk(body: &str, mut s: usize, mut e: usize, out: &mut Vec<Token>) {
    // leading punctuation
    while s < e {
        let c = body[s..e].chars().next().unwrap_or(' ');
        let rest = &body[s + c.len_utf8()..e];
        let apostrophe_word = (c == '\'' || c == '\u{2019}')
            && (rest.starts_with(|x: char| x.is_ascii_digit()) || rest == "s");
        if OPENERS.contains(&c) && !rest.is_empty() && !apostrophe_word {
            out.push(Token {
                start: s,
                end: s + c.len_utf8(),
            });
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // trailing punctuation, collected in reverse
    let mut tail = Vec::new();
    while e > s {
        let c = body[s..e].chars().next_back().unwrap_or(' ');
        let cl = c.len_utf8();
        if !CLOSERS.contains(&c) || e - cl == s {
            break;
        }
        if c == '.' {
            let word = &body[s..e - cl];
            if is_abbreviation(word) && tail.is_empty() {
                break; // "U.S." keeps its period
            }
            if word.ends_with('.') {
                // "..." ellipsis: one token
                let dots = body[s..e].bytes().rev().take_while(|&b| b == b'.').count();
                if dots >= 2 && e - dots > s {
                    tail.push(Token {
                        start: e - dots,
                        end: e,
                    });
                    e -= dots;
                    continue;
                }
            }
        }
        tail.push(Token {
            start: e - cl,
            end: e,
        });
        e -= cl;
    }
    if e > s {
        // possessive 's / ’s
        let w = &body[s..e];
        let poss = ["'s", "\u{2019}s", "'S"];
        let mut split_at = None;
        for p in poss {
            if w.len() > p.len() && w.ends_with(p) {
                split_at = Some(e - p.len());
            }
        }
        match split_at {
            Some(m) => {
                out.push(Token { start: s, end: m });
                out.push(Token { start: m, end: e });
            }
            None => out.push(Token { start: s, end: e }),
        }
    }
    out.extend(tail.into_iter().rev());
}

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "..." | "…") || t.ends_with("...")
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]")
}

fn starts_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '(' | '\'' | '-')
    })
}

/// Split tokens into sentences.
pub fn sentences(body: &str, toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    if toks.is_empty() {
        return out;
    }
    let mut first = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].text(body);
        let mut end_here = false;
        let mut last = i;
        if is_terminal(t) {
            while last + 1 < toks.len()
                && is_closer(toks[last + 1].text(body))
                && toks[last + 1].start == toks[last].end
            {
                last += 1;
            }
            end_here = match toks.get(last + 1) {
                None => true,
                Some(n) => starts_sentence(n.text(body)),
            };
        } else if t.ends_with('.') && t.len() > 1 && i + 1 < toks.len() {
            // abbreviation at a line break ends the sentence when a new line starts
            let gap = &body[toks[i].end..toks[i + 1].start];
            end_here = gap.contains("\n\n");
        }
        if !end_here {
            if let Some(n) = toks.get(last + 1) {
                let gap = &body[toks[last].end..n.start];
                if gap.contains('\n') {
                    let blank = gap.matches('\n').count() >= 2;
                    let lower = n
                        .text(body)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase());
                    end_here = blank || !lower;
                }
            }
        }
        if end_here || last + 1 == toks.len() {
            out.push(Sentence {
                start: toks[first].start,
                end: toks[last].end,
                tok_start: first,
                tok_end: last + 1,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn backtick_quotes_open_apart_from_the_word() {
        assert_eq!(
            toks("``Today, he said.''"),
            vec!["`", "`", "Today", ",", "he", "said", ".", "'", "'"]
        );
    }

    #[test]
    fn a_closing_quote_glued_to_the_next_word_splits() {
        assert_eq!(
            toks("divisive,\u{201d}Clinton said"),
            vec!["divisive", ",", "\u{201d}", "Clinton", "said"]
        );
    }

    #[test]
    fn tokens_and_offsets() {
        assert_eq!(
            toks("Putin's \"summer\" home, the U.S. said."),
            vec!["Putin", "'s", "\"", "summer", "\"", "home", ",", "the", "U.S.", "said", "."]
        );
        assert_eq!(toks("(Mr. J. Smith)"), vec!["(", "Mr.", "J.", "Smith", ")"]);
        assert_eq!(toks("3,500.5 km—far"), vec!["3,500.5", "km", "—", "far"]);
        assert_eq!(toks("states' rights"), vec!["states", "'", "rights"]);
        let s = "Ünïcode “quotes”…";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }

    #[test]
    fn sentence_boundaries() {
        let s = "Mr. Smith went to the U.S. on Monday. He said: \"It rained.\" Then he left!\n\nNew paragraph\nwith a wrapped line";
        let t = tokenize(s);
        let ss: Vec<&str> = sentences(s, &t)
            .iter()
            .map(|x| &s[x.start..x.end])
            .collect();
        assert_eq!(
            ss,
            vec![
                "Mr. Smith went to the U.S. on Monday.",
                "He said: \"It rained.\"",
                "Then he left!",
                "New paragraph\nwith a wrapped line"
            ]
        );
    }

    #[test]
    fn hostile_text() {
        for s in [
            "",
            " ",
            ".",
            "\"\"\"",
            "'s",
            "...",
            "a.b.c.d.e.",
            "\u{201c}",
            "—",
        ] {
            let t = tokenize(s);
            let _ = sentences(s, &t);
        }
        let big = "word ".repeat(100_000);
        let t = tokenize(&big);
        assert_eq!(sentences(&big, &t).len(), 1);
    }
}
