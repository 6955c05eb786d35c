//! Political relevance of an article: event data is about politics, and a user filters sports
//! results, market reports and the like out before anything else. A sports report's teams
//! "beat", "attack" and "crush" each other; a market report's indexes "fall" and "recover".
//!
//! Judged from general knowledge, each cue a named rule:
//!
//! - **story discards**: PETRARCH's story-level discard phrases (`data/relevance/
//!   Phoenix.discards.txt`, the lines marked `+`: "Champions League", "Australian Open" …)
//!   mark the story as no political news, as PETRARCH does;
//! - **sports**: sports vocabulary (`data/relevance/sports-words.txt`) dense enough, or with
//!   score lines ("6-4 7-5", "beat Chile 2-1") or table rows (a name and three or more
//!   figures);
//! - **markets**: market vocabulary (`data/relevance/markets-words.txt`) dense enough among
//!   many figures.
//!
//! Thresholds are counts and shares of the article's words, so a single stray word ("a 5-4
//! ruling", "the attack on the stadium") never decides.

use dateline_core::hash::FastSet;
use dateline_core::words::entries;
use dateline_core::{Relevance, Topic};
use std::sync::LazyLock;

/// A vocabulary of single words and short phrases (matched on consecutive lower-case tokens).
struct Vocabulary {
    words: FastSet<String>,
    /// The most words a phrase has.
    longest: usize,
}

impl Vocabulary {
    fn parse(text: &str) -> Vocabulary {
        let words: FastSet<String> = entries(text).map(str::to_lowercase).collect();
        let longest = words
            .iter()
            .map(|w| w.split_whitespace().count())
            .max()
            .unwrap_or(1);
        Vocabulary { words, longest }
    }

    /// Occurrences (longest match first, no overlaps) and distinct entries among `tokens`.
    fn count(&self, tokens: &[&str]) -> (usize, usize) {
        let mut seen: FastSet<String> = FastSet::default();
        let mut hits = 0;
        let mut i = 0;
        let mut phrase = String::new();
        while i < tokens.len() {
            let mut matched = 0;
            for n in (1..=self.longest.min(tokens.len() - i)).rev() {
                phrase.clear();
                for (k, t) in tokens[i..i + n].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(t);
                }
                if self.words.contains(phrase.as_str()) {
                    matched = n;
                    break;
                }
            }
            if matched > 0 {
                hits += 1;
                if !seen.contains(phrase.as_str()) {
                    seen.insert(phrase.clone());
                }
                i += matched;
            } else {
                i += 1;
            }
        }
        (hits, seen.len())
    }
}

static SPORTS: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../data/relevance/sports-words.txt")));
static MARKETS: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../data/relevance/markets-words.txt")));

/// PETRARCH's story-level discard phrases, as lower-case token sequences.
static STORY_DISCARDS: LazyLock<Vocabulary> = LazyLock::new(|| {
    let text = include_str!("../data/relevance/Phoenix.discards.txt");
    let phrases: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('+'))
        .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    Vocabulary::parse(&phrases.join("\n"))
});

/// The cues of one article.
#[derive(Debug, Default, PartialEq)]
struct Cues {
    words: usize,
    sports: (usize, usize),
    markets: (usize, usize),
    score_lines: usize,
    result_rows: usize,
    table_rows: usize,
    figures: usize,
    discard: Option<String>,
}

/// Whether a whitespace-separated word is a score: two numbers of one to three digits joined
/// by a hyphen or dash ("6-4", "2-1", "110-98"), not an age or a range of years ("18-year").
fn is_score(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut parts = w.split(['-', '\u{2013}']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let short_number =
        |p: &str| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    short_number(a) && short_number(b)
}

/// Whether a word is a figure (a number, a percentage, a price).
fn is_figure(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
    w.bytes().next().is_some_and(|c| c.is_ascii_digit())
        && w.bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'%' | b'/'))
}

/// A line of a results list: a name, a figure, a name, a figure ("Northport 2 Eastfield 0").
fn is_result_row(line: &str) -> bool {
    let mut shape = Vec::new();
    for w in line.split_whitespace() {
        let figure = is_figure(w);
        if shape.last() != Some(&figure) {
            shape.push(figure);
        }
    }
    shape == [false, true, false, true]
}

/// A line of a results table: a name and three or more figures or scores.
fn is_table_row(line: &str) -> bool {
    let mut figures = 0;
    let mut words = 0;
    for w in line.split_whitespace() {
        if is_figure(w) || is_score(w) {
            figures += 1;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    figures >= 3 && (1..=6).contains(&words)
}

fn cues(body: &str, lower: &[&str]) -> Cues {
    let mut c = Cues {
        words: lower
            .iter()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count(),
        sports: SPORTS.count(lower),
        markets: MARKETS.count(lower),
        ..Cues::default()
    };
    for line in body.lines() {
        if is_table_row(line) {
            c.table_rows += 1;
        } else if is_result_row(line) {
            c.result_rows += 1;
        }
        for w in line.split_whitespace() {
            if is_score(w) {
                c.score_lines += 1;
            } else if is_figure(w) {
                c.figures += 1;
            }
        }
    }
    let (hits, _) = STORY_DISCARDS.count(lower);
    if hits > 0 {
        // name the first phrase found, for the reader
        c.discard = (0..lower.len()).find_map(|i| {
            (1..=STORY_DISCARDS.longest.min(lower.len() - i))
                .rev()
                .map(|n| lower[i..i + n].join(" "))
                .find(|p| STORY_DISCARDS.words.contains(p.as_str()))
        });
    }
    c
}

/// Rule "sports report": distinct sports words, and either their density or the score lines
/// and table rows of results.
fn is_sports(c: &Cues) -> bool {
    let (hits, distinct) = c.sports;
    let dense = hits * 100 >= c.words.max(1) * 3;
    let results = c.score_lines + c.result_rows;
    distinct >= 3 && dense
        || distinct >= 2 && results >= 2
        || distinct >= 1 && results >= 4
        || distinct >= 1 && results >= 3 && c.table_rows + c.result_rows >= 3
}

/// Rule "markets report": distinct market words, dense, among many figures.
fn is_markets(c: &Cues) -> bool {
    let (hits, distinct) = c.markets;
    let dense = hits * 100 >= c.words.max(1) * 4;
    let figures = c.figures * 100 >= c.words.max(1) * 6;
    distinct >= 4 && dense && figures
}

/// The political relevance of an article with this body and lower-case tokens.
pub fn judge(body: &str, lower: &[&str]) -> Relevance {
    let c = cues(body, lower);
    let mut r = Relevance {
        political: true,
        topic: None,
        cues: Vec::new(),
    };
    let mut say = |what: String| r.cues.push(what);
    if c.sports.0 > 0 {
        say(format!(
            "sports words {} ({} distinct)",
            c.sports.0, c.sports.1
        ));
    }
    if c.markets.0 > 0 {
        say(format!(
            "market words {} ({} distinct)",
            c.markets.0, c.markets.1
        ));
    }
    if c.score_lines > 0 {
        say(format!("scores {}", c.score_lines));
    }
    if c.result_rows > 0 {
        say(format!("result rows {}", c.result_rows));
    }
    if c.table_rows > 0 {
        say(format!("table rows {}", c.table_rows));
    }
    if let Some(d) = &c.discard {
        say(format!("story discard \"{d}\""));
    }
    let topic = if is_sports(&c) {
        Some(Topic::Sports)
    } else if is_markets(&c) {
        Some(Topic::Markets)
    } else if c.discard.is_some() {
        Some(Topic::Discarded)
    } else {
        None
    };
    if topic.is_some() {
        r.political = false;
        r.topic = topic;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge_text(body: &str) -> Relevance {
        let lower: Vec<String> = body
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
        judge(body, &refs)
    }

    #[test]
    fn every_bundled_list_loads() {
        assert!(SPORTS.words.len() > 80 && SPORTS.words.contains("goalkeeper"));
        assert!(MARKETS.words.len() > 50 && MARKETS.words.contains("per share"));
        assert!(STORY_DISCARDS.words.contains("champions league"));
        assert!(
            !STORY_DISCARDS.words.contains("champion"),
            "sentence-level entries stay out"
        );
    }

    #[test]
    fn scores_and_figures() {
        for s in ["6-4", "2-1,", "(110-98)", "3–0"] {
            assert!(is_score(s), "{s}");
        }
        for s in ["1996-08-30", "18-year-old", "a-b", "1-2-3", "2024-25"] {
            assert!(!is_score(s), "{s}");
        }
        assert!(is_figure("12.5%") && is_figure("1,200") && !is_figure("G7"));
        assert!(is_table_row("Hamburg 12 7 3 2 21"));
        assert!(!is_table_row(
            "The 27 ministers met on 3 March in 2024 to talk."
        ));
        assert!(
            is_result_row("Northport 2 Eastfield 0") && is_result_row("St Kilda 88 Essendon 71")
        );
        assert!(!is_result_row("He won 52 percent against 48 for his rival"));
    }

    #[test]
    fn a_match_report_is_sports() {
        let r = judge_text(
            "Harbour Town beat Riverside 3-1 on Saturday to stay top of the league. Their \
             striker scored twice before halftime and the goalkeeper saved a penalty in the \
             second half, the coach said after the match at the stadium.",
        );
        assert_eq!(
            (r.political, r.topic),
            (false, Some(Topic::Sports)),
            "{r:?}"
        );
    }

    #[test]
    fn a_results_table_is_sports() {
        let r = judge_text(
            "Results of the regional league on Sunday:\nNorthport 2 Eastfield 0\n\
             Millbrook 1 Westhaven 1\nStandings: Northport 7 4 2 1 12\nEastfield 7 3 2 2 9\n\
             Millbrook 7 2 3 2 8\n",
        );
        assert_eq!(r.topic, Some(Topic::Sports), "{r:?}");
    }

    #[test]
    fn a_market_report_is_markets() {
        let r = judge_text(
            "Shares closed higher on Tuesday as the index rose 1.2% to 7,412 points. Traders \
             said bond yields slipped 4 basis points, while crude settled at 81.40 and gold \
             edged up 0.3%. Quarterly earnings of 2.10 per share beat analysts' forecasts of \
             1.95; the dividend rose 5% to 0.42.",
        );
        assert_eq!(r.topic, Some(Topic::Markets), "{r:?}");
    }

    #[test]
    fn politics_near_sports_or_figures_stays_political() {
        for text in [
            "Gunmen attacked fans outside a football stadium in the capital on Sunday, killing \
             three people, police said. The interior minister ordered an inquiry.",
            "The court upheld the law in a 5-4 ruling on Monday. The opposition said it would \
             appeal to parliament and called for protests.",
            "The government raised the fuel tax by 3% and cut the budget deficit to 2.1% of \
             output, the finance minister told parliament, rejecting union demands.",
        ] {
            let r = judge_text(text);
            assert!(r.political, "{text}: {r:?}");
        }
    }
}
