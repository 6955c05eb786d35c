//! The tense of a clause, which decides which way a time named without a year or a week
//! points: a bare weekday, a month, a day of a month, a quarter, a season, a holiday.
//!
//! Heuristics:
//! - **local tense** ([`local_tense`]): the nearest tense word among the ten words before and
//!   the two after (up to a clause boundary) decides; a future marker ("will", "plans to",
//!   "expected to", "scheduled a …", "set to", "soon", a start told in the present: "opens
//!   Saturday") points ahead, a past-tense verb ("said", an irregular past from
//!   `data/nlp/irregular-past-verbs.txt`, a lower-case word in -ed) back;
//! - a participle after "be" ("will be held") says nothing; a participle after a determiner
//!   ("a contested convention") or starting with "un" is an adjective;
//! - "plan", "expected", "due", "scheduled", "set" look ahead only before "to"/"for" ("due by",
//!   "scheduled a news conference"): "a cooperation plan" is a noun;
//! - a plan in the pluperfect ("had been scheduled to expire Friday") is a past plan;
//! - **deadlines** ([`deadline`]): a time after "until"/"till"/"through" in a clause that gives,
//!   extends, postpones or runs ("has given the family until 9 a.m. Tuesday", "the exhibit runs
//!   through Sunday") is still to come, whatever the tense ("have held primaries through
//!   Tuesday" is done: "has"/"have" count only with "until");
//! - **looking ahead** ([`looks_ahead`]): whether a sentence holds a future cue at all
//!   (`data/nlp/future-cues.txt`), or a strong one (`strong-future-cues.txt`).

use super::sentence::Ctx;
use super::words::{words as time_words, DETERMINERS, FORMS_OF_BE, PAST_ADVERB};

/// How far a sentence looks ahead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Outlook {
    /// It holds a future cue.
    pub future: bool,
    /// It holds a strong one ("will", "next", "tomorrow": enough to move a bare weekday
    /// forward).
    pub strong_future: bool,
}

/// How far a sentence of `words` looks ahead.
pub(super) fn looks_ahead(words: &[String]) -> Outlook {
    let cues = time_words();
    // ("next to the embassy", "next door" look nowhere)
    let cue = |k: usize| {
        let w = words[k].as_str();
        w != "next" || !matches!(words.get(k + 1).map(String::as_str), Some("to" | "door"))
    };
    let future = (0..words.len()).any(|k| cues.future_cues.contains(words[k].as_str()) && cue(k));
    let strong_future =
        (0..words.len()).any(|k| cues.strong_future_cues.contains(words[k].as_str()) && cue(k));
    Outlook {
        future,
        strong_future,
    }
}

/// The tense of the clause around token `i` from the words nearest to it (ten before, two
/// after): a future marker ("will", "plans", "to leave … on Thursday") gives 1, a past-tense
/// verb ("said", "met", "was", a word in -ed) gives -1; the nearest decides.
pub(super) fn local_tense(cx: &Ctx, i: usize) -> Option<i32> {
    let (future, past) = (
        &time_words().clause_future_cues,
        &time_words().irregular_past,
    );
    let class = |j: usize| -> Option<i32> {
        let w = cx.words[j].as_str();
        let lower_case = cx.raw[j].chars().next().is_some_and(char::is_lowercase);
        // a participle after "be" ("will be held") says nothing of the tense
        let after_be = j > 0 && FORMS_OF_BE.contains(&cx.words[j - 1].as_str());
        let next = cx.words.get(j + 1).map_or("", String::as_str);
        // ("a contested convention", "the expanded program": a participle after a
        // determiner is an adjective)
        // ("unspecified", "undisclosed" are adjectives too)
        let adjective =
            w.starts_with("un") || j > 0 && DETERMINERS.contains(&cx.words[j - 1].as_str());
        // "plans to", "expected to", "set to resume": a noun ("a cooperation plan") or a
        // participle without "to" looks nowhere
        let needs_to = matches!(
            w,
            "plan" | "plans" | "expected" | "due" | "scheduled" | "set"
        );
        // ("has scheduled a hearing Monday": a plan with its object)
        let planned_thing =
            matches!(w, "scheduled" | "planned") && matches!(next, "a" | "an" | "the");
        let looks_ahead =
            matches!(next, "to" | "for") || (w == "due" && next == "by") || planned_thing;
        if needs_to && !looks_ahead {
            return None;
        }
        // "had been scheduled to expire Friday": planned in the past, for the past
        let pluperfect = (j.saturating_sub(3)..j).any(|k| cx.words[k] == "had");
        if (future.contains(w) || w == "set" || w == "soon") && pluperfect && w != "will" {
            Some(-1)
        } else if future.contains(w) || w == "set" || w == "soon" {
            Some(1)
        } else if after_be {
            None
        } else if (past.contains(w) || w == PAST_ADVERB)
            || (lower_case && w.len() > 4 && w.ends_with("ed") && !adjective)
        {
            Some(-1)
        } else {
            None
        }
    };
    let before = (i.saturating_sub(10)..i).rev().map(|j| (i - j, j));
    // (the words after, up to a clause boundary: "on Saturday and were planning" is no past)
    let stop = (i + 1..(i + 3).min(cx.words.len()))
        .find(|&j| matches!(cx.words[j].as_str(), "and" | "but" | "," | "." | ";"))
        .unwrap_or((i + 3).min(cx.words.len()));
    let after = (i + 1..stop).map(|j| (j - i, j));
    let mut near: Vec<(usize, usize)> = before.chain(after).collect();
    near.sort_by_key(|&(d, j)| (d, j));
    near.into_iter().find_map(|(_, j)| class(j))
}

/// Whether the expression at token `i` is a deadline still to come: after "until" (a clock
/// time between) in a clause that gives, extends or postpones ("has given the family until 9
/// a.m. Tuesday", "postponed until Tuesday morning"), written in whatever tense.
pub(super) fn deadline(cx: &Ctx, i: usize) -> bool {
    let Some(u) = (i.saturating_sub(5)..i)
        .rev()
        .take_while(|&j| !matches!(cx.words[j].as_str(), "," | ";" | "." | "and"))
        .find(|&j| matches!(cx.words[j].as_str(), "until" | "till" | "through"))
    else {
        return false;
    };
    // ("have held primaries through Tuesday" is done: "has"/"have" only with "until")
    let through = cx.words[u] == "through";
    (u.saturating_sub(8)..u).any(|j| {
        let w = cx.words[j].as_str();
        time_words().deadline_cues.contains(w) && !(through && matches!(w, "has" | "have"))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{case, check};

    #[test]
    fn a_weekday_takes_the_tense_of_its_own_clause() {
        check(&[
            // "predicted Wednesday": past, though the sentence also says "will"
            case(
                "Lawyers will appeal, Cuba predicted Wednesday.",
                "2000-01-07",
                &[("Wednesday", "2000-01-05")],
            ),
            // "planned a march on Saturday": the coming Saturday
            case(
                "Farmers planned a march on Saturday.",
                "2000-01-07",
                &[("Saturday", "2000-01-08")],
            ),
            // ... also when the next clause is past ("on Saturday and were planning")
            case(
                "Farmers planned a march on Saturday and were planning a rally.",
                "2000-01-07",
                &[("Saturday", "2000-01-08")],
            ),
            // "has scheduled a town meeting Thursday": the coming Thursday
            case(
                "The mayor has scheduled a town meeting Thursday.",
                "2000-01-07",
                &[("Thursday", "2000-01-13")],
            ),
            // "Wednesday's ruling" is past, though the clause looks ahead
            case(
                "They will look for ways around Wednesday's ruling.",
                "2000-01-07",
                &[("Wednesday", "2000-01-05")],
            ),
            // "said Friday" on a Friday: that day
            case(
                "The minister said Friday that talks had failed.",
                "2000-01-07",
                &[("Friday", "2000-01-07")],
            ),
            // a clock time, "noon" or "midnight" before a day takes that day's date
            case(
                "Bids close at 5 p.m. EST, Jan. 11, the bank said.",
                "2000-01-07",
                &[("5 p.m. EST, Jan. 11", "2000-01-11T17:00")],
            ),
            case(
                "The deadline passed at noon Wednesday.",
                "2000-01-07",
                &[("noon Wednesday", "2000-01-05T12:00")],
            ),
            // a noun "plan" looks nowhere: the past-tense verb decides
            case(
                "The two ministers signed a trade plan Friday.",
                "2000-01-07",
                &[("Friday", "2000-01-07")],
            ),
            // the weekday of publication in the future is that day; "next" is a week on
            case(
                "The king will meet the envoy on Friday.",
                "2000-01-07",
                &[("Friday", "2000-01-07")],
            ),
            case(
                "The king will meet the envoy next Friday.",
                "2000-01-07",
                &[("Friday", "2000-01-14")],
            ),
            // "set to resume Monday", "as soon as Tuesday": ahead
            case(
                "Mediators said the talks are set to resume Monday.",
                "2000-01-07",
                &[("Monday", "2000-01-10")],
            ),
            // scheduled in the past for the past
            case(
                "The offer had been scheduled to expire Wednesday.",
                "2000-01-07",
                &[("Wednesday", "2000-01-05")],
            ),
        ]);
    }
}
