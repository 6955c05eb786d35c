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
    /// The first words of the phrases of two or more words.
    starts: FastSet<String>,
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
        let starts = words
            .iter()
            .filter(|w| w.contains(' '))
            .filter_map(|w| w.split_whitespace().next())
            .map(str::to_string)
            .collect();
        Vocabulary {
            words,
            starts,
            longest,
        }
    }

    /// The entry starting at `tokens[i]`, longest first: its length in tokens and its text.
    fn entry_at(&self, tokens: &[&str], i: usize, phrase: &mut String) -> usize {
        if self.starts.contains(tokens[i]) {
            for n in (2..=self.longest.min(tokens.len() - i)).rev() {
                phrase.clear();
                for (k, t) in tokens[i..i + n].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(t);
                }
                if self.words.contains(phrase.as_str()) {
                    return n;
                }
            }
        }
        if self.words.contains(tokens[i]) {
            phrase.clear();
            phrase.push_str(tokens[i]);
            return 1;
        }
        0
    }

    /// Occurrences (longest match first, no overlaps) and distinct entries among `tokens`,
    /// trying only the positions in `at` (ascending; those whose token opens some entry).
    fn count(&self, tokens: &[&str], at: &[usize]) -> (usize, usize) {
        let mut seen: FastSet<String> = FastSet::default();
        let mut hits = 0;
        let mut next = 0;
        let mut phrase = String::new();
        for &i in at {
            if i < next {
                continue;
            }
            let n = self.entry_at(tokens, i, &mut phrase);
            if n > 0 {
                hits += 1;
                if !seen.contains(phrase.as_str()) {
                    seen.insert(phrase.clone());
                }
                next = i + n;
            }
        }
        (hits, seen.len())
    }

    /// The words that open an entry (a single word or a phrase's first).
    fn openers(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter(|w| !w.contains(' '))
            .chain(self.starts.iter())
            .map(String::as_str)
    }

    /// The first entry among `tokens`, if any.
    fn first(&self, tokens: &[&str]) -> Option<String> {
        let mut phrase = String::new();
        (0..tokens.len())
            .find_map(|i| (self.entry_at(tokens, i, &mut phrase) > 0).then(|| phrase.clone()))
    }
}

static SPORTS: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../data/relevance/sports-words.txt")));
static POLITICS: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../data/relevance/politics-words.txt")));
static MARKETS: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::parse(include_str!("../data/relevance/markets-words.txt")));

/// Every word that opens an entry of the sports, market or politics vocabulary: one lookup
/// per token finds the few positions worth trying.
static OPENERS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    [&*SPORTS, &*MARKETS, &*POLITICS]
        .iter()
        .flat_map(|v| v.openers())
        .map(str::to_string)
        .collect()
});

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

/// The tokens of an article's lead (its title and first sentence or two), where a story-level
/// discard phrase counts.
const LEAD_TOKENS: usize = 50;

/// The cues of one article.
#[derive(Debug, Default, PartialEq)]
struct Cues {
    words: usize,
    sports: (usize, usize),
    markets: (usize, usize),
    politics: (usize, usize),
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

/// What one line holds, its words classified once.
#[derive(Debug, Default, PartialEq)]
struct LineCues {
    scores: usize,
    figures: usize,
    /// A results table's row: a name and three or more figures or scores.
    table_row: bool,
    /// A results list's row: a name, a figure, a name, a figure ("Northport 2 Eastfield 0").
    result_row: bool,
}

fn line_cues(line: &str) -> LineCues {
    let mut c = LineCues::default();
    let mut words = 0;
    // runs of figures and of other words, up to five, for the results-list shape
    let mut shape = [false; 5];
    let mut runs = 0;
    for w in line.split_whitespace() {
        let score = w.contains(['-', '\u{2013}']) && is_score(w);
        let figure = !score && is_figure(w);
        if score {
            c.scores += 1;
        } else if figure {
            c.figures += 1;
        } else if w.chars().any(char::is_alphabetic) {
            words += 1;
        }
        if runs == 0 || shape[(runs - 1).min(4)] != figure {
            if runs < 5 {
                shape[runs] = figure;
            }
            runs += 1;
        }
    }
    c.table_row = c.figures + c.scores >= 3 && (1..=6).contains(&words);
    c.result_row = !c.table_row && runs == 4 && shape[..4] == [false, true, false, true];
    c
}

fn cues(body: &str, lower: &[&str]) -> Cues {
    let at: Vec<usize> = (0..lower.len())
        .filter(|&i| OPENERS.contains(lower[i]))
        .collect();
    let mut c = Cues {
        words: lower
            .iter()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .count(),
        sports: SPORTS.count(lower, &at),
        markets: MARKETS.count(lower, &at),
        politics: POLITICS.count(lower, &at),
        ..Cues::default()
    };
    for line in body.lines() {
        let l = line_cues(line);
        c.score_lines += l.scores;
        c.figures += l.figures;
        c.table_rows += usize::from(l.table_row);
        c.result_rows += usize::from(l.result_row);
    }
    // PETRARCH applied its discards to a story's lead: a phrase further down (a candidate's
    // aside about last night's cup final) says nothing of what the story is about
    c.discard = STORY_DISCARDS.first(&lower[..lower.len().min(LEAD_TOKENS)]);
    c
}

/// Rule "sports report": distinct sports words, and either their density or the score lines
/// and table rows of results.
fn is_sports(c: &Cues) -> bool {
    let (hits, distinct) = c.sports;
    let dense = hits * 100 >= c.words.max(1) * 3;
    let results = c.score_lines + c.result_rows;
    // many different sports words are a sports story even when spread thin over a long one
    let varied = distinct >= 5 && hits * 200 >= c.words.max(1) * 3;
    distinct >= 3 && dense
        || varied
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
    if c.politics.0 > 0 {
        say(format!(
            "politics words {} ({} distinct)",
            c.politics.0, c.politics.1
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
    // a topic's own words must outweigh politics' ("Trump says the NFL has gone soft" is
    // about politics; a match report names no minister)
    let politics = c.politics.0;
    let topic = if is_sports(&c) && c.sports.0 > politics {
        Some(Topic::Sports)
    } else if is_markets(&c) && c.markets.0 > politics {
        Some(Topic::Markets)
    } else if c.discard.is_some() && politics <= 2 {
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
        assert!(line_cues("Hamburg 12 7 3 2 21").table_row);
        assert!(!line_cues("The 27 ministers met on 3 March in 2024 to talk.").table_row);
        for row in ["Northport 2 Eastfield 0", "St Kilda 88 Essendon 71"] {
            assert!(line_cues(row).result_row, "{row}");
        }
        assert!(!line_cues("He won 52 percent against 48 for his rival").result_row);
        let l = line_cues("Sampras beat Rios 6-4 7-5 in 92 minutes");
        assert_eq!((l.scores, l.figures), (2, 1));
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
            // sports words in a campaign story: the politics outweighs them
            "The senator told voters at a stadium rally that the league's coach and the \
             players should stand for the anthem. The candidate's campaign said the senate vote \
             on the bill would come after the primary, and the party's delegates agreed.",
            // a discard phrase far from the lead
            "The president met opposition leaders on Sunday to discuss the election law, \
             officials said. Parliament will vote on the bill next week, the government said, \
             and the opposition promised protests if the court does not rule first. Talks \
             continue. Some delegates left early to watch the Super Bowl on television.",
        ] {
            let r = judge_text(text);
            assert!(r.political, "{text}: {r:?}");
        }
    }
}
